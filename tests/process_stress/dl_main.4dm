var $a; $b : Object
var $r : Collection
var $sa; $sb; $ea; $eb : 4D.Signal
$a:=New shared object
$b:=New shared object
$r:=New shared collection
$sa:=New signal
$sb:=New signal
$ea:=New signal
$eb:=New signal
New process("dl_lock"; 0; "A"; $a; $b; $sa; $sb; $r; $ea)
New process("dl_lock"; 0; "B"; $b; $a; $sb; $sa; $r; $eb)
$ea.wait(30)
$eb.wait(30)
ALERT($r.orderBy().join("\n"))
