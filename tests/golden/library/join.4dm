// Golden test: docs/API/CollectionClass.md .join()
// (the documented example verbatim, then prints of its results)
var $c : Collection
var $t1;$t2 : Text
$c:=New collection(1;2;3;"Paris";Null;"";4;5)
$t1:=$c.join("|") //1|2|3|Paris|null||4|5
$t2:=$c.join("|";ck ignore null or empty) //1|2|3|Paris|4|5
ALERT($t1)
ALERT($t2)
