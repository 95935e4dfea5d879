// Objects/odictobject.c (3.11): PyODictObject (a dict plus od_first/od_last, the
// od_fast_nodes table mirroring the dict's key table, od_state, od_inst_dict and
// od_weakreflist: 112 bytes), the linked list of _ODictNode (key + hash + links, 32 bytes each,
// PyMem), _odict_resize / _odict_get_index / _odict_add_new_node / _odict_clear_node /
// _odict_clear_nodes, PyODict_SetItem / PyODict_DelItem, odict_dealloc, odict_traverse
// (inst dict, the nodes' keys, then the dict), odict_tp_clear, odict_repr, odict_richcompare
// (order-sensitive between two OrderedDicts), odict_sizeof, the methods (clear, copy,
// fromkeys, pop, popitem(last), setdefault, update = mutablemapping_update, move_to_end,
// __reversed__, __reduce__), odict_or / odict_inplace_or, odict_init, the odict_iterator and
// the odict_keys / odict_values / odict_items views.

import { PyObject } from "../runtime/object.js";
import { allocator, allocGCObject, freeGCObject } from "../runtime/heap.js";
import { DOMAIN_MEM } from "../memory/index.js";
import { gcTrack, gcUntrack } from "../runtime/gcstate.js";
import { decref, incref, newRef, xdecref } from "../runtime/refcount.js";
import { CMP_EQ, CMP_NE, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, type PyType } from "../runtime/type.js";
import { newStaticType, readyType } from "../runtime/typeroots.js";
import { addGetSets, addMethods } from "../runtime/descrobject.js";
import type { GetSetDef, MethodDef } from "../runtime/methoddef.js";
import {
  KeyErrorType, RuntimeErrorType, TypeErrorType, ValueErrorType, raise, raiseWithValue,
} from "../runtime/exceptions.js";
import { False, True, newIntSsize } from "../runtime/int.js";
import { newStr, staticStr } from "../runtime/str.js";
import { None, NotImplemented } from "../runtime/singletons.js";
import { tupleFromOwned, tuplePack2, type PyTuple } from "../runtime/tuple.js";
import { listFromOwned } from "../runtime/list.js";
import {
  allocDictOfType, DKIX_EMPTY, dictClear, dictDealloc, dictDelItem, dictFromKeys, dictGetItemKnownHash,
  dictLookupIndex, dictRichCompare, dictSetItemKnownHash, dictSizeOf, dictTraverse, DictType, isDict, keyHash,
  dictNext, dictEntry, type DictKeys, PyDict,
} from "../runtime/dict.js";
import { hashResult } from "../runtime/values/pyhash.js";
import {
  callNoArgs, callObject, callOneArg, delItem, getItem, getIter, isTrue, iterNext, lookupAttr, objectRepr,
  reprEnter, reprLeave, richCompareBool, sequenceContains, setItem,
} from "../runtime/abstract.js";
import { sequenceList } from "../runtime/list.js";
import { parseArgs } from "../runtime/getargs.js";
import { clearWeakrefs } from "../runtime/weakref.js";
import { objectDictGetSet } from "../runtime/typeobject.js";
import {
  DictItemsType, DictKeysType, DictValuesType, dictViewNew, type PyDictView,
} from "../runtime/dictviews.js";

/** sizeof(PyODictObject) */
const ODICT_BASICSIZE = 112;
/** sizeof(_ODictNode) */
const NODE_SIZE = 32;
/** sizeof(odictiterobject) */
const ODICTITER_BASICSIZE = 64;

export class ODictNode {
  key: PyObject;
  hashHi: number;
  hashLo: number;
  next: ODictNode | null;
  prev: ODictNode | null;
  address: number;

  constructor(key: PyObject, hi: number, lo: number, address: number) {
    this.key = key;
    this.hashHi = hi;
    this.hashLo = lo;
    this.next = null;
    this.prev = null;
    this.address = address;
  }
}

