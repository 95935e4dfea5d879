// Objects/unicodeobject.c: the built-in codecs str.encode / bytes.decode reach without the
// codec registry: UTF-8 (unicode_decode_utf8, unicode_encode_utf8), ASCII and Latin-1
// (unicode_encode_ucs1, ascii_decode / _PyUnicode_DecodeUnicodeEscape's neighbours), with
// the standard error handlers (strict, ignore, replace, backslashreplace, xmlcharrefreplace,
// surrogateescape, surrogatepass) and CPython's UnicodeDecodeError / UnicodeEncodeError
// arguments; Lib/encodings/aliases.py for the names; Python/codecs.c's error messages.

import type { PyObject } from "./object.js";
import { decref } from "./refcount.js";
import {
  LookupErrorType,
  UnicodeDecodeErrorType,
  UnicodeEncodeErrorType,
  raise,
  raiseOwned,
  type PyBaseException,
} from "./exceptions.js";
import { newStr } from "./str.js";
import { newInt } from "./int.js";
import { callObject } from "./abstract.js";

export type CodecName = "utf-8" | "ascii" | "latin-1";

/** The codec for an encoding name (encodings.normalize_encoding + aliases), or LookupError. */
export function lookupCodec(name: string): CodecName {
  const n = name.trim().toLowerCase().replace(/[-\s]/g, "_");
  switch (n) {
    case "utf_8":
    case "utf8":
    case "u8":
    case "utf":
    case "utf8_ucs2":
    case "utf8_ucs4":
    case "cp65001":
      return "utf-8";
    case "ascii":
    case "us_ascii":
    case "646":
    case "us":
    case "ansi_x3.4_1968":
    case "ansi_x3_4_1968":
    case "iso646_us":
    case "cp367":
    case "csascii":
    case "ibm367":
    case "iso_ir_6":
      return "ascii";
    case "latin_1":
    case "latin1":
    case "latin":
    case "l1":
    case "iso_8859_1":
    case "iso8859_1":
    case "8859":
    case "cp819":
    case "ibm819":
    case "iso_ir_100":
    case "csisolatin1":
    case "iso_8859_1:1987":
      return "latin-1";
    default:
      raise(LookupErrorType, `unknown encoding: ${name}`);
  }
}

const KNOWN_HANDLERS = new Set([
  "strict",
  "ignore",
  "replace",
  "backslashreplace",
  "xmlcharrefreplace",
  "surrogateescape",
  "surrogatepass",
  "namereplace",
]);

function checkHandler(errors: string): void {
  if (!KNOWN_HANDLERS.has(errors)) raise(LookupErrorType, `unknown error handler name '${errors}'`);
}

function hex2(b: number): string {
  return b.toString(16).padStart(2, "0");
}

// ---------------------------------------------------------------------------
// Decoding.

function raiseDecodeError(codec: string, source: PyObject, start: number, end: number, reason: string): never {
  const args: PyObject[] = [newStr(codec), source, newInt(start), newInt(end), newStr(reason)];
  let exc: PyObject;
  try {
    exc = callObject(UnicodeDecodeErrorType, args, 0, 5, null);
  } finally {
    decref(args[0]!);
    decref(args[2]!);
    decref(args[3]!);
    decref(args[4]!);
  }
  raiseOwned(exc as PyBaseException);
}

/**
 * Applies a decode error handler to data[start, end): returns the replacement text, or throws
 * for 'strict'. `sourceFactory` makes the bytes object the exception carries.
 */
function decodeErrorText(
  codec: string,
  errors: string,
  data: Uint8Array,
  start: number,
  end: number,
  reason: string,
  sourceFactory: () => PyObject,
): string {
  switch (errors) {
    case "strict": {
      const src = sourceFactory();
      try {
        raiseDecodeError(codec, src, start, end, reason);
      } finally {
        decref(src);
      }
    }
    // falls through (unreachable: raiseDecodeError throws)
    case "ignore":
      return "";
    case "replace":
      return "\ufffd";
    case "backslashreplace": {
      let s = "";
      for (let i = start; i < end; i++) s += "\\x" + hex2(data[i]!);
      return s;
    }
    case "surrogateescape": {
      let s = "";
      for (let i = start; i < end; i++) {
        const b = data[i]!;
        if (b < 128) {
          const src = sourceFactory();
          try {
            raiseDecodeError(codec, src, start, end, reason);
          } finally {
            decref(src);
          }
        }
        s += String.fromCharCode(0xdc00 + b);
      }
      return s;
    }
    default: {
      checkHandler(errors);
      // A known handler that does not apply to decoding (xmlcharrefreplace, namereplace).
      const src = sourceFactory();
      try {
        raiseDecodeError(codec, src, start, end, reason);
      } finally {
        decref(src);
      }
    }
  }
}

