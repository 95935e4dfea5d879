// Objects/longobject.c: PyLong_Type, the small-int cache (_PyLong_SMALL_INTS),
// PyLong_FromLong / PyLong_FromSsize_t / _PyLong_New / _PyLong_FromMedium, long_dealloc,
// long_hash, long_richcompare, int___sizeof___impl.
//
// Representation. CPython stores 30-bit digits; heapscope keeps the *value* in the cheapest JS
// form (a double while |v| <= 2**53 - 1, a bigint beyond) and reproduces the digit count only
// where it is observable: getsizeof and the size of each allocation request. The eval loop adds
// small ints all the time, so the common case stays on doubles and never touches BigInt.
// Invariant: `big === null` exactly when the value is a safe integer, then held in `value`.
//
// Allocation sizes (what tracemalloc sees) follow the C constructors:
// - _PyLong_FromMedium (PyLong_FromLong, medium arithmetic): sizeof(PyLongObject) = 32 bytes;
// - _PyLong_New(n) (digit-by-digit construction, PyLong_FromSsize_t, multi-digit arithmetic):
//   24 + 4*max(1, n), where n may exceed the final digit count (x_add reserves a carry digit).

import { PyObject } from "./object.js";
import { allocObject, allocGCObject, freeObject, freeGCObject, staticAddress } from "./heap.js";
import { newRef } from "./refcount.js";
import {
  PyType,
  TPFLAGS_BASETYPE,
  TPFLAGS_LONG_SUBCLASS,
  TPFLAGS_HAVE_GC,
  TPFLAGS_HEAPTYPE,
  markStatic,
  CMP_EQ,
  CMP_NE,
  CMP_LT,
  CMP_LE,
  CMP_GT,
} from "./type.js";
import { newStaticType, readyType, staticTypeSpec } from "./typeroots.js";
import { gcTrack } from "./gcstate.js";
import { hashSmallInt, hashBigInt } from "./values/pyhash.js";
import { StrType } from "./str.js";
// Behaviour installed while this module is evaluated. Only hoisted function declarations of
// these modules are called at load time, so the import cycles they close are harmless.
import { installIntNumberSlots } from "./intarith.js";
import { installIntMethods } from "./intmethods.js";
import { installBoolSlots } from "./bool.js";
import { installStrType } from "./strtype.js";
import { installStrMethods } from "./strops.js";
import { OverflowErrorType, ValueErrorType, raise } from "./exceptions.js";
import { NotImplemented } from "./singletons.js";

/** offsetof(PyLongObject, ob_digit): the int struct before its digits. */
export const INT_HEADER_SIZE = 24;
/** sizeof(digit) */
export const DIGIT_SIZE = 4;
/** sizeof(PyLongObject): header plus one digit, padded to 8. */
export const INT_STRUCT_SIZE = 32;
export const DIGIT_BITS = 30;
const DIGIT_BASE = 1073741824; // 2**30
const DIGIT_BASE_SQUARED = 1152921504606846976; // 2**60, exact as a double
export const MAX_SAFE = 9007199254740991;

export const SMALL_INT_MIN = -5;
export const SMALL_INT_MAX = 256;

export class PyInt extends PyObject {
  /** The value when it is a safe integer (big === null); 0 otherwise. */
  value: number;
  /** The value when it is beyond ±(2**53 - 1); null otherwise. */
  big: bigint | null;

  constructor(type: PyType, value: number, big: bigint | null) {
    super(null);
    // The header, written here so that the stores are monomorphic (see PyObject).
    this.refcnt = 1;
    this.type = type;
    this.address = 0;
    this.gcNext = null;
    this.gcPrev = null;
    this.gcRefs = 0;
    this.gcFlags = 0;
    this.weakrefList = null;
    this.value = value;
    this.big = big;
  }
}

/**
 * long_dealloc. For instances of heap subclasses it is reached from subtype_dealloc (which has
 * untracked the object and will release the type), so only the memory is returned here, with
 * the subtype's tp_free (PyObject_GC_Del).
 */
