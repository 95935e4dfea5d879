// Python/bltinmodule.c (3.11): PyZip_Type (zip_new, zip_next with its recycled result
// tuple and the strict=True checks), PyMap_Type (map_new, map_next with its small argument
// stack), PyFilter_Type (filter_new, filter_next).
//
// The three lazy iterator types that are builtins. Sizes are CPython's: zipobject is 48
// bytes (getsizeof 64 with the GC head), mapobject and filterobject 32 (48).

import { PyObject, type VisitProc } from "../runtime/object.js";
import { allocGCObject, freeGCObject, allocator } from "../runtime/heap.js";
import { gcTrack, gcUntrack } from "../runtime/gcstate.js";
import { decref, incref, newRef } from "../runtime/refcount.js";
import { PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE } from "../runtime/type.js";
import { newStaticType, readyType } from "../runtime/typeroots.js";
import { raise, TypeErrorType, ValueErrorType, StopIterationType } from "../runtime/exceptions.js";
import { getIter, isTrue, callObject, callOneArg } from "../runtime/abstract.js";
import { None } from "../runtime/singletons.js";
import type { PyStr } from "../runtime/str.js";
import { BoolType } from "../runtime/int.js";
import { tupleAllocForFill, tupleFromOwned, type PyTuple } from "../runtime/tuple.js";
import { dictEntry, dictLength, dictNext, type PyDict } from "../runtime/dict.js";
import { DOMAIN_MEM } from "../memory/index.js";
import { isPyError, clearError } from "./bltin_util.js";

/** sizeof(zipobject): head, tuplesize, ittuple, result, strict (padded). */
export const ZIP_BASICSIZE = 48;
/** sizeof(mapobject): head, iters, func. */
export const MAP_BASICSIZE = 32;
/** sizeof(filterobject): head, func, it. */
export const FILTER_BASICSIZE = 32;
/** _PY_FASTCALL_SMALL_STACK: map() passes up to this many items without allocating. */
const SMALL_STACK = 5;

const FLAGS = TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE;

/** PyType_GenericAlloc: GC memory of the type's size, tracked at once. */
function genericAlloc<T extends PyObject>(o: T, type: PyType): T {
  allocGCObject(o, type.basicsize);
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) incref(type);
  gcTrack(o);
  return o;
}

function kwargCount(kwargs: PyDict | null): number {
  return kwargs === null ? 0 : dictLength(kwargs);
}

/** tp_free once the fields are released (these deallocs use no trashcan, as in CPython). */
function finishDealloc(o: PyObject): void {
  freeGCObject(o);
}

// ---------------------------------------------------------------------------
// zip

export class PyZip extends PyObject {
  tuplesize: number;
  /** The argument iterators (a tuple, owned). */
  ittuple: PyTuple | null;
  /** The result tuple handed out again while nobody else holds it (owned). */
  result: PyTuple | null;
  strict: boolean;
  constructor(type: PyType) {
    super(type);
    this.tuplesize = 0;
    this.ittuple = null;
    this.result = null;
    this.strict = false;
  }
}

export const ZipType = newStaticType("zip", ZIP_BASICSIZE, 0, FLAGS);
ZipType.doc =
  "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n   >>> list(zip('abcdefg', range(3), range(4)))\n   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\nThe zip object yields n-length tuples, where n is the number of iterables\npassed as positional arguments to zip().  The i-th element in every tuple\ncomes from the i-th iterable argument to zip().  This continues until the\nshortest argument is exhausted.\n\nIf strict is true and one of the arguments is exhausted before the others,\nraise a ValueError.";

function zipNew(type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  let strict = false;
  if (kwargs !== null) {
    for (let pos = dictNext(kwargs, 0); pos >= 0; pos = dictNext(kwargs, pos)) {
      const name = (dictEntry.key as PyStr).value;
      if (name !== "strict") raise(TypeErrorType, `'${name}' is an invalid keyword argument for zip()`);
      strict = isTrue(dictEntry.value!);
    }
  }
  const n = args.items.length;
  const iters: PyObject[] = [];
  try {
    for (let i = 0; i < n; i++) iters.push(getIter(args.items[i]!));
  } catch (e) {
    for (const it of iters) decref(it);
    throw e;
  }
  const ittuple = tupleFromOwned(iters);
  const filler: PyObject[] = [];
  for (let i = 0; i < n; i++) filler.push(newRef(None));
  const result = tupleFromOwned(filler);
  const z = genericAlloc(new PyZip(type), type);
  z.ittuple = ittuple;
  z.tuplesize = n;
  z.result = result;
  z.strict = strict;
  return z;
}

