//! `fourd repl` (and plain `fourd` on a terminal): an interactive 4D console.
//!
//! The loop itself ([`Repl`]) knows nothing of terminals or of the interpreter:
//! it takes lines, decides when an entry is complete, handles `:` commands and
//! hands entries to an [`Engine`]. `main` wires it to rustyline and to the real
//! interpreter.

mod blocks;
mod complete;
mod display;
mod engine;
mod helper;
mod highlight;
mod scan;
mod signal;
mod vocab;

use std::cell::RefCell;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use rustyline::config::{Builder, ColorMode, CompletionType, EditMode};
use rustyline::error::ReadlineError;
use rustyline::history::{FileHistory, History};
use rustyline::Editor;

pub use blocks::{entry_state, EntryState};
pub use complete::Scope;

/// What running one entry produced (its own output, such as `ALERT`'s, is already printed).
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The entry was a bare expression: its value, rendered for display.
    Value(String),
    /// A statement, or an expression with no value to show.
    Nothing,
    /// An error, rendered in the `PATH:LINE:COL: error CODE: MESSAGE` format.
    Error(String),
}

/// The session the REPL talks to: one standalone 4D session whose variables
/// and shared state persist from entry to entry.
pub trait Engine: Scope {
    /// Runs `code` (one or more lines); `origin` names it in error messages
    /// (`<repl>`, or a file given to `:load`).
    fn run_entry(&mut self, code: &str, origin: &str) -> Outcome;
    /// The variables in scope and their values, for `:vars`.
    fn variables(&self) -> Vec<(String, String)>;
    /// Forgets every variable and all session state, as a fresh start would.
    fn reset(&mut self);
}

/// What the loop asks of its caller after a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// The entry is unfinished: prompt for another line, indented `depth` levels.
    More {
        depth: usize,
    },
    /// The entry ran (or there was nothing to run); `entry` is what to keep in history.
    Done {
        entry: String,
    },
    Quit,
}

const HELP: &str = "\
Type 4D code and press Enter. An expression shows its value; statements run.
Blocks (If, For, Case of, While, Repeat, Use, Try, …) and open brackets
continue on the next lines until they are closed; Ctrl-C drops the entry.

  :help          this text
  :vars          variables and their values
  :load FILE     run a method file in this session
  :reset         forget all variables and session state
  :quit          leave (Ctrl-D on an empty line does too)

Tab completes commands (with their spaces), keywords, constants, variables
and, after `$object.`, its properties.";

/// The line-by-line core of the REPL.
pub struct Repl<E: Engine> {
    engine: Rc<RefCell<E>>,
    pending: Vec<String>,
}

impl<E: Engine> Repl<E> {
    pub fn new(engine: Rc<RefCell<E>>) -> Self {
        Repl {
            engine,
            pending: Vec::new(),
        }
    }

