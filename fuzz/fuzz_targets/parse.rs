//! Lexer + parser must never panic, hang or overflow, whatever the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    let _ = fourd::syntax::parse_method(&src);
    let opts = fourd::syntax::ParseOptions {
        method_names: vec!["My method".into(), "Util 2".into()],
    };
    let _ = fourd::syntax::parse_method_with(&src, &opts);
});
