// Objects/funcobject.c: PyStaticMethod_Type, PyClassMethod_Type (sm_/cm_ descr_get, init,
// repr, functools_wraps); Objects/descrobject.c: PyProperty_Type (property_descr_get / set,
// property_init, property_copy for getter/setter/deleter, __set_name__).
//
// The three decorator descriptors. staticmethod and classmethod copy __module__, __name__,
// __qualname__, __doc__ and __annotations__ of the wrapped callable into their own __dict__
// (3.10+), which is why `staticmethod(f)` allocates a dict.

import { PyObject, type VisitProc } from "./object.js";
import { allocGCObject, freeGCObject } from "./heap.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, incref, newRef, xdecref } from "./refcount.js";
import { TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE, type PyType } from "./type.js";
import { newStaticType, readyType } from "./typeroots.js";
import type { PyTuple } from "./tuple.js";
import { tupleFromBorrowed } from "./tuple.js";
import { dictEntry, dictLength, dictNext, type PyDict } from "./dict.js";
import { addGetSets, addMembers, addMethods } from "./descrobject.js";
import { AttributeErrorType, raise, RuntimeErrorType, TypeErrorType } from "./exceptions.js";
import { newStr, staticStr } from "./str.js";
import { newBool } from "./bool.js";
import { None } from "./singletons.js";
import { callObject, isTrue, lookupAttr, objectRepr, setAttr, callOneArg, callTwoArgs } from "./abstract.js";
import { newMethod } from "./classobject.js";
import { checkPositional, parseArgs } from "./getargs.js";
import { objectDictGetSet } from "./typeobject.js";
import { trashBegin, trashEnd } from "./trashcan.js";

/** sizeof(staticmethod) == sizeof(classmethod): head, callable, dict. */
export const SM_BASICSIZE = 32;
/** sizeof(propertyobject): head, get, set, del, doc, name, getter_doc (padded). */
export const PROPERTY_BASICSIZE = 64;

/** staticmethod and classmethod objects: the wrapped callable and a classic __dict__. */
export class PyCallableWrapper extends PyObject {
  callable: PyObject | null;
  dict: PyDict | null;
  constructor(type: PyType) {
    super(type);
    this.callable = null;
    this.dict = null;
  }
}

export class PyProperty extends PyObject {
  fget: PyObject | null;
  fset: PyObject | null;
  fdel: PyObject | null;
  doc: PyObject | null;
  name: PyObject | null;
  getterDoc: boolean;
  constructor(type: PyType) {
    super(type);
    this.fget = null;
    this.fset = null;
    this.fdel = null;
    this.doc = null;
    this.name = null;
    this.getterDoc = false;
  }
}

const FLAGS = TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE;

export const StaticMethodType = newStaticType("staticmethod", SM_BASICSIZE, 0, FLAGS);
export const ClassMethodType = newStaticType("classmethod", SM_BASICSIZE, 0, FLAGS);
export const PropertyType = newStaticType("property", PROPERTY_BASICSIZE, 0, FLAGS);

for (const t of [StaticMethodType, ClassMethodType]) {
  t.dictoffset = 24;
  t.dealloc = wrapperDealloc;
  t.traverse = wrapperTraverse;
  t.clear = wrapperClear;
  t.new_ = wrapperNew;
}
StaticMethodType.descrGet = smGet;
StaticMethodType.init = smInit;
StaticMethodType.repr = smRepr;
StaticMethodType.call = smCall;
ClassMethodType.descrGet = cmGet;
ClassMethodType.init = cmInit;
ClassMethodType.repr = cmRepr;
PropertyType.dealloc = propertyDealloc;
PropertyType.traverse = propertyTraverse;
PropertyType.clear = propertyClear;
PropertyType.new_ = propertyNew;
PropertyType.init = propertyInit;
PropertyType.descrGet = propertyGet;
PropertyType.descrSet = propertySet;
readyType(StaticMethodType);
readyType(ClassMethodType);
readyType(PropertyType);

