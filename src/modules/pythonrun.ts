// Python/pythonrun.c (3.11): _PyRun_SimpleFileObject, handle_system_exit, _PyErr_PrintEx;
// Python/pylifecycle.c: Py_FinalizeEx, finalize_modules and its helpers
// (finalize_modules_delete_special, finalize_remove_modules, finalize_restore_builtins,
// finalize_modules_clear_weaklist, finalize_clear_sys_builtins_dict); Objects/moduleobject.c:
// _PyModule_ClearDict.
//
// Runs a program as `python3 FILE` does: compile it, run it as __main__, print an uncaught
// exception through sys.excepthook, run the exit handlers and tear the interpreter down in
// CPython's order (atexit, a collection, sys.modules emptied, modules that survive cleared
// through weak references, sys and builtins wiped, a last collection), so that finalizers
// that run at exit run in the same order and print the same text.

import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/refcount.js";
import { None } from "../runtime/singletons.js";
import { newStr, PyStr, StrType, staticStr } from "../runtime/str.js";
import {
  PyRaise, PyBaseException, SystemExitType, SyntaxErrorType, IndentationErrorType, TabErrorType,
  RecursionErrorType, raise,
} from "../runtime/exceptions.js";
import { tupleFromOwned } from "../runtime/tuple.js";
import { newInt, isInt, intToBigInt } from "../runtime/int.js";
import { callObject, lookupAttr, objectStr, callMethod } from "../runtime/abstract.js";
import {
  dictGetItem, dictSetItem, dictDelItem, dictNext, dictEntry, dictClear, dictCopy, dictMergeDict, PyDict,
} from "../runtime/dict.js";
import { writeUnraisable } from "../runtime/finalize.js";
import { hashSeedWasPreset, parseHashSeed, setHashSeed } from "../runtime/values/pyhash.js";
import { clearAllFreeLists } from "../runtime/heap.js";
import { buildStaticTypeDicts } from "../runtime/typeobject.js";
import { leaveStartupResidue } from "../runtime/startupresidue.js";
import { collect, isEnabled as gcIsEnabled } from "../runtime/gc.js";
import { gcstate } from "../runtime/gcstate.js";
import { newWeakref, weakrefObjectBorrowed, type PyWeakReference } from "../runtime/weakref.js";
import { isModule, type PyModule } from "../runtime/moduleobject.js";
import { ThreadState } from "../python/threadstate.js";
import { setThreadState, callPythonFunction, internalErrorToPython } from "../python/ceval.js";
import { interpreterHooks, HostAbort } from "../python/hooks.js";
import { installPythonTypes } from "../python/install.js";
import { newFunction } from "../python/function.js";
import { formatException } from "../python/tbformat.js";
import { setMemoryLimit } from "../python/memlimit.js";
import { PythonSyntaxError } from "../python/parser/index.js";
import { CompileRecursionError } from "../python/compiler/errors.js";
import { compileSource } from "./compilesource.js";
import { createInterpreter, type Interpreter } from "./interp.js";
import { runAtExitCallbacks } from "./atexitmodule.js";
import { gcDumpShutdownStats, initGCState } from "./gcmodule.js";
import { displayException, setRecursionLimit } from "./sys.js";
import { startTracingAtStartup, stopTracing, formatTopLines } from "./tracemallocmodule.js";
import { formatRunStats } from "./runstats.js";
import { writeStringToFile } from "./bltin_io.js";
import { flushPending, TextStreamType, type PyTextStream } from "./sys_streams.js";

export interface ProgramOptions {
  source: string;
  filename: string;
  argv: string[];
  maxSteps: number | null;
  timeoutSeconds: number | null;
  maxMemory: number | null;
  stats: boolean;
  tracemalloc: number | null;
  modules: string[];
  /** PYTHONHASHSEED as given in the environment, or null (random, as CPython). */
  hashSeed: string | null;
  write(stream: 1 | 2, text: string): void;
}

/** Thrown (never caught by Python code) when a run limit stops the program. */
export class RunStopped extends HostAbort {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "RunStopped";
  }
}

