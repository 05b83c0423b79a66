// Golden test: docs/API/CollectionClass.md .average()
// (the documented example verbatim, then prints of its results)
var $col : Collection
$col:=New collection(10;20;"Monday";True;6)
$vAvg:=$col.average() //12
ALERT(String($vAvg))
