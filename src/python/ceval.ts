// Python/ceval.c (3.11): _PyEval_EvalFrameDefault, the eval loop.
//
// One JS invocation of evalFrame() runs an "entry" frame and every Python frame that
// Python code calls from it: CALL of a Python function pushes a frame and continues in the
// same loop, RETURN_VALUE pops back, so Python recursion does not recurse on the JS stack.
// A call made by TypeScript code (a __del__, a key function) starts a nested evalFrame().
//
// The value stack holds owned references exactly where CPython 3.11's does, so reference
// counts observed by sys.getrefcount, finalizer timing and id() reuse agree with CPython.
// Exceptions are thrown as PyRaise; the catch below finds the handler in the code object's
// exception table, or finishes the frame and continues unwinding in its caller.

import type { PyObject } from "../runtime/object.js";
import { decref, incref, xdecref } from "../runtime/refcount.js";
import { gcstate } from "../runtime/gcstate.js";
import { None } from "../runtime/singletons.js";
import { True, False } from "../runtime/bool.js";
import {
  PyRaise, PyBaseException, raise, raiseOwned, newExceptionFromOwnedArgs,
  TypeErrorType, NameErrorType, UnboundLocalErrorType, SystemErrorType, RecursionErrorType,
  ImportErrorType, AssertionErrorType, ValueErrorType, RuntimeErrorType, AttributeErrorType,
  StopIterationType, BaseExceptionType, StopAsyncIterationType, setNameErrorName, prepReraiseStar,
} from "../runtime/exceptions.js";
import { PyTuple, TupleType, tupleFromOwned } from "../runtime/tuple.js";
import { PyList, ListType, listFromOwned, listAppend, listExtend } from "../runtime/list.js";
import { PyDict, DictType, KEYS_UNICODE, newDict, dictGetItem, dictSetItem, dictDelItem, dictUpdateFromObject, dictMergeFromObject, dictFromItems, dictNext, dictEntry } from "../runtime/dict.js";
import { newSet, setAdd, setUpdate } from "../runtime/set.js";
import { PyStr, StrType, newStr } from "../runtime/str.js";
import { newInt, newIntSsize, IntType, type PyInt } from "../runtime/int.js";
import { FloatType, type PyFloat } from "../runtime/float.js";
import { PyCell, newCell } from "../runtime/cellobject.js";
import { PyMethod, MethodType } from "../runtime/classobject.js";
import { newSlice } from "../runtime/sliceobject.js";
import {
  objectRepr, objectStr, objectAscii, objectFormat, isTrue, richCompare, getAttr, setAttr,
  getItem, setItem, delItem, getIter, iterNext, callObject, sequenceContains,
  numberPositive, numberNegative, numberInvert, binaryOp, isInstance, isSubclass, length as objectLength, isSequence,
} from "../runtime/abstract.js";
import { sequenceTuple } from "../runtime/tuplemethods.js";
import { functionStr } from "../runtime/methodobject.js";
import { TPFLAGS_MAPPING, TPFLAGS_SEQUENCE } from "../runtime/typeroots.js";
import { lookupSpecial } from "../runtime/typeobject.js";
import { getMethod, methodIsUnbound } from "./getmethod.js";
import { isTypeObject } from "../runtime/typeobject.js";
import { TPFLAGS_BASE_EXC_SUBCLASS, CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT } from "../runtime/type.js";
import * as op from "./opcodes.js";
import { Op } from "./opcodes.js";
import { CO_OPTIMIZED, CO_COROUTINE, CO_ITERABLE_COROUTINE, CO_VARARGS, CO_VARKEYWORDS, EXCEPTION_ENTRY_SIZE, type PyCode } from "./code.js";
import { Frame, OWNED_BY_GENERATOR, OWNED_BY_THREAD, acquireFrame } from "./frame.js";
import { clearFinishedFrame } from "./frameobject.js";
import { FunctionType, PyFunction, newFunction } from "./function.js";
import { bindArguments } from "./callargs.js";
import { PyTraceBack, tracebackHere } from "./traceback.js";
import type { ThreadState } from "./threadstate.js";
import { newGeneratorFromFrame, GeneratorType, CoroutineType } from "./genobject.js";
import { wrapAsyncGenValue } from "./asyncgen.js";
import { matchKeys, matchClass, checkExceptStarTypeValid, exceptionGroupMatch } from "./matchops.js";
import { getAwaitable, getAsyncIter, getAsyncNext } from "./asyncops.js";
import { interpreterHooks, HostAbort } from "./hooks.js";

/** The thread state of this runtime (one thread). */
export let tstate: ThreadState;

export function setThreadState(ts: ThreadState): void {
  tstate = ts;
}

function exceptionOf(error: unknown): PyRaise {
  if (error instanceof PyRaise) return error;
  return internalErrorToPython(error);
}

/** Turns a JS failure into a Python exception: stack overflow → RecursionError, else SystemError. */
export function internalErrorToPython(error: unknown): PyRaise {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return makeRaise(RecursionErrorType, "maximum recursion depth exceeded");
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // HEAPSCOPE_DEBUG=1 shows where in the TypeScript code the failure happened.
  if (typeof process !== "undefined" && process.env?.HEAPSCOPE_DEBUG && error instanceof Error) {
    process.stderr.write(`heapscope internal error: ${error.stack ?? message}\n`);
  }
  return makeRaise(SystemErrorType, `heapscope internal error: ${message}`);
}

function makeRaise(type: typeof SystemErrorType, message: string): PyRaise {
  try {
    raise(type, message);
  } catch (e) {
    return e as PyRaise;
  }
}

/** _PyErr_SetObject's chaining: the handled exception becomes the new one's __context__. */
export function chainContext(exc: PyBaseException): void {
  const handled = tstate.topmostException();
  if (handled === null) return;
  chainContextWith(exc, handled as PyBaseException);
}

/**
 * Sets `handled` as the context of `exc`, first cutting `exc` out of handled's context chain
 * so that no new cycle is made (a pre-existing cycle is detected and left alone).
 */
export function chainContextWith(exc: PyBaseException, handled: PyBaseException): void {
  if (handled === exc) return;
  let o: PyBaseException = handled;
  let slow: PyBaseException = handled;
  let toggle = false;
  for (;;) {
    const context = o.context as PyBaseException | null;
    if (context === null || (context as PyObject) === None) break;
    if (context === exc) {
      o.context = null;
      decref(context);
      break;
    }
    o = context;
    if (o === slow) break;
    if (toggle) slow = slow.context as PyBaseException;
    toggle = !toggle;
  }
  const old = exc.context;
  handled.refcnt++;
  exc.context = handled;
  xdecref(old);
}

/**
 * Py_EnterRecursiveCall for TypeScript code (repr, comparisons, calls): charges the thread
 * state's budget that Python frames also use, as 3.11 does.
 */
export function enterRecursiveCallTstate(where: string): void {
  const ts = tstate;
  if (--ts.recursionRemaining < 0 && !ts.recursionHeadroom) {
    ts.recursionRemaining++;
    raise(RecursionErrorType, `maximum recursion depth exceeded${where}`);
  }
}

export function leaveRecursiveCallTstate(): void {
  tstate.recursionRemaining++;
}

function pushFrame(frame: Frame): void {
  frame.previous = tstate.frame;
  tstate.frame = frame;
}

/**
 * Runs `entry` (already linked as tstate.frame by the caller or by pushFrame) until it
 * returns or yields. Returns a new reference; throws PyRaise when the entry frame ends with
 * an exception. When `throwing` is given the frame resumes by raising it (gen.throw()).
 */
