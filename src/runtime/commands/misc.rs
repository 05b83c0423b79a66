//! Small language commands: booleans, `Choose`, `Value type`, `Generate UUID`,
//! `New object`/`New collection`, and the `OB …` readers.

use super::collection_fns::deep_copy;
use super::{arg_error, arg_int, arg_text, need, ERR_ARG};
use crate::error::{RtResult, RuntimeError};
use crate::value::{ArrayKind, CollRef, ObjRef, Props, Value};

pub fn true_(_args: &[Value]) -> RtResult<Value> {
    Ok(Value::Bool(true))
}

pub fn false_(_args: &[Value]) -> RtResult<Value> {
    Ok(Value::Bool(false))
}

pub fn null(_args: &[Value]) -> RtResult<Value> {
    Ok(Value::Null)
}

/// `Not(boolean)`.
pub fn not(args: &[Value]) -> RtResult<Value> {
    need("Not", args, 1)?;
    match &args[0] {
        Value::Bool(b) => Ok(Value::Bool(!b)),
        Value::Undefined => Ok(Value::Bool(true)),
        other => Err(arg_error("Not", 0, "a boolean", other)),
    }
}

/// `Bool(expression)`: False for undefined/null, numbers ≠ 0 are True.
pub fn bool_(args: &[Value]) -> RtResult<Value> {
    need("Bool", args, 1)?;
    Ok(Value::Bool(match &args[0] {
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Real(r) => *r != 0.0,
        Value::Time(t) => *t != 0,
        Value::Text(t) => t.eq_ignore_ascii_case("true"),
        _ => false,
    }))
}

/// `Undefined(expression)`: True only for an undefined value (not for null).
pub fn undefined(args: &[Value]) -> RtResult<Value> {
    need("Undefined", args, 1)?;
    Ok(Value::Bool(args[0].is_undefined()))
}

/// `Choose(criterion; value…)`: a Boolean picks the first value when True and
/// the second when False; a number is a 0-based index into the values.
pub fn choose(args: &[Value]) -> RtResult<Value> {
    need("Choose", args, 2)?;
    let idx = match &args[0] {
        Value::Bool(b) => usize::from(!*b),
        _ => {
            let i = arg_int("Choose", args, 0)?;
            if i < 0 {
                return Ok(empty_like(&args[1]));
            }
            i as usize
        }
    };
    Ok(match args.get(idx + 1) {
        Some(v) => v.clone(),
        // No value at that position: the empty value of value1's type.
        None => empty_like(&args[1]),
    })
}

/// The empty value of `v`'s type (0, "", False, the null date…).
fn empty_like(v: &Value) -> Value {
    match v {
        Value::Text(_) => Value::text(""),
        Value::Int(_) => Value::Int(0),
        Value::Real(_) => Value::Real(0.0),
        Value::Bool(_) => Value::Bool(false),
        Value::Date(_) => Value::Date(Default::default()),
        Value::Time(_) => Value::Time(0),
        Value::Object(_) | Value::Collection(_) | Value::Null => Value::Null,
        _ => Value::Undefined,
    }
}

/// The `Value type` constant of a value (`Is real`, `Is text`, …).
pub fn value_type_of(v: &Value) -> i32 {
    match v {
        Value::Undefined => 5,
        Value::Null => 255,
        Value::Bool(_) => 6,
        Value::Int(_) => 9,
        Value::Real(_) => 1,
        Value::Text(_) => 2,
        Value::Date(_) => 4,
        Value::Time(_) => 11,
        Value::Object(_) => 38,
        Value::Collection(_) => 42,
        Value::Pointer(_) => 23,
        Value::Blob(_) => 30,
        Value::Array(a) => match a.kind {
            ArrayKind::Text => 18,
            ArrayKind::Integer => 15,
            ArrayKind::Longint => 16,
            ArrayKind::Real => 14,
            ArrayKind::Boolean => 22,
            ArrayKind::Date => 17,
            ArrayKind::Time => 32,
            ArrayKind::Object => 39,
            ArrayKind::Pointer => 20,
            ArrayKind::Picture => 19,
            ArrayKind::Blob => 31,
        },
    }
}

