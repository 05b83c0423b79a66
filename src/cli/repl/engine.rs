//! The REPL's engine on top of the interpreter.

use std::path::Path;

use super::{Engine, Outcome, Scope};

/// Placeholder until the interpreter lands.
pub struct Interp;

pub fn open(_project: Option<&Path>) -> Result<Interp, String> {
    Ok(Interp)
}

impl Scope for Interp {
    fn names(&self) -> Vec<String> {
        Vec::new()
    }
    fn properties(&self, _path: &str) -> Vec<String> {
        Vec::new()
    }
}

impl Engine for Interp {
    fn run_entry(&mut self, code: &str, origin: &str) -> Outcome {
        let _ = code;
        Outcome::Error(format!("{origin}: the interpreter is not built yet"))
    }
    fn variables(&self) -> Vec<(String, String)> {
        Vec::new()
    }
    fn reset(&mut self) {}
}
