//! Tokens of 4D source.
//!
//! `logos` recognises the regular part (`Raw`). The wrapper `Lexer` does the
//! context-dependent work 4D needs and yields `(start, Token, end)` triples:
//! multi-word command, constant, method and keyword names (longest
//! case-insensitive match against the catalog), token suffixes (`:C1471`,
//! `:K8:3`, `:P1:2`), `[Table]Field`, telling `a[i]` from a collection literal,
//! `p->` from `->x` and `a{i}` from an object literal, `Begin SQL` raw text,
//! comments (dropped) and line continuations. Consecutive line ends collapse
//! into one `Newline`, and the stream always ends with one.

use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use logos::Logos;

use super::ast::{BinOp, CommandRef, Span};
use super::{LineIndex, ParseOptions, SyntaxError};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/catalog.rs"));
}

/// Every catalog name, for tools outside the parser (REPL completion and
/// colouring): `(lower-case key, canonical spelling, is_constant)`. Aliases
/// come with their canonical spelling.
pub fn catalog_names() -> impl Iterator<Item = (&'static str, &'static str, bool)> {
    generated::CATALOG
        .iter()
        .map(|&(key, canonical, kind, _, _)| (key, canonical, kind == 1))
}

/// The regular tokens, before context is applied.
#[derive(Logos, Debug, Clone, Copy, PartialEq)]
enum Raw {
    /// Blanks between tokens (dropped by the wrapper).
    #[regex(r"[ \t\f\u{a0}\u{feff}]", blank_rest)]
    Blank,
    #[regex(r"\r\n|\n|\r")]
    Newline,

    #[token("//", rest_of_line)]
    LineComment,
    /// Old-style backtick comments.
    #[token("`", rest_of_line)]
    BacktickComment,
    /// `/* … */`, nesting; the flag says whether it was closed.
    #[token("/*", block_comment)]
    BlockComment(bool),
    /// `"…"`; the flag says whether the closing quote was found on the line.
    #[token("\"", text_body)]
    Text(bool),
    #[regex(r"[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?")]
    Number,
    #[regex(r"0[xX][0-9a-fA-F]+")]
    Hex,
    #[regex(r"![0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}!")]
    Date,
    #[regex(r"\?[0-9]{1,6}:[0-9]{1,2}(:[0-9]{1,2})?\?")]
    Time,
    #[regex(r"[\p{L}_]", word_rest)]
    // 4D accepts method names that start with digits and an underscore (`00_test`).
    #[regex(r"[0-9]+_", word_rest)]
    Word,
    #[regex(r"\$[\p{L}_]", word_rest)]
    Local,
    #[regex(r"\$[0-9]+")]
    Param,
    #[token("${")]
    ParamIndirect,
    #[regex(r"(<>|◊)[\p{L}_]", word_rest)]
    Interprocess,
    #[regex(r"#[dD][eE][cC][lL][aA][rR][eE]")]
    Declare,
    #[token(":=")]
    Assign,
    #[token("+=")]
    AddAssign,
    #[token("-=")]
    SubAssign,
    #[token("*=")]
    MulAssign,
    #[token("/=")]
    DivAssign,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    /// `\` (integer division), or, when only blanks follow it on its line,
    /// a continuation (`true`): the statement goes on. Scanned by hand, as a
    /// regex for the continuation made logos reject `10\ 3`.
    #[token("\\", backslash)]
    Backslash(bool),
    #[token("%")]
    Percent,
    #[token("^")]
    Caret,
    #[token("=")]
    Eq,
    #[token("#")]
    Hash,
    #[token("<")]
    Lt,
    #[token("<=")]
    Le,
    #[token(">")]
    Gt,
    #[token(">=")]
    Ge,
    #[token("&")]
    Amp,
    #[token("|")]
    Pipe,
    #[token("^|")]
    Xor,
    #[token("<<")]
    Shl,
    #[token(">>")]
    Shr,
    #[token("?+")]
    BitSet,
    #[token("?-")]
    BitClear,
    #[token("??")]
    BitTest,
    #[token("&&")]
    AndAnd,
    #[token("||")]
    OrOr,
    #[token("*+")]
    ScaleH,
    #[token("*|")]
    ScaleV,
    #[token("?")]
    Question,
    #[token(":")]
    Colon,
    #[token(";")]
    Semi,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(".")]
    Dot,
    /// `...` (or `…`): the documentation's "code left out" line.
    #[token("...")]
    #[token("…")]
    Ellipsis,
    #[token("->")]
    Arrow,
}

