// Modules/gcmodule.c (3.11), the module functions whose shape fits heapscope/native's
// argument structs: gc_enable_impl, gc_disable_impl, gc_isenabled_impl, gc_collect_impl,
// gc_set_debug_impl, gc_get_debug_impl, gc_get_count_impl, gc_get_threshold_impl,
// gc_get_objects_impl, gc_get_stats_impl, gc_is_tracked, gc_is_finalized, gc_freeze_impl,
// gc_unfreeze_impl, gc_get_freeze_count_impl.
//
// The same functions as src/modules/gcmodule.ts, re-expressed on the native API to prove it
// on a real builtin: same results, same argument handling and messages (the test compares the
// two call by call). What does not fit is left to gcmodule.ts: set_threshold (PyArg_ParseTuple
// with optional positional ints and its own messages) and get_referrers / get_referents
// (*args). The module is not registered: `gc` stays gcmodule.ts's until its owner decides to
// build it from these definitions (gcNativeFunctions lists them for that).

import type { PyObject } from "../runtime/object.js";
import {
  collect, disable, enable, freeze, getCount, getDebug, getFreezeCount, getObjects, getStats, getThreshold, isEnabled,
  isFinalized, isTracked, setDebug, unfreeze,
} from "../runtime/gc.js";
import { OverflowErrorType, raise, TypeErrorType } from "../runtime/exceptions.js";
import { numberAsSsize } from "../runtime/abstract.js";
import { None } from "../runtime/singletons.js";
import { asCInt } from "../modules/bltin_util.js";
import { arg } from "./args.js";
import { PyDict, PyList, PyTuple } from "./containers.js";
import { PyLong } from "./objects.js";
import { defineModule } from "./module.js";
import { Owned, type Borrowed } from "./refs.js";

/** PyArg_Parse's "i": a C int through __index__. */
function cInt(value: Borrowed<PyObject>): number {
  return asCInt(value.obj);
}

/** Argument Clinic's `Py_ssize_t(accept={int, NoneType})`. */
function optionalSsize(value: Borrowed<PyObject>): number | null {
  const o = value.obj;
  if (o === None) return null;
  if (o.type.nbIndex === null) raise(TypeErrorType, `argument should be integer or None, not '${o.type.name}'`);
  return numberAsSsize(o, OverflowErrorType);
}

function threeInts(values: [number, number, number]): Owned<PyObject> {
  return PyTuple.fromOwned([PyLong.create(values[0]), PyLong.create(values[1]), PyLong.create(values[2])]);
}

export const gcNativeModule = defineModule("gc")
  .function("enable", { fn: () => void enable() })
  .function("disable", { fn: () => void disable() })
  .function("isenabled", { fn: () => isEnabled() })
  .function("collect", {
    args: { generation: arg.custom(cInt, { default: 2 }) },
    fn: ({ generation }) => PyLong.fromSsize(collect(generation)),
  })
  .function("set_debug", { args: { flags: arg.custom(cInt) }, positionalOnly: true, fn: ({ flags }) => void setDebug(flags) })
  .function("get_debug", { fn: () => getDebug() })
  .function("get_count", { fn: () => threeInts(getCount()) })
  .function("get_threshold", { fn: () => threeInts(getThreshold()) })
  .function("get_objects", {
    args: { generation: arg.custom(optionalSsize, { default: null }) },
    fn: ({ generation }) => Owned.adopt(getObjects(generation)),
  })
  .function("get_stats", {
    fn: () => {
      // Read before allocating: the allocations below may start a collection.
      const stats = getStats();
      using result = PyList.new();
      for (const st of stats) {
        using d = PyDict.new();
        PyDict.setItemOwned(d, "collections", PyLong.fromSsize(st.collections));
        PyDict.setItemOwned(d, "collected", PyLong.fromSsize(st.collected));
        PyDict.setItemOwned(d, "uncollectable", PyLong.fromSsize(st.uncollectable));
        PyList.append(result, d);
      }
      return result.move();
    },
  })
  .function("is_tracked", { args: { obj: arg.object() }, positionalOnly: true, fn: ({ obj }) => isTracked(obj.obj) })
  .function("is_finalized", { args: { obj: arg.object() }, positionalOnly: true, fn: ({ obj }) => isFinalized(obj.obj) })
  .function("freeze", { fn: () => void freeze() })
  .function("unfreeze", { fn: () => void unfreeze() })
  .function("get_freeze_count", { fn: () => PyLong.fromSsize(getFreezeCount()) });

/** The functions defined here, by name (the others stay in gcmodule.ts). */
export const gcNativeFunctions = [
  "enable", "disable", "isenabled", "collect", "set_debug", "get_debug", "get_count", "get_threshold", "get_objects",
  "get_stats", "is_tracked", "is_finalized", "freeze", "unfreeze", "get_freeze_count",
] as const;
