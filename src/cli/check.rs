//! `fourd check PATH…`: parse `.4dm` files (or every `.4dm` under a folder)
//! without running them and print every syntax error.

use std::path::{Path, PathBuf};

use super::diag;
use crate::syntax::{parse_method_with, LineIndex, ParseOptions};

/// Exit status: 0 if every file parses, 1 if any has a syntax error, 2 if a
/// path cannot be read.
pub fn main(args: &[String]) -> i32 {
    if args.is_empty() {
        eprintln!("usage: fourd check PATH…");
        return 2;
    }
    let mut status = 0;
    for arg in args {
        let path = Path::new(arg);
        let files = match collect(path) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("fourd: cannot read {arg}: {e}");
                status = 2;
                continue;
            }
        };
        // Sibling method names, listed once per folder (not once per file:
        // a project folder holds thousands of methods).
        let mut dir_opts: Option<(PathBuf, ParseOptions)> = None;
        for file in files {
            let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
            if dir_opts.as_ref().is_none_or(|(d, _)| *d != dir) {
                dir_opts = Some((dir, ParseOptions::new(sibling_methods(&file))));
            }
            let opts = &dir_opts.as_ref().expect("set above").1;
            match check_file(&file, opts) {
                Ok(true) => {}
                Ok(false) => status = status.max(1),
                Err(e) => {
                    eprintln!("fourd: cannot read {}: {e}", file.display());
                    status = 2;
                }
            }
        }
    }
    status
}

/// The file itself, or every `.4dm` under a folder, in a stable order.
fn collect(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut dirs = vec![path.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("4dm")) {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Names of the other methods beside `file` (project methods are called by file stem).
fn sibling_methods(file: &Path) -> Vec<String> {
    let Some(dir) = file.parent() else {
        return Vec::new();
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    rd.filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("4dm")))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        // A stem with no letter (`00001`) would shadow number literals.
        .filter(|s| s.chars().any(char::is_alphabetic))
        .collect()
}

/// Parses one file and prints its errors; `Ok(true)` if it parsed.
fn check_file(file: &Path, opts: &ParseOptions) -> std::io::Result<bool> {
    let bytes = std::fs::read(file)?;
    let src = String::from_utf8_lossy(&bytes);
    match parse_method_with(&src, opts) {
        Ok(_) => Ok(true),
        Err(errors) => {
            let index = LineIndex::new(&src);
            let shown = file.display().to_string();
            let mut out = String::new();
            for e in &errors {
                out.push_str(&diag::render_with(
                    &shown, &src, &index, e.span, None, &e.message,
                ));
            }
            eprint!("{out}");
            Ok(false)
        }
    }
}
