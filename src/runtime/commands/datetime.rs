//! Date and time commands. Dates are local calendar days; `Timestamp` is UTC.

use super::{arg_int, arg_num, long, need};
use crate::error::{RtResult, RuntimeError};
use crate::value::{Date, Value};
use chrono::{Datelike, Local, NaiveDate, TimeZone, Timelike};
use std::sync::OnceLock;
use std::time::Instant;

fn to_naive(d: &Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year, d.month, d.day)
}

pub fn from_naive(n: NaiveDate) -> Date {
    Date {
        year: n.year(),
        month: n.month(),
        day: n.day(),
    }
}

fn arg_date(cmd: &str, args: &[Value], i: usize) -> RtResult<Date> {
    match args.get(i) {
        Some(Value::Date(d)) => Ok(*d),
        Some(Value::Undefined) | Some(Value::Null) => Ok(Date::NULL),
        Some(other) => Err(super::arg_error(cmd, i, "a date", other)),
        None => Err(RuntimeError::new(
            super::ERR_ARG,
            format!("{cmd}: parameter {} is missing", i + 1),
        )),
    }
}

/// `Current date`: today in the local time zone.
pub fn current_date(_args: &[Value]) -> RtResult<Value> {
    Ok(Value::Date(from_naive(Local::now().date_naive())))
}

/// `Current time`: seconds since local midnight.
pub fn current_time(_args: &[Value]) -> RtResult<Value> {
    Ok(Value::Time(Local::now().num_seconds_from_midnight() as i64))
}

/// `Add to date(date; years; months; days)`: an overflowing day clamps to the
/// month's last day (Jan 31 + 1 month → Feb 28/29).
pub fn add_to_date(args: &[Value]) -> RtResult<Value> {
    need("Add to date", args, 4)?;
    let d = arg_date("Add to date", args, 0)?;
    let years = arg_int("Add to date", args, 1)?;
    let months = arg_int("Add to date", args, 2)?;
    let days = arg_int("Add to date", args, 3)?;
    if d.is_null() {
        return Ok(Value::Date(Date::NULL));
    }
    let Some(n) = to_naive(&d) else {
        return Ok(Value::Date(Date::NULL));
    };
    let total_months = (n.year() as i64 * 12 + n.month0() as i64)
        .saturating_add(years.saturating_mul(12))
        .saturating_add(months)
        .clamp(-12 * 300_000, 12 * 300_000);
    let (y, m0) = (total_months.div_euclid(12), total_months.rem_euclid(12));
    let last = days_in_month(y as i32, m0 as u32 + 1);
    let base = NaiveDate::from_ymd_opt(y as i32, m0 as u32 + 1, n.day().min(last));
    let out =
        base.and_then(|b| chrono::Duration::try_days(days).and_then(|d| b.checked_add_signed(d)));
    Ok(Value::Date(out.map_or(Date::NULL, from_naive)))
}

fn days_in_month(y: i32, m: u32) -> u32 {
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).map_or(28, |p| p.day())
}

/// Parses date text: ISO `YYYY-MM-DD` (with an optional time part; a trailing
/// `Z` converts from UTC to local), or the system short form `MM/DD/YYYY`
/// (two-digit years: under 30 → 20xx, else 19xx). Invalid → `None`.
pub fn parse_date_text(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.len() >= 10 && s.as_bytes().get(4) == Some(&b'-') {
        let mut d = crate::value::json::parse_iso_date(s)?;
        if s.len() > 10 && s.ends_with('Z') {
            if let Ok(utc) = chrono::DateTime::parse_from_rfc3339(s) {
                d = from_naive(utc.with_timezone(&Local).date_naive());
            } else if let Ok(ndt) = chrono::NaiveDateTime::parse_from_str(
                s.trim_end_matches('Z'),
                "%Y-%m-%dT%H:%M:%S%.f",
            ) {
                d = from_naive(
                    chrono::Utc
                        .from_utc_datetime(&ndt)
                        .with_timezone(&Local)
                        .date_naive(),
                );
            }
        }
        return Some(d);
    }
    let parts: Vec<&str> = s.split(['/', '-', '.']).map(str::trim).collect();
    if parts.len() != 3 {
        return None;
    }
    let m: u32 = parts[0].parse().ok()?;
    let d: u32 = parts[1].parse().ok()?;
    let mut y: i32 = parts[2].parse().ok()?;
    if m == 0 && d == 0 && y == 0 {
        return Some(Date::NULL);
    }
    if parts[2].len() <= 2 {
        y += if y < 30 { 2000 } else { 1900 };
    }
    NaiveDate::from_ymd_opt(y, m, d)?;
    Some(Date {
        year: y,
        month: m,
        day: d,
    })
}

