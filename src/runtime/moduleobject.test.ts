// Module objects (measured on CPython 3.11.7).
import { describe, expect, test } from "vitest";
import { ModuleType, newModule, moduleDictBorrowed } from "./moduleobject.js";
import { callObject, getAttr, setAttr } from "./abstract.js";
import { newInt } from "./int.js";
import { newStr, staticStr, type PyStr } from "./str.js";
import { decref } from "./refcount.js";
import { dictEntry, dictNext } from "./dict.js";
import { getsizeof, pyError, reprOf } from "./testing/pyfunc.js";
import { gcIsTracked } from "./gcstate.js";

describe("module", () => {
  test("ModuleType('m'): dict keys, size, repr", () => {
    const m = callObject(ModuleType, [newStr("m")], 0, 1, null);
    expect(getsizeof(m)).toBe(72);
    expect(gcIsTracked(m)).toBe(true);
    const keys: string[] = [];
    const d = moduleDictBorrowed(m as never);
    for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) keys.push((dictEntry.key as PyStr).value);
    expect(keys).toEqual(["__name__", "__doc__", "__package__", "__loader__", "__spec__"]);
    expect(reprOf(m)).toBe("<module 'm'>");
    setAttr(m, staticStr("__file__"), newStr("/a/b.py"));
    expect(reprOf(m)).toBe("<module 'm' from '/a/b.py'>");
    expect(pyError(() => getAttr(m, staticStr("x")))).toBe("AttributeError: module 'm' has no attribute 'x'");
    decref(m);
  });

  test("built-in modules and argument errors", () => {
    const sys = newModule("sys", "built-in");
    expect(reprOf(sys)).toBe("<module 'sys' (built-in)>");
    expect(pyError(() => callObject(ModuleType, [], 0, 0, null))).toBe("TypeError: module() missing required argument 'name' (pos 1)");
    expect(pyError(() => callObject(ModuleType, [newInt(1)], 0, 1, null))).toBe("TypeError: module() argument 'name' must be str, not int");
    decref(sys);
  });
});
