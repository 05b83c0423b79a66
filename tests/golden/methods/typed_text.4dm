// helper: one Text parameter
#DECLARE($value : Text) -> $r : Text
$r:=$value
