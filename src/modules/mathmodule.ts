// Modules/mathmodule.c (3.11): math_1 (domain/range errors from the result: NaN from a
// non-NaN argument is "math domain error", an infinite result from a finite argument is
// "math range error" for the functions that can overflow, else a domain error), m_log /
// loghelper (ints of any size through frexp), math_pow's special cases, math_fmod, modf,
// frexp, ldexp, the exact integer functions (gcd, lcm, isqrt, factorial, comb, perm),
// math_prod, math_fsum (Shewchuk's exact partial sums and the final half-way correction),
// math_hypot / math_dist over vector_norm (lossless scaling with compensated sums), isclose,
// copysign, remainder, nextafter, ulp, degrees/radians and the constants pi, e, tau, inf, nan.
// The libm functions themselves are the JavaScript engine's.

import type { PyObject } from "../runtime/object.js";
import { decref, newRef } from "../runtime/refcount.js";
import { dictSetItem } from "../runtime/dict.js";
import {
  OverflowErrorType, TypeErrorType, ValueErrorType, ZeroDivisionErrorType, raise,
} from "../runtime/exceptions.js";
import {
  intAsDouble, intToBigInt, isExactInt, isInt, newBool, newIntFromBigInt, newIntFromDouble, type PyInt,
} from "../runtime/int.js";
import { isFloat, newFloat, type PyFloat } from "../runtime/float.js";
import { newStr, staticStr } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import { tupleFromOwned, type PyTuple } from "../runtime/tuple.js";
import { newModule } from "../runtime/moduleobject.js";
import { newCFunction } from "../runtime/methodobject.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { checkPositional, noKeywords, parseArgs } from "../runtime/getargs.js";
import { callNoArgs, getIter, iterNext, numberIndex, numberMultiply } from "../runtime/abstract.js";
import { lookupSpecial } from "../runtime/typeobject.js";
import { sequenceTuple } from "../runtime/tuplemethods.js";
import { registerBuiltinModule } from "./interp_state.js";

// ---------------------------------------------------------------------------
// Argument conversion.

/** PyFloat_AsDouble: floats, ints, __float__, then __index__. */
export function asDouble(o: PyObject): number {
  if (isFloat(o)) return (o as PyFloat).value;
  if (isInt(o)) return intAsDouble(o);
  const t = o.type;
  if (t.nbFloat !== null) {
    const r = t.nbFloat(o);
    try {
      if (!isFloat(r)) raise(TypeErrorType, `${t.name}.__float__ returned non-float (type ${r.type.name})`);
      return (r as PyFloat).value;
    } finally {
      decref(r);
    }
  }
  if (t.nbIndex !== null) {
    const i = numberIndex(o);
    try {
      return intAsDouble(i);
    } finally {
      decref(i);
    }
  }
  raise(TypeErrorType, `must be real number, not ${t.name}`);
}

function domainError(): never {
  raise(ValueErrorType, "math domain error");
}

function rangeError(): never {
  raise(OverflowErrorType, "math range error");
}

/** math_1 */
function math1(arg: PyObject, fn: (x: number) => number, canOverflow: boolean): PyObject {
  const x = asDouble(arg);
  const r = fn(x);
  if (Number.isNaN(r) && !Number.isNaN(x)) domainError();
  if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x)) {
    if (canOverflow) rangeError();
    domainError();
  }
  return newFloat(r);
}

function bigAbs(b: bigint): bigint {
  return b < 0n ? -b : b;
}

function indexBig(o: PyObject): bigint {
  const i = numberIndex(o);
  try {
    return intToBigInt(i);
  } finally {
    decref(i);
  }
}

function bitLength(b: bigint): number {
  return b === 0n ? 0 : bigAbs(b).toString(2).length;
}

// ---------------------------------------------------------------------------
// Logarithms.

function mLog(x: number): number {
  if (Number.isFinite(x)) {
    if (x > 0) return Math.log(x);
    return x === 0 ? -Infinity : NaN;
  }
  if (Number.isNaN(x) || x > 0) return x;
  return NaN;
}

