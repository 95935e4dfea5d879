// Objects/tupleobject.c (3.11): PyTuple_Type and PyTupleIter_Type. tuple_alloc with the
// per-size free lists (maybe_freelist_pop / maybe_freelist_push and the size-20 quirk),
// the static empty tuple, _PyTuple_MaybeUntrack, tupledealloc / tupletraverse, tuplehash,
// tuplerichcompare, tupleconcat / tuplerepeat / tupleslice / tuplesubscript, index / count,
// tuplerepr, _PyTuple_Resize; Objects/abstract.c: PySequence_Tuple (tuple(iterable)).
//
// This module is imported by almost every other runtime file (exceptions carry tuples), very
// early in the module graph, so it imports nothing that builds objects at load time: the
// object-protocol slots and methods (hash, repr, comparison, slicing, tuple(iterable)) are in
// tuplemethods.ts, which installs them. TupleType's other slots are set here.

import { PyObject, type VisitProc } from "./object.js";
import { allocator, allocGCObject, freeGCObject, GC_HEAD_SIZE, parkOnFreeList, preHeaderSize, registerFreeList, reviveFromFreeList, staticAddress } from "./heap.js";
import { DOMAIN_OBJ, formatFreeListLine } from "../memory/index.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, incref } from "./refcount.js";
import { markStatic, objectIsGC, PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE, TPFLAGS_TUPLE_SUBCLASS } from "./type.js";
import { newStaticType, readyType, staticTypeSpec, TPFLAGS_MATCH_SELF, TPFLAGS_SEQUENCE } from "./typeroots.js";
import { trashBegin, trashEnd } from "./trashcan.js";

/** sizeof(PyTupleObject) - sizeof(PyObject *): the header of a tuple of any length. */
export const TUPLE_HEADER_SIZE = 24;
/** PyTuple_NFREELISTS / PyTuple_MAXSAVESIZE */
const NFREELISTS = 20;
const MAXSAVESIZE = 20;
/** PyTuple_MAXFREELIST */
const MAXFREELIST = 2000;

export class PyTuple extends PyObject {
  /** ob_item; its length is ob_size. */
  items: PyObject[];
  constructor(type: PyType, items: PyObject[]) {
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
    this.items = items;
  }
}

export const TupleType = newStaticType(
  "tuple",
  TUPLE_HEADER_SIZE,
  8,
  TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE | TPFLAGS_TUPLE_SUBCLASS | TPFLAGS_MATCH_SELF | TPFLAGS_SEQUENCE,
);

/** The static `()`: never tracked, never freed. */
export const EMPTY_TUPLE = new PyTuple(TupleType, []);
EMPTY_TUPLE.address = staticAddress(TUPLE_HEADER_SIZE, true);
markStatic(EMPTY_TUPLE);

// Free lists: freeLists[n-1] holds parked tuples of length n (1..20), newest last.
const freeLists: PyTuple[][] = [];
for (let i = 0; i < NFREELISTS; i++) freeLists.push([]);

registerFreeList({
  clearRank: 0,
  statsRank: 3,
  clear(): void {
    for (const list of freeLists) {
      while (list.length > 0) freeGCObject(list.pop()!);
    }
  },
  statsLines(): string[] {
    const lines: string[] = [];
    for (let i = 0; i < NFREELISTS; i++) {
      lines.push(formatFreeListLine(freeLists[i]!.length, `${i + 1}-sized PyTupleObject`, TUPLE_HEADER_SIZE + 8 * (i + 1)));
    }
    return lines;
  },
});

/** Number of parked tuples of length n (for tests and the playground). */
export function tupleFreeListSize(n: number): number {
  return n >= 1 && n <= NFREELISTS ? freeLists[n - 1]!.length : 0;
}

/**
 * tuple_alloc: an untracked exact tuple of items.length (> 0) items, from the free list when
 * one of that size (below 20) is parked. Takes over `items`.
 */
