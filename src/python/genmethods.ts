// Objects/genobject.c (3.11): what Python sees of generators, coroutines and async
// generators: gen_methods / coro_methods / async_gen_methods, the gi_* / cr_* / ag_*
// attributes, reprs, __sizeof__, the coroutine_wrapper that coro.__await__() returns, and
// PyIter_Send (the SEND instruction's helper).

import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/refcount.js";
import { None } from "../runtime/singletons.js";
import { PyObject as PyObjectClass } from "../runtime/object.js";
import { newStr, PyStr } from "../runtime/str.js";
import { newInt } from "../runtime/int.js";
import { newBool } from "../runtime/bool.js";
import { tupleFromBorrowed, type PyTuple } from "../runtime/tuple.js";
import { raise, PyRaise, TypeErrorType, exceptionMatches, StopIterationType } from "../runtime/exceptions.js";
import { addGetSets, addMethods } from "../runtime/descrobject.js";
import { readyType, genericGetAttr, newStaticType } from "../runtime/typeobject.js";
import { TPFLAGS_HAVE_GC, TPFLAGS_UNICODE_SUBCLASS, type PyType } from "../runtime/type.js";
import { allocGCObject, freeGCObject } from "../runtime/heap.js";
import { gcTrack, gcUntrack } from "../runtime/gcstate.js";
import { callMethod } from "../runtime/abstract.js";
import { noKeywords } from "../runtime/getargs.js";
import { hexAddress } from "./repr.js";
import { getFrameObject } from "./frameobject.js";
import {
  GeneratorType, CoroutineType, AsyncGeneratorType, PyGenerator, genSendEx, genSendEx2, genIternext,
  genClose, genThrow, genYieldFrom, genSizeof, genStatus, PYGEN_RETURN, isGeneratorLike,
  FRAME_EXECUTING, FRAME_SUSPENDED, FRAME_COMPLETED,
} from "./genobject.js";
import { newAsyncGenASend, newAsyncGenAThrow } from "./asyncgen.js";
import { tstate } from "./ceval.js";

function ref<T extends PyObject>(o: T): T {
  o.refcnt++;
  return o;
}

function orNone(o: PyObject | null): PyObject {
  return ref(o === null ? None : o);
}

/** gen.throw(typ[, val[, tb]]) */
function genThrowMethod(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("throw", kwnames);
  if (nargs < 1) raise(TypeErrorType, `throw expected at least 1 argument, got ${nargs}`);
  if (nargs > 3) raise(TypeErrorType, `throw expected at most 3 arguments, got ${nargs}`);
  return genThrow(self as PyGenerator, true, args[start]!, nargs > 1 ? args[start + 1]! : null, nargs > 2 ? args[start + 2]! : null);
}

function closeMethod(self: PyObject): PyObject {
  genClose(self as PyGenerator);
  return ref(None);
}

function nameGetSets(): { name: string; get: (self: PyObject) => PyObject; set: (self: PyObject, v: PyObject | null) => void }[] {
  return [
    {
      name: "__name__",
      get: (self) => ref((self as PyGenerator).name),
      set: (self, value) => {
        if (value === null || (value.type.flags & TPFLAGS_UNICODE_SUBCLASS) === 0) raise(TypeErrorType, "__name__ must be set to a string object");
        const g = self as PyGenerator;
        const old = g.name;
        g.name = ref(value as PyStr);
        decref(old);
      },
    },
    {
      name: "__qualname__",
      get: (self) => ref((self as PyGenerator).qualname),
      set: (self, value) => {
        if (value === null || (value.type.flags & TPFLAGS_UNICODE_SUBCLASS) === 0) raise(TypeErrorType, "__qualname__ must be set to a string object");
        const g = self as PyGenerator;
        const old = g.qualname;
        g.qualname = ref(value as PyStr);
        decref(old);
      },
    },
  ];
}

function frameGetter(self: PyObject): PyObject {
  const g = self as PyGenerator;
  if (g.frameState >= FRAME_COMPLETED) return ref(None);
  return ref(getFrameObject(g.frame));
}

