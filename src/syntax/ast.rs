//! The abstract syntax tree of a 4D method or class file.
//!
//! Every node carries the byte span of its source (`Span`), so later layers can
//! report `file:line:col` without re-reading the source. Names are kept as
//! written (case preserved); the interpreter case-folds where 4D is
//! case-insensitive (variables, commands, methods) and not where it is
//! case-sensitive (properties, classes).

use std::fmt;

/// Half-open byte range `start..end` into the method's source.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// A node with its source span.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    pub span: Span,
    pub node: T,
}

impl<T> Spanned<T> {
    pub fn new(span: Span, node: T) -> Self {
        Spanned { span, node }
    }
}

/// A whole `.4dm` file: a method (optional `#DECLARE` then statements) or a
/// class (members, each with its own body). A file with class members has
/// `class: Some(..)`; statements before the first member then go in `body`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SourceFile {
    pub declare: Option<Spanned<Declare>>,
    pub body: Block,
    pub class: Option<ClassDef>,
}

pub type Block = Vec<Stmt>;

/// `#DECLARE($a : Text; $b) -> $r : Object`, `#DECLARE(...) : Type`, or the
/// legacy seed spelling `#DECLARE($id Text;$text Text)`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Declare {
    pub params: Vec<Param>,
    /// A last `... : Type`: any number of further arguments, read as `${n}`
    /// (`None` type = Variant).
    pub variadic: Option<(Span, Option<TypeRef>)>,
    pub result: Option<ResultDecl>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub span: Span,
    /// The local name without `$`, as written (e.g. `id` for `$id`).
    pub name: String,
    /// `None` means Variant (no type written).
    pub ty: Option<TypeRef>,
}

/// The declared result: `-> $r : Type` (named) or `: Type` (anonymous, set by `return`).
#[derive(Clone, Debug, PartialEq)]
pub struct ResultDecl {
    pub span: Span,
    /// The local name without `$` (`r` for `-> $r : Object`), `None` for `: Type`.
    pub name: Option<String>,
    pub ty: Option<TypeRef>,
}

/// A type as written after `:` in `var`, `#DECLARE`, `Function`, `property`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypeRef {
    Text,
    Integer,
    Real,
    Boolean,
    Date,
    Time,
    Object,
    Collection,
    Variant,
    Pointer,
    Picture,
    Blob,
    /// `4D.Name` (e.g. `4D.File`, `4D.Session`).
    Builtin(String),
    /// `cs.Name` or `cs.namespace.Name` (dotted path after `cs.`).
    UserClass(String),
    /// Any other name (e.g. the undocumented `Number`): kept for the checker.
    Other(String),
}

