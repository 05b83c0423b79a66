//! Operators and assignment coercion, with 4D's per-type meanings
//! (docs/Concepts/operators.md, dt_number.md, dt_string.md, dt_date.md, dt_time.md).

use super::errors::{err, type_err, DIV_ZERO};
use super::ir::VType;
use super::R;
use crate::syntax::ast::BinOp;
use crate::value::compare;
use crate::value::{Date, Value};
use chrono::{Datelike, Duration, NaiveDate};
use std::cmp::Ordering;
use std::sync::Arc;

/// The 4D type name of a value, for error messages (one table, in `value::compare`).
pub use crate::value::compare::{a_type_name, type_name, with_article};

/// A number's value (Integer, Real), or None.
#[inline]
pub fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Real(r) => Some(*r),
        _ => None,
    }
}

/// An integer result, as Integer when it fits 32 bits, else Real.
#[inline]
fn int_or_real(x: i64) -> Value {
    if x >= i32::MIN as i64 && x <= i32::MAX as i64 {
        Value::Int(x as i32)
    } else {
        Value::Real(x as f64)
    }
}

/// A Real to a 32-bit Long as 4D's bitwise operators and `%` take it.
#[inline]
fn to_long(r: f64) -> i64 {
    // `as` truncates toward zero and saturates (NaN → 0).
    r as i64
}

fn mismatch(op: BinOp, a: &Value, b: &Value) -> Box<crate::error::RuntimeError> {
    type_err(format!(
        "The operator '{}' cannot be applied to {} and {}",
        op.symbol(),
        type_name(a),
        type_name(b)
    ))
}

pub fn date_to_naive(d: &Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year, d.month, d.day)
}

pub fn naive_to_date(n: NaiveDate) -> Date {
    Date {
        year: n.year(),
        month: n.month(),
        day: n.day(),
    }
}

fn date_add_days(d: &Date, days: f64) -> Value {
    match date_to_naive(d) {
        // try_days: a day count beyond chrono's range is the null date, not a panic.
        Some(n) => {
            match Duration::try_days(days.trunc() as i64).and_then(|d| n.checked_add_signed(d)) {
                Some(r) => Value::Date(naive_to_date(r)),
                None => Value::Date(Date::NULL),
            }
        }
        None => Value::Date(Date::NULL),
    }
}

/// Same tolerance as `value::compare` for Real `=`.
const REAL_EPSILON: f64 = 1e-6;

#[inline]
fn real_eq(x: f64, y: f64) -> bool {
    x == y || (x - y).abs() < REAL_EPSILON
}

/// A number read without going through `Value`.
#[derive(Clone, Copy)]
pub enum Num {
    I(i64),
    R(f64),
}

/// The result of [`num_op`].
pub enum NumResult {
    N(Num),
    B(bool),
}

impl NumResult {
    pub fn as_num(self) -> Option<Num> {
        match self {
            NumResult::N(n) => Some(n),
            NumResult::B(_) => None,
        }
    }
    pub fn into_value(self) -> Value {
        match self {
            NumResult::N(Num::I(x)) => int_or_real(x),
            NumResult::N(Num::R(x)) => Value::Real(x),
            NumResult::B(b) => Value::Bool(b),
        }
    }
}

