// Objects/dictobject.c (3.11), second half: the dict iterators (dictiter_new,
// dictiter_iternextkey / value / item, dictreviter_iternext, with their "changed size" and
// "keys changed" RuntimeErrors and the recycled items tuple) and the keys / values / items
// views (_PyDictView_New, dictview_richcompare, dictview_repr, the set operations
// dictviews_sub / _PyDictView_Intersect / dictviews_or / dictviews_xor / dictitems_xor,
// isdisjoint, dictkeys_contains / dictitems_contains).

import { PyObject, type VisitProc } from "./object.js";
import { allocGCObject, freeGCObject } from "./heap.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, incref, newRef } from "./refcount.js";
import { CMP_EQ, CMP_GE, CMP_GT, CMP_LE, CMP_LT, CMP_NE, PyType, TPFLAGS_HAVE_GC } from "./type.js";
import { newStaticType, readyType, staticTypeSpec } from "./typeroots.js";
import {
  DictType, dictContains, dictCopy, dictDelItem, dictEntry, dictGetItem, dictGetItemKnownHash, dictNext, isDict, PyDict,
} from "./dict.js";
import { isTuple, PyTuple, tupleFromOwned, tuplePack2 } from "./tuple.js";
import { getIter, iterNext, length, objectRepr, reprEnter, reprLeave, richCompareBool, sequenceContains } from "./abstract.js";
import { raise, RuntimeErrorType, TypeErrorType } from "./exceptions.js";
import { newStr, PyStr } from "./str.js";
import { newIntSsize } from "./int.js";
import { newBool } from "./bool.js";
import { None, NotImplemented } from "./singletons.js";
import { sequenceList } from "./list.js";
import {
  isAnySet, newSetFromIterable, PySet, setAdd, SetType, setDifferenceUpdate, setIntersection, setSymmetricDifferenceUpdate, setUpdate,
} from "./set.js";

// ---------------------------------------------------------------------------------------
// Iterators

const KIND_KEYS = 0;
const KIND_VALUES = 1;
const KIND_ITEMS = 2;

export class PyDictIter extends PyObject {
  /** di_dict; null once exhausted. */
  dict: PyDict | null;
  /** di_used: the dict's size when iteration started (-1 once "changed size" was raised). */
  used: number;
  pos: number;
  /** di_result: the items tuple handed out again when nobody else holds it. */
  result: PyTuple | null;
  len: number;
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
    this.dict = null;
    this.used = 0;
    this.pos = 0;
    this.result = null;
    this.len = 0;
  }
}

/** sizeof(dictiterobject) */
const DICTITER_SIZE = 56;

function iterType(name: string): PyType {
  return newStaticType(name, DICTITER_SIZE, 0, TPFLAGS_HAVE_GC);
}

export const DictIterKeyType = iterType("dict_keyiterator");
export const DictIterValueType = iterType("dict_valueiterator");
export const DictIterItemType = iterType("dict_itemiterator");
export const DictRevIterKeyType = iterType("dict_reversekeyiterator");
export const DictRevIterValueType = iterType("dict_reversevalueiterator");
export const DictRevIterItemType = iterType("dict_reverseitemiterator");

function isReverseType(t: PyType): boolean {
  return t === DictRevIterKeyType || t === DictRevIterValueType || t === DictRevIterItemType;
}

/** dictiter_new */
export function dictIterNew(dict: PyDict, type: PyType): PyDictIter {
  const di = new PyDictIter(type);
  allocGCObject(di, DICTITER_SIZE);
  incref(dict);
  di.dict = dict;
  di.used = dict.used;
  di.len = dict.used;
  if (isReverseType(type)) di.pos = dict.values !== null ? dict.used - 1 : dict.keys.nentries - 1;
  else di.pos = 0;
  if (type === DictIterItemType || type === DictRevIterItemType) di.result = tuplePack2(None, None);
  gcTrack(di);
  return di;
}

/** dict_iter (tp_iter of dict): a key iterator. */
export function dictIter(self: PyObject): PyObject {
  return dictIterNew(self as PyDict, DictIterKeyType);
}

