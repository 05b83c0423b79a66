//! Sessions: the server-wide registry keyed by UUID, the session of each
//! process, and the privileges a session holds.
//!
//! Kinds (docs/API/SessionClass.md): **web** (`fourd serve`), **remote**
//! (`fourd run --remote-user NAME`), **storedProcedure** (`fourd run
//! --server`: one session shared by every stored procedure) and
//! **standalone** (a plain `fourd run`: one session for every process).
//! Ids print as 32 uppercase hex digits, as 4D prints UUIDs
//! (docs/commands/session-info.md example). Looking up an unknown or
//! malformed id gives `None` (→ Null in 4D), never an error.
//!
//! The `4D.Session` object and its members are in [`api`]; the commands
//! (`Session`, `Session storage`, `Session info`, …) in [`commands`].

pub mod api;
pub mod commands;

use crate::runtime::roles;
use crate::runtime::shared::new_storage_root;
use crate::value::ObjRef;
use chrono::{DateTime, Utc};
use parking_lot::{Mutex, RwLock};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, OnceLock};
use uuid::Uuid;

/// The kind of a session, with the text `.info.type` gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionKind {
    Web,
    Remote,
    StoredProcedure,
    Standalone,
}

impl SessionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionKind::Web => "web",
            SessionKind::Remote => "remote",
            SessionKind::StoredProcedure => "storedProcedure",
            SessionKind::Standalone => "standalone",
        }
    }
}

/// Web sessions: default and minimum idle timeout, in minutes.
pub const DEFAULT_IDLE_MINUTES: i64 = 60;

/// What changes during a session's life.
#[derive(Debug)]
struct SessionState {
    user_name: String,
    /// Privileges held, included ones expanded, in grant order (web only).
    privileges: Vec<String>,
    /// Set once `setPrivileges` granted something; in forceLogin mode
    /// `clearPrivileges` keeps it, so the session does not turn Guest.
    authenticated: bool,
    idle_minutes: i64,
    last_access: DateTime<Utc>,
}

/// One session. Shared by every process of the session (`Arc`).
#[derive(Debug)]
pub struct Session {
    pub uuid: Uuid,
    /// `.id`: 32 uppercase hex digits.
    pub id: String,
    pub kind: SessionKind,
    /// `.storage`: a root shared object that never forms a group.
    pub storage: ObjRef,
    pub created: DateTime<Utc>,
    pub machine_name: String,
    pub system_user_name: String,
    pub ip_address: String,
    pub host_type: String,
    /// Remote sessions only.
    pub persistent_id: Option<String>,
    state: Mutex<SessionState>,
}

/// Options for a new session (the parts that depend on who opens it).
#[derive(Clone, Debug, Default)]
pub struct NewSession {
    pub user_name: String,
    pub machine_name: Option<String>,
    pub system_user_name: Option<String>,
    pub ip_address: Option<String>,
    /// Creation time (the standalone session uses the application's start).
    pub created: Option<DateTime<Utc>>,
}

impl Session {
    fn new(kind: SessionKind, opts: NewSession) -> Session {
        let uuid = Uuid::new_v4();
        let now = Utc::now();
        Session {
            uuid,
            id: format_id(&uuid),
            kind,
            storage: new_storage_root(),
            created: opts.created.unwrap_or(now),
            machine_name: opts.machine_name.unwrap_or_else(machine_name),
            system_user_name: opts.system_user_name.unwrap_or_else(system_user_name),
            ip_address: opts.ip_address.unwrap_or_else(|| "127.0.0.1".into()),
            host_type: host_type().into(),
            persistent_id: (kind == SessionKind::Remote).then(|| format_id(&Uuid::new_v4())),
            state: Mutex::new(SessionState {
                user_name: opts.user_name,
                privileges: Vec::new(),
                authenticated: false,
                idle_minutes: DEFAULT_IDLE_MINUTES,
                last_access: now,
            }),
        }
    }

    pub fn is_web(&self) -> bool {
        self.kind == SessionKind::Web
    }

    pub fn user_name(&self) -> String {
        self.state.lock().user_name.clone()
    }

