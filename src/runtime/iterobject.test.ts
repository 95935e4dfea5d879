// Expected behaviour measured on CPython 3.11.7.
import { describe, expect, test } from "vitest";
import "./bool.js";
import type { PyObject } from "./object.js";
import { decref } from "./refcount.js";
import { newInt, intToBigInt, type PyInt } from "./int.js";
import { newCallIter, newSeqIter, SeqIterType, CallIterType } from "./iterobject.js";
import { iterNext } from "./abstract.js";
import { listFromOwned, listAppendOwned, type PyList } from "./list.js";
import { gcIsTracked } from "./gcstate.js";
import { getAttr } from "./abstract.js";
import { staticStr } from "./str.js";

function values(it: PyObject): number[] {
  const out: number[] = [];
  for (let x = iterNext(it); x !== null; x = iterNext(it)) {
    out.push(Number(intToBigInt(x as PyInt)));
    decref(x);
  }
  return out;
}

describe("iterobject", () => {
  test("the sequence iterator walks __getitem__ until IndexError", () => {
    const l = listFromOwned([newInt(1), newInt(2), newInt(3)]);
    const it = newSeqIter(l);
    expect(it.type).toBe(SeqIterType);
    expect(SeqIterType.name).toBe("iterator");
    expect(SeqIterType.basicsize + 16).toBe(48);
    expect(gcIsTracked(it)).toBe(true);
    expect(values(it)).toEqual([1, 2, 3]);
    // Exhausted for good, even if the sequence grows.
    listAppendOwned(l, newInt(4));
    expect(iterNext(it)).toBeNull();
    decref(it);
    decref(l);
  });

  test("iter(callable, sentinel) stops at the sentinel", () => {
    const l = listFromOwned([newInt(0), newInt(3), newInt(2), newInt(1)]) as PyList;
    const pop = getAttr(l, staticStr("pop"));
    const it = newCallIter(pop, newInt(0));
    expect(it.type).toBe(CallIterType);
    expect(values(it)).toEqual([1, 2, 3]);
    expect(iterNext(it)).toBeNull();
    decref(it);
    decref(pop);
    decref(l);
  });
});
