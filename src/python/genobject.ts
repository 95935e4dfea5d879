// Objects/genobject.c (3.11): PyGen_Type, gen_send_ex2, gen_close, _gen_throw, _PyGen_Finalize.
//
// A generator owns the interpreter frame of its code. Each resumption runs that frame as the
// entry frame of a nested evalFrame(), with the generator's own handled-exception item
// linked into the thread's chain, exactly as 3.11 does.

import { PyObject } from "../runtime/object.js";
import { decref, xdecref } from "../runtime/refcount.js";
import { allocGCObject, freeGCObject } from "../runtime/heap.js";
import { gcTrack, gcUntrack } from "../runtime/gcstate.js";
import { TPFLAGS_HAVE_GC } from "../runtime/type.js";
import { newStaticType } from "../runtime/typeobject.js";
import { None } from "../runtime/singletons.js";
import {
  PyRaise, PyBaseException, raise, newExceptionFromOwnedArgs,
  StopIterationType, GeneratorExitType, RuntimeErrorType, ValueErrorType, TypeErrorType,
} from "../runtime/exceptions.js";
import { tupleFromOwned } from "../runtime/tuple.js";
import { newStr, type PyStr } from "../runtime/str.js";
import { clearWeakrefs } from "../runtime/weakref.js";
import { callFinalizerFromDealloc, writeUnraisable } from "../runtime/finalize.js";
import { Frame, OWNED_BY_GENERATOR } from "./frame.js";
import { clearFinishedFrame, traverseFrameData } from "./frameobject.js";
import { ExceptionStackItem } from "./threadstate.js";
import { evalFrame, tstate } from "./ceval.js";
import type { PyCode } from "./code.js";
import * as op from "./opcodes.js";

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

  constructor(frame: Frame) {
    super(GeneratorType);
    this.frame = frame;
    this.frameState = FRAME_CREATED;
    this.code = frame.code;
    this.name = frame.code.name;
    this.qualname = frame.code.qualname;
    this.excState = new ExceptionStackItem(null);
  }
}

export const GeneratorType = newStaticType("generator", GENERATOR_BASICSIZE, 8, TPFLAGS_HAVE_GC);
GeneratorType.weaklistoffset = 1;

