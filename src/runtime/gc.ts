// Modules/gcmodule.c (3.11): gc_collect_main and its steps (update_refs, subtract_refs,
// move_unreachable, untrack_tuples, untrack_dicts, move_legacy_finalizers,
// move_legacy_finalizer_reachable, handle_weakrefs, finalize_garbage,
// handle_resurrected_objects, delete_garbage, handle_legacy_finalizers), invoke_gc_callback,
// gc_collect_with_callback, gc_collect_generations (automatic collection), and the bodies of
// the gc module's functions (collect, get_count, thresholds, get_objects, get_referents,
// get_referrers, is_tracked, is_finalized, freeze, get_stats).
//
// The collector is CPython's, step for step, so that every observable result matches: the
// number collected, the order finalizers and weakref callbacks run in, which survivors move
// to which generation, which tuples and dicts get untracked. Visit functions are plain
// module-level functions whose state lives in module variables: a collection allocates
// nothing per object it visits.

import { GC_COLLECTING, GC_FINALIZED, PyObject } from "./object.js";
import {
  DEBUG_COLLECTABLE,
  DEBUG_SAVEALL,
  DEBUG_STATS,
  DEBUG_UNCOLLECTABLE,
  gcstate,
  listIsEmpty,
  listMerge,
  listMove,
  listSize,
  newListHead,
  NUM_GENERATIONS,
  type GenerationStats,
} from "./gcstate.js";
import { clearAllFreeLists, setAutomaticCollection } from "./heap.js";
import { decref, incref, RuntimeMisuseError } from "./refcount.js";
import { objectIsGC } from "./type.js";
import { TupleType, tupleMaybeUntrack } from "./tuple.js";
import { DictType, dictMaybeUntrack, dictSetItem, newDict, type PyDict } from "./dict.js";
import { listAppend, newList, type PyList } from "./list.js";
import { newInt } from "./int.js";
import { newStr } from "./str.js";
import { raise, ValueErrorType } from "./exceptions.js";
import { callObject } from "./abstract.js";
import { clearRef, handleCallback, PyWeakReference } from "./weakref.js";
import { writeUnraisable } from "./finalize.js";

// --------------------------------------------------------------------------- output

function defaultStderr(text: string): void {
  if (typeof process !== "undefined" && process.stderr !== undefined) process.stderr.write(text);
  else console.error(text.endsWith("\n") ? text.slice(0, -1) : text);
}

let debugWriter: (text: string) => void = defaultStderr;

/** Where the DEBUG_STATS / DEBUG_COLLECTABLE / DEBUG_UNCOLLECTABLE lines go (sys.stderr). */
export function setGCDebugWriter(writer: ((text: string) => void) | null): void {
  debugWriter = writer ?? defaultStderr;
}

function debugCycle(message: string, o: PyObject): void {
  debugWriter(`gc: ${message} <${o.type.name} 0x${o.address.toString(16)}>\n`);
}

function showStatsEachGeneration(): void {
  const gens = gcstate.generations;
  let sizes = "";
  for (let i = 0; i < NUM_GENERATIONS; i++) sizes += " " + listSize(gens[i]!.head);
  debugWriter(
    `gc: objects in each generation:${sizes}\ngc: objects in permanent generation: ${listSize(gcstate.permanent.head)}\n`,
  );
}

// --------------------------------------------------------------- visit functions

/** move_unreachable's young list, where visitReachable moves objects found reachable. */
let reachableHead: PyObject = newListHead();
/** move_legacy_finalizer_reachable's list. */
let finalizersHead: PyObject = newListHead();

/**
 * gc_refs of an object on move_unreachable's unreachable list (CPython marks these with the
 * NEXT_MASK_UNREACHABLE bit instead; a marker no real count reaches does the same job here
 * and needs no clearing pass afterwards).
 */
const TENTATIVELY_UNREACHABLE = -0x40000000;

// What the unreachable list of the last move_unreachable holds, kept up to date as objects
// move in and out, so that steps with nothing to do skip their walk over the list.
/** Objects on the list. */
let unreachableCount = 0;
/** Objects whose type has tp_del. */
let legacyCount = 0;
/** Weakrefs, and objects with weakrefs. */
let weakCount = 0;
/** Objects with a tp_finalize that has not run yet. */
let finalizeCount = 0;

