// docs/Concepts/classes.md: Class extends, Super
Class extends Person

property school : Text

Class constructor($first : Text; $last : Text; $school : Text)
	Super($first; $last)
	This.school:=$school

Function describe() : Text
	return Super.describe()+" at "+This.school
