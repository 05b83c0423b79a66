//! Byte offsets to 1-based line and column.

/// Start offsets of every line, for turning spans into `line:col`.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let mut starts = vec![0u32];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' || (b == b'\r' && src.as_bytes().get(i + 1) != Some(&b'\n')) {
                starts.push(i as u32 + 1);
            }
        }
        LineIndex { starts }
    }

    /// 1-based line and column (in characters) of byte `offset`.
    pub fn line_col(&self, src: &str, offset: u32) -> (usize, usize) {
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line] as usize;
        let end = (offset as usize).min(src.len());
        let col = src
            .get(start..end)
            .map(|s| s.chars().count())
            .unwrap_or(end - start);
        (line + 1, col + 1)
    }

    /// The text of 1-based `line`, without its line break.
    pub fn line_text<'a>(&self, src: &'a str, line: usize) -> &'a str {
        let start = self.starts[line - 1] as usize;
        let end = self
            .starts
            .get(line)
            .map(|&e| e as usize)
            .unwrap_or(src.len());
        src.get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one() {
        let src = "ab\ncd\r\nef";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(src, 0), (1, 1));
        assert_eq!(idx.line_col(src, 4), (2, 2));
        assert_eq!(idx.line_col(src, 7), (3, 1));
        assert_eq!(idx.line_text(src, 2), "cd");
    }
}