export function evalFrame(entry: Frame, throwing: PyRaise | null): PyObject {
  const ts = tstate;
  entry.isEntry = true;
  let frame = entry;
  let code: PyCode = frame.code;
  let instructions = code.instructions;
  let stack = frame.localsplus;
  let sp = frame.sp;
  let ip = frame.ip;
  let pending: PyRaise | null = throwing;
  // _Py_EnterRecursivePy for the entry frame; every way out of a frame gives it back.
  if (--ts.recursionRemaining < 0 && !ts.recursionHeadroom) {
    ts.recursionRemaining++;
    if (throwing !== null) decref(throwing.exception);
    raise(RecursionErrorType, "maximum recursion depth exceeded");
  }

  for (;;) {
    try {
      if (pending !== null) {
        const p = pending;
        pending = null;
        throw p;
      }
      for (;;) {
        const index = ip;
        if (ts.lineHook !== null) ts.lineHook(frame, index, sp);
        frame.lasti = index;
        const opcode = instructions[2 * index]!;
        const oparg = instructions[2 * index + 1]!;
        ip = index + 1;
        if (--ts.stepsRemaining < 0) stepBudgetExceeded(ts);
        switch (opcode) {
          case Op.NOP:
          case Op.RESUME:
            break;
          case Op.POP_TOP: {
            const v = stack[--sp]!;
            stack[sp] = null;
            decref(v);
            break;
          }
          case Op.PUSH_NULL:
            stack[sp++] = null;
            break;
          case Op.COPY: {
            const v = stack[sp - oparg]!;
            v.refcnt++;
            stack[sp++] = v;
            break;
          }
          case Op.SWAP: {
            const top = stack[sp - 1]!;
            stack[sp - 1] = stack[sp - oparg]!;
            stack[sp - oparg] = top;
            break;
          }
          case Op.UNARY_POSITIVE:
          case Op.UNARY_NEGATIVE:
          case Op.UNARY_INVERT: {
            const v = stack[sp - 1]!;
            const res = opcode === Op.UNARY_POSITIVE ? numberPositive(v) : opcode === Op.UNARY_NEGATIVE ? numberNegative(v) : numberInvert(v);
            stack[sp - 1] = res;
            decref(v);
            break;
          }
          case Op.UNARY_NOT: {
            const v = stack[sp - 1]!;
            const truth = v === True ? true : v === False || v === None ? false : isTrue(v);
            const res = truth ? False : True;
            res.refcnt++;
            stack[sp - 1] = res;
            decref(v);
            break;
          }
          case Op.BINARY_OP: {
            const rhs = stack[sp - 1]!;
            const lhs = stack[sp - 2]!;
            const res = binaryOp(lhs, rhs, oparg);
            stack[--sp] = null;
            stack[sp - 1] = res;
            decref(lhs);
            decref(rhs);
            break;
          }
          case Op.BINARY_SUBSCR: {
            const sub = stack[sp - 1]!;
            const container = stack[sp - 2]!;
            const res = getItem(container, sub);
            stack[--sp] = null;
            stack[sp - 1] = res;
            decref(container);
            decref(sub);
            break;
          }
          case Op.STORE_SUBSCR: {
            const sub = stack[sp - 1]!;
            const container = stack[sp - 2]!;
            const v = stack[sp - 3]!;
            setItem(container, sub, v);
            sp -= 3;
            stack[sp] = stack[sp + 1] = stack[sp + 2] = null;
            decref(v);
            decref(container);
            decref(sub);
            break;
          }
          case Op.DELETE_SUBSCR: {
            const sub = stack[sp - 1]!;
            const container = stack[sp - 2]!;
            delItem(container, sub);
            sp -= 2;
            stack[sp] = stack[sp + 1] = null;
            decref(container);
            decref(sub);
            break;
          }
          case Op.BUILD_SLICE: {
            const step = oparg === 3 ? stack[--sp]! : null;
            const stop = stack[--sp]!;
            const start = stack[sp - 1]!;
            const slice = newSlice(start, stop, step);
            stack[sp] = null;
            if (step !== null) {
              stack[sp + 1] = null;
              decref(step);
            }
            stack[sp - 1] = slice;
            decref(start);
            decref(stop);
            break;
          }
          case Op.COMPARE_OP: {
            const right = stack[sp - 1]!;
            const left = stack[sp - 2]!;
            // COMPARE_OP_{INT,FLOAT,STR}_JUMP: what 3.11 specialises compares directly, without
            // PyObject_RichCompare's " in comparison" recursion charge.
            const quick = quickCompare(left, right, oparg);
            const res = quick !== null ? quick : richCompare(left, right, oparg);
            stack[--sp] = null;
            stack[sp - 1] = res;
            decref(left);
            decref(right);
            break;
          }
          case Op.IS_OP: {
            const right = stack[sp - 1]!;
            const left = stack[sp - 2]!;
            const res = (left === right) !== (oparg === 1) ? True : False;
            res.refcnt++;
            stack[--sp] = null;
            stack[sp - 1] = res;
            decref(left);
            decref(right);
            break;
          }
          case Op.CONTAINS_OP: {
            const right = stack[sp - 1]!;
            const left = stack[sp - 2]!;
            const found = sequenceContains(right, left);
            const res = found !== (oparg === 1) ? True : False;
            res.refcnt++;
            stack[--sp] = null;
            stack[sp - 1] = res;
            decref(left);
            decref(right);
            break;
          }
          case Op.GET_ITER: {
            const v = stack[sp - 1]!;
            const it = getIter(v);
            stack[sp - 1] = it;
            decref(v);
            break;
          }
          case Op.FOR_ITER: {
            const it = stack[sp - 1]!;
            const next = forIterNext(it);
            if (next !== null) {
              stack[sp++] = next;
            } else {
              stack[--sp] = null;
              decref(it);
              ip = oparg;
            }
            break;
          }
          case Op.GET_YIELD_FROM_ITER: {
            const v = stack[sp - 1]!;
            if (v.type === CoroutineType) {
              if ((code.flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE)) === 0) {
                raise(TypeErrorType, "cannot 'yield from' a coroutine object in a non-coroutine generator");
              }
            } else if (v.type !== GeneratorType) {
              const it = getIter(v);
              stack[sp - 1] = it;
              decref(v);
            }
            break;
          }
          case Op.RETURN_VALUE: {
            const retval = stack[--sp]!;
            stack[sp] = null;
            frame.sp = sp;
            ts.recursionRemaining++;
            if (frame.isEntry) {
              ts.yielded = false;
              return retval;
            }
            const dying = frame;
            frame = dying.previous as Frame;
            ts.frame = frame;
            clearFinishedFrame(dying);
            code = frame.code;
            instructions = code.instructions;
            stack = frame.localsplus;
            sp = frame.sp;
            ip = frame.ip;
            stack[sp++] = retval;
            break;
          }
          case Op.YIELD_VALUE: {
            const retval = stack[--sp]!;
            stack[sp] = null;
            frame.sp = sp;
            frame.ip = ip;
            ts.recursionRemaining++;
            ts.yielded = true;
            return retval;
          }
          case Op.RETURN_GENERATOR: {
            // The running frame becomes the generator's; the caller gets the generator.
            frame.sp = sp;
            frame.ip = ip;
            const genFrame = frame;
            const wasEntry = genFrame.isEntry;
            const gen = newGeneratorFromFrame(genFrame);
            ts.recursionRemaining++;
            const caller = genFrame.previous;
            genFrame.previous = null;
            ts.frame = caller;
            if (wasEntry) {
              ts.yielded = false;
              return gen;
            }
            frame = caller as Frame;
            code = frame.code;
            instructions = code.instructions;
            stack = frame.localsplus;
            sp = frame.sp;
            ip = frame.ip;
            stack[sp++] = gen;
            break;
          }
          case Op.SEND: {
            const v = stack[--sp]!;
            stack[sp] = null;
            const receiver = stack[sp - 1]!;
            frame.sp = sp;
            let result: PyObject;
            try {
              result = interpreterHooks.send(receiver, v);
            } finally {
              decref(v);
            }
            if (ts.sendReturned) {
              stack[sp - 1] = result;
              decref(receiver);
              ip = oparg;
            } else {
              stack[sp++] = result;
            }
            break;
          }
          case Op.LOAD_CONST: {
            const v = code.consts[oparg]!;
            v.refcnt++;
            stack[sp++] = v;
            break;
          }
          case Op.LOAD_FAST: {
            const v = stack[oparg];
            if (v === null || v === undefined) unboundLocal(code, oparg);
            v.refcnt++;
            stack[sp++] = v;
            break;
          }
          case Op.STORE_FAST: {
            const v = stack[--sp]!;
            stack[sp] = null;
            const old = stack[oparg];
            stack[oparg] = v;
            if (old !== null && old !== undefined) decref(old);
            break;
          }
          case Op.DELETE_FAST: {
            const old = stack[oparg];
            if (old === null || old === undefined) unboundLocal(code, oparg);
            stack[oparg] = null;
            decref(old);
            break;
          }
          case Op.LOAD_GLOBAL: {
            const tags = code.globalCacheTags;
            const gtag = frame.globals.versionTag;
            const btag = frame.builtins.versionTag;
            let v: PyObject | null;
            if (tags !== null && tags[2 * index] === gtag && tags[2 * index + 1] === btag) {
              v = code.globalCacheValues![index]!;
            } else {
              v = loadGlobalSlow(code, frame, oparg >> 1, index);
            }
            if ((oparg & 1) !== 0) stack[sp++] = null;
            v.refcnt++;
            stack[sp++] = v;
            break;
          }
          case Op.STORE_GLOBAL: {
            const v = stack[--sp]!;
            stack[sp] = null;
            dictSetItem(frame.globals, code.names[oparg]!, v);
            decref(v);
            break;
          }
          case Op.DELETE_GLOBAL: {
            const name = code.names[oparg]!;
            if (dictGetItem(frame.globals, name) === null) raiseNameError(name);
            dictDelItem(frame.globals, name);
            break;
          }
          case Op.LOAD_NAME: {
            const name = code.names[oparg]!;
            const v = loadName(frame, name);
            stack[sp++] = v;
            break;
          }
          case Op.STORE_NAME: {
            const v = stack[--sp]!;
            stack[sp] = null;
            const locals = frame.locals;
            if (locals === null) raise(SystemErrorType, `no locals found when storing '${code.names[oparg]!.value}'`);
            if (locals.type === DictType) dictSetItem(locals as PyDict, code.names[oparg]!, v);
            else setItem(locals, code.names[oparg]!, v);
            decref(v);
            break;
          }
          case Op.DELETE_NAME: {
            const name = code.names[oparg]!;
            const locals = frame.locals;
            if (locals === null) raise(SystemErrorType, `no locals when deleting '${name.value}'`);
            if (locals.type === DictType) {
              if (dictGetItem(locals as PyDict, name) === null) raiseNameError(name);
              dictDelItem(locals as PyDict, name);
            } else {
              delItem(locals, name);
            }
            break;
          }
          case Op.MAKE_CELL: {
            const initial = stack[oparg] ?? null;
            stack[oparg] = newCell(initial);
            xdecref(initial);
            break;
          }
          case Op.LOAD_CLOSURE: {
            const cell = stack[oparg]!;
            cell.refcnt++;
            stack[sp++] = cell;
            break;
          }
          case Op.LOAD_DEREF: {
            const v = (stack[oparg] as PyCell).ref;
            if (v === null) unboundDeref(code, oparg);
            v.refcnt++;
            stack[sp++] = v;
            break;
          }
          case Op.LOAD_CLASSDEREF: {
            const name = code.localsplusnames[oparg]!;
            const locals = frame.locals as PyObject;
            let v: PyObject | null = locals.type === DictType ? dictGetItem(locals as PyDict, name) : null;
            if (v !== null) {
              v.refcnt++;
            } else {
              v = (stack[oparg] as PyCell).ref;
              if (v === null) unboundDeref(code, oparg);
              v.refcnt++;
            }
            stack[sp++] = v;
            break;
          }
          case Op.STORE_DEREF: {
            const v = stack[--sp]!;
            stack[sp] = null;
            const cell = stack[oparg] as PyCell;
            const old = cell.ref;
            cell.ref = v;
            xdecref(old);
            break;
          }
          case Op.DELETE_DEREF: {
            const cell = stack[oparg] as PyCell;
            const old = cell.ref;
            if (old === null) unboundDeref(code, oparg);
            cell.ref = null;
            decref(old);
            break;
          }
          case Op.COPY_FREE_VARS: {
            const closure = (frame.func as PyFunction).closure as PyTuple;
            const offset = code.nlocalsplus - oparg;
            for (let i = 0; i < oparg; i++) {
              const cell = closure.items[i]!;
              cell.refcnt++;
              stack[offset + i] = cell;
            }
            break;
          }
          case Op.LOAD_ATTR: {
            const owner = stack[sp - 1]!;
            const res = getAttr(owner, code.names[oparg]!);
            stack[sp - 1] = res;
            decref(owner);
            break;
          }
          case Op.STORE_ATTR: {
            const owner = stack[sp - 1]!;
            const v = stack[sp - 2]!;
            setAttr(owner, code.names[oparg]!, v);
            sp -= 2;
            stack[sp] = stack[sp + 1] = null;
            decref(v);
            decref(owner);
            break;
          }
          case Op.DELETE_ATTR: {
            const owner = stack[sp - 1]!;
            setAttr(owner, code.names[oparg]!, null);
            stack[--sp] = null;
            decref(owner);
            break;
          }
          case Op.LOAD_METHOD: {
            const obj = stack[sp - 1]!;
            const found = getMethod(obj, code.names[oparg]!);
            if (methodIsUnbound) {
              // meth self: the reference to obj moves up one slot.
              stack[sp - 1] = found;
              stack[sp++] = obj;
            } else {
              stack[sp - 1] = null;
              stack[sp++] = found;
              decref(obj);
            }
            break;
          }
          case Op.KW_NAMES:
            frame.kwnames = code.consts[oparg] as PyTuple;
            break;
          case Op.CALL: {
            let isMeth = stack[sp - oparg - 2] !== null;
            let callable = stack[sp - oparg - 1]!;
            if (!isMeth && callable.type === MethodType) {
              const m = callable as PyMethod;
              const func = m.func;
              const self = m.self;
              func.refcnt++;
              self.refcnt++;
              stack[sp - oparg - 1] = self;
              stack[sp - oparg - 2] = func;
              decref(callable);
              isMeth = true;
            }
            const totalArgs = oparg + (isMeth ? 1 : 0);
            const kwnames = frame.kwnames;
            frame.kwnames = null;
            const fnIndex = sp - totalArgs - 1;
            const fn = stack[fnIndex]!;
            if (fn.type === FunctionType) {
              const func = fn as PyFunction;
              const fcode = func.code;
              frame.sp = sp;
              const newFrame = acquireFrame(fcode, func, func.globals as PyDict, func.builtins as PyDict, (fcode.flags & CO_OPTIMIZED) !== 0 ? null : func.globals);
              if (newFrame.locals !== null) newFrame.locals.refcnt++;
              fcode.refcnt++;
              // The frame takes over the function and argument references from this stack.
              stack[fnIndex] = null;
              if (!isMeth) stack[fnIndex - 1] = null;
              const argStart = fnIndex + 1;
              sp = isMeth ? fnIndex : fnIndex - 1;
              if (kwnames === null && totalArgs === fcode.argcount && (fcode.flags & SIMPLE_ARGS_MASK) === 0 && fcode.kwonlyargcount === 0) {
                // Exactly the positional parameters: move them (initialize_locals' common case).
                const locals = newFrame.localsplus;
                for (let i = 0; i < totalArgs; i++) {
                  locals[i] = stack[argStart + i]!;
                  stack[argStart + i] = null;
                }
              } else {
                try {
                  bindArguments(func, newFrame.localsplus, stack, argStart, totalArgs, kwnames);
                } catch (e) {
                  releaseUnstartedFrame(newFrame);
                  throw e;
                }
                for (let i = argStart; i < argStart + totalArgs; i++) stack[i] = null;
              }
              frame.sp = sp;
              frame.ip = ip;
              // start_frame's _Py_EnterRecursivePy: the frame was made; on failure it is
              // popped and the error surfaces in the caller.
              if (--ts.recursionRemaining < 0 && !ts.recursionHeadroom) {
                ts.recursionRemaining++;
                releaseUnstartedFrame(newFrame);
                raise(RecursionErrorType, "maximum recursion depth exceeded");
              }
              pushFrame(newFrame);
              frame = newFrame;
              code = fcode;
              instructions = code.instructions;
              stack = frame.localsplus;
              sp = frame.sp;
              ip = 0;
              break;
            }
            frame.sp = sp;
            frame.ip = ip;
            const positional = totalArgs - (kwnames === null ? 0 : kwnames.items.length);
            let res: PyObject | null = null;
            let failure: unknown = null;
            try {
              res = callObject(fn, stack as PyObject[], fnIndex + 1, positional, kwnames);
            } catch (e) {
              failure = e;
            }
            // 3.11 releases the callable first, then the arguments in order.
            stack[fnIndex] = null;
            decref(fn);
            for (let i = fnIndex + 1; i < fnIndex + 1 + totalArgs; i++) {
              const a = stack[i]!;
              stack[i] = null;
              decref(a);
            }
            sp = isMeth ? fnIndex : fnIndex - 1;
            if (res === null) {
              frame.sp = sp;
              throw failure;
            }
            stack[sp++] = res;
            break;
          }
          case Op.CALL_FUNCTION_EX: {
            // [NULL, callable, args, kwargs?]: the callable stays on the stack during the call;
            // a non-dict kwargs and a non-tuple args are converted first (and released at once).
            let kwargs = (oparg & 1) !== 0 ? stack[--sp]! : null;
            if (kwargs !== null) stack[sp] = null;
            frame.sp = sp;
            frame.ip = ip;
            if (kwargs !== null && kwargs.type !== DictType) {
              const d = newDict();
              try {
                dictMergeFromObject(d, kwargs, stack[sp - 2]!);
              } catch (e) {
                decref(d);
                decref(kwargs);
                throw e;
              }
              decref(kwargs);
              kwargs = d;
            }
            let callargs = stack[--sp]!;
            stack[sp] = null;
            frame.sp = sp;
            const fn = stack[sp - 1]!;
            let res: PyObject;
            try {
              if (callargs.type !== TupleType) {
                if (callargs.type.iter === null && !isSequence(callargs)) {
                  raise(TypeErrorType, `${functionStr(fn)} argument after * must be an iterable, not ${callargs.type.name}`);
                }
                const t = sequenceTuple(callargs);
                decref(callargs);
                callargs = t;
              }
              res = callExWithTuple(fn, callargs as PyTuple, kwargs as PyDict | null);
            } finally {
              decref(callargs);
              xdecref(kwargs);
            }
            stack[--sp] = null;
            decref(fn);
            // The NULL pushed under the callable.
            stack[sp - 1] = res;
            break;
          }
          case Op.MAKE_FUNCTION: {
            const fcode = stack[--sp]! as PyCode;
            stack[sp] = null;
            const func = newFunction(fcode, frame.globals, frame.builtins, fcode.qualname, functionDoc(fcode), moduleNameOf(frame.globals));
            decref(fcode);
            if ((oparg & op.MAKE_FUNCTION_CLOSURE) !== 0) {
              func.closure = stack[--sp] as PyTuple;
              stack[sp] = null;
            }
            if ((oparg & op.MAKE_FUNCTION_ANNOTATIONS) !== 0) {
              func.annotations = stack[--sp]!;
              stack[sp] = null;
            }
            if ((oparg & op.MAKE_FUNCTION_KWDEFAULTS) !== 0) {
              func.kwdefaults = stack[--sp] as PyDict;
              stack[sp] = null;
            }
            if ((oparg & op.MAKE_FUNCTION_DEFAULTS) !== 0) {
              func.defaults = stack[--sp] as PyTuple;
              stack[sp] = null;
            }
            stack[sp++] = func;
            break;
          }
          case Op.LOAD_BUILD_CLASS: {
            const bc = dictGetItem(frame.builtins, internedName("__build_class__"));
            if (bc === null) raise(NameErrorType, "__build_class__ not found");
            bc.refcnt++;
            stack[sp++] = bc;
            break;
          }
          case Op.LOAD_ASSERTION_ERROR:
            AssertionErrorType.refcnt++;
            stack[sp++] = AssertionErrorType;
            break;
          case Op.SETUP_ANNOTATIONS: {
            const locals = frame.locals as PyDict;
            const key = internedName("__annotations__");
            if (dictGetItem(locals, key) === null) {
              const d = newDict();
              dictSetItem(locals, key, d);
              decref(d);
            }
            break;
          }
          case Op.BUILD_TUPLE: {
            const items = stack.slice(sp - oparg, sp) as PyObject[];
            for (let i = sp - oparg; i < sp; i++) stack[i] = null;
            sp -= oparg;
            stack[sp++] = tupleFromOwned(items);
            break;
          }
          case Op.BUILD_LIST: {
            const items = stack.slice(sp - oparg, sp) as PyObject[];
            for (let i = sp - oparg; i < sp; i++) stack[i] = null;
            sp -= oparg;
            stack[sp++] = listFromOwned(items);
            break;
          }
          case Op.BUILD_SET: {
            const set = newSet();
            try {
              for (let i = sp - oparg; i < sp; i++) setAdd(set, stack[i]!);
            } catch (e) {
              decref(set);
              throw e;
            } finally {
              for (let i = sp - oparg; i < sp; i++) {
                decref(stack[i]!);
                stack[i] = null;
              }
              sp -= oparg;
            }
            stack[sp++] = set;
            break;
          }
          case Op.BUILD_MAP: {
            // _PyDict_FromItems: presized for oparg entries, as 3.11 builds dict displays.
            const base = sp - 2 * oparg;
            const keys: PyObject[] = new Array(oparg);
            const values: PyObject[] = new Array(oparg);
            for (let i = 0; i < oparg; i++) {
              keys[i] = stack[base + 2 * i]!;
              values[i] = stack[base + 2 * i + 1]!;
            }
            let d: PyDict;
            try {
              d = dictFromItems(keys, values);
            } finally {
              for (let i = base; i < sp; i++) {
                decref(stack[i]!);
                stack[i] = null;
              }
              sp = base;
            }
            stack[sp++] = d;
            break;
          }
          case Op.BUILD_CONST_KEY_MAP: {
            const keys = stack[sp - 1] as PyTuple;
            const base = sp - 1 - oparg;
            const values = stack.slice(base, base + oparg) as PyObject[];
            let d: PyDict;
            try {
              d = dictFromItems(keys.items, values);
            } finally {
              for (let i = base; i < sp; i++) {
                decref(stack[i]!);
                stack[i] = null;
              }
              sp = base;
            }
            stack[sp++] = d;
            break;
          }
          case Op.BUILD_STRING: {
            let text = "";
            for (let i = sp - oparg; i < sp; i++) text += (stack[i] as PyStr).value;
            for (let i = sp - oparg; i < sp; i++) {
              decref(stack[i]!);
              stack[i] = null;
            }
            sp -= oparg;
            stack[sp++] = newStr(text);
            break;
          }
          case Op.LIST_APPEND: {
            const v = stack[--sp]!;
            stack[sp] = null;
            listAppend(stack[sp - oparg] as PyList, v);
            decref(v);
            break;
          }
          case Op.SET_ADD: {
            const v = stack[--sp]!;
            stack[sp] = null;
            try {
              setAdd(stack[sp - oparg]!, v);
            } finally {
              decref(v);
            }
            break;
          }
          case Op.MAP_ADD: {
            const value = stack[--sp]!;
            const key = stack[--sp]!;
            stack[sp] = stack[sp + 1] = null;
            try {
              dictSetItem(stack[sp - oparg] as PyDict, key, value);
            } finally {
              decref(key);
              decref(value);
            }
            break;
          }
          case Op.LIST_EXTEND: {
            const iterable = stack[--sp]!;
            stack[sp] = null;
            try {
              listExtend(stack[sp - oparg] as PyList, iterable, true);
            } finally {
              decref(iterable);
            }
            break;
          }
          case Op.SET_UPDATE: {
            const iterable = stack[--sp]!;
            stack[sp] = null;
            try {
              setUpdate(stack[sp - oparg]!, iterable);
            } finally {
              decref(iterable);
            }
            break;
          }
          case Op.DICT_UPDATE: {
            const update = stack[--sp]!;
            stack[sp] = null;
            try {
              dictUpdateFromObject(stack[sp - oparg] as PyDict, update);
            } finally {
              decref(update);
            }
            break;
          }
          case Op.DICT_MERGE: {
            const update = stack[--sp]!;
            stack[sp] = null;
            try {
              dictMergeFromObject(stack[sp - oparg] as PyDict, update, stack[sp - oparg - 2]!);
            } finally {
              decref(update);
            }
            break;
          }
          case Op.LIST_TO_TUPLE: {
            const list = stack[sp - 1] as PyList;
            const items = list.items.slice();
            for (const item of items) item.refcnt++;
            stack[sp - 1] = tupleFromOwned(items);
            decref(list);
            break;
          }
          case Op.FORMAT_VALUE: {
            const spec = (oparg & 0x04) !== 0 ? stack[--sp]! : null;
            if (spec !== null) stack[sp] = null;
            let value = stack[sp - 1]!;
            const conversion = oparg & 0x03;
            try {
              if (conversion !== 0) {
                const converted = conversion === 1 ? objectStr(value) : conversion === 2 ? objectRepr(value) : objectAscii(value);
                decref(value);
                value = converted;
                stack[sp - 1] = value;
              }
              if (spec === null && value.type === StrType) {
                // already a str: kept as is, as 3.11 does
              } else {
                const formatted = objectFormat(value, spec as PyStr | null);
                decref(value);
                stack[sp - 1] = formatted;
              }
            } finally {
              xdecref(spec);
            }
            break;
          }
          case Op.UNPACK_SEQUENCE: {
            const seq = stack[--sp]!;
            stack[sp] = null;
            frame.sp = sp;
            try {
              sp = unpackSequence(seq, oparg, -1, stack, sp);
            } finally {
              decref(seq);
            }
            break;
          }
          case Op.UNPACK_EX: {
            const seq = stack[--sp]!;
            stack[sp] = null;
            frame.sp = sp;
            try {
              sp = unpackSequence(seq, oparg & 0xff, oparg >> 8, stack, sp);
            } finally {
              decref(seq);
            }
            break;
          }
          case Op.JUMP:
            ip = oparg;
            break;
          case Op.POP_JUMP_IF_FALSE:
          case Op.POP_JUMP_IF_TRUE: {
            const v = stack[--sp]!;
            stack[sp] = null;
            let truth: boolean;
            if (v === True) truth = true;
            else if (v === False || v === None) truth = false;
            else {
              try {
                truth = isTrue(v);
              } finally {
                decref(v);
              }
              if (truth === (opcode === Op.POP_JUMP_IF_TRUE)) ip = oparg;
              break;
            }
            decref(v);
            if (truth === (opcode === Op.POP_JUMP_IF_TRUE)) ip = oparg;
            break;
          }
          case Op.POP_JUMP_IF_NONE:
          case Op.POP_JUMP_IF_NOT_NONE: {
            const v = stack[--sp]!;
            stack[sp] = null;
            if ((v === None) === (opcode === Op.POP_JUMP_IF_NONE)) ip = oparg;
            decref(v);
            break;
          }
          case Op.JUMP_IF_FALSE_OR_POP:
          case Op.JUMP_IF_TRUE_OR_POP: {
            const v = stack[sp - 1]!;
            const truth = v === True ? true : v === False || v === None ? false : isTrue(v);
            if (truth === (opcode === Op.JUMP_IF_TRUE_OR_POP)) {
              ip = oparg;
            } else {
              stack[--sp] = null;
              decref(v);
            }
            break;
          }
          case Op.IMPORT_NAME: {
            const fromlist = stack[--sp]!;
            const level = stack[--sp]!;
            stack[sp] = stack[sp + 1] = null;
            frame.sp = sp;
            let res: PyObject;
            try {
              res = interpreterHooks.importName(frame, code.names[oparg]!, fromlist, level);
            } finally {
              decref(fromlist);
              decref(level);
            }
            stack[sp++] = res;
            break;
          }
          case Op.IMPORT_FROM: {
            const module = stack[sp - 1]!;
            stack[sp++] = interpreterHooks.importFrom(module, code.names[oparg]!);
            break;
          }
          case Op.IMPORT_STAR: {
            const module = stack[--sp]!;
            stack[sp] = null;
            try {
              interpreterHooks.importStar(frame, module);
            } finally {
              decref(module);
            }
            break;
          }
          case Op.RAISE_VARARGS: {
            let cause: PyObject | null = null;
            let exc: PyObject | null = null;
            if (oparg === 2) {
              cause = stack[--sp]!;
              stack[sp] = null;
            }
            if (oparg >= 1) {
              exc = stack[--sp]!;
              stack[sp] = null;
            }
            frame.sp = sp;
            doRaise(exc, cause);
            break;
          }
          case Op.RERAISE: {
            const exc = stack[--sp]! as PyBaseException;
            stack[sp] = null;
            if (oparg !== 0) {
              const lasti = stack[sp - 1]!;
              frame.lasti = intValue(lasti);
            }
            frame.sp = sp;
            const r = new PyRaise(exc);
            r.reraise = true;
            r.contextChained = true;
            throw r;
          }
          case Op.PUSH_EXC_INFO: {
            const value = stack[sp - 1]!;
            const item = ts.excInfo;
            if (item.value !== null) {
              stack[sp - 1] = item.value;
            } else {
              None.refcnt++;
              stack[sp - 1] = None;
            }
            value.refcnt++;
            stack[sp++] = value;
            item.value = value;
            break;
          }
          case Op.POP_EXCEPT: {
            const item = ts.excInfo;
            const old = item.value;
            const restored = stack[--sp]!;
            stack[sp] = null;
            if (restored === None) {
              item.value = null;
              decref(restored);
            } else {
              item.value = restored;
            }
            xdecref(old);
            break;
          }
          case Op.CHECK_EXC_MATCH: {
            const right = stack[sp - 1]!;
            const left = stack[sp - 2]!;
            checkExceptTypeValid(right);
            const match = exceptionMatches(left, right);
            stack[sp - 1] = match ? True : False;
            (match ? True : False).refcnt++;
            decref(right);
            break;
          }
          case Op.BEFORE_WITH: {
            const mgr = stack[sp - 1]!;
            const enter = lookupSpecial(mgr, internedName("__enter__"));
            if (enter === null) {
              raise(TypeErrorType, `'${mgr.type.name}' object does not support the context manager protocol`);
            }
            const exit = lookupSpecial(mgr, internedName("__exit__"));
            if (exit === null) {
              decref(enter);
              raise(TypeErrorType, `'${mgr.type.name}' object does not support the context manager protocol (missed __exit__ method)`);
            }
            stack[sp - 1] = exit;
            decref(mgr);
            frame.sp = sp;
            let res: PyObject;
            try {
              res = callObject(enter, [], 0, 0, null);
            } finally {
              decref(enter);
            }
            stack[sp++] = res;
            break;
          }
          case Op.WITH_EXCEPT_START: {
            const val = stack[sp - 1]! as PyBaseException;
            const exitFunc = stack[sp - 4]!;
            const tb = val.traceback ?? None;
            const args = [val.type as PyObject, val as PyObject, tb];
            frame.sp = sp;
            const res = callObject(exitFunc, args, 0, 3, null);
            stack[sp++] = res;
            break;
          }
          case Op.GET_LEN: {
            const n = objectLength(stack[sp - 1]!);
            stack[sp++] = newIntSsize(n);
            break;
          }
          case Op.MATCH_MAPPING:
          case Op.MATCH_SEQUENCE: {
            const subject = stack[sp - 1]!;
            const flag = opcode === Op.MATCH_MAPPING ? TPFLAGS_MAPPING : TPFLAGS_SEQUENCE;
            const res = (subject.type.flags & flag) !== 0 ? True : False;
            res.refcnt++;
            stack[sp++] = res;
            break;
          }
          case Op.MATCH_KEYS: {
            frame.sp = sp;
            stack[sp] = matchKeys(stack[sp - 2]!, stack[sp - 1] as PyTuple);
            sp++;
            break;
          }
          case Op.MATCH_CLASS: {
            const names = stack[--sp] as PyTuple;
            const type = stack[--sp]!;
            stack[sp] = stack[sp + 1] = null;
            const subject = stack[sp - 1]!;
            frame.sp = sp;
            let attrs: PyObject | null;
            try {
              attrs = matchClass(subject, type, oparg, names);
            } finally {
              decref(names);
              decref(type);
            }
            if (attrs === null) {
              None.refcnt++;
              attrs = None;
            }
            stack[sp - 1] = attrs;
            decref(subject);
            break;
          }
          case Op.CHECK_EG_MATCH: {
            const matchType = stack[--sp]!;
            stack[sp] = null;
            frame.sp = sp;
            let pair: [PyObject, PyObject];
            try {
              checkExceptStarTypeValid(matchType);
              pair = exceptionGroupMatch(stack[sp - 1]!, matchType);
            } finally {
              decref(matchType);
            }
            const [match, rest] = pair;
            if (match === None) {
              decref(rest);
              stack[sp++] = match;
            } else {
              const value = stack[sp - 1]!;
              stack[sp - 1] = rest;
              stack[sp++] = match;
              // PyErr_SetExcInfo: the matched part becomes the handled exception.
              match.refcnt++;
              const old = ts.excInfo.value;
              ts.excInfo.value = match;
              xdecref(old);
              decref(value);
            }
            break;
          }
          case Op.PREP_RERAISE_STAR: {
            const excs = stack[--sp] as PyList;
            const orig = stack[--sp]!;
            stack[sp] = stack[sp + 1] = null;
            frame.sp = sp;
            let val: PyObject;
            try {
              val = prepReraiseStar(orig as PyBaseException, excs.items);
            } finally {
              decref(excs);
              decref(orig);
            }
            stack[sp++] = val;
            break;
          }
          case Op.PRINT_EXPR: {
            const value = stack[--sp]!;
            stack[sp] = null;
            frame.sp = sp;
            try {
              const hook = interpreterHooks.displayHook();
              if (hook === null) raise(RuntimeErrorType, "lost sys.displayhook");
              decref(callObject(hook, [value], 0, 1, null));
            } finally {
              decref(value);
            }
            break;
          }
          case Op.GET_AWAITABLE: {
            const iterable = stack[sp - 1]!;
            frame.sp = sp;
            let iter: PyObject;
            try {
              iter = getAwaitable(iterable, oparg);
            } catch (e) {
              stack[--sp] = null;
              frame.sp = sp;
              decref(iterable);
              throw e;
            }
            stack[sp - 1] = iter;
            decref(iterable);
            break;
          }
          case Op.GET_AITER: {
            const obj = stack[sp - 1]!;
            frame.sp = sp;
            let iter: PyObject;
            try {
              iter = getAsyncIter(obj);
            } catch (e) {
              stack[--sp] = null;
              frame.sp = sp;
              decref(obj);
              throw e;
            }
            stack[sp - 1] = iter;
            decref(obj);
            break;
          }
          case Op.GET_ANEXT: {
            frame.sp = sp;
            stack[sp] = getAsyncNext(stack[sp - 1]!);
            sp++;
            break;
          }
          case Op.END_ASYNC_FOR: {
            const val = stack[--sp]! as PyBaseException;
            stack[sp] = null;
            if (exceptionMatches(val, StopAsyncIterationType)) {
              decref(val);
              const aiter = stack[--sp]!;
              stack[sp] = null;
              decref(aiter);
              break;
            }
            frame.sp = sp;
            const r = new PyRaise(val);
            r.reraise = true;
            r.contextChained = true;
            throw r;
          }
          case Op.BEFORE_ASYNC_WITH: {
            const mgr = stack[sp - 1]!;
            const enter = lookupSpecial(mgr, internedName("__aenter__"));
            if (enter === null) {
              raise(TypeErrorType, `'${mgr.type.name}' object does not support the asynchronous context manager protocol`);
            }
            const exit = lookupSpecial(mgr, internedName("__aexit__"));
            if (exit === null) {
              decref(enter);
              raise(TypeErrorType, `'${mgr.type.name}' object does not support the asynchronous context manager protocol (missed __aexit__ method)`);
            }
            stack[sp - 1] = exit;
            decref(mgr);
            frame.sp = sp;
            let res: PyObject;
            try {
              res = callObject(enter, [], 0, 0, null);
            } finally {
              decref(enter);
            }
            stack[sp++] = res;
            break;
          }
          case Op.ASYNC_GEN_WRAP: {
            stack[sp - 1] = wrapAsyncGenValue(stack[sp - 1]!);
            break;
          }
          default:
            raise(SystemErrorType, `unknown opcode ${opcode}`);
        }
      }
    } catch (error) {
      if (error instanceof HostAbort) throw error;
      // exception_unwind, for the frame that raised and then for each caller in this loop.
      const r = exceptionOf(error);
      let exc = r.exception;
      if (!r.contextChained) {
        r.contextChained = true;
        chainContext(exc);
      }
      frame.sp = sp;
      frame.ip = ip;
      for (;;) {
        if (!r.reraise) {
          exc.traceback = tracebackHere(exc.traceback as PyTraceBack | null, frame) as PyObject;
        }
        r.reraise = false;
        // The handler is looked up at the instruction being executed (next_instr - 1), not
        // at f_lasti: RERAISE restores f_lasti for the traceback but unwinds from itself.
        const handler = findHandler(frame.code, frame.ip - 1);
        if (handler >= 0) {
          const table = frame.code.exceptionTable;
          const target = table[handler + 2]!;
          const depth = table[handler + 3]!;
          const pushLasti = table[handler + 4]! !== 0;
          const stackBase = frame.code.nlocalsplus;
          const slots = frame.localsplus;
          let top = frame.sp;
          while (top > stackBase + depth) {
            const v = slots[--top];
            slots[top] = null;
            if (v !== null && v !== undefined) decref(v);
          }
          if (pushLasti) slots[top++] = newInt(frame.lasti);
          slots[top++] = exc;
          frame.sp = top;
          frame.ip = target;
          code = frame.code;
          instructions = code.instructions;
          stack = slots;
          sp = top;
          ip = target;
          break;
        }
        // No handler: the frame ends with the exception.
        const slots = frame.localsplus;
        const stackBase = frame.code.nlocalsplus;
        for (let top = frame.sp; top > stackBase; ) {
          const v = slots[--top];
          slots[top] = null;
          if (v !== null && v !== undefined) decref(v);
        }
        frame.sp = stackBase;
        ts.recursionRemaining++;
        if (frame.isEntry) {
          throw r;
        }
        const dying = frame;
        frame = dying.previous as Frame;
        ts.frame = frame;
        clearFinishedFrame(dying);
        // resume_with_error in the caller: it gets its own traceback entry.
        exc = r.exception;
      }
    }
  }
}

