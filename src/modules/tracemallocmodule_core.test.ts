// tracemalloc_start saves the allocators in place (PyMem_GetAllocator) and calls them from
// its own hooks; tracemalloc_stop puts them back (PyMem_SetAllocator). Here another observer
// (as the playground's recorder is) must keep hearing every call while tracing runs, and be
// the installed hook again once tracing stops.
import { afterEach, describe, expect, test } from "vitest";
import "./iomodule_testutil.js";
import { DOMAIN_MEM, type AllocationHook, type Domain } from "../memory/index.js";
import { allocator } from "../runtime/heap.js";
import { tracer } from "./tracemallocmodule.js";

class Observer implements AllocationHook {
  readonly calls: string[] = [];
  next: AllocationHook | null = null;
  onMalloc(_d: Domain, _a: number, size: number): void {
    this.calls.push(`malloc ${size}`);
    this.next?.onMalloc(_d, _a, size);
  }
  onRealloc(_d: Domain, _o: number, _n: number, size: number): void {
    this.calls.push(`realloc ${size}`);
    this.next?.onRealloc(_d, _o, _n, size);
  }
  onFree(_d: Domain, _a: number): void {
    this.calls.push("free");
    this.next?.onFree(_d, _a);
  }
}

afterEach(() => {
  tracer.stop();
  allocator.setHook(null);
});

describe("tracemalloc chains the allocation hook it replaces", () => {
  test("start() calls the previous hook, stop() reinstalls it", () => {
    const observer = new Observer();
    allocator.setHook(observer);
    tracer.start(1);
    expect(allocator.getHook()).toBe(tracer);
    const a = allocator.malloc(DOMAIN_MEM, 24);
    const b = allocator.realloc(DOMAIN_MEM, a, 40);
    expect(tracer.traceAt(b)?.size).toBe(40);
    allocator.free(DOMAIN_MEM, b);
    expect(tracer.traceAt(b)).toBeNull();
    expect(observer.calls).toEqual(["malloc 24", "realloc 40", "free"]);
    tracer.stop();
    expect(allocator.getHook()).toBe(observer);
    allocator.free(DOMAIN_MEM, allocator.malloc(DOMAIN_MEM, 8));
    expect(observer.calls.length).toBe(5);
  });

  test("a hook put in front of the tracer keeps it in its chain after stop(); start() resumes there", () => {
    tracer.start(1);
    const front = new Observer();
    front.next = allocator.getHook();
    allocator.setHook(front);
    const a = allocator.malloc(DOMAIN_MEM, 16);
    expect(tracer.traceAt(a)?.size).toBe(16);
    tracer.stop();
    expect(allocator.getHook()).toBe(front);
    const b = allocator.malloc(DOMAIN_MEM, 16);
    expect(tracer.traceAt(b)).toBeNull();
    tracer.start(1);
    expect(allocator.getHook()).toBe(front);
    const c = allocator.malloc(DOMAIN_MEM, 32);
    expect(tracer.traceAt(c)?.size).toBe(32);
    for (const x of [a, b, c]) allocator.free(DOMAIN_MEM, x);
    expect(front.calls).toEqual(["malloc 16", "malloc 16", "malloc 32", "free", "free", "free"]);
  });
});
