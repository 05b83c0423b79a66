// calling a method that does not exist is a runtime error when reached
ALERT("before")
no_such_method(1)
