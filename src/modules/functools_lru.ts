// Modules/_functoolsmodule.c (3.11): lru_cache_type_spec (_lru_cache_wrapper) and
// lru_list_elem_type_spec — lru_cache_new, lru_cache_make_key (one exact int/str argument
// is its own key; otherwise the args tuple itself, or a new key tuple with kwd_mark and
// types), uncached/infinite/bounded_lru_cache_wrapper (links are non-GC 56-byte objects
// held twice, by their creation and by the cache dict; a full cache reuses its oldest
// link), cache_info, cache_clear (unlink the list, clear the dict, then drop the links
// oldest first), lru_cache_tp_traverse / tp_clear / dealloc, lru_cache_descr_get.
//
// Both are heap types in 3.11; heapscope keeps them static and visits the types in
// traverse as CPython does, so gc.get_referents lists the same objects.

import { PyObject, type VisitProc } from "../runtime/object.js";
import { allocObject, freeObject } from "../runtime/heap.js";
import { decref, incref, newRef, xdecref } from "../runtime/refcount.js";
import { PyType, TPFLAGS_HAVE_GC } from "../runtime/type.js";
import {
  newStaticType, readyType, TPFLAGS_DISALLOW_INSTANTIATION, TPFLAGS_METHOD_DESCRIPTOR, ObjectType,
} from "../runtime/typeroots.js";
import { addGetSets, addMethods } from "../runtime/descrobject.js";
import { raise, TypeErrorType, OverflowErrorType } from "../runtime/exceptions.js";
import { callObject, callWithTuple, getAttr, isTrue, numberAsSsize, objectHash, callNoArgs } from "../runtime/abstract.js";
import {
  dictClear, dictEntry, dictGetItemKnownHash, dictLength, dictNext, dictPop, dictSetItemKnownHash, newDict, type PyDict,
} from "../runtime/dict.js";
import { isExactInt, newIntSsize } from "../runtime/int.js";
import { isExactStr, staticStr } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import { tupleFromOwned, type PyTuple } from "../runtime/tuple.js";
import { hashResult } from "../runtime/values/pyhash.js";
import { objectDictGetSet } from "../runtime/typeobject.js";
import { vectorcallToTupleDict } from "../runtime/slotdefs.js";
import { newMethod } from "../runtime/classobject.js";
import { parseArgs } from "../runtime/getargs.js";
import { allocTracked, freeTracked, untrackAndClearWeakrefs } from "./nativetype_util.js";

/** sizeof(lru_list_elem): head, prev, next, hash, key, result. */
export const LRU_ELEM_BASICSIZE = 56;
/** sizeof(lru_cache_object). */
export const LRU_BASICSIZE = 152;

export class PyLruElem extends PyObject {
  prev: PyLruElem | null;
  next: PyLruElem | null;
  hashHi: number;
  hashLo: number;
  key: PyObject | null;
  result: PyObject | null;
  constructor(type: PyType) {
    super(type);
    this.prev = null;
    this.next = null;
    this.hashHi = 0;
    this.hashLo = 0;
    this.key = null;
    this.result = null;
  }
}

export const LruElemType = newStaticType("functools._lru_list_elem", LRU_ELEM_BASICSIZE, 0, TPFLAGS_DISALLOW_INSTANTIATION);
LruElemType.dealloc = (self) => {
  const link = self as PyLruElem;
  const key = link.key, result = link.result;
  link.key = null;
  link.result = null;
  xdecref(key);
  xdecref(result);
  freeObject(link);
};
readyType(LruElemType);

const WRAPPER_UNCACHED = 0, WRAPPER_INFINITE = 1, WRAPPER_BOUNDED = 2;

export class PyLruCache extends PyObject {
  /** The embedded root link: root.next is the oldest entry, root.prev the newest. */
  root: PyLruElem;
  wrapper: number;
  typed: boolean;
  cache: PyDict | null;
  hits: number;
  func: PyObject | null;
  /** -1 for maxsize=None. */
  maxsize: number;
  misses: number;
  kwdMark: PyObject | null;
  cacheInfoType: PyObject | null;
  dict: PyDict | null;
  constructor(type: PyType) {
    super(type);
    // The root is part of the wrapper's own struct: a JS object with no memory of its own.
    this.root = new PyLruElem(LruElemType);
    this.root.prev = this.root;
    this.root.next = this.root;
    this.wrapper = WRAPPER_UNCACHED;
    this.typed = false;
    this.cache = null;
    this.hits = 0;
    this.func = null;
    this.maxsize = 0;
    this.misses = 0;
    this.kwdMark = null;
    this.cacheInfoType = null;
    this.dict = null;
  }
}

