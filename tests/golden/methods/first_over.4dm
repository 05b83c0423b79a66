// helper: return from inside a loop
#DECLARE($limit : Integer) : Integer
var $i : Integer
For ($i; 1; 100)
	If ($i>$limit)
		return $i
	End if
End for
return -1
