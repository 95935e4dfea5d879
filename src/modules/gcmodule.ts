// Modules/gcmodule.c (3.11), the module half: gc_enable_impl, gc_disable_impl,
// gc_isenabled_impl, gc_collect_impl, gc_set_debug_impl, gc_get_debug_impl, gc_get_count_impl,
// gc_set_threshold, gc_get_threshold_impl, gc_get_objects_impl, gc_get_stats_impl,
// gc_is_tracked, gc_is_finalized, gc_get_referrers, gc_get_referents, gc_freeze_impl,
// gc_unfreeze_impl, gc_get_freeze_count_impl, gcmodule_exec (garbage, callbacks, DEBUG_*),
// _PyGC_DumpShutdownStats; Python/sysmodule.c sys_write / sys_format (where the collector's
// debug lines go).
//
// The collector itself is src/runtime/gc.ts; this file gives it its Python face: argument
// parsing with CPython's messages, Python-object results, and the two lists the collector
// shares with Python code (gc.garbage, gc.callbacks), which stay the collector's even when a
// program rebinds the module attributes.

import type { PyObject } from "../runtime/object.js";
import { decref, incref, newRef } from "../runtime/refcount.js";
import {
  collect, disable, enable, freeze, garbageList, getCount, getDebug, getFreezeCount, getObjects,
  getReferents, getReferrers, getStats, getThreshold, isEnabled, isFinalized, isTracked, setDebug,
  setGCDebugWriter, setThreshold, unfreeze,
} from "../runtime/gc.js";
import {
  DEBUG_COLLECTABLE, DEBUG_LEAK, DEBUG_SAVEALL, DEBUG_STATS, DEBUG_UNCOLLECTABLE, gcstate,
} from "../runtime/gcstate.js";
import { OverflowErrorType, PyRaise, raise, TypeErrorType } from "../runtime/exceptions.js";
import { numberAsSsize, numberIndex, objectRepr } from "../runtime/abstract.js";
import { intToBigInt, newInt, newIntSsize } from "../runtime/int.js";
import { newBool } from "../runtime/bool.js";
import { newStr, staticStr } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import { dictSetItem, newDict, type PyDict } from "../runtime/dict.js";
import { listAppend, newList, type PyList } from "../runtime/list.js";
import { tupleFromBorrowed, tupleFromOwned, type PyTuple } from "../runtime/tuple.js";
import { newModule, type PyModule } from "../runtime/moduleobject.js";
import { newCFunction } from "../runtime/methodobject.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { parseArgs } from "../runtime/getargs.js";
import { writeUnraisable } from "../runtime/finalize.js";
import { asCInt, sysGetAttrBorrowed } from "./bltin_util.js";
import { writeStringToFile } from "./bltin_io.js";
import { currentInterpreter, registerBuiltinModule } from "./interp_state.js";

// ------------------------------------------------------------------ argument helpers

const INT_MAX = 2147483647n;
const INT_MIN = -2147483648n;
const LONG_MAX = 9223372036854775807n;
const LONG_MIN = -9223372036854775808n;

/** PyArg_ParseTuple's "i" converter (PyLong_AsLong, then the C int range check). */
function parseTupleInt(o: PyObject): number {
  const index = numberIndex(o);
  const value = intToBigInt(index);
  decref(index);
  if (value > LONG_MAX || value < LONG_MIN) raise(OverflowErrorType, "Python int too large to convert to C long");
  if (value > INT_MAX) raise(OverflowErrorType, "signed integer is greater than maximum");
  if (value < INT_MIN) raise(OverflowErrorType, "signed integer is less than minimum");
  return Number(value);
}

/** Argument Clinic's `Py_ssize_t(accept={int, NoneType})` (_Py_convert_optional_to_ssize_t). */
function optionalSsize(o: PyObject | null): number | null {
  if (o === null || o === None) return null;
  if (o.type.nbIndex === null) raise(TypeErrorType, `argument should be integer or None, not '${o.type.name}'`);
  return numberAsSsize(o, OverflowErrorType);
}

function noKeywordArguments(name: string, kwnames: PyTuple | null): void {
  if (kwnames !== null && kwnames.items.length !== 0) raise(TypeErrorType, `${name}() takes no keyword arguments`);
}

/** The tuple a METH_VARARGS function receives (CPython builds it from the vector call). */
function varargsTuple(args: PyObject[], start: number, nargs: number): PyTuple {
  return tupleFromBorrowed(args, start, start + nargs);
}

