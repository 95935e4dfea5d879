// Objects/obmalloc.c: _PyObject_DebugMallocStats, printone, _PyDebugAllocatorStats.
// CPYTHON_OUTPUT below is verbatim stderr of `python3 -c "import sys; sys._debugmallocstats()"`
// on CPython 3.11.7 (x86-64 Linux). Rendering its per-class table and arena figures must
// reproduce every line, including the byte accounting this module derives itself.

import { describe, expect, it } from "vitest";
import { Allocator } from "./allocator.js";
import { DOMAIN_MEM, DOMAIN_OBJ, DOMAIN_RAW } from "./api.js";
import {
  formatDebugMallocStats,
  formatFreeListLine,
  formatStatLine,
  renderDebugMallocStats,
  withThousandsSeparators,
} from "./debugstats.js";
import { blocksPerPool, sizeClassBytes } from "./obmalloc.js";
import type { PyMallocStats, SizeClassStats } from "./obmalloc.js";

const CPYTHON_OUTPUT = `Small block threshold = 512, in 32 size classes.

class   size   num pools   blocks in use  avail blocks
-----   ----   ---------   -------------  ------------
    0     16           1             106           915
    1     32           3            1148           382
    2     48          13            4223           197
    3     64          50           12587           163
    4     80          37            7459            89
    5     96           9            1524             6
    6    112           6             730           140
    7    128          10            1187            83
    8    144           3             266            73
    9    160          27            2685            69
   10    176           3             193            83
   11    192           3             216            39
   12    208           7             503            43
   13    224           7             464            40
   14    240           6             380            28
   15    256           5             267            48
   16    272           5             245            55
   17    288           4             191            33
   18    304           3             131            28
   19    320           3             102            51
   20    336           3             106            38
   21    352           2              88             4
   22    368           3              90            42
   23    384           2              71            13
   24    400           6             236             4
   25    416           2              63            15
   26    432           2              46            28
   27    448           2              41            31
   28    464           2              43            27
   29    480           2              37            31
   30    496           2              34            30
   31    512           2              50            12

# arenas allocated total           =                    4
# arenas reclaimed                 =                    0
# arenas highwater mark            =                    4
# arenas allocated current         =                    4
4 arenas * 1048576 bytes/arena     =            4,194,304

# bytes in allocated blocks        =            3,494,992
# bytes in available blocks        =              327,488
18 unused pools * 16384 bytes      =              294,912
# bytes lost to pool headers       =               11,280
# bytes lost to quantization       =               16,480
# bytes lost to arena alignment    =               49,152
Total                              =            4,194,304

arena map counts
# arena map mid nodes              =                    1
# arena map bot nodes              =                    1

# bytes lost to arena map root     =              262,144
# bytes lost to arena map mid      =              262,144
# bytes lost to arena map bot      =              131,072
Total                              =              655,360

            8 free PyDictObjects * 48 bytes each =                  384
           4 free PyFloatObjects * 24 bytes each =                   96
           40 free PyListObjects * 40 bytes each =                1,600
   4 free 1-sized PyTupleObjects * 32 bytes each =                  128
   8 free 2-sized PyTupleObjects * 40 bytes each =                  320
   2 free 3-sized PyTupleObjects * 48 bytes each =                   96
   2 free 4-sized PyTupleObjects * 56 bytes each =                  112
   3 free 5-sized PyTupleObjects * 64 bytes each =                  192
   0 free 6-sized PyTupleObjects * 72 bytes each =                    0
   8 free 7-sized PyTupleObjects * 80 bytes each =                  640
   6 free 8-sized PyTupleObjects * 88 bytes each =                  528
   1 free 9-sized PyTupleObjects * 96 bytes each =                   96
 0 free 10-sized PyTupleObjects * 104 bytes each =                    0
 1 free 11-sized PyTupleObjects * 112 bytes each =                  112
 3 free 12-sized PyTupleObjects * 120 bytes each =                  360
 5 free 13-sized PyTupleObjects * 128 bytes each =                  640
 1 free 14-sized PyTupleObjects * 136 bytes each =                  136
 2 free 15-sized PyTupleObjects * 144 bytes each =                  288
 2 free 16-sized PyTupleObjects * 152 bytes each =                  304
 2 free 17-sized PyTupleObjects * 160 bytes each =                  320
 3 free 18-sized PyTupleObjects * 168 bytes each =                  504
 1 free 19-sized PyTupleObjects * 176 bytes each =                  176
 6 free 20-sized PyTupleObjects * 184 bytes each =                1,104
`;

/** The per-class rows of a _debugmallocstats report. */
function parseClassRows(text: string): SizeClassStats[] {
  const classes: SizeClassStats[] = Array.from({ length: 32 }, (_, c) => ({
    sizeClass: c,
    blockSize: sizeClassBytes(c),
    pools: 0,
    blocksInUse: 0,
    availableBlocks: 0,
  }));
  for (const line of text.split("\n")) {
    const match = /^ {0,4}(\d+) +(\d+) +(\d+) +(\d+) +(\d+)$/.exec(line);
    if (match === null) continue;
    const [, sizeClass, , pools, inUse, available] = match.map(Number);
    classes[sizeClass!] = { ...classes[sizeClass!]!, pools: pools!, blocksInUse: inUse!, availableBlocks: available! };
  }
  return classes;
}

