//! `parse_method`: source text to `SourceFile`, or the syntax errors found.
//!
//! Three passes over one token vector: the lexer (lexical errors), a block
//! checker (mismatched `If`/`End if`…, nesting limits; it gives messages in
//! 4D's words and can report several mismatches at once), then the LR parser.
//! After an LR error on a plain line, that line is dropped and the parse re-run
//! so a file shows more than its first error.

use lalrpop_util::ParseError;

use super::ast::{SourceFile, Span};
use super::lexer::{self, Spanned, Token};
use super::{LineIndex, ParseOptions, SyntaxError};

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused)]
    grammar,
    "/fourd.rs"
);

/// 4D's documented limit of nested blocks; also bounds bracket nesting.
pub const MAX_NESTING: usize = 512;
/// Bound on expression depth (brackets plus chained operators in one statement),
/// so that recursive walkers of the AST cannot overflow the stack.
pub const MAX_EXPR_DEPTH: usize = 1000;
/// At most this many LR errors are reported per file.
const MAX_PARSE_ERRORS: usize = 20;

/// Parses a method or class file with no project method names known.
pub fn parse_method(src: &str) -> Result<SourceFile, Vec<SyntaxError>> {
    parse_method_with(src, &ParseOptions::default())
}

/// Parses a method or class file; `opts.method_names` lex like catalog commands.
pub fn parse_method_with(src: &str, opts: &ParseOptions) -> Result<SourceFile, Vec<SyntaxError>> {
    // Fast path, one pass and no token vector: the lexer feeds the block
    // checker, which feeds the LR parser, and the stream stops at the first
    // problem of any kind. Only a file with errors is lexed again, to report
    // them all.
    let mut stream = Checked {
        lexer: lexer::Lexer::new(src, opts),
        checker: BlockChecker::new(src),
        peeked: None,
        stopped: false,
    };
    let parsed = grammar::FileParser::new().parse(stream.by_ref().map(Ok::<_, SyntaxError>));
    if let Ok(file) = parsed {
        if !stream.stopped && stream.lexer.errors.is_empty() && stream.checker.finish().is_empty() {
            return Ok(*file);
        }
    }
    drop(stream);
    let (toks, mut errors) = lexer::lex(src, opts);
    if errors.is_empty() {
        errors = check_blocks(src, &toks);
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.span.start);
        return Err(errors);
    }
    parse_reporting(toks)
}

/// The lexer's tokens passed through the block checker; ends early at the
/// first lexical or block error (`stopped`).
struct Checked<'s, 'o> {
    lexer: lexer::Lexer<'s, 'o>,
    checker: BlockChecker<'s>,
    /// One token of lookahead (the checker needs to see past `Try`).
    peeked: Option<Option<Spanned>>,
    stopped: bool,
}

impl Iterator for Checked<'_, '_> {
    type Item = Spanned;

    fn next(&mut self) -> Option<Spanned> {
        if self.stopped {
            return None;
        }
        let tok = match self.peeked.take() {
            Some(t) => t,
            None => self.lexer.next(),
        }?;
        let next = self.lexer.next();
        self.checker.feed(&tok, next.as_ref());
        self.peeked = Some(next);
        if !self.checker.errors.is_empty() || !self.lexer.errors.is_empty() {
            self.stopped = true;
            return None;
        }
        Some(tok)
    }
}

