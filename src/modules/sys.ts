// Python/sysmodule.c (3.11): the sys module. sys_getrefcount, sys_getsizeof
// (_PySys_GetSizeOf), sys_getrecursionlimit / setrecursionlimit, sys_intern, sys__getframe,
// sys_exc_info, sys_exception, sys_exit, sys_displayhook, sys__debugmallocstats,
// sys_getallocatedblocks, sys_get/set_int_max_str_digits, the version and limit
// attributes (make_version_info, make_flags, PyFloat_GetInfo, PyLong_GetInfo, get_hash_info)
// and the standard streams.
//
// sys.excepthook and sys.unraisablehook are builtin functions whose work is done by
// functions the program runner installs (setExceptHookImpl / setUnraisableHookImpl), so the
// Python-visible objects exist from the start and can be replaced or restored by programs.

import type { PyObject } from "../runtime/object.js";
import { decref, newRef } from "../runtime/refcount.js";
import { allocator, freeListStatsLines, preHeaderSize } from "../runtime/heap.js";
import {
  raise, raiseOwned, TypeErrorType, ValueErrorType, RecursionErrorType, RuntimeErrorType,
  SystemExitType, OverflowErrorType, PyBaseException, PyRaise,
} from "../runtime/exceptions.js";
import { callNoArgs, callObject, callOneArg, numberIndex, recursionState, reprText, setAttr, strText } from "../runtime/abstract.js";
import { lookupSpecial } from "../runtime/typeobject.js";
import { intToBigInt, isInt, newInt, newIntFromBigInt, newIntSsize, False } from "../runtime/int.js";
import { newFloat } from "../runtime/float.js";
import { internStrObject, isStr, newStr, staticStr, StrType } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import { dictSetItem, newDict, type PyDict } from "../runtime/dict.js";
import { listFromOwned } from "../runtime/list.js";
import { TupleType, tupleFromOwned, type PyTuple } from "../runtime/tuple.js";
import { newModule, type PyModule } from "../runtime/moduleobject.js";
import { newCFunction } from "../runtime/methodobject.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { checkPositional, parseArgs } from "../runtime/getargs.js";
import { rethrowValueError } from "../runtime/valueraise.js";
import { packKwargs, packVarargs } from "../runtime/varargs.js";
import { formatDebugMallocStats } from "../memory/index.js";
import {
  DEFAULT_MAX_STR_DIGITS, MAX_STR_DIGITS_THRESHOLD, getIntMaxStrDigits, setIntMaxStrDigits,
} from "../runtime/values/intformat.js";
import { getHashSecret } from "../runtime/values/pyhash.js";
import { internalErrorToPython, tstate } from "../python/ceval.js";
import { getFrameObject } from "../python/frameobject.js";
import type { Frame } from "../python/frame.js";
import { asCInt, noKwnames, sysGetAttrBorrowed, callerFrame, id, isPyError, clearError } from "./bltin_util.js";
import { newStructSeqType, newStructSeq } from "./sys_structseq.js";
import { newNamespace } from "./sys_namespace.js";
import { newTextStream } from "./sys_streams.js";
import { interp, builtinModuleRegistry, type Interpreter, type InterpreterOptions } from "./interp_state.js";
import { writeObjectToFile, writeStringToFile } from "./bltin_io.js";
import { exceptionLine, formatException, formatTraceback } from "../python/tbformat.js";
import { TraceBackType, type PyTraceBack } from "../python/traceback.js";
import { TPFLAGS_BASE_EXC_SUBCLASS } from "../runtime/type.js";

// ---------------------------------------------------------------------------
// Version facts.

export const VERSION = "3.11.7 (main, heapscope) [TypeScript]";
export const HEXVERSION = 0x030b07f0;
const COPYRIGHT =
  "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\nCopyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\nCopyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\nCopyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.";

