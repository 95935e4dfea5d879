// heapscope/testing: pyz3's `py.testing.detectLeaks` (and what Pydust planned with Zig's
// GeneralPurposeAllocator) for native code run on heapscope: run a function, then report
// every object and every allocator block it allocated that is still alive, with where each
// was allocated. Built on the runtime's leak check (src/runtime/leakcheck.ts: a settled heap
// before and after, the live-object registry) plus the allocator hook for bytes and sites.
//
// Runner-agnostic: detectLeaks returns data, expectNoLeaks / assertNoLeaks throw an
// AssertionError-named error; both work in vitest, node:test or plain scripts.

import "../runtime/load.js";
import type { PyObject } from "../runtime/object.js";
import type { Domain } from "../memory/index.js";
import { allocator, liveObjects, preHeaderSize, trackLiveObjects } from "../runtime/heap.js";
import { findLeaks, heapBaseline } from "../runtime/leakcheck.js";
import { PyRaise } from "../runtime/exceptions.js";
import { BlockTracer, formatSite, TracingObjectSet, type AllocationSite, type BlockRecord } from "./alloctrace.js";
import { nativeBufferAt } from "./allocator.js";
import { takeErrorText } from "./errors.js";
import { runProgram } from "../modules/pythonrun.js";
import { createInterpreter, currentInterpreter } from "../modules/interp.js";
import { installPythonTypes } from "../python/install.js";
import { compileCode, evalCode } from "../modules/bltin_compile.js";
import type { PyCode } from "../python/code.js";
import { PythonSyntaxError } from "../python/parser/index.js";
import { sysGetAttrBorrowed } from "../modules/bltin_util.js";
import { callMethod } from "../runtime/abstract.js";
import { dictClear, dictSetItem, newDict } from "../runtime/dict.js";
import { newStr, staticStr } from "../runtime/str.js";
import { decref as rtDecref } from "../runtime/refcount.js";
// The builtin modules written in TypeScript register themselves when their file loads.
import "../modules/all.js";

const DOMAIN_NAMES = ["raw", "mem", "obj"] as const;

/** A leaked object. */
export interface LeakedObject {
  /** Its type's name ("str", "list", "mymod.Counter"). */
  type: string;
  refcount: number;
  /** What id() would return. */
  address: number;
  /** Bytes of the allocator blocks it owns (its struct, GC head included, and item arrays / tables). */
  size: number;
  /** Where it was allocated: Python frames then JS frames. */
  traceback: string[];
  /** The object itself, for further inspection (do not keep it after the test). */
  object: PyObject;
}

/** A native buffer (NativeAllocator) that was not freed. */
export interface LeakedBuffer {
  address: number;
  size: number;
  alignment: number;
  /** Bytes of its RAW block (the size plus alignment padding). */
  blockSize: number;
  traceback: string[];
}

/** Any other allocator block still alive (a raw malloc, an array of an object freed later...). */
export interface LeakedBlock {
  domain: "raw" | "mem" | "obj";
  address: number;
  size: number;
  traceback: string[];
}

export interface LeakInfo {
  /** Number of objects still alive. */
  objectsLeaked: number;
  /** Bytes of every allocator block still alive (requested sizes, as tracemalloc counts). */
  bytesLeaked: number;
  buffersLeaked: number;
  objects: LeakedObject[];
  buffers: LeakedBuffer[];
  otherBlocks: LeakedBlock[];
  /** True when anything leaked. */
  leaked: boolean;
  /** The report text ("Memory leak detected: 55 bytes leaked ..."), "" when nothing leaked. */
  report: string;
}

export interface DetectOptions {
  /**
   * Run `fn` once before measuring (default true), so that caches the runtime fills on first
   * use (interned names, type dictionaries, method caches) are not reported.
   */
  warmup?: boolean;
  /** Run a full collection before each measurement (default true): cycles are not leaks. */
  collect?: boolean;
}

/** Thrown by expectNoLeaks: the message is the report. Named as the runners expect. */
export class MemoryLeakError extends Error {
  readonly info: LeakInfo;
  constructor(info: LeakInfo) {
    super(info.report);
    this.name = "AssertionError";
    this.info = info;
  }
}

