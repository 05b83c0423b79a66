// Golden test: docs/API/CollectionClass.md .reduce() example 1
// (the documented example verbatim, then prints of its results)
var $c : Collection
$c:=New collection(5;3;5;1;3;4;4;6;2;2)
$r:=$c.reduce(Formula($1.accumulator*=$1.value); 1)  //returns 86400
ALERT(String($r))
