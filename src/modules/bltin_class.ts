// Python/bltinmodule.c (3.11): builtin___build_class__, update_bases.
//
// What a `class` statement calls: resolve __mro_entries__ of non-class bases, find the most
// derived metaclass (or the "metaclass conflict" error), ask it for a namespace through
// __prepare__, run the class body in that namespace, call the metaclass, and check that the
// __class__ cell the body created was filled with the new class.

import type { PyObject } from "../runtime/object.js";
import { decref, newRef } from "../runtime/refcount.js";
import { raise, TypeErrorType, RuntimeErrorType } from "../runtime/exceptions.js";
import { callObject, callOneArg, isMapping, lookupAttr, reprText, setItem } from "../runtime/abstract.js";
import { calculateMetaclass } from "../runtime/typecreate.js";
import { isTypeObject, TypeType } from "../runtime/typeroots.js";
import { isStr, type PyStr } from "../runtime/str.js";
import { newDict } from "../runtime/dict.js";
import { TupleType, tupleFromBorrowed, tupleFromOwned, type PyTuple } from "../runtime/tuple.js";
import { isCell, type PyCell } from "../runtime/cellobject.js";
import type { PyType } from "../runtime/type.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { FunctionType, type PyFunction } from "../python/function.js";
import { callFunctionWithLocals } from "../python/ceval.js";
import { id } from "./bltin_util.js";

/**
 * update_bases: `orig` (borrowed) unchanged when every base is a class or has no
 * __mro_entries__; otherwise a new tuple with each such base replaced by its entries.
 * Returns a new reference either way.
 */
function updateBases(orig: PyTuple): PyTuple {
  const bases = orig.items;
  let out: PyObject[] | null = null;
  try {
    for (let i = 0; i < bases.length; i++) {
      const base = bases[i]!;
      if (isTypeObject(base)) {
        if (out !== null) out.push(newRef(base));
        continue;
      }
      const meth = lookupAttr(base, id("__mro_entries__"));
      if (meth === null) {
        if (out !== null) out.push(newRef(base));
        continue;
      }
      let entries: PyObject;
      try {
        entries = callOneArg(meth, orig);
      } finally {
        decref(meth);
      }
      if (entries.type !== TupleType && !(entries.type.isSubtypeOf(TupleType))) {
        decref(entries);
        raise(TypeErrorType, "__mro_entries__ must return a tuple");
      }
      if (out === null) {
        out = [];
        for (let j = 0; j < i; j++) out.push(newRef(bases[j]!));
      }
      for (const e of (entries as PyTuple).items) out.push(newRef(e));
      decref(entries);
    }
  } catch (e) {
    if (out !== null) for (const o of out) decref(o);
    throw e;
  }
  if (out === null) return newRef(orig);
  return tupleFromOwned(out);
}

function buildClass(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (nargs < 2) raise(TypeErrorType, "__build_class__: not enough arguments");
  const func = args[start]!;
  if (func.type !== FunctionType) raise(TypeErrorType, "__build_class__: func must be a function");
  const name = args[start + 1]!;
  if (!isStr(name)) raise(TypeErrorType, "__build_class__: name is not a string");
  const origBases = tupleFromBorrowed(args, start + 2, start + nargs);
  let bases: PyTuple | null = null;
  let meta: PyObject | null = null;
  let mkw: PyObject | null = null;
  let ns: PyObject | null = null;
  try {
    bases = updateBases(origBases);
    let isClass = false;
    // The class keywords, minus metaclass=, are passed on to __prepare__ and the metaclass.
    const kwNames: PyObject[] = [];
    const kwValues: PyObject[] = [];
    if (kwnames !== null) {
      for (let k = 0; k < kwnames.items.length; k++) {
        const key = kwnames.items[k]! as PyStr;
        const value = args[start + nargs + k]!;
        if (key.value === "metaclass") {
          meta = newRef(value);
          isClass = isTypeObject(value);
        } else {
          kwNames.push(key);
          kwValues.push(value);
        }
      }
    }
    if (meta === null) {
      meta = newRef(bases.items.length === 0 ? TypeType : bases.items[0]!.type);
      isClass = true;
    }
    if (isClass) {
      const winner = calculateMetaclass(meta as PyType, bases.items);
      if (winner !== meta) {
        decref(meta);
        meta = newRef(winner);
      }
    }
    const kwTuple = kwNames.length === 0 ? null : tupleFromBorrowed(kwNames);
    if (kwTuple !== null) mkw = kwTuple;
    const prep = lookupAttr(meta, id("__prepare__"));
    if (prep === null) {
      ns = newDict();
    } else {
      try {
        ns = callObject(prep, [name, bases, ...kwValues], 0, 2, kwTuple);
      } finally {
        decref(prep);
      }
    }
    if (!isMapping(ns)) {
      const metaName = isClass ? (meta as PyType).name : "<metaclass>";
      raise(TypeErrorType, `${metaName}.__prepare__() must return a mapping, not ${ns.type.name}`);
    }
    const cell = callFunctionWithLocals(func as PyFunction, ns);
    try {
      if (bases !== origBases) setItem(ns, id("__orig_bases__"), origBases);
      const cls = callObject(meta, [name, bases, ns, ...kwValues], 0, 3, kwTuple);
      if (isTypeObject(cls) && isCell(cell)) {
        const cellCls = (cell as PyCell).ref;
        if (cellCls !== cls) {
          const nameRepr = reprText(name);
          const clsRepr = reprText(cls);
          decref(cls);
          if (cellCls === null) {
            raise(RuntimeErrorType, `__class__ not set defining ${nameRepr} as ${clsRepr}. Was __classcell__ propagated to type.__new__?`);
          }
          raise(TypeErrorType, `__class__ set to ${reprText(cellCls)} defining ${nameRepr} as ${clsRepr}`);
        }
      }
      return cls;
    } finally {
      decref(cell);
    }
  } finally {
    decref(origBases);
    if (bases !== null) decref(bases);
    if (meta !== null) decref(meta);
    if (mkw !== null) decref(mkw);
    if (ns !== null) decref(ns);
  }
}

export const BUILD_CLASS_BUILTIN: MethodDef = {
  name: "__build_class__",
  kind: "fastcall",
  fn: buildClass,
  doc: "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\nInternal helper function used by the class statement.",
};
