//! 4D processes as OS threads: the process table, starting processes
//! (`New process`, `CALL WORKER`, `Execute on server`), worker message boxes,
//! `DELAY PROCESS` / `ABORT PROCESS BY ID`, and the end-of-run rule.
//!
//! Every process runs its own [`Interp`] (own process variables, call stack,
//! error state) on the one shared [`Program`]; the thread declares its process
//! number ([`set_current_process`]) and session ([`set_current_session`]) first.
//!
//! **End of a run** (`fourd run`): the run ends when the main method has
//! returned and no non-worker process is still running. Messages already
//! posted to workers (process 1 included) are processed first; idle workers
//! are then stopped. The accounting is one counter of outstanding work
//! (running non-worker processes + posted, not yet finished messages).
//!
//! Process numbers are never reused in a run, so `Process state` of a process
//! that has ended is `Aborted` (-1) and a number never given is `Does not
//! exist` (-100).
//!
//! The commands are in [`commands`], `4D.Signal` in [`signal`], the copying of
//! parameters between processes in [`transfer`].

pub mod commands;
pub mod signal;
pub mod transfer;

use crate::error::{RtResult, RuntimeError};
use crate::interp::{Interp, Program};
use crate::runtime::session::{self, Session};
use crate::runtime::shared::{current_process, set_current_process};
use crate::value::Value;
use chrono::{DateTime, Utc};
use parking_lot::{Condvar, Mutex, RwLock};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Stack of a process thread (as the main process of `fourd run`): 4D
/// recursion is bounded by the interpreter's depth limit, not by this.
pub const STACK_SIZE: usize = 1 << 30;

// `Process state` values (docs/commands/process-state.md).
pub const DOES_NOT_EXIST: i32 = -100;
pub const ABORTED: i32 = -1;
pub const EXECUTING: i32 = 0;
pub const DELAYED: i32 = 1;
pub const WAITING_FOR_USER_EVENT: i32 = 2;
pub const WAITING_FOR_INTERNAL_FLAG: i32 = 4;

/// The error that unwinds an aborted process (`ABORT PROCESS BY ID`). It is
/// never reported: an abort is not a failure of the 4D code. fourd's number.
pub const ABORT_ERROR: i32 = -10740;
/// A process could not be started (no such method, thread refused). fourd's number.
pub const START_FAILED: i32 = -10741;

/// What started a process; gives `Process info.type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Process 1 of a run. It counts as a worker for `CALL WORKER(1;…)`.
    Main,
    /// `New process` (single-user).
    User,
    /// `CALL WORKER` with a new name.
    Worker,
    /// `Execute on server` / `New process` on a server.
    StoredProcedure,
}

impl Kind {
    /// `Process info.type` (docs/commands/process-info.md): Main process -1,
    /// Execute on server 1, Other user process 4, Worker process 5.
    pub fn type_code(self) -> i32 {
        match self {
            Kind::Main => -1,
            Kind::User => 4,
            Kind::Worker => 5,
            Kind::StoredProcedure => 1,
        }
    }

    /// Has a message box (`CALL WORKER` reaches it).
    pub fn is_worker(self) -> bool {
        matches!(self, Kind::Main | Kind::Worker)
    }
}

/// What a worker runs for one message.
#[derive(Debug)]
pub enum Job {
    /// A project method, by name.
    Method(String),
    /// A formula object (`Formula(…)`).
    Formula(Value),
    /// `""`: the worker's startup method again.
    Startup,
}

/// One `CALL WORKER` message; its parameters are already copied for the worker.
#[derive(Debug)]
pub struct Message {
    pub job: Job,
    pub args: Vec<Value>,
}

#[derive(Default)]
struct MailState {
    queue: VecDeque<Message>,
    /// `KILL WORKER`: end after the current message, ignore the rest.
    killed: bool,
    /// End of the run: stop once the queue is empty.
    stop: bool,
    /// The worker sleeps on the box's condition variable (posting wakes it).
    sleeping: bool,
}

