//! Text commands (docs/commands-legacy/*.md, Strings theme).
//!
//! Positions are 1-based and count Unicode characters. Searches ignore case
//! and accents unless `*` is passed (then they compare character codes).

use super::{arg_error, arg_int, arg_num, arg_text, need, opt_int, real, split_star, ERR_ARG};
use crate::error::{RtResult, RuntimeError};
use crate::value::compare::{case_tiebreak, fold_char, text_order_plain};
use crate::value::format::{format_with, to_text};
use crate::value::{CollRef, Value};

/// `Length(text)`.
pub fn length(args: &[Value]) -> RtResult<Value> {
    need("Length", args, 1)?;
    if let Value::Text(t) = &args[0] {
        // No copy of the text just to count it.
        return Ok(Value::Int(t.chars().count() as i32));
    }
    Ok(Value::Int(
        arg_text("Length", args, 0)?.chars().count() as i32
    ))
}

/// `Substring(source; firstChar {; numChars})`.
pub fn substring(args: &[Value]) -> RtResult<Value> {
    need("Substring", args, 2)?;
    let s = arg_text("Substring", args, 0)?;
    let first = arg_int("Substring", args, 1)?.max(1);
    let count = opt_int("Substring", args, 2)?;
    let skip = (first - 1) as usize;
    let out: String = match count {
        Some(n) if n <= 0 => String::new(),
        Some(n) => s.chars().skip(skip).take(n as usize).collect(),
        None => s.chars().skip(skip).collect(),
    };
    Ok(Value::text(out))
}

/// How a search compares characters.
#[derive(Clone, Copy)]
struct Match {
    case_insensitive: bool,
    accent_insensitive: bool,
}

impl Match {
    /// 4D's default (and `=`): case and accents ignored.
    const DEFAULT: Match = Match {
        case_insensitive: true,
        accent_insensitive: true,
    };
    /// `*`: character codes.
    const EXACT: Match = Match {
        case_insensitive: false,
        accent_insensitive: false,
    };

    /// From `sk …` options: `sk char codes` 1 (+ `sk case insensitive` 2 for
    /// a-z only), `sk case insensitive` 2, `sk diacritic insensitive` 4, `sk strict` 0.
    fn from_options(o: i64) -> Match {
        Match {
            case_insensitive: o & 2 != 0,
            accent_insensitive: o & 1 == 0 && o & 4 != 0,
        }
    }

    fn key(self, c: char) -> char {
        let c = if self.accent_insensitive {
            let f = fold_char(c);
            if c.is_uppercase() && !self.case_insensitive {
                f.to_uppercase().next().unwrap_or(f)
            } else {
                f
            }
        } else {
            c
        };
        if self.case_insensitive {
            c.to_lowercase().next().unwrap_or(c)
        } else {
            c
        }
    }
}

/// Finds `find` in `hay` from char index `from`; returns the char index.
fn find_chars(hay: &[char], find: &[char], from: usize, exact: bool) -> Option<usize> {
    find_with(
        hay,
        find,
        from,
        if exact { Match::EXACT } else { Match::DEFAULT },
    )
}

fn find_with(hay: &[char], find: &[char], from: usize, m: Match) -> Option<usize> {
    if find.is_empty() || find.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - find.len()).find(|&i| {
        find.iter()
            .zip(&hay[i..])
            .all(|(&f, &h)| m.key(f) == m.key(h))
    })
}

/// `Position(find; aString {; start {; lengthFound}}{; *})` and
/// `Position(find; aString; start; lengthFound; options)`: the position
/// (1-based, 0 when not found) and the length found, for the interpreter to
/// store in the `lengthFound` variable.
pub fn position_found(args: &[Value]) -> RtResult<(i32, i32)> {
    let (args, star) = split_star(args);
    need("Position", args, 2)?;
    let find: Vec<char> = arg_text("Position", args, 0)?.chars().collect();
    let hay: Vec<char> = arg_text("Position", args, 1)?.chars().collect();
    let start = opt_int("Position", args, 2)?.unwrap_or(1).max(1) as usize;
    let m = if star {
        Match::EXACT
    } else {
        match opt_int("Position", args, 4)? {
            Some(o) => Match::from_options(o),
            None => Match::DEFAULT,
        }
    };
    Ok(match find_with(&hay, &find, start - 1, m) {
        Some(i) => (i as i32 + 1, find.len() as i32),
        None => (0, 0),
    })
}