// Long runs are scanned by hand: logos' generated matcher for a repeated
// alternation can recurse once per character, overflowing the stack on a 1 MB line.
// A comment line ending in `\` goes on to the next line, as a statement
// would (4D comments out a continued statement by its first line only).
fn rest_of_line(lex: &mut logos::Lexer<Raw>) {
    let rest = lex.remainder().as_bytes();
    let mut n = 0;
    loop {
        let end = rest[n..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(rest.len(), |p| n + p);
        let line = &rest[n..end];
        let body = line.len()
            - line
                .iter()
                .rev()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count();
        if end == rest.len() || body == 0 || line[body - 1] != b'\\' {
            n = end;
            break;
        }
        n = end
            + if rest[end..].starts_with(b"\r\n") {
                2
            } else {
                1
            };
    }
    lex.bump(n);
}

/// After `\`: a line continuation when only blanks remain on the line (the
/// line end is consumed with it).
fn backslash(lex: &mut logos::Lexer<Raw>) -> bool {
    let rest = lex.remainder().as_bytes();
    let blanks = rest
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    let eol = match &rest[blanks..] {
        [b'\r', b'\n', ..] => 2,
        [b'\n', ..] | [b'\r', ..] => 1,
        _ => return false,
    };
    lex.bump(blanks + eol);
    true
}

fn blank_rest(lex: &mut logos::Lexer<Raw>) {
    let rest = lex.remainder();
    let n = rest
        .char_indices()
        .find(|&(_, c)| !matches!(c, ' ' | '\t' | '\u{c}' | '\u{a0}' | '\u{feff}'))
        .map_or(rest.len(), |(i, _)| i);
    lex.bump(n);
}

fn word_rest(lex: &mut logos::Lexer<Raw>) {
    let rest = lex.remainder();
    let n = word_end(rest, 0);
    lex.bump(n);
}

fn text_body(lex: &mut logos::Lexer<Raw>) -> bool {
    let rest = lex.remainder().as_bytes();
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            b'"' => {
                lex.bump(i + 1);
                return true;
            }
            b'\n' | b'\r' => break,
            b'\\' if i + 1 < rest.len() && !matches!(rest[i + 1], b'\n' | b'\r') => {
                // Skip the escaped character whole (it may be multi-byte).
                let ch = lex.remainder()[i + 1..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
                i += 1 + ch;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    lex.bump(i);
    false
}

fn block_comment(lex: &mut logos::Lexer<Raw>) -> bool {
    let rest = lex.remainder().as_bytes();
    let mut depth = 1usize;
    let mut i = 0;
    while i < rest.len() {
        if rest[i] == b'/' && rest.get(i + 1) == Some(&b'*') {
            depth += 1;
            i += 2;
        } else if rest[i] == b'*' && rest.get(i + 1) == Some(&b'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                lex.bump(i);
                return true;
            }
        } else {
            i += 1;
        }
    }
    lex.bump(rest.len());
    false
}

impl CommandTok {
    /// The name as written in the source (blanks collapsed, no token suffix).
    pub fn written(&self) -> &str {
        self.spelled.as_deref().unwrap_or(&self.name)
    }
}

/// A catalog command or constant (or plug-in command) as the parser sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct CommandTok {
    /// Canonical catalog spelling, or as written when unknown.
    pub name: String,
    /// As written in the source (blanks collapsed, no token suffix), when it
    /// differs from `name`; see `written()`.
    pub spelled: Option<String>,
    pub id: CommandRef,
}

/// A token of 4D source, as the grammar sees it.
#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    Newline,
    Text(String),
    Number(f64),
    Date((i32, u32, u32)),
    Time(i64),
    Local(String),
    Param(u32),
    /// `${`
    ParamIndirect,
    Interprocess(String),
    /// A name that is not a command, constant or keyword (words joined by one space),
    /// or a project method name from `ParseOptions`, or a member name after `.`.
    Name(String),
    Command(Box<CommandTok>),
    Table(String),
    Field(Box<(String, String)>),
    /// The raw text of a `Begin SQL` … `End SQL` block.
    Sql(String),
    /// `Class extends Parent`: the parent as written.
    ClassExtends(String),
    Declare,
    If,
    Else,
    EndIf,
    CaseOf,
    EndCase,
    While,
    EndWhile,
    Repeat,
    Until,
    For,
    EndFor,
    ForEach,
    EndForEach,
    Use,
    EndUse,
    Try,
    Catch,
    EndTry,
    Return,
    Break,
    Continue,
    Var,
    Function,
    ClassConstructor,
    Property,
    Assign,
    AddAssign,
    SubAssign,
    MulAssign,
    DivAssign,
    Plus,
    Minus,
    Star,
    Amp,
    Pipe,
    /// Any other binary operator.
    Op(BinOp),
    Question,
    Colon,
    Semi,
    LParen,
    RParen,
    /// `[` opening a collection literal.
    LBracket,
    /// `[` after a value: index or property access.
    LIndex,
    /// `[[` after a value: character of a text.
    LCharAt,
    RBracket,
    /// `{` opening an object literal.
    LBrace,
    /// `{` after a value: array element.
    LElem,
    RBrace,
    Dot,
    /// `->` before a value: pointer to it.
    Arrow,
    /// `->` after a value: dereference.
    Deref,
    /// `...` in a parameter list: any number of further parameters.
    Ellipsis,
}

impl Token {
    /// Whether a value can end with this token (so `[`, `{`, `->` after it are postfix).
    fn ends_value(&self) -> bool {
        use Token::*;
        matches!(
            self,
            Text(_)
                | Number(_)
                | Date(_)
                | Time(_)
                | Local(_)
                | Param(_)
                | Interprocess(_)
                | Name(_)
                | Command(_)
                | Table(_)
                | Field(_)
                | RParen
                | RBracket
                | RBrace
                | Deref
        )
    }

    /// Opens a block closed by a matching keyword.
    pub(crate) fn keyword_text(&self) -> Option<&'static str> {
        use Token::*;
        Some(match self {
            Declare => "#DECLARE",
            If => "If",
            Else => "Else",
            EndIf => "End if",
            CaseOf => "Case of",
            EndCase => "End case",
            While => "While",
            EndWhile => "End while",
            Repeat => "Repeat",
            Until => "Until",
            For => "For",
            EndFor => "End for",
            ForEach => "For each",
            EndForEach => "End for each",
            Use => "Use",
            EndUse => "End use",
            Try => "Try",
            Catch => "Catch",
            EndTry => "End try",
            Return => "return",
            Break => "break",
            Continue => "continue",
            Var => "var",
            Function => "Function",
            ClassConstructor => "Class constructor",
            Property => "property",
            _ => return None,
        })
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Token::*;
        if let Some(k) = self.keyword_text() {
            return write!(f, "{k}");
        }
        match self {
            Newline => write!(f, "end of line"),
            Text(_) => write!(f, "text literal"),
            Number(n) => write!(f, "number {n}"),
            Date(_) => write!(f, "date literal"),
            Time(_) => write!(f, "time literal"),
            Local(n) => write!(f, "${n}"),
            Param(n) => write!(f, "${n}"),
            ParamIndirect => write!(f, "'${{'"),
            Interprocess(n) => write!(f, "<>{n}"),
            Name(n) => write!(f, "'{n}'"),
            Command(c) => write!(f, "'{}'", c.written()),
            Table(t) => write!(f, "[{t}]"),
            Field(tf) => write!(f, "[{}]{}", tf.0, tf.1),
            Sql(_) => write!(f, "Begin SQL"),
            ClassExtends(_) => write!(f, "Class extends"),
            Assign => write!(f, "':='"),
            AddAssign => write!(f, "'+='"),
            SubAssign => write!(f, "'-='"),
            MulAssign => write!(f, "'*='"),
            DivAssign => write!(f, "'/='"),
            Plus => write!(f, "'+'"),
            Minus => write!(f, "'-'"),
            Star => write!(f, "'*'"),
            Amp => write!(f, "'&'"),
            Pipe => write!(f, "'|'"),
            Op(op) => write!(f, "'{}'", op.symbol()),
            Question => write!(f, "'?'"),
            Colon => write!(f, "':'"),
            Semi => write!(f, "';'"),
            LParen => write!(f, "'('"),
            RParen => write!(f, "')'"),
            LBracket | LIndex => write!(f, "'['"),
            LCharAt => write!(f, "'[['"),
            RBracket => write!(f, "']'"),
            LBrace | LElem => write!(f, "'{{'"),
            RBrace => write!(f, "'}}'"),
            Dot => write!(f, "'.'"),
            Arrow | Deref => write!(f, "'->'"),
            Ellipsis => write!(f, "'...'"),
            _ => write!(f, "{self:?}"),
        }
    }
}

