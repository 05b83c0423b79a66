//! Is the entry finished? Counts block keywords, brackets, `\` continuations
//! and open comments, so that `If (…)` at the prompt asks for more lines until
//! its `End if`.
//!
//! Anything malformed (a closer with no opener, a `)` too many) counts as
//! finished: the parser then reports the real error instead of the prompt
//! waiting for lines that can never fix it.

use super::scan::{scan, Tok, Token};

/// The blocks that have an end keyword.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Block {
    If,
    For,
    ForEach,
    While,
    Repeat,
    Case,
    Use,
    Try,
    Sql,
}

/// Whether the entry can run, and how deep the next line sits (for indentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryState {
    pub complete: bool,
    pub depth: usize,
}

/// Classes and functions have no end keyword: an entry that starts like one ends at a blank line.
const CLASS_STARTS: &[&str] = &[
    "class",
    "function",
    "property",
    "shared",
    "singleton",
    "session",
    "local",
    "exposed",
    "server",
];

pub fn entry_state(src: &str) -> EntryState {
    let tokens = scan(src);
    let lines: Vec<&[Token]> = tokens.split(|t| t.tok == Tok::Newline).collect();
    let mut stack: Vec<Block> = Vec::new();
    let mut brackets: i64 = 0;
    let mut continued = false;
    let mut broken = false;
    let mut class_mode = false;
    let mut open_comment = false;
    let mut first_statement = true;

    for line in &lines {
        let sig: Vec<&Token> = line.iter().filter(|t| t.tok != Tok::Space).collect();
        let words: Vec<String> = sig
            .iter()
            .take_while(|t| t.tok == Tok::Word)
            .take(3)
            .map(|t| src[t.start..t.end].to_lowercase())
            .collect();
        let w = |i: usize| words.get(i).map(String::as_str).unwrap_or("");
        // What follows the first word(s): `Use(` is a block, `USE SET` a command.
        let after = |n: usize| sig.get(n).map(|t| t.tok);
        let statement_start = !continued && brackets == 0 && !open_comment;

        if stack.last() == Some(&Block::Sql) {
            // Raw SQL until `End SQL`: its brackets and words are not 4D's.
            if w(0) == "end" && w(1) == "sql" {
                stack.pop();
            }
            continue;
        }
        if statement_start && !words.is_empty() {
            if first_statement && CLASS_STARTS.contains(&w(0)) {
                class_mode = true;
            }
            let closer = match (w(0), w(1), w(2)) {
                ("end", "for", "each") => Some(Block::ForEach),
                ("end", "if", _) => Some(Block::If),
                ("end", "for", _) => Some(Block::For),
                ("end", "while", _) => Some(Block::While),
                ("end", "case", _) => Some(Block::Case),
                ("end", "use", _) => Some(Block::Use),
                ("end", "try", _) => Some(Block::Try),
                ("until", _, _) => Some(Block::Repeat),
                _ => None,
            };
            let opener = match (w(0), w(1)) {
                ("for", "each") => Some(Block::ForEach),
                ("for", _) => Some(Block::For),
                ("if", _) => Some(Block::If),
                ("while", _) => Some(Block::While),
                ("repeat", _) => Some(Block::Repeat),
                ("case", "of") => Some(Block::Case),
                ("use", _) if matches!(after(1), Some(Tok::Open('('))) => Some(Block::Use),
                ("try", _) if !matches!(after(1), Some(Tok::Open(_))) => Some(Block::Try),
                ("begin", "sql") => Some(Block::Sql),
                _ => None,
            };
            if let Some(c) = closer {
                if stack.pop() != Some(c) {
                    broken = true;
                }
            } else if let Some(o) = opener {
                stack.push(o);
            }
        }
        if !sig.is_empty() {
            first_statement = false;
        }
        for t in &sig {
            match t.tok {
                Tok::Open(_) => brackets += 1,
                Tok::Close(_) => brackets -= 1,
                _ => {}
            }
            if brackets < 0 {
                broken = true;
            }
        }
        continued = sig.last().is_some_and(|t| t.tok == Tok::Continuation);
        open_comment = sig
            .last()
            .is_some_and(|t| t.tok == Tok::Comment { closed: false });
    }

    let last_blank = lines
        .last()
        .is_none_or(|l| l.iter().all(|t| t.tok == Tok::Space));
    let pending = !stack.is_empty()
        || brackets > 0
        || continued
        || open_comment
        || (class_mode && !last_blank);
    let depth = stack.len() + usize::from(brackets > 0 || continued) + usize::from(class_mode);
    EntryState {
        complete: broken || !pending,
        depth,
    }
}

