// Objects/descrobject.c: PyMethodDescr_Type ("method_descriptor"), PyClassMethodDescr_Type,
// PyGetSetDescr_Type, PyMemberDescr_Type, PyWrapperDescr_Type ("wrapper_descriptor"),
// _PyMethodWrapper_Type ("method-wrapper"); descr_check, method_get, classmethod_get,
// getset_get/set, member_get/set, wrapperdescr_call, wrapper_call; and the add_methods /
// add_members / add_getset part of PyType_Ready (addMethods, addGetSets, addMembers).
//
// Descriptors that live in a static type's dict are static objects here (static address,
// static refcount, never tracked): they are made on the type's first attribute lookup, long
// after CPython made them at start-up, and must not disturb the collector's counts.

import { PyObject, STATIC_REFCNT, type VisitProc } from "./object.js";
import { allocGCObject, freeGCObject, liveObjects, staticAddress } from "./heap.js";
import { gcstate, gcTrack, gcUntrack } from "./gcstate.js";
import { decref, incref, newRef } from "./refcount.js";
import { CMP_EQ, CMP_NE, objectIsGC, PyType, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE } from "./type.js";
import type { GetSetDef, MethodDef } from "./methoddef.js";
import type { PyTuple } from "./tuple.js";
import { isTypeObject, newStaticType, readyType, staticTypeSpec, TPFLAGS_HAVE_VECTORCALL, TPFLAGS_METHOD_DESCRIPTOR, type MemberDef } from "./typeroots.js";
import { trashBegin, trashEnd } from "./trashcan.js";
import { AttributeErrorType, raise, TypeErrorType } from "./exceptions.js";
import { internStr, newStr, PyStr, staticStr } from "./str.js";
import { newBool } from "./bool.js";
import { None, NotImplemented } from "./singletons.js";
// The packers come through methodobject.ts: importing varargs.ts here directly would change
// the order the runtime's modules initialize in.
import { callMethodDef, newCFunction, packKwargs, packVarargs } from "./methodobject.js";
import { hashPointer, hashResult } from "./values/pyhash.js";
import { dictGetItemStr, dictSetItem, type PyDict } from "./dict.js";
import type { SlotDef } from "./slotdefs.js";
import { newStaticMethod } from "./funcdescr.js";
import { typeModified } from "./typeobject.js";

/** sizeof(PyMethodDescrObject) and sizeof(PyWrapperDescrObject): PyDescr_COMMON (40) + 2 words. */
export const METHOD_DESCR_BASICSIZE = 56;
/** sizeof(PyGetSetDescrObject) and sizeof(PyMemberDescrObject). */
export const GETSET_DESCR_BASICSIZE = 48;
/** sizeof(wrapperobject): head, descr, self. */
export const METHOD_WRAPPER_BASICSIZE = 32;

/** PyDescr_COMMON: the owning type (d_type) and the attribute name (d_name). */
export class PyDescr extends PyObject {
  owner: PyType;
  name: PyStr;
  constructor(type: PyType, owner: PyType, name: PyStr) {
    super(type);
    this.owner = owner;
    this.name = name;
  }
}

export class PyMethodDescr extends PyDescr {
  def: MethodDef;
  constructor(type: PyType, owner: PyType, name: PyStr, def: MethodDef) {
    super(type, owner, name);
    this.def = def;
  }
}

export class PyGetSetDescr extends PyDescr {
  def: GetSetDef;
  constructor(owner: PyType, name: PyStr, def: GetSetDef) {
    super(GetSetDescrType, owner, name);
    this.def = def;
  }
}

export class PyMemberDescr extends PyDescr {
  def: MemberDef;
  constructor(owner: PyType, name: PyStr, def: MemberDef) {
    super(MemberDescrType, owner, name);
    this.def = def;
  }
}

/** A slot wrapper: `int.__add__` calls int's nb_add through the slotdef's wrapper function. */
export class PyWrapperDescr extends PyDescr {
  slotdef: SlotDef;
  /** d_wrapped: the owner's slot function at the time the wrapper was made. */
  wrapped: unknown;
  constructor(owner: PyType, name: PyStr, slotdef: SlotDef, wrapped: unknown) {
    super(WrapperDescrType, owner, name);
    this.slotdef = slotdef;
    this.wrapped = wrapped;
  }
}

