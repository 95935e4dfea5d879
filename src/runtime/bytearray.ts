// Objects/bytearrayobject.c: PyByteArray_Type (PyByteArrayObject, 56 bytes: ob_alloc,
// ob_bytes, ob_start, ob_exports after the var header), the separately allocated buffer and
// its growth (PyByteArray_Resize), _canresize's BufferError while buffers are exported,
// bytearray___init__ (including the list/tuple fast path and byte-by-byte appends),
// PyByteArray_FromStringAndSize, bytearray_setslice(_linear) with the "advance ob_start"
// trick for deletions at the front, bytearray_ass_subscript, append / extend / insert / pop /
// remove / clear / copy / reverse, += and *=, the buffer export (bf_getbuffer increments
// ob_exports, bf_releasebuffer decrements it), repr, comparisons, the bytearray iterator.

import { PyObject, type VisitProc } from "./object.js";
import { allocObject, allocGCObject, freeObject, freeGCObject, allocator } from "./heap.js";
import { DOMAIN_OBJ } from "../memory/index.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, newRef } from "./refcount.js";
import { PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE, CMP_EQ, CMP_NE } from "./type.js";
import { newStaticType, readyType, staticTypeSpec, TPFLAGS_SEQUENCE } from "./typeroots.js";
import type { MethodDef } from "./methoddef.js";
import type { PyTuple } from "./tuple.js";
import { isTuple } from "./tuple.js";
import type { PyDict } from "./dict.js";
import { isList } from "./list.js";
import { bytesRepr } from "./values/strmethods.js";
import { None, NotImplemented } from "./singletons.js";
import { BufferErrorType, IndexErrorType, TypeErrorType, ValueErrorType, raise } from "./exceptions.js";
import { newInt, newIntSsize, newBool } from "./int.js";
import { isStr, newStr } from "./str.js";
import { numberAsSsize, numberIndex, getIter, iterNext, hashNotImplemented, callOneArg } from "./abstract.js";
import { sliceUnpack, sliceAdjustIndices, sliceBounds, SliceType, type PySlice } from "./sliceobject.js";
import { registerBufferExporter, getBuffer, releaseBuffer, checkBuffer } from "./bufferproto.js";
import { sharedBytesMethods, fromHex, makeTrans, byteValue } from "./bytesmethods.js";
import { newBytes, bytesConstructorData, bytesCompare, bytesContainsData, bytesFormat, sliceData, bytesDataFromObject } from "./bytes.js";

/** sizeof(PyByteArrayObject) */
export const BYTEARRAY_BASICSIZE = 56;

export class PyByteArray extends PyObject {
  /** The allocated buffer (ob_bytes); its length is `alloc`. Empty when there is none. */
  data: Uint8Array;
  /** ob_start - ob_bytes: where the logical content begins in `data`. */
  start: number;
  /** ob_size: the logical length. */
  size: number;
  /** ob_alloc: bytes allocated for the buffer, including the trailing NUL (0 = no buffer). */
  alloc: number;
  /** Address of the buffer block in the allocator model (0 = none). */
  bufferAddress: number;
  /** ob_exports: live buffer views; while > 0 the size cannot change. */
  exports: number;

  constructor(type: PyType) {
    super(type);
    this.data = EMPTY_DATA;
    this.start = 0;
    this.size = 0;
    this.alloc = 0;
    this.bufferAddress = 0;
    this.exports = 0;
  }
}

const EMPTY_DATA = new Uint8Array(0);

export const ByteArrayType = newStaticType("bytearray", BYTEARRAY_BASICSIZE, 0, TPFLAGS_BASETYPE);
ByteArrayType.doc =
  "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\nbytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> bytes array of size given by the parameter initialized with null bytes\nbytearray() -> empty bytes array\n\nConstruct a mutable bytearray object from:\n  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  - a bytes or a buffer object\n  - any object implementing the buffer API.\n  - an integer";

