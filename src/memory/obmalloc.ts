// Objects/obmalloc.c (CPython 3.11): pymalloc_alloc, pymalloc_pool_extend,
// allocate_from_new_pool, new_arena, pymalloc_free, insert_to_usedpool, insert_to_freepool,
// pymalloc_realloc, address_in_range / arena_map_mark_used (radix tree),
// _Py_GetAllocatedBlocks and the arena walk of _PyObject_DebugMallocStats.
//
// Layout of the model. Nothing here allocates JS objects per malloc/free:
// - An arena is identified by its descriptor index `a` (its slot in CPython's `arenas`
//   vector); descriptor fields are columns indexed by `a`.
// - A pool is identified by `(a << 6) | poolIndexInArena`, where poolIndexInArena counts
//   from the arena's first 16 KiB-aligned address. Pool header fields are columns indexed
//   by that id. Block offsets are byte offsets from the pool's start (0 means "none": it is
//   the header, never a block).
// - The "next" link a free block would hold in its first word lives in `blockNext`, at
//   `(pool << 10) | (offset >> 4)`.
// - Address -> pool (the free path) goes through `poolByFrame`, indexed by the 16 KiB frame
//   of the address counted down from the top of the mmap area: one load finds the pool.
// - Address -> arena (address_in_range, which also covers an arena's misaligned head and
//   its uncarved pools) goes through `arenaBySlot`, indexed by the 1 MiB-aligned ("ideal")
//   slot an arena starts in. An address can only belong to the arena starting in its own
//   slot or the one below, exactly the two cases the 3.11 radix tree checks.

import { RawMalloc } from "./raw.js";

export const ALIGNMENT = 16;
export const ALIGNMENT_SHIFT = 4;
export const SMALL_REQUEST_THRESHOLD = 512;
export const NB_SMALL_SIZE_CLASSES = SMALL_REQUEST_THRESHOLD / ALIGNMENT;
export const POOL_BITS = 14;
export const POOL_SIZE = 1 << POOL_BITS;
export const POOL_OVERHEAD = 48;
export const ARENA_BITS = 20;
export const ARENA_SIZE = 1 << ARENA_BITS;
export const MAX_POOLS_IN_ARENA = ARENA_SIZE / POOL_SIZE;
export const INITIAL_ARENA_OBJECTS = 16;
/** sizeof(struct arena_object) on 64-bit: the descriptor vector lives in the RAW domain. */
export const ARENA_OBJECT_SIZE = 48;
/**
 * Descriptor vector limit. Past it new_arena fails the way a failed mmap does, and
 * allocations fall back to the raw allocator (as _PyObject_Malloc does on NULL).
 */
export const MAX_ARENA_OBJECTS = 1 << 14;

/** Radix-tree node sizes on 64-bit: root and mid hold 2^15 pointers, a bottom node 2^14 int32 pairs. */
export const ARENA_MAP_ROOT_BYTES = (1 << 15) * 8;
export const ARENA_MAP_MID_BYTES = (1 << 15) * 8;
export const ARENA_MAP_BOT_BYTES = (1 << 14) * 8;
/** Address bits above which a mid node (2^49) or a bottom node (2^34) is selected. */
const MAP_TOP_SPAN = 2 ** 49;
const MAP_MID_SPAN = 2 ** 34;

const INVERSE_POOL_SIZE = 1 / POOL_SIZE;
/** log2 of the pool-id stride per arena (64 pools). */
const POOLS_PER_ARENA_SHIFT = 6;
/** log2 of the block-link slots per pool (1024 slots of 16 bytes cover a pool). */
const LINKS_PER_POOL_SHIFT = POOL_BITS - ALIGNMENT_SHIFT;
/** Pool-size-class value of a pool that has been carved but never initialised (DUMMY_SIZE_IDX). */
const NO_SIZE_CLASS = -1;
/** Null link for pool and arena lists. */
const NONE = -1;
/** Pool storage for this many arenas is reserved up front; it doubles on demand. */
const INITIAL_POOL_STORAGE_ARENAS = 4;

/** Size-class index for a request, or -1 when pymalloc declines it (0 bytes or > 512). */
export function sizeClassIndex(size: number): number {
  if (!(size >= 1 && size <= SMALL_REQUEST_THRESHOLD)) return -1;
  return (size - 1) >> ALIGNMENT_SHIFT;
}

/** Block size of a size class (INDEX2SIZE). */
export function sizeClassBytes(sizeClass: number): number {
  return (sizeClass + 1) << ALIGNMENT_SHIFT;
}

/** Blocks per 16 KiB pool for a size class (NUMBLOCKS). */
export function blocksPerPool(sizeClass: number): number {
  return Math.floor((POOL_SIZE - POOL_OVERHEAD) / sizeClassBytes(sizeClass));
}

export type PoolState = "used" | "full" | "empty";

