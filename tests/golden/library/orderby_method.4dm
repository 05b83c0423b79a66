// Golden test: docs/API/CollectionClass.md .orderByMethod() example 1
// (the documented example verbatim, then prints of its results)
var $c; $c2; $c3 : Collection
$c:=New collection
$c.push("33";"4";"1111";"222")
$c2:=$c.orderBy() //$c2=["1111","222","33","4"], alphabetical order
$c3:=$c.orderByMethod(Formula(Num($1.value)<Num($1.value2))) // $c3=["4","33","222","1111"]
ALERT(JSON Stringify($c2))
ALERT(JSON Stringify($c3))
