// Python/ceval.c (3.11): initialize_locals, positional_only_passed_as_keyword,
// missing_arguments, too_many_positional, _PyEvalFramePushAndInit.
//
// Binds a call's arguments to a new frame's fast locals. The argument references are
// *taken over* (3.11's frames steal them from the caller's value stack), so a parameter
// costs no extra reference: `def f(a): getrefcount(a)` sees the caller's reference moved.

import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/refcount.js";
import { raise, TypeErrorType } from "../runtime/exceptions.js";
import { PyTuple, tupleFromOwned } from "../runtime/tuple.js";
import { newDict, dictGetItem, dictSetItem, PyDict } from "../runtime/dict.js";
import type { PyStr } from "../runtime/str.js";
import { TPFLAGS_UNICODE_SUBCLASS } from "../runtime/type.js";
import { CO_VARARGS, CO_VARKEYWORDS, type PyCode } from "./code.js";
import type { PyFunction } from "./function.js";

/**
 * Moves args[start .. start+nargs+nkw) into `locals` (slots 0..). Keyword values are the
 * last kwnames.length entries. On error every argument reference is released.
 */
export function bindArguments(
  func: PyFunction,
  locals: (PyObject | null)[],
  args: (PyObject | null)[],
  start: number,
  argcount: number,
  kwnames: PyTuple | null,
): void {
  const code = func.code;
  const nkw = kwnames === null ? 0 : kwnames.items.length;
  const npos = argcount - nkw;
  const co_argcount = code.argcount;
  const totalArgs = co_argcount + code.kwonlyargcount;
  let kwdict: PyDict | null = null;
  let extraIndex = totalArgs;
  if ((code.flags & CO_VARARGS) !== 0) extraIndex++;
  try {
    if ((code.flags & CO_VARKEYWORDS) !== 0) {
      kwdict = newDict();
      locals[extraIndex] = kwdict;
    }
    const n = npos < co_argcount ? npos : co_argcount;
    for (let i = 0; i < n; i++) {
      locals[i] = args[start + i]!;
      args[start + i] = null;
    }
    if ((code.flags & CO_VARARGS) !== 0) {
      const extra: PyObject[] = [];
      for (let i = n; i < npos; i++) {
        extra.push(args[start + i]!);
        args[start + i] = null;
      }
      locals[totalArgs] = tupleFromOwned(extra);
    } else if (npos > co_argcount) {
      tooManyPositional(func, locals, npos);
    }
    // Keyword arguments.
    for (let k = 0; k < nkw; k++) {
      const name = kwnames!.items[k] as PyStr;
      const value = args[start + npos + k]!;
      args[start + npos + k] = null;
      if ((name.type.flags & TPFLAGS_UNICODE_SUBCLASS) === 0) {
        decref(value);
        raise(TypeErrorType, "keywords must be strings");
      }
      const index = findParameter(code, name, code.posonlyargcount, totalArgs);
      if (index < 0) {
        if (kwdict === null) {
          decref(value);
          if (positionalOnlyPassedAsKeyword(func, name)) {
            raise(TypeErrorType, `${qualname(func)}() got some positional-only arguments passed as keyword arguments: '${name.value}'`);
          }
          raise(TypeErrorType, `${qualname(func)}() got an unexpected keyword argument '${name.value}'`);
        }
        if (dictGetItem(kwdict, name) !== null) {
          decref(value);
          raise(TypeErrorType, `${qualname(func)}() got multiple values for argument '${name.value}'`);
        }
        dictSetItem(kwdict, name, value);
        decref(value);
        continue;
      }
      if (locals[index] !== null) {
        decref(value);
        raise(TypeErrorType, `${qualname(func)}() got multiple values for argument '${name.value}'`);
      }
      locals[index] = value;
    }
    // Defaults for missing positional parameters.
    if (npos < co_argcount) {
      const defaults = func.defaults === null ? [] : func.defaults.items;
      const firstDefault = co_argcount - defaults.length;
      let missing = 0;
      for (let i = npos; i < firstDefault; i++) if (locals[i] === null) missing++;
      if (missing > 0) missingArguments(func, locals, npos, firstDefault, true);
      for (let i = firstDefault > npos ? firstDefault : npos; i < co_argcount; i++) {
        if (locals[i] === null) {
          const d = defaults[i - firstDefault]!;
          d.refcnt++;
          locals[i] = d;
        }
      }
    }
    // Keyword-only defaults.
    if (code.kwonlyargcount > 0) {
      let missing = 0;
      for (let i = co_argcount; i < totalArgs; i++) {
        if (locals[i] !== null) continue;
        const name = code.localsplusnames[i]!;
        const d = func.kwdefaults === null ? null : dictGetItem(func.kwdefaults, name);
        if (d !== null) {
          d.refcnt++;
          locals[i] = d;
        } else {
          missing++;
        }
      }
      if (missing > 0) missingArguments(func, locals, co_argcount, totalArgs, false);
    }
  } catch (error) {
    for (let i = 0; i < locals.length; i++) {
      const v = locals[i];
      if (v !== null && v !== undefined) {
        locals[i] = null;
        decref(v);
      }
    }
    for (let i = start; i < start + argcount; i++) {
      const v = args[i];
      if (v !== null && v !== undefined) {
        args[i] = null;
        decref(v);
      }
    }
    throw error;
  }
}

