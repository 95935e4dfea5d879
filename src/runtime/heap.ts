// Objects/object.c: PyObject_Malloc/PyObject_Free use by object constructors;
// Modules/gcmodule.c: _PyObject_GC_New, _PyObject_GC_Link, PyObject_GC_Del.
//
// Gives objects their memory in the allocator model. The JS object is created by the
// type's constructor function; its *memory* (and therefore its address, what id()
// shows) comes from here, in CPython's pieces: GC types get the 16-byte PyGC_Head in
// front, managed-dict types 16 bytes more, and the address is that of the struct after
// them. Static objects (static types, small ints, singletons) live in a static image
// region and are never freed.

import { Allocator, DOMAIN_OBJ } from "../memory/index.js";
import { FREED_REFCNT, PyObject } from "./object.js";
import { gcstate, resetGCState } from "./gcstate.js";
import { PyType, TPFLAGS_HAVE_GC, TPFLAGS_MANAGED_DICT } from "./type.js";

/** sizeof(PyGC_Head) */
export const GC_HEAD_SIZE = 16;
/** The values and dict pointers in front of managed-dict instances (3.11). */
export const MANAGED_DICT_PREHEADER = 16;

/** The allocator model of this runtime; replaced by resetHeap(). */
export let allocator = new Allocator();

/**
 * Called when generation 0's count passes its threshold (gc_collect_generations). Installed
 * by the collector (gc.ts) so this file need not import it; a no-op until then.
 */
let automaticCollection: () => void = () => {};

export function setAutomaticCollection(fn: () => void): void {
  automaticCollection = fn;
}

/**
 * When non-null, every live heap object is in this set (debug mode for leak checks and the
 * playground's object table); one null check on the allocation path otherwise.
 */
export let liveObjects: Set<PyObject> | null = null;

export function trackLiveObjects(on: boolean, set?: Set<PyObject>): void {
  // An observer (the trace recorder) may pass its own Set subclass to hear each add/delete.
  liveObjects = on ? (set ?? new Set()) : null;
}

/** Free lists register themselves so that a full collection and heap resets can empty them. */
export interface FreeList {
  /**
   * Position in gcmodule.c's clear_freelists (tuple 0, float 1, list 2, dict 3): the order
   * of the frees decides which pymalloc pools and arenas empty first.
   */
  clearRank: number;
  /** Position in object.c's _PyObject_DebugTypeStats (dict 0, float 1, list 2, tuple 3). */
  statsRank: number;
  /** Release every parked object to the allocator (_PyGC_ClearAllFreeLists). */
  clear(): void;
  /** The `_debugmallocstats` lines of this free list, in CPython's order and format. */
  statsLines(): string[];
}

// Kept sorted by rank: module load order (which registers them) is not CPython's order.
const clearOrder: FreeList[] = [];
const statsOrder: FreeList[] = [];

function insertByRank(lists: FreeList[], list: FreeList, rank: (l: FreeList) => number): void {
  let i = lists.length;
  while (i > 0 && rank(lists[i - 1]!) > rank(list)) i--;
  lists.splice(i, 0, list);
}

export function registerFreeList(list: FreeList): void {
  insertByRank(clearOrder, list, (l) => l.clearRank);
  insertByRank(statsOrder, list, (l) => l.statsRank);
}

export function clearAllFreeLists(): void {
  for (const list of clearOrder) list.clear();
}

export function freeListStatsLines(): string[] {
  const lines: string[] = [];
  for (const list of statsOrder) for (const line of list.statsLines()) lines.push(line);
  return lines;
}

/** Size of the pre-header CPython places before an instance of `type`. */
export function preHeaderSize(type: PyType): number {
  const flags = type.flags;
  let size = 0;
  if ((flags & TPFLAGS_HAVE_GC) !== 0) size = GC_HEAD_SIZE;
  if ((flags & TPFLAGS_MANAGED_DICT) !== 0) size += MANAGED_DICT_PREHEADER;
  return size;
}

