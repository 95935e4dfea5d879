// str and bytes algorithms whose exact CPython 3.11 behaviour is easy to get
// wrong: Objects/stringlib/split.h (split/rsplit/splitlines), Objects/
// unicodeobject.c (strip family, expandtabs, pad/center/zfill, the is*()
// predicates, unicode_repr / ascii, replace) and Objects/bytesobject.c
// (PyBytes_Repr).
//
// Strings are JS strings; Python indexes and lengths count code points, so a
// surrogate pair is one character here (see unicode.ts for the rule). Methods
// that only look for BMP characters (whitespace, line breaks) can scan UTF-16
// code units directly because no surrogate is ever such a character.

import { typeError, valueError } from "./errors.js";
import {
  RE_ALL_ALNUM,
  RE_ALL_ALPHA,
  RE_ALL_DECIMAL,
  RE_ALL_DIGIT,
  RE_ALL_NUMERIC,
  RE_HAS_NONPRINTABLE,
  codePoints,
  cpLength,
  isBmpIndexable,
  isCasedCp,
  isLineBreak,
  isLowerCp,
  isPrintableCp,
  isPySpace,
  isTitleCp,
  isUpperCp,
  isXidContinueCp,
  isXidStartCp,
  pyCapitalize,
  pyCasefold,
  pyLower,
  pySwapcase,
  pyTitle,
  pyUpper,
} from "./unicode.js";

export {
  pyCapitalize as capitalize,
  pyCasefold as casefold,
  pyLower as lower,
  pySwapcase as swapcase,
  pyTitle as title,
  pyUpper as upper,
};

function isSpaceUnit(c: number): boolean {
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f) : isPySpace(c);
}

// ---------------------------------------------------------------------------
// split / rsplit

/**
 * str.split(sep, maxsplit). sep null splits on runs of whitespace; a negative
 * maxsplit means no limit. Throws ValueError("empty separator").
 */
export function split(s: string, sep: string | null = null, maxsplit = -1): string[] {
  const max = maxsplit < 0 ? Infinity : maxsplit;
  const n = s.length;
  const out: string[] = [];
  if (sep === null) {
    let i = 0;
    let count = 0;
    while (count < max) {
      while (i < n && isSpaceUnit(s.charCodeAt(i))) i++;
      if (i === n) return out;
      const j = i;
      i++;
      while (i < n && !isSpaceUnit(s.charCodeAt(i))) i++;
      out.push(s.slice(j, i));
      count++;
    }
    while (i < n && isSpaceUnit(s.charCodeAt(i))) i++;
    if (i < n) out.push(s.slice(i));
    return out;
  }
  if (sep.length === 0) throw valueError("empty separator");
  if (max === Infinity) return s.split(sep);
  let i = 0;
  let count = 0;
  while (count < max) {
    const k = s.indexOf(sep, i);
    if (k < 0) break;
    out.push(s.slice(i, k));
    i = k + sep.length;
    count++;
  }
  out.push(s.slice(i));
  return out;
}

/** str.rsplit(sep, maxsplit); same conventions as split. */
export function rsplit(s: string, sep: string | null = null, maxsplit = -1): string[] {
  const max = maxsplit < 0 ? Infinity : maxsplit;
  const out: string[] = [];
  if (sep === null) {
    let i = s.length - 1;
    let count = 0;
    while (count < max) {
      while (i >= 0 && isSpaceUnit(s.charCodeAt(i))) i--;
      if (i < 0) return out.reverse();
      const j = i;
      i--;
      while (i >= 0 && !isSpaceUnit(s.charCodeAt(i))) i--;
      out.push(s.slice(i + 1, j + 1));
      count++;
    }
    while (i >= 0 && isSpaceUnit(s.charCodeAt(i))) i--;
    if (i >= 0) out.push(s.slice(0, i + 1));
    return out.reverse();
  }
  if (sep.length === 0) throw valueError("empty separator");
  // no String#split shortcut: overlapping separators are matched from the right
  let end = s.length;
  let count = 0;
  while (count < max && end >= sep.length) {
    const k = s.lastIndexOf(sep, end - sep.length);
    if (k < 0) break;
    out.push(s.slice(k + sep.length, end));
    end = k;
    count++;
  }
  out.push(s.slice(0, end));
  return out.reverse();
}

/** str.splitlines(keepends): splits at every Python line boundary, "\r\n" being one. */
export function splitlines(s: string, keepends = false): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const j = i;
    while (i < n && !isLineBreak(s.charCodeAt(i))) i++;
    let eol = i;
    if (i < n) {
      if (s.charCodeAt(i) === 13 && i + 1 < n && s.charCodeAt(i + 1) === 10) i += 2;
      else i++;
      if (keepends) eol = i;
    }
    out.push(s.slice(j, eol));
  }
  return out;
}

// ---------------------------------------------------------------------------
// strip family

