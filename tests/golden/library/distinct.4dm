// Golden test: docs/API/CollectionClass.md .distinct()
// (the documented example verbatim, then prints of its results)
var $c; $c2; $c3 : Collection
$c:=New collection
$c.push("a";"b";"c";"A";"B";"c";"b";"b")
$c.push(New object("size";1))
$c.push(New object("size";3))
$c.push(New object("size";1))
$c2:=$c.distinct() //$c2=["a","b","c",{"size":1},{"size":3},{"size":1}]
ALERT(JSON Stringify($c2))
$c2:=$c.distinct(ck diacritical) //$c2=["a","A","b","B","c",{"size":1},{"size":3},{"size":1}]
ALERT(JSON Stringify($c2))
$c2:=$c.distinct("size") //$c2=[1,3]
ALERT(JSON Stringify($c2))
$c3:=$c.distinct("size";ck count values) //$c3=[{value:1,count:2},{value:3,count:1}]
ALERT(JSON Stringify($c3))