function mLog2(x: number): number {
  if (!Number.isFinite(x)) return Number.isNaN(x) || x > 0 ? x : NaN;
  if (x > 0) return Math.log2(x);
  return x === 0 ? -Infinity : NaN;
}

function mLog10(x: number): number {
  if (!Number.isFinite(x)) return Number.isNaN(x) || x > 0 ? x : NaN;
  if (x > 0) return Math.log10(x);
  return x === 0 ? -Infinity : NaN;
}

/** loghelper: ints too large for a double go through frexp. */
function logHelper(arg: PyObject, fn: (x: number) => number): number {
  if (isInt(arg)) {
    const b = intToBigInt(arg as PyInt);
    if (b <= 0n) domainError();
    const bits = bitLength(b);
    if (bits <= 1023) return fn(Number(b));
    // x = m * 2**e with 0.5 <= m < 1, m rounded to a double.
    const shift = bits - 64;
    const m = Number(b >> BigInt(shift)) / 2 ** 64;
    return fn(m) + fn(2.0) * (shift + 64);
  }
  const x = asDouble(arg);
  const r = fn(x);
  if (Number.isNaN(r) && !Number.isNaN(x)) domainError();
  if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x)) domainError();
  return r;
}

function mathLog(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("log", kwnames);
  checkPositional("log", nargs, 1, 2);
  const num = logHelper(args[start]!, mLog);
  if (nargs === 1) return newFloat(num);
  const den = logHelper(args[start + 1]!, mLog);
  if (den === 0) raise(ZeroDivisionErrorType, "float division by zero");
  return newFloat(num / den);
}

// ---------------------------------------------------------------------------
// Rounding to integers.

function roundingFunction(name: string, fn: (x: number) => number) {
  return (_m: PyObject, o: PyObject): PyObject => {
    if (isFloat(o) && o.type.name === "float") return newIntFromDouble(fn((o as PyFloat).value));
    if (isExactInt(o)) return newRef(o);
    const method = lookupSpecial(o, staticStr(name));
    if (method === null) return newIntFromDouble(fn(asDouble(o)));
    try {
      return callNoArgs(method);
    } finally {
      decref(method);
    }
  };
}

function mathTrunc(_m: PyObject, o: PyObject): PyObject {
  if (isFloat(o) && o.type.name === "float") return newIntFromDouble(Math.trunc((o as PyFloat).value));
  const method = lookupSpecial(o, staticStr("__trunc__"));
  if (method === null) raise(TypeErrorType, `type ${o.type.name} doesn't define __trunc__ method`);
  try {
    return callNoArgs(method);
  } finally {
    decref(method);
  }
}

// ---------------------------------------------------------------------------
// Exact integer functions.

