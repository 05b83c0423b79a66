// docs/Concepts/parameters.md: C_TEXT($1) with a wrong type gives "" (no error); $0 is the result
ALERT("["+legacy_echo(42)+"]")
ALERT("["+legacy_echo("hi")+"]")
ALERT("["+legacy_echo+"]")