export interface PoolSnapshot {
  address: number;
  /** Position among the arena's pools, counted from its first pool-aligned address. */
  indexInArena: number;
  /** Size class of the pool's current (or, for an empty pool, last) use; -1 if never used. */
  sizeClass: number;
  blockSize: number;
  state: PoolState;
  blocksInUse: number;
  blocksTotal: number;
  /** Blocks never handed out yet (beyond nextoffset). */
  virginBlocks: number;
}

export interface ArenaSnapshot {
  /** Index in the arena descriptor vector. */
  descriptor: number;
  base: number;
  firstPoolAddress: number;
  totalPools: number;
  /** Empty pools plus pools never carved (nfreepools). */
  freePools: number;
  /** Pools carved so far; the rest of the arena has never been touched. */
  carvedPools: number;
  /** The carved pools, in address order. */
  pools: PoolSnapshot[];
}

export interface SizeClassStats {
  sizeClass: number;
  blockSize: number;
  /** Used plus full pools of this class. */
  pools: number;
  blocksInUse: number;
  /** Free blocks in those pools, never-used ones included. */
  availableBlocks: number;
}

export interface PyMallocStats {
  arenasAllocatedTotal: number;
  arenasReclaimed: number;
  arenasHighwater: number;
  arenasCurrent: number;
  /** Σ nfreepools over live arenas: empty pools plus never-carved pools. */
  unusedPools: number;
  /** Live arenas whose base is not 16 KiB aligned (each loses one pool). */
  misalignedArenas: number;
  /** All 32 classes, index = size class. */
  classes: SizeClassStats[];
  allocatedBlocks: number;
  arenaMapMidNodes: number;
  arenaMapBotNodes: number;
  /** Size of the arena descriptor vector (maxarenas). */
  arenaDescriptors: number;
}

/** Result of {@link PyMalloc.realloc} for an address that is not pymalloc's. */
export const REALLOC_NOT_OWNED = -1;

export class PyMalloc {
  /** The RAW-domain allocator: pymalloc's own bookkeeping comes from it, and so does its mmap. */
  readonly raw: RawMalloc;
  /**
   * Called just before each new arena is mapped, as PYTHONMALLOCSTATS=1 makes new_arena
   * print the statistics. Not on any hot path.
   */
  beforeNewArena: (() => void) | null = null;

  // --- usedpools: per class, a doubly linked list of pools with free and used blocks.
  private readonly usedHead = new Int32Array(NB_SMALL_SIZE_CLASSES).fill(NONE);
  private readonly usedTail = new Int32Array(NB_SMALL_SIZE_CLASSES).fill(NONE);

  // --- pool header columns, indexed by pool id.
  private poolAddress = new Float64Array(0);
  private poolCount = new Int32Array(0);
  private poolFreeblock = new Int32Array(0);
  private poolNext = new Int32Array(0);
  private poolPrev = new Int32Array(0);
  private poolSizeClass = new Int32Array(0);
  private poolNextOffset = new Int32Array(0);
  private poolMaxNextOffset = new Int32Array(0);
  private blockNext = new Uint16Array(0);
  private poolStorageArenas = 0;

  // --- arena descriptor columns, indexed by descriptor (capacity = maxarenas).
  private arenaBase = new Float64Array(0);
  private arenaFirstPool = new Float64Array(0);
  private arenaCarved = new Int32Array(0);
  private arenaFreeCount = new Int32Array(0);
  private arenaTotalPools = new Int32Array(0);
  private arenaFreePools = new Int32Array(0);
  private arenaNext = new Int32Array(0);
  private arenaPrev = new Int32Array(0);
  private maxarenas = 0;
  /** RAW-domain address of the descriptor vector (0 until the first arena). */
  private arenaVector = 0;

  private unusedArenaObjects = NONE;
  private usableArenas = NONE;
  /** nfp2lasta[n]: the rightmost arena in usable_arenas with n free pools. */
  private readonly nfp2lasta = new Int32Array(MAX_POOLS_IN_ARENA + 1).fill(NONE);

  private narenasCurrentlyAllocated = 0;
  private ntimesArenaAllocated = 0;
  private narenasHighwater = 0;

  // --- address -> pool: 1 + pool id of the carved pool in each 16 KiB frame (0: none).
  private poolByFrame = new Int32Array(0);
  private frameLimit = 0;
  private readonly topFrame: number;

  // --- address -> arena.
  /** 1 + descriptor of the arena starting in each ideal slot (0: none), by slot below the top. */
  private arenaBySlot = new Int32Array(0);
  /** Lookups accept slots below this bound (the table length minus one). */
  private slotLimit = 0;
  private readonly topSlot: number;

  // --- radix tree nodes ever created (CPython never frees them).
  private readonly arenaMapMids = new Set<number>();
  private readonly arenaMapBots = new Set<number>();

  constructor(raw: RawMalloc = new RawMalloc()) {
    this.raw = raw;
    this.topSlot = Math.floor((raw.mmap.top - 1) / ARENA_SIZE);
    this.topFrame = Math.floor((raw.mmap.top - 1) / POOL_SIZE);
  }