function qualname(func: PyFunction): string {
  return func.qualname.value;
}

function findParameter(code: PyCode, name: PyStr, from: number, to: number): number {
  const names = code.localsplusnames;
  for (let i = from; i < to; i++) if (names[i] === name) return i;
  for (let i = from; i < to; i++) if (names[i]!.value === name.value) return i;
  return -1;
}

function positionalOnlyPassedAsKeyword(func: PyFunction, name: PyStr): boolean {
  const code = func.code;
  for (let i = 0; i < code.posonlyargcount; i++) if (code.localsplusnames[i]!.value === name.value) return true;
  return false;
}

function tooManyPositional(func: PyFunction, locals: (PyObject | null)[], given: number): never {
  const code = func.code;
  const co_argcount = code.argcount;
  const defcount = func.defaults === null ? 0 : func.defaults.items.length;
  let kwonlyGiven = 0;
  for (let i = co_argcount; i < co_argcount + code.kwonlyargcount; i++) if (locals[i] !== null) kwonlyGiven++;
  let sig: string;
  let plural: boolean;
  if (defcount > 0) {
    sig = `from ${co_argcount - defcount} to ${co_argcount}`;
    plural = true;
  } else {
    sig = `${co_argcount}`;
    plural = co_argcount !== 1;
  }
  let kwonlySig = "";
  if (kwonlyGiven > 0) {
    kwonlySig = ` positional argument${given !== 1 ? "s" : ""} (and ${kwonlyGiven} keyword-only argument${kwonlyGiven !== 1 ? "s" : ""})`;
  }
  const givenText = kwonlyGiven > 0 ? `${given}${kwonlySig}` : `${given}`;
  raise(
    TypeErrorType,
    `${qualname(func)}() takes ${sig} positional argument${plural ? "s" : ""} but ${givenText} ${given === 1 && kwonlyGiven === 0 ? "was" : "were"} given`,
  );
}

function missingArguments(func: PyFunction, locals: (PyObject | null)[], from: number, to: number, positional: boolean): never {
  const names: string[] = [];
  const code = func.code;
  for (let i = from; i < to; i++) if (locals[i] === null) names.push(`'${code.localsplusnames[i]!.value}'`);
  let list: string;
  if (names.length === 1) list = names[0]!;
  else if (names.length === 2) list = `${names[0]} and ${names[1]}`;
  else list = `${names.slice(0, -1).join(", ")}, and ${names[names.length - 1]}`;
  raise(
    TypeErrorType,
    `${qualname(func)}() missing ${names.length} required ${positional ? "positional" : "keyword-only"} argument${names.length === 1 ? "" : "s"}: ${list}`,
  );
}
