// docs/commands/throw.md (deferred property) and docs/Concepts/error-handling.md:
// a deferred error is raised when the method that threw it returns.
Try
	defer_two_errors
	ALERT("not reached")
Catch
	ALERT("caught after the method ended: "+String(Last errors.length)+" errors")
	show_last_error
End try
// Thrown directly in a Try block: the block finishes and Catch is skipped.
Try
	throw({message: "This is my error"; deferred: True})
	ALERT("the block goes on")
Catch
	ALERT("not reached")
End try
show_last_error
// Outside any Try: the method runs to its end, then stops on the error.
throw({errCode: 3; message: "raised at the end"; deferred: True})
ALERT("last line")
