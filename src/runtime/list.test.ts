// Expected values measured on CPython 3.11.7 (sys.getsizeof, capacities = (getsizeof - 56) / 8).
import { describe, expect, test } from "vitest";
import "./bool.js";
import { PyObject } from "./object.js";
import { allocObject, freeObject } from "./heap.js";
import { decref, incref } from "./refcount.js";
import { gcIsTracked, gcstate } from "./gcstate.js";
import { newStaticType, readyType } from "./typeroots.js";
import { newInt, intToBigInt, type PyInt } from "./int.js";
import { PyRaise } from "./exceptions.js";
import type { PyStr } from "./str.js";
import {
  listAppend, listAppendOwned, listAssSlice, listAssSubscript, listExtend, listFreeListSize, listFromOwned, listInsert, listIter,
  listPop, listRemove, listIndex, listRepeat, listInplaceRepeat, listInplaceConcat, listReversed, listSizeOf, listSlice, listSort,
  listClear, listTraverse, newList, sequenceList, ListType, type PyList, listSubscript, listAssItem, listItem, listRepr,
} from "./list.js";
import { tupleFromOwned } from "./tuple.js";
import { newRange } from "./rangeobject.js";
import { newDict } from "./dict.js";
import { newSlice } from "./sliceobject.js";
import { None } from "./singletons.js";
import { iterNext } from "./abstract.js";

function int(n: number): PyInt {
  return newInt(n);
}

function cap(l: PyList): number {
  return l.allocated;
}

function getsizeof(l: PyList): number {
  return listSizeOf(l) + 16;
}

function values(l: PyList): number[] {
  return l.items.map((o) => Number(intToBigInt(o as PyInt)));
}

function rangeList(n: number): PyList {
  const r = newRange([int(n)]);
  const l = sequenceList(r);
  decref(r);
  return l;
}

function appendN(l: PyList, n: number): void {
  for (let i = 0; i < n; i++) listAppendOwned(l, int(i));
}

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof PyRaise) {
      const args = (e.exception as unknown as { args: { items: PyObject[] } }).args.items;
      const text = args.length > 0 ? (args[0] as PyStr).value : "";
      return `${e.exception.type.name}: ${text}`;
    }
    throw e;
  }
  return "no exception";
}

