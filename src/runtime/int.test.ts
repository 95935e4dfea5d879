// Expected values measured on CPython 3.11.7 (sys.getsizeof, tracemalloc sizes of the block a
// result occupies, reprs, error messages).
import { describe, expect, test } from "vitest";
import { I, F, S, repr, call, callRepr, callKw, opRepr, getsizeof, raises, liveAllocationSizes } from "./scalars.testutil.js";
import { decref } from "./refcount.js";
import { STATIC_REFCNT } from "./object.js";
import { None } from "./singletons.js";
import {
  newInt,
  newIntSsize,
  newIntFromBigInt,
  intAsNumber,
  IntType,
  True,
  False,
  BoolType,
  isInt,
  smallIntBorrowed,
  type PyInt,
} from "./int.js";
import { newBool } from "./bool.js";
import { binaryOp, numberPower, richCompareBool, callObject, objectHash, hashResult, NB_ADD, NB_SUBTRACT, NB_MULTIPLY, NB_FLOOR_DIVIDE, NB_REMAINDER, NB_TRUE_DIVIDE, NB_LSHIFT, NB_RSHIFT, NB_AND, NB_OR, NB_XOR, NB_POWER, numberNegative, numberInvert, numberAbsolute } from "./abstract.js";
import { CMP_EQ, CMP_LT, CMP_GT } from "./type.js";
import { hashToBigInt } from "./values/pyhash.js";
import { newStr } from "./str.js";
import { newBytes } from "./bytes.js";
import { tupleFromBorrowed } from "./tuple.js";

const big = (s: string) => I(BigInt(s));

function op(a: PyInt | ReturnType<typeof I>, b: ReturnType<typeof I>, which: number): string {
  return opRepr(a, b, which);
}

function intCall(...args: ReturnType<typeof I>[]): ReturnType<typeof I> {
  return callObject(IntType, args, 0, args.length, null);
}

function hashOf(o: ReturnType<typeof I>): bigint {
  objectHash(o);
  return hashToBigInt(hashResult.hi, hashResult.lo);
}

