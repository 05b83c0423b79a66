// Process method of process_commands.
#DECLARE($ready : 4D.Signal; $go : 4D.Signal)
If ($ready#Null)
	$ready.trigger()
	$go.wait(10)
Else
	ALERT("proc_wait: the process method of process_commands")
End if
