//! `fourd run` in its three session contexts (standalone, `--server`,
//! `--remote-user NAME`) and a project's roles.json at startup.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fourd(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fourd"))
        .args(args)
        .output()
        .expect("run fourd")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).replace("\r\n", "\n")
}

const WHO: &str = r#"ALERT(Session.info.type)
ALERT(Session.userName)
ALERT(String(Session.hasPrivilege("anything"))+" "+String(Session.isGuest())+" "+String(Session.setPrivileges("x")))
ALERT(String(Session.info.persistentID#Null))
ALERT(String(Session storage(Session.id)=Session.storage))"#;

#[test]
fn session_cli_standalone_by_default() {
    let o = fourd(&["run", "-e", WHO]);
    assert_eq!(
        stdout(&o),
        "standalone\ndesigner\nTrue False False\nFalse\nTrue\n"
    );
    assert!(o.status.success());
}

#[test]
fn session_cli_server_runs_in_the_stored_procedure_session() {
    let o = fourd(&["run", "--server", "-e", WHO]);
    assert_eq!(
        stdout(&o),
        "storedProcedure\ndesigner\nTrue False False\nFalse\nTrue\n"
    );
}

#[test]
fn session_cli_remote_user_gets_a_remote_session() {
    let o = fourd(&["run", "--remote-user", "alice", "-e", WHO]);
    assert_eq!(stdout(&o), "remote\nalice\nTrue False False\nTrue\nTrue\n");
}

#[test]
fn session_cli_remote_user_needs_a_name() {
    let o = fourd(&["run", "--remote-user"]);
    assert_eq!(o.status.code(), Some(2));
}

fn project(name: &str, roles: Option<&str>) -> (PathBuf, PathBuf) {
    let root = std::env::temp_dir().join(format!("fourd-{name}-{}", std::process::id()));
    let methods = root.join("Project/Sources/Methods");
    std::fs::create_dir_all(&methods).unwrap();
    if let Some(r) = roles {
        std::fs::write(root.join("Project/Sources/roles.json"), r).unwrap();
    }
    let m = methods.join("main.4dm");
    std::fs::write(&m, "ALERT(JSON Stringify(Session.getPrivileges()))\n").unwrap();
    (root, m)
}

fn cleanup(root: &Path) {
    let _ = std::fs::remove_dir_all(root);
}

#[test]
fn session_cli_malformed_roles_json_stops_the_run() {
    let (root, m) = project("badroles", Some(r#"{"privileges": [ {"privilege": 3} ]}"#));
    let o = fourd(&["run", m.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    cleanup(&root);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("roles.json: invalid roles.json: privileges[0]"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn session_cli_valid_roles_json_loads() {
    let (root, m) = project(
        "goodroles",
        Some(
            r#"{"privileges":[{"privilege":"none","includes":[]}],"permissions":{"allowed":[]},"forceLogin":true}"#,
        ),
    );
    let o = fourd(&["run", m.to_str().unwrap()]);
    cleanup(&root);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(stdout(&o), "[\"WebAdmin\"]\n");
}
