//! Values passed to another process (`New process`, `CALL WORKER`,
//! `Execute on server` parameters): regular objects and collections are
//! deep-copied, so the callee's changes never reach the caller; shared ones
//! (and `4D.Signal`s) are passed by reference. Inside a copied regular object,
//! shared values keep their identity (RUNTIME.md §1.3, recommended).
//!
//! Objects with a native part (formulas, class objects, sessions) are
//! immutable handles and are passed as they are.

use crate::error::{RtResult, RuntimeError};
use crate::value::{CollRef, ObjRef, Value};

/// Nesting deeper than this is taken as a circular structure.
const MAX_DEPTH: usize = 512;

/// An array cannot be passed to another process (new-process.md).
pub const ARRAY_PARAM: i32 = -10742;

/// The value the other process receives for `v`.
pub fn for_other_process(v: &Value) -> RtResult<Value> {
    copy(v, 0)
}

fn copy(v: &Value, depth: usize) -> RtResult<Value> {
    if depth > MAX_DEPTH {
        return Err(RuntimeError::new(
            crate::runtime::shared::copy::CIRCULAR,
            "A parameter passed to another process is circular or too deep",
        ));
    }
    Ok(match v {
        Value::Object(o) if o.is_shared() || o.0.native.is_some() => v.clone(),
        Value::Object(o) => {
            let props = o
                .read()
                .iter()
                .map(|(k, x)| Ok((k.clone(), copy(x, depth + 1)?)))
                .collect::<RtResult<_>>()?;
            Value::Object(ObjRef::with(
                props,
                o.0.class.clone(),
                None,
                crate::value::Sharing::None,
            ))
        }
        Value::Collection(c) if c.is_shared() => v.clone(),
        Value::Collection(c) => {
            let items = c
                .read()
                .iter()
                .map(|x| copy(x, depth + 1))
                .collect::<RtResult<_>>()?;
            Value::Collection(CollRef::new(items))
        }
        Value::Array(_) => {
            return Err(RuntimeError::new(
                ARRAY_PARAM,
                "An array cannot be passed as a parameter to another process",
            ))
        }
        other => other.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Props;

    #[test]
    fn transfer_copies_regular_and_keeps_shared() {
        let shared =
            Value::Object(crate::runtime::shared::new_shared_object(Props::default()).unwrap());
        let mut p = Props::default();
        p.insert("n".into(), Value::Int(1));
        p.insert("s".into(), shared.clone());
        let o = ObjRef::from_props(p);
        let c = for_other_process(&Value::Object(o.clone())).unwrap();
        let Value::Object(c) = c else { panic!() };
        assert!(!c.ptr_eq(&o));
        match (c.get("s"), &shared) {
            (Value::Object(a), Value::Object(b)) => assert!(a.ptr_eq(b)),
            _ => panic!("shared child lost"),
        }
        let same = for_other_process(&shared).unwrap();
        match (same, &shared) {
            (Value::Object(a), Value::Object(b)) => assert!(a.ptr_eq(b)),
            _ => panic!(),
        }
    }
}