    /// `.idleTimeout` in minutes (web sessions).
    pub fn idle_timeout(&self) -> i64 {
        self.state.lock().idle_minutes
    }

    /// Sets `.idleTimeout`; below 60 it is raised to 60. `.expirationDate`
    /// follows since it is computed from it.
    pub fn set_idle_timeout(&self, minutes: i64) {
        self.state.lock().idle_minutes = minutes.max(DEFAULT_IDLE_MINUTES);
    }

    /// Records activity (a web request): the session lives `idleTimeout` more minutes.
    pub fn touch(&self) {
        self.state.lock().last_access = Utc::now();
    }

    /// When the session expires if idle from now on.
    pub fn expiration(&self) -> DateTime<Utc> {
        let st = self.state.lock();
        st.last_access + chrono::Duration::minutes(st.idle_minutes)
    }

    /// `.expirationDate`: ISO 8601 with milliseconds, `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    pub fn expiration_date(&self) -> String {
        iso(self.expiration())
    }

    pub fn is_expired(&self, now: DateTime<Utc>) -> bool {
        now >= self.expiration()
    }

    /// `hasPrivilege`: web sessions check what they hold (case-insensitive);
    /// the others always say True (SessionClass.md).
    pub fn has_privilege(&self, name: &str) -> bool {
        if !self.is_web() {
            return true;
        }
        self.state
            .lock()
            .privileges
            .iter()
            .any(|p| p.eq_ignore_ascii_case(name))
    }

    /// `getPrivileges`: the names held; `["WebAdmin"]` outside web sessions.
    pub fn privileges(&self) -> Vec<String> {
        if !self.is_web() {
            return vec![roles::WEB_ADMIN.to_string()];
        }
        self.state.lock().privileges.clone()
    }

    /// `isGuest`: a web session with no privilege (False for the others).
    pub fn is_guest(&self) -> bool {
        if !self.is_web() {
            return false;
        }
        let st = self.state.lock();
        st.privileges.is_empty() && !st.authenticated
    }

    /// Grants privileges and roles (names not declared in roles.json are
    /// ignored) and optionally sets the user name. Web sessions only: the
    /// others do nothing and return False.
    pub fn grant(
        &self,
        privileges: &[String],
        role_names: &[String],
        user: Option<String>,
    ) -> bool {
        if !self.is_web() {
            return false;
        }
        let r = roles::active();
        let mut st = self.state.lock();
        let mut held = std::mem::take(&mut st.privileges);
        for p in privileges {
            r.grant_privilege(p, &mut held);
        }
        for role in role_names {
            r.grant_role(role, &mut held);
        }
        if !held.is_empty() {
            st.authenticated = true;
        }
        st.privileges = held;
        if let Some(u) = user {
            st.user_name = u;
        }
        true
    }

    /// `clearPrivileges`: web sessions drop every privilege and become Guest
    /// (unless roles.json sets forceLogin). Others: no-op, True — the newer
    /// SessionClass page; seed 004 (older) said False.
    pub fn clear_privileges(&self) -> bool {
        if self.is_web() {
            let mut st = self.state.lock();
            st.privileges.clear();
            if !roles::active().force_login {
                st.authenticated = false;
            }
        }
        true
    }
}

/// 32 uppercase hex digits, as 4D prints UUIDs.
fn format_id(u: &Uuid) -> String {
    let mut buf = [0u8; 32];
    u.simple().encode_upper(&mut buf).to_string()
}

/// Parses a session id: 32 hex digits, or the 36-character dashed form, any case.
pub fn parse_id(text: &str) -> Option<u128> {
    let b = text.as_bytes();
    let mut v: u128 = 0;
    let mut n = 0;
    for (i, &c) in b.iter().enumerate() {
        let d = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            b'-' if b.len() == 36 && matches!(i, 8 | 13 | 18 | 23) => continue,
            _ => return None,
        };
        v = (v << 4) | u128::from(d);
        n += 1;
    }
    (n == 32 && (b.len() == 32 || b.len() == 36)).then_some(v)
}

pub(crate) fn iso(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

fn machine_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "localhost".into())
}

