// Expected values measured on CPython 3.11.7.
import { describe, expect, test } from "vitest";
import { I, F, S, repr, str, call, callRepr, getsizeof, raises } from "./scalars.testutil.js";
import { None } from "./singletons.js";
import { ComplexType, newComplex } from "./complex.js";
import { binaryOp, callObject, numberPower, numberNegative, numberPositive, numberAbsolute, richCompareBool, objectHash, hashResult, isTrue, NB_ADD, NB_MULTIPLY, NB_TRUE_DIVIDE, NB_POWER, NB_FLOOR_DIVIDE, NB_REMAINDER } from "./abstract.js";
import { CMP_EQ, CMP_LT } from "./type.js";
import { hashToBigInt } from "./values/pyhash.js";

const C = (re: number, im: number) => newComplex(re, im);
function complexCall(...args: ReturnType<typeof S>[]): ReturnType<typeof S> {
  return callObject(ComplexType, args, 0, args.length, null);
}

describe("complex", () => {
  test("getsizeof 32", () => {
    expect(getsizeof(C(0, 1))).toBe(32);
  });

  test("repr", () => {
    expect(repr(C(0, 1))).toBe("1j");
    expect(repr(C(1, 2))).toBe("(1+2j)");
    expect(repr(C(-0.0, -1))).toBe("(-0-1j)");
    expect(repr(C(0.0, -0.0))).toBe("-0j");
    expect(repr(C(-0.0, 0.0))).toBe("(-0+0j)");
    expect(repr(C(1.5, Infinity))).toBe("(1.5+infj)");
    expect(repr(C(NaN, 1))).toBe("(nan+1j)");
    expect(repr(C(0, 1e20))).toBe("1e+20j");
    expect(repr(C(1, 2.5))).toBe("(1+2.5j)");
    expect(str(C(1, 2))).toBe("(1+2j)");
  });

  test("arithmetic", () => {
    expect(repr(numberPower(C(1, 2), I(2), None))).toBe("(-3+4j)");
    expect(repr(numberPower(C(1, 2), F(0.5), None))).toBe("(1.272019649514069+0.7861513777574233j)");
    expect(repr(numberPower(C(0, 1), C(0, 1), None))).toBe("(0.20787957635076193+0j)");
    expect(repr(binaryOp(C(1, 2), I(1), NB_ADD))).toBe("(2+2j)");
    expect(repr(binaryOp(C(1, 2), C(3, 4), NB_MULTIPLY))).toBe("(-5+10j)");
    expect(repr(binaryOp(C(1, 2), C(3, 4), NB_TRUE_DIVIDE))).toBe("(0.44+0.08j)");
    expect(repr(numberNegative(C(0, 0)))).toBe("(-0-0j)");
    expect(repr(numberPositive(C(0, 1)))).toBe("1j");
    expect(repr(numberAbsolute(C(3, 4)))).toBe("5.0");
    expect(repr(numberAbsolute(C(1e308, 1e308)))).toBe("1.4142135623730951e+308");
    expect(raises(() => numberPower(C(0, 0), I(-1), None))).toBe("ZeroDivisionError: 0.0 to a negative or complex power");
    expect(raises(() => binaryOp(C(2, 0), I(0), NB_TRUE_DIVIDE))).toBe("ZeroDivisionError: complex division by zero");
    expect(raises(() => numberPower(C(0, 1), I(2), I(3)))).toBe("ValueError: complex modulo");
    expect(raises(() => numberPower(C(0, 1e200), I(2), None))).toBe("OverflowError: complex exponentiation");
    expect(raises(() => binaryOp(C(0, 1), I(2), NB_FLOOR_DIVIDE))).toBe("TypeError: unsupported operand type(s) for //: 'complex' and 'int'");
    expect(raises(() => binaryOp(C(0, 1), I(2), NB_REMAINDER))).toBe("TypeError: unsupported operand type(s) for %: 'complex' and 'int'");
    expect(isTrue(C(0, 0))).toBe(false);
  });

  test("comparison and hash", () => {
    expect(richCompareBool(C(0, 1), I(1), CMP_EQ)).toBe(false);
    expect(richCompareBool(C(1, 0), I(1), CMP_EQ)).toBe(true);
    expect(raises(() => richCompareBool(C(0, 1), C(0, 2), CMP_LT))).toBe("TypeError: '<' not supported between instances of 'complex' and 'complex'");
    const h = (o: ReturnType<typeof C>) => {
      objectHash(o);
      return hashToBigInt(hashResult.hi, hashResult.lo);
    };
    expect(h(C(1, 0))).toBe(1n);
    expect(h(C(0, 1))).toBe(1000003n);
  });

  test("complex(...) and methods", () => {
    expect(repr(complexCall(I(1), I(2)))).toBe("(1+2j)");
    expect(repr(complexCall(S("1+2j")))).toBe("(1+2j)");
    expect(repr(complexCall(S(" ( 1+2j ) ")))).toBe("(1+2j)");
    expect(repr(complexCall(C(0, 1), C(0, 1)))).toBe("(-1+1j)");
    expect(repr(complexCall())).toBe("0j");
    expect(repr(complexCall(S("j")))).toBe("1j");
    expect(repr(complexCall(S("-j")))).toBe("-1j");
    expect(repr(complexCall(S("1e3j")))).toBe("1000j");
    expect(raises(() => complexCall(S("x")))).toBe("ValueError: complex() arg is a malformed string");
    expect(raises(() => complexCall(S("1+2j"), I(1)))).toBe("TypeError: complex() can't take second arg if first is a string");
    expect(callRepr(C(0, 1), "conjugate")).toBe("-1j");
    expect(callRepr(C(1, 2), "__getnewargs__")).toBe("(1.0, 2.0)");
    expect(callRepr(C(1, 2), "__format__", S(".2f"))).toBe("'1.00+2.00j'");
    expect(callRepr(C(1, 2), "__format__", S(""))).toBe("'(1+2j)'");
    expect(callRepr(C(0, 1), "__complex__")).toBe("1j");
    expect(repr(call(C(0, 1), "__getattribute__", S("real")))).toBe("0.0");
  });
});
