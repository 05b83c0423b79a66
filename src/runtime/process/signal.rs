//! `4D.Signal` (docs/API/SignalClass.md): a shared object with a one-shot
//! flag. `.wait({timeout})` blocks the calling process (state "Waiting for
//! internal flag", no CPU) until `.trigger()` or the timeout (seconds);
//! `.signaled` is read-only; `.description` and any other property are plain
//! properties of the shared object, so writing them needs `Use`.

use super::{current, WAITING_FOR_INTERNAL_FLAG};
use crate::error::{RtResult, RuntimeError};
use crate::value::{NativeObject, ObjRef, Props, SharedGroup, Value};
use parking_lot::{Condvar, Mutex};
use std::any::Any;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The native part of a `4D.Signal`.
#[derive(Debug, Default)]
pub struct Signal {
    signaled: Mutex<bool>,
    cv: Condvar,
}

impl NativeObject for Signal {
    fn class_name(&self) -> &str {
        "Signal"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// How often a waiting process checks whether it was aborted.
const ABORT_CHECK: Duration = Duration::from_millis(100);

impl Signal {
    pub fn is_signaled(&self) -> bool {
        *self.signaled.lock()
    }

    /// Sets the flag and wakes every waiter; a second call does nothing.
    pub fn trigger(&self) {
        let mut s = self.signaled.lock();
        if !*s {
            *s = true;
            drop(s);
            self.cv.notify_all();
        }
    }

    /// Waits until signaled or `timeout` passes (None: forever); → the flag.
    pub fn wait(&self, timeout: Option<Duration>) -> bool {
        let deadline = timeout.and_then(|t| Instant::now().checked_add(t));
        let me = current();
        let mut s = self.signaled.lock();
        if *s {
            return true;
        }
        if let Some(p) = &me {
            p.set_state(WAITING_FOR_INTERNAL_FLAG);
        }
        while !*s {
            let now = Instant::now();
            let slice = match deadline {
                Some(d) if d <= now => break,
                Some(d) => (d - now).min(ABORT_CHECK),
                None => ABORT_CHECK,
            };
            self.cv.wait_for(&mut s, slice);
            if me
                .as_ref()
                .is_some_and(|p| p.control.abort.load(Ordering::Acquire))
            {
                break;
            }
        }
        let r = *s;
        drop(s);
        if let Some(p) = &me {
            p.set_state(super::EXECUTING);
        }
        r
    }
}

/// `New signal({description})`: a new shared object in a group of its own.
pub fn new_signal(description: Option<String>) -> ObjRef {
    let mut props = Props::default();
    props.insert(
        "description".into(),
        Value::text(description.unwrap_or_default()),
    );
    ObjRef::with(
        props,
        None,
        Some(Arc::new(Signal::default())),
        crate::runtime::shared::group_sharing(&SharedGroup::new()),
    )
}

/// The signal behind a `4D.Signal` object.
pub fn as_signal(o: &ObjRef) -> Option<&Signal> {
    o.0.native.as_ref()?.as_any().downcast_ref::<Signal>()
}

/// `.signaled`; other properties are plain ones (`None`).
pub fn signal_get(o: &ObjRef, name: &str) -> Option<RtResult<Value>> {
    let s = as_signal(o)?;
    match name {
        "signaled" => Some(Ok(Value::Bool(s.is_signaled()))),
        _ => None,
    }
}

/// `.signaled` is read-only; the others are plain (shared) properties.
pub fn signal_set(o: &ObjRef, name: &str) -> Option<RtResult<()>> {
    as_signal(o)?;
    match name {
        "signaled" => Some(Err(RuntimeError::new(
            crate::interp::errors::NOT_ASSIGNABLE,
            "The property 'signaled' of a 4D.Signal is read-only",
        ))),
        _ => None,
    }
}

/// `.wait({timeout})` and `.trigger()`.
pub fn signal_call(o: &ObjRef, name: &str, args: &[Value]) -> Option<RtResult<Value>> {
    let s = as_signal(o)?;
    match name {
        "trigger" => {
            s.trigger();
            Some(Ok(Value::Undefined))
        }
        "wait" => {
            let timeout = match args.first() {
                None | Some(Value::Undefined) | Some(Value::Null) => None,
                Some(v) => {
                    let secs = crate::value::compare::as_number(v).unwrap_or(0.0);
                    Some(Duration::from_secs_f64(secs.clamp(0.0, 1e9)))
                }
            };
            Some(Ok(Value::Bool(s.wait(timeout))))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signal_wakes_a_waiter_and_is_one_shot() {
        let o = new_signal(Some("d".into()));
        let o2 = o.clone();
        let h = std::thread::spawn(move || as_signal(&o2).unwrap().wait(None));
        std::thread::sleep(Duration::from_millis(20));
        as_signal(&o).unwrap().trigger();
        assert!(h.join().unwrap());
        as_signal(&o).unwrap().trigger();
        assert!(as_signal(&o).unwrap().is_signaled());
        assert!(o.is_shared());
        assert!(matches!(o.get("description"), Value::Text(t) if t.as_str() == "d"));
    }

    #[test]
    fn signal_wait_times_out() {
        let o = new_signal(None);
        let t = Instant::now();
        assert!(!as_signal(&o).unwrap().wait(Some(Duration::from_millis(50))));
        assert!(t.elapsed() >= Duration::from_millis(50));
    }
}
