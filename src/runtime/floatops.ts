// Objects/floatobject.c: float's behaviour: float_richcompare (exact against ints),
// float_add / sub / mul / div, _float_div_mod (float_floor_div, float_rem, float_divmod),
// float_pow, float_neg / abs / float_float / float_bool, float___trunc___impl (nb_int),
// float_repr, float_new_impl (float(x), PyFloat_FromString, PyNumber_Float), and the methods
// conjugate, __trunc__, __floor__, __ceil__, __round__, as_integer_ratio, is_integer, hex,
// fromhex, __getnewargs__, __getformat__, __format__; getsets real and imag.
//
// installFloatSlots is called by float.ts while it loads; it only assigns functions declared
// in this module, so the import cycles through int.ts are harmless.

import { PyObject } from "./object.js";
import { decref, newRef } from "./refcount.js";
import { PyType, CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT } from "./type.js";
import type { StaticTypeSpec } from "./typeroots.js";
import type { MethodDef, GetSetDef } from "./methoddef.js";
import type { PyTuple } from "./tuple.js";
import { tupleFromOwned } from "./tuple.js";
import type { PyDict } from "./dict.js";
import { PyFloat, FloatType, newFloat, newFloatSubtypeInstance, isFloat } from "./float.js";
import { PyInt, isInt, newBool, newInt, newIntFromDouble, newIntFromBigInt, intAsDouble, intToBigInt } from "./int.js";
import { None, NotImplemented } from "./singletons.js";
import {
  OverflowErrorType,
  TypeErrorType,
  ValueErrorType,
  ZeroDivisionErrorType,
  newExceptionFromOwnedArgs,
  raise,
  raiseOwned,
} from "./exceptions.js";
import { newStr, newStrKnown, isStr, type PyStr } from "./str.js";
import { rethrowValueError } from "./valueraise.js";
import {
  floatRepr,
  parseFloat as parseFloatText,
  floatRound,
  floatRoundToIntegral,
  floatToIntegerRatio,
  floatHex,
  floatFromHex,
} from "./values/floatrepr.js";
import { floatParseErrorMessage } from "./values/intformat.js";
import { formatFloatSpec } from "./values/formatspec.js";
import { bytesRepr } from "./values/strmethods.js";
import { numberIndex, objectStr, callObject } from "./abstract.js";
import { isBytes, type PyBytes } from "./bytes.js";
import { isByteArray, byteArrayBytes } from "./bytearray.js";
import { complexPowValues } from "./complex.js";

// Operand conversion (CONVERT_TO_DOUBLE): a float's value, an int converted exactly (or
// OverflowError), or "not a number we handle" (NotImplemented).
let operand = 0;

function toDouble(o: PyObject): boolean {
  if (o.type === FloatType || isFloat(o)) {
    operand = (o as PyFloat).value;
    return true;
  }
  if (isInt(o)) {
    operand = intAsDouble(o);
    return true;
  }
  return false;
}

function notImplemented(): PyObject {
  return newRef(NotImplemented);
}

function floatAdd(a: PyObject, b: PyObject): PyObject {
  if (!toDouble(a)) return notImplemented();
  const x = operand;
  if (!toDouble(b)) return notImplemented();
  return newFloat(x + operand);
}

function floatSub(a: PyObject, b: PyObject): PyObject {
  if (!toDouble(a)) return notImplemented();
  const x = operand;
  if (!toDouble(b)) return notImplemented();
  return newFloat(x - operand);
}

function floatMul(a: PyObject, b: PyObject): PyObject {
  if (!toDouble(a)) return notImplemented();
  const x = operand;
  if (!toDouble(b)) return notImplemented();
  return newFloat(x * operand);
}

function floatDiv(a: PyObject, b: PyObject): PyObject {
  if (!toDouble(a)) return notImplemented();
  const x = operand;
  if (!toDouble(b)) return notImplemented();
  if (operand === 0) raise(ZeroDivisionErrorType, "float division by zero");
  return newFloat(x / operand);
}

