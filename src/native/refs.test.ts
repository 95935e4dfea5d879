// Handles, the GIL, scalar constructors and containers of heapscope/native, against the C API
// semantics they model (refcounts measured as CPython 3.11.7 reports them through
// sys.getrefcount minus its own argument).

import { afterEach, describe, expect, test } from "vitest";
import {
  Borrowed, GilError, HandleError, Owned, PyBool, PyBytes, PyDict, PyFloat, PyList, PyLong, PyNone, PyString, PyTuple,
  decref, gil, gilHeld, incref, nogil, refcnt, resetGil, xdecref, PyExc, raiseError, isPythonError, clearError, takeErrorText,
  repr, str, call, getAttr, isInstance, typeOf, length,
} from "./index.js";
import { FREED_REFCNT } from "../runtime/object.js";
import { newStr } from "../runtime/str.js";
import { decref as rtDecref } from "../runtime/refcount.js";
import { pythonErrorOf } from "./testing.js";

afterEach(() => resetGil());

describe("owned and borrowed handles", () => {
  test("a new reference starts at refcount 1; incref/decref move it (pyz3's refcount test)", () => {
    const s = PyString.create("test");
    expect(refcnt(s)).toBe(1);
    const again = s.incref();
    expect(refcnt(s)).toBe(2);
    expect(again.is(s)).toBe(true);
    again.decref();
    expect(s.refcnt).toBe(1);
    const raw = s.obj;
    s.decref();
    expect(raw.refcnt).toBe(FREED_REFCNT);
  });

  test("using releases on every path, errors included", () => {
    let raw: ReturnType<typeof PyString.create>["obj"] | null = null;
    const body = (fail: boolean): number => {
      using s = PyString.create("scoped text");
      raw = s.obj;
      if (fail) raiseError(PyExc.ValueError, "negative value");
      return s.refcnt;
    };
    expect(body(false)).toBe(1);
    expect(raw!.refcnt).toBe(FREED_REFCNT);
    expect(pythonErrorOf(() => body(true))).toBe("ValueError: negative value");
    expect(raw!.refcnt).toBe(FREED_REFCNT);
  });

  test("move() passes ownership out of a using scope (errdefer)", () => {
    const make = (): Owned<PyList> => {
      using list = PyList.new();
      using item = PyLong.create(4200);
      PyList.append(list, item);
      return list.move();
    };
    const l = make();
    expect(l.refcnt).toBe(1);
    expect(PyList.length(l)).toBe(1);
    expect(PyList.getItem(l, 0).refcnt).toBe(1);
    l.decref();
  });

  test("double decref through a handle, and use after release, are caught before the runtime sees them", () => {
    const s = PyString.create("twice");
    s.decref();
    expect(() => s.decref()).toThrow(HandleError);
    expect(() => s.decref()).toThrow(/double decref of <str object at 0x[0-9a-f]+> through the same handle/);
    expect(() => s.obj).toThrow(/use of a released reference to <str object/);
    const m = PyString.create("moved");
    const n = m.move();
    expect(() => m.refcnt).toThrow(/moved reference/);
    n.decref();
  });

  test("incref() of a borrowed reference gives an owned one (pyz3's incref_example)", () => {
    const raw = newStr("caller's object");
    const borrowed = Borrowed.of(raw);
    const mine = borrowed.incref();
    expect(raw.refcnt).toBe(2);
    decref(mine);
    expect(raw.refcnt).toBe(1);
    borrowed.expire();
    expect(() => borrowed.obj).toThrow(/expired borrowed reference/);
    rtDecref(raw);
  });

  test("incref/xdecref functions and Owned.adopt", () => {
    const o = Owned.adopt(newStr("adopted"));
    const o2 = incref(o);
    expect(o.refcnt).toBe(2);
    xdecref(o2);
    xdecref(null);
    o.decref();
  });
});

