//! The evaluator: resolves a parsed method once (`compile`), then executes
//! the resolved form (`eval`). One [`Interp`] is one 4D process: its own
//! process variables, call stack and error state; the [`Program`] (methods,
//! classes, interprocess variables) is shared by every process.

pub mod class;
pub mod commands;
pub mod compile;
pub mod dispatch;
pub mod documents;
pub mod errors;
pub mod eval;
pub mod files;
pub mod ir;
pub mod ops;
pub mod out_cmds;
pub mod program;
pub mod repl_api;

pub use program::Program;

use crate::error::{Location, RtResult, RuntimeError};
use crate::syntax::LineIndex;
use crate::value::Value;
use ir::{St, VType};
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Internal result: errors are boxed so that `Result<Value, _>` stays small.
pub type R<T> = Result<T, Box<RuntimeError>>;

/// A compiled method, class function, constructor or formula.
#[derive(Debug)]
pub struct Method {
    /// Name as 4D shows it (`Current method name`): `fib`, `Person.greet`.
    pub name: String,
    /// File path for error messages (`-e` for inline code).
    pub path: Arc<str>,
    pub src: Arc<str>,
    pub lines: LineIndex,
    pub n_slots: u32,
    /// The initial value of every slot (its declared type's default).
    pub defaults: Vec<Value>,
    pub slot_types: Vec<Option<VType>>,
    /// `slot_types` as a small tag for the assignment fast path
    /// (see `compile::KIND_*`).
    pub kinds: Vec<u8>,
    /// `$1..$n` → slot.
    pub param_slots: Vec<u32>,
    /// Parameter `i` is slot `i` for every `i` (arguments can be pushed as evaluated).
    pub dense_params: bool,
    /// Types checked at the call (`#DECLARE` / `Function` parameters).
    pub strict: Vec<bool>,
    /// `C_TEXT(${4})`: parameters from this (1-based) index on have this type.
    pub generic: Option<(usize, VType)>,
    /// The slot of `$0` / the declared result.
    pub result_slot: u32,
    pub body: Vec<St>,
    /// The class that defines this function (for `Super`).
    pub owner_class: Option<Arc<str>>,
    /// The name of every slot (case-folded local name), for the REPL's persistent locals.
    pub slot_names: Vec<String>,
}

impl Method {
    /// `path:line:col` of a byte offset of this method.
    pub fn location(&self, pos: u32) -> Location {
        let (line, column) = self.lines.line_col(&self.src, pos);
        Location {
            path: self.path.to_string(),
            line,
            column,
            method: self.name.clone(),
        }
    }
}

/// One running call.
pub(crate) struct Frame {
    pub method: Arc<Method>,
    pub base: usize,
    pub nargs: u32,
    /// Arguments past the statically known parameters (`${N}`).
    pub extra: Vec<Value>,
    pub this: Value,
    pub id: u64,
}

/// Control flow out of a statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    Normal,
    Break,
    Continue,
    Return,
}

/// How deep 4D calls may nest before "Stack full".
pub const MAX_DEPTH: usize = 10_000;

/// One 4D process: the state a running method sees.
pub struct Interp {
    pub program: Arc<Program>,
    pub(crate) stack: Vec<Value>,
    pub(crate) base: usize,
    pub(crate) frames: Vec<Frame>,
    next_frame_id: u64,
    pub(crate) procvars: Vec<Value>,
    pub(crate) proctypes: Vec<Option<VType>>,
    /// Process number (1 for the main process of a run).
    pub process_number: i64,
    ext: HashMap<TypeId, Box<dyn Any + Send>>,
    pub(crate) try_depth: u32,
    pub(crate) err_handler: Option<String>,
    pub(crate) in_handler: bool,
    /// Set when the error handler itself failed: the error is not handled again.
    pub(crate) fatal: bool,
    /// The error stack that `Last errors` returns.
    pub last_errors: Vec<RuntimeError>,
    /// Errors thrown in deferred mode (`throw({…; deferred: True})`), with the
    /// id of the frame that threw them: raised when that method returns.
    pub(crate) deferred: Vec<(u64, RuntimeError)>,
    /// The deferred errors raised together, for `Last errors`.
    pub(crate) deferred_batch: Vec<RuntimeError>,
    out: std::io::BufWriter<std::io::Stdout>,
    /// Output captured instead of written (tests, the REPL).
    pub capture: Option<String>,
    /// Set by another process (`DELAY PROCESS`, `ABORT PROCESS BY ID`);
    /// tested before each statement and at the start of every block, handled by `runtime::process::on_interrupt`.
    pub interrupt: Arc<AtomicBool>,
    /// Flush after every write (the REPL: output shows while code still runs).
    pub autoflush: bool,
    /// Whether the output written so far ends a line (the REPL starts its prompt on a new one).
    pub at_line_start: bool,
}