/// A worker's message box (FIFO).
#[derive(Default)]
struct Mailbox {
    st: Mutex<MailState>,
    cv: Condvar,
}

/// Requests from other processes, seen by the target at its next statement.
pub(crate) struct Control {
    /// Set when something waits for the process's attention; the evaluator
    /// tests it before each statement (the same `Arc` as `Interp::interrupt`).
    pub(crate) interrupt: Arc<AtomicBool>,
    /// `DELAY PROCESS`: sleep until then (None: not delayed).
    delay: Mutex<Option<Instant>>,
    delay_cv: Condvar,
    abort: AtomicBool,
}

/// One 4D process.
pub struct Process {
    pub number: i64,
    pub name: String,
    pub kind: Kind,
    state: AtomicI32,
    finished: Mutex<bool>,
    finished_cv: Condvar,
    session: Mutex<Option<Arc<Session>>>,
    pub created: DateTime<Utc>,
    /// The OS thread's id, as text (`Process info.systemID`).
    system_id: OnceLock<String>,
    started: Instant,
    pub(crate) control: Control,
    mailbox: Option<Mailbox>,
    /// A worker's startup method: the method of its first message, if a name.
    startup: Mutex<Option<String>>,
}

impl Process {
    fn new(number: i64, name: String, kind: Kind, session: Option<Arc<Session>>) -> Process {
        Process {
            number,
            name,
            kind,
            state: AtomicI32::new(EXECUTING),
            finished: Mutex::new(false),
            finished_cv: Condvar::new(),
            session: Mutex::new(session),
            created: Utc::now(),
            system_id: OnceLock::new(),
            started: Instant::now(),
            control: Control {
                interrupt: Arc::new(AtomicBool::new(false)),
                delay: Mutex::new(None),
                delay_cv: Condvar::new(),
                abort: AtomicBool::new(false),
            },
            mailbox: kind.is_worker().then(Mailbox::default),
            startup: Mutex::new(None),
        }
    }

    /// The session the process runs in (process 1: as declared by
    /// [`init_main`], else the run's default session).
    pub fn session(&self) -> Option<Arc<Session>> {
        self.session.lock().clone().or_else(|| {
            (self.kind == Kind::Main)
                .then(session::current_session)
                .flatten()
        })
    }

    pub fn system_id(&self) -> String {
        self.system_id.get().cloned().unwrap_or_default()
    }

    pub fn is_finished(&self) -> bool {
        *self.finished.lock()
    }

    /// `Process state`: -1 once ended.
    pub fn state(&self) -> i32 {
        if self.is_finished() {
            ABORTED
        } else {
            self.state.load(Ordering::Relaxed)
        }
    }

    pub fn set_state(&self, s: i32) {
        self.state.store(s, Ordering::Relaxed);
    }

    /// Seconds since the process started (`Process info.cpuTime`: fourd
    /// measures wall time, it has no per-thread CPU clock).
    pub fn running_seconds(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }

    /// A worker killed by `KILL WORKER` (or stopping at the end of the run).
    fn is_killed(&self) -> bool {
        self.mailbox.as_ref().is_some_and(|m| m.st.lock().killed)
    }

    fn mark_finished(&self) {
        *self.finished.lock() = true;
        self.finished_cv.notify_all();
    }

    fn wait_finished(&self) {
        let mut f = self.finished.lock();
        while !*f {
            self.finished_cv.wait(&mut f);
        }
    }
}

// ---------------------------------------------------------------------------
// The table

