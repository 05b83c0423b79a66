//! Commands that write some of their arguments (blobs, arrays, `lengthFound`
//! of `Position`, offsets). Each gets every argument; an output argument
//! written as a variable holds that variable's value, and what the command
//! leaves in it is written back (see `commands::OUT_COMMANDS`).

use super::commands::coerce_array_item;
use super::errors::type_err;
use super::ops::{a_type_name, num};
use super::{Interp, R};
use crate::runtime::commands::charset::{charset, decode, encode, Charset};
use crate::runtime::commands::{is_star, json_cmds, text};
use crate::value::format::to_text;
use crate::value::{Array, ArrayKind, CollRef, ObjRef, Value};
use base64::Engine;
use std::sync::Arc;

/// Blobs are limited to 2 GB (docs/Concepts/dt_blob.md).
const MAX_BLOB: i64 = i32::MAX as i64;

fn too_large(cmd: &str) -> Box<crate::error::RuntimeError> {
    super::errors::err(
        super::errors::BAD_ARGUMENT,
        format!("{cmd}: a blob cannot be larger than 2 GB"),
    )
}

fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or_default()
}

fn blob_bytes(v: &Value, cmd: &str) -> R<Vec<u8>> {
    match v {
        Value::Blob(b) => Ok(b.to_vec()),
        Value::Undefined | Value::Null => Ok(Vec::new()),
        other => Err(type_err(format!(
            "{cmd}: a blob was expected, not {}",
            a_type_name(other)
        ))),
    }
}

fn int_arg(args: &[Value], i: usize, default: i64) -> i64 {
    match args.get(i) {
        Some(v) if !is_star(v) => num(v).map(|x| x as i64).unwrap_or(default),
        _ => default,
    }
}

fn set(args: &mut [Value], i: usize, v: Value) {
    if let Some(slot) = args.get_mut(i) {
        *slot = v;
    }
}

/// `Position(find; string {; start {; lengthFound {; *}}})`: sets `lengthFound`.
pub fn position(_: &mut Interp, args: &mut [Value]) -> R<Value> {
    let (at, len) = text::position_found(args).map_err(Box::new)?;
    if args.len() > 3 && !is_star(&args[3]) {
        set(args, 3, Value::Int(len));
    }
    Ok(Value::Int(at))
}

/// `SET BLOB SIZE(blob; size {; filler})`.
pub fn set_blob_size(_: &mut Interp, args: &mut [Value]) -> R<Value> {
    let mut b = blob_bytes(&arg(args, 0), "SET BLOB SIZE")?;
    let size = int_arg(args, 1, 0).max(0);
    if size > MAX_BLOB {
        return Err(too_large("SET BLOB SIZE"));
    }
    let size = size as usize;
    let filler = int_arg(args, 2, 0) as u8;
    b.resize(size, filler);
    set(args, 0, Value::Blob(Arc::new(b)));
    Ok(Value::Undefined)
}

/// `CONVERT FROM TEXT(text; charset; blob)`.
pub fn convert_from_text(_: &mut Interp, args: &mut [Value]) -> R<Value> {
    let text = to_text(&arg(args, 0));
    let cs = charset(&arg(args, 1)).map_err(Box::new)?;
    set(args, 2, Value::Blob(Arc::new(encode(&text, &cs))));
    Ok(Value::Undefined)
}

const MAC_C_STRING: i64 = 0;
const MAC_PASCAL: i64 = 1;
const MAC_WITH_LENGTH: i64 = 2;
const UTF8_C_STRING: i64 = 4;
const UTF8_WITH_LENGTH: i64 = 5;