/** A slot wrapper bound to an object: `(1).__add__`. */
export class PyMethodWrapper extends PyObject {
  descr: PyWrapperDescr;
  self: PyObject;
  constructor(descr: PyWrapperDescr, self: PyObject) {
    super(MethodWrapperType);
    this.descr = descr;
    this.self = self;
  }
}

const DESCR_FLAGS = TPFLAGS_HAVE_GC;

export const MethodDescrType = newStaticType("method_descriptor", METHOD_DESCR_BASICSIZE, 0, DESCR_FLAGS | TPFLAGS_HAVE_VECTORCALL | TPFLAGS_METHOD_DESCRIPTOR);
export const ClassMethodDescrType = newStaticType("classmethod_descriptor", METHOD_DESCR_BASICSIZE, 0, DESCR_FLAGS);
export const GetSetDescrType = newStaticType("getset_descriptor", GETSET_DESCR_BASICSIZE, 0, DESCR_FLAGS);
export const MemberDescrType = newStaticType("member_descriptor", GETSET_DESCR_BASICSIZE, 0, DESCR_FLAGS);
export const WrapperDescrType = newStaticType("wrapper_descriptor", METHOD_DESCR_BASICSIZE, 0, DESCR_FLAGS | TPFLAGS_HAVE_VECTORCALL | TPFLAGS_METHOD_DESCRIPTOR);
export const MethodWrapperType = newStaticType("method-wrapper", METHOD_WRAPPER_BASICSIZE, 0, DESCR_FLAGS);

for (const t of [MethodDescrType, ClassMethodDescrType, GetSetDescrType, MemberDescrType, WrapperDescrType]) {
  t.dealloc = descrDealloc;
  t.traverse = descrTraverse;
}
MethodDescrType.repr = methodDescrRepr;
MethodDescrType.descrGet = methodDescrGet;
MethodDescrType.call = methodDescrCall;
ClassMethodDescrType.repr = methodDescrRepr;
ClassMethodDescrType.descrGet = classMethodDescrGet;
ClassMethodDescrType.call = classMethodDescrCall;
GetSetDescrType.repr = getsetDescrRepr;
GetSetDescrType.descrGet = getsetDescrGet;
GetSetDescrType.descrSet = getsetDescrSet;
MemberDescrType.repr = memberDescrRepr;
MemberDescrType.descrGet = memberDescrGet;
MemberDescrType.descrSet = memberDescrSet;
WrapperDescrType.repr = wrapperDescrRepr;
WrapperDescrType.descrGet = wrapperDescrGet;
WrapperDescrType.call = wrapperDescrCall;
MethodWrapperType.dealloc = methodWrapperDealloc;
MethodWrapperType.traverse = methodWrapperTraverse;
MethodWrapperType.repr = methodWrapperRepr;
MethodWrapperType.hash = methodWrapperHash;
MethodWrapperType.richcompare = methodWrapperRichCompare;
MethodWrapperType.call = methodWrapperCall;
for (const t of [MethodDescrType, ClassMethodDescrType, GetSetDescrType, MemberDescrType, WrapperDescrType, MethodWrapperType]) {
  readyType(t);
}
for (const t of [MethodDescrType, ClassMethodDescrType, GetSetDescrType, MemberDescrType, WrapperDescrType]) {
  addMembers(t, [
    { name: "__objclass__", get: (o) => newRef((o as PyDescr).owner) },
    { name: "__name__", get: (o) => newRef((o as PyDescr).name) },
  ]);
  addGetSets(t, [
    { name: "__doc__", get: (o) => descrDoc(o as PyDescr) },
    { name: "__qualname__", get: (o) => newStr(`${(o as PyDescr).owner.qualname}.${(o as PyDescr).name.value}`) },
    { name: "__text_signature__", get: () => newRef(None) },
  ]);
}
addMembers(MethodWrapperType, [{ name: "__self__", get: (o) => newRef((o as PyMethodWrapper).self) }]);
addGetSets(MethodWrapperType, [
  { name: "__objclass__", get: (o) => newRef((o as PyMethodWrapper).descr.owner) },
  { name: "__name__", get: (o) => newRef((o as PyMethodWrapper).descr.name) },
  { name: "__qualname__", get: (o) => newStr(`${(o as PyMethodWrapper).descr.owner.qualname}.${(o as PyMethodWrapper).descr.name.value}`) },
  { name: "__doc__", get: (o) => descrDoc((o as PyMethodWrapper).descr) },
  { name: "__text_signature__", get: () => newRef(None) },
]);

