// Modules/_collectionsmodule.c (3.11), the deque half: dequeobject (216 bytes: var head,
// left/right block and index, state, maxlen, the per-deque cache of up to 16 free blocks,
// weakreflist), newblock/freeblock, deque_new, deque_append/appendleft (and their maxlen
// trims), pop/popleft, deque_extend/extendleft (with the "start filling from one side"
// heuristic), deque_clear (empty the deque onto a fresh block before releasing items left to
// right), _deque_rotate, reverse, count, contains, index, insert, remove, item get/set/del,
// dealloc, traverse, repr, richcompare, init, sizeof, concat/repeat, copy, reduce, and the
// two iterator types.
//
// Each block is a PyMem (MEM-domain) allocation of 528 bytes (two links and 64 item slots),
// so tracemalloc and sys.getsizeof see CPython's numbers.

import { CLASS_GETITEM_DEF } from "../runtime/genericaliasobject.js";
import { PyObject } from "../runtime/object.js";
import { allocGCObject, freeGCObject, allocator } from "../runtime/heap.js";
import { DOMAIN_MEM } from "../memory/index.js";
import { gcTrack, gcUntrack } from "../runtime/gcstate.js";
import { decref, incref, newRef } from "../runtime/refcount.js";
import {
  CMP_EQ, CMP_GE, CMP_GT, CMP_LE, CMP_LT, CMP_NE, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE, type PyType,
} from "../runtime/type.js";
import { hashNotImplemented, newStaticType, readyType, TPFLAGS_SEQUENCE } from "../runtime/typeroots.js";
import { addGetSets, addMethods } from "../runtime/descrobject.js";
import type { GetSetDef, MethodDef } from "../runtime/methoddef.js";
import {
  IndexErrorType, MemoryErrorType, RuntimeErrorType, TypeErrorType, ValueErrorType, raise,
} from "../runtime/exceptions.js";
import { False, True, newIntSsize } from "../runtime/int.js";
import { newStr, staticStr } from "../runtime/str.js";
import { None, NotImplemented } from "../runtime/singletons.js";
import { tupleFromOwned, type PyTuple } from "../runtime/tuple.js";
import { sequenceList, type PyList } from "../runtime/list.js";
import type { PyDict } from "../runtime/dict.js";
import {
  callObject, getIter, hasIndex, isInstance, iterNext, lookupAttr, numberAsSsize, objectRepr, reprEnter,
  reprLeave, richCompareBool,
} from "../runtime/abstract.js";
import { checkPositional, noKeywords, parseArgs } from "../runtime/getargs.js";
import { sliceIndexNotNone } from "../runtime/sequtil.js";
import { clearWeakrefs } from "../runtime/weakref.js";

export const BLOCKLEN = 64;
const CENTER = (BLOCKLEN - 1) >> 1;
const MAXFREEBLOCKS = 16;
/** sizeof(block): leftlink, 64 item pointers, rightlink. */
export const BLOCK_SIZE = 16 + BLOCKLEN * 8;
/** sizeof(dequeobject) */
export const DEQUE_BASICSIZE = 216;
/** sizeof(dequeiterobject): head, b, index, deque, state, counter. */
const DEQUEITER_BASICSIZE = 56;

export class DequeBlock {
  data: (PyObject | null)[];
  leftlink: DequeBlock | null;
  rightlink: DequeBlock | null;
  address: number;

  constructor(address: number) {
    this.data = new Array<PyObject | null>(BLOCKLEN).fill(null);
    this.leftlink = null;
    this.rightlink = null;
    this.address = address;
  }
}

export class PyDeque extends PyObject {
  /** Py_SIZE */
  size: number;
  leftblock: DequeBlock | null;
  rightblock: DequeBlock | null;
  leftindex: number;
  rightindex: number;
  /** Bumped by every mutation, so iterators notice. */
  state: number;
  /** -1 = unbounded */
  maxlen: number;
  freeblocks: DequeBlock[];

  constructor(type: PyType) {
    super(type);
    this.size = 0;
    this.leftblock = null;
    this.rightblock = null;
    this.leftindex = 0;
    this.rightindex = 0;
    this.state = 0;
    this.maxlen = -1;
    this.freeblocks = [];
  }
}

export const DequeType = newStaticType("collections.deque", DEQUE_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE | TPFLAGS_SEQUENCE);
DequeType.weaklistoffset = 208;

export function isDeque(o: PyObject): o is PyDeque {
  return o.type === DequeType || o.type.isSubtypeOf(DequeType);
}

function newblock(d: PyDeque): DequeBlock {
  const cached = d.freeblocks.pop();
  if (cached !== undefined) return cached;
  return new DequeBlock(allocator.malloc(DOMAIN_MEM, BLOCK_SIZE));
}

function freeblock(d: PyDeque, b: DequeBlock): void {
  b.leftlink = null;
  b.rightlink = null;
  if (d.freeblocks.length < MAXFREEBLOCKS) d.freeblocks.push(b);
  else allocator.free(DOMAIN_MEM, b.address);
}