function countUnreachable(o: PyObject, delta: number): void {
  unreachableCount += delta;
  const type = o.type;
  if (type.legacyDel !== null) legacyCount += delta;
  if (o.weakrefList !== null || o instanceof PyWeakReference) weakCount += delta;
  if (type.finalize !== null && (o.gcFlags & GC_FINALIZED) === 0) finalizeCount += delta;
}

function traverseNothing(): void {}

/** visit_decref: a reference from inside the collected generation does not keep anything alive. */
function visitDecref(op: PyObject, _arg: unknown): void {
  if ((op.gcFlags & GC_COLLECTING) !== 0) op.gcRefs--;
}

/** visit_reachable */
function visitReachable(op: PyObject, _arg: unknown): void {
  // Objects of other generations, and young objects already scanned, have no COLLECTING bit.
  if ((op.gcFlags & GC_COLLECTING) === 0) return;
  const refs = op.gcRefs;
  if (refs === TENTATIVELY_UNREACHABLE) {
    // Set aside as unreachable, but reachable after all: back to the end of young, where the
    // scan will reach it again.
    listMove(op, reachableHead);
    op.gcRefs = 1;
    countUnreachable(op, -1);
  } else if (refs === 0) {
    op.gcRefs = 1;
  }
}

/** visit_move */
function visitMove(op: PyObject, _arg: unknown): void {
  if ((op.gcFlags & GC_COLLECTING) !== 0) {
    listMove(op, finalizersHead);
    op.gcFlags &= ~GC_COLLECTING;
    unreachableCount--;
  }
}

// ------------------------------------------------------------------ the steps

/** update_refs: gc_refs = refcount, COLLECTING set. Returns the size of the list. */
function updateRefs(young: PyObject): number {
  let n = 0;
  for (let o = young.gcNext as PyObject; o !== young; o = o.gcNext as PyObject) {
    n++;
    const refcnt = o.refcnt;
    if (refcnt <= 0) {
      throw new RuntimeMisuseError("gc", o, `tracked object with refcount ${refcnt} (a dealloc left it tracked, or it was freed)`);
    }
    o.gcRefs = refcnt;
    o.gcFlags |= GC_COLLECTING;
  }
  return n;
}

/** subtract_refs */
function subtractRefs(young: PyObject): void {
  for (let o = young.gcNext as PyObject; o !== young; o = o.gcNext as PyObject) {
    const traverse = o.type.traverse;
    if (traverse !== null) traverse(o, visitDecref, null);
  }
}

/**
 * move_unreachable: a left-to-right scan of young. An object with gc_refs > 0 is reachable
 * from outside: its referents are marked reachable (and moved back from `unreachable` to the
 * end of young if they were already set aside). An object with gc_refs == 0 is set aside as
 * tentatively unreachable. This reorders young exactly as CPython does.
 */
function moveUnreachable(young: PyObject, unreachable: PyObject): void {
  const savedReachable = reachableHead;
  reachableHead = young;
  let o = young.gcNext as PyObject;
  while (o !== young) {
    const refs = o.gcRefs;
    if (refs > 0) {
      const traverse = o.type.traverse ?? traverseNothing;
      traverse(o, visitReachable, null);
      o.gcFlags &= ~GC_COLLECTING;
      o = o.gcNext as PyObject;
    } else if (refs === 0) {
      const next = o.gcNext as PyObject;
      listMove(o, unreachable);
      o.gcRefs = TENTATIVELY_UNREACHABLE;
      countUnreachable(o, 1);
      o = next;
    } else {
      reachableHead = savedReachable;
      throw new RuntimeMisuseError("gc", o, "refcount is too small (a traverse visits a reference the object does not own)");
    }
  }
  reachableHead = savedReachable;
}

/**
 * deduce_unreachable: moves what nothing outside `base` keeps alive to `unreachable` (which
 * must be empty). Returns the size `base` had; the counters describe `unreachable`.
 */
