// Modules/_functoolsmodule.c (3.11): partial_type_spec — partial_new (flattening a partial
// whose __dict__ was never made, taking over a uniquely referenced kwargs dict),
// partial_vectorcall (small stack / PyMem block, fallback to partial_call that turns
// vectorcall off for good), partial_call, partial_repr, partial_reduce, partial_setstate,
// partial_traverse / partial_clear / partial_dealloc.
//
// A heap type in 3.11 (64 bytes, getsizeof 80 with the GC head); heapscope keeps it static
// but visits the type in traverse as CPython's heap type does, so gc.get_referents agrees.

import { PyObject, type VisitProc } from "../runtime/object.js";
import { allocator } from "../runtime/heap.js";
import { decref, incref, newRef, xdecref } from "../runtime/refcount.js";
import { PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE } from "../runtime/type.js";
import { newStaticType, readyType, TPFLAGS_HAVE_VECTORCALL } from "../runtime/typeroots.js";
import { addGetSets, addMembers, addMethods } from "../runtime/descrobject.js";
import { raise, TypeErrorType } from "../runtime/exceptions.js";
import { callObject, callWithTuple, reprEnter, reprLeave, reprText, strText } from "../runtime/abstract.js";
import {
  dictCopy, dictEntry, dictLength, dictNext, DictType, isDict, newDict, type PyDict,
} from "../runtime/dict.js";
import { dictMerge } from "../runtime/dictmethods.js";
import { TupleType, isTuple, tupleFromBorrowed, tupleFromOwned, type PyTuple } from "../runtime/tuple.js";
import { tupleConcat } from "../runtime/tuplemethods.js";
import { newStr } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import { objectDictGetSet } from "../runtime/typeobject.js";
import { vectorcallToTupleDict } from "../runtime/slotdefs.js";
import { DOMAIN_MEM } from "../memory/index.js";
import { allocTracked, freeTracked, untrackAndClearWeakrefs } from "./nativetype_util.js";

/** sizeof(partialobject): head, fn, args, kw, dict, weakreflist, vectorcall. */
export const PARTIAL_BASICSIZE = 64;
const SMALL_STACK = 5;

export class PyPartial extends PyObject {
  fn: PyObject | null;
  args: PyTuple | null;
  kw: PyDict | null;
  dict: PyDict | null;
  /** pto->vectorcall != NULL */
  vectorcall: boolean;
  constructor(type: PyType) {
    super(type);
    this.fn = null;
    this.args = null;
    this.kw = null;
    this.dict = null;
    this.vectorcall = false;
  }
}

export const PartialType = newStaticType(
  "functools.partial", PARTIAL_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE | TPFLAGS_HAVE_VECTORCALL,
);
PartialType.dictoffset = 40;
PartialType.weaklistoffset = 48;
PartialType.doc = "partial(func, *args, **keywords) - new function with partial application\n    of the given arguments and keywords.\n";

function isCallable(o: PyObject): boolean {
  return o.type.call !== null;
}

/** PyVectorcall_Function(fn) != NULL, as far as heapscope's types tell it. */
function hasVectorcall(fn: PyObject): boolean {
  if ((fn.type.flags & TPFLAGS_HAVE_VECTORCALL) === 0) return false;
  // Classes: only some builtin types have tp_vectorcall; Python classes never do.
  if (fn instanceof PyType) return (fn.flags & TPFLAGS_HEAPTYPE) === 0;
  return true;
}