/** Fields of runtime objects that hold the address of a separate block the object owns. */
const OWNED_BLOCK_FIELDS = ["itemsAddress", "tableAddress", "dataAddress", "utf8Address", "bufferAddress"] as const;

function ownedBlockAddresses(o: PyObject): number[] {
  const record = o as unknown as Record<string, unknown>;
  const out: number[] = [o.address - preHeaderSize(o.type)];
  for (const f of OWNED_BLOCK_FIELDS) {
    const v = record[f];
    if (typeof v === "number" && v !== 0) out.push(v);
  }
  // dict keys and values tables (PyDictKeysObject / values arrays) carry their own address.
  for (const f of ["keys", "values"]) {
    const v = record[f] as { address?: unknown } | null | undefined;
    if (v !== null && typeof v === "object" && typeof v.address === "number" && v.address !== 0) out.push(v.address);
  }
  return out;
}

interface Session {
  readonly tracer: BlockTracer;
  /** The recording live-object registry, when this session installed it. */
  readonly objectSites: TracingObjectSet | null;
  readonly previousHook: ReturnType<typeof allocator.getHook>;
  readonly previousStackLimit: number;
  readonly hookedAllocator: typeof allocator;
}

const STACK_LIMIT_WHILE_TRACING = 64;

/**
 * Switches the recorders on around the runtime's baseline: the recording registry first (so
 * that heapBaseline finds tracking on and every later object is recorded), then the baseline
 * (settled heap), then the allocator hook (so the settling itself is not traced).
 */
function startSession(collect: boolean): { session: Session; baseline: ReturnType<typeof heapBaseline> } {
  const objectSites = liveObjects === null ? new TracingObjectSet() : null;
  if (objectSites !== null) trackLiveObjects(true, objectSites);
  let baseline: ReturnType<typeof heapBaseline>;
  try {
    baseline = heapBaseline({ collect });
  } catch (e) {
    if (objectSites !== null) trackLiveObjects(false);
    throw e;
  }
  const previousHook = allocator.getHook();
  const tracer = new BlockTracer(previousHook);
  allocator.setHook(tracer);
  const previousStackLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = STACK_LIMIT_WHILE_TRACING;
  return { session: { tracer, objectSites, previousHook, previousStackLimit, hookedAllocator: allocator }, baseline };
}

