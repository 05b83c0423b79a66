//! Turning values into text the way `String()` does, with and without a format
//! (docs/commands/string.md).
//!
//! Reals print with 13 significant digits and no trailing zeros. With no format
//! a date prints in the system short format; a CLI run uses the US form
//! `MM/DD/YYYY`, the one the docs show (`String(!2023-11-27!)` → "11/27/2023").

use super::{Date, Value};
use crate::error::{RtResult, RuntimeError};
use chrono::{Datelike, NaiveDate, TimeZone};

/// Error for a format argument `String` cannot apply.
pub const ERR_BAD_FORMAT: i32 = 54;

/// `String(v)` with no format argument.
pub fn to_text(v: &Value) -> String {
    match v {
        Value::Undefined => String::new(),
        Value::Null => "null".to_string(),
        Value::Text(t) => t.as_str().to_owned(),
        Value::Int(i) => i.to_string(),
        Value::Real(r) => real_to_text(*r),
        Value::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        Value::Date(d) => date_system_short(d),
        Value::Time(t) => time_hh_mm_ss(*t),
        Value::Object(_) | Value::Collection(_) => super::json::stringify(v, false),
        Value::Pointer(_) | Value::Blob(_) | Value::Array(_) => String::new(),
    }
}

/// A real with 13 significant digits, trailing zeros removed; `INF`, `-INF`,
/// and "" for NaN as `String` prints them.
pub fn real_to_text(r: f64) -> String {
    real_digits(r, 13)
}

/// A real with `sig` significant digits (13 for `String`, 15 for JSON).
pub fn real_digits(r: f64, sig: usize) -> String {
    if r.is_nan() {
        return String::new();
    }
    if r.is_infinite() {
        return if r > 0.0 { "INF" } else { "-INF" }.to_string();
    }
    if r == 0.0 {
        return "0".to_string();
    }
    // Fast path for whole numbers that fit the digits (the common case).
    if r.fract() == 0.0 && r.abs() < 1e13 {
        return (r as i64).to_string();
    }
    // Round once in scientific form, then lay the digits out.
    let sci = format!("{:.*e}", sig - 1, r);
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    // Like C's `%.{sig}g`: scientific below 1e-4 and from 10^sig up.
    if exp < -4 || exp >= sig as i32 {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    } else if exp < 0 {
        out.push_str("0.");
        for _ in 0..(-exp - 1) {
            out.push('0');
        }
        out.push_str(digits);
    } else {
        let int_len = exp as usize + 1;
        if digits.len() <= int_len {
            out.push_str(digits);
            for _ in digits.len()..int_len {
                out.push('0');
            }
        } else {
            out.push_str(&digits[..int_len]);
            out.push('.');
            out.push_str(&digits[int_len..]);
        }
    }
    out
}

/// `MM/DD/YYYY`; the null date prints `00/00/00`.
pub fn date_system_short(d: &Date) -> String {
    if d.is_null() {
        return "00/00/00".to_string();
    }
    format!("{:02}/{:02}/{:04}", d.month, d.day, d.year)
}

/// `YYYY-MM-DD`, the form dates take in JSON and in objects.
pub fn date_iso(d: &Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// `HH:MM:SS`, hours not wrapped at 24; negative times get a leading `-`.
pub fn time_hh_mm_ss(t: i64) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let t = t.unsigned_abs();
    format!("{sign}{:02}:{:02}:{:02}", t / 3600, t / 60 % 60, t % 60)
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn naive(d: &Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year, d.month, d.day)
}

/// `String(value; format {; addTime})`.
pub fn format_with(v: &Value, format: &Value, add_time: Option<i64>) -> RtResult<String> {
    match v {
        Value::Int(_) | Value::Real(_) => {
            let x = super::compare::as_number(v).unwrap_or(0.0);
            match format {
                Value::Text(f) => Ok(format_number(x, f)),
                Value::Int(_) | Value::Real(_) => {
                    let base = super::compare::as_number(format).unwrap_or(10.0) as i64;
                    to_base(x, base)
                }
                _ => Ok(to_text(v)),
            }
        }
        Value::Date(d) => match format {
            Value::Text(p) => Ok(format_pattern(Some(d), add_time.unwrap_or(0), p)),
            Value::Int(_) | Value::Real(_) => {
                let code = super::compare::as_number(format).unwrap_or(0.0) as i64;
                Ok(format_date_const(d, code, add_time))
            }
            _ => Ok(to_text(v)),
        },
        Value::Time(t) => match format {
            Value::Text(p) => Ok(format_pattern(None, *t, p)),
            Value::Int(_) | Value::Real(_) => {
                let code = super::compare::as_number(format).unwrap_or(0.0) as i64;
                Ok(format_time_const(*t, code))
            }
            _ => Ok(to_text(v)),
        },
        _ => Ok(to_text(v)),
    }
}