struct Table {
    /// Index = number - 1.
    procs: RwLock<Vec<Arc<Process>>>,
    /// Outstanding work: running non-worker processes + unfinished messages.
    pending: Mutex<usize>,
    pending_cv: Condvar,
    threads: Mutex<Vec<JoinHandle<()>>>,
    /// An error was reported in a process other than the main one.
    failed: AtomicBool,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table {
        procs: RwLock::new(vec![Arc::new(Process::new(
            1,
            "Main process".into(),
            Kind::Main,
            None,
        ))]),
        pending: Mutex::new(0),
        pending_cv: Condvar::new(),
        threads: Mutex::new(Vec::new()),
        failed: AtomicBool::new(false),
    })
}

/// The process with this number (ended ones included).
pub fn get(number: i64) -> Option<Arc<Process>> {
    if number < 1 {
        return None;
    }
    table().procs.read().get(number as usize - 1).cloned()
}

/// The calling thread's process (None for a thread that is no 4D process).
pub fn current() -> Option<Arc<Process>> {
    get(current_process())
}

/// Every process, in number order (ended ones included).
pub fn all() -> Vec<Arc<Process>> {
    table().procs.read().clone()
}

/// The first running process called `name` (case-insensitive).
pub fn find_by_name(name: &str) -> Option<Arc<Process>> {
    table()
        .procs
        .read()
        .iter()
        .find(|p| !p.is_finished() && p.name.eq_ignore_ascii_case(name))
        .cloned()
}

/// The running, not killed worker called `name`.
fn find_worker(name: &str) -> Option<Arc<Process>> {
    table()
        .procs
        .read()
        .iter()
        .find(|p| {
            p.kind.is_worker()
                && !p.is_finished()
                && !p.is_killed()
                && p.name.eq_ignore_ascii_case(name)
        })
        .cloned()
}

/// True when an error was reported in a process other than the main one
/// (the run's exit status is then 1).
pub fn any_failed() -> bool {
    table().failed.load(Ordering::Relaxed)
}

fn add_pending(n: usize) {
    *table().pending.lock() += n;
}

fn done_pending(n: usize) {
    let t = table();
    let mut p = t.pending.lock();
    *p = p.saturating_sub(n);
    drop(p);
    t.pending_cv.notify_all();
}

/// Allocates the next number and registers the process.
fn register(name: String, kind: Kind, session: Option<Arc<Session>>) -> Arc<Process> {
    let t = table();
    let mut procs = t.procs.write();
    let p = Arc::new(Process::new(procs.len() as i64 + 1, name, kind, session));
    procs.push(p.clone());
    p
}

/// Declares the calling thread as process 1, with its current session. `fourd
/// run` calls it before running the main method.
pub fn init_main() {
    set_current_process(1);
    if let Some(main) = get(1) {
        *main.session.lock() = session::current_session();
        let _ = main.system_id.set(thread_id_text());
    }
}

/// The digits of the calling thread's id.
fn thread_id_text() -> String {
    format!("{:?}", std::thread::current().id())
        .chars()
        .filter(char::is_ascii_digit)
        .collect()
}

// ---------------------------------------------------------------------------
// Error reporting

type Reporter = Box<dyn Fn(&RuntimeError) + Send + Sync>;

static REPORTER: OnceLock<Reporter> = OnceLock::new();

/// Installs how an unhandled error of a non-main process is printed (the CLI
/// renders it with the source line). Without one: the first line only.
pub fn set_error_reporter(f: impl Fn(&RuntimeError) + Send + Sync + 'static) {
    let _ = REPORTER.set(Box::new(f));
}

fn report(e: &RuntimeError) {
    if e.code == ABORT_ERROR {
        return;
    }
    table().failed.store(true, Ordering::Relaxed);
    match REPORTER.get() {
        Some(f) => f(e),
        None => match &e.location {
            Some(l) => eprintln!(
                "{}:{}:{}: error {}: {}",
                l.path, l.line, l.column, e.code, e.message
            ),
            None => eprintln!("error {}: {}", e.code, e.message),
        },
    }
}

// ---------------------------------------------------------------------------
// Starting processes

