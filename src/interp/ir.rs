//! The resolved form of a method: locals are slot indices, process variables
//! are interned indices, commands are function pointers and names are
//! case-folded, all once at compile time, so evaluation never looks a name up.

use super::dispatch::CommandFn;
use crate::syntax::ast::{AssignOp, BinOp};
use crate::value::{ArrayKind, Value};
use std::sync::Arc;

/// A declared variable type, used to coerce and default on assignment.
#[derive(Clone, Debug, PartialEq)]
pub enum VType {
    Text,
    Integer,
    Real,
    Boolean,
    Date,
    Time,
    Object,
    Collection,
    Pointer,
    Picture,
    Blob,
    Variant,
    /// `cs.Name` / `4D.Name`: an object of that class (checked loosely).
    Class(String),
}

/// Where a value lives, for reading, writing and pointers.
#[derive(Clone, Debug)]
pub enum Place {
    Local(u32),
    /// `${expr}`: a parameter chosen at run time.
    ParamDyn(Box<Ex>),
    Process(u32),
    Inter(u32),
    Member(Box<Ex>, Arc<str>),
    Index(Box<Ex>, Box<Ex>),
    Element(Box<Place>, Box<Ex>),
    CharAt(Box<Place>, Box<Ex>),
    Deref(Box<Ex>),
    /// `Form`, fields and other things that cannot be assigned here.
    Invalid(String),
}

#[derive(Clone, Debug)]
pub enum Ex {
    Const(Value),
    Local(u32),
    ParamDyn(Box<Ex>),
    Process(u32),
    Inter(u32),
    Member(Box<Ex>, Arc<str>),
    Index(Box<Ex>, Box<Ex>),
    Element(Box<Place>, Box<Ex>),
    CharAt(Box<Ex>, Box<Ex>),
    /// Call of a project method by its index in the program.
    CallMethod {
        id: u32,
        args: Vec<Ex>,
        pos: u32,
    },
    /// A call of a method that does not exist: an error when reached.
    Missing {
        name: String,
        pos: u32,
    },
    /// A built-in command on evaluated arguments.
    Command {
        f: CommandFn,
        args: Vec<Ex>,
        pos: u32,
    },
    /// A library command that needs only its evaluated arguments.
    Pure {
        f: crate::runtime::commands::PureFn,
        args: Vec<Ex>,
        pos: u32,
    },
    /// A command the interpreter handles itself (needs places or context).
    Special {
        op: Special,
        args: Vec<Ex>,
        places: Vec<Place>,
        pos: u32,
    },
    MethodCall {
        target: Box<Ex>,
        name: Arc<str>,
        args: Vec<Ex>,
        pos: u32,
    },
    CallValue {
        callee: Box<Ex>,
        args: Vec<Ex>,
        pos: u32,
    },
    PointerTo(Box<Place>),
    Deref(Box<Ex>),
    Neg(Box<Ex>),
    Binary(BinOp, Box<Ex>, Box<Ex>),
    /// A binary operation whose leaves are only locals and number literals:
    /// evaluated without cloning values when they hold numbers.
    Arith(BinOp, Box<Ex>, Box<Ex>),
    And(Box<Ex>, Box<Ex>),
    Or(Box<Ex>, Box<Ex>),
    Ternary(Box<Ex>, Box<Ex>, Box<Ex>),
    ObjectLit(Vec<(Arc<str>, Ex)>),
    CollectionLit(Vec<Ex>),
    TryExpr(Box<Ex>),
    /// An assignment used as an argument (`Formula($1.result:=$1.value*2)`).
    Assign(Box<Place>, AssignOp, Box<Ex>),
    This,
    /// `Super(args)` (name `None`, the parent constructor) or `Super.name(args)`.
    SuperCall {
        name: Option<Arc<str>>,
        args: Vec<Ex>,
        pos: u32,
    },
    /// `Formula(expr)`: the compiled body and the enclosing locals it captures.
    Formula(Arc<FormulaCode>),
    /// A syntax-level construct with no run-time meaning here (`*`, `[Table]`).
    Unsupported(String, u32),
}

