// docs/commands/find-in-sorted-array.md: examples 1 and 2;
// docs/commands/count-in-array.md
ARRAY TEXT($array;0)
APPEND TO ARRAY($array;"alpha")
APPEND TO ARRAY($array;"test1")
APPEND TO ARRAY($array;"test2")
APPEND TO ARRAY($array;"zeta")
$value:="beta"
var $pos : Integer
If(Find in sorted array($array ;$value ;>;$pos))
	ALERT("Found at pos "+String($pos))
Else
	INSERT IN ARRAY($array ;$pos)
	$array{$pos}:=$value
End if
ALERT(String($pos)+" "+$array{1}+","+$array{2}+","+$array{3}+","+$array{4}+","+$array{5})
If(Find in sorted array($array ;"zeta" ;>;$pos))
	ALERT("Found at pos "+String($pos))
End if

var $posFirst ;$posLast : Integer
var $output : Text
If(Find in sorted array($array ;"test@";>;$posFirst ;$posLast))
	$output:="Found "+String($posLast-$posFirst+1)+" results :\n"
End if
For($i ;$posFirst ;$posLast)
	$output:=$output+$array{$i}+"\n"
End for
ALERT($output)

ARRAY LONGINT($al;0)
APPEND TO ARRAY($al;7)
APPEND TO ARRAY($al;3)
APPEND TO ARRAY($al;7)
ALERT(String(Count in array($al;7))+" "+String(Count in array($array;"test@")))
