// Golden test: docs/API/CollectionClass.md .unshift()
// (the documented example verbatim, then prints of its results)
var $c : Collection
$c:=New collection(1;2)
$c.unshift(4) // $c=[4,1,2]
$c.unshift(5) //$c=[5,4,1,2]
$c.unshift(6;7) // $c=[6,7,5,4,1,2]
ALERT(JSON Stringify($c))
