// Golden test: docs/API/CollectionClass.md .at()
// (the documented example verbatim, then prints of its results)
var $col : Collection
$col:=New collection(10; 20; 30; 40; 50)
$element:=$col.at(0) // 10
$element:=$col.at(1) // 20
$element:=$col.at(-1) // 50
$element:=$col.at(-2) // 40
$element:=$col.at(10) // undefined
ALERT(String($col.at(-2)))
ALERT(String(Undefined($col.at(10))))
