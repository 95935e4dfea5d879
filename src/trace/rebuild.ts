// Rebuilding the state at any step of a recorded run (log.ts) by replaying its events from
// the nearest keyframe. Pure data code (no engine imports), shared by the tests, the
// playground page and the HTML report.

import {
  EV_ARENAS, EV_EDGES, EV_FINALIZED, EV_FRAME, EV_FREE, EV_GC, EV_GC_CONFIG, EV_GC_COUNT, EV_GC_END, EV_GC_START,
  EV_LEN, EV_LINE, EV_NEW, EV_OUT, EV_PHASE, EV_POOL, EV_REFCNT, EV_REPR, EV_STACK, EV_TEMPS, EV_VAR, EV_WEAK,
  eventLength, stepCount, type Trace,
} from "./log.js";

export interface ObjState {
  id: number;
  refcnt: number;
  /** Referent ids and their label string indices. */
  edges: number[];
  labels: number[];
  /** Items held, when more than the recorded edges (-1 otherwise). */
  length: number;
  gc: number;
  /** Weak referent id (0: none or dead). */
  weak: number;
  repr: number;
  finalized: boolean;
}

export interface FrameState {
  id: number;
  name: number;
  firstLine: number;
  line: number;
  /** Variable name (string index) -> object id, in binding order. */
  vars: Map<number, number>;
  temps: number[];
}

export interface HeapState {
  step: number;
  objects: Map<number, ObjState>;
  frames: Map<number, FrameState>;
  stack: number[];
  gcCounts: number[];
  gcConfig: number[];
  poolClass: number[];
  poolUsed: number[];
  arenas: number[];
  phase: number;
  /** Generation being collected at the end of the step (a step inside a __del__ run by the collector), or -1. */
  collecting: number;
}

export function emptyState(): HeapState {
  return {
    step: -1,
    objects: new Map(),
    frames: new Map(),
    stack: [],
    gcCounts: [0, 0, 0],
    gcConfig: [700, 10, 10, 1],
    poolClass: [],
    poolUsed: [],
    arenas: [],
    phase: 0,
    collecting: -1,
  };
}

function cloneObj(o: ObjState): ObjState {
  return { ...o, edges: o.edges.slice(), labels: o.labels.slice() };
}

export function cloneState(s: HeapState): HeapState {
  const objects = new Map<number, ObjState>();
  for (const [id, o] of s.objects) objects.set(id, cloneObj(o));
  const frames = new Map<number, FrameState>();
  for (const [id, f] of s.frames) frames.set(id, { ...f, vars: new Map(f.vars), temps: f.temps.slice() });
  return {
    step: s.step,
    objects,
    frames,
    stack: s.stack.slice(),
    gcCounts: s.gcCounts.slice(),
    gcConfig: s.gcConfig.slice(),
    poolClass: s.poolClass.slice(),
    poolUsed: s.poolUsed.slice(),
    arenas: s.arenas.slice(),
    phase: s.phase,
    collecting: s.collecting,
  };
}

/** Applies the events of step `step` to `state` (which must be at step - 1). */
export function applyStep(trace: Trace, state: HeapState, step: number): void {
  const events = trace.events;
  const end = trace.steps.eventEnd[step]!;
  let at = step === 0 ? 0 : trace.steps.eventEnd[step - 1]!;
  while (at < end) {
    applyEvent(trace, state, events, at);
    at += eventLength(events, at);
  }
  state.step = step;
}

