//! Built-in commands that need the interpreter: output, types, objects,
//! arrays, errors. Pure commands (text, math, dates…) live in
//! `runtime::commands`; both are reached through `dispatch`.

use super::class;
use super::dispatch::Registry;
use super::errors::{self, err, type_err};
use super::eval::Loc;
use super::ir::{Place, Special, VType};
use super::ops::{self, a_type_name, num, type_name};
use super::{Interp, R};
use crate::error::{RtResult, RuntimeError};
use crate::value::format::to_text;
use crate::value::{compare, Array, ArrayKind, CollRef, ObjRef, Props, Value};
use std::sync::Arc;

/// The commands of this module.
pub fn register(r: &mut Registry) {
    r.add("ALERT", alert);
    r.add("LOG EVENT", log_event);
    r.add("TRACE", |_, _| Ok(Value::Undefined));
    // Gives time to other processes: nothing to do with OS threads.
    r.add("IDLE", |_, _| Ok(Value::Undefined));
    // docs/commands/application-type.md: 4D Server (5) when fourd runs as a
    // server, else 4D Local mode (0).
    r.add("Application type", |_, _| {
        use crate::runtime::session::{run_mode, RunMode};
        Ok(Value::Int(match run_mode() {
            RunMode::Server => 5,
            _ => 0,
        }))
    });
    r.add("OB Copy", ob_copy);
    r.add("OB Get", ob_get);
    r.add("OB Class", ob_class);
    r.add("OB Instance of", ob_instance_of);
    r.add("OB Is shared", ob_is_shared);
    r.add("Last errors", last_errors);
    r.add("ASSERT", assert);
    r.add("Asserted", asserted);
    r.add("SET ASSERT ENABLED", set_assert_enabled);
    r.add("Get assert enabled", get_assert_enabled);
    r.add("Current process", |cx, _| {
        Ok(Value::Int(cx.process_number as i32))
    });
    r.add("Method called on error", |cx, _| {
        Ok(Value::text(cx.err_handler.clone().unwrap_or_default()))
    });
}

fn text_arg(args: &[Value], i: usize, cmd: &str) -> RtResult<String> {
    match args.get(i) {
        Some(Value::Text(t)) => Ok(t.as_str().to_owned()),
        Some(v) => Ok(to_text(v)),
        None => Err(RuntimeError::new(
            errors::BAD_ARGUMENT,
            format!("{cmd}: parameter {} is missing", i + 1),
        )),
    }
}

fn obj_arg(args: &[Value], i: usize, cmd: &str) -> RtResult<Option<ObjRef>> {
    match args.get(i) {
        Some(Value::Object(o)) => Ok(Some(o.clone())),
        Some(Value::Null) | Some(Value::Undefined) | None => Ok(None),
        Some(v) => Err(RuntimeError::new(
            errors::TYPE_MISMATCH,
            format!("{cmd}: an object was expected, not {}", a_type_name(v)),
        )),
    }
}

fn alert(cx: &mut Interp, args: &[Value]) -> RtResult<Value> {
    let mut s = text_arg(args, 0, "ALERT")?;
    s.push('\n');
    cx.write_out(&s);
    Ok(Value::Undefined)
}

fn log_event(cx: &mut Interp, args: &[Value]) -> RtResult<Value> {
    // LOG EVENT({output;} message {; importance})
    let (target, msg) = match (args.first(), args.get(1)) {
        (Some(t), Some(m)) if num(t).is_some() => (num(t).unwrap_or(0.0) as i64, to_text(m)),
        (Some(m), _) => (0, to_text(m)),
        _ => return Ok(Value::Undefined),
    };
    match target {
        6 => cx.write_out(&msg),
        // Debug messages and logs: standard error, so they never mix with output.
        _ => eprint!("{msg}"),
    }
    Ok(Value::Undefined)
}

/// `Value type` codes (`Is real`, `Is text`…).
pub fn value_type(v: &Value) -> i32 {
    crate::runtime::commands::misc::value_type_of(v)
}

