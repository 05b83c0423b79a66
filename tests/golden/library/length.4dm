// Golden test: docs/API/CollectionClass.md .length
// (the documented example verbatim, then prints of its results)
var $col : Collection //$col.length initialized to 0
$col:=New collection("one";"two";"three") //$col.length updated to 3
$col[4]:="five" //$col.length updated to 5
$vSize:=$col.remove(0;3).length //$vSize=2
ALERT(String($vSize))