const utf8Fatal = new TextDecoder("utf-8", { fatal: true });

/** Length of the maximal valid prefix of the UTF-8 sequence at i (>= 1 when invalid). */
function utf8ValidPrefix(data: Uint8Array, i: number): { need: number; ok: number } {
  const b0 = data[i]!;
  let need: number;
  let lo = 0x80, hi = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) need = 2;
  else if (b0 >= 0xe0 && b0 <= 0xef) {
    need = 3;
    if (b0 === 0xe0) lo = 0xa0;
    else if (b0 === 0xed) hi = 0x9f;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    need = 4;
    if (b0 === 0xf0) lo = 0x90;
    else if (b0 === 0xf4) hi = 0x8f;
  } else {
    return { need: 0, ok: 1 };
  }
  let ok = 1;
  for (let k = 1; k < need; k++) {
    if (i + k >= data.length) return { need, ok };
    const b = data[i + k]!;
    const l = k === 1 ? lo : 0x80;
    const h = k === 1 ? hi : 0xbf;
    if (b < l || b > h) return { need, ok };
    ok++;
  }
  return { need, ok };
}

function decodeUtf8(data: Uint8Array, errors: string, sourceFactory: () => PyObject): string {
  try {
    return utf8Fatal.decode(data);
  } catch {
    // Fall through to the byte-by-byte decoder, which knows the errors' positions.
  }
  let out = "";
  let runStart = 0;
  let i = 0;
  const n = data.length;
  while (i < n) {
    const b0 = data[i]!;
    if (b0 < 0x80) {
      i++;
      continue;
    }
    const { need, ok } = utf8ValidPrefix(data, i);
    if (need !== 0 && ok === need) {
      i += need;
      continue;
    }
    out += new TextDecoder("utf-8").decode(data.subarray(runStart, i));
    let reason: string;
    let end: number;
    if (need === 0) {
      reason = "invalid start byte";
      end = i + 1;
    } else if (i + ok >= n) {
      reason = "unexpected end of data";
      end = n;
    } else {
      reason = "invalid continuation byte";
      end = i + ok;
    }
    if (errors === "surrogatepass" && b0 === 0xed && i + 2 < n && data[i + 1]! >= 0xa0 && data[i + 1]! <= 0xbf && data[i + 2]! >= 0x80 && data[i + 2]! <= 0xbf) {
      out += String.fromCharCode(((b0 & 0x0f) << 12) | ((data[i + 1]! & 0x3f) << 6) | (data[i + 2]! & 0x3f));
      i += 3;
      runStart = i;
      continue;
    }
    out += decodeErrorText("utf-8", errors, data, i, end, reason, sourceFactory);
    i = end;
    runStart = i;
  }
  out += new TextDecoder("utf-8").decode(data.subarray(runStart, n));
  return out;
}

function decodeAscii(data: Uint8Array, errors: string, sourceFactory: () => PyObject): string {
  let out = "";
  let i = 0;
  const n = data.length;
  while (i < n) {
    let j = i;
    while (j < n && data[j]! < 128) j++;
    if (j > i) out += latin1Chunk(data, i, j);
    if (j >= n) break;
    out += decodeErrorText("ascii", errors, data, j, j + 1, "ordinal not in range(128)", sourceFactory);
    i = j + 1;
  }
  return out;
}

function latin1Chunk(data: Uint8Array, start: number, end: number): string {
  let s = "";
  for (let i = start; i < end; i += 8192) {
    s += String.fromCharCode.apply(null, Array.from(data.subarray(i, Math.min(end, i + 8192))));
  }
  return s;
}

/** bytes.decode(encoding, errors) on raw bytes; `sourceFactory` builds the error's object. */
export function decodeBytes(data: Uint8Array, encoding: string, errors: string, sourceFactory: () => PyObject): string {
  const codec = lookupCodec(encoding);
  switch (codec) {
    case "utf-8":
      return decodeUtf8(data, errors, sourceFactory);
    case "ascii":
      return decodeAscii(data, errors, sourceFactory);
    default:
      return latin1Chunk(data, 0, data.length);
  }
}

// ---------------------------------------------------------------------------
// Encoding.

function raiseEncodeError(codec: string, source: PyObject, start: number, end: number, reason: string): never {
  const args: PyObject[] = [newStr(codec), source, newInt(start), newInt(end), newStr(reason)];
  let exc: PyObject;
  try {
    exc = callObject(UnicodeEncodeErrorType, args, 0, 5, null);
  } finally {
    decref(args[0]!);
    decref(args[2]!);
    decref(args[3]!);
    decref(args[4]!);
  }
  raiseOwned(exc as PyBaseException);
}

