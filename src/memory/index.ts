// Objects/obmalloc.c as a whole: the public face of the memory layer (the three allocator
// domains, pymalloc, the raw malloc model and the sys._debugmallocstats text).

export * from "./api.js";
export { Allocator, AllocatorMisuseError } from "./allocator.js";
export type { AllocatorOptions, AllocatorSnapshot } from "./allocator.js";
export {
  PyMalloc,
  REALLOC_NOT_OWNED,
  ALIGNMENT,
  ALIGNMENT_SHIFT,
  SMALL_REQUEST_THRESHOLD,
  NB_SMALL_SIZE_CLASSES,
  POOL_BITS,
  POOL_SIZE,
  POOL_OVERHEAD,
  ARENA_BITS,
  ARENA_SIZE,
  MAX_POOLS_IN_ARENA,
  INITIAL_ARENA_OBJECTS,
  ARENA_OBJECT_SIZE,
  MAX_ARENA_OBJECTS,
  ARENA_MAP_ROOT_BYTES,
  ARENA_MAP_MID_BYTES,
  ARENA_MAP_BOT_BYTES,
  sizeClassIndex,
  sizeClassBytes,
  blocksPerPool,
} from "./obmalloc.js";
export type { ArenaSnapshot, PoolSnapshot, PoolState, PyMallocStats, SizeClassStats } from "./obmalloc.js";
export { RawMalloc, DEFAULT_HEAP_START, MMAP_THRESHOLD, chunkSizeFor, mmapSizeFor } from "./raw.js";
export type { RawMallocStats } from "./raw.js";
export { MmapSpace, DEFAULT_MMAP_TOP, MMAP_SPAN_LIMIT, PAGE_SIZE, roundUpToPage } from "./mmap.js";
export {
  formatDebugMallocStats,
  renderDebugMallocStats,
  formatFreeListLine,
  formatStatLine,
  withThousandsSeparators,
} from "./debugstats.js";
