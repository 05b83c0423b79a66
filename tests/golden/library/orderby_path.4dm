// Golden test: docs/API/CollectionClass.md .orderBy() example 2
// (the documented example verbatim, then prints of its results)
var $c; $c2 : Collection
$c:=New collection
$c.push(New object("name";"Cleveland";"phones";New object("p1";"01";"p2";"02")))
$c.push(New object("name";"Blountsville";"phones";New object("p1";"00";"p2";"03")))

$c2:=$c.orderBy("phones.p1 asc")
ALERT($c2[0].name)
