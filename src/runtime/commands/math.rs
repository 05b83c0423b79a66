//! Arithmetic commands (docs/commands-legacy: abs, int, round, trunc, mod, dec, …).
//! Results are Reals, as 4D returns them; `Random` returns a Longint.

use super::{arg_num, long, need, opt_num, real};
use crate::error::RtResult;
use crate::value::Value;
use std::sync::atomic::{AtomicU64, Ordering};

fn unary(cmd: &str, args: &[Value], f: fn(f64) -> f64) -> RtResult<Value> {
    need(cmd, args, 1)?;
    Ok(real(f(arg_num(cmd, args, 0)?)))
}

pub fn abs(args: &[Value]) -> RtResult<Value> {
    unary("Abs", args, f64::abs)
}

/// `Int(n)`: the integer part, toward negative infinity (`Int(-3.7)` → -4).
pub fn int(args: &[Value]) -> RtResult<Value> {
    unary("Int", args, f64::floor)
}

/// `Dec(n)`: the decimal part, sign kept (`Dec(-7.31)` → -0.31).
pub fn dec(args: &[Value]) -> RtResult<Value> {
    unary("Dec", args, f64::fract)
}

pub fn square_root(args: &[Value]) -> RtResult<Value> {
    unary("Square root", args, f64::sqrt)
}

pub fn exp(args: &[Value]) -> RtResult<Value> {
    unary("Exp", args, f64::exp)
}

/// `Log(n)`: natural logarithm.
pub fn log(args: &[Value]) -> RtResult<Value> {
    unary("Log", args, f64::ln)
}

pub fn sin(args: &[Value]) -> RtResult<Value> {
    unary("Sin", args, f64::sin)
}

pub fn cos(args: &[Value]) -> RtResult<Value> {
    unary("Cos", args, f64::cos)
}

pub fn tan(args: &[Value]) -> RtResult<Value> {
    unary("Tan", args, f64::tan)
}

pub fn arctan(args: &[Value]) -> RtResult<Value> {
    unary("Arctan", args, f64::atan)
}

/// Scales by 10^places, applies `f`, and scales back, correcting binary
/// representation error first (216.897*10 must truncate to 2168, not 2168.97-ε).
fn at_places(x: f64, places: f64, f: fn(f64) -> f64) -> f64 {
    let p = places.trunc().clamp(-300.0, 300.0) as i32;
    let scale = 10f64.powi(p.abs());
    let scaled = if p >= 0 { x * scale } else { x / scale };
    // Drop binary noise below 15 significant digits (1.005*100 is 100.49999999999999).
    let snapped = format!("{:.14e}", scaled).parse().unwrap_or(scaled);
    let y = f(snapped);
    if p >= 0 {
        y / scale
    } else {
        y * scale
    }
}

/// `Round(n; places)`: halves go away from zero; negative places round left of the point.
pub fn round(args: &[Value]) -> RtResult<Value> {
    need("Round", args, 1)?;
    let x = arg_num("Round", args, 0)?;
    let places = opt_num("Round", args, 1)?.unwrap_or(0.0);
    Ok(real(at_places(x, places, f64::round)))
}

/// `Trunc(n; places)`: always toward negative infinity (`Trunc(-216.897;1)` → -216.9).
pub fn trunc(args: &[Value]) -> RtResult<Value> {
    need("Trunc", args, 1)?;
    let x = arg_num("Trunc", args, 0)?;
    let places = opt_num("Trunc", args, 1)?.unwrap_or(0.0);
    Ok(real(at_places(x, places, f64::floor)))
}

/// `Mod(a; b)`: remainder of the integer division; Reals are rounded first.
pub fn mod_(args: &[Value]) -> RtResult<Value> {
    need("Mod", args, 2)?;
    let a = arg_num("Mod", args, 0)?.round();
    let b = arg_num("Mod", args, 1)?.round();
    if b == 0.0 {
        return Ok(real(0.0));
    }
    Ok(real(a % b))
}

static SEED: AtomicU64 = AtomicU64::new(0);

/// `Random`: a Longint in 0..=32767.
pub fn random(_args: &[Value]) -> RtResult<Value> {
    let mut s = SEED.load(Ordering::Relaxed);
    if s == 0 {
        s = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0x9E37_79B9_7F4A_7C15, |d| d.as_nanos() as u64)
            | 1;
    }
    // xorshift64*
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    SEED.store(s, Ordering::Relaxed);
    let r = s.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 49;
    Ok(long(r as i64 & 0x7FFF))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(v: RtResult<Value>) -> f64 {
        match v.unwrap() {
            Value::Real(x) => x,
            other => panic!("not real: {other:?}"),
        }
    }
    fn n(x: f64) -> Value {
        Value::Real(x)
    }

    #[test]
    fn examples_from_docs() {
        assert_eq!(r(trunc(&[n(216.897), n(1.0)])), 216.8);
        assert_eq!(r(trunc(&[n(216.897), n(-1.0)])), 210.0);
        assert_eq!(r(trunc(&[n(-216.897), n(1.0)])), -216.9);
        assert_eq!(r(trunc(&[n(-216.897), n(-1.0)])), -220.0);
        assert_eq!(r(round(&[n(16.857), n(2.0)])), 16.86);
        assert_eq!(r(round(&[n(32345.67), n(-3.0)])), 32000.0);
        assert_eq!(r(round(&[n(29.8725), n(3.0)])), 29.873);
        assert_eq!(r(round(&[n(-1.5), n(0.0)])), -2.0);
        assert_eq!(r(round(&[n(1.005), n(2.0)])), 1.01);
        assert_eq!(r(int(&[n(-3.7)])), -4.0);
        assert_eq!(r(int(&[n(5.3)])), 5.0);
        assert!((r(dec(&[n(7.31)])) - 0.31).abs() < 1e-12);
        assert_eq!(r(mod_(&[n(3.0), n(2.0)])), 1.0);
        assert_eq!(r(mod_(&[n(4.0), n(2.0)])), 0.0);
        assert_eq!(r(mod_(&[n(3.5), n(2.0)])), 0.0);
        assert_eq!(r(abs(&[n(-10.5)])), 10.5);
        assert_eq!(r(square_root(&[n(9.0)])), 3.0);
        assert!((r(arctan(&[n(1.0)])) * 4.0 - std::f64::consts::PI).abs() < 1e-15);
        assert!(r(log(&[n(-1.0)])).is_nan());
        assert!(abs(&[Value::text("x")]).is_err());
    }

    #[test]
    fn random_in_range() {
        for _ in 0..1000 {
            match random(&[]).unwrap() {
                Value::Int(x) => assert!((0..=32767).contains(&x)),
                other => panic!("{other:?}"),
            }
        }
    }
}
