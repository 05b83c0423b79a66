//! Syntax colouring of the line being edited, and the bracket matching the
//! one at the cursor. The output has exactly the display width of the input
//! (only ANSI escapes are added), as rustyline requires.

use super::scan::{scan, Tok, Token};
use super::vocab::{NameKind, Vocab};

const KEYWORD: &str = "\x1b[1;35m";
const COMMAND: &str = "\x1b[34m";
const CONSTANT: &str = "\x1b[36m";
const STRING: &str = "\x1b[32m";
const NUMBER: &str = "\x1b[33m";
const COMMENT: &str = "\x1b[90m";
const MATCH: &str = "\x1b[1;4m";
const RESET: &str = "\x1b[0m";

/// `line` with colours; `cursor` (a byte offset) selects the bracket pair to show.
pub fn highlight(line: &str, cursor: Option<usize>, vocab: &Vocab) -> String {
    let tokens = scan(line);
    let mut spans: Vec<(usize, usize, &str)> = Vec::new();
    let mut i = 0;
    let mut after_dot = false;
    while i < tokens.len() {
        let t = tokens[i];
        match t.tok {
            Tok::Word if !after_dot => {
                if let Some((last, kind)) = longest_name(line, &tokens, i, vocab) {
                    let colour = match kind {
                        NameKind::Keyword => KEYWORD,
                        NameKind::Command => COMMAND,
                        NameKind::Constant => CONSTANT,
                    };
                    spans.push((t.start, tokens[last].end, colour));
                    i = last + 1;
                    after_dot = false;
                    continue;
                }
            }
            Tok::Str { .. } => spans.push((t.start, t.end, STRING)),
            Tok::Number => spans.push((t.start, t.end, NUMBER)),
            Tok::Comment { .. } => spans.push((t.start, t.end, COMMENT)),
            Tok::Directive => spans.push((t.start, t.end, KEYWORD)),
            _ => {}
        }
        if t.tok != Tok::Space {
            after_dot = t.tok == Tok::Punct && &line[t.start..t.end] == ".";
        }
        i += 1;
    }
    if let Some((a, b)) = cursor.and_then(|c| matching_pair(&tokens, c)) {
        for at in [a, b] {
            // A bracket inside a coloured span cannot happen (strings and comments hold none).
            spans.push((at, at + 1, MATCH));
        }
        spans.sort_by_key(|s| s.0);
    }

    let mut out = String::with_capacity(line.len() + spans.len() * 10);
    let mut at = 0;
    for (start, end, colour) in spans {
        out.push_str(&line[at..start]);
        out.push_str(colour);
        out.push_str(&line[start..end]);
        out.push_str(RESET);
        at = end;
    }
    out.push_str(&line[at..]);
    out
}

/// The longest catalog name or keyword made of the words starting at token `i`:
/// returns the index of its last token and its kind.
fn longest_name(
    line: &str,
    tokens: &[Token],
    i: usize,
    vocab: &Vocab,
) -> Option<(usize, NameKind)> {
    let mut word_ends = vec![i];
    let mut j = i;
    while word_ends.len() < vocab.max_words {
        match (tokens.get(j + 1), tokens.get(j + 2)) {
            (Some(s), Some(w)) if s.tok == Tok::Space && w.tok == Tok::Word => {
                j += 2;
                word_ends.push(j);
            }
            _ => break,
        }
    }
    let words: Vec<&str> = word_ends
        .iter()
        .map(|&k| &line[tokens[k].start..tokens[k].end])
        .collect();
    (1..=words.len()).rev().find_map(|n| {
        vocab
            .kind_of(&words[..n].join(" "))
            .map(|kind| (word_ends[n - 1], kind))
    })
}

/// The bracket at (or just before) the cursor and its partner, as byte offsets.
pub fn matching_pair(tokens: &[Token], cursor: usize) -> Option<(usize, usize)> {
    let at = |pos: usize| {
        tokens
            .iter()
            .position(|t| t.start == pos && matches!(t.tok, Tok::Open(_) | Tok::Close(_)))
    };
    let idx = at(cursor).or_else(|| cursor.checked_sub(1).and_then(at))?;
    let mut depth = 0i32;
    match tokens[idx].tok {
        Tok::Open(_) => {
            for t in &tokens[idx..] {
                match t.tok {
                    Tok::Open(_) => depth += 1,
                    Tok::Close(_) => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    return Some((tokens[idx].start, t.start));
                }
            }
        }
        _ => {
            for t in tokens[..=idx].iter().rev() {
                match t.tok {
                    Tok::Close(_) => depth += 1,
                    Tok::Open(_) => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    return Some((t.start, tokens[idx].start));
                }
            }
        }
    }
    None
}

/// `s` without ANSI escape sequences.
#[cfg(test)]
pub fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            chars.next();
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocab {
        Vocab::new(["Current date", "ALERT", "Length"], ["Is text"])
    }

    #[test]
    fn colours_keep_the_text() {
        let src = r#"If (Current date=!2024-01-01!) & ($o.length=1) // "c" (x"#;
        let out = highlight(src, Some(3), &vocab());
        assert_eq!(strip_ansi(&out), src);
    }

    #[test]
    fn colours_by_kind() {
        let v = vocab();
        assert_eq!(
            highlight("end IF", None, &v),
            format!("{KEYWORD}end IF{RESET}")
        );
        assert_eq!(
            highlight("$d:=current  date", None, &v),
            format!("$d:={COMMAND}current  date{RESET}")
        );
        assert_eq!(
            highlight("ALERT(\"x\") // y", None, &v),
            format!("{COMMAND}ALERT{RESET}({STRING}\"x\"{RESET}) {COMMENT}// y{RESET}")
        );
        // A property named like a command stays plain.
        assert_eq!(highlight("$o.length", None, &v), "$o.length");
        assert_eq!(
            highlight("x:=12.5", None, &v),
            format!("x:={NUMBER}12.5{RESET}")
        );
    }

    #[test]
    fn brackets_pair_up() {
        let t = scan("f((a)[\")\"])");
        assert_eq!(matching_pair(&t, 1), Some((1, 10)));
        assert_eq!(matching_pair(&t, 4), Some((2, 4)));
        assert_eq!(matching_pair(&t, 5), Some((5, 9)));
        assert_eq!(matching_pair(&t, 11), Some((1, 10)));
        assert_eq!(matching_pair(&t, 0), None);
        assert_eq!(matching_pair(&scan("(("), 1), None);
    }
}
