#DECLARE($first : Object; $second : Object; $mine : 4D.Signal; $other : 4D.Signal; $r : Collection; $end : 4D.Signal)
var $t : Integer
Use ($first)
	$mine.trigger()
	$other.wait(10)
	$t:=Milliseconds
	Try
		Use ($second)
			$r.push(Current process name+" got both")
		End use
	Catch
		$r.push("deadlock error "+String(Last errors[0].errCode)+" within a second: "+String((Milliseconds-$t)<1000))
	End try
End use
$end.trigger()
