//! Executing the resolved IR: statements, expressions, places, calls.

use super::class::{self, ClassRt, FormulaFn};
use super::errors::{self, err, type_err};
use super::ir::*;
use super::ops::{self, a_type_name, num, type_name};
use super::{Flow, Frame, Interp, Method, MAX_DEPTH, R};
use crate::error::RuntimeError;
use crate::syntax::ast::{AssignOp, BinOp};
use crate::value::{CollRef, ObjRef, PointerTarget, Props, Value};
use std::sync::Arc;

/// A resolved place: where an assignment writes.
pub(crate) enum Loc {
    /// Absolute stack index, slot, frame index.
    Local(usize, u32, usize),
    /// An argument past the declared ones: frame index, index in `extra`.
    Extra(usize, usize),
    Proc(u32),
    Inter(u32),
    Prop(ObjRef, Arc<str>),
    Elem(CollRef, i64),
    ArrElem(Box<Loc>, i64),
    Char(Box<Loc>, i64),
}

impl Interp {
    // ================================================================ calls

    /// Calls `m` with evaluated arguments.
    pub(crate) fn invoke(&mut self, m: &Arc<Method>, args: Vec<Value>, this: Value) -> R<Value> {
        let base = self.stack.len();
        self.stack.extend(m.defaults.iter().map(copy_default));
        let n = args.len();
        let mut extra = Vec::new();
        for (i, v) in args.into_iter().enumerate() {
            if let Err(e) = self.bind_arg(m, base, i, v, &mut extra) {
                self.truncate_stack(base);
                return Err(e);
            }
        }
        self.exec_frame(m.clone(), base, n as u32, extra, this)
    }

    /// Calls `m`, evaluating `args` straight into the new frame's slots.
    fn call_compiled(&mut self, m: Arc<Method>, args: &[Ex], this: Value) -> R<Value> {
        let base = self.stack.len();
        // Parameters in slots 0..n are pushed as they are evaluated (a call
        // inside an argument leaves the stack as it found it).
        let direct = if m.dense_params {
            args.len().min(m.param_slots.len())
        } else {
            0
        };
        for (i, a) in args[..direct].iter().enumerate() {
            // `f($n-1)`: arithmetic on locals needs no trip through `eval`.
            let r = match self.eval_arith_first(a) {
                Ok(v) => self.coerce_arg(&m, m.param_slots[i], i, v),
                Err(e) => Err(e),
            };
            match r {
                Ok(v) => self.stack.push(v),
                Err(e) => {
                    self.truncate_stack(base);
                    return Err(e);
                }
            }
        }
        self.stack
            .extend(m.defaults[direct..].iter().map(copy_default));
        let mut extra = Vec::new();
        for (i, a) in args.iter().enumerate().skip(direct) {
            let r = match self.eval(a) {
                Ok(v) => self.bind_arg(&m, base, i, v, &mut extra),
                Err(e) => Err(e),
            };
            if let Err(e) = r {
                self.truncate_stack(base);
                return Err(e);
            }
        }
        self.exec_frame(m, base, args.len() as u32, extra, this)
    }

    fn bind_arg(
        &mut self,
        m: &Method,
        base: usize,
        i: usize,
        v: Value,
        extra: &mut Vec<Value>,
    ) -> R<()> {
        if let Some(&slot) = m.param_slots.get(i) {
            let v = self.coerce_arg(m, slot, i, v)?;
            self.stack[base + slot as usize] = v;
        } else {
            let v = match &m.generic {
                Some((from, t)) if i + 1 >= *from => {
                    ops::coerce(t, v).unwrap_or_else(|_| super::compile::default_of(t))
                }
                _ => v,
            };
            extra.push(v);
        }
        Ok(())
    }

    /// Argument `i` converted to the type of its parameter slot.
    #[inline(always)]
    fn coerce_arg(&mut self, m: &Method, slot: u32, i: usize, v: Value) -> R<Value> {
        use super::compile::{KIND_ANY, KIND_INT};
        let kind = m.kinds[slot as usize];
        if kind == KIND_ANY {
            return Ok(v);
        }
        if kind == KIND_INT {
            match v {
                Value::Int(_) => return Ok(v),
                Value::Real(r) => {
                    // A number: nothing to drop.
                    std::mem::forget(v);
                    return Ok(Value::Int(ops::real_to_long(r)));
                }
                _ => {}
            }
        }
        self.bind_typed(m, slot, i, v)
    }

    fn bind_typed(&mut self, m: &Method, slot: u32, i: usize, v: Value) -> R<Value> {
        {
            let v = match &m.slot_types[slot as usize] {
                None => v,
                Some(t) => {
                    if m.strict[i] {
                        ops::coerce(t, v).map_err(|_| {
                            err(
                                errors::TYPE_MISMATCH,
                                format!(
                                    "Parameter {} of '{}' expects {}",
                                    i + 1,
                                    m.name,
                                    ops::with_article(&ops::vtype_name(t))
                                ),
                            )
                        })?
                    } else {
                        // `C_XXX`-declared: a wrong type gives the type's default.
                        ops::coerce(t, v).unwrap_or_else(|_| super::compile::default_of(t))
                    }
                }
            };
            Ok(v)
        }
    }

    /// Drops the values above `base`; frames of numbers need no drop glue.
    #[inline]
    pub(crate) fn truncate_stack(&mut self, base: usize) {
        let scalars = self.stack.get(base..).is_some_and(|tail| {
            tail.iter().all(|v| {
                matches!(
                    v,
                    Value::Undefined
                        | Value::Null
                        | Value::Bool(_)
                        | Value::Int(_)
                        | Value::Real(_)
                )
            })
        });
        if scalars {
            // SAFETY: shortening the length only; the values cut off own no
            // heap data, so skipping their drop leaks nothing.
            unsafe { self.stack.set_len(base) }
        } else {
            self.stack.truncate(base);
        }
    }

    fn exec_frame(
        &mut self,
        m: Arc<Method>,
        base: usize,
        nargs: u32,
        extra: Vec<Value>,
        this: Value,
    ) -> R<Value> {
        if self.frames.len() >= MAX_DEPTH {
            self.truncate_stack(base);
            return Err(err(
                errors::STACK_FULL,
                format!("Stack full: more than {MAX_DEPTH} nested method calls"),
            ));
        }
        let id = self.new_frame_id();
        let saved = self.base;
        let result_slot = m.result_slot as usize;
        let body: *const [St] = m.body.as_slice();
        self.frames.push(Frame {
            method: m,
            base,
            nargs,
            extra,
            this,
            id,
        });
        self.base = base;
        // SAFETY: the frame pushed above owns an `Arc` of the method, and only
        // this function pops it, after the body has run: the body outlives
        // this borrow (no clone of the `Arc` needed to keep it).
        let r = self.exec_block(unsafe { &*body });
        let mut out = match r {
            Ok(_) => Ok(std::mem::take(&mut self.stack[base + result_slot])),
            Err(e) => Err(e),
        };
        if !self.deferred.is_empty() {
            // Errors this method threw in deferred mode are raised as it returns.
            if let Some(e) = self.take_deferred(id, 0) {
                out = out.and(Err(e));
            }
        }
        self.truncate_stack(base);
        if let Some(Frame {
            method,
            extra,
            this,
            ..
        }) = self.frames.pop()
        {
            drop(method);
            if extra.capacity() > 0 {
                drop(extra);
            } else {
                std::mem::forget(extra);
            }
            forget_if_scalar(this);
        }
        self.base = saved;
        out
    }

    /// Calls a formula (`4D.Function`) value.
    pub(crate) fn call_value(&mut self, f: &Value, this: Value, args: Vec<Value>) -> R<Value> {
        if let Value::Object(o) = f {
            if let Some(ff) = class::formula_of(o) {
                if let Some(id) = ff.forward {
                    let m = self.program.method(id)?;
                    return self.invoke(&m, args, this);
                }
                let m = ff.method.clone();
                let base = self.stack.len();
                self.stack.extend(m.defaults.iter().map(copy_default));
                for (slot, v) in &ff.captured {
                    self.stack[base + *slot as usize] = v.clone();
                }
                let n = args.len();
                let mut extra = Vec::new();
                for (i, v) in args.into_iter().enumerate() {
                    if let Err(e) = self.bind_arg(&m, base, i, v, &mut extra) {
                        self.truncate_stack(base);
                        return Err(e);
                    }
                }
                return self.exec_frame(m, base, n as u32, extra, this);
            }
        }
        Err(type_err(format!(
            "A {} is not a formula and cannot be called",
            type_name(f)
        )))
    }

