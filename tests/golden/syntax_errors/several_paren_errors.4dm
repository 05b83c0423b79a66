$a:=1
$t:=Substring("abc";1;2
$o:=New object("a";1))
If ($a=1)
	$b:=[1;2
End if
