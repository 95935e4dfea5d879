// Objects/unicodeobject.c: PyUnicode_Type and the 3.11 object layouts (PyASCIIObject,
// PyCompactUnicodeObject, PyUnicodeObject), PyUnicode_New's size computation, the static
// empty string and Latin-1 one-character singletons (get_latin1_char, unicode_result),
// interning (PyUnicode_InternInPlace, the `interned` dict, SSTATE_*), unicode_hash,
// unicode_dealloc, PyUnicode_Concat, unicode_repeat, unicode_compare, unicode_getitem,
// unicode_subscript, unicode___sizeof___impl and the str iterator (unicodeiterobject).
//
// Text is held as a JS string (UTF-16). The Python-level length counts code points, so a
// surrogate pair is one character; `kind` is CPython's storage width (1, 2 or 4 bytes), which
// decides the memory footprint. Strings of kind 1 or 2 index in JS code units directly (the
// fast path); only kind-4 strings (with astral characters) need code-point walking. A
// limitation follows: a Python string holding a lone high surrogate followed by a lone low
// surrogate cannot be told apart from the astral character they encode.

import { PyObject, STATIC_REFCNT } from "./object.js";
import { allocObject, allocGCObject, freeObject, freeGCObject, staticAddress, allocator } from "./heap.js";
import { DOMAIN_OBJ } from "../memory/index.js";
import { gcTrack } from "./gcstate.js";
import { newRef } from "./refcount.js";
import {
  markStatic,
  PyType,
  TPFLAGS_BASETYPE,
  TPFLAGS_HAVE_GC,
  TPFLAGS_HEAPTYPE,
  TPFLAGS_UNICODE_SUBCLASS,
} from "./type.js";
import { newStaticType } from "./typeroots.js";
import { hashResult, hashStr } from "./values/pyhash.js";

/** SSTATE_NOT_INTERNED, SSTATE_INTERNED_MORTAL, SSTATE_INTERNED_IMMORTAL */
export const NOT_INTERNED = 0;
export const INTERNED_MORTAL = 1;
export const INTERNED_IMMORTAL = 2;

/** sizeof(PyASCIIObject) + NUL accounting: the compact ASCII header. */
export const ASCII_HEADER_SIZE = 48;
/** sizeof(PyCompactUnicodeObject): the compact non-ASCII header. */
export const COMPACT_HEADER_SIZE = 72;
/** sizeof(PyUnicodeObject): the legacy (non-compact) layout str subclasses use. */
export const UNICODE_OBJECT_SIZE = 80;

export class PyStr extends PyObject {
  /** The text as a JS string (UTF-16; astral code points are surrogate pairs). */
  value: string;
  /** Cached 64-bit hash halves; valid when hashCached. */
  hashHi: number;
  hashLo: number;
  hashCached: boolean;
  /** SSTATE_NOT_INTERNED (0), SSTATE_INTERNED_MORTAL (1), SSTATE_INTERNED_IMMORTAL (2). */
  interned: number;
  /** PyUnicode_KIND: bytes per code point (1, 2 or 4). */
  kind: number;
  /** All code points < 128 (the compact ASCII layout). */
  ascii: boolean;
  /** Length in code points. */
  length: number;
  /** Address of the cached UTF-8 copy (PyUnicode_AsUTF8), 0 when none. */
  utf8Address: number;
  /** Size of that UTF-8 copy without its NUL. */
  utf8Length: number;
  /** Non-compact objects (str subclass instances): address of the separate data block. */
  dataAddress: number;

  constructor(type: PyType, value: string, kind: number, ascii: boolean, length: number) {
    super(null);
    // The header, written here so that the stores are monomorphic (see PyObject).
    this.refcnt = 1;
    this.type = type;
    this.address = 0;
    this.gcNext = null;
    this.gcPrev = null;
    this.gcRefs = 0;
    this.gcFlags = 0;
    this.weakrefList = null;
    this.value = value;
    this.hashHi = 0;
    this.hashLo = 0;
    this.hashCached = false;
    this.interned = NOT_INTERNED;
    this.kind = kind;
    this.ascii = ascii;
    this.length = length;
    this.utf8Address = 0;
    this.utf8Length = 0;
    this.dataAddress = 0;
  }
}

export const StrType = newStaticType("str", UNICODE_OBJECT_SIZE, 0, TPFLAGS_BASETYPE | TPFLAGS_UNICODE_SUBCLASS);
StrType.doc =
  "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\nCreate a new string object from the given object. If encoding or\nerrors is specified, then the object must expose a data buffer\nthat will be decoded using the given encoding and error handler.\nOtherwise, returns the result of object.__str__() (if defined)\nor repr(object).\nencoding defaults to sys.getdefaultencoding().\nerrors defaults to 'strict'.";

