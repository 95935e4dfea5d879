// Expected values measured on CPython 3.11.7 (sys.getsizeof after each operation, the
// PyByteArray_Resize growth of facts §3.4, BufferError while a memoryview exists, §10.1).
import { describe, expect, test } from "vitest";
import { I, S, repr, call, callRepr, getsizeof, raises, liveAllocationSizes } from "./scalars.testutil.js";
import { decref } from "./refcount.js";
import { None } from "./singletons.js";
import { newBytes } from "./bytes.js";
import { ByteArrayType, newByteArray, type PyByteArray } from "./bytearray.js";
import { objectHash, binaryOp, callObject, getItem, setItem, delItem, getIter, iterNext, richCompareBool, NB_ADD, NB_MULTIPLY, numberInplace, NB_INPLACE_ADD, NB_INPLACE_MULTIPLY } from "./abstract.js";
import { newSlice } from "./sliceobject.js";
import { newList, listAppend } from "./list.js";
import { newRange } from "./rangeobject.js";
import { CMP_EQ, CMP_LT } from "./type.js";
import { getBuffer, releaseBuffer } from "./bufferproto.js";

const B = (s: string) => newBytes(Uint8Array.from(s, (c) => c.charCodeAt(0)));
function ba(...args: ReturnType<typeof S>[]): PyByteArray {
  return callObject(ByteArrayType, args, 0, args.length, null) as PyByteArray;
}
function listOf(...items: ReturnType<typeof S>[]): ReturnType<typeof S> {
  const l = newList(0);
  for (const x of items) listAppend(l, x);
  return l;
}
function after(b: PyByteArray, f: (b: PyByteArray) => unknown): [string, number] {
  const r = f(b);
  if (r !== null && typeof r === "object" && "refcnt" in (r as object)) decref(r as PyByteArray);
  return [repr(b), getsizeof(b)];
}

