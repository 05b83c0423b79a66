//! The `4D.Session` object: a native object whose properties and functions
//! the interpreter reaches through [`session_get`], [`session_set`] and
//! [`session_call`] (each returns `None` when the object is not a session).
//!
//! Members and their behaviour per session kind follow docs/API/SessionClass.md
//! (the newer page). Where seed 004 (older) disagrees the newer page wins:
//! `clearPrivileges()` returns True outside web sessions (seed 004: False), and
//! standalone sessions exist (seed 004: `Session` is Null in single-user).

use super::{current_session, iso, lookup, set_current_session, Session};
use crate::error::RtResult;
use crate::value::{CollRef, NativeObject, ObjRef, Props, Sharing, Value};
use parking_lot::Mutex;
use std::any::Any;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The native part of a `4D.Session` object.
#[derive(Debug)]
pub struct SessionObject {
    pub session: Arc<Session>,
}

impl NativeObject for SessionObject {
    fn class_name(&self) -> &str {
        "Session"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A `4D.Session` object for `s`.
pub fn session_object(s: Arc<Session>) -> ObjRef {
    ObjRef::with(
        Props::default(),
        None,
        Some(Arc::new(SessionObject { session: s })),
        Sharing::None,
    )
}

/// The session behind a `4D.Session` object.
pub fn as_session(obj: &ObjRef) -> Option<&Arc<Session>> {
    let native = obj.0.native.as_ref()?;
    native
        .as_any()
        .downcast_ref::<SessionObject>()
        .map(|s| &s.session)
}

fn text(s: impl Into<String>) -> Value {
    Value::text(s)
}

/// `.info` (and `Session info(id)`): computed on each read, as in 4D.
/// Web sessions have none (Undefined / Null).
pub fn info_object(s: &Session) -> Option<ObjRef> {
    if s.is_web() {
        return None;
    }
    let mut p = Props::default();
    p.insert("type".into(), text(s.kind.as_str()));
    p.insert("userName".into(), text(s.user_name()));
    p.insert("machineName".into(), text(s.machine_name.clone()));
    p.insert("systemUserName".into(), text(s.system_user_name.clone()));
    p.insert("IPAddress".into(), text(s.ip_address.clone()));
    p.insert("hostType".into(), text(s.host_type.clone()));
    p.insert("creationDateTime".into(), text(iso(s.created)));
    p.insert("state".into(), text("active"));
    p.insert("ID".into(), text(s.id.clone()));
    if let Some(pid) = &s.persistent_id {
        p.insert("persistentID".into(), text(pid.clone()));
    }
    Some(ObjRef::from_props(p))
}

/// Reads property `prop` of a session object. `None`: not a session object.
/// Properties a kind does not have read as Undefined.
pub fn session_get(obj: &ObjRef, prop: &str) -> Option<RtResult<Value>> {
    let s = as_session(obj)?;
    let v = match prop {
        "id" => text(s.id.clone()),
        "storage" => Value::Object(s.storage.clone()),
        "userName" => text(s.user_name()),
        "info" => info_object(s).map_or(Value::Undefined, Value::Object),
        "idleTimeout" if s.is_web() => Value::Int(s.idle_timeout() as i32),
        "expirationDate" if s.is_web() => text(s.expiration_date()),
        _ => Value::Undefined,
    };
    Some(Ok(v))
}

/// Assigns property `prop` of a session object. Only `.idleTimeout` of a web
/// session is writable (below 60 → 60); writes to the read-only members are
/// ignored. `None`: not a session object.
pub fn session_set(obj: &ObjRef, prop: &str, value: &Value) -> Option<RtResult<()>> {
    let s = as_session(obj)?;
    if prop == "idleTimeout" && s.is_web() {
        if let Some(n) = number(value) {
            s.set_idle_timeout(n as i64);
        }
    }
    Some(Ok(()))
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(f64::from(*i)),
        Value::Real(r) => Some(*r),
        _ => None,
    }
}

/// Names from a Text (comma-separated) or a Collection of Text.
fn names(v: &Value) -> Vec<String> {
    match v {
        Value::Text(t) => t
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        Value::Collection(c) => c
            .read()
            .iter()
            .filter_map(|x| match x {
                Value::Text(t) => Some(t.trim().to_string()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Calls member function `name` of a session object. `None`: not a session
/// object, or no such function (the interpreter reports it).
pub fn session_call(obj: &ObjRef, name: &str, args: &[Value]) -> Option<RtResult<Value>> {
    let s = as_session(obj)?;
    let arg = |i: usize| args.get(i).cloned().unwrap_or_default();
    let v = match name {
        "hasPrivilege" => Value::Bool(match arg(0) {
            Value::Text(t) => s.has_privilege(&t),
            _ => !s.is_web(),
        }),
        "getPrivileges" => Value::Collection(CollRef::new(
            s.privileges().into_iter().map(Value::text).collect(),
        )),
        "isGuest" => Value::Bool(s.is_guest()),
        "clearPrivileges" => Value::Bool(s.clear_privileges()),
        "setPrivileges" => Value::Bool(set_privileges(s, &arg(0))),
        "createOTP" => text(create_otp(s, number(&arg(0)))),
        "restore" => Value::Bool(match arg(0) {
            Value::Text(t) => restore(s, &t),
            _ => false,
        }),
        _ => return None,
    };
    Some(Ok(v))
}

/// `.setPrivileges(Text | Collection | {privileges; roles; userName})`.
fn set_privileges(s: &Session, arg: &Value) -> bool {
    match arg {
        Value::Text(_) | Value::Collection(_) => s.grant(&names(arg), &[], None),
        Value::Object(o) => {
            let user = match o.get("userName") {
                Value::Text(t) => Some(t.to_string()),
                _ => None,
            };
            s.grant(&names(&o.get("privileges")), &names(&o.get("roles")), user)
        }
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// One-time passcodes (web sessions, 20 R9)

struct Otp {
    session: u128,
    expires: Instant,
}

fn otps() -> &'static Mutex<HashMap<String, Otp>> {
    static OTPS: std::sync::OnceLock<Mutex<HashMap<String, Otp>>> = std::sync::OnceLock::new();
    OTPS.get_or_init(Default::default)
}

/// `.createOTP({lifespan})`: a single-use token for this web session; the
/// lifespan is in seconds (default: the idle timeout; minimum 10). Other
/// kinds: "".
pub fn create_otp(s: &Session, lifespan: Option<f64>) -> String {
    if !s.is_web() {
        return String::new();
    }
    let secs = lifespan
        .map(|l| l.max(10.0))
        .unwrap_or((s.idle_timeout() * 60) as f64);
    let token = super::format_id(&uuid::Uuid::new_v4());
    let mut map = otps().lock();
    let now = Instant::now();
    map.retain(|_, o| o.expires > now);
    map.insert(
        token.clone(),
        Otp {
            session: s.uuid.as_u128(),
            expires: now + Duration::from_secs_f64(secs),
        },
    );
    token
}

/// Consumes an OTP: the session it was made for, if the token is known,
/// unexpired and its session still alive.
pub fn take_otp(token: &str) -> Option<Arc<Session>> {
    let otp = otps().lock().remove(token.trim())?;
    if otp.expires <= Instant::now() {
        return None;
    }
    let s = lookup(&format!("{:032X}", otp.session))?;
    (!s.is_expired(chrono::Utc::now())).then_some(s)
}

/// `.restore(token)`: in a web session, makes the token's session the
/// current one of this process. False (nothing changes) otherwise.
fn restore(s: &Session, token: &str) -> bool {
    if !s.is_web() {
        return false;
    }
    match take_otp(token) {
        Some(orig) => {
            set_current_session(Some(orig));
            true
        }
        None => false,
    }
}

thread_local! {
    /// The `4D.Session` object last returned in this process, so that
    /// `Session` gives the same object each time (and allocates once).
    static LAST: std::cell::RefCell<Option<ObjRef>> = const { std::cell::RefCell::new(None) };
}

/// `Session`: the current session's object, or Null where 4D gives Null.
pub fn session_value() -> Value {
    let Some(s) = current_session() else {
        return Value::Null;
    };
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some(o) = last.as_ref() {
            if as_session(o).is_some_and(|cur| Arc::ptr_eq(cur, &s)) {
                return Value::Object(o.clone());
            }
        }
        let o = session_object(s);
        *last = Some(o.clone());
        Value::Object(o)
    })
}
