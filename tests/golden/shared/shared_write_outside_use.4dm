// Writing a shared object outside Use…End use is an error; inside it is fine.
var $s : Object
$s:=New shared object("prop1"; "alpha")
Use ($s)
	$s.prop1:="omega"
End use
ALERT($s.prop1)
$s.prop1:="beta"
ALERT("not reached")
