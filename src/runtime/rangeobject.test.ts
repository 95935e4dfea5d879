// Expected values measured on CPython 3.11.7.
import { describe, expect, test } from "vitest";
import "./bool.js";
import type { PyObject } from "./object.js";
import { decref, incref } from "./refcount.js";
import { tupleFromOwned } from "./tuple.js";
import { newInt, newIntFromBigInt, intToBigInt, type PyInt } from "./int.js";
import { hashResult, hashToBigInt } from "./values/pyhash.js";
import { PyRaise } from "./exceptions.js";
import type { PyStr } from "./str.js";
import { newRange, rangeIter, RangeType, type PyRange } from "./rangeobject.js";
import { iterNext, objectHash, objectRepr, getItem, sequenceContains, richCompareBool, callMethod } from "./abstract.js";
import { newSlice } from "./sliceobject.js";
import { None } from "./singletons.js";
import { staticStr } from "./str.js";
import { CMP_EQ } from "./type.js";

function int(n: number): PyInt {
  return newInt(n);
}

function range(...args: number[]): PyRange {
  return newRange(args.map(int));
}

function list(it: PyObject): number[] {
  const out: number[] = [];
  for (let x = iterNext(it); x !== null; x = iterNext(it)) {
    out.push(Number(intToBigInt(x as PyInt)));
    decref(x);
  }
  return out;
}

function repr(o: PyObject): string {
  const s = objectRepr(o) as PyStr;
  const v = s.value;
  decref(s);
  return v;
}

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof PyRaise) {
      const a = (e.exception as unknown as { args: { items: PyObject[] } }).args.items[0];
      return `${e.exception.type.name}: ${a === undefined ? "" : (a as PyStr).value}`;
    }
    throw e;
  }
  return "no exception";
}

describe("range", () => {
  test("getsizeof 48, not GC; iterators 48", () => {
    const r = range(10);
    expect(RangeType.basicsize).toBe(48);
    const it = rangeIter(r);
    expect(it.type.name).toBe("range_iterator");
    expect(it.type.basicsize).toBe(48);
    const big = newRange([newIntFromBigInt(2n ** 63n)]);
    const bigIt = rangeIter(big);
    expect(bigIt.type.name).toBe("longrange_iterator");
    const fits = newRange([newIntFromBigInt(2n ** 63n - 1n)]);
    const fitsIt = rangeIter(fits);
    expect(fitsIt.type.name).toBe("range_iterator");
    for (const o of [r, it, big, bigIt, fits, fitsIt]) decref(o);
  });

  test("repr, slicing, reversed", () => {
    const a = range(0, 3);
    const b = range(1, 5, 2);
    expect(repr(a)).toBe("range(0, 3)");
    expect(repr(b)).toBe("range(1, 5, 2)");
    const r = range(10);
    const s = getItem(r, newSlice(int(2), int(8), int(2)));
    expect(repr(s)).toBe("range(2, 8, 2)");
    const rev = getItem(r, newSlice(None, None, int(-1)));
    expect(repr(rev)).toBe("range(9, -1, -1)");
    const c = range(1, 10, 3);
    const back = callMethod(c, staticStr("__reversed__"), []);
    expect(list(back)).toEqual([7, 4, 1]);
    for (const o of [a, b, r, s, rev, c, back]) decref(o);
  });

  test("equality, hash, contains, index, count", () => {
    const a = range(0, 10, 3);
    const b = range(0, 11, 3);
    expect(richCompareBool(a, b, CMP_EQ)).toBe(true);
    // hash(range(0)) is hash((0, None, None)): None hashes by address in 3.11.
    const e = range(0);
    objectHash(e);
    const viaRange = hashToBigInt(hashResult.hi, hashResult.lo);
    incref(None);
    incref(None);
    const t = tupleFromOwned([int(0), None, None]);
    objectHash(t);
    expect(viaRange).toBe(hashToBigInt(hashResult.hi, hashResult.lo));
    decref(t);
    const f = range(5);
    objectHash(f);
    expect(hashToBigInt(hashResult.hi, hashResult.lo)).toBe(5795932985296280846n);
    const c = range(1, 10, 3);
    expect(sequenceContains(c, int(7))).toBe(true);
    const idx = callMethod(c, staticStr("index"), [int(7)]);
    expect(Number(intToBigInt(idx as PyInt))).toBe(2);
    expect(message(() => callMethod(c, staticStr("index"), [int(8)]))).toBe("ValueError: 8 is not in range");
    for (const o of [a, b, e, f, c, idx]) decref(o);
  });

  test("errors", () => {
    expect(message(() => range(1, 2, 0))).toBe("ValueError: range() arg 3 must not be zero");
    expect(message(() => newRange([]))).toBe("TypeError: range expected at least 1 argument, got 0");
    const r = range(3);
    expect(message(() => getItem(r, int(5)))).toBe("IndexError: range object index out of range");
    expect(list(rangeIter(r))).toEqual([0, 1, 2]);
    decref(r);
  });
});
