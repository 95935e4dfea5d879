// Expected values measured on CPython 3.11.7.
import { describe, expect, test } from "vitest";
import { decref } from "../runtime/refcount.js";
import { gcIsTracked } from "../runtime/gcstate.js";
import { GC_HEAD_SIZE } from "../runtime/heap.js";
import { callObject, iterNext } from "../runtime/abstract.js";
import { newInt } from "../runtime/int.js";
import { listFromOwned } from "../runtime/list.js";
import type { PyTuple } from "../runtime/tuple.js";
import { expectNoLeaks } from "../runtime/leakcheck.js";
import { FilterType, MapType, ZipType } from "./bltin_iterators.js";
import { runPython, runInNamespace } from "./bltin_testing.js";

function ints(...values: number[]) {
  return listFromOwned(values.map((v) => newInt(v)));
}

describe("zip, map and filter objects", () => {
  test("sizes: getsizeof(zip()) 64, map and filter 48", () => {
    expect(ZipType.basicsize + GC_HEAD_SIZE).toBe(64);
    expect(MapType.basicsize + GC_HEAD_SIZE).toBe(48);
    expect(FilterType.basicsize + GC_HEAD_SIZE).toBe(48);
  });

  test("they are tracked by the collector at creation", () => {
    const a = ints(1, 2);
    const z = callObject(ZipType, [a, a], 0, 2, null);
    expect(gcIsTracked(z)).toBe(true);
    decref(z);
    decref(a);
  });

  test("zip hands out the same result tuple while nobody else holds it", () => {
    const a = ints(1, 2, 3);
    const b = ints(4, 5, 6);
    const z = callObject(ZipType, [a, b], 0, 2, null);
    const first = iterNext(z) as PyTuple;
    const address = first.address;
    decref(first);
    const second = iterNext(z) as PyTuple;
    expect(second.address).toBe(address);
    // Held: the next result is a new tuple.
    const third = iterNext(z) as PyTuple;
    expect(third).not.toBe(second);
    expect(iterNext(z)).toBeNull();
    decref(second);
    decref(third);
    decref(z);
    decref(a);
    decref(b);
  });

  test("reprs are the generic object repr", () => {
    const r = runPython("print(repr(zip())[:12], repr(map(len, []))[:12], repr(filter(None, []))[:15])\n");
    expect(r.stdout).toBe("<zip object  <map object  <filter object \n");
  });

  test("nothing leaks through the builtins' common paths", () => {
    const { interp } = runPython("");
    const out = { text: "" };
    expectNoLeaks(() => {
      runInNamespace(
        interp,
        [
          "a = list(zip([1, 2, 3], 'abc', strict=True))",
          "b = list(map(lambda x, y: x * y, range(9), range(9)))",
          "c = list(filter(None, [0, 1, '', 'x']))",
          "d = sorted({3: 1, 1: 2}), min([4, 2], key=abs), max(1, 2), sum([1, 2.5]), sum(range(10))",
          "e = [hash('x'), id(a), len(a), repr(a), ascii('é'), format(3, '03'), divmod(7, 2), round(2.5)]",
          "try:\n    next(iter([]))\nexcept StopIteration:\n    pass",
          "try:\n    list(zip([1], [], strict=True))\nexcept ValueError as exc:\n    f = str(exc)",
          "class K:\n    def m(self):\n        return super().__repr__()",
          "g = K().m(), isinstance(K(), K), getattr(K, 'm'), hasattr(K, 'x'), vars(K()), dir(K)",
          "h = eval('1 + 1'), exec('q = 1')",
        ].join("\n"),
        out,
      );
    });
  });
});