fn ob_copy(cx: &mut Interp, args: &[Value]) -> RtResult<Value> {
    let ck_shared = constant("ck shared").as_ref().and_then(num).unwrap_or(2.0) as i64;
    let shared =
        matches!(args.get(1), Some(v) if num(v).is_some_and(|n| (n as i64) & ck_shared != 0));
    // `OB Copy(o; True)` or `OB Copy(o; ck resolve pointers)`: pointers are evaluated.
    let resolve = match args.get(1) {
        Some(Value::Bool(b)) => *b,
        Some(v) => num(v).is_some_and(|n| (n as i64) & 1 != 0),
        None => false,
    };
    if resolve && !shared {
        if let Some(v @ (Value::Object(_) | Value::Collection(_))) = args.first() {
            let copied = crate::runtime::shared::copy(v, false)?;
            crate::runtime::commands::collection_fns::resolve_pointers(&copied, cx, 0)?;
            return Ok(copied);
        }
    }
    match args.first() {
        Some(v @ (Value::Object(_) | Value::Collection(_))) => match args.get(2) {
            Some(g) if shared => crate::runtime::shared::copy_into_group(v, g),
            _ => crate::runtime::shared::copy(v, shared),
        },
        Some(Value::Null) | Some(Value::Undefined) | None => Ok(Value::Null),
        Some(v) => Err(RuntimeError::new(
            errors::TYPE_MISMATCH,
            format!("OB Copy: an object was expected, not {}", a_type_name(v)),
        )),
    }
}

fn ob_get(cx: &mut Interp, args: &[Value]) -> RtResult<Value> {
    let Some(o) = obj_arg(args, 0, "OB Get")? else {
        return Ok(Value::Undefined);
    };
    let k = text_arg(args, 1, "OB Get")?;
    let v = cx.get_member(Value::Object(o), &k).map_err(|e| *e)?;
    match args.get(2).and_then(num) {
        Some(t) => convert_to_type(v, t as i32),
        None => Ok(v),
    }
}

/// `OB Get(…; type)` conversions.
fn convert_to_type(v: Value, t: i32) -> RtResult<Value> {
    // Texts convert as `Num` does ("5" → 5).
    let number = |v: &Value| match v {
        Value::Text(_) => crate::runtime::commands::text::num(std::slice::from_ref(v))
            .ok()
            .and_then(|n| num(&n))
            .unwrap_or(0.0),
        v => num(v).unwrap_or(0.0),
    };
    Ok(match t {
        2 => Value::text(to_text(&v)),
        1 => Value::Real(number(&v)),
        9 | 8 => Value::Int(number(&v) as i32),
        6 => Value::Bool(matches!(v, Value::Bool(true))),
        _ => v,
    })
}

fn ob_class(_: &mut Interp, args: &[Value]) -> RtResult<Value> {
    Ok(match args.first() {
        Some(Value::Object(o)) => class::ob_class(o),
        _ => Value::Null,
    })
}

fn ob_instance_of(_: &mut Interp, args: &[Value]) -> RtResult<Value> {
    Ok(Value::Bool(match (args.first(), args.get(1)) {
        (Some(Value::Object(o)), Some(Value::Object(c))) => class::instance_of(o, c),
        // A blob in an object is a 4D.Blob (docs/Concepts/dt_blob.md).
        (Some(Value::Blob(_)), Some(Value::Object(c))) => class::class_object_rt(c)
            .is_some_and(|c| matches!(&*c.name, "Blob" | "Object") && c.constructor.is_none()),
        _ => false,
    }))
}

fn ob_is_shared(_: &mut Interp, args: &[Value]) -> RtResult<Value> {
    Ok(Value::Bool(match args.first() {
        Some(Value::Object(o)) => o.is_shared(),
        Some(Value::Collection(c)) => c.is_shared(),
        _ => false,
    }))
}

/// `Last errors`: the error stack as a collection of `{errCode; message; componentSignature}`.
pub fn errors_collection(errs: &[RuntimeError]) -> Value {
    if errs.is_empty() {
        return Value::Null;
    }
    let items = errs
        .iter()
        .map(|e| {
            let mut p = Props::default();
            p.insert("errCode".into(), Value::Real(e.code as f64));
            p.insert("message".into(), Value::text(e.message.as_str()));
            p.insert("componentSignature".into(), Value::text(e.component));
            Value::Object(ObjRef::from_props(p))
        })
        .collect();
    Value::Collection(CollRef::new(items))
}

fn last_errors(cx: &mut Interp, _: &[Value]) -> RtResult<Value> {
    Ok(errors_collection(&cx.last_errors))
}

/// `SET ASSERT ENABLED` state of a process (assertions are on by default).
#[derive(Default)]
struct AssertsOff(bool);

fn assert(cx: &mut Interp, args: &[Value]) -> RtResult<Value> {
    asserted(cx, args).map(|_| Value::Undefined)
}

