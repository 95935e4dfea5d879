// Objects/object.c (3.11): Py_ReprEnter, Py_ReprLeave; Python/pystate.c PyThreadState_GetDict.
//
// Recursive reprs ("[...]") are detected with a real list, "Py_Repr", kept in the thread
// state's dict, both made on the first container repr of the program: that first repr counts
// two GC allocations (gc.get_count()), and every repr appends its object to the list (a strong
// reference while the repr runs, and a 4-slot item array that tracemalloc sees) and removes
// it again afterwards (PyList_SetSlice, which frees the emptied array).

import type { PyObject } from "./object.js";
import { decref } from "./refcount.js";
import { dictGetItemStr, dictSetItem, newDict, type PyDict } from "./dict.js";
import { listAppend, listAssSlice, newList, type PyList } from "./list.js";
import { staticStr } from "./str.js";
import { registerPermanentObject } from "./leakcheck.js";

/** tstate->dict: made on first use, kept for good (one thread state in this runtime). */
let threadStateDict: PyDict | null = null;

/** PyThreadState_GetDict (borrowed). */
export function threadStateDictBorrowed(): PyDict {
  if (threadStateDict === null) {
    threadStateDict = newDict();
    registerPermanentObject(threadStateDict);
  }
  return threadStateDict;
}

function reprListBorrowed(): PyList {
  const dict = threadStateDictBorrowed();
  const key = staticStr("Py_Repr");
  const found = dictGetItemStr(dict, key);
  if (found !== null) return found as PyList;
  const list = newList(0);
  registerPermanentObject(list);
  try {
    dictSetItem(dict, key, list);
  } finally {
    decref(list);
  }
  return list;
}

/** Py_ReprEnter: true if `o`'s repr is already in progress (the caller prints "[...]"). */
export function reprEnter(o: PyObject): boolean {
  const list = reprListBorrowed();
  const items = list.items;
  for (let i = items.length - 1; i >= 0; i--) if (items[i] === o) return true;
  listAppend(list, o);
  return false;
}

/** Py_ReprLeave: drops `o` from the list (searched from the end, where it normally is). */
export function reprLeave(o: PyObject): void {
  const dict = threadStateDict;
  if (dict === null) return;
  const list = dictGetItemStr(dict, staticStr("Py_Repr")) as PyList | null;
  if (list === null) return;
  const items = list.items;
  for (let i = items.length - 1; i >= 0; i--) {
    if (items[i] === o) {
      listAssSlice(list, i, i + 1, null);
      return;
    }
  }
}