function threeInts(values: [number, number, number]): PyObject {
  return tupleFromOwned([newInt(values[0]), newInt(values[1]), newInt(values[2])]);
}

// ----------------------------------------------------------------------- functions

function gcEnable(_m: PyObject): PyObject {
  enable();
  return newRef(None);
}

function gcDisable(_m: PyObject): PyObject {
  disable();
  return newRef(None);
}

function gcIsEnabled(_m: PyObject): PyObject {
  return newBool(isEnabled());
}

function gcCollect(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const parsed = parseArgs("collect", args, start, nargs, kwnames, ["generation"], 0);
  const generation = parsed[0] === null ? 2 : asCInt(parsed[0]!);
  return newIntSsize(collect(generation));
}

function gcSetDebug(_m: PyObject, flags: PyObject): PyObject {
  setDebug(asCInt(flags));
  return newRef(None);
}

function gcGetDebug(_m: PyObject): PyObject {
  return newInt(getDebug());
}

function gcGetCount(_m: PyObject): PyObject {
  return threeInts(getCount());
}

function gcSetThreshold(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  // METH_VARARGS: the call packs a tuple (a GC allocation, which may itself start a
  // collection) before the function checks anything.
  const packed = varargsTuple(args, start, nargs);
  try {
    noKeywordArguments("set_threshold", kwnames);
    if (nargs < 1) raise(TypeErrorType, `set_threshold() takes at least 1 argument (${nargs} given)`);
    if (nargs > 3) raise(TypeErrorType, `set_threshold() takes at most 3 arguments (${nargs} given)`);
    // PyArg_ParseTuple converts left to right and stores nothing when a later one fails.
    const values: number[] = [];
    for (let i = 0; i < nargs; i++) values.push(parseTupleInt(packed.items[i]!));
    setThreshold(values[0]!, values[1], values[2]);
  } finally {
    decref(packed);
  }
  return newRef(None);
}

function gcGetThreshold(_m: PyObject): PyObject {
  return threeInts(getThreshold());
}

function gcGetObjects(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const parsed = parseArgs("get_objects", args, start, nargs, kwnames, ["generation"], 0);
  return getObjects(optionalSsize(parsed[0]!));
}

