// Objects/bytes_methods.c and Objects/stringlib (shared by bytes and bytearray): find /
// rfind / index / rindex / count, startswith / endswith, split / rsplit / splitlines,
// strip family, partition, replace, join, case methods and is*() predicates (ASCII only),
// center / ljust / rjust / zfill, expandtabs, hex, translate, removeprefix / removesuffix,
// decode; plus fromhex and maketrans.
//
// The methods work on the object's current bytes (a Uint8Array view) and build results with
// the caller's `wrap`, so bytes methods return bytes and bytearray methods bytearray. Searches
// run on Latin-1 JS strings (one char per byte), where JS's indexOf is fast and exact.

import type { PyObject } from "./object.js";
import { decref, newRef } from "./refcount.js";
import type { PyTuple } from "./tuple.js";
import { tupleFromOwned, isTuple } from "./tuple.js";
import type { MethodDef } from "./methoddef.js";
import { newIntSsize, newBool, isInt, type PyInt } from "./int.js";
import { isStr, newStr } from "./str.js";
import { None } from "./singletons.js";
import { TypeErrorType, ValueErrorType, raise } from "./exceptions.js";
import { parseArgs, checkPositional, checkTupleArity, noKeywords } from "./getargs.js";
import { numberIndex, numberAsSsize, getIter, iterNext } from "./abstract.js";
import { sliceIndex } from "./sliceobject.js";
import { newList, listAppend, isList } from "./list.js";
import { BytesType } from "./bytes.js";
import { getBuffer, releaseBuffer, checkBuffer } from "./bufferproto.js";
import { decodeBytes } from "./unicodecodecs.js";
import { overTuple } from "./varargs.js";

/** Bytes <-> Latin-1 JS strings. */
export function latin1(data: Uint8Array, start = 0, end = data.length): string {
  let s = "";
  for (let i = start; i < end; i += 8192) {
    s += String.fromCharCode.apply(null, Array.from(data.subarray(i, Math.min(end, i + 8192))));
  }
  return s;
}

export function fromLatin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** The bytes of a bytes-like argument (copied), with `message` as the TypeError for others. */
export function bytesLikeArg(o: PyObject, message: string | null = null): Uint8Array {
  const v = getBuffer(o, false, message);
  try {
    return v.data.slice();
  } finally {
    releaseBuffer(v);
  }
}

/** An `int or bytes-like` search argument as a Latin-1 string. */
function subArg(o: PyObject): string {
  if (isInt(o)) return String.fromCharCode(byteValue(o));
  if (o.type.nbIndex !== null && !checkBuffer(o)) {
    const i = numberIndex(o);
    try {
      return String.fromCharCode(byteValue(i));
    } finally {
      decref(i);
    }
  }
  return latin1(bytesLikeArg(o, `argument should be integer or bytes-like object, not '${o.type.name}'`));
}

/** An int in range(256), else ValueError("byte must be in range(0, 256)"). */
export function byteValue(o: PyObject): number {
  const i = isInt(o) ? (o as PyInt) : null;
  let v: number;
  if (i !== null) v = i.big !== null ? -1 : i.value;
  else {
    const idx = numberIndex(o);
    v = idx.big !== null ? -1 : idx.value;
    decref(idx);
  }
  if (v < 0 || v > 255) raise(ValueErrorType, "byte must be in range(0, 256)");
  return v;
}

// Start/end arguments of the search methods, adjusted like ADJUST_INDICES.
let rangeStart = 0;
let rangeEnd = 0;

function searchRange(args: PyObject[], start: number, nargs: number, n: number): void {
  let s = nargs > 1 ? sliceIndex(args[start + 1]!, 0) : 0;
  let e = nargs > 2 ? sliceIndex(args[start + 2]!, n) : n;
  if (e > n) e = n;
  else if (e < 0) {
    e += n;
    if (e < 0) e = 0;
  }
  if (s < 0) {
    s += n;
    if (s < 0) s = 0;
  }
  rangeStart = s;
  rangeEnd = e;
}

const ASCII_SPACE = " \t\n\r\x0b\x0c";