for (const t of [StaticMethodType, ClassMethodType]) {
  addMembers(t, [
    { name: "__func__", get: (o) => newRef((o as PyCallableWrapper).callable ?? None) },
    { name: "__wrapped__", get: (o) => newRef((o as PyCallableWrapper).callable ?? None) },
  ]);
  addGetSets(t, [
    { name: "__isabstractmethod__", get: (o) => newBool(isAbstract((o as PyCallableWrapper).callable)) },
    { name: "__dict__", get: (o) => objectDictGetSet.get(o), set: (o, v) => objectDictGetSet.set(o, v) },
  ]);
}
addMethods(PropertyType, [
  { name: "getter", kind: "o", fn: (self, f) => propertyCopy(self as PyProperty, f, null, null) },
  { name: "setter", kind: "o", fn: (self, f) => propertyCopy(self as PyProperty, null, f, null) },
  { name: "deleter", kind: "o", fn: (self, f) => propertyCopy(self as PyProperty, null, null, f) },
  { name: "__set_name__", kind: "fastcall", fn: propertySetName },
]);
addMembers(PropertyType, [
  { name: "fget", get: (o) => newRef((o as PyProperty).fget ?? None) },
  { name: "fset", get: (o) => newRef((o as PyProperty).fset ?? None) },
  { name: "fdel", get: (o) => newRef((o as PyProperty).fdel ?? None) },
  {
    name: "__doc__",
    get: (o) => newRef((o as PyProperty).doc ?? None),
    set: (o, v) => {
      const p = o as PyProperty;
      const old = p.doc;
      p.doc = v === null ? null : newRef(v);
      xdecref(old);
    },
  },
]);
addGetSets(PropertyType, [
  {
    name: "__isabstractmethod__",
    get: (o) => {
      const p = o as PyProperty;
      return newBool(isAbstract(p.fget) || isAbstract(p.fset) || isAbstract(p.fdel));
    },
  },
]);

/** _PyObject_IsAbstract */
function isAbstract(o: PyObject | null): boolean {
  if (o === null) return false;
  const v = lookupAttr(o, staticStr("__isabstractmethod__"));
  if (v === null) return false;
  try {
    return isTrue(v);
  } finally {
    decref(v);
  }
}

// ---------------------------------------------------------------------------
// staticmethod / classmethod.

/** PyStaticMethod_New: wraps `callable` (borrowed); a new reference. */
export function newStaticMethod(callable: PyObject): PyCallableWrapper {
  const sm = allocWrapper(StaticMethodType);
  sm.callable = newRef(callable);
  functoolsWraps(sm, callable);
  return sm;
}

/** PyClassMethod_New */
export function newClassMethod(callable: PyObject): PyCallableWrapper {
  const cm = allocWrapper(ClassMethodType);
  cm.callable = newRef(callable);
  functoolsWraps(cm, callable);
  return cm;
}

function allocWrapper(type: PyType): PyCallableWrapper {
  const o = new PyCallableWrapper(type);
  allocGCObject(o, type.basicsize);
  gcTrack(o);
  return o;
}

function wrapperNew(type: PyType): PyObject {
  // PyType_GenericAlloc: an instance of a heap subclass owns a reference to its type.
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) incref(type);
  return allocWrapper(type);
}

const WRAPS_NAMES = ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"];

/** functools_wraps: copy the wrapped callable's identity attributes into our __dict__. */
function functoolsWraps(wrapper: PyObject, wrapped: PyObject): void {
  for (const n of WRAPS_NAMES) {
    const name = staticStr(n);
    const value = lookupAttr(wrapped, name);
    if (value === null) continue;
    try {
      setAttr(wrapper, name, value);
    } finally {
      decref(value);
    }
  }
}

function wrapperDealloc(o: PyObject): void {
  const w = o as PyCallableWrapper;
  gcUntrack(w);
  if (!trashBegin(w)) return;
  wrapperClear(w);
  freeGCObject(w);
  trashEnd();
}

function wrapperClear(o: PyObject): void {
  const w = o as PyCallableWrapper;
  const c = w.callable, d = w.dict;
  w.callable = null;
  w.dict = null;
  xdecref(c);
  xdecref(d);
}

function wrapperTraverse(o: PyObject, visit: VisitProc, arg: unknown): void {
  const w = o as PyCallableWrapper;
  if (w.callable !== null) visit(w.callable, arg);
  if (w.dict !== null) visit(w.dict, arg);
}

function wrapperInitCommon(self: PyObject, args: PyTuple, kwargs: PyDict | null, name: string): void {
  if (kwargs !== null && dictLength(kwargs) !== 0) raise(TypeErrorType, `${name}() takes no keyword arguments`);
  checkPositional(name, args.items.length, 1, 1);
  const w = self as PyCallableWrapper;
  const callable = args.items[0]!;
  const old = w.callable;
  w.callable = newRef(callable);
  xdecref(old);
  functoolsWraps(w, callable);
}

