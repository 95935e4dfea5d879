// Objects/bytesobject.c: PyBytes_Type (PyBytesObject: a 32-byte header with the cached hash,
// then the bytes and a NUL: 33 + n), the static b'' and one-byte singletons
// (PyBytes_FromStringAndSize), bytes_hash, bytes_repr, bytes_richcompare, bytes_concat,
// bytes_repeat, bytes_contains, bytes_item / bytes_subscript, bytes_new (bytes(n),
// bytes(iterable), bytes(str, encoding), __bytes__), PyObject_Bytes / PyBytes_FromObject,
// bytes % args (bytes_mod), fromhex, maketrans, the bytes iterator (striterobject) and the
// buffer export (read-only).

import { PyObject } from "./object.js";
import { allocObject, allocGCObject, freeObject, freeGCObject, staticAddress } from "./heap.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, newRef } from "./refcount.js";
import {
  markStatic,
  PyType,
  TPFLAGS_BASETYPE,
  TPFLAGS_BYTES_SUBCLASS,
  TPFLAGS_HAVE_GC,
  TPFLAGS_HEAPTYPE,
  CMP_EQ,
  CMP_NE,
  CMP_LT,
  CMP_LE,
  CMP_GT,
} from "./type.js";
import type { VisitProc } from "./object.js";
import { newStaticType, readyType, staticTypeSpec, TPFLAGS_SEQUENCE } from "./typeroots.js";
import type { MethodDef } from "./methoddef.js";
import type { PyTuple } from "./tuple.js";
import { tupleFromOwned, isTuple } from "./tuple.js";
import type { PyDict } from "./dict.js";
import { dictEntry, dictNext } from "./dict.js";
import { hashBytes, hashResult } from "./values/pyhash.js";
import { bytesRepr } from "./values/strmethods.js";
import { printfFormat, type PrintfHooks, type PrintfArgs } from "./values/printf.js";
import { NotImplemented } from "./singletons.js";
import { IndexErrorType, TypeErrorType, ValueErrorType, raise } from "./exceptions.js";
import { newInt, newIntSsize, newBool, isInt, intToBigInt, type PyInt } from "./int.js";
import { isStr, newStrKnown, staticStr, type PyStr } from "./str.js";
import { numberAsSsize, numberIndex, getIter, iterNext, objectRepr, callNoArgs, callOneArg, getItem, isMapping } from "./abstract.js";
import { lookupSpecial } from "./typeobject.js";
import { sliceGetIndices, sliceBounds, PySlice, SliceType } from "./sliceobject.js";
import { registerBufferExporter, getBuffer, releaseBuffer, checkBuffer } from "./bufferproto.js";
import { sharedBytesMethods, fromHex, makeTrans, byteValue, latin1, fromLatin1, bytesLikeArg } from "./bytesmethods.js";
import { encodeStr } from "./unicodecodecs.js";
import { rethrowValueError } from "./valueraise.js";
import { numberFloat } from "./floatops.js";
import { numberLong } from "./intmethods.js";

/** offsetof(PyBytesObject, ob_sval): header with ob_shash. */
export const BYTES_HEADER_SIZE = 32;

export class PyBytes extends PyObject {
  /** The content. Never mutated once the object is visible to Python code. */
  data: Uint8Array;
  hashHi: number;
  hashLo: number;
  hashCached: boolean;
  constructor(type: PyType, data: Uint8Array) {
    super(type);
    this.data = data;
    this.hashHi = 0;
    this.hashLo = 0;
    this.hashCached = false;
  }
}

export const BytesType = newStaticType("bytes", BYTES_HEADER_SIZE + 1, 1, TPFLAGS_BASETYPE | TPFLAGS_BYTES_SUBCLASS);
BytesType.doc =
  "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\nbytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\nbytes(int) -> bytes object of size given by the parameter initialized with null bytes\nbytes() -> empty bytes object\n\nConstruct an immutable array of bytes from:\n  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  - any object implementing the buffer API.\n  - an integer";

