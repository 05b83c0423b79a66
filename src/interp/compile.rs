//! AST → IR: names are resolved once per method. Locals get slot numbers,
//! process variables interned indices, methods their program index, and
//! commands their function pointer.

use super::dispatch::{fold, lookup};
use super::ir::*;
use super::{commands, Method, Program, R};
use crate::syntax::ast::{self, AssignOp, BinOp, ExprKind, StmtKind, TypeRef};
use crate::syntax::LineIndex;
use crate::value::{ArrayKind, Date, Value};
use std::collections::HashMap;
use std::sync::Arc;

/// Slot kinds: untyped/Variant, Integer, Real, Text, anything else.
pub const KIND_ANY: u8 = 0;
pub const KIND_INT: u8 = 1;
pub const KIND_REAL: u8 = 2;
pub const KIND_TEXT: u8 = 3;
pub const KIND_OTHER: u8 = 9;

/// Per-method compile state.
pub(crate) struct Ctx<'p> {
    prog: &'p Arc<Program>,
    locals: HashMap<String, u32>,
    names: Vec<String>,
    types: Vec<Option<VType>>,
    param_slots: Vec<u32>,
    strict: Vec<bool>,
    generic: Option<(usize, VType)>,
    result_slot: Option<u32>,
    owner_class: Option<Arc<str>>,
    /// For a formula: (slot here, name) of locals that may come from the enclosing method.
    free: Vec<(u32, String)>,
    is_formula: bool,
    /// The method's source, for `Formula(...).source`.
    src: Arc<str>,
    /// The method's file, for the locations of errors inside its formulas.
    path: String,
}