export function isByteArray(o: PyObject): o is PyByteArray {
  return o.type === ByteArrayType || o.type.isSubtypeOf(ByteArrayType);
}

/** The logical content as a view (valid until the next resize). */
export function byteArrayBytes(b: PyByteArray): Uint8Array {
  return b.data.subarray(b.start, b.start + b.size);
}

function byteArrayDealloc(self: PyObject): void {
  const b = self as PyByteArray;
  if (b.exports > 0) throw new Error("heapscope internal error: deallocated bytearray object has exported buffers");
  if (b.bufferAddress !== 0) {
    allocator.free(DOMAIN_OBJ, b.bufferAddress);
    b.bufferAddress = 0;
  }
  b.data = EMPTY_DATA;
  if ((self.type.flags & TPFLAGS_HAVE_GC) !== 0) freeGCObject(self);
  else freeObject(self);
}
ByteArrayType.dealloc = byteArrayDealloc;

/** PyType_GenericAlloc / PyObject_New: an empty bytearray of `type` without a buffer. */
function allocByteArray(type: PyType): PyByteArray {
  const b = new PyByteArray(type);
  if (type === ByteArrayType) {
    allocObject(b, BYTEARRAY_BASICSIZE);
    return b;
  }
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) type.refcnt++;
  if ((type.flags & TPFLAGS_HAVE_GC) !== 0) {
    allocGCObject(b, type.basicsize);
    gcTrack(b);
  } else {
    allocObject(b, type.basicsize);
  }
  return b;
}

/** PyByteArray_FromStringAndSize: a new bytearray holding a copy of `data` (alloc n + 1). */
export function newByteArray(data: Uint8Array): PyByteArray {
  const b = allocByteArray(ByteArrayType);
  const n = data.length;
  if (n > 0) {
    b.alloc = n + 1;
    b.bufferAddress = allocator.malloc(DOMAIN_OBJ, n + 1);
    b.data = new Uint8Array(n + 1);
    b.data.set(data);
    b.size = n;
  }
  return b;
}

function canResize(b: PyByteArray): void {
  if (b.exports > 0) raise(BufferErrorType, "Existing exports of data: object cannot be re-sized");
}

/** PyByteArray_Resize: CPython's growth policy, on the allocator model's buffer block. */
export function byteArrayResize(b: PyByteArray, requested: number): void {
  if (requested === b.size) return;
  canResize(b);
  let alloc = b.alloc;
  const offset = b.start;
  const size = requested;
  if (size + offset + 1 <= alloc) {
    if (size < Math.floor(alloc / 2)) {
      alloc = size + 1;
    } else {
      b.size = size;
      b.data[b.start + size] = 0;
      return;
    }
  } else if (size <= alloc * 1.125) {
    alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
  } else {
    alloc = size + 1;
  }
  const keep = Math.min(requested, b.size);
  const nd = new Uint8Array(alloc);
  nd.set(b.data.subarray(b.start, b.start + keep));
  if (offset > 0) {
    const address = allocator.malloc(DOMAIN_OBJ, alloc);
    if (b.bufferAddress !== 0) allocator.free(DOMAIN_OBJ, b.bufferAddress);
    b.bufferAddress = address;
  } else if (b.bufferAddress === 0) {
    b.bufferAddress = allocator.malloc(DOMAIN_OBJ, alloc);
  } else {
    b.bufferAddress = allocator.realloc(DOMAIN_OBJ, b.bufferAddress, alloc);
  }
  b.data = nd;
  b.start = 0;
  b.size = size;
  b.alloc = alloc;
}

/** bytearray.__sizeof__: basicsize + ob_alloc. */
export function byteArraySizeof(b: PyByteArray): number {
  return b.type.basicsize + b.alloc;
}

registerBufferExporter(ByteArrayType, {
  get: (o) => {
    const b = o as PyByteArray;
    b.exports++;
    return { data: byteArrayBytes(b), readonly: false };
  },
  release: (o) => {
    (o as PyByteArray).exports--;
  },
});