export const VersionInfoType = newStructSeqType({
  name: "sys.version_info",
  fields: ["major", "minor", "micro", "releaselevel", "serial"],
  doc: "sys.version_info\n\nVersion information as a named tuple.",
});
export const FloatInfoType = newStructSeqType({
  name: "sys.float_info",
  fields: ["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"],
});
export const IntInfoType = newStructSeqType({
  name: "sys.int_info",
  fields: ["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"],
});
export const HashInfoType = newStructSeqType({
  name: "sys.hash_info",
  fields: ["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"],
});
export const FlagsType = newStructSeqType({
  name: "sys.flags",
  fields: [
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
    "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated",
    "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits",
  ],
});

function ints(values: number[]): PyObject[] {
  return values.map((v) => newInt(v));
}

function makeVersionInfo(): PyObject {
  return newStructSeq(VersionInfoType, [...ints([3, 11, 7]), newStr("final"), newInt(0)]);
}

function makeFloatInfo(): PyObject {
  return newStructSeq(FloatInfoType, [
    newFloat(Number.MAX_VALUE), newInt(1024), newInt(308), newFloat(2.2250738585072014e-308),
    newInt(-1021), newInt(-307), newInt(15), newInt(53), newFloat(Number.EPSILON), newInt(2), newInt(1),
  ]);
}

function makeIntInfo(): PyObject {
  return newStructSeq(IntInfoType, ints([30, 4, DEFAULT_MAX_STR_DIGITS, MAX_STR_DIGITS_THRESHOLD]));
}

function makeHashInfo(): PyObject {
  return newStructSeq(HashInfoType, [
    newInt(64), newIntFromBigInt(2305843009213693951n), newInt(314159), newInt(0), newInt(1000003),
    newStr("siphash13"), newInt(64), newInt(128), newInt(0),
  ]);
}

function makeFlags(): PyObject {
  const randomized = getHashSecret().some((b) => b !== 0) ? 1 : 0;
  return newStructSeq(FlagsType, [
    ...ints([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, randomized, 0]),
    newRef(False), newInt(0), newInt(0), newRef(False), newInt(-1),
  ]);
}

// ---------------------------------------------------------------------------
// Hooks the program runner fills in.

export interface SysHookImpls {
  /** The work of sys.excepthook / sys.__excepthook__ (PyErr_Display). */
  excepthook: ((type: PyObject, value: PyObject, traceback: PyObject) => void) | null;
  /** The work of sys.unraisablehook / sys.__unraisablehook__ (the UnraisableHookArgs object). */
  unraisablehook: ((unraisable: PyObject) => void) | null;
}

export const sysHookImpls: SysHookImpls = { excepthook: null, unraisablehook: null };

export function setExceptHookImpl(fn: SysHookImpls["excepthook"]): void {
  sysHookImpls.excepthook = fn;
}

export function setUnraisableHookImpl(fn: SysHookImpls["unraisablehook"]): void {
  sysHookImpls.unraisablehook = fn;
}

function sysExcepthook(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKwnames("excepthook", kwnames);
  checkPositional("excepthook", nargs, 3, 3);
  const impl = sysHookImpls.excepthook;
  if (impl !== null) impl(args[start]!, args[start + 1]!, args[start + 2]!);
  else displayException(args[start + 1]!);
  return newRef(None);
}

/** PyErr_Display: the formatted exception on sys.stderr (the host's stderr without one). */
export function displayException(value: PyObject): void {
  const it = interp();
  let text: string;
  if ((value.type.flags & TPFLAGS_BASE_EXC_SUBCLASS) === 0) {
    text = `TypeError: print_exception(): Exception expected for value, ${value.type.name} found\n`;
  } else {
    text = formatException(value as PyBaseException, (filename, lineno) => it.sourceLine(filename, lineno));
  }
  const err = sysGetAttrBorrowed("stderr");
  if (err === null || err === None) {
    it.write(2, text);
    return;
  }
  writeStringToFile(text, err);
}

/** sys.UnraisableHookArgs (Python/errors.c): what sys.unraisablehook receives. */
export const UnraisableHookArgsType = newStructSeqType({
  name: "UnraisableHookArgs",
  fields: ["exc_type", "exc_value", "exc_traceback", "err_msg", "object"],
  doc: "UnraisableHookArgs\n\nType used to pass arguments to sys.unraisablehook.",
});

