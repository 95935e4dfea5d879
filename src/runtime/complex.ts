// Objects/complexobject.c: PyComplex_Type (sizeof(PyComplexObject) = 32), complex_repr,
// complex_hash, complex_richcompare, complex_add / sub / mul / div (_Py_c_quot), complex_pow
// (c_powi, c_powu, _Py_c_pow), complex_neg / pos / abs / bool, complex_new (numbers and
// strings), conjugate, __complex__, __getnewargs__, __format__, real / imag.

import { PyObject } from "./object.js";
import { allocObject, allocGCObject, freeObject, freeGCObject } from "./heap.js";
import { gcTrack } from "./gcstate.js";
import { decref, newRef } from "./refcount.js";
import { PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE, CMP_EQ, CMP_NE } from "./type.js";
import { newStaticType, readyType, staticTypeSpec } from "./typeroots.js";
import type { MethodDef, GetSetDef } from "./methoddef.js";
import type { PyTuple } from "./tuple.js";
import { tupleFromOwned } from "./tuple.js";
import { dictEntry, dictNext, type PyDict } from "./dict.js";
import { hashComplex } from "./values/pyhash.js";
import { doubleToString, parseFloat as parseFloatText } from "./values/floatrepr.js";
import { parseFormatSpec, formatFloatSpec } from "./values/formatspec.js";
import { None, NotImplemented } from "./singletons.js";
import { OverflowErrorType, TypeErrorType, ValueErrorType, ZeroDivisionErrorType, raise } from "./exceptions.js";
import { newStr, newStrKnown, isStr, type PyStr } from "./str.js";
import { newBool, isInt, intAsDouble, type PyInt } from "./int.js";
import { newFloat, isFloat, type PyFloat } from "./float.js";
import { compareFloatInt } from "./floatops.js";
import { rethrowValueError } from "./valueraise.js";
import { objectStr, callNoArgs } from "./abstract.js";
import { lookupSpecial } from "./typeobject.js";
import { staticStr } from "./str.js";

/** sizeof(PyComplexObject) */
export const COMPLEX_SIZE = 32;

export class PyComplex extends PyObject {
  real: number;
  imag: number;
  constructor(type: PyType, real: number, imag: number) {
    super(type);
    this.real = real;
    this.imag = imag;
  }
}

export const ComplexType = newStaticType("complex", COMPLEX_SIZE, 0, TPFLAGS_BASETYPE);
ComplexType.doc =
  "Create a complex number from a real part and an optional imaginary part.\n\nThis is equivalent to (real + imag*1j) where imag defaults to 0.";

function complexDealloc(self: PyObject): void {
  if ((self.type.flags & TPFLAGS_HAVE_GC) !== 0) freeGCObject(self);
  else freeObject(self);
}
ComplexType.dealloc = complexDealloc;

/** PyComplex_FromDoubles (new reference). */
export function newComplex(real: number, imag: number): PyComplex {
  const c = new PyComplex(ComplexType, real, imag);
  allocObject(c, COMPLEX_SIZE);
  return c;
}

function newComplexOfType(type: PyType, real: number, imag: number): PyComplex {
  if (type === ComplexType) return newComplex(real, imag);
  const c = new PyComplex(type, real, imag);
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) type.refcnt++;
  if ((type.flags & TPFLAGS_HAVE_GC) !== 0) {
    allocGCObject(c, type.basicsize);
    gcTrack(c);
  } else {
    allocObject(c, type.basicsize);
  }
  return c;
}

export function isComplex(o: PyObject): o is PyComplex {
  return o.type === ComplexType || o.type.isSubtypeOf(ComplexType);
}

// to_complex: operands of mixed arithmetic.
let opReal = 0;
let opImag = 0;

function toComplex(o: PyObject): boolean {
  if (isComplex(o)) {
    opReal = o.real;
    opImag = o.imag;
    return true;
  }
  if (isInt(o)) {
    opReal = intAsDouble(o);
    opImag = 0;
    return true;
  }
  if (isFloat(o)) {
    opReal = o.value;
    opImag = 0;
    return true;
  }
  return false;
}