impl<'p> Ctx<'p> {
    pub(crate) fn new(prog: &'p Arc<Program>) -> Ctx<'p> {
        Ctx {
            prog,
            locals: HashMap::new(),
            names: Vec::new(),
            types: Vec::new(),
            param_slots: Vec::new(),
            strict: Vec::new(),
            generic: None,
            result_slot: None,
            owner_class: None,
            free: Vec::new(),
            is_formula: false,
            src: Arc::from(""),
            path: String::new(),
        }
    }

    fn new_slot(&mut self, name: String) -> u32 {
        let i = self.names.len() as u32;
        self.names.push(name);
        self.types.push(None);
        i
    }

    fn local(&mut self, name: &str) -> u32 {
        let key = name.to_lowercase();
        if let Some(&i) = self.locals.get(&key) {
            return i;
        }
        let i = self.new_slot(key.clone());
        if self.is_formula {
            self.free.push((i, key.clone()));
        }
        self.locals.insert(key, i);
        i
    }

    fn result(&mut self) -> u32 {
        match self.result_slot {
            Some(s) => s,
            None => {
                let s = self.new_slot("$0".into());
                self.result_slot = Some(s);
                s
            }
        }
    }

    /// `return ex`: the statement storing `ex` in the result slot.
    pub(crate) fn return_value(&mut self, ex: Ex) -> Sk {
        Sk::ReturnValue(self.result(), ex)
    }

    /// Slot of `$n` (1-based), creating positional slots up to `n`.
    fn param(&mut self, n: u32) -> u32 {
        if n == 0 {
            return self.result();
        }
        while self.param_slots.len() < n as usize {
            let k = self.param_slots.len() + 1;
            let s = self.new_slot(format!("${k}"));
            self.param_slots.push(s);
            self.strict.push(false);
        }
        self.param_slots[n as usize - 1]
    }

    fn set_type(&mut self, slot: u32, ty: VType) {
        self.types[slot as usize] = Some(ty);
    }

    /// Declares `#DECLARE`/`Function` parameters and result.
    pub(crate) fn declare(&mut self, d: &ast::Declare) {
        for p in &d.params {
            let s = self.local(&p.name);
            self.param_slots.push(s);
            self.strict.push(p.ty.is_some());
            if let Some(t) = &p.ty {
                self.set_type(s, vtype(t));
            }
        }
        if let Some(r) = &d.result {
            let s = match &r.name {
                Some(n) => self.local(n),
                None => self.new_slot("$0".into()),
            };
            self.result_slot = Some(s);
            if let Some(t) = &r.ty {
                self.set_type(s, vtype(t));
            }
        }
    }

    pub(crate) fn finish(mut self, name: &str, path: &str, src: Arc<str>, body: Vec<St>) -> Method {
        let result_slot = self.result();
        let defaults = self
            .types
            .iter()
            .map(|t| match t {
                // "Declared, never assigned": reads like null without its errors
                // (`$o.a` → undefined, `$c.length` → 0).
                Some(VType::Object | VType::Collection | VType::Class(_)) => Value::Undefined,
                Some(t) => default_of(t),
                None => Value::Undefined,
            })
            .collect();
        let kinds = self
            .types
            .iter()
            .map(|t| match t {
                None | Some(VType::Variant) => KIND_ANY,
                Some(VType::Integer) => KIND_INT,
                Some(VType::Real) => KIND_REAL,
                Some(VType::Text) => KIND_TEXT,
                Some(_) => KIND_OTHER,
            })
            .collect();
        Method {
            kinds,
            name: name.to_string(),
            path: path.into(),
            lines: LineIndex::new(&src),
            src,
            n_slots: self.names.len() as u32,
            slot_names: self.names.clone(),
            defaults,
            slot_types: self.types,
            dense_params: self
                .param_slots
                .iter()
                .enumerate()
                .all(|(i, &s)| s as usize == i),
            param_slots: self.param_slots,
            strict: self.strict,
            generic: self.generic,
            result_slot,
            body,
            owner_class: self.owner_class,
        }
    }

    pub(crate) fn set_src(&mut self, src: Arc<str>) {
        self.src = src;
    }

    pub(crate) fn set_path(&mut self, path: &str) {
        self.path = path.to_string();
    }

    pub(crate) fn set_owner(&mut self, class: Arc<str>) {
        self.owner_class = Some(class);
    }

    // ------------------------------------------------------------ statements

    pub(crate) fn block(&mut self, b: &[ast::Stmt]) -> Vec<St> {
        b.iter().map(|s| self.stmt(s)).collect()
    }

    fn stmt(&mut self, s: &ast::Stmt) -> St {
        let pos = s.span.start;
        let kind = match &s.node {
            StmtKind::Expr(e) => Sk::Expr(self.expr(e)),
            StmtKind::Assign { target, op, value } => self.assign(target, *op, value),
            StmtKind::Var { names, ty, init } => {
                // `var $x:=expr` with no type: the type is inferred from `expr`.
                let vt = ty
                    .as_ref()
                    .map(vtype)
                    .or_else(|| init.as_ref().and_then(infer_type));
                let mut places = Vec::new();
                for n in names {
                    let p = self.place(n);
                    if let (Place::Local(slot), Some(t)) = (&p, &vt) {
                        self.set_type(*slot, t.clone());
                    }
                    places.push(p);
                }
                Sk::Declare(places, vt, init.as_ref().map(|e| self.expr(e)))
            }
            StmtKind::If {
                cond,
                then,
                otherwise,
            } => Sk::If(
                self.expr(cond),
                self.block(then),
                otherwise
                    .as_ref()
                    .map(|b| self.block(b))
                    .unwrap_or_default(),
            ),
            StmtKind::Case {
                branches,
                otherwise,
            } => Sk::Case(
                branches
                    .iter()
                    .map(|(c, b)| (self.expr(c), self.block(b)))
                    .collect(),
                otherwise
                    .as_ref()
                    .map(|b| self.block(b))
                    .unwrap_or_default(),
            ),
            StmtKind::While { cond, body } => Sk::While(self.expr(cond), self.block(body)),
            StmtKind::Repeat { body, until } => Sk::Repeat(self.block(body), self.expr(until)),
            StmtKind::For {
                counter,
                start,
                end,
                step,
                body,
            } => Sk::For {
                counter: self.place(counter),
                start: self.expr(start),
                end: self.expr(end),
                step: step.as_ref().map(|e| self.expr(e)),
                body: self.block(body),
            },
            StmtKind::ForEach {
                item,
                source,
                begin,
                end,
                cond,
                body,
            } => {
                let (until, while_) = match cond {
                    Some(ast::LoopCond::Until(e)) => (Some(self.expr(e)), None),
                    Some(ast::LoopCond::While(e)) => (None, Some(self.expr(e))),
                    None => (None, None),
                };
                Sk::ForEach {
                    item: self.place(item),
                    source: self.expr(source),
                    begin: begin.as_ref().map(|e| self.expr(e)),
                    end: end.as_ref().map(|e| self.expr(e)),
                    until,
                    while_,
                    body: self.block(body),
                }
            }
            StmtKind::Use { target, body } => Sk::Use(self.expr(target), self.block(body)),
            StmtKind::Try { body, catch } => {
                Sk::Try(self.block(body), catch.as_ref().map(|b| self.block(b)))
            }
            StmtKind::Return(Some(e)) => {
                let v = self.expr(e);
                Sk::ReturnValue(self.result(), v)
            }
            StmtKind::Return(None) => Sk::Return,
            StmtKind::Break => Sk::Break,
            StmtKind::Continue => Sk::Continue,
            StmtKind::Sql(_) => Sk::Unsupported("Begin SQL".into()),
        };
        St { pos, kind }
    }

    fn assign(&mut self, target: &ast::Expr, op: AssignOp, value: &ast::Expr) -> Sk {
        let place = self.place(target);
        // A local already declared as a number never holds Text: no append path.
        let numeric = matches!(place, Place::Local(s)
            if matches!(self.types[s as usize], Some(VType::Integer | VType::Real)));
        if let (Place::Local(slot), false) = (&place, numeric) {
            let slot = *slot;
            // `$v:=$v+a+b` or `$v+=a`: candidates for in-place Text append.
            if op == AssignOp::Add {
                let rest = vec![self.expr(value)];
                let full = Ex::Binary(
                    BinOp::Add,
                    Box::new(Ex::Local(slot)),
                    Box::new(rest[0].clone()),
                );
                return Sk::AppendLocal(slot, rest, full);
            }
            if op == AssignOp::Assign {
                let mut operands = Vec::new();
                let mut cur = value;
                while let ExprKind::Binary {
                    op: BinOp::Add,
                    lhs,
                    rhs,
                } = &cur.node
                {
                    operands.push(&**rhs);
                    cur = lhs;
                }
                let leftmost_is_target = !operands.is_empty()
                    && matches!(self.place_opt(cur), Some(Place::Local(s)) if s == slot);
                if leftmost_is_target {
                    operands.reverse();
                    let rest = operands.into_iter().map(|e| self.expr(e)).collect();
                    let full = self.expr(value);
                    return Sk::AppendLocal(slot, rest, full);
                }
            }
        }
        let mut v = self.expr(value);
        let bop = match op {
            AssignOp::Assign => None,
            AssignOp::Add => Some(BinOp::Add),
            AssignOp::Sub => Some(BinOp::Sub),
            AssignOp::Mul => Some(BinOp::Mul),
            AssignOp::Div => Some(BinOp::Div),
        };
        if let (Place::Local(slot), Some(bop)) = (&place, bop) {
            // `$x op= e` on a local is `$x:=$x op e` (a local has no side effects).
            let (l, r) = (Box::new(Ex::Local(*slot)), Box::new(v));
            v = if is_num_leaf(&r) {
                Ex::Arith(bop, l, r)
            } else {
                Ex::Binary(bop, l, r)
            };
            if !matches!(v, Ex::Arith(..)) {
                return Sk::Assign(place, v);
            }
        }
        if let (Place::Local(slot), Ex::Arith(..)) = (&place, &v) {
            return Sk::AssignArith(*slot, v);
        }
        if op == AssignOp::Assign {
            Sk::Assign(place, v)
        } else {
            Sk::Compound(place, op, v)
        }
    }

    // ------------------------------------------------------------ places

    /// The place an expression names, if it is a plain variable (no side effects).
    fn place_opt(&mut self, e: &ast::Expr) -> Option<Place> {
        match &e.node {
            ExprKind::Local(n) => Some(Place::Local(self.local(n))),
            ExprKind::Param(n) => Some(Place::Local(self.param(*n))),
            _ => None,
        }
    }

    pub(crate) fn place(&mut self, e: &ast::Expr) -> Place {
        match &e.node {
            ExprKind::Local(n) => Place::Local(self.local(n)),
            ExprKind::Param(n) => Place::Local(self.param(*n)),
            ExprKind::ParamIndirect(i) => Place::ParamDyn(Box::new(self.expr(i))),
            ExprKind::Interprocess(n) => Place::Inter(self.prog.interner.intern(&format!("<>{n}"))),
            ExprKind::Name(n) => Place::Process(self.prog.interner.intern(n)),
            ExprKind::Member { target, name } => {
                Place::Member(Box::new(self.expr(target)), name.as_str().into())
            }
            ExprKind::Index { target, index } => {
                Place::Index(Box::new(self.expr(target)), Box::new(self.expr(index)))
            }
            ExprKind::Element { target, index } => {
                Place::Element(Box::new(self.place(target)), Box::new(self.expr(index)))
            }
            ExprKind::CharAt { target, index } => {
                Place::CharAt(Box::new(self.place(target)), Box::new(self.expr(index)))
            }
            ExprKind::Deref(p) => Place::Deref(Box::new(self.expr(p))),
            ExprKind::Command {
                name, args: None, ..
            } if is_system_var(name) => Place::Process(self.prog.interner.intern(name)),
            _ => Place::Invalid(describe(e)),
        }
    }

    // ------------------------------------------------------------ expressions

    fn exprs(&mut self, es: &[ast::Expr]) -> Vec<Ex> {
        es.iter().map(|e| self.expr(e)).collect()
    }

    pub(crate) fn expr(&mut self, e: &ast::Expr) -> Ex {
        let pos = e.span.start;
        match &e.node {
            ExprKind::Text(s) => Ex::Const(Value::text(s.as_str())),
            ExprKind::Number(n) => Ex::Const(Value::Real(*n)),
            ExprKind::Date { year, month, day } => {
                // `!28/08/2013!` (many doc examples are day-first): a "month"
                // over 12 with a day that can be a month is read day-first.
                let (month, day) = if *month > 12 && *day <= 12 {
                    (*day, *month)
                } else {
                    (*month, *day)
                };
                Ex::Const(Value::Date(Date {
                    year: *year,
                    month,
                    day,
                }))
            }
            ExprKind::Time(t) => Ex::Const(Value::Time(*t)),
            ExprKind::Local(n) => Ex::Local(self.local(n)),
            ExprKind::Param(n) => Ex::Local(self.param(*n)),
            ExprKind::ParamIndirect(i) => Ex::ParamDyn(Box::new(self.expr(i))),
            ExprKind::Interprocess(n) => Ex::Inter(self.prog.interner.intern(&format!("<>{n}"))),
            ExprKind::Name(n) => match self.prog.method_id(n) {
                Some(id) => Ex::CallMethod {
                    id,
                    args: Vec::new(),
                    pos,
                },
                None => Ex::Process(self.prog.interner.intern(n)),
            },
            ExprKind::Call { name, args } => {
                let args = self.exprs(args);
                match self.prog.method_id(name) {
                    Some(id) => Ex::CallMethod { id, args, pos },
                    None => Ex::Missing {
                        name: name.clone(),
                        pos,
                    },
                }
            }
            ExprKind::Command { name, id, args } => self.command(name, *id, args.as_deref(), pos),
            ExprKind::Table(t) => Ex::Unsupported(format!("[{t}]"), pos),
            ExprKind::Field { table, field } => Ex::Unsupported(format!("[{table}]{field}"), pos),
            ExprKind::Member { target, name } => {
                Ex::Member(Box::new(self.expr(target)), name.as_str().into())
            }
            ExprKind::Index { target, index } => {
                Ex::Index(Box::new(self.expr(target)), Box::new(self.expr(index)))
            }
            ExprKind::MethodCall { target, name, args } => {
                if let ExprKind::Command {
                    name: cmd,
                    args: None,
                    ..
                } = &target.node
                {
                    if cmd.eq_ignore_ascii_case("super") {
                        return Ex::SuperCall {
                            name: Some(name.as_str().into()),
                            args: self.exprs(args),
                            pos,
                        };
                    }
                }
                Ex::MethodCall {
                    target: Box::new(self.expr(target)),
                    name: name.as_str().into(),
                    args: self.exprs(args),
                    pos,
                }
            }
            ExprKind::CallValue { callee, args } => Ex::CallValue {
                callee: Box::new(self.expr(callee)),
                args: self.exprs(args),
                pos,
            },
            ExprKind::Element { target, index } => {
                Ex::Element(Box::new(self.place(target)), Box::new(self.expr(index)))
            }
            ExprKind::CharAt { target, index } => {
                Ex::CharAt(Box::new(self.expr(target)), Box::new(self.expr(index)))
            }
            ExprKind::PointerTo(t) => Ex::PointerTo(Box::new(self.place(t))),
            ExprKind::Deref(p) => Ex::Deref(Box::new(self.expr(p))),
            ExprKind::Unary { op, expr } => match op {
                ast::UnaryOp::Neg => match self.expr(expr) {
                    Ex::Const(Value::Real(r)) => Ex::Const(Value::Real(-r)),
                    x => Ex::Neg(Box::new(x)),
                },
                ast::UnaryOp::Plus => self.expr(expr),
            },
            ExprKind::Binary { op, lhs, rhs } => {
                let l = Box::new(self.expr(lhs));
                let r = Box::new(self.expr(rhs));
                match op {
                    BinOp::And => Ex::And(l, r),
                    BinOp::Or => Ex::Or(l, r),
                    _ if is_arith_op(*op) && is_num_leaf(&l) && is_num_leaf(&r) => {
                        let (mut l, mut r) = (l, r);
                        if is_comparison(*op) {
                            // A comparison gives a Boolean whatever the operand
                            // types: a whole literal compares as an integer.
                            integral_const(&mut l);
                            integral_const(&mut r);
                        }
                        Ex::Arith(*op, l, r)
                    }
                    _ => Ex::Binary(*op, l, r),
                }
            }
            ExprKind::Ternary {
                cond,
                then,
                otherwise,
            } => Ex::Ternary(
                Box::new(self.expr(cond)),
                Box::new(self.expr(then)),
                Box::new(self.expr(otherwise)),
            ),
            ExprKind::ObjectLit(pairs) => Ex::ObjectLit(
                pairs
                    .iter()
                    .map(|(k, v)| (k.as_str().into(), self.expr(v)))
                    .collect(),
            ),
            ExprKind::CollectionLit(items) => Ex::CollectionLit(self.exprs(items)),
            ExprKind::Star => Ex::Const(Value::text("*")),
            ExprKind::OperatorArg(op) => Ex::Const(Value::text(op.symbol())),
            ExprKind::TryExpr(x) => Ex::TryExpr(Box::new(self.expr(x))),
            ExprKind::Assign { target, op, value } => Ex::Assign(
                Box::new(self.place(target)),
                *op,
                Box::new(self.expr(value)),
            ),
        }
    }

    fn special(&mut self, op: Special, args: Vec<Ex>, places: Vec<Place>, pos: u32) -> Ex {
        Ex::Special {
            op,
            args,
            places,
            pos,
        }
    }

    fn command(
        &mut self,
        name: &str,
        id: ast::CommandRef,
        args: Option<&[ast::Expr]>,
        pos: u32,
    ) -> Ex {
        let key = fold(name);
        let a: &[ast::Expr] = args.unwrap_or(&[]);
        if let ast::CommandRef::Constant { .. } = id {
            return match commands::constant(&key) {
                Some(v) => Ex::Const(v),
                None => Ex::Unsupported(format!("constant '{name}'"), pos),
            };
        }
        let sp = |c: &mut Self, op: Special, a: &[ast::Expr]| {
            let args = c.exprs(a);
            c.special(op, args, Vec::new(), pos)
        };
        match key.as_str() {
            "true" => return Ex::Const(Value::Bool(true)),
            "false" => return Ex::Const(Value::Bool(false)),
            "null" => return Ex::Const(Value::Null),
            "this" => return Ex::This,
            "cs" => return Ex::Const(Value::Object(self.prog.cs.clone())),
            "4d" => return Ex::Const(Value::Object(self.prog.four_d.clone())),
            "super" => {
                return Ex::SuperCall {
                    name: None,
                    args: self.exprs(a),
                    pos,
                }
            }
            "formula" | "new formula" => {
                if let Some(e) = a.first() {
                    return self.formula(e);
                }
            }
            "count parameters" => return sp(self, Special::CountParameters, a),
            "current method name" => return sp(self, Special::CurrentMethodName, a),
            "on err call" => return sp(self, Special::OnErrCall, a),
            "undefined" => return sp(self, Special::Undefined, a),
            "throw" => return sp(self, Special::Throw, a),
            "is nil pointer" => return sp(self, Special::IsNilPointer, a),
            "formula from string" => return sp(self, Special::FormulaFromString, a),
            "get pointer" => return sp(self, Special::GetPointer, a),
            "ob remove" => return sp(self, Special::ObRemove, a),
            "execute formula" => return sp(self, Special::Execute, a),
            _ => {}
        }
        if is_system_var(&key) && args.is_none() {
            return Ex::Process(self.prog.interner.intern(&key));
        }
        if let Some(tag) = declare_tag(&key) {
            // `C_STRING(63; $a)`: the old form gives a length first.
            let a = match a.first().map(|x| &x.node) {
                Some(ExprKind::Number(_)) if key.ends_with("c_string") => &a[1..],
                _ => a,
            };
            let mut places = Vec::new();
            for x in a {
                match &x.node {
                    ExprKind::ParamIndirect(i) => {
                        if let ExprKind::Number(n) = i.node {
                            self.generic = Some((n as usize, tag.vtype()));
                            for k in 1..=(n as u32).min(64) {
                                if k as usize >= n as usize {
                                    let s = self.param(k);
                                    self.set_type(s, tag.vtype());
                                }
                            }
                        }
                    }
                    _ => {
                        let p = self.place(x);
                        if let Place::Local(s) = p {
                            self.set_type(s, tag.vtype());
                        }
                        places.push(p);
                    }
                }
            }
            return self.special(Special::Declare(tag), Vec::new(), places, pos);
        }
        if let Some(kind) = array_kind(&key) {
            // `ARRAY STRING(length; name; size)` has the string length first.
            let a = match (key.as_str(), a.len()) {
                ("array string", 3..) => &a[1..],
                _ => a,
            };
            let places = a.first().map(|x| vec![self.place(x)]).unwrap_or_default();
            let args = self.exprs(a.get(1..).unwrap_or(&[]));
            return self.special(Special::MakeArray(kind), args, places, pos);
        }
        let first_place = |c: &mut Self, op: Special| {
            let places = a.first().map(|x| vec![c.place(x)]).unwrap_or_default();
            let args = c.exprs(a.get(1..).unwrap_or(&[]));
            c.special(op, args, places, pos)
        };
        match key.as_str() {
            "size of array" => return first_place(self, Special::SizeOfArray),
            "append to array" => return first_place(self, Special::AppendToArray),
            "insert in array" => return first_place(self, Special::InsertInArray),
            "delete from array" => return first_place(self, Special::DeleteFromArray),
            "find in array" => return first_place(self, Special::FindInArray),
            "type" => return first_place(self, Special::Type),
            "ob set" => return first_place(self, Special::ObSet),
            "clear variable" => return first_place(self, Special::ClearVariable),
            "sort array" => {
                let mut places = Vec::new();
                let mut args = Vec::new();
                for x in a {
                    match &x.node {
                        ExprKind::OperatorArg(_) => args.push(self.expr(x)),
                        _ => places.push(self.place(x)),
                    }
                }
                return self.special(Special::SortArray, args, places, pos);
            }
            "copy array" => {
                let places = a.iter().take(2).map(|x| self.place(x)).collect();
                return self.special(Special::CopyArray, Vec::new(), places, pos);
            }
            "array to collection" | "collection to array" => {
                let op = if key == "array to collection" {
                    Special::ArrayToCollection
                } else {
                    Special::CollectionToArray
                };
                let mut places = Vec::new();
                let mut args = Vec::new();
                for (i, x) in a.iter().enumerate() {
                    if i % 2 == 1 {
                        places.push(self.place(x));
                    } else {
                        args.push(self.expr(x));
                    }
                }
                return self.special(op, args, places, pos);
            }
            _ => {}
        }
        if let Some((i, outs)) = commands::out_command(&key) {
            // Output parameters that name a variable are compiled as places.
            let mut mask = 0u32;
            let mut places = Vec::new();
            let mut args = Vec::new();
            for (k, x) in a.iter().enumerate() {
                let assignable = matches!(
                    x.node,
                    ExprKind::Local(_)
                        | ExprKind::Param(_)
                        | ExprKind::ParamIndirect(_)
                        | ExprKind::Interprocess(_)
                        | ExprKind::Name(_)
                        | ExprKind::Member { .. }
                        | ExprKind::Index { .. }
                        | ExprKind::Element { .. }
                        | ExprKind::Deref(_)
                );
                if k < 32 && outs.contains(&k) && assignable {
                    mask |= 1 << k;
                    places.push(self.place(x));
                } else {
                    args.push(self.expr(x));
                }
            }
            return self.special(Special::Out(i as u16, mask), args, places, pos);
        }
        if let Some(f) = lookup(&key) {
            let mut args = self.exprs(a);
            // ASSERT / Asserted get their assertion's text, for the message.
            if matches!(key.as_str(), "assert" | "asserted") && !a.is_empty() && a.len() <= 2 {
                let span = a[0].span;
                let text = self
                    .src
                    .get(span.start as usize..span.end as usize)
                    .unwrap_or("")
                    .trim()
                    .to_string();
                args.push(Ex::Const(Value::text(text)));
            }
            return Ex::Command { f, args, pos };
        }
        if let Some(f) = crate::runtime::commands::pure_command(&key) {
            return Ex::Pure {
                f,
                args: self.exprs(a),
                pos,
            };
        }
        Ex::Unsupported(name.to_string(), pos)
    }

    /// `Formula(expr)`: compiled as its own method; locals of the enclosing
    /// method that it names are copied into it when the formula is created.
    fn formula(&mut self, e: &ast::Expr) -> Ex {
        let mut inner = Ctx::new(self.prog);
        inner.src = self.src.clone();
        inner.path = self.path.clone();
        inner.is_formula = true;
        inner.owner_class = self.owner_class.clone();
        let body = inner.expr(e);
        let pos = e.span.start;
        let captures = inner
            .free
            .iter()
            .filter_map(|(slot, name)| self.locals.get(name).map(|&o| (*slot, o)))
            .collect();
        let body = vec![St {
            pos,
            kind: inner.return_value(body),
        }];
        let source = self
            .src
            .get(e.span.start as usize..e.span.end as usize)
            .unwrap_or("")
            .to_string();
        let path = self.path.clone();
        let m = inner.finish("Formula", &path, self.src.clone(), body);
        // `Formula(myMethod)`: a bare method name gets all the parameters.
        let forward = match &e.node {
            ExprKind::Name(n) => self.prog.method_id(n),
            _ => None,
        };
        Ex::Formula(Arc::new(FormulaCode {
            method: Arc::new(m),
            captures,
            source,
            forward,
        }))
    }
}

/// Compiles a parsed method file.
pub fn compile_method(
    prog: &Arc<Program>,
    name: &str,
    path: &str,
    src: Arc<str>,
    ast: &ast::SourceFile,
) -> R<Method> {
    let mut cx = Ctx::new(prog);
    cx.src = src.clone();
    cx.path = path.to_string();
    if let Some(d) = &ast.declare {
        cx.declare(&d.node);
    }
    let body = cx.block(&ast.body);
    Ok(cx.finish(name, path, src, body))
}

/// Compiles the text of `Formula from string` / `EXECUTE FORMULA` as a formula body.
pub fn compile_formula_text(prog: &Arc<Program>, text: &str) -> R<Arc<Method>> {
    let ast = prog.parse(text, "")?;
    let mut cx = Ctx::new(prog);
    cx.src = Arc::from(text);
    let mut body = ast.body.clone();
    // A single expression is the formula's result.
    let mut stmts = Vec::new();
    if body.len() == 1 {
        if let StmtKind::Expr(e) = &body[0].node {
            let pos = e.span.start;
            let ex = cx.expr(e);
            stmts.push(St {
                pos,
                kind: cx.return_value(ex),
            });
            body.clear();
        }
    }
    if !body.is_empty() {
        stmts = cx.block(&body);
    }
    Ok(Arc::new(cx.finish("Formula", "", text.into(), stmts)))
}

pub fn vtype(t: &TypeRef) -> VType {
    match t {
        TypeRef::Text => VType::Text,
        TypeRef::Integer => VType::Integer,
        TypeRef::Real => VType::Real,
        TypeRef::Boolean => VType::Boolean,
        TypeRef::Date => VType::Date,
        TypeRef::Time => VType::Time,
        TypeRef::Object => VType::Object,
        TypeRef::Collection => VType::Collection,
        TypeRef::Variant => VType::Variant,
        TypeRef::Pointer => VType::Pointer,
        TypeRef::Picture => VType::Picture,
        TypeRef::Blob => VType::Blob,
        TypeRef::Builtin(n) if n.eq_ignore_ascii_case("Object") => VType::Object,
        TypeRef::Builtin(n) => VType::Class(format!("4D.{n}")),
        TypeRef::UserClass(n) => VType::Class(n.clone()),
        TypeRef::Other(n) if n.eq_ignore_ascii_case("number") => VType::Real,
        TypeRef::Other(_) => VType::Variant,
    }
}

/// The type 4D infers for `var $x:=expr` (the most general one: numbers are
/// Real), when it can be told from the expression alone; otherwise Variant.
fn infer_type(e: &ast::Expr) -> Option<VType> {
    Some(match &e.node {
        ExprKind::Text(_) => VType::Text,
        ExprKind::Number(_) => VType::Real,
        ExprKind::Date { .. } => VType::Date,
        ExprKind::Time(_) => VType::Time,
        ExprKind::ObjectLit(_) => VType::Object,
        ExprKind::CollectionLit(_) => VType::Collection,
        ExprKind::PointerTo(_) => VType::Pointer,
        ExprKind::Unary { expr, .. } => return infer_type(expr),
        ExprKind::Binary { op, lhs, .. } => match op {
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => VType::Boolean,
            // Text or number operations keep their left operand's type.
            BinOp::Add | BinOp::Mul => match infer_type(lhs)? {
                t @ (VType::Text | VType::Real) => t,
                _ => return None,
            },
            _ => return None,
        },
        ExprKind::Command { name, .. } => match fold(name).as_str() {
            "true" | "false" | "not" => VType::Boolean,
            "new object" | "new shared object" => VType::Object,
            "new collection" | "new shared collection" | "split string" => VType::Collection,
            "string" | "substring" | "uppercase" | "lowercase" | "replace string" | "char"
            | "json stringify" | "generate uuid" | "timestamp" | "time string" => VType::Text,
            "current date" | "date" | "add to date" => VType::Date,
            "current time" | "time" => VType::Time,
            _ => return None,
        },
        _ => return None,
    })
}

/// The value a variable of type `t` starts with.
pub fn default_of(t: &VType) -> Value {
    match t {
        VType::Text => Value::text(""),
        VType::Integer => Value::Int(0),
        VType::Real => Value::Real(0.0),
        VType::Boolean => Value::Bool(false),
        VType::Date => Value::Date(Date::NULL),
        VType::Time => Value::Time(0),
        VType::Object | VType::Collection | VType::Pointer | VType::Class(_) => Value::Null,
        VType::Blob => Value::Blob(Arc::new(Vec::new())),
        VType::Picture => Value::Null,
        VType::Variant => Value::Undefined,
    }
}

fn is_arith_op(op: BinOp) -> bool {
    use BinOp::*;
    matches!(
        op,
        Add | Sub | Mul | Div | IntDiv | Mod | Eq | Ne | Lt | Le | Gt | Ge
    )
}

fn is_comparison(op: BinOp) -> bool {
    use BinOp::*;
    matches!(op, Eq | Ne | Lt | Le | Gt | Ge)
}

/// A whole Real literal in the Longint range, made an Integer literal.
fn integral_const(e: &mut Ex) {
    if let Ex::Const(Value::Real(x)) = *e {
        if x.fract() == 0.0 && x.abs() <= i32::MAX as f64 {
            *e = Ex::Const(Value::Int(x as i32));
        }
    }
}

/// Locals, number literals and arithmetic on them (no side effects).
fn is_num_leaf(e: &Ex) -> bool {
    matches!(
        e,
        Ex::Local(_) | Ex::Const(Value::Real(_)) | Ex::Const(Value::Int(_)) | Ex::Arith(..)
    )
}

fn declare_tag(key: &str) -> Option<VTypeTag> {
    let k = key.strip_prefix("_o_").unwrap_or(key);
    Some(match k {
        "c_text" | "c_string" => VTypeTag::Text,
        "c_longint" | "c_integer" => VTypeTag::Integer,
        "c_real" => VTypeTag::Real,
        "c_boolean" => VTypeTag::Boolean,
        "c_date" => VTypeTag::Date,
        "c_time" => VTypeTag::Time,
        "c_object" => VTypeTag::Object,
        "c_collection" => VTypeTag::Collection,
        "c_pointer" => VTypeTag::Pointer,
        "c_picture" => VTypeTag::Picture,
        "c_blob" => VTypeTag::Blob,
        "c_variant" => VTypeTag::Variant,
        _ => return None,
    })
}

fn array_kind(key: &str) -> Option<ArrayKind> {
    Some(match key {
        "array text" | "array string" => ArrayKind::Text,
        "array integer" => ArrayKind::Integer,
        "array longint" => ArrayKind::Longint,
        "array real" => ArrayKind::Real,
        "array boolean" => ArrayKind::Boolean,
        "array date" => ArrayKind::Date,
        "array time" => ArrayKind::Time,
        "array object" => ArrayKind::Object,
        "array pointer" => ArrayKind::Pointer,
        "array picture" => ArrayKind::Picture,
        "array blob" => ArrayKind::Blob,
        _ => return None,
    })
}

/// System variables the parser may hand over as catalog names.
pub fn is_system_var(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    matches!(
        k.as_str(),
        "ok" | "error" | "error method" | "error line" | "error formula" | "document"
    )
}

fn describe(e: &ast::Expr) -> String {
    match &e.node {
        ExprKind::Binary { op, .. } => format!("an expression with '{}'", op.symbol()),
        ExprKind::Command { name, .. } => format!("'{name}'"),
        ExprKind::Call { name, .. } => format!("the result of '{name}'"),
        _ => "this expression".to_string(),
    }
}
