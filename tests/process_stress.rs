//! Processes under load, through real `.4dm` programs run by the `fourd`
//! binary (programs in `tests/process_stress/`): no lost `Use` increments
//! across 8 processes, a worker's 100,000 messages each handled once and in
//! order, and a `Use` deadlock between two processes ending in an error
//! within a second.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn run(file: &str, args: &[&str]) -> (String, String, i32, Duration) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let t = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_fourd"))
        .arg("run")
        .arg(root.join("tests/process_stress").join(file))
        .args(args)
        .output()
        .expect("run fourd");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
        t.elapsed(),
    )
}

#[test]
fn process_stress_eight_processes_lose_no_use_increment() {
    let (out, err, code, _) = run("counter_main.4dm", &["8", "100000"]);
    assert_eq!(err, "");
    assert_eq!(code, 0);
    assert_eq!(out, "800000\n");
}

#[test]
fn process_stress_worker_handles_each_message_once_in_order() {
    let (out, err, code, _) = run("mail_main.4dm", &["100000"]);
    assert_eq!(err, "");
    assert_eq!(code, 0);
    // count, last message seen, messages out of order
    assert_eq!(out, "100000 100000 0\n");
}

#[test]
fn process_stress_use_deadlock_between_processes_is_an_error() {
    let (out, err, code, took) = run("dl_main.4dm", &[]);
    assert_eq!(err, "");
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines.contains(&"deadlock error -10729 within a second: True"),
        "{out}"
    );
    assert!(
        lines.iter().any(|l| l.ends_with(" got both")),
        "one process must get both objects: {out}"
    );
    assert!(took < Duration::from_secs(20), "{took:?}");
}
