// Objects/typeobject.c: the slotdefs[] table and the wrap_* functions (wrap_unaryfunc,
// wrap_binaryfunc_l/_r, wrap_ternaryfunc, wrap_inquirypred, wrap_lenfunc, wrap_indexargfunc,
// wrap_sq_item, wrap_objobjproc, wrap_objobjargproc, wrap_delitem, wrap_setattr,
// wrap_delattr, wrap_hashfunc, wrap_call, wrap_del, richcmp_*, wrap_next, wrap_descr_get,
// wrap_descr_set, wrap_descr_delete, wrap_init), check_num_args.
//
// One table maps dunder names to PyType slot fields. Static types get a slot wrapper in their
// dict for every slot they define (`int.__add__`); heap types get, for every dunder their
// class dict defines, a generic slot function that calls it (typeslots.ts).

import type { PyObject } from "./object.js";
import { decref, newRef } from "./refcount.js";
import { CMP_EQ, CMP_GE, CMP_GT, CMP_LE, CMP_LT, CMP_NE, type PyType } from "./type.js";
import type { PyTuple } from "./tuple.js";
import { tupleFromBorrowed } from "./tuple.js";
import { newDict, dictSetItem, type PyDict } from "./dict.js";
import { raise, TypeErrorType, StopIterationType, newExceptionFromOwnedArgs, raiseOwned } from "./exceptions.js";
import { None } from "./singletons.js";
import { newBool } from "./bool.js";
import { newInt, newIntFromBigInt } from "./int.js";
import { EMPTY_TUPLE } from "./tuple.js";
import { hashResult, hashToBigInt } from "./values/pyhash.js";
import { numberAsSsize } from "./abstract.js";
import { OverflowErrorType } from "./exceptions.js";
import type { PyStr } from "./str.js";

/** A PyType field that holds a slot function. */
export type SlotField =
  | "getattro" | "setattro" | "repr" | "hash" | "call" | "str" | "richcompare" | "iter" | "iternext"
  | "descrGet" | "descrSet" | "init" | "new_" | "finalize"
  | "nbAdd" | "nbSubtract" | "nbMultiply" | "nbRemainder" | "nbDivmod" | "nbPower" | "nbNegative"
  | "nbPositive" | "nbAbsolute" | "nbBool" | "nbInvert" | "nbLshift" | "nbRshift" | "nbAnd" | "nbXor"
  | "nbOr" | "nbInt" | "nbFloat" | "nbIndex" | "nbFloorDivide" | "nbTrueDivide" | "nbMatrixMultiply"
  | "nbInplaceAdd" | "nbInplaceSubtract" | "nbInplaceMultiply" | "nbInplaceRemainder"
  | "nbInplacePower" | "nbInplaceLshift" | "nbInplaceRshift" | "nbInplaceAnd" | "nbInplaceXor"
  | "nbInplaceOr" | "nbInplaceFloorDivide" | "nbInplaceTrueDivide" | "nbInplaceMatrixMultiply"
  | "mpLength" | "mpSubscript" | "mpAssSubscript"
  | "sqLength" | "sqConcat" | "sqRepeat" | "sqItem" | "sqContains" | "sqInplaceConcat" | "sqInplaceRepeat";

/** How a slot wrapper calls the wrapped slot: self, vectorcall args, the slot function. */
export type WrapperFn = (
  self: PyObject,
  args: PyObject[],
  start: number,
  nargs: number,
  kwnames: PyTuple | null,
  wrapped: unknown,
  descr: PyObject,
) => PyObject;

export interface SlotDef {
  name: string;
  slot: SlotField;
  /** null: no slot wrapper is made for this name (e.g. __getattr__). */
  wrapper: WrapperFn | null;
  /** PyWrapperFlag_KEYWORDS */
  keywords: boolean;
  /** False for the sq_concat / sq_repeat / sq_inplace_* rows that heap types never fill. */
  heapDispatch: boolean;
  doc: string;
}

// ---------------------------------------------------------------------------
// check_num_args and the wrappers.

function checkNumArgs(nargs: number, n: number): void {
  if (nargs !== n) raise(TypeErrorType, `expected ${n} argument${n === 1 ? "" : "s"}, got ${nargs}`);
}

