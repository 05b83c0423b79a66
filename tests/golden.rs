//! Golden tests: every `tests/golden/**/*.4dm` runs through the built `fourd`
//! binary — `fourd check FILE` under `syntax*/` folders, `fourd run FILE`
//! elsewhere — and its stdout/stderr must equal `<name>.out` / `<name>.err`
//! (when present). All failures are reported together.
//! `FOURD_BLESS=1 cargo test --test golden` rewrites the expectations.

use std::path::{Path, PathBuf};
use std::process::Command;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "4dm") {
            out.push(p);
        }
    }
}

/// Output made stable: `\r\n` → `\n`, the crate's absolute path removed.
fn normalise(s: &[u8], root: &Path) -> String {
    let s = String::from_utf8_lossy(s).replace("\r\n", "\n");
    let abs = format!("{}/", root.display());
    s.replace(&abs, "")
}

#[test]
fn golden() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let golden = root.join("tests/golden");
    let bless = std::env::var_os("FOURD_BLESS").is_some();
    let mut files = Vec::new();
    collect(&golden, &mut files);
    let mut failures = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(root).unwrap_or(file);
        // `syntax_errors/`, `syntax_real/`…: parse only.
        let parse_only = rel.components().any(|c| {
            c.as_os_str()
                .to_str()
                .is_some_and(|s| s.starts_with("syntax"))
        });
        let sub = if parse_only { "check" } else { "run" };
        let output = Command::new(env!("CARGO_BIN_EXE_fourd"))
            .arg(sub)
            .arg(rel)
            .current_dir(root)
            .output()
            .expect("run fourd");
        let stdout = normalise(&output.stdout, root);
        let stderr = normalise(&output.stderr, root);
        let had_any = file.with_extension("out").exists() || file.with_extension("err").exists();
        for (ext, actual) in [("out", &stdout), ("err", &stderr)] {
            let expect_path = file.with_extension(ext);
            if bless {
                // An existing (possibly empty) expectation is kept up to date; a new one
                // is written only for non-empty output, except `.out` when neither exists.
                let empty_run = ext == "out" && stdout.is_empty() && stderr.is_empty();
                if expect_path.exists() || !actual.is_empty() || (empty_run && !had_any) {
                    std::fs::write(&expect_path, actual).expect("write expectation");
                }
                continue;
            }
            match std::fs::read_to_string(&expect_path) {
                Ok(expected) => {
                    let expected = expected.replace("\r\n", "\n");
                    if &expected != actual {
                        failures.push(format!(
                            "{} ({ext}):\n--- expected\n{expected}--- actual\n{actual}",
                            rel.display()
                        ));
                    }
                }
                Err(_) if !actual.is_empty() && ext == "err" => {
                    failures.push(format!("{}: unexpected stderr:\n{actual}", rel.display()))
                }
                Err(_) => {}
            }
        }
        if !file.with_extension("out").exists() && !file.with_extension("err").exists() && !bless {
            failures.push(format!("{}: no .out or .err expectation", rel.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} golden files failed:\n\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