describe("int objects", () => {
  test("getsizeof (facts §2.2)", () => {
    expect(getsizeof(I(0))).toBe(28);
    expect(getsizeof(I(1))).toBe(28);
    expect(getsizeof(I(2 ** 30 - 1))).toBe(28);
    expect(getsizeof(I(2 ** 30))).toBe(32);
    expect(getsizeof(I(2n ** 60n - 1n))).toBe(32);
    expect(getsizeof(I(2n ** 60n))).toBe(36);
    expect(getsizeof(I(2n ** 90n))).toBe(40);
    expect(getsizeof(I(10n ** 100n))).toBe(72);
    expect(getsizeof(I(-1))).toBe(28);
    expect(getsizeof(True)).toBe(28);
    expect(getsizeof(False)).toBe(28);
    expect(IntType.basicsize).toBe(24);
    expect(IntType.itemsize).toBe(4);
    expect(BoolType.basicsize).toBe(32);
  });

  test("small-int cache -5..256 is static and shared", () => {
    expect(newInt(256)).toBe(newInt(256));
    expect(newInt(-5)).toBe(newInt(-5));
    expect(newInt(257)).not.toBe(newInt(257));
    expect(newInt(-6)).not.toBe(newInt(-6));
    expect(smallIntBorrowed(1).refcnt).toBeGreaterThanOrEqual(STATIC_REFCNT);
    const a = binaryOp(I(250), I(6), NB_ADD);
    expect(a).toBe(smallIntBorrowed(256));
  });

  // Operands are made before measuring: only the result's block is attributed.
  function resultSize(a: ReturnType<typeof I>, b: ReturnType<typeof I> | null, f: (a: ReturnType<typeof I>, b: ReturnType<typeof I>) => ReturnType<typeof I>): number[] {
    const sizes = liveAllocationSizes(() => f(a, b ?? a));
    decref(a);
    if (b !== null) decref(b);
    return sizes;
  }
  const bin = (which: number) => (x: ReturnType<typeof I>, y: ReturnType<typeof I>) => binaryOp(x, y, which);

  test("allocation sizes tracemalloc sees", () => {
    expect(resultSize(I(1000), I(1), bin(NB_ADD))).toEqual([32]);
    expect(resultSize(I(2 ** 30), I(1), bin(NB_ADD))).toEqual([36]);
    expect(resultSize(I(2 ** 30), I(2), bin(NB_MULTIPLY))).toEqual([36]);
    expect(resultSize(I(2 ** 40), I(1), bin(NB_ADD))).toEqual([36]);
    expect(resultSize(I(2 ** 50), I(2 ** 50), bin(NB_MULTIPLY))).toEqual([40]);
    expect(resultSize(I(1000), null, (x) => numberNegative(x))).toEqual([32]);
    expect(resultSize(I(-(2 ** 30) + 1), I(1), bin(NB_SUBTRACT))).toEqual([32]);
    expect(resultSize(I(1000), I(1), bin(NB_LSHIFT))).toEqual([32]);
    expect(resultSize(I(1000), I(3), bin(NB_FLOOR_DIVIDE))).toEqual([32]);
    expect(resultSize(I(1000), I(700), bin(NB_REMAINDER))).toEqual([32]);
    expect(resultSize(I(1000), I(2), bin(NB_POWER))).toEqual([32]);
    expect(resultSize(I(1000), I(1000), bin(NB_AND))).toEqual([32]);
    expect(resultSize(I(1000), null, (x) => numberInvert(x))).toEqual([32]);
    expect(resultSize(I(-1000), null, (x) => numberAbsolute(x))).toEqual([32]);
    expect(resultSize(I(2n ** 60n), I(1), bin(NB_ADD))).toEqual([40]);
    expect(resultSize(I(2 ** 59), I(2 ** 59), bin(NB_ADD))).toEqual([36]);
    expect(resultSize(I(2 ** 29), I(2 ** 29), bin(NB_MULTIPLY))).toEqual([32]);
    expect(resultSize(I(2 ** 40), I(1), bin(NB_RSHIFT))).toEqual([32]);
    expect(resultSize(I(2 ** 40), I(7), bin(NB_FLOOR_DIVIDE))).toEqual([32]);
    expect(resultSize(I(2 ** 40), I(7), bin(NB_REMAINDER))).toEqual([]);
    expect(resultSize(I(2n ** 100n), I(7), bin(NB_FLOOR_DIVIDE))).toEqual([40]);
    expect(resultSize(I(2n ** 100n), I(2n ** 62n), bin(NB_REMAINDER))).toEqual([]);
    expect(resultSize(I(2n ** 100n), I(2n ** 100n - 5n), bin(NB_SUBTRACT))).toEqual([]);
    expect(resultSize(I(2n ** 100n), I(-(2n ** 100n) + 5000n), bin(NB_ADD))).toEqual([40]);
    expect(resultSize(I(2n ** 100n), I(1), bin(NB_MULTIPLY))).toEqual([44]);
    // PyLong_FromSsize_t (len(), bit_length(), hash values) never takes the 32-byte path.
    expect(liveAllocationSizes(() => newIntSsize(1000))).toEqual([28]);
    expect(resultSize(I(2n ** 1000n), null, (x) => call(x, "bit_length"))).toEqual([28]);
  });

  test("allocation sizes of parsing and conversions", () => {
    const parse = (...args: ReturnType<typeof I>[]) => {
      const sizes = liveAllocationSizes(() => intCall(...args));
      for (const a of args) decref(a);
      // Only int blocks (28..44 bytes here): the call machinery's argument tuples are not ours.
      return sizes.filter((n) => n < 48);
    };
    // The first call builds lazily made runtime structures (type dicts); not measured.
    decref(intCall(S("7")));
    decref(call(IntType, "from_bytes", newBytes(Uint8Array.of(1)), S("big")));
    expect(parse(S("1000"))).toEqual([28]);
    expect(parse(S("1000000000000"))).toEqual([32]);
    expect(parse(S("123456789012345678901234567890"))).toEqual([40]);
    expect(parse(S("99999999999999999999"))).toEqual([36]);
    expect(parse(S("0x1000"), I(16))).toEqual([28]);
    expect(parse(S("1".repeat(40)), I(2))).toEqual([32]);
    expect(parse(F(1000.0))).toEqual([32]);
    expect(parse(F(1e15))).toEqual([32]);
    const data = newBytes(Uint8Array.of(1, 0, 0));
    const order = S("big");
    expect(liveAllocationSizes(() => call(IntType, "from_bytes", data, order))).toEqual([28]);
  });

  test("divmod of multi-digit values reserves x_divrem's digit counts", () => {
    const a = I(2n ** 100n + 5n);
    const b = I(2n ** 64n + 3n);
    const sizes = liveAllocationSizes(() => call(a, "__divmod__", b)).filter((n) => n < 48);
    // quotient (2 digits reserved) and remainder (3 digits); the 2-tuple may come from its free list.
    expect(sizes).toEqual([32, 36]);
  });
});

