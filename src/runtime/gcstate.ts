// Include/internal/pycore_gc.h: struct _gc_runtime_state, gc_generation;
// Modules/gcmodule.c: gc_list_* helpers, _PyObject_GC_TRACK / _PyObject_GC_UNTRACK.
//
// The collector's bookkeeping: three generations plus the permanent one (gc.freeze), each
// a circular doubly-linked list threaded through the objects' gcNext/gcPrev fields with a
// sentinel head, exactly as CPython threads them through PyGC_Head. An object is tracked
// iff its gcNext is non-null.

import { GC_FINALIZED, PyObject } from "./object.js";
import { PyType } from "./type.js";

const SENTINEL_TYPE = new PyType(null, "gc list head", 0, 0, 0);

export function newListHead(): PyObject {
  const head = new PyObject(SENTINEL_TYPE);
  head.gcNext = head;
  head.gcPrev = head;
  return head;
}

export function listIsEmpty(head: PyObject): boolean {
  return head.gcNext === head;
}

export function listAppend(node: PyObject, head: PyObject): void {
  const last = head.gcPrev as PyObject;
  node.gcPrev = last;
  node.gcNext = head;
  last.gcNext = node;
  head.gcPrev = node;
}

export function listRemove(node: PyObject): void {
  const prev = node.gcPrev as PyObject;
  const next = node.gcNext as PyObject;
  prev.gcNext = next;
  next.gcPrev = prev;
  node.gcNext = null;
  node.gcPrev = null;
}

/** gc_list_move: unlink node from wherever it is and append it to the list at head. */
export function listMove(node: PyObject, head: PyObject): void {
  const prev = node.gcPrev as PyObject;
  const next = node.gcNext as PyObject;
  prev.gcNext = next;
  next.gcPrev = prev;
  const last = head.gcPrev as PyObject;
  node.gcPrev = last;
  node.gcNext = head;
  last.gcNext = node;
  head.gcPrev = node;
}

/** gc_list_merge: append every node of `from` to the end of `to`; `from` becomes empty. */
export function listMerge(from: PyObject, to: PyObject): void {
  if (from.gcNext === from) return;
  const toLast = to.gcPrev as PyObject;
  const first = from.gcNext as PyObject;
  const last = from.gcPrev as PyObject;
  toLast.gcNext = first;
  first.gcPrev = toLast;
  last.gcNext = to;
  to.gcPrev = last;
  from.gcNext = from;
  from.gcPrev = from;
}

export function listSize(head: PyObject): number {
  let n = 0;
  for (let o = head.gcNext as PyObject; o !== head; o = o.gcNext as PyObject) n++;
  return n;
}

export interface GenerationStats {
  collections: number;
  collected: number;
  uncollectable: number;
}

export interface Generation {
  head: PyObject;
  threshold: number;
  /** generation 0: GC allocations minus frees; older: collections of the younger generation. */
  count: number;
}

// gc.set_debug flags (Modules/gcmodule.c).
export const DEBUG_STATS = 1;
export const DEBUG_COLLECTABLE = 2;
export const DEBUG_UNCOLLECTABLE = 4;
export const DEBUG_SAVEALL = 32;
export const DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

export const NUM_GENERATIONS = 3;

export class GCState {
  generations: Generation[];
  permanent: Generation;
  enabled: boolean;
  /** True while a collection runs: nested collections are refused (gc.collect() returns 0). */
  collecting: boolean;
  debug: number;
  longLivedTotal: number;
  longLivedPending: number;
  stats: GenerationStats[];
  /** gc.garbage and gc.callbacks: Python lists, created by the gc module layer. */
  garbage: PyObject | null;
  callbacks: PyObject | null;
  /**
   * Set by the interpreter while an exception is being raised or propagated: CPython does not
   * start an automatic collection when an error is set (_PyErr_Occurred in _PyObject_GC_Link).
   */
  errorPending: boolean;

  constructor() {
    this.generations = [
      { head: newListHead(), threshold: 700, count: 0 },
      { head: newListHead(), threshold: 10, count: 0 },
      { head: newListHead(), threshold: 10, count: 0 },
    ];
    this.permanent = { head: newListHead(), threshold: 0, count: 0 };
    this.enabled = true;
    this.collecting = false;
    this.debug = 0;
    this.longLivedTotal = 0;
    this.longLivedPending = 0;
    this.stats = [
      { collections: 0, collected: 0, uncollectable: 0 },
      { collections: 0, collected: 0, uncollectable: 0 },
      { collections: 0, collected: 0, uncollectable: 0 },
    ];
    this.garbage = null;
    this.callbacks = null;
    this.errorPending = false;
  }
}

/** The one collector state of this runtime; replaced by resetHeap() (heap.ts). */
export let gcstate = new GCState();

export function resetGCState(): void {
  gcstate = new GCState();
}

/** _PyObject_GC_TRACK: new objects join generation 0. Tracking twice is a bug. */
export function gcTrack(o: PyObject): void {
  if (o.gcNext !== null) throw new Error(`heapscope internal error: object already tracked by the GC: ${o.type.name}`);
  listAppend(o, gcstate.generations[0]!.head);
}

/**
 * PyObject_GC_UnTrack: untracking an untracked object is allowed. Like _PyObject_GC_UNTRACK,
 * it drops the collector's transient bits (keeping GC_FINALIZED), so an object freed or
 * untracked in the middle of a collection never carries them into its next life.
 */
export function gcUntrack(o: PyObject): void {
  if (o.gcNext !== null) {
    listRemove(o);
    o.gcFlags &= GC_FINALIZED;
  }
}

export function gcIsTracked(o: PyObject): boolean {
  return o.gcNext !== null;
}
