// Python/getargs.c and Objects/longobject.c pieces the builtins share: _PyLong_AsInt's
// conversion, keyword checks for METH_FASTCALL functions, PyLong_FromSsize_t of a hash,
// and access to the running frame (PyEval_GetGlobals / GetBuiltins).

import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/refcount.js";
import { raise, OverflowErrorType, SystemErrorType, TypeErrorType, PyRaise, exceptionMatches } from "../runtime/exceptions.js";
import { numberIndex } from "../runtime/abstract.js";
import { intToBigInt, newInt, newIntFromBigInt, type PyInt } from "../runtime/int.js";
import { dictGetItemStr, type PyDict } from "../runtime/dict.js";
import { staticStr, type PyStr } from "../runtime/str.js";
import type { PyTuple } from "../runtime/tuple.js";
import { hashResult, hashToBigInt } from "../runtime/values/pyhash.js";
import { tstate } from "../python/ceval.js";
import type { Frame } from "../python/frame.js";
import { interp } from "./interp_state.js";

const INT_MAX = 2147483647n;
const INT_MIN = -2147483648n;

/** _PyLong_AsInt of any object with __index__ (clinic's `int` converter). */
export function asCInt(o: PyObject): number {
  const v = numberIndex(o);
  const b = intToBigInt(v);
  decref(v);
  if (b > INT_MAX || b < INT_MIN) raise(OverflowErrorType, "Python int too large to convert to C int");
  return Number(b);
}

/** _PyArg_NoKwnames: "iter() takes no keyword arguments". */
export function noKwnames(name: string, kwnames: PyTuple | null): void {
  if (kwnames !== null && kwnames.items.length !== 0) raise(TypeErrorType, `${name}() takes no keyword arguments`);
}

/** PyLong_FromSsize_t of the hash in hashResult. */
export function hashResultToInt(): PyInt {
  const hi = hashResult.hi;
  const lo = hashResult.lo;
  // Values within ±2**31 need no bigint.
  if ((hi === 0 && lo >= 0) || (hi === -1 && lo < 0)) return newInt(lo);
  return newIntFromBigInt(hashToBigInt(hi, lo));
}

/** The frame the current builtin was called from (tstate->cframe->current_frame), or null. */
export function callerFrame(): Frame | null {
  return tstate === undefined ? null : tstate.frame;
}

/** PyEval_GetGlobals (borrowed), or null without a frame. */
export function currentGlobals(): PyDict | null {
  const f = callerFrame();
  return f === null ? null : f.globals;
}

/** PyEval_GetBuiltins: the running frame's builtins, else the interpreter's (borrowed). */
export function currentBuiltins(): PyDict {
  const f = callerFrame();
  return f === null ? interp().builtins : f.builtins;
}

/** _PySys_GetAttr: sys.<name> (borrowed) or null when it was deleted. */
export function sysGetAttrBorrowed(name: string): PyObject | null {
  const d = interp().sysModule.dict;
  return d === null ? null : dictGetItemStr(d, staticStr(name));
}

/** A static interned identifier (borrowed). */
export function id(name: string): PyStr {
  return staticStr(name);
}

/** True when `e` is a Python exception matching `type`; the caller then owns nothing more. */
export function isPyError(e: unknown, type: PyObject): e is PyRaise {
  return e instanceof PyRaise && exceptionMatches(e.exception, type);
}

/** Drops a caught Python exception (PyErr_Clear). */
export function clearError(e: PyRaise): void {
  decref(e.exception);
}

export function systemError(message: string): never {
  raise(SystemErrorType, message);
}
