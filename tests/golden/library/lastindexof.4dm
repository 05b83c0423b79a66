// Golden test: docs/API/CollectionClass.md .lastIndexOf()
// (the documented example verbatim, then prints of its results)
var $col : Collection
var $pos1;$pos2;$pos3;$pos4;$pos5 : Integer
$col:=Split string("a,b,c,d,e,f,g,h,i,j,e,k,e";",") //$col.length=13
$pos1:=$col.lastIndexOf("e") //returns 12
$pos2:=$col.lastIndexOf("e";6) //returns 4
$pos3:=$col.lastIndexOf("e";15) //returns 12
$pos4:=$col.lastIndexOf("e";-2) //returns 10
$pos5:=$col.lastIndexOf("x") //returns -1
ALERT(String($pos1)+" "+String($pos2)+" "+String($pos3)+" "+String($pos4)+" "+String($pos5))