function descrDoc(d: PyDescr): PyObject {
  let doc: string | undefined;
  if (d instanceof PyMethodDescr) doc = d.def.doc;
  else if (d instanceof PyGetSetDescr) doc = d.def.doc;
  else if (d instanceof PyMemberDescr) doc = d.def.doc;
  else if (d instanceof PyWrapperDescr) doc = d.slotdef.doc;
  return doc === undefined || doc === "" ? newRef(None) : newStr(doc);
}

// ---------------------------------------------------------------------------
// Installing descriptors in a type's dict.

/**
 * PyType_Ready's add_methods: METH_CLASS defs become classmethod descriptors, METH_STATIC
 * ones staticmethod objects, the others method descriptors. Safe to call while modules are
 * still loading: until the type's dict exists, the defs are recorded and installed when the
 * dict is first built (typeobject.ts).
 */
export function addMethods(type: PyType, defs: readonly MethodDef[]): void {
  if (type.dict === null) {
    const spec = staticTypeSpec(type);
    for (const def of defs) spec.methods.push(def);
    return;
  }
  for (const def of defs) installMethod(type, type.dict, def, isStaticTypeObject(type));
  typeModified(type);
}

/** PyType_Ready's add_getset. */
export function addGetSets(type: PyType, defs: readonly GetSetDef[]): void {
  if (type.dict === null) {
    const spec = staticTypeSpec(type);
    for (const def of defs) spec.getsets.push(def);
    return;
  }
  for (const def of defs) installGetSet(type, type.dict, def, isStaticTypeObject(type));
  typeModified(type);
}

/** PyType_Ready's add_members. */
export function addMembers(type: PyType, defs: readonly MemberDef[]): void {
  if (type.dict === null) {
    const spec = staticTypeSpec(type);
    for (const def of defs) spec.members.push(def);
    return;
  }
  for (const def of defs) installMember(type, type.dict, def, isStaticTypeObject(type));
  typeModified(type);
}

function isStaticTypeObject(t: PyType): boolean {
  return (t.flags & TPFLAGS_HEAPTYPE) === 0;
}

/** Puts `value` (owned) under `name` in `dict` unless already present (add_methods never overwrites). */
function setIfAbsent(dict: PyDict, name: PyStr, value: PyObject): void {
  if (dictGetItemStr(dict, name) === null) dictSetItem(dict, name, value);
  decref(value);
}

export function installMethod(type: PyType, dict: PyDict, def: MethodDef, isStatic: boolean): void {
  const name = descrName(def.name, isStatic);
  let value: PyObject;
  if (def.binding === "class") {
    value = newMethodDescr(ClassMethodDescrType, type, name, def, isStatic);
  } else if (def.binding === "static") {
    const fn = newCFunction(def, type);
    value = newStaticMethod(fn);
    decref(fn);
    if (isStatic) makeObjectStatic(value);
  } else {
    value = newMethodDescr(MethodDescrType, type, name, def, isStatic);
  }
  setIfAbsent(dict, name, value);
  if (!isStatic) decref(name);
}

export function installGetSet(type: PyType, dict: PyDict, def: GetSetDef, isStatic: boolean): void {
  const name = descrName(def.name, isStatic);
  const d = new PyGetSetDescr(type, name, def);
  initDescr(d, type, GETSET_DESCR_BASICSIZE, isStatic);
  setIfAbsent(dict, name, d);
  if (!isStatic) decref(name);
}

