// New process: parameters, copies vs shared references, process and
// interprocess variables. The signal orders the output.
var $sig : 4D.Signal
var $plain : Object
var $shared : Object
$sig:=New signal("child done")
$plain:=New object("n"; 1)
$shared:=New shared object("n"; 1)
counter:=10
<>total:=5
ALERT("main: "+$sig.description)
$p:=New process("proc_child"; 0; "child"; $sig; $plain; $shared)
$ok:=$sig.wait(10)
ALERT("started a process: "+String($p>1)+", wait: "+String($ok))
// The child changed its copy of $plain, not ours; $shared is the same object.
ALERT("plain.n="+String($plain.n)+" shared.n="+String($shared.n))
ALERT("child saw counter="+String($sig.counter)+", main still has "+String(counter))
ALERT("<>total="+String(<>total))
ALERT("result: "+$sig.result)
