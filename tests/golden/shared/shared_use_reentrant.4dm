// Use is re-entrant and counted: the lock is held until the last End use,
// and it is released on every way out of the block (here, an error caught by Try).
var $s : Object
$s:=New shared object
Use ($s)
	Use ($s)
		$s.a:=1
	End use
	$s.b:=2
End use
ALERT(String($s.a+$s.b))
Try
	Use ($s)
		$s.c:=New object
	End use
Catch
	ALERT("caught "+String(Last errors[0].errCode))
End try
Try
	$s.d:=1
Catch
	ALERT("released: "+String(Last errors[0].errCode))
End try