function partialNew(type: PyType, args: PyTuple, kw: PyDict | null): PyObject {
  const n = args.items.length;
  if (n < 1) raise(TypeErrorType, "type 'partial' takes at least one argument");
  let func = args.items[0]!;
  let ptoArgs: PyTuple | null = null;
  let ptoKw: PyDict | null = null;
  if (func.type.call === partialCallSlot && func instanceof PyPartial && func.dict === null) {
    // A partial of a partial with no instance attributes merges into one.
    ptoArgs = func.args;
    ptoKw = func.kw;
    func = func.fn!;
  }
  if (!isCallable(func)) raise(TypeErrorType, "the first argument must be callable");
  const pto = allocTracked(new PyPartial(type), type);
  pto.fn = newRef(func);
  const newArgs = tupleFromBorrowed(args.items, 1, n);
  if (ptoArgs === null) {
    pto.args = newArgs;
  } else {
    try {
      pto.args = tupleConcat(ptoArgs, newArgs) as PyTuple;
    } finally {
      decref(newArgs);
    }
  }
  try {
    if (ptoKw === null || dictLength(ptoKw) === 0) {
      if (kw === null) pto.kw = newDict();
      else if (kw.refcnt === 1) pto.kw = newRef(kw);
      else pto.kw = dictCopy(kw);
    } else {
      pto.kw = dictCopy(ptoKw);
      if (kw !== null) dictMerge(pto.kw, kw, 1);
    }
  } catch (e) {
    decref(pto);
    throw e;
  }
  pto.vectorcall = hasVectorcall(pto.fn);
  return pto;
}

/** partial_call: the tp_call path with an argument tuple and an optional kwargs dict. */
function partialCallTuple(pto: PyPartial, args: PyTuple, kwargs: PyDict | null): PyObject {
  let kwargs2: PyDict | null;
  if (dictLength(pto.kw!) === 0) {
    kwargs2 = kwargs;
    if (kwargs2 !== null) incref(kwargs2);
  } else {
    // A copy: a function taking **kwargs may change the dict it receives.
    kwargs2 = dictCopy(pto.kw!);
    if (kwargs !== null) {
      try {
        dictMerge(kwargs2, kwargs, 1);
      } catch (e) {
        decref(kwargs2);
        throw e;
      }
    }
  }
  let args2: PyTuple;
  try {
    args2 = tupleConcat(pto.args!, args) as PyTuple;
  } catch (e) {
    xdecref(kwargs2);
    throw e;
  }
  try {
    return callWithTuple(pto.fn!, args2, kwargs2);
  } finally {
    decref(args2);
    xdecref(kwargs2);
  }
}

function partialCallSlot(callable: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const pto = callable as PyPartial;
  if (pto.vectorcall && dictLength(pto.kw!) !== 0) pto.vectorcall = false;
  if (!pto.vectorcall) {
    const [tuple, kwargs] = vectorcallToTupleDict(args, start, nargs, kwnames);
    try {
      return partialCallTuple(pto, tuple, kwargs);
    } finally {
      decref(tuple);
      xdecref(kwargs);
    }
  }
  const nkw = kwnames === null ? 0 : kwnames.items.length;
  const ptoItems = pto.args!.items;
  const ptoN = ptoItems.length;
  const fn = pto.fn!;
  if (nargs + nkw === 0) return callObject(fn, ptoItems, 0, ptoN, null);
  const total = ptoN + nargs + nkw;
  const stack: PyObject[] = new Array<PyObject>(total);
  for (let i = 0; i < ptoN; i++) stack[i] = ptoItems[i]!;
  for (let i = 0; i < nargs + nkw; i++) stack[ptoN + i] = args[start + i]!;
  // One prepended argument goes in the caller's spare slot; more need a small C stack,
  // then a PyMem block.
  const block = ptoN !== 1 && total > SMALL_STACK ? allocator.malloc(DOMAIN_MEM, total * 8) : 0;
  try {
    return callObject(fn, stack, 0, ptoN + nargs, kwnames);
  } finally {
    if (block !== 0) allocator.free(DOMAIN_MEM, block);
  }
}

function partialRepr(self: PyObject): PyObject {
  const pto = self as PyPartial;
  if (reprEnter(self)) return newStr("...");
  try {
    let text = "";
    // The argument tuple and dict are held while their items' reprs run.
    const args = newRef(pto.args!);
    try {
      for (const a of args.items) text += `, ${reprText(a)}`;
    } finally {
      decref(args);
    }
    const kw = newRef(pto.kw!);
    try {
      for (let pos = dictNext(kw, 0); pos >= 0; pos = dictNext(kw, pos)) {
        const key = dictEntry.key!;
        const value = dictEntry.value!;
        incref(key);
        incref(value);
        try {
          text += `, ${strText(key)}=${reprText(value)}`;
        } finally {
          decref(key);
          decref(value);
        }
      }
    } finally {
      decref(kw);
    }
    return newStr(`${self.type.name}(${reprText(pto.fn!)}${text})`);
  } finally {
    reprLeave(self);
  }
}

