// Run with --server: Execute on server and New process start stored
// procedures in the stored-procedure session; Process activity lists sessions.
var $s : 4D.Signal
$s:=New signal
$p:=Execute on server("srv_proc"; 0; "sp"; $s)
ALERT("signaled: "+String($s.wait(10)))
ALERT("session type there: "+$s.type)
ALERT("process type: "+String(Process info($p).type))
Try
	Execute on server("srv_proc"; 0; "$local"; $s)
Catch
	ALERT("a $ name is refused on a server")
End try
$a:=Process activity
ALERT(OB Keys($a).join(","))
ALERT("main's session: "+$a.processes.query("number = 1")[0].session.type)
$a:=Process activity(Processes only)
ALERT(OB Keys($a).join(",")+", session undefined: "+String(Undefined($a.processes[0].session)))
ALERT("unknown session id: "+String(Process activity("0123456789ABCDEF0123456789ABCDEF")=Null))
$a:=Process activity(Session.id)
ALERT("one session: "+String($a.sessions.length))
// ABORT PROCESS BY ID stops a process at its next statement.
var $r : 4D.Signal
$r:=New signal
$p2:=New process("srv_loop"; 0; "looper"; $r)
$ok:=$r.wait(10)
ABORT PROCESS BY ID(Process info($p2).ID)
$t:=Milliseconds
While ((Process state($p2)>=0) & ((Milliseconds-$t)<10000))
	DELAY PROCESS(Current process; 1)
End while
ALERT("aborted: "+String(Process state($p2)))