describe("bytearray layout and growth", () => {
  test("getsizeof = 56 + allocation", () => {
    expect(getsizeof(ba())).toBe(56);
    expect(getsizeof(ba(B("abc")))).toBe(60);
    expect(getsizeof(ba(I(10)))).toBe(67);
    expect(getsizeof(ba(listOf(I(1), I(2), I(3))))).toBe(60);
    expect(getsizeof(ba(newRange([I(100)])))).toBe(174);
    expect(getsizeof(ba(S("abc"), S("ascii")))).toBe(60);
    expect(ByteArrayType.basicsize).toBe(56);
  });

  test("append growth (PyByteArray_Resize)", () => {
    const b = ba();
    const seen: [number, number][] = [];
    let prev = -1;
    for (let i = 0; i < 200; i++) {
      decref(call(b, "append", I(1)));
      const s = getsizeof(b);
      if (s !== prev) seen.push([i + 1, s]);
      prev = s;
    }
    expect(seen).toEqual([[1, 58], [2, 61], [5, 64], [8, 68], [12, 75], [19, 83], [27, 92], [36, 102], [46, 113], [57, 126], [70, 140], [84, 156], [100, 174], [118, 194], [138, 217], [161, 243], [187, 272]]);
  });

  test("the buffer is a separate block of the allocation size", () => {
    const data = B("abc");
    expect(liveAllocationSizes(() => ba(data)).filter((n) => n !== 48)).toEqual([4, 56]);
  });

  test("sizes after mutations", () => {
    expect(after(ba(B("abc")), (b) => call(b, "clear"))).toEqual(["bytearray(b'')", 57]);
    expect(after(ba(B("abcdef")), (b) => call(b, "pop"))).toEqual(["bytearray(b'abcde')", 63]);
    expect(after(ba(B("abcdef")), (b) => delItem(b, newSlice(I(0), I(3), None)))).toEqual(["bytearray(b'def')", 63]);
    expect(after(ba(B("abcdef")), (b) => delItem(b, newSlice(I(0), I(4), None)))).toEqual(["bytearray(b'ef')", 59]);
    expect(after(ba(B("abcdef")), (b) => call(b, "extend", listOf(I(1), I(2), I(3))))).toEqual(["bytearray(b'abcdef\\x01\\x02\\x03')", 66]);
    expect(after(ba(B("abcdef")), (b) => call(b, "extend", B("123")))).toEqual(["bytearray(b'abcdef123')", 66]);
    expect(after(ba(B("ab")), (b) => numberInplace(b, I(10), NB_INPLACE_MULTIPLY))).toEqual(["bytearray(b'abababababababababab')", 77]);
    expect(after(ba(B("abc")), (b) => call(b, "insert", I(0), I(1)))).toEqual(["bytearray(b'\\x01abc')", 63]);
    expect(after(ba(B("abc")), (b) => call(b, "remove", I(98)))).toEqual(["bytearray(b'ac')", 60]);
    expect(after(ba(B("abc")), (b) => setItem(b, newSlice(I(1), I(2), None), B("XYZ")))).toEqual(["bytearray(b'aXYZc')", 62]);
    expect(after(ba(B("abcdefgh")), (b) => setItem(b, newSlice(I(0), I(1), None), B("")))).toEqual(["bytearray(b'bcdefgh')", 65]);
    expect(after(ba(B("abcdefgh")), (b) => delItem(b, newSlice(None, None, I(2))))).toEqual(["bytearray(b'bdfh')", 65]);
    expect(after(ba(B("abcdef")), (b) => delItem(b, I(0)))).toEqual(["bytearray(b'bcdef')", 63]);
    expect(after(ba(B("abc")), (b) => numberInplace(b, B("xyz"), NB_INPLACE_ADD))).toEqual(["bytearray(b'abcxyz')", 63]);
  });

  test("new bytearrays from operations allocate n + 1", () => {
    expect(getsizeof(binaryOp(ba(B("abc")), B("de"), NB_ADD))).toBe(62);
    expect(getsizeof(getItem(ba(B("abcdef")), newSlice(I(1), I(3), None)))).toBe(59);
    expect(getsizeof(call(ba(B("abcdef")), "upper"))).toBe(63);
    expect(getsizeof(call(ba(B("abcdef")), "replace", B("a"), B("xyz")))).toBe(65);
    expect(getsizeof(call(ba(B("abcdef")), "copy"))).toBe(63);
    expect(getsizeof(binaryOp(ba(B("x")), I(10), NB_MULTIPLY))).toBe(67);
    expect(callRepr(ba(B("abc")), "__alloc__")).toBe("4");
    expect(callRepr(ba(B("abc")), "__sizeof__")).toBe("60");
  });
});

