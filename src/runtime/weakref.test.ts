// weakref.ref / proxy through the TypeScript API, against CPython 3.11.7 (facts §7).

import { beforeEach, describe, expect, test } from "vitest";
import {
  CallableProxyType,
  clearWeakrefs,
  getWeakrefCount,
  getWeakrefs,
  newProxy,
  newWeakref,
  ProxyType,
  PyWeakReference,
  RefType,
  WEAKREF_BASICSIZE,
} from "./weakref.js";
import { decref, incref } from "./refcount.js";
import { PyObject, FREED_REFCNT } from "./object.js";
import { PyRaise } from "./exceptions.js";
import { CallableNodeType, makeNodeType, newCallable, newNode, NodeType, setField, settleCollector, TestNode } from "./testing/nodes.js";
import { callObject, getAttr, isTrue, numberAdd, objectHash, objectRepr, objectStr, richCompareBool } from "./abstract.js";
import { CMP_EQ, CMP_NE, PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC } from "./type.js";
import { newList } from "./list.js";
import { newInt } from "./int.js";
import { newStr, staticStr } from "./str.js";
import { None } from "./singletons.js";
import { hashResult } from "./values/pyhash.js";
import { tupleFromOwned } from "./tuple.js";
import { newStaticType, readyType } from "./typeroots.js";
import { allocator, GC_HEAD_SIZE } from "./heap.js";
import { getReferents, isTracked } from "./gc.js";
import { setUnraisableHandler } from "./finalize.js";

beforeEach(() => {
  settleCollector();
});

/** The message of a PyRaise thrown by `fn` (and releases it). */
function raised(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    const exc = e.exception;
    const arg = exc.args.items[0] as { value?: string } | undefined;
    const text = `${exc.type.name}: ${arg?.value ?? ""}`;
    decref(exc);
    return text;
  }
  throw new Error("nothing was raised");
}

function reprOf(o: PyObject): string {
  const r = objectRepr(o);
  const text = r.value;
  decref(r);
  return text;
}

function hex(o: PyObject): string {
  return "0x" + o.address.toString(16);
}

function call(o: PyObject, ...args: PyObject[]): PyObject {
  return callObject(o, args, 0, args.length, null);
}