export const LruCacheType = newStaticType(
  "functools._lru_cache_wrapper", LRU_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_METHOD_DESCRIPTOR,
);
LruCacheType.dictoffset = 136;
LruCacheType.weaklistoffset = 144;
LruCacheType.doc =
  "Create a cached callable that wraps another function.\n\nuser_function:      the function being cached\n\nmaxsize:  0         for no caching\n          None      for unlimited cache size\n          n         for a bounded cache\n\ntyped:    False     cache f(3) and f(3.0) as identical calls\n          True      cache f(3) and f(3.0) as distinct calls\n\ncache_info_type:    namedtuple class with the fields:\n                        hits misses currsize maxsize\n";

/** The module's kwd_mark (a plain object()), made when _functools is first imported. */
let kwdMark: PyObject | null = null;

export function functoolsKwdMark(): PyObject {
  if (kwdMark === null) kwdMark = callNoArgs(ObjectType);
  return kwdMark;
}

const LRU_PARAMS = ["user_function", "maxsize", "typed", "cache_info_type"];

function lruNew(type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  const values: PyObject[] = args.items.slice();
  let kwnames: PyTuple | null = null;
  if (kwargs !== null && dictLength(kwargs) !== 0) {
    const names: PyObject[] = [];
    for (let pos = dictNext(kwargs, 0); pos >= 0; pos = dictNext(kwargs, pos)) {
      names.push(newRef(dictEntry.key!));
      values.push(dictEntry.value!);
    }
    kwnames = tupleFromOwned(names);
  }
  let parsed: (PyObject | null)[];
  try {
    parsed = parseArgs("lru_cache", values, 0, args.items.length, kwnames, LRU_PARAMS, 4);
  } finally {
    xdecref(kwnames);
  }
  const func = parsed[0]!;
  const maxsizeO = parsed[1]!;
  const typed = isTrue(parsed[2]!);
  const cacheInfoType = parsed[3]!;
  if (func.type.call === null) raise(TypeErrorType, "the first argument must be callable");
  let wrapper: number;
  let maxsize: number;
  if (maxsizeO === None) {
    wrapper = WRAPPER_INFINITE;
    maxsize = -1;
  } else if (maxsizeO.type.nbIndex !== null) {
    maxsize = numberAsSsize(maxsizeO, OverflowErrorType);
    if (maxsize < 0) maxsize = 0;
    wrapper = maxsize === 0 ? WRAPPER_UNCACHED : WRAPPER_BOUNDED;
  } else {
    raise(TypeErrorType, "maxsize should be integer or None");
  }
  const cache = newDict();
  const obj = allocTracked(new PyLruCache(type), type);
  obj.cache = cache;
  obj.wrapper = wrapper;
  obj.typed = typed;
  obj.cacheInfoType = newRef(cacheInfoType);
  obj.func = newRef(func);
  obj.maxsize = maxsize;
  obj.kwdMark = newRef(functoolsKwdMark());
  return obj;
}

/** lru_cache_make_key (new reference). */
function makeKey(self: PyLruCache, args: PyTuple, kwds: PyDict | null): PyObject {
  const kwdsSize = kwds === null ? 0 : dictLength(kwds);
  const items = args.items;
  if (!self.typed && kwdsSize === 0) {
    if (items.length === 1) {
      const key = items[0]!;
      // Common scalar keys do without the enclosing tuple.
      if (isExactInt(key) || isExactStr(key)) return newRef(key);
    }
    return newRef(args);
  }
  const key: PyObject[] = [];
  for (const item of items) key.push(newRef(item));
  if (kwdsSize !== 0) {
    key.push(newRef(self.kwdMark!));
    for (let pos = dictNext(kwds!, 0); pos >= 0; pos = dictNext(kwds!, pos)) {
      key.push(newRef(dictEntry.key!));
      key.push(newRef(dictEntry.value!));
    }
  }
  if (self.typed) {
    for (const item of items) key.push(newRef(item.type));
    if (kwdsSize !== 0) {
      for (let pos = dictNext(kwds!, 0); pos >= 0; pos = dictNext(kwds!, pos)) key.push(newRef(dictEntry.value!.type));
    }
  }
  return tupleFromOwned(key);
}

