// docs/Concepts/dt_collection.md: 0-based, padding with null, length, references
var $c : Collection
$c:=New collection("A"; "B")
$c[5]:="Z"
ALERT(String($c.length))
ALERT(String($c[3]=Null))
ALERT(JSON Stringify($c))
ALERT(String(New collection(10; 20; 30)[0]))
var $empty : Collection
ALERT(String($empty.length))
var $d : Collection
$d:=[1; 2; 3]
$d.push(4; 5)
ALERT(String($d.length))
ALERT(String($d.indexOf(3)))
var $x : Collection
$x:=$d
$x[0]:=100
ALERT(String($d[0]))
var $lit : Collection
$lit:=[1; $empty.nope; "b"]
ALERT(JSON Stringify($lit))
