//! The REPL loop against a fake engine.

use super::*;
use std::collections::BTreeMap;

/// Understands just enough: `$x:=literal`, `$x` (shows it), `boom` (fails).
#[derive(Default)]
struct Fake {
    vars: BTreeMap<String, String>,
    ran: Vec<(String, String)>,
}

impl Scope for Fake {
    fn names(&self) -> Vec<String> {
        self.vars.keys().cloned().collect()
    }
    fn properties(&self, _path: &str) -> Vec<String> {
        Vec::new()
    }
}

impl Engine for Fake {
    fn run_entry(&mut self, code: &str, origin: &str) -> Outcome {
        self.ran.push((code.to_string(), origin.to_string()));
        let code = code.trim();
        if let Some((name, value)) = code.split_once(":=") {
            self.vars
                .insert(name.trim().to_string(), value.trim().to_string());
            return Outcome::Nothing;
        }
        if let Some(v) = self.vars.get(code) {
            return Outcome::Value(v.clone());
        }
        if code == "boom" {
            return Outcome::Error(format!("{origin}:1:1: error -1: boom\nboom\n^\n"));
        }
        Outcome::Nothing
    }
    fn variables(&self) -> Vec<(String, String)> {
        self.vars.clone().into_iter().collect()
    }
    fn reset(&mut self) {
        self.vars.clear();
    }
}

struct Harness {
    repl: Repl<Fake>,
    engine: Rc<RefCell<Fake>>,
}

impl Harness {
    fn new() -> Self {
        let engine = Rc::new(RefCell::new(Fake::default()));
        Harness {
            repl: Repl::new(engine.clone()),
            engine,
        }
    }

    /// Feeds a line; returns the step, stdout and stderr.
    fn feed(&mut self, line: &str) -> (Step, String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let step = self.repl.feed(line, &mut out, &mut err);
        (
            step,
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    }
}

#[test]
fn values_persist_between_entries() {
    let mut h = Harness::new();
    assert_eq!(h.feed("$x:=41").1, "");
    let (step, out, err) = h.feed("$x");
    assert_eq!(out, "41\n");
    assert_eq!(err, "");
    assert_eq!(step, Step::Done { entry: "$x".into() });
}

#[test]
fn blocks_run_whole_when_closed() {
    let mut h = Harness::new();
    assert_eq!(h.feed("If (True)").0, Step::More { depth: 1 });
    assert_eq!(h.feed("  $y:=1").0, Step::More { depth: 1 });
    assert!(h.engine.borrow().ran.is_empty());
    let (step, _, _) = h.feed("End if");
    let entry = "If (True)\n  $y:=1\nEnd if".to_string();
    assert_eq!(
        step,
        Step::Done {
            entry: entry.clone()
        }
    );
    assert_eq!(h.engine.borrow().ran, vec![(entry, "<repl>".to_string())]);
}

#[test]
fn errors_do_not_end_the_session() {
    let mut h = Harness::new();
    let (step, out, err) = h.feed("boom");
    assert!(matches!(step, Step::Done { .. }));
    assert_eq!(out, "");
    assert_eq!(err, "<repl>:1:1: error -1: boom\nboom\n^\n");
    h.feed("$x:=1");
    assert_eq!(h.feed("$x").1, "1\n");
}

#[test]
fn cancel_drops_the_unfinished_entry() {
    let mut h = Harness::new();
    h.feed("For ($i;1;3)");
    assert!(h.repl.is_continuing());
    h.repl.cancel();
    assert!(!h.repl.is_continuing());
    h.feed("$z:=2");
    assert_eq!(h.engine.borrow().ran.len(), 1);
}

#[test]
fn meta_commands() {
    let mut h = Harness::new();
    assert_eq!(h.feed(":quit").0, Step::Quit);
    assert!(h.feed(":help").1.contains(":load FILE"));
    h.feed("$b:=2");
    h.feed("$a:=\"x\"");
    assert_eq!(h.feed(":vars").1, "$a = \"x\"\n$b = 2\n");
    assert_eq!(h.feed(":reset").1, "(session reset)\n");
    assert_eq!(h.feed(":vars").1, "(no variables)\n");
    assert!(h.feed(":nope").2.contains("unknown command :nope"));
    assert!(h.feed(":load").2.contains("usage"));
    assert!(h.feed(":load /no/such/file.4dm").2.contains("cannot read"));
}

#[test]
fn load_runs_the_file_in_the_session() {
    let dir = std::env::temp_dir().join(format!("fourd-repl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("setup.4dm");
    std::fs::write(&file, "$loaded:=7").unwrap();
    let mut h = Harness::new();
    h.feed(&format!(":load {}", file.display()));
    assert_eq!(h.feed("$loaded").1, "7\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn case_branches_are_not_meta_commands() {
    let mut h = Harness::new();
    h.feed("Case of");
    assert_eq!(h.feed(": ($a=1)").0, Step::More { depth: 1 });
    assert!(matches!(h.feed("End case").0, Step::Done { .. }));
    assert_eq!(meta_command(":(x)"), None);
    assert_eq!(meta_command(":load a.4dm"), Some("load"));
    assert_eq!(meta_command("  :q"), Some("q"));
}

#[test]
fn history_lives_in_the_data_folder() {
    // Only the path rule; the variables are read, not set, so tests stay independent.
    if let Some(p) = history_path() {
        assert!(p.ends_with("fourd/history"));
    }
}
