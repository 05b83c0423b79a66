#DECLARE($ready : 4D.Signal)
var $x : Integer
$ready.trigger()
While (True)
	$x:=$x+1
End while
