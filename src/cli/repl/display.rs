//! How the REPL shows the value of an expression: text as is, numbers, dates
//! and times as `String()` prints them, objects and collections as JSON (on one
//! line when short, indented otherwise), `Null` and `Undefined` spelled out.

use crate::value::format::to_text;
use crate::value::json::stringify;
use crate::value::{CollRef, PointerTarget, Value};

/// The widest a value may be to stay on one line.
const ONE_LINE: usize = 72;

pub fn display(v: &Value) -> String {
    match v {
        Value::Undefined => "Undefined".to_string(),
        Value::Null => "Null".to_string(),
        Value::Object(_) | Value::Collection(_) => json(v),
        Value::Array(a) => {
            let items = a.items.get(1..).unwrap_or_default().to_vec();
            json(&Value::Collection(CollRef::new(items)))
        }
        Value::Pointer(p) => format!("->{}", pointer(p)),
        Value::Blob(b) => format!("<Blob: {} bytes>", b.len()),
        _ => to_text(v),
    }
}

fn json(v: &Value) -> String {
    let pretty = stringify(v, true);
    let lines: Vec<&str> = pretty.lines().map(str::trim).collect();
    let mut flat = String::new();
    for (i, l) in lines.iter().enumerate() {
        let tight = i == 0 || l.starts_with(['}', ']']) || lines[i - 1].ends_with(['{', '[']);
        if !tight {
            flat.push(' ');
        }
        flat.push_str(l);
    }
    if flat.chars().count() <= ONE_LINE {
        flat
    } else {
        pretty.replace('\t', "  ")
    }
}

fn pointer(p: &PointerTarget) -> String {
    match p {
        PointerTarget::Process(n) => n.to_string(),
        PointerTarget::Interprocess(n) => format!("<>{n}"),
        PointerTarget::Local { name, .. } => format!("${name}"),
        PointerTarget::Element { array, index } => format!("{}{{{index}}}", pointer(array)),
        PointerTarget::Property { key, .. } => format!("(object).{key}"),
        PointerTarget::Table(t) => format!("[{t}]"),
        PointerTarget::Field { table, field } => format!("[{table}]{field}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{ObjRef, Props};

    fn obj(pairs: &[(&str, Value)]) -> Value {
        let mut props = Props::default();
        for (k, v) in pairs {
            props.insert(k.to_string(), v.clone());
        }
        Value::Object(ObjRef::from_props(props))
    }

    #[test]
    fn scalars() {
        assert_eq!(display(&Value::text("a\"b")), "a\"b");
        assert_eq!(display(&Value::Real(42.0)), "42");
        assert_eq!(display(&Value::Bool(true)), "True");
        assert_eq!(display(&Value::Null), "Null");
        assert_eq!(display(&Value::Undefined), "Undefined");
    }

    #[test]
    fn short_objects_fit_on_one_line() {
        let inner = Value::Collection(CollRef::new(vec![Value::Real(1.0), Value::Real(2.0)]));
        let v = obj(&[("a", inner), ("b", obj(&[("c", Value::text("x"))]))]);
        assert_eq!(display(&v), r#"{"a": [1, 2], "b": {"c": "x"}}"#);
        assert_eq!(display(&obj(&[])), "{}");
    }

    #[test]
    fn long_objects_are_indented() {
        let long = Value::text("x".repeat(80));
        let v = obj(&[("k", long.clone()), ("l", Value::Real(1.0))]);
        assert_eq!(
            display(&v),
            format!("{{\n  \"k\": \"{}\",\n  \"l\": 1\n}}", "x".repeat(80))
        );
    }
}
