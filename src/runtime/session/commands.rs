//! The commands of sessions and shared objects, as functions of their
//! evaluated arguments: `Session`, `Session storage` (alias `Session storage
//! by ID`), `Session info`, `New shared object`, `New shared collection`,
//! `Storage`, `OB Is shared`, `OB Copy`.

use super::api::{info_object, session_value};
use super::lookup;
use crate::error::{RtResult, RuntimeError};
use crate::runtime::shared;
use crate::value::{Props, Value};

/// Wrong or missing argument (the evaluator uses the same number for it).
pub const BAD_ARGUMENTS: i32 = -10503;

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

/// `New shared object{(name; value; …)}`.
pub fn new_shared_object(args: &[Value]) -> RtResult<Value> {
    if !args.len().is_multiple_of(2) {
        return Err(RuntimeError::new(
            BAD_ARGUMENTS,
            "New shared object expects property names and values in pairs",
        ));
    }
    let mut props = Props::with_capacity(args.len() / 2);
    for pair in args.chunks(2) {
        let Value::Text(name) = &pair[0] else {
            return Err(RuntimeError::new(
                BAD_ARGUMENTS,
                "New shared object: a property name must be a Text",
            ));
        };
        props.insert(name.to_string(), pair[1].clone());
    }
    Ok(Value::Object(shared::new_shared_object(props)?))
}

/// `New shared collection{(value; …)}`.
pub fn new_shared_collection(args: &[Value]) -> RtResult<Value> {
    Ok(Value::Collection(shared::new_shared_collection(
        args.to_vec(),
    )?))
}

/// `Storage`.
pub fn storage(_args: &[Value]) -> RtResult<Value> {
    Ok(Value::Object(shared::storage()))
}

/// `OB Is shared(x)`.
pub fn ob_is_shared(args: &[Value]) -> RtResult<Value> {
    Ok(Value::Bool(args.first().is_some_and(shared::is_shared)))
}

/// `ck shared` (the "Objects (Language)" constant).
pub const CK_SHARED: i32 = 2;

/// `OB Copy(o {; resolvePtrs | option {; groupWith}})`. Pointers are kept
/// as they are (resolving them needs the interpreter: `ck resolve pointers`
/// is left to it); a shared copy refuses them with -10721.
pub fn ob_copy(args: &[Value]) -> RtResult<Value> {
    let Some(src) = args.first() else {
        return Err(RuntimeError::new(
            BAD_ARGUMENTS,
            "OB Copy expects an object",
        ));
    };
    let shared = match args.get(1) {
        Some(Value::Int(opt)) => opt & CK_SHARED != 0,
        Some(Value::Real(opt)) => (*opt as i64) & i64::from(CK_SHARED) != 0,
        _ => false,
    };
    match (src, shared, args.get(2)) {
        (Value::Object(_) | Value::Collection(_), true, Some(with)) => {
            shared::copy_into_group(src, with)
        }
        (Value::Object(_) | Value::Collection(_), _, _) => shared::copy(src, shared),
        (Value::Null | Value::Undefined, _, _) => Ok(Value::Null),
        _ => Err(RuntimeError::new(
            BAD_ARGUMENTS,
            "OB Copy expects an object",
        )),
    }
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

    #[test]
    fn session_new_shared_object_pairs_and_ob_copy() {
        let v = new_shared_object(&[Value::text("a"), Value::Int(1)]).unwrap();
        assert!(matches!(
            ob_is_shared(std::slice::from_ref(&v)).unwrap(),
            Value::Bool(true)
        ));
        let c = ob_copy(std::slice::from_ref(&v)).unwrap();
        assert!(matches!(ob_is_shared(&[c]).unwrap(), Value::Bool(false)));
        let c = ob_copy(&[v.clone(), Value::Int(CK_SHARED)]).unwrap();
        assert!(matches!(
            ob_is_shared(std::slice::from_ref(&c)).unwrap(),
            Value::Bool(true)
        ));
        assert_ne!(shared::group_id(&c), shared::group_id(&v));
        let g = ob_copy(&[v.clone(), Value::Int(CK_SHARED), c.clone()]).unwrap();
        assert_eq!(shared::group_id(&g), shared::group_id(&c));
        assert!(new_shared_object(&[Value::text("a")]).is_err());
        assert!(matches!(
            ob_is_shared(&[storage(&[]).unwrap()]).unwrap(),
            Value::Bool(true)
        ));
    }
}