  /** PyObject_Malloc's pymalloc half: a block address, or 0 when pymalloc declines. */
  malloc(size: number): number {
    if (!(size >= 1 && size <= SMALL_REQUEST_THRESHOLD)) return 0;
    const sizeClass = (size - 1) >> ALIGNMENT_SHIFT;
    const pool = this.usedHead[sizeClass];
    if (pool >= 0) {
      this.poolCount[pool]++;
      const offset = this.poolFreeblock[pool];
      const next = this.blockNext[(pool << LINKS_PER_POOL_SHIFT) | (offset >> ALIGNMENT_SHIFT)];
      if (next !== 0) this.poolFreeblock[pool] = next;
      else this.extendOrRetirePool(pool, sizeClass);
      return this.poolAddress[pool] + offset;
    }
    return this.allocateFromNewPool(sizeClass);
  }

  /**
   * PyObject_Free's pymalloc half. Returns false when the address is not in a pymalloc arena,
   * so the caller forwards it to the raw allocator. Like CPython, it trusts the caller: a
   * double free or an interior pointer corrupts the pool (the Allocator's debugChecks catch
   * those first).
   */
  free(address: number): boolean {
    // Multiplying by 2^-14 is exact and cheaper than dividing; the `| 0` tells the compiler
    // the offset (always < 16384 here) is a small integer.
    const frame = Math.floor(address * INVERSE_POOL_SIZE);
    const frameIndex = this.topFrame - frame;
    if (!(frameIndex >= 0 && frameIndex < this.frameLimit)) return false;
    const pool = this.poolByFrame[frameIndex] - 1;
    // No carved pool here: still pymalloc's if inside an arena (its misaligned head or an
    // uncarved pool), though no block lives there.
    if (pool < 0) return this.arenaIndexOf(address) >= 0;
    const offset = (address - frame * POOL_SIZE) | 0;
    const lastFree = this.poolFreeblock[pool];
    this.blockNext[(pool << LINKS_PER_POOL_SHIFT) | (offset >> ALIGNMENT_SHIFT)] = lastFree;
    this.poolFreeblock[pool] = offset;
    const count = this.poolCount[pool] - 1;
    this.poolCount[pool] = count;
    if (lastFree === 0) {
      // It was full, hence on no list: back into the used list, at the tail.
      this.insertToUsedpool(pool);
      return true;
    }
    if (count !== 0) return true;
    this.insertToFreepool(pool);
    return true;
  }

  /**
   * pymalloc_realloc. For a pymalloc block: the same address when the new size still fits
   * and saves less than a quarter, else a new pymalloc block (the old one is freed). Returns
   * 0 when the new size must come from outside pymalloc (0 bytes, > 512, or no arena
   * available); the old block is then left allocated for the caller to copy and free.
   * Returns REALLOC_NOT_OWNED for an address outside pymalloc's arenas.
   */
  realloc(address: number, size: number): number {
    const blockSize = this.blockSize(address);
    if (blockSize === 0) return REALLOC_NOT_OWNED;
    if (size <= blockSize && 4 * size > 3 * blockSize) return address;
    const moved = this.malloc(size);
    if (moved !== 0) this.free(address);
    return moved;
  }

  /** address_in_range: is this address inside one of pymalloc's live arenas? */
  owns(address: number): boolean {
    return this.arenaIndexOf(address) >= 0;
  }

  /** Block size of the pool holding `address`, or 0 when it is not inside a carved pool. */
  blockSize(address: number): number {
    const pool = this.poolOf(address);
    if (pool < 0) return 0;
    const sizeClass = this.poolSizeClass[pool];
    return sizeClass < 0 ? 0 : sizeClassBytes(sizeClass);
  }

  /**
   * Exact check that `address` is a block currently handed out. O(free-list length): for
   * debugging and tests, never on the hot path.
   */
  isAllocated(address: number): boolean {
    return this.blockStatus(address) === "allocated";
  }

  /**
   * What `address` is to pymalloc: "allocated"; "free" (a block on its pool's free list or
   * in an empty pool: freeing it would be a double free); "virgin" (a block position never
   * handed out); "invalid" (inside an arena but not the start of a block); "foreign".
   */
  blockStatus(address: number): "allocated" | "free" | "virgin" | "invalid" | "foreign" {
    const arena = this.arenaIndexOf(address);
    if (arena < 0) return "foreign";
    const pool = this.poolOf(address);
    if (pool < 0) return "invalid";
    const sizeClass = this.poolSizeClass[pool];
    if (sizeClass < 0) return "invalid";
    const blockBytes = sizeClassBytes(sizeClass);
    const offset = address - this.poolAddress[pool];
    if (offset < POOL_OVERHEAD || (offset - POOL_OVERHEAD) % blockBytes !== 0) return "invalid";
    if (offset > POOL_SIZE - blockBytes) return "invalid";
    if (offset >= this.poolNextOffset[pool]) return "virgin";
    if (this.poolCount[pool] === 0) return "free";
    const linkBase = pool << LINKS_PER_POOL_SHIFT;
    for (let free = this.poolFreeblock[pool]; free !== 0; free = this.blockNext[linkBase | (free >> ALIGNMENT_SHIFT)]) {
      if (free === offset) return "free";
    }
    return "allocated";
  }

