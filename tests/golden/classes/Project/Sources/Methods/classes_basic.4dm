// docs/Concepts/classes.md: cs.Name.new(), This, get/set, extends, Super, OB Class, OB Instance of
var $p : cs.Person
var $s : cs.Student
$p:=cs.Person.new("Ada"; "Lovelace")
ALERT($p.fullName)
ALERT($p.greet("Hello"))
ALERT($p.kind)
$p.fullName:="Grace Hopper"
ALERT($p.lastName)
$s:=cs.Student.new("Alan"; "Turing"; "Cambridge")
ALERT($s.greet("Hi"))
ALERT($s.describe())
ALERT(cs.Person.name)
ALERT(cs.Student.superclass.name)
ALERT(OB Class($s).name)
ALERT(String(OB Instance of($s; cs.Person)))
ALERT(String(OB Instance of($p; cs.Student)))
ALERT(String(OB Instance of($p; 4D.Object)))
ALERT(JSON Stringify(OB Keys($s)))
