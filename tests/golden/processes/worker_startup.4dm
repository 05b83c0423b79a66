// CALL WORKER(name; "") runs the worker's startup method again (the method
// of the message that created it); KILL WORKER with no parameter, called in
// the worker, ends it after the current message.
var $log : Collection
var $s : 4D.Signal
$log:=New shared collection
CALL WORKER("again"; "worker_log"; $log; 1)
CALL WORKER("again"; ""; $log; 2)
$s:=New signal
CALL WORKER("again"; Formula(worker_log($1; $2; $3)); $log; 3; $s)
$ok:=$s.wait(10)
$n:=Process number("again")
CALL WORKER("again"; Formula(KILL WORKER))
$t:=Milliseconds
While ((Process state($n)>=0) & ((Milliseconds-$t)<10000))
	DELAY PROCESS(Current process; 1)
End while
ALERT(JSON Stringify($log)+" state after KILL WORKER: "+String(Process state($n)))
