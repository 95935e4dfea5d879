// pyz3's "Reference Counting" section in TypeScript: borrowed and new references, manual
// incref/decref, the create-and-return and create-and-use patterns, and refcnt.
//
// Zig's `defer obj.decref()` is `using obj = ...`: the reference is released when the scope
// ends, on every path (return, exception). A function returns a new reference by returning
// an Owned handle; it receives its arguments as Borrowed handles.

import {
  PyLong, PyString, refcnt, type Borrowed, type Owned, type PyObject,
} from "heapscope/native";

/** borrowed_example: `obj` is lent to us for the call; we neither keep nor release it. */
export function borrowedExample(args: { obj: Borrowed<PyObject> }): void {
  void args.obj.typeName;
}

/** new_reference_example: create returns a new reference that we own and must release. */
export function newReferenceExample(): number {
  using str = PyString.create("hello");
  // Use the string...
  return PyString.length(str);
}

/** incref_example: keep a borrowed object beyond the call by taking our own reference, then return it. */
export function increfExample(args: { obj: Borrowed<PyObject> }): Owned<PyObject> {
  return args.obj.incref();
}

/** decref_example: release what we own when done (`using` is the defer). */
export function decrefExample(): void {
  using obj = PyString.create("temporary");
  void PyString.asString(obj);
}

/** Pattern: create and return. The caller owns the result. */
export function createAndReturn(): Owned<PyString> {
  return PyString.create("hello");
}

/** Pattern: create and use internally. */
export function createAndUse(): number {
  using num = PyLong.create(42);
  const value = PyLong.asNumber(num);
  return value * 2;
}

/** track_refs: the refcount as the object gains and loses references. */
export function trackRefs(): number[] {
  using str = PyString.create("test");
  const counts = [refcnt(str)];
  const second = str.incref();
  counts.push(refcnt(str));
  second.decref();
  counts.push(refcnt(str));
  return counts;
}

/**
 * Performance tip 1 ("use the small int pool"): for -5..256, PyLong.create returns CPython's
 * cached object, allocating nothing; other values allocate a new int each time.
 */
export function smallIntPattern(args: { value: number }): Owned<PyLong> {
  return PyLong.create(args.value);
}
