ALERT("child runs")
$x:=Null
$y:=$x.a.b
