// Expected values measured on CPython 3.11.7 (PYTHONHASHSEED=0 for str orders).
import { describe, expect, test } from "vitest";
import "./bool.js";
import { PyObject } from "./object.js";
import { allocObject, freeObject } from "./heap.js";
import { decref, incref } from "./refcount.js";
import { gcIsTracked } from "./gcstate.js";
import { newStaticType, readyType } from "./typeroots.js";
import { newInt, intToBigInt, type PyInt } from "./int.js";
import { hashResult, hashSmallInt, hashToBigInt, setHashSeed } from "./values/pyhash.js";
import { PyRaise } from "./exceptions.js";
import { newStr, type PyStr } from "./str.js";
import {
  frozenSetHash, newFrozenSet, newSet, newSetFromIterable, setAdd, setDifference, setDiscardKey, setEntry, setIntersection, setIter,
  setNext, setPop, setRemove, setRepr, setSizeOf, setSymmetricDifference, setTraverse, setUnion, setUpdate, type PySet,
  SetType, FrozenSetType, makeNewSet,
} from "./set.js";
import { tupleFromOwned } from "./tuple.js";
import { listFromOwned } from "./list.js";
import { newRange } from "./rangeobject.js";
import { iterNext } from "./abstract.js";

function int(n: number): PyInt {
  return newInt(n);
}

function ints(s: PySet): number[] {
  const out: number[] = [];
  for (let pos = setNext(s, 0); pos >= 0; pos = setNext(s, pos)) out.push(Number(intToBigInt(setEntry.key as PyInt)));
  return out;
}

function strs(s: PySet): string[] {
  const out: string[] = [];
  for (let pos = setNext(s, 0); pos >= 0; pos = setNext(s, pos)) out.push((setEntry.key as PyStr).value);
  return out;
}

/**
 * A set display of constants: the compiler folds the items into a frozenset, then its
 * constant merging (merge_consts_recursive) rebuilds that frozenset from a tuple of its
 * iteration order; the code runs BUILD_SET 0 and SET_UPDATE with it.
 */
function display(items: PyObject[]): PySet {
  const t = tupleFromOwned(items);
  const folded = newFrozenSet(t);
  decref(t);
  const order: PyObject[] = [];
  for (let pos = setNext(folded, 0); pos >= 0; pos = setNext(folded, pos)) {
    incref(setEntry.key!);
    order.push(setEntry.key!);
  }
  decref(folded);
  const t2 = tupleFromOwned(order);
  const fs = newFrozenSet(t2);
  decref(t2);
  const s = newSet();
  setUpdate(s, fs);
  decref(fs);
  return s;
}

function displayInts(values: number[]): PySet {
  return display(values.map(int));
}

function added(values: number[]): PySet {
  const s = newSet();
  for (const v of values) {
    const o = int(v);
    setAdd(s, o);
    decref(o);
  }
  return s;
}

function getsizeof(s: PySet): number {
  return setSizeOf(s) + 16;
}

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof PyRaise) {
      const args = (e.exception as unknown as { args: { items: PyObject[] } }).args.items;
      const a = args[0];
      const text = a === undefined ? "" : a.type.name === "str" ? (a as PyStr).value : String(intToBigInt(a as PyInt));
      return `${e.exception.type.name}: ${text}`;
    }
    throw e;
  }
  return "no exception";
}

describe("set table order", () => {
  test("printed orders of int sets", () => {
    const a = displayInts([10, 1, 33, 9]);
    expect(ints(a)).toEqual([1, 10, 9, 33]);
    const b = displayInts([100, 5, 37, 8, 64, 1000]);
    expect(ints(b)).toEqual([64, 100, 5, 37, 8, 1000]);
    const c = added([5, 13, 21, 29, 37]);
    expect(ints(c)).toEqual([37, 5, 13, 21, 29]);
    for (const o of [a, b, c]) decref(o);
  });

  test("printed orders of str sets under PYTHONHASHSEED=0", () => {
    setHashSeed(0);
    const a = display(["a", "b", "c", "d", "e"].map((x) => newStr(x)));
    expect(strs(a)).toEqual(["d", "c", "a", "e", "b"]);
    const b = display(["apple", "banana", "cherry", "date", "elderberry", "fig", "grape"].map((x) => newStr(x)));
    expect(strs(b)).toEqual(["banana", "fig", "cherry", "apple", "grape", "date", "elderberry"]);
    decref(a);
    decref(b);
  });

  test("algebra builds results in CPython's order", () => {
    const a = displayInts([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100, 200]);
    const b = displayInts([5, 6, 7, 300, 400, 1, 1000]);
    const cases: [PySet, number[]][] = [
      [setUnion(a, [b]), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 200, 400, 100, 1000, 300]],
      [setIntersection(a, [b]), [1, 5, 6, 7]],
      [setDifference(a, [b]), [2, 3, 4, 100, 8, 9, 10, 200]],
      [setDifference(b, [a]), [400, 1000, 300]],
      [setSymmetricDifference(a, b), [2, 3, 4, 8, 9, 10, 200, 400, 100, 1000, 300]],
      [setSymmetricDifference(b, a), [2, 3, 4, 8, 9, 10, 100, 200, 1000, 300, 400]],
      [setUnion(a, [listFromOwned([int(9999), int(3), int(77)])]), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100, 200, 77, 9999]],
      [setIntersection(a, [listFromOwned([int(100), int(1), int(5), int(7777)])]), [1, 100, 5]],
      [setDifference(a, [listFromOwned([int(1), int(2)])]), [3, 4, 5, 6, 7, 8, 9, 10, 100, 200]],
      [setSymmetricDifference(a, listFromOwned([int(1), int(2), int(555)])), [3, 4, 5, 6, 7, 8, 9, 10, 200, 100, 555]],
    ];
    for (const [s, want] of cases) {
      expect(ints(s)).toEqual(want);
      decref(s);
    }
    decref(a);
    decref(b);
  });

  test("dummies, re-use of freed slots, pop order", () => {
    const s = displayInts([1, 2, 3]);
    setDiscardKey(s, int(2));
    setAdd(s, int(34));
    expect(ints(s)).toEqual([1, 34, 3]);
    const r = newRange([int(10)]);
    const t = newSetFromIterable(r);
    for (let i = 0; i < 10; i += 2) setDiscardKey(t, int(i));
    setAdd(t, int(100));
    expect(Number(intToBigInt(setPop(t) as PyInt))).toBe(1);
    expect(Number(intToBigInt(setPop(t) as PyInt))).toBe(3);
    expect(ints(t)).toEqual([5, 7, 100, 9]);
    for (const o of [s, r, t]) decref(o);
  });
});