function isSpaceByte(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
function isLowerByte(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isUpperByte(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isAlphaByte(c: number): boolean {
  return isLowerByte(c) || isUpperByte(c);
}
function isDigitByte(c: number): boolean {
  return c >= 48 && c <= 57;
}

function mapBytes(data: Uint8Array, f: (c: number, i: number) => number): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = f(data[i]!, i);
  return out;
}

function lowerByte(c: number): number {
  return isUpperByte(c) ? c + 32 : c;
}
function upperByte(c: number): number {
  return isLowerByte(c) ? c - 32 : c;
}

function titleBytes(data: Uint8Array): Uint8Array {
  let prevCased = false;
  return mapBytes(data, (c) => {
    let r = c;
    if (isUpperByte(c)) {
      if (prevCased) r = c + 32;
      prevCased = true;
    } else if (isLowerByte(c)) {
      if (!prevCased) r = c - 32;
      prevCased = true;
    } else {
      prevCased = false;
    }
    return r;
  });
}

function splitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  while (maxsplit-- !== 0) {
    while (i < n && isSpaceByte(s.charCodeAt(i))) i++;
    if (i === n) return out;
    const j = i;
    while (i < n && !isSpaceByte(s.charCodeAt(i))) i++;
    out.push(s.slice(j, i));
  }
  while (i < n && isSpaceByte(s.charCodeAt(i))) i++;
  if (i < n) out.push(s.slice(i));
  return out;
}

function rsplitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = s.length - 1;
  while (maxsplit-- !== 0) {
    while (i >= 0 && isSpaceByte(s.charCodeAt(i))) i--;
    if (i < 0) return out.reverse();
    const j = i;
    while (i >= 0 && !isSpaceByte(s.charCodeAt(i))) i--;
    out.push(s.slice(i + 1, j + 1));
  }
  while (i >= 0 && isSpaceByte(s.charCodeAt(i))) i--;
  if (i >= 0) out.push(s.slice(0, i + 1));
  return out.reverse();
}

function splitSep(s: string, sep: string, maxsplit: number): string[] {
  if (sep.length === 0) raise(ValueErrorType, "empty separator");
  const out: string[] = [];
  let i = 0;
  while (maxsplit-- !== 0) {
    const j = s.indexOf(sep, i);
    if (j < 0) break;
    out.push(s.slice(i, j));
    i = j + sep.length;
  }
  out.push(s.slice(i));
  return out;
}

function rsplitSep(s: string, sep: string, maxsplit: number): string[] {
  if (sep.length === 0) raise(ValueErrorType, "empty separator");
  const out: string[] = [];
  let end = s.length;
  while (maxsplit-- !== 0) {
    const j = end - sep.length < 0 ? -1 : s.lastIndexOf(sep, end - sep.length);
    if (j < 0) break;
    out.push(s.slice(j + sep.length, end));
    end = j;
  }
  out.push(s.slice(0, end));
  return out.reverse();
}

function stripChars(s: string, chars: string | null, left: boolean, right: boolean): string {
  const set = chars ?? ASCII_SPACE;
  let i = 0;
  let j = s.length;
  if (left) while (i < j && set.indexOf(s[i]!) >= 0) i++;
  if (right) while (j > i && set.indexOf(s[j - 1]!) >= 0) j--;
  return s.slice(i, j);
}

/** Counts non-overlapping occurrences of sub in s[start, end). */
function countSub(s: string, sub: string, start: number, end: number): number {
  if (start > s.length || end - start < sub.length) return 0;
  if (sub.length === 0) return end - start + 1;
  let count = 0;
  let i = start;
  for (;;) {
    const j = s.indexOf(sub, i);
    if (j < 0 || j + sub.length > end) break;
    count++;
    i = j + sub.length;
  }
  return count;
}

function findSub(s: string, sub: string, start: number, end: number, reverse: boolean): number {
  if (start > s.length || end - start < sub.length) return -1;
  if (!reverse) {
    const j = s.indexOf(sub, start);
    return j >= 0 && j + sub.length <= end ? j : -1;
  }
  const j = s.lastIndexOf(sub, end - sub.length);
  return j >= start ? j : -1;
}

