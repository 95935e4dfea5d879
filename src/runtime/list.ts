// Objects/listobject.c (3.11): PyList_Type, PyListIter_Type, PyListRevIter_Type.
// list_resize and list_preallocate_exact (the capacity rules of every construction path),
// PyList_New / list_new_prealloc and the 80-entry free list, ins1 / append / extend, the
// slice machinery (list_slice, list_ass_slice, list_subscript, list_ass_subscript), sort,
// reverse, index / count / remove / pop, list_richcompare, list_repr, list_dealloc (trashcan,
// items last to first) and list_traverse.
//
// Memory model: `items` is a JS array of exactly ob_size entries; `allocated` is CPython's
// capacity and `itemsAddress` the MEM-domain block of 8 * allocated bytes (0 = NULL),
// reallocated exactly when list_resize reallocates.

import { PyObject, type VisitProc } from "./object.js";
import { allocator, allocGCObject, freeGCObject, parkOnFreeList, registerFreeList, reviveFromFreeList } from "./heap.js";
import { DOMAIN_MEM, formatFreeListLine } from "../memory/index.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, incref, newRef } from "./refcount.js";
import {
  CMP_EQ, CMP_LT, CMP_NE, PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE, TPFLAGS_LIST_SUBCLASS,
} from "./type.js";
import { newStaticType, readyType, staticTypeSpec, TPFLAGS_MATCH_SELF, TPFLAGS_SEQUENCE } from "./typeroots.js";
import { trashBegin, trashEnd } from "./trashcan.js";
import { isTuple, PyTuple, tupleFromBorrowed, TupleType } from "./tuple.js";
import { compareLengths } from "./tuplemethods.js";
import {
  callOneArg, getIter, hasIndex, isSequence, iterNext, lengthHint, numberIndexAsNumber, objectRepr, reprEnter, reprLeave, richCompare,
  richCompareBool,
} from "./abstract.js";
import { IndexErrorType, MemoryErrorType, newExceptionFromOwnedArgs, OverflowErrorType, PyRaise, raise, raiseOwned, TypeErrorType, ValueErrorType } from "./exceptions.js";
import { newStr } from "./str.js";
import { intToBigInt, isInt, newIntSsize, type PyInt } from "./int.js";
import { newBool } from "./bool.js";
import { None, NotImplemented } from "./singletons.js";
import { sliceBounds, sliceGetIndices, SliceType, type PySlice } from "./sliceobject.js";
import { checkPositional, noKeywords } from "./getargs.js";
import { sliceIndexNotNone, SSIZE_MAX } from "./sequtil.js";
import type { PyDict } from "./dict.js";

/** sizeof(PyListObject) */
export const LIST_BASICSIZE = 40;
const MAXFREELIST = 80;

export class PyList extends PyObject {
  /** ob_item[0 .. ob_size) */
  items: PyObject[];
  /** CPython's capacity; -1 while a sort runs. */
  allocated: number;
  /** The MEM-domain item array (0 when ob_item is NULL). */
  itemsAddress: number;

  constructor(type: PyType) {
    super(null);
    // The header, written here so that the stores are monomorphic (see PyObject).
    this.refcnt = 1;
    this.type = type;
    this.address = 0;
    this.gcNext = null;
    this.gcPrev = null;
    this.gcRefs = 0;
    this.gcFlags = 0;
    this.weakrefList = null;
    this.items = [];
    this.allocated = 0;
    this.itemsAddress = 0;
  }
}

export const ListType = newStaticType(
  "list",
  LIST_BASICSIZE,
  0,
  TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE | TPFLAGS_LIST_SUBCLASS | TPFLAGS_MATCH_SELF | TPFLAGS_SEQUENCE,
);

const freeList: PyList[] = [];

registerFreeList({
  clearRank: 2,
  statsRank: 2,
  clear(): void {
    while (freeList.length > 0) freeGCObject(freeList.pop()!);
  },
  statsLines(): string[] {
    return [formatFreeListLine(freeList.length, "PyListObject", LIST_BASICSIZE)];
  },
});

export function listFreeListSize(): number {
  return freeList.length;
}

export function isList(o: PyObject): o is PyList {
  return (o.type.flags & TPFLAGS_LIST_SUBCLASS) !== 0;
}

// ---------------------------------------------------------------------------------------
// Item-array memory

/** PyMem_Realloc of the item array to `capacity` slots (PyMem_Realloc(NULL, n) mallocs). */
function reallocItems(l: PyList, capacity: number): void {
  const bytes = 8 * capacity;
  l.itemsAddress = l.itemsAddress === 0 ? allocator.malloc(DOMAIN_MEM, bytes) : allocator.realloc(DOMAIN_MEM, l.itemsAddress, bytes);
  l.allocated = capacity;
}

/** PyMem_Free of the item array; ob_item becomes NULL. */
function freeItems(l: PyList): void {
  if (l.itemsAddress !== 0) allocator.free(DOMAIN_MEM, l.itemsAddress);
  l.itemsAddress = 0;
  l.allocated = 0;
}

/**
 * list_resize's capacity decision for a new length (the JS array is adjusted by the caller):
 * nothing when cap/2 <= newsize <= cap, else the over-allocating formula, with the
 * "big jump" and empty cases.
 */
