// Objects/memoryobject.c (3.11), the protocol half: memoryview_impl (memoryview(object)),
// memory_subscript / memory_item / memory_item_multi / init_slice / lookup_dimension /
// ptr_from_tuple, memory_ass_sub / copy_single (equiv_structure), memory_cast (cast_to_1D,
// cast_to_ND), memory_toreadonly, memory_tobytes, memory_tolist (tolist_base / tolist_rec),
// memory_hex, memory_richcompare (equiv_shape, unpack_cmp), memory_hash, memory_enter /
// memory_exit / memory_release, PyMemoryIter_Type, and the attribute getters.

import { PyObject } from "./object.js";
import { allocGCObject, allocObject, freeGCObject } from "./heap.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, newRef } from "./refcount.js";
import { CMP_EQ, CMP_NE, TPFLAGS_HAVE_GC, type PyType } from "./type.js";
import { newStaticType, readyType } from "./typeroots.js";
import { addGetSets, addMethods } from "./descrobject.js";
import type { MethodDef, GetSetDef } from "./methoddef.js";
import {
  IndexErrorType, NotImplementedErrorType, TypeErrorType, ValueErrorType, raise,
} from "./exceptions.js";
import { newInt, newIntSsize, newBool, isInt } from "./int.js";
import { newStr, isStr, type PyStr } from "./str.js";
import { None, NotImplemented, Ellipsis } from "./singletons.js";
import { tupleFromOwned, isTuple, EMPTY_TUPLE, type PyTuple } from "./tuple.js";
import { newList, type PyList } from "./list.js";
import { numberAsSsize, objectHash } from "./abstract.js";
import { isSlice, sliceUnpack, sliceAdjustIndices, sliceBounds, type PySlice } from "./sliceobject.js";
import { parseArgs } from "./getargs.js";
import { dictNext, dictEntry, type PyDict } from "./dict.js";
import { PyBytes, BytesType, EMPTY_BYTES, BYTES_HEADER_SIZE } from "./bytes.js";
import { hexText } from "./bytesmethods.js";
import { hashBytes, hashResult } from "./values/pyhash.js";
import { checkBuffer } from "./bufferproto.js";
import { encodeStr } from "./unicodecodecs.js";
import {
  PyMemoryView, MemoryViewType, MV_C, MV_FORTRAN, baseInaccessible, checkReleased,
  memoryViewFromObject, mbufAddView, mbufAddIncompleteView, initFlags, initLen, memoryRelease,
  memoryLength, viewToBytes, holdStructuredBuffer, withScratch, isMemoryView, type HeldBuffer,
} from "./memorycore.js";
import {
  adjustFormat, unpackItem, packItem, unpackValue, unpackedEqual, nativeFormatItemsize,
  nativeFormatChar, isByteFormat,
} from "./memoryformat.js";

// ---------------------------------------------------------------------------
// Construction.

/** The tp_new arguments (tuple, dict) as a vectorcall (for clinic-style parsing). */
export function tupleDictToVector(args: PyTuple, kwargs: PyDict | null): { vec: PyObject[]; nargs: number; kwnames: PyTuple | null } {
  const vec = args.items.slice();
  const nargs = vec.length;
  if (kwargs === null || kwargs.used === 0) return { vec, nargs, kwnames: null };
  const names: PyObject[] = [];
  for (let pos = dictNext(kwargs, 0); pos >= 0; pos = dictNext(kwargs, pos)) {
    names.push(newRef(dictEntry.key!));
    vec.push(dictEntry.value!);
  }
  return { vec, nargs, kwnames: tupleFromOwned(names) };
}

MemoryViewType.new_ = (_type: PyType, args: PyTuple, kwargs: PyDict | null) => {
  const { vec, nargs, kwnames } = tupleDictToVector(args, kwargs);
  try {
    const p = parseArgs("memoryview", vec, 0, nargs, kwnames, ["object"], 1);
    return memoryViewFromObject(p[0]!);
  } finally {
    if (kwnames !== null) decref(kwnames);
  }
};

// ---------------------------------------------------------------------------
// Indexing.

