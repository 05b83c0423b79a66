//! What the REPL needs from the evaluator: entries that run one after another
//! in one process, each seeing the locals (`$x`) the earlier ones left, and a
//! way to stop running code from outside (Ctrl-C).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use super::{errors, Frame, Interp, Method, R};
use crate::error::RtResult;
use crate::value::Value;

/// Set from outside (the REPL's SIGINT handler) to stop the running code.
pub static INTERRUPT: AtomicBool = AtomicBool::new(false);

/// 4D's code for a user interruption.
pub const INTERRUPTED: i32 = -128;

/// Polled as every block starts: fails once, clearing the flag, after an interrupt.
#[inline]
pub fn check_interrupt() -> R<()> {
    if INTERRUPT.load(Ordering::Relaxed) && INTERRUPT.swap(false, Ordering::SeqCst) {
        return Err(errors::err(INTERRUPTED, "Interrupted by the user"));
    }
    Ok(())
}

/// Locals kept between entries: case-folded name (without `$`) → value.
pub type Locals = indexmap::IndexMap<String, Value>;

impl Interp {
    /// Runs `m` as one REPL entry. Its locals start with the values in `locals`
    /// (by name), and every local it has is written back there afterwards, so the
    /// next entry sees them. Returns the method's result (`return expr`).
    pub fn run_entry_with_locals(
        &mut self,
        m: &Arc<Method>,
        locals: &mut Locals,
    ) -> RtResult<Value> {
        let base = self.stack.len();
        self.stack.extend(m.defaults.iter().cloned());
        for (slot, name) in m.slot_names.iter().enumerate() {
            if let Some(v) = locals.get(name) {
                self.stack[base + slot] = v.clone();
            }
        }
        let id = self.new_frame_id();
        let saved = self.base;
        self.frames.push(Frame {
            method: m.clone(),
            base,
            nargs: 0,
            extra: Vec::new(),
            this: Value::Undefined,
            id,
        });
        self.base = base;
        let r = self.exec_block(&m.body);
        let result = std::mem::take(&mut self.stack[base + m.result_slot as usize]);
        for (slot, name) in m.slot_names.iter().enumerate() {
            // `$0`, `$1`… are the entry's own parameters, not session locals.
            if slot as u32 == m.result_slot || name.starts_with('$') {
                continue;
            }
            let v = std::mem::take(&mut self.stack[base + slot]);
            if !v.is_undefined() || locals.contains_key(name) {
                locals.insert(name.clone(), v);
            }
        }
        self.stack.truncate(base);
        self.frames.pop();
        self.base = saved;
        self.flush();
        r.map(|_| result).map_err(|e| *e)
    }
}