  /** _Py_GetAllocatedBlocks without the raw part: blocks handed out by pymalloc. */
  allocatedBlocks(): number {
    let total = 0;
    for (let arena = 0; arena < this.maxarenas; arena++) {
      if (this.arenaBase[arena] === 0) continue;
      const firstPool = arena << POOLS_PER_ARENA_SHIFT;
      const carved = this.arenaCarved[arena];
      for (let i = 0; i < carved; i++) total += this.poolCount[firstPool + i];
    }
    return total;
  }

  /** Counters and per-class figures, computed on demand by walking the arenas. */
  stats(): PyMallocStats {
    const classes: SizeClassStats[] = [];
    for (let c = 0; c < NB_SMALL_SIZE_CLASSES; c++) {
      classes.push({ sizeClass: c, blockSize: sizeClassBytes(c), pools: 0, blocksInUse: 0, availableBlocks: 0 });
    }
    let unusedPools = 0;
    let misalignedArenas = 0;
    let allocatedBlocks = 0;
    for (let arena = 0; arena < this.maxarenas; arena++) {
      const base = this.arenaBase[arena];
      if (base === 0) continue;
      unusedPools += this.arenaFreeCount[arena];
      if (base % POOL_SIZE !== 0) misalignedArenas++;
      const firstPool = arena << POOLS_PER_ARENA_SHIFT;
      const carved = this.arenaCarved[arena];
      for (let i = 0; i < carved; i++) {
        const count = this.poolCount[firstPool + i];
        if (count === 0) continue;
        const entry = classes[this.poolSizeClass[firstPool + i]];
        entry.pools++;
        entry.blocksInUse += count;
        entry.availableBlocks += blocksPerPool(entry.sizeClass) - count;
        allocatedBlocks += count;
      }
    }
    return {
      arenasAllocatedTotal: this.ntimesArenaAllocated,
      arenasReclaimed: this.ntimesArenaAllocated - this.narenasCurrentlyAllocated,
      arenasHighwater: this.narenasHighwater,
      arenasCurrent: this.narenasCurrentlyAllocated,
      unusedPools,
      misalignedArenas,
      classes,
      allocatedBlocks,
      arenaMapMidNodes: this.arenaMapMids.size,
      arenaMapBotNodes: this.arenaMapBots.size,
      arenaDescriptors: this.maxarenas,
    };
  }

  /** Every live arena with its carved pools, in descriptor order (the order CPython walks). */
  snapshot(): ArenaSnapshot[] {
    const arenas: ArenaSnapshot[] = [];
    for (let arena = 0; arena < this.maxarenas; arena++) {
      const base = this.arenaBase[arena];
      if (base === 0) continue;
      const carved = this.arenaCarved[arena];
      const pools: PoolSnapshot[] = [];
      for (let i = 0; i < carved; i++) {
        const pool = (arena << POOLS_PER_ARENA_SHIFT) | i;
        const sizeClass = this.poolSizeClass[pool];
        const count = this.poolCount[pool];
        const total = sizeClass < 0 ? 0 : blocksPerPool(sizeClass);
        const blockBytes = sizeClass < 0 ? 0 : sizeClassBytes(sizeClass);
        const handedOut = sizeClass < 0 ? 0 : (this.poolNextOffset[pool] - POOL_OVERHEAD) / blockBytes;
        pools.push({
          address: this.poolAddress[pool],
          indexInArena: i,
          sizeClass,
          blockSize: blockBytes,
          state: count === 0 ? "empty" : count === total ? "full" : "used",
          blocksInUse: count,
          blocksTotal: total,
          virginBlocks: Math.max(0, total - handedOut),
        });
      }
      arenas.push({
        descriptor: arena,
        base,
        firstPoolAddress: this.arenaFirstPool[arena],
        totalPools: this.arenaTotalPools[arena],
        freePools: this.arenaFreeCount[arena],
        carvedPools: carved,
        pools,
      });
    }
    return arenas;
  }

  /** Descriptors of usable_arenas, head first (fewest free pools first). */
  usableArenaOrder(): number[] {
    const order: number[] = [];
    for (let a = this.usableArenas; a !== NONE; a = this.arenaNext[a]) order.push(a);
    return order;
  }

  /** Addresses of the pools in usedpools[sizeClass], head first (the next to serve). */
  usedPoolOrder(sizeClass: number): number[] {
    const order: number[] = [];
    for (let p = this.usedHead[sizeClass]; p !== NONE; p = this.poolNext[p]) order.push(this.poolAddress[p]);
    return order;
  }

  /** Base address of the arena descriptor `descriptor`, 0 if it has no arena. */
  arenaBaseOf(descriptor: number): number {
    return descriptor < this.maxarenas ? this.arenaBase[descriptor] : 0;
  }

