//! `Generate digest` (docs/commands-legacy/generate-digest.md): MD5, SHA-1,
//! SHA-256 and SHA-512 of a text (as UTF-8) or a blob, in lower-case hex or,
//! with `*`, Base64URL.

use super::{arg_error, arg_int, need, split_star, ERR_ARG};
use crate::error::{RtResult, RuntimeError};
use crate::value::Value;

/// `Generate digest(param; algorithm {; *})`.
pub fn generate_digest(args: &[Value]) -> RtResult<Value> {
    let (args, base64) = split_star(args);
    need("Generate digest", args, 2)?;
    let data: Vec<u8> = match &args[0] {
        Value::Text(t) => t.as_bytes().to_vec(),
        Value::Blob(b) => b.to_vec(),
        Value::Undefined => Vec::new(),
        other => return Err(arg_error("Generate digest", 0, "a text or a blob", other)),
    };
    let digest = match arg_int("Generate digest", args, 1)? {
        0 => md5(&data).to_vec(),
        1 => sha1(&data).to_vec(),
        3 => sha256(&data).to_vec(),
        4 => sha512(&data).to_vec(),
        n => {
            return Err(RuntimeError::new(
                ERR_ARG,
                format!("Generate digest: unsupported algorithm {n}"),
            ))
        }
    };
    Ok(Value::text(if base64 {
        base64url(&digest)
    } else {
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }))
}

