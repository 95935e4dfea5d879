// The gc module through the TypeScript API, against CPython 3.11.7 (facts §4; messages,
// results and debug lines measured with python3).

import { beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/refcount.js";
import { PyRaise } from "../runtime/exceptions.js";
import { callObject, objectRepr } from "../runtime/abstract.js";
import { dictEntry, dictGetItemStr, dictNext } from "../runtime/dict.js";
import { newInt, newIntFromBigInt } from "../runtime/int.js";
import { newFloat } from "../runtime/float.js";
import { newStr, staticStr, type PyStr } from "../runtime/str.js";
import { listAppend, listClear, newList, type PyList } from "../runtime/list.js";
import { tupleFromOwned } from "../runtime/tuple.js";
import { gcstate } from "../runtime/gcstate.js";
import type { PyModule } from "../runtime/moduleobject.js";
import { newCallable, newNode, setField, settleCollector } from "../runtime/testing/nodes.js";
import { installPythonTypes } from "../python/install.js";
import { createInterpreter } from "./interp.js";
import { finiGCState, gcDumpShutdownStats, initGCModule, initGCState } from "./gcmodule.js";

let gc: PyModule;
let output = "";

beforeAll(() => {
  installPythonTypes();
  createInterpreter({ argv: ["gc_test"], write: (_stream, text) => { output += text; } });
  gc = initGCModule();
});

beforeEach(() => {
  settleCollector();
  // settleCollector drops the collector's lists; give it back the module's.
  gcstate.garbage = attr("garbage");
  gcstate.garbage.refcnt++;
  listClear(gcstate.garbage as PyList);
  gcstate.callbacks = attr("callbacks");
  gcstate.callbacks.refcnt++;
  output = "";
});

function attr(name: string): PyObject {
  return dictGetItemStr(gc.dict!, staticStr(name))!;
}

/** gc.<name>(*args, **kw): the result's repr, or "Type: message" of what it raised. */
function call(name: string, args: PyObject[] = [], kw: Record<string, PyObject> = {}): string {
  const names = Object.keys(kw);
  const all = [...args, ...names.map((n) => kw[n]!)];
  const kwnames = names.length === 0 ? null : tupleFromOwned(names.map((n) => newStr(n)));
  try {
    const result = callObject(attr(name), all, 0, args.length, kwnames);
    const r = objectRepr(result);
    decref(result);
    const text = r.value;
    decref(r);
    return text;
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    const exc = e.exception;
    const message = exc.args.items.length === 0 ? "" : (exc.args.items[0] as { value?: string }).value ?? "";
    decref(exc);
    return `${exc.type.name}: ${message}`;
  } finally {
    if (kwnames !== null) decref(kwnames);
  }
}

function int(n: number): PyObject {
  return newInt(n);
}

function reprOf(o: PyObject): string {
  const r = objectRepr(o);
  const text = r.value;
  decref(r);
  return text;
}

function keysOf(m: PyModule): string[] {
  const names: string[] = [];
  const d = m.dict!;
  for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) names.push((dictEntry.key as PyStr).value);
  return names;
}

describe("module", () => {
  test("namespace in CPython's order", () => {
    expect(keysOf(gc)).toEqual([
      "__name__", "__doc__", "__package__", "__loader__", "__spec__", "enable", "disable", "isenabled",
      "set_debug", "get_debug", "get_count", "set_threshold", "get_threshold", "collect", "get_objects",
      "get_stats", "is_tracked", "is_finalized", "get_referrers", "get_referents", "freeze", "unfreeze",
      "get_freeze_count", "garbage", "callbacks", "DEBUG_STATS", "DEBUG_COLLECTABLE", "DEBUG_UNCOLLECTABLE",
      "DEBUG_SAVEALL", "DEBUG_LEAK",
    ]);
    expect(["DEBUG_STATS", "DEBUG_COLLECTABLE", "DEBUG_UNCOLLECTABLE", "DEBUG_SAVEALL", "DEBUG_LEAK"].map((n) => reprOf(attr(n)))).toEqual(
      ["1", "2", "4", "32", "38"],
    );
    expect(reprOf(gc)).toBe("<module 'gc' (built-in)>");
    expect(reprOf(attr("collect"))).toBe("<built-in function collect>");
  });

  test("garbage and callbacks are the collector's lists, whatever the module attribute says", () => {
    expect(attr("garbage")).toBe(gcstate.garbage);
    expect(attr("callbacks")).toBe(gcstate.callbacks);
  });
});

