// Worker method of worker_fifo / worker_kill.
#DECLARE($log : Collection; $i : Integer; $done : 4D.Signal)
If ($log#Null)
	$log.push(Current process name+" "+String($i))
	If ($done#Null)
		$done.trigger()
	End if
Else
	ALERT("worker_log: the process method of worker_fifo and worker_kill")
End if