/// Parses tokens known to fail, collecting up to `MAX_PARSE_ERRORS` errors.
fn parse_reporting(mut toks: Vec<Spanned>) -> Result<SourceFile, Vec<SyntaxError>> {
    let parser = grammar::FileParser::new();
    let mut errors: Vec<SyntaxError> = Vec::new();
    loop {
        let result = parser.parse(toks.iter().cloned().map(Ok::<_, SyntaxError>));
        let err = match result {
            Ok(file) if errors.is_empty() => return Ok(*file),
            Ok(_) => return Err(errors),
            Err(e) => e,
        };
        let at = error_offset(&err);
        errors.push(convert_error(err, &toks));
        if errors.len() >= MAX_PARSE_ERRORS {
            return Err(errors);
        }
        // Drop the statement line holding the error and try again, unless that
        // line opens or closes a block (dropping it would cascade).
        let Some(at) = at else {
            return Err(errors);
        };
        let i = toks
            .partition_point(|t| t.0 < at)
            .min(toks.len().saturating_sub(1));
        let line_start = toks[..i]
            .iter()
            .rposition(|t| t.1 == Token::Newline)
            .map(|p| p + 1)
            .unwrap_or(0);
        let line_end = toks[i..]
            .iter()
            .position(|t| t.1 == Token::Newline)
            .map(|p| i + p + 1)
            .unwrap_or(toks.len());
        if toks[line_start..line_end].iter().any(|t| {
            t.1.keyword_text().is_some() || matches!(t.1, Token::Sql(_) | Token::ClassExtends(_))
        }) || line_end <= line_start
        {
            return Err(errors);
        }
        toks.drain(line_start..line_end);
    }
}

fn error_offset(err: &ParseError<usize, Token, SyntaxError>) -> Option<usize> {
    match err {
        ParseError::UnrecognizedToken { token, .. } | ParseError::ExtraToken { token } => {
            Some(token.0)
        }
        ParseError::User { error } => Some(error.span.start as usize),
        _ => None,
    }
}

/// Turns an LR error into a message in 4D's words (never the grammar's token list).
fn convert_error(err: ParseError<usize, Token, SyntaxError>, toks: &[Spanned]) -> SyntaxError {
    let (span, message) = match err {
        ParseError::User { error } => return error,
        ParseError::InvalidToken { location } => {
            (Span::new(location, location), "invalid token".into())
        }
        ParseError::UnrecognizedEof { location, .. } => (
            Span::new(location, location),
            "unexpected end of file".into(),
        ),
        ParseError::ExtraToken { token: (l, t, r) } => (Span::new(l, r), format!("unexpected {t}")),
        ParseError::UnrecognizedToken {
            token: (l, t, r),
            expected,
        } => {
            let expects = |term: &str| expected.iter().any(|e| e == term);
            let mut msg = if t == Token::Newline {
                match unclosed_on_line(toks, l) {
                    Some(close) => format!("missing '{close}'"),
                    None if expects("Number") => "missing an expression".to_string(),
                    None => "unexpected end of line".to_string(),
                }
            } else if expects("\"End case\"") && expects("\":\"") {
                format!(
                    "unexpected {t}: a Case of holds ': (condition)' branches, Else and End case"
                )
            } else {
                format!("unexpected {t}")
            };
            if expected.len() == 1 && t != Token::Newline && expected[0] != "NL" {
                msg.push_str(&format!(", expected {}", describe_expected(&expected[0])));
            } else if expected.len() == 1 && t == Token::Newline && !msg.starts_with("missing") {
                msg = format!("missing {}", describe_expected(&expected[0]));
            }
            (Span::new(l, r), msg)
        }
    };
    SyntaxError { span, message }
}

/// The closing bracket still missing on the line that ends at `at`.
fn unclosed_on_line(toks: &[Spanned], at: usize) -> Option<char> {
    let end = toks.partition_point(|t| t.0 < at);
    let start = toks[..end]
        .iter()
        .rposition(|t| t.1 == Token::Newline)
        .map(|p| p + 1)
        .unwrap_or(0);
    let mut stack = Vec::new();
    for t in &toks[start..end] {
        match t.1 {
            Token::LParen => stack.push(')'),
            Token::LBracket | Token::LIndex => stack.push(']'),
            Token::LCharAt => {
                stack.push(']');
                stack.push(']');
            }
            Token::LBrace | Token::LElem | Token::ParamIndirect => stack.push('}'),
            Token::RParen | Token::RBracket | Token::RBrace => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.pop()
}

/// A grammar terminal name in words: `"\")\""` → `')'`, `NL` → `end of line`.
fn describe_expected(term: &str) -> String {
    if let Some(inner) = term.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        let inner = inner.replace("\\\"", "\"");
        let inner = inner
            .trim_end_matches("index")
            .trim_end_matches("elem")
            .trim_end_matches("deref");
        if inner.starts_with(|c: char| c.is_alphabetic() || c == '#') {
            return inner.to_string();
        }
        return format!("'{inner}'");
    }
    match term {
        "NL" => "end of line",
        "Name" => "a name",
        "Local" => "a local variable",
        "Text" => "a text",
        "Number" => "a number",
        "Command" => "a command",
        "Op" => "an operator",
        _ => "an expression",
    }
    .to_string()
}

/// Which keyword closes a block opener.
fn closer_of(t: &Token) -> &'static str {
    match t {
        Token::If => "End if",
        Token::CaseOf => "End case",
        Token::While => "End while",
        Token::Repeat => "Until",
        Token::For => "End for",
        Token::ForEach => "End for each",
        Token::Use => "End use",
        Token::Try => "End try",
        _ => "end",
    }
}