/** lookup_dimension: the byte offset of item `index` along dimension `dim` from `ptr`. */
function lookupDimension(mv: PyMemoryView, ptr: number, dim: number, index: number): number {
  const nitems = mv.shape[dim]!;
  if (index < 0) index += nitems;
  if (index < 0 || index >= nitems) raise(IndexErrorType, `index out of bounds on dimension ${dim + 1}`);
  return ptr + mv.strides[dim]! * index;
}

/** ptr_from_tuple */
function ptrFromTuple(mv: PyMemoryView, tup: PyTuple): number {
  const nindices = tup.items.length;
  if (nindices > mv.ndim) {
    raise(TypeErrorType, `cannot index ${mv.ndim}-dimension view with ${nindices}-element tuple`);
  }
  let ptr = mv.buf;
  for (let dim = 0; dim < nindices; dim++) {
    const index = numberAsSsize(tup.items[dim]!, IndexErrorType);
    ptr = lookupDimension(mv, ptr, dim, index);
  }
  return ptr;
}

function isMultiIndex(key: PyObject): key is PyTuple {
  if (!isTuple(key)) return false;
  for (const k of key.items) if (k.type.nbIndex === null) return false;
  return true;
}

function isMultiSlice(key: PyObject): key is PyTuple {
  if (!isTuple(key)) return false;
  for (const k of key.items) if (!isSlice(k)) return false;
  return true;
}

/** memory_item (sq_item) */
export function memoryItem(self: PyObject, index: number): PyObject {
  const mv = self as PyMemoryView;
  checkReleased(mv);
  const fmt = adjustFormat(mv.format);
  if (mv.ndim === 0) raise(TypeErrorType, "invalid indexing of 0-dim memory");
  if (mv.ndim === 1) return unpackItem(mv.dv, lookupDimension(mv, mv.buf, 0, index), fmt);
  raise(NotImplementedErrorType, "multi-dimensional sub-views are not implemented");
}

/** init_slice: narrows dimension `dim` of the (new) view to the slice. */
function initSlice(mv: { buf: number; shape: number[]; strides: number[] }, key: PySlice, dim: number): void {
  sliceUnpack(key);
  const length = sliceAdjustIndices(mv.shape[dim]!);
  mv.buf += mv.strides[dim]! * sliceBounds.start;
  mv.shape[dim] = length;
  mv.strides[dim] = mv.strides[dim]! * sliceBounds.step;
}

/** memory_subscript (mp_subscript) */
function memorySubscript(self: PyObject, key: PyObject): PyObject {
  const mv = self as PyMemoryView;
  checkReleased(mv);
  if (mv.ndim === 0) {
    if (isTuple(key) && key.items.length === 0) return unpackItem(mv.dv, mv.buf, adjustFormat(mv.format));
    if (key === Ellipsis) return newRef(mv);
    raise(TypeErrorType, "invalid indexing of 0-dim memory");
  }
  if (key.type.nbIndex !== null) return memoryItem(mv, numberAsSsize(key, IndexErrorType));
  if (isSlice(key)) {
    const sliced = mbufAddView(mv.mbuf!, mv);
    try {
      initSlice(sliced, key, 0);
    } catch (e) {
      decref(sliced);
      throw e;
    }
    initLen(sliced);
    initFlags(sliced);
    return sliced;
  }
  if (isMultiIndex(key)) {
    const fmt = adjustFormat(mv.format);
    if (key.items.length < mv.ndim) raise(NotImplementedErrorType, "sub-views are not implemented");
    return unpackItem(mv.dv, ptrFromTuple(mv, key), fmt);
  }
  if (isMultiSlice(key)) raise(NotImplementedErrorType, "multi-dimensional slicing is not implemented");
  raise(TypeErrorType, "memoryview: invalid slice key");
}

/** equiv_format + equiv_shape (equiv_structure's two halves). */
function equivFormat(a: { format: string; itemsize: number }, b: { format: string; itemsize: number }): boolean {
  const fa = a.format.charCodeAt(0) === 64 ? a.format.slice(1) : a.format;
  const fb = b.format.charCodeAt(0) === 64 ? b.format.slice(1) : b.format;
  return fa === fb && a.itemsize === b.itemsize;
}