function gcGetStats(_m: PyObject): PyObject {
  // Read before allocating: the allocations below may start a collection.
  const stats = getStats();
  const result = newList(0);
  try {
    for (const st of stats) {
      const d = newDict();
      try {
        setStatItem(d, "collections", st.collections);
        setStatItem(d, "collected", st.collected);
        setStatItem(d, "uncollectable", st.uncollectable);
        listAppend(result, d);
      } finally {
        decref(d);
      }
    }
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

function setStatItem(d: PyDict, key: string, value: number): void {
  const k = newStr(key);
  const v = newIntSsize(value);
  try {
    dictSetItem(d, k, v);
  } finally {
    decref(k);
    decref(v);
  }
}

function gcIsTracked(_m: PyObject, o: PyObject): PyObject {
  return newBool(isTracked(o));
}

function gcIsFinalized(_m: PyObject, o: PyObject): PyObject {
  return newBool(isFinalized(o));
}

function gcGetReferrers(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const objs = varargsTuple(args, start, nargs);
  try {
    noKeywordArguments("get_referrers", kwnames);
    return getReferrers(objs.items, objs);
  } finally {
    decref(objs);
  }
}

function gcGetReferents(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const objs = varargsTuple(args, start, nargs);
  try {
    noKeywordArguments("get_referents", kwnames);
    return getReferents(objs.items);
  } finally {
    decref(objs);
  }
}

function gcFreeze(_m: PyObject): PyObject {
  freeze();
  return newRef(None);
}

function gcUnfreeze(_m: PyObject): PyObject {
  unfreeze();
  return newRef(None);
}

function gcGetFreezeCount(_m: PyObject): PyObject {
  return newIntSsize(getFreezeCount());
}

// The docstrings are what python3 3.11.7 reports as each function's __doc__.
export const GC_METHODS: readonly MethodDef[] = [
  { name: "enable", kind: "noargs", fn: gcEnable, doc: "Enable automatic garbage collection." },
  { name: "disable", kind: "noargs", fn: gcDisable, doc: "Disable automatic garbage collection." },
  { name: "isenabled", kind: "noargs", fn: gcIsEnabled, doc: "Returns true if automatic garbage collection is enabled." },
  {
    name: "set_debug",
    kind: "o",
    fn: gcSetDebug,
    doc:
      "Set the garbage collection debugging flags.\n\n  flags\n    An integer that can have the following bits turned on:\n" +
      "      DEBUG_STATS - Print statistics during collection.\n      DEBUG_COLLECTABLE - Print collectable objects found.\n" +
      "      DEBUG_UNCOLLECTABLE - Print unreachable but uncollectable objects\n        found.\n" +
      "      DEBUG_SAVEALL - Save objects to gc.garbage rather than freeing them.\n" +
      "      DEBUG_LEAK - Debug leaking programs (everything but STATS).\n\nDebugging information is written to sys.stderr.",
  },
  { name: "get_debug", kind: "noargs", fn: gcGetDebug, doc: "Get the garbage collection debugging flags." },
  { name: "get_count", kind: "noargs", fn: gcGetCount, doc: "Return a three-tuple of the current collection counts." },
  {
    name: "set_threshold",
    kind: "fastcall",
    fn: gcSetThreshold,
    doc: "set_threshold(threshold0, [threshold1, threshold2]) -> None\n\nSets the collection thresholds.  Setting threshold0 to zero disables\ncollection.\n",
  },
  { name: "get_threshold", kind: "noargs", fn: gcGetThreshold, doc: "Return the current collection thresholds." },
  {
    name: "collect",
    kind: "fastcall",
    fn: gcCollect,
    doc:
      "Run the garbage collector.\n\nWith no arguments, run a full collection.  The optional argument\nmay be an integer specifying which generation to collect.  A ValueError\n" +
      "is raised if the generation number is invalid.\n\nThe number of unreachable objects is returned.",
  },
  {
    name: "get_objects",
    kind: "fastcall",
    fn: gcGetObjects,
    doc:
      "Return a list of objects tracked by the collector (excluding the list returned).\n\n  generation\n    Generation to extract the objects from.\n\n" +
      "If generation is not None, return only the objects tracked by the collector\nthat are in that generation.",
  },
  { name: "get_stats", kind: "noargs", fn: gcGetStats, doc: "Return a list of dictionaries containing per-generation statistics." },
  {
    name: "is_tracked",
    kind: "o",
    fn: gcIsTracked,
    doc: "Returns true if the object is tracked by the garbage collector.\n\nSimple atomic objects will return false.",
  },
  { name: "is_finalized", kind: "o", fn: gcIsFinalized, doc: "Returns true if the object has been already finalized by the GC." },
  {
    name: "get_referrers",
    kind: "fastcall",
    fn: gcGetReferrers,
    doc: "get_referrers(*objs) -> list\nReturn the list of objects that directly refer to any of objs.",
  },
  {
    name: "get_referents",
    kind: "fastcall",
    fn: gcGetReferents,
    doc: "get_referents(*objs) -> list\nReturn the list of objects that are directly referred to by objs.",
  },
  {
    name: "freeze",
    kind: "noargs",
    fn: gcFreeze,
    doc:
      "Freeze all current tracked objects and ignore them for future collections.\n\nThis can be used before a POSIX fork() call to make the gc copy-on-write friendly.\n" +
      "Note: collection before a POSIX fork() call may free pages for future allocation\nwhich can cause copy-on-write.",
  },
  {
    name: "unfreeze",
    kind: "noargs",
    fn: gcUnfreeze,
    doc: "Unfreeze all objects in the permanent generation.\n\nPut all objects in the permanent generation back into oldest generation.",
  },
  { name: "get_freeze_count", kind: "noargs", fn: gcGetFreezeCount, doc: "Return the number of objects in the permanent generation." },
];

const GC_DOC =
  "This module provides access to the garbage collector for reference cycles.\n\n" +
  "enable() -- Enable automatic garbage collection.\n" +
  "disable() -- Disable automatic garbage collection.\n" +
  "isenabled() -- Returns true if automatic collection is enabled.\n" +
  "collect() -- Do a full collection right now.\n" +
  "get_count() -- Return the current collection counts.\n" +
  "get_stats() -- Return list of dictionaries containing per-generation stats.\n" +
  "set_debug() -- Set debugging flags.\n" +
  "get_debug() -- Get debugging flags.\n" +
  "set_threshold() -- Set the collection thresholds.\n" +
  "get_threshold() -- Return the current the collection thresholds.\n" +
  "get_objects() -- Return a list of all objects tracked by the collector.\n" +
  "is_tracked() -- Returns true if a given object is tracked.\n" +
  "is_finalized() -- Returns true if a given object has been already finalized.\n" +
  "get_referrers() -- Return the list of objects that refer to an object.\n" +
  "get_referents() -- Return the list of objects that an object refers to.\n" +
  "freeze() -- Freeze all tracked objects and ignore them for future collections.\n" +
  "unfreeze() -- Unfreeze all objects in the permanent generation.\n" +
  "get_freeze_count() -- Return the number of objects in the permanent generation.\n";

// ------------------------------------------------------------------ debug output

/**
 * sys_write / sys_format: text for sys.stderr, or for the process's stderr when sys.stderr is
 * missing, None, or its write() fails (the failure is swallowed, as CPython does).
 */
export function writeToSysStderr(text: string): void {
  const interp = currentInterpreter;
  if (interp === null) {
    if (typeof process !== "undefined" && process.stderr !== undefined) process.stderr.write(text);
    return;
  }
  const file = sysGetAttrBorrowed("stderr");
  if (file !== null && file !== None) {
    incref(file);
    try {
      writeStringToFile(text, file);
      return;
    } catch (e) {
      if (!(e instanceof PyRaise)) throw e;
      decref(e.exception);
    } finally {
      decref(file);
    }
  }
  interp.write(2, text);
}

/**
 * _PyGC_DumpShutdownStats, called by interpreter shutdown after the collection that follows
 * the clearing of sys.modules. A non-empty gc.garbage gives a ResourceWarning ("gc: N
 * uncollectable objects at shutdown"), which the default warning filters hide; with
 * DEBUG_UNCOLLECTABLE the repr of gc.garbage is written to sys.stderr, six spaces in.
 */
export function gcDumpShutdownStats(): void {
  const debug = gcstate.debug;
  const garbage = gcstate.garbage as PyList | null;
  if ((debug & DEBUG_SAVEALL) !== 0 || garbage === null || garbage.items.length === 0) return;
  if ((debug & DEBUG_UNCOLLECTABLE) === 0) return;
  let text: string;
  try {
    const repr = objectRepr(garbage);
    text = repr.value;
    decref(repr);
  } catch (e) {
    writeUnraisable(e, garbage);
    return;
  }
  writeToSysStderr(`      ${text}\n`);
}

// ------------------------------------------------------------------------- module

/** gc.callbacks, made when first needed (by the gc module) and kept for the interpreter's life. */
function callbacksList(): PyList {
  let callbacks = gcstate.callbacks as PyList | null;
  if (callbacks === null) {
    callbacks = newList(0);
    gcstate.callbacks = callbacks;
  }
  return callbacks;
}

/**
 * _PyGC_Init: CPython makes gc.garbage and gc.callbacks while creating the interpreter (two
 * lists in generation 0 from the start). Call this there; otherwise they are made on first
 * use (the gc module's import, or a collection that finds uncollectable objects).
 */
export function initGCState(): void {
  garbageList();
  callbacksList();
}

/** _PyGC_Fini: the interpreter lets go of gc.garbage and gc.callbacks (interpreter deletion). */
export function finiGCState(): void {
  const garbage = gcstate.garbage;
  const callbacks = gcstate.callbacks;
  gcstate.garbage = null;
  gcstate.callbacks = null;
  if (garbage !== null) decref(garbage);
  if (callbacks !== null) decref(callbacks);
}

/** PyInit_gc + gcmodule_exec: the gc module (new reference). */
export function initGCModule(): PyModule {
  const m = newModule("gc", "built-in");
  const d = m.dict!;
  const doc = newStr(GC_DOC);
  dictSetItem(d, staticStr("__doc__"), doc);
  decref(doc);
  const moduleName = newStr("gc");
  for (const def of GC_METHODS) {
    const f = newCFunction(def, m, moduleName);
    dictSetItem(d, staticStr(def.name), f);
    decref(f);
  }
  decref(moduleName);
  dictSetItem(d, staticStr("garbage"), garbageList());
  dictSetItem(d, staticStr("callbacks"), callbacksList());
  const constants: [string, number][] = [
    ["DEBUG_STATS", DEBUG_STATS],
    ["DEBUG_COLLECTABLE", DEBUG_COLLECTABLE],
    ["DEBUG_UNCOLLECTABLE", DEBUG_UNCOLLECTABLE],
    ["DEBUG_SAVEALL", DEBUG_SAVEALL],
    ["DEBUG_LEAK", DEBUG_LEAK],
  ];
  for (const [name, value] of constants) {
    const v = newInt(value);
    dictSetItem(d, staticStr(name), v);
    decref(v);
  }
  setGCDebugWriter(writeToSysStderr);
  return m;
}

registerBuiltinModule("gc", initGCModule);
