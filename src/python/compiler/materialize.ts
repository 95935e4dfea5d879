// Python/compile.c (merge_consts_recursive, makecode) and Objects/codeobject.c
// (_PyCode_New, intern_strings, intern_string_constants), 3.11: CodeUnits become code objects.
//
// Identity rules reproduced here (facts §6.2):
// - equal constants anywhere in one compilation are one object (CPython's c_const_cache), so
//   `a = 257; b = 257` gives `a is b`, and two functions returning 1000 share it;
// - names, variable names and str constants made only of ASCII letters, digits and '_' are
//   interned; other str constants are plain strs (shared within the compilation only);
// - makecode merges each code object's co_names, co_consts and co_localsplusnames tuples into
//   the same cache, so equal ones are one tuple (also shared with an equal tuple constant);
// - every code object of a compilation shares one filename object.

import { PyObject } from "../../runtime/object.js";
import { decref, newRef } from "../../runtime/refcount.js";
import { Ellipsis, None } from "../../runtime/singletons.js";
import { False, True } from "../../runtime/bool.js";
import { newInt, newIntFromBigInt } from "../../runtime/int.js";
import { newFloat } from "../../runtime/float.js";
import { newComplex } from "../../runtime/complex.js";
import { internStr, newStr, staticStr, type PyStr } from "../../runtime/str.js";
import { newBytes } from "../../runtime/bytes.js";
import { tupleFromOwned, type PyTuple } from "../../runtime/tuple.js";
import { newFrozenSet } from "../../runtime/set.js";
import { newCode, type PyCode } from "../code.js";
import { constKey, cStr, cTuple, isIdentifierLike, type CVal } from "./consts.js";
import type { CodeUnit } from "./unit.js";

const SAFE_INT = 9007199254740991n;

class Materializer {
  /** constKey -> the one object for that constant in this compilation (owned references). */
  private readonly cache = new Map<string, PyObject>();
  private readonly filename: PyStr;

  constructor(filename: string) {
    this.filename = newStr(filename);
  }

  release(): void {
    for (const o of this.cache.values()) decref(o);
    this.cache.clear();
    decref(this.filename);
  }

  /** A new reference to the compilation's object for `v`. */
  constant(v: CVal): PyObject {
    switch (v.kind) {
      case "None":
        return newRef(None);
      case "Ellipsis":
        return newRef(Ellipsis);
      case "bool":
        return newRef(v.value ? True : False);
      default:
        break;
    }
    const key = constKey(v);
    const cached = this.cache.get(key);
    if (cached !== undefined) return newRef(cached);
    const o = this.create(v);
    this.cache.set(key, newRef(o));
    return o;
  }

  private create(v: CVal): PyObject {
    switch (v.kind) {
      case "int":
        return v.value >= -SAFE_INT && v.value <= SAFE_INT ? newInt(Number(v.value)) : newIntFromBigInt(v.value);
      case "float":
        return newFloat(v.value);
      case "complex":
        return newComplex(v.real, v.imag);
      case "str":
        return isIdentifierLike(v.value) ? internStr(v.value) : newStr(v.value);
      case "bytes":
        return newBytes(v.value);
      case "tuple":
        return tupleFromOwned(v.items.map((item) => this.constant(item)));
      case "frozenset": {
        const items = tupleFromOwned(v.items.map((item) => this.constant(item)));
        const fs = newFrozenSet(items);
        decref(items);
        return fs;
      }
      case "code":
        return this.code(v.unit);
      default:
        throw new Error(`heapscope internal error: constant kind ${v.kind}`);
    }
  }

  /** makecode for one unit (and, through its constants, its nested units). */
  code(u: CodeUnit): PyCode {
    const names = this.namesTuple(u.names);
    const consts = this.constant(cTuple(u.consts)) as PyTuple;
    const localsplusnames = this.namesTuple(u.localsplusnames);
    // <module>, <lambda>, <listcomp>... are the interpreter's static strings (_Py_STR).
    const name = u.name.startsWith("<") ? newRef(staticStr(u.name)) : internStr(u.name);
    const qualname = u.qualname === u.name ? newRef(name) : newStr(u.qualname);
    return newCode({
      argcount: u.argcount,
      posonlyargcount: u.posonlyargcount,
      kwonlyargcount: u.kwonlyargcount,
      flags: u.flags,
      name,
      qualname,
      filename: newRef(this.filename),
      firstlineno: u.firstlineno,
      instructions: u.instructions,
      consts,
      names,
      localsplusnames,
      localspluskinds: u.localspluskinds,
      stacksize: u.stacksize,
      exceptionTable: u.exceptionTable,
      positions: u.positions,
    });
  }

  /** A tuple of interned names, merged with an equal tuple of this compilation (new reference). */
  private namesTuple(names: readonly string[]): PyTuple {
    if (names.length === 0) return tupleFromOwned([]);
    const key = constKey(cTuple(names.map(cStr)));
    const cached = this.cache.get(key);
    if (cached !== undefined) return newRef(cached) as PyTuple;
    const t = tupleFromOwned(names.map(internStr));
    this.cache.set(key, newRef(t));
    return t;
  }
}

/** The code object for a compiled module (new reference), nested code objects included. */
export function materialize(unit: CodeUnit): PyCode {
  const m = new Materializer(unit.filename);
  try {
    return m.code(unit);
  } finally {
    m.release();
  }
}
