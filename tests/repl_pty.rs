//! The REPL driven through a real pseudo-terminal, the way a person uses it:
//! type a line, read the screen.
#![cfg(unix)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use rexpect::session::PtySession;

const TIMEOUT_MS: u64 = 30_000;
const PROMPT: &str = "4D> ";

/// A private data folder per test, so history from one run never leaks into another.
fn data_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fourd-pty-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fourd(name: &str, colour: bool) -> Command {
    let dir = data_dir(name);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_fourd"));
    cmd.env("TERM", "xterm")
        .env("XDG_DATA_HOME", &dir)
        .env("HOME", &dir)
        .current_dir(&dir);
    if colour {
        cmd.env_remove("NO_COLOR");
    } else {
        cmd.env("NO_COLOR", "1");
    }
    cmd
}

/// Starts `fourd repl` on a terminal and waits for its first prompt.
fn start(name: &str) -> PtySession {
    let mut cmd = fourd(name, false);
    cmd.arg("repl");
    let options = rexpect::reader::Options::new()
        .timeout_ms(Some(TIMEOUT_MS))
        .strip_ansi_escape_codes(true);
    let mut p = rexpect::spawn_with_options(cmd, options).expect("spawn fourd repl");
    p.exp_string(PROMPT).expect("first prompt");
    p
}

/// Types `line` and returns what the screen showed up to the next prompt.
fn enter(p: &mut PtySession, line: &str) -> String {
    p.send_line(line).unwrap();
    p.exp_string(PROMPT)
        .unwrap_or_else(|e| panic!("no prompt after {line:?}: {e}"))
}

fn exit_status(p: &PtySession) -> String {
    format!("{:?}", p.process().wait().unwrap())
}

#[test]
#[ignore = "needs the interpreter"]
fn expressions_show_their_value() {
    let mut p = start("echo");
    // 4D has no operator precedence: 2+3*4 is 20.
    assert!(enter(&mut p, "2+3*4").contains("20"));
    assert!(enter(&mut p, "\"ab\"+\"cd\"").contains("abcd"));
    let obj = enter(&mut p, "New object(\"k\"; \"v\"+\"w\")");
    assert!(obj.contains("\"k\": \"vw\""), "{obj:?}");
    assert!(enter(&mut p, "Null").contains("Null"));
    // A statement shows nothing but its own output.
    let out = enter(&mut p, "$quiet:=\"sh\"+\"h\"");
    assert!(!out.contains("shh"), "{out:?}");
    p.send_line(":quit").unwrap();
    p.exp_eof().unwrap();
}

#[test]
#[ignore = "needs the interpreter"]
fn a_multi_line_if_runs_when_closed() {
    let mut p = start("if");
    p.send_line("If (1=1)").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("ALERT(\"in\"+\"side\")").unwrap();
    let before = p.exp_string("... ").unwrap();
    assert!(!before.contains("inside"), "ran too early: {before:?}");
    let out = enter(&mut p, "End if");
    assert!(out.contains("inside"), "{out:?}");
}

#[test]
#[ignore = "needs the interpreter"]
fn variables_persist_between_lines() {
    let mut p = start("persist");
    enter(&mut p, "$n:=20");
    assert!(enter(&mut p, "$n*2+2").contains("42"));
    enter(&mut p, "Storage.flag:=\"up\"");
    assert!(enter(&mut p, "String(Storage.flag)+\"!\"").contains("up!"));
}

#[test]
#[ignore = "needs the interpreter"]
fn an_error_does_not_end_the_session() {
    let mut p = start("error");
    let out = enter(&mut p, "$x:=NoSuchMethodAnywhere(1)");
    assert!(out.contains("<repl>:1:"), "{out:?}");
    assert!(out.contains("error"), "{out:?}");
    assert!(enter(&mut p, "\"still\"+\"alive\"").contains("stillalive"));
}

#[test]
#[ignore = "needs the interpreter"]
fn ctrl_c_drops_the_entry_and_interrupts_code() {
    let mut p = start("ctrlc");
    p.send_line("For ($i;1;3)").unwrap();
    p.exp_string("... ").unwrap();
    p.send_control('c').unwrap();
    p.exp_string(PROMPT).unwrap();
    // Back at the main prompt: the For is forgotten and a one-liner runs at once.
    assert!(enter(&mut p, "\"after\"+\"cc\"").contains("aftercc"));

    // Ctrl-C stops running code and the session goes on.
    p.send_line("While (True)").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("End while").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    p.send_control('c').unwrap();
    p.exp_string("interrupted").unwrap();
    p.exp_string(PROMPT).unwrap();
    assert!(enter(&mut p, "\"alive\"+\"!\"").contains("alive!"));
}

#[test]
fn ctrl_d_on_an_empty_line_exits_with_status_0() {
    let mut p = start("ctrld");
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
    assert!(exit_status(&p).contains(", 0)"), "{}", exit_status(&p));
}

#[test]
#[ignore = "needs the interpreter"]
fn tab_completes_a_multi_word_command() {
    let mut p = start("complete");
    p.send("$d:=Current da").unwrap();
    p.send("\t").unwrap();
    p.exp_string("Current date").unwrap();
    p.send_line("").unwrap();
    p.exp_string(PROMPT).unwrap();
    // The completed command ran: $d holds a date.
    assert!(enter(&mut p, "Type($d)=Is date").contains("True"));
}

#[test]
fn history_is_kept_between_runs() {
    let mut p = start("history");
    enter(&mut p, "$remembered:=1");
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
    let history = std::env::temp_dir()
        .join(format!("fourd-pty-{}-history", std::process::id()))
        .join("fourd/history");
    let text = std::fs::read_to_string(&history).unwrap();
    assert!(text.contains("$remembered:=1"), "{text:?}");
}

#[test]
fn colours_are_on_in_a_terminal() {
    let mut cmd = fourd("colour", true);
    cmd.arg("repl");
    let options = rexpect::reader::Options::new().timeout_ms(Some(TIMEOUT_MS));
    let mut p = rexpect::spawn_with_options(cmd, options).unwrap();
    p.exp_string("4D> ").unwrap();
    p.send_line("If (True)").unwrap();
    // The keyword is drawn in its colour (bold magenta).
    p.exp_string("\x1b[1;35mIf").unwrap();
}

#[test]
#[ignore = "needs the interpreter"]
fn piped_standard_input_runs_as_one_method() {
    let run = |code: &str| {
        let mut child = fourd("pipe", false)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(code.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let out = run("ALERT(\"x\")\n");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "x\n");
    assert_eq!(out.status.code(), Some(0));

    let out = run("$a:=1\nIf ($a=1)\nALERT(\"one\")\nEnd if\n$a:=NoSuchMethodAnywhere\n");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "one\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>:5:"));
    assert_eq!(out.status.code(), Some(1));
}
