// docs/commands/string.md: a real division by zero gives an infinite number,
// String(1/0) is "INF" and String(-1/0) "-INF"; an integer division by zero
// is a 4D error with file and line
var $x : Real
$x:=0
ALERT(String(10/$x))
ALERT(String(-1/0))
ALERT(String(1/0; 10))
ALERT(String(10\$x))
