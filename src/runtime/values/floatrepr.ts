// Float <-> text conversions of CPython 3.11: repr(float) and the 'e'/'f'/'g'/'r'
// layouts of Python/pystrtod.c (PyOS_double_to_string, format_float_short),
// the correctly rounded digit generation of Python/dtoa.c (_Py_dg_dtoa modes
// 0, 2 and 3), float(str) parsing (Objects/floatobject.c float_from_string,
// PyOS_string_to_double) and round()/as_integer_ratio()/hex()/fromhex() from
// Objects/floatobject.c.
//
// Digit generation works on the exact binary value. JS's toExponential and
// toFixed are exact too, except that they break exact ties upwards while dtoa
// breaks them to even; a tie is detected by asking for one digit more, and
// only then the BigInt expansion of the double decides.

import { overflowError, valueError } from "./errors.js";
import { decimalValue, isPySpace } from "./unicode.js";

/** value = 0.DIGITS x 10**decpt; digits has no trailing zeros; zero is {"", 0}. */
export interface DecimalDigits {
  digits: string;
  decpt: number;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer); // little-endian host: [low word, high word]

/** |x| = m * 2**e for finite nonzero x, with m odd. */
function decompose(x: number): { m: bigint; e: number } {
  f64[0] = x;
  const hi = u32[1]!;
  const lo = u32[0]!;
  const bexp = (hi >>> 20) & 0x7ff;
  let mh = hi & 0xfffff;
  let e: number;
  if (bexp === 0) {
    e = -1074;
  } else {
    mh += 0x100000;
    e = bexp - 1075;
  }
  let m = (BigInt(mh) << 32n) | BigInt(lo);
  // drop trailing zero bits so the decimal expansion uses the smallest power of 5
  const tz = lo === 0 ? 32 + (31 - Math.clz32(mh & -mh)) : 31 - Math.clz32(lo & -lo);
  m >>= BigInt(tz);
  e += tz;
  return { m, e };
}

/** Exact decimal expansion of |x| (finite). */
export function exactDigits(x: number): DecimalDigits {
  if (x === 0) return { digits: "", decpt: 0 };
  const { m, e } = decompose(x);
  let s: string;
  let decpt: number;
  if (e >= 0) {
    s = (m << BigInt(e)).toString();
    decpt = s.length;
  } else {
    s = (m * 5n ** BigInt(-e)).toString();
    decpt = s.length + e;
  }
  return { digits: stripZeros(s), decpt };
}

function stripZeros(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  return end === s.length ? s : s.slice(0, end);
}

/**
 * Rounds d to its first k significant digits (k may be <= 0: the rounding
 * position is then before the first digit), half to even.
 */
export function roundDigits(d: DecimalDigits, k: number): DecimalDigits {
  const { digits, decpt } = d;
  if (k >= digits.length) return d;
  if (k < 0) return { digits: "", decpt: 0 };
  const next = digits.charCodeAt(k);
  const restNonZero = digits.length > k + 1; // digits has no trailing zeros
  let up: boolean;
  if (next > 53) up = true;
  else if (next < 53) up = false;
  else if (restNonZero) up = true;
  else up = k > 0 && (digits.charCodeAt(k - 1) & 1) === 1;
  let kept = digits.slice(0, k);
  if (!up) {
    kept = stripZeros(kept);
    return kept === "" ? { digits: "", decpt: 0 } : { digits: kept, decpt };
  }
  // increment with carry
  let i = kept.length - 1;
  while (i >= 0 && kept.charCodeAt(i) === 57) i--;
  if (i < 0) return { digits: "1", decpt: decpt + 1 };
  kept = kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1);
  return { digits: kept, decpt };
}

/** Shortest digits that round-trip (dtoa mode 0). */
export function shortestDigits(x: number): DecimalDigits {
  if (x === 0) return { digits: "", decpt: 0 };
  return parseExponential(Math.abs(x).toExponential());
}

