// helper of formula_method (docs/API/FunctionClass.md, .call() example 2)
#DECLARE ($param1 : Text; $param2 : Text)->$return : Text
If(Count parameters=2)
	$return:=$param1+" "+$param2
Else
	$return:="How are you?"
End if
