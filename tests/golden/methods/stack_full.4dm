// docs/Concepts/methods.md: runaway recursion ends in a "Stack full" error, not a crash
runaway(1)
