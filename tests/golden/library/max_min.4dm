// Golden test: docs/API/CollectionClass.md .max() and .min()
// (the documented example verbatim, then prints of its results)
var $col : Collection
$col:=New collection(200;150;55)
$col.push(New object("name";"Smith";"salary";10000))
$col.push(New object("name";"Wesson";"salary";50000))
$col.push(New object("name";"Alabama";"salary";10500))
$max:=$col.max() //{name:Alabama,salary:10500}
$maxSal:=$col.max("salary") //50000
$maxName:=$col.max("name") //"Wesson"
$min:=$col.min() //55
$minSal:=$col.min("salary") //10000
$minName:=$col.min("name") //"Alabama"
ALERT(JSON Stringify($max))
ALERT(String($maxSal)+" "+$maxName)
ALERT(String($min)+" "+String($minSal)+" "+$minName)