function sizeofMethod(self: PyObject): PyObject {
  return newInt(genSizeof(self as PyGenerator));
}

function installGenerator(): void {
  const t = GeneratorType;
  t.iter = (self) => ref(self);
  t.iternext = (self) => genIternext(self as PyGenerator);
  t.repr = (self) => newStr(`<generator object ${(self as PyGenerator).qualname.value} at ${hexAddress(self)}>`);
  t.getattro = genericGetAttr;
  addMethods(t, [
    { name: "send", kind: "o", fn: (self, arg) => genSendEx(self as PyGenerator, arg, null, false) },
    { name: "throw", kind: "fastcall", fn: genThrowMethod },
    { name: "close", kind: "noargs", fn: closeMethod },
    { name: "__sizeof__", kind: "noargs", fn: sizeofMethod },
  ]);
  addGetSets(t, [
    { name: "gi_code", get: (self) => ref((self as PyGenerator).code) },
    { name: "gi_running", get: (self) => newBool((self as PyGenerator).frameState === FRAME_EXECUTING) },
    { name: "gi_suspended", get: (self) => newBool((self as PyGenerator).frameState === FRAME_SUSPENDED) },
    { name: "gi_frame", get: frameGetter },
    { name: "gi_yieldfrom", get: (self) => genYieldFrom(self as PyGenerator) ?? ref(None) },
    ...nameGetSets(),
  ]);
  readyType(t);
}

// --- coroutines ---

/** The object coro.__await__() returns: an iterator driving the coroutine (coro_wrapper). */
export class PyCoroWrapper extends PyObjectClass {
  coroutine: PyGenerator;
  constructor(coroutine: PyGenerator) {
    super(CoroWrapperType);
    this.coroutine = coroutine;
  }
}

export const CoroWrapperType: PyType = newStaticType("coroutine_wrapper", 24, 0, TPFLAGS_HAVE_GC);
CoroWrapperType.traverse = (self, visit, arg) => visit((self as PyCoroWrapper).coroutine, arg);
CoroWrapperType.dealloc = (self) => {
  const w = self as PyCoroWrapper;
  gcUntrack(w);
  decref(w.coroutine);
  freeGCObject(w);
};

function newCoroWrapper(coro: PyGenerator): PyObject {
  coro.refcnt++;
  const w = new PyCoroWrapper(coro);
  allocGCObject(w, 24);
  gcTrack(w);
  return w;
}

function installCoroutine(): void {
  const t = CoroutineType;
  t.repr = (self) => newStr(`<coroutine object ${(self as PyGenerator).qualname.value} at ${hexAddress(self)}>`);
  t.getattro = genericGetAttr;
  addMethods(t, [
    { name: "send", kind: "o", fn: (self, arg) => genSendEx(self as PyGenerator, arg, null, false) },
    { name: "throw", kind: "fastcall", fn: genThrowMethod },
    { name: "close", kind: "noargs", fn: closeMethod },
    { name: "__sizeof__", kind: "noargs", fn: sizeofMethod },
    { name: "__await__", kind: "noargs", fn: (self) => newCoroWrapper(self as PyGenerator) },
  ]);
  addGetSets(t, [
    { name: "cr_code", get: (self) => ref((self as PyGenerator).code) },
    { name: "cr_running", get: (self) => newBool((self as PyGenerator).frameState === FRAME_EXECUTING) },
    { name: "cr_suspended", get: (self) => newBool((self as PyGenerator).frameState === FRAME_SUSPENDED) },
    { name: "cr_frame", get: frameGetter },
    { name: "cr_await", get: (self) => genYieldFrom(self as PyGenerator) ?? ref(None) },
    { name: "cr_origin", get: (self) => orNone((self as PyGenerator).originOrFinalizer) },
    ...nameGetSets(),
  ]);
  readyType(t);

  const w = CoroWrapperType;
  w.iter = (self) => ref(self);
  w.iternext = (self) => genIternext((self as PyCoroWrapper).coroutine);
  w.getattro = genericGetAttr;
  addMethods(w, [
    { name: "send", kind: "o", fn: (self, arg) => genSendEx((self as PyCoroWrapper).coroutine, arg, null, false) },
    {
      name: "throw",
      kind: "fastcall",
      fn: (self, args, start, nargs, kwnames) => genThrowMethod((self as PyCoroWrapper).coroutine, args, start, nargs, kwnames),
    },
    { name: "close", kind: "noargs", fn: (self) => closeMethod((self as PyCoroWrapper).coroutine) },
  ]);
  readyType(w);
}