function dictIterDealloc(self: PyObject): void {
  const di = self as PyDictIter;
  gcUntrack(di);
  const d = di.dict;
  const r = di.result;
  di.dict = null;
  di.result = null;
  if (d !== null) decref(d);
  if (r !== null) decref(r);
  freeGCObject(di);
}

function dictIterTraverse(self: PyObject, visit: VisitProc, arg: unknown): void {
  const di = self as PyDictIter;
  if (di.dict !== null) visit(di.dict, arg);
  if (di.result !== null) visit(di.result, arg);
}

function exhaust(di: PyDictIter, d: PyDict): null {
  di.dict = null;
  decref(d);
  return null;
}

/** The (key, value) result: the recycled tuple when only the iterator holds it. */
function itemResult(di: PyDictIter, key: PyObject, value: PyObject): PyObject {
  incref(key);
  incref(value);
  const result = di.result!;
  if (result.refcnt === 1) {
    const oldKey = result.items[0]!;
    const oldValue = result.items[1]!;
    result.items[0] = key;
    result.items[1] = value;
    incref(result);
    decref(oldKey);
    decref(oldValue);
    // The collector may have untracked the recycled tuple.
    if (result.gcNext === null) gcTrack(result);
    return result;
  }
  return tupleFromOwned([key, value]);
}

function forwardNext(self: PyObject, kind: number): PyObject | null {
  const di = self as PyDictIter;
  const d = di.dict;
  if (d === null) return null;
  if (di.used !== d.used) {
    di.used = -1;
    raise(RuntimeErrorType, "dictionary changed size during iteration");
  }
  let i = di.pos;
  const k = d.keys;
  let key: PyObject;
  let value: PyObject;
  if (d.values !== null) {
    if (i >= d.used) return exhaust(di, d);
    const index = d.values.order[i]!;
    key = k.entryKeys[index]!;
    value = d.values.values[index]!;
  } else {
    const n = k.nentries;
    const vs = k.entryValues;
    while (i < n && vs[i] === null) i++;
    if (i >= n) return exhaust(di, d);
    key = k.entryKeys[i]!;
    value = vs[i]!;
  }
  if (di.len === 0) {
    exhaust(di, d);
    raise(RuntimeErrorType, "dictionary keys changed during iteration");
  }
  di.pos = i + 1;
  di.len--;
  if (kind === KIND_KEYS) return newRef(key);
  if (kind === KIND_VALUES) return newRef(value);
  return itemResult(di, key, value);
}

function reverseNext(self: PyObject, kind: number): PyObject | null {
  const di = self as PyDictIter;
  const d = di.dict;
  if (d === null) return null;
  if (di.used !== d.used) {
    di.used = -1;
    raise(RuntimeErrorType, "dictionary changed size during iteration");
  }
  let i = di.pos;
  const k = d.keys;
  if (i < 0) return exhaust(di, d);
  let key: PyObject;
  let value: PyObject;
  if (d.values !== null) {
    const index = d.values.order[i]!;
    key = k.entryKeys[index]!;
    value = d.values.values[index]!;
  } else {
    const vs = k.entryValues;
    while (vs[i] === null) {
      if (--i < 0) return exhaust(di, d);
    }
    key = k.entryKeys[i]!;
    value = vs[i]!;
  }
  di.pos = i - 1;
  di.len--;
  if (kind === KIND_KEYS) return newRef(key);
  if (kind === KIND_VALUES) return newRef(value);
  return itemResult(di, key, value);
}

DictIterKeyType.iternext = (self) => forwardNext(self, KIND_KEYS);
DictIterValueType.iternext = (self) => forwardNext(self, KIND_VALUES);
DictIterItemType.iternext = (self) => forwardNext(self, KIND_ITEMS);
DictRevIterKeyType.iternext = (self) => reverseNext(self, KIND_KEYS);
DictRevIterValueType.iternext = (self) => reverseNext(self, KIND_VALUES);
DictRevIterItemType.iternext = (self) => reverseNext(self, KIND_ITEMS);

