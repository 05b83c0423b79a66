//! 4D comparison: `=`/`#` and `< <= > >=`, and the total order used by sorts.
//!
//! Text compares case- and accent-insensitively (`"n"="ñ"`, `"A"="å"`), with `@`
//! a wildcard in the right operand only. Numbers compare across Longint, Real
//! and Time. Objects and collections compare by identity. Null and Undefined
//! follow docs/Concepts/dt_null_undefined.md.

use super::{PointerTarget, Value};
use crate::error::{RtResult, RuntimeError};
use std::cmp::Ordering;

/// 4D's error for an operator applied to operands it does not accept.
pub const ERR_INCOMPATIBLE: i32 = 54;

/// Default real comparison epsilon (`SET REAL COMPARISON LEVEL`).
const REAL_EPSILON: f64 = 1e-6;

/// `a = b` with 4D's rules (text ignores case and accents; `@` in `b` is a wildcard).
pub fn equals(a: &Value, b: &Value) -> RtResult<bool> {
    use Value::*;
    Ok(match (a, b) {
        (Undefined | Null, Undefined | Null) => true,
        (Undefined | Null, _) | (_, Undefined | Null) => false,
        (Text(x), Text(y)) => text_equals(x, y),
        (Bool(x), Bool(y)) => x == y,
        (Date(x), Date(y)) => x == y,
        (Time(x), Time(y)) => x == y,
        (Object(x), Object(y)) => x.ptr_eq(y),
        (Collection(x), Collection(y)) => x.ptr_eq(y),
        (Pointer(x), Pointer(y)) => pointer_eq(x, y),
        (Blob(x), Blob(y)) => x == y,
        _ => match (as_number(a), as_number(b)) {
            (Some(x), Some(y)) => real_eq(x, y),
            _ => false,
        },
    })
}

/// `a < b` etc.: `None` when the comparison gives False without error
/// (Undefined against text, number, date or time).
pub fn compare(a: &Value, b: &Value) -> RtResult<Option<Ordering>> {
    use Value::*;
    match (a, b) {
        (Null, _) | (_, Null) => Err(RuntimeError::new(
            ERR_INCOMPATIBLE,
            "Null values cannot be compared with <, <=, > or >=",
        )),
        (Undefined, other) | (other, Undefined) => match other {
            Text(_) | Int(_) | Real(_) | Date(_) | Time(_) => Ok(None),
            _ => Err(RuntimeError::new(
                ERR_INCOMPATIBLE,
                "Undefined value cannot be compared with this type",
            )),
        },
        (Text(x), Text(y)) => Ok(Some(text_order(x, y))),
        (Date(x), Date(y)) => Ok(Some(x.cmp(y))),
        (Time(x), Time(y)) => Ok(Some(x.cmp(y))),
        _ => match (as_number(a), as_number(b)) {
            (Some(x), Some(y)) => Ok(Some(real_cmp(x, y))),
            _ => Err(RuntimeError::new(
                ERR_INCOMPATIBLE,
                format!(
                    "Incompatible types for comparison ({} and {})",
                    type_name(a),
                    type_name(b)
                ),
            )),
        },
    }
}

/// The order `.sort()` / `orderBy` / `SORT ARRAY` use: total, never fails.
/// Mixed types are grouped by type: null, booleans, strings, numbers,
/// objects, collections, dates (docs/API/CollectionClass.md `.sort()`).
pub fn sort_order(a: &Value, b: &Value) -> Ordering {
    use Value::*;
    let (ra, rb) = (type_rank(a), type_rank(b));
    if ra != rb {
        return ra.cmp(&rb);
    }
    match (a, b) {
        (Bool(x), Bool(y)) => x.cmp(y),
        (Text(x), Text(y)) => text_order_plain(x, y).then_with(|| case_tiebreak(x, y)),
        (Date(x), Date(y)) => x.cmp(y),
        // total_cmp keeps the order total even with NaN (sorts must never panic).
        _ => match (as_number(a), as_number(b)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            _ => Ordering::Equal,
        },
    }
}

