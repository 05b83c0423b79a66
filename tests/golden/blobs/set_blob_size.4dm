// docs/Concepts/dt_blob.md: "Setting the size of a blob", "Accessing a byte"
var $vBlob : Blob
// Set the size of the blob to 256 bytes
SET BLOB SIZE($vBlob;256)
ALERT(String(BLOB size($vBlob)))
// The loop below changes the bytes, setting them to zero
For(vByte;0;BLOB size($vBlob)-1)
	$vBlob{vByte}:=vByte%256
End for
ALERT(String($vBlob{255}))
// docs/commands/set-blob-size.md: a filler for new bytes; shrinking keeps the start
SET BLOB SIZE($vBlob;258;255)
ALERT(String($vBlob{256})+" "+String($vBlob{257}))
SET BLOB SIZE($vBlob;2)
ALERT(String(BLOB size($vBlob))+" "+String($vBlob{1}))
// Blobs are scalars: an assignment copies (docs/Concepts/dt_blob.md)
var $vBlobA; $vBlobB : Blob
SET BLOB SIZE($vBlobA;10*1024)
$vBlobB:=$vBlobA
SET BLOB SIZE($vBlobA;0)
ALERT(String(BLOB size($vBlobA))+" "+String(BLOB size($vBlobB)))