function equivShape(a: { ndim: number; shape: number[] }, b: { ndim: number; shape: number[] }): boolean {
  if (a.ndim !== b.ndim) return false;
  for (let i = 0; i < a.ndim; i++) {
    if (a.shape[i] !== b.shape[i]) return false;
    if (a.shape[i] === 0) break;
  }
  return true;
}

/**
 * copy_single: copies the one-dimensional `src` into the slice `dest` of `mv`, as memmove
 * when both are contiguous and through a scratch buffer otherwise (overlaps are safe).
 */
function copySingle(mv: PyMemoryView, dest: { buf: number; shape: number[]; strides: number[] }, src: HeldBuffer): void {
  const destView = { format: mv.format, itemsize: mv.itemsize, ndim: 1, shape: dest.shape };
  if (!equivFormat(destView, src) || !equivShape(destView, src)) {
    raise(ValueErrorType, "memoryview assignment: lvalue and rvalue have different structures");
  }
  const n = dest.shape[0]!;
  const itemsize = mv.itemsize;
  const destContiguous = dest.strides[0] === itemsize;
  const srcContiguous = src.strides[0] === itemsize;
  if (destContiguous && srcContiguous) {
    // TypedArray.set clones a source sharing the target's ArrayBuffer first: memmove.
    mv.bytes.set(src.bytes.subarray(src.buf, src.buf + n * itemsize), dest.buf);
    return;
  }
  const gathered = viewToBytes({ ...src, len: n * itemsize });
  const write = (): void => {
    for (let i = 0; i < n; i++) {
      const at = dest.buf + i * dest.strides[0]!;
      mv.bytes.set(gathered.subarray(i * itemsize, (i + 1) * itemsize), at);
    }
  };
  withScratch(n * itemsize, write);
}

/** memory_ass_sub (mp_ass_subscript) */
function memoryAssSubscript(self: PyObject, key: PyObject, value: PyObject | null): void {
  const mv = self as PyMemoryView;
  checkReleased(mv);
  const fmt = adjustFormat(mv.format);
  if (mv.readonly) raise(TypeErrorType, "cannot modify read-only memory");
  if (value === null) raise(TypeErrorType, "cannot delete memory");
  if (mv.ndim === 0) {
    if (key === Ellipsis || (isTuple(key) && key.items.length === 0)) {
      packItem(mv.dv, mv.buf, value, fmt);
      return;
    }
    raise(TypeErrorType, "invalid indexing of 0-dim memory");
  }
  if (key.type.nbIndex !== null) {
    if (mv.ndim > 1) raise(NotImplementedErrorType, "sub-views are not implemented");
    const index = numberAsSsize(key, IndexErrorType);
    packItem(mv.dv, lookupDimension(mv, mv.buf, 0, index), value, fmt);
    return;
  }
  if (isSlice(key) && mv.ndim === 1) {
    const src = holdStructuredBuffer(value);
    try {
      const dest = { buf: mv.buf, shape: [mv.shape[0]!], strides: [mv.strides[0]!] };
      initSlice(dest, key, 0);
      copySingle(mv, dest, src);
    } finally {
      src.release();
    }
    return;
  }
  if (isMultiIndex(key)) {
    if (key.items.length < mv.ndim) raise(NotImplementedErrorType, "sub-views are not implemented");
    packItem(mv.dv, ptrFromTuple(mv, key), value, fmt);
    return;
  }
  if (isSlice(key) || isMultiSlice(key)) {
    raise(NotImplementedErrorType, "memoryview slice assignments are currently restricted to ndim = 1");
  }
  raise(TypeErrorType, "memoryview: invalid slice key");
}

// ---------------------------------------------------------------------------
// Conversions.

/** PyBytes_FromStringAndSize(NULL, n) filled: a fresh object even for one byte. */
function bytesFromFresh(data: Uint8Array): PyObject {
  if (data.length === 0) return newRef(EMPTY_BYTES);
  const b = new PyBytes(BytesType, data);
  allocObject(b, BYTES_HEADER_SIZE + data.length + 1);
  return b;
}

