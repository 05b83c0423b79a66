// DELAY PROCESS counts ticks (1/60 s); an unknown process is ignored.
$t:=Milliseconds
DELAY PROCESS(Current process; 12)
$d:=Milliseconds-$t
ALERT("delayed about 200 ms: "+String(($d>=190) & ($d<5000)))
DELAY PROCESS(777777; 60)
ALERT("unknown process: no wait")
// Delaying another process takes effect at its next statement.
var $s; $go : 4D.Signal
$s:=New signal
$go:=New signal
$p:=New process("proc_delayed"; 0; "sleeper"; $s; $go)
$ok:=$s.wait(10)
DELAY PROCESS($p; 6000)
$go.trigger()
$t:=Milliseconds
While ((Process state($p)#Delayed) & ((Milliseconds-$t)<10000))
	DELAY PROCESS(Current process; 1)
End while
ALERT("other process delayed: "+String(Process state($p)))
DELAY PROCESS($p; 0)
$t:=Milliseconds
While ((Process state($p)>=0) & ((Milliseconds-$t)<10000))
	DELAY PROCESS(Current process; 1)
End while
ALERT("cancelled, it ended: "+String(Process state($p)))