export class PyODict extends PyDict {
  first: ODictNode | null;
  last: ODictNode | null;
  fastNodes: (ODictNode | null)[];
  fastNodesAddress: number;
  /** od_resize_sentinel: the keys table fastNodes was built for. */
  resizeSentinel: DictKeys | null;
  /** od_state: bumped by every change of the linked list. */
  odState: number;
  /** od_inst_dict: the instance __dict__ (tp_dictoffset). */
  dict: PyDict | null;

  constructor(type: PyType) {
    super(type);
    this.first = null;
    this.last = null;
    this.fastNodes = [];
    this.fastNodesAddress = 0;
    this.resizeSentinel = null;
    this.odState = 0;
    this.dict = null;
  }
}

export const ODictType = newStaticType("collections.OrderedDict", ODICT_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE, DictType);
ODictType.dictoffset = 96;
ODictType.weaklistoffset = 104;

export function isODict(o: PyObject): o is PyODict {
  return o.type === ODictType || o.type.isSubtypeOf(ODictType);
}

// ---------------------------------------------------------------------------
// The node list and its fast lookup table.

/** _odict_resize: a new table of dk_size slots, filled by each node's entry index. */
function odictResize(od: PyODict): void {
  const size = 1 << od.keys.log2Size;
  const address = allocator.malloc(DOMAIN_MEM, size * 8);
  const nodes = new Array<ODictNode | null>(size).fill(null);
  for (let node = od.first; node !== null; node = node.next) {
    const i = getIndexRaw(od, node.key, node.hashHi, node.hashLo);
    nodes[i] = node;
  }
  if (od.fastNodesAddress !== 0) allocator.free(DOMAIN_MEM, od.fastNodesAddress);
  od.fastNodes = nodes;
  od.fastNodesAddress = address;
  od.resizeSentinel = od.keys;
}

function getIndexRaw(od: PyODict, key: PyObject, hi: number, lo: number): number {
  const ix = dictLookupIndex(od, key, hi, lo);
  return ix === DKIX_EMPTY ? od.keys.nentries : ix;
}

/** _odict_get_index: resynchronises the table when the dict's keys table changed. */
function getIndex(od: PyODict, key: PyObject, hi: number, lo: number): number {
  if (od.resizeSentinel !== od.keys || od.fastNodes.length !== 1 << od.keys.log2Size) odictResize(od);
  return getIndexRaw(od, key, hi, lo);
}

function findNodeHash(od: PyODict, key: PyObject, hi: number, lo: number): ODictNode | null {
  if (od.first === null) return null;
  return od.fastNodes[getIndex(od, key, hi, lo)] ?? null;
}

function findNode(od: PyODict, key: PyObject): ODictNode | null {
  if (od.first === null) return null;
  keyHash(key);
  const hi = hashResult.hi;
  const lo = hashResult.lo;
  return findNodeHash(od, key, hi, lo);
}

function addHead(od: PyODict, node: ODictNode): void {
  node.prev = null;
  node.next = od.first;
  if (od.first === null) od.last = node;
  else od.first.prev = node;
  od.first = node;
  od.odState++;
}

function addTail(od: PyODict, node: ODictNode): void {
  node.prev = od.last;
  node.next = null;
  if (od.last === null) od.first = node;
  else od.last.next = node;
  od.last = node;
  od.odState++;
}

/** _odict_add_new_node: a node for a key just stored in the dict (none if it has one). */
function addNewNode(od: PyODict, key: PyObject, hi: number, lo: number): void {
  incref(key);
  let i: number;
  try {
    i = getIndex(od, key, hi, lo);
  } catch (e) {
    decref(key);
    throw e;
  }
  if (od.fastNodes[i] !== null && od.fastNodes[i] !== undefined) {
    decref(key);
    return;
  }
  const node = new ODictNode(key, hi, lo, allocator.malloc(DOMAIN_MEM, NODE_SIZE));
  addTail(od, node);
  od.fastNodes[i] = node;
}

function removeNode(od: PyODict, node: ODictNode): void {
  if (od.first === node) od.first = node.next;
  else if (node.prev !== null) node.prev.next = node.next;
  if (od.last === node) od.last = node.prev;
  else if (node.next !== null) node.next.prev = node.prev;
  node.prev = null;
  node.next = null;
  od.odState++;
}

