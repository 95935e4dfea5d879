// Objects/typeobject.c: subtype_dealloc, subtype_traverse, subtype_clear, clear_slots,
// PyType_GenericAlloc for heap types; Objects/object.c: _PyObject_InitializeDict,
// _PyObject_GetDictPtr / _PyObjectDict_SetItem (where an object keeps its __dict__).
//
// Instances of `class` statements. A class whose solid base is `object` makes PyInstance
// objects: the managed-dict pair (inline values or a materialised dict, held through the
// containers engineer's dict.ts functions) and one array entry per __slots__ member, in
// declaration order from the oldest class to the newest. Instances of subclasses of other
// builtins (`class L(list)`) are the builtin's own objects; what the heap classes add to them
// (a __dict__, __slots__ members) lives in an InstanceExtras record kept beside the object.

import { PyObject, type VisitProc } from "./object.js";
import { allocGCObject, freeGCObject } from "./heap.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, xdecref } from "./refcount.js";
import { PyType, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE, TPFLAGS_MANAGED_DICT } from "./type.js";
import { ObjectType } from "./typeroots.js";
import { trashBegin, trashEnd } from "./trashcan.js";
import {
  dictDelItemIfPresent,
  dictGetItem,
  dictSetItem,
  instanceFreeAttrs,
  instanceGetAttr,
  instanceInitValues,
  instanceMaterializeDict,
  instanceSetAttr,
  instanceTraverseAttrs,
  instanceClearAttrs,
  newDict,
  newDictWithSharedKeys,
  type DictValues,
  type ManagedDictOwner,
  type PyDict,
} from "./dict.js";
import type { PyStr } from "./str.js";
import { callFinalizerFromDealloc } from "./finalize.js";
import { clearRef, clearWeakrefs } from "./weakref.js";
import { AttributeErrorType, raise } from "./exceptions.js";

export class PyInstance extends PyObject implements ManagedDictOwner {
  /** Inline attribute values (managed-dict classes), until the dict is materialised. */
  values: DictValues | null;
  /** The materialised __dict__ (or the dict of a class whose instances keep one). */
  dict: PyDict | null;
  /** __slots__ members in declaration order, oldest class first; null = unset. */
  slots: (PyObject | null)[];
  constructor(type: PyType, slotCount: number) {
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
    this.values = null;
    this.dict = null;
    this.slots = slotCount === 0 ? EMPTY_SLOTS : new Array<PyObject | null>(slotCount).fill(null);
  }
}

const EMPTY_SLOTS: (PyObject | null)[] = [];

/**
 * What heap classes add to an instance of a builtin type (a list, an exception, ...): the
 * managed-dict pair and the __slots__ members. Not a Python object: it only borrows the
 * PyObject shape so that dict.ts's instance functions (which name the owner's type in their
 * messages) can work on it.
 */
export class InstanceExtras extends PyObject implements ManagedDictOwner {
  values: DictValues | null;
  dict: PyDict | null;
  slots: (PyObject | null)[];
  constructor(owner: PyObject, slotCount: number) {
    super(owner.type);
    this.values = null;
    this.dict = null;
    this.slots = slotCount === 0 ? EMPTY_SLOTS : new Array<PyObject | null>(slotCount).fill(null);
  }
}

const extrasByObject = new WeakMap<PyObject, InstanceExtras>();

/** Number of __slots__ members instances of `t` carry (all heap classes of its base chain). */
export function slotCountOf(t: PyType): number {
  let n = 0;
  for (let b: PyType | null = t; b !== null && (b.flags & TPFLAGS_HEAPTYPE) !== 0; b = b.base) {
    if (b.slotNames !== null) n += b.slotNames.length;
  }
  return n;
}

/** The extras of a builtin-subclass instance, made on first use. */
export function extrasOf(o: PyObject): InstanceExtras {
  let e = extrasByObject.get(o);
  if (e === undefined) {
    e = new InstanceExtras(o, slotCountOf(o.type));
    extrasByObject.set(o, e);
  }
  return e;
}

/** The slot array of any heap-class instance (PyInstance or builtin subclass). */
export function slotsOf(o: PyObject): (PyObject | null)[] {
  if (o instanceof PyInstance) return o.slots;
  return extrasOf(o).slots;
}

/** PyType_GenericAlloc + _PyObject_InitializeDict for a class whose solid base is object. */
export function newInstance(type: PyType): PyInstance {
  const o = new PyInstance(type, slotCountOf(type));
  allocGCObject(o, type.basicsize);
  if ((type.flags & TPFLAGS_MANAGED_DICT) !== 0 && type.cachedKeys !== null) instanceInitValues(o, type.cachedKeys);
  // The type is kept alive by its instances.
  type.refcnt++;
  gcTrack(o);
  return o;
}

// ---------------------------------------------------------------------------
// Where the instance __dict__ is.