function smInit(self: PyObject, args: PyTuple, kwargs: PyDict | null): void {
  wrapperInitCommon(self, args, kwargs, "staticmethod");
}

function cmInit(self: PyObject, args: PyTuple, kwargs: PyDict | null): void {
  wrapperInitCommon(self, args, kwargs, "classmethod");
}

function uninitialized(kind: string): never {
  raise(RuntimeErrorType, `uninitialized ${kind} object`);
}

function smGet(descr: PyObject): PyObject {
  const sm = descr as PyCallableWrapper;
  if (sm.callable === null) uninitialized("staticmethod");
  return newRef(sm.callable);
}

function smCall(callable: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const sm = callable as PyCallableWrapper;
  if (sm.callable === null) uninitialized("staticmethod");
  return callObject(sm.callable, args, start, nargs, kwnames);
}

function smRepr(o: PyObject): PyObject {
  return wrapperRepr(o as PyCallableWrapper, "staticmethod");
}

function cmRepr(o: PyObject): PyObject {
  return wrapperRepr(o as PyCallableWrapper, "classmethod");
}

function wrapperRepr(w: PyCallableWrapper, kind: string): PyObject {
  const r = objectRepr(w.callable ?? None);
  const text = `<${kind}(${r.value})>`;
  decref(r);
  return newStr(text);
}

function cmGet(descr: PyObject, obj: PyObject | null, type: PyObject | null): PyObject {
  const cm = descr as PyCallableWrapper;
  if (cm.callable === null) uninitialized("classmethod");
  if (type === null) type = (obj as PyObject).type;
  const get = cm.callable.type.descrGet;
  // 3.9-3.12 chain descriptors: classmethod(property(...)) and friends.
  if (get !== null) return get(cm.callable, type, type);
  return newMethod(cm.callable, type);
}

// ---------------------------------------------------------------------------
// property.

function propertyNew(type: PyType): PyObject {
  const p = new PyProperty(type);
  allocGCObject(p, type.basicsize);
  // PyType_GenericAlloc: an instance of a heap subclass owns a reference to its type.
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) incref(type);
  gcTrack(p);
  return p;
}

const PROPERTY_ARGS = ["fget", "fset", "fdel", "doc"];

function propertyInit(self: PyObject, args: PyTuple, kwargs: PyDict | null): void {
  const p = self as PyProperty;
  const n = args.items.length;
  let values: (PyObject | null)[];
  if (kwargs === null || dictLength(kwargs) === 0) {
    if (n > 4) raise(TypeErrorType, `property() takes at most 4 arguments (${n} given)`);
    values = [args.items[0] ?? null, args.items[1] ?? null, args.items[2] ?? null, args.items[3] ?? null];
  } else {
    const flat: PyObject[] = args.items.slice();
    const names: PyObject[] = [];
    forEachKw(kwargs, (k, v) => {
      names.push(k);
      flat.push(v);
    });
    const kwnames = tupleFromBorrowed(names);
    try {
      values = parseArgs("property", flat, 0, n, kwnames, PROPERTY_ARGS, 0);
    } finally {
      decref(kwnames);
    }
  }
  let [fget, fset, fdel, doc] = values as [PyObject | null, PyObject | null, PyObject | null, PyObject | null];
  if (fget === None) fget = null;
  if (fset === None) fset = null;
  if (fdel === None) fdel = null;
  const oldGet = p.fget, oldSet = p.fset, oldDel = p.fdel, oldDoc = p.doc, oldName = p.name;
  p.fget = fget === null ? null : newRef(fget);
  p.fset = fset === null ? null : newRef(fset);
  p.fdel = fdel === null ? null : newRef(fdel);
  p.doc = doc === null ? null : newRef(doc);
  p.name = null;
  xdecref(oldGet);
  xdecref(oldSet);
  xdecref(oldDel);
  xdecref(oldDoc);
  xdecref(oldName);
  p.getterDoc = false;
  if ((doc === null || doc === None) && fget !== null) {
    const getDoc = lookupAttr(fget, staticStr("__doc__"));
    if (getDoc === null) return;
    if (p.type === PropertyType) {
      const old = p.doc;
      p.doc = getDoc;
      xdecref(old);
    } else {
      try {
        setAttr(p, staticStr("__doc__"), getDoc);
      } finally {
        decref(getDoc);
      }
    }
    p.getterDoc = true;
  }
}

