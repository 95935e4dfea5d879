// Objects/rangeobject.c (3.11): PyRange_Type (range_new, compute_range_length,
// compute_range_item, compute_slice, range_contains_long, range_equals, range_hash,
// range_repr, count / index, __reversed__), PyRangeIter_Type (the C-long iterator) and
// PyLongRangeIter_Type (the int-object iterator for ranges beyond C longs).
//
// The range keeps start, stop, step and length as int objects, as CPython does (a 48-byte
// non-GC struct). Arithmetic is done on bigints; only the result objects are allocated (the
// temporaries CPython's PyNumber_* calls create and free in between are not modelled).

import { PyObject } from "./object.js";
import { allocObject, freeObject } from "./heap.js";
import { decref, incref, newRef } from "./refcount.js";
import { CMP_EQ, CMP_NE, PyType } from "./type.js";
import { newStaticType, readyType, staticTypeSpec, TPFLAGS_SEQUENCE, type MemberDef } from "./typeroots.js";
import { hasIndex, numberIndex, objectHash, objectRepr, richCompareBool, getIter, iterNext } from "./abstract.js";
import { IndexErrorType, OverflowErrorType, raise, TypeErrorType, ValueErrorType } from "./exceptions.js";
import { BoolType, newBool } from "./bool.js";
import { IntType, intToBigInt, newInt, newIntFromBigInt, newIntSsize, type PyInt } from "./int.js";
import { None, NotImplemented } from "./singletons.js";
import { newStr, type PyStr } from "./str.js";
import { SliceType, type PySlice } from "./sliceobject.js";
import { tupleFromOwned, type PyTuple } from "./tuple.js";
import type { PyDict } from "./dict.js";

/** sizeof(rangeobject) */
const RANGE_SIZE = 48;
/** sizeof(rangeiterobject): head + index, start, step, len as C longs. */
const RANGEITER_SIZE = 48;
/** sizeof(longrangeiterobject) */
const LONGRANGEITER_SIZE = 48;

const LONG_MAX = 9223372036854775807n;
const LONG_MIN = -9223372036854775808n;

export class PyRange extends PyObject {
  start: PyInt;
  stop: PyInt;
  step: PyInt;
  length: PyInt;
  constructor(type: PyType, start: PyInt, stop: PyInt, step: PyInt, length: PyInt) {
    super(type);
    this.start = start;
    this.stop = stop;
    this.step = step;
    this.length = length;
  }
}

export const RangeType = newStaticType("range", RANGE_SIZE, 0, TPFLAGS_SEQUENCE);

function big(o: PyInt): bigint {
  return intToBigInt(o);
}

/** get_len_of_range / compute_range_length on bigints. */
function rangeLength(lo: bigint, hi: bigint, step: bigint): bigint {
  if (step > 0n) return lo < hi ? (hi - lo - 1n) / step + 1n : 0n;
  return lo > hi ? (lo - hi - 1n) / -step + 1n : 0n;
}

/** make_range_object: takes over start, stop and step. */
function makeRange(type: PyType, start: PyInt, stop: PyInt, step: PyInt): PyRange {
  const length = newIntFromBigInt(rangeLength(big(start), big(stop), big(step)));
  const r = new PyRange(type, start, stop, step, length);
  allocObject(r, RANGE_SIZE);
  return r;
}

/** range(stop) / range(start, stop[, step]) from borrowed arguments. */
export function newRange(args: readonly PyObject[], first = 0, n = args.length - first): PyRange {
  if (n === 0) raise(TypeErrorType, "range expected at least 1 argument, got 0");
  if (n > 3) raise(TypeErrorType, `range expected at most 3 arguments, got ${n}`);
  if (n === 1) {
    const stop = numberIndex(args[first + 0]!);
    return makeRange(RangeType, newInt(0), stop, newInt(1));
  }
  const start = numberIndex(args[first + 0]!);
  let stop: PyInt;
  try {
    stop = numberIndex(args[first + 1]!);
  } catch (e) {
    decref(start);
    throw e;
  }
  let step: PyInt;
  try {
    if (n === 3) {
      step = numberIndex(args[first + 2]!);
      if (big(step) === 0n) {
        decref(step);
        raise(ValueErrorType, "range() arg 3 must not be zero");
      }
    } else {
      step = newInt(1);
    }
  } catch (e) {
    decref(start);
    decref(stop);
    throw e;
  }
  return makeRange(RangeType, start, stop, step);
}

