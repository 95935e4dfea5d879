// Objects/genobject.c (3.11): the async generator's helper objects:
// _PyAsyncGenWrappedValue (async_gen_wrap), PyAsyncGenASend (async_gen_asend_*),
// PyAsyncGenAThrow (async_gen_athrow_*), and async_gen_unwrap_value.
//
// An async generator's frame yields two kinds of values: values its `yield` produces, which
// ASYNC_GEN_WRAP wraps, and values an `await` inside it passes up to the event loop. The
// awaitables returned by __anext__()/asend() and athrow()/aclose() resume the generator and
// tell the two apart: a wrapped value finishes the awaitable (StopIteration(value)), anything
// else is passed through.

import { PyObject, type VisitProc } from "../runtime/object.js";
import { decref, xdecref } from "../runtime/refcount.js";
import { allocGCObject, freeGCObject } from "../runtime/heap.js";
import { gcTrack, gcUntrack } from "../runtime/gcstate.js";
import { TPFLAGS_HAVE_GC } from "../runtime/type.js";
import { newStaticType, readyType } from "../runtime/typeobject.js";
import { None } from "../runtime/singletons.js";
import {
  PyRaise, newExceptionFromOwnedArgs, exceptionMatches,
  StopIterationType, StopAsyncIterationType, GeneratorExitType, RuntimeErrorType, TypeErrorType,
} from "../runtime/exceptions.js";
import { EMPTY_TUPLE, tupleFromOwned, type PyTuple } from "../runtime/tuple.js";
import { newStr } from "../runtime/str.js";
import { addMethods } from "../runtime/descrobject.js";
import {
  type PyGenerator, genSendEx, genThrow, stopIterationWithValue,
} from "./genobject.js";
import { hexAddress } from "./repr.js";

// --- the wrapped value ---

export class PyAsyncGenWrappedValue extends PyObject {
  value: PyObject;
  constructor(value: PyObject) {
    super(AsyncGenWrappedValueType);
    this.value = value;
  }
}

export const AsyncGenWrappedValueType = newStaticType("async_generator_wrapped_value", 24, 0, TPFLAGS_HAVE_GC);
AsyncGenWrappedValueType.traverse = (self, visit, arg) => visit((self as PyAsyncGenWrappedValue).value, arg);
AsyncGenWrappedValueType.dealloc = (self) => {
  const w = self as PyAsyncGenWrappedValue;
  gcUntrack(w);
  decref(w.value);
  freeGCObject(w);
};
readyType(AsyncGenWrappedValueType);

/** ASYNC_GEN_WRAP: takes over `value`. */
export function wrapAsyncGenValue(value: PyObject): PyObject {
  const w = new PyAsyncGenWrappedValue(value);
  allocGCObject(w, 24);
  gcTrack(w);
  return w;
}

function isWrapped(o: PyObject): o is PyAsyncGenWrappedValue {
  return o.type === AsyncGenWrappedValueType;
}

function raiseNew(type: typeof RuntimeErrorType, message: string | null): never {
  const args = message === null ? (EMPTY_TUPLE.refcnt++, EMPTY_TUPLE) : tupleFromOwned([newStr(message)]);
  throw new PyRaise(newExceptionFromOwnedArgs(type, args));
}

/**
 * async_gen_unwrap_value: what one resumption of the generator means to its awaitable. `run`
 * resumes it; a wrapped value becomes StopIteration(value), the end StopAsyncIteration.
 */
function unwrapResult(gen: PyGenerator, run: () => PyObject): PyObject {
  let result: PyObject;
  try {
    result = run();
  } catch (e) {
    if (e instanceof PyRaise && (exceptionMatches(e.exception, StopAsyncIterationType) || exceptionMatches(e.exception, GeneratorExitType))) {
      gen.closed = true;
    }
    gen.runningAsync = false;
    throw e;
  }
  if (isWrapped(result)) {
    const v = result.value;
    v.refcnt++;
    decref(result);
    gen.runningAsync = false;
    throw stopIterationWithValue(v);
  }
  return result;
}

// --- asend / __anext__ ---

const STATE_INIT = 0;
const STATE_ITER = 1;
const STATE_CLOSED = 2;

export class PyAsyncGenASend extends PyObject {
  gen: PyGenerator;
  sendValue: PyObject | null;
  state: number;
  constructor(gen: PyGenerator, sendValue: PyObject | null) {
    super(AsyncGenASendType);
    this.gen = gen;
    this.sendValue = sendValue;
    this.state = STATE_INIT;
  }
}

export const AsyncGenASendType = newStaticType("async_generator_asend", 40, 0, TPFLAGS_HAVE_GC);
AsyncGenASendType.traverse = (self, visit: VisitProc, arg) => {
  const o = self as PyAsyncGenASend;
  visit(o.gen, arg);
  if (o.sendValue !== null) visit(o.sendValue, arg);
};
AsyncGenASendType.dealloc = (self) => {
  const o = self as PyAsyncGenASend;
  gcUntrack(o);
  decref(o.gen);
  xdecref(o.sendValue);
  freeGCObject(o);
};

