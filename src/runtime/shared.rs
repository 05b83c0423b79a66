//! `Use…End use` locking of shared groups, and the rules for writing shared values.
//! (Placeholder bodies: the real lock, group joining and deadlock detection are being written.)

use crate::error::RtResult;
use crate::value::Sharing;

/// Fails with 4D's error when the current process may not modify a value with
/// this sharing (a shared object outside `Use`).
pub fn check_write(_sharing: &Sharing) -> RtResult<()> {
    Ok(())
}

/// Held while a collection function modifies a shared collection: it takes the
/// group's lock like `Use` would, and releases it on drop.
pub struct AutoUse(());

pub fn auto_use(_sharing: &Sharing) -> RtResult<AutoUse> {
    Ok(AutoUse(()))
}