export function listResize(l: PyList, newsize: number): void {
  const allocated = l.allocated;
  if (allocated >= newsize && newsize >= allocated >> 1) return;
  let newAllocated = (newsize + (newsize >> 3) + 6) & ~3;
  if (newsize - l.items.length > newAllocated - newsize) newAllocated = (newsize + 3) & ~3;
  if (newsize === 0) newAllocated = 0;
  reallocItems(l, newAllocated);
}

/** list_preallocate_exact: an exact (even-rounded) array for a list whose ob_item is NULL. */
function preallocateExact(l: PyList, size: number): void {
  size = (size + 1) & ~1;
  l.itemsAddress = allocator.malloc(DOMAIN_MEM, 8 * size);
  l.allocated = size;
}

// ---------------------------------------------------------------------------------------
// Construction

/** The list header: from the free list or fresh GC memory (PyList_New's first half). */
function listHeader(): PyList {
  if (freeList.length > 0) {
    const l = freeList.pop()!;
    reviveFromFreeList(l);
    l.gcFlags = 0;
    return l;
  }
  const l = new PyList(ListType);
  allocGCObject(l, LIST_BASICSIZE);
  return l;
}

/**
 * PyList_New(n): a tracked list of length n whose items array holds n empty slots the caller
 * must fill with owned references before the list is used (BUILD_LIST's calloc'd array).
 */
export function newList(n: number): PyList {
  const l = listHeader();
  l.items = new Array<PyObject>(n);
  if (n > 0) {
    l.itemsAddress = allocator.calloc(DOMAIN_MEM, n, 8);
    l.allocated = n;
  } else {
    l.itemsAddress = 0;
    l.allocated = 0;
  }
  gcTrack(l);
  return l;
}

/** BUILD_LIST: PyList_New(n) filled with the given owned references. */
export function listFromOwned(items: PyObject[]): PyList {
  const l = newList(0);
  const n = items.length;
  if (n > 0) {
    l.itemsAddress = allocator.calloc(DOMAIN_MEM, n, 8);
    l.allocated = n;
  }
  l.items = items;
  return l;
}

/** PyList_New(n) filled with new references to the given items. */
export function listFromBorrowed(items: readonly PyObject[]): PyList {
  const copy = new Array<PyObject>(items.length);
  for (let i = 0; i < items.length; i++) copy[i] = newRef(items[i]!);
  return listFromOwned(copy);
}

/** list_new_prealloc: an empty list with an exact array of `size` (> 0) slots. */
function listNewPrealloc(size: number): PyList {
  const l = newList(0);
  l.itemsAddress = allocator.malloc(DOMAIN_MEM, 8 * size);
  l.allocated = size;
  return l;
}

/** A list made from copies of items[lo, hi) through list_new_prealloc (slices, copy, concat). */
function listFromSliceOf(items: readonly PyObject[], lo: number, hi: number): PyList {
  const len = hi - lo;
  if (len <= 0) return newList(0);
  const l = listNewPrealloc(len);
  const out = new Array<PyObject>(len);
  for (let i = 0; i < len; i++) out[i] = newRef(items[lo + i]!);
  l.items = out;
  return l;
}

/**
 * PyType_GenericAlloc for list and its subclasses (tp_new of list): fresh GC memory, never
 * the free list, tracked at once; a heap type gains a reference from its instance.
 */
export function allocListOfType(type: PyType): PyList {
  const l = new PyList(type);
  allocGCObject(l, type.basicsize);
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) incref(type);
  gcTrack(l);
  return l;
}

// ---------------------------------------------------------------------------------------
// Growth

/** _PyList_AppendTakeRef: append, taking over `v`. */
export function listAppendOwned(l: PyList, v: PyObject): void {
  const n = l.items.length;
  if (l.allocated > n) {
    l.items.push(v);
    return;
  }
  try {
    listResize(l, n + 1);
  } catch (e) {
    decref(v);
    throw e;
  }
  l.items.push(v);
}

/** PyList_Append: `v` is borrowed. */
export function listAppend(l: PyList, v: PyObject): void {
  incref(v);
  listAppendOwned(l, v);
}

/** ins1 / PyList_Insert (borrowed v). */
export function listInsert(l: PyList, where: number, v: PyObject): void {
  const n = l.items.length;
  listResize(l, n + 1);
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  incref(v);
  l.items.splice(where, 0, v);
}

/**
 * list_extend: exact lists and tuples (and the list itself) are copied in one resize (or an
 * exact preallocation when the list has no array); other iterables are presized by their
 * length hint (8 by default) and trimmed afterwards.
 */
export function listExtend(l: PyList, iterable: PyObject, fromStarUnpack = false): void {
  if (!fromStarUnpack) {
    listExtendImpl(l, iterable);
    return;
  }
  // LIST_EXTEND ([*x]): a TypeError from a non-iterable gets the unpacking message.
  try {
    listExtendImpl(l, iterable);
  } catch (e) {
    if (isTypeError(e) && iterable.type.iter === null && !isSequence(iterable)) {
      dropError(e);
      raise(TypeErrorType, `Value after * must be an iterable, not ${iterable.type.name}`);
    }
    throw e;
  }
}