    /// `target.name(args)`.
    pub(crate) fn call_member(&mut self, target: Value, name: &str, args: Vec<Value>) -> R<Value> {
        match &target {
            Value::Object(o) => {
                if let Some(r) = class::native_call(self, o, name, &args) {
                    return r;
                }
                let prop = o.get(name);
                if let Value::Object(p) = &prop {
                    if class::formula_of(p).is_some() {
                        return self.call_value(&prop, target.clone(), args);
                    }
                }
                if let Some(c) = class::class_of(o) {
                    if let Some(m) = c.find_function(name) {
                        return self.invoke(&m, args, target.clone());
                    }
                }
                Err(err(
                    errors::NO_SUCH_MEMBER,
                    format!("The object has no function '{name}'"),
                ))
            }
            Value::Collection(c) if name == "push" && !c.is_shared() => {
                // The hot case of `push`, without the generic function table.
                c.write().extend(args.into_iter().map(|v| {
                    if v.is_undefined() {
                        Value::Null
                    } else {
                        v
                    }
                }));
                Ok(target.clone())
            }
            Value::Collection(c) => {
                let c = c.clone();
                match crate::runtime::commands::collection_fns::collection_method(
                    &c, name, args, self,
                ) {
                    Some(r) => Ok(r?),
                    None => Err(err(
                        errors::NO_SUCH_MEMBER,
                        format!("Collections have no function '{name}'"),
                    )),
                }
            }
            Value::Null | Value::Undefined => Err(err(
                errors::NULL_ACCESS,
                format!("Cannot call '{name}()' on a {} value", type_name(&target)),
            )),
            _ => Err(err(
                errors::NO_SUCH_MEMBER,
                format!("A {} has no function '{name}'", type_name(&target)),
            )),
        }
    }

    // ================================================================ statements

    pub(crate) fn exec_block(&mut self, b: &[St]) -> R<Flow> {
        // Every loop pass and every call runs a block, empty ones included:
        // checking here reaches every runaway loop, and checking before each
        // statement lets another process's `DELAY PROCESS` act at once.
        super::repl_api::check_interrupt()?;
        if self.interrupted() {
            crate::runtime::process::on_interrupt(self)?;
        }
        for st in b {
            if self.interrupted() {
                crate::runtime::process::on_interrupt(self)?;
            }
            match self.exec_stmt(st) {
                Ok(Flow::Normal) => {}
                Ok(f) => return Ok(f),
                Err(e) => self.handle_error(e, st.pos)?,
            }
        }
        Ok(Flow::Normal)
    }

    /// An error in a statement: locate it, then call the `ON ERR CALL`
    /// handler and go on with the next statement, or propagate it.
    fn handle_error(&mut self, mut e: Box<RuntimeError>, pos: u32) -> R<()> {
        if e.location.is_none() {
            e.location = Some(self.here(pos));
        }
        if self.try_depth > 0 || self.in_handler || self.fatal {
            return Err(e);
        }
        let Some(handler) = self.err_handler.clone() else {
            return Err(e);
        };
        self.set_error_state(&e);
        self.in_handler = true;
        let r = self.call_method_by_name(&handler, Vec::new());
        self.in_handler = false;
        match r {
            Ok(_) => Ok(()),
            Err(e2) => {
                self.fatal = true;
                Err(Box::new(e2))
            }
        }
    }

    /// Sets `Error`, `Error method`, `Error line` and `Last errors` for `e`.
    /// Removes the deferred errors of frame `id` thrown after index `from`,
    /// returning the first; `Last errors` will show them all.
    fn take_deferred(&mut self, id: u64, from: usize) -> Option<Box<RuntimeError>> {
        let mut mine = Vec::new();
        let mut i = from.min(self.deferred.len());
        while i < self.deferred.len() {
            if self.deferred[i].0 == id {
                mine.push(self.deferred.remove(i).1);
            } else {
                i += 1;
            }
        }
        let first = mine.first().cloned()?;
        self.deferred_batch = mine;
        Some(Box::new(first))
    }

    pub(crate) fn set_error_state(&mut self, e: &RuntimeError) {
        let batch = std::mem::take(&mut self.deferred_batch);
        self.last_errors = match batch.first() {
            Some(f) if f.code == e.code && f.message == e.message => batch,
            _ => vec![e.clone()],
        };
        let (method, line) = e
            .location
            .as_ref()
            .map(|l| (l.method.clone(), l.line as i32))
            .unwrap_or_default();
        self.set_procvar("error", Value::Int(e.code));
        self.set_procvar("error method", Value::text(method));
        self.set_procvar("error line", Value::Int(line));
        self.set_procvar("error formula", Value::text(""));
    }

    pub fn set_procvar(&mut self, name: &str, v: Value) {
        let i = self.program.interner.intern(name) as usize;
        if self.procvars.len() <= i {
            self.procvars.resize(i + 1, Value::Undefined);
            self.proctypes.resize(i + 1, None);
        }
        self.procvars[i] = v;
    }

    pub fn get_procvar(&self, name: &str) -> Value {
        match self.program.interner.lookup(name) {
            Some(i) => self.procvars.get(i as usize).cloned().unwrap_or_default(),
            None => Value::Undefined,
        }
    }

    #[inline]
    fn exec_stmt(&mut self, st: &St) -> R<Flow> {
        match &st.kind {
            Sk::Assign(Place::Local(slot), e) => {
                let v = self.eval(e)?;
                self.store_local(*slot, v)?;
                Ok(Flow::Normal)
            }
            Sk::AssignArith(slot, e) => {
                let v = self.eval_arith_first(e)?;
                self.store_local(*slot, v)?;
                Ok(Flow::Normal)
            }
            Sk::If(c, t, e) => {
                let b = if self.cond(c)? { t } else { e };
                if b.is_empty() {
                    return Ok(Flow::Normal);
                }
                self.exec_block(b)
            }
            Sk::Case(branches, otherwise) => {
                for (c, b) in branches {
                    if self.cond(c)? {
                        return self.exec_block(b);
                    }
                }
                self.exec_block(otherwise)
            }
            Sk::ReturnValue(slot, e) => {
                let v = self.eval(e)?;
                self.store_local(*slot, v)?;
                Ok(Flow::Return)
            }
            Sk::Expr(e) => self.exec_expr_stmt(e),
            Sk::AppendLocal(slot, rest, full) => {
                self.append_local(*slot, rest, full)?;
                Ok(Flow::Normal)
            }
            Sk::Assign(Place::Index(t, i), e) if matches!(**t, Ex::Local(_)) => {
                self.assign_local_index(t, i, e)
            }
            Sk::For {
                counter,
                start,
                end,
                step,
                body,
            } => self.exec_for(counter, start, end, step.as_ref(), body),
            _ => self.exec_stmt_cold(st),
        }
    }

    /// An expression used as a statement; its value is dropped.
    #[inline(never)]
    fn exec_expr_stmt(&mut self, e: &Ex) -> R<Flow> {
        if let Ex::MethodCall {
            target, name, args, ..
        } = e
        {
            if let (Ex::Local(slot), "push", [arg]) = (&**target, &**name, &args[..]) {
                // Its result (the collection) is not needed: no handle is cloned.
                let v = self.eval(arg)?;
                let Some(v) = self.push_local(*slot, v) else {
                    return Ok(Flow::Normal);
                };
                let tv = self.eval(target)?;
                self.call_member(tv, name, vec![v])?;
                return Ok(Flow::Normal);
            }
        }
        let v = self.eval(e)?;
        forget_if_scalar(v);
        Ok(Flow::Normal)
    }