describe("the GIL", () => {
  test("held by default; nogil() releases it and any API call then throws GilError", () => {
    expect(gilHeld()).toBe(true);
    {
      using _released = nogil();
      expect(gilHeld()).toBe(false);
      expect(() => PyString.create("x")).toThrow(GilError);
      expect(() => PyString.create("x")).toThrow("PyString.create() called without holding the GIL");
      {
        using _again = gil();
        expect(gilHeld()).toBe(true);
        using s = PyString.create("with the GIL again");
        expect(s.refcnt).toBe(1);
      }
      expect(gilHeld()).toBe(false);
    }
    expect(gilHeld()).toBe(true);
  });

  test("reacquire() ends a nogil guard; guards end in reverse order", () => {
    const g = nogil();
    g.reacquire();
    expect(gilHeld()).toBe(true);
    expect(() => g.reacquire()).toThrow(/already released/);
    const outer = nogil();
    const inner = gil();
    expect(() => outer.reacquire()).toThrow(/reverse order/);
    inner.release();
    outer.reacquire();
    expect(() => {
      using _n = nogil();
      nogil();
    }).toThrow("nogil() called without holding the GIL");
  });

  test("decref without the GIL is refused and the handle stays usable", () => {
    const s = PyString.create("held");
    {
      using _n = nogil();
      expect(() => s.decref()).toThrow(GilError);
    }
    s.decref();
  });
});

describe("scalars", () => {
  test("PyLong: small ints are shared, others fresh; conversions", () => {
    using a = PyLong.create(100);
    using b = PyLong.create(100);
    expect(a.is(b)).toBe(true);
    using c = PyLong.create(4200);
    using d = PyLong.create(4200);
    expect(c.is(d)).toBe(false);
    expect(PyLong.asNumber(c)).toBe(4200);
    using big = PyLong.create(2n ** 80n);
    expect(PyLong.asBigInt(big)).toBe(2n ** 80n);
    expect(pythonErrorOf(() => PyLong.asNumber(big))).toBe("OverflowError: Python int too large to convert to C ssize_t");
    expect(() => PyLong.create(1.5)).toThrow(RangeError);
  });

  test("PyFloat, PyBool, PyBytes, PyNone", () => {
    using f = PyFloat.create(2.5);
    expect(PyFloat.asNumber(f)).toBe(2.5);
    using i = PyLong.create(3);
    expect(PyFloat.asNumber(i)).toBe(3);
    using s = PyString.create("x");
    expect(pythonErrorOf(() => PyFloat.asNumber(s))).toBe("TypeError: must be real number, not str");
    using t = PyBool.create(true);
    expect(repr(t)).toBe("True");
    using by = PyBytes.create("abc");
    expect(repr(by)).toBe("b'abc'");
    expect([...PyBytes.data(by)]).toEqual([97, 98, 99]);
    using n = PyNone.create();
    expect(PyNone.check(n)).toBe(true);
    expect(str(n)).toBe("None");
  });

  test("PyString.concat steals nothing; appendOwned steals its left operand (Pydust)", () => {
    using left = PyString.create("left ");
    using joined = PyString.concat(left, "right");
    expect(PyString.asString(joined)).toBe("left right");
    expect(left.refcnt).toBe(1);
    let s = PyString.create("Hello ");
    s = PyString.appendOwned(s, "1, ");
    s = PyString.appendOwned(s, "2, ");
    s = PyString.appendOwned(s, "3");
    expect(PyString.asString(s)).toBe("Hello 1, 2, 3");
    expect(s.refcnt).toBe(1);
    const stolen = PyString.create("gone ");
    const result = PyString.appendOwned(stolen, "after");
    expect(() => stolen.obj).toThrow(HandleError);
    result.decref();
  });
});

