// Objects/dictobject.c (3.11): the compact dict. PyDictKeysObject (index table + entries),
// new_keys_object / free_keys_object, lookups (_Py_dict_lookup and its three variants),
// insertdict / insert_to_emptydict / dictresize / build_indices, delitem_common,
// PyDict_Clear, _PyDict_Next, dict_dealloc / dict_traverse, _PyDict_MaybeUntrack, the dict
// and keys free lists, dict_merge / PyDict_Copy / _PyDict_FromItems, and the managed-dict
// instance attribute functions CPython keeps in this file (_PyObject_InitializeDict,
// _PyObject_StoreInstanceAttribute, _PyObject_MakeDictFromInstanceAttributes, ...).
//
// The type's protocol slots and methods are in dictmethods.ts (installed at the end of this
// module), the views and iterators in dictviews.ts; this file is the table itself.
//
// Layout model. A keys object is a JS object (DictKeys) whose memory is one OBJ-domain block
// of CPython's size (32-byte header + index bytes + entries); the index table is an
// Int32Array whatever CPython's index width, and entries are parallel arrays. Hashes are
// kept for every entry (CPython's unicode entries read the str's cached hash instead, which
// is the same number).

import { PyObject, type VisitProc } from "./object.js";
import { allocator, allocGCObject, freeGCObject, parkOnFreeList, registerFreeList, reviveFromFreeList } from "./heap.js";
import { DOMAIN_MEM, DOMAIN_OBJ, formatFreeListLine } from "../memory/index.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, incref } from "./refcount.js";
import { CMP_EQ, objectIsGC, PyType, TPFLAGS_BASETYPE, TPFLAGS_DICT_SUBCLASS, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE } from "./type.js";
import { newStaticType } from "./typeroots.js";
import { PyStr, StrType } from "./str.js";
import { TupleType, tupleFromOwned } from "./tuple.js";
import { trashBegin, trashEnd } from "./trashcan.js";
import { hashResult, hashStr } from "./values/pyhash.js";
import { AttributeErrorType, KeyErrorType, newExceptionFromOwnedArgs, raise, raiseOwned, RuntimeErrorType } from "./exceptions.js";
import { objectHash, richCompareBool } from "./abstract.js";
import { installTupleMethods } from "./tuplemethods.js";
import { installDictMethods } from "./dictmethods.js";

// ---------------------------------------------------------------------------------------
// Constants (pycore_dict.h, dictobject.c)

export const DKIX_EMPTY = -1;
export const DKIX_DUMMY = -2;
export const KEYS_GENERAL = 0;
export const KEYS_UNICODE = 1;
export const KEYS_SPLIT = 2;
const LOG_MINSIZE = 3;
const MAXFREELIST = 80;
/** Shared (split) keys never hold more than this many names. */
export const SHARED_KEYS_MAX_SIZE = 30;
const NEXT_LOG2_SHARED_KEYS_MAX_SIZE = 6;
/** sizeof(PyDictKeysObject) without its variable parts. */
const KEYS_HEADER_SIZE = 32;
/** sizeof(PyDictObject) */
export const DICT_BASICSIZE = 48;
const GENERAL_ENTRY_SIZE = 24;
const UNICODE_ENTRY_SIZE = 16;

/** USABLE_FRACTION */
function usableFraction(n: number): number {
  return Math.floor((n * 2) / 3);
}

/** calculate_log2_keysize, with its rounding quirk (1..7 -> 16 slots, 8 -> 8 slots). */
export function calculateLog2Keysize(minsize: number): number {
  const m = (minsize | 8) - 1;
  return bitLength(m | 7);
}

function bitLength(n: number): number {
  // n < 2**53; Math.clz32 works on 32 bits only.
  let bits = 0;
  while (n >= 4294967296) {
    n = Math.floor(n / 4294967296);
    bits += 32;
  }
  return bits + 32 - Math.clz32(n);
}

/** estimate_log2_keysize: a table that holds n entries without resizing. */
export function estimateLog2Keysize(n: number): number {
  return calculateLog2Keysize(Math.floor((n * 3 + 1) / 2));
}

// ---------------------------------------------------------------------------------------
// Keys objects

/** PyDictKeysObject. */
export class DictKeys {
  /** dk_refcnt: dicts (and, for split keys, the heap type) sharing this table. */
  refcnt: number;
  log2Size: number;
  log2IndexBytes: number;
  kind: number;
  /** dk_version, for the interpreter's attribute caches; 0 after any change. */
  version: number;
  usable: number;
  nentries: number;
  /** dk_indices: entry index, DKIX_EMPTY or DKIX_DUMMY per slot. */
  indices: Int32Array;
  entryKeys: (PyObject | null)[];
  /** me_value of combined tables; unused (all null) for split tables. */
  entryValues: (PyObject | null)[];
  entryHashHi: Int32Array;
  entryHashLo: Int32Array;
  /** The OBJ-domain block holding the table (0 for the static empty table). */
  address: number;

  constructor(log2Size: number, kind: number) {
    const size = 1 << log2Size;
    const usable = log2Size === 0 ? 0 : usableFraction(size);
    this.refcnt = 1;
    this.log2Size = log2Size;
    this.log2IndexBytes = log2IndexBytesFor(log2Size);
    this.kind = kind;
    this.version = 0;
    this.usable = usable;
    this.nentries = 0;
    this.indices = new Int32Array(size).fill(DKIX_EMPTY);
    this.entryKeys = new Array<PyObject | null>(usable).fill(null);
    this.entryValues = new Array<PyObject | null>(usable).fill(null);
    this.entryHashHi = new Int32Array(usable);
    this.entryHashLo = new Int32Array(usable);
    this.address = 0;
  }
}

function log2IndexBytesFor(log2Size: number): number {
  if (log2Size < 8) return log2Size;
  if (log2Size < 16) return log2Size + 1;
  if (log2Size >= 32) return log2Size + 3;
  return log2Size + 2;
}

/** _PyDict_KeysSize: bytes of the keys block. */
export function keysByteSize(keys: DictKeys): number {
  const entrySize = keys.kind === KEYS_GENERAL ? GENERAL_ENTRY_SIZE : UNICODE_ENTRY_SIZE;
  return KEYS_HEADER_SIZE + 2 ** keys.log2IndexBytes + usableFraction(2 ** keys.log2Size) * entrySize;
}

/** Py_EMPTY_KEYS: shared by every empty dict; never freed, never counted by __sizeof__. */
export const EMPTY_KEYS = new DictKeys(0, KEYS_UNICODE);
EMPTY_KEYS.refcnt = 1 << 30;
EMPTY_KEYS.version = 1;

