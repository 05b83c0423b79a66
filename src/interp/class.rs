//! User classes (`cs.Name`), class objects, instances, and formula objects
//! (`4D.Function`). Class objects and formulas are objects with a native part.

use super::compile::Ctx;
use super::errors::{self, err, type_err};
use super::ir::{St, VType};
use super::{Interp, Method, Program, R};
use crate::syntax::ast::{self, FunctionKind};
use crate::value::{ClassHandle, NativeObject, ObjRef, Props, SharedGroup, Sharing, Value};
use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock, Weak};

/// A loaded class.
#[derive(Debug)]
pub struct ClassRt {
    pub name: Arc<str>,
    pub parent: Option<Arc<ClassRt>>,
    pub constructor: Option<Arc<Method>>,
    pub functions: HashMap<String, Arc<Method>>,
    pub getters: HashMap<String, Arc<Method>>,
    pub setters: HashMap<String, Arc<Method>>,
    /// `property` declarations: name, type, initial-value code.
    pub props: Vec<(String, Option<VType>, Option<Arc<Method>>)>,
    pub shared: bool,
    /// `singleton` / `shared singleton` / `session singleton` classes.
    pub singleton: bool,
    pub session_singleton: bool,
    /// Singleton instances (`cs.Name.me`), by process number (0 when shared).
    pub instances: parking_lot::Mutex<HashMap<i64, Value>>,
    /// The class object (`cs.Name`).
    pub object: ObjRef,
}

impl ClassRt {
    fn chain(&self) -> impl Iterator<Item = &ClassRt> {
        std::iter::successors(Some(self), |c| c.parent.as_deref())
    }
    pub fn find_function(&self, name: &str) -> Option<Arc<Method>> {
        self.chain().find_map(|c| c.functions.get(name).cloned())
    }
    pub fn find_getter(&self, name: &str) -> Option<Arc<Method>> {
        self.chain().find_map(|c| c.getters.get(name).cloned())
    }
    pub fn find_setter(&self, name: &str) -> Option<Arc<Method>> {
        self.chain().find_map(|c| c.setters.get(name).cloned())
    }
    pub fn find_constructor(&self) -> Option<Arc<Method>> {
        self.chain().find_map(|c| c.constructor.clone())
    }
    /// Is `self` `other` or derived from it?
    pub fn derives_from(&self, other: &ClassRt) -> bool {
        self.chain().any(|c| std::ptr::eq(c, other))
    }
}

/// The native part of a class object.
#[derive(Debug)]
pub struct ClassNative(pub Weak<ClassRt>);