  /** Descriptor of the arena holding `address`, or -1. */
  arenaOf(address: number): number {
    return this.arenaIndexOf(address);
  }

  /**
   * Walk every structure and throw on the first inconsistency: list links, the sort order
   * of usable_arenas and its nfp2lasta fingers, pool states against their lists, free-list
   * lengths against counts. O(heap); for tests and debugging.
   */
  verifyInvariants(): void {
    const fail = (what: string): never => {
      throw new Error(`pymalloc invariant broken: ${what}`);
    };
    const onUsable = new Set<number>();
    let previous = NONE;
    for (let a = this.usableArenas; a !== NONE; a = this.arenaNext[a]) {
      if (onUsable.has(a)) fail(`usable_arenas loops at descriptor ${a}`);
      onUsable.add(a);
      if (this.arenaBase[a] === 0) fail(`usable arena ${a} has no memory`);
      if (this.arenaPrev[a] !== previous) fail(`usable arena ${a} has a wrong back link`);
      const free = this.arenaFreeCount[a];
      if (free <= 0) fail(`usable arena ${a} has no free pool`);
      if (previous !== NONE && this.arenaFreeCount[previous] > free) fail(`usable_arenas not sorted at ${a}`);
      const next = this.arenaNext[a];
      const isLastWithCount = next === NONE || this.arenaFreeCount[next] !== free;
      if (isLastWithCount && this.nfp2lasta[free] !== a) fail(`nfp2lasta[${free}] should be ${a}`);
      previous = a;
    }
    for (let n = 1; n <= MAX_POOLS_IN_ARENA; n++) {
      const finger = this.nfp2lasta[n];
      if (finger !== NONE && (!onUsable.has(finger) || this.arenaFreeCount[finger] !== n)) {
        fail(`nfp2lasta[${n}] points at descriptor ${finger}`);
      }
    }
    let live = 0;
    for (let a = 0; a < this.maxarenas; a++) {
      if (this.arenaBase[a] === 0) continue;
      live++;
      if (!onUsable.has(a) && this.arenaFreeCount[a] !== 0) fail(`arena ${a} has free pools but is not usable`);
      let emptyPools = 0;
      for (let p = this.arenaFreePools[a]; p !== NONE; p = this.poolNext[p]) {
        if (this.poolCount[p] !== 0) fail(`pool ${p} on freepools is not empty`);
        if (++emptyPools > MAX_POOLS_IN_ARENA) fail(`freepools of arena ${a} loops`);
      }
      const neverCarved = this.arenaTotalPools[a] - this.arenaCarved[a];
      if (emptyPools + neverCarved !== this.arenaFreeCount[a]) fail(`arena ${a} nfreepools is off`);
      for (let i = 0; i < this.arenaCarved[a]; i++) {
        const pool = (a << POOLS_PER_ARENA_SHIFT) | i;
        const count = this.poolCount[pool];
        if (count === 0) continue;
        const sizeClass = this.poolSizeClass[pool];
        const blockBytes = sizeClassBytes(sizeClass);
        const handedOut = (this.poolNextOffset[pool] - POOL_OVERHEAD) / blockBytes;
        let freeBlocks = 0;
        const linkBase = pool << LINKS_PER_POOL_SHIFT;
        for (let f = this.poolFreeblock[pool]; f !== 0; f = this.blockNext[linkBase | (f >> ALIGNMENT_SHIFT)]) {
          if (++freeBlocks > blocksPerPool(sizeClass)) fail(`free list of pool ${pool} loops`);
        }
        if (freeBlocks + count !== handedOut) fail(`pool ${pool}: ${freeBlocks} free + ${count} used != ${handedOut}`);
        const full = count === blocksPerPool(sizeClass);
        if (full !== (this.poolFreeblock[pool] === 0)) fail(`pool ${pool} full state disagrees with its free list`);
        if (!full && !this.usedPoolOrder(sizeClass).includes(this.poolAddress[pool])) {
          fail(`used pool ${pool} missing from usedpools[${sizeClass}]`);
        }
      }
    }
    if (live !== this.narenasCurrentlyAllocated) fail("narenas_currently_allocated is off");
    let unused = 0;
    for (let a = this.unusedArenaObjects; a !== NONE; a = this.arenaNext[a]) {
      if (this.arenaBase[a] !== 0) fail(`descriptor ${a} is on the unused list but has memory`);
      if (++unused > this.maxarenas) fail("unused_arena_objects loops");
    }
    if (unused + live !== this.maxarenas) fail("descriptors are lost");
    for (let c = 0; c < NB_SMALL_SIZE_CLASSES; c++) {
      let prev = NONE;
      for (let p = this.usedHead[c]; p !== NONE; p = this.poolNext[p]) {
        if (this.poolPrev[p] !== prev) fail(`usedpools[${c}] has a wrong back link at ${p}`);
        const count = this.poolCount[p];
        if (this.poolSizeClass[p] !== c || count === 0 || count === blocksPerPool(c)) {
          fail(`pool ${p} on usedpools[${c}] is not a used pool of that class`);
        }
        prev = p;
      }
      if (this.usedTail[c] !== prev) fail(`usedpools[${c}] tail is off`);
    }
  }

