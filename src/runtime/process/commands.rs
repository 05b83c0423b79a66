//! The process commands: `New process`, `Execute on server`, `CALL WORKER`,
//! `KILL WORKER`, `Process number`, `Process state`, `Process info`,
//! `Current process name`, `DELAY PROCESS`, `ABORT PROCESS BY ID`,
//! `Process aborted`, `Count tasks`, `Count user processes`,
//! `Process activity` (`Get process activity`) and `New signal`.

use super::signal::new_signal;
use super::transfer::for_other_process;
use super::{Job, Kind, Message, Process, WorkerRef};
use crate::error::{RtResult, RuntimeError};
use crate::interp::dispatch::Registry;
use crate::interp::Interp;
use crate::runtime::commands::split_star;
use crate::runtime::session::{self, api, RunMode};
use crate::value::compare::as_number;
use crate::value::format::to_text;
use crate::value::{CollRef, ObjRef, Props, Value};

pub fn register(r: &mut Registry) {
    r.add("New process", new_process);
    r.add("Execute on server", execute_on_server);
    r.add("CALL WORKER", call_worker);
    r.add("KILL WORKER", kill_worker);
    r.add("Process number", process_number);
    r.add("Process state", process_state);
    r.add("Process info", process_info);
    r.add("Current process name", current_process_name);
    r.add("DELAY PROCESS", delay_process);
    r.add("ABORT PROCESS BY ID", abort_process_by_id);
    r.add("Process aborted", process_aborted);
    r.add("Count tasks", count_tasks);
    r.add("Count user processes", count_user_processes);
    r.add("Process activity", process_activity);
    r.add("Get process activity", process_activity);
    r.add("New signal", new_signal_cmd);
}

/// Wrong or missing argument (the number the evaluator uses for it).
const BAD_ARGUMENT: i32 = crate::interp::errors::BAD_ARGUMENT;

fn bad(cmd: &str, what: &str) -> RuntimeError {
    RuntimeError::new(BAD_ARGUMENT, format!("{cmd}: {what}"))
}

fn num(v: Option<&Value>) -> Option<f64> {
    v.and_then(as_number)
}

/// A process number argument (None when missing or not a number).
fn number_arg(v: Option<&Value>) -> Option<i64> {
    num(v).map(|n| n as i64)
}

fn copy_params(params: &[Value]) -> RtResult<Vec<Value>> {
    params.iter().map(for_other_process).collect()
}

/// `New process(method; stack {; name {; param…}} {; *})`.
fn new_process(cx: &mut Interp, args: &[Value]) -> RtResult<Value> {
    // On 4D Server `New process` starts a stored procedure (RUNTIME.md §1.1).
    let kind = match session::run_mode() {
        RunMode::SingleUser => Kind::User,
        RunMode::Server => Kind::StoredProcedure,
    };
    start(cx, args, "New process", kind)
}

/// `Execute on server(…)`: single-user → exactly `New process`; on a server →
/// a stored procedure, and a `$` (local) name is an error.
fn execute_on_server(cx: &mut Interp, args: &[Value]) -> RtResult<Value> {
    match session::run_mode() {
        RunMode::SingleUser => start(cx, args, "Execute on server", Kind::User),
        RunMode::Server => {
            if let Some(Value::Text(t)) = args.get(2) {
                if t.starts_with('$') {
                    return Err(bad(
                        "Execute on server",
                        "a stored procedure cannot have a local ($) process name",
                    ));
                }
            }
            start(cx, args, "Execute on server", Kind::StoredProcedure)
        }
    }
}

fn start(cx: &mut Interp, args: &[Value], cmd: &str, kind: Kind) -> RtResult<Value> {
    let (args, unique) = split_star(args);
    let method = match args.first() {
        Some(Value::Text(t)) => t.to_string(),
        Some(v) => to_text(v),
        None => return Err(bad(cmd, "the method to run is missing")),
    };
    if args.len() < 2 {
        return Err(bad(cmd, "the stack size is missing"));
    }
    let name = args.get(2).map(to_text).unwrap_or_default();
    let params = copy_params(args.get(3..).unwrap_or(&[]))?;
    let n = super::new_process(cx, &method, &name, params, unique, kind)?;
    Ok(Value::Int(n as i32))
}

