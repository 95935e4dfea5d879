// Objects/setobject.c (3.11): PySet_Type, PyFrozenSet_Type, PySetIter_Type. The open-addressing
// table with its 8-slot inline table (smalltable), LINEAR_PROBES = 9 then perturbed probing
// (set_lookkey, set_add_entry, set_insert_clean), set_table_resize, dummy entries,
// set_merge (the set-display / update path), set_update_internal, and the algebra
// (union, intersection, difference, symmetric_difference and their _update forms) built
// exactly as CPython builds it, so iteration orders match; frozenset_hash; set_repr; the
// iterator with "Set changed size during iteration"; dealloc and traverse in slot order.
//
// Memory model: the 200-byte struct holds the 8-slot table; a larger table is a separate
// MEM-domain block of 16 bytes per slot (tableAddress, 0 while the inline table is used).

import { PyObject, type VisitProc } from "./object.js";
import { allocator, allocGCObject, freeGCObject } from "./heap.js";
import { DOMAIN_MEM } from "../memory/index.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, incref, newRef } from "./refcount.js";
import { CMP_EQ, CMP_GE, CMP_GT, CMP_LE, CMP_LT, CMP_NE, PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE } from "./type.js";
import { newStaticType, readyType, staticTypeSpec, TPFLAGS_MATCH_SELF } from "./typeroots.js";
import { trashBegin, trashEnd } from "./trashcan.js";
import { StrType, type PyStr, newStr } from "./str.js";
import { frozenSetHashAdd, frozenSetHashFinish, hashResult } from "./values/pyhash.js";
import { getIter, iterNext, objectRepr, reprEnter, reprLeave, richCompareBool } from "./abstract.js";
import { KeyErrorType, PyRaise, raise, RuntimeErrorType, TypeErrorType } from "./exceptions.js";
import { newIntSsize } from "./int.js";
import { newBool } from "./bool.js";
import { None, NotImplemented } from "./singletons.js";
import { DictType, dictContainsKnownHash, dictEntry, dictNext, keyHash, raiseKeyError, type PyDict } from "./dict.js";
import { sequenceList } from "./list.js";
import type { PyTuple } from "./tuple.js";
import { clearWeakrefs } from "./weakref.js";
import { packVarargs } from "./varargs.js";

/** PySet_MINSIZE */
const MINSIZE = 8;
const LINEAR_PROBES = 9;
/** sizeof(PySetObject) */
export const SET_BASICSIZE = 200;
/** sizeof(setentry) */
const ENTRY_SIZE = 16;

const DUMMY_TYPE = new PyType(null, "<dummy key> type", 16, 0, 0);
/** The dummy key that marks a deleted slot (hash -1). */
const DUMMY = new PyObject(DUMMY_TYPE);

export class PySet extends PyObject {
  /** Active + dummy slots. */
  fill: number;
  /** Active slots. */
  used: number;
  /** Table size minus one. */
  mask: number;
  tableKeys: (PyObject | null)[];
  tableHashHi: Int32Array;
  tableHashLo: Int32Array;
  /** The MEM block of a table larger than the inline one; 0 while smalltable is in use. */
  tableAddress: number;
  /** frozenset's cached hash (hashCached false = CPython's -1). */
  hashHi: number;
  hashLo: number;
  hashCached: boolean;
  /** Search finger of pop(). */
  finger: number;

  constructor(type: PyType) {
    super(type);
    this.fill = 0;
    this.used = 0;
    this.mask = MINSIZE - 1;
    this.tableKeys = new Array<PyObject | null>(MINSIZE).fill(null);
    this.tableHashHi = new Int32Array(MINSIZE);
    this.tableHashLo = new Int32Array(MINSIZE);
    this.tableAddress = 0;
    this.hashHi = 0;
    this.hashLo = 0;
    this.hashCached = false;
    this.finger = 0;
  }
}

export const SetType = newStaticType("set", SET_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE | TPFLAGS_MATCH_SELF);
export const FrozenSetType = newStaticType("frozenset", SET_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE | TPFLAGS_MATCH_SELF);
/** offsetof(PySetObject, weakreflist) */
SetType.weaklistoffset = 192;
FrozenSetType.weaklistoffset = 192;

/** PyAnySet_Check */
export function isAnySet(o: PyObject): o is PySet {
  const t = o.type;
  return t === SetType || t === FrozenSetType || t.isSubtypeOf(SetType) || t.isSubtypeOf(FrozenSetType);
}

/** PySet_Check (set or subclass, not frozenset) */
export function isSet(o: PyObject): o is PySet {
  return o.type === SetType || o.type.isSubtypeOf(SetType);
}

function isAnySetExact(o: PyObject): boolean {
  return o.type === SetType || o.type === FrozenSetType;
}

// ---------------------------------------------------------------------------------------
// Probing

/** Comparison result of the last lookKey: the slot index (key null = not found). */
function lookKey(so: PySet, key: PyObject, hi: number, lo: number): number {
  restart: for (;;) {
    let keys = so.tableKeys;
    let mask = so.mask;
    let pHi = hi >>> 0;
    let pLo = lo >>> 0;
    let i = lo & mask;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const startkey = keys[j]!;
        if (startkey === null) return j;
        if (so.tableHashLo[j] === lo && so.tableHashHi[j] === hi) {
          if (startkey === key) return j;
          if (startkey.type === StrType && key.type === StrType) {
            if ((startkey as PyStr).value === (key as PyStr).value) return j;
          } else {
            const table = keys;
            incref(startkey);
            let cmp: boolean;
            try {
              cmp = richCompareBool(startkey, key, CMP_EQ);
            } finally {
              decref(startkey);
            }
            if (table !== so.tableKeys || table[j] !== startkey) continue restart;
            if (cmp) return j;
            keys = so.tableKeys;
            mask = so.mask;
          }
        }
        j++;
      } while (probes-- > 0);
      pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
      pHi = pHi >>> 5;
      i = (i * 5 + 1 + pLo) & mask;
    }
  }
}

