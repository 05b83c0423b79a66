//! fourd: an interpreter for the 4D language.
//!
//! `syntax` (lexer, grammar, AST) never depends on the evaluating half;
//! `value` holds the data model; `interp` evaluates; `runtime` holds processes,
//! shared objects, sessions and the built-in commands; `cli` is the command line.

pub mod cli;
pub mod error;
pub mod interp;
pub mod runtime;
pub mod syntax;
pub mod value;
