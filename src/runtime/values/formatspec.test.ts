// Tests for formatspec.ts (str and spec parsing; int and float formatting are
// also covered by intformat.test.ts and floatrepr.test.ts) against CPython 3.11.7.
import { describe, expect, it } from "vitest";
import { ValueAlgorithmError } from "./errors.js";
import { formatFloatSpec, formatInt, formatStr, groupDigits, parseFormatSpec } from "./formatspec.js";
import { STR_FORMAT, type Outcome } from "./testdata/format.cases.js";

function run<T>(f: () => T): Outcome<T> {
  try {
    return { ok: f() };
  } catch (e) {
    if (e instanceof ValueAlgorithmError) return { err: [e.pyType, e.message] };
    throw e;
  }
}

describe("parseFormatSpec", () => {
  it("parses every field", () => {
    expect(parseFormatSpec("*^+z#012,.3f", "", ">", "float")).toEqual({
      fill: "*",
      align: "^",
      sign: "+",
      noNeg0: true,
      alternate: true,
      width: 12,
      grouping: ",",
      groupSize: 3,
      precision: 3,
      type: "f",
    });
    const zero = parseFormatSpec("010", "d", ">", "int");
    expect([zero.fill, zero.align, zero.width]).toEqual(["0", "=", 10]);
    const zs = parseFormatSpec("05", "s", "<", "str");
    expect([zs.fill, zs.align, zs.width]).toEqual(["0", "<", 5]);
    expect(parseFormatSpec("_x", "d", ">", "int").groupSize).toBe(4);
    expect(parseFormatSpec("😀<3", "s", "<", "str").fill).toBe("😀");
  });

  it("reports CPython's messages", () => {
    const err = (spec: string, typeName = "str", def = "s") => run(() => parseFormatSpec(spec, def, "<", typeName));
    expect(err("10ss")).toEqual({ err: ["ValueError", "Invalid format specifier '10ss' for object of type 'str'"] });
    expect(err(",_")).toEqual({ err: ["ValueError", "Cannot specify both ',' and '_'."] });
    expect(err("_,")).toEqual({ err: ["ValueError", "Cannot specify both ',' and '_'."] });
    expect(err(",")).toEqual({ err: ["ValueError", "Cannot specify ',' with 's'."] });
    expect(err(".")).toEqual({ err: ["ValueError", "Format specifier missing precision"] });
    expect(err(",\x01")).toEqual({ err: ["ValueError", "Cannot specify ',' with '\\x1'."] });
    expect(err("99999999999999999999")).toEqual({ err: ["ValueError", "Too many decimal digits in format string"] });
  });
});

describe("format(str, spec)", () => {
  it("the common cases", () => {
    expect(formatStr("ab", "^5")).toBe(" ab  ");
    expect(formatStr("ab", "*^5")).toBe("*ab**");
    expect(formatStr("ab", "05")).toBe("ab000");
    expect(formatStr("abcdef", ".3")).toBe("abc");
    expect(formatStr("😀x", "^4")).toBe(" 😀x ");
    expect(run(() => formatStr("ab", "x"))).toEqual({
      err: ["ValueError", "Unknown format code 'x' for object of type 'str'"],
    });
    expect(run(() => formatStr("ab", "d", "MyStr"))).toEqual({
      err: ["ValueError", "Unknown format code 'd' for object of type 'MyStr'"],
    });
  });

  it(`matches ${STR_FORMAT.length} measured format() results`, () => {
    for (const [s, spec, expected] of STR_FORMAT) {
      expect(run(() => formatStr(s, spec)), `format(${JSON.stringify(s)}, ${JSON.stringify(spec)})`).toEqual(expected);
    }
  });
});

describe("numbers", () => {
  it("grouping pads with grouped zeros", () => {
    expect(groupDigits("1234", 3, ",", 9)).toBe("0,001,234");
    expect(groupDigits("1234", 3, ",", 0)).toBe("1,234");
    expect(groupDigits("5", 0, "", 5)).toBe("00005");
    expect(groupDigits("ff", 4, "_", 8)).toBe("000_00ff");
  });

  it("floats and ints share the number layout", () => {
    expect(formatFloatSpec(1234.5, "010,.1f")).toBe("0,001,234.5");
    expect(formatFloatSpec(-1234.5, "+015,.2f")).toBe("-000,001,234.50");
    expect(formatFloatSpec(1234.5, "^+15,.2f")).toBe("   +1,234.50   ");
    expect(formatFloatSpec(Infinity, "010")).toBe("0000000inf");
    expect(formatFloatSpec(NaN, "=+08")).toBe("+0000nan");
    expect(formatInt(-255n, "#012_b")).toBe("-0b1111_1111");
    expect(formatInt(42n, "^7")).toBe("  42   ");
    expect(formatInt(5n, "%")).toBe("500.000000%");
    expect(run(() => formatInt(10n ** 400n, "e"))).toEqual({ err: ["OverflowError", "int too large to convert to float"] });
    expect(run(() => formatFloatSpec(1.5, "_x"))).toEqual({
      err: ["ValueError", "Unknown format code 'x' for object of type 'float'"],
    });
    expect(run(() => formatFloatSpec(1.5, ".1000000000000f"))).toEqual({ err: ["ValueError", "precision too big"] });
  });
});
