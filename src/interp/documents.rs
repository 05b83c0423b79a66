//! Whole-document commands on the file system (docs/commands/document-to-text.md,
//! text-to-document.md, document-to-blob.md, blob-to-document.md,
//! test-path-name.md, delete-document.md).
//!
//! A relative path is taken from the folder of the application's "structure
//! file": the `Project/` folder of a project, or the folder of the method file
//! run (the current directory for `fourd run -e`). Both `/` and `:` may not
//! be mixed: paths are POSIX paths here.
//!
//! `Document to text` reads UTF-8 when neither a BOM nor a character set says
//! otherwise (4D documents ANSI/MacRoman, fourd's choice is the encoding that
//! `TEXT TO DOCUMENT` writes by default).

use super::dispatch::Registry;
use super::{Interp, R};
use crate::error::{RtResult, RuntimeError};
use crate::runtime::commands::charset::{charset, decode, encode, Charset};
use crate::value::compare::as_number;
use crate::value::format::to_text;
use crate::value::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// 4D's "file not found" error.
pub const FILE_NOT_FOUND: i32 = -43;
/// Other I/O failures (permissions, a folder given for a file…).
pub const IO_ERROR: i32 = -36;

pub fn register(r: &mut Registry) {
    r.add("Document to text", document_to_text);
    r.add("TEXT TO DOCUMENT", text_to_document);
    r.add("BLOB TO DOCUMENT", blob_to_document);
    r.add("Test path name", test_path_name);
    r.add("DELETE DOCUMENT", delete_document);
    r.add("Get 4D folder", get_4d_folder);
}

/// The folder relative document paths start from.
pub(crate) fn base_dir(cx: &Interp) -> PathBuf {
    let main = cx.frames.first().map(|f| f.method.path.clone());
    let file = match main {
        Some(p) if p.ends_with(".4dm") => PathBuf::from(&*p),
        _ => return PathBuf::from("."),
    };
    let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
    let dir = if dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        dir
    };
    // …/Project/Sources/Methods/x.4dm: the structure is in …/Project.
    let abs = std::fs::canonicalize(&dir).unwrap_or_else(|_| dir.clone());
    let in_project = abs.file_name().is_some_and(|n| n == "Methods")
        && abs
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|n| n == "Sources");
    if in_project {
        dir.join("..").join("..")
    } else {
        dir
    }
}

fn path_arg(cx: &Interp, args: &[Value], cmd: &str) -> RtResult<PathBuf> {
    let p = match args.first() {
        Some(v) => to_text(v),
        None => {
            return Err(RuntimeError::new(
                super::errors::BAD_ARGUMENT,
                format!("{cmd}: a document name is expected"),
            ))
        }
    };
    let p = PathBuf::from(p);
    Ok(if p.is_absolute() {
        p
    } else {
        base_dir(cx).join(p)
    })
}

pub(crate) fn io_error(path: &Path, e: std::io::Error) -> RuntimeError {
    let code = match e.kind() {
        std::io::ErrorKind::NotFound => FILE_NOT_FOUND,
        _ => IO_ERROR,
    };
    RuntimeError::new(code, format!("{}: {e}", path.display()))
}

/// Line breaks per `breakMode` (1, native, is LF here as on macOS).
pub(crate) fn convert_breaks(text: &str, mode: i64) -> String {
    let eol = match mode {
        0 => return text.to_string(),
        2 => "\r\n",
        3 => "\r",
        _ => "\n",
    };
    let lf = text.replace("\r\n", "\n").replace('\r', "\n");
    if eol == "\n" {
        lf
    } else {
        lf.replace('\n', eol)
    }
}

fn opt_int(args: &[Value], i: usize, default: i64) -> i64 {
    args.get(i)
        .and_then(as_number)
        .map(|n| n as i64)
        .unwrap_or(default)
}

/// `Document to text(fileName {; charSet {; breakMode}})`.
fn document_to_text(cx: &mut Interp, args: &[Value]) -> RtResult<Value> {
    let path = path_arg(cx, args, "Document to text")?;
    let bytes = std::fs::read(&path).map_err(|e| io_error(&path, e))?;
    // A BOM wins over the character set given.
    let (cs, body): (Charset, &[u8]) = if let Some(b) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (charset(&Value::text("UTF-8"))?, b)
    } else if let Some(b) = bytes.strip_prefix(b"\xFF\xFE") {
        (Charset::Utf16 { big_endian: false }, b)
    } else if let Some(b) = bytes.strip_prefix(b"\xFE\xFF") {
        (Charset::Utf16 { big_endian: true }, b)
    } else {
        match args.get(1) {
            Some(v) if !v.is_undefined() => (charset(v)?, &bytes[..]),
            _ => (charset(&Value::text("UTF-8"))?, &bytes[..]),
        }
    };
    let text = decode(body, &cs);
    Ok(Value::text(convert_breaks(&text, opt_int(args, 2, 1))))
}