function bigGcd(a: bigint, b: bigint): bigint {
  a = bigAbs(a);
  b = bigAbs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function mathGcd(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("gcd", kwnames);
  if (nargs === 0) return newIntFromBigInt(0n);
  let res = indexBig(args[start]!);
  for (let i = 1; i < nargs; i++) {
    const x = indexBig(args[start + i]!);
    if (res === 1n) continue;
    res = bigGcd(res, x);
  }
  return newIntFromBigInt(bigAbs(res));
}

function mathLcm(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("lcm", kwnames);
  if (nargs === 0) return newIntFromBigInt(1n);
  let res = indexBig(args[start]!);
  for (let i = 1; i < nargs; i++) {
    const x = indexBig(args[start + i]!);
    if (res === 0n) continue;
    res = x === 0n ? 0n : bigAbs((res / bigGcd(res, x)) * x);
  }
  return newIntFromBigInt(bigAbs(res));
}

function isqrtBig(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt((bitLength(n) + 1) >> 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

function mathIsqrt(_m: PyObject, o: PyObject): PyObject {
  const n = indexBig(o);
  if (n < 0n) raise(ValueErrorType, "isqrt() argument must be nonnegative");
  return newIntFromBigInt(isqrtBig(n));
}

const LONG_MAX = 9223372036854775807n;

function mathFactorial(_m: PyObject, o: PyObject): PyObject {
  const n = indexBig(o);
  if (n > LONG_MAX) raise(OverflowErrorType, `factorial() argument should not exceed ${LONG_MAX}`);
  if (n < 0n) raise(ValueErrorType, "factorial() not defined for negative values");
  let r = 1n;
  for (let i = 2n; i <= n; i++) r *= i;
  return newIntFromBigInt(r);
}

function permBig(n: bigint, k: bigint): bigint {
  let r = 1n;
  for (let i = 0n; i < k; i++) r *= n - i;
  return r;
}

function mathComb(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("comb", kwnames);
  checkPositional("comb", nargs, 2, 2);
  const n = indexBig(args[start]!);
  let k = indexBig(args[start + 1]!);
  if (n < 0n) raise(ValueErrorType, "n must be a non-negative integer");
  if (k < 0n) raise(ValueErrorType, "k must be a non-negative integer");
  if (k > n) return newIntFromBigInt(0n);
  if (n - k < k) k = n - k;
  let r = 1n;
  for (let i = 1n; i <= k; i++) r = (r * (n - k + i)) / i;
  return newIntFromBigInt(r);
}

function mathPerm(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("perm", kwnames);
  checkPositional("perm", nargs, 1, 2);
  const n = indexBig(args[start]!);
  const kArg = nargs > 1 ? args[start + 1]! : None;
  if (kArg === None) {
    if (n < 0n) raise(ValueErrorType, "n must be a non-negative integer");
    return mathFactorial(_m, args[start]!);
  }
  const k = indexBig(kArg);
  if (n < 0n) raise(ValueErrorType, "n must be a non-negative integer");
  if (k < 0n) raise(ValueErrorType, "k must be a non-negative integer");
  if (k > n) return newIntFromBigInt(0n);
  return newIntFromBigInt(permBig(n, k));
}

function mathProd(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const parsed = parseArgs("prod", args, start, nargs, kwnames, ["iterable", "start"], 1, 1, 1);
  let result = parsed[1] !== null && parsed[1] !== undefined ? newRef(parsed[1]) : newIntFromBigInt(1n);
  const it = getIter(parsed[0]!);
  try {
    for (let item = iterNext(it); item !== null; item = iterNext(it)) {
      try {
        const next = numberMultiply(result, item);
        decref(result);
        result = next;
      } finally {
        decref(item);
      }
    }
  } catch (e) {
    decref(result);
    throw e;
  } finally {
    decref(it);
  }
  return result;
}

// ---------------------------------------------------------------------------
// fsum: exact summation with partials.

function mathFsum(_m: PyObject, seq: PyObject): PyObject {
  const it = getIter(seq);
  const p: number[] = [];
  let specialSum = 0.0;
  let infSum = 0.0;
  try {
    for (let item = iterNext(it); item !== null; item = iterNext(it)) {
      let x: number;
      try {
        x = asDouble(item);
      } finally {
        decref(item);
      }
      const xsave = x;
      let i = 0;
      for (let j = 0; j < p.length; j++) {
        let y = p[j]!;
        if (Math.abs(x) < Math.abs(y)) {
          const t = x;
          x = y;
          y = t;
        }
        const hi = x + y;
        const lo = y - (hi - x);
        if (lo !== 0.0) p[i++] = lo;
        x = hi;
      }
      p.length = i;
      if (x !== 0.0) {
        if (!Number.isFinite(x)) {
          if (Number.isFinite(xsave)) raise(OverflowErrorType, "intermediate overflow in fsum");
          if (!Number.isNaN(xsave)) infSum += xsave;
          specialSum += xsave;
          p.length = 0;
        } else p.push(x);
      }
    }
  } finally {
    decref(it);
  }
  if (specialSum !== 0.0) {
    if (Number.isNaN(infSum)) raise(ValueErrorType, "-inf + inf in fsum");
    return newFloat(specialSum);
  }
  let hi = 0.0;
  let n = p.length;
  if (n > 0) {
    let lo = 0.0;
    hi = p[--n]!;
    while (n > 0) {
      const x = hi;
      const y = p[--n]!;
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && p[n - 1]! < 0.0) || (lo > 0.0 && p[n - 1]! > 0.0))) {
      const y = lo * 2.0;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return newFloat(hi);
}

// ---------------------------------------------------------------------------
// hypot and dist: vector_norm.

const DBL_MIN = 2.2250738585072014e-308;

function split(x: number): [number, number] {
  const t = x * 134217729.0;
  const hi = t - (t - x);
  return [hi, x - hi];
}

/** Dekker's exact product: hi + lo == x * y. */
function dlMul(x: number, y: number): [number, number] {
  const [xh, xl] = split(x);
  const [yh, yl] = split(y);
  const p = xh * yh;
  const q = xh * yl + xl * yh;
  const z = p + q;
  const zz = p - z + q + xl * yl;
  return [z, zz];
}

function frexpExponent(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return 0;
  return frexp(x)[1];
}

function vectorNorm(vec: number[], max: number, foundNan: boolean): number {
  const n = vec.length;
  if (max === Infinity) return max;
  if (foundNan) return NaN;
  if (max === 0.0 || n <= 1) return max;
  const maxE = frexpExponent(max);
  if (maxE < -1023) {
    for (let i = 0; i < n; i++) vec[i] = vec[i]! / DBL_MIN;
    return DBL_MIN * vectorNorm(vec, max / DBL_MIN, foundNan);
  }
  const scale = ldexpValue(1.0, -maxE);
  let csum = 1.0;
  let frac1 = 0.0;
  let frac2 = 0.0;
  for (let i = 0; i < n; i++) {
    const x = vec[i]! * scale;
    const [prHi, prLo] = dlMul(x, x);
    const smHi = csum + prHi;
    const smLo = csum - smHi + prHi;
    csum = smHi;
    frac1 += prLo;
    frac2 += smLo;
  }
  const h = Math.sqrt(csum - 1.0 + (frac1 + frac2));
  const [prHi, prLo] = dlMul(-h, h);
  const smHi = csum + prHi;
  const smLo = csum - smHi + prHi;
  csum = smHi;
  frac1 += prLo;
  frac2 += smLo;
  const x = csum - 1.0 + (frac1 + frac2);
  return (h + x / (2.0 * h)) / scale;
}

function mathHypot(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("hypot", kwnames);
  const vec: number[] = [];
  let max = 0.0;
  let foundNan = false;
  for (let i = 0; i < nargs; i++) {
    const x = Math.abs(asDouble(args[start + i]!));
    vec.push(x);
    foundNan ||= Number.isNaN(x);
    if (x > max) max = x;
  }
  return newFloat(vectorNorm(vec, max, foundNan));
}

function mathDist(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("dist", kwnames);
  checkPositional("dist", nargs, 2, 2);
  // Non-tuples are converted with tuple(), so any iterable of coordinates works.
  const p = sequenceTuple(args[start]!) as PyTuple;
  let q: PyTuple;
  try {
    q = sequenceTuple(args[start + 1]!) as PyTuple;
  } catch (e) {
    decref(p);
    throw e;
  }
  try {
    const n = p.items.length;
    if (n !== q.items.length) raise(ValueErrorType, "both points must have the same number of dimensions");
    const vec: number[] = [];
    let max = 0.0;
    let foundNan = false;
    for (let i = 0; i < n; i++) {
      const px = asDouble(p.items[i]!);
      const qx = asDouble(q.items[i]!);
      const x = Math.abs(px - qx);
      vec.push(x);
      foundNan ||= Number.isNaN(x);
      if (x > max) max = x;
    }
    return newFloat(vectorNorm(vec, max, foundNan));
  } finally {
    decref(p);
    decref(q);
  }
}

// ---------------------------------------------------------------------------
// Float decomposition.

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** frexp: (m, e) with 0.5 <= |m| < 1, exactly. */
function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  f64[0] = x;
  let e = (u32[1]! >>> 20) & 0x7ff;
  let adjust = 0;
  if (e === 0) {
    // Subnormal: scale into the normal range first.
    f64[0] = x * 2 ** 64;
    e = (u32[1]! >>> 20) & 0x7ff;
    adjust = -64;
  }
  const exp = e - 1022 + adjust;
  u32[1] = (u32[1]! & 0x800fffff) | (1022 << 20);
  return [f64[0]!, exp];
}

function ldexpValue(x: number, e: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  // Steps keep each factor a normal power of two, so only the final product rounds.
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
    if (!Number.isFinite(x)) return x;
  }
  while (e < -1000) {
    if (e - -1000 < -1000 || Math.abs(x) >= 2 ** -20) {
      x *= 2 ** -1000;
      e += 1000;
    } else break;
    if (x === 0) return x;
  }
  if (e < -1000) {
    // Two halves avoid double rounding in the subnormal range as far as possible.
    const h = Math.trunc(e / 2);
    return x * 2 ** h * 2 ** (e - h);
  }
  return x * 2 ** e;
}

function mathLdexp(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("ldexp", kwnames);
  checkPositional("ldexp", nargs, 2, 2);
  const x = asDouble(args[start]!);
  const iObj = args[start + 1]!;
  if (!isInt(iObj)) raise(TypeErrorType, "Expected an int as second argument to ldexp.");
  const ib = intToBigInt(iObj as PyInt);
  if (x === 0 || !Number.isFinite(x)) return newFloat(x);
  if (ib > 100000n) rangeError();
  if (ib < -100000n) return newFloat(x < 0 || Object.is(x, -0) ? -0.0 : 0.0);
  const r = ldexpValue(x, Number(ib));
  if (!Number.isFinite(r)) rangeError();
  return newFloat(r);
}

// ---------------------------------------------------------------------------
// Two-argument float functions.

function twoArgs(name: string, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): [number, number] {
  noKeywords(name, kwnames);
  checkPositional(name, nargs, 2, 2);
  return [asDouble(args[start]!), asDouble(args[start + 1]!)];
}

function mathPow(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const [x, y] = twoArgs("pow", args, start, nargs, kwnames);
  let r: number;
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (Number.isNaN(x)) r = y === 0.0 ? 1.0 : x;
    else if (Number.isNaN(y)) r = x === 1.0 ? 1.0 : y;
    else if (!Number.isFinite(x)) {
      const oddY = Number.isFinite(y) && Math.abs(y) % 2.0 === 1.0;
      if (y > 0) r = oddY ? x : Math.abs(x);
      else if (y === 0) r = 1.0;
      else r = oddY ? (x < 0 ? -0.0 : 0.0) : 0.0;
    } else if (Math.abs(x) === 1.0) r = 1.0;
    else if (y > 0 && Math.abs(x) > 1.0) r = y;
    else if (y < 0 && Math.abs(x) < 1.0) r = -y;
    else r = 0.0;
    return newFloat(r);
  }
  if (x === 1.0 || y === 0.0) return newFloat(1.0);
  r = Math.pow(x, y);
  if (Number.isNaN(r)) domainError();
  if (!Number.isFinite(r)) {
    if (x === 0) domainError();
    rangeError();
  }
  return newFloat(r);
}

