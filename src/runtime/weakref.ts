// Objects/weakrefobject.c: PyWeakReference, _PyWeakref_RefType (weakref.ref), the proxy
// types, get_basic_refs / insert_head / insert_after, clear_weakref, _PyWeakref_ClearRef,
// PyObject_ClearWeakRefs, PyWeakref_NewRef / PyWeakref_NewProxy, weakref___new__ /
// weakref___init__, weakref_repr / weakref_hash / weakref_richcompare / weakref_vectorcall,
// _PyWeakref_GetWeakrefCount; Modules/_weakref.c: getweakrefcount, getweakrefs.
//
// Each referent keeps its weak references in a doubly-linked list (weakrefList on the
// object, wrPrev/wrNext on the refs) in a fixed order: the shared callback-less `ref` first,
// then the shared callback-less proxy, then every ref or proxy with a callback (or of a
// subclass), newest first. The shared ones are handed out again instead of being recreated.
// The proxy types, which forward every operation to the referent, are in the second half.

import { PyObject, type VisitProc } from "./object.js";
import { allocGCObject, freeGCObject } from "./heap.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, incref, newRef } from "./refcount.js";
import { CMP_EQ, CMP_NE, PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE, type BinarySlot, type TernarySlot, type UnarySlot } from "./type.js";
import { newStaticType, readyType, staticTypeSpec, TPFLAGS_HAVE_VECTORCALL } from "./typeroots.js";
import { tupleFromOwned, type PyTuple } from "./tuple.js";
import { dictLength, type PyDict } from "./dict.js";
import { newStr, staticStr, isStr, type PyStr } from "./str.js";
import { None, NotImplemented } from "./singletons.js";
import { newBool } from "./bool.js";
import { raise, ReferenceErrorType, TypeErrorType } from "./exceptions.js";
import { checkPositional, noKeywords } from "./getargs.js";
import { hashResult } from "./values/pyhash.js";
import { writeUnraisable } from "./finalize.js";
import {
  callMethod,
  callObject,
  callOneArg,
  delItem,
  getAttr,
  getItem,
  getIter,
  isTrue,
  iterNext,
  length,
  lookupAttr,
  NB_INPLACE_ADD,
  NB_INPLACE_AND,
  NB_INPLACE_FLOOR_DIVIDE,
  NB_INPLACE_LSHIFT,
  NB_INPLACE_MATRIX_MULTIPLY,
  NB_INPLACE_MULTIPLY,
  NB_INPLACE_OR,
  NB_INPLACE_REMAINDER,
  NB_INPLACE_RSHIFT,
  NB_INPLACE_SUBTRACT,
  NB_INPLACE_TRUE_DIVIDE,
  NB_INPLACE_XOR,
  numberAbsolute,
  numberAdd,
  numberAnd,
  numberDivmod,
  numberFloorDivide,
  numberIndex,
  numberInplace,
  numberInplacePower,
  numberInvert,
  numberLshift,
  numberMatrixMultiply,
  numberMultiply,
  numberNegative,
  numberOr,
  numberPositive,
  numberPower,
  numberRemainder,
  numberRshift,
  numberSubtract,
  numberTrueDivide,
  numberXor,
  objectHash,
  objectStr,
  richCompare,
  sequenceContains,
  setAttr,
  setItem,
} from "./abstract.js";

/** sizeof(PyWeakReference) in 3.11 (getsizeof adds the 16-byte GC head: 80). */
export const WEAKREF_BASICSIZE = 64;

export class PyWeakReference extends PyObject {
  /** wr_object: the referent, or null once cleared (CPython points it at None). */
  referent: PyObject | null;
  callback: PyObject | null;
  /** Cached hash of the referent, valid when hashCached. */
  hashHi: number;
  hashLo: number;
  hashCached: boolean;
  /** The referent's list of weak references, doubly linked (wr_prev / wr_next). */
  wrPrev: PyWeakReference | null;
  wrNext: PyWeakReference | null;

