//! Built-in commands, one file per theme.
//!
//! "Pure" commands need only their evaluated arguments; the interpreter resolves
//! them once by name with [`pure_command`] and calls them with the argument
//! values. A `*` operator argument (`Position("a";"b";1;*)`) is passed as the
//! text `"*"` ([`star`]); commands that accept it test the last argument with
//! [`is_star`].

pub mod charset;
pub mod collection_fns;
pub mod constants;
pub mod datetime;
pub mod digest;
pub mod json_cmds;
pub mod math;
pub mod misc;
pub mod text;

use crate::error::{RtResult, RuntimeError};
use crate::value::compare::{as_number, type_name};
use crate::value::Value;

pub use constants::constant_value;

/// What a built-in that runs 4D code (a formula passed to `.map()`, `.sort()`, …)
/// needs from the interpreter.
pub trait Host {
    /// Calls a formula / `4D.Function` value with `This` bound to `this`.
    fn call_function(
        &mut self,
        f: &Value,
        this: Option<Value>,
        args: Vec<Value>,
    ) -> RtResult<Value>;

    /// The value a pointer points to (`ck resolve pointers`).
    fn deref_pointer(&mut self, p: &Value) -> RtResult<Value> {
        Ok(p.clone())
    }
}

/// A built-in command that needs only its evaluated arguments.
pub type PureFn = fn(&[Value]) -> RtResult<Value>;

/// The pure command named `name` (the catalog name in lower case, e.g.
/// `"replace string"`), or `None`.
pub fn pure_command(name: &str) -> Option<PureFn> {
    PURE_COMMANDS
        .binary_search_by(|(n, _)| n.cmp(&name))
        .ok()
        .map(|i| PURE_COMMANDS[i].1)
}

/// Every pure command, sorted by name (checked by a test).
static PURE_COMMANDS: &[(&str, PureFn)] = &[
    ("abs", math::abs),
    ("add to date", datetime::add_to_date),
    ("arctan", math::arctan),
    ("blob size", misc::blob_size),
    ("bool", misc::bool_),
    ("change string", text::change_string),
    ("char", text::char_),
    ("character code", text::character_code),
    ("choose", misc::choose),
    ("compare strings", text::compare_strings),
    ("convert to text", charset::convert_to_text),
    ("cos", math::cos),
    ("current date", datetime::current_date),
    ("current machine", misc::current_machine),
    ("current system user", misc::current_system_user),
    ("current time", datetime::current_time),
    ("current user", misc::current_user),
    ("date", datetime::date),
    ("day number", datetime::day_number),
    ("day of", datetime::day_of),
    ("dec", math::dec),
    ("delete string", text::delete_string),
    ("exp", math::exp),
    ("false", misc::false_),
    ("generate digest", digest::generate_digest),
    ("generate password hash", digest::generate_password_hash),
    ("generate uuid", misc::generate_uuid),
    ("insert string", text::insert_string),
    ("int", math::int),
    ("is compiled mode", misc::is_compiled_mode),
    ("is macos", misc::is_macos),
    ("is windows", misc::is_windows),
    ("json parse", json_cmds::json_parse),
    ("json stringify", json_cmds::json_stringify),
    ("json stringify array", json_cmds::json_stringify_array),
    ("length", text::length),
    ("log", math::log),
    ("lowercase", text::lowercase),
    ("match regex", text::match_regex),
    ("milliseconds", datetime::milliseconds),
    ("mod", math::mod_),
    ("month of", datetime::month_of),
    ("new collection", misc::new_collection),
    ("new object", misc::new_object),
    ("new shared collection", misc::new_shared_collection),
    ("new shared object", misc::new_shared_object),
    ("not", misc::not),
    ("null", misc::null),
    ("num", text::num),
    ("ob copy", crate::runtime::shared::ob_copy),
    ("ob entries", misc::ob_entries),
    ("ob get", misc::ob_get),
    ("ob get type", misc::ob_get_type),
    ("ob is defined", misc::ob_is_defined),
    ("ob is empty", misc::ob_is_empty),
    ("ob is shared", misc::ob_is_shared),
    ("ob keys", misc::ob_keys),
    ("ob remove", misc::ob_remove),
    ("ob values", misc::ob_values),
    ("position", text::position),
    ("random", math::random),
    ("replace string", text::replace_string),
    ("round", math::round),
    ("session", crate::runtime::session::commands::session),
    (
        "session info",
        crate::runtime::session::commands::session_info,
    ),
    (
        "session storage",
        crate::runtime::session::commands::session_storage,
    ),
    (
        "session storage by id",
        crate::runtime::session::commands::session_storage,
    ),
    ("sin", math::sin),
    ("split string", text::split_string),
    ("square root", math::square_root),
    ("storage", misc::storage),
    ("string", text::string),
    ("substring", text::substring),
    ("tan", math::tan),
    ("temporary folder", misc::temporary_folder),
    ("tickcount", datetime::tickcount),
    ("time", datetime::time),
    ("time string", datetime::time_string),
    ("timestamp", datetime::timestamp),
    ("true", misc::true_),
    ("trunc", math::trunc),
    ("undefined", misc::undefined),
    ("uppercase", text::uppercase),
    ("value type", misc::value_type),
    ("verify password hash", digest::verify_password_hash),
    ("year of", datetime::year_of),
];

// ---- argument helpers shared by the theme files ----

/// 4D's error for a missing or wrongly typed command argument.
pub const ERR_ARG: i32 = 54;

/// The `*` operator argument as the interpreter passes it.
pub fn star() -> Value {
    Value::text("*")
}

