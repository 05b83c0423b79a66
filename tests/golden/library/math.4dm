// Golden test: docs/commands-legacy trunc, int, mod
// (the documented example verbatim, then prints of its results)
vlResult:=Trunc(216.897;1) // vlResult gets 216.8
ALERT(String(vlResult))
vlResult:=Trunc(216.897;-1) // vlResult gets 210
ALERT(String(vlResult))
vlResult:=Trunc(-216.897;1) // vlResult gets –216.9
ALERT(String(vlResult))
vlResult:=Trunc(-216.897;-1) // vlResult gets –220
ALERT(String(vlResult))
vlResult:=Int(123.4) // vlResult gets 123
ALERT(String(vlResult))
vlResult:=Int(-123.4) // vlResult gets –124
ALERT(String(vlResult))
vlResult:=Mod(3;2) // vlResult gets 1
ALERT(String(vlResult))
vlResult:=Mod(4;2) // vlResult gets 0
ALERT(String(vlResult))
vlResult:=Mod(3.5;2) // vlResult gets 0
ALERT(String(vlResult))
