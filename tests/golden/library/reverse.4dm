// Golden test: docs/API/CollectionClass.md .reverse()
// (the documented example verbatim, then prints of its results)
var $c; $c2 : Collection
$c:=New collection(1;3;5;2;4;6)
$c2:=$c.reverse() //$c2=[6,4,2,5,3,1]
ALERT(JSON Stringify($c2))
ALERT(JSON Stringify($c))