describe("argument handling (messages of 3.11.7)", () => {
  test("collect", () => {
    expect(call("collect", [int(3)])).toBe("ValueError: invalid generation");
    expect(call("collect", [int(-1)])).toBe("ValueError: invalid generation");
    expect(call("collect", [newStr("a")])).toBe("TypeError: 'str' object cannot be interpreted as an integer");
    expect(call("collect", [newFloat(1)])).toBe("TypeError: 'float' object cannot be interpreted as an integer");
    expect(call("collect", [], { generation: int(0) })).toBe("0");
    expect(call("collect", [], { gen: int(0) })).toBe("TypeError: 'gen' is an invalid keyword argument for collect()");
    expect(call("collect", [int(0), int(1)])).toBe("TypeError: collect() takes at most 1 argument (2 given)");
    expect(call("collect", [newIntFromBigInt(2n ** 70n)])).toBe("OverflowError: Python int too large to convert to C int");
    expect(call("collect", [newIntFromBigInt(-(2n ** 40n))])).toBe("OverflowError: Python int too large to convert to C int");
  });

  test("get_objects", () => {
    expect(call("get_objects", [int(3)])).toBe(
      "ValueError: generation parameter must be less than the number of available generations (3)",
    );
    expect(call("get_objects", [int(-2)])).toBe("ValueError: generation parameter cannot be negative");
    expect(call("get_objects", [newStr("x")])).toBe("TypeError: argument should be integer or None, not 'str'");
    expect(call("get_objects", [newFloat(1.5)])).toBe("TypeError: argument should be integer or None, not 'float'");
    expect(call("get_objects", [newIntFromBigInt(2n ** 70n)])).toBe("OverflowError: cannot fit 'int' into an index-sized integer");
    expect(call("get_objects", [int(1), int(2)])).toBe("TypeError: get_objects() takes at most 1 argument (2 given)");
    expect(call("get_objects", [], { gen: int(1) })).toBe("TypeError: 'gen' is an invalid keyword argument for get_objects()");
    expect(call("get_objects", [int(-1)]).startsWith("[")).toBe(true);
  });

  test("set_threshold / get_threshold", () => {
    expect(call("set_threshold")).toBe("TypeError: set_threshold() takes at least 1 argument (0 given)");
    expect(call("set_threshold", [int(1), int(2), int(3), int(4)])).toBe("TypeError: set_threshold() takes at most 3 arguments (4 given)");
    expect(call("set_threshold", [newFloat(1.5)])).toBe("TypeError: 'float' object cannot be interpreted as an integer");
    expect(call("set_threshold", [], { x: int(1) })).toBe("TypeError: set_threshold() takes no keyword arguments");
    expect(call("set_threshold", [newIntFromBigInt(2n ** 40n)])).toBe("OverflowError: signed integer is greater than maximum");
    expect(call("set_threshold", [newIntFromBigInt(-(2n ** 40n))])).toBe("OverflowError: signed integer is less than minimum");
    expect(call("set_threshold", [newIntFromBigInt(2n ** 70n)])).toBe("OverflowError: Python int too large to convert to C long");
    expect(call("get_threshold")).toBe("(700, 10, 10)");
    expect(call("set_threshold", [int(-1)])).toBe("None");
    expect(call("get_threshold")).toBe("(-1, 10, 10)");
    expect(call("set_threshold", [int(1), int(5)])).toBe("None");
    expect(call("get_threshold")).toBe("(1, 5, 10)");
    expect(call("set_threshold", [int(700), int(10), int(10)])).toBe("None");
  });

  test("set_debug / get_debug and the METH_O / METH_NOARGS messages", () => {
    expect(call("set_debug")).toBe("TypeError: gc.set_debug() takes exactly one argument (0 given)");
    expect(call("set_debug", [newStr("a")])).toBe("TypeError: 'str' object cannot be interpreted as an integer");
    expect(call("set_debug", [newIntFromBigInt(2n ** 40n)])).toBe("OverflowError: Python int too large to convert to C int");
    expect(call("set_debug", [], { flags: int(0) })).toBe("TypeError: gc.set_debug() takes no keyword arguments");
    expect(call("set_debug", [int(-1)])).toBe("None");
    expect(call("get_debug")).toBe("-1");
    expect(call("set_debug", [int(0)])).toBe("None");
    expect(call("get_debug", [int(1)])).toBe("TypeError: gc.get_debug() takes no arguments (1 given)");
    expect(call("enable", [int(1)])).toBe("TypeError: gc.enable() takes no arguments (1 given)");
    expect(call("is_tracked")).toBe("TypeError: gc.is_tracked() takes exactly one argument (0 given)");
    expect(call("is_finalized")).toBe("TypeError: gc.is_finalized() takes exactly one argument (0 given)");
    expect(call("get_referents", [], { x: int(1) })).toBe("TypeError: get_referents() takes no keyword arguments");
    expect(call("get_referrers", [], { x: int(1) })).toBe("TypeError: get_referrers() takes no keyword arguments");
    expect(call("get_stats", [int(1)])).toBe("TypeError: gc.get_stats() takes no arguments (1 given)");
    expect(call("freeze", [int(1)])).toBe("TypeError: gc.freeze() takes no arguments (1 given)");
  });
});