  // ---------------------------------------------------------------- internals

  private arenaIndexOf(address: number): number {
    const slot = this.topSlot - Math.floor(address / ARENA_SIZE);
    if (!(slot >= 0 && slot < this.slotLimit)) return -1;
    let arena = this.arenaBySlot[slot] - 1;
    if (arena >= 0 && address >= this.arenaBase[arena]) return arena;
    arena = this.arenaBySlot[slot + 1] - 1;
    if (arena >= 0 && address < this.arenaBase[arena] + ARENA_SIZE) return arena;
    return -1;
  }

  /** Pool id of the carved pool holding `address`, or -1. */
  private poolOf(address: number): number {
    const frameIndex = this.topFrame - Math.floor(address / POOL_SIZE);
    if (!(frameIndex >= 0 && frameIndex < this.frameLimit)) return -1;
    return this.poolByFrame[frameIndex] - 1;
  }

  /** The free list ran dry: hand out the next virgin block, or retire the pool as full. */
  private extendOrRetirePool(pool: number, sizeClass: number): void {
    const nextOffset = this.poolNextOffset[pool];
    if (nextOffset <= this.poolMaxNextOffset[pool]) {
      this.poolFreeblock[pool] = nextOffset;
      this.poolNextOffset[pool] = nextOffset + ((sizeClass + 1) << ALIGNMENT_SHIFT);
      this.blockNext[(pool << LINKS_PER_POOL_SHIFT) | (nextOffset >> ALIGNMENT_SHIFT)] = 0;
      return;
    }
    this.poolFreeblock[pool] = 0;
    this.unlinkUsedPool(pool, sizeClass);
  }

  private allocateFromNewPool(sizeClass: number): number {
    if (this.usableArenas === NONE) {
      const fresh = this.newArena();
      if (fresh === NONE) return 0;
      this.usableArenas = fresh;
      this.arenaNext[fresh] = NONE;
      this.arenaPrev[fresh] = NONE;
      this.nfp2lasta[this.arenaFreeCount[fresh]] = fresh;
    }
    const arena = this.usableArenas;
    const freeBefore = this.arenaFreeCount[arena];
    // The head already has the fewest free pools, so taking one keeps the list sorted;
    // only the fingers need updating.
    if (this.nfp2lasta[freeBefore] === arena) this.nfp2lasta[freeBefore] = NONE;
    if (freeBefore > 1) this.nfp2lasta[freeBefore - 1] = arena;

    let pool = this.arenaFreePools[arena];
    if (pool !== NONE) {
      this.arenaFreePools[arena] = this.poolNext[pool];
    } else {
      const carved = this.arenaCarved[arena];
      pool = (arena << POOLS_PER_ARENA_SHIFT) | carved;
      const poolAddress = this.arenaFirstPool[arena] + carved * POOL_SIZE;
      this.poolAddress[pool] = poolAddress;
      this.poolByFrame[this.topFrame - poolAddress / POOL_SIZE] = pool + 1;
      this.poolSizeClass[pool] = NO_SIZE_CLASS;
      this.poolCount[pool] = 0;
      this.arenaCarved[arena] = carved + 1;
    }
    this.arenaFreeCount[arena] = freeBefore - 1;
    if (freeBefore === 1) {
      // Wholly allocated: off the usable list.
      const next = this.arenaNext[arena];
      this.usableArenas = next;
      if (next !== NONE) this.arenaPrev[next] = NONE;
      this.arenaNext[arena] = NONE;
      this.arenaPrev[arena] = NONE;
    }

    // The class list is empty here, so front and back are the same place.
    this.usedHead[sizeClass] = pool;
    this.usedTail[sizeClass] = pool;
    this.poolNext[pool] = NONE;
    this.poolPrev[pool] = NONE;
    this.poolCount[pool] = 1;
    if (this.poolSizeClass[pool] === sizeClass) {
      // Last served this class: header and free list are still valid.
      const offset = this.poolFreeblock[pool];
      this.poolFreeblock[pool] = this.blockNext[(pool << LINKS_PER_POOL_SHIFT) | (offset >> ALIGNMENT_SHIFT)];
      return this.poolAddress[pool] + offset;
    }
    const blockBytes = (sizeClass + 1) << ALIGNMENT_SHIFT;
    this.poolSizeClass[pool] = sizeClass;
    this.poolNextOffset[pool] = POOL_OVERHEAD + 2 * blockBytes;
    this.poolMaxNextOffset[pool] = POOL_SIZE - blockBytes;
    const second = POOL_OVERHEAD + blockBytes;
    this.poolFreeblock[pool] = second;
    this.blockNext[(pool << LINKS_PER_POOL_SHIFT) | (second >> ALIGNMENT_SHIFT)] = 0;
    return this.poolAddress[pool] + POOL_OVERHEAD;
  }

