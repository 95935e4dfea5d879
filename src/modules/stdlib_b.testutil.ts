// Test helper for the collections / contextlib / math tests: runs a program as __main__ of a
// new interpreter (every registered module importable) and returns what it printed, with
// sys.stdout flushed as CPython flushes it at exit.

import { decref } from "../runtime/refcount.js";
import { PyRaise } from "../runtime/exceptions.js";
import { installPythonTypes } from "../python/install.js";
import { formatException } from "../python/tbformat.js";
import { createInterpreter, type Interpreter } from "./interp.js";
import { compileCode, evalCode } from "./bltin_compile.js";
import "./all.js";
import { flushPending, TextStreamType, type PyTextStream } from "./sys_streams.js";

function flushStdStreams(interp: Interpreter): void {
  for (const name of ["stdout", "stderr"]) {
    const stream = interp.sysAttr(name);
    if (stream !== null && stream.type === TextStreamType) flushPending(stream as PyTextStream);
  }
}

export function runProgram(source: string, filename: string): string {
  let out = "";
  installPythonTypes();
  const interp = createInterpreter({ argv: [filename], write: (_stream, text) => { out += text; } });
  interp.sources.set(filename, source);
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
    out += formatException(e.exception, (f, n) => interp.sourceLine(f, n));
    decref(e.exception);
  }
  flushStdStreams(interp);
  return out;
}
