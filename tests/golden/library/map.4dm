// Golden test: docs/API/CollectionClass.md .map()
// (the documented example verbatim, then prints of its results)
var $c; $c2 : Collection
$c:=New collection(1; 4; 9; 10; 20)
$c2:=$c.map(Formula(Round(($1.value/$2)*100; 2)); $c.sum())
  //$c2=[2.27,9.09,20.45,22.73,45.45]
ALERT(JSON Stringify($c2))