/**
 * LOAD_GLOBAL's lookup (borrowed result), filling the instruction's inline cache when both
 * dicts have str-only keys (so the lookup had no side effect to repeat) and version tags.
 */
function loadGlobalSlow(code: PyCode, frame: Frame, nameIndex: number, index: number): PyObject {
  const name = code.names[nameIndex]!;
  const globals = frame.globals;
  const builtins = frame.builtins;
  let v = dictGetItem(globals, name);
  if (v === null) {
    v = dictGetItem(builtins, name);
    if (v === null) raiseNameError(name);
  }
  const gtag = globals.versionTag;
  const btag = builtins.versionTag;
  if (gtag !== 0 && btag !== 0 && globals.keys.kind === KEYS_UNICODE && builtins.keys.kind === KEYS_UNICODE) {
    let tags = code.globalCacheTags;
    let values = code.globalCacheValues;
    if (tags === null || values === null) {
      const n = code.instructions.length >> 1;
      // -1: no dict has that tag, so an unfilled entry never matches.
      tags = code.globalCacheTags = new Float64Array(2 * n).fill(-1);
      values = [];
      for (let i = 0; i < n; i++) values.push(null);
      code.globalCacheValues = values;
    }
    tags[2 * index] = gtag;
    tags[2 * index + 1] = btag;
    values[index] = v;
  }
  return v;
}

