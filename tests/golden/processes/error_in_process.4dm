// An unhandled error in another process is reported on stderr in the usual
// format and makes the run's exit status 1; the main method goes on.
var $s : 4D.Signal
$s:=New signal
$p:=New process("proc_fail"; 0; "failing"; $s)
ALERT("main goes on: "+String($s.wait(10)))
