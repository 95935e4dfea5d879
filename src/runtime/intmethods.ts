// Objects/longobject.c: long_to_decimal_string (repr), long_new_impl / long_subtype_new
// (int(x), int(x, base)), PyNumber_Long (Objects/abstract.c), PyLong_FromUnicodeObject /
// PyLong_FromString's allocation estimate, and the int methods: conjugate, bit_length,
// bit_count, to_bytes, from_bytes, as_integer_ratio, __trunc__/__floor__/__ceil__,
// __round__ (_PyLong_DivmodNear), __getnewargs__, __format__, __sizeof__; the getsets real,
// imag, numerator, denominator.

import { PyObject } from "./object.js";
import { decref, newRef } from "./refcount.js";
import { PyType, TPFLAGS_LONG_SUBCLASS } from "./type.js";
import type { StaticTypeSpec } from "./typeroots.js";
import type { PyTuple } from "./tuple.js";
import { tupleFromOwned } from "./tuple.js";
import type { PyDict } from "./dict.js";
import { dictEntry, dictNext } from "./dict.js";
import type { MethodDef, GetSetDef } from "./methoddef.js";
import {
  PyInt,
  IntType,
  BoolType,
  isInt,
  newInt,
  newIntSsize,
  newIntFromBigInt,
  newIntFromBigIntWithDigits,
  newIntSubtypeInstance,
  intToBigInt,
  intSizeof,
  intAsNumber,
  bigBitLength,
} from "./int.js";
import { intLong } from "./intarith.js";
import { PyStr, isStr, newStr, newStrKnown, staticStr } from "./str.js";
import { OverflowErrorType, TypeErrorType, ValueErrorType, raise } from "./exceptions.js";
import { rethrowValueError } from "./valueraise.js";
import { intToString, parseInt as parseIntText, intParseErrorMessage, checkIntBase } from "./values/intformat.js";
import { transformDecimalAndSpaceToAscii, stripAsciiSpace } from "./values/floatrepr.js";
import { formatInt } from "./values/formatspec.js";
import { parseArgs } from "./getargs.js";
import { numberIndex, objectStr, callObject, isTrue } from "./abstract.js";
import { lookupSpecial } from "./typeobject.js";
import { newBytes, bytesFromObject, isBytes, type PyBytes } from "./bytes.js";
import { isByteArray, byteArrayBytes } from "./bytearray.js";
import { bytesRepr } from "./values/strmethods.js";

// ---------------------------------------------------------------------------
// repr

/** long_to_decimal_string: a fresh ASCII str (PyUnicode_New, never a cached singleton). */
export function intRepr(self: PyObject): PyObject {
  const o = self as PyInt;
  if (o.big === null) return newFreshAscii(String(o.value));
  let text: string;
  try {
    text = intToString(o.big);
  } catch (e) {
    rethrowValueError(e);
  }
  return newFreshAscii(text);
}

function newFreshAscii(text: string): PyStr {
  return newStrKnown(text, 1, true, text.length);
}

// ---------------------------------------------------------------------------
// Parsing: int(str), int(bytes).

/**
 * PyLong_FromString's allocation for a successful parse: a power-of-two base reserves
 * ceil(digits * bits / 30) digits, any other base floor(digits * log(base) / log(2**30)) + 1,
 * where `digits` counts every digit character including leading zeros.
 */
function parsedDigitCount(ascii: string, base: number): number {
  let s = stripAsciiSpace(ascii);
  let i = 0;
  if (s[0] === "+" || s[0] === "-") i = 1;
  if (s[i] === "0" && i + 1 < s.length) {
    const p = s[i + 1]!.toLowerCase();
    if ((p === "x" && (base === 16 || base === 0)) || (p === "o" && (base === 8 || base === 0)) || (p === "b" && (base === 2 || base === 0))) {
      if (base === 0) base = p === "x" ? 16 : p === "o" ? 8 : 2;
      i += 2;
    }
  }
  if (base === 0) base = 10;
  s = s.slice(i);
  let digits = 0;
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) !== 95) digits++;
  if ((base & (base - 1)) === 0) {
    const bits = 31 - Math.clz32(base);
    return Math.floor((digits * bits + 29) / 30);
  }
  return Math.floor(digits * (Math.log(base) / Math.log(1073741824)) + 1);
}

/** int(text, base) for str text (PyLong_FromUnicodeObject); `reprText` names it in errors. */
export function intFromText(text: string, base: number, errorRepr: (() => string) | null = null): PyInt {
  let value: bigint | null;
  try {
    checkIntBase(base);
    value = parseIntText(text, base);
  } catch (e) {
    rethrowValueError(e);
  }
  if (value === null) {
    if (errorRepr !== null) raise(ValueErrorType, `invalid literal for int() with base ${base}: ${errorRepr()}`);
    raise(ValueErrorType, intParseErrorMessage(text, base));
  }
  return newIntFromBigIntWithDigits(value, parsedDigitCount(transformDecimalAndSpaceToAscii(text), base));
}

