// Tests for floatrepr.ts against values measured with CPython 3.11.7.
import { describe, expect, it } from "vitest";
import { ValueAlgorithmError } from "./errors.js";
import {
  complexRepr,
  doubleToString,
  exactDigits,
  fixedDigits,
  floatFromHex,
  floatHex,
  floatRepr,
  floatRound,
  floatRoundToIntegral,
  floatToBigInt,
  floatToIntegerRatio,
  parseFloat,
  roundDigits,
  significantDigits,
} from "./floatrepr.js";
import { formatFloatSpec } from "./formatspec.js";
import { floatParseErrorMessage } from "./intformat.js";
import {
  FLOAT_FORMAT,
  FLOAT_FROMHEX,
  FLOAT_HEX,
  FLOAT_PARSE,
  FLOAT_RATIO,
  FLOAT_REPR,
  FLOAT_ROUND,
  type Outcome,
} from "./testdata/float.cases.js";

function run<T>(f: () => T): Outcome<T> {
  try {
    return { ok: f() };
  } catch (e) {
    if (e instanceof ValueAlgorithmError) return { err: [e.pyType, e.message] };
    throw e;
  }
}

describe("repr(float)", () => {
  it("the brief's cases", () => {
    const cases: [number, string][] = [
      [1.0, "1.0"],
      [0.1, "0.1"],
      [1e16, "1e+16"],
      [1e-5, "1e-05"],
      [1.5e300, "1.5e+300"],
      [-0.0, "-0.0"],
      [Infinity, "inf"],
      [-Infinity, "-inf"],
      [NaN, "nan"],
      [123456789012345.0, "123456789012345.0"],
      [1234567890123456.8, "1234567890123456.8"],
      [0.0001, "0.0001"],
      [9999999999999998.0, "9999999999999998.0"],
      [5e-324, "5e-324"],
      [1e22, "1e+22"],
    ];
    for (const [x, s] of cases) expect(floatRepr(x)).toBe(s);
  });

  it(`matches ${FLOAT_REPR.length} measured reprs`, () => {
    for (const [x, s] of FLOAT_REPR) {
      expect(floatRepr(x), s).toBe(s);
      expect(doubleToString(x, "r", 0, { addDot0: true }), s).toBe(s);
    }
  });
});

describe("format(float, spec)", () => {
  it("rounds half to even on the exact binary value", () => {
    expect(formatFloatSpec(2.5, ".0f")).toBe("2");
    expect(formatFloatSpec(0.125, ".2f")).toBe("0.12");
    expect(formatFloatSpec(0.375, ".2f")).toBe("0.38");
    expect(formatFloatSpec(2.675, ".2f")).toBe("2.67");
    expect(formatFloatSpec(1.5, ".0f")).toBe("2");
    expect(formatFloatSpec(0.5, ".0f")).toBe("0");
    expect(formatFloatSpec(25, ".0e")).toBe("2e+01");
    expect(formatFloatSpec(1e300, "f").length).toBe(308);
  });

  it("no type with a precision behaves like 'g' with a '.0'", () => {
    expect(formatFloatSpec(1.0, ".3")).toBe("1.0");
    expect(formatFloatSpec(1e20, ".3")).toBe("1e+20");
    expect(formatFloatSpec(123.0, ".2")).toBe("1.2e+02");
    expect(formatFloatSpec(-0.0, "z")).toBe("0.0");
    expect(formatFloatSpec(-0.0001, "z.2f")).toBe("0.00");
    expect(formatFloatSpec(NaN, "+")).toBe("+nan");
  });

  it(`matches ${FLOAT_FORMAT.length} measured format() results`, () => {
    for (const [x, spec, expected] of FLOAT_FORMAT) {
      expect(run(() => formatFloatSpec(x, spec)), `format(${x}, ${JSON.stringify(spec)})`).toEqual(expected);
    }
  });
});

describe("digit generation", () => {
  it("fast paths agree with the exact expansion", () => {
    let seed = 12345;
    const rand = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    const f64 = new Float64Array(1);
    const u32 = new Uint32Array(f64.buffer);
    for (let i = 0; i < 2000; i++) {
      u32[0] = rand();
      u32[1] = rand();
      const x = f64[0]!;
      if (!Number.isFinite(x)) continue;
      const n = 1 + (rand() % 30);
      expect(significantDigits(x, n)).toEqual(roundDigits(exactDigits(x), n));
      const f = rand() % 30;
      const d = exactDigits(x);
      expect(fixedDigits(x, f)).toEqual(roundDigits(d, d.decpt + f));
    }
    // short decimals produce exact ties
    for (let i = 0; i < 2000; i++) {
      const digits = rand() % 6;
      const x = ((rand() % 100000) + 0.5) / 10 ** digits;
      const d = exactDigits(x);
      expect(fixedDigits(x, digits)).toEqual(roundDigits(d, d.decpt + digits));
      expect(significantDigits(x, 3)).toEqual(roundDigits(d, 3));
    }
  });

  it("exactDigits expands the binary value", () => {
    expect(exactDigits(0.1)).toEqual({ digits: "1000000000000000055511151231257827021181583404541015625", decpt: 0 });
    expect(exactDigits(2.675)).toEqual({ digits: "267499999999999982236431605997495353221893310546875", decpt: 1 });
    expect(exactDigits(1024)).toEqual({ digits: "1024", decpt: 4 });
    expect(exactDigits(0)).toEqual({ digits: "", decpt: 0 });
  });

  it("doubleToString flags", () => {
    expect(doubleToString(1.5, "f", 2, { sign: true })).toBe("+1.50");
    expect(doubleToString(1.0, "g", 3, { alt: true })).toBe("1.00");
    expect(doubleToString(-0.0, "f", 1, { noNeg0: true })).toBe("0.0");
    expect(doubleToString(-0.04, "f", 1, { noNeg0: true })).toBe("0.0");
    expect(doubleToString(-0.06, "f", 1, { noNeg0: true })).toBe("-0.1");
    expect(doubleToString(Infinity, "F", 2)).toBe("INF");
  });
});

