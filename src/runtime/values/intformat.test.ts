// Tests for intformat.ts against values measured with CPython 3.11.7.
import { afterEach, describe, expect, it } from "vitest";
import { ValueAlgorithmError } from "./errors.js";
import { formatInt } from "./formatspec.js";
import {
  checkIntBase,
  checkIntToStrLimit,
  checkStrToIntLimit,
  getIntMaxStrDigits,
  intParseErrorMessage,
  intToBin,
  intToHex,
  intToOct,
  intToString,
  parseInt,
  setIntMaxStrDigits,
} from "./intformat.js";
import { BOOL_FORMAT, INT_FORMAT, INT_PARSE, INT_PARSE_LIMIT, INT_STR, type Outcome } from "./testdata/int.cases.js";

function run<T>(f: () => T): Outcome<T> {
  try {
    return { ok: f() };
  } catch (e) {
    if (e instanceof ValueAlgorithmError) return { err: [e.pyType, e.message] };
    throw e;
  }
}

afterEach(() => setIntMaxStrDigits(4300));

describe("int(str, base)", () => {
  it("base prefixes, underscores and whitespace", () => {
    expect(parseInt("0x_1f", 0)).toBe(31n);
    expect(parseInt("0x1f", 16)).toBe(31n);
    expect(parseInt("010", 0)).toBeNull();
    expect(parseInt("0_0", 0)).toBe(0n);
    expect(parseInt(" -12 ", 10)).toBe(-12n);
    expect(parseInt("1__0")).toBeNull();
    expect(parseInt("0b_", 0)).toBeNull();
    expect(parseInt("١٢")).toBe(12n);
    expect(parseInt("\u3000 7\u2003")).toBe(7n);
    expect(parseInt("\x1c1")).toBeNull();
    expect(() => checkIntBase(37)).toThrow("int() base must be >= 2 and <= 36, or 0");
    expect(() => parseInt("1", 1)).toThrow("int() base must be >= 2 and <= 36, or 0");
    expect(intParseErrorMessage("abc", 10)).toBe("invalid literal for int() with base 10: 'abc'");
    expect(intParseErrorMessage("1".repeat(300) + "x", 10)).toBe(
      "invalid literal for int() with base 10: '" + "1".repeat(199),
    );
  });

  it(`matches ${INT_PARSE.length} measured int() results`, () => {
    for (const [s, base, expected] of INT_PARSE) {
      expect(parseInt(s, base), `int(${JSON.stringify(s)}, ${base})`).toBe(expected);
    }
  });

  it(`matches ${INT_PARSE_LIMIT.length} measured results at the 4300-digit limit`, () => {
    for (const [s, base, expected] of INT_PARSE_LIMIT) {
      const got = run(() => {
        const v = parseInt(s, base);
        if (v === null) throw new ValueAlgorithmError("ValueError", intParseErrorMessage(s, base));
        return "ok";
      });
      expect(got, `int(<${s.length} chars>, ${base})`).toEqual(expected);
    }
  });
});

describe("the digit limit", () => {
  it("has CPython's messages in both directions", () => {
    expect(() => parseInt("1".repeat(5000))).toThrow(
      "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit",
    );
    expect(() => intToString(10n ** 4300n)).toThrow(
      "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
    );
    expect(intToString(10n ** 4299n).length).toBe(4300);
    expect(intToString(-(10n ** 4299n)).length).toBe(4301);
    expect(intToString(10n ** 4300n, 16).length).toBeGreaterThan(3000);
    expect(() => checkIntToStrLimit(10n ** 5000n)).toThrow(ValueAlgorithmError);
    expect(() => checkIntToStrLimit(10n ** 4299n)).not.toThrow();
    expect(() => checkStrToIntLimit(4301)).toThrow("value has 4301 digits");
    expect(() => checkStrToIntLimit(4300)).not.toThrow();
  });

  it("follows sys.set_int_max_str_digits", () => {
    expect(() => setIntMaxStrDigits(5)).toThrow("maxdigits must be 0 or larger than 640");
    expect(() => setIntMaxStrDigits(-1)).toThrow("maxdigits must be 0 or larger than 640");
    setIntMaxStrDigits(640);
    expect(getIntMaxStrDigits()).toBe(640);
    expect(() => intToString(10n ** 640n)).toThrow("Exceeds the limit (640 digits) for integer string conversion;");
    expect(intToString(10n ** 639n).length).toBe(640);
    expect(() => parseInt("1".repeat(641))).toThrow("value has 641 digits");
    setIntMaxStrDigits(0);
    expect(intToString(10n ** 5000n).length).toBe(5001);
    expect(parseInt("1".repeat(5000))).toBe(BigInt("1".repeat(5000)));
  });
});

describe("str/bin/oct/hex", () => {
  it(`matches ${INT_STR.length} measured conversions`, () => {
    for (const [n, s, b, o, x] of INT_STR) {
      expect(intToString(n)).toBe(s);
      expect(intToBin(n)).toBe(b);
      expect(intToOct(n)).toBe(o);
      expect(intToHex(n)).toBe(x);
    }
    expect(intToString(-255n, 16)).toBe("-ff");
    expect(intToString(35n, 36)).toBe("z");
  });
});

describe("format(int, spec)", () => {
  it("zero padding is grouped too", () => {
    expect(formatInt(1234n, "09,")).toBe("0,001,234");
    expect(formatInt(1234n, "08,")).toBe("0,001,234");
    expect(formatInt(255n, "#010_x")).toBe("0x000_00ff");
    expect(formatInt(65n, "05c")).toBe("0000A");
  });

  it(`matches ${INT_FORMAT.length} measured format() results`, () => {
    for (const [v, spec, expected] of INT_FORMAT) {
      let got = run(() => formatInt(v, spec));
      if ("ok" in expected && expected.ok.startsWith("len:") && "ok" in got) got = { ok: "len:" + got.ok.length };
      expect(got, `format(${v}, ${JSON.stringify(spec)})`).toEqual(expected);
    }
  });

  it(`matches ${BOOL_FORMAT.length} measured format(bool) results`, () => {
    for (const [v, spec, expected] of BOOL_FORMAT) {
      expect(run(() => formatInt(v ? 1n : 0n, spec, "bool")), `format(${v}, ${JSON.stringify(spec)})`).toEqual(expected);
    }
  });
});
