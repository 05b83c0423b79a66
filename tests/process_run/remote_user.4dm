// Run with --remote-user: the main method is in a remote session; a process
// it starts is a stored procedure (RUNTIME.md trap 38).
var $s : 4D.Signal
$s:=New signal
ALERT("main: "+Session.info.type)
New process("srv_proc"; 0; "from remote"; $s)
$ok:=$s.wait(10)
ALERT("new process: "+$s.type)
