// Character properties and case mappings as CPython 3.11 sees them
// (Objects/unicodectype.c over the Unicode 14.0.0 database, plus the case
// mapping helpers of Objects/unicodeobject.c: lower_ucs4 / handle_capital_sigma).
//
// JS regex Unicode properties and String#toUpperCase come from the engine's
// ICU, usually a newer Unicode version. They are used as the base and
// corrected with generated tables (unicodeData.ts): code points unassigned in
// 14.0 have no properties and no case mappings, and a handful of assigned code
// points whose properties changed since 14.0 are patched explicitly.
//
// Strings are JS strings (UTF-16). A high surrogate followed by a low surrogate
// is one code point (as Python sees the astral character); a lone surrogate is
// a code point of its own, just as in Python. `for (const ch of s)` and
// String#codePointAt follow exactly this rule, and all helpers here do too.

import * as D from "./unicodeData.js";

// ---------------------------------------------------------------------------
// Table decoding

/** Flat [start0, end0, start1, end1, ...] (inclusive ends). */
function decodeRanges(s: string): Int32Array {
  if (s === "") return new Int32Array(0);
  const parts = s.split(",");
  const out = new Int32Array(parts.length * 2);
  let prev = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const plus = p.indexOf("+");
    const start = prev + parseInt(plus < 0 ? p : p.slice(0, plus), 36);
    const end = plus < 0 ? start : start + parseInt(p.slice(plus + 1), 36);
    out[2 * i] = start;
    out[2 * i + 1] = end;
    prev = end;
  }
  return out;
}

function decodeMap(s: string): Map<number, string> {
  const m = new Map<number, string>();
  if (s === "") return m;
  for (const entry of s.split(",")) {
    const eq = entry.indexOf("=");
    const cp = parseInt(entry.slice(0, eq), 36);
    const value = entry
      .slice(eq + 1)
      .split(".")
      .map((x) => String.fromCodePoint(parseInt(x, 36)))
      .join("");
    m.set(cp, value);
  }
  return m;
}

