// docs/Concepts/parameters.md: a wrong-typed argument to a #DECLARE parameter is an error at the call
ALERT(typed_text(42))