/// `Position(…)` as a pure command (the `lengthFound` output is the
/// interpreter's: see [`position_found`]).
pub fn position(args: &[Value]) -> RtResult<Value> {
    Ok(Value::Int(position_found(args)?.0))
}

/// `Replace string(source; old; new {; howMany}{; *})`.
pub fn replace_string(args: &[Value]) -> RtResult<Value> {
    let (args, exact) = split_star(args);
    need("Replace string", args, 3)?;
    let src: Vec<char> = arg_text("Replace string", args, 0)?.chars().collect();
    let old: Vec<char> = arg_text("Replace string", args, 1)?.chars().collect();
    let new = arg_text("Replace string", args, 2)?;
    let mut how_many = opt_int("Replace string", args, 3)?.unwrap_or(i64::MAX);
    if old.is_empty() {
        return Ok(Value::text(src.iter().collect::<String>()));
    }
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < src.len() {
        if how_many > 0 {
            if let Some(p) = find_chars(&src, &old, i, exact) {
                out.extend(&src[i..p]);
                out.push_str(&new);
                i = p + old.len();
                how_many -= 1;
                continue;
            }
        }
        out.extend(&src[i..]);
        break;
    }
    Ok(Value::text(out))
}

/// `Change string(source; newChars; where)`: overwrite, keeping the length.
pub fn change_string(args: &[Value]) -> RtResult<Value> {
    need("Change string", args, 3)?;
    let mut src: Vec<char> = arg_text("Change string", args, 0)?.chars().collect();
    let new = arg_text("Change string", args, 1)?;
    let at = arg_int("Change string", args, 2)?;
    if at >= 1 && (at as usize) <= src.len() {
        for (k, c) in new.chars().enumerate() {
            match src.get_mut(at as usize - 1 + k) {
                Some(slot) => *slot = c,
                None => break,
            }
        }
    }
    Ok(Value::text(src.into_iter().collect::<String>()))
}

/// `Insert string(source; what; where)`.
pub fn insert_string(args: &[Value]) -> RtResult<Value> {
    need("Insert string", args, 3)?;
    let src: Vec<char> = arg_text("Insert string", args, 0)?.chars().collect();
    let what = arg_text("Insert string", args, 1)?;
    let at = arg_int("Insert string", args, 2)?.clamp(1, src.len() as i64 + 1) as usize - 1;
    let mut out: String = src[..at].iter().collect();
    out.push_str(&what);
    out.extend(&src[at..]);
    Ok(Value::text(out))
}

/// `Delete string(source; where; numChars)`.
pub fn delete_string(args: &[Value]) -> RtResult<Value> {
    need("Delete string", args, 3)?;
    let src: Vec<char> = arg_text("Delete string", args, 0)?.chars().collect();
    let at = arg_int("Delete string", args, 1)?;
    let n = arg_int("Delete string", args, 2)?;
    if at < 1 || at as usize > src.len() || n <= 0 {
        return Ok(Value::text(src.into_iter().collect::<String>()));
    }
    let start = at as usize - 1;
    let end = (start as i64).saturating_add(n).min(src.len() as i64) as usize;
    let mut out: String = src[..start].iter().collect();
    out.extend(&src[end..]);
    Ok(Value::text(out))
}

/// Removes accents (keeping case) for `Uppercase`/`Lowercase` without `*`.
fn strip_accent(c: char) -> char {
    let f = fold_char(c);
    if f == c || !f.is_ascii() {
        return c;
    }
    if c.is_uppercase() {
        f.to_ascii_uppercase()
    } else {
        f
    }
}

/// `Uppercase(text {; *})`: without `*`, accents are removed ("hélène" → "HELENE").
pub fn uppercase(args: &[Value]) -> RtResult<Value> {
    let (args, keep) = split_star(args);
    need("Uppercase", args, 1)?;
    let s = arg_text("Uppercase", args, 0)?;
    let up = s.to_uppercase();
    Ok(Value::text(if keep {
        up
    } else {
        up.chars().map(strip_accent).collect()
    }))
}

/// `Lowercase(text {; *})`.
pub fn lowercase(args: &[Value]) -> RtResult<Value> {
    let (args, keep) = split_star(args);
    need("Lowercase", args, 1)?;
    let s = arg_text("Lowercase", args, 0)?;
    let low = s.to_lowercase();
    Ok(Value::text(if keep {
        low
    } else {
        low.chars().map(strip_accent).collect()
    }))
}

