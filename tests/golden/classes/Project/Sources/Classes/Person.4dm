// docs/Concepts/classes.md: a class with a constructor, properties, functions, computed properties
property firstName; lastName : Text
property kind : Text:="person"

Class constructor($first : Text; $last : Text)
	This.firstName:=$first
	This.lastName:=$last

Function get fullName() : Text
	return This.firstName+" "+This.lastName

Function set fullName($full : Text)
	var $parts : Collection
	$parts:=Split string($full; " ")
	This.firstName:=$parts[0]
	This.lastName:=$parts[1]

Function greet($greeting : Text) : Text
	return $greeting+", "+This.fullName

Function describe() : Text
	return "a "+This.kind