function notImplemented(): PyObject {
  return newRef(NotImplemented);
}

// Results of the C-level helpers.
let rReal = 0;
let rImag = 0;
let domainError = false;

function cProd(ar: number, ai: number, br: number, bi: number): void {
  rReal = ar * br - ai * bi;
  rImag = ar * bi + ai * br;
}

/** _Py_c_quot: Smith's algorithm; a zero divisor sets domainError. */
function cQuot(ar: number, ai: number, br: number, bi: number): void {
  const absBr = br < 0 ? -br : br;
  const absBi = bi < 0 ? -bi : bi;
  if (absBr >= absBi) {
    if (absBr === 0) {
      domainError = true;
      rReal = rImag = 0;
    } else {
      const ratio = bi / br;
      const denom = br + bi * ratio;
      rReal = (ar + ai * ratio) / denom;
      rImag = (ai - ar * ratio) / denom;
    }
  } else if (absBi >= absBr) {
    const ratio = br / bi;
    const denom = br * ratio + bi;
    rReal = (ar * ratio + ai) / denom;
    rImag = (ai * ratio - ar) / denom;
  } else {
    rReal = rImag = NaN;
  }
}

/** _Py_c_pow */
function cPow(ar: number, ai: number, br: number, bi: number): void {
  if (br === 0 && bi === 0) {
    rReal = 1;
    rImag = 0;
  } else if (ar === 0 && ai === 0) {
    if (bi !== 0 || br < 0) domainError = true;
    rReal = 0;
    rImag = 0;
  } else {
    const vabs = Math.hypot(ar, ai);
    let len = Math.pow(vabs, br);
    const at = Math.atan2(ai, ar);
    let phase = at * br;
    if (bi !== 0) {
      len /= Math.exp(at * bi);
      phase += bi * Math.log(vabs);
    }
    rReal = len * Math.cos(phase);
    rImag = len * Math.sin(phase);
  }
}

/** c_powu: binary powering by repeated products. */
function cPowu(xr: number, xi: number, n: number): void {
  let accR = 1, accI = 0, pR = xr, pI = xi;
  let mask = 1;
  while (mask > 0 && n >= mask) {
    if ((n & mask) !== 0) {
      cProd(accR, accI, pR, pI);
      accR = rReal;
      accI = rImag;
    }
    mask <<= 1;
    cProd(pR, pI, pR, pI);
    pR = rReal;
    pI = rImag;
  }
  rReal = accR;
  rImag = accI;
}

function cPowi(xr: number, xi: number, n: number): void {
  if (n > 100 || n < -100) {
    cPow(xr, xi, n, 0);
  } else if (n > 0) {
    cPowu(xr, xi, n);
  } else {
    cPowu(xr, xi, -n);
    cQuot(1, 0, rReal, rImag);
  }
}

/** complex_pow on values (float_pow hands negative bases with fractional exponents here). */
export function complexPowValues(ar: number, ai: number, br: number, bi: number): PyObject {
  domainError = false;
  const intExponent = Math.trunc(br);
  if (bi === 0 && br === intExponent && Math.abs(br) < 2 ** 31) cPowi(ar, ai, intExponent);
  else cPow(ar, ai, br, bi);
  if (domainError) raise(ZeroDivisionErrorType, "0.0 to a negative or complex power");
  // _Py_ADJUST_ERANGE2: an infinite component means ERANGE, whatever the inputs were.
  if (rReal === Infinity || rReal === -Infinity || rImag === Infinity || rImag === -Infinity) {
    raise(OverflowErrorType, "complex exponentiation");
  }
  return newComplex(rReal, rImag);
}

function complexAdd(a: PyObject, b: PyObject): PyObject {
  if (!toComplex(a)) return notImplemented();
  const ar = opReal, ai = opImag;
  if (!toComplex(b)) return notImplemented();
  return newComplex(ar + opReal, ai + opImag);
}