/** One iterator's next item; with strict=True a StopIteration it raises counts as the end. */
function zipItem(it: PyObject, strict: boolean): PyObject | null {
  if (!strict) return it.type.iternext!(it);
  try {
    return it.type.iternext!(it);
  } catch (e) {
    if (!isPyError(e, StopIterationType)) throw e;
    clearError(e);
    return null;
  }
}

function zipNext(self: PyObject): PyObject | null {
  const z = self as PyZip;
  const n = z.tuplesize;
  if (n === 0) return null;
  const iters = z.ittuple!.items;
  let result = z.result!;
  let i = 0;
  if (result.refcnt === 1) {
    incref(result);
    for (; i < n; i++) {
      const item = zipItem(iters[i]!, z.strict);
      if (item === null) {
        decref(result);
        return z.strict ? zipStrictCheck(z, i) : null;
      }
      const old = result.items[i]!;
      result.items[i] = item;
      decref(old);
    }
    // bpo-42536: the collector may have untracked the recycled tuple.
    if (result.gcNext === null) gcTrack(result);
    return result;
  }
  const items: PyObject[] = [];
  for (; i < n; i++) {
    let item: PyObject | null;
    try {
      item = zipItem(iters[i]!, z.strict);
    } catch (e) {
      for (const x of items) decref(x);
      throw e;
    }
    if (item === null) {
      for (const x of items) decref(x);
      return z.strict ? zipStrictCheck(z, i) : null;
    }
    items.push(item);
  }
  result = tupleFromOwned(items);
  return result;
}

/** zip_next's `check:` label: argument `i` ran out first; compare with the others. */
function zipStrictCheck(z: PyZip, i: number): null {
  if (i > 0) {
    const plural = i === 1 ? " " : "s 1-";
    raise(ValueErrorType, `zip() argument ${i + 1} is shorter than argument${plural}${i}`);
  }
  const iters = z.ittuple!.items;
  for (let k = 1; k < z.tuplesize; k++) {
    const item = zipItem(iters[k]!, true);
    if (item !== null) {
      decref(item);
      const plural = k === 1 ? " " : "s 1-";
      raise(ValueErrorType, `zip() argument ${k + 1} is longer than argument${plural}${k}`);
    }
  }
  return null;
}

ZipType.new_ = zipNew;
ZipType.iter = (self) => newRef(self);
ZipType.iternext = zipNext;
ZipType.traverse = (self, visit: VisitProc, arg) => {
  const z = self as PyZip;
  if (z.ittuple !== null) visit(z.ittuple, arg);
  if (z.result !== null) visit(z.result, arg);
};
ZipType.dealloc = (self) => {
  const z = self as PyZip;
  gcUntrack(z);
  const ittuple = z.ittuple;
  const result = z.result;
  z.ittuple = null;
  z.result = null;
  if (ittuple !== null) decref(ittuple);
  if (result !== null) decref(result);
  finishDealloc(z);
};
readyType(ZipType);

// ---------------------------------------------------------------------------
// map

export class PyMap extends PyObject {
  /** Tuple of the argument iterators (owned). */
  iters: PyTuple | null;
  func: PyObject | null;
  constructor(type: PyType) {
    super(type);
    this.iters = null;
    this.func = null;
  }
}

export const MapType = newStaticType("map", MAP_BASICSIZE, 0, FLAGS);
MapType.doc =
  "map(func, *iterables) --> map object\n\nMake an iterator that computes the function using arguments from\neach of the iterables.  Stops when the shortest iterable is exhausted.";

function mapNew(type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  if ((type === MapType || type.init === MapType.init) && kwargCount(kwargs) !== 0) {
    raise(TypeErrorType, "map() takes no keyword arguments");
  }
  return mapFromArgs(type, args.items, 0, args.items.length);
}

/** map_new / map_vectorcall's body: the iterators tuple first (PyTuple_New), then the object. */
function mapFromArgs(type: PyType, args: PyObject[], start: number, n: number): PyObject {
  if (n < 2) raise(TypeErrorType, "map() must have at least two arguments.");
  const itersTuple = tupleAllocForFill(n - 1);
  const iters = itersTuple.items;
  try {
    for (let i = 1; i < n; i++) iters[i - 1] = getIter(args[start + i]!);
  } catch (e) {
    decref(itersTuple);
    throw e;
  }
  const m = genericAlloc(new PyMap(type), type);
  m.iters = itersTuple;
  m.func = newRef(args[start]!);
  return m;
}

