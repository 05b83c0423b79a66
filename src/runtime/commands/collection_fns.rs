//! Collection member functions (docs/API/CollectionClass.md).
//!
//! Callbacks (`map`, `filter`, `sort`, …) get an object `$1` with `.value`
//! (and `.value2` for comparisons, `.accumulator` for `reduce`) plus the extra
//! parameters as `$2…`. A callback's result is its return value, or `$1.result`
//! when it returns nothing (the method style); `$1.stop` ends the loop.
//!
//! No collection lock is held while 4D code runs: the functions work on a
//! snapshot and write back. Functions that modify hold `auto_use` so a shared
//! collection is locked as 4D's internal `Use` would.

use super::{Host, ERR_ARG};
use crate::error::{RtResult, RuntimeError};
use crate::runtime::shared::{auto_use, copy_into_group, make_shareable};
use crate::value::compare::{as_number, equals, fold_char, sort_order};
use crate::value::format::to_text;
use crate::value::{CollRef, ObjRef, Props, SharedGroup, Sharing, Value};
use parking_lot::Mutex;
use std::cmp::Ordering;
use std::sync::Arc;

/// `ck …` option values (Objects and collections theme).
const CK_DESCENDING: i64 = 1;
const CK_SHARED: i64 = 2;
const CK_RESOLVE_POINTERS: i64 = 1;
const CK_IGNORE_NULL_OR_EMPTY: i64 = 4;
const CK_DIACRITICAL: i64 = 8;
const CK_COUNT_VALUES: i64 = 32;
const CK_KEEP_NULL: i64 = 32;

/// Nesting deeper than this (a cycle) is refused.
const MAX_DEPTH: usize = 512;

/// Largest collection `resize` will build (beyond, memory would run out).
const MAX_LEN: i64 = 1 << 28;

/// Calls the collection function `name` on `c`; `None` when there is no such function.
pub fn collection_method(
    c: &CollRef,
    name: &str,
    args: Vec<Value>,
    host: &mut dyn Host,
) -> Option<RtResult<Value>> {
    let a = &args[..];
    Some(match name {
        "at" => at(c, a),
        "average" => average(c, a),
        "clear" => modify(c, |v| {
            v.clear();
            Ok(())
        }),
        "combine" => combine(c, a),
        "concat" => Ok(concat(c, a)),
        "copy" => copy(c, a, host),
        "count" => count(c, a),
        "countValues" => count_values(c, a),
        "distinct" => distinct(c, a),
        "equal" => equal(c, a),
        "every" => some_every(c, a, host, false),
        "extract" => extract(c, a),
        "fill" => fill(c, a),
        "filter" => filter(c, a, host),
        "find" => find(c, a, host).map(|(_, v)| v),
        "findIndex" => find(c, a, host).map(|(i, _)| Value::Int(i)),
        "first" => Ok(c.read().first().cloned().unwrap_or_default()),
        "flat" => flat(c, a),
        "flatMap" => flat_map(c, a, host),
        "includes" => index_of(c, a, "includes").map(|i| Value::Bool(i >= 0)),
        "indexOf" => index_of(c, a, "indexOf").map(Value::Int),
        "indices" => query(c, a, true),
        "insert" => insert(c, a),
        "join" => join(c, a),
        "last" => Ok(c.read().last().cloned().unwrap_or_default()),
        "lastIndexOf" => last_index_of(c, a),
        "map" => map(c, a, host),
        "max" => min_max(c, a, true),
        "min" => min_max(c, a, false),
        "multiSort" => multi_sort(c, a, host),
        "orderBy" => order_by(c, a),
        "orderByMethod" => order_by_method(c, a, host),
        "pop" => pop(c),
        "push" => push(c, a),
        "query" => query(c, a, false),
        "reduce" => reduce(c, a, host, false),
        "reduceRight" => reduce(c, a, host, true),
        "remove" => remove(c, a),
        "resize" => resize(c, a),
        "reverse" => reverse(c),
        "shift" => shift(c),
        "slice" => slice(c, a),
        "some" => some_every(c, a, host, true),
        "sort" => sort(c, a, host),
        "sum" => sum(c, a),
        "unshift" => unshift(c, a),
        _ => return None,
    })
}

/// `.length` as a value.
pub fn length_of(c: &CollRef) -> Value {
    Value::Int(c.len() as i32)
}

// ---------------------------------------------------------------- helpers

fn err(msg: impl Into<String>) -> RuntimeError {
    RuntimeError::new(ERR_ARG, msg.into())
}

fn num_arg(a: &[Value], i: usize, f: &str) -> RtResult<Option<i64>> {
    match a.get(i) {
        None | Some(Value::Undefined) => Ok(None),
        Some(v) => match as_number(v) {
            Some(x) if x.is_finite() => Ok(Some(x.trunc() as i64)),
            Some(_) => Ok(Some(0)),
            None => Err(err(format!(".{f}(): parameter {} must be a number", i + 1))),
        },
    }
}

fn text_arg(a: &[Value], i: usize, f: &str) -> RtResult<Option<String>> {
    match a.get(i) {
        None | Some(Value::Undefined) => Ok(None),
        Some(Value::Text(t)) => Ok(Some(t.to_string())),
        Some(_) => Err(err(format!(".{f}(): parameter {} must be a text", i + 1))),
    }
}

/// Modifies the collection under its automatic `Use`, then returns it.
fn modify(c: &CollRef, f: impl FnOnce(&mut Vec<Value>) -> RtResult<()>) -> RtResult<Value> {
    let _guard = auto_use(&c.0.sharing)?;
    f(&mut c.write())?;
    Ok(Value::Collection(c.clone()))
}

fn snapshot(c: &CollRef) -> Vec<Value> {
    c.read().clone()
}

/// The lock group of a shared collection.
fn group_of(sharing: &Sharing) -> Option<Arc<SharedGroup>> {
    match sharing {
        Sharing::None => None,
        Sharing::Group(g) => Some(g.lock().clone()),
        Sharing::Root(g) => Some(g.clone()),
    }
}

/// A collection holding `items` that is shared (in `c`'s group) when `c` is:
/// for the shallow copies `filter`, `slice`, `orderBy`… return.
fn like(c: &CollRef, items: Vec<Value>) -> Value {
    let sharing = match group_of(&c.0.sharing) {
        Some(g) => {
            // The group now has several members: it may no longer move as a whole.
            g.joined.store(true, std::sync::atomic::Ordering::Release);
            Sharing::Group(Mutex::new(g))
        }
        None => Sharing::None,
    };
    Value::Collection(CollRef::with(items, sharing))
}

fn plain(items: Vec<Value>) -> Value {
    Value::Collection(CollRef::new(items))
}

/// Resolves a start index the 4D way: negative counts from the end, then clamps to 0.
fn from_start(start: i64, len: usize) -> usize {
    let s = if start < 0 { start + len as i64 } else { start };
    s.max(0) as usize
}

/// The value at a dotted property path (`"a.b"`); Undefined when any step is missing.
pub fn get_path(v: &Value, path: &str) -> Value {
    let mut cur = v.clone();
    for part in path.split('.') {
        cur = match &cur {
            Value::Object(o) => o.get(part),
            _ => return Value::Undefined,
        };
    }
    cur
}

/// Sets a dotted path in an object, creating intermediate objects.
fn set_path(o: &ObjRef, path: &str, v: Value) {
    let mut cur = o.clone();
    let parts: Vec<&str> = path.split('.').collect();
    for (i, part) in parts.iter().enumerate() {
        if i + 1 == parts.len() {
            cur.write().insert(part.to_string(), v);
            return;
        }
        let next = match cur.get(part) {
            Value::Object(n) => n,
            _ => {
                let n = ObjRef::new();
                cur.write()
                    .insert(part.to_string(), Value::Object(n.clone()));
                n
            }
        };
        cur = next;
    }
}

/// A deep copy: objects and collections are duplicated, plain (not shared).
/// A circular structure fails with the shared module's error.
pub fn deep_copy(v: &Value) -> RtResult<Value> {
    crate::runtime::shared::copy(v, false)
}

/// Calls a callback with `$1` = `param` and the extra parameters; returns the
/// result (return value, else `$1.result`) and whether `$1.stop` was set.
fn call(
    host: &mut dyn Host,
    f: &Value,
    param: &ObjRef,
    extra: &[Value],
) -> RtResult<(Value, bool)> {
    let mut args = Vec::with_capacity(extra.len() + 1);
    args.push(Value::Object(param.clone()));
    args.extend(extra.iter().cloned());
    let ret = host.call_function(f, None, args)?;
    let result = if ret.is_undefined() {
        param.get("result")
    } else {
        ret
    };
    let stop = matches!(param.get("stop"), Value::Bool(true));
    Ok((result, stop))
}

fn param_with(pairs: &[(&str, Value)]) -> ObjRef {
    let mut p = Props::default();
    for (k, v) in pairs {
        p.insert(k.to_string(), v.clone());
    }
    ObjRef::from_props(p)
}

fn is_true(v: &Value) -> bool {
    matches!(v, Value::Bool(true))
}

/// Splits `({startFrom;} formula {; param…})`.
fn start_and_formula<'a>(
    a: &'a [Value],
    f: &str,
) -> RtResult<(Option<i64>, &'a Value, &'a [Value])> {
    match a.first() {
        Some(v) if as_number(v).is_some() => match a.get(1) {
            Some(formula) => Ok((num_arg(a, 0, f)?, formula, &a[2..])),
            None => Err(err(format!(".{f}(): a formula is expected"))),
        },
        Some(formula) => Ok((None, formula, &a[1..])),
        None => Err(err(format!(".{f}(): a formula is expected"))),
    }
}

fn formula_arg<'a>(a: &'a [Value], f: &str) -> RtResult<(&'a Value, &'a [Value])> {
    match a.first() {
        Some(formula) => Ok((formula, &a[1..])),
        None => Err(err(format!(".{f}(): a formula is expected"))),
    }
}

/// A stable merge sort with a fallible "less than" (user comparators may be
/// inconsistent or fail; this never panics).
fn merge_sort(
    items: Vec<Value>,
    less: &mut dyn FnMut(&Value, &Value) -> RtResult<bool>,
) -> RtResult<Vec<Value>> {
    if items.len() <= 1 {
        return Ok(items);
    }
    let mut items = items;
    let right = items.split_off(items.len() / 2);
    let left = merge_sort(items, less)?;
    let right = merge_sort(right, less)?;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut l, mut r) = (left.into_iter().peekable(), right.into_iter().peekable());
    while let (Some(x), Some(y)) = (l.peek(), r.peek()) {
        if less(y, x)? {
            out.extend(r.next());
        } else {
            out.extend(l.next());
        }
    }
    out.extend(l);
    out.extend(r);
    Ok(out)
}

