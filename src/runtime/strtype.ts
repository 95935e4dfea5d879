// Objects/unicodeobject.c: PyUnicode_Type's slots: unicode_repr, unicode_str,
// PyUnicode_RichCompare, PyUnicode_Concat and PyUnicode_Append (the in-place resize that makes
// `s += t` keep s's block when nothing else references s), unicode_repeat, unicode_getitem,
// unicode_subscript, PyUnicode_Contains, unicode_new (str(x), str(bytes, encoding, errors),
// unicode_subtype_new), the str iterators (str_ascii_iterator, str_iterator), unicode_mod;
// and installStrType, which int.ts calls while it loads (str.ts itself stays free of
// imports that would close cycles, because many modules build strings at load time).

import { PyObject, type VisitProc } from "./object.js";
import { allocGCObject, freeGCObject, allocator } from "./heap.js";
import { DOMAIN_OBJ } from "../memory/index.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, newRef } from "./refcount.js";
import { PyType, TPFLAGS_HAVE_GC, CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT } from "./type.js";
import { newStaticType, readyType, staticTypeSpec } from "./typeroots.js";
import type { PyTuple } from "./tuple.js";
import { dictEntry, dictNext, type PyDict } from "./dict.js";
import {
  PyStr,
  StrType,
  EMPTY_STR,
  isStr,
  newStr,
  newStrKnown,
  newStrSubtypeInstance,
  strCharAt,
  strCompare,
  strSubstring,
  strCodePoints,
  compactStrSize,
  latin1CharBorrowed,
  NOT_INTERNED,
} from "./str.js";
import { newBool, newIntSsize } from "./int.js";
import { NotImplemented } from "./singletons.js";
import { IndexErrorType, OverflowErrorType, TypeErrorType, raise } from "./exceptions.js";
import { numberAsSsize, objectStr } from "./abstract.js";
import { sliceUnpack, sliceAdjustIndices, sliceBounds, SliceType, type PySlice } from "./sliceobject.js";
import { strRepr } from "./values/strmethods.js";
import { checkBuffer, getBuffer, releaseBuffer } from "./bufferproto.js";
import { decodeBytes } from "./unicodecodecs.js";
import { newBytes } from "./bytes.js";
import { strPrintf } from "./strformat.js";

// ---------------------------------------------------------------------------
// repr / str / compare

function strReprSlot(self: PyObject): PyObject {
  return newStr(strRepr((self as PyStr).value));
}

/** unicode_str: an exact str is itself; a subclass instance becomes an exact copy. */
export function strStr(self: PyObject): PyObject {
  const s = self as PyStr;
  if (s.type === StrType) return newRef(s);
  return newStr(s.value);
}

function strRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (!isStr(a) || !isStr(b)) return newRef(NotImplemented);
  const x = a.value;
  const y = b.value;
  switch (op) {
    case CMP_EQ: return newBool(a === b || x === y);
    case CMP_NE: return newBool(!(a === b || x === y));
    case CMP_LT: return newBool(strCompare(x, y) < 0);
    case CMP_LE: return newBool(strCompare(x, y) <= 0);
    case CMP_GT: return newBool(strCompare(x, y) > 0);
    default: return newBool(strCompare(x, y) >= 0);
  }
}

// ---------------------------------------------------------------------------
// Concatenation and repetition.

/** PY_SSIZE_T_MAX as a length bound; JS strings stop far earlier (about 2**29 units). */
const MAX_STR_UNITS = 536870888;

/** PyUnicode_Concat (new reference). */
export function strConcat(left: PyObject, right: PyObject): PyObject {
  if (!isStr(right)) raise(TypeErrorType, `can only concatenate str (not "${right.type.name}") to str`);
  const a = left as PyStr;
  if (a.length === 0 && right.type === StrType) return newRef(right);
  if (right.length === 0 && a.type === StrType) return newRef(a);
  if (a.value.length + right.value.length > MAX_STR_UNITS) raise(OverflowErrorType, "strings are too large to concat");
  const kind = a.kind > right.kind ? a.kind : right.kind;
  return newStrKnown(a.value + right.value, kind, a.ascii && right.ascii, a.length + right.length);
}

/**
 * PyUnicode_Append: `left += right` where the caller owns `left` (the reference is consumed;
 * the result is a new reference). When left is modifiable (only one reference, exact str, no
 * hash computed, not interned) and right does not widen it, the block is resized in place:
 * same object, same id(), a realloc the allocator sees.
 */
