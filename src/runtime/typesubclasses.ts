// Objects/typeobject.c (3.11): add_subclass, remove_subclass, remove_all_subclasses and the
// tp_subclasses dict they keep on each base.
//
// Every class registers itself with each of its bases: the base's tp_subclasses dict maps
// PyLong_FromVoidPtr(subclass) to a plain weakref to the subclass. Those objects are real
// allocations in CPython (an int key, a GC-counted weakref, and for a heap-type base the
// dict itself on its first subclass), so a class statement moves gc.get_count() and
// tracemalloc's numbers by them, and weakref.getweakrefcount(cls) is 1 for every class.
//
// A static base (object, int, Exception...) already holds hundreds of entries when a CPython
// program starts, in a dict whose growth this model does not try to reproduce: its entries
// are kept here with their key and weakref objects but no dict. A heap-type base gets a real
// dict, created on its first subclass and dropped when its last one goes, as CPython does.
// `PyType.subclasses` stays the ordered list the rest of the runtime iterates.

import type { PyObject } from "./object.js";
import { decref } from "./refcount.js";
import { TPFLAGS_HEAPTYPE, type PyType } from "./type.js";
import { dictDelItemIfPresent, dictSetItem, newDict, type PyDict } from "./dict.js";
import { newInt } from "./int.js";
import { newWeakref } from "./weakref.js";

/** One tp_subclasses entry of a static base: the dict's key and value (both owned). */
interface StaticEntry {
  key: PyObject;
  ref: PyObject;
}

/** tp_subclasses of heap-type bases (PyDict, owned). */
const heapSubclassDicts = new Map<PyType, PyDict>();
/** tp_subclasses of static bases, without the dict (see the header). */
const staticSubclassEntries = new Map<PyType, Map<PyType, StaticEntry>>();

/** add_subclass: key first, then the weakref (may collect), then the dict if missing. */
export function addSubclass(base: PyType, type: PyType): void {
  const key = newInt(type.address);
  let ref: PyObject;
  try {
    ref = newWeakref(type, null);
  } catch (e) {
    decref(key);
    throw e;
  }
  if (base.subclasses.indexOf(type) < 0) base.subclasses.push(type);
  if ((base.flags & TPFLAGS_HEAPTYPE) === 0) {
    let entries = staticSubclassEntries.get(base);
    if (entries === undefined) {
      entries = new Map();
      staticSubclassEntries.set(base, entries);
    }
    const old = entries.get(type);
    entries.set(type, { key, ref });
    if (old !== undefined) {
      decref(old.ref);
      decref(old.key);
    }
    return;
  }
  let dict = heapSubclassDicts.get(base);
  if (dict === undefined) {
    dict = newDict();
    heapSubclassDicts.set(base, dict);
  }
  try {
    dictSetItem(dict, key, ref);
  } finally {
    decref(ref);
    decref(key);
  }
}

/** remove_subclass: the entry goes; an emptied heap-type dict is released. */
export function removeSubclass(base: PyType, type: PyType): void {
  const i = base.subclasses.indexOf(type);
  if (i >= 0) base.subclasses.splice(i, 1);
  if ((base.flags & TPFLAGS_HEAPTYPE) === 0) {
    const entries = staticSubclassEntries.get(base);
    const entry = entries?.get(type);
    if (entries === undefined || entry === undefined) return;
    // The key is made (and freed) again to look the entry up, as PyDict_DelItem needs it.
    decref(newInt(type.address));
    entries.delete(type);
    decref(entry.key);
    decref(entry.ref);
    return;
  }
  const dict = heapSubclassDicts.get(base);
  if (dict === undefined) return;
  const key = newInt(type.address);
  try {
    dictDelItemIfPresent(dict, key);
  } finally {
    decref(key);
  }
  if (dict.used === 0) {
    heapSubclassDicts.delete(base);
    decref(dict);
  }
}

/** remove_all_subclasses(type, type->tp_bases), from type_dealloc. */
export function removeAllSubclasses(type: PyType): void {
  const bases = type.bases;
  if (bases === null) return;
  for (const b of bases.items) removeSubclass(b as PyType, type);
}

/** type_dealloc's Py_XDECREF(type->tp_subclasses) (normally already gone). */
export function releaseSubclassDict(type: PyType): void {
  const dict = heapSubclassDicts.get(type);
  if (dict === undefined) return;
  heapSubclassDicts.delete(type);
  decref(dict);
}
