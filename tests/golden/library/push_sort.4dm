// Golden test: docs/API/CollectionClass.md .push() example 2
// (the documented example verbatim, then prints of its results)
var $col; $sortedCol : Collection
$col:=New collection(5;3;9) //$col=[5,3,9]
$sortedCol:=$col.push(7;50).sort()
//$col=[5,3,9,7,50]
//$sortedCol=[3,5,7,9,50]
ALERT(JSON Stringify($sortedCol))
ALERT(JSON Stringify($col))
