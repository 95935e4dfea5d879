// Python/ast_opt.c (3.11: safe_multiply, safe_power, safe_lshift, safe_mod, fold_binop,
// fold_unaryop, fold_subscr) with the number semantics they call into: Objects/longobject.c,
// floatobject.c (float_div_mod, float_rem, float_pow), complexobject.c (_Py_c_quot, _Py_c_pow,
// c_powi), unicodeobject.c / bytesobject.c / tupleobject.c (concat, repeat, item).
//
// Every function returns the folded constant, or null where CPython's operation raises (or the
// safety limits refuse): the AST optimiser then leaves the expression alone, exactly as
// make_const does when it clears the error.

import type { Operator, UnaryOpKind } from "../ast.js";
import { C_FALSE, C_TRUE, cBool, cFloat, constIsTrue, type CVal } from "./consts.js";

const MAX_INT_SIZE = 128; // bits
const MAX_COLLECTION_SIZE = 256; // items
const MAX_STR_SIZE = 4096; // characters
const MAX_TOTAL_ITEMS = 1024; // including nested collections

type Num = { kind: "int"; v: bigint } | { kind: "float"; v: number } | { kind: "complex"; re: number; im: number };

function asNum(c: CVal): Num | null {
  switch (c.kind) {
    case "bool":
      return { kind: "int", v: c.value ? 1n : 0n };
    case "int":
      return { kind: "int", v: c.value };
    case "float":
      return { kind: "float", v: c.value };
    case "complex":
      return { kind: "complex", re: c.real, im: c.imag };
    default:
      return null;
  }
}

function isIntLike(c: CVal): c is CVal & { kind: "int" | "bool" } {
  return c.kind === "int" || c.kind === "bool";
}

function intValue(c: CVal & { kind: "int" | "bool" }): bigint {
  return c.kind === "bool" ? (c.value ? 1n : 0n) : c.value;
}

function mkInt(v: bigint): CVal {
  return { kind: "int", value: v };
}

function mkComplex(re: number, im: number): CVal {
  return { kind: "complex", real: re, imag: im };
}

/** _PyLong_NumBits: bits in |v|. */
function numBits(v: bigint): number {
  if (v < 0n) v = -v;
  return v === 0n ? 0 : v.toString(2).length;
}

/** PyLong_AsDouble: null on OverflowError. */
function intToDouble(v: bigint): number | null {
  const d = Number(v);
  return Number.isFinite(d) ? d : null;
}

function toDouble(n: Num): number | null {
  return n.kind === "int" ? intToDouble(n.v) : n.kind === "float" ? n.v : null;
}

// --- int -----------------------------------------------------------------------------------

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function floorMod(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}

/** long_true_divide: a / b correctly rounded (null on ZeroDivisionError or overflow). */
export function intTrueDivide(a: bigint, b: bigint): number | null {
  if (b === 0n) return null;
  const LIMIT = 1n << 53n;
  const absA = a < 0n ? -a : a;
  const absB = b < 0n ? -b : b;
  if (absA <= LIMIT && absB <= LIMIT) return Number(a) / Number(b);
  const negative = (a < 0n) !== (b < 0n);
  // Scale so the integer quotient has at least 55 bits, keep a sticky bit for the remainder and
  // let Number() round the result to 53 bits (ties to even), then rescale by a power of two.
  const shift = numBits(absB) - numBits(absA) + 55;
  const n = shift >= 0 ? absA << BigInt(shift) : absA;
  const d = shift >= 0 ? absB : absB << BigInt(-shift);
  let q = n / d;
  if (n % d !== 0n) q |= 1n;
  const result = Number(q) * Math.pow(2, -shift);
  if (!Number.isFinite(result)) return null;
  return negative ? -result : result;
}

function intPow(a: bigint, b: bigint): CVal | null {
  if (b < 0n) {
    const x = intToDouble(a);
    const y = intToDouble(b);
    if (x === null || y === null) return null;
    const r = floatPow(x, y);
    return r === null ? null : r;
  }
  return mkInt(a ** b);
}

