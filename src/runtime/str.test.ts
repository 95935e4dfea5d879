// Expected values measured on CPython 3.11.7 (sys.getsizeof, identity rules of facts §6.2,
// method results and error messages).
import { describe, expect, test } from "vitest";
import { I, S, repr, call, callRepr, callKw, getsizeof, raises, liveAllocationSizes } from "./scalars.testutil.js";
import { decref, newRef } from "./refcount.js";
import { STATIC_REFCNT } from "./object.js";
import { None } from "./singletons.js";
import {
  StrType,
  EMPTY_STR,
  newStr,
  staticStr,
  internStr,
  internStrObject,
  latin1CharBorrowed,
  strFromCodePoint,
  strHash,
  type PyStr,
} from "./str.js";
import { strAppendOwned, strConcat } from "./strtype.js";
import { binaryOp, callObject, getItem, sequenceContains, richCompareBool, hashResult, NB_REMAINDER } from "./abstract.js";
import { newSlice } from "./sliceobject.js";
import { CMP_LT } from "./type.js";
import { tupleFromBorrowed } from "./tuple.js";
import { newList, listAppend } from "./list.js";
import { newDict, dictSetItem } from "./dict.js";
import { newBytes } from "./bytes.js";
import { hashToBigInt } from "./values/pyhash.js";
import { newFloat } from "./float.js";

function strCall(...args: ReturnType<typeof S>[]): ReturnType<typeof S> {
  return callObject(StrType, args, 0, args.length, null);
}

function listOf(...items: ReturnType<typeof S>[]): ReturnType<typeof S> {
  const l = newList(0);
  for (const x of items) listAppend(l, x);
  return l;
}

describe("str layout", () => {
  test("getsizeof (facts §2.2)", () => {
    expect(getsizeof(S(""))).toBe(49);
    expect(getsizeof(S("a"))).toBe(50);
    expect(getsizeof(S("abc"))).toBe(52);
    expect(getsizeof(S("a".repeat(10)))).toBe(59);
    expect(getsizeof(S("é"))).toBe(74);
    expect(getsizeof(S("é".repeat(10)))).toBe(83);
    expect(getsizeof(S("€"))).toBe(76);
    expect(getsizeof(S("€".repeat(10)))).toBe(94);
    expect(getsizeof(S("😀"))).toBe(80);
    expect(getsizeof(S("😀".repeat(10)))).toBe(116);
    expect(StrType.basicsize).toBe(80);
    expect(StrType.itemsize).toBe(0);
  });

  test("the allocation is the whole compact object", () => {
    const text = "x".repeat(100);
    expect(liveAllocationSizes(() => newStr(text))).toEqual([149]);
    const wide = "€".repeat(10);
    expect(liveAllocationSizes(() => newStr(wide))).toEqual([94]);
  });

  test("length counts code points", () => {
    expect(callRepr(S("a😀b"), "__len__")).toBe("3");
    expect(repr(getItem(S("a😀b😀c"), I(3)))).toBe("'😀'");
    expect(repr(getItem(S("a😀b😀c"), newSlice(None, None, I(-1))))).toBe("'c😀b😀a'");
    expect(callRepr(S("a😀b😀c"), "find", S("c"))).toBe("4");
    expect(callRepr(S("a😀b😀c"), "index", S("b"))).toBe("2");
  });
});