impl NativeObject for ClassNative {
    fn class_name(&self) -> &str {
        "Class"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The native part of `cs` and `4D`.
#[derive(Debug)]
pub struct StoreNative(pub &'static str);

impl NativeObject for StoreNative {
    fn class_name(&self) -> &str {
        "Object"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A `4D.Function`: compiled code plus the local values it captured.
#[derive(Debug)]
pub struct FormulaFn {
    pub method: Arc<Method>,
    pub captured: Vec<(u32, Value)>,
    pub source: String,
    /// `Formula(myMethod)`: the method called with the formula's own
    /// parameters, all passed on (docs/API/FunctionClass.md).
    pub forward: Option<u32>,
}

impl NativeObject for FormulaFn {
    fn class_name(&self) -> &str {
        "Function"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn store_object(name: &'static str) -> ObjRef {
    ObjRef::with(
        Props::default(),
        None,
        Some(Arc::new(StoreNative(name))),
        Sharing::None,
    )
}

pub fn new_formula(f: FormulaFn) -> Value {
    Value::Object(ObjRef::with(
        Props::default(),
        None,
        Some(Arc::new(f)),
        Sharing::None,
    ))
}

/// A class function as a `4D.Function` value (`$o.f` without parentheses).
pub fn function_object(m: &Arc<Method>) -> Value {
    new_formula(FormulaFn {
        method: m.clone(),
        captured: Vec::new(),
        source: m.name.clone(),
        forward: None,
    })
}

pub fn formula_of(o: &ObjRef) -> Option<&FormulaFn> {
    o.0.native.as_ref()?.as_any().downcast_ref::<FormulaFn>()
}

pub fn class_of(o: &ObjRef) -> Option<&ClassRt> {
    o.0.class.as_ref()?.downcast_ref::<ClassRt>()
}

pub fn is_class_object(o: &ObjRef) -> bool {
    class_object_rt(o).is_some()
}

/// The class a class object stands for.
pub fn class_object_rt(o: &ObjRef) -> Option<Arc<ClassRt>> {
    o.0.native
        .as_ref()?
        .as_any()
        .downcast_ref::<ClassNative>()?
        .0
        .upgrade()
}

/// Built-in classes reachable as `4D.Name` (enough for `OB Class` / `OB Instance of`).
pub fn builtin_class(name: &str) -> Option<Arc<ClassRt>> {
    static B: OnceLock<HashMap<&'static str, Arc<ClassRt>>> = OnceLock::new();
    let map = B.get_or_init(|| {
        let object = make_class("Object", None, |_| {});
        let mut m = HashMap::new();
        for n in ["Function", "Class", "Blob"] {
            m.insert(n, make_class(n, Some(object.clone()), |_| {}));
        }
        // docs/API/ClassClass.md: 4D.File.superclass is Document, whose is Object.
        let document = make_class("Document", Some(object.clone()), |_| {});
        m.insert("File", make_class("File", Some(document.clone()), |_| {}));
        m.insert("Document", document);
        m.insert("Folder", make_class("Folder", Some(object.clone()), |_| {}));
        m.insert("Object", object);
        m
    });
    map.get(name).cloned()
}

fn make_class(
    name: &str,
    parent: Option<Arc<ClassRt>>,
    fill: impl FnOnce(&mut ClassRt),
) -> Arc<ClassRt> {
    Arc::new_cyclic(|weak: &Weak<ClassRt>| {
        let mut props = Props::default();
        props.insert("name".into(), Value::text(name));
        props.insert(
            "superclass".into(),
            match &parent {
                Some(p) => Value::Object(p.object.clone()),
                None => Value::Null,
            },
        );
        let object = ObjRef::with(
            props,
            None,
            Some(Arc::new(ClassNative(weak.clone()))),
            Sharing::None,
        );
        let mut c = ClassRt {
            name: Arc::from(name),
            parent,
            constructor: None,
            functions: HashMap::new(),
            getters: HashMap::new(),
            setters: HashMap::new(),
            props: Vec::new(),
            shared: false,
            singleton: false,
            session_singleton: false,
            instances: Default::default(),
            object,
        };
        fill(&mut c);
        {
            let mut p = c.object.write();
            p.insert("isShared".into(), Value::Bool(c.shared));
            p.insert("isSingleton".into(), Value::Bool(c.singleton));
            p.insert(
                "isSessionSingleton".into(),
                Value::Bool(c.session_singleton),
            );
        }
        c
    })
}

/// Compiles a class file.
pub fn build_class(
    prog: &Arc<Program>,
    name: &str,
    path: &str,
    src: Arc<str>,
    file: &ast::SourceFile,
) -> R<Arc<ClassRt>> {
    let def = file.class.clone().unwrap_or_default();
    let parent = match &def.extends {
        None => None,
        Some(p) => {
            let pname = p.node.trim();
            let pname = pname.strip_prefix("cs.").unwrap_or(pname);
            if let Some(b) = pname.strip_prefix("4D.") {
                builtin_class(b).filter(|c| &*c.name != "Object")
            } else if prog.has_class(pname) {
                match prog.class(pname) {
                    Some(r) => Some(r?),
                    None => None,
                }
            } else {
                return Err(err(
                    errors::NO_SUCH_MEMBER,
                    format!("The class '{pname}' (parent of '{name}') does not exist"),
                ));
            }
        }
    };
    let owner: Arc<str> = Arc::from(name);
    let compile_fn = |f: &ast::FunctionDef, label: &str| -> Arc<Method> {
        let mut cx = Ctx::new(prog);
        cx.set_src(src.clone());
        cx.set_path(path);
        cx.set_owner(owner.clone());
        cx.declare(&f.declare);
        let body = cx.block(&f.body);
        Arc::new(cx.finish(label, path, src.clone(), body))
    };
    let mut constructor = None;
    let mut functions = HashMap::new();
    let mut getters = HashMap::new();
    let mut setters = HashMap::new();
    if let Some(c) = &def.constructor {
        constructor = Some(compile_fn(c, &format!("{name}.constructor")));
    }
    for f in &def.functions {
        let m = compile_fn(f, &format!("{name}.{}", f.name));
        match f.kind {
            FunctionKind::Plain => functions.insert(f.name.clone(), m),
            FunctionKind::Get => getters.insert(f.name.clone(), m),
            FunctionKind::Set => setters.insert(f.name.clone(), m),
            // ORDA datastore hooks: not members of the class's instances.
            FunctionKind::Query | FunctionKind::OrderBy | FunctionKind::Event => None,
        };
    }
    let mut props = Vec::new();
    for p in &def.properties {
        let init = p.init.as_ref().map(|e| {
            let mut cx = Ctx::new(prog);
            cx.set_src(src.clone());
            cx.set_path(path);
            cx.set_owner(owner.clone());
            let ex = cx.expr(e);
            let body = vec![St {
                pos: e.span.start,
                kind: cx.return_value(ex),
            }];
            Arc::new(cx.finish(&format!("{name}.property"), path, src.clone(), body))
        });
        for n in &p.names {
            props.push((
                n.clone(),
                p.ty.as_ref().map(super::compile::vtype),
                init.clone(),
            ));
        }
    }
    let shared = def.modifiers.shared;
    let singleton = def.modifiers.singleton || def.modifiers.session_singleton;
    let session_singleton = def.modifiers.session_singleton;
    Ok(make_class(name, parent, move |c| {
        c.singleton = singleton;
        c.session_singleton = session_singleton;
        c.constructor = constructor;
        c.functions = functions;
        c.getters = getters;
        c.setters = setters;
        c.props = props;
        c.shared = shared;
    }))
}

/// `cs.Name.new(args)`.
pub fn instantiate(cx: &mut Interp, cls: &Arc<ClassRt>, args: Vec<Value>) -> R<Value> {
    let sharing = if cls.chain().any(|c| c.shared) {
        Sharing::Group(parking_lot::Mutex::new(SharedGroup::new()))
    } else {
        Sharing::None
    };
    let handle: ClassHandle = cls.clone();
    let obj = ObjRef::with(Props::default(), Some(handle), None, sharing);
    let this = Value::Object(obj.clone());
    let mut chain: Vec<&ClassRt> = cls.chain().collect();
    chain.reverse();
    for c in chain {
        for (pname, ty, init) in &c.props {
            if let Some(m) = init {
                let mut v = cx.invoke(m, Vec::new(), this.clone())?;
                if let Some(t) = ty {
                    v = super::ops::coerce(t, v)?;
                }
                obj.write().insert(pname.clone(), v);
            }
        }
    }
    if let Some(ctor) = cls.find_constructor() {
        cx.invoke(&ctor, args, this.clone())?;
    }
    Ok(this)
}

/// Members of native objects (`cs.Name`, `$f.source`); `None` = not native here.
pub fn native_member(cx: &mut Interp, o: &ObjRef, name: &str) -> Option<R<Value>> {
    let native = o.0.native.as_ref()?;
    let any = native.as_any();
    if let Some(store) = any.downcast_ref::<StoreNative>() {
        return Some(match store.0 {
            "cs" => match cx.program.clone().class(name) {
                Some(Ok(c)) => Ok(Value::Object(c.object.clone())),
                Some(Err(e)) => Err(e),
                None => Ok(Value::Undefined),
            },
            _ => Ok(builtin_class(name)
                .map(|c| Value::Object(c.object.clone()))
                .unwrap_or(Value::Undefined)),
        });
    }
    if let Some(f) = any.downcast_ref::<FormulaFn>() {
        return match name {
            "source" => Some(Ok(Value::text(f.source.as_str()))),
            _ => None,
        };
    }
    if any.downcast_ref::<super::files::FsEntry>().is_some() {
        return super::files::get(o, name).map(|r| r.map_err(Box::new));
    }
    if name == "me" && any.downcast_ref::<ClassNative>().is_some() {
        return class_object_rt(o).map(|c| singleton_instance(cx, &c));
    }
    // Runtime-owned natives (4D.Session…).
    crate::runtime::native_get(o, name).map(|r| r.map_err(Box::new))
}

/// `cs.Name.me`: the singleton instance, created on first access (one per
/// process for a `singleton` class, one for all for a shared or session one).
fn singleton_instance(cx: &mut Interp, cls: &Arc<ClassRt>) -> R<Value> {
    if !cls.singleton {
        return Ok(Value::Null);
    }
    let key = if cls.shared || cls.session_singleton {
        0
    } else {
        cx.process_number
    };
    if let Some(v) = cls.instances.lock().get(&key) {
        return Ok(v.clone());
    }
    let v = instantiate(cx, cls, Vec::new())?;
    Ok(cls.instances.lock().entry(key).or_insert(v).clone())
}

/// Functions of native objects: `.new()`, `.call()`, `.apply()`.
pub fn native_call(cx: &mut Interp, o: &ObjRef, name: &str, args: &[Value]) -> Option<R<Value>> {
    let native = o.0.native.as_ref()?;
    let any = native.as_any();
    if any.downcast_ref::<ClassNative>().is_some() {
        let cls = class_object_rt(o)?;
        return match name {
            // `4D.Blob.new({blob})`: fourd keeps 4D.Blob values as blobs.
            "new" if &*cls.name == "Blob" && cls.constructor.is_none() => {
                Some(Ok(match args.first() {
                    Some(b @ Value::Blob(_)) => b.clone(),
                    _ => Value::Blob(Arc::new(Vec::new())),
                }))
            }
            "new" => Some(instantiate(cx, &cls, args.to_vec())),
            _ => None,
        };
    }
    if any.downcast_ref::<FormulaFn>().is_some() {
        let f = Value::Object(o.clone());
        let this = args.first().cloned().unwrap_or(Value::Undefined);
        return match name {
            "call" => Some(cx.call_value(&f, this, args.get(1..).unwrap_or(&[]).to_vec())),
            "apply" => {
                let list = match args.get(1) {
                    Some(Value::Collection(c)) => c.read().clone(),
                    None | Some(Value::Undefined) | Some(Value::Null) => Vec::new(),
                    Some(_) => {
                        return Some(Err(type_err("apply() takes its arguments as a collection")))
                    }
                };
                Some(cx.call_value(&f, this, list))
            }
            _ => None,
        };
    }
    if any.downcast_ref::<super::files::FsEntry>().is_some() {
        return super::files::call(cx, o, name, args);
    }
    // Runtime-owned natives (4D.Session…).
    crate::runtime::native_call(o, name, args).map(|r| r.map_err(Box::new))
}

/// `OB Class(o)`: the class object of an instance (4D.Object for plain objects).
pub fn ob_class(o: &ObjRef) -> Value {
    if let Some(c) = class_of(o) {
        return Value::Object(c.object.clone());
    }
    let name = if formula_of(o).is_some() {
        "Function"
    } else if is_class_object(o) {
        "Class"
    } else if let Some(e) = super::files::entry_of(o) {
        if e.folder {
            "Folder"
        } else {
            "File"
        }
    } else {
        "Object"
    };
    builtin_class(name)
        .map(|c| Value::Object(c.object.clone()))
        .unwrap_or(Value::Null)
}

/// `OB Instance of(o; class)`.
pub fn instance_of(o: &ObjRef, class_obj: &ObjRef) -> bool {
    let Some(target) = class_object_rt(class_obj) else {
        return false;
    };
    if let Some(c) = class_of(o) {
        return c.derives_from(&target) || &*target.name == "Object";
    }
    match ob_class(o) {
        Value::Object(co) => class_object_rt(&co)
            .map(|c| c.derives_from(&target))
            .unwrap_or(false),
        _ => false,
    }
}