function rangeDealloc(self: PyObject): void {
  const r = self as PyRange;
  decref(r.start);
  decref(r.stop);
  decref(r.step);
  decref(r.length);
  freeObject(r);
}

/** range_length: OverflowError beyond ssize_t, as len() of a huge range raises. */
function rangeLen(self: PyObject): number {
  const n = big((self as PyRange).length);
  if (n > LONG_MAX) raise(OverflowErrorType, "Python int too large to convert to C ssize_t");
  return Number(n);
}

/** compute_item: start + i * step */
function computeItem(r: PyRange, i: bigint): PyInt {
  return newIntFromBigInt(big(r.start) + i * big(r.step));
}

/** compute_range_item: negative indexes count from the end; IndexError outside. */
function computeRangeItem(r: PyRange, arg: bigint): PyInt {
  const len = big(r.length);
  const i = arg < 0n ? len + arg : arg;
  if (i < 0n || i >= len) raise(IndexErrorType, "range object index out of range");
  return computeItem(r, i);
}

/** _PySlice_GetLongIndices for a sequence of `length` items (exact on bigints). */
function sliceLongIndices(s: PySlice, length: bigint): [bigint, bigint, bigint] {
  let step = 1n;
  if (s.step !== None) {
    step = sliceIndexBig(s.step);
    if (step === 0n) raise(ValueErrorType, "slice step cannot be zero");
  }
  const neg = step < 0n;
  const lower = neg ? -1n : 0n;
  const upper = neg ? length - 1n : length;
  let start: bigint;
  if (s.start === None) start = neg ? upper : lower;
  else {
    start = sliceIndexBig(s.start);
    if (start < 0n) {
      start += length;
      if (start < lower) start = lower;
    } else if (start > upper) start = upper;
  }
  let stop: bigint;
  if (s.stop === None) stop = neg ? lower : upper;
  else {
    stop = sliceIndexBig(s.stop);
    if (stop < 0n) {
      stop += length;
      if (stop < lower) stop = lower;
    } else if (stop > upper) stop = upper;
  }
  return [start, stop, step];
}

/** PyNumber_Index's value, with the slice message for non-index objects. */
function sliceIndexBig(o: PyObject): bigint {
  if (!hasIndex(o)) raise(TypeErrorType, "slice indices must be integers or None or have an __index__ method");
  const v = numberIndex(o);
  const b = big(v);
  decref(v);
  return b;
}

/** compute_slice: a new range of the same type. */
function computeSlice(r: PyRange, slice: PySlice): PyRange {
  const [start, stop, step] = sliceLongIndices(slice, big(r.length));
  const substep = newIntFromBigInt(big(r.step) * step);
  const substart = computeItem(r, start);
  const substop = computeItem(r, stop);
  return makeRange(r.type, substart, substop, substep);
}

/** range_subscript */
function rangeSubscript(self: PyObject, item: PyObject): PyObject {
  const r = self as PyRange;
  if (hasIndex(item)) {
    const i = numberIndex(item);
    const v = big(i);
    decref(i);
    return computeRangeItem(r, v);
  }
  if (item.type === SliceType) return computeSlice(r, item as PySlice);
  raise(TypeErrorType, `range indices must be integers or slices, not ${item.type.name}`);
}

/** range_contains_long: an exact int or bool. */
function containsLong(r: PyRange, ob: PyInt): boolean {
  const v = big(ob);
  const start = big(r.start);
  const stop = big(r.stop);
  const step = big(r.step);
  if (step > 0n) {
    if (!(start <= v && v < stop)) return false;
  } else if (!(v <= start && stop < v)) {
    return false;
  }
  // Python's % takes the sign of the divisor; only zero matters here.
  return (v - start) % step === 0n;
}

function isExactIntOrBool(o: PyObject): o is PyInt {
  return o.type === IntType || o.type === BoolType;
}

