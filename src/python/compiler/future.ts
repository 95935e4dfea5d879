// Python/future.c (3.11): `from __future__ import ...` at the top of a module.

import type { Module, Stmt } from "../ast.js";
import { syntaxError, type DiagnosticSink } from "./errors.js";
import { docstringOf } from "./docstring.js";

/** co_flags bits for future features (Include/cpython/compile.h). */
export const CO_FUTURE_BARRY_AS_BDFL = 0x400000;
export const CO_FUTURE_GENERATOR_STOP = 0x800000;
export const CO_FUTURE_ANNOTATIONS = 0x1000000;
/** compile() flag: allow await / async for / async with at module level (asyncio REPL). */
export const PYCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000;
/** The compiler-flag bits that code objects inherit (PyCF_MASK). */
export const PYCF_MASK = 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x400000 | 0x800000 | 0x1000000;

export interface FutureFeatures {
  features: number;
  /** Line of the last future statement (0 when there is none). */
  lineno: number;
}

const ACCEPTED = new Set([
  "nested_scopes",
  "generators",
  "division",
  "absolute_import",
  "with_statement",
  "print_function",
  "unicode_literals",
  "generator_stop",
]);

function checkFeatures(ff: FutureFeatures, s: Stmt & { kind: "ImportFrom" }, sink: DiagnosticSink): void {
  for (const alias of s.names) {
    const feature = alias.name;
    if (ACCEPTED.has(feature)) continue;
    if (feature === "barry_as_FLUFL") ff.features |= CO_FUTURE_BARRY_AS_BDFL;
    else if (feature === "annotations") ff.features |= CO_FUTURE_ANNOTATIONS;
    else {
      const msg = feature === "braces" ? "not a chance" : `future feature ${feature} is not defined`;
      throw lineOnlyError(sink, msg, s.lineno, s.col_offset + 1);
    }
  }
}

function lineOnlyError(sink: DiagnosticSink, msg: string, lineno: number, offset: number) {
  // PyErr_SyntaxLocationObject: no end column.
  const e = syntaxError(sink, msg, lineno, offset - 1, lineno, -1);
  Object.defineProperty(e, "end_offset", { value: null });
  return e;
}

/** _PyFuture_FromAST: the features a module enables (raises on bad or late future imports). */
export function futureFromAst(mod: Module | null, sink: DiagnosticSink): FutureFeatures {
  const ff: FutureFeatures = { features: 0, lineno: 0 };
  if (mod === null || mod.body.length === 0) return ff;
  let i = docstringOf(mod.body) !== null ? 1 : 0;
  let done = false;
  let prevLine = 0;
  for (; i < mod.body.length; i++) {
    const s = mod.body[i]!;
    if (done && s.lineno > prevLine) return ff;
    prevLine = s.lineno;
    if (s.kind === "ImportFrom" && s.module === "__future__") {
      if (done) {
        throw lineOnlyError(sink, "from __future__ imports must occur at the beginning of the file", s.lineno, s.col_offset + 1);
      }
      checkFeatures(ff, s, sink);
      ff.lineno = s.lineno;
    } else {
      done = true;
    }
  }
  return ff;
}
