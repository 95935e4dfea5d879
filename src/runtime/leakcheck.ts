// The engine-wide leak check (CPython's equivalent is `regrtest -R`'s refleak hunting with
// sys.gettotalrefcount and sys.getallocatedblocks; no single C function models it).
//
// heapBaseline() switches on heap.ts's live-object set and notes the allocator's block count;
// after the code under test has released everything it made, checkNoLeaks(baseline) reports
// every object allocated since the baseline that is still alive (type, address, refcount)
// and the change in allocated blocks. Parked free-list objects are not leaks: free lists are
// emptied on both sides of the comparison. Objects the runtime creates once and keeps for
// good (caches, lazily built type dicts) are excluded by running the code once before the
// baseline (expectNoLeaks does that) or by registerPermanentObject().

import { PyObject } from "./object.js";
import { allocator, clearAllFreeLists, liveObjects, trackLiveObjects } from "./heap.js";
import { collect } from "./gc.js";
import { gcstate } from "./gcstate.js";
import { trashcanIsIdle } from "./trashcan.js";

export interface HeapBaseline {
  /** Objects alive before the baseline when live tracking was already on (never reported). */
  readonly preexisting: Set<PyObject> | null;
  /** Whether heapBaseline() switched live tracking on (checkNoLeaks switches it off again). */
  readonly startedTracking: boolean;
  readonly allocatedBlocks: number;
  readonly collect: boolean;
}

export interface LeakReport {
  objects: PyObject[];
  /** Allocator blocks alive now minus at the baseline (pymalloc blocks and raw fallbacks). */
  blockDelta: number;
  /** A readable report: one line per leaked object. Empty when nothing leaked. */
  text: string;
}

export interface LeakCheckOptions {
  /** Run a full collection before each measurement (default true): cycles are not leaks. */
  collect?: boolean;
}

const permanentObjects = new WeakSet<PyObject>();

/** Marks an object the runtime keeps for good, so that leak checks never report it. */
export function registerPermanentObject(o: PyObject): void {
  permanentObjects.add(o);
}

function settleHeap(runCollection: boolean): void {
  if (runCollection && !gcstate.collecting) collect(2);
  clearAllFreeLists();
}

/** Start of a leak check: call before the code under test allocates anything. */
export function heapBaseline(options: LeakCheckOptions = {}): HeapBaseline {
  const runCollection = options.collect !== false;
  if (!trashcanIsIdle()) throw new Error("heapBaseline: the trashcan is not idle");
  settleHeap(runCollection);
  const startedTracking = liveObjects === null;
  if (startedTracking) trackLiveObjects(true);
  const preexisting = startedTracking ? null : new Set(liveObjects);
  return { preexisting, startedTracking, allocatedBlocks: allocator.getAllocatedBlocks(), collect: runCollection };
}

/** The objects allocated since `baseline` and still alive, and the block-count change. */
export function findLeaks(baseline: HeapBaseline): LeakReport {
  settleHeap(baseline.collect);
  const live = liveObjects;
  const objects: PyObject[] = [];
  let permanentSinceBaseline = 0;
  if (live !== null) {
    for (const o of live) {
      if (baseline.preexisting !== null && baseline.preexisting.has(o)) continue;
      if (permanentObjects.has(o)) {
        permanentSinceBaseline++;
        continue;
      }
      objects.push(o);
    }
  }
  objects.sort((a, b) => a.address - b.address);
  // A permanent object's own block is expected; its separate blocks (item arrays) are not
  // known here and still show in the delta.
  const blockDelta = allocator.getAllocatedBlocks() - baseline.allocatedBlocks - permanentSinceBaseline;
  if (baseline.startedTracking) trackLiveObjects(false);
  let text = "";
  if (objects.length !== 0 || blockDelta > 0) {
    text = `leak check: ${objects.length} object${objects.length === 1 ? "" : "s"} and ${blockDelta} allocator block${blockDelta === 1 ? "" : "s"} leaked`;
    for (const o of objects) text += `\n  <${o.type.name} object at 0x${o.address.toString(16)}> refcount ${o.refcnt}`;
  }
  return { objects, blockDelta, text };
}

/** End of a leak check: throws an Error naming every leaked object. */
export function checkNoLeaks(baseline: HeapBaseline): void {
  const report = findLeaks(baseline);
  if (report.text !== "") throw new Error(report.text);
}

/**
 * Runs `body` once to warm the runtime's caches, then again between a baseline and a check.
 * Usable from any vitest test: `expectNoLeaks(() => { ... })`.
 */
export function expectNoLeaks(body: () => void, options: LeakCheckOptions = {}): void {
  body();
  const baseline = heapBaseline(options);
  try {
    body();
  } catch (e) {
    if (baseline.startedTracking) trackLiveObjects(false);
    throw e;
  }
  checkNoLeaks(baseline);
}
