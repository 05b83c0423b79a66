// Golden test: docs/commands/json-stringify.md examples 1 and 3
// (the documented example verbatim, then prints of its results)
$vc:=JSON Stringify("Eureka!") // "Eureka!"
ALERT($vc)
$vel:=JSON Stringify(120) // "120"
ALERT($vel)
$vh:=JSON Stringify(?20:00:00?) // "72000" seconds since midnight
ALERT($vh)

var $MyContact : Text
var $MyPContact : Text
var $Contact;$Children : Object
OB SET($Contact;"lastname";"Monroe";"firstname";"Alan")
OB SET($Children;"firstname";"Jim";"age";"12")
OB SET($Contact;"children";$Children)
$MyContact:=JSON Stringify($Contact)
$MyPContact:=JSON Stringify($Contact;*)
ALERT($MyContact)
ALERT($MyPContact)