export function installMember(type: PyType, dict: PyDict, def: MemberDef, isStatic: boolean): void {
  const name = descrName(def.name, isStatic);
  const d = newMemberDescr(type, def, isStatic);
  setIfAbsent(dict, name, d);
  if (!isStatic) decref(name);
}

function descrName(name: string, isStatic: boolean): PyStr {
  return isStatic ? staticStr(name) : internStr(name);
}

/**
 * Makes a runtime-created object behave as a static one: static refcount, never tracked,
 * invisible to leak checks and to generation 0's count.
 */
export function makeObjectStatic(o: PyObject): void {
  gcUntrack(o);
  o.refcnt = STATIC_REFCNT;
  if (liveObjects !== null) liveObjects.delete(o);
  // CPython made these at start-up: they are not part of the program's generation-0 count.
  if (objectIsGC(o)) {
    const gen0 = gcstate.generations[0]!;
    if (gen0.count > 0) gen0.count--;
  }
}

function initDescr(d: PyDescr, owner: PyType, size: number, isStatic: boolean): void {
  incref(owner);
  incref(d.name);
  if (isStatic) {
    d.address = staticAddress(size, true);
    d.refcnt = STATIC_REFCNT;
  } else {
    allocGCObject(d, size);
    gcTrack(d);
  }
}

export function newMethodDescr(descrType: PyType, owner: PyType, name: PyStr, def: MethodDef, isStatic: boolean): PyMethodDescr {
  const d = new PyMethodDescr(descrType, owner, name, def);
  initDescr(d, owner, METHOD_DESCR_BASICSIZE, isStatic);
  return d;
}

/** A member descriptor (new reference); heap types use it for __slots__ entries. */
export function newMemberDescr(owner: PyType, def: MemberDef, isStatic: boolean): PyMemberDescr {
  const name = descrName(def.name, isStatic);
  const d = new PyMemberDescr(owner, name, def);
  initDescr(d, owner, GETSET_DESCR_BASICSIZE, isStatic);
  if (!isStatic) decref(name);
  return d;
}

/** A getset descriptor (new reference); heap types use it for __dict__ and __weakref__. */
export function newGetSetDescr(owner: PyType, def: GetSetDef, isStatic: boolean): PyGetSetDescr {
  const name = descrName(def.name, isStatic);
  const d = new PyGetSetDescr(owner, name, def);
  initDescr(d, owner, GETSET_DESCR_BASICSIZE, isStatic);
  if (!isStatic) decref(name);
  return d;
}

/** A slot wrapper (new reference) for `slotdef` of `owner`, wrapping `wrapped`. */
export function newWrapperDescr(owner: PyType, slotdef: SlotDef, wrapped: unknown, isStatic: boolean): PyWrapperDescr {
  const name = descrName(slotdef.name, isStatic);
  const d = new PyWrapperDescr(owner, name, slotdef, wrapped);
  initDescr(d, owner, METHOD_DESCR_BASICSIZE, isStatic);
  if (!isStatic) decref(name);
  return d;
}

function descrDealloc(o: PyObject): void {
  const d = o as PyDescr;
  gcUntrack(d);
  decref(d.owner);
  decref(d.name);
  freeGCObject(d);
}

function descrTraverse(o: PyObject, visit: VisitProc, arg: unknown): void {
  visit((o as PyDescr).owner, arg);
}

// ---------------------------------------------------------------------------
// repr, __get__, __set__, calls.

function descrReprText(d: PyDescr, kind: string): PyObject {
  return newStr(`<${kind} '${d.name.value}' of '${d.owner.name}' objects>`);
}

function methodDescrRepr(o: PyObject): PyObject {
  return descrReprText(o as PyDescr, "method");
}

function getsetDescrRepr(o: PyObject): PyObject {
  return descrReprText(o as PyDescr, "attribute");
}

function memberDescrRepr(o: PyObject): PyObject {
  return descrReprText(o as PyDescr, "member");
}

function wrapperDescrRepr(o: PyObject): PyObject {
  return descrReprText(o as PyDescr, "slot wrapper");
}

