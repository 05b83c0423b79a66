// docs/API/FunctionClass.md: Formula, .call, .apply, .source, $o.f()
var $f : 4D.Function
var $o : Object
$f:=Formula($1+$2)
ALERT(String($f.call(Null; 3; 4)))
ALERT(String(Formula($1+$2+$3).apply(Null; New collection(10; 20; 30))))
ALERT($f.source)
$o:={x: 5}
$o.double:=Formula(This.x*2)
ALERT(String($o.double()))
var $v : Integer
$v:=10
$f:=Formula($v*3)
$v:=100
ALERT(String($f.call()))
$f:=Formula from string("$1*$1")
ALERT(String($f.call(Null; 7)))
ALERT(String($f.call({}; 8)))
var $c : Collection
$c:=[3; 1; 2]
ALERT(JSON Stringify($c.map(Formula($1.value*10))))
