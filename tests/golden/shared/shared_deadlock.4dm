// Two processes each hold one shared object and want the other's: 4D would
// wait forever; fourd refuses the Use that closes the cycle (error -10729) in
// exactly one of them, which then leaves its Use block so the other goes on.
var $a; $b; $res : Object
$a:=New shared object
$b:=New shared object
$res:=New shared object("deadlocks"; 0; "hasB"; False; "done"; False)
Use ($a)
	New process("shared_deadlock_worker"; 0; "deadlock worker"; $a; $b; $res)
	Repeat
		DELAY PROCESS(Current process; 1)
	Until ($res.hasB)
	Try
		Use ($b)
		End use
	Catch
		Use ($res)
			$res.deadlocks:=$res.deadlocks+1
			$res.code:=Last errors[0].errCode
		End use
	End try
End use
Repeat
	DELAY PROCESS(Current process; 1)
Until ($res.done)
ALERT("deadlocks: "+String($res.deadlocks)+" (error "+String($res.code)+")")
