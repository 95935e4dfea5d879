// Lifetimes outside the collector: refcount death with PEP 442 finalizers, the trashcan's
// effect on deep structures (facts §5.4), address reuse and arena release (§1.6, §1.7, §9),
// and misuse detection.

import { beforeEach, describe, expect, test } from "vitest";
import { collect, isFinalized } from "./gc.js";
import { decref, incref, RuntimeMisuseError } from "./refcount.js";
import { FREED_REFCNT } from "./object.js";
import { allocator } from "./heap.js";
import { trashcanIsIdle } from "./trashcan.js";
import {
  FinalizerNodeType,
  finalizerLog,
  ListNodeType,
  newNode,
  NodeType,
  freeLog,
  recordFreesOn,
  setField,
  settleCollector,
  TestNode,
} from "./testing/nodes.js";
import { newWeakref } from "./weakref.js";
import { newCallable } from "./testing/nodes.js";
import { callNoArgs } from "./abstract.js";

beforeEach(() => {
  settleCollector();
});

describe("refcount death and finalizers (PEP 442)", () => {
  test("the finalizer runs once, before the weakref callbacks; the weakref is alive inside it", () => {
    const log: string[] = [];
    const n = newNode(FinalizerNodeType, 1, 1);
    const callback = newCallable(() => log.push("callback"));
    const wr = newWeakref(n, callback);
    n.onFinalize = () => {
      const r = callNoArgs(wr);
      log.push(r === n ? "__del__ (weakref alive)" : "__del__ (weakref dead)");
      decref(r);
    };
    decref(n);
    expect(log).toEqual(["__del__ (weakref alive)", "callback"]);
    expect(n.refcnt).toBe(FREED_REFCNT);
    decref(wr);
    decref(callback);
  });

  test("a finalizer that stores self resurrects the object; its second death runs no finalizer", () => {
    const holder = newNode(NodeType, 1);
    const n = newNode(FinalizerNodeType, 1, 5);
    n.onFinalize = (self) => setField(holder, 0, self);
    decref(n);
    expect(finalizerLog).toEqual([5]);
    expect(n.refcnt).toBe(1);
    expect(isFinalized(n)).toBe(true);
    setField(holder, 0, null);
    expect(finalizerLog).toEqual([5]);
    expect(n.refcnt).toBe(FREED_REFCNT);
    decref(holder);
  });
});

describe("trashcan", () => {
  test("a 1,000,000-deep nested chain is freed without stack overflow", () => {
    let inner = newNode(ListNodeType, 1);
    for (let i = 0; i < 1_000_000; i++) {
      const outer = newNode(ListNodeType, 1);
      setField(outer, 0, inner);
      decref(inner);
      inner = outer;
    }
    decref(inner);
    expect(inner.refcnt).toBe(FREED_REFCNT);
    expect(trashcanIsIdle()).toBe(true);
  });

  test("a 1,000,000-long linked chain is freed without stack overflow", () => {
    const head = newNode(NodeType, 1);
    let tail = head;
    for (let i = 0; i < 1_000_000; i++) {
      const next = newNode(NodeType, 1);
      setField(tail, 0, next);
      decref(next);
      tail = next;
    }
    decref(head);
    expect(tail.refcnt).toBe(FREED_REFCNT);
    expect(trashcanIsIdle()).toBe(true);
  });

  test("finalizer order in a 200-level chain L_i = [N(i), L_i+1] comes out in CPython's runs", () => {
    // N(i): a finalizer node; L_i: a list-like node releasing its last field first.
    let next: TestNode | null = null;
    for (let i = 199; i >= 0; i--) {
      const l = newNode(ListNodeType, 2);
      const n = newNode(FinalizerNodeType, 1, i);
      setField(l, 0, n);
      decref(n);
      if (next !== null) {
        setField(l, 1, next);
        decref(next);
      }
      next = l;
    }
    decref(next!);
    const runs: number[] = [];
    const range = (from: number, to: number): number[] => {
      const out: number[] = [];
      for (let i = from; i >= to; i--) out.push(i);
      return out;
    };
    runs.push(...range(48, 0), 49, ...range(97, 50), 98, ...range(146, 99), 147, ...range(195, 148), 196, ...range(199, 197));
    expect(finalizerLog).toEqual(runs);
  });

  test("a linked chain of finalizer nodes finalizes in order 0..199 (finalizer before children)", () => {
    const nodes: TestNode[] = [];
    for (let i = 0; i < 200; i++) nodes.push(newNode(FinalizerNodeType, 1, i));
    for (let i = 0; i < 199; i++) setField(nodes[i]!, 0, nodes[i + 1]!);
    for (let i = 199; i >= 1; i--) decref(nodes[i]!);
    decref(nodes[0]!);
    expect(finalizerLog).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });
});

