// A commented-out statement that was continued with `\` stays a comment:
// 4D comments out only its first line.
var $a : Integer
//If ($a=1)\
	 & ($a<3)
$a:=1
	//: ($a=2)\
		 && ($a>0)
$a:=$a+1