describe("int arithmetic", () => {
  test("floor division and modulo signs", () => {
    expect(op(I(7), I(-2), NB_FLOOR_DIVIDE)).toBe("-4");
    expect(op(I(7), I(-2), NB_REMAINDER)).toBe("-1");
    expect(op(I(-7), I(2), NB_FLOOR_DIVIDE)).toBe("-4");
    expect(op(I(7), I(-3), NB_REMAINDER)).toBe("-2");
    expect(op(big("-100000000000000000000000000000"), I(7), NB_REMAINDER)).toBe("2");
    expect(op(big("-100000000000000000000000000000"), I(7), NB_FLOOR_DIVIDE)).toBe("-14285714285714285714285714286");
    expect(op(big("100000000000000000000000000000"), big("-30000000000000000000000"), NB_FLOOR_DIVIDE)).toBe("-3333334");
    expect(op(big("100000000000000000000000000000"), big("-30000000000000000000000"), NB_REMAINDER)).toBe("-20000000000000000000000");
    expect(callRepr(I(7), "__divmod__", I(-2))).toBe("(-4, -1)");
  });

  test("true division is correctly rounded", () => {
    expect(op(I(1), I(3), NB_TRUE_DIVIDE)).toBe("0.3333333333333333");
    expect(op(I(2 ** 53 + 1), I(1), NB_TRUE_DIVIDE)).toBe("9007199254740992.0");
    expect(op(big("10").valueOf() as never, I(1), NB_TRUE_DIVIDE)).toBe("10.0");
    expect(op(I(10n ** 400n), I(10n ** 399n), NB_TRUE_DIVIDE)).toBe("10.0");
    expect(op(I(1), I(10n ** 400n), NB_TRUE_DIVIDE)).toBe("0.0");
    expect(op(I(2n ** 64n + 1n), I(3), NB_TRUE_DIVIDE)).toBe("6.148914691236517e+18");
    expect(op(I(10n ** 30n + 1n), I(7n * 10n ** 10n), NB_TRUE_DIVIDE)).toBe("1.4285714285714287e+19");
    expect(op(I(1), I(2n ** 1074n), NB_TRUE_DIVIDE)).toBe("5e-324");
    expect(op(I(1), I(2n ** 1075n), NB_TRUE_DIVIDE)).toBe("0.0");
    expect(op(I(3), I(2n ** 1076n), NB_TRUE_DIVIDE)).toBe("5e-324");
    expect(raises(() => binaryOp(I(10n ** 400n), I(1), NB_TRUE_DIVIDE))).toBe("OverflowError: integer division result too large for a float");
  });

  test("error messages", () => {
    expect(raises(() => binaryOp(I(1), I(0), NB_TRUE_DIVIDE))).toBe("ZeroDivisionError: division by zero");
    expect(raises(() => binaryOp(I(1), I(0), NB_FLOOR_DIVIDE))).toBe("ZeroDivisionError: integer division or modulo by zero");
    expect(raises(() => binaryOp(I(1), I(0), NB_REMAINDER))).toBe("ZeroDivisionError: integer modulo by zero");
    expect(raises(() => call(I(1), "__divmod__", I(0)))).toBe("ZeroDivisionError: integer division or modulo by zero");
    expect(raises(() => binaryOp(I(1), I(-1), NB_LSHIFT))).toBe("ValueError: negative shift count");
    expect(raises(() => binaryOp(I(1), I(-1), NB_RSHIFT))).toBe("ValueError: negative shift count");
    expect(raises(() => binaryOp(I(1), I(10n ** 20n), NB_LSHIFT))).toBe("OverflowError: too many digits in integer");
    expect(raises(() => binaryOp(I(0), I(-1), NB_POWER))).toBe("ZeroDivisionError: 0.0 cannot be raised to a negative power");
    expect(raises(() => numberPower(I(2), I(-1), I(4)))).toBe("ValueError: base is not invertible for the given modulus");
    expect(raises(() => numberPower(I(0), I(-1), I(5)))).toBe("ValueError: base is not invertible for the given modulus");
    expect(raises(() => numberPower(I(2), I(3), I(0)))).toBe("ValueError: pow() 3rd argument cannot be 0");
    expect(raises(() => call(F(10.0 ** 300), "__pow__", I(2)))).toBe("OverflowError: (34, 'Numerical result out of range')");
    expect(raises(() => intAsNumber(newIntFromBigInt(2n ** 64n)))).toBe("OverflowError: Python int too large to convert to C ssize_t");
  });

  test("pow, shifts, bitwise", () => {
    expect(op(I(2), I(-1), NB_POWER)).toBe("0.5");
    expect(repr(numberPower(I(2), I(-1), I(5)))).toBe("3");
    expect(repr(numberPower(I(3), I(-2), I(7)))).toBe("4");
    expect(repr(numberPower(I(2), I(-1), I(-5)))).toBe("-2");
    expect(repr(numberPower(I(2), I(-1), I(1)))).toBe("0");
    expect(repr(numberPower(I(-3), I(3), I(5)))).toBe("3");
    expect(op(I(2), I(100), NB_POWER)).toBe("1267650600228229401496703205376");
    expect(op(I(-2), I(63), NB_POWER)).toBe("-9223372036854775808");
    expect(op(I(-8), F(0.5), NB_POWER)).toBe("(1.7319121124709868e-16+2.8284271247461903j)");
    expect(op(I(1), I(100), NB_LSHIFT)).toBe("1267650600228229401496703205376");
    expect(op(I(-1), I(100), NB_RSHIFT)).toBe("-1");
    expect(op(I(-(2 ** 40) - 1), I(3), NB_RSHIFT)).toBe("-137438953473");
    expect(op(I(-12345678901234567890n), I(70), NB_RSHIFT)).toBe("-1");
    expect(op(I(-6), I(3), NB_AND)).toBe("2");
    expect(op(I(-(2n ** 70n)), I(2n ** 70n - 1n), NB_OR)).toBe("-1");
    expect(op(I(-(2n ** 70n)), I(12345), NB_XOR)).toBe("-1180591620717411291079");
    expect(repr(numberInvert(I(2n ** 80n)))).toBe("-1208925819614629174706177");
    expect(repr(numberInvert(True))).toBe("-2");
  });

  test("bool operators", () => {
    expect(op(True, True, NB_ADD)).toBe("2");
    expect(op(True, False, NB_AND)).toBe("False");
    expect(op(True, I(1), NB_AND)).toBe("1");
    expect(op(True, False, NB_XOR)).toBe("True");
    expect(repr(numberNegative(True))).toBe("-1");
    expect(op(True, I(2), NB_POWER)).toBe("1");
    expect(op(True, I(2), NB_TRUE_DIVIDE)).toBe("0.5");
    expect(repr(True)).toBe("True");
    expect(newBool(true)).toBe(True);
  });

  test("comparisons with ints and floats are exact", () => {
    expect(richCompareBool(I(2n ** 53n + 1n), F(2 ** 53), CMP_GT)).toBe(true);
    expect(richCompareBool(F(2 ** 53), I(2n ** 53n + 1n), CMP_LT)).toBe(true);
    expect(richCompareBool(I(2n ** 53n + 1n), F(2 ** 53), CMP_EQ)).toBe(false);
    expect(richCompareBool(I(10n ** 400n), F(Infinity), CMP_LT)).toBe(true);
    expect(richCompareBool(I(1), F(NaN), CMP_EQ)).toBe(false);
    expect(richCompareBool(I(1), True, CMP_EQ)).toBe(true);
    expect(richCompareBool(I(-(10n ** 30n)), F(-1e30), CMP_GT)).toBe(true);
  });

  test("hash", () => {
    expect(hashOf(I(-1))).toBe(-2n);
    expect(hashOf(I(2n ** 61n - 1n))).toBe(0n);
    expect(hashOf(I(2n ** 61n))).toBe(1n);
    expect(hashOf(True)).toBe(1n);
    expect(hashOf(F(-1.0))).toBe(-2n);
  });
});

