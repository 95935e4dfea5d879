// pyz3's "Native Memory Management": the allocator patterns, alignment, realloc, and the
// performance and debugging tips that allocate. `using buffer = NativeAllocator.alloc(n)` is
// `const buffer = try py.allocator.alloc(u8, n); defer py.allocator.free(buffer);`.

import { NativeAllocator, type NativeBuffer } from "heapscope/native";

/**
 * pyz3's "Basic Usage" returns a buffer that its own `defer` has already freed: a dangling
 * slice in Zig. Here the same shape returns a handle to a freed buffer, and any use of it
 * throws NativeBufferError instead of reading freed memory.
 */
export function allocateBuffer(): NativeBuffer {
  using buffer = NativeAllocator.alloc(1024);
  buffer.bytes[0] = 1;
  return buffer;
}

/** The correct way to hand a buffer to the caller: no `using`, the caller frees it. */
export function allocateBufferForCaller(): NativeBuffer {
  return NativeAllocator.alloc(1024);
}

/** Pattern: temporary buffer. */
export function processData(args: { size: number }): number {
  using buffer = NativeAllocator.alloc(args.size);
  buffer.bytes.fill(1);
  return buffer.bytes.reduce((a, b) => a + b, 0);
}

/** Pattern: multiple allocations, each released at the end of the scope (last first). */
export function multipleBuffers(): number {
  using buf1 = NativeAllocator.alloc(1024);
  using buf2 = NativeAllocator.alloc(2048);
  using buf3 = NativeAllocator.alloc(512);
  return buf1.size + buf2.size + buf3.size;
}

/** Pattern: conditional allocation (`defer if (buffer) |buf| free(buf)`). */
export function conditionalAlloc(args: { needBuffer: boolean }): boolean {
  using buffer = args.needBuffer ? NativeAllocator.alloc(1024) : null;
  return buffer !== null;
}

/** Alignment: 64 as in pyz3, and 4096, which pyz3's 255-byte cap cannot give. */
export function alignedAllocation(alignment = 64): number {
  using buffer = NativeAllocator.alignedAlloc(alignment, 1024);
  if (buffer.address % alignment !== 0) throw new Error("misaligned buffer");
  return buffer.address;
}

/** Reallocation: grow a buffer, keeping its contents. */
export function growingBuffer(): number {
  using buffer = NativeAllocator.alloc(1024);
  buffer.bytes[1023] = 42;
  NativeAllocator.realloc(buffer, 2048);
  return buffer.size + buffer.bytes[1023]!;
}

/** Performance tip 2, bad: many small allocations. */
export function badBatch(): void {
  for (let i = 0; i < 1000; i++) {
    using _buf = NativeAllocator.alloc(10);
  }
}

/** Performance tip 2, good: one large allocation used in chunks of 10. */
export function goodBatch(): void {
  using buf = NativeAllocator.alloc(10000);
  for (let i = 0; i < 1000; i++) buf.bytes.subarray(i * 10, i * 10 + 10).fill(i & 0xff);
}

/** Performance tip 3: reuse one buffer across iterations. */
export function reuseBuffer(): number {
  using buffer = NativeAllocator.alloc(1024);
  let sum = 0;
  for (let i = 0; i < 100; i++) {
    buffer.bytes.fill(0);
    buffer.bytes[0] = i;
    sum += buffer.bytes[0]!;
  }
  return sum;
}

/** Debugging: assertions on what the allocator returned. */
export function checkedAllocation(): void {
  using buf = NativeAllocator.alloc(1024);
  if (buf.size !== 1024) throw new Error("wrong length");
  if (buf.address % 1 !== 0) throw new Error("misaligned");
}

/** Memory profiling: "track allocations" over 1000 allocate/free pairs. */
export function trackAllocations(): number {
  const before = NativeAllocator.stats().bytes;
  for (let i = 0; i < 1000; i++) {
    using _buf = NativeAllocator.alloc(1024);
  }
  return NativeAllocator.stats().bytes - before;
}