/// Between texts equal but for case and accents: lower case first, as ICU
/// orders them ("a" before "A"), then by code.
pub fn case_tiebreak(x: &str, y: &str) -> Ordering {
    let key = |c: char| (c.is_uppercase(), c);
    x.chars().map(key).cmp(y.chars().map(key))
}

fn type_rank(v: &Value) -> u8 {
    match v {
        Value::Undefined | Value::Null => 0,
        Value::Bool(_) => 1,
        Value::Text(_) => 2,
        Value::Int(_) | Value::Real(_) | Value::Time(_) => 3,
        Value::Object(_) => 4,
        Value::Collection(_) => 5,
        Value::Date(_) => 6,
        Value::Pointer(_) => 7,
        Value::Blob(_) => 8,
        Value::Array(_) => 9,
    }
}

/// A short type name for error messages.
/// The type name with its article, for messages: "an Integer", "a Text".
pub fn a_type_name(v: &Value) -> String {
    with_article(type_name(v))
}

/// `name` with "a" or "an" before it.
pub fn with_article(n: &str) -> String {
    match n.as_bytes().first() {
        Some(b'A' | b'E' | b'I' | b'O' | b'U') => format!("an {n}"),
        _ => format!("a {n}"),
    }
}

pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Undefined => "Undefined",
        Value::Null => "Null",
        Value::Bool(_) => "Boolean",
        Value::Int(_) => "Integer",
        Value::Real(_) => "Real",
        Value::Text(_) => "Text",
        Value::Date(_) => "Date",
        Value::Time(_) => "Time",
        Value::Object(_) => "Object",
        Value::Collection(_) => "Collection",
        Value::Pointer(_) => "Pointer",
        Value::Blob(_) => "Blob",
        Value::Array(_) => "Array",
    }
}

/// Numeric view of Longint, Real and Time (a Time counts seconds).
pub fn as_number(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Real(r) => Some(*r),
        Value::Time(t) => Some(*t as f64),
        _ => None,
    }
}

fn real_eq(x: f64, y: f64) -> bool {
    x == y || (x - y).abs() < REAL_EPSILON
}

fn real_cmp(x: f64, y: f64) -> Ordering {
    if real_eq(x, y) {
        Ordering::Equal
    } else {
        x.partial_cmp(&y).unwrap_or(Ordering::Equal)
    }
}

fn pointer_eq(a: &PointerTarget, b: &PointerTarget) -> bool {
    use PointerTarget::*;
    match (a, b) {
        (Process(x), Process(y)) | (Interprocess(x), Interprocess(y)) | (Table(x), Table(y)) => {
            x == y
        }
        (
            Local {
                frame: f1,
                slot: s1,
                ..
            },
            Local {
                frame: f2,
                slot: s2,
                ..
            },
        ) => f1 == f2 && s1 == s2,
        (
            Element {
                array: a1,
                index: i1,
            },
            Element {
                array: a2,
                index: i2,
            },
        ) => i1 == i2 && pointer_eq(a1, a2),
        (
            Property {
                object: o1,
                key: k1,
            },
            Property {
                object: o2,
                key: k2,
            },
        ) => o1.ptr_eq(o2) && k1 == k2,
        (
            Field {
                table: t1,
                field: f1,
            },
            Field {
                table: t2,
                field: f2,
            },
        ) => t1 == t2 && f1 == f2,
        _ => false,
    }
}

