//! Cost of an uncontended `Use…End use` with two property writes (the shape
//! of the `shared_use` benchmark), of the bare lock round trip, and of a
//! session lookup by id.
//! Run: `cargo bench --bench shared_use`.

use fourd::runtime::shared::{new_shared_object, prepare_store, set_current_process, use_begin};
use fourd::value::{Props, Value};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    set_current_process(1);
    let s = Value::Object(new_shared_object(Props::default()).unwrap());
    let Value::Object(o) = &s else { unreachable!() };
    const N: u32 = 1_000_000;

    let t = Instant::now();
    for _ in 0..N {
        let g = use_begin(black_box(&s)).unwrap();
        drop(g);
    }
    let bare = t.elapsed();

    let t = Instant::now();
    for i in 0..N {
        let _g = use_begin(&s).unwrap();
        for key in ["a", "b"] {
            let mut v = Value::Int(i as i32);
            prepare_store(&o.0.sharing, &mut v).unwrap();
            o.write().insert(key.to_string(), v);
        }
    }
    let with_writes = t.elapsed();

    println!(
        "uncontended Use/End use: {:.1} ns; with 2 checked property writes: {:.1} ns per iteration ({:?} for 1M)",
        bare.as_nanos() as f64 / f64::from(N),
        with_writes.as_nanos() as f64 / f64::from(N),
        with_writes
    );

    // Session registry lookups with 10,000 sessions.
    let ids: Vec<String> = (0..10_000)
        .map(|_| fourd::runtime::session::open_web().id.clone())
        .collect();
    let rounds = 100;
    let t = Instant::now();
    let mut found = 0usize;
    for _ in 0..rounds {
        for id in &ids {
            found += usize::from(fourd::runtime::session::lookup(black_box(id)).is_some());
        }
    }
    assert_eq!(found, rounds * ids.len());
    println!(
        "session lookup by id with 10,000 sessions: {:.1} ns (sweeping all ids: cache-cold)",
        t.elapsed().as_nanos() as f64 / (rounds * ids.len()) as f64
    );
    let id = ids[1234].clone();
    let t = Instant::now();
    for _ in 0..N {
        found += usize::from(fourd::runtime::session::lookup(black_box(&id)).is_some());
    }
    assert_eq!(found, rounds * ids.len() + N as usize);
    println!(
        "session lookup by id with 10,000 sessions: {:.1} ns (one id, cache-warm)",
        t.elapsed().as_nanos() as f64 / f64::from(N)
    );
}
