// The native allocator: RAW-domain blocks at the memory model's addresses, alignment up to
// a page, realloc keeping contents, misuse caught, no GIL needed.

import { describe, expect, test } from "vitest";
import { NativeAllocator, NativeBufferError, nogil, resetGil } from "./index.js";
import { allocator } from "../runtime/heap.js";
import { DOMAIN_RAW } from "../memory/index.js";

describe("native buffers", () => {
  test("alloc / free: a live RAW block of the requested size, 16-byte aligned", () => {
    const before = allocator.snapshot().raw;
    const buf = NativeAllocator.alloc(1024);
    expect(buf.size).toBe(1024);
    expect(buf.bytes.length).toBe(1024);
    expect(buf.address % 16).toBe(0);
    expect(allocator.isLive(DOMAIN_RAW, buf.blockAddress)).toBe(true);
    const during = allocator.snapshot().raw;
    expect(during.blocksInUse - before.blocksInUse).toBe(1);
    expect(during.requestedBytes - before.requestedBytes).toBe(1024);
    expect(NativeAllocator.stats()).toEqual({ buffers: 1, bytes: 1024 });
    NativeAllocator.free(buf);
    expect(allocator.snapshot().raw.blocksInUse).toBe(before.blocksInUse);
    expect(NativeAllocator.stats()).toEqual({ buffers: 0, bytes: 0 });
  });

  test("every power of two up to 4096 is honoured, beyond pyz3's 255", () => {
    for (let alignment = 1; alignment <= 4096; alignment *= 2) {
      using buf = NativeAllocator.alignedAlloc(alignment, 100);
      expect(buf.address % alignment).toBe(0);
      expect(buf.address).toBeGreaterThanOrEqual(buf.blockAddress);
      expect(buf.address + 100).toBeLessThanOrEqual(buf.blockAddress + 100 + Math.max(0, alignment - 16));
    }
    expect(() => NativeAllocator.alloc(8, 8192)).toThrow("alignment must be a power of two from 1 to 4096, got 8192");
    expect(() => NativeAllocator.alloc(8, 48)).toThrow(NativeBufferError);
    // Large (mmap-served) blocks too.
    using big = NativeAllocator.alignedAlloc(4096, 512 * 1024);
    expect(big.address % 4096).toBe(0);
  });

  test("realloc grows and shrinks in place of the same handle, keeping the contents and alignment", () => {
    using buf = NativeAllocator.alignedAlloc(64, 1024);
    buf.bytes.fill(7);
    NativeAllocator.realloc(buf, 2048);
    expect(buf.size).toBe(2048);
    expect(buf.address % 64).toBe(0);
    expect(buf.bytes[1023]).toBe(7);
    expect(buf.bytes[1024]).toBe(0);
    NativeAllocator.realloc(buf, 10);
    expect([...buf.bytes]).toEqual(new Array(10).fill(7));
    expect(NativeAllocator.stats().bytes).toBe(10);
  });

  test("double free and use after free are caught", () => {
    const buf = NativeAllocator.alloc(32);
    buf.free();
    expect(() => buf.free()).toThrow(/double free of native buffer at 0x[0-9a-f]+/);
    expect(() => buf.bytes).toThrow(/use of freed native buffer at 0x[0-9a-f]+ \(bytes\)/);
    // A disposed buffer that was freed by hand is not freed twice.
    {
      using b = NativeAllocator.alloc(16);
      b.free();
    }
  });

  test("the RAW domain needs no GIL", () => {
    try {
      using _released = nogil();
      using buf = NativeAllocator.alloc(64);
      expect(buf.size).toBe(64);
    } finally {
      resetGil();
    }
  });
});