function applyEvent(trace: Trace, state: HeapState, e: number[], at: number): void {
  const op = e[at]!;
  switch (op) {
    case EV_NEW: {
      const id = e[at + 1]!;
      state.objects.set(id, {
        id,
        refcnt: 0,
        edges: [],
        labels: [],
        length: -1,
        gc: -1,
        weak: 0,
        repr: trace.objects.repr[id - 1] ?? 0,
        finalized: false,
      });
      break;
    }
    case EV_FREE:
      state.objects.delete(e[at + 1]!);
      break;
    case EV_REFCNT: {
      const o = state.objects.get(e[at + 1]!);
      if (o !== undefined) o.refcnt = e[at + 2]!;
      break;
    }
    case EV_EDGES: {
      const o = state.objects.get(e[at + 1]!);
      const start = e[at + 2]!;
      const deleteCount = e[at + 3]!;
      const insertCount = e[at + 4]!;
      if (o === undefined) break;
      const targets: number[] = [];
      const labels: number[] = [];
      for (let i = 0; i < insertCount; i++) {
        targets.push(e[at + 5 + 2 * i]!);
        labels.push(e[at + 6 + 2 * i]!);
      }
      o.edges.splice(start, deleteCount, ...targets);
      o.labels.splice(start, deleteCount, ...labels);
      break;
    }
    case EV_LEN: {
      const o = state.objects.get(e[at + 1]!);
      if (o !== undefined) o.length = e[at + 2]!;
      break;
    }
    case EV_GC: {
      const o = state.objects.get(e[at + 1]!);
      if (o !== undefined) o.gc = e[at + 2]!;
      break;
    }
    case EV_WEAK: {
      const o = state.objects.get(e[at + 1]!);
      if (o !== undefined) o.weak = e[at + 2]!;
      break;
    }
    case EV_REPR: {
      const o = state.objects.get(e[at + 1]!);
      if (o !== undefined) o.repr = e[at + 2]!;
      break;
    }
    case EV_FINALIZED: {
      const o = state.objects.get(e[at + 1]!);
      if (o !== undefined) o.finalized = true;
      break;
    }
    case EV_FRAME:
      state.frames.set(e[at + 1]!, { id: e[at + 1]!, name: e[at + 2]!, firstLine: e[at + 3]!, line: 0, vars: new Map(), temps: [] });
      break;
    case EV_STACK: {
      const n = e[at + 1]!;
      const stack = e.slice(at + 2, at + 2 + n);
      // Frames that left the stack are gone for good (a frame runs once).
      for (const id of state.stack) if (!stack.includes(id)) state.frames.delete(id);
      state.stack = stack;
      break;
    }
    case EV_LINE: {
      const f = state.frames.get(e[at + 1]!);
      if (f !== undefined) f.line = e[at + 2]!;
      break;
    }
    case EV_VAR: {
      const f = state.frames.get(e[at + 1]!);
      if (f === undefined) break;
      const target = e[at + 3]!;
      if (target === 0) f.vars.delete(e[at + 2]!);
      else f.vars.set(e[at + 2]!, target);
      break;
    }
    case EV_TEMPS: {
      const f = state.frames.get(e[at + 1]!);
      const n = e[at + 2]!;
      if (f !== undefined) f.temps = e.slice(at + 3, at + 3 + n);
      break;
    }
    case EV_GC_START:
      state.collecting = e[at + 1]!;
      break;
    case EV_GC_END:
      state.collecting = -1;
      break;
    case EV_GC_COUNT:
      state.gcCounts = [e[at + 1]!, e[at + 2]!, e[at + 3]!];
      break;
    case EV_GC_CONFIG:
      state.gcConfig = [e[at + 1]!, e[at + 2]!, e[at + 3]!, e[at + 4]!];
      break;
    case EV_POOL:
      state.poolClass[e[at + 1]!] = e[at + 2]!;
      state.poolUsed[e[at + 1]!] = e[at + 3]!;
      break;
    case EV_ARENAS:
      state.arenas = e.slice(at + 2, at + 2 + e[at + 1]!);
      break;
    case EV_PHASE:
      state.phase = e[at + 1]!;
      break;
    case EV_OUT:
      break;
    default:
      throw new Error(`trace: unknown event ${op} at ${at}`);
  }
}

export interface Collection {
  step: number;
  generation: number;
  automatic: boolean;
  collected: number;
  uncollectable: number;
  /** Objects freed while it ran. */
  freed: number[];
}

