// Objects/genobject.c (3.11): PyGen_Type, PyCoro_Type and PyAsyncGen_Type's shared core:
// gen_send_ex2, gen_send_ex, gen_iternext, _gen_throw, gen_close, gen_close_iter, _PyGen_yf,
// _PyGen_Finalize, gen_dealloc, gen_traverse.
//
// A generator (or coroutine, or async generator) owns the interpreter frame of its code. Each
// resumption runs that frame as the entry frame of a nested evalFrame(), with the generator's
// own handled-exception item linked into the thread's chain, exactly as 3.11 does. The three
// kinds share one object layout (3.11's _PyGenObject_HEAD); the kind is the object's type.

import { PyObject } from "../runtime/object.js";
import { decref, xdecref } from "../runtime/refcount.js";
import { allocGCObject, freeGCObject } from "../runtime/heap.js";
import { gcTrack, gcUntrack } from "../runtime/gcstate.js";
import { TPFLAGS_HAVE_GC, TPFLAGS_BASE_EXC_SUBCLASS, TPFLAGS_TYPE_SUBCLASS } from "../runtime/type.js";
import { newStaticType } from "../runtime/typeobject.js";
import { None } from "../runtime/singletons.js";
import {
  PyRaise, PyBaseException, newExceptionFromOwnedArgs, exceptionMatches,
  StopIterationType, StopAsyncIterationType, GeneratorExitType, RuntimeErrorType, ValueErrorType, TypeErrorType,
} from "../runtime/exceptions.js";
import { EMPTY_TUPLE, TupleType, tupleFromOwned } from "../runtime/tuple.js";
import { newStr, type PyStr } from "../runtime/str.js";
import { clearWeakrefs } from "../runtime/weakref.js";
import { callFinalizerFromDealloc, writeUnraisable } from "../runtime/finalize.js";
import { callNoArgs, callObject, lookupAttr } from "../runtime/abstract.js";
import { Frame, OWNED_BY_GENERATOR } from "./frame.js";
import { clearFinishedFrame, traverseFrameData } from "./frameobject.js";
import { ExceptionStackItem } from "./threadstate.js";
import { evalFrame, tstate, chainContextWith } from "./ceval.js";
import { CO_COROUTINE, CO_ASYNC_GENERATOR, CO_ITERABLE_COROUTINE, type PyCode } from "./code.js";
import { Op } from "./opcodes.js";
import { PyTraceBack, TraceBackType } from "./traceback.js";

export const FRAME_CREATED = -2;
export const FRAME_SUSPENDED = -1;
export const FRAME_EXECUTING = 0;
export const FRAME_COMPLETED = 1;
export const FRAME_CLEARED = 4;

/** offsetof(PyGenObject, gi_iframe) + offsetof(_PyInterpreterFrame, localsplus) in 3.11. */
export const GENERATOR_BASICSIZE = 152;

export class PyGenerator extends PyObject {
  frame: Frame;
  frameState: number;
  code: PyCode;
  name: PyStr;
  qualname: PyStr;
  excState: ExceptionStackItem;
  /** cr_origin (coroutines) or the finalizer hook (async generators); null otherwise. */
  originOrFinalizer: PyObject | null;
  /** Async generators: ag_hooks_inited, ag_closed, ag_running_async. */
  hooksInited: boolean;
  closed: boolean;
  runningAsync: boolean;

  constructor(type: typeof GeneratorType, frame: Frame) {
    super(type);
    this.frame = frame;
    this.frameState = FRAME_CREATED;
    this.code = frame.code;
    this.name = frame.code.name;
    this.qualname = frame.code.qualname;
    this.excState = new ExceptionStackItem(null);
    this.originOrFinalizer = null;
    this.hooksInited = false;
    this.closed = false;
    this.runningAsync = false;
  }
}