function sysUnraisablehook(_m: PyObject, unraisable: PyObject): PyObject {
  if (unraisable.type !== UnraisableHookArgsType) raise(TypeErrorType, "sys.unraisablehook argument type must be UnraisableHookArgs");
  const impl = sysHookImpls.unraisablehook;
  if (impl !== null) impl(unraisable);
  else writeUnraisableDefault(unraisable as PyTuple);
  return newRef(None);
}

/** _PyErr_WriteUnraisableDefaultHook / write_unraisable_exc_file, to sys.stderr. */
function writeUnraisableDefault(args: PyTuple): void {
  const [excType, excValue, excTb, errMsg, obj] = args.items as [PyObject, PyObject, PyObject, PyObject, PyObject];
  const it = interp();
  let text = "";
  if (obj !== None) {
    text += errMsg !== None ? `${strOrFailed(errMsg)}: ` : "Exception ignored in: ";
    text += `${reprOrFailed(obj)}\n`;
  } else if (errMsg !== None) {
    text += `${strOrFailed(errMsg)}:\n`;
  }
  if (excTb !== None && excTb.type === TraceBackType) {
    const out: string[] = ["Traceback (most recent call last):\n"];
    formatTraceback(excTb as PyTraceBack, (filename, lineno) => it.sourceLine(filename, lineno), out);
    text += out.join("");
  }
  if (excType !== None) text += excValue !== None ? exceptionLine(excValue) : `${(excType as { name?: string }).name ?? "?"}\n`;
  const err = sysGetAttrBorrowed("stderr");
  if (err === null || err === None) return;
  writeStringToFile(text, err);
}

function reprOrFailed(o: PyObject): string {
  try {
    return reprText(o);
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    clearError(e);
    return "<object repr() failed>";
  }
}

function strOrFailed(o: PyObject): string {
  try {
    return strText(o);
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    clearError(e);
    return "<err_msg str() failed>";
  }
}

function unraisableArgs(exc: PyBaseException, errMsg: PyObject, obj: PyObject): PyTuple {
  return newStructSeq(UnraisableHookArgsType, [
    newRef(exc.type), newRef(exc), newRef(exc.traceback ?? None), newRef(errMsg), newRef(obj),
  ]);
}

/**
 * _PyErr_WriteUnraisableMsg through sys.unraisablehook: the handler the interpreter installs
 * in finalize.ts (setUnraisableHandler). Takes over `error` (a PyRaise, or an internal
 * failure shown as SystemError).
 */
export function writeUnraisableToSys(error: unknown, obj: PyObject | null, errMsg: string | null): void {
  const raised = error instanceof PyRaise ? error : internalErrorToPython(error);
  let exc = raised.exception;
  let objArg: PyObject = obj ?? None;
  objArg.refcnt++;
  let msg: PyObject = errMsg === null ? newRef(None) : newStr(errMsg);
  try {
    const hook = sysGetAttrBorrowed("unraisablehook");
    const args = unraisableArgs(exc, msg, objArg);
    try {
      if (hook === null || hook === None) {
        writeUnraisableDefault(args);
        return;
      }
      hook.refcnt++;
      try {
        decref(callOneArg(hook, args));
        return;
      } catch (e) {
        // The hook failed: its own error is reported by the default hook.
        const failed = e instanceof PyRaise ? e : internalErrorToPython(e);
        decref(exc);
        exc = failed.exception;
        decref(objArg);
        objArg = newRef(hook);
        decref(msg);
        msg = newStr("Exception ignored in sys.unraisablehook");
      } finally {
        decref(hook);
      }
    } finally {
      decref(args);
    }
    const args2 = unraisableArgs(exc, msg, objArg);
    try {
      writeUnraisableDefault(args2);
    } finally {
      decref(args2);
    }
  } catch (e) {
    // The default hook ignores its own failures.
    if (!(e instanceof PyRaise)) throw e;
    clearError(e);
  } finally {
    decref(exc);
    decref(objArg);
    decref(msg);
  }
}