    /// `$c.push(v)` done in place when local `slot` holds a non-shared
    /// collection; otherwise `v` is given back for the generic call.
    fn push_local(&mut self, slot: u32, v: Value) -> Option<Value> {
        match &self.stack[self.base + slot as usize] {
            Value::Collection(c) if !c.is_shared() => {
                c.write()
                    .push(if v.is_undefined() { Value::Null } else { v });
                None
            }
            _ => Some(v),
        }
    }

    /// `$c[i]:=v` / `$o[key]:=v` on a local: written without cloning the handle.
    #[inline(never)]
    fn assign_local_index(&mut self, t: &Ex, i: &Ex, e: &Ex) -> R<Flow> {
        let Ex::Local(slot) = *t else {
            return Err(type_err("not a local"));
        };
        let iv = self.eval(i)?;
        let v = self.eval(e)?;
        if let (Value::Collection(c), Some(n)) = (&self.stack[self.base + slot as usize], num(&iv))
        {
            if !c.is_shared() && n >= 0.0 && !v.is_undefined() {
                let mut items = c.write();
                if let Some(cell) = items.get_mut(n as usize) {
                    let old = std::mem::replace(cell, v);
                    drop(items);
                    forget_if_scalar(old);
                    forget_if_scalar(iv);
                    return Ok(Flow::Normal);
                }
            }
        }
        let tv = self.eval(t)?;
        let loc = match (tv, iv) {
            // `$o[key]:=v`: write straight through, without copying the key.
            (Value::Object(o), Value::Text(k)) => {
                return self.set_member(&o, &k, v).map(|_| Flow::Normal)
            }
            (Value::Collection(c), iv) if num(&iv).is_some() => {
                Loc::Elem(c, num(&iv).unwrap_or(0.0).trunc() as i64)
            }
            (tv, iv) => {
                return Err(type_err(format!(
                    "Cannot assign {}[{}]",
                    type_name(&tv),
                    type_name(&iv)
                )))
            }
        };
        self.write_loc(&loc, v)?;
        Ok(Flow::Normal)
    }

    #[inline(never)]
    fn exec_stmt_cold(&mut self, st: &St) -> R<Flow> {
        match &st.kind {
            Sk::Expr(e) => return self.exec_expr_stmt(e),
            Sk::Assign(Place::Local(slot), e) | Sk::AssignArith(slot, e) => {
                let v = self.eval(e)?;
                self.store_local(*slot, v)?;
            }
            Sk::Assign(p, e) => {
                let loc = self.resolve(p)?;
                let v = self.eval(e)?;
                self.write_loc(&loc, v)?;
            }
            Sk::AppendLocal(slot, rest, full) => self.append_local(*slot, rest, full)?,
            Sk::Compound(p, op, e) => {
                self.assign(p, *op, e)?;
            }
            Sk::Declare(places, ty, init) => {
                for p in places {
                    if let (Place::Process(i), Some(t)) = (p, ty) {
                        let i = *i as usize;
                        self.ensure_proc(i);
                        self.proctypes[i] = Some(t.clone());
                        let cur = std::mem::take(&mut self.procvars[i]);
                        self.procvars[i] =
                            ops::coerce(t, cur).unwrap_or_else(|_| super::compile::default_of(t));
                    }
                }
                if let Some(e) = init {
                    let v = self.eval(e)?;
                    for p in places {
                        let loc = self.resolve(p)?;
                        self.write_loc(&loc, v.clone())?;
                    }
                }
            }
            Sk::If(c, t, e) => {
                return if self.cond(c)? {
                    self.exec_block(t)
                } else {
                    self.exec_block(e)
                };
            }
            Sk::Case(branches, otherwise) => {
                for (c, b) in branches {
                    if self.cond(c)? {
                        return self.exec_block(b);
                    }
                }
                return self.exec_block(otherwise);
            }
            Sk::While(c, body) => {
                while self.cond(c)? {
                    match self.exec_block(body)? {
                        Flow::Break => break,
                        Flow::Return => return Ok(Flow::Return),
                        _ => {}
                    }
                }
            }
            Sk::Repeat(body, c) => loop {
                match self.exec_block(body)? {
                    Flow::Break => break,
                    Flow::Return => return Ok(Flow::Return),
                    _ => {}
                }
                if self.cond(c)? {
                    break;
                }
            },
            Sk::For {
                counter,
                start,
                end,
                step,
                body,
            } => return self.exec_for(counter, start, end, step.as_ref(), body),
            Sk::ForEach {
                item,
                source,
                begin,
                end,
                until,
                while_,
                body,
            } => {
                return self.exec_for_each(
                    item,
                    source,
                    begin.as_ref(),
                    end.as_ref(),
                    until.as_ref(),
                    while_.as_ref(),
                    body,
                )
            }
            Sk::Use(target, body) => {
                let v = self.eval(target)?;
                // The guard is `End use`: dropped on every way out of the block.
                let _guard = crate::runtime::shared::use_begin(&v)?;
                return self.exec_block(body);
            }
            Sk::Try(body, catch) => {
                self.try_depth += 1;
                let mark = self.deferred.len();
                let r = self.exec_block(body);
                self.try_depth -= 1;
                return match r {
                    // A deferred error thrown directly in the block: the block
                    // ran to its end, the error goes to `Last errors`, no Catch.
                    Ok(f) if self.deferred.len() > mark => {
                        let id = self.frames.last().map(|f| f.id).unwrap_or(0);
                        if let Some(e) = self.take_deferred(id, mark) {
                            self.set_error_state(&e);
                        }
                        Ok(f)
                    }
                    Ok(f) => Ok(f),
                    Err(e) => {
                        self.set_error_state(&e);
                        match catch {
                            Some(c) => self.exec_block(c),
                            None => Ok(Flow::Normal),
                        }
                    }
                };
            }
            Sk::ReturnValue(slot, e) => {
                let v = self.eval(e)?;
                self.store_local(*slot, v)?;
                return Ok(Flow::Return);
            }
            Sk::Return => return Ok(Flow::Return),
            Sk::Break => return Ok(Flow::Break),
            Sk::Continue => return Ok(Flow::Continue),
            Sk::Unsupported(what) => {
                return Err(err(
                    errors::NOT_IMPLEMENTED,
                    format!("'{what}' is not implemented by fourd"),
                ))
            }
        }
        Ok(Flow::Normal)
    }

    /// `place op= e` (also `:=`), the target resolved once; returns the value written.
    fn assign(&mut self, p: &Place, op: AssignOp, e: &Ex) -> R<Value> {
        let loc = self.resolve(p)?;
        let bop = match op {
            AssignOp::Add => BinOp::Add,
            AssignOp::Sub => BinOp::Sub,
            AssignOp::Mul => BinOp::Mul,
            AssignOp::Div => BinOp::Div,
            AssignOp::Assign => {
                let v = self.eval(e)?;
                self.write_loc(&loc, v.clone())?;
                return Ok(v);
            }
        };
        let cur = self.read_loc(&loc)?;
        let v = self.eval(e)?;
        let r = ops::binary(bop, cur, v)?;
        self.write_loc(&loc, r.clone())?;
        Ok(r)
    }

    /// `$v:=$v+a+b`: appends in place while `$v` is Text.
    #[inline(never)]
    fn append_local(&mut self, slot: u32, rest: &[Ex], full: &Ex) -> R<()> {
        let idx = self.base + slot as usize;
        if !matches!(self.stack[idx], Value::Text(_)) {
            let v = self.eval(full)?;
            return self.store_local(slot, v);
        }
        for (k, e) in rest.iter().enumerate() {
            let v = self.eval(e)?;
            let idx = self.base + slot as usize;
            match (&mut self.stack[idx], v) {
                (Value::Text(cur), Value::Text(t)) => Arc::make_mut(cur).push_str(&t),
                (_, other) => {
                    let cur = std::mem::take(&mut self.stack[idx]);
                    let mut acc = ops::binary(BinOp::Add, cur.clone(), other);
                    if acc.is_err() {
                        self.stack[idx] = cur;
                    }
                    for e2 in &rest[k + 1..] {
                        let v2 = self.eval(e2)?;
                        acc = ops::binary(BinOp::Add, acc?, v2);
                    }
                    return self.store_local(slot, acc?);
                }
            }
        }
        Ok(())
    }

