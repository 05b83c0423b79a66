//! Deadlock detection for `Use`: a wait-for registry (process → the group it
//! waits for) walked through each group's owner. 4D itself just hangs; fourd
//! refuses the `Use` that would close a cycle and raises [`DEADLOCK`] in that
//! one process, so the others go on once it unwinds and releases its groups.
//!
//! Only the contended path comes here; an uncontended `Use` never touches the
//! registry. Lock order: registry mutex, then a group's state mutex (never the
//! reverse), so walking owners while holding the registry cannot deadlock.

use crate::error::RuntimeError;
use crate::value::SharedGroup;
use parking_lot::Mutex;
use std::sync::Arc;

/// fourd's own error number for a `Use` refused because it would deadlock
/// (4D has none: it waits forever).
pub const DEADLOCK: i32 = -10729;

/// Processes currently waiting in `Use`, with the group each waits for.
/// A Vec: it holds at most one entry per blocked process.
static WAITS: Mutex<Vec<(i64, Arc<SharedGroup>)>> = Mutex::new(Vec::new());

/// Registers `me` as waiting for `group`, unless waiting would close a cycle:
/// then returns the 4D error naming the processes and groups involved.
/// Check and registration happen under one lock, so of the processes forming
/// a cycle exactly the last to arrive is refused.
pub(crate) fn register_wait(me: i64, group: &Arc<SharedGroup>) -> Result<(), RuntimeError> {
    let chain = {
        let mut waits = WAITS.lock();
        waits.retain(|(p, _)| *p != me);
        match find_cycle(&waits, me, group) {
            Some(chain) => chain,
            None => {
                waits.push((me, group.clone()));
                return Ok(());
            }
        }
    };
    // Formatted outside the registry lock: it looks up process names.
    Err(deadlock_error(me, &chain))
}

/// Removes `me` from the registry (it got its group, or gave up).
pub(crate) fn unregister_wait(me: i64) {
    WAITS.lock().retain(|(p, _)| *p != me);
}

/// Follows group → owner → group that owner waits for → … from `group`.
/// Returns the (group id, owner) links if the chain comes back to `me`.
fn find_cycle(
    waits: &[(i64, Arc<SharedGroup>)],
    me: i64,
    group: &Arc<SharedGroup>,
) -> Option<Vec<(u64, i64)>> {
    let mut chain = Vec::new();
    let mut g = group.clone();
    // Each step visits a distinct waiting process, so the walk is bounded.
    for _ in 0..=waits.len() {
        let owner = g.lock.state.lock().owner?;
        chain.push((g.id, owner));
        if owner == me {
            return Some(chain);
        }
        let (_, next) = waits.iter().find(|(p, _)| *p == owner)?;
        g = next.clone();
    }
    None
}

/// `process 2 ("worker")`, or `process 2` when it has no name.
fn process_label(n: i64) -> String {
    match crate::runtime::process::get(n).map(|p| p.name.clone()) {
        Some(name) if !name.is_empty() => format!("process {n} (\"{name}\")"),
        _ => format!("process {n}"),
    }
}

fn deadlock_error(me: i64, chain: &[(u64, i64)]) -> RuntimeError {
    let mut msg = format!(
        "Deadlock: {} waits in Use for shared group #{}",
        process_label(me),
        chain[0].0
    );
    for (i, (gid, owner)) in chain.iter().enumerate() {
        if i > 0 {
            msg.push_str(&format!(", which waits for shared group #{gid}"));
        }
        if *owner == me {
            msg.push_str(&format!(" held by process {owner}"));
        } else {
            msg.push_str(&format!(" held by {}", process_label(*owner)));
        }
    }
    msg.push_str("; this Use was refused instead of waiting forever");
    RuntimeError::new(DEADLOCK, msg)
}
