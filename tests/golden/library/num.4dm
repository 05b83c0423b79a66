// Golden test: docs/commands/num.md
// (the documented example verbatim, then prints of its results)
vResult:=Num("ABCD") // vResult gets 0
ALERT(String(vResult))
vResult:=Num("A1B2C3") // vResult gets 123
ALERT(String(vResult))
vResult:=Num("123") // vResult gets 123
ALERT(String(vResult))
vResult:=Num("123.4") // vResult gets 123.4
ALERT(String(vResult))
vResult:=Num("–123") // vResult gets –123
ALERT(String(vResult))
vResult:=Num("–123e2") // vResult gets –12300
ALERT(String(vResult))
$thestring:="33,333.33"
$thenum:=Num($thestring;".")
ALERT(String($thenum))