/** PyObject_Malloc for a non-GC object struct of `size` bytes (PyObject_New / PyObject_NewVar). */
export function allocObject(o: PyObject, size: number): void {
  o.address = allocator.malloc(DOMAIN_OBJ, size);
  if (liveObjects !== null) liveObjects.add(o);
}

/** PyObject_Free for a non-GC object allocated with allocObject. */
export function freeObject(o: PyObject): void {
  allocator.free(DOMAIN_OBJ, o.address);
  o.refcnt = FREED_REFCNT;
  if (liveObjects !== null) liveObjects.delete(o);
}

/**
 * _PyObject_GC_New / _PyObject_GC_NewVar: memory for a GC object whose struct is `size` bytes
 * (pre-headers are added here), then _PyObject_GC_Link: count the allocation in generation 0
 * and maybe collect. The object is not tracked yet; the caller tracks it once its fields are
 * valid, as C constructors do.
 */
export function allocGCObject(o: PyObject, size: number): void {
  const pre = preHeaderSize(o.type);
  o.address = allocator.malloc(DOMAIN_OBJ, size + pre) + pre;
  if (liveObjects !== null) liveObjects.add(o);
  const gen0 = gcstate.generations[0]!;
  gen0.count++;
  if (gen0.count > gen0.threshold && gcstate.enabled && gen0.threshold !== 0 && !gcstate.collecting && !gcstate.errorPending) {
    automaticCollection();
  }
}

/**
 * Re-uses a GC object taken from a type's free list: neither the allocator nor the
 * generation-0 count sees it (free-list reuse is invisible to gc.get_count()).
 */
export function reviveFromFreeList(o: PyObject): void {
  o.refcnt = 1;
  if (liveObjects !== null) liveObjects.add(o);
  if (newReferenceHook !== null) newReferenceHook(o);
}

/**
 * _Py_NewReference's tracemalloc step (_PyTraceMalloc_NewReference): an object revived from a
 * free list has its memory block's traceback moved to where it is reused. Installed by the
 * tracemalloc module while it traces; null otherwise.
 */
let newReferenceHook: ((o: PyObject) => void) | null = null;

export function setNewReferenceHook(fn: ((o: PyObject) => void) | null): void {
  newReferenceHook = fn;
}

/** PyObject_GC_Del: the object must already be untracked. */
export function freeGCObject(o: PyObject): void {
  if (o.gcNext !== null) throw new Error(`heapscope internal error: freeing a tracked ${o.type.name}`);
  const pre = preHeaderSize(o.type);
  allocator.free(DOMAIN_OBJ, o.address - pre);
  o.refcnt = FREED_REFCNT;
  if (liveObjects !== null) liveObjects.delete(o);
  const gen0 = gcstate.generations[0]!;
  if (gen0.count > 0) gen0.count--;
}

/** Marks an object parked on a free list: it keeps its memory and address. */
export function parkOnFreeList(o: PyObject): void {
  o.refcnt = FREED_REFCNT;
  if (liveObjects !== null) liveObjects.delete(o);
}

// The static image: where a CPython binary keeps its statically allocated objects.
const STATIC_IMAGE_BASE = 0x55d4_8f20_0000;
let staticCursor = STATIC_IMAGE_BASE;

/** An address in the static image for a static object of `size` bytes (16-byte aligned). */
export function staticAddress(size: number, gcPreHeader = false): number {
  const pre = gcPreHeader ? GC_HEAD_SIZE : 0;
  const address = staticCursor + pre;
  staticCursor += (pre + size + 15) & ~15;
  return address;
}

export function isStaticAddress(address: number): boolean {
  return address >= STATIC_IMAGE_BASE && address < staticCursor;
}

/**
 * A fresh heap: new allocator model and collector state, empty free lists. Objects made
 * before the reset must not be used afterwards (static objects excepted).
 */
export function resetHeap(): void {
  clearAllFreeLists();
  allocator = new Allocator();
  if (liveObjects !== null) liveObjects = new Set();
  resetGCState();
}
