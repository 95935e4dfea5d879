// The collector with real instances of `class` types (instance.ts, typecreate.ts), against
// the shapes CPython 3.11.7 measured (facts §4.5, §4.6, §7.2).

import { beforeEach, describe, expect, test } from "vitest";
import { collect, garbageList, getReferents, isFinalized } from "./gc.js";
import { gcstate } from "./gcstate.js";
import { callObject, getAttr, objectRepr, setAttr } from "./abstract.js";
import { decref } from "./refcount.js";
import { newRef } from "./refcount.js";
import { FREED_REFCNT, type PyObject } from "./object.js";
import { newInt } from "./int.js";
import { newStr, staticStr } from "./str.js";
import { tupleFromOwned } from "./tuple.js";
import { None } from "./singletons.js";
import { fn, makeClass } from "./testing/pyfunc.js";
import { settleCollector } from "./testing/nodes.js";
import { listAppend, listFromBorrowed, newList, type PyList } from "./list.js";
import { newWeakref } from "./weakref.js";
import { newCFunction } from "./methodobject.js";

beforeEach(() => {
  settleCollector();
});

function instantiate(t: PyObject): PyObject {
  return callObject(t, [], 0, 0, null);
}

function set(o: PyObject, name: string, value: PyObject): void {
  setAttr(o, staticStr(name), value);
}

function reprText(o: PyObject): string {
  const r = objectRepr(o);
  const text = r.value;
  decref(r);
  return text;
}

function hex(o: PyObject): string {
  return "0x" + o.address.toString(16);
}

describe("collect() results for instances (facts §4.5)", () => {
  test("instance self-cycle: 1; with its __dict__ materialised first: 2", () => {
    const K = makeClass("K", []);
    const a = instantiate(K);
    set(a, "self", a);
    decref(a);
    expect(collect()).toBe(1);
    const b = instantiate(K);
    set(b, "self", b);
    decref(getAttr(b, staticStr("__dict__")));
    decref(b);
    expect(collect()).toBe(2);
    decref(K);
  });

  test("two instances referencing each other: 2; __slots__ self-cycle: 1", () => {
    const K = makeClass("K", []);
    const a = instantiate(K);
    const b = instantiate(K);
    set(a, "other", b);
    set(b, "other", a);
    decref(a);
    decref(b);
    expect(collect()).toBe(2);
    const S = makeClass("S", [], { __slots__: tupleFromOwned([newStr("s")]) });
    const s = instantiate(S);
    set(s, "s", s);
    decref(s);
    expect(collect()).toBe(1);
    decref(K);
    decref(S);
  });

  test("__del__ in a self-cycle: 1, called once, gc.garbage empty", () => {
    const log: string[] = [];
    const D = makeClass("D", [], { __del__: fn("__del__", () => (log.push("__del__"), newRef(None))) });
    const d = instantiate(D);
    set(d, "self", d);
    decref(d);
    expect(collect()).toBe(1);
    expect(log).toEqual(["__del__"]);
    expect(garbageList().items.length).toBe(0);
    decref(D);
  });

  test("__del__ that stores self in a global list: 0 and finalized; then 1 and no second __del__", () => {
    const saved = newList(0);
    let calls = 0;
    const R = makeClass("R", [], {
      __del__: fn("__del__", (args) => {
        calls++;
        listAppend(saved, args[0]!);
        return newRef(None);
      }),
    });
    const r = instantiate(R);
    set(r, "self", r);
    decref(r);
    expect(collect()).toBe(0);
    expect(isFinalized(r)).toBe(true);
    expect(calls).toBe(1);
    decref(saved);
    expect(collect()).toBe(1);
    expect(calls).toBe(1);
    expect(r.refcnt).toBe(FREED_REFCNT);
    decref(R);
  });

  test("a weakref with a callback stored on the instance itself: 3, callback not called", () => {
    const K = makeClass("K", []);
    let called = false;
    const a = instantiate(K);
    set(a, "self", a);
    const cb = fn("<lambda>", () => ((called = true), newRef(None)));
    const wr = newWeakref(a, cb);
    decref(cb);
    set(a, "wr", wr);
    decref(wr);
    decref(a);
    expect(collect()).toBe(3);
    expect(called).toBe(false);
    decref(K);
  });

  test("an external weakref with a callback: 1, the callback runs and the weakref is dead", () => {
    const K = makeClass("K", []);
    const seen: PyObject[] = [];
    const a = instantiate(K);
    set(a, "self", a);
    const cb = fn("cb", (args) => (seen.push(args[0]!), newRef(None)));
    const wr = newWeakref(a, cb);
    decref(a);
    expect(collect()).toBe(1);
    expect(seen).toEqual([wr]);
    const dead = callObject(wr, [], 0, 0, null);
    expect(dead).toBe(None);
    decref(dead);
    decref(wr);
    decref(cb);
    decref(K);
  });
});

describe("API results with instances", () => {
  test("get_referents of a plain instance: its attribute values, then its class", () => {
    const K = makeClass("K", []);
    const k = instantiate(K);
    const five = newInt(5);
    set(k, "x", five);
    const refs = getReferents([k]);
    expect(refs.items).toEqual([five, K]);
    decref(refs);
    decref(five);
    decref(k);
    decref(K);
  });

  test("gc.callbacks with a Python-level callable get start/stop", () => {
    const phases: string[] = [];
    const cb = fn("cb", (args) => (phases.push((args[0] as unknown as { value: string }).value), newRef(None)));
    gcstate.callbacks = listFromBorrowed([cb]);
    const l = newList(0);
    listAppend(l, l);
    decref(l);
    expect(collect()).toBe(1);
    expect(phases).toEqual(["start", "stop"]);
    decref(gcstate.callbacks as PyList);
    gcstate.callbacks = null;
    decref(cb);
  });

  test("weakref reprs name builtin functions and classes", () => {
    const f = newCFunction({ name: "len", kind: "o", fn: (_self, arg) => newRef(arg) }, null);
    const K = makeClass("K", []);
    const rf = newWeakref(f, null);
    const rk = newWeakref(K, null);
    expect(reprText(rf)).toBe(`<weakref at ${hex(rf)}; to 'builtin_function_or_method' at ${hex(f)} (len)>`);
    expect(reprText(rk)).toBe(`<weakref at ${hex(rk)}; to 'type' at ${hex(K)} (K)>`);
    const k = instantiate(K);
    const r = newWeakref(k, null);
    expect(reprText(r)).toBe(`<weakref at ${hex(r)}; to 'K' at ${hex(k)}>`);
    for (const o of [r, k, rf, rk, f, K]) decref(o);
  });
});