// ---------------------------------------------------------------------------
// Construction.

function byteArrayNew(type: PyType, _args: PyTuple, _kwargs: PyDict | null): PyObject {
  return allocByteArray(type);
}

/** bytearray.__init__: (re)fills self from the constructor arguments. */
function byteArrayInit(self: PyObject, args: PyTuple, kwargs: PyDict | null): void {
  const b = self as PyByteArray;
  if (b.size !== 0) byteArrayResize(b, 0);
  const nargs = args.items.length;
  const arg = nargs > 0 ? args.items[0]! : null;
  // The list/tuple fast path and the byte-by-byte loop size the buffer differently.
  if (arg !== null && nargs === 1 && (kwargs === null || kwargs.used === 0) && !isStr(arg) && !checkBuffer(arg) && arg.type.nbIndex === null) {
    if (isList(arg) || isTuple(arg)) {
      const items = (arg as PyObject & { items: PyObject[] }).items;
      const n = items.length;
      byteArrayResize(b, n);
      for (let i = 0; i < n; i++) {
        const idx = numberIndex(items[i]!);
        const v = idx.big !== null ? -1 : idx.value;
        decref(idx);
        if (v < 0 || v > 255) raise(ValueErrorType, "byte must be in range(0, 256)");
        b.data[b.start + i] = v;
      }
      return;
    }
    if (arg.type.iter !== null || arg.type.sqItem !== null) {
      const it = getIter(arg);
      try {
        for (let item = iterNext(it); item !== null; item = iterNext(it)) {
          let v: number;
          try {
            v = byteValue(item);
          } finally {
            decref(item);
          }
          if (b.size + 1 < b.alloc) {
            b.size++;
            b.data[b.start + b.size] = 0;
          } else {
            byteArrayResize(b, b.size + 1);
          }
          b.data[b.start + b.size - 1] = v;
        }
      } finally {
        decref(it);
      }
      return;
    }
  }
  const data = bytesConstructorData(args, kwargs, "bytearray");
  if (data === null) return;
  byteArrayResize(b, data.length);
  b.data.set(data, b.start);
}

// ---------------------------------------------------------------------------
// Slice assignment.

/** bytearray_setslice_linear: replace self[lo:hi] by `bytes` (null: delete). */
function setSliceLinear(b: PyByteArray, lo: number, hi: number, bytes: Uint8Array | null): void {
  const needed = bytes === null ? 0 : bytes.length;
  const avail = hi - lo;
  const growth = needed - avail;
  if (growth < 0) {
    canResize(b);
    if (lo === 0) {
      // Deleting at the front only advances the logical start; the resize then sees the
      // offset (and reallocates with a fresh block if it decides to shrink).
      b.start -= growth;
      byteArrayResize(b, b.size + growth);
    } else {
      const base = b.start;
      b.data.copyWithin(base + lo + needed, base + hi, base + b.size);
      byteArrayResize(b, b.size + growth);
    }
  } else if (growth > 0) {
    byteArrayResize(b, b.size + growth);
    const base = b.start;
    b.data.copyWithin(base + lo + needed, base + hi, base + b.size - growth);
  }
  if (needed > 0) b.data.set(bytes!, b.start + lo);
}

/** bytearray_setslice: self[lo:hi] = values (values null: delete). */
export function byteArraySetSlice(b: PyByteArray, lo: number, hi: number, values: PyObject | null): void {
  let bytes: Uint8Array | null = null;
  if (values !== null) {
    if (!checkBuffer(values)) raise(TypeErrorType, `can't set bytearray slice from ${values.type.name}`);
    const v = getBuffer(values);
    try {
      bytes = v.data.slice();
    } finally {
      releaseBuffer(v);
    }
  }
  if (lo < 0) lo = 0;
  if (hi < lo) hi = lo;
  if (hi > b.size) hi = b.size;
  setSliceLinear(b, lo, hi, bytes);
}