/** set_add_entry: borrowed key (the set takes its own reference when it stores it). */
function addEntry(so: PySet, key: PyObject, hi: number, lo: number): void {
  incref(key);
  restart: for (;;) {
    let mask = so.mask;
    let pHi = hi >>> 0;
    let pLo = lo >>> 0;
    let i = lo & mask;
    let freeslot = -1;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const keys = so.tableKeys;
        const startkey = keys[j]!;
        if (startkey === null) {
          if (freeslot >= 0) {
            so.used++;
            keys[freeslot] = key;
            so.tableHashHi[freeslot] = hi;
            so.tableHashLo[freeslot] = lo;
            return;
          }
          so.fill++;
          so.used++;
          keys[j] = key;
          so.tableHashHi[j] = hi;
          so.tableHashLo[j] = lo;
          if (so.fill * 5 < mask * 3) return;
          tableResize(so, so.used > 50000 ? so.used * 2 : so.used * 4);
          return;
        }
        const eh = so.tableHashHi[j]!;
        const el = so.tableHashLo[j]!;
        if (el === lo && eh === hi) {
          if (startkey === key) {
            decref(key);
            return;
          }
          if (startkey.type === StrType && key.type === StrType && (startkey as PyStr).value === (key as PyStr).value) {
            decref(key);
            return;
          }
          incref(startkey);
          let cmp: boolean;
          try {
            cmp = richCompareBool(startkey, key, CMP_EQ);
          } catch (e) {
            decref(startkey);
            decref(key);
            throw e;
          }
          decref(startkey);
          if (cmp) {
            decref(key);
            return;
          }
          if (keys !== so.tableKeys || keys[j] !== startkey) continue restart;
          mask = so.mask;
        } else if (eh === -1 && el === -1) {
          freeslot = j;
        }
        j++;
      } while (probes-- > 0);
      pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
      pHi = pHi >>> 5;
      i = (i * 5 + 1 + pLo) & mask;
    }
  }
}

/** set_insert_clean: into a table known to have no dummies and not to hold the key. */
function insertClean(keys: (PyObject | null)[], his: Int32Array, los: Int32Array, mask: number, key: PyObject, hi: number, lo: number): void {
  let pHi = hi >>> 0;
  let pLo = lo >>> 0;
  let i = lo & mask;
  for (;;) {
    if (keys[i] === null) {
      keys[i] = key;
      his[i] = hi;
      los[i] = lo;
      return;
    }
    if (i + LINEAR_PROBES <= mask) {
      for (let j = 1; j <= LINEAR_PROBES; j++) {
        if (keys[i + j] === null) {
          keys[i + j] = key;
          his[i + j] = hi;
          los[i + j] = lo;
          return;
        }
      }
    }
    pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
    pHi = pHi >>> 5;
    i = (i * 5 + 1 + pLo) & mask;
  }
}

/** set_table_resize: the smallest power of two above minused (at least 8). */
function tableResize(so: PySet, minused: number): void {
  let newsize = MINSIZE;
  while (newsize <= minused) newsize *= 2;
  const oldKeys = so.tableKeys;
  const oldHi = so.tableHashHi;
  const oldLo = so.tableHashLo;
  const oldAddress = so.tableAddress;
  if (newsize === MINSIZE && oldAddress === 0 && so.fill === so.used) return;
  let newAddress = 0;
  if (newsize !== MINSIZE) newAddress = allocator.malloc(DOMAIN_MEM, ENTRY_SIZE * newsize);
  const keys = new Array<PyObject | null>(newsize).fill(null);
  const his = new Int32Array(newsize);
  const los = new Int32Array(newsize);
  so.mask = newsize - 1;
  so.tableKeys = keys;
  so.tableHashHi = his;
  so.tableHashLo = los;
  so.tableAddress = newAddress;
  const newmask = so.mask;
  if (so.fill === so.used) {
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i]!;
      if (k !== null) insertClean(keys, his, los, newmask, k, oldHi[i]!, oldLo[i]!);
    }
  } else {
    so.fill = so.used;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i]!;
      if (k !== null && k !== DUMMY) insertClean(keys, his, los, newmask, k, oldHi[i]!, oldLo[i]!);
    }
  }
  if (oldAddress !== 0) allocator.free(DOMAIN_MEM, oldAddress);
}

function containsEntry(so: PySet, key: PyObject, hi: number, lo: number): boolean {
  return so.tableKeys[lookKey(so, key, hi, lo)] !== null;
}

/** set_discard_entry: true when found and removed. */
function discardEntry(so: PySet, key: PyObject, hi: number, lo: number): boolean {
  const j = lookKey(so, key, hi, lo);
  const old = so.tableKeys[j]!;
  if (old === null) return false;
  so.tableKeys[j] = DUMMY;
  so.tableHashHi[j] = -1;
  so.tableHashLo[j] = -1;
  so.used--;
  decref(old);
  return true;
}

/** set_add_key (borrowed key). */
export function setAdd(so: PySet | PyObject, key: PyObject): void {
  keyHash(key);
  addEntry(so as PySet, key, hashResult.hi, hashResult.lo);
}

/** set_contains_key */
export function setContainsKey(so: PySet, key: PyObject): boolean {
  keyHash(key);
  return containsEntry(so, key, hashResult.hi, hashResult.lo);
}

