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

/// Types `line` and waits for `expected` on the screen; returns what came before it.
/// (The prompt itself is no marker: rustyline redraws it at every key.)
fn expect(p: &mut PtySession, line: &str, expected: &str) -> String {
    p.send_line(line).unwrap();
    p.exp_string(expected)
        .unwrap_or_else(|e| panic!("{expected:?} never showed after {line:?}: {e}"))
}

fn exit_status(p: &PtySession) -> String {
    format!("{:?}", p.process().wait().unwrap())
}

#[test]
fn expressions_show_their_value() {
    let mut p = start("echo");
    // 4D has no operator precedence: 2+3*4 is 20.
    expect(&mut p, "2+3*4", "20");
    expect(&mut p, "\"ab\"+\"cd\"", "abcd");
    expect(&mut p, "New object(\"k\"; \"v\"+\"w\")", "{\"k\": \"vw\"}");
    // A statement shows nothing but its own output.
    p.send_line("$quiet:=\"sh\"+\"h\"").unwrap();
    let between = expect(&mut p, "\"mark\"+\"er\"", "marker");
    assert!(!between.contains("shh"), "{between:?}");
    p.send_line(":quit").unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn output_without_a_line_end_stays_visible() {
    let mut p = start("logevent");
    p.send_line("LOG EVENT(Into system standard outputs; \"no line \"+\"end\")")
        .unwrap();
    // The text is followed by a line break, so the next prompt cannot draw over it.
    p.exp_string("no line end\r\n").unwrap();
    expect(&mut p, "\"after\"+\"wards\"", "afterwards");
}

#[test]
fn a_multi_line_if_runs_when_closed() {
    let mut p = start("if");
    p.send_line("If (1=1)").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("ALERT(\"in\"+\"side\")").unwrap();
    p.exp_string("... ").unwrap();
    // Nothing ran yet: the first output is the block's, once it is closed.
    let before = expect(&mut p, "End if", "inside");
    assert!(before.contains("End if"), "{before:?}");
}

#[test]
fn variables_persist_between_lines() {
    let mut p = start("persist");
    p.send_line("$n:=20").unwrap();
    expect(&mut p, "$n*2+2", "42");
    p.send_line("Use (Storage)").unwrap();
    p.send_line("Storage.list:=New shared collection(\"u\"+\"p\")")
        .unwrap();
    p.send_line("End use").unwrap();
    expect(&mut p, "Storage.list[0]+\"!\"", "up!");
}

#[test]
fn an_error_does_not_end_the_session() {
    let mut p = start("error");
    expect(&mut p, "$x:=NoSuchMethodAnywhere(1)", "<repl>:1:");
    expect(&mut p, "\"still\"+\"alive\"", "stillalive");
}

#[test]
fn ctrl_c_drops_the_entry_and_interrupts_code() {
    let mut p = start("ctrlc");
    p.send_line("For ($i;1;3)").unwrap();
    p.exp_string("... ").unwrap();
    p.send_control('c').unwrap();
    p.exp_string(PROMPT).unwrap();
    // Back at the main prompt: the For is forgotten and a one-liner runs at once.
    expect(&mut p, "\"after\"+\"cc\"", "aftercc");

    // Ctrl-C stops running code and the session goes on. The loop's first
    // output shows at once: it is running when Ctrl-C comes.
    p.send_line("$i:=0").unwrap();
    p.send_line("While (True)").unwrap();
    p.send_line("$i+=1").unwrap();
    p.send_line("If ($i=1)").unwrap();
    p.send_line("ALERT(\"spin\"+\"ning\")").unwrap();
    p.send_line("End if").unwrap();
    expect(&mut p, "End while", "spinning");
    p.send_control('c').unwrap();
    p.exp_string("nterrupted").unwrap();
    expect(&mut p, "\"alive\"+\"!\"", "alive!");
}

#[test]
fn ctrl_d_on_an_empty_line_exits_with_status_0() {
    let mut p = start("ctrld");
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
    assert!(exit_status(&p).contains(", 0)"), "{}", exit_status(&p));
}

#[test]
fn tab_completes_a_multi_word_command() {
    let mut p = start("complete");
    p.send("$d:=Current da\t").unwrap();
    p.flush().unwrap();
    p.exp_string("Current date").unwrap();
    p.send_line("").unwrap();
    // The completed command ran: $d holds a date.
    expect(&mut p, "Type($d)=Is date", "True");
}

#[test]
fn history_is_kept_between_runs() {
    let mut p = start("history");
    expect(&mut p, "$remembered:=\"rem\"+\"embered\"", "4D> ");
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
    let history = std::env::temp_dir()
        .join(format!("fourd-pty-{}-history", std::process::id()))
        .join("fourd/history");
    let text = std::fs::read_to_string(&history).unwrap();
    assert!(text.contains("$remembered:="), "{text:?}");
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
fn no_colours_when_no_color_is_set() {
    let mut cmd = fourd("nocolour", false);
    cmd.arg("repl");
    let options = rexpect::reader::Options::new().timeout_ms(Some(TIMEOUT_MS));
    let mut p = rexpect::spawn_with_options(cmd, options).unwrap();
    p.exp_string("4D> ").unwrap();
    p.send_line("If (True)").unwrap();
    p.send_line("End if").unwrap();
    let screen = expect(&mut p, "\"x\"+\"y\"", "xy");
    assert!(screen.contains("If (True)"), "{screen:?}");
    assert!(!screen.contains("\x1b[1;35m"), "{screen:?}");
}

#[test]
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

    // Exactly the method's output: no line end added, no value shown.
    let out = run("LOG EVENT(Into system standard outputs; \"abc\")\n1+1");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "abc");

    let out = run("$a:=1\nIf ($a=1)\nALERT(\"one\")\nEnd if\n$a:=NoSuchMethodAnywhere(1)\n");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "one\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>:5:"));
    assert_eq!(out.status.code(), Some(1));
}