/// Base64URL without padding.
pub fn base64url(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc | (u32::from(b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// `Generate password hash(password {; options})`: bcrypt (the only
/// algorithm), cost 10 by default; only the first 72 bytes count.
pub fn generate_password_hash(args: &[Value]) -> RtResult<Value> {
    need("Generate password hash", args, 1)?;
    let password = super::arg_text("Generate password hash", args, 0)?;
    let mut cost = 10u32;
    if let Some(Value::Object(o)) = args.get(1) {
        match o.get("algorithm") {
            Value::Undefined => {}
            Value::Text(t) if t.as_str() == "bcrypt" => {}
            _ => {
                return Err(RuntimeError::new(
                    850,
                    "Password-hash: Unsupported algorithm.",
                ))
            }
        }
        match o.get("cost") {
            Value::Undefined => {}
            v => match crate::value::compare::as_number(&v) {
                Some(c) if (4.0..=31.0).contains(&c) => cost = c as u32,
                _ => {
                    return Err(RuntimeError::new(
                        852,
                        "Password-hash: Unavailable bcrypt cost parameter, please provide a value between 4 and 31.",
                    ))
                }
            },
        }
    }
    let bytes = password.as_bytes();
    let bytes = &bytes[..bytes.len().min(72)];
    bcrypt::hash(bytes, cost)
        .map(Value::text)
        .map_err(|e| RuntimeError::new(ERR_ARG, format!("Generate password hash: {e}")))
}

/// `Verify password hash(password; hash)`.
pub fn verify_password_hash(args: &[Value]) -> RtResult<Value> {
    need("Verify password hash", args, 2)?;
    let password = super::arg_text("Verify password hash", args, 0)?;
    let hash = super::arg_text("Verify password hash", args, 1)?;
    let bytes = password.as_bytes();
    let bytes = &bytes[..bytes.len().min(72)];
    Ok(Value::Bool(bcrypt::verify(bytes, &hash).unwrap_or(false)))
}

/// MD5 (RustCrypto `md-5`).
pub fn md5(data: &[u8]) -> [u8; 16] {
    use md5::Digest;
    md5::Md5::digest(data).into()
}

/// SHA-1 (RustCrypto `sha1`).
pub fn sha1(data: &[u8]) -> [u8; 20] {
    use sha1::Digest;
    sha1::Sha1::digest(data).into()
}

/// SHA-256 (RustCrypto `sha2`).
pub fn sha256(data: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(data).into()
}

/// SHA-512 (RustCrypto `sha2`).
pub fn sha512(data: &[u8]) -> [u8; 64] {
    use sha2::Digest;
    sha2::Sha512::digest(data).into()
}

#[cfg(test)]
mod tests {
    use super::super::star;
    use super::*;

    fn gd(s: &str, algo: i32) -> String {
        match generate_digest(&[Value::text(s), Value::Int(algo)]).unwrap() {
            Value::Text(t) => t.as_str().to_owned(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn documented_and_standard_vectors() {
        let fox = "The quick brown fox jumps over the lazy dog.";
        assert_eq!(gd(fox, 0), "e4d909c290d0fb1ca068ffaddf22cbd0");
        assert_eq!(gd(fox, 1), "408d94384216f890ff7a0c3528e8bed1e0b01621");
        assert_eq!(gd("", 0), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(
            gd("abc", 3),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            gd("", 3),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            gd("abc", 4),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        );
        // a message longer than one block
        assert_eq!(
            gd(
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                3
            ),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        let b64 = generate_digest(&[Value::text(""), Value::Int(0), star()]).unwrap();
        assert!(matches!(b64, Value::Text(t) if t.as_str() == "1B2M2Y8AsgTpgAmY7PhCfg"));
        assert!(generate_digest(&[Value::text("x"), Value::Int(2)]).is_err());
    }

    #[test]
    fn password_hash_round_trip() {
        let opts = crate::value::ObjRef::new();
        opts.write().insert("cost".into(), Value::Int(4));
        let h =
            generate_password_hash(&[Value::text("secret"), Value::Object(opts.clone())]).unwrap();
        let Value::Text(h) = h else { panic!() };
        assert!(h.starts_with("$2"));
        let ok = verify_password_hash(&[Value::text("secret"), Value::text(h.as_str())]).unwrap();
        assert!(matches!(ok, Value::Bool(true)));
        let ko = verify_password_hash(&[Value::text("Secret"), Value::text(h.as_str())]).unwrap();
        assert!(matches!(ko, Value::Bool(false)));
        opts.write().insert("cost".into(), Value::Int(3));
        let e =
            generate_password_hash(&[Value::text("x"), Value::Object(opts.clone())]).unwrap_err();
        assert_eq!(e.code, 852);
        opts.write().insert("cost".into(), Value::Int(4));
        opts.write().insert("algorithm".into(), Value::text("md5"));
        let e = generate_password_hash(&[Value::text("x"), Value::Object(opts)]).unwrap_err();
        assert_eq!(e.code, 850);
        // Odd arguments: errors, not panics.
        assert!(generate_password_hash(&[]).is_err());
        assert!(verify_password_hash(&[Value::Null, Value::Int(3)]).is_err());
        assert!(matches!(
            verify_password_hash(&[Value::text("a"), Value::text("not a hash")]),
            Ok(Value::Bool(false))
        ));
    }

    /// Standard test vectors (FIPS 180, RFC 1321) for every algorithm.
    #[test]
    fn standard_vectors_every_algorithm() {
        assert_eq!(gd("abc", 0), "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(gd("abc", 1), "a9993e364706816aba3e25717850c26c9cd0d89d");
        assert_eq!(gd("", 1), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(
            gd("", 4),
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
        );
        assert_eq!(
            gd(
                "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
                0
            ),
            "57edf4a22be3c955ac49da2e2107b67a"
        );
        // Text is digested as UTF-8; a blob as its bytes.
        let blob = Value::Blob(std::sync::Arc::new(b"abc".to_vec()));
        let r = generate_digest(&[blob, Value::Int(1)]).unwrap();
        assert!(
            matches!(r, Value::Text(t) if t.as_str() == "a9993e364706816aba3e25717850c26c9cd0d89d")
        );
        assert_eq!(gd("é", 0), "66ddcd97cfdeabb2f6fb8a999b4bc76f");
    }
}