/// A small fast hasher for short name keys (the default SipHash is slow here).
#[derive(Default, Clone, Copy)]
struct NameHasher(u64);

impl Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<NameHasher>>;

/// What a catalog or method name resolves to.
#[derive(Clone, Copy, Debug)]
enum Hit {
    /// Index into `generated::CATALOG`.
    Catalog(usize),
    /// Index into `ParseOptions::method_names`.
    Method(usize),
}

/// One lookup key: a whole name, a proper word-prefix of longer names
/// (`"current"` for `"current date"`), or both.
#[derive(Clone, Copy, Debug, Default)]
struct Entry {
    name: Option<usize>,
    prefix: bool,
}

/// The catalog as lookup tables, built once.
struct Catalog {
    /// Names and their word-prefixes in one table (one hash per lookup).
    entries: HashMap<String, Entry>,
    commands_by_number: HashMap<u32, usize>,
    constants_by_token: HashMap<(u32, u32), usize>,
}

fn catalog() -> &'static Catalog {
    static CAT: OnceLock<Catalog> = OnceLock::new();
    CAT.get_or_init(|| {
        let mut c = Catalog {
            entries: HashMap::default(),
            commands_by_number: HashMap::default(),
            constants_by_token: HashMap::default(),
        };
        for (i, &(key, canonical, kind, a, b)) in generated::CATALOG.iter().enumerate() {
            c.entries.entry(key.to_string()).or_default().name = Some(i);
            add_prefixes(&mut c.entries, key);
            // Aliases resolve by number to the canonical row, so only rows whose own
            // spelling is canonical fill the number tables.
            if key == canonical.to_lowercase() {
                if kind == 0 && a != 0 {
                    c.commands_by_number.entry(a).or_insert(i);
                } else if kind == 1 && a != 0 {
                    c.constants_by_token.entry((a, b)).or_insert(i);
                }
            }
        }
        c
    })
}

fn add_prefixes(map: &mut HashMap<String, Entry>, key: &str) {
    for (i, ch) in key.char_indices() {
        if ch == ' ' {
            map.entry(key[..i].to_string()).or_default().prefix = true;
        }
    }
}

impl Catalog {
    /// Whether `name` (a lookup key) is a catalog name.
    fn has_name(&self, key: &str) -> bool {
        self.entries.get(key).is_some_and(|e| e.name.is_some())
    }
}