/** sys_displayhook: repr to sys.stdout, remembered as builtins._ (None is not shown). */
function sysDisplayhook(_m: PyObject, o: PyObject): PyObject {
  const builtins = interp().builtinsModule;
  if (o === None) return newRef(None);
  setAttr(builtins, id("_"), None);
  const outf = sysGetAttrBorrowed("stdout");
  if (outf === null || outf === None) raise(RuntimeErrorType, "lost sys.stdout");
  writeObjectToFile(o, outf, false);
  writeObjectToFile(staticStr("\n"), outf, true);
  setAttr(builtins, id("_"), o);
  return newRef(None);
}

function sysBreakpointhook(_m: PyObject, _args: PyObject[], _start: number, _nargs: number, _kwnames: PyTuple | null): PyObject {
  // No debugger: a breakpoint() does nothing.
  return newRef(None);
}

// ---------------------------------------------------------------------------
// Objects and memory.

function sysGetrefcount(_m: PyObject, o: PyObject): PyObject {
  return newIntSsize(o.refcnt);
}

/** _PySys_GetSizeOf: __sizeof__() plus the GC and managed-dict pre-headers. */
export function getSizeOf(o: PyObject): number {
  const method = lookupSpecial(o, id("__sizeof__"));
  if (method === null) raise(TypeErrorType, `Type ${o.type.name} doesn't define __sizeof__`);
  let res: PyObject;
  try {
    res = callNoArgs(method);
  } finally {
    decref(method);
  }
  let size: bigint;
  try {
    if (!isInt(res)) raise(TypeErrorType, "an integer is required");
    size = intToBigInt(res);
  } finally {
    decref(res);
  }
  if (size > 9223372036854775807n) raise(OverflowErrorType, "Python int too large to convert to C ssize_t");
  if (size < 0n) raise(ValueErrorType, "__sizeof__() should return >= 0");
  return Number(size) + preHeaderSize(o.type);
}

function sysGetsizeof(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  // METH_VARARGS | METH_KEYWORDS: the call packs a tuple (and a keyword dict) first; the
  // tuple holds the object while its __sizeof__ runs.
  const packed = packVarargs(args, start, nargs);
  let kwargs: PyDict | null = null;
  try {
    kwargs = packKwargs(args, start, nargs, kwnames);
    return getsizeofFromVector(args, start, nargs, kwnames);
  } finally {
    decref(packed);
    if (kwargs !== null) decref(kwargs);
  }
}

function getsizeofFromVector(args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const p = parseArgs("getsizeof", args, start, nargs, kwnames, ["object", "default"], 1);
  const o = p[0]!;
  const dflt = p[1];
  if (dflt === null || dflt === undefined) return newIntSsize(getSizeOf(o));
  try {
    return newIntSsize(getSizeOf(o));
  } catch (e) {
    if (!isPyError(e, TypeErrorType)) throw e;
    clearError(e);
    return newRef(dflt);
  }
}

function sysIntern(_m: PyObject, s: PyObject): PyObject {
  if (!isStr(s)) raise(TypeErrorType, `intern() argument must be str, not ${s.type.name}`);
  if (s.type !== StrType) raise(TypeErrorType, `can't intern ${s.type.name}`);
  return internStrObject(s);
}

function sysDebugmallocstats(_m: PyObject): PyObject {
  interp().write(2, formatDebugMallocStats(allocator, freeListStatsLines()));
  return newRef(None);
}

function sysGetallocatedblocks(_m: PyObject): PyObject {
  return newIntSsize(allocator.getAllocatedBlocks());
}

function sysGetIntMaxStrDigits(_m: PyObject): PyObject {
  return newInt(getIntMaxStrDigits());
}

function sysSetIntMaxStrDigits(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const p = parseArgs("set_int_max_str_digits", args, start, nargs, kwnames, ["maxdigits"], 1);
  const n = asCInt(p[0]!);
  try {
    setIntMaxStrDigits(n);
  } catch (e) {
    rethrowValueError(e);
  }
  return newRef(None);
}

// ---------------------------------------------------------------------------
// Recursion, frames, exceptions.