/** Python's float modulo (float_rem): fmod, then moved to the divisor's sign. */
export function floatModValues(vx: number, wx: number): number {
  let mod = vx % wx;
  if (mod !== 0) {
    if (wx < 0 !== mod < 0) mod += wx;
  } else {
    mod = wx < 0 ? -0 : 0;
  }
  return mod;
}

// _float_div_mod results.
let floorDivResult = 0;
let modResult = 0;

function floatDivMod(vx: number, wx: number): void {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod !== 0) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = wx < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = (vx / wx < 0 || Object.is(vx / wx, -0)) ? -0 : 0;
  }
  floorDivResult = floordiv;
  modResult = mod;
}

function floatFloorDiv(a: PyObject, b: PyObject): PyObject {
  if (!toDouble(a)) return notImplemented();
  const x = operand;
  if (!toDouble(b)) return notImplemented();
  if (operand === 0) raise(ZeroDivisionErrorType, "float floor division by zero");
  floatDivMod(x, operand);
  return newFloat(floorDivResult);
}

function floatRem(a: PyObject, b: PyObject): PyObject {
  if (!toDouble(a)) return notImplemented();
  const x = operand;
  if (!toDouble(b)) return notImplemented();
  if (operand === 0) raise(ZeroDivisionErrorType, "float modulo");
  return newFloat(floatModValues(x, operand));
}

function floatDivmodSlot(a: PyObject, b: PyObject): PyObject {
  if (!toDouble(a)) return notImplemented();
  const x = operand;
  if (!toDouble(b)) return notImplemented();
  if (operand === 0) raise(ZeroDivisionErrorType, "float divmod()");
  floatDivMod(x, operand);
  const d = newFloat(floorDivResult);
  const m = newFloat(modResult);
  return tupleFromOwned([d, m]);
}

function isOddInteger(y: number): boolean {
  return Number.isInteger(y) && Math.abs(y % 2) === 1;
}

/** OverflowError(34, 'Numerical result out of range'): what an ERANGE errno becomes. */
function raiseRangeError(): never {
  raiseOwned(newExceptionFromOwnedArgs(OverflowErrorType, tupleFromOwned([newInt(34), newStr("Numerical result out of range")])));
}

/**
 * float_pow on two doubles (also int ** negative int). Returns a float, or a complex for a
 * negative base with a non-integral exponent.
 */
export function floatPowValues(iv: number, iw: number): PyObject {
  if (iw === 0) return newFloat(1.0);
  if (iv !== iv) return newFloat(iv);
  if (iw !== iw) return newFloat(iv === 1.0 ? 1.0 : iw);
  if (iw === Infinity || iw === -Infinity) {
    const a = Math.abs(iv);
    if (a === 1.0) return newFloat(1.0);
    if (iw > 0 === a > 1.0) return newFloat(Infinity);
    return newFloat(0.0);
  }
  if (iv === Infinity || iv === -Infinity) {
    const odd = isOddInteger(iw);
    if (iw > 0) return newFloat(odd ? iv : Math.abs(iv));
    return newFloat(odd ? (iv < 0 ? -0 : 0) : 0);
  }
  if (iv === 0) {
    const odd = isOddInteger(iw);
    if (iw < 0) raise(ZeroDivisionErrorType, "0.0 cannot be raised to a negative power");
    return newFloat(odd ? iv : 0.0);
  }
  let negate = false;
  if (iv < 0) {
    if (iw !== Math.floor(iw)) return complexPowValues(iv, 0, iw, 0);
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1.0) return newFloat(negate ? -1.0 : 1.0);
  let ix = Math.pow(iv, iw);
  if (ix === Infinity) raiseRangeError();
  if (negate) ix = -ix;
  return newFloat(ix);
}

function floatPow(a: PyObject, b: PyObject, c: PyObject): PyObject {
  if (c !== None) raise(TypeErrorType, "pow() 3rd argument not allowed unless all arguments are integers");
  if (!toDouble(a)) return notImplemented();
  const x = operand;
  if (!toDouble(b)) return notImplemented();
  return floatPowValues(x, operand);
}

function floatNeg(self: PyObject): PyObject {
  return newFloat(-(self as PyFloat).value);
}

