// Objects/tupleobject.c (3.11), the object protocol of tuples: tuplehash, tuplerepr,
// tuplerichcompare, tuplecontains, tupleitem, tupleslice, tupleconcat, tuplerepeat,
// tuplesubscript, tuple_new / tuple_subtype_new, index / count; Objects/abstract.c:
// PySequence_Tuple. Installed into TupleType by installTupleMethods(), which dict.ts calls
// at load time: tuple.ts itself must stay free of these imports (see its header).

import { PyObject } from "./object.js";
import { gcTrack } from "./gcstate.js";
import { decref, incref, newRef } from "./refcount.js";
import { CMP_EQ, CMP_GE, CMP_GT, CMP_LE, CMP_LT, CMP_NE, PyType } from "./type.js";
import { staticTypeSpec, TPFLAGS_DISALLOW_INSTANTIATION } from "./typeroots.js";
import { hashResult, tupleHashAdd, tupleHashFinish, tupleHashStart } from "./values/pyhash.js";
import {
  getIter, hasIndex, iterNext, lengthHint, numberIndexAsNumber, objectHash, objectRepr, reprEnter, reprLeave, richCompare, richCompareBool,
} from "./abstract.js";
import { IndexErrorType, MemoryErrorType, newExceptionFromOwnedArgs, raise, raiseOwned, TypeErrorType, ValueErrorType } from "./exceptions.js";
import { newStr } from "./str.js";
import { newIntSsize } from "./int.js";
import { newBool } from "./bool.js";
import { NotImplemented } from "./singletons.js";
import { sliceBounds, sliceGetIndices, SliceType, type PySlice } from "./sliceobject.js";
import { checkPositional, noKeywords } from "./getargs.js";
import { sliceIndexNotNone, SSIZE_MAX } from "./sequtil.js";
import type { PyDict } from "./dict.js";
import { ListType, type PyList } from "./list.js";
import {
  allocTupleOfType, isTuple, PyTuple, PyTupleIter, tupleAllocForFill, tupleEmpty, tupleFromBorrowed, tupleFromOwned, tupleIterLength,
  TupleIterType, tupleResize, TupleType,
} from "./tuple.js";

/** tuplehash: the xxHash-style combination of the item hashes. */
export function tupleHash(self: PyObject): void {
  const items = (self as PyTuple).items;
  tupleHashStart();
  let ah = hashResult.hi;
  let al = hashResult.lo;
  for (let i = 0; i < items.length; i++) {
    objectHash(items[i]!);
    tupleHashAdd(ah, al, hashResult.hi, hashResult.lo);
    ah = hashResult.hi;
    al = hashResult.lo;
  }
  tupleHashFinish(ah, al, items.length);
}

/** tuplerepr: "()", "(1,)", "(1, 2)"; "(...)" for a tuple reached again inside its own repr. */
export function tupleRepr(self: PyObject): PyObject {
  const items = (self as PyTuple).items;
  const n = items.length;
  if (n === 0) return newStr("()");
  if (reprEnter(self)) return newStr("(...)");
  try {
    let out = "(";
    for (let i = 0; i < n; i++) {
      if (i > 0) out += ", ";
      const s = objectRepr(items[i]!);
      out += s.value;
      decref(s);
    }
    out += n > 1 ? ")" : ",)";
    return newStr(out);
  } finally {
    reprLeave(self);
  }
}

/** tuplerichcompare */
export function tupleRichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!isTuple(v) || !isTuple(w)) return newRef(NotImplemented);
  const vi = v.items;
  const wi = w.items;
  const vlen = vi.length;
  const wlen = wi.length;
  let i = 0;
  for (; i < vlen && i < wlen; i++) {
    if (!richCompareBool(vi[i]!, wi[i]!, CMP_EQ)) break;
  }
  if (i >= vlen || i >= wlen) return newBool(compareLengths(vlen, wlen, op));
  if (op === CMP_EQ) return newBool(false);
  if (op === CMP_NE) return newBool(true);
  return richCompare(vi[i]!, wi[i]!, op);
}

/** Py_RETURN_RICHCOMPARE on two lengths. */
export function compareLengths(a: number, b: number, op: number): boolean {
  switch (op) {
    case CMP_LT: return a < b;
    case CMP_LE: return a <= b;
    case CMP_EQ: return a === b;
    case CMP_NE: return a !== b;
    case CMP_GT: return a > b;
    default: return a >= b;
  }
}

/** tuplecontains */
export function tupleContains(self: PyObject, el: PyObject): boolean {
  const items = (self as PyTuple).items;
  for (let i = 0; i < items.length; i++) if (richCompareBool(items[i]!, el, CMP_EQ)) return true;
  return false;
}

