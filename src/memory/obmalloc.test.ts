// Objects/obmalloc.c: pymalloc_alloc, pymalloc_free, allocate_from_new_pool, insert_to_freepool,
// new_arena, pymalloc_realloc. Expected values come from the 3.11 algorithm and from
// measurements on CPython 3.11.7 (the LIFO, +16/+32/+64 and realloc figures).

import { describe, expect, it } from "vitest";
import {
  ARENA_SIZE,
  INITIAL_ARENA_OBJECTS,
  POOL_OVERHEAD,
  POOL_SIZE,
  PyMalloc,
  REALLOC_NOT_OWNED,
  blocksPerPool,
  sizeClassBytes,
  sizeClassIndex,
} from "./obmalloc.js";
import { DEFAULT_MMAP_TOP, MmapSpace } from "./mmap.js";
import { RawMalloc } from "./raw.js";

/** 512-byte blocks: 31 per pool, so filling pools and arenas stays cheap. */
const BIG = 512;
const BIG_PER_POOL = 31;

function fresh(): PyMalloc {
  return new PyMalloc();
}

function allocateMany(pymalloc: PyMalloc, size: number, count: number): number[] {
  const addresses: number[] = [];
  for (let i = 0; i < count; i++) addresses.push(pymalloc.malloc(size));
  return addresses;
}

describe("size classes", () => {
  it("maps requests to 16-byte classes and declines 0 and > 512", () => {
    expect(sizeClassIndex(0)).toBe(-1);
    expect(sizeClassIndex(1)).toBe(0);
    expect(sizeClassIndex(16)).toBe(0);
    expect(sizeClassIndex(17)).toBe(1);
    expect(sizeClassIndex(56)).toBe(3);
    expect(sizeClassIndex(64)).toBe(3);
    expect(sizeClassIndex(497)).toBe(31);
    expect(sizeClassIndex(512)).toBe(31);
    expect(sizeClassIndex(513)).toBe(-1);
    for (let c = 0; c < 32; c++) expect(sizeClassBytes(c)).toBe(16 * (c + 1));
  });

  it("has CPython 3.11's blocks-per-pool table", () => {
    const table = [
      1021, 510, 340, 255, 204, 170, 145, 127, 113, 102, 92, 85, 78, 72, 68, 63,
      60, 56, 53, 51, 48, 46, 44, 42, 40, 39, 37, 36, 35, 34, 32, 31,
    ];
    expect(Array.from({ length: 32 }, (_, c) => blocksPerPool(c))).toEqual(table);
  });

  it("declines 0-byte and > 512-byte requests", () => {
    const pymalloc = fresh();
    expect(pymalloc.malloc(0)).toBe(0);
    expect(pymalloc.malloc(513)).toBe(0);
    expect(pymalloc.malloc(2 ** 40)).toBe(0);
    expect(pymalloc.stats().arenasAllocatedTotal).toBe(0);
  });
});

