// Golden test: docs/API/CollectionClass.md .slice()
// (the documented example verbatim, then prints of its results)
var $c; $nc : Collection
$c:=New collection(1;2;3;4;5)
$nc:=$c.slice(0;3) //$nc=[1,2,3]
ALERT(JSON Stringify($nc))
$nc:=$c.slice(3) //$nc=[4,5]
ALERT(JSON Stringify($nc))
$nc:=$c.slice(1;-1) //$nc=[2,3,4]
ALERT(JSON Stringify($nc))
$nc:=$c.slice(-3;-2) //$nc=[3]
ALERT(JSON Stringify($nc))
