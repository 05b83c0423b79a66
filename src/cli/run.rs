//! `fourd run FILE.4dm [ARG…]` and `fourd run -e 'CODE'`.
//!
//! The method runs on a thread with a large stack: 4D recursion is bounded
//! by the interpreter's own depth limit ("Stack full"), never by the Rust stack.

use crate::error::RuntimeError;
use crate::interp::ir::VType;
use crate::interp::{Interp, Method, Program};
use crate::runtime::session::RunAs;
use crate::syntax::ast::Span;
use crate::value::{CollRef, Date, ObjRef, Value};
use std::path::PathBuf;
use std::sync::Arc;

/// Stack of the thread that runs 4D code.
const STACK_SIZE: usize = 1 << 30;

enum Source {
    File(PathBuf),
    Inline(String),
}

const USAGE: &str = "usage: fourd run [--server | --remote-user NAME] FILE.4dm [ARG…] | fourd run [--server | --remote-user NAME] -e 'CODE'";

/// Entry point of `fourd run`; `args` are the words after `run`.
pub fn main(args: &[String]) -> i32 {
    let mut source = None;
    let mut rest = Vec::new();
    let mut who = RunAs::Standalone;
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if source.is_none() {
            match a.as_str() {
                // Server modes (runtime::session): the main method's session.
                "--server" => {
                    who = RunAs::Server;
                    i += 1;
                    continue;
                }
                "--remote-user" => {
                    let Some(name) = args.get(i + 1) else {
                        eprintln!("fourd run: --remote-user needs a user name\n{USAGE}");
                        return 2;
                    };
                    who = RunAs::RemoteUser(name.clone());
                    i += 2;
                    continue;
                }
                "-e" => {
                    let Some(code) = args.get(i + 1) else {
                        eprintln!("fourd run: -e needs the code to run\n{USAGE}");
                        return 2;
                    };
                    source = Some(Source::Inline(code.clone()));
                    i += 2;
                    continue;
                }
                "-h" | "--help" => {
                    println!("{USAGE}");
                    return 0;
                }
                s if s.starts_with('-') && s.len() > 1 => {
                    eprintln!("fourd run: unknown option {s}\n{USAGE}");
                    return 2;
                }
                _ => {
                    source = Some(Source::File(PathBuf::from(a)));
                    i += 1;
                    continue;
                }
            }
        }
        rest.push(a.clone());
        i += 1;
    }
    let Some(source) = source else {
        eprintln!("{USAGE}");
        return 2;
    };
    if let Source::File(p) = &source {
        if !p.is_file() {
            eprintln!("fourd run: cannot open {}: no such file", p.display());
            return 2;
        }
    }
    let worker = std::thread::Builder::new()
        .name("4D main process".into())
        .stack_size(STACK_SIZE)
        .spawn(move || {
            std::panic::catch_unwind(move || run(source, rest, who)).unwrap_or_else(|_| {
                eprintln!("fourd: internal error (this is a bug in fourd)");
                1
            })
        });
    match worker {
        Ok(h) => h.join().unwrap_or(1),
        Err(e) => {
            eprintln!("fourd: cannot start the main process: {e}");
            2
        }
    }
}

fn run(source: Source, args: Vec<String>, who: RunAs) -> i32 {
    crate::runtime::shared::set_current_process(1);
    crate::runtime::session::begin_run(&who);
    crate::runtime::process::init_main();
    if let Source::File(p) = &source {
        // A project's roles.json is read at startup; a malformed one stops the run.
        if let Err(e) = crate::runtime::roles::load_for_method_file(p) {
            eprintln!("fourd: {e}");
            return 1;
        }
    }
    let (program, main, inline) = match &source {
        Source::File(p) => {
            let program = Arc::new(Program::for_file(p));
            let stem = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            let main = match program.method_id(&stem) {
                Some(id) => program.method(id),
                None => program.compile_inline(
                    &std::fs::read_to_string(p).unwrap_or_default(),
                    &stem,
                    &p.display().to_string(),
                ),
            };
            (program, main, None)
        }
        Source::Inline(code) => {
            let program = Arc::new(Program::empty());
            let main = program.compile_inline(code, "-e", "-e");
            (program, main, Some(code.clone()))
        }
    };
    let main = match main {
        Ok(m) => m,
        Err(e) => {
            report(&e, inline.as_deref());
            return 1;
        }
    };
    let argv = convert_args(&main, args);
    let mut interp = Interp::new(program);
    if let Some(p) = crate::runtime::process::get(1) {
        interp.interrupt = p.control.interrupt.clone();
    }
    let reporter_src = inline.clone();
    crate::runtime::process::set_error_reporter(move |e| report(e, reporter_src.as_deref()));
    let r = interp.run_main(&main, argv);
    interp.flush();
    let status = match r {
        Ok(_) => 0,
        // ABORT PROCESS BY ID on process 1: stopped, not failed.
        Err(e) if e.code == crate::runtime::process::ABORT_ERROR => 0,
        Err(e) => {
            report(&e, inline.as_deref());
            1
        }
    };
    // The run ends once no non-worker process runs and the workers are idle.
    crate::runtime::process::end_of_run(&mut interp);
    if crate::runtime::process::any_failed() {
        1
    } else {
        status
    }
}