/**
 * Where `o` keeps its attribute dict: the object itself (PyInstance, or any builtin object
 * with a `dict` field such as functions, modules, exceptions), its extras (builtin subclass
 * instances of classes that added a __dict__), or null when it has none.
 */
export function dictOwnerOf(o: PyObject): ManagedDictOwner | DictFieldOwner | null {
  if (o instanceof PyInstance) return (o.type.flags & TPFLAGS_MANAGED_DICT) !== 0 || o.type.dictoffset !== 0 ? o : null;
  const t = o.type;
  if (t.dictoffset === 0 && (t.flags & TPFLAGS_MANAGED_DICT) === 0) return null;
  if ("dict" in o) return o as DictFieldOwner;
  if ((t.flags & TPFLAGS_HEAPTYPE) !== 0) return extrasOf(o);
  return null;
}

/** An object that keeps its __dict__ in a `dict` field (tp_dictoffset > 0 in CPython). */
export interface DictFieldOwner extends PyObject {
  dict: PyDict | null;
}

function isManaged(owner: ManagedDictOwner | DictFieldOwner): owner is ManagedDictOwner {
  return "values" in owner;
}

/** The instance attribute `name` (borrowed) or null; `o` must have a dict owner. */
export function instanceAttrGet(o: PyObject, name: PyStr): PyObject | null {
  const owner = dictOwnerOf(o);
  if (owner === null) return null;
  if (isManaged(owner) && owner.values !== null) {
    const keys = o.type.cachedKeys;
    if (keys !== null) return instanceGetAttr(owner, keys, name);
  }
  const d = owner.dict;
  return d === null ? null : dictGetItem(d, name);
}

/**
 * Stores (or deletes, value null) an instance attribute. Returns false when `o` has no
 * __dict__ at all (the caller raises its AttributeError).
 */
export function instanceAttrSet(o: PyObject, name: PyStr, value: PyObject | null): boolean {
  const owner = dictOwnerOf(o);
  if (owner === null) return false;
  const keys = o.type.cachedKeys;
  if (isManaged(owner) && owner.values !== null && keys !== null) {
    instanceSetAttr(owner, keys, name, value);
    return true;
  }
  let d = owner.dict;
  if (d === null) {
    if (value === null) raise(AttributeErrorType, `'${o.type.name}' object has no attribute '${name.value}'`);
    // _PyObjectDict_SetItem: a heap class's instances share its cached keys.
    d = keys !== null ? newDictWithSharedKeys(keys) : newDict();
    owner.dict = d;
  }
  if (value === null) {
    if (!dictDelItemIfPresent(d, name)) raise(AttributeErrorType, `'${o.type.name}' object has no attribute '${name.value}'`);
  } else {
    dictSetItem(d, name, value);
  }
  return true;
}

/** PyObject_GenericGetDict: the __dict__ (borrowed), materialised if needed; null if none. */
export function instanceDictBorrowed(o: PyObject): PyDict | null {
  const owner = dictOwnerOf(o);
  if (owner === null) return null;
  const keys = o.type.cachedKeys;
  if (isManaged(owner) && keys !== null && (owner.values !== null || owner.dict === null)) {
    if (owner.values === null) {
      owner.dict = newDictWithSharedKeys(keys);
      return owner.dict;
    }
    return instanceMaterializeDict(owner, keys);
  }
  if (owner.dict === null) owner.dict = keys !== null ? newDictWithSharedKeys(keys) : newDict();
  return owner.dict;
}

/** PyObject_GenericSetDict: replaces the __dict__ (value borrowed). */
export function instanceDictReplace(o: PyObject, value: PyDict): void {
  const owner = dictOwnerOf(o);
  if (owner === null) raise(AttributeErrorType, "This object has no __dict__");
  // _PyObject_GetDictPtr first turns inline values into a dict, which the new one replaces.
  if (isManaged(owner) && owner.values !== null) instanceDictBorrowed(o);
  const old = owner.dict;
  value.refcnt++;
  owner.dict = value;
  xdecref(old);
}

// ---------------------------------------------------------------------------
// subtype_traverse / subtype_clear / subtype_dealloc.

/** The nearest base whose dealloc is not subtypeDealloc (the "solid" builtin part). */
export function builtinBaseOf(t: PyType): PyType {
  let b: PyType = t;
  while (b.dealloc === subtypeDealloc && b.base !== null) b = b.base;
  return b;
}

function extrasIfAny(o: PyObject): InstanceExtras | PyInstance | null {
  if (o instanceof PyInstance) return o;
  return extrasByObject.get(o) ?? null;
}

/**
 * Calls `fn(slots, start, n)` for the __slots__ members each heap class of `t`'s chain added,
 * from the most derived class to the oldest (traverse_slots / clear_slots order).
 */