export function tupleAlloc(items: PyObject[]): PyTuple {
  const size = items.length;
  if (size < MAXSAVESIZE) {
    const list = freeLists[size - 1]!;
    if (list.length > 0) {
      const t = list.pop()!;
      reviveFromFreeList(t);
      t.gcFlags = 0;
      t.items = items;
      return t;
    }
  }
  const t = new PyTuple(TupleType, items);
  allocGCObject(t, TUPLE_HEADER_SIZE + 8 * size);
  return t;
}

/** A new tuple that takes over the references in `items` (PyTuple_New + PyTuple_SET_ITEM). */
export function tupleFromOwned(items: PyObject[]): PyTuple {
  if (items.length === 0) {
    EMPTY_TUPLE.refcnt++;
    return EMPTY_TUPLE;
  }
  const t = tupleAlloc(items);
  gcTrack(t);
  return t;
}

/** _PyTuple_FromArray: a new tuple holding new references to items[start, end). */
export function tupleFromBorrowed(items: readonly PyObject[], start = 0, end = items.length): PyTuple {
  const n = end - start;
  if (n <= 0) {
    EMPTY_TUPLE.refcnt++;
    return EMPTY_TUPLE;
  }
  const copy = new Array<PyObject>(n);
  for (let i = 0; i < n; i++) {
    const o = items[start + i]!;
    incref(o);
    copy[i] = o;
  }
  const t = tupleAlloc(copy);
  gcTrack(t);
  return t;
}

/** PyTuple_Pack for two borrowed items (dict items, divmod results, ...). */
export function tuplePack2(a: PyObject, b: PyObject): PyTuple {
  incref(a);
  incref(b);
  return tupleFromOwned([a, b]);
}

/** tp_alloc of a tuple subtype (PyType_GenericAlloc): fresh memory, untracked. Takes over items. */
export function allocTupleOfType(type: PyType, items: PyObject[]): PyTuple {
  const t = new PyTuple(type, items);
  // PyType_GenericAlloc reserves one extra item (its "sentinel").
  allocGCObject(t, type.basicsize + 8 * (items.length + 1));
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) incref(type);
  return t;
}

export function isTuple(o: PyObject): o is PyTuple {
  return (o.type.flags & TPFLAGS_TUPLE_SUBCLASS) !== 0;
}

export function tupleEmpty(): PyTuple {
  EMPTY_TUPLE.refcnt++;
  return EMPTY_TUPLE;
}

/**
 * _PyTuple_Resize for a tuple only the caller knows (refcount 1): the struct is reallocated
 * in place in the allocator model (its address may move, as PyObject_GC_Resize's realloc
 * does). Items past the new length are released; new slots must be filled by the caller
 * before the tuple escapes. Returns the resulting tuple (possibly `()`).
 */
export function tupleResize(t: PyTuple, newSize: number): PyTuple {
  const oldSize = t.items.length;
  if (oldSize === newSize) return t;
  if (newSize === 0) {
    decref(t);
    return tupleEmpty();
  }
  if (t === EMPTY_TUPLE) {
    decref(t);
    const fresh = tupleAlloc(new Array<PyObject>(newSize));
    gcTrack(fresh);
    return fresh;
  }
  if (t.gcNext !== null) gcUntrack(t);
  const items = t.items;
  // Py_XDECREF: slots past the filled part of a tuple being built are still empty.
  for (let i = newSize; i < oldSize; i++) {
    const o = items[i];
    if (o !== undefined && o !== null) decref(o);
  }
  items.length = newSize;
  const pre = preHeaderSize(t.type);
  t.address = allocator.realloc(DOMAIN_OBJ, t.address - pre, t.type.basicsize + 8 * newSize + pre) + pre;
  gcTrack(t);
  return t;
}

// ---------------------------------------------------------------------------------------
// Lifecycle

/** _PyTuple_MaybeUntrack: the collector's untrack_tuples step. */
export function tupleMaybeUntrack(op: PyObject): void {
  if (op.type !== TupleType || op.gcNext === null) return;
  const items = (op as PyTuple).items;
  for (let i = 0; i < items.length; i++) {
    const elt = items[i];
    // A tuple still being filled is left alone.
    if (elt === undefined || elt === null) return;
    if (objectIsGC(elt) && (elt.type !== TupleType || elt.gcNext !== null)) return;
  }
  gcUntrack(op);
}

