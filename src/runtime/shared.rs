//! Shared objects and collections: `Use…End use` locking of shared groups,
//! the rules for writing shared values, and their constructors.
//!
//! A shared value's [`Sharing`] names its group; the group's [`GroupLock`]
//! records which process holds it and how many times (re-entrant, counted).
//! The uncontended `Use` is one small mutex round trip; only a `Use` that has
//! to wait goes through deadlock detection ([`deadlock`]).
//!
//! Error numbers: 4D documents only -10721. The others are fourd's choices
//! (4D raises errors there but their numbers are not documented); see
//! [`WRITE_OUTSIDE_USE`], [`OTHER_GROUP`], [`NOT_SHAREABLE_USE`] and
//! [`deadlock::DEADLOCK`].
//!
//! [`GroupLock`]: crate::value::object::GroupLock

pub mod copy;
pub mod deadlock;

pub use copy::{copy, copy_into_group, ob_copy, CK_SHARED};

use crate::error::{RtResult, RuntimeError};
use crate::value::{CollRef, ObjRef, Props, SharedGroup, Sharing, Value};
use parking_lot::Mutex;
use std::cell::Cell;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// "Not supported value type in a shared object or shared collection" (4D's number).
pub const NOT_SHAREABLE: i32 = -10721;
/// A shared object or collection modified outside `Use…End use` (number chosen by fourd).
pub const WRITE_OUTSIDE_USE: i32 = -10722;
/// A shared value already in a group put into another group (number chosen by fourd).
pub const OTHER_GROUP: i32 = -10723;
/// `Use` on something that is not an object or collection (number chosen by fourd).
pub const NOT_SHAREABLE_USE: i32 = -10724;

// ---------------------------------------------------------------------------
// The current process

thread_local! {
    /// The 4D process number of this OS thread; 0 until set.
    static CURRENT: Cell<i64> = const { Cell::new(0) };
}

/// Ids for threads that never called [`set_current_process`] (tests, helper
/// threads): unique and negative, so they never collide with a 4D process.
static NEXT_ANON: AtomicI64 = AtomicI64::new(-1_000_000_000);

/// Declares the 4D process number of the calling thread (the main process is 1).
/// The interpreter calls this first thing in every process it starts.
pub fn set_current_process(n: i64) {
    CURRENT.with(|c| c.set(n));
}

/// The 4D process number of the calling thread. A thread that never declared
/// one gets a unique negative id, so that it never shares locks with another.
pub fn current_process() -> i64 {
    CURRENT.with(|c| match c.get() {
        0 => {
            let id = NEXT_ANON.fetch_sub(1, Ordering::Relaxed);
            c.set(id);
            id
        }
        n => n,
    })
}

// ---------------------------------------------------------------------------
// The lock of a group

/// Takes `g` for process `me`: free → ours with count 1; ours → count + 1;
/// another's → wait (or fail with a deadlock error).
fn lock_group(g: &Arc<SharedGroup>, me: i64) -> RtResult<()> {
    {
        let mut st = g.lock.state.lock();
        match st.owner {
            None => {
                st.owner = Some(me);
                st.count = 1;
                return Ok(());
            }
            Some(o) if o == me => {
                st.count += 1;
                return Ok(());
            }
            Some(_) => {}
        }
    }
    lock_group_contended(g, me)
}

/// How long a waiter sleeps before it checks the wait-for graph again. The
/// process that closes a cycle is refused at once; this is only a safety net.
const RECHECK: Duration = Duration::from_millis(100);

#[cold]
fn lock_group_contended(g: &Arc<SharedGroup>, me: i64) -> RtResult<()> {
    loop {
        deadlock::register_wait(me, g)?;
        let mut st = g.lock.state.lock();
        loop {
            match st.owner {
                None => {
                    st.owner = Some(me);
                    st.count = 1;
                    drop(st);
                    deadlock::unregister_wait(me);
                    return Ok(());
                }
                Some(o) if o == me => {
                    st.count += 1;
                    drop(st);
                    deadlock::unregister_wait(me);
                    return Ok(());
                }
                Some(_) => {}
            }
            if g.lock.released.wait_for(&mut st, RECHECK).timed_out() {
                // Re-check the wait-for graph; the state lock must be released
                // first (lock order: registry, then state).
                break;
            }
        }
    }
}

/// Gives one count of `g` back; at 0 the group is free and one waiter wakes.
fn unlock_group(g: &SharedGroup, me: i64) {
    let mut st = g.lock.state.lock();
    if st.owner == Some(me) && st.count > 0 {
        st.count -= 1;
        if st.count == 0 {
            st.owner = None;
            drop(st);
            g.lock.released.notify_one();
        }
    }
}

/// Locks the group behind `sharing` for the current process. For a value whose
/// group changed while we waited (it joined another group), retries on the new one.
fn acquire(sharing: &Sharing, me: i64) -> RtResult<Option<Arc<SharedGroup>>> {
    match sharing {
        Sharing::None => Ok(None),
        Sharing::Root(g) => {
            lock_group(g, me)?;
            Ok(Some(g.clone()))
        }
        Sharing::Group(m) => loop {
            let g = m.lock().clone();
            lock_group(&g, me)?;
            if Arc::ptr_eq(&m.lock(), &g) {
                return Ok(Some(g));
            }
            unlock_group(&g, me);
        },
    }
}

