//! Collection handles: `CollRef` is an `Arc<Collection>`; cloning it shares the collection.

use super::object::Sharing;
use super::Value;
use parking_lot::{RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::fmt;
use std::sync::Arc;

pub struct Collection {
    items: RwLock<Vec<Value>>,
    pub sharing: Sharing,
}

impl fmt::Debug for Collection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.items.read().iter()).finish()
    }
}

/// A reference to a collection; `==` on handles is identity, as in 4D.
#[derive(Clone, Debug)]
pub struct CollRef(pub Arc<Collection>);

impl CollRef {
    pub fn new(items: Vec<Value>) -> CollRef {
        CollRef::with(items, Sharing::None)
    }
    pub fn with(items: Vec<Value>, sharing: Sharing) -> CollRef {
        CollRef(Arc::new(Collection {
            items: RwLock::new(items),
            sharing,
        }))
    }
    pub fn read(&self) -> RwLockReadGuard<'_, Vec<Value>> {
        self.0.items.read()
    }
    /// Raw write access; callers enforce the shared-collection rules first.
    pub fn write(&self) -> RwLockWriteGuard<'_, Vec<Value>> {
        self.0.items.write()
    }
    pub fn len(&self) -> usize {
        self.0.items.read().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Element `i`, Undefined past the end.
    pub fn get(&self, i: usize) -> Value {
        self.0.items.read().get(i).cloned().unwrap_or_default()
    }
    pub fn ptr_eq(&self, other: &CollRef) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
    pub fn is_shared(&self) -> bool {
        !matches!(self.0.sharing, Sharing::None)
    }
}