/// `String(number; base)`: radix 2..36 like EcmaScript's `toString`; 0 means 10.
fn to_base(x: f64, base: i64) -> RtResult<String> {
    let base = if base == 0 { 10 } else { base };
    if !(2..=36).contains(&base) {
        return Err(RuntimeError::new(
            ERR_BAD_FORMAT,
            format!("Invalid base {base} (expected 2 to 36)"),
        ));
    }
    if !x.is_finite() {
        return Ok("NaN".to_string());
    }
    let neg = x < 0.0;
    let mut n = x.abs().trunc() as u128;
    let mut digits = Vec::new();
    loop {
        let d = (n % base as u128) as u32;
        digits.push(std::char::from_digit(d, base as u32).unwrap_or('0'));
        n /= base as u128;
        if n == 0 {
            break;
        }
    }
    if neg {
        digits.push('-');
    }
    Ok(digits.iter().rev().collect())
}

/// Predefined date formats (Date Display Formats theme); +100 blanks a null date.
fn format_date_const(d: &Date, code: i64, add_time: Option<i64>) -> String {
    let blank = code >= 100;
    let code = code % 100;
    if d.is_null() {
        if blank {
            return String::new();
        }
        return match code {
            8 => "0000-00-00T00:00:00".to_string(),
            _ => "00/00/00".to_string(),
        };
    }
    let Some(nd) = naive(d) else {
        return date_system_short(d);
    };
    let month = MONTHS[(d.month as usize).saturating_sub(1).min(11)];
    let wday = DAYS[nd.weekday().num_days_from_monday() as usize];
    let t = add_time.unwrap_or(0);
    match code {
        2 => format!("{}, {} {}, {}", &wday[..3], &month[..3], d.day, d.year),
        3 => format!("{}, {} {}, {}", wday, month, d.day, d.year),
        4 => {
            if (1930..2030).contains(&d.year) {
                format!("{:02}/{:02}/{:02}", d.month, d.day, d.year % 100)
            } else {
                format!("{:02}/{:02}/{:04}", d.month, d.day, d.year)
            }
        }
        5 => format!("{} {}, {}", month, d.day, d.year),
        6 => format!("{} {}, {}", &month[..3], d.day, d.year),
        8 => format!("{}T{}", date_iso(d), time_hh_mm_ss(t.rem_euclid(86400))),
        9 | 10 => {
            let local = nd.and_hms_opt(0, 0, 0).and_then(|dt| {
                chrono::Duration::try_seconds(t).and_then(|d| dt.checked_add_signed(d))
            });
            let utc = local.and_then(|dt| chrono::Local.from_local_datetime(&dt).earliest());
            match utc {
                Some(u) => {
                    let u = u.with_timezone(&chrono::Utc);
                    if code == 9 {
                        u.format("%Y-%m-%dT%H:%M:%SZ").to_string()
                    } else {
                        u.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
                    }
                }
                None => date_iso(d),
            }
        }
        _ => date_system_short(d),
    }
}

/// Predefined time formats (Time Display Formats theme); +100 blanks a null time.
fn format_time_const(t: i64, code: i64) -> String {
    let blank = code >= 100;
    let code = code % 100;
    if t == 0 && blank {
        return String::new();
    }
    let neg = if t < 0 { "-" } else { "" };
    let a = t.unsigned_abs();
    let (h, m, s) = (a / 3600, a / 60 % 60, a % 60);
    // Every unit is shown, plural from 2 on: docs/commands/time.md writes
    // String(Time("13:00:00");Hour Min) as "13 hours 0 minute".
    let plural = |n: u64, w: &str| format!("{n} {w}{}", if n > 1 { "s" } else { "" });
    match code {
        2 => format!("{neg}{h:02}:{m:02}"),
        3 => format!(
            "{neg}{} {} {}",
            plural(h, "hour"),
            plural(m, "minute"),
            plural(s, "second")
        ),
        4 => format!("{neg}{} {}", plural(h, "hour"), plural(m, "minute")),
        5 => {
            let h12 = match h % 24 {
                0 => 12,
                x if x > 12 => x - 12,
                x => x,
            };
            let ampm = if h % 24 >= 12 { "PM" } else { "AM" };
            format!("{neg}{h12}:{m:02} {ampm}")
        }
        6 => format!("{neg}{:02}:{s:02}", a / 60),
        7 => format!("{neg}{} {}", plural(a / 60, "minute"), plural(s, "second")),
        8 => format!("0000-00-00T{}", time_hh_mm_ss(t)),
        _ => time_hh_mm_ss(t),
    }
}