describe("str identity (facts §6.2)", () => {
  test("static singletons", () => {
    expect(S("")).toBe(EMPTY_STR);
    expect(strCall()).toBe(EMPTY_STR);
    expect(EMPTY_STR.refcnt).toBeGreaterThanOrEqual(STATIC_REFCNT);
    expect(strFromCodePoint(97)).toBe(strFromCodePoint(97));
    expect(latin1CharBorrowed(0xe9).refcnt).toBeGreaterThanOrEqual(STATIC_REFCNT);
    expect(getItem(S("xyz"), I(1))).toBe(latin1CharBorrowed(121));
  });

  test("one-letter identifiers are not the Latin-1 singletons for the 3.11.7 letters", () => {
    // chr(97) is 'a' -> False; chr(81) is 'Q' -> True; sys.intern(chr(97)) is chr(97) -> False
    expect(staticStr("a")).not.toBe(strFromCodePoint(97));
    expect(staticStr("Q")).toBe(strFromCodePoint(81));
    expect(internStrObject(latin1CharBorrowed(97))).toBe(staticStr("a"));
    for (const ch of "BCLST_abcdefhijklmnopqrstvwxy") expect(staticStr(ch)).not.toBe(latin1CharBorrowed(ch.charCodeAt(0)));
    for (const ch of "ADEFGHIJKMNOPQRUVWXYZguz") expect(staticStr(ch)).toBe(latin1CharBorrowed(ch.charCodeAt(0)));
  });

  test("interning", () => {
    const a = newStr("hello" + " world");
    const b = newStr("hello world");
    expect(a).not.toBe(b);
    const ia = internStrObject(a);
    expect(ia).toBe(a);
    expect(internStrObject(b)).toBe(a);
    expect(internStr("hello world")).toBe(a);
  });

  test("operations that return the same object", () => {
    const s = S("abc");
    expect(getItem(s, newSlice(None, None, None))).toBe(s);
    expect(strConcat(s, EMPTY_STR)).toBe(s);
    expect(strCall(s)).toBe(s);
    expect(call(s, "strip")).toBe(s);
    expect(call(s, "replace", S("x"), S("y"))).toBe(s);
    expect(call(s, "center", I(2))).toBe(s);
    expect(call(S(","), "join", listOf(s))).toBe(s);
    const parts = call(s, "split", S(","));
    expect(getItem(parts, I(0))).toBe(s);
    // Case methods always build a new string.
    expect(call(s, "lower")).not.toBe(s);
  });

  test("s += t resizes in place when s has no other reference", () => {
    let s = newStr("abcdef") as PyStr;
    const address = s.address;
    s = strAppendOwned(s, S("gh"));
    expect(s.value).toBe("abcdefgh");
    expect(s.address).toBe(address); // 57 -> 57 bytes: realloc stays in the 64-byte block
    const shared = newRef(s);
    const t = strAppendOwned(s, S("ij"));
    expect(t).not.toBe(shared);
    expect(shared.value).toBe("abcdefgh");
    expect(t.value).toBe("abcdefghij");
  });
});

describe("str operations", () => {
  test("concatenation, repetition, containment, indexing errors", () => {
    expect(raises(() => strConcat(S("abc"), I(1)))).toBe('TypeError: can only concatenate str (not "int") to str');
    expect(callRepr(S("ab"), "__mul__", I(3))).toBe("'ababab'");
    expect(callRepr(S("ab"), "__mul__", I(-1))).toBe("''");
    expect(sequenceContains(S("abc"), S("x"))).toBe(false);
    expect(raises(() => sequenceContains(S("abc"), I(1)))).toBe("TypeError: 'in <string>' requires string as left operand, not int");
    expect(raises(() => getItem(S("abc"), I(5)))).toBe("IndexError: string index out of range");
    expect(raises(() => getItem(S("abc"), newBytes(Uint8Array.of(1, 2))))).toBe("TypeError: string indices must be integers, not 'bytes'");
    expect(repr(getItem(S("abc"), newSlice(None, None, I(2))))).toBe("'ac'");
    expect(richCompareBool(S("\uffff"), S("😀"), CMP_LT)).toBe(true);
  });

  test("repr and hash", () => {
    expect(repr(S("a'b\"c"))).toBe("'a\\'b\"c'");
    expect(repr(S("\n\x00é😀\u200b"))).toBe("'\\n\\x00é😀\\u200b'");
    const s = S("a") as PyStr;
    strHash(s);
    expect(hashToBigInt(hashResult.hi, hashResult.lo)).toBe(4644417185603328019n);
    expect(s.hashCached).toBe(true);
  });

  test("str(...)", () => {
    expect(repr(strCall(newBytes(new TextEncoder().encode("abc")), S("ascii")))).toBe("'abc'");
    expect(repr(strCall(newBytes(Uint8Array.of(0xff)), S("utf-8"), S("replace")))).toBe("'\ufffd'");
    expect(raises(() => strCall(S("abc"), S("ascii")))).toBe("TypeError: decoding str is not supported");
    expect(raises(() => strCall(I(1), S("ascii")))).toBe("TypeError: decoding to str: need a bytes-like object, int found");
    expect(repr(strCall(I(12)))).toBe("'12'");
  });
});

