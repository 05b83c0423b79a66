//! Shared-object locking under real threads: lost updates, blocking,
//! deadlock detection, group joining races. Each thread plays one 4D process.

use fourd::runtime::shared::{
    self, check_write, current_process, new_shared_collection, new_shared_object, prepare_store,
    set_current_process, use_begin,
};
use fourd::value::{ObjRef, Props, Value};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

fn shared_obj() -> Value {
    Value::Object(new_shared_object(Props::default()).unwrap())
}

fn o(v: &Value) -> &ObjRef {
    match v {
        Value::Object(o) => o,
        _ => panic!("not an object"),
    }
}

fn read_num(v: &Value, key: &str) -> f64 {
    match o(v).get(key) {
        Value::Real(r) => r,
        Value::Int(i) => f64::from(i),
        Value::Undefined => 0.0,
        other => panic!("unexpected {other:?}"),
    }
}

/// `o.key := value` with the shared-object rules.
fn store(target: &Value, key: &str, mut value: Value) -> Result<(), fourd::error::RuntimeError> {
    let t = o(target);
    prepare_store(&t.0.sharing, &mut value)?;
    t.write().insert(key.to_string(), value);
    Ok(())
}

#[test]
fn shared_stress_8_threads_100k_increments_lose_nothing() {
    const THREADS: i64 = 8;
    const N: usize = 100_000;
    let counter = shared_obj();
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let c = counter.clone();
            thread::spawn(move || {
                set_current_process(10 + t);
                for _ in 0..N {
                    let _g = use_begin(&c).unwrap();
                    let n = read_num(&c, "n");
                    store(&c, "n", Value::Real(n + 1.0)).unwrap();
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(read_num(&counter, "n"), (THREADS as usize * N) as f64);
}

#[test]
fn shared_stress_group_member_locks_whole_group() {
    // Threads lock different members of one group; the counter on the root
    // must still be exact because one lock covers the group.
    let root = shared_obj();
    let members: Vec<Value> = (0..4).map(|_| shared_obj()).collect();
    {
        let _g = use_begin(&root).unwrap();
        for (i, m) in members.iter().enumerate() {
            store(&root, &format!("m{i}"), m.clone()).unwrap();
        }
    }
    let handles: Vec<_> = members
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            let r = root.clone();
            thread::spawn(move || {
                set_current_process(100 + i as i64);
                for _ in 0..20_000 {
                    let _g = use_begin(&m).unwrap();
                    let n = read_num(&r, "n");
                    store(&r, "n", Value::Real(n + 1.0)).unwrap();
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(read_num(&root, "n"), 80_000.0);
}

#[test]
fn shared_stress_use_blocks_other_process_but_reads_do_not() {
    let s = shared_obj();
    let _g = use_begin(&s).unwrap();
    store(&s, "v", Value::Int(1)).unwrap();
    let s2 = s.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    let h = thread::spawn(move || {
        set_current_process(200);
        // A read returns at once, even while the other process holds the lock.
        tx.send(("read", read_num(&s2, "v"))).unwrap();
        let _g = use_begin(&s2).unwrap();
        tx.send(("locked", read_num(&s2, "v"))).unwrap();
    });
    assert_eq!(
        rx.recv_timeout(Duration::from_secs(5)).unwrap(),
        ("read", 1.0)
    );
    assert!(
        rx.recv_timeout(Duration::from_millis(200)).is_err(),
        "Use did not block"
    );
    store(&s, "v", Value::Int(2)).unwrap();
    drop(_g);
    assert_eq!(
        rx.recv_timeout(Duration::from_secs(5)).unwrap(),
        ("locked", 2.0)
    );
    h.join().unwrap();
}

#[test]
fn shared_stress_deadlock_is_an_error_within_a_second() {
    let a = shared_obj();
    let b = shared_obj();
    let barrier = Arc::new(Barrier::new(2));
    let spawn = |first: Value, second: Value, p: i64| {
        let bar = barrier.clone();
        thread::spawn(move || {
            set_current_process(p);
            let _g1 = use_begin(&first).unwrap();
            bar.wait();
            let t = Instant::now();
            let r = use_begin(&second).map(drop);
            (r, t.elapsed())
        })
    };
    let h1 = spawn(a.clone(), b.clone(), 301);
    let h2 = spawn(b.clone(), a.clone(), 302);
    let (r1, t1) = h1.join().unwrap();
    let (r2, t2) = h2.join().unwrap();
    // Exactly one process is refused; the other gets the lock once the
    // refused one unwinds and releases its own group.
    let errs: Vec<_> = [&r1, &r2]
        .into_iter()
        .filter_map(|r| r.as_ref().err())
        .collect();
    assert_eq!(errs.len(), 1, "{r1:?} {r2:?}");
    let e = errs[0];
    assert_eq!(e.code, shared::deadlock::DEADLOCK);
    assert!(e.message.contains("process 301") && e.message.contains("process 302"));
    assert!(t1.min(t2) < Duration::from_secs(1), "{t1:?} {t2:?}");
    println!("deadlock detected after {:?}: {}", t1.min(t2), e.message);
}

#[test]
fn shared_stress_three_process_cycle_is_detected() {
    let objs: Vec<Value> = (0..3).map(|_| shared_obj()).collect();
    let barrier = Arc::new(Barrier::new(3));
    let handles: Vec<_> = (0..3)
        .map(|i| {
            let first = objs[i].clone();
            let second = objs[(i + 1) % 3].clone();
            let bar = barrier.clone();
            thread::spawn(move || {
                set_current_process(400 + i as i64);
                let _g1 = use_begin(&first).unwrap();
                bar.wait();
                use_begin(&second).map(drop)
            })
        })
        .collect();
    let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(results.iter().filter(|r| r.is_err()).count(), 1);
}

#[test]
fn shared_stress_joining_waits_for_other_users_of_the_value() {
    // Process A holds x (alone in its group); process B puts x into its group.
    // B must wait until A's End use, and afterwards x belongs to B's group.
    let x = shared_obj();
    let c = shared_obj();
    let ga = use_begin(&x).unwrap();
    let (x2, c2) = (x.clone(), c.clone());
    let h = thread::spawn(move || {
        set_current_process(501);
        let _g = use_begin(&c2).unwrap();
        store(&c2, "x", x2.clone()).unwrap();
        shared::group_id(&x2) == shared::group_id(&c2)
    });
    thread::sleep(Duration::from_millis(100));
    assert!(!h.is_finished(), "joining did not wait for the holder of x");
    store(&x, "v", Value::Int(1)).unwrap();
    drop(ga);
    assert!(h.join().unwrap());
    assert!(check_write(&o(&x).0.sharing).is_err());
}

#[test]
fn shared_stress_parallel_push_with_auto_use() {
    let c = new_shared_collection(vec![]).unwrap();
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let c = c.clone();
            thread::spawn(move || {
                set_current_process(600 + t);
                for i in 0..10_000 {
                    let _a = shared::auto_use(&c.0.sharing).unwrap();
                    c.write().push(Value::Real(f64::from(i)));
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(c.len(), 40_000);
}

#[test]
fn shared_stress_unset_threads_get_distinct_ids() {
    let ids: Vec<i64> = (0..4)
        .map(|_| thread::spawn(current_process))
        .map(|h| h.join().unwrap())
        .collect();
    let mut d = ids.clone();
    d.sort();
    d.dedup();
    assert_eq!(d.len(), 4);
}