/** deque_new: tracked at once, one empty block centred. */
export function dequeNewObject(type: PyType): PyDeque {
  const d = new PyDeque(type);
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) type.refcnt++;
  allocGCObject(d, type.basicsize);
  gcTrack(d);
  const b = newblock(d);
  d.leftblock = b;
  d.rightblock = b;
  d.leftindex = CENTER + 1;
  d.rightindex = CENTER;
  return d;
}

// ---------------------------------------------------------------------------
// The ends.

/** deque_pop (steals nothing; returns the reference the deque held). */
export function dequePop(d: PyDeque): PyObject {
  if (d.size === 0) raise(IndexErrorType, "pop from an empty deque");
  const rb = d.rightblock!;
  const item = rb.data[d.rightindex]!;
  rb.data[d.rightindex] = null;
  d.rightindex--;
  d.size--;
  d.state++;
  if (d.rightindex < 0) {
    if (d.size > 0) {
      const prev = rb.leftlink!;
      freeblock(d, rb);
      prev.rightlink = null;
      d.rightblock = prev;
      d.rightindex = BLOCKLEN - 1;
    } else {
      d.leftindex = CENTER + 1;
      d.rightindex = CENTER;
    }
  }
  return item;
}

export function dequePopLeft(d: PyDeque): PyObject {
  if (d.size === 0) raise(IndexErrorType, "pop from an empty deque");
  const lb = d.leftblock!;
  const item = lb.data[d.leftindex]!;
  lb.data[d.leftindex] = null;
  d.leftindex++;
  d.size--;
  d.state++;
  if (d.leftindex === BLOCKLEN) {
    if (d.size > 0) {
      const next = lb.rightlink!;
      freeblock(d, lb);
      next.leftlink = null;
      d.leftblock = next;
      d.leftindex = 0;
    } else {
      d.leftindex = CENTER + 1;
      d.rightindex = CENTER;
    }
  }
  return item;
}

/** deque_append_internal: takes over `item`; a full bounded deque drops its left end. */
export function dequeAppendOwned(d: PyDeque, item: PyObject, maxlen: number): void {
  if (d.rightindex === BLOCKLEN - 1) {
    const b = newblock(d);
    b.leftlink = d.rightblock;
    d.rightblock!.rightlink = b;
    d.rightblock = b;
    d.rightindex = -1;
  }
  d.size++;
  d.rightindex++;
  d.rightblock!.data[d.rightindex] = item;
  if (maxlen >= 0 && d.size > maxlen) decref(dequePopLeft(d));
  else d.state++;
}

function dequeAppendLeftOwned(d: PyDeque, item: PyObject, maxlen: number): void {
  if (d.leftindex === 0) {
    const b = newblock(d);
    b.rightlink = d.leftblock;
    d.leftblock!.leftlink = b;
    d.leftblock = b;
    d.leftindex = BLOCKLEN;
  }
  d.size++;
  d.leftindex--;
  d.leftblock!.data[d.leftindex] = item;
  if (maxlen >= 0 && d.size > maxlen) decref(dequePop(d));
  else d.state++;
}

/** consume_iterator + finalize_iterator (maxlen=0 deques only drain their input). */
function consume(it: PyObject): PyObject {
  try {
    for (let item = iterNext(it); item !== null; item = iterNext(it)) decref(item);
  } finally {
    decref(it);
  }
  return newRef(None);
}

/** deque_extend */
export function dequeExtend(d: PyDeque, iterable: PyObject): PyObject {
  if (iterable === d) {
    const s = sequenceList(iterable);
    try {
      return dequeExtend(d, s);
    } finally {
      decref(s);
    }
  }
  const it = getIter(iterable);
  const maxlen = d.maxlen;
  if (maxlen === 0) return consume(it);
  // An empty deque starts filling at the left end of its block, saving a block.
  if (d.size === 0) {
    d.leftindex = 1;
    d.rightindex = 0;
  }
  try {
    for (let item = iterNext(it); item !== null; item = iterNext(it)) dequeAppendOwned(d, item, maxlen);
  } finally {
    decref(it);
  }
  return newRef(None);
}

/** deque_extendleft */
function dequeExtendLeft(d: PyDeque, iterable: PyObject): PyObject {
  if (iterable === d) {
    const s = sequenceList(iterable);
    try {
      return dequeExtendLeft(d, s);
    } finally {
      decref(s);
    }
  }
  const it = getIter(iterable);
  const maxlen = d.maxlen;
  if (maxlen === 0) return consume(it);
  if (d.size === 0) {
    d.leftindex = BLOCKLEN - 1;
    d.rightindex = BLOCKLEN - 2;
  }
  try {
    for (let item = iterNext(it); item !== null; item = iterNext(it)) dequeAppendLeftOwned(d, item, maxlen);
  } finally {
    decref(it);
  }
  return newRef(None);
}