/// One 4D statement (one line, or a block construct spanning several lines).
pub type Stmt = Spanned<StmtKind>;

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// A call or any expression used as a statement: `ALERT("x")`, `$o.f()`, `MY_METHOD`.
    Expr(Expr),
    /// `target := value`, or a compound `target += value`.
    Assign {
        target: Expr,
        op: AssignOp,
        value: Expr,
    },
    /// `var $a; b : Type := init` (`ty: None` = Variant or inferred from `init`).
    /// Each name is an `ExprKind::Local` or `ExprKind::Name` (process variable).
    Var {
        names: Vec<Expr>,
        ty: Option<TypeRef>,
        init: Option<Expr>,
    },
    If {
        cond: Expr,
        then: Block,
        /// `Else` branch, if written.
        otherwise: Option<Block>,
    },
    /// `Case of` / `: (cond)` … / `Else` / `End case`.
    Case {
        branches: Vec<(Expr, Block)>,
        otherwise: Option<Block>,
    },
    While {
        cond: Expr,
        body: Block,
    },
    Repeat {
        body: Block,
        until: Expr,
    },
    /// `For(counter; start; end {; step})`.
    For {
        counter: Expr,
        start: Expr,
        end: Expr,
        step: Option<Expr>,
        body: Block,
    },
    /// `For each(item; source {; begin {; end}}) {Until(c) | While(c)}`.
    ForEach {
        item: Expr,
        source: Expr,
        begin: Option<Expr>,
        end: Option<Expr>,
        cond: Option<LoopCond>,
        body: Block,
    },
    /// `Use(target)` … `End use`.
    Use {
        target: Expr,
        body: Block,
    },
    /// `Try` … `Catch` … `End try`.
    Try {
        body: Block,
        catch: Option<Block>,
    },
    Return(Option<Expr>),
    Break,
    Continue,
    /// `Begin SQL` … `End SQL`: the raw text between the two lines.
    Sql(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoopCond {
    Until(Expr),
    While(Expr),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignOp {
    Assign,
    Add,
    Sub,
    Mul,
    Div,
}

pub type Expr = Spanned<ExprKind>;

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// `"text"` with escapes already decoded.
    Text(String),
    /// Every numeric literal is a Real in 4D (`42` included). Hex `0xFF` too.
    Number(f64),
    /// `!2024-01-31!`; `!00-00-00!` is (0, 0, 0).
    Date {
        year: i32,
        month: u32,
        day: u32,
    },
    /// `?12:30:00?` in seconds.
    Time(i64),

    /// `$name` (name without `$`, as written).
    Local(String),
    /// `$1`, `$0`.
    Param(u32),
    /// `${expr}`.
    ParamIndirect(Box<Expr>),
    /// `<>name` or `◊name` (name without prefix).
    Interprocess(String),
    /// A bare name that is neither a command nor a keyword: a process variable
    /// or a project method called without arguments (4D decides at run time:
    /// the method wins). Multi-word names are joined with single spaces.
    Name(String),
    /// `name(args)` where `name` is not a catalog command: a project method call.
    Call {
        name: String,
        args: Vec<Expr>,
    },
    /// A catalog command or constant, matched case-insensitively (longest match),
    /// or written as a token (`New object:C1471`, `Is text:K8:3`, plug-in `:P1:2`).
    /// `name` is the catalog's canonical spelling when matched, else as written.
    /// `args: None` = written bare (no parentheses).
    Command {
        name: String,
        id: CommandRef,
        args: Option<Vec<Expr>>,
    },

    /// `[Table]`, `[Table:3]`.
    Table(String),
    /// `[Table]Field`, `[Table:3]Field:2`.
    Field {
        table: String,
        field: String,
    },

    /// `obj.name`.
    Member {
        target: Box<Expr>,
        name: String,
    },
    /// `obj[index]` (property by key, or collection element).
    Index {
        target: Box<Expr>,
        index: Box<Expr>,
    },
    /// `obj.name(args)`: member call (`This` bound to `obj`).
    MethodCall {
        target: Box<Expr>,
        name: String,
        args: Vec<Expr>,
    },
    /// `expr(args)` where `expr` is not a name: `$o["f"](1)`, `$f()`.
    CallValue {
        callee: Box<Expr>,
        args: Vec<Expr>,
    },
    /// `array{index}` (array element or scalar blob byte).
    Element {
        target: Box<Expr>,
        index: Box<Expr>,
    },
    /// `text[[index]]` (1-based character).
    CharAt {
        target: Box<Expr>,
        index: Box<Expr>,
    },

    /// `->x`: a pointer to a variable, element, table or field.
    PointerTo(Box<Expr>),
    /// `p->`: the value pointed to.
    Deref(Box<Expr>),

    Unary {
        op: UnaryOp,
        expr: Box<Expr>,
    },
    /// Every binary operator; 4D evaluates them strictly left to right.
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    /// `cond ? a : b`.
    Ternary {
        cond: Box<Expr>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },

    /// `{a: 1; "b c": 2}`.
    ObjectLit(Vec<(String, Expr)>),
    /// `[1; 2; 3]`.
    CollectionLit(Vec<Expr>),

    /// `*` as a command argument.
    Star,
    /// A bare operator as a command argument (`QUERY([T]; &; …)`).
    OperatorArg(BinOp),
    /// `Try(expr)`: evaluates `expr`, swallowing its errors.
    TryExpr(Box<Expr>),
    /// An assignment written as a call argument, as in
    /// `Formula($1.result:=$1.value*2)` or `Formula(This.total+=1)`: it assigns
    /// when evaluated (the parser accepts it only as an argument).
    Assign {
        target: Box<Expr>,
        op: AssignOp,
        value: Box<Expr>,
    },
}

/// How a command was identified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommandRef {
    /// A catalog command with its number (`:Cnnn`), when the catalog has one.
    Command(Option<u32>),
    /// A catalog constant `:Ktheme:index`.
    Constant { theme: u32, index: u32 },
    /// A plug-in command token `:Pn:m`.
    Plugin { plugin: u32, index: u32 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Plus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    /// `\` integer division.
    IntDiv,
    /// `%` modulo (numbers) or keyword search (text).
    Mod,
    /// `^` power.
    Pow,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// `&`: Boolean AND / bitwise AND, both sides evaluated.
    BitAnd,
    /// `|`: Boolean OR / bitwise OR, both sides evaluated.
    BitOr,
    /// `^|` bitwise XOR.
    BitXor,
    /// `<<`, `>>`.
    Shl,
    Shr,
    /// `?+` set bit, `?-` clear bit, `??` test bit.
    BitSet,
    BitClear,
    BitTest,
    /// `&&` / `||`: short-circuit, return an operand.
    And,
    Or,
    /// `*+`, `*|` picture scaling.
    ScaleH,
    ScaleV,
}

impl BinOp {
    /// The operator as written in 4D source.
    pub fn symbol(self) -> &'static str {
        use BinOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            IntDiv => "\\",
            Mod => "%",
            Pow => "^",
            Eq => "=",
            Ne => "#",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
            BitAnd => "&",
            BitOr => "|",
            BitXor => "^|",
            Shl => "<<",
            Shr => ">>",
            BitSet => "?+",
            BitClear => "?-",
            BitTest => "??",
            And => "&&",
            Or => "||",
            ScaleH => "*+",
            ScaleV => "*|",
        }
    }
}

