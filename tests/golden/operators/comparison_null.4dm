// docs/Concepts/dt_null_undefined.md, docs/Concepts/dt_collection.md
var $o : Object
$o:={nullProp: Null}
ALERT(String($o.nullProp=$o.missing))
ALERT(String($o.missing=Null))
ALERT(String($o.missing>"abc"))
ALERT(String($o.missing=42))
ALERT(String($o.missing#42))
var $c1; $c2; $c3 : Collection
$c1:=["a"; 42]
$c2:=["a"; 42]
$c3:=$c1
ALERT(String($c1=$c3))
ALERT(String($c1=$c2))
ALERT(String(Undefined($o.missing)))
ALERT(String(Undefined($o.nullProp)))
