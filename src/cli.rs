//! The command line: `run`, `check`, `repl`, `serve`.

pub mod check;
pub mod diag;
pub mod repl;
pub mod run;

const USAGE: &str = "usage: fourd run FILE.4dm [ARG…] | fourd run -e CODE | fourd check PATH… | fourd repl | fourd serve PROJECT_DIR [--port N]";

/// Entry point of the `fourd` binary; returns the exit status.
pub fn main() -> i32 {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(cmd) = args.first() else {
        return repl::main(&[]);
    };
    let rest = &args[1..];
    match cmd.as_str() {
        "check" => check::main(rest),
        "run" => run::main(rest),
        "repl" => repl::main(rest),
        "serve" => not_implemented("serve"),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            0
        }
        other => {
            eprintln!("fourd: unknown command '{other}'\n{USAGE}");
            2
        }
    }
}

fn not_implemented(cmd: &str) -> i32 {
    eprintln!("fourd: '{cmd}' is not implemented yet");
    2
}