// ---------------------------------------------------------------------------
// Analysis of a JS string: kind, ASCII-ness and code-point length, in one pass.

let scanKind = 1;
let scanAscii = true;
let scanLength = 0;

/** Sets scanKind / scanAscii / scanLength for `value`. */
function scan(value: string): void {
  const n = value.length;
  let max = 0;
  let i = 0;
  for (; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c > max) {
      max = c;
      if (c >= 0xd800) break;
    }
  }
  if (i === n) {
    scanKind = max < 256 ? 1 : 2;
    scanAscii = max < 128;
    scanLength = n;
    return;
  }
  // Surrogates present: count pairs (each pair is one astral code point).
  let pairs = 0;
  for (let j = 0; j < n; j++) {
    const c = value.charCodeAt(j);
    if (c >= 0xd800 && c < 0xdc00 && j + 1 < n) {
      const d = value.charCodeAt(j + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        pairs++;
        j++;
      }
    }
  }
  scanKind = pairs > 0 ? 4 : 2;
  scanAscii = false;
  scanLength = n - pairs;
}

/** Bytes PyUnicode_New requests for a compact string. */
export function compactStrSize(kind: number, ascii: boolean, length: number): number {
  if (ascii) return ASCII_HEADER_SIZE + length + 1;
  return COMPACT_HEADER_SIZE + kind * (length + 1);
}

/** Bytes CPython 3.11 allocates for a compact str of this text (header + data + NUL). */
export function strAllocationSize(value: string): number {
  scan(value);
  return compactStrSize(scanKind, scanAscii, scanLength);
}

/** str.__sizeof__ (sys.getsizeof without a GC pre-header, which exact str has none). */
export function strSizeof(s: PyStr): number {
  let size: number;
  if (s.dataAddress !== 0 || s.type !== StrType) {
    size = UNICODE_OBJECT_SIZE + s.kind * (s.length + 1);
  } else {
    size = compactStrSize(s.kind, s.ascii, s.length);
  }
  if (s.utf8Address !== 0) size += s.utf8Length + 1;
  return size;
}

// ---------------------------------------------------------------------------
// Static strings: '' and the 256 Latin-1 one-character singletons.

function makeStatic(value: string, kind: number, ascii: boolean, length: number): PyStr {
  const s = new PyStr(StrType, value, kind, ascii, length);
  s.address = staticAddress(compactStrSize(kind, ascii, length));
  markStatic(s);
  return s;
}

export const EMPTY_STR = makeStatic("", 1, true, 0);

const latin1Chars: (PyStr | null)[] = new Array<PyStr | null>(256).fill(null);

/** get_latin1_char: the static one-character string for code < 256 (borrowed). */
export function latin1CharBorrowed(code: number): PyStr {
  let s = latin1Chars[code]!;
  if (s === null) {
    s = makeStatic(String.fromCharCode(code), 1, code < 128, 1);
    latin1Chars[code] = s;
  }
  return s;
}

/** The one-character string for code point `cp` (new reference): chr(). */
export function strFromCodePoint(cp: number): PyStr {
  if (cp < 256) {
    const s = latin1CharBorrowed(cp);
    s.refcnt++;
    return s;
  }
  return newStrKnown(String.fromCodePoint(cp), cp < 0x10000 ? 2 : 4, false, 1);
}

// ---------------------------------------------------------------------------
// Construction.

/** A compact str whose analysis is already known (new reference); no singleton check. */
export function newStrKnown(value: string, kind: number, ascii: boolean, length: number): PyStr {
  const s = new PyStr(StrType, value, kind, ascii, length);
  allocObject(s, compactStrSize(kind, ascii, length));
  return s;
}

/**
 * A str with this text (new reference). Empty and one-character Latin-1 results are the static
 * singletons, as unicode_result() makes them in CPython.
 */
export function newStr(value: string): PyStr {
  const n = value.length;
  if (n === 0) {
    EMPTY_STR.refcnt++;
    return EMPTY_STR;
  }
  if (n === 1) {
    const c = value.charCodeAt(0);
    if (c < 256) {
      const s = latin1CharBorrowed(c);
      s.refcnt++;
      return s;
    }
  }
  scan(value);
  const s = new PyStr(StrType, value, scanKind, scanAscii, scanLength);
  allocObject(s, compactStrSize(scanKind, scanAscii, scanLength));
  return s;
}

