// Objects/unicodeobject.c: PyUnicode_FromStringAndSize, PyUnicode_Concat, PyUnicode_Append,
// PyUnicode_AsUTF8; Objects/longobject.c: PyLong_FromLong, PyLong_AsSsize_t;
// Objects/floatobject.c: PyFloat_FromDouble, PyFloat_AsDouble; Objects/boolobject.c:
// PyBool_FromLong; Objects/bytesobject.c: PyBytes_FromStringAndSize; Py_None / Py_RETURN_NONE.
//
// Scalar constructors for native code, in pyz3's naming: every `create` returns a new
// reference (Owned). Readers accept any handle and check the type, raising TypeError as the
// C API does. The one function here that steals is named for it: PyString.appendOwned.

import type { PyObject } from "../runtime/object.js";
import { newRef } from "../runtime/refcount.js";
import { raise, TypeErrorType } from "../runtime/exceptions.js";
import { isStr, newStr, StrType, type PyStr } from "../runtime/str.js";
import { strAppendOwned, strConcat } from "../runtime/strtype.js";
import { BoolType, IntType, intAsDouble, intAsNumber, intToBigInt, isInt, newInt, newIntFromBigInt, newIntSsize, type PyInt } from "../runtime/int.js";
import { FloatType, isFloat, newFloat, type PyFloat as RtFloat } from "../runtime/float.js";
import { isBool, newBool } from "../runtime/bool.js";
import { BytesType, isBytes, newBytes, type PyBytes as RtBytes } from "../runtime/bytes.js";
import { None, NoneType } from "../runtime/singletons.js";
import { numberIndex } from "../runtime/abstract.js";
import { decref as rtDecref } from "../runtime/refcount.js";
import { requireGil } from "./gil.js";
import { Owned, type Ref } from "./refs.js";
import { named } from "./naming.js";

function checked<T extends PyObject>(ref: Ref<PyObject>, check: (o: PyObject) => o is T, what: string): T {
  const o = ref.obj;
  if (!check(o)) raise(TypeErrorType, `expected ${what}, got ${o.type.name}`);
  return o;
}

/** A str object (the runtime's PyStr), for handle types: `Owned<PyString>`. */
export type PyString = PyStr;

/** str objects. */
export const PyString = named("PyString", {
  /** The type object (str). */
  type: StrType,
  /** PyUnicode_FromString: a new str. */
  create(text: string): Owned<PyStr> {
    requireGil("PyString.create()");
    return new Owned(newStr(text));
  },
  /** PyUnicode_Check */
  check(ref: Ref<PyObject>): boolean {
    return isStr(ref.obj);
  },
  /** The text (PyUnicode_AsUTF8, as a JS string). TypeError if not a str. */
  asString(ref: Ref<PyObject>): string {
    requireGil("PyString.asString()");
    return checked(ref, isStr, "str").value;
  },
  /** Length in code points (PyUnicode_GetLength). */
  length(ref: Ref<PyObject>): number {
    return checked(ref, isStr, "str").length;
  },
  /**
   * PyUnicode_Concat: `left + right` as a new reference; nothing is stolen (Pydust's
   * concatSlice). `right` may be a JS string.
   */
  concat(left: Ref<PyObject>, right: Ref<PyObject> | string): Owned<PyStr> {
    requireGil("PyString.concat()");
    const l = checked(left, isStr, "str");
    if (typeof right === "string") {
      const r = newStr(right);
      try {
        return new Owned(strConcat(l, r) as PyStr);
      } finally {
        rtDecref(r);
      }
    }
    return new Owned(strConcat(l, right.obj) as PyStr);
  },
  /**
   * PyUnicode_Append: STEALS `left` (its handle is dead afterwards) and returns the result as
   * a new reference; `right` is borrowed (or a JS string). When the caller held the only
   * reference, the string grows in place, which is why chains of appends are cheap:
   * `s = PyString.appendOwned(s, "1, ")`. To append to a borrowed string, incref it first.
   */
  appendOwned(left: Owned<PyStr>, right: Ref<PyObject> | string): Owned<PyStr> {
    requireGil("PyString.appendOwned()");
    const l = left.take();
    if (!isStr(l)) {
      rtDecref(l);
      raise(TypeErrorType, `expected str, got ${(l as PyObject).type.name}`);
    }
    if (typeof right === "string") {
      const r = newStr(right);
      try {
        return new Owned(strAppendOwned(l, r));
      } finally {
        rtDecref(r);
      }
    }
    return new Owned(strAppendOwned(l, right.obj));
  },
});

/** An int object, for handle types: `Owned<PyLong>`. */
export type PyLong = PyInt;