fn system_user_name() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default()
}

/// `.info.hostType`: 4D knows "windows" and "mac"; elsewhere the OS name.
fn host_type() -> &'static str {
    match std::env::consts::OS {
        "macos" => "mac",
        other => other,
    }
}

// ---------------------------------------------------------------------------
// The registry

/// Session ids are random (UUID v4): their low bits are a fine hash already.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u128(&mut self, n: u128) {
        self.0 = n as u64 ^ (n >> 64) as u64;
    }
}

type Registry = RwLock<HashMap<u128, Arc<Session>, BuildHasherDefault<IdHasher>>>;

fn registry() -> &'static Registry {
    static REG: OnceLock<Registry> = OnceLock::new();
    REG.get_or_init(Default::default)
}

/// Opens a new session of `kind` and registers it.
pub fn open(kind: SessionKind, opts: NewSession) -> Arc<Session> {
    let s = Arc::new(Session::new(kind, opts));
    registry().write().insert(s.uuid.as_u128(), s.clone());
    s
}

/// Removes a session from the registry (web timeout, server shutdown).
pub fn close(id: &str) -> Option<Arc<Session>> {
    registry().write().remove(&parse_id(id)?)
}

/// The session with this id; None for an unknown or malformed id.
pub fn lookup(id: &str) -> Option<Arc<Session>> {
    registry().read().get(&parse_id(id)?).cloned()
}

/// Every session, for `Process activity` (callers filter out web sessions).
pub fn all() -> Vec<Arc<Session>> {
    registry().read().values().cloned().collect()
}

/// The `sessions` of `Process activity` on a server: the `.info` of every
/// session but web ones (4D never lists web sessions), oldest first.
/// Single-user runs have no `sessions` at all (the caller omits the key).
pub fn activity_sessions() -> Vec<ObjRef> {
    let mut list: Vec<Arc<Session>> = all().into_iter().filter(|s| !s.is_web()).collect();
    list.sort_by_key(|s| s.created);
    list.iter().filter_map(|s| api::info_object(s)).collect()
}

/// Closes the web sessions idle past their timeout; returns how many.
pub fn purge_expired(now: DateTime<Utc>) -> usize {
    let mut reg = registry().write();
    let before = reg.len();
    reg.retain(|_, s| !(s.is_web() && s.is_expired(now)));
    before - reg.len()
}

// ---------------------------------------------------------------------------
// Which session a process belongs to

/// How this run of fourd behaves (DESIGN.md "Single-user or server").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunMode {
    /// `fourd run FILE`: 4D single-user; every process is in the standalone session.
    SingleUser,
    /// `fourd run --server`, `--remote-user`, `fourd serve`: a 4D Server;
    /// `New process` / `Execute on server` start stored procedures.
    Server,
}

static MODE: RwLock<RunMode> = RwLock::new(RunMode::SingleUser);

pub fn set_run_mode(mode: RunMode) {
    *MODE.write() = mode;
}

pub fn run_mode() -> RunMode {
    *MODE.read()
}

/// The application's start (the standalone session's creation time).
pub fn app_start() -> DateTime<Utc> {
    static START: OnceLock<DateTime<Utc>> = OnceLock::new();
    *START.get_or_init(Utc::now)
}

/// The one standalone session of a single-user run (user "designer", the
/// spelling of SessionClass.md's userName paragraph).
pub fn standalone() -> Arc<Session> {
    static S: OnceLock<Arc<Session>> = OnceLock::new();
    S.get_or_init(|| {
        open(
            SessionKind::Standalone,
            NewSession {
                user_name: "designer".into(),
                created: Some(app_start()),
                ..Default::default()
            },
        )
    })
    .clone()
}

/// The one stored-procedure session of a server run.
pub fn stored_procedures() -> Arc<Session> {
    static S: OnceLock<Arc<Session>> = OnceLock::new();
    S.get_or_init(|| {
        open(
            SessionKind::StoredProcedure,
            NewSession {
                user_name: "designer".into(),
                created: Some(app_start()),
                ..Default::default()
            },
        )
    })
    .clone()
}

