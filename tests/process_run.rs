//! `fourd run` with several processes, through the binary: the run modes of
//! DESIGN.md (`--server`, `--remote-user`) for `Execute on server`,
//! `New process`, `Process activity` and `ABORT PROCESS BY ID`, and the exit
//! status when another process fails. Programs in `tests/process_run/`.

use std::path::Path;
use std::process::Command;

fn run(flags: &[&str], file: &str) -> (String, String, i32) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_fourd"))
        .arg("run")
        .args(flags)
        .arg(format!("tests/process_run/{file}"))
        .current_dir(root)
        .output()
        .expect("run fourd");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn process_run_server_mode_stored_procedures_activity_and_abort() {
    let (out, err, code) = run(&["--server"], "server_mode.4dm");
    assert_eq!(err, "");
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "signaled: True\n\
         session type there: storedProcedure\n\
         process type: 1\n\
         a $ name is refused on a server\n\
         processes,sessions\n\
         main's session: storedProcedure\n\
         processes, session undefined: True\n\
         unknown session id: True\n\
         one session: 1\n\
         aborted: -1\n"
    );
}

#[test]
fn process_run_abort_reaches_a_loop_with_an_empty_body() {
    let (out, err, code) = run(&["--server"], "abort_empty_loop.4dm");
    assert_eq!(err, "");
    assert_eq!(code, 0);
    assert_eq!(out, "spinner aborted: True\n");
}

#[test]
fn process_run_remote_user_new_process_is_a_stored_procedure() {
    let (out, err, code) = run(&["--remote-user", "bob"], "remote_user.4dm");
    assert_eq!(err, "");
    assert_eq!(code, 0);
    assert_eq!(out, "main: remote\nnew process: storedProcedure\n");
}

#[test]
fn process_run_error_in_another_process_is_reported_and_exit_1() {
    let (out, err, code) = run(&[], "child_error.4dm");
    assert_eq!(out, "child runs\n");
    assert_eq!(code, 1);
    assert!(
        err.starts_with("tests/process_run/child_fails.4dm:3:1: error -10737: "),
        "{err}"
    );
}