function listExtendImpl(l: PyList, iterable: PyObject): void {
  if (iterable.type === ListType || iterable.type === TupleType || iterable === l) {
    const src = (iterable as PyList | PyTuple).items;
    const n = src.length;
    if (n === 0) return;
    const m = l.items.length;
    if (l.itemsAddress === 0) preallocateExact(l, n);
    else listResize(l, m + n);
    // Snapshot first: for l.extend(l) the source grows while copying.
    const copy = src.slice(0, n);
    for (let i = 0; i < n; i++) {
      const o = copy[i]!;
      incref(o);
      l.items.push(o);
    }
    return;
  }
  const it = getIter(iterable);
  try {
    const n = lengthHint(iterable, 8);
    const m = l.items.length;
    if (m > SSIZE_MAX - n) {
      // The hint overflowed: ignore it.
    } else if (l.itemsAddress === 0) {
      if (n !== 0) preallocateExact(l, n);
    } else {
      listResize(l, m + n);
    }
    for (;;) {
      const item = iterNext(it);
      if (item === null) break;
      if (l.items.length < l.allocated) l.items.push(item);
      else listAppendOwned(l, item);
    }
    if (l.items.length < l.allocated) listResize(l, l.items.length);
  } finally {
    decref(it);
  }
}

/** PyList_AsTuple */
export function listAsTuple(l: PyList): PyTuple {
  return tupleFromBorrowed(l.items);
}

/** PySequence_List: list(iterable) as the C API builds it (empty list, then extend). */
export function sequenceList(v: PyObject): PyList {
  const l = newList(0);
  try {
    listExtend(l, v);
  } catch (e) {
    decref(l);
    throw e;
  }
  return l;
}

// ---------------------------------------------------------------------------------------
// Clearing, slices

/** _list_clear: empties first, then releases the old items last to first and the array. */
export function listClear(l: PyList): void {
  if (l.itemsAddress === 0 && l.items.length === 0) return;
  const items = l.items;
  const address = l.itemsAddress;
  l.items = [];
  l.itemsAddress = 0;
  l.allocated = 0;
  for (let i = items.length - 1; i >= 0; i--) decref(items[i]!);
  if (address !== 0) allocator.free(DOMAIN_MEM, address);
}

/** list_slice (indices already clipped): a new list. */
export function listSlice(l: PyList, ilow: number, ihigh: number): PyList {
  return listFromSliceOf(l.items, ilow, ihigh);
}

/** PyList_GetSlice */
export function listGetSlice(l: PyList, ilow: number, ihigh: number): PyList {
  const n = l.items.length;
  if (ilow < 0) ilow = 0;
  else if (ilow > n) ilow = n;
  if (ihigh < ilow) ihigh = ilow;
  else if (ihigh > n) ihigh = n;
  return listSlice(l, ilow, ihigh);
}

/** PySequence_Fast's items for slice assignment: a list or tuple as is, else a new list. */
function fastItems(v: PyObject, message: string): { items: PyObject[]; owner: PyObject } {
  if (v.type === ListType || v.type === TupleType || isList(v) || isTuple(v)) {
    incref(v);
    return { items: (v as PyList | PyTuple).items, owner: v };
  }
  let l: PyList;
  try {
    l = sequenceList(v);
  } catch (e) {
    if (isTypeError(e)) {
      dropError(e);
      raise(TypeErrorType, message);
    }
    throw e;
  }
  return { items: l.items, owner: l };
}

/**
 * list_ass_slice: a[ilow:ihigh] = v (v null deletes). The list is back in shape before any
 * removed item is released (last to first), as CPython's "recycle" array ensures.
 */
export function listAssSlice(a: PyList, ilow: number, ihigh: number, v: PyObject | null): void {
  if (v === a) {
    const copy = listSlice(a, 0, a.items.length);
    try {
      listAssSlice(a, ilow, ihigh, copy);
    } finally {
      decref(copy);
    }
    return;
  }
  let vitems: PyObject[] = [];
  let owner: PyObject | null = null;
  if (v !== null) {
    const fast = fastItems(v, "can only assign an iterable");
    vitems = fast.items;
    owner = fast.owner;
  }
  try {
    const size = a.items.length;
    const n = vitems.length;
    if (ilow < 0) ilow = 0;
    else if (ilow > size) ilow = size;
    if (ihigh < ilow) ihigh = ilow;
    else if (ihigh > size) ihigh = size;
    const norig = ihigh - ilow;
    const d = n - norig;
    if (size + d === 0) {
      listClear(a);
      return;
    }
    const recycle = a.items.slice(ilow, ihigh);
    if (d < 0) {
      listResize(a, size + d);
    } else if (d > 0) {
      listResize(a, size + d);
    }
    const inserted = new Array<PyObject>(n);
    for (let k = 0; k < n; k++) inserted[k] = newRef(vitems[k]!);
    a.items.splice(ilow, norig, ...inserted);
    for (let k = norig - 1; k >= 0; k--) decref(recycle[k]!);
  } finally {
    if (owner !== null) decref(owner);
  }
}

/** list_ass_item: IndexError "list assignment index out of range". */
export function listAssItem(a: PyList, i: number, v: PyObject | null): void {
  if (i < 0 || i >= a.items.length) raise(IndexErrorType, "list assignment index out of range");
  if (v === null) {
    listAssSlice(a, i, i + 1, null);
    return;
  }
  incref(v);
  const old = a.items[i]!;
  a.items[i] = v;
  decref(old);
}