/** int objects (pyz3's PyLong). */
export const PyLong = named("PyLong", {
  /** The type object (int). */
  type: IntType,
  /**
   * PyLong_FromLong / PyLong_FromLongLong: a new int. Values in -5..256 are CPython's cached
   * small ints: the same object every time (so forgetting to release one leaks no memory).
   */
  create(value: number | bigint): Owned<PyInt> {
    requireGil("PyLong.create()");
    if (typeof value === "bigint") return new Owned(newIntFromBigInt(value));
    if (!Number.isSafeInteger(value)) {
      throw new RangeError(`PyLong.create(${value}): not an integer in ±(2**53-1); pass a bigint for larger values`);
    }
    return new Owned(newInt(value));
  },
  /**
   * PyLong_FromSsize_t: the same value, made the way CPython makes sizes and counts (an
   * exact-size object: 28 bytes for one digit where PyLong_FromLong allocates 32).
   */
  fromSsize(value: number): Owned<PyInt> {
    requireGil("PyLong.fromSsize()");
    if (!Number.isSafeInteger(value)) throw new RangeError(`PyLong.fromSsize(${value}): not an integer in ±(2**53-1)`);
    return new Owned(newIntSsize(value));
  },
  check(ref: Ref<PyObject>): boolean {
    return isInt(ref.obj);
  },
  /**
   * PyLong_AsSsize_t (pyz3's `as(i64)`): the value as a JS number; OverflowError beyond the
   * 64-bit range. Objects with __index__ are accepted, as the C function does.
   */
  asNumber(ref: Ref<PyObject>): number {
    requireGil("PyLong.asNumber()");
    const o = ref.obj;
    if (isInt(o)) return intAsNumber(o);
    const i = numberIndex(o);
    try {
      return intAsNumber(i);
    } finally {
      rtDecref(i);
    }
  },
  /** The exact value, whatever its size. */
  asBigInt(ref: Ref<PyObject>): bigint {
    requireGil("PyLong.asBigInt()");
    return intToBigInt(checked(ref, isInt, "int"));
  },
});

/** A float object, for handle types: `Owned<PyFloat>`. */
export type PyFloat = RtFloat;

/** float objects. */
export const PyFloat = named("PyFloat", {
  /** The type object (float). */
  type: FloatType,
  /** PyFloat_FromDouble: a new float (from the float free list when it has one). */
  create(value: number): Owned<RtFloat> {
    requireGil("PyFloat.create()");
    return new Owned(newFloat(value));
  },
  check(ref: Ref<PyObject>): boolean {
    return isFloat(ref.obj);
  },
  /** PyFloat_AsDouble: floats, ints and objects with __float__ / __index__. */
  asNumber(ref: Ref<PyObject>): number {
    requireGil("PyFloat.asNumber()");
    return asDouble(ref.obj);
  },
});

/** PyFloat_AsDouble's conversion, with its message for other types. */
export function asDouble(o: PyObject): number {
  if (isFloat(o)) return o.value;
  if (isInt(o)) return intAsDouble(o);
  const t = o.type;
  if (t.nbFloat !== null) {
    const r = t.nbFloat(o);
    try {
      if (!isFloat(r)) raise(TypeErrorType, `${t.name}.__float__ returned non-float (type ${r.type.name})`);
      return r.value;
    } finally {
      rtDecref(r);
    }
  }
  if (t.nbIndex !== null) {
    const i = numberIndex(o);
    try {
      return intAsDouble(i);
    } finally {
      rtDecref(i);
    }
  }
  raise(TypeErrorType, `must be real number, not ${t.name}`);
}

/** bool objects. */
export const PyBool = named("PyBool", {
  /** The type object (bool). */
  type: BoolType,
  /** PyBool_FromLong: a new reference to True or False. */
  create(value: boolean): Owned<PyInt> {
    requireGil("PyBool.create()");
    return new Owned(newBool(value));
  },
  check(ref: Ref<PyObject>): boolean {
    return isBool(ref.obj);
  },
});

/** A bytes object, for handle types: `Owned<PyBytes>`. */
export type PyBytes = RtBytes;

/** bytes objects. */
export const PyBytes = named("PyBytes", {
  /** The type object (bytes). */
  type: BytesType,
  /** PyBytes_FromStringAndSize: a new bytes object holding a copy of `data`. */
  create(data: Uint8Array | string): Owned<RtBytes> {
    requireGil("PyBytes.create()");
    const copy = typeof data === "string" ? new TextEncoder().encode(data) : data.slice();
    return new Owned(newBytes(copy));
  },
  check(ref: Ref<PyObject>): boolean {
    return isBytes(ref.obj);
  },
  /** PyBytes_AS_STRING: the contents, read-only by contract (bytes are immutable). */
  data(ref: Ref<PyObject>): Uint8Array {
    return checked(ref, isBytes, "bytes").data;
  },
});

/** The None singleton. */
export const PyNone = named("PyNone", {
  /** The type object (NoneType). */
  type: NoneType,
  /** Py_RETURN_NONE: a new reference to None. */
  create(): Owned<PyObject> {
    requireGil("PyNone.create()");
    return new Owned(newRef(None));
  },
  check(ref: Ref<PyObject>): boolean {
    return ref.obj === None;
  },
});
