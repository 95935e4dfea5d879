// The collector's results through the TypeScript API, against CPython 3.11.7's measured
// behaviour (cpython-3.11-memory-facts.md §4.4-4.6): what one collection returns, frees,
// untracks and moves between generations.

import { beforeEach, describe, expect, test } from "vitest";
import {
  collect,
  freeze,
  getCount,
  getFreezeCount,
  getObjects,
  getReferents,
  getReferrers,
  getStats,
  garbageList,
  isFinalized,
  isTracked,
  setGCDebugWriter,
  unfreeze,
} from "./gc.js";
import { DEBUG_COLLECTABLE, DEBUG_SAVEALL, DEBUG_STATS, DEBUG_UNCOLLECTABLE, gcstate } from "./gcstate.js";
import { decref, incref } from "./refcount.js";
import { FREED_REFCNT, PyObject } from "./object.js";
import {
  FinalizerNodeType,
  finalizerLog,
  LegacyNodeType,
  newCallable,
  newNode,
  NodeType,
  setField,
  settleCollector,
  TestNode,
} from "./testing/nodes.js";
import { listAppend, listFreeListSize, listFromBorrowed, newList, PyList } from "./list.js";
import { newInt } from "./int.js";
import { newStr } from "./str.js";
import { None } from "./singletons.js";
import { tupleFromOwned } from "./tuple.js";
import { dictDelItem, dictGetItem, dictSetItem, newDict, PyDict } from "./dict.js";
import { newWeakref } from "./weakref.js";
import { callNoArgs } from "./abstract.js";

beforeEach(() => {
  settleCollector();
});

function isFreed(o: PyObject): boolean {
  return o.refcnt === FREED_REFCNT;
}

function listItems(l: PyList): PyObject[] {
  const items = l.items.slice();
  decref(l);
  return items;
}

function selfCycle(type = NodeType, label = 0): TestNode {
  const n = newNode(type, 1, label);
  setField(n, 0, n);
  return n;
}

