// docs/commands/new-object.md: example 2 (OB SET ARRAY), and
// docs/commands/ob-get-array.md, docs/commands/json-stringify-array.md
var $Children;$Contact : Object

//Creating an object array
ARRAY TEXT($arrChildren;3)
$arrChildren{1}:="Richard"
$arrChildren{2}:="Susan"
$arrChildren{3}:="James"
OB SET ARRAY($Children;"Children";$arrChildren)

//Initializing the object
$Contact:=New object("FirstName";"Alan";"LastName";"Parker";"age";30;"Children";$Children)
// $Contact = {FirstName:Alan,LastName:Parker,age:30,Children:{Children:[Richard,Susan,James]}}
ALERT(JSON Stringify($Contact))

ARRAY TEXT($names;0)
OB GET ARRAY($Contact.Children;"Children";$names)
ALERT(String(Size of array($names))+" "+$names{2})
ALERT(JSON Stringify array($names))
ARRAY OBJECT($people;0)
APPEND TO ARRAY($people;New object("name";"Alan"))
APPEND TO ARRAY($people;New object("name";"Susan"))
ALERT(JSON Stringify array($people))
