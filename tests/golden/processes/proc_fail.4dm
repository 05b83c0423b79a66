// Process method of error_in_process.
#DECLARE($s : 4D.Signal)
If ($s#Null)
	$s.trigger()
	$x:="a"+1
Else
	ALERT("proc_fail: the process method of error_in_process")
End if