/// `TEXT TO BLOB(text; blob {; textFormat {; offset | *}})`.
pub fn text_to_blob(_: &mut Interp, args: &mut [Value]) -> R<Value> {
    let text = to_text(&arg(args, 0));
    let format = int_arg(args, 2, MAC_C_STRING);
    let utf8 = format >= UTF8_C_STRING;
    let chars: Vec<u8> = if utf8 {
        text.as_bytes().to_vec()
    } else {
        encode(&text, &Charset::Other(encoding_rs::MACINTOSH))
    };
    let mut data = Vec::with_capacity(chars.len() + 4);
    match format {
        MAC_PASCAL => {
            let n = chars.len().min(255);
            data.push(n as u8);
            data.extend_from_slice(&chars[..n]);
        }
        MAC_WITH_LENGTH => {
            data.extend_from_slice(&(chars.len().min(u16::MAX as usize) as u16).to_be_bytes());
            data.extend_from_slice(&chars);
        }
        UTF8_WITH_LENGTH => {
            data.extend_from_slice(&(chars.len() as u32).to_be_bytes());
            data.extend_from_slice(&chars);
        }
        MAC_C_STRING | UTF8_C_STRING => {
            data.extend_from_slice(&chars);
            data.push(0);
        }
        // Mac / UTF8 text without length (3, 6).
        _ => data.extend_from_slice(&chars),
    }
    write_at(args, 1, 3, &data)
}

/// Writes `data` into the blob argument `b`: at the start (replacing it),
/// appended (`*`), or at the offset variable `off` (which then moves on).
fn write_at(args: &mut [Value], b: usize, off: usize, data: &[u8]) -> R<Value> {
    let mut blob = blob_bytes(&arg(args, b), "TEXT TO BLOB")?;
    match args.get(off) {
        Some(v) if is_star(v) => blob.extend_from_slice(data),
        Some(v) => {
            let at = num(v).unwrap_or(0.0).max(0.0);
            if at + data.len() as f64 > MAX_BLOB as f64 {
                return Err(too_large("TEXT TO BLOB"));
            }
            let at = at as usize;
            if blob.len() < at + data.len() {
                blob.resize(at + data.len(), 0);
            }
            blob[at..at + data.len()].copy_from_slice(data);
            set(args, off, Value::Int((at + data.len()) as i32));
        }
        None => blob = data.to_vec(),
    }
    set(args, b, Value::Blob(Arc::new(blob)));
    Ok(Value::Undefined)
}

/// `BLOB to text(blob; textFormat {; offset {; textLength}})`.
pub fn blob_to_text(_: &mut Interp, args: &mut [Value]) -> R<Value> {
    let blob = blob_bytes(&arg(args, 0), "BLOB to text")?;
    let format = int_arg(args, 1, MAC_C_STRING);
    let start = int_arg(args, 2, 0).max(0) as usize;
    let max_len = args.get(3).and_then(num).map(|n| n.max(0.0) as usize);
    let rest = blob.get(start..).unwrap_or(&[]);
    let (bytes, used): (&[u8], usize) = match format {
        MAC_C_STRING | UTF8_C_STRING => {
            let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
            (&rest[..end], (end + 1).min(rest.len()))
        }
        MAC_PASCAL => {
            let n = rest.first().map(|&n| n as usize).unwrap_or(0);
            let n = n.min(rest.len().saturating_sub(1));
            (&rest[1.min(rest.len())..1 + n], 1 + n)
        }
        MAC_WITH_LENGTH => {
            let n = match rest {
                [a, b, ..] => u16::from_be_bytes([*a, *b]) as usize,
                _ => 0,
            };
            let n = n.min(rest.len().saturating_sub(2));
            (&rest[2.min(rest.len())..2.min(rest.len()) + n], 2 + n)
        }
        UTF8_WITH_LENGTH => {
            let n = match rest {
                [a, b, c, d, ..] => u32::from_be_bytes([*a, *b, *c, *d]) as usize,
                _ => 0,
            };
            let n = n.min(rest.len().saturating_sub(4));
            (&rest[4.min(rest.len())..4.min(rest.len()) + n], 4 + n)
        }
        _ => {
            let n = max_len.unwrap_or(rest.len()).min(rest.len());
            (&rest[..n], n)
        }
    };
    let text = if format >= UTF8_C_STRING {
        String::from_utf8_lossy(bytes).into_owned()
    } else {
        decode(bytes, &Charset::Other(encoding_rs::MACINTOSH))
    };
    if args.len() > 2 {
        set(args, 2, Value::Int((start + used) as i32));
    }
    Ok(Value::text(text))
}

