// helper: old-style parameters
C_TEXT($0; $1)
$0:=$1
