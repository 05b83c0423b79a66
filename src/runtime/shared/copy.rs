//! Deep copies with `OB Copy` / `collection.copy()` semantics.
//!
//! - A plain copy (`OB Copy(x)`) is deep and entirely regular, even when `x`
//!   or values inside it are shared.
//! - A shared copy (`OB Copy(x; ck shared)`) makes every object and collection
//!   inside a new shared value, all in one new group (or in the group of
//!   `groupWith`); scalars follow the shared rules (numbers → Real, times →
//!   milliseconds; pointers refused with -10721).

use super::{group_sharing, not_shareable, share_into};
use crate::error::{RtResult, RuntimeError};
use crate::value::{CollRef, ObjRef, Props, SharedGroup, Sharing, Value};
use std::sync::atomic::Ordering;
use std::sync::Arc;

/// Nesting deeper than this is taken as a circular structure.
const MAX_DEPTH: usize = 512;

/// Error number fourd uses for a copy of a circular (or absurdly deep) structure.
pub const CIRCULAR: i32 = -10730;

/// `OB Copy(value)` (shared = false) or `OB Copy(value; ck shared)` (shared = true).
/// Scalars are returned as they are (converted for shared copies).
pub fn copy(value: &Value, shared: bool) -> RtResult<Value> {
    if shared {
        let g = SharedGroup::new();
        copy_shared(value, &g, 0)
    } else {
        copy_plain(value, 0)
    }
}

/// `OB Copy(value; ck shared; groupWith)`: a shared copy in the group of
/// `group_with` (a new group when `group_with` is not grouped, e.g. `Storage`
/// or a regular object).
pub fn copy_into_group(value: &Value, group_with: &Value) -> RtResult<Value> {
    let sharing = match group_with {
        Value::Object(o) => &o.0.sharing,
        Value::Collection(c) => &c.0.sharing,
        _ => return copy(value, true),
    };
    match sharing {
        Sharing::Group(m) => {
            let g = m.lock().clone();
            let v = copy_shared(value, &g, 0)?;
            if matches!(v, Value::Object(_) | Value::Collection(_)) {
                g.joined.store(true, Ordering::Release);
            }
            Ok(v)
        }
        _ => copy(value, true),
    }
}

/// `ck shared` (the "Objects (Language)" constant; `ck resolve pointers` is 1).
pub const CK_SHARED: i32 = 2;

/// Wrong or missing argument (the number the evaluator uses for it).
const BAD_ARGUMENT: i32 = -10503;

/// The `OB Copy(o {; resolvePtrs | option {; groupWith}})` command. Pointers
/// are copied as they are (resolving them needs the interpreter); a shared
/// copy refuses them with -10721. Null → Null.
pub fn ob_copy(args: &[Value]) -> RtResult<Value> {
    let bad = || RuntimeError::new(BAD_ARGUMENT, "OB Copy expects an object or a collection");
    let src = args.first().ok_or_else(bad)?;
    let shared = match args.get(1) {
        Some(Value::Int(opt)) => opt & CK_SHARED != 0,
        Some(Value::Real(opt)) => (*opt as i64) & i64::from(CK_SHARED) != 0,
        _ => false,
    };
    match (src, shared, args.get(2)) {
        (Value::Object(_) | Value::Collection(_), true, Some(with)) => copy_into_group(src, with),
        (Value::Object(_) | Value::Collection(_), _, _) => copy(src, shared),
        (Value::Null | Value::Undefined, _, _) => Ok(Value::Null),
        _ => Err(bad()),
    }
}

fn too_deep() -> RuntimeError {
    RuntimeError::new(
        CIRCULAR,
        "The object or collection is circular (or nested too deeply) and cannot be copied",
    )
}

fn copy_plain(value: &Value, depth: usize) -> RtResult<Value> {
    if depth > MAX_DEPTH {
        return Err(too_deep());
    }
    Ok(match value {
        Value::Object(o) => {
            let src: Vec<(String, Value)> = o
                .read()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let mut props = Props::with_capacity_and_hasher(src.len(), Default::default());
            for (k, v) in src {
                props.insert(k, copy_plain(&v, depth + 1)?);
            }
            Value::Object(ObjRef::with(props, o.0.class.clone(), None, Sharing::None))
        }
        Value::Collection(c) => {
            let src: Vec<Value> = c.read().clone();
            let mut items = Vec::with_capacity(src.len());
            for v in &src {
                items.push(copy_plain(v, depth + 1)?);
            }
            Value::Collection(CollRef::new(items))
        }
        other => other.clone(),
    })
}

fn copy_shared(value: &Value, g: &Arc<SharedGroup>, depth: usize) -> RtResult<Value> {
    if depth > MAX_DEPTH {
        return Err(too_deep());
    }
    Ok(match value {
        Value::Object(o) => {
            let src: Vec<(String, Value)> = o
                .read()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let mut props = Props::with_capacity_and_hasher(src.len(), Default::default());
            for (k, v) in src {
                props.insert(k, copy_shared(&v, g, depth + 1)?);
            }
            if depth > 0 {
                g.joined.store(true, Ordering::Release);
            }
            Value::Object(ObjRef::with(
                props,
                o.0.class.clone(),
                None,
                group_sharing(g),
            ))
        }
        Value::Collection(c) => {
            let src: Vec<Value> = c.read().clone();
            let mut items = Vec::with_capacity(src.len());
            for v in &src {
                items.push(copy_shared(v, g, depth + 1)?);
            }
            if depth > 0 {
                g.joined.store(true, Ordering::Release);
            }
            Value::Collection(CollRef::with(items, group_sharing(g)))
        }
        Value::Pointer(_) | Value::Blob(_) | Value::Array(_) => return Err(not_shareable()),
        scalar => {
            let mut v = scalar.clone();
            share_into(&mut v, g)?;
            v
        }
    })
}
