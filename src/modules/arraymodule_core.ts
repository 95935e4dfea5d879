// Modules/arraymodule.c (3.11): arrayobject (64 bytes: var head, ob_item, allocated, ob_descr,
// weakreflist, ob_exports), the descriptors table (typecode, itemsize, getitem/setitem with
// their PyArg_Parse conversions and messages), newarrayobject, array_resize (the growth
// policy and the export check), getarrayitem / setarrayitem, array_dealloc, the buffer export
// (array_buffer_getbuf / array_buffer_relbuf) and array_sizeof.
//
// The items live in a separate PyMem (MEM-domain) block of allocated * itemsize bytes, as
// CPython's ob_item does; this file keeps a Uint8Array of the same size and a DataView on it.

import { PyObject } from "../runtime/object.js";
import { allocGCObject, freeGCObject, allocator } from "../runtime/heap.js";
import { DOMAIN_MEM } from "../memory/index.js";
import { gcTrack, gcUntrack } from "../runtime/gcstate.js";
import { decref } from "../runtime/refcount.js";
import { PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE } from "../runtime/type.js";
import { newStaticType, TPFLAGS_SEQUENCE } from "../runtime/typeroots.js";
import { BufferErrorType, OverflowErrorType, TypeErrorType, raise } from "../runtime/exceptions.js";
import { newInt, newIntFromBigInt, intToBigInt } from "../runtime/int.js";
import { newFloat } from "../runtime/float.js";
import { isStr, strFromCodePoint, strCodePoints, type PyStr } from "../runtime/str.js";
import { numberIndex } from "../runtime/abstract.js";
import { clearWeakrefs } from "../runtime/weakref.js";
import { registerBufferExporter } from "../runtime/bufferproto.js";
import { registerBufferFormat } from "../runtime/memoryobject.js";
import { floatAsDouble } from "../runtime/memoryformat.js";

/** sizeof(arrayobject) */
export const ARRAY_BASICSIZE = 64;

export const TYPECODES = "bBuhHiIlLqQfd";

/** struct arraydescr: one per type code. */
export interface ArrayDescr {
  typecode: string;
  itemsize: number;
  /** The buffer format memoryviews see. */
  format: string;
  isSigned: boolean;
}

const DESCRIPTORS: ArrayDescr[] = [
  { typecode: "b", itemsize: 1, format: "b", isSigned: true },
  { typecode: "B", itemsize: 1, format: "B", isSigned: false },
  { typecode: "u", itemsize: 4, format: "w", isSigned: false },
  { typecode: "h", itemsize: 2, format: "h", isSigned: true },
  { typecode: "H", itemsize: 2, format: "H", isSigned: false },
  { typecode: "i", itemsize: 4, format: "i", isSigned: true },
  { typecode: "I", itemsize: 4, format: "I", isSigned: false },
  { typecode: "l", itemsize: 8, format: "l", isSigned: true },
  { typecode: "L", itemsize: 8, format: "L", isSigned: false },
  { typecode: "q", itemsize: 8, format: "q", isSigned: true },
  { typecode: "Q", itemsize: 8, format: "Q", isSigned: false },
  { typecode: "f", itemsize: 4, format: "f", isSigned: false },
  { typecode: "d", itemsize: 8, format: "d", isSigned: false },
];

export function descrFor(typecode: string): ArrayDescr | null {
  for (const d of DESCRIPTORS) if (d.typecode === typecode) return d;
  return null;
}

const EMPTY = new Uint8Array(0);
const EMPTY_DV = new DataView(EMPTY.buffer);

export class PyArray extends PyObject {
  descr: ArrayDescr;
  /** Py_SIZE: number of items. */
  size: number;
  /** Items the buffer block can hold. */
  allocated: number;
  /** ob_item's address (0 = NULL). */
  itemsAddress: number;
  /** allocated * itemsize bytes. */
  data: Uint8Array;
  dv: DataView;
  exports: number;

  constructor(type: PyType, descr: ArrayDescr) {
    super(type);
    this.descr = descr;
    this.size = 0;
    this.allocated = 0;
    this.itemsAddress = 0;
    this.data = EMPTY;
    this.dv = EMPTY_DV;
    this.exports = 0;
  }
}

export const ArrayType = newStaticType("array.array", ARRAY_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE | TPFLAGS_SEQUENCE);
ArrayType.weaklistoffset = 48;
ArrayType.dealloc = arrayDealloc;
ArrayType.traverse = () => {};

export function isArray(o: PyObject): o is PyArray {
  return o.type === ArrayType || o.type.isSubtypeOf(ArrayType);
}

function setStorage(a: PyArray, data: Uint8Array): void {
  a.data = data;
  a.dv = data.length === 0 ? EMPTY_DV : new DataView(data.buffer, data.byteOffset, data.byteLength);
}

