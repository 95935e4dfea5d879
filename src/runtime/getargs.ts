// Python/getargs.c: _PyArg_CheckPositional, _PyArg_NoKeywords, _PyArg_NoPositional,
// _PyArg_UnpackKeywords (the parts builtins need), with CPython's exact messages.
//
// Builtins receive vectorcall arguments (args, start, nargs, kwnames). These helpers check
// counts and find keyword values; they return borrowed references into `args`.

import type { PyObject } from "./object.js";
import type { PyTuple } from "./tuple.js";
import type { PyStr } from "./str.js";
import { raise, TypeErrorType } from "./exceptions.js";

function kwCount(kwnames: PyTuple | null): number {
  return kwnames === null ? 0 : kwnames.items.length;
}

/** _PyArg_NoKeywords: "list.clear() takes no keyword arguments" style (`name` includes "()" rules of the caller). */
export function noKeywords(funcName: string, kwnames: PyTuple | null): void {
  if (kwnames !== null && kwnames.items.length !== 0) raise(TypeErrorType, `${funcName}() takes no keyword arguments`);
}

/** _PyArg_NoPositional */
export function noPositional(funcName: string, nargs: number): void {
  if (nargs !== 0) raise(TypeErrorType, `${funcName}() takes no positional arguments`);
}

/**
 * _PyArg_CheckPositional: min..max positional arguments (max = Infinity for no limit).
 * Messages: "f expected 1 argument, got 0", "f expected at least 1 argument, got 0",
 * "f expected at most 2 arguments, got 3" (name without "()", as CPython prints it).
 */
export function checkPositional(funcName: string, nargs: number, min: number, max: number): void {
  if (nargs < min) {
    if (min === max) raise(TypeErrorType, `${funcName} expected ${min} argument${min === 1 ? "" : "s"}, got ${nargs}`);
    raise(TypeErrorType, `${funcName} expected at least ${min} argument${min === 1 ? "" : "s"}, got ${nargs}`);
  }
  if (nargs > max) {
    if (min === max) raise(TypeErrorType, `${funcName} expected ${max} argument${max === 1 ? "" : "s"}, got ${nargs}`);
    raise(TypeErrorType, `${funcName} expected at most ${max} argument${max === 1 ? "" : "s"}, got ${nargs}`);
  }
}

/**
 * Argument count check of PyArg_ParseTuple (vgetargs1) for a METH_VARARGS function whose
 * format names it: "find() takes at least 1 argument (0 given)".
 */
export function checkTupleArity(funcName: string, nargs: number, min: number, max: number): void {
  if (nargs >= min && nargs <= max) return;
  const n = nargs < min ? min : max;
  const bound = min === max ? "exactly" : nargs < min ? "at least" : "at most";
  raise(TypeErrorType, `${funcName}() takes ${bound} ${n} argument${n === 1 ? "" : "s"} (${nargs} given)`);
}

/** METH_NOARGS check: "list.clear() takes no arguments (1 given)". */
export function checkNoArgs(displayName: string, nargs: number, kwnames: PyTuple | null): void {
  if (kwCount(kwnames) !== 0) raise(TypeErrorType, `${displayName}() takes no keyword arguments`);
  if (nargs !== 0) raise(TypeErrorType, `${displayName}() takes no arguments (${nargs} given)`);
}

/** METH_O check: "list.append() takes exactly one argument (0 given)". */
export function checkOneArg(displayName: string, nargs: number, kwnames: PyTuple | null): void {
  if (kwCount(kwnames) !== 0) raise(TypeErrorType, `${displayName}() takes no keyword arguments`);
  if (nargs !== 1) raise(TypeErrorType, `${displayName}() takes exactly one argument (${nargs} given)`);
}