/** The free-list section of CPYTHON_OUTPUT, rebuilt from its figures. */
function cpythonFreeListLines(): string[] {
  const tupleCounts = [4, 8, 2, 2, 3, 0, 8, 6, 1, 0, 1, 3, 5, 1, 2, 2, 2, 3, 1, 6];
  return [
    formatFreeListLine(8, "PyDictObject", 48),
    formatFreeListLine(4, "PyFloatObject", 24),
    formatFreeListLine(40, "PyListObject", 40),
    ...tupleCounts.map((count, i) => formatFreeListLine(count, `${i + 1}-sized PyTupleObject`, 24 + 8 * (i + 1))),
  ];
}

describe("sys._debugmallocstats text", () => {
  it("reproduces CPython 3.11.7's report byte for byte from the same figures", () => {
    const classes = parseClassRows(CPYTHON_OUTPUT);
    const stats: PyMallocStats = {
      arenasAllocatedTotal: 4,
      arenasReclaimed: 0,
      arenasHighwater: 4,
      arenasCurrent: 4,
      unusedPools: 18,
      misalignedArenas: 3, // 49,152 bytes: ASLR left one of the four arenas 16 KiB aligned
      classes,
      allocatedBlocks: classes.reduce((sum, c) => sum + c.blocksInUse, 0),
      arenaMapMidNodes: 1,
      arenaMapBotNodes: 1,
      arenaDescriptors: 16,
    };
    expect(renderDebugMallocStats(stats, cpythonFreeListLines())).toBe(CPYTHON_OUTPUT);
  });

  it("formats free-list lines like _PyDebugAllocatorStats", () => {
    expect(formatFreeListLine(40, "PyListObject", 40)).toBe(
      "           40 free PyListObjects * 40 bytes each =                1,600",
    );
    expect(formatFreeListLine(6, "20-sized PyTupleObject", 184)).toBe(
      " 6 free 20-sized PyTupleObjects * 184 bytes each =                1,104",
    );
    expect(formatStatLine("# arenas reclaimed", 0)).toBe("# arenas reclaimed                 =                    0\n");
    expect(withThousandsSeparators(1234567890)).toBe("1,234,567,890");
    expect(withThousandsSeparators(999)).toBe("999");
  });

  it("prints a known state of this allocator exactly", () => {
    const allocator = new Allocator();
    for (const size of [16, 16, 24, 56, 56, 56]) allocator.malloc(DOMAIN_OBJ, size);
    allocator.malloc(DOMAIN_MEM, 600); // raw: not in the report
    allocator.malloc(DOMAIN_RAW, 16);
    const expected = [
      "Small block threshold = 512, in 32 size classes.",
      "",
      "class   size   num pools   blocks in use  avail blocks",
      "-----   ----   ---------   -------------  ------------",
      "    0     16           1               2          1019",
      "    1     32           1               1           509",
      "    3     64           1               3           252",
      "",
      "# arenas allocated total           =                    1",
      "# arenas reclaimed                 =                    0",
      "# arenas highwater mark            =                    1",
      "# arenas allocated current         =                    1",
      "1 arenas * 1048576 bytes/arena     =            1,048,576",
      "",
      "# bytes in allocated blocks        =                  256",
      "# bytes in available blocks        =               48,720",
      "60 unused pools * 16384 bytes      =              983,040",
      "# bytes lost to pool headers       =                  144",
      "# bytes lost to quantization       =                   32",
      "# bytes lost to arena alignment    =               16,384",
      "Total                              =            1,048,576",
      "",
      "arena map counts",
      "# arena map mid nodes              =                    1",
      "# arena map bot nodes              =                    1",
      "",
      "# bytes lost to arena map root     =              262,144",
      "# bytes lost to arena map mid      =              262,144",
      "# bytes lost to arena map bot      =              131,072",
      "Total                              =              655,360",
      "",
      "           40 free PyListObjects * 40 bytes each =                1,600",
      "",
    ].join("\n");
    expect(formatDebugMallocStats(allocator, [formatFreeListLine(40, "PyListObject", 40)])).toBe(expected);
  });

  it("always accounts for exactly arenas x 1 MiB, whatever the state", () => {
    const allocator = new Allocator();
    let seed = 7;
    const live: number[] = [];
    for (let step = 0; step < 40000; step++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      if (live.length > 0 && seed % 3 === 0) {
        allocator.free(DOMAIN_OBJ, live.splice(seed % live.length, 1)[0]!);
      } else {
        live.push(allocator.malloc(DOMAIN_OBJ, 1 + (seed % 512)));
      }
      if (step % 10000 !== 9999) continue;
      const text = formatDebugMallocStats(allocator, []);
      const value = (label: string) => {
        const line = text.split("\n").find((l) => l.startsWith(label));
        return Number(line!.slice(36).replaceAll(",", ""));
      };
      const parts = [
        "# bytes in allocated blocks",
        "# bytes in available blocks",
        `${allocator.pymalloc.stats().unusedPools} unused pools`,
        "# bytes lost to pool headers",
        "# bytes lost to quantization",
        "# bytes lost to arena alignment",
      ].map(value);
      const arenas = value("# arenas allocated current");
      expect(parts.reduce((a, b) => a + b, 0)).toBe(arenas * 1048576);
      expect(text).toContain(`Total                              =${withThousandsSeparators(arenas * 1048576).padStart(21)}`);
      const rows = parseClassRows(text);
      for (const row of rows) {
        expect(row.blocksInUse + row.availableBlocks).toBe(row.pools * blocksPerPool(row.sizeClass));
      }
    }
  });
});
