// Golden test: docs/API/CollectionClass.md .sort() example 2
// (the documented example verbatim, then prints of its results)
var $col; $col2 : Collection
$col:=New collection(10;20)
$col2:=$col.push(5;3;1;4;6;2).sort() //$col2=[1,2,3,4,5,6,10,20]
ALERT(JSON Stringify($col2))
