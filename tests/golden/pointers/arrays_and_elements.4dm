// docs/Concepts/dt_pointer.md: "Pointers to array elements", "Pointers to arrays",
// "Using pointers to pointers"
ARRAY REAL($anArray;10) //Create an array
$ElemPtr:=->$anArray{1} //Create a pointer to the array element
$ElemPtr->:=8
ALERT(String($anArray{1}))
$ArrPtr:=->$anArray //Create a pointer to the array
$ArrPtr->{4}:=84
$ArrPtr->{2}:=3
SORT ARRAY($ArrPtr->;>) //Sort the array
ALERT(String($anArray{8})+" "+String($anArray{9})+" "+String($anArray{10}))
ALERT(String(Size of array($ArrPtr->)))
APPEND TO ARRAY($ArrPtr->;1000)
ALERT(String(Size of array($anArray))+" "+String($ArrPtr->{11}))
$MyVar:="Hello"
$PointerOne:=->$MyVar
$PointerTwo:=->$PointerOne
($PointerTwo->)->:="Goodbye"
ALERT(($PointerTwo->)->)