/// `Asserted(bool {; message})`: ASSERT that also returns the Boolean. The
/// compiler passes the assertion's source text as a hidden last argument, for
/// the default message "Assert failed: <assertion>".
fn asserted(cx: &mut Interp, args: &[Value]) -> RtResult<Value> {
    let (cond, msg) = match args {
        [c, source] => (c, source),
        [c, m, _source] => (c, m),
        [c] => (c, &Value::Undefined),
        _ => {
            return Err(RuntimeError::new(
                errors::BAD_ARGUMENT,
                "ASSERT needs a Boolean",
            ))
        }
    };
    match cond {
        Value::Bool(true) => Ok(Value::Bool(true)),
        Value::Bool(false) if cx.ext_mut::<AssertsOff>().0 => Ok(Value::Bool(false)),
        Value::Bool(false) => {
            let msg = match msg {
                Value::Undefined => "Assert failed".to_string(),
                m => format!("Assert failed: {}", to_text(m)),
            };
            Err(RuntimeError::new(errors::ASSERT_FAILED, msg))
        }
        v => Err(RuntimeError::new(
            errors::TYPE_MISMATCH,
            format!("ASSERT needs a Boolean, not {}", a_type_name(v)),
        )),
    }
}

fn set_assert_enabled(cx: &mut Interp, args: &[Value]) -> RtResult<Value> {
    // The `*` (all processes) form applies to this process too.
    let on = !matches!(args.first(), Some(Value::Bool(false)));
    cx.ext_mut::<AssertsOff>().0 = !on;
    Ok(Value::Undefined)
}

fn get_assert_enabled(cx: &mut Interp, _: &[Value]) -> RtResult<Value> {
    Ok(Value::Bool(!cx.ext_mut::<AssertsOff>().0))
}

/// `EXECUTE METHOD(name {; result | *}{; param…})`.
fn execute_method(cx: &mut Interp, args: &mut [Value]) -> R<Value> {
    let name = args.first().map(to_text).unwrap_or_default();
    let params = args.get(2..).map(<[Value]>::to_vec).unwrap_or_default();
    let r = cx.call_method_by_name(&name, params).map_err(Box::new)?;
    if let Some(slot) = args.get_mut(1) {
        if !crate::runtime::commands::is_star(slot) {
            *slot = r;
        }
    }
    Ok(Value::Undefined)
}

/// `RESOLVE POINTER(pointer; varName; tableNum; fieldNum)`: what a pointer
/// points to. For an array element, `tableNum` is the element number.
fn resolve_pointer(_: &mut Interp, args: &mut [Value]) -> R<Value> {
    use crate::value::PointerTarget as T;
    fn name_of(t: &T) -> (String, i32) {
        match t {
            T::Local { name, .. } => (format!("${name}"), 0),
            T::Process(n) => (n.to_string(), 0),
            T::Interprocess(n) => (format!("<>{n}"), 0),
            T::Element { array, index } => (name_of(array).0, *index as i32),
            _ => (String::new(), -1),
        }
    }
    let (name, n1) = match args.first() {
        Some(Value::Pointer(t)) => name_of(t),
        _ => (String::new(), -1),
    };
    let outs = [Value::text(name), Value::Int(n1), Value::Int(0)];
    for (slot, v) in args.iter_mut().skip(1).zip(outs) {
        *slot = v;
    }
    Ok(Value::Undefined)
}

/// The value of a catalog constant, by case-folded name.
pub fn constant(key: &str) -> Option<Value> {
    if let Some(v) = crate::runtime::commands::constant_value(key) {
        return Some(v);
    }
    let ints: &[(&str, i32)] = &[
        ("ek local", 0),
        ("ek global", 1),
        ("ek errors from components", 2),
    ];
    ints.iter()
        .find(|(n, _)| *n == key)
        .map(|(_, v)| Value::Int(*v))
}

// ==================================================== output-parameter commands

/// A command that writes some of its arguments: it gets every argument
/// (output ones hold their variable's current value) and changes them in place.
pub type OutFn = fn(&mut Interp, &mut [Value]) -> R<Value>;

/// Commands with output parameters: name, the argument positions that are
/// outputs (when written as a variable), and the function.
pub static OUT_COMMANDS: &[(&str, &[usize], OutFn)] = &[
    ("position", &[3], super::out_cmds::position),
    ("set blob size", &[0], super::out_cmds::set_blob_size),
    ("text to blob", &[1, 3], super::out_cmds::text_to_blob),
    ("blob to text", &[2], super::out_cmds::blob_to_text),
    (
        "convert from text",
        &[2],
        super::out_cmds::convert_from_text,
    ),
    ("base64 encode", &[0, 1], super::out_cmds::base64_encode),
    ("base64 decode", &[0, 1], super::out_cmds::base64_decode),
    ("ob set array", &[0], super::out_cmds::ob_set_array),
    ("ob get array", &[2], super::out_cmds::ob_get_array),
    (
        "ob get property names",
        &[1, 2],
        super::out_cmds::ob_get_property_names,
    ),
    ("json parse array", &[1], super::out_cmds::json_parse_array),
    (
        "get text keywords",
        &[1],
        super::out_cmds::get_text_keywords,
    ),
    ("count in array", &[], super::out_cmds::count_in_array),
    ("ob set null", &[0], super::out_cmds::ob_set_null),
    ("execute method", &[1], execute_method),
    ("resolve pointer", &[1, 2, 3], resolve_pointer),
    ("document to blob", &[1], super::documents::document_to_blob),
    (
        "find in sorted array",
        &[3, 4],
        super::out_cmds::find_in_sorted_array,
    ),
];

