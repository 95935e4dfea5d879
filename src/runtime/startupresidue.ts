// Python/pylifecycle.c (3.11): what Py_InitializeFromConfig leaves on the free lists of
// Objects/listobject.c, dictobject.c (dicts and keys tables), floatobject.c and tupleobject.c
// by the time the program's first line runs.
//
// Why: CPython's start-up runs Python code (importlib's bootstrap, encodings, io, site and
// the imports site makes) and compiles the program; the lists, dicts, tuples and floats that
// work creates and drops are parked on the free lists. They were allocated before any
// program could call tracemalloc.start(), so a program that takes objects from the free lists
// gets blocks with no trace (e.g. a list comprehension's list), and its id()s come from
// those blocks first. heapscope does not run that Python code, so it reproduces its residue:
// the same number of objects of each kind, allocated together and released through their
// ordinary dealloc, before the program starts. The numbers are CPython 3.11.7's, measured at
// the first line of a one-line program (`sys._debugmallocstats()` for lists, dicts, floats
// and tuples; the keys tables by counting which of 200 new one-key dicts get a trace under
// `_tracemalloc.start()`). A bigger program leaves more dicts, since CPython's compiler keeps
// a few per scope alive while it runs: that part is not modelled.

import { decref, incref } from "./refcount.js";
import { None } from "./singletons.js";
import type { PyObject } from "./object.js";
import { newList } from "./list.js";
import { newDict, parkFreshKeys } from "./dict.js";
import { newFloat } from "./float.js";
import { tupleFromOwned } from "./tuple.js";

/** Parked objects at the first line of a program (CPython 3.11.7, Linux x86-64). */
export const STARTUP_FREE_LISTS = {
  lists: 40,
  dicts: 8,
  dictKeys: 72,
  floats: 4,
  /** tuples[n - 1]: parked tuples of length n. */
  tuples: [4, 8, 2, 2, 3, 0, 8, 6, 1, 0, 1, 3, 5, 1, 2, 2, 2, 3, 1, 6],
} as const;

/** Leaves the free lists as CPython's start-up does; run once, before the program starts. */
export function leaveStartupResidue(): void {
  const made: PyObject[] = [];
  const r = STARTUP_FREE_LISTS;
  for (let i = 0; i < r.lists; i++) made.push(newList(0));
  for (let i = 0; i < r.dicts; i++) made.push(newDict());
  for (let i = 0; i < r.floats; i++) made.push(newFloat(i + 0.5));
  for (let n = 1; n <= r.tuples.length; n++) {
    for (let k = 0; k < r.tuples[n - 1]!; k++) {
      const items: PyObject[] = [];
      for (let j = 0; j < n; j++) {
        incref(None);
        items.push(None);
      }
      made.push(tupleFromOwned(items));
    }
  }
  for (let i = made.length - 1; i >= 0; i--) decref(made[i]!);
  parkFreshKeys(r.dictKeys);
}