/** newarrayobject: `size` items, their block malloc'd at exactly size * itemsize bytes. */
export function newArray(type: PyType, size: number, descr: ArrayDescr): PyArray {
  const a = new PyArray(type, descr);
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) type.refcnt++;
  allocGCObject(a, type.basicsize);
  gcTrack(a);
  const nbytes = size * descr.itemsize;
  a.size = size;
  a.allocated = size;
  if (size > 0) {
    a.itemsAddress = allocator.malloc(DOMAIN_MEM, nbytes);
    setStorage(a, new Uint8Array(nbytes));
  }
  return a;
}

function arrayDealloc(self: PyObject): void {
  const a = self as PyArray;
  gcUntrack(a);
  if (a.weakrefList !== null) clearWeakrefs(a);
  if (a.itemsAddress !== 0) {
    allocator.free(DOMAIN_MEM, a.itemsAddress);
    a.itemsAddress = 0;
  }
  setStorage(a, EMPTY);
  freeGCObject(a);
}

/** The live items as bytes (valid until the next resize). */
export function arrayBytes(a: PyArray): Uint8Array {
  return a.data.subarray(0, a.size * a.descr.itemsize);
}

/** array_resize: CPython's growth policy; BufferError while exporting and the size changes. */
export function arrayResize(a: PyArray, newsize: number): void {
  if (a.exports > 0 && newsize !== a.size) raise(BufferErrorType, "cannot resize an array that is exporting buffers");
  // A previous over-allocation absorbs the change unless it would shrink by 16 or more.
  if (a.allocated >= newsize && a.size < newsize + 16 && a.itemsAddress !== 0) {
    a.size = newsize;
    return;
  }
  if (newsize === 0) {
    allocator.free(DOMAIN_MEM, a.itemsAddress);
    a.itemsAddress = 0;
    setStorage(a, EMPTY);
    a.size = 0;
    a.allocated = 0;
    return;
  }
  const newAllocated = (newsize >> 4) + (a.size < 8 ? 3 : 7) + newsize;
  const itemsize = a.descr.itemsize;
  a.itemsAddress = a.itemsAddress === 0
    ? allocator.malloc(DOMAIN_MEM, newAllocated * itemsize)
    : allocator.realloc(DOMAIN_MEM, a.itemsAddress, newAllocated * itemsize);
  const data = new Uint8Array(newAllocated * itemsize);
  data.set(a.data.subarray(0, Math.min(a.data.length, data.length)));
  setStorage(a, data);
  a.size = newsize;
  a.allocated = newAllocated;
}

/** array.__sizeof__: the struct plus the whole item block. */
export function arraySizeof(a: PyArray): number {
  return a.type.basicsize + a.allocated * a.descr.itemsize;
}

// ---------------------------------------------------------------------------
// Items.

/** getarrayitem: item i as a Python object (new reference). */
export function getArrayItem(a: PyArray, i: number): PyObject {
  const dv = a.dv;
  const at = i * a.descr.itemsize;
  switch (a.descr.typecode) {
    case "b": return newInt(dv.getInt8(at));
    case "B": return newInt(dv.getUint8(at));
    case "u": return strFromCodePoint(dv.getUint32(at, true));
    case "h": return newInt(dv.getInt16(at, true));
    case "H": return newInt(dv.getUint16(at, true));
    case "i": return newInt(dv.getInt32(at, true));
    case "I": return newInt(dv.getUint32(at, true));
    case "l": case "q": return newIntFromBigInt(dv.getBigInt64(at, true));
    case "L": case "Q": return newIntFromBigInt(dv.getBigUint64(at, true));
    case "f": return newFloat(dv.getFloat32(at, true));
    default: return newFloat(dv.getFloat64(at, true));
  }
}

/** Item i as a JS value (comparisons without objects). */
export function arrayItemValue(a: PyArray, i: number): number | bigint | string {
  const dv = a.dv;
  const at = i * a.descr.itemsize;
  switch (a.descr.typecode) {
    case "b": return dv.getInt8(at);
    case "B": return dv.getUint8(at);
    case "u": return String.fromCodePoint(dv.getUint32(at, true));
    case "h": return dv.getInt16(at, true);
    case "H": return dv.getUint16(at, true);
    case "i": return dv.getInt32(at, true);
    case "I": return dv.getUint32(at, true);
    case "l": case "q": return dv.getBigInt64(at, true);
    case "L": case "Q": return dv.getBigUint64(at, true);
    case "f": return dv.getFloat32(at, true);
    default: return dv.getFloat64(at, true);
  }
}

const LONG_MIN = -9223372036854775808n;
const LONG_MAX = 9223372036854775807n;
const ULONG_MAX = 18446744073709551615n;

function indexBig(v: PyObject): bigint {
  const i = numberIndex(v);
  try {
    return intToBigInt(i);
  } finally {
    decref(i);
  }
}

/** PyLong_AsLong (PyArg_Parse "b", "h", "i", "l" start here). */
function asLong(v: PyObject): bigint {
  const x = indexBig(v);
  if (x < LONG_MIN || x > LONG_MAX) raise(OverflowErrorType, "Python int too large to convert to C long");
  return x;
}