    #[inline]
    fn cond(&mut self, c: &Ex) -> R<bool> {
        if let Ex::Arith(op, l, r) = c {
            if let (Some(a), Some(b)) = (self.num_leaf(l), self.num_leaf(r)) {
                if let Some(ops::NumResult::B(b)) = ops::num_op(*op, a, b) {
                    return Ok(b);
                }
            }
        }
        self.cond_cold(c)
    }

    #[inline(never)]
    fn cond_cold(&mut self, c: &Ex) -> R<bool> {
        match self.eval(c)? {
            Value::Bool(b) => Ok(b),
            Value::Undefined | Value::Null => Ok(false),
            other => Err(type_err(format!(
                "A condition must be a Boolean, not {}",
                a_type_name(&other)
            ))),
        }
    }

    #[inline(never)]
    fn exec_for(
        &mut self,
        counter: &Place,
        start: &Ex,
        end: &Ex,
        step: Option<&Ex>,
        body: &[St],
    ) -> R<Flow> {
        let s = self.eval(start)?;
        let e = self.eval(end)?;
        let st = match step {
            Some(x) => self.eval(x)?,
            None => Value::Real(1.0),
        };
        let (Some(s), Some(e), Some(st)) = (num(&s), num(&e), num(&st)) else {
            return Err(type_err("For needs numeric bounds"));
        };
        let loc = self.resolve(counter)?;
        if let Loc::Local(abs, slot, fi) = loc {
            // Integer counter, integral bounds: no Real round trips.
            let is_int = self.frames[fi].method.kinds[slot as usize] == super::compile::KIND_INT;
            let whole = |x: f64| x.fract() == 0.0 && x.abs() < 2e9;
            if is_int && whole(s) && whole(e) && whole(st) && st != 0.0 {
                let (mut i, e, st) = (s as i64, e as i64, st as i64);
                while (st > 0 && i <= e) || (st < 0 && i >= e) {
                    self.stack[abs] = Value::Int(i as i32);
                    match self.exec_block(body)? {
                        Flow::Break => break,
                        Flow::Return => return Ok(Flow::Return),
                        _ => {}
                    }
                    i = match &self.stack[abs] {
                        Value::Int(x) => *x as i64,
                        _ => i,
                    } + st;
                }
                if i >= i32::MIN as i64 && i <= i32::MAX as i64 {
                    self.stack[abs] = Value::Int(i as i32);
                }
                return Ok(Flow::Normal);
            }
        }
        let mut i = s;
        loop {
            if (st >= 0.0 && i > e) || (st < 0.0 && i < e) {
                // The counter ends one step past the end, as the loop left it.
                self.write_loc(&loc, Value::Real(i))?;
                break;
            }
            self.write_loc(&loc, Value::Real(i))?;
            match self.exec_block(body)? {
                Flow::Break => break,
                Flow::Return => return Ok(Flow::Return),
                _ => {}
            }
            let cur = self.read_loc(&loc)?;
            i = num(&cur).unwrap_or(i) + st;
            if st == 0.0 {
                break;
            }
        }
        Ok(Flow::Normal)
    }

    #[allow(clippy::too_many_arguments)]
    fn exec_for_each(
        &mut self,
        item: &Place,
        source: &Ex,
        begin: Option<&Ex>,
        end: Option<&Ex>,
        until: Option<&Ex>,
        while_: Option<&Ex>,
        body: &[St],
    ) -> R<Flow> {
        let src = self.eval(source)?;
        let loc = self.resolve(item)?;
        enum Items {
            Coll(CollRef, usize, usize),
            Keys(Vec<String>),
        }
        let items = match &src {
            Value::Collection(c) => {
                let n = c.len() as i64;
                let mut b = match begin {
                    Some(x) => self.eval_int(x)?,
                    None => 0,
                };
                let mut e = match end {
                    Some(x) => self.eval_int(x)?,
                    None => n,
                };
                if b < 0 {
                    b = (b + n).max(0);
                }
                if e < 0 {
                    e += n;
                }
                let e = e.clamp(0, n);
                Items::Coll(c.clone(), b.max(0) as usize, e as usize)
            }
            Value::Object(o) => Items::Keys(o.read().keys().cloned().collect()),
            Value::Undefined | Value::Null => return Ok(Flow::Normal),
            other => {
                return Err(type_err(format!(
                    "For each cannot loop over {}",
                    a_type_name(other)
                )))
            }
        };
        let n = match &items {
            Items::Coll(_, b, e) => e.saturating_sub(*b),
            Items::Keys(k) => k.len(),
        };
        for k in 0..n {
            if let Some(w) = while_ {
                if !self.cond(w)? {
                    break;
                }
            }
            let v = match &items {
                Items::Coll(c, b, _) => c.get(b + k),
                Items::Keys(keys) => Value::text(keys[k].as_str()),
            };
            self.write_loc(&loc, v)?;
            match self.exec_block(body)? {
                Flow::Break => break,
                Flow::Return => return Ok(Flow::Return),
                _ => {}
            }
            if let Some(u) = until {
                if self.cond(u)? {
                    break;
                }
            }
        }
        Ok(Flow::Normal)
    }

    fn eval_int(&mut self, e: &Ex) -> R<i64> {
        let v = self.eval(e)?;
        num(&v)
            .map(|x| x.trunc() as i64)
            .ok_or_else(|| type_err(format!("A number was expected, not {}", a_type_name(&v))))
    }

    // ================================================================ variables

    fn ensure_proc(&mut self, i: usize) {
        if self.procvars.len() <= i {
            self.procvars.resize(i + 1, Value::Undefined);
            self.proctypes.resize(i + 1, None);
        }
    }

    #[inline]
    pub(crate) fn store_local(&mut self, slot: u32, v: Value) -> R<()> {
        let fi = self.frames.len() - 1;
        self.store_in_frame(fi, self.base + slot as usize, slot, v)
    }

    #[inline]
    fn store_in_frame(&mut self, fi: usize, abs: usize, slot: u32, v: Value) -> R<()> {
        use super::compile::{KIND_ANY, KIND_INT, KIND_REAL, KIND_TEXT};
        let kind = self.frames[fi].method.kinds[slot as usize];
        // Numbers are converted in place; values that own nothing are not dropped.
        let v = match kind {
            KIND_ANY => v,
            KIND_INT => match v {
                Value::Int(_) => v,
                Value::Real(r) => {
                    std::mem::forget(v);
                    Value::Int(ops::real_to_long(r))
                }
                v => self.coerce_to_slot(fi, slot, v)?,
            },
            KIND_REAL => match v {
                Value::Real(_) => v,
                Value::Int(i) => {
                    std::mem::forget(v);
                    Value::Real(i as f64)
                }
                v => self.coerce_to_slot(fi, slot, v)?,
            },
            KIND_TEXT if matches!(v, Value::Text(_)) => v,
            _ => self.coerce_to_slot(fi, slot, v)?,
        };
        let old = std::mem::replace(&mut self.stack[abs], v);
        forget_if_scalar(old);
        Ok(())
    }

    #[inline(never)]
    fn coerce_to_slot(&mut self, fi: usize, slot: u32, v: Value) -> R<Value> {
        match &self.frames[fi].method.slot_types[slot as usize] {
            Some(t) => ops::coerce(t, v),
            None => Ok(v),
        }
    }

    fn param_index(&mut self, e: &Ex) -> R<Loc> {
        let n = self.eval_int(e)?;
        let fi = self.frames.len() - 1;
        let f = &self.frames[fi];
        if n == 0 {
            let slot = f.method.result_slot;
            return Ok(Loc::Local(f.base + slot as usize, slot, fi));
        }
        if n < 0 {
            return Err(err(
                errors::OUT_OF_RANGE,
                format!("There is no parameter ${{{n}}}"),
            ));
        }
        let n = n as usize;
        if let Some(&slot) = f.method.param_slots.get(n - 1) {
            return Ok(Loc::Local(f.base + slot as usize, slot, fi));
        }
        Ok(Loc::Extra(fi, n - 1 - f.method.param_slots.len()))
    }