/// ICU-style date/time patterns (docs/Project/date-time-formats.md), the common
/// letters: `y M d E H h m s a`, and `'quoted'` literal text.
fn format_pattern(d: Option<&Date>, t: i64, pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let nd = d.and_then(naive);
    let secs = t.rem_euclid(86400);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\'' {
            // '' is a literal quote; 'text' is literal text.
            if chars.get(i + 1) == Some(&'\'') {
                out.push('\'');
                i += 2;
                continue;
            }
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                out.push(chars[i]);
                i += 1;
            }
            i += 1;
            continue;
        }
        if !c.is_ascii_alphabetic() {
            out.push(c);
            i += 1;
            continue;
        }
        let mut n = 1;
        while i + n < chars.len() && chars[i + n] == c {
            n += 1;
        }
        i += n;
        let (year, month, day) = d.map(|d| (d.year, d.month, d.day)).unwrap_or((0, 0, 0));
        match c {
            'y' | 'Y' | 'u' => {
                if n == 2 {
                    out.push_str(&format!("{:02}", year.rem_euclid(100)));
                } else {
                    out.push_str(&format!("{:0width$}", year, width = n));
                }
            }
            'M' | 'L' => match n {
                1 => out.push_str(&month.to_string()),
                2 => out.push_str(&format!("{month:02}")),
                3 => out.push_str(MONTHS.get(month as usize - 1).map_or("", |m| &m[..3])),
                4 => out.push_str(MONTHS.get(month as usize - 1).copied().unwrap_or("")),
                _ => out.push_str(MONTHS.get(month as usize - 1).map_or("", |m| &m[..1])),
            },
            'd' => out.push_str(&format!("{:0width$}", day, width = n)),
            'E' | 'e' | 'c' => {
                let wd = nd.map(|x| DAYS[x.weekday().num_days_from_monday() as usize]);
                let wd = wd.unwrap_or("");
                match n {
                    1..=3 => out.push_str(&wd[..wd.len().min(3)]),
                    4 => out.push_str(wd),
                    _ => out.push_str(&wd[..wd.len().min(1)]),
                }
            }
            'H' => out.push_str(&format!("{:0width$}", h, width = n)),
            'k' => out.push_str(&format!(
                "{:0width$}",
                if h == 0 { 24 } else { h },
                width = n
            )),
            'h' | 'K' => {
                let h12 = if c == 'h' && h % 12 == 0 { 12 } else { h % 12 };
                out.push_str(&format!("{:0width$}", h12, width = n))
            }
            'm' => out.push_str(&format!("{:0width$}", m, width = n)),
            's' => out.push_str(&format!("{:0width$}", s, width = n)),
            'a' => out.push_str(if h >= 12 { "PM" } else { "AM" }),
            'G' => out.push_str(if n >= 4 { "Anno Domini" } else { "AD" }),
            // Time zones, from the machine's current offset.
            'z' | 'O' | 'v' | 'V' => out.push_str(&gmt_offset(n >= 4)),
            'Z' => out.push_str(&match n {
                4 => gmt_offset(true),
                5 => iso_offset(true, true),
                _ => iso_offset(false, false),
            }),
            'X' | 'x' => out.push_str(&iso_offset(n >= 3, c == 'X')),
            'S' => out.push_str(&"0".repeat(n)),
            'D' => {
                let yday = nd.map(|x| x.ordinal()).unwrap_or(0);
                out.push_str(&format!("{:0width$}", yday, width = n))
            }
            'Q' | 'q' => {
                let q = (month.max(1) - 1) / 3 + 1;
                out.push_str(&match n {
                    1 | 2 => format!("{q:0n$}"),
                    3 => format!("Q{q}"),
                    _ => {
                        ["1st", "2nd", "3rd", "4th"][(q - 1) as usize % 4].to_string() + " quarter"
                    }
                })
            }
            _ => {
                for _ in 0..n {
                    out.push(c)
                }
            }
        }
    }
    out
}