function parseExponential(s: string): DecimalDigits {
  // "d.ddde+x" / "de-x"
  const ePos = s.indexOf("e");
  const mant = s.charCodeAt(1) === 46 ? s[0]! + s.slice(2, ePos) : s.slice(0, ePos);
  const exp = Number(s.slice(ePos + 1));
  const digits = stripZeros(mant);
  return digits === "" ? { digits: "", decpt: 0 } : { digits, decpt: exp + 1 };
}

/** |x| correctly rounded to n >= 1 significant digits (dtoa mode 2). */
export function significantDigits(x: number, n: number): DecimalDigits {
  if (x === 0) return { digits: "", decpt: 0 };
  const a = Math.abs(x);
  if (n <= 100) {
    // toExponential rounds exact ties away from zero; one more digit shows a possible tie
    const probe = n <= 99 ? a.toExponential(n) : "5e";
    if (probe.charCodeAt(probe.indexOf("e") - 1) !== 53) {
      return parseExponential(a.toExponential(n - 1));
    }
  }
  return roundDigits(exactDigits(a), n);
}

/** |x| correctly rounded to f digits after the point (dtoa mode 3); f may be negative. */
export function fixedDigits(x: number, f: number): DecimalDigits {
  if (x === 0) return { digits: "", decpt: 0 };
  const a = Math.abs(x);
  if (f >= 0 && f <= 99 && a < 1e21) {
    const probe = a.toFixed(f + 1);
    if (probe.charCodeAt(probe.length - 1) !== 53) {
      return parseFixed(a.toFixed(f));
    }
  }
  const d = exactDigits(a);
  return roundDigits(d, d.decpt + f);
}

function parseFixed(s: string): DecimalDigits {
  const dot = s.indexOf(".");
  const intPart = dot < 0 ? s : s.slice(0, dot);
  const all = dot < 0 ? s : intPart + s.slice(dot + 1);
  let start = 0;
  while (start < all.length && all.charCodeAt(start) === 48) start++;
  const digits = stripZeros(all.slice(start));
  if (digits === "") return { digits: "", decpt: 0 };
  return { digits, decpt: intPart.length - start };
}

// ---------------------------------------------------------------------------
// Layout (format_float_short)

export interface DoubleToStringFlags {
  /** Py_DTSF_SIGN: always emit a sign. */
  sign?: boolean;
  /**
   * Py_DTSF_ADD_DOT_0: a non-exponent result keeps at least one fractional
   * digit, and 'g' switches to the exponent form one digit earlier.
   */
  addDot0?: boolean;
  /** Py_DTSF_ALT: the '#' alternate form. */
  alt?: boolean;
  /** Py_DTSF_NO_NEG_0: the 'z' option, a result that rounds to zero loses its '-'. */
  noNeg0?: boolean;
}