function deduceUnreachable(base: PyObject, unreachable: PyObject): number {
  const size = updateRefs(base);
  subtractRefs(base);
  unreachableCount = 0;
  legacyCount = 0;
  weakCount = 0;
  finalizeCount = 0;
  moveUnreachable(base, unreachable);
  return size;
}

/** untrack_tuples. Returns how many tuples left the list. */
function untrackTuples(head: PyObject): number {
  let untracked = 0;
  let o = head.gcNext as PyObject;
  while (o !== head) {
    const next = o.gcNext as PyObject;
    if (o.type === TupleType) {
      tupleMaybeUntrack(o);
      if (o.gcNext === null) untracked++;
    }
    o = next;
  }
  return untracked;
}

/** untrack_dicts: only in full collections (issue #14775). */
function untrackDicts(head: PyObject): void {
  let o = head.gcNext as PyObject;
  while (o !== head) {
    const next = o.gcNext as PyObject;
    if (o.type === DictType) dictMaybeUntrack(o);
    o = next;
  }
}

/** move_legacy_finalizers: objects with tp_del leave the unreachable set. */
function moveLegacyFinalizers(unreachable: PyObject, finalizers: PyObject): void {
  if (legacyCount === 0) return;
  let o = unreachable.gcNext as PyObject;
  while (o !== unreachable) {
    const next = o.gcNext as PyObject;
    if (o.type.legacyDel !== null) {
      o.gcFlags &= ~GC_COLLECTING;
      listMove(o, finalizers);
      unreachableCount--;
    }
    o = next;
  }
}

/** move_legacy_finalizer_reachable: the finalizers list grows while it is walked. */
function moveLegacyFinalizerReachable(finalizers: PyObject): void {
  const saved = finalizersHead;
  finalizersHead = finalizers;
  for (let o = finalizers.gcNext as PyObject; o !== finalizers; o = o.gcNext as PyObject) {
    const traverse = o.type.traverse;
    if (traverse !== null) traverse(o, visitMove, null);
  }
  finalizersHead = saved;
}

/**
 * handle_weakrefs: clear every weakref that is itself garbage (its callback will never run)
 * and every weakref to a garbage object; then call the callbacks of the cleared weakrefs that
 * are not garbage, after all clearing. Returns how many of those weakrefs died in the process.
 */
function handleWeakrefs(unreachable: PyObject, old: PyObject): number {
  const toCall = newListHead();
  let freed = 0;
  for (let o = unreachable.gcNext as PyObject; o !== unreachable; o = o.gcNext as PyObject) {
    if (o instanceof PyWeakReference) clearRef(o);
    if (o.type.weaklistoffset <= 0) continue;
    for (let wr = o.weakrefList; wr !== null; wr = o.weakrefList) {
      clearRef(wr);
      if (wr.callback === null) continue;
      // A weakref that is garbage too: its callback must not run.
      if ((wr.gcFlags & GC_COLLECTING) !== 0) continue;
      incref(wr);
      listMove(wr, toCall);
    }
  }
  if (!listIsEmpty(toCall)) codeMayHaveRun = true;
  while (!listIsEmpty(toCall)) {
    const wr = toCall.gcNext as PyWeakReference;
    const callback = wr.callback;
    if (callback !== null) handleCallback(wr, callback);
    decref(wr);
    if (toCall.gcNext === wr) listMove(wr, old);
    else freed++;
  }
  return freed;
}

/**
 * finalize_garbage: tp_finalize once per object. A finalizer may free any object of the list,
 * so CPython moves each object to a `seen` list before finalizing it; here the objects before
 * one that needs finalizing are spliced over in one go, which leaves the same order.
 */
function finalizeGarbage(collectable: PyObject): void {
  const seen = newListHead();
  let o = collectable.gcNext as PyObject;
  while (o !== collectable) {
    const finalize = o.type.finalize;
    if (finalize === null || (o.gcFlags & GC_FINALIZED) !== 0) {
      o = o.gcNext as PyObject;
      continue;
    }
    spliceThrough(collectable, o, seen);
    codeMayHaveRun = true;
    o.gcFlags |= GC_FINALIZED;
    incref(o);
    try {
      finalize(o);
    } catch (e) {
      writeUnraisable(e, o);
    }
    decref(o);
    o = collectable.gcNext as PyObject;
  }
  listMerge(collectable, seen);
  listMerge(seen, collectable);
}

