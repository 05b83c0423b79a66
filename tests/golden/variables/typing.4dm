// docs/Concepts/variables.md, interpreted.md, dt_variant.md: declared types coerce and default
var $i : Integer
var $r : Real
var $t : Text
var $b : Boolean
var $v : Variant
ALERT(String($i)+" "+String($r)+" ["+$t+"] "+String($b))
C_LONGINT($l)
$l:=3.1416
ALERT(String($l))
$i:=10
var $o : Object
$o:={}
$i:=$o.nope
ALERT(String($i))
$v:=42
ALERT(String(Value type($v)))
ALERT(String(Type($v)))
$v:="text now"
ALERT(String(Value type($v)))
ALERT(String(Value type($i)))
ALERT(String(Value type(42)))
var $u
ALERT(String(Value type($u)))