/** _PySequence_IterSearch over the range (non-int arguments): count or first index. */
function iterSearch(r: PyRange, ob: PyObject, wantIndex: boolean): number {
  const it = getIter(r);
  let n = 0;
  let count = 0;
  try {
    for (;;) {
      const item = iterNext(it);
      if (item === null) break;
      let eq: boolean;
      try {
        eq = richCompareBool(item, ob, CMP_EQ);
      } finally {
        decref(item);
      }
      if (eq) {
        if (wantIndex) return n;
        count++;
      }
      n++;
    }
  } finally {
    decref(it);
  }
  if (wantIndex) raise(ValueErrorType, "sequence.index(x): x not in sequence");
  return count;
}

/** range_contains */
function rangeContains(self: PyObject, ob: PyObject): boolean {
  const r = self as PyRange;
  if (isExactIntOrBool(ob)) return containsLong(r, ob);
  return iterSearch(r, ob, false) > 0;
}

/** range_equals */
function rangeEquals(r0: PyRange, r1: PyRange): boolean {
  if (r0 === r1) return true;
  const len = big(r0.length);
  if (len !== big(r1.length)) return false;
  if (len === 0n) return true;
  if (big(r0.start) !== big(r1.start)) return false;
  if (len === 1n) return true;
  return big(r0.step) === big(r1.step);
}

function rangeRichCompare(self: PyObject, other: PyObject, op: number): PyObject {
  if (other.type !== RangeType && !other.type.isSubtypeOf(RangeType)) return newRef(NotImplemented);
  if (op !== CMP_EQ && op !== CMP_NE) return newRef(NotImplemented);
  const eq = rangeEquals(self as PyRange, other as PyRange);
  return newBool(op === CMP_EQ ? eq : !eq);
}

/** range_hash: hash((len, start, step)) with None for what does not matter. */
function rangeHash(self: PyObject): void {
  const r = self as PyRange;
  const len = big(r.length);
  const items: PyObject[] = [newRef(r.length)];
  if (len === 0n) items.push(newRef(None), newRef(None));
  else {
    items.push(newRef(r.start));
    items.push(len === 1n ? newRef(None) : newRef(r.step));
  }
  const t = tupleFromOwned(items);
  try {
    objectHash(t);
  } finally {
    decref(t);
  }
}

function reprOf(o: PyObject): string {
  const s = objectRepr(o) as PyStr;
  const text = s.value;
  decref(s);
  return text;
}

/** range_repr: the step is shown unless it is 1. */
function rangeRepr(self: PyObject): PyObject {
  const r = self as PyRange;
  if (big(r.step) === 1n) return newStr(`range(${reprOf(r.start)}, ${reprOf(r.stop)})`);
  return newStr(`range(${reprOf(r.start)}, ${reprOf(r.stop)}, ${reprOf(r.step)})`);
}

/** range.count(x) */
function rangeCount(self: PyObject, ob: PyObject): PyObject {
  const r = self as PyRange;
  if (isExactIntOrBool(ob)) return newIntSsize(containsLong(r, ob) ? 1 : 0);
  return newIntSsize(iterSearch(r, ob, false));
}

/** range.index(x) */
function rangeIndex(self: PyObject, ob: PyObject): PyObject {
  const r = self as PyRange;
  if (!isExactIntOrBool(ob)) return newIntSsize(iterSearch(r, ob, true));
  if (containsLong(r, ob)) {
    const idx = big(ob) - big(r.start);
    const step = big(r.step);
    if (step === 1n) return newIntFromBigInt(idx);
    // Floor division; exact here since step divides idx.
    return newIntFromBigInt(idx / step);
  }
  raise(ValueErrorType, `${reprOf(ob)} is not in range`);
}

// ---------------------------------------------------------------------------------------
// Iterators