/// `CALL WORKER(process; formula {; param…})`.
fn call_worker(cx: &mut Interp, args: &[Value]) -> RtResult<Value> {
    let target = match args.first() {
        Some(Value::Text(t)) => WorkerRef::Name(t.as_str()),
        Some(v) => match as_number(v) {
            Some(n) => WorkerRef::Number(n as i64),
            None => return Err(bad("CALL WORKER", "the worker must be a name or a number")),
        },
        None => return Err(bad("CALL WORKER", "the worker is missing")),
    };
    let job = match args.get(1) {
        Some(Value::Text(t)) if t.trim().is_empty() => Job::Startup,
        Some(Value::Text(t)) => Job::Method(t.to_string()),
        Some(f @ Value::Object(_)) => Job::Formula(f.clone()),
        _ => {
            return Err(bad(
                "CALL WORKER",
                "the formula must be a Formula object or a method name",
            ))
        }
    };
    if let Job::Method(m) = &job {
        if cx.program.method_id(m).is_none() {
            return Err(RuntimeError::new(
                crate::interp::errors::METHOD_NOT_FOUND,
                format!("The method '{m}' does not exist"),
            ));
        }
    }
    let msg = Message {
        job,
        args: copy_params(args.get(2..).unwrap_or(&[]))?,
    };
    super::call_worker(cx, target, msg)?;
    Ok(Value::Undefined)
}

/// The process named or numbered by `v`; None for an unknown one.
fn process_ref(v: &Value) -> Option<std::sync::Arc<Process>> {
    match v {
        Value::Text(t) => all_live().find(|p| p.kind.is_worker() && p.name.eq_ignore_ascii_case(t)),
        v => as_number(v).and_then(|n| super::get(n as i64)),
    }
}

fn all_live() -> impl Iterator<Item = std::sync::Arc<Process>> {
    super::all().into_iter().filter(|p| !p.is_finished())
}

/// `KILL WORKER{(process)}`: no argument → the current process.
fn kill_worker(cx: &mut Interp, args: &[Value]) -> RtResult<Value> {
    let p = match args.first() {
        None => super::get(cx.process_number),
        Some(v) => process_ref(v),
    };
    if let Some(p) = p {
        super::kill_worker(&p);
    }
    Ok(Value::Undefined)
}

/// `Process number(name {; *})` → the number of the running process of that
/// name, or 0. (`*` asks the server from a client; fourd is one machine.)
fn process_number(_: &mut Interp, args: &[Value]) -> RtResult<Value> {
    let (args, _) = split_star(args);
    let name = args.first().map(to_text).unwrap_or_default();
    Ok(Value::Int(
        super::find_by_name(&name).map_or(0, |p| p.number as i32),
    ))
}

/// `Process state(n)`.
fn process_state(_: &mut Interp, args: &[Value]) -> RtResult<Value> {
    let s = number_arg(args.first())
        .and_then(super::get)
        .map_or(super::DOES_NOT_EXIST, |p| p.state());
    Ok(Value::Int(s))
}

/// The `Process info` object of `p` (also the items of `Process activity`).
pub fn info_object(p: &Process) -> ObjRef {
    let mut o = Props::default();
    o.insert("number".into(), Value::Int(p.number as i32));
    o.insert("name".into(), Value::text(p.name.clone()));
    let sid = p.session().map(|s| s.id.clone()).unwrap_or_default();
    o.insert("sessionID".into(), Value::text(sid));
    o.insert("ID".into(), Value::Int(p.number as i32));
    o.insert("visible".into(), Value::Bool(true));
    o.insert("type".into(), Value::Int(p.kind.type_code()));
    o.insert("state".into(), Value::Int(p.state()));
    o.insert(
        "creationDateTime".into(),
        Value::text(p.created.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()),
    );
    // Interpreted code never runs preemptive (docs/Concepts/interpreted.md).
    o.insert("preemptive".into(), Value::Bool(false));
    o.insert("systemID".into(), Value::text(p.system_id()));
    o.insert("cpuUsage".into(), Value::Real(0.0));
    o.insert("cpuTime".into(), Value::Real(p.running_seconds()));
    ObjRef::from_props(o)
}

/// `Process info(n)` → an object, or Null for a number never given.
fn process_info(_: &mut Interp, args: &[Value]) -> RtResult<Value> {
    Ok(number_arg(args.first())
        .and_then(super::get)
        .map_or(Value::Null, |p| Value::Object(info_object(&p))))
}

fn current_process_name(cx: &mut Interp, _: &[Value]) -> RtResult<Value> {
    Ok(Value::text(
        super::get(cx.process_number)
            .map(|p| p.name.clone())
            .unwrap_or_default(),
    ))
}

