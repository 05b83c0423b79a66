var $a : Integer

If ($a=1)
	ALERT("one")
