// Descriptors, builtin functions, bound methods, staticmethod/classmethod/property.
// Expected values measured on CPython 3.11.7.
import { describe, expect, test } from "vitest";
import { callObject, getAttr, setAttr } from "./abstract.js";
import { newStr, staticStr, type PyStr } from "./str.js";
import { newInt, IntType, intAsNumber, type PyInt } from "./int.js";
import { ListType, newList } from "./list.js";
import { DictType } from "./dict.js";
import { ObjectType, TypeType, typeLookupBorrowed } from "./typeobject.js";
import { None, NotImplemented } from "./singletons.js";
import { decref, newRef } from "./refcount.js";
import { tupleFromBorrowed } from "./tuple.js";
import { attr, fn, getsizeof, makeClass, pyError, reprOf } from "./testing/pyfunc.js";
import { PropertyType, StaticMethodType, ClassMethodType } from "./funcdescr.js";
import { gcIsTracked } from "./gcstate.js";
import { CFunctionType } from "./methodobject.js";
import type { PyObject } from "./object.js";

function call(f: PyObject, ...args: PyObject[]): PyObject {
  return callObject(f, args, 0, args.length, null);
}

function callKw(f: PyObject, args: PyObject[], kw: Record<string, PyObject>): PyObject {
  const kwnames = tupleFromBorrowed(Object.keys(kw).map((k) => newStr(k)));
  try {
    return callObject(f, [...args, ...Object.values(kw)], 0, args.length, kwnames);
  } finally {
    decref(kwnames);
  }
}

describe("method descriptors", () => {
  test("reprs and sizes", () => {
    const append = attr(ListType, "append");
    expect(reprOf(append)).toBe("<method 'append' of 'list' objects>");
    expect(getsizeof(append)).toBe(72);
    const add = attr(IntType, "__add__");
    expect(reprOf(add)).toBe("<slot wrapper '__add__' of 'int' objects>");
    expect(getsizeof(add)).toBe(72);
    const d = typeLookupBorrowed(TypeType, staticStr("__dict__"))!;
    expect(reprOf(d)).toBe("<attribute '__dict__' of 'type' objects>");
    expect(reprOf(typeLookupBorrowed(ObjectType, staticStr("__class__"))!)).toBe("<attribute '__class__' of 'object' objects>");
    expect(reprOf(attr(ObjectType, "__init__"))).toBe("<slot wrapper '__init__' of 'object' objects>");
    expect(reprOf(attr(ObjectType, "__dir__"))).toBe("<method '__dir__' of 'object' objects>");
    expect(reprOf(attr(TypeType, "mro"))).toBe("<method 'mro' of 'type' objects>");
    expect(reprOf(attr(TypeType, "__call__"))).toBe("<slot wrapper '__call__' of 'type' objects>");
    expect(reprOf(attr(ObjectType, "__init_subclass__"))).toMatch(/^<built-in method __init_subclass__ of type object at 0x/);
    expect(reprOf(attr(ObjectType, "__new__"))).toMatch(/^<built-in method __new__ of type object at 0x/);
  });

  test("call checks and messages", () => {
    const append = attr(ListType, "append");
    const one = newInt(1);
    const two = newInt(2);
    expect(pyError(() => call(append, one, two))).toBe("TypeError: descriptor 'append' for 'list' objects doesn't apply to a 'int' object");
    expect(pyError(() => call(append))).toBe("TypeError: unbound method list.append() needs an argument");
    const l = newList(0);
    expect(pyError(() => call(append, l, one, two))).toBe("TypeError: list.append() takes exactly one argument (2 given)");
    const bound = attr(l, "append");
    expect(reprOf(bound)).toMatch(/^<built-in method append of list object at 0x[0-9a-f]+>$/);
    expect(getsizeof(bound)).toBe(72);
    expect(gcIsTracked(bound)).toBe(true);
    expect(pyError(() => call(bound, one, two))).toBe("TypeError: list.append() takes exactly one argument (2 given)");
    expect(pyError(() => callKw(bound, [], { x: one }))).toBe("TypeError: list.append() takes no keyword arguments");
    const clear = attr(l, "clear");
    expect(pyError(() => call(clear, one))).toBe("TypeError: list.clear() takes no arguments (1 given)");
    for (const o of [bound, clear, l]) decref(o);
  });

  test("classmethod descriptors", () => {
    const fromkeys = attr(DictType, "fromkeys");
    expect(reprOf(fromkeys)).toMatch(/^<built-in method fromkeys of type object at 0x/);
    decref(fromkeys);
  });

  test("slot wrappers and method-wrappers", () => {
    const add = attr(IntType, "__add__");
    const one = newInt(1);
    const two = newInt(2);
    const three = call(add, one, two);
    expect(intAsNumber(three as PyInt)).toBe(3);
    const s = newStr("a");
    expect(pyError(() => call(add, s, two))).toBe("TypeError: descriptor '__add__' requires a 'int' object but received a 'str'");
    const ni = call(add, one, s);
    expect(ni).toBe(NotImplemented);
    expect(pyError(() => call(add, one))).toBe("TypeError: expected 1 argument, got 0");
    expect(pyError(() => call(add))).toBe("TypeError: descriptor '__add__' of 'int' object needs an argument");
    expect(pyError(() => callKw(add, [one], { x: two }))).toBe("TypeError: wrapper __add__() takes no keyword arguments");
    const mw = attr(one, "__add__");
    expect(reprOf(mw)).toMatch(/^<method-wrapper '__add__' of int object at 0x[0-9a-f]+>$/);
    expect(getsizeof(mw)).toBe(48);
    const objectInit = attr(ObjectType, "__init__");
    const emptyList = newList(0);
    expect(pyError(() => call(objectInit, emptyList, two))).toBe("TypeError: object.__init__() takes exactly one argument (the instance to initialize)");
    decref(call(objectInit, one, two));
    decref(emptyList);
    for (const o of [three, ni, mw]) decref(o);
  });

  test("getset and member descriptors", () => {
    const name = typeLookupBorrowed(TypeType, staticStr("__name__"))!;
    const one = newInt(1);
    const get = attr(name, "__get__");
    expect(pyError(() => call(get, one))).toBe("TypeError: descriptor '__name__' for 'type' objects doesn't apply to a 'int' object");
    const dictDescr = typeLookupBorrowed(TypeType, staticStr("__dict__"))!;
    const set = attr(dictDescr, "__set__");
    expect(pyError(() => call(set, IntType, one))).toBe("AttributeError: attribute '__dict__' of 'type' objects is not writable");
    expect(pyError(() => call(get, None, None))).toBe("TypeError: __get__(None, None) is invalid");
    expect(pyError(() => setAttr(IntType, staticStr("x"), one))).toBe("TypeError: cannot set 'x' attribute of immutable type 'int'");
    expect(pyError(() => setAttr(one, staticStr("x"), one))).toBe("AttributeError: 'int' object has no attribute 'x'");
    expect(pyError(() => attr(one, "__dict__"))).toBe("AttributeError: 'int' object has no attribute '__dict__'");
    expect(pyError(() => setAttr(one, staticStr("__class__"), ListType))).toBe(
      "TypeError: __class__ assignment only supported for mutable types or ModuleType subclasses",
    );
    for (const o of [get, set]) decref(o);
  });

  test("builtin function repr", () => {
    const f = attr(newList(0), "append");
    expect(f.type).toBe(CFunctionType);
    decref(f);
  });
});

