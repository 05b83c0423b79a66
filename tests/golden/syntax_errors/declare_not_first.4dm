#DECLARE($a : Text)
$b:=1
#DECLARE($c : Text)