/** descr_check */
function checkDescrApplies(d: PyDescr, obj: PyObject): void {
  if (!obj.type.isSubtypeOf(d.owner)) {
    raise(TypeErrorType, `descriptor '${d.name.value}' for '${d.owner.name}' objects doesn't apply to a '${obj.type.name}' object`);
  }
}

function methodDescrGet(descr: PyObject, obj: PyObject | null): PyObject {
  const d = descr as PyMethodDescr;
  if (obj === null) return newRef(d);
  checkDescrApplies(d, obj);
  return newCFunction(d.def, obj);
}

/** _PyObject_FunctionStr of a method descriptor: "list.append()". */
export function methodDescrFunctionStr(d: PyMethodDescr): string {
  return `${d.owner.qualname}.${d.name.value}()`;
}

function methodDescrCall(callable: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const d = callable as PyMethodDescr;
  if (nargs < 1) raise(TypeErrorType, `unbound method ${methodDescrFunctionStr(d)} needs an argument`);
  const self = args[start]!;
  checkDescrApplies(d, self);
  return callMethodDef(d.def, self, args, start + 1, nargs - 1, kwnames, d);
}

function classMethodDescrGet(descr: PyObject, obj: PyObject | null, type: PyObject | null): PyObject {
  const d = descr as PyMethodDescr;
  if (type === null) {
    if (obj === null) {
      raise(TypeErrorType, `descriptor '${d.name.value}' for type '${d.owner.name}' needs either an object or a type`);
    }
    type = obj.type;
  }
  if (!isTypeObject(type)) {
    raise(TypeErrorType, `descriptor '${d.name.value}' for type '${d.owner.name}' needs a type, not a '${type.type.name}' as arg 2`);
  }
  if (!type.isSubtypeOf(d.owner)) {
    raise(TypeErrorType, `descriptor '${d.name.value}' requires a subtype of '${d.owner.name}' but received '${type.name}'`);
  }
  return newCFunction(d.def, type);
}

function classMethodDescrCall(callable: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const d = callable as PyMethodDescr;
  if (nargs < 1) raise(TypeErrorType, `descriptor '${d.name.value}' of '${d.owner.name}' object needs an argument`);
  const self = args[start]!;
  const bound = classMethodDescrGet(d, null, self);
  try {
    const f = bound as PyObject & { def: MethodDef; self: PyObject };
    return callMethodDef(d.def, f.self, args, start + 1, nargs - 1, kwnames, bound);
  } finally {
    decref(bound);
  }
}

function getsetDescrGet(descr: PyObject, obj: PyObject | null): PyObject {
  const d = descr as PyGetSetDescr;
  if (obj === null) return newRef(d);
  checkDescrApplies(d, obj);
  return d.def.get(obj);
}

function getsetDescrSet(descr: PyObject, obj: PyObject, value: PyObject | null): void {
  const d = descr as PyGetSetDescr;
  checkDescrApplies(d, obj);
  const set = d.def.set;
  if (set === undefined) raise(AttributeErrorType, `attribute '${d.name.value}' of '${d.owner.name}' objects is not writable`);
  set(obj, value);
}

function memberDescrGet(descr: PyObject, obj: PyObject | null): PyObject {
  const d = descr as PyMemberDescr;
  if (obj === null) return newRef(d);
  checkDescrApplies(d, obj);
  const value = d.def.get(obj);
  if (value === null) raise(AttributeErrorType, `'${obj.type.name}' object has no attribute '${d.def.name}'`);
  return value;
}

function memberDescrSet(descr: PyObject, obj: PyObject, value: PyObject | null): void {
  const d = descr as PyMemberDescr;
  checkDescrApplies(d, obj);
  const set = d.def.set;
  if (set === undefined) raise(AttributeErrorType, "readonly attribute");
  set(obj, value);
}

function wrapperDescrGet(descr: PyObject, obj: PyObject | null): PyObject {
  const d = descr as PyWrapperDescr;
  if (obj === null) return newRef(d);
  checkDescrApplies(d, obj);
  return newMethodWrapper(d, obj);
}

