// Expected values measured on CPython 3.11.7.
import { describe, expect, test } from "vitest";
import "./bool.js";
import type { PyObject } from "./object.js";
import { decref } from "./refcount.js";
import { newInt, intToBigInt, type PyInt } from "./int.js";
import { PyRaise } from "./exceptions.js";
import { newStr, type PyStr } from "./str.js";
import { EnumType, newEnumerate, newReversed, ReversedType } from "./enumobject.js";
import { iterNext } from "./abstract.js";
import { listFromOwned } from "./list.js";
import { newDict } from "./dict.js";
import { PyTuple } from "./tuple.js";

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

describe("enumerate and reversed", () => {
  test("getsizeof(enumerate([])) is 72, reversed 48", () => {
    expect(EnumType.basicsize + 16).toBe(72);
    expect(ReversedType.basicsize + 16).toBe(48);
  });

  test("enumerate(iterable, start) recycles its result tuple", () => {
    const l = listFromOwned([newStr("a"), newStr("b")]);
    const e = newEnumerate(EnumType, l, newInt(5));
    const first = iterNext(e) as PyTuple;
    expect(Number(intToBigInt(first.items[0] as PyInt))).toBe(5);
    expect((first.items[1] as PyStr).value).toBe("a");
    decref(first);
    const second = iterNext(e) as PyTuple;
    // Nobody else held the first result: the same tuple comes back.
    expect(second).toBe(first);
    expect(Number(intToBigInt(second.items[0] as PyInt))).toBe(6);
    decref(second);
    expect(iterNext(e)).toBeNull();
    decref(e);
    decref(l);
  });

  test("reversed over sequences and __reversed__; not reversible", () => {
    const l = listFromOwned([newInt(1), newInt(2), newInt(3)]);
    const r = newReversed(ReversedType, l);
    expect(r.type.name).toBe("list_reverseiterator");
    const got: number[] = [];
    for (let x = iterNext(r); x !== null; x = iterNext(r)) {
      got.push(Number(intToBigInt(x as PyInt)));
      decref(x);
    }
    expect(got).toEqual([3, 2, 1]);
    expect(message(() => newReversed(ReversedType, newInt(3)))).toBe("TypeError: 'int' object is not reversible");
    const d = newDict();
    const rd = newReversed(ReversedType, d);
    expect(rd.type.name).toBe("dict_reversekeyiterator");
    for (const o of [r, l, d, rd]) decref(o);
  });
});