/** The status `heapscope run` exits with when a run limit stopped the program (as `timeout`). */
export const STOPPED_STATUS = 124;

/** Runs a whole program; returns the process exit status. */
export async function runProgram(options: ProgramOptions): Promise<number> {
  configureHashSeed(options.hashSeed, options.write);
  const ts = new ThreadState();
  setThreadState(ts);
  const interp = createInterpreter({ argv: options.argv, write: options.write });
  initGCState();
  interp.sources.set(options.filename, options.source);
  installPythonTypes();
  // _PyTypes_InitTypes: every static type's dict exists before the program runs.
  buildStaticTypeDicts();
  setRecursionLimit(ts.recursionLimit);
  // Py_Initialize keeps a copy of the builtins dict; finalization restores it, so values a
  // program stored in builtins are released with the rest of the program's objects.
  const builtinsCopy = dictCopy(interp.builtins);
  const hostStreams = standardStreams(interp);
  // The free lists as CPython's start-up (site, encodings, io) leaves them.
  leaveStartupResidue();
  if (options.tracemalloc !== null) startTracingAtStartup(1);
  ts.setLimits(options.maxSteps, options.timeoutSeconds === null ? null : Date.now() + options.timeoutSeconds * 1000);
  interpreterHooks.budgetExceeded = (kind) => {
    throw new RunStopped(
      kind === "steps"
        ? `the program ran more than --max-steps ${options.maxSteps} instructions`
        : kind === "time"
          ? `the program ran longer than --timeout ${options.timeoutSeconds}s`
          : `the program used more than --max-memory ${options.maxMemory} bytes and did not release them`,
    );
  };
  if (options.maxMemory !== null) setMemoryLimit(options.maxMemory);
  interpreterHooks.displayHook = () => interp.sysAttr("displayhook");

  let status = 0;
  try {
    status = runMain(interp, options);
    const report = options.tracemalloc !== null ? formatTopLines(options.tracemalloc) : "";
    const stats = options.stats ? formatRunStats() : "";
    finalizeInterpreter(interp, builtinsCopy);
    // The streams' own close() at their dealloc is CPython's last flush; text still pending
    // in them when the teardown ends is written out here.
    for (const s of hostStreams) if (s.pending !== null) flushPending(s);
    if (report !== "") options.write(2, report);
    if (stats !== "") options.write(2, stats);
  } catch (e) {
    if (e instanceof RunStopped) {
      // What the program printed before it was stopped still reaches the host.
      for (const s of hostStreams) if (s.pending !== null) flushPending(s);
      options.write(2, `heapscope: stopped: ${e.reason}\n`);
      return STOPPED_STATUS;
    }
    throw e;
  } finally {
    setMemoryLimit(null);
    // _PyTraceMalloc_Fini: tracing ends with the interpreter (and its hook is unchained).
    stopTracing();
  }
  return status;
}

/** sys.stdout and sys.stderr as created (borrowed: they stay alive as long as CPython's do). */
function standardStreams(interp: Interpreter): PyTextStream[] {
  const streams: PyTextStream[] = [];
  for (const name of ["stdout", "stderr"]) {
    const s = interp.sysAttr(name);
    if (s !== null && s.type === TextStreamType) streams.push(s as PyTextStream);
  }
  return streams;
}

function configureHashSeed(text: string | null, write: ProgramOptions["write"]): void {
  const seed = parseHashSeed(text);
  if (seed === null) write(2, 'Fatal Python error: PYTHONHASHSEED must be "random" or an integer in range [0; 4294967295]\n');
  // A key chosen before the runtime loaded (the CLI's workers) is already in every cached
  // str hash; changing it now would make equal strings hash differently.
  if (!hashSeedWasPreset()) setHashSeed(seed ?? "random");
}