describe("blocks within a pool", () => {
  it("hands out virgin blocks in ascending order, +16/+32/+64 per class", () => {
    const pymalloc = fresh();
    for (const size of [16, 24, 56]) {
      const [a, b, c] = allocateMany(pymalloc, size, 3);
      const step = sizeClassBytes(sizeClassIndex(size));
      expect(b! - a!).toBe(step);
      expect(c! - b!).toBe(step);
      // The first block sits right after the 48-byte pool header.
      expect(a! % POOL_SIZE).toBe(POOL_OVERHEAD);
    }
  });

  it("reuses freed blocks LIFO: free a then b, next mallocs return b then a", () => {
    const pymalloc = fresh();
    const [a, b] = allocateMany(pymalloc, 16, 3);
    pymalloc.free(a!);
    pymalloc.free(b!);
    expect(pymalloc.malloc(16)).toBe(b);
    expect(pymalloc.malloc(16)).toBe(a);
  });

  it("returns 16-byte aligned addresses inside page-aligned arenas", () => {
    const pymalloc = fresh();
    for (const address of allocateMany(pymalloc, 40, 2000)) {
      expect(address % 16).toBe(0);
      expect(pymalloc.owns(address)).toBe(true);
    }
  });

  it("knows each block's size and whether it is allocated", () => {
    const pymalloc = fresh();
    const [a, b] = allocateMany(pymalloc, 100, 2);
    expect(pymalloc.blockSize(a!)).toBe(112);
    pymalloc.free(a!);
    expect(pymalloc.blockStatus(a!)).toBe("free");
    expect(pymalloc.blockStatus(b!)).toBe("allocated");
    // The block after b was put on the free list when b was handed out; the next is virgin.
    expect(pymalloc.blockStatus(b! + 112)).toBe("free");
    expect(pymalloc.blockStatus(b! + 224)).toBe("virgin");
    expect(pymalloc.blockStatus(b! + 8)).toBe("invalid");
    expect(pymalloc.blockStatus(0x55d4a0000000)).toBe("foreign");
  });
});

describe("pools", () => {
  it("takes blocks from the head of usedpools; a full pool that gets a free block goes to the tail", () => {
    const pymalloc = fresh();
    const first = allocateMany(pymalloc, BIG, BIG_PER_POOL); // fills pool A
    const poolA = first[0]! - POOL_OVERHEAD;
    expect(pymalloc.usedPoolOrder(31)).toEqual([]); // full pools are on no list
    const b1 = pymalloc.malloc(BIG); // new pool B at the front
    const poolB = b1 - POOL_OVERHEAD;
    expect(poolB).not.toBe(poolA);
    expect(pymalloc.usedPoolOrder(31)).toEqual([poolB]);
    pymalloc.free(first[5]!); // A: full -> used, linked at the tail
    expect(pymalloc.usedPoolOrder(31)).toEqual([poolB, poolA]);
    // The next allocation still comes from B, the head.
    expect(pymalloc.malloc(BIG)).toBe(b1 + BIG);
    pymalloc.verifyInvariants();
  });

  it("reuses an empty pool that last served the same class as-is (its free list intact)", () => {
    const pymalloc = fresh();
    const keep = pymalloc.malloc(16); // pool P0 stays in use
    const [a, b] = allocateMany(pymalloc, 32, 2); // pool P1
    pymalloc.free(a!);
    pymalloc.free(b!); // P1 empty: onto the arena's freepools
    expect(pymalloc.usedPoolOrder(1)).toEqual([]);
    // Same class: P1's free list is reused, so the most recently freed block comes back.
    expect(pymalloc.malloc(32)).toBe(b);
    expect(pymalloc.malloc(32)).toBe(a);
    expect(keep).toBeGreaterThan(0);
    pymalloc.verifyInvariants();
  });

  it("re-initialises an empty pool for a different class (first block after the header)", () => {
    const pymalloc = fresh();
    pymalloc.malloc(16);
    const [a, b] = allocateMany(pymalloc, 32, 2);
    const pool = a! - POOL_OVERHEAD;
    pymalloc.free(a!);
    pymalloc.free(b!);
    expect(pymalloc.malloc(64)).toBe(pool + POOL_OVERHEAD);
    expect(pymalloc.malloc(64)).toBe(pool + POOL_OVERHEAD + 64);
    expect(pymalloc.blockSize(pool + POOL_OVERHEAD)).toBe(64);
    pymalloc.verifyInvariants();
  });

  it("prefers the most recently emptied pool (freepools is LIFO) over carving a new one", () => {
    const pymalloc = fresh();
    const pools = [0, 1, 2].map(() => allocateMany(pymalloc, BIG, BIG_PER_POOL));
    pymalloc.malloc(16); // a fourth pool, so the arena is not wholly free
    for (const address of pools[0]!) pymalloc.free(address);
    for (const address of pools[2]!) pymalloc.free(address);
    expect(pymalloc.malloc(48)).toBe(pools[2]![0]!);
    expect(pymalloc.malloc(80) - POOL_OVERHEAD).toBe(pools[0]![0]! - POOL_OVERHEAD);
  });
});