/// Arithmetic and comparison on two numbers: the fast path of [`binary`];
/// `None` for what it does not handle (`^`, and `\`/`%` by zero, whose error
/// the generic path raises).
#[inline(always)]
pub fn num_op(op: BinOp, a: Num, b: Num) -> Option<NumResult> {
    use BinOp::*;
    if let (Num::I(x), Num::I(y)) = (a, b) {
        let fits = |v: i64| v >= i32::MIN as i64 && v <= i32::MAX as i64;
        let n = |v: i64| {
            if fits(v) {
                NumResult::N(Num::I(v))
            } else {
                NumResult::N(Num::R(v as f64))
            }
        };
        return Some(match op {
            Add => n(x + y),
            Sub => n(x - y),
            Mul => n(x * y),
            Div => NumResult::N(Num::R(x as f64 / y as f64)),
            IntDiv if y != 0 => n(x / y),
            Mod if y != 0 => n(x % y),
            Eq => NumResult::B(x == y),
            Ne => NumResult::B(x != y),
            Lt => NumResult::B(x < y),
            Le => NumResult::B(x <= y),
            Gt => NumResult::B(x > y),
            Ge => NumResult::B(x >= y),
            _ => return None,
        });
    }
    let f = |n: Num| match n {
        Num::I(v) => v as f64,
        Num::R(v) => v,
    };
    let (x, y) = (f(a), f(b));
    Some(match op {
        Add => NumResult::N(Num::R(x + y)),
        Sub => NumResult::N(Num::R(x - y)),
        Mul => NumResult::N(Num::R(x * y)),
        Div => NumResult::N(Num::R(x / y)),
        IntDiv | Mod => {
            let (xi, yi) = (to_long(x), to_long(y));
            if yi == 0 {
                return None;
            }
            let r = if op == IntDiv { xi / yi } else { xi % yi };
            if r >= i32::MIN as i64 && r <= i32::MAX as i64 {
                NumResult::N(Num::I(r))
            } else {
                NumResult::N(Num::R(r as f64))
            }
        }
        Eq => NumResult::B(real_eq(x, y)),
        Ne => NumResult::B(!real_eq(x, y)),
        Lt => NumResult::B(!real_eq(x, y) && x < y),
        Le => NumResult::B(real_eq(x, y) || x < y),
        Gt => NumResult::B(!real_eq(x, y) && x > y),
        Ge => NumResult::B(real_eq(x, y) || x > y),
        _ => return None,
    })
}

/// A number value as an operand of [`num_op`].
#[inline(always)]
pub fn num_of(v: &Value) -> Option<Num> {
    match v {
        Value::Int(x) => Some(Num::I(*x as i64)),
        Value::Real(x) => Some(Num::R(*x)),
        _ => None,
    }
}

/// `a op b` for every binary operator except `&&`/`||` (short-circuit).
#[inline]
pub fn binary(op: BinOp, a: Value, b: Value) -> R<Value> {
    if let (Some(x), Some(y)) = (num_of(&a), num_of(&b)) {
        if let Some(r) = num_op(op, x, y) {
            // Two numbers own nothing: no drop glue on this hot path.
            std::mem::forget(a);
            std::mem::forget(b);
            return Ok(r.into_value());
        }
    }
    binary_slow(op, a, b)
}

fn binary_slow(op: BinOp, a: Value, b: Value) -> R<Value> {
    use BinOp::*;
    match op {
        Add => add(a, b),
        Sub => sub(a, b),
        Mul => mul(a, b),
        Div => div(a, b),
        IntDiv => int_div(a, b),
        Mod => modulo(a, b),
        Pow => match (num(&a), num(&b)) {
            (Some(x), Some(y)) => Ok(Value::Real(x.powf(y))),
            _ => Err(mismatch(op, &a, &b)),
        },
        Eq => Ok(Value::Bool(equals(&a, &b)?)),
        Ne => Ok(Value::Bool(!equals(&a, &b)?)),
        Lt | Le | Gt | Ge => {
            let ord = order(&a, &b)?;
            Ok(Value::Bool(match ord {
                None => false,
                Some(o) => match op {
                    Lt => o == Ordering::Less,
                    Le => o != Ordering::Greater,
                    Gt => o == Ordering::Greater,
                    _ => o != Ordering::Less,
                },
            }))
        }
        BitAnd | BitOr => match (&a, &b) {
            (Value::Bool(x), Value::Bool(y)) => {
                Ok(Value::Bool(if op == BitAnd { *x && *y } else { *x || *y }))
            }
            _ => bits(op, &a, &b),
        },
        BitXor | Shl | Shr | BitSet | BitClear | BitTest => bits(op, &a, &b),
        And | Or => Err(mismatch(op, &a, &b)),
        ScaleH | ScaleV => Err(type_err(format!(
            "The operator '{}' works on pictures, which fourd does not support",
            op.symbol()
        ))),
    }
}