/** list_item: IndexError "list index out of range". */
export function listItem(self: PyObject, i: number): PyObject {
  const items = (self as PyList).items;
  if (i < 0 || i >= items.length) raise(IndexErrorType, "list index out of range");
  return newRef(items[i]!);
}

/** list_subscript */
export function listSubscript(self: PyObject, item: PyObject): PyObject {
  const l = self as PyList;
  if (hasIndex(item)) {
    let i = numberIndexAsNumber(item, IndexErrorType);
    if (i < 0) i += l.items.length;
    return listItem(l, i);
  }
  if (item.type === SliceType) {
    const sl = item as PySlice;
    const len = sliceGetIndices(sl, l.items.length);
    if (len <= 0) return newList(0);
    const start = sliceBounds.start;
    const step = sliceBounds.step;
    if (step === 1) return listSlice(l, start, sliceBounds.stop);
    const result = listNewPrealloc(len);
    const out = new Array<PyObject>(len);
    for (let cur = start, i = 0; i < len; cur += step, i++) out[i] = newRef(l.items[cur]!);
    result.items = out;
    return result;
  }
  raise(TypeErrorType, `list indices must be integers or slices, not ${item.type.name}`);
}

/** list_ass_subscript (value null deletes), extended slices included. */
export function listAssSubscript(self: PyObject, item: PyObject, value: PyObject | null): void {
  const l = self as PyList;
  if (hasIndex(item)) {
    let i = numberIndexAsNumber(item, IndexErrorType);
    if (i < 0) i += l.items.length;
    listAssItem(l, i, value);
    return;
  }
  if (item.type !== SliceType) raise(TypeErrorType, `list indices must be integers or slices, not ${item.type.name}`);
  const sl = item as PySlice;
  const slicelength = sliceGetIndices(sl, l.items.length);
  let start = sliceBounds.start;
  let stop = sliceBounds.stop;
  let step = sliceBounds.step;
  if (step === 1) {
    listAssSlice(l, start, stop, value);
    return;
  }
  if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
  if (value === null) {
    if (slicelength <= 0) return;
    if (step < 0) {
      stop = start + 1;
      start = stop + step * (slicelength - 1) - 1;
      step = -step;
    }
    // The garbage array CPython mallocs for the removed items.
    const garbageAddress = allocator.malloc(DOMAIN_MEM, 8 * slicelength);
    const garbage: PyObject[] = [];
    const kept: PyObject[] = [];
    const items = l.items;
    for (let i = 0; i < items.length; i++) {
      if (i >= start && i < stop && (i - start) % step === 0 && garbage.length < slicelength) garbage.push(items[i]!);
      else kept.push(items[i]!);
    }
    l.items = kept;
    // list_resize sees ob_size already reduced.
    const newSize = kept.length;
    const allocated = l.allocated;
    if (!(allocated >= newSize && newSize >= allocated >> 1)) {
      let newAllocated = (newSize + (newSize >> 3) + 6) & ~3;
      if (newSize === 0) newAllocated = 0;
      reallocItems(l, newAllocated);
    }
    for (let i = 0; i < garbage.length; i++) decref(garbage[i]!);
    allocator.free(DOMAIN_MEM, garbageAddress);
    return;
  }
  let seqItems: PyObject[];
  let owner: PyObject;
  if (value === l) {
    const copy = listSlice(l, 0, l.items.length);
    seqItems = copy.items;
    owner = copy;
  } else {
    const fast = fastItems(value, "must assign iterable to extended slice");
    seqItems = fast.items;
    owner = fast.owner;
  }
  try {
    if (seqItems.length !== slicelength) {
      raise(ValueErrorType, `attempt to assign sequence of size ${seqItems.length} to extended slice of size ${slicelength}`);
    }
    if (slicelength === 0) return;
    const garbageAddress = allocator.malloc(DOMAIN_MEM, 8 * slicelength);
    const garbage = new Array<PyObject>(slicelength);
    for (let cur = start, i = 0; i < slicelength; cur += step, i++) {
      garbage[i] = l.items[cur]!;
      l.items[cur] = newRef(seqItems[i]!);
    }
    for (let i = 0; i < slicelength; i++) decref(garbage[i]!);
    allocator.free(DOMAIN_MEM, garbageAddress);
  } finally {
    decref(owner);
  }
}

// ---------------------------------------------------------------------------------------
// Object protocol

/** list_repr: "[...]" for a list reached again inside its own repr. */
export function listRepr(self: PyObject): PyObject {
  const l = self as PyList;
  if (l.items.length === 0) return newStr("[]");
  if (reprEnter(l)) return newStr("[...]");
  try {
    let out = "[";
    // The list may change while item reprs run: re-read its length every time.
    for (let i = 0; i < l.items.length; i++) {
      if (i > 0) out += ", ";
      const item = l.items[i]!;
      incref(item);
      let s: PyObject;
      try {
        s = objectRepr(item);
      } finally {
        decref(item);
      }
      out += (s as PyObject & { value: string }).value;
      decref(s);
    }
    return newStr(out + "]");
  } finally {
    reprLeave(l);
  }
}