const keysFreeList: DictKeys[] = [];

/** new_keys_object */
function newKeysObject(log2Size: number, unicode: boolean): DictKeys {
  let dk: DictKeys;
  if (log2Size === LOG_MINSIZE && unicode && keysFreeList.length > 0) {
    dk = keysFreeList.pop()!;
    dk.refcnt = 1;
    dk.kind = KEYS_UNICODE;
    dk.version = 0;
    dk.usable = usableFraction(8);
    dk.nentries = 0;
    dk.indices.fill(DKIX_EMPTY);
    // Entries were nulled when the table was released.
    return dk;
  }
  dk = new DictKeys(log2Size, unicode ? KEYS_UNICODE : KEYS_GENERAL);
  dk.address = allocator.malloc(DOMAIN_OBJ, keysByteSize(dk));
  return dk;
}

/** Releases a keys block whose entries hold no references (any more). */
function releaseKeysMemory(dk: DictKeys): void {
  if (dk.log2Size === LOG_MINSIZE && dk.kind !== KEYS_GENERAL && keysFreeList.length < MAXFREELIST) {
    const n = dk.entryKeys.length;
    for (let i = 0; i < n; i++) {
      dk.entryKeys[i] = null;
      dk.entryValues[i] = null;
    }
    keysFreeList.push(dk);
    return;
  }
  allocator.free(DOMAIN_OBJ, dk.address);
  dk.address = 0;
}

/**
 * Parks `n` fresh minimum-size str-keyed tables on the keys free list (start-up's residue,
 * startupresidue.ts): all are allocated before any is released, as tables that were in use
 * together.
 */
export function parkFreshKeys(n: number): void {
  const made: DictKeys[] = [];
  for (let i = 0; i < n; i++) {
    const dk = new DictKeys(LOG_MINSIZE, KEYS_UNICODE);
    dk.address = allocator.malloc(DOMAIN_OBJ, keysByteSize(dk));
    made.push(dk);
  }
  for (let i = n - 1; i >= 0; i--) releaseKeysMemory(made[i]!);
}

/** free_keys_object: drops the entries' references in entry order, then the block. */
function freeKeysObject(dk: DictKeys): void {
  const n = dk.nentries;
  const ks = dk.entryKeys;
  const vs = dk.entryValues;
  for (let i = 0; i < n; i++) {
    const k = ks[i] ?? null;
    const v = vs[i] ?? null;
    ks[i] = null;
    vs[i] = null;
    if (k !== null) decref(k);
    if (v !== null) decref(v);
  }
  releaseKeysMemory(dk);
}

export function dictKeysIncref(dk: DictKeys): void {
  dk.refcnt++;
}

/** dictkeys_decref / _PyDictKeys_DecRef */
export function dictKeysDecref(dk: DictKeys): void {
  if (dk === EMPTY_KEYS) return;
  if (--dk.refcnt === 0) freeKeysObject(dk);
}

// ---------------------------------------------------------------------------------------
// Values arrays of split tables (PyDictValues)

/** PyDictValues: the values of a split table plus the insertion-order prefix bytes. */
export class DictValues {
  values: (PyObject | null)[];
  /** The prefix's insertion-order bytes: indices into `values`, oldest first. */
  order: number[];
  /** The MEM-domain block (prefix + values). */
  address: number;

  constructor(size: number) {
    this.values = new Array<PyObject | null>(size).fill(null);
    this.order = [];
    this.address = 0;
  }
}

/** new_values: prefix of size+2 bytes rounded up to a word, then one word per value. */
function newValues(size: number): DictValues {
  const v = new DictValues(size);
  const prefix = (size + 2 + 7) & ~7;
  v.address = allocator.malloc(DOMAIN_MEM, prefix + 8 * size);
  return v;
}

function freeValues(v: DictValues): void {
  allocator.free(DOMAIN_MEM, v.address);
  v.address = 0;
}

function deleteIndexFromValues(v: DictValues, ix: number): void {
  const order = v.order;
  const at = order.indexOf(ix);
  if (at >= 0) order.splice(at, 1);
}

/** shared_keys_usable_size */
function sharedKeysUsableSize(keys: DictKeys): number {
  return keys.nentries + keys.usable;
}

// ---------------------------------------------------------------------------------------
// The dict object

export class PyDict extends PyObject {
  /** ma_used */
  used: number;
  /** ma_version_tag */
  versionTag: number;
  /** ma_keys */
  keys: DictKeys;
  /** ma_values: non-null for split tables. */
  values: DictValues | null;

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
    this.used = 0;
    this.versionTag = 0;
    this.keys = EMPTY_KEYS;
    this.values = null;
  }
}

export const DictType = newStaticType("dict", DICT_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE | TPFLAGS_DICT_SUBCLASS);

let globalVersion = 0;

/** DICT_NEXT_VERSION */
function nextVersion(): number {
  return ++globalVersion;
}

const dictFreeList: PyDict[] = [];

registerFreeList({
  clearRank: 3,
  statsRank: 0,
  clear(): void {
    while (dictFreeList.length > 0) {
      const d = dictFreeList.pop()!;
      freeGCObject(d);
    }
    while (keysFreeList.length > 0) {
      const dk = keysFreeList.pop()!;
      allocator.free(DOMAIN_OBJ, dk.address);
      dk.address = 0;
    }
  },
  statsLines(): string[] {
    return [formatFreeListLine(dictFreeList.length, "PyDictObject", DICT_BASICSIZE)];
  },
});

/** Number of dict objects parked on the free list (for tests and stats). */
export function dictFreeListSize(): number {
  return dictFreeList.length;
}

export function dictKeysFreeListSize(): number {
  return keysFreeList.length;
}

/** new_dict: takes over the caller's reference to `keys` (and `values`). */
function newDictObject(keys: DictKeys, values: DictValues | null, used: number): PyDict {
  let mp: PyDict;
  if (dictFreeList.length > 0) {
    mp = dictFreeList.pop()!;
    reviveFromFreeList(mp);
    mp.gcFlags = 0;
  } else {
    mp = new PyDict(DictType);
    allocGCObject(mp, DICT_BASICSIZE);
  }
  mp.keys = keys;
  mp.values = values;
  mp.used = used;
  mp.versionTag = nextVersion();
  return mp;
}

/** PyDict_New: a new empty dict (untracked, as in CPython). */
export function newDict(): PyDict {
  return newDictObject(EMPTY_KEYS, null, 0);
}

/**
 * dict_new's allocation for `type` (dict or a subclass): never from the free list; instances
 * of subclasses are tracked at once, exact dicts start untracked.
 */
