// Objects/obmalloc.c: _PyObject_Malloc / _PyObject_Realloc / _PyObject_Free (the raw
// fallback and raw_allocated_blocks), _Py_GetAllocatedBlocks, PyMem_SetAllocator-style
// hooks, and the misuse checks of the debug hooks. The getallocatedblocks figures (+1 for a
// declined MEM or OBJ request, +0 for RAW) were measured through ctypes on CPython 3.11.7.

import { describe, expect, it } from "vitest";
import { Allocator, AllocatorMisuseError } from "./allocator.js";
import { DOMAIN_MEM, DOMAIN_OBJ, DOMAIN_RAW } from "./api.js";
import type { AllocationHook, Domain } from "./api.js";
import { DEFAULT_HEAP_START } from "./raw.js";
import { DEFAULT_MMAP_TOP } from "./mmap.js";

const isHeapAddress = (address: number) => address >= DEFAULT_HEAP_START && address < DEFAULT_HEAP_START + 2 ** 32;

describe("domains", () => {
  it("serves MEM and OBJ from pymalloc and RAW from the raw allocator", () => {
    const allocator = new Allocator();
    const obj = allocator.malloc(DOMAIN_OBJ, 56);
    const mem = allocator.malloc(DOMAIN_MEM, 56);
    const raw = allocator.malloc(DOMAIN_RAW, 56);
    expect(allocator.pymalloc.owns(obj)).toBe(true);
    expect(mem - obj).toBe(64); // same pymalloc pool: the domains share it
    expect(allocator.pymalloc.owns(raw)).toBe(false);
    expect(isHeapAddress(raw)).toBe(true);
    expect(obj).toBeLessThan(DEFAULT_MMAP_TOP);
  });

  it("forwards 0-byte and > 512-byte MEM/OBJ requests to raw, counting them as allocated blocks", () => {
    const allocator = new Allocator();
    const before = allocator.getAllocatedBlocks();
    const big = allocator.malloc(DOMAIN_OBJ, 600);
    const empty = allocator.malloc(DOMAIN_MEM, 0);
    expect(isHeapAddress(big)).toBe(true);
    expect(isHeapAddress(empty)).toBe(true);
    expect(allocator.getAllocatedBlocks()).toBe(before + 2);
    allocator.malloc(DOMAIN_RAW, 600); // RAW blocks are never counted
    expect(allocator.getAllocatedBlocks()).toBe(before + 2);
    allocator.free(DOMAIN_OBJ, big);
    allocator.free(DOMAIN_MEM, empty);
    expect(allocator.getAllocatedBlocks()).toBe(before);
    expect(allocator.raw.isLive(big)).toBe(false);
  });

  it("reallocs pymalloc blocks by the 3/4 rule and hands growth past 512 to raw", () => {
    const allocator = new Allocator();
    const p = allocator.malloc(DOMAIN_MEM, 100);
    expect(allocator.realloc(DOMAIN_MEM, p, 90)).toBe(p);
    const q = allocator.realloc(DOMAIN_MEM, p, 80);
    expect(q).not.toBe(p);
    const blocks = allocator.getAllocatedBlocks();
    const big = allocator.realloc(DOMAIN_MEM, q, 4000);
    expect(isHeapAddress(big)).toBe(true);
    expect(allocator.pymalloc.isAllocated(q)).toBe(false);
    expect(allocator.getAllocatedBlocks()).toBe(blocks); // one pymalloc block became one raw block
    // A raw block stays with raw even when shrunk to a small size.
    expect(allocator.realloc(DOMAIN_MEM, big, 16)).toBe(big);
    expect(allocator.realloc(DOMAIN_OBJ, 0, 24)).toBeGreaterThan(0); // realloc(NULL) allocates
  });

  it("moves a block to raw when realloc'd to 0 bytes, as pymalloc_realloc does", () => {
    const allocator = new Allocator();
    const p = allocator.malloc(DOMAIN_OBJ, 32);
    const q = allocator.realloc(DOMAIN_OBJ, p, 0);
    expect(isHeapAddress(q)).toBe(true);
    expect(allocator.getAllocatedBlocks()).toBe(1);
  });

  it("reports usable sizes and a combined snapshot", () => {
    const allocator = new Allocator();
    const small = allocator.malloc(DOMAIN_OBJ, 20);
    const big = allocator.malloc(DOMAIN_OBJ, 1000);
    expect(allocator.usableSize(small)).toBe(32);
    expect(allocator.usableSize(big)).toBe(1000);
    const snapshot = allocator.snapshot();
    expect(snapshot.allocatedBlocks).toBe(2);
    expect(snapshot.rawFallbackBlocks).toBe(1);
    expect(snapshot.arenas).toHaveLength(1);
    expect(snapshot.arenas[0]!.pools[0]).toMatchObject({ sizeClass: 1, blocksInUse: 1, state: "used" });
  });
});

type Event = [string, Domain, ...number[]];

class RecordingHook implements AllocationHook {
  readonly events: Event[] = [];
  onMalloc(domain: Domain, address: number, size: number): void {
    this.events.push(["malloc", domain, address, size]);
  }
  onRealloc(domain: Domain, oldAddress: number, newAddress: number, newSize: number): void {
    this.events.push(["realloc", domain, oldAddress, newAddress, newSize]);
  }
  onFree(domain: Domain, address: number): void {
    this.events.push(["free", domain, address]);
  }
}