describe("round(float, n)", () => {
  it("the classic cases", () => {
    expect(floatRound(2.675, 2)).toBe(2.67);
    expect(floatRound(0.5, 0)).toBe(0);
    expect(floatRound(1.5, 0)).toBe(2);
    expect(Object.is(floatRound(-0.001, 2), -0)).toBe(true);
    expect(floatRound(1234.5, -1)).toBe(1230);
    expect(() => floatRound(1.7976931348623157e308, -308)).toThrow("rounded value too large to represent");
  });

  it(`matches ${FLOAT_ROUND.length} measured round() results`, () => {
    for (const [x, n, expected] of FLOAT_ROUND) {
      const got = run(() => (n === null ? floatRoundToIntegral(x) : floatRound(x, n)));
      if ("ok" in expected && "ok" in got) {
        expect(Object.is(got.ok, expected.ok) || got.ok === expected.ok, `round(${x}, ${n}) = ${got.ok}`).toBe(true);
      } else {
        expect(got, `round(${x}, ${n})`).toEqual(expected);
      }
    }
  });
});

describe("float(str)", () => {
  it("accepts Python's spellings and rejects the rest", () => {
    expect(parseFloat(" 1_000.5 ")).toBe(1000.5);
    expect(parseFloat("-iNfInItY")).toBe(-Infinity);
    expect(parseFloat("+nan")).toBeNaN();
    expect(parseFloat("1__0")).toBeNull();
    expect(parseFloat("0x10")).toBeNull();
    expect(parseFloat("١٢٣")).toBe(123);
    expect(floatParseErrorMessage("x")).toBe("could not convert string to float: 'x'");
  });

  it(`matches ${FLOAT_PARSE.length} measured float() results`, () => {
    for (const [s, expected] of FLOAT_PARSE) {
      const got = parseFloat(s);
      if (expected === null) expect(got, JSON.stringify(s)).toBeNull();
      else expect(Object.is(got, expected) || (got !== null && Number.isNaN(got) && Number.isNaN(expected)), JSON.stringify(s)).toBe(true);
    }
  });
});

describe("as_integer_ratio, hex, fromhex, int()", () => {
  it(`matches ${FLOAT_RATIO.length} measured as_integer_ratio() results`, () => {
    for (const [x, expected] of FLOAT_RATIO) {
      expect(run(() => floatToIntegerRatio(x)), String(x)).toEqual(expected);
    }
  });

  it(`matches ${FLOAT_HEX.length} measured hex() results`, () => {
    for (const [x, expected] of FLOAT_HEX) expect(floatHex(x), String(x)).toBe(expected);
  });

  it(`matches ${FLOAT_FROMHEX.length} measured fromhex() results`, () => {
    for (const [s, expected] of FLOAT_FROMHEX) {
      const got = run(() => floatFromHex(s));
      if ("ok" in expected && "ok" in got) {
        expect(Object.is(got.ok, expected.ok) || (Number.isNaN(got.ok) && Number.isNaN(expected.ok)), JSON.stringify(s)).toBe(true);
      } else {
        expect(got, JSON.stringify(s)).toEqual(expected);
      }
    }
  });

  it("int(float)", () => {
    expect(floatToBigInt(-3.7)).toBe(-3n);
    expect(floatToBigInt(1e20)).toBe(100000000000000000000n);
    expect(() => floatToBigInt(NaN)).toThrow("cannot convert float NaN to integer");
    expect(() => floatToBigInt(-Infinity)).toThrow("cannot convert float infinity to integer");
  });
});

describe("repr(complex)", () => {
  it("matches measured reprs", () => {
    const cases: [number, number, string][] = [
      [1, 2, "(1+2j)"],
      [-0.0, 1, "(-0+1j)"],
      [0, -0.0, "-0j"],
      [0, 0, "0j"],
      [-0.0, -0.0, "(-0-0j)"],
      [1e16, NaN, "(1e+16+nanj)"],
      [-Infinity, -Infinity, "(-inf-infj)"],
      [1.5, -2.5, "(1.5-2.5j)"],
      [0, 3, "3j"],
      [0.1, 1e-5, "(0.1+1e-05j)"],
      [2 ** 53, 1e300, "(9007199254740992+1e+300j)"],
      [NaN, 0, "(nan+0j)"],
    ];
    for (const [re, im, r] of cases) expect(complexRepr(re, im)).toBe(r);
  });
});