export function allocDictOfType(type: PyType, d: PyDict = new PyDict(type)): PyDict {
  allocGCObject(d, type.basicsize);
  d.versionTag = nextVersion();
  if (type !== DictType) {
    // Instances keep their heap class alive (released by subtype_dealloc).
    if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) incref(type);
    gcTrack(d);
  }
  return d;
}

/** dict_new_presized / _PyDict_NewPresized */
export function newPresizedDict(minused: number, unicode = false): PyDict {
  if (minused <= usableFraction(8)) return newDict();
  const log2MaxPresize = 17;
  const log2 = minused > usableFraction(1 << log2MaxPresize) ? log2MaxPresize : estimateLog2Keysize(minused);
  return newDictObject(newKeysObject(log2, unicode), null, 0);
}

/** _PyDict_FromItems: BUILD_MAP and BUILD_CONST_KEY_MAP (keys/values borrowed). */
export function dictFromItems(keys: readonly PyObject[], values: readonly PyObject[]): PyDict {
  let unicode = true;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i]!.type !== StrType) {
      unicode = false;
      break;
    }
  }
  const d = newPresizedDict(keys.length, unicode);
  try {
    for (let i = 0; i < keys.length; i++) dictSetItem(d, keys[i]!, values[i]!);
  } catch (e) {
    decref(d);
    throw e;
  }
  return d;
}

export function isDict(o: PyObject): o is PyDict {
  return (o.type.flags & TPFLAGS_DICT_SUBCLASS) !== 0;
}

// ---------------------------------------------------------------------------------------
// Hashing and lookup

/** Writes the hash of `key` into hashResult, using a str's cached hash. */
export function keyHash(key: PyObject): void {
  if (key.type === StrType) {
    const s = key as PyStr;
    if (!s.hashCached) {
      hashStr(s.value);
      s.hashHi = hashResult.hi;
      s.hashLo = hashResult.lo;
      s.hashCached = true;
      return;
    }
    hashResult.hi = s.hashHi;
    hashResult.lo = s.hashLo;
    return;
  }
  objectHash(key);
}

/** The value found by the last lookup (borrowed), or null. */
let lookupValue: PyObject | null = null;

/**
 * _Py_dict_lookup: the entry index of `key` (hash given as halves) or DKIX_EMPTY; leaves
 * the value in lookupValue. Comparisons of non-str keys call __eq__, and a table changed by
 * that call restarts the search, as CPython does.
 */
function lookup(mp: PyDict, key: PyObject, hi: number, lo: number): number {
  const keyIsStr = key.type === StrType;
  restart: for (;;) {
    const dk = mp.keys;
    const indices = dk.indices;
    const mask = indices.length - 1;
    const ekeys = dk.entryKeys;
    const ehi = dk.entryHashHi;
    const elo = dk.entryHashLo;
    let pHi = hi >>> 0;
    let pLo = lo >>> 0;
    let i = lo & mask;
    for (;;) {
      const ix = indices[i]!;
      if (ix >= 0) {
        const ek = ekeys[ix]!;
        if (ek === key) return found(mp, dk, ix);
        if (elo[ix] === lo && ehi[ix] === hi) {
          if (keyIsStr && ek.type === StrType) {
            if ((ek as PyStr).value === (key as PyStr).value) return found(mp, dk, ix);
          } else {
            incref(ek);
            let equal: boolean;
            try {
              equal = richCompareBool(ek, key, CMP_EQ);
            } finally {
              decref(ek);
            }
            if (dk !== mp.keys || dk.entryKeys[ix] !== ek) continue restart;
            if (equal) return found(mp, dk, ix);
          }
        }
      } else if (ix === DKIX_EMPTY) {
        lookupValue = null;
        return DKIX_EMPTY;
      }
      pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
      pHi = pHi >>> 5;
      i = (i * 5 + pLo + 1) & mask;
    }
  }
}

/**
 * The entry index of `key` in mp's keys table, or DKIX_EMPTY (odictobject.c's
 * _odict_get_index_raw, which mirrors the dict's entries in its fast-nodes table).
 */
export function dictLookupIndex(mp: PyDict, key: PyObject, hi: number, lo: number): number {
  return lookup(mp, key, hi, lo);
}

function found(mp: PyDict, dk: DictKeys, ix: number): number {
  lookupValue = mp.values !== null ? mp.values.values[ix]! : dk.entryValues[ix]!;
  return ix;
}

/** lookdict_index: the slot whose index is `index`. */
function lookdictIndex(dk: DictKeys, hi: number, lo: number, index: number): number {
  const indices = dk.indices;
  const mask = indices.length - 1;
  let pHi = hi >>> 0;
  let pLo = lo >>> 0;
  let i = lo & mask;
  for (;;) {
    const ix = indices[i]!;
    if (ix === index) return i;
    if (ix === DKIX_EMPTY) return DKIX_EMPTY;
    pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
    pHi = pHi >>> 5;
    i = (i * 5 + pLo + 1) & mask;
  }
}

/** find_empty_slot: the first EMPTY or DUMMY slot of the probe sequence. */
function findEmptySlot(dk: DictKeys, hi: number, lo: number): number {
  const indices = dk.indices;
  const mask = indices.length - 1;
  let pHi = hi >>> 0;
  let pLo = lo >>> 0;
  let i = lo & mask;
  while (indices[i]! >= 0) {
    pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
    pHi = pHi >>> 5;
    i = (i * 5 + pLo + 1) & mask;
  }
  return i;
}

/** Index of a str in a unicode/split keys table (_PyDictKeys_StringLookup), or DKIX_EMPTY. */
function stringLookup(dk: DictKeys, name: PyStr, hi: number, lo: number): number {
  const indices = dk.indices;
  const mask = indices.length - 1;
  let pHi = hi >>> 0;
  let pLo = lo >>> 0;
  let i = lo & mask;
  for (;;) {
    const ix = indices[i]!;
    if (ix >= 0) {
      const ek = dk.entryKeys[ix]!;
      if (ek === name || (dk.entryHashLo[ix] === lo && dk.entryHashHi[ix] === hi && (ek as PyStr).value === name.value)) return ix;
    } else if (ix === DKIX_EMPTY) {
      return DKIX_EMPTY;
    }
    pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
    pHi = pHi >>> 5;
    i = (i * 5 + pLo + 1) & mask;
  }
}

// ---------------------------------------------------------------------------------------
// Tracking

/** _PyObject_GC_MAY_BE_TRACKED */
export function mayBeTracked(o: PyObject): boolean {
  if (!objectIsGC(o)) return false;
  if (o.type === TupleType) return o.gcNext !== null;
  return true;
}