/** list_contains */
export function listContains(self: PyObject, el: PyObject): boolean {
  const l = self as PyList;
  for (let i = 0; i < l.items.length; i++) {
    const item = l.items[i]!;
    incref(item);
    let cmp: boolean;
    try {
      cmp = richCompareBool(item, el, CMP_EQ);
    } finally {
      decref(item);
    }
    if (cmp) return true;
  }
  return false;
}

/** list_richcompare */
export function listRichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!isList(v) || !isList(w)) return newRef(NotImplemented);
  if (v.items.length !== w.items.length && (op === CMP_EQ || op === CMP_NE)) return newBool(op !== CMP_EQ);
  let i = 0;
  for (; i < v.items.length && i < w.items.length; i++) {
    const vi = v.items[i]!;
    const wi = w.items[i]!;
    if (vi === wi) continue;
    incref(vi);
    incref(wi);
    let k: boolean;
    try {
      k = richCompareBool(vi, wi, CMP_EQ);
    } finally {
      decref(vi);
      decref(wi);
    }
    if (!k) break;
  }
  if (i >= v.items.length || i >= w.items.length) return newBool(compareLengths(v.items.length, w.items.length, op));
  if (op === CMP_EQ) return newBool(false);
  if (op === CMP_NE) return newBool(true);
  return richCompare(v.items[i]!, w.items[i]!, op);
}

/** list_concat */
export function listConcat(self: PyObject, bb: PyObject): PyObject {
  if (!isList(bb)) raise(TypeErrorType, `can only concatenate list (not "${bb.type.name}") to list`);
  const a = self as PyList;
  const size = a.items.length + bb.items.length;
  if (size === 0) return newList(0);
  const np = listNewPrealloc(size);
  const out = new Array<PyObject>(size);
  let j = 0;
  for (const o of a.items) out[j++] = newRef(o);
  for (const o of bb.items) out[j++] = newRef(o);
  np.items = out;
  return np;
}

/** list_repeat: an exact array of len * n slots. */
export function listRepeat(self: PyObject, n: number): PyObject {
  const a = self as PyList;
  if (n < 0) n = 0;
  const len = a.items.length;
  if (n > 0 && len > Math.floor(SSIZE_MAX / n)) raiseNoMemory();
  const size = len * n;
  if (size === 0) return newList(0);
  if (size > 0x7fffffff) raiseNoMemory();
  const np = listNewPrealloc(size);
  const out = new Array<PyObject>(size);
  for (let k = 0; k < len; k++) a.items[k]!.refcnt += n;
  for (let i = 0; i < size; i++) out[i] = a.items[i % len]!;
  np.items = out;
  return np;
}

function raiseNoMemory(): never {
  raiseOwned(newExceptionFromOwnedArgs(MemoryErrorType, tupleFromBorrowed([])));
}

/** list_inplace_concat (+=) */
export function listInplaceConcat(self: PyObject, other: PyObject): PyObject {
  listExtend(self as PyList, other);
  return newRef(self);
}

/** list_inplace_repeat (*=) */
export function listInplaceRepeat(self: PyObject, n: number): PyObject {
  const l = self as PyList;
  const size = l.items.length;
  if (size === 0 || n === 1) return newRef(l);
  if (n < 1) {
    listClear(l);
    return newRef(l);
  }
  if (size > Math.floor(SSIZE_MAX / n) || size * n > 0x7fffffff) raiseNoMemory();
  listResize(l, size * n);
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < size; j++) {
      const o = l.items[j]!;
      incref(o);
      l.items.push(o);
    }
  }
  return newRef(l);
}

/** list_traverse: last item first. */
export function listTraverse(self: PyObject, visit: VisitProc, arg: unknown): void {
  const items = (self as PyList).items;
  for (let i = items.length - 1; i >= 0; i--) visit(items[i]!, arg);
}

/** list_dealloc: items released last to first, array freed, header to the free list. */
export function listDealloc(self: PyObject): void {
  const l = self as PyList;
  gcUntrack(l);
  if (!trashBegin(l)) return;
  const items = l.items;
  if (l.itemsAddress !== 0 || items.length !== 0) {
    for (let i = items.length - 1; i >= 0; i--) decref(items[i]!);
    if (l.itemsAddress !== 0) allocator.free(DOMAIN_MEM, l.itemsAddress);
  }
  l.items = [];
  l.itemsAddress = 0;
  l.allocated = 0;
  if (freeList.length < MAXFREELIST && l.type === ListType) {
    freeList.push(l);
    parkOnFreeList(l);
  } else {
    freeGCObject(l);
  }
  trashEnd();
}

/** list.__sizeof__: basicsize + 8 per allocated slot. */
export function listSizeOf(l: PyList): number {
  return l.type.basicsize + 8 * Math.max(l.allocated, 0);
}

// ---------------------------------------------------------------------------------------
// Methods

/** list.pop([index]) */
export function listPop(l: PyList, index: number): PyObject {
  const n = l.items.length;
  if (n === 0) raise(IndexErrorType, "pop from empty list");
  if (index < 0) index += n;
  if (index < 0 || index >= n) raise(IndexErrorType, "pop index out of range");
  const v = l.items[index]!;
  if (index === n - 1) {
    listResize(l, n - 1);
    l.items.length = n - 1;
    return v;
  }
  incref(v);
  try {
    listAssSlice(l, index, index + 1, null);
  } catch (e) {
    decref(v);
    throw e;
  }
  return v;
}