/** set_discard_key */
export function setDiscardKey(so: PySet, key: PyObject): boolean {
  keyHash(key);
  return discardEntry(so, key, hashResult.hi, hashResult.lo);
}

/** set_empty_to_minsize */
function emptyToMinsize(so: PySet): void {
  so.tableKeys = new Array<PyObject | null>(MINSIZE).fill(null);
  so.tableHashHi = new Int32Array(MINSIZE);
  so.tableHashLo = new Int32Array(MINSIZE);
  so.tableAddress = 0;
  so.fill = 0;
  so.used = 0;
  so.mask = MINSIZE - 1;
  so.hashCached = false;
}

/** set_clear_internal: empty first, then release the old keys in slot order. */
export function setClear(so: PySet): void {
  const keys = so.tableKeys;
  const address = so.tableAddress;
  let used = so.used;
  if (address === 0 && so.fill === 0) return;
  emptyToMinsize(so);
  for (let i = 0; used > 0; i++) {
    const k = keys[i]!;
    if (k !== null && k !== DUMMY) {
      used--;
      decref(k);
    }
  }
  if (address !== 0) allocator.free(DOMAIN_MEM, address);
}

/** The current scan of setNext: the key at the returned position (borrowed). */
export const setEntry = { key: null as PyObject | null, hashHi: 0, hashLo: 0 };

/**
 * set_next / _PySet_NextEntry: from `pos` (0 to start) fills setEntry with the next active
 * slot and returns the position to pass next, or -1 at the end.
 */
export function setNext(so: PySet, pos: number): number {
  let i = pos;
  const mask = so.mask;
  const keys = so.tableKeys;
  while (i <= mask && (keys[i] === null || keys[i] === DUMMY)) i++;
  if (i > mask) return -1;
  setEntry.key = keys[i]!;
  setEntry.hashHi = so.tableHashHi[i]!;
  setEntry.hashLo = so.tableHashLo[i]!;
  return i + 1;
}

// ---------------------------------------------------------------------------------------
// Construction and update

/** make_new_set: tp_alloc of `type` (fresh memory, tracked), then update from `iterable`. */
export function makeNewSet(type: PyType, iterable: PyObject | null): PySet {
  const so = new PySet(type);
  allocGCObject(so, type.basicsize);
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) incref(type);
  gcTrack(so);
  if (iterable !== null) {
    try {
      setUpdateInternal(so, iterable);
    } catch (e) {
      decref(so);
      throw e;
    }
  }
  return so;
}

/** PySet_New(iterable or null) */
export function newSetFromIterable(iterable: PyObject | null): PySet {
  return makeNewSet(SetType, iterable);
}

/** PySet_New(NULL) */
export function newSet(): PySet {
  return makeNewSet(SetType, null);
}

/** PyFrozenSet_New */
export function newFrozenSet(iterable: PyObject | null): PySet {
  return makeNewSet(FrozenSetType, iterable);
}

/** make_new_set_basetype: subclasses produce plain sets / frozensets. */
function makeNewSetBasetype(type: PyType, iterable: PyObject | null): PySet {
  if (type !== SetType && type !== FrozenSetType) type = type.isSubtypeOf(SetType) ? SetType : FrozenSetType;
  return makeNewSet(type, iterable);
}

/** set_merge: one resize up front ((used + n) * 2), then copy or insert. */
function setMerge(so: PySet, other: PySet): void {
  if (other === so || other.used === 0) return;
  if ((so.fill + other.used) * 5 >= so.mask * 3) tableResize(so, (so.used + other.used) * 2);
  const okeys = other.tableKeys;
  if (so.fill === 0 && so.mask === other.mask && other.fill === other.used) {
    for (let i = 0; i <= other.mask; i++) {
      const key = okeys[i]!;
      if (key !== null) {
        incref(key);
        so.tableKeys[i] = key;
        so.tableHashHi[i] = other.tableHashHi[i]!;
        so.tableHashLo[i] = other.tableHashLo[i]!;
      }
    }
    so.fill = other.fill;
    so.used = other.used;
    return;
  }
  if (so.fill === 0) {
    so.fill = other.used;
    so.used = other.used;
    for (let i = 0; i <= other.mask; i++) {
      const key = okeys[i]!;
      if (key !== null && key !== DUMMY) {
        incref(key);
        insertClean(so.tableKeys, so.tableHashHi, so.tableHashLo, so.mask, key, other.tableHashHi[i]!, other.tableHashLo[i]!);
      }
    }
    return;
  }
  for (let i = 0; i <= other.mask; i++) {
    const key = other.tableKeys[i]!;
    if (key !== null && key !== DUMMY) addEntry(so, key, other.tableHashHi[i]!, other.tableHashLo[i]!);
  }
}

/** set_update_internal: sets merge, exact dicts add their keys with known hashes, else iterate. */
export function setUpdateInternal(so: PySet, other: PyObject): void {
  if (isAnySet(other)) {
    setMerge(so, other);
    return;
  }
  if (other.type === DictType) {
    const d = other as PyDict;
    const dictsize = d.used;
    if ((so.fill + dictsize) * 5 >= so.mask * 3) tableResize(so, (so.used + dictsize) * 2);
    for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) {
      addEntry(so, dictEntry.key!, dictEntry.hashHi, dictEntry.hashLo);
    }
    return;
  }
  const it = getIter(other);
  try {
    for (;;) {
      const key = iterNext(it);
      if (key === null) break;
      try {
        setAdd(so, key);
      } finally {
        decref(key);
      }
    }
  } finally {
    decref(it);
  }
}