fn held_by(g: &SharedGroup, me: i64) -> bool {
    g.lock.state.lock().owner == Some(me)
}

// ---------------------------------------------------------------------------
// Use…End use, automatic Use, write checks

/// Held by the interpreter for the body of `Use(x)`; `End use` is its drop, so
/// the lock is given back on every way out of the block (return, break,
/// errors caught by `Try` or `ON ERR CALL`).
#[must_use = "dropping the guard is `End use`"]
pub struct UseGuard {
    group: Option<Arc<SharedGroup>>,
    owner: i64,
}

impl UseGuard {
    /// True when the guard holds a lock (false for `Use` on a regular object).
    pub fn is_locking(&self) -> bool {
        self.group.is_some()
    }
}

impl Drop for UseGuard {
    fn drop(&mut self) {
        if let Some(g) = self.group.take() {
            unlock_group(&g, self.owner);
        }
    }
}

impl std::fmt::Debug for UseGuard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.group {
            Some(g) => write!(f, "UseGuard(group #{}, process {})", g.id, self.owner),
            None => write!(f, "UseGuard(none)"),
        }
    }
}

/// `Use(x)`: locks x's whole group for the current process (re-entrant,
/// counted); waits while another process holds it. `Use` on a regular object
/// or collection locks nothing (not documented by 4D; fourd accepts it).
/// On anything else → error [`NOT_SHAREABLE_USE`].
pub fn use_begin(x: &Value) -> RtResult<UseGuard> {
    let sharing = match x {
        Value::Object(o) => &o.0.sharing,
        Value::Collection(c) => &c.0.sharing,
        _ => {
            return Err(RuntimeError::new(
                NOT_SHAREABLE_USE,
                "Use requires a shared object or a shared collection",
            ))
        }
    };
    let owner = current_process();
    let group = acquire(sharing, owner)?;
    Ok(UseGuard { group, owner })
}

/// `End use`: the same as dropping the guard.
pub fn use_end(guard: UseGuard) {
    drop(guard);
}

/// Held while a collection function (`push`, `sort`…), `OB REMOVE` or a
/// `shared Function` modifies a shared value: an implicit `Use…End use`.
pub type AutoUse = UseGuard;

/// Takes the lock of `sharing` for the duration of the returned guard
/// (nothing to lock for a regular value).
pub fn auto_use(sharing: &Sharing) -> RtResult<AutoUse> {
    let owner = current_process();
    let group = match sharing {
        Sharing::None => None,
        _ => acquire(sharing, owner)?,
    };
    Ok(UseGuard { group, owner })
}

/// Fails with 4D's error when the current process may not modify a value with
/// this sharing: a shared object or collection outside `Use` on its group
/// (for `Storage` / `Session.storage`: outside `Use` on that object itself).
pub fn check_write(sharing: &Sharing) -> RtResult<()> {
    let ok = match sharing {
        Sharing::None => return Ok(()),
        Sharing::Root(g) => held_by(g, current_process()),
        // Lock order: a value's group pointer, then the group's state.
        Sharing::Group(m) => held_by(&m.lock(), current_process()),
    };
    if ok {
        Ok(())
    } else {
        Err(write_outside_use())
    }
}

fn write_outside_use() -> RuntimeError {
    RuntimeError::new(
        WRITE_OUTSIDE_USE,
        "A shared object or collection can only be modified inside Use…End use",
    )
}

/// Everything to do before storing `value` into a container with sharing
/// `into`: [`check_write`], then [`make_shareable`].
pub fn prepare_store(into: &Sharing, value: &mut Value) -> RtResult<()> {
    match into {
        Sharing::None => Ok(()),
        // The hot path (`$s.count:=$s.count+1` inside Use): one look at the
        // group for the write check, none for a scalar.
        Sharing::Group(m) if !matches!(value, Value::Object(_) | Value::Collection(_)) => {
            if !held_by(&m.lock(), current_process()) {
                return Err(write_outside_use());
            }
            share_scalar(value)
        }
        _ => {
            check_write(into)?;
            make_shareable(value, into)
        }
    }
}

// ---------------------------------------------------------------------------
// Group rules

/// Prepares `value` to be stored in a container with sharing `into`:
/// - into a regular container: nothing;
/// - into `Storage` / `Session.storage` (Root): only shared objects and
///   collections (else -10721); they keep their own group;
/// - into a shared group: numbers become Real, times become milliseconds;
///   pointers, blobs, arrays and regular objects/collections → -10721; a
///   shared value alone in its group joins `into`'s group; one already in
///   another group → [`OTHER_GROUP`]. Groups never split.
pub fn make_shareable(value: &mut Value, into: &Sharing) -> RtResult<()> {
    match into {
        Sharing::None => Ok(()),
        Sharing::Root(_) => match value {
            Value::Object(o) if o.is_shared() => Ok(()),
            Value::Collection(c) if c.is_shared() => Ok(()),
            _ => Err(RuntimeError::new(
                NOT_SHAREABLE,
                "Storage can only hold shared objects and shared collections",
            )),
        },
        Sharing::Group(m) => {
            let gc = m.lock().clone();
            share_into(value, &gc)
        }
    }
}

