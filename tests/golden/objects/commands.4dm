// docs/commands: OB Keys, OB Values, OB Entries, OB Copy, OB Is empty
var $o; $copy : Object
$o:={a: 1; b: {c: "x"}}
ALERT(JSON Stringify(OB Keys($o)))
ALERT(JSON Stringify(OB Values($o)))
ALERT(JSON Stringify(OB Entries($o)))
$copy:=OB Copy($o)
$copy.b.c:="changed"
ALERT($o.b.c)
ALERT(String(OB Is empty({})))
ALERT(String(OB Is empty($o)))
