// docs/Concepts/methods.md: recursion; return ends the method from inside a loop
ALERT(String(fact(10)))
ALERT(String(first_over(5)))