function intBinary(op: Operator, a: bigint, b: bigint): CVal | null {
  switch (op) {
    case "Add":
      return mkInt(a + b);
    case "Sub":
      return mkInt(a - b);
    case "Mult":
      return mkInt(a * b);
    case "Div": {
      const r = intTrueDivide(a, b);
      return r === null ? null : cFloat(r);
    }
    case "FloorDiv":
      return b === 0n ? null : mkInt(floorDiv(a, b));
    case "Mod":
      return b === 0n ? null : mkInt(floorMod(a, b));
    case "Pow":
      return intPow(a, b);
    case "LShift":
      if (b < 0n) return null;
      if (a === 0n) return mkInt(0n);
      if (b > 1n << 62n) return null; // MemoryError territory
      return mkInt(a << b);
    case "RShift":
      if (b < 0n) return null;
      if (b > 1n << 62n) return mkInt(a < 0n ? -1n : 0n);
      return mkInt(a >> b);
    case "BitOr":
      return mkInt(a | b);
    case "BitXor":
      return mkInt(a ^ b);
    case "BitAnd":
      return mkInt(a & b);
    case "MatMult":
      return null;
  }
}

// --- float ---------------------------------------------------------------------------------

function isOddInteger(x: number): boolean {
  return Number.isFinite(x) && Math.floor(x) === x && Math.abs(x % 2) === 1;
}

/** float_pow (null on ZeroDivisionError/OverflowError; complex results go through complexPow). */
function floatPow(iv: number, iw: number): CVal | null {
  if (iw === 0) return cFloat(1.0);
  if (Number.isNaN(iv)) return cFloat(iv);
  if (Number.isNaN(iw)) return cFloat(iv === 1.0 ? 1.0 : iw);
  if (!Number.isFinite(iw)) {
    const av = Math.abs(iv);
    if (av === 1.0) return cFloat(1.0);
    if ((iw > 0) === (av > 1.0)) return cFloat(Math.abs(iw));
    return cFloat(0.0);
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0) return cFloat(odd ? iv : Math.abs(iv));
    return cFloat(odd ? (iv < 0 ? -0.0 : 0.0) : 0.0);
  }
  if (iv === 0) {
    if (iw < 0) return null;
    return cFloat(isOddInteger(iw) ? iv : 0.0);
  }
  let negate = false;
  if (iv < 0) {
    if (iw !== Math.floor(iw)) return complexPow(iv, 0, iw, 0);
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1.0) return cFloat(negate ? -1.0 : 1.0);
  let ix = Math.pow(iv, iw);
  if (!Number.isFinite(ix)) return null; // ERANGE overflow
  if (negate) ix = -ix;
  return cFloat(ix);
}