function bytesDealloc(self: PyObject): void {
  if ((self.type.flags & TPFLAGS_HAVE_GC) !== 0) freeGCObject(self);
  else freeObject(self);
}
BytesType.dealloc = bytesDealloc;

function makeStaticBytes(data: Uint8Array): PyBytes {
  const b = new PyBytes(BytesType, data);
  b.address = staticAddress(BYTES_HEADER_SIZE + data.length + 1);
  markStatic(b);
  return b;
}

export const EMPTY_BYTES = makeStaticBytes(new Uint8Array(0));
const oneByte: (PyBytes | null)[] = new Array<PyBytes | null>(256).fill(null);

/** The static one-byte bytes object (borrowed). */
export function oneByteBorrowed(b: number): PyBytes {
  let o = oneByte[b]!;
  if (o === null) {
    o = makeStaticBytes(Uint8Array.of(b));
    oneByte[b] = o;
  }
  return o;
}

/**
 * PyBytes_FromStringAndSize: a bytes object owning `data` (the caller gives it up). Empty and
 * one-byte results are the static singletons.
 */
export function newBytes(data: Uint8Array): PyBytes {
  const n = data.length;
  if (n === 0) return newRef(EMPTY_BYTES);
  if (n === 1) return newRef(oneByteBorrowed(data[0]!));
  const b = new PyBytes(BytesType, data);
  allocObject(b, BYTES_HEADER_SIZE + n + 1);
  return b;
}

export function isBytes(o: PyObject): o is PyBytes {
  return (o.type.flags & TPFLAGS_BYTES_SUBCLASS) !== 0;
}

function newBytesOfType(type: PyType, data: Uint8Array): PyBytes {
  if (type === BytesType) return newBytes(data);
  // bytes_subtype_new: PyType_GenericAlloc with n items after the subtype's basicsize.
  const b = new PyBytes(type, data);
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) type.refcnt++;
  const size = (type.basicsize + (data.length + 1) * type.itemsize + 7) & ~7;
  if ((type.flags & TPFLAGS_HAVE_GC) !== 0) {
    allocGCObject(b, size);
    gcTrack(b);
  } else {
    allocObject(b, size);
  }
  return b;
}

/** bytes.__sizeof__: header + n + 1 (basicsize of the type for subclasses). */
export function bytesSizeof(b: PyBytes): number {
  return b.type.basicsize + b.data.length * b.type.itemsize;
}

registerBufferExporter(BytesType, {
  get: (o) => ({ data: (o as PyBytes).data, readonly: true }),
  release: null,
});

// ---------------------------------------------------------------------------
// Conversions.

/**
 * PyObject_Bytes(o): exact bytes as themselves, __bytes__, or PyBytes_FromObject (buffers,
 * iterables of ints); str raises "cannot convert 'str' object to bytes".
 */
export function bytesFromObject(o: PyObject): PyBytes {
  if (o.type === BytesType) return newRef(o as PyBytes);
  const f = lookupSpecial(o, staticStr("__bytes__"));
  if (f !== null) return callBytesMethod(f);
  return newBytes(bytesDataFromObject(o, "bytes"));
}

/** Calls a looked-up `__bytes__` (releasing it) and checks the result is bytes. */
function callBytesMethod(f: PyObject): PyBytes {
  let r: PyObject;
  try {
    r = callNoArgs(f);
  } finally {
    decref(f);
  }
  if (!isBytes(r)) {
    const name = r.type.name;
    decref(r);
    raise(TypeErrorType, `__bytes__ returned non-bytes (type ${name})`);
  }
  return r as PyBytes;
}