function expString(exp: number, upper: boolean): string {
  const a = Math.abs(exp);
  return (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + (a < 10 ? "0" + a : String(a));
}

function zeros(n: number): string {
  return n > 0 ? "0".repeat(n) : "";
}

/** digits laid out with the point after `intDigits` digits, padded to `fracDigits`. */
function layoutFixed(digits: string, decpt: number, fracDigits: number, keepDot: boolean): string {
  let intPart: string;
  let frac: string;
  if (digits === "") {
    intPart = "0";
    frac = "";
  } else if (decpt <= 0) {
    intPart = "0";
    frac = zeros(-decpt) + digits;
  } else if (decpt >= digits.length) {
    intPart = digits + zeros(decpt - digits.length);
    frac = "";
  } else {
    intPart = digits.slice(0, decpt);
    frac = digits.slice(decpt);
  }
  if (frac.length < fracDigits) frac += zeros(fracDigits - frac.length);
  if (frac === "" && !keepDot) return intPart;
  return intPart + "." + frac;
}

function layoutExp(digits: string, decpt: number, minDigits: number, keepDot: boolean, upper: boolean): string {
  let d = digits === "" ? "0" : digits;
  const exp = digits === "" ? 0 : decpt - 1;
  if (d.length < minDigits) d += zeros(minDigits - d.length);
  let body = d[0]!;
  if (d.length > 1) body += "." + d.slice(1);
  else if (keepDot) body += ".";
  return body + expString(exp, upper);
}

/**
 * PyOS_double_to_string: code is one of e E f F g G r; precision is ignored
 * for 'r'. Returns the complete text including the sign.
 */
export function doubleToString(x: number, code: string, precision: number, flags: DoubleToStringFlags = {}): string {
  const upper = code === "E" || code === "F" || code === "G";
  if (x !== x) return (flags.sign ? "+" : "") + (upper ? "NAN" : "nan");
  let neg = x < 0 || (x === 0 && 1 / x < 0);
  if (x === Infinity || x === -Infinity) {
    return (neg ? "-" : flags.sign ? "+" : "") + (upper ? "INF" : "inf");
  }
  const alt = flags.alt === true;
  let body: string;
  let d: DecimalDigits;
  switch (code) {
    case "e":
    case "E":
      d = significantDigits(x, precision + 1);
      body = layoutExp(d.digits, d.decpt, precision + 1, alt, upper);
      break;
    case "f":
    case "F": {
      const a = neg ? -x : x;
      if (precision <= 99 && a < 1e21) {
        // toFixed's layout is Python's; only an exact tie (probe ends in 5) needs dtoa's rounding
        const probe = a.toFixed(precision + 1);
        if (probe.charCodeAt(probe.length - 1) !== 53) {
          let text = a.toFixed(precision);
          if (alt && precision === 0) text += ".";
          if (neg && flags.noNeg0 && !/[1-9]/.test(text)) neg = false;
          return (neg ? "-" : flags.sign ? "+" : "") + text;
        }
      }
      d = fixedDigits(x, precision);
      body = layoutFixed(d.digits, d.decpt, precision, alt);
      break;
    }
    case "g":
    case "G": {
      const p = precision === 0 ? 1 : precision;
      d = significantDigits(x, p);
      const decpt = d.digits === "" ? 1 : d.decpt;
      // with addDot0 (format's no-type case) the exponent form starts one digit earlier
      if (decpt <= -4 || decpt > (flags.addDot0 ? p - 1 : p)) {
        body = layoutExp(d.digits, d.decpt, alt ? p : 0, alt, upper);
      } else {
        const frac = alt ? p - decpt : 0;
        body = layoutFixed(d.digits, decpt, flags.addDot0 ? Math.max(frac, 1) : frac, alt);
      }
      break;
    }
    case "r": {
      d = shortestDigits(x);
      const decpt = d.digits === "" ? 1 : d.decpt;
      if (decpt <= -4 || decpt > 16) {
        body = layoutExp(d.digits, d.decpt, 0, alt, upper);
      } else {
        body = layoutFixed(d.digits, decpt, flags.addDot0 ? 1 : 0, alt);
      }
      break;
    }
    default:
      throw new RangeError(`doubleToString: bad format code ${code}`);
  }
  if (neg && flags.noNeg0 && d.digits === "") neg = false;
  return (neg ? "-" : flags.sign ? "+" : "") + body;
}

/** repr(float) / str(float). */
export function floatRepr(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e16) {
    // JS's shortest digits with a fixed layout coincide with Python's in this range
    const s = String(x);
    return Number.isInteger(x) ? s + ".0" : s;
  }
  if (x === 0) return 1 / x < 0 ? "-0.0" : "0.0";
  if (x !== x) return "nan";
  if (a === Infinity) return x > 0 ? "inf" : "-inf";
  const s = x.toExponential();
  const ePos = s.indexOf("e");
  const exp = Number(s.slice(ePos + 1));
  return s.slice(0, ePos) + expString(exp, false);
}

/**
 * repr(complex) / str(complex) (complex_repr): parts in the 'r' layout without
 * ".0"; a real part of +0.0 is left out together with the parentheses.
 */
