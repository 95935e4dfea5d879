// Objects/obmalloc.c: _PyObject_ArenaMmap / _PyObject_ArenaMunmap, and the anonymous
// mappings glibc's sysmalloc makes for large requests. Both end in the kernel's mmap(), so
// this file models where Linux puts such mappings: top-down, in the highest gap that fits,
// below a fixed mmap base. Shared by RawMalloc and PyMalloc so that arenas and large raw
// blocks interleave (and shift each other's 16 KiB alignment) the way they do in a process.

/** Linux page size: every mapping starts and ends on a page boundary. */
export const PAGE_SIZE = 4096;

/**
 * Where the first mapping ends. Page aligned but 12 KiB past a 16 KiB boundary, as a
 * randomised mmap base usually is, so most arenas come out misaligned (63 pools).
 */
export const DEFAULT_MMAP_TOP = 0x7f3a4e5f7000;

/** How far below the top mappings may go (64 GiB): keeps every lookup table small. */
export const MMAP_SPAN_LIMIT = 64 * 1024 * 1024 * 1024;

export class MmapSpace {
  readonly top: number;
  /** Everything in [lowWater, top) has been handed out at least once; below is untouched. */
  private lowWater: number;
  /** Holes left by munmap inside [lowWater, top), as [start, end) pairs, highest first. */
  private readonly gapStarts: number[] = [];
  private readonly gapEnds: number[] = [];
  private mappedBytes = 0;
  private mappingCount = 0;

  constructor(top: number = DEFAULT_MMAP_TOP) {
    if (top % PAGE_SIZE !== 0) throw new RangeError("mmap top must be page aligned");
    this.top = top;
    this.lowWater = top;
  }

  /** mmap(NULL, length): the highest free range that fits; 0 when the span is exhausted. */
  map(length: number): number {
    const size = roundUpToPage(length);
    for (let i = 0; i < this.gapStarts.length; i++) {
      const start = this.gapStarts[i];
      const end = this.gapEnds[i];
      if (end - start < size) continue;
      const address = end - size;
      if (address === start) {
        this.gapStarts.splice(i, 1);
        this.gapEnds.splice(i, 1);
      } else {
        this.gapEnds[i] = address;
      }
      this.account(size, 1);
      return address;
    }
    const address = this.lowWater - size;
    if (this.top - address > MMAP_SPAN_LIMIT) return 0;
    this.lowWater = address;
    this.account(size, 1);
    return address;
  }

  /** munmap(address, length). Also used to drop the tail pages of a shrinking mremap. */
  unmap(address: number, length: number, countsAsMapping = true): void {
    const size = roundUpToPage(length);
    this.account(-size, countsAsMapping ? -1 : 0);
    let start = address;
    let end = address + size;
    // Merge with any touching holes; the list is short (arenas and big blocks only).
    for (let i = this.gapStarts.length - 1; i >= 0; i--) {
      if (this.gapEnds[i] === start || this.gapStarts[i] === end) {
        start = Math.min(start, this.gapStarts[i]);
        end = Math.max(end, this.gapEnds[i]);
        this.gapStarts.splice(i, 1);
        this.gapEnds.splice(i, 1);
      }
    }
    if (start === this.lowWater) {
      this.lowWater = end;
      return;
    }
    let insertAt = 0;
    while (insertAt < this.gapStarts.length && this.gapStarts[insertAt] > start) insertAt++;
    this.gapStarts.splice(insertAt, 0, start);
    this.gapEnds.splice(insertAt, 0, end);
  }

  /**
   * mremap growing in place: succeeds only when the pages just above the mapping are free,
   * which in a top-down layout is rare (the previous mapping usually sits there).
   */
  tryExtend(address: number, oldLength: number, newLength: number): boolean {
    const oldEnd = address + roundUpToPage(oldLength);
    const newEnd = address + roundUpToPage(newLength);
    if (newEnd <= oldEnd) return true;
    for (let i = 0; i < this.gapStarts.length; i++) {
      if (this.gapStarts[i] !== oldEnd) continue;
      if (this.gapEnds[i] < newEnd) return false;
      if (this.gapEnds[i] === newEnd) {
        this.gapStarts.splice(i, 1);
        this.gapEnds.splice(i, 1);
      } else {
        this.gapStarts[i] = newEnd;
      }
      this.account(newEnd - oldEnd, 0);
      return true;
    }
    return false;
  }

  /** The lowest address ever handed out (the mapping area grows down to here). */
  get lowestAddress(): number {
    return this.lowWater;
  }

  get bytesMapped(): number {
    return this.mappedBytes;
  }

  get mappings(): number {
    return this.mappingCount;
  }

  private account(bytes: number, mappings: number): void {
    this.mappedBytes += bytes;
    this.mappingCount += mappings;
  }
}

export function roundUpToPage(length: number): number {
  return Math.ceil(length / PAGE_SIZE) * PAGE_SIZE;
}
