// Method names may start with digits (4D SVG ships `00_beaucoup`, `0_TestCallbackMethod`)
C_TEXT:C284($1)
If (False:C215)
	C_TEXT:C284(00_beaucoup ;$1)
End if 
Case of 
	: ($1="_run")
		00_beaucoup ("_declarations")
		0_TestCallbackMethod 
End case 
// a number followed by other words is still a number
$x:=10*2
$y:=0x00FF0000 >> 16