function padArgs(name: string, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): [number, number] {
  noKeywords(name, kwnames);
  checkPositional(name, nargs, 1, 2);
  const width = numberAsSsize(args[start]!, null);
  let fill = 32;
  if (nargs > 1) {
    const f = args[start + 1]!;
    const data = checkBuffer(f) && !isStr(f) ? bytesLikeArg(f) : null;
    if (data === null || data.length !== 1 || (f.type.name !== "bytes" && f.type.name !== "bytearray" && !checkBuffer(f))) {
      raise(TypeErrorType, `${name}() argument 2 must be a byte string of length 1, not ${f.type.name}`);
    }
    fill = data[0]!;
  }
  return [width, fill];
}

function pad(data: Uint8Array, left: number, right: number, fill: number): Uint8Array {
  const out = new Uint8Array(left + data.length + right).fill(fill);
  out.set(data, left);
  return out;
}

/** bytes.hex(sep=None, bytes_per_sep=1) / bytearray.hex. */
export function hexText(data: Uint8Array, sepObj: PyObject | null, perObj: PyObject | null): string {
  let sep = "";
  if (sepObj !== null && sepObj !== None) {
    if (isStr(sepObj)) sep = sepObj.value;
    else sep = latin1(bytesLikeArg(sepObj));
    if (sep.length !== 1) raise(ValueErrorType, "sep must be length 1.");
    if (sep.charCodeAt(0) > 127) raise(ValueErrorType, "sep must be ASCII.");
  }
  const per = perObj === null ? 1 : numberAsSsize(perObj, null);
  let hex = "";
  for (let i = 0; i < data.length; i++) hex += data[i]!.toString(16).padStart(2, "0");
  if (sep === "" || per === 0 || data.length === 0) return hex;
  const group = Math.abs(per);
  const parts: string[] = [];
  if (per > 0) {
    // Groups counted from the right.
    let end = data.length;
    while (end > 0) {
      const begin = Math.max(0, end - group);
      parts.unshift(hex.slice(2 * begin, 2 * end));
      end = begin;
    }
  } else {
    for (let b = 0; b < data.length; b += group) parts.push(hex.slice(2 * b, 2 * Math.min(data.length, b + group)));
  }
  return parts.join(sep);
}

/** bytes.fromhex(string): pairs of hex digits, ASCII whitespace allowed between pairs. */
export function fromHex(text: string, fname = "fromhex"): Uint8Array {
  const out: number[] = [];
  let i = 0;
  const n = text.length;
  const hexVal = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1);
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpaceByte(c)) {
      i++;
      continue;
    }
    const hi = hexVal(c);
    if (hi < 0) raise(ValueErrorType, `non-hexadecimal number found in ${fname}() arg at position ${i}`);
    if (i + 1 >= n) raise(ValueErrorType, `non-hexadecimal number found in ${fname}() arg at position ${i + 1}`);
    const lo = hexVal(text.charCodeAt(i + 1));
    if (lo < 0) raise(ValueErrorType, `non-hexadecimal number found in ${fname}() arg at position ${i + 1}`);
    out.push(hi * 16 + lo);
    i += 2;
  }
  return Uint8Array.from(out);
}

/** bytes.maketrans(frm, to): a 256-byte translation table. */
export function makeTrans(frm: PyObject, to: PyObject): Uint8Array {
  const a = bytesLikeArg(frm);
  const b = bytesLikeArg(to);
  if (a.length !== b.length) raise(ValueErrorType, "maketrans arguments must have same length");
  const table = new Uint8Array(256);
  for (let i = 0; i < 256; i++) table[i] = i;
  for (let i = 0; i < a.length; i++) table[a[i]!] = b[i]!;
  return table;
}

function strArg(o: PyObject | null, fname: string, argName: string, dflt: string): string {
  if (o === null) return dflt;
  if (!isStr(o)) raise(TypeErrorType, `${fname}() argument '${argName}' must be str, not ${o.type.name}`);
  return o.value;
}

/**
 * The methods bytes and bytearray share. `data(self)` is the current content, `wrap(bytes)`
 * makes a result of self's kind (new reference), `source(self)` the bytes object a
 * UnicodeDecodeError carries.
 */