/** list.remove(x) */
export function listRemove(l: PyList, value: PyObject): void {
  for (let i = 0; i < l.items.length; i++) {
    const obj = l.items[i]!;
    incref(obj);
    let cmp: boolean;
    try {
      cmp = richCompareBool(obj, value, CMP_EQ);
    } finally {
      decref(obj);
    }
    if (cmp) {
      listAssSlice(l, i, i + 1, null);
      return;
    }
  }
  raise(ValueErrorType, "list.remove(x): x not in list");
}

/** list.index(x[, start[, stop]]) */
export function listIndex(l: PyList, value: PyObject, start: number, stop: number): number {
  if (start < 0) {
    start += l.items.length;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += l.items.length;
    if (stop < 0) stop = 0;
  }
  for (let i = start; i < stop && i < l.items.length; i++) {
    const obj = l.items[i]!;
    incref(obj);
    let cmp: boolean;
    try {
      cmp = richCompareBool(obj, value, CMP_EQ);
    } finally {
      decref(obj);
    }
    if (cmp) return i;
  }
  const r = objectRepr(value) as PyObject & { value: string };
  const text = r.value;
  decref(r);
  raise(ValueErrorType, `${text} is not in list`);
}

/** list.count(x) */
export function listCount(l: PyList, value: PyObject): number {
  let count = 0;
  for (let i = 0; i < l.items.length; i++) {
    const obj = l.items[i]!;
    if (obj === value) {
      count++;
      continue;
    }
    incref(obj);
    let cmp: boolean;
    try {
      cmp = richCompareBool(obj, value, CMP_EQ);
    } finally {
      decref(obj);
    }
    if (cmp) count++;
  }
  return count;
}

/** list.reverse() */
export function listReverse(l: PyList): void {
  if (l.items.length > 1) l.items.reverse();
}

/**
 * list.sort(*, key=None, reverse=False): the list is emptied while sorting (so mutations are
 * detected: "list modified during sort"), keys are computed first, and the stable merge sort
 * compares only with `<` through richCompareBool; an exception from a comparison or key
 * function leaves the items in a valid (partially sorted) order and propagates.
 */
export function listSort(self: PyList, keyfunc: PyObject | null, reverse: boolean): void {
  if (keyfunc === None) keyfunc = null;
  const savedItems = self.items;
  const savedAllocated = self.allocated;
  const savedAddress = self.itemsAddress;
  const n = savedItems.length;
  self.items = [];
  self.itemsAddress = 0;
  self.allocated = -1;
  let keys: PyObject[] | null = null;
  let keysAddress = 0;
  let failure: unknown = null;
  let failed = false;
  try {
    if (keyfunc !== null) {
      if (n >= 128) keysAddress = allocator.malloc(DOMAIN_MEM, 8 * n);
      keys = [];
      for (let i = 0; i < n; i++) keys.push(callOneArg(keyfunc, savedItems[i]!));
    }
    if (n > 1) {
      // Reverse first and sort stably, then reverse back: equal items keep their order.
      if (reverse) savedItems.reverse();
      if (keys !== null) {
        if (reverse) keys.reverse();
        const order = new Array<number>(n);
        for (let i = 0; i < n; i++) order[i] = i;
        const ks = keys;
        order.sort((x, y) => (richCompareBool(ks[x]!, ks[y]!, CMP_LT) ? -1 : 0));
        const sortedItems = order.map((i) => savedItems[i]!);
        const sortedKeys = order.map((i) => ks[i]!);
        for (let i = 0; i < n; i++) {
          savedItems[i] = sortedItems[i]!;
          ks[i] = sortedKeys[i]!;
        }
      } else {
        const copy = savedItems.slice();
        copy.sort((x, y) => (richCompareBool(x, y, CMP_LT) ? -1 : 0));
        for (let i = 0; i < n; i++) savedItems[i] = copy[i]!;
      }
      if (reverse) savedItems.reverse();
    }
  } catch (e) {
    failed = true;
    failure = e;
  }
  if (keys !== null) {
    for (let i = 0; i < keys.length; i++) decref(keys[i]!);
    if (keysAddress !== 0) allocator.free(DOMAIN_MEM, keysAddress);
  }
  const modified = self.allocated !== -1;
  const finalItems = self.items;
  const finalAddress = self.itemsAddress;
  self.items = savedItems;
  self.allocated = savedAllocated;
  self.itemsAddress = savedAddress;
  for (let i = finalItems.length - 1; i >= 0; i--) decref(finalItems[i]!);
  if (finalAddress !== 0) allocator.free(DOMAIN_MEM, finalAddress);
  if (failed) throw failure;
  if (modified) raise(ValueErrorType, "list modified during sort");
}

// ---------------------------------------------------------------------------------------
// Iterators

export class PyListIter extends PyObject {
  index: number;
  seq: PyList | null;
  constructor(type: PyType, seq: PyList, index: number) {
    super(null);
    // The header, written here so that the stores are monomorphic (see PyObject).
    this.refcnt = 1;
    this.type = type;
    this.address = 0;
    this.gcNext = null;
    this.gcPrev = null;
    this.gcRefs = 0;
    this.gcFlags = 0;
    this.weakrefList = null;
    this.index = index;
    this.seq = seq;
  }
}

