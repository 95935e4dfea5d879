// pyz3's "Memory Leaks" section: the common leak patterns and their fixes.

import { NativeAllocator, PyExc, PyLong, PyString, raiseError } from "heapscope/native";

/** Leak: forgot to decref. The string is never released. */
export function leakExample(): void {
  const str = PyString.create("leaked");
  // ERROR: no `using` (or str.decref()): the string is never released.
  void str;
}

/** Fixed: `using` releases it at the end of the scope. */
export function fixedExample(): void {
  using str = PyString.create("not leaked");
  void PyString.length(str);
}

/**
 * early_return_leak, which pyz3 shows is *not* a leak: the deferred release runs on the early
 * (error) return too. Here: `using` releases `temp` when the ValueError is thrown.
 * 4200 rather than 42, so that a leak would be visible (42 is a shared small int).
 */
export function earlyReturn(args: { value: number }): number {
  using temp = PyLong.create(4200);
  if (args.value < 0) raiseError(PyExc.ValueError, "negative value");
  return PyLong.asNumber(temp);
}

/** The same function with a manual decref at the end: the error path skips it. */
export function earlyReturnManual(args: { value: number }): number {
  const temp = PyLong.create(4200);
  if (args.value < 0) raiseError(PyExc.ValueError, "negative value"); // leaks `temp`
  const value = PyLong.asNumber(temp);
  temp.decref();
  return value;
}

/** Leak: forgot to free an allocation. The 1024 bytes are never freed. */
export function allocationLeak(): void {
  const buffer = NativeAllocator.alloc(1024);
  // ERROR: no `using` (or buffer.free()).
  void buffer;
}

/** pyz3's "detect leaks" test function: creates a string and forgets to decref it. */
export function testFunc(): void {
  const str = PyString.create("test");
  void str; // Forgot to decref - will be detected!
}