/** Compiles and runs the program as __main__; returns the exit status. */
function runMain(interp: Interpreter, options: ProgramOptions): number {
  const main = interp.mainModule;
  const globals = main.dict as PyDict;
  let code;
  try {
    code = compileSource(options.source, options.filename, "exec");
  } catch (e) {
    if (e instanceof PythonSyntaxError) return handleUncaught(interp, new PyRaise(syntaxErrorObject(e)));
    if (e instanceof CompileRecursionError) {
      return handleUncaught(interp, catchRaise(() => raise(RecursionErrorType, "maximum recursion depth exceeded during compilation")));
    }
    if (e instanceof PyRaise) return handleUncaught(interp, e);
    return handleUncaught(interp, internalErrorToPython(e));
  }
  setStrItem(globals, "__file__", newStr(options.filename));
  dictSetItem(globals, staticStr("__cached__"), None);
  const func = newFunction(code, globals, interp.builtins, code.qualname, None, dictGetItem(globals, staticStr("__name__")));
  decref(code);
  // The reference from start-up stands for the one _PyRun_SimpleFileObject holds on __main__
  // while the program runs; it is given up afterwards, with __file__ and __cached__.
  let status: number;
  try {
    const result = callPythonFunction(func, [], 0, 0, null);
    decref(result);
    status = 0;
  } catch (e) {
    if (e instanceof HostAbort) throw e;
    status = handleUncaught(interp, e instanceof PyRaise ? e : internalErrorToPython(e));
  } finally {
    decref(func);
  }
  guarded(() => deleteStrItem(globals, "__file__"));
  guarded(() => deleteStrItem(globals, "__cached__"));
  decref(main);
  return status;
}

function deleteStrItem(d: PyDict, key: string): void {
  const k = newStr(key);
  try {
    if (dictGetItem(d, k) !== null) dictDelItem(d, k);
  } finally {
    decref(k);
  }
}

function setStrItem(d: PyDict, key: string, value: PyObject): void {
  const k = newStr(key);
  dictSetItem(d, k, value);
  decref(k);
  decref(value);
}

function catchRaise(fn: () => never): PyRaise {
  try {
    fn();
  } catch (e) {
    if (e instanceof PyRaise) return e;
    return internalErrorToPython(e);
  }
}

/** A Python SyntaxError object for a parser/compiler error. */
function syntaxErrorObject(e: PythonSyntaxError): PyBaseException {
  const type = e.kind === "IndentationError" ? IndentationErrorType : e.kind === "TabError" ? TabErrorType : SyntaxErrorType;
  const num = (n: number | null): PyObject => (n === null ? (None.refcnt++, None) : newInt(n));
  const details = tupleFromOwned([
    newStr(e.filename),
    num(e.lineno),
    num(e.offset),
    e.text === null ? (None.refcnt++, None) : newStr(e.text),
    num(e.end_lineno),
    num(e.end_offset),
  ]);
  const args = tupleFromOwned([newStr(e.msg), details]);
  try {
    return callObject(type, args.items, 0, 2, null) as PyBaseException;
  } finally {
    decref(args);
  }
}

/** _PyErr_PrintEx for the exception that ended the program; returns the exit status. */
function handleUncaught(interp: Interpreter, r: PyRaise): number {
  const exc = r.exception;
  if (exc.type.isSubtypeOf(SystemExitType)) return handleSystemExit(interp, exc);
  printException(interp, exc);
  return 1;
}

/** handle_system_exit: the exit status from SystemExit.code (None → 0, int → int, else printed → 1). */
function handleSystemExit(interp: Interpreter, exc: PyBaseException): number {
  let value: PyObject = exc;
  const code = guarded(() => lookupAttr(exc, staticStr("code")));
  if (code !== null && code !== undefined) {
    value = code;
    decref(exc);
  }
  try {
    if (value === None) return 0;
    if (isInt(value)) {
      // The C int the status is taken from, then the process keeps its low 8 bits.
      const n = intToBigInt(value);
      const asLong = n > 0x7fffffffffffffffn || n < -0x8000000000000000n ? -1n : n;
      return Number(BigInt.asIntN(32, asLong) & 0xffn);
    }
    const text = guarded(() => {
      const s = objectStr(value);
      const t = s.value;
      decref(s);
      return t;
    });
    writeToStderr(interp, (text ?? "") + "\n");
    return 1;
  } finally {
    decref(value);
  }
}

