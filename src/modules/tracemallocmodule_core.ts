// Modules/_tracemalloc.c (3.11), the tracer: tracemalloc_start / tracemalloc_stop (the hooks
// on the RAW, MEM and OBJ domains), tracemalloc_alloc / tracemalloc_realloc /
// tracemalloc_free (ADD_TRACE re-attributes a block on realloc, REMOVE_TRACE ignores unknown
// blocks), traceback_get_frames / tracemalloc_get_frame (up to max_nframe frames, most
// recent first, total_nframe counting all of them), traceback_new's interning, the empty
// traceback ("<unknown>", 0), tracemalloc_clear_traces, the traced/peak counters and
// tracemalloc_get_tracemalloc_memory (_Py_hashtable_size of its three tables).
//
// Nothing tracemalloc keeps lives in the allocator model, so its own bookkeeping is never
// traced, as in CPython where it uses the raw allocator with the hooks bypassed.

import type { AllocationHook, Domain } from "../memory/index.js";
import { allocator, preHeaderSize, setNewReferenceHook } from "../runtime/heap.js";
import type { PyObject } from "../runtime/object.js";
import { incref, decref } from "../runtime/refcount.js";
import { staticStr, type PyStr } from "../runtime/str.js";
import { tstate } from "../python/ceval.js";
import type { Frame } from "../python/frame.js";
import { AddressMap } from "./tracemallocmodule_addressmap.js";

/** MAX_NFRAME: the limit of traceback_limit. */
export const MAX_NFRAME = 65535;

/** One frame of a traceback: the code's filename and the line being run. */
export interface TraceFrame {
  filename: PyStr;
  lineno: number;
}

/** An interned traceback: frames most recent first; identical tracebacks are one object. */
export interface TraceTraceback {
  frames: TraceFrame[];
  totalNframe: number;
}

export interface Trace {
  size: number;
  traceback: TraceTraceback;
}

/**
 * _Py_hashtable_t's memory as tracemalloc_get_tracemalloc_memory counts it: the table struct,
 * its buckets (16 at least, rehashed to a power of two when the load leaves [0.1, 0.5]) and
 * one 32-byte entry per item.
 */
class HashtableSize {
  nbuckets = 16;
  nentries = 0;

  private rehash(): void {
    const wanted = Math.floor(this.nentries * (2.0 / (0.1 + 0.5)));
    let size = 16;
    while (size < wanted) size *= 2;
    this.nbuckets = size;
  }

  added(): void {
    this.nentries++;
    if (this.nentries / this.nbuckets > 0.5) this.rehash();
  }

  removed(): void {
    this.nentries--;
    if (this.nentries / this.nbuckets < 0.1) this.rehash();
  }

  cleared(): void {
    this.nentries = 0;
    this.nbuckets = 16;
  }

  bytes(): number {
    return 80 + this.nbuckets * 8 + this.nentries * 32;
  }
}

/** A node of the traceback trie: frames in order, then one leaf per total_nframe. */
class TraceNode {
  readonly children = new Map<number, TraceNode>();
  readonly leaves = new Map<number, TraceTraceback>();
  constructor(readonly frames: TraceFrame[]) {}
}

/** The tracer's whole state (one per process, as CPython's globals). */
export class TraceMalloc implements AllocationHook {
  tracing = false;
  maxNframe = 1;
  /** Set while tracemalloc itself builds Python objects: those allocations are not traced. */
  reentrant = false;
  /** The hook that was installed when tracing started; every call is passed on to it. */
  previous: AllocationHook | null = null;
  readonly traces = new AddressMap<Trace>();
  tracedMemory = 0;
  peakTracedMemory = 0;

  private readonly filenameIds = new Map<string, number>();
  private readonly filenames: PyStr[] = [];
  private root = new TraceNode([]);
  private tracebackCount = 0;
  private emptyTraceback: TraceTraceback | null = null;
  private readonly tracesTable = new HashtableSize();
  private readonly tracebacksTable = new HashtableSize();
  private readonly filenamesTable = new HashtableSize();

  // ------------------------------------------------------------ the hook

  // Each call goes first to the hook installed before start() (tracemalloc_alloc calls the
  // saved allocator, then records the trace). A tracer that stopped while another hook sat in
  // front of it only passes calls on.

  onMalloc(domain: Domain, address: number, size: number): void {
    const previous = this.previous;
    if (previous !== null) previous.onMalloc(domain, address, size);
    if (this.reentrant || !this.tracing) return;
    this.addTrace(address, size);
  }

  onRealloc(domain: Domain, oldAddress: number, newAddress: number, newSize: number): void {
    const previous = this.previous;
    if (previous !== null) previous.onRealloc(domain, oldAddress, newAddress, newSize);
    if (this.reentrant || !this.tracing) return;
    if (oldAddress !== 0 && newAddress !== oldAddress) this.removeTrace(oldAddress);
    this.addTrace(newAddress, newSize);
  }

  onFree(domain: Domain, address: number): void {
    const previous = this.previous;
    if (previous !== null) previous.onFree(domain, address);
    if (!this.tracing) return;
    this.removeTrace(address);
  }

  /** tracemalloc_add_trace: a known block takes the new size and the current traceback. */
  private addTrace(address: number, size: number): void {
    const traceback = this.currentTraceback();
    const trace = this.traces.get(address);
    if (trace !== undefined) {
      this.tracedMemory -= trace.size;
      trace.size = size;
      trace.traceback = traceback;
    } else {
      this.traces.set(address, { size, traceback });
      this.tracesTable.added();
    }
    this.tracedMemory += size;
    if (this.tracedMemory > this.peakTracedMemory) this.peakTracedMemory = this.tracedMemory;
  }

