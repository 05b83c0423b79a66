// Process method of new_process_params.
#DECLARE($sig : 4D.Signal; $plain : Object; $shared : Object)
If ($sig#Null)
	ALERT("child: process "+Current process name+", "+String(Count parameters)+" parameters")
	$plain.n:=2
	Use ($shared)
		$shared.n:=$shared.n+1
	End use
	counter:=1  // this process's own process variable
	<>total:=<>total+1
	Use ($sig)
		$sig.counter:=counter
		$sig.result:="from "+Current process name
	End use
	$sig.trigger()
Else
	ALERT("proc_child: the process method of new_process_params")
End if