describe("memory", () => {
  test("freed addresses are reused LIFO (a, b freed -> next two get b's then a's)", () => {
    const a = newNode();
    const b = newNode();
    const addressA = a.address;
    const addressB = b.address;
    decref(a);
    decref(b);
    const c = newNode();
    const d = newNode();
    expect(c.address).toBe(addressB);
    expect(d.address).toBe(addressA);
    decref(c);
    decref(d);
  });

  test("consecutive GC objects of one size class ascend by the block size", () => {
    const nodes = [newNode(), newNode(), newNode()];
    // 24 + 8 bytes of struct + 16 of GC head: the 48-byte class
    expect(nodes[1]!.address - nodes[0]!.address).toBe(48);
    expect(nodes[2]!.address - nodes[1]!.address).toBe(48);
    for (const n of nodes) decref(n);
  });

  test("mass frees give arenas back to the system", () => {
    collect();
    const before = allocator.snapshot().pymalloc;
    const nodes: TestNode[] = [];
    for (let i = 0; i < 300_000; i++) nodes.push(newNode());
    const during = allocator.snapshot().pymalloc;
    expect(during.arenasCurrent).toBeGreaterThan(before.arenasCurrent + 10);
    for (const n of nodes) decref(n);
    const after = allocator.snapshot().pymalloc;
    expect(after.arenasReclaimed).toBeGreaterThan(before.arenasReclaimed + 10);
    // One wholly free arena is kept to avoid thrashing.
    expect(after.arenasCurrent).toBeLessThanOrEqual(before.arenasCurrent + 1);
  });

  test("survivors pin their arenas", () => {
    const nodes: TestNode[] = [];
    for (let i = 0; i < 100_000; i++) nodes.push(newNode());
    const during = allocator.snapshot().pymalloc.arenasCurrent;
    for (let i = 0; i < nodes.length; i++) if (i % 1000 !== 0) decref(nodes[i]!);
    expect(allocator.snapshot().pymalloc.arenasCurrent).toBe(during);
    for (let i = 0; i < nodes.length; i += 1000) decref(nodes[i]!);
  });
});

describe("misuse", () => {
  test("a double decref raises RuntimeMisuseError naming the object", () => {
    const n = newNode();
    decref(n);
    expect(() => decref(n)).toThrowError(RuntimeMisuseError);
    expect(() => decref(n)).toThrowError(/decref on <Node object at 0x[0-9a-f]+>: use of a freed object/);
  });

  test("use after free raises RuntimeMisuseError", () => {
    const n = newNode();
    decref(n);
    expect(() => incref(n)).toThrowError(RuntimeMisuseError);
  });

  test("a dealloc runs the finalizer, then releases the fields in order, then frees the object", () => {
    recordFreesOn(true);
    const parent = newNode(FinalizerNodeType, 2, 1);
    const c1 = newNode(NodeType, 1, 2);
    const c2 = newNode(NodeType, 1, 3);
    setField(parent, 0, c1);
    setField(parent, 1, c2);
    decref(c1);
    decref(c2);
    decref(parent);
    const frees = freeLog.slice();
    recordFreesOn(false);
    expect(finalizerLog).toEqual([1]);
    expect(frees).toEqual([2, 3, 1]);
  });
});
