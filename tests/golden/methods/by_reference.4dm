// docs/Concepts/parameters.md: objects and collections by reference, scalars by value
var $person : Object
var $t : Text
$person:={Name: "Smith"; Age: 40}
$t:="unchanged"
set_age($person; $t)
ALERT(String($person.Age))
ALERT($t)