function deallocNode(node: ODictNode): void {
  const key = node.key;
  allocator.free(DOMAIN_MEM, node.address);
  node.address = 0;
  decref(key);
}

/** _odict_clear_node: unlinks and frees the key's node (before the dict entry goes). */
function clearNode(od: PyODict, node: ODictNode | null, key: PyObject, hi: number, lo: number): void {
  if (od.first === null) return;
  const i = getIndex(od, key, hi, lo);
  if (node === null) node = od.fastNodes[i] ?? null;
  if (node === null) return;
  od.fastNodes[i] = null;
  removeNode(od, node);
  deallocNode(node);
}

/** _odict_clear_nodes: the table, then every node (key released) first to last. */
function clearNodes(od: PyODict): void {
  if (od.fastNodesAddress !== 0) allocator.free(DOMAIN_MEM, od.fastNodesAddress);
  od.fastNodesAddress = 0;
  od.fastNodes = [];
  od.resizeSentinel = null;
  let node = od.first;
  od.first = null;
  od.last = null;
  while (node !== null) {
    const next = node.next;
    deallocNode(node);
    node = next;
  }
}

// ---------------------------------------------------------------------------
// Item assignment.

/** PyODict_SetItem with a known hash: the dict first, then a node if the key is new. */
function odictSetItemKnownHash(od: PyODict, key: PyObject, value: PyObject, hi: number, lo: number): void {
  dictSetItemKnownHash(od, key, value, hi, lo);
  try {
    addNewNode(od, key, hi, lo);
  } catch (e) {
    if (dictGetItemKnownHash(od, key, hi, lo) !== null) dictDelItem(od, key);
    throw e;
  }
}

export function odictSetItem(od: PyODict, key: PyObject, value: PyObject): void {
  keyHash(key);
  odictSetItemKnownHash(od, key, value, hashResult.hi, hashResult.lo);
}

/** PyODict_DelItem */
export function odictDelItem(od: PyODict, key: PyObject): void {
  keyHash(key);
  const hi = hashResult.hi;
  const lo = hashResult.lo;
  clearNode(od, null, key, hi, lo);
  dictDelItem(od, key);
}

function odictAssSubscript(self: PyObject, key: PyObject, value: PyObject | null): void {
  if (value === null) odictDelItem(self as PyODict, key);
  else odictSetItem(self as PyODict, key, value);
}

// ---------------------------------------------------------------------------
// Slots.

function odictNew(type: PyType, _args: PyTuple, _kwargs: PyDict | null): PyObject {
  return allocDictOfType(type, new PyODict(type));
}

function odictDealloc(self: PyObject): void {
  const od = self as PyODict;
  gcUntrack(od);
  const inst = od.dict;
  od.dict = null;
  xdecref(inst);
  if (od.weakrefList !== null) clearWeakrefs(od);
  clearNodes(od);
  dictDealloc(od);
}

function odictTraverse(self: PyObject, visit: (o: PyObject, arg: unknown) => void, arg: unknown): void {
  const od = self as PyODict;
  if (od.dict !== null) visit(od.dict, arg);
  for (let node = od.first; node !== null; node = node.next) visit(node.key, arg);
  dictTraverse(od, visit, arg);
}

function odictTpClear(self: PyObject): void {
  const od = self as PyODict;
  const inst = od.dict;
  od.dict = null;
  xdecref(inst);
  dictClear(od);
  clearNodes(od);
}

function typeShortName(t: PyType): string {
  const dot = t.name.lastIndexOf(".");
  return dot < 0 ? t.name : t.name.slice(dot + 1);
}

function odictRepr(self: PyObject): PyObject {
  const od = self as PyODict;
  const name = typeShortName(od.type);
  if (od.used === 0) return newStr(`${name}()`);
  if (reprEnter(od)) return newStr("...");
  try {
    let pieces: PyObject;
    if (od.type === ODictType) {
      const pairs: PyObject[] = [];
      try {
        for (let node = od.first; node !== null; node = node.next) {
          const value = dictGetItemKnownHash(od, node.key, node.hashHi, node.hashLo);
          if (value === null) raiseWithValue(KeyErrorType, node.key);
          pairs.push(tuplePack2(node.key, value));
        }
      } catch (e) {
        for (const p of pairs) decref(p);
        throw e;
      }
      pieces = listFromOwned(pairs);
    } else {
      const items = callMethodNoArgs(od, "items");
      try {
        pieces = sequenceList(items);
      } finally {
        decref(items);
      }
    }
    try {
      const r = objectRepr(pieces);
      const text = r.value;
      decref(r);
      return newStr(`${name}(${text})`);
    } finally {
      decref(pieces);
    }
  } finally {
    reprLeave(od);
  }
}

