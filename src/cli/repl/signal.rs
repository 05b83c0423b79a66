//! Ctrl-C while 4D code runs: SIGINT sets a flag that the interpreter polls, so
//! a runaway loop returns to the prompt instead of killing the session. A
//! second Ctrl-C before the first was noticed ends the process (something is
//! stuck where no poll happens).

use std::sync::atomic::{AtomicBool, Ordering};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// The flag the interpreter polls.
#[allow(dead_code)] // polled by the interpreter once it is wired in
pub fn flag() -> &'static AtomicBool {
    &INTERRUPTED
}

/// Clears the flag, returning whether it was set.
pub fn take() -> bool {
    INTERRUPTED.swap(false, Ordering::SeqCst)
}

#[cfg(unix)]
extern "C" fn on_sigint(_: libc::c_int) {
    if INTERRUPTED.swap(true, Ordering::SeqCst) {
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
