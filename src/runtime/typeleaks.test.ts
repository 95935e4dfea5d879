// Heap types, instances, descriptors and exceptions release everything they make (cycles
// through the collector). Uses the collector engineer's leak checker.
import { describe, expect, test } from "vitest";
import { expectNoLeaks } from "./leakcheck.js";
import { callObject, getAttr, objectRepr, setAttr } from "./abstract.js";
import { newInt } from "./int.js";
import { newStr, staticStr } from "./str.js";
import { decref, newRef } from "./refcount.js";
import { tupleFromBorrowed } from "./tuple.js";
import { ListType } from "./list.js";
import { ExceptionType, ValueErrorType, PyRaise } from "./exceptions.js";
import { fn, makeClass, pyError } from "./testing/pyfunc.js";
import { None } from "./singletons.js";
import { PropertyType } from "./funcdescr.js";

describe("no leaks", () => {
  test("class with methods, instances with attributes", () => {
    expectNoLeaks(() => {
      const init = fn("__init__", (args) => {
        setAttr(args[0]!, staticStr("x"), args[1]!);
        return newRef(None);
      });
      const getter = fn("p", () => newInt(3));
      const prop = callObject(PropertyType, [getter], 0, 1, null);
      const K = makeClass("K", [], { __init__: init, p: prop });
      decref(init);
      decref(getter);
      decref(prop);
      const big = newInt(1000);
      const k = callObject(K, [big], 0, 1, null);
      decref(big);
      const r = objectRepr(k);
      decref(r);
      const m = getAttr(k, staticStr("p"));
      decref(m);
      decref(k);
      decref(K);
    });
  });

  test("__slots__ classes and builtin subclasses", () => {
    expectNoLeaks(() => {
      const a = newStr("a");
      const slots = tupleFromBorrowed([a]);
      decref(a);
      const S = makeClass("S", [], { __slots__: slots });
      decref(slots);
      const s = callObject(S, [], 0, 0, null);
      const v = newInt(12345);
      setAttr(s, staticStr("a"), v);
      decref(v);
      decref(s);
      decref(S);
      const L = makeClass("L", [ListType]);
      const l = callObject(L, [], 0, 0, null);
      const w = newInt(777);
      setAttr(l, staticStr("tag"), w);
      decref(w);
      decref(l);
      decref(L);
    });
  });

  test("exceptions raised and released", () => {
    expectNoLeaks(() => {
      const x = newStr("x");
      expect(pyError(() => callObject(ValueErrorType, [x], 0, 1, null))).toBe("OK");
      decref(x);
      const E = makeClass("E", [ExceptionType]);
      try {
        const five = newInt(5);
        const e = callObject(E, [five], 0, 1, null);
        decref(five);
        throw new PyRaise(e as never);
      } catch (e) {
        decref((e as PyRaise).exception);
      }
      decref(E);
    });
  });
});
