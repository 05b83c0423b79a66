// `...` as the last parameter: any number of further arguments
Function addQueryParameter( ...  : Variant)
	var $i : Integer
	For ($i; 1; Count parameters)
		This.params.push(${$i})
	End for 

Function log($level : Integer; ... : Text)
	ALERT(String($level))

Function untyped(...)
	return Count parameters