  /** A full pool got a free block: link it at the tail of its class list. */
  private insertToUsedpool(pool: number): void {
    const sizeClass = this.poolSizeClass[pool];
    const tail = this.usedTail[sizeClass];
    this.poolPrev[pool] = tail;
    this.poolNext[pool] = NONE;
    if (tail === NONE) this.usedHead[sizeClass] = pool;
    else this.poolNext[tail] = pool;
    this.usedTail[sizeClass] = pool;
  }

  private unlinkUsedPool(pool: number, sizeClass: number): void {
    const next = this.poolNext[pool];
    const prev = this.poolPrev[pool];
    if (prev === NONE) this.usedHead[sizeClass] = next;
    else this.poolNext[prev] = next;
    if (next === NONE) this.usedTail[sizeClass] = prev;
    else this.poolPrev[next] = prev;
  }

  /** A pool became empty: onto its arena's freepools, then keep usable_arenas sorted. */
  private insertToFreepool(pool: number): void {
    this.unlinkUsedPool(pool, this.poolSizeClass[pool]);
    const arena = pool >> POOLS_PER_ARENA_SHIFT;
    this.poolNext[pool] = this.arenaFreePools[arena];
    this.arenaFreePools[arena] = pool;

    const freeBefore = this.arenaFreeCount[arena];
    const lastWithSameCount = freeBefore === 0 ? NONE : this.nfp2lasta[freeBefore];
    if (lastWithSameCount === arena) {
      // This arena was the rightmost with that count; its left neighbour may take over.
      const prev = this.arenaPrev[arena];
      this.nfp2lasta[freeBefore] = prev !== NONE && this.arenaFreeCount[prev] === freeBefore ? prev : NONE;
    }
    const free = freeBefore + 1;
    this.arenaFreeCount[arena] = free;

    if (free === this.arenaTotalPools[arena] && this.arenaNext[arena] !== NONE) {
      // Wholly free and not the last usable arena (the last one is kept to avoid thrashing).
      this.unlinkUsableArena(arena);
      this.releaseArena(arena);
      return;
    }
    if (free === 1) {
      // It was full, so on no list: it now has the fewest free pools possible.
      const head = this.usableArenas;
      this.arenaNext[arena] = head;
      this.arenaPrev[arena] = NONE;
      if (head !== NONE) this.arenaPrev[head] = arena;
      this.usableArenas = arena;
      if (this.nfp2lasta[1] === NONE) this.nfp2lasta[1] = arena;
      return;
    }
    if (this.nfp2lasta[free] === NONE) this.nfp2lasta[free] = arena;
    if (arena === lastWithSameCount) return;
    // Out of order: slide right, to just after the last arena that had the old count.
    this.unlinkUsableArena(arena);
    const after = lastWithSameCount;
    const next = this.arenaNext[after];
    this.arenaPrev[arena] = after;
    this.arenaNext[arena] = next;
    if (next !== NONE) this.arenaPrev[next] = arena;
    this.arenaNext[after] = arena;
  }

  private unlinkUsableArena(arena: number): void {
    const prev = this.arenaPrev[arena];
    const next = this.arenaNext[arena];
    if (prev === NONE) this.usableArenas = next;
    else this.arenaNext[prev] = next;
    if (next !== NONE) this.arenaPrev[next] = prev;
  }

  private newArena(): number {
    if (this.beforeNewArena !== null) this.beforeNewArena();
    if (this.unusedArenaObjects === NONE) {
      const count = this.maxarenas === 0 ? INITIAL_ARENA_OBJECTS : this.maxarenas * 2;
      if (count > MAX_ARENA_OBJECTS) return NONE;
      const vector = this.raw.realloc(this.arenaVector, count * ARENA_OBJECT_SIZE);
      if (vector === 0) return NONE;
      this.arenaVector = vector;
      this.growArenaColumns(count);
      for (let i = this.maxarenas; i < count; i++) {
        this.arenaBase[i] = 0;
        this.arenaNext[i] = i < count - 1 ? i + 1 : NONE;
      }
      this.unusedArenaObjects = this.maxarenas;
      this.maxarenas = count;
    }
    const arena = this.unusedArenaObjects;
    this.unusedArenaObjects = this.arenaNext[arena];
    const base = this.raw.mmap.map(ARENA_SIZE);
    if (base === 0) {
      this.arenaNext[arena] = this.unusedArenaObjects;
      this.unusedArenaObjects = arena;
      return NONE;
    }
    this.markArenaMap(base);
    this.ensurePoolStorage(arena);
    this.registerArenaSlot(arena, base);

    this.arenaBase[arena] = base;
    this.narenasCurrentlyAllocated++;
    this.ntimesArenaAllocated++;
    if (this.narenasCurrentlyAllocated > this.narenasHighwater) this.narenasHighwater = this.narenasCurrentlyAllocated;
    this.arenaFreePools[arena] = NONE;
    this.arenaCarved[arena] = 0;
    const excess = base % POOL_SIZE;
    let pools = MAX_POOLS_IN_ARENA;
    let firstPool = base;
    if (excess !== 0) {
      pools--;
      firstPool += POOL_SIZE - excess;
    }
    this.arenaFirstPool[arena] = firstPool;
    this.arenaFreeCount[arena] = pools;
    this.arenaTotalPools[arena] = pools;
    return arena;
  }

