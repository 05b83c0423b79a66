// Golden test: docs/API/CollectionClass.md .indexOf()
// (the documented example verbatim, then prints of its results)
var $col : Collection
var $i : Integer
$col:=New collection(1;2;"Henry";5;3;"Albert";6;4;"Alan";5)
$i:=$col.indexOf(3) //$i=4
ALERT(String($i))
$i:=$col.indexOf(5;5) //$i=9
ALERT(String($i))
$i:=$col.indexOf("al@") //$i=5
ALERT(String($i))
$i:=$col.indexOf("Hello") //$i=-1
ALERT(String($i))