function sysGetrecursionlimit(_m: PyObject): PyObject {
  return newInt(tstate.recursionLimit);
}

/** Py_SetRecursionLimit: keeps the current depth, moves the limit. */
export function setRecursionLimit(newLimit: number): void {
  const depth = tstate.recursionLimit - tstate.recursionRemaining;
  tstate.recursionLimit = newLimit;
  tstate.recursionRemaining = newLimit - depth;
  recursionState.limit = newLimit;
}

function sysSetrecursionlimit(_m: PyObject, arg: PyObject): PyObject {
  const newLimit = asCInt(arg);
  if (newLimit < 1) raise(ValueErrorType, "recursion limit must be greater or equal than 1");
  const depth = tstate.recursionLimit - tstate.recursionRemaining;
  if (depth >= newLimit) {
    raise(RecursionErrorType, `cannot set the recursion limit to ${newLimit} at the recursion depth ${depth}: the limit is too low`);
  }
  setRecursionLimit(newLimit);
  return newRef(None);
}

function sysGetframe(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKwnames("_getframe", kwnames);
  checkPositional("_getframe", nargs, 0, 1);
  let depth = nargs === 1 ? asCInt(args[start]!) : 0;
  let frame: Frame | null = callerFrame();
  while (frame !== null && depth > 0) {
    frame = frame.previous;
    if (frame === null) break;
    // _PyFrame_IsIncomplete: a frame that has not started its first instruction.
    if (frame.lasti < 0) continue;
    depth--;
  }
  if (frame === null) raise(ValueErrorType, "call stack is not deep enough");
  return newRef(getFrameObject(frame));
}

function handledException(): PyObject | null {
  return tstate === undefined ? null : tstate.topmostException();
}

function sysExcInfo(_m: PyObject): PyObject {
  const e = handledException();
  if (e === null) return tupleFromOwned([newRef(None), newRef(None), newRef(None)]);
  const tb = (e as PyBaseException).traceback;
  return tupleFromOwned([newRef(e.type), newRef(e), newRef(tb ?? None)]);
}

function sysException(_m: PyObject): PyObject {
  return newRef(handledException() ?? None);
}

/** sys.exit(status=None): raise SystemExit(status). */
function sysExit(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKwnames("exit", kwnames);
  checkPositional("exit", nargs, 0, 1);
  let exc: PyObject;
  if (nargs === 0) {
    exc = callObject(SystemExitType, [], 0, 0, null);
  } else {
    const status = args[start]!;
    // PyErr_SetObject: a tuple value is the exception's argument list.
    if (status.type === TupleType) {
      const items = (status as PyTuple).items;
      exc = callObject(SystemExitType, items, 0, items.length, null);
    } else {
      exc = callObject(SystemExitType, [status], 0, 1, null);
    }
  }
  raiseOwned(exc as PyBaseException);
}

// ---------------------------------------------------------------------------
// Tracing (accepted and remembered; heapscope runs no trace functions).

const traceState = { trace: null as PyObject | null, profile: null as PyObject | null };

function sysSettrace(_m: PyObject, fn: PyObject): PyObject {
  const old = traceState.trace;
  traceState.trace = fn === None ? null : newRef(fn);
  if (old !== null) decref(old);
  return newRef(None);
}

function sysGettrace(_m: PyObject): PyObject {
  return newRef(traceState.trace ?? None);
}

function sysSetprofile(_m: PyObject, fn: PyObject): PyObject {
  const old = traceState.profile;
  traceState.profile = fn === None ? null : newRef(fn);
  if (old !== null) decref(old);
  return newRef(None);
}

function sysGetprofile(_m: PyObject): PyObject {
  return newRef(traceState.profile ?? None);
}

const switchInterval = { value: 0.005 };

function sysGetswitchinterval(_m: PyObject): PyObject {
  return newFloat(switchInterval.value);
}

function sysSetswitchinterval(_m: PyObject, arg: PyObject): PyObject {
  const v = numberAsDouble(arg);
  if (v <= 0) raise(ValueErrorType, "switch interval must be strictly positive");
  switchInterval.value = v;
  return newRef(None);
}

