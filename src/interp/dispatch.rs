//! Command dispatch: one table from a command's case-folded name to the Rust
//! function that runs it. The compiler resolves every command call through
//! [`lookup`] once, so a call at run time is a plain function-pointer call.
//!
//! ## Adding commands (for every module that provides some)
//! Write, in your own module,
//! ```ignore
//! pub fn register(r: &mut crate::interp::dispatch::Registry) {
//!     r.add("Session storage", session_storage);
//! }
//! fn session_storage(cx: &mut crate::interp::Interp, args: &[Value]) -> RtResult<Value> { … }
//! ```
//! and add `your::module::register` to [`PROVIDERS`] below (one line).
//! A command gets the running process (`cx`: process number, per-process
//! extension data, output, calling methods and formulas) and its arguments,
//! already evaluated. Names are matched case-insensitively; when two
//! providers register one name, the first in [`PROVIDERS`] wins.

use super::Interp;
use crate::error::RtResult;
use crate::value::Value;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A built-in command: the running process and the evaluated arguments.
pub type CommandFn = fn(&mut Interp, &[Value]) -> RtResult<Value>;

/// The name → function table being built by the providers.
#[derive(Default)]
pub struct Registry {
    map: HashMap<String, CommandFn>,
}

impl Registry {
    /// Registers `name` (any case; spaces as in the catalog).
    pub fn add(&mut self, name: &str, f: CommandFn) {
        self.map.entry(fold(name)).or_insert(f);
    }

    pub fn get(&self, name: &str) -> Option<CommandFn> {
        self.map.get(&fold(name)).copied()
    }
}

/// Every module that provides commands, in priority order.
const PROVIDERS: &[fn(&mut Registry)] = &[
    super::commands::register,
    super::documents::register,
    super::files::register,
    crate::runtime::session::commands::register,
    crate::runtime::process::commands::register,
];

fn registry() -> &'static Registry {
    static REG: OnceLock<Registry> = OnceLock::new();
    REG.get_or_init(|| {
        let mut r = Registry::default();
        for p in PROVIDERS {
            p(&mut r);
        }
        r
    })
}

/// The function of command `name`, if some provider registered it.
pub fn lookup(name: &str) -> Option<CommandFn> {
    registry().get(name)
}

/// Case-folds a command or method name (ASCII lower case; spaces collapsed).
pub fn fold(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    let mut space = false;
    for c in name.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !s.is_empty() {
            s.push(' ');
        }
        space = false;
        s.extend(c.to_lowercase());
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dispatch_fold_is_case_and_space_insensitive() {
        assert_eq!(fold("  Size  of ARRAY "), "size of array");
    }

    #[test]
    fn dispatch_finds_core_commands_in_any_case() {
        assert!(lookup("alert").is_some());
        assert!(lookup("ALERT").is_some());
        assert!(lookup("no such command").is_none());
    }
}