/// Normalises a name to its lookup key: lower case, single spaces.
fn name_key(name: &str) -> String {
    name.split([' ', '\t'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// End of the word (letters, digits, `_`) starting at `pos` (== `pos` if none).
fn word_end(src: &str, pos: usize) -> usize {
    let b = src.as_bytes();
    let mut end = pos;
    while end < b.len() && (b[end].is_ascii_alphanumeric() || b[end] == b'_') {
        end += 1;
    }
    if end == b.len() || b[end] < 0x80 {
        return end;
    }
    let pos = end;
    for (i, c) in src[pos..].char_indices() {
        if is_word_char(c) {
            end = pos + i + c.len_utf8();
        } else {
            break;
        }
    }
    end
}

fn skip_blanks(src: &str, pos: usize) -> usize {
    let b = src.as_bytes();
    let mut i = pos;
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    i
}

/// Multi-word keywords, longest first within each first word.
type KeywordRow = (&'static [&'static str], fn() -> Token);
const KEYWORDS: &[KeywordRow] = &[
    (&["end", "for", "each"], || Token::EndForEach),
    (&["end", "if"], || Token::EndIf),
    (&["end", "case"], || Token::EndCase),
    (&["end", "while"], || Token::EndWhile),
    (&["end", "for"], || Token::EndFor),
    (&["end", "use"], || Token::EndUse),
    (&["end", "try"], || Token::EndTry),
    (&["case", "of"], || Token::CaseOf),
    (&["for", "each"], || Token::ForEach),
    (&["class", "constructor"], || Token::ClassConstructor),
    (&["class", "extends"], || Token::ClassExtends(String::new())),
    (&["if"], || Token::If),
    (&["else"], || Token::Else),
    (&["while"], || Token::While),
    (&["repeat"], || Token::Repeat),
    (&["until"], || Token::Until),
    (&["for"], || Token::For),
    (&["use"], || Token::Use),
    (&["try"], || Token::Try),
    (&["catch"], || Token::Catch),
    (&["return"], || Token::Return),
    (&["break"], || Token::Break),
    (&["continue"], || Token::Continue),
    (&["var"], || Token::Var),
    (&["function"], || Token::Function),
    (&["property"], || Token::Property),
];

/// First words of keywords: a cheap filter before the full match.
const KEYWORD_FIRST: &[&str] = &[
    "if", "else", "end", "case", "while", "repeat", "until", "for", "use", "try", "catch",
    "return", "break", "continue", "var", "function", "class", "property",
];

/// The keyword starting at `pos`, with its end.
fn match_keyword(src: &str, pos: usize) -> Option<(usize, Token)> {
    let first_end = word_end(src, pos);
    let first = &src[pos..first_end];
    // First words of keywords are 2 to 8 ASCII letters.
    if !(2..=8).contains(&first.len())
        || !KEYWORD_FIRST.iter().any(|k| first.eq_ignore_ascii_case(k))
    {
        return None;
    }
    let mut buf = [(0usize, 0usize); 3];
    let mut count = 0;
    let mut p = pos;
    while count < 3 {
        let e = if count == 0 {
            first_end
        } else {
            word_end(src, p)
        };
        if e == p {
            break;
        }
        buf[count] = (p, e);
        count += 1;
        let n = skip_blanks(src, e);
        if n == e {
            break;
        }
        p = n;
    }
    let words = &buf[..count];
    for (kw, make) in KEYWORDS {
        if kw.len() > words.len() {
            continue;
        }
        if kw
            .iter()
            .zip(words)
            .all(|(k, &(s, e))| src[s..e].eq_ignore_ascii_case(k))
        {
            return Some((words[kw.len() - 1].1, make()));
        }
    }
    None
}

/// A `:C12`, `:K1:2` or `:P1:2` token suffix at `pos`.
fn token_suffix(src: &str, pos: usize) -> Option<(usize, CommandRef)> {
    let b = src.as_bytes();
    if b.get(pos) != Some(&b':') {
        return None;
    }
    let kind = b.get(pos + 1)?.to_ascii_uppercase();
    if !matches!(kind, b'C' | b'K' | b'P') {
        return None;
    }
    let digits = |from: usize| -> Option<(usize, u32)> {
        let mut e = from;
        while e < b.len() && b[e].is_ascii_digit() {
            e += 1;
        }
        if e == from {
            return None;
        }
        Some((e, src[from..e].parse().unwrap_or(u32::MAX)))
    };
    let (mut end, a) = digits(pos + 2)?;
    let id = if kind == b'C' {
        CommandRef::Command(Some(a))
    } else {
        if b.get(end) != Some(&b':') {
            return None;
        }
        let (e2, n) = digits(end + 1)?;
        end = e2;
        if kind == b'K' {
            CommandRef::Constant { theme: a, index: n }
        } else {
            CommandRef::Plugin {
                plugin: a,
                index: n,
            }
        }
    };
    if src[end..].chars().next().is_some_and(is_word_char) {
        return None;
    }
    Some((end, id))
}

/// Decodes a text literal's body (between the quotes).
fn unescape(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some('"') => out.push('"'),
            Some(o) => {
                out.push('\\');
                out.push(o);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// `!2024-01-31!`, `!01/31/2024!`, `!12/04/98!` → (year, month, day).
fn parse_date(lit: &str) -> (i32, u32, u32) {
    let inner = &lit[1..lit.len() - 1];
    let parts: Vec<&str> = inner.split(['-', '/', '.']).collect();
    let num = |s: &str| s.parse::<u32>().unwrap_or(0);
    if parts.len() != 3 {
        return (0, 0, 0);
    }
    let (y, m, d) = if parts[0].len() >= 3 {
        (num(parts[0]), num(parts[1]), num(parts[2]))
    } else {
        (num(parts[2]), num(parts[0]), num(parts[1]))
    };
    if y == 0 && m == 0 && d == 0 {
        return (0, 0, 0);
    }
    let year_digits = if parts[0].len() >= 3 {
        parts[0].len()
    } else {
        parts[2].len()
    };
    let y = if year_digits <= 2 {
        if y < 30 {
            2000 + y
        } else {
            1900 + y
        }
    } else {
        y
    };
    (y as i32, m, d)
}

/// `?12:30:00?` → seconds.
fn parse_time(lit: &str) -> i64 {
    lit[1..lit.len() - 1]
        .split(':')
        .map(|p| p.parse::<i64>().unwrap_or(0))
        .zip([3600, 60, 1])
        .map(|(v, m)| v * m)
        .sum()
}

/// Project method names as a lookup table (see `ParseOptions::method_table`).
#[derive(Debug, Default)]
pub struct MethodTable {
    entries: HashMap<String, Entry>,
}

impl MethodTable {
    pub(crate) fn new(names: &[String]) -> Self {
        let mut m = MethodTable::default();
        for (i, n) in names.iter().enumerate() {
            let k = name_key(n);
            add_prefixes(&mut m.entries, &k);
            let e = m.entries.entry(k).or_default();
            e.name = e.name.or(Some(i));
        }
        m
    }
}

/// The method table with the options it came from.
struct Methods<'o> {
    table: std::sync::Arc<MethodTable>,
    opts: &'o ParseOptions,
}

impl<'o> Methods<'o> {
    fn new(opts: &'o ParseOptions) -> Self {
        Methods {
            table: opts.method_table(),
            opts,
        }
    }
}

/// Lexing stops after this many errors (binary junk would give one per byte).
const MAX_LEX_ERRORS: usize = 50;

/// Triples of `(start, Token, end)`, plus the lexical errors met on the way.
pub type Spanned = (usize, Token, usize);

/// Lexes the whole of `src`.
pub fn lex(src: &str, opts: &ParseOptions) -> (Vec<Spanned>, Vec<SyntaxError>) {
    let mut lx = Lexer::new(src, opts);
    let mut toks = Vec::with_capacity(src.len() / 4);
    for t in lx.by_ref() {
        toks.push(t);
    }
    (toks, lx.errors)
}

/// The context-applying wrapper around the logos lexer.
pub struct Lexer<'s, 'o> {
    src: &'s str,
    raw: logos::Lexer<'s, Raw>,
    methods: Methods<'o>,
    lines: Option<LineIndex>,
    /// Whether the last token handed out ends a value (so `[`, `{`, `->` are postfix).
    last_ends_value: bool,
    /// Whether the next token starts a line (start of input or after a line end).
    at_line_start: bool,
    /// Reused buffer for name lookup keys.
    key: String,
    /// The next token is a member name (after `.`).
    after_dot: bool,
    /// The last token was `.` itself (not `->`).
    after_period: bool,
    /// Words are plain names until `:`/`(`/end of line (after `Function`, `property`).
    plain_words: bool,
    /// The last token was `(`, `{` or `;`: where `...` (a parameter list) or an
    /// object literal key may come.
    after_open_or_semi: bool,
    last_out: LastOut,
    done: bool,
    pub errors: Vec<SyntaxError>,
}

impl<'s, 'o> Lexer<'s, 'o> {
    pub fn new(src: &'s str, opts: &'o ParseOptions) -> Self {
        let mut raw = Raw::lexer(src);
        // `%attributes = {…}` first line of saved methods: metadata, not code.
        let skip = src.strip_prefix('\u{feff}').unwrap_or(src);
        let bom = src.len() - skip.len();
        if skip
            .get(..11)
            .is_some_and(|h| h.eq_ignore_ascii_case("%attributes"))
        {
            let line = skip.find(['\n', '\r']).unwrap_or(skip.len());
            raw.bump(bom + line);
        } else if bom > 0 {
            raw.bump(bom);
        }
        Lexer {
            src,
            raw,
            methods: Methods::new(opts),
            lines: None,
            last_ends_value: false,
            at_line_start: true,
            key: String::new(),
            after_dot: false,
            after_period: false,
            plain_words: false,
            after_open_or_semi: false,
            last_out: LastOut::Start,
            done: false,
            errors: Vec::new(),
        }
    }

    fn line_of(&mut self, offset: usize) -> usize {
        let src = self.src;
        self.lines
            .get_or_insert_with(|| LineIndex::new(src))
            .line_col(src, offset as u32)
            .0
    }

    fn error(&mut self, start: usize, end: usize, message: impl Into<String>) {
        if self.errors.len() >= MAX_LEX_ERRORS {
            return;
        }
        self.errors.push(SyntaxError {
            span: Span::new(start, end),
            message: message.into(),
        });
    }

    fn value_before(&self) -> bool {
        self.last_ends_value
    }

    /// Moves the logos lexer on so the current token ends at `end`.
    fn extend_to(&mut self, end: usize) {
        let cur = self.raw.span().end;
        if end > cur {
            self.raw.bump(end - cur);
        }
    }

    /// Longest catalog or method name starting at `start`.
    fn match_name(&mut self, start: usize) -> Option<(usize, Hit)> {
        let cat = catalog();
        let src = self.src;
        let mut key = std::mem::take(&mut self.key);
        key.clear();
        let mut pos = start;
        let mut best = None;
        for _ in 0..8 {
            let wend = word_end(src, pos);
            if wend == pos {
                break;
            }
            if !key.is_empty() {
                key.push(' ');
            }
            let word = &src[pos..wend];
            if word.is_ascii() {
                key.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
            } else {
                key.extend(word.chars().flat_map(char::to_lowercase));
            }
            let c = cat.entries.get(&key).copied().unwrap_or_default();
            let m = if self.methods.table.entries.is_empty() {
                Entry::default()
            } else {
                self.methods
                    .table
                    .entries
                    .get(&key)
                    .copied()
                    .unwrap_or_default()
            };
            if let Some(i) = c.name {
                best = Some((wend, Hit::Catalog(i)));
            } else if let Some(i) = m.name {
                best = Some((wend, Hit::Method(i)));
            }
            if !c.prefix && !m.prefix {
                break;
            }
            let next = skip_blanks(src, wend);
            if next == wend {
                break;
            }
            pos = next;
        }
        self.key = key;
        best
    }

    /// End of the run of plain words starting at `start` (stopping before a keyword).
    fn run_end(&self, start: usize) -> usize {
        let src = self.src;
        let mut end = word_end(src, start);
        loop {
            let next = skip_blanks(src, end);
            if next == end {
                break;
            }
            let wend = word_end(src, next);
            // Later words of a name start with a letter (`a 1` is two tokens).
            let letter = src[next..].starts_with(|c: char| c.is_alphabetic() || c == '_');
            if wend == next || !letter || match_keyword(src, next).is_some() {
                break;
            }
            end = wend;
        }
        end
    }

    fn command_from_hit(&self, hit: Hit, written: &str) -> Token {
        match hit {
            Hit::Method(i) => Token::Name(self.methods.opts.method_names[i].clone()),
            Hit::Catalog(i) => {
                let (_, canonical, kind, a, b) = generated::CATALOG[i];
                let id = if kind == 0 {
                    CommandRef::Command((a != 0).then_some(a))
                } else {
                    CommandRef::Constant { theme: a, index: b }
                };
                Token::Command(Box::new(CommandTok {
                    name: canonical.to_string(),
                    spelled: (written != canonical).then(|| written.to_string()),
                    id,
                }))
            }
        }
    }

    /// A command token with an explicit suffix: canonical name from the catalog by number.
    fn command_from_suffix(&self, written: &str, id: CommandRef) -> Token {
        let cat = catalog();
        let row = match id {
            CommandRef::Command(Some(n)) => cat.commands_by_number.get(&n),
            CommandRef::Constant { theme, index } => cat.constants_by_token.get(&(theme, index)),
            _ => None,
        };
        let name = row
            .map(|&i| generated::CATALOG[i].1.to_string())
            .unwrap_or_else(|| written.to_string());
        let spelled = (written != name).then(|| written.to_string());
        Token::Command(Box::new(CommandTok { name, spelled, id }))
    }

    /// A word (or digit-led name) at `start`: keyword, command, constant, method or name.
    fn lex_word(&mut self, start: usize) -> Option<(Token, usize)> {
        let src = self.src;
        if self.after_dot {
            let end = word_end(src, start);
            return Some((Token::Name(src[start..end].to_string()), end));
        }
        // `{if: 1; class: 2}`: a key of an object literal is a plain name.
        if self.after_open_or_semi {
            let end = word_end(src, start);
            let colon = skip_blanks(src, end);
            let b = src.as_bytes();
            if b.get(colon) == Some(&b':')
                && b.get(colon + 1) != Some(&b'=')
                && token_suffix(src, end).is_none()
            {
                return Some((Token::Name(src[start..end].to_string()), end));
            }
        }
        let run_end = self.run_end(start);
        let run = || name_key_keep_case(&src[start..run_end]).into_owned();
        // An explicit token suffix after the whole run settles it.
        if let Some((end, id)) = token_suffix(src, run_end) {
            if let Some((kend, _)) = match_keyword(src, start) {
                if kend == run_end {
                    return None; // a keyword followed by `:`: not a token
                }
            }
            return Some((self.command_from_suffix(&run(), id), end));
        }
        if self.plain_words {
            if let Some((kend, kw)) = match_keyword(src, start) {
                return Some((kw, kend));
            }
            return Some((Token::Name(run()), run_end));
        }
        if let Some((end, hit)) = self.match_name(start) {
            if let Some((send, id)) = token_suffix(src, end) {
                let written = name_key_keep_case(&src[start..end]);
                return Some((self.command_from_suffix(&written, id), send));
            }
            if end >= run_end {
                let written = name_key_keep_case(&src[start..end]);
                return Some((self.command_from_hit(hit, &written), end));
            }
            // A catalog name followed by more plain words: an unknown multi-word name.
            return Some((Token::Name(run()), run_end));
        }
        if let Some((kend, kw)) = match_keyword(src, start) {
            return Some((kw, kend));
        }
        Some((Token::Name(run()), run_end))
    }

    /// `[Table]`, `[Table:3]`, `[Table]Field`, `[Table:3]Field:2` after the `[` at `open`.
    fn lex_table(&self, open: usize) -> Option<(Token, usize)> {
        let src = self.src;
        let start = open + 1;
        let first = src[start..].chars().next()?;
        if !(first.is_alphabetic() || first == '_') {
            return None;
        }
        let mut end = word_end(src, start);
        loop {
            let next = skip_blanks(src, end);
            let wend = word_end(src, next);
            if next == end || wend == next {
                break;
            }
            end = wend;
        }
        let name = name_key_keep_case(&src[start..end]).into_owned();
        let mut p = end;
        let b = src.as_bytes();
        if b.get(p) == Some(&b':') {
            let mut e = p + 1;
            while e < b.len() && b[e].is_ascii_digit() {
                e += 1;
            }
            if e == p + 1 {
                return None;
            }
            p = e;
        }
        if b.get(p) != Some(&b']') {
            return None;
        }
        p += 1;
        let fstart = p;
        let fend = match src[p..].chars().next() {
            Some(c) if c.is_alphabetic() || c == '_' => word_end(src, p),
            _ => p,
        };
        if fend == fstart {
            // `[Null]`, `[True]`: a collection literal, not a table.
            if catalog().has_name(&name.to_lowercase()) {
                return None;
            }
            return Some((Token::Table(name), p));
        }
        // Field names may contain spaces: `[People]Last Name`.
        let mut fend = fend;
        loop {
            let next = skip_blanks(src, fend);
            let wend = word_end(src, next);
            if next == fend || wend == next || match_keyword(src, next).is_some() {
                break;
            }
            fend = wend;
        }
        let field = name_key_keep_case(&src[fstart..fend]).into_owned();
        let mut end = fend;
        if b.get(end) == Some(&b':') {
            let mut e = end + 1;
            while e < b.len() && b[e].is_ascii_digit() {
                e += 1;
            }
            if e > end + 1 {
                end = e;
            }
        }
        Some((Token::Field(Box::new((name, field))), end))
    }

    /// `Begin SQL` at `start..end`: the raw text up to the `End SQL` line.
    fn lex_sql(&mut self, start: usize, end: usize) -> (Token, usize) {
        let src = self.src;
        let body_start = src[end..]
            .find('\n')
            .map(|i| end + i + 1)
            .unwrap_or(src.len());
        let mut line_start = body_start;
        while line_start < src.len() {
            let line_end = src[line_start..]
                .find('\n')
                .map(|i| line_start + i)
                .unwrap_or(src.len());
            let line = &src[line_start..line_end];
            let trimmed = line.trim_start();
            let lead = line.len() - trimmed.len();
            if let Some((kend, _)) = self.match_name(line_start + lead) {
                let words = name_key(&src[line_start + lead..kend]);
                if words == "end sql" {
                    let tail = token_suffix(src, kend).map(|(e, _)| e).unwrap_or(kend);
                    return (Token::Sql(src[body_start..line_start].to_string()), tail);
                }
            }
            line_start = line_end + 1;
        }
        let line = self.line_of(start);
        self.error(
            start,
            end,
            format!("missing End SQL for the Begin SQL at line {line}"),
        );
        (Token::Sql(String::new()), src.len())
    }

    /// The next token with context applied, or `None` at the end of input.
    fn next_token(&mut self) -> Option<Spanned> {
        loop {
            if self.errors.len() >= MAX_LEX_ERRORS {
                return None; // junk input: enough has been said
            }
            let raw = self.raw.next()?;
            let span = self.raw.span();
            let (start, end) = (span.start, span.end);
            let src = self.src;
            let slice = &src[start..end];
            let raw = match raw {
                Ok(r) => r,
                Err(()) => {
                    let ch = slice.chars().next().unwrap_or('?');
                    self.error(start, end, format!("unexpected character '{ch}'"));
                    continue;
                }
            };
            let tok = match raw {
                Raw::Newline => Token::Newline,
                Raw::Blank | Raw::Backslash(true) | Raw::LineComment | Raw::BacktickComment => {
                    continue
                }
                Raw::BlockComment(closed) => {
                    if !closed {
                        self.error(start, start + 2, "unterminated comment: missing */");
                    }
                    if slice.contains(['\n', '\r']) {
                        Token::Newline
                    } else {
                        continue;
                    }
                }
                Raw::Text(true) => Token::Text(unescape(&slice[1..slice.len() - 1])),
                Raw::Text(false) => {
                    self.error(start, end, "unterminated text: missing closing \"");
                    Token::Text(unescape(&slice[1..]))
                }
                Raw::Number => {
                    // A name may start with a digit: `4D`, `64 bit version`.
                    if let Some((nend, hit)) = self.match_name(start) {
                        if nend > end && !self.after_dot {
                            let written = name_key_keep_case(&src[start..nend]);
                            // Tokenized: `4D:C1709.File`.
                            if let Some((send, id)) = token_suffix(src, nend) {
                                self.extend_to(send);
                                let t = self.command_from_suffix(&written, id);
                                return Some(self.emit(start, t, send));
                            }
                            self.extend_to(nend);
                            let t = self.command_from_hit(hit, &written);
                            return Some(self.emit(start, t, nend));
                        }
                    }
                    Token::Number(slice.parse().unwrap_or(0.0))
                }
                Raw::Hex => Token::Number(i64::from_str_radix(&slice[2..], 16).unwrap_or(0) as f64),
                Raw::Date => Token::Date(parse_date(slice)),
                Raw::Time => Token::Time(parse_time(slice)),
                Raw::Word => {
                    let Some((tok, tend)) = self.lex_word(start) else {
                        // A keyword glued to a `:C` suffix: just the keyword.
                        let (kend, kw) =
                            match_keyword(src, start).unwrap_or((end, Token::Name(slice.into())));
                        self.extend_to(kend);
                        return Some(self.emit(start, kw, kend));
                    };
                    self.extend_to(tend);
                    match tok {
                        Token::Command(ref c) if c.name.eq_ignore_ascii_case("Begin SQL") => {
                            let (t, e) = self.lex_sql(start, tend);
                            self.extend_to(e);
                            return Some(self.emit(start, t, e));
                        }
                        Token::ClassExtends(_) => {
                            let rest = &src[tend..];
                            let stop = rest
                                .find(['\n', '\r'])
                                .unwrap_or(rest.len())
                                .min(rest.find("//").unwrap_or(rest.len()))
                                .min(rest.find("/*").unwrap_or(rest.len()));
                            let parent = rest[..stop].trim().to_string();
                            let e = tend + stop;
                            self.extend_to(e);
                            return Some(self.emit(start, Token::ClassExtends(parent), e));
                        }
                        _ => {}
                    }
                    return Some(self.emit(start, tok, tend));
                }
                // `Form.$project`: a property name may start with `$`.
                Raw::Local if self.after_period => Token::Name(slice.to_string()),
                Raw::Local => Token::Local(slice[1..].to_string()),
                Raw::Param => Token::Param(slice[1..].parse().unwrap_or(u32::MAX)),
                Raw::ParamIndirect => Token::ParamIndirect,
                Raw::Interprocess => {
                    let name = slice.strip_prefix("<>").or_else(|| slice.strip_prefix('◊'));
                    Token::Interprocess(name.unwrap_or(slice).to_string())
                }
                Raw::Declare => Token::Declare,
                Raw::Assign => Token::Assign,
                Raw::AddAssign => Token::AddAssign,
                Raw::SubAssign => Token::SubAssign,
                Raw::MulAssign => Token::MulAssign,
                Raw::DivAssign => Token::DivAssign,
                Raw::Plus => Token::Plus,
                Raw::Minus => Token::Minus,
                Raw::Star => Token::Star,
                Raw::Slash => Token::Op(BinOp::Div),
                Raw::Backslash(_) => Token::Op(BinOp::IntDiv),
                Raw::Percent => Token::Op(BinOp::Mod),
                Raw::Caret => Token::Op(BinOp::Pow),
                Raw::Eq => Token::Op(BinOp::Eq),
                Raw::Hash => Token::Op(BinOp::Ne),
                Raw::Lt => Token::Op(BinOp::Lt),
                Raw::Le => Token::Op(BinOp::Le),
                Raw::Gt => Token::Op(BinOp::Gt),
                Raw::Ge => Token::Op(BinOp::Ge),
                Raw::Amp => Token::Amp,
                Raw::Pipe => Token::Pipe,
                Raw::Xor => Token::Op(BinOp::BitXor),
                Raw::Shl => Token::Op(BinOp::Shl),
                Raw::Shr => Token::Op(BinOp::Shr),
                Raw::BitSet => Token::Op(BinOp::BitSet),
                Raw::BitClear => Token::Op(BinOp::BitClear),
                Raw::BitTest => Token::Op(BinOp::BitTest),
                Raw::AndAnd => Token::Op(BinOp::And),
                Raw::OrOr => Token::Op(BinOp::Or),
                Raw::ScaleH => Token::Op(BinOp::ScaleH),
                Raw::ScaleV => Token::Op(BinOp::ScaleV),
                Raw::Question => Token::Question,
                Raw::Colon => Token::Colon,
                Raw::Semi => Token::Semi,
                Raw::LParen => Token::LParen,
                Raw::RParen => Token::RParen,
                Raw::LBracket => {
                    if self.value_before() {
                        if src.as_bytes().get(end) == Some(&b'[') {
                            self.extend_to(end + 1);
                            return Some(self.emit(start, Token::LCharAt, end + 1));
                        }
                        Token::LIndex
                    } else if let Some((t, tend)) = self.lex_table(start) {
                        self.extend_to(tend);
                        return Some(self.emit(start, t, tend));
                    } else {
                        Token::LBracket
                    }
                }
                Raw::RBracket => Token::RBracket,
                Raw::LBrace => {
                    if self.value_before() {
                        Token::LElem
                    } else {
                        Token::LBrace
                    }
                }
                Raw::RBrace => Token::RBrace,
                Raw::Dot => Token::Dot,
                Raw::Ellipsis => {
                    // The docs write a line of `...` for omitted code; accepted
                    // alone on its line (as nothing) so documented examples run.
                    let rest = &src[end..];
                    let line = &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())];
                    let blank_after = line.trim().is_empty() || line.trim_start().starts_with("//");
                    if self.at_line_start && blank_after {
                        continue;
                    }
                    if self.after_open_or_semi {
                        Token::Ellipsis
                    } else {
                        self.error(
                            start,
                            end,
                            "unexpected '...' (omitted code must be alone on its line)",
                        );
                        continue;
                    }
                }
                Raw::Arrow => {
                    if self.value_before() {
                        Token::Deref
                    } else {
                        Token::Arrow
                    }
                }
            };
            return Some(self.emit(start, tok, end));
        }
    }

    /// Records context for the token about to be handed out.
    fn emit(&mut self, start: usize, tok: Token, end: usize) -> Spanned {
        // `property` and `var` are keywords only at the start of a line.
        // So are the keywords that only open a statement: elsewhere the word is
        // a name, as a method named `CATCH` in `C_COLLECTION(CATCH; $1)`.
        let tok = match tok {
            Token::Property
            | Token::Var
            | Token::If
            | Token::Else
            | Token::EndIf
            | Token::CaseOf
            | Token::EndCase
            | Token::EndWhile
            | Token::Repeat
            | Token::For
            | Token::EndFor
            | Token::ForEach
            | Token::EndForEach
            | Token::Use
            | Token::EndUse
            | Token::Catch
            | Token::EndTry
                if !self.at_line_start =>
            {
                Token::Name(name_key_keep_case(&self.src[start..end]).into_owned())
            }
            t => t,
        };
        // After `.` (and after `p->`, as in `p->prop`) a word is a member name.
        self.after_dot = matches!(tok, Token::Dot | Token::Deref);
        self.after_period = tok == Token::Dot;
        match tok {
            Token::Function | Token::Property => self.plain_words = true,
            Token::Colon | Token::LParen | Token::Newline | Token::Assign => {
                self.plain_words = false
            }
            _ => {}
        }
        self.last_ends_value = tok.ends_value();
        self.after_open_or_semi = matches!(tok, Token::LParen | Token::LBrace | Token::Semi);
        self.at_line_start = tok == Token::Newline;
        (start, tok, end)
    }
}

/// What the iterator handed out last, for collapsing line ends.
#[derive(Clone, Copy)]
enum LastOut {
    Start,
    Newline,
    Other(usize),
}

/// The name as written, with runs of blanks collapsed to one space.
fn name_key_keep_case(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['\t', ' ']) {
        return s.into();
    }
    s.split([' ', '\t'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .into()
}

impl Iterator for Lexer<'_, '_> {
    type Item = Spanned;

    fn next(&mut self) -> Option<Spanned> {
        if self.done {
            return None;
        }
        loop {
            match self.next_token() {
                Some((s, Token::Newline, e)) => {
                    // Collapse blank lines; no line end before the first statement.
                    if !matches!(self.last_out, LastOut::Other(_)) {
                        continue;
                    }
                    self.last_out = LastOut::Newline;
                    return Some((s, Token::Newline, e));
                }
                Some(t) => {
                    self.last_out = LastOut::Other(t.2);
                    return Some(t);
                }
                None => {
                    self.done = true;
                    if let LastOut::Other(end) = self.last_out {
                        self.last_out = LastOut::Newline;
                        return Some((end, Token::Newline, end));
                    }
                    return None;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Token> {
        let (t, errs) = lex(src, &ParseOptions::default());
        assert!(errs.is_empty(), "{src:?}: {errs:?}");
        t.into_iter().map(|t| t.1).collect()
    }

    fn cmd(name: &str) -> String {
        name.to_string()
    }

    fn command_names(src: &str) -> Vec<String> {
        toks(src)
            .into_iter()
            .filter_map(|t| match t {
                Token::Command(c) => Some(c.name),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn lex_keywords_any_case_and_spacing() {
        assert_eq!(
            toks("end IF  \nCASE   of\nEnd For Each\nend for\nEnd Use \n"),
            vec![
                Token::EndIf,
                Token::Newline,
                Token::CaseOf,
                Token::Newline,
                Token::EndForEach,
                Token::Newline,
                Token::EndFor,
                Token::Newline,
                Token::EndUse,
                Token::Newline
            ]
        );
        assert_eq!(toks("While (True)")[0], Token::While);
        assert_eq!(
            toks("For /* c */ ($i;1;2)")[..2],
            [Token::For, Token::LParen]
        );
    }

    #[test]
    fn lex_commands_longest_match_before_keywords() {
        assert_eq!(command_names("USE SET(\"a\")"), vec![cmd("USE SET")]);
        assert_eq!(toks("Use($o)")[0], Token::Use);
        assert_eq!(command_names("BREAK LEVEL(1)"), vec![cmd("BREAK LEVEL")]);
        assert_eq!(
            command_names("$d:=current   date\n$e:=Form event code"),
            vec![cmd("Current date"), cmd("Form event code")]
        );
        // Word boundary: `Current dateX` is not the command.
        assert_eq!(
            toks("Current dateX")[0],
            Token::Name("Current dateX".into())
        );
        assert_eq!(command_names("4D.File"), vec![cmd("4D")]);
        assert_eq!(command_names("$x:=Session storage by ID($id)").len(), 1);
    }

    #[test]
    fn lex_token_suffixes() {
        let t = toks("New object:C1471\nIs text:K8:3\nMy plugin:P1:2\nget mouse:C468");
        let ids: Vec<(String, CommandRef)> = t
            .into_iter()
            .filter_map(|t| match t {
                Token::Command(c) => Some((c.name, c.id)),
                _ => None,
            })
            .collect();
        assert_eq!(
            ids[0],
            ("New object".into(), CommandRef::Command(Some(1471)))
        );
        assert_eq!(ids[1].1, CommandRef::Constant { theme: 8, index: 3 });
        assert_eq!(
            ids[2],
            (
                "My plugin".into(),
                CommandRef::Plugin {
                    plugin: 1,
                    index: 2
                }
            )
        );
        assert_eq!(ids[3].1, CommandRef::Command(Some(468)));
    }

    #[test]
    fn lex_tables_fields_and_brackets() {
        assert_eq!(
            toks("[Friends and Relatives]Name")[0],
            Token::Field(Box::new(("Friends and Relatives".into(), "Name".into())))
        );
        assert_eq!(
            toks("[Table:3]Field:2")[0],
            Token::Field(Box::new(("Table".into(), "Field".into())))
        );
        assert_eq!(toks("[People]")[0], Token::Table("People".into()));
        assert_eq!(toks("$c[1]")[1], Token::LIndex);
        assert_eq!(toks("$t[[1]]")[1], Token::LCharAt);
        assert_eq!(toks("[1;2]")[0], Token::LBracket);
        assert_eq!(toks("[Null]")[0], Token::LBracket);
        assert_eq!(toks("$a{1}")[1], Token::LElem);
        assert_eq!(toks("{a:1}")[0], Token::LBrace);
        assert_eq!(toks("$p->")[1], Token::Deref);
        assert_eq!(toks("->$p")[0], Token::Arrow);
    }

    #[test]
    fn lex_variables_and_literals() {
        assert_eq!(
            toks("$x $1 ${ <>g ◊h"),
            vec![
                Token::Local("x".into()),
                Token::Param(1),
                Token::ParamIndirect,
                Token::Interprocess("g".into()),
                Token::Interprocess("h".into()),
                Token::Newline
            ]
        );
        assert_eq!(
            toks("\"a\\tb\\\\\" 1.5e3 0x1F !01/02/2021! !12/04/98! !00-00-00! ?8:05:30?")[..7],
            [
                Token::Text("a\tb\\".into()),
                Token::Number(1500.0),
                Token::Number(31.0),
                Token::Date((2021, 1, 2)),
                Token::Date((1998, 12, 4)),
                Token::Date((0, 0, 0)),
                Token::Time(8 * 3600 + 5 * 60 + 30),
            ]
        );
    }

    #[test]
    fn lex_comments_continuations_and_lines() {
        assert_eq!(
            toks("%attributes = {\"lang\":\"en\"}\n\n// c\n$a:=1 /* x /* y */ z */ + \\\n  2 ` old\n\n"),
            vec![
                Token::Local("a".into()),
                Token::Assign,
                Token::Number(1.0),
                Token::Plus,
                Token::Number(2.0),
                Token::Newline
            ]
        );
        let (_, errs) = lex("$a:=\"abc\n/* open", &ParseOptions::default());
        assert_eq!(errs.len(), 2);
    }

    #[test]
    fn lex_real_code_forms() {
        // `4D:C1709` is the class store, tokenized.
        assert_eq!(command_names("$f:=4D:C1709.File"), vec![cmd("4D")]);
        // Object literal keys spelled like keywords are names.
        assert_eq!(
            toks("{if: 1; return: 2}")[..4],
            [
                Token::LBrace,
                Token::Name("if".into()),
                Token::Colon,
                Token::Number(1.0)
            ]
        );
        // `Form.$project`: a member name with `$`.
        assert_eq!(toks("Form.$p")[2], Token::Name("$p".into()));
        assert_eq!(toks("$p->$q")[2], Token::Local("q".into()));
        // `...` in a parameter list.
        assert_eq!(toks("f( ... : Text)")[2], Token::Ellipsis);
        // A comment ending in `\` continues on the next line.
        assert_eq!(
            toks("//a\\\n && b\n$x"),
            vec![Token::Local("x".into()), Token::Newline]
        );
        assert_eq!(
            toks("//a\\ \r\n b\r$x"),
            vec![Token::Local("x".into()), Token::Newline]
        );
    }

    #[test]
    fn lex_unknown_multiword_names_join() {
        assert_eq!(
            toks("Genealogy  of($x)")[0],
            Token::Name("Genealogy of".into())
        );
        assert_eq!(toks("$o.first.If")[4], Token::Name("If".into()));
        // A run stops before a keyword.
        assert_eq!(toks("For each ($a; $b) Until (x)")[6], Token::Until);
    }
}