function findHandler(code: PyCode, lasti: number): number {
  const table = code.exceptionTable;
  for (let e = 0; e < table.length; e += EXCEPTION_ENTRY_SIZE) {
    if (table[e]! <= lasti && lasti < table[e + 1]!) return e;
  }
  return -1;
}

function intValue(o: PyObject): number {
  return Number((o as unknown as { value: number | bigint }).value);
}

/**
 * The per-instruction counter ran out: either the --max-steps budget is spent, or a chunk
 * between wall-clock checks is. One decrement per instruction serves both limits.
 */
function stepBudgetExceeded(ts: ThreadState): void {
  ts.stepBudget -= ts.stepChunk;
  if (ts.stepBudget <= 0) {
    // Left exhausted, so that code run while unwinding stops again at once.
    ts.stepsRemaining = 0;
    ts.stepChunk = 0;
    interpreterHooks.budgetExceeded("steps");
  }
  if (ts.deadline !== Infinity && Date.now() > ts.deadline) {
    ts.stepsRemaining = 0;
    ts.stepChunk = 0;
    interpreterHooks.budgetExceeded("time");
  }
  ts.stepChunk = ts.nextStepChunk();
  ts.stepsRemaining = ts.stepChunk - 1;
}

function unboundLocal(code: PyCode, index: number): never {
  raise(UnboundLocalErrorType, `cannot access local variable '${code.localsplusnames[index]!.value}' where it is not associated with a value`);
}