describe("creation", () => {
  test("objects whose type has no weaklist offset are refused", () => {
    const l = newList(0);
    expect(raised(() => newWeakref(l, null))).toBe("TypeError: cannot create weak reference to 'list' object");
    expect(raised(() => newProxy(l, null))).toBe("TypeError: cannot create weak reference to 'list' object");
    const wr = newWeakref(newNodeKept(), null);
    expect(raised(() => newWeakref(wr, null))).toBe("TypeError: cannot create weak reference to 'weakref.ReferenceType' object");
    decref(l);
  });

  test("the callback-less ref and proxy are shared; refs with callbacks are always new", () => {
    const o = newNode();
    const r1 = newWeakref(o, null);
    const r2 = newWeakref(o, None);
    expect(r2).toBe(r1);
    const cb = newCallable(() => {});
    const r3 = newWeakref(o, cb);
    expect(r3).not.toBe(r1);
    const p1 = newProxy(o, null);
    const p2 = newProxy(o, null);
    expect(p2).toBe(p1);
    expect(p1.type).toBe(ProxyType);
    expect(getWeakrefCount(o)).toBe(3);
    for (const x of [r1, r2, r3, cb, p1, p2, o]) decref(x);
  });

  test("list order: basic ref, basic proxy, then callback refs newest first", () => {
    const o = newNode();
    const cb = newCallable(() => {});
    const cb1 = newWeakref(o, cb);
    const proxy = newProxy(o, null);
    const plain = newWeakref(o, null);
    const cb2 = newWeakref(o, cb);
    expect(getWeakrefs(o)).toEqual([plain, proxy, cb2, cb1]);
    expect(getWeakrefCount(o)).toBe(4);
    expect(getWeakrefCount(newInt(5))).toBe(0);
    for (const x of [cb1, proxy, plain, cb2, cb, o]) decref(x);
  });

  test("a ref subclass is never reused, and goes after the basic refs", () => {
    const MyRef = newStaticType("MyRef", WEAKREF_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE, RefType);
    MyRef.dealloc = RefType.dealloc;
    readyType(MyRef);
    const o = newNode();
    const args = tupleFromOwned([newRef(o)]);
    const a = MyRef.new_!(MyRef, args, null);
    const b = MyRef.new_!(MyRef, args, null);
    expect(a).not.toBe(b);
    expect(a.type).toBe(MyRef);
    const plain = newWeakref(o, null);
    expect(getWeakrefs(o)).toEqual([plain, b, a]);
    for (const x of [a, b, plain, args, o]) decref(x);
  });

  test("callable referents get the callable proxy type", () => {
    const f = newCallable(() => {});
    const p = newProxy(f, null);
    expect(p.type).toBe(CallableProxyType);
    decref(p);
    decref(f);
  });

  test("weakrefs are 80-byte GC objects, tracked, traversing only their callback", () => {
    const o = newNode();
    const cb = newCallable(() => {});
    const plain = newWeakref(o, null);
    const withCallback = newWeakref(o, cb);
    expect(isTracked(plain)).toBe(true);
    expect(allocator.usableSize(plain.address - GC_HEAD_SIZE)).toBe(WEAKREF_BASICSIZE + GC_HEAD_SIZE);
    const r1 = getReferents([plain]);
    expect(r1.items).toEqual([]);
    const r2 = getReferents([withCallback]);
    expect(r2.items).toEqual([cb]);
    for (const x of [r1, r2, plain, withCallback, cb, o]) decref(x);
  });
});

function newNodeKept(): TestNode {
  // Kept alive for the rest of the file: a referent that never dies.
  return newNode();
}

function newRef<T extends PyObject>(o: T): T {
  incref(o);
  return o;
}

describe("calling and attributes", () => {
  test("r() is the referent while it lives, then None", () => {
    const o = newNode();
    const r = newWeakref(o, null);
    const x = call(r);
    expect(x).toBe(o);
    decref(x);
    decref(o);
    const y = call(r);
    expect(y).toBe(None);
    decref(y);
    decref(r);
  });

  test("r(1) and r(x=1) are refused with CPython's messages", () => {
    const o = newNodeKept();
    const r = newWeakref(o, null);
    const one = newInt(1);
    expect(raised(() => call(r, one))).toBe("TypeError: weakref expected 0 arguments, got 1");
    const kw = tupleFromOwned([newStr("x")]);
    expect(raised(() => callObject(r, [one], 0, 0, kw))).toBe("TypeError: weakref() takes no keyword arguments");
    decref(kw);
    decref(r);
  });

  test("ref(...) argument counts", () => {
    const none = tupleFromOwned([]);
    expect(raised(() => RefType.new_!(RefType, none, null))).toBe("TypeError: __new__ expected at least 1 argument, got 0");
    const o = newNodeKept();
    const three = tupleFromOwned([newRef(o), newInt(2), newInt(3)]);
    expect(raised(() => RefType.new_!(RefType, three, null))).toBe("TypeError: __new__ expected at most 2 arguments, got 3");
    decref(none);
    decref(three);
  });

  test("__callback__ is the callback or None", () => {
    const o = newNode();
    const cb = newCallable(() => {});
    const r = newWeakref(o, cb);
    const plain = newWeakref(o, null);
    const c1 = getAttr(r, staticStr("__callback__"));
    const c2 = getAttr(plain, staticStr("__callback__"));
    expect(c1).toBe(cb);
    expect(c2).toBe(None);
    for (const x of [c1, c2, r, plain, cb, o]) decref(x);
  });
});

