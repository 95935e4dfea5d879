// The recorded run ("trace"): the compact event log the recorder writes and the viewer reads.
// No CPython counterpart; it is what a debugger would keep if it recorded a whole run.
//
// A trace is a list of *steps* (one per executed source line, plus the start and the end) and
// one flat stream of numeric *events*: step i's events are events[stepEventEnd[i-1] ..
// stepEventEnd[i]). Events are deltas (an object was born, a refcount changed, a reference
// slot changed, a variable was rebound); the state at any step is rebuilt by replaying them
// (rebuild.ts), from a keyframe. Strings (type names, reprs, labels, output) are stored once
// in a table and referred to by index. This file is plain data and constants: it is shared
// by the recorder (Node or a Web Worker) and the viewer (the page and the HTML report).

export const TRACE_FORMAT = 1;

/** Line steps recorded at most by default (the run stops there, keeping what it recorded). */
export const DEFAULT_MAX_STEPS = 200_000;
/** References recorded per container by default (the rest are counted). */
export const DEFAULT_CONTAINER_ITEMS = 64;

// ------------------------------------------------------------------ event opcodes
// Each event is its opcode followed by a fixed number of operands, except where noted.
// Object ids start at 1; 0 means "none". Frame ids start at 1. Strings are indices into
// `strings` (0 is the empty string).

/** id: the object entered the observed heap (static facts are in the object table). */
export const EV_NEW = 1;
/** id reason generation: the object was freed (FREE_* reason; generation for FREE_GC). */
export const EV_FREE = 2;
/** id refcount */
export const EV_REFCNT = 3;
/** id start deleteCount insertCount, then insertCount pairs (target, label): a splice of the object's strong references. */
export const EV_EDGES = 4;
/** id length: a container's length, when it holds more items than are recorded as edges. */
export const EV_LEN = 5;
/** id state: GC state (see gcStateOf / GC_* below). */
export const EV_GC = 6;
/** id target: the referent of a weak reference (0 once it is dead). */
export const EV_WEAK = 7;
/** id repr: the short repr of a mutable object changed. */
export const EV_REPR = 8;
/** fid name firstLine: a frame appeared (name = qualified name of its code). */
export const EV_FRAME = 9;
/** count, then count frame ids, bottom first: the frame stack. */
export const EV_STACK = 10;
/** fid line: the line a frame is at (the next line to run, for the top frame). */
export const EV_LINE = 11;
/** fid name target: a variable of a frame was bound (target 0: unbound or deleted). */
export const EV_VAR = 12;
/** fid count, then count targets: the frame's value-stack temporaries. */
export const EV_TEMPS = 13;
/** stream text: program output (stream 1 = stdout, 2 = stderr). */
export const EV_OUT = 14;
/** generation automatic(0/1): a collection started. */
export const EV_GC_START = 15;
/** generation collected uncollectable: the collection finished. */
export const EV_GC_END = 16;
/** count0 count1 count2: generation counts (gc.get_count()). */
export const EV_GC_COUNT = 17;
/** threshold0 threshold1 threshold2 enabled(0/1) */
export const EV_GC_CONFIG = 18;
/** pool sizeClass blocksInUse: a pymalloc pool's state (pool = index in the pool table). */
export const EV_POOL = 19;
/** count, then count arena indices: the live arenas. */
export const EV_ARENAS = 20;
/** phase: PHASE_* (the program finished, the interpreter shuts down, ...). */
export const EV_PHASE = 21;
/** id: the object's __del__ (tp_finalize) has run (gc.is_finalized). */
export const EV_FINALIZED = 22;

/** Operand counts of fixed-size events (variable-size ones are decoded by hand). */
export const EVENT_OPERANDS: Record<number, number> = {
  [EV_NEW]: 1,
  [EV_FREE]: 3,
  [EV_REFCNT]: 2,
  [EV_LEN]: 2,
  [EV_GC]: 2,
  [EV_WEAK]: 2,
  [EV_REPR]: 2,
  [EV_FRAME]: 3,
  [EV_LINE]: 2,
  [EV_VAR]: 3,
  [EV_OUT]: 2,
  [EV_GC_START]: 2,
  [EV_GC_END]: 3,
  [EV_GC_COUNT]: 3,
  [EV_GC_CONFIG]: 4,
  [EV_POOL]: 3,
  [EV_PHASE]: 1,
  [EV_FINALIZED]: 1,
};

