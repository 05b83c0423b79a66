// division by zero is a 4D error with file and line
var $x : Real
$x:=0
ALERT(String(10/$x))
