//! Ctrl-C while 4D code runs: SIGINT sets the interpreter's interrupt flag,
//! which it polls before every statement, so a runaway loop returns to the
//! prompt instead of ending the session. A second Ctrl-C before the first was
//! noticed ends the process (something is stuck where no poll happens).

use std::sync::atomic::Ordering;

use crate::interp::repl_api::INTERRUPT;

/// Clears the flag, returning whether it was set (and not consumed by the interpreter).
pub fn take() -> bool {
    INTERRUPT.swap(false, Ordering::SeqCst)
}

#[cfg(unix)]
extern "C" fn on_sigint(_: libc::c_int) {
    if INTERRUPT.swap(true, Ordering::SeqCst) {
        // Only async-signal-safe calls here.
        unsafe { libc::_exit(130) };
    }
}

/// Routes SIGINT to the flag for the rest of the process's life.
pub fn install() {
    #[cfg(unix)]
    unsafe {
        let handler: extern "C" fn(libc::c_int) = on_sigint;
        libc::signal(libc::SIGINT, handler as libc::sighandler_t);
    }
}
