// Golden test: docs/API/CollectionClass.md .filter() example 1
// (the documented example verbatim, then prints of its results)
var $col;$colNew : Collection
$col:=New collection("hello";"world";"red horse";66;"tim";"san jose";"miami")
$colNew:=$col.filter(Formula((Value type($1.value)=Is text) && (Length($1.value)<$2)); 6)
  //$colNew=["hello","world","tim","miami"]
ALERT(JSON Stringify($colNew))