function endSession(s: Session): void {
  Error.stackTraceLimit = s.previousStackLimit;
  if (s.hookedAllocator.getHook() === s.tracer) s.hookedAllocator.setHook(s.previousHook);
  if (s.objectSites !== null && liveObjects === s.objectSites) trackLiveObjects(false);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function buildInfo(objects: PyObject[], session: Session): LeakInfo {
  const blocks = new Map<number, BlockRecord>(session.tracer.blocks);
  let bytesLeaked = 0;
  for (const b of blocks.values()) bytesLeaked += b.size;

  const leakedObjects: LeakedObject[] = [];
  for (const o of objects) {
    let size = 0;
    let site: AllocationSite | undefined = session.objectSites?.sites.get(o);
    for (const address of ownedBlockAddresses(o)) {
      const b = blocks.get(address);
      if (b === undefined) continue;
      if (site === undefined) site = b.site;
      size += b.size;
      blocks.delete(address);
    }
    leakedObjects.push({ type: o.type.name, refcount: o.refcnt, address: o.address, size, traceback: formatSite(site), object: o });
  }

  const buffers: LeakedBuffer[] = [];
  const otherBlocks: LeakedBlock[] = [];
  for (const [address, b] of blocks) {
    const buffer = nativeBufferAt(address);
    if (buffer !== undefined && !buffer.freed) {
      buffers.push({ address: buffer.address, size: buffer.size, alignment: buffer.alignment, blockSize: b.size, traceback: formatSite(b.site) });
    } else {
      otherBlocks.push({ domain: DOMAIN_NAMES[b.domain as Domain], address, size: b.size, traceback: formatSite(b.site) });
    }
  }
  buffers.sort((a, b) => a.address - b.address);
  otherBlocks.sort((a, b) => a.address - b.address);

  const leaked = leakedObjects.length > 0 || bytesLeaked > 0;
  const info: LeakInfo = {
    objectsLeaked: leakedObjects.length,
    bytesLeaked,
    buffersLeaked: buffers.length,
    objects: leakedObjects,
    buffers,
    otherBlocks,
    leaked,
    report: "",
  };
  if (leaked) info.report = formatReport(info);
  return info;
}

/** The report in pyz3's words, then one entry per leak with its allocation site. */
export function formatReport(info: LeakInfo): string {
  const lines: string[] = [];
  lines.push(
    `Memory leak detected: ${plural(info.bytesLeaked, "byte")} leaked ` +
      `(${plural(info.objectsLeaked, "object")}, ${plural(info.buffersLeaked, "native buffer")}, ${plural(info.otherBlocks.length, "other block")})`,
  );
  for (const o of info.objects) {
    lines.push(`  leaked ${o.type} object at 0x${o.address.toString(16)}: refcount ${o.refcount}, ${plural(o.size, "byte")}`);
    for (const l of o.traceback) lines.push(`    ${l}`);
  }
  for (const b of info.buffers) {
    const align = b.alignment > 16 ? `, aligned to ${b.alignment}` : "";
    lines.push(`  leaked native buffer at 0x${b.address.toString(16)}: ${plural(b.size, "byte")}${align}`);
    for (const l of b.traceback) lines.push(`    ${l}`);
  }
  for (const b of info.otherBlocks) {
    lines.push(`  leaked ${b.domain.toUpperCase()} block at 0x${b.address.toString(16)}: ${plural(b.size, "byte")}`);
    for (const l of b.traceback) lines.push(`    ${l}`);
  }
  return lines.join("\n");
}

/**
 * pyz3's `py.testing.detectLeaks`: runs `fn` and returns what it left allocated, objects
 * with their type, refcount and allocation traceback, native buffers, and bytes in total.
 * Exceptions from `fn` propagate (after the detector is switched off); catch and release
 * Python exceptions inside `fn` (clearError) when they are part of the test.
 */
export function detectLeaks(fn: () => void, options: DetectOptions = {}): LeakInfo {
  if (options.warmup !== false) fn();
  const { session, baseline } = startSession(options.collect !== false);
  try {
    fn();
    return buildInfo(findLeaks(baseline).objects, session);
  } finally {
    endSession(session);
  }
}

/** detectLeaks for an async function (other code running meanwhile is measured too). */
export async function detectLeaksAsync(fn: () => Promise<void>, options: DetectOptions = {}): Promise<LeakInfo> {
  if (options.warmup !== false) await fn();
  const { session, baseline } = startSession(options.collect !== false);
  try {
    await fn();
    return buildInfo(findLeaks(baseline).objects, session);
  } finally {
    endSession(session);
  }
}

/** Runs `fn` under detectLeaks and throws MemoryLeakError (with the report) if anything leaked. */
export function expectNoLeaks(fn: () => void, options: DetectOptions = {}): void {
  const info = detectLeaks(fn, options);
  if (info.leaked) throw new MemoryLeakError(info);
}

/** The node:assert-style name of expectNoLeaks. */
export const assertNoLeaks = expectNoLeaks;

/** expectNoLeaks for async functions. */
export async function expectNoLeaksAsync(fn: () => Promise<void>, options: DetectOptions = {}): Promise<void> {
  const info = await detectLeaksAsync(fn, options);
  if (info.leaked) throw new MemoryLeakError(info);
}

/**
 * Runs `fn`, which is expected to raise a Python exception; returns its text
 * ("ValueError: negative value") after releasing it, or null when nothing was raised.
 */
export function pythonErrorOf(fn: () => unknown): string | null {
  try {
    fn();
  } catch (e) {
    if (e instanceof PyRaise) return takeErrorText(e);
    throw e;
  }
  return null;
}

/** What runPython reports. */
export interface PythonRun {
  stdout: string;
  stderr: string;
  /** The process exit status `heapscope run` would give (0, 1 for an uncaught exception, ...). */
  status: number;
}

/**
 * Runs a Python program in this process as `heapscope run` does (a fresh interpreter, then
 * the interpreter's shutdown), with every registered module importable; returns its output.
 */
export async function runPython(source: string, options: { filename?: string; argv?: string[] } = {}): Promise<PythonRun> {
  const filename = options.filename ?? "<native test>";
  let stdout = "";
  let stderr = "";
  const status = await runProgram({
    source,
    filename,
    argv: options.argv ?? [filename],
    maxSteps: null,
    timeoutSeconds: null,
    maxMemory: null,
    stats: false,
    tracemalloc: null,
    modules: [],
    hashSeed: "0",
    write: (stream, text) => {
      if (stream === 1) stdout += text;
      else stderr += text;
    },
  });
  return { stdout, stderr, status };
}

/** Where the testing interpreter's sys.stdout / sys.stderr text goes (captured by execPython). */
const output = { capturing: false, stdout: "", stderr: "" };
let testInterpreter: typeof currentInterpreter = null;

/**
 * Makes sure the testing interpreter is the current one (creating it on first use), for
 * tests that call native functions directly and need what only an interpreter provides
 * (importModule, sys), and for execPython. Its output goes to the process's streams except
 * while execPython captures it.
 */
export function ensureInterpreter(): void {
  if (currentInterpreter !== null && currentInterpreter === testInterpreter) return;
  installPythonTypes();
  testInterpreter = createInterpreter({
    argv: ["heapscope-test"],
    write: (stream, text) => {
      if (output.capturing) {
        if (stream === 1) output.stdout += text;
        else output.stderr += text;
      } else if (stream === 1) process.stdout.write(text);
      else process.stderr.write(text);
    },
  });
}

/** What execPython reports. */
export interface ExecResult {
  stdout: string;
  stderr: string;
  /** "ValueError: message" when the code raised, else null. */
  error: string | null;
}

function flushStream(name: "stdout" | "stderr"): void {
  const stream = sysGetAttrBorrowed(name);
  if (stream === null) return;
  try {
    rtDecref(callMethod(stream, staticStr("flush"), []));
  } catch (e) {
    if (e instanceof PyRaise) rtDecref(e.exception);
    else throw e;
  }
}

/**
 * Runs Python code in the testing interpreter, in a fresh `__main__`-like namespace that is
 * released afterwards, so that detectLeaks(() => execPython(code)) measures the code and the
 * native functions it calls, not an interpreter's start-up. Modules it imports stay in
 * sys.modules (the warm-up run of detectLeaks imports them first).
 */
export function execPython(source: string, options: { filename?: string } = {}): ExecResult {
  ensureInterpreter();
  const it = testInterpreter!;
  const filename = options.filename ?? "<native test>";
  const saved = { capturing: output.capturing, stdout: output.stdout, stderr: output.stderr };
  output.capturing = true;
  output.stdout = "";
  output.stderr = "";
  let error: string | null = null;
  it.sources.set(filename, source);
  const globals = newDict();
  try {
    const name = newStr("__main__");
    dictSetItem(globals, staticStr("__name__"), name);
    rtDecref(name);
    dictSetItem(globals, staticStr("__builtins__"), it.builtinsModule);
    let code: PyCode | null = null;
    try {
      code = compileCode(source, filename, "exec");
      rtDecref(evalCode(code, globals, globals));
    } catch (e) {
      if (e instanceof PyRaise) error = takeErrorText(e);
      else if (e instanceof PythonSyntaxError) error = `${e.kind}: ${e.msg}`;
      else throw e;
    } finally {
      if (code !== null) rtDecref(code);
    }
    flushStream("stdout");
    flushStream("stderr");
    return { stdout: output.stdout, stderr: output.stderr, error };
  } finally {
    // Functions defined by the code refer to the namespace: clear it to break those cycles.
    dictClear(globals);
    rtDecref(globals);
    it.sources.delete(filename);
    output.capturing = saved.capturing;
    output.stdout = saved.stdout;
    output.stderr = saved.stderr;
  }
}
