// Objects/longobject.c: the number protocol of int: long_add / long_sub (x_add, x_sub),
// long_mul (k_mul), long_div / long_mod / long_divmod (l_divmod, l_mod, long_divrem, long_rem,
// divrem1, x_divrem, fast_floor_div, fast_mod), long_true_divide, long_pow (with long_invmod),
// long_lshift / long_rshift, long_bitwise, long_invert, long_neg, long_abs, long_long,
// long_float.
//
// Values are computed on doubles when both operands are safe integers, on bigints otherwise.
// What the C code would *allocate* for the result is modelled separately: the 3.11 medium-value
// fast paths return through _PyLong_FromSTwoDigits (32-byte structs), the digit algorithms
// reserve a digit count that can exceed the result's (a carry digit in x_add, the longer
// operand in x_sub, na + nb in multiplication, size_a in divrem1, ...). tracemalloc sees
// those sizes, and so do heapscope's allocator statistics.

import { PyObject } from "./object.js";
import type { PyType } from "./type.js";
import { newRef, decref } from "./refcount.js";
import { None, NotImplemented } from "./singletons.js";
import {
  MemoryErrorType,
  OverflowErrorType,
  ValueErrorType,
  ZeroDivisionErrorType,
  raise,
  newExceptionFromOwnedArgs,
  raiseOwned,
} from "./exceptions.js";
import {
  PyInt,
  IntType,
  isInt,
  newInt,
  newIntWithDigits,
  newIntFromBigInt,
  newIntFromBigIntWithDigits,
  intToBigInt,
  intDigitCount,
  numberDigitCount,
  bigDigitCount,
  bigBitLength,
  bigToDouble,
  MAX_SAFE,
} from "./int.js";
import { newFloat } from "./float.js";
import { floatPowValues } from "./floatops.js";
import { tupleFromOwned } from "./tuple.js";

const TWO30 = 1073741824;
const TWO60 = 1152921504606846976;

function notImplemented(): PyObject {
  return newRef(NotImplemented);
}

function isMediumNumber(v: number): boolean {
  return v > -TWO30 && v < TWO30;
}

/** IS_MEDIUM_VALUE on an object (zero included). */
function medium(o: PyInt): boolean {
  return o.big === null && o.value > -TWO30 && o.value < TWO30;
}

/** |ob_size| == 1: a non-zero one-digit value (the divmod fast paths). */
function oneDigit(o: PyInt): boolean {
  return o.big === null && o.value !== 0 && o.value > -TWO30 && o.value < TWO30;
}

/** Number of digits up to the highest one where |a| and |b| differ (x_sub's size). */
function differingDigitsNumber(a: number, b: number): number {
  if (Math.floor(a / TWO60) !== Math.floor(b / TWO60)) return 3;
  if (Math.floor(a / TWO30) !== Math.floor(b / TWO30)) return 2;
  return a !== b ? 1 : 0;
}

function absBig(b: bigint): bigint {
  return b < 0n ? -b : b;
}

/**
 * Digits x_add / x_sub reserve for a + b (b already carrying the operator's sign): the longer
 * operand plus a carry digit for same signs; for opposite signs the longer operand, or, for
 * equal lengths, the digits up to the highest differing one.
 */
function addReservedDigits(aNeg: boolean, bNeg: boolean, na: number, nb: number, differing: () => number): number {
  if (aNeg === bNeg) return (na > nb ? na : nb) + 1;
  if (na !== nb) return na > nb ? na : nb;
  return differing();
}

/** a + s*b for s = +1 / -1: long_add and long_sub. */
export function intAddSigned(a: PyInt, b: PyInt, subtract: boolean): PyInt {
  if (a.big === null && b.big === null) {
    const x = a.value;
    const y = subtract ? 0 - b.value : b.value;
    if (isMediumNumber(a.value) && isMediumNumber(b.value)) return newInt(x + y);
    const na = numberDigitCount(x), nb = numberDigitCount(y);
    const reserved = addReservedDigits(x < 0, y < 0, na, nb, () => differingDigitsNumber(Math.abs(x), Math.abs(y)));
    const r = x + y;
    if (r >= -MAX_SAFE && r <= MAX_SAFE) return newIntWithDigits(r, reserved);
    return newIntFromBigIntWithDigits(BigInt(x) + BigInt(y), reserved);
  }
  const x = intToBigInt(a);
  const y = subtract ? -intToBigInt(b) : intToBigInt(b);
  const na = bigDigitCount(x), nb = bigDigitCount(y);
  const reserved = addReservedDigits(x < 0n, y < 0n, na, nb, () => bigDigitCount(absBig(x) ^ absBig(y)));
  return newIntFromBigIntWithDigits(x + y, reserved);
}