/** int(bytes-like, base): the bytes are parsed as ASCII; errors show the bytes' repr. */
function intFromBytesLike(data: Uint8Array, base: number, wrapRepr: (inner: string) => string): PyInt {
  // A non-ASCII byte can never be a digit; map it to a character that fails to parse.
  let text = "";
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    text += c < 128 ? String.fromCharCode(c) : "\u0000";
  }
  return intFromText(text, base, () => wrapRepr(bytesRepr(data)));
}

// ---------------------------------------------------------------------------
// PyNumber_Long and int(): the constructor.

/** PyNumber_Long(o): int(o) for one argument (new reference, an exact int). */
export function numberLong(o: PyObject): PyInt {
  if (o.type === IntType) return newRef(o as PyInt);
  const t = o.type;
  if (t.nbInt !== null) {
    const r = t.nbInt(o);
    if (r.type === IntType) return r as PyInt;
    if ((r.type.flags & TPFLAGS_LONG_SUBCLASS) === 0) {
      const name = r.type.name;
      decref(r);
      raise(TypeErrorType, `__int__ returned non-int (type ${name})`);
    }
    // A strict subclass of int: CPython warns (DeprecationWarning) and converts.
    const exact = intLong(r as PyInt);
    decref(r);
    return exact;
  }
  if (t.nbIndex !== null) {
    const r = numberIndex(o);
    if (r.type === IntType) return r;
    const exact = intLong(r);
    decref(r);
    return exact;
  }
  const trunc = lookupSpecial(o, staticStr("__trunc__"));
  if (trunc !== null) {
    let r: PyObject;
    try {
      r = callObject(trunc, [], 0, 0, null);
    } finally {
      decref(trunc);
    }
    if (isInt(r)) {
      if (r.type === IntType) return r;
      const exact = intLong(r);
      decref(r);
      return exact;
    }
    if (r.type.nbIndex === null) {
      const name = r.type.name;
      decref(r);
      raise(TypeErrorType, `__trunc__ returned non-Integral (type ${name})`);
    }
    try {
      return numberLong(r);
    } finally {
      decref(r);
    }
  }
  if (isStr(o)) return intFromText(o.value, 10);
  if (isBytes(o)) return intFromBytesLike((o as PyBytes).data, 10, (r) => r);
  if (isByteArray(o)) {
    return intFromBytesLike(byteArrayBytes(o), 10, (r) => `bytearray(${r})`);
  }
  raise(TypeErrorType, `int() argument must be a string, a bytes-like object or a real number, not '${t.name}'`);
}

/** long_new_impl for exact int. */
function intNewExact(x: PyObject | null, baseObj: PyObject | null): PyInt {
  if (x === null) {
    if (baseObj !== null) raise(TypeErrorType, "int() missing string argument");
    return newInt(0);
  }
  if (baseObj === null) return numberLong(x);
  const baseIndex = numberIndex(baseObj);
  let base: number;
  try {
    base = baseIndex.big !== null ? 99 : baseIndex.value;
  } finally {
    decref(baseIndex);
  }
  if (base !== 0 && (base < 2 || base > 36)) raise(ValueErrorType, "int() base must be >= 2 and <= 36, or 0");
  if (isStr(x)) return intFromText(x.value, base);
  if (isBytes(x)) return intFromBytesLike((x as PyBytes).data, base, (r) => r);
  if (isByteArray(x)) {
    return intFromBytesLike(byteArrayBytes(x), base, (r) => `bytearray(${r})`);
  }
  raise(TypeErrorType, "int() can't convert non-string with explicit base");
}

/** tp_new of int: int(), int(x), int(x, base=b); subclasses get long_subtype_new. */
export function intNew(type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  const nargs = args.items.length;
  const x: PyObject | null = nargs > 0 ? args.items[0]! : null;
  let base: PyObject | null = nargs > 1 ? args.items[1]! : null;
  let nkw = 0;
  if (kwargs !== null) {
    for (let pos = dictNext(kwargs, 0); pos >= 0; pos = dictNext(kwargs, pos)) {
      const key = dictEntry.key as PyStr;
      nkw++;
      if (key.value === "base") {
        if (base !== null) raise(TypeErrorType, "argument for int() given by name ('base') and position (2)");
        base = dictEntry.value;
      } else {
        raise(TypeErrorType, `'${key.value}' is an invalid keyword argument for int()`);
      }
    }
  }
  if (nargs + nkw > 2) raise(TypeErrorType, `int() takes at most 2 arguments (${nargs + nkw} given)`);
  const value = intNewExact(x, base);
  if (type === IntType) return value;
  try {
    return newIntSubtypeInstance(type, value);
  } finally {
    decref(value);
  }
}

