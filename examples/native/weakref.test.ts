// The weak reference example: the referent's refcount is untouched, the weak reference dies
// with it, and nothing leaks once the caller releases the weak reference.

import { beforeAll, expect, test } from "vitest";
import { call, defineClass, PyNone } from "heapscope/native";
import { detectLeaks, ensureInterpreter } from "heapscope/testing";
import { useWeakRef } from "./weakref.js";

beforeAll(() => ensureInterpreter());

/** Lists and dicts refuse weak references, as in CPython; instances of native classes accept them. */
const Target = defineClass({ name: "Target", module: "weakref_example" });

test("use_weak_ref returns a weak reference that does not keep its referent alive", () => {
  const target = Target.create();
  const weak = useWeakRef({ obj: target.borrow() });
  expect(weak.typeName).toBe("weakref.ReferenceType");
  expect(target.refcnt).toBe(1);
  {
    using alive = call(weak);
    expect(alive.is(target)).toBe(true);
  }
  target.decref();
  using dead = call(weak);
  expect(PyNone.check(dead)).toBe(true);
  weak.decref();
});

test("no leak when the caller releases the weak reference", () => {
  using target = Target.create();
  const info = detectLeaks(() => {
    using weak = useWeakRef({ obj: target.borrow() });
    using alive = call(weak);
    expect(alive.is(target)).toBe(true);
  });
  expect(info.leaked).toBe(false);
});