export interface Death {
  step: number;
  reason: number;
  generation: number;
}

/**
 * Facts gathered in one pass over the events, kept up to date as a streamed trace grows:
 * the output text and where each step's output ends, the collections, each object's death.
 */
export class TraceIndex {
  output = "";
  /** Per step: length of `output` after the step. */
  outputEnd: number[] = [];
  /** Per step: stream of each output piece (1 or 2) by range [from, to). */
  outputPieces: { from: number; to: number; stream: number }[] = [];
  collections: Collection[] = [];
  deaths = new Map<number, Death>();
  /** Steps that contain a collection start. */
  collectionSteps: number[] = [];
  private indexed = 0;
  private open: Collection | null = null;

  constructor(readonly trace: Trace) {
    this.update();
  }

  /** Indexes the steps added since the last call. */
  update(): void {
    const trace = this.trace;
    const events = trace.events;
    const n = stepCount(trace);
    for (let step = this.indexed; step < n; step++) {
      let at = step === 0 ? 0 : trace.steps.eventEnd[step - 1]!;
      const end = trace.steps.eventEnd[step]!;
      while (at < end) {
        const op = events[at]!;
        if (op === EV_OUT) {
          const text = trace.strings[events[at + 2]!] ?? "";
          this.outputPieces.push({ from: this.output.length, to: this.output.length + text.length, stream: events[at + 1]! });
          this.output += text;
        } else if (op === EV_GC_START) {
          this.open = { step, generation: events[at + 1]!, automatic: events[at + 2] === 1, collected: 0, uncollectable: 0, freed: [] };
          this.collections.push(this.open);
          if (this.collectionSteps[this.collectionSteps.length - 1] !== step) this.collectionSteps.push(step);
        } else if (op === EV_GC_END) {
          if (this.open !== null) {
            this.open.collected = events[at + 2]!;
            this.open.uncollectable = events[at + 3]!;
          }
          this.open = null;
        } else if (op === EV_FREE) {
          const id = events[at + 1]!;
          this.deaths.set(id, { step, reason: events[at + 2]!, generation: events[at + 3]! });
          if (this.open !== null) this.open.freed.push(id);
        }
        at += eventLength(events, at);
      }
      this.outputEnd.push(this.output.length);
    }
    this.indexed = n;
  }
}

/** Steps between stored keyframes. */
export const KEYFRAME_INTERVAL = 256;

/**
 * The state at any step: replays forward from the current state when the target is ahead
 * and near, otherwise from the nearest keyframe at or before it. Keyframes are taken as
 * replay passes them, so scrubbing back and forth over a long run stays fast.
 */
export class Rebuilder {
  private current: HeapState = emptyState();
  private readonly keyframes: HeapState[] = [];

  constructor(readonly trace: Trace) {}

  /** The state after `step` (shared: do not modify it). */
  stateAt(step: number): HeapState {
    const last = stepCount(this.trace) - 1;
    const target = Math.max(-1, Math.min(step, last));
    const cur = this.current;
    if (!(target >= cur.step && target - cur.step <= 2 * KEYFRAME_INTERVAL)) {
      const k = Math.floor((target + 1) / KEYFRAME_INTERVAL);
      let start: HeapState | undefined;
      for (let i = Math.min(k, this.keyframes.length - 1); i >= 0; i--) {
        const kf = this.keyframes[i];
        if (kf !== undefined && kf.step <= target) {
          start = kf;
          break;
        }
      }
      const from = start === undefined ? emptyState() : cloneState(start);
      if (!(target >= cur.step && cur.step >= from.step)) this.current = from;
    }
    const state = this.current;
    while (state.step < target) {
      const next = state.step + 1;
      applyStep(this.trace, state, next);
      if ((next + 1) % KEYFRAME_INTERVAL === 0) {
        const slot = (next + 1) / KEYFRAME_INTERVAL;
        if (this.keyframes[slot] === undefined) this.keyframes[slot] = cloneState(state);
      }
    }
    return state;
  }
}