/// `String(value {; format {; addTime}})` / `String(number; base)`.
pub fn string(args: &[Value]) -> RtResult<Value> {
    need("String", args, 1)?;
    let v = &args[0];
    let s = match args.get(1) {
        None => to_text(v),
        Some(f) => {
            let add_time = match args.get(2) {
                Some(t) => Some(
                    arg_num("String", args, 2).map_err(|_| arg_error("String", 2, "a time", t))?
                        as i64,
                ),
                None => None,
            };
            format_with(v, f, add_time)?
        }
    };
    Ok(Value::text(s))
}

/// `Num(expression {; separator})`: lenient text parsing (docs/commands/num.md).
pub fn num(args: &[Value]) -> RtResult<Value> {
    need("Num", args, 1)?;
    Ok(real(match &args[0] {
        Value::Text(t) => {
            let sep = match args.get(1) {
                Some(Value::Text(s)) if !s.is_empty() => s.to_string(),
                _ => ".".to_string(),
            };
            text_to_num(t, &sep)
        }
        Value::Bool(b) => f64::from(u8::from(*b)),
        Value::Undefined | Value::Null => 0.0,
        v => match crate::value::compare::as_number(v) {
            Some(x) => x,
            None => return Err(arg_error("Num", 0, "a text, number or boolean", v)),
        },
    }))
}

/// 4D's `Num` on text: letters are ignored ("a1b2c3" → 123); `-` makes the
/// number negative before any digit and ends it after; `e` starts an exponent.
pub fn text_to_num(t: &str, sep: &str) -> f64 {
    let mut mant = String::new();
    let mut exp = String::new();
    let mut neg = false;
    let mut seen_digit = false;
    let mut seen_sep = false;
    let mut in_exp = false;
    let chars: Vec<char> = t.chars().collect();
    let sepc: Vec<char> = sep.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            if in_exp {
                exp.push(c);
            } else {
                mant.push(c);
            }
            seen_digit = true;
        } else if !in_exp && !seen_sep && chars[i..].starts_with(&sepc) {
            if seen_digit
                || chars
                    .get(i + sepc.len())
                    .is_some_and(|d| d.is_ascii_digit())
            {
                mant.push('.');
                seen_sep = true;
            }
            i += sepc.len();
            continue;
        } else if c == '-' || c == '\u{2013}' {
            if in_exp && exp.is_empty() {
                exp.push('-');
            } else if !seen_digit && !in_exp {
                neg = true;
            } else {
                break;
            }
        } else if (c == 'e' || c == 'E') && seen_digit && !in_exp {
            in_exp = true;
        }
        i += 1;
    }
    let mut x: f64 = if mant.is_empty() || mant == "." {
        0.0
    } else {
        mant.parse().unwrap_or(0.0)
    };
    if in_exp {
        if let Ok(e) = exp.parse::<i32>() {
            x *= 10f64.powi(e);
        }
    }
    if neg {
        -x
    } else {
        x
    }
}

/// `Compare strings(a; b {; options})`: -1, 0 or 1. Options (Strings theme):
/// `sk char codes` 1, `sk case insensitive` 2, `sk diacritic insensitive` 4,
/// `sk strict` 0. Without options the comparison is 4D's default (case and
/// accent insensitive, like `<`).
pub fn compare_strings(args: &[Value]) -> RtResult<Value> {
    need("Compare strings", args, 2)?;
    let a = arg_text("Compare strings", args, 0)?;
    let b = arg_text("Compare strings", args, 1)?;
    let o = match opt_int("Compare strings", args, 2)? {
        None => return Ok(Value::Int(ord_int(text_order_plain(&a, &b)))),
        Some(o) => o,
    };
    let (char_codes, case_ins, diac_ins) = (o & 1 != 0, o & 2 != 0, o & 4 != 0);
    let ord = if char_codes {
        if case_ins {
            a.chars()
                .map(|c| c.to_ascii_lowercase())
                .cmp(b.chars().map(|c| c.to_ascii_lowercase()))
        } else {
            a.chars().cmp(b.chars())
        }
    } else {
        let primary = text_order_plain(&a, &b);
        let accents = || {
            a.chars()
                .flat_map(char::to_lowercase)
                .cmp(b.chars().flat_map(char::to_lowercase))
        };
        let case = || case_tiebreak(&a, &b);
        match (case_ins, diac_ins) {
            (true, true) => primary,
            (true, false) => primary.then_with(accents),
            (false, true) => primary.then_with(|| {
                let strip = |s: &str| s.chars().map(strip_accent).collect::<String>();
                case_tiebreak(&strip(&a), &strip(&b))
            }),
            (false, false) => primary.then_with(accents).then_with(case),
        }
    };
    Ok(Value::Int(ord_int(ord)))
}

