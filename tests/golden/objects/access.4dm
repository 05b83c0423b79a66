// docs/Concepts/dt_object.md, dt_null_undefined.md: property access rules
var $o : Object
$o:=New object("name"; "Smith"; "age"; 42)
ALERT($o.name+" "+String($o.age))
ALERT($o["name"])
$o.address:={city: "Paris"}
ALERT($o.address.city)
ALERT(String(Undefined($o.nope.deeper)))
ALERT(String(Value type($o.missing)))
$o.a:=2
$o.a:=$o.b
ALERT(String($o.a))
$o.c:=$o.b
ALERT(String(OB Is defined($o; "c")))
$o.A:="upper"
ALERT(String($o.a)+" "+$o.A)
ALERT(JSON Stringify(OB Keys($o)))
var $p : Object
$p:=$o
$p.name:="Jones"
ALERT($o.name)
var $k : Text
$k:="dyn"
$o[$k+"amic"]:=1
ALERT(String($o.dynamic))
OB REMOVE($o; "dynamic")
ALERT(String(OB Is defined($o; "dynamic")))
ALERT(String(OB Get($o; "age")))
OB SET($o; "age"; 43; "x"; "y")
ALERT(String($o.age)+$o.x)
var $e : Object
OB SET($e; "made"; True)
ALERT(String($e.made))