export const GeneratorType = newStaticType("generator", GENERATOR_BASICSIZE, 8, TPFLAGS_HAVE_GC);
GeneratorType.weaklistoffset = 1;
export const CoroutineType = newStaticType("coroutine", GENERATOR_BASICSIZE, 8, TPFLAGS_HAVE_GC);
CoroutineType.weaklistoffset = 1;
export const AsyncGeneratorType = newStaticType("async_generator", GENERATOR_BASICSIZE, 8, TPFLAGS_HAVE_GC);
AsyncGeneratorType.weaklistoffset = 1;

/**
 * The generator, coroutine or async generator that takes over `frame` (made by the call that
 * ran RETURN_GENERATOR); the kind comes from the code's flags, as make_gen does.
 */
export function newGeneratorFromFrame(frame: Frame): PyGenerator {
  const flags = frame.code.flags;
  const type = (flags & CO_COROUTINE) !== 0 ? CoroutineType : (flags & CO_ASYNC_GENERATOR) !== 0 ? AsyncGeneratorType : GeneratorType;
  const gen = new PyGenerator(type, frame);
  frame.code.refcnt++;
  gen.name.refcnt++;
  gen.qualname.refcnt++;
  frame.owner = OWNED_BY_GENERATOR;
  frame.generator = gen;
  frame.isEntry = false;
  allocGCObject(gen, GENERATOR_BASICSIZE + 8 * (frame.code.nlocalsplus + frame.code.stacksize));
  gcTrack(gen);
  return gen;
}

export function isGenerator(o: PyObject): o is PyGenerator {
  return o.type === GeneratorType;
}

export function isCoroutine(o: PyObject): o is PyGenerator {
  return o.type === CoroutineType;
}

export function isAsyncGenerator(o: PyObject): o is PyGenerator {
  return o.type === AsyncGeneratorType;
}

/** Generators and coroutines (gen_send_ex2's domain, and what SEND resumes directly). */
export function isGeneratorLike(o: PyObject): o is PyGenerator {
  const t = o.type;
  return t === GeneratorType || t === CoroutineType || t === AsyncGeneratorType;
}

/** A generator made by a @types.coroutine function: awaitable as it is. */
export function isIterableCoroutine(o: PyObject): boolean {
  return o.type === GeneratorType && ((o as PyGenerator).code.flags & CO_ITERABLE_COROUTINE) !== 0;
}

function kindWord(gen: PyGenerator): string {
  const t = gen.type;
  return t === CoroutineType ? "coroutine" : t === AsyncGeneratorType ? "async generator" : "generator";
}

/** The result kinds of gen_send_ex2 (PySendResult), left in `genStatus` by genSendEx2. */
export const PYGEN_RETURN = 0;
export const PYGEN_NEXT = 1;
export let genStatus = PYGEN_NEXT;

/**
 * gen_send_ex2: resumes the generator with `arg` (null: next()), or by raising `exc` (which it
 * takes over). Returns the yielded or returned value (new reference) and sets genStatus; a
 * finished generator's None result is reported as null when `arg` is null (gen_iternext).
 * Errors are thrown.
 */
