// The allocator part of the trace: pymalloc's arenas and pools, kept up to date from the
// allocation hook, plus what tracemalloc would count (bytes and blocks allocated since the
// start). Mirrors Objects/obmalloc.c's geometry (pools of 16 KiB inside 1 MiB arenas) from
// the outside: it reads the allocator model's snapshot when the set of pools may have
// changed and otherwise counts blocks per pool itself.

import { allocator } from "../runtime/heap.js";
import {
  ARENA_SIZE, DOMAIN_RAW, POOL_SIZE, SMALL_REQUEST_THRESHOLD, sizeClassIndex, type AllocationHook, type Domain,
} from "../memory/index.js";
import { EV_ARENAS, EV_POOL } from "./log.js";
import type { TraceWriter } from "./writer.js";

export class PoolTracker implements AllocationHook {
  /**
   * The hook that was installed before ours: we pass every call on. tracemalloc.start()
   * chains ours behind its own in the same way, and stop() puts ours back.
   */
  next: AllocationHook | null = null;
  /** Counting starts at the program's first line. */
  counting = false;
  tracedBytes = 0;
  blocks = 0;
  private readonly sizes = new Map<number, number>();

  private readonly poolIndex = new Map<number, number>();
  private poolClass: number[] = [];
  private poolUsed: number[] = [];
  private emittedClass: number[] = [];
  private emittedUsed: number[] = [];
  private readonly dirty: number[] = [];
  private readonly isDirty: boolean[] = [];
  private needResync = true;

  private readonly arenaIndex = new Map<number, number>();
  private arenaLive: number[] = [];
  private arenaRanges: { base: number; end: number }[] = [];
  private emittedArenas = "";

  constructor(private readonly writer: TraceWriter) {}

  /** Chains in front of whatever hook is installed now. */
  install(): void {
    const current = allocator.getHook();
    if (current !== this) this.next = current;
    allocator.setHook(this);
  }

  uninstall(): void {
    if (allocator.getHook() === this) allocator.setHook(this.next);
  }

  /** Called at the program's first line: counts start from here. */
  begin(): void {
    this.counting = true;
    this.tracedBytes = 0;
    this.sizes.clear();
    this.blocks = allocator.getAllocatedBlocks();
    this.needResync = true;
  }

  onMalloc(domain: Domain, address: number, size: number): void {
    if (this.counting) this.allocated(domain, address, size);
    const next = this.next;
    if (next !== null) next.onMalloc(domain, address, size);
  }

  onRealloc(domain: Domain, oldAddress: number, newAddress: number, newSize: number): void {
    if (this.counting) {
      if (oldAddress === 0) {
        this.allocated(domain, newAddress, newSize);
      } else if (oldAddress === newAddress) {
        const old = this.sizes.get(oldAddress);
        if (old !== undefined && old > 0) this.tracedBytes += newSize - old;
        this.sizes.set(newAddress, newSize);
      } else {
        this.freed(domain, oldAddress);
        this.allocated(domain, newAddress, newSize);
      }
    }
    const next = this.next;
    if (next !== null) next.onRealloc(domain, oldAddress, newAddress, newSize);
  }

  onFree(domain: Domain, address: number): void {
    if (this.counting) this.freed(domain, address);
    const next = this.next;
    if (next !== null) next.onFree(domain, address);
  }

  private allocated(domain: Domain, address: number, size: number): void {
    this.tracedBytes += size;
    this.sizes.set(address, size);
    if (domain === DOMAIN_RAW) return;
    this.blocks++;
    if (size < 1 || size > SMALL_REQUEST_THRESHOLD) return;
    const poolAddress = Math.floor(address / POOL_SIZE) * POOL_SIZE;
    const pool = this.poolIndex.get(poolAddress);
    if (pool === undefined) {
      if (this.inKnownArena(poolAddress)) this.addPool(poolAddress, sizeClassIndex(size), 1);
      else this.needResync = true;
      return;
    }
    if (this.poolUsed[pool] === 0) this.poolClass[pool] = sizeClassIndex(size);
    this.poolUsed[pool]!++;
    this.markDirty(pool);
  }

