// Expected values measured on CPython 3.11.7.
import { describe, expect, test } from "vitest";
import { I, S, repr, call, callRepr, callKw, getsizeof, raises } from "./scalars.testutil.js";
import { STATIC_REFCNT } from "./object.js";
import { None } from "./singletons.js";
import { BytesType, EMPTY_BYTES, newBytes, oneByteBorrowed } from "./bytes.js";
import { binaryOp, callObject, getItem, getIter, iterNext, sequenceContains, richCompareBool, objectHash, hashResult, NB_REMAINDER, NB_ADD, NB_MULTIPLY } from "./abstract.js";
import { tupleFromBorrowed } from "./tuple.js";
import { newList, listAppend } from "./list.js";
import { newSlice } from "./sliceobject.js";
import { CMP_EQ, CMP_LT } from "./type.js";
import { hashToBigInt } from "./values/pyhash.js";
import { newFloat } from "./float.js";
import { getBuffer, releaseBuffer } from "./bufferproto.js";
import { ByteArrayType } from "./bytearray.js";

const enc = new TextEncoder();
const B = (s: string) => newBytes(Uint8Array.from(s, (c) => c.charCodeAt(0)));
function bytesCall(...args: ReturnType<typeof S>[]): ReturnType<typeof S> {
  return callObject(BytesType, args, 0, args.length, null);
}
function listOf(...items: ReturnType<typeof S>[]): ReturnType<typeof S> {
  const l = newList(0);
  for (const x of items) listAppend(l, x);
  return l;
}