/** tupleitem (sq_item): IndexError "tuple index out of range". */
export function tupleItem(self: PyObject, i: number): PyObject {
  const items = (self as PyTuple).items;
  if (i < 0 || i >= items.length) raise(IndexErrorType, "tuple index out of range");
  return newRef(items[i]!);
}

/** tupleslice: t[lo:hi]; the whole of an exact tuple is the tuple itself. */
export function tupleSlice(t: PyTuple, ilow: number, ihigh: number): PyTuple {
  const n = t.items.length;
  if (ilow < 0) ilow = 0;
  if (ihigh > n) ihigh = n;
  if (ihigh < ilow) ihigh = ilow;
  if (ilow === 0 && ihigh === n && t.type === TupleType) return newRef(t);
  return tupleFromBorrowed(t.items, ilow, ihigh);
}

/** tupleconcat */
export function tupleConcat(self: PyObject, bb: PyObject): PyObject {
  const a = self as PyTuple;
  if (a.items.length === 0 && bb.type === TupleType) return newRef(bb);
  if (!isTuple(bb)) raise(TypeErrorType, `can only concatenate tuple (not "${bb.type.name}") to tuple`);
  if (bb.items.length === 0 && a.type === TupleType) return newRef(a);
  const size = a.items.length + bb.items.length;
  if (size === 0) return tupleEmpty();
  const items = new Array<PyObject>(size);
  let j = 0;
  for (const o of a.items) {
    incref(o);
    items[j++] = o;
  }
  for (const o of bb.items) {
    incref(o);
    items[j++] = o;
  }
  return tupleFromOwned(items);
}

/** tuplerepeat */
export function tupleRepeat(self: PyObject, n: number): PyObject {
  const a = self as PyTuple;
  const len = a.items.length;
  if ((len === 0 || n === 1) && a.type === TupleType) return newRef(a);
  if (len === 0 || n <= 0) return tupleEmpty();
  if (n > Math.floor(SSIZE_MAX / len) || len * n > 0x7fffffff) raiseNoMemory();
  const size = len * n;
  const items = new Array<PyObject>(size);
  for (let k = 0; k < len; k++) a.items[k]!.refcnt += n;
  for (let i = 0; i < size; i++) items[i] = a.items[i % len]!;
  return tupleFromOwned(items);
}

function raiseNoMemory(): never {
  raiseOwned(newExceptionFromOwnedArgs(MemoryErrorType, tupleEmpty()));
}

/** tuplesubscript */
export function tupleSubscript(self: PyObject, item: PyObject): PyObject {
  const t = self as PyTuple;
  if (hasIndex(item)) {
    let i = numberIndexAsNumber(item, IndexErrorType);
    if (i < 0) i += t.items.length;
    return tupleItem(t, i);
  }
  if (item.type === SliceType) {
    const sl = item as PySlice;
    const len = sliceGetIndices(sl, t.items.length);
    if (len <= 0) return tupleEmpty();
    const start = sliceBounds.start;
    const step = sliceBounds.step;
    if (start === 0 && step === 1 && len === t.items.length && t.type === TupleType) return newRef(t);
    const items = new Array<PyObject>(len);
    for (let cur = start, i = 0; i < len; cur += step, i++) {
      const o = t.items[cur]!;
      incref(o);
      items[i] = o;
    }
    return tupleFromOwned(items);
  }
  raise(TypeErrorType, `tuple indices must be integers or slices, not ${item.type.name}`);
}

/**
 * PySequence_Tuple: tuple(iterable). An exact tuple is returned as is; a list is copied;
 * anything else is iterated into a tuple presized by its length hint (10 by default) and
 * grown by n + 10 + (n + 10) / 4 then trimmed with _PyTuple_Resize, as CPython does.
 */
export function sequenceTuple(v: PyObject): PyTuple {
  if (v.type === TupleType) return newRef(v as PyTuple);
  if (isExactList(v)) return tupleFromBorrowed((v as PyObject & { items: PyObject[] }).items);
  const it = getIter(v);
  try {
    let n = lengthHint(v, 10);
    let result = n === 0 ? tupleEmpty() : tupleAllocForFill(n);
    let j = 0;
    try {
      for (;;) {
        const item = iterNext(it);
        if (item === null) break;
        if (j >= n) {
          let newn = n + 10;
          newn += newn >> 2;
          n = newn;
          result = tupleResize(result, n);
        }
        result.items[j++] = item;
      }
    } catch (e) {
      result.items.length = j;
      decref(result);
      throw e;
    }
    if (j < n) result = tupleResize(result, j);
    return result;
  } finally {
    decref(it);
  }
}


