// Golden test: docs/API/CollectionClass.md .extract()
// (the documented example verbatim, then prints of its results)
var $c : Collection
$c:=New collection
$c.push(New object("name";"Cleveland"))
$c.push(New object("zip";5321))
$c.push(New object("name";"Blountsville"))
$c.push(42)
$c2:=$c.extract("name") // $c2=[Cleveland,Blountsville]
ALERT(JSON Stringify($c2))
$c2:=$c.extract("name";ck keep null) //$c2=[Cleveland,null,Blountsville,null]
ALERT(JSON Stringify($c2))
