// Objects/listobject.c: PyList_New, PyList_Append, _PyList_AppendTakeRef, PyList_GetItem,
// PyList_SetItem, PyList_Insert, PyList_Size; Objects/tupleobject.c: PyTuple_Pack,
// PyTuple_New + PyTuple_SET_ITEM, PyTuple_GetItem; Objects/dictobject.c: PyDict_New,
// PyDict_SetItem, PyDict_SetItemString, _PyDict_SetItem_Take2, PyDict_GetItemWithError,
// PyDict_DelItem, PyDict_Next.
//
// Container operations for native code. The rule of the C API, made visible in the names:
// nothing here steals a reference except the functions ending in `Owned` (and `fromOwned`),
// which take an Owned handle and leave it dead, even when they fail. Item reads return
// Borrowed handles: valid while the container keeps the item.

import type { PyObject } from "../runtime/object.js";
import { decref as rtDecref, incref as rtIncref, newRef } from "../runtime/refcount.js";
import { IndexErrorType, raise, TypeErrorType } from "../runtime/exceptions.js";
import { None } from "../runtime/singletons.js";
import { ListType, isList, listAppend, listAppendOwned, listInsert, newList, listFromOwned, type PyList as RtList } from "../runtime/list.js";
import { TupleType, isTuple, tupleFromOwned, type PyTuple as RtTuple } from "../runtime/tuple.js";
import {
  DictType, dictContains, dictDelItem, dictEntry, dictGetItem, dictNext, dictSetItem, dictSetItemOwned, isDict, newDict, type PyDict as RtDict,
} from "../runtime/dict.js";
import { newStr } from "../runtime/str.js";
import { requireGil } from "./gil.js";
import { Borrowed, Owned, type Ref } from "./refs.js";
import { named } from "./naming.js";

function asList(ref: Ref<PyObject>): RtList {
  const o = ref.obj;
  if (!isList(o)) raise(TypeErrorType, `expected list, got ${o.type.name}`);
  return o;
}

function asTuple(ref: Ref<PyObject>): RtTuple {
  const o = ref.obj;
  if (!isTuple(o)) raise(TypeErrorType, `expected tuple, got ${o.type.name}`);
  return o;
}

function asDict(ref: Ref<PyObject>): RtDict {
  const o = ref.obj;
  if (!isDict(o)) raise(TypeErrorType, `expected dict, got ${o.type.name}`);
  return o;
}

/** Takes the references out of owned handles (all handles are dead afterwards). */
function takeAll(items: readonly Owned<PyObject>[]): PyObject[] {
  const out = new Array<PyObject>(items.length);
  for (let i = 0; i < items.length; i++) out[i] = items[i]!.take();
  return out;
}

function normalizeIndex(i: number, length: number): number {
  return i < 0 ? i + length : i;
}

/** A list object (the runtime's type), for handle types: `Owned<PyList>`. */
export type PyList = RtList;

