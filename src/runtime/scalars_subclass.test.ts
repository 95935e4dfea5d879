// Instances of heap subclasses of the scalar and text types (facts §2.2 "Subclasses of
// built-ins"; allocation sizes measured with tracemalloc on CPython 3.11.7).
import { describe, expect, test } from "vitest";
import { I, F, S, repr, getsizeof, liveAllocationSizes } from "./scalars.testutil.js";
import type { PyObject } from "./object.js";
import { decref } from "./refcount.js";
import { TypeType } from "./typeroots.js";
import { callObject } from "./abstract.js";
import { tupleFromBorrowed } from "./tuple.js";
import { newDict } from "./dict.js";
import { IntType } from "./int.js";
import { FloatType } from "./float.js";
import { StrType } from "./str.js";
import { BytesType, newBytes } from "./bytes.js";
import { ByteArrayType } from "./bytearray.js";
import { ComplexType, newComplex } from "./complex.js";
import type { PyType } from "./type.js";

function subclass(name: string, base: PyType): PyType {
  const bases = tupleFromBorrowed([base]);
  return callObject(TypeType, [S(name), bases, newDict()], 0, 3, null) as PyType;
}

function make(cls: PyType, arg: PyObject): PyObject {
  return callObject(cls, [arg], 0, 1, null);
}

describe("subclass instances", () => {
  test("getsizeof", () => {
    expect(getsizeof(make(subclass("I", IntType), I(5)))).toBe(44);
    expect(getsizeof(make(subclass("I", IntType), I(2n ** 100n)))).toBe(56);
    expect(getsizeof(make(subclass("F", FloatType), F(1.0)))).toBe(64);
    expect(getsizeof(make(subclass("S", StrType), S("ab")))).toBe(115);
    expect(getsizeof(make(subclass("S", StrType), S("é")))).toBe(114);
    expect(getsizeof(make(subclass("B", BytesType), newBytes(Uint8Array.of(1, 2, 3))))).toBe(60);
    expect(getsizeof(make(subclass("BA", ByteArrayType), newBytes(Uint8Array.of(1, 2, 3))))).toBe(100);
    expect(getsizeof(make(subclass("C", ComplexType), newComplex(0, 1)))).toBe(72);
  });

  test("allocation sizes", () => {
    const cases: [PyType, PyObject, number[]][] = [
      [subclass("I", IntType), I(5), [56]],
      [subclass("I", IntType), I(2n ** 100n), [72]],
      [subclass("F", FloatType), F(1.0), [64]],
      [subclass("S", StrType), S("ab"), [3, 120]],
      [subclass("B", BytesType), newBytes(Uint8Array.of(1, 2, 3)), [64]],
      [subclass("BA", ByteArrayType), newBytes(Uint8Array.of(1, 2, 3)), [4, 96]],
      [subclass("C", ComplexType), newComplex(0, 1), [72]],
    ];
    for (const [cls, arg, expected] of cases) {
      decref(make(cls, arg));
      // Argument tuples of the call machinery (48 bytes for one argument) are not ours.
      expect(liveAllocationSizes(() => make(cls, arg)).filter((n) => n !== 48)).toEqual(expected);
    }
  });

  test("values and reprs", () => {
    expect(repr(make(subclass("I", IntType), I(5)))).toBe("5");
    expect(repr(make(subclass("S", StrType), S("ab")))).toBe("'ab'");
    expect(repr(make(subclass("BA", ByteArrayType), newBytes(Uint8Array.of(97))))).toBe("BA(b'a')");
  });
});