    /// Whether an unfinished entry is waiting for more lines.
    pub fn is_continuing(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Drops the unfinished entry (Ctrl-C).
    pub fn cancel(&mut self) {
        self.pending.clear();
    }

    /// Takes one line of input; values go to `out`, errors to `err`.
    pub fn feed(&mut self, line: &str, out: &mut dyn Write, err: &mut dyn Write) -> Step {
        if self.pending.is_empty() {
            if let Some(cmd) = meta_command(line) {
                return self.meta(cmd, line.trim(), out, err);
            }
        }
        self.pending.push(line.to_string());
        let entry = self.pending.join("\n");
        let state = entry_state(&entry);
        if !state.complete {
            return Step::More { depth: state.depth };
        }
        self.pending.clear();
        if !entry.trim().is_empty() {
            signal::take();
            let outcome = self.engine.borrow_mut().run_entry(&entry, "<repl>");
            show(outcome, out, err);
        }
        Step::Done {
            entry: entry.trim_end().to_string(),
        }
    }

    fn meta(&mut self, cmd: &str, line: &str, out: &mut dyn Write, err: &mut dyn Write) -> Step {
        let arg = line[1 + cmd.len()..].trim();
        match cmd {
            "help" | "h" | "?" => {
                let _ = writeln!(out, "{HELP}");
            }
            "quit" | "q" | "exit" => return Step::Quit,
            "vars" | "v" => {
                let vars = self.engine.borrow().variables();
                if vars.is_empty() {
                    let _ = writeln!(out, "(no variables)");
                }
                for (name, value) in vars {
                    let value = value.replace('\n', "\n    ");
                    let _ = writeln!(out, "{name} = {value}");
                }
            }
            "reset" => {
                self.engine.borrow_mut().reset();
                let _ = writeln!(out, "(session reset)");
            }
            "load" | "l" => {
                if arg.is_empty() {
                    let _ = writeln!(err, "usage: :load FILE");
                } else {
                    match std::fs::read_to_string(arg) {
                        Ok(code) => {
                            signal::take();
                            let outcome = self.engine.borrow_mut().run_entry(&code, arg);
                            show(outcome, out, err);
                        }
                        Err(e) => {
                            let _ = writeln!(err, "{arg}: cannot read: {e}");
                        }
                    }
                }
            }
            _ => {
                let _ = writeln!(err, "unknown command :{cmd} (:help lists them)");
            }
        }
        Step::Done {
            entry: line.to_string(),
        }
    }
}

/// `:name …` at the start of an entry (a `: (cond)` Case branch never gets here:
/// it only occurs inside an unfinished `Case of`).
fn meta_command(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix(':')?;
    let end = rest
        .find(|c: char| !c.is_ascii_alphabetic() && c != '?')
        .unwrap_or(rest.len());
    let name = &rest[..end];
    let after = rest[end..].chars().next();
    (!name.is_empty() && after.is_none_or(char::is_whitespace)).then_some(name)
}

fn show(outcome: Outcome, out: &mut dyn Write, err: &mut dyn Write) {
    match outcome {
        Outcome::Value(v) => {
            let _ = writeln!(out, "{v}");
        }
        Outcome::Nothing => {}
        Outcome::Error(e) => {
            let _ = writeln!(err, "{}", e.trim_end());
        }
    }
    let _ = out.flush();
    let _ = err.flush();
}

/// Where history is kept: `$XDG_DATA_HOME/fourd/history`, else `~/.local/share/fourd/history`.
fn history_path() -> Option<PathBuf> {
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|h| !h.is_empty())
                .map(|h| Path::new(&h).join(".local/share"))
        })?;
    Some(data.join("fourd").join("history"))
}

/// Colours on a terminal unless `NO_COLOR` is set (https://no-color.org).
fn colour_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

/// `fourd repl [--project DIR]`; also plain `fourd`. Returns the exit status.
pub fn main(args: &[String]) -> i32 {
    let mut project: Option<PathBuf> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--project" | "-p" => match it.next() {
                Some(dir) => project = Some(PathBuf::from(dir)),
                None => {
                    eprintln!("fourd repl: --project needs a folder");
                    return 2;
                }
            },
            "-h" | "--help" => {
                println!("usage: fourd repl [--project DIR]\n\n{HELP}");
                return 0;
            }
            other => {
                eprintln!("fourd repl: unknown argument '{other}'");
                return 2;
            }
        }
    }
    // 4D code runs on a thread with a large stack, as in `fourd run`: deep
    // recursion ends in 4D's "Stack full" error, never in a Rust overflow.
    let worker = std::thread::Builder::new()
        .name("4D main process".into())
        .stack_size(STACK_SIZE)
        .spawn(move || {
            let console = std::io::stdin().is_terminal();
            let engine = match engine::open(project.as_deref(), console) {
                Ok(e) => e,
                Err(msg) => {
                    eprintln!("fourd: {msg}");
                    return 2;
                }
            };
            if console {
                interactive(engine)
            } else {
                run_stdin(engine)
            }
        });
    match worker {
        Ok(h) => h.join().unwrap_or_else(|_| {
            eprintln!("fourd: internal error (this is a bug in fourd)");
            1
        }),
        Err(e) => {
            eprintln!("fourd: cannot start the main process: {e}");
            2
        }
    }
}

/// Stack of the thread that runs the console and its 4D code.
const STACK_SIZE: usize = 1 << 30;

/// Standard input is not a terminal: run all of it as one method.
fn run_stdin<E: Engine>(mut engine: E) -> i32 {
    let mut code = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut code) {
        eprintln!("fourd: cannot read standard input: {e}");
        return 2;
    }
    match engine.run_entry(&code, "<stdin>") {
        Outcome::Error(e) => {
            eprintln!("{}", e.trim_end());
            1
        }
        _ => 0,
    }
}