export function complexRepr(re: number, im: number): string {
  const imText = doubleToString(im, "r", 0);
  if (re === 0 && 1 / re > 0) return imText + "j";
  return "(" + doubleToString(re, "r", 0) + doubleToString(im, "r", 0, { sign: true }) + "j)";
}

// ---------------------------------------------------------------------------
// float(str)

const FLOAT_RE = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)$/i;

/**
 * Maps a str to the ASCII text CPython parses numbers from: non-ASCII
 * whitespace becomes ' ', non-ASCII decimal digits their ASCII digit, and any
 * other non-ASCII character ends the text with '?' so that parsing fails.
 */
export function transformDecimalAndSpaceToAscii(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo < 0xe000) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (cp < 127) out += String.fromCharCode(cp);
    else if (isPySpace(cp)) out += " ";
    else {
      const v = decimalValue(cp);
      if (v < 0) return out + "?";
      out += String.fromCharCode(48 + v);
    }
  }
  return out;
}

/** C's isspace in the "C" locale (Py_ISSPACE). */
function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Trims Py_ISSPACE characters from both ends. */
export function stripAsciiSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isAsciiSpace(s.charCodeAt(a))) a++;
  while (b > a && isAsciiSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/**
 * Removes underscores that sit between two digits; returns null if any
 * underscore is elsewhere (_Py_string_to_number_with_underscores).
 */
export function removeDigitUnderscores(s: string): string | null {
  if (s.indexOf("_") < 0) return s;
  let out = "";
  let prev = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 95) {
      if (!(prev >= 48 && prev <= 57)) return null;
    } else {
      if (prev === 95 && !(c >= 48 && c <= 57)) return null;
      out += s[i];
    }
    prev = c;
  }
  if (prev === 95) return null;
  return out;
}

/**
 * float(str): the value, or null when CPython raises
 * ValueError("could not convert string to float: <repr>"); see
 * floatParseErrorMessage for that text.
 */
export function parseFloat(str: string): number | null {
  const s = removeDigitUnderscores(stripAsciiSpace(transformDecimalAndSpaceToAscii(str)));
  if (s === null || !FLOAT_RE.test(s)) return null;
  const c = s.charCodeAt(s.length - 1) | 32;
  if (c === 102 || c === 121) return s.charCodeAt(0) === 45 ? -Infinity : Infinity; // ...inf / ...infinity
  if (c === 110 && (s.charCodeAt(s.length - 2) | 32) === 97) return NaN; // ...nan
  return Number(s);
}

// ---------------------------------------------------------------------------
// round(), as_integer_ratio(), hex(), fromhex()

// Beyond these, round() returns x unchanged / a zero of x's sign (floatobject.c NDIGITS_MAX/MIN).
const NDIGITS_MAX = 323;
const NDIGITS_MIN = -308;

/**
 * round(x, ndigits) for a float: the correctly rounded (half-even on the
 * exact value) decimal result converted back to the nearest double.
 * Throws OverflowError("rounded value too large to represent") like CPython.
 */
export function floatRound(x: number, ndigits: number): number {
  if (x !== x || x === Infinity || x === -Infinity || x === 0) return x;
  if (ndigits > NDIGITS_MAX) return x;
  if (ndigits < NDIGITS_MIN) return 0 * x;
  const d = fixedDigits(x, ndigits);
  if (d.digits === "") return x < 0 ? -0 : 0;
  const r = Number(`${x < 0 ? "-" : ""}0.${d.digits}e${d.decpt}`);
  if (r === Infinity || r === -Infinity) throw overflowError("rounded value too large to represent");
  return r;
}

/**
 * round(x) with no ndigits, before the int conversion: the nearest integral
 * double, ties to even. Throws what int(x) raises for inf and nan.
 */
export function floatRoundToIntegral(x: number): number {
  if (x !== x) throw valueError("cannot convert float NaN to integer");
  if (x === Infinity || x === -Infinity) throw overflowError("cannot convert float infinity to integer");
  const r = Math.round(x);
  // Math.round breaks ties upwards; CPython rounds half to even
  if (r - x === 0.5 && r % 2 !== 0) return r - 1;
  return r;
}