function extractLink(link: PyLruElem): void {
  link.prev!.next = link.next;
  link.next!.prev = link.prev;
}

function appendLink(self: PyLruCache, link: PyLruElem): void {
  const root = self.root;
  const last = root.prev!;
  last.next = link;
  root.prev = link;
  link.prev = last;
  link.next = root;
}

function infiniteWrapper(self: PyLruCache, args: PyTuple, kwds: PyDict | null): PyObject {
  const key = makeKey(self, args, kwds);
  try {
    objectHash(key);
    const hi = hashResult.hi, lo = hashResult.lo;
    const hit = dictGetItemKnownHash(self.cache!, key, hi, lo);
    if (hit !== null) {
      self.hits++;
      return newRef(hit);
    }
    self.misses++;
    const result = callWithTuple(self.func!, args, kwds);
    try {
      dictSetItemKnownHash(self.cache!, key, result, hi, lo);
    } catch (e) {
      decref(result);
      throw e;
    }
    return result;
  } finally {
    decref(key);
  }
}

function boundedWrapper(self: PyLruCache, args: PyTuple, kwds: PyDict | null): PyObject {
  const key = makeKey(self, args, kwds);
  let hi: number, lo: number;
  let result: PyObject;
  try {
    objectHash(key);
    hi = hashResult.hi;
    lo = hashResult.lo;
    const found = dictGetItemKnownHash(self.cache!, key, hi, lo);
    if (found !== null) {
      const link = found as PyLruElem;
      extractLink(link);
      appendLink(self, link);
      self.hits++;
      decref(key);
      return newRef(link.result!);
    }
    self.misses++;
    result = callWithTuple(self.func!, args, kwds);
  } catch (e) {
    decref(key);
    throw e;
  }
  let testresult: PyObject | null;
  try {
    testresult = dictGetItemKnownHash(self.cache!, key, hi, lo);
  } catch (e) {
    decref(key);
    decref(result);
    throw e;
  }
  if (testresult !== null) {
    // Added while the user function ran: the link is already in place.
    decref(key);
    return result;
  }
  const cache = self.cache!;
  const root = self.root;
  if (dictLength(cache) < self.maxsize || root.next === root) {
    const link = new PyLruElem(LruElemType);
    allocObject(link, LRU_ELEM_BASICSIZE);
    link.hashHi = hi;
    link.hashLo = lo;
    link.key = key;
    link.result = result;
    try {
      dictSetItemKnownHash(cache, key, link, hi, lo);
    } catch (e) {
      decref(link);
      throw e;
    }
    appendLink(self, link);
    return newRef(result);
  }
  // Full: the oldest link is taken out and reused for the new entry.
  const link = root.next!;
  extractLink(link);
  const popresult = dictPop(cache, link.key!, None);
  if (popresult === None) {
    // Removed during the call: the orphaned link is dropped.
    decref(popresult);
    decref(link);
    decref(key);
    return result;
  }
  const oldkey = link.key!;
  const oldresult = link.result!;
  link.hashHi = hi;
  link.hashLo = lo;
  link.key = key;
  link.result = result;
  try {
    dictSetItemKnownHash(cache, key, link, hi, lo);
  } catch (e) {
    decref(popresult);
    decref(link);
    decref(oldkey);
    decref(oldresult);
    throw e;
  }
  appendLink(self, link);
  incref(result);
  // The old key and result go last, when the cache is consistent again.
  decref(popresult);
  decref(oldkey);
  decref(oldresult);
  return result;
}

function lruCallTuple(self: PyLruCache, args: PyTuple, kwds: PyDict | null): PyObject {
  switch (self.wrapper) {
    case WRAPPER_INFINITE:
      return infiniteWrapper(self, args, kwds);
    case WRAPPER_BOUNDED:
      return boundedWrapper(self, args, kwds);
    default:
      self.misses++;
      return callWithTuple(self.func!, args, kwds);
  }
}