// wrapper_descriptor and method-wrapper have no vectorcall: _PyObject_MakeTpCall packs the
// arguments into a tuple (and keywords into a dict) for tp_call, and wrapperdescr_call slices
// `self` off into a second tuple. Those are real allocations (free lists, gc counts,
// tracemalloc), so they are made here too; the wrapper itself still reads the vector, which
// holds the same objects.

function wrapperDescrCall(callable: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const d = callable as PyWrapperDescr;
  const packed = packVarargs(args, start, nargs);
  const kwargs = packKwargs(args, start, nargs, kwnames);
  try {
    if (nargs < 1) raise(TypeErrorType, `descriptor '${d.name.value}' of '${d.owner.name}' object needs an argument`);
    const self = args[start]!;
    if (!self.type.isSubtypeOf(d.owner)) {
      raise(TypeErrorType, `descriptor '${d.name.value}' requires a '${d.owner.name}' object but received a '${self.type.name}'`);
    }
    const rest = packVarargs(packed.items, 1, nargs - 1);
    try {
      return callWrapper(d, self, args, start + 1, nargs - 1, kwnames);
    } finally {
      decref(rest);
    }
  } finally {
    decref(packed);
    if (kwargs !== null) decref(kwargs);
  }
}

/** wrapperdescr_raw_call / wrapper_call: keyword check, then the slotdef's wrapper function. */
function callWrapper(d: PyWrapperDescr, self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const sd = d.slotdef;
  if (!sd.keywords && kwnames !== null && kwnames.items.length !== 0) {
    raise(TypeErrorType, `wrapper ${sd.name}() takes no keyword arguments`);
  }
  const wrapper = sd.wrapper;
  if (wrapper === null) raise(TypeErrorType, `wrapper ${sd.name}() cannot be called`);
  return wrapper(self, args, start, nargs, kwnames, d.wrapped, d);
}

export function newMethodWrapper(d: PyWrapperDescr, self: PyObject): PyMethodWrapper {
  const w = new PyMethodWrapper(d, self);
  incref(d);
  incref(self);
  allocGCObject(w, METHOD_WRAPPER_BASICSIZE);
  gcTrack(w);
  return w;
}

function methodWrapperDealloc(o: PyObject): void {
  const w = o as PyMethodWrapper;
  gcUntrack(w);
  if (!trashBegin(w)) return;
  decref(w.descr);
  decref(w.self);
  freeGCObject(w);
  trashEnd();
}

function methodWrapperTraverse(o: PyObject, visit: VisitProc, arg: unknown): void {
  const w = o as PyMethodWrapper;
  visit(w.descr, arg);
  visit(w.self, arg);
}

function methodWrapperRepr(o: PyObject): PyObject {
  const w = o as PyMethodWrapper;
  return newStr(`<method-wrapper '${w.descr.slotdef.name}' of ${w.self.type.name} object at 0x${w.self.address.toString(16)}>`);
}

function methodWrapperHash(o: PyObject): void {
  const w = o as PyMethodWrapper;
  hashPointer(w.self.address);
  const hi = hashResult.hi, lo = hashResult.lo;
  hashPointer(w.descr.address);
  let rhi = hi ^ hashResult.hi;
  let rlo = lo ^ hashResult.lo;
  if (rhi === -1 && rlo === -1) rlo = -2;
  hashResult.hi = rhi;
  hashResult.lo = rlo;
}

function methodWrapperRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  if ((op !== CMP_EQ && op !== CMP_NE) || !(a instanceof PyMethodWrapper) || !(b instanceof PyMethodWrapper)) {
    return newRef(NotImplemented);
  }
  const eq = a.descr === b.descr && a.self === b.self;
  return newBool(op === CMP_EQ ? eq : !eq);
}

function methodWrapperCall(callable: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const w = callable as PyMethodWrapper;
  const packed = packVarargs(args, start, nargs);
  const kwargs = packKwargs(args, start, nargs, kwnames);
  try {
    return callWrapper(w.descr, w.self, args, start, nargs, kwnames);
  } finally {
    decref(packed);
    if (kwargs !== null) decref(kwargs);
  }
}

/** None as a new reference, for getters of optional attributes. */
export function noneRef(): PyObject {
  return newRef(None);
}