describe("bytearray behaviour", () => {
  test("slice and item assignment", () => {
    expect(after(ba(B("abcdefgh")), (b) => setItem(b, newSlice(None, None, I(2)), B("1234")))[0]).toBe("bytearray(b'1b2d3f4h')");
    expect(after(ba(B("abc")), (b) => setItem(b, I(1), I(65)))[0]).toBe("bytearray(b'aAc')");
    expect(after(ba(B("abc")), (b) => setItem(b, I(-1), I(65)))[0]).toBe("bytearray(b'abA')");
    expect(after(ba(B("abcdef")), (b) => setItem(b, newSlice(I(3), I(1), None), B("X")))[0]).toBe("bytearray(b'abcXdef')");
    expect(raises(() => setItem(ba(B("abc")), I(0), I(300)))).toBe("ValueError: byte must be in range(0, 256)");
    expect(raises(() => setItem(ba(B("abc")), newSlice(I(0), I(2), None), I(5)))).toBe("TypeError: can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    expect(raises(() => setItem(ba(B("abc")), newSlice(I(0), I(2), None), S("ab")))).toBe("TypeError: can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    expect(raises(() => setItem(ba(B("abcdef")), newSlice(I(0), I(6), I(2)), B("xy")))).toBe("ValueError: attempt to assign bytes of size 2 to extended slice of size 3");
    expect(raises(() => getItem(ba(B("abc")), I(5)))).toBe("IndexError: bytearray index out of range");
  });

  test("methods and errors", () => {
    expect(raises(() => call(ba(B("abc")), "append", I(256)))).toBe("ValueError: byte must be in range(0, 256)");
    expect(raises(() => call(ba(B("abc")), "append", S("a")))).toBe("TypeError: 'str' object cannot be interpreted as an integer");
    expect(raises(() => call(ba(B("abc")), "pop", I(5)))).toBe("IndexError: pop index out of range");
    expect(raises(() => call(ba(), "pop"))).toBe("IndexError: pop from empty bytearray");
    expect(raises(() => call(ba(B("abc")), "remove", I(100)))).toBe("ValueError: value not found in bytearray");
    expect(raises(() => call(ba(), "extend", I(5)))).toBe("TypeError: can't extend bytearray with int");
    expect(raises(() => ba(newBytes(Uint8Array.of(1)), S("ascii")))).toBe("TypeError: encoding without a string argument");
    expect(raises(() => ba(S("abc")))).toBe("TypeError: string argument without an encoding");
    expect(raises(() => ba(I(-1)))).toBe("ValueError: negative count");
    expect(raises(() => binaryOp(ba(B("a")), S("b"), NB_ADD))).toBe("TypeError: can't concat str to bytearray");
    expect(raises(() => objectHash(ba()))).toBe("TypeError: unhashable type: 'bytearray'");
    expect(callRepr(ba(B("abc")), "pop")).toBe("99");
    expect(callRepr(ba(B("abc")), "pop", I(0))).toBe("97");
    expect(callRepr(ba(B("a,b")), "split", B(","))).toBe("[bytearray(b'a'), bytearray(b'b')]");
    expect(callRepr(ba(B("abc")), "decode")).toBe("'abc'");
    expect(repr(call(ByteArrayType, "fromhex", S("ff00")))).toBe("bytearray(b'\\xff\\x00')");
    expect(repr(getItem(ba(B("abc")), newSlice(None, None, I(-1))))).toBe("bytearray(b'cba')");
    expect(repr(ba(B("it's")))).toBe("bytearray(b\"it's\")");
    expect(richCompareBool(ba(B("ab")), B("b"), CMP_LT)).toBe(true);
    expect(richCompareBool(ba(B("ab")), ba(B("ab")), CMP_EQ)).toBe(true);
    expect(richCompareBool(ba(B("ab")), S("ab"), CMP_EQ)).toBe(false);
    const it = getIter(ba(B("ab")));
    expect(repr(iterNext(it)!)).toBe("97");
    expect(repr(iterNext(it)!)).toBe("98");
    expect(iterNext(it)).toBe(null);
  });

  test("while a buffer is exported, size changes raise BufferError (facts §10.1)", () => {
    const b = ba(B("abcdef"));
    const view = getBuffer(b, true);
    expect(view.readonly).toBe(false);
    expect(b.exports).toBe(1);
    const msg = "BufferError: Existing exports of data: object cannot be re-sized";
    expect(raises(() => call(b, "append", I(1)))).toBe(msg);
    expect(raises(() => call(b, "extend", B("x")))).toBe(msg);
    expect(raises(() => numberInplace(b, B("x"), NB_INPLACE_ADD))).toBe(msg);
    expect(raises(() => delItem(b, I(0)))).toBe(msg);
    expect(raises(() => setItem(b, newSlice(I(0), I(2), None), B("x")))).toBe(msg);
    expect(raises(() => call(b, "clear"))).toBe(msg);
    expect(raises(() => call(b, "pop"))).toBe(msg);
    expect(raises(() => call(b, "insert", I(0), I(1)))).toBe(msg);
    expect(raises(() => call(b, "remove", I(97)))).toBe(msg);
    expect(raises(() => numberInplace(b, I(2), NB_INPLACE_MULTIPLY))).toBe(msg);
    expect(raises(() => delItem(b, newSlice(None, None, I(2))))).toBe(msg);
    // Same-size changes are allowed and visible through the view.
    expect(raises(() => setItem(b, newSlice(I(0), I(2), None), B("XY")))).toBe("no error");
    expect(raises(() => setItem(b, I(0), I(66)))).toBe("no error");
    expect(raises(() => call(b, "reverse"))).toBe("no error");
    expect(String.fromCharCode(...view.data)).toBe("fedcYB");
    releaseBuffer(view);
    expect(b.exports).toBe(0);
    decref(call(b, "append", I(1)));
    expect(repr(b)).toBe("bytearray(b'fedcYB\\x01')");
    void None;
    void newByteArray;
  });
});
