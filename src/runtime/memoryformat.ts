// Objects/memoryobject.c (3.11): get_native_fmtchar, get_native_fmtstr, adjust_fmt,
// unpack_single, pack_single (with type_error_int / value_error_int / fix_error_int) and the
// fast item comparison of unpack_cmp.
//
// The native single-character struct formats a memoryview can index, on x86-64 Linux:
// little-endian, `long` is 8 bytes. Values are read and written through a DataView over the
// exporter's bytes, so a write through any view is seen by every other view and by the
// exporter itself.

import type { PyObject } from "./object.js";
import { decref, newRef } from "./refcount.js";
import {
  PyRaise, TypeErrorType, ValueErrorType, OverflowErrorType, NotImplementedErrorType, raise, exceptionMatches,
} from "./exceptions.js";
import { newInt, newIntFromBigInt, intToBigInt, intAsDouble, newBool, type PyInt } from "./int.js";
import { newFloat, isFloat, type PyFloat } from "./float.js";
import { isBytes, oneByteBorrowed, type PyBytes } from "./bytes.js";
import { isTrue, numberIndex } from "./abstract.js";

/** get_native_fmtchar: the item size of a native single-character format, or -1. */
export function nativeFormatItemsize(format: string): number {
  const f = format.charCodeAt(0) === 64 /* @ */ ? format.slice(1) : format;
  if (f.length !== 1) return -1;
  switch (f) {
    case "c": case "b": case "B": case "?":
      return 1;
    case "h": case "H":
      return 2;
    case "i": case "I": case "f":
      return 4;
    case "l": case "L": case "q": case "Q": case "n": case "N": case "d": case "P":
      return 8;
    default:
      return -1;
  }
}

/** The format character of a native format ("@i" -> "i"), or "_" when it is not one. */
export function nativeFormatChar(format: string): string {
  return nativeFormatItemsize(format) < 0 ? "_" : format.charAt(format.length - 1);
}

/** IS_BYTE_FORMAT */
export function isByteFormat(ch: string): boolean {
  return ch === "b" || ch === "B" || ch === "c";
}

/** adjust_fmt: the one-character format used for items, or NotImplementedError. */
export function adjustFormat(format: string): string {
  const f = format.charCodeAt(0) === 64 ? format.slice(1) : format;
  if (f.length === 1) return f;
  raise(NotImplementedErrorType, `memoryview: unsupported format ${format}`);
}

/** unpack_single: the item at byte `offset` as a Python object (new reference). */
export function unpackItem(dv: DataView, offset: number, fmt: string): PyObject {
  switch (fmt) {
    case "B": return newInt(dv.getUint8(offset));
    case "b": return newInt(dv.getInt8(offset));
    case "c": return newRef(oneByteBorrowed(dv.getUint8(offset)));
    case "?": return newBool(dv.getUint8(offset) !== 0);
    case "h": return newInt(dv.getInt16(offset, true));
    case "H": return newInt(dv.getUint16(offset, true));
    case "i": return newInt(dv.getInt32(offset, true));
    case "I": return newInt(dv.getUint32(offset, true));
    case "l": case "q": case "n": return newIntFromBigInt(dv.getBigInt64(offset, true));
    case "L": case "Q": case "N": case "P": return newIntFromBigInt(dv.getBigUint64(offset, true));
    case "f": return newFloat(dv.getFloat32(offset, true));
    case "d": return newFloat(dv.getFloat64(offset, true));
    default:
      raise(NotImplementedErrorType, `memoryview: format ${fmt} not supported`);
  }
}

/**
 * The item as a JS value for comparisons: numbers (and bigints for 8-byte integers), booleans,
 * and a one-character string tagged "c:" for the 'c' format so that it never equals a number.
 */
export function unpackValue(dv: DataView, offset: number, fmt: string): number | bigint | boolean | string {
  switch (fmt) {
    case "B": return dv.getUint8(offset);
    case "b": return dv.getInt8(offset);
    case "c": return "c:" + String.fromCharCode(dv.getUint8(offset));
    case "?": return dv.getUint8(offset) !== 0;
    case "h": return dv.getInt16(offset, true);
    case "H": return dv.getUint16(offset, true);
    case "i": return dv.getInt32(offset, true);
    case "I": return dv.getUint32(offset, true);
    case "l": case "q": case "n": return dv.getBigInt64(offset, true);
    case "L": case "Q": case "N": case "P": return dv.getBigUint64(offset, true);
    case "f": return dv.getFloat32(offset, true);
    case "d": return dv.getFloat64(offset, true);
    default: return NaN;
  }
}

/**
 * Python equality of two unpacked items (struct-module comparison when the formats differ):
 * bool is an int, ints and floats compare exactly, bytes never equal numbers, NaN != NaN.
 */