// ---------------------------------------------------------------------------
// Methods.

function selfInt(self: PyObject): PyInt {
  return self as PyInt;
}

function intConjugate(self: PyObject): PyObject {
  return intLong(selfInt(self));
}

function intBitLength(self: PyObject): PyObject {
  const o = selfInt(self);
  if (o.big !== null) return newIntSsize(bigBitLength(o.big));
  const a = Math.abs(o.value);
  if (a < 4294967296) return newIntSsize(32 - Math.clz32(a));
  return newIntSsize(64 - Math.clz32(Math.floor(a / 4294967296)));
}

function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function intBitCount(self: PyObject): PyObject {
  const o = selfInt(self);
  let v = intToBigInt(o);
  if (v < 0n) v = -v;
  let count = 0;
  while (v > 0n) {
    count += popcount32(Number(v & 0xffffffffn));
    v >>= 32n;
  }
  return newIntSsize(count);
}

function byteorderArg(o: PyObject | null, fname: string): boolean {
  if (o === null) return false;
  if (!isStr(o)) raise(TypeErrorType, `${fname}() argument 'byteorder' must be str, not ${o.type.name}`);
  if (o.value === "little") return true;
  if (o.value === "big") return false;
  raise(ValueErrorType, "byteorder must be either 'little' or 'big'");
}

function boolArg(o: PyObject | null): boolean {
  if (o === null) return false;
  if (o.type === BoolType || isInt(o)) return (o as PyInt).big !== null || (o as PyInt).value !== 0;
  // Argument Clinic's "p" converter is PyObject_IsTrue.
  return isTrue(o);
}

function intToBytes(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const [lengthObj, orderObj, signedObj] = parseArgs("to_bytes", args, start, nargs, kwnames, ["length", "byteorder", "signed"], 0, 0, 1);
  let length = 1;
  if (lengthObj !== null) {
    const idx = numberIndex(lengthObj);
    try {
      length = intAsNumber(idx);
    } finally {
      decref(idx);
    }
    if (length < 0) raise(ValueErrorType, "length argument must be non-negative");
  }
  const little = byteorderArg(orderObj, "to_bytes");
  const signed = boolArg(signedObj);
  let v = intToBigInt(selfInt(self));
  if (v < 0n && !signed) raise(OverflowErrorType, "can't convert negative int to unsigned");
  const bits = BigInt(8 * length);
  if (signed) {
    const limit = length === 0 ? 0n : 1n << (bits - 1n);
    if (v >= limit || v < -limit) raise(OverflowErrorType, "int too big to convert");
    if (v < 0n) v += 1n << bits;
  } else if (v >> bits !== 0n) {
    raise(OverflowErrorType, "int too big to convert");
  }
  if (length > 1 << 30) raise(OverflowErrorType, "int too big to convert");
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const byte = Number(v & 0xffn);
    v >>= 8n;
    out[little ? i : length - 1 - i] = byte;
  }
  return newBytes(out);
}

function intFromBytes(cls: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const [bytesObj, orderObj, signedObj] = parseArgs("from_bytes", args, start, nargs, kwnames, ["bytes", "byteorder", "signed"], 1, 0, 1);
  const little = byteorderArg(orderObj, "from_bytes");
  const signed = boolArg(signedObj);
  const b = bytesFromObject(bytesObj!);
  let data: Uint8Array;
  try {
    data = b.data;
  } finally {
    decref(b);
  }
  const n = data.length;
  let v = 0n;
  for (let i = 0; i < n; i++) {
    const byte = data[little ? n - 1 - i : i]!;
    v = (v << 8n) | BigInt(byte);
  }
  // _PyLong_FromByteArray reserves digits for the significant bytes only (leading 0x00, or
  // 0xff for a negative signed value, do not count).
  let significant = n;
  const negative = signed && n > 0 && (data[little ? n - 1 : 0]! & 0x80) !== 0;
  const pad = negative ? 0xff : 0x00;
  while (significant > 0 && data[little ? significant - 1 : n - significant]! === pad) significant--;
  if (negative) v -= 1n << BigInt(8 * n);
  const ndigits = Math.floor((significant * 8 + 29) / 30);
  const result = newIntFromBigIntWithDigits(v, ndigits);
  if (cls === IntType) return result;
  try {
    return callObject(cls, [result], 0, 1, null);
  } finally {
    decref(result);
  }
}

function intAsIntegerRatio(self: PyObject): PyObject {
  return tupleFromOwned([intLong(selfInt(self)), newInt(1)]);
}

function intGetNewArgs(self: PyObject): PyObject {
  return tupleFromOwned([intLong(selfInt(self))]);
}

