Class constructor
Function f()
	If (True)
Function g()