function unboundDeref(code: PyCode, index: number): never {
  const name = code.localsplusnames[index]!.value;
  const kind = code.localspluskinds[index]!;
  if ((kind & 0x80) !== 0) {
    raiseNameError(code.localsplusnames[index]!, `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
  }
  raise(UnboundLocalErrorType, `cannot access local variable '${name}' where it is not associated with a value`);
}

const SPECIALIZED_INT_LIMIT = 2 ** 30;

/** Code with *args or **kwargs never takes the plain positional binding path. */
const SIMPLE_ARGS_MASK = CO_VARARGS | CO_VARKEYWORDS;

/** A new reference to True/False when both operands are exact small ints, floats or (==, !=) strs; else null. */
function quickCompare(left: PyObject, right: PyObject, cmp: number): PyObject | null {
  const lt = left.type;
  if (lt !== right.type) return null;
  let a: number | string;
  let b: number | string;
  if (lt === IntType) {
    a = (left as PyInt).value;
    b = (right as PyInt).value;
    if ((left as PyInt).big !== null || (right as PyInt).big !== null) return null;
    if (a >= SPECIALIZED_INT_LIMIT || a <= -SPECIALIZED_INT_LIMIT || b >= SPECIALIZED_INT_LIMIT || b <= -SPECIALIZED_INT_LIMIT) return null;
  } else if (lt === FloatType) {
    a = (left as PyFloat).value;
    b = (right as PyFloat).value;
  } else if (lt === StrType && (cmp === CMP_EQ || cmp === CMP_NE)) {
    a = (left as PyStr).value;
    b = (right as PyStr).value;
  } else {
    return null;
  }
  let r: boolean;
  switch (cmp) {
    case CMP_LT: r = a < b; break;
    case CMP_LE: r = a <= b; break;
    case CMP_EQ: r = a === b; break;
    case CMP_NE: r = a !== b; break;
    case CMP_GT: r = a > b; break;
    default: r = a >= b; break;
  }
  const res = r ? True : False;
  res.refcnt++;
  return res;
}

/** format_exc_check_arg for NameError: the exception carries the name (for suggestions). */
function raiseNameError(name: PyStr, message: string = `name '${name.value}' is not defined`): never {
  const exc = newExceptionFromOwnedArgs(NameErrorType, tupleFromOwned([newStr(message)]));
  setNameErrorName(exc, name);
  raiseOwned(exc);
}

/** PyIter_Next as FOR_ITER uses it: a StopIteration raised by the iterator is the end too. */
function forIterNext(it: PyObject): PyObject | null {
  const next = it.type.iternext;
  if (next === null) raise(TypeErrorType, `'${it.type.name}' object is not an iterator`);
  try {
    return next(it);
  } catch (e) {
    if (e instanceof PyRaise && exceptionMatches(e.exception, StopIterationType)) {
      decref(e.exception);
      return null;
    }
    throw e;
  }
}

function loadName(frame: Frame, name: PyStr): PyObject {
  const locals = frame.locals;
  if (locals === null) raise(SystemErrorType, `no locals when loading '${name.value}'`);
  let v: PyObject | null;
  if (locals.type === DictType) {
    v = dictGetItem(locals as PyDict, name);
    if (v !== null) {
      v.refcnt++;
      return v;
    }
  } else {
    v = interpreterHooks.mappingLookup(locals, name);
    if (v !== null) return v;
  }
  v = dictGetItem(frame.globals, name);
  if (v === null) {
    v = dictGetItem(frame.builtins, name);
    if (v === null) raiseNameError(name);
  }
  v.refcnt++;
  return v;
}

const internedNames = new Map<string, PyStr>();
function internedName(name: string): PyStr {
  let s = internedNames.get(name);
  if (s === undefined) {
    s = interpreterHooks.staticName(name);
    internedNames.set(name, s);
  }
  return s;
}

function functionDoc(code: PyCode): PyObject {
  // 3.11: the docstring is the first constant when the code has one (CO_... is implicit).
  const first = code.consts.length > 0 ? code.consts[0]! : None;
  return interpreterHooks.codeHasDocstring(code) ? first : None;
}

function moduleNameOf(globals: PyDict): PyObject | null {
  return dictGetItem(globals, internedName("__name__"));
}

function callWithTupleAndDict(fn: PyObject, args: PyTuple, kwargs: PyDict | null): PyObject {
  return interpreterHooks.callWithTupleAndDict(fn, args, kwargs);
}

/**
 * do_call_core → PyObject_Call for an exact tuple and dict. Python functions (bare or bound)
 * are called as _PyVectorcall_Call does: with keywords, _PyStack_UnpackDict copies the
 * positional and keyword values into a new argument array (one more reference each for the
 * call's duration) with a tuple of the keys as kwnames.
 */
function callExWithTuple(fn: PyObject, args: PyTuple, kwargs: PyDict | null): PyObject {
  let func: PyObject = fn;
  let self: PyObject | null = null;
  if (fn.type === MethodType && (fn as PyMethod).func.type === FunctionType) {
    func = (fn as PyMethod).func;
    self = (fn as PyMethod).self;
  } else if (fn.type !== FunctionType) {
    return callWithTupleAndDict(fn, args, kwargs);
  }
  const items = args.items;
  const nkw = kwargs === null ? 0 : kwargs.used;
  if (nkw === 0) {
    if (self === null) return callPythonFunction(func as PyFunction, items, 0, items.length, null);
    const withSelf = [self as PyObject].concat(items);
    return callPythonFunction(func as PyFunction, withSelf, 0, withSelf.length, null);
  }
  const stackArgs: PyObject[] = [];
  if (self !== null) stackArgs.push(self);
  for (const a of items) {
    a.refcnt++;
    stackArgs.push(a);
  }
  const nargs = stackArgs.length;
  const names: PyObject[] = [];
  for (let pos = dictNext(kwargs!, 0); pos >= 0; pos = dictNext(kwargs!, pos)) {
    const key = dictEntry.key as PyObject;
    const value = dictEntry.value as PyObject;
    key.refcnt++;
    value.refcnt++;
    names.push(key);
    stackArgs.push(value);
  }
  const kwnames = tupleFromOwned(names);
  try {
    return callPythonFunction(func as PyFunction, stackArgs, 0, nargs, kwnames);
  } finally {
    for (let i = self === null ? 0 : 1; i < stackArgs.length; i++) decref(stackArgs[i]!);
    decref(kwnames);
  }
}

/** do_raise (3.11). */
function doRaise(exc: PyObject | null, cause: PyObject | null): never {
  if (exc === null) {
    const handled = tstate.topmostException();
    if (handled === null) {
      raise(RuntimeErrorType, "No active exception to reraise");
    }
    handled.refcnt++;
    // A bare `raise` re-raises without a new traceback entry or context (do_raise returns 1).
    const r = new PyRaise(handled as PyBaseException);
    r.reraise = true;
    r.contextChained = true;
    throw r;
  }
  let value: PyBaseException;
  if (isTypeObject(exc) && (exc.flags & TPFLAGS_BASE_EXC_SUBCLASS) !== 0) {
    const made = callObject(exc, [], 0, 0, null);
    decref(exc);
    if ((made.type.flags & TPFLAGS_BASE_EXC_SUBCLASS) === 0) {
      const name = made.type.name;
      decref(made);
      xdecref(cause);
      raise(TypeErrorType, `calling ${(exc as { name?: string }).name ?? "exception"} should have returned an instance of BaseException, not ${name}`);
    }
    value = made as PyBaseException;
  } else if ((exc.type.flags & TPFLAGS_BASE_EXC_SUBCLASS) !== 0) {
    value = exc as PyBaseException;
  } else {
    decref(exc);
    xdecref(cause);
    raise(TypeErrorType, "exceptions must derive from BaseException");
  }
  if (cause !== null) {
    let fixedCause: PyObject | null;
    if (isTypeObject(cause) && (cause.flags & TPFLAGS_BASE_EXC_SUBCLASS) !== 0) {
      fixedCause = callObject(cause, [], 0, 0, null);
      decref(cause);
    } else if ((cause.type.flags & TPFLAGS_BASE_EXC_SUBCLASS) !== 0) {
      fixedCause = cause;
    } else if (cause === None) {
      decref(cause);
      fixedCause = null;
    } else {
      decref(cause);
      decref(value);
      raise(TypeErrorType, "exception causes must derive from BaseException");
    }
    const old = value.cause;
    value.cause = fixedCause;
    value.suppressContext = true;
    xdecref(old);
  }
  raiseOwned(value);
}

const CANNOT_CATCH = "catching classes that do not inherit from BaseException is not allowed";

function checkExceptTypeValid(right: PyObject): void {
  if (right.type === TupleType) {
    for (const item of (right as PyTuple).items) {
      if (!(isTypeObject(item) && (item.flags & TPFLAGS_BASE_EXC_SUBCLASS) !== 0)) raise(TypeErrorType, CANNOT_CATCH);
    }
    return;
  }
  if (!(isTypeObject(right) && (right.flags & TPFLAGS_BASE_EXC_SUBCLASS) !== 0)) raise(TypeErrorType, CANNOT_CATCH);
}

/** PyErr_GivenExceptionMatches */
export function exceptionMatches(exc: PyObject, against: PyObject): boolean {
  if (against.type === TupleType) {
    for (const item of (against as PyTuple).items) if (exceptionMatches(exc, item)) return true;
    return false;
  }
  const excType = isTypeObject(exc) ? exc : exc.type;
  return isTypeObject(against) && excType.isSubtypeOf(against);
}

/** UNPACK_SEQUENCE / UNPACK_EX: pushes the items so that the first ends on top. */
function unpackSequence(seq: PyObject, before: number, after: number, stack: (PyObject | null)[], sp: number): number {
  if (after < 0 && (seq.type === TupleType || seq.type === ListType)) {
    const items = (seq as PyTuple | PyList).items;
    if (items.length === before) {
      for (let i = before - 1; i >= 0; i--) {
        const v = items[i]!;
        v.refcnt++;
        stack[sp++] = v;
      }
      return sp;
    }
    if (items.length < before) raise(ValueErrorType, `not enough values to unpack (expected ${before}, got ${items.length})`);
    raise(ValueErrorType, `too many values to unpack (expected ${before})`);
  }
  let it: PyObject;
  try {
    it = getIter(seq);
  } catch (e) {
    if (e instanceof PyRaise && e.exception.type === TypeErrorType && seq.type.iter === null && seq.type.sqItem === null) {
      decref(e.exception);
      raise(TypeErrorType, `cannot unpack non-iterable ${seq.type.name} object`);
    }
    throw e;
  }
  const got: PyObject[] = [];
  try {
    for (let i = 0; i < before; i++) {
      const v = iterNext(it);
      if (v === null) {
        if (after < 0) raise(ValueErrorType, `not enough values to unpack (expected ${before}, got ${i})`);
        raise(ValueErrorType, `not enough values to unpack (expected at least ${before + after}, got ${i})`);
      }
      got.push(v);
    }
    if (after < 0) {
      const extra = iterNext(it);
      if (extra !== null) {
        decref(extra);
        raise(ValueErrorType, `too many values to unpack (expected ${before})`);
      }
      for (let i = got.length - 1; i >= 0; i--) stack[sp++] = got[i]!;
      got.length = 0;
      return sp;
    }
    const rest: PyObject[] = [];
    for (let v = iterNext(it); v !== null; v = iterNext(it)) rest.push(v);
    if (rest.length < after) {
      for (const v of rest) decref(v);
      raise(ValueErrorType, `not enough values to unpack (expected at least ${before + after}, got ${before + rest.length})`);
    }
    const tail = rest.splice(rest.length - after, after);
    for (let i = tail.length - 1; i >= 0; i--) stack[sp++] = tail[i]!;
    stack[sp++] = listFromOwned(rest);
    for (let i = got.length - 1; i >= 0; i--) stack[sp++] = got[i]!;
    got.length = 0;
    return sp;
  } finally {
    for (const v of got) decref(v);
    decref(it);
  }
}

/** Calls a Python function from TypeScript (its call slot): a nested eval loop. */
export function callPythonFunction(func: PyFunction, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const code = func.code;
  const frame = acquireFrame(code, func, func.globals as PyDict, func.builtins as PyDict, (code.flags & CO_OPTIMIZED) !== 0 ? null : func.globals);
  if (frame.locals !== null) frame.locals.refcnt++;
  func.refcnt++;
  code.refcnt++;
  const total = nargs + (kwnames === null ? 0 : kwnames.items.length);
  if (kwnames === null && nargs === code.argcount && (code.flags & SIMPLE_ARGS_MASK) === 0 && code.kwonlyargcount === 0) {
    const locals = frame.localsplus;
    for (let i = 0; i < nargs; i++) {
      const a = args[start + i]!;
      a.refcnt++;
      locals[i] = a;
    }
  } else {
    // _PyEval_Vector: the frame takes new references to the arguments.
    const owned: (PyObject | null)[] = [];
    for (let i = 0; i < total; i++) {
      const a = args[start + i]!;
      a.refcnt++;
      owned.push(a);
    }
    try {
      bindArguments(func, frame.localsplus, owned, 0, total, kwnames);
    } catch (e) {
      releaseUnstartedFrame(frame);
      throw e;
    }
  }
  frame.previous = tstate.frame;
  tstate.frame = frame;
  let result: PyObject;
  try {
    result = evalFrame(frame, null);
  } catch (e) {
    finishEntryFrame(frame);
    throw e;
  }
  finishEntryFrame(frame);
  return result;
}

/**
 * Runs a function's code with an explicit `locals` namespace instead of fast locals (class
 * bodies: builtins.__build_class__, and exec()). No arguments. Returns a new reference.
 */
export function callFunctionWithLocals(func: PyFunction, locals: PyObject): PyObject {
  const code = func.code;
  const frame = acquireFrame(code, func, func.globals as PyDict, func.builtins as PyDict, locals);
  locals.refcnt++;
  func.refcnt++;
  code.refcnt++;
  if (func.closure !== null) {
    // COPY_FREE_VARS in the code does this for closures; nothing else to bind.
  }
  frame.previous = tstate.frame;
  tstate.frame = frame;
  let result: PyObject;
  try {
    result = evalFrame(frame, null);
  } catch (e) {
    finishEntryFrame(frame);
    throw e;
  }
  finishEntryFrame(frame);
  return result;
}

/** Pops and clears an entry frame once evalFrame is done with it (unless a generator took it). */
export function finishEntryFrame(frame: Frame): void {
  frame.isEntry = false;
  if (frame.owner === OWNED_BY_GENERATOR) return;
  if (tstate.frame === frame) tstate.frame = frame.previous;
  clearFinishedFrame(frame);
}

/** A frame whose arguments were (partly) bound but that never ran. */
function releaseUnstartedFrame(frame: Frame): void {
  frame.sp = frame.code.nlocalsplus;
  frame.owner = OWNED_BY_THREAD;
  clearFinishedFrame(frame);
}

export { pushFrame };
export { StopIterationType, BaseExceptionType, AttributeErrorType, ImportErrorType, newExceptionFromOwnedArgs, isInstance, isSubclass };
