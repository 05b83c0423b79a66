// docs/Concepts/cf_looping.md: For bounds are inclusive and evaluated once
var $i; $n; $count : Integer
$count:=0
For ($i; 1; 3)
	$count:=$count+1
End for
ALERT(String($count))
$count:=0
For ($i; 5; 1)
	$count:=$count+1
End for
ALERT(String($count))
$count:=0
For ($i; 100; 1; -1)
	$count:=$count+1
End for
ALERT(String($count))
$n:=3
$count:=0
For ($i; 1; $n)
	$n:=10
	$count:=$count+1
End for
ALERT(String($count))
$count:=0
For ($i; 1; 10; 3)
	$count:=$count+$i
End for
ALERT(String($count))
$count:=0
For ($i; 1; 10)
	If ($i=3)
		continue
	End if
	If ($i=6)
		break
	End if
	$count:=$count+$i
End for
ALERT(String($count))