/// Which opener a closing keyword needs.
fn opener_of(t: &Token) -> Option<Token> {
    Some(match t {
        Token::EndIf => Token::If,
        Token::EndCase => Token::CaseOf,
        Token::EndWhile => Token::While,
        Token::EndFor => Token::For,
        Token::EndForEach => Token::ForEach,
        Token::EndUse => Token::Use,
        Token::EndTry => Token::Try,
        _ => return None,
    })
}

/// Matches block keywords and bounds nesting, before the LR parse.
fn check_blocks(src: &str, toks: &[Spanned]) -> Vec<SyntaxError> {
    let mut checker = BlockChecker::new(src);
    for (i, t) in toks.iter().enumerate() {
        checker.feed(t, toks.get(i + 1));
        if checker.done {
            return checker.errors;
        }
    }
    checker.finish();
    checker.errors
}

/// Matches block keywords and bounds nesting, one token at a time: gives
/// messages in 4D's words and can report several mismatches at once.
struct BlockChecker<'s> {
    src: &'s str,
    /// Built only when an error needs a line number.
    lines: Option<LineIndex>,
    errors: Vec<SyntaxError>,
    /// Open blocks: keyword and offset.
    stack: Vec<(Token, usize)>,
    /// Expression nesting of the current statement: per bracket level, the
    /// operators seen since the last `;`.
    levels: Vec<usize>,
    ops: usize,
    skip_line: bool,
    /// The next token starts a line.
    line_start: bool,
    /// End of the last token that is not a line end.
    last_end: Option<usize>,
    /// Nothing more to check (too many errors, or nesting past the limit).
    done: bool,
}

impl<'s> BlockChecker<'s> {
    fn new(src: &'s str) -> Self {
        BlockChecker {
            src,
            lines: None,
            errors: Vec::new(),
            stack: Vec::new(),
            levels: Vec::new(),
            ops: 0,
            skip_line: false,
            line_start: true,
            last_end: None,
            done: false,
        }
    }

    fn line_of(&mut self, offset: usize) -> usize {
        let src = self.src;
        self.lines
            .get_or_insert_with(|| LineIndex::new(src))
            .line_col(src, offset as u32)
            .0
    }

    fn missing(&mut self, open: &(Token, usize), at: (usize, usize)) {
        let line = self.line_of(open.1);
        self.errors.push(SyntaxError {
            span: Span::new(at.0, at.1),
            message: format!(
                "missing {} for the {} at line {line}",
                closer_of(&open.0),
                open.0,
            ),
        });
    }

