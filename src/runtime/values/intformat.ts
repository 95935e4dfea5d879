// int <-> text conversions of CPython 3.11 (Objects/longobject.c:
// PyLong_FromString / PyLong_FromUnicodeObject, long_to_decimal_string,
// long_format_binary, and the integer string conversion length limit of
// CVE-2020-10735, sys.set_int_max_str_digits).
//
// Conventions: parseInt returns null for text that int() rejects with
// "invalid literal ..." (build the message with intParseErrorMessage); the
// digit limit and a bad base are raised as ValueAlgorithmError("ValueError").

import { valueError } from "./errors.js";
import { stripAsciiSpace, transformDecimalAndSpaceToAscii } from "./floatrepr.js";
import { strRepr } from "./strmethods.js";

// ---------------------------------------------------------------------------
// sys.set_int_max_str_digits

/** sys.int_info.default_max_str_digits */
export const DEFAULT_MAX_STR_DIGITS = 4300;
/** sys.int_info.str_digits_check_threshold: below this nothing is checked. */
export const MAX_STR_DIGITS_THRESHOLD = 640;

let maxStrDigits = DEFAULT_MAX_STR_DIGITS;

export function getIntMaxStrDigits(): number {
  return maxStrDigits;
}

/** sys.set_int_max_str_digits(n): 0 disables the limit. */
export function setIntMaxStrDigits(n: number): void {
  if (n !== 0 && n < MAX_STR_DIGITS_THRESHOLD) {
    throw valueError("maxdigits must be 0 or larger than 640");
  }
  maxStrDigits = n;
}