/** PyArg_UnpackTuple(args, "", min, max): note the leading space CPython prints. */
function unpackRange(nargs: number, min: number, max: number): void {
  if (nargs < min) raise(TypeErrorType, ` expected ${min === max ? "" : "at least "}${min} argument${min === 1 ? "" : "s"}, got ${nargs}`);
  if (nargs > max) raise(TypeErrorType, ` expected ${min === max ? "" : "at most "}${max} argument${max === 1 ? "" : "s"}, got ${nargs}`);
}

type Unary = (o: PyObject) => PyObject;
type Binary = (a: PyObject, b: PyObject) => PyObject;
type Ternary = (a: PyObject, b: PyObject, c: PyObject) => PyObject;

const wrapUnary: WrapperFn = (self, _a, _s, nargs, _k, wrapped) => {
  checkNumArgs(nargs, 0);
  return (wrapped as Unary)(self);
};

const wrapBinaryL: WrapperFn = (self, args, start, nargs, _k, wrapped) => {
  checkNumArgs(nargs, 1);
  return (wrapped as Binary)(self, args[start]!);
};

const wrapBinaryR: WrapperFn = (self, args, start, nargs, _k, wrapped) => {
  checkNumArgs(nargs, 1);
  return (wrapped as Binary)(args[start]!, self);
};

const wrapTernary: WrapperFn = (self, args, start, nargs, _k, wrapped) => {
  unpackRange(nargs, 1, 2);
  return (wrapped as Ternary)(self, args[start]!, nargs === 2 ? args[start + 1]! : None);
};

const wrapTernaryR: WrapperFn = (self, args, start, nargs, _k, wrapped) => {
  unpackRange(nargs, 1, 2);
  return (wrapped as Ternary)(args[start]!, self, nargs === 2 ? args[start + 1]! : None);
};

const wrapInquiry: WrapperFn = (self, _a, _s, nargs, _k, wrapped) => {
  checkNumArgs(nargs, 0);
  return newBool((wrapped as (o: PyObject) => boolean)(self));
};

const wrapLen: WrapperFn = (self, _a, _s, nargs, _k, wrapped) => {
  checkNumArgs(nargs, 0);
  return newInt((wrapped as (o: PyObject) => number)(self));
};

const wrapIndexArg: WrapperFn = (self, args, start, nargs, _k, wrapped) => {
  checkNumArgs(nargs, 1);
  const i = numberAsSsize(args[start]!, OverflowErrorType);
  return (wrapped as (o: PyObject, n: number) => PyObject)(self, i);
};

const wrapSqItem: WrapperFn = (self, args, start, nargs, _k, wrapped) => {
  checkNumArgs(nargs, 1);
  let i = numberAsSsize(args[start]!, OverflowErrorType);
  if (i < 0 && self.type.sqLength !== null) i += self.type.sqLength(self);
  return (wrapped as (o: PyObject, n: number) => PyObject)(self, i);
};

const wrapObjObjProc: WrapperFn = (self, args, start, nargs, _k, wrapped) => {
  checkNumArgs(nargs, 1);
  return newBool((wrapped as (o: PyObject, v: PyObject) => boolean)(self, args[start]!));
};

const wrapObjObjArgProc: WrapperFn = (self, args, start, nargs, _k, wrapped) => {
  unpackRange(nargs, 2, 2);
  (wrapped as (o: PyObject, k: PyObject, v: PyObject | null) => void)(self, args[start]!, args[start + 1]!);
  return newRef(None);
};

const wrapDelItem: WrapperFn = (self, args, start, nargs, _k, wrapped) => {
  checkNumArgs(nargs, 1);
  (wrapped as (o: PyObject, k: PyObject, v: PyObject | null) => void)(self, args[start]!, null);
  return newRef(None);
};

/**
 * hackcheck: object.__setattr__ must not be used to bypass a static type's own __setattr__
 * (for example on type objects: "can't apply this __setattr__ to type object").
 */
function hackCheck(self: PyObject, wrapped: unknown, what: string): void {
  let t: PyType | null = self.type;
  // The first non-heap type in the MRO is the one whose setattro applies.
  const mro = t.mroList;
  for (let i = 0; i < mro.length; i++) {
    t = mro[i]!;
    if ((t.flags & (1 << 9)) === 0) break;
  }
  if (t !== null && t.setattro !== wrapped) {
    raise(TypeErrorType, `can't apply this ${what} to ${t.name} object`);
  }
}