function numberAsDouble(o: PyObject): number {
  const f = o.type.nbFloat;
  if (f === null) {
    const index = numberIndex(o);
    const b = intToBigInt(index);
    decref(index);
    return Number(b);
  }
  const r = f(o) as unknown as { value: number };
  const v = r.value;
  decref(r as unknown as PyObject);
  return v;
}

function constant(text: string): (m: PyObject) => PyObject {
  return () => newStr(text);
}

function sysIsFinalizing(_m: PyObject): PyObject {
  return newRef(False);
}

function sysAudit(_m: PyObject, args: PyObject[], start: number, nargs: number, _kwnames: PyTuple | null): PyObject {
  if (nargs < 1) raise(TypeErrorType, "audit() missing 1 required positional argument: 'event'");
  if (!isStr(args[start]!)) raise(TypeErrorType, `expected str for argument 'event', not ${args[start]!.type.name}`);
  return newRef(None);
}

function sysAddaudithook(_m: PyObject, _hook: PyObject): PyObject {
  return newRef(None);
}

export const SYS_METHODS: readonly MethodDef[] = [
  { name: "addaudithook", kind: "o", fn: sysAddaudithook },
  { name: "audit", kind: "fastcall", fn: sysAudit },
  { name: "breakpointhook", kind: "fastcall", fn: sysBreakpointhook },
  { name: "_debugmallocstats", kind: "noargs", fn: sysDebugmallocstats },
  { name: "displayhook", kind: "o", fn: sysDisplayhook },
  { name: "exception", kind: "noargs", fn: sysException },
  { name: "exc_info", kind: "noargs", fn: sysExcInfo },
  { name: "excepthook", kind: "fastcall", fn: sysExcepthook },
  { name: "exit", kind: "fastcall", fn: sysExit },
  { name: "getdefaultencoding", kind: "noargs", fn: constant("utf-8") },
  { name: "getallocatedblocks", kind: "noargs", fn: sysGetallocatedblocks },
  { name: "getfilesystemencoding", kind: "noargs", fn: constant("utf-8") },
  { name: "getfilesystemencodeerrors", kind: "noargs", fn: constant("surrogateescape") },
  { name: "getrefcount", kind: "o", fn: sysGetrefcount },
  { name: "getrecursionlimit", kind: "noargs", fn: sysGetrecursionlimit },
  { name: "getsizeof", kind: "fastcall", fn: sysGetsizeof },
  { name: "_getframe", kind: "fastcall", fn: sysGetframe },
  { name: "getswitchinterval", kind: "noargs", fn: sysGetswitchinterval },
  { name: "intern", kind: "o", fn: sysIntern },
  { name: "is_finalizing", kind: "noargs", fn: sysIsFinalizing },
  { name: "setswitchinterval", kind: "o", fn: sysSetswitchinterval },
  { name: "setrecursionlimit", kind: "o", fn: sysSetrecursionlimit },
  { name: "settrace", kind: "o", fn: sysSettrace },
  { name: "gettrace", kind: "noargs", fn: sysGettrace },
  { name: "setprofile", kind: "o", fn: sysSetprofile },
  { name: "getprofile", kind: "noargs", fn: sysGetprofile },
  { name: "get_int_max_str_digits", kind: "noargs", fn: sysGetIntMaxStrDigits },
  { name: "set_int_max_str_digits", kind: "fastcall", fn: sysSetIntMaxStrDigits },
  { name: "unraisablehook", kind: "o", fn: sysUnraisablehook },
];

// ---------------------------------------------------------------------------
// The module.

function strList(values: readonly string[]): PyObject {
  return listFromOwned(values.map((v) => newStr(v)));
}