describe("cycles", () => {
  test("a cycle survives its last external reference and is freed only by a collection", () => {
    const a = newNode(NodeType, 1);
    const b = newNode(NodeType, 1);
    setField(a, 0, b);
    setField(b, 0, a);
    decref(a);
    decref(b);
    expect(a.refcnt).toBe(1);
    expect(isTracked(a)).toBe(true);
    expect(collect()).toBe(2);
    expect(isFreed(a)).toBe(true);
    expect(isFreed(b)).toBe(true);
    expect(collect()).toBe(0);
  });

  test("a self-cycle counts 1 (instance self-cycle, facts §4.5)", () => {
    decref(selfCycle());
    expect(collect()).toBe(1);
  });

  test("a list self-cycle counts 1", () => {
    const l = newList(0);
    listAppend(l, l);
    decref(l);
    expect(collect()).toBe(1);
    expect(isFreed(l)).toBe(true);
  });

  test("reachable objects are never collected, whatever refers to them", () => {
    const root = newNode(NodeType, 2);
    const child = selfCycle();
    setField(root, 0, child);
    decref(child);
    expect(collect()).toBe(0);
    expect(child.refcnt).toBe(2);
    decref(root);
    expect(collect()).toBe(1);
  });

  test("a finalizer in a self-cycle runs once and the object is collected (1, gc.garbage empty)", () => {
    const n = selfCycle(FinalizerNodeType, 7);
    decref(n);
    expect(collect()).toBe(1);
    expect(finalizerLog).toEqual([7]);
    expect(garbageList().items.length).toBe(0);
  });

  test("resurrection: 0 collected, finalized; then 1 without a second finalizer call", () => {
    const holder = newNode(NodeType, 1);
    const n = selfCycle(FinalizerNodeType, 3);
    n.onFinalize = (self) => setField(holder, 0, self);
    decref(n);
    expect(collect()).toBe(0);
    expect(finalizerLog).toEqual([3]);
    expect(isFinalized(n)).toBe(true);
    expect(n.refcnt).toBe(2);
    // Resurrected objects move to the old generation (here: generation 2).
    expect(listItems(getObjects(2))).toContain(n);
    setField(holder, 0, null);
    expect(collect()).toBe(1);
    expect(finalizerLog).toEqual([3]);
    expect(isFreed(n)).toBe(true);
    decref(holder);
  });

  test("whatever a resurrected object reaches survives with it", () => {
    const holder = newNode(NodeType, 1);
    const a = newNode(FinalizerNodeType, 1, 1);
    const b = newNode(NodeType, 1, 2);
    setField(a, 0, b);
    setField(b, 0, a);
    a.onFinalize = (self) => setField(holder, 0, self);
    decref(a);
    decref(b);
    expect(collect()).toBe(0);
    expect(isFreed(b)).toBe(false);
    setField(holder, 0, null);
    expect(collect()).toBe(2);
    decref(holder);
  });

  test("a legacy finalizer (tp_del) makes its cycle uncollectable: 2, only the tp_del object in gc.garbage", () => {
    const before = getStats()[2]!.uncollectable;
    const legacy = newNode(LegacyNodeType, 2, 1);
    const held = newNode(NodeType, 1, 2);
    setField(legacy, 0, legacy);
    setField(legacy, 1, held);
    decref(held);
    decref(legacy);
    expect(collect()).toBe(2);
    expect(garbageList().items).toEqual([legacy]);
    expect(getStats()[2]!.uncollectable).toBe(before + 2);
    expect(finalizerLog).toEqual([]);
    // Both moved to the old generation and stay alive.
    expect(isFreed(held)).toBe(false);
    setField(legacy, 0, null);
    setField(legacy, 1, null);
  });

  test("DEBUG_SAVEALL keeps a list self-cycle in gc.garbage (1)", () => {
    gcstate.debug = DEBUG_SAVEALL;
    const l = newList(0);
    listAppend(l, l);
    decref(l);
    expect(collect()).toBe(1);
    expect(garbageList().items).toEqual([l]);
    expect(l.refcnt).toBe(2);
    gcstate.debug = 0;
    l.items.length = 0;
    decref(l);
  });

  test("a collection during a collection does nothing and returns 0", () => {
    const results: number[] = [];
    const n = selfCycle(FinalizerNodeType, 1);
    n.onFinalize = () => results.push(collect());
    decref(n);
    expect(collect()).toBe(1);
    expect(results).toEqual([0]);
  });

  // Its speed is measured by bench/gc.js, not asserted here.
  test("a collection over 1,000,000 objects in cycles frees them all", () => {
    const n = 1_000_000;
    for (let i = 0; i < n / 2; i++) {
      const a = newNode(NodeType, 1);
      const b = newNode(NodeType, 1);
      setField(a, 0, b);
      setField(b, 0, a);
      decref(a);
      decref(b);
    }
    expect(collect()).toBe(n);
  });
});

describe("weakrefs during a collection", () => {
  test("an external weakref's callback runs during the collection; the weakref is dead (1)", () => {
    const calls: PyObject[] = [];
    const callback = newCallable((args) => calls.push(args[0]!));
    const n = selfCycle();
    const wr = newWeakref(n, callback);
    decref(n);
    expect(collect()).toBe(1);
    expect(calls).toEqual([wr]);
    const r = callNoArgs(wr);
    expect(r).toBe(None);
    decref(r);
    decref(wr);
    decref(callback);
  });

  test("a weakref that is garbage itself is cleared and its callback never runs (3)", () => {
    const calls: PyObject[] = [];
    const callback = newCallable((args) => calls.push(args[0]!));
    const n = newNode(NodeType, 2);
    setField(n, 0, n);
    const wr = newWeakref(n, callback);
    setField(n, 1, wr);
    decref(wr);
    decref(callback);
    decref(n);
    // instance, weakref, callback
    expect(collect()).toBe(3);
    expect(calls).toEqual([]);
  });

  test("without the cycle the same object dies by refcount and the callback does run", () => {
    const calls: PyObject[] = [];
    const callback = newCallable((args) => calls.push(args[0]!));
    const n = newNode(NodeType, 1);
    const wr = newWeakref(n, callback);
    setField(n, 0, wr);
    decref(wr);
    decref(n);
    expect(calls).toEqual([wr]);
    expect(collect()).toBe(0);
    decref(callback);
  });

  test("under GC, callbacks run before finalizers and the weakref is already dead inside __del__", () => {
    const log: string[] = [];
    const callback = newCallable(() => log.push("callback"));
    const n = selfCycle(FinalizerNodeType, 1);
    const wr = newWeakref(n, callback);
    n.onFinalize = () => {
      const r = callNoArgs(wr);
      log.push(r === None ? "__del__ (weakref dead)" : "__del__ (weakref alive)");
      decref(r);
    };
    decref(n);
    expect(collect()).toBe(1);
    expect(log).toEqual(["callback", "__del__ (weakref dead)"]);
    decref(wr);
    decref(callback);
  });

  test("a weakref freed by its own callback counts as collected", () => {
    const holder = newNode(NodeType, 1);
    const callback = newCallable(() => setField(holder, 0, null));
    const n = selfCycle();
    const wr = newWeakref(n, callback);
    setField(holder, 0, wr);
    decref(wr);
    decref(n);
    // the node, plus the weakref that died when the callback dropped it
    expect(collect()).toBe(2);
    expect(isFreed(wr)).toBe(true);
    decref(holder);
    decref(callback);
  });
});