function isExactList(o: PyObject): boolean {
  return o.type === ListType;
}

/** tuple_vectorcall: tuple() / tuple(iterable) with no argument tuple built. */
function tupleVectorcall(_type: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("tuple", kwnames);
  checkPositional("tuple", nargs, 0, 1);
  return nargs === 0 ? tupleEmpty() : sequenceTuple(args[start]!);
}

/** tuple_new_impl / tuple_subtype_new: tuple() and tuple(iterable), and subclasses. */
function tupleNew(type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  if (type === TupleType && kwargs !== null && kwargs.used !== 0) raise(TypeErrorType, "tuple() takes no keyword arguments");
  const nargs = args.items.length;
  if (nargs > 1) raise(TypeErrorType, `tuple expected at most 1 argument, got ${nargs}`);
  if (type === TupleType) return nargs === 0 ? tupleEmpty() : sequenceTuple(args.items[0]!);
  const tmp = nargs === 0 ? tupleEmpty() : sequenceTuple(args.items[0]!);
  const items = new Array<PyObject>(tmp.items.length);
  for (let i = 0; i < items.length; i++) items[i] = newRef(tmp.items[i]!);
  decref(tmp);
  const obj = allocTupleOfType(type, items);
  if (obj.gcNext === null) gcTrack(obj);
  return obj;
}

function tupleIndexMethod(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("index", kwnames);
  checkPositional("index", nargs, 1, 3);
  const t = self as PyTuple;
  const n = t.items.length;
  const value = args[start]!;
  let lo = nargs > 1 ? sliceIndexNotNone(args[start + 1]!) : 0;
  let hi = nargs > 2 ? sliceIndexNotNone(args[start + 2]!) : SSIZE_MAX;
  if (lo < 0) {
    lo += n;
    if (lo < 0) lo = 0;
  }
  if (hi < 0) hi += n;
  else if (hi > n) hi = n;
  for (let i = lo; i < hi; i++) {
    if (richCompareBool(t.items[i]!, value, CMP_EQ)) return newIntSsize(i);
  }
  raise(ValueErrorType, "tuple.index(x): x not in tuple");
}

function tupleCountMethod(self: PyObject, value: PyObject): PyObject {
  const items = (self as PyTuple).items;
  let count = 0;
  for (let i = 0; i < items.length; i++) if (richCompareBool(items[i]!, value, CMP_EQ)) count++;
  return newIntSsize(count);
}

let installed = false;

/** Sets the protocol slots and methods on TupleType (once). */
export function installTupleMethods(): void {
  if (installed) return;
  installed = true;
  TupleType.hash = tupleHash;
  TupleType.repr = tupleRepr;
  TupleType.richcompare = tupleRichCompare;
  TupleType.sqConcat = tupleConcat;
  TupleType.sqRepeat = tupleRepeat;
  TupleType.sqItem = tupleItem;
  TupleType.sqContains = tupleContains;
  TupleType.mpSubscript = tupleSubscript;
  TupleType.new_ = tupleNew;
  // readyType ran before tp_new existed and took tuple for a type with no constructor.
  TupleType.flags &= ~TPFLAGS_DISALLOW_INSTANTIATION;
  TupleType.vectorcall = tupleVectorcall;
  TupleType.doc = "Built-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty tuple.\nIf iterable is specified the tuple is initialized from iterable's items.\n\nIf the argument is a tuple, the return value is the same object.";
  staticTypeSpec(TupleType).methods.push(
    { name: "__getnewargs__", kind: "noargs", fn: (self) => tupleFromOwned([tupleSlice(self as PyTuple, 0, (self as PyTuple).items.length)]) },
    { name: "index", kind: "fastcall", fn: tupleIndexMethod, doc: "Return first index of value.\n\nRaises ValueError if the value is not present." },
    { name: "count", kind: "o", fn: tupleCountMethod, doc: "Return number of occurrences of value." },
  );
  staticTypeSpec(TupleIterType).methods.push(
    { name: "__length_hint__", kind: "noargs", fn: (self) => newIntSsize(tupleIterLength(self as PyTupleIter)), doc: "Private method returning an estimate of len(list(it))." },
  );
  // readyType(TupleType) already ran: record these slots as the type's own, so its __dict__
  // gets their wrappers (__hash__, __repr__, __add__, ...) when it is built.
  const spec = staticTypeSpec(TupleType);
  if (spec.ownSlots !== null) {
    for (const slot of ["hash", "repr", "richcompare", "sqConcat", "sqRepeat", "sqItem", "sqContains", "mpSubscript", "new_"]) {
      if (spec.ownSlots.indexOf(slot) < 0) spec.ownSlots.push(slot);
    }
  }
}