/** sizeof(listiterobject) == sizeof(listreviterobject) */
const LISTITER_SIZE = 32;

export const ListIterType = newStaticType("list_iterator", LISTITER_SIZE, 0, TPFLAGS_HAVE_GC);
export const ListRevIterType = newStaticType("list_reverseiterator", LISTITER_SIZE, 0, TPFLAGS_HAVE_GC);

function listIterDealloc(self: PyObject): void {
  const it = self as PyListIter;
  gcUntrack(it);
  const seq = it.seq;
  it.seq = null;
  if (seq !== null) decref(seq);
  freeGCObject(it);
}

function listIterTraverse(self: PyObject, visit: VisitProc, arg: unknown): void {
  const seq = (self as PyListIter).seq;
  if (seq !== null) visit(seq, arg);
}

function selfIter(self: PyObject): PyObject {
  return newRef(self);
}

function listIterNext(self: PyObject): PyObject | null {
  const it = self as PyListIter;
  const seq = it.seq;
  if (seq === null) return null;
  if (it.index < seq.items.length) return newRef(seq.items[it.index++]!);
  it.seq = null;
  decref(seq);
  return null;
}

function listRevIterNext(self: PyObject): PyObject | null {
  const it = self as PyListIter;
  const seq = it.seq;
  if (seq === null) return null;
  const index = it.index;
  if (index >= 0 && index < seq.items.length) {
    it.index--;
    return newRef(seq.items[index]!);
  }
  it.index = -1;
  it.seq = null;
  decref(seq);
  return null;
}

/** list_iter */
export function listIter(seq: PyObject): PyObject {
  const it = new PyListIter(ListIterType, seq as PyList, 0);
  incref(seq);
  allocGCObject(it, LISTITER_SIZE);
  gcTrack(it);
  return it;
}

/** list.__reversed__ */
export function listReversed(seq: PyList): PyObject {
  const it = new PyListIter(ListRevIterType, seq, seq.items.length - 1);
  incref(seq);
  allocGCObject(it, LISTITER_SIZE);
  gcTrack(it);
  return it;
}

for (const t of [ListIterType, ListRevIterType]) {
  t.dealloc = listIterDealloc;
  t.traverse = listIterTraverse;
  t.iter = selfIter;
}
ListIterType.iternext = listIterNext;
ListRevIterType.iternext = listRevIterNext;
staticTypeSpec(ListIterType).methods.push({
  name: "__length_hint__",
  kind: "noargs",
  fn: (self) => {
    const it = self as PyListIter;
    const len = it.seq === null ? 0 : it.seq.items.length - it.index;
    return newIntSsize(len >= 0 ? len : 0);
  },
  doc: "Private method returning an estimate of len(list(it)).",
});
staticTypeSpec(ListRevIterType).methods.push({
  name: "__length_hint__",
  kind: "noargs",
  fn: (self) => {
    const it = self as PyListIter;
    let len = it.index + 1;
    if (it.seq === null || it.seq.items.length < len) len = 0;
    return newIntSsize(len);
  },
  doc: "Private method returning an estimate of len(list(it)).",
});

// ---------------------------------------------------------------------------------------
// The type

/** tp_new (PyType_GenericNew) */
function listNew(type: PyType, _args: PyTuple, _kwargs: PyDict | null): PyObject {
  return allocListOfType(type);
}

/** list_vectorcall: a fresh list, then list.__init__'s body; no argument tuple is built. */
function listVectorcall(type: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (kwnames !== null && kwnames.items.length !== 0) raise(TypeErrorType, "list() takes no keyword arguments");
  if (nargs > 1) raise(TypeErrorType, `list expected at most 1 argument, got ${nargs}`);
  const l = allocListOfType(type as PyType);
  if (nargs === 1) {
    try {
      listExtend(l, args[start]!);
    } catch (e) {
      decref(l);
      throw e;
    }
  }
  return l;
}

/** list.__init__(iterable=()) */
function listInit(self: PyObject, args: PyTuple, kwargs: PyDict | null): void {
  if (self.type === ListType && kwargs !== null && kwargs.used !== 0) raise(TypeErrorType, "list() takes no keyword arguments");
  const nargs = args.items.length;
  if (nargs > 1) raise(TypeErrorType, `list expected at most 1 argument, got ${nargs}`);
  const l = self as PyList;
  if (l.itemsAddress !== 0 || l.items.length !== 0) listClear(l);
  if (nargs === 1) listExtend(l, args.items[0]!);
}

/** The `bool(accept={int})` converter of sort(reverse=...): ints only, as a C int. */
function reverseFlag(v: PyObject): boolean {
  if (!isInt(v)) raise(TypeErrorType, `'${v.type.name}' object cannot be interpreted as an integer`);
  const b = intToBigInt(v as PyInt);
  if (b > 2147483647n || b < -2147483648n) raise(OverflowErrorType, "Python int too large to convert to C int");
  return b !== 0n;
}

function none(): PyObject {
  return newRef(None);
}

function indexArg(o: PyObject): number {
  return numberIndexAsNumber(o, null);
}