export function unpackedEqual(a: number | bigint | boolean | string, b: number | bigint | boolean | string): boolean {
  if (typeof a === "string" || typeof b === "string") return a === b;
  const x = typeof a === "boolean" ? (a ? 1 : 0) : a;
  const y = typeof b === "boolean" ? (b ? 1 : 0) : b;
  if (typeof x === "bigint" && typeof y === "bigint") return x === y;
  if (typeof x === "number" && typeof y === "number") return x === y;
  // One bigint, one number: equal only when the number is integral and the same value.
  const n = (typeof x === "number" ? x : y) as number;
  const big = (typeof x === "bigint" ? x : y) as bigint;
  return Number.isInteger(n) && BigInt(n) === big;
}

const TYPE_ERROR = 1;
const VALUE_ERROR = 2;

function formatError(kind: number, fmt: string): never {
  if (kind === TYPE_ERROR) raise(TypeErrorType, `memoryview: invalid type for format '${fmt}'`);
  raise(ValueErrorType, `memoryview: invalid value for format '${fmt}'`);
}

/** fix_error_int: TypeError -> invalid type, OverflowError/ValueError -> invalid value. */
function fixError(e: unknown, fmt: string): never {
  if (e instanceof PyRaise) {
    const exc = e.exception;
    let kind = 0;
    if (exceptionMatches(exc, TypeErrorType)) kind = TYPE_ERROR;
    else if (exceptionMatches(exc, OverflowErrorType) || exceptionMatches(exc, ValueErrorType)) kind = VALUE_ERROR;
    if (kind !== 0) {
      decref(exc);
      formatError(kind, fmt);
    }
  }
  throw e;
}

/** pylong_as_ld / pylong_as_lu etc.: PyNumber_Index, then the exact integer. */
function indexValue(item: PyObject): bigint {
  const index: PyInt = numberIndex(item);
  try {
    return intToBigInt(index);
  } finally {
    decref(index);
  }
}

/** PyFloat_AsDouble: a float, __float__, or __index__ (OverflowError for huge ints). */
export function floatAsDouble(item: PyObject): number {
  if (isFloat(item)) return item.value;
  const t = item.type;
  if (t.nbFloat !== null) {
    const r = t.nbFloat(item);
    if (!isFloat(r)) {
      const name = r.type.name;
      decref(r);
      raise(TypeErrorType, `${t.name}.__float__ returned non-float (type ${name})`);
    }
    const v = (r as PyFloat).value;
    decref(r);
    return v;
  }
  if (t.nbIndex !== null) {
    const i = numberIndex(item);
    try {
      return intAsDouble(i);
    } finally {
      decref(i);
    }
  }
  raise(TypeErrorType, `must be real number, not ${t.name}`);
}

const INT_RANGES: Record<string, [bigint, bigint]> = {
  B: [0n, 255n],
  b: [-128n, 127n],
  h: [-32768n, 32767n],
  H: [0n, 65535n],
  i: [-2147483648n, 2147483647n],
  I: [0n, 4294967295n],
  l: [-9223372036854775808n, 9223372036854775807n],
  q: [-9223372036854775808n, 9223372036854775807n],
  n: [-9223372036854775808n, 9223372036854775807n],
  L: [0n, 18446744073709551615n],
  Q: [0n, 18446744073709551615n],
  N: [0n, 18446744073709551615n],
  P: [0n, 18446744073709551615n],
};

/**
 * pack_single: stores `item` at byte `offset` in format `fmt`, raising CPython's
 * "memoryview: invalid type/value for format 'x'" errors. Nothing is written on error.
 */
export function packItem(dv: DataView, offset: number, item: PyObject, fmt: string): void {
  switch (fmt) {
    case "c": {
      if (!isBytes(item)) formatError(TYPE_ERROR, fmt);
      const data = (item as PyBytes).data;
      if (data.length !== 1) formatError(VALUE_ERROR, fmt);
      dv.setUint8(offset, data[0]!);
      return;
    }
    case "?":
      dv.setUint8(offset, isTrue(item) ? 1 : 0);
      return;
    case "f":
    case "d": {
      let d: number;
      try {
        d = floatAsDouble(item);
      } catch (e) {
        fixError(e, fmt);
      }
      if (fmt === "f") dv.setFloat32(offset, d, true);
      else dv.setFloat64(offset, d, true);
      return;
    }
  }
  const range = INT_RANGES[fmt];
  if (range === undefined) raise(NotImplementedErrorType, `memoryview: format ${fmt} not supported`);
  let v: bigint;
  try {
    // 'P' takes any int (PyLong_AsVoidPtr); the others go through __index__.
    v = indexValue(item);
  } catch (e) {
    fixError(e, fmt);
  }
  if (v < range[0] || v > range[1]) formatError(VALUE_ERROR, fmt);
  switch (fmt) {
    case "B": dv.setUint8(offset, Number(v)); return;
    case "b": dv.setInt8(offset, Number(v)); return;
    case "h": dv.setInt16(offset, Number(v), true); return;
    case "H": dv.setUint16(offset, Number(v), true); return;
    case "i": dv.setInt32(offset, Number(v), true); return;
    case "I": dv.setUint32(offset, Number(v), true); return;
    case "l": case "q": case "n": dv.setBigInt64(offset, v, true); return;
    default: dv.setBigUint64(offset, v, true); return;
  }
}