for (const t of [DictIterKeyType, DictIterValueType, DictIterItemType, DictRevIterKeyType, DictRevIterValueType, DictRevIterItemType]) {
  t.dealloc = dictIterDealloc;
  t.traverse = dictIterTraverse;
  t.iter = (self) => newRef(self);
  staticTypeSpec(t).methods.push({
    name: "__length_hint__",
    kind: "noargs",
    fn: (self) => {
      const di = self as PyDictIter;
      return newIntSsize(di.dict !== null && di.used === di.dict.used ? di.len : 0);
    },
    doc: "Private method returning an estimate of len(list(it)).",
  });
  readyType(t);
}

// ---------------------------------------------------------------------------------------
// Views

export class PyDictView extends PyObject {
  dict: PyDict | null;
  constructor(type: PyType, dict: PyDict) {
    super(type);
    this.dict = dict;
  }
}

/** sizeof(_PyDictViewObject) */
const DICTVIEW_SIZE = 24;

export const DictKeysType = newStaticType("dict_keys", DICTVIEW_SIZE, 0, TPFLAGS_HAVE_GC);
export const DictValuesType = newStaticType("dict_values", DICTVIEW_SIZE, 0, TPFLAGS_HAVE_GC);
export const DictItemsType = newStaticType("dict_items", DICTVIEW_SIZE, 0, TPFLAGS_HAVE_GC);

/** _PyDictView_New */
export function dictViewNew(dict: PyObject, type: PyType): PyDictView {
  if (!isDict(dict)) raise(TypeErrorType, `${type.name}() requires a dict argument, not '${dict.type.name}'`);
  const dv = new PyDictView(type, dict);
  allocGCObject(dv, DICTVIEW_SIZE);
  incref(dict);
  gcTrack(dv);
  return dv;
}

function isViewSet(o: PyObject): o is PyDictView {
  return o.type === DictKeysType || o.type === DictItemsType;
}

function viewLen(self: PyObject): number {
  const d = (self as PyDictView).dict;
  return d === null ? 0 : d.used;
}

function viewDealloc(self: PyObject): void {
  const dv = self as PyDictView;
  gcUntrack(dv);
  const d = dv.dict;
  dv.dict = null;
  if (d !== null) decref(d);
  freeGCObject(dv);
}

function viewTraverse(self: PyObject, visit: VisitProc, arg: unknown): void {
  const d = (self as PyDictView).dict;
  if (d !== null) visit(d, arg);
}

/** dictview_repr: "dict_keys([1, 2])"; "..." when recursive. */
function viewRepr(self: PyObject): PyObject {
  if (reprEnter(self)) return newStr("...");
  try {
    const seq = sequenceList(self);
    let text: string;
    try {
      const r = objectRepr(seq) as PyStr;
      text = r.value;
      decref(r);
    } finally {
      decref(seq);
    }
    return newStr(`${self.type.name}(${text})`);
  } finally {
    reprLeave(self);
  }
}

/** all_contained_in */
function allContainedIn(self: PyObject, other: PyObject): boolean {
  const it = getIter(self);
  try {
    for (;;) {
      const next = iterNext(it);
      if (next === null) return true;
      let ok: boolean;
      try {
        ok = sequenceContains(other, next);
      } finally {
        decref(next);
      }
      if (!ok) return false;
    }
  } finally {
    decref(it);
  }
}

/** dictview_richcompare */
function viewRichCompare(self: PyObject, other: PyObject, op: number): PyObject {
  if (!isAnySet(other) && !isViewSet(other)) return newRef(NotImplemented);
  const lenSelf = length(self);
  const lenOther = length(other);
  let ok = false;
  switch (op) {
    case CMP_NE:
    case CMP_EQ:
      if (lenSelf === lenOther) ok = allContainedIn(self, other);
      if (op === CMP_NE) ok = !ok;
      break;
    case CMP_LT:
      if (lenSelf < lenOther) ok = allContainedIn(self, other);
      break;
    case CMP_LE:
      if (lenSelf <= lenOther) ok = allContainedIn(self, other);
      break;
    case CMP_GT:
      if (lenSelf > lenOther) ok = allContainedIn(other, self);
      break;
    case CMP_GE:
      if (lenSelf >= lenOther) ok = allContainedIn(other, self);
      break;
  }
  return newBool(ok);
}

