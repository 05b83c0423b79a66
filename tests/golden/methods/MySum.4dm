// docs/Concepts/parameters.md (helper method): sums parameters 2..N with ${$i}
#DECLARE($format : Text) -> $result : Text
var $sum : Real
var $i : Integer
$sum:=0
For ($i; 2; Count parameters)
	$sum:=$sum+${$i}
End for
$result:=String($sum; $format)