/// The entry of `OUT_COMMANDS` for a case-folded name.
pub fn out_command(key: &str) -> Option<(usize, &'static [usize])> {
    OUT_COMMANDS
        .iter()
        .position(|(n, _, _)| *n == key)
        .map(|i| (i, OUT_COMMANDS[i].1))
}

/// Whether an output argument was left as it was (cheap identity checks).
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Undefined, Value::Undefined) | (Value::Null, Value::Null) => true,
        (Value::Blob(x), Value::Blob(y)) => Arc::ptr_eq(x, y),
        (Value::Text(x), Value::Text(y)) => x.as_str() == y.as_str(),
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Object(x), Value::Object(y)) => x.ptr_eq(y),
        _ => false,
    }
}

// ==================================================================== arrays

fn array_default(k: ArrayKind) -> Value {
    match k {
        ArrayKind::Text => Value::text(""),
        ArrayKind::Integer | ArrayKind::Longint => Value::Int(0),
        ArrayKind::Real => Value::Real(0.0),
        ArrayKind::Boolean => Value::Bool(false),
        ArrayKind::Date => Value::Date(crate::value::Date::NULL),
        ArrayKind::Time => Value::Time(0),
        ArrayKind::Object | ArrayKind::Pointer | ArrayKind::Picture => Value::Null,
        ArrayKind::Blob => Value::Blob(Arc::new(Vec::new())),
    }
}

/// The array kind that holds values like `v`.
fn array_kind_of(v: &Value) -> ArrayKind {
    match v {
        Value::Text(_) => ArrayKind::Text,
        Value::Int(_) => ArrayKind::Longint,
        Value::Bool(_) => ArrayKind::Boolean,
        Value::Date(_) => ArrayKind::Date,
        Value::Time(_) => ArrayKind::Time,
        Value::Object(_) | Value::Null => ArrayKind::Object,
        Value::Pointer(_) => ArrayKind::Pointer,
        Value::Blob(_) => ArrayKind::Blob,
        _ => ArrayKind::Real,
    }
}

fn kind_vtype(k: ArrayKind) -> VType {
    match k {
        ArrayKind::Text => VType::Text,
        ArrayKind::Integer | ArrayKind::Longint => VType::Integer,
        ArrayKind::Real => VType::Real,
        ArrayKind::Boolean => VType::Boolean,
        ArrayKind::Date => VType::Date,
        ArrayKind::Time => VType::Time,
        ArrayKind::Object => VType::Object,
        ArrayKind::Pointer => VType::Pointer,
        ArrayKind::Picture => VType::Picture,
        ArrayKind::Blob => VType::Blob,
    }
}

/// Converts a value for an element of an array of kind `k`.
pub fn coerce_array_item(k: ArrayKind, v: Value) -> R<Value> {
    let v = ops::coerce(&kind_vtype(k), v)?;
    Ok(match (k, v) {
        (ArrayKind::Integer, Value::Int(i)) => Value::Int(i as i16 as i32),
        (_, v) => v,
    })
}

fn array_ref<'a>(v: &'a mut Value, cmd: &str) -> R<&'a mut Array> {
    match v {
        Value::Array(a) => Ok(a),
        other => Err(type_err(format!(
            "{cmd}: an array was expected, not {}",
            a_type_name(other)
        ))),
    }
}

impl Interp {
    fn num_arg(&mut self, args: &[Value], i: usize, default: f64) -> R<f64> {
        match args.get(i) {
            None => Ok(default),
            Some(v) => num(v)
                .ok_or_else(|| type_err(format!("A number was expected, not {}", a_type_name(v)))),
        }
    }

    /// The declared type of a place (for `Type`).
    fn declared_type(&self, p: &Place) -> Option<VType> {
        match p {
            Place::Local(s) => self.frames.last()?.method.slot_types[*s as usize].clone(),
            Place::Process(i) => self.proctypes.get(*i as usize).cloned().flatten(),
            _ => None,
        }
    }

