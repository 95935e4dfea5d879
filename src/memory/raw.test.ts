// Objects/obmalloc.c: _PyMem_RawMalloc / _PyMem_RawRealloc / _PyMem_RawFree over the glibc
// model. Chunk spacing (+1008 for 1000 bytes, +1056 for 1033) and the 0x31000-byte mappings
// for 200,000-byte requests were measured through ctypes on CPython 3.11.7 / glibc.

import { describe, expect, it } from "vitest";
import { MmapSpace, DEFAULT_MMAP_TOP, PAGE_SIZE } from "./mmap.js";
import { DEFAULT_HEAP_START, MMAP_THRESHOLD, RawMalloc, chunkSizeFor, mmapSizeFor } from "./raw.js";

describe("chunk sizes", () => {
  it("follows glibc's request2size: request + 8 rounded up to 16, at least 32", () => {
    expect(chunkSizeFor(1)).toBe(32);
    expect(chunkSizeFor(24)).toBe(32);
    expect(chunkSizeFor(25)).toBe(48);
    expect(chunkSizeFor(1000)).toBe(1008);
    expect(chunkSizeFor(1033)).toBe(1056);
    expect(mmapSizeFor(200000)).toBe(0x31000);
  });
});

describe("RawMalloc", () => {
  it("carves consecutive chunks from the top of the heap, 16-aligned", () => {
    const raw = new RawMalloc();
    const a = raw.malloc(1000);
    const b = raw.malloc(1000);
    const c = raw.malloc(1033);
    const d = raw.malloc(1033);
    expect(a).toBe(DEFAULT_HEAP_START + 0x2a0); // after glibc's tcache chunk
    expect(b - a).toBe(1008);
    expect(d - c).toBe(1056);
    expect(a % 16).toBe(0);
    expect(raw.usableSize(a)).toBe(1000);
  });

  it("treats malloc(0) as malloc(1)", () => {
    const raw = new RawMalloc();
    const a = raw.malloc(0);
    const b = raw.malloc(1);
    expect(a).not.toBe(0);
    expect(b - a).toBe(32);
    expect(raw.requestedSize(a)).toBe(1);
  });

  it("reuses freed chunks LIFO per exact chunk size", () => {
    const raw = new RawMalloc();
    const a = raw.malloc(100);
    const b = raw.malloc(100);
    const other = raw.malloc(200);
    raw.free(a);
    raw.free(b);
    raw.free(other);
    expect(raw.malloc(40)).not.toBe(a); // a different chunk size is carved fresh
    expect(raw.malloc(100)).toBe(b);
    expect(raw.malloc(104)).toBe(a); // 104 + 8 rounds to the same 112-byte chunk
    expect(raw.malloc(200)).toBe(other);
  });

  it("maps requests of 128 KiB and more, top-down from the mmap base", () => {
    const raw = new RawMalloc();
    const a = raw.malloc(200000);
    const b = raw.malloc(200000);
    expect(a).toBe(DEFAULT_MMAP_TOP - 0x31000 + 16);
    expect(a - b).toBe(0x31000);
    expect(raw.stats().mmappedBlocks).toBe(2);
    expect(raw.malloc(MMAP_THRESHOLD - 100)).toBeLessThan(DEFAULT_MMAP_TOP - 0x100000000); // heap
    raw.free(a);
    expect(raw.stats().mmappedBytes).toBe(0x31000);
    expect(raw.malloc(200000)).toBe(a); // the hole is the highest gap that fits
  });

  it("reallocs: shrink in place, grow in place at the top, otherwise move", () => {
    const raw = new RawMalloc();
    const a = raw.malloc(500);
    const b = raw.malloc(500); // the top chunk
    expect(raw.realloc(b, 5000)).toBe(b); // grows into the top
    expect(raw.realloc(a, 100)).toBe(a); // shrinks in place (the tail becomes a free chunk)
    const moved = raw.realloc(a, 2000); // a is not at the top: moves
    expect(moved).toBeGreaterThan(b);
    expect(raw.isLive(a)).toBe(false);
    expect(raw.isFreed(a)).toBe(true);
    const top = raw.stats().heapTop;
    expect(raw.realloc(moved, 50)).toBe(moved); // the topmost chunk gives memory back
    expect(raw.stats().heapTop).toBeLessThan(top);
    expect(raw.realloc(0, 10)).toBeGreaterThan(0);
  });

  it("remaps large blocks: in place when shrinking, moving when the pages above are taken", () => {
    const raw = new RawMalloc();
    const a = raw.malloc(300000);
    const b = raw.malloc(300000);
    expect(raw.realloc(b, 200000)).toBe(b);
    const grown = raw.realloc(b, 400000); // a sits right above b
    expect(grown).not.toBe(b);
    expect(raw.usableSize(grown)).toBeGreaterThanOrEqual(400000);
    expect(raw.isLive(a)).toBe(true);
  });

  it("tracks bytes and blocks in use", () => {
    const raw = new RawMalloc();
    const a = raw.malloc(100);
    raw.malloc(300000);
    expect(raw.blocksInUse).toBe(2);
    expect(raw.bytesInUse).toBe(300100);
    raw.free(a);
    expect(raw.stats()).toMatchObject({ blocksInUse: 1, requestedBytes: 300000, freeChunks: 1, mmappedBlocks: 1 });
    expect(raw.free(a)).toBe(false); // not live any more
  });
});

describe("MmapSpace", () => {
  it("hands out page-aligned ranges downward and refills the highest hole first", () => {
    const space = new MmapSpace();
    const a = space.map(ARENA);
    const b = space.map(ARENA);
    const c = space.map(ARENA);
    expect([a, b, c].map((x) => x % PAGE_SIZE)).toEqual([0, 0, 0]);
    expect(a - b).toBe(ARENA);
    space.unmap(b, ARENA);
    space.unmap(a, ARENA);
    expect(space.map(PAGE_SIZE)).toBe(a + ARENA - PAGE_SIZE); // top of the merged hole
    expect(space.map(ARENA)).toBe(a + ARENA - PAGE_SIZE - ARENA);
    expect(space.lowestAddress).toBe(c);
  });
});

const ARENA = 1 << 20;
