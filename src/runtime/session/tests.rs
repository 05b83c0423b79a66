use super::api::{session_call, session_get, session_object, session_set};
use super::*;
use crate::runtime::roles::{self, Roles};
use crate::value::Value;
use std::time::Instant;

fn get(o: &ObjRef, p: &str) -> Value {
    session_get(o, p).unwrap().unwrap()
}

fn call(o: &ObjRef, f: &str, args: &[Value]) -> Value {
    session_call(o, f, args).unwrap().unwrap()
}

fn is_true(v: Value) -> bool {
    matches!(v, Value::Bool(true))
}

fn texts(v: Value) -> Vec<String> {
    let Value::Collection(c) = v else {
        panic!("not a collection")
    };
    let items = c.read();
    items
        .iter()
        .map(|x| match x {
            Value::Text(t) => t.to_string(),
            _ => panic!("not text"),
        })
        .collect()
}

/// The roles of docs/API/SessionClass.md's getPrivileges example (plus
/// CreateInvoices). Installed by every test that needs them: the roles are
/// process-wide and tests run in parallel, so they must all agree.
fn install_doc_roles() {
    let r = Roles::parse(
        r#"{"privileges":[{"privilege":"simple","includes":[]},
                          {"privilege":"medium","includes":["simple"]},
                          {"privilege":"CreateInvoices"}],
            "roles":[{"role":"Medium","privileges":["medium"]}],
            "permissions":{"allowed":[]}}"#,
        "roles.json",
    )
    .unwrap();
    roles::install(r);
}

#[test]
fn session_ids_are_32_uppercase_hex() {
    let s = open_web();
    assert_eq!(s.id.len(), 32);
    assert!(s
        .id
        .chars()
        .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_lowercase()));
    assert!(lookup(&s.id).is_some());
    assert!(lookup(&s.id.to_lowercase()).is_some());
    assert!(lookup("").is_none());
    assert!(lookup(&s.id[..31]).is_none());
    assert!(lookup(&format!("{}0", s.id)).is_none());
    assert!(close(&s.id).is_some());
    assert!(lookup(&s.id).is_none());
}

#[test]
fn session_standalone_members_follow_the_newer_page() {
    let o = session_object(standalone());
    assert!(is_true(call(&o, "hasPrivilege", &[Value::text("x")])));
    assert!(!is_true(call(&o, "isGuest", &[])));
    assert_eq!(texts(call(&o, "getPrivileges", &[])), ["WebAdmin"]);
    assert!(!is_true(call(&o, "setPrivileges", &[Value::text("x")])));
    assert!(is_true(call(&o, "clearPrivileges", &[])));
    assert!(matches!(get(&o, "userName"), Value::Text(t) if t.as_str() == "designer"));
    assert!(matches!(get(&o, "idleTimeout"), Value::Undefined));
    assert!(matches!(get(&o, "expirationDate"), Value::Undefined));
    assert!(matches!(call(&o, "createOTP", &[]), Value::Text(t) if t.is_empty()));
    let Value::Object(info) = get(&o, "info") else {
        panic!()
    };
    assert!(matches!(info.get("type"), Value::Text(t) if t.as_str() == "standalone"));
    assert!(matches!(info.get("persistentID"), Value::Undefined));
    // The same storage object every time.
    let (Value::Object(a), Value::Object(b)) = (get(&o, "storage"), get(&o, "storage")) else {
        panic!()
    };
    assert!(a.ptr_eq(&b) && a.is_shared());
}

#[test]
fn session_remote_info_is_filled() {
    let s = open_remote("alice");
    let o = session_object(s.clone());
    let Value::Object(info) = get(&o, "info") else {
        panic!()
    };
    assert!(matches!(info.get("type"), Value::Text(t) if t.as_str() == "remote"));
    assert!(matches!(info.get("userName"), Value::Text(t) if t.as_str() == "alice"));
    assert!(matches!(info.get("persistentID"), Value::Text(t) if t.len() == 32));
    assert!(matches!(info.get("state"), Value::Text(t) if t.as_str() == "active"));
    assert!(
        matches!(info.get("creationDateTime"), Value::Text(t) if t.ends_with('Z') && t.len() == 24)
    );
    assert!(is_true(call(
        &o,
        "hasPrivilege",
        &[Value::text("anything")]
    )));
    close(&s.id);
}

#[test]
fn session_web_privileges_roles_and_guest() {
    install_doc_roles();
    let s = open_web();
    let o = session_object(s.clone());
    assert!(is_true(call(&o, "isGuest", &[])));
    assert!(texts(call(&o, "getPrivileges", &[])).is_empty());
    // Unknown names are ignored: still Guest.
    assert!(is_true(call(&o, "setPrivileges", &[Value::text("Admn")])));
    assert!(is_true(call(&o, "isGuest", &[])));
    // A role grants its privileges and the included ones, in the docs' order.
    let mut p = crate::value::Props::default();
    p.insert("roles".into(), Value::text("Medium"));
    p.insert("userName".into(), Value::text("bob"));
    let settings = Value::Object(ObjRef::from_props(p));
    assert!(is_true(call(&o, "setPrivileges", &[settings])));
    assert_eq!(texts(call(&o, "getPrivileges", &[])), ["simple", "medium"]);
    assert!(is_true(call(&o, "hasPrivilege", &[Value::text("MEDIUM")])));
    assert!(!is_true(call(
        &o,
        "hasPrivilege",
        &[Value::text("CreateInvoices")]
    )));
    assert!(matches!(get(&o, "userName"), Value::Text(t) if t.as_str() == "bob"));
    assert!(!is_true(call(&o, "isGuest", &[])));
    // Text with commas, WebAdmin is built in.
    call(
        &o,
        "setPrivileges",
        &[Value::text("createinvoices, WebAdmin")],
    );
    assert!(is_true(call(
        &o,
        "hasPrivilege",
        &[Value::text("WebAdmin")]
    )));
    assert!(is_true(call(&o, "clearPrivileges", &[])));
    assert!(is_true(call(&o, "isGuest", &[])));
    close(&s.id);
}

