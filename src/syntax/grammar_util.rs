//! The grammar's actions: each grammar rule calls one function here, so the
//! grammar stays a grammar and the AST building is plain, testable Rust.

use lalrpop_util::ParseError;

use super::ast::*;
use super::lexer::{CommandTok, Token};
use super::SyntaxError;

pub(crate) type PResult<T> = Result<T, ParseError<usize, Token, SyntaxError>>;

fn sp(l: usize, h: usize) -> Span {
    Span::new(l, h)
}

fn user_error<T>(l: usize, h: usize, message: impl Into<String>) -> PResult<T> {
    Err(ParseError::User {
        error: SyntaxError {
            span: sp(l, h),
            message: message.into(),
        },
    })
}

fn ex(l: usize, node: ExprKind, h: usize) -> Expr {
    Spanned::new(sp(l, h), node)
}

fn st(l: usize, node: StmtKind, h: usize) -> Stmt {
    Spanned::new(sp(l, h), node)
}

/// One top-level line of a file: a statement or a class/method header.
/// Payloads are boxed to keep the parser's stack entries small.
pub enum Item {
    Stmt(Box<Stmt>),
    Declare(Box<Spanned<Declare>>),
    Function(Box<FunctionDef>),
    Constructor(ClassModifiers, Box<FunctionDef>),
    Extends(Spanned<String>),
    Property(Box<PropertyDecl>),
}

/// A command argument: an expression, `*`, or a bare `&`/`|`.
pub enum Arg {
    Expr(Expr),
    Op(usize, Option<BinOp>, usize),
}

pub enum Simple {
    Break,
    Continue,
}

pub fn semi<T>(mut v: Vec<T>, e: Option<T>) -> Vec<T> {
    v.extend(e);
    v
}

/// Where the statements of a file go: the file body, the constructor, or a function.
enum Target {
    File,
    Constructor,
    Function(usize),
}

pub fn file(items: Vec<Item>) -> PResult<SourceFile> {
    let mut file = SourceFile::default();
    let mut target = Target::File;
    for item in items {
        match item {
            Item::Stmt(s) => match target {
                Target::File => file.body.push(*s),
                Target::Constructor => {
                    if let Some(c) = file.class.as_mut().and_then(|c| c.constructor.as_mut()) {
                        c.body.push(*s)
                    }
                }
                Target::Function(i) => {
                    if let Some(f) = file.class.as_mut().and_then(|c| c.functions.get_mut(i)) {
                        f.body.push(*s)
                    }
                }
            },
            Item::Declare(d) => {
                if file.declare.is_some() || !file.body.is_empty() || file.class.is_some() {
                    let (l, h) = (d.span.start as usize, d.span.end as usize);
                    return user_error(l, h, "#DECLARE must be the first line of a method");
                }
                file.declare = Some(*d);
            }
            Item::Function(f) => {
                let class = file.class.get_or_insert_with(ClassDef::default);
                class.functions.push(*f);
                target = Target::Function(class.functions.len() - 1);
            }
            Item::Constructor(mods, f) => {
                let class = file.class.get_or_insert_with(ClassDef::default);
                if class.constructor.is_some() {
                    let (l, h) = (f.span.start as usize, f.span.end as usize);
                    return user_error(l, h, "a class has at most one Class constructor");
                }
                class.modifiers = mods;
                class.constructor = Some(*f);
                target = Target::Constructor;
            }
            Item::Extends(e) => {
                let class = file.class.get_or_insert_with(ClassDef::default);
                class.extends = Some(e);
            }
            Item::Property(p) => {
                file.class
                    .get_or_insert_with(ClassDef::default)
                    .properties
                    .push(*p);
            }
        }
    }
    Ok(file)
}

pub fn declare_item(
    l: usize,
    params: Option<ParamList>,
    result: Option<ResultDecl>,
    h: usize,
) -> Item {
    let params = params.unwrap_or_default();
    Item::Declare(Box::new(Spanned::new(
        sp(l, h),
        Declare {
            params: params.params,
            variadic: params.variadic,
            result,
        },
    )))
}