    /// Checks one token; `next` is the token after it.
    fn feed(&mut self, tok: &Spanned, next: Option<&Spanned>) {
        if self.done {
            return;
        }
        let (s, t, e) = (tok.0, &tok.1, tok.2);
        let line_start = std::mem::replace(&mut self.line_start, *t == Token::Newline);
        if *t == Token::Newline {
            self.levels.clear();
            self.ops = 0;
            self.skip_line = false;
            return;
        }
        self.last_end = Some(e);
        // Expression depth.
        if !self.skip_line {
            match t {
                Token::LParen
                | Token::LBracket
                | Token::LIndex
                | Token::LCharAt
                | Token::LBrace
                | Token::LElem
                | Token::ParamIndirect => self.levels.push(0),
                Token::RParen | Token::RBracket | Token::RBrace => {
                    self.ops -= self.levels.pop().unwrap_or(0);
                }
                Token::Semi => {
                    if let Some(top) = self.levels.last_mut() {
                        self.ops -= *top;
                        *top = 0;
                    }
                }
                Token::Plus
                | Token::Minus
                | Token::Star
                | Token::Amp
                | Token::Pipe
                | Token::Op(_)
                | Token::Question
                | Token::Arrow
                | Token::Deref
                | Token::Dot => {
                    self.ops += 1;
                    if let Some(top) = self.levels.last_mut() {
                        *top += 1;
                    }
                }
                _ => {}
            }
            if self.levels.len() > MAX_NESTING {
                self.errors.push(SyntaxError {
                    span: Span::new(s, e),
                    message: format!("too many nested parentheses (more than {MAX_NESTING})"),
                });
                self.skip_line = true;
            } else if self.levels.len() + self.ops > MAX_EXPR_DEPTH {
                self.errors.push(SyntaxError {
                    span: Span::new(s, e),
                    message: format!("expression too complex (more than {MAX_EXPR_DEPTH} levels)"),
                });
                self.skip_line = true;
            }
        }
        // Blocks.
        match t {
            Token::If
            | Token::CaseOf
            | Token::Repeat
            | Token::For
            | Token::ForEach
            | Token::Use => self.stack.push((t.clone(), s)),
            Token::While if line_start => self.stack.push((t.clone(), s)),
            Token::Try if next.map(|t| &t.1) == Some(&Token::Newline) => {
                self.stack.push((t.clone(), s))
            }
            Token::Function | Token::ClassConstructor | Token::Declare => {
                while let Some(open) = self.stack.pop() {
                    self.missing(&open, (s, e));
                }
            }
            Token::Else if !matches!(self.stack.last(), Some((Token::If | Token::CaseOf, _))) => {
                self.errors.push(SyntaxError {
                    span: Span::new(s, e),
                    message: "Else without a matching If or Case of".into(),
                });
            }
            Token::Catch if !matches!(self.stack.last(), Some((Token::Try, _))) => {
                self.errors.push(SyntaxError {
                    span: Span::new(s, e),
                    message: "Catch without a matching Try".into(),
                });
            }
            Token::Until if !line_start => {}
            Token::Until
            | Token::EndIf
            | Token::EndCase
            | Token::EndWhile
            | Token::EndFor
            | Token::EndForEach
            | Token::EndUse
            | Token::EndTry => {
                let want = opener_of(t).unwrap_or(Token::Repeat);
                if self.stack.iter().any(|o| o.0 == want) {
                    while let Some(open) = self.stack.pop() {
                        if open.0 == want {
                            break;
                        }
                        self.missing(&open, (s, e));
                    }
                } else {
                    self.errors.push(SyntaxError {
                        span: Span::new(s, e),
                        message: format!("{t} without a matching {want}"),
                    });
                }
            }
            _ => {}
        }
        if self.stack.len() > MAX_NESTING {
            self.errors.push(SyntaxError {
                span: Span::new(s, e),
                message: format!("too many nested blocks (more than {MAX_NESTING})"),
            });
            self.done = true;
        }
        if self.errors.len() > 100 {
            self.done = true;
        }
    }