describe("arenas", () => {
  it("places arenas top-down at page-aligned mmap addresses; a misaligned one has 63 pools", () => {
    const pymalloc = fresh();
    pymalloc.malloc(16);
    const [arena] = pymalloc.snapshot();
    expect(arena!.base).toBe(DEFAULT_MMAP_TOP - ARENA_SIZE);
    expect(arena!.base % 4096).toBe(0);
    expect(arena!.base % POOL_SIZE).not.toBe(0);
    expect(arena!.totalPools).toBe(63);
    expect(arena!.firstPoolAddress % POOL_SIZE).toBe(0);
    expect(arena!.firstPoolAddress - arena!.base).toBe(POOL_SIZE - (arena!.base % POOL_SIZE));
  });

  it("gives an arena at a 16 KiB-aligned address all 64 pools", () => {
    const raw = new RawMalloc(new MmapSpace(0x7f3a4e600000));
    const pymalloc = new PyMalloc(raw);
    pymalloc.malloc(16);
    const [arena] = pymalloc.snapshot();
    expect(arena!.base).toBe(0x7f3a4e500000);
    expect(arena!.totalPools).toBe(64);
    expect(pymalloc.stats().misalignedArenas).toBe(0);
  });

  it("creates a new arena only when no arena has a free pool", () => {
    const pymalloc = fresh();
    const perArena = 63 * BIG_PER_POOL;
    allocateMany(pymalloc, BIG, perArena);
    expect(pymalloc.stats().arenasAllocatedTotal).toBe(1);
    expect(pymalloc.usableArenaOrder()).toEqual([]); // the only arena is wholly allocated
    const next = pymalloc.malloc(BIG);
    const stats = pymalloc.stats();
    expect(stats.arenasAllocatedTotal).toBe(2);
    expect(stats.arenasCurrent).toBe(2);
    expect(stats.arenasHighwater).toBe(2);
    expect(pymalloc.arenaOf(next)).toBe(1);
    // The second arena lies below the first (and below the radix-tree nodes mapped for it).
    expect(pymalloc.arenaBaseOf(1)).toBeLessThan(pymalloc.arenaBaseOf(0));
    pymalloc.verifyInvariants();
  });

  it("releases a wholly free arena unless it is the last usable one", () => {
    const pymalloc = fresh();
    const a1 = allocateMany(pymalloc, BIG, 63 * BIG_PER_POOL);
    const a2 = pymalloc.malloc(BIG);
    const base1 = pymalloc.arenaBaseOf(0);
    for (const address of a1) pymalloc.free(address);
    let stats = pymalloc.stats();
    expect(stats.arenasCurrent).toBe(1);
    expect(stats.arenasReclaimed).toBe(1);
    expect(pymalloc.owns(a1[0]!)).toBe(false);
    expect(pymalloc.free(a1[0]!)).toBe(false); // no longer pymalloc's: the caller would forward it
    // The survivor becomes wholly free too, but it is the last usable arena: kept.
    pymalloc.free(a2);
    stats = pymalloc.stats();
    expect(stats.arenasCurrent).toBe(1);
    expect(stats.arenasHighwater).toBe(2);
    expect(stats.unusedPools).toBe(pymalloc.snapshot()[0]!.totalPools);
    // Its descriptor (0) is reused first, and the unmapped range is the highest hole: reused too.
    allocateMany(pymalloc, BIG, 63 * BIG_PER_POOL + 1);
    expect(pymalloc.arenaBaseOf(0)).toBe(base1);
    expect(pymalloc.stats().arenasAllocatedTotal).toBe(3);
    pymalloc.verifyInvariants();
  });

  it("keeps usable_arenas sorted by free pools, fullest first, and takes new pools from the head", () => {
    const pymalloc = fresh();
    const arenas = [0, 1, 2].map(() => allocateMany(pymalloc, BIG, 63 * BIG_PER_POOL));
    pymalloc.malloc(16); // a fourth arena, 62 free pools
    const freePools = (arena: number[], pools: number) => {
      for (let p = 0; p < pools; p++) {
        for (let i = 0; i < BIG_PER_POOL; i++) pymalloc.free(arena[p * BIG_PER_POOL + i]!);
      }
    };
    freePools(arenas[0]!, 5);
    freePools(arenas[1]!, 2);
    freePools(arenas[2]!, 9);
    expect(pymalloc.usableArenaOrder()).toEqual([1, 0, 2, 3]);
    pymalloc.verifyInvariants();
    // Arena 1 slides right only once it has more free pools than arena 0: a tie leaves it
    // where it is (it was the rightmost arena with its old count).
    freePools(arenas[1]!.slice(2 * BIG_PER_POOL), 3); // arena 1: 5 free, ties with arena 0
    expect(pymalloc.usableArenaOrder()).toEqual([1, 0, 2, 3]);
    freePools(arenas[1]!.slice(5 * BIG_PER_POOL), 1); // 6 free: moves just after arena 0
    expect(pymalloc.usableArenaOrder()).toEqual([0, 1, 2, 3]);
    // A new pool comes from the head (arena 0, the fullest).
    const address = pymalloc.malloc(200);
    expect(pymalloc.arenaOf(address)).toBe(0);
    pymalloc.verifyInvariants();
  });

  it("grows the descriptor vector from 16 by doubling, in the RAW domain", () => {
    const pymalloc = fresh();
    allocateMany(pymalloc, BIG, INITIAL_ARENA_OBJECTS * 63 * BIG_PER_POOL);
    expect(pymalloc.stats().arenaDescriptors).toBe(16);
    const rawBlocks = pymalloc.raw.blocksInUse;
    pymalloc.malloc(BIG);
    const stats = pymalloc.stats();
    expect(stats.arenaDescriptors).toBe(32);
    expect(stats.arenasCurrent).toBe(17);
    expect(pymalloc.raw.blocksInUse).toBe(rawBlocks); // realloc'd, not added
    pymalloc.verifyInvariants();
  });

  it("counts the radix-tree nodes CPython would create (one mid, one bottom node nearby)", () => {
    const pymalloc = fresh();
    allocateMany(pymalloc, BIG, 3 * 63 * BIG_PER_POOL);
    const stats = pymalloc.stats();
    expect(stats.arenaMapMidNodes).toBe(1);
    expect(stats.arenaMapBotNodes).toBe(1);
    // The nodes (256 KiB and 128 KiB) and the descriptor vector come from raw malloc.
    expect(pymalloc.raw.stats().mmappedBlocks).toBe(2);
  });
});

