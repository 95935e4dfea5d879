// Objects/sliceobject.c: PySlice_Type, PySlice_New (with the one-object slice_cache),
// slice_dealloc, slice_repr, slice_richcompare, slice.indices, PySlice_Unpack,
// PySlice_AdjustIndices, _PyEval_SliceIndex.
//
// Slices are GC objects (tracked, 56 bytes with the GC head) and unhashable in 3.11. The
// interpreter keeps one freed slice aside and reuses it for the next one; the reuse is
// invisible to the collector's generation-0 count, as a free list's is.

import { PyObject, type VisitProc } from "./object.js";
import { allocator, allocGCObject, freeGCObject, parkOnFreeList, reviveFromFreeList } from "./heap.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, incref, newRef } from "./refcount.js";
import { CMP_EQ, CMP_NE, PyType, TPFLAGS_HAVE_GC } from "./type.js";
import { newStaticType, readyType, TPFLAGS_MATCH_SELF } from "./typeroots.js";
import { addMembers, addMethods } from "./descrobject.js";
import { None, NotImplemented } from "./singletons.js";
import { raise, TypeErrorType, ValueErrorType } from "./exceptions.js";
import { newStr } from "./str.js";
import { tupleFromOwned, type PyTuple } from "./tuple.js";
import { dictLength, type PyDict } from "./dict.js";
import { newIntFromBigInt, intToBigInt, type PyInt } from "./int.js";
import { numberIndex, objectRepr, richCompare } from "./abstract.js";
import { checkPositional } from "./getargs.js";

/** sizeof(PySliceObject): head + start, stop, step. */
export const SLICE_BASICSIZE = 40;

/** PY_SSIZE_T_MAX / MIN as JS numbers (clamping bounds for slice indices). */
export const SSIZE_MAX = 9223372036854775807;
export const SSIZE_MIN = -9223372036854775808;
const SSIZE_MAX_BIG = 9223372036854775807n;
const SSIZE_MIN_BIG = -9223372036854775808n;

export class PySlice extends PyObject {
  start: PyObject;
  stop: PyObject;
  step: PyObject;
  constructor(start: PyObject, stop: PyObject, step: PyObject) {
    super(null);
    // The header, written here so that the stores are monomorphic (see PyObject).
    this.refcnt = 1;
    this.type = SliceType;
    this.address = 0;
    this.gcNext = null;
    this.gcPrev = null;
    this.gcRefs = 0;
    this.gcFlags = 0;
    this.weakrefList = null;
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
}

export const SliceType = newStaticType("slice", SLICE_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_MATCH_SELF);
SliceType.dealloc = sliceDealloc;
SliceType.traverse = sliceTraverse;
SliceType.repr = sliceRepr;
SliceType.richcompare = sliceRichCompare;
SliceType.new_ = sliceNew;
readyType(SliceType);
addMethods(SliceType, [
  { name: "indices", kind: "o", fn: sliceIndicesMethod },
  { name: "__reduce__", kind: "noargs", fn: sliceReduce },
]);
addMembers(SliceType, [
  { name: "start", get: (s) => newRef((s as PySlice).start) },
  { name: "stop", get: (s) => newRef((s as PySlice).stop) },
  { name: "step", get: (s) => newRef((s as PySlice).step) },
]);

// interp->slice_cache, with the allocator it belongs to (a heap reset drops it).
let cachedSlice: PySlice | null = null;
let cachedAllocator: unknown = null;

/** PySlice_New: borrowed start/stop/step (null means None); a new reference. */
export function newSlice(start: PyObject | null, stop: PyObject | null, step: PyObject | null): PySlice {
  const st = start ?? None;
  const sp = stop ?? None;
  const se = step ?? None;
  incref(st);
  incref(sp);
  incref(se);
  let s: PySlice;
  if (cachedSlice !== null && cachedAllocator === allocator) {
    s = cachedSlice;
    cachedSlice = null;
    reviveFromFreeList(s);
    s.start = st;
    s.stop = sp;
    s.step = se;
  } else {
    cachedSlice = null;
    s = new PySlice(st, sp, se);
    allocGCObject(s, SLICE_BASICSIZE);
  }
  gcTrack(s);
  return s;
}

function sliceDealloc(o: PyObject): void {
  const s = o as PySlice;
  gcUntrack(s);
  decref(s.step);
  decref(s.start);
  decref(s.stop);
  if (cachedSlice === null || cachedAllocator !== allocator) {
    cachedSlice = s;
    cachedAllocator = allocator;
    parkOnFreeList(s);
  } else {
    freeGCObject(s);
  }
}

function sliceTraverse(o: PyObject, visit: VisitProc, arg: unknown): void {
  const s = o as PySlice;
  visit(s.start, arg);
  visit(s.stop, arg);
  visit(s.step, arg);
}

function sliceRepr(o: PyObject): PyObject {
  const s = o as PySlice;
  const a = objectRepr(s.start);
  const b = objectRepr(s.stop);
  const c = objectRepr(s.step);
  const text = `slice(${a.value}, ${b.value}, ${c.value})`;
  decref(a);
  decref(b);
  decref(c);
  return newStr(text);
}

function sliceAsTuple(s: PySlice): PyTuple {
  incref(s.start);
  incref(s.stop);
  incref(s.step);
  return tupleFromOwned([s.start, s.stop, s.step]);
}

function sliceRichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!(v instanceof PySlice) || !(w instanceof PySlice)) return newRef(NotImplemented);
  if (v === w) {
    if (op === CMP_EQ) return richCompare(None, None, CMP_EQ);
    if (op === CMP_NE) return richCompare(None, None, CMP_NE);
  }
  const t1 = sliceAsTuple(v);
  const t2 = sliceAsTuple(w);
  try {
    return richCompare(t1, t2, op);
  } finally {
    decref(t1);
    decref(t2);
  }
}

