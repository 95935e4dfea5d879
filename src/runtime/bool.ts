// Objects/boolobject.c: PyBool_Type's behaviour: bool_repr, bool_new (bool(x)), bool_and /
// bool_or / bool_xor (bools in, bool out; anything else falls back to int's operators),
// and bool's __format__ inheritance from int.
//
// The objects themselves (BoolType, True, False, newBool) are defined in int.ts next to the
// int struct they share and re-exported here; int.ts calls installBoolSlots while it loads,
// so this module has no load-time code of its own.

import { PyObject } from "./object.js";
import { newRef } from "./refcount.js";
import type { PyType } from "./type.js";
import type { PyTuple } from "./tuple.js";
import type { PyDict } from "./dict.js";
import { BoolType, IntType, PyInt, True, newBool } from "./int.js";
import { staticStr } from "./str.js";
import { TypeErrorType, raise } from "./exceptions.js";
import { isTrue } from "./abstract.js";

export { BoolType, True, False, newBool, isBool } from "./int.js";

function boolRepr(self: PyObject): PyObject {
  return newRef(staticStr(self === True ? "True" : "False"));
}

function boolAnd(a: PyObject, b: PyObject): PyObject {
  if (a.type === BoolType && b.type === BoolType) return newBool(((a as PyInt).value & (b as PyInt).value) !== 0);
  return IntType.nbAnd!(a, b);
}

function boolOr(a: PyObject, b: PyObject): PyObject {
  if (a.type === BoolType && b.type === BoolType) return newBool(((a as PyInt).value | (b as PyInt).value) !== 0);
  return IntType.nbOr!(a, b);
}

function boolXor(a: PyObject, b: PyObject): PyObject {
  if (a.type === BoolType && b.type === BoolType) return newBool(((a as PyInt).value ^ (b as PyInt).value) !== 0);
  return IntType.nbXor!(a, b);
}

/** bool_new: bool() is False, bool(x) is x's truth; no keywords, at most one argument. */
function boolNew(_type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  if (kwargs !== null && kwargs.used !== 0) raise(TypeErrorType, "bool() takes no keyword arguments");
  const n = args.items.length;
  if (n > 1) raise(TypeErrorType, `bool expected at most 1 argument, got ${n}`);
  return newBool(n === 1 && isTrue(args.items[0]!));
}

/** bool_vectorcall: bool(x) with no argument tuple built. */
function boolVectorcall(_type: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (kwnames !== null && kwnames.items.length !== 0) raise(TypeErrorType, "bool() takes no keyword arguments");
  if (nargs > 1) raise(TypeErrorType, `bool expected at most 1 argument, got ${nargs}`);
  return newBool(nargs === 1 && isTrue(args[start]!));
}

/** Sets bool's own slots (called by int.ts before it readies BoolType). */
export function installBoolSlots(t: PyType): void {
  t.repr = boolRepr;
  t.nbAnd = boolAnd;
  t.nbOr = boolOr;
  t.nbXor = boolXor;
  t.new_ = boolNew;
  t.vectorcall = boolVectorcall;
}