export function strAppendOwned(left: PyStr, right: PyObject): PyStr {
  if (!isStr(right)) {
    decref(left);
    raise(TypeErrorType, `can only concatenate str (not "${right.type.name}") to str`);
  }
  if (right.length === 0 && left.type === StrType) return left;
  if (left.length === 0 && right.type === StrType) {
    decref(left);
    return newRef(right);
  }
  const modifiable = left.refcnt === 1 && left.type === StrType && !left.hashCached && left.interned === NOT_INTERNED && left.utf8Address === 0;
  const kind = left.kind > right.kind ? left.kind : right.kind;
  const ascii = left.ascii && right.ascii;
  if (modifiable && kind === left.kind && ascii === left.ascii && !isStaticSingleton(left)) {
    const length = left.length + right.length;
    left.address = allocator.realloc(DOMAIN_OBJ, left.address, compactStrSize(kind, ascii, length));
    left.value = left.value + right.value;
    left.length = length;
    return left;
  }
  const r = newStrKnown(left.value + right.value, kind, ascii, left.length + right.length);
  decref(left);
  return r;
}

function isStaticSingleton(s: PyStr): boolean {
  return s === EMPTY_STR || (s.length === 1 && s.value.charCodeAt(0) < 256 && latin1CharBorrowed(s.value.charCodeAt(0)) === s);
}

function strRepeat(self: PyObject, count: number): PyObject {
  const s = self as PyStr;
  if (count < 1) return newRef(EMPTY_STR);
  if (count === 1 && s.type === StrType) return newRef(s);
  if (s.length === 0) return newRef(EMPTY_STR);
  if (s.value.length * count > MAX_STR_UNITS) raise(OverflowErrorType, "repeated string is too long");
  return newStrKnown(s.value.repeat(count), s.kind, s.ascii, s.length * count);
}

// ---------------------------------------------------------------------------
// Indexing.

function strLength(self: PyObject): number {
  return (self as PyStr).length;
}

function strItem(self: PyObject, i: number): PyObject {
  const s = self as PyStr;
  if (i < 0 || i >= s.length) raise(IndexErrorType, "string index out of range");
  return strCharAt(s, i);
}

function strSubscript(self: PyObject, key: PyObject): PyObject {
  const s = self as PyStr;
  if (key.type.nbIndex !== null) {
    let i = numberAsSsize(key, IndexErrorType);
    if (i < 0) i += s.length;
    if (i < 0 || i >= s.length) raise(IndexErrorType, "string index out of range");
    return strCharAt(s, i);
  }
  if (key.type === SliceType) {
    sliceUnpack(key as PySlice);
    const n = sliceAdjustIndices(s.length);
    const { start, step } = sliceBounds;
    if (n <= 0) return newRef(EMPTY_STR);
    if (step === 1) return strSubstring(s, start, start + n);
    if (n === 1) return strCharAt(s, start);
    let out = "";
    if (s.kind !== 4) {
      const v = s.value;
      for (let k = 0, i = start; k < n; k++, i += step) out += v[i];
    } else {
      const cps = strCodePoints(s);
      for (let k = 0, i = start; k < n; k++, i += step) out += String.fromCodePoint(cps[i]!);
    }
    return newStr(out);
  }
  raise(TypeErrorType, `string indices must be integers, not '${key.type.name}'`);
}

function strContains(self: PyObject, item: PyObject): boolean {
  if (!isStr(item)) raise(TypeErrorType, `'in <string>' requires string as left operand, not ${item.type.name}`);
  return (self as PyStr).value.indexOf(item.value) >= 0;
}

// ---------------------------------------------------------------------------
// str(...)

function strNew(type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  let obj: PyObject | null = args.items.length > 0 ? args.items[0]! : null;
  let encoding: PyObject | null = args.items.length > 1 ? args.items[1]! : null;
  let errors: PyObject | null = args.items.length > 2 ? args.items[2]! : null;
  const nargs = args.items.length;
  if (nargs > 3) raise(TypeErrorType, `str() takes at most 3 arguments (${nargs} given)`);
  if (kwargs !== null) {
    for (let pos = dictNext(kwargs, 0); pos >= 0; pos = dictNext(kwargs, pos)) {
      const key = (dictEntry.key as PyStr).value;
      const v = dictEntry.value!;
      if (key === "object" && obj === null) obj = v;
      else if (key === "encoding" && encoding === null) encoding = v;
      else if (key === "errors" && errors === null) errors = v;
      else raise(TypeErrorType, `'${key}' is an invalid keyword argument for str()`);
    }
  }
  if (encoding !== null && !isStr(encoding)) raise(TypeErrorType, `str() argument 'encoding' must be str, not ${encoding.type.name}`);
  if (errors !== null && !isStr(errors)) raise(TypeErrorType, `str() argument 'errors' must be str, not ${errors.type.name}`);
  let result: PyStr;
  if (obj === null) {
    result = newRef(EMPTY_STR);
  } else if (encoding === null && errors === null) {
    result = objectStr(obj);
  } else {
    if (isStr(obj)) raise(TypeErrorType, "decoding str is not supported");
    if (!checkBuffer(obj)) raise(TypeErrorType, `decoding to str: need a bytes-like object, ${obj.type.name} found`);
    const view = getBuffer(obj);
    let text: string;
    try {
      const data = view.data;
      text = decodeBytes(data, encoding === null ? "utf-8" : (encoding as PyStr).value, errors === null ? "strict" : (errors as PyStr).value, () => newBytes(data.slice()));
    } finally {
      releaseBuffer(view);
    }
    result = newStr(text);
  }
  if (type === StrType) return result;
  try {
    return newStrSubtypeInstance(type, result);
  } finally {
    decref(result);
  }
}

