// What a shared object may hold: numbers become Real, times milliseconds;
// a regular object is refused (-10721); Storage holds only shared values.
var $s : Object
$s:=New shared object("t"; ?00:00:01?; "n"; 3)
ALERT(String($s.t))
ALERT(String(Value type($s.n)=Is real))
Try
	Use ($s)
		$s.o:=New object
	End use
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
Use ($s)
	$s.o:=New shared object("x"; 1)
End use
ALERT(String(OB Is shared($s.o)))
Try
	Use (Storage)
		Storage.count:=0
	End use
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
var $c : Collection
$c:=New shared collection
$c.push(1)
ALERT(String($c.length))
Try
	$c[0]:=2
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
