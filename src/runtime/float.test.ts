// Expected values measured on CPython 3.11.7.
import { describe, expect, test } from "vitest";
import { I, F, S, repr, call, callRepr, opRepr, getsizeof, raises } from "./scalars.testutil.js";
import { decref } from "./refcount.js";
import { clearAllFreeLists, freeListStatsLines } from "./heap.js";
import { None } from "./singletons.js";
import { FloatType, newFloat, floatFreeListLength, FLOAT_MAX_FREE_LIST, type PyFloat } from "./float.js";
import { binaryOp, callObject, numberPower, objectHash, hashResult, NB_FLOOR_DIVIDE, NB_REMAINDER, NB_TRUE_DIVIDE, NB_POWER, NB_ADD, numberNegative, numberAbsolute } from "./abstract.js";
import { hashToBigInt } from "./values/pyhash.js";
import { newBytes } from "./bytes.js";
import { newList } from "./list.js";

function floatCall(...args: ReturnType<typeof F>[]): ReturnType<typeof F> {
  return callObject(FloatType, args, 0, args.length, null);
}

describe("float objects", () => {
  test("getsizeof 24", () => {
    expect(getsizeof(F(1.0))).toBe(24);
    expect(FloatType.basicsize).toBe(24);
  });

  test("the free list reuses the block of a dead float (LIFO)", () => {
    // id(1.5 + x) == id(2.5 + x)
    const x = F(1.0);
    const c1 = F(0.5);
    const c2 = F(1.5);
    const a = binaryOp(x, c1, NB_ADD) as PyFloat;
    const address = a.address;
    decref(a);
    const b = binaryOp(x, c2, NB_ADD) as PyFloat;
    expect(b.address).toBe(address);
    expect(b.value).toBe(2.5);
    for (const o of [b, x, c1, c2]) decref(o);
  });

  test("at most 100 floats are parked; a full collection empties the list", () => {
    clearAllFreeLists();
    const floats: PyFloat[] = [];
    for (let i = 0; i < 150; i++) floats.push(newFloat(i + 0.5));
    for (const f of floats) decref(f);
    expect(floatFreeListLength()).toBe(FLOAT_MAX_FREE_LIST);
    expect(freeListStatsLines()).toContain("         100 free PyFloatObjects * 24 bytes each =                2,400");
    clearAllFreeLists();
    expect(floatFreeListLength()).toBe(0);
  });

  test("repr", () => {
    expect(repr(F(1e16))).toBe("1e+16");
    expect(repr(F(1e-5))).toBe("1e-05");
    expect(repr(F(0.1 + 0.2))).toBe("0.30000000000000004");
    expect(repr(F(-0.0))).toBe("-0.0");
    expect(repr(F(NaN))).toBe("nan");
    expect(repr(F(-Infinity))).toBe("-inf");
  });

  test("float(x)", () => {
    expect(repr(floatCall(S("  1_0.5 ")))).toBe("10.5");
    expect(repr(floatCall(S("infinity")))).toBe("inf");
    expect(repr(floatCall(S("-nan")))).toBe("nan");
    expect(repr(floatCall(S("1e500")))).toBe("inf");
    expect(repr(floatCall(newBytes(new TextEncoder().encode("1.5"))))).toBe("1.5");
    expect(repr(floatCall(I(1)))).toBe("1.0");
    expect(repr(floatCall())).toBe("0.0");
    expect(raises(() => floatCall(S("x")))).toBe("ValueError: could not convert string to float: 'x'");
    expect(raises(() => floatCall(S("")))).toBe("ValueError: could not convert string to float: ''");
    expect(raises(() => floatCall(newBytes(Uint8Array.of(0xff))))).toBe("ValueError: could not convert string to float: b'\\xff'");
    expect(raises(() => floatCall(newList(0)))).toBe("TypeError: float() argument must be a string or a real number, not 'list'");
    expect(raises(() => floatCall(I(10n ** 400n)))).toBe("OverflowError: int too large to convert to float");
    expect(raises(() => floatCall(I(1), I(2)))).toBe("TypeError: float expected at most 1 argument, got 2");
    const x = F(2.5);
    expect(floatCall(x)).toBe(x);
  });
});

