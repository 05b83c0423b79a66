//! `4D.File` and `4D.Folder` (docs/API/FileClass.md, FolderClass.md,
//! docs/Concepts/paths.md): the `File`/`Folder` commands, the objects'
//! properties and their common functions.
//!
//! Paths are POSIX by default (`fk posix path`) and must be absolute or start
//! with a filesystem: `/PACKAGE` (the project's root folder, or the folder of
//! the method run outside a project), `/PROJECT`, `/SOURCES`, `/RESOURCES`,
//! `/DATA`, `/LOGS`. A relative path is an error, as in 4D.

use super::dispatch::Registry;
use super::documents::{self, io_error, root_dir};
use super::{Interp, R};
use crate::error::{RtResult, RuntimeError};
use crate::runtime::commands::charset::{charset, decode, encode, Charset};
use crate::value::compare::as_number;
use crate::value::format::to_text;
use crate::value::object::NativeObject;
use crate::value::{CollRef, ObjRef, Props, Sharing, Value};
use std::any::Any;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// 4D's error for an invalid path (a relative one given to `File`/`Folder`).
pub const BAD_PATH: i32 = -10530;

const FK_POSIX_PATH: i64 = 0;
const FK_PLATFORM_PATH: i64 = 1;

/// A file or folder object: where it is on disk, and how 4D names it.
#[derive(Debug)]
pub struct FsEntry {
    pub real: PathBuf,
    /// The POSIX path shown by `.path` (with its filesystem when given one).
    pub posix: String,
    pub folder: bool,
}