describe("equality, hashing, repr", () => {
  test("refs to one live object are equal whatever their callbacks; a ref never equals its referent", () => {
    const o = newNode();
    const other = newNode();
    const cb = newCallable(() => {});
    const r1 = newWeakref(o, null);
    const r2 = newWeakref(o, cb);
    const r3 = newWeakref(other, null);
    expect(richCompareBool(r1, r2, CMP_EQ)).toBe(true);
    expect(richCompareBool(r1, r3, CMP_EQ)).toBe(false);
    expect(richCompareBool(r1, o, CMP_EQ)).toBe(false);
    decref(o);
    // Dead: equal only to itself.
    expect(richCompareBool(r1, r2, CMP_EQ)).toBe(false);
    expect(richCompareBool(r1, r2, CMP_NE)).toBe(true);
    expect(richCompareBool(r1, r1, CMP_EQ)).toBe(true);
    for (const x of [r1, r2, r3, cb, other]) decref(x);
  });

  test("hash(ref) is the referent's, cached; a dead never-hashed ref raises", () => {
    const o = newNode();
    const r = newWeakref(o, null);
    objectHash(o);
    const expected = { hi: hashResult.hi, lo: hashResult.lo };
    objectHash(r);
    expect({ hi: hashResult.hi, lo: hashResult.lo }).toEqual(expected);
    const cb = newCallable(() => {});
    const unhashed = newWeakref(o, cb);
    decref(o);
    objectHash(r);
    expect({ hi: hashResult.hi, lo: hashResult.lo }).toEqual(expected);
    expect(raised(() => objectHash(unhashed))).toBe("TypeError: weak object has gone away");
    for (const x of [r, unhashed, cb]) decref(x);
  });

  test("repr: alive, to a type (with its name), dead", () => {
    const o = newNode();
    const r = newWeakref(o, null);
    expect(reprOf(r)).toBe(`<weakref at ${hex(r)}; to 'Node' at ${hex(o)}>`);
    const rt = newWeakref(NodeType, null);
    expect(reprOf(rt)).toBe(`<weakref at ${hex(rt)}; to 'type' at ${hex(NodeType)} (Node)>`);
    decref(o);
    expect(reprOf(r)).toBe(`<weakref at ${hex(r)}; dead>`);
    decref(r);
    decref(rt);
  });
});

describe("proxies", () => {
  const AddableType: PyType = makeNodeType("Addable");
  AddableType.nbAdd = (a, b) => {
    const x = a instanceof TestNode ? a.label : 0;
    const y = b instanceof TestNode ? b.label : 0;
    return newInt(x + y);
  };
  AddableType.str = () => newStr("addable!");

  test("a proxy forwards operators, calls, str and truth to its referent", () => {
    const o = newNode(AddableType, 1, 40);
    const two = newNode(AddableType, 1, 2);
    const p = newProxy(o, null);
    const sum = numberAdd(p, two);
    expect((sum as unknown as { value: unknown }).value).toBe(newIntValue(42));
    const s = objectStr(p);
    expect(s.value).toBe("addable!");
    expect(isTrue(p)).toBe(true);
    expect(richCompareBool(p, o, CMP_EQ)).toBe(true);
    const calls: number[] = [];
    const f = newCallable(() => calls.push(1));
    const pf = newProxy(f, null);
    decref(call(pf));
    expect(calls).toEqual([1]);
    for (const x of [sum, s, p, o, two, pf, f]) decref(x);
  });

  test("repr, alive and dead (3.11 prints None's type and address for a dead proxy)", () => {
    const o = newNode();
    const p = newProxy(o, null);
    expect(reprOf(p)).toBe(`<weakproxy at ${hex(p)} to Node at ${hex(o)}>`);
    decref(o);
    expect(reprOf(p)).toBe(`<weakproxy at ${hex(p)} to NoneType at ${hex(None)}>`);
    decref(p);
  });

  test("a dead proxy raises ReferenceError for attributes, str, truth, comparison and operators", () => {
    const o = newNode(AddableType, 1, 1);
    const p = newProxy(o, null);
    decref(o);
    const message = "ReferenceError: weakly-referenced object no longer exists";
    expect(raised(() => getAttr(p, staticStr("x")))).toBe(message);
    expect(raised(() => objectStr(p))).toBe(message);
    expect(raised(() => isTrue(p))).toBe(message);
    expect(raised(() => richCompareBool(p, None, CMP_EQ))).toBe(message);
    const one = newInt(1);
    expect(raised(() => numberAdd(p, one))).toBe(message);
    decref(p);
  });

  test("proxies are unhashable; calling a non-callable proxy is refused", () => {
    const o = newNode();
    const p = newProxy(o, null);
    expect(raised(() => objectHash(p))).toBe("TypeError: unhashable type: 'weakref.ProxyType'");
    expect(raised(() => call(p))).toBe("TypeError: 'weakref.ProxyType' object is not callable");
    decref(p);
    decref(o);
  });
});

