// The engine-wide leak check catches what a test leaves behind, and nothing else.

import { describe, expect, test } from "vitest";
import { collect } from "./gc.js";
import { checkNoLeaks, expectNoLeaks, findLeaks, heapBaseline, registerPermanentObject } from "./leakcheck.js";
import { decref } from "./refcount.js";
import { liveObjects } from "./heap.js";
import { newNode, NodeType, setField, settleCollector, TestNode } from "./testing/nodes.js";
import { listAppend, newList } from "./list.js";
import { newInt } from "./int.js";
import { newWeakref } from "./weakref.js";

describe("leak check", () => {
  test("code that releases everything passes (cycles are collected first)", () => {
    settleCollector();
    expectNoLeaks(() => {
      const a = newNode(NodeType, 1);
      setField(a, 0, a);
      const l = newList(0);
      for (let i = 0; i < 100; i++) {
        const x = newInt(1000 + i);
        listAppend(l, x);
        decref(x);
      }
      const wr = newWeakref(a, null);
      decref(wr);
      decref(l);
      decref(a);
    });
    expect(liveObjects).toBe(null);
  });

  test("a deliberate leak is reported with type, address and refcount", () => {
    settleCollector();
    let leaked: TestNode | null = null;
    const baseline = heapBaseline();
    const ok = newNode();
    leaked = newNode();
    decref(ok);
    const report = findLeaks(baseline);
    expect(report.objects).toEqual([leaked]);
    expect(report.blockDelta).toBe(1);
    expect(report.text).toBe(
      `leak check: 1 object and 1 allocator block leaked\n  <Node object at 0x${leaked.address.toString(16)}> refcount 1`,
    );
    decref(leaked);
  });

  test("checkNoLeaks throws on a leak; permanent objects are never reported", () => {
    settleCollector();
    const baseline = heapBaseline();
    const leaked = newNode();
    expect(() => checkNoLeaks(baseline)).toThrowError(/leak check: 1 object and 1 allocator block leaked\n {2}<Node object at 0x[0-9a-f]+> refcount 1/);
    const again = heapBaseline();
    const permanent = newNode();
    registerPermanentObject(permanent);
    expect(() => checkNoLeaks(again)).not.toThrow();
    decref(leaked);
    decref(permanent);
    collect();
  });
});
