// Keys of object literals may be spelled like keywords or commands
var $o : Object
$o:={if: 1; else: 2; return: 3; class: "c"; function: "f"; var: 4; property: 5; end: 6}
$o:={for: 1; while: 2; case: 3; use: 4; new: 5; length: 6; Current date: 7}
$x:=$o.if+$o.return+$o.for+$o.end
// a key written before ':' with blanks
$o:={ until : 1; try : 2 }
