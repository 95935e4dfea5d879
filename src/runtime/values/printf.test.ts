// Tests for printf.ts (str % args) against values measured with CPython 3.11.7.
// The hooks below are a tiny stand-in for the object layer: they model int,
// bool, float, str, None, tuple, list and dict well enough for str(), repr()
// and the numeric conversions PyUnicode_Format asks for.
import { describe, expect, it } from "vitest";
import { ValueAlgorithmError } from "./errors.js";
import { floatRepr, floatToBigInt } from "./floatrepr.js";
import { bigIntToFloat } from "./formatspec.js";
import { intToString } from "./intformat.js";
import { printfFormat, type PrintfArgs, type PrintfHooks } from "./printf.js";
import { strAscii, strRepr } from "./strmethods.js";
import { PRINTF, type Outcome, type PyVal } from "./testdata/format.cases.js";

function repr(v: PyVal, ascii = false): string {
  if (v === null) return "None";
  if (typeof v === "bigint") return intToString(v);
  if (typeof v === "string") return ascii ? strAscii(v) : strRepr(v);
  if ("f" in v) return floatRepr(v.f);
  if ("b" in v) return v.b ? "True" : "False";
  if ("t" in v) return "(" + v.t.map((x) => repr(x, ascii)).join(", ") + (v.t.length === 1 ? ",)" : ")");
  if ("l" in v) return "[" + v.l.map((x) => repr(x, ascii)).join(", ") + "]";
  return "{" + v.d.map(([k, x]) => repr(k, ascii) + ": " + repr(x, ascii)).join(", ") + "}";
}

const hooks: PrintfHooks<PyVal> = {
  str: (v) => (typeof v === "string" ? v : repr(v)),
  repr: (v) => repr(v),
  ascii: (v) => repr(v, true),
  typeName(v) {
    if (v === null) return "NoneType";
    if (typeof v === "bigint") return "int";
    if (typeof v === "string") return "str";
    if ("f" in v) return "float";
    if ("b" in v) return "bool";
    if ("t" in v) return "tuple";
    if ("l" in v) return "list";
    return "dict";
  },
  strValue: (v) => (typeof v === "string" ? v : null),
  intValue(v) {
    if (typeof v === "bigint") return v;
    if (v !== null && typeof v === "object" && "b" in v) return v.b ? 1n : 0n;
    return null;
  },
  toInt: (v) => (v !== null && typeof v === "object" && "f" in v ? floatToBigInt(v.f) : null),
  toIndex: () => null,
  toFloat(v) {
    if (typeof v === "bigint") return bigIntToFloat(v);
    if (v !== null && typeof v === "object" && "f" in v) return v.f;
    if (v !== null && typeof v === "object" && "b" in v) return v.b ? 1 : 0;
    return null;
  },
  getItem(mapping, key) {
    if (mapping !== null && typeof mapping === "object" && "d" in mapping) {
      for (const [k, x] of mapping.d) if (k === key) return x;
    }
    throw new ValueAlgorithmError("KeyError", strRepr(key), key);
  },
};

function argsOf(v: PyVal): PrintfArgs<PyVal> {
  if (v !== null && typeof v === "object" && "t" in v) return { kind: "tuple", items: v.t };
  const isMapping = v !== null && typeof v === "object" && ("d" in v || "l" in v);
  return { kind: "single", value: v, isMapping };
}

function run(f: () => string): Outcome<string> {
  try {
    return { ok: f() };
  } catch (e) {
    if (e instanceof ValueAlgorithmError) return { err: [e.pyType, e.message] };
    throw e;
  }
}

const fmt = (format: string, v: PyVal) => run(() => printfFormat(format, argsOf(v), hooks));

describe("str % args", () => {
  it("the brief's messages", () => {
    expect(fmt("%s %s", { t: [1n] })).toEqual({ err: ["TypeError", "not enough arguments for format string"] });
    expect(fmt("%s", { t: [1n, 2n] })).toEqual({
      err: ["TypeError", "not all arguments converted during string formatting"],
    });
    expect(fmt("%d", "1")).toEqual({ err: ["TypeError", "%d format: a real number is required, not str"] });
    expect(fmt("%y", { t: [1n] })).toEqual({ err: ["ValueError", "unsupported format character 'y' (0x79) at index 1"] });
  });

  it("conversions and flags", () => {
    expect(fmt("%.2f", { f: 2.675 })).toEqual({ ok: "2.67" });
    expect(fmt("%(a)s%%%(b)d", { d: [["a", "x"], ["b", 2n]] })).toEqual({ ok: "x%2" });
    expect(fmt("%#x %#X %#o", { t: [255n, 255n, 8n] })).toEqual({ ok: "0xff 0XFF 0o10" });
    expect(fmt("%*.*s", { t: [6n, 2n, "abcd"] })).toEqual({ ok: "    ab" });
    expect(fmt("%5c|%-5c|%c", { t: [65n, "é", 0x1f600n] })).toEqual({ ok: "    A|é    |😀" });
  });

  it(`matches ${PRINTF.length} measured results`, () => {
    for (const [format, args, expected] of PRINTF) {
      expect(fmt(format, args), `${JSON.stringify(format)} % ${repr(args)}`).toEqual(expected);
    }
  });
});