fn interactive<E: Engine>(engine: E) -> i32 {
    let colour = colour_wanted();
    let config = Builder::new()
        .history_ignore_dups(true)
        .and_then(|b| b.max_history_size(10_000))
        .map(|b| {
            b.history_ignore_space(true)
                .completion_type(CompletionType::List)
                .edit_mode(EditMode::Emacs)
                .auto_add_history(false)
                .color_mode(if colour {
                    ColorMode::Enabled
                } else {
                    ColorMode::Disabled
                })
                .build()
        });
    let mut rl: Editor<helper::ReplHelper<E>, FileHistory> =
        match config.and_then(Editor::with_config) {
            Ok(rl) => rl,
            Err(e) => {
                eprintln!("fourd: cannot start the console: {e}");
                return 2;
            }
        };
    let engine = Rc::new(RefCell::new(engine));
    let vocab = Rc::new(vocab::Vocab::standard());
    rl.set_helper(Some(helper::ReplHelper::new(vocab.clone(), engine.clone())));
    let history = history_path();
    if let Some(path) = &history {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = rl.load_history(path);
    }
    signal::install();

    println!(
        "fourd {} — 4D console. :help for help, Ctrl-D to quit.",
        env!("CARGO_PKG_VERSION")
    );
    let mut repl = Repl::new(engine);
    let mut depth = 0;
    loop {
        let prompt = if repl.is_continuing() { "... " } else { "4D> " };
        let indent = "  ".repeat(depth);
        let line = match rl.readline_with_initial(prompt, (&indent, "")) {
            Ok(line) if repl.is_continuing() && !line.contains('\n') => {
                match blocks::dedented(&line, depth) {
                    Some(better) => {
                        redraw(prompt, &line, &better, colour, &vocab);
                        better
                    }
                    None => line,
                }
            }
            Ok(line) => line,
            Err(ReadlineError::Interrupted) => {
                // Ctrl-C: drop what was typed, fresh prompt.
                repl.cancel();
                depth = 0;
                continue;
            }
            Err(ReadlineError::Eof) => {
                if repl.is_continuing() {
                    repl.cancel();
                    depth = 0;
                    println!();
                    continue;
                }
                break;
            }
            Err(e) => {
                eprintln!("fourd: {e}");
                break;
            }
        };
        // A pasted or recalled entry may hold several lines: feed them one by one.
        let mut quit = false;
        for part in line.split('\n') {
            let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
            let mut err_buf = Vec::new();
            let step = repl.feed(part, &mut out, &mut err_buf);
            write_error(&mut err, &err_buf, colour);
            match step {
                Step::More { depth: d } => depth = d,
                Step::Done { entry } => {
                    depth = 0;
                    if !entry.trim().is_empty() {
                        let _ = rl.history_mut().add(&entry);
                        if let Some(path) = &history {
                            let _ = rl.append_history(path);
                        }
                    }
                }
                Step::Quit => {
                    quit = true;
                    break;
                }
            }
        }
        if quit {
            break;
        }
        if signal::take() {
            eprintln!("interrupted");
        }
    }
    0
}

/// Replaces the line just entered (the one above the cursor) with `better`:
/// `End if` typed at the body's indentation moves out to its `If`'s.
fn redraw(prompt: &str, typed: &str, better: &str, colour: bool, vocab: &vocab::Vocab) {
    let width = terminal_width();
    let fits = |s: &str| prompt.chars().count() + s.chars().count() < width;
    if !fits(typed) || !fits(better) {
        return; // A wrapped line spans several rows: leave it as it is.
    }
    let shown = if colour {
        format!(
            "\x1b[1;32m{prompt}\x1b[0m{}",
            highlight::highlight(better, None, vocab)
        )
    } else {
        format!("{prompt}{better}")
    };
    let mut out = std::io::stdout();
    let _ = write!(out, "\x1b[1A\r\x1b[2K{shown}\r\n");
    let _ = out.flush();
}

/// Columns of the terminal on standard output (0 when unknown: never redraw then).
fn terminal_width() -> usize {
    #[cfg(unix)]
    {
        let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
        if unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut ws) } == 0 {
            return ws.ws_col as usize;
        }
    }
    0
}

/// Error text, with its first line in red on a colour terminal.
fn write_error(err: &mut dyn Write, text: &[u8], colour: bool) {
    let text = String::from_utf8_lossy(text);
    if text.is_empty() {
        return;
    }
    if colour {
        let (first, rest) = text.split_once('\n').unwrap_or((&text, ""));
        let _ = write!(err, "\x1b[1;31m{first}\x1b[0m\n{rest}");
    } else {
        let _ = write!(err, "{text}");
    }
    let _ = err.flush();
}

#[cfg(test)]
mod tests;