function lruCall(callable: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const [tuple, kwargs] = vectorcallToTupleDict(args, start, nargs, kwnames);
  try {
    return lruCallTuple(callable as PyLruCache, tuple, kwargs);
  } finally {
    decref(tuple);
    xdecref(kwargs);
  }
}

/** lru_cache_unlink_list: the links oldest first, the list left empty. */
function unlinkList(self: PyLruCache): PyLruElem[] {
  const root = self.root;
  const links: PyLruElem[] = [];
  for (let link = root.next!; link !== root; link = link.next!) links.push(link);
  root.next = root;
  root.prev = root;
  return links;
}

function clearList(links: PyLruElem[]): void {
  for (const link of links) {
    link.prev = null;
    link.next = null;
    decref(link);
  }
}

function lruCacheInfo(self: PyObject): PyObject {
  const c = self as PyLruCache;
  const items: PyObject[] = [
    newIntSsize(c.hits), newIntSsize(c.misses),
    c.maxsize === -1 ? newRef(None) : newIntSsize(c.maxsize), newIntSsize(dictLength(c.cache!)),
  ];
  try {
    return callObject(c.cacheInfoType!, items, 0, 4, null);
  } finally {
    for (const o of items) decref(o);
  }
}

function lruCacheClear(self: PyObject): PyObject {
  const c = self as PyLruCache;
  const links = unlinkList(c);
  c.hits = 0;
  c.misses = 0;
  dictClear(c.cache!);
  clearList(links);
  return newRef(None);
}

function lruTraverse(self: PyObject, visit: VisitProc, arg: unknown): void {
  const c = self as PyLruCache;
  if (self.type === LruCacheType) visit(LruCacheType, arg);
  const root = c.root;
  for (let link = root.next!; link !== root; link = link.next!) {
    if (link.key !== null) visit(link.key, arg);
    if (link.result !== null) visit(link.result, arg);
    visit(LruElemType, arg);
  }
  if (c.cache !== null) visit(c.cache, arg);
  if (c.func !== null) visit(c.func, arg);
  if (c.kwdMark !== null) visit(c.kwdMark, arg);
  visit(LruElemType, arg);
  if (c.cacheInfoType !== null) visit(c.cacheInfoType, arg);
  if (c.dict !== null) visit(c.dict, arg);
}

function lruClear(self: PyObject): void {
  const c = self as PyLruCache;
  const links = unlinkList(c);
  const cache = c.cache, func = c.func, mark = c.kwdMark, info = c.cacheInfoType, dict = c.dict;
  c.cache = null;
  xdecref(cache);
  c.func = null;
  xdecref(func);
  c.kwdMark = null;
  xdecref(mark);
  c.cacheInfoType = null;
  xdecref(info);
  c.dict = null;
  xdecref(dict);
  clearList(links);
}

LruCacheType.new_ = lruNew;
LruCacheType.call = lruCall;
LruCacheType.descrGet = (self, obj) => (obj === null || obj === None ? newRef(self) : newMethod(self, obj));
LruCacheType.traverse = lruTraverse;
LruCacheType.clear = lruClear;
LruCacheType.dealloc = (self) => {
  untrackAndClearWeakrefs(self);
  lruClear(self);
  freeTracked(self);
};
readyType(LruCacheType);
addMethods(LruCacheType, [
  { name: "cache_info", kind: "noargs", fn: lruCacheInfo, doc: "Report cache statistics" },
  { name: "cache_clear", kind: "noargs", fn: lruCacheClear, doc: "Clear the cache and cache statistics" },
  { name: "__reduce__", kind: "noargs", fn: (self) => getAttr(self, staticStr("__qualname__")) },
  { name: "__copy__", kind: "noargs", fn: (self) => newRef(self) },
  { name: "__deepcopy__", kind: "o", fn: (self) => newRef(self) },
]);
addGetSets(LruCacheType, [
  { name: "__dict__", get: (o) => objectDictGetSet.get(o), set: (o, v) => objectDictGetSet.set!(o, v) },
]);