function inRanges(r: Int32Array, cp: number): boolean {
  let lo = 0;
  let hi = (r.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < r[2 * mid]!) hi = mid - 1;
    else if (cp > r[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

function hex(cp: number): string {
  return "\\u{" + cp.toString(16) + "}";
}

/** A v-mode regex class `[...]` listing the ranges (or an empty class). */
function rangesClass(r: Int32Array): string {
  let s = "[";
  for (let i = 0; i < r.length; i += 2) {
    const a = r[i]!;
    const b = r[i + 1]!;
    s += a === b ? hex(a) : hex(a) + "-" + hex(b);
  }
  return s + "]";
}

const UNASSIGNED = decodeRanges(D.UNASSIGNED_14);
const DIGIT_NOT_DECIMAL = decodeRanges(D.DIGIT_NOT_DECIMAL);
const NUMERIC_NOT_N = decodeRanges(D.NUMERIC_NOT_N);
const DECIMAL_ZEROS = Int32Array.from(D.DECIMAL_ZEROS.split(","), (x) => parseInt(x, 36));
const TITLE_EXCEPTIONS = decodeMap(D.TITLE_EXCEPTIONS);
const CASEFOLD_EXCEPTIONS = decodeMap(D.CASEFOLD_EXCEPTIONS);
const NOT_LOWER = decodeRanges(D.FIX_NOT_LOWERCASE);
const EXTRA_LOWER = decodeRanges(D.FIX_EXTRA_LOWERCASE);
const NOT_UPPER = decodeRanges(D.FIX_NOT_UPPERCASE);
const EXTRA_UPPER = decodeRanges(D.FIX_EXTRA_UPPERCASE);
const NOT_CASED = decodeRanges(D.FIX_NOT_CASED);
const EXTRA_CASED = decodeRanges(D.FIX_EXTRA_CASED);
const NOT_XID_START = decodeRanges(D.FIX_NOT_XID_START);
const EXTRA_XID_START = decodeRanges(D.FIX_EXTRA_XID_START);
const NOT_XID_CONTINUE = decodeRanges(D.FIX_NOT_XID_CONTINUE);
const EXTRA_XID_CONTINUE = decodeRanges(D.FIX_EXTRA_XID_CONTINUE);
const NO_UPPER_MAPPING = decodeRanges(D.FIX_NO_UPPER_MAPPING);
const NO_LOWER_MAPPING = decodeRanges(D.FIX_NO_LOWER_MAPPING);

const U_CLASS = rangesClass(UNASSIGNED);

/** A v-flag regex over one class: property minus unassigned, with fixups. */
function propClass(base: string, remove: Int32Array[], add: Int32Array[]): string {
  let cls = `[${base}--${U_CLASS}]`;
  for (const r of remove) if (r.length) cls = `[${cls}--${rangesClass(r)}]`;
  for (const r of add) if (r.length) cls = `[${cls}${rangesClass(r)}]`;
  return cls;
}

// The 'v' flag (set subtraction) is built with `new RegExp` because the
// project's TypeScript target predates regex literal support for it.
const ALPHA_CLASS = propClass("\\p{L}", [], []);
const DECIMAL_CLASS = propClass("\\p{Nd}", [], []);
const DIGIT_CLASS = `[${DECIMAL_CLASS}${rangesClass(DIGIT_NOT_DECIMAL)}]`;
const NUMERIC_CLASS = `[${propClass("\\p{N}", [], [])}${rangesClass(NUMERIC_NOT_N)}]`;
const NONPRINTABLE_CLASS = `[[[\\p{C}\\p{Z}]--[\\x20]]${U_CLASS}]`;
const LOWER_CLASS = propClass("\\p{Lowercase}", [NOT_LOWER], [EXTRA_LOWER]);
const UPPER_CLASS = propClass("\\p{Uppercase}", [NOT_UPPER], [EXTRA_UPPER]);
const TITLE_CLASS = propClass("\\p{Lt}", [], []);
const CASED_CLASS = propClass("\\p{Cased}", [NOT_CASED], [EXTRA_CASED]);
const CASE_IGNORABLE_CLASS = propClass("\\p{Case_Ignorable}", [], []);
const XID_START_CLASS = propClass("\\p{XID_Start}", [NOT_XID_START], [EXTRA_XID_START]);
const XID_CONTINUE_CLASS = propClass("\\p{XID_Continue}", [NOT_XID_CONTINUE], [EXTRA_XID_CONTINUE]);

function one(cls: string): RegExp {
  return new RegExp(`^${cls}$`, "v");
}
function all(cls: string): RegExp {
  return new RegExp(`^${cls}+$`, "v");
}

const RE_ALPHA = one(ALPHA_CLASS);
const RE_DECIMAL = one(DECIMAL_CLASS);
const RE_DIGIT = one(DIGIT_CLASS);
const RE_NUMERIC = one(NUMERIC_CLASS);
const RE_NONPRINTABLE = one(NONPRINTABLE_CLASS);
const RE_LOWER = one(LOWER_CLASS);
const RE_UPPER = one(UPPER_CLASS);
const RE_TITLE = one(TITLE_CLASS);
const RE_CASED = one(CASED_CLASS);
const RE_CASE_IGNORABLE = one(CASE_IGNORABLE_CLASS);
const RE_XID_START = one(XID_START_CLASS);
const RE_XID_CONTINUE = one(XID_CONTINUE_CLASS);

/** Whole-string tests (non-empty, every code point in the class). */
export const RE_ALL_ALPHA = all(ALPHA_CLASS);
export const RE_ALL_DECIMAL = all(DECIMAL_CLASS);
export const RE_ALL_DIGIT = all(DIGIT_CLASS);
export const RE_ALL_NUMERIC = all(NUMERIC_CLASS);
export const RE_ALL_ALNUM = all(`[${ALPHA_CLASS}${NUMERIC_CLASS}]`);
/** Matches any code point that str.isprintable() rejects. */
export const RE_NONPRINTABLE_G = new RegExp(NONPRINTABLE_CLASS, "gv");
export const RE_HAS_NONPRINTABLE = new RegExp(NONPRINTABLE_CLASS, "v");
/** Code points that need per-character case handling instead of the engine's. */
const RE_SLOW_UPPER = new RegExp(`[${U_CLASS}${rangesClass(NO_UPPER_MAPPING)}]`, "v");
const RE_SLOW_LOWER = new RegExp(`[${U_CLASS}${rangesClass(NO_LOWER_MAPPING)}\\u03a3]`, "v");

// ---------------------------------------------------------------------------
// Code point helpers

/** Number of code points (Python's len()). */
export function cpLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** True when s has no surrogate pair, so UTF-16 indexes are code point indexes. */
export function isBmpIndexable(s: string): boolean {
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) return false;
    }
  }
  return true;
}

