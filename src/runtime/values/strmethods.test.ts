// Tests for strmethods.ts and unicode.ts against values measured with CPython 3.11.7.
import { describe, expect, it } from "vitest";
import { ValueAlgorithmError } from "./errors.js";
import * as M from "./strmethods.js";
import { BYTES_REPR, STR_METHODS, type StrResults } from "./testdata/str.cases.js";
import { codePoints, cpLength, decimalValue, fromCodePoints, isBmpIndexable, maxCodePoint } from "./unicode.js";

const impl: { [K in keyof StrResults]: (s: string) => StrResults[K] } = {
  split: (s) => M.split(s),
  split1: (s) => M.split(s, null, 1),
  split0: (s) => M.split(s, null, 0),
  rsplit: (s) => M.rsplit(s),
  rsplit1: (s) => M.rsplit(s, null, 1),
  splitSpace: (s) => M.split(s, " "),
  splitA2: (s) => M.split(s, "a", 2),
  rsplitA2: (s) => M.rsplit(s, "a", 2),
  rsplitAA: (s) => M.rsplit(s, "aa"),
  splitAA: (s) => M.split(s, "aa"),
  splitlines: (s) => M.splitlines(s),
  splitlinesKeep: (s) => M.splitlines(s, true),
  strip: (s) => M.strip(s),
  lstrip: (s) => M.lstrip(s),
  rstrip: (s) => M.rstrip(s),
  stripChars: (s) => M.strip(s, "a😀'"),
  expandtabs: (s) => M.expandtabs(s),
  expandtabs4: (s) => M.expandtabs(s, 4),
  expandtabs0: (s) => M.expandtabs(s, 0),
  center9: (s) => M.center(s, 9),
  center10: (s) => M.center(s, 10, "*"),
  ljust8: (s) => M.ljust(s, 8, "😀"),
  rjust8: (s) => M.rjust(s, 8),
  zfill8: (s) => M.zfill(s, 8),
  upper: (s) => M.upper(s),
  lower: (s) => M.lower(s),
  title: (s) => M.title(s),
  capitalize: (s) => M.capitalize(s),
  swapcase: (s) => M.swapcase(s),
  casefold: (s) => M.casefold(s),
  isidentifier: (s) => M.isidentifier(s),
  isdigit: (s) => M.isdigit(s),
  isdecimal: (s) => M.isdecimal(s),
  isnumeric: (s) => M.isnumeric(s),
  isalpha: (s) => M.isalpha(s),
  isalnum: (s) => M.isalnum(s),
  isspace: (s) => M.isspace(s),
  isprintable: (s) => M.isprintable(s),
  isupper: (s) => M.isupper(s),
  islower: (s) => M.islower(s),
  istitle: (s) => M.istitle(s),
  isascii: (s) => M.isascii(s),
  repr: (s) => M.strRepr(s),
  ascii: (s) => M.strAscii(s),
  replaceEmpty: (s) => M.replace(s, "", "-"),
  replaceEmpty2: (s) => M.replace(s, "", "-", 2),
  replaceA: (s) => M.replace(s, "a", "XY", 1),
  len: (s) => cpLength(s),
};

describe("measured str methods", () => {
  const names = Object.keys(impl) as (keyof StrResults)[];
  for (const name of names) {
    it(`${name} on ${STR_METHODS.length} strings`, () => {
      for (const [s, results] of STR_METHODS) {
        expect(impl[name](s), `${JSON.stringify(s)}.${name}`).toEqual(results[name]);
      }
    });
  }
});

