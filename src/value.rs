//! 4D values: the `Value` enum and the handle types behind it.
//!
//! Scalars sit inline. Objects and collections are reference handles (`Arc`)
//! so that assignment and parameter passing share them, as 4D does; every
//! handle is `Send + Sync` because processes are OS threads. A plain object
//! passed to another process is deep-copied by the runtime; a shared one is
//! passed as is, and its `shared` group decides who may write it.

pub mod collection;
pub mod compare;
pub mod format;
pub mod json;
pub mod object;

pub use collection::{CollRef, Collection};
pub use object::{ClassHandle, NativeObject, ObjRef, Object, Props, SharedGroup, Sharing};

use std::sync::Arc;

/// A date as 4D keeps it: year, month, day; `0,0,0` is the null date `!00-00-00!`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub const NULL: Date = Date {
        year: 0,
        month: 0,
        day: 0,
    };
    pub fn is_null(&self) -> bool {
        *self == Date::NULL
    }
}

/// Where a pointer points. Locals are identified by the frame that owns them,
/// so a pointer to a vanished local can be detected ("variable not defined").
#[derive(Clone, Debug)]
pub enum PointerTarget {
    /// A process variable (case-folded name) of the process that made the pointer.
    Process(Arc<str>),
    /// An interprocess variable `<>name` (case-folded name).
    Interprocess(Arc<str>),
    /// A local variable: owning frame id and slot in that frame.
    Local {
        frame: u64,
        slot: u32,
        name: Arc<str>,
    },
    /// An element of the array that `array` points to.
    Element {
        array: Box<PointerTarget>,
        index: i64,
    },
    /// A property of an object (`->$o.name` is not 4D, but `OB` pointers are).
    Property {
        object: ObjRef,
        key: Arc<str>,
    },
    Table(Arc<str>),
    Field {
        table: Arc<str>,
        field: Arc<str>,
    },
}

/// The element type of a 4D array (`ARRAY TEXT`, `ARRAY LONGINT`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArrayKind {
    Text,
    Integer,
    Longint,
    Real,
    Boolean,
    Date,
    Time,
    Object,
    Pointer,
    Picture,
    Blob,
}

/// A 4D array: 1-based with a usable element 0 (`items[0]`).
#[derive(Clone, Debug)]
pub struct Array {
    pub kind: ArrayKind,
    pub items: Vec<Value>,
}

/// A 4D value.
#[derive(Clone, Debug, Default)]
pub enum Value {
    /// Not yet defined: a missing property, a never-assigned Variant.
    #[default]
    Undefined,
    Null,
    Bool(bool),
    /// Longint (32-bit in 4D).
    Int(i32),
    Real(f64),
    /// Text is immutable and shared; `Arc::make_mut` lets an append reuse it when unique.
    Text(Arc<String>),
    Date(Date),
    /// Time in seconds (not wrapped at 24 h).
    Time(i64),
    Object(ObjRef),
    Collection(CollRef),
    Pointer(Arc<PointerTarget>),
    /// A scalar Blob (copied on assignment, like 4D's).
    Blob(Arc<Vec<u8>>),
    /// A whole array, only ever held by a variable.
    Array(Box<Array>),
}

impl Value {
    pub fn text(s: impl Into<String>) -> Value {
        Value::Text(Arc::new(s.into()))
    }

    pub fn is_undefined(&self) -> bool {
        matches!(self, Value::Undefined)
    }

    /// Null or Undefined (`=Null` is True for both).
    pub fn is_nullish(&self) -> bool {
        matches!(self, Value::Undefined | Value::Null)
    }

    /// Truthiness used by `&&`, `||` and `?:` (0 is truthy; "", [], {}, the null date are not).
    pub fn is_truthy(&self) -> bool {
        match self {
            Value::Undefined | Value::Null => false,
            Value::Bool(b) => *b,
            Value::Int(_) | Value::Real(_) | Value::Time(_) => true,
            Value::Text(t) => !t.is_empty(),
            Value::Date(d) => !d.is_null(),
            Value::Object(o) => !o.is_empty(),
            Value::Collection(c) => !c.is_empty(),
            Value::Pointer(_) | Value::Blob(_) | Value::Array(_) => true,
        }
    }
}