fn bits(op: BinOp, a: &Value, b: &Value) -> R<Value> {
    let (Some(x), Some(y)) = (num(a), num(b)) else {
        return Err(mismatch(op, a, b));
    };
    let x = to_long(x) as i32 as u32;
    let y = to_long(y);
    let r: u32 = match op {
        BinOp::BitAnd => x & (y as i32 as u32),
        BinOp::BitOr => x | (y as i32 as u32),
        BinOp::BitXor => x ^ (y as i32 as u32),
        BinOp::Shl => {
            if !(0..=31).contains(&y) {
                0
            } else {
                x << y
            }
        }
        BinOp::Shr => {
            if !(0..=31).contains(&y) {
                0
            } else {
                x >> y
            }
        }
        BinOp::BitSet => {
            if (0..=31).contains(&y) {
                x | (1 << y)
            } else {
                x
            }
        }
        BinOp::BitClear => {
            if (0..=31).contains(&y) {
                x & !(1 << y)
            } else {
                x
            }
        }
        BinOp::BitTest => {
            return Ok(Value::Bool((0..=31).contains(&y) && x & (1 << y) != 0));
        }
        _ => return Err(mismatch(op, a, b)),
    };
    Ok(Value::Int(r as i32))
}

fn add(a: Value, b: Value) -> R<Value> {
    match (a, b) {
        (Value::Text(mut x), Value::Text(y)) => {
            if let Some(s) = Arc::get_mut(&mut x) {
                // The left text is not shared: append in place.
                s.push_str(&y);
                return Ok(Value::Text(x));
            }
            // One allocation of the final size, not a copy then a regrowth.
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(&x);
            s.push_str(&y);
            Ok(Value::Text(Arc::new(s)))
        }
        (Value::Date(d), b) if num(&b).is_some() => Ok(date_add_days(&d, num(&b).unwrap_or(0.0))),
        (Value::Time(x), Value::Time(y)) => Ok(Value::Time(x + y)),
        (Value::Time(x), b) if num(&b).is_some() => {
            Ok(Value::Real(x as f64 + num(&b).unwrap_or(0.0)))
        }
        (a, Value::Time(y)) if num(&a).is_some() => {
            Ok(Value::Real(num(&a).unwrap_or(0.0) + y as f64))
        }
        (a, b) => match (num(&a), num(&b)) {
            (Some(x), Some(y)) => Ok(Value::Real(x + y)),
            _ => Err(mismatch(BinOp::Add, &a, &b)),
        },
    }
}

fn sub(a: Value, b: Value) -> R<Value> {
    match (&a, &b) {
        (Value::Date(x), Value::Date(y)) => {
            let days = match (date_to_naive(x), date_to_naive(y)) {
                (Some(p), Some(q)) => (p - q).num_days(),
                _ => 0,
            };
            Ok(Value::Real(days as f64))
        }
        (Value::Date(d), n) if num(n).is_some() => Ok(date_add_days(d, -num(n).unwrap_or(0.0))),
        (Value::Time(x), Value::Time(y)) => Ok(Value::Time(x - y)),
        (Value::Time(x), n) if num(n).is_some() => {
            Ok(Value::Real(*x as f64 - num(n).unwrap_or(0.0)))
        }
        (n, Value::Time(y)) if num(n).is_some() => {
            Ok(Value::Real(num(n).unwrap_or(0.0) - *y as f64))
        }
        _ => match (num(&a), num(&b)) {
            (Some(x), Some(y)) => Ok(Value::Real(x - y)),
            _ => Err(mismatch(BinOp::Sub, &a, &b)),
        },
    }
}

