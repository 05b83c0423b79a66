// Golden test: docs/API/CollectionClass.md .includes()
// (the documented example verbatim, then prints of its results)
var $col : Collection
var $in : Boolean
var $obj : Object
$obj:=New object("value"; 10)
$col:=New collection(1;2;"Henry";5;3;"Albert";6;4;"Alan";5;$obj)
$in:=$col.includes(3) //True
ALERT(String($in))
$in:=$col.includes(5;6) //True
ALERT(String($in))
$in:=$col.includes("al@") //True
ALERT(String($in))
$in:=$col.includes("Hello") //False
ALERT(String($in))
$in:=$col.includes($obj)  //True
ALERT(String($in))
$in:=$col.includes(New object("value"; 10)) //False
ALERT(String($in))