function mathFmod(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const [x, y] = twoArgs("fmod", args, start, nargs, kwnames);
  if (!Number.isFinite(y) && !Number.isNaN(y) && Number.isFinite(x)) return newFloat(x);
  const r = x % y;
  if (Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y)) domainError();
  return newFloat(r);
}

function copysign(x: number, y: number): number {
  const neg = y < 0 || Object.is(y, -0) || (Number.isNaN(y) && signBitOfNaN(y));
  const ax = Math.abs(x);
  return neg ? -ax : ax;
}

function signBitOfNaN(y: number): boolean {
  f64[0] = y;
  return (u32[1]! & 0x80000000) !== 0;
}

/** remainder: IEEE 754 remainder, x - n*y with n the nearest integer (ties to even). */
function ieeeRemainder(x: number, y: number): number {
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return y;
  if (!Number.isFinite(x)) return NaN;
  if (!Number.isFinite(y)) return x;
  if (y === 0) return NaN;
  const absx = Math.abs(x);
  const absy = Math.abs(y);
  const m = absx % absy;
  const c = absy - m;
  let r: number;
  if (m < c) r = m;
  else if (m > c) r = -c;
  else {
    // Half-way: choose the even multiple.
    r = m - 2.0 * ((0.5 * (absx - m)) % absy);
  }
  return copysign(1.0, x) * r;
}