/** float_float: an exact float is itself; a subclass instance becomes an exact float. */
function floatFloat(self: PyObject): PyObject {
  if (self.type === FloatType) return newRef(self);
  return newFloat((self as PyFloat).value);
}

function floatAbs(self: PyObject): PyObject {
  return newFloat(Math.abs((self as PyFloat).value));
}

/** float.__trunc__ / nb_int: PyLong_FromDouble of the truncated value. */
function floatTrunc(self: PyObject): PyObject {
  return newIntFromDouble(Math.trunc((self as PyFloat).value));
}

function floatRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  const x = (a as PyFloat).value;
  let c: number; // sign of x - y, or NaN when unordered
  if (isFloat(b)) {
    const y = b.value;
    c = x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
  } else if (isInt(b)) {
    c = compareFloatInt(x, b);
  } else {
    return notImplemented();
  }
  if (c !== c) return newBool(op === CMP_NE);
  switch (op) {
    case CMP_LT: return newBool(c < 0);
    case CMP_LE: return newBool(c <= 0);
    case CMP_EQ: return newBool(c === 0);
    case CMP_NE: return newBool(c !== 0);
    case CMP_GT: return newBool(c > 0);
    default: return newBool(c >= 0);
  }
}

/** Exact comparison of a double with an int: -1, 0, 1, or NaN for a NaN. */
export function compareFloatInt(x: number, i: PyInt): number {
  if (x !== x) return NaN;
  if (i.big === null) {
    const y = i.value; // a safe integer: exactly representable, so double comparison is exact
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (x === Infinity) return 1;
  if (x === -Infinity) return -1;
  const b = i.big;
  // |b| > 2**53: a double below 2**53 in magnitude compares by b's sign; above it every
  // double is an integer and converts exactly.
  if (Math.abs(x) < 9007199254740992) return b > 0n ? -1 : 1;
  const xb = BigInt(x);
  return xb < b ? -1 : xb > b ? 1 : 0;
}

function floatReprSlot(self: PyObject): PyObject {
  const text = floatRepr((self as PyFloat).value);
  return newStrKnown(text, 1, true, text.length);
}

// ---------------------------------------------------------------------------
// float(x)

/** PyFloat_FromString for str text; errors show `errorRepr` (the bytes' repr) when given. */
function floatFromText(text: string, errorRepr: string | null): PyFloat {
  const x = parseFloatText(text);
  if (x === null) {
    if (errorRepr !== null) raise(ValueErrorType, `could not convert string to float: ${errorRepr}`);
    raise(ValueErrorType, floatParseErrorMessage(text));
  }
  return newFloat(x);
}

function floatFromBytes(data: Uint8Array, wrap: (r: string) => string): PyFloat {
  let text = "";
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    text += c < 128 ? String.fromCharCode(c) : "\u0000";
  }
  return floatFromText(text, wrap(bytesRepr(data)));
}

/** PyNumber_Float(o) (new reference to a float). */
export function numberFloat(o: PyObject): PyFloat {
  if (o.type === FloatType) return newRef(o as PyFloat);
  const t = o.type;
  if (t.nbFloat !== null) {
    const r = t.nbFloat(o);
    if (r.type === FloatType) return r as PyFloat;
    if (!isFloat(r)) {
      const name = r.type.name;
      decref(r);
      raise(TypeErrorType, `${t.name.slice(0, 50)}.__float__ returned non-float (type ${name.slice(0, 50)})`);
    }
    // A float subclass: CPython warns (DeprecationWarning) and converts.
    const v = r.value;
    decref(r);
    return newFloat(v);
  }
  if (t.nbIndex !== null) {
    const i = numberIndex(o);
    try {
      return newFloat(intAsDouble(i));
    } finally {
      decref(i);
    }
  }
  if (isFloat(o)) return newFloat(o.value);
  if (isStr(o)) return floatFromText(o.value, null);
  if (isBytes(o)) return floatFromBytes((o as PyBytes).data, (r) => r);
  if (isByteArray(o)) {
    return floatFromBytes(byteArrayBytes(o), (r) => `bytearray(${r})`);
  }
  raise(TypeErrorType, `float() argument must be a string or a real number, not '${t.name}'`);
}