pub fn function_item(
    l: usize,
    prefixes: Option<String>,
    name: String,
    params: Option<ParamList>,
    result: Option<ResultDecl>,
    h: usize,
) -> PResult<Item> {
    let params = params.unwrap_or_default();
    let mut f = FunctionDef {
        span: sp(l, h),
        name: String::new(),
        kind: FunctionKind::Plain,
        shared: false,
        local: false,
        exposed: false,
        server: false,
        on_http_get: false,
        declare: Declare {
            params: params.params,
            variadic: params.variadic,
            result,
        },
        body: Vec::new(),
    };
    for word in prefixes.iter().flat_map(|p| p.split(' ')) {
        match word.to_ascii_lowercase().as_str() {
            "shared" => f.shared = true,
            "local" => f.local = true,
            "exposed" => f.exposed = true,
            "server" => f.server = true,
            "onhttpget" => f.on_http_get = true,
            _ => return user_error(l, h, format!("unknown Function prefix '{word}'")),
        }
    }
    let words: Vec<&str> = name.split(' ').collect();
    match words.as_slice() {
        [n] => f.name = n.to_string(),
        [k, n] if k.eq_ignore_ascii_case("get") => {
            f.kind = FunctionKind::Get;
            f.name = n.to_string();
        }
        [k, n] if k.eq_ignore_ascii_case("set") => {
            f.kind = FunctionKind::Set;
            f.name = n.to_string();
        }
        [k, n] if k.eq_ignore_ascii_case("query") => {
            f.kind = FunctionKind::Query;
            f.name = n.to_string();
        }
        [k, n] if k.eq_ignore_ascii_case("orderBy") => {
            f.kind = FunctionKind::OrderBy;
            f.name = n.to_string();
        }
        [k, e, rest @ ..]
            if k.eq_ignore_ascii_case("event") && rest.len() <= 1 && is_orda_event(e) =>
        {
            f.kind = FunctionKind::Event;
            f.name = words[1..].join(" ");
        }
        _ => return user_error(l, h, format!("invalid function name '{name}'")),
    }
    Ok(Item::Function(Box::new(f)))
}

/// The ORDA entity events a `Function event <name>` may declare.
fn is_orda_event(name: &str) -> bool {
    const EVENTS: [&str; 7] = [
        "touched",
        "validateSave",
        "saving",
        "afterSave",
        "validateDrop",
        "dropping",
        "afterDrop",
    ];
    EVENTS.iter().any(|e| e.eq_ignore_ascii_case(name))
}

pub fn ctor_item(
    l: usize,
    prefixes: Option<String>,
    params: Option<ParamList>,
    h: usize,
) -> PResult<Item> {
    let params = params.unwrap_or_default();
    let mut mods = ClassModifiers::default();
    let mut session = false;
    for word in prefixes.iter().flat_map(|p| p.split(' ')) {
        match word.to_ascii_lowercase().as_str() {
            "shared" => mods.shared = true,
            "singleton" if session => mods.session_singleton = true,
            "singleton" => mods.singleton = true,
            "session" => session = true,
            _ => return user_error(l, h, format!("unknown Class constructor prefix '{word}'")),
        }
    }
    if session && !mods.session_singleton {
        return user_error(l, h, "'session' must be followed by 'singleton'");
    }
    let f = FunctionDef {
        span: sp(l, h),
        name: "constructor".to_string(),
        kind: FunctionKind::Plain,
        shared: mods.shared,
        local: false,
        exposed: false,
        server: false,
        on_http_get: false,
        declare: Declare {
            params: params.params,
            variadic: params.variadic,
            result: None,
        },
        body: Vec::new(),
    };
    Ok(Item::Constructor(mods, Box::new(f)))
}

pub fn extends_item(l: usize, parent: String, h: usize) -> Item {
    Item::Extends(Spanned::new(sp(l, h), parent))
}

pub fn property_item(
    l: usize,
    names: Vec<String>,
    ty: Option<TypeRef>,
    init: Option<Expr>,
    h: usize,
) -> Item {
    Item::Property(Box::new(PropertyDecl {
        span: sp(l, h),
        names,
        ty,
        init,
    }))
}

/// Declared parameters: named ones, then possibly `... : Type`.
#[derive(Default)]
pub struct ParamList {
    pub params: Vec<Param>,
    pub variadic: Option<(Span, Option<TypeRef>)>,
}

