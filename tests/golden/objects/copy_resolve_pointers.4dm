// docs/API/CollectionClass.md: .copy() with ck resolve pointers (example 2),
// and docs/commands/ob-copy.md: OB Copy(object; True) evaluates pointers
var $col : Collection
var $p : Pointer
$p:=->$what

$col:=New collection
$col.push(New object("alpha";"Hello";"num";1))
$col.push(New object("beta";"You";"what";$p))

$col2:=$col.copy()
$col2[1].beta:="World!"
ALERT($col[0].alpha+" "+$col2[1].beta) //displays "Hello World!"

$what:="You!"
$col3:=$col2.copy(ck resolve pointers)
ALERT($col3[0].alpha+" "+$col3[1].what) //displays "Hello You!"

var $ref : Object
$name:="4D SAS"
OB SET($ref;"name";->$name) //object with pointers
$ref_comp:=OB Copy($ref) // copy without evaluating pointers
$ref_comp2:=OB Copy($ref;True) //copy with evaluation of pointers
$name:="changed later"
ALERT(String(Value type($ref_comp.name)=Is pointer)+" "+$ref_comp.name->+" "+$ref_comp2.name)
