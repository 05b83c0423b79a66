// Golden test: docs/API/CollectionClass.md .countValues()
// (the documented example verbatim, then prints of its results)
var $col : Collection
var $vCount : Integer
$col:=New collection(1;2;5;5;5;3;6;4)
$vCount:=$col.countValues(5) // $vCount=3
ALERT(String($vCount))
