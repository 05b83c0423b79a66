// Golden test: docs/API/CollectionClass.md .flatMap() example 2
// (the documented example verbatim, then prints of its results)
var $col; $result : Collection
$col:=New collection("Hello how"; ""; "are you ?")

$result:=$col.map(Formula(Split string($1.value; " ")))
// [["Hello", "how"], [], ["are", "you", "?"]]
ALERT(JSON Stringify($result))

$result:=$col.flatMap(Formula(Split string($1.value; " ")))
// ["Hello", "how", "are", "you", "?"]
ALERT(JSON Stringify($result))