export function genSendEx2(gen: PyGenerator, arg: PyObject | null, exc: PyRaise | null, closing: boolean): PyObject | null {
  const state = gen.frameState;
  if (state === FRAME_CREATED && arg !== null && arg !== None) {
    if (exc !== null) decref(exc.exception);
    throwNew(TypeErrorType, `can't send non-None value to a just-started ${kindWord(gen)}`);
  }
  if (state === FRAME_EXECUTING) {
    if (exc !== null) decref(exc.exception);
    throwNew(ValueErrorType, `${kindWord(gen)} already executing`);
  }
  if (state >= FRAME_COMPLETED) {
    if (gen.type === CoroutineType && !closing) {
      if (exc !== null) decref(exc.exception);
      throwNew(RuntimeErrorType, "cannot reuse already awaited coroutine");
    }
    if (exc !== null) throw exc;
    if (arg !== null) {
      genStatus = PYGEN_RETURN;
      None.refcnt++;
      return None;
    }
    genStatus = PYGEN_RETURN;
    return null;
  }
  const frame = gen.frame;
  const value = arg === null ? None : arg;
  value.refcnt++;
  frame.localsplus[frame.sp++] = value;
  const ts = tstate;
  frame.previous = ts.frame;
  ts.frame = frame;
  gen.excState.previous = ts.excInfo;
  ts.excInfo = gen.excState;
  if (exc !== null) {
    // _PyErr_ChainStackItem: only the generator's own handled exception becomes the context
    // of what is thrown in; the thrower's is not (the throw is not a new raise).
    exc.contextChained = true;
    exc.reraise = false;
    const handled = gen.excState.value;
    if (handled !== null && handled !== None) chainContextWith(exc.exception, handled as PyBaseException);
  }
  gen.frameState = FRAME_EXECUTING;
  let result: PyObject | null = null;
  let error: unknown = null;
  try {
    result = evalFrame(frame, exc);
  } catch (e) {
    error = e;
  }
  const yielded = error === null && ts.yielded;
  ts.yielded = false;
  ts.excInfo = gen.excState.previous as ExceptionStackItem;
  gen.excState.previous = null;
  ts.frame = frame.previous;
  frame.previous = null;
  if (yielded) {
    gen.frameState = FRAME_SUSPENDED;
    genStatus = PYGEN_NEXT;
    return result;
  }
  // Finished: returned or raised. The frame is released now (gi_frame becomes None).
  gen.frameState = FRAME_CLEARED;
  const handled = gen.excState.value;
  gen.excState.value = null;
  xdecref(handled);
  if (error !== null && error instanceof PyRaise) error = replaceEscapingStop(gen, error);
  clearFinishedFrame(frame);
  genStatus = PYGEN_RETURN;
  if (error !== null) throw error;
  if (result === None && arg === null && gen.type !== AsyncGeneratorType) {
    decref(result);
    return null;
  }
  return result;
}

/** PEP 479: StopIteration (and, in async generators, StopAsyncIteration) escaping becomes RuntimeError. */
function replaceEscapingStop(gen: PyGenerator, r: PyRaise): PyRaise {
  const exc = r.exception;
  let message: string | null = null;
  if (exceptionMatches(exc, StopIterationType)) message = `${kindWord(gen)} raised StopIteration`;
  else if (gen.type === AsyncGeneratorType && exceptionMatches(exc, StopAsyncIterationType)) message = "async generator raised StopAsyncIteration";
  if (message === null) return r;
  // _PyErr_FormatFromCause: the new error's cause and context are the old one.
  const rt = newExceptionFromOwnedArgs(RuntimeErrorType, tupleFromOwned([newStr(message)]));
  exc.refcnt++;
  rt.cause = exc;
  rt.context = exc;
  rt.suppressContext = true;
  const replaced = new PyRaise(rt);
  replaced.contextChained = true;
  return replaced;
}

function throwNew(type: typeof TypeErrorType, message: string): never {
  const e = newExceptionFromOwnedArgs(type, tupleFromOwned([newStr(message)]));
  throw new PyRaise(e);
}

/** _PyGen_SetStopIterationValue: StopIteration(value) (takes over `value`). */
export function stopIterationWithValue(value: PyObject): PyRaise {
  return new PyRaise(newExceptionFromOwnedArgs(StopIterationType, tupleFromOwned([value])));
}

function bareException(type: typeof TypeErrorType): PyRaise {
  EMPTY_TUPLE.refcnt++;
  return new PyRaise(newExceptionFromOwnedArgs(type, EMPTY_TUPLE));
}

/** gen_send_ex: send() and throw()'s result, a return becoming StopIteration / StopAsyncIteration. */
export function genSendEx(gen: PyGenerator, arg: PyObject | null, exc: PyRaise | null, closing: boolean): PyObject {
  const result = genSendEx2(gen, arg, exc, closing);
  if (genStatus === PYGEN_RETURN) {
    if (gen.type === AsyncGeneratorType) {
      xdecref(result);
      throw bareException(StopAsyncIterationType);
    }
    if (result === null || result === None) {
      xdecref(result);
      throw bareException(StopIterationType);
    }
    throw stopIterationWithValue(result);
  }
  return result as PyObject;
}

