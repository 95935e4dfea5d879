// Objects/typeobject.c (3.11): PySuper_Type. super_getattro, super_descr_get, supercheck,
// super_init_without_args, super_init_impl, super_repr, super_traverse, super_dealloc.
//
// super() with no arguments reads the calling frame: its first argument (through its cell
// when the argument is captured) and the `__class__` free variable the compiler creates for
// methods that mention super or __class__. Attribute lookup walks the MRO of the object's
// type, starting after the given class.

import { PyObject, type VisitProc } from "../runtime/object.js";
import { allocGCObject, freeGCObject } from "../runtime/heap.js";
import { gcTrack, gcUntrack } from "../runtime/gcstate.js";
import { decref, incref, newRef, xdecref } from "../runtime/refcount.js";
import { PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE } from "../runtime/type.js";
import { newStaticType, readyType, isTypeObject } from "../runtime/typeroots.js";
import { addMembers } from "../runtime/descrobject.js";
import { raise, TypeErrorType, RuntimeErrorType } from "../runtime/exceptions.js";
import { callObject, lookupAttr } from "../runtime/abstract.js";
import { genericGetAttr, typeDictBorrowed } from "../runtime/typeobject.js";
import { dictGetItem, dictLength, type PyDict } from "../runtime/dict.js";
import { newStr, type PyStr } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import { isCell, type PyCell } from "../runtime/cellobject.js";
import type { PyTuple } from "../runtime/tuple.js";
import { CO_FAST_CELL, CO_FAST_FREE } from "../python/code.js";
import type { Frame } from "../python/frame.js";
import { callerFrame, id } from "./bltin_util.js";

/** sizeof(superobject): head, type, obj, obj_type. */
export const SUPER_BASICSIZE = 40;

export class PySuper extends PyObject {
  /** The class given (or __class__): lookups start after it in the MRO. */
  thisclass: PyType | null;
  /** The instance or class bound, or null for an unbound super. */
  obj: PyObject | null;
  /** type(obj), or obj itself when obj is a class. */
  objType: PyType | null;
  constructor(type: PyType) {
    super(type);
    this.thisclass = null;
    this.obj = null;
    this.objType = null;
  }
}

export const SuperType = newStaticType("super", SUPER_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE);
SuperType.doc =
  "super() -> same as super(__class__, <first argument>)\nsuper(type) -> unbound super object\nsuper(type, obj) -> bound super object; requires isinstance(obj, type)\nsuper(type, type2) -> bound super object; requires issubclass(type2, type)\nTypical use to call a cooperative superclass method:\nclass C(B):\n    def meth(self, arg):\n        super().meth(arg)\nThis works for class methods too:\nclass C(B):\n    @classmethod\n    def cmeth(cls, arg):\n        super().cmeth(arg)\n";

function allocSuper(type: PyType): PySuper {
  const su = new PySuper(type);
  allocGCObject(su, type.basicsize);
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) incref(type);
  gcTrack(su);
  return su;
}

/** supercheck: the type to search (borrowed), or TypeError. */
function supercheck(type: PyType, obj: PyObject): PyType {
  if (isTypeObject(obj) && obj.isSubtypeOf(type)) return obj;
  if (obj.type.isSubtypeOf(type)) return obj.type;
  // A proxy whose __class__ claims the right type.
  const classAttr = lookupAttr(obj, id("__class__"));
  if (classAttr !== null) {
    const ok = isTypeObject(classAttr) && classAttr !== obj.type && classAttr.isSubtypeOf(type);
    decref(classAttr);
    if (ok) return classAttr as PyType;
  }
  raise(TypeErrorType, "super(type, obj): obj must be an instance or subtype of type");
}

/** super_init_without_args: [__class__, first argument] of the calling frame. */
function superArgsFromFrame(frame: Frame): [PyType, PyObject] {
  const code = frame.code;
  if (code.argcount === 0) raise(RuntimeErrorType, "super(): no arguments");
  let firstarg = frame.localsplus[0] ?? null;
  if (firstarg !== null && (code.localspluskinds[0]! & CO_FAST_CELL) !== 0 && frame.lasti >= 0) {
    // The argument lives in a cell once MAKE_CELL ran at the start of the code.
    if (isCell(firstarg)) firstarg = (firstarg as PyCell).ref;
  }
  if (firstarg === null) raise(RuntimeErrorType, "super(): arg[0] deleted");
  for (let i = 0; i < code.nlocalsplus; i++) {
    if ((code.localspluskinds[i]! & CO_FAST_FREE) === 0) continue;
    if (code.localsplusnames[i]!.value !== "__class__") continue;
    const cell = frame.localsplus[i] ?? null;
    if (cell === null || !isCell(cell)) raise(RuntimeErrorType, "super(): bad __class__ cell");
    const type = (cell as PyCell).ref;
    if (type === null) raise(RuntimeErrorType, "super(): empty __class__ cell");
    if (!isTypeObject(type)) raise(RuntimeErrorType, `super(): __class__ is not a type (${type.type.name})`);
    return [type, firstarg];
  }
  raise(RuntimeErrorType, "super(): __class__ cell not found");
}

