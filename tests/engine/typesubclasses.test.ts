// add_subclass / remove_subclass: each class statement registers a weakref to the new class
// in every base's tp_subclasses. Expected values measured on CPython 3.11.7.

import { describe, expect, test } from "vitest";
import { runPython } from "../../src/modules/bltin_testing.js";
import "../../src/modules/gcmodule.js";
import "../../src/modules/weakrefmodule.js";

function run(source: string): string {
  const r = runPython(source);
  return r.stdout + r.error;
}

describe("tp_subclasses entries", () => {
  test("a class statement counts its subclass weakref (and a heap base's first dict)", () => {
    // class A(object): type, dict, mro, bases, __dict__/__weakref__ getsets, the weakref in
    // object's tp_subclasses, the class body function, ...; class B(A) adds A's new dict.
    const source = [
      "import gc, weakref",
      "gc.disable()",
      "gc.collect()",
      "b = gc.get_count()[0]",
      "class A: pass",
      "a1 = gc.get_count()[0]",
      "class B(A): pass",
      "a2 = gc.get_count()[0]",
      "class C(A): pass",
      "a3 = gc.get_count()[0]",
      "print(a1 - b, a2 - a1, a3 - a2)",
      "print(weakref.getweakrefcount(A), weakref.getweakrefcount(B), weakref.getweakrefs(A)[0]() is A, weakref.ref(A) is weakref.getweakrefs(A)[0])",
      "print(A.__subclasses__())",
      "del B",
      "gc.collect()",
      "print(A.__subclasses__(), weakref.getweakrefcount(A))",
      "gc.enable()",
    ].join("\n");
    expect(run(source)).toBe(
      "10 6 5\n1 1 True True\n[<class '__main__.B'>, <class '__main__.C'>]\n[<class '__main__.C'>] 1\n",
    );
  });
});
