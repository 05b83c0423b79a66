// docs/Concepts/shared.md, example 2, with the errors caught: a value in one
// group cannot join another, even once detached from its parent.
var $ob1; $ob2; $ob3; $ob4 : Object
$ob1:=New shared object
$ob2:=New shared object
Use ($ob1)
	$ob1.a:=$ob2
End use
$ob3:=New shared object
$ob4:=New shared object
Use ($ob3)
	$ob3.a:=$ob4
End use
Try
	Use ($ob1)
		$ob1.b:=$ob4
	End use
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
Use ($ob3)
	$ob3.a:=Null
End use
Try
	Use ($ob1)
		$ob1.b:=$ob4
	End use
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
// Use on a member locks the whole group: $ob1 is writable inside Use($ob2).
Use ($ob2)
	$ob1.c:=1
End use
ALERT(String($ob1.c))