describe("set sizes", () => {
  test("add growth: 216, 728 from 5, 2264 from 19, 8408 from 77", () => {
    const s = newSet();
    const seen: [number, number][] = [];
    let prev = -1;
    for (let i = 0; i < 100; i++) {
      if (getsizeof(s) !== prev) {
        seen.push([s.used, getsizeof(s)]);
        prev = getsizeof(s);
      }
      setAdd(s, int(i));
    }
    expect(seen).toEqual([[0, 216], [5, 728], [19, 2264], [77, 8408]]);
    decref(s);
  });

  test("set(range(n)) and frozenset", () => {
    const sizes = [0, 4, 5, 18, 19, 76, 77].map((n) => {
      const r = newRange([int(n)]);
      const s = newSetFromIterable(r);
      const size = getsizeof(s);
      decref(s);
      decref(r);
      return size;
    });
    expect(sizes).toEqual([216, 216, 728, 728, 2264, 2264, 8408]);
    const f = newFrozenSet(null);
    expect(getsizeof(f)).toBe(216);
    expect(setSizeOf(f)).toBe(200);
    decref(f);
  });

  test("set displays take the merge path: 1-4 -> 216, 5 -> 472, 8-9 -> 728, 18-19 -> 1240", () => {
    const sizes = [4, 5, 8, 9, 18, 19].map((n) => {
      const s = displayInts(Array.from({ length: n }, (_, i) => i));
      const size = getsizeof(s);
      decref(s);
      return size;
    });
    expect(sizes).toEqual([216, 472, 728, 728, 1240, 1240]);
  });
});

describe("set object", () => {
  test("frozenset hashes", () => {
    const e = newFrozenSet(null);
    frozenSetHash(e);
    expect(hashToBigInt(hashResult.hi, hashResult.lo)).toBe(133146708735736n);
    const t = tupleFromOwned([int(1), int(2), int(3)]);
    const f = newFrozenSet(t);
    frozenSetHash(f);
    expect(hashToBigInt(hashResult.hi, hashResult.lo)).toBe(-272375401224217160n);
    for (const o of [e, t, f]) decref(o);
  });

  test("frozenset(fs) is fs only for exact frozensets; frozenset() is not a singleton", () => {
    const a = newFrozenSet(null);
    const b = newFrozenSet(null);
    expect(a).not.toBe(b);
    decref(a);
    decref(b);
    expect(FrozenSetType.new_).not.toBeNull();
  });

  test("always tracked, including empty ones", () => {
    const s = newSet();
    const f = newFrozenSet(null);
    expect(gcIsTracked(s)).toBe(true);
    expect(gcIsTracked(f)).toBe(true);
    decref(s);
    decref(f);
  });

  test("repr", () => {
    const text = (o: PyObject) => {
      const r = setRepr(o) as PyStr;
      const v = r.value;
      decref(r);
      return v;
    };
    const e = newSet();
    expect(text(e)).toBe("set()");
    const s = displayInts([1, 2]);
    expect(text(s)).toBe("{1, 2}");
    const t = tupleFromOwned([int(3), int(1), int(2)]);
    const f = makeNewSet(FrozenSetType, t);
    expect(text(f)).toBe("frozenset({1, 2, 3})");
    const ef = newFrozenSet(null);
    expect(text(ef)).toBe("frozenset()");
    for (const o of [e, s, t, f, ef]) decref(o);
  });

  test("errors", () => {
    const e = newSet();
    expect(message(() => setPop(e))).toBe("KeyError: pop from an empty set");
    const s = displayInts([1]);
    expect(message(() => setRemove(s, int(5)))).toBe("KeyError: 5");
    const it = setIter(s);
    decref(iterNext(it)!);
    setAdd(s, int(2));
    expect(message(() => iterNext(it))).toBe("RuntimeError: Set changed size during iteration");
    for (const o of [e, s, it]) decref(o);
    expect(SetType.name).toBe("set");
  });

  test("dealloc and traverse follow table slots", () => {
    const order: number[] = [];
    const Probe = newStaticType("sprobe", 24, 0, 0);
    Probe.dealloc = (self) => {
      order.push((self as PyObject & { tag: number }).tag);
      freeObject(self);
    };
    Probe.hash = (self) => {
      hashSmallInt((self as PyObject & { tag: number }).tag);
    };
    readyType(Probe);
    const s = newSet();
    for (const tag of [5, 1, 3]) {
      const p = new PyObject(Probe) as PyObject & { tag: number };
      p.tag = tag;
      allocObject(p, 24);
      setAdd(s, p);
      decref(p);
    }
    const visited: number[] = [];
    setTraverse(s, (o) => visited.push((o as PyObject & { tag: number }).tag), null);
    expect(visited).toEqual([1, 3, 5]);
    decref(s);
    expect(order).toEqual([1, 3, 5]);
  });
});
