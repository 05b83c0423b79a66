// helper: a named parameter, then any number of Real parameters (`...`)
#DECLARE($label : Text; ... : Real) -> $r : Text
var $sum : Real
var $i : Integer
For ($i; 2; Count parameters)
	$sum:=$sum+${$i}
End for
$r:=$label+String($sum)