// ---------------------------------------------------------------- modifying

fn push(c: &CollRef, a: &[Value]) -> RtResult<Value> {
    let vals = store_all(c, a)?;
    modify(c, |v| {
        v.extend(vals);
        Ok(())
    })
}

fn undefined_to_null(v: &Value) -> Value {
    if v.is_undefined() {
        Value::Null
    } else {
        v.clone()
    }
}

/// A value as it goes into `c`: undefined becomes null, and for a shared
/// collection the shared rules apply (numbers → Real, objects join the group…).
fn store(c: &CollRef, v: &Value) -> RtResult<Value> {
    let mut v = undefined_to_null(v);
    make_shareable(&mut v, &c.0.sharing)?;
    Ok(v)
}

fn store_all(c: &CollRef, vals: &[Value]) -> RtResult<Vec<Value>> {
    vals.iter().map(|v| store(c, v)).collect()
}

fn pop(c: &CollRef) -> RtResult<Value> {
    let _guard = auto_use(&c.0.sharing)?;
    Ok(c.write().pop().unwrap_or_default())
}

fn shift(c: &CollRef) -> RtResult<Value> {
    let _guard = auto_use(&c.0.sharing)?;
    let mut v = c.write();
    Ok(if v.is_empty() {
        Value::Undefined
    } else {
        v.remove(0)
    })
}

fn unshift(c: &CollRef, a: &[Value]) -> RtResult<Value> {
    let vals = store_all(c, a)?;
    modify(c, |v| {
        v.splice(0..0, vals);
        Ok(())
    })
}

fn insert(c: &CollRef, a: &[Value]) -> RtResult<Value> {
    let index = num_arg(a, 0, "insert")?.ok_or_else(|| err(".insert(): index expected"))?;
    let el = store(c, a.get(1).unwrap_or(&Value::Null))?;
    modify(c, |v| {
        let i = from_start(index, v.len()).min(v.len());
        v.insert(i, el);
        Ok(())
    })
}

fn remove(c: &CollRef, a: &[Value]) -> RtResult<Value> {
    let index = num_arg(a, 0, "remove")?.ok_or_else(|| err(".remove(): index expected"))?;
    let how_many = num_arg(a, 1, "remove")?.unwrap_or(1).max(0) as usize;
    modify(c, |v| {
        let i = from_start(index, v.len()).min(v.len());
        let end = i.saturating_add(how_many).min(v.len());
        v.drain(i..end);
        Ok(())
    })
}

fn combine(c: &CollRef, a: &[Value]) -> RtResult<Value> {
    let items = match a.first() {
        Some(Value::Collection(c2)) => store_all(c, &snapshot(c2))?,
        _ => return Err(err(".combine(): a collection is expected")),
    };
    let index = num_arg(a, 1, "combine")?;
    modify(c, |v| {
        let i = index.map_or(v.len(), |x| from_start(x, v.len()).min(v.len()));
        v.splice(i..i, items);
        Ok(())
    })
}

fn fill(c: &CollRef, a: &[Value]) -> RtResult<Value> {
    let value = store(c, a.first().unwrap_or(&Value::Null))?;
    let start = num_arg(a, 1, "fill")?.unwrap_or(0);
    let end = num_arg(a, 2, "fill")?;
    modify(c, |v| {
        let len = v.len();
        let s = from_start(start, len);
        let e = match end {
            None => len,
            Some(e) if e < 0 => (e + len as i64).max(0) as usize,
            Some(e) => (e as usize).min(len),
        };
        for slot in v.iter_mut().take(e).skip(s) {
            *slot = value.clone();
        }
        Ok(())
    })
}

fn resize(c: &CollRef, a: &[Value]) -> RtResult<Value> {
    let size = num_arg(a, 0, "resize")?.ok_or_else(|| err(".resize(): size expected"))?;
    if size > MAX_LEN {
        return Err(err(format!(".resize(): {size} elements is too many")));
    }
    let default = store(c, a.get(1).unwrap_or(&Value::Null))?;
    modify(c, |v| {
        v.resize(size.max(0) as usize, default);
        Ok(())
    })
}

fn sort(c: &CollRef, a: &[Value], host: &mut dyn Host) -> RtResult<Value> {
    let items = snapshot(c);
    let sorted = match a.first() {
        None => {
            let mut items = items;
            items.sort_by(sort_order);
            items
        }
        Some(f) => {
            let extra = &a[1..];
            merge_sort(items, &mut |x, y| {
                let p = param_with(&[("value", x.clone()), ("value2", y.clone())]);
                Ok(is_true(&call(host, f, &p, extra)?.0))
            })?
        }
    };
    modify(c, |v| {
        *v = sorted;
        Ok(())
    })
}

// ---------------------------------------------------------------- reading

fn at(c: &CollRef, a: &[Value]) -> RtResult<Value> {
    let i = num_arg(a, 0, "at")?.unwrap_or(0);
    let v = c.read();
    let idx = if i < 0 { i + v.len() as i64 } else { i };
    Ok(if idx < 0 {
        Value::Undefined
    } else {
        v.get(idx as usize).cloned().unwrap_or_default()
    })
}

/// Values at `path` (or the elements themselves when no path).
fn values_at(c: &CollRef, path: Option<&str>) -> Vec<Value> {
    let items = snapshot(c);
    match path {
        None => items,
        Some(p) => items.iter().map(|v| get_path(v, p)).collect(),
    }
}

fn numbers(c: &CollRef, a: &[Value], f: &str) -> RtResult<Vec<f64>> {
    let path = text_arg(a, 0, f)?;
    Ok(values_at(c, path.as_deref())
        .iter()
        .filter_map(|v| match v {
            Value::Int(_) | Value::Real(_) | Value::Time(_) => as_number(v),
            _ => None,
        })
        .collect())
}

fn sum(c: &CollRef, a: &[Value]) -> RtResult<Value> {
    Ok(Value::Real(numbers(c, a, "sum")?.iter().sum()))
}

fn average(c: &CollRef, a: &[Value]) -> RtResult<Value> {
    let n = numbers(c, a, "average")?;
    Ok(if n.is_empty() {
        Value::Undefined
    } else {
        Value::Real(n.iter().sum::<f64>() / n.len() as f64)
    })
}

fn min_max(c: &CollRef, a: &[Value], max: bool) -> RtResult<Value> {
    let path = text_arg(a, 0, if max { "max" } else { "min" })?;
    let vals = values_at(c, path.as_deref());
    let it = vals.into_iter().filter(|v| !v.is_nullish());
    Ok(if max {
        it.max_by(sort_order)
    } else {
        it.min_by(sort_order)
    }
    .unwrap_or_default())
}

fn count(c: &CollRef, a: &[Value]) -> RtResult<Value> {
    let path = text_arg(a, 0, "count")?;
    let n = values_at(c, path.as_deref())
        .iter()
        .filter(|v| !v.is_nullish())
        .count();
    Ok(Value::Real(n as f64))
}

fn count_values(c: &CollRef, a: &[Value]) -> RtResult<Value> {
    let target = a.first().cloned().unwrap_or_default();
    let path = text_arg(a, 1, "countValues")?;
    let mut n = 0;
    for v in values_at(c, path.as_deref()) {
        if same_type_family(&v, &target) && equals(&v, &target)? {
            n += 1;
        }
    }
    Ok(Value::Real(n as f64))
}

/// "The type of value must be equivalent to the type of the element".
fn same_type_family(a: &Value, b: &Value) -> bool {
    let fam = |v: &Value| match v {
        Value::Int(_) | Value::Real(_) => 1,
        Value::Undefined | Value::Null => 0,
        Value::Text(_) => 2,
        Value::Bool(_) => 3,
        Value::Date(_) => 4,
        Value::Time(_) => 5,
        Value::Object(_) => 6,
        Value::Collection(_) => 7,
        _ => 8,
    };
    fam(a) == fam(b)
}

fn index_of(c: &CollRef, a: &[Value], f: &str) -> RtResult<i32> {
    let target = a.first().cloned().unwrap_or_default();
    let items = snapshot(c);
    let start = from_start(num_arg(a, 1, f)?.unwrap_or(0), items.len());
    for (i, v) in items.iter().enumerate().skip(start) {
        if same_type_family(v, &target) && equals(v, &target)? {
            return Ok(i as i32);
        }
    }
    Ok(-1)
}

fn last_index_of(c: &CollRef, a: &[Value]) -> RtResult<Value> {
    let target = a.first().cloned().unwrap_or_default();
    let items = snapshot(c);
    let len = items.len() as i64;
    let start = match num_arg(a, 1, "lastIndexOf")? {
        None => len - 1,
        Some(0) => return Ok(Value::Int(-1)),
        Some(s) if s < 0 => s + len,
        Some(s) => s.min(len - 1),
    };
    let mut i = start;
    while i >= 0 {
        let v = &items[i as usize];
        if same_type_family(v, &target) && equals(v, &target)? {
            return Ok(Value::Int(i as i32));
        }
        i -= 1;
    }
    Ok(Value::Int(-1))
}

fn join(c: &CollRef, a: &[Value]) -> RtResult<Value> {
    let delim = text_arg(a, 0, "join")?.unwrap_or_default();
    let opts = num_arg(a, 1, "join")?.unwrap_or(0);
    let parts: Vec<String> = snapshot(c)
        .iter()
        .filter(|v| {
            opts & CK_IGNORE_NULL_OR_EMPTY == 0
                || !(v.is_nullish() || matches!(v, Value::Text(t) if t.is_empty()))
        })
        .map(|v| match v {
            Value::Null | Value::Undefined => "null".to_string(),
            other => to_text(other),
        })
        .collect();
    Ok(Value::text(parts.join(&delim)))
}

fn slice(c: &CollRef, a: &[Value]) -> RtResult<Value> {
    let items = snapshot(c);
    let len = items.len();
    let s = from_start(num_arg(a, 0, "slice")?.unwrap_or(0), len).min(len);
    let e = match num_arg(a, 1, "slice")? {
        None => len,
        Some(e) if e < 0 => (e + len as i64).max(0) as usize,
        Some(e) => (e as usize).min(len),
    };
    Ok(like(
        c,
        if e > s {
            items[s..e].to_vec()
        } else {
            Vec::new()
        },
    ))
}