/**
 * _PyArg_UnpackKeywords (Argument Clinic parsing): `names` are the parameters in order, the
 * first `posOnly` positional-only, the last `kwOnly` keyword-only; `minpos` leading
 * positional parameters and `minkw` keyword-only ones are required. Returns one entry per
 * parameter: a borrowed value, or null when an optional one was not given.
 *
 * Messages (3.11): "f() takes at most 2 arguments (3 given)", "f() takes exactly 1 positional
 * argument (2 given)", "f() takes at least 1 positional argument (0 given)", "f() missing
 * required argument 'x' (pos 1)", "argument for f() given by name ('x') and position (1)",
 * "'y' is an invalid keyword argument for f()".
 */
export function parseArgs(
  funcName: string,
  args: PyObject[],
  start: number,
  nargs: number,
  kwnames: PyTuple | null,
  names: readonly string[],
  minpos: number,
  posOnly = 0,
  kwOnly = 0,
  minkw = 0,
): (PyObject | null)[] {
  const maxargs = names.length;
  const maxpos = maxargs - kwOnly;
  const reqlimit = minkw !== 0 ? maxpos + minkw : minpos;
  const minposonly = Math.min(posOnly, minpos);
  const nkwargs = kwCount(kwnames);
  const out: (PyObject | null)[] = new Array<PyObject | null>(maxargs).fill(null);
  if (nkwargs === 0 && minkw === 0 && minpos <= nargs && nargs <= maxpos) {
    for (let i = 0; i < nargs; i++) out[i] = args[start + i]!;
    return out;
  }
  const fname = `${funcName}()`;
  if (nargs + nkwargs > maxargs) {
    raise(TypeErrorType, `${fname} takes at most ${maxargs} ${nargs === 0 ? "keyword " : ""}argument${maxargs === 1 ? "" : "s"} (${nargs + nkwargs} given)`);
  }
  if (nargs > maxpos) {
    if (maxpos === 0) raise(TypeErrorType, `${fname} takes no positional arguments`);
    raise(TypeErrorType, `${fname} takes ${minpos < maxpos ? "at most" : "exactly"} ${maxpos} positional argument${maxpos === 1 ? "" : "s"} (${nargs} given)`);
  }
  if (nargs < minposonly) {
    raise(TypeErrorType, `${fname} takes ${minposonly < maxpos ? "at least" : "exactly"} ${minposonly} positional argument${minposonly === 1 ? "" : "s"} (${nargs} given)`);
  }
  for (let i = 0; i < nargs; i++) out[i] = args[start + i]!;
  const kws = kwnames === null ? [] : kwnames.items;
  const findKeyword = (name: string): PyObject | null => {
    for (let k = 0; k < kws.length; k++) if ((kws[k] as PyStr).value === name) return args[start + nargs + k]!;
    return null;
  };
  let remaining = nkwargs;
  for (let i = Math.max(nargs, posOnly); i < maxargs; i++) {
    let current: PyObject | null = null;
    if (remaining > 0) current = findKeyword(names[i]!);
    else if (i >= reqlimit) break;
    out[i] = current;
    if (current !== null) remaining--;
    else if (i < minpos || (maxpos <= i && i < reqlimit)) {
      raise(TypeErrorType, `${fname} missing required argument '${names[i]}' (pos ${i + 1})`);
    }
  }
  if (remaining > 0) {
    for (let i = posOnly; i < nargs; i++) {
      if (findKeyword(names[i]!) !== null) {
        raise(TypeErrorType, `argument for ${fname} given by name ('${names[i]}') and position (${i + 1})`);
      }
    }
    for (const k of kws) {
      if (!(k.type.flags & (1 << 28))) raise(TypeErrorType, "keywords must be strings");
      const key = (k as PyStr).value;
      if (names.indexOf(key, posOnly) < 0) raise(TypeErrorType, `'${key}' is an invalid keyword argument for ${fname}`);
    }
    raise(TypeErrorType, `invalid keyword argument for ${fname}`);
  }
  return out;
}

/** Name of a keyword argument at index k (borrowed string value). */
export function keywordName(kwnames: PyTuple, k: number): string {
  return (kwnames.items[k] as PyStr).value;
}