/** _PySet_Update (SET_UPDATE, set.update with one argument). */
export function setUpdate(so: PyObject, iterable: PyObject): void {
  setUpdateInternal(so as PySet, iterable);
}

/** set_copy */
export function setCopy(so: PySet): PySet {
  return makeNewSetBasetype(so.type, so);
}

/** set_swap_bodies */
function swapBodies(a: PySet, b: PySet): void {
  let t = a.fill;
  a.fill = b.fill;
  b.fill = t;
  t = a.used;
  a.used = b.used;
  b.used = t;
  t = a.mask;
  a.mask = b.mask;
  b.mask = t;
  const k = a.tableKeys;
  a.tableKeys = b.tableKeys;
  b.tableKeys = k;
  const h = a.tableHashHi;
  a.tableHashHi = b.tableHashHi;
  b.tableHashHi = h;
  const l = a.tableHashLo;
  a.tableHashLo = b.tableHashLo;
  b.tableHashLo = l;
  t = a.tableAddress;
  a.tableAddress = b.tableAddress;
  b.tableAddress = t;
  if (a.type.isSubtypeOf(FrozenSetType) && b.type.isSubtypeOf(FrozenSetType)) {
    const c = a.hashCached;
    const hh = a.hashHi;
    const hl = a.hashLo;
    a.hashCached = b.hashCached;
    a.hashHi = b.hashHi;
    a.hashLo = b.hashLo;
    b.hashCached = c;
    b.hashHi = hh;
    b.hashLo = hl;
  } else {
    a.hashCached = false;
    b.hashCached = false;
  }
}

// ---------------------------------------------------------------------------------------
// Algebra

