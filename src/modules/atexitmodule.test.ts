// The atexit module through the TypeScript API, against CPython 3.11.7 (order, unregister
// and clearing rules, messages and the unraisable report measured with python3).

import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/refcount.js";
import { PyRaise, raise, ValueErrorType } from "../runtime/exceptions.js";
import { callObject, objectRepr } from "../runtime/abstract.js";
import { dictEntry, dictGetItemStr, dictNext } from "../runtime/dict.js";
import { newInt } from "../runtime/int.js";
import { newStr, staticStr, type PyStr } from "../runtime/str.js";
import { tupleFromOwned } from "../runtime/tuple.js";
import type { PyModule } from "../runtime/moduleobject.js";
import { setUnraisableHandler } from "../runtime/finalize.js";
import { allocator } from "../runtime/heap.js";
import { newCallable } from "../runtime/testing/nodes.js";
import { installPythonTypes } from "../python/install.js";
import { createInterpreter, type Interpreter } from "./interp.js";
import { atExitCallbackCount, finiAtExit, initAtexitModule, initAtExitState, runAtExitCallbacks } from "./atexitmodule.js";

let interp: Interpreter;
let mod: PyModule;
const log: string[] = [];

beforeAll(() => {
  installPythonTypes();
  interp = createInterpreter({ argv: ["atexit_test"], write: () => {} });
  mod = initAtexitModule(interp);
  setUnraisableHandler((exc, obj, errMsg) => {
    const e = (exc as PyRaise).exception;
    log.push(`${errMsg}: ${reprOf(obj!)} / ${e.type.name}: ${(e.args.items[0] as PyStr).value}`);
    // The handler takes over the exception.
    decref(e);
  });
});

afterAll(() => {
  setUnraisableHandler(null);
});

beforeEach(() => {
  call("_clear");
  log.length = 0;
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

/** atexit.<name>(*args, **kw): the result's repr, or "Type: message" of what it raised. */
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

/** A callable that logs its label and arguments. */
function logger(label: string): PyObject {
  return newCallable((args) => {
    log.push(`${label}${args.map((a) => " " + reprOf(a)).join("")}`);
  });
}

describe("module", () => {
  test("namespace and docs", () => {
    const names: string[] = [];
    const d = mod.dict!;
    for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) names.push((dictEntry.key as PyStr).value);
    expect(names).toEqual(["__name__", "__doc__", "__package__", "__loader__", "__spec__", "register", "_clear", "unregister", "_run_exitfuncs", "_ncallbacks"]);
    expect(reprOf(dictGetItemStr(d, staticStr("__doc__"))!)).toBe(
      "'allow programmer to define multiple exit functions to be executed\\nupon normal program termination.\\n\\nTwo public functions, register and unregister, are defined.\\n'",
    );
  });
});

describe("register / unregister", () => {
  test("messages", () => {
    expect(call("register")).toBe("TypeError: register() takes at least 1 argument (0 given)");
    expect(call("register", [newInt(1)])).toBe("TypeError: the first argument must be callable");
    expect(call("register", [], { func: logger("x") })).toBe("TypeError: register() takes at least 1 argument (0 given)");
    expect(call("unregister")).toBe("TypeError: atexit.unregister() takes exactly one argument (0 given)");
    expect(call("unregister", [newInt(1)])).toBe("None");
    expect(call("_clear", [newInt(1)])).toBe("TypeError: atexit._clear() takes no arguments (1 given)");
  });

  test("register returns the function; callbacks run last first with their arguments", () => {
    const f = logger("f");
    const g = logger("g");
    expect(call("register", [f, newInt(1), newInt(2)], { x: newInt(3) })).toBe(reprOf(f));
    call("register", [g]);
    call("register", [f, newStr("again")]);
    expect(call("_ncallbacks")).toBe("3");
    expect(call("_run_exitfuncs")).toBe("None");
    expect(log).toEqual(["f 'again'", "g", "f 1 2"]);
    expect(call("_ncallbacks")).toBe("0");
  });

  test("unregister empties every matching slot but the count stays", () => {
    const f = logger("f");
    const g = logger("g");
    call("register", [f]);
    call("register", [g]);
    call("register", [f]);
    call("unregister", [f]);
    expect(call("_ncallbacks")).toBe("3");
    call("_run_exitfuncs");
    expect(log).toEqual(["g"]);
  });

  test("a callback registered while they run is dropped, not run", () => {
    const late = logger("late");
    const registering = newCallable(() => {
      log.push("registering");
      decref(callObject(attr("register"), [late], 0, 1, null));
    });
    call("register", [registering]);
    runAtExitCallbacks(interp);
    expect(log).toEqual(["registering"]);
    expect(atExitCallbackCount(interp)).toBe(0);
  });

  test("exceptions go to the unraisable hook as 'Exception ignored in atexit callback'", () => {
    const bad = newCallable(() => raise(ValueErrorType, "boom"));
    const after = logger("after");
    call("register", [after]);
    call("register", [bad]);
    call("_run_exitfuncs");
    expect(log).toEqual([`Exception ignored in atexit callback: ${reprOf(bad)} / ValueError: boom`, "after"]);
  });
});

describe("memory", () => {
  test("one 24-byte PyMem record per callback; the table grows from 32 slots by 16", () => {
    const f = logger("f");
    const blocks = allocator.getAllocatedBlocks();
    for (let i = 0; i < 40; i++) call("register", [f]);
    // 40 records and a fresh args tuple each time is the empty tuple: +40 blocks (the table
    // was reallocated in place or moved: still one block).
    expect(allocator.getAllocatedBlocks() - blocks).toBe(40);
    call("_clear");
    expect(allocator.getAllocatedBlocks()).toBe(blocks);
  });

  test("finiAtExit frees the table", () => {
    const other = createInterpreter({ argv: ["other"], write: () => {} });
    const before = allocator.getAllocatedBlocks();
    initAtExitState(other);
    expect(allocator.getAllocatedBlocks()).toBe(before + 1);
    finiAtExit(other);
    expect(allocator.getAllocatedBlocks()).toBe(before);
  });
});