/**
 * deque_clear: the deque is first made empty on a fresh block (so __del__ methods run by
 * the decrefs see an empty deque), then the old items are released left to right and
 * their blocks freed.
 */
export function dequeClear(d: PyDeque): void {
  if (d.size === 0) return;
  const b = newblock(d);
  let n = d.size;
  let leftblock = d.leftblock!;
  const leftindex = d.leftindex;
  d.size = 0;
  d.leftblock = b;
  d.rightblock = b;
  d.leftindex = CENTER + 1;
  d.rightindex = CENTER;
  d.state++;
  let m = BLOCKLEN - leftindex > n ? n : BLOCKLEN - leftindex;
  let at = leftindex;
  let limit = leftindex + m;
  n -= m;
  for (;;) {
    if (at === limit) {
      if (n === 0) break;
      const prev = leftblock;
      leftblock = leftblock.rightlink!;
      m = n > BLOCKLEN ? BLOCKLEN : n;
      at = 0;
      limit = m;
      n -= m;
      freeblock(d, prev);
    }
    const item = leftblock.data[at]!;
    leftblock.data[at++] = null;
    decref(item);
  }
  freeblock(d, leftblock);
}

// ---------------------------------------------------------------------------
// Rotation and positional access.

/** _deque_rotate: moves item pointers block to block; at most one block made or freed. */
export function dequeRotate(d: PyDeque, n: number): void {
  let b: DequeBlock | null = null;
  let leftblock = d.leftblock!;
  let rightblock = d.rightblock!;
  let leftindex = d.leftindex;
  let rightindex = d.rightindex;
  const len = d.size;
  const halflen = len >> 1;
  if (len <= 1) return;
  if (n > halflen || n < -halflen) {
    n %= len;
    if (n > halflen) n -= len;
    else if (n < -halflen) n += len;
  }
  d.state++;
  while (n > 0) {
    if (leftindex === 0) {
      if (b === null) b = newblock(d);
      b.rightlink = leftblock;
      leftblock.leftlink = b;
      leftblock = b;
      b.leftlink = null;
      leftindex = BLOCKLEN;
      b = null;
    }
    let m = n;
    if (m > rightindex + 1) m = rightindex + 1;
    if (m > leftindex) m = leftindex;
    rightindex -= m;
    leftindex -= m;
    n -= m;
    let src = rightindex + 1;
    let dest = leftindex;
    const sdata = rightblock.data;
    const ddata = leftblock.data;
    for (; m > 0; m--) {
      ddata[dest++] = sdata[src];
      sdata[src++] = null;
    }
    if (rightindex < 0) {
      b = rightblock;
      rightblock = rightblock.leftlink!;
      rightblock.rightlink = null;
      b.leftlink = null;
      rightindex = BLOCKLEN - 1;
    }
  }
  while (n < 0) {
    if (rightindex === BLOCKLEN - 1) {
      if (b === null) b = newblock(d);
      b.leftlink = rightblock;
      rightblock.rightlink = b;
      rightblock = b;
      b.rightlink = null;
      rightindex = -1;
      b = null;
    }
    let m = -n;
    if (m > BLOCKLEN - leftindex) m = BLOCKLEN - leftindex;
    if (m > BLOCKLEN - 1 - rightindex) m = BLOCKLEN - 1 - rightindex;
    let src = leftindex;
    let dest = rightindex + 1;
    leftindex += m;
    rightindex += m;
    n += m;
    const sdata = leftblock.data;
    const ddata = rightblock.data;
    for (; m > 0; m--) {
      ddata[dest++] = sdata[src];
      sdata[src++] = null;
    }
    if (leftindex === BLOCKLEN) {
      b = leftblock;
      leftblock = leftblock.rightlink!;
      leftblock.leftlink = null;
      b.rightlink = null;
      leftindex = 0;
    }
  }
  if (b !== null) freeblock(d, b);
  d.leftblock = leftblock;
  d.rightblock = rightblock;
  d.leftindex = leftindex;
  d.rightindex = rightindex;
}

/** The block and slot of item i (0 <= i < size), walking from the nearer end. */
const located = { block: null as DequeBlock | null, index: 0 };

function locate(d: PyDeque, i: number, fromLeft: boolean): void {
  i += d.leftindex;
  let n = Math.floor(i / BLOCKLEN);
  i %= BLOCKLEN;
  let b: DequeBlock;
  if (fromLeft) {
    b = d.leftblock!;
    while (--n >= 0) b = b.rightlink!;
  } else {
    n = Math.floor((d.leftindex + d.size - 1) / BLOCKLEN) - n;
    b = d.rightblock!;
    while (--n >= 0) b = b.leftlink!;
  }
  located.block = b;
  located.index = i;
}

