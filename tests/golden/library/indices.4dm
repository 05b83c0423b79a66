// Golden test: docs/API/CollectionClass.md .indices()
// (the documented example verbatim, then prints of its results)
var $c; $icol : Collection
$c:=New collection
$c.push(New object("name";"Cleveland";"zc";35049))
$c.push(New object("name";"Blountsville";"zc";35031))

$c.push(New object("name";"Adger";"zc";35006))
$c.push(New object("name";"Clanton";"zc";35046))
$c.push(New object("name";"Clanton";"zc";35045))
$icol:=$c.indices("name = :1";"Cleveland") // $icol=[0]
ALERT(JSON Stringify($icol))
$icol:=$c.indices("zc > 35040") // $icol=[0,3,4]
ALERT(JSON Stringify($icol))