/// Starts a thread for process `p` running `body` in a fresh interpreter.
fn spawn(
    p: &Arc<Process>,
    program: Arc<Program>,
    body: impl FnOnce(&mut Interp, &Arc<Process>) + Send + 'static,
) -> RtResult<()> {
    let proc = p.clone();
    let h = std::thread::Builder::new()
        .name(format!("4D process {}", p.number))
        .stack_size(STACK_SIZE)
        .spawn(move || {
            set_current_process(proc.number);
            session::set_current_session(proc.session());
            let _ = proc.system_id.set(thread_id_text());
            let mut cx = Interp::new(program);
            cx.process_number = proc.number;
            cx.interrupt = proc.control.interrupt.clone();
            cx.autoflush = true;
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                body(&mut cx, &proc);
            }));
            cx.flush();
            if r.is_err() {
                eprintln!(
                    "fourd: internal error in process {} (this is a bug in fourd)",
                    proc.number
                );
                table().failed.store(true, Ordering::Relaxed);
            }
            proc.mark_finished();
        });
    match h {
        Ok(h) => {
            let mut threads = table().threads.lock();
            // Threads that have ended need no join (dropping detaches them).
            threads.retain(|t| !t.is_finished());
            threads.push(h);
            Ok(())
        }
        Err(e) => {
            p.mark_finished();
            Err(RuntimeError::new(
                START_FAILED,
                format!("The process could not be started: {e}"),
            ))
        }
    }
}

/// Once several processes run, every process flushes its output after each
/// write, so that lines of different processes never mix and output the
/// program orders (with signals) comes out in that order. What the caller
/// printed so far comes before anything the new process prints.
fn multi_output(cx: &mut Interp) {
    cx.flush();
    cx.autoflush = true;
}

/// `New process` / `Execute on server`: starts `method` with `args` (already
/// copied for the new process) and returns its number. With `unique` and a
/// running process of that name, returns that one's number instead.
pub fn new_process(
    cx: &mut Interp,
    method: &str,
    name: &str,
    args: Vec<Value>,
    unique: bool,
    kind: Kind,
) -> RtResult<i64> {
    if unique {
        if let Some(p) = find_by_name(name) {
            return Ok(p.number);
        }
    }
    if cx.program.method_id(method).is_none() {
        return Err(RuntimeError::new(
            crate::interp::errors::METHOD_NOT_FOUND,
            format!("The method '{method}' does not exist"),
        ));
    }
    multi_output(cx);
    let p = register(name.to_string(), kind, session::session_for_new_process());
    add_pending(1);
    let method = method.to_string();
    let r = spawn(&p, cx.program.clone(), move |cx, _| {
        if let Err(e) = cx.call_method_by_name(&method, args) {
            report(&e);
        }
        cx.flush();
        done_pending(1);
    });
    if let Err(e) = r {
        done_pending(1);
        return Err(e);
    }
    Ok(p.number)
}

/// What `CALL WORKER` targets.
pub enum WorkerRef<'a> {
    Name(&'a str),
    Number(i64),
}

/// `CALL WORKER`: posts `msg` to the worker, creating it for a new name.
/// An unknown number, or a process that is no worker → nothing happens.
pub fn call_worker(cx: &mut Interp, target: WorkerRef, msg: Message) -> RtResult<()> {
    multi_output(cx);
    let p = match target {
        WorkerRef::Number(n) => match get(n) {
            Some(p) if p.kind.is_worker() && !p.is_finished() && !p.is_killed() => p,
            _ => return Ok(()),
        },
        WorkerRef::Name(name) => match find_worker(name) {
            Some(p) => p,
            None => {
                // A worker just killed by KILL WORKER: the new one starts once
                // the old one has ended, except that a killed worker calling
                // itself does nothing (kill-worker.md).
                let dying = all().into_iter().find(|p| {
                    p.kind == Kind::Worker && !p.is_finished() && p.name.eq_ignore_ascii_case(name)
                });
                if let Some(d) = dying {
                    if d.number == cx.process_number {
                        return Ok(());
                    }
                    d.wait_finished();
                }
                start_worker(cx, name)?
            }
        },
    };
    if p.kind == Kind::Main && matches!(msg.job, Job::Startup) {
        // CALL WORKER(1;"") does nothing: process 1 has no startup method.
        return Ok(());
    }
    post(&p, msg);
    Ok(())
}