/// `DELAY PROCESS(process; ticks)`: an unknown process → nothing.
fn delay_process(cx: &mut Interp, args: &[Value]) -> RtResult<Value> {
    let ticks = num(args.get(1)).ok_or_else(|| bad("DELAY PROCESS", "the duration is missing"))?;
    if let Some(p) = number_arg(args.first()).and_then(super::get) {
        if !p.is_finished() {
            super::delay(&p, ticks, cx.process_number);
        }
    }
    Ok(Value::Undefined)
}

/// `ABORT PROCESS BY ID(id)`: 4D Server only; single-user does nothing
/// (abort-process-by-id.md). fourd's unique ID is the process number.
fn abort_process_by_id(_: &mut Interp, args: &[Value]) -> RtResult<Value> {
    if session::run_mode() == RunMode::Server {
        if let Some(p) = number_arg(args.first()).and_then(super::get) {
            if !p.is_finished() {
                super::abort(&p);
            }
        }
    }
    Ok(Value::Undefined)
}

fn process_aborted(cx: &mut Interp, _: &[Value]) -> RtResult<Value> {
    Ok(Value::Bool(
        super::get(cx.process_number).is_some_and(|p| super::is_aborting(&p)),
    ))
}

/// `Count tasks`: the highest process number given so far.
fn count_tasks(_: &mut Interp, _: &[Value]) -> RtResult<Value> {
    Ok(Value::Int(super::all().len() as i32))
}

/// `Count user processes`: running processes started by code (and process 1).
fn count_user_processes(_: &mut Interp, _: &[Value]) -> RtResult<Value> {
    Ok(Value::Int(all_live().count() as i32))
}

/// The `processes` of `Process activity`: every running process, in number
/// order; on a server, those of session `session_id` only (when given), each
/// with its session's `.info` as `session` unless `with_session` is false.
pub fn activity_processes(session_id: Option<&str>, with_session: bool) -> CollRef {
    let server = session::run_mode() == RunMode::Server;
    let items = all_live()
        .filter_map(|p| {
            let s = p.session();
            if let Some(id) = session_id {
                if !s.as_ref().is_some_and(|s| s.id.eq_ignore_ascii_case(id)) {
                    return None;
                }
            }
            let o = info_object(&p);
            if server && with_session {
                if let Some(info) = s.as_deref().and_then(api::info_object) {
                    o.write().insert("session".into(), Value::Object(info));
                }
            }
            Some(Value::Object(o))
        })
        .collect();
    CollRef::new(items)
}

/// `Process activity{({sessionID}{; options})}`. Single-user: only
/// `processes`, parameters ignored. Server: `sessions` too, filtered by
/// `sessionID` (unknown → Null) and `options` (1 processes only, 2 sessions only).
fn process_activity(_: &mut Interp, args: &[Value]) -> RtResult<Value> {
    let mut out = Props::default();
    if session::run_mode() == RunMode::SingleUser {
        out.insert(
            "processes".into(),
            Value::Collection(activity_processes(None, false)),
        );
        return Ok(Value::Object(ObjRef::from_props(out)));
    }
    let (id, options) = match (args.first(), args.get(1)) {
        (Some(Value::Text(t)), o) => (Some(t.to_string()), num(o).unwrap_or(0.0) as i64),
        (Some(o), _) => (None, as_number(o).unwrap_or(0.0) as i64),
        (None, _) => (None, 0),
    };
    let only = match &id {
        Some(id) => match session::lookup(id) {
            Some(s) if !s.is_web() => Some(s),
            _ => return Ok(Value::Null),
        },
        None => None,
    };
    if options != 2 {
        let procs = activity_processes(only.as_ref().map(|s| s.id.as_str()), options != 1);
        out.insert("processes".into(), Value::Collection(procs));
    }
    if options != 1 {
        let sessions: Vec<Value> = match &only {
            Some(s) => api::info_object(s).map(Value::Object).into_iter().collect(),
            None => session::activity_sessions()
                .into_iter()
                .map(Value::Object)
                .collect(),
        };
        out.insert("sessions".into(), Value::Collection(CollRef::new(sessions)));
    }
    Ok(Value::Object(ObjRef::from_props(out)))
}

/// `New signal({description})`.
fn new_signal_cmd(_: &mut Interp, args: &[Value]) -> RtResult<Value> {
    let desc = args.first().map(to_text);
    Ok(Value::Object(new_signal(desc)))
}
