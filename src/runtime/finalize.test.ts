// PEP 442 finalizer calls and unraisable-exception reporting (facts §5.3, §5.5).

import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { collect, isFinalized } from "./gc.js";
import { callFinalizer, callFinalizerFromDealloc, setUnraisableFallbackWriter, setUnraisableHandler, writeUnraisable } from "./finalize.js";
import { newExceptionFromOwnedArgs, PyBaseException, PyRaise, RuntimeErrorType, ValueErrorType } from "./exceptions.js";
import { tupleFromOwned } from "./tuple.js";
import { newStr } from "./str.js";
import { decref } from "./refcount.js";
import { FREED_REFCNT, PyObject } from "./object.js";
import { FinalizerNodeType, finalizerLog, newNode, setField, settleCollector } from "./testing/nodes.js";
import { RuntimeMisuseError } from "./refcount.js";
import { newStaticType, readyType } from "./typeroots.js";
import { allocObject, freeObject } from "./heap.js";

beforeEach(() => {
  settleCollector();
});

afterEach(() => {
  setUnraisableHandler(null);
  setUnraisableFallbackWriter(null);
});

function error(type = RuntimeErrorType, message: string | null = "cleanup failed"): PyBaseException {
  return newExceptionFromOwnedArgs(type, tupleFromOwned(message === null ? [] : [newStr(message)]));
}

describe("writeUnraisable", () => {
  test("without a handler, the default hook's text goes to the fallback writer", () => {
    const out: string[] = [];
    setUnraisableFallbackWriter((text) => out.push(text));
    const o = newNode();
    writeUnraisable(new PyRaise(error()), o);
    writeUnraisable(new PyRaise(error(ValueErrorType, null)), o);
    writeUnraisable(new PyRaise(error()), o.type, "Exception ignored in tp_clear of");
    const at = "0x" + o.address.toString(16);
    expect(out).toEqual([
      `Exception ignored in: <Node object at ${at}>\nRuntimeError: cleanup failed\n`,
      `Exception ignored in: <Node object at ${at}>\nValueError\n`,
      `Exception ignored in tp_clear of: <class 'Node'>\nRuntimeError: cleanup failed\n`,
    ]);
    decref(o);
  });

  test("the handler gets the exception (and takes it over), the object and the message", () => {
    const seen: { exc: unknown; obj: PyObject | null; msg: string | null; refcnt: number }[] = [];
    setUnraisableHandler((exc, obj, msg) => {
      seen.push({ exc, obj, msg, refcnt: (exc as PyRaise).exception.refcnt });
      decref((exc as PyRaise).exception);
    });
    const e = error();
    const o = newNode();
    writeUnraisable(new PyRaise(e), o);
    expect(seen.length).toBe(1);
    expect(seen[0]!.obj).toBe(o);
    expect(seen[0]!.msg).toBe(null);
    expect(seen[0]!.refcnt).toBe(1);
    expect(e.refcnt).toBe(FREED_REFCNT);
    decref(o);
  });

  test("an internal (non-Python) error is shown as SystemError", () => {
    const out: string[] = [];
    setUnraisableFallbackWriter((text) => out.push(text));
    writeUnraisable(new Error("boom"), null);
    expect(out).toEqual(["SystemError: heapscope internal error: boom\n"]);
  });
});

describe("finalizers", () => {
  test("a GC object's finalizer runs at most once (GC_FINALIZED)", () => {
    const n = newNode(FinalizerNodeType, 1, 9);
    callFinalizer(n);
    callFinalizer(n);
    expect(finalizerLog).toEqual([9]);
    expect(isFinalized(n)).toBe(true);
    decref(n);
    expect(finalizerLog).toEqual([9]);
  });

  test("a non-GC type has no finalized bit: its finalizer runs each time it is asked", () => {
    const calls: string[] = [];
    const T = newStaticType("PlainFinal", 16, 0, 0);
    T.finalize = () => calls.push("fin");
    T.dealloc = (o) => {
      if (callFinalizerFromDealloc(o)) return;
      freeObject(o);
    };
    readyType(T);
    const o = new PyObject(T);
    allocObject(o, 16);
    callFinalizer(o);
    callFinalizer(o);
    decref(o);
    expect(calls).toEqual(["fin", "fin", "fin"]);
  });

  test("callFinalizerFromDealloc refuses a live object", () => {
    const n = newNode(FinalizerNodeType);
    expect(() => callFinalizerFromDealloc(n)).toThrowError(RuntimeMisuseError);
    decref(n);
  });

  test("an exception in a finalizer is reported, and the object still dies (refcount and GC)", () => {
    const reports: PyObject[] = [];
    setUnraisableHandler((exc, obj) => {
      reports.push(obj!);
      decref((exc as PyRaise).exception);
    });
    const a = newNode(FinalizerNodeType, 1, 1);
    a.onFinalize = () => {
      throw new PyRaise(error());
    };
    decref(a);
    expect(reports).toEqual([a]);
    expect(a.refcnt).toBe(FREED_REFCNT);
    const b = newNode(FinalizerNodeType, 1, 2);
    setField(b, 0, b);
    b.onFinalize = () => {
      throw new PyRaise(error());
    };
    decref(b);
    expect(collect()).toBe(1);
    expect(reports).toEqual([a, b]);
  });
});
