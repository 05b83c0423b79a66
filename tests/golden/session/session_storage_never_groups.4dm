// Session.storage, like Storage, never forms a shared group: a shared object
// put in it keeps its own lock, so writing it needs Use on that object.
var $s : Object
$s:=New shared object("n"; 1)
Use (Session.storage)
	Session.storage.s:=$s
End use
Use ($s)
	$s.n:=2
End use
ALERT(String(Session.storage.s.n))
Try
	Use (Session.storage)
		$s.n:=3
	End use
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
Try
	Use (Session.storage)
		Session.storage.count:=0
	End use
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
