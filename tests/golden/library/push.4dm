// Golden test: docs/API/CollectionClass.md .push() example 1
// (the documented example verbatim, then prints of its results)
var $col : Collection
$col:=New collection(1;2) //$col=[1,2]
$col.push(3) //$col=[1,2,3]
$col.push(6;New object("firstname";"John";"lastname";"Smith"))
//$col=[1,2,3,6,{firstname:John,lastname:Smith}
ALERT(JSON Stringify($col))