ListType.dealloc = listDealloc;
ListType.traverse = listTraverse;
ListType.clear = (self) => listClear(self as PyList);
ListType.repr = listRepr;
ListType.richcompare = listRichCompare;
ListType.iter = listIter;
ListType.sqLength = (self) => (self as PyList).items.length;
ListType.sqConcat = listConcat;
ListType.sqRepeat = listRepeat;
ListType.sqItem = listItem;
ListType.sqContains = listContains;
ListType.sqInplaceConcat = listInplaceConcat;
ListType.sqInplaceRepeat = listInplaceRepeat;
ListType.mpLength = ListType.sqLength;
ListType.mpSubscript = listSubscript;
ListType.mpAssSubscript = listAssSubscript;
ListType.new_ = listNew;
ListType.init = listInit;
ListType.vectorcall = listVectorcall;
ListType.doc = "Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.\nThe argument must be an iterable if specified.";
// list is unhashable: tp_hash is PyObject_HashNotImplemented (set by abstract.ts's users through hash === null).

staticTypeSpec(ListType).methods.push(
  { name: "__getitem__", kind: "o", fn: listSubscript, doc: "x.__getitem__(y) <==> x[y]" },
  { name: "__reversed__", kind: "noargs", fn: (self) => listReversed(self as PyList), doc: "Return a reverse iterator over the list." },
  { name: "__sizeof__", kind: "noargs", fn: (self) => newIntSsize(listSizeOf(self as PyList)), doc: "Return the size of the list in memory, in bytes." },
  { name: "clear", kind: "noargs", fn: (self) => (listClear(self as PyList), none()), doc: "Remove all items from list." },
  { name: "copy", kind: "noargs", fn: (self) => listSlice(self as PyList, 0, (self as PyList).items.length), doc: "Return a shallow copy of the list." },
  { name: "append", kind: "o", fn: (self, o) => (listAppend(self as PyList, o), none()), doc: "Append object to the end of the list." },
  {
    name: "insert",
    kind: "fastcall",
    fn: (self, args, start, nargs, kwnames) => {
      noKeywords("insert", kwnames);
      checkPositional("insert", nargs, 2, 2);
      listInsert(self as PyList, indexArg(args[start]!), args[start + 1]!);
      return none();
    },
    doc: "Insert object before index.",
  },
  { name: "extend", kind: "o", fn: (self, o) => (listExtend(self as PyList, o), none()), doc: "Extend list by appending elements from the iterable." },
  {
    name: "pop",
    kind: "fastcall",
    fn: (self, args, start, nargs, kwnames) => {
      noKeywords("pop", kwnames);
      checkPositional("pop", nargs, 0, 1);
      return listPop(self as PyList, nargs === 1 ? indexArg(args[start]!) : -1);
    },
    doc: "Remove and return item at index (default last).\n\nRaises IndexError if list is empty or index is out of range.",
  },
  { name: "remove", kind: "o", fn: (self, o) => (listRemove(self as PyList, o), none()), doc: "Remove first occurrence of value.\n\nRaises ValueError if the value is not present." },
  {
    name: "index",
    kind: "fastcall",
    fn: (self, args, start, nargs, kwnames) => {
      noKeywords("index", kwnames);
      checkPositional("index", nargs, 1, 3);
      const lo = nargs > 1 ? sliceIndexNotNone(args[start + 1]!) : 0;
      const hi = nargs > 2 ? sliceIndexNotNone(args[start + 2]!) : SSIZE_MAX;
      return newIntSsize(listIndex(self as PyList, args[start]!, lo, hi));
    },
    doc: "Return first index of value.\n\nRaises ValueError if the value is not present.",
  },
  { name: "count", kind: "o", fn: (self, o) => newIntSsize(listCount(self as PyList, o)), doc: "Return number of occurrences of value." },
  { name: "reverse", kind: "noargs", fn: (self) => (listReverse(self as PyList), none()), doc: "Reverse *IN PLACE*." },
  {
    name: "sort",
    kind: "fastcall",
    fn: (self, args, start, nargs, kwnames) => {
      if (nargs > 0) raise(TypeErrorType, "sort() takes no positional arguments");
      let key: PyObject | null = null;
      let reverse = false;
      if (kwnames !== null) {
        for (let i = 0; i < kwnames.items.length; i++) {
          const name = (kwnames.items[i] as PyObject & { value: string }).value;
          const value = args[start + i]!;
          if (name === "key") key = value;
          else if (name === "reverse") reverse = reverseFlag(value);
          else raise(TypeErrorType, `'${name}' is an invalid keyword argument for sort()`);
        }
      }
      listSort(self as PyList, key, reverse);
      return none();
    },
    doc: "Sort the list in ascending order and return None.\n\nThe sort is in-place (i.e. the list itself is modified) and stable (i.e. the\norder of two equal elements is maintained).\n\nIf a key function is given, apply it once to each list item and sort them,\nascending or descending, according to their function values.\n\nThe reverse flag can be set to sort in descending order.",
  },
);

readyType(ListType);
readyType(ListIterType);
readyType(ListRevIterType);

function isTypeError(e: unknown): e is PyRaise {
  return e instanceof PyRaise && e.exception.type.isSubtypeOf(TypeErrorType);
}

function dropError(e: PyRaise): void {
  decref(e.exception);
}