/** tupletraverse: last item first. */
export function tupleTraverse(self: PyObject, visit: VisitProc, arg: unknown): void {
  const items = (self as PyTuple).items;
  for (let i = items.length - 1; i >= 0; i--) {
    const o = items[i];
    if (o !== undefined && o !== null) visit(o, arg);
  }
}

/** tupledealloc: items released last to first, then the free list or the allocator. */
export function tupleDealloc(self: PyObject): void {
  const t = self as PyTuple;
  const n = t.items.length;
  if (n === 0 && t === EMPTY_TUPLE) return;
  gcUntrack(t);
  if (!trashBegin(t)) return;
  const items = t.items;
  for (let i = n - 1; i >= 0; i--) {
    const o = items[i];
    if (o !== undefined && o !== null) decref(o);
  }
  if (n > 0 && n <= NFREELISTS && t.type === TupleType && freeLists[n - 1]!.length < MAXFREELIST) {
    // The parked tuple keeps its length (ob_size) but no references.
    t.items = new Array<PyObject>(n);
    freeLists[n - 1]!.push(t);
    parkOnFreeList(t);
  } else {
    t.items = [];
    freeGCObject(t);
  }
  trashEnd();
}

TupleType.dealloc = tupleDealloc;
TupleType.traverse = tupleTraverse;

/** tp_sizeof: basicsize + 8 per item (getsizeof adds the GC head). */
export function tupleSizeOf(t: PyTuple): number {
  return t.type.basicsize + 8 * t.items.length;
}

/** sys.getsizeof of a tuple of n items. */
export function tupleGetSizeOf(n: number): number {
  return TUPLE_HEADER_SIZE + 8 * n + GC_HEAD_SIZE;
}

// ---------------------------------------------------------------------------------------
// Tuple iterator (PyTupleIter_Type)

export class PyTupleIter extends PyObject {
  index: number;
  /** it_seq; null once exhausted. */
  seq: PyTuple | null;
  constructor(seq: PyTuple) {
    super(null);
    // The header, written here so that the stores are monomorphic (see PyObject).
    this.refcnt = 1;
    this.type = TupleIterType;
    this.address = 0;
    this.gcNext = null;
    this.gcPrev = null;
    this.gcRefs = 0;
    this.gcFlags = 0;
    this.weakrefList = null;
    this.index = 0;
    this.seq = seq;
  }
}

export const TupleIterType = newStaticType("tuple_iterator", 32, 0, TPFLAGS_HAVE_GC);
TupleIterType.dealloc = (self) => {
  const it = self as PyTupleIter;
  gcUntrack(it);
  const seq = it.seq;
  it.seq = null;
  if (seq !== null) decref(seq);
  freeGCObject(it);
};
TupleIterType.traverse = (self, visit, arg) => {
  const seq = (self as PyTupleIter).seq;
  if (seq !== null) visit(seq, arg);
};
TupleIterType.iternext = (self) => {
  const it = self as PyTupleIter;
  const seq = it.seq;
  if (seq === null) return null;
  if (it.index < seq.items.length) {
    const item = seq.items[it.index++]!;
    incref(item);
    return item;
  }
  it.seq = null;
  decref(seq);
  return null;
};
TupleIterType.iter = (self) => {
  incref(self);
  return self;
};

/** tuple_iter */
export function tupleIter(seq: PyTuple): PyTupleIter {
  const it = new PyTupleIter(seq);
  incref(seq);
  allocGCObject(it, 32);
  gcTrack(it);
  return it;
}

/** __length_hint__ of a tuple iterator. */
export function tupleIterLength(it: PyTupleIter): number {
  return it.seq === null ? 0 : it.seq.items.length - it.index;
}

/** PyTuple_New(n) whose slots the caller fills (tracked, like CPython's). */
export function tupleAllocForFill(n: number): PyTuple {
  const t = tupleAlloc(new Array<PyObject>(n));
  gcTrack(t);
  return t;
}

TupleType.iter = (self) => tupleIter(self as PyTuple);
TupleType.sqLength = (self) => (self as PyTuple).items.length;
TupleType.mpLength = TupleType.sqLength;

readyType(TupleType);
readyType(TupleIterType);