/** super_init_impl */
function superInitImpl(su: PySuper, typeArg: PyType | null, objArg: PyObject | null): void {
  let type = typeArg;
  let obj = objArg;
  if (type === null) {
    const frame = callerFrame();
    if (frame === null) raise(RuntimeErrorType, "super(): no current frame");
    [type, obj] = superArgsFromFrame(frame);
  }
  if (obj === None) obj = null;
  let objType: PyType | null = null;
  if (obj !== null) objType = supercheck(type, obj);
  incref(type);
  if (obj !== null) incref(obj);
  if (objType !== null) incref(objType);
  const oldType = su.thisclass, oldObj = su.obj, oldObjType = su.objType;
  su.thisclass = type;
  su.obj = obj;
  su.objType = objType;
  xdecref(oldType);
  xdecref(oldObj);
  xdecref(oldObjType);
}

function superInit(self: PyObject, args: PyTuple, kwargs: PyDict | null): void {
  if (kwargs !== null && dictLength(kwargs) !== 0) raise(TypeErrorType, "super() takes no keyword arguments");
  const n = args.items.length;
  if (n > 2) raise(TypeErrorType, `super() expected at most 2 arguments, got ${n}`);
  let type: PyType | null = null;
  if (n >= 1) {
    const arg0 = args.items[0]!;
    if (!isTypeObject(arg0)) raise(TypeErrorType, `super() argument 1 must be a type, not ${arg0.type.name}`);
    type = arg0;
  }
  superInitImpl(self as PySuper, type, n === 2 ? args.items[1]! : null);
}

/** super_getattro: the MRO of obj's type after `thisclass`, binding through descriptors. */
function superGetattro(self: PyObject, name: PyStr): PyObject {
  const su = self as PySuper;
  const starttype = su.objType;
  // __class__ is the super object's own class, not obj's.
  if (starttype !== null && name.value !== "__class__") {
    const mro = starttype.mroList;
    const n = mro.length;
    let i = 0;
    while (i + 1 < n && mro[i] !== su.thisclass) i++;
    i++;
    for (; i < n; i++) {
      const res = dictGetItem(typeDictBorrowed(mro[i]!), name);
      if (res === null) continue;
      const f = res.type.descrGet;
      if (f === null) return newRef(res);
      incref(res);
      try {
        // Class-mode super (obj is the class itself) binds no instance.
        return f(res, su.obj === starttype ? null : su.obj, starttype);
      } finally {
        decref(res);
      }
    }
  }
  return genericGetAttr(self, name);
}

/** super_descr_get: binding an unbound super to an instance. */
function superDescrGet(self: PyObject, obj: PyObject | null, _type: PyObject | null): PyObject {
  const su = self as PySuper;
  if (obj === null || obj === None || su.obj !== null) return newRef(self);
  if (su.type !== SuperType) return callObject(su.type, [su.thisclass!, obj], 0, 2, null);
  const objType = supercheck(su.thisclass!, obj);
  const bound = allocSuper(SuperType);
  bound.thisclass = newRef(su.thisclass!);
  bound.obj = newRef(obj);
  bound.objType = newRef(objType);
  return bound;
}

function superRepr(self: PyObject): PyObject {
  const su = self as PySuper;
  const typeName = su.thisclass !== null ? su.thisclass.name : "NULL";
  if (su.objType !== null) return newStr(`<super: <class '${typeName}'>, <${su.objType.name} object>>`);
  return newStr(`<super: <class '${typeName}'>, NULL>`);
}

function superTraverse(self: PyObject, visit: VisitProc, arg: unknown): void {
  const su = self as PySuper;
  if (su.obj !== null) visit(su.obj, arg);
  if (su.thisclass !== null) visit(su.thisclass, arg);
  if (su.objType !== null) visit(su.objType, arg);
}

function superDealloc(self: PyObject): void {
  const su = self as PySuper;
  gcUntrack(su);
  const obj = su.obj, type = su.thisclass, objType = su.objType;
  su.obj = null;
  su.thisclass = null;
  su.objType = null;
  xdecref(obj);
  xdecref(type);
  xdecref(objType);
  freeGCObject(su);
}

SuperType.new_ = (type) => allocSuper(type);
SuperType.init = superInit;
SuperType.getattro = superGetattro;
SuperType.descrGet = superDescrGet;
SuperType.repr = superRepr;
SuperType.traverse = superTraverse;
SuperType.dealloc = superDealloc;
readyType(SuperType);
addMembers(SuperType, [
  { name: "__thisclass__", get: (o) => newRef((o as PySuper).thisclass ?? None), doc: "the class invoking super()" },
  { name: "__self__", get: (o) => newRef((o as PySuper).obj ?? None), doc: "the instance invoking super(); may be None" },
  { name: "__self_class__", get: (o) => newRef((o as PySuper).objType ?? None), doc: "the type of the instance invoking super(); may be None" },
]);
