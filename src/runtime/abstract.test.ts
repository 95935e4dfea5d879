// The abstract object protocols: dispatch rules and CPython 3.11.7's messages.
import { describe, expect, test } from "vitest";
import {
  NB_ADD,
  NB_INPLACE_ADD,
  NB_MATRIX_MULTIPLY,
  binaryOp,
  callObject,
  getAttrChecked,
  getItem,
  getIter,
  isInstance,
  isSubclass,
  isTrue,
  iterNext,
  length,
  numberAbsolute,
  numberAsSsize,
  numberDivmod,
  numberInvert,
  numberMultiply,
  numberNegative,
  numberPositive,
  numberPower,
  objectAscii,
  objectFormat,
  objectHash,
  objectRepr,
  richCompare,
  richCompareBool,
  reprEnter,
  reprLeave,
  numberInplace,
  NB_INPLACE_MULTIPLY,
} from "./abstract.js";
import { newStr, StrType } from "./str.js";
import { newInt, IntType } from "./int.js";
import { newFloat } from "./float.js";
import { listFromBorrowed, newList } from "./list.js";
import { tupleFromBorrowed } from "./tuple.js";
import { None, NotImplemented } from "./singletons.js";
import { False, True } from "./bool.js";
import { CMP_EQ, CMP_LT, CMP_NE } from "./type.js";
import { ObjectType } from "./typeobject.js";
import { IndexErrorType } from "./exceptions.js";
import { fn, makeClass, pyError } from "./testing/pyfunc.js";
import { decref, newRef } from "./refcount.js";

const i1 = newInt(1);
const i2 = newInt(2);
const sa = newStr("a");

