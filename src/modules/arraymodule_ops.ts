// Modules/arraymodule.c (3.11), the protocol half: array_new (initializers), array_repr,
// array_richcompare, array_item / array_subscr / array_ass_subscr (slices, extended slices,
// deletion), array_del_slice, ins1, array_concat / array_repeat / array_inplace_concat /
// array_inplace_repeat, array_contains, the methods (append, extend, insert, pop, remove,
// index, count, reverse, byteswap, buffer_info, frombytes, tobytes, fromlist, tolist,
// fromunicode, tounicode, fromfile, tofile, __copy__, __deepcopy__, __sizeof__), the
// typecode / itemsize getters and array.arrayiterator.

import { PyObject } from "../runtime/object.js";
import { allocGCObject, freeGCObject } from "../runtime/heap.js";
import { gcTrack, gcUntrack } from "../runtime/gcstate.js";
import { decref, newRef } from "../runtime/refcount.js";
import { CMP_EQ, CMP_GE, CMP_GT, CMP_LE, CMP_LT, CMP_NE, TPFLAGS_HAVE_GC, type PyType } from "../runtime/type.js";
import { newStaticType, readyType } from "../runtime/typeroots.js";
import { addGetSets, addMethods } from "../runtime/descrobject.js";
import type { MethodDef, GetSetDef } from "../runtime/methoddef.js";
import {
  BufferErrorType, EOFErrorType, IndexErrorType, RuntimeErrorType, TypeErrorType, ValueErrorType, raise,
} from "../runtime/exceptions.js";
import { newInt, newIntSsize, newIntFromBigInt, newBool } from "../runtime/int.js";
import { newStr, isStr, strCodePoints, type PyStr } from "../runtime/str.js";
import { None, NotImplemented } from "../runtime/singletons.js";
import { tupleFromOwned, isTuple, type PyTuple } from "../runtime/tuple.js";
import { newList, isList, type PyList } from "../runtime/list.js";
import { isBytes, newBytes } from "../runtime/bytes.js";
import { isByteArray } from "../runtime/bytearray.js";
import {
  callMethod, getIter, iterNext, numberAsSsize, objectRepr, richCompareBool, sequenceGetItem,
} from "../runtime/abstract.js";
import { isSlice, sliceUnpack, sliceAdjustIndices, sliceBounds, type PySlice } from "../runtime/sliceobject.js";
import { checkPositional, noKeywords } from "../runtime/getargs.js";
import { getBuffer, releaseBuffer } from "../runtime/bufferproto.js";
import { staticStr } from "../runtime/str.js";
import type { PyDict } from "../runtime/dict.js";
import { hashNotImplemented } from "../runtime/typeroots.js";
import {
  ArrayType, PyArray, descrFor, newArray, arrayResize, arraySizeof, getArrayItem,
  arrayItemValue, setArrayItem, convertItem, storeItem, arrayBytes, arrayText, isArray,
} from "./arraymodule_core.js";

// ---------------------------------------------------------------------------
// Construction.