/** The generator takes over `frame` (made by the call that ran RETURN_GENERATOR). */
export function newGeneratorFromFrame(frame: Frame): PyGenerator {
  const gen = new PyGenerator(frame);
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

/**
 * gen_send_ex2: resumes the generator with `arg` (or by raising `exc`). Returns the yielded
 * or returned value (new reference) and sets `lastSendReturned` when the generator finished.
 * With `arg` null (next()), a finished generator's None result is reported as null.
 */
export let lastSendReturned = false;

export function genSend(gen: PyGenerator, arg: PyObject | null, exc: PyRaise | null, closing: boolean): PyObject | null {
  const state = gen.frameState;
  if (state === FRAME_CREATED && arg !== null && arg !== None && exc === null) {
    raise(TypeErrorType, "can't send non-None value to a just-started generator");
  }
  if (state === FRAME_EXECUTING) raise(ValueErrorType, "generator already executing");
  if (state >= FRAME_COMPLETED) {
    if (exc !== null) throw exc;
    lastSendReturned = true;
    // An exhausted generator "returns" None to send(); next() just sees the end.
    if (arg !== null && !closing) {
      None.refcnt++;
      return None;
    }
    return null;
  }
  const frame = gen.frame;
  const value = arg === null ? None : arg;
  value.refcnt++;
  frame.localsplus[frame.sp++] = value;
  gen.frameState = FRAME_EXECUTING;
  frame.previous = tstate.frame;
  tstate.frame = frame;
  gen.excState.previous = tstate.excInfo;
  tstate.excInfo = gen.excState;
  if (--tstate.recursionRemaining < 0 && !tstate.recursionHeadroom) {
    tstate.recursionRemaining++;
    // Undo the resumption before reporting.
    tstate.excInfo = gen.excState.previous as ExceptionStackItem;
    gen.excState.previous = null;
    tstate.frame = frame.previous;
    frame.previous = null;
    decref(frame.localsplus[--frame.sp]!);
    frame.localsplus[frame.sp] = null;
    gen.frameState = state;
    raise(RuntimeErrorType, "maximum recursion depth exceeded");
  }
  let result: PyObject | null = null;
  let error: unknown = null;
  try {
    result = evalFrame(frame, exc);
  } catch (e) {
    error = e;
  }
  tstate.excInfo = gen.excState.previous as ExceptionStackItem;
  gen.excState.previous = null;
  tstate.frame = frame.previous;
  frame.previous = null;
  if (error === null && tstate.yielded) {
    tstate.yielded = false;
    gen.frameState = FRAME_SUSPENDED;
    lastSendReturned = false;
    return result;
  }
  // Finished: returned or raised.
  gen.frameState = FRAME_CLEARED;
  const handled = gen.excState.value;
  gen.excState.value = null;
  xdecref(handled);
  clearFinishedFrame(frame);
  lastSendReturned = true;
  if (error !== null) {
    if (error instanceof PyRaise && error.exception.type.isSubtypeOf(StopIterationType)) {
      // PEP 479: a StopIteration escaping a generator becomes a RuntimeError.
      const stop = error.exception;
      const rt = newExceptionFromOwnedArgs(RuntimeErrorType, tupleFromOwned([newStr("generator raised StopIteration")]));
      rt.cause = stop;
      rt.suppressContext = true;
      stop.refcnt++;
      rt.context = stop;
      throw new PyRaise(rt);
    }
    throw error;
  }
  if (result === None && arg === null) {
    decref(result);
    return null;
  }
  return result;
}

/** StopIteration(value) for a generator that returned `value` (takes over the reference). */
export function stopIterationWithValue(value: PyObject): PyRaise {
  const e = newExceptionFromOwnedArgs(StopIterationType, tupleFromOwned(value === None ? (decref(value), []) : [value]));
  return new PyRaise(e);
}

/** gen_close */
export function genClose(gen: PyGenerator): void {
  if (gen.frameState === FRAME_CREATED) {
    gen.frameState = FRAME_COMPLETED;
    return;
  }
  if (gen.frameState >= FRAME_COMPLETED) return;
  const exit = new PyRaise(newExceptionFromOwnedArgs(GeneratorExitType, tupleFromOwned([])));
  let yielded: PyObject | null;
  try {
    yielded = genSend(gen, None, exit, true);
  } catch (e) {
    if (e instanceof PyRaise) {
      const t = e.exception.type;
      if (t.isSubtypeOf(GeneratorExitType) || t.isSubtypeOf(StopIterationType)) {
        decref(e.exception);
        return;
      }
    }
    throw e;
  }
  if (yielded !== null && !lastSendReturned) {
    decref(yielded);
    raise(RuntimeErrorType, "generator ignored GeneratorExit");
  }
  xdecref(yielded);
}

/** _PyGen_Finalize: close a suspended generator that is being destroyed. */
function genFinalize(self: PyObject): void {
  const gen = self as PyGenerator;
  if (gen.frameState >= FRAME_COMPLETED || gen.frameState === FRAME_CREATED) return;
  try {
    genClose(gen);
  } catch (e) {
    writeUnraisable(e, gen);
  }
}
GeneratorType.finalize = genFinalize;

GeneratorType.traverse = (self, visit, arg) => {
  const gen = self as PyGenerator;
  visit(gen.code, arg);
  visit(gen.name, arg);
  visit(gen.qualname, arg);
  if (gen.frameState < FRAME_CLEARED) traverseFrameData(gen.frame, visit, arg);
  if (gen.excState.value !== null) visit(gen.excState.value, arg);
};

GeneratorType.dealloc = (self) => {
  const gen = self as PyGenerator;
  gcUntrack(gen);
  if (gen.weakrefList !== null) clearWeakrefs(gen);
  gcTrack(gen);
  if (callFinalizerFromDealloc(gen)) return;
  gcUntrack(gen);
  if (gen.frameState < FRAME_CLEARED) {
    gen.frameState = FRAME_CLEARED;
    gen.frame.previous = null;
    clearFinishedFrame(gen.frame);
  }
  const handled = gen.excState.value;
  gen.excState.value = null;
  xdecref(handled);
  decref(gen.code);
  decref(gen.name);
  decref(gen.qualname);
  freeGCObject(gen);
};

/** _PyGen_yf: the iterator a suspended generator delegates to (inside `yield from`). */
export function genYieldFrom(gen: PyGenerator): PyObject | null {
  if (gen.frameState !== FRAME_SUSPENDED) return null;
  const frame = gen.frame;
  const instructions = frame.code.instructions;
  const next = frame.ip;
  if (2 * next + 1 >= instructions.length) return null;
  if (instructions[2 * next] !== op.RESUME || instructions[2 * next + 1]! < 2) return null;
  return frame.localsplus[frame.sp - 1] ?? null;
}

export { PyBaseException };
