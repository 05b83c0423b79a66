//! A stable-toolchain stand-in for `cargo fuzz`: mutates 4D snippets and feeds
//! them to the parser, which must return (Ok or errors) quickly and never panic.
//! Runs 2 seconds by default; `FOURD_FUZZ_SECS=300 cargo test --release --test
//! fuzz_parse` runs longer. Failing inputs are written to `target/fuzz-failures/`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::{Duration, Instant};

use fourd::syntax::{parse_method, parse_method_with, ParseOptions};

const SEEDS: &[&str] = &[
    "#DECLARE($id : Text; $n : Integer) -> $r : Object\nvar $a; $b : Text\n$r:={a: 1; \"b\": [1;2]}\n",
    "If ($a=1)\n\tALERT(\"x\")\nElse\n\t$b:=2\nEnd if\nCase of\n\t: ($a=1)\n\t: $a=2\n\tElse\nEnd case\n",
    "For ($i;1;10)\n\tbreak\nEnd for\nFor each ($x;$c;0;2) Until ($x>3)\nEnd for each\nWhile (True)\nEnd while\n",
    "Repeat\n$i:=$i-1\nUntil ($i=0)\nUse (Storage)\nEnd use\nTry\nthrow(1)\nCatch\nEnd try\n$r:=Try(1/0)\n",
    "Class extends Animal\nproperty name; kind : Text := \"x\"\nshared singleton Class constructor($n : Text)\n\tSuper($n)\nFunction get fullName() -> $r : Text\n\t$r:=This.name\n",
    "$x:=New object:C1471(\"a\";Is text:K8:3)\nQUERY([People];[People]Name=\"a\";*)\n$v:=<>count+◊x+${$i}+$1\n$p:=->$a{2}\n$p->:=3\n$t[[1]]:=\"a\"\n",
    "$d:=!2024-01-31!+?12:30:00?+0xFF+1e5\n/* a /* nested */ c */\n$s:=\"a\\\"b\\n\"\\\n+\"c\"\nBegin SQL\nSELECT 1\nEnd SQL\n",
    "$f:=cs.Person.new(4D.File(\"/x\"))\n$c:=$o[\"f\"](1)\n$r:=$c ? 1 : 2\n$x:=3+4*5 ?+ 2 ^| 1 << 3\nMy method(1)\nUtil 2\n",
    "%attributes = {\"lang\":\"en\"}\n...\nvar $c:=[[1;2];[3;4]]\n$x:=Current date+30\nSORT ARRAY($p->;>)\n",
];

const DICT: &[&str] = &[
    "If",
    "End if",
    "Else",
    "Case of",
    "End case",
    ":",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "[[",
    "]]",
    "${",
    "->",
    ":=",
    "+=",
    ";",
    "\n",
    "\\\n",
    "\"",
    "/*",
    "*/",
    "//",
    "!",
    "?",
    "4D",
    ".",
    "$",
    "<>",
    "For each",
    "End for each",
    "While",
    "Until",
    "Repeat",
    "Try",
    "Catch",
    "End try",
    "Function",
    "Class constructor",
    "property",
    "#DECLARE",
    "var",
    ":C1471",
    ":K8:3",
    ":P1:2",
    "[T:1]F:2",
    "Begin SQL",
    "End SQL",
    "...",
    "0x",
    "e",
    "Current date",
    "New object",
    " ",
];

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn mutate(rng: &mut Rng, input: &mut Vec<u8>, pool: &[Vec<u8>]) {
    for _ in 0..=rng.below(4) {
        let len = input.len();
        let at = rng.below(len + 1);
        match rng.below(9) {
            0 if len > 0 => input[at.min(len - 1)] = rng.next() as u8,
            1 => {
                let d = DICT[rng.below(DICT.len())].as_bytes();
                input.splice(at..at, d.iter().copied());
            }
            2 if len > 0 => {
                let end = (at + rng.below(16)).min(len);
                input.drain(at.min(end)..end);
            }
            3 if len > 0 => {
                let end = (at + rng.below(64)).min(len);
                let piece: Vec<u8> = input[at.min(end)..end].to_vec();
                let to = rng.below(input.len() + 1);
                input.splice(to..to, piece);
            }
            4 => {
                let other = &pool[rng.below(pool.len())];
                let from = rng.below(other.len());
                let end = (from + rng.below(128)).min(other.len());
                input.splice(at..at, other[from..end].iter().copied());
            }
            5 => {
                // Deep nesting bursts.
                let d = DICT[rng.below(14)].as_bytes();
                let n = rng.below(2000);
                let burst: Vec<u8> = d.iter().copied().cycle().take(d.len() * n).collect();
                input.splice(at..at, burst);
            }
            6 => input.insert(at, b"\n\t ;()[]{}\"!?$:\\/*#"[rng.below(19)]),
            7 if rng.below(50) == 0 => {
                // A very long run of one character (deep regex recursion, quadratic scans).
                let c = b"a $x\t1\\!\"/*-[(;.:"[rng.below(16)];
                let n = rng.below(1 << 20);
                input.splice(at..at, std::iter::repeat_n(c, n));
            }
            _ => {}
        }
    }
    input.truncate(1 << 20);
}

fn save(input: &[u8], why: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-failures");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("{why}-{}.4dm", input.len()));
    let _ = std::fs::write(&path, input);
    path.display().to_string()
}

#[test]
fn fuzz_parser_never_panics_or_hangs() {
    let secs: u64 = std::env::var("FOURD_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2);
    let seed: u64 = std::env::var("FOURD_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9e37_79b9_7f4a_7c15);
    let mut rng = Rng(seed | 1);
    let pool: Vec<Vec<u8>> = SEEDS.iter().map(|s| s.as_bytes().to_vec()).collect();
    let opts = ParseOptions::new(vec!["My method".into(), "Util 2".into()]);
    let deadline = Instant::now() + Duration::from_secs(secs);
    let (mut runs, mut accepted, mut slowest) = (0u64, 0u64, Duration::ZERO);
    let mut failures = Vec::new();
    while Instant::now() < deadline {
        let mut input = pool[rng.below(pool.len())].clone();
        mutate(&mut rng, &mut input, &pool);
        let src = String::from_utf8_lossy(&input).into_owned();
        let t = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| {
            let a = parse_method(&src).is_ok();
            let _ = parse_method_with(&src, &opts);
            a
        }));
        let took = t.elapsed();
        slowest = slowest.max(took);
        runs += 1;
        match result {
            Ok(ok) => accepted += ok as u64,
            Err(_) => failures.push(format!("panic: {}", save(&input, "panic"))),
        }
        if took > Duration::from_secs(2) {
            failures.push(format!("slow ({took:?}): {}", save(&input, "slow")));
        }
        if failures.len() > 5 {
            break;
        }
    }
    eprintln!(
        "fuzz: {runs} inputs in {secs}s, {accepted} accepted, slowest {slowest:?}, {} failures",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
