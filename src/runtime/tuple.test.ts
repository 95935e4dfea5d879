// Expected values measured on CPython 3.11.7.
import { describe, expect, test } from "vitest";
import "./bool.js";
import { PyObject } from "./object.js";
import { allocObject, clearAllFreeLists, freeObject } from "./heap.js";
import { decref, incref } from "./refcount.js";
import { gcIsTracked, gcstate } from "./gcstate.js";
import { newStaticType, readyType } from "./typeroots.js";
import { newInt, intToBigInt, type PyInt } from "./int.js";
import { hashResult, hashToBigInt } from "./values/pyhash.js";
import type { PyStr } from "./str.js";
import {
  EMPTY_TUPLE, PyTuple, tupleFreeListSize, tupleFromOwned, tupleGetSizeOf, tupleMaybeUntrack, tupleSizeOf, tupleTraverse, TupleType,
} from "./tuple.js";
import { sequenceTuple, tupleConcat, tupleHash, tupleRepeat, tupleRepr, tupleSlice } from "./tuplemethods.js";
import { listFromOwned, newList } from "./list.js";
import { newDict } from "./dict.js";
import { None } from "./singletons.js";
import { newRange } from "./rangeobject.js";
import { getIter } from "./abstract.js";

function int(n: number): PyInt {
  return newInt(n);
}

function hashOf(o: PyObject): bigint {
  tupleHash(o);
  return hashToBigInt(hashResult.hi, hashResult.lo);
}

function repr(o: PyObject): string {
  const s = tupleRepr(o) as PyStr;
  const v = s.value;
  decref(s);
  return v;
}