/** Length of the event starting at `at` (opcode included). */
export function eventLength(events: ArrayLike<number>, at: number): number {
  const op = events[at]!;
  if (op === EV_EDGES) return 5 + 2 * events[at + 4]!;
  if (op === EV_STACK) return 2 + events[at + 1]!;
  if (op === EV_TEMPS) return 3 + events[at + 2]!;
  if (op === EV_ARENAS) return 2 + events[at + 1]!;
  const n = EVENT_OPERANDS[op];
  if (n === undefined) throw new Error(`trace: unknown event ${op} at ${at}`);
  return 1 + n;
}

// ------------------------------------------------------------------ reasons and states

/** The last reference went away (Py_DECREF reached zero). */
export const FREE_REFCOUNT = 1;
/** Freed while the cyclic collector was running: part of (or reachable only from) garbage. */
export const FREE_GC = 2;
/** Freed while the interpreter shut down (modules cleared, final collections). */
export const FREE_SHUTDOWN = 3;

export const FREE_REASON_TEXT: Record<number, string> = {
  [FREE_REFCOUNT]: "refcount reached zero",
  [FREE_GC]: "collected as cyclic garbage",
  [FREE_SHUTDOWN]: "freed at interpreter shutdown",
};

/** GC state: the low 3 bits hold generation + 1 (0 = not tracked; 4 = permanent, gc.freeze()). */
export const GC_UNTRACKED = 0;
export const GC_PERMANENT = 4;
/** Flag bits above the generation: inside a running collection, found unreachable. */
export const GC_FLAG_COLLECTING = 8;
export const GC_FLAG_UNREACHABLE = 16;
/** The object's type is not a GC type at all (ints, strs, ...). */
export const GC_NOT_GC = 32;

export function gcGeneration(state: number): number {
  const g = state & 7;
  return g === GC_PERMANENT ? 3 : g - 1;
}

export function gcStateText(state: number): string {
  if ((state & GC_NOT_GC) !== 0) return "not a GC object";
  const g = state & 7;
  let text = g === GC_UNTRACKED ? "untracked" : g === GC_PERMANENT ? "permanent (frozen)" : `generation ${g - 1}`;
  if ((state & GC_FLAG_UNREACHABLE) !== 0) text += ", found unreachable";
  else if ((state & GC_FLAG_COLLECTING) !== 0) text += ", being collected";
  return text;
}

export const PHASE_SHUTDOWN = 1;
export const PHASE_END = 2;

// ------------------------------------------------------------------ object flags (static facts)

/** The object was allocated during the run (not by interpreter start-up). */
export const OBJ_BORN = 1;
/** Its type is a GC type. */
export const OBJ_GC = 2;
/** A static object (small int, None, a static type...): never freed; refcount not followed. */
export const OBJ_STATIC = 4;
/** Its references are followed (it is a container, an instance, ...); otherwise a leaf. */
export const OBJ_TRAVERSED = 8;
/** A weak reference (its referent is given by EV_WEAK events). */
export const OBJ_WEAKREF = 16;
/** Its type defines tp_finalize (__del__). */
export const OBJ_HAS_FINALIZER = 32;
/** Drawn inline by default (ints, floats, strs, bools, None, bytes). */
export const OBJ_ATOMIC = 64;
/** A namespace: a module, a class, a function or code (shown as a labelled leaf). */
export const OBJ_OPAQUE = 128;

/** Object kinds (how the viewer draws an object). */
export const KIND_OTHER = 0;
export const KIND_LIST = 1;
export const KIND_TUPLE = 2;
export const KIND_DICT = 3;
export const KIND_SET = 4;
export const KIND_INSTANCE = 5;
export const KIND_CELL = 6;
export const KIND_WEAKREF = 7;
export const KIND_FUNCTION = 8;
export const KIND_TYPE = 9;
export const KIND_MODULE = 10;
export const KIND_ATOM = 11;
export const KIND_METHOD = 12;