function intDealloc(self: PyObject): void {
  if ((self.type.flags & TPFLAGS_HAVE_GC) !== 0) freeGCObject(self);
  else freeObject(self);
}

export const IntType = newStaticType("int", INT_HEADER_SIZE, DIGIT_SIZE, TPFLAGS_BASETYPE | TPFLAGS_LONG_SUBCLASS);
IntType.dealloc = intDealloc;
IntType.doc =
  "int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer, or return 0 if no arguments\nare given.  If x is a number, return x.__int__().  For floating point\nnumbers, this truncates towards zero.";

// The small-int cache: static objects in the runtime image, never freed.
const smallInts: PyInt[] = [];
for (let v = SMALL_INT_MIN; v <= SMALL_INT_MAX; v++) {
  const o = new PyInt(IntType, v, null);
  o.address = staticAddress(INT_STRUCT_SIZE);
  markStatic(o);
  smallInts.push(o);
}

// bool (Objects/boolobject.c): True and False are int objects of type bool, statically
// allocated (sizeof(struct _longobject) = 32 bytes each). They live here, beside the int
// struct they share, so that every module can reach them without load-order concerns;
// bool.ts holds their behaviour. Unlike the small ints, CPython 3.11 counts their
// references for real from start-up, so they do not get the static refcount.
export const BoolType = newStaticType("bool", INT_STRUCT_SIZE, DIGIT_SIZE, 0, IntType);
BoolType.doc =
  "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\nThe builtins True and False are the only two instances of the class bool.\nThe class bool is a subclass of the class int, and cannot be subclassed.";

function makeBool(value: number): PyInt {
  const o = new PyInt(BoolType, value, null);
  o.address = staticAddress(INT_STRUCT_SIZE);
  // Start-up counts are a few hundred in CPython; programs print differences, not absolutes.
  o.refcnt = 512;
  return o;
}

export const True: PyInt = makeBool(1);
export const False: PyInt = makeBool(0);

/** PyBool_FromLong: a new reference to True or False. */
export function newBool(b: boolean): PyInt {
  const o = b ? True : False;
  o.refcnt++;
  return o;
}

export function isBool(o: PyObject): boolean {
  return o.type === BoolType;
}

/** The cached object for -5 <= v <= 256 (borrowed). */
export function smallIntBorrowed(v: number): PyInt {
  return smallInts[v - SMALL_INT_MIN]!;
}

export function isInt(o: PyObject): o is PyInt {
  return (o.type.flags & TPFLAGS_LONG_SUBCLASS) !== 0;
}

export function isExactInt(o: PyObject): o is PyInt {
  return o.type === IntType;
}

/** Number of 30-bit digits of |v| for a safe integer (0 for 0). */
export function numberDigitCount(v: number): number {
  const a = v < 0 ? -v : v;
  if (a === 0) return 0;
  if (a < DIGIT_BASE) return 1;
  if (a < DIGIT_BASE_SQUARED) return 2;
  return 3;
}

/** Bit length of |b| for a bigint. */
export function bigBitLength(b: bigint): number {
  if (b < 0n) b = -b;
  if (b === 0n) return 0;
  // toString(16) is linear and allocation-light compared with repeated shifting.
  const hex = b.toString(16);
  const top = parseInt(hex[0]!, 16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(top));
}

export function bigDigitCount(b: bigint): number {
  return Math.ceil(bigBitLength(b) / DIGIT_BITS);
}

/** ndigits = |ob_size| of the int. */
export function intDigitCount(o: PyInt): number {
  return o.big === null ? numberDigitCount(o.value) : bigDigitCount(o.big);
}

/** Bytes _PyLong_New(n) requests. */
export function longNewSize(ndigits: number): number {
  return INT_HEADER_SIZE + DIGIT_SIZE * (ndigits > 1 ? ndigits : 1);
}

