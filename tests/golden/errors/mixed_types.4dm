// docs/Concepts/data-types.md: operators never convert implicitly
ALERT("abc"+0.5)
