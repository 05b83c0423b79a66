// Process number, Process state, Process info, Current process, New process
// with *, Execute on server in single-user (= New process), Process activity.
var $s : 4D.Signal
var $go : 4D.Signal
$s:=New signal
$go:=New signal
ALERT("current: "+String(Current process)+" "+Current process name)
ALERT("unknown state: "+String(Process state(424242)))
ALERT("unknown info is null: "+String(Process info(424242)=Null))
ALERT("unknown name: "+String(Process number("nobody")))
$p:=New process("proc_wait"; 0; "waiter"; $s; $go)
$ok:=$s.wait(10)
// The waiter now waits for $go: state 4, "Waiting for internal flag".
$t:=Milliseconds
While ((Process state($p)#Waiting for internal flag) & ((Milliseconds-$t)<10000))
	DELAY PROCESS(Current process; 1)
End while
ALERT("waiter state: "+String(Process state($p)))
ALERT("by name: "+String(Process number("WAITER")=$p))
ALERT("unique: "+String(New process("proc_wait"; 0; "waiter"; *)=$p))
$info:=Process info($p)
ALERT($info.name+" number ok: "+String($info.number=$p)+" type "+String($info.type)+" preemptive "+String($info.preemptive))
ALERT("same session: "+String($info.sessionID=Session.id))
ALERT("keys: "+OB Keys($info).orderBy().join(","))
$a:=Process activity
ALERT("activity keys: "+OB Keys($a).join(","))
ALERT("listed: "+String($a.processes.query("number = :1"; $p).length))
$go.trigger()
$t:=Milliseconds
While ((Process state($p)>=0) & ((Milliseconds-$t)<10000))
	DELAY PROCESS(Current process; 1)
End while
ALERT("ended: "+String(Process state($p)))
ALERT("name free: "+String(Process number("waiter")))
// Execute on server in single-user is New process; a $ name is allowed.
$s:=New signal
$go:=New signal
$go.trigger()
$e:=Execute on server("proc_wait"; 0; "$local"; $s; $go)
ALERT("execute on server: "+String($s.wait(10))+" "+String($e>$p))
