// CALL WORKER: a worker is created by name, runs its messages one by one in
// the order they were posted, and stays alive between messages.
var $log : Collection
var $done : 4D.Signal
$log:=New shared collection
$done:=New signal
For ($i; 1; 20)
	CALL WORKER("logger"; "worker_log"; $log; $i)
End for
CALL WORKER("logger"; Formula(worker_log($1; $2; $3)); $log; 21; $done)
ALERT("done: "+String($done.wait(10)))
ALERT(JSON Stringify($log))
$n:=Process number("logger")
ALERT("worker alive between messages: "+String(Process state($n)>=0))
ALERT("worker type: "+String(Process info($n).type))
// An unknown number, or a process that is not a worker: nothing happens.
CALL WORKER(9999; "worker_log"; $log; 0)
ALERT(String($log.length))
