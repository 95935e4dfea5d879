// Python/bltinmodule.c (3.11): builtin_iter, builtin_next, builtin_any, builtin_all,
// builtin_sorted, builtin_aiter, builtin_anext (without the default form).
//
// Iteration builtins. Iterators signal exhaustion by returning null from iternext; next()
// turns that into StopIteration() (no arguments), or returns the default it was given.

import type { PyObject } from "../runtime/object.js";
import { decref, newRef } from "../runtime/refcount.js";
import {
  raise, raiseOwned, newExceptionFromOwnedArgs, TypeErrorType, StopIterationType,
} from "../runtime/exceptions.js";
import { getIter, isTrue, getAttr, callObject, callNoArgs } from "../runtime/abstract.js";
import { lookupSpecial } from "../runtime/typeobject.js";
import { newBool } from "../runtime/bool.js";
import { newCallIter } from "../runtime/iterobject.js";
import { sequenceList } from "../runtime/list.js";
import { EMPTY_TUPLE, type PyTuple } from "../runtime/tuple.js";
import { checkPositional } from "../runtime/getargs.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { noKwnames, isPyError, clearError, id } from "./bltin_util.js";

function builtinIter(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKwnames("iter", kwnames);
  checkPositional("iter", nargs, 1, 2);
  const v = args[start]!;
  if (nargs === 1) return getIter(v);
  if (v.type.call === null) raise(TypeErrorType, "iter(v, w): v must be callable");
  return newCallIter(v, args[start + 1]!);
}

/** PyErr_SetNone(PyExc_StopIteration) */
export function raiseStopIteration(): never {
  EMPTY_TUPLE.refcnt++;
  raiseOwned(newExceptionFromOwnedArgs(StopIterationType, EMPTY_TUPLE));
}

function builtinNext(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKwnames("next", kwnames);
  checkPositional("next", nargs, 1, 2);
  const it = args[start]!;
  const iternext = it.type.iternext;
  if (iternext === null) raise(TypeErrorType, `'${it.type.name}' object is not an iterator`);
  if (nargs === 1) {
    const res = iternext(it);
    if (res === null) raiseStopIteration();
    return res;
  }
  let res: PyObject | null;
  try {
    res = iternext(it);
  } catch (e) {
    if (!isPyError(e, StopIterationType)) throw e;
    clearError(e);
    res = null;
  }
  return res ?? newRef(args[start + 1]!);
}

function anyAll(v: PyObject, wanted: boolean): PyObject {
  const it = getIter(v);
  try {
    const iternext = it.type.iternext!;
    for (;;) {
      let item: PyObject | null;
      try {
        item = iternext(it);
      } catch (e) {
        if (!isPyError(e, StopIterationType)) throw e;
        clearError(e);
        item = null;
      }
      if (item === null) return newBool(!wanted);
      let truth: boolean;
      try {
        truth = isTrue(item);
      } finally {
        decref(item);
      }
      if (truth === wanted) return newBool(wanted);
    }
  } finally {
    decref(it);
  }
}

function builtinAny(_self: PyObject, v: PyObject): PyObject {
  return anyAll(v, true);
}

function builtinAll(_self: PyObject, v: PyObject): PyObject {
  return anyAll(v, false);
}

/** sorted(): list(iterable), then its sort() method with the keyword arguments as given. */
function builtinSorted(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  checkPositional("sorted", nargs, 1, 1);
  const newlist = sequenceList(args[start]!);
  try {
    const sort = getAttr(newlist, id("sort"));
    try {
      const nkw = kwnames === null ? 0 : kwnames.items.length;
      const v = callObject(sort, args, start + 1, 0, nkw === 0 ? null : kwnames);
      decref(v);
    } finally {
      decref(sort);
    }
  } catch (e) {
    decref(newlist);
    throw e;
  }
  return newlist;
}

function builtinAiter(_self: PyObject, v: PyObject): PyObject {
  const meth = lookupSpecial(v, id("__aiter__"));
  if (meth === null) raise(TypeErrorType, `'${v.type.name}' object is not an async iterable`);
  let it: PyObject;
  try {
    it = callNoArgs(meth);
  } finally {
    decref(meth);
  }
  const anext = lookupSpecial(it, id("__anext__"));
  if (anext === null) {
    const name = it.type.name;
    decref(it);
    raise(TypeErrorType, `aiter() returned not an async iterator of type '${name}'`);
  }
  decref(anext);
  return it;
}

function builtinAnext(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKwnames("anext", kwnames);
  checkPositional("anext", nargs, 1, 2);
  const aiterator = args[start]!;
  const meth = lookupSpecial(aiterator, id("__anext__"));
  if (meth === null) raise(TypeErrorType, `'${aiterator.type.name}' object is not an async iterator`);
  if (nargs === 2) {
    decref(meth);
    raise(TypeErrorType, "anext() with a default value is not supported by heapscope yet");
  }
  try {
    return callNoArgs(meth);
  } finally {
    decref(meth);
  }
}

export const ITER_BUILTINS: readonly MethodDef[] = [
  { name: "all", kind: "o", fn: builtinAll, doc: "Return True if bool(x) is True for all values x in the iterable." },
  { name: "any", kind: "o", fn: builtinAny, doc: "Return True if bool(x) is True for any x in the iterable." },
  { name: "iter", kind: "fastcall", fn: builtinIter, doc: "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator" },
  { name: "aiter", kind: "o", fn: builtinAiter, doc: "Return an AsyncIterator for an AsyncIterable object." },
  { name: "next", kind: "fastcall", fn: builtinNext, doc: "next(iterator[, default])" },
  { name: "anext", kind: "fastcall", fn: builtinAnext, doc: "async anext(aiterator[, default])" },
  { name: "sorted", kind: "fastcall", fn: builtinSorted, doc: "Return a new list containing all items from the iterable in ascending order." },
];
