// OB Copy: a plain copy of a shared object is regular (deep); ck shared makes
// a shared copy in a new group, or in groupWith's group (OB Copy example 5).
var $sharedObj; $objCopy : Object
var $sharedColl : Collection
$sharedObj:=New shared object("lastname"; "Smith"; "address"; New shared object("city"; "New York"))
$sharedColl:=New shared collection(New shared object("lastname"; "Brown"))
ALERT(String(OB Is shared(OB Copy($sharedObj))))
ALERT(String(OB Is shared(OB Copy($sharedObj).address)))
ALERT(String(OB Is shared(OB Copy($sharedObj; ck shared).address)))
$objCopy:=OB Copy($sharedObj; ck shared; $sharedColl)
Use ($sharedColl)
	$sharedColl.push($objCopy)
End use
ALERT(String($sharedColl.length)+" "+$sharedColl[1].address.city)
