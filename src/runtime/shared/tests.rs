use super::*;
use crate::value::Props;

fn obj(v: &Value) -> &ObjRef {
    match v {
        Value::Object(o) => o,
        _ => panic!("not an object"),
    }
}

fn shared_obj() -> Value {
    Value::Object(new_shared_object(Props::default()).unwrap())
}

/// Assigns `o.key := v` as the interpreter does.
fn store(o: &Value, key: &str, mut v: Value) -> RtResult<()> {
    let o = obj(o);
    prepare_store(&o.0.sharing, &mut v)?;
    o.write().insert(key.to_string(), v);
    Ok(())
}

#[test]
fn shared_write_outside_use_is_refused() {
    let s = shared_obj();
    let e = store(&s, "a", Value::Int(1)).unwrap_err();
    assert_eq!(e.code, WRITE_OUTSIDE_USE);
    let g = use_begin(&s).unwrap();
    store(&s, "a", Value::Int(1)).unwrap();
    drop(g);
    assert!(store(&s, "a", Value::Int(2)).is_err());
    // Numbers are stored as Real in shared objects.
    assert!(matches!(obj(&s).get("a"), Value::Real(r) if r == 1.0));
}

#[test]
fn shared_use_is_reentrant_and_counted() {
    let s = shared_obj();
    let g1 = use_begin(&s).unwrap();
    let g2 = use_begin(&s).unwrap();
    drop(g2);
    store(&s, "a", Value::Int(1)).unwrap();
    use_end(g1);
    assert!(store(&s, "a", Value::Int(1)).is_err());
}

#[test]
fn shared_regular_object_in_shared_is_10721() {
    let s = shared_obj();
    let _g = use_begin(&s).unwrap();
    let e = store(&s, "o", Value::Object(ObjRef::new())).unwrap_err();
    assert_eq!(e.code, -10721);
    let e = store(&s, "c", Value::Collection(CollRef::new(vec![]))).unwrap_err();
    assert_eq!(e.code, -10721);
}

#[test]
fn shared_time_is_stored_as_milliseconds() {
    let mut p = Props::default();
    p.insert("t".into(), Value::Time(1));
    let o = new_shared_object(p).unwrap();
    assert!(matches!(o.get("t"), Value::Real(r) if r == 1000.0));
}

#[test]
fn shared_nesting_joins_the_group() {
    let a = shared_obj();
    let b = shared_obj();
    assert_ne!(group_id(&a), group_id(&b));
    {
        let _g = use_begin(&a).unwrap();
        store(&a, "b", b.clone()).unwrap();
    }
    assert_eq!(group_id(&a), group_id(&b));
    // Use on the member locks the whole group: writing a is allowed.
    let _g = use_begin(&b).unwrap();
    store(&a, "x", Value::Int(1)).unwrap();
}

#[test]
fn shared_group_rules_of_shared_md_example_2() {
    let ob1 = shared_obj();
    let ob2 = shared_obj();
    {
        let _g = use_begin(&ob1).unwrap();
        store(&ob1, "a", ob2.clone()).unwrap();
    }
    let ob3 = shared_obj();
    let ob4 = shared_obj();
    {
        let _g = use_begin(&ob3).unwrap();
        store(&ob3, "a", ob4.clone()).unwrap();
    }
    {
        let _g = use_begin(&ob1).unwrap();
        assert_eq!(store(&ob1, "b", ob4.clone()).unwrap_err().code, OTHER_GROUP);
    }
    {
        let _g = use_begin(&ob3).unwrap();
        store(&ob3, "a", Value::Null).unwrap();
    }
    let _g = use_begin(&ob1).unwrap();
    assert_eq!(store(&ob1, "b", ob4.clone()).unwrap_err().code, OTHER_GROUP);
}

#[test]
fn shared_container_in_a_group_cannot_move() {
    let a = shared_obj();
    let b = shared_obj();
    {
        let _g = use_begin(&a).unwrap();
        store(&a, "b", b.clone()).unwrap();
    }
    let c = shared_obj();
    let _g = use_begin(&c).unwrap();
    assert_eq!(store(&c, "a", a.clone()).unwrap_err().code, OTHER_GROUP);
}

#[test]
fn shared_storage_never_groups_and_holds_only_shared() {
    let st = Value::Object(new_storage_root());
    let s = shared_obj();
    assert_eq!(
        store(&st, "s", s.clone()).unwrap_err().code,
        WRITE_OUTSIDE_USE
    );
    let _g = use_begin(&st).unwrap();
    store(&st, "s", s.clone()).unwrap();
    assert_ne!(group_id(&st), group_id(&s));
    assert_eq!(store(&st, "n", Value::Int(0)).unwrap_err().code, -10721);
    assert_eq!(store(&st, "n", Value::Null).unwrap_err().code, -10721);
    // Holding Storage's lock does not allow writing its children.
    assert_eq!(
        store(&s, "x", Value::Int(1)).unwrap_err().code,
        WRITE_OUTSIDE_USE
    );
}

