For ($i;1;3)
	If ($i=2)
		ALERT("two")
End for
