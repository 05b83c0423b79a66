// fizzbuzz: fourd run examples/fizzbuzz.4dm 15
#DECLARE($n : Integer)
var $i : Integer
var $line : Text
If ($n<=0)
	$n:=15
End if
For ($i; 1; $n)
	Case of
		: (($i%15)=0)
			$line:="FizzBuzz"
		: (($i%3)=0)
			$line:="Fizz"
		: (($i%5)=0)
			$line:="Buzz"
		Else
			$line:=String($i)
	End case
	ALERT($line)
End for
