// KILL WORKER ends a worker after its current message; its pending messages
// are dropped. Calling the name again starts a new worker (a new number).
var $log : Collection
var $s : 4D.Signal
$log:=New shared collection
$s:=New signal
CALL WORKER("k"; "worker_log"; $log; 1; $s)
$ok:=$s.wait(10)
$first:=Process number("k")
KILL WORKER("k")
$t:=Milliseconds
While ((Process state($first)>=0) & ((Milliseconds-$t)<10000))
	DELAY PROCESS(Current process; 1)
End while
ALERT("killed worker state: "+String(Process state($first)))
ALERT("name free: "+String(Process number("k")=0))
$s:=New signal
CALL WORKER("k"; "worker_log"; $log; 2; $s)
$ok:=$s.wait(10)
ALERT("new worker: "+String(Process number("k")>$first))
ALERT(JSON Stringify($log))
// KILL WORKER of a process that does not exist: nothing.
KILL WORKER("no such worker")
KILL WORKER(12345)