  constructor(type: PyType, referent: PyObject, callback: PyObject | null) {
    super(type);
    this.referent = referent;
    this.callback = callback;
    this.hashHi = 0;
    this.hashLo = 0;
    this.hashCached = false;
    this.wrPrev = null;
    this.wrNext = null;
  }
}

// ------------------------------------------------------------------------------ types

export const RefType = newStaticType(
  "weakref.ReferenceType",
  WEAKREF_BASICSIZE,
  0,
  TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE | TPFLAGS_HAVE_VECTORCALL,
);
export const ProxyType = newStaticType("weakref.ProxyType", WEAKREF_BASICSIZE, 0, TPFLAGS_HAVE_GC);
export const CallableProxyType = newStaticType("weakref.CallableProxyType", WEAKREF_BASICSIZE, 0, TPFLAGS_HAVE_GC);

/** PyWeakref_CheckRef: weakref.ref or a subclass. */
export function isWeakrefRef(o: PyObject): o is PyWeakReference {
  return o.type === RefType || o.type.isSubtypeOf(RefType);
}

/** PyWeakref_CheckProxy: exactly one of the two proxy types. */
export function isWeakrefProxy(o: PyObject): o is PyWeakReference {
  return o.type === ProxyType || o.type === CallableProxyType;
}

/** PyWeakref_Check */
export function isWeakref(o: PyObject): o is PyWeakReference {
  return o instanceof PyWeakReference && (isWeakrefRef(o) || isWeakrefProxy(o));
}

/** _PyType_SUPPORTS_WEAKREFS */
export function supportsWeakrefs(type: PyType): boolean {
  return type.weaklistoffset > 0;
}

/** PyWeakref_GET_OBJECT: the referent, or None once the reference is dead (borrowed). */
export function weakrefObjectBorrowed(wr: PyWeakReference): PyObject {
  return wr.referent ?? None;
}

// ------------------------------------------------------------------------- the list

/** get_basic_refs: the shared callback-less ref and proxy at the head of the list, if any. */
let basicRef: PyWeakReference | null = null;
let basicProxy: PyWeakReference | null = null;

function findBasicRefs(head: PyWeakReference | null): void {
  basicRef = null;
  basicProxy = null;
  if (head !== null && head.callback === null) {
    // A subclass of ref is never a basic ref, even without a callback.
    if (head.type === RefType) {
      basicRef = head;
      head = head.wrNext;
    }
    if (head !== null && head.callback === null && isWeakrefProxy(head)) basicProxy = head;
  }
}

function insertHead(wr: PyWeakReference, referent: PyObject): void {
  const next = referent.weakrefList;
  wr.wrPrev = null;
  wr.wrNext = next;
  if (next !== null) next.wrPrev = wr;
  referent.weakrefList = wr;
}

function insertAfter(wr: PyWeakReference, prev: PyWeakReference): void {
  wr.wrPrev = prev;
  wr.wrNext = prev.wrNext;
  if (prev.wrNext !== null) prev.wrNext.wrPrev = wr;
  prev.wrNext = wr;
}

/** clear_weakref: unlink from the referent's list and drop the callback. */
function clearWeakref(wr: PyWeakReference): void {
  unlinkFromReferent(wr);
  const callback = wr.callback;
  if (callback !== null) {
    wr.callback = null;
    decref(callback);
  }
}

function unlinkFromReferent(wr: PyWeakReference): void {
  const referent = wr.referent;
  if (referent === null) return;
  if (referent.weakrefList === wr) referent.weakrefList = wr.wrNext;
  wr.referent = null;
  if (wr.wrPrev !== null) wr.wrPrev.wrNext = wr.wrNext;
  if (wr.wrNext !== null) wr.wrNext.wrPrev = wr.wrPrev;
  wr.wrPrev = null;
  wr.wrNext = null;
}

/**
 * _PyWeakref_ClearRef: make the reference dead but keep its callback, uncalled. The collector
 * uses it so that no Python code runs while it clears; the callback is called later or
 * released with the weakref.
 */
export function clearRef(wr: PyWeakReference): void {
  unlinkFromReferent(wr);
}