    /// Commands the interpreter runs itself (they need places or context).
    pub(crate) fn special(
        &mut self,
        op: Special,
        args: &[super::ir::Ex],
        places: &[Place],
    ) -> R<Value> {
        let mut vals = Vec::with_capacity(args.len());
        for a in args {
            vals.push(self.eval(a)?);
        }
        let place = |i: usize| -> R<&Place> {
            places
                .get(i)
                .ok_or_else(|| err(errors::BAD_ARGUMENT, "A variable is missing"))
        };
        match op {
            Special::CountParameters => Ok(Value::Int(
                self.frames.last().map(|f| f.nargs as i32).unwrap_or(0),
            )),
            Special::CurrentMethodName => Ok(Value::text(self.current_method_name())),
            Special::Declare(tag) => {
                let t = tag.vtype();
                for p in places {
                    if let Place::Process(i) = p {
                        let i = *i as usize;
                        if self.procvars.len() <= i {
                            self.procvars.resize(i + 1, Value::Undefined);
                            self.proctypes.resize(i + 1, None);
                        }
                        self.proctypes[i] = Some(t.clone());
                        let cur = std::mem::take(&mut self.procvars[i]);
                        self.procvars[i] =
                            ops::coerce(&t, cur).unwrap_or_else(|_| super::compile::default_of(&t));
                    }
                }
                Ok(Value::Undefined)
            }
            Special::MakeArray(kind) => {
                let n = self.num_arg(&vals, 0, 0.0)?.max(0.0) as usize;
                let n2 = vals.get(1).map(|v| num(v).unwrap_or(0.0).max(0.0) as usize);
                let loc = self.resolve(place(0)?)?;
                let make = |n: usize| Array {
                    kind,
                    items: vec![array_default(kind); n + 1],
                };
                let cur = self.read_loc(&loc)?;
                let arr = match (cur, n2) {
                    (Value::Array(mut a), None) if a.kind == kind => {
                        a.items.resize(n + 1, array_default(kind));
                        a
                    }
                    (_, None) => Box::new(make(n)),
                    (_, Some(m)) => {
                        let mut a = make(n);
                        // Row 0 is an array too: real code fills `$a{0}{$j}`.
                        for it in a.items.iter_mut() {
                            *it = Value::Array(Box::new(make(m)));
                        }
                        Box::new(a)
                    }
                };
                self.write_raw(&loc, Value::Array(arr))?;
                Ok(Value::Undefined)
            }
            Special::SizeOfArray => {
                let loc = self.resolve(place(0)?)?;
                match self.read_loc(&loc)? {
                    Value::Array(a) => Ok(Value::Int(a.items.len() as i32 - 1)),
                    other => Err(type_err(format!(
                        "Size of array: an array was expected, not {}",
                        a_type_name(&other)
                    ))),
                }
            }
            Special::AppendToArray => {
                let loc = self.resolve(place(0)?)?;
                let v = vals.first().cloned().unwrap_or_default();
                // On a variable that is not an array yet, the array is created
                // with the value's type (docs/commands/ob-get.md, example 4).
                if let Value::Undefined = self.read_loc(&loc)? {
                    let kind = array_kind_of(&v);
                    let items = vec![array_default(kind)];
                    self.write_raw(&loc, Value::Array(Box::new(Array { kind, items })))?;
                }
                self.modify_array(&loc, "APPEND TO ARRAY", |a| {
                    let v = coerce_array_item(a.kind, v)?;
                    a.items.push(v);
                    Ok(())
                })?;
                Ok(Value::Undefined)
            }
            Special::InsertInArray | Special::DeleteFromArray => {
                let loc = self.resolve(place(0)?)?;
                let pos = self.num_arg(&vals, 0, 1.0)? as i64;
                let count = self.num_arg(&vals, 1, 1.0)?.max(0.0) as usize;
                let insert = op == Special::InsertInArray;
                self.modify_array(&loc, "array", |a| {
                    let len = a.items.len() as i64;
                    if pos < 1 {
                        return Ok(());
                    }
                    if insert {
                        let at = pos.min(len) as usize;
                        let d = array_default(a.kind);
                        a.items
                            .splice(at..at, std::iter::repeat_n(d, count.min(1 << 24)));
                    } else if pos < len {
                        let end = (pos as usize + count).min(a.items.len());
                        a.items.drain(pos as usize..end);
                    }
                    Ok(())
                })?;
                Ok(Value::Undefined)
            }
            Special::FindInArray => {
                let loc = self.resolve(place(0)?)?;
                let target = vals.first().cloned().unwrap_or_default();
                let start = self.num_arg(&vals, 1, 1.0)?.max(0.0) as usize;
                let arr = self.read_loc(&loc)?;
                let Value::Array(a) = arr else {
                    return Err(type_err("Find in array: an array was expected"));
                };
                for (i, it) in a.items.iter().enumerate().skip(start.max(1)) {
                    if ops::equals(it, &target)? {
                        return Ok(Value::Int(i as i32));
                    }
                }
                Ok(Value::Int(-1))
            }
            Special::SortArray => self.sort_arrays(places, &vals),
            Special::ArrayToCollection => self.array_to_collection(places, &vals),
            Special::CollectionToArray => self.collection_to_array(places, &vals),
            Special::Out(i, mask) => self.out_command(i as usize, mask, &vals, places),
            Special::CopyArray => {
                // COPY ARRAY(source; destination): the destination becomes a copy.
                let src = self.resolve(place(0)?)?;
                let v = self.read_loc(&src)?;
                if !matches!(v, Value::Array(_)) {
                    return Err(type_err(format!(
                        "COPY ARRAY: an array was expected, not {}",
                        a_type_name(&v)
                    )));
                }
                let dst = self.resolve(place(1)?)?;
                self.write_raw(&dst, v)?;
                Ok(Value::Undefined)
            }
            Special::OnErrCall => {
                let name = match vals.first() {
                    Some(Value::Text(t)) => t.to_string(),
                    _ => String::new(),
                };
                self.err_handler = if name.is_empty() { None } else { Some(name) };
                Ok(Value::Undefined)
            }
            Special::Undefined => Ok(Value::Bool(vals.first().is_none_or(|v| v.is_undefined()))),
            Special::Type => {
                let p = place(0)?;
                // A declared variable has its declared type, even before it
                // holds a value (`var $o : Object` → Is object).
                let declared = match self.declared_type(p) {
                    Some(VType::Variant) => Some(12),
                    Some(VType::Object | VType::Class(_)) => Some(38),
                    Some(VType::Collection) => Some(42),
                    Some(VType::Pointer) => Some(23),
                    Some(VType::Picture) => Some(3),
                    _ => None,
                };
                if let Some(code) = declared {
                    return Ok(Value::Int(code));
                }
                let loc = self.resolve(p)?;
                let v = self.read_loc(&loc)?;
                Ok(Value::Int(value_type(&v)))
            }
            Special::ObSet => {
                let loc = self.resolve(place(0)?)?;
                let o = match self.read_loc(&loc)? {
                    Value::Object(o) => o,
                    Value::Null | Value::Undefined => {
                        let o = ObjRef::new();
                        self.write_loc(&loc, Value::Object(o.clone()))?;
                        o
                    }
                    other => {
                        return Err(type_err(format!(
                            "OB SET: an object was expected, not {}",
                            a_type_name(&other)
                        )))
                    }
                };
                for pair in vals.chunks(2) {
                    let k = to_text(&pair[0]);
                    let v = pair.get(1).cloned().unwrap_or_default();
                    self.set_member(&o, &k, v)?;
                }
                Ok(Value::Undefined)
            }
            Special::ObRemove => {
                if let Some(Value::Object(o)) = vals.first() {
                    let _auto = crate::runtime::shared::auto_use(&o.0.sharing)?;
                    let k = vals.get(1).map(to_text).unwrap_or_default();
                    o.write().shift_remove(&k);
                }
                Ok(Value::Undefined)
            }
            Special::ClearVariable => {
                let p = place(0)?;
                let d = self
                    .declared_type(p)
                    .map(|t| super::compile::default_of(&t))
                    .unwrap_or_default();
                let loc = self.resolve(p)?;
                self.write_raw(&loc, d)?;
                Ok(Value::Undefined)
            }
            Special::Throw => self.throw(&vals),
            Special::IsNilPointer => Ok(Value::Bool(!matches!(
                vals.first(),
                Some(Value::Pointer(_))
            ))),
            Special::FormulaFromString => {
                let text = vals.first().map(to_text).unwrap_or_default();
                let prog = self.program.clone();
                let m = super::compile::compile_formula_text(&prog, &text)?;
                // A method name alone gets all the formula's parameters.
                let forward = prog.method_id(text.trim());
                Ok(class::new_formula(class::FormulaFn {
                    method: m,
                    captured: Vec::new(),
                    source: text,
                    forward,
                }))
            }
            Special::Execute => {
                let text = vals.first().map(to_text).unwrap_or_default();
                let prog = self.program.clone();
                let m = super::compile::compile_formula_text(&prog, &text)?;
                self.invoke(&m, Vec::new(), Value::Undefined)?;
                Ok(Value::Undefined)
            }
            Special::GetPointer => {
                let name = vals.first().map(to_text).unwrap_or_default();
                let name = name.trim();
                let t = match name.strip_prefix("<>") {
                    Some(n) => crate::value::PointerTarget::Interprocess(Arc::from(n)),
                    None => crate::value::PointerTarget::Process(Arc::from(
                        super::dispatch::fold(name).as_str(),
                    )),
                };
                Ok(Value::Pointer(Arc::new(t)))
            }
            Special::Super | Special::ErrorVar => Ok(Value::Undefined),
        }
    }

