// Modules/_tracemalloc.c (3.11), the module: _tracemalloc.start / stop / is_tracing /
// clear_traces / get_traceback_limit / get_traced_memory / reset_peak /
// get_tracemalloc_memory / _get_traces / _get_object_traceback (with Argument Clinic's
// messages), the conversion of traces to tuples (trace_to_pyobject, traceback_to_pyobject
// with the per-call interning of traceback tuples, done with tracing suspended), and
// Python/pylifecycle.c's `-X tracemalloc=N` start-up; plus the `tracemalloc` module itself
// (pylib/tracemalloc.py.ts, as CPython ships Lib/tracemalloc.py).
//
// For the CLI: startTracingAtStartup(nframe) and formatTopLines(n), the report a
// `python3 -X tracemalloc` user prints with snapshot.statistics('lineno')[:n].

import type { PyObject } from "../runtime/object.js";
import { decref, newRef } from "../runtime/refcount.js";
import { GC_HEAD_SIZE } from "../runtime/heap.js";
import { TPFLAGS_HAVE_GC } from "../runtime/type.js";
import { OverflowErrorType, TypeErrorType, ValueErrorType, FileNotFoundErrorType, raise } from "../runtime/exceptions.js";
import { newInt, newIntSsize, newBool, isInt, intToBigInt } from "../runtime/int.js";
import { newStr, staticStr, isStr, type PyStr } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import { tupleFromOwned, type PyTuple } from "../runtime/tuple.js";
import { listAppendOwned, newList } from "../runtime/list.js";
import { dictSetItem } from "../runtime/dict.js";
import { newModule } from "../runtime/moduleobject.js";
import { newCFunction } from "../runtime/methodobject.js";
import { numberIndex } from "../runtime/abstract.js";
import { checkPositional, noKeywords } from "../runtime/getargs.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { doubleToString } from "../runtime/values/floatrepr.js";
import { currentInterpreter, registerBuiltinModule, registerPythonModule } from "./interp_state.js";
import { tracer, MAX_NFRAME, type TraceTraceback } from "./tracemallocmodule_core.js";
import { TRACEMALLOC_SOURCE } from "./pylib/tracemalloc.py.js";

export { tracer, TraceMalloc, MAX_NFRAME } from "./tracemallocmodule_core.js";
export type { Trace, TraceFrame, TraceTraceback } from "./tracemallocmodule_core.js";

const INT_MAX = 2147483647n;
const INT_MIN = -2147483648n;

/** Argument Clinic's `int` converter (_PyLong_AsInt). */
function asCInt(o: PyObject): number {
  if (o.type.nbIndex === null && !isInt(o)) raise(TypeErrorType, `'${o.type.name}' object cannot be interpreted as an integer`);
  const i = numberIndex(o);
  const v = intToBigInt(i);
  decref(i);
  if (v > INT_MAX || v < INT_MIN) raise(OverflowErrorType, "Python int too large to convert to C int");
  return Number(v);
}

function checkNframe(nframe: number): void {
  if (nframe < 1 || nframe > MAX_NFRAME) raise(ValueErrorType, `the number of frames must be in range [1; ${MAX_NFRAME}]`);
}

// ---------------------------------------------------------------------------
// Traces as Python objects.

function tracebackTuple(tb: TraceTraceback): PyTuple {
  return tupleFromOwned(tb.frames.map((f) => tupleFromOwned([newRef(f.filename), newInt(f.lineno)])));
}

/** _tracemalloc._get_traces: [(domain, size, traceback, total_nframe), ...] */
function getTraces(): PyObject {
  const list = newList(0);
  if (!tracer.tracing) return list;
  // tracemalloc_copy_traces: what is traced now, even if converting frees something.
  const sizes: number[] = [];
  const tracebacks: TraceTraceback[] = [];
  tracer.traces.forEach((trace) => {
    sizes.push(trace.size);
    tracebacks.push(trace.traceback);
  });
  const interned = new Map<TraceTraceback, PyTuple>();
  tracer.reentrant = true;
  try {
    for (let i = 0; i < sizes.length; i++) {
      const tb = tracebacks[i]!;
      let tuple = interned.get(tb);
      if (tuple === undefined) {
        tuple = tracebackTuple(tb);
        interned.set(tb, tuple);
      }
      listAppendOwned(list, tupleFromOwned([newInt(0), newIntSsize(sizes[i]!), newRef(tuple), newIntSsize(tb.totalNframe)]));
    }
  } catch (e) {
    decref(list);
    throw e;
  } finally {
    for (const t of interned.values()) decref(t);
    tracer.reentrant = false;
  }
  return list;
}

