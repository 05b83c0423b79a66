// Throughput of N processes contending for one shared object: each process
// makes $n changes, each inside Use...End use. Prints the total number of
// changes, the elapsed milliseconds and the changes per second.
// usage: fourd run benches/processes/contend.4dm PROCESSES CHANGES_PER_PROCESS
#DECLARE($procs : Integer; $n : Integer)
var $c : Object
var $signals : Collection
var $t : Integer
$c:=New shared object("count"; 0)
$signals:=New collection
$t:=Milliseconds
For ($i; 1; $procs)
	$s:=New signal
	$signals.push($s)
	New process("contend_worker"; 0; "contender "+String($i); $c; $n; $s)
End for
For each ($s; $signals)
	$s.wait(3600)
End for each
$t:=Milliseconds-$t
ALERT(String($c.count)+" changes in "+String($t)+" ms: "+String(Round($c.count/($t/1000); 0))+" ops/s")