    /// Resolves a place once (its object/collection/pointer parts evaluated).
    pub(crate) fn resolve(&mut self, p: &Place) -> R<Loc> {
        Ok(match p {
            Place::Local(s) => Loc::Local(self.base + *s as usize, *s, self.frames.len() - 1),
            Place::ParamDyn(e) => self.param_index(e)?,
            Place::Process(i) => Loc::Proc(*i),
            Place::Inter(i) => Loc::Inter(*i),
            Place::Member(t, name) => match self.eval(t)? {
                Value::Object(o) => Loc::Prop(o, name.clone()),
                other => {
                    return Err(err(
                        errors::NULL_ACCESS,
                        format!(
                            "Cannot assign the property '{name}' of {} value",
                            a_type_name(&other)
                        ),
                    ))
                }
            },
            Place::Index(t, i) => {
                let tv = self.eval(t)?;
                let iv = self.eval(i)?;
                match (tv, iv) {
                    (Value::Object(o), Value::Text(k)) => Loc::Prop(o, Arc::from(k.as_str())),
                    (Value::Collection(c), iv) if num(&iv).is_some() => {
                        Loc::Elem(c, num(&iv).unwrap_or(0.0).trunc() as i64)
                    }
                    (tv, iv) => {
                        return Err(type_err(format!(
                            "Cannot assign {}[{}]",
                            type_name(&tv),
                            type_name(&iv)
                        )))
                    }
                }
            }
            Place::Element(a, i) => {
                let inner = self.resolve(a)?;
                let i = self.eval_int(i)?;
                Loc::ArrElem(Box::new(inner), i)
            }
            Place::CharAt(t, i) => {
                let inner = self.resolve(t)?;
                let i = self.eval_int(i)?;
                Loc::Char(Box::new(inner), i)
            }
            Place::Deref(pe) => {
                let pv = self.eval(pe)?;
                match pv {
                    Value::Pointer(t) => self.loc_of_pointer(&t)?,
                    other => {
                        return Err(type_err(format!(
                            "'->' needs a pointer, not {}",
                            a_type_name(&other)
                        )))
                    }
                }
            }
            Place::Invalid(what) => {
                return Err(err(
                    errors::NOT_ASSIGNABLE,
                    format!("{what} cannot be assigned"),
                ))
            }
        })
    }

    pub(crate) fn loc_of_pointer(&mut self, t: &PointerTarget) -> R<Loc> {
        Ok(match t {
            PointerTarget::Local { frame, slot, name } => {
                let fi = self
                    .frames
                    .iter()
                    .rposition(|f| f.id == *frame)
                    .ok_or_else(|| {
                        err(
                            errors::UNDEFINED_VARIABLE,
                            format!(
                                "The variable ${name} is not defined (its method has returned)"
                            ),
                        )
                    })?;
                Loc::Local(self.frames[fi].base + *slot as usize, *slot, fi)
            }
            PointerTarget::Process(n) => Loc::Proc(self.program.interner.intern(n)),
            PointerTarget::Interprocess(n) => {
                Loc::Inter(self.program.interner.intern(&format!("<>{n}")))
            }
            PointerTarget::Element { array, index } => {
                Loc::ArrElem(Box::new(self.loc_of_pointer(array)?), *index)
            }
            PointerTarget::Property { object, key } => Loc::Prop(object.clone(), key.clone()),
            PointerTarget::Table(n) | PointerTarget::Field { table: n, .. } => {
                return Err(err(
                    errors::NOT_IMPLEMENTED,
                    format!("Pointers to tables and fields ([{n}]) are not supported by fourd"),
                ))
            }
        })
    }

    /// Runs `f` on the variable at `loc` (a variable, not a property), or on
    /// a row of a 2-D array (`$a{1}` in `$a{1}{2}`).
    pub(crate) fn with_var<T>(&mut self, loc: &Loc, f: impl FnOnce(&mut Value) -> R<T>) -> R<T> {
        let Loc::ArrElem(..) = loc else {
            return self.with_base_var(loc, f);
        };
        let mut path = Vec::new();
        let mut base = loc;
        while let Loc::ArrElem(inner, i) = base {
            path.push(*i);
            base = inner;
        }
        self.with_base_var(base, |mut v| {
            for i in path.into_iter().rev() {
                v = array_elem_mut(v, i)?;
            }
            f(v)
        })
    }

    fn with_base_var<T>(&mut self, loc: &Loc, f: impl FnOnce(&mut Value) -> R<T>) -> R<T> {
        match loc {
            Loc::Local(abs, _, _) => f(&mut self.stack[*abs]),
            Loc::Extra(fi, k) => {
                let ex = &mut self.frames[*fi].extra;
                if ex.len() <= *k {
                    ex.resize(k + 1, Value::Undefined);
                }
                f(&mut ex[*k])
            }
            Loc::Proc(i) => {
                let i = *i as usize;
                self.ensure_proc(i);
                f(&mut self.procvars[i])
            }
            Loc::Inter(i) => {
                let prog = self.program.clone();
                let mut g = prog.inter_vars.lock();
                let i = *i as usize;
                if g.len() <= i {
                    g.resize(i + 1, Value::Undefined);
                }
                f(&mut g[i])
            }
            // A row of a 2-D array (`$a{1}{2}`): the element is itself an array.
            _ => Err(type_err("An array variable was expected")),
        }
    }

    pub(crate) fn read_loc(&mut self, loc: &Loc) -> R<Value> {
        match loc {
            Loc::Local(abs, _, _) => Ok(self.stack[*abs].clone()),
            Loc::Proc(i) => Ok(self.procvars.get(*i as usize).cloned().unwrap_or_default()),
            Loc::Extra(..) | Loc::Inter(_) => self.with_var(loc, |v| Ok(v.clone())),
            Loc::Prop(o, k) => self.get_member(Value::Object(o.clone()), k),
            Loc::Elem(c, i) => Ok(if *i < 0 {
                Value::Undefined
            } else {
                c.get(*i as usize)
            }),
            Loc::ArrElem(inner, i) => {
                let i = *i;
                self.with_var(inner, |v| array_get(v, i))
            }
            Loc::Char(inner, i) => {
                let t = self.read_loc(inner)?;
                char_at(&t, *i)
            }
        }
    }

    pub(crate) fn write_loc(&mut self, loc: &Loc, v: Value) -> R<()> {
        match loc {
            Loc::Local(abs, slot, fi) => self.store_in_frame(*fi, *abs, *slot, v),
            Loc::Proc(i) => {
                let i = *i as usize;
                self.ensure_proc(i);
                let v = match &self.proctypes[i] {
                    Some(t) => ops::coerce(t, v)?,
                    None => v,
                };
                self.procvars[i] = v;
                Ok(())
            }
            Loc::Extra(..) | Loc::Inter(_) => self.with_var(loc, |slot| {
                *slot = v;
                Ok(())
            }),
            Loc::Prop(o, k) => self.set_member(o, k, v),
            Loc::Elem(c, i) => set_element(c, *i, v),
            Loc::ArrElem(inner, i) => {
                let i = *i;
                self.with_var(inner, |arr| array_set(arr, i, v))
            }
            Loc::Char(inner, i) => {
                let t = self.read_loc(inner)?;
                let Value::Text(t) = t else {
                    return Err(type_err("[[ ]] needs a Text"));
                };
                let Value::Text(c) = v else {
                    return Err(type_err("A character must be a Text"));
                };
                let mut chars: Vec<char> = t.chars().collect();
                let i = *i;
                if i < 1 || i as usize > chars.len() {
                    return Err(err(
                        errors::OUT_OF_RANGE,
                        format!("Character index {i} is out of range"),
                    ));
                }
                if let Some(ch) = c.chars().next() {
                    chars[i as usize - 1] = ch;
                }
                let s: String = chars.into_iter().collect();
                self.write_loc(inner, Value::text(s))
            }
        }
    }

