// Python/bltinmodule.c (3.11): builtin_compile_impl, builtin_exec_impl, builtin_eval_impl;
// Python/pythonrun.c: _Py_SourceAsString, PyRun_StringFlags; Python/ceval.c:
// PyEval_EvalCode, _PyEval_BuiltinsFromGlobals, PyEval_MergeCompilerFlags.
//
// Source text becomes a code object through the parser, the compiler and materialize();
// a PythonSyntaxError from any stage becomes a Python SyntaxError (or IndentationError /
// TabError) with CPython's (filename, lineno, offset, text, end_lineno, end_offset).

import type { PyObject } from "../runtime/object.js";
import { decref, newRef } from "../runtime/refcount.js";
import {
  raise, raiseOwned, newExceptionFromOwnedArgs, TypeErrorType, ValueErrorType, SystemErrorType,
  SyntaxErrorType, IndentationErrorType, TabErrorType,
} from "../runtime/exceptions.js";
import { isMapping, callMethod } from "../runtime/abstract.js";
import { lookupSpecial } from "../runtime/typeobject.js";
import { isStr, newStr } from "../runtime/str.js";
import { newInt } from "../runtime/int.js";
import { None } from "../runtime/singletons.js";
import { dictContains, dictGetItemStr, dictSetItem, isDict, type PyDict } from "../runtime/dict.js";
import { isModule, type PyModule } from "../runtime/moduleobject.js";
import { TupleType, tupleFromOwned, type PyTuple } from "../runtime/tuple.js";
import { isCell } from "../runtime/cellobject.js";
import { bufferBytesOrNull } from "../runtime/bufferproto.js";
import { checkPositional, parseArgs } from "../runtime/getargs.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { parse, PythonSyntaxError } from "../python/parser/index.js";
import { compileAst } from "../python/compiler/index.js";
import type { Mod } from "../python/compiler/index.js";
import { materialize } from "../python/compiler/materialize.js";
import { linesOf } from "../python/compiler/errors.js";
import type * as A from "../python/ast.js";
import { CodeType, type PyCode } from "../python/code.js";
import { newFunction } from "../python/function.js";
import { callFunctionWithLocals } from "../python/ceval.js";
import { callerFrame, currentBuiltins, currentGlobals, asCInt, id } from "./bltin_util.js";
import { frameLocals } from "./bltin_locals.js";
import { interp } from "./interp_state.js";

export type CompileMode = "exec" | "eval" | "single";

// Compiler flags (Include/cpython/compile.h, Include/cpython/code.h).
export const PyCF_SOURCE_IS_UTF8 = 0x0100;
export const PyCF_DONT_IMPLY_DEDENT = 0x0200;
export const PyCF_ONLY_AST = 0x0400;
export const PyCF_IGNORE_COOKIE = 0x0800;
export const PyCF_TYPE_COMMENTS = 0x1000;
export const PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000;
export const PyCF_ALLOW_INCOMPLETE_INPUT = 0x4000;
/** The CO_FUTURE_* bits a code object passes on (PyCF_MASK). */
export const PyCF_MASK = 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x400000 | 0x800000 | 0x1000000;
const PyCF_MASK_OBSOLETE = 0x0010;
const PyCF_COMPILE_MASK = PyCF_ONLY_AST | PyCF_ALLOW_TOP_LEVEL_AWAIT | PyCF_TYPE_COMMENTS | PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT;

export interface CompileSourceOptions {
  flags?: number;
  /** -O level; -1 (or absent) means the interpreter's (0). */
  optimize?: number;
  /** Lines for SyntaxError.text, as read back from the file (null: no file, text None). */
  programText?: ((lineno: number) => string | null) | null;
}

/** A Python exception for a PythonSyntaxError (new reference). */
export function syntaxErrorToPython(e: PythonSyntaxError): PyObject {
  const type = e.kind === "IndentationError" ? IndentationErrorType : e.kind === "TabError" ? TabErrorType : SyntaxErrorType;
  const opt = (v: number | null): PyObject => (v === null ? newRef(None) : newInt(v));
  const details = tupleFromOwned([
    newStr(e.filename),
    opt(e.lineno),
    opt(e.offset),
    e.text === null ? newRef(None) : newStr(e.text),
    opt(e.end_lineno),
    opt(e.end_offset),
  ]);
  return newExceptionFromOwnedArgs(type, tupleFromOwned([newStr(e.msg), details]));
}

function syntaxErrorAt(filename: string, text: string, lineno: number, offset: number, endOffset: number, msg = "invalid syntax"): PythonSyntaxError {
  return new PythonSyntaxError({ kind: "SyntaxError", msg, filename, lineno, offset, end_lineno: lineno, end_offset: endOffset, text });
}