    /// Runs a command with output parameters: the places are read into the
    /// argument list, the command changes them, and they are written back.
    fn out_command(&mut self, i: usize, mask: u32, vals: &[Value], places: &[Place]) -> R<Value> {
        let Some(&(_, _, f)) = OUT_COMMANDS.get(i) else {
            return Err(err(errors::NOT_IMPLEMENTED, "unknown command"));
        };
        let n = vals.len() + places.len();
        let mut args = Vec::with_capacity(n);
        let mut locs = Vec::new();
        let (mut vi, mut pi) = (0, 0);
        for k in 0..n {
            if k < 32 && mask & (1 << k) != 0 {
                let loc = self.resolve(&places[pi])?;
                pi += 1;
                args.push(self.read_loc(&loc)?);
                locs.push((k, loc));
            } else {
                args.push(vals.get(vi).cloned().unwrap_or_default());
                vi += 1;
            }
        }
        let before: Vec<Value> = locs.iter().map(|(k, _)| args[*k].clone()).collect();
        let r = f(self, &mut args)?;
        for ((k, loc), old) in locs.iter().zip(before) {
            let new = std::mem::take(&mut args[*k]);
            if !same_value(&old, &new) {
                match new {
                    a @ Value::Array(_) => self.write_raw(loc, a)?,
                    v => self.write_loc(loc, v)?,
                }
            }
        }
        Ok(r)
    }

