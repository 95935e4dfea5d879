// Test support for the builtins and sys tests: runs Python source in a fresh interpreter
// and collects what it wrote (no file in this folder's runtime code imports it).

import { flushPending, TextStreamType, type PyTextStream } from "./sys_streams.js";
import { decref } from "../runtime/refcount.js";
import { PyRaise } from "../runtime/exceptions.js";
import { installPythonTypes } from "../python/install.js";
import { formatException } from "../python/tbformat.js";
import { createInterpreter, type Interpreter } from "./interp.js";
import { setCurrentInterpreter } from "./interp_state.js";
import { compileCode, evalCode } from "./bltin_compile.js";
import { newDict, dictSetItem } from "../runtime/dict.js";
import { staticStr } from "../runtime/str.js";

export interface RunResult {
  stdout: string;
  stderr: string;
  /** The uncaught exception's formatted text, or "" when the code finished. */
  error: string;
  interp: Interpreter;
}

/** Runs `source` as __main__ of a new interpreter. */
export function runPython(source: string, filename = "<test>"): RunResult {
  let stdout = "";
  let stderr = "";
  installPythonTypes();
  const interp = createInterpreter({
    argv: [filename],
    write: (stream, text) => {
      if (stream === 1) stdout += text;
      else stderr += text;
    },
  });
  interp.sources.set(filename, source);
  let error = "";
  try {
    const code = compileCode(source, filename, "exec");
    try {
      const d = interp.mainModule.dict!;
      decref(evalCode(code, d, d));
    } finally {
      decref(code);
    }
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    error = formatException(e.exception, (f, n) => interp.sourceLine(f, n));
    decref(e.exception);
  }
  flushStandardStreams(interp);
  return { stdout, stderr, error, interp };
}

/** sys.stdout/sys.stderr buffer like CPython's TextIOWrapper: hand over what they hold. */
function flushStandardStreams(interp: Interpreter): void {
  for (const name of ["stdout", "stderr", "__stdout__", "__stderr__"]) {
    const stream = interp.sysAttr(name);
    if (stream !== null && stream.type === TextStreamType) flushPending(stream as PyTextStream);
  }
}

/** Runs `source` in a fresh namespace of an existing interpreter; returns what it printed. */
export function runInNamespace(interp: Interpreter, source: string, out: { text: string }): void {
  setCurrentInterpreter(interp);
  const code = compileCode(source, "<leak>", "exec");
  const ns = newDict();
  try {
    dictSetItem(ns, staticStr("__name__"), staticStr("__leak__"));
    decref(evalCode(code, ns, ns));
  } finally {
    decref(code);
    decref(ns);
    flushStandardStreams(interp);
  }
  void out;
}
