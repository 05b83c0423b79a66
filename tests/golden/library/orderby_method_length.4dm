// Golden test: docs/API/CollectionClass.md .orderByMethod() example 2
// (the documented example verbatim, then prints of its results)
var $fruits; $c2 : Collection
$fruits:=New collection("Orange";"Apple";"Grape";"pear";"Banana";"fig";"Blackberry";"Passion fruit")
$c2:=$fruits.orderByMethod(Formula(Length(String($1.value))>Length(String($1.value2))))
  //$c2=[Passion fruit,Blackberry,Orange,Banana,Apple,Grape,pear,fig]
ALERT(JSON Stringify($c2))