impl Interp {
    pub fn new(program: Arc<Program>) -> Interp {
        let mut it = Interp::bare(program);
        // System variables are typed process variables with empty values.
        for (name, t) in [
            ("ok", VType::Integer),
            ("error", VType::Integer),
            ("error line", VType::Integer),
            ("error method", VType::Text),
            ("error formula", VType::Text),
            ("document", VType::Text),
        ] {
            it.set_procvar(name, compile::default_of(&t));
            if let Some(i) = it.program.interner.lookup(name) {
                it.proctypes[i as usize] = Some(t);
            }
        }
        it
    }

    fn bare(program: Arc<Program>) -> Interp {
        Interp {
            program,
            stack: Vec::with_capacity(1024),
            base: 0,
            frames: Vec::with_capacity(64),
            next_frame_id: 1,
            procvars: Vec::new(),
            proctypes: Vec::new(),
            process_number: 1,
            ext: HashMap::new(),
            try_depth: 0,
            err_handler: None,
            in_handler: false,
            fatal: false,
            last_errors: Vec::new(),
            deferred: Vec::new(),
            deferred_batch: Vec::new(),
            out: std::io::BufWriter::new(std::io::stdout()),
            capture: None,
            interrupt: Arc::new(AtomicBool::new(false)),
            autoflush: false,
            at_line_start: true,
        }
    }

    /// Writes program output (ALERT, LOG EVENT) to stdout, or to `capture`.
    pub fn write_out(&mut self, s: &str) {
        if let Some(last) = s.chars().last() {
            self.at_line_start = last == '\n';
        }
        match &mut self.capture {
            Some(c) => c.push_str(s),
            None => {
                let _ = self.out.write_all(s.as_bytes());
                if self.autoflush {
                    let _ = self.out.flush();
                }
            }
        }
    }

    pub fn flush(&mut self) {
        let _ = self.out.flush();
    }

    /// Per-process data owned by another module (a session, `Use` counts…).
    pub fn ext_mut<T: Any + Send + Default>(&mut self) -> &mut T {
        self.ext
            .entry(TypeId::of::<T>())
            .or_insert_with(|| Box::new(T::default()))
            .downcast_mut::<T>()
            .expect("ext entry has its key's type")
    }

    /// Calls project method `name` (case-insensitive) with `args`.
    pub fn call_method_by_name(&mut self, name: &str, args: Vec<Value>) -> RtResult<Value> {
        let id = self.program.method_id(name).ok_or_else(|| {
            RuntimeError::new(
                errors::METHOD_NOT_FOUND,
                format!("The method '{name}' does not exist"),
            )
        })?;
        let m = self.program.method(id).map_err(|e| *e)?;
        self.invoke(&m, args, Value::Undefined).map_err(|e| *e)
    }

    /// Runs a compiled method as the main method of this process.
    pub fn run_main(&mut self, m: &Arc<Method>, args: Vec<Value>) -> RtResult<Value> {
        let r = self.invoke(m, args, Value::Undefined).map_err(|e| *e);
        self.flush();
        r
    }

    /// Name of the running method (`Current method name`).
    pub fn current_method_name(&self) -> String {
        self.frames
            .last()
            .map(|f| f.method.name.clone())
            .unwrap_or_default()
    }

    /// Location of byte `pos` in the running method.
    pub(crate) fn here(&self, pos: u32) -> Location {
        match self.frames.last() {
            Some(f) => f.method.location(pos),
            None => Location {
                path: String::new(),
                line: 0,
                column: 0,
                method: String::new(),
            },
        }
    }

    /// True when another process asked for this one's attention.
    #[inline]
    pub(crate) fn interrupted(&self) -> bool {
        self.interrupt.load(Ordering::Relaxed)
    }

    pub(crate) fn new_frame_id(&mut self) -> u64 {
        self.next_frame_id += 1;
        self.next_frame_id
    }
}

impl crate::runtime::commands::Host for Interp {
    fn call_function(
        &mut self,
        f: &Value,
        this: Option<Value>,
        args: Vec<Value>,
    ) -> RtResult<Value> {
        // A callback given as a method name (`$c.map("myMethod")`).
        if let Value::Text(name) = f {
            return self.call_method_by_name(name, args);
        }
        self.call_value(f, this.unwrap_or(Value::Undefined), args)
            .map_err(|e| *e)
    }

    fn deref_pointer(&mut self, p: &Value) -> RtResult<Value> {
        let Value::Pointer(t) = p else {
            return Ok(p.clone());
        };
        let loc = self.loc_of_pointer(t).map_err(|e| *e)?;
        self.read_loc(&loc).map_err(|e| *e)
    }
}