/** _PyWeakref_GetWeakrefCount over an object's list (weakref.getweakrefcount). */
export function getWeakrefCount(o: PyObject): number {
  if (!supportsWeakrefs(o.type)) return 0;
  let n = 0;
  for (let wr = o.weakrefList; wr !== null; wr = wr.wrNext) n++;
  return n;
}

/** weakref.getweakrefs: the object's weak references in list order (borrowed). */
export function getWeakrefs(o: PyObject): PyWeakReference[] {
  const result: PyWeakReference[] = [];
  if (!supportsWeakrefs(o.type)) return result;
  for (let wr = o.weakrefList; wr !== null; wr = wr.wrNext) result.push(wr);
  return result;
}

// ------------------------------------------------------------------- construction

function raiseNotWeakrefable(o: PyObject): never {
  raise(TypeErrorType, `cannot create weak reference to '${o.type.name}' object`);
}

/** new_weakref / tp_alloc + init_weakref: an untracked-then-tracked reference of `type`. */
function allocWeakref(type: PyType, referent: PyObject, callback: PyObject | null): PyWeakReference {
  const wr = new PyWeakReference(type, referent, null);
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) incref(type);
  // The allocation may run a collection; the new reference is not tracked or linked yet.
  allocGCObject(wr, type.basicsize);
  if (callback !== null) wr.callback = newRef(callback);
  gcTrack(wr);
  return wr;
}

/**
 * PyWeakref_NewRef: a weak reference to `o` (new reference). Without a callback (null or
 * None) the shared basic ref is returned when it exists.
 */
export function newWeakref(o: PyObject, callback: PyObject | null): PyWeakReference {
  if (!supportsWeakrefs(o.type)) raiseNotWeakrefable(o);
  if (callback === None) callback = null;
  if (callback === null) {
    findBasicRefs(o.weakrefList);
    if (basicRef !== null) return newRef(basicRef);
  }
  const wr = allocWeakref(RefType, o, callback);
  // The allocation may have run a collection that changed the list: look again.
  findBasicRefs(o.weakrefList);
  if (callback === null) {
    if (basicRef === null) {
      insertHead(wr, o);
      return wr;
    }
    const existing = newRef(basicRef);
    decref(wr);
    return existing;
  }
  const prev = basicProxy ?? basicRef;
  if (prev === null) insertHead(wr, o);
  else insertAfter(wr, prev);
  return wr;
}

/** PyWeakref_NewProxy: weakref.proxy(o, callback) (new reference). */
export function newProxy(o: PyObject, callback: PyObject | null): PyWeakReference {
  if (!supportsWeakrefs(o.type)) raiseNotWeakrefable(o);
  if (callback === None) callback = null;
  findBasicRefs(o.weakrefList);
  if (callback === null && basicProxy !== null) return newRef(basicProxy);
  const wr = allocWeakref(o.type.call !== null ? CallableProxyType : ProxyType, o, callback);
  findBasicRefs(o.weakrefList);
  let prev: PyWeakReference | null;
  if (callback === null) {
    if (basicProxy !== null) {
      const existing = newRef(basicProxy);
      decref(wr);
      return existing;
    }
    prev = basicRef;
  } else {
    prev = basicProxy ?? basicRef;
  }
  if (prev === null) insertHead(wr, o);
  else insertAfter(wr, prev);
  return wr;
}

/** weakref___new__: ref(o[, callback]) for weakref.ref and its subclasses. */
function refNew(type: PyType, args: PyTuple, _kwargs: PyDict | null): PyObject {
  const items = args.items;
  checkPositional("__new__", items.length, 1, 2);
  const o = items[0]!;
  let callback = items.length > 1 ? items[1]! : null;
  if (!supportsWeakrefs(o.type)) raiseNotWeakrefable(o);
  if (callback === None) callback = null;
  if (callback === null && type === RefType) {
    findBasicRefs(o.weakrefList);
    if (basicRef !== null) return newRef(basicRef);
  }
  const wr = allocWeakref(type, o, callback);
  if (callback === null && type === RefType) {
    insertHead(wr, o);
  } else {
    findBasicRefs(o.weakrefList);
    const prev = basicProxy ?? basicRef;
    if (prev === null) insertHead(wr, o);
    else insertAfter(wr, prev);
  }
  return wr;
}

