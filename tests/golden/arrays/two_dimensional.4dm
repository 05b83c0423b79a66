// docs/Concepts/arrays.md: "Two-dimensional Arrays"
ARRAY TEXT(atTopics;100;50) // Creates a text array composed of 100 rows of 50 columns
atTopics{8}{5}:="row 8, column 5"
ALERT(atTopics{8}{5})
ALERT(String(Size of array(atTopics)))  // 100 rows
ALERT(String(Size of array(atTopics{17})))  // 50 columns
// Rows can have different sizes: a 2-D array with 3 rows and zero columns.
ARRAY LONGINT($alRows;3;0)
INSERT IN ARRAY($alRows{2};1;2)
$alRows{2}{1}:=10
$alRows{2}{2}:=20
APPEND TO ARRAY($alRows{2};30)
ALERT(String(Size of array($alRows{1}))+" "+String(Size of array($alRows{2})))
// A row is itself a one-dimensional array (COPY ARRAY, docs/commands/copy-array.md).
COPY ARRAY($alRows{2};$alRow)
$alRow{1}:=99
ALERT(String($alRow{1})+" "+String($alRows{2}{1})+" "+String(Size of array($alRow)))
