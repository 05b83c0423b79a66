//! Is the entry finished? Counts block keywords, brackets, `\` continuations
//! and open comments with the front end's lexer (so `USE SET` is a command and
//! `Use (…)` a block, exactly as the parser will see them), so that `If (…)`
//! at the prompt asks for more lines until its `End if`.
//!
//! Anything malformed (a closer with no opener, a `)` too many) counts as
//! finished: the parser then reports the real error instead of the prompt
//! waiting for lines that can never fix it.

use super::scan::{scan, Tok};
use crate::syntax::ast::BinOp;
use crate::syntax::lexer::{lex, Token};
use crate::syntax::ParseOptions;

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
}

/// Whether the entry can run, and how deep the next line sits (for indentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryState {
    pub complete: bool,
    pub depth: usize,
}

/// Classes and functions have no end keyword: an entry that starts like one ends at a blank line.
const CLASS_MODIFIERS: &[&str] = &[
    "shared",
    "singleton",
    "session",
    "local",
    "exposed",
    "server",
];

pub fn entry_state(src: &str) -> EntryState {
    let (tokens, errors) = lex(src, &ParseOptions::default());
    let mut stack: Vec<Block> = Vec::new();
    let mut brackets: i64 = 0;
    let mut broken = false;
    let mut open_sql = false;
    let mut at_start = true;
    let class_mode = match tokens.first().map(|t| &t.1) {
        Some(
            Token::Function | Token::ClassConstructor | Token::Property | Token::ClassExtends(_),
        ) => true,
        Some(Token::Name(n)) => CLASS_MODIFIERS.iter().any(|m| n.eq_ignore_ascii_case(m)),
        _ => false,
    };

    for (i, (start, tok, _)) in tokens.iter().enumerate() {
        if *tok == Token::Newline {
            at_start = true;
            continue;
        }
        // A line inside open brackets is not a new statement.
        if at_start && brackets == 0 {
            let next = tokens.get(i + 1).map(|t| &t.1);
            let closer = match tok {
                Token::EndIf => Some(Block::If),
                Token::EndFor => Some(Block::For),
                Token::EndForEach => Some(Block::ForEach),
                Token::EndWhile => Some(Block::While),
                Token::Until => Some(Block::Repeat),
                Token::EndCase => Some(Block::Case),
                Token::EndUse => Some(Block::Use),
                Token::EndTry => Some(Block::Try),
                _ => None,
            };
            let opener = match tok {
                Token::If => Some(Block::If),
                Token::For => Some(Block::For),
                Token::ForEach => Some(Block::ForEach),
                Token::While => Some(Block::While),
                Token::Repeat => Some(Block::Repeat),
                Token::CaseOf => Some(Block::Case),
                Token::Use => Some(Block::Use),
                // `Try(expr)` is an expression; `Try` alone opens a block.
                Token::Try if next != Some(&Token::LParen) => Some(Block::Try),
                _ => None,
            };
            if let Some(c) = closer {
                broken |= stack.pop() != Some(c);
            } else if let Some(o) = opener {
                stack.push(o);
            }
        }
        at_start = false;
        match tok {
            Token::LParen | Token::LBracket | Token::LIndex | Token::LBrace | Token::LElem => {
                brackets += 1
            }
            // `[[` is closed by two `]`.
            Token::LCharAt => brackets += 2,
            Token::RParen | Token::RBracket | Token::RBrace => brackets -= 1,
            // `Begin SQL` with no `End SQL` yet: the lexer says so at the token.
            Token::Sql(_) => {
                open_sql |= errors.iter().any(|e| e.span.start as usize == *start);
            }
            _ => {}
        }
        broken |= brackets < 0;
    }

    let open_comment = errors.iter().any(|e| {
        src.get(e.span.start as usize..)
            .is_some_and(|s| s.starts_with("/*"))
    });
    // A `\` ending the text: the line it continues has not been typed yet.
    let continued = matches!(
        tokens.iter().rev().find(|t| t.1 != Token::Newline),
        Some((_, Token::Op(BinOp::IntDiv), end)) if *end == src.trim_end().len()
    );
    let last_blank = src.rsplit('\n').next().is_none_or(|l| l.trim().is_empty());
    let pending = !stack.is_empty()
        || brackets > 0
        || continued
        || open_comment
        || open_sql
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
        assert!(complete("If (1)\nEnd   IF"));
        assert!(!complete("If (1)\n$t:=\"End if\" // End if"));
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