/** MAINTAIN_TRACKING */
function maintainTracking(mp: PyDict, key: PyObject, value: PyObject): void {
  if (mp.gcNext === null && (mayBeTracked(key) || mayBeTracked(value))) gcTrack(mp);
}

/** _PyDict_MaybeUntrack: used by full collections (untrack_dicts). */
export function dictMaybeUntrack(op: PyObject): void {
  if (op.type !== DictType || op.gcNext === null) return;
  const mp = op as PyDict;
  const dk = mp.keys;
  const n = dk.nentries;
  if (mp.values !== null) {
    const vs = mp.values.values;
    for (let i = 0; i < n; i++) {
      const v = vs[i]!;
      if (v !== null && mayBeTracked(v)) return;
    }
  } else if (dk.kind !== KEYS_GENERAL) {
    const vs = dk.entryValues;
    for (let i = 0; i < n; i++) {
      const v = vs[i]!;
      if (v !== null && mayBeTracked(v)) return;
    }
  } else {
    const vs = dk.entryValues;
    const ks = dk.entryKeys;
    for (let i = 0; i < n; i++) {
      const v = vs[i]!;
      if (v === null) continue;
      if (mayBeTracked(v) || mayBeTracked(ks[i]!)) return;
    }
  }
  gcUntrack(mp);
}

// ---------------------------------------------------------------------------------------
// Resize

/** build_indices_*: entries 0..n-1 get their slots in order. */
function buildIndices(dk: DictKeys, n: number): void {
  const indices = dk.indices;
  const mask = indices.length - 1;
  for (let ix = 0; ix < n; ix++) {
    const hi = dk.entryHashHi[ix]!;
    const lo = dk.entryHashLo[ix]!;
    let pHi = hi >>> 0;
    let pLo = lo >>> 0;
    let i = lo & mask;
    while (indices[i] !== DKIX_EMPTY) {
      pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
      pHi = pHi >>> 5;
      i = (i * 5 + pLo + 1) & mask;
    }
    indices[i] = ix;
  }
}

/**
 * dictresize: a new table of 2**log2NewSize slots holding the live entries in order; split
 * tables become combined. `unicode` asks for a str-only table when the old one was.
 */
function dictResize(mp: PyDict, log2NewSize: number, unicode: boolean): void {
  if (log2NewSize >= 64) raiseMemoryError();
  const oldKeys = mp.keys;
  const oldValues = mp.values;
  if (oldKeys.kind === KEYS_GENERAL) unicode = false;
  const nk = newKeysObject(log2NewSize, unicode);
  mp.keys = nk;
  const numEntries = mp.used;
  const nkeys = nk.entryKeys;
  const nvals = nk.entryValues;
  const nhi = nk.entryHashHi;
  const nlo = nk.entryHashLo;
  const okeys = oldKeys.entryKeys;
  const ohi = oldKeys.entryHashHi;
  const olo = oldKeys.entryHashLo;
  if (oldValues !== null) {
    // Split -> combined: keys are increfed (the shared table keeps its own), values move.
    const order = oldValues.order;
    for (let i = 0; i < numEntries; i++) {
      const index = order[i]!;
      const k = okeys[index]!;
      incref(k);
      nkeys[i] = k;
      nhi[i] = ohi[index]!;
      nlo[i] = olo[index]!;
      nvals[i] = oldValues.values[index]!;
    }
    buildIndices(nk, numEntries);
    dictKeysDecref(oldKeys);
    mp.values = null;
    freeValues(oldValues);
  } else {
    const ovals = oldKeys.entryValues;
    let src = 0;
    for (let i = 0; i < numEntries; i++) {
      while (ovals[src] === null) src++;
      nkeys[i] = okeys[src]!;
      nvals[i] = ovals[src]!;
      nhi[i] = ohi[src]!;
      nlo[i] = olo[src]!;
      okeys[src] = null;
      ovals[src] = null;
      src++;
    }
    buildIndices(nk, numEntries);
    // The references moved to the new table: release only the old block.
    if (oldKeys !== EMPTY_KEYS) {
      oldKeys.nentries = 0;
      releaseKeysMemory(oldKeys);
    }
  }
  nk.usable -= numEntries;
  nk.nentries = numEntries;
}

/** insertion_resize */
function insertionResize(mp: PyDict, unicode: boolean): void {
  dictResize(mp, calculateLog2Keysize(mp.used * 3), unicode);
}

function raiseMemoryError(): never {
  raise(RuntimeErrorType, "heapscope: dict table too large");
}

// ---------------------------------------------------------------------------------------
// Insertion

/** Appends a new entry for a key known to be absent. Takes over key and value. */
function insertNewEntry(mp: PyDict, key: PyObject, hi: number, lo: number, value: PyObject): void {
  let dk = mp.keys;
  dk.version = 0;
  if (dk.usable <= 0) {
    insertionResize(mp, true);
    dk = mp.keys;
  }
  const slot = findEmptySlot(dk, hi, lo);
  const ix = dk.nentries;
  dk.indices[slot] = ix;
  dk.entryKeys[ix] = key;
  dk.entryHashHi[ix] = hi;
  dk.entryHashLo[ix] = lo;
  if (mp.values !== null) {
    mp.values.values[ix] = value;
    mp.values.order.push(ix);
  } else {
    dk.entryValues[ix] = value;
  }
  mp.used++;
  mp.versionTag = nextVersion();
  dk.usable--;
  dk.nentries++;
}

/** insert_to_emptydict. Takes over key and value. */
function insertToEmptyDict(mp: PyDict, key: PyObject, hi: number, lo: number, value: PyObject): void {
  const nk = newKeysObject(LOG_MINSIZE, key.type === StrType);
  mp.keys = nk;
  mp.values = null;
  maintainTracking(mp, key, value);
  nk.indices[lo & 7] = 0;
  nk.entryKeys[0] = key;
  nk.entryValues[0] = value;
  nk.entryHashHi[0] = hi;
  nk.entryHashLo[0] = lo;
  mp.used++;
  mp.versionTag = nextVersion();
  nk.usable--;
  nk.nentries++;
}

/** insertdict: takes over key and value (dropping them if an error is thrown). */
function insertDict(mp: PyDict, key: PyObject, hi: number, lo: number, value: PyObject): void {
  let ix: number;
  let oldValue: PyObject | null;
  try {
    if (mp.keys.kind !== KEYS_GENERAL && key.type !== StrType) insertionResize(mp, false);
    ix = lookup(mp, key, hi, lo);
    oldValue = lookupValue;
  } catch (e) {
    decref(value);
    decref(key);
    throw e;
  }
  maintainTracking(mp, key, value);
  if (ix === DKIX_EMPTY) {
    insertNewEntry(mp, key, hi, lo, value);
    return;
  }
  if (oldValue !== value) {
    if (mp.values !== null) {
      mp.values.values[ix] = value;
      if (oldValue === null) {
        mp.values.order.push(ix);
        mp.used++;
      }
    } else {
      mp.keys.entryValues[ix] = value;
    }
    mp.versionTag = nextVersion();
  }
  if (oldValue !== null) decref(oldValue); // may re-enter
  decref(key);
}