function partialReduce(self: PyObject): PyObject {
  const pto = self as PyPartial;
  const fnTuple = tupleFromBorrowed([pto.fn!]);
  const state = tupleFromBorrowed([pto.fn!, pto.args!, pto.kw!, pto.dict ?? None]);
  return tupleFromOwned([newRef(self.type), fnTuple, state]);
}

function partialSetState(self: PyObject, state: PyObject): PyObject {
  const pto = self as PyPartial;
  const items = isTuple(state) ? state.items : null;
  if (items === null || items.length !== 4) raise(TypeErrorType, "argument to __setstate__ must be a tuple");
  const [fn, fnargs, kw, dict] = items as [PyObject, PyObject, PyObject, PyObject];
  if (!isCallable(fn) || !isTuple(fnargs) || (kw !== None && !isDict(kw))) raise(TypeErrorType, "invalid partial state");
  const newArgs = fnargs.type === TupleType ? newRef(fnargs) : tupleFromBorrowed(fnargs.items);
  let newKw: PyDict;
  if (kw === None) newKw = newDict();
  else if (kw.type === DictType) newKw = newRef(kw as PyDict);
  else newKw = dictCopy(kw as PyDict);
  const oldFn = pto.fn, oldArgs = pto.args, oldKw = pto.kw, oldDict = pto.dict;
  pto.fn = newRef(fn);
  pto.args = newArgs;
  pto.kw = newKw;
  pto.dict = dict === None ? null : (newRef(dict) as PyDict);
  pto.vectorcall = hasVectorcall(fn);
  xdecref(oldFn);
  xdecref(oldArgs);
  xdecref(oldKw);
  xdecref(oldDict);
  return newRef(None);
}

function partialTraverse(self: PyObject, visit: VisitProc, arg: unknown): void {
  const pto = self as PyPartial;
  if (self.type === PartialType) visit(PartialType, arg);
  if (pto.fn !== null) visit(pto.fn, arg);
  if (pto.args !== null) visit(pto.args, arg);
  if (pto.kw !== null) visit(pto.kw, arg);
  if (pto.dict !== null) visit(pto.dict, arg);
}

function partialClear(self: PyObject): void {
  const pto = self as PyPartial;
  const fn = pto.fn, args = pto.args, kw = pto.kw, dict = pto.dict;
  pto.fn = null;
  xdecref(fn);
  pto.args = null;
  xdecref(args);
  pto.kw = null;
  xdecref(kw);
  pto.dict = null;
  xdecref(dict);
}

PartialType.new_ = partialNew;
PartialType.call = partialCallSlot;
PartialType.repr = partialRepr;
PartialType.traverse = partialTraverse;
PartialType.clear = partialClear;
PartialType.dealloc = (self) => {
  untrackAndClearWeakrefs(self);
  partialClear(self);
  freeTracked(self);
};
readyType(PartialType);
addMembers(PartialType, [
  { name: "func", get: (o) => newRef((o as PyPartial).fn ?? None), doc: "function object to use in future partial calls" },
  { name: "args", get: (o) => newRef((o as PyPartial).args ?? None), doc: "tuple of arguments to future partial calls" },
  { name: "keywords", get: (o) => newRef((o as PyPartial).kw ?? None), doc: "dictionary of keyword arguments to future partial calls" },
]);
addGetSets(PartialType, [
  { name: "__dict__", get: (o) => objectDictGetSet.get(o), set: (o, v) => objectDictGetSet.set!(o, v) },
]);
addMethods(PartialType, [
  { name: "__reduce__", kind: "noargs", fn: partialReduce },
  { name: "__setstate__", kind: "o", fn: partialSetState },
]);