/// `Value type(expression)`.
pub fn value_type(args: &[Value]) -> RtResult<Value> {
    need("Value type", args, 1)?;
    Ok(Value::Int(value_type_of(&args[0])))
}

/// `Generate UUID`: 32 upper-case hex digits, no dashes.
pub fn generate_uuid(_args: &[Value]) -> RtResult<Value> {
    Ok(Value::text(
        uuid::Uuid::new_v4().simple().to_string().to_uppercase(),
    ))
}

/// `BLOB size(blob)`.
pub fn blob_size(args: &[Value]) -> RtResult<Value> {
    need("BLOB size", args, 1)?;
    match &args[0] {
        Value::Blob(b) => Ok(Value::Int(b.len().min(i32::MAX as usize) as i32)),
        Value::Undefined => Ok(Value::Int(0)),
        other => Err(arg_error("BLOB size", 0, "a blob", other)),
    }
}

/// `Current user`: a run without access control is the Designer's.
pub fn current_user(_args: &[Value]) -> RtResult<Value> {
    Ok(Value::text("Designer"))
}

/// `Current system user`: the OS account running fourd.
pub fn current_system_user(_args: &[Value]) -> RtResult<Value> {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default();
    Ok(Value::text(user))
}

/// `Current machine`: the host name.
pub fn current_machine(_args: &[Value]) -> RtResult<Value> {
    let name = std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    Ok(Value::text(name))
}

/// `Is compiled mode`: fourd interprets.
pub fn is_compiled_mode(_args: &[Value]) -> RtResult<Value> {
    Ok(Value::Bool(false))
}

/// `Temporary folder`: the system temporary folder, with a trailing separator.
pub fn temporary_folder(_args: &[Value]) -> RtResult<Value> {
    let mut p = std::env::temp_dir().to_string_lossy().into_owned();
    if !p.ends_with(std::path::MAIN_SEPARATOR) {
        p.push(std::path::MAIN_SEPARATOR);
    }
    Ok(Value::text(p))
}

pub fn is_macos(_args: &[Value]) -> RtResult<Value> {
    Ok(Value::Bool(cfg!(target_os = "macos")))
}

pub fn is_windows(_args: &[Value]) -> RtResult<Value> {
    Ok(Value::Bool(cfg!(target_os = "windows")))
}

/// `New object({name; value; …})`; an undefined value creates no property.
pub fn new_object(args: &[Value]) -> RtResult<Value> {
    if !args.len().is_multiple_of(2) {
        return Err(RuntimeError::new(
            ERR_ARG,
            "New object: expects name/value pairs",
        ));
    }
    let mut props = Props::with_capacity_and_hasher(args.len() / 2, Default::default());
    for (i, pair) in args.chunks(2).enumerate() {
        let key = arg_text("New object", args, i * 2)?;
        if !pair[1].is_undefined() {
            props.insert(key, pair[1].clone());
        }
    }
    Ok(Value::Object(ObjRef::from_props(props)))
}

/// `New collection({value; …})`; undefined values become null.
pub fn new_collection(args: &[Value]) -> RtResult<Value> {
    Ok(Value::Collection(CollRef::new(
        args.iter()
            .map(|v| {
                if v.is_undefined() {
                    Value::Null
                } else {
                    v.clone()
                }
            })
            .collect(),
    )))
}

fn arg_obj<'a>(cmd: &str, args: &'a [Value], i: usize) -> RtResult<Option<&'a ObjRef>> {
    match args.get(i) {
        Some(Value::Object(o)) => Ok(Some(o)),
        Some(Value::Undefined) | Some(Value::Null) => Ok(None),
        Some(other) => Err(arg_error(cmd, i, "an object", other)),
        None => Err(RuntimeError::new(
            ERR_ARG,
            format!("{cmd}: parameter {} is missing", i + 1),
        )),
    }
}

