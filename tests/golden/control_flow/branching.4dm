// docs/Concepts/cf_branching.md, cf_looping.md: If, Case of (first true case only), While, Repeat
var $x; $n : Integer
var $o : Object
$x:=2
Case of
	: ($x=1)
		ALERT("one")
	: ($x=2)
		ALERT("two")
	: ($x>1)
		ALERT("more than one")
	Else
		ALERT("other")
End case
Case of
	: ($x=5)
		ALERT("five")
	Else
		ALERT("else")
End case
$o:={}
If ($o.missing)
	ALERT("then")
Else
	ALERT("undefined is false")
End if
$n:=0
While ($n<5)
	$n:=$n+1
End while
ALERT(String($n))
While (False)
	ALERT("never")
End while
$n:=0
Repeat
	$n:=$n+1
Until (True)
ALERT(String($n))
$n:=0
Repeat
	$n:=$n+2
Until ($n>=7)
ALERT(String($n))
