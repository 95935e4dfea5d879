// Dogfooding: builtin module functions written on heapscope/native behave exactly as the
// hand-written ones (gc), the `_heapscope` module works from Python, and a leak put into a
// builtin on purpose is caught by detectLeaks with its Python traceback.

import { beforeAll, describe, expect, test } from "vitest";
import type { PyObject } from "../runtime/object.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { decref as rtDecref, incref as rtIncref } from "../runtime/refcount.js";
import { callObject, objectRepr } from "../runtime/abstract.js";
import { dictGetItemStr, dictSetItem } from "../runtime/dict.js";
import { newStr, staticStr } from "../runtime/str.js";
import { newInt, newIntFromBigInt } from "../runtime/int.js";
import { tupleFromOwned } from "../runtime/tuple.js";
import { newCFunction } from "../runtime/methodobject.js";
import { PyRaise } from "../runtime/exceptions.js";
import { newList } from "../runtime/list.js";
import { GC_METHODS, initGCModule } from "../modules/gcmodule.js";
import { importModule } from "../modules/importer.js";
import { detectLeaks, ensureInterpreter, execPython } from "./testing.js";
import { gcNativeFunctions, gcNativeModule } from "./gcfunctions.js";
import { PyDict, PyList, PyLong, defineModule, type Owned } from "./index.js";
import { takeErrorText } from "./errors.js";

beforeAll(() => ensureInterpreter());

/** The repr of f(*args, **kw), or "Type: message" of what it raised. */
function outcome(f: PyObject, args: PyObject[], kw: Record<string, PyObject>): string {
  const names = Object.keys(kw);
  const kwnames = names.length === 0 ? null : tupleFromOwned(names.map((n) => newStr(n)));
  try {
    const r = callObject(f, [...args, ...names.map((n) => kw[n]!)], 0, args.length, kwnames);
    const text = objectRepr(r);
    rtDecref(r);
    const t = text.value;
    rtDecref(text);
    return t;
  } catch (e) {
    if (e instanceof PyRaise) return takeErrorText(e);
    throw e;
  } finally {
    if (kwnames !== null) rtDecref(kwnames);
  }
}

describe("gc functions on the native API", () => {
  test("same results and messages as src/modules/gcmodule.ts, call by call", () => {
    const original = initGCModule();
    using native = gcNativeModule.create();
    const fn = (m: { dict: unknown }, name: string): PyObject => dictGetItemStr((m as { dict: Parameters<typeof dictGetItemStr>[0] }).dict, staticStr(name))!;
    const str = newStr("x");
    const lst = newList(0);
    const cases: [string, PyObject[], Record<string, PyObject>][] = [
      ["isenabled", [], {}], ["disable", [], {}], ["isenabled", [], {}], ["enable", [], {}], ["isenabled", [], {}],
      ["enable", [newInt(1)], {}], ["isenabled", [], { x: str }],
      ["collect", [], {}], ["collect", [], {}], ["collect", [newInt(0)], {}], ["collect", [], { generation: newInt(1) }],
      ["collect", [newInt(1), newInt(2)], {}], ["collect", [str], {}], ["collect", [newIntFromBigInt(2n ** 40n)], {}],
      ["collect", [newInt(7)], {}], ["collect", [], { gen: newInt(1) }],
      ["get_debug", [], {}], ["set_debug", [newInt(0)], {}], ["set_debug", [str], {}], ["set_debug", [], {}],
      ["get_threshold", [], {}], ["get_stats", [], {}],
      ["get_objects", [str], {}], 
      ["get_objects", [], { generation: str }],
      ["is_tracked", [lst], {}], ["is_tracked", [str], {}], ["is_tracked", [], {}], ["is_tracked", [str, str], {}],
      ["is_finalized", [lst], {}], ["is_finalized", [], { obj: lst }],
      ["get_freeze_count", [], {}], ["freeze", [], {}], ["get_freeze_count", [], {}], ["unfreeze", [], {}], ["get_freeze_count", [], {}],
    ];
    const seen = new Set<string>(["get_count"]); // compared below, on its own
    for (const [name, args, kw] of cases) {
      seen.add(name);
      const expected = outcome(fn(original, name), args, kw);
      const got = outcome(fn(native.obj, name), args, kw);
      expect({ call: name, got }).toEqual({ call: name, got: expected });
    }
    expect([...seen].sort()).toEqual([...gcNativeFunctions].sort());
    // The counts themselves: the native wrapper allocates no Python object of its own.
    const a = outcome(fn(original, "get_count"), [], {});
    const b = outcome(fn(native.obj, "get_count"), [], {});
    expect(b).toBe(a);
    for (const name of gcNativeFunctions) {
      expect(outcome(fn(native.obj, name), [], {}).startsWith("SystemError")).toBe(false);
    }
    rtDecref(original);
    rtDecref(str);
    rtDecref(lst);
  });

  test("the same docstring-less defs are builtin functions of a module named gc", () => {
    expect(execPython("print(1)").error).toBe(null);
    using m = gcNativeModule.create();
    const f = dictGetItemStr(m.obj.dict!, staticStr("get_stats"))!;
    expect(outcome(f, [newInt(1)], {})).toBe("TypeError: gc.get_stats() takes no arguments (1 given)");
  });
});