/** PyBytes_FromObject's data: buffer, list/tuple/iterable of ints; `what` names the target. */
export function bytesDataFromObject(o: PyObject, what: string): Uint8Array {
  if (checkBuffer(o)) {
    const v = getBuffer(o);
    try {
      return v.data.slice();
    } finally {
      releaseBuffer(v);
    }
  }
  if (isStr(o) || o.type.iter === null && o.type.sqItem === null) {
    raise(TypeErrorType, `cannot convert '${o.type.name}' object to ${what}`);
  }
  const it = getIter(o);
  const out: number[] = [];
  try {
    for (let item = iterNext(it); item !== null; item = iterNext(it)) {
      try {
        const idx = numberIndex(item);
        const v = idx.big !== null ? -1 : idx.value;
        decref(idx);
        if (v < 0 || v > 255) raise(ValueErrorType, "bytes must be in range(0, 256)");
        out.push(v);
      } finally {
        decref(item);
      }
    }
  } finally {
    decref(it);
  }
  return Uint8Array.from(out);
}

/**
 * The data bytes() / bytearray() build from their arguments (bytes_new / bytearray___init__):
 * no argument, (str, encoding[, errors]), (int), (buffer), (iterable of ints).
 */
export function bytesConstructorData(args: PyTuple, kwargs: PyDict | null, what: string): Uint8Array | null {
  let source: PyObject | null = args.items.length > 0 ? args.items[0]! : null;
  let encoding: PyObject | null = args.items.length > 1 ? args.items[1]! : null;
  let errors: PyObject | null = args.items.length > 2 ? args.items[2]! : null;
  const nargs = args.items.length;
  if (nargs > 3) raise(TypeErrorType, `${what}() takes at most 3 arguments (${nargs} given)`);
  if (kwargs !== null) {
    for (let pos = dictNext(kwargs, 0); pos >= 0; pos = dictNext(kwargs, pos)) {
      const key = (dictEntry.key as PyStr).value;
      const v = dictEntry.value!;
      if (key === "source" && source === null) source = v;
      else if (key === "encoding" && encoding === null) encoding = v;
      else if (key === "errors" && errors === null) errors = v;
      else raise(TypeErrorType, `'${key}' is an invalid keyword argument for ${what}()`);
    }
  }
  if (encoding !== null && !isStr(encoding)) raise(TypeErrorType, `${what}() argument 'encoding' must be str, not ${encoding.type.name}`);
  if (errors !== null && !isStr(errors)) raise(TypeErrorType, `${what}() argument 'errors' must be str, not ${errors.type.name}`);
  if (source === null) {
    if (encoding !== null) raise(TypeErrorType, "encoding without a string argument");
    if (errors !== null) raise(TypeErrorType, "errors without a string argument");
    return null;
  }
  if (isStr(source)) {
    if (encoding === null) raise(TypeErrorType, "string argument without an encoding");
    return encodeStr(source.value, (encoding as PyStr).value, errors === null ? "strict" : (errors as PyStr).value, source);
  }
  if (encoding !== null) raise(TypeErrorType, "encoding without a string argument");
  if (errors !== null) raise(TypeErrorType, "errors without a string argument");
  if (!checkBuffer(source) && source.type.nbIndex !== null) {
    const n = numberAsSsize(source, null);
    if (n < 0) raise(ValueErrorType, "negative count");
    return new Uint8Array(n);
  }
  return bytesDataFromObject(source, what);
}

function bytesNew(type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  // bytes(x) first tries x.__bytes__.
  if (args.items.length === 1 && (kwargs === null || kwargs.used === 0)) {
    const x = args.items[0]!;
    if (!isStr(x)) {
      if (x.type === BytesType && type === BytesType) return newRef(x);
      const f = lookupSpecial(x, staticStr("__bytes__"));
      if (f !== null) {
        const r = callBytesMethod(f);
        if (type === BytesType) return r;
        const data = r.data;
        decref(r);
        return newBytesOfType(type, data);
      }
    }
  }
  const data = bytesConstructorData(args, kwargs, "bytes");
  return newBytesOfType(type, data ?? new Uint8Array(0));
}

// ---------------------------------------------------------------------------
// Slots.