/// The code of a `Formula(...)`.
#[derive(Debug)]
pub struct FormulaCode {
    pub method: Arc<super::Method>,
    /// (slot in the formula, slot in the enclosing method) copied at creation.
    pub captures: Vec<(u32, u32)>,
    /// The formula's text (`.source`).
    pub source: String,
    /// `Formula(myMethod)`: the method that gets the formula's parameters.
    pub forward: Option<u32>,
}

/// Commands the interpreter evaluates itself.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Special {
    CountParameters,
    Declare(VTypeTag),
    MakeArray(ArrayKind),
    SizeOfArray,
    AppendToArray,
    InsertInArray,
    DeleteFromArray,
    FindInArray,
    SortArray,
    ArrayToCollection,
    CollectionToArray,
    CopyArray,
    /// A command with output parameters: the entry of `commands::OUT_COMMANDS`
    /// and a bit mask of the arguments compiled as places.
    Out(u16, u32),
    OnErrCall,
    CurrentMethodName,
    Undefined,
    Type,
    ObSet,
    ObRemove,
    ClearVariable,
    Super,
    Throw,
    IsNilPointer,
    FormulaFromString,
    GetPointer,
    Execute,
    ErrorVar,
}

/// `C_TEXT` & co. (as a `Copy` tag).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum VTypeTag {
    Text,
    Integer,
    Real,
    Boolean,
    Date,
    Time,
    Object,
    Collection,
    Pointer,
    Picture,
    Blob,
    Variant,
}

impl VTypeTag {
    pub fn vtype(self) -> VType {
        match self {
            VTypeTag::Text => VType::Text,
            VTypeTag::Integer => VType::Integer,
            VTypeTag::Real => VType::Real,
            VTypeTag::Boolean => VType::Boolean,
            VTypeTag::Date => VType::Date,
            VTypeTag::Time => VType::Time,
            VTypeTag::Object => VType::Object,
            VTypeTag::Collection => VType::Collection,
            VTypeTag::Pointer => VType::Pointer,
            VTypeTag::Picture => VType::Picture,
            VTypeTag::Blob => VType::Blob,
            VTypeTag::Variant => VType::Variant,
        }
    }
}

#[derive(Clone, Debug)]
pub struct St {
    /// Byte offset of the statement, for error locations.
    pub pos: u32,
    pub kind: Sk,
}

#[derive(Clone, Debug)]
pub enum Sk {
    Expr(Ex),
    Assign(Place, Ex),
    /// `$local := <arithmetic on locals and numbers>`.
    AssignArith(u32, Ex),
    /// `$v:=$v+a+b…` / `$v+=a` on a local: appended in place when Text;
    /// otherwise the full expression (third field) is evaluated and assigned.
    AppendLocal(u32, Vec<Ex>, Ex),
    Compound(Place, AssignOp, Ex),
    /// `var` with a type: reset the variables to that type's default.
    Declare(Vec<Place>, Option<VType>, Option<Ex>),
    If(Ex, Vec<St>, Vec<St>),
    Case(Vec<(Ex, Vec<St>)>, Vec<St>),
    While(Ex, Vec<St>),
    Repeat(Vec<St>, Ex),
    For {
        counter: Place,
        start: Ex,
        end: Ex,
        step: Option<Ex>,
        body: Vec<St>,
    },
    ForEach {
        item: Place,
        source: Ex,
        begin: Option<Ex>,
        end: Option<Ex>,
        until: Option<Ex>,
        while_: Option<Ex>,
        body: Vec<St>,
    },
    Use(Ex, Vec<St>),
    Try(Vec<St>, Option<Vec<St>>),
    /// `return expr`: the value goes to the result slot.
    ReturnValue(u32, Ex),
    Return,
    Break,
    Continue,
    Unsupported(String),
}