const wrapSetAttr: WrapperFn = (self, args, start, nargs, _k, wrapped) => {
  unpackRange(nargs, 2, 2);
  const name = args[start]!;
  if (!(name.type.flags & (1 << 28))) raise(TypeErrorType, `attribute name must be string, not '${name.type.name}'`);
  hackCheck(self, wrapped, "__setattr__");
  (wrapped as (o: PyObject, n: PyStr, v: PyObject | null) => void)(self, name as PyStr, args[start + 1]!);
  return newRef(None);
};

const wrapDelAttr: WrapperFn = (self, args, start, nargs, _k, wrapped) => {
  checkNumArgs(nargs, 1);
  const name = args[start]!;
  if (!(name.type.flags & (1 << 28))) raise(TypeErrorType, `attribute name must be string, not '${name.type.name}'`);
  hackCheck(self, wrapped, "__delattr__");
  (wrapped as (o: PyObject, n: PyStr, v: PyObject | null) => void)(self, name as PyStr, null);
  return newRef(None);
};

const wrapGetAttr: WrapperFn = (self, args, start, nargs, _k, wrapped) => {
  checkNumArgs(nargs, 1);
  const name = args[start]!;
  if (!(name.type.flags & (1 << 28))) raise(TypeErrorType, `attribute name must be string, not '${name.type.name}'`);
  return (wrapped as (o: PyObject, n: PyStr) => PyObject)(self, name as PyStr);
};

const wrapHash: WrapperFn = (self, _a, _s, nargs, _k, wrapped) => {
  checkNumArgs(nargs, 0);
  (wrapped as (o: PyObject) => void)(self);
  const hi = hashResult.hi, lo = hashResult.lo;
  if ((hi === 0 && lo >= 0) || (hi === -1 && lo < 0)) return newInt(lo);
  return newIntFromBigInt(hashToBigInt(hi, lo));
};

const wrapCall: WrapperFn = (self, args, start, nargs, kwnames, wrapped) => {
  return (wrapped as (c: PyObject, a: PyObject[], s: number, n: number, k: PyTuple | null) => PyObject)(self, args, start, nargs, kwnames);
};

const wrapDel: WrapperFn = (self, _a, _s, nargs, _k, wrapped) => {
  checkNumArgs(nargs, 0);
  (wrapped as (o: PyObject) => void)(self);
  return newRef(None);
};

function richcmpWrapper(op: number): WrapperFn {
  return (self, args, start, nargs, _k, wrapped) => {
    checkNumArgs(nargs, 1);
    return (wrapped as (a: PyObject, b: PyObject, op: number) => PyObject)(self, args[start]!, op);
  };
}

const wrapNext: WrapperFn = (self, _a, _s, nargs, _k, wrapped) => {
  checkNumArgs(nargs, 0);
  const res = (wrapped as (o: PyObject) => PyObject | null)(self);
  if (res === null) raiseOwned(newExceptionFromOwnedArgs(StopIterationType, newRef(EMPTY_TUPLE)));
  return res;
};

const wrapDescrGet: WrapperFn = (self, args, start, nargs, _k, wrapped) => {
  unpackRange(nargs, 1, 2);
  let obj: PyObject | null = args[start]!;
  let type: PyObject | null = nargs === 2 ? args[start + 1]! : null;
  if (obj === None) obj = null;
  if (type === None) type = null;
  if (obj === null && type === null) raise(TypeErrorType, "__get__(None, None) is invalid");
  return (wrapped as (d: PyObject, o: PyObject | null, t: PyObject | null) => PyObject)(self, obj, type);
};

const wrapDescrSet: WrapperFn = (self, args, start, nargs, _k, wrapped) => {
  unpackRange(nargs, 2, 2);
  (wrapped as (d: PyObject, o: PyObject, v: PyObject | null) => void)(self, args[start]!, args[start + 1]!);
  return newRef(None);
};

const wrapDescrDelete: WrapperFn = (self, args, start, nargs, _k, wrapped) => {
  checkNumArgs(nargs, 1);
  (wrapped as (d: PyObject, o: PyObject, v: PyObject | null) => void)(self, args[start]!, null);
  return newRef(None);
};