function rangeCheck(x: bigint, lo: bigint, hi: bigint, what: string): void {
  if (x < lo) raise(OverflowErrorType, `${what} is less than minimum`);
  if (x > hi) raise(OverflowErrorType, `${what} is greater than maximum`);
}

/** PyLong_AsUnsignedLong (II_setitem, LL_setitem). */
function asUnsignedLong(v: PyObject): bigint {
  const x = indexBig(v);
  if (x < 0n) raise(OverflowErrorType, "can't convert negative value to unsigned int");
  if (x > ULONG_MAX) raise(OverflowErrorType, "Python int too large to convert to C unsigned long");
  return x;
}

/**
 * The converted value of `v` for `descr` (what the descriptor's setitem stores), raising the
 * descriptor's own error messages. Nothing is stored.
 */
export function convertItem(descr: ArrayDescr, v: PyObject): number | bigint {
  switch (descr.typecode) {
    case "b": {
      const x = asLong(v);
      rangeCheck(x, -32768n, 32767n, "signed short integer");
      if (x < -128n) raise(OverflowErrorType, "signed char is less than minimum");
      if (x > 127n) raise(OverflowErrorType, "signed char is greater than maximum");
      return Number(x);
    }
    case "B": {
      const x = asLong(v);
      rangeCheck(x, 0n, 255n, "unsigned byte integer");
      return Number(x);
    }
    case "u": {
      if (!isStr(v)) raise(TypeErrorType, "array item must be unicode character");
      const cps = strCodePoints(v as PyStr);
      if (cps.length !== 1) raise(TypeErrorType, "array item must be unicode character");
      return cps[0]!;
    }
    case "h": {
      const x = asLong(v);
      rangeCheck(x, -32768n, 32767n, "signed short integer");
      return Number(x);
    }
    case "H": {
      const x = asLong(v);
      rangeCheck(x, -2147483648n, 2147483647n, "signed integer");
      if (x < 0n) raise(OverflowErrorType, "unsigned short is less than minimum");
      if (x > 65535n) raise(OverflowErrorType, "unsigned short is greater than maximum");
      return Number(x);
    }
    case "i": {
      const x = asLong(v);
      rangeCheck(x, -2147483648n, 2147483647n, "signed integer");
      return Number(x);
    }
    case "I": {
      const x = asUnsignedLong(v);
      if (x > 4294967295n) raise(OverflowErrorType, "unsigned int is greater than maximum");
      return Number(x);
    }
    case "l":
      return asLong(v);
    case "L":
      return asUnsignedLong(v);
    case "q": {
      const x = indexBig(v);
      if (x < LONG_MIN || x > LONG_MAX) raise(OverflowErrorType, "int too big to convert");
      return x;
    }
    case "Q": {
      const x = indexBig(v);
      if (x < 0n) raise(OverflowErrorType, "can't convert negative int to unsigned");
      if (x > ULONG_MAX) raise(OverflowErrorType, "int too big to convert");
      return x;
    }
    default:
      return floatAsDouble(v);
  }
}

/** Stores an already converted value at item i. */
export function storeItem(a: PyArray, i: number, x: number | bigint): void {
  const dv = a.dv;
  const at = i * a.descr.itemsize;
  switch (a.descr.typecode) {
    case "b": dv.setInt8(at, x as number); return;
    case "B": dv.setUint8(at, x as number); return;
    case "u": dv.setUint32(at, x as number, true); return;
    case "h": dv.setInt16(at, x as number, true); return;
    case "H": dv.setUint16(at, x as number, true); return;
    case "i": dv.setInt32(at, x as number, true); return;
    case "I": dv.setUint32(at, x as number, true); return;
    case "l": case "q": dv.setBigInt64(at, x as bigint, true); return;
    case "L": case "Q": dv.setBigUint64(at, x as bigint, true); return;
    case "f": dv.setFloat32(at, x as number, true); return;
    default: dv.setFloat64(at, x as number, true); return;
  }
}

/** setarrayitem: converts and stores `v` at item i. */
export function setArrayItem(a: PyArray, i: number, v: PyObject): void {
  storeItem(a, i, convertItem(a.descr, v));
}

/** The items of a 'u' array as text. */
export function arrayText(a: PyArray): string {
  let s = "";
  for (let i = 0; i < a.size; i++) s += String.fromCodePoint(a.dv.getUint32(i * 4, true));
  return s;
}

// ---------------------------------------------------------------------------
// Buffer export.

registerBufferExporter(ArrayType, {
  get: (o) => {
    const a = o as PyArray;
    a.exports++;
    return { data: arrayBytes(a), readonly: false };
  },
  release: (o) => {
    (o as PyArray).exports--;
  },
});

registerBufferFormat(ArrayType, (o) => {
  const d = (o as PyArray).descr;
  return { format: d.format, itemsize: d.itemsize };
});
