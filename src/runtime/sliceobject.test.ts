// Slice objects: repr, size, tracking, indices(), comparison, the one-object cache.
import { describe, expect, test } from "vitest";
import { newSlice, SliceType, sliceGetIndices, sliceBounds, type PySlice } from "./sliceobject.js";
import { callObject, getAttr, objectHash, richCompareBool } from "./abstract.js";
import { newInt } from "./int.js";
import { newStr, staticStr } from "./str.js";
import { None } from "./singletons.js";
import { decref } from "./refcount.js";
import { getsizeof, pyError, reprOf } from "./testing/pyfunc.js";
import { gcIsTracked } from "./gcstate.js";
import { CMP_EQ, CMP_LT } from "./type.js";
import { tupleFromBorrowed } from "./tuple.js";
import type { PyObject } from "./object.js";

function slice(...args: PyObject[]): PySlice {
  return callObject(SliceType, args, 0, args.length, null) as PySlice;
}

function indices(s: PySlice, n: number): string {
  const m = getAttr(s, staticStr("indices"));
  const r = callObject(m, [newInt(n)], 0, 1, null);
  decref(m);
  const text = reprOf(r);
  decref(r);
  return text;
}

describe("slice", () => {
  test("repr, size, tracking, hash", () => {
    const s = slice(newInt(1), newInt(2));
    expect(reprOf(s)).toBe("slice(1, 2, None)");
    expect(getsizeof(s)).toBe(56);
    expect(gcIsTracked(s)).toBe(true);
    expect(pyError(() => objectHash(s))).toBe("TypeError: unhashable type: 'slice'");
    const t = slice(newStr("a"));
    expect(reprOf(t)).toBe("slice(None, 'a', None)");
    decref(s);
    decref(t);
  });

  test("constructor messages", () => {
    expect(pyError(() => slice())).toBe("TypeError: slice expected at least 1 argument, got 0");
    expect(pyError(() => slice(None, None, None, None))).toBe("TypeError: slice expected at most 3 arguments, got 4");
    const kw = tupleFromBorrowed([newStr("x")]);
    expect(pyError(() => callObject(SliceType, [None, None], 0, 1, kw))).toBe("TypeError: slice() takes no keyword arguments");
  });

  test("indices() (measured)", () => {
    const a = slice(None, None, newInt(-1));
    expect(indices(a, 5)).toBe("(4, -1, -1)");
    const b = slice(newInt(-100), newInt(100), newInt(2));
    expect(indices(b, 7)).toBe("(0, 7, 2)");
    const c = slice(newInt(10), newInt(-10), newInt(-3));
    expect(indices(c, 4)).toBe("(3, -1, -3)");
    expect(pyError(() => indices(c, -1))).toBe("ValueError: length should not be negative");
    const z = slice(newInt(0), newInt(1), newInt(0));
    expect(pyError(() => indices(z, 3))).toBe("ValueError: slice step cannot be zero");
    for (const s of [a, b, c, z]) decref(s);
  });

  test("adjusted indices for sequences", () => {
    const s = slice(newInt(1), None, newInt(2));
    expect(sliceGetIndices(s, 10)).toBe(5);
    expect([sliceBounds.start, sliceBounds.stop, sliceBounds.step]).toEqual([1, 10, 2]);
    const bad = slice(newStr("a"), newInt(2));
    expect(pyError(() => sliceGetIndices(bad, 3))).toBe("TypeError: slice indices must be integers or None or have an __index__ method");
    decref(s);
    decref(bad);
  });

  test("comparison as (start, stop, step) tuples", () => {
    const a = slice(newInt(1), newInt(2));
    const b = slice(newInt(1), newInt(2));
    const c = slice(newInt(1), newInt(3));
    expect(richCompareBool(a, b, CMP_EQ)).toBe(true);
    expect(richCompareBool(a, c, CMP_LT)).toBe(true);
    for (const s of [a, b, c]) decref(s);
  });

  test("a freed slice is reused for the next one", () => {
    const a = newSlice(newInt(1), null, null);
    const address = a.address;
    decref(a);
    const b = newSlice(null, newInt(2), null);
    expect(b.address).toBe(address);
    expect(reprOf(b)).toBe("slice(None, 2, None)");
    decref(b);
  });
});