/** Builds the (args tuple, kwargs dict) pair of a tp_init / tp_new call from vectorcall args. */
export function vectorcallToTupleDict(args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): [PyTuple, PyDict | null] {
  const tuple = nargs === 0 ? newRef(EMPTY_TUPLE) : tupleFromBorrowed(args.slice(start, start + nargs));
  let kwargs: PyDict | null = null;
  if (kwnames !== null && kwnames.items.length !== 0) {
    kwargs = newDict();
    const names = kwnames.items;
    for (let i = 0; i < names.length; i++) dictSetItem(kwargs, names[i]!, args[start + nargs + i]!);
  }
  return [tuple, kwargs];
}

const wrapInit: WrapperFn = (self, args, start, nargs, kwnames, wrapped) => {
  const [tuple, kwargs] = vectorcallToTupleDict(args, start, nargs, kwnames);
  try {
    (wrapped as (o: PyObject, a: PyTuple, k: PyDict | null) => void)(self, tuple, kwargs);
  } finally {
    decref(tuple);
    if (kwargs !== null) decref(kwargs);
  }
  return newRef(None);
};

// ---------------------------------------------------------------------------
// The table, in CPython's order (which decides the order of names in a static type's dict).

function row(name: string, slot: SlotField, wrapper: WrapperFn | null, doc = "", keywords = false, heapDispatch = true): SlotDef {
  return { name, slot, wrapper, keywords, heapDispatch, doc };
}

function binl(name: string, slot: SlotField, op: string): SlotDef {
  return row(name, slot, wrapBinaryL, `Return self${op}value.`);
}

function binr(name: string, slot: SlotField, op: string): SlotDef {
  return row(name, slot, wrapBinaryR, `Return value${op}self.`);
}

function ibin(name: string, slot: SlotField, op: string, wrapper: WrapperFn = wrapBinaryL): SlotDef {
  return row(name, slot, wrapper, `Return self${op}value.`);
}