    /// Writes a whole variable, bypassing its declared type (arrays, CLEAR VARIABLE).
    fn write_raw(&mut self, loc: &Loc, v: Value) -> R<()> {
        match loc {
            Loc::Local(abs, _, _) => {
                self.stack[*abs] = v;
                Ok(())
            }
            Loc::Proc(i) => {
                let i = *i as usize;
                if self.procvars.len() <= i {
                    self.procvars.resize(i + 1, Value::Undefined);
                    self.proctypes.resize(i + 1, None);
                }
                self.procvars[i] = v;
                Ok(())
            }
            // A row of a 2-D array holds an array: replaced as is.
            Loc::ArrElem(..) if matches!(v, Value::Array(_) | Value::Undefined) => {
                self.with_var(loc, |slot| {
                    *slot = v;
                    Ok(())
                })
            }
            _ => self.write_loc(loc, v),
        }
    }

    fn modify_array(&mut self, loc: &Loc, cmd: &str, f: impl FnOnce(&mut Array) -> R<()>) -> R<()> {
        let mut v = self.read_loc(loc)?;
        // Take the array out of its variable so it is modified in place.
        self.write_raw(loc, Value::Undefined)?;
        let r = array_ref(&mut v, cmd).and_then(f);
        self.write_raw(loc, v)?;
        r
    }

    /// `throw`: an error raised now, or (`deferred: True`) when the current
    /// method returns.
    fn throw(&mut self, vals: &[Value]) -> R<Value> {
        let deferred = match vals.first() {
            Some(Value::Object(o)) => matches!(o.get("deferred"), Value::Bool(true)),
            _ => false,
        };
        let e = self.throw_error(vals);
        if deferred {
            let id = self.frames.last().map(|f| f.id).unwrap_or(0);
            self.deferred.push((id, *e));
            return Ok(Value::Undefined);
        }
        Err(e)
    }

    fn throw_error(&mut self, vals: &[Value]) -> Box<RuntimeError> {
        match vals.first() {
            Some(Value::Object(o)) => {
                // No errCode: -1 (docs/commands/throw.md).
                let code = match o.get("errCode") {
                    Value::Undefined | Value::Null => -1,
                    v => num(&v).unwrap_or(-1.0) as i32,
                };
                let signature = match o.get("componentSignature") {
                    Value::Text(c) if !c.is_empty() => errors::signature(c.as_str()),
                    _ => "host",
                };
                let mut msg = to_text(&o.get("message"));
                if msg.is_empty() {
                    msg = format!("Error code: {code} ({signature})");
                }
                // `{placeholders}` in the message take the object's properties.
                for (k, v) in o.read().iter() {
                    msg = msg.replace(&format!("{{{k}}}"), &to_text(v));
                }
                let mut e = RuntimeError::new(code, msg);
                e.component = signature;
                Box::new(e)
            }
            Some(v) if num(v).is_some() => {
                let code = num(v).unwrap_or(0.0) as i32;
                let msg = match vals.get(1).map(to_text) {
                    Some(m) if !m.is_empty() => m,
                    _ => format!("Error code: {code} (host)"),
                };
                let mut e = RuntimeError::new(code, msg);
                e.component = "host";
                Box::new(e)
            }
            None => match self.last_errors.first() {
                Some(e) => {
                    let mut e = e.clone();
                    e.location = None;
                    Box::new(e)
                }
                None => err(errors::USER, "throw"),
            },
            Some(v) => type_err(format!("throw: bad argument ({})", type_name(v))),
        }
    }

