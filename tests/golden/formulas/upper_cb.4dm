// helper of formula_method: a collection callback given by its method name
#DECLARE($o : Object)
If ($o#Null)
	$o.result:=Uppercase($o.value)
End if
