// ABORT PROCESS BY ID also stops a process spinning in an empty loop body.
var $r : 4D.Signal
$r:=New signal
$p:=New process("proc_spin"; 0; "spinner"; $r)
$ok:=$r.wait(10)
ABORT PROCESS BY ID(Process info($p).ID)
$t:=Milliseconds
While ((Process state($p)>=0) & ((Milliseconds-$t)<10000))
	DELAY PROCESS(Current process; 1)
End while
ALERT("spinner aborted: "+String(Process state($p)<0))
