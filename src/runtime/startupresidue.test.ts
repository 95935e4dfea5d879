// The free lists CPython 3.11.7 has at a program's first line, measured with
// sys._debugmallocstats() at line 1 of a one-line script (lists, dicts, floats, tuples of each
// size) and, for the keys tables, by counting which of 200 one-key dicts made right after
// _tracemalloc.start() get a trace (128 do: 72 tables came from the free list).
import { describe, expect, test } from "vitest";
import "./load.js";
import { clearAllFreeLists } from "./heap.js";
import { listFreeListSize } from "./list.js";
import { dictFreeListSize, dictKeysFreeListSize } from "./dict.js";
import { floatFreeListLength } from "./float.js";
import { tupleFreeListSize } from "./tuple.js";
import { leaveStartupResidue } from "./startupresidue.js";

describe("start-up's free lists (startupresidue.ts)", () => {
  test("every free list holds what CPython's start-up leaves", () => {
    clearAllFreeLists();
    leaveStartupResidue();
    expect(listFreeListSize()).toBe(40);
    expect(dictFreeListSize()).toBe(8);
    expect(dictKeysFreeListSize()).toBe(72);
    expect(floatFreeListLength()).toBe(4);
    const tuples: number[] = [];
    for (let n = 1; n <= 20; n++) tuples.push(tupleFreeListSize(n));
    expect(tuples).toEqual([4, 8, 2, 2, 3, 0, 8, 6, 1, 0, 1, 3, 5, 1, 2, 2, 2, 3, 1, 6]);
  });

  test("a full collection's free-list clearing empties them all", () => {
    clearAllFreeLists();
    leaveStartupResidue();
    clearAllFreeLists();
    expect([listFreeListSize(), dictFreeListSize(), dictKeysFreeListSize(), floatFreeListLength(), tupleFreeListSize(20)]).toEqual([0, 0, 0, 0, 0]);
  });
});