describe("_heapscope, the introspection module written on the API", () => {
  test("refcounts, addresses, blocks and allocator figures from Python", () => {
    const r = execPython(`
import _heapscope, sys
x = []
print(_heapscope.refcount(x) == sys.getrefcount(x), _heapscope.address(x) == id(x))
print(_heapscope.is_static(None), _heapscope.is_static(1), _heapscope.is_static(x), _heapscope.is_static(10**20))
addr, size, pre = _heapscope.block(x)
print(addr == id(x) - 16, size, pre, _heapscope.block(None))
a = _heapscope.allocated_blocks()
b = sys.getallocatedblocks()
print(b - a)
stats = _heapscope.allocator_stats()
print(sorted(stats), all(type(v) is int for v in stats.values()))
print(_heapscope.gil_held(), _heapscope)
try:
    _heapscope.refcount()
except TypeError as e:
    print(e)
`);
    expect(r.error).toBe(null);
    expect(r.stdout).toBe(
      "True True\n" +
        "True True False False\n" +
        "True 64 16 None\n" +
        "1\n" +
        "['allocated_blocks', 'arenas', 'arenas_highwater', 'mmapped_blocks', 'native_buffers', 'native_bytes', 'raw_blocks', 'raw_bytes'] True\n" +
        "True <module '_heapscope' (built-in)>\n" +
        "_heapscope.refcount() takes exactly one argument (0 given)\n",
    );
  });

  test("its functions leak nothing", () => {
    const info = detectLeaks(() => {
      const r = execPython("import _heapscope\nx = [1]\n_heapscope.block(x)\n_heapscope.allocator_stats()\n_heapscope.refcount(x)\n");
      expect(r.error).toBe(null);
    });
    expect(info.report).toBe("");
  });
});

describe("a leak put into a builtin on purpose", () => {
  test("gc.get_stats with a forgotten decref: its list and three dicts are reported, allocated at the Python call", () => {
    const real = GC_METHODS.find((d) => d.name === "get_stats")! as MethodDef & { kind: "noargs" };
    const leaky: MethodDef = {
      ...real,
      fn: (self: PyObject) => {
        const result = real.fn(self);
        rtIncref(result); // the bug: a reference taken and never given back
        return result;
      },
    };
    const gc = importModule("gc");
    const f = newCFunction(leaky, gc, null);
    dictSetItem((gc as unknown as { dict: Parameters<typeof dictSetItem>[0] }).dict, staticStr("get_stats"), f);
    rtDecref(f);
    try {
      const info = detectLeaks(() => {
        const r = execPython("import gc\n\ndef stats():\n    return gc.get_stats()\n\nstats()\n", { filename: "/tmp/gc_leak.py" });
        expect(r.error).toBe(null);
      });
      const types = info.objects.map((o) => o.type);
      expect(types.filter((t) => t === "list")).toHaveLength(1);
      expect(types.filter((t) => t === "dict")).toHaveLength(3);
      // Each dict's three keys are fresh strs (as gc_get_stats_impl makes them).
      expect(types.filter((t) => t === "str")).toHaveLength(9);
      const list = info.objects.find((o) => o.type === "list")!;
      expect(list.refcount).toBe(1);
      expect(list.traceback).toContain('  File "/tmp/gc_leak.py", line 4, in stats');
      expect(info.report.split("\n")[0]).toMatch(/^Memory leak detected: \d+ bytes leaked \(1[3-9] objects, 0 native buffers, 0 other blocks\)$/);
    } finally {
      const real2 = newCFunction(real, gc, null);
      dictSetItem((gc as unknown as { dict: Parameters<typeof dictSetItem>[0] }).dict, staticStr("get_stats"), real2);
      rtDecref(real2);
      rtDecref(gc);
    }
  });

  test("a native-API builtin missing one `using`: exactly the int it created leaks", () => {
    const leaky = defineModule("_heapscope_leaky")
      .function("stats", {
        fn: () => {
          using d = PyDict.new();
          const v: Owned<PyObject> = PyLong.create(123456); // the bug: `const` where `using` belongs
          PyDict.setItem(d, "value", v);
          using l = PyList.new();
          PyList.append(l, d);
          return l.move();
        },
      })
      .register();
    void leaky;
    const info = detectLeaks(() => {
      expect(execPython("import _heapscope_leaky\n_heapscope_leaky.stats()\n", { filename: "/tmp/api_leak.py" }).error).toBe(null);
    });
    expect(info.objects.map((o) => [o.type, o.refcount, o.size])).toEqual([["int", 1, 32]]);
    expect(info.bytesLeaked).toBe(32);
    expect(info.objects[0]!.traceback).toContain('  File "/tmp/api_leak.py", line 2, in <module>');
  });
});
