//! 4D comparison: `=`/`#` and `< <= > >=`, and the total order used by sorts.
//! (Placeholder bodies; the full rules — case- and accent-insensitive text,
//! the `@` wildcard, Null/Undefined cases — are being written.)

use super::Value;
use crate::error::RtResult;
use std::cmp::Ordering;

/// `a = b` with 4D's rules (text ignores case; `@` in `b` is a wildcard).
pub fn equals(a: &Value, b: &Value) -> RtResult<bool> {
    Ok(match (a, b) {
        (Value::Text(x), Value::Text(y)) => x.to_lowercase() == y.to_lowercase(),
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Real(x), Value::Real(y)) => x == y,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        _ => false,
    })
}

/// `a < b` etc.: `None` when the comparison gives False without error (Undefined vs scalar).
pub fn compare(a: &Value, b: &Value) -> RtResult<Option<Ordering>> {
    Ok(match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Real(x), Value::Real(y)) => x.partial_cmp(y),
        _ => None,
    })
}

/// The order `.sort()` / `SORT ARRAY` use: total, never fails.
pub fn sort_order(a: &Value, b: &Value) -> Ordering {
    compare(a, b).ok().flatten().unwrap_or(Ordering::Equal)
}
