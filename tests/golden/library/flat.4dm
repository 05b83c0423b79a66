// Golden test: docs/API/CollectionClass.md .flat()
// (the documented example verbatim, then prints of its results)
$col:=New collection(1; 2; New collection(3; 4))
$col.flat()
// [1, 2, 3, 4]
ALERT(JSON Stringify($col.flat()))

$col:=New collection(1; 2; New collection(3; 4; New collection(5; 6)))
$col.flat()
// [1, 2, 3, 4, [5, 6]]
ALERT(JSON Stringify($col.flat()))

$col:=New collection(1; 2; New collection(3; 4; New collection(5; 6)))
$col.flat(2)
// [1, 2, 3, 4, 5, 6]
ALERT(JSON Stringify($col.flat(2)))

$col:=New collection(1; 2; New collection(3; 4; 5; 6; New collection(7; 8; New collection(9; 10))))
$col.flat(MAXLONG)
// [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
ALERT(JSON Stringify($col.flat(MAXLONG)))
