// Golden test: docs/API/CollectionClass.md .find() example 1
// (the documented example verbatim, then prints of its results)
var $col : Collection
$col:=New collection("hello";"world";4;"red horse";"tim";"san jose")
$value:=$col.find(Formula((Value type($1.value)=Is text) && (Length($1.value)<$2)); 5) //$value="tim"
ALERT($value)
