// helper: changes its object parameter and its text parameter
#DECLARE($p : Object; $t : Text)
If ($p#Null)
	$p.Age:=50
End if
$t:="changed"
