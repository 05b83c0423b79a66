// Process method of abort_empty_loop: loops with an empty body.
#DECLARE($ready : 4D.Signal)
If ($ready#Null)
	$ready.trigger()
	While (True)
	End while
Else
	ALERT("proc_spin: the process method of abort_empty_loop")
End if