describe("results", () => {
  test("enable / disable / isenabled", () => {
    expect(call("isenabled")).toBe("False");
    expect(call("enable")).toBe("None");
    expect(call("isenabled")).toBe("True");
    expect(call("disable")).toBe("None");
    expect(call("isenabled")).toBe("False");
  });

  test("collect returns collected + uncollectable; the counts move as in §4.2", () => {
    const l = newList(0);
    listAppend(l, l);
    decref(l);
    expect(call("collect")).toBe("1");
    expect(call("collect", [int(0)])).toBe("0");
    expect(call("get_count").startsWith("(")).toBe(true);
    expect(call("get_count").endsWith(", 1, 0)")).toBe(true);
    call("collect", [int(1)]);
    expect(call("get_count").endsWith(", 0, 1)")).toBe(true);
  });

  test("get_referents in traversal order; non-GC objects add nothing", () => {
    const list = newList(0);
    listAppend(list, int(2));
    const tuple = tupleFromOwned([int(3), int(4)]);
    expect(call("get_referents", [int(1), list, tuple])).toBe("[2, 4, 3]");
    expect(call("get_referents")).toBe("[]");
    decref(list);
    decref(tuple);
  });

  test("get_referrers finds containers, not its own argument tuple or result", () => {
    const x = newList(0);
    const holder = newNode();
    setField(holder, 0, x);
    const result = callObject(attr("get_referrers"), [x], 0, 1, null) as PyList;
    expect(result.items).toEqual([holder]);
    decref(result);
    decref(holder);
    decref(x);
  });

  test("is_tracked / is_finalized", () => {
    expect(call("is_tracked", [newList(0)])).toBe("True");
    expect(call("is_tracked", [int(1)])).toBe("False");
    expect(call("is_finalized", [int(1)])).toBe("False");
  });

  test("get_stats: three dicts with CPython's keys in order", () => {
    const text = call("get_stats");
    expect(text).toMatch(
      /^\[\{'collections': \d+, 'collected': \d+, 'uncollectable': \d+\}, \{'collections': \d+, 'collected': \d+, 'uncollectable': \d+\}, \{'collections': \d+, 'collected': \d+, 'uncollectable': \d+\}\]$/,
    );
  });

  test("freeze / unfreeze / get_freeze_count", () => {
    const before = Number(call("get_freeze_count"));
    expect(call("freeze")).toBe("None");
    expect(Number(call("get_freeze_count"))).toBeGreaterThan(before);
    expect(call("get_count")).toBe("(0, 0, 0)");
    expect(call("unfreeze")).toBe("None");
    expect(call("get_freeze_count")).toBe("0");
  });

  test("DEBUG_SAVEALL keeps the garbage in gc.garbage", () => {
    call("set_debug", [int(32)]);
    const l = newList(0);
    listAppend(l, l);
    decref(l);
    expect(call("collect")).toBe("1");
    call("set_debug", [int(0)]);
    expect(reprOf(attr("garbage"))).toBe("[[[...]]]");
  });
});

