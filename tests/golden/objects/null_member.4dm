// docs/Concepts/dt_null_undefined.md: reading a property of Null is an error
var $o : Object
$o:={a: Null}
ALERT(String($o.a.b))
