//! The command line: `run`, `check`, `repl`.

pub mod repl;

/// Entry point of the `fourd` binary; returns the exit status.
pub fn main() -> i32 {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("repl") => repl::main(&args[1..]),
        None => repl::main(&[]),
        _ => {
            eprintln!("fourd: not built yet");
            2
        }
    }
}
