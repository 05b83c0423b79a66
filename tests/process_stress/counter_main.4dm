#DECLARE($procs : Integer; $n : Integer)
var $c : Object
var $signals : Collection
$c:=New shared object("count"; 0)
$signals:=New collection
For ($i; 1; $procs)
	$s:=New signal
	$signals.push($s)
	New process("counter_add"; 0; "adder "+String($i); $c; $n; $s)
End for
For each ($s; $signals)
	$s.wait(600)
End for each
ALERT(String($c.count))