function callMethodNoArgs(o: PyObject, name: string): PyObject {
  const m = lookupAttr(o, staticStr(name));
  if (m === null) raise(TypeErrorType, `'${o.type.name}' object has no attribute '${name}'`);
  try {
    return callNoArgs(m);
  } finally {
    decref(m);
  }
}

/** _odict_keys_equal: both lists in lockstep, keys compared with ==. */
function keysEqual(a: PyODict, b: PyODict): boolean {
  let na = a.first;
  let nb = b.first;
  for (;;) {
    if (na === null && nb === null) return true;
    if (na === null || nb === null) return false;
    const stateA = a.odState;
    const stateB = b.odState;
    const ka = na.key;
    const kb = nb.key;
    incref(ka);
    incref(kb);
    let eq: boolean;
    try {
      eq = richCompareBool(ka, kb, CMP_EQ);
    } finally {
      decref(ka);
      decref(kb);
    }
    if (a.odState !== stateA || b.odState !== stateB) raise(RuntimeErrorType, "OrderedDict mutated during iteration");
    if (!eq) return false;
    na = na.next;
    nb = nb.next;
  }
}

function odictRichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!isODict(v) || !isDict(w)) return newRef(NotImplemented);
  if (op !== CMP_EQ && op !== CMP_NE) return newRef(NotImplemented);
  const cmp = dictRichCompare(v, w, op);
  if (!isODict(w)) return cmp;
  if (op === CMP_EQ && cmp === False) return cmp;
  if (op === CMP_NE && cmp === True) return cmp;
  decref(cmp);
  const eq = keysEqual(v, w);
  return newRef(eq === (op === CMP_EQ) ? True : False);
}

// ---------------------------------------------------------------------------
// MutableMapping.update in C (mutablemapping_update and helpers).

function addPairs(self: PyObject, pairs: PyObject): void {
  const it = getIter(pairs);
  try {
    for (let pair = iterNext(it); pair !== null; pair = iterNext(it)) {
      try {
        const pit = getIter(pair);
        try {
          const key = iterNext(pit);
          if (key === null) raise(ValueErrorType, "need more than 0 values to unpack");
          try {
            const value = iterNext(pit);
            if (value === null) raise(ValueErrorType, "need more than 1 value to unpack");
            try {
              const extra = iterNext(pit);
              if (extra !== null) {
                decref(extra);
                raise(ValueErrorType, "too many values to unpack (expected 2)");
              }
              setItem(self, key, value);
            } finally {
              decref(value);
            }
          } finally {
            decref(key);
          }
        } finally {
          decref(pit);
        }
      } finally {
        decref(pair);
      }
    }
  } finally {
    decref(it);
  }
}

function updateArg(self: PyObject, arg: PyObject): void {
  if (arg.type === DictType) {
    const items = dictItemsList(arg as PyDict);
    try {
      addPairs(self, items);
    } finally {
      decref(items);
    }
    return;
  }
  const keysFunc = lookupAttr(arg, staticStr("keys"));
  if (keysFunc !== null) {
    let keys: PyObject;
    try {
      keys = callNoArgs(keysFunc);
    } finally {
      decref(keysFunc);
    }
    try {
      const it = getIter(keys);
      try {
        for (let key = iterNext(it); key !== null; key = iterNext(it)) {
          try {
            const value = getItem(arg, key);
            try {
              setItem(self, key, value);
            } finally {
              decref(value);
            }
          } finally {
            decref(key);
          }
        }
      } finally {
        decref(it);
      }
    } finally {
      decref(keys);
    }
    return;
  }
  const itemsFunc = lookupAttr(arg, staticStr("items"));
  if (itemsFunc !== null) {
    let items: PyObject;
    try {
      items = callNoArgs(itemsFunc);
    } finally {
      decref(itemsFunc);
    }
    try {
      addPairs(self, items);
    } finally {
      decref(items);
    }
    return;
  }
  addPairs(self, arg);
}

