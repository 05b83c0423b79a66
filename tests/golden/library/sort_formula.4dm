// Golden test: docs/API/CollectionClass.md .sort() example 3
// (the documented example verbatim, then prints of its results)
var $col; $col2; $col3 : Collection
$col:=New collection(33;4;66;1111;222)
$col2:=$col.sort() //numerical sort: [4,33,66,222,1111]
ALERT(JSON Stringify($col2))
$col3:=$col.sort(Formula(String($1.value)<String($1.value2))) //alphabetical sort: [1111,222,33,4,66]
ALERT(JSON Stringify($col3))