fn base64_engine(url: bool) -> base64::engine::GeneralPurpose {
    if url {
        base64::engine::general_purpose::URL_SAFE_NO_PAD
    } else {
        base64::engine::general_purpose::STANDARD
    }
}

/// The data of a `BASE64 ENCODE/DECODE` argument: a blob, or a text as UTF-8.
fn bytes_of(v: &Value, cmd: &str) -> R<Vec<u8>> {
    match v {
        Value::Text(t) => Ok(t.as_bytes().to_vec()),
        v => blob_bytes(v, cmd),
    }
}

/// `BASE64 ENCODE(toEncode {; encoded}{; *})`: with no `encoded`, `toEncode`
/// itself is replaced. `*` uses Base64URL.
pub fn base64_encode(_: &mut Interp, args: &mut [Value]) -> R<Value> {
    let url = args.last().is_some_and(is_star);
    let n = args.len() - usize::from(url);
    let data = bytes_of(&arg(args, 0), "BASE64 ENCODE")?;
    let out = base64_engine(url).encode(data);
    let target = if n > 1 { 1 } else { 0 };
    let v = match args.get(target) {
        Some(Value::Blob(_)) => Value::Blob(Arc::new(out.into_bytes())),
        _ => Value::text(out),
    };
    set(args, target, v);
    Ok(Value::Undefined)
}

/// `BASE64 DECODE(toDecode {; decoded}{; *})`.
pub fn base64_decode(_: &mut Interp, args: &mut [Value]) -> R<Value> {
    let url = args.last().is_some_and(is_star);
    let n = args.len() - usize::from(url);
    let data = bytes_of(&arg(args, 0), "BASE64 DECODE")?;
    let clean: Vec<u8> = data
        .into_iter()
        .filter(|b| !b.is_ascii_whitespace() && (url || *b != b'='))
        .map(|b| match b {
            b'-' if !url => b'+',
            b'_' if !url => b'/',
            b => b,
        })
        .filter(|b| *b != b'=')
        .collect();
    let engine = base64::engine::GeneralPurpose::new(
        if url {
            &base64::alphabet::URL_SAFE
        } else {
            &base64::alphabet::STANDARD
        },
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
    );
    // Invalid input decodes to nothing, as 4D does.
    let out = engine.decode(&clean).unwrap_or_default();
    let target = if n > 1 { 1 } else { 0 };
    let v = match args.get(target) {
        Some(Value::Blob(_)) => Value::Blob(Arc::new(out)),
        _ => Value::text(String::from_utf8_lossy(&out).into_owned()),
    };
    set(args, target, v);
    Ok(Value::Undefined)
}

/// The items of an array argument (element 0 left out).
fn array_items(v: &Value, cmd: &str) -> R<Vec<Value>> {
    match v {
        Value::Array(a) => Ok(a.items.iter().skip(1).cloned().collect()),
        other => Err(type_err(format!(
            "{cmd}: an array was expected, not {}",
            a_type_name(other)
        ))),
    }
}

/// An array holding `items`, of the kind of `current` when it is an array
/// (its elements converted), else of `kind`.
fn fill_array(current: &Value, kind: ArrayKind, items: Vec<Value>) -> R<Value> {
    let kind = match current {
        Value::Array(a) => a.kind,
        _ => kind,
    };
    let mut out = Vec::with_capacity(items.len() + 1);
    out.push(coerce_array_item(kind, Value::Undefined).unwrap_or(Value::Undefined));
    for v in items {
        out.push(coerce_array_item(kind, v)?);
    }
    Ok(Value::Array(Box::new(Array { kind, items: out })))
}

