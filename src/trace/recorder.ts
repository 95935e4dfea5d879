// The trace recorder: watches a run from outside the heap and writes the event log of
// log.ts. No CPython counterpart (the nearest are sys.settrace's line events, tracemalloc's
// allocator hook and gc.callbacks, all three seen here without running Python code).
//
// What it listens to:
// - the eval loop's line hook (ThreadState.lineHook): a step ends each time a line of the
//   program's own file starts, and the state is read at that moment;
// - heap.ts's live-object set (a Set subclass): births and deaths of objects, a death being
//   written at once with its cause (refcount, collection, shutdown);
// - the allocator hook, chained in front of any other (pools.ts);
// - the collector's observer: each collection's start and end.
// At each step's end it compares what it observes (the objects it follows, their refcounts,
// references, GC state, the frames and their variables) with what it wrote before and writes
// only the differences.
//
// Observing never changes the observed: the recorder reads fields, uses JS maps and sets of
// its own, and never increfs, allocates from the allocator model or calls Python code.

import type { PyObject } from "../runtime/object.js";
import { GC_COLLECTING, GC_FINALIZED, GC_UNREACHABLE, STATIC_REFCNT } from "../runtime/object.js";
import { allocator, preHeaderSize, trackLiveObjects } from "../runtime/heap.js";
import { gcstate } from "../runtime/gcstate.js";
import { setCollectionObserver, type CollectionObserver } from "../runtime/gc.js";
import { dictNext, dictEntry, type PyDict } from "../runtime/dict.js";
import { PyStr } from "../runtime/str.js";
import { PyList, ListType } from "../runtime/list.js";
import { PyBytes } from "../runtime/bytes.js";
import { setInitialLineHook, type LineHook } from "../python/threadstate.js";
import { tstate } from "../python/ceval.js";
import { CO_OPTIMIZED, type PyCode } from "../python/code.js";
import type { Frame } from "../python/frame.js";
import { RESUME } from "../python/opcodes.js";
import { RunStopped } from "../modules/pythonrun.js";
import { currentInterpreter } from "../modules/interp_state.js";
import {
  EV_EDGES, EV_FINALIZED, EV_FRAME, EV_FREE, EV_GC, EV_GC_CONFIG, EV_GC_COUNT, EV_GC_END, EV_GC_START, EV_LEN,
  EV_LINE, EV_NEW, EV_OUT, EV_PHASE, EV_REFCNT, EV_REPR, EV_STACK, EV_TEMPS, EV_VAR, EV_WEAK, FREE_GC,
  FREE_REFCOUNT, FREE_SHUTDOWN, GC_FLAG_COLLECTING, GC_FLAG_UNREACHABLE, GC_NOT_GC, GC_PERMANENT, GC_UNTRACKED,
  KIND_DICT, OBJ_ATOMIC, OBJ_BORN, OBJ_GC, OBJ_HAS_FINALIZER, OBJ_OPAQUE, OBJ_STATIC, OBJ_TRAVERSED, OBJ_WEAKREF,
  PHASE_END, PHASE_SHUTDOWN, type TraceChunk, type TraceEnd,
} from "./log.js";
import {
  EdgeSink, UNLABELLED, labelTraversed, containerLength, dictVersion, hasMutableRepr, isAtom, isGCObject, isImmutable, isOpaque, isWeakref,
  kindOf, readEdges, shortRepr, typeNameOf, weakReferent,
} from "./inspect.js";
import { PoolTracker } from "./pools.js";
import { TraceWriter } from "./writer.js";

/** Followed objects up to which every one is read at every step. */
const EXACT_LIMIT = 1500;
/** Beyond it: objects read per step near the frames' variables, and in the rotating window. */
const NEAR_LIMIT = 300;
const WINDOW = 150;
/** Steps between reads of an unchanged function's, class's or module's references. */
const OPAQUE_INTERVAL = 64;

export interface RecorderOptions {
  /** The program's file name: only its frames make steps and are shown. */
  filename: string;
  /** Stop (RunStopped) after this many steps. */
  maxSteps: number;
  /** Stop (RunStopped) after this wall-clock time (Date.now() value); Infinity for none. */
  deadline: number;
  /** References recorded per container (the rest are counted, not followed). */
  containerItems: number;
  /** Called with what was recorded since the last call, about every `chunkMs` ms. */
  onChunk?: (chunk: TraceChunk) => void;
  chunkMs?: number;
  /** Called after each step is written (tests compare the log with fresh reads here). */
  onStep?: (step: number, recorder: Recorder) => void;
}