/** Moves the nodes of `from` up to and including `last` to the end of `to`, in order. */
function spliceThrough(from: PyObject, last: PyObject, to: PyObject): void {
  const first = from.gcNext as PyObject;
  const rest = last.gcNext as PyObject;
  from.gcNext = rest;
  rest.gcPrev = from;
  const toLast = to.gcPrev as PyObject;
  toLast.gcNext = first;
  first.gcPrev = toLast;
  last.gcNext = to;
  to.gcPrev = last;
}

/**
 * handle_resurrected_objects: reachability again, on the unreachable set alone; what a
 * finalizer made reachable (and what that reaches) goes to `old`, the rest to
 * `stillUnreachable`. Returns the size of `stillUnreachable`.
 */
function handleResurrectedObjects(unreachable: PyObject, stillUnreachable: PyObject, old: PyObject): number {
  for (let o = unreachable.gcNext as PyObject; o !== unreachable; o = o.gcNext as PyObject) {
    o.gcFlags &= ~GC_COLLECTING;
  }
  deduceUnreachable(unreachable, stillUnreachable);
  listMerge(unreachable, old);
  return unreachableCount;
}

/** delete_garbage: tp_clear breaks the cycles (or DEBUG_SAVEALL keeps everything). */
function deleteGarbage(collectable: PyObject, old: PyObject): void {
  const saveAll = (gcstate.debug & DEBUG_SAVEALL) !== 0;
  while (!listIsEmpty(collectable)) {
    const o = collectable.gcNext as PyObject;
    if (saveAll) {
      listAppend(garbageList(), o);
    } else {
      const clear = o.type.clear;
      if (clear !== null) {
        incref(o);
        try {
          clear(o);
        } catch (e) {
          writeUnraisable(e, o.type, "Exception ignored in tp_clear of");
        }
        decref(o);
      }
    }
    if (collectable.gcNext === o) {
      // Still alive: it may die later.
      o.gcFlags &= ~GC_COLLECTING;
      listMove(o, old);
    }
  }
}

/** handle_legacy_finalizers: tp_del objects (all of them with DEBUG_SAVEALL) to gc.garbage. */
function handleLegacyFinalizers(finalizers: PyObject, old: PyObject): void {
  const saveAll = (gcstate.debug & DEBUG_SAVEALL) !== 0;
  for (let o = finalizers.gcNext as PyObject; o !== finalizers; o = o.gcNext as PyObject) {
    if (saveAll || o.type.legacyDel !== null) listAppend(garbageList(), o);
  }
  listMerge(finalizers, old);
}

/** gc.garbage (created on first use when the gc module has not made it yet). Borrowed. */
export function garbageList(): PyList {
  let garbage = gcstate.garbage as PyList | null;
  if (garbage === null) {
    garbage = newList(0);
    gcstate.garbage = garbage;
  }
  return garbage;
}

/** Set when a finalizer or weakref callback ran during the current collection. */
let codeMayHaveRun = false;

// Results of the last gcCollectMain, read by its callers (no result object is allocated).
let lastCollected = 0;
let lastUncollectable = 0;

