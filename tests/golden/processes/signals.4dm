// 4D.Signal: one-shot flag, wait with a timeout in seconds, read-only
// .signaled, .description and extra properties written under Use.
var $s : 4D.Signal
$s:=New signal("first")
ALERT($s.description+" "+String($s.signaled)+" shared: "+String(OB Is shared($s)))
$t:=Milliseconds
ALERT("timeout: "+String($s.wait(0.2))+" waited enough: "+String((Milliseconds-$t)>=150))
Use ($s)
	$s.description:="renamed"
	$s.extra:=New shared object("x"; 1)
End use
$s.trigger()
$s.trigger()
ALERT($s.description+" "+String($s.signaled)+" "+String($s.wait())+" "+String($s.extra.x))
Try
	$s.description:="outside use"
Catch
	ALERT("write outside Use: "+String(Last errors[0].errCode))
End try
Try
	$s.signaled:=False
Catch
	ALERT("signaled is read-only")
End try
ALERT(String(New signal.description=""))