function keysContains(self: PyObject, obj: PyObject): boolean {
  const d = (self as PyDictView).dict;
  return d === null ? false : dictContains(d, obj);
}

/** dictitems_contains */
function itemsContains(self: PyObject, obj: PyObject): boolean {
  const d = (self as PyDictView).dict;
  if (d === null) return false;
  if (!isTuple(obj) || obj.items.length !== 2) return false;
  const found = dictGetItem(d, obj.items[0]!);
  if (found === null) return false;
  incref(found);
  try {
    return richCompareBool(found, obj.items[1]!, CMP_EQ);
  } finally {
    decref(found);
  }
}

/**
 * dictviews_to_set: a keys view of an exact dict starts from the dict itself. The number
 * slots run for either operand order, so `self` may be any iterable.
 */
function viewToSet(self: PyObject): PySet {
  let left = self;
  if (self.type === DictKeysType) {
    const d = (self as PyDictView).dict!;
    if (d.type === DictType) left = d;
  }
  return newSetFromIterable(left);
}

function viewSub(self: PyObject, other: PyObject): PyObject {
  const result = viewToSet(self);
  try {
    setDifferenceUpdate(result, [other]);
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

/** _PyDictView_Intersect */
export function dictViewIntersect(self: PyObject, other: PyObject): PyObject {
  if (!isViewSet(self)) {
    const tmp = other;
    other = self;
    self = tmp;
  }
  if (!isViewSet(self)) return newRef(NotImplemented);
  let lenSelf = viewLen(self);
  if (other.type === SetType && lenSelf <= length(other)) return setIntersection(other as PySet, [self]);
  if (isViewSet(other)) {
    const lenOther = viewLen(other);
    if (lenOther > lenSelf) {
      const tmp = other;
      other = self;
      self = tmp;
      lenSelf = lenOther;
    }
  }
  const result = newSetFromIterable(null);
  const it = getIter(other);
  const contains = self.type === DictKeysType ? keysContains : itemsContains;
  try {
    for (;;) {
      const key = iterNext(it);
      if (key === null) break;
      try {
        if (contains(self, key)) setAdd(result, key);
      } finally {
        decref(key);
      }
    }
  } catch (e) {
    decref(result);
    throw e;
  } finally {
    decref(it);
  }
  return result;
}

function viewOr(self: PyObject, other: PyObject): PyObject {
  const result = viewToSet(self);
  try {
    setUpdate(result, other);
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

/** dictitems_xor */
function itemsXor(self: PyDictView, other: PyDictView): PyObject {
  const d1 = self.dict!;
  const d2 = other.dict!;
  const temp = dictCopy(d1);
  const resultSet = newSetFromIterable(null);
  try {
    for (let pos = dictNext(d2, 0); pos >= 0; pos = dictNext(d2, pos)) {
      const key = dictEntry.key!;
      const val2 = dictEntry.value!;
      const hi = dictEntry.hashHi;
      const lo = dictEntry.hashLo;
      incref(key);
      incref(val2);
      try {
        const val1 = dictGetItemKnownHash(temp, key, hi, lo);
        let toDelete = false;
        if (val1 !== null) {
          incref(val1);
          try {
            toDelete = richCompareBool(val1, val2, CMP_EQ);
          } finally {
            decref(val1);
          }
        }
        if (toDelete) {
          dictDelItem(temp, key);
        } else {
          const pair = tuplePack2(key, val2);
          try {
            setAdd(resultSet, pair);
          } finally {
            decref(pair);
          }
        }
      } finally {
        decref(key);
        decref(val2);
      }
    }
    const remaining = dictViewNew(temp, DictItemsType);
    try {
      setUpdate(resultSet, remaining);
    } finally {
      decref(remaining);
    }
  } catch (e) {
    decref(temp);
    decref(resultSet);
    throw e;
  }
  decref(temp);
  return resultSet;
}

function viewXor(self: PyObject, other: PyObject): PyObject {
  if (self.type === DictItemsType && other.type === DictItemsType) return itemsXor(self as PyDictView, other as PyDictView);
  const result = viewToSet(self);
  try {
    setSymmetricDifferenceUpdate(result, other);
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

/** dictviews_isdisjoint */
function viewIsDisjoint(self: PyObject, other: PyObject): PyObject {
  if (self === other) return newBool(viewLen(self) === 0);
  if (isAnySet(other) || isViewSet(other)) {
    const lenSelf = viewLen(self);
    const lenOther = length(other);
    if (lenOther > lenSelf) {
      const tmp = other;
      other = self;
      self = tmp;
    }
  }
  const it = getIter(other);
  try {
    for (;;) {
      const item = iterNext(it);
      if (item === null) return newBool(true);
      let contains: boolean;
      try {
        contains = sequenceContains(self, item);
      } finally {
        decref(item);
      }
      if (contains) return newBool(false);
    }
  } finally {
    decref(it);
  }
}

function viewIter(self: PyObject, type: PyType): PyObject {
  const d = (self as PyDictView).dict;
  if (d === null) return newRef(None);
  return dictIterNew(d, type);
}

for (const t of [DictKeysType, DictValuesType, DictItemsType]) {
  t.dealloc = viewDealloc;
  t.traverse = viewTraverse;
  t.repr = viewRepr;
  t.sqLength = viewLen;
  staticTypeSpec(t).getsets.push({
    name: "mapping",
    get: (self) => mappingProxyOf((self as PyDictView).dict!),
    doc: "dictionary that this view refers to",
  });
}
for (const t of [DictKeysType, DictItemsType]) {
  t.richcompare = viewRichCompare;
  t.nbSubtract = viewSub;
  t.nbAnd = dictViewIntersect;
  t.nbXor = viewXor;
  t.nbOr = viewOr;
  staticTypeSpec(t).methods.push({
    name: "isdisjoint",
    kind: "o",
    fn: viewIsDisjoint,
    doc: "Return True if the view and the given iterable have a null intersection.",
  });
}
DictKeysType.iter = (self) => viewIter(self, DictIterKeyType);
DictValuesType.iter = (self) => viewIter(self, DictIterValueType);
DictItemsType.iter = (self) => viewIter(self, DictIterItemType);
DictKeysType.sqContains = keysContains;
DictItemsType.sqContains = itemsContains;
staticTypeSpec(DictKeysType).methods.push({
  name: "__reversed__",
  kind: "noargs",
  fn: (self) => viewIter(self, DictRevIterKeyType),
  doc: "Return a reverse iterator over the dict keys.",
});
staticTypeSpec(DictValuesType).methods.push({
  name: "__reversed__",
  kind: "noargs",
  fn: (self) => viewIter(self, DictRevIterValueType),
  doc: "Return a reverse iterator over the dict values.",
});
staticTypeSpec(DictItemsType).methods.push({
  name: "__reversed__",
  kind: "noargs",
  fn: (self) => viewIter(self, DictRevIterItemType),
  doc: "Return a reverse iterator over the dict items.",
});
readyType(DictKeysType);
readyType(DictValuesType);
readyType(DictItemsType);

/**
 * The `mapping` attribute's read-only proxy. PyDictProxy_New lives in descrobject.c; until a
 * proxy type is installed, the dict itself is returned.
 */
let mappingProxyFactory: ((d: PyDict) => PyObject) | null = null;

export function setMappingProxyFactory(fn: (d: PyDict) => PyObject): void {
  mappingProxyFactory = fn;
}

function mappingProxyOf(d: PyDict): PyObject {
  return mappingProxyFactory !== null ? mappingProxyFactory(d) : newRef(d);
}
