// Property names may start with `$` (Form.$project, $o.$cache)
var $o : Object
$o:=New object:C1471
$o.$cache:=New object:C1471("a"; 1)
Form:C1466.$project.status.project:=$o.$cache.a
$x:=$o.$cache.a+Form:C1466.$project.status.project