/** _PyDict_SetItem_Take2: takes over key and value. */
export function dictSetItemOwned(mp: PyDict, key: PyObject, value: PyObject): void {
  try {
    keyHash(key);
  } catch (e) {
    decref(key);
    decref(value);
    throw e;
  }
  const hi = hashResult.hi;
  const lo = hashResult.lo;
  if (mp.keys === EMPTY_KEYS) insertToEmptyDict(mp, key, hi, lo, value);
  else insertDict(mp, key, hi, lo, value);
}

/** PyDict_SetItem: key and value are borrowed. */
export function dictSetItem(mp: PyDict, key: PyObject, value: PyObject): void {
  incref(key);
  incref(value);
  dictSetItemOwned(mp, key, value);
}

/** _PyDict_SetItem_KnownHash (borrowed key and value). */
export function dictSetItemKnownHash(mp: PyDict, key: PyObject, value: PyObject, hi: number, lo: number): void {
  incref(key);
  incref(value);
  if (mp.keys === EMPTY_KEYS) insertToEmptyDict(mp, key, hi, lo, value);
  else insertDict(mp, key, hi, lo, value);
}

// ---------------------------------------------------------------------------------------
// Reading

/** PyDict_GetItemWithError: the value (borrowed) or null; hashing/comparison errors propagate. */
export function dictGetItem(mp: PyDict, key: PyObject): PyObject | null {
  keyHash(key);
  lookup(mp, key, hashResult.hi, hashResult.lo);
  return lookupValue;
}

/** dictGetItem for a str key (module globals, type dicts, attribute names). Borrowed result. */
export function dictGetItemStr(mp: PyDict, key: PyStr): PyObject | null {
  keyHash(key);
  const dk = mp.keys;
  if (dk.kind !== KEYS_GENERAL) {
    const ix = stringLookup(dk, key, hashResult.hi, hashResult.lo);
    if (ix < 0) return null;
    return mp.values !== null ? mp.values.values[ix]! : dk.entryValues[ix]!;
  }
  lookup(mp, key, hashResult.hi, hashResult.lo);
  return lookupValue;
}

/** _PyDict_GetItem_KnownHash (borrowed result). */
export function dictGetItemKnownHash(mp: PyDict, key: PyObject, hi: number, lo: number): PyObject | null {
  lookup(mp, key, hi, lo);
  return lookupValue;
}

/** PyDict_Contains */
export function dictContains(mp: PyDict, key: PyObject): boolean {
  keyHash(key);
  lookup(mp, key, hashResult.hi, hashResult.lo);
  return lookupValue !== null;
}

export function dictContainsKnownHash(mp: PyDict, key: PyObject, hi: number, lo: number): boolean {
  lookup(mp, key, hi, lo);
  return lookupValue !== null;
}

export function dictLength(mp: PyDict): number {
  return mp.used;
}

/** The last iteration step's entry (borrowed references), filled by dictNext. */
export const dictEntry = {
  key: null as PyObject | null,
  value: null as PyObject | null,
  hashHi: 0,
  hashLo: 0,
};

/**
 * _PyDict_Next: from position `pos` (0 to start), fills dictEntry with the next live entry
 * and returns the position to pass next, or -1 at the end. Usage:
 *   for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) use(dictEntry.key, ...)
 */
export function dictNext(mp: PyDict, pos: number): number {
  let i = pos;
  const dk = mp.keys;
  if (mp.values !== null) {
    if (i < 0 || i >= mp.used) return -1;
    const index = mp.values.order[i]!;
    dictEntry.key = dk.entryKeys[index]!;
    dictEntry.value = mp.values.values[index]!;
    dictEntry.hashHi = dk.entryHashHi[index]!;
    dictEntry.hashLo = dk.entryHashLo[index]!;
    return i + 1;
  }
  const n = dk.nentries;
  if (i < 0 || i >= n) return -1;
  const vs = dk.entryValues;
  while (i < n && vs[i] === null) i++;
  if (i >= n) return -1;
  dictEntry.key = dk.entryKeys[i]!;
  dictEntry.value = vs[i]!;
  dictEntry.hashHi = dk.entryHashHi[i]!;
  dictEntry.hashLo = dk.entryHashLo[i]!;
  return i + 1;
}

// ---------------------------------------------------------------------------------------
// Deletion

/** _PyErr_SetKeyError: KeyError whose args are (key,). */
export function raiseKeyError(key: PyObject): never {
  incref(key);
  raiseOwned(newExceptionFromOwnedArgs(KeyErrorType, tupleFromOwned([key])));
}

/** delitem_common: removes entry `ix` whose value is `oldValue` (the dict's reference). */
function delItemCommon(mp: PyDict, hi: number, lo: number, ix: number, oldValue: PyObject): void {
  const dk = mp.keys;
  const slot = lookdictIndex(dk, hi, lo, ix);
  mp.used--;
  mp.versionTag = nextVersion();
  if (mp.values !== null) {
    mp.values.values[ix] = null;
    deleteIndexFromValues(mp.values, ix);
  } else {
    dk.version = 0;
    dk.indices[slot] = DKIX_DUMMY;
    const oldKey = dk.entryKeys[ix]!;
    dk.entryKeys[ix] = null;
    dk.entryValues[ix] = null;
    dk.entryHashHi[ix] = 0;
    dk.entryHashLo[ix] = 0;
    decref(oldKey);
  }
  decref(oldValue);
}

/** PyDict_DelItem: KeyError(key) when absent. */
export function dictDelItem(mp: PyDict, key: PyObject): void {
  keyHash(key);
  const hi = hashResult.hi;
  const lo = hashResult.lo;
  const ix = lookup(mp, key, hi, lo);
  const old = lookupValue;
  if (ix === DKIX_EMPTY || old === null) raiseKeyError(key);
  delItemCommon(mp, hi, lo, ix, old);
}

/** Deletes `key` if present; returns whether it was. */
export function dictDelItemIfPresent(mp: PyDict, key: PyObject): boolean {
  keyHash(key);
  const hi = hashResult.hi;
  const lo = hashResult.lo;
  const ix = lookup(mp, key, hi, lo);
  const old = lookupValue;
  if (ix === DKIX_EMPTY || old === null) return false;
  delItemCommon(mp, hi, lo, ix, old);
  return true;
}

