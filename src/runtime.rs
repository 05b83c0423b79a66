//! Everything a running 4D program reaches besides the evaluator: built-in
//! commands, shared-object locking, processes and sessions.

pub mod commands;
pub mod roles;
pub mod session;
pub mod shared;
