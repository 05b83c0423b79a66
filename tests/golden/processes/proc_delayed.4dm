// Process method of delay_process.
#DECLARE($ready : 4D.Signal; $go : 4D.Signal)
If ($ready#Null)
	$ready.trigger()
	$go.wait(10)
	$x:=1
	$x:=2
Else
	ALERT("proc_delayed: the process method of delay_process")
End if