fn post(p: &Process, msg: Message) {
    let Some(mb) = &p.mailbox else {
        return;
    };
    // Counted before the box is locked: `end_of_run` takes the counter's
    // lock, then a box's (one lock order everywhere).
    add_pending(1);
    let mut st = mb.st.lock();
    if st.killed {
        drop(st);
        done_pending(1);
        return;
    }
    if p.kind == Kind::Worker {
        let mut s = p.startup.lock();
        if s.is_none() {
            if let Job::Method(m) = &msg.job {
                *s = Some(m.clone());
            }
        }
    }
    st.queue.push_back(msg);
    let wake = st.sleeping;
    drop(st);
    if wake {
        mb.cv.notify_one();
    }
    if p.kind == Kind::Main {
        // Process 1 serves its box at the end of the run.
        table().pending_cv.notify_all();
    }
}

fn start_worker(cx: &mut Interp, name: &str) -> RtResult<Arc<Process>> {
    let p = register(
        name.to_string(),
        Kind::Worker,
        session::session_for_new_process(),
    );
    spawn(&p, cx.program.clone(), worker_loop)?;
    Ok(p)
}

/// A worker: runs its messages one by one, in order, until killed or stopped.
fn worker_loop(cx: &mut Interp, p: &Arc<Process>) {
    let Some(mb) = &p.mailbox else {
        return;
    };
    loop {
        let msg = {
            let mut st = mb.st.lock();
            loop {
                if st.killed {
                    let n = st.queue.len();
                    st.queue.clear();
                    drop(st);
                    done_pending(n);
                    return;
                }
                if let Some(m) = st.queue.pop_front() {
                    break m;
                }
                if st.stop {
                    return;
                }
                p.set_state(WAITING_FOR_USER_EVENT);
                st.sleeping = true;
                mb.cv.wait(&mut st);
                st.sleeping = false;
            }
        };
        p.set_state(EXECUTING);
        run_message(cx, p, msg);
        done_pending(1);
    }
}

/// Runs one message in the worker's interpreter; an error is reported and the
/// worker goes on with its next message.
fn run_message(cx: &mut Interp, p: &Process, msg: Message) {
    let r = match msg.job {
        Job::Method(m) => cx.call_method_by_name(&m, msg.args),
        Job::Formula(f) => cx
            .call_value(&f, Value::Undefined, msg.args)
            .map_err(|e| *e),
        Job::Startup => {
            let m = p.startup.lock().clone();
            match m {
                Some(m) => cx.call_method_by_name(&m, msg.args),
                None => Ok(Value::Undefined),
            }
        }
    };
    if let Err(e) = r {
        report(&e);
    }
    cx.flush();
}

/// `KILL WORKER`: the worker ends after its current message and ignores the
/// others. Process 1 only has its message box emptied; other processes and
/// unknown ones → nothing.
pub fn kill_worker(p: &Process) {
    let Some(mb) = &p.mailbox else {
        return;
    };
    let mut st = mb.st.lock();
    let dropped = st.queue.len();
    st.queue.clear();
    if p.kind == Kind::Worker {
        st.killed = true;
    }
    drop(st);
    mb.cv.notify_all();
    done_pending(dropped);
}

// ---------------------------------------------------------------------------
// DELAY PROCESS, ABORT PROCESS BY ID

