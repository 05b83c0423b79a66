// Golden test: docs/API/CollectionClass.md .countValues() example 3
// (the documented example verbatim, then prints of its results)
var $numbers; $letters : Collection
var $vCount : Integer

$letters:=New collection("a";"b";"c")
$numbers:=New collection(1;2;$letters;3;4;5)

$vCount:=$numbers.countValues($letters) //$vCount=1
ALERT(String($vCount))