fn mul(a: Value, b: Value) -> R<Value> {
    match (&a, &b) {
        (Value::Text(t), n) if num(n).is_some() => {
            let k = num(n).unwrap_or(0.0);
            let k = if k > 0.0 { k.trunc() as usize } else { 0 };
            if t.len().saturating_mul(k) > (1 << 31) {
                return Err(err(
                    super::errors::BAD_ARGUMENT,
                    "The text would be larger than 2 GB",
                ));
            }
            Ok(Value::text(t.repeat(k)))
        }
        (Value::Time(x), Value::Time(y)) => Ok(Value::Time(x * y)),
        (Value::Time(x), n) if num(n).is_some() => {
            Ok(Value::Real(*x as f64 * num(n).unwrap_or(0.0)))
        }
        (n, Value::Time(y)) if num(n).is_some() => {
            Ok(Value::Real(num(n).unwrap_or(0.0) * *y as f64))
        }
        _ => match (num(&a), num(&b)) {
            (Some(x), Some(y)) => Ok(Value::Real(x * y)),
            _ => Err(mismatch(BinOp::Mul, &a, &b)),
        },
    }
}

fn as_seconds(v: &Value) -> Option<f64> {
    match v {
        Value::Time(t) => Some(*t as f64),
        _ => num(v),
    }
}

fn div_zero() -> Box<crate::error::RuntimeError> {
    err(DIV_ZERO, "Division by zero")
}

fn div(a: Value, b: Value) -> R<Value> {
    let (Some(x), Some(y)) = (as_seconds(&a), as_seconds(&b)) else {
        return Err(mismatch(BinOp::Div, &a, &b));
    };
    if let (Value::Time(_), Value::Time(_)) = (&a, &b) {
        if y == 0.0 {
            return Err(div_zero());
        }
        return Ok(Value::Time((x / y).trunc() as i64));
    }
    Ok(Value::Real(x / y))
}

fn int_div(a: Value, b: Value) -> R<Value> {
    let (Some(x), Some(y)) = (as_seconds(&a), as_seconds(&b)) else {
        return Err(mismatch(BinOp::IntDiv, &a, &b));
    };
    let (xi, yi) = (to_long(x), to_long(y));
    if yi == 0 {
        return Err(div_zero());
    }
    let r = xi / yi;
    if let (Value::Time(_), Value::Time(_)) = (&a, &b) {
        return Ok(Value::Time(r));
    }
    Ok(int_or_real(r))
}

fn modulo(a: Value, b: Value) -> R<Value> {
    if let (Value::Text(t), Value::Text(k)) = (&a, &b) {
        return Ok(Value::Bool(keyword_match(t, k)));
    }
    let (Some(x), Some(y)) = (as_seconds(&a), as_seconds(&b)) else {
        return Err(mismatch(BinOp::Mod, &a, &b));
    };
    let (xi, yi) = (to_long(x), to_long(y));
    if yi == 0 {
        return Err(div_zero());
    }
    let r = xi % yi;
    if let (Value::Time(_), Value::Time(_)) = (&a, &b) {
        return Ok(Value::Time(r));
    }
    Ok(int_or_real(r))
}

/// `text % word`: does `text` contain `word` as a whole word (`@` wildcard allowed)?
fn keyword_match(text: &str, word: &str) -> bool {
    let words = text.split(|c: char| !c.is_alphanumeric() && c != '@' && c != '_');
    words
        .filter(|w| !w.is_empty())
        .any(|w| compare::equals(&Value::text(w), &Value::text(word)).unwrap_or(false))
}