/** weakref___init__: only validates (keywords are refused here, after __new__ ran). */
function refInit(_self: PyObject, args: PyTuple, kwargs: PyDict | null): void {
  if (kwargs !== null && dictLength(kwargs) !== 0) raise(TypeErrorType, "ref() takes no keyword arguments");
  checkPositional("__init__", args.items.length, 1, 2);
}

// ------------------------------------------------------------------------- death

/**
 * PyObject_ClearWeakRefs: called by a dealloc when `o` (refcount 0) has weak references.
 * The callback-less basic ref and proxy are cleared first; then every remaining reference is
 * cleared, and only after that are the callbacks called, in list order (newest first), each
 * with its weakref. Exceptions go to writeUnraisable with the callback as the object.
 */
export function clearWeakrefs(o: PyObject): void {
  let head = o.weakrefList;
  if (head !== null && head.callback === null) {
    clearWeakref(head);
    head = o.weakrefList;
    if (head !== null && head.callback === null) {
      clearWeakref(head);
      head = o.weakrefList;
    }
  }
  if (head === null) return;
  let count = 0;
  for (let wr: PyWeakReference | null = head; wr !== null; wr = wr.wrNext) count++;
  if (count === 1) {
    const callback = head.callback;
    head.callback = null;
    clearWeakref(head);
    if (callback !== null) {
      if (head.refcnt > 0) handleCallback(head, callback);
      decref(callback);
    }
    return;
  }
  // CPython parks the (weakref, callback) pairs in a tuple of 2 * count slots, allocated here
  // as there (it counts as a GC allocation and may come from the tuple free list). Slots that
  // CPython leaves NULL hold None: a callback is never None, so None means "no call".
  const slots: PyObject[] = new Array<PyObject>(count * 2);
  for (let i = 0; i < slots.length; i++) slots[i] = newRef(None);
  const pairs = tupleFromOwned(slots);
  const items = pairs.items;
  let current: PyWeakReference | null = head;
  for (let i = 0; i < count; i++) {
    const wr = current as PyWeakReference;
    const next: PyWeakReference | null = wr.wrNext;
    const callback = wr.callback;
    if (wr.refcnt > 0) {
      decref(None);
      items[i * 2] = newRef(wr);
      if (callback !== null) {
        decref(None);
        items[i * 2 + 1] = callback;
      }
    } else if (callback !== null) {
      decref(callback);
    }
    wr.callback = null;
    clearWeakref(wr);
    current = next;
  }
  try {
    for (let i = 0; i < count; i++) {
      const callback = items[i * 2 + 1]!;
      if (callback !== None) handleCallback(items[i * 2] as PyWeakReference, callback);
    }
  } finally {
    decref(pairs);
  }
}

/** handle_callback: callback(wr); its result is dropped, its exception reported. */
export function handleCallback(wr: PyWeakReference, callback: PyObject): void {
  try {
    decref(callOneArg(callback, wr));
  } catch (e) {
    writeUnraisable(e, callback);
  }
}

// ------------------------------------------------------------- ref slots

function weakrefDealloc(self: PyObject): void {
  const wr = self as PyWeakReference;
  gcUntrack(wr);
  clearWeakref(wr);
  freeGCObject(wr);
}

function weakrefTraverse(self: PyObject, visit: VisitProc, arg: unknown): void {
  const callback = (self as PyWeakReference).callback;
  if (callback !== null) visit(callback, arg);
}

function weakrefClear(self: PyObject): void {
  clearWeakref(self as PyWeakReference);
}

/** weakref_vectorcall: r() is the referent or None. */
function weakrefCall(callable: PyObject, _args: PyObject[], _start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("weakref", kwnames);
  checkPositional("weakref", nargs, 0, 0);
  return newRef(weakrefObjectBorrowed(callable as PyWeakReference));
}