/** gc_collect_main: one collection of `generation` and every younger one. */
function gcCollectMain(generation: number): number {
  const state = gcstate;
  const gens = state.generations;
  const debug = state.debug;
  let startTime = 0;
  if ((debug & DEBUG_STATS) !== 0) {
    debugWriter(`gc: collecting generation ${generation}...\n`);
    showStatsEachGeneration();
    startTime = performance.now();
  }

  if (generation + 1 < NUM_GENERATIONS) gens[generation + 1]!.count += 1;
  for (let i = 0; i <= generation; i++) gens[i]!.count = 0;
  for (let i = 0; i < generation; i++) listMerge(gens[i]!.head, gens[generation]!.head);

  const young = gens[generation]!.head;
  const old = generation < NUM_GENERATIONS - 1 ? gens[generation + 1]!.head : young;

  const unreachable = newListHead();
  const youngSize = deduceUnreachable(young, unreachable);
  const survivors = youngSize - unreachableCount - untrackTuples(young);
  if (young !== old) {
    if (generation === NUM_GENERATIONS - 2) state.longLivedPending += survivors;
    listMerge(young, old);
  } else {
    untrackDicts(young);
    state.longLivedPending = 0;
    state.longLivedTotal = survivors;
  }

  const finalizers = newListHead();
  moveLegacyFinalizers(unreachable, finalizers);
  moveLegacyFinalizerReachable(finalizers);

  codeMayHaveRun = false;
  if ((debug & DEBUG_COLLECTABLE) !== 0) {
    // sys.stderr may be Python code.
    codeMayHaveRun = true;
    for (let o = unreachable.gcNext as PyObject; o !== unreachable; o = o.gcNext as PyObject) debugCycle("collectable", o);
  }

  let collected = 0;
  if (weakCount !== 0 || codeMayHaveRun) collected += handleWeakrefs(unreachable, old);
  if (finalizeCount !== 0 || codeMayHaveRun) finalizeGarbage(unreachable);
  let finalUnreachable: PyObject;
  if (codeMayHaveRun) {
    finalUnreachable = newListHead();
    collected += handleResurrectedObjects(unreachable, finalUnreachable, old);
  } else {
    // No Python code ran since move_unreachable: nothing can have been resurrected, and a
    // second deduce_unreachable would return the same list in the same order.
    finalUnreachable = unreachable;
    collected += unreachableCount;
  }
  deleteGarbage(finalUnreachable, old);

  let uncollectable = 0;
  for (let o = finalizers.gcNext as PyObject; o !== finalizers; o = o.gcNext as PyObject) {
    uncollectable++;
    if ((state.debug & DEBUG_UNCOLLECTABLE) !== 0) debugCycle("uncollectable", o);
  }
  if ((state.debug & DEBUG_STATS) !== 0) {
    const seconds = (performance.now() - startTime) / 1000;
    debugWriter(`gc: done, ${collected + uncollectable} unreachable, ${uncollectable} uncollectable, ${seconds.toFixed(4)}s elapsed\n`);
  }
  handleLegacyFinalizers(finalizers, old);

  if (generation === NUM_GENERATIONS - 1) clearAllFreeLists();

  const stats = state.stats[generation]!;
  stats.collections++;
  stats.collected += collected;
  stats.uncollectable += uncollectable;
  lastCollected = collected;
  lastUncollectable = uncollectable;
  return collected + uncollectable;
}

/**
 * An observer of collections (the trace recorder). It must not run Python code or change any
 * object; it is told when each collection starts and what it found when it ends.
 */
export interface CollectionObserver {
  collectionStarted(generation: number, automatic: boolean): void;
  collectionFinished(generation: number, collected: number, uncollectable: number): void;
}

let collectionObserver: CollectionObserver | null = null;

export function setCollectionObserver(observer: CollectionObserver | null): void {
  collectionObserver = observer;
}

/** gc_collect_with_callback */
function collectWithCallback(generation: number, automatic = false): number {
  if (collectionObserver !== null) collectionObserver.collectionStarted(generation, automatic);
  invokeGCCallbacks("start", generation, 0, 0);
  const result = gcCollectMain(generation);
  invokeGCCallbacks("stop", generation, lastCollected, lastUncollectable);
  if (collectionObserver !== null) collectionObserver.collectionFinished(generation, lastCollected, lastUncollectable);
  return result;
}

/**
 * invoke_gc_callback: each callable in gc.callbacks is called as cb(phase, info), info being
 * a new dict {'generation': g, 'collected': m, 'uncollectable': n}.
 */