function tolistRec(mv: PyMemoryView, ptr: number, dim: number, fmt: string): PyObject {
  const n = mv.shape[dim]!;
  const l = newList(n) as PyList;
  const last = dim === mv.ndim - 1;
  for (let i = 0; i < n; i++) {
    const at = ptr + i * mv.strides[dim]!;
    try {
      l.items[i] = last ? unpackItem(mv.dv, at, fmt) : tolistRec(mv, at, dim + 1, fmt);
    } catch (e) {
      for (let j = i; j < n; j++) l.items[j] = newRef(None);
      decref(l);
      throw e;
    }
  }
  return l;
}

function memoryTolist(self: PyObject): PyObject {
  const mv = self as PyMemoryView;
  checkReleased(mv);
  const fmt = adjustFormat(mv.format);
  if (mv.ndim === 0) return unpackItem(mv.dv, mv.buf, fmt);
  return tolistRec(mv, mv.buf, 0, fmt);
}

function memoryTobytes(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const mv = self as PyMemoryView;
  const p = parseArgs("tobytes", args, start, nargs, kwnames, ["order"], 0);
  checkReleased(mv);
  let order: "C" | "F" | "A" = "C";
  const o = p[0];
  if (o !== null && o !== undefined && o !== None) {
    if (!isStr(o)) raise(TypeErrorType, `tobytes() argument 'order' must be str or None, not ${o.type.name}`);
    const text = (o as PyStr).value;
    if (text === "F") order = "F";
    else if (text === "A") order = "A";
    else if (text !== "C") raise(ValueErrorType, "order must be 'C', 'F' or 'A'");
  }
  return bytesFromFresh(viewToBytes(mv, order));
}

function memoryHex(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const mv = self as PyMemoryView;
  const p = parseArgs("hex", args, start, nargs, kwnames, ["sep", "bytes_per_sep"], 0);
  checkReleased(mv);
  const data = (mv.flags & MV_C) !== 0 ? mv.bytes.subarray(mv.buf, mv.buf + mv.len) : viewToBytes(mv);
  return newStr(hexText(data, p[0] ?? null, p[1] ?? null));
}

function memoryToreadonly(self: PyObject): PyObject {
  const mv = self as PyMemoryView;
  checkReleased(mv);
  const copy = mbufAddView(mv.mbuf!, mv);
  copy.readonly = true;
  return copy;
}

// ---------------------------------------------------------------------------
// cast

const PYBUF_MAX_NDIM = 64;

function castTo1D(mv: PyMemoryView, formatObj: PyStr): void {
  const format = formatObj.value;
  // PyUnicode_AsASCIIString: a non-ASCII format fails with UnicodeEncodeError.
  encodeStr(format, "ascii", "strict", formatObj);
  const itemsize = nativeFormatItemsize(format);
  if (itemsize < 0) {
    raise(ValueErrorType, "memoryview: destination format must be a native single character format prefixed with an optional '@'");
  }
  const srcChar = nativeFormatChar(mv.format);
  const destChar = nativeFormatChar(format);
  if ((srcChar === "_" || !isByteFormat(srcChar)) && !isByteFormat(destChar)) {
    raise(TypeErrorType, "memoryview: cannot cast between two non-byte formats");
  }
  if (mv.len % itemsize !== 0) raise(TypeErrorType, "memoryview: length is not a multiple of itemsize");
  mv.format = format;
  mv.itemsize = itemsize;
  mv.ndim = 1;
  mv.shape = [mv.len / itemsize];
  mv.strides = [itemsize];
  initFlags(mv);
}

