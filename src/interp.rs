//! The evaluator: resolves a parsed method once, then executes it.