function bytesHash(self: PyObject): void {
  const b = self as PyBytes;
  if (b.hashCached) {
    hashResult.hi = b.hashHi;
    hashResult.lo = b.hashLo;
    return;
  }
  hashBytes(b.data);
  b.hashHi = hashResult.hi;
  b.hashLo = hashResult.lo;
  b.hashCached = true;
}

function bytesReprSlot(self: PyObject): PyObject {
  const text = bytesRepr((self as PyBytes).data);
  return newStrKnown(text, 1, true, text.length);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** Ordering of two byte strings, as memcmp then length. */
export function bytesCompare(a: Uint8Array, b: Uint8Array, op: number): boolean {
  if (op === CMP_EQ || op === CMP_NE) {
    let eq = a.length === b.length;
    if (eq) for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) { eq = false; break; }
    return op === CMP_EQ ? eq : !eq;
  }
  const c = compareBytes(a, b);
  switch (op) {
    case CMP_LT: return c < 0;
    case CMP_LE: return c <= 0;
    case CMP_GT: return c > 0;
    default: return c >= 0;
  }
}

function bytesRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (!isBytes(a) || !isBytes(b)) return newRef(NotImplemented);
  if (a === b && (op === CMP_EQ || op === CMP_NE)) return newBool(op === CMP_EQ);
  return newBool(bytesCompare(a.data, b.data, op));
}

function bytesLength(self: PyObject): number {
  return (self as PyBytes).data.length;
}

function bytesConcat(a: PyObject, b: PyObject): PyObject {
  const x = (a as PyBytes).data;
  if (!checkBuffer(b) || isStr(b)) raise(TypeErrorType, `can't concat ${b.type.name} to ${a.type.name}`);
  const y = bytesLikeArg(b);
  // Concatenating b'' with exact bytes returns the other operand (bytes_concat's shortcut).
  if (y.length === 0 && a.type === BytesType) return newRef(a);
  if (x.length === 0 && b.type === BytesType) return newRef(b);
  const out = new Uint8Array(x.length + y.length);
  out.set(x, 0);
  out.set(y, x.length);
  return newBytes(out);
}

function bytesRepeat(self: PyObject, count: number): PyObject {
  const d = (self as PyBytes).data;
  if (count < 0) count = 0;
  if (count === 1 && self.type === BytesType) return newRef(self);
  const out = new Uint8Array(d.length * count);
  for (let i = 0; i < count; i++) out.set(d, i * d.length);
  return newBytes(out);
}

/** `x in data`: an int (0..255) or a bytes-like subsequence. */
export function bytesContainsData(d: Uint8Array, item: PyObject): boolean {
  if (isInt(item) || (item.type.nbIndex !== null && !checkBuffer(item))) return d.indexOf(byteValue(item)) >= 0;
  const sub = bytesLikeArg(item);
  if (sub.length === 0) return true;
  return latin1(d).indexOf(latin1(sub)) >= 0;
}

function bytesContains(self: PyObject, item: PyObject): boolean {
  return bytesContainsData((self as PyBytes).data, item);
}

function bytesItem(self: PyObject, i: number): PyObject {
  const d = (self as PyBytes).data;
  if (i < 0 || i >= d.length) raise(IndexErrorType, "index out of range");
  return newInt(d[i]!);
}

/** A slice of `d` selected by sliceBounds (start, step, length). */
export function sliceData(d: Uint8Array): Uint8Array {
  const { start, step, length } = sliceBounds;
  if (step === 1) return d.slice(start, start + length);
  const out = new Uint8Array(length);
  for (let k = 0, i = start; k < length; k++, i += step) out[k] = d[i]!;
  return out;
}

function bytesSubscript(self: PyObject, key: PyObject): PyObject {
  const b = self as PyBytes;
  const d = b.data;
  if (key.type.nbIndex !== null) {
    let i = numberAsSsize(key, IndexErrorType);
    if (i < 0) i += d.length;
    if (i < 0 || i >= d.length) raise(IndexErrorType, "index out of range");
    return newInt(d[i]!);
  }
  if (key.type === SliceType) {
    const n = sliceGetIndices(key as PySlice, d.length);
    if (n === d.length && sliceBounds.step === 1 && b.type === BytesType) return newRef(b);
    return newBytes(sliceData(d));
  }
  raise(TypeErrorType, `byte indices must be integers or slices, not ${key.type.name}`);
}