/** rangeiterobject: the C-long iterator; numbers while exact, bigints beyond 2**53. */
export class PyRangeIter extends PyObject {
  index: number;
  start: number;
  step: number;
  len: number;
  /** Set when start/step/len leave the double-exact range (CPython still uses C longs). */
  bigStart: bigint;
  bigStep: bigint;
  bigLen: bigint;
  bigIndex: bigint;
  isBig: boolean;
  constructor() {
    super(null);
    // The header, written here so that the stores are monomorphic (see PyObject).
    this.refcnt = 1;
    this.type = RangeIterType;
    this.address = 0;
    this.gcNext = null;
    this.gcPrev = null;
    this.gcRefs = 0;
    this.gcFlags = 0;
    this.weakrefList = null;
    this.index = 0;
    this.start = 0;
    this.step = 0;
    this.len = 0;
    this.bigStart = 0n;
    this.bigStep = 0n;
    this.bigLen = 0n;
    this.bigIndex = 0n;
    this.isBig = false;
  }
}

export const RangeIterType = newStaticType("range_iterator", RANGEITER_SIZE, 0, 0);

/** longrangeiterobject: int objects throughout. */
export class PyLongRangeIter extends PyObject {
  index: PyInt;
  start: PyInt;
  step: PyInt;
  len: PyInt;
  constructor(index: PyInt, start: PyInt, step: PyInt, len: PyInt) {
    super(LongRangeIterType);
    this.index = index;
    this.start = start;
    this.step = step;
    this.len = len;
  }
}

export const LongRangeIterType = newStaticType("longrange_iterator", LONGRANGEITER_SIZE, 0, 0);

const SAFE = 9007199254740991n;

/** fast_range_iter */
function fastRangeIter(start: bigint, step: bigint, len: bigint): PyObject {
  const it = new PyRangeIter();
  const last = start + (len > 0n ? (len - 1n) * step : 0n);
  if (start >= -SAFE && start <= SAFE && last >= -SAFE && last <= SAFE && len <= SAFE && step >= -SAFE && step <= SAFE) {
    it.start = Number(start);
    it.step = Number(step);
    it.len = Number(len);
  } else {
    it.isBig = true;
    it.bigStart = start;
    it.bigStep = step;
    it.bigLen = len;
  }
  allocObject(it, RANGEITER_SIZE);
  return it;
}

function fitsLong(v: bigint): boolean {
  return v >= LONG_MIN && v <= LONG_MAX;
}

function longRangeIter(start: PyInt, step: PyInt, len: PyInt): PyObject {
  incref(start);
  incref(step);
  incref(len);
  const it = new PyLongRangeIter(newInt(0), start, step, len);
  allocObject(it, LONGRANGEITER_SIZE);
  return it;
}

/** range_iter: the C-long iterator when start, stop, step and the length fit. */
export function rangeIter(self: PyObject): PyObject {
  const r = self as PyRange;
  const lstart = big(r.start);
  const lstop = big(r.stop);
  const lstep = big(r.step);
  if (fitsLong(lstart) && fitsLong(lstop) && fitsLong(lstep)) {
    const ulen = rangeLength(lstart, lstop, lstep);
    let ok = ulen <= LONG_MAX;
    if (ok && ulen > 0n) {
      if (lstep > 0n) ok = lstop <= LONG_MAX - (lstep - 1n);
      else ok = lstop >= LONG_MIN + (-1n - lstep);
    }
    if (ok) return fastRangeIter(lstart, lstep, ulen);
  }
  return longRangeIter(r.start, r.step, r.length);
}

/** range_reverse: range(start + (n-1)*step, start - step, -step) iterated. */
function rangeReverse(self: PyObject): PyObject {
  const r = self as PyRange;
  const lstart = big(r.start);
  const lstop = big(r.stop);
  const lstep = big(r.step);
  if (fitsLong(lstart) && fitsLong(lstop) && fitsLong(lstep) && lstep !== LONG_MIN) {
    const ulen = rangeLength(lstart, lstop, lstep);
    if (fitsLong(lstart - lstep) && ulen <= LONG_MAX) {
      const newStart = lstart + (ulen - 1n) * lstep;
      return fastRangeIter(ulen > 0n ? newStart : lstart - lstep, -lstep, ulen);
    }
  }
  const len = big(r.length);
  const start = newIntFromBigInt(big(r.start) + (len - 1n) * big(r.step));
  const step = newIntFromBigInt(-big(r.step));
  const it = longRangeIter(start, step, r.length);
  decref(start);
  decref(step);
  return it;
}

