// Python/compile.c (_PyAST_Compile), 3.11: the compiler's entry points.
//
// compileAst runs the same passes as CPython: future features, AST optimisation (constant
// folding), symbol table, code generation and assembly. It consumes (folds in place) the tree it
// is given. The result is a CodeUnit tree; materialize.ts turns it into runtime code objects.

import type { Module } from "../ast.js";
import { optimizeAst } from "./astopt.js";
import { Compiler } from "./compile.js";
import { DepthGuard, type DiagnosticSink } from "./errors.js";
import { futureFromAst } from "./future.js";
import { buildSymtable, type Mod } from "./symtable.js";
import type { CodeUnit } from "./unit.js";

export type { CodeUnit } from "./unit.js";
export type { Mod, ExpressionModule, InteractiveModule } from "./symtable.js";
export { CompileRecursionError } from "./errors.js";

export interface CompileOptions {
  filename: string;
  /** -O level (0: asserts and docstrings kept, __debug__ is True). */
  optimize?: number;
  /** Compiler flags (PyCF_* / CO_FUTURE_*) inherited from the caller, as compile()'s `flags`. */
  flags?: number;
  /** The line text CPython would read back from `filename` for SyntaxError.text (see errors.ts). */
  programText?: ((lineno: number) => string | null) | null;
  /** SyntaxWarning receiver; return true to raise it as a SyntaxError instead. */
  warn?: ((message: string, filename: string, lineno: number) => boolean) | null;
  /** Python call depth at the compile() call and sys.getrecursionlimit(): bound the tree's nesting. */
  recursionDepth?: number;
  recursionLimit?: number;
}

export interface CompileWarning {
  message: string;
  filename: string;
  lineno: number;
}

/**
 * _PyAST_Compile: throws PythonSyntaxError for errors found by the symbol table or the compiler,
 * CompileRecursionError (errors.ts) for trees nested too deeply.
 */
export function compileAst(mod: Mod, options: CompileOptions): CodeUnit {
  const sink: DiagnosticSink = {
    filename: options.filename,
    programText: options.programText ?? null,
    warn: options.warn ?? null,
  };
  const future = futureFromAst(mod.kind === "Expression" ? null : (mod as Module), sink);
  const flags = future.features | (options.flags ?? 0);
  future.features = flags;
  const optimize = options.optimize ?? 0;
  const depth = options.recursionDepth ?? 0;
  const limit = options.recursionLimit ?? 1000;
  optimizeAst(mod, optimize, flags, new DepthGuard(depth, limit));
  const st = buildSymtable(mod, future, sink, new DepthGuard(depth, limit));
  const compiler = new Compiler(sink, st, future, { filename: options.filename, optimize, flags, interactive: false });
  return compiler.compileMod(mod);
}
