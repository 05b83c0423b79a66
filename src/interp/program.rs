//! The loaded program, shared by every process: project methods (parsed and
//! compiled lazily, on first call), user classes, the interned names of
//! process variables and the interprocess variables.

use super::class::ClassRt;
use super::dispatch::fold;
use super::{errors, Method, R};
use crate::error::RuntimeError;
use crate::syntax::{ParseOptions, SourceFile};
use crate::value::{ObjRef, Value};
use parking_lot::{Mutex, RwLock};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// Where a method's source comes from.
#[derive(Debug)]
pub enum SourceOf {
    File(PathBuf),
    Inline(String),
}

pub struct MethodSlot {
    pub name: String,
    pub path: String,
    pub source: SourceOf,
    compiled: OnceLock<Result<Arc<Method>, Box<RuntimeError>>>,
}

pub struct ClassSlot {
    pub name: String,
    pub path: String,
    pub source: SourceOf,
    pub(crate) compiled: OnceLock<Result<Arc<ClassRt>, Box<RuntimeError>>>,
}

/// Case-folded names of process/interprocess variables → dense indices.
#[derive(Default)]
pub struct Interner {
    map: RwLock<HashMap<String, u32>>,
    names: RwLock<Vec<String>>,
}

impl Interner {
    pub fn intern(&self, name: &str) -> u32 {
        let key = fold(name);
        if let Some(&i) = self.map.read().get(&key) {
            return i;
        }
        let mut map = self.map.write();
        if let Some(&i) = map.get(&key) {
            return i;
        }
        let mut names = self.names.write();
        let i = names.len() as u32;
        names.push(key.clone());
        map.insert(key, i);
        i
    }
    pub fn lookup(&self, name: &str) -> Option<u32> {
        self.map.read().get(&fold(name)).copied()
    }
    pub fn name(&self, i: u32) -> String {
        self.names
            .read()
            .get(i as usize)
            .cloned()
            .unwrap_or_default()
    }
}

pub struct Program {
    pub methods: Vec<MethodSlot>,
    by_name: HashMap<String, u32>,
    /// Method names for the parser (names with spaces must be known to it).
    pub method_names: Vec<String>,
    /// The parser's options for this project, built once (its method-name
    /// table is shared by every parse).
    parse_opts: ParseOptions,
    classes: HashMap<String, ClassSlot>,
    pub interner: Interner,
    pub inter_vars: Mutex<Vec<Value>>,
    /// The `cs` class store and the `4D` store objects.
    pub cs: ObjRef,
    pub four_d: ObjRef,
}

impl Program {
    /// A program with no project methods (`fourd run -e`).
    pub fn empty() -> Program {
        Program::with_files(Vec::new(), Vec::new())
    }

    /// A program from method files and class files (name, path).
    pub fn with_files(methods: Vec<(String, PathBuf)>, classes: Vec<(String, PathBuf)>) -> Program {
        let mut slots = Vec::new();
        let mut by_name = HashMap::new();
        let mut method_names = Vec::new();
        for (name, path) in methods {
            let key = fold(&name);
            if by_name.contains_key(&key) {
                continue;
            }
            by_name.insert(key, slots.len() as u32);
            method_names.push(name.clone());
            slots.push(MethodSlot {
                name,
                path: path.display().to_string(),
                source: SourceOf::File(path),
                compiled: OnceLock::new(),
            });
        }
        let classes = classes
            .into_iter()
            .map(|(name, path)| {
                (
                    name.clone(),
                    ClassSlot {
                        name,
                        path: path.display().to_string(),
                        source: SourceOf::File(path),
                        compiled: OnceLock::new(),
                    },
                )
            })
            .collect();
        Program {
            methods: slots,
            by_name,
            parse_opts: ParseOptions::new(method_names.clone()),
            method_names,
            classes,
            interner: Interner::default(),
            inter_vars: Mutex::new(Vec::new()),
            cs: super::class::store_object("cs"),
            four_d: super::class::store_object("4D"),
        }
    }

