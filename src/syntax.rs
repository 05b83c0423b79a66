//! The front end: source text to AST. Nothing here depends on the interpreter.

pub mod ast;
pub mod grammar_util;
pub mod lexer;
pub mod parser;
pub mod source;

pub use ast::SourceFile;
pub use parser::{parse_method, parse_method_with};
pub use source::LineIndex;

/// A syntax error at a byte span of the source.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct SyntaxError {
    pub span: ast::Span,
    pub message: String,
}

/// Names the lexer must match like catalog commands (longest match, case-insensitive):
/// the project methods of the loaded project, whose names may contain spaces.
#[derive(Clone, Debug, Default)]
pub struct ParseOptions {
    pub method_names: Vec<String>,
    /// `method_names` as a lookup table, built on first use and shared by
    /// every parse with these options (a project has thousands of methods).
    table: std::sync::OnceLock<std::sync::Arc<lexer::MethodTable>>,
}

impl ParseOptions {
    pub fn new(method_names: Vec<String>) -> Self {
        ParseOptions {
            method_names,
            table: Default::default(),
        }
    }

    pub(crate) fn method_table(&self) -> std::sync::Arc<lexer::MethodTable> {
        self.table
            .get_or_init(|| std::sync::Arc::new(lexer::MethodTable::new(&self.method_names)))
            .clone()
    }
}
