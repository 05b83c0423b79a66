// Golden test: docs/API/CollectionClass.md .first() and .last()
// (the documented example verbatim, then prints of its results)
var $col; $emptyCol : Collection
var $first : Variant
$col:=New collection(10; 20; 30; "hello"; 50)
$first:=$col.first() // 10

$emptyCol:=New collection() //empty
// $first:=$emptyCol[0] //would return error
$first:=$emptyCol.first() // returns Undefined
ALERT(String($col.first())+" "+String($col.last()))
ALERT(String(Undefined($emptyCol.last())))