function byteArrayAssSubscript(self: PyObject, index: PyObject, values: PyObject | null): void {
  const b = self as PyByteArray;
  let start: number, stop: number, step: number, slicelen: number;
  if (index.type.nbIndex !== null) {
    let i = numberAsSsize(index, IndexErrorType);
    if (i < 0) i += b.size;
    if (i < 0 || i >= b.size) raise(IndexErrorType, "bytearray index out of range");
    if (values !== null) {
      b.data[b.start + i] = byteValue(values);
      return;
    }
    start = i;
    stop = i + 1;
    step = 1;
    slicelen = 1;
  } else if (index.type === SliceType) {
    sliceUnpack(index as PySlice);
    slicelen = sliceAdjustIndices(b.size);
    start = sliceBounds.start;
    stop = sliceBounds.stop;
    step = sliceBounds.step;
  } else {
    raise(TypeErrorType, `bytearray indices must be integers or slices, not ${index.type.name}`);
  }
  let bytes: Uint8Array | null = null;
  if (values !== null) {
    if (values === b || !isByteArray(values)) {
      if (isStr(values) || (values.type.nbIndex !== null || values.type.nbInt !== null || values.type.nbFloat !== null) && !checkBuffer(values)) {
        raise(TypeErrorType, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
      }
      // CPython copies the value into a temporary bytearray first (an allocation tracemalloc sees).
      const tmp = newByteArray(bytesDataFromObject(values, "bytearray"));
      try {
        byteArrayAssSubscript(self, index, tmp);
      } finally {
        decref(tmp);
      }
      return;
    }
    bytes = byteArrayBytes(values).slice();
  }
  const needed = bytes === null ? 0 : bytes.length;
  if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
  if (step === 1) {
    setSliceLinear(b, start, stop, bytes);
    return;
  }
  if (needed === 0) {
    canResize(b);
    if (slicelen === 0) return;
    // Delete an extended slice: keep the bytes not selected, in order.
    const keep: number[] = [];
    const selected = new Set<number>();
    for (let k = 0, i = start; k < slicelen; k++, i += step) selected.add(i);
    for (let i = 0; i < b.size; i++) if (!selected.has(i)) keep.push(b.data[b.start + i]!);
    b.data.set(keep, b.start);
    byteArrayResize(b, b.size - slicelen);
    return;
  }
  if (needed !== slicelen) raise(ValueErrorType, `attempt to assign bytes of size ${needed} to extended slice of size ${slicelen}`);
  for (let k = 0, i = start; k < slicelen; k++, i += step) b.data[b.start + i] = bytes![k]!;
}

// ---------------------------------------------------------------------------
// Other slots.

function byteArrayRepr(self: PyObject): PyObject {
  const b = self as PyByteArray;
  return newStr(`${self.type.name}(${bytesRepr(byteArrayBytes(b))})`);
}

function byteArrayRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (!checkBuffer(a) || !checkBuffer(b) || isStr(a) || isStr(b)) return newRef(NotImplemented);
  const va = getBuffer(a);
  try {
    const vb = getBuffer(b);
    try {
      if ((op === CMP_EQ || op === CMP_NE) && va.data.length !== vb.data.length) return newBool(op === CMP_NE);
      return newBool(bytesCompare(va.data, vb.data, op));
    } finally {
      releaseBuffer(vb);
    }
  } finally {
    releaseBuffer(va);
  }
}

function byteArrayLength(self: PyObject): number {
  return (self as PyByteArray).size;
}

function byteArrayConcat(a: PyObject, other: PyObject): PyObject {
  if (!checkBuffer(other) || isStr(other)) raise(TypeErrorType, `can't concat ${other.type.name} to ${a.type.name}`);
  const x = byteArrayBytes(a as PyByteArray);
  const v = getBuffer(other);
  try {
    const out = new Uint8Array(x.length + v.data.length);
    out.set(x, 0);
    out.set(v.data, x.length);
    return newByteArray(out);
  } finally {
    releaseBuffer(v);
  }
}