/// The machine's UTC offset in seconds, now.
fn local_offset() -> i32 {
    use chrono::Offset;
    chrono::Local::now().offset().fix().local_minus_utc()
}

/// `GMT+1` (short) or `GMT+01:00` (long); `GMT` for UTC (ICU's `O`, `zzzz`).
fn gmt_offset(long: bool) -> String {
    let off = local_offset();
    if off == 0 {
        return "GMT".to_string();
    }
    let sign = if off < 0 { '-' } else { '+' };
    let (h, m) = (off.abs() / 3600, off.abs() / 60 % 60);
    match (long, m) {
        (true, _) => format!("GMT{sign}{h:02}:{m:02}"),
        (false, 0) => format!("GMT{sign}{h}"),
        (false, _) => format!("GMT{sign}{h}:{m:02}"),
    }
}

/// `+0100` / `+01:00`; with `z_for_utc`, `Z` for UTC (ICU's `X`).
fn iso_offset(colon: bool, z_for_utc: bool) -> String {
    let off = local_offset();
    if off == 0 && z_for_utc {
        return "Z".to_string();
    }
    let sign = if off < 0 { '-' } else { '+' };
    let (h, m) = (off.abs() / 3600, off.abs() / 60 % 60);
    if colon {
        format!("{sign}{h:02}:{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}")
    }
}

/// A number through a form number format: `#`, `0`, `^`, `*` placeholders,
/// `,` grouping, `.` decimals, literal text, `pos;neg;zero` sections, and the
/// `&x`, `&$`, `&xml`, `&N` (scientific) special formats.
pub fn format_number(x: f64, fmt: &str) -> String {
    if let Some(spec) = fmt.strip_prefix('&') {
        return special_number_format(x, spec);
    }
    let sections: Vec<&str> = fmt.split(';').collect();
    let (section, value, signed) = if x < 0.0 && sections.len() >= 2 && !sections[1].is_empty() {
        (sections[1], -x, false)
    } else if x == 0.0 && sections.len() >= 3 && !sections[2].is_empty() {
        (sections[2], x, true)
    } else {
        // No (or an empty) section for this sign: the positive one, signed.
        (sections[0], x, true)
    };
    apply_section(section, value, signed)
}

fn is_placeholder(c: char) -> bool {
    matches!(c, '#' | '0' | '^' | '*')
}

fn apply_section(section: &str, x: f64, signed: bool) -> String {
    let chars: Vec<char> = section.chars().collect();
    let first = chars.iter().position(|&c| is_placeholder(c));
    let Some(first) = first else {
        return section.to_string();
    };
    let last = chars
        .iter()
        .rposition(|&c| is_placeholder(c))
        .unwrap_or(first);
    let prefix: String = chars[..first].iter().collect();
    let suffix: String = chars[last + 1..].iter().collect();
    let body = &chars[first..=last];
    let dot = body.iter().position(|&c| c == '.');
    let (int_part, frac_part) = match dot {
        Some(p) => (&body[..p], &body[p + 1..]),
        None => (body, &body[body.len()..]),
    };
    let grouping = int_part.contains(&',');
    let int_ph: Vec<char> = int_part
        .iter()
        .copied()
        .filter(|&c| is_placeholder(c))
        .collect();
    let frac_ph: Vec<char> = frac_part
        .iter()
        .copied()
        .filter(|&c| is_placeholder(c))
        .collect();
    let neg = x < 0.0 && signed;
    let ax = x.abs();
    let scaled = format!("{:.*}", frac_ph.len(), ax);
    let (int_digits, frac_digits) = match scaled.split_once('.') {
        Some((a, b)) => (a.to_string(), b.to_string()),
        None => (scaled.clone(), String::new()),
    };
    let int_digits = if int_digits == "0" {
        String::new()
    } else {
        int_digits
    };
    // Integer part: fill placeholders from the right; extra digits overflow left.
    let idig: Vec<char> = int_digits.chars().collect();
    let mut int_out: Vec<char> = Vec::new();
    let n_ph = int_ph.len();
    let total = idig.len().max(n_ph);
    for k in 0..total {
        // k counts from the right
        let d = if k < idig.len() {
            Some(idig[idig.len() - 1 - k])
        } else {
            None
        };
        let ph = if k < n_ph { int_ph[n_ph - 1 - k] } else { '#' };
        let ch = match d {
            Some(d) => Some(d),
            None => match ph {
                '0' => Some('0'),
                '^' => Some(' '),
                '*' => Some('*'),
                _ => None,
            },
        };
        if let Some(ch) = ch {
            if grouping && k > 0 && k % 3 == 0 && (d.is_some() || ph == '0') {
                int_out.push(',');
            }
            int_out.push(ch);
        }
    }
    int_out.reverse();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    out.push_str(&prefix);
    out.extend(int_out);
    if dot.is_some() {
        // Trailing zeros of the fraction follow their placeholders.
        let fd: Vec<char> = frac_digits.chars().collect();
        let mut keep = fd.len();
        while keep > 0 && fd[keep - 1] == '0' && frac_ph[keep - 1] != '0' {
            keep -= 1;
        }
        let mut frac_out = String::new();
        for (k, &d) in fd.iter().enumerate() {
            if k < keep {
                frac_out.push(d);
            } else {
                match frac_ph[k] {
                    '^' => frac_out.push(' '),
                    '*' => frac_out.push('*'),
                    _ => {}
                }
            }
        }
        if !frac_out.is_empty() || frac_ph.contains(&'0') {
            out.push('.');
            out.push_str(&frac_out);
        }
    }
    out.push_str(&suffix);
    out
}