/** gen_iternext (generators and coroutine wrappers): null at the end, StopIteration(value) for a value. */
export function genIternext(gen: PyGenerator): PyObject | null {
  const result = genSendEx2(gen, null, null, false);
  if (genStatus === PYGEN_RETURN) {
    if (result === null) return null;
    if (result === None) {
      decref(result);
      return null;
    }
    throw stopIterationWithValue(result);
  }
  return result;
}

/** _PyGen_yf: the iterator a generator delegates to (inside `yield from` / `await`), a new reference. */
export function genYieldFrom(gen: PyGenerator): PyObject | null {
  if (gen.frameState >= FRAME_CLEARED || gen.frameState === FRAME_CREATED) return null;
  const frame = gen.frame;
  const instructions = frame.code.instructions;
  const next = frame.ip;
  if (2 * next + 1 >= instructions.length) return null;
  if (instructions[2 * next] !== Op.RESUME || instructions[2 * next + 1]! < 2) return null;
  const yf = frame.localsplus[frame.sp - 1] ?? null;
  if (yf !== null) yf.refcnt++;
  return yf;
}

/** gen_close_iter: closes a delegate; a failure is thrown. */
function closeIter(yf: PyObject): void {
  if (yf.type === GeneratorType || yf.type === CoroutineType) {
    genClose(yf as PyGenerator);
    return;
  }
  let meth: PyObject | null = null;
  try {
    meth = lookupAttr(yf, closeName());
  } catch (e) {
    writeUnraisable(e, yf);
  }
  if (meth !== null) {
    try {
      decref(callNoArgs(meth));
    } finally {
      decref(meth);
    }
  }
}

let closeNameStr: PyStr | null = null;
function closeName(): PyStr {
  if (closeNameStr === null) closeNameStr = newStr("close");
  return closeNameStr;
}
let throwNameStr: PyStr | null = null;
function throwName(): PyStr {
  if (throwNameStr === null) throwNameStr = newStr("throw");
  return throwNameStr;
}

/** gen_close: GeneratorExit thrown in; a value yielded in response is a RuntimeError. */
export function genClose(gen: PyGenerator): void {
  const yf = genYieldFrom(gen);
  let thrown: PyRaise | null = null;
  if (yf !== null) {
    const state = gen.frameState;
    gen.frameState = FRAME_EXECUTING;
    try {
      closeIter(yf);
    } catch (e) {
      if (!(e instanceof PyRaise)) throw e;
      thrown = e;
    } finally {
      gen.frameState = state;
      decref(yf);
    }
  }
  if (thrown === null) thrown = bareException(GeneratorExitType);
  let result: PyObject | null;
  try {
    result = genSendEx2(gen, None, thrown, true);
  } catch (e) {
    if (e instanceof PyRaise) {
      const exc = e.exception;
      if (exceptionMatches(exc, StopIterationType) || exceptionMatches(exc, GeneratorExitType)) {
        decref(exc);
        return;
      }
    }
    throw e;
  }
  if (genStatus === PYGEN_NEXT) {
    xdecref(result);
    const word = gen.type === CoroutineType ? "coroutine" : gen.type === AsyncGeneratorType ? "async generator" : "generator";
    throwNew(RuntimeErrorType, `${word} ignored GeneratorExit`);
  }
  xdecref(result);
}

/**
 * _gen_throw: throws (typ, val, tb) into the generator, first into the iterator it delegates
 * to. `closeOnGenExit`: a GeneratorExit closes the delegate instead (gen.throw, not athrow).
 * Arguments are borrowed.
 */
