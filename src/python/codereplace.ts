// Objects/codeobject.c (3.11): code.replace() (code_replace_impl), which always builds a new
// code object (PyCode_NewWithPosOnlyArgs) sharing the unchanged constants, names and strings.
//
// Bytecode, line and exception tables are held in heapscope's own encoding, so co_code,
// co_linetable and co_exceptiontable can only be passed back unchanged (as read from the code).

import type { PyObject } from "../runtime/object.js";
import { decref, newRef } from "../runtime/refcount.js";
import { raise, TypeErrorType, ValueErrorType } from "../runtime/exceptions.js";
import { parseArgs } from "../runtime/getargs.js";
import { intAsNumber, isInt, type PyInt } from "../runtime/int.js";
import { isStr, type PyStr } from "../runtime/str.js";
import { TupleType, type PyTuple } from "../runtime/tuple.js";
import { newCode, type PyCode } from "./code.js";

const PARAMETERS = [
  "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize", "co_flags",
  "co_firstlineno", "co_code", "co_consts", "co_names", "co_varnames", "co_freevars", "co_cellvars",
  "co_filename", "co_name", "co_qualname", "co_linetable", "co_exceptiontable",
];

function intParam(v: PyObject | null, current: number): number {
  if (v === null) return current;
  if (!isInt(v)) raise(TypeErrorType, `'${v.type.name}' object cannot be interpreted as an integer`);
  return intAsNumber(v as PyInt);
}

function strParam(name: string, v: PyObject | null, current: PyStr): PyStr {
  if (v === null) return newRef(current);
  if (!isStr(v)) raise(TypeErrorType, `replace() argument '${name}' must be str, not ${v.type.name}`);
  return newRef(v as PyStr);
}

function tupleParam(name: string, v: PyObject | null, current: PyTuple): PyTuple {
  if (v === null) return newRef(current);
  if (v.type !== TupleType) raise(TypeErrorType, `replace() argument '${name}' must be tuple, not ${v.type.name}`);
  return newRef(v as PyTuple);
}

function unsupported(name: string, v: PyObject | null): void {
  if (v !== null) raise(ValueErrorType, `heapscope cannot rebuild a code object from a new ${name}`);
}

/** code.replace(*, co_argcount=..., ...): a new code object. */
export function codeReplace(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const c = self as PyCode;
  const p = parseArgs("replace", args, start, nargs, kwnames, PARAMETERS, 0, 0, PARAMETERS.length);
  const argcount = intParam(p[0]!, c.argcount);
  const posonlyargcount = intParam(p[1]!, c.posonlyargcount);
  const kwonlyargcount = intParam(p[2]!, c.kwonlyargcount);
  if (intParam(p[3]!, c.nlocals) !== c.nlocals) raise(ValueErrorType, "code: co_nlocals != len(co_varnames)");
  const stacksize = intParam(p[4]!, c.stacksize);
  const flags = intParam(p[5]!, c.flags);
  const firstlineno = intParam(p[6]!, c.firstlineno);
  unsupported("co_code", p[7]!);
  for (let i = 10; i <= 12; i++) unsupported(PARAMETERS[i]!, p[i]!);
  unsupported("co_linetable", p[16]!);
  unsupported("co_exceptiontable", p[17]!);
  const consts = tupleParam("co_consts", p[8]!, c.constsTuple);
  const owned: PyObject[] = [consts];
  try {
    const names = tupleParam("co_names", p[9]!, c.namesTuple);
    owned.push(names);
    for (const n of names.items) if (!isStr(n)) raise(TypeErrorType, `name tuples must contain only strings, not '${n.type.name}'`);
    const filename = strParam("co_filename", p[13]!, c.filename);
    owned.push(filename);
    const name = strParam("co_name", p[14]!, c.name);
    owned.push(name);
    const qualname = strParam("co_qualname", p[15]!, c.qualname);
    owned.push(qualname);
    const code = newCode({
      argcount,
      posonlyargcount,
      kwonlyargcount,
      flags,
      name,
      qualname,
      filename,
      firstlineno,
      instructions: c.instructions,
      consts,
      names,
      localsplusnames: newRef(c.localsplusnamesTuple),
      localspluskinds: c.localspluskinds,
      stacksize,
      exceptionTable: c.exceptionTable,
      positions: c.positions,
    });
    owned.length = 0;
    return code;
  } finally {
    for (const o of owned) decref(o);
  }
}
