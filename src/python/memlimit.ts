// `heapscope run --max-memory BYTES`: CPython's MemoryError when malloc fails
// (PyErr_NoMemory), with the failure point chosen by a byte budget instead of the machine.
//
// The budget is the process footprint the allocator model reports (the raw allocator's chunk
// bytes: pymalloc's arenas plus every block served outside them), checked *before* each
// malloc / realloc in any domain, so a refused request leaves every structure as it was (a
// failed realloc keeps the old block, as in C). A request counts with its own size, so the
// large allocation that crosses the budget is the one refused, as a real malloc would. The check wraps the allocator instance's
// methods only while a limit is set; without one the allocation path is untouched.
//
// After a MemoryError the program usually still holds most of its memory while it unwinds
// (tracebacks, frames), so the next refusal waits until a further slice has been used; once
// usage falls back under the budget the full budget applies again. A program that keeps
// allocating past twice its budget is stopped by the host (interpreterHooks.budgetExceeded).

import type { Allocator } from "../memory/index.js";
import { allocator } from "../runtime/heap.js";
import { MemoryErrorType, PyRaise, newExceptionFromOwnedArgs } from "../runtime/exceptions.js";
import { EMPTY_TUPLE } from "../runtime/tuple.js";
import { interpreterHooks } from "./hooks.js";

type MallocFn = Allocator["malloc"];
type ReallocFn = Allocator["realloc"];
type CallocFn = Allocator["calloc"];

interface Patched {
  target: Allocator;
  malloc: MallocFn;
  realloc: ReallocFn;
  calloc: CallocFn;
}

let patched: Patched | null = null;
let limit = 0;
/** The footprint at which the next MemoryError is raised. */
let threshold = 0;
let raising = false;

/** Bytes the allocator model currently occupies (arenas and raw blocks, overheads included). */
export function memoryFootprint(): number {
  return allocator.raw.stats().chunkBytes;
}

/** Sets (bytes) or removes (null) the budget. */
export function setMemoryLimit(bytes: number | null): void {
  if (patched !== null) {
    const p = patched;
    patched = null;
    // Dropping the own properties restores the prototype's methods.
    delete (p.target as Partial<Allocator>).malloc;
    delete (p.target as Partial<Allocator>).realloc;
    delete (p.target as Partial<Allocator>).calloc;
  }
  if (bytes === null) return;
  limit = bytes;
  threshold = bytes;
  const target = allocator;
  const p: Patched = { target, malloc: target.malloc, realloc: target.realloc, calloc: target.calloc };
  patched = p;
  target.malloc = function (domain, size) {
    checkBudget(size);
    return p.malloc.call(target, domain, size);
  };
  target.realloc = function (domain, address, size) {
    checkBudget(size);
    return p.realloc.call(target, domain, address, size);
  };
  target.calloc = function (domain, count, each) {
    checkBudget(count * each);
    return p.calloc.call(target, domain, count, each);
  };
}

/** Refuses a request of `size` bytes that would take the footprint past the budget. */
function checkBudget(size: number): void {
  if (raising) return;
  const used = memoryFootprint() + size;
  if (used <= limit) {
    threshold = limit;
    return;
  }
  if (used <= threshold) return;
  if (used > 2 * limit) interpreterHooks.budgetExceeded("memory");
  threshold = used + Math.max(limit >> 4, 1 << 20);
  raising = true;
  let exc;
  try {
    // PyErr_NoMemory: a bare MemoryError (from its free list when it has one).
    EMPTY_TUPLE.refcnt++;
    exc = newExceptionFromOwnedArgs(MemoryErrorType, EMPTY_TUPLE);
  } finally {
    raising = false;
  }
  throw new PyRaise(exc);
}