/// `OB SET ARRAY(object; property; array)`: the property becomes a collection.
pub fn ob_set_array(cx: &mut Interp, args: &mut [Value]) -> R<Value> {
    let o = match arg(args, 0) {
        Value::Object(o) => o,
        Value::Undefined | Value::Null => ObjRef::new(),
        other => {
            return Err(type_err(format!(
                "OB SET ARRAY: an object was expected, not {}",
                a_type_name(&other)
            )))
        }
    };
    let key = to_text(&arg(args, 1));
    let items = array_items(&arg(args, 2), "OB SET ARRAY")?;
    cx.set_member(&o, &key, Value::Collection(CollRef::new(items)))?;
    set(args, 0, Value::Object(o));
    Ok(Value::Undefined)
}

/// `OB GET ARRAY(object; property; array)`.
pub fn ob_get_array(cx: &mut Interp, args: &mut [Value]) -> R<Value> {
    let items = match arg(args, 0) {
        Value::Object(o) => match cx.get_member(Value::Object(o), &to_text(&arg(args, 1)))? {
            Value::Collection(c) => c.read().clone(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    let v = fill_array(&arg(args, 2), ArrayKind::Text, items)?;
    set(args, 2, v);
    Ok(Value::Undefined)
}

/// `OB GET PROPERTY NAMES(object; arrNames {; arrTypes})`.
pub fn ob_get_property_names(_: &mut Interp, args: &mut [Value]) -> R<Value> {
    let (names, types): (Vec<Value>, Vec<Value>) = match arg(args, 0) {
        Value::Object(o) => o
            .read()
            .iter()
            .map(|(k, v)| {
                (
                    Value::text(k.clone()),
                    Value::Int(super::commands::value_type(v)),
                )
            })
            .unzip(),
        _ => (Vec::new(), Vec::new()),
    };
    let v = fill_array(&arg(args, 1), ArrayKind::Text, names)?;
    set(args, 1, v);
    if args.len() > 2 {
        let v = fill_array(&arg(args, 2), ArrayKind::Longint, types)?;
        set(args, 2, v);
    }
    Ok(Value::Undefined)
}

/// `JSON PARSE ARRAY(jsonString; array)`.
pub fn json_parse_array(_: &mut Interp, args: &mut [Value]) -> R<Value> {
    let parsed = json_cmds::json_parse(&args[..1.min(args.len())]).map_err(Box::new)?;
    let Value::Collection(c) = parsed else {
        return Err(type_err("JSON PARSE ARRAY: the JSON text is not an array"));
    };
    let items = c.read().clone();
    let v = fill_array(&arg(args, 1), ArrayKind::Text, items)?;
    set(args, 1, v);
    Ok(Value::Undefined)
}

/// `GET TEXT KEYWORDS(text; arrKeywords {; *})`: the words of a text
/// (split on anything that is not a letter or digit), distinct with `*`.
pub fn get_text_keywords(_: &mut Interp, args: &mut [Value]) -> R<Value> {
    let text = to_text(&arg(args, 0));
    let distinct = args.len() > 2 && is_star(&args[2]);
    let mut words: Vec<String> = Vec::new();
    for w in text.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
        if w.is_empty() {
            continue;
        }
        if distinct && words.iter().any(|x| x.to_lowercase() == w.to_lowercase()) {
            continue;
        }
        words.push(w.to_string());
    }
    let items = words.into_iter().map(Value::text).collect();
    let v = fill_array(&arg(args, 1), ArrayKind::Text, items)?;
    set(args, 1, v);
    Ok(Value::Undefined)
}

/// `Count in array(array; value)`: how many elements equal `value`
/// (text with `@` wildcards, as `=` compares).
pub fn count_in_array(_: &mut Interp, args: &mut [Value]) -> R<Value> {
    let items = array_items(&arg(args, 0), "Count in array")?;
    let target = arg(args, 1);
    let mut n = 0;
    for v in &items {
        if super::ops::equals(v, &target)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// `Find in sorted array(array; value; >|<; posFirst {; posLast})`: binary
/// search in an array sorted in that order; the positions of the first and
/// last matches, or where `value` would be inserted.
pub fn find_in_sorted_array(_: &mut Interp, args: &mut [Value]) -> R<Value> {
    let items = array_items(&arg(args, 0), "Find in sorted array")?;
    let target = arg(args, 1);
    let descending = matches!(args.get(2), Some(Value::Text(t)) if t.as_str() == "<");
    // "test@": a prefix search; '@' elsewhere: a sequential search.
    let (target, prefix) = match &target {
        Value::Text(t) if t.contains('@') => match t.strip_suffix('@') {
            Some(p) if !p.contains('@') => (Value::text(p), Some(p.chars().count())),
            _ => {
                let at = items
                    .iter()
                    .position(|v| super::ops::equals(v, &target).unwrap_or(false));
                let found = at.map(|i| i as i32 + 1).unwrap_or(-1);
                let last = items
                    .iter()
                    .rposition(|v| super::ops::equals(v, &target).unwrap_or(false))
                    .map(|i| i as i32 + 1)
                    .unwrap_or(-1);
                set(args, 3, Value::Int(found));
                set(args, 4, Value::Int(last));
                return Ok(Value::Bool(at.is_some()));
            }
        },
        _ => (target, None),
    };
    let order = |v: &Value| {
        let cut;
        let v = match (v, prefix) {
            (Value::Text(t), Some(n)) => {
                cut = Value::text(t.chars().take(n).collect::<String>());
                &cut
            }
            _ => v,
        };
        let o = crate::value::compare::sort_order(v, &target);
        if descending {
            o.reverse()
        } else {
            o
        }
    };
    let first = items.partition_point(|v| order(v) == std::cmp::Ordering::Less);
    let last = items.partition_point(|v| order(v) != std::cmp::Ordering::Greater);
    let found = last > first;
    if found {
        set(args, 3, Value::Int(first as i32 + 1));
        set(args, 4, Value::Int(last as i32));
    } else {
        set(args, 3, Value::Int(first as i32 + 1));
        set(args, 4, Value::Int(first as i32 + 1));
    }
    Ok(Value::Bool(found))
}

/// `OB SET NULL(object; property)`: the property becomes null (the object is
/// created when the variable holds none yet).
pub fn ob_set_null(cx: &mut Interp, args: &mut [Value]) -> R<Value> {
    let o = match arg(args, 0) {
        Value::Object(o) => o,
        Value::Undefined | Value::Null => ObjRef::new(),
        other => {
            return Err(type_err(format!(
                "OB SET NULL: an object was expected, not {}",
                a_type_name(&other)
            )))
        }
    };
    cx.set_member(&o, &to_text(&arg(args, 1)), Value::Null)?;
    set(args, 0, Value::Object(o));
    Ok(Value::Undefined)
}

#[cfg(test)]
mod tests {
    use super::super::commands::OUT_COMMANDS;
    use super::*;

    /// Every output-parameter command with odd arguments: errors are fine,
    /// panics are not.
    #[test]
    fn out_commands_no_panic_on_odd_arguments() {
        let prog = Arc::new(crate::interp::Program::empty());
        let mut cx = Interp::new(prog);
        let odd = [
            Value::Undefined,
            Value::Null,
            Value::Int(-1),
            Value::Real(1e300),
            Value::Real(f64::NAN),
            Value::text(""),
            Value::text("*"),
            Value::Blob(Arc::new(vec![0xFF, 0, 1])),
            Value::Collection(CollRef::new(vec![])),
            Value::Object(ObjRef::new()),
        ];
        for (name, _, f) in OUT_COMMANDS {
            if *name == "execute method" {
                continue; // calls methods by name: covered by golden tests
            }
            for a in &odd {
                for b in &odd {
                    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        let _ = f(&mut cx, &mut []);
                        let _ = f(&mut cx, &mut [a.clone()]);
                        let _ = f(&mut cx, &mut [a.clone(), b.clone()]);
                        let _ = f(&mut cx, &mut [b.clone(), a.clone(), b.clone(), a.clone()]);
                        let _ = f(&mut cx, &mut [Value::text("abc"), b.clone(), a.clone()]);
                    }));
                    assert!(r.is_ok(), "{name} panicked on {a:?}, {b:?}");
                }
            }
        }
    }
}
