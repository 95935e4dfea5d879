// Python/ceval.c (3.11): GET_AWAITABLE (with format_awaitable_error), GET_AITER, GET_ANEXT;
// Objects/genobject.c: _PyCoro_GetAwaitableIter.

import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/refcount.js";
import { raise, PyRaise, TypeErrorType, RuntimeErrorType, newExceptionFromOwnedArgs } from "../runtime/exceptions.js";
import { tupleFromOwned } from "../runtime/tuple.js";
import { newStr, type PyStr } from "../runtime/str.js";
import { lookupSpecial, typeLookupBorrowed } from "../runtime/typeobject.js";
import { callObject } from "../runtime/abstract.js";
import { CoroutineType, AsyncGeneratorType, isIterableCoroutine, genYieldFrom, type PyGenerator } from "./genobject.js";
import { newAsyncGenASend } from "./asyncgen.js";

const names = new Map<string, PyStr>();
function name(text: string): PyStr {
  let s = names.get(text);
  if (s === undefined) {
    s = newStr(text);
    names.set(text, s);
  }
  return s;
}

function isCoroutineLike(o: PyObject): boolean {
  return o.type === CoroutineType || isIterableCoroutine(o);
}

/**
 * _PyCoro_GetAwaitableIter: a coroutine itself, or what __await__() returns (an iterator
 * that is not a coroutine). `noAwait` gives the message when the object has no __await__.
 */
function awaitableIter(o: PyObject, noAwait: () => never): PyObject {
  if (isCoroutineLike(o)) {
    o.refcnt++;
    return o;
  }
  const meth = lookupSpecial(o, name("__await__"));
  if (meth === null) noAwait();
  let res: PyObject;
  try {
    res = callObject(meth, [], 0, 0, null);
  } finally {
    decref(meth);
  }
  if (isCoroutineLike(res)) {
    decref(res);
    raise(TypeErrorType, "__await__() returned a coroutine");
  }
  if (res.type.iternext === null) {
    const typeName = res.type.name;
    decref(res);
    raise(TypeErrorType, `__await__() returned non-iterator of type '${typeName}'`);
  }
  return res;
}

/** GET_AWAITABLE(where): where 1 and 2 name __aenter__ / __aexit__ in the message. */
export function getAwaitable(o: PyObject, where: number): PyObject {
  const iter = awaitableIter(o, () => {
    if (where === 1) raise(TypeErrorType, `'async with' received an object from __aenter__ that does not implement __await__: ${o.type.name}`);
    if (where === 2) raise(TypeErrorType, `'async with' received an object from __aexit__ that does not implement __await__: ${o.type.name}`);
    raise(TypeErrorType, `object ${o.type.name} can't be used in 'await' expression`);
  });
  if (iter.type === CoroutineType) {
    const yf = genYieldFrom(iter as PyGenerator);
    if (yf !== null) {
      decref(yf);
      decref(iter);
      raise(RuntimeErrorType, "coroutine is being awaited already");
    }
  }
  return iter;
}

/** GET_AITER */
export function getAsyncIter(obj: PyObject): PyObject {
  const meth = lookupSpecial(obj, name("__aiter__"));
  if (meth === null) raise(TypeErrorType, `'async for' requires an object with __aiter__ method, got ${obj.type.name}`);
  let iter: PyObject;
  try {
    iter = callObject(meth, [], 0, 0, null);
  } finally {
    decref(meth);
  }
  if (typeLookupBorrowed(iter.type, name("__anext__")) === null) {
    const typeName = iter.type.name;
    decref(iter);
    raise(TypeErrorType, `'async for' received an object from __aiter__ that does not implement __anext__: ${typeName}`);
  }
  return iter;
}

/** GET_ANEXT: the awaitable of the next item (new reference). */
export function getAsyncNext(aiter: PyObject): PyObject {
  if (aiter.type === AsyncGeneratorType) return newAsyncGenASend(aiter as PyGenerator, null);
  const meth = lookupSpecial(aiter, name("__anext__"));
  if (meth === null) raise(TypeErrorType, `'async for' requires an iterator with __anext__ method, got ${aiter.type.name}`);
  let next: PyObject;
  try {
    next = callObject(meth, [], 0, 0, null);
  } finally {
    decref(meth);
  }
  try {
    return awaitableIter(next, () => raise(TypeErrorType, `object ${next.type.name} can't be used in 'await' expression`));
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    // _PyErr_FormatFromCause
    const cause = e.exception;
    const err = newExceptionFromOwnedArgs(TypeErrorType, tupleFromOwned([newStr(`'async for' received an invalid object from __anext__: ${next.type.name}`)]));
    err.cause = cause;
    cause.refcnt++;
    err.context = cause;
    err.suppressContext = true;
    const r = new PyRaise(err);
    r.contextChained = true;
    throw r;
  } finally {
    decref(next);
  }
}