fn concat(c: &CollRef, a: &[Value]) -> Value {
    let mut items = snapshot(c);
    for v in a {
        match v {
            Value::Collection(c2) => items.extend(snapshot(c2)),
            other => items.push(undefined_to_null(other)),
        }
    }
    plain(items)
}

fn copy(c: &CollRef, a: &[Value], host: &mut dyn Host) -> RtResult<Value> {
    let opts = num_arg(a, 0, "copy")?.unwrap_or(0);
    let me = Value::Collection(c.clone());
    if opts & CK_SHARED == 0 {
        let copied = deep_copy(&me)?;
        if opts & CK_RESOLVE_POINTERS != 0 {
            resolve_pointers(&copied, host, 0)?;
        }
        return Ok(copied);
    }
    match a.get(1) {
        Some(g @ (Value::Collection(_) | Value::Object(_))) => copy_into_group(&me, g),
        _ => crate::runtime::shared::copy(&me, true),
    }
}

/// Replaces, inside a fresh (unshared) copy, every pointer by the value it
/// points to (`ck resolve pointers`).
pub fn resolve_pointers(v: &Value, host: &mut dyn Host, depth: usize) -> RtResult<()> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    match v {
        Value::Collection(c) => {
            let n = c.len();
            for i in 0..n {
                let item = c.get(i);
                match item {
                    Value::Pointer(_) => {
                        let r = host.deref_pointer(&item)?;
                        if let Some(slot) = c.write().get_mut(i) {
                            *slot = r;
                        }
                    }
                    other => resolve_pointers(&other, host, depth + 1)?,
                }
            }
        }
        Value::Object(o) => {
            let entries: Vec<(String, Value)> = o
                .read()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            for (k, item) in entries {
                match item {
                    Value::Pointer(_) => {
                        let r = host.deref_pointer(&item)?;
                        o.write().insert(k, r);
                    }
                    other => resolve_pointers(&other, host, depth + 1)?,
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// A reversed deep copy (docs: "returns a deep copy"), shared when `c` is.
fn reverse(c: &CollRef) -> RtResult<Value> {
    let copied = crate::runtime::shared::copy(&Value::Collection(c.clone()), c.is_shared())?;
    if let Value::Collection(r) = &copied {
        r.write().reverse();
    }
    Ok(copied)
}

fn flatten_into(out: &mut Vec<Value>, items: Vec<Value>, depth: i64) {
    for v in items {
        match v {
            Value::Collection(sub) if depth > 0 => flatten_into(out, snapshot(&sub), depth - 1),
            other => out.push(other),
        }
    }
}

fn flat(c: &CollRef, a: &[Value]) -> RtResult<Value> {
    let depth = num_arg(a, 0, "flat")?.unwrap_or(1).min(MAX_DEPTH as i64);
    let mut out = Vec::new();
    flatten_into(&mut out, snapshot(c), depth);
    Ok(plain(out))
}

fn extract(c: &CollRef, a: &[Value]) -> RtResult<Value> {
    let path =
        text_arg(a, 0, "extract")?.ok_or_else(|| err(".extract(): a property path is expected"))?;
    let items = snapshot(c);
    if let Some(Value::Text(_)) = a.get(1) {
        // extract(path; target {; path2; target2 …}): objects with renamed properties.
        let mut pairs = Vec::new();
        for pair in a.chunks(2) {
            match pair {
                [Value::Text(p), Value::Text(t)] => pairs.push((p.to_string(), t.to_string())),
                _ => return Err(err(".extract(): property paths and targets must be texts")),
            }
        }
        // An element with none of the paths gives no object (docs example 2:
        // `{zc:35060}` is absent from `extract("name";"City")`).
        let out = items
            .iter()
            .filter_map(|v| {
                let o = ObjRef::new();
                let mut found = false;
                for (p, t) in &pairs {
                    if let Value::Object(src) = v {
                        if let Some(x) = lookup_path(src, p) {
                            set_path(&o, t, x);
                            found = true;
                        }
                    }
                }
                found.then_some(Value::Object(o))
            })
            .collect();
        return Ok(plain(out));
    }
    let keep_null = num_arg(a, 1, "extract")?.unwrap_or(0) & CK_KEEP_NULL != 0;
    let out = items
        .iter()
        .map(|v| get_path(v, &path))
        .filter_map(|v| {
            if v.is_nullish() {
                keep_null.then_some(Value::Null)
            } else {
                Some(v)
            }
        })
        .collect();
    Ok(plain(out))
}

/// A property's value when the path exists (null included), for `extract`.
fn lookup_path(o: &ObjRef, path: &str) -> Option<Value> {
    let (head, rest) = match path.split_once('.') {
        Some((h, r)) => (h, Some(r)),
        None => (path, None),
    };
    let v = o.read().get(head).cloned()?;
    match (rest, v) {
        (None, v) => Some(v),
        (Some(r), Value::Object(sub)) => lookup_path(&sub, r),
        _ => None,
    }
}

fn distinct(c: &CollRef, a: &[Value]) -> RtResult<Value> {
    let (path, opts) = match a.first() {
        Some(Value::Text(p)) => (Some(p.to_string()), num_arg(a, 1, "distinct")?.unwrap_or(0)),
        _ => (None, num_arg(a, 0, "distinct")?.unwrap_or(0)),
    };
    let diacritical = opts & CK_DIACRITICAL != 0;
    let mut found: Vec<(Value, usize)> = Vec::new();
    for v in values_at(c, path.as_deref()) {
        if v.is_nullish() {
            continue;
        }
        let mut hit = None;
        for (i, (f, _)) in found.iter().enumerate() {
            if same_value(f, &v, diacritical) {
                hit = Some(i);
                break;
            }
        }
        match hit {
            Some(i) => found[i].1 += 1,
            None => found.push((v, 1)),
        }
    }
    found.sort_by(|x, y| sort_order(&x.0, &y.0));
    let out = if opts & CK_COUNT_VALUES != 0 {
        found
            .into_iter()
            .map(|(v, n)| {
                Value::Object(param_with(&[
                    ("value", v),
                    ("count", Value::Real(n as f64)),
                ]))
            })
            .collect()
    } else {
        found.into_iter().map(|(v, _)| v).collect()
    };
    Ok(plain(out))
}

/// Scalar equality without wildcards; text ignores case and accents unless `diacritical`.
fn same_value(a: &Value, b: &Value, diacritical: bool) -> bool {
    match (a, b) {
        (Value::Text(x), Value::Text(y)) => {
            if diacritical {
                x == y
            } else {
                x.chars().map(fold_char).eq(y.chars().map(fold_char))
            }
        }
        (Value::Text(_), _) | (_, Value::Text(_)) => false,
        _ => equals(a, b).unwrap_or(false),
    }
}

/// Deep equality for `.equal()`: same shape, same keys, equal scalars.
fn deep_equal(a: &Value, b: &Value, diacritical: bool, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    match (a, b) {
        (Value::Undefined, Value::Undefined) | (Value::Null, Value::Null) => true,
        (Value::Undefined, _) | (_, Value::Undefined) | (Value::Null, _) | (_, Value::Null) => {
            false
        }
        (Value::Object(x), Value::Object(y)) => {
            if x.ptr_eq(y) {
                return true;
            }
            let (px, py) = (x.read().clone(), y.read().clone());
            px.len() == py.len()
                && px.iter().all(|(k, v)| match py.get(k) {
                    Some(w) => deep_equal(v, w, diacritical, depth + 1),
                    None => false,
                })
        }
        (Value::Collection(x), Value::Collection(y)) => {
            if x.ptr_eq(y) {
                return true;
            }
            let (ix, iy) = (snapshot(x), snapshot(y));
            ix.len() == iy.len()
                && ix
                    .iter()
                    .zip(&iy)
                    .all(|(v, w)| deep_equal(v, w, diacritical, depth + 1))
        }
        _ => same_type_family(a, b) && same_value(a, b, diacritical),
    }
}

fn equal(c: &CollRef, a: &[Value]) -> RtResult<Value> {
    let other = match a.first() {
        Some(v @ Value::Collection(_)) => v.clone(),
        Some(Value::Undefined) | Some(Value::Null) => return Ok(Value::Bool(false)),
        _ => return Err(err(".equal(): a collection is expected")),
    };
    let diacritical = num_arg(a, 1, "equal")?.unwrap_or(0) & CK_DIACRITICAL != 0;
    Ok(Value::Bool(deep_equal(
        &Value::Collection(c.clone()),
        &other,
        diacritical,
        0,
    )))
}

// ---------------------------------------------------------------- ordering

/// One `orderBy` criterion: a property path (None = the element) and direction.
struct Criterion {
    path: Option<String>,
    descending: bool,
}

fn parse_criteria(a: &[Value]) -> RtResult<Vec<Criterion>> {
    match a.first() {
        None | Some(Value::Undefined) => Ok(vec![Criterion {
            path: None,
            descending: false,
        }]),
        Some(Value::Text(t)) => {
            let mut out = Vec::new();
            for part in t.split(',') {
                let mut words = part.split_whitespace();
                let Some(path) = words.next() else { continue };
                let descending = match words.next().map(|w| w.to_ascii_lowercase()) {
                    None => false,
                    Some(w) if w == "asc" => false,
                    Some(w) if w == "desc" => true,
                    Some(w) => return Err(err(format!(".orderBy(): unknown sort order \"{w}\""))),
                };
                out.push(Criterion {
                    path: Some(path.to_string()),
                    descending,
                });
            }
            Ok(out)
        }
        Some(Value::Collection(crit)) => snapshot(crit)
            .iter()
            .map(|o| match o {
                Value::Object(o) => match o.get("propertyPath") {
                    Value::Text(p) => Ok(Criterion {
                        path: Some(p.to_string()),
                        descending: is_true(&o.get("descending")),
                    }),
                    _ => Err(err(".orderBy(): each criterion needs a propertyPath")),
                },
                _ => Err(err(".orderBy(): criteria must be objects")),
            })
            .collect(),
        Some(v) => match as_number(v) {
            Some(x) => Ok(vec![Criterion {
                path: None,
                descending: x as i64 == CK_DESCENDING,
            }]),
            None => Err(err(".orderBy(): invalid criteria")),
        },
    }
}

fn order_by(c: &CollRef, a: &[Value]) -> RtResult<Value> {
    let criteria = parse_criteria(a)?;
    let mut items = snapshot(c);
    items.sort_by(|x, y| {
        for cr in &criteria {
            let (vx, vy) = match &cr.path {
                Some(p) => (get_path(x, p), get_path(y, p)),
                None => (x.clone(), y.clone()),
            };
            let o = sort_order(&vx, &vy);
            let o = if cr.descending { o.reverse() } else { o };
            if o != Ordering::Equal {
                return o;
            }
        }
        Ordering::Equal
    });
    Ok(like(c, items))
}

fn order_by_method(c: &CollRef, a: &[Value], host: &mut dyn Host) -> RtResult<Value> {
    let (f, extra) = formula_arg(a, "orderByMethod")?;
    let sorted = merge_sort(snapshot(c), &mut |x, y| {
        let p = param_with(&[("value", x.clone()), ("value2", y.clone())]);
        Ok(is_true(&call(host, f, &p, extra)?.0))
    })?;
    Ok(like(c, sorted))
}

/// A stable merge sort of indices with a fallible three-way comparison.
fn merge_sort_idx(
    items: Vec<usize>,
    cmp: &mut dyn FnMut(usize, usize) -> RtResult<Ordering>,
) -> RtResult<Vec<usize>> {
    if items.len() <= 1 {
        return Ok(items);
    }
    let mut items = items;
    let right = items.split_off(items.len() / 2);
    let left = merge_sort_idx(items, cmp)?;
    let right = merge_sort_idx(right, cmp)?;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut l, mut r) = (left.into_iter().peekable(), right.into_iter().peekable());
    while let (Some(&x), Some(&y)) = (l.peek(), r.peek()) {
        if cmp(y, x)? == Ordering::Less {
            out.extend(r.next());
        } else {
            out.extend(l.next());
        }
    }
    out.extend(l);
    out.extend(r);
    Ok(out)
}

/// `.multiSort({formula;} {colsToSort})`: sorts this collection (ascending,
/// or by the formula) and reorders every collection of `colsToSort` the same
/// way. Each of those is also a further sort level, ascending unless given as
/// `{collection; order: ck descending}` (this matches the documented results).
fn multi_sort(c: &CollRef, a: &[Value], host: &mut dyn Host) -> RtResult<Value> {
    let (formula, cols_arg, extra) = match a {
        [] => (None, None, &a[0..0]),
        [Value::Collection(cols), ..] => (None, Some(cols), &a[1..]),
        [f, Value::Collection(cols), rest @ ..] => (Some(f), Some(cols), rest),
        _ => {
            return Err(err(
                ".multiSort(): expects a formula and/or a collection of collections",
            ))
        }
    };
    // (collection, descending) for each synchronized collection.
    let mut levels: Vec<(CollRef, bool)> = Vec::new();
    if let Some(cols) = cols_arg {
        for v in snapshot(cols) {
            match v {
                Value::Collection(x) => levels.push((x, false)),
                Value::Object(o) => match o.get("collection") {
                    Value::Collection(x) => {
                        let desc =
                            as_number(&o.get("order")).is_some_and(|n| n as i64 == CK_DESCENDING);
                        levels.push((x, desc))
                    }
                    _ => return Err(err(".multiSort(): each object needs a collection property")),
                },
                _ => {
                    return Err(err(
                        ".multiSort(): colsToSort must hold collections or objects",
                    ))
                }
            }
        }
    }
    let main = snapshot(c);
    let data: Vec<Vec<Value>> = levels.iter().map(|(x, _)| snapshot(x)).collect();
    if data.iter().any(|d| d.len() != main.len()) {
        return Err(err(
            ".multiSort(): all collections must have the same number of elements",
        ));
    }
    let order = merge_sort_idx((0..main.len()).collect(), &mut |i, j| {
        let first = match formula {
            Some(f) => {
                let less = |x: &Value, y: &Value, host: &mut dyn Host| -> RtResult<bool> {
                    let p = param_with(&[("value", x.clone()), ("value2", y.clone())]);
                    Ok(is_true(&call(host, f, &p, extra)?.0))
                };
                if less(&main[i], &main[j], host)? {
                    Ordering::Less
                } else if less(&main[j], &main[i], host)? {
                    Ordering::Greater
                } else {
                    Ordering::Equal
                }
            }
            None => sort_order(&main[i], &main[j]),
        };
        if first != Ordering::Equal {
            return Ok(first);
        }
        for (k, d) in data.iter().enumerate() {
            let o = sort_order(&d[i], &d[j]);
            let o = if levels[k].1 { o.reverse() } else { o };
            if o != Ordering::Equal {
                return Ok(o);
            }
        }
        Ok(Ordering::Equal)
    })?;
    let permute = |items: &[Value]| order.iter().map(|&i| items[i].clone()).collect::<Vec<_>>();
    for ((x, _), d) in levels.iter().zip(&data) {
        let sorted = permute(d);
        let _guard = auto_use(&x.0.sharing)?;
        *x.write() = sorted;
    }
    let sorted = permute(&main);
    modify(c, |v| {
        *v = sorted;
        Ok(())
    })
}

// ---------------------------------------------------------------- callbacks

fn map(c: &CollRef, a: &[Value], host: &mut dyn Host) -> RtResult<Value> {
    let (f, extra) = formula_arg(a, "map")?;
    let mut out = Vec::new();
    for v in snapshot(c) {
        let p = param_with(&[("value", v)]);
        let (r, stop) = call(host, f, &p, extra)?;
        out.push(undefined_to_null(&r));
        if stop {
            break;
        }
    }
    // New values, not elements of `c`: a regular collection.
    Ok(plain(out))
}

fn flat_map(c: &CollRef, a: &[Value], host: &mut dyn Host) -> RtResult<Value> {
    let (f, extra) = formula_arg(a, "flatMap")?;
    let mut out = Vec::new();
    for v in snapshot(c) {
        let p = param_with(&[("value", v)]);
        let (r, stop) = call(host, f, &p, extra)?;
        match r {
            Value::Collection(sub) => out.extend(snapshot(&sub)),
            other => out.push(undefined_to_null(&other)),
        }
        if stop {
            break;
        }
    }
    Ok(plain(out))
}

fn filter(c: &CollRef, a: &[Value], host: &mut dyn Host) -> RtResult<Value> {
    let (f, extra) = formula_arg(a, "filter")?;
    let mut out = Vec::new();
    for v in snapshot(c) {
        let p = param_with(&[("value", v.clone())]);
        let (r, stop) = call(host, f, &p, extra)?;
        if is_true(&r) {
            out.push(v);
        }
        if stop {
            break;
        }
    }
    Ok(like(c, out))
}

/// `.find()` / `.findIndex()`: (index, value), or (-1, Undefined).
fn find(c: &CollRef, a: &[Value], host: &mut dyn Host) -> RtResult<(i32, Value)> {
    let (start, f, extra) = start_and_formula(a, "find")?;
    let items = snapshot(c);
    let s = from_start(start.unwrap_or(0), items.len());
    for (i, v) in items.into_iter().enumerate().skip(s) {
        let p = param_with(&[("value", v.clone())]);
        let (r, stop) = call(host, f, &p, extra)?;
        if is_true(&r) {
            return Ok((i as i32, v));
        }
        if stop {
            break;
        }
    }
    Ok((-1, Value::Undefined))
}

/// `.some()` (any) and `.every()` (all).
fn some_every(c: &CollRef, a: &[Value], host: &mut dyn Host, some: bool) -> RtResult<Value> {
    let (start, f, extra) = start_and_formula(a, if some { "some" } else { "every" })?;
    let items = snapshot(c);
    let s = from_start(start.unwrap_or(0), items.len());
    if s >= items.len() {
        return Ok(Value::Bool(false));
    }
    for v in items.into_iter().skip(s) {
        let p = param_with(&[("value", v)]);
        let (r, stop) = call(host, f, &p, extra)?;
        let ok = is_true(&r);
        if some && ok {
            return Ok(Value::Bool(true));
        }
        if !some && !ok {
            return Ok(Value::Bool(false));
        }
        if stop {
            return Ok(Value::Bool(ok));
        }
    }
    Ok(Value::Bool(!some))
}

fn reduce(c: &CollRef, a: &[Value], host: &mut dyn Host, right: bool) -> RtResult<Value> {
    let (f, rest) = formula_arg(a, if right { "reduceRight" } else { "reduce" })?;
    let mut acc = rest.first().cloned().unwrap_or_default();
    let extra = rest.get(1..).unwrap_or(&[]);
    let mut items = snapshot(c);
    if right {
        items.reverse();
    }
    for v in items {
        let p = param_with(&[("value", v), ("accumulator", acc.clone())]);
        let mut args = vec![Value::Object(p.clone())];
        args.extend(extra.iter().cloned());
        let ret = host.call_function(f, None, args)?;
        acc = if ret.is_undefined() {
            p.get("accumulator")
        } else {
            ret
        };
        if is_true(&p.get("stop")) {
            break;
        }
    }
    Ok(acc)
}

// ---------------------------------------------------------------- query

/// `.query()` / `.indices()`: `path op value {and|or …}` with `:N` placeholders,
/// quoted or bare values, `true`/`false`/`null`, and parentheses.
fn query(c: &CollRef, a: &[Value], indices: bool) -> RtResult<Value> {
    let q = text_arg(a, 0, "query")?.ok_or_else(|| err(".query(): a query string is expected"))?;
    let mut params = a[1..].to_vec();
    let mut named = Props::default();
    if let [Value::Object(settings)] = &a[1..] {
        if let Value::Object(p) = settings.get("parameters") {
            named = p.read().clone();
        }
        params.clear();
    }
    let tokens = tokenize(&q)?;
    let mut parser = QueryParser {
        tokens,
        pos: 0,
        params: &params,
        named: &named,
    };
    let expr = parser.parse_or()?;
    if parser.pos < parser.tokens.len() {
        return Err(err(format!(".query(): unexpected text in \"{q}\"")));
    }
    let mut out = Vec::new();
    for (i, v) in snapshot(c).into_iter().enumerate() {
        if expr.eval(&v)? {
            out.push(if indices { Value::Real(i as f64) } else { v });
        }
    }
    Ok(if indices { plain(out) } else { like(c, out) })
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Word(String),
    Str(String),
    Num(f64),
    Op(String),
    Param(String),
    LParen,
    RParen,
}

fn tokenize(q: &str) -> RtResult<Vec<Tok>> {
    let chars: Vec<char> = q.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '(' {
            out.push(Tok::LParen);
            i += 1;
        } else if c == ')' {
            out.push(Tok::RParen);
            i += 1;
        } else if c == '\'' || c == '"' {
            let mut s = String::new();
            i += 1;
            while i < chars.len() && chars[i] != c {
                s.push(chars[i]);
                i += 1;
            }
            if i >= chars.len() {
                return Err(err(".query(): unterminated quoted value"));
            }
            i += 1;
            out.push(Tok::Str(s));
        } else if c == ':' {
            let mut s = String::new();
            i += 1;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                s.push(chars[i]);
                i += 1;
            }
            out.push(Tok::Param(s));
        } else if "=#!<>&|%".contains(c) {
            let mut s = String::new();
            while i < chars.len() && "=#!<>&|%".contains(chars[i]) {
                s.push(chars[i]);
                i += 1;
            }
            out.push(Tok::Op(s));
        } else if c.is_ascii_digit()
            || (c == '-' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()))
        {
            let mut s = String::from(c);
            i += 1;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                s.push(chars[i]);
                i += 1;
            }
            out.push(Tok::Num(
                s.parse()
                    .map_err(|_| err(format!(".query(): bad number {s}")))?,
            ));
        } else {
            let mut s = String::new();
            while i < chars.len()
                && !chars[i].is_whitespace()
                && !"()=#!<>&|%'\"".contains(chars[i])
            {
                s.push(chars[i]);
                i += 1;
            }
            out.push(Tok::Word(s));
        }
    }
    Ok(out)
}

