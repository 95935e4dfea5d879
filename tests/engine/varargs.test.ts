// METH_VARARGS builtins get a packed argument tuple (and keyword dict): GC allocations that
// gc.get_count() sees, and a reference to each argument during the call. Expected values
// measured on CPython 3.11.7.

import { describe, expect, test } from "vitest";
import { runPython } from "../../src/modules/bltin_testing.js";
import "../../src/modules/gcmodule.js";
import "../../src/modules/weakrefmodule.js";

function run(source: string): string {
  const r = runPython(source);
  return r.stdout + r.error;
}

describe("METH_VARARGS calls", () => {
  test("the tuple holds the argument while sys.getsizeof runs __sizeof__", () => {
    const source = [
      "import sys",
      "class S:",
      "    def __sizeof__(self):",
      "        print('inside', sys.getrefcount(self))",
      "        return 10",
      "print(sys.getsizeof(S()))",
    ].join("\n");
    expect(run(source)).toBe("inside 5\n42\n");
  });

  test("argument tuples and keyword dicts count as fresh GC allocations", () => {
    // After a full collection the free lists are empty: each packed tuple is a fresh
    // allocation that goes to the free list afterwards (+1); keyword dicts likewise.
    const source = [
      "import gc, sys",
      "gc.disable()",
      "def delta(f):",
      "    gc.collect()",
      "    b = gc.get_count()[0]",
      "    f()",
      "    return gc.get_count()[0] - b - 1",
      "x = {1, 2}; y = {2, 3}; d = {}",
      "print('union', delta(lambda: x.union(y)))",
      "print('update', delta(lambda: x.update(y)))",
      "print('intersection_update', delta(lambda: x.intersection_update(y, y)))",
      "print('dict.update kw', delta(lambda: d.update(a=1)))",
      "print('dict.update pos+kw', delta(lambda: d.update(d, b=2)))",
      "print('format', delta(lambda: '{}{x}'.format(1, x=2)))",
      "print('getsizeof', delta(lambda: sys.getsizeof(1)))",
      "print('set_threshold', delta(lambda: gc.set_threshold(700)))",
      "print('get_referents', delta(lambda: gc.get_referents(x)))",
      "gc.enable()",
    ].join("\n");
    expect(run(source)).toBe(
      "union 1\nupdate 1\nintersection_update 1\ndict.update kw 1\ndict.update pos+kw 2\nformat 2\ngetsizeof 1\nset_threshold 1\nget_referents 2\n",
    );
  });

  test("str/bytes search methods and slot wrappers pack their arguments as 3.11 does", () => {
    // 3.11's str and bytes count/find/index/rfind/rindex/startswith/endswith are plain
    // METH_VARARGS; wrapper_descriptor and method-wrapper calls go through tp_call (plus a
    // slice without self for the descriptor). Each packed tuple is one fresh GC allocation
    // after a full collection, unless an earlier one in the same call left one to reuse.
    const source = [
      "import gc",
      "gc.disable()",
      "def delta(f):",
      "    gc.collect()",
      "    b = gc.get_count()[0]",
      "    f()",
      "    return gc.get_count()[0] - b - 1",
      "class O: pass",
      "o = O()",
      "s = 'abc'; b = b'abc'; ba = bytearray(b'abc')",
      "m = (1).__add__",
      "find = s.find",
      "b.count(b'a'); ba.rindex(b'a')",
      "print('endswith', delta(lambda: s.endswith('c')))",
      "print('startswith', delta(lambda: s.startswith('a', 0)))",
      "print('find', delta(lambda: s.find('b', 0, 2)))",
      "print('bytes count', delta(lambda: b.count(b'a')))",
      "print('bytearray rindex', delta(lambda: ba.rindex(b'a')))",
      "print('upper', delta(lambda: s.upper()))",
      "print('object.__init__', delta(lambda: object.__init__(o)))",
      "print('int.__add__', delta(lambda: int.__add__(1, 2)))",
      "print('method-wrapper', delta(lambda: m(2)))",
      "print('list.__len__', delta(lambda: list.__len__([])))",
      "for f in (lambda: s.find(x=1), lambda: find(x=1), lambda: s.count(), lambda: b.endswith(1, 2, 3, 4), lambda: str.find()):",
      "    try:",
      "        f()",
      "    except TypeError as e:",
      "        print(e)",
      "gc.enable()",
    ].join("\n");
    expect(run(source)).toBe("endswith 1\nstartswith 1\nfind 0\nbytes count 1\nbytearray rindex 1\nupper 0\nobject.__init__ 1\nint.__add__ 2\nmethod-wrapper 1\nlist.__len__ 2\nstr.find() takes no keyword arguments\nfind() takes no keyword arguments\ncount() takes at least 1 argument (0 given)\nendswith() takes at most 3 arguments (4 given)\nunbound method str.find() needs an argument\n");
  });
});
