// docs/commands/text-to-document.md (example 1), docs/commands/document-to-text.md,
// docs/commands/document-to-blob.md, docs/commands/test-path-name.md,
// docs/commands/delete-document.md. Files go to the temporary folder.
$path:=Temporary folder+"fourd_golden_myTest.txt"
TEXT TO DOCUMENT($path;"This is a test")
ALERT(Document to text($path))
ALERT(String(Test path name($path)=Is a document))
// Line breaks become the native LF by default; a BOM is written for a named set.
TEXT TO DOCUMENT($path;"id\tname\r\n3\t4D Tags";"UTF-8")
DOCUMENT TO BLOB($path;$blob)
ALERT(String(BLOB size($blob))+" "+String($blob{0}))
$text:=Document to text($path)
ALERT(String(Length($text))+" "+String(Position("\n";$text)))
TEXT TO DOCUMENT($path;"Café";"ISO-8859-1")
ALERT(Document to text($path;"ISO-8859-1"))
DELETE DOCUMENT($path)
ALERT(String(Test path name($path)))
Try
	$text:=Document to text($path)
Catch
	ALERT("error "+String(Last errors[0].errCode))
End try