enum QExpr {
    And(Box<QExpr>, Box<QExpr>),
    Or(Box<QExpr>, Box<QExpr>),
    Not(Box<QExpr>),
    Cmp {
        path: String,
        op: String,
        value: Value,
    },
}

impl QExpr {
    fn eval(&self, v: &Value) -> RtResult<bool> {
        Ok(match self {
            QExpr::And(x, y) => x.eval(v)? && y.eval(v)?,
            QExpr::Or(x, y) => x.eval(v)? || y.eval(v)?,
            QExpr::Not(x) => !x.eval(v)?,
            QExpr::Cmp { path, op, value } => {
                let x = get_path(v, path);
                let eq = |wild: bool| -> bool {
                    if value.is_nullish() {
                        return x.is_nullish();
                    }
                    if x.is_nullish() || !same_type_family(&x, value) {
                        return false;
                    }
                    match (&x, value) {
                        (Value::Text(a), Value::Text(b)) if !wild => {
                            a.chars().map(fold_char).eq(b.chars().map(fold_char))
                        }
                        _ => equals(&x, value).unwrap_or(false),
                    }
                };
                match op.as_str() {
                    "=" | "==" => eq(true),
                    "===" | "is" => eq(false),
                    "#" | "!=" => !eq(true),
                    "!==" | "is not" => !eq(false),
                    // `%`: the text contains the value as a whole word.
                    "%" => match (&x, value) {
                        (Value::Text(t), Value::Text(w)) => t
                            .split(|c: char| !c.is_alphanumeric() && c != '@' && c != '_')
                            .filter(|p| !p.is_empty())
                            .any(|p| {
                                crate::value::compare::equals(&Value::text(p), value)
                                    .unwrap_or(false)
                                    && !w.is_empty()
                            }),
                        _ => false,
                    },
                    "in" => match value {
                        Value::Collection(list) => snapshot(list).iter().any(|w| {
                            !x.is_nullish()
                                && same_type_family(&x, w)
                                && equals(&x, w).unwrap_or(false)
                        }),
                        _ => false,
                    },
                    _ => {
                        if x.is_nullish() || value.is_nullish() || !same_type_family(&x, value) {
                            return Ok(false);
                        }
                        let o = crate::value::compare::compare(&x, value)?;
                        match (op.as_str(), o) {
                            (_, None) => false,
                            ("<", Some(o)) => o == Ordering::Less,
                            ("<=", Some(o)) => o != Ordering::Greater,
                            (">", Some(o)) => o == Ordering::Greater,
                            (">=", Some(o)) => o != Ordering::Less,
                            _ => false,
                        }
                    }
                }
            }
        })
    }
}