describe("bound methods", () => {
  test("repr, equality, size", () => {
    const K = makeClass("K", [], { f: fn("f", (args) => newRef(args[0]!), "K.f") });
    const k = call(K);
    const m1 = attr(k, "f");
    const m2 = attr(k, "f");
    expect(m1).not.toBe(m2);
    expect(reprOf(m1)).toMatch(/^<bound method K\.f of <__main__\.K object at 0x[0-9a-f]+>>$/);
    expect(getsizeof(m1)).toBe(64);
    expect(gcIsTracked(m1)).toBe(true);
    const self = call(m1);
    expect(self).toBe(k);
    const func = attr(m1, "__func__");
    expect(reprOf(func)).toMatch(/^<function K\.f at/);
    for (const o of [self, func, m1, m2, k, K]) decref(o);
  });
});

describe("staticmethod, classmethod, property", () => {
  test("reprs, sizes and copied attributes", () => {
    const g = fn("g", () => newRef(None));
    const sm = call(StaticMethodType, g);
    expect(getsizeof(sm)).toBe(48);
    expect(reprOf(sm)).toMatch(/^<staticmethod\(<function g at 0x[0-9a-f]+>\)>$/);
    expect((attr(sm, "__name__") as PyStr).value).toBe("g");
    expect(attr(sm, "__wrapped__")).toBe(g);
    const cm = call(ClassMethodType, g);
    expect(reprOf(cm)).toMatch(/^<classmethod\(<function g at/);
    expect(pyError(() => call(StaticMethodType))).toBe("TypeError: staticmethod expected 1 argument, got 0");
    expect(pyError(() => callKw(StaticMethodType, [g], { x: g }))).toBe("TypeError: staticmethod() takes no keyword arguments");
    const p = call(PropertyType);
    expect(getsizeof(p)).toBe(80);
    expect(reprOf(p)).toMatch(/^<property object at 0x[0-9a-f]+>$/);
    expect(pyError(() => call(PropertyType, g, g, g, g, g))).toBe("TypeError: property() takes at most 4 arguments (5 given)");
    expect(pyError(() => callKw(PropertyType, [], { fget: g, x: g }))).toBe("TypeError: 'x' is an invalid keyword argument for property()");
    for (const o of [sm, cm, p]) decref(o);
  });

  test("property messages name the attribute and class", () => {
    const getter = fn("p", () => newInt(1));
    const p = call(PropertyType, getter);
    const K = makeClass("K", [], { p, r: call(PropertyType) });
    const k = call(K);
    expect(intAsNumber(attr(k, "p") as PyInt)).toBe(1);
    expect(pyError(() => setAttr(k, staticStr("p"), None))).toBe("AttributeError: property 'p' of 'K' object has no setter");
    expect(pyError(() => setAttr(k, staticStr("p"), null))).toBe("AttributeError: property 'p' of 'K' object has no deleter");
    expect(pyError(() => attr(k, "r"))).toBe("AttributeError: property 'r' of 'K' object has no getter");
    const free = call(PropertyType);
    setAttr(K, staticStr("q"), free);
    expect(pyError(() => attr(k, "q"))).toBe("AttributeError: property of 'K' object has no getter");
    for (const o of [k, K, p, free]) decref(o);
  });

  test("classmethod binds the class", () => {
    const m = fn("m", (args) => newRef(args[0]!), "C.m");
    const cm = call(ClassMethodType, m);
    const C = makeClass("C", [], { m: cm });
    const c = call(C);
    const viaClass = call(attr(C, "m"));
    const viaInstance = call(attr(c, "m"));
    expect(viaClass).toBe(C);
    expect(viaInstance).toBe(C);
    for (const o of [viaClass, viaInstance, c, C, cm]) decref(o);
  });
});