/// Folds a character for case- and accent-insensitive comparison:
/// lower case, then the base letter of common Latin accented letters.
pub fn fold_char(c: char) -> char {
    let c = if c.is_ascii() {
        return c.to_ascii_lowercase();
    } else {
        c.to_lowercase().next().unwrap_or(c)
    };
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' | 'ŧ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

/// Text `=`: `@` in `pattern` matches any run of characters; `@@` never matches.
pub fn text_equals(text: &str, pattern: &str) -> bool {
    if !pattern.contains('@') {
        return text
            .chars()
            .map(fold_char)
            .eq(pattern.chars().map(fold_char));
    }
    if pattern.contains("@@") {
        return false;
    }
    let t: Vec<char> = text.chars().map(fold_char).collect();
    let p: Vec<char> = pattern.chars().map(fold_char).collect();
    wildcard_match(&t, &p)
}

/// Iterative glob match with `@` as "zero or more characters" (linear backtracking).
fn wildcard_match(t: &[char], p: &[char]) -> bool {
    let (mut ti, mut pi) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && p[pi] == '@' {
            star = Some((pi, ti));
            pi += 1;
        } else if pi < p.len() && p[pi] == t[ti] {
            pi += 1;
            ti += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '@')
}

/// Text ordering for `<`: folded, and a single trailing `@` on the right
/// compares only that many leading characters ("starts with").
pub fn text_order(a: &str, b: &str) -> Ordering {
    if let Some(prefix) = b.strip_suffix('@') {
        if !prefix.contains('@') {
            let n = prefix.chars().count();
            return a
                .chars()
                .take(n)
                .map(collation_key)
                .cmp(prefix.chars().map(collation_key));
        }
    }
    text_order_plain(a, b)
}

/// Folded ordering with no wildcard. Like ICU's primary strength, spaces and
/// punctuation sort before digits, and digits before letters.
pub fn text_order_plain(a: &str, b: &str) -> Ordering {
    a.chars()
        .map(collation_key)
        .cmp(b.chars().map(collation_key))
}

fn collation_key(c: char) -> (u8, char) {
    let f = fold_char(c);
    let class = if f.is_alphabetic() {
        2
    } else if f.is_numeric() {
        1
    } else {
        0
    };
    (class, f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{CollRef, Date as D, ObjRef};

    fn t(s: &str) -> Value {
        Value::text(s)
    }
    fn eq(a: Value, b: Value) -> bool {
        equals(&a, &b).unwrap()
    }

    #[test]
    fn text_equality_case_and_accents() {
        assert!(eq(t("abc"), t("ABC")));
        assert!(eq(t("n"), t("ñ")));
        assert!(eq(t("A"), t("å")));
        assert!(eq(t("a"), t("A")));
        assert!(!eq(t("abc"), t("abd")));
        assert!(!eq(t("abc"), t("ab")));
    }

    #[test]
    fn wildcard_only_on_right() {
        assert!(eq(t("abcdefghij"), t("abc@")));
        assert!(eq(t("abcdefghij"), t("@abcde@fghij@")));
        assert!(!eq(t("abc@"), t("abcdefghij")));
        assert!(!eq(t("abcdefghij"), t("abc@@fg")));
        assert!(eq(t("x"), t("@")));
        assert!(eq(t(""), t("@")));
        assert!(eq(t("abcXdef"), t("abc@def")));
        assert!(!eq(t("abcXdeg"), t("abc@def")));
        assert!(eq(t("aaab"), t("@ab")));
    }

    #[test]
    fn text_ordering() {
        let c = |a: &str, b: &str| compare(&t(a), &t(b)).unwrap().unwrap();
        assert_eq!(c("abd", "abc"), Ordering::Greater);
        assert_eq!(c("ABC", "abd"), Ordering::Less);
        assert_eq!(c("abcd", "abc@"), Ordering::Equal);
        assert_eq!(c("abd", "abc@"), Ordering::Greater);
        assert_eq!(c("a", "b"), Ordering::Less);
        assert_eq!(c("_x", "a"), Ordering::Less);
        assert_eq!(c("9", "a"), Ordering::Less);
        assert_eq!(c("z", "é"), Ordering::Greater);
    }

    #[test]
    fn numbers_cross_compare() {
        assert!(eq(Value::Int(10), Value::Real(10.0)));
        assert!(!eq(Value::Int(10), Value::Int(11)));
        assert!(eq(Value::Real(0.1 + 0.2), Value::Real(0.3)));
        assert_eq!(
            compare(&Value::Int(3), &Value::Real(3.5)).unwrap(),
            Some(Ordering::Less)
        );
        assert!(eq(Value::Time(3600), Value::Int(3600)));
    }

    #[test]
    fn dates_times_bools() {
        let d1 = Value::Date(D {
            year: 2017,
            month: 1,
            day: 20,
        });
        let d2 = Value::Date(D {
            year: 2017,
            month: 1,
            day: 1,
        });
        assert!(!eq(d1.clone(), d2.clone()));
        assert_eq!(compare(&d1, &d2).unwrap(), Some(Ordering::Greater));
        assert!(eq(Value::Time(10), Value::Time(10)));
        assert!(eq(Value::Bool(true), Value::Bool(true)));
        assert!(!eq(Value::Bool(true), Value::Bool(false)));
        assert!(!eq(Value::Bool(true), Value::Int(1)));
    }

    #[test]
    fn null_and_undefined() {
        assert!(eq(Value::Null, Value::Null));
        assert!(eq(Value::Null, Value::Undefined));
        assert!(eq(Value::Undefined, Value::Undefined));
        assert!(!eq(Value::Null, Value::Real(42.0)));
        assert!(!eq(Value::Undefined, Value::Real(42.0)));
        // $o.missing>"abc" → False, no error; $vVar<42 → False
        assert_eq!(compare(&Value::Undefined, &t("abc")).unwrap(), None);
        assert_eq!(
            compare(&Value::Undefined, &Value::Real(42.0)).unwrap(),
            None
        );
        // $o.nullProp>1 → error; undefined > undefined → error
        assert!(compare(&Value::Null, &Value::Real(1.0)).is_err());
        assert!(compare(&Value::Undefined, &Value::Undefined).is_err());
        assert!(compare(&Value::Undefined, &Value::Bool(true)).is_err());
    }

    #[test]
    fn identity_for_objects_and_collections() {
        let c1 = CollRef::new(vec![t("a"), Value::Real(42.0)]);
        let c2 = CollRef::new(vec![t("a"), Value::Real(42.0)]);
        let c3 = c1.clone();
        assert!(eq(Value::Collection(c1.clone()), Value::Collection(c3)));
        assert!(!eq(Value::Collection(c1), Value::Collection(c2)));
        let o = ObjRef::new();
        assert!(eq(Value::Object(o.clone()), Value::Object(o)));
        assert!(!eq(
            Value::Object(ObjRef::new()),
            Value::Object(ObjRef::new())
        ));
    }

    #[test]
    fn mismatched_types() {
        assert!(!eq(t("1"), Value::Real(1.0)));
        assert!(compare(&t("1"), &Value::Real(1.0)).is_err());
    }

    #[test]
    fn sort_order_groups_types() {
        let d = Value::Date(D {
            year: 2020,
            month: 1,
            day: 1,
        });
        let mut v = vec![
            d.clone(),
            Value::Collection(CollRef::new(vec![])),
            Value::Real(2.0),
            t("b"),
            Value::Object(ObjRef::new()),
            Value::Null,
            Value::Bool(true),
            Value::Int(1),
            t("A"),
            Value::Bool(false),
        ];
        v.sort_by(sort_order);
        let names: Vec<&str> = v.iter().map(type_name).collect();
        assert_eq!(
            names,
            [
                "Null",
                "Boolean",
                "Boolean",
                "Text",
                "Text",
                "Integer",
                "Real",
                "Object",
                "Collection",
                "Date"
            ]
        );
        assert!(matches!(&v[1], Value::Bool(false)));
        assert!(matches!(&v[3], Value::Text(s) if s.as_str() == "A"));
    }
}
