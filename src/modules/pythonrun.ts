// Python/pythonrun.c (3.11): _PyRun_SimpleFileObject, handle_system_exit, PyErr_Print;
// Python/pylifecycle.c: Py_FinalizeEx, finalize_modules.
//
// Runs a program as `python3 FILE` does: compile it, run it as __main__, print an uncaught
// exception through sys.excepthook, run the exit handlers and tear the interpreter down in
// CPython's order (atexit, a collection, modules cleared, collections), so that finalizers
// that run at exit run in the same order and print the same text.

import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/refcount.js";
import { None } from "../runtime/singletons.js";
import { newStr, PyStr, StrType } from "../runtime/str.js";
import { PyRaise, PyBaseException, SystemExitType, SyntaxErrorType, IndentationErrorType, TabErrorType } from "../runtime/exceptions.js";
import { tupleFromOwned } from "../runtime/tuple.js";
import { newInt } from "../runtime/int.js";
import { objectRepr, objectStr, callObject, callMethod } from "../runtime/abstract.js";
import { dictGetItem, dictSetItem, dictNext, dictEntry, PyDict } from "../runtime/dict.js";
import { setUnraisableHandler } from "../runtime/finalize.js";
import { setHashSeed } from "../runtime/values/pyhash.js";
import { clearAllFreeLists } from "../runtime/heap.js";
import { collect } from "../runtime/gc.js";
import { ThreadState } from "../python/threadstate.js";
import { setThreadState, callPythonFunction, internalErrorToPython } from "../python/ceval.js";
import { interpreterHooks, HostAbort } from "../python/hooks.js";
import { installPythonTypes } from "../python/install.js";
import { newFunction } from "../python/function.js";
import { formatException, type SourceLines } from "../python/tbformat.js";
import { PythonSyntaxError } from "../python/parser/index.js";
import { compileSource } from "./compilesource.js";
import { createInterpreter, type Interpreter } from "./interp.js";
import { runAtExitCallbacks } from "./atexitmodule.js";
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

/** Runs a whole program; returns the process exit status. */
export async function runProgram(options: ProgramOptions): Promise<number> {
  configureHashSeed(options.hashSeed, options.write);
  const interp = createInterpreter({ argv: options.argv, write: options.write });
  interp.sources.set(options.filename, options.source);
  const ts = new ThreadState();
  setThreadState(ts);
  installPythonTypes();
  ts.setLimits(options.maxSteps, options.timeoutSeconds === null ? null : Date.now() + options.timeoutSeconds * 1000);
  interpreterHooks.budgetExceeded = (kind) => {
    throw new RunStopped(kind === "steps" ? `the program ran more than --max-steps ${options.maxSteps} instructions` : `the program ran longer than --timeout ${options.timeoutSeconds}s`);
  };
  setUnraisableHandler((error, obj) => writeUnraisableDefault(interp, error, obj));

  let status = 0;
  try {
    status = runMain(interp, options);
    finalizeInterpreter(interp);
  } catch (e) {
    if (e instanceof RunStopped) {
      options.write(2, `heapscope: stopped: ${e.reason}\n`);
      return 124;
    }
    throw e;
  }
  return status;
}

function configureHashSeed(seed: string | null, write: ProgramOptions["write"]): void {
  if (seed === null || seed === "" || seed === "random") {
    setHashSeed("random");
    return;
  }
  const n = Number(seed);
  if (!Number.isInteger(n) || n < 0 || n > 4294967295) {
    write(2, 'Fatal Python error: PYTHONHASHSEED must be "random" or an integer in range [0; 4294967295]\n');
    setHashSeed("random");
    return;
  }
  setHashSeed(n);
}

function sourceLinesOf(interp: Interpreter): SourceLines {
  return (filename, lineno) => {
    const text = interp.sources.get(filename);
    if (text === undefined) return null;
    const lines = text.split("\n");
    return lineno >= 1 && lineno <= lines.length ? lines[lineno - 1]! : null;
  };
}

