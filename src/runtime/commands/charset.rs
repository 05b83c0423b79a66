//! Character sets for `CONVERT FROM TEXT` and `Convert to text` (and the
//! Mac Roman of the BLOB commands), by name or MIBEnum number.

use super::ERR_ARG;
use crate::error::{RtResult, RuntimeError};
use crate::value::compare::as_number;
use crate::value::Value;

/// A character set of `CONVERT FROM TEXT` / `Convert to text`, by name or
/// MIBEnum number (`"UTF-8"`, `"windows-1252"`, 106…).
pub enum Charset {
    /// 7-bit ASCII (WHATWG labels map "us-ascii" to windows-1252: not 4D's).
    Ascii,
    Utf16 {
        big_endian: bool,
    },
    Other(&'static encoding_rs::Encoding),
}

pub fn charset(v: &Value) -> RtResult<Charset> {
    let label = match v {
        Value::Text(t) => t.trim().to_ascii_lowercase(),
        v => match as_number(v).map(|n| n as i64) {
            Some(106) => "utf-8".into(),
            Some(3) => "us-ascii".into(),
            Some(4) => "iso-8859-1".into(),
            Some(1013) => "utf-16be".into(),
            Some(1014) | Some(1015) => "utf-16le".into(),
            Some(2027) => "macintosh".into(),
            Some(n @ 2250..=2258) => format!("windows-{}", n - 2250 + 1250),
            _ => String::new(),
        },
    };
    let label = match label.as_str() {
        "utf-16" | "utf-16le" | "ucs-2" => return Ok(Charset::Utf16 { big_endian: false }),
        "utf-16be" => return Ok(Charset::Utf16 { big_endian: true }),
        "us-ascii" | "ascii" => return Ok(Charset::Ascii),
        "macroman" | "mac" | "x-mac-roman" => "macintosh",
        l => l,
    };
    encoding_rs::Encoding::for_label(label.as_bytes())
        .map(Charset::Other)
        .ok_or_else(|| RuntimeError::new(ERR_ARG, format!("Unknown character set '{label}'")))
}

pub fn encode(text: &str, cs: &Charset) -> Vec<u8> {
    match cs {
        Charset::Ascii => text
            .chars()
            .map(|c| if c.is_ascii() { c as u8 } else { b'?' })
            .collect(),
        Charset::Utf16 { big_endian } => text
            .encode_utf16()
            .flat_map(|u| {
                if *big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect(),
        Charset::Other(e) if *e == encoding_rs::UTF_8 => text.as_bytes().to_vec(),
        Charset::Other(e) => {
            let (bytes, _, unmappable) = e.encode(text);
            if !unmappable {
                return bytes.into_owned();
            }
            // Characters the set lacks become '?'.
            let mut out = Vec::with_capacity(text.len());
            let mut buf = [0u8; 4];
            for c in text.chars() {
                let (b, _, bad) = e.encode(c.encode_utf8(&mut buf));
                if bad {
                    out.push(b'?');
                } else {
                    out.extend_from_slice(&b);
                }
            }
            out
        }
    }
}

pub fn decode(bytes: &[u8], cs: &Charset) -> String {
    match cs {
        Charset::Ascii => bytes
            .iter()
            .map(|&b| if b.is_ascii() { b as char } else { '\u{FFFD}' })
            .collect(),
        Charset::Utf16 { big_endian } => {
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|p| {
                    if *big_endian {
                        u16::from_be_bytes([p[0], p[1]])
                    } else {
                        u16::from_le_bytes([p[0], p[1]])
                    }
                })
                .collect();
            String::from_utf16_lossy(&units)
        }
        Charset::Other(e) => e.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

/// `Convert to text(blob; charset)`.
pub fn convert_to_text(args: &[Value]) -> RtResult<Value> {
    let bytes: &[u8] = match args.first() {
        Some(Value::Blob(b)) => b,
        Some(Value::Undefined) | None => &[],
        Some(other) => return Err(super::arg_error("Convert to text", 0, "a blob", other)),
    };
    let cs = charset(args.get(1).unwrap_or(&Value::Undefined))?;
    Ok(Value::text(decode(bytes, &cs)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets_round_trip() {
        let cases: [(&str, &[u8]); 4] = [
            ("UTF-8", "Café".as_bytes()),
            ("ISO-8859-1", &[0x43, 0x61, 0x66, 0xE9]),
            ("MacRoman", &[0x43, 0x61, 0x66, 0x8E]),
            ("UTF-16LE", &[0x43, 0, 0x61, 0, 0x66, 0, 0xE9, 0]),
        ];
        for (name, bytes) in cases {
            let cs = charset(&Value::text(name)).unwrap();
            assert_eq!(encode("Café", &cs), bytes, "{name}");
            assert_eq!(decode(bytes, &cs), "Café", "{name}");
        }
        let cs = charset(&Value::Int(106)).unwrap();
        assert_eq!(encode("é", &cs), "é".as_bytes());
        assert!(charset(&Value::text("no such set")).is_err());
        let ascii = charset(&Value::text("US-ASCII")).unwrap();
        assert_eq!(encode("aé", &ascii), b"a?");
    }
}