/** Code points of s (surrogate pairs combined, lone surrogates kept). */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    out.push(c);
  }
  return out;
}

/** Inverse of codePoints (lone surrogates pass through). */
export function fromCodePoints(cps: ArrayLike<number>): string {
  let out = "";
  for (let i = 0; i < cps.length; i++) out += String.fromCodePoint(cps[i]!);
  return out;
}

/** The widest code point of s (decides CPython's 1/2/4-byte str kind). */
export function maxCodePoint(s: string): number {
  let max = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        if (cp > max) max = cp;
        i++;
        continue;
      }
    }
    if (c > max) max = c;
  }
  return max;
}

// ---------------------------------------------------------------------------
// Per code point predicates (Py_UNICODE_IS*)

export function isUnassigned(cp: number): boolean {
  return inRanges(UNASSIGNED, cp);
}

/** Py_UNICODE_ISSPACE: bidirectional WS/B/S or category Zs. */
export function isPySpace(cp: number): boolean {
  if (cp < 128) return cp === 32 || (cp >= 9 && cp <= 13) || (cp >= 0x1c && cp <= 0x1f);
  return (
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/** Py_UNICODE_ISLINEBREAK: the boundaries str.splitlines() splits at. */
export function isLineBreak(cp: number): boolean {
  return (
    (cp >= 10 && cp <= 13) || (cp >= 0x1c && cp <= 0x1e) || cp === 0x85 || cp === 0x2028 || cp === 0x2029
  );
}

/** Decimal digit value (Py_UNICODE_TODECIMAL), or -1. */
export function decimalValue(cp: number): number {
  if (cp < 128) return cp >= 48 && cp <= 57 ? cp - 48 : -1;
  let lo = 0;
  let hi = DECIMAL_ZEROS.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const z = DECIMAL_ZEROS[mid]!;
    if (cp < z) hi = mid - 1;
    else if (cp >= z + 10) lo = mid + 1;
    else return cp - z;
  }
  return -1;
}

function test(re: RegExp, cp: number): boolean {
  return re.test(String.fromCodePoint(cp));
}

export function isAlphaCp(cp: number): boolean {
  if (cp < 128) return (cp | 32) >= 97 && (cp | 32) <= 122;
  return test(RE_ALPHA, cp);
}
export function isDecimalCp(cp: number): boolean {
  return cp < 128 ? cp >= 48 && cp <= 57 : test(RE_DECIMAL, cp);
}
export function isDigitCp(cp: number): boolean {
  return cp < 128 ? cp >= 48 && cp <= 57 : test(RE_DIGIT, cp);
}
export function isNumericCp(cp: number): boolean {
  return cp < 128 ? cp >= 48 && cp <= 57 : test(RE_NUMERIC, cp);
}
export function isAlnumCp(cp: number): boolean {
  return isAlphaCp(cp) || isNumericCp(cp);
}
export function isPrintableCp(cp: number): boolean {
  if (cp < 128) return cp >= 32 && cp < 127;
  return !test(RE_NONPRINTABLE, cp);
}
export function isLowerCp(cp: number): boolean {
  return cp < 128 ? cp >= 97 && cp <= 122 : test(RE_LOWER, cp);
}
export function isUpperCp(cp: number): boolean {
  return cp < 128 ? cp >= 65 && cp <= 90 : test(RE_UPPER, cp);
}
export function isTitleCp(cp: number): boolean {
  return cp >= 128 && test(RE_TITLE, cp);
}
export function isCasedCp(cp: number): boolean {
  if (cp < 128) return (cp | 32) >= 97 && (cp | 32) <= 122;
  return test(RE_CASED, cp);
}
export function isCaseIgnorableCp(cp: number): boolean {
  if (cp < 128) return cp === 0x27 || cp === 0x2e || cp === 0x3a || cp === 0x5e || cp === 0x60;
  return test(RE_CASE_IGNORABLE, cp);
}
export function isXidStartCp(cp: number): boolean {
  return isAlphaAscii(cp) ? true : cp >= 128 && test(RE_XID_START, cp);
}
export function isXidContinueCp(cp: number): boolean {
  if (cp < 128) return isAlphaAscii(cp) || (cp >= 48 && cp <= 57) || cp === 95;
  return test(RE_XID_CONTINUE, cp);
}
function isAlphaAscii(cp: number): boolean {
  return (cp | 32) >= 97 && (cp | 32) <= 122;
}

// ---------------------------------------------------------------------------
// Case mappings (full mappings, may produce several code points)

export function upperFull(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (cp >= 128 && (inRanges(UNASSIGNED, cp) || inRanges(NO_UPPER_MAPPING, cp))) return ch;
  return ch.toUpperCase();
}

/** Lower-case mapping without the final-sigma context. */
export function lowerFull(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (cp >= 128 && (inRanges(UNASSIGNED, cp) || inRanges(NO_LOWER_MAPPING, cp))) return ch;
  return ch.toLowerCase();
}

export function titleFull(cp: number): string {
  return TITLE_EXCEPTIONS.get(cp) ?? upperFull(cp);
}

export function foldFull(cp: number): string {
  return CASEFOLD_EXCEPTIONS.get(cp) ?? lowerFull(cp);
}

/**
 * Lower-cases cps[i], choosing final sigma for U+03A3 when it ends a cased
 * word: preceded by a cased letter and not followed by one, case-ignorable
 * characters skipped on both sides (handle_capital_sigma).
 */
function lowerAt(cps: number[], i: number): string {
  const c = cps[i]!;
  if (c !== 0x3a3) return lowerFull(c);
  let j = i - 1;
  while (j >= 0 && isCaseIgnorableCp(cps[j]!)) j--;
  let finalSigma = j >= 0 && isCasedCp(cps[j]!);
  if (finalSigma) {
    j = i + 1;
    while (j < cps.length && isCaseIgnorableCp(cps[j]!)) j++;
    finalSigma = j === cps.length || !isCasedCp(cps[j]!);
  }
  return finalSigma ? "\u03c2" : "\u03c3";
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

export function pyUpper(s: string): string {
  if (isAscii(s) || !RE_SLOW_UPPER.test(s)) return s.toUpperCase();
  let out = "";
  for (const cp of codePoints(s)) out += upperFull(cp);
  return out;
}

export function pyLower(s: string): string {
  if (isAscii(s) || !RE_SLOW_LOWER.test(s)) return s.toLowerCase();
  const cps = codePoints(s);
  let out = "";
  for (let i = 0; i < cps.length; i++) out += lowerAt(cps, i);
  return out;
}

export function pyCasefold(s: string): string {
  if (isAscii(s)) return s.toLowerCase();
  let out = "";
  for (const cp of codePoints(s)) out += foldFull(cp);
  return out;
}

/** title/capitalize/swapcase for pure ASCII text, where no special casing exists. */
function asciiCase(s: string, mode: 0 | 1 | 2): string {
  let out = "";
  let prevCased = false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    if (mode === 0) {
      // title: upper after an uncased character, lower after a cased one
      if (prevCased ? upper : lower) c ^= 32;
      prevCased = upper || lower;
    } else if (mode === 1) {
      // capitalize
      if (i === 0 ? lower : upper) c ^= 32;
    } else if (upper || lower) {
      c ^= 32;
    }
    out += String.fromCharCode(c);
  }
  return out;
}

export function pyTitle(s: string): string {
  if (isAscii(s)) return asciiCase(s, 0);
  const cps = codePoints(s);
  let out = "";
  let prevCased = false;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    out += prevCased ? lowerAt(cps, i) : titleFull(c);
    prevCased = isCasedCp(c);
  }
  return out;
}

export function pyCapitalize(s: string): string {
  if (isAscii(s)) return asciiCase(s, 1);
  const cps = codePoints(s);
  let out = "";
  for (let i = 0; i < cps.length; i++) out += i === 0 ? titleFull(cps[0]!) : lowerAt(cps, i);
  return out;
}

export function pySwapcase(s: string): string {
  if (isAscii(s)) return asciiCase(s, 2);
  const cps = codePoints(s);
  let out = "";
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    if (isUpperCp(c)) out += lowerAt(cps, i);
    else if (isLowerCp(c)) out += upperFull(c);
    else out += String.fromCodePoint(c);
  }
  return out;
}