function byteArrayInplaceConcat(a: PyObject, other: PyObject): PyObject {
  const b = a as PyByteArray;
  if (!checkBuffer(other) || isStr(other)) raise(TypeErrorType, `can't concat ${other.type.name} to ${a.type.name}`);
  const v = getBuffer(other);
  try {
    const add = v.data.slice();
    const old = b.size;
    byteArrayResize(b, old + add.length);
    b.data.set(add, b.start + old);
  } finally {
    releaseBuffer(v);
  }
  return newRef(b);
}

function byteArrayRepeat(self: PyObject, count: number): PyObject {
  const d = byteArrayBytes(self as PyByteArray);
  if (count < 0) count = 0;
  const out = new Uint8Array(d.length * count);
  for (let i = 0; i < count; i++) out.set(d, i * d.length);
  return newByteArray(out);
}

function byteArrayInplaceRepeat(self: PyObject, count: number): PyObject {
  const b = self as PyByteArray;
  if (count < 0) count = 0;
  const d = byteArrayBytes(b).slice();
  byteArrayResize(b, d.length * count);
  for (let i = 0; i < count; i++) b.data.set(d, b.start + i * d.length);
  return newRef(b);
}

function byteArrayContains(self: PyObject, item: PyObject): boolean {
  return bytesContainsData(byteArrayBytes(self as PyByteArray), item);
}

function byteArrayItem(self: PyObject, i: number): PyObject {
  const b = self as PyByteArray;
  if (i < 0 || i >= b.size) raise(IndexErrorType, "bytearray index out of range");
  return newInt(b.data[b.start + i]!);
}

function byteArraySubscript(self: PyObject, key: PyObject): PyObject {
  const b = self as PyByteArray;
  if (key.type.nbIndex !== null) {
    let i = numberAsSsize(key, IndexErrorType);
    if (i < 0) i += b.size;
    if (i < 0 || i >= b.size) raise(IndexErrorType, "bytearray index out of range");
    return newInt(b.data[b.start + i]!);
  }
  if (key.type === SliceType) {
    sliceUnpack(key as PySlice);
    sliceAdjustIndices(b.size);
    return newByteArray(sliceData(byteArrayBytes(b)));
  }
  raise(TypeErrorType, `bytearray indices must be integers or slices, not ${key.type.name}`);
}

function byteArrayRemainder(a: PyObject, args: PyObject): PyObject {
  if (!isByteArray(a)) return newRef(NotImplemented);
  return newByteArray(bytesFormat(byteArrayBytes(a), args));
}

// ---------------------------------------------------------------------------
// Methods.

function self_(o: PyObject): PyByteArray {
  return o as PyByteArray;
}

function baAppend(self: PyObject, item: PyObject): PyObject {
  const b = self_(self);
  const v = byteValue(item);
  byteArrayResize(b, b.size + 1);
  b.data[b.start + b.size - 1] = v;
  return newRef(None);
}

function baExtend(self: PyObject, iterable: PyObject): PyObject {
  const b = self_(self);
  if (checkBuffer(iterable)) {
    byteArraySetSlice(b, b.size, b.size, iterable);
    return newRef(None);
  }
  if (iterable.type.iter === null && iterable.type.sqItem === null) {
    raise(TypeErrorType, `can't extend bytearray with ${iterable.type.name}`);
  }
  // A temporary bytearray collects the bytes (grown by half each time), then is spliced in.
  const data = bytesDataFromObject(iterable, "bytearray");
  const tmp = newByteArray(data);
  try {
    byteArraySetSlice(b, b.size, b.size, tmp);
  } finally {
    decref(tmp);
  }
  return newRef(None);
}