function floatNew(type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  if (type === FloatType && kwargs !== null && kwargs.used !== 0) raise(TypeErrorType, "float() takes no keyword arguments");
  const n = args.items.length;
  if (n > 1) raise(TypeErrorType, `float expected at most 1 argument, got ${n}`);
  const value = n === 0 ? newFloat(0.0) : numberFloat(args.items[0]!);
  if (type === FloatType) return value;
  const x = value.value;
  decref(value);
  return newFloatSubtypeInstance(type, x);
}

/** float_vectorcall: float(x) with no argument tuple built. */
function floatVectorcall(_type: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (kwnames !== null && kwnames.items.length !== 0) raise(TypeErrorType, "float() takes no keyword arguments");
  if (nargs > 1) raise(TypeErrorType, `float expected at most 1 argument, got ${nargs}`);
  return nargs === 0 ? newFloat(0.0) : numberFloat(args[start]!);
}

// ---------------------------------------------------------------------------
// Methods.

function fv(self: PyObject): number {
  return (self as PyFloat).value;
}

function floatFloor(self: PyObject): PyObject {
  return newIntFromDouble(Math.floor(fv(self)));
}

function floatCeil(self: PyObject): PyObject {
  return newIntFromDouble(Math.ceil(fv(self)));
}

function floatRoundMethod(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (kwnames !== null && kwnames.items.length !== 0) raise(TypeErrorType, "__round__() takes no keyword arguments");
  if (nargs > 1) raise(TypeErrorType, `__round__ expected at most 1 argument, got ${nargs}`);
  const x = fv(self);
  if (nargs === 0 || args[start] === None) {
    let r: number;
    try {
      r = floatRoundToIntegral(x);
    } catch (e) {
      rethrowValueError(e);
    }
    return newIntFromDouble(r);
  }
  const nd = numberIndex(args[start]!);
  const b = intToBigInt(nd);
  decref(nd);
  // PyNumber_AsSsize_t(o, NULL) clamps to the ssize_t range.
  const ndigits = b > 100000n ? 100000 : b < -100000n ? -100000 : Number(b);
  let r: number;
  try {
    r = floatRound(x, ndigits);
  } catch (e) {
    rethrowValueError(e);
  }
  return newFloat(r);
}

function floatAsIntegerRatio(self: PyObject): PyObject {
  let ratio: [bigint, bigint];
  try {
    ratio = floatToIntegerRatio(fv(self));
  } catch (e) {
    rethrowValueError(e);
  }
  return tupleFromOwned([newIntFromBigInt(ratio[0]), newIntFromBigInt(ratio[1])]);
}

function floatIsInteger(self: PyObject): PyObject {
  const x = fv(self);
  return newBool(Number.isFinite(x) && Math.floor(x) === x);
}

function floatHexMethod(self: PyObject): PyObject {
  const text = floatHex(fv(self));
  return newStrKnown(text, 1, true, text.length);
}

function floatFromHexMethod(cls: PyObject, arg: PyObject): PyObject {
  if (!isStr(arg)) raise(TypeErrorType, `fromhex() argument must be str, not ${arg.type.name}`);
  let x: number;
  try {
    x = floatFromHex(arg.value);
  } catch (e) {
    rethrowValueError(e);
  }
  const result = newFloat(x);
  if (cls === FloatType) return result;
  try {
    return callObject(cls, [result], 0, 1, null);
  } finally {
    decref(result);
  }
}

function floatGetNewArgs(self: PyObject): PyObject {
  return tupleFromOwned([newFloat(fv(self))]);
}

function floatGetFormat(_cls: PyObject, arg: PyObject): PyObject {
  if (!isStr(arg)) raise(TypeErrorType, `__getformat__() argument must be str, not ${arg.type.name}`);
  if (arg.value !== "double" && arg.value !== "float") {
    raise(ValueErrorType, "__getformat__() argument 1 must be 'double' or 'float'");
  }
  return newStr("IEEE, little-endian");
}

