// Golden test: docs/commands-legacy substring, position, replace-string, change-string, uppercase
// (the documented example verbatim, then prints of its results)
vsResult:=Substring("08/04/62";4;2) // vsResult gets "04"
ALERT(vsResult)
vsResult:=Substring("Emergency";1;6) // vsResult gets "Emerge"
ALERT(vsResult)
vlResult:=Position("ll";"Willow") // vlResult gets 3
ALERT(String(vlResult))
vlResult:=Position("day";"Today is the first day";1) // vlResult gets 3
ALERT(String(vlResult))
vlResult:=Position("day";"Today is the first day";4) // vlResult gets 20
ALERT(String(vlResult))
vlResult:=Position("DAY";"Today is the first day";1;*) // vlResult gets 0
ALERT(String(vlResult))
vtResult:=Replace string("Shout";"o";"") // Result gets "Shut"
ALERT(vtResult)
vtResult:=Replace string("Crème brûlée";"Brulee";"caramel") //Result gets "Crème caramel"
ALERT(vtResult)
vtResult:=Replace string("Crème brûlée";"Brulee";"caramel";*) //Result gets "Crème brûlée"
ALERT(vtResult)
vtResult:=Change string("Acme";"CME";2) // vtResult gets "ACME"
ALERT(vtResult)
vtResult:=Change string("November";"Dec";1) // vtResult gets "December"
ALERT(vtResult)
$thestring:=Uppercase("hélène") // $thestring is "HELENE"
ALERT($thestring)
$thestring:=Uppercase("hélène";*) // $thestring is "HÉLÈNE"
ALERT($thestring)