/** What the recorder follows of one object. */
class Rec {
  readonly id: number;
  readonly obj: PyObject;
  readonly flags: number;
  refcnt = -1;
  /** Referent ids and label string indices, as last written, and the referents themselves. */
  edges: number[] = [];
  labels: number[] = [];
  referents: PyObject[] = [];
  labelTexts: string[] = [];
  /** KIND_* of the object, and whether its references can change / its repr can change. */
  kind = 0;
  immutable = false;
  mutableRepr = false;
  exactList = false;
  /** Container length as last written (-1: not a container or never written). */
  length = -1;
  /** Generation: -1 untracked, 0..2, 3 permanent. */
  gen = -1;
  gcState = -1;
  weak = -1;
  repr = -1;
  version = -2;
  /** An immutable object whose references were read complete: never read again. */
  complete = false;
  finalized = false;
  alive = true;
  /** The last step in which it was read, and in which its references were read. */
  readStep = -1;
  edgeStep = -1;

  constructor(id: number, obj: PyObject, flags: number) {
    this.id = id;
    this.obj = obj;
    this.flags = flags;
  }
}

/** What the recorder wrote about one frame. */
class FrameRec {
  readonly id: number;
  line = -1;
  /** Optimized frames: the target id written for each fast-local slot. */
  slots: number[] = [];
  /** Namespace frames (module, class body): variable name -> target id. */
  names = new Map<string, number>();
  /** The objects bound in a namespace frame, as last read. */
  values: PyObject[] = [];
  version = -2;
  temps: number[] = [];
  constructor(id: number) {
    this.id = id;
  }
}

/** Names every module namespace has; hidden from the global frame. */
const HIDDEN_NAMES = new Set([
  "__name__", "__doc__", "__package__", "__loader__", "__spec__", "__annotations__", "__builtins__", "__file__",
  "__cached__", "__module__", "__qualname__",
]);

/**
 * The live-object set the recorder gives heap.ts: hears each object registered as live
 * (a birth) and each one removed (a death: freed or parked on a free list).
 *
 * Membership is kept in a map of flags rather than in the Set itself: free lists hand the
 * same JS objects out again and again, and a JS hash table that deletes and re-adds the same
 * keys keeps the dead entries in its chains until it rehashes, which turns a long loop
 * quadratic. Cleared flags are swept out now and then.
 */
class ObservedSet extends Set<PyObject> {
  private flags = new Map<PyObject, boolean>();
  private cleared = 0;
  private count = 0;

  constructor(private readonly recorder: Recorder) {
    super();
  }
  override add(o: PyObject): this {
    this.recorder.born(o);
    if (this.flags.get(o) !== true) {
      if (this.flags.has(o)) this.cleared--;
      this.flags.set(o, true);
      this.count++;
    }
    return this;
  }
  override delete(o: PyObject): boolean {
    this.recorder.died(o);
    if (this.flags.get(o) !== true) return false;
    this.flags.set(o, false);
    this.count--;
    if (++this.cleared > 4096 && this.cleared > this.count) this.sweep();
    return true;
  }
  override has(o: PyObject): boolean {
    return this.flags.get(o) === true;
  }
  override clear(): void {
    this.flags = new Map();
    this.cleared = 0;
    this.count = 0;
  }
  override get size(): number {
    return this.count;
  }
  private sweep(): void {
    const kept = new Map<PyObject, boolean>();
    for (const [o, live] of this.flags) if (live) kept.set(o, true);
    this.flags = kept;
    this.cleared = 0;
  }
}

export class Recorder implements CollectionObserver {
  readonly writer = new TraceWriter();
  private readonly options: Required<RecorderOptions>;
  private readonly live: ObservedSet;
  private readonly pools: PoolTracker;
  private readonly sink = new EdgeSink();

  private readonly recs: Rec[] = [];
  /** Rec by id (undefined once dead). */
  private readonly byId: (Rec | undefined)[] = [];
  /** Large heaps: ids that lost a reference this step (read at once: they may have become garbage). */
  private readonly touched: number[] = [];
  private readonly recOf = new Map<PyObject, Rec>();
  private births: PyObject[] = [];
  private nextFrameId = 1;
  private readonly frameRecs = new WeakMap<Frame, FrameRec>();
  private globalsFrame: FrameRec | null = null;
  private mainFrame: Frame | null = null;
  private mainGlobals: PyDict | null = null;
  private stackKey: number[] = [];

  private started = false;
  private failed = false;
  private shutdown = false;
  private collecting = false;
  private needGenerationWalk = false;
  private frozenSeen = false;
  private stepLine = 0;
  private lastCode: PyCode | null = null;
  private lastCodeIsUser = false;
  private lastChunkTime = 0;
  private gcCounts = [-1, -1, -1];
  private gcConfig = [-1, -1, -1, -1];