/**
 * _PyDict_Pop: removes `key` and returns its value (new reference); when absent returns
 * `deflt` (new reference) or raises KeyError(key) if deflt is null.
 */
export function dictPop(mp: PyDict, key: PyObject, deflt: PyObject | null): PyObject {
  if (mp.used === 0) {
    if (deflt !== null) {
      incref(deflt);
      return deflt;
    }
    raiseKeyError(key);
  }
  keyHash(key);
  const hi = hashResult.hi;
  const lo = hashResult.lo;
  const ix = lookup(mp, key, hi, lo);
  const old = lookupValue;
  if (ix === DKIX_EMPTY || old === null) {
    if (deflt !== null) {
      incref(deflt);
      return deflt;
    }
    raiseKeyError(key);
  }
  incref(old);
  delItemCommon(mp, hi, lo, ix, old);
  return old;
}

/** PyDict_Clear: back to the shared empty table, then the old references are dropped. */
export function dictClear(mp: PyDict): void {
  const oldKeys = mp.keys;
  const oldValues = mp.values;
  if (oldKeys === EMPTY_KEYS) return;
  mp.keys = EMPTY_KEYS;
  mp.values = null;
  mp.used = 0;
  mp.versionTag = nextVersion();
  if (oldValues !== null) {
    const n = oldKeys.nentries;
    const vs = oldValues.values;
    for (let i = 0; i < n; i++) {
      const v = vs[i]!;
      if (v !== null) {
        vs[i] = null;
        decref(v);
      }
    }
    freeValues(oldValues);
    dictKeysDecref(oldKeys);
  } else {
    dictKeysDecref(oldKeys);
  }
}

/**
 * PyDict_SetDefault: the value for key, inserting `deflt` first when absent (borrowed
 * result, like CPython's).
 */
export function dictSetDefault(mp: PyDict, key: PyObject, deflt: PyObject): PyObject {
  keyHash(key);
  const hi = hashResult.hi;
  const lo = hashResult.lo;
  if (mp.keys === EMPTY_KEYS) {
    incref(key);
    incref(deflt);
    insertToEmptyDict(mp, key, hi, lo, deflt);
    return deflt;
  }
  if (key.type !== StrType && mp.keys.kind !== KEYS_GENERAL) insertionResize(mp, false);
  const ix = lookup(mp, key, hi, lo);
  const value = lookupValue;
  if (ix === DKIX_EMPTY) {
    incref(key);
    incref(deflt);
    maintainTracking(mp, key, deflt);
    insertNewEntry(mp, key, hi, lo, deflt);
    return deflt;
  }
  if (value === null) {
    // A split table's key without a value in this dict.
    incref(deflt);
    maintainTracking(mp, key, deflt);
    mp.values!.values[ix] = deflt;
    mp.values!.order.push(ix);
    mp.used++;
    mp.versionTag = nextVersion();
    return deflt;
  }
  return value;
}

/**
 * dict.popitem's table work: removes the last entry and returns [key, value] (the dict's
 * references, now the caller's). The caller checks emptiness first.
 */
export function dictPopLastEntry(mp: PyDict): [PyObject, PyObject] {
  if (mp.keys.kind === KEYS_SPLIT) dictResize(mp, mp.keys.log2Size, true);
  const dk = mp.keys;
  dk.version = 0;
  let i = dk.nentries - 1;
  while (i >= 0 && dk.entryValues[i] === null) i--;
  const key = dk.entryKeys[i]!;
  const value = dk.entryValues[i]!;
  const hi = dk.entryHashHi[i]!;
  const lo = dk.entryHashLo[i]!;
  dk.entryKeys[i] = null;
  dk.entryValues[i] = null;
  dk.entryHashHi[i] = -1;
  dk.entryHashLo[i] = -1;
  const slot = lookdictIndex(dk, hi, lo, i);
  dk.indices[slot] = DKIX_DUMMY;
  dk.nentries = i;
  mp.used--;
  mp.versionTag = nextVersion();
  return [key, value];
}

// ---------------------------------------------------------------------------------------
// Copy and merge

/** clone_combined_dict_keys: a byte copy of a combined table, every live entry increfed. */
function cloneCombinedKeys(orig: PyDict): DictKeys {
  const ok = orig.keys;
  const nk = new DictKeys(ok.log2Size, ok.kind);
  nk.address = allocator.malloc(DOMAIN_OBJ, keysByteSize(ok));
  nk.usable = ok.usable;
  nk.nentries = ok.nentries;
  nk.indices.set(ok.indices);
  nk.entryHashHi.set(ok.entryHashHi);
  nk.entryHashLo.set(ok.entryHashLo);
  const n = ok.nentries;
  for (let i = 0; i < n; i++) {
    const v = ok.entryValues[i]!;
    const k = ok.entryKeys[i]!;
    nk.entryKeys[i] = k;
    nk.entryValues[i] = v;
    if (v !== null) {
      incref(v);
      incref(k!);
    }
  }
  return nk;
}

/** Is `o` a dict whose iteration is dict's own (the tp_iter == dict_iter test)? */
function hasDictIter(o: PyObject): boolean {
  return isDict(o) && o.type.iter === DictType.iter;
}

/**
 * dict_merge for a dict source: override 1 replaces, 0 keeps existing keys, 2 raises
 * KeyError on a duplicate (used for **kwargs merging).
 */
export function dictMergeDict(mp: PyDict, other: PyDict, override: number): void {
  if (other === mp || other.used === 0) return;
  if (mp.used === 0) {
    override = 1;
    const okeys = other.keys;
    if (
      other.values === null &&
      other.used === okeys.nentries &&
      (okeys.log2Size === LOG_MINSIZE || usableFraction((1 << okeys.log2Size) / 2) < other.used)
    ) {
      const keys = cloneCombinedKeys(other);
      dictKeysDecref(mp.keys);
      mp.keys = keys;
      if (mp.values !== null) {
        freeValues(mp.values);
        mp.values = null;
      }
      mp.used = other.used;
      mp.versionTag = nextVersion();
      if (other.gcNext !== null && mp.gcNext === null) gcTrack(mp);
      return;
    }
  }
  if (usableFraction(2 ** mp.keys.log2Size) < other.used) {
    dictResize(mp, estimateLog2Keysize(mp.used + other.used), other.keys.kind !== KEYS_GENERAL);
  }
  const origSize = other.keys.nentries;
  for (let pos = dictNext(other, 0); pos >= 0; pos = dictNext(other, pos)) {
    const key = dictEntry.key!;
    const value = dictEntry.value!;
    const hi = dictEntry.hashHi;
    const lo = dictEntry.hashLo;
    incref(key);
    incref(value);
    try {
      if (override === 1) {
        incref(key);
        incref(value);
        if (mp.keys === EMPTY_KEYS) insertToEmptyDict(mp, key, hi, lo, value);
        else insertDict(mp, key, hi, lo, value);
      } else if (!dictContainsKnownHash(mp, key, hi, lo)) {
        incref(key);
        incref(value);
        if (mp.keys === EMPTY_KEYS) insertToEmptyDict(mp, key, hi, lo, value);
        else insertDict(mp, key, hi, lo, value);
      } else if (override !== 0) {
        raiseKeyError(key);
      }
    } finally {
      decref(value);
      decref(key);
    }
    if (origSize !== other.keys.nentries) raise(RuntimeErrorType, "dict mutated during update");
  }
}

