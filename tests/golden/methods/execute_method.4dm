// docs/commands/execute-method.md: a method called by its name, its result
// in a variable (or * when there is none), parameters passed on;
// docs/commands/resolve-pointer.md
EXECUTE METHOD("MySum";$result;"##0.00";10;20;30)
ALERT($result)
EXECUTE METHOD("fact";$f;5)
ALERT(String($f))
var $p : Pointer
$p:=->$result
RESOLVE POINTER($p;$name;$table;$field)
ALERT($name+" "+String($table)+" "+String($field))
ARRAY TEXT(atnames;3)
RESOLVE POINTER(->atnames{2};$name;$table;$field)
ALERT($name+" "+String($table)+" "+String($field))
Try
	EXECUTE METHOD("NoSuchMethod";*)
Catch
	ALERT(String(Last errors[0].errCode))
End try
