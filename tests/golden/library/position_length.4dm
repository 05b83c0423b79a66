// docs/commands/position.md: examples 1 to 3 (lengthFound is written back)
vlResult:=Position("ll";"Willow") // vlResult gets 3
ALERT(String(vlResult))
vlResult:=Position("day";"Today is the first day";1) // vlResult gets 3
ALERT(String(vlResult))
vlResult:=Position("day";"Today is the first day";4) // vlResult gets 20
ALERT(String(vlResult))
vlResult:=Position("DAY";"Today is the first day";1;*) // vlResult gets 0
ALERT(String(vlResult))
vlResult:=Position("œ";"Bœuf";1;$length) // vlResult =2, $length = 1
ALERT(String(vlResult)+" "+String($length))

$text:="aegis, an aegis, and AEGIS"
$start:=1
Repeat
	vlResult:=Position("aegis";$text;$start;$lengthfound)
	ALERT(String(vlResult)+" "+String($lengthfound))
	$start:=$start+$lengthfound
Until(vlResult=0)

var $lengthFound : Integer
$string:="Hello Joelle et joel!"
$find:="joel"
$replace:="Joël"
$option:=sk case insensitive+sk diacritic insensitive
$p:=0
Repeat
	$p:=Position($find;$string;$p+1;$lengthFound;$option)
	If($p>0)
		$string:=Substring($string;1;$p-1)+$replace+Substring($string;$p+$lengthFound)
	End if
Until($p<=0) //result: $string -> Hello Joëlle and Joël!
ALERT($string)