function stripImpl(s: string, chars: string | null, left: boolean, right: boolean): string {
  if (chars === null) {
    let a = 0;
    let b = s.length;
    if (left) while (a < b && isSpaceUnit(s.charCodeAt(a))) a++;
    if (right) while (b > a && isSpaceUnit(s.charCodeAt(b - 1))) b--;
    return s.slice(a, b);
  }
  if (isBmpIndexable(s) && isBmpIndexable(chars)) {
    let a = 0;
    let b = s.length;
    if (left) while (a < b && chars.indexOf(s[a]!) >= 0) a++;
    if (right) while (b > a && chars.indexOf(s[b - 1]!) >= 0) b--;
    return s.slice(a, b);
  }
  const set = new Set(codePoints(chars));
  const cps = codePoints(s);
  let a = 0;
  let b = cps.length;
  if (left) while (a < b && set.has(cps[a]!)) a++;
  if (right) while (b > a && set.has(cps[b - 1]!)) b--;
  return String.fromCodePoint(...cps.slice(a, b));
}

/** str.strip(chars); chars null strips Python whitespace. */
export function strip(s: string, chars: string | null = null): string {
  return stripImpl(s, chars, true, true);
}
export function lstrip(s: string, chars: string | null = null): string {
  return stripImpl(s, chars, true, false);
}
export function rstrip(s: string, chars: string | null = null): string {
  return stripImpl(s, chars, false, true);
}

// ---------------------------------------------------------------------------
// Layout

/** str.expandtabs(tabsize); the column restarts after "\n" and "\r". */
export function expandtabs(s: string, tabsize = 8): string {
  if (s.indexOf("\t") < 0) return s;
  let out = "";
  let col = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 9) {
      if (tabsize > 0) {
        const incr = tabsize - (col % tabsize);
        col += incr;
        out += " ".repeat(incr);
      }
    } else {
      // the low half of a surrogate pair does not start a new column
      if (!(c >= 0xdc00 && c < 0xe000 && i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) < 0xdc00)) col++;
      out += s[i];
      if (c === 10 || c === 13) col = 0;
    }
  }
  return out;
}

function checkFill(fillchar: string): void {
  if (cpLength(fillchar) !== 1) throw typeError("The fill character must be exactly one character long");
}

/** str.center(width, fillchar); the odd extra column goes left when width is odd. */
export function center(s: string, width: number, fillchar = " "): string {
  checkFill(fillchar);
  const len = cpLength(s);
  const marg = width - len;
  if (marg <= 0) return s;
  const left = Math.floor(marg / 2) + (marg & width & 1);
  return fillchar.repeat(left) + s + fillchar.repeat(marg - left);
}

export function ljust(s: string, width: number, fillchar = " "): string {
  checkFill(fillchar);
  const marg = width - cpLength(s);
  return marg <= 0 ? s : s + fillchar.repeat(marg);
}

export function rjust(s: string, width: number, fillchar = " "): string {
  checkFill(fillchar);
  const marg = width - cpLength(s);
  return marg <= 0 ? s : fillchar.repeat(marg) + s;
}

/** str.zfill(width): zeros go after a leading '+' or '-'. */
export function zfill(s: string, width: number): string {
  const fill = width - cpLength(s);
  if (fill <= 0) return s;
  const c = s.charCodeAt(0);
  if (c === 43 || c === 45) return s[0] + "0".repeat(fill) + s.slice(1);
  return "0".repeat(fill) + s;
}

// ---------------------------------------------------------------------------
// Predicates

export function isspace(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isSpaceUnit(s.charCodeAt(i))) return false;
  return true;
}
export function isalpha(s: string): boolean {
  return RE_ALL_ALPHA.test(s);
}
export function isalnum(s: string): boolean {
  return RE_ALL_ALNUM.test(s);
}
export function isdecimal(s: string): boolean {
  return RE_ALL_DECIMAL.test(s);
}
export function isdigit(s: string): boolean {
  return RE_ALL_DIGIT.test(s);
}
export function isnumeric(s: string): boolean {
  return RE_ALL_NUMERIC.test(s);
}
export function isascii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}
/** The empty string is printable. */
export function isprintable(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c >= 127) return !RE_HAS_NONPRINTABLE.test(s);
  }
  return true;
}
export function isidentifier(s: string): boolean {
  if (s.length === 0) return false;
  const cps = codePoints(s);
  const first = cps[0]!;
  if (!(first === 95 || isXidStartCp(first))) return false;
  for (let i = 1; i < cps.length; i++) if (!isXidContinueCp(cps[i]!)) return false;
  return true;
}
/** No lower-case or title-case character and at least one upper-case one. */
export function isupper(s: string): boolean {
  let cased = false;
  for (const cp of codePoints(s)) {
    if (isLowerCp(cp) || isTitleCp(cp)) return false;
    if (!cased && isUpperCp(cp)) cased = true;
  }
  return cased;
}
export function islower(s: string): boolean {
  let cased = false;
  for (const cp of codePoints(s)) {
    if (isUpperCp(cp) || isTitleCp(cp)) return false;
    if (!cased && isLowerCp(cp)) cased = true;
  }
  return cased;
}
/** Upper/title-case characters only after uncased ones, lower-case only after cased ones. */
export function istitle(s: string): boolean {
  let cased = false;
  let prevCased = false;
  for (const cp of codePoints(s)) {
    if (isUpperCp(cp) || isTitleCp(cp)) {
      if (prevCased) return false;
      prevCased = true;
      cased = true;
    } else if (isLowerCp(cp)) {
      if (!prevCased) return false;
      prevCased = true;
      cased = true;
    } else {
      prevCased = false;
    }
  }
  return cased;
}
export { isCasedCp };

