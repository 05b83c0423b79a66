//! The REPL's [`Engine`] on top of the interpreter: one 4D process whose
//! locals survive from entry to entry, plus the project's methods and classes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::display::display;
use super::scan::{scan, Tok};
use super::{Engine, Outcome, Scope};
use crate::error::RuntimeError;
use crate::interp::repl_api::{self, Locals};
use crate::interp::{compile, errors, Interp, Program};
use crate::syntax::ast::{ExprKind, Span, Spanned, StmtKind};
use crate::value::Value;

pub struct Session {
    /// The project folder whose methods and classes are callable, if any.
    project: Option<PathBuf>,
    program: Arc<Program>,
    interp: Interp,
    locals: Locals,
    /// At a terminal: output shows at once and a prompt never shares a line with it.
    console: bool,
    /// Variable names as first written (`$CamelCase`), by case-folded name: the
    /// interpreter folds them, the user should not see that.
    spellings: HashMap<String, String>,
}

/// Opens a session: with `project` (a 4D project folder, its `Project`
/// folder, or a folder of `.4dm` methods), or else with the 4D project in the
/// current folder, if there is one.
pub fn open(project: Option<&Path>, console: bool) -> Result<Session, String> {
    let project = match project {
        Some(dir) if dir.is_dir() => Some(dir.to_path_buf()),
        Some(dir) => return Err(format!("{}: no such project folder", dir.display())),
        None => Path::new(".")
            .join("Project/Sources/Methods")
            .is_dir()
            .then(|| PathBuf::from(".")),
    };
    // One standalone session for the whole console, as in a single-user `fourd run`.
    crate::runtime::shared::set_current_process(1);
    crate::runtime::session::begin_run(&crate::runtime::session::RunAs::Standalone);
    if let Some(dir) = &project {
        crate::runtime::roles::load_for_method_file(&methods_file(dir))
            .map_err(|e| e.to_string())?;
    }
    let program = Arc::new(load(project.as_deref()));
    Ok(Session {
        project,
        interp: new_interp(&program, console),
        program,
        locals: Locals::new(),
        console,
        spellings: HashMap::new(),
    })
}

/// The session's process; at a terminal its output shows at once, even from a long loop.
fn new_interp(program: &Arc<Program>, console: bool) -> Interp {
    let mut interp = Interp::new(program.clone());
    interp.autoflush = console;
    interp
}

/// The program of a project folder, or no methods at all.
fn load(project: Option<&Path>) -> Program {
    match project {
        // `for_file` loads the folder around a method file (and the classes beside it).
        Some(dir) => Program::for_file(&methods_file(dir)),
        None => Program::empty(),
    }
}

/// A (made-up) method file in the project's methods folder, found at the usual places.
fn methods_file(dir: &Path) -> PathBuf {
    let methods = [
        dir.join("Project/Sources/Methods"),
        dir.join("Sources/Methods"),
        dir.to_path_buf(),
    ]
    .into_iter()
    .find(|d| d.is_dir())
    .unwrap_or_else(|| dir.to_path_buf());
    methods.join("_.4dm")
}

/// Does `e` call something that may return nothing (a procedure)?
fn is_call(e: &ExprKind) -> bool {
    matches!(
        e,
        ExprKind::Command { .. }
            | ExprKind::Call { .. }
            | ExprKind::Name(_)
            | ExprKind::MethodCall { .. }
            | ExprKind::CallValue { .. }
    )
}

impl Session {
    /// Remembers how `code` spells its variables.
    fn learn_spellings(&mut self, code: &str) {
        for t in scan(code) {
            if matches!(t.tok, Tok::Var | Tok::Word) {
                let name = &code[t.start..t.end];
                self.spellings
                    .entry(name.to_lowercase())
                    .or_insert_with(|| name.to_string());
            }
        }
    }

    /// `folded` (`$name`, `myvar`, `<>g`) as the user first wrote it.
    fn spelled(&self, folded: &str) -> String {
        self.spellings
            .get(folded)
            .cloned()
            .unwrap_or_else(|| folded.to_string())
    }

