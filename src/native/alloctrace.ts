// Modules/_tracemalloc.c's idea (a traceback recorded for every allocation, kept while the
// block lives) applied to the leak detector: while a detection runs, every allocator call
// (all three domains, observed through the allocator hook, chained to any hook already
// installed such as tracemalloc's) and every object registered as live (heap.ts's
// liveObjects, replaced for the duration by a Set that records) gets a snapshot of where it
// happened: the JS stack, captured cheaply (V8 formats it only if the leak is reported), and
// the Python frames running at that moment.

import type { PyObject } from "../runtime/object.js";
import type { AllocationHook, Domain } from "../memory/index.js";
import { tstate } from "../python/ceval.js";

/** One Python frame at allocation time. */
export interface PythonFrameInfo {
  filename: string;
  lineno: number;
  name: string;
}

/** Where an allocation happened. */
export interface AllocationSite {
  /** Captured Error whose `stack` is formatted on demand. */
  readonly jsStack: Error;
  /** Python frames, outermost first (empty when no Python code was running). */
  readonly python: readonly PythonFrameInfo[];
}

export interface BlockRecord {
  readonly domain: Domain;
  readonly size: number;
  readonly site: AllocationSite;
}

const MAX_PYTHON_FRAMES = 32;

function pythonFrames(): PythonFrameInfo[] {
  const frames: PythonFrameInfo[] = [];
  const ts = tstate as typeof tstate | undefined;
  for (let f = ts === undefined ? null : ts.frame; f !== null && frames.length < MAX_PYTHON_FRAMES; f = f.previous) {
    frames.push({ filename: f.code.filename.value, lineno: f.currentLine(), name: f.code.name.value });
  }
  return frames.reverse();
}

export function captureSite(): AllocationSite {
  return { jsStack: new Error("allocation site"), python: pythonFrames() };
}

/** The allocator hook of a detection: live blocks made since it was installed. */
export class BlockTracer implements AllocationHook {
  readonly blocks = new Map<number, BlockRecord>();
  constructor(private readonly next: AllocationHook | null) {}

  onMalloc(domain: Domain, address: number, size: number): void {
    this.blocks.set(address, { domain, size, site: captureSite() });
    if (this.next !== null) this.next.onMalloc(domain, address, size);
  }

  onRealloc(domain: Domain, oldAddress: number, newAddress: number, newSize: number): void {
    // A block that grows keeps the site of its first allocation when it was traced here.
    const old = this.blocks.get(oldAddress);
    if (old !== undefined) this.blocks.delete(oldAddress);
    this.blocks.set(newAddress, { domain, size: newSize, site: old?.site ?? captureSite() });
    if (this.next !== null) this.next.onRealloc(domain, oldAddress, newAddress, newSize);
  }

  onFree(domain: Domain, address: number): void {
    this.blocks.delete(address);
    if (this.next !== null) this.next.onFree(domain, address);
  }
}

/** heap.ts's live-object registry, recording the site of each registration. */
export class TracingObjectSet extends Set<PyObject> {
  readonly sites = new Map<PyObject, AllocationSite>();

  override add(o: PyObject): this {
    // Objects revived from a free list are registered again: the latest site is the one.
    this.sites.set(o, captureSite());
    return super.add(o);
  }

  override delete(o: PyObject): boolean {
    this.sites.delete(o);
    return super.delete(o);
  }
}

/**
 * Frames of the JS stack that belong to the engine rather than to the code being tested: the
 * runtime's layers, the native layer's own plumbing (call wrappers, the tracer), Node's
 * internals and test runners. The API call that allocated (PyString.create, ...) is kept.
 */
const ENGINE_FRAME =
  /[\\/](src|dist)[\\/](memory|runtime|python|modules)[\\/]|[\\/](src|dist)[\\/]native[\\/](alloctrace|testing|functions|args|classes|module|loader)\.(ts|js):|node:internal|node_modules|\(<anonymous>\)$/;

/** The JS stack lines worth showing: the native API and the code under test, innermost first. */
export function jsFrames(site: AllocationSite, limit = 8): string[] {
  const stack = site.jsStack.stack ?? "";
  const lines: string[] = [];
  const cwd = typeof process !== "undefined" ? process.cwd() + "/" : "";
  for (const line of stack.split("\n")) {
    const trimmed = line.trim();
    if (!trimmed.startsWith("at ") || ENGINE_FRAME.test(trimmed)) continue;
    lines.push(cwd === "" ? trimmed : trimmed.split(cwd).join("").split("file://").join(""));
    if (lines.length >= limit) break;
  }
  return lines;
}

/** The allocation site as text lines: Python frames (most recent call last), then JS frames. */
export function formatSite(site: AllocationSite | undefined): string[] {
  if (site === undefined) return ["(allocation site not recorded)"];
  const out: string[] = [];
  if (site.python.length > 0) {
    out.push("Python traceback (most recent call last):");
    for (const f of site.python) out.push(`  File "${f.filename}", line ${f.lineno}, in ${f.name}`);
  }
  const js = jsFrames(site);
  if (js.length > 0) {
    out.push("JS stack (innermost first):");
    for (const l of js) out.push(`  ${l}`);
  }
  return out;
}
