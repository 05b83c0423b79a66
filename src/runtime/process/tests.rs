use super::*;
use crate::interp::Interp;
use std::sync::Arc;

fn interp_for(src: &str) -> (Interp, Arc<crate::interp::Method>) {
    let program = Arc::new(Program::empty());
    let m = program.compile_inline(src, "-e", "-e").expect("compiles");
    (Interp::new(program), m)
}

#[test]
fn process_one_is_the_main_worker() {
    let p = get(1).expect("process 1 exists");
    assert_eq!(p.kind, Kind::Main);
    assert!(p.kind.is_worker());
    assert!(get(0).is_none());
    assert!(get(i64::MAX).is_none());
}

#[test]
fn process_state_of_unknown_number_does_not_exist() {
    let (mut cx, m) = interp_for("$0:=Process state(999999)");
    let v = cx.run_main(&m, Vec::new()).unwrap();
    assert!(matches!(v, Value::Int(DOES_NOT_EXIST)));
}

#[test]
fn process_delay_of_current_process_sleeps_in_ticks() {
    let p = register("delay test".into(), Kind::User, None);
    let me = p.number;
    let h = std::thread::spawn(move || {
        set_current_process(me);
        let t = Instant::now();
        delay(&get(me).unwrap(), 6.0, me);
        t.elapsed()
    });
    let took = h.join().unwrap();
    assert!(took >= Duration::from_millis(100), "{took:?}");
    assert!(took < Duration::from_secs(2), "{took:?}");
    p.mark_finished();
    assert_eq!(p.state(), ABORTED);
}

#[test]
fn process_delay_zero_cancels_a_delay() {
    let p = register("cancel test".into(), Kind::User, None);
    let me = p.number;
    let h = std::thread::spawn(move || {
        set_current_process(me);
        let t = Instant::now();
        delay(&get(me).unwrap(), 600.0, me);
        t.elapsed()
    });
    // Wait until the thread sleeps, then cancel from here.
    let start = Instant::now();
    while p.state() != DELAYED && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(5));
    }
    delay(&p, 0.0, 0);
    let took = h.join().unwrap();
    assert!(took < Duration::from_secs(5), "{took:?}");
    p.mark_finished();
}

#[test]
fn process_signal_object_is_shared_and_native() {
    let (mut cx, m) = interp_for(
        "$s:=New signal(\"x\")\n$0:=String(OB Is shared($s))+$s.description+String($s.signaled)\n$s.trigger()\n$0:=$0+String($s.signaled)+String($s.wait(0))",
    );
    let v = cx.run_main(&m, Vec::new()).unwrap();
    assert_eq!(crate::value::format::to_text(&v), "TruexFalseTrueTrue");
}

#[test]
fn process_signal_description_needs_use() {
    let (mut cx, m) = interp_for("$s:=New signal\n$s.description:=\"x\"");
    let e = cx.run_main(&m, Vec::new()).unwrap_err();
    assert_eq!(e.code, crate::runtime::shared::WRITE_OUTSIDE_USE);
    let (mut cx, m) =
        interp_for("$s:=New signal\nUse($s)\n$s.description:=\"x\"\nEnd use\n$0:=$s.description");
    let v = cx.run_main(&m, Vec::new()).unwrap();
    assert_eq!(crate::value::format::to_text(&v), "x");
}