/// A continuation line that closes or splits its block (`End if`, `Else`,
/// `: (case)`, `Until`, `Catch`) belongs one level out from the body it
/// follows: the line re-indented so, if its indentation should change.
pub fn dedented(line: &str, depth: usize) -> Option<String> {
    let tokens = scan(line);
    let first = tokens.iter().find(|t| t.tok != Tok::Space)?;
    let text = &line[first.start..first.end];
    let splits = match first.tok {
        Tok::Word => ["end", "else", "catch", "until"]
            .iter()
            .any(|k| text.eq_ignore_ascii_case(k)),
        Tok::Punct => text == ":",
        _ => false,
    };
    let want = format!(
        "{}{}",
        "  ".repeat(depth.saturating_sub(1)),
        &line[first.start..]
    );
    (splits && want != line).then_some(want)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete(src: &str) -> bool {
        entry_state(src).complete
    }

    #[test]
    fn single_lines_are_complete() {
        assert!(complete("ALERT(\"x\")"));
        assert!(complete("$a:=1+2"));
        assert!(complete("USE SET(\"s\")"));
        assert!(complete("$x:=Try(1/0)"));
        assert!(complete("// just a comment"));
        assert!(complete(""));
    }

    #[test]
    fn blocks_wait_for_their_end() {
        assert!(!complete("If ($a=1)"));
        assert!(!complete("If ($a=1)\nALERT(\"x\")\nElse"));
        assert!(complete("If ($a=1)\nALERT(\"x\")\nElse\nEND IF"));
        assert!(!complete("For each ($x; $c)\nFor ($i;1;2)\nEnd for"));
        assert!(complete("For each ($x; $c) Until ($x=2)\nEnd for each"));
        assert!(!complete("Repeat\n$i+=1"));
        assert!(complete("Repeat\n$i+=1\nUntil ($i>3)"));
        assert!(!complete("Case of\n: ($a=1)"));
        assert!(complete("case of\n: ($a=1)\nend case"));
        assert!(!complete("Use (Storage)"));
        assert!(complete("Use (Storage)\nEnd use"));
        assert!(!complete("Try\nthrow(1)\nCatch"));
        assert!(complete("Try\nthrow(1)\nCatch\nEnd try"));
        assert!(!complete("While (True)"));
        assert!(complete("While (True)\nEnd while"));
    }

    #[test]
    fn brackets_continuations_and_comments() {
        assert!(!complete("$o:={a: 1;"));
        assert!(complete("$o:={a: 1;\nb: [1;\n2]}"));
        assert!(!complete("$t:=\"a\"+\\"));
        assert!(complete("$t:=\"a\"+\\\n\"b\""));
        assert!(!complete("/* open"));
        assert!(complete("/* open\n*/"));
        // Brackets inside strings and comments do not count.
        assert!(complete("ALERT(\"(\") // ("));
        // Block keywords inside a bracket continuation are not statements.
        assert!(complete("$c:=New collection(\nIf)"));
    }

    #[test]
    fn sql_blocks_are_raw() {
        assert!(!complete("Begin SQL\nSELECT (a FROM t"));
        assert!(complete("Begin SQL\nSELECT (a FROM t\nEnd SQL"));
    }

    #[test]
    fn malformed_entries_are_handed_to_the_parser() {
        assert!(complete("End if"));
        assert!(complete("If (1)\nEnd for"));
        assert!(complete("ALERT(\"x\"))"));
    }

    #[test]
    fn classes_end_at_a_blank_line() {
        assert!(!complete("Function f($x : Integer) : Integer"));
        assert!(!complete("Function f($x : Integer) : Integer\nreturn $x*2"));
        assert!(complete(
            "Function f($x : Integer) : Integer\nreturn $x*2\n"
        ));
    }

    #[test]
    fn closers_step_out_one_level() {
        assert_eq!(dedented("  End if", 1), Some("End if".into()));
        assert_eq!(dedented("    else", 2), Some("  else".into()));
        assert_eq!(dedented("  : ($a=1)", 1), Some(": ($a=1)".into()));
        assert_eq!(dedented("End if", 1), None);
        assert_eq!(dedented("  ALERT(\"x\")", 1), None);
        assert_eq!(dedented("  Endless:=1", 1), None);
    }

    #[test]
    fn depth_follows_nesting() {
        assert_eq!(entry_state("If (1)").depth, 1);
        assert_eq!(entry_state("If (1)\nFor ($i;1;2)").depth, 2);
        assert_eq!(entry_state("If (1)\nFor ($i;1;2)\nEnd for").depth, 1);
    }
}
