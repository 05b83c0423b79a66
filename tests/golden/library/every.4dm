// Golden test: docs/API/CollectionClass.md .every()
// (the documented example verbatim, then prints of its results)
var $c : Collection
var $b : Boolean
var $f : 4D.Function

$f:=Formula($1.value>0)
$c:=New collection
$c.push(5;3;1;4;6;2)
$b:=$c.every($f) //returns true
ALERT(String($b))
$c.push(-1)
$b:=$c.every($f) //returns false
ALERT(String($b))
