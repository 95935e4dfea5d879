// type(name, bases, dict): layouts, __slots__, MRO, errors. Expected values measured on
// CPython 3.11.7.
import { describe, expect, test } from "vitest";
import { ObjectType, TypeType } from "./typeobject.js";
import { callObject, getAttr, isTrue, objectHash, richCompareBool, setAttr } from "./abstract.js";
import { newStr, staticStr } from "./str.js";
import { newInt, IntType } from "./int.js";
import { ListType } from "./list.js";
import { BoolType } from "./bool.js";
import { dictEntry, dictGetItemStr, dictLength, dictNext, newDict, type PyDict } from "./dict.js";
import { tupleFromBorrowed, type PyTuple } from "./tuple.js";
import { TPFLAGS_MANAGED_DICT, CMP_EQ, CMP_NE, type PyType } from "./type.js";
import { decref } from "./refcount.js";
import { attr, fn, getsizeof, makeClass, pyError, reprOf } from "./testing/pyfunc.js";
import { None } from "./singletons.js";
import { ExceptionType } from "./exceptions.js";
import { PyStr } from "./str.js";
import type { PyObject } from "./object.js";

function dictKeys(o: PyObject): string[] {
  const proxy = attr(o, "__dict__");
  const d = (proxy as PyObject & { mapping: PyDict }).mapping;
  const keys: string[] = [];
  for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) keys.push((dictEntry.key as PyStr).value);
  decref(proxy);
  return keys;
}

function instantiate(t: PyObject, ...args: PyObject[]): PyObject {
  return callObject(t, args, 0, args.length, null);
}

function typeCall(...args: PyObject[]): PyObject {
  return callObject(TypeType, args, 0, args.length, null);
}

describe("plain classes", () => {
  test("layout of `class E: pass` (facts §2.2)", () => {
    const E = makeClass("E", []);
    expect(E.basicsize).toBe(24);
    expect(E.itemsize).toBe(0);
    expect(E.dictoffset).toBe(-48);
    expect(E.weaklistoffset).toBe(16);
    expect(E.flags & TPFLAGS_MANAGED_DICT).not.toBe(0);
    expect(dictKeys(E)).toEqual(["__module__", "__dict__", "__weakref__", "__doc__"]);
    const e = instantiate(E);
    expect(getsizeof(e)).toBe(56);
    expect(getsizeof(E)).toBe(1688);
    expect(reprOf(e)).toMatch(/^<__main__\.E object at 0x[0-9a-f]+>$/);
    expect(reprOf(E)).toBe("<class '__main__.E'>");
    decref(e);
    decref(E);
  });

  test("instance attributes, __dict__ and messages", () => {
    const K = makeClass("K", []);
    const k = instantiate(K);
    const one = newInt(1);
    setAttr(k, staticStr("x"), one);
    const x = attr(k, "x");
    expect(x).toBe(one);
    decref(x);
    expect(pyError(() => attr(k, "y"))).toBe("AttributeError: 'K' object has no attribute 'y'");
    expect(pyError(() => attr(K, "y"))).toBe("AttributeError: type object 'K' has no attribute 'y'");
    expect(pyError(() => setAttr(k, staticStr("y"), null))).toBe("AttributeError: 'K' object has no attribute 'y'");
    expect(pyError(() => setAttr(K, staticStr("y"), null))).toBe("AttributeError: type object 'K' has no attribute 'y'");
    const d = attr(k, "__dict__") as PyDict;
    expect(dictGetItemStr(d, staticStr("x"))).toBe(one);
    expect(dictLength(d)).toBe(1);
    decref(d);
    decref(k);
    decref(K);
  });

  test("object comparisons, hash and operator errors", () => {
    const K = makeClass("K", []);
    const k = instantiate(K);
    expect(richCompareBool(k, k, CMP_EQ)).toBe(true);
    expect(richCompareBool(k, k, CMP_NE)).toBe(false);
    expect(pyError(() => richCompareBool(k, k, 0))).toBe("TypeError: '<' not supported between instances of 'K' and 'K'");
    objectHash(k);
    expect(pyError(() => callObject(k, [], 0, 0, null))).toBe("TypeError: 'K' object is not callable");
    decref(k);
    decref(K);
  });

  test("excess arguments of object.__new__ / __init__", () => {
    const K = makeClass("K", []);
    const one = newInt(1);
    expect(pyError(() => instantiate(K, one))).toBe("TypeError: K() takes no arguments");
    expect(pyError(() => instantiate(ObjectType, one))).toBe("TypeError: object() takes no arguments");
    const init = fn("__init__", () => None);
    const I = makeClass("I", [], { __init__: init });
    const i = instantiate(I, one);
    const objectInit = attr(ObjectType, "__init__");
    expect(pyError(() => callObject(objectInit, [i, one], 0, 2, null))).toBe(
      "TypeError: object.__init__() takes exactly one argument (the instance to initialize)",
    );
    decref(objectInit);
    decref(i);
    decref(I);
    decref(K);
  });
});