describe("float arithmetic", () => {
  test("floor division, modulo, divmod", () => {
    expect(opRepr(F(-7.5), I(2), NB_FLOOR_DIVIDE)).toBe("-4.0");
    expect(opRepr(F(7.5), I(-2), NB_REMAINDER)).toBe("-0.5");
    expect(opRepr(F(-0.0), I(5), NB_REMAINDER)).toBe("0.0");
    expect(opRepr(F(0.0), I(-5), NB_REMAINDER)).toBe("-0.0");
    expect(callRepr(F(-7.5), "__divmod__", I(2))).toBe("(-4.0, 0.5)");
    expect(callRepr(F(7.0), "__divmod__", F(Infinity))).toBe("(0.0, 7.0)");
    expect(callRepr(F(-7.0), "__divmod__", F(Infinity))).toBe("(-1.0, inf)");
    expect(raises(() => binaryOp(F(5.0), F(0.0), NB_FLOOR_DIVIDE))).toBe("ZeroDivisionError: float floor division by zero");
    expect(raises(() => binaryOp(F(1.0), I(0), NB_TRUE_DIVIDE))).toBe("ZeroDivisionError: float division by zero");
    expect(raises(() => binaryOp(F(1.0), I(0), NB_REMAINDER))).toBe("ZeroDivisionError: float modulo");
    expect(raises(() => call(F(1.0), "__divmod__", I(0)))).toBe("ZeroDivisionError: float divmod()");
  });

  test("power special cases and errors", () => {
    expect(opRepr(F(-8.0), F(1 / 3), NB_POWER)).toBe("(1.0000000000000002+1.7320508075688772j)");
    expect(opRepr(F(-8.0), I(3), NB_POWER)).toBe("-512.0");
    expect(opRepr(F(2.0), I(-1074), NB_POWER)).toBe("5e-324");
    expect(opRepr(F(2.0), I(-1080), NB_POWER)).toBe("0.0");
    expect(opRepr(F(Infinity), I(0), NB_POWER)).toBe("1.0");
    expect(opRepr(F(NaN), I(0), NB_POWER)).toBe("1.0");
    expect(opRepr(F(1.0), F(NaN), NB_POWER)).toBe("1.0");
    expect(opRepr(F(-1.0), F(Infinity), NB_POWER)).toBe("1.0");
    expect(opRepr(F(0.0), F(-Infinity), NB_POWER)).toBe("inf");
    expect(opRepr(F(-0.0), I(3), NB_POWER)).toBe("-0.0");
    expect(opRepr(F(-0.0), I(2), NB_POWER)).toBe("0.0");
    expect(opRepr(F(-Infinity), I(3), NB_POWER)).toBe("-inf");
    expect(opRepr(F(-Infinity), I(-3), NB_POWER)).toBe("-0.0");
    expect(opRepr(F(-Infinity), I(2), NB_POWER)).toBe("inf");
    expect(raises(() => binaryOp(F(-0.0), I(-1), NB_POWER))).toBe("ZeroDivisionError: 0.0 cannot be raised to a negative power");
    expect(raises(() => binaryOp(F(10.0), I(400), NB_POWER))).toBe("OverflowError: (34, 'Numerical result out of range')");
    expect(raises(() => numberPower(F(2.0), I(3), I(4)))).toBe("TypeError: pow() 3rd argument not allowed unless all arguments are integers");
    void None;
  });

  test("unary operators keep the sign of zero", () => {
    expect(repr(numberNegative(F(0.0)))).toBe("-0.0");
    expect(repr(numberAbsolute(F(-0.0)))).toBe("0.0");
  });

  test("hash", () => {
    const h = (o: ReturnType<typeof F>) => {
      objectHash(o);
      return hashToBigInt(hashResult.hi, hashResult.lo);
    };
    expect(h(F(1.5))).toBe(1152921504606846977n);
    expect(h(F(0.1))).toBe(230584300921369408n);
    expect(h(F(-1.0))).toBe(-2n);
    expect(h(F(Infinity))).toBe(314159n);
  });
});

describe("float methods", () => {
  test("conversions to int", () => {
    expect(repr(callObject(FloatType.base === null ? FloatType : FloatType, [], 0, 0, null))).toBe("0.0");
    expect(callRepr(F(-2.5), "__floor__")).toBe("-3");
    expect(callRepr(F(-2.5), "__ceil__")).toBe("-2");
    expect(callRepr(F(2.5), "__round__")).toBe("2");
    expect(callRepr(F(-2.5), "__round__")).toBe("-2");
    expect(callRepr(F(2.675), "__round__", I(2))).toBe("2.67");
    expect(callRepr(F(1.5), "__round__", None)).toBe("2");
    expect(callRepr(F(Infinity), "__round__", I(2))).toBe("inf");
    expect(callRepr(F(123.456), "__round__", I(-1))).toBe("120.0");
    expect(callRepr(F(1e20), "__int__")).toBe("100000000000000000000");
    expect(raises(() => call(F(Infinity), "__round__"))).toBe("OverflowError: cannot convert float infinity to integer");
    expect(raises(() => call(F(NaN), "__trunc__"))).toBe("ValueError: cannot convert float NaN to integer");
  });

  test("ratio, hex, predicates, format", () => {
    expect(callRepr(F(1.5), "is_integer")).toBe("False");
    expect(callRepr(F(2.0), "is_integer")).toBe("True");
    expect(callRepr(F(0.1), "as_integer_ratio")).toBe("(3602879701896397, 36028797018963968)");
    expect(raises(() => call(F(Infinity), "as_integer_ratio"))).toBe("OverflowError: cannot convert Infinity to integer ratio");
    expect(raises(() => call(F(NaN), "as_integer_ratio"))).toBe("ValueError: cannot convert NaN to integer ratio");
    expect(callRepr(F(1.5), "hex")).toBe("'0x1.8000000000000p+0'");
    expect(repr(call(FloatType, "fromhex", S("0x1.8p1")))).toBe("3.0");
    expect(raises(() => call(FloatType, "fromhex", S("zz")))).toBe("ValueError: invalid hexadecimal floating-point string");
    expect(callRepr(F(1.5), "__format__", S(".3f"))).toBe("'1.500'");
    expect(callRepr(F(1e20), "__format__", S("n"))).toBe("'1e+20'");
    expect(callRepr(F(1.5), "__getnewargs__")).toBe("(1.5,)");
    expect(repr(call(FloatType, "__getformat__", S("double")))).toBe("'IEEE, little-endian'");
    expect(callRepr(F(1.0), "__sizeof__")).toBe("24");
  });
});