function sliceNew(_type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  if (kwargs !== null && dictLength(kwargs) > 0) noKeywordsDict();
  const items = args.items;
  checkPositional("slice", items.length, 1, 3);
  if (items.length === 1) return newSlice(None, items[0]!, None);
  return newSlice(items[0]!, items[1]!, items.length === 3 ? items[2]! : None);
}

function noKeywordsDict(): never {
  raise(TypeErrorType, "slice() takes no keyword arguments");
}

function sliceReduce(self: PyObject): PyObject {
  const s = self as PySlice;
  incref(SliceType);
  return tupleFromOwned([SliceType, sliceAsTuple(s)]);
}

/**
 * _PyEval_SliceIndex: None leaves `fallback`; an index object is clamped to the ssize_t range.
 */
export function sliceIndex(v: PyObject, fallback: number): number {
  if (v === None) return fallback;
  if (v.type.nbIndex === null) raise(TypeErrorType, "slice indices must be integers or None or have an __index__ method");
  const i = numberIndex(v);
  const big = intToBigInt(i);
  decref(i);
  if (big > SSIZE_MAX_BIG) return SSIZE_MAX;
  if (big < SSIZE_MIN_BIG) return SSIZE_MIN;
  return Number(big);
}

/** The result of sliceUnpack / sliceAdjustIndices (one shared holder: read it right away). */
export const sliceBounds = { start: 0, stop: 0, step: 1, length: 0 };

/** PySlice_Unpack: start/stop/step with None resolved to the extreme defaults, into sliceBounds. */
export function sliceUnpack(s: PySlice): void {
  let step = 1;
  if (s.step !== None) {
    step = sliceIndex(s.step, 1);
    if (step === 0) raise(ValueErrorType, "slice step cannot be zero");
    // -PY_SSIZE_T_MAX keeps `-step` representable, as CPython does.
    if (step < -SSIZE_MAX) step = -SSIZE_MAX;
  }
  const start = sliceIndex(s.start, step < 0 ? SSIZE_MAX : 0);
  const stop = sliceIndex(s.stop, step < 0 ? SSIZE_MIN : SSIZE_MAX);
  sliceBounds.start = start;
  sliceBounds.stop = stop;
  sliceBounds.step = step;
}

/**
 * PySlice_AdjustIndices: clamps sliceBounds.start/stop to a sequence of `length` items and
 * stores the number of selected items in sliceBounds.length (also returned).
 */
export function sliceAdjustIndices(length: number): number {
  let { start, stop } = sliceBounds;
  const step = sliceBounds.step;
  if (start < 0) {
    start += length;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= length) {
    start = step < 0 ? length - 1 : length;
  }
  if (stop < 0) {
    stop += length;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= length) {
    stop = step < 0 ? length - 1 : length;
  }
  let n = 0;
  if (step < 0) {
    if (stop < start) n = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) {
    n = Math.floor((stop - start - 1) / step) + 1;
  }
  sliceBounds.start = start;
  sliceBounds.stop = stop;
  sliceBounds.length = n;
  return n;
}

/** PySlice_GetIndicesEx: unpack then adjust for `length`; returns the slice length. */
export function sliceGetIndices(s: PySlice, length: number): number {
  sliceUnpack(s);
  return sliceAdjustIndices(length);
}

/** _PySlice_GetLongIndices, exact for any int size (slice.indices). */
function sliceLongIndices(s: PySlice, length: bigint): [bigint, bigint, bigint] {
  let step = 1n;
  if (s.step !== None) {
    step = indexBig(s.step);
    if (step === 0n) raise(ValueErrorType, "slice step cannot be zero");
  }
  const negative = step < 0n;
  const lower = negative ? -1n : 0n;
  const upper = negative ? length - 1n : length;
  const clamp = (v: PyObject, dflt: bigint): bigint => {
    if (v === None) return dflt;
    let x = indexBig(v);
    if (x < 0n) {
      x += length;
      if (x < lower) x = lower;
    } else if (x > upper) {
      x = upper;
    }
    return x;
  };
  const start = clamp(s.start, negative ? upper : lower);
  const stop = clamp(s.stop, negative ? lower : upper);
  return [start, stop, step];
}

function indexBig(v: PyObject): bigint {
  if (v.type.nbIndex === null) raise(TypeErrorType, "slice indices must be integers or None or have an __index__ method");
  const i = numberIndex(v);
  const big = intToBigInt(i);
  decref(i);
  return big;
}

function sliceIndicesMethod(self: PyObject, lengthArg: PyObject): PyObject {
  const lengthObj = numberIndex(lengthArg);
  const length = intToBigInt(lengthObj as PyInt);
  decref(lengthObj);
  if (length < 0n) raise(ValueErrorType, "length should not be negative");
  const [start, stop, step] = sliceLongIndices(self as PySlice, length);
  return tupleFromOwned([newIntFromBigInt(start), newIntFromBigInt(stop), newIntFromBigInt(step)]);
}

export function isSlice(o: PyObject): o is PySlice {
  return o.type === SliceType;
}
