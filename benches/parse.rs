//! Parser throughput: `cargo bench --bench parse`.
//!
//! Parses a large synthetic method (every statement form, long names, comments,
//! catalog commands) and the repository's own 4D sources (tests/golden,
//! examples), plus any `.4dm` folder named in `FOURD_BENCH_DIR`. Building the
//! inputs happens outside the timed loop; the figure is MB of source per second
//! on one thread (CPU time of the thread; on a busy machine also the best of
//! the passes, the least disturbed one).

use std::path::Path;
use std::time::{Duration, Instant};

use fourd::syntax::parse_method;

// The allocator of the `fourd` binary, so the figure is what `fourd check` gets.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// One chunk of typical 4D code; `{n}` makes each copy's names distinct.
const CHUNK: &str = r#"// Compute the totals of order {n}
var $total{n}; $count{n} : Real
var $order{n} : Object:=New object:C1471("id"; {n}; "lines"; New collection:C1472)
$customer{n}:=cs.Customer.new("Smith"; "John"; 42)
For ($i; 1; Size of array(aItems); 1)
	If (aItems{$i}#Char(0)) & ($i%2=0)
		$total{n}+=Num(aItems{$i})*1.5+($i\2)
	Else
		$count{n}:=$count{n}+1  /* inline /* nested */ comment */
	End if
End for
For each ($line; $order{n}.lines) Until ($total{n}>1000)
	$total{n}:=$total{n}+$line.qty*$line.price
End for each
Case of
	: ($total{n}>100)
		ALERT("Big order: "+String($total{n}; "0.00"))
	: ($count{n}=0)
		$msg:=Current date+30 ? "late" : "ok"
	Else
		LOG EVENT(Into system standard outputs; "order "+String({n})+"\n")
End case
Use (Storage)
	Storage.orders[String({n})]:={id: {n}; total: $total{n}; when: !2024-01-31!; at: ?12:30:00?}
End use
Try
	$r:=$customer{n}.compute(->$total{n}; [1; 2; 3])
Catch
	$errors:=Last errors
End try
$text:=Substring($msg; 1; 3)+$msg[[1]]+Uppercase(Lowercase("ABC"))
While ($count{n}<3)
	$count{n}:=$count{n}+1
End while
"#;

fn synthetic(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + CHUNK.len());
    let mut n = 0;
    while s.len() < bytes {
        s.push_str(&CHUNK.replace("{n}", &n.to_string()));
        n += 1;
    }
    s
}

fn repo_sources(dir: &Path, out: &mut Vec<String>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            repo_sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "4dm") {
            if let Ok(src) = std::fs::read_to_string(&p) {
                if parse_method(&src).is_ok() {
                    out.push(src);
                }
            }
        }
    }
}

/// CPU time of this thread (Linux), so a busy machine does not skew the figure.
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Parses every source repeatedly for about `budget`; returns MB/s (mean).
fn measure(name: &str, sources: &[String], budget: Duration) -> f64 {
    let bytes: usize = sources.iter().map(String::len).sum();
    if bytes == 0 {
        return 0.0;
    }
    let mut done = 0usize;
    let cpu0 = thread_cpu();
    let start = Instant::now();
    // CPU time of the fastest pass over all sources.
    let mut best = f64::INFINITY;
    while start.elapsed() < budget {
        let pass0 = thread_cpu().unwrap_or_default();
        for s in sources {
            let f = parse_method(s);
            std::hint::black_box(&f);
            done += s.len();
        }
        let pass = (thread_cpu().unwrap_or_default() - pass0).as_secs_f64();
        if pass > 0.0 {
            best = best.min(pass);
        }
    }
    let wall = start.elapsed().as_secs_f64();
    let cpu = match (cpu0, thread_cpu()) {
        (Some(a), Some(b)) => (b - a).as_secs_f64(),
        _ => wall,
    };
    let mbs = done as f64 / cpu / 1e6;
    println!(
        "{name}: {:.2} MB in {} files, {mbs:.1} MB/s of CPU time (best pass {:.1} MB/s, {:.1} MB/s wall)",
        bytes as f64 / 1e6,
        sources.len(),
        bytes as f64 / best / 1e6,
        done as f64 / wall / 1e6
    );
    mbs
}

fn main() {
    let big = synthetic(4_000_000);
    assert!(parse_method(&big).is_ok(), "synthetic source must parse");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut corpus = Vec::new();
    repo_sources(&root.join("tests/golden"), &mut corpus);
    repo_sources(&root.join("examples"), &mut corpus);
    if let Some(dir) = std::env::var_os("FOURD_BENCH_DIR") {
        repo_sources(Path::new(&dir), &mut corpus);
    }
    // `FOURD_BENCH_ONLY=lex|big|small`: one measurement alone (for profiling).
    let only = std::env::var("FOURD_BENCH_ONLY").unwrap_or_default();
    if only == "lex" {
        let t = Instant::now();
        while t.elapsed() < Duration::from_secs(5) {
            std::hint::black_box(fourd::syntax::lexer::lex(&big, &Default::default()));
        }
        return;
    }
    if only == "big" {
        measure("synthetic, one 4 MB file", &[big], Duration::from_secs(5));
        return;
    }
    let t = thread_cpu().unwrap_or_default();
    let (toks, _) = fourd::syntax::lexer::lex(&big, &Default::default());
    let lex_secs = (thread_cpu().unwrap_or_default() - t).as_secs_f64();
    println!(
        "lexer alone: {} tokens, {:.1} MB/s",
        toks.len(),
        big.len() as f64 / lex_secs / 1e6
    );
    // Typical methods are a few KB: parse the same code as 1,000 separate methods too.
    let methods: Vec<String> = (0..1000)
        .map(|n| synthetic(4_000).replace("$total0", &format!("$total0_{n}")))
        .collect();
    measure("synthetic, one 4 MB file", &[big], Duration::from_secs(3));
    measure(
        "synthetic, 1000 methods of 4 KB",
        &methods,
        Duration::from_secs(3),
    );
    measure("repository sources", &corpus, Duration::from_secs(2));
}
