// Golden test: docs/API/CollectionClass.md .sum()
// (the documented example verbatim, then prints of its results)
var $col : Collection
var $vSum : Real
$col:=New collection(10;20;"Monday";True;2)
$vSum:=$col.sum() //32
ALERT(String($vSum))
