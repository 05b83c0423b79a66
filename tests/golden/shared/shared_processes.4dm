// Four processes increment one shared object inside Use…End use: no update is lost.
var $inv : Object
var $i : Integer
$inv:=New shared object("n"; 0; "done"; 0)
For ($i; 1; 4)
	New process("shared_processes_worker"; 0; "counter "+String($i); $inv)
End for
Repeat
	DELAY PROCESS(Current process; 1)
Until ($inv.done=4)
ALERT(String($inv.n))