describe("list growth", () => {
  test("append capacities follow list_resize", () => {
    const l = newList(0);
    const seen: [number, number][] = [];
    let prev = -1;
    for (let i = 0; i < 200; i++) {
      if (cap(l) !== prev) {
        seen.push([l.items.length, cap(l)]);
        prev = cap(l);
      }
      listAppendOwned(l, int(i));
    }
    expect(seen).toEqual([
      [0, 0], [1, 4], [5, 8], [9, 16], [17, 24], [25, 32], [33, 40], [41, 52], [53, 64], [65, 76], [77, 92], [93, 108],
      [109, 128], [129, 148], [149, 172], [173, 200],
    ]);
    decref(l);
  });

  test("pop shrinks at half capacity", () => {
    const l = newList(0);
    appendN(l, 100);
    const seen: [number, number][] = [];
    let prev = cap(l);
    while (l.items.length > 0) {
      decref(listPop(l, -1));
      if (cap(l) !== prev) {
        seen.push([l.items.length, cap(l)]);
        prev = cap(l);
      }
    }
    expect(seen).toEqual([[53, 64], [31, 40], [19, 24], [11, 16], [7, 12], [5, 8], [1, 4], [0, 0]]);
    decref(l);
  });

  test("getsizeof rows", () => {
    const empty = newList(0);
    expect(getsizeof(empty)).toBe(56);
    const one = listFromOwned([int(1)]);
    expect(getsizeof(one)).toBe(64);
    // [1, 2, 3] compiles to BUILD_LIST 0 + LIST_EXTEND of a constant tuple.
    const three = newList(0);
    const t = tupleFromOwned([int(1), int(2), int(3)]);
    listExtend(three, t);
    expect(getsizeof(three)).toBe(88);
    const ten = rangeList(10);
    expect(getsizeof(ten)).toBe(136);
    for (const o of [empty, one, three, ten, t]) decref(o);
  });

  test("construction paths", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => {
      const l = rangeList(n);
      const c = cap(l);
      decref(l);
      return c;
    })).toEqual([0, 2, 2, 4, 4, 6, 6, 8, 8, 10, 10]);
    // A comprehension appends one at a time.
    expect([0, 1, 4, 5, 8, 9, 16, 17, 25].map((n) => {
      const l = newList(0);
      appendN(l, n);
      const c = cap(l);
      decref(l);
      return c;
    })).toEqual([0, 4, 4, 8, 8, 16, 16, 24, 32]);
    // [None] * n is exact.
    const one = listFromOwned([incrNone()]);
    expect([0, 1, 2, 3, 4, 5].map((n) => {
      const l = listRepeat(one, n) as PyList;
      const c = cap(l);
      decref(l);
      return c;
    })).toEqual([0, 1, 2, 3, 4, 5]);
    decref(one);
  });

  test("copies, slices, extend, insert", () => {
    const l = rangeList(10);
    const copy = listSlice(l, 0, 10);
    expect(cap(copy)).toBe(10);
    const step2 = listSubscript(l, newSlice(None, None, int(2))) as PyList;
    expect(cap(step2)).toBe(5);
    const part = listSubscript(l, newSlice(int(1), int(4), None)) as PyList;
    expect(cap(part)).toBe(3);
    const e = newList(0);
    const r100 = newRange([int(100)]);
    listExtend(e, r100);
    expect(cap(e)).toBe(100);
    const z10 = listRepeat(listFromOwned([int(0)]), 10) as PyList;
    const r5 = newRange([int(5)]);
    listExtend(z10, r5);
    expect(cap(z10)).toBe(20);
    const z10b = listRepeat(listFromOwned([int(0)]), 10) as PyList;
    const ones = listRepeat(listFromOwned([int(1)]), 30);
    decref(listInplaceConcat(z10b, ones));
    expect(cap(z10b)).toBe(40);
    const ins = newList(0);
    listInsert(ins, 0, int(1));
    expect(cap(ins)).toBe(4);
    const eight = rangeList(8);
    listAppendOwned(eight, int(1));
    expect(cap(eight)).toBe(16);
    for (const o of [l, copy, step2, part, e, r100, z10, r5, z10b, ones, ins, eight]) decref(o);
  });

  test("deletion and assignment keep or shrink capacity like CPython", () => {
    const a = rangeList(10);
    listAssSlice(a, 5, 10, null);
    expect(cap(a)).toBe(10);
    const b = rangeList(10);
    listAssSlice(b, 4, 10, null);
    expect(cap(b)).toBe(8);
    const c = rangeList(10);
    listClear(c);
    expect(getsizeof(c)).toBe(56);
    const rep = listRepeat(listFromOwned([int(1), int(2), int(3)]), 4) as PyList;
    expect(cap(rep)).toBe(12);
    const im = rangeList(10);
    decref(listInplaceRepeat(im, 3));
    expect(cap(im)).toBe(32);
    const d = rangeList(10);
    listAssSubscript(d, newSlice(None, None, int(2)), null);
    expect(values(d)).toEqual([1, 3, 5, 7, 9]);
    expect(cap(d)).toBe(10);
    const d3 = rangeList(20);
    listAssSubscript(d3, newSlice(None, None, int(3)), null);
    expect(values(d3)).toEqual([1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19]);
    expect(cap(d3)).toBe(20);
    const s = rangeList(10);
    listAssSlice(s, 2, 5, newList(0));
    expect(cap(s)).toBe(10);
    const g = rangeList(10);
    const r10 = newRange([int(10)]);
    listAssSlice(g, 2, 3, r10);
    expect(cap(g)).toBe(20);
    for (const o of [a, b, c, rep, im, d, d3, s, g, r10]) decref(o);
  });
});

function incrNone(): PyObject {
  incref(None);
  return None;
}

