// Native memory patterns: none leaks, the dangling buffer of pyz3's "Basic Usage" is caught
// on use, alignment goes beyond pyz3's 255-byte cap, and the RAW domain accounts every byte.

import { describe, expect, test } from "vitest";
import { NativeBufferError } from "heapscope/native";
import { detectLeaks, expectNoLeaks } from "heapscope/testing";
import {
  alignedAllocation, allocateBuffer, allocateBufferForCaller, badBatch, checkedAllocation, conditionalAlloc,
  goodBatch, growingBuffer, multipleBuffers, processData, reuseBuffer, trackAllocations,
} from "./buffers.js";

describe("native memory (pyz3)", () => {
  test("every pattern frees what it allocates", () => {
    const patterns: [string, () => unknown][] = [
      ["process_data", () => expect(processData({ size: 100 })).toBe(100)],
      ["multiple_buffers", () => expect(multipleBuffers()).toBe(3584)],
      ["conditional_alloc(true)", () => expect(conditionalAlloc({ needBuffer: true })).toBe(true)],
      ["conditional_alloc(false)", () => expect(conditionalAlloc({ needBuffer: false })).toBe(false)],
      ["aligned_allocation(64)", () => alignedAllocation(64)],
      ["aligned_allocation(4096)", () => alignedAllocation(4096)],
      ["growing_buffer", () => expect(growingBuffer()).toBe(2048 + 42)],
      ["bad_batch", badBatch],
      ["good_batch", goodBatch],
      ["reuse_buffer", () => expect(reuseBuffer()).toBe(4950)],
      ["checked_allocation", checkedAllocation],
      ["track_allocations", () => expect(trackAllocations()).toBe(0)],
    ];
    for (const [name, run] of patterns) {
      const info = detectLeaks(() => void run());
      expect({ name, leaked: info.leaked, bytes: info.bytesLeaked }).toEqual({ name, leaked: false, bytes: 0 });
    }
  });

  test("aligned addresses: 64 and 4096", () => {
    expect(alignedAllocation(64) % 64).toBe(0);
    expect(alignedAllocation(4096) % 4096).toBe(0);
  });

  test("pyz3's allocate_buffer returns a freed buffer: using it throws instead of reading freed memory", () => {
    const dangling = allocateBuffer();
    expect(dangling.freed).toBe(true);
    expect(() => dangling.bytes).toThrow(NativeBufferError);
    expect(() => dangling.bytes).toThrow(/use of freed native buffer at 0x[0-9a-f]+ \(bytes\)/);
    expectNoLeaks(() => void allocateBuffer());
  });

  test("a buffer handed to the caller is the caller's to free (else: 1 buffer, 1024 bytes)", () => {
    expectNoLeaks(() => allocateBufferForCaller().free());
    const kept: { free(): void }[] = [];
    const info = detectLeaks(() => void kept.push(allocateBufferForCaller()));
    expect([info.objectsLeaked, info.buffersLeaked, info.bytesLeaked]).toEqual([0, 1, 1024]);
    for (const b of kept) b.free();
  });
});
