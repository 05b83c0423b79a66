//! A forgiving tokenizer for text being typed at the prompt.
//!
//! The real lexer rejects what is unfinished; the prompt sees unfinished text
//! all the time (an open string, half a comment, a dangling `(`). This one never
//! fails: it only splits the text into the pieces that colouring, bracket
//! matching, completion and the "is the entry finished?" check need.

/// What a piece of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    Space,
    Newline,
    /// `// …` or `/* … */` (nested); `closed` is false when the block comment runs off the end.
    Comment {
        closed: bool,
    },
    /// `"…"`; `closed` is false when the line ends first.
    Str {
        closed: bool,
    },
    /// Numbers, `!2024-01-31!` dates, `?12:30:00?` times.
    Number,
    /// A run of letters, digits and `_` (one word of a possibly multi-word name).
    Word,
    /// `$name`, `<>name`, `◊name`, `$1`.
    Var,
    /// `#DECLARE`.
    Directive,
    Open(char),
    Close(char),
    /// A `\` that ends its line (only spaces or a comment after it): the statement goes on.
    Continuation,
    /// Any other operator or punctuation character(s).
    Punct,
}

/// A token and its byte range in the scanned text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub tok: Tok,
    pub start: usize,
    pub end: usize,
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Splits `src` into tokens covering every byte.
pub fn scan(src: &str) -> Vec<Token> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < src.len() {
        let c = src[i..].chars().next().unwrap_or(' ');
        let start = i;
        let tok = match c {
            '\n' | '\r' => {
                i += 1;
                Tok::Newline
            }
            ' ' | '\t' => {
                while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
                    i += 1;
                }
                Tok::Space
            }
            '/' if b.get(i + 1) == Some(&b'/') => {
                i = line_end(src, i);
                Tok::Comment { closed: true }
            }
            '/' if b.get(i + 1) == Some(&b'*') => {
                let (end, closed) = block_comment(src, i);
                i = end;
                Tok::Comment { closed }
            }
            '"' => {
                let (end, closed) = string(src, i);
                i = end;
                Tok::Str { closed }
            }
            '$' | '◊' => {
                i += c.len_utf8();
                i = word_end(src, i);
                Tok::Var
            }
            '<' if b.get(i + 1) == Some(&b'>') && starts_word(src, i + 2) => {
                i = word_end(src, i + 2);
                Tok::Var
            }
            '#' if src[i + 1..].to_ascii_lowercase().starts_with("declare") => {
                i = word_end(src, i + 1);
                Tok::Directive
            }
            '!' => match date_or_time(src, i, b'!') {
                Some(end) => {
                    i = end;
                    Tok::Number
                }
                None => {
                    i += 1;
                    Tok::Punct
                }
            },
            '?' => match date_or_time(src, i, b'?') {
                Some(end) => {
                    i = end;
                    Tok::Number
                }
                None => {
                    i += 1;
                    Tok::Punct
                }
            },
            '\\' if continues_line(src, i + 1) => {
                i += 1;
                Tok::Continuation
            }
            '(' | '[' | '{' => {
                i += 1;
                Tok::Open(c)
            }
            ')' | ']' | '}' => {
                i += 1;
                Tok::Close(c)
            }
            c if c.is_ascii_digit() => {
                let w = word_end(src, i);
                let word = &src[i..w];
                if word.chars().all(|c| c.is_ascii_digit()) || is_hex(word) {
                    i = number_end(src, w);
                    Tok::Number
                } else {
                    // `4D`, `64 bit version`: a name that starts with a digit.
                    i = w;
                    Tok::Word
                }
            }
            c if is_word_char(c) => {
                i = word_end(src, i);
                Tok::Word
            }
            c => {
                i += c.len_utf8();
                Tok::Punct
            }
        };
        out.push(Token { tok, start, end: i });
    }
    out
}

fn starts_word(src: &str, i: usize) -> bool {
    src[i..].chars().next().is_some_and(is_word_char)
}