// ---------------------------------------------------------------------------
// bytes % args

/** bytes_mod / bytearray_mod: printf-style formatting where %s takes bytes-like objects. */
export function bytesFormat(format: Uint8Array, args: PyObject): Uint8Array {
  const asBytes = (v: PyObject): string => {
    if (checkBuffer(v) && !isStr(v)) return latin1(bytesLikeArg(v));
    const f = lookupSpecial(v, staticStr("__bytes__"));
    if (f !== null) {
      const b = callBytesMethod(f);
      try {
        return latin1(b.data);
      } finally {
        decref(b);
      }
    }
    raise(TypeErrorType, `%b requires a bytes-like object, or an object that implements __bytes__, not '${v.type.name}'`);
  };
  const asciiOf = (v: PyObject): string => {
    const r = objectRepr(v);
    try {
      let s = "";
      for (const ch of r.value) {
        const c = ch.codePointAt(0)!;
        s += c < 128 ? ch : c < 0x100 ? "\\x" + c.toString(16).padStart(2, "0") : c < 0x10000 ? "\\u" + c.toString(16).padStart(4, "0") : "\\U" + c.toString(16).padStart(8, "0");
      }
      return s;
    } finally {
      decref(r);
    }
  };
  const hooks: PrintfHooks<PyObject> = {
    str: asBytes,
    repr: asciiOf,
    ascii: asciiOf,
    typeName: (v) => v.type.name,
    strValue: () => null,
    intValue: (v) => (isInt(v) ? intToBigInt(v as PyInt) : null),
    toInt: (v) => {
      if (v.type.nbInt === null && v.type.nbIndex === null) return null;
      const i = numberLong(v);
      try {
        return intToBigInt(i);
      } finally {
        decref(i);
      }
    },
    toIndex: (v) => {
      if (v.type.nbIndex === null) return null;
      const i = numberIndex(v);
      try {
        return intToBigInt(i);
      } finally {
        decref(i);
      }
    },
    toFloat: (v) => {
      if (v.type.nbFloat === null && v.type.nbIndex === null) return null;
      const f = numberFloat(v);
      try {
        return f.value;
      } finally {
        decref(f);
      }
    },
    getItem: (m, key) => {
      const k = newBytes(fromLatin1(key));
      try {
        return getItem(m, k);
      } finally {
        decref(k);
      }
    },
  };
  const pyArgs: PrintfArgs<PyObject> = isTuple(args)
    ? { kind: "tuple", items: args.items }
    : { kind: "single", value: args, isMapping: isMapping(args) && !isBytes(args) && !isStr(args) };
  let text: string;
  try {
    text = printfFormat(latin1(format), pyArgs, hooks);
  } catch (e) {
    rethrowValueError(e);
  }
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 255) raise(ValueErrorType, "%c arg not in range(256)");
  }
  return fromLatin1(text);
}

function bytesRemainder(a: PyObject, b: PyObject): PyObject {
  if (!isBytes(a)) return newRef(NotImplemented);
  return newBytes(bytesFormat(a.data, b));
}

// ---------------------------------------------------------------------------
// Iterator.

export class PyBytesIter extends PyObject {
  seq: PyBytes | null;
  index: number;
  constructor(seq: PyBytes) {
    super(BytesIterType);
    this.seq = seq;
    this.index = 0;
  }
}