describe("realloc", () => {
  it("stays in place while the new size fits and saves less than 25%", () => {
    const pymalloc = fresh();
    const p = pymalloc.malloc(100); // 112-byte block
    expect(pymalloc.realloc(p, 112)).toBe(p);
    expect(pymalloc.realloc(p, 85)).toBe(p); // 4*85 = 340 > 3*112 = 336
    const moved = pymalloc.realloc(p, 84); // 336 is not > 336: moves to the 96 class
    expect(moved).not.toBe(p);
    expect(pymalloc.blockSize(moved)).toBe(96);
    expect(pymalloc.isAllocated(p)).toBe(false);
  });

  it("matches CPython: 100 -> 80 moves, then 80 -> 70 stays", () => {
    const pymalloc = fresh();
    const p = pymalloc.malloc(100);
    const q = pymalloc.realloc(p, 80);
    expect(q).not.toBe(p);
    expect(pymalloc.realloc(q, 70)).toBe(q);
  });

  it("moves to a bigger class when growing, freeing the old block", () => {
    const pymalloc = fresh();
    const p = pymalloc.malloc(64);
    const q = pymalloc.realloc(p, 65);
    expect(pymalloc.blockSize(q)).toBe(80);
    expect(pymalloc.malloc(64)).toBe(p); // the old block is back on its free list
  });

  it("leaves the block to the caller when the new size is outside pymalloc", () => {
    const pymalloc = fresh();
    const p = pymalloc.malloc(64);
    expect(pymalloc.realloc(p, 600)).toBe(0);
    expect(pymalloc.realloc(p, 0)).toBe(0);
    expect(pymalloc.isAllocated(p)).toBe(true);
    expect(pymalloc.realloc(0x55d4a0a4c2a0, 10)).toBe(REALLOC_NOT_OWNED);
  });
});