/** Like newStr for a text known to be ASCII (identifiers, number reprs). */
export function newAsciiStr(value: string): PyStr {
  const n = value.length;
  if (n <= 1) return newStr(value);
  const s = new PyStr(StrType, value, 1, true, n);
  allocObject(s, ASCII_HEADER_SIZE + n + 1);
  return s;
}

/**
 * An instance of a heap subclass of str (unicode_subtype_new): the legacy layout, an object
 * of the subtype's basicsize plus a separate (length + 1) * kind data block.
 */
export function newStrSubtypeInstance(type: PyType, value: PyStr): PyStr {
  const s = new PyStr(type, value.value, value.kind, value.ascii, value.length);
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) type.refcnt++;
  if ((type.flags & TPFLAGS_HAVE_GC) !== 0) allocGCObject(s, type.basicsize);
  else allocObject(s, type.basicsize);
  s.dataAddress = allocator.malloc(DOMAIN_OBJ, (value.length + 1) * value.kind);
  if (value.hashCached) {
    s.hashHi = value.hashHi;
    s.hashLo = value.hashLo;
    s.hashCached = true;
  }
  if ((type.flags & TPFLAGS_HAVE_GC) !== 0) gcTrack(s);
  return s;
}

export function isStr(o: PyObject): o is PyStr {
  return (o.type.flags & TPFLAGS_UNICODE_SUBCLASS) !== 0;
}

export function isExactStr(o: PyObject): o is PyStr {
  return o.type === StrType;
}

/**
 * PyUnicode_AsUTF8 on a non-ASCII string: CPython caches the UTF-8 form in a separate block
 * that stays with the string (and shows in getsizeof). ASCII strings share their data.
 */
export function strCacheUTF8(s: PyStr): void {
  if (s.ascii || s.utf8Address !== 0) return;
  const n = Buffer.byteLength(s.value, "utf8");
  s.utf8Length = n;
  s.utf8Address = allocator.malloc(DOMAIN_OBJ, n + 1);
}

// ---------------------------------------------------------------------------
// Interning. `interned` maps text to the canonical object; like CPython's interned dict it
// does not own mortal strings (their two dict references are subtracted in 3.11), and a
// mortal interned string removes itself when it dies.

const interned = new Map<string, PyStr>();

/** The identifier strings of 3.11.7's static table that are one Latin-1 letter (facts §6.2). */
const ONE_LETTER_IDENTIFIERS = "BCLST_abcdefhijklmnopqrstvwxy";

const staticStrings = new Map<string, PyStr>();

/**
 * A statically allocated, interned identifier string (CPython's _Py_ID / static strings),
 * for names the runtime itself uses. Borrowed: never freed.
 */
export function staticStr(value: string): PyStr {
  let s = staticStrings.get(value);
  if (s !== undefined) return s;
  const existing = interned.get(value);
  if (existing !== undefined && existing.refcnt >= STATIC_REFCNT / 2) {
    s = existing;
  } else if (value.length === 0) {
    s = EMPTY_STR;
  } else if (value.length === 1 && value.charCodeAt(0) < 256 && ONE_LETTER_IDENTIFIERS.indexOf(value) < 0) {
    s = latin1CharBorrowed(value.charCodeAt(0));
  } else {
    scan(value);
    s = makeStatic(value, scanKind, scanAscii, scanLength);
  }
  s.interned = INTERNED_IMMORTAL;
  if (existing === undefined) interned.set(value, s);
  staticStrings.set(value, s);
  return s;
}

// The one-letter identifiers are interned at start-up, before any program runs, so they win
// over the Latin-1 singletons (`chr(97) is 'a'` is False on 3.11.7).
for (let i = 0; i < ONE_LETTER_IDENTIFIERS.length; i++) staticStr(ONE_LETTER_IDENTIFIERS[i]!);
staticStr("");

/**
 * PyUnicode_InternInPlace for an exact str: the canonical interned object with s's text (new
 * reference). `s` is borrowed; when it becomes the canonical object it is marked interned.
 */
export function internStrObject(s: PyStr): PyStr {
  if (s.interned !== NOT_INTERNED) return newRef(s);
  const existing = interned.get(s.value);
  if (existing !== undefined) return newRef(existing);
  s.interned = INTERNED_MORTAL;
  interned.set(s.value, s);
  return newRef(s);
}

/** sys.intern-style lookup by text (new reference). */
export function internStr(value: string): PyStr {
  const existing = interned.get(value);
  if (existing !== undefined) return newRef(existing);
  const s = newStr(value);
  if (s.interned !== NOT_INTERNED) return s;
  s.interned = INTERNED_MORTAL;
  interned.set(value, s);
  return s;
}

/** The interned object for this text, if any (borrowed). */
export function internedLookupBorrowed(value: string): PyStr | null {
  return interned.get(value) ?? null;
}