RangeIterType.iternext = (self) => {
  const it = self as PyRangeIter;
  if (!it.isBig) {
    if (it.index < it.len) return newInt(it.start + it.index++ * it.step);
    return null;
  }
  if (it.bigIndex < it.bigLen) {
    const v = it.bigStart + it.bigIndex * it.bigStep;
    it.bigIndex++;
    return newIntFromBigInt(v);
  }
  return null;
};
RangeIterType.iter = (self) => newRef(self);
RangeIterType.dealloc = freeObject;
staticTypeSpec(RangeIterType).methods.push({
  name: "__length_hint__",
  kind: "noargs",
  fn: (self) => {
    const it = self as PyRangeIter;
    return it.isBig ? newIntFromBigInt(it.bigLen - it.bigIndex) : newInt(it.len - it.index);
  },
  doc: "Private method returning an estimate of len(list(it)).",
});

LongRangeIterType.iternext = (self) => {
  const it = self as PyLongRangeIter;
  const index = big(it.index);
  if (!(index < big(it.len))) return null;
  const result = newIntFromBigInt(big(it.start) + index * big(it.step));
  const old = it.index;
  it.index = newIntFromBigInt(index + 1n);
  decref(old);
  return result;
};
LongRangeIterType.iter = (self) => newRef(self);
LongRangeIterType.dealloc = (self) => {
  const it = self as PyLongRangeIter;
  decref(it.index);
  decref(it.start);
  decref(it.step);
  decref(it.len);
  freeObject(it);
};
staticTypeSpec(LongRangeIterType).methods.push({
  name: "__length_hint__",
  kind: "noargs",
  fn: (self) => {
    const it = self as PyLongRangeIter;
    return newIntFromBigInt(big(it.len) - big(it.index));
  },
  doc: "Private method returning an estimate of len(list(it)).",
});

// ---------------------------------------------------------------------------------------
// The type

function rangeNew(_type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  if (kwargs !== null && kwargs.used !== 0) raise(TypeErrorType, "range() takes no keyword arguments");
  return newRange(args.items);
}

/** range_vectorcall: range(...) reads the caller's arguments; no argument tuple is built. */
function rangeVectorcall(_type: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (kwnames !== null && kwnames.items.length !== 0) raise(TypeErrorType, "range() takes no keyword arguments");
  return newRange(args, start, nargs);
}

RangeType.dealloc = rangeDealloc;
RangeType.vectorcall = rangeVectorcall;
RangeType.repr = rangeRepr;
RangeType.hash = rangeHash;
RangeType.richcompare = rangeRichCompare;
RangeType.iter = rangeIter;
RangeType.sqLength = rangeLen;
RangeType.sqItem = (self, i) => computeRangeItem(self as PyRange, BigInt(i));
RangeType.sqContains = rangeContains;
RangeType.mpLength = rangeLen;
RangeType.mpSubscript = rangeSubscript;
RangeType.nbBool = (self) => big((self as PyRange).length) !== 0n;
RangeType.new_ = rangeNew;
RangeType.doc =
  "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn an object that produces a sequence of integers from start (inclusive)\nto stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\nstart defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\nThese are exactly the valid indices for a list of 4 elements.\nWhen step is given, it specifies the increment (or decrement).";
const spec = staticTypeSpec(RangeType);
spec.methods.push(
  { name: "__reversed__", kind: "noargs", fn: rangeReverse, doc: "Return a reverse iterator." },
  { name: "count", kind: "o", fn: rangeCount, doc: "rangeobject.count(value) -> integer -- return number of occurrences of value" },
  { name: "index", kind: "o", fn: rangeIndex, doc: "rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if the value is not present." },
);
const members: MemberDef[] = [
  { name: "start", get: (s) => newRef((s as PyRange).start) },
  { name: "stop", get: (s) => newRef((s as PyRange).stop) },
  { name: "step", get: (s) => newRef((s as PyRange).step) },
];
spec.members.push(...members);

readyType(RangeType);
readyType(RangeIterType);
readyType(LongRangeIterType);