function allocInt(value: number, big: bigint | null, size: number): PyInt {
  const o = new PyInt(IntType, value, big);
  allocObject(o, size);
  return o;
}

/**
 * PyLong_FromLong: a new reference to the int `n` (a safe integer). Cached for -5..256; a
 * one-digit value is a full 32-byte struct (_PyLong_FromMedium); larger ones use exact digits.
 */
export function newInt(n: number): PyInt {
  if (n >= SMALL_INT_MIN && n <= SMALL_INT_MAX) {
    const o = smallInts[n - SMALL_INT_MIN]!;
    o.refcnt++;
    return o;
  }
  if (n > -DIGIT_BASE && n < DIGIT_BASE) return allocInt(n, null, INT_STRUCT_SIZE);
  return allocInt(n, null, longNewSize(numberDigitCount(n)));
}

/**
 * PyLong_FromSsize_t / PyLong_FromSize_t (len(), hash(), bit_length(), ...): like newInt but
 * never the medium path, so a one-digit result requests 28 bytes.
 */
export function newIntSsize(n: number): PyInt {
  if (n >= SMALL_INT_MIN && n <= SMALL_INT_MAX) {
    const o = smallInts[n - SMALL_INT_MIN]!;
    o.refcnt++;
    return o;
  }
  return allocInt(n, null, longNewSize(numberDigitCount(n)));
}

/**
 * An int whose allocation reserved `ndigits` digits (_PyLong_New(ndigits) followed by
 * long_normalize / maybe_small_long): what the digit-level algorithms produce.
 */
export function newIntWithDigits(n: number, ndigits: number): PyInt {
  if (n >= SMALL_INT_MIN && n <= SMALL_INT_MAX) {
    const o = smallInts[n - SMALL_INT_MIN]!;
    o.refcnt++;
    return o;
  }
  return allocInt(n, null, longNewSize(ndigits));
}

/** Same as newIntWithDigits for a bigint value (normalised to a double when safe). */
export function newIntFromBigIntWithDigits(b: bigint, ndigits: number): PyInt {
  if (b >= -9007199254740991n && b <= 9007199254740991n) return newIntWithDigits(Number(b), ndigits);
  return allocInt(0, b, longNewSize(ndigits));
}

/**
 * A new int from a bigint, allocated like PyLong_FromLong / _PyLong_FromSTwoDigits: cached,
 * a 32-byte medium struct, or exactly as many digits as the value needs.
 */
export function newIntFromBigInt(b: bigint): PyInt {
  if (b >= -9007199254740991n && b <= 9007199254740991n) return newInt(Number(b));
  return allocInt(0, b, longNewSize(bigDigitCount(b)));
}

/** A new int from a bigint with exactly its digits (_PyLong_New(ndigits), as parsing does). */
export function newIntFromBigIntExact(b: bigint): PyInt {
  if (b >= -9007199254740991n && b <= 9007199254740991n) return newIntSsize(Number(b));
  return allocInt(0, b, longNewSize(bigDigitCount(b)));
}

export function intToBigInt(o: PyInt): bigint {
  return o.big === null ? BigInt(o.value) : o.big;
}

/** True when the value is held as a double (|v| <= 2**53 - 1). */
export function intIsSmall(o: PyInt): boolean {
  return o.big === null;
}

/** IS_MEDIUM_VALUE: one digit at most (|v| < 2**30), the fast-path operands of 3.11. */
export function intIsMedium(o: PyInt): boolean {
  return o.big === null && o.value > -DIGIT_BASE && o.value < DIGIT_BASE;
}

const SSIZE_MAX = 9223372036854775807n;
const SSIZE_MIN = -9223372036854775808n;

/**
 * PyLong_AsSsize_t: the value as a JS number. Values between 2**53 and 2**63 are returned
 * rounded (they only serve as sizes that will fail later anyway).
 */