describe("counters", () => {
  it("reports per-class pools, blocks in use, available blocks and the total", () => {
    const pymalloc = fresh();
    const objects = allocateMany(pymalloc, 16, 1500); // 2 pools of 1021
    allocateMany(pymalloc, 56, 10);
    for (let i = 0; i < 100; i++) pymalloc.free(objects[i]!);
    const stats = pymalloc.stats();
    expect(stats.classes[0]).toMatchObject({ pools: 2, blocksInUse: 1400, availableBlocks: 2 * 1021 - 1400 });
    expect(stats.classes[3]).toMatchObject({ blockSize: 64, pools: 1, blocksInUse: 10, availableBlocks: 245 });
    expect(stats.allocatedBlocks).toBe(1410);
    expect(pymalloc.allocatedBlocks()).toBe(1410);
    expect(stats.unusedPools).toBe(63 - 3);
  });

  it("snapshots each arena's pools with class, state and blocks in use", () => {
    const pymalloc = fresh();
    allocateMany(pymalloc, BIG, BIG_PER_POOL);
    const small = allocateMany(pymalloc, 16, 3);
    pymalloc.free(small[0]!);
    const [arena] = pymalloc.snapshot();
    expect(arena!.carvedPools).toBe(2);
    expect(arena!.freePools).toBe(61);
    expect(arena!.pools.map((p) => [p.sizeClass, p.state, p.blocksInUse])).toEqual([
      [31, "full", 31],
      [0, "used", 2],
    ]);
    expect(arena!.pools[1]!.virginBlocks).toBe(1021 - 4);
  });
});

describe("randomised workload", () => {
  it("keeps every structure consistent and never hands out a live block twice", () => {
    const pymalloc = fresh();
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const live: number[] = [];
    const liveSet = new Set<number>();
    for (let step = 0; step < 60000; step++) {
      const phase = Math.floor(step / 10000) % 2; // grow, then shrink, then grow...
      if (live.length === 0 || random(100) < (phase === 0 ? 65 : 35)) {
        const size = 1 + random(random(4) === 0 ? 512 : 64);
        const address = pymalloc.malloc(size);
        expect(liveSet.has(address)).toBe(false);
        expect(pymalloc.blockSize(address)).toBe(sizeClassBytes(sizeClassIndex(size)));
        live.push(address);
        liveSet.add(address);
      } else {
        const index = random(live.length);
        const address = live[index]!;
        live[index] = live[live.length - 1]!;
        live.pop();
        liveSet.delete(address);
        expect(pymalloc.free(address)).toBe(true);
      }
      if (step % 5000 === 0) {
        pymalloc.verifyInvariants();
        expect(pymalloc.allocatedBlocks()).toBe(live.length);
      }
    }
    for (const address of live) pymalloc.free(address);
    pymalloc.verifyInvariants();
    const stats = pymalloc.stats();
    expect(stats.allocatedBlocks).toBe(0);
    expect(stats.arenasCurrent).toBe(1); // everything released but the last usable arena
    expect(stats.arenasReclaimed).toBe(stats.arenasAllocatedTotal - 1);
  });
});