fn special_number_format(x: f64, spec: &str) -> String {
    match spec {
        "x" | "$" => {
            let n = x as i64 as i32 as u32;
            let hex = if n > 0xFFFF {
                format!("{n:08X}")
            } else if spec == "x" || n > 0xFF {
                format!("{n:04X}")
            } else {
                format!("{n:02X}")
            };
            if spec == "x" {
                format!("0x{hex}")
            } else {
                format!("${hex}")
            }
        }
        "xml" => {
            let s = real_to_text(x);
            if s.is_empty() {
                "NaN".to_string()
            } else {
                s
            }
        }
        _ => match spec.parse::<usize>() {
            Ok(n) => {
                let n = n.min(30);
                let s = format!("{:.*e}", n, x);
                match s.split_once('e') {
                    Some((m, e)) => {
                        let e: i32 = e.parse().unwrap_or(0);
                        format!("{m}e{}{}", if e < 0 { '-' } else { '+' }, e.abs())
                    }
                    None => s,
                }
            }
            Err(_) => real_to_text(x),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> Value {
        Value::Date(Date {
            year: y,
            month: m,
            day: dd,
        })
    }
    fn f(v: Value, fmt: &str) -> String {
        format_with(&v, &Value::text(fmt), None).unwrap()
    }
    fn fc(v: Value, code: i32) -> String {
        format_with(&v, &Value::Int(code), None).unwrap()
    }

    #[test]
    fn reals_default() {
        assert_eq!(to_text(&Value::Real(32768.0)), "32768");
        assert_eq!(to_text(&Value::Real(1.0 / 3.0)), "0.3333333333333");
        assert_eq!(to_text(&Value::Real(1f64.atan() * 4.0)), "3.14159265359");
        assert_eq!(to_text(&Value::Real(2.5)), "2.5");
        assert_eq!(to_text(&Value::Real(-2.5)), "-2.5");
        assert_eq!(to_text(&Value::Real(1e20)), "1e+20");
        assert_eq!(to_text(&Value::Real(0.001)), "0.001");
        assert_eq!(to_text(&Value::Real(0.0001)), "0.0001");
        assert_eq!(to_text(&Value::Real(0.00001)), "1e-05");
        assert_eq!(to_text(&Value::Real(2f64.powi(53))), "9.007199254741e+15");
        assert_eq!(to_text(&Value::Real(1234567890123.0)), "1234567890123");
        assert_eq!(
            to_text(&Value::Real(12345678901234.0)),
            "1.234567890123e+13"
        );
        assert_eq!(to_text(&Value::Real(0.1 + 0.2)), "0.3");
        assert_eq!(to_text(&Value::Real(100.0)), "100");
        assert_eq!(to_text(&Value::Real(f64::NAN)), "");
        assert_eq!(to_text(&Value::Real(f64::INFINITY)), "INF");
        assert_eq!(to_text(&Value::Real(f64::NEG_INFINITY)), "-INF");
        assert_eq!(to_text(&Value::Real(-0.0)), "0");
    }

    #[test]
    fn scalars_default() {
        assert_eq!(to_text(&Value::Int(-17)), "-17");
        assert_eq!(to_text(&Value::Bool(true)), "True");
        assert_eq!(to_text(&Value::Undefined), "");
        assert_eq!(to_text(&Value::Null), "null");
        assert_eq!(to_text(&d(2023, 11, 27)), "11/27/2023");
        assert_eq!(to_text(&Value::Date(Date::NULL)), "00/00/00");
        assert_eq!(to_text(&Value::Time(45000)), "12:30:00");
        assert_eq!(to_text(&Value::Time(25 * 3600 + 1800)), "25:30:00");
    }

    #[test]
    fn number_formats_from_docs() {
        assert_eq!(
            f(Value::Real(32768.0), "###,##0 Inhabitants"),
            "32,768 Inhabitants"
        );
        assert_eq!(f(Value::Real(1.0 / 3.0), "##0.00000"), "0.33333");
        assert_eq!(f(Value::Real(1f64.atan() * 4.0), "##0.00"), "3.14");
        assert_eq!(f(Value::Real(-1.0), "&x"), "0xFFFFFFFF");
        assert_eq!(f(Value::Real(-1.0), "&$"), "$FFFFFFFF");
        assert_eq!(f(Value::Int(128), "&x"), "0x0080");
        assert_eq!(f(Value::Int(128), "&$"), "$80");
        assert_eq!(f(Value::Int(16384), "&x"), "0x4000");
        assert_eq!(f(Value::Int(16384), "&$"), "$4000");
        assert_eq!(f(Value::Real(50.3), "&xml"), "50.3");
        assert_eq!(f(Value::Real(1.0), "True;;False"), "True");
        assert_eq!(f(Value::Real(0.0), "True;;False"), "False");
        assert_eq!(f(Value::Real(1234567.891), "###,##0.00"), "1,234,567.89");
        assert_eq!(f(Value::Real(5.0), "###,##0.00"), "5.00");
        assert_eq!(f(Value::Real(-5.0), "###,##0.00"), "-5.00");
        assert_eq!(f(Value::Real(-5.0), "###0;(###0)"), "(5)");
        assert_eq!(f(Value::Real(7.0), "000"), "007");
    }

    #[test]
    fn number_base() {
        assert_eq!(fc(Value::Real(10.0), 2), "1010");
        assert_eq!(fc(Value::Real(-10.0), 2), "-1010");
        assert_eq!(fc(Value::Real(254.0), 16), "fe");
        assert_eq!(fc(Value::Real(-16523461.0), 16), "-fc20c5");
        assert_eq!(fc(Value::Real(f64::NAN), 10), "NaN");
    }

    #[test]
    fn date_formats_from_docs() {
        let x = d(2023, 11, 27);
        assert_eq!(fc(x.clone(), 5), "November 27, 2023");
        assert_eq!(fc(x.clone(), 7), "11/27/2023");
        assert_eq!(fc(x.clone(), 6), "Nov 27, 2023");
        assert_eq!(fc(x.clone(), 3), "Monday, November 27, 2023");
        assert_eq!(fc(x.clone(), 2), "Mon, Nov 27, 2023");
        assert_eq!(fc(x.clone(), 8), "2023-11-27T00:00:00");
        assert_eq!(fc(Value::Date(Date::NULL), 107), "");
        assert_eq!(
            f(x.clone(), "EEEE d MMMM y GGGG"),
            "Monday 27 November 2023 Anno Domini"
        );
        assert_eq!(f(x.clone(), "dd/MM/yyyy"), "27/11/2023");
        let with_time = format_with(&x, &Value::Int(8), Some(40_873)).unwrap();
        assert_eq!(with_time, "2023-11-27T11:21:13");
    }

    #[test]
    fn time_formats_from_docs() {
        let t = Value::Time(17 * 3600 + 30 * 60 + 45);
        assert_eq!(fc(t.clone(), 5), "5:30 PM");
        assert_eq!(fc(t.clone(), 3), "17 hours 30 minutes 45 seconds");
        assert_eq!(fc(t.clone(), 2), "17:30");
        assert_eq!(fc(t.clone(), 1), "17:30:45");
        assert_eq!(fc(Value::Time(3723), 6), "62:03");
        assert_eq!(fc(Value::Time(3723), 7), "62 minutes 3 seconds");
        assert_eq!(fc(Value::Time(3723), 8), "0000-00-00T01:02:03");
        assert_eq!(f(t.clone(), "'It is' K a"), "It is 5 PM");
        assert_eq!(f(t, "hh:mm aa"), "05:30 PM");
    }

    #[test]
    fn text_and_bool_ignore_format() {
        assert_eq!(f(Value::text("abc"), "###"), "abc");
        assert_eq!(fc(Value::Bool(false), 3), "False");
    }
}