fn word_end(src: &str, mut i: usize) -> usize {
    for c in src[i..].chars() {
        if !is_word_char(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

fn line_end(src: &str, i: usize) -> usize {
    src[i..]
        .find(['\n', '\r'])
        .map(|n| i + n)
        .unwrap_or(src.len())
}

fn is_hex(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    w.len() > 2 && w.starts_with("0x") && w[2..].chars().all(|c| c.is_ascii_hexdigit())
}

/// After the integer part: an optional fraction and exponent.
fn number_end(src: &str, mut i: usize) -> usize {
    let b = src.as_bytes();
    if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i += 1;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        if b.get(j).is_some_and(u8::is_ascii_digit) {
            i = j;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
    }
    i
}

/// `/* … */` with nesting; returns the end offset and whether it was closed.
fn block_comment(src: &str, start: usize) -> (usize, bool) {
    let b = src.as_bytes();
    let mut depth = 0usize;
    let mut i = start;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
            depth += 1;
            i += 2;
        } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return (i, true);
            }
        } else {
            i += 1;
        }
    }
    (src.len(), false)
}

/// A string literal with `\` escapes; it cannot cross a line break.
fn string(src: &str, start: usize) -> (usize, bool) {
    let b = src.as_bytes();
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'\\' if i + 1 < b.len() && b[i + 1] != b'\n' && b[i + 1] != b'\r' => i += 2,
            b'"' => return (i + 1, true),
            b'\n' | b'\r' => return (i, false),
            _ => i += 1,
        }
    }
    (src.len(), false)
}

/// `!…!` dates and `?…?` times: digits and separators between the delimiters.
fn date_or_time(src: &str, start: usize, delim: u8) -> Option<usize> {
    let b = src.as_bytes();
    let mut i = start + 1;
    let mut digits = false;
    while i < b.len() {
        match b[i] {
            c if c == delim => {
                return digits.then_some(i + 1);
            }
            b'0'..=b'9' => digits = true,
            b'-' | b'/' | b':' | b'.' if digits => {}
            _ => return None,
        }
        i += 1;
    }
    None
}

/// True when only spaces or a comment follow on this line.
fn continues_line(src: &str, i: usize) -> bool {
    let rest = &src[i..line_end(src, i)];
    let rest = rest.trim_start_matches([' ', '\t']);
    rest.is_empty() || rest.starts_with("//") || rest.starts_with("/*")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(Tok, &str)> {
        scan(src)
            .into_iter()
            .filter(|t| t.tok != Tok::Space)
            .map(|t| (t.tok, &src[t.start..t.end]))
            .collect()
    }

    #[test]
    fn splits_a_typical_line() {
        assert_eq!(
            kinds(r#"$a:=Length("x\"y")+0x1F // done"#),
            vec![
                (Tok::Var, "$a"),
                (Tok::Punct, ":"),
                (Tok::Punct, "="),
                (Tok::Word, "Length"),
                (Tok::Open('('), "("),
                (Tok::Str { closed: true }, r#""x\"y""#),
                (Tok::Close(')'), ")"),
                (Tok::Punct, "+"),
                (Tok::Number, "0x1F"),
                (Tok::Comment { closed: true }, "// done"),
            ]
        );
    }

    #[test]
    fn unfinished_pieces_are_marked() {
        assert_eq!(kinds("\"abc"), vec![(Tok::Str { closed: false }, "\"abc")]);
        assert_eq!(
            kinds("/* a /* b */ c"),
            vec![(Tok::Comment { closed: false }, "/* a /* b */ c")]
        );
        assert_eq!(
            kinds("/* a /* b */ c */x"),
            vec![
                (Tok::Comment { closed: true }, "/* a /* b */ c */"),
                (Tok::Word, "x")
            ]
        );
    }

    #[test]
    fn literals_and_names_with_digits() {
        assert_eq!(
            kinds("!2024-01-31! ?12:30:00? 4D 1.5e3 <>g ◊h"),
            vec![
                (Tok::Number, "!2024-01-31!"),
                (Tok::Number, "?12:30:00?"),
                (Tok::Word, "4D"),
                (Tok::Number, "1.5e3"),
                (Tok::Var, "<>g"),
                (Tok::Var, "◊h"),
            ]
        );
        // A ternary `?` is not a time literal.
        assert_eq!(kinds("a ? b")[1], (Tok::Punct, "?"));
    }

    #[test]
    fn backslash_continues_only_at_line_end() {
        assert_eq!(kinds("a\\b")[1], (Tok::Punct, "\\"));
        assert_eq!(kinds("a \\  // more")[1], (Tok::Continuation, "\\"));
        assert_eq!(kinds("a \\\nb")[1], (Tok::Continuation, "\\"));
    }
}
