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
import { freeListStatsLines } from "./heap.js";
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

  test("_debugmallocstats lists them in _PyObject_DebugTypeStats's order: dict, float, list, tuples", () => {
    // python3 -c "import sys; sys._debugmallocstats()", the free-list part of its output.
    clearAllFreeLists();
    leaveStartupResidue();
    expect(freeListStatsLines().join("\n")).toBe([
      "            8 free PyDictObjects * 48 bytes each =                  384",
      "           4 free PyFloatObjects * 24 bytes each =                   96",
      "           40 free PyListObjects * 40 bytes each =                1,600",
      "   4 free 1-sized PyTupleObjects * 32 bytes each =                  128",
      "   8 free 2-sized PyTupleObjects * 40 bytes each =                  320",
      "   2 free 3-sized PyTupleObjects * 48 bytes each =                   96",
      "   2 free 4-sized PyTupleObjects * 56 bytes each =                  112",
      "   3 free 5-sized PyTupleObjects * 64 bytes each =                  192",
      "   0 free 6-sized PyTupleObjects * 72 bytes each =                    0",
      "   8 free 7-sized PyTupleObjects * 80 bytes each =                  640",
      "   6 free 8-sized PyTupleObjects * 88 bytes each =                  528",
      "   1 free 9-sized PyTupleObjects * 96 bytes each =                   96",
      " 0 free 10-sized PyTupleObjects * 104 bytes each =                    0",
      " 1 free 11-sized PyTupleObjects * 112 bytes each =                  112",
      " 3 free 12-sized PyTupleObjects * 120 bytes each =                  360",
      " 5 free 13-sized PyTupleObjects * 128 bytes each =                  640",
      " 1 free 14-sized PyTupleObjects * 136 bytes each =                  136",
      " 2 free 15-sized PyTupleObjects * 144 bytes each =                  288",
      " 2 free 16-sized PyTupleObjects * 152 bytes each =                  304",
      " 2 free 17-sized PyTupleObjects * 160 bytes each =                  320",
      " 3 free 18-sized PyTupleObjects * 168 bytes each =                  504",
      " 1 free 19-sized PyTupleObjects * 176 bytes each =                  176",
      " 6 free 20-sized PyTupleObjects * 184 bytes each =                1,104",
    ].join("\n"));
  });
});