/// One entry of a parameter list as parsed.
pub enum ParamEntry {
    Named(Param),
    Variadic(Span, Option<TypeRef>),
}

/// Checks that `...` comes last.
pub fn param_list(entries: Vec<ParamEntry>) -> PResult<ParamList> {
    let mut out = ParamList::default();
    for e in entries {
        if let Some((s, _)) = out.variadic {
            return user_error(
                s.start as usize,
                s.end as usize,
                "'...' must be the last parameter",
            );
        }
        match e {
            ParamEntry::Named(p) => out.params.push(p),
            ParamEntry::Variadic(s, t) => out.variadic = Some((s, t)),
        }
    }
    Ok(out)
}

pub fn variadic(l: usize, ty: Option<TypeRef>, h: usize) -> ParamEntry {
    ParamEntry::Variadic(sp(l, h), ty)
}

pub fn param(l: usize, name: String, ty: Option<TypeRef>, h: usize) -> Param {
    Param {
        span: sp(l, h),
        name,
        ty,
    }
}

pub fn result_decl(l: usize, name: Option<String>, ty: Option<TypeRef>, h: usize) -> ResultDecl {
    ResultDecl {
        span: sp(l, h),
        name,
        ty,
    }
}

/// `Text`, `4D.File`, `cs.Person`, `cs.ns.Person`, `Number`.
pub fn type_ref(head: String, rest: Vec<String>) -> TypeRef {
    if !rest.is_empty() {
        let path = rest.join(".");
        return match head.to_ascii_lowercase().as_str() {
            "4d" => TypeRef::Builtin(path),
            "cs" => TypeRef::UserClass(path),
            _ => TypeRef::Other(format!("{head}.{path}")),
        };
    }
    match head.to_ascii_lowercase().as_str() {
        "text" => TypeRef::Text,
        "integer" | "longint" => TypeRef::Integer,
        "real" => TypeRef::Real,
        "boolean" => TypeRef::Boolean,
        "date" => TypeRef::Date,
        "time" => TypeRef::Time,
        "object" => TypeRef::Object,
        "collection" => TypeRef::Collection,
        "variant" => TypeRef::Variant,
        "pointer" => TypeRef::Pointer,
        "picture" => TypeRef::Picture,
        "blob" => TypeRef::Blob,
        _ => TypeRef::Other(head),
    }
}

pub fn push_stmt(mut b: Block, s: Box<Stmt>) -> Block {
    b.push(*s);
    b
}

pub fn expr_stmt(l: usize, e: Expr, h: usize) -> Stmt {
    st(l, StmtKind::Expr(e), h)
}

pub fn assign(l: usize, target: Expr, op: AssignOp, value: Expr, h: usize) -> Stmt {
    st(l, StmtKind::Assign { target, op, value }, h)
}

pub fn var(l: usize, names: Vec<Expr>, ty: Option<TypeRef>, init: Option<Expr>, h: usize) -> Stmt {
    st(l, StmtKind::Var { names, ty, init }, h)
}

pub fn if_(l: usize, cond: Expr, then: Block, otherwise: Option<Block>, h: usize) -> Stmt {
    st(
        l,
        StmtKind::If {
            cond,
            then,
            otherwise,
        },
        h,
    )
}

pub fn case(
    l: usize,
    branches: Vec<Box<(Expr, Block)>>,
    otherwise: Option<Block>,
    h: usize,
) -> Stmt {
    let branches = branches.into_iter().map(|b| *b).collect();
    st(
        l,
        StmtKind::Case {
            branches,
            otherwise,
        },
        h,
    )
}

pub fn while_(l: usize, cond: Expr, body: Block, h: usize) -> Stmt {
    st(l, StmtKind::While { cond, body }, h)
}

pub fn repeat(l: usize, body: Block, until: Expr, h: usize) -> Stmt {
    st(l, StmtKind::Repeat { body, until }, h)
}

#[allow(clippy::too_many_arguments)]
pub fn for_(
    l: usize,
    counter: Expr,
    start: Expr,
    end: Expr,
    step: Option<Expr>,
    body: Block,
    h: usize,
) -> Stmt {
    st(
        l,
        StmtKind::For {
            counter,
            start,
            end,
            step,
            body,
        },
        h,
    )
}