function complexSub(a: PyObject, b: PyObject): PyObject {
  if (!toComplex(a)) return notImplemented();
  const ar = opReal, ai = opImag;
  if (!toComplex(b)) return notImplemented();
  return newComplex(ar - opReal, ai - opImag);
}

function complexMul(a: PyObject, b: PyObject): PyObject {
  if (!toComplex(a)) return notImplemented();
  const ar = opReal, ai = opImag;
  if (!toComplex(b)) return notImplemented();
  cProd(ar, ai, opReal, opImag);
  return newComplex(rReal, rImag);
}

function complexDiv(a: PyObject, b: PyObject): PyObject {
  if (!toComplex(a)) return notImplemented();
  const ar = opReal, ai = opImag;
  if (!toComplex(b)) return notImplemented();
  domainError = false;
  cQuot(ar, ai, opReal, opImag);
  if (domainError) raise(ZeroDivisionErrorType, "complex division by zero");
  return newComplex(rReal, rImag);
}

function complexPow(a: PyObject, b: PyObject, c: PyObject): PyObject {
  if (!toComplex(a)) return notImplemented();
  const ar = opReal, ai = opImag;
  if (!toComplex(b)) return notImplemented();
  if (c !== None) raise(ValueErrorType, "complex modulo");
  return complexPowValues(ar, ai, opReal, opImag);
}

function complexNeg(self: PyObject): PyObject {
  const c = self as PyComplex;
  return newComplex(-c.real, -c.imag);
}

function complexPos(self: PyObject): PyObject {
  const c = self as PyComplex;
  if (c.type === ComplexType) return newRef(c);
  return newComplex(c.real, c.imag);
}

function complexAbs(self: PyObject): PyObject {
  const c = self as PyComplex;
  const r = Math.hypot(c.real, c.imag);
  if (r === Infinity && Number.isFinite(c.real) && Number.isFinite(c.imag)) raise(OverflowErrorType, "absolute value too large");
  return newFloat(r);
}

function complexRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (op !== CMP_EQ && op !== CMP_NE) return notImplemented();
  const c = a as PyComplex;
  let equal: boolean;
  if (isInt(b)) {
    equal = c.imag === 0 && compareFloatInt(c.real, b as PyInt) === 0;
  } else if (isFloat(b)) {
    equal = c.real === (b as PyFloat).value && c.imag === 0;
  } else if (isComplex(b)) {
    equal = c.real === b.real && c.imag === b.imag;
  } else {
    return notImplemented();
  }
  return newBool(op === CMP_EQ ? equal : !equal);
}

/** complex_repr: 'r' format without ".0"; parentheses unless the real part is +0. */
export function complexReprText(real: number, imag: number): string {
  if (real === 0 && 1 / real > 0) return doubleToString(imag, "r", 0) + "j";
  return "(" + doubleToString(real, "r", 0) + doubleToString(imag, "r", 0, { sign: true }) + "j)";
}

function complexRepr(self: PyObject): PyObject {
  const c = self as PyComplex;
  const text = complexReprText(c.real, c.imag);
  return newStrKnown(text, 1, true, text.length);
}

// ---------------------------------------------------------------------------
// complex(real=0, imag=0)