function intSizeofMethod(self: PyObject): PyObject {
  return newIntSsize(intSizeof(selfInt(self)));
}

/** int.__round__(ndigits=None): _PyLong_DivmodNear(self, 10**-ndigits), round half to even. */
function intRound(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (kwnames !== null && kwnames.items.length !== 0) raise(TypeErrorType, "__round__() takes no keyword arguments");
  if (nargs > 1) raise(TypeErrorType, `__round__ expected at most 1 argument, got ${nargs}`);
  const o = selfInt(self);
  if (nargs === 0) return intLong(o);
  const nd = numberIndex(args[start]!);
  const ndigits = intToBigInt(nd);
  decref(nd);
  if (ndigits >= 0n) return intLong(o);
  const x = intToBigInt(o);
  // 10**k beyond the value's magnitude rounds everything to 0.
  if (-ndigits > BigInt(bigBitLength(x) + 2)) return newInt(0);
  const pow10 = 10n ** -ndigits;
  let q = x / pow10;
  let r = x - q * pow10;
  if (r < 0n) {
    r += pow10;
    q -= 1n;
  }
  const twice = 2n * r;
  if (twice > pow10 || (twice === pow10 && (q & 1n) === 1n)) r -= pow10;
  return newIntFromBigInt(x - r);
}

function intFormat(self: PyObject, spec: PyObject): PyObject {
  if (!isStr(spec)) raise(TypeErrorType, `__format__() argument must be str, not ${spec.type.name}`);
  if (spec.value.length === 0) return objectStr(self);
  let text: string;
  try {
    text = formatInt(intToBigInt(selfInt(self)), spec.value, self.type.name);
  } catch (e) {
    rethrowValueError(e);
  }
  return newStr(text);
}

function intIndexSelf(self: PyObject): PyObject {
  return intLong(selfInt(self));
}

function zeroGetter(): PyObject {
  return newInt(0);
}

function oneGetter(): PyObject {
  return newInt(1);
}

/** Installs int's repr, constructor, methods and attributes (called while int.ts loads). */
export function installIntMethods(t: PyType, spec: StaticTypeSpec): void {
  t.repr = intRepr;
  t.new_ = intNew;
  const methods: MethodDef[] = [
    { name: "conjugate", kind: "noargs", fn: intConjugate, doc: "Returns self, the complex conjugate of any int." },
    { name: "bit_length", kind: "noargs", fn: intBitLength, doc: "Number of bits necessary to represent self in binary.\n\n>>> bin(37)\n'0b100101'\n>>> (37).bit_length()\n6" },
    { name: "bit_count", kind: "noargs", fn: intBitCount, doc: "Number of ones in the binary representation of the absolute value of self.\n\nAlso known as the population count.\n\n>>> bin(13)\n'0b1101'\n>>> (13).bit_count()\n3" },
    { name: "to_bytes", kind: "fastcall", fn: intToBytes, doc: "Return an array of bytes representing an integer." },
    { name: "from_bytes", kind: "fastcall", fn: intFromBytes, binding: "class", doc: "Return the integer represented by the given array of bytes." },
    { name: "as_integer_ratio", kind: "noargs", fn: intAsIntegerRatio, doc: "Return integer ratio.\n\nReturn a pair of integers, whose ratio is exactly equal to the original int\nand with a positive denominator.\n\n>>> (10).as_integer_ratio()\n(10, 1)\n>>> (-10).as_integer_ratio()\n(-10, 1)\n>>> (0).as_integer_ratio()\n(0, 1)" },
    { name: "__trunc__", kind: "noargs", fn: intIndexSelf, doc: "Truncating an Integral returns itself." },
    { name: "__floor__", kind: "noargs", fn: intIndexSelf, doc: "Flooring an Integral returns itself." },
    { name: "__ceil__", kind: "noargs", fn: intIndexSelf, doc: "Ceiling of an Integral returns itself." },
    { name: "__round__", kind: "fastcall", fn: intRound, doc: "Rounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an integer." },
    { name: "__getnewargs__", kind: "noargs", fn: intGetNewArgs },
    { name: "__format__", kind: "o", fn: intFormat, doc: "Convert to a string according to format_spec." },
    { name: "__sizeof__", kind: "noargs", fn: intSizeofMethod, doc: "Returns size in memory, in bytes." },
  ];
  const getsets: GetSetDef[] = [
    { name: "real", get: intConjugate, doc: "the real part of a complex number" },
    { name: "imag", get: zeroGetter, doc: "the imaginary part of a complex number" },
    { name: "numerator", get: intConjugate, doc: "the numerator of a rational number in lowest terms" },
    { name: "denominator", get: oneGetter, doc: "the denominator of a rational number in lowest terms" },
  ];
  for (const m of methods) spec.methods.push(m);
  for (const g of getsets) spec.getsets.push(g);
}
