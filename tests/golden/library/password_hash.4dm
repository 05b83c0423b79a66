// docs/commands/generate-password-hash.md and verify-password-hash.md:
// bcrypt hashes differ each time and verify the password they were made from;
// docs/commands/ob-set-null.md
var $options : Object
$options:=New object("algorithm";"bcrypt";"cost";4)
$hash:=Generate password hash("my password";$options)
$hash2:=Generate password hash("my password";$options)
ALERT(String($hash#$hash2)+" "+String(Length($hash)))
ALERT(String(Verify password hash("my password";$hash))+" "+String(Verify password hash("My password";$hash)))
Try
	$hash:=Generate password hash("x";New object("cost";3))
Catch
	ALERT(String(Last errors[0].errCode)+" "+Last errors[0].message)
End try
var $o : Object
OB SET NULL($o;"name")
ALERT(JSON Stringify($o))
