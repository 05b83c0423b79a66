// Compound assignment on typed and untyped locals: `$x op= e` is `$x:=$x op e`,
// then converted to the variable's declared type (docs Concepts/operators.md).
var $i : Integer
var $r : Real
var $t : Text
$i:=7
$i+=2.9
$i-=1
$i*=3
ALERT(String($i)+" "+String(Value type($i)=Is longint))
$i:=7
$i/=2
ALERT(String($i))
$r:=1
$r/=4
$r+=$i
ALERT(String($r)+" "+String(Value type($r)=Is real))
$t:="ab"
$t+="cd"
$t*=2
ALERT($t)
$v:=5
$v+=0.5
ALERT(String($v)+" "+String(Value type($v)=Is real))
$w:=10
$w-=4
ALERT(String($w))
// An Integer sum of Real items keeps the Integer type.
var $sum : Integer
For each ($x; New collection(1.5; 2.5; 3))
	$sum:=$sum+$x
End for each
ALERT(String($sum)+" "+String(Value type($sum)=Is longint))
// Writing past the end of a collection fills the gap with null.
var $c : Collection
$c:=New collection(1; 2)
$c[4]:=5
ALERT(JSON Stringify($c))
$c[0]:=$c[1]*10
ALERT(JSON Stringify($c))