/** _tracemalloc._get_object_traceback(obj): the frames of obj's memory block, or None. */
function getObjectTraceback(obj: PyObject): PyObject {
  if (!tracer.tracing) return newRef(None);
  // 3.11 steps back over the GC head only (not the managed-dict pre-header), so instances
  // of plain classes are not found: their block starts 16 bytes earlier.
  const gcHead = (obj.type.flags & TPFLAGS_HAVE_GC) !== 0 ? GC_HEAD_SIZE : 0;
  const trace = tracer.traceAt(obj.address - gcHead);
  if (trace === null) return newRef(None);
  return tracebackTuple(trace.traceback);
}

// ---------------------------------------------------------------------------
// The module's functions.

const TRACEMALLOC_FUNCTIONS: MethodDef[] = [
  { name: "is_tracing", kind: "noargs", fn: () => newBool(tracer.tracing), doc: "Return True if the tracemalloc module is tracing Python memory allocations." },
  { name: "clear_traces", kind: "noargs", fn: () => (tracer.tracing && tracer.clearTraces(), newRef(None)), doc: "Clear traces of memory blocks allocated by Python." },
  { name: "_get_traces", kind: "noargs", fn: () => getTraces(), doc: "Get traces of all memory blocks allocated by Python." },
  { name: "_get_object_traceback", kind: "o", fn: (_m, obj) => getObjectTraceback(obj), doc: "Get the traceback where the Python object obj was allocated." },
  {
    name: "start",
    kind: "fastcall",
    fn: (_m, args, start, nargs, kwnames) => {
      noKeywords("start", kwnames);
      checkPositional("start", nargs, 0, 1);
      const nframe = nargs === 0 ? 1 : asCInt(args[start]!);
      checkNframe(nframe);
      tracer.start(nframe);
      return newRef(None);
    },
    doc: "Start tracing Python memory allocations.",
  },
  { name: "stop", kind: "noargs", fn: () => (tracer.stop(), newRef(None)), doc: "Stop tracing Python memory allocations." },
  { name: "get_traceback_limit", kind: "noargs", fn: () => newInt(tracer.maxNframe), doc: "Get the maximum number of frames stored in the traceback of a trace." },
  { name: "get_tracemalloc_memory", kind: "noargs", fn: () => newIntSsize(tracer.ownMemory()), doc: "Get the memory usage in bytes of the tracemalloc module." },
  {
    name: "get_traced_memory",
    kind: "noargs",
    fn: () => {
      const current = tracer.tracing ? tracer.tracedMemory : 0;
      const peak = tracer.tracing ? tracer.peakTracedMemory : 0;
      return tupleFromOwned([newIntSsize(current), newIntSsize(peak)]);
    },
    doc: "Get the current size and peak size of memory blocks traced by tracemalloc.",
  },
  { name: "reset_peak", kind: "noargs", fn: () => (tracer.resetPeak(), newRef(None)), doc: "Set the peak size of memory blocks traced by tracemalloc to the current size." },
];

// Helpers the Python half uses where CPython's Lib/tracemalloc.py imports linecache and
// pickle: source lines come from the interpreter's registry, and dumped snapshots go to an
// in-memory store keyed by file name (Python code never touches the host's files).

const dumpedSnapshots = new Map<string, PyObject>();