/// `OB Keys(object)`: property names in creation order.
pub fn ob_keys(args: &[Value]) -> RtResult<Value> {
    let keys = match arg_obj("OB Keys", args, 0)? {
        Some(o) => o.read().keys().map(|k| Value::text(k.clone())).collect(),
        None => Vec::new(),
    };
    Ok(Value::Collection(CollRef::new(keys)))
}

/// `OB Values(object)`.
pub fn ob_values(args: &[Value]) -> RtResult<Value> {
    let vals = match arg_obj("OB Values", args, 0)? {
        Some(o) => o.read().values().cloned().collect(),
        None => Vec::new(),
    };
    Ok(Value::Collection(CollRef::new(vals)))
}

/// `OB Entries(object)`: `[{key; value}…]`.
pub fn ob_entries(args: &[Value]) -> RtResult<Value> {
    let entries = match arg_obj("OB Entries", args, 0)? {
        Some(o) => o
            .read()
            .iter()
            .map(|(k, v)| {
                let mut p = Props::default();
                p.insert("key".to_string(), Value::text(k.clone()));
                p.insert("value".to_string(), v.clone());
                Value::Object(ObjRef::from_props(p))
            })
            .collect(),
        None => Vec::new(),
    };
    Ok(Value::Collection(CollRef::new(entries)))
}

/// `OB Copy(object)`: a deep, non-shared copy (pointer resolution is the interpreter's).
pub fn ob_copy(args: &[Value]) -> RtResult<Value> {
    need("OB Copy", args, 1)?;
    Ok(match arg_obj("OB Copy", args, 0)? {
        Some(o) => deep_copy(&Value::Object(o.clone()))?,
        None => Value::Null,
    })
}

/// `OB Get(object; property {; type})`.
pub fn ob_get(args: &[Value]) -> RtResult<Value> {
    need("OB Get", args, 2)?;
    let key = arg_text("OB Get", args, 1)?;
    let v = match arg_obj("OB Get", args, 0)? {
        Some(o) => o.get(&key),
        None => Value::Undefined,
    };
    Ok(match args.get(2) {
        None => v,
        Some(_) => {
            let t = arg_int("OB Get", args, 2)?;
            convert_to(v, t as i32)
        }
    })
}

/// Converts a value to the type named by a `Value type` constant, as `OB Get` does.
fn convert_to(v: Value, t: i32) -> Value {
    use crate::value::compare::as_number;
    match t {
        1 => Value::Real(match &v {
            Value::Text(s) => super::text::text_to_num(s, "."),
            Value::Bool(b) => f64::from(u8::from(*b)),
            other => as_number(other).unwrap_or(0.0),
        }),
        9 | 8 => Value::Int(match &v {
            Value::Text(s) => super::text::text_to_num(s, ".") as i32,
            other => as_number(other).unwrap_or(0.0) as i32,
        }),
        2 => Value::text(match &v {
            Value::Undefined | Value::Null => String::new(),
            other => crate::value::format::to_text(other),
        }),
        6 => Value::Bool(match &v {
            Value::Bool(b) => *b,
            other => as_number(other).is_some_and(|x| x != 0.0),
        }),
        4 => Value::Date(match &v {
            Value::Date(d) => *d,
            Value::Text(s) => super::datetime::parse_date_text(s).unwrap_or_default(),
            _ => Default::default(),
        }),
        11 => Value::Time(match &v {
            Value::Time(t) => *t,
            Value::Text(s) => super::datetime::parse_time_text(s),
            other => as_number(other).unwrap_or(0.0) as i64,
        }),
        _ => v,
    }
}

/// `OB Get type(object; property)`: the `Value type` of the property.
pub fn ob_get_type(args: &[Value]) -> RtResult<Value> {
    need("OB Get type", args, 2)?;
    let key = arg_text("OB Get type", args, 1)?;
    let v = match arg_obj("OB Get type", args, 0)? {
        Some(o) => o.get(&key),
        None => Value::Undefined,
    };
    Ok(Value::Int(value_type_of(&v)))
}

