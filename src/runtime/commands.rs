//! Built-in commands, one file per theme.
