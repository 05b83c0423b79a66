// docs/Concepts/dt_blob.md: 4D.Blob.new(), and a blob put in an object is a 4D.Blob
var $myBlob4D: 4D.Blob

$myBlob4D:= 4D.Blob.new()
$myText:= BLOB to text ( $myBlob4D ; UTF8 text without length )
ALERT("["+$myText+"]")

// Create a variable of type Blob and an object variable
var $myBlob: Blob
var $o : Object

// Assign that blob to an object's property named "blob"
$o:=New object("blob"; $myBlob)

// The blob stored in $myBlob is automatically converted to a 4D.Blob
$type:= OB Instance of($o.blob; 4D.Blob)  //True
ALERT(String($type))

// Conversion from 4D.Blob to blob
$myBlob:= $o.blob
$type:= Value type($myBlob) // Blob
ALERT(String($type=Is BLOB))