describe("containers", () => {
  test("append borrows, appendOwned steals: refcounts as PyList_Append / _PyList_AppendTakeRef", () => {
    using list = PyList.new();
    using item = PyLong.create(4200);
    PyList.append(list, item);
    expect(item.refcnt).toBe(2);
    PyList.appendOwned(list, item.incref());
    expect(item.refcnt).toBe(3);
    expect(PyList.length(list)).toBe(2);
    expect(repr(list)).toBe("[4200, 4200]");
  });

  test("setItem / setItemOwned / getItem / negative indexes / IndexError", () => {
    using list = PyList.new(2);
    expect(repr(list)).toBe("[None, None]");
    using a = PyString.create("a");
    PyList.setItem(list, 0, a);
    PyList.setItemOwned(list, -1, PyString.create("b"));
    expect(repr(list)).toBe("['a', 'b']");
    expect(PyString.asString(PyList.getItem(list, -1))).toBe("b");
    expect(pythonErrorOf(() => PyList.getItem(list, 2))).toBe("IndexError: list index out of range");
    const lost = PyString.create("stolen even on failure");
    const raw = lost.obj;
    expect(pythonErrorOf(() => PyList.setItemOwned(list, 5, lost))).toBe("IndexError: list assignment index out of range");
    expect(raw.refcnt).toBe(FREED_REFCNT);
  });

  test("tuples: create borrows, fromOwned steals", () => {
    using x = PyLong.create(4200);
    using t = PyTuple.create([x, x]);
    expect(x.refcnt).toBe(3);
    using u = PyTuple.fromOwned([PyString.create("a"), PyLong.create(1)]);
    expect(repr(u)).toBe("('a', 1)");
    expect(PyTuple.length(t)).toBe(2);
    expect(PyTuple.getItem(u, 0).typeName).toBe("str");
  });

  test("dicts: setItem borrows, setItemOwned steals, getItem borrowed or null", () => {
    using d = PyDict.new();
    using v = PyLong.create(4200);
    PyDict.setItem(d, "k", v);
    expect(v.refcnt).toBe(2);
    PyDict.setItemOwned(d, "j", PyString.create("owned"));
    expect(PyDict.length(d)).toBe(2);
    expect(PyDict.getItem(d, "k")!.is(v)).toBe(true);
    expect(PyDict.getItem(d, "missing")).toBe(null);
    expect(PyDict.contains(d, "j")).toBe(true);
    PyDict.delItem(d, "j");
    expect(pythonErrorOf(() => PyDict.delItem(d, "j"))).toBe("KeyError: 'j'");
    expect(repr(d)).toBe("{'k': 4200}");
    expect(PyDict.items(d).map(([k, val]) => `${str(k)}=${str(val)}`)).toEqual(["k=4200"]);
  });

  test("type checks raise TypeError", () => {
    using s = PyString.create("not a list");
    expect(pythonErrorOf(() => PyList.length(s))).toBe("TypeError: expected list, got str");
    expect(pythonErrorOf(() => PyDict.getItem(s, "k"))).toBe("TypeError: expected dict, got str");
  });
});

describe("objects and errors", () => {
  test("getAttr / call / isInstance / typeOf / length", () => {
    using s = PyString.create("abc");
    using upper = getAttr(s, "upper");
    using r = call(upper);
    expect(PyString.asString(r)).toBe("ABC");
    expect(isInstance(s, typeOf(s))).toBe(true);
    expect(length(s)).toBe(3);
    expect(pythonErrorOf(() => getAttr(s, "nope"))).toBe("AttributeError: 'str' object has no attribute 'nope'");
  });

  test("isPythonError / clearError release a caught exception", () => {
    try {
      raiseError(PyExc.KeyError, "k");
    } catch (e) {
      expect(isPythonError(e, PyExc.LookupError)).toBe(true);
      expect(isPythonError(e, PyExc.ValueError)).toBe(false);
      if (isPythonError(e)) clearError(e);
    }
    try {
      raiseError(PyExc.ValueError, "text");
    } catch (e) {
      if (!isPythonError(e)) throw e;
      expect(takeErrorText(e)).toBe("ValueError: text");
    }
  });
});
