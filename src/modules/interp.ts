// Python/pylifecycle.c (3.11): pyinit_core / init_interp_main, the parts that create the
// builtins and sys modules, sys.modules and __main__; Python/ceval.c's helpers the eval loop
// reaches through interpreterHooks (import_name, import_from, import_all_from, the
// LOAD_NAME mapping lookup, CALL_FUNCTION_EX's argument checks).
//
// createInterpreter() makes a ready-to-run interpreter: the program runner then compiles the
// program and runs it in `mainModule`'s namespace.

import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/refcount.js";
import { KeyErrorType, raise, TypeErrorType } from "../runtime/exceptions.js";
import { callWithTuple, getItem, isSequence } from "../runtime/abstract.js";
import { functionStr } from "../runtime/methodobject.js";
import { DictType, dictGetItemStr, dictMergeFromObject, dictSetItem, newDict, type PyDict } from "../runtime/dict.js";
import { newModule } from "../runtime/moduleobject.js";
import { staticStr, type PyStr } from "../runtime/str.js";
import { TupleType, type PyTuple } from "../runtime/tuple.js";
import { sequenceTuple } from "../runtime/tuplemethods.js";
import { setTracebackChecker } from "../runtime/exceptions.js";
import { setCurrentModuleNameProvider } from "../runtime/typecreate.js";
import { ThreadState } from "../python/threadstate.js";
import { setThreadState, tstate } from "../python/ceval.js";
import { interpreterHooks } from "../python/hooks.js";
import { TraceBackType } from "../python/traceback.js";
import {
  Interpreter, setCurrentInterpreter, type InterpreterOptions,
} from "./interp_state.js";
import { createBuiltinsModule } from "./builtins.js";
import { createSysModule, writeUnraisableToSys } from "./sys.js";
import { setUnraisableFallbackWriter, setUnraisableHandler } from "../runtime/finalize.js";
import { currentInterpreter as runningInterpreter } from "./interp_state.js";
import { importFromHook, importNameHook, importStarHook } from "./importer.js";
import { isPyError, clearError } from "./bltin_util.js";

export {
  Interpreter, currentInterpreter, registerBuiltinModule, registerPythonModule,
  type InterpreterOptions, type BuiltinModuleInit,
} from "./interp_state.js";

/** LOAD_NAME in a class body whose namespace is not a dict (a __prepare__ mapping). */
function mappingLookup(mapping: PyObject, name: PyStr): PyObject | null {
  try {
    return getItem(mapping, name);
  } catch (e) {
    if (isPyError(e, KeyErrorType)) {
      clearError(e);
      return null;
    }
    throw e;
  }
}

/** CALL_FUNCTION_EX: f(*args, **kwargs) with 3.11's conversions and messages. */
function callWithTupleAndDict(callable: PyObject, args: PyTuple, kwargs: PyDict | null): PyObject {
  let callargs: PyObject = args;
  let ownedArgs = false;
  if (args.type !== TupleType) {
    if (args.type.iter === null && !isSequence(args)) {
      raise(TypeErrorType, `${functionStr(callable)} argument after * must be an iterable, not ${args.type.name}`);
    }
    callargs = sequenceTuple(args);
    ownedArgs = true;
  }
  let kw: PyObject | null = kwargs;
  let ownedKw = false;
  try {
    if (kwargs !== null && kwargs.type !== DictType) {
      const d = newDict();
      try {
        dictMergeFromObject(d, kwargs, callable);
      } catch (e) {
        decref(d);
        throw e;
      }
      kw = d;
      ownedKw = true;
    }
    return callWithTuple(callable, callargs as PyTuple, kw);
  } finally {
    if (ownedArgs) decref(callargs);
    if (ownedKw) decref(kw!);
  }
}

let hooksInstalled = false;

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  interpreterHooks.importName = importNameHook;
  interpreterHooks.importFrom = importFromHook;
  interpreterHooks.importStar = importStarHook;
  interpreterHooks.mappingLookup = mappingLookup;
  interpreterHooks.staticName = staticStr;
  interpreterHooks.callWithTupleAndDict = callWithTupleAndDict;
  setTracebackChecker((o) => o.type === TraceBackType);
  // Exceptions that cannot propagate (__del__, weakref callbacks) go to sys.unraisablehook.
  setUnraisableHandler(writeUnraisableToSys);
  setUnraisableFallbackWriter((text) => {
    const i = runningInterpreter;
    if (i !== null) i.write(2, text);
    else process.stderr.write(text);
  });
  // type(name, bases, dict) records the running frame's module as __module__.
  setCurrentModuleNameProvider(() => {
    const f = tstate === undefined ? null : tstate.frame;
    return f === null ? null : dictGetItemStr(f.globals, staticStr("__name__"));
  });
}

/**
 * Creates the interpreter: builtins, sys (with its streams writing to `options.write`),
 * sys.modules and an empty __main__, and makes it the current one.
 */
export function createInterpreter(options: InterpreterOptions): Interpreter {
  if (tstate === undefined) setThreadState(new ThreadState());
  installHooks();
  const modules = newDict();
  const builtinsModule = createBuiltinsModule();
  const sysModule = createSysModule(options, modules);
  dictSetItem(modules, staticStr("sys"), sysModule);
  dictSetItem(modules, staticStr("builtins"), builtinsModule);
  const main = newModule("__main__");
  const d = main.dict!;
  const annotations = newDict();
  dictSetItem(d, staticStr("__annotations__"), annotations);
  decref(annotations);
  dictSetItem(d, staticStr("__builtins__"), builtinsModule);
  dictSetItem(modules, staticStr("__main__"), main);
  const interp = new Interpreter(builtinsModule, builtinsModule.dict!, sysModule, modules, main, options);
  // The interpreter keeps the references made here, as interp->modules / builtins / sysdict do.
  setCurrentInterpreter(interp);
  return interp;
}

