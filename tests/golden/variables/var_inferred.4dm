// docs/Concepts/variables.md: "Initializing Variables in the Declaration Line"
var $a : Text:="hello"
var $b : Date:=!2023-09-12!
var $c : Object:=New object()
var $text:="hello"  // Inferred as Text
var $number:=20  // Inferred as Real
var $obj:={}  // Inferred as an Object
var $mycol:=[]  // Inferred as a Collection
ALERT(String(Value type($a))+" "+String(Value type($b))+" "+String(Value type($c)))
ALERT(String(Value type($text))+" "+String(Value type($number))+" "+String(Value type($obj))+" "+String(Value type($mycol)))
// The inferred type stays: an Integer value is kept as a Real, a Text is refused.
var $n:=20
$n:=3
ALERT(String(Value type($n)=Is real))
Try
	$n:="text"
Catch
	ALERT("refused: "+String($n))
End try
