// docs/Concepts/dt_string.md: text operators
ALERT("abc"+"def")
ALERT("ab"*3)
ALERT(String("abc"="ABC"))
ALERT(String("abd">"abc"))
ALERT(String("abcdefghij"="abc@"))
ALERT(String("abc@"="abcdefghij"))
ALERT(String("Alpha Bravo"%"Bravo"))
ALERT(String("Alpha Bravo"%"ravo"))
ALERT("hello"[[1]])
ALERT(String("a"#"b"))
var $t : Text
$t:="x"
$t+="yz"
$t*=2
ALERT($t)