function weakrefHash(self: PyObject): void {
  const wr = self as PyWeakReference;
  if (wr.hashCached) {
    hashResult.hi = wr.hashHi;
    hashResult.lo = wr.hashLo;
    return;
  }
  const referent = wr.referent;
  if (referent === null) raise(TypeErrorType, "weak object has gone away");
  incref(referent);
  try {
    objectHash(referent);
  } finally {
    decref(referent);
  }
  wr.hashHi = hashResult.hi;
  wr.hashLo = hashResult.lo;
  wr.hashCached = true;
}

function hex(address: number): string {
  return "0x" + address.toString(16);
}

/** _PyObject_LookupAttr(obj, "__name__"): the name if it is a str (AttributeError ignored). */
function lookupNameText(o: PyObject): string | null {
  const name = lookupAttr(o, staticStr("__name__"));
  if (name === null) return null;
  const text = isStr(name) ? name.value : null;
  decref(name);
  return text;
}

function weakrefRepr(self: PyObject): PyObject {
  const wr = self as PyWeakReference;
  const referent = wr.referent;
  if (referent === null) return newStr(`<weakref at ${hex(wr.address)}; dead>`);
  incref(referent);
  let name: string | null;
  try {
    name = lookupNameText(referent);
  } finally {
    decref(referent);
  }
  // The referent may have died while __name__ was looked up; CPython reads the type again.
  const typeName = (wr.referent ?? None).type.name;
  const base = `<weakref at ${hex(wr.address)}; to '${typeName}' at ${hex(referent.address)}`;
  return newStr(name === null ? base + ">" : `${base} (${name})>`);
}

/** Two live refs compare like their referents; a dead one equals only itself. */
function weakrefRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  if ((op !== CMP_EQ && op !== CMP_NE) || !isWeakref(a) || !isWeakref(b)) return newRef(NotImplemented);
  const x = a.referent;
  const y = b.referent;
  if (x === null || y === null) {
    const same = a === b;
    return newBool(op === CMP_EQ ? same : !same);
  }
  incref(x);
  incref(y);
  try {
    return richCompare(x, y, op);
  } finally {
    decref(x);
    decref(y);
  }
}

function callbackGet(self: PyObject): PyObject {
  return newRef((self as PyWeakReference).callback ?? None);
}

RefType.dealloc = weakrefDealloc;
RefType.traverse = weakrefTraverse;
RefType.clear = weakrefClear;
RefType.call = weakrefCall;
RefType.hash = weakrefHash;
RefType.repr = weakrefRepr;
RefType.richcompare = weakrefRichCompare;
RefType.new_ = refNew;
RefType.init = refInit;
RefType.doc = null;
staticTypeSpec(RefType).members.push({ name: "__callback__", get: callbackGet });
readyType(RefType);

// ----------------------------------------------------------------------- proxies
//
// A proxy forwards every operation to its referent (unwrapping proxy operands), and raises
// ReferenceError once the referent is gone. Proxies have no hash: they compare like their
// referent, which may die.

/** proxy_checkref: the live referent of a proxy (borrowed), or ReferenceError. */
export function proxyReferent(proxy: PyWeakReference): PyObject {
  const referent = proxy.referent;
  if (referent === null) raise(ReferenceErrorType, "weakly-referenced object no longer exists");
  return referent;
}

/** UNWRAP: a proxy operand stands for its referent. */
function unwrap(o: PyObject): PyObject {
  return isWeakrefProxy(o) ? proxyReferent(o) : o;
}

function wrapUnary(generic: (o: PyObject) => PyObject): UnarySlot {
  return (proxy) => {
    const o = unwrap(proxy);
    incref(o);
    try {
      return generic(o);
    } finally {
      decref(o);
    }
  };
}

function wrapBinary(generic: (a: PyObject, b: PyObject) => PyObject): BinarySlot {
  return (x, y) => {
    const a = unwrap(x);
    const b = unwrap(y);
    incref(a);
    incref(b);
    try {
      return generic(a, b);
    } finally {
      decref(a);
      decref(b);
    }
  };
}

