// Golden test: docs/API/CollectionClass.md .flatMap() example 1
// (the documented example verbatim, then prints of its results)
var $col ; $result : Collection
$col:=New collection(1; 2; 3; 4)

$result:=$col.map(Formula(New collection($1.value*2)))
 // [[2],[4],[6],[8]]
ALERT(JSON Stringify($result))

$result:=$col.flatMap(Formula(New collection($1.value*2)))
// [2,4,6,8]
ALERT(JSON Stringify($result))
