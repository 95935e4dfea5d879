// Objects/obmalloc.c: _PyMem_RawMalloc, _PyMem_RawCalloc, _PyMem_RawRealloc, _PyMem_RawFree,
// which hand straight to the C library. This models glibc malloc as seen from outside:
// where chunks land and when an address is reused, not how glibc stores its metadata.
//
// Simplifications, chosen so that addresses stay deterministic and plausible:
// - every freed heap chunk goes on a LIFO list for its exact chunk size (tcache and the
//   fastbins behave like this for the sizes CPython frees most); chunks are not coalesced
//   or split to serve other sizes, except that shrinking the topmost chunk gives memory back
//   to the top;
// - the mmap threshold is fixed at 128 KiB (glibc's dynamic threshold is not modelled);
// - the heap never trims.

import { MmapSpace, roundUpToPage } from "./mmap.js";

/** Start of the brk heap: a typical PIE heap address on x86-64 Linux. */
export const DEFAULT_HEAP_START = 0x55d4a0a4c000;
/** glibc puts its tcache bookkeeping (a 0x290-byte chunk) first in the main heap. */
const TCACHE_STRUCT_CHUNK = 0x290;
/** Chunk header before the user pointer (prev_size + size). */
const CHUNK_HEADER = 16;
/** The size field lives in the chunk; a request needs this much beyond its bytes. */
const SIZE_FIELD = 8;
const MIN_CHUNK = 32;
/** glibc's default M_MMAP_THRESHOLD. */
export const MMAP_THRESHOLD = 128 * 1024;

// A live chunk's record packs its size with flags in the low bits, which a chunk size
// (a multiple of 16) never uses. Kept in one Map<number, number> to stay monomorphic.
const FLAG_MMAPPED = 8;
const TAG_MASK = 7;

/** glibc's request2size: what chunk a request of `size` bytes occupies. */
export function chunkSizeFor(size: number): number {
  const padded = Math.ceil((size + SIZE_FIELD) / 16) * 16;
  return padded < MIN_CHUNK ? MIN_CHUNK : padded;
}

/** Size of the private mapping glibc makes for a chunk that is served by mmap. */
export function mmapSizeFor(size: number): number {
  return roundUpToPage(chunkSizeFor(size) + SIZE_FIELD);
}

export interface RawMallocStats {
  /** Blocks handed out and not yet freed. */
  blocksInUse: number;
  /** Sum of the byte counts asked for by live blocks. */
  requestedBytes: number;
  /** Bytes the live blocks occupy, chunk overhead and mapping rounding included. */
  chunkBytes: number;
  /** Heap chunks waiting on the free lists, and their bytes. */
  freeChunks: number;
  freeChunkBytes: number;
  /** Current extent of the brk heap. */
  heapStart: number;
  heapTop: number;
  /** Live blocks served by their own mapping. */
  mmappedBlocks: number;
  mmappedBytes: number;
}

export class RawMalloc {
  readonly mmap: MmapSpace;
  readonly heapStart: number;
  /** First byte of glibc's "top chunk": fresh heap memory is carved from here upward. */
  private top: number;
  /** user address -> chunk size | flags, for every live block. */
  private readonly live = new Map<number, number>();
  /** user address -> requested size, for every live block. */
  private readonly requested = new Map<number, number>();
  /** chunk size -> user addresses of freed chunks of exactly that size, most recent last. */
  private readonly bins = new Map<number, number[]>();
  /** user address -> chunk size, for every chunk currently on a free list. */
  private readonly freed = new Map<number, number>();
  private requestedTotal = 0;
  private chunkTotal = 0;
  private freeBytes = 0;
  private mmappedCount = 0;
  private mmappedTotal = 0;

  constructor(mmap: MmapSpace = new MmapSpace(), heapStart: number = DEFAULT_HEAP_START) {
    this.mmap = mmap;
    this.heapStart = heapStart;
    this.top = heapStart + TCACHE_STRUCT_CHUNK;
  }

  /**
   * malloc(size); 0 only when the simulated address space is exhausted. `tag` (0..7) is stored with the block so a debugging caller can tell
   * which API family allocated it; it does not affect placement. 0 bytes counts as 1, as
   * PyMem_RawMalloc arranges.
   */
  malloc(size: number, tag = 0): number {
    const request = size > 0 ? size : 1;
    const chunkSize = chunkSizeFor(request);
    if (chunkSize >= MMAP_THRESHOLD) return this.mapBlock(request, tag);
    let address = 0;
    const bin = this.bins.get(chunkSize);
    if (bin !== undefined && bin.length > 0) {
      address = bin.pop()!;
      this.freed.delete(address);
      this.freeBytes -= chunkSize;
    } else {
      address = this.top + CHUNK_HEADER;
      this.top += chunkSize;
    }
    this.record(address, request, chunkSize, tag);
    return address;
  }

  /** calloc(count, each): placement is the same as malloc's. */
  calloc(count: number, each: number, tag = 0): number {
    return this.malloc(count * each, tag);
  }