/** async_gen_asend_new (borrowed arguments). */
export function newAsyncGenASend(gen: PyGenerator, sendValue: PyObject | null): PyObject {
  gen.refcnt++;
  if (sendValue !== null) sendValue.refcnt++;
  const o = new PyAsyncGenASend(gen, sendValue);
  allocGCObject(o, 40);
  gcTrack(o);
  return o;
}

function asendSend(self: PyObject, arg: PyObject | null): PyObject {
  const o = self as PyAsyncGenASend;
  if (o.state === STATE_CLOSED) raiseNew(RuntimeErrorType, "cannot reuse already awaited __anext__()/asend()");
  if (o.state === STATE_INIT) {
    if (o.gen.runningAsync) raiseNew(RuntimeErrorType, "anext(): asynchronous generator is already running");
    if (arg === null || arg === None) arg = o.sendValue;
    o.state = STATE_ITER;
  }
  o.gen.runningAsync = true;
  const value = arg ?? None;
  try {
    return unwrapResult(o.gen, () => genSendEx(o.gen, value, null, false));
  } catch (e) {
    o.state = STATE_CLOSED;
    throw e;
  }
}

function asendThrow(self: PyObject, args: PyObject[], start: number, nargs: number): PyObject {
  const o = self as PyAsyncGenASend;
  if (o.state === STATE_CLOSED) raiseNew(RuntimeErrorType, "cannot reuse already awaited __anext__()/asend()");
  checkThrowArgs(nargs);
  try {
    return unwrapResult(o.gen, () => genThrow(o.gen, true, args[start]!, nargs > 1 ? args[start + 1]! : null, nargs > 2 ? args[start + 2]! : null));
  } catch (e) {
    o.state = STATE_CLOSED;
    throw e;
  }
}

function checkThrowArgs(nargs: number): void {
  if (nargs < 1) raiseNew(TypeErrorType, `throw expected at least 1 argument, got ${nargs}`);
  if (nargs > 3) raiseNew(TypeErrorType, `throw expected at most 3 arguments, got ${nargs}`);
}

AsyncGenASendType.iter = (self) => (self.refcnt++, self);
AsyncGenASendType.iternext = (self) => asendSend(self, null);
addMethods(AsyncGenASendType, [
  { name: "send", kind: "o", fn: (self, arg) => asendSend(self, arg) },
  { name: "throw", kind: "fastcall", fn: (self, args, start, nargs) => asendThrow(self, args, start, nargs) },
  {
    name: "close",
    kind: "noargs",
    fn: (self) => {
      (self as PyAsyncGenASend).state = STATE_CLOSED;
      None.refcnt++;
      return None;
    },
  },
  { name: "__await__", kind: "noargs", fn: (self) => (self.refcnt++, self) },
]);
readyType(AsyncGenASendType);

// --- athrow / aclose ---

export class PyAsyncGenAThrow extends PyObject {
  gen: PyGenerator;
  /** The athrow() arguments; null for aclose(). */
  args: PyTuple | null;
  state: number;
  constructor(gen: PyGenerator, args: PyTuple | null) {
    super(AsyncGenAThrowType);
    this.gen = gen;
    this.args = args;
    this.state = STATE_INIT;
  }
}

export const AsyncGenAThrowType = newStaticType("async_generator_athrow", 40, 0, TPFLAGS_HAVE_GC);
AsyncGenAThrowType.traverse = (self, visit: VisitProc, arg) => {
  const o = self as PyAsyncGenAThrow;
  visit(o.gen, arg);
  if (o.args !== null) visit(o.args, arg);
};
AsyncGenAThrowType.dealloc = (self) => {
  const o = self as PyAsyncGenAThrow;
  gcUntrack(o);
  decref(o.gen);
  xdecref(o.args);
  freeGCObject(o);
};

/** async_gen_athrow_new: `args` (borrowed) null means aclose(). */
export function newAsyncGenAThrow(gen: PyGenerator, args: PyTuple | null): PyObject {
  gen.refcnt++;
  if (args !== null) args.refcnt++;
  const o = new PyAsyncGenAThrow(gen, args);
  allocGCObject(o, 40);
  gcTrack(o);
  return o;
}

const FRAME_COMPLETED = 1;