function baInsert(self: PyObject, args: PyObject[], start: number, nargs: number): PyObject {
  if (nargs !== 2) raise(TypeErrorType, `insert expected 2 arguments, got ${nargs}`);
  const b = self_(self);
  let where = numberAsSsize(args[start]!, null);
  const v = byteValue(args[start + 1]!);
  const n = b.size;
  byteArrayResize(b, n + 1);
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  b.data.copyWithin(b.start + where + 1, b.start + where, b.start + n);
  b.data[b.start + where] = v;
  return newRef(None);
}

function baPop(self: PyObject, args: PyObject[], start: number, nargs: number): PyObject {
  if (nargs > 1) raise(TypeErrorType, `pop expected at most 1 argument, got ${nargs}`);
  const b = self_(self);
  const n = b.size;
  if (n === 0) raise(IndexErrorType, "pop from empty bytearray");
  let index = nargs > 0 ? numberAsSsize(args[start]!, null) : -1;
  if (index < 0) index += n;
  if (index < 0 || index >= n) raise(IndexErrorType, "pop index out of range");
  canResize(b);
  const value = b.data[b.start + index]!;
  b.data.copyWithin(b.start + index, b.start + index + 1, b.start + n);
  byteArrayResize(b, n - 1);
  return newInt(value);
}

function baRemove(self: PyObject, item: PyObject): PyObject {
  const b = self_(self);
  const v = byteValue(item);
  const d = byteArrayBytes(b);
  const where = d.indexOf(v);
  if (where < 0) raise(ValueErrorType, "value not found in bytearray");
  canResize(b);
  b.data.copyWithin(b.start + where, b.start + where + 1, b.start + b.size);
  byteArrayResize(b, b.size - 1);
  return newRef(None);
}

function baClear(self: PyObject): PyObject {
  byteArrayResize(self_(self), 0);
  return newRef(None);
}

function baCopy(self: PyObject): PyObject {
  return newByteArray(byteArrayBytes(self_(self)));
}

function baReverse(self: PyObject): PyObject {
  byteArrayBytes(self_(self)).reverse();
  return newRef(None);
}

// ---------------------------------------------------------------------------
// Iterator.

export class PyByteArrayIter extends PyObject {
  seq: PyByteArray | null;
  index: number;
  constructor(seq: PyByteArray) {
    super(ByteArrayIterType);
    this.seq = seq;
    this.index = 0;
  }
}

export const ByteArrayIterType = newStaticType("bytearray_iterator", 32, 0, TPFLAGS_HAVE_GC);
ByteArrayIterType.dealloc = (self) => {
  const it = self as PyByteArrayIter;
  gcUntrack(it);
  const seq = it.seq;
  it.seq = null;
  if (seq !== null) decref(seq);
  freeGCObject(it);
};
ByteArrayIterType.traverse = (self, visit: VisitProc, arg) => {
  const seq = (self as PyByteArrayIter).seq;
  if (seq !== null) visit(seq, arg);
};
ByteArrayIterType.iter = (self) => newRef(self);
ByteArrayIterType.iternext = (self) => {
  const it = self as PyByteArrayIter;
  const seq = it.seq;
  if (seq === null) return null;
  if (it.index < seq.size) return newInt(seq.data[seq.start + it.index++]!);
  it.seq = null;
  decref(seq);
  return null;
};

function byteArrayIter(self: PyObject): PyObject {
  const it = new PyByteArrayIter(newRef(self as PyByteArray));
  allocGCObject(it, 32);
  gcTrack(it);
  return it;
}

// ---------------------------------------------------------------------------
// Wiring.

