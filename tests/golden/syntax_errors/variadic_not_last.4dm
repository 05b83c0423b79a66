// `...` must close the parameter list
Function log(... : Text; $level : Integer)
	ALERT(String($level))
