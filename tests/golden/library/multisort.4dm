// Golden test: docs/API/CollectionClass.md .multiSort() example 1
// (the documented example verbatim, then prints of its results)
var $col;$col2;$col3 : Collection
$col:=["A"; "C"; "B"]
$col2:=[1; 2; 3]
$col3:=[["Jim"; "Philip"; "Maria"]; ["blue"; "green"]; ["11"; 22; "33"]]

$col.multiSort([$col2; $col3])
//$col=["A","B","C"]
//$col2=[1,3,2]
//$col3[0]=["Jim","Philip","Maria"]
//$col3[1]=["11",22,"33"]
//$col3[2]=["blue","green"]

ALERT(JSON Stringify($col))
ALERT(JSON Stringify($col2))
ALERT(JSON Stringify($col3))