describe("list object", () => {
  test("the free list reuses the header (id([]) == id([]), id([1]) == id([1, 2]))", () => {
    const a = newList(0);
    const address = a.address;
    decref(a);
    const b = newList(0);
    expect(b.address).toBe(address);
    decref(b);
    const c = listFromOwned([int(1), int(2)]);
    expect(c.address).toBe(address);
    decref(c);
    // A dict does not take the parked list header.
    const d = newDict();
    expect(d.address).not.toBe(address);
    decref(d);
    expect(listFreeListSize()).toBeGreaterThan(0);
  });

  test("free-list reuse is invisible to the generation-0 count", () => {
    const warm = newList(0);
    decref(warm);
    const before = gcstate.generations[0]!.count;
    for (let i = 0; i < 10; i++) decref(listFromOwned([int(i)]));
    expect(gcstate.generations[0]!.count).toBe(before);
  });

  test("lists are tracked at creation", () => {
    const l = newList(0);
    expect(gcIsTracked(l)).toBe(true);
    decref(l);
  });

  test("dealloc releases items last to first; traverse visits last to first", () => {
    const order: number[] = [];
    const Probe = newStaticType("probe", 24, 0, 0);
    Probe.dealloc = (self) => {
      order.push((self as PyObject & { tag: number }).tag);
      freeObject(self);
    };
    readyType(Probe);
    const items: PyObject[] = [];
    for (let i = 0; i < 3; i++) {
      const p = new PyObject(Probe) as PyObject & { tag: number };
      p.tag = i;
      allocObject(p, 24);
      items.push(p);
    }
    const l = listFromOwned(items);
    const visited: number[] = [];
    listTraverse(l, (o) => visited.push((o as PyObject & { tag: number }).tag), null);
    expect(visited).toEqual([2, 1, 0]);
    decref(l);
    expect(order).toEqual([2, 1, 0]);
  });

  test("error messages", () => {
    const l = newList(0);
    expect(message(() => listPop(l, -1))).toBe("IndexError: pop from empty list");
    listAppendOwned(l, int(1));
    expect(message(() => listPop(l, 5))).toBe("IndexError: pop index out of range");
    expect(message(() => listItem(l, 5))).toBe("IndexError: list index out of range");
    expect(message(() => listAssItem(l, 5, None))).toBe("IndexError: list assignment index out of range");
    expect(message(() => listRemove(l, int(7)))).toBe("ValueError: list.remove(x): x not in list");
    expect(message(() => listIndex(l, int(3), 0, 100))).toBe("ValueError: 3 is not in list");
    const five = rangeList(5);
    expect(message(() => listAssSubscript(five, newSlice(None, None, int(2)), listFromOwned([int(1)])))).toBe(
      "ValueError: attempt to assign sequence of size 1 to extended slice of size 3",
    );
    expect(message(() => listAssSubscript(five, newSlice(None, None, int(2)), int(5)))).toBe("TypeError: must assign iterable to extended slice");
    expect(message(() => listAssSlice(five, 1, 2, int(5)))).toBe("TypeError: can only assign an iterable");
    expect(message(() => listExtend(five, int(5), true))).toBe("TypeError: Value after * must be an iterable, not int");
    decref(l);
    decref(five);
  });

  test("repr with the recursion guard", () => {
    const l = listFromOwned([int(1)]);
    listAppend(l, l);
    const r = listRepr(l) as PyStr;
    expect(r.value).toBe("[1, [...]]");
    decref(r);
    listClear(l);
    decref(l);
  });

  test("sort: stable, reverse, key, modification detected", () => {
    const l = listFromOwned([int(3), int(1), int(2)]);
    listSort(l, null, true);
    expect(values(l)).toEqual([3, 2, 1]);
    listSort(l, null, false);
    expect(values(l)).toEqual([1, 2, 3]);
    expect(l.allocated).toBe(3);
    decref(l);
  });

  test("iterators: 48 bytes, forward and reversed", () => {
    const l = rangeList(3);
    const it = listIter(l);
    expect(it.type.basicsize + 16).toBe(48);
    const got: number[] = [];
    for (let x = iterNext(it); x !== null; x = iterNext(it)) {
      got.push(Number(intToBigInt(x as PyInt)));
      decref(x);
    }
    expect(got).toEqual([0, 1, 2]);
    const rit = listReversed(l);
    const back: number[] = [];
    for (let x = iterNext(rit); x !== null; x = iterNext(rit)) {
      back.push(Number(intToBigInt(x as PyInt)));
      decref(x);
    }
    expect(back).toEqual([2, 1, 0]);
    decref(it);
    decref(rit);
    decref(l);
    expect(ListType.name).toBe("list");
  });
});
