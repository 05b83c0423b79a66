//! `JSON Stringify` and `JSON Parse` as commands (the work is in `value::json`).

use super::{arg_text, need, opt_int, split_star};
use crate::error::RtResult;
use crate::value::{json, Value};

/// `JSON Stringify(value {; *})`.
pub fn json_stringify(args: &[Value]) -> RtResult<Value> {
    let (args, pretty) = split_star(args);
    need("JSON Stringify", args, 1)?;
    Ok(Value::text(json::stringify(&args[0], pretty)))
}

/// `JSON Parse(text {; type}{; *})`.
pub fn json_parse(args: &[Value]) -> RtResult<Value> {
    let (args, _) = split_star(args);
    need("JSON Parse", args, 1)?;
    let text = arg_text("JSON Parse", args, 0)?;
    let wanted = opt_int("JSON Parse", args, 1)?.map(|t| t as i32);
    json::parse(&text, wanted)
}

/// `JSON Stringify array(array {; *})`: the array's elements (element 0
/// left out) as a JSON array.
pub fn json_stringify_array(args: &[Value]) -> RtResult<Value> {
    need("JSON Stringify array", args, 1)?;
    let items = match &args[0] {
        Value::Array(a) => a.items.iter().skip(1).cloned().collect(),
        other => {
            return Err(super::arg_error(
                "JSON Stringify array",
                0,
                "an array",
                other,
            ))
        }
    };
    let mut rest = vec![Value::Collection(crate::value::CollRef::new(items))];
    rest.extend_from_slice(&args[1..]);
    json_stringify(&rest)
}

#[cfg(test)]
mod tests {
    use super::super::star;
    use super::*;

    #[test]
    fn round_trip() {
        let o = json_parse(&[Value::text(r#"{"name":"Monroe","firstname":"Alan"}"#)]).unwrap();
        let s = json_stringify(std::slice::from_ref(&o)).unwrap();
        assert!(
            matches!(s, Value::Text(t) if t.as_str() == r#"{"name":"Monroe","firstname":"Alan"}"#)
        );
        let p = json_stringify(&[o, star()]).unwrap();
        assert!(matches!(p, Value::Text(t) if t.starts_with("{\n\t\"name\": ")));
        assert!(matches!(
            json_parse(&[Value::text("120.13"), Value::Int(9)]).unwrap(),
            Value::Int(120)
        ));
        assert!(json_parse(&[Value::text("[1,")]).is_err());
    }
}