/** Compiles and runs the program as __main__; returns the exit status. */
function runMain(interp: Interpreter, options: ProgramOptions): number {
  let code;
  try {
    code = compileSource(options.source, options.filename, "exec");
  } catch (e) {
    if (e instanceof PythonSyntaxError) {
      printException(interp, syntaxErrorObject(e));
      return 1;
    }
    if (e instanceof PyRaise) return handleUncaught(interp, e);
    throw e;
  }
  const globals = interp.mainModule.dict as PyDict;
  dictSetItem(globals, newStr("__file__"), newStr(options.filename));
  dictSetItem(globals, newStr("__cached__"), None);
  const func = newFunction(code, globals, interp.builtins, code.qualname, None, dictGetItem(globals, newStr("__name__")));
  decref(code);
  try {
    const result = callPythonFunction(func, [], 0, 0, null);
    decref(result);
    return 0;
  } catch (e) {
    if (e instanceof RunStopped) throw e;
    return handleUncaught(interp, e instanceof PyRaise ? e : internalErrorToPython(e));
  } finally {
    decref(func);
  }
}

/** A Python SyntaxError object for a parser/compiler error. */
function syntaxErrorObject(e: PythonSyntaxError): PyBaseException {
  const type = e.kind === "IndentationError" ? IndentationErrorType : e.kind === "TabError" ? TabErrorType : SyntaxErrorType;
  const num = (n: number | null): PyObject => (n === null ? None : newInt(n));
  const details = tupleFromOwned([
    newStr(e.filename),
    num(e.lineno),
    num(e.offset),
    e.text === null ? None : newStr(e.text),
    num(e.end_lineno),
    num(e.end_offset),
  ]);
  const args = tupleFromOwned([newStr(e.msg), details]);
  const made = callObject(type, args.items, 0, 2, null);
  decref(args);
  return made as PyBaseException;
}

/** handle_system_exit + PyErr_Print. */
function handleUncaught(interp: Interpreter, r: PyRaise): number {
  const exc = r.exception;
  if (exc.type.isSubtypeOf(SystemExitType)) return systemExitStatus(interp, exc);
  printException(interp, exc);
  return 1;
}

function systemExitStatus(interp: Interpreter, exc: PyBaseException): number {
  const args = exc.args.items;
  const code = args.length === 0 ? None : args.length === 1 ? args[0]! : exc.args;
  let status = 0;
  if (code === None) status = 0;
  else if (code.type.name === "int" || code.type.name === "bool") status = Number((code as unknown as { value: number | bigint }).value) & 0xff;
  else {
    const s = objectStr(code);
    interp.write(2, s.value + "\n");
    decref(s);
    status = 1;
  }
  decref(exc);
  return status;
}

/** sys.excepthook(type, value, tb), falling back to the default format if it fails. */
function printException(interp: Interpreter, exc: PyBaseException): void {
  const hook = interp.excepthook();
  if (hook !== null) {
    try {
      const tb = exc.traceback ?? None;
      const res = callObject(hook, [exc.type, exc, tb], 0, 3, null);
      decref(res);
      decref(exc);
      return;
    } catch (e) {
      if (!(e instanceof PyRaise)) throw e;
      interp.write(2, "Error in sys.excepthook:\n");
      interp.write(2, formatException(e.exception, sourceLinesOf(interp)));
      interp.write(2, "\nOriginal exception was:\n");
      decref(e.exception);
    }
  }
  interp.write(2, formatException(exc, sourceLinesOf(interp)));
  decref(exc);
}

/** The default sys.unraisablehook text: "Exception ignored in: ...". */
function writeUnraisableDefault(interp: Interpreter, error: unknown, obj: PyObject | null): void {
  const r = error instanceof PyRaise ? error : internalErrorToPython(error);
  const exc = r.exception;
  let text = "";
  if (obj !== null) {
    let description: string;
    try {
      const s = objectRepr(obj);
      description = s.value;
      decref(s);
    } catch (e) {
      if (!(e instanceof PyRaise)) throw e;
      decref(e.exception);
      description = "<object repr() failed>";
    }
    text += `Exception ignored in: ${description}\n`;
  }
  text += formatException(exc, sourceLinesOf(interp));
  interp.write(2, text);
  decref(exc);
}

