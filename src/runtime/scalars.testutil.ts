// Test helpers for the scalar and text types' tests (int, float, complex, str, bytes,
// bytearray): Python-like calls on runtime objects, with every temporary released, so
// tests read close to the Python they were measured with.

import "./bool.js";
import type { PyObject } from "./object.js";
import { decref } from "./refcount.js";
import { objectIsGC } from "./type.js";
import { preHeaderSize } from "./heap.js";
import { PyRaise } from "./exceptions.js";
import { newInt, newIntFromBigInt } from "./int.js";
import { newFloat } from "./float.js";
import { newStr, staticStr, type PyStr } from "./str.js";
import { tupleFromBorrowed } from "./tuple.js";
import { objectRepr, objectStr, callMethod, binaryOp, callObject, getAttr } from "./abstract.js";

export const I = (n: number | bigint): PyObject => (typeof n === "bigint" ? newIntFromBigInt(n) : newInt(n));
export const F = (x: number): PyObject => newFloat(x);
export const S = (s: string): PyObject => newStr(s);

/** repr(o) as a JS string (o borrowed). */
export function repr(o: PyObject): string {
  const r = objectRepr(o);
  const v = r.value;
  decref(r);
  return v;
}

export function str(o: PyObject): string {
  const r = objectStr(o);
  const v = r.value;
  decref(r);
  return v;
}

/** o.name(*args) (all borrowed); returns a new reference. */
export function call(o: PyObject, name: string, ...args: PyObject[]): PyObject {
  return callMethod(o, staticStr(name), args);
}

/** o.name(*args, **kw) with keyword arguments. */
export function callKw(o: PyObject, name: string, args: PyObject[], kw: Record<string, PyObject>): PyObject {
  const m = getAttr(o, staticStr(name));
  try {
    const keys = Object.keys(kw);
    const kwnames = keys.length === 0 ? null : tupleFromBorrowed(keys.map((k) => staticStr(k)));
    try {
      return callObject(m, [...args, ...keys.map((k) => kw[k]!)], 0, args.length, kwnames);
    } finally {
      if (kwnames !== null) decref(kwnames);
    }
  } finally {
    decref(m);
  }
}

/** repr(o.name(*args)), releasing the result. */
export function callRepr(o: PyObject, name: string, ...args: PyObject[]): string {
  const r = call(o, name, ...args);
  try {
    return repr(r);
  } finally {
    decref(r);
  }
}

/** repr(a <op> b) for a BINARY_OP number (abstract.ts NB_*). */
export function opRepr(a: PyObject, b: PyObject, which: number): string {
  const r = binaryOp(a, b, which);
  try {
    return repr(r);
  } finally {
    decref(r);
  }
}

/** sys.getsizeof(o): __sizeof__ plus the GC / managed-dict pre-header. */
export function getsizeof(o: PyObject): number {
  const r = call(o, "__sizeof__");
  const n = (r as unknown as { value: number }).value;
  decref(r);
  return n + (objectIsGC(o) ? preHeaderSize(o.type) : 0);
}

/** "TypeName: message" of the Python exception `fn` raises (or "no error"). */
export function raises(fn: () => unknown): string {
  try {
    const r = fn();
    if (r !== null && typeof r === "object" && "refcnt" in (r as object)) decref(r as PyObject);
  } catch (e) {
    if (e instanceof PyRaise) {
      const exc = e.exception;
      const text = str(exc);
      const name = exc.type.name;
      decref(exc);
      return `${name}: ${text}`;
    }
    throw e;
  }
  return "no error";
}

export type { PyStr };

import { allocator } from "./heap.js";
import type { AllocationHook, Domain } from "../memory/index.js";

/**
 * The sizes of the blocks `fn` allocated that are still allocated when it returns (what a
 * tracemalloc snapshot attributes to the line), sorted ascending; `fn`'s result is released
 * after measuring.
 */
export function liveAllocationSizes(fn: () => PyObject | null): number[] {
  const live = new Map<number, number>();
  const previous = allocator.getHook();
  const hook: AllocationHook = {
    onMalloc(_d: Domain, address: number, size: number) {
      live.set(address, size);
    },
    onRealloc(_d: Domain, oldAddress: number, newAddress: number, newSize: number) {
      live.delete(oldAddress);
      live.set(newAddress, newSize);
    },
    onFree(_d: Domain, address: number) {
      live.delete(address);
    },
  };
  allocator.setHook(hook);
  let result: PyObject | null;
  try {
    result = fn();
  } finally {
    allocator.setHook(previous);
  }
  const sizes = [...live.values()].sort((a, b) => a - b);
  if (result !== null) decref(result);
  return sizes;
}