function newIntValue(n: number): unknown {
  const i = newInt(n);
  const v = (i as unknown as { value: unknown }).value;
  decref(i);
  return v;
}

describe("death by refcount", () => {
  test("callbacks run newest first after every weakref is cleared; callback-less refs are cleared first", () => {
    const o = newNode();
    const log: string[] = [];
    const refs: PyWeakReference[] = [];
    const plain = newWeakref(o, null);
    const makeCallback = (name: string): TestNode =>
      newCallable((args) => {
        const wr = args[0] as PyWeakReference;
        // Every ref is dead by the time the first callback runs.
        log.push(`${name}: ${refs.every((r) => r.referent === null) && plain.referent === null ? "all dead" : "some alive"}`);
        expect(refs.includes(wr)).toBe(true);
      });
    const callbacks = ["A", "B", "C"].map(makeCallback);
    for (const cb of callbacks) refs.push(newWeakref(o, cb));
    decref(o);
    expect(log).toEqual(["C: all dead", "B: all dead", "A: all dead"]);
    expect(getWeakrefCount(o)).toBe(0);
    for (const x of [...refs, plain, ...callbacks]) decref(x);
  });

  test("a callback's exception goes to the unraisable handler with the callback as the object", () => {
    const reports: { obj: PyObject | null; text: string }[] = [];
    setUnraisableHandler((exc, obj) => {
      const e = (exc as PyRaise).exception;
      reports.push({ obj, text: `${e.type.name}: ${(e.args.items[0] as unknown as { value: string }).value}` });
      decref(e);
    });
    try {
      const bad = newCallable(() => {
        throw new PyRaise(makeError("bad callback"));
      });
      const o = newNode();
      const r = newWeakref(o, bad);
      decref(o);
      expect(reports).toEqual([{ obj: bad, text: "ValueError: bad callback" }]);
      decref(r);
      decref(bad);
    } finally {
      setUnraisableHandler(null);
    }
  });

  test("a weakref dying in the middle of the callbacks is skipped without harm", () => {
    const o = newNode();
    const holder = newNode(NodeType, 1);
    const calls: string[] = [];
    const first = newCallable(() => {
      calls.push("first");
    });
    const second = newCallable(() => calls.push("second"));
    const r1 = newWeakref(o, first);
    const r2 = newWeakref(o, second);
    setField(holder, 0, r1);
    decref(r1);
    decref(o);
    expect(calls).toEqual(["second", "first"]);
    for (const x of [r2, holder, first, second]) decref(x);
    expect(r1.refcnt).toBe(FREED_REFCNT);
  });

  test("clearWeakrefs on an object without weakrefs does nothing", () => {
    const o = newNode();
    clearWeakrefs(o);
    decref(o);
    expect(CallableNodeType).toBeDefined();
  });
});

import { newExceptionFromOwnedArgs, ValueErrorType } from "./exceptions.js";
function makeError(message: string) {
  return newExceptionFromOwnedArgs(ValueErrorType, tupleFromOwned([newStr(message)]));
}