/** deque_item */
function dequeItem(self: PyObject, i: number): PyObject {
  const d = self as PyDeque;
  if (i < 0 || i >= d.size) raise(IndexErrorType, "deque index out of range");
  let item: PyObject;
  if (i === 0) item = d.leftblock!.data[d.leftindex]!;
  else if (i === d.size - 1) item = d.rightblock!.data[d.rightindex]!;
  else {
    locate(d, i, i < d.size >> 1);
    item = located.block!.data[located.index]!;
  }
  return newRef(item);
}

/** deque_del_item: rotate the item to the left end, pop it, rotate back, then release it. */
function dequeDelItem(d: PyDeque, i: number): void {
  dequeRotate(d, -i);
  const item = dequePopLeft(d);
  try {
    dequeRotate(d, i);
  } finally {
    decref(item);
  }
}

/** deque_ass_item, reached through mp_ass_subscript (heapscope has no sq_ass_item). */
function dequeAssSubscript(self: PyObject, key: PyObject, v: PyObject | null): void {
  const d = self as PyDeque;
  if (!hasIndex(key)) raise(TypeErrorType, `sequence index must be integer, not '${key.type.name}'`);
  let i = numberAsSsize(key, IndexErrorType);
  if (i < 0) i += d.size;
  const len = d.size;
  if (i < 0 || i >= len) raise(IndexErrorType, "deque index out of range");
  if (v === null) {
    dequeDelItem(d, i);
    return;
  }
  locate(d, i, i <= (len + 1) >> 1);
  const b = located.block!;
  const at = located.index;
  incref(v);
  const old = b.data[at]!;
  b.data[at] = v;
  decref(old);
}