  private freed(domain: Domain, address: number): void {
    const size = this.sizes.get(address);
    if (size !== undefined && size > 0) {
      this.tracedBytes -= size;
      // Zeroed, not deleted: blocks are reused LIFO, and a JS Map that deletes and re-adds the
      // same keys keeps the dead entries in its chains until it rehashes (quadratic slowdown).
      this.sizes.set(address, 0);
    }
    if (domain === DOMAIN_RAW) return;
    this.blocks--;
    const pool = this.poolIndex.get(Math.floor(address / POOL_SIZE) * POOL_SIZE);
    if (pool === undefined || this.poolUsed[pool] === 0) return;
    const used = --this.poolUsed[pool]!;
    this.markDirty(pool);
    // The last block of a pool: its arena may have been handed back.
    if (used === 0 && !allocator.pymalloc.owns(address)) this.needResync = true;
  }

  private markDirty(pool: number): void {
    if (this.isDirty[pool]) return;
    this.isDirty[pool] = true;
    this.dirty.push(pool);
  }

  private inKnownArena(address: number): boolean {
    for (const a of this.arenaLive) {
      const r = this.arenaRanges[a]!;
      if (address >= r.base && address < r.end) return true;
    }
    return false;
  }

  private addPool(address: number, sizeClass: number, used: number): number {
    const index = this.writer.addPool(address);
    this.poolIndex.set(address, index);
    this.poolClass[index] = sizeClass;
    this.poolUsed[index] = used;
    this.emittedClass[index] = -2;
    this.emittedUsed[index] = -1;
    this.markDirty(index);
    return index;
  }

  /** Reads the model's arenas and pools and brings ours in line with them. */
  private resync(): void {
    this.needResync = false;
    const arenas = allocator.snapshot().arenas;
    const live: number[] = [];
    const seen = new Set<number>();
    for (const arena of arenas) {
      let a = this.arenaIndex.get(arena.base);
      if (a === undefined) {
        a = this.writer.addArena(arena.base, arena.firstPoolAddress, arena.totalPools);
        this.arenaIndex.set(arena.base, a);
        this.arenaRanges[a] = { base: arena.base, end: arena.base + ARENA_SIZE };
      }
      live.push(a);
      for (const pool of arena.pools) {
        let index = this.poolIndex.get(pool.address);
        if (index === undefined) index = this.addPool(pool.address, pool.sizeClass, pool.blocksInUse);
        seen.add(index);
        if (this.poolClass[index] !== pool.sizeClass || this.poolUsed[index] !== pool.blocksInUse) {
          this.poolClass[index] = pool.sizeClass;
          this.poolUsed[index] = pool.blocksInUse;
          this.markDirty(index);
        }
      }
    }
    // Pools of arenas handed back hold nothing any more.
    for (const index of this.poolIndex.values()) {
      if (!seen.has(index) && this.poolUsed[index] !== 0) {
        this.poolUsed[index] = 0;
        this.markDirty(index);
      }
    }
    this.arenaLive = live;
    const key = live.join(",");
    if (key !== this.emittedArenas) {
      this.emittedArenas = key;
      this.writer.emitList(EV_ARENAS, live);
    }
  }

  /** End of a step: the pools whose state changed. */
  flush(): void {
    if (this.needResync) this.resync();
    for (const pool of this.dirty) {
      this.isDirty[pool] = false;
      const cls = this.poolClass[pool]!;
      const used = this.poolUsed[pool]!;
      if (cls === this.emittedClass[pool] && used === this.emittedUsed[pool]) continue;
      this.emittedClass[pool] = cls;
      this.emittedUsed[pool] = used;
      this.writer.emit3(EV_POOL, pool, cls, used);
    }
    this.dirty.length = 0;
  }
}
