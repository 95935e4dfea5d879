// Objects/typeobject.c (PyType_GenericAlloc), Objects/moduleobject.c (PyModule_AddFunctions,
// PyModule_AddObjectRef): the small pieces every TypeScript-written extension module of
// the stdlib (functools, operator, itertools) repeats.

import type { PyObject } from "../runtime/object.js";
import { allocGCObject, freeGCObject } from "../runtime/heap.js";
import { gcTrack, gcUntrack } from "../runtime/gcstate.js";
import { decref, incref, newRef } from "../runtime/refcount.js";
import { TPFLAGS_HEAPTYPE, type PyType } from "../runtime/type.js";
import { dictSetItem } from "../runtime/dict.js";
import { newStr, staticStr } from "../runtime/str.js";
import { newModule, type PyModule } from "../runtime/moduleobject.js";
import { newCFunction } from "../runtime/methodobject.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { clearWeakrefs } from "../runtime/weakref.js";
import { raise, TypeErrorType } from "../runtime/exceptions.js";
import { tupleFromOwned, type PyTuple } from "../runtime/tuple.js";
import { dictEntry, dictLength, dictNext, type PyDict } from "../runtime/dict.js";
import { parseArgs } from "../runtime/getargs.js";

/**
 * PyType_GenericAlloc for a GC type: memory of the type's basicsize, the type kept alive
 * by its instance when it is a heap type (a Python subclass), tracked at once.
 */
export function allocTracked<T extends PyObject>(o: T, type: PyType): T {
  allocGCObject(o, type.basicsize);
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) incref(type);
  gcTrack(o);
  return o;
}

/**
 * The end of a GC type's dealloc (tp_free). A Python subclass's reference to its class is
 * dropped by subtype_dealloc after this returns, not here.
 */
export function freeTracked(o: PyObject): void {
  freeGCObject(o);
}

/** Untrack and clear weak references, the opening of deallocs of weakref-able types. */
export function untrackAndClearWeakrefs(o: PyObject): void {
  gcUntrack(o);
  if (o.weakrefList !== null) clearWeakrefs(o);
}

/** A builtin module with functions made from `defs` (module name on each, as `m.f()` messages need). */
export function newBuiltinModule(name: string, doc: string | null, defs: readonly MethodDef[]): PyModule {
  const m = newModule(name, "built-in");
  const d = m.dict!;
  if (doc !== null) {
    const s = newStr(doc);
    dictSetItem(d, staticStr("__doc__"), s);
    decref(s);
  }
  const moduleName = newStr(name);
  for (const def of defs) {
    const f = newCFunction(def, m, moduleName);
    dictSetItem(d, staticStr(def.name), f);
    decref(f);
  }
  decref(moduleName);
  return m;
}

/** PyModule_AddObjectRef (value borrowed). */
export function moduleAdd(m: PyModule, name: string, value: PyObject): void {
  dictSetItem(m.dict!, staticStr(name), value);
}

/** _PyArg_NoKeywords for tp_new: "name() takes no keyword arguments" (only for the exact type). */
export function noKwargsFor(type: PyType, exact: PyType, name: string, kwargs: PyDict | null): void {
  if ((type === exact || type.init === exact.init) && kwargs !== null && dictLength(kwargs) !== 0) {
    raise(TypeErrorType, `${name}() takes no keyword arguments`);
  }
}

/** _PyArg_NoKwnames for vectorcall entry points. */
export function noKwnames(name: string, kwnames: PyTuple | null): void {
  if (kwnames !== null && kwnames.items.length !== 0) raise(TypeErrorType, `${name}() takes no keyword arguments`);
}

/**
 * Argument Clinic parsing for a tp_new that receives (args tuple, kwargs dict): the
 * values as getargs.ts's parseArgs returns them (borrowed, null when absent).
 */
export function parseNewArgs(
  name: string, args: PyTuple, kwargs: PyDict | null, names: readonly string[], minpos: number, posOnly = 0, kwOnly = 0,
): (PyObject | null)[] {
  if (kwargs === null || dictLength(kwargs) === 0) return parseArgs(name, args.items, 0, args.items.length, null, names, minpos, posOnly, kwOnly);
  const values: PyObject[] = args.items.slice();
  const keys: PyObject[] = [];
  for (let pos = dictNext(kwargs, 0); pos >= 0; pos = dictNext(kwargs, pos)) {
    keys.push(newRef(dictEntry.key!));
    values.push(dictEntry.value!);
  }
  const kwnames = tupleFromOwned(keys);
  try {
    return parseArgs(name, values, 0, args.items.length, kwnames, names, minpos, posOnly, kwOnly);
  } finally {
    decref(kwnames);
  }
}