/** list objects. */
export const PyList = named("PyList", {
  /** The type object. */
  type: ListType,
  /**
   * PyList_New(size): a new list of `size` items, each a reference to None (CPython leaves
   * them NULL for the caller to fill; None keeps the list valid whatever happens next).
   */
  new(size = 0): Owned<RtList> {
    requireGil("PyList.new()");
    const l = newList(size);
    for (let i = 0; i < size; i++) l.items[i] = newRef(None);
    return new Owned(l);
  },
  /** A new list holding new references to the given items (nothing is stolen). */
  fromBorrowed(items: readonly Ref<PyObject>[]): Owned<RtList> {
    requireGil("PyList.fromBorrowed()");
    const raw = new Array<PyObject>(items.length);
    for (let i = 0; i < items.length; i++) raw[i] = items[i]!.obj;
    for (const o of raw) rtIncref(o);
    return new Owned(listFromOwned(raw));
  },
  /** A new list that STEALS the given references (BUILD_LIST). */
  fromOwned(items: readonly Owned<PyObject>[]): Owned<RtList> {
    requireGil("PyList.fromOwned()");
    return new Owned(listFromOwned(takeAll(items)));
  },
  check(ref: Ref<PyObject>): boolean {
    return isList(ref.obj);
  },
  /** PyList_Size */
  length(list: Ref<PyObject>): number {
    return asList(list).items.length;
  },
  /** PyList_GetItem: a borrowed item; negative indexes count from the end. */
  getItem(list: Ref<PyObject>, index: number): Borrowed<PyObject> {
    requireGil("PyList.getItem()");
    const l = asList(list);
    const i = normalizeIndex(index, l.items.length);
    if (i < 0 || i >= l.items.length) raise(IndexErrorType, "list index out of range");
    return new Borrowed(l.items[i]!);
  },
  /** Borrowed handles to every item, in order. */
  items(list: Ref<PyObject>): Borrowed<PyObject>[] {
    const l = asList(list);
    return l.items.map((o) => new Borrowed(o));
  },
  /** `list[index] = item`: the list takes its own reference; `item` stays yours. */
  setItem(list: Ref<PyObject>, index: number, item: Ref<PyObject>): void {
    requireGil("PyList.setItem()");
    const l = asList(list);
    const i = normalizeIndex(index, l.items.length);
    if (i < 0 || i >= l.items.length) raise(IndexErrorType, "list assignment index out of range");
    const v = item.obj;
    rtIncref(v);
    const old = l.items[i]!;
    l.items[i] = v;
    rtDecref(old);
  },
  /**
   * PyList_SetItem: STEALS `item` (even on IndexError, as the C function does) and releases
   * the item it replaces.
   */
  setItemOwned(list: Ref<PyObject>, index: number, item: Owned<PyObject>): void {
    requireGil("PyList.setItemOwned()");
    const v = item.take();
    const l = list.obj;
    if (!isList(l)) {
      rtDecref(v);
      raise(TypeErrorType, `expected list, got ${l.type.name}`);
    }
    const i = normalizeIndex(index, l.items.length);
    if (i < 0 || i >= l.items.length) {
      rtDecref(v);
      raise(IndexErrorType, "list assignment index out of range");
    }
    const old = l.items[i]!;
    l.items[i] = v;
    rtDecref(old);
  },
  /** PyList_Append: the list takes its own reference; `item` stays yours to release. */
  append(list: Ref<PyObject>, item: Ref<PyObject>): void {
    requireGil("PyList.append()");
    listAppend(asList(list), item.obj);
  },
  /** _PyList_AppendTakeRef: STEALS `item`: no decref afterwards (its handle is dead). */
  appendOwned(list: Ref<PyObject>, item: Owned<PyObject>): void {
    requireGil("PyList.appendOwned()");
    const v = item.take();
    const l = list.obj;
    if (!isList(l)) {
      rtDecref(v);
      raise(TypeErrorType, `expected list, got ${l.type.name}`);
    }
    listAppendOwned(l, v);
  },
  /** PyList_Insert (borrowed item). */
  insert(list: Ref<PyObject>, index: number, item: Ref<PyObject>): void {
    requireGil("PyList.insert()");
    listInsert(asList(list), index, item.obj);
  },
});

/** A tuple object, for handle types: `Owned<PyTuple>`. */
export type PyTuple = RtTuple;