export { hasDictIter };

/** PyDict_Copy (new reference). */
export function dictCopy(mp: PyDict): PyDict {
  if (mp.used === 0) return newDict();
  if (mp.values !== null) {
    const size = sharedKeysUsableSize(mp.keys);
    const nv = newValues(size);
    const copy = new PyDict(DictType);
    allocGCObject(copy, DICT_BASICSIZE);
    nv.order = mp.values.order.slice();
    copy.values = nv;
    copy.keys = mp.keys;
    copy.used = mp.used;
    copy.versionTag = nextVersion();
    dictKeysIncref(mp.keys);
    for (let i = 0; i < size; i++) {
      const v = mp.values.values[i] ?? null;
      if (v !== null) incref(v);
      nv.values[i] = v;
    }
    if (mp.gcNext !== null) gcTrack(copy);
    return copy;
  }
  if (hasDictIter(mp) && mp.used >= Math.floor((mp.keys.nentries * 2) / 3)) {
    const keys = cloneCombinedKeys(mp);
    const copy = newDictObject(keys, null, 0);
    copy.used = mp.used;
    if (mp.gcNext !== null) gcTrack(copy);
    return copy;
  }
  const copy = newDict();
  try {
    dictMergeDict(copy, mp, 1);
  } catch (e) {
    decref(copy);
    throw e;
  }
  return copy;
}

/** dictresize for callers outside the file (dict.fromkeys presizing). */
export function dictResizeTo(mp: PyDict, log2NewSize: number, unicode: boolean): void {
  dictResize(mp, log2NewSize, unicode);
}

/** insertdict with a known hash, for dict.fromkeys (borrowed key and value). */
export function dictInsertKnownHash(mp: PyDict, key: PyObject, hi: number, lo: number, value: PyObject): void {
  incref(key);
  incref(value);
  insertDict(mp, key, hi, lo, value);
}

// ---------------------------------------------------------------------------------------
// Lifecycle slots

/** _PyDict_SizeOf */
export function dictSizeOf(mp: PyDict): number {
  let res = mp.type.basicsize;
  if (mp.values !== null) res += sharedKeysUsableSize(mp.keys) * 8;
  if (mp.keys.refcnt === 1) res += keysByteSize(mp.keys);
  return res;
}

/** dict_traverse: general tables visit value then key per entry; str tables values only. */
export function dictTraverse(self: PyObject, visit: VisitProc, arg: unknown): void {
  const mp = self as PyDict;
  const dk = mp.keys;
  const n = dk.nentries;
  if (dk.kind !== KEYS_GENERAL) {
    const vs = mp.values !== null ? mp.values.values : dk.entryValues;
    for (let i = 0; i < n; i++) {
      const v = vs[i]!;
      if (v !== null) visit(v, arg);
    }
  } else {
    const vs = dk.entryValues;
    const ks = dk.entryKeys;
    for (let i = 0; i < n; i++) {
      const v = vs[i]!;
      if (v !== null) {
        visit(v, arg);
        visit(ks[i]!, arg);
      }
    }
  }
}

/** dict_tp_clear */
export function dictTpClear(self: PyObject): void {
  dictClear(self as PyDict);
}

/**
 * dict_dealloc: values of a split table in index order; a combined table releases each
 * entry's key then value, in entry order.
 */
export function dictDealloc(self: PyObject): void {
  const mp = self as PyDict;
  const values = mp.values;
  const keys = mp.keys;
  gcUntrack(mp);
  if (!trashBegin(mp)) return;
  if (values !== null) {
    const n = keys.nentries;
    const vs = values.values;
    for (let i = 0; i < n; i++) {
      const v = vs[i]!;
      if (v !== null) {
        vs[i] = null;
        decref(v);
      }
    }
    freeValues(values);
    dictKeysDecref(keys);
  } else {
    dictKeysDecref(keys);
  }
  mp.keys = EMPTY_KEYS;
  mp.values = null;
  mp.used = 0;
  if (dictFreeList.length < MAXFREELIST && mp.type === DictType) {
    dictFreeList.push(mp);
    parkOnFreeList(mp);
  } else {
    freeGCObject(mp);
  }
  trashEnd();
}

DictType.dealloc = dictDealloc;
DictType.traverse = dictTraverse;
DictType.clear = dictTpClear;

// ---------------------------------------------------------------------------------------
// Managed-dict instance attributes (3.11's inline values)

/**
 * What an instance of a managed-dict class carries in its two pre-header words: the inline
 * values array, or (once materialised) its __dict__. Exactly one is non-null after
 * instanceInitValues, until the dict is materialised.
 */
export interface ManagedDictOwner extends PyObject {
  values: DictValues | null;
  dict: PyDict | null;
}

/** _PyDict_NewKeysForClass: the split keys a heap type shares among its instances (ht_cached_keys). */
export function newKeysForClass(): DictKeys {
  const keys = newKeysObject(NEXT_LOG2_SHARED_KEYS_MAX_SIZE, true);
  // One more than the maximum: each new instance takes one away before sizing its values.
  keys.usable = SHARED_KEYS_MAX_SIZE;
  keys.kind = KEYS_SPLIT;
  return keys;
}

/** init_inline_values / _PyObject_InitializeDict for a managed-dict instance. */
export function instanceInitValues(owner: ManagedDictOwner, keys: DictKeys): void {
  if (keys.usable > 1) keys.usable--;
  const size = sharedKeysUsableSize(keys);
  owner.values = newValues(size);
  owner.dict = null;
}