/** Number of interned strings (for tests and the debug views). */
export function internedCount(): number {
  return interned.size;
}

// ---------------------------------------------------------------------------
// Dealloc, hash, comparison.

function strDealloc(self: PyObject): void {
  const s = self as PyStr;
  if (s.interned === INTERNED_MORTAL) {
    if (interned.get(s.value) === s) interned.delete(s.value);
    s.interned = NOT_INTERNED;
  } else if (s.interned === INTERNED_IMMORTAL) {
    throw new Error("heapscope internal error: deallocating an immortal interned string");
  }
  if (s.utf8Address !== 0) {
    allocator.free(DOMAIN_OBJ, s.utf8Address);
    s.utf8Address = 0;
  }
  if (s.dataAddress !== 0) {
    allocator.free(DOMAIN_OBJ, s.dataAddress);
    s.dataAddress = 0;
  }
  if ((s.type.flags & TPFLAGS_HAVE_GC) !== 0) freeGCObject(s);
  else freeObject(s);
}
StrType.dealloc = strDealloc;

/** unicode_hash: writes hashResult, caching the value on the object. */
export function strHash(s: PyStr): void {
  if (s.hashCached) {
    hashResult.hi = s.hashHi;
    hashResult.lo = s.hashLo;
    return;
  }
  hashStr(s.value);
  s.hashHi = hashResult.hi;
  s.hashLo = hashResult.lo;
  s.hashCached = true;
}
StrType.hash = (self) => strHash(self as PyStr);

/** _PyUnicode_EQ */
export function strEquals(a: PyStr, b: PyStr): boolean {
  return a === b || a.value === b.value;
}

/**
 * Code-point order comparison: UTF-16 code-unit order differs from code-point order only when
 * a surrogate pair meets a BMP character at or above U+E000.
 */
export function strCompare(a: string, b: string): number {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) return codePointAtFix(x) - codePointAtFix(y);
      return x - y;
    }
  }
  return a.length - b.length;
}

/** Surrogates sort above U+FFFF in code-point order; map them above the BMP. */
function codePointAtFix(c: number): number {
  return c >= 0xd800 && c < 0xe000 ? c + 0x10000 : c;
}

// ---------------------------------------------------------------------------
// Code-point indexing. Kind 1 and 2 strings index JS code units directly.

/** JS code-unit offset of code point `index` (0 <= index <= length). */
export function cpOffset(s: PyStr, index: number): number {
  if (s.kind !== 4) return index;
  const v = s.value;
  let unit = 0;
  for (let k = 0; k < index; k++) {
    const c = v.charCodeAt(unit);
    unit += c >= 0xd800 && c < 0xdc00 && unit + 1 < v.length && isLowSurrogate(v.charCodeAt(unit + 1)) ? 2 : 1;
  }
  return unit;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c < 0xe000;
}

/** The code point at code-point index `index` (in range). */
export function cpAt(s: PyStr, index: number): number {
  if (s.kind !== 4) return s.value.charCodeAt(index);
  return s.value.codePointAt(cpOffset(s, index))!;
}

/** s[index] for 0 <= index < length: the character (new reference, a singleton when Latin-1). */
export function strCharAt(s: PyStr, index: number): PyStr {
  return strFromCodePoint(cpAt(s, index));
}

/** Substring by code-point indices [start, stop) with step 1 (new reference). */
export function strSubstring(s: PyStr, start: number, stop: number): PyStr {
  if (start <= 0 && stop >= s.length && s.type === StrType) return newRef(s);
  if (stop <= start) return newRef(EMPTY_STR);
  if (s.kind !== 4) return newStr(s.value.slice(start, stop));
  const a = cpOffset(s, start);
  const b = a + cpOffsetFrom(s.value, a, stop - start);
  return newStr(s.value.slice(a, b));
}

function cpOffsetFrom(v: string, unitStart: number, count: number): number {
  let unit = unitStart;
  for (let k = 0; k < count && unit < v.length; k++) {
    const c = v.charCodeAt(unit);
    unit += c >= 0xd800 && c < 0xdc00 && unit + 1 < v.length && isLowSurrogate(v.charCodeAt(unit + 1)) ? 2 : 1;
  }
  return unit - unitStart;
}

/** The string's code points (for kind-4 slicing with steps and reversal). */
export function strCodePoints(s: PyStr): number[] {
  const out: number[] = [];
  const v = s.value;
  for (let i = 0; i < v.length; i++) {
    const c = v.codePointAt(i)!;
    out.push(c);
    if (c > 0xffff) i++;
  }
  return out;
}

// StrType is readied by strtype.ts once its slots and methods are installed.
