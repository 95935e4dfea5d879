// Objects/classobject.c: PyMethod_Type (bound methods), PyMethod_New, method_vectorcall,
// method_repr, method_hash, method_richcompare, method_getattro, method_dealloc.
//
// `obj.f` for a Python function f: the function and the object it is bound to. 3.11 keeps no
// free list for these (it was removed in 3.9), so each one is a fresh 48-byte GC object.

import { PyObject, type VisitProc } from "./object.js";
import { allocGCObject, freeGCObject } from "./heap.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, incref, newRef } from "./refcount.js";
import { CMP_EQ, CMP_NE, TPFLAGS_HAVE_GC, type PyType } from "./type.js";
import { newStaticType, readyType, TPFLAGS_HAVE_VECTORCALL } from "./typeroots.js";
import type { PyTuple } from "./tuple.js";
import { trashBegin, trashEnd } from "./trashcan.js";
import { addGetSets, addMembers } from "./descrobject.js";
import { newStr, PyStr, staticStr } from "./str.js";
import { newBool } from "./bool.js";
import { None, NotImplemented } from "./singletons.js";
import { callObject, getAttr, lookupAttr, objectHash, objectRepr, richCompareBool } from "./abstract.js";
import { hashPointer, hashResult } from "./values/pyhash.js";
import { typeLookupBorrowed } from "./typeobject.js";
import { clearWeakrefs } from "./weakref.js";
import { checkPositional } from "./getargs.js";
import type { PyDict } from "./dict.js";
import { dictLength } from "./dict.js";
import { raise, TypeErrorType } from "./exceptions.js";

/** sizeof(PyMethodObject): head, im_func, im_self, im_weakreflist, vectorcall. */
export const METHOD_BASICSIZE = 48;

export class PyMethod extends PyObject {
  func: PyObject;
  self: PyObject;
  constructor(func: PyObject, self: PyObject) {
    super(null);
    // The header, written here so that the stores are monomorphic (see PyObject).
    this.refcnt = 1;
    this.type = MethodType;
    this.address = 0;
    this.gcNext = null;
    this.gcPrev = null;
    this.gcRefs = 0;
    this.gcFlags = 0;
    this.weakrefList = null;
    this.func = func;
    this.self = self;
  }
}

export const MethodType = newStaticType("method", METHOD_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_HAVE_VECTORCALL);
MethodType.weaklistoffset = 32;
MethodType.dealloc = methodDealloc;
MethodType.traverse = methodTraverse;
MethodType.repr = methodRepr;
MethodType.hash = methodHash;
MethodType.richcompare = methodRichCompare;
MethodType.call = methodCall;
MethodType.getattro = methodGetAttr;
MethodType.descrGet = (descr) => newRef(descr);
MethodType.new_ = methodNew;
readyType(MethodType);
addMembers(MethodType, [
  { name: "__func__", get: (m) => newRef((m as PyMethod).func) },
  { name: "__self__", get: (m) => newRef((m as PyMethod).self) },
]);
addGetSets(MethodType, [{ name: "__doc__", get: (m) => getAttr((m as PyMethod).func, staticStr("__doc__")) }]);

/** PyMethod_New: binds `func` to `self` (both borrowed; new reference). */
export function newMethod(func: PyObject, self: PyObject): PyMethod {
  const m = new PyMethod(func, self);
  incref(func);
  incref(self);
  allocGCObject(m, METHOD_BASICSIZE);
  gcTrack(m);
  return m;
}

export function isMethod(o: PyObject): o is PyMethod {
  return o.type === MethodType;
}

function methodDealloc(o: PyObject): void {
  const m = o as PyMethod;
  gcUntrack(m);
  if (!trashBegin(m)) return;
  if (m.weakrefList !== null) clearWeakrefs(m);
  decref(m.func);
  decref(m.self);
  freeGCObject(m);
  trashEnd();
}

function methodTraverse(o: PyObject, visit: VisitProc, arg: unknown): void {
  const m = o as PyMethod;
  visit(m.func, arg);
  visit(m.self, arg);
}

function methodCall(callable: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const m = callable as PyMethod;
  const total = nargs + (kwnames === null ? 0 : kwnames.items.length);
  const shifted = new Array<PyObject>(total + 1);
  shifted[0] = m.self;
  for (let i = 0; i < total; i++) shifted[i + 1] = args[start + i]!;
  return callObject(m.func, shifted, 0, nargs + 1, kwnames);
}

function methodRepr(o: PyObject): PyObject {
  const m = o as PyMethod;
  let funcname = lookupAttr(m.func, staticStr("__qualname__"));
  if (funcname === null) funcname = lookupAttr(m.func, staticStr("__name__"));
  let name = "?";
  if (funcname !== null) {
    if (funcname instanceof PyStr) name = funcname.value;
    decref(funcname);
  }
  const selfRepr = objectRepr(m.self);
  const text = `<bound method ${name} of ${selfRepr.value}>`;
  decref(selfRepr);
  return newStr(text);
}

function methodHash(o: PyObject): void {
  const m = o as PyMethod;
  objectHash(m.func);
  const yHi = hashResult.hi, yLo = hashResult.lo;
  hashPointer(m.self.address);
  const hi = hashResult.hi ^ yHi;
  let lo = hashResult.lo ^ yLo;
  if (hi === -1 && lo === -1) lo = -2;
  hashResult.hi = hi;
  hashResult.lo = lo;
}

function methodRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  if ((op !== CMP_EQ && op !== CMP_NE) || !(a instanceof PyMethod) || !(b instanceof PyMethod)) {
    return newRef(NotImplemented);
  }
  const eq = a.self === b.self && richCompareBool(a.func, b.func, CMP_EQ);
  return newBool(op === CMP_EQ ? eq : !eq);
}

/** method_getattro: the method type's own attributes first, then the function's. */
function methodGetAttr(o: PyObject, name: PyStr): PyObject {
  const m = o as PyMethod;
  const descr = typeLookupBorrowed(MethodType, name);
  if (descr !== null) {
    const f = descr.type.descrGet;
    if (f !== null) return f(descr, o, MethodType);
    return newRef(descr);
  }
  return getAttr(m.func, name);
}

function methodNew(_type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  if (kwargs !== null && dictLength(kwargs) !== 0) raise(TypeErrorType, "method() takes no keyword arguments");
  checkPositional("method", args.items.length, 2, 2);
  const func = args.items[0]!;
  if (func.type.call === null) raise(TypeErrorType, "first argument must be callable");
  const self = args.items[1]!;
  if (self === None) raise(TypeErrorType, "instance must not be None");
  return newMethod(func, self);
}