fn ord_int(o: std::cmp::Ordering) -> i32 {
    match o {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }
}

/// `Char(code)`.
pub fn char_(args: &[Value]) -> RtResult<Value> {
    need("Char", args, 1)?;
    let code = arg_int("Char", args, 0)?;
    let c = u32::try_from(code).ok().and_then(char::from_u32);
    Ok(Value::text(c.map(String::from).unwrap_or_default()))
}

/// `Character code(character)`: the code of the first character.
pub fn character_code(args: &[Value]) -> RtResult<Value> {
    need("Character code", args, 1)?;
    let s = arg_text("Character code", args, 0)?;
    Ok(Value::Int(s.chars().next().map_or(0, |c| c as i32)))
}

/// `Split string(text; separator {; options})`: `sk ignore empty strings` = 1,
/// `sk trim spaces` = 2.
pub fn split_string(args: &[Value]) -> RtResult<Value> {
    need("Split string", args, 2)?;
    let s = arg_text("Split string", args, 0)?;
    let sep = arg_text("Split string", args, 1)?;
    let opts = opt_int("Split string", args, 2)?.unwrap_or(0);
    // An empty text splits into no parts (docs: Split string("";" ") → []).
    let parts: Vec<String> = if s.is_empty() {
        Vec::new()
    } else if sep.is_empty() {
        s.chars().map(String::from).collect()
    } else {
        s.split(sep.as_str()).map(String::from).collect()
    };
    let items = parts
        .into_iter()
        .map(|p| {
            if opts & 2 != 0 {
                p.trim_matches(' ').to_string()
            } else {
                p
            }
        })
        .filter(|p| opts & 1 == 0 || !p.is_empty())
        .map(Value::text)
        .collect();
    Ok(Value::Collection(CollRef::new(items)))
}

/// `Match regex(pattern; string {; start})`: True when the pattern matches
/// somewhere from `start` (1-based). The array-output forms are the interpreter's.
pub fn match_regex(args: &[Value]) -> RtResult<Value> {
    let (args, _) = split_star(args);
    need("Match regex", args, 2)?;
    let pattern = arg_text("Match regex", args, 0)?;
    let s = arg_text("Match regex", args, 1)?;
    let start = opt_int("Match regex", args, 2)?.unwrap_or(1).max(1) as usize;
    let re = regex::Regex::new(&pattern)
        .map_err(|e| RuntimeError::new(ERR_ARG, format!("Match regex: invalid pattern ({e})")))?;
    let byte = s.char_indices().nth(start - 1).map_or(s.len(), |(b, _)| b);
    Ok(Value::Bool(re.is_match(&s[byte..])))
}

#[cfg(test)]
mod tests {
    use super::super::star;
    use super::*;

    fn t(s: &str) -> Value {
        Value::text(s)
    }
    fn n(x: f64) -> Value {
        Value::Real(x)
    }
    fn s(v: Value) -> String {
        match v {
            Value::Text(t) => t.as_str().to_owned(),
            other => panic!("not text: {other:?}"),
        }
    }
    fn i(v: Value) -> i32 {
        match v {
            Value::Int(x) => x,
            other => panic!("not int: {other:?}"),
        }
    }

    #[test]
    fn substring_examples() {
        assert_eq!(
            s(substring(&[t("08/04/62"), n(4.0), n(2.0)]).unwrap()),
            "04"
        );
        assert_eq!(
            s(substring(&[t("Emergency"), n(1.0), n(6.0)]).unwrap()),
            "Emerge"
        );
        assert_eq!(s(substring(&[t("abc"), n(2.0)]).unwrap()), "bc");
        assert_eq!(s(substring(&[t("abc"), n(9.0)]).unwrap()), "");
        assert_eq!(s(substring(&[t("abc"), n(2.0), n(99.0)]).unwrap()), "bc");
    }

