// The few services the eval loop needs from the layers above it (imports, the builtins'
// call helpers) or from files that import the eval loop themselves (generators). The
// interpreter installs them at start-up; until then each one fails with a clear message.

import type { PyObject } from "../runtime/object.js";
import type { PyDict } from "../runtime/dict.js";
import type { PyStr } from "../runtime/str.js";
import type { PyTuple } from "../runtime/tuple.js";
import type { PyCode } from "./code.js";
import type { Frame } from "./frame.js";

export interface InterpreterHooks {
  /** IMPORT_NAME: `__import__(name, globals, locals, fromlist, level)` (new reference). */
  importName(frame: Frame, name: PyStr, fromlist: PyObject, level: PyObject): PyObject;
  /** IMPORT_FROM: the attribute, or the submodule, with ImportError's message (new reference). */
  importFrom(module: PyObject, name: PyStr): PyObject;
  importStar(frame: Frame, module: PyObject): void;
  /** LOAD_NAME in a non-dict namespace: the value (new reference) or null when missing. */
  mappingLookup(mapping: PyObject, name: PyStr): PyObject | null;
  /** A static interned identifier string (borrowed). */
  staticName(name: string): PyStr;
  /** Does this code object's first constant hold its docstring? */
  codeHasDocstring(code: PyCode): boolean;
  callWithTupleAndDict(callable: PyObject, args: PyTuple, kwargs: PyDict | null): PyObject;
  /** SEND: PyIter_Send. Sets tstate.sendReturned when the receiver finished. */
  send(receiver: PyObject, value: PyObject): PyObject;
  /** Generators and coroutines pass through GET_YIELD_FROM_ITER unchanged. */
  isGeneratorLike(o: PyObject): boolean;
  /** PRINT_EXPR: sys.displayhook (borrowed), or null when it is missing. */
  displayHook(): PyObject | null;
  /** A run limit (--max-steps, --timeout) was reached: raise what the host wants raised. */
  budgetExceeded(kind: "steps" | "time" | "memory"): never;
}

/**
 * A stop imposed by the host (a run limit): not a Python exception, never caught by Python
 * handlers or reported as unraisable; it unwinds straight out of the interpreter.
 */
export class HostAbort extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HostAbort";
  }
}

function notInstalled(what: string): never {
  throw new Error(`heapscope internal error: interpreter hook '${what}' is not installed`);
}

export const interpreterHooks: InterpreterHooks = {
  importName: () => notInstalled("importName"),
  importFrom: () => notInstalled("importFrom"),
  importStar: () => notInstalled("importStar"),
  mappingLookup: () => notInstalled("mappingLookup"),
  staticName: () => notInstalled("staticName"),
  codeHasDocstring: () => false,
  callWithTupleAndDict: () => notInstalled("callWithTupleAndDict"),
  send: () => notInstalled("send"),
  isGeneratorLike: () => false,
  displayHook: () => null,
  budgetExceeded: () => notInstalled("budgetExceeded"),
};