/// `OB REMOVE(object; property)`: locks a shared object on its own, like 4D.
pub fn ob_remove(args: &[Value]) -> RtResult<Value> {
    need("OB REMOVE", args, 2)?;
    let key = arg_text("OB REMOVE", args, 1)?;
    if let Some(o) = arg_obj("OB REMOVE", args, 0)? {
        let _guard = crate::runtime::shared::auto_use(&o.0.sharing)?;
        o.write().shift_remove(&key);
    }
    Ok(Value::Undefined)
}

/// `OB Is shared(value)`.
pub fn ob_is_shared(args: &[Value]) -> RtResult<Value> {
    need("OB Is shared", args, 1)?;
    Ok(Value::Bool(crate::runtime::shared::is_shared(&args[0])))
}

/// `New shared object({name; value; …})`.
pub fn new_shared_object(args: &[Value]) -> RtResult<Value> {
    let props = match new_object(args)? {
        Value::Object(o) => o.read().clone(),
        _ => Props::default(),
    };
    Ok(Value::Object(crate::runtime::shared::new_shared_object(
        props,
    )?))
}

/// `New shared collection({value; …})`.
pub fn new_shared_collection(args: &[Value]) -> RtResult<Value> {
    let items = args
        .iter()
        .map(|v| {
            if v.is_undefined() {
                Value::Null
            } else {
                v.clone()
            }
        })
        .collect();
    Ok(Value::Collection(
        crate::runtime::shared::new_shared_collection(items)?,
    ))
}

/// `Storage`: the run's shared catalogue.
pub fn storage(_args: &[Value]) -> RtResult<Value> {
    Ok(Value::Object(crate::runtime::shared::storage()))
}

/// `OB Is defined(object {; property})`.
pub fn ob_is_defined(args: &[Value]) -> RtResult<Value> {
    need("OB Is defined", args, 1)?;
    let o = arg_obj("OB Is defined", args, 0)?;
    Ok(Value::Bool(match (o, args.get(1)) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(o), Some(_)) => {
            let key = arg_text("OB Is defined", args, 1)?;
            o.read().contains_key(&key)
        }
    }))
}