    #[test]
    fn position_examples() {
        assert_eq!(i(position(&[t("ll"), t("Willow")]).unwrap()), 3);
        let today = t("Today is the first day");
        assert_eq!(i(position(&[t("day"), today.clone(), n(1.0)]).unwrap()), 3);
        assert_eq!(i(position(&[t("day"), today.clone(), n(4.0)]).unwrap()), 20);
        assert_eq!(
            i(position(&[t("DAY"), today.clone(), n(1.0), star()]).unwrap()),
            0
        );
        assert_eq!(i(position(&[t("DAY"), today]).unwrap()), 3);
        assert_eq!(i(position(&[t(""), t("")]).unwrap()), 0);
        assert_eq!(i(position(&[t("abc@"), t("abcd")]).unwrap()), 0);
        // options: sk case insensitive (2) keeps accents, + sk diacritic insensitive (4) not
        let s = t("Hello Joëlle et joel!");
        let opt = |o: f64| position_found(&[t("joel"), s.clone(), n(1.0), n(0.0), n(o)]).unwrap();
        assert_eq!(opt(6.0), (7, 4));
        assert_eq!(opt(2.0), (17, 4));
        assert_eq!(opt(0.0), (17, 4));
        assert_eq!(opt(4.0), (17, 4));
        assert_eq!(
            position_found(&[t("JOEL"), s.clone(), n(1.0), n(0.0), n(4.0)]).unwrap(),
            (0, 0)
        );
        assert_eq!(position_found(&[t("zz"), s]).unwrap(), (0, 0));
    }

    #[test]
    fn replace_examples() {
        assert_eq!(
            s(replace_string(&[t("Willow"), t("ll"), t("d")]).unwrap()),
            "Widow"
        );
        assert_eq!(
            s(replace_string(&[t("Shout"), t("o"), t("")]).unwrap()),
            "Shut"
        );
        let creme = t("Crème brûlée");
        assert_eq!(
            s(replace_string(&[creme.clone(), t("Brulee"), t("caramel")]).unwrap()),
            "Crème caramel"
        );
        assert_eq!(
            s(replace_string(&[creme, t("Brulee"), t("caramel"), star()]).unwrap()),
            "Crème brûlée"
        );
        assert_eq!(
            s(replace_string(&[t("aaaa"), t("a"), t("b"), n(2.0)]).unwrap()),
            "bbaa"
        );
        assert_eq!(
            s(replace_string(&[t("abc"), t(""), t("x")]).unwrap()),
            "abc"
        );
    }

    #[test]
    fn change_insert_delete() {
        assert_eq!(
            s(change_string(&[t("Acme"), t("CME"), n(2.0)]).unwrap()),
            "ACME"
        );
        assert_eq!(
            s(change_string(&[t("November"), t("Dec"), n(1.0)]).unwrap()),
            "December"
        );
        assert_eq!(
            s(change_string(&[t("abc"), t("xyz"), n(3.0)]).unwrap()),
            "abx"
        );
        assert_eq!(
            s(change_string(&[t("abc"), t("x"), n(5.0)]).unwrap()),
            "abc"
        );
        assert_eq!(
            s(insert_string(&[t("The tiger"), t(" big"), n(4.0)]).unwrap()),
            "The big tiger"
        );
        assert_eq!(
            s(insert_string(&[t("abc"), t("X"), n(99.0)]).unwrap()),
            "abcX"
        );
        assert_eq!(
            s(insert_string(&[t("abc"), t("X"), n(-1.0)]).unwrap()),
            "Xabc"
        );
        assert_eq!(
            s(delete_string(&[t("Lamborghini"), n(6.0), n(100.0)]).unwrap()),
            "Lambo"
        );
        assert_eq!(
            s(delete_string(&[t("Indentation"), n(6.0), n(2.0)]).unwrap()),
            "Indention"
        );
        assert_eq!(
            s(delete_string(&[t("abc"), n(9.0), n(2.0)]).unwrap()),
            "abc"
        );
    }

    #[test]
    fn case_commands() {
        assert_eq!(s(uppercase(&[t("hélène")]).unwrap()), "HELENE");
        assert_eq!(s(uppercase(&[t("hélène"), star()]).unwrap()), "HÉLÈNE");
        assert_eq!(s(lowercase(&[t("DÉJÀ Vu")]).unwrap()), "deja vu");
        assert_eq!(s(lowercase(&[t("DÉJÀ Vu"), star()]).unwrap()), "déjà vu");
    }