    /// Loads the project around `file`: the sibling `.4dm` files, or, inside
    /// `…/Project/Sources/Methods/`, the project's methods and classes.
    pub fn for_file(file: &Path) -> Program {
        let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
        let dir = if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir
        };
        let methods = list_4dm(&dir);
        let mut classes = Vec::new();
        // Judged on the absolute folder, so `fourd run main.4dm` run from
        // inside `Methods/` finds the project too.
        let abs = std::fs::canonicalize(&dir).unwrap_or_else(|_| dir.clone());
        let in_project = abs.file_name().is_some_and(|n| n == "Methods")
            && abs
                .parent()
                .and_then(|p| p.file_name())
                .is_some_and(|n| n == "Sources");
        if in_project {
            let sources = match dir.parent() {
                Some(p) if !p.as_os_str().is_empty() && dir.file_name().is_some() => {
                    p.to_path_buf()
                }
                _ => dir.join(".."),
            };
            classes = list_4dm(&sources.join("Classes"));
        }
        Program::with_files(methods, classes)
    }

    pub fn method_id(&self, name: &str) -> Option<u32> {
        self.by_name.get(&fold(name)).copied()
    }

    pub fn has_class(&self, name: &str) -> bool {
        self.classes.contains_key(name)
    }

    /// The method `id` if it is already compiled (the hot path of a call).
    #[inline]
    pub fn compiled_method(&self, id: u32) -> Option<&Arc<Method>> {
        match self.methods.get(id as usize)?.compiled.get() {
            Some(Ok(m)) => Some(m),
            _ => None,
        }
    }

    /// The compiled method `id`, parsing and compiling it on first use.
    pub fn method(self: &Arc<Self>, id: u32) -> R<Arc<Method>> {
        let slot = &self.methods[id as usize];
        slot.compiled
            .get_or_init(|| {
                let src = read_source(&slot.source, &slot.path)?;
                let ast = self.parse(&src, &slot.path)?;
                super::compile::compile_method(self, &slot.name, &slot.path, src.into(), &ast)
                    .map(Arc::new)
            })
            .clone()
    }

    /// Compiles code that is not a project method (`fourd run -e`, a file
    /// outside the project's method list).
    pub fn compile_inline(self: &Arc<Self>, src: &str, name: &str, path: &str) -> R<Arc<Method>> {
        let ast = self.parse(src, path)?;
        super::compile::compile_method(self, name, path, src.into(), &ast).map(Arc::new)
    }

    /// Parses `src` with this program's method names known to the lexer.
    pub fn parse(&self, src: &str, path: &str) -> R<SourceFile> {
        crate::syntax::parse_method_with(src, &self.parse_opts).map_err(|errs| {
            let lines = crate::syntax::LineIndex::new(src);
            let first = errs.into_iter().next();
            let (msg, pos) = match first {
                Some(e) => (e.message, e.span.start),
                None => ("syntax error".to_string(), 0),
            };
            let (line, column) = lines.line_col(src, pos);
            let mut e = RuntimeError::new(errors::SYNTAX, msg);
            e.location = Some(crate::error::Location {
                path: path.to_string(),
                line,
                column,
                method: String::new(),
            });
            Box::new(e)
        })
    }

    /// The class `name` (case-sensitive), loading it and its parents on first use.
    pub fn class(self: &Arc<Self>, name: &str) -> Option<R<Arc<ClassRt>>> {
        let slot = self.classes.get(name)?;
        Some(
            slot.compiled
                .get_or_init(|| {
                    let src = read_source(&slot.source, &slot.path)?;
                    let ast = self.parse(&src, &slot.path)?;
                    super::class::build_class(self, &slot.name, &slot.path, src.into(), &ast)
                })
                .clone(),
        )
    }
}

fn read_source(src: &SourceOf, path: &str) -> R<String> {
    match src {
        SourceOf::Inline(s) => Ok(s.clone()),
        SourceOf::File(p) => std::fs::read_to_string(p).map_err(|e| {
            errors::err(
                errors::METHOD_NOT_FOUND,
                format!("cannot read method file {path}: {e}"),
            )
        }),
    }
}

/// `(stem, path)` of every `.4dm` file in `dir`, sorted by name.
fn list_4dm(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("4dm")) {
                if let Some(stem) = p.file_stem().and_then(|s| s.to_str()) {
                    out.push((stem.to_string(), p.clone()));
                }
            }
        }
    }
    out.sort();
    out
}