describe("str methods", () => {
  const r = (s: string, name: string, ...args: ReturnType<typeof S>[]) => callRepr(S(s), name, ...args);

  test("split family", () => {
    expect(r("a,b,,c", "split", S(","))).toBe("['a', 'b', '', 'c']");
    expect(r(" a  b ", "split")).toBe("['a', 'b']");
    expect(r("a b c", "split", None, I(1))).toBe("['a', 'b c']");
    expect(r("a b c", "rsplit", None, I(1))).toBe("['a b', 'c']");
    expect(r("a\nb\r\nc\rd", "splitlines")).toBe("['a', 'b', 'c', 'd']");
    expect(r("a\nb", "splitlines", I(1))).toBe("['a\\n', 'b']");
    expect(raises(() => call(S("abc"), "split", S("")))).toBe("ValueError: empty separator");
    expect(r("a,b,c", "partition", S(","))).toBe("('a', ',', 'b,c')");
    expect(r("a,b,c", "rpartition", S(","))).toBe("('a,b', ',', 'c')");
    expect(r("abc", "partition", S("x"))).toBe("('abc', '', '')");
  });

  test("strip, replace, search", () => {
    expect(r("  x  ", "strip")).toBe("'x'");
    expect(r("xxaxx", "strip", S("x"))).toBe("'a'");
    expect(r("abcabc", "replace", S("b"), S("XY"))).toBe("'aXYcaXYc'");
    expect(r("abc", "replace", S(""), S("-"))).toBe("'-a-b-c-'");
    expect(r("abcabc", "find", S("c"))).toBe("2");
    expect(r("abcabc", "rfind", S("c"))).toBe("5");
    expect(r("abcabc", "find", S("c"), I(3))).toBe("5");
    expect(r("abcabc", "find", S("c"), I(-2))).toBe("5");
    expect(raises(() => call(S("abc"), "index", S("d")))).toBe("ValueError: substring not found");
    expect(r("aaaa", "count", S("aa"))).toBe("2");
    expect(r("abc", "count", S(""))).toBe("4");
    expect(r("abc", "startswith", tupleFromBorrowed([S("x"), S("ab")]))).toBe("True");
    expect(r("abc", "startswith", S("b"), I(1))).toBe("True");
    expect(r("abc", "endswith", S("bc"), I(0), I(3))).toBe("True");
    expect(raises(() => call(S("abc"), "startswith", I(1)))).toBe("TypeError: startswith first arg must be str or a tuple of str, not int");
    expect(r("abcdef", "removeprefix", S("abc"))).toBe("'def'");
    expect(r("abc", "removesuffix", S("x"))).toBe("'abc'");
  });

  test("case methods and padding", () => {
    expect(r("ß", "upper")).toBe("'SS'");
    expect(r("ǅ", "lower")).toBe("'ǆ'");
    expect(r("hello world", "title")).toBe("'Hello World'");
    expect(r("hELLO", "capitalize")).toBe("'Hello'");
    expect(r("Straße", "casefold")).toBe("'strasse'");
    expect(r("aBc", "swapcase")).toBe("'AbC'");
    expect(r("abc", "center", I(8), S("*"))).toBe("'**abc***'");
    expect(r("abc", "center", I(6))).toBe("' abc  '");
    expect(raises(() => call(S("abc"), "ljust", I(5), S("xy")))).toBe("TypeError: The fill character must be exactly one character long");
    expect(r("-42", "zfill", I(6))).toBe("'-00042'");
    expect(r("a\tbc\td", "expandtabs", I(4))).toBe("'a   bc  d'");
    expect(r("x", "isidentifier")).toBe("True");
    expect(r("١٢", "isdecimal")).toBe("True");
  });

  test("join", () => {
    expect(raises(() => call(S(","), "join", listOf(S("a"), I(1))))).toBe("TypeError: sequence item 1: expected str instance, int found");
    expect(callRepr(S("-"), "join", listOf(S("a"), S("b")))).toBe("'a-b'");
  });

  test("format and format_map", () => {
    const f = (fmt: string, ...args: ReturnType<typeof S>[]) => callRepr(S(fmt), "format", ...args);
    expect(f("{0}-{1}", S("a"), S("b"))).toBe("'a-b'");
    expect(f("{}-{}", I(1), I(2))).toBe("'1-2'");
    expect(repr(callKw(S("{x}"), "format", [], { x: I(5) }))).toBe("'5'");
    expect(f("{0.real}", I(3))).toBe("'3'");
    expect(f("{0[1]}", listOf(I(5), I(6)))).toBe("'6'");
    const d = newDict();
    dictSetItem(d, S("k"), I(7));
    expect(f("{0[k]}", d)).toBe("'7'");
    expect(f("{!r}", S("a"))).toBe("\"'a'\"");
    expect(f("{:>{}}", S("x"), I(4))).toBe("'   x'");
    expect(f("{0:{1}{2}}", newFloat(3.14159), S("."), S("2f"))).toBe("'3.14'");
    expect(f("{{}}")).toBe("'{}'");
    expect(raises(() => call(S("{} {1}"), "format", I(1), I(2)))).toBe("ValueError: cannot switch from automatic field numbering to manual field specification");
    expect(raises(() => call(S("{1}"), "format", I(1)))).toBe("IndexError: Replacement index 1 out of range for positional args tuple");
    expect(raises(() => call(S("{x}"), "format"))).toBe("KeyError: 'x'");
    expect(raises(() => call(S("{"), "format"))).toBe("ValueError: Single '{' encountered in format string");
    expect(raises(() => call(S("}"), "format"))).toBe("ValueError: Single '}' encountered in format string");
    expect(raises(() => call(S("{0!x}"), "format", I(1)))).toBe("ValueError: Unknown conversion specifier x");
    expect(raises(() => call(S("{:{:{}}}"), "format", I(1), I(2), I(3)))).toBe("ValueError: Max string recursion exceeded");
    const m = newDict();
    dictSetItem(m, S("a"), I(1));
    expect(callRepr(S("{a}"), "format_map", m)).toBe("'1'");
    expect(raises(() => call(S("{0}"), "format_map", newDict()))).toBe("ValueError: Format string contains positional fields");
    expect(callRepr(S("ab"), "__format__", S(">5"))).toBe("'   ab'");
    expect(raises(() => call(S("ab"), "__format__", S("d")))).toBe("ValueError: Unknown format code 'd' for object of type 'str'");
  });

  test("printf-style %", () => {
    const args = tupleFromBorrowed([S("a"), I(42), newFloat(3.14159), S("b"), I(255)]);
    expect(repr(binaryOp(S("%s-%d-%05.1f-%r-%x"), args, NB_REMAINDER))).toBe("\"a-42-003.1-'b'-ff\"");
    expect(raises(() => binaryOp(S("%d"), S("x"), NB_REMAINDER))).toBe("TypeError: %d format: a real number is required, not str");
    expect(raises(() => binaryOp(S("%s %s"), tupleFromBorrowed([I(1)]), NB_REMAINDER))).toBe("TypeError: not enough arguments for format string");
    const d = newDict();
    dictSetItem(d, S("a"), I(1));
    expect(repr(binaryOp(S("%(a)s"), d, NB_REMAINDER))).toBe("'1'");
  });

  test("encode, maketrans, translate", () => {
    expect(r("ab", "encode")).toBe("b'ab'");
    expect(r("é", "encode", S("latin1"))).toBe("b'\\xe9'");
    expect(repr(call(StrType, "maketrans", S("ab"), S("xy")))).toBe("{97: 120, 98: 121}");
    const table = call(StrType, "maketrans", S("ab"), S("x?"), S("c"));
    expect(r("abc", "translate", table)).toBe("'x?'");
    const t2 = newDict();
    dictSetItem(t2, I(97), None);
    dictSetItem(t2, I(98), S("BB"));
    expect(r("abc", "translate", t2)).toBe("'BBc'");
    expect(raises(() => call(S("é"), "encode", S("ascii")))).toBe("UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)");
    expect(raises(() => call(S("éé"), "encode", S("ascii")))).toBe("UnicodeEncodeError: 'ascii' codec can't encode characters in position 0-1: ordinal not in range(128)");
    expect(raises(() => call(S("aé€"), "encode", S("latin-1")))).toBe("UnicodeEncodeError: 'latin-1' codec can't encode character '\\u20ac' in position 2: ordinal not in range(256)");
    expect(raises(() => call(S("\ud800"), "encode"))).toBe("UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position 0: surrogates not allowed");
    expect(r("é", "encode", S("ascii"), S("replace"))).toBe("b'?'");
    expect(r("é", "encode", S("ascii"), S("ignore"))).toBe("b''");
    expect(r("é", "encode", S("ascii"), S("xmlcharrefreplace"))).toBe("b'&#233;'");
    expect(r("é", "encode", S("ascii"), S("backslashreplace"))).toBe("b'\\\\xe9'");
    expect(raises(() => call(S("é"), "encode", S("ascii"), S("foo")))).toBe("LookupError: unknown error handler name 'foo'");
    expect(raises(() => call(S("a"), "encode", S("foo")))).toBe("LookupError: unknown encoding: foo");
  });

  test("__sizeof__ and __getnewargs__", () => {
    expect(r("abc", "__sizeof__")).toBe("52");
    expect(r("é", "__sizeof__")).toBe("74");
    expect(r("€", "__sizeof__")).toBe("76");
    expect(r("😀", "__sizeof__")).toBe("80");
    expect(r("", "__sizeof__")).toBe("49");
    expect(r("ab", "__getnewargs__")).toBe("('ab',)");
  });
});
