//! Object handles: `ObjRef` is an `Arc<Object>`; cloning it shares the object.

use super::Value;
use indexmap::IndexMap;
use parking_lot::{Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::any::Any;
use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

/// Properties in creation order (4D keeps it for `JSON Stringify`, `For each`, `OB Keys`).
/// Hashed with foldhash: property keys are short and hashed on every access,
/// where SipHash cost more than the lookup itself. Order does not depend on it.
pub type Props = IndexMap<String, Value, PropsHasher>;
pub type PropsHasher = foldhash::fast::RandomState;

/// A built-in object with native state (a `4D.Session`, a `4D.Signal`, a formula…).
/// The runtime downcasts through `as_any`.
pub trait NativeObject: Any + Send + Sync + fmt::Debug {
    /// The 4D class name, e.g. `"Session"`, `"Signal"`, `"Function"`.
    fn class_name(&self) -> &str;
    fn as_any(&self) -> &dyn Any;
}

/// The lock group of shared objects and collections. Nesting a shared value in
/// another makes it join that group for good (groups never split).
/// The locking itself (`Use…End use`) is implemented by the runtime.
pub struct SharedGroup {
    pub id: u64,
    /// Runtime-owned lock state (owner process, re-entry count, waiters).
    pub lock: GroupLock,
    /// Set once a second member joins: from then on no member may move to
    /// another group (a value alone in its group may still join one).
    pub joined: AtomicBool,
}

impl fmt::Debug for SharedGroup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SharedGroup({})", self.id)
    }
}

/// Lock state of a shared group: owner process and re-entry count, with a
/// condition variable for processes waiting in `Use`.
#[derive(Default)]
pub struct GroupLock {
    pub state: Mutex<GroupLockState>,
    pub released: parking_lot::Condvar,
}

#[derive(Default, Debug)]
pub struct GroupLockState {
    /// Process number that holds the group, if any.
    pub owner: Option<i64>,
    pub count: u32,
}

static NEXT_GROUP: AtomicU64 = AtomicU64::new(1);

impl SharedGroup {
    pub fn new() -> Arc<SharedGroup> {
        Arc::new(SharedGroup {
            id: NEXT_GROUP.fetch_add(1, Ordering::Relaxed),
            lock: GroupLock::default(),
            joined: AtomicBool::new(false),
        })
    }
}

/// How a shared value is locked.
#[derive(Debug)]
pub enum Sharing {
    /// A plain (not shared) object.
    None,
    /// A shared object or collection, in a group (alone until nested).
    Group(Mutex<Arc<SharedGroup>>),
    /// `Storage` or a session's `.storage`: shared, locked on its own, and never
    /// pulls the values put in it into its group.
    Root(Arc<SharedGroup>),
}

/// The user class of an instance, owned by the interpreter (downcast via `Any`).
pub type ClassHandle = Arc<dyn Any + Send + Sync>;

pub struct Object {
    props: RwLock<Props>,
    pub class: Option<ClassHandle>,
    pub native: Option<Arc<dyn NativeObject>>,
    pub sharing: Sharing,
}

impl fmt::Debug for Object {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Object")
            .field("props", &*self.props.read())
            .field("native", &self.native)
            .field("sharing", &self.sharing)
            .finish()
    }
}

/// A reference to an object; `==` on handles is identity, as in 4D.
#[derive(Clone, Debug)]
pub struct ObjRef(pub Arc<Object>);

impl ObjRef {
    pub fn new() -> ObjRef {
        ObjRef::from_props(Props::default())
    }
    pub fn from_props(props: Props) -> ObjRef {
        ObjRef(Arc::new(Object {
            props: RwLock::new(props),
            class: None,
            native: None,
            sharing: Sharing::None,
        }))
    }
    pub fn with(
        props: Props,
        class: Option<ClassHandle>,
        native: Option<Arc<dyn NativeObject>>,
        sharing: Sharing,
    ) -> ObjRef {
        ObjRef(Arc::new(Object {
            props: RwLock::new(props),
            class,
            native,
            sharing,
        }))
    }
    pub fn read(&self) -> RwLockReadGuard<'_, Props> {
        self.0.props.read()
    }
    /// Raw write access; callers enforce the shared-object rules first.
    pub fn write(&self) -> RwLockWriteGuard<'_, Props> {
        self.0.props.write()
    }
    pub fn get(&self, key: &str) -> Value {
        self.0.props.read().get(key).cloned().unwrap_or_default()
    }
    pub fn is_empty(&self) -> bool {
        self.0.props.read().is_empty()
    }
    pub fn ptr_eq(&self, other: &ObjRef) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
    pub fn is_shared(&self) -> bool {
        !matches!(self.0.sharing, Sharing::None)
    }
}

impl Default for ObjRef {
    fn default() -> Self {
        ObjRef::new()
    }
}