    #[test]
    fn num_examples() {
        let num_of = |x: &str| match num(&[t(x)]).unwrap() {
            Value::Real(r) => r,
            _ => f64::NAN,
        };
        assert_eq!(num_of("ABCD"), 0.0);
        assert_eq!(num_of("A1B2C3"), 123.0);
        assert_eq!(num_of("123"), 123.0);
        assert_eq!(num_of("123.4"), 123.4);
        assert_eq!(num_of("-123"), -123.0);
        assert_eq!(num_of("–123e2"), -12300.0);
        assert_eq!(num_of("123e-2"), 1.23);
        assert_eq!(num_of("123-456"), 123.0);
        assert_eq!(num_of("-9"), -9.0);
        assert!(matches!(num(&[Value::Bool(true)]).unwrap(), Value::Real(r) if r == 1.0));
        assert!(matches!(num(&[Value::Undefined]).unwrap(), Value::Real(r) if r == 0.0));
        assert!(matches!(num(&[t("33,33"), t(",")]).unwrap(), Value::Real(r) if r == 33.33));
    }

    #[test]
    fn chars_and_split() {
        assert_eq!(s(char_(&[n(65.0)]).unwrap()), "A");
        assert_eq!(i(character_code(&[t("A")]).unwrap()), 65);
        assert_eq!(i(character_code(&[t("a")]).unwrap()), 97);
        let vt = t("John;Doe;120 jefferson st.;Riverside;; NJ; 08075");
        let j = |v: Value| crate::value::json::stringify(&v, false);
        assert_eq!(
            j(split_string(&[vt.clone(), t(";")]).unwrap()),
            r#"["John","Doe","120 jefferson st.","Riverside",""," NJ"," 08075"]"#
        );
        assert_eq!(
            j(split_string(&[vt.clone(), t(";"), n(1.0)]).unwrap()),
            r#"["John","Doe","120 jefferson st.","Riverside"," NJ"," 08075"]"#
        );
        assert_eq!(
            j(split_string(&[vt, t(";"), n(3.0)]).unwrap()),
            r#"["John","Doe","120 jefferson st.","Riverside","NJ","08075"]"#
        );
        assert_eq!(
            j(split_string(&[t("abc"), t("")]).unwrap()),
            r#"["a","b","c"]"#
        );
    }

    #[test]
    fn compare_strings_options() {
        let cs = |a: &str, b: &str, o: Option<f64>| {
            let mut args = vec![t(a), t(b)];
            if let Some(o) = o {
                args.push(n(o));
            }
            i(compare_strings(&args).unwrap())
        };
        assert_eq!(cs("alpha", "Alpha", None), 0);
        assert_eq!(cs("alpha", "bravo", None), -1);
        assert_eq!(cs("Alpha", "alpha", Some(1.0)), -1); // char codes: 'A' < 'a'
        assert_eq!(cs("Alpha", "alpha", Some(3.0)), 0);
        assert_eq!(cs("alpha", "Alpha", Some(0.0)), -1); // strict: lower case first
        assert_eq!(cs("alpha", "Alpha", Some(2.0)), 0);
        assert_eq!(cs("àlpha", "alpha", Some(2.0)), 1);
        assert_eq!(cs("àlpha", "alpha", Some(6.0)), 0);
        assert_eq!(cs("Àlpha", "alpha", Some(4.0)), 1);
    }

    #[test]
    fn string_and_regex() {
        assert_eq!(s(string(&[n(32768.0)]).unwrap()), "32768");
        assert_eq!(
            s(string(&[n(1.0 / 3.0), t("##0.00000")]).unwrap()),
            "0.33333"
        );
        assert_eq!(s(string(&[n(254.0), n(16.0)]).unwrap()), "fe");
        assert!(matches!(
            match_regex(&[t("^a.c$"), t("abc")]).unwrap(),
            Value::Bool(true)
        ));
        assert!(matches!(
            match_regex(&[t("b"), t("abc"), n(3.0)]).unwrap(),
            Value::Bool(false)
        ));
        assert!(match_regex(&[t("("), t("abc")]).is_err());
        assert!(length(&[n(1.0)]).is_err());
    }
}