/** PyDict_Items: a list of fresh (key, value) tuples. */
function dictItemsList(d: PyDict): PyObject {
  const out: PyObject[] = [];
  for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) out.push(tuplePack2(dictEntry.key!, dictEntry.value!));
  return listFromOwned(out);
}

function mutableMappingUpdate(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): void {
  if (nargs > 1) raise(TypeErrorType, `update() takes at most 1 positional argument (${nargs} given)`);
  if (nargs === 1) updateArg(self, args[start]!);
  if (kwnames !== null && kwnames.items.length > 0) {
    const pairs: PyObject[] = [];
    for (let k = 0; k < kwnames.items.length; k++) pairs.push(tuplePack2(kwnames.items[k]!, args[start + nargs + k]!));
    const list = listFromOwned(pairs);
    try {
      addPairs(self, list);
    } finally {
      decref(list);
    }
  }
}

function odictInit(self: PyObject, args: PyTuple, kwargs: PyDict | null): void {
  const n = args.items.length;
  if (n > 1) raise(TypeErrorType, `expected at most 1 arguments, got ${n}`);
  if (n === 1) updateArg(self, args.items[0]!);
  if (kwargs !== null && kwargs.used > 0) {
    const items = dictItemsList(kwargs);
    try {
      addPairs(self, items);
    } finally {
      decref(items);
    }
  }
}

