// Modules/_weakref.c (3.11): _weakref_getweakrefcount_impl, _weakref_getweakrefs,
// weakref_proxy, _weakref__remove_dead_weakref_impl and weakref_exec, written on
// heapscope/native: the `_weakref` module that `import weakref` uses under `heapscope run`
// and in the playground (registered in place of src/modules/weakrefmodule.ts's, which stays
// for the lower layers' own tests; weakrefmodule.test.ts here compares the two call by call).
//
// The weak reference objects themselves are src/runtime/weakref.ts's; a C extension module
// likewise reaches into the object implementation it exposes. Each function's argument
// handling is the API's: METH_O for getweakrefcount/getweakrefs, positional-only parsing
// for proxy (PyArg_UnpackTuple) and _remove_dead_weakref (clinic's `/` with a dict check).

import "../modules/weakrefmodule.js";
import { raise, TypeErrorType } from "../runtime/exceptions.js";
import { dictDelItemIfPresent, dictGetItemKnownHash, keyHash, type PyDict as RtDict } from "../runtime/dict.js";
import { hashResult } from "../runtime/values/pyhash.js";
import {
  CallableProxyType, getWeakrefCount, getWeakrefs, isWeakref, newProxy, ProxyType, RefType,
} from "../runtime/weakref.js";
import { arg } from "./args.js";
import { PyDict, PyList } from "./containers.js";
import { PyLong } from "./objects.js";
import { defineModule } from "./module.js";
import { Borrowed, Owned } from "./refs.js";

// Docstrings as python3 3.11.7 reports them.
export const weakrefNativeModule = defineModule("_weakref", { doc: "Weak-reference support module." })
  .function("getweakrefcount", {
    args: { object: arg.object() },
    positionalOnly: true,
    doc: "Return the number of weak references to 'object'.",
    fn: ({ object }) => PyLong.fromSsize(getWeakrefCount(object.obj)),
  })
  .function("_remove_dead_weakref", {
    args: { dct: arg.instance<RtDict>(PyDict.type), key: arg.object() },
    positionalOnly: true,
    doc: "Atomically remove key from dict if it points to a dead weakref.",
    fn: ({ dct, key }) => {
      // One lookup decides; a missing key is fine (a callback may race with a deletion).
      keyHash(key.obj);
      const value = dictGetItemKnownHash(dct.obj, key.obj, hashResult.hi, hashResult.lo);
      if (value === null) return;
      if (!isWeakref(value)) raise(TypeErrorType, "not a weakref");
      if (value.referent === null) dictDelItemIfPresent(dct.obj, key.obj);
    },
  })
  .function("getweakrefs", {
    args: { object: arg.object() },
    positionalOnly: true,
    doc: "Return a list of all weak reference objects pointing to 'object'.",
    fn: ({ object }) => PyList.fromBorrowed(getWeakrefs(object.obj).map((wr) => Borrowed.of(wr))),
  })
  .function("proxy", {
    args: { object: arg.object(), callback: arg.object({ optional: true }) },
    positionalOnly: true,
    doc: "Create a proxy object that weakly references 'object'.\n\n'callback', if given, is called with a reference to the\nproxy when 'object' is about to be finalized.",
    fn: ({ object, callback }) => Owned.adopt(newProxy(object.obj, callback === undefined ? null : callback.obj)),
  })
  .constant("ref", () => Borrowed.of(RefType).incref())
  .constant("ReferenceType", () => Borrowed.of(RefType).incref())
  .constant("ProxyType", () => Borrowed.of(ProxyType).incref())
  .constant("CallableProxyType", () => Borrowed.of(CallableProxyType).incref())
  .register();