#[allow(clippy::too_many_arguments)]
pub fn for_each(
    l: usize,
    item: Expr,
    source: Expr,
    bounds: Vec<Expr>,
    cond: Option<LoopCond>,
    body: Block,
    h: usize,
) -> PResult<Stmt> {
    if bounds.len() > 2 {
        return user_error(l, h, "For each takes at most 4 parameters");
    }
    let mut bounds = bounds.into_iter();
    let (begin, end) = (bounds.next(), bounds.next());
    Ok(st(
        l,
        StmtKind::ForEach {
            item,
            source,
            begin,
            end,
            cond,
            body,
        },
        h,
    ))
}

pub fn use_(l: usize, target: Expr, body: Block, h: usize) -> Stmt {
    st(l, StmtKind::Use { target, body }, h)
}

pub fn try_(l: usize, body: Block, catch: Option<Block>, h: usize) -> Stmt {
    st(l, StmtKind::Try { body, catch }, h)
}

pub fn return_(l: usize, e: Option<Expr>, h: usize) -> Stmt {
    st(l, StmtKind::Return(e), h)
}

pub fn simple(l: usize, s: Simple, h: usize) -> Stmt {
    let kind = match s {
        Simple::Break => StmtKind::Break,
        Simple::Continue => StmtKind::Continue,
    };
    st(l, kind, h)
}

pub fn sql(l: usize, text: String, h: usize) -> Stmt {
    st(l, StmtKind::Sql(text), h)
}

pub fn ternary(l: usize, cond: Expr, then: Expr, otherwise: Expr, h: usize) -> Expr {
    ex(
        l,
        ExprKind::Ternary {
            cond: Box::new(cond),
            then: Box::new(then),
            otherwise: Box::new(otherwise),
        },
        h,
    )
}

pub fn binary(l: usize, lhs: Expr, op: BinOp, rhs: Expr, h: usize) -> Expr {
    ex(
        l,
        ExprKind::Binary {
            op,
            lhs: Box::new(lhs),
            rhs: Box::new(rhs),
        },
        h,
    )
}

pub fn neg(l: usize, e: Expr, h: usize) -> Expr {
    // Fold `-5` into a literal so the interpreter sees the number directly.
    if let ExprKind::Number(n) = e.node {
        return ex(l, ExprKind::Number(-n), h);
    }
    ex(
        l,
        ExprKind::Unary {
            op: UnaryOp::Neg,
            expr: Box::new(e),
        },
        h,
    )
}

pub fn plus(l: usize, e: Expr, h: usize) -> Expr {
    ex(
        l,
        ExprKind::Unary {
            op: UnaryOp::Plus,
            expr: Box::new(e),
        },
        h,
    )
}

pub fn pointer_to(l: usize, e: Expr, h: usize) -> Expr {
    ex(l, ExprKind::PointerTo(Box::new(e)), h)
}

pub fn member(l: usize, target: Expr, name: String, h: usize) -> Expr {
    ex(
        l,
        ExprKind::Member {
            target: Box::new(target),
            name,
        },
        h,
    )
}

pub fn method_call(l: usize, target: Expr, name: String, args: Vec<Expr>, h: usize) -> Expr {
    ex(
        l,
        ExprKind::MethodCall {
            target: Box::new(target),
            name,
            args,
        },
        h,
    )
}

pub fn index(l: usize, target: Expr, i: Expr, h: usize) -> Expr {
    ex(
        l,
        ExprKind::Index {
            target: Box::new(target),
            index: Box::new(i),
        },
        h,
    )
}

pub fn index_call(l: usize, target: Expr, i: Expr, args: Vec<Expr>, h: usize) -> Expr {
    let callee = index(l, target, i, h);
    ex(
        l,
        ExprKind::CallValue {
            callee: Box::new(callee),
            args,
        },
        h,
    )
}

pub fn char_at(l: usize, target: Expr, i: Expr, h: usize) -> Expr {
    ex(
        l,
        ExprKind::CharAt {
            target: Box::new(target),
            index: Box::new(i),
        },
        h,
    )
}