    fn sort_arrays(&mut self, places: &[Place], dirs: &[Value]) -> R<Value> {
        let descending = matches!(dirs.first(), Some(Value::Text(t)) if t.as_str() == "<");
        let mut locs = Vec::new();
        for p in places {
            locs.push(self.resolve(p)?);
        }
        let Some(first) = locs.first() else {
            return Ok(Value::Undefined);
        };
        let Value::Array(a) = self.read_loc(first)? else {
            return Err(type_err("SORT ARRAY: an array was expected"));
        };
        let mut order: Vec<usize> = (1..a.items.len()).collect();
        order.sort_by(|&x, &y| {
            let o = compare::sort_order(&a.items[x], &a.items[y]);
            if descending {
                o.reverse()
            } else {
                o
            }
        });
        for loc in &locs {
            self.modify_array(loc, "SORT ARRAY", |arr| {
                let old = arr.items.clone();
                for (dst, &src) in order.iter().enumerate() {
                    if let Some(v) = old.get(src) {
                        arr.items[dst + 1] = v.clone();
                    }
                }
                Ok(())
            })?;
        }
        Ok(Value::Undefined)
    }

    fn array_items(&mut self, p: &Place) -> R<Vec<Value>> {
        let loc = self.resolve(p)?;
        match self.read_loc(&loc)? {
            Value::Array(a) => Ok(a.items.into_iter().skip(1).collect()),
            other => Err(type_err(format!(
                "An array was expected, not {}",
                a_type_name(&other)
            ))),
        }
    }

    fn array_to_collection(&mut self, places: &[Place], vals: &[Value]) -> R<Value> {
        let Some(Value::Collection(c)) = vals.first() else {
            return Err(type_err("ARRAY TO COLLECTION: a collection was expected"));
        };
        let mut columns = Vec::new();
        for p in places {
            columns.push(self.array_items(p)?);
        }
        let names: Vec<String> = vals.iter().skip(1).map(to_text).collect();
        let n = columns.iter().map(Vec::len).max().unwrap_or(0);
        let items: Vec<Value> = if names.is_empty() {
            columns.into_iter().next().unwrap_or_default()
        } else {
            (0..n)
                .map(|i| {
                    let mut p = Props::default();
                    for (col, name) in columns.iter().zip(&names) {
                        p.insert(name.clone(), col.get(i).cloned().unwrap_or_default());
                    }
                    Value::Object(ObjRef::from_props(p))
                })
                .collect()
        };
        let _auto = crate::runtime::shared::auto_use(&c.0.sharing)?;
        let mut items = items;
        for v in items.iter_mut() {
            crate::runtime::shared::make_shareable(v, &c.0.sharing)?;
        }
        *c.write() = items;
        Ok(Value::Undefined)
    }

    fn collection_to_array(&mut self, places: &[Place], vals: &[Value]) -> R<Value> {
        let Some(Value::Collection(c)) = vals.first() else {
            return Err(type_err("COLLECTION TO ARRAY: a collection was expected"));
        };
        let items = c.read().clone();
        let names: Vec<String> = vals.iter().skip(1).map(to_text).collect();
        for (k, p) in places.iter().enumerate() {
            let loc = self.resolve(p)?;
            let kind = match self.read_loc(&loc)? {
                Value::Array(a) => a.kind,
                _ => return Err(type_err("COLLECTION TO ARRAY: an array was expected")),
            };
            let mut out = vec![array_default(kind)];
            for it in &items {
                let v = match names.get(k) {
                    Some(n) => match it {
                        Value::Object(o) => o.get(n),
                        _ => Value::Undefined,
                    },
                    None => it.clone(),
                };
                out.push(coerce_array_item(kind, v)?);
            }
            self.write_raw(&loc, Value::Array(Box::new(Array { kind, items: out })))?;
        }
        Ok(Value::Undefined)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_constants_resolve_by_folded_name() {
        assert!(matches!(constant("is real"), Some(Value::Int(1))));
        assert!(matches!(
            constant("into system standard outputs"),
            Some(Value::Int(6))
        ));
        assert!(constant("no such constant").is_none());
    }

    #[test]
    fn commands_value_type_codes() {
        assert_eq!(value_type(&Value::Real(1.0)), 1);
        assert_eq!(value_type(&Value::Undefined), 5);
        assert_eq!(value_type(&Value::Null), 255);
        assert_eq!(value_type(&Value::text("x")), 2);
    }
}
