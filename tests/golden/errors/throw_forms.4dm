// docs/commands/throw.md: examples 1 to 6, each caught to show Last errors
var $code : Integer
var $description : Text
$code:=50042 //Custom code
$description:="This is a custom error"
Try
	throw($code; $description) // Throws an error with message "This is a custom error" and errCode = 50042
Catch
	show_last_error
End try
Try
	throw(50043)  // no description: "Error code: 50043 (host)"
Catch
	show_last_error
End try
Try
	throw({errCode: 1; message: "This an error"}) // Throws an error with errCode = 1 and message "This an error"
Catch
	show_last_error
End try
Try
	throw({errCode: 1}) // Throws an error with errCode = 1 and message "Error code: 1 (host)"
Catch
	show_last_error
End try
Try
	throw({message: "This an error"}) // Throws an error with errCode = -1
Catch
	show_last_error
End try
Try
	throw({componentSignature: "xbox"; errCode: 600; message: "File {name} not found ({path})"; name: "myFileName"; path: "myFilePath"})
Catch
	show_last_error
End try