function castToND(mv: PyMemoryView, shape: PyObject[], ndim: number): void {
  mv.ndim = ndim;
  let len: number;
  if (ndim === 0) {
    mv.shape = [];
    mv.strides = [];
    len = mv.itemsize;
  } else {
    len = mv.itemsize;
    const dims: number[] = [];
    for (let i = 0; i < ndim; i++) {
      const item = shape[i]!;
      if (!isInt(item)) raise(TypeErrorType, "memoryview.cast(): elements of shape must be integers");
      const x = numberAsSsize(item, null);
      if (x <= 0) raise(ValueErrorType, "memoryview.cast(): elements of shape must be integers > 0");
      if (x > Number.MAX_SAFE_INTEGER / len) raise(ValueErrorType, "memoryview.cast(): product(shape) > SSIZE_MAX");
      len *= x;
      dims.push(x);
    }
    mv.shape = dims;
    // init_strides_from_shape: C order.
    const strides = new Array<number>(ndim);
    strides[ndim - 1] = mv.itemsize;
    for (let i = ndim - 2; i >= 0; i--) strides[i] = strides[i + 1]! * dims[i + 1]!;
    mv.strides = strides;
  }
  if (mv.len !== len) raise(TypeErrorType, "memoryview: product(shape) * itemsize != buffer size");
  initFlags(mv);
}

function memoryCast(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const mv = self as PyMemoryView;
  const p = parseArgs("cast", args, start, nargs, kwnames, ["format", "shape"], 1);
  const formatObj = p[0]!;
  if (!isStr(formatObj)) raise(TypeErrorType, `cast() argument 'format' must be str, not ${formatObj.type.name}`);
  const shapeObj = p[1] ?? null;
  checkReleased(mv);
  if ((mv.flags & MV_C) === 0) raise(TypeErrorType, "memoryview: casts are restricted to C-contiguous views");
  if ((shapeObj !== null || mv.ndim !== 1) && zeroInShape(mv)) {
    raise(TypeErrorType, "memoryview: cannot cast view with zeros in shape or strides");
  }
  let ndim = 1;
  let shapeItems: PyObject[] = [];
  if (shapeObj !== null) {
    if (!isTuple(shapeObj) && !(shapeObj.type.name === "list" && "items" in shapeObj)) {
      raise(TypeErrorType, "shape must be a list or a tuple");
    }
    shapeItems = (shapeObj as PyObject & { items: PyObject[] }).items.slice();
    ndim = shapeItems.length;
    if (ndim > PYBUF_MAX_NDIM) raise(ValueErrorType, `memoryview: number of dimensions must not exceed ${PYBUF_MAX_NDIM}`);
    if (mv.ndim !== 1 && ndim !== 1) raise(TypeErrorType, "memoryview: cast must be 1D -> ND or ND -> 1D");
  }
  const out = mbufAddIncompleteView(mv.mbuf!, mv, ndim === 0 ? 1 : ndim);
  try {
    castTo1D(out, formatObj as PyStr);
    if (shapeObj !== null) castToND(out, shapeItems, ndim);
  } catch (e) {
    decref(out);
    throw e;
  }
  return out;
}

function zeroInShape(mv: PyMemoryView): boolean {
  for (let i = 0; i < mv.ndim; i++) if (mv.shape[i] === 0) return true;
  return false;
}

// ---------------------------------------------------------------------------
// Comparison and hashing.

/** Compares two views item by item in logical order. */
function compareItems(a: HeldBuffer | PyMemoryView, b: HeldBuffer, sameFormat: boolean): boolean {
  const fa = adjustFormatOrNull(a.format);
  const fb = adjustFormatOrNull(b.format);
  if (fa === null || fb === null) return false;
  if (a.ndim === 0) return itemsEqual(a, a.buf, fa, b, b.buf, fb, sameFormat);
  return compareRec(a, a.buf, b, b.buf, 0, fa, fb, sameFormat);
}

function adjustFormatOrNull(format: string): string | null {
  const f = format.charCodeAt(0) === 64 ? format.slice(1) : format;
  return f.length === 1 ? f : null;
}

function compareRec(a: HeldBuffer | PyMemoryView, pa: number, b: HeldBuffer, pb: number, dim: number, fa: string, fb: string, same: boolean): boolean {
  const n = a.shape[dim]!;
  const last = dim === a.ndim - 1;
  for (let i = 0; i < n; i++) {
    const xa = pa + i * a.strides[dim]!;
    const xb = pb + i * b.strides[dim]!;
    const eq = last ? itemsEqual(a, xa, fa, b, xb, fb, same) : compareRec(a, xa, b, xb, dim + 1, fa, fb, same);
    if (!eq) return false;
  }
  return true;
}

