// Golden test: docs/Concepts/dt_string.md (string comparisons, wildcard)
// The documented comparisons, each printed.
ALERT(String("abc"="ABC"))
ALERT(String(Character code("A")=Character code("a"))) // because 65 is not equal to 97
ALERT(String("n"="ñ"))
ALERT(String("n"="Ñ"))
ALERT(String("A"="å"))
ALERT(String("abcdefghij"="abc@"))
ALERT(String("abc@"="abcdefghij"))
ALERT(String("abcdefghij"="abcdefghij@"))
ALERT(String("abcdefghij"="@abcdefghij"))
ALERT(String("abcdefghij"="abcd@efghij"))
ALERT(String("abcdefghij"="@abcdefghij@"))
ALERT(String("abcdefghij"="@abcde@fghij@"))
ALERT(String("abcdefghij"="abc@@fg"))
ALERT(String("abcd"<="abc@")) // Valid comparison
ALERT(String("abd">"abc"))
ALERT(String("a"="A"))
ALERT(String(10#11))