export function sharedBytesMethods(
  data: (self: PyObject) => Uint8Array,
  wrap: (self: PyObject, bytes: Uint8Array) => PyObject,
  source: (self: PyObject) => PyObject,
  unchanged: (self: PyObject) => PyObject,
): MethodDef[] {
  const wrapLatin1 = (self: PyObject, s: string): PyObject => wrap(self, fromLatin1(s));
  /** A result equal to self's content: return_self (exact bytes give themselves). */
  const resultOf = (self: PyObject, s: string, original: string): PyObject => (s === original ? unchanged(self) : wrapLatin1(self, s));
  const listOf = (self: PyObject, parts: string[], original: string): PyObject => {
    const l = newList(0);
    for (const p of parts) {
      const item = parts.length === 1 && p === original ? unchanged(self) : wrapLatin1(self, p);
      listAppend(l, item);
      decref(item);
    }
    return l;
  };
  const find = (reverse: boolean, raising: boolean) => (self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject => {
    const name = reverse ? (raising ? "rindex" : "rfind") : raising ? "index" : "find";
    noKeywords(name, kwnames);
    checkTupleArity(name, nargs, 1, 3);
    const d = data(self);
    const sub = subArg(args[start]!);
    searchRange(args, start, nargs, d.length);
    const r = findSub(latin1(d), sub, rangeStart, rangeEnd, reverse);
    if (r < 0 && raising) raise(ValueErrorType, "subsection not found");
    return newIntSsize(r);
  };
  const affix = (suffix: boolean) => (self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject => {
    const name = suffix ? "endswith" : "startswith";
    noKeywords(name, kwnames);
    checkTupleArity(name, nargs, 1, 3);
    const d = data(self);
    const s = latin1(d);
    searchRange(args, start, nargs, d.length);
    const test = (o: PyObject): boolean => {
      if (!checkBuffer(o) || isStr(o)) raise(TypeErrorType, `${name} first arg must be bytes or a tuple of bytes, not ${o.type.name}`);
      const p = latin1(bytesLikeArg(o));
      if (rangeEnd - rangeStart < p.length || rangeStart > d.length) return false;
      return suffix ? s.slice(rangeEnd - p.length, rangeEnd) === p : s.slice(rangeStart, rangeStart + p.length) === p;
    };
    const arg = args[start]!;
    if (isTuple(arg)) {
      for (const item of arg.items) if (test(item)) return newBool(true);
      return newBool(false);
    }
    return newBool(test(arg));
  };
  const splitMethod = (reverse: boolean) => (self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject => {
    const [sepObj, maxObj] = parseArgs(reverse ? "rsplit" : "split", args, start, nargs, kwnames, ["sep", "maxsplit"], 0);
    const s = latin1(data(self));
    const maxsplit = maxObj === null ? -1 : numberAsSsize(maxObj, null);
    let parts: string[];
    if (sepObj === null || sepObj === None) parts = reverse ? rsplitWhitespace(s, maxsplit) : splitWhitespace(s, maxsplit);
    else {
      const sep = latin1(bytesLikeArg(sepObj));
      parts = reverse ? rsplitSep(s, sep, maxsplit) : splitSep(s, sep, maxsplit);
    }
    return listOf(self, parts, s);
  };
  const stripMethod = (name: string, left: boolean, right: boolean) => (self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject => {
    noKeywords(name, kwnames);
    checkPositional(name, nargs, 0, 1);
    const chars = nargs === 0 || args[start] === None ? null : latin1(bytesLikeArg(args[start]!));
    const s = latin1(data(self));
    return resultOf(self, stripChars(s, chars, left, right), s);
  };
  const predicate = (name: string, test: (d: Uint8Array) => boolean): MethodDef => ({
    name,
    kind: "noargs",
    fn: (self) => newBool(test(data(self))),
  });
  const every = (f: (c: number) => boolean) => (d: Uint8Array): boolean => {
    if (d.length === 0) return false;
    for (let i = 0; i < d.length; i++) if (!f(d[i]!)) return false;
    return true;
  };
  const partition = (reverse: boolean) => (self: PyObject, sepObj: PyObject): PyObject => {
    const s = latin1(data(self));
    const sep = latin1(bytesLikeArg(sepObj));
    if (sep.length === 0) raise(ValueErrorType, "empty separator");
    const i = reverse ? s.lastIndexOf(sep) : s.indexOf(sep);
    if (i < 0) {
      const whole = unchanged(self);
      return tupleFromOwned(reverse ? [wrapLatin1(self, ""), wrapLatin1(self, ""), whole] : [whole, wrapLatin1(self, ""), wrapLatin1(self, "")]);
    }
    return tupleFromOwned([wrapLatin1(self, s.slice(0, i)), wrapLatin1(self, sep), wrapLatin1(self, s.slice(i + sep.length))]);
  };

  return [
    { name: "find", kind: "varargs", fn: overTuple(find(false, false)) },
    { name: "rfind", kind: "varargs", fn: overTuple(find(true, false)) },
    { name: "index", kind: "varargs", fn: overTuple(find(false, true)) },
    { name: "rindex", kind: "varargs", fn: overTuple(find(true, true)) },
    {
      name: "count",
      kind: "varargs",
      fn: overTuple((self, args, start, nargs, kwnames) => {
        noKeywords("count", kwnames);
        checkTupleArity("count", nargs, 1, 3);
        const d = data(self);
        const sub = subArg(args[start]!);
        searchRange(args, start, nargs, d.length);
        return newIntSsize(countSub(latin1(d), sub, rangeStart, rangeEnd));
      }),
    },
    { name: "startswith", kind: "varargs", fn: overTuple(affix(false)) },
    { name: "endswith", kind: "varargs", fn: overTuple(affix(true)) },
    { name: "split", kind: "fastcall", fn: splitMethod(false) },
    { name: "rsplit", kind: "fastcall", fn: splitMethod(true) },
    {
      name: "splitlines",
      kind: "fastcall",
      fn: (self, args, start, nargs, kwnames) => {
        const [keepObj] = parseArgs("splitlines", args, start, nargs, kwnames, ["keepends"], 0);
        const keep = keepObj !== null && (isInt(keepObj) ? (keepObj as PyInt).value !== 0 || (keepObj as PyInt).big !== null : true);
        const s = latin1(data(self));
        const parts: string[] = [];
        let i = 0;
        while (i < s.length) {
          let j = i;
          while (j < s.length && s[j] !== "\n" && s[j] !== "\r") j++;
          let eol = j;
          if (j < s.length) {
            eol = s[j] === "\r" && s[j + 1] === "\n" ? j + 2 : j + 1;
          }
          parts.push(s.slice(i, keep ? eol : j));
          i = eol;
        }
        return listOf(self, parts, s);
      },
    },
    { name: "strip", kind: "fastcall", fn: stripMethod("strip", true, true) },
    { name: "lstrip", kind: "fastcall", fn: stripMethod("lstrip", true, false) },
    { name: "rstrip", kind: "fastcall", fn: stripMethod("rstrip", false, true) },
    { name: "partition", kind: "o", fn: partition(false) },
    { name: "rpartition", kind: "o", fn: partition(true) },
    {
      name: "replace",
      kind: "fastcall",
      fn: (self, args, start, nargs, kwnames) => {
        noKeywords("replace", kwnames);
        checkPositional("replace", nargs, 2, 3);
        const s = latin1(data(self));
        const old = latin1(bytesLikeArg(args[start]!));
        const repl = latin1(bytesLikeArg(args[start + 1]!));
        let count = nargs > 2 ? numberAsSsize(args[start + 2]!, null) : -1;
        if (count < 0) count = Number.MAX_SAFE_INTEGER;
        if (count === 0 || (old.length > 0 && s.indexOf(old) < 0)) return unchanged(self);
        let out = "";
        if (old.length === 0) {
          let i = 0;
          for (; i <= s.length && count > 0; i++, count--) out += repl + (i < s.length ? s[i] : "");
          out += s.slice(i);
        } else {
          let i = 0;
          while (count > 0) {
            const j = s.indexOf(old, i);
            if (j < 0) break;
            out += s.slice(i, j) + repl;
            i = j + old.length;
            count--;
          }
          out += s.slice(i);
        }
        return resultOf(self, out, s);
      },
    },
    {
      name: "join",
      kind: "o",
      fn: (self, iterable) => {
        const sep = data(self);
        // A one-item sequence of exact bytes joined by bytes is that item (stringlib join).
        if (self.type === BytesType && (isList(iterable) || isTuple(iterable))) {
          const items = (iterable as PyObject & { items: PyObject[] }).items;
          if (items.length === 1 && items[0]!.type === BytesType) return newRef(items[0]!);
        }
        const it = getIter(iterable);
        const chunks: Uint8Array[] = [];
        let total = 0;
        try {
          for (let item = iterNext(it), k = 0; item !== null; item = iterNext(it), k++) {
            try {
              if (!checkBuffer(item) || isStr(item)) raise(TypeErrorType, `sequence item ${k}: expected a bytes-like object, ${item.type.name} found`);
              const b = bytesLikeArg(item);
              if (chunks.length > 0) total += sep.length;
              chunks.push(b);
              total += b.length;
            } finally {
              decref(item);
            }
          }
        } finally {
          decref(it);
        }
        const out = new Uint8Array(total);
        let pos = 0;
        for (let i = 0; i < chunks.length; i++) {
          if (i > 0) {
            out.set(sep, pos);
            pos += sep.length;
          }
          out.set(chunks[i]!, pos);
          pos += chunks[i]!.length;
        }
        return wrap(self, out);
      },
    },
    { name: "lower", kind: "noargs", fn: (self) => wrap(self, mapBytes(data(self), lowerByte)) },
    { name: "upper", kind: "noargs", fn: (self) => wrap(self, mapBytes(data(self), upperByte)) },
    { name: "swapcase", kind: "noargs", fn: (self) => wrap(self, mapBytes(data(self), (c) => (isUpperByte(c) ? c + 32 : isLowerByte(c) ? c - 32 : c))) },
    { name: "capitalize", kind: "noargs", fn: (self) => wrap(self, mapBytes(data(self), (c, i) => (i === 0 ? upperByte(c) : lowerByte(c)))) },
    { name: "title", kind: "noargs", fn: (self) => wrap(self, titleBytes(data(self))) },
    predicate("isalnum", every((c) => isAlphaByte(c) || isDigitByte(c))),
    predicate("isalpha", every(isAlphaByte)),
    predicate("isdigit", every(isDigitByte)),
    predicate("isspace", every(isSpaceByte)),
    predicate("isascii", (d) => d.every((c) => c < 128)),
    predicate("islower", (d) => {
      let cased = false;
      for (const c of d) {
        if (isUpperByte(c)) return false;
        if (isLowerByte(c)) cased = true;
      }
      return cased;
    }),
    predicate("isupper", (d) => {
      let cased = false;
      for (const c of d) {
        if (isLowerByte(c)) return false;
        if (isUpperByte(c)) cased = true;
      }
      return cased;
    }),
    predicate("istitle", (d) => {
      let cased = false;
      let prevCased = false;
      for (const c of d) {
        if (isUpperByte(c)) {
          if (prevCased) return false;
          prevCased = cased = true;
        } else if (isLowerByte(c)) {
          if (!prevCased) return false;
          prevCased = cased = true;
        } else {
          prevCased = false;
        }
      }
      return cased;
    }),
    {
      name: "center",
      kind: "fastcall",
      fn: (self, args, start, nargs, kwnames) => {
        const [width, fill] = padArgs("center", args, start, nargs, kwnames);
        const d = data(self);
        if (width <= d.length) return unchanged(self);
        const marg = width - d.length;
        const left = Math.floor(marg / 2) + (marg & width & 1);
        return wrap(self, pad(d, left, marg - left, fill));
      },
    },
    {
      name: "ljust",
      kind: "fastcall",
      fn: (self, args, start, nargs, kwnames) => {
        const [width, fill] = padArgs("ljust", args, start, nargs, kwnames);
        const d = data(self);
        return width <= d.length ? unchanged(self) : wrap(self, pad(d, 0, width - d.length, fill));
      },
    },
    {
      name: "rjust",
      kind: "fastcall",
      fn: (self, args, start, nargs, kwnames) => {
        const [width, fill] = padArgs("rjust", args, start, nargs, kwnames);
        const d = data(self);
        return width <= d.length ? unchanged(self) : wrap(self, pad(d, width - d.length, 0, fill));
      },
    },
    {
      name: "zfill",
      kind: "o",
      fn: (self, widthObj) => {
        const width = numberAsSsize(widthObj, null);
        const d = data(self);
        if (width <= d.length) return unchanged(self);
        const out = pad(d, width - d.length, 0, 48);
        if (d.length > 0 && (d[0] === 43 || d[0] === 45)) {
          out[0] = d[0]!;
          out[width - d.length] = 48;
        }
        return wrap(self, out);
      },
    },
    {
      name: "expandtabs",
      kind: "fastcall",
      fn: (self, args, start, nargs, kwnames) => {
        const [tabObj] = parseArgs("expandtabs", args, start, nargs, kwnames, ["tabsize"], 0);
        const tab = tabObj === null ? 8 : numberAsSsize(tabObj, null);
        const s = latin1(data(self));
        let out = "";
        let col = 0;
        for (const ch of s) {
          if (ch === "\t") {
            if (tab > 0) {
              const n = tab - (col % tab);
              out += " ".repeat(n);
              col += n;
            }
          } else {
            out += ch;
            col = ch === "\n" || ch === "\r" ? 0 : col + 1;
          }
        }
        return wrapLatin1(self, out);
      },
    },
    {
      name: "hex",
      kind: "fastcall",
      fn: (self, args, start, nargs, kwnames) => {
        const [sepObj, perObj] = parseArgs("hex", args, start, nargs, kwnames, ["sep", "bytes_per_sep"], 0);
        const text = hexText(data(self), sepObj, perObj);
        return newStr(text);
      },
    },
    {
      name: "translate",
      kind: "fastcall",
      fn: (self, args, start, nargs, kwnames) => {
        const [tableObj, deleteObj] = parseArgs("translate", args, start, nargs, kwnames, ["table", "delete"], 1, 1);
        let table: Uint8Array | null = null;
        if (tableObj !== None) {
          table = bytesLikeArg(tableObj!);
          if (table.length !== 256) raise(ValueErrorType, "translation table must be 256 characters long");
        }
        const del = deleteObj === null ? null : bytesLikeArg(deleteObj);
        const d = data(self);
        const out: number[] = [];
        let changed = false;
        for (let i = 0; i < d.length; i++) {
          const c = d[i]!;
          if (del !== null && del.indexOf(c) >= 0) {
            changed = true;
            continue;
          }
          const m = table === null ? c : table[c]!;
          if (m !== c) changed = true;
          out.push(m);
        }
        return changed ? wrap(self, Uint8Array.from(out)) : unchanged(self);
      },
    },
    {
      name: "removeprefix",
      kind: "o",
      fn: (self, p) => {
        const s = latin1(data(self));
        const prefix = latin1(bytesLikeArg(p));
        return prefix.length > 0 && s.startsWith(prefix) ? wrapLatin1(self, s.slice(prefix.length)) : unchanged(self);
      },
    },
    {
      name: "removesuffix",
      kind: "o",
      fn: (self, p) => {
        const s = latin1(data(self));
        const suffix = latin1(bytesLikeArg(p));
        return suffix.length > 0 && s.endsWith(suffix) ? wrapLatin1(self, s.slice(0, s.length - suffix.length)) : unchanged(self);
      },
    },
    {
      name: "decode",
      kind: "fastcall",
      fn: (self, args, start, nargs, kwnames) => {
        const [encObj, errObj] = parseArgs("decode", args, start, nargs, kwnames, ["encoding", "errors"], 0);
        const encoding = strArg(encObj, "decode", "encoding", "utf-8");
        const errors = strArg(errObj, "decode", "errors", "strict");
        const text = decodeBytes(data(self), encoding, errors, () => source(self));
        return newStr(text);
      },
    },
  ];
}