/// True when `v` is the `*` operator argument.
pub fn is_star(v: &Value) -> bool {
    matches!(v, Value::Text(t) if t.as_str() == "*")
}

/// Splits a trailing `*` off the arguments.
pub fn split_star(args: &[Value]) -> (&[Value], bool) {
    match args.last() {
        Some(v) if is_star(v) => (&args[..args.len() - 1], true),
        _ => (args, false),
    }
}

pub(crate) fn arg_error(cmd: &str, i: usize, what: &str, got: &Value) -> RuntimeError {
    RuntimeError::new(
        ERR_ARG,
        format!(
            "{cmd}: parameter {} must be {what}, not {}",
            i + 1,
            type_name(got)
        ),
    )
}

/// Fails unless at least `n` arguments were passed.
pub(crate) fn need(cmd: &str, args: &[Value], n: usize) -> RtResult<()> {
    if args.len() < n {
        return Err(RuntimeError::new(
            ERR_ARG,
            format!(
                "{cmd}: expects at least {n} parameter(s), got {}",
                args.len()
            ),
        ));
    }
    Ok(())
}

/// Argument `i` as text; Undefined reads as "".
pub(crate) fn arg_text(cmd: &str, args: &[Value], i: usize) -> RtResult<String> {
    match args.get(i) {
        Some(Value::Text(t)) => Ok(t.as_str().to_owned()),
        Some(Value::Undefined) => Ok(String::new()),
        Some(other) => Err(arg_error(cmd, i, "a text", other)),
        None => Err(RuntimeError::new(
            ERR_ARG,
            format!("{cmd}: parameter {} is missing", i + 1),
        )),
    }
}

/// Argument `i` as a number (Longint, Real, Time); Undefined reads as 0.
pub(crate) fn arg_num(cmd: &str, args: &[Value], i: usize) -> RtResult<f64> {
    match args.get(i) {
        Some(Value::Undefined) => Ok(0.0),
        Some(v) => as_number(v).ok_or_else(|| arg_error(cmd, i, "a number", v)),
        None => Err(RuntimeError::new(
            ERR_ARG,
            format!("{cmd}: parameter {} is missing", i + 1),
        )),
    }
}

/// Optional numeric argument `i`.
pub(crate) fn opt_num(cmd: &str, args: &[Value], i: usize) -> RtResult<Option<f64>> {
    if i < args.len() {
        arg_num(cmd, args, i).map(Some)
    } else {
        Ok(None)
    }
}

/// Argument `i` as a whole number (truncated toward zero, clamped to i64).
pub(crate) fn arg_int(cmd: &str, args: &[Value], i: usize) -> RtResult<i64> {
    arg_num(cmd, args, i).map(|x| if x.is_finite() { x.trunc() as i64 } else { 0 })
}

pub(crate) fn opt_int(cmd: &str, args: &[Value], i: usize) -> RtResult<Option<i64>> {
    if i < args.len() {
        arg_int(cmd, args, i).map(Some)
    } else {
        Ok(None)
    }
}

/// A numeric result the way 4D returns it from commands: a Real.
pub(crate) fn real(x: f64) -> Value {
    Value::Real(x)
}

/// A Longint result.
pub(crate) fn long(x: i64) -> Value {
    Value::Int(x.clamp(i32::MIN as i64, i32::MAX as i64) as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_lower_case() {
        for w in PURE_COMMANDS.windows(2) {
            assert!(w[0].0 < w[1].0, "{} must sort before {}", w[0].0, w[1].0);
        }
        for (n, _) in PURE_COMMANDS {
            assert_eq!(*n, n.to_lowercase());
        }
    }

    #[test]
    fn lookup() {
        assert!(pure_command("replace string").is_some());
        assert!(pure_command("abs").is_some());
        assert!(pure_command("year of").is_some());
        assert!(pure_command("no such command").is_none());
        let f = pure_command("length").unwrap();
        assert!(matches!(f(&[Value::text("héllo")]).unwrap(), Value::Int(5)));
    }

    /// Every pure command with odd arguments: errors are fine, panics are not.
    #[test]
    fn no_panic_on_odd_arguments() {
        let odd = [
            Value::Undefined,
            Value::Null,
            Value::Bool(true),
            Value::Int(i32::MIN),
            Value::Real(f64::NAN),
            Value::Real(1e300),
            Value::Real(-1e300),
            Value::Real(f64::INFINITY),
            Value::text(""),
            Value::text("é@*"),
            Value::Time(i64::MAX),
            Value::Date(crate::value::Date {
                year: 32767,
                month: 12,
                day: 31,
            }),
            Value::Collection(crate::value::CollRef::new(vec![])),
            Value::Object(crate::value::ObjRef::new()),
        ];
        for (name, f) in PURE_COMMANDS {
            // bcrypt at its default cost is too slow to run a thousand times
            // (its odd arguments are tested in digest.rs).
            if *name == "generate password hash" {
                continue;
            }
            for a in &odd {
                for b in &odd {
                    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        let _ = f(&[]);
                        let _ = f(std::slice::from_ref(a));
                        let _ = f(&[a.clone(), b.clone()]);
                        let _ = f(&[Value::text("abc"), a.clone(), b.clone()]);
                        let _ = f(&[a.clone(), b.clone(), b.clone(), a.clone()]);
                    }));
                    assert!(r.is_ok(), "{name} panicked on {a:?}, {b:?}");
                }
            }
        }
    }

    #[test]
    fn star_split() {
        let a = [Value::text("x"), star()];
        let (rest, s) = split_star(&a);
        assert!(s);
        assert_eq!(rest.len(), 1);
        let (rest, s) = split_star(&a[..1]);
        assert!(!s);
        assert_eq!(rest.len(), 1);
    }
}