describe("__slots__", () => {
  test("sizes (facts §2.2)", () => {
    const cases: [string[], number, number][] = [
      [[], 16, 32],
      [["a"], 24, 40],
      [["a", "b"], 32, 48],
      [["a", "b", "c"], 40, 56],
      [["a", "__weakref__"], 32, 48],
      [["a", "__dict__"], 24, 56],
    ];
    for (const [names, basicsize, size] of cases) {
      const slots = tupleFromBorrowed(names.map((n) => newStr(n)));
      const S = makeClass("S", [], { __slots__: slots });
      expect(S.basicsize).toBe(basicsize);
      const s = instantiate(S);
      expect(getsizeof(s)).toBe(size);
      decref(s);
      decref(S);
    }
  });

  test("members are sorted and mangled; descriptors and messages", () => {
    const slots = tupleFromBorrowed([newStr("__x"), newStr("b")]);
    const Z = makeClass("Z", [], { __slots__: slots });
    expect(dictKeys(Z)).toEqual(["__module__", "__slots__", "_Z__x", "b", "__doc__"]);
    const b = attr(Z, "b");
    expect(reprOf(b)).toBe("<member 'b' of 'Z' objects>");
    decref(b);
    const z = instantiate(Z);
    expect(pyError(() => attr(z, "b"))).toBe("AttributeError: 'Z' object has no attribute 'b'");
    expect(pyError(() => setAttr(z, staticStr("b"), null))).toBe("AttributeError: b");
    expect(pyError(() => setAttr(z, staticStr("c"), None))).toBe("AttributeError: 'Z' object has no attribute 'c'");
    expect(pyError(() => attr(z, "__dict__"))).toBe("AttributeError: 'Z' object has no attribute '__dict__'");
    setAttr(z, staticStr("b"), None);
    const got = attr(z, "b");
    expect(got).toBe(None);
    decref(got);
    decref(z);
    decref(Z);
  });

  test("errors", () => {
    const s = (names: PyObject[]) => tupleFromBorrowed(names);
    expect(pyError(() => makeClass("Z", [], { __slots__: s([newStr("a")]), a: newInt(1) }))).toBe(
      "ValueError: 'a' in __slots__ conflicts with class variable",
    );
    expect(pyError(() => makeClass("Z", [IntType], { __slots__: s([newStr("a")]) }))).toBe(
      "TypeError: nonempty __slots__ not supported for subtype of 'int'",
    );
    expect(pyError(() => makeClass("Z", [], { __slots__: s([newStr("__dict__"), newStr("__dict__")]) }))).toBe(
      "TypeError: __dict__ slot disallowed: we already got one",
    );
    expect(pyError(() => makeClass("Z", [], { __slots__: s([newStr("1a")]) }))).toBe("TypeError: __slots__ must be identifiers");
    expect(pyError(() => makeClass("Z", [], { __slots__: s([newInt(1)]) }))).toBe("TypeError: __slots__ items must be strings, not 'int'");
    expect(pyError(() => makeClass("Z", [], { __slots__: s([newStr("__weakref__"), newStr("__weakref__")]) }))).toBe(
      "TypeError: __weakref__ slot disallowed: either we already got one, or __itemsize__ != 0",
    );
  });
});