/** _PyErr_PrintEx's display: sys.excepthook(type, value, tb), with CPython's fallbacks. */
function printException(interp: Interpreter, exc: PyBaseException): void {
  setLastException(interp, exc);
  const hook = interp.excepthook();
  if (hook === null || hook === None) {
    writeToStderr(interp, "sys.excepthook is missing\n");
    displayException(exc);
    decref(exc);
    return;
  }
  hook.refcnt++;
  try {
    const tb = exc.traceback ?? None;
    const res = callObject(hook, [exc.type, exc, tb], 0, 3, null);
    decref(res);
  } catch (e) {
    if (e instanceof HostAbort) throw e;
    const failed = e instanceof PyRaise ? e : internalErrorToPython(e);
    if (failed.exception.type.isSubtypeOf(SystemExitType)) {
      decref(failed.exception);
    } else {
      writeToStderr(interp, "Error in sys.excepthook:\n");
      guarded(() => displayException(failed.exception));
      decref(failed.exception);
      writeToStderr(interp, "\nOriginal exception was:\n");
      guarded(() => displayException(exc));
    }
  } finally {
    decref(hook);
    decref(exc);
  }
}

/** sys.last_type, sys.last_value, sys.last_traceback (_PyErr_PrintEx with set_sys_last_vars). */
function setLastException(interp: Interpreter, exc: PyBaseException): void {
  const d = interp.sysModule.dict;
  if (d === null) return;
  guarded(() => {
    dictSetItem(d, staticStr("last_type"), exc.type);
    dictSetItem(d, staticStr("last_value"), exc);
    dictSetItem(d, staticStr("last_traceback"), exc.traceback ?? None);
  });
}

/** PySys_WriteStderr: to sys.stderr, or to the process's stderr when there is none. */
function writeToStderr(interp: Interpreter, text: string): void {
  const err = interp.sysAttr("stderr");
  if (err !== null && err !== None) {
    err.refcnt++;
    try {
      writeStringToFile(text, err);
      return;
    } catch (e) {
      if (!(e instanceof PyRaise)) throw e;
      decref(e.exception);
    } finally {
      decref(err);
    }
  }
  interp.write(2, text);
}

/**
 * Py_FinalizeEx as far as it is observable: exit handlers, a collection, then the modules'
 * teardown. Run limits stay in force: a finalizer that loops forever is stopped too.
 */
function finalizeInterpreter(interp: Interpreter, builtinsCopy: PyDict): void {
  runAtExitCallbacks(interp);
  flushStdFiles(interp);
  // _PyGC_CollectIfEnabled
  if (gcIsEnabled()) guarded(() => collect(2));
  finalizeModules(interp, builtinsCopy);
  flushStdFiles(interp);
  // finalize_interp_clear → _PyInterpreterState_Clear: the last collection.
  collectNoFail();
  clearAllFreeLists();
  decref(builtinsCopy);
}

function flushStdFiles(interp: Interpreter): void {
  for (const name of ["stdout", "stderr"]) {
    const f = interp.sysAttr(name);
    if (f === null || f === None) continue;
    f.refcnt++;
    guarded(() => decref(callMethod(f, staticStr("flush"), [])));
    decref(f);
  }
}

/** _PyGC_CollectNoFail: a full collection even when the collector is disabled. */
function collectNoFail(): void {
  if (gcstate.collecting) return;
  const wasEnabled = gcstate.enabled;
  gcstate.enabled = true;
  try {
    guarded(() => collect(2));
  } finally {
    gcstate.enabled = wasEnabled;
  }
}

const SYS_DELETES = [
  "path", "argv", "ps1", "ps2", "last_type", "last_value", "last_traceback",
  "path_hooks", "path_importer_cache", "meta_path", "__interactivehook__",
];
const SYS_FILES: [string, string][] = [["stdin", "__stdin__"], ["stdout", "__stdout__"], ["stderr", "__stderr__"]];

