// docs/Concepts/interpreted.md: a text into a number variable is an error, the old value is kept
var $i : Integer
$i:=5
$i:="abc"
ALERT("not reached")
