// docs/API/FunctionClass.md: .call() example 2 — Formula(myMethod) passes the
// formula's parameters on to the method; docs/API/CollectionClass.md: a
// callback given as a method name sets $1.result
var $f : 4D.Function

$f:=Formula(myMethod)
//Writing Formula(myMethod($1;$2)) is not necessary
$text:=$f.call(Null;"Hello";"World") //returns "Hello World"
ALERT($text)
$text:=$f.call() //returns "How are you?"
ALERT($text)
ALERT(Formula from string("myMethod").call(Null;"From";"string"))
ALERT(JSON Stringify(["a";"b"].map("upper_cb")))
