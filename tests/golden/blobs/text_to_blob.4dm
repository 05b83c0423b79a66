// docs/commands/text-to-blob.md: example (sizes per format), and
// docs/commands/blob-to-text.md: reading back with an offset variable
SET BLOB SIZE(vxBlob;0)
var vtValue : Text
vtValue:="Café" // Length of vtValue is 4 bytes
TEXT TO BLOB(vtValue;vxBlob;Mac C string) // Size of BLOB becomes 5 bytes
ALERT(String(BLOB size(vxBlob)))
TEXT TO BLOB(vtValue;vxBlob;Mac Pascal string) // Size of BLOB becomes 5 bytes
ALERT(String(BLOB size(vxBlob)))
TEXT TO BLOB(vtValue;vxBlob;Mac text with length) // Size of BLOB becomes 6 bytes
ALERT(String(BLOB size(vxBlob)))
TEXT TO BLOB(vtValue;vxBlob;Mac text without length) // Size of BLOB becomes 4 bytes
ALERT(String(BLOB size(vxBlob))+" "+String(vxBlob{3}))  // é is $8E in Mac Roman
TEXT TO BLOB(vtValue;vxBlob;UTF8 C string) // Size of BLOB becomes 6 bytes
ALERT(String(BLOB size(vxBlob)))
TEXT TO BLOB(vtValue;vxBlob;UTF8 text with length) // Size of BLOB becomes 9 bytes
ALERT(String(BLOB size(vxBlob))+" "+String(vxBlob{3})) // 4-byte length: $00 00 00 05
TEXT TO BLOB(vtValue;vxBlob;UTF8 text without length) // Size of BLOB becomes 5 bytes
ALERT(String(BLOB size(vxBlob)))
ALERT(BLOB to text(vxBlob;UTF8 text without length))
// Sequential writes and reads with an offset variable, then * to append.
var $b : Blob
$off:=0
TEXT TO BLOB("ab";$b;UTF8 text with length;$off)
TEXT TO BLOB("cde";$b;UTF8 text with length;$off)
ALERT(String($off)+" "+String(BLOB size($b)))
TEXT TO BLOB("!";$b;UTF8 text without length;*)
$off:=0
$t1:=BLOB to text($b;UTF8 text with length;$off)
$t2:=BLOB to text($b;UTF8 text with length;$off)
ALERT($t1+" "+$t2+" "+String($off)+" "+String(BLOB size($b)))
