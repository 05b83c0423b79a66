// docs/API/FileClass.md and docs/API/FolderClass.md: File/Folder objects,
// their properties, create(), setText()/getText(), copyTo(), rename(),
// files()/folders(), delete(); docs/Concepts/paths.md: a relative path is an error.
// Everything happens in a folder of the temporary folder.
$root:=Folder(Temporary folder+"fourd_golden_files";fk platform path)
If ($root.exists)
	$root.delete(Delete with contents)
End if
ALERT(String($root.create())+" "+String($root.isFolder)+" "+$root.name)
$f:=$root.file("notes.txt")
ALERT($f.name+" | "+$f.fullName+" | "+$f.extension+" | "+String($f.exists))
ALERT(String($f.create())+" "+String($f.exists)+" "+String($f.create()))
$f.setText("Hello\nfile")
ALERT($f.getText()+" ("+String($f.size)+" bytes)")
ALERT(String(OB Instance of($f;4D.File))+" "+String(OB Instance of($root;4D.Folder)))
$sub:=$root.folder("sub")
$sub.create()
$copy:=$f.copyTo($sub;"copy.txt")
ALERT($copy.fullName+": "+$copy.getText())
$renamed:=$copy.rename("renamed.txt")
ALERT($renamed.fullName+" "+String($copy.exists)+" "+String($renamed.exists))
ALERT(JSON Stringify($root.files().map(Formula($1.value.fullName))))
ALERT(JSON Stringify($root.folders().map(Formula($1.value.name))))
ALERT($renamed.parent.name)
$root.delete(Delete with contents)
ALERT(String($root.exists)+" "+String($f.exists))
Try
	$ko:=Folder("myFolder").create() //relative pathname with constructor
Catch
	ALERT("relative path: error "+String(Last errors[0].errCode))
End try
