// The _weakref module through the TypeScript API, against CPython 3.11.7 (facts §7;
// messages measured with python3).

import { beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/refcount.js";
import { PyRaise } from "../runtime/exceptions.js";
import { callObject, objectRepr } from "../runtime/abstract.js";
import { dictEntry, dictGetItemStr, dictNext, dictSetItem, newDict, type PyDict } from "../runtime/dict.js";
import { newInt } from "../runtime/int.js";
import { newStr, staticStr, type PyStr } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import { newList, type PyList } from "../runtime/list.js";
import { tupleFromOwned } from "../runtime/tuple.js";
import type { PyModule } from "../runtime/moduleobject.js";
import { newWeakref, newProxy, RefType } from "../runtime/weakref.js";
import { newCallable, newNode, settleCollector } from "../runtime/testing/nodes.js";
import { installPythonTypes } from "../python/install.js";
import { createInterpreter } from "./interp.js";
import { initWeakrefModule } from "./weakrefmodule.js";

let mod: PyModule;

beforeAll(() => {
  installPythonTypes();
  createInterpreter({ argv: ["weakref_test"], write: () => {} });
  mod = initWeakrefModule();
});

beforeEach(() => {
  settleCollector();
});

function attr(name: string): PyObject {
  return dictGetItemStr(mod.dict!, staticStr(name))!;
}

function reprOf(o: PyObject): string {
  const r = objectRepr(o);
  const text = r.value;
  decref(r);
  return text;
}

/** _weakref.<name>(*args, **kw): the result's repr, or "Type: message" of what it raised. */
function call(name: string, args: PyObject[] = [], kw: Record<string, PyObject> = {}): string {
  const names = Object.keys(kw);
  const all = [...args, ...names.map((n) => kw[n]!)];
  const kwnames = names.length === 0 ? null : tupleFromOwned(names.map((n) => newStr(n)));
  try {
    const result = callObject(attr(name), all, 0, args.length, kwnames);
    const text = reprOf(result);
    decref(result);
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

describe("module", () => {
  test("namespace in CPython's order", () => {
    const names: string[] = [];
    const d = mod.dict!;
    for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) names.push((dictEntry.key as PyStr).value);
    expect(names).toEqual([
      "__name__", "__doc__", "__package__", "__loader__", "__spec__", "getweakrefcount", "_remove_dead_weakref",
      "getweakrefs", "proxy", "ref", "ReferenceType", "ProxyType", "CallableProxyType",
    ]);
    expect(attr("ref")).toBe(RefType);
    expect(reprOf(mod)).toBe("<module '_weakref' (built-in)>");
    expect(reprOf(attr("ReferenceType"))).toBe("<class 'weakref.ReferenceType'>");
    expect(reprOf(attr("ProxyType"))).toBe("<class 'weakref.ProxyType'>");
    expect(reprOf(attr("CallableProxyType"))).toBe("<class 'weakref.CallableProxyType'>");
    expect(reprOf(attr("getweakrefs"))).toBe("<built-in function getweakrefs>");
  });
});

describe("functions", () => {
  test("argument messages", () => {
    expect(call("getweakrefcount")).toBe("TypeError: _weakref.getweakrefcount() takes exactly one argument (0 given)");
    expect(call("getweakrefs")).toBe("TypeError: _weakref.getweakrefs() takes exactly one argument (0 given)");
    expect(call("getweakrefs", [newInt(1), newInt(2)])).toBe("TypeError: _weakref.getweakrefs() takes exactly one argument (2 given)");
    expect(call("proxy")).toBe("TypeError: proxy expected at least 1 argument, got 0");
    expect(call("proxy", [newInt(1)])).toBe("TypeError: cannot create weak reference to 'int' object");
    const node = newNode();
    expect(call("proxy", [node, None, newInt(3)])).toBe("TypeError: proxy expected at most 2 arguments, got 3");
    expect(call("proxy", [node], { callback: None })).toBe("TypeError: _weakref.proxy() takes no keyword arguments");
    expect(call("_remove_dead_weakref")).toBe("TypeError: _remove_dead_weakref expected 2 arguments, got 0");
    expect(call("_remove_dead_weakref", [newInt(1), newInt(2)])).toBe("TypeError: _remove_dead_weakref() argument 1 must be dict, not int");
    expect(call("_remove_dead_weakref", [newDict(), newList(0)])).toBe("TypeError: unhashable type: 'list'");
    decref(node);
  });

  test("getweakrefcount / getweakrefs: 0 and [] for objects that cannot be weakly referenced", () => {
    expect(call("getweakrefcount", [newInt(1)])).toBe("0");
    expect(call("getweakrefs", [newInt(1)])).toBe("[]");
  });

  test("getweakrefs in list order: basic ref, basic proxy, then callback refs newest first", () => {
    const o = newNode();
    const cb = newCallable(() => {});
    const cb1 = newWeakref(o, cb);
    const p = newProxy(o, null);
    const plain = newWeakref(o, null);
    const cb2 = newWeakref(o, cb);
    expect(call("getweakrefcount", [o])).toBe("4");
    const list = callObject(attr("getweakrefs"), [o], 0, 1, null) as PyList;
    expect(list.items).toEqual([plain, p, cb2, cb1]);
    decref(list);
    for (const x of [cb1, p, plain, cb2, cb, o]) decref(x);
  });

  test("proxy without callback is shared; with a callback it is new", () => {
    const o = newNode();
    const a = callObject(attr("proxy"), [o], 0, 1, null);
    const b = callObject(attr("proxy"), [o, None], 0, 2, null);
    expect(a).toBe(b);
    const cb = newCallable(() => {});
    const c = callObject(attr("proxy"), [o, cb], 0, 2, null);
    expect(c).not.toBe(a);
    for (const x of [a, b, c, cb, o]) decref(x);
  });

  test("_remove_dead_weakref removes only a dead weakref; missing keys are fine", () => {
    const d = newDict() as PyDict;
    const live = newNode();
    const dying = newNode();
    const liveRef = newWeakref(live, null);
    const deadRef = newWeakref(dying, null);
    decref(dying);
    const k1 = newInt(1), k2 = newInt(2), k3 = newInt(3);
    dictSetItem(d, k1, liveRef);
    dictSetItem(d, k2, deadRef);
    dictSetItem(d, k3, newInt(5));
    expect(call("_remove_dead_weakref", [d, k1])).toBe("None");
    expect(call("_remove_dead_weakref", [d, k2])).toBe("None");
    expect(call("_remove_dead_weakref", [d, newInt(9)])).toBe("None");
    expect(call("_remove_dead_weakref", [d, k3])).toBe("TypeError: not a weakref");
    expect(reprOf(d).replace(/0x[0-9a-f]+/g, "0x…")).toBe("{1: <weakref at 0x…; to 'Node' at 0x…>, 3: 5}");
    for (const x of [d, liveRef, deadRef, live]) decref(x);
  });
});