// ---------------------------------------------------------------------------
// Iterators: str_ascii_iterator for ASCII strings (3.11), str_iterator otherwise.

export class PyStrIter extends PyObject {
  seq: PyStr | null;
  /** Position in code points. */
  index: number;
  /** Position in JS code units (differs from index only for kind-4 strings). */
  unit: number;
  constructor(type: PyType, seq: PyStr) {
    super(type);
    this.seq = seq;
    this.index = 0;
    this.unit = 0;
  }
}

/** sizeof(unicodeiterobject): head, index, seq. */
const STR_ITER_SIZE = 32;

export const StrAsciiIterType = newStaticType("str_ascii_iterator", STR_ITER_SIZE, 0, TPFLAGS_HAVE_GC);
export const StrIterType = newStaticType("str_iterator", STR_ITER_SIZE, 0, TPFLAGS_HAVE_GC);

function strIterDealloc(self: PyObject): void {
  const it = self as PyStrIter;
  gcUntrack(it);
  const seq = it.seq;
  it.seq = null;
  if (seq !== null) decref(seq);
  freeGCObject(it);
}

function strIterTraverse(self: PyObject, visit: VisitProc, arg: unknown): void {
  const seq = (self as PyStrIter).seq;
  if (seq !== null) visit(seq, arg);
}

function strIterNext(self: PyObject): PyObject | null {
  const it = self as PyStrIter;
  const seq = it.seq;
  if (seq === null) return null;
  const v = seq.value;
  if (it.unit < v.length) {
    const c = v.codePointAt(it.unit)!;
    it.unit += c > 0xffff ? 2 : 1;
    it.index++;
    if (c < 256) return newRef(latin1CharBorrowed(c));
    return newStrKnown(String.fromCodePoint(c), c > 0xffff ? 4 : 2, false, 1);
  }
  it.seq = null;
  decref(seq);
  return null;
}

for (const t of [StrAsciiIterType, StrIterType]) {
  t.dealloc = strIterDealloc;
  t.traverse = strIterTraverse;
  t.iter = (self) => newRef(self);
  t.iternext = strIterNext;
  staticTypeSpec(t).methods.push({
    name: "__length_hint__",
    kind: "noargs",
    fn: (self) => newIntSsize(strIterRemaining(self as PyStrIter)),
    doc: "Private method returning an estimate of len(list(it)).",
  });
  readyType(t);
}

function strIter(self: PyObject): PyObject {
  const s = self as PyStr;
  const it = new PyStrIter(s.ascii && s.type === StrType ? StrAsciiIterType : StrIterType, newRef(s));
  allocGCObject(it, STR_ITER_SIZE);
  gcTrack(it);
  return it;
}

/** Items left in a str iterator (its __length_hint__). */
export function strIterRemaining(it: PyStrIter): number {
  return it.seq === null ? 0 : it.seq.length - it.index;
}

function strRemainder(a: PyObject, b: PyObject): PyObject {
  if (!isStr(a)) return newRef(NotImplemented);
  return strPrintf(a, b);
}

/**
 * Sets str's slots (int.ts calls it while it loads, then readies the type). Only this
 * module's function declarations are used, so it works before this module's body ran.
 */
export function installStrType(t: PyType): void {
  if (t.repr !== null) return;
  t.repr = strReprSlot;
  t.str = strStr;
  t.richcompare = strRichCompare;
  t.new_ = strNew;
  t.iter = strIter;
  t.sqLength = strLength;
  t.mpLength = strLength;
  t.sqConcat = strConcat;
  t.sqRepeat = strRepeat;
  t.sqItem = strItem;
  t.sqContains = strContains;
  t.mpSubscript = strSubscript;
  t.nbRemainder = strRemainder;
  // Py_TPFLAGS_SEQUENCE, spelled out: this module's own constants may not exist yet.
  t.flags |= 1 << 5;
}