function athrowSend(self: PyObject, arg: PyObject): PyObject {
  const o = self as PyAsyncGenAThrow;
  const gen = o.gen;
  if (o.state === STATE_CLOSED) raiseNew(RuntimeErrorType, "cannot reuse already awaited aclose()/athrow()");
  if (gen.frameState >= FRAME_COMPLETED) {
    o.state = STATE_CLOSED;
    raiseNew(StopIterationType, null);
  }
  if (o.state === STATE_INIT) {
    if (gen.runningAsync) {
      o.state = STATE_CLOSED;
      raiseNew(RuntimeErrorType, o.args === null ? "aclose(): asynchronous generator is already running" : "athrow(): asynchronous generator is already running");
    }
    if (gen.closed) {
      o.state = STATE_CLOSED;
      raiseNew(StopAsyncIterationType, null);
    }
    if (arg !== None) raiseNew(RuntimeErrorType, "can't send non-None value to a just-started coroutine");
    o.state = STATE_ITER;
    gen.runningAsync = true;
    if (o.args === null) {
      gen.closed = true;
      let ret: PyObject;
      try {
        ret = genThrow(gen, false, GeneratorExitType, null, null);
      } catch (e) {
        return checkError(o, e);
      }
      if (isWrapped(ret)) {
        decref(ret);
        return yieldClose(o);
      }
      return ret;
    }
    const items = o.args.items;
    if (items.length < 1) raiseNew(TypeErrorType, `athrow expected at least 1 argument, got ${items.length}`);
    try {
      return unwrapResult(gen, () => genThrow(gen, false, items[0]!, items.length > 1 ? items[1]! : null, items.length > 2 ? items[2]! : null));
    } catch (e) {
      return checkError(o, e);
    }
  }
  // STATE_ITER
  if (o.args !== null) {
    try {
      return unwrapResult(gen, () => genSendEx(gen, arg, null, false));
    } catch (e) {
      return checkError(o, e);
    }
  }
  let ret: PyObject;
  try {
    ret = genSendEx(gen, arg, null, false);
  } catch (e) {
    return checkError(o, e);
  }
  if (isWrapped(ret)) {
    decref(ret);
    return yieldClose(o);
  }
  return ret;
}

function yieldClose(o: PyAsyncGenAThrow): never {
  o.gen.runningAsync = false;
  o.state = STATE_CLOSED;
  raiseNew(RuntimeErrorType, "async generator ignored GeneratorExit");
}

/** check_error: aclose() turns the generator's end into the awaitable's StopIteration. */
function checkError(o: PyAsyncGenAThrow, e: unknown): never {
  o.gen.runningAsync = false;
  o.state = STATE_CLOSED;
  if (e instanceof PyRaise && o.args === null && (exceptionMatches(e.exception, StopAsyncIterationType) || exceptionMatches(e.exception, GeneratorExitType))) {
    decref(e.exception);
    raiseNew(StopIterationType, null);
  }
  throw e;
}

function athrowThrow(self: PyObject, args: PyObject[], start: number, nargs: number): PyObject {
  const o = self as PyAsyncGenAThrow;
  if (o.state === STATE_CLOSED) raiseNew(RuntimeErrorType, "cannot reuse already awaited aclose()/athrow()");
  checkThrowArgs(nargs);
  let ret: PyObject;
  try {
    ret = genThrow(o.gen, false, args[start]!, nargs > 1 ? args[start + 1]! : null, nargs > 2 ? args[start + 2]! : null);
  } catch (e) {
    if (o.args !== null) {
      o.gen.runningAsync = false;
      if (e instanceof PyRaise && (exceptionMatches(e.exception, StopAsyncIterationType) || exceptionMatches(e.exception, GeneratorExitType))) o.gen.closed = true;
      throw e;
    }
    return checkError(o, e);
  }
  if (o.args !== null) {
    if (isWrapped(ret)) {
      const v = ret.value;
      v.refcnt++;
      decref(ret);
      o.gen.runningAsync = false;
      throw stopIterationWithValue(v);
    }
    return ret;
  }
  if (isWrapped(ret)) {
    decref(ret);
    o.gen.runningAsync = false;
    o.state = STATE_CLOSED;
    raiseNew(RuntimeErrorType, "async generator ignored GeneratorExit");
  }
  return ret;
}

AsyncGenAThrowType.iter = (self) => (self.refcnt++, self);
AsyncGenAThrowType.iternext = (self) => athrowSend(self, None);
addMethods(AsyncGenAThrowType, [
  { name: "send", kind: "o", fn: (self, arg) => athrowSend(self, arg) },
  { name: "throw", kind: "fastcall", fn: (self, args, start, nargs) => athrowThrow(self, args, start, nargs) },
  {
    name: "close",
    kind: "noargs",
    fn: (self) => {
      (self as PyAsyncGenAThrow).state = STATE_CLOSED;
      None.refcnt++;
      return None;
    },
  },
  { name: "__await__", kind: "noargs", fn: (self) => (self.refcnt++, self) },
]);
readyType(AsyncGenAThrowType);

export function asyncGenHelperRepr(o: PyObject): string {
  return `<${o.type.name} object at ${hexAddress(o)}>`;
}
