// Golden test: docs/API/CollectionClass.md .combine()
// (the documented example verbatim, then prints of its results)
var $c; $fruits : Collection
$c:=New collection(1;2;3;4;5;6)
$fruits:=New collection("Orange";"Banana";"Apple";"Grape")
$c.combine($fruits;3) //[1,2,3,"Orange","Banana","Apple","Grape",4,5,6]
ALERT(JSON Stringify($c))