// ---------------------------------------------------------------------------
// replace

/**
 * str.replace(old, new, count). An empty `old` inserts `new` before every
 * code point and at the end, at most count times (negative: no limit).
 */
export function replace(s: string, old: string, repl: string, count = -1): string {
  if (count === 0) return s;
  if (old.length === 0) {
    const cps = codePoints(s);
    const limit = count < 0 ? cps.length + 1 : Math.min(count, cps.length + 1);
    let out = "";
    for (let i = 0; i < cps.length; i++) {
      if (i < limit) out += repl;
      out += String.fromCodePoint(cps[i]!);
    }
    if (limit > cps.length) out += repl;
    return out;
  }
  if (count < 0) return s.split(old).join(repl);
  let out = "";
  let i = 0;
  let done = 0;
  while (done < count) {
    const k = s.indexOf(old, i);
    if (k < 0) break;
    out += s.slice(i, k) + repl;
    i = k + old.length;
    done++;
  }
  return out + s.slice(i);
}

// ---------------------------------------------------------------------------
// repr / ascii

const HEX = "0123456789abcdef";

function hex2(c: number): string {
  return "\\x" + HEX[(c >> 4) & 15] + HEX[c & 15];
}
function hexEscape(cp: number): string {
  if (cp <= 0xff) return hex2(cp);
  if (cp <= 0xffff) return "\\u" + cp.toString(16).padStart(4, "0");
  return "\\U" + cp.toString(16).padStart(8, "0");
}

function chooseQuote(s: string): number {
  // single quotes unless the text has a ' and no "
  return s.indexOf("'") >= 0 && s.indexOf('"') < 0 ? 34 : 39;
}

function reprImpl(s: string, asciiOnly: boolean): string {
  const quote = chooseQuote(s);
  const q = String.fromCharCode(quote);
  // fast path: printable ASCII with nothing to escape
  let simple = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c >= 127 || c === 92 || c === quote) {
      simple = false;
      break;
    }
  }
  if (simple) return q + s + q;
  let out = q;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 128) {
      if (c === quote || c === 92) out += "\\" + s[i];
      else if (c === 9) out += "\\t";
      else if (c === 10) out += "\\n";
      else if (c === 13) out += "\\r";
      else if (c < 32 || c === 127) out += hex2(c);
      else out += s[i];
      continue;
    }
    let unit = s[i]!;
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        unit += s[i + 1];
        i++;
      }
    }
    if (!asciiOnly && isPrintableCp(c)) out += unit;
    else out += hexEscape(c);
  }
  return out + q;
}

/** repr(str) (unicode_repr). */
export function strRepr(s: string): string {
  return reprImpl(s, false);
}

/** ascii(str): repr with every non-ASCII code point escaped. */
export function strAscii(s: string): string {
  return reprImpl(s, true);
}

function chooseBytesQuote(b: Uint8Array): number {
  let hasSingle = false;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 34) return 39;
    if (b[i] === 39) hasSingle = true;
  }
  return hasSingle ? 34 : 39;
}

/** repr(bytes): b'...' (PyBytes_Repr). */
export function bytesRepr(b: Uint8Array): string {
  const quote = chooseBytesQuote(b);
  const q = String.fromCharCode(quote);
  let out = "b" + q;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === quote || c === 92) out += "\\" + String.fromCharCode(c);
    else if (c === 9) out += "\\t";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c < 32 || c >= 127) out += hex2(c);
    else out += String.fromCharCode(c);
  }
  return out + q;
}

/**
 * repr(bytearray) (bytearray_repr): same quote choice as bytes, but a single
 * quote is always escaped, even inside double quotes. Subclasses show their
 * own type name.
 */
export function bytearrayRepr(b: Uint8Array, typeName = "bytearray"): string {
  const quote = chooseBytesQuote(b);
  const q = String.fromCharCode(quote);
  let out = typeName + "(b" + q;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === 39 || c === 92) out += "\\" + String.fromCharCode(c);
    else if (c === 9) out += "\\t";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c < 32 || c >= 127) out += hex2(c);
    else out += String.fromCharCode(c);
  }
  return out + q + ")";
}