/** A label on a dict's reference to one of its keys. */
export const LABEL_DICT_KEY = "(key)";
/** A label on an object's reference to its class. */
export const LABEL_CLASS = "__class__";

// ------------------------------------------------------------------ the trace

export interface ObjectTable {
  /** Per object (index = id - 1): type name (string index). */
  type: number[];
  kind: number[];
  flags: number[];
  /** id() of the object. */
  address: number[];
  /** sys.getsizeof-style size of the object's block (what was allocated for it). */
  size: number[];
  /** Step in which the object was born (or first observed). */
  born: number[];
  /** Short repr at birth (string index). */
  repr: number[];
}

export interface StepTable {
  /** The line executed in the step (0: no line, e.g. start or shutdown). */
  line: number[];
  /** End (exclusive) of the step's events. */
  eventEnd: number[];
  /** Bytes in blocks allocated since the start and still live (what tracemalloc would trace). */
  traced: number[];
  /** sys.getallocatedblocks() after the step. */
  blocks: number[];
}

export interface PoolTable {
  address: number[];
}

export interface ArenaTable {
  base: number[];
  /** Address of the arena's first pool (arenas need not be pool aligned). */
  firstPool: number[];
  totalPools: number[];
}

export interface TraceEnd {
  /** "finished", "budget" (a step or time budget stopped it), "error", "stopped". */
  status: string;
  /** Why the run stopped, for the viewer to show. */
  reason: string;
  exitCode: number;
}

export interface Trace {
  format: number;
  filename: string;
  source: string;
  strings: string[];
  objects: ObjectTable;
  steps: StepTable;
  events: number[];
  pools: PoolTable;
  arenas: ArenaTable;
  /** Recorder limits in force (so the viewer can say what was truncated). */
  limits: { containerItems: number; maxSteps: number };
  end: TraceEnd | null;
  /** Problems the recorder met (it stops observing rather than disturb the run). */
  notes: string[];
}

export function emptyTrace(filename: string, source: string): Trace {
  return {
    format: TRACE_FORMAT,
    filename,
    source,
    // The writer's first string is "" (index 0 means "no string").
    strings: [],
    objects: { type: [], kind: [], flags: [], address: [], size: [], born: [], repr: [] },
    steps: { line: [], eventEnd: [], traced: [], blocks: [] },
    events: [],
    pools: { address: [] },
    arenas: { base: [], firstPool: [], totalPools: [] },
    limits: { containerItems: 0, maxSteps: 0 },
    end: null,
    notes: [],
  };
}

/**
 * A slice of a trace being recorded, sent from the engine's worker to the page while the
 * program runs: everything appended since the previous chunk.
 */
export interface TraceChunk {
  strings: string[];
  objects: ObjectTable;
  steps: StepTable;
  events: number[];
  pools: PoolTable;
  arenas: ArenaTable;
  notes: string[];
  end: TraceEnd | null;
}

/** Appends a chunk to a trace (the receiving side of streaming). */
export function appendChunk(trace: Trace, chunk: TraceChunk): void {
  pushAll(trace.strings, chunk.strings);
  for (const key of Object.keys(chunk.objects) as (keyof ObjectTable)[]) pushAll(trace.objects[key], chunk.objects[key]);
  for (const key of Object.keys(chunk.steps) as (keyof StepTable)[]) pushAll(trace.steps[key], chunk.steps[key]);
  pushAll(trace.events, chunk.events);
  pushAll(trace.pools.address, chunk.pools.address);
  for (const key of Object.keys(chunk.arenas) as (keyof ArenaTable)[]) pushAll(trace.arenas[key], chunk.arenas[key]);
  pushAll(trace.notes, chunk.notes);
  if (chunk.end !== null) trace.end = chunk.end;
}

function pushAll<T>(to: T[], from: readonly T[]): void {
  // push(...from) overflows the JS stack for large chunks.
  for (let i = 0; i < from.length; i++) to.push(from[i]!);
}

export function stepCount(trace: Trace): number {
  return trace.steps.line.length;
}