function itemsEqual(a: { dv: DataView }, pa: number, fa: string, b: { dv: DataView }, pb: number, fb: string, _same: boolean): boolean {
  return unpackedEqual(unpackValue(a.dv, pa, fa), unpackValue(b.dv, pb, fb));
}

/** memory_richcompare: == and != only; released views equal only themselves. */
function memoryRichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (op !== CMP_EQ && op !== CMP_NE) return newRef(NotImplemented);
  const mv = v as PyMemoryView;
  let equal: boolean;
  if (baseInaccessible(mv)) {
    equal = v === w;
  } else if (isMemoryView(w) && baseInaccessible(w)) {
    equal = v === w;
  } else {
    if (!isMemoryView(w) && !checkBuffer(w)) return newRef(NotImplemented);
    const held = holdStructuredBuffer(w);
    try {
      if (!equivShape(mv, held)) equal = false;
      else {
        const fa = nativeFormatChar(mv.format);
        const fb = nativeFormatChar(held.format);
        equal = compareItems(mv, held, fa !== "_" && fa === fb);
      }
    } finally {
      held.release();
    }
  }
  return newBool(op === CMP_EQ ? equal : !equal);
}

/** memory_hash: read-only byte-format views hash like the bytes they show. */
function memoryHash(self: PyObject): void {
  const mv = self as PyMemoryView;
  if (!mv.hashCached) {
    checkReleased(mv);
    if (!mv.readonly) raise(ValueErrorType, "cannot hash writable memoryview object");
    const ch = nativeFormatChar(mv.format);
    if (ch === "_" || !isByteFormat(ch)) raise(ValueErrorType, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    // The exporter must be hashable too (its own error message is kept).
    if (mv.obj !== null) objectHash(mv.obj);
    const data = (mv.flags & MV_C) !== 0 ? mv.bytes.subarray(mv.buf, mv.buf + mv.len) : viewToBytes(mv);
    hashBytes(data, data.length);
    mv.hashHi = hashResult.hi;
    mv.hashLo = hashResult.lo;
    mv.hashCached = true;
    return;
  }
  hashResult.hi = mv.hashHi;
  hashResult.lo = mv.hashLo;
}

// ---------------------------------------------------------------------------
// Iteration (PyMemoryIter_Type).

class PyMemoryIter extends PyObject {
  seq: PyMemoryView | null;
  index: number;
  length: number;
  fmt: string;
  constructor() {
    super(MemoryIterType);
    this.seq = null;
    this.index = 0;
    this.length = 0;
    this.fmt = "B";
  }
}

/** sizeof(memoryiterobject): head, it_index, it_seq, it_length, it_fmt. */
const MEMORYITER_BASICSIZE = 48;

export const MemoryIterType = newStaticType("memory_iterator", MEMORYITER_BASICSIZE, 0, TPFLAGS_HAVE_GC);
MemoryIterType.dealloc = (self) => {
  const it = self as PyMemoryIter;
  gcUntrack(it);
  const seq = it.seq;
  it.seq = null;
  if (seq !== null) decref(seq);
  freeGCObject(it);
};
MemoryIterType.traverse = (self, visit, arg) => {
  const seq = (self as PyMemoryIter).seq;
  if (seq !== null) visit(seq, arg);
};
MemoryIterType.iter = (self) => newRef(self);
MemoryIterType.iternext = (self) => {
  const it = self as PyMemoryIter;
  const seq = it.seq;
  if (seq === null) return null;
  if (it.index < it.length) {
    checkReleased(seq);
    const at = seq.buf + seq.strides[0]! * it.index++;
    return unpackItem(seq.dv, at, it.fmt);
  }
  it.seq = null;
  decref(seq);
  return null;
};
readyType(MemoryIterType);

function memoryIter(self: PyObject): PyObject {
  const mv = self as PyMemoryView;
  if (mv.ndim === 0) raise(TypeErrorType, "invalid indexing of 0-dim memory");
  if (mv.ndim !== 1) raise(NotImplementedErrorType, "multi-dimensional sub-views are not implemented");
  const fmt = adjustFormat(mv.format);
  const it = new PyMemoryIter();
  it.fmt = fmt;
  it.length = memoryLength(mv);
  it.index = 0;
  it.seq = newRef(mv);
  allocGCObject(it, MEMORYITER_BASICSIZE);
  gcTrack(it);
  return it;
}

// ---------------------------------------------------------------------------
// Methods and attributes.

function memoryEnter(self: PyObject): PyObject {
  checkReleased(self as PyMemoryView);
  return newRef(self);
}

function memoryExit(self: PyObject, _args: PyObject[], _start: number, _nargs: number, _kwnames: PyTuple | null): PyObject {
  memoryRelease(self as PyMemoryView);
  return newRef(None);
}

function memoryReleaseMethod(self: PyObject): PyObject {
  memoryRelease(self as PyMemoryView);
  return newRef(None);
}

const MEMORY_METHODS: MethodDef[] = [
  { name: "release", kind: "noargs", fn: memoryReleaseMethod, doc: "Release the underlying buffer exposed by the memoryview object." },
  { name: "tobytes", kind: "fastcall", fn: memoryTobytes, doc: "Return the data in the buffer as a byte string." },
  { name: "hex", kind: "fastcall", fn: memoryHex, doc: "Return the data in the buffer as a str of hexadecimal numbers." },
  { name: "tolist", kind: "noargs", fn: memoryTolist, doc: "Return the data in the buffer as a list of elements." },
  { name: "cast", kind: "fastcall", fn: memoryCast, doc: "Cast a memoryview to a new format or shape." },
  { name: "toreadonly", kind: "noargs", fn: memoryToreadonly, doc: "Return a readonly version of the memoryview." },
  { name: "__enter__", kind: "noargs", fn: memoryEnter },
  { name: "__exit__", kind: "fastcall", fn: memoryExit },
];

function intTuple(values: number[], n: number): PyObject {
  if (n === 0) return newRef(EMPTY_TUPLE);
  const items: PyObject[] = [];
  for (let i = 0; i < n; i++) items.push(newIntSsize(values[i]!));
  return tupleFromOwned(items);
}

function getter(fn: (mv: PyMemoryView) => PyObject): (self: PyObject) => PyObject {
  return (self) => {
    const mv = self as PyMemoryView;
    checkReleased(mv);
    return fn(mv);
  };
}

const MEMORY_GETSETS: GetSetDef[] = [
  { name: "obj", get: getter((mv) => newRef(mv.obj ?? None)), doc: "The underlying object of the memoryview." },
  { name: "nbytes", get: getter((mv) => newIntSsize(mv.len)) },
  { name: "readonly", get: getter((mv) => newBool(mv.readonly)) },
  { name: "itemsize", get: getter((mv) => newIntSsize(mv.itemsize)) },
  { name: "format", get: getter((mv) => newStr(mv.format)) },
  { name: "ndim", get: getter((mv) => newInt(mv.ndim)) },
  { name: "shape", get: getter((mv) => intTuple(mv.shape, mv.ndim)) },
  { name: "strides", get: getter((mv) => intTuple(mv.strides, mv.ndim)) },
  { name: "suboffsets", get: getter(() => newRef(EMPTY_TUPLE)) },
  { name: "c_contiguous", get: getter((mv) => newBool((mv.flags & MV_C) !== 0)) },
  { name: "f_contiguous", get: getter((mv) => newBool((mv.flags & MV_FORTRAN) !== 0)) },
  { name: "contiguous", get: getter((mv) => newBool((mv.flags & (MV_C | MV_FORTRAN)) !== 0)) },
];

MemoryViewType.mpSubscript = memorySubscript;
MemoryViewType.mpAssSubscript = memoryAssSubscript;
MemoryViewType.sqItem = memoryItem;
MemoryViewType.richcompare = memoryRichCompare;
MemoryViewType.hash = memoryHash;
MemoryViewType.iter = memoryIter;
readyType(MemoryViewType);
addMethods(MemoryViewType, MEMORY_METHODS);
addGetSets(MemoryViewType, MEMORY_GETSETS);
