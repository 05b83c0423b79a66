// Golden test: docs/commands/json-parse.md example 1
// (the documented example verbatim, then prints of its results)
var $r : Real
$r:=JSON Parse("42.17") //$r = 42,17 (Real)
ALERT(String($r))

var $el : Integer
$el:=JSON Parse("120.13";Is longint) //$el=120
ALERT(String($el))

var $t : Text
$t:=JSON Parse("\"Year 42\"";Is text) // $t="Year 42" (text)
ALERT($t)

var $o : Object
$o:=JSON Parse("{\"name\":\"john\"}")
 // $o = {"name":"john"} (4D object)
ALERT($o.name)

var $b : Boolean
$b:=JSON Parse("{\"manager\":true}";Is Boolean) // $b=true
ALERT(String($b))

var $h : Time
$h:=JSON Parse("5120";Is time) //$h=01:25:20
ALERT(String($h))
