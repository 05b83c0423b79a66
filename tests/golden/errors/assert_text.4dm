// docs/commands/assert.md: error -10518, "Assert failed:" followed by the
// assertion's text (or the message); docs/commands/asserted.md;
// docs/commands/set-assert-enabled.md
$name:=""
Try
	ASSERT($name#"")
Catch
	ALERT(String(Last errors[0].errCode)+" | "+Last errors[0].message)
End try
Try
	ASSERT($name#"";"Search for a blank client name")
Catch
	ALERT(Last errors[0].message)
End try
If(Asserted(1+1=2))
	ALERT("Asserted returns True")
End if
SET ASSERT ENABLED(False)
ALERT(String(Get assert enabled)+" "+String(Asserted(1=2)))
ASSERT(False)
ALERT("assertions are off")
