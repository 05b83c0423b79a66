// Formulas, objects and collections: fourd run examples/classes_and_formulas.4dm
var $people : Collection
var $names : Text
var $byAge : 4D.Function
$people:=[{name: "Ada"; age: 36}; {name: "Alan"; age: 41}; {name: "Grace"; age: 85}]
$byAge:=Formula($1.value.age>40)
$names:=$people.filter($byAge).extract("name").join(", ")
ALERT("Over 40: "+$names)
ALERT("Average age: "+String($people.average("age")))
