// Golden test: docs/API/CollectionClass.md .average() example 2
// (the documented example verbatim, then prints of its results)
var $col : Collection
$col:=New collection
$col.push(New object("name";"Smith";"salary";10000))
$col.push(New object("name";"Wesson";"salary";50000))
$col.push(New object("name";"Gross";"salary";10500))
$vAvg:=$col.average("salary") //23500
ALERT(String($vAvg))
