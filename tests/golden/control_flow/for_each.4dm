// docs/Concepts/cf_looping.md: For each over collections (begin/end) and objects
var $c : Collection
var $item : Text
var $out : Text
$c:=["a"; "b"; "c"; "d"; "e"]
$out:=""
For each ($item; $c; 0; 3)
	$out:=$out+$item
End for each
ALERT($out)
$out:=""
For each ($item; $c; -2; -1)
	$out:=$out+$item
End for each
ALERT($out)
$out:=""
For each ($item; $c; 3)
	$out:=$out+$item
End for each
ALERT($out)
var $o : Object
var $key : Text
$o:={a: 1; b: 2}
$out:=""
For each ($key; $o)
	$out:=$out+$key+"="+String($o[$key])+" "
End for each
ALERT($out)
var $n; $total : Real
var $nums : Collection
$nums:=[1; 2; 3; 4; 5; 6; 7; 8; 9; 10]
$total:=0
For each ($n; $nums) While ($total<30)
	$total:=$total+$n
End for each
ALERT(String($total))
$total:=1000
For each ($n; $nums) Until ($total>30)
	$total:=$total+$n
End for each
ALERT(String($total))
