//! The session commands, as functions of their evaluated arguments:
//! `Session`, `Session storage` (alias `Session storage by ID`), `Session info`.

use super::api::{info_object, session_value};
use super::lookup;
use crate::error::RtResult;
use crate::interp::dispatch::Registry;
use crate::interp::Interp;
use crate::value::format::to_text;
use crate::value::Value;

/// The commands of this module that need the running process.
pub fn register(r: &mut Registry) {
    r.add("WEB SEND TEXT", web_send_text);
}

/// `WEB SEND TEXT(text {; type})`: the reply of a web request; in a CLI run
/// (DESIGN.md) the text goes to standard output as is, with no newline added.
fn web_send_text(cx: &mut Interp, args: &[Value]) -> RtResult<Value> {
    if let Some(v) = args.first() {
        cx.write_out(&to_text(v));
    }
    Ok(Value::Undefined)
}

fn id_arg(args: &[Value]) -> Option<&str> {
    match args.first() {
        Some(Value::Text(t)) => Some(t.as_str()),
        _ => None,
    }
}

/// `Session`.
pub fn session(_args: &[Value]) -> RtResult<Value> {
    Ok(session_value())
}

/// `Session storage(id)` / `Session storage by ID(id)`: the session's
/// `.storage`, or Null for an unknown or malformed id.
pub fn session_storage(args: &[Value]) -> RtResult<Value> {
    Ok(id_arg(args)
        .and_then(lookup)
        .map_or(Value::Null, |s| Value::Object(s.storage.clone())))
}

/// `Session info(id)`: the session's `.info`, or Null for an invalid id (and
/// for web sessions, which have no `.info`).
pub fn session_info(args: &[Value]) -> RtResult<Value> {
    Ok(id_arg(args)
        .and_then(lookup)
        .and_then(|s| info_object(&s))
        .map_or(Value::Null, Value::Object))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::session::{open_web, standalone};

    #[test]
    fn session_storage_unknown_or_malformed_id_is_null() {
        for id in ["", "no-such-id", "0123456789ABCDEF0123456789ABCDEF", "zz"] {
            let v = session_storage(&[Value::text(id)]).unwrap();
            assert!(matches!(v, Value::Null), "{id}");
        }
        assert!(matches!(
            session_storage(&[Value::Int(3)]).unwrap(),
            Value::Null
        ));
        assert!(matches!(
            session_info(&[Value::text("x")]).unwrap(),
            Value::Null
        ));
    }

    #[test]
    fn session_storage_by_id_is_the_session_storage() {
        let s = standalone();
        let Value::Object(o) = session_storage(&[Value::text(s.id.clone())]).unwrap() else {
            panic!()
        };
        assert!(o.ptr_eq(&s.storage));
        // Lower case and the dashed form find it too.
        let dashed = s.uuid.hyphenated().to_string();
        assert!(matches!(
            session_storage(&[Value::text(dashed)]).unwrap(),
            Value::Object(_)
        ));
    }

    #[test]
    fn session_info_of_standalone_and_web() {
        let s = standalone();
        let Value::Object(i) = session_info(&[Value::text(s.id.clone())]).unwrap() else {
            panic!()
        };
        assert!(matches!(i.get("type"), Value::Text(t) if t.as_str() == "standalone"));
        assert!(matches!(i.get("ID"), Value::Text(t) if *t.as_str() == s.id));
        let w = open_web();
        assert!(matches!(
            session_info(&[Value::text(w.id.clone())]).unwrap(),
            Value::Null
        ));
    }
}
