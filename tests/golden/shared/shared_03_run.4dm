// Harness for shared_03.4dm (4D doc page Concepts/shared, third block, run
// verbatim): the example expects Storage.mySharedCollection to exist.
Use (Storage)
	Storage.mySharedCollection:=New shared collection("first")
End use
shared_03
ALERT(JSON Stringify(Storage.mySharedCollection))