describe("MRO and layouts", () => {
  test("C3 order and conflicts", () => {
    const A = makeClass("A", []);
    const B = makeClass("B", [A]);
    const C = makeClass("C", [A]);
    const D = makeClass("D", [B, C]);
    const mro = attr(D, "__mro__") as PyTuple;
    expect(mro.items.map((t) => (t as PyType).name)).toEqual(["D", "B", "C", "A", "object"]);
    decref(mro);
    expect(pyError(() => makeClass("Z", [A, B]))).toBe("TypeError: Cannot create a consistent method resolution\norder (MRO) for bases A, B");
    expect(pyError(() => makeClass("Z", [A, A]))).toBe("TypeError: duplicate base class A");
    expect(pyError(() => makeClass("Z", [IntType, ListType]))).toBe("TypeError: multiple bases have instance lay-out conflict");
    expect(pyError(() => makeClass("Z", [BoolType]))).toBe("TypeError: type 'bool' is not an acceptable base type");
    expect(pyError(() => makeClass("Z", [newInt(1)]))).toBe(
      "TypeError: metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
    );
    for (const t of [D, C, B, A]) decref(t);
  });

  test("type() argument errors", () => {
    const d = newDict();
    const name = newStr("Z");
    const empty = tupleFromBorrowed([]);
    expect(pyError(() => typeCall(newInt(1), empty, d))).toBe("TypeError: type.__new__() argument 1 must be str, not int");
    expect(pyError(() => typeCall(name, d, d))).toBe("TypeError: type.__new__() argument 2 must be tuple, not dict");
    expect(pyError(() => typeCall(name, empty, empty))).toBe("TypeError: type.__new__() argument 3 must be dict, not tuple");
    expect(pyError(() => typeCall(name, empty))).toBe("TypeError: type() takes 1 or 3 arguments");
    const t = typeCall(newInt(5));
    expect(t).toBe(IntType);
    decref(d);
  });

  test("subclasses of builtins keep the builtin layout (facts §2.2)", () => {
    const L = makeClass("L", [ListType]);
    expect([L.basicsize, L.dictoffset, L.weaklistoffset]).toEqual([48, -72, 40]);
    const I = makeClass("I", [IntType]);
    expect([I.basicsize, I.itemsize, I.dictoffset, I.weaklistoffset]).toEqual([32, 4, -8, 0]);
    const X = makeClass("X", [ExceptionType]);
    expect([X.basicsize, X.dictoffset, X.weaklistoffset]).toEqual([80, 16, 72]);
    expect(dictKeys(X)).toEqual(["__module__", "__weakref__", "__doc__"]);
    decref(L);
    decref(I);
    decref(X);
  });
});

describe("slot dispatch", () => {
  test("__eq__ without __hash__ makes instances unhashable", () => {
    const eq = fn("__eq__", () => newRef(True));
    const E = makeClass("E", [], { __eq__: eq });
    expect(dictKeys(E)).toEqual(["__module__", "__eq__", "__dict__", "__weakref__", "__doc__", "__hash__"]);
    const e = instantiate(E);
    expect(pyError(() => objectHash(e))).toBe("TypeError: unhashable type: 'E'");
    expect(richCompareBool(e, None, CMP_EQ)).toBe(true);
    decref(e);
    decref(E);
  });

  test("__repr__ assigned later reaches subclasses", () => {
    const K = makeClass("K", []);
    const Sub = makeClass("Sub", [K]);
    const s = instantiate(Sub);
    expect(reprOf(s)).toMatch(/^<__main__\.Sub object at/);
    const r = fn("__repr__", () => newStr("custom"));
    setAttr(K, staticStr("__repr__"), r);
    expect(reprOf(s)).toBe("custom");
    setAttr(K, staticStr("__repr__"), null);
    expect(reprOf(s)).toMatch(/^<__main__\.Sub object at/);
    decref(s);
    decref(Sub);
    decref(K);
  });

  test("__add__ / __radd__ and the reflected subclass rule", () => {
    const log: string[] = [];
    const A = makeClass("A", [], {
      __add__: fn("__add__", () => (log.push("A.__add__"), newStr("A+"))),
      __radd__: fn("__radd__", () => (log.push("A.__radd__"), newStr("+A"))),
    });
    const B = makeClass("B", [A], {
      __radd__: fn("__radd__", () => (log.push("B.__radd__"), newStr("+B"))),
    });
    const a = instantiate(A);
    const b = instantiate(B);
    const one = newInt(1);
    const r1 = callBinary(a, b);
    expect((r1 as PyStr).value).toBe("+B");
    const r2 = callBinary(one, a);
    expect((r2 as PyStr).value).toBe("+A");
    expect(log).toEqual(["B.__radd__", "A.__radd__"]);
    for (const o of [r1, r2, a, b, B, A]) decref(o);
  });

  test("__bool__ falls back to __len__, __len__ checks its result", () => {
    const L = makeClass("L", [], { __len__: fn("__len__", () => newInt(0)) });
    const l = instantiate(L);
    expect(isTrue(l)).toBe(false);
    const N = makeClass("N", [], { __len__: fn("__len__", () => newInt(-1)) });
    const n = instantiate(N);
    expect(pyError(() => isTrue(n))).toBe("ValueError: __len__() should return >= 0");
    const B = makeClass("B", [], { __bool__: fn("__bool__", () => newInt(1)) });
    const bo = instantiate(B);
    expect(pyError(() => isTrue(bo))).toBe("TypeError: __bool__ should return bool, returned int");
    for (const o of [l, L, n, N, bo, B]) decref(o);
  });
});

import { numberAdd } from "./abstract.js";
import { newRef } from "./refcount.js";
import { True } from "./bool.js";
function callBinary(a: PyObject, b: PyObject): PyObject {
  return numberAdd(a, b);
}
void getAttr;
