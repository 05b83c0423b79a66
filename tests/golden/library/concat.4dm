// Golden test: docs/API/CollectionClass.md .concat()
// (the documented example verbatim, then prints of its results)
var $c : Collection
$c:=New collection(1;2;3;4;5)
$fruits:=New collection("Orange";"Banana";"Apple";"Grape")
$fruits.push(New object("Intruder";"Tomato"))
$c2:=$c.concat($fruits) //[1,2,3,4,5,"Orange","Banana","Apple","Grape",{"Intruder":"Tomato"}]
$c2:=$c.concat(6;7;8) //[1,2,3,4,5,6,7,8]
ALERT(JSON Stringify($c.concat($fruits)))
ALERT(JSON Stringify($c2))