export function intAsNumber(o: PyInt, message = "Python int too large to convert to C ssize_t"): number {
  const b = o.big;
  if (b === null) return o.value;
  if (b > SSIZE_MAX || b < SSIZE_MIN) raise(OverflowErrorType, message);
  return Number(b);
}

/** The value as a double, exactly like PyLong_AsDouble (correctly rounded, OverflowError). */
export function intAsDouble(o: PyInt): number {
  if (o.big === null) return o.value;
  return bigToDouble(o.big);
}

/** Correctly rounded (half-even) conversion of a bigint, with CPython's overflow error. */
export function bigToDouble(b: bigint): number {
  // Number(bigint) rounds to nearest-even as required; only the overflow needs catching.
  const x = Number(b);
  if (x === Infinity || x === -Infinity) raise(OverflowErrorType, "int too large to convert to float");
  return x;
}

/**
 * PyLong_FromDouble for an integral double (callers truncate, floor or round first): NaN and
 * infinities raise as int(float) does; below 2**63 it allocates like PyLong_FromLong.
 */
export function newIntFromDouble(x: number): PyInt {
  if (x !== x) raise(ValueErrorType, "cannot convert float NaN to integer");
  if (x === Infinity || x === -Infinity) raise(OverflowErrorType, "cannot convert float infinity to integer");
  if (x >= -MAX_SAFE && x <= MAX_SAFE) return newInt(x);
  const b = BigInt(x);
  return allocInt(0, b, longNewSize(bigDigitCount(b)));
}

/** Compares two ints: -1, 0 or 1. */
export function intCompare(a: PyInt, b: PyInt): number {
  if (a.big === null && b.big === null) return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  const x = intToBigInt(a), y = intToBigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function compareResult(c: number, op: number): boolean {
  switch (op) {
    case CMP_LT: return c < 0;
    case CMP_LE: return c <= 0;
    case CMP_EQ: return c === 0;
    case CMP_NE: return c !== 0;
    case CMP_GT: return c > 0;
    default: return c >= 0;
  }
}

IntType.richcompare = (a, b, op) => {
  if (!isInt(a) || !isInt(b)) return newRef(NotImplemented);
  return newBool(compareResult(intCompare(a, b), op));
};

IntType.hash = (self) => {
  const o = self as PyInt;
  if (o.big === null) hashSmallInt(o.value);
  else hashBigInt(o.big);
};

IntType.nbBool = (self) => {
  const o = self as PyInt;
  return o.big !== null || o.value !== 0;
};

/** int.__sizeof__: the header plus the digits in use (at least one). */
export function intSizeof(o: PyInt): number {
  return longNewSize(intDigitCount(o));
}

/**
 * An instance of a heap subclass of int (long_subtype_new): PyType_GenericAlloc reserves
 * |ob_size| + 1 digits after the subtype's basicsize, rounded to 8, plus the GC head.
 */
export function newIntSubtypeInstance(type: PyType, value: PyInt): PyInt {
  const o = new PyInt(type, value.value, value.big);
  let n = intDigitCount(value);
  if (n === 0) n = 1;
  const size = (type.basicsize + (n + 1) * DIGIT_SIZE + 7) & ~7;
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) type.refcnt++;
  if ((type.flags & TPFLAGS_HAVE_GC) !== 0) {
    allocGCObject(o, size);
    gcTrack(o);
  } else {
    allocObject(o, size);
  }
  return o;
}

// The installers are function declarations that use only their arguments and their own
// module's functions, so calling them here is safe whatever order the modules load in.
installIntNumberSlots(IntType);
installIntMethods(IntType, staticTypeSpec(IntType));
installBoolSlots(BoolType);
readyType(IntType);
readyType(BoolType);
// str's behaviour needs int (bools, lengths) and much more; it is installed from here because
// str.ts itself must stay import-light (other modules make strings while they load).
installStrType(StrType);
installStrMethods(staticTypeSpec(StrType));
readyType(StrType);