describe("repr / ascii", () => {
  it("quoting and escapes", () => {
    expect(M.strRepr("it's")).toBe('"it\'s"');
    expect(M.strRepr('a"b\'c')).toBe("'a\"b\\'c'");
    expect(M.strRepr("\x00\t\n\r\x7f\x80\xa0\u2028é😀\ud800")).toBe(
      "'\\x00\\t\\n\\r\\x7f\\x80\\xa0\\u2028é😀\\ud800'",
    );
    expect(M.strAscii("é€😀")).toBe("'\\xe9\\u20ac\\U0001f600'");
    // unassigned in Unicode 14.0 (assigned later) is not printable for Python 3.11
    expect(M.strRepr("\u{1fae8}")).toBe("'\\U0001fae8'");
    expect(M.strRepr("\u0378")).toBe("'\\u0378'");
  });

  it(`matches ${BYTES_REPR.length} measured bytes reprs`, () => {
    for (const [b, r, ba] of BYTES_REPR) {
      expect(M.bytesRepr(Uint8Array.from(b))).toBe(r);
      expect(M.bytearrayRepr(Uint8Array.from(b))).toBe(ba);
    }
  });
});

describe("details", () => {
  it("split and rsplit", () => {
    expect(M.split("  a b  c  ", null, 1)).toEqual(["a", "b  c  "]);
    expect(M.rsplit("  a b  c  ", null, 1)).toEqual(["  a b", "c"]);
    expect(M.split("a\u3000b\x1cc")).toEqual(["a", "b", "c"]);
    expect(M.split("a,b,,c", ",", 2)).toEqual(["a", "b", ",c"]);
    expect(M.rsplit("a,b,,c", ",", 2)).toEqual(["a,b", "", "c"]);
    expect(M.rsplit("aaa", "aa")).toEqual(["a", ""]);
    expect(M.split("aaa", "aa")).toEqual(["", "a"]);
    expect(() => M.split("a", "")).toThrow(ValueAlgorithmError);
    expect(() => M.rsplit("a", "")).toThrow("empty separator");
  });

  it("splitlines boundaries", () => {
    expect(M.splitlines("a\r\nb\x1cc\x85d\n", true)).toEqual(["a\r\n", "b\x1c", "c\x85", "d\n"]);
    expect(M.splitlines("a\x1fb")).toEqual(["a\x1fb"]);
    expect(M.splitlines("")).toEqual([]);
  });

  it("padding", () => {
    expect(M.center("ab", 5)).toBe("  ab ");
    expect(M.center("abc", 6)).toBe(" abc  ");
    expect(M.center("a", 4, "😀")).toBe("😀a😀😀");
    expect(M.zfill("-42", 6)).toBe("-00042");
    expect(M.zfill("+", 3)).toBe("+00");
    expect(() => M.center("a", 5, "ab")).toThrow("The fill character must be exactly one character long");
  });

  it("case mapping", () => {
    expect(M.title("they're bill's friends")).toBe("They'Re Bill'S Friends");
    expect(M.capitalize("ǆabc")).toBe("ǅabc");
    expect(M.upper("ß")).toBe("SS");
    expect(M.lower("ΣΑΣ ΣΑΣ. ἈΣ")).toBe("σας σας. ἀς");
    expect(M.casefold("ßΣ")).toBe("ssσ");
    expect(M.swapcase("ǅΣaΣ")).toBe("ǅσAς");
    expect(M.lower("İ")).toBe("i\u0307");
    // case mapping added after Unicode 14.0 is not applied
    expect(M.upper("ƛ")).toBe("ƛ");
  });
});

describe("code point helpers", () => {
  it("treat surrogate pairs as one code point", () => {
    expect(cpLength("a😀b")).toBe(3);
    expect(cpLength("\ud800")).toBe(1);
    expect(codePoints("a😀\ud800")).toEqual([0x61, 0x1f600, 0xd800]);
    expect(fromCodePoints([0x61, 0x1f600, 0xd800])).toBe("a😀\ud800");
    expect(maxCodePoint("aé€")).toBe(0x20ac);
    expect(maxCodePoint("a😀")).toBe(0x1f600);
    expect(isBmpIndexable("abc\ud800")).toBe(true);
    expect(isBmpIndexable("a😀")).toBe(false);
    expect(decimalValue(0x0663)).toBe(3);
    expect(decimalValue(0x1d7ce + 13)).toBe(3);
    expect(decimalValue(0xb2)).toBe(-1);
  });
});