export function genThrow(gen: PyGenerator, closeOnGenExit: boolean, typ: PyObject, val: PyObject | null, tb: PyObject | null): PyObject {
  const yf = genYieldFrom(gen);
  if (yf !== null) {
    const state = gen.frameState;
    if (closeOnGenExit && exceptionMatches(typ, GeneratorExitType)) {
      gen.frameState = FRAME_EXECUTING;
      let failure: PyRaise | null = null;
      try {
        closeIter(yf);
      } catch (e) {
        if (!(e instanceof PyRaise)) throw e;
        failure = e;
      } finally {
        gen.frameState = state;
        decref(yf);
      }
      if (failure !== null) return genSendEx(gen, None, failure, false);
      return genSendEx(gen, None, makeThrown(typ, val, tb), false);
    }
    let ret: PyObject;
    try {
      if (yf.type === GeneratorType || yf.type === CoroutineType) {
        // Fast-tracked: the delegating frame shows as the caller of the delegate.
        const frame = gen.frame;
        const ts = tstate;
        const prev = ts.frame;
        frame.previous = prev;
        ts.frame = frame;
        gen.frameState = FRAME_EXECUTING;
        try {
          ret = genThrow(yf as PyGenerator, closeOnGenExit, typ, val, tb);
        } finally {
          gen.frameState = state;
          ts.frame = prev;
          frame.previous = null;
        }
      } else {
        const meth = lookupAttr(yf, throwName());
        if (meth === null) {
          decref(yf);
          return genSendEx(gen, None, makeThrown(typ, val, tb), false);
        }
        gen.frameState = FRAME_EXECUTING;
        try {
          const args: PyObject[] = [typ];
          if (val !== null) args.push(val);
          if (tb !== null) args.push(tb);
          ret = callObject(meth, args, 0, args.length, null);
        } finally {
          gen.frameState = state;
          decref(meth);
        }
      }
    } catch (e) {
      decref(yf);
      if (!(e instanceof PyRaise)) throw e;
      // The delegate is done: pop it, resume after the SEND loop with its return value, or
      // let its exception surface in the delegating frame.
      const frame = gen.frame;
      const popped = frame.localsplus[--frame.sp]!;
      frame.localsplus[frame.sp] = null;
      decref(popped);
      const send = frame.ip - 2;
      const exit = frame.code.instructions[2 * send + 1]!;
      frame.ip = exit;
      frame.lasti = exit - 1;
      if (exceptionMatches(e.exception, StopIterationType)) {
        const stop = e.exception;
        const value = stopValue(stop);
        decref(stop);
        try {
          return genSendEx(gen, value, null, false);
        } finally {
          decref(value);
        }
      }
      return genSendEx(gen, None, e, false);
    }
    decref(yf);
    return ret;
  }
  return genSendEx(gen, None, makeThrown(typ, val, tb), false);
}

/** StopIteration.value (new reference). */
function stopValue(stop: PyBaseException): PyObject {
  const args = stop.args.items;
  const v = args.length > 0 ? args[0]! : None;
  v.refcnt++;
  return v;
}

/** throw_here: the exception to raise from (typ, val, tb), with CPython's checks and messages. */
function makeThrown(typ: PyObject, val: PyObject | null, tb: PyObject | null): PyRaise {
  if (tb === None) tb = null;
  else if (tb !== null && tb.type !== TraceBackType) throwNew(TypeErrorType, "throw() third argument must be a traceback object");
  let exc: PyBaseException;
  if (isExceptionClass(typ)) {
    // PyErr_NormalizeException: an instance of the class passes through, else typ(val) / typ(*val).
    if (val !== null && val !== None && val.type.isSubtypeOf(typ as typeof TypeErrorType)) {
      val.refcnt++;
      exc = val as PyBaseException;
    } else if (val === null || val === None) {
      exc = callObject(typ, [], 0, 0, null) as PyBaseException;
    } else if (val.type === TupleType) {
      const items = (val as { items: PyObject[] } & PyObject).items;
      exc = callObject(typ, items, 0, items.length, null) as PyBaseException;
    } else {
      exc = callObject(typ, [val], 0, 1, null) as PyBaseException;
    }
    if ((exc.type.flags & TPFLAGS_BASE_EXC_SUBCLASS) === 0) {
      const name = exc.type.name;
      decref(exc);
      throwNew(TypeErrorType, `calling ${(typ as { name?: string }).name} should have returned an instance of BaseException, not ${name}`);
    }
  } else if ((typ.type.flags & TPFLAGS_BASE_EXC_SUBCLASS) !== 0) {
    if (val !== null && val !== None) throwNew(TypeErrorType, "instance exception may not have a separate value");
    typ.refcnt++;
    exc = typ as PyBaseException;
  } else {
    throwNew(TypeErrorType, `exceptions must be classes or instances deriving from BaseException, not ${typ.type.name}`);
  }
  if (tb !== null) {
    const old = exc.traceback;
    tb.refcnt++;
    exc.traceback = tb as PyTraceBack;
    xdecref(old);
  }
  return new PyRaise(exc);
}