struct QueryParser<'a> {
    tokens: Vec<Tok>,
    pos: usize,
    params: &'a [Value],
    named: &'a Props,
}

impl QueryParser<'_> {
    fn peek_word(&self) -> Option<String> {
        match self.tokens.get(self.pos) {
            Some(Tok::Word(w)) => Some(w.to_ascii_lowercase()),
            Some(Tok::Op(o)) => Some(o.clone()),
            _ => None,
        }
    }

    fn parse_or(&mut self) -> RtResult<QExpr> {
        let mut left = self.parse_and()?;
        while matches!(self.peek_word().as_deref(), Some("or" | "|" | "||")) {
            self.pos += 1;
            let right = self.parse_and()?;
            left = QExpr::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn parse_and(&mut self) -> RtResult<QExpr> {
        let mut left = self.parse_not()?;
        while matches!(self.peek_word().as_deref(), Some("and" | "&" | "&&")) {
            self.pos += 1;
            let right = self.parse_not()?;
            left = QExpr::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn parse_not(&mut self) -> RtResult<QExpr> {
        if self.peek_word().as_deref() == Some("not") {
            self.pos += 1;
            return Ok(QExpr::Not(Box::new(self.parse_not()?)));
        }
        if self.tokens.get(self.pos) == Some(&Tok::LParen) {
            self.pos += 1;
            let e = self.parse_or()?;
            if self.tokens.get(self.pos) != Some(&Tok::RParen) {
                return Err(err(".query(): missing )"));
            }
            self.pos += 1;
            return Ok(e);
        }
        self.parse_cmp()
    }

    fn param(&self, name: &str) -> Value {
        match name.parse::<usize>() {
            Ok(n) if n >= 1 => self.params.get(n - 1).cloned().unwrap_or_default(),
            _ => self.named.get(name).cloned().unwrap_or_default(),
        }
    }

    fn parse_cmp(&mut self) -> RtResult<QExpr> {
        let path = match self.tokens.get(self.pos).cloned() {
            Some(Tok::Word(w)) => w,
            Some(Tok::Param(p)) => match self.param(&p) {
                Value::Text(t) => t.as_str().to_owned(),
                _ => return Err(err(".query(): a property path placeholder must be a text")),
            },
            other => {
                return Err(err(format!(
                    ".query(): a property path was expected, not {}",
                    describe_tok(other.as_ref())
                )))
            }
        };
        self.pos += 1;
        let mut op = match self.tokens.get(self.pos).cloned() {
            Some(Tok::Op(o)) => o,
            Some(Tok::Word(w)) if ["is", "in"].contains(&w.to_ascii_lowercase().as_str()) => {
                w.to_ascii_lowercase()
            }
            other => {
                return Err(err(format!(
                    ".query(): a comparator was expected after '{path}', not {}",
                    describe_tok(other.as_ref())
                )))
            }
        };
        self.pos += 1;
        if op == "is" && self.peek_word().as_deref() == Some("not") {
            self.pos += 1;
            op = "is not".to_string();
        }
        let value = match self.tokens.get(self.pos).cloned() {
            Some(Tok::Str(s)) => parse_query_text(&s),
            Some(Tok::Num(n)) => Value::Real(n),
            Some(Tok::Param(p)) => self.param(&p),
            Some(Tok::Word(w)) => match w.as_str() {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                "null" => Value::Null,
                _ => parse_query_text(&w),
            },
            other => {
                return Err(err(format!(
                    ".query(): a value was expected after '{path} {op}', not {}",
                    describe_tok(other.as_ref())
                )))
            }
        };
        self.pos += 1;
        Ok(QExpr::Cmp { path, op, value })
    }
}

/// A query token as the user wrote it, for error messages.
fn describe_tok(t: Option<&Tok>) -> String {
    match t {
        None => "the end of the query".into(),
        Some(Tok::Word(w)) | Some(Tok::Op(w)) => format!("'{w}'"),
        Some(Tok::Str(s)) => format!("'\"{s}\"'"),
        Some(Tok::Num(n)) => format!("'{n}'"),
        Some(Tok::Param(p)) => format!("':{p}'"),
        Some(Tok::LParen) => "'('".into(),
        Some(Tok::RParen) => "')'".into(),
    }
}

/// A quoted query constant: "YYYY-MM-DD" is a date, anything else text.
fn parse_query_text(s: &str) -> Value {
    match crate::value::json::parse_iso_date(s) {
        Some(d) if s.len() == 10 => Value::Date(d),
        _ => Value::text(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::json::{parse, stringify};

    /// A host whose "formulas" are Rust closures, looked up by a text key.
    struct TestHost {
        fns: Vec<(&'static str, HostFn)>,
        calls: usize,
    }
    type HostFn = Box<dyn FnMut(&[Value]) -> RtResult<Value>>;

    impl Host for TestHost {
        fn call_function(
            &mut self,
            f: &Value,
            _this: Option<Value>,
            args: Vec<Value>,
        ) -> RtResult<Value> {
            self.calls += 1;
            let key = match f {
                Value::Text(t) => t.as_str().to_owned(),
                _ => return Err(err("not a test formula")),
            };
            for (k, func) in self.fns.iter_mut() {
                if *k == key {
                    return func(&args);
                }
            }
            Err(err(format!("no test formula {key}")))
        }
    }

    fn host() -> TestHost {
        TestHost {
            fns: Vec::new(),
            calls: 0,
        }
    }
    fn with(
        mut h: TestHost,
        name: &'static str,
        f: impl FnMut(&[Value]) -> RtResult<Value> + 'static,
    ) -> TestHost {
        h.fns.push((name, Box::new(f)));
        h
    }
    fn p1(args: &[Value]) -> ObjRef {
        match &args[0] {
            Value::Object(o) => o.clone(),
            _ => panic!("$1 is not an object"),
        }
    }
    fn num(v: &Value) -> f64 {
        as_number(v).unwrap_or(f64::NAN)
    }
    fn col(json: &str) -> CollRef {
        match parse(json, None).unwrap() {
            Value::Collection(c) => c,
            other => panic!("{other:?}"),
        }
    }
    fn call_m(c: &CollRef, name: &str, args: Vec<Value>, h: &mut TestHost) -> Value {
        collection_method(c, name, args, h)
            .expect("known function")
            .unwrap()
    }
    fn js(v: &Value) -> String {
        stringify(v, false)
    }
    fn t(s: &str) -> Value {
        Value::text(s)
    }
    fn n(x: f64) -> Value {
        Value::Real(x)
    }
    fn f(name: &str) -> Value {
        t(name)
    }

    #[test]
    fn shared_collections_follow_the_shared_rules() {
        let mut h = host();
        let c = crate::runtime::shared::new_shared_collection(vec![]).unwrap();
        call_m(&c, "push", vec![Value::Int(1), Value::Time(2)], &mut h);
        assert!(matches!(c.get(0), Value::Real(x) if x == 1.0));
        assert!(matches!(c.get(1), Value::Real(x) if x == 2000.0));
        let e = collection_method(&c, "push", vec![Value::Object(ObjRef::new())], &mut h)
            .unwrap()
            .unwrap_err();
        assert_eq!(e.code, crate::runtime::shared::NOT_SHAREABLE);
        let r = call_m(&c, "reverse", vec![], &mut h);
        assert!(matches!(r, Value::Collection(r) if r.is_shared() && !r.ptr_eq(&c)));
        let m = call_m(&c, "copy", vec![], &mut h);
        assert!(matches!(m, Value::Collection(m) if !m.is_shared()));
    }

    /// Every function with odd arguments and a callback returning odd values:
    /// errors are fine, panics are not.
    #[test]
    fn no_panic_on_odd_arguments() {
        let names = [
            "at",
            "average",
            "clear",
            "combine",
            "concat",
            "copy",
            "count",
            "countValues",
            "distinct",
            "equal",
            "every",
            "extract",
            "fill",
            "filter",
            "find",
            "findIndex",
            "first",
            "flat",
            "flatMap",
            "includes",
            "indexOf",
            "indices",
            "insert",
            "join",
            "last",
            "lastIndexOf",
            "map",
            "max",
            "min",
            "multiSort",
            "orderBy",
            "orderByMethod",
            "pop",
            "push",
            "query",
            "reduce",
            "reduceRight",
            "remove",
            "resize",
            "reverse",
            "shift",
            "slice",
            "some",
            "sort",
            "sum",
            "unshift",
        ];
        let odd = [
            Value::Undefined,
            Value::Null,
            n(f64::NAN),
            n(-1e300),
            n(1e300),
            t(""),
            t("odd"),
            t("a.b desc, ("),
            Value::Collection(col("[1,[2],{\"a\":3}]")),
            Value::Object(ObjRef::new()),
        ];
        for name in names {
            for a in &odd {
                for b in &odd {
                    let c = col(r#"[3,"x",null,{"a":1},[1,2],true,2.5]"#);
                    let mut h = with(host(), "odd", |_| Ok(Value::Null));
                    h = with(h, "", |_| Ok(t("x")));
                    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        let _ = collection_method(&c, name, vec![], &mut h);
                        let _ = collection_method(&c, name, vec![a.clone()], &mut h);
                        let _ = collection_method(&c, name, vec![a.clone(), b.clone()], &mut h);
                        let _ = collection_method(
                            &c,
                            name,
                            vec![t("odd"), a.clone(), b.clone()],
                            &mut h,
                        );
                        let _ = collection_method(
                            &c,
                            name,
                            vec![b.clone(), t("odd"), a.clone()],
                            &mut h,
                        );
                    }));
                    assert!(r.is_ok(), "{name} panicked on {a:?}, {b:?}");
                }
            }
        }
    }

    #[test]
    fn unknown_function() {
        let c = col("[]");
        assert!(collection_method(&c, "nope", vec![], &mut host()).is_none());
    }

    #[test]
    fn at_first_last() {
        let mut h = host();
        let c = col(r#"[10,20,30,"hello",50]"#);
        assert_eq!(js(&call_m(&c, "at", vec![n(0.0)], &mut h)), "10");
        assert_eq!(js(&call_m(&c, "at", vec![n(-1.0)], &mut h)), "50");
        assert_eq!(js(&call_m(&c, "at", vec![n(-2.0)], &mut h)), "\"hello\"");
        assert!(call_m(&c, "at", vec![n(10.0)], &mut h).is_undefined());
        assert_eq!(js(&call_m(&c, "first", vec![], &mut h)), "10");
        assert_eq!(js(&call_m(&c, "last", vec![], &mut h)), "50");
        assert!(call_m(&col("[]"), "first", vec![], &mut h).is_undefined());
    }

    #[test]
    fn push_pop_shift_unshift() {
        let mut h = host();
        let c = col("[1,2]");
        call_m(&c, "push", vec![n(3.0)], &mut h);
        assert_eq!(js(&Value::Collection(c.clone())), "[1,2,3]");
        let r = call_m(&c, "push", vec![n(7.0), n(0.0)], &mut h);
        let sorted = match r {
            Value::Collection(r) => {
                assert!(r.ptr_eq(&c));
                call_m(&r, "sort", vec![], &mut h)
            }
            _ => panic!(),
        };
        assert_eq!(js(&sorted), "[0,1,2,3,7]");
        assert_eq!(js(&call_m(&c, "pop", vec![], &mut h)), "7");
        assert_eq!(js(&call_m(&c, "shift", vec![], &mut h)), "0");
        call_m(&c, "unshift", vec![n(6.0), n(7.0)], &mut h);
        assert_eq!(js(&Value::Collection(c.clone())), "[6,7,1,2,3]");
        let e = col("[]");
        assert!(call_m(&e, "pop", vec![], &mut h).is_undefined());
        assert!(call_m(&e, "shift", vec![], &mut h).is_undefined());
    }

    #[test]
    fn insert_remove_combine_fill_resize() {
        let mut h = host();
        let c = col(r#"["a","b","c","d"]"#);
        call_m(&c, "insert", vec![n(2.0), t("X")], &mut h);
        call_m(&c, "insert", vec![n(-2.0), t("Y")], &mut h);
        call_m(&c, "insert", vec![n(-10.0), t("Hi")], &mut h);
        assert_eq!(
            js(&Value::Collection(c)),
            r#"["Hi","a","b","X","Y","c","d"]"#
        );

        let c = col(r#"["a","b","c","d","e","f","g","h"]"#);
        call_m(&c, "remove", vec![n(3.0)], &mut h);
        assert_eq!(
            js(&Value::Collection(c.clone())),
            r#"["a","b","c","e","f","g","h"]"#
        );
        call_m(&c, "remove", vec![n(3.0), n(2.0)], &mut h);
        assert_eq!(
            js(&Value::Collection(c.clone())),
            r#"["a","b","c","g","h"]"#
        );
        call_m(&c, "remove", vec![n(-8.0), n(1.0)], &mut h);
        assert_eq!(js(&Value::Collection(c.clone())), r#"["b","c","g","h"]"#);
        call_m(&c, "remove", vec![n(-3.0), n(1.0)], &mut h);
        assert_eq!(js(&Value::Collection(c)), r#"["b","g","h"]"#);

        let c = col("[1,2,3,4,5,6]");
        let fruits = col(r#"["Orange","Banana","Apple","Grape"]"#);
        call_m(
            &c,
            "combine",
            vec![Value::Collection(fruits), n(3.0)],
            &mut h,
        );
        assert_eq!(
            js(&Value::Collection(c)),
            r#"[1,2,3,"Orange","Banana","Apple","Grape",4,5,6]"#
        );

        let c = col(r#"[1,2,3,"Lemon",null,"",4,5]"#);
        call_m(&c, "fill", vec![t("2")], &mut h);
        assert_eq!(
            js(&Value::Collection(c.clone())),
            r#"["2","2","2","2","2","2","2","2"]"#
        );
        call_m(&c, "fill", vec![t("Hello"), n(5.0)], &mut h);
        call_m(&c, "fill", vec![n(0.0), n(1.0), n(5.0)], &mut h);
        call_m(&c, "fill", vec![t("world"), n(1.0), n(-5.0)], &mut h);
        assert_eq!(
            js(&Value::Collection(c)),
            r#"["2","world","world",0,0,"Hello","Hello","Hello"]"#
        );

        let c = col("[]");
        call_m(&c, "resize", vec![n(3.0)], &mut h);
        assert_eq!(js(&Value::Collection(c.clone())), "[null,null,null]");
        let c = col("[1,2,3,4,5]");
        call_m(&c, "resize", vec![n(2.0)], &mut h);
        assert_eq!(js(&Value::Collection(c.clone())), "[1,2]");
        call_m(&c, "clear", vec![], &mut h);
        assert_eq!(c.len(), 0);
    }

    #[test]
    fn searching() {
        let mut h = host();
        let c = col(r#"[1,2,"Henry",5,3,"Albert",6,4,"Alan",5]"#);
        let idx = |a: Vec<Value>, h: &mut TestHost| js(&call_m(&c, "indexOf", a, h));
        assert_eq!(idx(vec![n(3.0)], &mut h), "4");
        assert_eq!(idx(vec![n(5.0), n(5.0)], &mut h), "9");
        assert_eq!(idx(vec![t("al@")], &mut h), "5");
        assert_eq!(idx(vec![t("Hello")], &mut h), "-1");
        assert_eq!(
            js(&call_m(&c, "includes", vec![n(5.0), n(6.0)], &mut h)),
            "true"
        );
        assert_eq!(
            js(&call_m(&c, "includes", vec![t("Hello")], &mut h)),
            "false"
        );

        let o = Value::Object(ObjRef::new());
        let c2 = col("[1]");
        call_m(&c2, "push", vec![o.clone()], &mut h);
        assert_eq!(js(&call_m(&c2, "includes", vec![o], &mut h)), "true");
        assert_eq!(
            js(&call_m(
                &c2,
                "includes",
                vec![Value::Object(ObjRef::new())],
                &mut h
            )),
            "false"
        );

        let letters = col(r#"["a","b","c","d","e","f","g","h","i","j","e","k","e"]"#);
        let li = |a: Vec<Value>, h: &mut TestHost| js(&call_m(&letters, "lastIndexOf", a, h));
        assert_eq!(li(vec![t("e")], &mut h), "12");
        assert_eq!(li(vec![t("e"), n(6.0)], &mut h), "4");
        assert_eq!(li(vec![t("e"), n(15.0)], &mut h), "12");
        assert_eq!(li(vec![t("e"), n(-2.0)], &mut h), "10");
        assert_eq!(li(vec![t("x")], &mut h), "-1");

        let c = col("[1,2,5,5,5,3,6,4]");
        assert_eq!(js(&call_m(&c, "countValues", vec![n(5.0)], &mut h)), "3");
    }

    #[test]
    fn aggregates() {
        let mut h = host();
        let c = col(r#"[10,20,"Monday",true,6]"#);
        assert_eq!(js(&call_m(&c, "average", vec![], &mut h)), "12");
        let c = col(r#"[10,20,"Monday",true,2]"#);
        assert_eq!(js(&call_m(&c, "sum", vec![], &mut h)), "32");
        let c = col(
            r#"[200,150,55,{"name":"Smith","salary":10000},{"name":"Wesson","salary":50000},{"name":"Alabama","salary":10500}]"#,
        );
        assert_eq!(
            js(&call_m(&c, "max", vec![], &mut h)),
            r#"{"name":"Alabama","salary":10500}"#
        );
        assert_eq!(js(&call_m(&c, "max", vec![t("salary")], &mut h)), "50000");
        assert_eq!(
            js(&call_m(&c, "max", vec![t("name")], &mut h)),
            "\"Wesson\""
        );
        assert_eq!(js(&call_m(&c, "min", vec![], &mut h)), "55");
        assert_eq!(js(&call_m(&c, "min", vec![t("salary")], &mut h)), "10000");
        assert_eq!(
            js(&call_m(&c, "min", vec![t("name")], &mut h)),
            "\"Alabama\""
        );
        assert_eq!(
            js(&call_m(&c, "average", vec![t("salary")], &mut h)),
            "23500"
        );
        assert!(call_m(&col("[]"), "average", vec![], &mut h).is_undefined());
        assert!(call_m(&col("[]"), "max", vec![], &mut h).is_undefined());
        assert_eq!(js(&call_m(&col("[]"), "sum", vec![], &mut h)), "0");

        let c = col(
            r#"[20,30,null,40,{"name":"Smith","salary":10000},{"name":"Wesson","salary":50000},{"name":"Gross","salary":10500},{"lastName":"Henry","salary":12000}]"#,
        );
        assert_eq!(js(&call_m(&c, "count", vec![], &mut h)), "7");
        assert_eq!(js(&call_m(&c, "count", vec![t("name")], &mut h)), "3");
    }

    #[test]
    fn copies_and_slices() {
        let mut h = host();
        let c = col("[1,2,3,4,5]");
        let s = |a: Vec<Value>, h: &mut TestHost| js(&call_m(&c, "slice", a, h));
        assert_eq!(s(vec![n(0.0), n(3.0)], &mut h), "[1,2,3]");
        assert_eq!(s(vec![n(3.0)], &mut h), "[4,5]");
        assert_eq!(s(vec![n(1.0), n(-1.0)], &mut h), "[2,3,4]");
        assert_eq!(s(vec![n(-3.0), n(-2.0)], &mut h), "[3]");

        let fruits = col(r#"["Orange","Banana","Apple","Grape",{"Intruder":"Tomato"}]"#);
        assert_eq!(
            js(&call_m(
                &c,
                "concat",
                vec![Value::Collection(fruits)],
                &mut h
            )),
            r#"[1,2,3,4,5,"Orange","Banana","Apple","Grape",{"Intruder":"Tomato"}]"#
        );
        assert_eq!(
            js(&call_m(&c, "concat", vec![n(6.0), n(7.0), n(8.0)], &mut h)),
            "[1,2,3,4,5,6,7,8]"
        );
        let c = col("[1,3,5,2,4,6]");
        assert_eq!(js(&call_m(&c, "reverse", vec![], &mut h)), "[6,4,2,5,3,1]");

        let nested = col(r#"[{"a":[1,2]},3]"#);
        let copy = call_m(&nested, "copy", vec![], &mut h);
        assert_eq!(js(&copy), js(&Value::Collection(nested.clone())));
        match (&copy, nested.get(0)) {
            (Value::Collection(cc), Value::Object(o)) => match cc.get(0) {
                Value::Object(o2) => assert!(!o2.ptr_eq(&o)),
                _ => panic!(),
            },
            _ => panic!(),
        }
        let shared = call_m(&nested, "copy", vec![n(CK_SHARED as f64)], &mut h);
        match shared {
            Value::Collection(sc) => {
                assert!(sc.is_shared());
                match sc.get(0) {
                    Value::Object(o) => assert!(o.is_shared()),
                    _ => panic!(),
                }
                let sl = call_m(&sc, "slice", vec![n(0.0)], &mut h);
                assert!(matches!(sl, Value::Collection(x) if x.is_shared()));
            }
            _ => panic!(),
        }
    }

    #[test]
    fn join_flat_extract() {
        let mut h = host();
        let c = col(r#"[1,2,3,"Paris",null,"",4,5]"#);
        assert_eq!(
            js(&call_m(&c, "join", vec![t("|")], &mut h)),
            r#""1|2|3|Paris|null||4|5""#
        );
        assert_eq!(
            js(&call_m(
                &c,
                "join",
                vec![t("|"), n(CK_IGNORE_NULL_OR_EMPTY as f64)],
                &mut h
            )),
            r#""1|2|3|Paris|4|5""#
        );
        let c = col("[1,2,[3,4,[5,6]]]");
        assert_eq!(js(&call_m(&c, "flat", vec![], &mut h)), "[1,2,3,4,[5,6]]");
        assert_eq!(
            js(&call_m(&c, "flat", vec![n(2.0)], &mut h)),
            "[1,2,3,4,5,6]"
        );
        let c = col("[1,2,[3,4,5,6,[7,8,[9,10]]]]");
        assert_eq!(
            js(&call_m(&c, "flat", vec![n(2147483647.0)], &mut h)),
            "[1,2,3,4,5,6,7,8,9,10]"
        );

        let c = col(r#"[{"name":"Cleveland"},{"zip":5321},{"name":"Blountsville"},42]"#);
        assert_eq!(
            js(&call_m(&c, "extract", vec![t("name")], &mut h)),
            r#"["Cleveland","Blountsville"]"#
        );
        assert_eq!(
            js(&call_m(
                &c,
                "extract",
                vec![t("name"), n(CK_KEEP_NULL as f64)],
                &mut h
            )),
            r#"["Cleveland",null,"Blountsville",null]"#
        );
        let c = col(r#"[{"zc":35060},{"name":null,"zc":35049},{"name":"Cleveland","zc":35049}]"#);
        assert_eq!(
            js(&call_m(
                &c,
                "extract",
                vec![t("name"), t("City"), t("zc"), t("Zip")],
                &mut h
            )),
            r#"[{"Zip":35060},{"City":null,"Zip":35049},{"City":"Cleveland","Zip":35049}]"#
        );
    }

    #[test]
    fn distinct_and_equal() {
        let mut h = host();
        let c = col(r#"["a","b","c","A","B","c","b","b",{"size":1},{"size":3},{"size":1}]"#);
        assert_eq!(
            js(&call_m(&c, "distinct", vec![], &mut h)),
            r#"["a","b","c",{"size":1},{"size":3},{"size":1}]"#
        );
        assert_eq!(
            js(&call_m(
                &c,
                "distinct",
                vec![n(CK_DIACRITICAL as f64)],
                &mut h
            )),
            r#"["a","A","b","B","c",{"size":1},{"size":3},{"size":1}]"#
        );
        assert_eq!(
            js(&call_m(&c, "distinct", vec![t("size")], &mut h)),
            "[1,3]"
        );
        assert_eq!(
            js(&call_m(
                &c,
                "distinct",
                vec![t("size"), n(CK_COUNT_VALUES as f64)],
                &mut h
            )),
            r#"[{"value":1,"count":2},{"value":3,"count":1}]"#
        );

        let eq = |a: &str, b: &str, opt: Option<f64>| {
            let mut args = vec![Value::Collection(col(b))];
            if let Some(o) = opt {
                args.push(n(o));
            }
            js(&call_m(&col(a), "equal", args, &mut host()))
        };
        assert_eq!(
            eq(
                r#"[{"a":1,"b":"orange"},2,3]"#,
                r#"[{"a":1,"b":"orange"},2,3,4]"#,
                None
            ),
            "false"
        );
        assert_eq!(
            eq(
                r#"[{"1":"a","b":"orange"},2,3]"#,
                r#"[{"a":1,"b":"orange"},2,3]"#,
                None
            ),
            "false"
        );
        assert_eq!(
            eq(
                r#"[{"a":1,"b":"orange"},2,3]"#,
                r#"[{"a":1,"b":"ORange"},2,3]"#,
                None
            ),
            "true"
        );
        assert_eq!(
            eq(
                r#"[{"a":1,"b":"orange"},2,3]"#,
                r#"[{"a":1,"b":"ORange"},2,3]"#,
                Some(8.0)
            ),
            "false"
        );
    }

    #[test]
    fn sorting_and_ordering() {
        let mut h = host();
        let c = col(r#"["Tom",5,"Mary",3,"Henry",1,"Jane",4,"Artie",6,"Chip",2]"#);
        assert_eq!(
            js(&call_m(&c, "sort", vec![], &mut h)),
            r#"["Artie","Chip","Henry","Jane","Mary","Tom",1,2,3,4,5,6]"#
        );
        let mut h = with(host(), "alpha", |a| {
            let p = p1(a);
            Ok(Value::Bool(
                to_text(&p.get("value")) < to_text(&p.get("value2")),
            ))
        });
        let c = col("[33,4,66,1111,222]");
        assert_eq!(
            js(&call_m(&c, "sort", vec![f("alpha")], &mut h)),
            "[1111,222,33,4,66]"
        );

        let c = col(r#"["33","4","1111","222"]"#);
        assert_eq!(
            js(&call_m(&c, "orderBy", vec![], &mut h)),
            r#"["1111","222","33","4"]"#
        );
        let mut h = with(host(), "numeric", |a| {
            let p = p1(a);
            let v = |k| super::super::text::text_to_num(&to_text(&p.get(k)), ".");
            Ok(Value::Bool(v("value") < v("value2")))
        });
        assert_eq!(
            js(&call_m(&c, "orderByMethod", vec![f("numeric")], &mut h)),
            r#"["4","33","222","1111"]"#
        );
        // method style: no return value, $1.result set
        let mut h = with(host(), "bylen", |a| {
            let p = p1(a);
            let len = |k| to_text(&p.get(k)).chars().count();
            let r = len("value") > len("value2");
            p.write().insert("result".into(), Value::Bool(r));
            Ok(Value::Undefined)
        });
        let fruits =
            col(r#"["Orange","Apple","Grape","pear","Banana","fig","Blackberry","Passion fruit"]"#);
        assert_eq!(
            js(&call_m(&fruits, "orderByMethod", vec![f("bylen")], &mut h)),
            r#"["Passion fruit","Blackberry","Orange","Banana","Apple","Grape","pear","fig"]"#
        );

        let c = col(r#"[{"id":1,"v":5},{"id":2,"v":9},{"id":3,"v":5}]"#);
        assert_eq!(
            js(&call_m(&c, "orderBy", vec![t("v desc, id")], &mut h)),
            r#"[{"id":2,"v":9},{"id":1,"v":5},{"id":3,"v":5}]"#
        );
        assert_eq!(
            js(&call_m(&c, "orderBy", vec![t("v asc, id desc")], &mut h)),
            r#"[{"id":3,"v":5},{"id":1,"v":5},{"id":2,"v":9}]"#
        );
        let crit = col(
            r#"[{"propertyPath":"v","descending":true},{"propertyPath":"id","descending":true}]"#,
        );
        assert_eq!(
            js(&call_m(
                &c,
                "orderBy",
                vec![Value::Collection(crit)],
                &mut h
            )),
            r#"[{"id":2,"v":9},{"id":3,"v":5},{"id":1,"v":5}]"#
        );
        let nums = col("[3,1,2]");
        assert_eq!(
            js(&call_m(&nums, "orderBy", vec![n(1.0)], &mut h)),
            "[3,2,1]"
        );
        let c = col(
            r#"[{"name":"Cleveland","phones":{"p1":"01"}},{"name":"Blountsville","phones":{"p1":"00"}}]"#,
        );
        let r = call_m(&c, "orderBy", vec![t("phones.p1 asc")], &mut h);
        assert_eq!(
            js(&get_path(
                &match r {
                    Value::Collection(r) => r.get(0),
                    _ => panic!(),
                },
                "name"
            )),
            "\"Blountsville\""
        );
        assert!(
            collection_method(&c, "orderBy", vec![t("name sideways")], &mut h)
                .unwrap()
                .is_err()
        );
    }

    #[test]
    fn multi_sort_examples() {
        let mut h = host();
        let col = col(r#"["A","C","B"]"#);
        let col2 = col_of("[1,2,3]");
        let col3 = col_of(r#"[["Jim","Philip","Maria"],["blue","green"],["11",22,"33"]]"#);
        let cols = Value::Collection(CollRef::new(vec![
            Value::Collection(col2.clone()),
            Value::Collection(col3.clone()),
        ]));
        call_m(&col, "multiSort", vec![cols], &mut h);
        assert_eq!(js(&Value::Collection(col)), r#"["A","B","C"]"#);
        assert_eq!(js(&Value::Collection(col2)), "[1,3,2]");
        assert_eq!(
            js(&Value::Collection(col3)),
            r#"[["Jim","Philip","Maria"],["11",22,"33"],["blue","green"]]"#
        );

        let city = col_of(r#"["Paris","Lyon","Rabat","Eching","San Diego"]"#);
        let country = col_of(r#"["France","France","Morocco","Germany","US"]"#);
        let continent = col_of(r#"["Europe","Europe","Africa","Europe","America"]"#);
        let crit = ObjRef::new();
        crit.write()
            .insert("collection".into(), Value::Collection(city.clone()));
        crit.write().insert("order".into(), n(0.0));
        let cols = Value::Collection(CollRef::new(vec![
            Value::Collection(country.clone()),
            Value::Object(crit),
        ]));
        call_m(&continent, "multiSort", vec![cols], &mut h);
        assert_eq!(
            js(&Value::Collection(continent)),
            r#"["Africa","America","Europe","Europe","Europe"]"#
        );
        assert_eq!(
            js(&Value::Collection(country)),
            r#"["Morocco","US","France","France","Germany"]"#
        );
        assert_eq!(
            js(&Value::Collection(city)),
            r#"["Rabat","San Diego","Lyon","Paris","Eching"]"#
        );

        let short = Value::Collection(CollRef::new(vec![Value::Collection(col_of("[1]"))]));
        assert!(
            collection_method(&col_of("[1,2]"), "multiSort", vec![short], &mut h)
                .unwrap()
                .is_err()
        );
    }

    fn col_of(json: &str) -> CollRef {
        col(json)
    }

    #[test]
    fn inconsistent_comparator_does_not_panic() {
        let mut h = with(host(), "chaos", |_| Ok(Value::Bool(true)));
        let c = col("[5,1,4,2,3,9,8,7,6,0,11,15,13]");
        let r = collection_method(&c, "sort", vec![f("chaos")], &mut h).unwrap();
        assert!(r.is_ok());
        assert_eq!(c.len(), 13);
    }

    #[test]
    fn callbacks() {
        // map with an extra parameter: Round(($1.value/$2)*100; 2)
        let mut h = with(host(), "pct", |a| {
            let v = num(&p1(a).get("value"));
            Ok(n(((v / num(&a[1])) * 100.0 * 100.0).round() / 100.0))
        });
        let c = col("[1,4,9,10,20]");
        assert_eq!(
            js(&call_m(&c, "map", vec![f("pct"), n(44.0)], &mut h)),
            "[2.27,9.09,20.45,22.73,45.45]"
        );
        // filter: text elements shorter than $2
        let mut h = with(host(), "short", |a| {
            Ok(Value::Bool(
                matches!(p1(a).get("value"), Value::Text(t) if (t.chars().count() as f64) < num(&a[1])),
            ))
        });
        let c = col(r#"["hello","world","red horse",66,"tim","san jose","miami"]"#);
        assert_eq!(
            js(&call_m(&c, "filter", vec![f("short"), n(6.0)], &mut h)),
            r#"["hello","world","tim","miami"]"#
        );
        let c = col(r#"["hello","world",4,"red horse","tim","san jose"]"#);
        assert_eq!(
            js(&call_m(&c, "find", vec![f("short"), n(5.0)], &mut h)),
            "\"tim\""
        );
        assert_eq!(
            js(&call_m(&c, "findIndex", vec![f("short"), n(5.0)], &mut h)),
            "4"
        );
        assert_eq!(
            js(&call_m(
                &c,
                "findIndex",
                vec![n(5.0), f("short"), n(5.0)],
                &mut h
            )),
            "-1"
        );
        assert!(call_m(&c, "find", vec![f("short"), n(1.0)], &mut h).is_undefined());

        let mut h = with(host(), "pos", |a| {
            Ok(Value::Bool(num(&p1(a).get("value")) > 0.0))
        });
        let c = col("[5,3,1,4,6,2]");
        assert_eq!(js(&call_m(&c, "every", vec![f("pos")], &mut h)), "true");
        call_m(&c, "push", vec![n(-1.0)], &mut h);
        assert_eq!(js(&call_m(&c, "every", vec![f("pos")], &mut h)), "false");
        let c = col("[-5,-3,-1,-4,-6,-2]");
        assert_eq!(js(&call_m(&c, "some", vec![f("pos")], &mut h)), "false");
        let c = col("[1,-5,-3,-1,-4,-6,-2]");
        assert_eq!(js(&call_m(&c, "some", vec![f("pos")], &mut h)), "true");
        assert_eq!(
            js(&call_m(&c, "some", vec![n(1.0), f("pos")], &mut h)),
            "false"
        );

        // reduce: $1.accumulator*=$1.value with init 1 (sets, returns nothing)
        let mut h = with(host(), "mul", |a| {
            let p = p1(a);
            let x = num(&p.get("accumulator")) * num(&p.get("value"));
            p.write().insert("accumulator".into(), n(x));
            Ok(Value::Undefined)
        });
        let c = col("[5,3,5,1,3,4,4,6,2,2]");
        assert_eq!(
            js(&call_m(&c, "reduce", vec![f("mul"), n(1.0)], &mut h)),
            "86400"
        );
        assert_eq!(
            js(&call_m(&c, "reduceRight", vec![f("mul"), n(1.0)], &mut h)),
            "86400"
        );

        // flatMap: New collection($1.value*2)
        let mut h = with(host(), "dbl", |a| {
            Ok(Value::Collection(CollRef::new(vec![n(num(
                &p1(a).get("value")
            ) * 2.0)])))
        });
        let c = col("[1,2,3,4]");
        assert_eq!(
            js(&call_m(&c, "map", vec![f("dbl")], &mut h)),
            "[[2],[4],[6],[8]]"
        );
        assert_eq!(
            js(&call_m(&c, "flatMap", vec![f("dbl")], &mut h)),
            "[2,4,6,8]"
        );

        // $1.stop ends map early
        let mut h = with(host(), "stopper", |a| {
            let p = p1(a);
            let v = num(&p.get("value"));
            if v >= 2.0 {
                p.write().insert("stop".into(), Value::Bool(true));
            }
            Ok(n(v))
        });
        assert_eq!(js(&call_m(&c, "map", vec![f("stopper")], &mut h)), "[1,2]");

        // errors from the callback propagate
        let mut h = with(host(), "boom", |_| {
            Err(RuntimeError::new(-12345, "Division by zero"))
        });
        let e = collection_method(&c, "map", vec![f("boom")], &mut h)
            .unwrap()
            .unwrap_err();
        assert_eq!(e.code, -12345);
    }

    #[test]
    fn queries() {
        let mut h = host();
        let c = col(
            r#"[{"name":"Cleveland","zc":35049},{"name":"Blountsville","zc":35031},{"name":"Adger","zc":35006},{"name":"Clanton","zc":35046},{"name":"Clanton","zc":35045}]"#,
        );
        assert_eq!(
            js(&call_m(
                &c,
                "query",
                vec![t("name = :1"), t("Cleveland")],
                &mut h
            )),
            r#"[{"name":"Cleveland","zc":35049}]"#
        );
        assert_eq!(
            js(&call_m(&c, "query", vec![t("zc > 35040")], &mut h)),
            r#"[{"name":"Cleveland","zc":35049},{"name":"Clanton","zc":35046},{"name":"Clanton","zc":35045}]"#
        );
        assert_eq!(
            js(&call_m(
                &c,
                "indices",
                vec![t("name = :1"), t("Cleveland")],
                &mut h
            )),
            "[0]"
        );
        assert_eq!(
            js(&call_m(&c, "indices", vec![t("zc > 35040")], &mut h)),
            "[0,3,4]"
        );
        assert_eq!(
            js(&call_m(
                &c,
                "indices",
                vec![t("name = 'cl@' and zc < 35046")],
                &mut h
            )),
            "[4]"
        );
        assert_eq!(
            js(&call_m(
                &c,
                "indices",
                vec![t("(name = Adger or zc = 35031) and not(zc = 35006)")],
                &mut h
            )),
            "[1]"
        );
        let p = col(
            r#"[{"name":"Smith","age":45},{"name":"Wesson"},{"name":"Winch","age":36},{"name":"Sterling","age":null}]"#,
        );
        assert_eq!(
            js(&call_m(&p, "indices", vec![t("age=null")], &mut h)),
            "[1,3]"
        );
        assert_eq!(
            js(&call_m(
                &p,
                "indices",
                vec![t("name = :1"), t("@in@")],
                &mut h
            )),
            "[2,3]"
        );
        assert_eq!(
            js(&call_m(
                &p,
                "indices",
                vec![t("name # :1"), t("W@")],
                &mut h
            )),
            "[0,3]"
        );
        assert!(collection_method(&p, "query", vec![t("name = ")], &mut h)
            .unwrap()
            .is_err());
    }
}
