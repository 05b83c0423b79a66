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
}