#[test]
fn session_web_idle_timeout_and_expiration() {
    let s = open_web();
    let o = session_object(s.clone());
    assert!(matches!(get(&o, "idleTimeout"), Value::Int(60)));
    let Value::Text(e1) = get(&o, "expirationDate") else {
        panic!()
    };
    assert_eq!(e1.len(), 24, "{e1}"); // YYYY-MM-DDTHH:MM:SS.mmmZ
    session_set(&o, "idleTimeout", &Value::Int(30))
        .unwrap()
        .unwrap();
    assert!(matches!(get(&o, "idleTimeout"), Value::Int(60)));
    session_set(&o, "idleTimeout", &Value::Int(120))
        .unwrap()
        .unwrap();
    assert!(matches!(get(&o, "idleTimeout"), Value::Int(120)));
    let Value::Text(e2) = get(&o, "expirationDate") else {
        panic!()
    };
    assert!(e2.as_str() > e1.as_str());
    // 90 minutes from now the session (120 minutes idle) is still alive;
    // 121 minutes from now it has expired.
    assert!(!s.is_expired(Utc::now() + chrono::Duration::minutes(90)));
    assert!(s.is_expired(Utc::now() + chrono::Duration::minutes(121)));
    close(&s.id);
}

#[test]
fn session_web_otp_restores_once() {
    let orig = open_web();
    let other = open_web();
    let token = api::create_otp(&orig, Some(1.0));
    assert_eq!(token.len(), 32);
    let o = session_object(other.clone());
    set_current_session(Some(other.clone()));
    assert!(is_true(call(&o, "restore", &[Value::text(token.clone())])));
    assert_eq!(current_session().unwrap().id, orig.id);
    assert!(!is_true(call(&o, "restore", &[Value::text(token)])));
    set_current_session(None);
    assert!(current_session().is_none());
    close(&orig.id);
    close(&other.id);
}

#[test]
fn session_default_is_standalone_and_inherited() {
    let here = current_session().unwrap();
    assert_eq!(here.kind, SessionKind::Standalone);
    let for_child = session_for_new_process();
    let child = std::thread::spawn(move || {
        set_current_session(for_child);
        current_session().unwrap().id.clone()
    })
    .join()
    .unwrap();
    assert_eq!(child, here.id);
}

#[test]
fn session_lookup_is_fast_with_10000_sessions() {
    let sessions: Vec<_> = (0..10_000).map(|_| open_web()).collect();
    let ids: Vec<String> = sessions.iter().map(|s| s.id.clone()).collect();
    let rounds = 20;
    let t = Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for id in &ids {
            found += usize::from(lookup(id).is_some());
        }
    }
    let ns = t.elapsed().as_nanos() as f64 / (rounds * ids.len()) as f64;
    assert_eq!(found, rounds * ids.len());
    println!("session lookup with 10,000+ sessions: {ns:.0} ns per lookup (this build)");
    for id in &ids {
        close(id);
    }
}

#[test]
fn session_command_returns_the_same_object() {
    let (Value::Object(a), Value::Object(b)) = (api::session_value(), api::session_value()) else {
        panic!("Session is Null")
    };
    assert!(a.ptr_eq(&b));
    set_current_session(None);
    assert!(matches!(api::session_value(), Value::Null));
}

#[test]
fn session_activity_lists_no_web_session() {
    let w = open_web();
    let r = open_remote("carol");
    let list = activity_sessions();
    let ids: Vec<String> = list
        .iter()
        .map(|o| match o.get("ID") {
            Value::Text(t) => t.to_string(),
            _ => String::new(),
        })
        .collect();
    assert!(ids.contains(&r.id));
    assert!(!ids.contains(&w.id));
    close(&w.id);
    close(&r.id);
}

#[test]
fn session_process_start_inherits_session_and_sets_number() {
    let start = crate::runtime::ProcessStart::capture();
    let parent = current_session().unwrap().id.clone();
    let (n, id) = std::thread::spawn(move || {
        start.enter(7);
        (
            crate::runtime::shared::current_process(),
            current_session().unwrap().id.clone(),
        )
    })
    .join()
    .unwrap();
    assert_eq!(n, 7);
    assert_eq!(id, parent);
}

#[test]
fn session_web_request_reuses_live_session_from_same_ip() {
    let (s, new) = web_session_for_request(None, "10.0.0.1");
    assert!(new && s.is_guest());
    let (again, new) = web_session_for_request(Some(&s.id), "10.0.0.1");
    assert!(!new && Arc::ptr_eq(&s, &again));
    // Another address, or an unknown cookie: a new Guest session.
    let (other, new) = web_session_for_request(Some(&s.id), "10.0.0.2");
    assert!(new && !Arc::ptr_eq(&s, &other));
    let (_, new) = web_session_for_request(Some("garbage"), "10.0.0.1");
    assert!(new);
    close(&s.id);
    close(&other.id);
}