function nextAfter(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 5e-324 : -5e-324;
  f64[0] = x;
  let lo = u32[0]!;
  let hi = u32[1]!;
  const up = (y > x) === (x > 0);
  if (up) {
    lo = (lo + 1) >>> 0;
    if (lo === 0) hi = (hi + 1) >>> 0;
  } else {
    if (lo === 0) hi = (hi - 1) >>> 0;
    lo = (lo - 1) >>> 0;
  }
  u32[0] = lo;
  u32[1] = hi;
  return f64[0]!;
}

function ulp(x: number): number {
  if (Number.isNaN(x)) return x;
  x = Math.abs(x);
  if (!Number.isFinite(x)) return x;
  const x2 = nextAfter(x, Infinity);
  if (!Number.isFinite(x2)) return x - nextAfter(x, -Infinity);
  return x2 - x;
}

function mathIsclose(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const parsed = parseArgs("isclose", args, start, nargs, kwnames, ["a", "b", "rel_tol", "abs_tol"], 2, 0, 2);
  const a = asDouble(parsed[0]!);
  const b = asDouble(parsed[1]!);
  const relTol = parsed[2] ? asDouble(parsed[2]) : 1e-9;
  const absTol = parsed[3] ? asDouble(parsed[3]) : 0.0;
  if (relTol < 0.0 || absTol < 0.0) raise(ValueErrorType, "tolerances must be non-negative");
  if (a === b) return newBool(true);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return newBool(false);
  const diff = Math.abs(b - a);
  return newBool((diff <= Math.abs(relTol * b)) || (diff <= Math.abs(relTol * a)) || diff <= absTol);
}

