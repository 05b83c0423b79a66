//! Turning values into text the way `String()` does with no format.
//! (Placeholder bodies; the full rules are being written.)

use super::Value;

/// `String(v)` with no format argument.
pub fn to_text(v: &Value) -> String {
    match v {
        Value::Text(t) => t.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Real(r) => r.to_string(),
        Value::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        _ => String::new(),
    }
}