    /// Writes property `k` of `o` (setters, read-only getters, the Undefined rules).
    pub(crate) fn set_member(&mut self, o: &ObjRef, k: &str, v: Value) -> R<()> {
        if let Some(c) = class::class_of(o) {
            if let Some(m) = c.find_setter(k) {
                self.invoke(&m, vec![v], Value::Object(o.clone()))?;
                return Ok(());
            }
            if c.find_getter(k).is_some() {
                return Err(err(
                    errors::NOT_ASSIGNABLE,
                    format!("The property '{k}' is read-only"),
                ));
            }
        }
        if o.0.native.is_some() {
            // Runtime-owned natives (4D.Session…) handle their own members.
            if let Some(r) = crate::runtime::native_set(o, k, &v) {
                return r.map_err(Box::new);
            }
        }
        if o.0.native.is_some() && class::is_class_object(o) {
            return Err(err(
                errors::NOT_ASSIGNABLE,
                "A class object cannot be modified",
            ));
        }
        let mut v = v;
        crate::runtime::shared::prepare_store(&o.0.sharing, &mut v)?;
        let mut props = o.write();
        if v.is_undefined() {
            if let Some(cur) = props.get_mut(k) {
                *cur = reset_value(cur);
            }
            return Ok(());
        }
        match props.get_mut(k) {
            Some(slot) => *slot = v,
            None => {
                props.insert(k.to_string(), v);
            }
        }
        Ok(())
    }

    // ================================================================ expressions

    /// Evaluates an expression. The frequent cases are here; the rest is in
    /// `eval_cold`, which keeps this function's stack frame small.
    #[inline]
    pub(crate) fn eval(&mut self, e: &Ex) -> R<Value> {
        match e {
            Ex::Const(v) => Ok(v.clone()),
            Ex::Local(i) => Ok(match &self.stack[self.base + *i as usize] {
                Value::Int(x) => Value::Int(*x),
                Value::Real(x) => Value::Real(*x),
                v => v.clone(),
            }),
            Ex::Arith(op, l, r) => match self.arith_fast(*op, l, r) {
                Some(v) => Ok(v),
                None => self.eval_cold(e),
            },
            Ex::Binary(op, l, r) => {
                let a = self.eval(l)?;
                let b = self.eval(r)?;
                ops::binary(*op, a, b)
            }
            Ex::CallMethod { id, args, pos } => self.eval_call(*id, args, *pos),
            _ => self.eval_cold(e),
        }
    }

    #[inline(never)]
    fn eval_cold(&mut self, e: &Ex) -> R<Value> {
        match e {
            Ex::Const(v) => Ok(v.clone()),
            Ex::Local(i) => Ok(match &self.stack[self.base + *i as usize] {
                Value::Int(x) => Value::Int(*x),
                Value::Real(x) => Value::Real(*x),
                v => v.clone(),
            }),
            Ex::Arith(op, l, r) => {
                if let Some(v) = self.arith_fast(*op, l, r) {
                    return Ok(v);
                }
                let a = self.eval(l)?;
                let b = self.eval(r)?;
                ops::binary(*op, a, b)
            }
            Ex::Binary(op, l, r) => {
                let a = self.eval(l)?;
                let b = self.eval(r)?;
                ops::binary(*op, a, b)
            }
            Ex::CallMethod { id, args, pos } => self.eval_call(*id, args, *pos),
            Ex::Command { f, args, pos } => {
                let mut vals = Vec::with_capacity(args.len());
                for a in args {
                    vals.push(self.eval(a)?);
                }
                f(self, &vals).map_err(|e| self.locate(Box::new(e), *pos))
            }
            Ex::Pure { f, args, pos } => {
                let r = match args.len() {
                    // No allocation for the common one-argument call (`String(x)`).
                    1 => {
                        let v = self.eval(&args[0])?;
                        f(std::slice::from_ref(&v))
                    }
                    _ => {
                        let mut vals = Vec::with_capacity(args.len());
                        for a in args {
                            vals.push(self.eval(a)?);
                        }
                        f(&vals)
                    }
                };
                r.map_err(|e| self.locate(Box::new(e), *pos))
            }
            Ex::Member(t, name) => {
                if let Ex::Local(slot) = &**t {
                    // A plain local object (no class, no native state): read the
                    // property without cloning the handle.
                    if let Value::Object(o) = &self.stack[self.base + *slot as usize] {
                        if o.0.native.is_none() && o.0.class.is_none() {
                            return Ok(o.get(name));
                        }
                    }
                }
                let tv = self.eval(t)?;
                self.get_member(tv, name)
            }
            Ex::Index(t, i) => {
                if let Ex::Local(slot) = &**t {
                    // A local collection: read the element without cloning the handle.
                    let iv = self.eval(i)?;
                    match (&self.stack[self.base + *slot as usize], &iv) {
                        (Value::Collection(c), iv) if num(iv).is_some() => {
                            let n = num(iv).unwrap_or(0.0);
                            return Ok(if n < 0.0 {
                                Value::Undefined
                            } else {
                                c.get(n as usize)
                            });
                        }
                        // A plain local object with a Text key: same, for `$o[key]`.
                        (Value::Object(o), Value::Text(k))
                            if o.0.native.is_none() && o.0.class.is_none() =>
                        {
                            return Ok(o.get(k));
                        }
                        _ => {}
                    }
                    let tv = self.eval(t)?;
                    return self.get_index(tv, iv);
                }
                let tv = self.eval(t)?;
                let iv = self.eval(i)?;
                self.get_index(tv, iv)
            }
            Ex::ParamDyn(ix) => {
                let loc = self.param_index(ix)?;
                self.read_loc(&loc)
            }
            Ex::Process(i) => Ok(self.procvars.get(*i as usize).cloned().unwrap_or_default()),
            Ex::Inter(i) => Ok(self
                .program
                .inter_vars
                .lock()
                .get(*i as usize)
                .cloned()
                .unwrap_or_default()),
            Ex::Element(p, i) => {
                let loc = self.resolve(p)?;
                let i = self.eval_int(i)?;
                self.with_var(&loc, |v| array_get(v, i))
            }
            Ex::CharAt(t, i) => {
                let tv = self.eval(t)?;
                let i = self.eval_int(i)?;
                char_at(&tv, i)
            }
            Ex::Missing { name, pos } => Err(self.locate(
                err(
                    errors::METHOD_NOT_FOUND,
                    format!("The method '{name}' does not exist"),
                ),
                *pos,
            )),
            Ex::Special {
                op,
                args,
                places,
                pos,
            } => {
                let n = self.deferred.len();
                let r = self
                    .special(*op, args, places)
                    .map_err(|e| self.locate(e, *pos));
                if self.deferred.len() > n {
                    // A deferred `throw` keeps the place it was thrown from.
                    let here = self.here(*pos);
                    if let Some((_, e)) = self.deferred.last_mut() {
                        e.location.get_or_insert(here);
                    }
                }
                r
            }
            Ex::MethodCall {
                target,
                name,
                args,
                pos,
            } => {
                if let (Ex::Local(slot), "push", [arg]) = (&**target, &**name, &args[..]) {
                    // No argument vector for the common one-value push.
                    let v = self.eval(arg)?;
                    let Some(v) = self.push_local(*slot, v) else {
                        return Ok(self.stack[self.base + *slot as usize].clone());
                    };
                    let tv = self.eval(target)?;
                    return self
                        .call_member(tv, name, vec![v])
                        .map_err(|e| self.locate(e, *pos));
                }
                let tv = self.eval(target)?;
                let mut vals = Vec::with_capacity(args.len());
                for a in args {
                    vals.push(self.eval(a)?);
                }
                self.call_member(tv, name, vals)
                    .map_err(|e| self.locate(e, *pos))
            }
            Ex::CallValue { callee, args, pos } => {
                let f = self.eval(callee)?;
                let mut vals = Vec::with_capacity(args.len());
                for a in args {
                    vals.push(self.eval(a)?);
                }
                self.call_value(&f, Value::Undefined, vals)
                    .map_err(|e| self.locate(e, *pos))
            }
            Ex::PointerTo(p) => self.make_pointer(p),
            Ex::Deref(pe) => {
                let pv = self.eval(pe)?;
                match pv {
                    Value::Pointer(t) => {
                        let loc = self.loc_of_pointer(&t)?;
                        self.read_loc(&loc)
                    }
                    other => Err(type_err(format!(
                        "'->' needs a pointer, not {}",
                        a_type_name(&other)
                    ))),
                }
            }
            Ex::Neg(x) => {
                let v = self.eval(x)?;
                ops::neg(v)
            }
            Ex::And(l, r) => {
                let a = self.eval(l)?;
                if !a.is_truthy() {
                    Ok(a)
                } else {
                    self.eval(r)
                }
            }
            Ex::Or(l, r) => {
                let a = self.eval(l)?;
                if a.is_truthy() {
                    Ok(a)
                } else {
                    self.eval(r)
                }
            }
            Ex::Ternary(c, a, b) => {
                if self.eval(c)?.is_truthy() {
                    self.eval(a)
                } else {
                    self.eval(b)
                }
            }
            Ex::ObjectLit(pairs) => {
                let mut props = Props::with_capacity_and_hasher(pairs.len(), Default::default());
                for (k, e) in pairs {
                    let v = self.eval(e)?;
                    if !v.is_undefined() {
                        props.insert(k.to_string(), v);
                    }
                }
                Ok(Value::Object(ObjRef::from_props(props)))
            }
            Ex::CollectionLit(items) => {
                let mut out = Vec::with_capacity(items.len());
                for e in items {
                    let v = self.eval(e)?;
                    out.push(if v.is_undefined() { Value::Null } else { v });
                }
                Ok(Value::Collection(CollRef::new(out)))
            }
            Ex::TryExpr(x) => {
                self.try_depth += 1;
                let r = self.eval(x);
                self.try_depth -= 1;
                match r {
                    Ok(v) => Ok(v),
                    Err(mut e) => {
                        if e.location.is_none() {
                            e.location = Some(self.here(0));
                        }
                        self.set_error_state(&e);
                        Ok(Value::Undefined)
                    }
                }
            }
            Ex::Assign(p, op, v) => self.assign(p, *op, v),
            Ex::This => Ok(self
                .frames
                .last()
                .map(|f| f.this.clone())
                .unwrap_or_default()),
            Ex::SuperCall { name, args, pos } => {
                let mut vals = Vec::with_capacity(args.len());
                for a in args {
                    vals.push(self.eval(a)?);
                }
                self.super_call(name.as_deref(), vals)
                    .map_err(|e| self.locate(e, *pos))
            }
            Ex::Formula(code) => {
                let captured = code
                    .captures
                    .iter()
                    .map(|(inner, outer)| (*inner, self.stack[self.base + *outer as usize].clone()))
                    .collect();
                Ok(class::new_formula(FormulaFn {
                    method: code.method.clone(),
                    captured,
                    source: code.source.clone(),
                    forward: code.forward,
                }))
            }
            Ex::Unsupported(name, pos) => Err(self.locate(
                err(
                    errors::NOT_IMPLEMENTED,
                    format!("The command '{name}' is not implemented by fourd"),
                ),
                *pos,
            )),
        }
    }