/** set.union(*others) */
export function setUnion(so: PySet, others: readonly PyObject[]): PySet {
  const result = setCopy(so);
  try {
    for (const other of others) {
      if (other === so) continue;
      setUpdateInternal(result, other);
    }
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

/** set_intersection (one argument) */
function intersectionOne(so: PySet, other: PyObject): PySet {
  if (other === so) return setCopy(so);
  const result = makeNewSetBasetype(so.type, null);
  try {
    if (isAnySet(other)) {
      let a = so;
      let b = other;
      if (b.used > a.used) {
        const tmp = a;
        a = b;
        b = tmp;
      }
      for (let pos = setNext(b, 0); pos >= 0; pos = setNext(b, pos)) {
        const key = setEntry.key!;
        const hi = setEntry.hashHi;
        const lo = setEntry.hashLo;
        incref(key);
        try {
          if (containsEntry(a, key, hi, lo)) addEntry(result, key, hi, lo);
        } finally {
          decref(key);
        }
      }
      return result;
    }
    const it = getIter(other);
    try {
      for (;;) {
        const key = iterNext(it);
        if (key === null) break;
        try {
          keyHash(key);
          const hi = hashResult.hi;
          const lo = hashResult.lo;
          if (containsEntry(so, key, hi, lo)) {
            addEntry(result, key, hi, lo);
            if (result.used >= so.used) break;
          }
        } finally {
          decref(key);
        }
      }
    } finally {
      decref(it);
    }
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

/** set.intersection(*others) */
export function setIntersection(so: PySet, others: readonly PyObject[]): PySet {
  if (others.length === 0) return setCopy(so);
  incref(so);
  let result = so;
  for (const other of others) {
    let next: PySet;
    try {
      next = intersectionOne(result, other);
    } catch (e) {
      decref(result);
      throw e;
    }
    decref(result);
    result = next;
  }
  return result;
}

/** set.intersection_update(*others) */
export function setIntersectionUpdate(so: PySet, others: readonly PyObject[]): void {
  const tmp = setIntersection(so, others);
  swapBodies(so, tmp);
  decref(tmp);
}

/** set_isdisjoint */
export function setIsDisjoint(so: PySet, other: PyObject): boolean {
  if (other === so) return so.used === 0;
  if (isAnySetExact(other)) {
    let a = so;
    let b = other as PySet;
    if (b.used > a.used) {
      const tmp = a;
      a = b;
      b = tmp;
    }
    for (let pos = setNext(b, 0); pos >= 0; pos = setNext(b, pos)) {
      const key = setEntry.key!;
      const hi = setEntry.hashHi;
      const lo = setEntry.hashLo;
      incref(key);
      let found: boolean;
      try {
        found = containsEntry(a, key, hi, lo);
      } finally {
        decref(key);
      }
      if (found) return false;
    }
    return true;
  }
  const it = getIter(other);
  try {
    for (;;) {
      const key = iterNext(it);
      if (key === null) return true;
      let found: boolean;
      try {
        found = setContainsKey(so, key);
      } finally {
        decref(key);
      }
      if (found) return false;
    }
  } finally {
    decref(it);
  }
}

/** set_difference_update_internal */
function differenceUpdateOne(so: PySet, other: PyObject): void {
  if (other === so) {
    setClear(so);
    return;
  }
  if (isAnySet(other)) {
    let src: PySet;
    if (other.used >> 3 > so.used) src = intersectionOne(so, other);
    else {
      incref(other);
      src = other;
    }
    try {
      for (let pos = setNext(src, 0); pos >= 0; pos = setNext(src, pos)) {
        const key = setEntry.key!;
        const hi = setEntry.hashHi;
        const lo = setEntry.hashLo;
        incref(key);
        try {
          discardEntry(so, key, hi, lo);
        } finally {
          decref(key);
        }
      }
    } finally {
      decref(src);
    }
  } else {
    const it = getIter(other);
    try {
      for (;;) {
        const key = iterNext(it);
        if (key === null) break;
        try {
          setDiscardKey(so, key);
        } finally {
          decref(key);
        }
      }
    } finally {
      decref(it);
    }
  }
  if (so.fill - so.used <= so.mask >>> 2) return;
  tableResize(so, so.used > 50000 ? so.used * 2 : so.used * 4);
}

/** set.difference_update(*others) */
export function setDifferenceUpdate(so: PySet, others: readonly PyObject[]): void {
  for (const other of others) differenceUpdateOne(so, other);
}

function copyAndDifference(so: PySet, other: PyObject): PySet {
  const result = setCopy(so);
  try {
    differenceUpdateOne(result, other);
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

/** set_difference (one argument) */
function differenceOne(so: PySet, other: PyObject): PySet {
  let otherSize: number;
  if (isAnySet(other)) otherSize = other.used;
  else if (other.type === DictType) otherSize = (other as PyDict).used;
  else return copyAndDifference(so, other);
  if (so.used >> 2 > otherSize) return copyAndDifference(so, other);
  const result = makeNewSetBasetype(so.type, null);
  try {
    const isDictOther = other.type === DictType;
    for (let pos = setNext(so, 0); pos >= 0; pos = setNext(so, pos)) {
      const key = setEntry.key!;
      const hi = setEntry.hashHi;
      const lo = setEntry.hashLo;
      incref(key);
      try {
        const found = isDictOther ? dictContainsKnownHash(other as PyDict, key, hi, lo) : containsEntry(other as PySet, key, hi, lo);
        if (!found) addEntry(result, key, hi, lo);
      } finally {
        decref(key);
      }
    }
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

/** set.difference(*others) */
export function setDifference(so: PySet, others: readonly PyObject[]): PySet {
  if (others.length === 0) return setCopy(so);
  const result = differenceOne(so, others[0]!);
  try {
    for (let i = 1; i < others.length; i++) differenceUpdateOne(result, others[i]!);
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

/** set_symmetric_difference_update */
export function setSymmetricDifferenceUpdate(so: PySet, other: PyObject): void {
  if (other === so) {
    setClear(so);
    return;
  }
  if (other.type === DictType) {
    const d = other as PyDict;
    for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) {
      const key = dictEntry.key!;
      const hi = dictEntry.hashHi;
      const lo = dictEntry.hashLo;
      incref(key);
      try {
        if (!discardEntry(so, key, hi, lo)) addEntry(so, key, hi, lo);
      } finally {
        decref(key);
      }
    }
    return;
  }
  let otherset: PySet;
  if (isAnySet(other)) {
    incref(other);
    otherset = other;
  } else {
    otherset = makeNewSetBasetype(so.type, other);
  }
  try {
    for (let pos = setNext(otherset, 0); pos >= 0; pos = setNext(otherset, pos)) {
      const key = setEntry.key!;
      const hi = setEntry.hashHi;
      const lo = setEntry.hashLo;
      incref(key);
      try {
        if (!discardEntry(so, key, hi, lo)) addEntry(so, key, hi, lo);
      } finally {
        decref(key);
      }
    }
  } finally {
    decref(otherset);
  }
}

/** set_symmetric_difference */
export function setSymmetricDifference(so: PySet, other: PyObject): PySet {
  const otherset = makeNewSetBasetype(so.type, other);
  try {
    setSymmetricDifferenceUpdate(otherset, so);
  } catch (e) {
    decref(otherset);
    throw e;
  }
  return otherset;
}

/** set_issubset */
export function setIsSubset(so: PySet, other: PyObject): boolean {
  if (!isAnySet(other)) {
    const tmp = makeNewSet(SetType, other);
    try {
      return setIsSubset(so, tmp);
    } finally {
      decref(tmp);
    }
  }
  if (so.used > other.used) return false;
  for (let pos = setNext(so, 0); pos >= 0; pos = setNext(so, pos)) {
    const key = setEntry.key!;
    const hi = setEntry.hashHi;
    const lo = setEntry.hashLo;
    incref(key);
    let found: boolean;
    try {
      found = containsEntry(other, key, hi, lo);
    } finally {
      decref(key);
    }
    if (!found) return false;
  }
  return true;
}

/** set_issuperset */
export function setIsSuperset(so: PySet, other: PyObject): boolean {
  if (isAnySet(other)) return setIsSubset(other, so);
  const it = getIter(other);
  try {
    for (;;) {
      const key = iterNext(it);
      if (key === null) return true;
      let found: boolean;
      try {
        found = setContainsKey(so, key);
      } finally {
        decref(key);
      }
      if (!found) return false;
    }
  } finally {
    decref(it);
  }
}

/** set_pop */
export function setPop(so: PySet): PyObject {
  if (so.used === 0) raise(KeyErrorType, "pop from an empty set");
  let i = so.finger & so.mask;
  const keys = so.tableKeys;
  while (keys[i] === null || keys[i] === DUMMY) {
    i++;
    if (i > so.mask) i = 0;
  }
  const key = keys[i]!;
  keys[i] = DUMMY;
  so.tableHashHi[i] = -1;
  so.tableHashLo[i] = -1;
  so.used--;
  so.finger = i + 1;
  return key;
}

/** A set argument that is itself an unhashable set is retried as a frozenset (set_contains etc.). */
function isUnhashableSetError(e: unknown, key: PyObject): e is PyRaise {
  return e instanceof PyRaise && isSet(key) && e.exception.type.isSubtypeOf(TypeErrorType);
}

/** set_contains (sq_contains) */
export function setContains(self: PyObject, key: PyObject): boolean {
  const so = self as PySet;
  try {
    return setContainsKey(so, key);
  } catch (e) {
    if (!isUnhashableSetError(e, key)) throw e;
    decref(e.exception);
    const tmp = makeNewSet(FrozenSetType, key);
    try {
      return setContainsKey(so, tmp);
    } finally {
      decref(tmp);
    }
  }
}

function discardWithFrozenRetry(so: PySet, key: PyObject): boolean {
  try {
    return setDiscardKey(so, key);
  } catch (e) {
    if (!isUnhashableSetError(e, key)) throw e;
    decref(e.exception);
    const tmp = makeNewSet(FrozenSetType, key);
    try {
      return setDiscardKey(so, tmp);
    } finally {
      decref(tmp);
    }
  }
}

/** set.remove */
export function setRemove(so: PySet, key: PyObject): void {
  if (!discardWithFrozenRetry(so, key)) raiseKeyError(key);
}

// ---------------------------------------------------------------------------------------
// Object protocol

/** frozenset_hash (cached) */
export function frozenSetHash(self: PyObject): void {
  const so = self as PySet;
  if (so.hashCached) {
    hashResult.hi = so.hashHi;
    hashResult.lo = so.hashLo;
    return;
  }
  let ah = 0;
  let al = 0;
  const keys = so.tableKeys;
  for (let i = 0; i <= so.mask; i++) {
    const k = keys[i];
    if (k === null || k === DUMMY) continue;
    frozenSetHashAdd(ah, al, so.tableHashHi[i]!, so.tableHashLo[i]!);
    ah = hashResult.hi;
    al = hashResult.lo;
  }
  frozenSetHashFinish(ah, al, so.used);
  so.hashHi = hashResult.hi;
  so.hashLo = hashResult.lo;
  so.hashCached = true;
}

/** set_repr: "set()", "{1, 2}", "frozenset({1})", "Sub({1})"; "set(...)" when recursive. */
export function setRepr(self: PyObject): PyObject {
  const so = self as PySet;
  const name = so.type.name;
  if (reprEnter(so)) return newStr(`${name}(...)`);
  try {
    if (so.used === 0) return newStr(`${name}()`);
    const keys = sequenceList(so);
    let inner: string;
    try {
      const r = objectRepr(keys) as PyStr;
      inner = r.value.slice(1, -1);
      decref(r);
    } finally {
      decref(keys);
    }
    return newStr(so.type === SetType ? `{${inner}}` : `${name}({${inner}})`);
  } finally {
    reprLeave(so);
  }
}

/** set_richcompare */
export function setRichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!isAnySet(w)) return newRef(NotImplemented);
  const so = v as PySet;
  switch (op) {
    case CMP_EQ:
      if (so.used !== w.used) return newBool(false);
      if (so.hashCached && w.hashCached && (so.hashHi !== w.hashHi || so.hashLo !== w.hashLo)) return newBool(false);
      return newBool(setIsSubset(so, w));
    case CMP_NE: {
      if (so.used !== w.used) return newBool(true);
      if (so.hashCached && w.hashCached && (so.hashHi !== w.hashHi || so.hashLo !== w.hashLo)) return newBool(true);
      return newBool(!setIsSubset(so, w));
    }
    case CMP_LE:
      return newBool(setIsSubset(so, w));
    case CMP_GE:
      return newBool(setIsSuperset(so, w));
    case CMP_LT:
      if (so.used >= w.used) return newBool(false);
      return newBool(setIsSubset(so, w));
    case CMP_GT:
      if (so.used <= w.used) return newBool(false);
      return newBool(setIsSuperset(so, w));
  }
  return newRef(NotImplemented);
}

/** set_traverse: slot order. */
export function setTraverse(self: PyObject, visit: VisitProc, arg: unknown): void {
  const so = self as PySet;
  const keys = so.tableKeys;
  for (let i = 0; i <= so.mask; i++) {
    const k = keys[i]!;
    if (k !== null && k !== DUMMY) visit(k, arg);
  }
}

/** set_dealloc: weakrefs cleared, keys released in slot order, table freed. */
export function setDealloc(self: PyObject): void {
  const so = self as PySet;
  gcUntrack(so);
  if (!trashBegin(so)) return;
  if (so.weakrefList !== null) clearWeakrefs(so);
  let used = so.used;
  const keys = so.tableKeys;
  for (let i = 0; used > 0; i++) {
    const k = keys[i]!;
    if (k !== null && k !== DUMMY) {
      used--;
      decref(k);
    }
  }
  if (so.tableAddress !== 0) allocator.free(DOMAIN_MEM, so.tableAddress);
  so.tableAddress = 0;
  so.tableKeys = [];
  freeGCObject(so);
  trashEnd();
}

/** set.__sizeof__: the struct, plus the table when it is not the inline one. */
export function setSizeOf(so: PySet): number {
  let res = so.type.basicsize;
  if (so.tableAddress !== 0) res += (so.mask + 1) * ENTRY_SIZE;
  return res;
}

// ---------------------------------------------------------------------------------------
// Iterator

export class PySetIter extends PyObject {
  set: PySet | null;
  used: number;
  pos: number;
  len: number;
  constructor(so: PySet) {
    super(SetIterType);
    this.set = so;
    this.used = so.used;
    this.pos = 0;
    this.len = so.used;
  }
}

/** sizeof(setiterobject) */
const SETITER_SIZE = 48;

export const SetIterType = newStaticType("set_iterator", SETITER_SIZE, 0, TPFLAGS_HAVE_GC);

/** set_iter */
export function setIter(self: PyObject): PyObject {
  const so = self as PySet;
  const si = new PySetIter(so);
  incref(so);
  allocGCObject(si, SETITER_SIZE);
  gcTrack(si);
  return si;
}

SetIterType.iternext = (self) => {
  const si = self as PySetIter;
  const so = si.set;
  if (so === null) return null;
  if (si.used !== so.used) {
    si.used = -1;
    raise(RuntimeErrorType, "Set changed size during iteration");
  }
  let i = si.pos;
  const keys = so.tableKeys;
  const mask = so.mask;
  while (i <= mask && (keys[i] === null || keys[i] === DUMMY)) i++;
  si.pos = i + 1;
  if (i > mask) {
    si.set = null;
    decref(so);
    return null;
  }
  si.len--;
  return newRef(keys[i]!);
};
SetIterType.iter = (self) => newRef(self);
SetIterType.dealloc = (self) => {
  const si = self as PySetIter;
  gcUntrack(si);
  const so = si.set;
  si.set = null;
  if (so !== null) decref(so);
  freeGCObject(si);
};
SetIterType.traverse = (self, visit, arg) => {
  const so = (self as PySetIter).set;
  if (so !== null) visit(so, arg);
};
staticTypeSpec(SetIterType).methods.push({
  name: "__length_hint__",
  kind: "noargs",
  fn: (self) => {
    const si = self as PySetIter;
    return newIntSsize(si.set !== null && si.used === si.set.used ? si.len : 0);
  },
  doc: "Private method returning an estimate of len(list(it)).",
});

// ---------------------------------------------------------------------------------------
// Types

function none(): PyObject {
  return newRef(None);
}

function noKw(name: string, kwnames: PyTuple | null): void {
  if (kwnames !== null && kwnames.items.length !== 0) raise(TypeErrorType, `${name}() takes no keyword arguments`);
}

/**
 * A METH_VARARGS set method: keywords are refused first (method_vectorcall_VARARGS), then
 * the arguments are packed into the tuple CPython builds; `others` are its items.
 */
function varargsMethod(
  name: string,
  body: (self: PyObject, others: readonly PyObject[]) => PyObject,
): (self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null) => PyObject {
  return (self, args, start, nargs, kwnames) => {
    noKw(name, kwnames);
    const packed = packVarargs(args, start, nargs);
    try {
      return body(self, packed.items);
    } finally {
      decref(packed);
    }
  };
}

function setNew(type: PyType, _args: PyTuple, _kwargs: PyDict | null): PyObject {
  return makeNewSet(type, null);
}

/** set_vectorcall: make_new_set straight from the argument; no argument tuple is built. */
function setVectorcall(type: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (kwnames !== null && kwnames.items.length !== 0) raise(TypeErrorType, "set() takes no keyword arguments");
  if (nargs > 1) raise(TypeErrorType, `set expected at most 1 argument, got ${nargs}`);
  return makeNewSet(type as PyType, nargs === 1 ? args[start]! : null);
}

/** frozenset_vectorcall: make_new_frozenset (an exact frozenset argument is returned). */
function frozenSetVectorcall(type: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (kwnames !== null && kwnames.items.length !== 0) raise(TypeErrorType, "frozenset() takes no keyword arguments");
  if (nargs > 1) raise(TypeErrorType, `frozenset expected at most 1 argument, got ${nargs}`);
  const iterable = nargs === 1 ? args[start]! : null;
  if (iterable !== null && iterable.type === FrozenSetType) return newRef(iterable);
  return makeNewSet(type as PyType, iterable);
}

/** set_init */
function setInit(self: PyObject, args: PyTuple, kwargs: PyDict | null): void {
  if (kwargs !== null && kwargs.used !== 0) raise(TypeErrorType, "set() takes no keyword arguments");
  const nargs = args.items.length;
  if (nargs > 1) raise(TypeErrorType, `${self.type.name} expected at most 1 argument, got ${nargs}`);
  const so = self as PySet;
  if (so.fill !== 0) setClear(so);
  so.hashCached = false;
  if (nargs === 1) setUpdateInternal(so, args.items[0]!);
}

/** frozenset_new */
function frozenSetNew(type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  if ((type === FrozenSetType || type.init === FrozenSetType.init) && kwargs !== null && kwargs.used !== 0) {
    raise(TypeErrorType, "frozenset() takes no keyword arguments");
  }
  const nargs = args.items.length;
  if (nargs > 1) raise(TypeErrorType, `${type.name} expected at most 1 argument, got ${nargs}`);
  const iterable = nargs === 1 ? args.items[0]! : null;
  if (type === FrozenSetType && iterable !== null && iterable.type === FrozenSetType) return newRef(iterable);
  return makeNewSet(type, iterable);
}

function binary(op: (so: PySet, other: PyObject) => PyObject): (a: PyObject, b: PyObject) => PyObject {
  return (a, b) => (!isAnySet(a) || !isAnySet(b) ? newRef(NotImplemented) : op(a, b));
}

function inplace(op: (so: PySet, other: PyObject) => void): (a: PyObject, b: PyObject) => PyObject {
  return (a, b) => {
    if (!isAnySet(b)) return newRef(NotImplemented);
    op(a as PySet, b);
    return newRef(a);
  };
}

for (const t of [SetType, FrozenSetType]) {
  t.dealloc = setDealloc;
  t.traverse = setTraverse;
  t.repr = setRepr;
  t.richcompare = setRichCompare;
  t.iter = setIter;
  t.sqLength = (self) => (self as PySet).used;
  t.sqContains = setContains;
  t.nbSubtract = binary((so, other) => setDifference(so, [other]));
  t.nbAnd = binary((so, other) => intersectionOne(so, other));
  t.nbXor = binary((so, other) => setSymmetricDifference(so, other));
  t.nbOr = binary((so, other) => {
    const result = setCopy(so);
    if (other === so) return result;
    try {
      setUpdateInternal(result, other);
    } catch (e) {
      decref(result);
      throw e;
    }
    return result;
  });
}
SetType.clear = (self) => setClear(self as PySet);
SetType.nbInplaceSubtract = inplace((so, other) => differenceUpdateOne(so, other));
SetType.nbInplaceAnd = inplace((so, other) => setIntersectionUpdate(so, [other]));
SetType.nbInplaceXor = inplace((so, other) => setSymmetricDifferenceUpdate(so, other));
SetType.nbInplaceOr = inplace((so, other) => setUpdateInternal(so, other));
SetType.new_ = setNew;
SetType.vectorcall = setVectorcall;
SetType.init = setInit;
FrozenSetType.hash = frozenSetHash;
FrozenSetType.new_ = frozenSetNew;
FrozenSetType.vectorcall = frozenSetVectorcall;
SetType.doc = "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered collection of unique elements.";
FrozenSetType.doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\nBuild an immutable unordered collection of unique elements.";

const commonMethods = [
  { name: "__contains__", kind: "o" as const, fn: (self: PyObject, key: PyObject) => newBool(setContains(self, key)), doc: "x.__contains__(y) <==> y in x." },
  {
    name: "difference",
    kind: "fastcall" as const,
    fn: varargsMethod("difference", (self, others) => setDifference(self as PySet, others)),
    doc: "Return the difference of two or more sets as a new set.\n\n(i.e. all elements that are in this set but not the others.)",
  },
  {
    name: "intersection",
    kind: "fastcall" as const,
    fn: varargsMethod("intersection", (self, others) => setIntersection(self as PySet, others)),
    doc: "Return the intersection of two sets as a new set.\n\n(i.e. all elements that are in both sets.)",
  },
  { name: "isdisjoint", kind: "o" as const, fn: (self: PyObject, o: PyObject) => newBool(setIsDisjoint(self as PySet, o)), doc: "Return True if two sets have a null intersection." },
  { name: "issubset", kind: "o" as const, fn: (self: PyObject, o: PyObject) => newBool(setIsSubset(self as PySet, o)), doc: "Report whether another set contains this set." },
  { name: "issuperset", kind: "o" as const, fn: (self: PyObject, o: PyObject) => newBool(setIsSuperset(self as PySet, o)), doc: "Report whether this set contains another set." },
  { name: "__sizeof__", kind: "noargs" as const, fn: (self: PyObject) => newIntSsize(setSizeOf(self as PySet)), doc: "S.__sizeof__() -> size of S in memory, in bytes" },
  {
    name: "symmetric_difference",
    kind: "o" as const,
    fn: (self: PyObject, o: PyObject) => setSymmetricDifference(self as PySet, o),
    doc: "Return the symmetric difference of two sets as a new set.\n\n(i.e. all elements that are in exactly one of the sets.)",
  },
  {
    name: "union",
    kind: "fastcall" as const,
    fn: varargsMethod("union", (self, others) => setUnion(self as PySet, others)),
    doc: "Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)",
  },
];

staticTypeSpec(SetType).methods.push(
  { name: "add", kind: "o", fn: (self, key) => (setAdd(self as PySet, key), none()), doc: "Add an element to a set.\n\nThis has no effect if the element is already present." },
  { name: "clear", kind: "noargs", fn: (self) => (setClear(self as PySet), none()), doc: "Remove all elements from this set." },
  { name: "copy", kind: "noargs", fn: (self) => setCopy(self as PySet), doc: "Return a shallow copy of a set." },
  { name: "discard", kind: "o", fn: (self, key) => (discardWithFrozenRetry(self as PySet, key), none()), doc: "Remove an element from a set if it is a member.\n\nUnlike set.remove(), the discard() method does not raise\nan exception when an element is missing from the set." },
  {
    name: "difference_update",
    kind: "fastcall",
    fn: varargsMethod("difference_update", (self, others) => (setDifferenceUpdate(self as PySet, others), none())),
    doc: "Remove all elements of another set from this set.",
  },
  {
    name: "intersection_update",
    kind: "fastcall",
    fn: varargsMethod("intersection_update", (self, others) => (setIntersectionUpdate(self as PySet, others), none())),
    doc: "Update a set with the intersection of itself and another.",
  },
  { name: "pop", kind: "noargs", fn: (self) => setPop(self as PySet), doc: "Remove and return an arbitrary set element.\nRaises KeyError if the set is empty." },
  { name: "remove", kind: "o", fn: (self, key) => (setRemove(self as PySet, key), none()), doc: "Remove an element from a set; it must be a member.\n\nIf the element is not a member, raise a KeyError." },
  {
    name: "symmetric_difference_update",
    kind: "o",
    fn: (self, o) => (setSymmetricDifferenceUpdate(self as PySet, o), none()),
    doc: "Update a set with the symmetric difference of itself and another.",
  },
  {
    name: "update",
    kind: "fastcall",
    fn: varargsMethod("update", (self, others) => {
      for (let i = 0; i < others.length; i++) setUpdateInternal(self as PySet, others[i]!);
      return none();
    }),
    doc: "Update a set with the union of itself and others.",
  },
  ...commonMethods,
);
staticTypeSpec(FrozenSetType).methods.push(
  {
    name: "copy",
    kind: "noargs",
    fn: (self) => (self.type === FrozenSetType ? newRef(self) : setCopy(self as PySet)),
    doc: "Return a shallow copy of a set.",
  },
  ...commonMethods,
);

readyType(SetType);
readyType(FrozenSetType);
readyType(SetIterType);
