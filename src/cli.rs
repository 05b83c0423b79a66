//! The command line: `run`, `check`, `repl`.

/// Entry point of the `fourd` binary; returns the exit status.
pub fn main() -> i32 {
    eprintln!("fourd: not built yet");
    2
}
