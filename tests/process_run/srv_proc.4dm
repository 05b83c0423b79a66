#DECLARE($s : 4D.Signal)
Use ($s)
	$s.type:=Session.info.type
End use
$s.trigger()