function invokeGCCallbacks(phase: string, generation: number, collected: number, uncollectable: number): void {
  const callbacks = gcstate.callbacks as PyList | null;
  if (callbacks === null || callbacks.items.length === 0) return;
  let info: PyDict;
  try {
    info = newDict();
    setIntItem(info, "generation", generation);
    setIntItem(info, "collected", collected);
    setIntItem(info, "uncollectable", uncollectable);
  } catch (e) {
    writeUnraisable(e, null);
    return;
  }
  const args: PyObject[] = [info, info];
  // The list may change while its callbacks run: its length is read again each time.
  for (let i = 0; i < callbacks.items.length; i++) {
    const callback = callbacks.items[i]!;
    incref(callback);
    const phaseStr = newStr(phase);
    args[0] = phaseStr;
    try {
      decref(callObject(callback, args, 0, 2, null));
    } catch (e) {
      writeUnraisable(e, callback);
    }
    decref(phaseStr);
    decref(callback);
  }
  decref(info);
}

function setIntItem(d: PyDict, key: string, value: number): void {
  const k = newStr(key);
  const v = newInt(value);
  try {
    dictSetItem(d, k, v);
  } finally {
    decref(k);
    decref(v);
  }
}

// ------------------------------------------------------------------- public API

/**
 * gc.collect(generation): collect `generation` and all younger ones; returns collected +
 * uncollectable. A call while a collection is running does nothing and returns 0.
 */
export function collect(generation: number = NUM_GENERATIONS - 1): number {
  if (!Number.isInteger(generation) || generation < 0 || generation >= NUM_GENERATIONS) raise(ValueErrorType, "invalid generation");
  const state = gcstate;
  if (state.collecting) return 0;
  state.collecting = true;
  try {
    return collectWithCallback(generation);
  } finally {
    state.collecting = false;
  }
}

/**
 * gc_collect_generations, run from a GC allocation when generation 0 is over its threshold:
 * collects the oldest generation over its threshold (generation 2 only when the long-lived
 * objects pending a full collection are at least 25% of those that survived the last one).
 */
export function collectGenerationsAuto(): void {
  const state = gcstate;
  const gens = state.generations;
  state.collecting = true;
  try {
    for (let i = NUM_GENERATIONS - 1; i >= 0; i--) {
      const gen = gens[i]!;
      if (gen.count > gen.threshold) {
        if (i === NUM_GENERATIONS - 1 && state.longLivedPending < Math.floor(state.longLivedTotal / 4)) continue;
        collectWithCallback(i, true);
        break;
      }
    }
  } finally {
    state.collecting = false;
  }
}

setAutomaticCollection(collectGenerationsAuto);

/** gc.get_count() */
export function getCount(): [number, number, number] {
  const gens = gcstate.generations;
  return [gens[0]!.count, gens[1]!.count, gens[2]!.count];
}

/** gc.get_threshold() */
export function getThreshold(): [number, number, number] {
  const gens = gcstate.generations;
  return [gens[0]!.threshold, gens[1]!.threshold, gens[2]!.threshold];
}

/** gc.set_threshold(threshold0[, threshold1[, threshold2]]) (argument checking is the caller's). */
export function setThreshold(threshold0: number, threshold1?: number, threshold2?: number): void {
  const gens = gcstate.generations;
  gens[0]!.threshold = threshold0;
  if (threshold1 !== undefined) gens[1]!.threshold = threshold1;
  if (threshold2 !== undefined) gens[2]!.threshold = threshold2;
}

export function enable(): void {
  gcstate.enabled = true;
}

export function disable(): void {
  gcstate.enabled = false;
}

export function isEnabled(): boolean {
  return gcstate.enabled;
}

export function getDebug(): number {
  return gcstate.debug;
}

export function setDebug(flags: number): void {
  gcstate.debug = flags;
}

/** gc.is_tracked(obj) */
export function isTracked(o: PyObject): boolean {
  return objectIsGC(o) && o.gcNext !== null;
}

/** gc.is_finalized(obj) */
export function isFinalized(o: PyObject): boolean {
  return objectIsGC(o) && (o.gcFlags & GC_FINALIZED) !== 0;
}