/** complex_from_string: '1+2j', '(1-2j)', 'j', '-1.5e3j', with surrounding whitespace. */
function complexFromString(text: string): [number, number] {
  let s = text.trim();
  if (s.startsWith("(") && s.endsWith(")")) s = s.slice(1, -1).trim();
  const bad = (): never => raise(ValueErrorType, "complex() arg is a malformed string");
  if (s === "" || /\s/.test(s)) bad();
  const num = "(?:(?:\\d(?:_?\\d)*)?\\.?(?:\\d(?:_?\\d)*)?(?:[eE][+-]?\\d(?:_?\\d)*)?|inf(?:inity)?|nan)";
  const m = new RegExp(`^([+-]?${num})?(?:([+-]${num}?)?([jJ]))?$`, "i").exec(s);
  if (m === null) bad();
  const parse = (t: string): number => {
    const v = parseFloatText(t);
    if (v === null) bad();
    return v as number;
  };
  const [, first, second, j] = m!;
  if (j === undefined) {
    if (first === undefined || first === "" || first === "+" || first === "-") bad();
    return [parse(first!), 0];
  }
  if (second === undefined) {
    // Only an imaginary part: 'j', '-j', '2j'.
    if (first === undefined || first === "" || first === "+" || first === "-") return [0, first === "-" ? -1 : 1];
    return [0, parse(first)];
  }
  if (first === undefined || first === "") bad();
  const imag = second === "+" || second === "-" ? (second === "-" ? -1 : 1) : parse(second);
  return [parse(first!), imag];
}

/** try_complex_special_method + the number conversions of complex_new. */
function complexParts(o: PyObject, role: "real" | "imag"): [number, number] {
  if (isComplex(o)) return [o.real, o.imag];
  const f = lookupSpecial(o, staticStr("__complex__"));
  if (f !== null) {
    let r: PyObject;
    try {
      r = callNoArgs(f);
    } finally {
      decref(f);
    }
    if (!isComplex(r)) {
      const name = r.type.name;
      decref(r);
      raise(TypeErrorType, `__complex__ returned non-complex (type ${name})`);
    }
    const parts: [number, number] = [r.real, r.imag];
    decref(r);
    return parts;
  }
  if (isFloat(o)) return [o.value, 0];
  if (isInt(o)) return [intAsDouble(o), 0];
  const nbFloat = o.type.nbFloat;
  if (nbFloat !== null || o.type.nbIndex !== null) {
    const fl = nbFloat !== null ? nbFloat(o) : null;
    if (fl !== null) {
      const v = (fl as PyFloat).value;
      decref(fl);
      return [v, 0];
    }
    const idx = o.type.nbIndex!(o);
    const v = intAsDouble(idx as PyInt);
    decref(idx);
    return [v, 0];
  }
  if (role === "real") raise(TypeErrorType, `complex() first argument must be a string or a number, not '${o.type.name}'`);
  raise(TypeErrorType, `complex() second argument must be a number, not '${o.type.name}'`);
}

function complexNew(type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  let r: PyObject | null = args.items.length > 0 ? args.items[0]! : null;
  let i: PyObject | null = args.items.length > 1 ? args.items[1]! : null;
  let total = args.items.length;
  if (kwargs !== null) {
    for (let pos = dictNext(kwargs, 0); pos >= 0; pos = dictNext(kwargs, pos)) {
      const key = (dictEntry.key as PyStr).value;
      total++;
      if (key === "real" && r === null) r = dictEntry.value;
      else if (key === "imag" && i === null) i = dictEntry.value;
      else if (key === "real" || key === "imag") raise(TypeErrorType, `argument for complex() given by name ('${key}') and position (${key === "real" ? 1 : 2})`);
      else raise(TypeErrorType, `complex() got an unexpected keyword argument '${key}'`);
    }
  }
  if (total > 2) raise(TypeErrorType, `complex() takes at most 2 arguments (${total} given)`);
  if (r !== null && isStr(r)) {
    if (i !== null) raise(TypeErrorType, "complex() can't take second arg if first is a string");
    const [re, im] = complexFromString(r.value);
    return newComplexOfType(type, re, im);
  }
  if (i !== null && isStr(i)) raise(TypeErrorType, "complex() second arg can't be a string");
  if (r !== null && i === null && type === ComplexType && r.type === ComplexType) return newRef(r);
  const [rr, ri] = r === null ? [0, 0] : complexParts(r, "real");
  const [ir, ii] = i === null ? [0, 0] : complexParts(i, "imag");
  // (rr + ri*j) + (ir + ii*j)*j
  return newComplexOfType(type, rr - ii, ri + ir);
}