/// Converts a scalar for a shared container, or makes an object or
/// collection join group `gc`.
pub(crate) fn share_into(value: &mut Value, gc: &Arc<SharedGroup>) -> RtResult<()> {
    match value {
        Value::Object(o) => join(&o.0.sharing, gc),
        Value::Collection(c) => join(&c.0.sharing, gc),
        _ => share_scalar(value),
    }
}

/// Converts a scalar for a shared container: numbers are stored as Real,
/// times as milliseconds; pointers, blobs and arrays are refused (-10721).
fn share_scalar(value: &mut Value) -> RtResult<()> {
    match value {
        Value::Int(i) => *value = Value::Real(f64::from(*i)),
        Value::Time(s) => *value = Value::Real(*s as f64 * 1000.0),
        Value::Pointer(_) | Value::Blob(_) | Value::Array(_) => return Err(not_shareable()),
        _ => {}
    }
    Ok(())
}

pub(crate) fn not_shareable() -> RuntimeError {
    RuntimeError::new(
        NOT_SHAREABLE,
        "Not supported value type in a shared object or shared collection",
    )
}

/// Makes the shared value with `sharing` a member of group `gc`.
fn join(sharing: &Sharing, gc: &Arc<SharedGroup>) -> RtResult<()> {
    let m = match sharing {
        Sharing::None => return Err(not_shareable()),
        // Storage and Session.storage never form groups, inside or outside.
        Sharing::Root(_) => return Ok(()),
        Sharing::Group(m) => m,
    };
    let me = current_process();
    loop {
        let gx = m.lock().clone();
        if Arc::ptr_eq(&gx, gc) {
            return Ok(());
        }
        if gx.joined.load(Ordering::Acquire) {
            return Err(RuntimeError::new(
                OTHER_GROUP,
                "This shared object or collection already belongs to another shared group",
            ));
        }
        // Wait until no other process is inside Use on the value, then move it.
        lock_group(&gx, me)?;
        let moved = {
            let mut cur = m.lock();
            if Arc::ptr_eq(&cur, &gx) && !gx.joined.load(Ordering::Acquire) {
                *cur = gc.clone();
                gc.joined.store(true, Ordering::Release);
                // The old group is retired: nothing may join it any more.
                gx.joined.store(true, Ordering::Release);
                true
            } else {
                false
            }
        };
        unlock_group(&gx, me);
        if moved {
            return Ok(());
        }
    }
}

// ---------------------------------------------------------------------------
// Constructors

/// A sharing in a fresh group of its own.
pub(crate) fn group_sharing(g: &Arc<SharedGroup>) -> Sharing {
    Sharing::Group(Mutex::new(g.clone()))
}

/// `New shared object(…)`: the values go through the same rules as an
/// assignment (shared values passed in join the new object's group).
pub fn new_shared_object(mut props: Props) -> RtResult<ObjRef> {
    let g = SharedGroup::new();
    for v in props.values_mut() {
        share_into(v, &g)?;
    }
    Ok(ObjRef::with(props, None, None, group_sharing(&g)))
}

/// `New shared collection(…)`.
pub fn new_shared_collection(mut items: Vec<Value>) -> RtResult<CollRef> {
    let g = SharedGroup::new();
    for v in items.iter_mut() {
        share_into(v, &g)?;
    }
    Ok(CollRef::with(items, group_sharing(&g)))
}

/// A new empty root object like `Storage` or a `Session.storage`: shared,
/// locked on its own, never pulling what it holds into its group.
pub fn new_storage_root() -> ObjRef {
    ObjRef::with(
        Props::default(),
        None,
        None,
        Sharing::Root(SharedGroup::new()),
    )
}

/// The `Storage` object: one per run (fourd has no components).
pub fn storage() -> ObjRef {
    static STORAGE: OnceLock<ObjRef> = OnceLock::new();
    STORAGE.get_or_init(new_storage_root).clone()
}

/// `OB Is shared`: true for shared objects and collections (Storage included).
pub fn is_shared(v: &Value) -> bool {
    match v {
        Value::Object(o) => o.is_shared(),
        Value::Collection(c) => c.is_shared(),
        _ => false,
    }
}

/// The group id of a shared value (diagnostics and tests).
pub fn group_id(v: &Value) -> Option<u64> {
    let sharing = match v {
        Value::Object(o) => &o.0.sharing,
        Value::Collection(c) => &c.0.sharing,
        _ => return None,
    };
    match sharing {
        Sharing::None => None,
        Sharing::Root(g) => Some(g.id),
        Sharing::Group(m) => Some(m.lock().id),
    }
}

#[cfg(test)]
mod tests;