/** tuple objects. */
export const PyTuple = named("PyTuple", {
  /** The type object. */
  type: TupleType,
  /** PyTuple_Pack: a new tuple holding new references to the items (nothing is stolen). */
  create(items: readonly Ref<PyObject>[]): Owned<RtTuple> {
    requireGil("PyTuple.create()");
    const raw = new Array<PyObject>(items.length);
    for (let i = 0; i < items.length; i++) raw[i] = items[i]!.obj;
    for (const o of raw) rtIncref(o);
    return new Owned(tupleFromOwned(raw));
  },
  /** PyTuple_New + PyTuple_SET_ITEM: a new tuple that STEALS the given references. */
  fromOwned(items: readonly Owned<PyObject>[]): Owned<RtTuple> {
    requireGil("PyTuple.fromOwned()");
    return new Owned(tupleFromOwned(takeAll(items)));
  },
  check(ref: Ref<PyObject>): boolean {
    return isTuple(ref.obj);
  },
  length(tuple: Ref<PyObject>): number {
    return asTuple(tuple).items.length;
  },
  /** PyTuple_GetItem: a borrowed item. */
  getItem(tuple: Ref<PyObject>, index: number): Borrowed<PyObject> {
    requireGil("PyTuple.getItem()");
    const t = asTuple(tuple);
    const i = normalizeIndex(index, t.items.length);
    if (i < 0 || i >= t.items.length) raise(IndexErrorType, "tuple index out of range");
    return new Borrowed(t.items[i]!);
  },
  items(tuple: Ref<PyObject>): Borrowed<PyObject>[] {
    return asTuple(tuple).items.map((o) => new Borrowed(o));
  },
});

type Key = Ref<PyObject> | string;

/** Runs `body` with the key as an object, releasing a key made from a JS string. */
function withKey<R>(key: Key, body: (k: PyObject) => R): R {
  if (typeof key !== "string") return body(key.obj);
  const k = newStr(key);
  try {
    return body(k);
  } finally {
    rtDecref(k);
  }
}

/** A dict object, for handle types: `Owned<PyDict>`. */
export type PyDict = RtDict;

/** dict objects. */
export const PyDict = named("PyDict", {
  /** The type object. */
  type: DictType,
  /** PyDict_New */
  new(): Owned<RtDict> {
    requireGil("PyDict.new()");
    return new Owned(newDict());
  },
  check(ref: Ref<PyObject>): boolean {
    return isDict(ref.obj);
  },
  length(dict: Ref<PyObject>): number {
    return asDict(dict).used;
  },
  /** PyDict_SetItem / PyDict_SetItemString: the dict takes its own references. */
  setItem(dict: Ref<PyObject>, key: Key, value: Ref<PyObject>): void {
    requireGil("PyDict.setItem()");
    const d = asDict(dict);
    const v = value.obj;
    withKey(key, (k) => dictSetItem(d, k, v));
  },
  /** _PyDict_SetItem_Take2: STEALS `value` (and `key` when it is a handle), even on failure. */
  setItemOwned(dict: Ref<PyObject>, key: Owned<PyObject> | string, value: Owned<PyObject>): void {
    requireGil("PyDict.setItemOwned()");
    const v = value.take();
    const k = typeof key === "string" ? newStr(key) : key.take();
    const d = dict.obj;
    if (!isDict(d)) {
      rtDecref(k);
      rtDecref(v);
      raise(TypeErrorType, `expected dict, got ${d.type.name}`);
    }
    dictSetItemOwned(d, k, v);
  },
  /** PyDict_GetItemWithError: a borrowed value, or null when the key is absent. */
  getItem(dict: Ref<PyObject>, key: Key): Borrowed<PyObject> | null {
    requireGil("PyDict.getItem()");
    const d = asDict(dict);
    const v = withKey(key, (k) => dictGetItem(d, k));
    return v === null ? null : new Borrowed(v);
  },
  contains(dict: Ref<PyObject>, key: Key): boolean {
    requireGil("PyDict.contains()");
    const d = asDict(dict);
    return withKey(key, (k) => dictContains(d, k));
  },
  /** PyDict_DelItem: KeyError when absent. */
  delItem(dict: Ref<PyObject>, key: Key): void {
    requireGil("PyDict.delItem()");
    const d = asDict(dict);
    withKey(key, (k) => dictDelItem(d, k));
  },
  /** PyDict_Next over the whole dict: borrowed keys and values, in insertion order. */
  items(dict: Ref<PyObject>): [Borrowed<PyObject>, Borrowed<PyObject>][] {
    requireGil("PyDict.items()");
    const d = asDict(dict);
    const out: [Borrowed<PyObject>, Borrowed<PyObject>][] = [];
    for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) {
      out.push([new Borrowed(dictEntry.key!), new Borrowed(dictEntry.value!)]);
    }
    return out;
  },
});