function intAdd(a: PyObject, b: PyObject): PyObject {
  if (!isInt(a) || !isInt(b)) return notImplemented();
  return intAddSigned(a, b, false);
}

function intSub(a: PyObject, b: PyObject): PyObject {
  if (!isInt(a) || !isInt(b)) return notImplemented();
  return intAddSigned(a, b, true);
}

export function intMulInts(a: PyInt, b: PyInt): PyInt {
  if (medium(a) && medium(b)) {
    const p = a.value * b.value;
    if (p >= -MAX_SAFE && p <= MAX_SAFE) return newInt(p);
    return newIntFromBigInt(BigInt(a.value) * BigInt(b.value));
  }
  const reserved = intDigitCount(a) + intDigitCount(b);
  if (a.big === null && b.big === null) {
    const p = a.value * b.value;
    if (p >= -MAX_SAFE && p <= MAX_SAFE) return newIntWithDigits(p, reserved);
  }
  return newIntFromBigIntWithDigits(intToBigInt(a) * intToBigInt(b), reserved);
}

function intMul(a: PyObject, b: PyObject): PyObject {
  if (!isInt(a) || !isInt(b)) return notImplemented();
  return intMulInts(a, b);
}

// ---------------------------------------------------------------------------
// Division.

const DIVMOD_ZERO = "integer division or modulo by zero";
const MOD_ZERO = "integer modulo by zero";

/** Top digit of |v| given its digit count. */
function topDigit(v: bigint, ndigits: number): bigint {
  return absBig(v) >> BigInt(30 * (ndigits - 1));
}

/** Is |a| < |b| by long_divrem's test (digit counts, then top digits only)? */
function divremShortcut(a: bigint, na: number, b: bigint, nb: number): boolean {
  return na < nb || (na === nb && topDigit(a, na) < topDigit(b, nb));
}

/** Digits x_divrem reserves for the quotient of |v| / |w| (nw >= 2). */
function xDivremQuotientDigits(v: bigint, nv: number, w: bigint, nw: number): number {
  const wTop = Number(topDigit(w, nw));
  const d = 30 - (32 - Math.clz32(wTop));
  const vShifted = absBig(v) << BigInt(d);
  const wShiftedTop = (absBig(w) << BigInt(d)) >> BigInt(30 * (nw - 1));
  let sv = nv;
  if (vShifted >> BigInt(30 * nv) !== 0n || vShifted >> BigInt(30 * (nv - 1)) >= wShiftedTop) sv++;
  return sv - nw;
}

// Results of divmodModel, as new references (or null when not wanted).
let resultDiv: PyInt | null = null;
let resultMod: PyInt | null = null;

/**
 * l_divmod for operands outside the one-digit fast path: long_divrem (truncating), then the
 * floor adjustment through long_sub(div, 1) and long_add(mod, w).
 */
function divmodSlow(a: PyInt, b: PyInt, wantDiv: boolean): void {
  const x = intToBigInt(a), y = intToBigInt(b);
  const na = bigDigitCount(x), nb = bigDigitCount(y);
  let div: PyInt;
  let mod: PyInt;
  if (divremShortcut(x, na, y, nb)) {
    // |a| < |b|: the remainder is a itself (long_long), the quotient 0.
    mod = intLong(a);
    div = newInt(0);
  } else {
    const q = x / y; // truncates toward zero, like long_divrem
    const r = x - q * y;
    if (nb === 1) {
      div = newIntFromBigIntWithDigits(q, na);
      mod = newIntFromBigInt(r < 0n ? -r : r);
      if (r < 0n) mod = negateInPlaceOrNew(mod);
    } else {
      div = newIntFromBigIntWithDigits(q, xDivremQuotientDigits(x, na, y, nb));
      mod = newIntFromBigIntWithDigits(r, nb);
    }
  }
  const modSign = mod.big === null ? Math.sign(mod.value) : mod.big < 0n ? -1 : 1;
  const bNeg = y < 0n;
  if ((modSign < 0 && !bNeg) || (modSign > 0 && bNeg)) {
    const m2 = intAddSigned(mod, b, false);
    decref(mod);
    mod = m2;
    if (wantDiv) {
      const one = newInt(1);
      const d2 = intAddSigned(div, one, true);
      decref(one);
      decref(div);
      div = d2;
    }
  }
  resultDiv = div;
  resultMod = mod;
}

