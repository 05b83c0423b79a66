//! `JSON Stringify` and `JSON Parse` (docs/commands/json-stringify.md, json-parse.md).
//!
//! Dates follow the "date type in objects" setting that new projects use:
//! `"YYYY-MM-DD"`. Times are seconds. Property order is kept both ways.

use super::format::{date_iso, real_digits};
use super::{CollRef, Date, ObjRef, Props, Value};
use crate::error::{RtResult, RuntimeError};

/// 4D's error for text that is not valid JSON.
pub const ERR_JSON_PARSE: i32 = -1;

/// Deeper nesting than this (a cycle, in practice) prints as `null`.
const MAX_DEPTH: usize = 512;

/// `JSON Stringify(v {; *})`.
pub fn stringify(v: &Value, pretty: bool) -> String {
    let mut out = String::new();
    if matches!(v, Value::Undefined) {
        return out;
    }
    write_value(&mut out, v, pretty, 0);
    out
}

/// A number the way JSON Stringify prints it (15 significant digits; NaN/INF → null).
pub fn number_to_json(r: f64) -> String {
    if !r.is_finite() {
        return "null".to_string();
    }
    real_digits(r, 15)
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push('\t');
    }
}

fn write_value(out: &mut String, v: &Value, pretty: bool, depth: usize) {
    if depth > MAX_DEPTH {
        out.push_str("null");
        return;
    }
    match v {
        Value::Undefined | Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Real(r) => out.push_str(&number_to_json(*r)),
        Value::Time(t) => out.push_str(&t.to_string()),
        Value::Text(t) => write_string(out, t),
        Value::Date(d) => write_string(out, &json_date(d)),
        Value::Object(o) => write_object(out, o, pretty, depth),
        Value::Collection(c) => write_collection(out, c, pretty, depth),
        Value::Pointer(_) | Value::Blob(_) | Value::Array(_) => out.push_str("null"),
    }
}

fn json_date(d: &Date) -> String {
    if d.is_null() {
        "0000-00-00".to_string()
    } else {
        date_iso(d)
    }
}

fn write_object(out: &mut String, o: &ObjRef, pretty: bool, depth: usize) {
    // Snapshot first: never hold a lock while recursing into a possibly cyclic graph.
    let props: Vec<(String, Value)> = o
        .read()
        .iter()
        .filter(|(_, v)| !v.is_undefined())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if props.is_empty() {
        out.push_str("{}");
        return;
    }
    out.push('{');
    for (i, (k, v)) in props.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if pretty {
            out.push('\n');
            indent(out, depth + 1);
        }
        write_string(out, k);
        out.push(':');
        if pretty {
            out.push(' ');
        }
        write_value(out, v, pretty, depth + 1);
    }
    if pretty {
        out.push('\n');
        indent(out, depth);
    }
    out.push('}');
}

fn write_collection(out: &mut String, c: &CollRef, pretty: bool, depth: usize) {
    let items: Vec<Value> = c.read().clone();
    if items.is_empty() {
        out.push_str("[]");
        return;
    }
    out.push('[');
    for (i, v) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if pretty {
            out.push('\n');
            indent(out, depth + 1);
        }
        write_value(out, v, pretty, depth + 1);
    }
    if pretty {
        out.push('\n');
        indent(out, depth);
    }
    out.push(']');
}

/// A JSON string literal.
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `JSON Parse(text {; type})`. `wanted_type` is a `Value type` constant
/// (`Is longint` 9, `Is real` 1, `Is text` 2, `Is boolean` 6, `Is date` 4,
/// `Is time` 11, `Is object` 38, `Is collection` 42).
pub fn parse(text: &str, wanted_type: Option<i32>) -> RtResult<Value> {
    let parsed: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| {
            RuntimeError::new(ERR_JSON_PARSE, format!("JSON Parse: invalid JSON ({e})"))
        })?;
    let v = from_json(&parsed);
    Ok(match wanted_type {
        None => v,
        Some(t) => convert(v, t),
    })
}

/// A serde_json value as a 4D value (numbers become Real).
pub fn from_json(j: &serde_json::Value) -> Value {
    match j {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Real(n.as_f64().unwrap_or(0.0)),
        // With the "date type" setting of new projects, "YYYY-MM-DD" text is a date.
        serde_json::Value::String(s) => match parse_iso_date(s) {
            Some(d) if s.len() == 10 => Value::Date(d),
            _ => Value::text(s.clone()),
        },
        serde_json::Value::Array(a) => {
            Value::Collection(CollRef::new(a.iter().map(from_json).collect()))
        }
        serde_json::Value::Object(m) => {
            let mut props = Props::with_capacity_and_hasher(m.len(), Default::default());
            for (k, v) in m {
                props.insert(k.clone(), from_json(v));
            }
            Value::Object(ObjRef::from_props(props))
        }
    }
}

/// Parses the date part of `YYYY-MM-DD…` text.
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year: i32 = s.get(0..4)?.parse().ok()?;
    let month: u32 = s.get(5..7)?.parse().ok()?;
    let day: u32 = s.get(8..10)?.parse().ok()?;
    if year == 0 && month == 0 && day == 0 {
        return Some(Date::NULL);
    }
    chrono::NaiveDate::from_ymd_opt(year, month, day)?;
    Some(Date { year, month, day })
}