/// A new remote-client session for user `name` (`--remote-user NAME`).
pub fn open_remote(user: &str) -> Arc<Session> {
    open(
        SessionKind::Remote,
        NewSession {
            user_name: user.into(),
            ..Default::default()
        },
    )
}

/// A new Guest web session (a request without a live session cookie).
pub fn open_web() -> Arc<Session> {
    open(SessionKind::Web, NewSession::default())
}

/// The web session of a request (docs/WebServer/sessions.md): the live,
/// unexpired session its cookie names, when the request comes from the IP
/// address that opened it (`sessionIPAddressValidation`, on by default);
/// otherwise a new Guest session for that address. The session's idle time
/// restarts. Returns the session and whether it is new (send a new cookie).
pub fn web_session_for_request(cookie: Option<&str>, client_ip: &str) -> (Arc<Session>, bool) {
    let live = cookie
        .and_then(lookup)
        .filter(|s| s.is_web() && !s.is_expired(Utc::now()) && s.ip_address == client_ip);
    match live {
        Some(s) => {
            s.touch();
            (s, false)
        }
        None => {
            let s = open(
                SessionKind::Web,
                NewSession {
                    ip_address: Some(client_ip.to_string()),
                    ..Default::default()
                },
            );
            (s, true)
        }
    }
}

/// Who runs the main method of `fourd run` (DESIGN.md "Single-user or server").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum RunAs {
    /// `fourd run FILE`: single-user, the standalone session.
    #[default]
    Standalone,
    /// `fourd run --server FILE`: 4D Server, `On Server Startup`-like, in the
    /// stored-procedure session.
    Server,
    /// `fourd run --remote-user NAME FILE`: 4D Server running FILE as an
    /// "Execute on Server" method of a remote client of user NAME, in a new
    /// remote session.
    RemoteUser(String),
}

/// Sets the run mode and the session of the calling thread (the main
/// process) for a `fourd run`; returns that session.
pub fn begin_run(who: &RunAs) -> Arc<Session> {
    let s = match who {
        RunAs::Standalone => {
            set_run_mode(RunMode::SingleUser);
            standalone()
        }
        RunAs::Server => {
            set_run_mode(RunMode::Server);
            stored_procedures()
        }
        RunAs::RemoteUser(name) => {
            set_run_mode(RunMode::Server);
            open_remote(name)
        }
    };
    set_current_session(Some(s.clone()));
    s
}

#[derive(Clone)]
enum Current {
    /// Not set: the run mode's default session.
    Default,
    /// `Session` is Null here (a web process with scalable sessions off).
    NoSession,
    Is(Arc<Session>),
}

thread_local! {
    static CURRENT: RefCell<Current> = const { RefCell::new(Current::Default) };
}

/// Sets the session of the calling process (`None`: `Session` gives Null).
pub fn set_current_session(s: Option<Arc<Session>>) {
    CURRENT.with(|c| {
        *c.borrow_mut() = match s {
            Some(s) => Current::Is(s),
            None => Current::NoSession,
        }
    });
}

/// The session of the calling process. A process that was never given one is
/// in the standalone session (single-user) or the stored-procedure session (server).
pub fn current_session() -> Option<Arc<Session>> {
    CURRENT.with(|c| match &*c.borrow() {
        Current::Is(s) => Some(s.clone()),
        Current::NoSession => None,
        Current::Default => Some(default_session()),
    })
}

fn default_session() -> Arc<Session> {
    match run_mode() {
        RunMode::SingleUser => standalone(),
        RunMode::Server => stored_procedures(),
    }
}

/// The session a process started from the calling one belongs to:
/// single-user → the same (standalone) session; on a server `New process`
/// is `Execute on server`, i.e. a stored procedure (RUNTIME.md trap 38).
/// The process starter calls this in the parent and [`set_current_session`]
/// in the child.
pub fn session_for_new_process() -> Option<Arc<Session>> {
    match run_mode() {
        RunMode::SingleUser => current_session(),
        RunMode::Server => Some(stored_procedures()),
    }
}

#[cfg(test)]
mod tests;