impl NativeObject for FsEntry {
    fn class_name(&self) -> &str {
        if self.folder {
            "Folder"
        } else {
            "File"
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn register(r: &mut Registry) {
    r.add("File", file_cmd);
    r.add("Folder", folder_cmd);
}

fn entry_object(real: PathBuf, posix: String, folder: bool) -> Value {
    Value::Object(ObjRef::with(
        Props::default(),
        None,
        Some(Arc::new(FsEntry {
            real,
            posix,
            folder,
        })),
        Sharing::None,
    ))
}

pub fn entry_of(o: &ObjRef) -> Option<&FsEntry> {
    o.0.native.as_ref()?.as_any().downcast_ref::<FsEntry>()
}

/// Where a filesystem name (`/RESOURCES`…) is on disk.
fn filesystem(cx: &Interp, name: &str) -> Option<PathBuf> {
    let root = root_dir(cx);
    Some(match name {
        "PACKAGE" => root,
        "PROJECT" => root.join("Project"),
        "SOURCES" => root.join("Project").join("Sources"),
        "RESOURCES" => root.join("Resources"),
        "DATA" => root.join("Data"),
        "LOGS" => root.join("Data").join("Logs"),
        "SETTINGS" => root.join("Settings"),
        _ => return None,
    })
}

/// Resolves the path argument of `File`/`Folder`.
fn resolve(cx: &Interp, path: &str, kind: i64, cmd: &str) -> RtResult<(PathBuf, String)> {
    let bad = || {
        RuntimeError::new(
            BAD_PATH,
            format!("{cmd}: '{path}' is not a valid path (use an absolute path or a filesystem such as /PACKAGE)"),
        )
    };
    if kind == FK_PLATFORM_PATH {
        let p = PathBuf::from(path);
        if !p.is_absolute() {
            return Err(bad());
        }
        return Ok((p, path.to_string()));
    }
    let Some(rest) = path.strip_prefix('/') else {
        return Err(bad());
    };
    let (first, tail) = rest.split_once('/').unwrap_or((rest, ""));
    if let Some(base) = filesystem(cx, first) {
        let real = if tail.is_empty() {
            base
        } else {
            base.join(tail.trim_end_matches('/'))
        };
        return Ok((real, path.to_string()));
    }
    let trimmed = path.trim_end_matches('/');
    let real = if trimmed.is_empty() { "/" } else { trimmed };
    Ok((PathBuf::from(real), path.to_string()))
}

fn make(cx: &mut Interp, args: &[Value], folder: bool) -> RtResult<Value> {
    let cmd = if folder { "Folder" } else { "File" };
    let path = match args.first() {
        Some(Value::Text(t)) => t.to_string(),
        // Folder(fk desktop folder)…: the user's folders.
        Some(v) if as_number(v).is_some() => {
            let home = std::env::var_os("HOME")
                .map(PathBuf::from)
                .unwrap_or_else(std::env::temp_dir);
            let p = match as_number(v).unwrap_or(0.0) as i64 {
                4 => root_dir(cx),
                9 => root_dir(cx).join("Data"),
                7 => root_dir(cx).join("Data").join("Logs"),
                115 => home.join("Desktop"),
                117 => home.join("Documents"),
                _ => home,
            };
            let s = p.to_string_lossy().into_owned();
            return Ok(entry_object(p, s, true));
        }
        _ => {
            return Err(RuntimeError::new(
                super::errors::BAD_ARGUMENT,
                format!("{cmd}: a path is expected"),
            ))
        }
    };
    let kind = args
        .get(1)
        .and_then(as_number)
        .map(|n| n as i64)
        .unwrap_or(FK_POSIX_PATH);
    let (real, posix) = resolve(cx, &path, kind, cmd)?;
    Ok(entry_object(real, posix, folder))
}

fn file_cmd(cx: &mut Interp, args: &[Value]) -> RtResult<Value> {
    make(cx, args, false)
}

fn folder_cmd(cx: &mut Interp, args: &[Value]) -> RtResult<Value> {
    make(cx, args, true)
}

fn child(e: &FsEntry, name: &str, folder: bool) -> Value {
    let mut posix = e.posix.clone();
    if !posix.ends_with('/') {
        posix.push('/');
    }
    posix.push_str(name);
    if folder {
        posix.push('/');
    }
    entry_object(e.real.join(name), posix, folder)
}

fn parent_of(e: &FsEntry) -> Value {
    match e.real.parent() {
        Some(p) => {
            let trimmed = e.posix.trim_end_matches('/');
            let posix = match trimmed.rfind('/') {
                Some(i) if i > 0 => trimmed[..=i].to_string(),
                _ => p.to_string_lossy().into_owned(),
            };
            entry_object(p.to_path_buf(), posix, true)
        }
        None => Value::Null,
    }
}

fn full_name(e: &FsEntry) -> String {
    e.real
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn extension(e: &FsEntry) -> String {
    if e.folder {
        return String::new();
    }
    e.real
        .extension()
        .map(|x| format!(".{}", x.to_string_lossy()))
        .unwrap_or_default()
}

/// Properties (`.name`, `.exists`…); `None` for anything else.
pub fn get(o: &ObjRef, name: &str) -> Option<RtResult<Value>> {
    let e = entry_of(o)?;
    let meta = std::fs::metadata(&e.real).ok();
    Some(Ok(match name {
        "fullName" => Value::text(full_name(e)),
        "name" => {
            let f = full_name(e);
            let ext = extension(e);
            Value::text(f.strip_suffix(ext.as_str()).unwrap_or(&f).to_string())
        }
        "extension" => Value::text(extension(e)),
        "path" => {
            let mut p = e.posix.clone();
            if e.folder && !p.ends_with('/') {
                p.push('/');
            }
            Value::text(p)
        }
        "platformPath" => {
            let mut p = e.real.to_string_lossy().into_owned();
            if e.folder && !p.ends_with('/') {
                p.push('/');
            }
            Value::text(p)
        }
        "exists" => Value::Bool(meta.as_ref().is_some_and(|m| m.is_dir() == e.folder)),
        "isFile" => Value::Bool(!e.folder),
        "isFolder" => Value::Bool(e.folder),
        "isAlias" => Value::Bool(
            std::fs::symlink_metadata(&e.real).is_ok_and(|m| m.file_type().is_symlink()),
        ),
        "hidden" => Value::Bool(full_name(e).starts_with('.')),
        "size" if !e.folder => Value::Real(meta.as_ref().map_or(0, |m| m.len()) as f64),
        "parent" => parent_of(e),
        "original" => Value::Object(o.clone()),
        _ => return None,
    }))
}

fn text_arg(args: &[Value], i: usize) -> String {
    args.get(i).map(to_text).unwrap_or_default()
}

/// Functions (`.create()`, `.getText()`…); `None` when there is no such one.
pub fn call(_cx: &mut Interp, o: &ObjRef, name: &str, args: &[Value]) -> Option<R<Value>> {
    let e = entry_of(o)?;
    let r: RtResult<Value> = (|| {
        let io = |err| io_error(&e.real, err);
        Ok(match (e.folder, name) {
            (_, "exists") => Value::Bool(e.real.exists()),
            (false, "create") => {
                if e.real.exists() {
                    Value::Bool(false)
                } else {
                    if let Some(p) = e.real.parent() {
                        std::fs::create_dir_all(p).map_err(io)?;
                    }
                    std::fs::write(&e.real, b"").map_err(io)?;
                    Value::Bool(true)
                }
            }
            (true, "create") => {
                if e.real.is_dir() {
                    Value::Bool(false)
                } else {
                    std::fs::create_dir_all(&e.real).map_err(io)?;
                    Value::Bool(true)
                }
            }
            (false, "delete") => {
                if e.real.exists() {
                    std::fs::remove_file(&e.real).map_err(io)?;
                }
                Value::Undefined
            }
            (true, "delete") => {
                // delete(Delete with contents) removes a non-empty folder.
                let with_contents = args.first().and_then(as_number) == Some(1.0);
                if e.real.exists() {
                    if with_contents {
                        std::fs::remove_dir_all(&e.real).map_err(io)?;
                    } else {
                        std::fs::remove_dir(&e.real).map_err(io)?;
                    }
                }
                Value::Undefined
            }
            (false, "getText") => {
                let bytes = std::fs::read(&e.real).map_err(io)?;
                let (cs, body): (Charset, &[u8]) =
                    if let Some(b) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
                        (charset(&Value::text("UTF-8"))?, b)
                    } else {
                        match args.first() {
                            Some(v) if !v.is_undefined() => (charset(v)?, &bytes[..]),
                            _ => (charset(&Value::text("UTF-8"))?, &bytes[..]),
                        }
                    };
                let mode = args.get(1).and_then(as_number).map_or(1, |n| n as i64);
                Value::text(documents::convert_breaks(&decode(body, &cs), mode))
            }
            (false, "setText") => {
                let text = text_arg(args, 0);
                let mode = args.get(2).and_then(as_number).map_or(1, |n| n as i64);
                let text = documents::convert_breaks(&text, mode);
                let bytes = match args.get(1) {
                    Some(v) if !v.is_undefined() => encode(&text, &charset(v)?),
                    _ => text.into_bytes(),
                };
                std::fs::write(&e.real, bytes).map_err(io)?;
                Value::Undefined
            }
            (false, "getContent") => Value::Blob(Arc::new(std::fs::read(&e.real).map_err(io)?)),
            (false, "setContent") => {
                let data: &[u8] = match args.first() {
                    Some(Value::Blob(b)) => b,
                    _ => &[],
                };
                std::fs::write(&e.real, data).map_err(io)?;
                Value::Undefined
            }
            (true, "file") => child(e, &text_arg(args, 0), false),
            (true, "folder") => child(e, &text_arg(args, 0), true),
            (true, "files") | (true, "folders") => {
                let want_dirs = name == "folders";
                let mut names: Vec<String> = std::fs::read_dir(&e.real)
                    .map_err(io)?
                    .filter_map(|d| d.ok())
                    .filter(|d| d.path().is_dir() == want_dirs)
                    .map(|d| d.file_name().to_string_lossy().into_owned())
                    // Invisible files are left out unless asked (fk ignore invisible is the default).
                    .filter(|n| !n.starts_with('.'))
                    .collect();
                names.sort();
                let items = names.iter().map(|n| child(e, n, want_dirs)).collect();
                Value::Collection(CollRef::new(items))
            }
            (_, "rename") => {
                let new_name = text_arg(args, 0);
                let dest = e.real.with_file_name(&new_name);
                if dest.exists() {
                    return Err(RuntimeError::new(
                        documents::IO_ERROR,
                        format!("{}: already exists", dest.display()),
                    ));
                }
                std::fs::rename(&e.real, &dest).map_err(io)?;
                let parent = match parent_of(e) {
                    Value::Object(p) => p,
                    _ => return Ok(Value::Null),
                };
                let pe = entry_of(&parent).map(|p| (p.real.clone(), p.posix.clone()));
                match pe {
                    Some((real, posix)) => child(
                        &FsEntry {
                            real,
                            posix,
                            folder: true,
                        },
                        &new_name,
                        e.folder,
                    ),
                    None => Value::Null,
                }
            }
            (_, "copyTo") | (_, "moveTo") => {
                let Some(Value::Object(dest)) = args.first() else {
                    return Err(RuntimeError::new(
                        super::errors::BAD_ARGUMENT,
                        format!(".{name}(): a destination folder is expected"),
                    ));
                };
                let Some(d) = entry_of(dest).filter(|d| d.folder) else {
                    return Err(RuntimeError::new(
                        super::errors::BAD_ARGUMENT,
                        format!(".{name}(): a destination folder is expected"),
                    ));
                };
                let new_name = match args.get(1) {
                    Some(Value::Text(t)) if !t.is_empty() => t.to_string(),
                    _ => full_name(e),
                };
                let target = d.real.join(&new_name);
                let overwrite = args.iter().skip(1).any(|v| as_number(v) == Some(4.0));
                if target.exists() && !overwrite {
                    return Err(RuntimeError::new(
                        documents::IO_ERROR,
                        format!("{}: already exists", target.display()),
                    ));
                }
                if name == "moveTo" {
                    std::fs::rename(&e.real, &target).map_err(io)?;
                } else if e.folder {
                    copy_dir(&e.real, &target).map_err(io)?;
                } else {
                    std::fs::copy(&e.real, &target).map_err(io)?;
                }
                child(d, &new_name, e.folder)
            }
            _ => {
                return Err(RuntimeError::new(
                    super::errors::NO_SUCH_MEMBER,
                    String::new(),
                ))
            }
        })
    })();
    match r {
        Err(e) if e.code == super::errors::NO_SUCH_MEMBER && e.message.is_empty() => None,
        r => Some(r.map_err(Box::new)),
    }
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let dest = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &dest)?;
        } else {
            std::fs::copy(entry.path(), dest)?;
        }
    }
    Ok(())
}
