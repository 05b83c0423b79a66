// docs/API/CollectionClass.md: .query() comparators (=, IN, %, NOT, AND) and
// placeholders; .indices()
$c:=[{name:"Smith";age:30;city:"Paris"};{name:"jones";age:25;city:"Lyon"};{name:"Brown";age:40;city:"Paris"};{name:"adams";age:25;city:Null}]
ALERT(JSON Stringify($c.query("age > :1 AND city = :2";26;"Paris").extract("name")))
ALERT(JSON Stringify($c.query("name = :1";"s@").extract("name")))
ALERT(JSON Stringify($c.query("city = null").extract("name")))
ALERT(JSON Stringify($c.query("age IN :1";[25;40]).extract("name")))
ALERT(JSON Stringify($c.query("not(age = 25)").extract("name")))
$notes:=[{text:"The quick brown fox"};{text:"A foxtrot"};{text:"Fox!"}]
ALERT(JSON Stringify($notes.query("text % :1";"fox").extract("text")))
ALERT(JSON Stringify($c.indices("age = :1";25)))
ALERT(JSON Stringify($c.query("age > :v";{parameters:{v:26}}).extract("name")))