describe("generations and counts", () => {
  test("collect(0), collect(1), collect(2) move the counts as in §4.2", () => {
    expect(getCount()).toEqual([0, 0, 0]);
    collect(0);
    expect(getCount()).toEqual([0, 1, 0]);
    collect(1);
    expect(getCount()).toEqual([0, 0, 1]);
    collect(2);
    expect(getCount()).toEqual([0, 0, 0]);
  });

  test("count[0] counts GC allocations and is decremented by frees", () => {
    const nodes: TestNode[] = [];
    for (let i = 0; i < 100; i++) nodes.push(newNode());
    expect(getCount()[0]).toBe(100);
    for (const n of nodes) decref(n);
    expect(getCount()[0]).toBe(0);
  });

  test("survivors move to the next generation", () => {
    const n = newNode();
    const inGeneration = (g: number): boolean => listItems(getObjects(g)).includes(n);
    expect(inGeneration(0)).toBe(true);
    collect(0);
    expect(inGeneration(1)).toBe(true);
    collect(1);
    expect(inGeneration(2)).toBe(true);
    decref(n);
  });

  test("move_unreachable reorders a chain created A, B, C with C -> B -> A into C, B, A", () => {
    const a = newNode(NodeType, 1, 1);
    const b = newNode(NodeType, 1, 2);
    const c = newNode(NodeType, 1, 3);
    setField(b, 0, a);
    setField(c, 0, b);
    decref(a);
    decref(b);
    collect(0);
    const order = listItems(getObjects(1)).filter((o) => o instanceof TestNode);
    expect(order).toEqual([c, b, a]);
    decref(c);
  });

  test("get_objects errors and the permanent generation", () => {
    expect(() => getObjects(3)).toThrowError();
    try {
      getObjects(3);
    } catch (e) {
      expect(String((e as { exception: { args: { items: { value: string }[] } } }).exception.args.items[0]!.value)).toBe(
        "generation parameter must be less than the number of available generations (3)",
      );
    }
    try {
      getObjects(-2);
    } catch (e) {
      expect((e as { exception: { args: { items: { value: string }[] } } }).exception.args.items[0]!.value).toBe(
        "generation parameter cannot be negative",
      );
    }
    const all = getObjects(-1);
    expect(all.items.includes(all)).toBe(false);
    decref(all);
  });
});