function lineText(source: string, lineno: number): string {
  return source.split(/\r\n|\r|\n/)[lineno - 1] ?? "";
}

/** 1-based column of the first non-blank character at or after `col` on `line`. */
function nextTokenColumn(line: string, col: number): number {
  let i = col;
  while (i < line.length && (line[i] === " " || line[i] === "\t")) i++;
  return i + 1;
}

/** Length of the token starting at 1-based column `col` (a name, a number or an operator). */
function tokenLength(line: string, col: number): number {
  const rest = line.slice(col - 1);
  const m = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[-+*\/%@&|^<>=!:~]{1,3})/.exec(rest);
  return m === null ? 1 : m[0].length;
}

/**
 * The expression of an `eval` input. heapscope's parser reads modules; an expression input
 * is a module of one expression statement, and anything else gets the SyntaxError CPython's
 * eval grammar reports at the first token it cannot accept.
 */
function expressionOf(mod: A.Module, source: string, filename: string): A.Expr {
  const body = mod.body;
  if (body.length === 0) throw syntaxErrorAt(filename, "", 0, 0, 0);
  const first = body[0]!;
  if (first.kind === "Expr" && body.length === 1) return (first as A.ExprStmt).value;
  if (first.kind === "Expr") {
    const second = body[1]!;
    if (second.lineno === first.end_lineno) {
      const line = lineText(source, first.end_lineno);
      const col = nextTokenColumn(line, first.end_col_offset);
      throw syntaxErrorAt(filename, line, first.end_lineno, col, col + tokenLength(line, col));
    }
    const line = lineText(source, second.lineno);
    throw syntaxErrorAt(filename, line, second.lineno, second.col_offset + 1, second.col_offset + 2);
  }
  const line = lineText(source, first.lineno);
  if (first.kind === "Assign" || first.kind === "AugAssign" || first.kind === "AnnAssign") {
    const target = first.kind === "Assign" ? (first as A.Assign).targets[0]! : (first as unknown as { target: A.Expr }).target;
    const col = target.end_lineno === first.lineno ? nextTokenColumn(line, target.end_col_offset) : first.col_offset + 1;
    throw syntaxErrorAt(filename, line, first.lineno, col, col + tokenLength(line, col));
  }
  const word = /^[A-Za-z_]+/.exec(line.slice(first.col_offset))?.[0] ?? "";
  throw syntaxErrorAt(filename, line, first.lineno, first.col_offset + 1, first.col_offset + 1 + Math.max(word.length, 1));
}

/** The SyntaxWarning display of the default warnings filter (no source line for strings). */
function showSyntaxWarning(message: string, filename: string, lineno: number): boolean {
  interp().write(2, `${filename}:${lineno}: SyntaxWarning: ${message}\n`);
  return false;
}

/**
 * Compiles `source` to a code object (new reference): what compile(source, filename, mode)
 * does for text. Throws the Python SyntaxError for bad source.
 */
export function compileCode(source: string, filename: string, mode: CompileMode, options: CompileSourceOptions = {}): PyCode {
  const optimize = options.optimize === undefined || options.optimize < 0 ? 0 : options.optimize;
  try {
    const module = parse(source, filename);
    let mod: Mod;
    if (mode === "eval") {
      mod = { kind: "Expression", body: expressionOf(module, source, filename) };
    } else if (mode === "single") {
      if (module.body.length > 1) {
        const first = module.body[0]!;
        const line = lineText(source, first.lineno) + "\n";
        throw new PythonSyntaxError({
          kind: "SyntaxError", msg: "multiple statements found while compiling a single statement", filename,
          lineno: first.lineno, offset: line.length, end_lineno: first.lineno, end_offset: line.length, text: line,
        });
      }
      mod = { kind: "Interactive", body: module.body } as unknown as Mod;
    } else {
      mod = module;
    }
    const unit = compileAst(mod, {
      filename,
      optimize,
      flags: (options.flags ?? 0) & PyCF_MASK,
      programText: options.programText ?? null,
      warn: showSyntaxWarning,
    });
    return materialize(unit);
  } catch (e) {
    if (e instanceof PythonSyntaxError) raiseOwned(syntaxErrorToPython(e) as never);
    throw e;
  }
}

/** compileSource with the source's own lines as SyntaxError.text (a file the interpreter knows). */
export function compileFileSource(source: string, filename: string): PyCode {
  return compileCode(source, filename, "exec", { programText: linesOf(source) });
}

