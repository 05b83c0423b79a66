/* a /* nested */ still a comment
$a:=1