/// `DELAY PROCESS(p; ticks)` called by process `caller`: replaces p's
/// remaining delay (0 cancels). The calling process sleeps at once; another
/// process at its next statement.
pub fn delay(p: &Process, ticks: f64, caller: i64) {
    let until = (ticks > 0.0 && ticks.is_finite())
        .then(|| Instant::now() + Duration::from_secs_f64((ticks / 60.0).min(1e9)));
    *p.control.delay.lock() = until;
    p.control.delay_cv.notify_all();
    if p.number == caller {
        sleep_delayed(p);
    } else if until.is_some() {
        p.control.interrupt.store(true, Ordering::Release);
    }
}

/// Sleeps while `p` is delayed (woken early when the delay is cancelled,
/// replaced or the process aborted).
fn sleep_delayed(p: &Process) {
    let c = &p.control;
    let mut d = c.delay.lock();
    p.set_state(DELAYED);
    while let Some(until) = *d {
        if c.abort.load(Ordering::Acquire) || Instant::now() >= until {
            *d = None;
            break;
        }
        c.delay_cv.wait_until(&mut d, until);
    }
    p.set_state(EXECUTING);
}

/// `ABORT PROCESS BY ID`: the process stops at its next statement, without
/// error handlers running to completion, and nothing is reported.
pub fn abort(p: &Process) {
    p.control.abort.store(true, Ordering::Release);
    p.control.interrupt.store(true, Ordering::Release);
    p.control.delay_cv.notify_all();
    if let Some(mb) = &p.mailbox {
        if p.kind == Kind::Worker {
            let mut st = mb.st.lock();
            let n = st.queue.len();
            st.queue.clear();
            st.killed = true;
            drop(st);
            mb.cv.notify_all();
            done_pending(n);
        }
    }
}

/// True when `p` has been asked to abort (`Process aborted`).
pub fn is_aborting(p: &Process) -> bool {
    p.control.abort.load(Ordering::Acquire)
}

/// Called by the evaluator before a statement when `cx.interrupt` is set:
/// performs a pending delay, or unwinds an aborted process. An abort stays
/// set, so every following statement (a `Catch`, an error handler) fails too.
pub fn on_interrupt(cx: &mut Interp) -> RtResult<()> {
    let Some(p) = get(cx.process_number) else {
        cx.interrupt.store(false, Ordering::Release);
        return Ok(());
    };
    if p.control.abort.load(Ordering::Acquire) {
        return Err(RuntimeError::new(ABORT_ERROR, "The process was aborted"));
    }
    cx.interrupt.store(false, Ordering::Release);
    cx.flush();
    sleep_delayed(&p);
    Ok(())
}

// ---------------------------------------------------------------------------
// End of the run

/// Called by `fourd run` once the main method has returned: serves process
/// 1's message box, waits until no non-worker process runs and no message is
/// pending, then stops the workers and waits for their threads.
pub fn end_of_run(cx: &mut Interp) {
    cx.flush();
    let t = table();
    let Some(main) = get(1) else {
        return;
    };
    loop {
        let next = main
            .mailbox
            .as_ref()
            .and_then(|mb| mb.st.lock().queue.pop_front());
        if let Some(msg) = next {
            run_message(cx, &main, msg);
            done_pending(1);
            continue;
        }
        let mut pending = t.pending.lock();
        if *pending == 0 {
            break;
        }
        let has_mail = main
            .mailbox
            .as_ref()
            .is_some_and(|mb| !mb.st.lock().queue.is_empty());
        if !has_mail {
            // Woken by any finished work or any message posted to process 1.
            t.pending_cv
                .wait_for(&mut pending, Duration::from_millis(200));
        }
    }
    main.set_state(EXECUTING);
    for p in all() {
        if let Some(mb) = &p.mailbox {
            mb.st.lock().stop = true;
            mb.cv.notify_all();
        }
    }
    let threads = std::mem::take(&mut *t.threads.lock());
    for h in threads {
        let _ = h.join();
    }
}

#[cfg(test)]
mod tests;