    /// Process and interprocess variables that hold a value, with their values.
    fn globals(&self) -> Vec<(String, Value)> {
        let name = |i: usize| self.spelled(&self.program.interner.name(i as u32));
        let mut out: Vec<(String, Value)> = Vec::new();
        for (i, v) in self.interp.procvars.iter().enumerate() {
            // System variables (OK, Error…) are listed once they hold something.
            let unset = match v {
                Value::Undefined => true,
                Value::Int(0) => true,
                Value::Text(t) => t.is_empty(),
                _ => false,
            };
            let system =
                crate::interp::compile::is_system_var(&self.program.interner.name(i as u32));
            if !(v.is_undefined() || system && unset) {
                out.push((name(i), v.clone()));
            }
        }
        for (i, v) in self.program.inter_vars.lock().iter().enumerate() {
            if !v.is_undefined() {
                out.push((name(i), v.clone()));
            }
        }
        out
    }

    fn render(&self, e: &RuntimeError, code: &str, origin: &str) -> String {
        match &e.location {
            Some(loc) if loc.path == origin => {
                let off = offset_of(code, loc.line, loc.column);
                let num = (e.code != errors::SYNTAX).then_some(e.code as i64);
                crate::cli::diag::render(origin, code, Span::new(off, off), num, &e.message)
            }
            _ => crate::cli::run::render(e, None),
        }
    }

    /// The value a completion path (`$o`, `$o.a.b`, `Storage.x`) denotes, without running code.
    fn resolve(&self, path: &str) -> Value {
        let mut parts = path.split('.');
        let root = parts.next().unwrap_or("");
        let mut v = if let Some(local) = root.strip_prefix('$') {
            self.locals
                .get(&local.to_lowercase())
                .cloned()
                .unwrap_or_default()
        } else if root.eq_ignore_ascii_case("storage") {
            Value::Object(crate::runtime::shared::storage())
        } else {
            self.interp.get_procvar(root)
        };
        for key in parts {
            v = match &v {
                Value::Object(o) => o.get(key),
                _ => return Value::Undefined,
            };
        }
        v
    }
}

/// Byte offset of 1-based `line` and `col` (in characters) in `src`.
fn offset_of(src: &str, line: usize, col: usize) -> usize {
    let mut off = 0;
    for (i, l) in src.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let within: usize = l
                .chars()
                .take(col.saturating_sub(1))
                .map(char::len_utf8)
                .sum();
            return off + within;
        }
        off += l.len();
    }
    src.len()
}

impl Scope for Session {
    fn names(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .locals
            .keys()
            .map(|k| self.spelled(&format!("${k}")))
            .collect();
        out.extend(self.globals().into_iter().map(|(n, _)| n));
        out.extend(self.program.method_names.iter().cloned());
        out
    }

    fn properties(&self, path: &str) -> Vec<String> {
        let Value::Object(o) = self.resolve(path) else {
            return Vec::new();
        };
        let mut names: Vec<String> = o.read().keys().cloned().collect();
        // An instance also offers its class's functions and computed properties.
        let mut class = crate::interp::class::class_of(&o);
        while let Some(c) = class {
            names.extend(c.functions.keys().cloned());
            names.extend(c.getters.keys().cloned());
            class = c.parent.as_deref();
        }
        names
    }
}