describe("automatic collection", () => {
  function runAllocations(count: number, log: { generation: number; counts: number[] }[]): TestNode[] {
    const kept: TestNode[] = [];
    let previous = getStats().map((s) => s.collections);
    gcstate.enabled = true;
    try {
      for (let i = 0; i < count; i++) {
        const before = getCount();
        kept.push(newNode());
        const now = getStats().map((s) => s.collections);
        for (let g = 2; g >= 0; g--) {
          if (now[g] !== previous[g]) {
            log.push({ generation: g, counts: [before[0]! + 1, before[1]!, before[2]!] });
            break;
          }
        }
        previous = now;
      }
    } finally {
      gcstate.enabled = false;
    }
    return kept;
  }

  test("first collection at count 701, then 0 x11, 1, ..., first full collection the 133rd", () => {
    const log: { generation: number; counts: number[] }[] = [];
    const kept = runAllocations(133 * 701, log);
    expect(log[0]).toEqual({ generation: 0, counts: [701, 0, 0] });
    expect(log.slice(0, 24).map((e) => e.generation)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(log[11]!.counts).toEqual([701, 11, 0]);
    expect(log.length).toBe(133);
    expect(log[132]).toEqual({ generation: 2, counts: [701, 0, 11] });
    for (const n of kept) decref(n);
  });

  test("a full collection is skipped while long_lived_pending < long_lived_total / 4", () => {
    const big: TestNode[] = [];
    for (let i = 0; i < 400_000; i++) big.push(newNode());
    collect(2);
    expect(gcstate.longLivedTotal).toBeGreaterThanOrEqual(400_000);
    const log: { generation: number; counts: number[] }[] = [];
    const kept = runAllocations(134 * 701, log);
    // 11 young collections pend 11 x 12 x 701 objects: fewer than 100,000.
    expect(log[132]).toEqual({ generation: 0, counts: [701, 0, 11] });
    expect(log.some((e) => e.generation === 2)).toBe(false);
    for (const n of kept) decref(n);
    for (const n of big) decref(n);
  });
});

describe("untracking", () => {
  test("nested fresh tuples: inner ones untracked by the first collection, the outer by the second", () => {
    const outer = tupleFromOwned([tupleFromOwned([newInt(1000)]), tupleFromOwned([newInt(1001)])]);
    const [inner1, inner2] = outer.items as PyObject[];
    collect();
    expect(isTracked(inner1!)).toBe(false);
    expect(isTracked(inner2!)).toBe(false);
    expect(isTracked(outer)).toBe(true);
    collect();
    expect(isTracked(outer)).toBe(false);
    decref(outer);
  });

  test("a tuple holding an empty dict stays tracked", () => {
    const t = tupleFromOwned([newDict()]);
    collect();
    expect(isTracked(t)).toBe(true);
    decref(t);
  });

  test("dicts: tracked by a container value, untracked again only by a full collection", () => {
    const d = newDict();
    const one = newInt(1);
    dictSetItem(d, one, one);
    expect(isTracked(d)).toBe(false);
    const two = newInt(2);
    const l = newList(0);
    dictSetItem(d, two, l);
    decref(l);
    expect(isTracked(d)).toBe(true);
    dictDelItem(d, two);
    expect(isTracked(d)).toBe(true);
    collect(1);
    expect(isTracked(d)).toBe(true);
    collect(2);
    expect(isTracked(d)).toBe(false);
    decref(d);
  });
});

describe("debug output and callbacks", () => {
  test("DEBUG_STATS | DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE lines", () => {
    const lines: string[] = [];
    setGCDebugWriter((text) => lines.push(text));
    try {
      const n = selfCycle();
      decref(n);
      const legacy = newNode(LegacyNodeType, 1);
      setField(legacy, 0, legacy);
      decref(legacy);
      gcstate.debug = DEBUG_STATS | DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE;
      collect(2);
      gcstate.debug = 0;
      const text = lines.join("");
      const hex = (o: PyObject): string => "0x" + o.address.toString(16);
      expect(text).toMatch(
        new RegExp(
          "^gc: collecting generation 2\\.\\.\\.\n" +
            "gc: objects in each generation: \\d+ \\d+ \\d+\n" +
            "gc: objects in permanent generation: 0\n" +
            `gc: collectable <Node ${hex(n)}>\n` +
            `gc: uncollectable <LegacyNode ${hex(legacy)}>\n` +
            "gc: done, 2 unreachable, 1 uncollectable, \\d+\\.\\d{4}s elapsed\n$",
        ),
      );
      setField(legacy, 0, null);
    } finally {
      setGCDebugWriter(null);
    }
  });

  test("gc.callbacks get ('start', info) and ('stop', info) with generation/collected/uncollectable", () => {
    const seen: { phase: string; info: Record<string, number> }[] = [];
    const read = (d: PyDict, key: string): number => {
      const k = newStr(key);
      const v = dictGetItem(d, k) as { value: number } | null;
      decref(k);
      return Number(v === null ? NaN : (v as unknown as { value: number | bigint }).value);
    };
    const callback = newCallable((args) => {
      const info = args[1] as PyDict;
      seen.push({
        phase: (args[0] as unknown as { value: string }).value,
        info: { generation: read(info, "generation"), collected: read(info, "collected"), uncollectable: read(info, "uncollectable") },
      });
    });
    gcstate.callbacks = listFromBorrowed([callback]);
    decref(selfCycle());
    collect(2);
    expect(seen).toEqual([
      { phase: "start", info: { generation: 2, collected: 0, uncollectable: 0 } },
      { phase: "stop", info: { generation: 2, collected: 1, uncollectable: 0 } },
    ]);
    decref(gcstate.callbacks!);
    gcstate.callbacks = null;
    decref(callback);
  });
});

describe("freeze, referents, referrers", () => {
  test("freeze moves everything to the permanent generation and zeroes the counts; unfreeze puts it in generation 2", () => {
    const n = newNode();
    collect(0);
    collect(0);
    expect(getCount()).toEqual([0, 2, 0]);
    const tracked = listItems(getObjects(null)).length;
    freeze();
    expect(getCount()).toEqual([0, 0, 0]);
    expect(getFreezeCount()).toBe(tracked);
    expect(listItems(getObjects(null))).toEqual([]);
    // get_referrers does not look at the permanent generation.
    const holder = newNode(NodeType, 1);
    setField(holder, 0, n);
    freeze();
    expect(listItems(getReferrers([n]))).toEqual([]);
    unfreeze();
    expect(getFreezeCount()).toBe(0);
    expect(listItems(getObjects(2))).toContain(holder);
    expect(listItems(getReferrers([n]))).toEqual([holder]);
    decref(holder);
    decref(n);
  });

  test("get_referents follows each object's traverse order", () => {
    const a = newNode(NodeType, 3);
    const x = newNode();
    const y = newNode();
    setField(a, 0, x);
    setField(a, 2, y);
    expect(listItems(getReferents([a]))).toEqual([x, y]);
    // list and tuple: last item first ([1, 'x', None] -> [None, 'x', 1])
    const one = newInt(1);
    const s = newStr("x");
    const l = listFromBorrowed([one, s, None]);
    expect(listItems(getReferents([l]))).toEqual([None, s, one]);
    // dict {1: 2}: value then key
    const d = newDict();
    const two = newInt(2);
    dictSetItem(d, one, two);
    expect(listItems(getReferents([d]))).toEqual([two, one]);
    // {'a': []}: only values for a str-keyed dict
    const d2 = newDict();
    const ka = newStr("a");
    const empty = newList(0);
    dictSetItem(d2, ka, empty);
    expect(listItems(getReferents([d2]))).toEqual([empty]);
    // non-GC objects contribute nothing
    expect(listItems(getReferents([one, s]))).toEqual([]);
    for (const o of [a, x, y, s, l, d, two, d2, ka, empty]) decref(o);
  });

  test("get_referrers scans generations 0-2 and skips the arguments tuple", () => {
    const target = newNode();
    const h1 = newNode(NodeType, 1);
    const h2 = newNode(NodeType, 1);
    setField(h1, 0, target);
    setField(h2, 0, target);
    incref(target);
    const argsTuple = tupleFromOwned([target]);
    const found = listItems(getReferrers([target], argsTuple));
    expect(found).toEqual([h1, h2]);
    expect(listItems(getReferrers([target]))).toEqual([h1, h2, argsTuple]);
    for (const o of [argsTuple, h1, h2, target]) decref(o);
  });

  test("is_tracked / is_finalized are false for non-GC objects", () => {
    const i = newInt(123456);
    expect(isTracked(i)).toBe(false);
    expect(isFinalized(i)).toBe(false);
    decref(i);
  });
});

describe("free lists", () => {
  test("only a full collection clears the free lists", () => {
    const lists: PyList[] = [];
    for (let i = 0; i < 5; i++) lists.push(newList(0));
    for (const l of lists) decref(l);
    const parked = listFreeListSize();
    expect(parked).toBeGreaterThanOrEqual(5);
    collect(1);
    expect(listFreeListSize()).toBe(parked);
    collect(2);
    expect(listFreeListSize()).toBe(0);
  });
});
