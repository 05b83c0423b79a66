//! Everything a running 4D program reaches besides the evaluator: built-in
//! commands, shared-object locking, processes and sessions.

pub mod commands;
pub mod process;
pub mod roles;
pub mod session;
pub mod shared;

use crate::error::RtResult;
use crate::value::{ObjRef, Value};

/// Reads member `name` of a native object the runtime owns (`4D.Session`,
/// `4D.Signal`…). `None`: not such an object, or no such member: the
/// evaluator goes on.
pub fn native_get(o: &ObjRef, name: &str) -> Option<RtResult<Value>> {
    session::api::session_get(o, name).or_else(|| process::signal::signal_get(o, name))
}

/// Assigns member `name` of a native object the runtime owns; `None` as above.
pub fn native_set(o: &ObjRef, name: &str, v: &Value) -> Option<RtResult<()>> {
    session::api::session_set(o, name, v).or_else(|| process::signal::signal_set(o, name))
}

/// Calls member function `name` of a native object the runtime owns; `None` as above.
pub fn native_call(o: &ObjRef, name: &str, args: &[Value]) -> Option<RtResult<Value>> {
    session::api::session_call(o, name, args)
        .or_else(|| process::signal::signal_call(o, name, args))
}
