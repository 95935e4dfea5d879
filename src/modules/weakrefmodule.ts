// Modules/_weakref.c (3.11): _weakref_getweakrefcount_impl, _weakref_getweakrefs,
// weakref_proxy, _weakref__remove_dead_weakref_impl (with dictobject.c's _PyDict_DelItemIf
// and is_dead_weakref), weakref_exec; plus the registration of the two modules heapscope
// ships as Python source, as CPython ships Lib/weakref.py and Lib/_weakrefset.py.
//
// The weak reference objects themselves live in src/runtime/weakref.ts; this module only
// exposes them to Python.

import type { PyObject } from "../runtime/object.js";
import { decref, newRef } from "../runtime/refcount.js";
import { raise, TypeErrorType } from "../runtime/exceptions.js";
import { newIntSsize } from "../runtime/int.js";
import { newStr, staticStr } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import {
  dictDelItemIfPresent, dictGetItemKnownHash, dictSetItem, isDict, keyHash, type PyDict,
} from "../runtime/dict.js";
import { listFromBorrowed } from "../runtime/list.js";
import type { PyTuple } from "../runtime/tuple.js";
import { newModule, type PyModule } from "../runtime/moduleobject.js";
import { newCFunction } from "../runtime/methodobject.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { checkPositional } from "../runtime/getargs.js";
import { hashResult } from "../runtime/values/pyhash.js";
import {
  CallableProxyType, getWeakrefCount, getWeakrefs, isWeakref, newProxy, ProxyType, RefType,
} from "../runtime/weakref.js";
import { registerBuiltinModule, registerPythonModule } from "./interp_state.js";
import { WEAKREF_SOURCE } from "./pylib/weakref.py.js";
import { WEAKREFSET_SOURCE } from "./pylib/_weakrefset.py.js";

function noKeywordArguments(qualifiedName: string, kwnames: PyTuple | null): void {
  if (kwnames !== null && kwnames.items.length !== 0) raise(TypeErrorType, `${qualifiedName}() takes no keyword arguments`);
}

function weakrefGetWeakrefCount(_m: PyObject, o: PyObject): PyObject {
  return newIntSsize(getWeakrefCount(o));
}

function weakrefGetWeakrefs(_m: PyObject, o: PyObject): PyObject {
  return listFromBorrowed(getWeakrefs(o));
}

function weakrefProxy(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywordArguments("_weakref.proxy", kwnames);
  checkPositional("proxy", nargs, 1, 2);
  return newProxy(args[start]!, nargs === 2 ? args[start + 1]! : null);
}

/**
 * _remove_dead_weakref(dct, key): delete dct[key] if its value is a dead weak reference. A
 * missing key is fine (a weakref callback may race with an explicit deletion); a value that
 * is not a weak reference is a TypeError. Works on the dict itself, never on a subclass's
 * overridden methods.
 */
function weakrefRemoveDeadWeakref(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywordArguments("_weakref._remove_dead_weakref", kwnames);
  checkPositional("_remove_dead_weakref", nargs, 2, 2);
  const dct = args[start]!;
  const key = args[start + 1]!;
  if (!isDict(dct)) raise(TypeErrorType, `_remove_dead_weakref() argument 1 must be dict, not ${dct.type.name}`);
  keyHash(key);
  const value = dictGetItemKnownHash(dct as PyDict, key, hashResult.hi, hashResult.lo);
  if (value === null) return newRef(None);
  if (!isWeakref(value)) raise(TypeErrorType, "not a weakref");
  if (value.referent === null) dictDelItemIfPresent(dct as PyDict, key);
  return newRef(None);
}

// Docstrings as python3 3.11.7 reports them.
export const WEAKREF_METHODS: readonly MethodDef[] = [
  { name: "getweakrefcount", kind: "o", fn: weakrefGetWeakrefCount, doc: "Return the number of weak references to 'object'." },
  {
    name: "_remove_dead_weakref",
    kind: "fastcall",
    fn: weakrefRemoveDeadWeakref,
    doc: "Atomically remove key from dict if it points to a dead weakref.",
  },
  { name: "getweakrefs", kind: "o", fn: weakrefGetWeakrefs, doc: "Return a list of all weak reference objects pointing to 'object'." },
  {
    name: "proxy",
    kind: "fastcall",
    fn: weakrefProxy,
    doc: "Create a proxy object that weakly references 'object'.\n\n'callback', if given, is called with a reference to the\nproxy when 'object' is about to be finalized.",
  },
];

/** PyInit__weakref + weakref_exec: the _weakref module (new reference). */
export function initWeakrefModule(): PyModule {
  const m = newModule("_weakref", "built-in");
  const d = m.dict!;
  const doc = newStr("Weak-reference support module.");
  dictSetItem(d, staticStr("__doc__"), doc);
  decref(doc);
  const moduleName = newStr("_weakref");
  for (const def of WEAKREF_METHODS) {
    const f = newCFunction(def, m, moduleName);
    dictSetItem(d, staticStr(def.name), f);
    decref(f);
  }
  decref(moduleName);
  dictSetItem(d, staticStr("ref"), RefType);
  dictSetItem(d, staticStr("ReferenceType"), RefType);
  dictSetItem(d, staticStr("ProxyType"), ProxyType);
  dictSetItem(d, staticStr("CallableProxyType"), CallableProxyType);
  return m;
}

registerBuiltinModule("_weakref", initWeakrefModule);
registerPythonModule("_weakrefset", WEAKREFSET_SOURCE);
registerPythonModule("weakref", WEAKREF_SOURCE);