describe("tuple", () => {
  test("sizes: () 40, (1,) 48, (1, 2, 3) 64", () => {
    expect(tupleSizeOf(EMPTY_TUPLE) + 16).toBe(40);
    const one = tupleFromOwned([int(1)]);
    const three = tupleFromOwned([int(1), int(2), int(3)]);
    expect(tupleSizeOf(one) + 16).toBe(48);
    expect(tupleSizeOf(three) + 16).toBe(64);
    expect(tupleGetSizeOf(3)).toBe(64);
    decref(one);
    decref(three);
  });

  test("() is a static singleton, never tracked", () => {
    const e = tupleFromOwned([]);
    expect(e).toBe(EMPTY_TUPLE);
    expect(gcIsTracked(e)).toBe(false);
    decref(e);
  });

  test("new tuples are tracked; untrack_tuples untracks atomic contents only", () => {
    const atomic = tupleFromOwned([int(1), int(2)]);
    const withList = tupleFromOwned([newList(0)]);
    const withDict = tupleFromOwned([newDict()]);
    expect(gcIsTracked(atomic)).toBe(true);
    tupleMaybeUntrack(atomic);
    tupleMaybeUntrack(withList);
    tupleMaybeUntrack(withDict);
    expect(gcIsTracked(atomic)).toBe(false);
    expect(gcIsTracked(withList)).toBe(true);
    // An empty dict "may become tracked", so the tuple stays tracked.
    expect(gcIsTracked(withDict)).toBe(true);
    const inner = tupleFromOwned([int(1)]);
    const outer = tupleFromOwned([inner]);
    tupleMaybeUntrack(outer);
    expect(gcIsTracked(outer)).toBe(true);
    tupleMaybeUntrack(inner);
    tupleMaybeUntrack(outer);
    expect(gcIsTracked(outer)).toBe(false);
    for (const o of [atomic, withList, withDict, outer]) decref(o);
  });

  test("hashes", () => {
    expect(hashOf(EMPTY_TUPLE)).toBe(5740354900026072187n);
    const one = tupleFromOwned([int(1)]);
    const two = tupleFromOwned([int(1), int(2)]);
    const nested = tupleFromOwned([int(1), tupleFromOwned([int(2), int(3)])]);
    expect(hashOf(one)).toBe(-6644214454873602895n);
    expect(hashOf(two)).toBe(-3550055125485641917n);
    expect(hashOf(nested)).toBe(7267574591690527098n);
    for (const o of [one, two, nested]) decref(o);
  });

  test("repr", () => {
    expect(repr(EMPTY_TUPLE)).toBe("()");
    const one = tupleFromOwned([int(1)]);
    const two = tupleFromOwned([int(1), int(2)]);
    expect(repr(one)).toBe("(1,)");
    expect(repr(two)).toBe("(1, 2)");
    decref(one);
    decref(two);
  });

  test("identities: t[:] is t, t + () is t, t * 1 is t, tuple(t) is t", () => {
    const t = tupleFromOwned([int(1), int(2)]);
    const s = tupleSlice(t, 0, 2);
    expect(s).toBe(t);
    const c = tupleConcat(t, EMPTY_TUPLE);
    expect(c).toBe(t);
    const r = tupleRepeat(t, 1);
    expect(r).toBe(t);
    const u = sequenceTuple(t);
    expect(u).toBe(t);
    for (const o of [s, c, r, u]) decref(o);
    const l = listFromOwned([int(1)]);
    const fromList = sequenceTuple(l);
    expect(fromList).not.toBe(l);
    expect(fromList.items.length).toBe(1);
    decref(fromList);
    decref(l);
    decref(t);
  });

  test("tuple(iterator) presizes 10 and trims with _PyTuple_Resize", () => {
    const r = newRange([int(3)]);
    const it = getIter(r);
    const t = sequenceTuple(it);
    expect(t.items.map((o) => Number(intToBigInt(o as PyInt)))).toEqual([0, 1, 2]);
    expect(tupleSizeOf(t) + 16).toBe(64);
    const r12 = newRange([int(12)]);
    const it12 = getIter(r12);
    const t12 = sequenceTuple(it12);
    expect(tupleSizeOf(t12) + 16).toBe(136);
    for (const o of [r, it, t, r12, it12, t12]) decref(o);
  });

  test("per-size free lists; size 20 is pushed but never popped", () => {
    clearAllFreeLists();
    const a = tupleFromOwned([int(1), int(2), int(3)]);
    const address = a.address;
    decref(a);
    expect(tupleFreeListSize(3)).toBe(1);
    const two = tupleFromOwned([int(1), int(2)]);
    expect(two.address).not.toBe(address);
    const three = tupleFromOwned([int(4), int(5), int(6)]);
    expect(three.address).toBe(address);
    expect(tupleFreeListSize(3)).toBe(0);
    decref(two);
    decref(three);
    const before = gcstate.generations[0]!.count;
    const items20 = () => Array.from({ length: 20 }, (_, i) => int(i));
    const t20 = tupleFromOwned(items20());
    decref(t20);
    expect(tupleFreeListSize(20)).toBe(1);
    const again = tupleFromOwned(items20());
    expect(tupleFreeListSize(20)).toBe(1);
    expect(again.address).not.toBe(t20.address);
    decref(again);
    expect(tupleFreeListSize(20)).toBe(2);
    // One fresh 20-tuple allocation counted; the freed ones stay parked (no decrement).
    expect(gcstate.generations[0]!.count).toBe(before + 2);
    clearAllFreeLists();
    expect(tupleFreeListSize(20)).toBe(0);
  });

  test("dealloc releases items last to first; traverse visits last to first", () => {
    const order: number[] = [];
    const Probe = newStaticType("tprobe", 24, 0, 0);
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
    const t = tupleFromOwned(items);
    const visited: number[] = [];
    tupleTraverse(t, (o) => visited.push((o as PyObject & { tag: number }).tag), null);
    expect(visited).toEqual([2, 1, 0]);
    decref(t);
    expect(order).toEqual([2, 1, 0]);
  });

  test("the type", () => {
    expect(TupleType.basicsize).toBe(24);
    expect(TupleType.itemsize).toBe(8);
    incref(None);
    const t = tupleFromOwned([None]);
    expect(t).toBeInstanceOf(PyTuple);
    decref(t);
  });
});
