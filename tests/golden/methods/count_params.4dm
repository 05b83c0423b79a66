// helper: three declared parameters; callers may pass more (docs/Concepts/parameters.md)
#DECLARE($a : Text; $b : Text; $c : Date) -> $n : Integer
$n:=Count parameters
