// _PyObject_LookupAttr (hasattr, getattr with a default): a missing attribute makes no
// AttributeError object for the generic and the type lookups, while a caught `k.nope` does
// (its args tuple shows). Expected values measured on CPython 3.11.7.

import { describe, expect, test } from "vitest";
import { runPython } from "../../src/modules/bltin_testing.js";
import "../../src/modules/gcmodule.js";
import "../../src/modules/weakrefmodule.js";

describe("_PyObject_LookupAttr", () => {
  test("no exception is allocated for a missing name", () => {
    const source = [
      "import gc",
      "gc.disable()",
      "def delta(f):",
      "    gc.collect()",
      "    b = gc.get_count()[0]",
      "    f()",
      "    return gc.get_count()[0] - b - 1",
      "class K: pass",
      "k = K()",
      "print('hasattr instance', delta(lambda: hasattr(k, 'nope')))",
      "print('getattr default', delta(lambda: getattr(k, 'nope', None)))",
      "print('hasattr type', delta(lambda: hasattr(K, 'nope')))",
      "print('getattr type default', delta(lambda: getattr(K, 'nope', None)))",
      "def miss():",
      "    try:",
      "        k.nope",
      "    except AttributeError:",
      "        pass",
      "print('k.nope caught', delta(miss))",
      "print(getattr(k, 'nope', 5), hasattr(K, '__name__'))",
      "try:",
      "    getattr(k, 1, None)",
      "except TypeError as e:",
      "    print(e)",
      "gc.enable()",
    ].join("\n");
    const r = runPython(source);
    expect(r.stdout + r.error).toBe(
      "hasattr instance 0\ngetattr default 0\nhasattr type 0\ngetattr type default 0\nk.nope caught 1\n5 True\nattribute name must be string, not 'int'\n",
    );
  });
});
