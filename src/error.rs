//! Runtime errors: a 4D error code and message, located once where first known.

use std::fmt;

/// Where in 4D source an error happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The file path as given on the command line (or `-e` for inline code).
    pub path: String,
    pub line: usize,
    pub column: usize,
    /// The method (or `Class.function`) that was running.
    pub method: String,
}

/// A 4D runtime error. `code` is the 4D error number where 4D has one.
#[derive(Clone, Debug, PartialEq)]
pub struct RuntimeError {
    pub code: i32,
    pub message: String,
    /// The component signature 4D reports in `Last errors` (`"4DRT"`, `"xbox"`, …).
    pub component: &'static str,
    pub location: Option<Location>,
}

impl RuntimeError {
    pub fn new(code: i32, message: impl Into<String>) -> RuntimeError {
        RuntimeError {
            code,
            message: message.into(),
            component: "4DRT",
            location: None,
        }
    }

    /// Attach a location unless one is already known (the innermost wins).
    pub fn at(mut self, loc: impl FnOnce() -> Location) -> RuntimeError {
        if self.location.is_none() {
            self.location = Some(loc());
        }
        self
    }
}

impl fmt::Display for RuntimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error {}: {}", self.code, self.message)
    }
}

impl std::error::Error for RuntimeError {}

pub type RtResult<T> = Result<T, RuntimeError>;