/** float.as_integer_ratio(): [numerator, denominator] in lowest terms. */
export function floatToIntegerRatio(x: number): [bigint, bigint] {
  if (x !== x) throw valueError("cannot convert NaN to integer ratio");
  if (x === Infinity || x === -Infinity) throw overflowError("cannot convert Infinity to integer ratio");
  if (x === 0) return [0n, 1n];
  const { m, e } = decompose(x);
  const num = x < 0 ? -m : m;
  return e >= 0 ? [num << BigInt(e), 1n] : [num, 1n << BigInt(-e)];
}

/** Exact conversion of a float to an int (int(x), math.trunc). */
export function floatToBigInt(x: number): bigint {
  if (x !== x) throw valueError("cannot convert float NaN to integer");
  if (x === Infinity || x === -Infinity) throw overflowError("cannot convert float infinity to integer");
  return BigInt(Math.trunc(x)); // integral doubles convert exactly
}

/** float.hex() */
export function floatHex(x: number): string {
  if (x !== x) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  const sign = x < 0 || (x === 0 && 1 / x < 0) ? "-" : "";
  if (x === 0) return sign + "0x0.0p+0";
  f64[0] = x;
  const hi = u32[1]!;
  const lo = u32[0]!;
  const bexp = (hi >>> 20) & 0x7ff;
  const mant = ((hi & 0xfffff).toString(16).padStart(5, "0") + lo.toString(16).padStart(8, "0"));
  // CPython normalises subnormals to a leading 0 digit with exponent -1022
  const lead = bexp === 0 ? "0" : "1";
  const exp = bexp === 0 ? -1022 : bexp - 1023;
  return `${sign}0x${lead}.${mant}p${exp < 0 ? "-" : "+"}${Math.abs(exp)}`;
}

/**
 * float.fromhex(s). Throws ValueError("invalid hexadecimal floating-point
 * string") or OverflowError("hexadecimal value too large to represent as a
 * float") like CPython.
 */
export function floatFromHex(str: string): number {
  const s = stripAsciiSpace(str);
  const m = /^([+-]?)(?:(inf(?:inity)?|nan)|(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?)$/i.exec(s);
  if (m === null) throw valueError("invalid hexadecimal floating-point string");
  const neg = m[1] === "-";
  if (m[2] !== undefined) {
    const v = m[2].toLowerCase() === "nan" ? NaN : Infinity;
    return neg ? -v : v;
  }
  const intDigits = m[3] ?? "";
  const fracDigits = m[4] ?? "";
  if (intDigits === "" && fracDigits === "") throw valueError("invalid hexadecimal floating-point string");
  const all = (intDigits + fracDigits).replace(/^0+/, "");
  if (all === "") return neg ? -0 : 0;
  let mant = BigInt("0x" + all);
  let exp = (m[5] === undefined ? 0n : BigInt(m[5])) - BigInt(4 * fracDigits.length);
  // value = mant * 2**exp exactly; the double's unit is 2**unitExp
  const topExp = exp + BigInt(mant.toString(2).length);
  if (topExp > 1024n) throw overflowError("hexadecimal value too large to represent as a float");
  const unitExp = topExp - 53n > -1074n ? topExp - 53n : -1074n;
  if (exp < unitExp) {
    const shift = unitExp - exp;
    if (shift > BigInt(mant.toString(2).length) + 1n) return neg ? -0 : 0;
    const q = mant >> shift;
    const rem = mant - (q << shift);
    const half = 1n << (shift - 1n);
    mant = rem > half || (rem === half && (q & 1n) === 1n) ? q + 1n : q;
    exp = unitExp;
    if (exp + BigInt(mant.toString(2).length) > 1024n) {
      throw overflowError("hexadecimal value too large to represent as a float");
    }
  }
  // mant has at most 53 bits and exp >= -1074, so both factors and the product are exact
  const r = Number(mant) * 2 ** Number(exp);
  return neg ? -r : r;
}