/// The class members of a file under `Project/Sources/Classes/`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ClassDef {
    /// `Class extends Parent` (`Parent` may be `4D.Name` or a dotted `cs.` path).
    pub extends: Option<Spanned<String>>,
    /// `shared`/`singleton`/`session singleton` prefixes of `Class constructor`.
    pub modifiers: ClassModifiers,
    pub constructor: Option<FunctionDef>,
    pub functions: Vec<FunctionDef>,
    pub properties: Vec<PropertyDecl>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct ClassModifiers {
    pub shared: bool,
    pub singleton: bool,
    pub session_singleton: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FunctionKind {
    #[default]
    Plain,
    Get,
    Set,
    /// ORDA computed attribute `Function query <attr>`: called by the datastore only.
    Query,
    /// ORDA computed attribute `Function orderBy <attr>`: called by the datastore only.
    OrderBy,
    /// ORDA entity event `Function event <event> {<attr>}`; `name` holds "<event>" or
    /// "<event> <attr>". Called by the datastore only.
    Event,
}

/// `{shared|local|exposed|server} Function {get|set} name(params) {-> $r : T | : T}` and its body,
/// or `Class constructor(params)`.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub span: Span,
    pub name: String,
    pub kind: FunctionKind,
    pub shared: bool,
    pub local: bool,
    pub exposed: bool,
    pub server: bool,
    /// `onHTTPGet`: the exposed function may also be called by an HTTP GET request.
    pub on_http_get: bool,
    pub declare: Declare,
    pub body: Block,
}

/// `property a; b : Type {:= value}`.
#[derive(Clone, Debug, PartialEq)]
pub struct PropertyDecl {
    pub span: Span,
    pub names: Vec<String>,
    pub ty: Option<TypeRef>,
    pub init: Option<Expr>,
}