  // Output: what the host received, plus what the standard streams still buffer.
  private hostText: [string, string] = ["", ""];
  private emittedLength: [number, number] = [0, 0];
  private streams: [PyObject | null, PyObject | null] = [null, null];

  readonly hook: LineHook;

  constructor(options: RecorderOptions) {
    this.options = { onChunk: () => {}, chunkMs: 100, onStep: () => {}, ...options };
    this.live = new ObservedSet(this);
    this.pools = new PoolTracker(this.writer);
    this.hook = (frame, index, sp) => this.onInstruction(frame, index, sp);
  }

  /** Installs every hook; call before the interpreter is created. */
  install(): void {
    trackLiveObjects(true, this.live);
    setInitialLineHook(this.hook);
    setCollectionObserver(this);
    this.pools.install();
  }

  uninstall(): void {
    setInitialLineHook(null);
    if (tstate !== undefined && tstate.lineHook === this.hook) tstate.lineHook = null;
    setCollectionObserver(null);
    trackLiveObjects(false);
    this.pools.uninstall();
  }

  /** The host received program output (the interpreter's write callback). */
  output(stream: 1 | 2, text: string): void {
    this.hostText[stream - 1] += text;
  }

  // ------------------------------------------------------------------ hooks

  born(o: PyObject): void {
    if (this.started && !this.failed) this.births.push(o);
  }

  died(o: PyObject): void {
    if (!this.started || this.failed) return;
    const rec = this.recOf.get(o);
    if (rec === undefined) return;
    this.recOf.delete(o);
    rec.alive = false;
    this.byId[rec.id] = undefined;
    this.dead++;
    const reason = this.collecting ? FREE_GC : this.shutdown ? FREE_SHUTDOWN : FREE_REFCOUNT;
    this.writer.emit3(EV_FREE, rec.id, reason, this.collecting ? this.collectingGeneration : -1);
  }

  private collectingGeneration = -1;

  collectionStarted(generation: number, automatic: boolean): void {
    if (!this.started || this.failed) return;
    this.guard(() => {
      if (!this.shutdown && this.mainFrame !== null && !this.frameIsRunning(this.mainFrame)) this.enterShutdown();
      this.writer.emit2(EV_GC_START, generation, automatic ? 1 : 0);
    });
    this.collecting = true;
    this.collectingGeneration = generation;
  }

  collectionFinished(generation: number, collected: number, uncollectable: number): void {
    this.collecting = false;
    this.collectingGeneration = -1;
    if (!this.started || this.failed) return;
    this.writer.emit3(EV_GC_END, generation, collected, uncollectable);
    this.needGenerationWalk = true;
  }

  private onInstruction(frame: Frame, index: number, sp: number): void {
    const code = frame.code;
    if (code !== this.lastCode) {
      this.lastCode = code;
      this.lastCodeIsUser = code.filename.value === this.options.filename;
    }
    if (!this.lastCodeIsUser || this.failed) return;
    const instructions = code.instructions;
    if (instructions[2 * index] === RESUME) return;
    const line = code.lineOf(index);
    if (line <= 0) return;
    const prev = frame.lasti;
    if (prev >= 0 && index > prev && instructions[2 * prev] !== RESUME && code.lineOf(prev) === line) return;
    this.lineEvent(frame, index, sp, line);
  }

  private lineEvent(frame: Frame, index: number, sp: number, line: number): void {
    this.guard(() => {
      if (!this.started) this.begin(frame);
      else if (!this.shutdown && this.mainFrame !== null && !this.frameIsRunning(this.mainFrame)) this.enterShutdown();
      this.closeStep(frame, sp, line);
      this.stepLine = line;
    });
    const steps = this.writer.stepCount;
    if (steps >= this.options.maxSteps) {
      throw new RunStopped(`the step budget (${this.options.maxSteps} lines) was reached`);
    }
    if ((steps & 63) === 0) {
      const now = Date.now();
      if (now > this.options.deadline) throw new RunStopped("the time budget was reached");
      if (now - this.lastChunkTime >= this.options.chunkMs) {
        this.lastChunkTime = now;
        this.options.onChunk(this.writer.takeChunk());
      }
    }
  }