/** finalize_modules (3.11). */
function finalizeModules(interp: Interpreter, builtinsCopy: PyDict): void {
  const modules = interp.modules;
  const sysdict = interp.sysModule.dict as PyDict;
  const builtins = interp.builtins;

  // finalize_modules_delete_special
  guarded(() => dictSetItem(builtins, staticStr("_"), None));
  for (const name of SYS_DELETES) guarded(() => setStr(sysdict, name, None));
  for (const [name, original] of SYS_FILES) {
    guarded(() => {
      const key = newStr(original);
      const value = dictGetItem(sysdict, key) ?? None;
      decref(key);
      setStr(sysdict, name, value);
    });
  }

  // finalize_remove_modules: a weak reference to each module, then its entry set to None
  // (a module nobody else holds dies right there). From here on a traceback shows no source
  // lines: CPython reads them through the io module, which can no longer be imported.
  interp.sources.clear();
  const weaklist: [PyStr, PyWeakReference][] = [];
  const names: PyObject[] = [];
  for (let pos = dictNext(modules, 0); pos >= 0; pos = dictNext(modules, pos)) {
    const key = dictEntry.key as PyObject;
    key.refcnt++;
    names.push(key);
  }
  for (const name of names) {
    const module = dictGetItem(modules, name);
    if (module !== null && isModule(module)) {
      guarded(() => {
        const wr = newWeakref(module, null);
        name.refcnt++;
        weaklist.push([name as PyStr, wr]);
      });
      guarded(() => dictSetItem(modules, name, None));
    }
    decref(name);
  }

  // finalize_clear_modules_dict
  guarded(() => dictClear(modules));
  // finalize_restore_builtins
  guarded(() => {
    dictClear(builtins);
    dictMergeDict(builtins, builtinsCopy, 1);
  });

  collectNoFail();
  guarded(() => gcDumpShutdownStats());

  // finalize_modules_clear_weaklist: modules still alive have their globals cleared, newest first.
  for (let i = weaklist.length - 1; i >= 0; i--) {
    const [, wr] = weaklist[i]!;
    const module = weakrefObjectBorrowed(wr);
    if (module === None || !isModule(module)) continue;
    const dict = (module as PyModule).dict;
    if (dict === null || dict === builtins || dict === sysdict) continue;
    module.refcnt++;
    clearModuleDict(dict);
    decref(module);
  }
  for (const [name, wr] of weaklist) {
    decref(name);
    decref(wr);
  }

  // finalize_clear_sys_builtins_dict
  clearModuleDict(sysdict);
  clearModuleDict(builtins);

  collectNoFail();
}

function setStr(d: PyDict, key: string, value: PyObject): void {
  const k = newStr(key);
  try {
    dictSetItem(d, k, value);
  } finally {
    decref(k);
  }
}

/**
 * _PyModule_ClearDict: names starting with a single underscore are set to None first, then
 * every other name but __builtins__. Both passes walk the live dict, as CPython does.
 */
function clearModuleDict(d: PyDict): void {
  d.refcnt++;
  try {
    for (let pass = 0; pass < 2; pass++) {
      for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) {
        const key = dictEntry.key as PyObject;
        const value = dictEntry.value as PyObject;
        if (value === None || key.type !== StrType) continue;
        const text = (key as PyStr).value;
        const underscored = text.length > 0 && text[0] === "_" && text[1] !== "_";
        if (pass === 0 ? !underscored : text === "__builtins__") continue;
        key.refcnt++;
        guarded(() => dictSetItem(d, key, None));
        decref(key);
      }
    }
  } finally {
    decref(d);
  }
}

/** Runs `fn`; a Python exception it raises is reported as unraisable (PyErr_WriteUnraisable(NULL)). */
function guarded<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (e instanceof HostAbort) throw e;
    const r = e instanceof PyRaise ? e : internalErrorToPython(e);
    writeUnraisable(r, null);
    return undefined;
  }
}