const PRIVATE_HELPERS: MethodDef[] = [
  {
    name: "_source_line",
    kind: "fastcall",
    fn: (_m, args, start, nargs) => {
      const filename = args[start]!;
      const lineno = nargs > 1 ? args[start + 1]! : null;
      const i = currentInterpreter;
      if (i === null || !isStr(filename) || lineno === null || !isInt(lineno)) return newStr("");
      const line = i.sourceLine((filename as PyStr).value, Number(intToBigInt(lineno)));
      return newStr(line === null ? "" : line + "\n");
    },
  },
  {
    name: "_dump",
    kind: "fastcall",
    fn: (_m, args, start, nargs) => {
      if (nargs !== 2 || !isStr(args[start]!)) raise(TypeErrorType, "_dump(filename, state)");
      const key = (args[start] as PyStr).value;
      const previous = dumpedSnapshots.get(key);
      dumpedSnapshots.set(key, newRef(args[start + 1]!));
      if (previous !== undefined) decref(previous);
      return newRef(None);
    },
  },
  {
    name: "_load",
    kind: "o",
    fn: (_m, filename) => {
      const key = isStr(filename) ? (filename as PyStr).value : "";
      const state = dumpedSnapshots.get(key);
      if (state === undefined) {
        raise(FileNotFoundErrorType, `[Errno 2] No such file or directory: '${key}'`);
      }
      return newRef(state);
    },
  },
];

function initTracemallocModule(): PyObject {
  const m = newModule("_tracemalloc", "built-in");
  const d = m.dict!;
  const doc = newStr("Debug module to trace memory blocks allocated by Python.");
  dictSetItem(d, staticStr("__doc__"), doc);
  decref(doc);
  const moduleName = newStr("_tracemalloc");
  for (const def of [...TRACEMALLOC_FUNCTIONS, ...PRIVATE_HELPERS]) {
    const f = newCFunction(def, m, moduleName);
    dictSetItem(d, staticStr(def.name), f);
    decref(f);
  }
  decref(moduleName);
  return m;
}

registerBuiltinModule("_tracemalloc", initTracemallocModule);
registerPythonModule("tracemalloc", TRACEMALLOC_SOURCE);

// ---------------------------------------------------------------------------
// The command line's side.

/** `-X tracemalloc=N` / PYTHONTRACEMALLOC: trace from start-up (call before running code). */
export function startTracingAtStartup(nframe: number): void {
  checkNframeHost(nframe);
  tracer.start(nframe);
}

/** Stops tracing (Py_FinalizeEx's _PyTraceMalloc_Fini): call after the exit report. */
export function stopTracing(): void {
  tracer.stop();
}

function checkNframeHost(nframe: number): void {
  if (!Number.isInteger(nframe) || nframe < 1 || nframe > MAX_NFRAME) {
    throw new RangeError(`-X tracemalloc=NFRAME: number of frame must be an integer in range [1; ${MAX_NFRAME}]`);
  }
}

/** Lib/tracemalloc.py's _format_size. */
export function formatSize(size: number, sign: boolean): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  for (const unit of units) {
    if (Math.abs(size) < 100 && unit !== "B") return `${doubleToString(size, "f", 1, { sign })} ${unit}`;
    if (Math.abs(size) < 10 * 1024 || unit === "TiB") return `${doubleToString(size, "f", 0, { sign })} ${unit}`;
    size /= 1024;
  }
  return `${size} TiB`;
}

/**
 * The top `n` lines of snapshot.statistics('lineno') as Statistic's str() prints them,
 * under a "[ Top n lines ]" heading; "" when tracemalloc is not tracing.
 */
export function formatTopLines(n: number): string {
  if (!tracer.tracing) return "";
  const groups = new Map<string, { filename: string; lineno: number; size: number; count: number }>();
  tracer.traces.forEach((trace) => {
    const frame = trace.traceback.frames[0]!;
    const key = `${frame.lineno}\u0000${frame.filename.value}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { filename: frame.filename.value, lineno: frame.lineno, size: 0, count: 0 };
      groups.set(key, g);
    }
    g.size += trace.size;
    g.count++;
  });
  const stats = [...groups.values()];
  // Statistic._sort_key, reversed: size, then count, then the frame (filename, lineno).
  stats.sort((a, b) => b.size - a.size || b.count - a.count || compareText(b.filename, a.filename) || b.lineno - a.lineno);
  let text = `[ Top ${n} lines ]\n`;
  for (const s of stats.slice(0, n)) {
    text += `${s.filename}:${s.lineno}: size=${formatSize(s.size, false)}, count=${s.count}`;
    if (s.count !== 0) text += `, average=${formatSize(s.size / s.count, false)}`;
    text += "\n";
  }
  return text;
}

/** Python's str ordering (code points), not UTF-16 units. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const x = Array.from(a);
  const y = Array.from(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
