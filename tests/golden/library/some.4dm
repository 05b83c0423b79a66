// Golden test: docs/API/CollectionClass.md .some()
// (the documented example verbatim, then prints of its results)
var $c : Collection
var $b : Boolean
$c:=New collection
$c.push(-5;-3;-1;-4;-6;-2)
$b:=$c.some(Formula($1.value>0)) // $b=false
ALERT(String($b))
$c.push(1)
$b:=$c.some(Formula($1.value>0)) // $b=true
ALERT(String($b))

$c:=New collection
$c.push(1;-5;-3;-1;-4;-6;-2)
$b:=$c.some(Formula($1.value>0)) //$b=true
ALERT(String($b))
$b:=$c.some(1;Formula($1.value>0)) //$b=false
ALERT(String($b))
