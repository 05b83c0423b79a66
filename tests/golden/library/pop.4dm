// Golden test: docs/API/CollectionClass.md .pop()
// (the documented example verbatim, then prints of its results)
var $stack : Collection
$stack:=New collection //$stack=[]
$stack.push(1;2) //$stack=[1,2]
$stack.pop() //$stack=[1]  Returns 2
$stack.push(New collection(4;5)) //$stack=[[1,[4,5]]
$stack.pop() //$stack=[1]  Returns [4,5]
$stack.pop() //$stack=[]  Returns 1
ALERT(JSON Stringify($stack))
ALERT(String($stack.pop()=Null))