describe("binary operators", () => {
  test("messages", () => {
    expect(pyError(() => binaryOp(i1, sa, NB_ADD))).toBe("TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    expect(pyError(() => binaryOp(i1, i2, NB_MATRIX_MULTIPLY))).toBe("TypeError: unsupported operand type(s) for @: 'int' and 'int'");
    expect(pyError(() => numberDivmod(i1, sa))).toBe("TypeError: unsupported operand type(s) for divmod(): 'int' and 'str'");
    expect(pyError(() => numberPower(i2, sa))).toBe("TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'");
    expect(pyError(() => numberPower(i2, sa, i1))).toBe("TypeError: unsupported operand type(s) for ** or pow(): 'int', 'str', 'int'");
    expect(pyError(() => numberPower(i2, i1, sa))).toBe("TypeError: unsupported operand type(s) for ** or pow(): 'int', 'int', 'str'");
    expect(pyError(() => numberInplace(i1, sa, NB_INPLACE_ADD))).toBe("TypeError: unsupported operand type(s) for +=: 'int' and 'str'");
  });

  test("sequence repeat fallback", () => {
    const l = listFromBorrowed([i1]);
    expect(pyError(() => numberMultiply(l, sa))).toBe("TypeError: can't multiply sequence by non-int of type 'str'");
    expect(pyError(() => numberMultiply(sa, newStr("b")))).toBe("TypeError: can't multiply sequence by non-int of type 'str'");
    expect(pyError(() => numberMultiply(l, newFloat(2.0)))).toBe("TypeError: can't multiply sequence by non-int of type 'float'");
    expect(pyError(() => numberInplace(l, sa, NB_INPLACE_MULTIPLY))).toBe("TypeError: can't multiply sequence by non-int of type 'str'");
    const r = numberMultiply(i2, l);
    expect(objectRepr(r).value).toBe("[1, 1]");
    decref(r);
    decref(l);
  });

  test("unary operators", () => {
    expect(pyError(() => numberNegative(sa))).toBe("TypeError: bad operand type for unary -: 'str'");
    expect(pyError(() => numberInvert(newFloat(1.5)))).toBe("TypeError: bad operand type for unary ~: 'float'");
    expect(pyError(() => numberAbsolute(sa))).toBe("TypeError: bad operand type for abs(): 'str'");
    const l = newList(0);
    expect(pyError(() => numberPositive(l))).toBe("TypeError: bad operand type for unary +: 'list'");
    decref(l);
  });
});

describe("comparison", () => {
  test("ordering errors name both types", () => {
    expect(pyError(() => richCompare(i1, sa, CMP_LT))).toBe("TypeError: '<' not supported between instances of 'int' and 'str'");
    const l = newList(0);
    expect(pyError(() => richCompare(l, i1, CMP_LT))).toBe("TypeError: '<' not supported between instances of 'list' and 'int'");
    decref(l);
  });

  test("== falls back to identity; RichCompareBool short-cuts identity", () => {
    const o = callObject(ObjectType, [], 0, 0, null);
    const p = callObject(ObjectType, [], 0, 0, null);
    const eq = richCompare(o, p, CMP_EQ);
    expect(eq).toBe(False);
    decref(eq);
    let calls = 0;
    const K = makeClass("K", [], { __eq__: fn("__eq__", () => (calls++, newRef(False))) });
    const k = callObject(K, [], 0, 0, null);
    expect(richCompareBool(k, k, CMP_EQ)).toBe(true);
    expect(calls).toBe(0);
    expect(richCompareBool(k, o, CMP_NE)).toBe(true);
    expect(calls).toBe(1);
    for (const x of [o, p, k, K]) decref(x);
  });

  test("the reflected method of a subclass goes first", () => {
    const log: string[] = [];
    const A = makeClass("A", [], { __lt__: fn("__lt__", () => (log.push("A.__lt__"), newRef(NotImplemented))) });
    const B = makeClass("B", [A], { __gt__: fn("__gt__", () => (log.push("B.__gt__"), newRef(True))) });
    const a = callObject(A, [], 0, 0, null);
    const b = callObject(B, [], 0, 0, null);
    const r = richCompare(a, b, CMP_LT);
    expect(r).toBe(True);
    expect(log).toEqual(["B.__gt__"]);
    for (const x of [r, a, b, B, A]) decref(x);
  });
});

describe("object protocol", () => {
  test("hash, len, iter, call, subscript messages", () => {
    const l = newList(0);
    expect(pyError(() => objectHash(l))).toBe("TypeError: unhashable type: 'list'");
    expect(pyError(() => length(i1))).toBe("TypeError: object of type 'int' has no len()");
    expect(pyError(() => getIter(i1))).toBe("TypeError: 'int' object is not iterable");
    expect(pyError(() => iterNext(i1))).toBe("TypeError: 'int' object is not an iterator");
    expect(pyError(() => callObject(i1, [], 0, 0, null))).toBe("TypeError: 'int' object is not callable");
    expect(pyError(() => getItem(i1, i1))).toBe("TypeError: 'int' object is not subscriptable");
    expect(pyError(() => getItem(IntType, i1))).toBe("TypeError: type 'int' is not subscriptable");
    expect(pyError(() => getAttrChecked(i1, i2))).toBe("TypeError: attribute name must be string, not 'int'");
    decref(l);
  });

  test("__index__ conversions", () => {
    expect(pyError(() => numberAsSsize(newFloat(1.5), IndexErrorType))).toBe("TypeError: 'float' object cannot be interpreted as an integer");
  });

  test("truth: bool, len, default true", () => {
    expect(isTrue(None)).toBe(false);
    expect(isTrue(i1)).toBe(true);
    const l = newList(0);
    expect(isTrue(l)).toBe(false);
    const o = callObject(ObjectType, [], 0, 0, null);
    expect(isTrue(o)).toBe(true);
    decref(l);
    decref(o);
  });

  test("isinstance / issubclass with tuples and errors", () => {
    expect(isInstance(i1, tupleFromBorrowed([StrType, IntType]))).toBe(true);
    expect(isInstance(True, IntType)).toBe(true);
    expect(pyError(() => isInstance(i1, i2))).toBe("TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
    expect(pyError(() => isSubclass(i1, IntType))).toBe("TypeError: issubclass() arg 1 must be a class");
    expect(pyError(() => isSubclass(IntType, i1))).toBe("TypeError: issubclass() arg 2 must be a class, a tuple of classes, or a union");
  });

  test("format() of object rejects a non-empty spec", () => {
    const o = callObject(ObjectType, [], 0, 0, null);
    expect(pyError(() => objectFormat(o, newStr("x")))).toBe("TypeError: unsupported format string passed to object.__format__");
    decref(o);
  });

  test("ascii() escapes non-ASCII", () => {
    const s = newStr("é€😀");
    expect(objectAscii(s).value).toBe("'\\xe9\\u20ac\\U0001f600'");
    decref(s);
  });

  test("Py_ReprEnter / Leave", () => {
    const l = newList(0);
    expect(reprEnter(l)).toBe(false);
    expect(reprEnter(l)).toBe(true);
    reprLeave(l);
    expect(reprEnter(l)).toBe(false);
    reprLeave(l);
    decref(l);
  });
});
