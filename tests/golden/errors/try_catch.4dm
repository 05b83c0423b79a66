// docs/Concepts/error-handling.md: Try...Catch, Try(expr), throw
var $r : Variant
Try
	throw(-12345; "Division by zero")
	ALERT("not reached")
Catch
	ALERT("caught "+String(Last errors[0].errCode)+": "+Last errors[0].message)
End try
$r:=Try("abc"+0.5)
ALERT(String(Undefined($r)))
ALERT(String(Last errors[0].errCode))
Try
	ALERT("no error")
Catch
	ALERT("not reached")
End try
ON ERR CALL("err_handler")
$r:=Try(throw({errCode: 42; message: "custom {what}"; what: "text"}))
ALERT(Last errors[0].message)
ON ERR CALL("")
Try
	thrower
Catch
	ALERT("from a called method: "+String(Last errors[0].errCode))
End try