/// `OB Is empty(object)`: True for an empty or undefined object.
pub fn ob_is_empty(args: &[Value]) -> RtResult<Value> {
    need("OB Is empty", args, 1)?;
    Ok(Value::Bool(match arg_obj("OB Is empty", args, 0)? {
        Some(o) => o.is_empty(),
        None => true,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::json::stringify;

    fn t(s: &str) -> Value {
        Value::text(s)
    }

    #[test]
    fn booleans_and_choose() {
        assert!(matches!(
            not(&[Value::Bool(true)]).unwrap(),
            Value::Bool(false)
        ));
        assert!(not(&[Value::Int(1)]).is_err());
        assert!(matches!(
            bool_(&[Value::Undefined]).unwrap(),
            Value::Bool(false)
        ));
        assert!(matches!(
            bool_(&[Value::Real(2.0)]).unwrap(),
            Value::Bool(true)
        ));
        assert!(
            matches!(choose(&[Value::Bool(true), t("a"), t("b")]).unwrap(), Value::Text(s) if s.as_str() == "a")
        );
        assert!(
            matches!(choose(&[Value::Bool(false), t("a"), t("b")]).unwrap(), Value::Text(s) if s.as_str() == "b")
        );
        assert!(
            matches!(choose(&[Value::Real(2.0), t("a"), t("b"), t("c")]).unwrap(), Value::Text(s) if s.as_str() == "c")
        );
        assert!(matches!(
            undefined(&[Value::Null]).unwrap(),
            Value::Bool(false)
        ));
        assert!(matches!(
            undefined(&[Value::Undefined]).unwrap(),
            Value::Bool(true)
        ));
    }

    #[test]
    fn types_and_uuid() {
        assert!(matches!(
            value_type(&[Value::Real(42.0)]).unwrap(),
            Value::Int(1)
        ));
        assert!(matches!(value_type(&[t("x")]).unwrap(), Value::Int(2)));
        assert!(matches!(
            value_type(&[Value::Null]).unwrap(),
            Value::Int(255)
        ));
        match generate_uuid(&[]).unwrap() {
            Value::Text(u) => {
                assert_eq!(u.len(), 32);
                assert!(u
                    .chars()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn environment() {
        let blob = Value::Blob(std::sync::Arc::new(vec![1, 2, 3]));
        assert!(matches!(blob_size(&[blob]).unwrap(), Value::Int(3)));
        assert!(blob_size(&[t("x")]).is_err());
        assert!(matches!(current_user(&[]).unwrap(), Value::Text(u) if u.as_str() == "Designer"));
        assert!(matches!(is_compiled_mode(&[]).unwrap(), Value::Bool(false)));
        assert!(matches!(temporary_folder(&[]).unwrap(), Value::Text(p) if p.ends_with('/')));
    }

    #[test]
    fn objects() {
        let o = new_object(&[
            t("name"),
            t("Smith"),
            t("age"),
            Value::Real(42.0),
            t("gone"),
            Value::Undefined,
        ])
        .unwrap();
        assert_eq!(stringify(&o, false), r#"{"name":"Smith","age":42}"#);
        assert_eq!(
            stringify(&ob_keys(std::slice::from_ref(&o)).unwrap(), false),
            r#"["name","age"]"#
        );
        assert_eq!(
            stringify(&ob_values(std::slice::from_ref(&o)).unwrap(), false),
            r#"["Smith",42]"#
        );
        assert_eq!(
            stringify(&ob_entries(std::slice::from_ref(&o)).unwrap(), false),
            r#"[{"key":"name","value":"Smith"},{"key":"age","value":42}]"#
        );
        assert!(
            matches!(ob_get(&[o.clone(), t("age"), Value::Int(2)]).unwrap(), Value::Text(s) if s.as_str() == "42")
        );
        assert!(matches!(
            ob_is_defined(&[o.clone(), t("age")]).unwrap(),
            Value::Bool(true)
        ));
        assert!(matches!(
            ob_is_defined(&[o.clone(), t("nope")]).unwrap(),
            Value::Bool(false)
        ));
        assert!(matches!(
            ob_is_empty(std::slice::from_ref(&o)).unwrap(),
            Value::Bool(false)
        ));
        let c = ob_copy(std::slice::from_ref(&o)).unwrap();
        match (&c, &o) {
            (Value::Object(a), Value::Object(b)) => assert!(!a.ptr_eq(b)),
            _ => panic!(),
        }
        assert_eq!(stringify(&c, false), stringify(&o, false));
        assert!(new_object(&[t("a")]).is_err());
        assert!(matches!(
            ob_get_type(&[o.clone(), t("age")]).unwrap(),
            Value::Int(1)
        ));
        assert!(matches!(
            ob_get_type(&[o.clone(), t("nope")]).unwrap(),
            Value::Int(5)
        ));
        ob_remove(&[o.clone(), t("name")]).unwrap();
        assert_eq!(stringify(&o, false), r#"{"age":42}"#);
        let so = new_shared_object(&[t("a"), Value::Int(1)]).unwrap();
        assert!(matches!(
            ob_is_shared(std::slice::from_ref(&so)).unwrap(),
            Value::Bool(true)
        ));
        assert!(matches!(
            ob_is_shared(std::slice::from_ref(&o)).unwrap(),
            Value::Bool(false)
        ));
        assert!(new_shared_collection(&[Value::Object(ObjRef::new())]).is_err());
        let col = new_collection(&[Value::Real(1.0), Value::Undefined]).unwrap();
        assert_eq!(stringify(&col, false), "[1,null]");
    }
}
