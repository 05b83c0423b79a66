Case of
$a:=1
End case
