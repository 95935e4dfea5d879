// Objects/obmalloc.c: PyMem_RawMalloc / PyMem_RawRealloc / PyMem_RawFree (the RAW domain,
// which tracemalloc traces and which may be used without the GIL); pyz3's `py.allocator`
// (alloc, free, realloc, alignedAlloc), without its 255-byte alignment cap.
//
// A native buffer is a block of the runtime allocator's RAW domain (so tracemalloc, the
// leak detector and sys._debugmallocstats-style statistics see it, at its real address)
// plus the bytes themselves in a Uint8Array (the memory model tracks placement, not
// contents). Alignment up to 4096 is served the way aligned_alloc is built on malloc:
// over-allocate by alignment - 16 (malloc already aligns to 16) and hand out the first
// aligned address; the block's own address is kept on the handle for free and realloc, so
// no header byte limits the alignment.

import { allocator as heapAllocator } from "../runtime/heap.js";
import { DOMAIN_RAW } from "../memory/index.js";
import { MemoryErrorType, raise } from "../runtime/exceptions.js";
import { named } from "./naming.js";

/** malloc's alignment on x86-64 glibc (and the memory model's). */
export const MALLOC_ALIGNMENT = 16;
/** The largest alignment native buffers accept (a page). */
export const MAX_ALIGNMENT = 4096;

/** Misuse of a native buffer: double free, use after free, bad alignment. */
export class NativeBufferError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NativeBufferError";
  }
}

/** Live buffers by block address, for leak reports and statistics. */
const liveBuffers = new Map<number, NativeBuffer>();
let liveBytes = 0;

/** A block of native memory. Dispose (or free) it exactly once. */
export class NativeBuffer implements Disposable {
  /** The aligned address handed to the user (what `@intFromPtr(buffer.ptr)` shows). */
  private addr: number;
  /** The RAW block's own address (differs from addr when padding was needed for alignment). */
  private block: number;
  private length: number;
  readonly alignment: number;
  private data: Uint8Array | null;

  constructor(block: number, address: number, size: number, alignment: number) {
    this.block = block;
    this.addr = address;
    this.length = size;
    this.alignment = alignment;
    this.data = new Uint8Array(size);
  }

  /** The address of the first byte (a multiple of `alignment`). */
  get address(): number {
    this.check("address");
    return this.addr;
  }

  /** The allocator block behind the buffer (its RAW-domain address). */
  get blockAddress(): number {
    this.check("blockAddress");
    return this.block;
  }

  /** Usable bytes. */
  get size(): number {
    this.check("size");
    return this.length;
  }

  /** The contents. A view taken before realloc() is stale afterwards, like a C pointer. */
  get bytes(): Uint8Array {
    this.check("bytes");
    return this.data!;
  }

  get freed(): boolean {
    return this.data === null;
  }

  /** py.allocator.free(buffer). */
  free(): void {
    if (this.data === null) throw new NativeBufferError(`double free of native buffer at 0x${this.addr.toString(16)}`);
    heapAllocator.free(DOMAIN_RAW, this.block);
    liveBuffers.delete(this.block);
    liveBytes -= this.length;
    this.data = null;
  }

  /** End of a `using` scope: free unless already freed (a conditional buffer may be). */
  [Symbol.dispose](): void {
    if (this.data !== null) this.free();
  }

  /** Called by NativeAllocator.realloc: the block moved or changed size. */
  moveTo(block: number, address: number, size: number): void {
    const old = this.data!;
    const data = new Uint8Array(size);
    data.set(size >= old.length ? old : old.subarray(0, size));
    liveBuffers.delete(this.block);
    liveBuffers.set(block, this);
    liveBytes += size - this.length;
    this.block = block;
    this.addr = address;
    this.length = size;
    this.data = data;
  }

  private check(what: string): void {
    if (this.data === null) throw new NativeBufferError(`use of freed native buffer at 0x${this.addr.toString(16)} (${what})`);
  }
}

function checkAlignment(alignment: number): void {
  if (!Number.isInteger(alignment) || alignment <= 0 || (alignment & (alignment - 1)) !== 0 || alignment > MAX_ALIGNMENT) {
    throw new NativeBufferError(`alignment must be a power of two from 1 to ${MAX_ALIGNMENT}, got ${alignment}`);
  }
}

function padding(alignment: number): number {
  return alignment > MALLOC_ALIGNMENT ? alignment - MALLOC_ALIGNMENT : 0;
}

function alignUp(address: number, alignment: number): number {
  return Math.ceil(address / alignment) * alignment;
}

function checkSize(size: number): void {
  if (!Number.isSafeInteger(size) || size < 0) throw new NativeBufferError(`buffer size must be a non-negative integer, got ${size}`);
}

/**
 * The native allocator (pyz3's `py.allocator`). Calls need not hold the GIL: the RAW domain
 * is the one CPython allows without it.
 */
export const NativeAllocator = named("NativeAllocator", {
  /** py.allocator.alloc(u8, size): `size` bytes, 16-byte aligned. MemoryError when exhausted. */
  alloc(size: number, alignment: number = MALLOC_ALIGNMENT): NativeBuffer {
    checkSize(size);
    checkAlignment(alignment);
    const pad = padding(alignment);
    const block = heapAllocator.malloc(DOMAIN_RAW, size + pad);
    if (block === 0) raise(MemoryErrorType, "");
    const address = alignUp(block, alignment);
    const buffer = new NativeBuffer(block, address, size, alignment);
    liveBuffers.set(block, buffer);
    liveBytes += size;
    return buffer;
  },
  /** py.allocator.alignedAlloc(u8, alignment, size): any power of two up to 4096. */
  alignedAlloc(alignment: number, size: number): NativeBuffer {
    return NativeAllocator.alloc(size, alignment);
  },
  /**
   * py.allocator.realloc(buffer, size): grows or shrinks the buffer, keeping its contents
   * and alignment; the same handle is updated and returned (so it works on a `using` buffer).
   */
  realloc(buffer: NativeBuffer, size: number): NativeBuffer {
    checkSize(size);
    const oldBlock = buffer.blockAddress;
    const alignment = buffer.alignment;
    const block = heapAllocator.realloc(DOMAIN_RAW, oldBlock, size + padding(alignment));
    if (block === 0) raise(MemoryErrorType, "");
    buffer.moveTo(block, alignUp(block, alignment), size);
    return buffer;
  },
  /** py.allocator.free(buffer) */
  free(buffer: NativeBuffer): void {
    buffer.free();
  },
  /** Buffers allocated and not freed, and their usable bytes. */
  stats(): { buffers: number; bytes: number } {
    return { buffers: liveBuffers.size, bytes: liveBytes };
  },
});

/** The live buffer whose RAW block starts at `block`, if any (for leak reports). */
export function nativeBufferAt(block: number): NativeBuffer | undefined {
  return liveBuffers.get(block);
}