/// `=` with 4D's rules; numbers of either kind compare as numbers.
pub fn equals(a: &Value, b: &Value) -> R<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x == y),
        (Value::Int(_) | Value::Real(_), Value::Int(_) | Value::Real(_)) => {
            let (x, y) = (num(a).unwrap_or(0.0), num(b).unwrap_or(0.0));
            Ok(compare::equals(&Value::Real(x), &Value::Real(y))?)
        }
        (Value::Object(x), Value::Object(y)) => Ok(x.ptr_eq(y)),
        (Value::Collection(x), Value::Collection(y)) => Ok(x.ptr_eq(y)),
        (Value::Date(x), Value::Date(y)) => Ok(x == y),
        (Value::Time(x), Value::Time(y)) => Ok(x == y),
        (Value::Bool(x), Value::Bool(y)) => Ok(x == y),
        (x, y) if x.is_nullish() || y.is_nullish() => Ok(x.is_nullish() && y.is_nullish()),
        _ => Ok(compare::equals(a, b)?),
    }
}

/// `< <= > >=`: the order, `None` for "False without error".
pub fn order(a: &Value, b: &Value) -> R<Option<Ordering>> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(Some(x.cmp(y))),
        (Value::Int(_) | Value::Real(_), Value::Int(_) | Value::Real(_)) => {
            let (x, y) = (num(a).unwrap_or(0.0), num(b).unwrap_or(0.0));
            Ok(compare::compare(&Value::Real(x), &Value::Real(y))?)
        }
        (Value::Date(x), Value::Date(y)) => Ok(Some(x.cmp(y))),
        (Value::Time(x), Value::Time(y)) => Ok(Some(x.cmp(y))),
        _ => Ok(compare::compare(a, b)?),
    }
}

/// Unary minus.
pub fn neg(v: Value) -> R<Value> {
    match v {
        Value::Int(i) => Ok(int_or_real(-(i as i64))),
        Value::Real(r) => Ok(Value::Real(-r)),
        Value::Time(t) => Ok(Value::Time(-t)),
        other => Err(type_err(format!(
            "The operator '-' cannot be applied to {}",
            type_name(&other)
        ))),
    }
}

/// Converts `v` for a variable of type `ty` (assignment, parameter passing).
/// Undefined resets to the type's default; numbers convert between kinds;
/// anything else of the wrong type is an error and the variable keeps its value.
pub fn coerce(ty: &VType, v: Value) -> R<Value> {
    if v.is_undefined() {
        return Ok(super::compile::default_of(ty));
    }
    let ok = match (ty, &v) {
        (VType::Variant, _) => true,
        (VType::Text, Value::Text(_)) => true,
        (VType::Integer, Value::Int(_)) => true,
        (VType::Integer, Value::Real(r)) => return Ok(Value::Int(real_to_long(*r))),
        (VType::Integer, Value::Time(t)) => return Ok(Value::Int(*t as i32)),
        (VType::Real, Value::Real(_)) => true,
        (VType::Real, Value::Int(i)) => return Ok(Value::Real(*i as f64)),
        (VType::Real, Value::Time(t)) => return Ok(Value::Real(*t as f64)),
        (VType::Boolean, Value::Bool(_)) => true,
        (VType::Date, Value::Date(_)) => true,
        (VType::Time, Value::Time(_)) => true,
        (VType::Time, Value::Int(i)) => return Ok(Value::Time(*i as i64)),
        (VType::Time, Value::Real(r)) => return Ok(Value::Time(r.trunc() as i64)),
        (VType::Object | VType::Class(_), Value::Object(_) | Value::Null) => true,
        (VType::Collection, Value::Collection(_) | Value::Null) => true,
        (VType::Pointer, Value::Pointer(_) | Value::Null) => true,
        (VType::Blob, Value::Blob(_)) => true,
        // fourd keeps 4D.Blob objects as blobs.
        (VType::Class(c), Value::Blob(_)) if c == "4D.Blob" => true,
        (VType::Picture, _) => true,
        _ => false,
    };
    if ok {
        Ok(v)
    } else {
        Err(type_err(format!(
            "Cannot assign {} value to a variable of type {}",
            a_type_name(&v),
            vtype_name(ty)
        )))
    }
}