describe("hooks", () => {
  it("see malloc, realloc and free in every domain, once per call, with the results", () => {
    const allocator = new Allocator();
    const hook = new RecordingHook();
    allocator.setHook(hook);
    const events: Event[] = [];
    for (const domain of [DOMAIN_RAW, DOMAIN_MEM, DOMAIN_OBJ] as const) {
      const a = allocator.malloc(domain, 40);
      const b = allocator.realloc(domain, a, 700);
      allocator.free(domain, b);
      events.push(["malloc", domain, a, 40], ["realloc", domain, a, b, 700], ["free", domain, b]);
    }
    expect(hook.events).toEqual(events);
  });

  it("see nothing once removed, and free(0) is not reported", () => {
    const allocator = new Allocator();
    const hook = new RecordingHook();
    allocator.setHook(hook);
    allocator.free(DOMAIN_OBJ, 0);
    expect(hook.events).toEqual([]);
    allocator.setHook(null);
    allocator.free(DOMAIN_OBJ, allocator.malloc(DOMAIN_OBJ, 10));
    expect(hook.events).toEqual([]);
    expect(allocator.getHook()).toBeNull();
  });
});

describe("debug checks", () => {
  const checked = () => {
    const allocator = new Allocator();
    allocator.debugChecks = true;
    return allocator;
  };

  it("catch a double free in each domain", () => {
    for (const [domain, size] of [[DOMAIN_OBJ, 16], [DOMAIN_MEM, 600], [DOMAIN_RAW, 16]] as const) {
      const allocator = checked();
      const keep = allocator.malloc(domain, size); // keeps the pool from being emptied
      const p = allocator.malloc(domain, size);
      allocator.free(domain, p);
      expect(() => allocator.free(domain, p)).toThrow(AllocatorMisuseError);
      expect(keep).toBeGreaterThan(0);
    }
  });

  it("name the operation, the domain and the address in hex", () => {
    const allocator = checked();
    const p = allocator.malloc(DOMAIN_OBJ, 16);
    allocator.malloc(DOMAIN_OBJ, 16);
    allocator.free(DOMAIN_OBJ, p);
    const error = (() => {
      try {
        allocator.free(DOMAIN_OBJ, p);
      } catch (caught) {
        return caught as AllocatorMisuseError;
      }
      throw new Error("no error");
    })();
    expect(error.message).toBe(`free (PyObject_Free) in the OBJ domain: double free of 0x${p.toString(16)}`);
    expect(error).toMatchObject({ operation: "free", domain: DOMAIN_OBJ, address: p });
  });

  it("catch unknown addresses, reallocs of freed blocks and cross-family frees", () => {
    const allocator = checked();
    expect(() => allocator.free(DOMAIN_OBJ, 0x1234560)).toThrow(/free \(PyObject_Free\) in the OBJ domain: unknown address 0x1234560/);
    const p = allocator.malloc(DOMAIN_MEM, 48);
    allocator.malloc(DOMAIN_MEM, 48);
    expect(() => allocator.free(DOMAIN_MEM, p + 8)).toThrow(/not an allocated block/);
    allocator.free(DOMAIN_MEM, p);
    expect(() => allocator.realloc(DOMAIN_MEM, p, 64)).toThrow(/realloc \(PyMem_Realloc\) in the MEM domain: double free of/);
    const raw = allocator.malloc(DOMAIN_RAW, 48);
    expect(() => allocator.free(DOMAIN_OBJ, raw)).toThrow(/allocated by PyMem_RawMalloc/);
    const forwarded = allocator.malloc(DOMAIN_OBJ, 4096);
    expect(() => allocator.free(DOMAIN_RAW, forwarded)).toThrow(/not the RAW domain/);
    const small = allocator.malloc(DOMAIN_OBJ, 16);
    expect(() => allocator.free(DOMAIN_RAW, small)).toThrow(/pymalloc block/);
    // Legitimate calls still work with the checks on.
    allocator.free(DOMAIN_OBJ, forwarded);
    allocator.free(DOMAIN_RAW, raw);
    expect(allocator.isLive(DOMAIN_OBJ, small)).toBe(true);
  });

  it("cost nothing when off: an unknown raw free is ignored, as release builds don't check", () => {
    const allocator = new Allocator();
    expect(allocator.debugChecks).toBe(false);
    expect(() => allocator.free(DOMAIN_RAW, 0x1234560)).not.toThrow();
  });
});

describe("address-space exhaustion", () => {
  it("returns 0 without counting the block or telling the hook, and keeps the old block on realloc", () => {
    const allocator = new Allocator();
    const hook = new RecordingHook();
    allocator.setHook(hook);
    expect(allocator.malloc(DOMAIN_OBJ, 2 ** 40)).toBe(0);
    expect(allocator.getAllocatedBlocks()).toBe(0);
    const p = allocator.malloc(DOMAIN_MEM, 64);
    expect(allocator.realloc(DOMAIN_MEM, p, 2 ** 40)).toBe(0);
    expect(allocator.pymalloc.isAllocated(p)).toBe(true);
    expect(hook.events).toEqual([["malloc", DOMAIN_MEM, p, 64]]);
  });
});
