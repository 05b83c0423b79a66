//! The error numbers the evaluator raises, in one place. Where 4D documents a
//! number it is used; the others are fourd's own choice, kept stable.

use crate::error::RuntimeError;

/// `throw` with no code.
pub const USER: i32 = -12345;
/// A method called by name that does not exist.
pub const METHOD_NOT_FOUND: i32 = -10508;
/// Call depth exceeded ("Stack full").
pub const STACK_FULL: i32 = -10518;
/// A value of the wrong type for the operation or variable.
pub const TYPE_MISMATCH: i32 = -10501;
/// Member access on Null / a non-object.
pub const NULL_ACCESS: i32 = -10737;
/// Division by zero.
pub const DIV_ZERO: i32 = -10502;
/// A command the parser knows that fourd does not implement.
pub const NOT_IMPLEMENTED: i32 = -10509;
/// Wrong or missing argument for a command.
pub const BAD_ARGUMENT: i32 = -10503;
/// A function or member that does not exist on an object or class.
pub const NO_SUCH_MEMBER: i32 = -10738;
/// An expression that cannot be assigned.
pub const NOT_ASSIGNABLE: i32 = -10504;
/// Index out of range (arrays).
pub const OUT_OF_RANGE: i32 = -10505;
/// `ASSERT` failed (docs/commands/assert.md).
pub const ASSERT_FAILED: i32 = -10518;
/// A variable or pointer target that does not exist.
pub const UNDEFINED_VARIABLE: i32 = -10507;
/// Syntax error in code compiled at run time (`Formula from string`, `EXECUTE FORMULA`).
pub const SYNTAX: i32 = -10510;

/// A component signature as a `&'static str` (`Last errors` reports it):
/// each distinct signature is stored once for the life of the program.
pub fn signature(s: &str) -> &'static str {
    const KNOWN: &[&str] = &["4DRT", "host", "user"];
    if let Some(k) = KNOWN.iter().find(|k| **k == s) {
        return k;
    }
    static SEEN: std::sync::OnceLock<parking_lot::Mutex<Vec<&'static str>>> =
        std::sync::OnceLock::new();
    let mut seen = SEEN.get_or_init(Default::default).lock();
    if let Some(k) = seen.iter().find(|k| **k == s) {
        return k;
    }
    // Signatures are four letters in 4D; cap what one program can store.
    let s: String = s.chars().take(32).collect();
    if seen.len() >= 1024 {
        return "user";
    }
    let k: &'static str = Box::leak(s.into_boxed_str());
    seen.push(k);
    k
}

pub fn err(code: i32, msg: impl Into<String>) -> Box<RuntimeError> {
    Box::new(RuntimeError::new(code, msg))
}

pub fn type_err(msg: impl Into<String>) -> Box<RuntimeError> {
    err(TYPE_MISMATCH, msg)
}