function odictOr(left: PyObject, right: PyObject): PyObject {
  let type: PyType;
  let other: PyObject;
  if (isODict(left)) {
    type = left.type;
    other = right;
  } else {
    type = right.type;
    other = left;
  }
  if (!isDict(other)) return newRef(NotImplemented);
  const result = callOneArg(type, left);
  try {
    updateArg(result, right);
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

function odictInplaceOr(self: PyObject, other: PyObject): PyObject {
  updateArg(self, other);
  return newRef(self);
}

// ---------------------------------------------------------------------------
// Methods.

/** _odict_popkey_hash: the value (new reference) or `failobj`, else KeyError. */
function popKeyHash(od: PyODict, key: PyObject, failobj: PyObject | null, hi: number, lo: number): PyObject {
  const node = findNodeHash(od, key, hi, lo);
  if (node !== null) clearNode(od, node, key, hi, lo);
  let value: PyObject | null = null;
  if (od.type === ODictType) {
    if (node !== null) {
      const v = dictGetItemKnownHash(od, key, hi, lo);
      if (v !== null) {
        value = newRef(v);
        try {
          dictDelItem(od, key);
        } catch (e) {
          decref(value);
          throw e;
        }
      }
    }
  } else if (sequenceContains(od, key)) {
    value = getItem(od, key);
    try {
      delItem(od, key);
    } catch (e) {
      decref(value);
      throw e;
    }
  }
  if (value === null) {
    if (failobj !== null) return newRef(failobj);
    raiseWithValue(KeyErrorType, key);
  }
  return value;
}

function odictPop(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const parsed = parseArgs("pop", args, start, nargs, kwnames, ["key", "default"], 1);
  const key = parsed[0]!;
  keyHash(key);
  return popKeyHash(self as PyODict, key, parsed[1] ?? null, hashResult.hi, hashResult.lo);
}

function odictPopItem(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const parsed = parseArgs("popitem", args, start, nargs, kwnames, ["last"], 0);
  const last = parsed[0] === null || parsed[0] === undefined ? true : isTrue(parsed[0]);
  const od = self as PyODict;
  if (od.first === null) raise(KeyErrorType, "dictionary is empty");
  const node = last ? od.last! : od.first;
  const key = newRef(node.key);
  try {
    const value = popKeyHash(od, key, null, node.hashHi, node.hashLo);
    const item = tuplePack2(key, value);
    decref(value);
    return item;
  } finally {
    decref(key);
  }
}

function odictSetDefault(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const parsed = parseArgs("setdefault", args, start, nargs, kwnames, ["key", "default"], 1);
  const key = parsed[0]!;
  const dflt = parsed[1] ?? None;
  const od = self as PyODict;
  if (od.type === ODictType) {
    keyHash(key);
    const hi = hashResult.hi;
    const lo = hashResult.lo;
    const result = dictGetItemKnownHash(od, key, hi, lo);
    if (result !== null) return newRef(result);
    odictSetItemKnownHash(od, key, dflt, hi, lo);
    return newRef(dflt);
  }
  if (sequenceContains(od, key)) return getItem(od, key);
  setItem(od, key, dflt);
  return newRef(dflt);
}

function odictMoveToEnd(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const parsed = parseArgs("move_to_end", args, start, nargs, kwnames, ["key", "last"], 1);
  const key = parsed[0]!;
  const last = parsed[1] === null || parsed[1] === undefined ? true : isTrue(parsed[1]);
  const od = self as PyODict;
  if (od.first === null) raiseWithValue(KeyErrorType, key);
  let node = last ? od.last! : od.first;
  if (key !== node.key) {
    const found = findNode(od, key);
    if (found === null) raiseWithValue(KeyErrorType, key);
    node = found;
    if (last) {
      if (node !== od.last) {
        removeNode(od, node);
        addTail(od, node);
      }
    } else if (node !== od.first) {
      removeNode(od, node);
      addHead(od, node);
    }
  }
  return newRef(None);
}

function odictCopy(self: PyObject): PyObject {
  const od = self as PyODict;
  const exact = od.type === ODictType;
  const copy = exact ? allocDictOfType(ODictType, new PyODict(ODictType)) : callNoArgs(od.type);
  try {
    for (let node = od.first; node !== null; node = node.next) {
      if (exact) {
        const value = dictGetItemKnownHash(od, node.key, node.hashHi, node.hashLo);
        if (value === null) raiseWithValue(KeyErrorType, node.key);
        odictSetItemKnownHash(copy as PyODict, node.key, value, node.hashHi, node.hashLo);
      } else {
        const value = getItem(od, node.key);
        try {
          setItem(copy, node.key, value);
        } finally {
          decref(value);
        }
      }
    }
  } catch (e) {
    decref(copy);
    throw e;
  }
  return copy;
}

function odictSizeof(self: PyObject): PyObject {
  const od = self as PyODict;
  let res = dictSizeOf(od) + 8 * od.fastNodes.length;
  if (od.first !== null) res += NODE_SIZE * od.used;
  return newIntSsize(res);
}

function odictReduce(self: PyObject): PyObject {
  const od = self as PyODict;
  let state = lookupAttr(od, staticStr("__dict__"));
  if (state !== null && isDict(state) && state.used === 0) {
    decref(state);
    state = null;
  }
  const items = callMethodNoArgs(od, "items");
  let it: PyObject;
  try {
    it = getIter(items);
  } finally {
    decref(items);
  }
  return tupleFromOwned([newRef(od.type), tupleFromOwned([]), state ?? newRef(None), newRef(None), it]);
}

const ITER_KEYS = 1;
const ITER_VALUES = 2;
const ITER_ITEMS = 3;

const ODICT_METHODS: MethodDef[] = [
  { name: "__sizeof__", kind: "noargs", fn: odictSizeof, doc: "D.__sizeof__() -> size of D in memory, in bytes" },
  { name: "__reduce__", kind: "noargs", fn: odictReduce, doc: "Return state information for pickling" },
  { name: "setdefault", kind: "fastcall", fn: odictSetDefault, doc: "Insert key with a value of default if key is not in the dictionary.\n\nReturn the value for key if key is in the dictionary, else default." },
  { name: "pop", kind: "fastcall", fn: odictPop, doc: "od.pop(key[,default]) -> v, remove specified key and return the corresponding value.\n\nIf the key is not found, return the default if given; otherwise,\nraise a KeyError." },
  { name: "popitem", kind: "fastcall", fn: odictPopItem, doc: "Remove and return a (key, value) pair from the dictionary.\n\nPairs are returned in LIFO order if last is true or FIFO order if false." },
  { name: "keys", kind: "noargs", fn: (self) => dictViewNew(self, ODictKeysType), doc: "D.keys() -> a set-like object providing a view on D's keys" },
  { name: "values", kind: "noargs", fn: (self) => dictViewNew(self, ODictValuesType), doc: "D.values() -> an object providing a view on D's values" },
  { name: "items", kind: "noargs", fn: (self) => dictViewNew(self, ODictItemsType), doc: "D.items() -> a set-like object providing a view on D's items" },
  {
    name: "update",
    kind: "fastcall",
    fn: (self, args, start, nargs, kwnames) => {
      mutableMappingUpdate(self, args, start, nargs, kwnames);
      return newRef(None);
    },
    doc: "D.update([E, ]**F) -> None.  Update D from mapping/iterable E and F.\nIf E is present and has a .keys() method, then does:  for k in E: D[k] = E[k]\nIf E is present and lacks a .keys() method, then does:  for k, v in E: D[k] = v\nIn either case, this is followed by: for k in F:  D[k] = F[k]",
  },
  {
    name: "fromkeys",
    kind: "fastcall",
    binding: "class",
    fn: (cls, args, start, nargs, kwnames) => {
      const parsed = parseArgs("fromkeys", args, start, nargs, kwnames, ["iterable", "value"], 1);
      return dictFromKeys(cls, parsed[0]!, parsed[1] ?? None);
    },
    doc: "Create a new ordered dictionary with keys from iterable and values set to value.",
  },
  {
    name: "clear",
    kind: "noargs",
    fn: (self) => {
      dictClear(self as PyDict);
      clearNodes(self as PyODict);
      return newRef(None);
    },
    doc: "od.clear() -> None.  Remove all items from od.",
  },
  { name: "copy", kind: "noargs", fn: odictCopy, doc: "od.copy() -> a shallow copy of od" },
  { name: "__reversed__", kind: "noargs", fn: (self) => newODictIter(self as PyODict, ITER_KEYS, true), doc: "od.__reversed__() <==> reversed(od)" },
  { name: "move_to_end", kind: "fastcall", fn: odictMoveToEnd, doc: "Move an existing element to the end (or beginning if last is false).\n\nRaise KeyError if the element does not exist." },
];

ODictType.dealloc = odictDealloc;
ODictType.traverse = odictTraverse;
ODictType.clear = odictTpClear;
ODictType.repr = odictRepr;
ODictType.richcompare = odictRichCompare;
ODictType.iter = (self) => newODictIter(self as PyODict, ITER_KEYS, false);
ODictType.mpAssSubscript = odictAssSubscript;
ODictType.nbOr = odictOr;
ODictType.nbInplaceOr = odictInplaceOr;
ODictType.new_ = odictNew;
ODictType.init = odictInit;
ODictType.doc = "Dictionary that remembers insertion order";
readyType(ODictType);
addMethods(ODictType, ODICT_METHODS);
addGetSets(ODictType, [objectDictGetSet as GetSetDef]);

// ---------------------------------------------------------------------------
// odict_iterator.

export class PyODictIter extends PyObject {
  odict: PyODict | null;
  diSize: number;
  diState: number;
  current: PyObject | null;
  result: PyTuple | null;
  kind: number;
  reversed: boolean;

  constructor(type: PyType) {
    super(type);
    this.odict = null;
    this.diSize = 0;
    this.diState = 0;
    this.current = null;
    this.result = null;
    this.kind = 0;
    this.reversed = false;
  }
}

export const ODictIterType = newStaticType("odict_iterator", ODICTITER_BASICSIZE, 0, TPFLAGS_HAVE_GC);

function newODictIter(od: PyODict, kind: number, reversed: boolean): PyObject {
  const di = new PyODictIter(ODictIterType);
  allocGCObject(di, ODICTITER_BASICSIZE);
  if (kind === ITER_ITEMS) di.result = tuplePack2(None, None);
  di.kind = kind;
  di.reversed = reversed;
  const node = reversed ? od.last : od.first;
  di.current = node !== null ? newRef(node.key) : null;
  di.diSize = od.used;
  di.diState = od.odState;
  di.odict = newRef(od);
  gcTrack(di);
  return di;
}

/** odictiter_nextkey: the next key (new reference) or null at the end. */
function nextKey(di: PyODictIter): PyObject | null {
  const od = di.odict;
  if (od === null) return null;
  if (di.current === null) {
    di.odict = null;
    decref(od);
    return null;
  }
  if (od.odState !== di.diState) {
    di.odict = null;
    decref(od);
    raise(RuntimeErrorType, "OrderedDict mutated during iteration");
  }
  if (di.diSize !== od.used) {
    di.diSize = -1;
    raise(RuntimeErrorType, "OrderedDict changed size during iteration");
  }
  const node = findNode(od, di.current);
  if (node === null) {
    const cur = di.current;
    di.current = null;
    try {
      raiseWithValue(KeyErrorType, cur);
    } finally {
      decref(cur);
    }
  }
  const key = di.current;
  const next = di.reversed ? node.prev : node.next;
  di.current = next === null ? null : newRef(next.key);
  return key;
}

function odictIterNext(self: PyObject): PyObject | null {
  const di = self as PyODictIter;
  const key = nextKey(di);
  if (key === null) return null;
  if (di.kind === ITER_KEYS) return key;
  const od = di.odict!;
  const value = getItemBorrowedOrNull(od, key);
  if (value === null) {
    const cur = di.current;
    di.current = null;
    xdecref(cur);
    di.odict = null;
    decref(od);
    try {
      raiseWithValue(KeyErrorType, key);
    } finally {
      decref(key);
    }
  }
  if (di.kind === ITER_VALUES) {
    decref(key);
    return newRef(value);
  }
  let result = di.result!;
  if (result.refcnt === 1) {
    result.refcnt++;
    decref(result.items[0]!);
    decref(result.items[1]!);
  } else {
    result = tuplePack2(None, None);
    decref(result.items[0]!);
    decref(result.items[1]!);
  }
  result.items[0] = key;
  result.items[1] = newRef(value);
  return result;
}

function getItemBorrowedOrNull(od: PyODict, key: PyObject): PyObject | null {
  keyHash(key);
  return dictGetItemKnownHash(od, key, hashResult.hi, hashResult.lo);
}

ODictIterType.dealloc = (self) => {
  const di = self as PyODictIter;
  gcUntrack(di);
  const od = di.odict;
  const cur = di.current;
  const res = di.result;
  di.odict = null;
  di.current = null;
  di.result = null;
  xdecref(od);
  xdecref(cur);
  xdecref(res);
  freeGCObject(di);
};
ODictIterType.traverse = (self, visit, arg) => {
  const di = self as PyODictIter;
  if (di.odict !== null) visit(di.odict, arg);
  if (di.current !== null) visit(di.current, arg);
  if (di.result !== null) visit(di.result, arg);
};
ODictIterType.iter = (self) => newRef(self);
ODictIterType.iternext = odictIterNext;
readyType(ODictIterType);


// ---------------------------------------------------------------------------
// Views: dict views whose iteration follows the linked list.

function viewType(name: string, base: PyType, kind: number): PyType {
  const t = newStaticType(name, base.basicsize, 0, TPFLAGS_HAVE_GC, base);
  // heapscope's readyType leaves tp_dealloc and (for GC types) tp_traverse to the type.
  t.dealloc = base.dealloc;
  t.traverse = base.traverse;
  t.iter = (self) => {
    const d = (self as PyDictView).dict;
    if (d === null) return newRef(None);
    return newODictIter(d as PyODict, kind, false);
  };
  readyType(t);
  addMethods(t, [
    {
      name: "__reversed__",
      kind: "noargs",
      fn: (self) => {
        const d = (self as PyDictView).dict;
        if (d === null) return newRef(None);
        return newODictIter(d as PyODict, kind, true);
      },
    },
  ]);
  return t;
}

export const ODictKeysType = viewType("odict_keys", DictKeysType, ITER_KEYS);
export const ODictValuesType = viewType("odict_values", DictValuesType, ITER_VALUES);
export const ODictItemsType = viewType("odict_items", DictItemsType, ITER_ITEMS);

