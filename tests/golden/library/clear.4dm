// Golden test: docs/API/CollectionClass.md .clear()
// (the documented example verbatim, then prints of its results)
var $col : Collection
$col:=New collection(1;2;5)
$col.clear()
$vSize:=$col.length //$vSize=0
ALERT(String($vSize))
