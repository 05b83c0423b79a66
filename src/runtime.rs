//! Everything a running 4D program reaches besides the evaluator: built-in
//! commands, shared-object locking, processes and sessions.

pub mod commands;
pub mod process;
pub mod roles;
pub mod session;
pub mod shared;

use crate::error::RtResult;
use crate::value::{ObjRef, Value};
use std::sync::Arc;

/// What a new process inherits from the one that starts it: taken in the
/// parent with [`ProcessStart::capture`], applied first thing in the new
/// thread with [`ProcessStart::enter`] (process number for `Use` locks, and
/// the session: the same one in single-user, the stored-procedure session on
/// a server, where `New process` is `Execute on server`).
#[derive(Clone, Debug)]
pub struct ProcessStart {
    session: Option<Arc<session::Session>>,
}

impl ProcessStart {
    pub fn capture() -> ProcessStart {
        ProcessStart {
            session: session::session_for_new_process(),
        }
    }

    /// Run in the new process's thread before any 4D code.
    pub fn enter(self, process_number: i64) {
        shared::set_current_process(process_number);
        session::set_current_session(self.session);
    }
}

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