// ---------------------------------------------------------------------------
// The table.

function one(name: string, fn: (x: number) => number, canOverflow: boolean, doc: string): MethodDef {
  return { name, kind: "o", fn: (_m, x) => math1(x, fn, canOverflow), doc };
}

function two(name: string, fn: (x: number, y: number) => number, doc: string): MethodDef {
  return {
    name,
    kind: "fastcall",
    fn: (_m, args, start, nargs, kwnames) => {
      const [x, y] = twoArgs(name, args, start, nargs, kwnames);
      const r = fn(x, y);
      if (Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y)) domainError();
      return newFloat(r);
    },
    doc,
  };
}

const degToRad = Math.PI / 180.0;
const radToDeg = 180.0 / Math.PI;

export const MATH_METHODS: MethodDef[] = [
  one("acos", Math.acos, false, "Return the arc cosine (measured in radians) of x.\n\nThe result is between 0 and pi."),
  one("acosh", Math.acosh, false, "Return the inverse hyperbolic cosine of x."),
  one("asin", Math.asin, false, "Return the arc sine (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2."),
  one("asinh", Math.asinh, false, "Return the inverse hyperbolic sine of x."),
  one("atan", Math.atan, false, "Return the arc tangent (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2."),
  two("atan2", Math.atan2, "Return the arc tangent (measured in radians) of y/x.\n\nUnlike atan(y/x), the signs of both x and y are considered."),
  one("atanh", Math.atanh, false, "Return the inverse hyperbolic tangent of x."),
  one("cbrt", Math.cbrt, false, "Return the cube root of x."),
  { name: "ceil", kind: "o", fn: roundingFunction("__ceil__", Math.ceil), doc: "Return the ceiling of x as an Integral.\n\nThis is the smallest integer >= x." },
  two("copysign", copysign, "Return a float with the magnitude (absolute value) of x but the sign of y.\n\nOn platforms that support signed zeros, copysign(1.0, -0.0)\nreturns -1.0.\n"),
  one("cos", Math.cos, false, "Return the cosine of x (measured in radians)."),
  one("cosh", Math.cosh, true, "Return the hyperbolic cosine of x."),
  { name: "degrees", kind: "o", fn: (_m, x) => newFloat(asDouble(x) * radToDeg), doc: "Convert angle x from radians to degrees." },
  { name: "dist", kind: "fastcall", fn: mathDist, doc: "Return the Euclidean distance between two points p and q." },
  one("exp", Math.exp, true, "Return e raised to the power of x."),
  one("exp2", (x) => Math.pow(2, x), true, "Return 2 raised to the power of x."),
  one("expm1", Math.expm1, true, "Return exp(x)-1.\n\nThis function avoids the loss of precision involved in the direct evaluation of exp(x)-1 for small x."),
  one("fabs", Math.abs, false, "Return the absolute value of the float x."),
  { name: "factorial", kind: "o", fn: mathFactorial, doc: "Find n!.\n\nRaise a ValueError if x is negative or non-integral." },
  { name: "floor", kind: "o", fn: roundingFunction("__floor__", Math.floor), doc: "Return the floor of x as an Integral.\n\nThis is the largest integer <= x." },
  { name: "fmod", kind: "fastcall", fn: mathFmod, doc: "Return fmod(x, y), according to platform C.\n\nx % y may differ." },
  {
    name: "frexp",
    kind: "o",
    fn: (_m, x) => {
      const [m, e] = frexp(asDouble(x));
      return tupleFromOwned([newFloat(m), newIntFromBigInt(BigInt(e))]);
    },
    doc: "Return the mantissa and exponent of x, as pair (m, e).\n\nm is a float and e is an int, such that x = m * 2.**e.\nIf x is 0, m and e are both 0.  Else 0.5 <= abs(m) < 1.0.",
  },
  { name: "fsum", kind: "o", fn: mathFsum, doc: "Return an accurate floating point sum of values in the iterable seq.\n\nAssumes IEEE-754 floating point arithmetic." },
  { name: "gcd", kind: "fastcall", fn: mathGcd, doc: "Greatest Common Divisor." },
  { name: "hypot", kind: "fastcall", fn: mathHypot, doc: "hypot(*coordinates) -> value\n\nMultidimensional Euclidean distance from the origin to a point." },
  { name: "isclose", kind: "fastcall", fn: mathIsclose, doc: "Determine whether two floating point numbers are close in value." },
  { name: "isfinite", kind: "o", fn: (_m, x) => newBool(Number.isFinite(asDouble(x))), doc: "Return True if x is neither an infinity nor a NaN, and False otherwise." },
  { name: "isinf", kind: "o", fn: (_m, x) => { const v = asDouble(x); return newBool(v === Infinity || v === -Infinity); }, doc: "Return True if x is a positive or negative infinity, and False otherwise." },
  { name: "isnan", kind: "o", fn: (_m, x) => newBool(Number.isNaN(asDouble(x))), doc: "Return True if x is a NaN (not a number), and False otherwise." },
  { name: "isqrt", kind: "o", fn: mathIsqrt, doc: "Return the integer part of the square root of the input." },
  { name: "lcm", kind: "fastcall", fn: mathLcm, doc: "Least Common Multiple." },
  { name: "ldexp", kind: "fastcall", fn: mathLdexp, doc: "Return x * (2**i).\n\nThis is essentially the inverse of frexp()." },
  { name: "log", kind: "fastcall", fn: mathLog, doc: "log(x, [base=math.e])\nReturn the logarithm of x to the given base.\n\nIf the base not specified, returns the natural logarithm (base e) of x." },
  one("log1p", Math.log1p, false, "Return the natural logarithm of 1+x (base e).\n\nThe result is computed in a way which is accurate for x near zero."),
  { name: "log10", kind: "o", fn: (_m, x) => newFloat(logHelper(x, mLog10)), doc: "Return the base 10 logarithm of x." },
  { name: "log2", kind: "o", fn: (_m, x) => newFloat(logHelper(x, mLog2)), doc: "Return the base 2 logarithm of x." },
  {
    name: "modf",
    kind: "o",
    fn: (_m, arg) => {
      const x = asDouble(arg);
      if (!Number.isFinite(x)) {
        if (Number.isNaN(x)) return tupleFromOwned([newFloat(x), newFloat(x)]);
        return tupleFromOwned([newFloat(x < 0 ? -0.0 : 0.0), newFloat(x)]);
      }
      const ip = Math.trunc(x);
      const fp = x - ip;
      return tupleFromOwned([newFloat(fp === 0 ? copysign(0, x) : fp), newFloat(ip === 0 ? copysign(0, x) : ip)]);
    },
    doc: "Return the fractional and integer parts of x.\n\nBoth results carry the sign of x and are floats.",
  },
  { name: "pow", kind: "fastcall", fn: mathPow, doc: "Return x**y (x to the power of y)." },
  { name: "radians", kind: "o", fn: (_m, x) => newFloat(asDouble(x) * degToRad), doc: "Convert angle x from degrees to radians." },
  two("remainder", ieeeRemainder, "Difference between x and the closest integer multiple of y.\n\nReturn x - n*y where n*y is the closest integer multiple of y.\nIn the case where x is exactly halfway between two multiples of\ny, the nearest even value of n is used. The result is always exact."),
  one("sin", Math.sin, false, "Return the sine of x (measured in radians)."),
  one("sinh", Math.sinh, true, "Return the hyperbolic sine of x."),
  one("sqrt", Math.sqrt, false, "Return the square root of x."),
  one("tan", Math.tan, false, "Return the tangent of x (measured in radians)."),
  one("tanh", Math.tanh, false, "Return the hyperbolic tangent of x."),
  { name: "trunc", kind: "o", fn: mathTrunc, doc: "Truncates the Real x to the nearest Integral toward 0.\n\nUses the __trunc__ magic method." },
  { name: "prod", kind: "fastcall", fn: mathProd, doc: "Calculate the product of all the elements in the input iterable.\n\nThe default start value for the product is 1.\n\nWhen the iterable is empty, return the start value.  This function is\nintended specifically for use with numeric values and may reject\nnon-numeric types." },
  { name: "perm", kind: "fastcall", fn: mathPerm, doc: "Number of ways to choose k items from n items without repetition and with order." },
  { name: "comb", kind: "fastcall", fn: mathComb, doc: "Number of ways to choose k items from n items without repetition and without order." },
  two("nextafter", nextAfter, "Return the next floating-point value after x towards y."),
  { name: "ulp", kind: "o", fn: (_m, x) => newFloat(ulp(asDouble(x))), doc: "Return the value of the least significant bit of the float x." },
];

const MATH_DOC = "This module provides access to the mathematical functions\ndefined by the C standard.";

/** PyInit_math + math_exec */
export function initMathModule(): PyObject {
  const m = newModule("math", "built-in");
  const d = m.dict!;
  const doc = newStr(MATH_DOC);
  dictSetItem(d, staticStr("__doc__"), doc);
  decref(doc);
  const moduleName = newStr("math");
  for (const def of MATH_METHODS) {
    const f = newCFunction(def, m, moduleName);
    dictSetItem(d, staticStr(def.name), f);
    decref(f);
  }
  decref(moduleName);
  const constants: [string, number][] = [["pi", Math.PI], ["e", Math.E], ["tau", 2 * Math.PI], ["inf", Infinity], ["nan", NaN]];
  for (const [name, value] of constants) {
    const v = newFloat(value);
    dictSetItem(d, staticStr(name), v);
    decref(v);
  }
  return m;
}

registerBuiltinModule("math", initMathModule);