  /**
   * realloc(address, size): shrinks in place, grows in place when the block is the last
   * chunk before the top (or its mapping can grow), otherwise moves. realloc(0, n) is
   * malloc(n); 0 bytes counts as 1. Returns 0 for an address it never handed out.
   */
  realloc(address: number, size: number): number {
    if (address === 0) return this.malloc(size);
    const record = this.live.get(address);
    if (record === undefined) return 0;
    const request = size > 0 ? size : 1;
    const tag = record & TAG_MASK;
    const oldChunk = record - (record % 16);
    if ((record & FLAG_MMAPPED) !== 0) return this.remapBlock(address, request, oldChunk, tag);

    const newChunk = chunkSizeFor(request);
    const chunkStart = address - CHUNK_HEADER;
    const isTopmost = chunkStart + oldChunk === this.top;
    if (newChunk <= oldChunk) {
      const remainder = oldChunk - newChunk;
      let keptChunk = oldChunk;
      if (remainder >= MIN_CHUNK) {
        keptChunk = newChunk;
        if (isTopmost) this.top -= remainder;
        else this.pushFree(chunkStart + newChunk + CHUNK_HEADER, remainder);
      }
      this.rerecord(address, request, keptChunk, tag);
      return address;
    }
    if (isTopmost) {
      this.top += newChunk - oldChunk;
      this.rerecord(address, request, newChunk, tag);
      return address;
    }
    const moved = this.malloc(request, tag);
    if (moved !== 0) this.free(address);
    return moved;
  }

  /** free(address). Returns false (and changes nothing) for an address not live here. */
  free(address: number): boolean {
    const record = this.live.get(address);
    if (record === undefined) return false;
    const chunkSize = record - (record % 16);
    this.requestedTotal -= this.requested.get(address)!;
    this.chunkTotal -= chunkSize;
    this.live.delete(address);
    this.requested.delete(address);
    if ((record & FLAG_MMAPPED) !== 0) {
      this.mmappedCount--;
      this.mmappedTotal -= chunkSize;
      this.mmap.unmap(address - CHUNK_HEADER, chunkSize);
      return true;
    }
    this.pushFree(address, chunkSize);
    return true;
  }

  /** True while `address` is a block this allocator handed out and has not freed. */
  isLive(address: number): boolean {
    return this.live.has(address);
  }

  /** True when `address` is a heap chunk currently waiting on a free list (a freed block). */
  isFreed(address: number): boolean {
    return this.freed.has(address);
  }

  /** The tag given at allocation, or -1 for an address that is not live. */
  tagOf(address: number): number {
    const record = this.live.get(address);
    return record === undefined ? -1 : record & TAG_MASK;
  }

  /** Bytes the caller may use (malloc_usable_size), or 0 for an address that is not live. */
  usableSize(address: number): number {
    const record = this.live.get(address);
    if (record === undefined) return 0;
    const chunkSize = record - (record % 16);
    return (record & FLAG_MMAPPED) !== 0 ? chunkSize - CHUNK_HEADER : chunkSize - SIZE_FIELD;
  }

  /** The size originally requested for a live block, or 0. */
  requestedSize(address: number): number {
    return this.requested.get(address) ?? 0;
  }

  get blocksInUse(): number {
    return this.live.size;
  }

  get bytesInUse(): number {
    return this.requestedTotal;
  }

  stats(): RawMallocStats {
    return {
      blocksInUse: this.live.size,
      requestedBytes: this.requestedTotal,
      chunkBytes: this.chunkTotal,
      freeChunks: this.freed.size,
      freeChunkBytes: this.freeBytes,
      heapStart: this.heapStart,
      heapTop: this.top,
      mmappedBlocks: this.mmappedCount,
      mmappedBytes: this.mmappedTotal,
    };
  }

  /** Every live block as [address, requested size], in no particular order. */
  liveBlocks(): Array<[number, number]> {
    return Array.from(this.requested.entries());
  }

  private mapBlock(request: number, tag: number): number {
    const mappingSize = mmapSizeFor(request);
    const base = this.mmap.map(mappingSize);
    if (base === 0) return 0;
    const address = base + CHUNK_HEADER;
    this.record(address, request, mappingSize, tag | FLAG_MMAPPED);
    this.mmappedCount++;
    this.mmappedTotal += mappingSize;
    return address;
  }

  /** mremap: same pages when they suffice, grow in place when the pages above are free, else move. */
  private remapBlock(address: number, request: number, oldSize: number, tag: number): number {
    const base = address - CHUNK_HEADER;
    const newSize = mmapSizeFor(request);
    if (newSize <= oldSize || this.mmap.tryExtend(base, oldSize, newSize)) {
      if (newSize < oldSize) this.mmap.unmap(base + newSize, oldSize - newSize, false);
      this.mmappedTotal += newSize - oldSize;
      this.rerecord(address, request, newSize, tag | FLAG_MMAPPED);
      return address;
    }
    const newBase = this.mmap.map(newSize);
    if (newBase === 0) return 0;
    this.mmap.unmap(base, oldSize);
    const moved = newBase + CHUNK_HEADER;
    this.requestedTotal -= this.requested.get(address)!;
    this.chunkTotal -= oldSize;
    this.live.delete(address);
    this.requested.delete(address);
    this.mmappedTotal += newSize - oldSize;
    this.record(moved, request, newSize, tag | FLAG_MMAPPED);
    return moved;
  }

  private pushFree(address: number, chunkSize: number): void {
    let bin = this.bins.get(chunkSize);
    if (bin === undefined) {
      bin = [];
      this.bins.set(chunkSize, bin);
    }
    bin.push(address);
    this.freed.set(address, chunkSize);
    this.freeBytes += chunkSize;
  }

  private record(address: number, request: number, chunkSize: number, flags: number): void {
    this.live.set(address, chunkSize + flags);
    this.requested.set(address, request);
    this.requestedTotal += request;
    this.chunkTotal += chunkSize;
  }

  private rerecord(address: number, request: number, chunkSize: number, flags: number): void {
    const oldRecord = this.live.get(address)!;
    this.chunkTotal += chunkSize - (oldRecord - (oldRecord % 16));
    this.requestedTotal += request - this.requested.get(address)!;
    this.live.set(address, chunkSize + flags);
    this.requested.set(address, request);
  }
}
