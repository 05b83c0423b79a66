// Golden test: docs/API/CollectionClass.md .shift()
// (the documented example verbatim, then prints of its results)
var $c : Collection
var $val : Variant
$c:=New collection(1;2;4;5;6;7;8)
$val:=$c.shift()
// $val=1
// $c=[2,4,5,6,7,8]
ALERT(String($val))
ALERT(JSON Stringify($c))