    /// A call of project method `id`.
    #[inline(never)]
    fn eval_call(&mut self, id: u32, args: &[Ex], pos: u32) -> R<Value> {
        let m = match self.program.compiled_method(id) {
            Some(m) => m.clone(),
            None => self.program.method(id).map_err(|e| self.locate(e, pos))?,
        };
        self.call_compiled(m, args, Value::Undefined)
            .map_err(|e| self.locate(e, pos))
    }

    /// A number leaf of an `Arith` tree, read without cloning; `None` when it
    /// does not hold a number (the generic path then handles it).
    #[inline(always)]
    fn num_leaf(&self, e: &Ex) -> Option<ops::Num> {
        match e {
            Ex::Local(i) => ops::num_of(&self.stack[self.base + *i as usize]),
            Ex::Const(Value::Real(x)) => Some(ops::Num::R(*x)),
            Ex::Const(Value::Int(x)) => Some(ops::Num::I(*x as i64)),
            Ex::Arith(op, l, r) => self.num_nested(*op, l, r),
            _ => None,
        }
    }

    /// An `Arith` inside an `Arith` (out of line: it recurses).
    #[inline(never)]
    fn num_nested(&self, op: BinOp, l: &Ex, r: &Ex) -> Option<ops::Num> {
        let (a, b) = (self.num_leaf(l)?, self.num_leaf(r)?);
        ops::num_op(op, a, b)?.as_num()
    }

    /// `e`, tried first as arithmetic on numbers (no trip through `eval`).
    #[inline(always)]
    fn eval_arith_first(&mut self, e: &Ex) -> R<Value> {
        let fast = match e {
            Ex::Arith(op, l, r) => self.arith_fast(*op, l, r),
            _ => None,
        };
        match fast {
            Some(v) => Ok(v),
            None => self.eval(e),
        }
    }

    #[inline]
    fn arith_fast(&self, op: BinOp, l: &Ex, r: &Ex) -> Option<Value> {
        let (a, b) = (self.num_leaf(l)?, self.num_leaf(r)?);
        ops::num_op(op, a, b).map(ops::NumResult::into_value)
    }

    /// Gives `e` the location `pos` of the running method unless it has one.
    pub(crate) fn locate(&self, mut e: Box<RuntimeError>, pos: u32) -> Box<RuntimeError> {
        if e.location.is_none() {
            e.location = Some(self.here(pos));
        }
        e
    }

    fn super_call(&mut self, name: Option<&str>, args: Vec<Value>) -> R<Value> {
        let frame = self
            .frames
            .last()
            .ok_or_else(|| type_err("Super outside a class"))?;
        let this = frame.this.clone();
        let owner = frame.method.owner_class.clone().ok_or_else(|| {
            err(
                errors::NO_SUCH_MEMBER,
                "Super can only be used in a class function or constructor",
            )
        })?;
        let cls: Arc<ClassRt> = match self.program.class(&owner) {
            Some(r) => r?,
            None => return Err(type_err(format!("Unknown class '{owner}'"))),
        };
        let parent = cls.parent.clone();
        match name {
            None => {
                if let Some(p) = parent {
                    if let Some(ctor) = p.find_constructor() {
                        self.invoke(&ctor, args, this)?;
                    }
                }
                Ok(Value::Undefined)
            }
            Some(n) => {
                let f = parent
                    .as_ref()
                    .and_then(|p| p.find_function(n))
                    .ok_or_else(|| {
                        err(
                            errors::NO_SUCH_MEMBER,
                            format!("The parent class of '{owner}' has no function '{n}'"),
                        )
                    })?;
                self.invoke(&f, args, this)
            }
        }
    }

    fn make_pointer(&mut self, p: &Place) -> R<Value> {
        let t = self.pointer_target(p)?;
        Ok(Value::Pointer(Arc::new(t)))
    }

    fn pointer_target(&mut self, p: &Place) -> R<PointerTarget> {
        Ok(match p {
            Place::Local(s) => {
                let f = self.frames.last().ok_or_else(|| type_err("no frame"))?;
                PointerTarget::Local {
                    frame: f.id,
                    slot: *s,
                    name: Arc::from(f.method.slot_name(*s)),
                }
            }
            Place::Process(i) => PointerTarget::Process(Arc::from(self.program.interner.name(*i))),
            Place::Inter(i) => {
                let n = self.program.interner.name(*i);
                PointerTarget::Interprocess(Arc::from(n.trim_start_matches("<>")))
            }
            Place::Element(a, i) => {
                let array = self.pointer_target(a)?;
                let index = self.eval_int(i)?;
                PointerTarget::Element {
                    array: Box::new(array),
                    index,
                }
            }
            Place::Member(t, k) => match self.eval(t)? {
                Value::Object(o) => PointerTarget::Property {
                    object: o,
                    key: k.clone(),
                },
                other => {
                    return Err(type_err(format!(
                        "Cannot point into {}",
                        a_type_name(&other)
                    )))
                }
            },
            Place::Deref(pe) => match self.eval(pe)? {
                Value::Pointer(t) => (*t).clone(),
                other => {
                    return Err(type_err(format!(
                        "'->' needs a pointer, not {}",
                        a_type_name(&other)
                    )))
                }
            },
            _ => return Err(type_err("Cannot make a pointer to this expression")),
        })
    }