/** The str -> int direction: `digits` excludes sign, prefix and underscores. */
export function checkStrToIntLimit(digits: number): void {
  if (digits > MAX_STR_DIGITS_THRESHOLD && maxStrDigits > 0 && digits > maxStrDigits) {
    throw valueError(
      `Exceeds the limit (${maxStrDigits} digits) for integer string conversion: ` +
        `value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
}

function intToStrLimitError(): Error {
  return valueError(
    `Exceeds the limit (${maxStrDigits} digits) for integer string conversion; ` +
      `use sys.set_int_max_str_digits() to increase the limit`,
  );
}

const LOG2_10 = Math.log2(10);

/**
 * The int -> str direction (decimal only): throws if |b| has more decimal
 * digits than the limit. Cheap for small values.
 */
export function checkIntToStrLimit(b: bigint): void {
  if (maxStrDigits === 0) return;
  if (b >= -(10n ** 15n) && b <= 10n ** 15n) return;
  decimalString(b);
}

/** Decimal digits of b (with '-') honouring the limit. */
function decimalString(b: bigint): string {
  if (maxStrDigits > 0 && (b > 0xffffffffffffn || b < -0xffffffffffffn)) {
    const bits = (b < 0n ? -b : b).toString(16).length * 4;
    // |b| >= 2**(bits - 4), so it has more than (bits - 4) * log10(2) digits;
    // the 0.5 margin keeps float error from ever rejecting a valid value
    if ((bits - 4) / LOG2_10 > maxStrDigits + 0.5) throw intToStrLimitError();
  }
  const s = b.toString();
  const digits = b < 0n ? s.length - 1 : s.length;
  if (digits > MAX_STR_DIGITS_THRESHOLD && maxStrDigits > 0 && digits > maxStrDigits) {
    throw intToStrLimitError();
  }
  return s;
}

// ---------------------------------------------------------------------------
// int -> str

/** str(b) in base 2..36 with lower-case digits; base 10 enforces the digit limit. */
export function intToString(b: bigint, base = 10): string {
  if (base === 10) return decimalString(b);
  return b.toString(base);
}

function prefixed(b: bigint, base: number, prefix: string): string {
  return b < 0n ? "-" + prefix + (-b).toString(base) : prefix + b.toString(base);
}

/** bin(b): '-0b101' */
export function intToBin(b: bigint): string {
  return prefixed(b, 2, "0b");
}
/** oct(b): '0o17' */
export function intToOct(b: bigint): string {
  return prefixed(b, 8, "0o");
}
/** hex(b): '0xff' */
export function intToHex(b: bigint): string {
  return prefixed(b, 16, "0x");
}

// ---------------------------------------------------------------------------
// str -> int

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 32;
  if (l >= 97 && l <= 122) return l - 87;
  return 99;
}

/** Throws ValueError("int() base must be >= 2 and <= 36, or 0") for a bad base. */
export function checkIntBase(base: number): void {
  if (base !== 0 && (base < 2 || base > 36)) {
    throw valueError("int() base must be >= 2 and <= 36, or 0");
  }
}

/**
 * int(str, base): the value, or null if CPython would raise
 * "invalid literal for int() with base N: ...". Accepts surrounding
 * whitespace, a sign, underscores between digits (and one right after a base
 * prefix), the prefix matching the base (any for base 0), and non-ASCII
 * decimal digits.
 */
export function parseInt(str: string, base = 10): bigint | null {
  checkIntBase(base);
  const s = stripAsciiSpace(transformDecimalAndSpaceToAscii(str));
  let i = 0;
  let neg = false;
  const c0 = s.charCodeAt(0);
  if (c0 === 43) i++;
  else if (c0 === 45) {
    neg = true;
    i++;
  }
  let errorIfNonzero = false;
  const p0 = s.charCodeAt(i);
  const p1 = s.charCodeAt(i + 1) | 32;
  if (base === 0) {
    if (p0 !== 48) base = 10;
    else if (p1 === 120) base = 16;
    else if (p1 === 111) base = 8;
    else if (p1 === 98) base = 2;
    else {
      // C-style octal is gone; only zero may be spelled with leading zeros
      errorIfNonzero = true;
      base = 10;
    }
  }
  if (p0 === 48 && ((base === 16 && p1 === 120) || (base === 8 && p1 === 111) || (base === 2 && p1 === 98))) {
    i += 2;
    if (s.charCodeAt(i) === 95) i++;
  }
  if (s.charCodeAt(i) === 95 || i >= s.length) return null;
  // the run of digits and underscores
  let digits = "";
  let prevUnderscore = false;
  let j = i;
  for (; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 95) {
      if (prevUnderscore) return null;
      prevUnderscore = true;
      continue;
    }
    if (digitValue(c) >= base) break;
    prevUnderscore = false;
    digits += s[j];
  }
  if (prevUnderscore) return null;
  if ((base & (base - 1)) !== 0) checkStrToIntLimit(digits.length);
  if (j !== s.length || digits.length === 0) return null;
  const v = digitsToBigInt(digits, base);
  if (errorIfNonzero && v !== 0n) return null;
  return neg ? -v : v;
}

function digitsToBigInt(digits: string, base: number): bigint {
  if (base === 10) return BigInt(digits);
  if (base === 16) return BigInt("0x" + digits);
  if (base === 8) return BigInt("0o" + digits);
  if (base === 2) return BigInt("0b" + digits);
  // chunks small enough that Number.parseInt stays exact (base**chunk < 2**53)
  const chunk = Math.floor(53 / Math.log2(base));
  const big = BigInt(base);
  let v = 0n;
  let i = 0;
  const first = digits.length % chunk || chunk;
  v = BigInt(Number.parseInt(digits.slice(0, first), base));
  i = first;
  const mul = big ** BigInt(chunk);
  for (; i < digits.length; i += chunk) {
    v = v * mul + BigInt(Number.parseInt(digits.slice(i, i + chunk), base));
  }
  return v;
}

/** Python's "%.200R": the repr cut to its first 200 code points. */
function repr200(s: string): string {
  const r = strRepr(s);
  if (r.length <= 200) return r;
  return Array.from(r).slice(0, 200).join("");
}

/** The message of int()'s ValueError for text parseInt rejected. */
export function intParseErrorMessage(str: string, base: number): string {
  return `invalid literal for int() with base ${base}: ${repr200(str)}`;
}

/** The message of float()'s ValueError for text parseFloat rejected. */
export function floatParseErrorMessage(str: string): string {
  return `could not convert string to float: ${strRepr(str)}`;
}