  /** Runs recorder work; a failure of the recorder stops the recording, never the program. */
  private guard(work: () => void): void {
    if (this.failed) return;
    try {
      work();
    } catch (e) {
      if (e instanceof RunStopped) throw e;
      this.failed = true;
      this.writer.note(`the recorder stopped observing: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      setInitialLineHook(null);
      if (tstate !== undefined && tstate.lineHook === this.hook) tstate.lineHook = null;
    }
  }

  // ------------------------------------------------------------------ steps

  /** The program's first line is about to run: everything before it is the interpreter's start-up. */
  private begin(frame: Frame): void {
    this.started = true;
    this.births = [];
    this.live.clear();
    this.pools.begin();
    this.mainFrame = frame;
    this.mainGlobals = frame.globals;
    this.globalsFrame = new FrameRec(this.nextFrameId++);
    this.writer.emit3(EV_FRAME, this.globalsFrame.id, this.writer.str("<module>"), 1);
    this.findStandardStreams();
    this.lastChunkTime = Date.now();
  }

  private enterShutdown(): void {
    this.closeStep(null, 0, 0);
    this.stepLine = 0;
    this.shutdown = true;
    this.writer.emit1(EV_PHASE, PHASE_SHUTDOWN);
  }

  /** The run is over: writes the last step and the end. */
  finish(end: TraceEnd): void {
    if (this.started && !this.failed) {
      this.guard(() => {
        this.closeStep(null, 0, 0);
        this.writer.emit1(EV_PHASE, PHASE_END);
        this.stepLine = 0;
        this.closeStep(null, 0, 0);
      });
    } else if (!this.started) {
      this.writer.endStep(0, 0, 0);
    }
    this.writer.setEnd(end);
  }

  /**
   * Ends the current step: reads the state now (the top frame `top` is about to run line
   * `nextLine`) and writes what differs from the previous step.
   *
   * Up to EXACT_LIMIT followed objects, every one is read at every step. Beyond it (a heap of
   * tens of thousands of objects) a step reads the new objects, those near the frames'
   * variables and a rotating window of the rest, so that each step's cost stays bounded; far
   * objects are then brought up to date within a few hundred steps.
   */
  private closeStep(top: Frame | null, topSp: number, nextLine: number): void {
    const writer = this.writer;
    const step = writer.stepCount;
    this.flushOutput();
    this.newRecs.length = 0;
    this.touched.length = 0;
    for (const o of this.births) {
      if (this.live.has(o) && !this.recOf.has(o) && o.refcnt > 0 && isGCObject(o)) this.ensureRec(o, step);
    }
    this.births.length = 0;
    this.writeFrames(top, topSp, nextLine, step);
    const recs = this.recs;
    if (recs.length <= EXACT_LIMIT) {
      // Reading a rec may add recs (new referents): they are read in the same pass.
      for (let i = 0; i < recs.length; i++) {
        const rec = recs[i]!;
        if (rec.alive) this.read(rec, step);
      }
    } else {
      this.readNearFrames(step);
      const n = recs.length;
      for (let k = 0; k < WINDOW && k < n; k++) {
        this.cursor = (this.cursor + 1) % n;
        const rec = recs[this.cursor]!;
        if (rec.alive && rec.readStep !== step) this.read(rec, step);
      }
      const touched = this.touched;
      for (let i = 0; i < touched.length; i++) {
        const rec = this.byId[touched[i]!];
        if (rec !== undefined && rec.alive && rec.readStep !== step) this.read(rec, step);
      }
      const fresh = this.newRecs;
      for (let i = 0; i < fresh.length; i++) {
        const rec = fresh[i]!;
        if (rec.alive && rec.readStep !== step) this.read(rec, step);
      }
    }
    this.writeGCCounters();
    this.pools.flush();
    if (this.dead > recs.length / 4) this.compact();
    writer.endStep(this.stepLine, this.pools.tracedBytes, this.pools.blocks);
    this.options.onStep(step, this);
  }

  /**
   * For tests: every followed object read afresh now (refcount and referent ids), ignoring
   * what was written. Matches what the log says after a step when recording is exact.
   */
  freshSnapshot(): Map<number, { refcnt: number; edges: number[] }> {
    const result = new Map<number, { refcnt: number; edges: number[] }>();
    const sink = new EdgeSink();
    for (const rec of this.recs) {
      if (!rec.alive) continue;
      const edges: number[] = [];
      if ((rec.flags & OBJ_TRAVERSED) !== 0) {
        readEdges(rec.obj, sink, this.options.containerItems * (rec.kind === KIND_DICT ? 2 : 1) + 8);
        for (let i = 0; i < sink.count; i++) edges.push(this.recOf.get(sink.targets[i]!)?.id ?? -1);
      }
      result.set(rec.id, { refcnt: rec.obj.refcnt, edges });
    }
    return result;
  }

  private cursor = 0;
  private dead = 0;
  private readonly newRecs: Rec[] = [];
  private readonly frameTargets: PyObject[] = [];

  /** Large heaps: the objects the frames' variables reach within a few references. */
  private readNearFrames(step: number): void {
    const queue = this.frameTargets;
    for (let i = 0; i < queue.length && i < NEAR_LIMIT; i++) {
      const rec = this.recOf.get(queue[i]!);
      if (rec === undefined || !rec.alive || rec.readStep === step) continue;
      this.read(rec, step);
      const referents = rec.referents;
      for (let j = 0; j < referents.length && queue.length < NEAR_LIMIT; j++) queue.push(referents[j]!);
    }
  }

  /** Reads one followed object: refcount, references, GC state, weak referent, repr. */
  private read(rec: Rec, step: number): void {
    rec.readStep = step;
    this.refresh(rec, step);
    if ((rec.flags & OBJ_GC) !== 0) this.refreshGC(rec);
  }

  private compact(): void {
    this.dead = 0;
    const recs = this.recs;
    let j = 0;
    for (let i = 0; i < recs.length; i++) {
      const rec = recs[i]!;
      if (rec.alive) recs[j++] = rec;
    }
    recs.length = j;
  }

  /** The rec of `o`, made (and its static facts written) on first sight. */
  private ensureRec(o: PyObject, step: number): Rec | null {
    const known = this.recOf.get(o);
    if (known !== undefined) return known;
    if (!(o.refcnt > 0)) return null;
    const born = this.live.has(o);
    let flags = born ? OBJ_BORN : 0;
    const gc = isGCObject(o);
    if (gc) flags |= OBJ_GC;
    if (o.refcnt >= STATIC_REFCNT / 2) flags |= OBJ_STATIC;
    if (isWeakref(o)) flags |= OBJ_WEAKREF;
    if (o.type.finalize !== null) flags |= OBJ_HAS_FINALIZER;
    const atom = isAtom(o);
    if (atom) flags |= OBJ_ATOMIC;
    if (isOpaque(o)) flags |= OBJ_OPAQUE;
    if (born && !atom && o.type.traverse !== null) flags |= OBJ_TRAVERSED;
    const writer = this.writer;
    const id = writer.addObject(writer.str(typeNameOf(o)), kindOf(o), flags, o.address, this.sizeOf(o, born), step, writer.str(shortRepr(o)));
    const rec = new Rec(id, o, flags);
    rec.kind = kindOf(o);
    rec.immutable = isImmutable(o);
    rec.mutableRepr = hasMutableRepr(o);
    rec.exactList = o.type === ListType;
    this.recOf.set(o, rec);
    this.recs.push(rec);
    this.newRecs.push(rec);
    this.byId[id] = rec;
    writer.emit1(EV_NEW, id);
    if (!gc) rec.gcState = GC_NOT_GC;
    else if (o.gcNext !== null && !born) this.needGenerationWalk = true;
    return rec;
  }

  private sizeOf(o: PyObject, born: boolean): number {
    if (!born) return o.type.basicsize;
    const block = o.address - preHeaderSize(o.type);
    const usable = allocator.usableSize(block);
    return usable > 0 ? usable : o.type.basicsize;
  }

  private idOf(o: PyObject | null | undefined, step: number): number {
    if (o === null || o === undefined) return 0;
    if (this.collectingTargets) this.frameTargets.push(o);
    const rec = this.ensureRec(o, step);
    return rec === null ? 0 : rec.id;
  }

  /** Writes what changed about one object since the previous step. */
  private refresh(rec: Rec, step: number): void {
    const o = rec.obj;
    const writer = this.writer;
    let refcountChanged = false;
    if ((rec.flags & OBJ_STATIC) === 0 || rec.refcnt < 0) {
      if (o.refcnt !== rec.refcnt) {
        refcountChanged = true;
        rec.refcnt = o.refcnt;
        writer.emit2(EV_REFCNT, rec.id, o.refcnt);
      }
    }
    if ((rec.flags & OBJ_TRAVERSED) !== 0 && !rec.complete) {
      const version = dictVersion(o);
      if (version >= 0) {
        if (version !== rec.version) {
          rec.version = version;
          this.refreshEdges(rec, step);
        }
      } else if ((rec.flags & OBJ_OPAQUE) === 0 || refcountChanged || step - rec.edgeStep >= OPAQUE_INTERVAL) {
        // Functions, classes and modules rarely change what they hold: read now and then.
        rec.edgeStep = step;
        this.refreshEdges(rec, step);
      }
    }
    if ((rec.flags & OBJ_WEAKREF) !== 0) {
      const referent = weakReferent(o);
      const target = referent === null || !(referent.refcnt > 0) ? 0 : this.idOf(referent, step);
      if (target !== rec.weak) {
        rec.weak = target;
        writer.emit2(EV_WEAK, rec.id, target);
      }
    }
    if (rec.mutableRepr) {
      const repr = writer.str(shortRepr(o));
      if (repr !== rec.repr) {
        if (rec.repr >= 0) writer.emit2(EV_REPR, rec.id, repr);
        rec.repr = repr;
      }
    }
  }

  private refreshEdges(rec: Rec, step: number): void {
    const o = rec.obj;
    const limit = this.options.containerItems * (rec.kind === KIND_DICT ? 2 : 1) + 8;
    if (rec.exactList && this.listUnchanged(rec, o as PyList, limit)) return;
    const sink = this.sink;
    readEdges(o, sink, limit);
    const n = sink.count;
    const length = containerLength(o);
    if (n === rec.referents.length && length === rec.length) {
      let same = true;
      const referents = rec.referents;
      const texts = rec.labelTexts;
      for (let i = 0; same && i < n; i++) {
        const label = sink.labels[i]!;
        same = sink.targets[i] === referents[i] && (label === texts[i] || label === UNLABELLED);
      }
      if (same) return;
    }
    labelTraversed(o, sink);
    const targets: number[] = new Array(n);
    const labels: number[] = new Array(n);
    let incomplete = false;
    for (let i = 0; i < n; i++) {
      const id = this.idOf(sink.targets[i], step);
      if (id === 0) incomplete = true;
      targets[i] = id;
      labels[i] = this.writer.str(sink.labels[i]!);
    }
    // An immutable object is read again only while it may still be under construction.
    if (rec.immutable && !incomplete && (length < 0 || sink.total === length)) rec.complete = true;
    rec.referents = sink.targets.slice(0, n);
    rec.labelTexts = sink.labels.slice(0, n);
    this.writeEdgeSplice(rec, targets, labels);
    if (length >= 0 && length !== rec.length && (length > n || rec.length > rec.edges.length)) {
      this.writer.emit2(EV_LEN, rec.id, length);
    }
    rec.length = length;
  }

  /** A plain list whose items (up to the limit) are the ones last written. */
  private listUnchanged(rec: Rec, list: PyList, limit: number): boolean {
    const items = list.items;
    if (items.length !== rec.length) return false;
    const n = items.length < limit ? items.length : limit;
    const referents = rec.referents;
    if (n !== referents.length) return false;
    for (let i = 0; i < n; i++) if (items[i] !== referents[i]) return false;
    return true;
  }

  /** Writes the change of a reference list as one splice (common prefix and suffix kept). */
  private writeEdgeSplice(rec: Rec, targets: number[], labels: number[]): void {
    const old = rec.edges;
    const oldLabels = rec.labels;
    const oldLength = old.length;
    const newLength = targets.length;
    let prefix = 0;
    while (prefix < oldLength && prefix < newLength && old[prefix] === targets[prefix] && oldLabels[prefix] === labels[prefix]) prefix++;
    if (prefix === oldLength && prefix === newLength) return;
    let suffix = 0;
    while (
      suffix < oldLength - prefix && suffix < newLength - prefix &&
      old[oldLength - 1 - suffix] === targets[newLength - 1 - suffix] &&
      oldLabels[oldLength - 1 - suffix] === labels[newLength - 1 - suffix]
    ) suffix++;
    const deleteCount = oldLength - prefix - suffix;
    const insertCount = newLength - prefix - suffix;
    for (let i = prefix; i < prefix + deleteCount; i++) this.touched.push(old[i]!);
    const events = this.writer.events;
    events.push(EV_EDGES, rec.id, prefix, deleteCount, insertCount);
    for (let i = prefix; i < prefix + insertCount; i++) events.push(targets[i]!, labels[i]!);
    rec.edges = targets;
    rec.labels = labels;
  }

  // ------------------------------------------------------------------ GC state

  private refreshGC(rec: Rec): void {
    const o = rec.obj;
    const tracked = o.gcNext !== null;
    if (!tracked) rec.gen = -1;
    else if (rec.gen < 0) rec.gen = 0;
    let state = !tracked ? GC_UNTRACKED : rec.gen === 3 ? GC_PERMANENT : rec.gen + 1;
    if ((o.gcFlags & GC_COLLECTING) !== 0) state |= GC_FLAG_COLLECTING;
    if ((o.gcFlags & GC_UNREACHABLE) !== 0) state |= GC_FLAG_UNREACHABLE;
    if (state !== rec.gcState) {
      rec.gcState = state;
      this.writer.emit2(EV_GC, rec.id, state);
    }
    if (!rec.finalized && (o.gcFlags & GC_FINALIZED) !== 0) {
      rec.finalized = true;
      this.writer.emit1(EV_FINALIZED, rec.id);
    }
  }

  private writeGCCounters(): void {
    const permanentNonEmpty = gcstate.permanent.head.gcNext !== gcstate.permanent.head;
    if (permanentNonEmpty !== this.frozenSeen) {
      this.frozenSeen = permanentNonEmpty;
      this.needGenerationWalk = true;
    }
    if (this.needGenerationWalk && !this.collecting) {
      this.needGenerationWalk = false;
      this.walkGenerations();
      for (const rec of this.recs) if (rec.alive && (rec.flags & OBJ_GC) !== 0) this.refreshGC(rec);
    }
    const writer = this.writer;
    const gens = gcstate.generations;
    const counts = this.gcCounts;
    if (counts[0] !== gens[0]!.count || counts[1] !== gens[1]!.count || counts[2] !== gens[2]!.count) {
      counts[0] = gens[0]!.count;
      counts[1] = gens[1]!.count;
      counts[2] = gens[2]!.count;
      writer.emit3(EV_GC_COUNT, counts[0], counts[1], counts[2]);
    }
    const config = this.gcConfig;
    const enabled = gcstate.enabled ? 1 : 0;
    if (config[0] !== gens[0]!.threshold || config[1] !== gens[1]!.threshold || config[2] !== gens[2]!.threshold || config[3] !== enabled) {
      config[0] = gens[0]!.threshold;
      config[1] = gens[1]!.threshold;
      config[2] = gens[2]!.threshold;
      config[3] = enabled;
      writer.emit4(EV_GC_CONFIG, config[0], config[1], config[2], enabled);
    }
  }

  /** Which generation list each followed object is on (after a collection, a freeze, ...). */
  private walkGenerations(): void {
    const lists = [gcstate.generations[0]!.head, gcstate.generations[1]!.head, gcstate.generations[2]!.head, gcstate.permanent.head];
    for (let g = 0; g < lists.length; g++) {
      const head = lists[g]!;
      for (let o = head.gcNext; o !== null && o !== head; o = o.gcNext) {
        const rec = this.recOf.get(o);
        if (rec !== undefined) rec.gen = g;
      }
    }
  }

  // ------------------------------------------------------------------ frames

  private frameIsRunning(frame: Frame): boolean {
    for (let f = tstate === undefined ? null : tstate.frame; f !== null; f = f.previous) if (f === frame) return true;
    return false;
  }

  private writeFrames(top: Frame | null, topSp: number, nextLine: number, step: number): void {
    const writer = this.writer;
    const globalsFrame = this.globalsFrame;
    this.frameTargets.length = 0;
    if (globalsFrame === null) return;
    const chain: Frame[] = [];
    let mainRunning = false;
    for (let f = tstate === undefined ? null : tstate.frame; f !== null; f = f.previous) {
      if (f === this.mainFrame) mainRunning = true;
      else if (f.code.filename.value === this.options.filename) chain.push(f);
    }
    chain.reverse();
    this.collectingTargets = true;
    try {
      this.writeFrameList(globalsFrame, chain, top, topSp, nextLine, mainRunning, step);
    } finally {
      this.collectingTargets = false;
    }
  }

  private collectingTargets = false;

  private writeFrameList(globalsFrame: FrameRec, chain: Frame[], top: Frame | null, topSp: number, nextLine: number, mainRunning: boolean, step: number): void {
    const writer = this.writer;
    const stack: number[] = [globalsFrame.id];
    // The global frame: the module's namespace, and the module code's line while it runs.
    const mainLine = !mainRunning ? 0 : top === this.mainFrame ? nextLine : (this.mainFrame as Frame).currentLine();
    this.writeLine(globalsFrame, mainLine);
    if (this.mainGlobals !== null) this.writeNamespace(globalsFrame, this.mainGlobals, step);
    if (mainRunning && this.mainFrame !== null) {
      this.writeTemps(globalsFrame, this.mainFrame, top === this.mainFrame ? topSp : this.mainFrame.sp, step);
    }
    for (const f of chain) {
      let rec = this.frameRecs.get(f);
      if (rec === undefined) {
        rec = new FrameRec(this.nextFrameId++);
        this.frameRecs.set(f, rec);
        writer.emit3(EV_FRAME, rec.id, writer.str(f.code.qualname.value), f.code.firstlineno);
      }
      stack.push(rec.id);
      this.writeLine(rec, f === top ? nextLine : f.currentLine());
      if ((f.code.flags & CO_OPTIMIZED) !== 0) this.writeFastLocals(rec, f, step);
      else if (f.locals !== null && f.locals !== f.globals) this.writeNamespace(rec, f.locals as PyDict, step);
      this.writeTemps(rec, f, f === top ? topSp : f.sp, step);
    }
    const key = this.stackKey;
    let same = key.length === stack.length;
    for (let i = 0; same && i < stack.length; i++) same = key[i] === stack[i];
    if (!same) {
      this.stackKey = stack;
      writer.emitList(EV_STACK, stack);
    }
  }

  private writeLine(rec: FrameRec, line: number): void {
    if (rec.line !== line) {
      rec.line = line;
      this.writer.emit2(EV_LINE, rec.id, line);
    }
  }

  private writeFastLocals(rec: FrameRec, f: Frame, step: number): void {
    const code = f.code;
    const n = code.nlocalsplus;
    const slots = f.localsplus;
    const written = rec.slots;
    for (let i = 0; i < n; i++) {
      const target = this.idOf(slots[i], step);
      const before = written[i] ?? 0;
      if (target !== before) {
        if (before !== 0) this.touched.push(before);
        written[i] = target;
        this.writer.emit3(EV_VAR, rec.id, this.writer.str(code.localsplusnames[i]!.value), target);
      }
    }
  }

  private writeNamespace(rec: FrameRec, d: PyDict, step: number): void {
    if (!(d.refcnt > 0)) return;
    if (d.versionTag === rec.version) {
      // Same bindings: only the objects' own changes matter, and those are read elsewhere.
      for (const o of rec.values) this.frameTargets.push(o);
      return;
    }
    rec.version = d.versionTag;
    const seen = new Map<string, number>();
    rec.values.length = 0;
    for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) {
      const key = dictEntry.key;
      const value = dictEntry.value as PyObject;
      if (!(key instanceof PyStr) || HIDDEN_NAMES.has(key.value)) continue;
      rec.values.push(value);
      seen.set(key.value, this.idOf(value, step));
    }
    const writer = this.writer;
    for (const [name, target] of seen) {
      const before = rec.names.get(name);
      if (before !== target) {
        if (before !== undefined) this.touched.push(before);
        writer.emit3(EV_VAR, rec.id, writer.str(name), target);
      }
    }
    for (const [name, before] of rec.names) {
      if (!seen.has(name)) {
        this.touched.push(before);
        writer.emit3(EV_VAR, rec.id, writer.str(name), 0);
      }
    }
    rec.names = seen;
  }

  private writeTemps(rec: FrameRec, f: Frame, sp: number, step: number): void {
    const temps: number[] = [];
    const slots = f.localsplus;
    for (let i = f.code.nlocalsplus; i < sp && i < slots.length; i++) {
      const v = slots[i];
      if (v !== null && v !== undefined) temps.push(this.idOf(v, step));
    }
    const old = rec.temps;
    let same = old.length === temps.length;
    for (let i = 0; same && i < temps.length; i++) same = old[i] === temps[i];
    if (same) return;
    for (const id of old) if (!temps.includes(id)) this.touched.push(id);
    rec.temps = temps;
    this.writer.events.push(EV_TEMPS, rec.id, temps.length, ...temps);
  }

  // ------------------------------------------------------------------ output

  /** sys.stdout and sys.stderr as they were when the program started (their buffers are read). */
  private findStandardStreams(): void {
    const interp = currentInterpreter;
    if (interp === null) return;
    const d = interp.sysModule.dict;
    if (d === null) return;
    for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) {
      const key = dictEntry.key;
      if (!(key instanceof PyStr)) continue;
      if (key.value === "stdout") this.streams[0] = dictEntry.value;
      else if (key.value === "stderr") this.streams[1] = dictEntry.value;
    }
  }

  /** The text a standard stream holds back in its buffer (TextIOWrapper's pending_bytes). */
  private pendingText(stream: PyObject | null): string {
    if (stream === null || !(stream.refcnt > 0)) return "";
    const pending = (stream as unknown as { pending?: PyObject | null }).pending;
    if (pending === null || pending === undefined) return "";
    if (pending instanceof PyList) {
      let text = "";
      for (const part of pending.items) text += partText(part);
      return text;
    }
    return partText(pending);
  }

  /** Writes the output that appeared since the last step (delivered or still buffered). */
  private flushOutput(): void {
    for (let s = 0; s < 2; s++) {
      const text = this.hostText[s]! + this.pendingText(this.streams[s]!);
      const emitted = this.emittedLength[s]!;
      if (text.length > emitted) {
        this.writer.emit2(EV_OUT, s + 1, this.writer.str(text.slice(emitted)));
        this.emittedLength[s] = text.length;
      }
    }
  }
}

function partText(part: PyObject): string {
  if (part instanceof PyStr) return part.value;
  if (part instanceof PyBytes) return new TextDecoder().decode(part.data);
  return "";
}