/** insert_into_dictkeys: the shared index of `name`, adding it if there is room; else -1. */
function insertIntoDictKeys(keys: DictKeys, name: PyStr): number {
  keyHash(name);
  const hi = hashResult.hi;
  const lo = hashResult.lo;
  let ix = stringLookup(keys, name, hi, lo);
  if (ix === DKIX_EMPTY) {
    if (keys.usable <= 0) return DKIX_EMPTY;
    incref(name);
    keys.version = 0;
    const slot = findEmptySlot(keys, hi, lo);
    ix = keys.nentries;
    keys.indices[slot] = ix;
    keys.entryKeys[ix] = name;
    keys.entryHashHi[ix] = hi;
    keys.entryHashLo[ix] = lo;
    keys.usable--;
    keys.nentries++;
  }
  return ix;
}

/** make_dict_from_instance_attributes: a split dict taking over the values array. */
function makeDictFromInstanceAttributes(keys: DictKeys, values: DictValues): PyDict {
  dictKeysIncref(keys);
  let used = 0;
  let track = false;
  const size = sharedKeysUsableSize(keys);
  for (let i = 0; i < size; i++) {
    const v = values.values[i] ?? null;
    if (v !== null) {
      used++;
      if (mayBeTracked(v)) track = true;
    }
  }
  const d = newDictObject(keys, values, used);
  if (track) gcTrack(d);
  return d;
}

/**
 * PyObject_GenericGetDict for managed dicts: the instance's __dict__, materialised from the
 * inline values on first request (borrowed; the owner keeps it).
 */
export function instanceMaterializeDict(owner: ManagedDictOwner, keys: DictKeys): PyDict {
  if (owner.values !== null) {
    owner.dict = makeDictFromInstanceAttributes(keys, owner.values);
    owner.values = null;
  } else if (owner.dict === null) {
    owner.dict = newDict();
  }
  return owner.dict;
}

/** _PyObject_GetInstanceAttribute: the attribute's value (borrowed) or null. */
export function instanceGetAttr(owner: ManagedDictOwner, keys: DictKeys, name: PyStr): PyObject | null {
  const values = owner.values;
  if (values !== null) {
    if (name.type !== StrType) return null;
    keyHash(name);
    const ix = stringLookup(keys, name, hashResult.hi, hashResult.lo);
    if (ix < 0) return null;
    return values.values[ix] ?? null;
  }
  const d = owner.dict;
  if (d === null) return null;
  return dictGetItem(d, name);
}

/**
 * _PyObject_StoreInstanceAttribute (value null = delete). Falls back to a materialised
 * dict when the shared keys cannot take the name. Deleting a missing attribute raises
 * AttributeError "'<type>' object has no attribute '<name>'".
 */
export function instanceSetAttr(owner: ManagedDictOwner, keys: DictKeys, name: PyStr, value: PyObject | null): void {
  const values = owner.values;
  if (values === null) {
    let d = owner.dict;
    if (d === null) {
      d = newDict();
      owner.dict = d;
    }
    if (value === null) {
      if (!dictDelItemIfPresent(d, name)) raiseNoAttribute(owner, name);
    } else {
      dictSetItem(d, name, value);
    }
    return;
  }
  let ix = DKIX_EMPTY;
  if (name.type === StrType) ix = insertIntoDictKeys(keys, name);
  if (ix === DKIX_EMPTY) {
    const d = makeDictFromInstanceAttributes(keys, values);
    owner.values = null;
    owner.dict = d;
    if (value === null) {
      if (!dictDelItemIfPresent(d, name)) raiseNoAttribute(owner, name);
    } else {
      dictSetItem(d, name, value);
    }
    return;
  }
  const old = values.values[ix] ?? null;
  if (value !== null) incref(value);
  values.values[ix] = value;
  if (old === null) {
    if (value === null) raiseNoAttribute(owner, name);
    values.order.push(ix);
  } else {
    if (value === null) deleteIndexFromValues(values, ix);
    decref(old);
  }
}

function raiseNoAttribute(owner: PyObject, name: PyStr): never {
  raise(AttributeErrorType, `'${owner.type.name}' object has no attribute '${name.value}'`);
}

/** _PyObject_VisitInstanceAttributes: inline values in index order (nothing once materialised). */
export function instanceTraverseAttrs(owner: ManagedDictOwner, keys: DictKeys, visit: VisitProc, arg: unknown): void {
  const values = owner.values;
  if (values === null) return;
  const n = keys.nentries;
  const vs = values.values;
  for (let i = 0; i < n; i++) {
    const v = vs[i] ?? null;
    if (v !== null) visit(v, arg);
  }
}

/** _PyObject_ClearInstanceAttributes (tp_clear of instances): values dropped, array kept. */
export function instanceClearAttrs(owner: ManagedDictOwner, keys: DictKeys): void {
  const values = owner.values;
  if (values === null) return;
  const n = keys.nentries;
  const vs = values.values;
  for (let i = 0; i < n; i++) {
    const v = vs[i] ?? null;
    if (v !== null) {
      vs[i] = null;
      decref(v);
    }
  }
  values.order.length = 0;
}

/**
 * _PyObject_FreeInstanceAttributes (subtype_dealloc): releases the inline values in index
 * order and frees the array; a materialised dict is released instead.
 */
export function instanceFreeAttrs(owner: ManagedDictOwner, keys: DictKeys): void {
  const values = owner.values;
  if (values !== null) {
    owner.values = null;
    const n = keys.nentries;
    const vs = values.values;
    for (let i = 0; i < n; i++) {
      const v = vs[i] ?? null;
      if (v !== null) {
        vs[i] = null;
        decref(v);
      }
    }
    freeValues(values);
    return;
  }
  const d = owner.dict;
  if (d !== null) {
    owner.dict = null;
    decref(d);
  }
}

/** _PyObject_IsInstanceDictEmpty for managed dicts. */
export function instanceDictIsEmpty(owner: ManagedDictOwner, keys: DictKeys): boolean {
  const values = owner.values;
  if (values !== null) {
    for (let i = 0; i < keys.nentries; i++) if ((values.values[i] ?? null) !== null) return false;
    return true;
  }
  return owner.dict === null || owner.dict.used === 0;
}

/** A new split dict sharing `keys` (new_dict_with_shared_keys), for classic dict pointers. */
export function newDictWithSharedKeys(keys: DictKeys): PyDict {
  dictKeysIncref(keys);
  const values = newValues(sharedKeysUsableSize(keys));
  return newDictObject(keys, values, 0);
}

// The protocol slots and methods live in dictmethods.ts; re-exported here for the callers
// that know them as dict.ts's (the interpreter's DICT_UPDATE / DICT_MERGE, builtins).
export {
  dictFromKeys, dictKeysList, dictMerge, dictMergeFromObject, dictMergeFromSeq2, dictRepr, dictRichCompare, dictSubscript,
  dictAssSubscript, dictUpdateArg, dictUpdateFromObject,
} from "./dictmethods.js";

installDictMethods();
installTupleMethods();