/** gc.freeze(): everything tracked goes to the permanent generation; all counts become 0. */
export function freeze(): void {
  const state = gcstate;
  for (let i = 0; i < NUM_GENERATIONS; i++) {
    const gen = state.generations[i]!;
    listMerge(gen.head, state.permanent.head);
    gen.count = 0;
  }
}

/** gc.unfreeze(): the permanent generation goes back into the oldest generation. */
export function unfreeze(): void {
  listMerge(gcstate.permanent.head, gcstate.generations[NUM_GENERATIONS - 1]!.head);
}

/** gc.get_freeze_count() */
export function getFreezeCount(): number {
  return listSize(gcstate.permanent.head);
}

/** gc.get_stats(): copies of the per-generation counters. */
export function getStats(): GenerationStats[] {
  return gcstate.stats.map((s) => ({ collections: s.collections, collected: s.collected, uncollectable: s.uncollectable }));
}

/** Number of objects tracked in each generation (for displays; gc itself has no such call). */
export function generationSizes(): [number, number, number] {
  const gens = gcstate.generations;
  return [listSize(gens[0]!.head), listSize(gens[1]!.head), listSize(gens[2]!.head)];
}

function appendTracked(result: PyList, head: PyObject): void {
  for (let o = head.gcNext as PyObject; o !== head; o = o.gcNext as PyObject) {
    if (o !== result) listAppend(result, o);
  }
}

/**
 * gc.get_objects(generation=None): a new list of the tracked objects of one generation, or of
 * all three (null or -1); the permanent generation is never included, nor the result itself.
 */
export function getObjects(generation: number | null): PyList {
  const result = newList(0);
  const gens = gcstate.generations;
  if (generation !== null && generation !== -1) {
    if (generation >= NUM_GENERATIONS || generation < 0) {
      decref(result);
      if (generation >= NUM_GENERATIONS) {
        raise(ValueErrorType, `generation parameter must be less than the number of available generations (${NUM_GENERATIONS})`);
      }
      raise(ValueErrorType, "generation parameter cannot be negative");
    }
    appendTracked(result, gens[generation]!.head);
    return result;
  }
  for (let i = 0; i < NUM_GENERATIONS; i++) appendTracked(result, gens[i]!.head);
  return result;
}

function visitAppend(op: PyObject, arg: unknown): void {
  listAppend(arg as PyList, op);
}

/** gc.get_referents(*objs): a new list of what each GC object's traverse visits, in that order. */
export function getReferents(objs: readonly PyObject[]): PyList {
  const result = newList(0);
  try {
    for (let i = 0; i < objs.length; i++) {
      const o = objs[i]!;
      if (!objectIsGC(o)) continue;
      const traverse = o.type.traverse;
      if (traverse !== null) traverse(o, visitAppend, result);
    }
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

let referrerTargets: readonly PyObject[] = [];
let referrerFound = false;

function visitReferrer(op: PyObject, _arg: unknown): void {
  if (referrerFound) return;
  const targets = referrerTargets;
  for (let i = 0; i < targets.length; i++) {
    if (targets[i] === op) {
      referrerFound = true;
      return;
    }
  }
}

/**
 * gc.get_referrers(*objs): a new list of the tracked objects in generations 0-2 whose traverse
 * visits any of `objs`. `argsTuple` is the tuple the arguments came in, if the caller made one
 * (CPython skips it, and the result list).
 */
export function getReferrers(objs: readonly PyObject[], argsTuple: PyObject | null = null): PyList {
  const result = newList(0);
  const savedTargets = referrerTargets;
  referrerTargets = objs;
  try {
    for (let i = 0; i < NUM_GENERATIONS; i++) {
      const head = gcstate.generations[i]!.head;
      for (let o = head.gcNext as PyObject; o !== head; o = o.gcNext as PyObject) {
        if (o === argsTuple || o === result) continue;
        const traverse = o.type.traverse;
        if (traverse === null) continue;
        referrerFound = false;
        traverse(o, visitReferrer, null);
        if (referrerFound) listAppend(result, o);
      }
    }
  } catch (e) {
    decref(result);
    throw e;
  } finally {
    referrerTargets = savedTargets;
    referrerFound = false;
  }
  return result;
}