describe("bytes objects", () => {
  test("getsizeof 33 + n", () => {
    expect(getsizeof(B(""))).toBe(33);
    expect(getsizeof(B("a"))).toBe(34);
    expect(getsizeof(B("abc"))).toBe(36);
    expect(BytesType.basicsize).toBe(33);
    expect(BytesType.itemsize).toBe(1);
    expect(callRepr(B("abc"), "__sizeof__")).toBe("36");
  });

  test("b'' and one-byte objects are static singletons", () => {
    expect(B("")).toBe(EMPTY_BYTES);
    expect(bytesCall()).toBe(EMPTY_BYTES);
    expect(B("x")).toBe(oneByteBorrowed(120));
    expect(EMPTY_BYTES.refcnt).toBeGreaterThanOrEqual(STATIC_REFCNT);
    const b = B("abc");
    expect(bytesCall(b)).toBe(b);
    expect(getItem(b, newSlice(None, None, None))).toBe(b);
  });

  test("repr, hash, indexing, slicing, containment", () => {
    expect(repr(B("it's"))).toBe("b\"it's\"");
    objectHash(B("a"));
    expect(hashToBigInt(hashResult.hi, hashResult.lo)).toBe(4644417185603328019n);
    expect(repr(getItem(B("abc"), I(1)))).toBe("98");
    expect(repr(getItem(B("abc"), newSlice(I(1), None, None)))).toBe("b'bc'");
    expect(raises(() => getItem(B("abc"), I(5)))).toBe("IndexError: index out of range");
    expect(sequenceContains(B("xaby"), B("ab"))).toBe(true);
    expect(sequenceContains(B("abc"), I(97))).toBe(true);
    expect(raises(() => sequenceContains(B("abc"), I(256)))).toBe("ValueError: byte must be in range(0, 256)");
    expect(raises(() => sequenceContains(B("abc"), S("a")))).toBe("TypeError: a bytes-like object is required, not 'str'");
    expect(richCompareBool(B("a"), B("b"), CMP_LT)).toBe(true);
    const it = getIter(B("ab"));
    expect(repr(iterNext(it)!)).toBe("97");
    expect(repr(iterNext(it)!)).toBe("98");
    expect(iterNext(it)).toBe(null);
  });

  test("concatenation and repetition", () => {
    expect(repr(binaryOp(B("a"), callObject(ByteArrayType, [B("b")], 0, 1, null), NB_ADD))).toBe("b'ab'");
    expect(raises(() => binaryOp(B("a"), S("b"), NB_ADD))).toBe("TypeError: can't concat str to bytes");
    expect(repr(binaryOp(B("abc"), I(2), NB_MULTIPLY))).toBe("b'abcabc'");
  });

  test("bytes(...)", () => {
    expect(repr(bytesCall(I(3)))).toBe("b'\\x00\\x00\\x00'");
    expect(raises(() => bytesCall(I(-1)))).toBe("ValueError: negative count");
    expect(raises(() => bytesCall(S("abc")))).toBe("TypeError: string argument without an encoding");
    expect(repr(bytesCall(S("abc"), S("ascii")))).toBe("b'abc'");
    expect(raises(() => bytesCall(B("ab"), S("ascii")))).toBe("TypeError: encoding without a string argument");
    expect(raises(() => bytesCall(listOf(I(1), I(256))))).toBe("ValueError: bytes must be in range(0, 256)");
    expect(raises(() => bytesCall(listOf(S("a"))))).toBe("TypeError: 'str' object cannot be interpreted as an integer");
    expect(raises(() => bytesCall(newFloat(1.5)))).toBe("TypeError: cannot convert 'float' object to bytes");
    expect(repr(bytesCall(listOf(I(104), I(105))))).toBe("b'hi'");
  });

  test("methods", () => {
    expect(repr(call(BytesType, "fromhex", S("01 ff")))).toBe("b'\\x01\\xff'");
    expect(raises(() => call(BytesType, "fromhex", S("0g")))).toBe("ValueError: non-hexadecimal number found in fromhex() arg at position 1");
    expect(callRepr(newBytes(Uint8Array.of(1, 255)), "hex")).toBe("'01ff'");
    expect(callRepr(newBytes(Uint8Array.of(1, 255, 2)), "hex", S(":"))).toBe("'01:ff:02'");
    expect(callRepr(newBytes(Uint8Array.of(1, 255, 2)), "hex", S(":"), I(2))).toBe("'01:ff02'");
    expect(callRepr(B(","), "join", listOf(B("a"), callObject(ByteArrayType, [B("b")], 0, 1, null)))).toBe("b'a,b'");
    expect(raises(() => call(B(","), "join", listOf(B("a"), S("b"))))).toBe("TypeError: sequence item 1: expected a bytes-like object, str found");
    expect(callRepr(B("a b  c"), "split")).toBe("[b'a', b'b', b'c']");
    expect(callRepr(B("a,b"), "split", B(","))).toBe("[b'a', b'b']");
    expect(callRepr(B("abc"), "find", B("c"))).toBe("2");
    expect(callRepr(B("abc"), "find", I(99))).toBe("2");
    expect(raises(() => call(B("abc"), "find", S("a")))).toBe("TypeError: argument should be integer or bytes-like object, not 'str'");
    expect(raises(() => call(B("abc"), "index", B("d")))).toBe("ValueError: subsection not found");
    expect(raises(() => call(B("abc"), "startswith", S("a")))).toBe("TypeError: startswith first arg must be bytes or a tuple of bytes, not str");
    expect(callRepr(B("abc"), "startswith", tupleFromBorrowed([B("x"), B("a")]))).toBe("True");
    expect(callRepr(B("abc"), "replace", B("b"), B("XX"))).toBe("b'aXXc'");
    expect(callRepr(B("abc"), "upper")).toBe("b'ABC'");
    expect(callRepr(B("Hello World"), "title")).toBe("b'Hello World'");
    expect(callRepr(B("abc"), "count", B(""))).toBe("4");
    expect(raises(() => call(B("abc"), "count", I(300)))).toBe("ValueError: byte must be in range(0, 256)");
    expect(raises(() => call(B("abc"), "split", B("")))).toBe("ValueError: empty separator");
    expect(raises(() => call(B("abc"), "center", I(5), S("x")))).toBe("TypeError: center() argument 2 must be a byte string of length 1, not str");
    expect(callRepr(B("a\tb"), "expandtabs")).toBe("b'a       b'");
    expect(repr(callKw(B("abc"), "translate", [None, B("b")], {}))).toBe("b'ac'");
    expect(raises(() => call(BytesType, "maketrans", B("a"), B("bc")))).toBe("ValueError: maketrans arguments must have same length");
    expect(callRepr(B("a\nb\r\nc"), "splitlines", I(1))).toBe("[b'a\\n', b'b\\r\\n', b'c']");
    expect(callRepr(B("-12"), "zfill", I(5))).toBe("b'-0012'");
    expect(callRepr(B(""), "isalpha")).toBe("False");
    expect(callRepr(B("x"), "__getnewargs__")).toBe("(b'x',)");
  });

  test("decode and its errors", () => {
    expect(callRepr(B("abc"), "decode")).toBe("'abc'");
    expect(raises(() => call(B("\xff"), "decode"))).toBe("UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    expect(raises(() => call(B("\xff"), "decode", S("ascii")))).toBe("UnicodeDecodeError: 'ascii' codec can't decode byte 0xff in position 0: ordinal not in range(128)");
    expect(callRepr(B("\xff"), "decode", S("ascii"), S("replace"))).toBe("'\ufffd'");
    expect(callRepr(B("\xff"), "decode", S("latin-1"))).toBe("'ÿ'");
    expect(callRepr(B("\xe9"), "decode", S("utf-8"), S("ignore"))).toBe("''");
    expect(raises(() => call(B("a\xc3"), "decode"))).toBe("UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc3 in position 1: unexpected end of data");
    expect(raises(() => call(B("\xed\xa0\x80"), "decode"))).toBe("UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte");
    expect(raises(() => call(B("abc"), "decode", S("foo")))).toBe("LookupError: unknown encoding: foo");
    expect(raises(() => call(B("x"), "decode", I(1)))).toBe("TypeError: decode() argument 'encoding' must be str, not int");
    expect(callRepr(newBytes(enc.encode("é€😀")), "decode")).toBe("'é€😀'");
  });

  test("% formatting", () => {
    expect(repr(binaryOp(B("%d %s %r"), tupleFromBorrowed([I(1), B("x"), B("y")]), NB_REMAINDER))).toBe("b\"1 x b'y'\"");
    expect(raises(() => binaryOp(B("%s"), S("x"), NB_REMAINDER))).toBe("TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'str'");
    expect(repr(binaryOp(B("%c"), I(65), NB_REMAINDER))).toBe("b'A'");
    expect(repr(binaryOp(B("%5.2f|%x|%a"), tupleFromBorrowed([newFloat(1.5), I(255), S("é")]), NB_REMAINDER))).toBe("b\" 1.50|ff|'\\\\xe9'\"");
  });

  test("operations that change nothing return the bytes object itself", () => {
    const b = B("hello");
    expect(call(b, "replace", B("z"), B("y"))).toBe(b);
    expect(call(b, "strip")).toBe(b);
    expect(binaryOp(b, I(1), NB_MULTIPLY)).toBe(b);
    expect(call(b, "center", I(3))).toBe(b);
    expect(call(b, "removeprefix", B("x"))).toBe(b);
    const parts = call(b, "split");
    expect(getItem(parts, I(0))).toBe(b);
    expect(call(B(","), "join", listOf(b))).toBe(b);
    expect(call(b, "upper")).not.toBe(b);
    expect(bytesCall(listOf(I(97)))).toBe(bytesCall(listOf(I(97))));
    expect(getItem(B("abc"), newSlice(I(0), I(1), None))).toBe(oneByteBorrowed(97));
  });

  test("buffer export is read-only", () => {
    const b = B("abc");
    const v = getBuffer(b);
    expect(v.readonly).toBe(true);
    expect([...v.data]).toEqual([97, 98, 99]);
    releaseBuffer(v);
    expect(raises(() => getBuffer(b, true))).toBe("BufferError: Object is not writable.");
    void richCompareBool;
    void CMP_EQ;
  });
});