ByteArrayType.new_ = byteArrayNew;
ByteArrayType.init = byteArrayInit;
ByteArrayType.repr = byteArrayRepr;
ByteArrayType.str = byteArrayRepr;
ByteArrayType.hash = hashNotImplemented;
ByteArrayType.richcompare = byteArrayRichCompare;
ByteArrayType.iter = byteArrayIter;
ByteArrayType.sqLength = byteArrayLength;
ByteArrayType.mpLength = byteArrayLength;
ByteArrayType.sqConcat = byteArrayConcat;
ByteArrayType.sqInplaceConcat = byteArrayInplaceConcat;
ByteArrayType.sqRepeat = byteArrayRepeat;
ByteArrayType.sqInplaceRepeat = byteArrayInplaceRepeat;
ByteArrayType.sqContains = byteArrayContains;
ByteArrayType.sqItem = byteArrayItem;
ByteArrayType.mpSubscript = byteArraySubscript;
ByteArrayType.mpAssSubscript = byteArrayAssSubscript;
ByteArrayType.nbRemainder = byteArrayRemainder;
ByteArrayType.flags |= TPFLAGS_SEQUENCE;

const byteArrayMethods: MethodDef[] = [
  { name: "append", kind: "o", fn: baAppend, doc: "Append a single item to the end of the bytearray.\n\n  item\n    The item to be appended." },
  { name: "extend", kind: "o", fn: baExtend, doc: "Append all the items from the iterator or sequence to the end of the bytearray.\n\n  iterable_of_ints\n    The iterable of items to append." },
  { name: "insert", kind: "fastcall", fn: baInsert, doc: "Insert a single item into the bytearray before the given index." },
  { name: "pop", kind: "fastcall", fn: baPop, doc: "Remove and return a single item from B.\n\n  index\n    The index from where to remove the item.\n    -1 (the default value) means remove the last item.\n\nIf no index argument is given, will pop the last item." },
  { name: "remove", kind: "o", fn: baRemove, doc: "Remove the first occurrence of a value in the bytearray." },
  { name: "clear", kind: "noargs", fn: baClear, doc: "Remove all items from the bytearray." },
  { name: "copy", kind: "noargs", fn: baCopy, doc: "Return a copy of B." },
  { name: "reverse", kind: "noargs", fn: baReverse, doc: "Reverse the order of the values in B in place." },
  { name: "__alloc__", kind: "noargs", fn: (self) => newIntSsize(self_(self).alloc), doc: "B.__alloc__() -> int\n\nReturn the number of bytes actually allocated." },
  { name: "__sizeof__", kind: "noargs", fn: (self) => newIntSsize(byteArraySizeof(self_(self))), doc: "Returns the size of the bytearray object in memory, in bytes." },
  {
    name: "fromhex",
    kind: "o",
    binding: "class",
    fn: (cls, arg) => {
      if (!isStr(arg)) raise(TypeErrorType, `fromhex() argument must be str, not ${arg.type.name}`);
      const b = newByteArray(fromHex(arg.value));
      if (cls === ByteArrayType) return b;
      try {
        return callOneArg(cls, b);
      } finally {
        decref(b);
      }
    },
  },
  {
    name: "maketrans",
    kind: "fastcall",
    binding: "static",
    fn: (_s, args, start, nargs) => {
      if (nargs !== 2) raise(TypeErrorType, `maketrans expected 2 arguments, got ${nargs}`);
      return newBytes(makeTrans(args[start]!, args[start + 1]!));
    },
  },
];

const spec = staticTypeSpec(ByteArrayType);
for (const m of sharedBytesMethods(
  (self) => byteArrayBytes(self as PyByteArray),
  (_self, data) => newByteArray(data),
  (self) => newBytes(byteArrayBytes(self as PyByteArray).slice()),
  (self) => newByteArray(byteArrayBytes(self as PyByteArray)),
)) {
  spec.methods.push(m);
}
for (const m of byteArrayMethods) spec.methods.push(m);
readyType(ByteArrayType);
staticTypeSpec(ByteArrayIterType).methods.push({
  name: "__length_hint__",
  kind: "noargs",
  fn: (self) => {
    const it = self as PyByteArrayIter;
    const seq = it.seq;
    return newIntSsize(seq === null ? 0 : Math.max(0, seq.size - it.index));
  },
  doc: "Private method returning an estimate of len(list(it)).",
});
readyType(ByteArrayIterType);