/// Command-line words to the main method's declared parameter types.
fn convert_args(m: &Method, args: Vec<String>) -> Vec<Value> {
    args.into_iter()
        .enumerate()
        .map(|(i, a)| {
            let ty = m
                .param_slots
                .get(i)
                .and_then(|s| m.slot_types[*s as usize].clone());
            match ty {
                Some(VType::Integer) => Value::Int(a.trim().parse::<f64>().unwrap_or(0.0) as i32),
                Some(VType::Real) => Value::Real(a.trim().parse::<f64>().unwrap_or(0.0)),
                Some(VType::Boolean) => Value::Bool(matches!(
                    a.trim().to_ascii_lowercase().as_str(),
                    "true" | "1" | "yes"
                )),
                Some(VType::Date) => Value::Date(parse_date(&a)),
                Some(VType::Time) => Value::Time(parse_time(&a)),
                Some(VType::Object) | Some(VType::Collection) => json_value(&a),
                _ => Value::text(a),
            }
        })
        .collect()
}

fn parse_date(s: &str) -> Date {
    let parts: Vec<i64> = s
        .trim()
        .split(['-', '/', 'T'])
        .take(3)
        .map(|p| p.parse().unwrap_or(0))
        .collect();
    match parts.as_slice() {
        [y, m, d] => Date {
            year: *y as i32,
            month: *m as u32,
            day: *d as u32,
        },
        _ => Date::NULL,
    }
}

fn parse_time(s: &str) -> i64 {
    s.trim()
        .split(':')
        .take(3)
        .map(|p| p.parse::<i64>().unwrap_or(0))
        .zip([3600, 60, 1])
        .map(|(v, k)| v * k)
        .sum()
}

fn json_value(s: &str) -> Value {
    fn conv(j: serde_json::Value) -> Value {
        match j {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(b),
            serde_json::Value::Number(n) => Value::Real(n.as_f64().unwrap_or(0.0)),
            serde_json::Value::String(s) => Value::text(s),
            serde_json::Value::Array(a) => {
                Value::Collection(CollRef::new(a.into_iter().map(conv).collect()))
            }
            serde_json::Value::Object(o) => Value::Object(ObjRef::from_props(
                o.into_iter().map(|(k, v)| (k, conv(v))).collect(),
            )),
        }
    }
    serde_json::from_str(s).map(conv).unwrap_or(Value::Null)
}

/// Prints `PATH:LINE:COL: error CODE: MESSAGE`, the source line and a caret.
pub fn report(e: &RuntimeError, inline: Option<&str>) {
    eprint!("{}", render(e, inline));
}

pub fn render(e: &RuntimeError, inline: Option<&str>) -> String {
    let Some(loc) = &e.location else {
        return format!("error {}: {}\n", e.code, e.message);
    };
    let src = match inline {
        Some(s) if loc.path == "-e" => Some(s.to_string()),
        _ => std::fs::read_to_string(&loc.path).ok(),
    };
    // Syntax errors have no 4D number; runtime errors show theirs.
    let code = (e.code != crate::interp::errors::SYNTAX).then_some(e.code as i64);
    match src {
        Some(src) => {
            let off = offset_of(&src, loc.line, loc.column);
            super::diag::render(&loc.path, &src, Span::new(off, off), code, &e.message)
        }
        None => match code {
            Some(c) => format!(
                "{}:{}:{}: error {c}: {}\n",
                loc.path, loc.line, loc.column, e.message
            ),
            None => format!(
                "{}:{}:{}: error: {}\n",
                loc.path, loc.line, loc.column, e.message
            ),
        },
    }
}

/// Byte offset of 1-based `line`, `col` (in characters) in `src`.
fn offset_of(src: &str, line: usize, col: usize) -> usize {
    let mut off = 0;
    for (i, l) in src.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let in_line: usize = l
                .chars()
                .take(col.saturating_sub(1))
                .map(char::len_utf8)
                .sum();
            return off + in_line;
        }
        off += l.len();
    }
    src.len()
}