/** _PyLong_Negate on a fresh remainder: the same object when it is not shared. */
function negateInPlaceOrNew(o: PyInt): PyInt {
  if (o.refcnt === 1 && o.type === IntType) {
    if (o.big === null) o.value = 0 - o.value;
    else o.big = -o.big;
    return o;
  }
  const r = newInt(0 - o.value);
  decref(o);
  return r;
}

function floorDivNumbers(x: number, y: number): number {
  return Math.floor(x / y);
}

/** Python's modulo for one-digit operands (fast_mod). */
function modNumbers(x: number, y: number): number {
  const r = x % y;
  if (r === 0) return 0;
  return (r < 0) !== (y < 0) ? r + y : r;
}

export function intFloorDivInts(a: PyInt, b: PyInt): PyInt {
  if (oneDigit(a) && oneDigit(b)) return newInt(floorDivNumbers(a.value, b.value));
  if (b.big === null && b.value === 0) raise(ZeroDivisionErrorType, DIVMOD_ZERO);
  divmodSlow(a, b, true);
  decref(resultMod!);
  const d = resultDiv!;
  resultDiv = resultMod = null;
  return d;
}

export function intModInts(a: PyInt, b: PyInt): PyInt {
  if (oneDigit(a) && oneDigit(b)) return newInt(modNumbers(a.value, b.value));
  if (b.big === null && b.value === 0) raise(ZeroDivisionErrorType, MOD_ZERO);
  divmodSlow(a, b, false);
  const m = resultMod!;
  decref(resultDiv!);
  resultDiv = resultMod = null;
  return m;
}

function intFloorDiv(a: PyObject, b: PyObject): PyObject {
  if (!isInt(a) || !isInt(b)) return notImplemented();
  return intFloorDivInts(a, b);
}

function intMod(a: PyObject, b: PyObject): PyObject {
  if (!isInt(a) || !isInt(b)) return notImplemented();
  return intModInts(a, b);
}

function intDivmod(a: PyObject, b: PyObject): PyObject {
  if (!isInt(a) || !isInt(b)) return notImplemented();
  let d: PyInt, m: PyInt;
  if (oneDigit(a) && oneDigit(b)) {
    d = newInt(floorDivNumbers(a.value, b.value));
    m = newInt(modNumbers(a.value, b.value));
  } else {
    if (b.big === null && b.value === 0) raise(ZeroDivisionErrorType, DIVMOD_ZERO);
    divmodSlow(a, b, true);
    d = resultDiv!;
    m = resultMod!;
    resultDiv = resultMod = null;
  }
  return tupleFromOwned([d, m]);
}

// ---------------------------------------------------------------------------
// True division, correctly rounded.

/** a / b as the correctly rounded double (long_true_divide). */
export function intTrueDivideValues(a: PyInt, b: PyInt): number {
  if (b.big === null && b.value === 0) raise(ZeroDivisionErrorType, "division by zero");
  if (a.big === null && b.big === null) return a.value / b.value;
  return bigTrueDivide(intToBigInt(a), intToBigInt(b));
}

