// Python/errors.c: PyErr_SetString, PyErr_ExceptionMatches, PyErr_Clear; the PyExc_*
// exception type objects.
//
// A Python exception travels through TypeScript as a thrown PyRaise that owns one reference
// to the exception object (docs/RUNTIME.md). Native code raises with raiseError(); it lets
// exceptions from the API pass through (the `using` scopes release what they hold); when it
// catches one to handle it, it must release it with clearError(), PyErr_Clear's counterpart,
// or the exception object and its traceback leak.

import type { PyObject } from "../runtime/object.js";
import type { PyType } from "../runtime/type.js";
import { decref as rtDecref } from "../runtime/refcount.js";
import {
  AssertionErrorType, AttributeErrorType, BaseExceptionType, BufferErrorType, ExceptionType, ImportErrorType,
  IndexErrorType, KeyErrorType, LookupErrorType, MemoryErrorType, NotImplementedErrorType, OSErrorType,
  OverflowErrorType, PyRaise, raise, ReferenceErrorType, RuntimeErrorType, StopIterationType, SystemErrorType,
  TypeErrorType, UnicodeErrorType, ValueErrorType, ZeroDivisionErrorType, exceptionMatches,
} from "../runtime/exceptions.js";
import { strText } from "../runtime/abstract.js";
import { requireGil } from "./gil.js";
import type { Ref } from "./refs.js";

/** The builtin exception types (PyExc_TypeError, ...). */
export const PyExc = {
  BaseException: BaseExceptionType,
  Exception: ExceptionType,
  AssertionError: AssertionErrorType,
  AttributeError: AttributeErrorType,
  BufferError: BufferErrorType,
  ImportError: ImportErrorType,
  IndexError: IndexErrorType,
  KeyError: KeyErrorType,
  LookupError: LookupErrorType,
  MemoryError: MemoryErrorType,
  NotImplementedError: NotImplementedErrorType,
  OSError: OSErrorType,
  OverflowError: OverflowErrorType,
  ReferenceError: ReferenceErrorType,
  RuntimeError: RuntimeErrorType,
  StopIteration: StopIterationType,
  SystemError: SystemErrorType,
  TypeError: TypeErrorType,
  UnicodeError: UnicodeErrorType,
  ValueError: ValueErrorType,
  ZeroDivisionError: ZeroDivisionErrorType,
} as const;

/** The exception type to raise: a PyExc entry, or a handle to any exception class. */
export type ExceptionClass = PyType | Ref<PyType>;

function typeOf(type: ExceptionClass): PyType {
  return "obj" in type ? type.obj : type;
}

/** PyErr_SetString + return NULL, in one throw: `raiseError(PyExc.ValueError, "negative")`. */
export function raiseError(type: ExceptionClass, message: string): never {
  requireGil("raiseError()");
  raise(typeOf(type), message);
}

/** Is `e` (a caught value) a Python exception, optionally of the given class or a subclass? */
export function isPythonError(e: unknown, type?: ExceptionClass): e is PyRaise {
  if (!(e instanceof PyRaise)) return false;
  return type === undefined || exceptionMatches(e.exception, typeOf(type) as PyObject);
}

/** PyErr_Clear: drops a caught Python exception (releases the exception object). */
export function clearError(e: PyRaise): void {
  requireGil("clearError()");
  rtDecref(e.exception);
}

/** The caught Python exception as text, "ValueError: negative value", then released. */
export function takeErrorText(e: PyRaise): string {
  requireGil("takeErrorText()");
  const exc = e.exception;
  try {
    const message = strText(exc);
    return message === "" ? exc.type.name : `${exc.type.name}: ${message}`;
  } catch (inner) {
    if (inner instanceof PyRaise) {
      rtDecref(inner.exception);
      return `${exc.type.name}: <exception str() failed>`;
    }
    throw inner;
  } finally {
    rtDecref(exc);
  }
}

export { PyRaise };