impl Engine for Session {
    fn run_entry(&mut self, code: &str, origin: &str) -> Outcome {
        let mut ast = match self.program.parse(code, origin) {
            Ok(ast) => ast,
            Err(e) => return Outcome::Error(self.render(&e, code, origin)),
        };
        self.learn_spellings(code);
        if ast.class.is_some() {
            return Outcome::Error(format!(
                "{origin}:1:1: error: classes live in Project/Sources/Classes/NAME.4dm \
                 (fourd repl --project DIR makes them usable here)\n"
            ));
        }
        // A lone expression becomes `return expr`, so its value comes back.
        let mut bare = None;
        if ast.declare.is_none() && ast.body.len() == 1 {
            if let Some(stmt) = ast.body.pop() {
                match stmt.node {
                    StmtKind::Expr(e) => {
                        bare = Some(is_call(&e.node));
                        ast.body
                            .push(Spanned::new(stmt.span, StmtKind::Return(Some(e))));
                    }
                    node => ast.body.push(Spanned::new(stmt.span, node)),
                }
            }
        }
        let method = match compile::compile_method(&self.program, "repl", origin, code.into(), &ast)
        {
            Ok(m) => Arc::new(m),
            Err(e) => return Outcome::Error(self.render(&e, code, origin)),
        };
        // A bug in fourd must not end the whole console: the entry is abandoned.
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.interp.run_entry_with_locals(&method, &mut self.locals)
        }));
        let Ok(result) = run else {
            self.interp.stack.clear();
            self.interp.frames.clear();
            self.interp.base = 0;
            self.interp.try_depth = 0;
            self.interp.in_handler = false;
            return Outcome::Error(
                "fourd: internal error (this is a bug in fourd); the entry was abandoned".into(),
            );
        };
        if self.console && !self.interp.at_line_start {
            // `LOG EVENT` text with no line end: keep it visible above the next prompt.
            println!();
            self.interp.at_line_start = true;
        }
        match result {
            // After `^C` on the terminal: where the loop was is of little use.
            Err(e) if e.code == repl_api::INTERRUPTED => Outcome::Error("\ninterrupted".into()),
            Err(e) => Outcome::Error(self.render(&e, code, origin)),
            // A procedure call (`ALERT(…)`, a method with no result) shows nothing.
            Ok(v) if v.is_undefined() && bare == Some(true) => Outcome::Nothing,
            Ok(v) if bare.is_some() => Outcome::Value(display(&v)),
            Ok(_) => Outcome::Nothing,
        }
    }

    fn variables(&self) -> Vec<(String, String)> {
        // Text in quotes here, so that "12" and 12 (or "") can be told apart.
        let show = |v: &Value| match v {
            Value::Text(t) => {
                let mut q = String::new();
                crate::value::json::write_string(&mut q, t);
                q
            }
            _ => display(v),
        };
        let by_name = |a: &(String, String), b: &(String, String)| {
            a.0.to_lowercase().cmp(&b.0.to_lowercase())
        };
        let mut out: Vec<(String, String)> = self
            .locals
            .iter()
            .map(|(k, v)| (self.spelled(&format!("${k}")), show(v)))
            .collect();
        out.sort_by(by_name);
        let mut globals: Vec<(String, String)> = self
            .globals()
            .iter()
            .map(|(n, v)| (n.clone(), show(v)))
            .collect();
        globals.sort_by(by_name);
        out.extend(globals);
        out
    }

    fn reset(&mut self) {
        self.program = Arc::new(load(self.project.as_deref()));
        self.interp = new_interp(&self.program, self.console);
        self.locals.clear();
        self.spellings.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        open(None, true).expect("session")
    }

    #[test]
    fn expressions_show_values_and_statements_do_not() {
        let mut s = session();
        assert_eq!(s.run_entry("2+3*4", "<repl>"), Outcome::Value("20".into()));
        assert_eq!(s.run_entry("$a:=5", "<repl>"), Outcome::Nothing);
        assert_eq!(s.run_entry("$a*2", "<repl>"), Outcome::Value("10".into()));
        assert_eq!(
            s.run_entry("New object(\"k\"; 1)", "<repl>"),
            Outcome::Value("{\"k\": 1}".into())
        );
        assert_eq!(s.run_entry("Null", "<repl>"), Outcome::Value("Null".into()));
        assert_eq!(
            s.run_entry("Session.info.type", "<repl>"),
            Outcome::Value("standalone".into())
        );
        // A missing property is shown, a procedure's missing result is not.
        assert_eq!(
            s.run_entry("New object().nope", "<repl>"),
            Outcome::Value("Undefined".into())
        );
        assert_eq!(s.run_entry("TRACE", "<repl>"), Outcome::Nothing);
    }

    #[test]
    fn locals_persist_and_are_listed() {
        let mut s = session();
        s.run_entry("var $n : Integer\n$n:=41", "<repl>");
        s.run_entry("$n:=$n+1", "<repl>");
        assert_eq!(s.run_entry("$n", "<repl>"), Outcome::Value("42".into()));
        s.run_entry("$o:=New object(\"name\"; \"x\"; \"age\"; 3)", "<repl>");
        assert!(s.variables().contains(&("$n".into(), "42".into())));
        s.run_entry("$CamelCase:=\"c\"\nmyGlobal:=1\n<>shared:=2", "<repl>");
        let vars = s.variables();
        assert!(
            vars.contains(&("$CamelCase".into(), "\"c\"".into())),
            "{vars:?}"
        );
        assert!(vars.contains(&("myGlobal".into(), "1".into())), "{vars:?}");
        assert!(vars.contains(&("<>shared".into(), "2".into())), "{vars:?}");
        assert!(s.names().contains(&"$o".to_string()));
        let mut props = s.properties("$o");
        props.sort();
        assert_eq!(props, vec!["age".to_string(), "name".to_string()]);
        s.reset();
        assert!(s.variables().is_empty());
    }

    #[test]
    fn errors_point_into_the_entry() {
        let mut s = session();
        let Outcome::Error(e) = s.run_entry("$x:=1\n$y:=NoSuchMethodHere(1)", "<repl>") else {
            panic!("expected an error");
        };
        assert!(e.starts_with("<repl>:2:"), "{e}");
        assert!(e.contains("NoSuchMethodHere"), "{e}");
        // The session goes on, with what ran before the error.
        assert_eq!(s.run_entry("$x", "<repl>"), Outcome::Value("1".into()));
        let Outcome::Error(e) = s.run_entry("$x:=(1", "<repl>") else {
            panic!("expected a syntax error");
        };
        assert!(e.starts_with("<repl>:1:"), "{e}");
    }

    #[test]
    fn a_project_makes_methods_and_classes_usable() {
        let dir = std::env::temp_dir().join(format!("fourd-repl-proj-{}", std::process::id()));
        let sources = dir.join("Project/Sources");
        std::fs::create_dir_all(sources.join("Methods")).unwrap();
        std::fs::create_dir_all(sources.join("Classes")).unwrap();
        std::fs::write(
            sources.join("Methods/double.4dm"),
            "#DECLARE($n : Integer) -> $r : Integer\n$r:=$n*2\n",
        )
        .unwrap();
        std::fs::write(
            sources.join("Classes/Pt.4dm"),
            "property x : Integer\nClass constructor\n\tThis.x:=3\nFunction norm() : Integer\n\treturn This.x\n",
        )
        .unwrap();
        let mut s = open(Some(&dir), true).expect("project session");
        assert_eq!(
            s.run_entry("double(21)", "<repl>"),
            Outcome::Value("42".into())
        );
        assert!(s.names().contains(&"double".to_string()));
        assert_eq!(s.run_entry("$p:=cs.Pt.new()", "<repl>"), Outcome::Nothing);
        assert_eq!(
            s.run_entry("$p.norm()", "<repl>"),
            Outcome::Value("3".into())
        );
        let props = s.properties("$p");
        assert!(props.contains(&"x".to_string()), "{props:?}");
        assert!(props.contains(&"norm".to_string()), "{props:?}");
        let _ = std::fs::remove_dir_all(&dir);
        assert!(open(Some(Path::new("/no/such/project")), true).is_err());
    }

    #[test]
    fn offsets_from_line_and_column() {
        assert_eq!(offset_of("ab\ncd", 2, 2), 4);
        assert_eq!(offset_of("ab", 9, 1), 2);
    }
}
