// The bridge from the pure value algorithms (values/, which throw ValueAlgorithmError with a
// Python exception name and CPython's message) to real Python exceptions (PyErr_SetString).
// Used by the scalar and text types around every call into values/ that can fail.

import { ValueAlgorithmError } from "./values/errors.js";
import {
  IndexErrorType,
  KeyErrorType,
  OverflowErrorType,
  TypeErrorType,
  ValueErrorType,
  raise,
} from "./exceptions.js";
import type { PyType } from "./type.js";

function exceptionTypeFor(e: ValueAlgorithmError): PyType {
  switch (e.pyType) {
    case "TypeError": return TypeErrorType;
    case "OverflowError": return OverflowErrorType;
    case "KeyError": return KeyErrorType;
    case "IndexError": return IndexErrorType;
    default: return ValueErrorType;
  }
}

/**
 * Re-throws `e` as a Python exception when it is a ValueAlgorithmError; anything else (a
 * PyRaise, an internal failure) is re-thrown unchanged.
 */
export function rethrowValueError(e: unknown): never {
  if (e instanceof ValueAlgorithmError) raise(exceptionTypeFor(e), e.message);
  throw e;
}