/** deque_contains */
function dequeContains(self: PyObject, v: PyObject): boolean {
  const d = self as PyDeque;
  let b = d.leftblock!;
  let index = d.leftindex;
  let n = d.size;
  const startState = d.state;
  while (--n >= 0) {
    const item = b.data[index]!;
    incref(item);
    let cmp: boolean;
    try {
      cmp = richCompareBool(item, v, CMP_EQ);
    } finally {
      decref(item);
    }
    if (cmp) return true;
    if (startState !== d.state) raise(RuntimeErrorType, "deque mutated during iteration");
    index++;
    if (index === BLOCKLEN) {
      b = b.rightlink!;
      index = 0;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------
// Slots.

function dequeDealloc(self: PyObject): void {
  const d = self as PyDeque;
  gcUntrack(d);
  if (d.weakrefList !== null) clearWeakrefs(d);
  if (d.leftblock !== null) {
    dequeClear(d);
    freeblock(d, d.leftblock!);
  }
  d.leftblock = null;
  d.rightblock = null;
  for (const b of d.freeblocks) allocator.free(DOMAIN_MEM, b.address);
  d.freeblocks.length = 0;
  freeGCObject(d);
}

/** deque_traverse: the items, left to right. */
function dequeTraverse(self: PyObject, visit: (o: PyObject, arg: unknown) => void, arg: unknown): void {
  const d = self as PyDeque;
  if (d.leftblock === null) return;
  let b = d.leftblock;
  let index = d.leftindex;
  for (let n = d.size; n > 0; n--) {
    visit(b.data[index]!, arg);
    index++;
    if (index === BLOCKLEN) {
      b = b.rightlink!;
      index = 0;
    }
  }
}

function typeShortName(t: PyType): string {
  const dot = t.name.lastIndexOf(".");
  return dot < 0 ? t.name : t.name.slice(dot + 1);
}

function dequeRepr(self: PyObject): PyObject {
  const d = self as PyDeque;
  if (reprEnter(d)) return newStr("[...]");
  try {
    const aslist = sequenceList(d);
    try {
      const inner = objectRepr(aslist);
      try {
        const name = typeShortName(d.type);
        return newStr(d.maxlen >= 0 ? `${name}(${inner.value}, maxlen=${d.maxlen})` : `${name}(${inner.value})`);
      } finally {
        decref(inner);
      }
    } finally {
      decref(aslist);
    }
  } finally {
    reprLeave(d);
  }
}

function dequeRichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!isDeque(v) || !isDeque(w)) return newRef(NotImplemented);
  const vs = v.size;
  const ws = w.size;
  if (op === CMP_EQ) {
    if (v === w) return newRef(True);
    if (vs !== ws) return newRef(False);
  }
  if (op === CMP_NE) {
    if (v === w) return newRef(False);
    if (vs !== ws) return newRef(True);
  }
  const it1 = getIter(v);
  let it2: PyObject | null = null;
  try {
    it2 = getIter(w);
    let x: PyObject | null;
    let y: PyObject | null;
    for (;;) {
      x = iterNext(it1);
      try {
        y = iterNext(it2);
      } catch (e) {
        if (x !== null) decref(x);
        throw e;
      }
      if (x === null || y === null) break;
      try {
        if (!richCompareBool(x, y, CMP_EQ)) return newRef(richCompareBool(x, y, op) ? True : False);
      } finally {
        decref(x);
        decref(y);
      }
    }
    if (x !== null) decref(x);
    if (y !== null) decref(y);
    let cmp: boolean;
    switch (op) {
      case CMP_LT: cmp = y !== null; break;
      case CMP_LE: cmp = x === null; break;
      case CMP_EQ: cmp = x === y; break;
      case CMP_NE: cmp = x !== y; break;
      case CMP_GT: cmp = x !== null; break;
      default: cmp = y === null; break;
    }
    return newRef(cmp ? True : False);
  } finally {
    decref(it1);
    if (it2 !== null) decref(it2);
  }
}

function dequeNew(type: PyType, _args: PyTuple, _kwargs: PyDict | null): PyObject {
  return dequeNewObject(type);
}

/** deque_init: deque(iterable=(), maxlen=None) */
function dequeInit(self: PyObject, args: PyTuple, kwargs: PyDict | null): void {
  const d = self as PyDeque;
  let iterable: PyObject | null = null;
  let maxlenobj: PyObject | null = null;
  if ((kwargs === null || kwargs.used === 0) && args.items.length <= 2) {
    if (args.items.length > 0) iterable = args.items[0]!;
    if (args.items.length > 1) maxlenobj = args.items[1]!;
  } else {
    const flat: PyObject[] = [...args.items];
    let kwnames: PyTuple | null = null;
    if (kwargs !== null && kwargs.used !== 0) {
      const names: PyObject[] = [];
      const ks = kwargs.keys;
      for (let i = 0; i < ks.nentries; i++) {
        const k = ks.entryKeys[i];
        const val = kwargs.values !== null ? kwargs.values.values[i] : ks.entryValues[i];
        if (k === null || k === undefined || val === null || val === undefined) continue;
        names.push(newRef(k));
        flat.push(val);
      }
      kwnames = tupleFromOwned(names);
    }
    try {
      const parsed = parseArgs("deque", flat, 0, args.items.length, kwnames, ["iterable", "maxlen"], 0);
      iterable = parsed[0]!;
      maxlenobj = parsed[1]!;
    } finally {
      if (kwnames !== null) decref(kwnames);
    }
  }
  let maxlen = -1;
  if (maxlenobj !== null && maxlenobj !== None) {
    if (!hasIndex(maxlenobj)) raise(TypeErrorType, "an integer is required");
    maxlen = numberAsSsize(maxlenobj, null);
    if (maxlen < 0) raise(ValueErrorType, "maxlen must be non-negative");
  }
  d.maxlen = maxlen;
  if (d.size > 0) dequeClear(d);
  if (iterable !== null) decref(dequeExtend(d, iterable));
}

/** deque_copy: exact deques copy directly; subclasses are called with (self[, maxlen]). */
export function dequeCopy(self: PyObject): PyObject {
  const old = self as PyDeque;
  if (old.type === DequeType) {
    const nd = dequeNewObject(DequeType);
    nd.maxlen = old.maxlen;
    try {
      if (old.size === 1) dequeAppendOwned(nd, newRef(old.leftblock!.data[old.leftindex]!), nd.maxlen);
      else decref(dequeExtend(nd, old));
    } catch (e) {
      decref(nd);
      throw e;
    }
    return nd;
  }
  let result: PyObject;
  if (old.maxlen < 0) result = callObject(old.type, [old], 0, 1, null);
  else {
    const ml = newIntSsize(old.maxlen);
    try {
      result = callObject(old.type, [old, ml], 0, 2, null);
    } finally {
      decref(ml);
    }
  }
  if (!isDeque(result)) {
    const name = result.type.name;
    decref(result);
    raise(TypeErrorType, `${old.type.name}() must return a deque, not ${name}`);
  }
  return result;
}

function dequeConcat(self: PyObject, other: PyObject): PyObject {
  if (!isInstance(other, DequeType)) {
    raise(TypeErrorType, `can only concatenate ${typeShortName(self.type)} (not "${other.type.name}") to ${typeShortName(self.type)}`);
  }
  const nd = dequeCopy(self);
  try {
    decref(dequeExtend(nd as PyDeque, other));
  } catch (e) {
    decref(nd);
    throw e;
  }
  return nd;
}

function dequeInplaceConcat(self: PyObject, other: PyObject): PyObject {
  decref(dequeExtend(self as PyDeque, other));
  return newRef(self);
}

/** deque_inplace_repeat */
function dequeInplaceRepeat(self: PyObject, n: number): PyObject {
  const d = self as PyDeque;
  const size = d.size;
  if (size === 0 || n === 1) return newRef(d);
  if (n <= 0) {
    dequeClear(d);
    return newRef(d);
  }
  if (size === 1) {
    const item = d.leftblock!.data[d.leftindex]!;
    if (d.maxlen >= 0 && n > d.maxlen) n = d.maxlen;
    d.state++;
    let i = 0;
    while (i < n - 1) {
      if (d.rightindex === BLOCKLEN - 1) {
        const b = newblock(d);
        b.leftlink = d.rightblock;
        d.rightblock!.rightlink = b;
        d.rightblock = b;
        d.rightindex = -1;
      }
      let m = n - 1 - i;
      if (m > BLOCKLEN - 1 - d.rightindex) m = BLOCKLEN - 1 - d.rightindex;
      i += m;
      while (m-- > 0) {
        d.rightindex++;
        incref(item);
        d.rightblock!.data[d.rightindex] = item;
      }
    }
    d.size += i;
    return newRef(d);
  }
  if (size * n > Number.MAX_SAFE_INTEGER) raise(MemoryErrorType, "");
  const seq = sequenceList(d);
  try {
    if (d.maxlen >= 0 && n * size > d.maxlen) n = Math.floor((d.maxlen + size - 1) / size);
    for (let i = 0; i < n - 1; i++) decref(dequeExtend(d, seq));
  } finally {
    decref(seq);
  }
  return newRef(d);
}

function dequeRepeat(self: PyObject, n: number): PyObject {
  const nd = dequeCopy(self);
  try {
    return dequeInplaceRepeat(nd, n);
  } finally {
    decref(nd);
  }
}

// ---------------------------------------------------------------------------
// Methods.

function noneRef(): PyObject {
  return newRef(None);
}

function dequeSizeof(d: PyDeque): number {
  const blocks = Math.floor((d.leftindex + d.size + BLOCKLEN - 1) / BLOCKLEN);
  return d.type.basicsize + blocks * BLOCK_SIZE;
}

function dequeIndex(self: PyObject, args: PyObject[], start0: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("index", kwnames);
  checkPositional("index", nargs, 1, 3);
  const d = self as PyDeque;
  const v = args[start0]!;
  let start = nargs > 1 ? sliceIndexNotNone(args[start0 + 1]!) : 0;
  let stop = nargs > 2 ? sliceIndexNotNone(args[start0 + 2]!) : d.size;
  let b = d.leftblock!;
  let index = d.leftindex;
  const startState = d.state;
  if (start < 0) {
    start += d.size;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += d.size;
    if (stop < 0) stop = 0;
  }
  if (stop > d.size) stop = d.size;
  if (start > stop) start = stop;
  let i = 0;
  for (; i < start - BLOCKLEN; i += BLOCKLEN) b = b.rightlink!;
  for (; i < start; i++) {
    index++;
    if (index === BLOCKLEN) {
      b = b.rightlink!;
      index = 0;
    }
  }
  let n = stop - i;
  while (--n >= 0) {
    const item = b.data[index]!;
    if (richCompareBool(item, v, CMP_EQ)) return newIntSsize(stop - n - 1);
    if (startState !== d.state) raise(RuntimeErrorType, "deque mutated during iteration");
    index++;
    if (index === BLOCKLEN) {
      b = b.rightlink!;
      index = 0;
    }
  }
  const r = objectRepr(v);
  const text = r.value;
  decref(r);
  raise(ValueErrorType, `${text} is not in deque`);
}

function dequeInsert(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("insert", kwnames);
  checkPositional("insert", nargs, 2, 2);
  const d = self as PyDeque;
  const index = numberAsSsize(args[start]!, null);
  const value = args[start + 1]!;
  const n = d.size;
  if (d.maxlen === d.size) raise(IndexErrorType, "deque already at its maximum size");
  if (index >= n) {
    dequeAppendOwned(d, newRef(value), d.maxlen);
    return noneRef();
  }
  if (index <= -n || index === 0) {
    dequeAppendLeftOwned(d, newRef(value), d.maxlen);
    return noneRef();
  }
  dequeRotate(d, -index);
  if (index < 0) dequeAppendOwned(d, newRef(value), d.maxlen);
  else dequeAppendLeftOwned(d, newRef(value), d.maxlen);
  dequeRotate(d, index);
  return noneRef();
}

function dequeRemove(self: PyObject, value: PyObject): PyObject {
  const d = self as PyDeque;
  let b = d.leftblock!;
  let index = d.leftindex;
  const n = d.size;
  const startState = d.state;
  let i = 0;
  for (; i < n; i++) {
    const item = b.data[index]!;
    incref(item);
    let cmp: boolean;
    try {
      cmp = richCompareBool(item, value, CMP_EQ);
    } finally {
      decref(item);
    }
    if (startState !== d.state) raise(IndexErrorType, "deque mutated during iteration");
    if (cmp) break;
    index++;
    if (index === BLOCKLEN) {
      b = b.rightlink!;
      index = 0;
    }
  }
  if (i === n) {
    const r = objectRepr(value);
    const text = r.value;
    decref(r);
    raise(ValueErrorType, `${text} is not in deque`);
  }
  dequeDelItem(d, i);
  return noneRef();
}

function dequeCount(self: PyObject, v: PyObject): PyObject {
  const d = self as PyDeque;
  let b = d.leftblock!;
  let index = d.leftindex;
  let n = d.size;
  let count = 0;
  const startState = d.state;
  while (--n >= 0) {
    const item = b.data[index]!;
    incref(item);
    try {
      if (richCompareBool(item, v, CMP_EQ)) count++;
    } finally {
      decref(item);
    }
    if (startState !== d.state) raise(RuntimeErrorType, "deque mutated during iteration");
    index++;
    if (index === BLOCKLEN) {
      b = b.rightlink!;
      index = 0;
    }
  }
  return newIntSsize(count);
}

function dequeReverse(self: PyObject): PyObject {
  const d = self as PyDeque;
  let lb = d.leftblock!;
  let rb = d.rightblock!;
  let li = d.leftindex;
  let ri = d.rightindex;
  let n = d.size >> 1;
  while (--n >= 0) {
    const tmp = lb.data[li]!;
    lb.data[li] = rb.data[ri]!;
    rb.data[ri] = tmp;
    li++;
    if (li === BLOCKLEN) {
      lb = lb.rightlink!;
      li = 0;
    }
    ri--;
    if (ri < 0) {
      rb = rb.leftlink!;
      ri = BLOCKLEN - 1;
    }
  }
  return noneRef();
}

function dequeReduce(self: PyObject): PyObject {
  const d = self as PyDeque;
  let dict = lookupAttr(d, staticStr("__dict__"));
  if (dict === null) dict = newRef(None);
  let it: PyObject;
  try {
    it = getIter(d);
  } catch (e) {
    decref(dict);
    throw e;
  }
  const args = d.maxlen < 0 ? tupleFromOwned([]) : tupleFromOwned([tupleFromOwned([]), newIntSsize(d.maxlen)]);
  return tupleFromOwned([newRef(d.type), args, dict, it]);
}

const DEQUE_METHODS: MethodDef[] = [
  {
    name: "append",
    kind: "o",
    fn: (self, x) => {
      dequeAppendOwned(self as PyDeque, newRef(x), (self as PyDeque).maxlen);
      return noneRef();
    },
    doc: "Add an element to the right side of the deque.",
  },
  {
    name: "appendleft",
    kind: "o",
    fn: (self, x) => {
      dequeAppendLeftOwned(self as PyDeque, newRef(x), (self as PyDeque).maxlen);
      return noneRef();
    },
    doc: "Add an element to the left side of the deque.",
  },
  { name: "clear", kind: "noargs", fn: (self) => (dequeClear(self as PyDeque), noneRef()), doc: "Remove all elements from the deque." },
  { name: "__copy__", kind: "noargs", fn: dequeCopy, doc: "Return a shallow copy of a deque." },
  { name: "copy", kind: "noargs", fn: dequeCopy, doc: "Return a shallow copy of a deque." },
  { name: "count", kind: "o", fn: dequeCount, doc: "D.count(value) -> integer -- return number of occurrences of value" },
  { name: "extend", kind: "o", fn: (self, it) => dequeExtend(self as PyDeque, it), doc: "Extend the right side of the deque with elements from the iterable" },
  { name: "extendleft", kind: "o", fn: (self, it) => dequeExtendLeft(self as PyDeque, it), doc: "Extend the left side of the deque with elements from the iterable" },
  {
    name: "index",
    kind: "fastcall",
    fn: dequeIndex,
    doc: "D.index(value, [start, [stop]]) -> integer -- return first index of value.\nRaises ValueError if the value is not present.",
  },
  { name: "insert", kind: "fastcall", fn: dequeInsert, doc: "D.insert(index, object) -- insert object before index" },
  { name: "pop", kind: "noargs", fn: (self) => dequePop(self as PyDeque), doc: "Remove and return the rightmost element." },
  { name: "popleft", kind: "noargs", fn: (self) => dequePopLeft(self as PyDeque), doc: "Remove and return the leftmost element." },
  { name: "__reduce__", kind: "noargs", fn: dequeReduce, doc: "Return state information for pickling." },
  { name: "remove", kind: "o", fn: dequeRemove, doc: "D.remove(value) -- remove first occurrence of value." },
  { name: "__reversed__", kind: "noargs", fn: (self) => newDequeIter(self as PyDeque, true), doc: "D.__reversed__() -- return a reverse iterator over the deque" },
  { name: "reverse", kind: "noargs", fn: dequeReverse, doc: "D.reverse() -- reverse *IN PLACE*" },
  {
    name: "rotate",
    kind: "fastcall",
    fn: (self, args, start, nargs, kwnames) => {
      noKeywords("rotate", kwnames);
      checkPositional("rotate", nargs, 0, 1);
      dequeRotate(self as PyDeque, nargs === 1 ? numberAsSsize(args[start]!, null) : 1);
      return noneRef();
    },
    doc: "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left.",
  },
  { name: "__sizeof__", kind: "noargs", fn: (self) => newIntSsize(dequeSizeof(self as PyDeque)), doc: "D.__sizeof__() -- size of D in memory, in bytes" },
];

const DEQUE_GETSETS: GetSetDef[] = [
  {
    name: "maxlen",
    get: (self) => ((self as PyDeque).maxlen < 0 ? newRef(None) : newIntSsize((self as PyDeque).maxlen)),
    doc: "maximum size of a deque or None if unbounded",
  },
];

DequeType.dealloc = dequeDealloc;
DequeType.traverse = dequeTraverse;
DequeType.clear = (self) => dequeClear(self as PyDeque);
DequeType.repr = dequeRepr;
DequeType.hash = hashNotImplemented;
DequeType.richcompare = dequeRichCompare;
DequeType.iter = (self) => newDequeIter(self as PyDeque, false);
DequeType.new_ = dequeNew;
DequeType.init = dequeInit;
DequeType.nbBool = (self) => (self as PyDeque).size !== 0;
DequeType.sqLength = (self) => (self as PyDeque).size;
DequeType.sqConcat = dequeConcat;
DequeType.sqRepeat = dequeRepeat;
DequeType.sqItem = dequeItem;
DequeType.mpAssSubscript = dequeAssSubscript;
DequeType.sqContains = dequeContains;
DequeType.sqInplaceConcat = dequeInplaceConcat;
DequeType.sqInplaceRepeat = dequeInplaceRepeat;
DequeType.doc = "deque([iterable[, maxlen]]) --> deque object\n\nA list-like sequence optimized for data accesses near its endpoints.";
readyType(DequeType);
addMethods(DequeType, DEQUE_METHODS);
addMethods(DequeType, [CLASS_GETITEM_DEF]);
addGetSets(DequeType, DEQUE_GETSETS);

// ---------------------------------------------------------------------------
// Iterators.

export class PyDequeIter extends PyObject {
  b: DequeBlock | null;
  index: number;
  deque: PyDeque | null;
  state: number;
  counter: number;

  constructor(type: PyType, d: PyDeque) {
    super(type);
    this.b = null;
    this.index = 0;
    this.deque = d;
    this.state = d.state;
    this.counter = d.size;
  }
}

export const DequeIterType = newStaticType("_collections._deque_iterator", DEQUEITER_BASICSIZE, 0, TPFLAGS_HAVE_GC);
export const DequeRevIterType = newStaticType("_collections._deque_reverse_iterator", DEQUEITER_BASICSIZE, 0, TPFLAGS_HAVE_GC);

function newDequeIter(d: PyDeque, reverse: boolean): PyObject {
  const it = new PyDequeIter(reverse ? DequeRevIterType : DequeIterType, d);
  allocGCObject(it, DEQUEITER_BASICSIZE);
  incref(d);
  it.b = reverse ? d.rightblock : d.leftblock;
  it.index = reverse ? d.rightindex : d.leftindex;
  gcTrack(it);
  return it;
}

function checkMutation(it: PyDequeIter): void {
  if (it.deque!.state !== it.state) {
    it.counter = 0;
    raise(RuntimeErrorType, "deque mutated during iteration");
  }
}

for (const t of [DequeIterType, DequeRevIterType]) {
  t.dealloc = (self) => {
    const it = self as PyDequeIter;
    gcUntrack(it);
    const d = it.deque;
    it.deque = null;
    it.b = null;
    if (d !== null) decref(d);
    freeGCObject(it);
  };
  t.traverse = (self, visit, arg) => {
    const d = (self as PyDequeIter).deque;
    if (d !== null) visit(d, arg);
  };
  t.iter = (self) => newRef(self);
  addMethods(t, [
    { name: "__length_hint__", kind: "noargs", fn: (self) => newIntSsize((self as PyDequeIter).counter), doc: "Private method returning an estimate of len(list(it))." },
    {
      name: "__reduce__",
      kind: "noargs",
      fn: (self) => {
        const it = self as PyDequeIter;
        const n = newIntSsize(it.deque!.size - it.counter);
        return tupleFromOwned([newRef(it.type), tupleFromOwned([newRef(it.deque!), n]) as PyObject]);
      },
      doc: "Return state information for pickling.",
    },
  ]);
}

DequeIterType.iternext = (self) => {
  const it = self as PyDequeIter;
  checkMutation(it);
  if (it.counter === 0) return null;
  const item = it.b!.data[it.index]!;
  it.index++;
  it.counter--;
  if (it.index === BLOCKLEN && it.counter > 0) {
    it.b = it.b!.rightlink;
    it.index = 0;
  }
  return newRef(item);
};

DequeRevIterType.iternext = (self) => {
  const it = self as PyDequeIter;
  checkMutation(it);
  if (it.counter === 0) return null;
  const item = it.b!.data[it.index]!;
  it.index--;
  it.counter--;
  if (it.index < 0 && it.counter > 0) {
    it.b = it.b!.leftlink;
    it.index = BLOCKLEN - 1;
  }
  return newRef(item);
};

readyType(DequeIterType);
readyType(DequeRevIterType);