function isExceptionClass(o: PyObject): boolean {
  return (o.type.flags & TPFLAGS_TYPE_SUBCLASS) !== 0 && ((o as typeof TypeErrorType).flags & TPFLAGS_BASE_EXC_SUBCLASS) !== 0;
}

/** _PyGen_Finalize: close a suspended generator that is being destroyed. */
function genFinalize(self: PyObject): void {
  const gen = self as PyGenerator;
  if (gen.frameState >= FRAME_COMPLETED) return;
  if (gen.type === AsyncGeneratorType) {
    const finalizer = gen.originOrFinalizer;
    if (finalizer !== null && !gen.closed) {
      try {
        decref(callObject(finalizer, [gen], 0, 1, null));
      } catch (e) {
        writeUnraisable(e, gen);
      }
      return;
    }
  }
  if (gen.type === CoroutineType && gen.frameState === FRAME_CREATED) {
    unawaitedCoroutineHook(gen);
    return;
  }
  try {
    genClose(gen);
  } catch (e) {
    writeUnraisable(e, gen);
  }
}

/** _PyErr_WarnUnawaitedCoroutine: the RuntimeWarning the warnings machinery prints. */
export let unawaitedCoroutineHook: (coro: PyGenerator) => void = () => {};
export function setUnawaitedCoroutineHook(fn: (coro: PyGenerator) => void): void {
  unawaitedCoroutineHook = fn;
}

function genTraverse(self: PyObject, visit: (o: PyObject, arg: unknown) => void, arg: unknown): void {
  const gen = self as PyGenerator;
  visit(gen.code, arg);
  visit(gen.name, arg);
  visit(gen.qualname, arg);
  if (gen.originOrFinalizer !== null) visit(gen.originOrFinalizer, arg);
  if (gen.frameState < FRAME_CLEARED) traverseFrameData(gen.frame, visit, arg);
  if (gen.excState.value !== null) visit(gen.excState.value, arg);
}

function genDealloc(self: PyObject): void {
  const gen = self as PyGenerator;
  gcUntrack(gen);
  if (gen.weakrefList !== null) clearWeakrefs(gen);
  gcTrack(gen);
  if (callFinalizerFromDealloc(gen)) return;
  gcUntrack(gen);
  if (gen.type === AsyncGeneratorType) {
    const f = gen.originOrFinalizer;
    gen.originOrFinalizer = null;
    xdecref(f);
  }
  if (gen.frameState < FRAME_CLEARED) {
    gen.frameState = FRAME_CLEARED;
    gen.frame.previous = null;
    clearFinishedFrame(gen.frame);
  }
  if (gen.type === CoroutineType) {
    const o = gen.originOrFinalizer;
    gen.originOrFinalizer = null;
    xdecref(o);
  }
  decref(gen.code);
  decref(gen.name);
  decref(gen.qualname);
  const handled = gen.excState.value;
  gen.excState.value = null;
  xdecref(handled);
  freeGCObject(gen);
}

for (const t of [GeneratorType, CoroutineType, AsyncGeneratorType]) {
  t.finalize = genFinalize;
  t.traverse = genTraverse;
  t.dealloc = genDealloc;
}

/** gen_sizeof: the embedded frame's slots are part of the object. */
export function genSizeof(gen: PyGenerator): number {
  return GENERATOR_BASICSIZE + 8 * (gen.code.nlocalsplus + gen.code.stacksize);
}

export { PyBaseException };