/// `Date(value)`: from text (ISO or system short format) or a date.
pub fn date(args: &[Value]) -> RtResult<Value> {
    need("Date", args, 1)?;
    Ok(Value::Date(match &args[0] {
        Value::Date(d) => *d,
        Value::Text(t) => parse_date_text(t).unwrap_or(Date::NULL),
        Value::Undefined | Value::Null => Date::NULL,
        other => return Err(super::arg_error("Date", 0, "a text or a date", other)),
    }))
}

/// Parses `HH:MM{:SS}` with an optional AM/PM; invalid → 0.
pub fn parse_time_text(s: &str) -> i64 {
    let s = s.trim();
    let upper = s.to_ascii_uppercase();
    let (body, pm, am) = if let Some(b) = upper.strip_suffix("PM") {
        (b.trim().to_string(), true, false)
    } else if let Some(b) = upper.strip_suffix("AM") {
        (b.trim().to_string(), false, true)
    } else {
        (upper.clone(), false, false)
    };
    let parts: Vec<i64> = body
        .split(':')
        .map(|p| p.trim().parse::<i64>().unwrap_or(0))
        .collect();
    let (mut h, m, sec) = (
        parts.first().copied().unwrap_or(0),
        parts.get(1).copied().unwrap_or(0),
        parts.get(2).copied().unwrap_or(0),
    );
    if pm && h < 12 {
        h += 12;
    }
    if am && h == 12 {
        h = 0;
    }
    let neg = s.starts_with('-');
    let t = h
        .saturating_abs()
        .saturating_mul(3600)
        .saturating_add(m.saturating_mul(60))
        .saturating_add(sec);
    if neg {
        -t
    } else {
        t
    }
}

/// `Time(value)`: from `"HH:MM:SS"` text or a number of seconds.
pub fn time(args: &[Value]) -> RtResult<Value> {
    need("Time", args, 1)?;
    Ok(Value::Time(match &args[0] {
        // An ISO date-time ("2024-03-05T10:20:30"): its time part.
        Value::Text(t) => match t.split_once('T') {
            Some((d, time)) if d.len() == 10 && d.as_bytes()[4] == b'-' => {
                parse_time_text(time.trim_end_matches('Z').split('.').next().unwrap_or(""))
            }
            _ => parse_time_text(t),
        },
        Value::Undefined | Value::Null => 0,
        Value::Time(t) => *t,
        v => match crate::value::compare::as_number(v) {
            Some(x) => x.trunc() as i64,
            None => return Err(super::arg_error("Time", 0, "a text or a number", v)),
        },
    }))
}

/// `Time string(seconds)`: `HH:MM:SS`, hours not wrapped.
pub fn time_string(args: &[Value]) -> RtResult<Value> {
    need("Time string", args, 1)?;
    let secs = arg_num("Time string", args, 0)?.trunc() as i64;
    Ok(Value::text(crate::value::format::time_hh_mm_ss(secs)))
}

pub fn day_of(args: &[Value]) -> RtResult<Value> {
    need("Day of", args, 1)?;
    Ok(long(arg_date("Day of", args, 0)?.day as i64))
}

pub fn month_of(args: &[Value]) -> RtResult<Value> {
    need("Month of", args, 1)?;
    Ok(long(arg_date("Month of", args, 0)?.month as i64))
}

pub fn year_of(args: &[Value]) -> RtResult<Value> {
    need("Year of", args, 1)?;
    Ok(long(arg_date("Year of", args, 0)?.year as i64))
}

/// `Day number(date)`: 1 = Sunday … 7 = Saturday.
pub fn day_number(args: &[Value]) -> RtResult<Value> {
    need("Day number", args, 1)?;
    let d = arg_date("Day number", args, 0)?;
    Ok(long(to_naive(&d).map_or(0, |n| {
        n.weekday().num_days_from_sunday() as i64 + 1
    })))
}