// --- async generators ---

function installAsyncGenerator(): void {
  const t = AsyncGeneratorType;
  t.repr = (self) => newStr(`<async_generator object ${(self as PyGenerator).qualname.value} at ${hexAddress(self)}>`);
  t.getattro = genericGetAttr;
  addMethods(t, [
    { name: "asend", kind: "o", fn: (self, arg) => newAsyncGenASend(self as PyGenerator, arg) },
    {
      name: "athrow",
      kind: "fastcall",
      fn: (self, args, start, nargs, kwnames) => {
        if (kwnames !== null) noKeywords("athrow", kwnames);
        const tuple = tupleFromBorrowed(args, start, start + nargs);
        try {
          return newAsyncGenAThrow(self as PyGenerator, tuple);
        } finally {
          decref(tuple);
        }
      },
    },
    { name: "aclose", kind: "noargs", fn: (self) => newAsyncGenAThrow(self as PyGenerator, null) },
    { name: "__aiter__", kind: "noargs", fn: (self) => ref(self) },
    { name: "__anext__", kind: "noargs", fn: (self) => newAsyncGenASend(self as PyGenerator, null) },
    { name: "__sizeof__", kind: "noargs", fn: sizeofMethod },
  ]);
  addGetSets(t, [
    { name: "ag_code", get: (self) => ref((self as PyGenerator).code) },
    { name: "ag_running", get: (self) => newBool((self as PyGenerator).runningAsync) },
    { name: "ag_suspended", get: (self) => newBool((self as PyGenerator).frameState === FRAME_SUSPENDED) },
    { name: "ag_frame", get: frameGetter },
    { name: "ag_await", get: (self) => genYieldFrom(self as PyGenerator) ?? ref(None) },
    ...nameGetSets(),
  ]);
  readyType(t);
}

let installed = false;

export function installGeneratorTypes(): void {
  if (installed) return;
  installed = true;
  installGenerator();
  installCoroutine();
  installAsyncGenerator();
}

/**
 * PyIter_Send for SEND: generators and coroutines resume directly; other iterators through
 * __next__ (when sending None) or their send() method. Sets tstate.sendReturned when the
 * receiver finished; the result is then its return value.
 */
export function iterSend(receiver: PyObject, value: PyObject): PyObject {
  if (isGeneratorLike(receiver)) {
    const res = genSendEx2(receiver, value, null, false);
    tstate.sendReturned = genStatus === PYGEN_RETURN;
    return res === null ? ref(None) : res;
  }
  try {
    let res: PyObject | null;
    if (value === None && receiver.type.iternext !== null) {
      res = receiver.type.iternext(receiver);
    } else {
      res = callMethod(receiver, sendName(), [value]);
    }
    tstate.sendReturned = res === null;
    return res === null ? ref(None) : res;
  } catch (e) {
    if (e instanceof PyRaise && exceptionMatches(e.exception, StopIterationType)) {
      // _PyGen_FetchStopIterationValue: the value is StopIteration.value.
      const stop = e.exception;
      const args = stop.args.items;
      const result = args.length > 0 ? ref(args[0]!) : ref(None);
      decref(stop);
      tstate.sendReturned = true;
      return result;
    }
    throw e;
  }
}

let sendNameStr: PyStr | null = null;
function sendName(): PyStr {
  if (sendNameStr === null) sendNameStr = newStr("send");
  return sendNameStr;
}
