// Python/errors.c (PyErr_RangedSyntaxLocationObject, PyErr_ProgramTextObject) and
// Python/compile.c (compiler_error, compiler_warn), 3.11: the SyntaxErrors and SyntaxWarnings
// the symbol table and the compiler raise.
//
// Both raise the parser's PythonSyntaxError so that one error path serves every stage. CPython
// reports these with `offset = col_offset + 1` where col_offset counts UTF-8 bytes (unlike the
// parser's own errors, which count characters), and with `text` read back from the file named
// by `filename` (None when there is no such file, as for compile() of a string).

import { PythonSyntaxError } from "../parser/errors.js";

export interface DiagnosticSink {
  filename: string;
  /**
   * The line CPython's PyErr_ProgramTextObject would read from `filename` (with its "\n"), or
   * null. Callers compiling a real file pass a function returning its lines.
   */
  programText: ((lineno: number) => string | null) | null;
  /** Receives SyntaxWarnings; return true to turn the warning into a SyntaxError ("error" filter). */
  warn: ((message: string, filename: string, lineno: number) => boolean) | null;
}

export function syntaxError(
  sink: DiagnosticSink,
  msg: string,
  lineno: number,
  colOffset: number,
  endLineno: number,
  endColOffset: number,
): PythonSyntaxError {
  const text = sink.programText !== null && lineno > 0 ? sink.programText(lineno) : null;
  return new PythonSyntaxError({
    kind: "SyntaxError",
    msg,
    filename: sink.filename,
    lineno,
    offset: colOffset + 1,
    end_lineno: endLineno,
    end_offset: endColOffset + 1,
    text,
  });
}

/** Lines of `source` as PyErr_ProgramTextObject returns them (with a trailing "\n"). */
export function linesOf(source: string): (lineno: number) => string | null {
  const lines = source.split(/\r\n|\r|\n/);
  return (lineno) => (lineno >= 1 && lineno <= lines.length ? lines[lineno - 1]! + "\n" : null);
}

/**
 * The RecursionError CPython raises when the tree is nested deeper than the compiler allows
 * ("maximum recursion depth exceeded during compilation"); callers turn it into a Python
 * RecursionError.
 */
export class CompileRecursionError extends Error {
  constructor() {
    super("maximum recursion depth exceeded during compilation");
    this.name = "RecursionError";
  }
}

/**
 * The nesting budget of the AST passes: CPython scales the interpreter's recursion limit and the
 * current depth by COMPILER_STACK_FRAME_SCALE (3) and counts one level per statement and
 * expression.
 */
export class DepthGuard {
  private depth: number;
  private readonly limit: number;

  constructor(pythonDepth: number, recursionLimit: number) {
    this.depth = pythonDepth * 3;
    this.limit = recursionLimit * 3;
  }

  enter(): void {
    if (++this.depth > this.limit) throw new CompileRecursionError();
  }

  leave(): void {
    this.depth--;
  }
}
