// Objects/obmalloc.c: PyMem_RawMalloc/PyMem_Malloc/PyObject_Malloc and their realloc/free
// siblings, _PyObject_Malloc / _PyObject_Realloc / _PyObject_Free (pymalloc with the raw
// fallback and raw_allocated_blocks), _Py_GetAllocatedBlocks, PyMem_SetAllocator (as used
// by tracemalloc to observe every call), and the API-misuse checks of the debug hooks.

import { DOMAIN_MEM, DOMAIN_OBJ, DOMAIN_RAW } from "./api.js";
import type { AllocationHook, Domain } from "./api.js";
import { PyMalloc, REALLOC_NOT_OWNED } from "./obmalloc.js";
import type { ArenaSnapshot, PyMallocStats } from "./obmalloc.js";
import { MmapSpace } from "./mmap.js";
import { RawMalloc } from "./raw.js";
import type { RawMallocStats } from "./raw.js";

/** Raw-block tags: which family asked RawMalloc for the block (read by the debug checks). */
const TAG_RAW = 0;
const TAG_PYMALLOC_FALLBACK = 1;

const DOMAIN_NAMES = ["RAW", "MEM", "OBJ"] as const;
const FREE_NAMES = ["PyMem_RawFree", "PyMem_Free", "PyObject_Free"] as const;
const REALLOC_NAMES = ["PyMem_RawRealloc", "PyMem_Realloc", "PyObject_Realloc"] as const;

/** Thrown by the debug checks for a free or realloc of a block that is not live. */
export class AllocatorMisuseError extends Error {
  readonly operation: "free" | "realloc";
  readonly domain: Domain;
  readonly address: number;

  constructor(operation: "free" | "realloc", domain: Domain, address: number, problem: string) {
    const api = operation === "free" ? FREE_NAMES[domain] : REALLOC_NAMES[domain];
    super(`${operation} (${api}) in the ${DOMAIN_NAMES[domain]} domain: ${problem} 0x${address.toString(16)}`);
    this.name = "AllocatorMisuseError";
    this.operation = operation;
    this.domain = domain;
    this.address = address;
  }
}

export interface AllocatorOptions {
  /** Top of the simulated mmap area (page aligned). */
  mmapTop?: number;
  /** Start of the simulated brk heap. */
  heapStart?: number;
}

export interface AllocatorSnapshot {
  pymalloc: PyMallocStats;
  arenas: ArenaSnapshot[];
  raw: RawMallocStats;
  /** sys.getallocatedblocks(). */
  allocatedBlocks: number;
  /** MEM/OBJ requests that pymalloc declined and the raw allocator holds. */
  rawFallbackBlocks: number;
}

export class Allocator {
  readonly raw: RawMalloc;
  readonly pymalloc: PyMalloc;
  /** raw_allocated_blocks: MEM/OBJ blocks that went to the raw allocator and are still live. */
  private rawFallbackBlocks = 0;
  private hook: AllocationHook | null = null;
  private checking = false;
  /** True when either a hook or the debug checks are on: the only test on the fast paths. */
  private instrumented = false;

  constructor(options: AllocatorOptions = {}) {
    this.raw = new RawMalloc(new MmapSpace(options.mmapTop), options.heapStart);
    this.pymalloc = new PyMalloc(this.raw);
  }

  /** When on, free/realloc of an address that is not a live block of the domain throws. */
  get debugChecks(): boolean {
    return this.checking;
  }

  set debugChecks(on: boolean) {
    this.checking = on;
    this.instrumented = on || this.hook !== null;
  }

  /** Install (or remove, with null) the observer of every call in every domain. */
  setHook(hook: AllocationHook | null): void {
    this.hook = hook;
    this.instrumented = this.checking || hook !== null;
  }

  getHook(): AllocationHook | null {
    return this.hook;
  }

  /**
   * malloc(size). Returns 0 only when the simulated address space is exhausted (CPython
   * would return NULL and raise MemoryError); failed calls are not reported to the hook.
   */
  malloc(domain: Domain, size: number): number {
    const address = domain === DOMAIN_RAW ? this.raw.malloc(size, TAG_RAW) : this.pyMalloc(size);
    if (this.instrumented && this.hook !== null && address !== 0) this.hook.onMalloc(domain, address, size);
    return address;
  }

  /** calloc(count, each): the memory model has no contents, so this places like malloc. */
  calloc(domain: Domain, count: number, each: number): number {
    return this.malloc(domain, count * each);
  }

  /**
   * realloc(address, size). realloc(domain, 0, size) allocates; the hook then sees
   * onRealloc with oldAddress 0. On failure (0) the old block stays valid and the hook
   * hears nothing.
   */
  realloc(domain: Domain, address: number, size: number): number {
    if (this.instrumented) return this.reallocInstrumented(domain, address, size);
    return domain === DOMAIN_RAW ? this.raw.realloc(address, size) : this.pyRealloc(address, size);
  }