/** map_vectorcall: map(f, *iterables) without an argument tuple. */
function mapVectorcall(type: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (type === MapType && kwnames !== null && kwnames.items.length !== 0) raise(TypeErrorType, "map() takes no keyword arguments");
  return mapFromArgs(type as PyType, args, start, nargs);
}

function mapNext(self: PyObject): PyObject | null {
  const m = self as PyMap;
  const iters = m.iters!.items;
  const niters = iters.length;
  // map_next's stack: a PyMem block when the items do not fit the small C stack array.
  const block = niters > SMALL_STACK ? allocator.malloc(DOMAIN_MEM, niters * 8) : 0;
  const stack: PyObject[] = [];
  try {
    for (let i = 0; i < niters; i++) {
      const it = iters[i]!;
      const val = it.type.iternext!(it);
      if (val === null) return null;
      stack.push(val);
    }
    return callObject(m.func!, stack, 0, niters, null);
  } finally {
    for (const v of stack) decref(v);
    if (block !== 0) allocator.free(DOMAIN_MEM, block);
  }
}

MapType.new_ = mapNew;
MapType.vectorcall = mapVectorcall;
MapType.iter = (self) => newRef(self);
MapType.iternext = mapNext;
MapType.traverse = (self, visit: VisitProc, arg) => {
  const m = self as PyMap;
  if (m.iters !== null) visit(m.iters, arg);
  if (m.func !== null) visit(m.func, arg);
};
MapType.dealloc = (self) => {
  const m = self as PyMap;
  gcUntrack(m);
  const iters = m.iters;
  const func = m.func;
  m.iters = null;
  m.func = null;
  if (iters !== null) decref(iters);
  if (func !== null) decref(func);
  finishDealloc(m);
};
readyType(MapType);

// ---------------------------------------------------------------------------
// filter

export class PyFilter extends PyObject {
  func: PyObject | null;
  it: PyObject | null;
  constructor(type: PyType) {
    super(type);
    this.func = null;
    this.it = null;
  }
}

export const FilterType = newStaticType("filter", FILTER_BASICSIZE, 0, FLAGS);
FilterType.doc =
  "filter(function or None, iterable) --> filter object\n\nReturn an iterator yielding those items of iterable for which function(item)\nis true. If function is None, return the items that are true.";

function filterNew(type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  if ((type === FilterType || type.init === FilterType.init) && kwargCount(kwargs) !== 0) {
    raise(TypeErrorType, "filter() takes no keyword arguments");
  }
  return filterFromArgs(type, args.items, 0, args.items.length);
}

function filterFromArgs(type: PyType, args: PyObject[], start: number, n: number): PyObject {
  if (n !== 2) raise(TypeErrorType, `filter expected 2 arguments, got ${n}`);
  const it = getIter(args[start + 1]!);
  const f = genericAlloc(new PyFilter(type), type);
  f.func = newRef(args[start]!);
  f.it = it;
  return f;
}

/** filter_vectorcall: filter(f, iterable) without an argument tuple. */
function filterVectorcall(type: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (type === FilterType && kwnames !== null && kwnames.items.length !== 0) raise(TypeErrorType, "filter() takes no keyword arguments");
  return filterFromArgs(type as PyType, args, start, nargs);
}

function filterNext(self: PyObject): PyObject | null {
  const f = self as PyFilter;
  const it = f.it!;
  const iternext = it.type.iternext!;
  const func = f.func!;
  const checkTrue = func === None || func === BoolType;
  for (;;) {
    const item = iternext(it);
    if (item === null) return null;
    let ok: boolean;
    try {
      if (checkTrue) {
        ok = isTrue(item);
      } else {
        const good = callOneArg(func, item);
        try {
          ok = isTrue(good);
        } finally {
          decref(good);
        }
      }
    } catch (e) {
      decref(item);
      throw e;
    }
    if (ok) return item;
    decref(item);
  }
}

FilterType.new_ = filterNew;
FilterType.vectorcall = filterVectorcall;
FilterType.iter = (self) => newRef(self);
FilterType.iternext = filterNext;
FilterType.traverse = (self, visit: VisitProc, arg) => {
  const f = self as PyFilter;
  if (f.func !== null) visit(f.func, arg);
  if (f.it !== null) visit(f.it, arg);
};
FilterType.dealloc = (self) => {
  const f = self as PyFilter;
  gcUntrack(f);
  const func = f.func;
  const it = f.it;
  f.func = null;
  f.it = null;
  if (func !== null) decref(func);
  if (it !== null) decref(it);
  finishDealloc(f);
};
readyType(FilterType);

