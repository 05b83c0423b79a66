// docs/commands/convert-from-text.md, docs/commands/convert-to-text.md,
// docs/commands/base64-encode.md, docs/commands/base64-decode.md
var $blob : Blob
CONVERT FROM TEXT("Café";"UTF-8";$blob)
ALERT(String(BLOB size($blob)))
CONVERT FROM TEXT("Café";"ISO-8859-1";$blob)
ALERT(String(BLOB size($blob))+" "+String($blob{3}))
ALERT(Convert to text($blob;"ISO-8859-1"))
CONVERT FROM TEXT("Café";"UTF-16LE";$blob)
ALERT(String(BLOB size($blob))+" "+Convert to text($blob;"UTF-16LE"))
$text:="Hello World"
BASE64 ENCODE($text)
ALERT($text)
BASE64 DECODE($text)
ALERT($text)
$src:="4D é"
BASE64 ENCODE($src;$encoded)
ALERT($src+" -> "+$encoded)
BASE64 DECODE($encoded;$decoded)
ALERT($decoded)
$url:="??>"
BASE64 ENCODE($url;$e1)
BASE64 ENCODE($url;$e2;*)
ALERT($e1+" "+$e2)