/// Real → Longint (truncated toward zero, as `C_LONGINT(i)` then `i:=3.1416` gives 3).
#[inline]
pub fn real_to_long(r: f64) -> i32 {
    // `as` truncates toward zero and saturates (NaN → 0).
    r as i32
}

pub fn vtype_name(t: &VType) -> String {
    match t {
        VType::Text => "Text".into(),
        VType::Integer => "Integer".into(),
        VType::Real => "Real".into(),
        VType::Boolean => "Boolean".into(),
        VType::Date => "Date".into(),
        VType::Time => "Time".into(),
        VType::Object => "Object".into(),
        VType::Collection => "Collection".into(),
        VType::Pointer => "Pointer".into(),
        VType::Picture => "Picture".into(),
        VType::Blob => "Blob".into(),
        VType::Variant => "Variant".into(),
        VType::Class(c) => c.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(x: f64) -> Value {
        Value::Real(x)
    }

    #[test]
    fn ops_integer_division_and_modulo() {
        assert!(matches!(
            binary(BinOp::IntDiv, r(5.0), r(2.0)),
            Ok(Value::Int(2))
        ));
        assert!(matches!(
            binary(BinOp::Mod, r(10.5), r(2.0)),
            Ok(Value::Int(0))
        ));
        assert!(matches!(binary(BinOp::Div, r(5.0), r(2.0)), Ok(Value::Real(x)) if x == 2.5));
        // Real division by zero is infinite (docs/commands/string.md: String(1/0) → "INF").
        assert!(
            matches!(binary(BinOp::Div, r(1.0), r(0.0)), Ok(Value::Real(x)) if x == f64::INFINITY)
        );
        assert!(binary(BinOp::IntDiv, r(1.0), r(0.0)).is_err());
    }

    #[test]
    fn ops_text_repeat_and_concat() {
        let v = binary(BinOp::Mul, Value::text("ab"), r(3.0)).unwrap();
        assert!(matches!(v, Value::Text(t) if t.as_str() == "ababab"));
        assert!(binary(BinOp::Add, Value::text("abc"), r(0.5)).is_err());
    }

    #[test]
    fn ops_time_arithmetic() {
        // ?02:03:04?+65 → 7449 (a number); ?23:00:00?+?02:30:00? → ?25:30:00?
        assert!(
            matches!(binary(BinOp::Add, Value::Time(7384), r(65.0)), Ok(Value::Real(x)) if x == 7449.0)
        );
        assert!(matches!(
            binary(BinOp::Add, Value::Time(82800), Value::Time(9000)),
            Ok(Value::Time(91800))
        ));
        assert!(matches!(
            binary(BinOp::Mod, Value::Time(72600), Value::Time(15600)),
            Ok(Value::Time(10200))
        ));
    }

    #[test]
    fn ops_bitwise() {
        let v = binary(BinOp::BitAnd, r(0x0000FFFF as f64), r(0xFF00FF00u32 as f64)).unwrap();
        assert!(matches!(v, Value::Int(0x0000FF00)));
        assert!(matches!(
            binary(BinOp::Shl, r(65535.0), r(8.0)),
            Ok(Value::Int(0x00FFFF00))
        ));
        assert!(matches!(
            binary(BinOp::BitTest, r(65536.0), r(16.0)),
            Ok(Value::Bool(true))
        ));
    }

    #[test]
    fn ops_coerce_follows_declared_type() {
        assert!(matches!(
            coerce(&VType::Integer, r(3.75)),
            Ok(Value::Int(3))
        ));
        assert!(coerce(&VType::Integer, Value::text("x")).is_err());
        assert!(matches!(
            coerce(&VType::Integer, Value::Undefined),
            Ok(Value::Int(0))
        ));
    }
}
