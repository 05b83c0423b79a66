// A method declared with `...` takes any number of further arguments, read as ${n}
ALERT(sum_rest("none: "))
ALERT(sum_rest("three: "; 1; 2; 3.5))
ALERT(String(Count parameters))