function floatFormat(self: PyObject, spec: PyObject): PyObject {
  if (!isStr(spec)) raise(TypeErrorType, `__format__() argument must be str, not ${spec.type.name}`);
  if ((spec as PyStr).value.length === 0) return objectStr(self);
  let text: string;
  try {
    text = formatFloatSpec(fv(self), (spec as PyStr).value, self.type.name);
  } catch (e) {
    rethrowValueError(e);
  }
  return newStr(text);
}

function floatConjugate(self: PyObject): PyObject {
  return floatFloat(self);
}

/** Installs float's slots, methods and attributes (called by float.ts while it loads). */
export function installFloatSlots(t: PyType, spec: StaticTypeSpec): void {
  t.repr = floatReprSlot;
  t.richcompare = floatRichCompare;
  t.new_ = floatNew;
  t.vectorcall = floatVectorcall;
  t.nbAdd = floatAdd;
  t.nbSubtract = floatSub;
  t.nbMultiply = floatMul;
  t.nbRemainder = floatRem;
  t.nbDivmod = floatDivmodSlot;
  t.nbPower = floatPow;
  t.nbNegative = floatNeg;
  t.nbPositive = floatFloat;
  t.nbAbsolute = floatAbs;
  t.nbInt = floatTrunc;
  t.nbFloat = floatFloat;
  t.nbFloorDivide = floatFloorDiv;
  t.nbTrueDivide = floatDiv;
  const methods: MethodDef[] = [
    { name: "conjugate", kind: "noargs", fn: floatConjugate, doc: "Return self, the complex conjugate of any float." },
    { name: "__trunc__", kind: "noargs", fn: floatTrunc, doc: "Return the Integral closest to x between 0 and x." },
    { name: "__floor__", kind: "noargs", fn: floatFloor, doc: "Return the floor as an Integral." },
    { name: "__ceil__", kind: "noargs", fn: floatCeil, doc: "Return the ceiling as an Integral." },
    { name: "__round__", kind: "fastcall", fn: floatRoundMethod, doc: "Return the Integral closest to x, rounding half toward even.\n\nWhen an argument is passed, work like built-in round(x, ndigits)." },
    { name: "as_integer_ratio", kind: "noargs", fn: floatAsIntegerRatio, doc: "Return integer ratio.\n\nReturn a pair of integers, whose ratio is exactly equal to the original float\nand with a positive denominator.\n\nRaise OverflowError on infinities and a ValueError on NaNs.\n\n>>> (10.0).as_integer_ratio()\n(10, 1)\n>>> (0.0).as_integer_ratio()\n(0, 1)\n>>> (-.25).as_integer_ratio()\n(-1, 4)" },
    { name: "fromhex", kind: "o", fn: floatFromHexMethod, binding: "class", doc: "Create a floating-point number from a hexadecimal string.\n\n>>> float.fromhex('0x1.ffffp10')\n2047.984375\n>>> float.fromhex('-0x1p-1074')\n-5e-324" },
    { name: "hex", kind: "noargs", fn: floatHexMethod, doc: "Return a hexadecimal representation of a floating-point number.\n\n>>> (-0.1).hex()\n'-0x1.999999999999ap-4'\n>>> 3.14159.hex()\n'0x1.921f9f01b866ep+1'" },
    { name: "is_integer", kind: "noargs", fn: floatIsInteger, doc: "Return True if the float is an integer." },
    { name: "__getnewargs__", kind: "noargs", fn: floatGetNewArgs },
    { name: "__getformat__", kind: "o", fn: floatGetFormat, binding: "class", doc: "You probably don't want to use this function." },
    { name: "__format__", kind: "o", fn: floatFormat, doc: "Formats the float according to format_spec." },
  ];
  const getsets: GetSetDef[] = [
    { name: "real", get: floatFloat, doc: "the real part of a complex number" },
    { name: "imag", get: () => newFloat(0.0), doc: "the imaginary part of a complex number" },
  ];
  for (const m of methods) spec.methods.push(m);
  for (const g of getsets) spec.getsets.push(g);
}