function wrapTernary(generic: (a: PyObject, b: PyObject, c: PyObject) => PyObject): TernarySlot {
  return (x, y, z) => {
    const a = unwrap(x);
    const b = unwrap(y);
    const c = unwrap(z);
    incref(a);
    incref(b);
    incref(c);
    try {
      return generic(a, b, c);
    } finally {
      decref(a);
      decref(b);
      decref(c);
    }
  };
}


/** PyNumber_Long / PyNumber_Float through the referent's own conversion slot. */
function convertWith(slot: "nbInt" | "nbFloat", what: string): (o: PyObject) => PyObject {
  return (o) => {
    const f = o.type[slot];
    if (f === null) raise(TypeErrorType, `${what} argument must be a string or a real number, not '${o.type.name}'`);
    return f(o);
  };
}

function proxyRepr(self: PyObject): PyObject {
  // 3.11 reads the referent without checking it: a dead proxy shows None's type and address.
  const referent = weakrefObjectBorrowed(self as PyWeakReference);
  return newStr(`<weakproxy at ${hex(self.address)} to ${referent.type.name} at ${hex(referent.address)}>`);
}

function proxySetAttr(self: PyObject, name: PyStr, value: PyObject | null): void {
  const o = proxyReferent(self as PyWeakReference);
  incref(o);
  try {
    setAttr(o, name, value);
  } finally {
    decref(o);
  }
}

function proxyRichCompare(x: PyObject, y: PyObject, op: number): PyObject {
  return richCompare(unwrap(x), unwrap(y), op);
}

function proxyBool(self: PyObject): boolean {
  const o = proxyReferent(self as PyWeakReference);
  incref(o);
  try {
    return isTrue(o);
  } finally {
    decref(o);
  }
}

function proxyContains(self: PyObject, value: PyObject): boolean {
  const o = proxyReferent(self as PyWeakReference);
  incref(o);
  try {
    return sequenceContains(o, value);
  } finally {
    decref(o);
  }
}

function proxyLength(self: PyObject): number {
  const o = proxyReferent(self as PyWeakReference);
  incref(o);
  try {
    return length(o);
  } finally {
    decref(o);
  }
}

function proxySetItem(self: PyObject, key: PyObject, value: PyObject | null): void {
  const o = proxyReferent(self as PyWeakReference);
  incref(o);
  try {
    if (value === null) delItem(o, key);
    else setItem(o, key, value);
  } finally {
    decref(o);
  }
}

function proxyIterNext(self: PyObject): PyObject | null {
  const o = proxyReferent(self as PyWeakReference);
  if (o.type.iternext === null) raise(TypeErrorType, `Weakref proxy referenced a non-iterator '${o.type.name}' object`);
  incref(o);
  try {
    return iterNext(o);
  } finally {
    decref(o);
  }
}

function proxyCall(callable: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const o = proxyReferent(callable as PyWeakReference);
  incref(o);
  try {
    return callObject(o, args, start, nargs, kwnames);
  } finally {
    decref(o);
  }
}

/** WRAP_METHOD: o.__bytes__() / o.__reversed__() on the referent. */
function proxyMethod(name: string): (self: PyObject) => PyObject {
  return (self) => {
    const o = proxyReferent(self as PyWeakReference);
    incref(o);
    try {
      return callMethod(o, staticStr(name), []);
    } finally {
      decref(o);
    }
  };
}

