// Tokenized source as 4D saves it: `4D:C1709`, `cs:C1710`, `This:C1470` in types and values
property _onData : 4D:C1709.Function
property helper : cs:C1710.Helper

Class constructor($chat : cs:C1710.Helper)
	This:C1470.helper:=$chat
	This:C1470.home:=Folder:C1567(fk desktop folder:K87:19).parent

Function home($path : Text; $create : Boolean)->$document : 4D:C1709.Document
	$document:=4D:C1709.File.new($path)
	If (Value type:C1509($path)=Is boolean:K8:9) & (Count parameters:C259>=2)
		$document:=This:C1470.home
	End if 