describe("int() and methods", () => {
  test("reprs and the str-digit limit", () => {
    expect(repr(I(-123))).toBe("-123");
    expect(repr(I(10n ** 20n))).toBe("100000000000000000000");
    expect(raises(() => repr(I(10n ** 5000n)))).toBe("ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
    expect(raises(() => intCall(S("1".repeat(5000))))).toBe("ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit");
  });

  test("int(x) and int(x, base)", () => {
    expect(repr(intCall())).toBe("0");
    expect(repr(intCall(S(" 1_000 ")))).toBe("1000");
    expect(repr(intCall(S("  -0x_1f  "), I(16)))).toBe("-31");
    expect(repr(intCall(S("0b101"), I(0)))).toBe("5");
    expect(repr(intCall(S("z"), I(36)))).toBe("35");
    expect(repr(intCall(S("١٢")))).toBe("12");
    expect(repr(intCall(F(-3.99)))).toBe("-3");
    expect(repr(intCall(newBytes(new TextEncoder().encode("  12  "))))).toBe("12");
    expect(repr(intCall(True))).toBe("1");
    expect(raises(() => intCall(S("1__0")))).toBe("ValueError: invalid literal for int() with base 10: '1__0'");
    expect(raises(() => intCall(S("010"), I(0)))).toBe("ValueError: invalid literal for int() with base 0: '010'");
    expect(raises(() => intCall(S("12"), I(1)))).toBe("ValueError: int() base must be >= 2 and <= 36, or 0");
    expect(raises(() => intCall(I(12), I(10)))).toBe("TypeError: int() can't convert non-string with explicit base");
    expect(raises(() => intCall(None))).toBe("TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'");
    expect(raises(() => intCall(F(NaN)))).toBe("ValueError: cannot convert float NaN to integer");
    expect(raises(() => intCall(F(Infinity)))).toBe("OverflowError: cannot convert float infinity to integer");
    expect(raises(() => intCall(newBytes(Uint8Array.of(0xff))))).toBe("ValueError: invalid literal for int() with base 10: b'\\xff'");
    expect(raises(() => intCall(S("5"), I(10), I(3)))).toBe("TypeError: int() takes at most 2 arguments (3 given)");
    expect(raises(() => intCall(S(""), S("a")))).toBe("TypeError: 'str' object cannot be interpreted as an integer");
  });

  test("int(x) of an exact int is x", () => {
    const x = I(12345);
    const y = intCall(x);
    expect(y).toBe(x);
  });

  test("methods", () => {
    expect(callRepr(I(5), "bit_length")).toBe("3");
    expect(callRepr(I(2 ** 40), "bit_length")).toBe("41");
    expect(callRepr(I(-255), "bit_count")).toBe("8");
    expect(callRepr(I(10), "as_integer_ratio")).toBe("(10, 1)");
    expect(callRepr(True, "as_integer_ratio")).toBe("(1, 1)");
    expect(callRepr(I(5), "__getnewargs__")).toBe("(5,)");
    expect(callRepr(I(5), "conjugate")).toBe("5");
    expect(callRepr(I(12345), "__round__", I(-2))).toBe("12300");
    expect(callRepr(I(15), "__round__", I(-1))).toBe("20");
    expect(callRepr(I(25), "__round__", I(-1))).toBe("20");
    expect(callRepr(I(-25), "__round__", I(-1))).toBe("-20");
    expect(callRepr(I(2n ** 100n), "__round__", I(-29))).toBe("1300000000000000000000000000000");
    expect(raises(() => call(I(5), "__round__", None))).toBe("TypeError: 'NoneType' object cannot be interpreted as an integer");
    expect(callRepr(I(255), "__format__", S("x"))).toBe("'ff'");
    expect(callRepr(True, "__format__", S(""))).toBe("'True'");
    expect(callRepr(True, "__format__", S("d"))).toBe("'1'");
    expect(callRepr(True, "__format__", S("^5"))).toBe("'  1  '");
    expect(callRepr(I(5), "__sizeof__")).toBe("28");
    expect(callRepr(I(2n ** 100n), "__sizeof__")).toBe("40");
  });

  test("to_bytes / from_bytes", () => {
    expect(callRepr(I(5), "to_bytes")).toBe("b'\\x05'");
    expect(callRepr(I(5), "to_bytes", I(2))).toBe("b'\\x00\\x05'");
    expect(callRepr(I(5), "to_bytes", I(2), S("little"))).toBe("b'\\x05\\x00'");
    expect(repr(callKw(I(-5), "to_bytes", [I(2)], { signed: True }))).toBe("b'\\xff\\xfb'");
    expect(raises(() => call(I(5), "to_bytes", I(2), S("x")))).toBe("ValueError: byteorder must be either 'little' or 'big'");
    expect(raises(() => callKw(I(128), "to_bytes", [I(1), S("big")], { signed: True }))).toBe("OverflowError: int too big to convert");
    expect(raises(() => call(I(-1), "to_bytes", I(1), S("big")))).toBe("OverflowError: can't convert negative int to unsigned");
    expect(raises(() => call(I(5), "to_bytes", I(-1), S("big")))).toBe("ValueError: length argument must be non-negative");
    expect(repr(call(IntType, "from_bytes", newBytes(Uint8Array.of(1, 2))))).toBe("258");
    expect(repr(callKw(IntType, "from_bytes", [newBytes(Uint8Array.of(0xff, 0xff)), S("big")], { signed: True }))).toBe("-1");
    expect(raises(() => call(IntType, "from_bytes", S("ab"), S("big")))).toBe("TypeError: cannot convert 'str' object to bytes");
  });

  test("getset attributes", () => {
    const { getAttr } = { getAttr: (o: ReturnType<typeof I>, n: string) => call(o, "__getattribute__", newStr(n)) };
    expect(repr(getAttr(True, "real"))).toBe("1");
    expect(repr(getAttr(I(5), "imag"))).toBe("0");
    expect(repr(getAttr(I(5), "denominator"))).toBe("1");
    expect(isInt(I(3))).toBe(true);
    void tupleFromBorrowed;
  });
});