function forEachKw(d: PyDict, fn: (k: PyObject, v: PyObject) => void): void {
  for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) fn(dictEntry.key!, dictEntry.value!);
}

/** The "property 'x' of 'K' object" part of the missing-accessor messages. */
function propertyErrorSubject(p: PyProperty, obj: PyObject): string {
  const qualname = obj.type.qualname;
  if (p.name !== null) {
    const r = objectRepr(p.name);
    const text = `property ${r.value} of '${qualname}' object`;
    decref(r);
    return text;
  }
  return `property of '${qualname}' object`;
}

function propertyGet(descr: PyObject, obj: PyObject | null): PyObject {
  const p = descr as PyProperty;
  if (obj === null || obj === None) return newRef(p);
  if (p.fget === null) raise(AttributeErrorType, `${propertyErrorSubject(p, obj)} has no getter`);
  return callOneArg(p.fget, obj);
}

function propertySet(descr: PyObject, obj: PyObject, value: PyObject | null): void {
  const p = descr as PyProperty;
  const func = value === null ? p.fdel : p.fset;
  if (func === null) {
    raise(AttributeErrorType, `${propertyErrorSubject(p, obj)} has no ${value === null ? "deleter" : "setter"}`);
  }
  const res = value === null ? callOneArg(func, obj) : callTwoArgs(func, obj, value);
  decref(res);
}

function propertyCopy(old: PyProperty, get: PyObject | null, set: PyObject | null, del: PyObject | null): PyObject {
  const type = old.type;
  if (get === null || get === None) get = old.fget ?? None;
  if (set === null || set === None) set = old.fset ?? None;
  if (del === null || del === None) del = old.fdel ?? None;
  const doc = old.getterDoc && get !== None ? None : (old.doc ?? None);
  const res = callObject(type, [get, set, del, doc], 0, 4, null);
  if (res instanceof PyProperty) {
    const oldName = res.name;
    res.name = old.name === null ? null : newRef(old.name);
    xdecref(oldName);
  }
  return res;
}

function propertySetName(self: PyObject, args: PyObject[], start: number, nargs: number): PyObject {
  if (nargs !== 2) raise(TypeErrorType, `__set_name__() takes 2 positional arguments but ${nargs} were given`);
  const p = self as PyProperty;
  const old = p.name;
  p.name = newRef(args[start + 1]!);
  xdecref(old);
  return newRef(None);
}

function propertyDealloc(o: PyObject): void {
  const p = o as PyProperty;
  gcUntrack(p);
  propertyClear(p);
  freeGCObject(p);
}

function propertyClear(o: PyObject): void {
  const p = o as PyProperty;
  const a = p.fget, b = p.fset, c = p.fdel, d = p.doc, e = p.name;
  p.fget = null;
  p.fset = null;
  p.fdel = null;
  p.doc = null;
  p.name = null;
  xdecref(a);
  xdecref(b);
  xdecref(c);
  xdecref(d);
  xdecref(e);
}

function propertyTraverse(o: PyObject, visit: VisitProc, arg: unknown): void {
  const p = o as PyProperty;
  if (p.fget !== null) visit(p.fget, arg);
  if (p.fset !== null) visit(p.fset, arg);
  if (p.fdel !== null) visit(p.fdel, arg);
  if (p.doc !== null) visit(p.doc, arg);
  if (p.name !== null) visit(p.name, arg);
}

export function isStaticMethod(o: PyObject): boolean {
  return o.type.isSubtypeOf(StaticMethodType);
}

export function isClassMethod(o: PyObject): boolean {
  return o.type.isSubtypeOf(ClassMethodType);
}

// The interpreter's function type (PyFunction_Type lives in the python layer).
let functionType: PyType | null = null;

/** Installed by the python layer so that type() can wrap __new__ and __init_subclass__. */
export function setFunctionType(t: PyType): void {
  functionType = t;
}

/**
 * PyFunction_Check. Until the interpreter registers its type, a static type named "function"
 * is taken to be it (the python layer's function.ts).
 */
export function isFunctionLike(o: PyObject): boolean {
  if (functionType !== null) return o.type === functionType;
  const t = o.type;
  if (t.name === "function" && (t.flags & TPFLAGS_HEAPTYPE) === 0) {
    functionType = t;
    return true;
  }
  return false;
}

export function newStaticMethodFor(f: PyObject): PyObject {
  return newStaticMethod(f);
}

export function newClassMethodFor(f: PyObject): PyObject {
  return newClassMethod(f);
}