/// `TEXT TO DOCUMENT(fileName; text {; charSet {; breakMode}})`: UTF-8 without
/// BOM by default; a named set gets its BOM unless it ends in "-no-bom".
fn text_to_document(cx: &mut Interp, args: &[Value]) -> RtResult<Value> {
    let path = path_arg(cx, args, "TEXT TO DOCUMENT")?;
    let text = convert_breaks(
        &args.get(1).map(to_text).unwrap_or_default(),
        opt_int(args, 3, 1),
    );
    let mut out = Vec::new();
    match args.get(2) {
        Some(v) if !v.is_undefined() => {
            let name = to_text(v).to_ascii_lowercase();
            let (v, bom) = match name.strip_suffix("-no-bom") {
                Some(base) => (Value::text(base), false),
                None => (v.clone(), true),
            };
            let cs = charset(&v)?;
            if bom {
                match &cs {
                    Charset::Utf16 { big_endian: false } => out.extend_from_slice(b"\xFF\xFE"),
                    Charset::Utf16 { big_endian: true } => out.extend_from_slice(b"\xFE\xFF"),
                    Charset::Other(e) if *e == encoding_rs::UTF_8 => {
                        out.extend_from_slice(b"\xEF\xBB\xBF")
                    }
                    _ => {}
                }
            }
            out.extend(encode(&text, &cs));
        }
        _ => out.extend_from_slice(text.as_bytes()),
    }
    std::fs::write(&path, out).map_err(|e| io_error(&path, e))?;
    Ok(Value::Undefined)
}

/// `BLOB TO DOCUMENT(fileName; blob)`.
fn blob_to_document(cx: &mut Interp, args: &[Value]) -> RtResult<Value> {
    let path = path_arg(cx, args, "BLOB TO DOCUMENT")?;
    let data: &[u8] = match args.get(1) {
        Some(Value::Blob(b)) => b,
        _ => &[],
    };
    std::fs::write(&path, data).map_err(|e| io_error(&path, e))?;
    Ok(Value::Undefined)
}

/// `DOCUMENT TO BLOB(fileName; blob)` (an output-parameter command).
pub fn document_to_blob(cx: &mut Interp, args: &mut [Value]) -> R<Value> {
    let path = path_arg(cx, args, "DOCUMENT TO BLOB").map_err(Box::new)?;
    let bytes = std::fs::read(&path).map_err(|e| Box::new(io_error(&path, e)))?;
    if let Some(slot) = args.get_mut(1) {
        *slot = Value::Blob(Arc::new(bytes));
    }
    Ok(Value::Undefined)
}

/// `Test path name(pathname)`: 1 for a document, 0 for a folder, -43 when
/// nothing is there.
fn test_path_name(cx: &mut Interp, args: &[Value]) -> RtResult<Value> {
    let path = path_arg(cx, args, "Test path name")?;
    Ok(Value::Int(match std::fs::metadata(&path) {
        Ok(m) if m.is_dir() => 0,
        Ok(_) => 1,
        Err(_) => FILE_NOT_FOUND,
    }))
}

/// The application's root folder: the folder holding `Project/` for a
/// project, else the folder of the method run.
pub(crate) fn root_dir(cx: &Interp) -> PathBuf {
    let base = base_dir(cx);
    let abs = std::fs::canonicalize(&base).unwrap_or_else(|_| base.clone());
    if abs.file_name().is_some_and(|n| n == "Project") {
        abs.parent().map(Path::to_path_buf).unwrap_or(abs)
    } else {
        abs
    }
}

/// A folder path as 4D returns it: absolute, ending with the separator.
fn folder_text(p: &Path) -> Value {
    let mut s = p.to_string_lossy().into_owned();
    if !s.ends_with(std::path::MAIN_SEPARATOR) {
        s.push(std::path::MAIN_SEPARATOR);
    }
    Value::text(s)
}

/// `Get 4D folder({folder {; options}{; *}})`: the database folder is the
/// root of the project (the folder of the method run outside a project);
/// `Current resources folder`, `Logs folder` and the others sit in it, and
/// the resources and logs folders are created when missing, as in 4D.
fn get_4d_folder(cx: &mut Interp, args: &[Value]) -> RtResult<Value> {
    let which = opt_int(args, 0, 0);
    let root = root_dir(cx);
    let (path, create) = match which {
        4 | 5 => (root, false),
        6 => (root.join("Resources"), true),
        7 => (root.join("Data").join("Logs"), true),
        8 => (root.join("WebFolder"), false),
        9 => (root.join("Data"), false),
        10 => (root.join("Data").join("MobileApps"), false),
        0 | 1 | 3 => {
            let home = std::env::var_os("HOME").map(PathBuf::from);
            let active = home.unwrap_or_else(std::env::temp_dir).join(".fourd");
            (
                if which == 1 {
                    active.join("Licenses")
                } else {
                    active
                },
                false,
            )
        }
        n => {
            return Err(RuntimeError::new(
                super::errors::BAD_ARGUMENT,
                format!("Get 4D folder: unknown folder type {n}"),
            ))
        }
    };
    if create {
        std::fs::create_dir_all(&path).map_err(|e| io_error(&path, e))?;
    }
    Ok(folder_text(&path))
}

/// `DELETE DOCUMENT(fileName)`.
fn delete_document(cx: &mut Interp, args: &[Value]) -> RtResult<Value> {
    let path = path_arg(cx, args, "DELETE DOCUMENT")?;
    std::fs::remove_file(&path).map_err(|e| io_error(&path, e))?;
    Ok(Value::Undefined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_line_breaks() {
        assert_eq!(convert_breaks("a\r\nb\rc\n", 1), "a\nb\nc\n");
        assert_eq!(convert_breaks("a\nb", 2), "a\r\nb");
        assert_eq!(convert_breaks("a\r\nb", 0), "a\r\nb");
        assert_eq!(convert_breaks("a\nb", 3), "a\rb");
    }

    #[test]
    fn documents_missing_file_is_error_43() {
        let e = io_error(
            Path::new("x"),
            std::io::Error::from(std::io::ErrorKind::NotFound),
        );
        assert_eq!(e.code, FILE_NOT_FOUND);
    }
}
