// Golden test: docs/commands/split-string.md
// (the documented example verbatim, then prints of its results)
var $vt : Text
var $col : Collection
$col:=New collection

$vt:="John;Doe;120 jefferson st.;Riverside;; NJ; 08075"
$col:=Split string($vt;";") //["John","Doe","120 jefferson st.","Riverside",""," NJ"," 08075"]
ALERT(JSON Stringify($col))
$col:=Split string($vt;";";sk ignore empty strings) //["John","Doe","120 jefferson st.","Riverside"," NJ"," 08075"]
ALERT(JSON Stringify($col))
$col:=Split string($vt;";";sk ignore empty strings+sk trim spaces) //["John","Doe","120 jefferson st.","Riverside","NJ","08075"]
ALERT(JSON Stringify($col))
