// docs/Concepts/error-handling.md: ON ERR CALL handler, Error, Last errors; execution resumes
ON ERR CALL("err_handler")
var $o : Object
$o:={a: Null}
$x:=$o.a.b
ALERT("after error, Error="+String(Error))
ALERT(String(Last errors.length))
ON ERR CALL("")
ALERT("done")