    /// Reports the blocks still open at the end of the file.
    fn finish(&mut self) -> &[SyntaxError] {
        if !self.done {
            let end = self.last_end.unwrap_or(self.src.len());
            while let Some(open) = self.stack.pop() {
                self.missing(&open, (end, end));
            }
            self.done = true;
        }
        &self.errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::*;

    fn parse_ok(src: &str) -> SourceFile {
        match parse_method(src) {
            Ok(f) => f,
            Err(e) => panic!("{src:?}: {e:?}"),
        }
    }

    fn first_error(src: &str) -> (usize, String) {
        let errs = parse_method(src).expect_err("should fail");
        let e = &errs[0];
        (
            LineIndex::new(src).line_col(src, e.span.start).0,
            e.message.clone(),
        )
    }

    /// The expression of `$x:=EXPR` rendered with explicit parentheses.
    fn shape(src: &str) -> String {
        let f = parse_ok(&format!("$x:={src}"));
        match &f.body[0].node {
            StmtKind::Assign { value, .. } => render(value),
            other => panic!("{other:?}"),
        }
    }

    fn render(e: &Expr) -> String {
        match &e.node {
            ExprKind::Number(n) => format!("{n}"),
            ExprKind::Local(n) => format!("${n}"),
            ExprKind::Name(n) => n.clone(),
            ExprKind::Text(t) => format!("{t:?}"),
            ExprKind::Binary { op, lhs, rhs } => {
                format!("({}{}{})", render(lhs), op.symbol(), render(rhs))
            }
            ExprKind::Ternary {
                cond,
                then,
                otherwise,
            } => format!("({}?{}:{})", render(cond), render(then), render(otherwise)),
            ExprKind::Unary { expr, .. } => format!("(-{})", render(expr)),
            ExprKind::Member { target, name } => format!("{}.{name}", render(target)),
            ExprKind::MethodCall { target, name, args } => format!(
                "{}.{name}({})",
                render(target),
                args.iter().map(render).collect::<Vec<_>>().join(";")
            ),
            ExprKind::Command { name, args, .. } => match args {
                None => name.clone(),
                Some(a) => format!(
                    "{name}({})",
                    a.iter().map(render).collect::<Vec<_>>().join(";")
                ),
            },
            ExprKind::Call { name, args } => format!(
                "{name}!({})",
                args.iter().map(render).collect::<Vec<_>>().join(";")
            ),
            ExprKind::Deref(t) => format!("{}->", render(t)),
            ExprKind::PointerTo(t) => format!("->{}", render(t)),
            ExprKind::Index { target, index } => format!("{}[{}]", render(target), render(index)),
            ExprKind::CharAt { target, index } => {
                format!("{}[[{}]]", render(target), render(index))
            }
            ExprKind::Element { target, index } => {
                format!("{}{{{}}}", render(target), render(index))
            }
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn operators_left_to_right() {
        assert_eq!(shape("3+4*5"), "((3+4)*5)");
        assert_eq!(shape("3+(4*5)"), "(3+(4*5))");
        assert_eq!(shape("True || False && False"), "((True||False)&&False)");
        assert_eq!(shape("$a>0 & $b<2"), "((($a>0)&$b)<2)");
        assert_eq!(shape("$c ? 1 : 2+3"), "($c?1:(2+3))");
        assert_eq!(shape("-2+3"), "(-2+3)");
        assert_eq!(shape("2-$a"), "(2-$a)");
        assert_eq!(shape("$x ?? 3 ?+ 2"), "(($x??3)?+2)");
    }

    #[test]
    fn parse_commands_and_members() {
        assert_eq!(shape("New object:C1471"), "New object");
        assert_eq!(shape("cs.Person.new(1)"), "cs.Person.new(1)");
        assert_eq!(shape("4D.File"), "4D.File");
        assert_eq!(shape("current DATE+30"), "(Current date+30)");
        assert_eq!(shape("Genealogy of($n)"), "Genealogy of!($n)");
        assert_eq!(shape("$p->"), "$p->");
        assert_eq!(shape("->$a{2}"), "->$a{2}");
        assert_eq!(shape("$t[[1]]"), "$t[[1]]");
        assert_eq!(shape("$c[0].name"), "$c[0].name");
        assert_eq!(shape("Is text:K8:3"), "Is text");
        assert_eq!(shape("This.a"), "This.a");
    }

    #[test]
    fn parse_literals() {
        let f = parse_ok("$d:=!2024-01-31!\n$t:=?12:30:00?\n$h:=0xFF\n$s:=\"a\\\"b\"");
        let vals: Vec<&ExprKind> = f
            .body
            .iter()
            .map(|s| match &s.node {
                StmtKind::Assign { value, .. } => &value.node,
                _ => panic!(),
            })
            .collect();
        assert_eq!(
            vals[0],
            &ExprKind::Date {
                year: 2024,
                month: 1,
                day: 31
            }
        );
        assert_eq!(vals[1], &ExprKind::Time(45000));
        assert_eq!(vals[2], &ExprKind::Number(255.0));
        assert_eq!(vals[3], &ExprKind::Text("a\"b".into()));
    }

    #[test]
    fn parse_control_flow() {
        let src = "If ($a=1)\n\tALERT(\"x\")\nelse\n\t$b:=2\nEnd IF\nCase of\n\t: ($a=1)\n\t\t$b:=1\n\t: $a=2\n\tElse\nEnd case\nWhile ($i<10)\n\t$i+=1\nEnd while\nRepeat\n$i:=$i-1\nUntil ($i=0)\nFor ($i;1;10;2)\n\tbreak\nEnd for\nFor each ($x; $col; 0; 2) Until ($x>3)\n\tcontinue\nEnd for each\nUse (Storage)\nEnd use\nTry\n\tthrow(1)\nCatch\nEnd try\n$r:=Try(1/0)\nreturn $r";
        let f = parse_ok(src);
        assert_eq!(f.body.len(), 10);
        assert!(
            matches!(f.body[1].node, StmtKind::Case { ref branches, otherwise: Some(_) } if branches.len() == 2)
        );
        assert!(matches!(
            f.body[5].node,
            StmtKind::ForEach {
                cond: Some(LoopCond::Until(_)),
                ..
            }
        ));
        assert!(matches!(f.body[9].node, StmtKind::Return(Some(_))));
    }

    #[test]
    fn parse_declarations() {
        let f = parse_ok("#DECLARE($id Text;$text Text)\nvar $a; $b : Text\nvar $c:=[1;2]\nvar $f : 4D.File := File(\"/x\")\nvar $p : cs.Person\nC_TEXT($1)\nARRAY TEXT($arr;0)");
        let d = f.declare.unwrap().node;
        assert_eq!(d.params.len(), 2);
        assert_eq!(d.params[1].ty, Some(TypeRef::Text));
        assert!(
            matches!(&f.body[2].node, StmtKind::Var { ty: Some(TypeRef::Builtin(b)), init: Some(_), .. } if b == "File")
        );
        assert!(
            matches!(&f.body[3].node, StmtKind::Var { ty: Some(TypeRef::UserClass(b)), .. } if b == "Person")
        );
        let f = parse_ok("#DECLARE($a : Integer) -> $r : Object\n$r:={a: 1; \"b c\": [1;2]}");
        assert_eq!(
            f.declare.unwrap().node.result.unwrap().name.as_deref(),
            Some("r")
        );
        let f = parse_ok("#Declare() : Text\nreturn \"x\"");
        assert_eq!(
            f.declare.unwrap().node.result.unwrap().ty,
            Some(TypeRef::Text)
        );
    }

    #[test]
    fn parse_class_file() {
        let src = "Class extends Animal\nproperty name; kind : Text := \"x\"\nshared singleton Class constructor($n : Text)\n\tSuper($n)\n\tThis.name:=$n\nFunction get fullName() -> $r : Text\n\t$r:=This.name\nexposed Function speak($s : Text) : Text\n\treturn $s\n";
        let f = parse_ok(src);
        let c = f.class.unwrap();
        assert_eq!(c.extends.unwrap().node, "Animal");
        assert!(c.modifiers.shared && c.modifiers.singleton);
        assert_eq!(c.constructor.unwrap().body.len(), 2);
        assert_eq!(c.functions[0].kind, FunctionKind::Get);
        assert_eq!(c.functions[0].name, "fullName");
        assert!(c.functions[1].exposed);
        assert_eq!(c.properties[0].names, vec!["name", "kind"]);
    }

    #[test]
    fn parse_orda_computed_and_event_functions() {
        let src = "Class extends Entity\nFunction query fullName($e : Object) : Object\n\treturn {}\nFunction orderBy fullName($e : Object) : Text\n\treturn \"a\"\nFunction event touched name($e : Object)\nFunction event validateSave($e : Object) : Object\n";
        let c = parse_ok(src).class.unwrap();
        assert_eq!(c.functions[0].kind, FunctionKind::Query);
        assert_eq!(c.functions[0].name, "fullName");
        assert_eq!(c.functions[1].kind, FunctionKind::OrderBy);
        assert_eq!(c.functions[2].kind, FunctionKind::Event);
        assert_eq!(c.functions[2].name, "touched name");
        assert_eq!(c.functions[3].name, "validateSave");
        // An unknown event or extra words are still rejected.
        assert!(parse_method("Function event renamed x($e : Object)\n").is_err());
        assert!(parse_method("Function query a b($e : Object)\n").is_err());
        let c = parse_ok("exposed onHTTPGet Function page($a : Variant)\n")
            .class
            .unwrap();
        assert!(c.functions[0].exposed && c.functions[0].on_http_get);
    }

    #[test]
    fn parse_variadic_parameters() {
        let f = parse_ok("Function f($a : Text; ... : Integer)\n\treturn 1\nFunction g(...)\n");
        let c = f.class.unwrap();
        let d = &c.functions[0].declare;
        assert_eq!(d.params.len(), 1);
        assert_eq!(d.variadic.as_ref().unwrap().1, Some(TypeRef::Integer));
        assert_eq!(c.functions[1].declare.variadic.as_ref().unwrap().1, None);
        let f = parse_ok("#DECLARE(... : Text)\n");
        assert!(f.declare.unwrap().node.variadic.is_some());
        assert_eq!(
            first_error("Function f(... : Text; $a : Text)\n"),
            (1, "'...' must be the last parameter".into())
        );
        assert!(first_error("$a:=f(...)").1.contains("'...'"));
    }

    #[test]
    fn parse_tables_sql_and_args() {
        let f = parse_ok("QUERY([People];[People]Name=\"a\";*)\nQUERY([People]; & ;[People:3]Age:2>3)\nBegin SQL\n  SELECT * FROM t\nEnd SQL\n$v:=<>count+◊x+${$i}+$1");
        assert!(matches!(&f.body[2].node, StmtKind::Sql(s) if s.contains("SELECT")));
    }

    #[test]
    fn parse_method_names_from_options() {
        let opts = ParseOptions::new(vec!["My Method".into()]);
        let f = parse_method_with("$x:=my  method(1)\nMy Method", &opts).unwrap();
        assert!(
            matches!(&f.body[0].node, StmtKind::Assign { value, .. } if matches!(&value.node, ExprKind::Call { name, .. } if name == "My Method"))
        );
        assert!(
            matches!(&f.body[1].node, StmtKind::Expr(e) if matches!(&e.node, ExprKind::Name(n) if n == "My Method"))
        );
    }

    #[test]
    fn syntax_error_messages() {
        assert_eq!(
            first_error("\n\nIf ($a)\n$b:=1\n"),
            (4, "missing End if for the If at line 3".into())
        );
        assert_eq!(first_error("$a:=(1+2))"), (1, "unexpected ')'".into()));
        assert_eq!(first_error("ALERT(\"x\""), (1, "missing ')'".into()));
        assert_eq!(
            first_error("End for"),
            (1, "End for without a matching For".into())
        );
        let errs = parse_method("$a:=)\n$b:=1\n$c:=(\n").unwrap_err();
        assert_eq!(errs.len(), 2);
    }

    #[test]
    fn limits_give_errors_not_crashes() {
        let deep = format!("$a:={}1{}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(first_error(&deep).1.contains("nested"));
        let ifs = format!(
            "{}{}",
            "If (True)\n".repeat(10_000),
            "End if\n".repeat(10_000)
        );
        assert!(first_error(&ifs).1.contains("nested blocks"));
        let chain = format!("$a:=1{}", "+1".repeat(500_000));
        assert!(first_error(&chain).1.contains("too complex"));
        let long_text = format!("$a:=\"{}\"", "x".repeat(1 << 20));
        assert!(parse_method(&long_text).is_ok());
        let long_names = format!("$a:={}", "name ".repeat(200_000));
        assert!(parse_method(&long_names).is_ok());
        let deep_blocks_ok = format!("{}{}", "If (True)\n".repeat(500), "End if\n".repeat(500));
        assert!(parse_method(&deep_blocks_ok).is_ok());
        assert!(parse_method("$a:=\"abc").is_err());
        assert!(parse_method("/* never closed").is_err());
        assert!(parse_method("\u{0}\u{1}\u{ff}ÿ@@").is_err());
    }
}
