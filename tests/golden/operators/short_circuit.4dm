// docs/Concepts/operators.md: && and || return an operand; truthiness; ternary
ALERT("Hello" && "World")
ALERT(String(0 || 5))
ALERT("" || "n/a")
ALERT(5 && 10 && "hello")
ALERT(String(True || False && False))
ALERT(String(0 && False))
var $o : Object
$o:={name: "Smith"}
ALERT($o.phone || "n/a")
var $age : Integer
$age:=25
ALERT(($age>=21) ? "Beer" : "Juice")
$age:=18
ALERT(($age>=21) ? "Beer" : "Juice")
ALERT(String([] || "empty"))