/** _float_div_mod: [floordiv, mod]. */
function floatDivMod(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod !== 0) {
    if ((wx < 0) !== (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = wx < 0 || Object.is(wx, -0) ? -0.0 : 0.0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    const q = vx / wx;
    floordiv = q < 0 || Object.is(q, -0) ? -0.0 : 0.0;
  }
  return [floordiv, mod];
}

function floatBinary(op: Operator, a: number, b: number): CVal | null {
  switch (op) {
    case "Add":
      return cFloat(a + b);
    case "Sub":
      return cFloat(a - b);
    case "Mult":
      return cFloat(a * b);
    case "Div":
      return b === 0 ? null : cFloat(a / b);
    case "FloorDiv":
      return b === 0 ? null : cFloat(floatDivMod(a, b)[0]);
    case "Mod": {
      if (b === 0) return null;
      let mod = a % b;
      if (mod !== 0) {
        if ((b < 0) !== (mod < 0)) mod += b;
      } else {
        mod = b < 0 || Object.is(b, -0) ? -0.0 : 0.0;
      }
      return cFloat(mod);
    }
    case "Pow":
      return floatPow(a, b);
    default:
      return null; // bitwise operators are not defined on floats
  }
}

// --- complex -------------------------------------------------------------------------------

type Cx = [number, number];

function cProd(a: Cx, b: Cx): Cx {
  return [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
}

/** _Py_c_quot; null on EDOM (division by zero). */
function cQuot(a: Cx, b: Cx): Cx | null {
  const absBr = Math.abs(b[0]);
  const absBi = Math.abs(b[1]);
  if (absBr >= absBi) {
    if (absBr === 0) return null;
    const ratio = b[1] / b[0];
    const denom = b[0] + b[1] * ratio;
    return [(a[0] + a[1] * ratio) / denom, (a[1] - a[0] * ratio) / denom];
  }
  if (absBi >= absBr) {
    const ratio = b[0] / b[1];
    const denom = b[0] * ratio + b[1];
    return [(a[0] * ratio + a[1]) / denom, (a[1] * ratio - a[0]) / denom];
  }
  return [NaN, NaN];
}

/** _Py_c_pow; null on EDOM. */
function cPow(a: Cx, b: Cx): Cx | null {
  if (b[0] === 0 && b[1] === 0) return [1, 0];
  if (a[0] === 0 && a[1] === 0) {
    if (b[1] !== 0 || b[0] < 0) return null;
    return [0, 0];
  }
  const vabs = Math.hypot(a[0], a[1]);
  let len = Math.pow(vabs, b[0]);
  const at = Math.atan2(a[1], a[0]);
  let phase = at * b[0];
  if (b[1] !== 0) {
    len /= Math.exp(at * b[1]);
    phase += b[1] * Math.log(vabs);
  }
  return [len * Math.cos(phase), len * Math.sin(phase)];
}

function cPowu(x: Cx, n: number): Cx {
  let r: Cx = [1, 0];
  let p = x;
  let mask = 1;
  while (mask > 0 && n >= mask) {
    if ((n & mask) !== 0) r = cProd(r, p);
    mask *= 2;
    p = cProd(p, p);
  }
  return r;
}

function cPowi(x: Cx, n: number): Cx | null {
  if (n > 100 || n < -100) return cPow(x, [n, 0]);
  if (n > 0) return cPowu(x, n);
  return cQuot([1, 0], cPowu(x, -n));
}

/** complex_pow */
function complexPow(ar: number, ai: number, br: number, bi: number): CVal | null {
  const intExponent = Math.trunc(br);
  const p = bi === 0 && br === intExponent && Number.isFinite(br) ? cPowi([ar, ai], intExponent) : cPow([ar, ai], [br, bi]);
  if (p === null) return null;
  if (!Number.isFinite(p[0]) && !Number.isNaN(p[0])) return null;
  if (!Number.isFinite(p[1]) && !Number.isNaN(p[1])) return null;
  return mkComplex(p[0], p[1]);
}

function complexBinary(op: Operator, a: Cx, b: Cx): CVal | null {
  switch (op) {
    case "Add":
      return mkComplex(a[0] + b[0], a[1] + b[1]);
    case "Sub":
      return mkComplex(a[0] - b[0], a[1] - b[1]);
    case "Mult": {
      const r = cProd(a, b);
      return mkComplex(r[0], r[1]);
    }
    case "Div": {
      const r = cQuot(a, b);
      return r === null ? null : mkComplex(r[0], r[1]);
    }
    case "Pow":
      return complexPow(a[0], a[1], b[0], b[1]);
    default:
      return null;
  }
}

function numberBinary(op: Operator, x: Num, y: Num): CVal | null {
  if (x.kind === "int" && y.kind === "int") return intBinary(op, x.v, y.v);
  if (x.kind === "complex" || y.kind === "complex") {
    const a: Cx | null = x.kind === "complex" ? [x.re, x.im] : ((d) => (d === null ? null : ([d, 0] as Cx)))(toDouble(x));
    const b: Cx | null = y.kind === "complex" ? [y.re, y.im] : ((d) => (d === null ? null : ([d, 0] as Cx)))(toDouble(y));
    if (a === null || b === null) return null;
    return complexBinary(op, a, b);
  }
  const a = toDouble(x);
  const b = toDouble(y);
  if (a === null || b === null) return null;
  return floatBinary(op, a, b);
}

// --- sequences -----------------------------------------------------------------------------

/** Number of code points (PyUnicode_GET_LENGTH). */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function checkComplexity(obj: CVal, limit: number): number {
  if (obj.kind === "tuple" || obj.kind === "frozenset") {
    limit -= obj.items.length;
    for (let i = 0; limit >= 0 && i < obj.items.length; i++) limit = checkComplexity(obj.items[i]!, limit);
  }
  return limit;
}

/** The repeat count of seq * n, or null when it does not fit a Py_ssize_t. */
function repeatCount(n: bigint): number | null {
  if (n > 0x7fffffffffffffffn || n < -0x8000000000000000n) return null;
  return n <= 0n ? 0 : Number(n);
}

function sequenceRepeat(seq: CVal, n: bigint): CVal | null {
  const count = repeatCount(n);
  if (count === null) return null;
  switch (seq.kind) {
    case "str":
      if (count > 0 && seq.value.length * count > 0x1fffffff) return null;
      return { kind: "str", value: seq.value.repeat(count) };
    case "bytes": {
      if (count > 0 && seq.value.length * count > 0x1fffffff) return null;
      const out = new Uint8Array(seq.value.length * count);
      for (let i = 0; i < count; i++) out.set(seq.value, i * seq.value.length);
      return { kind: "bytes", value: out };
    }
    case "tuple": {
      if (count > 0 && seq.items.length * count > 0x1fffffff) return null;
      const items: CVal[] = [];
      for (let i = 0; i < count; i++) items.push(...seq.items);
      return { kind: "tuple", items };
    }
    default:
      return null;
  }
}

/** safe_multiply */
function safeMultiply(v: CVal, w: CVal): CVal | null {
  if (isIntLike(v) && isIntLike(w)) {
    const a = intValue(v);
    const b = intValue(w);
    if (a !== 0n && b !== 0n && numBits(a) + numBits(b) > MAX_INT_SIZE) return null;
  } else if (isIntLike(v) && (w.kind === "tuple" || w.kind === "frozenset")) {
    const size = w.items.length;
    if (size > 0) {
      const n = intValue(v);
      if (n < 0n || n > BigInt(Math.floor(MAX_COLLECTION_SIZE / size))) return null;
      if (n !== 0n && checkComplexity(w, Math.floor(MAX_TOTAL_ITEMS / Number(n))) < 0) return null;
    }
  } else if (isIntLike(v) && (w.kind === "str" || w.kind === "bytes")) {
    const size = w.kind === "str" ? codePointLength(w.value) : w.value.length;
    if (size > 0) {
      const n = intValue(v);
      if (n < 0n || n > BigInt(Math.floor(MAX_STR_SIZE / size))) return null;
    }
  } else if (isIntLike(w) && (v.kind === "tuple" || v.kind === "frozenset" || v.kind === "str" || v.kind === "bytes")) {
    return safeMultiply(w, v);
  }
  return multiply(v, w);
}

/** PyNumber_Multiply on constants. */
function multiply(v: CVal, w: CVal): CVal | null {
  if (isIntLike(v) && (w.kind === "str" || w.kind === "bytes" || w.kind === "tuple")) return sequenceRepeat(w, intValue(v));
  if (isIntLike(w) && (v.kind === "str" || v.kind === "bytes" || v.kind === "tuple")) return sequenceRepeat(v, intValue(w));
  const x = asNum(v);
  const y = asNum(w);
  if (x === null || y === null) return null;
  return numberBinary("Mult", x, y);
}

/** safe_power */
function safePower(v: CVal, w: CVal): CVal | null {
  if (isIntLike(v) && isIntLike(w)) {
    const a = intValue(v);
    const b = intValue(w);
    if (a !== 0n && b > 0n) {
      if (b > 0xffffffffffffffffn) return null;
      if (BigInt(numBits(a)) > BigInt(MAX_INT_SIZE) / b) return null;
    }
  }
  const x = asNum(v);
  const y = asNum(w);
  if (x === null || y === null) return null;
  return numberBinary("Pow", x, y);
}

/** safe_lshift */
function safeLshift(v: CVal, w: CVal): CVal | null {
  if (isIntLike(v) && isIntLike(w)) {
    const a = intValue(v);
    const b = intValue(w);
    if (a !== 0n && b !== 0n) {
      if (b < 0n) return null;
      const vbits = numBits(a);
      if (b > BigInt(MAX_INT_SIZE) || vbits > MAX_INT_SIZE - Number(b)) return null;
    }
  }
  return arithmetic("LShift", v, w);
}

function concat(v: CVal, w: CVal): CVal | null {
  if (v.kind === "str" && w.kind === "str") return { kind: "str", value: v.value + w.value };
  if (v.kind === "bytes" && w.kind === "bytes") {
    const out = new Uint8Array(v.value.length + w.value.length);
    out.set(v.value, 0);
    out.set(w.value, v.value.length);
    return { kind: "bytes", value: out };
  }
  if (v.kind === "tuple" && w.kind === "tuple") return { kind: "tuple", items: [...v.items, ...w.items] };
  return null;
}

/** Arithmetic and bitwise operators on numbers (bool & bool stays a bool). */
function arithmetic(op: Operator, v: CVal, w: CVal): CVal | null {
  if (v.kind === "bool" && w.kind === "bool" && (op === "BitAnd" || op === "BitOr" || op === "BitXor")) {
    const r = op === "BitAnd" ? v.value && w.value : op === "BitOr" ? v.value || w.value : v.value !== w.value;
    return cBool(r);
  }
  if (op === "Add") {
    const c = concat(v, w);
    if (c !== null) return c;
  }
  const x = asNum(v);
  const y = asNum(w);
  if (x === null || y === null) return null;
  if ((op === "LShift" || op === "RShift" || op === "BitAnd" || op === "BitOr" || op === "BitXor") && (x.kind !== "int" || y.kind !== "int")) {
    return null;
  }
  return numberBinary(op, x, y);
}

/** fold_binop's operation for one operator (null: leave the expression unfolded). */
export function foldBinary(op: Operator, lv: CVal, rv: CVal): CVal | null {
  switch (op) {
    case "Mult":
      return safeMultiply(lv, rv);
    case "Mod":
      if (lv.kind === "str" || lv.kind === "bytes") return null; // safe_mod: keep %-formatting at run time
      return arithmetic(op, lv, rv);
    case "Pow":
      return safePower(lv, rv);
    case "LShift":
      return safeLshift(lv, rv);
    case "MatMult":
      return null;
    default:
      return arithmetic(op, lv, rv);
  }
}

/** fold_unaryop on a constant operand. */
export function foldUnary(op: UnaryOpKind, v: CVal): CVal | null {
  if (op === "Not") return constIsTrue(v) ? C_FALSE : C_TRUE;
  const n = asNum(v);
  if (n === null) return null;
  switch (op) {
    case "USub":
      if (n.kind === "int") return mkInt(-n.v);
      if (n.kind === "float") return cFloat(-n.v);
      return mkComplex(-n.re, -n.im);
    case "UAdd":
      if (n.kind === "int") return mkInt(n.v);
      if (n.kind === "float") return cFloat(n.v);
      return mkComplex(n.re, n.im);
    case "Invert":
      return n.kind === "int" ? mkInt(~n.v) : null;
  }
}

/** PyObject_GetItem on constants with an integer index (fold_subscr). */
export function foldSubscript(value: CVal, index: CVal): CVal | null {
  if (!isIntLike(index)) return null;
  const i = intValue(index);
  let length: number;
  switch (value.kind) {
    case "str": {
      const cps = Array.from(value.value);
      length = cps.length;
      const k = normalizeIndex(i, length);
      return k === null ? null : { kind: "str", value: cps[k]! };
    }
    case "bytes": {
      length = value.value.length;
      const k = normalizeIndex(i, length);
      return k === null ? null : mkInt(BigInt(value.value[k]!));
    }
    case "tuple": {
      length = value.items.length;
      const k = normalizeIndex(i, length);
      return k === null ? null : value.items[k]!;
    }
    default:
      return null;
  }
}

function normalizeIndex(i: bigint, length: number): number | null {
  const n = BigInt(length);
  const k = i < 0n ? i + n : i;
  return k < 0n || k >= n ? null : Number(k);
}

// --- frozenset construction ----------------------------------------------------------------

/** Python == between two hashable constants (for de-duplicating frozenset items). */
export function constEquals(a: CVal, b: CVal): boolean {
  if (a === b) return true;
  const x = asNum(a);
  const y = asNum(b);
  if (x !== null && y !== null) {
    const [xr, xi] = x.kind === "complex" ? [x.re, x.im] : [x.kind === "int" ? null : x.v, 0];
    const [yr, yi] = y.kind === "complex" ? [y.re, y.im] : [y.kind === "int" ? null : y.v, 0];
    if (x.kind === "int" && y.kind === "int") return x.v === y.v;
    if (xi !== yi) return false;
    if (x.kind === "int") return Number.isInteger(yr!) && BigInt(yr!) === x.v;
    if (y.kind === "int") return Number.isInteger(xr!) && BigInt(xr!) === y.v;
    return xr === yr;
  }
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case "None":
    case "Ellipsis":
      return true;
    case "str":
      return a.value === (b as typeof a).value;
    case "bytes": {
      const bv = (b as typeof a).value;
      return a.value.length === bv.length && a.value.every((x, i) => x === bv[i]);
    }
    case "tuple": {
      const bi = (b as typeof a).items;
      return a.items.length === bi.length && a.items.every((x, i) => constEquals(x, bi[i]!));
    }
    case "frozenset": {
      const bi = (b as typeof a).items;
      return a.items.length === bi.length && a.items.every((x) => bi.some((y) => constEquals(x, y)));
    }
    case "code":
      return false;
    default:
      return false;
  }
}

/** PyFrozenSet_New over constant items: duplicates dropped, the first of equal items kept. */
export function makeFrozenset(items: readonly CVal[]): CVal {
  const kept: CVal[] = [];
  for (const item of items) if (!kept.some((k) => constEquals(k, item))) kept.push(item);
  return { kind: "frozenset", items: kept };
}