    /// `v.name`.
    pub(crate) fn get_member(&mut self, v: Value, name: &str) -> R<Value> {
        match &v {
            Value::Object(o) => {
                if o.0.native.is_some() {
                    if let Some(r) = class::native_member(self, o, name) {
                        return r;
                    }
                }
                if let Some(c) = class::class_of(o) {
                    if let Some(g) = c.find_getter(name) {
                        return self.invoke(&g, Vec::new(), v.clone());
                    }
                    if c.find_setter(name).is_some() && !o.read().contains_key(name) {
                        return Ok(Value::Undefined);
                    }
                    if let Some(f) = c.find_function(name) {
                        if !o.read().contains_key(name) {
                            return Ok(class::function_object(&f));
                        }
                    }
                }
                Ok(o.get(name))
            }
            Value::Collection(c) => match name {
                "length" => Ok(Value::Int(c.len() as i32)),
                _ => Ok(Value::Undefined),
            },
            // `.length` of an undefined collection is 0 (docs/Concepts/dt_null_undefined.md).
            Value::Undefined if name == "length" => Ok(Value::Int(0)),
            Value::Undefined => Ok(Value::Undefined),
            Value::Null => Err(err(
                errors::NULL_ACCESS,
                format!("Cannot read the property '{name}' of a Null value"),
            )),
            other => Err(type_err(format!(
                "A {} has no property '{name}'",
                type_name(other)
            ))),
        }
    }

    /// `v[index]`.
    pub(crate) fn get_index(&mut self, v: Value, i: Value) -> R<Value> {
        match (&v, &i) {
            (Value::Collection(c), i) if num(i).is_some() => {
                let i = num(i).unwrap_or(0.0).trunc();
                Ok(if i < 0.0 {
                    Value::Undefined
                } else {
                    c.get(i as usize)
                })
            }
            (Value::Object(_), Value::Text(k)) => self.get_member(v.clone(), k),
            (Value::Undefined, _) => Ok(Value::Undefined),
            (Value::Null, _) => Err(err(
                errors::NULL_ACCESS,
                "Cannot read an element of a Null value",
            )),
            _ => Err(type_err(format!(
                "Cannot index {} with {}",
                a_type_name(&v),
                a_type_name(&i)
            ))),
        }
    }
}

impl Method {
    pub fn slot_name(&self, slot: u32) -> String {
        // Names are kept only for pointers and messages (lower case, no `$`).
        match self.slot_names.get(slot as usize) {
            Some(n) => n.clone(),
            None => format!("{}#{slot}", self.name),
        }
    }
}

/// What Undefined assigned to an existing property leaves there.
/// A value with no heap data: dropping it can be skipped.
#[inline(always)]
fn owns_nothing(v: &Value) -> bool {
    matches!(
        v,
        Value::Undefined | Value::Null | Value::Bool(_) | Value::Int(_) | Value::Real(_)
    )
}

/// Drops `v`, skipping the drop glue call for values that own nothing.
#[inline(always)]
fn forget_if_scalar(v: Value) {
    if owns_nothing(&v) {
        std::mem::forget(v)
    } else {
        drop(v)
    }
}

/// A slot's initial value; numbers are copied without the generic clone.
#[inline]
fn copy_default(v: &Value) -> Value {
    match v {
        Value::Int(x) => Value::Int(*x),
        Value::Real(x) => Value::Real(*x),
        Value::Undefined => Value::Undefined,
        v => v.clone(),
    }
}

fn reset_value(cur: &Value) -> Value {
    match cur {
        Value::Object(_) | Value::Collection(_) | Value::Pointer(_) => Value::Null,
        Value::Bool(_) => Value::Bool(false),
        Value::Text(_) => Value::text(""),
        Value::Int(_) => Value::Int(0),
        Value::Real(_) => Value::Real(0.0),
        Value::Date(_) => Value::Date(crate::value::Date::NULL),
        Value::Time(_) => Value::Time(0),
        other => other.clone(),
    }
}

pub(crate) fn set_element(c: &CollRef, i: i64, v: Value) -> R<()> {
    let mut v = v;
    crate::runtime::shared::prepare_store(&c.0.sharing, &mut v)?;
    if i < 0 {
        return Err(err(
            errors::OUT_OF_RANGE,
            format!("Collection index {i} is out of range"),
        ));
    }
    let i = i as usize;
    if i > 1 << 28 {
        return Err(err(errors::OUT_OF_RANGE, "Collection index too large"));
    }
    let v = if v.is_undefined() { Value::Null } else { v };
    let mut items = c.write();
    if i >= items.len() {
        items.resize(i + 1, Value::Null);
    }
    items[i] = v;
    Ok(())
}

fn array_get(v: &Value, i: i64) -> R<Value> {
    match v {
        Value::Array(a) => {
            if i < 0 || i as usize >= a.items.len() {
                return Err(err(
                    errors::OUT_OF_RANGE,
                    format!(
                        "Array index {i} is out of range (size {})",
                        a.items.len() - 1
                    ),
                ));
            }
            Ok(a.items[i as usize].clone())
        }
        Value::Blob(b) => b
            .get(i.max(0) as usize)
            .map(|x| Value::Int(*x as i32))
            .ok_or_else(|| {
                err(
                    errors::OUT_OF_RANGE,
                    format!("Blob index {i} is out of range"),
                )
            }),
        other => Err(type_err(format!(
            "{{ }} needs an array, not {}",
            a_type_name(other)
        ))),
    }
}

/// The element `i` of an array, in place (a row of a 2-D array).
fn array_elem_mut(arr: &mut Value, i: i64) -> R<&mut Value> {
    match arr {
        Value::Array(a) => {
            let size = a.items.len() as i64 - 1;
            if i < 0 || i > size {
                return Err(err(
                    errors::OUT_OF_RANGE,
                    format!("Array index {i} is out of range (size {size})"),
                ));
            }
            Ok(&mut a.items[i as usize])
        }
        other => Err(type_err(format!(
            "{{ }} needs an array, not {}",
            a_type_name(other)
        ))),
    }
}

fn array_set(arr: &mut Value, i: i64, v: Value) -> R<()> {
    match arr {
        Value::Array(a) => {
            if i < 0 || i as usize >= a.items.len() {
                return Err(err(
                    errors::OUT_OF_RANGE,
                    format!(
                        "Array index {i} is out of range (size {})",
                        a.items.len() - 1
                    ),
                ));
            }
            let v = super::commands::coerce_array_item(a.kind, v)?;
            a.items[i as usize] = v;
            Ok(())
        }
        Value::Blob(b) => {
            let x = num(&v).ok_or_else(|| type_err("A Blob byte must be a number"))?;
            let b = Arc::make_mut(b);
            match b.get_mut(i.max(0) as usize) {
                Some(slot) => {
                    *slot = x as u8;
                    Ok(())
                }
                None => Err(err(
                    errors::OUT_OF_RANGE,
                    format!("Blob index {i} is out of range"),
                )),
            }
        }
        other => Err(type_err(format!(
            "{{ }} needs an array, not {}",
            a_type_name(other)
        ))),
    }
}

fn char_at(t: &Value, i: i64) -> R<Value> {
    match t {
        Value::Text(s) => Ok(if i < 1 {
            Value::text("")
        } else {
            s.chars()
                .nth(i as usize - 1)
                .map(|c| Value::text(c.to_string()))
                .unwrap_or_else(|| Value::text(""))
        }),
        other => Err(type_err(format!(
            "[[ ]] needs a Text, not {}",
            a_type_name(other)
        ))),
    }
}