/** Growable byte output. */
class ByteSink {
  buf: Uint8Array;
  len: number;
  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity > 16 ? capacity : 16);
    this.len = 0;
  }
  push(b: number): void {
    if (this.len === this.buf.length) {
      const nb = new Uint8Array(this.buf.length * 2);
      nb.set(this.buf);
      this.buf = nb;
    }
    this.buf[this.len++] = b;
  }
  pushAscii(s: string): void {
    for (let i = 0; i < s.length; i++) this.push(s.charCodeAt(i));
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

/**
 * Encodes the code points cps[start, end) that the codec cannot represent, per `errors`.
 * Throws for 'strict' (and for handlers that cannot help).
 */
function encodeErrorBytes(
  codec: string,
  errors: string,
  cps: number[],
  start: number,
  end: number,
  reason: string,
  limit: number,
  sink: ByteSink,
  source: PyObject,
): void {
  switch (errors) {
    case "ignore":
      return;
    case "replace":
      for (let i = start; i < end; i++) sink.push(63);
      return;
    case "xmlcharrefreplace":
      for (let i = start; i < end; i++) sink.pushAscii(`&#${cps[i]!};`);
      return;
    case "backslashreplace":
      for (let i = start; i < end; i++) {
        const c = cps[i]!;
        if (c < 0x100) sink.pushAscii("\\x" + hex2(c));
        else if (c < 0x10000) sink.pushAscii("\\u" + c.toString(16).padStart(4, "0"));
        else sink.pushAscii("\\U" + c.toString(16).padStart(8, "0"));
      }
      return;
    case "surrogateescape": {
      for (let i = start; i < end; i++) {
        const c = cps[i]!;
        if (c < 0xdc80 || c > 0xdcff) raiseEncodeError(codec, source, start, end, reason);
        sink.push(c - 0xdc00);
      }
      return;
    }
    case "surrogatepass":
      if (codec === "utf-8") {
        for (let i = start; i < end; i++) {
          const c = cps[i]!;
          if (c < 0xd800 || c > 0xdfff) raiseEncodeError(codec, source, start, end, reason);
          sink.push(0xe0 | (c >> 12));
          sink.push(0x80 | ((c >> 6) & 0x3f));
          sink.push(0x80 | (c & 0x3f));
        }
        return;
      }
      raiseEncodeError(codec, source, start, end, reason);
    // falls through (unreachable)
    case "strict":
      raiseEncodeError(codec, source, start, end, reason);
    // falls through (unreachable)
    default:
      checkHandler(errors);
      void limit;
      raiseEncodeError(codec, source, start, end, reason);
  }
}

function codePointsOf(s: string): number[] {
  const cps: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        cps.push(0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00));
        i++;
        continue;
      }
    }
    cps.push(c);
  }
  return cps;
}

const utf8Encoder = new TextEncoder();

/** str.encode(encoding, errors); `source` is the str object (for the exception). */
export function encodeStr(s: string, encoding: string, errors: string, source: PyObject): Uint8Array {
  const codec = lookupCodec(encoding);
  if (codec === "utf-8") {
    if (!/[\ud800-\udfff]/.test(s) || isWellFormed(s)) return utf8Encoder.encode(s);
    const cps = codePointsOf(s);
    const sink = new ByteSink(s.length * 3);
    let i = 0;
    while (i < cps.length) {
      const c = cps[i]!;
      if (c >= 0xd800 && c <= 0xdfff) {
        let j = i;
        while (j < cps.length && cps[j]! >= 0xd800 && cps[j]! <= 0xdfff) j++;
        encodeErrorBytes("utf-8", errors, cps, i, j, "surrogates not allowed", 0, sink, source);
        i = j;
        continue;
      }
      if (c < 0x80) sink.push(c);
      else {
        const bytes = utf8Encoder.encode(String.fromCodePoint(c));
        for (let k = 0; k < bytes.length; k++) sink.push(bytes[k]!);
      }
      i++;
    }
    return sink.result();
  }
  const limit = codec === "ascii" ? 128 : 256;
  // Fast path: everything representable.
  let fits = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= limit) {
      fits = false;
      break;
    }
  }
  if (fits) {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  const cps = codePointsOf(s);
  const sink = new ByteSink(cps.length);
  const reason = `ordinal not in range(${limit})`;
  let i = 0;
  while (i < cps.length) {
    const c = cps[i]!;
    if (c < limit) {
      sink.push(c);
      i++;
      continue;
    }
    let j = i;
    while (j < cps.length && cps[j]! >= limit) j++;
    encodeErrorBytes(codec, errors, cps, i, j, reason, limit, sink, source);
    i = j;
  }
  return sink.result();
}

function isWellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d < 0xdc00 || d >= 0xe000) return false;
      i++;
    } else if (c >= 0xdc00 && c < 0xe000) {
      return false;
    }
  }
  return true;
}
