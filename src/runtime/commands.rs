//! Built-in commands, one file per theme.

use crate::error::RtResult;
use crate::value::Value;

/// What a built-in that runs 4D code (a formula passed to `.map()`, `.sort()`, …)
/// needs from the interpreter.
pub trait Host {
    /// Calls a formula / `4D.Function` value with `This` bound to `this`.
    fn call_function(
        &mut self,
        f: &Value,
        this: Option<Value>,
        args: Vec<Value>,
    ) -> RtResult<Value>;
}
