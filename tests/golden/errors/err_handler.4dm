// helper: an ON ERR CALL method
If (Error#0)
	ALERT("handler called")
End if