export const BytesIterType = newStaticType("bytes_iterator", 32, 0, TPFLAGS_HAVE_GC);
BytesIterType.dealloc = (self) => {
  const it = self as PyBytesIter;
  gcUntrack(it);
  const seq = it.seq;
  it.seq = null;
  if (seq !== null) decref(seq);
  freeGCObject(it);
};
BytesIterType.traverse = (self, visit: VisitProc, arg) => {
  const seq = (self as PyBytesIter).seq;
  if (seq !== null) visit(seq, arg);
};
BytesIterType.iter = (self) => newRef(self);
BytesIterType.iternext = (self) => {
  const it = self as PyBytesIter;
  const seq = it.seq;
  if (seq === null) return null;
  if (it.index < seq.data.length) return newInt(seq.data[it.index++]!);
  it.seq = null;
  decref(seq);
  return null;
};

function bytesIter(self: PyObject): PyObject {
  const it = new PyBytesIter(newRef(self as PyBytes));
  allocGCObject(it, 32);
  gcTrack(it);
  return it;
}

// ---------------------------------------------------------------------------
// Wiring.

BytesType.hash = bytesHash;
BytesType.repr = bytesReprSlot;
BytesType.str = bytesReprSlot;
BytesType.richcompare = bytesRichCompare;
BytesType.new_ = bytesNew;
BytesType.iter = bytesIter;
BytesType.sqLength = bytesLength;
BytesType.mpLength = bytesLength;
BytesType.sqConcat = bytesConcat;
BytesType.sqRepeat = bytesRepeat;
BytesType.sqItem = bytesItem;
BytesType.sqContains = bytesContains;
BytesType.mpSubscript = bytesSubscript;
BytesType.nbRemainder = bytesRemainder;
BytesType.flags |= TPFLAGS_SEQUENCE;

const bytesOwnMethods: MethodDef[] = [
  { name: "__getnewargs__", kind: "noargs", fn: (self) => tupleFromOwned([newBytes((self as PyBytes).data)]) },
  { name: "__bytes__", kind: "noargs", fn: (self) => (self.type === BytesType ? newRef(self) : newBytes((self as PyBytes).data)), doc: "Convert this value to exact type bytes." },
  { name: "__sizeof__", kind: "noargs", fn: (self) => newIntSsize(bytesSizeof(self as PyBytes)), doc: "Returns the size of the bytes in memory, in bytes." },
  {
    name: "fromhex",
    kind: "o",
    binding: "class",
    fn: (cls, arg) => {
      if (!isStr(arg)) raise(TypeErrorType, `fromhex() argument must be str, not ${arg.type.name}`);
      const b = newBytes(fromHex(arg.value));
      if (cls === BytesType) return b;
      try {
        return callOneArg(cls, b);
      } finally {
        decref(b);
      }
    },
    doc: "Create a bytes object from a string of hexadecimal numbers.\n\nSpaces between two numbers are accepted.\nExample: bytes.fromhex('B9 01EF') -> b'\\\\xb9\\\\x01\\\\xef'.",
  },
  { name: "maketrans", kind: "fastcall", binding: "static", fn: (_s, args, start, nargs) => {
    if (nargs !== 2) raise(TypeErrorType, `maketrans expected 2 arguments, got ${nargs}`);
    return newBytes(makeTrans(args[start]!, args[start + 1]!));
  } },
];

const spec = staticTypeSpec(BytesType);
for (const m of sharedBytesMethods(
  (self) => (self as PyBytes).data,
  (_self, data) => newBytes(data),
  (self) => (self.type === BytesType ? newRef(self) : newBytes((self as PyBytes).data)),
  (self) => (self.type === BytesType ? newRef(self) : newBytes((self as PyBytes).data)),
)) {
  spec.methods.push(m);
}
for (const m of bytesOwnMethods) spec.methods.push(m);
readyType(BytesType);
staticTypeSpec(BytesIterType).methods.push({
  name: "__length_hint__",
  kind: "noargs",
  fn: (self) => {
    const it = self as PyBytesIter;
    const seq = it.seq;
    return newIntSsize(seq === null ? 0 : Math.max(0, seq.data.length - it.index));
  },
  doc: "Private method returning an estimate of len(list(it)).",
});
readyType(BytesIterType);

