// subtype_dealloc order, traversal and instances of builtin subclasses (facts §4.6, §5.1).
import { describe, expect, test } from "vitest";
import { callObject, setAttr } from "./abstract.js";
import { newStr, staticStr } from "./str.js";
import { newInt } from "./int.js";
import { ListType, type PyList } from "./list.js";
import { tupleFromBorrowed } from "./tuple.js";
import { decref, incref } from "./refcount.js";
import { fn, getsizeof, makeClass } from "./testing/pyfunc.js";
import { None } from "./singletons.js";
import { newWeakref } from "./weakref.js";
import { PyInstance } from "./instance.js";
import { gcIsTracked } from "./gcstate.js";
import { getReferents } from "./gc.js";
import { newRef } from "./refcount.js";
import type { PyObject } from "./object.js";
import type { PyType } from "./type.js";

function instantiate(t: PyObject, ...args: PyObject[]): PyObject {
  return callObject(t, args, 0, args.length, null);
}

/** An object whose __del__ appends `label` to `log` (a class per label keeps it simple). */
function tracer(log: string[], label: string): PyObject {
  const T = makeClass("T", [], { __del__: fn("__del__", () => (log.push(label), newRef(None))) });
  const t = instantiate(T);
  decref(T);
  return t;
}

describe("subtype_dealloc order (facts §5.1)", () => {
  test("plain class: __del__, weakref callback, then attributes in insertion order", () => {
    const log: string[] = [];
    const B = makeClass("B", [], { __del__: fn("__del__", () => (log.push("B.__del__"), newRef(None))) });
    const b = instantiate(B);
    for (const name of ["x", "y"]) {
      const t = tracer(log, name);
      setAttr(b, staticStr(name), t);
      decref(t);
    }
    const cb = fn("cb", () => (log.push("weakref callback"), newRef(None)));
    const wr = newWeakref(b, cb);
    decref(b);
    expect(log).toEqual(["B.__del__", "weakref callback", "x", "y"]);
    decref(wr);
    decref(B);
  });

  test("slots then dict: s1, s2, d1, d2", () => {
    const log: string[] = [];
    const slots = tupleFromBorrowed([newStr("s1"), newStr("s2"), newStr("__weakref__"), newStr("__dict__")]);
    const A = makeClass("A", [], { __slots__: slots, __del__: fn("__del__", () => (log.push("A.__del__"), newRef(None))) });
    const a = instantiate(A);
    for (const name of ["d1", "s1", "d2", "s2"]) {
      const t = tracer(log, name);
      setAttr(a, staticStr(name), t);
      decref(t);
    }
    const cb = fn("cb", () => (log.push("weakref callback"), newRef(None)));
    const wr = newWeakref(a, cb);
    decref(a);
    expect(log).toEqual(["A.__del__", "weakref callback", "s1", "s2", "d1", "d2"]);
    decref(wr);
    decref(A);
  });

  test("resurrection in __del__ stops the dealloc; __del__ is not called twice", () => {
    let saved: PyObject | null = null;
    let calls = 0;
    const R = makeClass("R", [], {
      __del__: fn("__del__", (args) => {
        calls++;
        saved = args[0]!;
        incref(saved);
        return newRef(None);
      }),
    });
    const r = instantiate(R);
    decref(r);
    expect(calls).toBe(1);
    expect(saved).toBe(r);
    expect(r.refcnt).toBe(1);
    saved = null;
    decref(r);
    expect(calls).toBe(1);
    decref(R);
  });

  test("instances keep their class alive", () => {
    const K = makeClass("K", []);
    const before = K.refcnt;
    const k = instantiate(K);
    expect(K.refcnt).toBe(before + 1);
    expect(gcIsTracked(k)).toBe(true);
    expect(k).toBeInstanceOf(PyInstance);
    decref(k);
    expect(K.refcnt).toBe(before);
    decref(K);
  });
});

describe("traversal (facts §4.6)", () => {
  test("gc.get_referents: newest class's slots first, then attributes, then the class", () => {
    const A = makeClass("A", [], { __slots__: tupleFromBorrowed([newStr("a1"), newStr("a2")]) });
    const B = makeClass("B", [A], { __slots__: tupleFromBorrowed([newStr("b1")]) });
    const b = instantiate(B);
    const values = [newInt(1001), newInt(1002), newInt(1003)];
    setAttr(b, staticStr("a1"), values[0]!);
    setAttr(b, staticStr("a2"), values[1]!);
    setAttr(b, staticStr("b1"), values[2]!);
    const refs = getReferents([b]);
    expect(refs.items).toEqual([values[2], values[0], values[1], B]);
    decref(refs);
    const K = makeClass("K", []);
    const k = instantiate(K);
    setAttr(k, staticStr("y"), values[0]!);
    setAttr(k, staticStr("x"), values[1]!);
    const krefs = getReferents([k]);
    expect(krefs.items).toEqual([values[0], values[1], K]);
    for (const o of [krefs, k, K, b, B, A, ...values]) decref(o);
  });
});

describe("builtin subclasses", () => {
  test("class L(list): a list with a __dict__ (getsizeof 80)", () => {
    const L = makeClass("L", [ListType]);
    const l = instantiate(L) as PyList;
    expect(l.type).toBe(L);
    expect(getsizeof(l)).toBe(80);
    const one = newInt(1);
    setAttr(l, staticStr("tag"), one);
    const log: string[] = [];
    const t = tracer(log, "attr");
    setAttr(l, staticStr("t"), t);
    decref(t);
    decref(l);
    expect(log).toEqual(["attr"]);
    decref(L as PyType);
  });
});