/** Py_FinalizeEx, as far as it is observable: exit handlers, then collections and module teardown. */
function finalizeInterpreter(interp: Interpreter): void {
  runAtExitCallbacks(interp);
  flushStdFiles(interp);
  runGuarded(() => collect(2));
  finalizeModules(interp);
  clearAllFreeLists();
  flushStdFiles(interp);
}

/** flush_std_files: what sys.stdout / sys.stderr (and the original streams) still buffer. */
function flushStdFiles(interp: Interpreter): void {
  for (const name of ["stdout", "stderr", "__stdout__", "__stderr__"]) {
    const stream = interp.sysAttr(name);
    if (stream === null || stream === None) continue;
    if (stream.type === TextStreamType) runGuarded(() => flushPending(stream as PyTextStream));
    else runGuarded(() => decref(callMethod(stream, newStrCached("flush"), [])));
  }
}

/**
 * finalize_modules (3.11): sys.modules entries are set to None (modules nobody else holds
 * die now), a collection runs, modules still alive have their dicts cleared (underscore names
 * first, then the rest, skipping __builtins__), then sys and builtins, then a last collection.
 */
function finalizeModules(interp: Interpreter): void {
  const modules = interp.modules;
  const alive: PyObject[] = [];
  for (let pos = dictNext(modules, 0); pos >= 0; pos = dictNext(modules, pos)) {
    const module = dictEntry.value as PyObject;
    if (module === None) continue;
    module.refcnt++;
    alive.push(module);
  }
  for (const module of alive) {
    const name = moduleNameText(module);
    if (name === "sys" || name === "builtins") continue;
    const key = newStr(name);
    runGuarded(() => dictSetItem(modules, key, None));
    decref(key);
  }
  runGuarded(() => collect(2));
  for (const module of alive) {
    const name = moduleNameText(module);
    if (name === "sys" || name === "builtins") continue;
    if (module.refcnt > 1) runGuarded(() => clearModuleDict(module));
  }
  for (const module of alive) {
    const name = moduleNameText(module);
    if (name === "sys" || name === "builtins") runGuarded(() => clearModuleDict(module));
  }
  for (const module of alive) decref(module);
  runGuarded(() => collect(2));
}

function moduleNameText(module: PyObject): string {
  const d = (module as unknown as { dict: PyDict | null }).dict;
  if (d === null || d === undefined) return "";
  const name = dictGetItem(d, newStrCached("__name__"));
  return name !== null && name.type === StrType ? (name as PyStr).value : "";
}

/** _PyModule_ClearDict: names starting with one underscore first, then all but __builtins__. */
function clearModuleDict(module: PyObject): void {
  const d = (module as unknown as { dict: PyDict | null }).dict;
  if (d === null || d === undefined) return;
  const underscored: PyObject[] = [];
  const others: PyObject[] = [];
  for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) {
    const key = dictEntry.key as PyObject;
    if (key.type !== StrType) continue;
    const text = (key as PyStr).value;
    if (text === "__builtins__") continue;
    if (text.startsWith("_") && !text.startsWith("__")) underscored.push(key);
    else others.push(key);
  }
  for (const key of underscored.concat(others)) {
    key.refcnt++;
    runGuarded(() => dictSetItem(d, key, None));
    decref(key);
  }
}

const cachedNames = new Map<string, PyStr>();
function newStrCached(text: string): PyStr {
  let s = cachedNames.get(text);
  if (s === undefined) {
    s = newStr(text);
    cachedNames.set(text, s);
  }
  return s;
}

function runGuarded(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    decref(e.exception);
  }
}