  /** free(address). free of 0 does nothing, as in C. */
  free(domain: Domain, address: number): void {
    if (this.instrumented) {
      this.freeInstrumented(domain, address);
      return;
    }
    if (domain === DOMAIN_RAW) this.raw.free(address);
    else this.pyFree(address);
  }

  /** sys.getallocatedblocks(): pymalloc blocks in use plus MEM/OBJ blocks held by raw. */
  getAllocatedBlocks(): number {
    return this.pymalloc.allocatedBlocks() + this.rawFallbackBlocks;
  }

  /** Bytes usable at a live address (the pymalloc block size, or malloc_usable_size). */
  usableSize(address: number): number {
    const blockSize = this.pymalloc.blockSize(address);
    return blockSize !== 0 ? blockSize : this.raw.usableSize(address);
  }

  /** Is `address` a live block of `domain` (MEM and OBJ share pymalloc and are not told apart)? */
  isLive(domain: Domain, address: number): boolean {
    return this.liveProblem(domain, address) === null;
  }

  /** Everything the playground shows, computed now (nothing here is maintained per call). */
  snapshot(): AllocatorSnapshot {
    const pymalloc = this.pymalloc.stats();
    return {
      pymalloc,
      arenas: this.pymalloc.snapshot(),
      raw: this.raw.stats(),
      allocatedBlocks: pymalloc.allocatedBlocks + this.rawFallbackBlocks,
      rawFallbackBlocks: this.rawFallbackBlocks,
    };
  }

  // ---------------------------------------------------------------- internals

  /** _PyObject_Malloc: pymalloc, else the raw allocator, counted in raw_allocated_blocks. */
  private pyMalloc(size: number): number {
    const address = this.pymalloc.malloc(size);
    if (address !== 0) return address;
    const fallback = this.raw.malloc(size, TAG_PYMALLOC_FALLBACK);
    if (fallback !== 0) this.rawFallbackBlocks++;
    return fallback;
  }

  /** _PyObject_Free: pymalloc if the address is in an arena, else the raw allocator. */
  private pyFree(address: number): void {
    if (address === 0 || this.pymalloc.free(address)) return;
    if (this.raw.free(address)) this.rawFallbackBlocks--;
  }

  /** _PyObject_Realloc: a raw block stays with raw whatever the new size. */
  private pyRealloc(address: number, size: number): number {
    if (address === 0) return this.pyMalloc(size);
    const result = this.pymalloc.realloc(address, size);
    if (result > 0) return result;
    if (result === REALLOC_NOT_OWNED) return this.raw.realloc(address, size);
    // Leaving pymalloc (0 bytes or > 512): allocate outside, then free the old block.
    const moved = this.pyMalloc(size);
    if (moved !== 0) this.pymalloc.free(address);
    return moved;
  }

  private reallocInstrumented(domain: Domain, address: number, size: number): number {
    if (this.checking && address !== 0) {
      const problem = this.liveProblem(domain, address);
      if (problem !== null) throw new AllocatorMisuseError("realloc", domain, address, problem);
    }
    const moved = domain === DOMAIN_RAW ? this.raw.realloc(address, size) : this.pyRealloc(address, size);
    if (this.hook !== null && moved !== 0) this.hook.onRealloc(domain, address, moved, size);
    return moved;
  }

  private freeInstrumented(domain: Domain, address: number): void {
    if (address === 0) return;
    if (this.checking) {
      const problem = this.liveProblem(domain, address);
      if (problem !== null) throw new AllocatorMisuseError("free", domain, address, problem);
    }
    if (domain === DOMAIN_RAW) this.raw.free(address);
    else this.pyFree(address);
    if (this.hook !== null) this.hook.onFree(domain, address);
  }

  /** Why `address` is not a live block of `domain`, or null if it is. */
  private liveProblem(domain: Domain, address: number): string | null {
    if (domain === DOMAIN_MEM || domain === DOMAIN_OBJ) {
      const status = this.pymalloc.blockStatus(address);
      if (status === "allocated") return null;
      if (status === "free") return "double free of";
      if (status !== "foreign") return "address that is not an allocated block:";
    }
    if (this.raw.isLive(address)) {
      const fromPymallocFamily = this.raw.tagOf(address) === TAG_PYMALLOC_FALLBACK;
      if (fromPymallocFamily === (domain !== DOMAIN_RAW)) return null;
      return fromPymallocFamily
        ? "block allocated by PyMem_Malloc/PyObject_Malloc, not the RAW domain:"
        : "block allocated by PyMem_RawMalloc, not this domain:";
    }
    if (this.raw.isFreed(address)) return "double free of";
    if (domain === DOMAIN_RAW && this.pymalloc.owns(address)) return "pymalloc block, not a RAW-domain block:";
    return "unknown address";
  }
}
