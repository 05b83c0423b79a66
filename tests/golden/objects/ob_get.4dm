// docs/commands/ob-get.md: examples 1, 2, 4, 6 and 7
var $ref : Object
var $FirstName : Text
OB SET($ref;"FirstName";"Harry")
$FirstName:=OB Get($ref;"FirstName") // $FirstName = "Harry" (text)
ALERT($FirstName)

OB SET($ref;"age";42)
$age:=OB Get($ref;"age") // $age is a real number (default)
ALERT(String(Value type($age)=Is real))
$age:=OB Get($ref;"age";Is longint) // $age is a longint
ALERT(String(Value type($age)=Is longint))

var $ref_john;$ref_jim : Object
OB SET($ref_john;"name";"John";"age";35)
OB SET($ref_jim;"name";"Jim";"age";40)
APPEND TO ARRAY($myArray;$ref_john) // we create an object array
APPEND TO ARRAY($myArray;$ref_jim)
// we change the age for John from 35 to 25
OB SET($myArray{1};"age";25)
// We replace the age of "John" in the array
For($i;1;Size of array($myArray))
	If(OB Get($myArray{$i};"name")="John")
		OB SET($myArray{$i};"age";36) // instead of 25
		// $ref_john={"name":"John","age":36}
	End if
End for
ALERT(JSON Stringify($ref_john))

var $ref1;$child;$children : Object
var $childName : Text
OB SET($ref1;"firstname";"John";"lastname";"Monroe")
OB SET($children;"children";$ref1)
$child:=OB Get($children;"children")
$childName:=OB Get(OB Get($children;"children");"lastname")
ALERT($childName)

var $obj_o : Object
var $set_h;$get_h : Time
$set_h:=?01:00:00?+1
OB SET($obj_o;"myHour";$set_h)
ALERT(JSON Stringify($obj_o))  // $obj_o = {"myHour":3601}
$get_h:=OB Get($obj_o;"myHour";Is time)
ALERT(String($get_h))  // $get_h = ?01:00:01?
// A text converted with a type constant (as Num would)
ALERT(String(OB Get({a:"5"};"a";Is real)+1))