/** Correctly rounded (half-even) a / b for bigints, b != 0. */
export function bigTrueDivide(a: bigint, b: bigint): number {
  if (a === 0n) return b < 0n ? -0 : 0;
  const negative = (a < 0n) !== (b < 0n);
  const x = absBig(a), y = absBig(b);
  const bx = bigBitLength(x), by = bigBitLength(y);
  // The quotient lies in [2**(diff-1), 2**(diff+1)).
  const diff = bx - by;
  if (diff > 1025) raise(OverflowErrorType, "integer division result too large for a float");
  if (diff < -1080) return negative ? -0 : 0;
  // Keep 55+ significant bits (plus a sticky bit) so that one rounding step is exact.
  const shift = 55 - diff;
  let q: bigint, r: bigint;
  if (shift >= 0) {
    const n = x << BigInt(shift);
    q = n / y;
    r = n - q * y;
  } else {
    const d = y << BigInt(-shift);
    q = x / d;
    r = x - q * d;
  }
  // q has 55 or 56 bits; the result is q * 2**-shift. Work out how many bits the double
  // can keep: 53 for normal results, fewer in the subnormal range.
  const qBits = bigBitLength(q);
  const exponent = qBits - 1 - shift; // floor(log2(result))
  if (exponent > 1023) raise(OverflowErrorType, "integer division result too large for a float");
  let keep = 53;
  if (exponent < -1022) keep = 53 - (-1022 - exponent);
  if (keep < 0) return negative ? -0 : 0;
  const drop = qBits - keep;
  let m = q >> BigInt(drop);
  const rest = q - (m << BigInt(drop));
  const half = 1n << BigInt(drop - 1);
  const sticky = r !== 0n;
  if (rest > half || (rest === half && (sticky || (m & 1n) === 1n))) m += 1n;
  // m * 2**(drop - shift), exact when representable; two steps keep the scale in range.
  let e = drop - shift;
  let result = Number(m);
  while (e < -1000) {
    result *= 2 ** -1000;
    e += 1000;
  }
  while (e > 1000) {
    result *= 2 ** 1000;
    e -= 1000;
  }
  result *= 2 ** e;
  if (result === Infinity) raise(OverflowErrorType, "integer division result too large for a float");
  return negative ? -result : result;
}

function intTrueDivide(a: PyObject, b: PyObject): PyObject {
  if (!isInt(a) || !isInt(b)) return notImplemented();
  return newFloat(intTrueDivideValues(a, b));
}

// ---------------------------------------------------------------------------
// Unary operators.

function intNeg(self: PyObject): PyObject {
  const o = self as PyInt;
  if (o.big === null) {
    // _PyLong_FromSTwoDigits for medium values; _PyLong_Copy (exact digits) otherwise.
    return isMediumNumber(o.value) ? newInt(0 - o.value) : newIntWithDigits(0 - o.value, numberDigitCount(o.value));
  }
  return newIntFromBigInt(-o.big);
}

/** long_long: an exact int is returned as itself; a subclass instance becomes an exact int copy. */
export function intLong(o: PyInt): PyInt {
  if (o.type === IntType) return newRef(o);
  if (o.big !== null) return newIntFromBigInt(o.big);
  return isMediumNumber(o.value) ? newInt(o.value) : newIntWithDigits(o.value, numberDigitCount(o.value));
}

function intPos(self: PyObject): PyObject {
  return intLong(self as PyInt);
}

function intAbs(self: PyObject): PyObject {
  const o = self as PyInt;
  const negative = o.big === null ? o.value < 0 : o.big < 0n;
  return negative ? intNeg(o) : intLong(o);
}

function intInvert(self: PyObject): PyObject {
  const o = self as PyInt;
  if (medium(o)) return newInt(-o.value - 1);
  // ~x == -(x + 1), computed with long_add(x, 1), then negated in place.
  const one = newInt(1);
  const r = intAddSigned(o, one, false);
  decref(one);
  if (r.big === null) r.value = 0 - r.value;
  else r.big = -r.big;
  // r was freshly allocated (|x| + 1 >= 2**30 is never cached), so flipping it in place is safe.
  return r;
}

function intToFloat(self: PyObject): PyObject {
  const o = self as PyInt;
  return newFloat(o.big === null ? o.value : bigToDouble(o.big));
}

// ---------------------------------------------------------------------------
// Shifts.

/** divmod_shift: the shift count as (wordshift, remshift); huge counts -> OverflowError. */
function shiftCount(b: PyInt): number {
  if (b.big !== null) {
    if (b.big > 9223372036854775807n) raise(OverflowErrorType, "too many digits in integer");
    return Number(b.big);
  }
  return b.value;
}

// JS bigints stop near 2**30 bits; CPython would need gigabytes before that, then MemoryError.
const MAX_BITS = 1 << 30;

function intLshift(a: PyObject, b: PyObject): PyObject {
  if (!isInt(a) || !isInt(b)) return notImplemented();
  if (b.big === null ? b.value < 0 : b.big < 0n) raise(ValueErrorType, "negative shift count");
  if (a.big === null && a.value === 0) return newInt(0);
  const shift = shiftCount(b);
  const wordshift = Math.floor(shift / 30);
  const remshift = shift % 30;
  if (wordshift === 0 && medium(a)) {
    const r = a.value * 2 ** remshift;
    if (r >= -MAX_SAFE && r <= MAX_SAFE) return newInt(r);
    return newIntFromBigInt(BigInt(a.value) << BigInt(remshift));
  }
  const oldsize = intDigitCount(a);
  const newsize = oldsize + wordshift + (remshift !== 0 ? 1 : 0);
  if (newsize > 768614336404564650) raise(OverflowErrorType, "too many digits in integer");
  if (bigBitLength(intToBigInt(a)) + shift > MAX_BITS) raiseNoMemory();
  return newIntFromBigIntWithDigits(intToBigInt(a) << BigInt(shift), newsize);
}

