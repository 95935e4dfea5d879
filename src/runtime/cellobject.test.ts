// Cell objects (measured on CPython 3.11.7).
import { describe, expect, test } from "vitest";
import { CellType, newCell, cellSet } from "./cellobject.js";
import { callObject, getAttr, objectHash, richCompareBool } from "./abstract.js";
import { newInt } from "./int.js";
import { staticStr } from "./str.js";
import { decref } from "./refcount.js";
import { getsizeof, pyError, reprOf } from "./testing/pyfunc.js";
import { gcIsTracked } from "./gcstate.js";
import { CMP_EQ, CMP_LT } from "./type.js";

describe("cell", () => {
  test("repr, size, contents", () => {
    const one = newInt(1);
    const c = newCell(one);
    expect(getsizeof(c)).toBe(40);
    expect(gcIsTracked(c)).toBe(true);
    expect(reprOf(c)).toBe(`<cell at 0x${c.address.toString(16)}: int object at 0x${one.address.toString(16)}>`);
    const e = newCell(null);
    expect(reprOf(e)).toBe(`<cell at 0x${e.address.toString(16)}: empty>`);
    expect(pyError(() => getAttr(e, staticStr("cell_contents")))).toBe("ValueError: Cell is empty");
    cellSet(e, one);
    const v = getAttr(e, staticStr("cell_contents"));
    expect(v).toBe(one);
    decref(v);
    decref(c);
    decref(e);
  });

  test("comparison, hash, constructor", () => {
    const a = callObject(CellType, [newInt(1)], 0, 1, null);
    const b = callObject(CellType, [newInt(1)], 0, 1, null);
    const empty = callObject(CellType, [], 0, 0, null);
    expect(richCompareBool(a, b, CMP_EQ)).toBe(true);
    expect(richCompareBool(empty, a, CMP_LT)).toBe(true);
    expect(pyError(() => objectHash(a))).toBe("TypeError: unhashable type: 'cell'");
    expect(pyError(() => callObject(CellType, [a, b], 0, 2, null))).toBe("TypeError: cell expected at most 1 argument, got 2");
    for (const o of [a, b, empty]) decref(o);
  });
});