/** _PyEval_BuiltinsFromGlobals: globals['__builtins__'] (a module's dict), else the current. */
export function builtinsFromGlobals(globals: PyDict): PyDict {
  const b = dictGetItemStr(globals, id("__builtins__"));
  if (b !== null) {
    if (isModule(b)) return (b as PyModule).dict!;
    if (isDict(b)) return b;
  }
  return currentBuiltins();
}

/**
 * PyEval_EvalCode: runs module-level code with `globals` and `locals` (new reference to the
 * result). The code runs in a function made for the purpose, as in 3.11.
 */
export function evalCode(code: PyCode, globals: PyDict, locals: PyObject, closure: PyTuple | null = null): PyObject {
  const builtins = builtinsFromGlobals(globals);
  const func = newFunction(code, globals, builtins, code.name, None, dictGetItemStr(globals, id("__name__")));
  if (closure !== null) func.closure = newRef(closure);
  try {
    return callFunctionWithLocals(func, locals);
  } finally {
    decref(func);
  }
}

/** _Py_SourceAsString: the text of a str, bytes or bytearray source argument. */
function sourceAsString(source: PyObject, funcname: string, what: string): string {
  let text: string;
  if (isStr(source)) {
    text = source.value;
  } else {
    const data = bytesData(source);
    if (data === null) raise(TypeErrorType, `${funcname}() arg 1 must be a ${what} object`);
    text = new TextDecoder("utf-8").decode(data);
  }
  if (text.indexOf("\0") >= 0) raise(SyntaxErrorType, "source code string cannot contain null bytes");
  return text;
}

/** The bytes of a bytes-like object (any buffer exporter), or null. */
function bytesData(o: PyObject): Uint8Array | null {
  return bufferBytesOrNull(o);
}

/** PyEval_MergeCompilerFlags: the future flags of the calling code. */
function inheritedFlags(): number {
  const f = callerFrame();
  return f === null ? 0 : f.code.flags & PyCF_MASK;
}

function isCode(o: PyObject): o is PyCode {
  return o.type === CodeType;
}

/** PyUnicode_FSDecoder for compile()'s filename. */
function fsDecode(o: PyObject): string {
  if (isStr(o)) return o.value;
  const data = bytesData(o);
  if (data !== null) return new TextDecoder("utf-8").decode(data);
  const fspath = lookupSpecial(o, id("__fspath__"));
  if (fspath !== null) {
    const r = callMethod(o, id("__fspath__"), []);
    decref(fspath);
    try {
      return fsDecode(r);
    } finally {
      decref(r);
    }
  }
  raise(TypeErrorType, `expected str, bytes or os.PathLike object, not ${o.type.name}`);
}

const COMPILE_PARAMETERS = ["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"];

function builtinCompile(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const p = parseArgs("compile", args, start, nargs, kwnames, COMPILE_PARAMETERS, 3, 0, 1);
  const source = p[0]!;
  const filename = fsDecode(p[1]!);
  const modeObj = p[2]!;
  if (!isStr(modeObj)) raise(TypeErrorType, `compile() argument 'mode' must be str, not ${modeObj.type.name}`);
  let flags = p[3] === null ? 0 : asCInt(p[3]!);
  const dontInherit = p[4] === null ? false : asCInt(p[4]!) !== 0;
  const optimize = p[5] === null ? -1 : asCInt(p[5]!);
  if ((flags & ~(PyCF_MASK | PyCF_MASK_OBSOLETE | PyCF_COMPILE_MASK)) !== 0) raise(ValueErrorType, "compile(): unrecognised flags");
  if (optimize < -1 || optimize > 2) raise(ValueErrorType, "compile(): invalid optimize value");
  if (!dontInherit) flags |= inheritedFlags();
  const mode = modeObj.value;
  if (mode !== "exec" && mode !== "eval" && mode !== "single") {
    raise(ValueErrorType, "compile() mode must be 'exec', 'eval' or 'single'");
  }
  if ((flags & PyCF_ONLY_AST) !== 0) raise(ValueErrorType, "compile(): heapscope cannot return an AST (there is no ast module)");
  if (isCode(source)) return newRef(source);
  const text = sourceAsString(source, "compile", "string, bytes or AST");
  return compileCode(text, filename, mode, { flags, optimize });
}