function forEachClassSlots(t: PyType, slots: (PyObject | null)[], fn: (slots: (PyObject | null)[], start: number, n: number) => void): void {
  let end = slots.length;
  for (let b: PyType = t; b.dealloc === subtypeDealloc && b.base !== null; b = b.base) {
    const n = b.slotNames === null ? 0 : b.slotNames.length;
    if (n !== 0) fn(slots, end - n, n);
    end -= n;
  }
}

let traverseVisit: VisitProc = () => {};
let traverseArg: unknown = null;

function visitSlotRange(slots: (PyObject | null)[], start: number, n: number): void {
  for (let i = start; i < start + n; i++) {
    const v = slots[i]!;
    if (v !== null) traverseVisit(v, traverseArg);
  }
}

/**
 * subtype_traverse: each class's __slots__ members (newest class first), the inline values
 * or the dict, the class, then the builtin base's traverse.
 */
export function subtypeTraverse(self: PyObject, visit: VisitProc, arg: unknown): void {
  const t = self.type;
  const st = extrasIfAny(self);
  if (st !== null) {
    if (st.slots.length !== 0) {
      const savedVisit = traverseVisit, savedArg = traverseArg;
      traverseVisit = visit;
      traverseArg = arg;
      try {
        forEachClassSlots(t, st.slots, visitSlotRange);
      } finally {
        traverseVisit = savedVisit;
        traverseArg = savedArg;
      }
    }
    if (st.values !== null && t.cachedKeys !== null) instanceTraverseAttrs(st, t.cachedKeys, visit, arg);
    else if (st.dict !== null && (st instanceof PyInstance || !("dict" in self))) visit(st.dict, arg);
  }
  visit(t, arg);
  const base = builtinBaseOf(t);
  if (base.traverse !== null) base.traverse(self, visit, arg);
}

/** subtype_clear: __slots__ members (newest class first), then the dict or values, then the base's clear. */
export function subtypeClear(self: PyObject): void {
  const t = self.type;
  const st = extrasIfAny(self);
  if (st !== null) {
    forEachClassSlots(t, st.slots, clearSlotRange);
    if (st.values !== null && t.cachedKeys !== null) instanceClearAttrs(st, t.cachedKeys);
    else if (st.dict !== null && (st instanceof PyInstance || !("dict" in self))) {
      const d = st.dict;
      st.dict = null;
      decref(d);
    }
  }
  const base = builtinBaseOf(t);
  if (base.clear !== null) base.clear(self);
}

/** clear_slots for the members one class added: slots [start, start+n) in declaration order. */
function clearSlotRange(slots: (PyObject | null)[], start: number, n: number): void {
  for (let i = start; i < start + n; i++) {
    const v = slots[i]!;
    if (v !== null) {
      slots[i] = null;
      decref(v);
    }
  }
}

/** subtype_dealloc, in the order of facts §5.1. */
export function subtypeDealloc(self: PyObject): void {
  let type = self.type;
  gcUntrack(self);
  if (!trashBegin(self)) return;
  const base = builtinBaseOf(type);
  const hasFinalizer = type.finalize !== null || type.legacyDel !== null;
  if (type.finalize !== null) {
    gcTrack(self);
    if (callFinalizerFromDealloc(self)) {
      trashEnd();
      return;
    }
    gcUntrack(self);
  }
  const addedWeaklist = type.weaklistoffset !== 0 && base.weaklistoffset === 0;
  if (addedWeaklist && self.weakrefList !== null) clearWeakrefs(self);
  if (type.legacyDel !== null) {
    gcTrack(self);
    type.legacyDel(self);
    if (self.refcnt > 0) {
      trashEnd();
      return;
    }
    gcUntrack(self);
  }
  if (hasFinalizer && addedWeaklist) {
    while (self.weakrefList !== null) clearRef(self.weakrefList);
  }
  const st = extrasIfAny(self);
  if (st !== null) {
    forEachClassSlots(type, st.slots, clearSlotRange);
    const keys = type.cachedKeys;
    if ((type.flags & TPFLAGS_MANAGED_DICT) !== 0 && keys !== null) {
      instanceFreeAttrs(st, keys);
    } else if (st.dict !== null && (st instanceof PyInstance || !("dict" in self))) {
      const d = st.dict;
      st.dict = null;
      decref(d);
    }
    if (!(st instanceof PyInstance)) extrasByObject.delete(self);
  }
  type = self.type;
  const typeNeedsDecref = (type.flags & TPFLAGS_HEAPTYPE) !== 0 && (base.flags & TPFLAGS_HEAPTYPE) === 0;
  if (base === ObjectType) {
    // object_dealloc → tp_free, which for a heap (always GC) class is PyObject_GC_Del.
    freeGCObject(self);
  } else {
    if ((base.flags & TPFLAGS_HAVE_GC) !== 0) gcTrack(self);
    base.dealloc(self);
  }
  if (typeNeedsDecref) decref(type);
  trashEnd();
}
