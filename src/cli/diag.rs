//! Rendering a diagnostic: `PATH:LINE:COL: error[ CODE]: MESSAGE`, then the
//! source line and a caret under the column. Shared by `check` (syntax errors)
//! and `run` (runtime errors).

use crate::syntax::ast::Span;
use crate::syntax::LineIndex;

/// Longest stretch of a source line shown; longer lines are cut around the column.
const MAX_SHOWN: usize = 120;

/// Renders one diagnostic as text ending in a newline. `code` is the 4D error
/// number where there is one (`error -10721: …`); `None` gives `error: …`.
pub fn render(path: &str, src: &str, span: Span, code: Option<i64>, message: &str) -> String {
    let index = LineIndex::new(src);
    render_with(path, src, &index, span, code, message)
}

/// Like `render`, reusing a line index already built for `src`.
pub fn render_with(
    path: &str,
    src: &str,
    index: &LineIndex,
    span: Span,
    code: Option<i64>,
    message: &str,
) -> String {
    let (line, col) = index.line_col(src, span.start.min(src.len() as u32));
    let head = match code {
        Some(c) => format!("{path}:{line}:{col}: error {c}: {message}\n"),
        None => format!("{path}:{line}:{col}: error: {message}\n"),
    };
    let text = index.line_text(src, line);
    if text.trim().is_empty() {
        return head;
    }
    let chars: Vec<char> = text.chars().collect();
    let col0 = (col - 1).min(chars.len());
    let from = col0.saturating_sub(MAX_SHOWN / 2).min(chars.len());
    let to = (from + MAX_SHOWN).min(chars.len());
    let shown: String = chars[from..to]
        .iter()
        .map(|&c| if c.is_control() && c != '\t' { ' ' } else { c })
        .collect();
    // Keep tabs in the caret's indent so it lines up under tabbed code.
    let pad: String = chars[from..col0.max(from)]
        .iter()
        .map(|&c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let cut_left = if from > 0 { "…" } else { "" };
    let cut_right = if to < chars.len() { "…" } else { "" };
    let indent = if from > 0 { " " } else { "" };
    format!("{head}    {cut_left}{shown}{cut_right}\n    {indent}{pad}^\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diag_points_at_column() {
        let src = "$a:=1\n\t$b:=(1+2))\n";
        let out = render("m.4dm", src, Span::new(16, 17), None, "unexpected ')'");
        assert_eq!(
            out,
            "m.4dm:2:11: error: unexpected ')'\n    \t$b:=(1+2))\n    \t         ^\n"
        );
        let out = render("m.4dm", src, Span::new(0, 1), Some(-10721), "boom");
        assert!(out.starts_with("m.4dm:1:1: error -10721: boom\n"));
    }
}