export const SLOTDEFS: readonly SlotDef[] = [
  row("__repr__", "repr", wrapUnary, "Return repr(self)."),
  row("__hash__", "hash", wrapHash, "Return hash(self)."),
  row("__call__", "call", wrapCall, "Call self as a function.", true),
  row("__str__", "str", wrapUnary, "Return str(self)."),
  row("__getattribute__", "getattro", wrapGetAttr, "Return getattr(self, name)."),
  row("__getattr__", "getattro", null),
  row("__setattr__", "setattro", wrapSetAttr, "Implement setattr(self, name, value)."),
  row("__delattr__", "setattro", wrapDelAttr, "Implement delattr(self, name)."),
  row("__lt__", "richcompare", richcmpWrapper(CMP_LT), "Return self<value."),
  row("__le__", "richcompare", richcmpWrapper(CMP_LE), "Return self<=value."),
  row("__eq__", "richcompare", richcmpWrapper(CMP_EQ), "Return self==value."),
  row("__ne__", "richcompare", richcmpWrapper(CMP_NE), "Return self!=value."),
  row("__gt__", "richcompare", richcmpWrapper(CMP_GT), "Return self>value."),
  row("__ge__", "richcompare", richcmpWrapper(CMP_GE), "Return self>=value."),
  row("__iter__", "iter", wrapUnary, "Implement iter(self)."),
  row("__next__", "iternext", wrapNext, "Implement next(self)."),
  row("__get__", "descrGet", wrapDescrGet, "Return an attribute of instance, which is of type owner."),
  row("__set__", "descrSet", wrapDescrSet, "Set an attribute of instance to value."),
  row("__delete__", "descrSet", wrapDescrDelete, "Delete an attribute of instance."),
  row("__init__", "init", wrapInit, "Initialize self.  See help(type(self)) for accurate signature.", true),
  row("__new__", "new_", null, "Create and return new object.  See help(type) for accurate signature."),
  row("__del__", "finalize", wrapDel),
  binl("__add__", "nbAdd", "+"),
  binr("__radd__", "nbAdd", "+"),
  binl("__sub__", "nbSubtract", "-"),
  binr("__rsub__", "nbSubtract", "-"),
  binl("__mul__", "nbMultiply", "*"),
  binr("__rmul__", "nbMultiply", "*"),
  binl("__mod__", "nbRemainder", "%"),
  binr("__rmod__", "nbRemainder", "%"),
  row("__divmod__", "nbDivmod", wrapBinaryL, "Return divmod(self, value)."),
  row("__rdivmod__", "nbDivmod", wrapBinaryR, "Return divmod(value, self)."),
  row("__pow__", "nbPower", wrapTernary, "Return pow(self, value, mod)."),
  row("__rpow__", "nbPower", wrapTernaryR, "Return pow(value, self, mod)."),
  row("__neg__", "nbNegative", wrapUnary, "-self"),
  row("__pos__", "nbPositive", wrapUnary, "+self"),
  row("__abs__", "nbAbsolute", wrapUnary, "abs(self)"),
  row("__bool__", "nbBool", wrapInquiry, "True if self else False"),
  row("__invert__", "nbInvert", wrapUnary, "~self"),
  binl("__lshift__", "nbLshift", "<<"),
  binr("__rlshift__", "nbLshift", "<<"),
  binl("__rshift__", "nbRshift", ">>"),
  binr("__rrshift__", "nbRshift", ">>"),
  binl("__and__", "nbAnd", "&"),
  binr("__rand__", "nbAnd", "&"),
  binl("__xor__", "nbXor", "^"),
  binr("__rxor__", "nbXor", "^"),
  binl("__or__", "nbOr", "|"),
  binr("__ror__", "nbOr", "|"),
  row("__int__", "nbInt", wrapUnary, "int(self)"),
  row("__float__", "nbFloat", wrapUnary, "float(self)"),
  ibin("__iadd__", "nbInplaceAdd", "+="),
  ibin("__isub__", "nbInplaceSubtract", "-="),
  ibin("__imul__", "nbInplaceMultiply", "*="),
  ibin("__imod__", "nbInplaceRemainder", "%="),
  ibin("__ipow__", "nbInplacePower", "**=", wrapTernary),
  ibin("__ilshift__", "nbInplaceLshift", "<<="),
  ibin("__irshift__", "nbInplaceRshift", ">>="),
  ibin("__iand__", "nbInplaceAnd", "&="),
  ibin("__ixor__", "nbInplaceXor", "^="),
  ibin("__ior__", "nbInplaceOr", "|="),
  binl("__floordiv__", "nbFloorDivide", "//"),
  binr("__rfloordiv__", "nbFloorDivide", "//"),
  binl("__truediv__", "nbTrueDivide", "/"),
  binr("__rtruediv__", "nbTrueDivide", "/"),
  ibin("__ifloordiv__", "nbInplaceFloorDivide", "//="),
  ibin("__itruediv__", "nbInplaceTrueDivide", "/="),
  row("__index__", "nbIndex", wrapUnary, "Return self converted to an integer, if self is suitable for use as an index into a list."),
  binl("__matmul__", "nbMatrixMultiply", "@"),
  binr("__rmatmul__", "nbMatrixMultiply", "@"),
  ibin("__imatmul__", "nbInplaceMatrixMultiply", "@="),
  row("__len__", "mpLength", wrapLen, "Return len(self)."),
  row("__getitem__", "mpSubscript", wrapBinaryL, "Return self[key]."),
  row("__setitem__", "mpAssSubscript", wrapObjObjArgProc, "Set self[key] to value."),
  row("__delitem__", "mpAssSubscript", wrapDelItem, "Delete self[key]."),
  row("__len__", "sqLength", wrapLen, "Return len(self)."),
  row("__add__", "sqConcat", wrapBinaryL, "Return self+value.", false, false),
  row("__mul__", "sqRepeat", wrapIndexArg, "Return self*value.", false, false),
  row("__rmul__", "sqRepeat", wrapIndexArg, "Return value*self.", false, false),
  row("__getitem__", "sqItem", wrapSqItem, "Return self[key]."),
  row("__contains__", "sqContains", wrapObjObjProc, "Return key in self."),
  row("__iadd__", "sqInplaceConcat", wrapBinaryL, "Implement self+=value.", false, false),
  row("__imul__", "sqInplaceRepeat", wrapIndexArg, "Implement self*=value.", false, false),
];

/** Rows by dunder name (a name can map to several slots). */
export const SLOTDEFS_BY_NAME: ReadonlyMap<string, readonly SlotDef[]> = (() => {
  const m = new Map<string, SlotDef[]>();
  for (const sd of SLOTDEFS) {
    let list = m.get(sd.name);
    if (list === undefined) {
      list = [];
      m.set(sd.name, list);
    }
    list.push(sd);
  }
  return m;
})();
