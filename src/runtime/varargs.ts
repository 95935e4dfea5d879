// Objects/methodobject.c cfunction_call, Objects/descrobject.c method_vectorcall_VARARGS /
// method_vectorcall_VARARGS_KEYWORDS, Objects/call.c _PyStack_AsDict.
//
// A METH_VARARGS builtin (set.union, dict.update, str.format, sys.getsizeof, gc.set_threshold,
// ...) cannot take a vector: CPython packs the positional arguments into a tuple, and for
// METH_KEYWORDS the keywords into a dict, before the C function runs. Those are GC
// allocations (gc.get_count(), free-list reuse, tracemalloc) and the tuple holds a reference
// to each argument during the call. Builtins declared "fastcall" here call these first;
// plain METH_VARARGS methods are declared "varargs" (methoddef.ts) and packed by the caller.

import type { PyObject } from "./object.js";
import { tupleFromBorrowed, type PyTuple } from "./tuple.js";
import { dictSetItem, newDict, type PyDict } from "./dict.js";

/** The argument tuple (new reference; `()` when there are none). */
export function packVarargs(args: PyObject[], start: number, nargs: number): PyTuple {
  return tupleFromBorrowed(args, start, start + nargs);
}

/**
 * A METH_VARARGS body written against the vector convention: runs `fn` on the packed tuple's
 * items (no keywords: a plain METH_VARARGS method refuses them before packing).
 */
export function overTuple(
  fn: (self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null) => PyObject,
): (self: PyObject, args: PyTuple) => PyObject {
  return (self, args) => fn(self, args.items, 0, args.items.length, null);
}

/** The keyword dict of a METH_VARARGS | METH_KEYWORDS call (new reference), or null. */
export function packKwargs(args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyDict | null {
  if (kwnames === null || kwnames.items.length === 0) return null;
  const kwargs = newDict();
  const names = kwnames.items;
  for (let i = 0; i < names.length; i++) dictSetItem(kwargs, names[i]!, args[start + nargs + i]!);
  return kwargs;
}