describe("gc.callbacks", () => {
  test("called as cb(phase, info) around each collection; a nested collect() returns 0", () => {
    const log: string[] = [];
    const cb = newCallable((args) => {
      log.push(`${reprOf(args[0]!)} ${reprOf(args[1]!)} ${call("collect")}`);
    });
    listAppend(attr("callbacks") as PyList, cb);
    decref(cb);
    call("collect", [int(1)]);
    expect(log).toEqual([
      "'start' {'generation': 1, 'collected': 0, 'uncollectable': 0} 0",
      "'stop' {'generation': 1, 'collected': 0, 'uncollectable': 0} 0",
    ]);
  });
});

describe("debug output goes to sys.stderr", () => {
  test("DEBUG_STATS and DEBUG_COLLECTABLE lines", () => {
    call("set_debug", [int(3)]);
    const l = newList(0);
    listAppend(l, l);
    decref(l);
    call("collect");
    call("set_debug", [int(0)]);
    const lines = output.replace(/0x[0-9a-f]+/g, "0x…").replace(/\d+\.\d{4}s/, "T").split("\n");
    expect(lines[0]).toBe("gc: collecting generation 2...");
    expect(lines[1]).toMatch(/^gc: objects in each generation: \d+ \d+ \d+$/);
    expect(lines[2]).toMatch(/^gc: objects in permanent generation: \d+$/);
    expect(lines[3]).toBe("gc: collectable <list 0x…>");
    expect(lines[4]).toBe("gc: done, 1 unreachable, 0 uncollectable, T elapsed");
  });

  test("shutdown: with DEBUG_UNCOLLECTABLE the repr of gc.garbage, six spaces in", () => {
    const garbage = attr("garbage") as PyList;
    gcDumpShutdownStats();
    expect(output).toBe("");
    listAppend(garbage, newStr("x"));
    gcDumpShutdownStats();
    expect(output).toBe("");
    call("set_debug", [int(4)]);
    gcDumpShutdownStats();
    call("set_debug", [int(0)]);
    expect(output).toBe("      ['x']\n");
  });
});

describe("interpreter state", () => {
  test("initGCState makes both lists once; finiGCState releases them", () => {
    const garbage = gcstate.garbage;
    const callbacks = gcstate.callbacks;
    initGCState();
    expect(gcstate.garbage).toBe(garbage);
    expect(gcstate.callbacks).toBe(callbacks);
    const refs = garbage!.refcnt;
    finiGCState();
    expect(gcstate.garbage).toBe(null);
    expect(garbage!.refcnt).toBe(refs - 1);
    initGCState();
    expect(gcstate.garbage).not.toBe(null);
    expect(gcstate.garbage).not.toBe(garbage);
  });
});
