// ORDA entity class: computed-attribute query/orderBy functions and entity events
Class extends Entity

Function get fullName() : Text
	return This:C1470.firstName+" "+This:C1470.lastName
	
Function query fullName($event : Object) : Object
	return {query: "lastName = :1"; parameters: [$event.value]}
	
Function orderBy fullName($event : Object) : Text
	return "lastName "+$event.operator
	
Function event touched lastName($event : Object)
	This:C1470.modified:=True:C214
	
local Function event touched($event : Object)
	
Function event validateSave($event : Object) : Object
	return {errCode: 0}