  private removeTrace(address: number): void {
    const trace = this.traces.delete(address);
    if (trace === undefined) return;
    this.tracesTable.removed();
    this.tracedMemory -= trace.size;
  }

  /**
   * _PyTraceMalloc_NewReference: an object taken from a free list gets the current traceback
   * if its block is traced (blocks allocated before tracing started stay untraced).
   */
  readonly newReference = (o: PyObject): void => {
    const trace = this.traces.get(o.address - preHeaderSize(o.type));
    if (trace !== undefined) trace.traceback = this.currentTraceback();
  };

  // ------------------------------------------------------------ tracebacks

  private filenameId(filename: PyStr): number {
    const text = filename.value;
    let id = this.filenameIds.get(text);
    if (id === undefined) {
      id = this.filenames.length;
      incref(filename);
      this.filenames.push(filename);
      this.filenameIds.set(text, id);
      this.filenamesTable.added();
    }
    return id;
  }

  /** traceback_get_frames + traceback_new: the interned traceback of the running frames. */
  currentTraceback(): TraceTraceback {
    let node = this.root;
    let depth = 0;
    let total = 0;
    const max = this.maxNframe;
    const ts = tstate;
    for (let f: Frame | null = ts === undefined ? null : ts.frame; f !== null; f = f.previous) {
      if (depth < max) {
        const code = f.code;
        let lineno = f.lasti < 0 ? code.firstlineno : code.lineOf(f.lasti);
        if (lineno < 0) lineno = 0;
        const fid = this.filenameId(code.filename);
        const key = fid * 2097152 + (lineno & 2097151);
        let child = node.children.get(key);
        if (child === undefined) {
          child = new TraceNode([...node.frames, { filename: this.filenames[fid]!, lineno }]);
          node.children.set(key, child);
        }
        node = child;
        depth++;
      }
      if (total < MAX_NFRAME) total++;
    }
    if (depth === 0) return this.unknownTraceback();
    let leaf = node.leaves.get(total);
    if (leaf === undefined) {
      leaf = { frames: node.frames, totalNframe: total };
      node.leaves.set(total, leaf);
      this.tracebackCount++;
      this.tracebacksTable.added();
    }
    return leaf;
  }

  /** tracemalloc_empty_traceback: used when no Python frame is running. */
  private unknownTraceback(): TraceTraceback {
    if (this.emptyTraceback === null) {
      const name = staticStr("<unknown>");
      this.emptyTraceback = { frames: [{ filename: name, lineno: 0 }], totalNframe: 1 };
    }
    return this.emptyTraceback;
  }

  // ------------------------------------------------------------ control

  /**
   * tracemalloc_start: nframe already validated. A second start keeps the first limit. The
   * hook installed before (PyMem_GetAllocator's saved allocators) is chained behind ours.
   */
  start(nframe: number): void {
    if (this.tracing) return;
    this.maxNframe = nframe;
    const current = allocator.getHook();
    // A tracer stopped while another hook was in front of it is still in that chain: tracing
    // resumes there.
    if (!this.chainedBehind(current)) {
      this.previous = current;
      allocator.setHook(this);
    }
    setNewReferenceHook(this.newReference);
    this.tracing = true;
  }

  /**
   * tracemalloc_stop: the saved hook is put back (PyMem_SetAllocator). If another hook was
   * installed in front of ours meanwhile, ours stays in its chain, passing calls on.
   */
  stop(): void {
    if (!this.tracing) return;
    this.tracing = false;
    if (allocator.getHook() === this) {
      allocator.setHook(this.previous);
      this.previous = null;
    }
    setNewReferenceHook(null);
    this.clearTraces();
  }

  /** Is this tracer somewhere behind `hook` in a chain of hooks that expose `next`/`previous`? */
  private chainedBehind(hook: AllocationHook | null): boolean {
    for (let h = hook, n = 0; h !== null && n < 16; n++) {
      if (h === this) return true;
      const link = h as { next?: AllocationHook | null; previous?: AllocationHook | null };
      h = link.next ?? link.previous ?? null;
    }
    return false;
  }

  /** tracemalloc_clear_traces: traces, counters, interned tracebacks and filenames. */
  clearTraces(): void {
    this.traces.clear();
    this.tracedMemory = 0;
    this.peakTracedMemory = 0;
    this.tracesTable.cleared();
    this.root = new TraceNode([]);
    this.tracebackCount = 0;
    this.tracebacksTable.cleared();
    for (const f of this.filenames) decref(f);
    this.filenames.length = 0;
    this.filenameIds.clear();
    this.filenamesTable.cleared();
  }

  resetPeak(): void {
    if (!this.tracing) return;
    this.peakTracedMemory = this.tracedMemory;
  }

  /** tracemalloc_get_tracemalloc_memory */
  ownMemory(): number {
    return this.filenamesTable.bytes() + this.tracebacksTable.bytes() + this.tracesTable.bytes();
  }

  /** The trace of the block at `address`, if traced. */
  traceAt(address: number): Trace | null {
    return this.traces.get(address) ?? null;
  }

  /** Number of distinct tracebacks interned so far. */
  get internedTracebacks(): number {
    return this.tracebackCount;
  }
}

/** The process's tracer. */
export const tracer = new TraceMalloc();
