// Harness for shared_06.4dm, the HowMany method of example 1 of the 4D doc
// page Concepts/shared, run verbatim; CountMethod.4dm stands in for the
// counting method the example leaves out.
var $inventory : Object
$inventory:=New shared object
shared_06("apples"; $inventory)
shared_06("kiwis"; $inventory)
ALERT(JSON Stringify($inventory))