  private releaseArena(arena: number): void {
    const base = this.arenaBase[arena];
    this.arenaNext[arena] = this.unusedArenaObjects;
    this.arenaPrev[arena] = NONE;
    this.unusedArenaObjects = arena;
    this.arenaBySlot[this.topSlot - Math.floor(base / ARENA_SIZE)] = 0;
    const firstFrame = this.topFrame - this.arenaFirstPool[arena] / POOL_SIZE;
    for (let i = 0; i < this.arenaCarved[arena]; i++) this.poolByFrame[firstFrame - i] = 0;
    this.raw.mmap.unmap(base, ARENA_SIZE);
    this.arenaBase[arena] = 0;
    this.narenasCurrentlyAllocated--;
  }

  /** arena_map_mark_used's node creation: radix nodes come from the RAW domain and stay. */
  private markArenaMap(base: number): void {
    this.ensureArenaMapNodes(base);
    if (base % ARENA_SIZE !== 0) this.ensureArenaMapNodes(base + ARENA_SIZE);
  }

  private ensureArenaMapNodes(address: number): void {
    const midKey = Math.floor(address / MAP_TOP_SPAN);
    if (!this.arenaMapMids.has(midKey)) {
      this.arenaMapMids.add(midKey);
      this.raw.calloc(1, ARENA_MAP_MID_BYTES);
    }
    const botKey = Math.floor(address / MAP_MID_SPAN);
    if (!this.arenaMapBots.has(botKey)) {
      this.arenaMapBots.add(botKey);
      this.raw.calloc(1, ARENA_MAP_BOT_BYTES);
    }
  }

  private registerArenaSlot(arena: number, base: number): void {
    const slot = this.topSlot - Math.floor(base / ARENA_SIZE);
    if (slot + 2 > this.arenaBySlot.length) {
      let length = Math.max(64, this.arenaBySlot.length);
      while (length < slot + 2) length *= 2;
      const grown = new Int32Array(length);
      grown.set(this.arenaBySlot);
      this.arenaBySlot = grown;
      this.slotLimit = length - 1;
    }
    this.arenaBySlot[slot] = arena + 1;
    // Frames down to the arena's lowest byte, so an out-of-range frame is never pymalloc's.
    const lowestFrame = this.topFrame - Math.floor(base / POOL_SIZE);
    if (lowestFrame >= this.poolByFrame.length) {
      let length = Math.max(1024, this.poolByFrame.length);
      while (length <= lowestFrame) length *= 2;
      const grown = new Int32Array(length);
      grown.set(this.poolByFrame);
      this.poolByFrame = grown;
      this.frameLimit = length;
    }
  }

  private growArenaColumns(count: number): void {
    this.arenaBase = growFloat64(this.arenaBase, count);
    this.arenaFirstPool = growFloat64(this.arenaFirstPool, count);
    this.arenaCarved = growInt32(this.arenaCarved, count);
    this.arenaFreeCount = growInt32(this.arenaFreeCount, count);
    this.arenaTotalPools = growInt32(this.arenaTotalPools, count);
    this.arenaFreePools = growInt32(this.arenaFreePools, count);
    this.arenaNext = growInt32(this.arenaNext, count);
    this.arenaPrev = growInt32(this.arenaPrev, count);
  }

  /** Pool and block-link columns cover descriptors below a capacity that doubles as needed. */
  private ensurePoolStorage(arena: number): void {
    if (arena < this.poolStorageArenas) return;
    let capacity = Math.max(INITIAL_POOL_STORAGE_ARENAS, this.poolStorageArenas);
    while (capacity <= arena) capacity *= 2;
    const pools = capacity << POOLS_PER_ARENA_SHIFT;
    this.poolAddress = growFloat64(this.poolAddress, pools);
    this.poolCount = growInt32(this.poolCount, pools);
    this.poolFreeblock = growInt32(this.poolFreeblock, pools);
    this.poolNext = growInt32(this.poolNext, pools);
    this.poolPrev = growInt32(this.poolPrev, pools);
    this.poolSizeClass = growInt32(this.poolSizeClass, pools);
    this.poolNextOffset = growInt32(this.poolNextOffset, pools);
    this.poolMaxNextOffset = growInt32(this.poolMaxNextOffset, pools);
    const links = new Uint16Array(pools << LINKS_PER_POOL_SHIFT);
    links.set(this.blockNext);
    this.blockNext = links;
    this.poolStorageArenas = capacity;
  }
}

function growInt32(source: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(length);
  grown.set(source);
  return grown;
}

function growFloat64(source: Float64Array, length: number): Float64Array<ArrayBuffer> {
  const grown = new Float64Array(length);
  grown.set(source);
  return grown;
}
