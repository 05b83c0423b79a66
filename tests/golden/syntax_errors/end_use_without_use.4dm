Use(Storage)
	$x:=1
End Use
End use