// Runs while the module graph is still loading: abstract.ts's constants may not be
// initialised yet, so they are only read inside the slot functions.
function installProxySlots(t: PyType, callable: boolean): void {
  t.repr = proxyRepr;
  t.str = wrapUnary(objectStr);
  t.getattro = wrapBinary((o, name) => getAttr(o, name as PyStr));
  t.setattro = proxySetAttr;
  t.richcompare = proxyRichCompare;
  t.iter = wrapUnary(getIter);
  t.iternext = proxyIterNext;
  if (callable) t.call = proxyCall;
  t.nbAdd = wrapBinary(numberAdd);
  t.nbSubtract = wrapBinary(numberSubtract);
  t.nbMultiply = wrapBinary(numberMultiply);
  t.nbRemainder = wrapBinary(numberRemainder);
  t.nbDivmod = wrapBinary(numberDivmod);
  t.nbPower = wrapTernary(numberPower);
  t.nbNegative = wrapUnary(numberNegative);
  t.nbPositive = wrapUnary(numberPositive);
  t.nbAbsolute = wrapUnary(numberAbsolute);
  t.nbBool = proxyBool;
  t.nbInvert = wrapUnary(numberInvert);
  t.nbLshift = wrapBinary(numberLshift);
  t.nbRshift = wrapBinary(numberRshift);
  t.nbAnd = wrapBinary(numberAnd);
  t.nbXor = wrapBinary(numberXor);
  t.nbOr = wrapBinary(numberOr);
  t.nbInt = wrapUnary(convertWith("nbInt", "int()"));
  t.nbFloat = wrapUnary(convertWith("nbFloat", "float()"));
  t.nbInplaceAdd = wrapBinary((a, b) => numberInplace(a, b, NB_INPLACE_ADD));
  t.nbInplaceSubtract = wrapBinary((a, b) => numberInplace(a, b, NB_INPLACE_SUBTRACT));
  t.nbInplaceMultiply = wrapBinary((a, b) => numberInplace(a, b, NB_INPLACE_MULTIPLY));
  t.nbInplaceRemainder = wrapBinary((a, b) => numberInplace(a, b, NB_INPLACE_REMAINDER));
  t.nbInplacePower = wrapTernary(numberInplacePower);
  t.nbInplaceLshift = wrapBinary((a, b) => numberInplace(a, b, NB_INPLACE_LSHIFT));
  t.nbInplaceRshift = wrapBinary((a, b) => numberInplace(a, b, NB_INPLACE_RSHIFT));
  t.nbInplaceAnd = wrapBinary((a, b) => numberInplace(a, b, NB_INPLACE_AND));
  t.nbInplaceXor = wrapBinary((a, b) => numberInplace(a, b, NB_INPLACE_XOR));
  t.nbInplaceOr = wrapBinary((a, b) => numberInplace(a, b, NB_INPLACE_OR));
  t.nbFloorDivide = wrapBinary(numberFloorDivide);
  t.nbTrueDivide = wrapBinary(numberTrueDivide);
  t.nbInplaceFloorDivide = wrapBinary((a, b) => numberInplace(a, b, NB_INPLACE_FLOOR_DIVIDE));
  t.nbInplaceTrueDivide = wrapBinary((a, b) => numberInplace(a, b, NB_INPLACE_TRUE_DIVIDE));
  t.nbIndex = wrapUnary(numberIndex);
  t.nbMatrixMultiply = wrapBinary(numberMatrixMultiply);
  t.nbInplaceMatrixMultiply = wrapBinary((a, b) => numberInplace(a, b, NB_INPLACE_MATRIX_MULTIPLY));
  t.sqContains = proxyContains;
  t.mpLength = proxyLength;
  t.mpSubscript = wrapBinary(getItem);
  t.mpAssSubscript = proxySetItem;
  const methods = staticTypeSpec(t).methods;
  methods.push({ name: "__bytes__", kind: "noargs", fn: proxyMethod("__bytes__") });
  methods.push({ name: "__reversed__", kind: "noargs", fn: proxyMethod("__reversed__") });
}

function proxyDealloc(self: PyObject): void {
  const wr = self as PyWeakReference;
  gcUntrack(wr);
  clearWeakref(wr);
  freeGCObject(wr);
}

for (const t of [ProxyType, CallableProxyType]) {
  t.dealloc = proxyDealloc;
  t.traverse = weakrefTraverse;
  t.clear = weakrefClear;
  installProxySlots(t, t === CallableProxyType);
  readyType(t);
}