/// `Timestamp`: current UTC time as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
pub fn timestamp(_args: &[Value]) -> RtResult<Value> {
    Ok(Value::text(
        chrono::Utc::now()
            .format("%Y-%m-%dT%H:%M:%S%.3fZ")
            .to_string(),
    ))
}

fn start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

/// `Milliseconds`: milliseconds since the runtime started.
pub fn milliseconds(_args: &[Value]) -> RtResult<Value> {
    Ok(long(start().elapsed().as_millis() as i64))
}

/// `Tickcount`: ticks (1/60 s) since the runtime started.
pub fn tickcount(_args: &[Value]) -> RtResult<Value> {
    Ok(long((start().elapsed().as_millis() * 60 / 1000) as i64))
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
    fn date_of(v: Value) -> Date {
        match v {
            Value::Date(d) => d,
            other => panic!("not a date: {other:?}"),
        }
    }
    fn n(x: f64) -> Value {
        Value::Real(x)
    }

    #[test]
    fn add_to_date_cases() {
        let r = |a: Value, y, m, dd| date_of(add_to_date(&[a, n(y), n(m), n(dd)]).unwrap());
        assert_eq!(
            r(d(2024, 1, 31), 0.0, 1.0, 0.0),
            Date {
                year: 2024,
                month: 2,
                day: 29
            }
        );
        assert_eq!(
            r(d(2024, 1, 31), 1.0, 0.0, 1.0),
            Date {
                year: 2025,
                month: 2,
                day: 1
            }
        );
        assert_eq!(
            r(d(2024, 3, 1), 0.0, -3.0, -1.0),
            Date {
                year: 2023,
                month: 11,
                day: 30
            }
        );
        assert_eq!(r(Value::Date(Date::NULL), 1.0, 0.0, 0.0), Date::NULL);
    }

    #[test]
    fn date_from_text() {
        let p = |s: &str| date_of(date(&[Value::text(s)]).unwrap());
        assert_eq!(
            p("2013-08-23"),
            Date {
                year: 2013,
                month: 8,
                day: 23
            }
        );
        assert_eq!(
            p("12/25/2020"),
            Date {
                year: 2020,
                month: 12,
                day: 25
            }
        );
        assert_eq!(
            p("12/04/98"),
            Date {
                year: 1998,
                month: 12,
                day: 4
            }
        );
        assert_eq!(
            p("12/04/12"),
            Date {
                year: 2012,
                month: 12,
                day: 4
            }
        );
        assert_eq!(p("nonsense"), Date::NULL);
        assert_eq!(p("02/30/2020"), Date::NULL);
        assert_eq!(date_of(date(&[Value::Undefined]).unwrap()), Date::NULL);
    }

    #[test]
    fn parts_and_times() {
        let x = d(2023, 11, 27);
        assert!(matches!(
            day_of(std::slice::from_ref(&x)).unwrap(),
            Value::Int(27)
        ));
        assert!(matches!(
            month_of(std::slice::from_ref(&x)).unwrap(),
            Value::Int(11)
        ));
        assert!(matches!(
            year_of(std::slice::from_ref(&x)).unwrap(),
            Value::Int(2023)
        ));
        assert!(matches!(day_number(&[x]).unwrap(), Value::Int(2))); // a Monday
        assert!(matches!(
            time(&[Value::text("01:02:03")]).unwrap(),
            Value::Time(3723)
        ));
        assert!(matches!(
            time(&[Value::text("5:30 PM")]).unwrap(),
            Value::Time(63000)
        ));
        assert!(matches!(time(&[n(5120.0)]).unwrap(), Value::Time(5120)));
        assert!(
            matches!(time_string(&[n(91800.0)]).unwrap(), Value::Text(t) if t.as_str() == "25:30:00")
        );
        match timestamp(&[]).unwrap() {
            Value::Text(t) => assert!(t.len() == 24 && t.ends_with('Z'), "{t}"),
            other => panic!("{other:?}"),
        }
        assert!(day_of(&[Value::text("x")]).is_err());
    }
}