function raiseNoMemory(): never {
  raiseOwned(newExceptionFromOwnedArgs(MemoryErrorType, tupleFromOwned([])));
}

function intRshift(a: PyObject, b: PyObject): PyObject {
  if (!isInt(a) || !isInt(b)) return notImplemented();
  if (b.big === null ? b.value < 0 : b.big < 0n) raise(ValueErrorType, "negative shift count");
  const aNeg = a.big === null ? a.value < 0 : a.big < 0n;
  if (a.big === null && a.value === 0) return newInt(0);
  if (b.big !== null) {
    // Shifting every bit out.
    return newInt(aNeg ? -1 : 0);
  }
  const shift = b.value;
  let wordshift = Math.floor(shift / 30);
  let remshift = shift % 30;
  if (medium(a)) {
    const s = wordshift === 0 ? remshift : 30;
    return newInt(Math.floor(a.value / 2 ** s));
  }
  if (aNeg && remshift === 0) {
    if (wordshift === 0) return intLong(a);
    remshift = 30;
    wordshift--;
  }
  const sizeA = intDigitCount(a);
  const newsize = sizeA - wordshift;
  if (newsize <= 0) return newInt(aNeg ? -1 : 0);
  // Arithmetic shift floors, for negative values too (bigint >> does the same).
  return newIntFromBigIntWithDigits(intToBigInt(a) >> BigInt(shift), newsize);
}

// ---------------------------------------------------------------------------
// Bitwise operators.

type BitOp = 0 | 1 | 2; // &, |, ^

function bitwiseReservedDigits(x: bigint, y: bigint, op: BitOp): number {
  let na = bigDigitCount(x), nb = bigDigitCount(y);
  let aNeg = x < 0n, bNeg = y < 0n;
  // long_bitwise works on two's complements of the same digit counts; a is the longer.
  if (na < nb) {
    const t = na; na = nb; nb = t;
    const u = aNeg; aNeg = bNeg; bNeg = u;
  }
  let sizeZ: number, negZ: boolean;
  if (op === 2) {
    negZ = aNeg !== bNeg;
    sizeZ = na;
  } else if (op === 0) {
    negZ = aNeg && bNeg;
    sizeZ = bNeg ? na : nb;
  } else {
    negZ = aNeg || bNeg;
    sizeZ = bNeg ? nb : na;
  }
  return sizeZ + (negZ ? 1 : 0);
}

function bitwise(a: PyObject, b: PyObject, op: BitOp): PyObject {
  if (!isInt(a) || !isInt(b)) return notImplemented();
  if (medium(a) && medium(b)) {
    const x = a.value, y = b.value;
    return newInt(op === 0 ? x & y : op === 1 ? x | y : x ^ y);
  }
  const x = intToBigInt(a), y = intToBigInt(b);
  const r = op === 0 ? x & y : op === 1 ? x | y : x ^ y;
  return newIntFromBigIntWithDigits(r, bitwiseReservedDigits(x, y, op));
}

function intAnd(a: PyObject, b: PyObject): PyObject {
  return bitwise(a, b, 0);
}
function intOr(a: PyObject, b: PyObject): PyObject {
  return bitwise(a, b, 1);
}
function intXor(a: PyObject, b: PyObject): PyObject {
  return bitwise(a, b, 2);
}

// ---------------------------------------------------------------------------
// Power.

/** long_invmod: the inverse of a modulo n (n > 0), or ValueError. */
function bigInvMod(a: bigint, n: bigint): bigint {
  let b = n, x = 1n, y = 0n, aa = ((a % n) + n) % n;
  // Extended Euclid on (aa, n).
  let c = aa;
  while (b !== 0n) {
    const q = c / b;
    const t = c - q * b;
    c = b;
    b = t;
    const u = x - q * y;
    x = y;
    y = u;
  }
  if (c !== 1n) raise(ValueErrorType, "base is not invertible for the given modulus");
  aa = ((x % n) + n) % n;
  return aa;
}

function bigModPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n % mod;
  let b = base % mod;
  let e = exp;
  while (e > 0n) {
    if ((e & 1n) === 1n) result = (result * b) % mod;
    e >>= 1n;
    if (e > 0n) b = (b * b) % mod;
  }
  return result;
}

/** Python's floor modulo for bigints. */
function bigFloorMod(x: bigint, y: bigint): bigint {
  const r = x % y;
  return r !== 0n && (r < 0n) !== (y < 0n) ? r + y : r;
}

function intPower(a: PyObject, b: PyObject, c: PyObject): PyObject {
  if (!isInt(a) || !isInt(b)) return notImplemented();
  const noModulus = c === None;
  if (!noModulus && !isInt(c)) return notImplemented();
  const bNeg = b.big === null ? b.value < 0 : b.big < 0n;
  if (noModulus) {
    if (bNeg) {
      return floatPowValues(a.big === null ? a.value : bigToDouble(a.big), b.big === null ? b.value : bigToDouble(b.big));
    }
    return powNoModulus(a, b);
  }
  const m = c as PyInt;
  let mod = intToBigInt(m);
  if (mod === 0n) raise(ValueErrorType, "pow() 3rd argument cannot be 0");
  const negativeOutput = mod < 0n;
  if (negativeOutput) mod = -mod;
  let base = intToBigInt(a);
  let exp = intToBigInt(b);
  if (mod === 1n) return newInt(0);
  if (exp < 0n) {
    base = bigInvMod(base, mod);
    exp = -exp;
  }
  let r = bigModPow(bigFloorMod(base, mod), exp, mod);
  if (negativeOutput && r !== 0n) r -= mod;
  // The last step of the C loop is an l_mod by the modulus: a one-digit modulus returns
  // through PyLong_FromLong, a longer one through x_divrem's remainder (the modulus's digits).
  const nm = bigDigitCount(mod);
  if (nm <= 1) return newIntFromBigInt(r);
  return newIntFromBigIntWithDigits(r, nm);
}

/**
 * long_pow without a modulus. CPython multiplies left to right (z = z*z, then z = z*a for a set
 * bit), so the result object is the product of the last step: a**(e-1) times a for an odd
 * exponent, a**(e/2) squared for an even one. Its allocation follows that multiplication.
 */
function powNoModulus(a: PyInt, b: PyInt): PyObject {
  const exp = intToBigInt(b);
  if (exp === 0n) return newInt(1);
  if (exp === 1n) {
    // MULT(a, 1): turns a subclass instance into an exact int, allocating as a product.
    const one = newInt(1);
    const r = intMulInts(a, one);
    decref(one);
    return r;
  }
  const base = intToBigInt(a);
  if (base === 0n || base === 1n) return newInt(Number(base));
  if (base === -1n) return newInt((exp & 1n) === 0n ? 1 : -1);
  if (exp > BigInt(MAX_BITS) || bigBitLength(base) * Number(exp) > MAX_BITS) raiseNoMemory();
  const e = Number(exp);
  const na = intDigitCount(a);
  const half = base ** BigInt(Math.floor(e / 2));
  const square = half * half;
  let left: number, right: number, result: bigint;
  if ((e & 1) === 1) {
    left = bigDigitCount(square);
    right = na;
    result = square * base;
  } else {
    left = right = bigDigitCount(half);
    result = square;
  }
  if (left <= 1 && right <= 1) return newIntFromBigInt(result);
  return newIntFromBigIntWithDigits(result, left + right);
}

// ---------------------------------------------------------------------------

/** Installs the number slots on int (called while int.ts is evaluated). */
export function installIntNumberSlots(t: PyType): void {
  t.nbAdd = intAdd;
  t.nbSubtract = intSub;
  t.nbMultiply = intMul;
  t.nbRemainder = intMod;
  t.nbDivmod = intDivmod;
  t.nbPower = intPower;
  t.nbNegative = intNeg;
  t.nbPositive = intPos;
  t.nbAbsolute = intAbs;
  t.nbInvert = intInvert;
  t.nbLshift = intLshift;
  t.nbRshift = intRshift;
  t.nbAnd = intAnd;
  t.nbXor = intXor;
  t.nbOr = intOr;
  t.nbInt = intPos;
  t.nbFloat = intToFloat;
  t.nbIndex = intPos;
  t.nbFloorDivide = intFloorDiv;
  t.nbTrueDivide = intTrueDivide;
}