fn convert(v: Value, t: i32) -> Value {
    let num = |v: &Value| match v {
        Value::Real(r) => *r,
        Value::Bool(b) => f64::from(u8::from(*b)),
        Value::Text(s) => text_num(s),
        _ => 0.0,
    };
    match t {
        9 | 8 => Value::Int(num(&v).trunc() as i32),
        1 => Value::Real(num(&v)),
        2 => match v {
            Value::Text(_) => v,
            Value::Null | Value::Undefined => Value::text(""),
            other => Value::text(stringify(&other, false)),
        },
        6 => match v {
            Value::Bool(_) => v,
            Value::Real(r) => Value::Bool(r != 0.0),
            Value::Text(s) => Value::Bool(s.eq_ignore_ascii_case("true")),
            Value::Object(o) => {
                // {"manager":true} with Is Boolean → true (docs example): the first property.
                let first = o.read().values().next().cloned();
                match first {
                    Some(Value::Bool(b)) => Value::Bool(b),
                    _ => Value::Bool(false),
                }
            }
            _ => Value::Bool(false),
        },
        4 => match &v {
            Value::Text(s) => Value::Date(parse_iso_date(s).unwrap_or(Date::NULL)),
            _ => Value::Date(Date::NULL),
        },
        11 => Value::Time(num(&v).trunc() as i64),
        _ => v,
    }
}

fn text_num(s: &str) -> f64 {
    s.trim().parse().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(pairs: &[(&str, Value)]) -> Value {
        let mut p = Props::default();
        for (k, v) in pairs {
            p.insert(k.to_string(), v.clone());
        }
        Value::Object(ObjRef::from_props(p))
    }

    #[test]
    fn scalars() {
        assert_eq!(stringify(&Value::text("Eureka!"), false), "\"Eureka!\"");
        assert_eq!(stringify(&Value::Real(120.0), false), "120");
        assert_eq!(stringify(&Value::Time(72000), false), "72000");
        assert_eq!(stringify(&Value::Real(0.5), false), "0.5");
        assert_eq!(
            stringify(
                &Value::Date(Date {
                    year: 2013,
                    month: 8,
                    day: 28
                }),
                false
            ),
            "\"2013-08-28\""
        );
        assert_eq!(
            stringify(&Value::text("{\"name\":\"john\"}"), false),
            "\"{\\\"name\\\":\\\"john\\\"}\""
        );
    }

    #[test]
    fn objects_keep_order_and_skip_undefined() {
        let children = obj(&[
            ("firstname", Value::text("John")),
            ("age", Value::text("12")),
        ]);
        let o = obj(&[
            ("lastname", Value::text("Monroe")),
            ("firstname", Value::text("Alan")),
            ("gone", Value::Undefined),
            ("children", children),
        ]);
        assert_eq!(
            stringify(&o, false),
            r#"{"lastname":"Monroe","firstname":"Alan","children":{"firstname":"John","age":"12"}}"#
        );
        assert_eq!(
            stringify(&o, true),
            "{\n\t\"lastname\": \"Monroe\",\n\t\"firstname\": \"Alan\",\n\t\"children\": {\n\t\t\"firstname\": \"John\",\n\t\t\"age\": \"12\"\n\t}\n}"
        );
        let c = Value::Collection(CollRef::new(vec![
            Value::Real(33.0),
            Value::text("mike"),
            Value::Date(Date {
                year: 2017,
                month: 8,
                day: 28,
            }),
            Value::Bool(false),
            Value::Null,
        ]));
        assert_eq!(
            stringify(&c, false),
            r#"[33,"mike","2017-08-28",false,null]"#
        );
        assert_eq!(
            stringify(&obj(&[("a", obj(&[]))]), true),
            "{\n\t\"a\": {}\n}"
        );
    }

    #[test]
    fn cycles_do_not_hang() {
        let c = CollRef::new(vec![]);
        c.write().push(Value::Collection(c.clone()));
        let s = stringify(&Value::Collection(c.clone()), false);
        assert!(s.starts_with("[[[") && s.contains("[null]") && s.ends_with("]]]"));
        c.write().clear(); // break the cycle so the test does not leak
    }

    #[test]
    fn parse_values() {
        assert!(matches!(parse("42.17", None).unwrap(), Value::Real(r) if r == 42.17));
        assert!(matches!(parse("120.13", Some(9)).unwrap(), Value::Int(120)));
        assert!(
            matches!(parse("\"Year 42\"", Some(2)).unwrap(), Value::Text(t) if t.as_str() == "Year 42")
        );
        assert!(matches!(
            parse("{\"manager\":true}", Some(6)).unwrap(),
            Value::Bool(true)
        ));
        assert!(matches!(
            parse("5120", Some(11)).unwrap(),
            Value::Time(5120)
        ));
        assert!(matches!(
            parse("\"2008-01-01T12:00:00Z\"", Some(4)).unwrap(),
            Value::Date(Date {
                year: 2008,
                month: 1,
                day: 1
            })
        ));
        let o = parse("{\"b\":1,\"a\":[true,null,\"x\"]}", None).unwrap();
        assert_eq!(stringify(&o, false), r#"{"b":1,"a":[true,null,"x"]}"#);
        assert!(parse("{oops", None).is_err());
        // docs/commands/json-parse.md example 3: date strings become dates
        let o = parse(r#"{"name":"Marcus","birthday":"2017-10-16"}"#, None).unwrap();
        match o {
            Value::Object(o) => assert!(matches!(
                o.get("birthday"),
                Value::Date(Date {
                    year: 2017,
                    month: 10,
                    day: 16
                })
            )),
            _ => panic!(),
        }
        assert!(matches!(
            parse("\"1990-12-25T12:00:00Z\"", None).unwrap(),
            Value::Text(_)
        ));
    }
}