function arrayNew(type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  if (type === ArrayType && kwargs !== null && kwargs.used !== 0) raise(TypeErrorType, "array.array() takes no keyword arguments");
  const nargs = args.items.length;
  if (nargs < 1) raise(TypeErrorType, `array() takes at least 1 argument (${nargs} given)`);
  if (nargs > 2) raise(TypeErrorType, `array() takes at most 2 arguments (${nargs} given)`);
  const codeObj = args.items[0]!;
  if (!isStr(codeObj) || (codeObj as PyStr).length !== 1) {
    raise(TypeErrorType, `array() argument 1 must be a unicode character, not ${isStr(codeObj) ? "str" : codeObj.type.name}`);
  }
  const c = (codeObj as PyStr).value;
  let initial: PyObject | null = nargs > 1 ? args.items[1]! : null;
  if (initial !== null && c !== "u") {
    if (isStr(initial)) raise(TypeErrorType, `cannot use a str to initialize an array with typecode '${c}'`);
    if (isArray(initial) && initial.descr.typecode === "u") {
      raise(TypeErrorType, `cannot use a unicode array to initialize an array with typecode '${c}'`);
    }
  }
  const descr = descrFor(c);
  if (descr === null) raise(ValueErrorType, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
  let it: PyObject | null = null;
  if (initial !== null && !(isList(initial) || isByteArray(initial) || isBytes(initial) || isTuple(initial)
    || (c === "u" && isStr(initial)) || (isArray(initial) && initial.descr === descr))) {
    it = getIter(initial);
    initial = null;
  }
  try {
    let len = 0;
    if (initial !== null) {
      if (isList(initial) || isTuple(initial)) len = (initial as PyObject & { items: PyObject[] }).items.length;
      else if (isArray(initial)) len = initial.size;
    }
    const a = newArray(type, len, descr);
    try {
      if (initial !== null && len > 0 && !isArray(initial)) {
        for (let i = 0; i < len; i++) {
          const v = sequenceGetItem(initial, i);
          try {
            setArrayItem(a, i, v);
          } finally {
            decref(v);
          }
        }
      } else if (initial !== null && (isBytes(initial) || isByteArray(initial))) {
        fromBytes(a, initial);
      } else if (initial !== null && isStr(initial)) {
        fromUnicode(a, initial);
      } else if (initial !== null && isArray(initial) && len > 0) {
        a.data.set(arrayBytes(initial));
      }
      if (it !== null) iterExtend(a, it);
    } catch (e) {
      decref(a);
      throw e;
    }
    return a;
  } finally {
    if (it !== null) decref(it);
  }
}

// ---------------------------------------------------------------------------
// Growth helpers.

/** ins1: validates v, grows by one, shifts the tail and stores v at `where`. */
function ins1(a: PyArray, where: number, v: PyObject): void {
  const n = a.size;
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  const x = convertItem(a.descr, v);
  arrayResize(a, n + 1);
  const itemsize = a.descr.itemsize;
  a.data.copyWithin((where + 1) * itemsize, where * itemsize, n * itemsize);
  storeItem(a, where, x);
}

/** array_iter_extend */
function iterExtend(a: PyArray, it: PyObject): void {
  for (let v = iterNext(it); v !== null; v = iterNext(it)) {
    try {
      ins1(a, a.size, v);
    } finally {
      decref(v);
    }
  }
}

/** array_do_extend */
function doExtend(a: PyArray, bb: PyObject): void {
  if (!isArray(bb)) {
    const it = getIter(bb);
    try {
      iterExtend(a, it);
    } finally {
      decref(it);
    }
    return;
  }
  if (bb.descr !== a.descr) raise(TypeErrorType, "can only extend with array of same kind");
  const oldsize = a.size;
  const bbsize = bb.size;
  const source = arrayBytes(bb).slice();
  arrayResize(a, oldsize + bbsize);
  if (bbsize > 0) a.data.set(source, oldsize * a.descr.itemsize);
}

/** array_del_slice */
function delSlice(a: PyArray, ilow: number, ihigh: number): void {
  if (ilow < 0) ilow = 0;
  else if (ilow > a.size) ilow = a.size;
  if (ihigh < 0) ihigh = 0;
  if (ihigh < ilow) ihigh = ilow;
  else if (ihigh > a.size) ihigh = a.size;
  const d = ihigh - ilow;
  if (d !== 0 && a.exports > 0) raise(BufferErrorType, "cannot resize an array that is exporting buffers");
  if (d > 0) {
    const itemsize = a.descr.itemsize;
    a.data.copyWithin(ilow * itemsize, ihigh * itemsize, a.size * itemsize);
    arrayResize(a, a.size - d);
  }
}

function fromBytes(a: PyArray, source: PyObject): void {
  const view = getBuffer(source, false);
  try {
    const itemsize = a.descr.itemsize;
    const n = view.data.length;
    if (n % itemsize !== 0) raise(ValueErrorType, "bytes length not a multiple of item size");
    const items = n / itemsize;
    if (items > 0) {
      const copy = view.data.slice();
      const old = a.size;
      arrayResize(a, old + items);
      a.data.set(copy, old * itemsize);
    }
  } finally {
    releaseBuffer(view);
  }
}

function fromUnicode(a: PyArray, s: PyStr): void {
  const cps = strCodePoints(s);
  if (cps.length === 0) return;
  const old = a.size;
  arrayResize(a, old + cps.length);
  for (let i = 0; i < cps.length; i++) a.dv.setUint32((old + i) * 4, cps[i]!, true);
}

/** array_slice / the slice branch of array_subscr: always a plain array.array. */
function sliceCopy(a: PyArray, start: number, step: number, length: number): PyArray {
  const out = newArray(ArrayType, length, a.descr);
  const itemsize = a.descr.itemsize;
  if (length > 0) {
    if (step === 1) out.data.set(a.data.subarray(start * itemsize, (start + length) * itemsize));
    else {
      for (let i = 0, cur = start; i < length; i++, cur += step) {
        out.data.set(a.data.subarray(cur * itemsize, (cur + 1) * itemsize), i * itemsize);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Slots.

function arrayRepr(self: PyObject): PyObject {
  const a = self as PyArray;
  const name = a.type.name.slice(a.type.name.lastIndexOf(".") + 1);
  const tc = a.descr.typecode;
  if (a.size === 0) return newStr(`${name}('${tc}')`);
  const v = tc === "u" ? newStr(arrayText(a)) : arrayToList(a);
  try {
    const r = objectRepr(v);
    try {
      return newStr(`${name}('${tc}', ${r.value})`);
    } finally {
      decref(r);
    }
  } finally {
    decref(v);
  }
}

function compareValues(x: number | bigint | string, y: number | bigint | string, op: number): boolean {
  switch (op) {
    // Loose comparisons are exact between bigints and numbers; NaN compares false.
    case CMP_LT: return x < y;
    case CMP_LE: return x <= y;
    case CMP_EQ: return x == y; // eslint-disable-line eqeqeq
    case CMP_NE: return x != y; // eslint-disable-line eqeqeq
    case CMP_GT: return x > y;
    default: return x >= y;
  }
}

function arrayRichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!isArray(v) || !isArray(w)) return newRef(NotImplemented);
  if (v.size !== w.size && (op === CMP_EQ || op === CMP_NE)) return newBool(op === CMP_NE);
  const n = Math.min(v.size, w.size);
  let i = 0;
  for (; i < n; i++) {
    const x = arrayItemValue(v, i);
    const y = arrayItemValue(w, i);
    if (!compareValues(x, y, CMP_EQ)) break;
  }
  if (i === n) {
    const vs = v.size;
    const ws = w.size;
    let r: boolean;
    switch (op) {
      case CMP_LT: r = vs < ws; break;
      case CMP_LE: r = vs <= ws; break;
      case CMP_EQ: r = vs === ws; break;
      case CMP_NE: r = vs !== ws; break;
      case CMP_GT: r = vs > ws; break;
      default: r = vs >= ws;
    }
    return newBool(r);
  }
  if (op === CMP_EQ) return newBool(false);
  if (op === CMP_NE) return newBool(true);
  return newBool(compareValues(arrayItemValue(v, i), arrayItemValue(w, i), op));
}

function arrayLength(self: PyObject): number {
  return (self as PyArray).size;
}

function arrayItem(self: PyObject, i: number): PyObject {
  const a = self as PyArray;
  if (i < 0 || i >= a.size) raise(IndexErrorType, "array index out of range");
  return getArrayItem(a, i);
}

function arraySubscript(self: PyObject, item: PyObject): PyObject {
  const a = self as PyArray;
  if (item.type.nbIndex !== null) {
    let i = numberAsSsize(item, IndexErrorType);
    if (i < 0) i += a.size;
    return arrayItem(a, i);
  }
  if (isSlice(item)) {
    sliceUnpack(item as PySlice);
    const length = sliceAdjustIndices(a.size);
    if (length <= 0) return newArray(ArrayType, 0, a.descr);
    return sliceCopy(a, sliceBounds.start, sliceBounds.step, length);
  }
  raise(TypeErrorType, "array indices must be integers");
}

function arrayAssSubscript(self: PyObject, item: PyObject, value: PyObject | null): void {
  const a = self as PyArray;
  let start: number, stop: number, step: number, slicelength: number;
  if (item.type.nbIndex !== null) {
    let i = numberAsSsize(item, IndexErrorType);
    if (i < 0) i += a.size;
    if (i < 0 || i >= a.size) raise(IndexErrorType, "array assignment index out of range");
    if (value !== null) {
      setArrayItem(a, i, value);
      return;
    }
    start = i;
    stop = i + 1;
    step = 1;
    slicelength = 1;
  } else if (isSlice(item)) {
    sliceUnpack(item as PySlice);
    slicelength = sliceAdjustIndices(a.size);
    start = sliceBounds.start;
    stop = sliceBounds.stop;
    step = sliceBounds.step;
  } else {
    raise(TypeErrorType, "array indices must be integers");
  }
  let other: PyArray | null = null;
  let needed = 0;
  if (value !== null) {
    if (!isArray(value)) {
      raise(TypeErrorType, `can only assign array (not "${value.type.name}") to array slice`);
    }
    if (value === a) {
      // self[i:j] = self: copy first.
      const copy = sliceCopy(a, 0, 1, a.size);
      try {
        arrayAssSubscript(a, item, copy);
      } finally {
        decref(copy);
      }
      return;
    }
    if (value.descr !== a.descr) raise(TypeErrorType, "bad argument type for built-in operation");
    other = value;
    needed = value.size;
  }
  const itemsize = a.descr.itemsize;
  if ((step > 0 && stop < start) || (step < 0 && stop > start)) stop = start;
  if ((needed === 0 || slicelength !== needed) && a.exports > 0) {
    raise(BufferErrorType, "cannot resize an array that is exporting buffers");
  }
  if (step === 1) {
    if (slicelength > needed) {
      a.data.copyWithin((start + needed) * itemsize, stop * itemsize, a.size * itemsize);
      arrayResize(a, a.size + needed - slicelength);
    } else if (slicelength < needed) {
      const oldSize = a.size;
      arrayResize(a, a.size + needed - slicelength);
      a.data.copyWithin((start + needed) * itemsize, stop * itemsize, oldSize * itemsize);
    }
    if (needed > 0) a.data.set(arrayBytes(other!), start * itemsize);
    return;
  }
  if (needed === 0) {
    // Delete an extended slice: keep the unselected items in order.
    if (step < 0) {
      stop = start + 1;
      start = stop + step * (slicelength - 1) - 1;
      step = -step;
    }
    const selected = new Set<number>();
    for (let k = 0, cur = start; k < slicelength; k++, cur += step) selected.add(cur);
    let w = 0;
    for (let r = 0; r < a.size; r++) {
      if (selected.has(r)) continue;
      if (w !== r) a.data.copyWithin(w * itemsize, r * itemsize, (r + 1) * itemsize);
      w++;
    }
    arrayResize(a, a.size - slicelength);
    return;
  }
  if (needed !== slicelength) {
    raise(ValueErrorType, `attempt to assign array of size ${needed} to extended slice of size ${slicelength}`);
  }
  const src = arrayBytes(other!);
  for (let k = 0, cur = start; k < slicelength; k++, cur += step) {
    a.data.set(src.subarray(k * itemsize, (k + 1) * itemsize), cur * itemsize);
  }
}

function arrayContains(self: PyObject, v: PyObject): boolean {
  const a = self as PyArray;
  for (let i = 0; i < a.size; i++) {
    const item = getArrayItem(a, i);
    try {
      if (richCompareBool(item, v, CMP_EQ)) return true;
    } finally {
      decref(item);
    }
  }
  return false;
}

function arrayConcat(self: PyObject, bb: PyObject): PyObject {
  const a = self as PyArray;
  if (!isArray(bb)) raise(TypeErrorType, `can only append array (not "${bb.type.name}") to array`);
  if (bb.descr !== a.descr) raise(TypeErrorType, "bad argument type for built-in operation");
  const out = newArray(ArrayType, a.size + bb.size, a.descr);
  out.data.set(arrayBytes(a), 0);
  out.data.set(arrayBytes(bb), a.size * a.descr.itemsize);
  return out;
}

function arrayRepeat(self: PyObject, n: number): PyObject {
  const a = self as PyArray;
  if (n < 0) n = 0;
  const out = newArray(ArrayType, a.size * n, a.descr);
  const chunk = arrayBytes(a);
  for (let i = 0; i < n; i++) out.data.set(chunk, i * chunk.length);
  return out;
}

function arrayInplaceConcat(self: PyObject, bb: PyObject): PyObject {
  if (!isArray(bb)) raise(TypeErrorType, `can only extend array with array (not "${bb.type.name}")`);
  doExtend(self as PyArray, bb);
  return newRef(self);
}

function arrayInplaceRepeat(self: PyObject, n: number): PyObject {
  const a = self as PyArray;
  if (a.size > 0) {
    if (n < 0) n = 0;
    const chunk = arrayBytes(a).slice();
    arrayResize(a, n * a.size);
    for (let i = 0; i < n; i++) a.data.set(chunk, i * chunk.length);
  }
  return newRef(a);
}

// ---------------------------------------------------------------------------
// Iterator.

class PyArrayIter extends PyObject {
  ao: PyArray | null;
  index: number;
  constructor(ao: PyArray) {
    super(ArrayIterType);
    this.ao = ao;
    this.index = 0;
  }
}

/** sizeof(arrayiterobject): head, index, ao, getitem. */
const ARRAYITER_BASICSIZE = 40;

export const ArrayIterType = newStaticType("array.arrayiterator", ARRAYITER_BASICSIZE, 0, TPFLAGS_HAVE_GC);
ArrayIterType.dealloc = (self) => {
  const it = self as PyArrayIter;
  gcUntrack(it);
  const ao = it.ao;
  it.ao = null;
  if (ao !== null) decref(ao);
  freeGCObject(it);
};
ArrayIterType.traverse = (self, visit, arg) => {
  const ao = (self as PyArrayIter).ao;
  if (ao !== null) visit(ao, arg);
};
ArrayIterType.iter = (self) => newRef(self);
ArrayIterType.iternext = (self) => {
  const it = self as PyArrayIter;
  const ao = it.ao;
  if (ao === null) return null;
  if (it.index < ao.size) return getArrayItem(ao, it.index++);
  it.ao = null;
  decref(ao);
  return null;
};
readyType(ArrayIterType);

function arrayIter(self: PyObject): PyObject {
  const it = new PyArrayIter(newRef(self as PyArray));
  allocGCObject(it, ARRAYITER_BASICSIZE);
  gcTrack(it);
  return it;
}

// ---------------------------------------------------------------------------
// Methods.

function arrayToList(a: PyArray): PyObject {
  const n = a.size;
  const l = newList(n) as PyList;
  for (let i = 0; i < n; i++) l.items[i] = getArrayItem(a, i);
  return l;
}

function findIndex(a: PyArray, v: PyObject, start: number, stop: number): number {
  for (let i = start; i < stop && i < a.size; i++) {
    const item = getArrayItem(a, i);
    try {
      if (richCompareBool(item, v, CMP_EQ)) return i;
    } finally {
      decref(item);
    }
  }
  return -1;
}

function clampIndex(i: number, size: number): number {
  if (i < 0) {
    i += size;
    if (i < 0) i = 0;
  }
  return i;
}

function slotIndexArg(o: PyObject | null | undefined, dflt: number): number {
  if (o === null || o === undefined) return dflt;
  return numberAsSsize(o, null);
}

function noneRef(): PyObject {
  return newRef(None);
}

const ARRAY_METHODS: MethodDef[] = [
  { name: "append", kind: "o", fn: (self, v) => (ins1(self as PyArray, (self as PyArray).size, v), noneRef()), doc: "Append new value v to the end of the array." },
  {
    name: "buffer_info",
    kind: "noargs",
    fn: (self) => {
      const a = self as PyArray;
      return tupleFromOwned([newIntFromBigInt(BigInt(a.itemsAddress)), newIntSsize(a.size)]);
    },
    doc: "Return a tuple (address, length) giving the current memory address and the length in items of the buffer used to hold array's contents.",
  },
  {
    name: "byteswap",
    kind: "noargs",
    fn: (self) => {
      const a = self as PyArray;
      const itemsize = a.descr.itemsize;
      if (itemsize !== 1 && itemsize !== 2 && itemsize !== 4 && itemsize !== 8) raise(RuntimeErrorType, "don't know how to byteswap this array type");
      for (let i = 0; i < a.size; i++) a.data.subarray(i * itemsize, (i + 1) * itemsize).reverse();
      return noneRef();
    },
    doc: "Byteswap all items of the array.",
  },
  { name: "__copy__", kind: "noargs", fn: (self) => sliceCopy(self as PyArray, 0, 1, (self as PyArray).size), doc: "Return a copy of the array." },
  {
    name: "count",
    kind: "o",
    fn: (self, v) => {
      const a = self as PyArray;
      let n = 0;
      for (let i = 0; i < a.size; i++) {
        const item = getArrayItem(a, i);
        try {
          if (richCompareBool(item, v, CMP_EQ)) n++;
        } finally {
          decref(item);
        }
      }
      return newIntSsize(n);
    },
    doc: "Return number of occurrences of v in the array.",
  },
  { name: "__deepcopy__", kind: "o", fn: (self) => sliceCopy(self as PyArray, 0, 1, (self as PyArray).size), doc: "Return a copy of the array." },
  {
    name: "extend",
    kind: "o",
    fn: (self, bb) => (doExtend(self as PyArray, bb), noneRef()),
    doc: "Append items to the end of the array.",
  },
  {
    name: "frombytes",
    kind: "o",
    fn: (self, b) => (fromBytes(self as PyArray, b), noneRef()),
    doc: "Appends items from the string, interpreting it as an array of machine values, as if it had been read from a file using the fromfile() method.",
  },
  {
    name: "fromfile",
    kind: "fastcall",
    fn: (self, args, start, nargs, kwnames) => {
      noKeywords("fromfile", kwnames);
      checkPositional("fromfile", nargs, 2, 2);
      const a = self as PyArray;
      const f = args[start]!;
      const n = numberAsSsize(args[start + 1]!, null);
      if (n < 0) raise(ValueErrorType, "negative count");
      const nbytes = n * a.descr.itemsize;
      const count = newIntSsize(nbytes);
      let b: PyObject;
      try {
        b = callMethod(f, staticStr("read"), [count]);
      } finally {
        decref(count);
      }
      try {
        if (!isBytes(b)) raise(TypeErrorType, "read() didn't return bytes");
        const short = (b as PyObject & { data: Uint8Array }).data.length !== nbytes;
        fromBytes(a, b);
        if (short) raise(EOFErrorType, "read() didn't return enough bytes");
      } finally {
        decref(b);
      }
      return noneRef();
    },
    doc: "Read n objects from the file object f and append them to the end of the array.",
  },
  {
    name: "fromlist",
    kind: "o",
    fn: (self, list) => {
      const a = self as PyArray;
      if (!isList(list)) raise(TypeErrorType, "arg must be list");
      const items = (list as PyList).items;
      const n = items.length;
      if (n > 0) {
        const old = a.size;
        arrayResize(a, old + n);
        for (let i = 0; i < n; i++) {
          try {
            setArrayItem(a, a.size - n + i, items[i]!);
          } catch (e) {
            arrayResize(a, old);
            throw e;
          }
          if (n !== items.length) {
            arrayResize(a, old);
            raise(RuntimeErrorType, "list changed size during iteration");
          }
        }
      }
      return noneRef();
    },
    doc: "Append items to array from list.",
  },
  {
    name: "fromunicode",
    kind: "o",
    fn: (self, s) => {
      const a = self as PyArray;
      if (!isStr(s)) raise(TypeErrorType, `fromunicode() argument must be str, not ${s.type.name}`);
      if (a.descr.typecode !== "u") raise(ValueErrorType, "fromunicode() may only be called on unicode type arrays");
      fromUnicode(a, s);
      return noneRef();
    },
    doc: "Extends this array with data from the unicode string ustr.",
  },
  {
    name: "index",
    kind: "fastcall",
    fn: (self, args, start, nargs, kwnames) => {
      noKeywords("index", kwnames);
      checkPositional("index", nargs, 1, 3);
      const a = self as PyArray;
      const lo = clampIndex(slotIndexArg(nargs > 1 ? args[start + 1] : null, 0), a.size);
      const hi = clampIndex(slotIndexArg(nargs > 2 ? args[start + 2] : null, Number.MAX_SAFE_INTEGER), a.size);
      const i = findIndex(a, args[start]!, lo, hi);
      if (i < 0) raise(ValueErrorType, "array.index(x): x not in array");
      return newIntSsize(i);
    },
    doc: "Return index of first occurrence of v in the array.",
  },
  {
    name: "insert",
    kind: "fastcall",
    fn: (self, args, start, nargs, kwnames) => {
      noKeywords("insert", kwnames);
      checkPositional("insert", nargs, 2, 2);
      const i = numberAsSsize(args[start]!, null);
      ins1(self as PyArray, i, args[start + 1]!);
      return noneRef();
    },
    doc: "Insert a new item v into the array before position i.",
  },
  {
    name: "pop",
    kind: "fastcall",
    fn: (self, args, start, nargs, kwnames) => {
      noKeywords("pop", kwnames);
      checkPositional("pop", nargs, 0, 1);
      const a = self as PyArray;
      let i = nargs > 0 ? numberAsSsize(args[start]!, null) : -1;
      if (a.size === 0) raise(IndexErrorType, "pop from empty array");
      if (i < 0) i += a.size;
      if (i < 0 || i >= a.size) raise(IndexErrorType, "pop index out of range");
      const v = getArrayItem(a, i);
      try {
        delSlice(a, i, i + 1);
      } catch (e) {
        decref(v);
        throw e;
      }
      return v;
    },
    doc: "Return the i-th element and delete it from the array.",
  },
  {
    name: "remove",
    kind: "o",
    fn: (self, v) => {
      const a = self as PyArray;
      const i = findIndex(a, v, 0, a.size);
      if (i < 0) raise(ValueErrorType, "array.remove(x): x not in array");
      delSlice(a, i, i + 1);
      return noneRef();
    },
    doc: "Remove the first occurrence of v in the array.",
  },
  {
    name: "reverse",
    kind: "noargs",
    fn: (self) => {
      const a = self as PyArray;
      const itemsize = a.descr.itemsize;
      const tmp = new Uint8Array(itemsize);
      for (let i = 0, j = a.size - 1; i < j; i++, j--) {
        tmp.set(a.data.subarray(i * itemsize, (i + 1) * itemsize));
        a.data.copyWithin(i * itemsize, j * itemsize, (j + 1) * itemsize);
        a.data.set(tmp, j * itemsize);
      }
      return noneRef();
    },
    doc: "Reverse the order of the items in the array.",
  },
  {
    name: "tofile",
    kind: "o",
    fn: (self, f) => {
      const a = self as PyArray;
      const all = arrayBytes(a);
      const BLOCKSIZE = 64 * 1024;
      for (let off = 0; off < all.length; off += BLOCKSIZE) {
        const chunk = newBytes(all.slice(off, Math.min(all.length, off + BLOCKSIZE)));
        try {
          decref(callMethod(f, staticStr("write"), [chunk]));
        } finally {
          decref(chunk);
        }
      }
      return noneRef();
    },
    doc: "Write all items (as machine values) to the file object f.",
  },
  { name: "tolist", kind: "noargs", fn: (self) => arrayToList(self as PyArray), doc: "Convert array to an ordinary list with the same items." },
  { name: "tobytes", kind: "noargs", fn: (self) => newBytes(arrayBytes(self as PyArray).slice()), doc: "Convert the array to an array of machine values and return the bytes representation." },
  {
    name: "tounicode",
    kind: "noargs",
    fn: (self) => {
      const a = self as PyArray;
      if (a.descr.typecode !== "u") raise(ValueErrorType, "tounicode() may only be called on unicode type arrays");
      return newStr(arrayText(a));
    },
    doc: "Extends this array with data from the unicode string ustr.",
  },
  { name: "__sizeof__", kind: "noargs", fn: (self) => newIntSsize(arraySizeof(self as PyArray)), doc: "Size of the array in memory, in bytes." },
];

const ARRAY_GETSETS: GetSetDef[] = [
  { name: "typecode", get: (self) => newStr((self as PyArray).descr.typecode), doc: "the typecode character used to create the array" },
  { name: "itemsize", get: (self) => newInt((self as PyArray).descr.itemsize), doc: "the size, in bytes, of one array item" },
];

ArrayType.new_ = arrayNew;
ArrayType.repr = arrayRepr;
ArrayType.richcompare = arrayRichCompare;
ArrayType.hash = hashNotImplemented;
ArrayType.iter = arrayIter;
ArrayType.sqLength = arrayLength;
ArrayType.mpLength = arrayLength;
ArrayType.sqItem = arrayItem;
ArrayType.sqContains = arrayContains;
ArrayType.sqConcat = arrayConcat;
ArrayType.sqRepeat = arrayRepeat;
ArrayType.sqInplaceConcat = arrayInplaceConcat;
ArrayType.sqInplaceRepeat = arrayInplaceRepeat;
ArrayType.mpSubscript = arraySubscript;
ArrayType.mpAssSubscript = arrayAssSubscript;
ArrayType.doc = "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are restricted by typecode, and\ninitialized from the optional initializer value, which must be a list,\nstring or iterable over elements of the appropriate type.\n\nArrays represent basic values and behave very much like lists, except\nthe type of objects stored in them is constrained. The type is specified\nat object creation time by using a type code, which is a single character.";
readyType(ArrayType);
addMethods(ArrayType, ARRAY_METHODS);
addGetSets(ArrayType, ARRAY_GETSETS);
