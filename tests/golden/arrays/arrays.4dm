// docs/Concepts/arrays.md: 1-based arrays with a usable element 0
ARRAY TEXT($names; 2)
$names{0}:="zero"
$names{1}:="one"
$names{2}:="two"
ALERT($names{0}+" "+$names{1}+" "+$names{2})
ALERT(String(Size of array($names)))
APPEND TO ARRAY($names; "three")
ALERT(String(Size of array($names)))
ALERT(String(Find in array($names; "two")))
ALERT(String(Find in array($names; "none")))
INSERT IN ARRAY($names; 1; 1)
ALERT("["+$names{1}+"] "+$names{2})
DELETE FROM ARRAY($names; 1; 1)
ALERT($names{1})
SORT ARRAY($names; <)
ALERT($names{1}+" "+$names{2}+" "+$names{3})
ARRAY LONGINT($nums; 3)
$nums{1}:=3.7
ALERT(String($nums{1}))
var $c : Collection
$c:=New collection
ARRAY TO COLLECTION($c; $names)
ALERT(JSON Stringify($c))
ARRAY TEXT($back; 0)
COLLECTION TO ARRAY(["x"; "y"]; $back)
ALERT(String(Size of array($back))+" "+$back{2})
var $p : Pointer
$p:=->$names
ALERT($p->{1})
ALERT(String(Size of array($p->)))