#[test]
fn shared_prefill_joins_and_refuses_plain() {
    let inner = shared_obj();
    let mut p = Props::default();
    p.insert("in".into(), inner.clone());
    let outer = Value::Object(new_shared_object(p).unwrap());
    assert_eq!(group_id(&outer), group_id(&inner));
    let e = new_shared_collection(vec![Value::Object(ObjRef::new())]).unwrap_err();
    assert_eq!(e.code, -10721);
}

#[test]
fn shared_use_on_scalar_errors_and_on_plain_locks_nothing() {
    assert_eq!(use_begin(&Value::Null).unwrap_err().code, NOT_SHAREABLE_USE);
    let g = use_begin(&Value::Object(ObjRef::new())).unwrap();
    assert!(!g.is_locking());
}

#[test]
fn shared_copy_plain_is_deep_and_regular() {
    let inner = shared_obj();
    let mut p = Props::default();
    p.insert("in".into(), inner.clone());
    let outer = Value::Object(new_shared_object(p).unwrap());
    let c = copy(&outer, false).unwrap();
    assert!(!is_shared(&c));
    let cin = obj(&c).get("in");
    assert!(!is_shared(&cin));
    assert!(!obj(&cin).ptr_eq(obj(&inner)));
}

#[test]
fn shared_copy_shared_makes_one_new_group() {
    let mut p = Props::default();
    p.insert("in".into(), Value::Object(ObjRef::new()));
    p.insert("n".into(), Value::Int(3));
    let plain = Value::Object(ObjRef::from_props(p));
    let c = copy(&plain, true).unwrap();
    assert!(is_shared(&c));
    let cin = obj(&c).get("in");
    assert!(is_shared(&cin));
    assert_eq!(group_id(&c), group_id(&cin));
    assert!(matches!(obj(&c).get("n"), Value::Real(_)));
    // A second shared copy is another group.
    let c2 = copy(&plain, true).unwrap();
    assert_ne!(group_id(&c), group_id(&c2));
    // groupWith: the copy lands in that group.
    let target = shared_obj();
    let c3 = copy_into_group(&plain, &target).unwrap();
    assert_eq!(group_id(&c3), group_id(&target));
}

#[test]
fn shared_copy_of_circular_structure_errors() {
    let a = ObjRef::new();
    a.write().insert("self".into(), Value::Object(a.clone()));
    let e = copy(&Value::Object(a.clone()), false).unwrap_err();
    assert_eq!(e.code, copy::CIRCULAR);
    a.write().clear(); // break the cycle so the test does not leak
}

#[test]
fn shared_auto_use_allows_collection_changes() {
    let c = new_shared_collection(vec![]).unwrap();
    {
        let _a = auto_use(&c.0.sharing).unwrap();
        check_write(&c.0.sharing).unwrap();
    }
    assert!(check_write(&c.0.sharing).is_err());
}

#[test]
fn shared_storage_is_one_object() {
    assert!(storage().ptr_eq(&storage()));
    assert!(is_shared(&Value::Object(storage())));
}

#[test]
fn shared_ob_copy_command_options() {
    let mut p = Props::default();
    p.insert("a".into(), Value::Int(1));
    let v = Value::Object(new_shared_object(p).unwrap());
    let c = ob_copy(std::slice::from_ref(&v)).unwrap();
    assert!(!is_shared(&c));
    let c = ob_copy(&[v.clone(), Value::Int(CK_SHARED)]).unwrap();
    assert!(is_shared(&c));
    assert_ne!(group_id(&c), group_id(&v));
    // ck resolve pointers + ck shared is shared too.
    assert!(is_shared(&ob_copy(&[v.clone(), Value::Int(3)]).unwrap()));
    // OB Copy(o; True) (resolve pointers) is a regular copy.
    assert!(!is_shared(
        &ob_copy(&[v.clone(), Value::Bool(true)]).unwrap()
    ));
    let g = ob_copy(&[v.clone(), Value::Int(CK_SHARED), c.clone()]).unwrap();
    assert_eq!(group_id(&g), group_id(&c));
    assert!(matches!(ob_copy(&[Value::Null]).unwrap(), Value::Null));
    assert!(ob_copy(&[Value::Int(1)]).is_err());
}
