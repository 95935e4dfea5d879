// Py_ReprEnter / Py_ReprLeave: the "Py_Repr" list in the thread state dict. Expected values
// measured on CPython 3.11.7.

import { describe, expect, test } from "vitest";
import { runPython } from "../../src/modules/bltin_testing.js";
import "../../src/modules/gcmodule.js";
import "../../src/modules/weakrefmodule.js";

function run(source: string): string {
  const r = runPython(source);
  return r.stdout + r.error;
}

describe("Py_ReprEnter", () => {
  // First in this file: the thread state dict and its list do not exist yet.
  test("the first container repr makes the thread state dict and the Py_Repr list", () => {
    const source = [
      "import gc",
      "gc.disable()",
      "gc.collect()",
      "b = gc.get_count()[0]",
      "repr([1, 2])",
      "a = gc.get_count()[0]",
      "repr([1, 2])",
      "c = gc.get_count()[0]",
      "print(a - b, c - a)",
      "gc.enable()",
    ].join("\n");
    expect(run(source)).toBe("4 0\n");
  });

  test("the object being repr'd is referenced by the list; recursion prints [...]", () => {
    const source = [
      "import sys",
      "class R:",
      "    def __repr__(self):",
      "        return 'R%d' % sys.getrefcount(L)",
      "L = [R()]",
      "print(sys.getrefcount(L), repr(L), sys.getrefcount(L))",
      "M = [1]",
      "M.append(M)",
      "print(repr({'k': M}))",
    ].join("\n");
    expect(run(source)).toBe("2 [R4] 2\n{'k': [1, [...]]}\n");
  });
});