// ---------------------------------------------------------------------------
// Methods.

function complexConjugate(self: PyObject): PyObject {
  const c = self as PyComplex;
  return newComplex(c.real, -c.imag);
}

function complexComplex(self: PyObject): PyObject {
  const c = self as PyComplex;
  if (c.type === ComplexType) return newRef(c);
  return newComplex(c.real, c.imag);
}

function complexGetNewArgs(self: PyObject): PyObject {
  const c = self as PyComplex;
  return tupleFromOwned([newFloat(c.real), newFloat(c.imag)]);
}

/** complex.__format__: the float presentation applied to both parts, padded as a whole. */
function complexFormat(self: PyObject, spec: PyObject): PyObject {
  if (!isStr(spec)) raise(TypeErrorType, `__format__() argument must be str, not ${spec.type.name}`);
  const c = self as PyComplex;
  if (spec.value.length === 0) return objectStr(self);
  let text: string;
  try {
    const f = parseFormatSpec(spec.value, "", ">", "complex");
    if (f.fill === "0" && f.align === "=") raise(ValueErrorType, "Zero padding is not allowed in complex format specifier");
    if (f.align === "=") raise(ValueErrorType, "'=' alignment flag is not allowed in complex format specifier");
    const partSpec = `${f.sign}${f.alternate ? "#" : ""}${f.grouping}${f.precision >= 0 ? "." + f.precision : ""}${f.type}`;
    let body: string;
    if (f.type === "") {
      body = complexReprText(c.real, c.imag);
    } else {
      const re = formatFloatSpec(c.real, partSpec, "complex");
      const imSpec = partSpec.startsWith("+") || partSpec.startsWith(" ") || partSpec.startsWith("-") ? "+" + partSpec.slice(1) : "+" + partSpec;
      body = re + formatFloatSpec(c.imag, imSpec, "complex") + "j";
    }
    const len = [...body].length;
    if (f.width > len) {
      const pad = f.width - len;
      const left = f.align === "<" ? 0 : f.align === "^" ? Math.floor(pad / 2) : pad;
      body = f.fill.repeat(left) + body + f.fill.repeat(pad - left);
    }
    text = body;
  } catch (e) {
    rethrowValueError(e);
  }
  return newStr(text);
}

ComplexType.repr = complexRepr;
ComplexType.hash = (self) => {
  const c = self as PyComplex;
  hashComplex(c.real, c.imag, c.address);
};
ComplexType.richcompare = complexRichCompare;
ComplexType.new_ = complexNew;
ComplexType.nbAdd = complexAdd;
ComplexType.nbSubtract = complexSub;
ComplexType.nbMultiply = complexMul;
ComplexType.nbTrueDivide = complexDiv;
ComplexType.nbPower = complexPow;
ComplexType.nbNegative = complexNeg;
ComplexType.nbPositive = complexPos;
ComplexType.nbAbsolute = complexAbs;
ComplexType.nbBool = (self) => (self as PyComplex).real !== 0 || (self as PyComplex).imag !== 0;

const complexMethods: MethodDef[] = [
  { name: "conjugate", kind: "noargs", fn: complexConjugate, doc: "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j." },
  { name: "__complex__", kind: "noargs", fn: complexComplex, doc: "Convert this value to exact type complex." },
  { name: "__getnewargs__", kind: "noargs", fn: complexGetNewArgs },
  { name: "__format__", kind: "o", fn: complexFormat, doc: "Convert to a string according to format_spec." },
];
const complexGetSets: GetSetDef[] = [
  { name: "real", get: (self) => newFloat((self as PyComplex).real), doc: "the real part of a complex number" },
  { name: "imag", get: (self) => newFloat((self as PyComplex).imag), doc: "the imaginary part of a complex number" },
];
for (const m of complexMethods) staticTypeSpec(ComplexType).methods.push(m);
for (const g of complexGetSets) staticTypeSpec(ComplexType).getsets.push(g);
readyType(ComplexType);