pub fn element(l: usize, target: Expr, i: Expr, h: usize) -> Expr {
    ex(
        l,
        ExprKind::Element {
            target: Box::new(target),
            index: Box::new(i),
        },
        h,
    )
}

pub fn deref(l: usize, e: Expr, h: usize) -> Expr {
    ex(l, ExprKind::Deref(Box::new(e)), h)
}

/// `p->name`: a property of the object a pointer points to.
pub fn deref_member(l: usize, p: Expr, name: String, h: usize) -> Expr {
    let target = deref(l, p, h);
    member(l, target, name, h)
}

pub fn assign_expr(l: usize, target: Expr, op: AssignOp, value: Expr, h: usize) -> Expr {
    ex(
        l,
        ExprKind::Assign {
            target: Box::new(target),
            op,
            value: Box::new(value),
        },
        h,
    )
}

pub fn text(l: usize, s: String, h: usize) -> Expr {
    ex(l, ExprKind::Text(s), h)
}

pub fn number(l: usize, n: f64, h: usize) -> Expr {
    ex(l, ExprKind::Number(n), h)
}

pub fn date(l: usize, (year, month, day): (i32, u32, u32), h: usize) -> Expr {
    ex(l, ExprKind::Date { year, month, day }, h)
}

pub fn time(l: usize, t: i64, h: usize) -> Expr {
    ex(l, ExprKind::Time(t), h)
}

pub fn local(l: usize, n: String, h: usize) -> Expr {
    ex(l, ExprKind::Local(n), h)
}

pub fn local_call(l: usize, n: String, args: Vec<Expr>, h: usize) -> Expr {
    let callee = local(l, n, h);
    ex(
        l,
        ExprKind::CallValue {
            callee: Box::new(callee),
            args,
        },
        h,
    )
}

pub fn param_ref(l: usize, n: u32, h: usize) -> Expr {
    ex(l, ExprKind::Param(n), h)
}

pub fn param_indirect(l: usize, e: Expr, h: usize) -> Expr {
    ex(l, ExprKind::ParamIndirect(Box::new(e)), h)
}

pub fn interprocess(l: usize, n: String, h: usize) -> Expr {
    ex(l, ExprKind::Interprocess(n), h)
}

pub fn table(l: usize, t: String, h: usize) -> Expr {
    ex(l, ExprKind::Table(t), h)
}

pub fn field(l: usize, (table, field): (String, String), h: usize) -> Expr {
    ex(l, ExprKind::Field { table, field }, h)
}

pub fn name(l: usize, n: String, h: usize) -> Expr {
    ex(l, ExprKind::Name(n), h)
}

pub fn call(l: usize, name: String, args: Vec<Expr>, h: usize) -> Expr {
    ex(l, ExprKind::Call { name, args }, h)
}

pub fn command(l: usize, c: CommandTok, args: Option<Vec<Expr>>, h: usize) -> Expr {
    ex(
        l,
        ExprKind::Command {
            name: c.name,
            id: c.id,
            args,
        },
        h,
    )
}

pub fn try_expr(l: usize, e: Expr, h: usize) -> Expr {
    ex(l, ExprKind::TryExpr(Box::new(e)), h)
}

/// `(e)`: the span widens to the parentheses; no node of its own.
pub fn paren(l: usize, mut e: Expr, h: usize) -> Expr {
    e.span = sp(l, h);
    e
}

pub fn object(l: usize, pairs: Vec<Box<(String, Expr)>>, h: usize) -> Expr {
    let pairs = pairs.into_iter().map(|p| *p).collect();
    ex(l, ExprKind::ObjectLit(pairs), h)
}

pub fn collection(l: usize, items: Vec<Expr>, h: usize) -> Expr {
    ex(l, ExprKind::CollectionLit(items), h)
}

pub fn args(a: Vec<Arg>) -> Vec<Expr> {
    a.into_iter()
        .map(|a| match a {
            Arg::Expr(e) => e,
            Arg::Op(l, None, h) => ex(l, ExprKind::Star, h),
            Arg::Op(l, Some(op), h) => ex(l, ExprKind::OperatorArg(op), h),
        })
        .collect()
}