/** _PySys_Create: the sys module (new reference), before sys.modules exists. */
export function createSysModule(options: InterpreterOptions, modules: PyDict): PyModule {
  // Per-interpreter settings start from their defaults.
  setIntMaxStrDigits(DEFAULT_MAX_STR_DIGITS);
  switchInterval.value = 0.005;
  for (const key of ["trace", "profile"] as const) {
    const old = traceState[key];
    traceState[key] = null;
    if (old !== null) decref(old);
  }
  const m = newModule("sys", "built-in");
  const d = m.dict!;
  const doc = newStr("This module provides access to some objects used or maintained by the\ninterpreter and to functions that interact strongly with the interpreter.");
  dictSetItem(d, staticStr("__doc__"), doc);
  decref(doc);
  const moduleName = newStr("sys");
  const functions = new Map<string, PyObject>();
  for (const def of SYS_METHODS) {
    const f = newCFunction(def, m, moduleName);
    functions.set(def.name, f);
    dictSetItem(d, staticStr(def.name), f);
    decref(f);
  }
  decref(moduleName);
  const set = (name: string, value: PyObject): void => {
    dictSetItem(d, staticStr(name), value);
    decref(value);
  };
  const alias = (name: string, original: string): void => {
    dictSetItem(d, staticStr(name), functions.get(original)!);
  };
  alias("__displayhook__", "displayhook");
  alias("__excepthook__", "excepthook");
  alias("__breakpointhook__", "breakpointhook");
  alias("__unraisablehook__", "unraisablehook");
  dictSetItem(d, staticStr("modules"), modules);
  const stdin = newTextStream(0, options.write);
  const stdout = newTextStream(1, options.write);
  const stderr = newTextStream(2, options.write);
  dictSetItem(d, staticStr("stdin"), stdin);
  dictSetItem(d, staticStr("stdout"), stdout);
  dictSetItem(d, staticStr("stderr"), stderr);
  set("__stdin__", stdin);
  set("__stdout__", stdout);
  set("__stderr__", stderr);
  const versionInfo = makeVersionInfo();
  const hexversion = newInt(HEXVERSION);
  set("version", newStr(VERSION));
  set("hexversion", newInt(HEXVERSION));
  set("api_version", newInt(1013));
  set("copyright", newStr(COPYRIGHT));
  set("platform", newStr("linux"));
  set("maxsize", newIntFromBigInt(9223372036854775807n));
  set("float_info", makeFloatInfo());
  set("int_info", makeIntInfo());
  set("hash_info", makeHashInfo());
  set("maxunicode", newInt(0x10ffff));
  set("builtin_module_names", builtinModuleNames());
  set("byteorder", newStr("little"));
  set("abiflags", newStr(""));
  set("float_repr_style", newStr("short"));
  set("implementation", newNamespace([
    ["name", staticStr("cpython")],
    ["cache_tag", staticStr("cpython-311")],
    ["version", versionInfo],
    ["hexversion", hexversion],
    ["_multiarch", staticStr("x86_64-linux-gnu")],
  ]));
  set("version_info", versionInfo);
  decref(hexversion);
  set("flags", makeFlags());
  set("argv", strList(options.argv));
  set("orig_argv", strList(["heapscope", ...options.argv]));
  set("executable", newStr(""));
  set("_base_executable", newStr(""));
  set("prefix", newStr(""));
  set("base_prefix", newStr(""));
  set("exec_prefix", newStr(""));
  set("base_exec_prefix", newStr(""));
  set("platlibdir", newStr("lib"));
  set("pycache_prefix", newRef(None));
  set("path", listFromOwned([]));
  set("meta_path", listFromOwned([]));
  set("path_hooks", listFromOwned([]));
  set("path_importer_cache", newDict());
  set("warnoptions", listFromOwned([]));
  set("_xoptions", newDict());
  set("dont_write_bytecode", newRef(False));
  set("_git", tupleFromOwned([newStr("heapscope"), newStr(""), newStr("")]));
  set("_framework", newStr(""));
  set("stdlib_module_names", tupleFromOwned([]));
  return m;
}

function builtinModuleNames(): PyObject {
  const names = new Set<string>(["builtins", "sys"]);
  for (const name of builtinModuleRegistry.keys()) names.add(name);
  return tupleFromOwned([...names].sort().map((n) => newStr(n)));
}

export type { Interpreter };