/** exec(source, globals=None, locals=None, /, *, closure=None) */
function builtinExec(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (nargs < 1) raise(TypeErrorType, `exec() takes at least 1 positional argument (${nargs} given)`);
  if (nargs > 3) raise(TypeErrorType, `exec() takes at most 3 positional arguments (${nargs} given)`);
  const p = parseArgs("exec", args, start, nargs, kwnames, ["source", "globals", "locals", "closure"], 1, 3, 1);
  const source = p[0]!;
  let globals: PyObject | null = p[1] ?? None;
  let locals: PyObject | null = p[2] ?? None;
  let closure: PyObject | null = p[3] ?? None;
  if (globals === None) {
    globals = currentGlobals();
    if (locals === None) {
      const f = callerFrame();
      locals = f === null ? null : frameLocals(f);
    }
    if (globals === null || locals === null) raise(SystemErrorType, "globals and locals cannot be NULL");
  } else if (locals === None) {
    locals = globals;
  }
  if (!isDict(globals)) raise(TypeErrorType, `exec() globals must be a dict, not ${globals.type.name}`);
  if (!isMapping(locals)) raise(TypeErrorType, `locals must be a mapping or None, not ${locals.type.name}`);
  ensureBuiltins(globals);
  if (closure === None) closure = null;
  // The namespaces stay alive while the code runs even if it rebinds the names holding them.
  globals.refcnt++;
  locals.refcnt++;
  try {
    let result: PyObject;
    if (isCode(source)) {
      const nfree = source.nfreevars;
      if (nfree === 0) {
        if (closure !== null) raise(TypeErrorType, "cannot use a closure with this code object");
      } else {
        const ok = closure !== null && closure.type === TupleType && (closure as PyTuple).items.length === nfree && (closure as PyTuple).items.every(isCell);
        if (!ok) raise(TypeErrorType, `code object requires a closure of exactly length ${nfree}`);
      }
      result = evalCode(source, globals, locals, closure as PyTuple | null);
    } else {
      if (closure !== null) raise(TypeErrorType, "closure can only be used when source is a code object");
      const text = sourceAsString(source, "exec", "string, bytes or code");
      const code = compileCode(text, "<string>", "exec", { flags: inheritedFlags() });
      try {
        result = evalCode(code, globals, locals);
      } finally {
        decref(code);
      }
    }
    decref(result);
  } finally {
    decref(globals);
    decref(locals);
  }
  return newRef(None);
}

/** exec() and eval() give the namespace a __builtins__ when it has none. */
function ensureBuiltins(globals: PyDict): void {
  if (!dictContains(globals, id("__builtins__"))) dictSetItem(globals, id("__builtins__"), currentBuiltins());
}

/** eval(source, globals=None, locals=None, /) */
function builtinEval(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (kwnames !== null && kwnames.items.length !== 0) raise(TypeErrorType, "eval() takes no keyword arguments");
  checkPositional("eval", nargs, 1, 3);
  const source = args[start]!;
  let globals: PyObject | null = nargs > 1 ? args[start + 1]! : None;
  let locals: PyObject | null = nargs > 2 ? args[start + 2]! : None;
  if (locals !== None && !isMapping(locals)) raise(TypeErrorType, "locals must be a mapping");
  if (globals !== None && !isDict(globals)) {
    raise(TypeErrorType, isMapping(globals) ? "globals must be a real dict; try eval(expr, {}, mapping)" : "globals must be a dict");
  }
  if (globals === None) {
    globals = currentGlobals();
    if (locals === None) {
      const f = callerFrame();
      locals = f === null ? null : frameLocals(f);
    }
  } else if (locals === None) {
    locals = globals;
  }
  if (globals === null || locals === null) raise(TypeErrorType, "eval must be given globals and locals when called without a frame");
  ensureBuiltins(globals as PyDict);
  globals.refcnt++;
  locals.refcnt++;
  try {
    if (isCode(source)) {
      if (source.nfreevars > 0) raise(TypeErrorType, "code object passed to eval() may not contain free variables");
      return evalCode(source, globals as PyDict, locals);
    }
    let text = sourceAsString(source, "eval", "string, bytes or code");
    text = text.replace(/^[ \t]+/, "");
    const code = compileCode(text, "<string>", "eval", { flags: inheritedFlags() });
    try {
      return evalCode(code, globals as PyDict, locals);
    } finally {
      decref(code);
    }
  } finally {
    decref(globals);
    decref(locals);
  }
}

export const COMPILE_BUILTINS: readonly MethodDef[] = [
  { name: "compile", kind: "fastcall", fn: builtinCompile, doc: "Compile source into a code object that can be executed by exec() or eval()." },
  { name: "eval", kind: "fastcall", fn: builtinEval, doc: "Evaluate the given source in the context of globals and locals." },
  { name: "exec", kind: "fastcall", fn: builtinExec, doc: "Execute the given source in the context of globals and locals." },
];
