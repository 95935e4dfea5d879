// Objects/typeobject.c: the slot_* functions that make a class's dunder methods its slots
// (slot_tp_repr, slot_tp_hash, slot_tp_richcompare, slot_tp_getattr_hook, slot_tp_setattro,
// slot_tp_call, slot_tp_iter / iternext, slot_tp_descr_get / set, slot_tp_init, slot_tp_new,
// slot_tp_finalize, SLOT1BINFULL for the binary operators with their reflected forms, the
// in-place and unary number slots, slot_nb_bool, slot_sq_length, slot_mp_subscript,
// slot_sq_item, slot_sq_contains, slot_mp_ass_subscript), lookup_maybe_method,
// method_is_overloaded, update_one_slot, fixup_slot_dispatchers, update_slot.
//
// A heap type's slot either calls a builtin base's C function directly (when the dunder the
// MRO finds is that base's own slot wrapper), or is the generic slot_* function, which looks
// the dunder up on the type at each call and calls it.

import type { PyObject } from "./object.js";
import { decref, incref, newRef } from "./refcount.js";
import { PyType, TPFLAGS_HEAPTYPE, type BinarySlot } from "./type.js";
import { TPFLAGS_HAVE_VECTORCALL, TPFLAGS_METHOD_DESCRIPTOR } from "./typeroots.js";
import type { PyTuple } from "./tuple.js";
import type { PyDict } from "./dict.js";
import { dictGetItemStr, dictEntry, dictNext } from "./dict.js";
import { newStr, PyStr, staticStr } from "./str.js";
import { tupleFromBorrowed } from "./tuple.js";
import { None, NotImplemented } from "./singletons.js";
import { isBool, True } from "./bool.js";
import { intToBigInt, isInt, newInt, IntType, type PyInt } from "./int.js";
import {
  AttributeErrorType,
  exceptionMatches,
  OverflowErrorType,
  PyRaise,
  raise,
  StopIterationType,
  TypeErrorType,
  ValueErrorType,
} from "./exceptions.js";
import {
  callObject,
  getAttr,
  hashNotImplemented,
  isTrue,
  lookupAttr,
  numberIndex,
  numberAsSsize,
  richCompareBool,
  getIter,
  iterNext,
} from "./abstract.js";
import { CMP_EQ, CMP_NE } from "./type.js";
import { hashResult, bigIntToHash } from "./values/pyhash.js";
import { newSeqIter } from "./iterobject.js";
import { writeUnraisable } from "./finalize.js";
import { PyWrapperDescr } from "./descrobject.js";
import { isCFunction, type PyCFunction } from "./methodobject.js";
import { SLOTDEFS, SLOTDEFS_BY_NAME, type SlotDef, type SlotField } from "./slotdefs.js";
import { isFunctionLike } from "./funcdescr.js";
import { genericGetAttr, genericGetAttrOrNull, isTpNewWrapperDef, typeDictBorrowed, typeLookupBorrowed } from "./typeobject.js";

// ---------------------------------------------------------------------------
// Method lookup and calls.

/** The result of lookupMaybeMethod: whether `func` still needs `self` prepended. */
let lastUnbound = false;

/**
 * lookup_maybe_method: the dunder found on type(self) (new reference) or null. Functions
 * (method descriptors) are returned unbound, with lastUnbound = true; other descriptors
 * are bound through their __get__.
 */
function lookupMaybeMethod(self: PyObject, name: PyStr): PyObject | null {
  const res = typeLookupBorrowed(self.type, name);
  if (res === null) return null;
  // Functions are called unbound (no bound method is made), as for METHOD_DESCRIPTOR types.
  if ((res.type.flags & TPFLAGS_METHOD_DESCRIPTOR) !== 0 || isFunctionLike(res)) {
    lastUnbound = true;
    return newRef(res);
  }
  lastUnbound = false;
  const f = res.type.descrGet;
  if (f === null) return newRef(res);
  return f(res, self, self.type);
}

/** lookup_method: as lookupMaybeMethod, AttributeError(name) when missing. */
function lookupMethod(self: PyObject, name: PyStr): PyObject {
  const res = lookupMaybeMethod(self, name);
  if (res === null) raise(AttributeErrorType, name.value);
  return res;
}

/** Calls a looked-up method with self (when unbound) and `args`. */
function callUnbound(unbound: boolean, func: PyObject, self: PyObject, args: PyObject[]): PyObject {
  if (unbound) {
    const full = new Array<PyObject>(args.length + 1);
    full[0] = self;
    for (let i = 0; i < args.length; i++) full[i + 1] = args[i]!;
    return callObject(func, full, 0, full.length, null);
  }
  return callObject(func, args, 0, args.length, null);
}

const NO_ARGS: PyObject[] = [];

/** vectorcall_method: `type(self).name(self, *args)`; AttributeError when missing. */
function callMethod(self: PyObject, name: PyStr, args: PyObject[]): PyObject {
  const func = lookupMethod(self, name);
  const unbound = lastUnbound;
  try {
    return callUnbound(unbound, func, self, args);
  } finally {
    decref(func);
  }
}

/** vectorcall_maybe: as callMethod but NotImplemented when the type lacks the method. */
function callMaybe(self: PyObject, name: PyStr, args: PyObject[]): PyObject {
  const func = lookupMaybeMethod(self, name);
  if (func === null) return newRef(NotImplemented);
  const unbound = lastUnbound;
  try {
    return callUnbound(unbound, func, self, args);
  } finally {
    decref(func);
  }
}

// Interned dunder names (static strings: identity makes the type cache hit).
const N = (s: string): PyStr => staticStr(s);

// ---------------------------------------------------------------------------
// Object protocol slots.

export function slotTpRepr(self: PyObject): PyObject {
  const func = lookupMaybeMethod(self, N("__repr__"));
  if (func !== null) {
    const unbound = lastUnbound;
    try {
      return callUnbound(unbound, func, self, NO_ARGS);
    } finally {
      decref(func);
    }
  }
  return newStr(`<${self.type.name} object at 0x${self.address.toString(16)}>`);
}

export function slotTpStr(self: PyObject): PyObject {
  return callMethod(self, N("__str__"), NO_ARGS);
}

export function slotTpHash(self: PyObject): void {
  let func = lookupMaybeMethod(self, N("__hash__"));
  if (func === None) {
    decref(func);
    func = null;
  }
  if (func === null) {
    hashNotImplemented(self);
    return;
  }
  const unbound = lastUnbound;
  let res: PyObject;
  try {
    res = callUnbound(unbound, func, self, NO_ARGS);
  } finally {
    decref(func);
  }
  try {
    if (!isInt(res)) raise(TypeErrorType, "__hash__ method should return an integer");
    const big = intToBigInt(res as PyInt);
    if (big >= -9223372036854775808n && big <= 9223372036854775807n) {
      bigIntToHash(big);
      if (hashResult.hi === -1 && hashResult.lo === -1) hashResult.lo = -2;
    } else {
      // Out of Py_hash_t range: int's own hash mixes it.
      (IntType.hash as (o: PyObject) => void)(res);
    }
  } finally {
    decref(res);
  }
}

const RICHCMP_NAMES = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

export function slotTpRichcompare(self: PyObject, other: PyObject, op: number): PyObject {
  const func = lookupMaybeMethod(self, N(RICHCMP_NAMES[op]!));
  if (func === null) return newRef(NotImplemented);
  const unbound = lastUnbound;
  try {
    return callUnbound(unbound, func, self, [other]);
  } finally {
    decref(func);
  }
}

/** slot_tp_getattro: only __getattribute__ is defined. */
export function slotTpGetattro(self: PyObject, name: PyStr): PyObject {
  return callMethod(self, N("__getattribute__"), [name]);
}

/** call_attribute: bind `attr` to self if it is a descriptor, then call it with the name. */
function callAttribute(self: PyObject, attr: PyObject, name: PyStr): PyObject {
  const f = attr.type.descrGet;
  if (f !== null) {
    const bound = f(attr, self, self.type);
    try {
      return callObject(bound, [name], 0, 1, null);
    } finally {
      decref(bound);
    }
  }
  return callObject(attr, [name], 0, 1, null);
}

/** slot_tp_getattr_hook: __getattribute__ (or the generic lookup), then __getattr__ on AttributeError. */
export function slotTpGetattrHook(self: PyObject, name: PyStr): PyObject {
  const tp = self.type;
  const getattr = typeLookupBorrowed(tp, N("__getattr__"));
  if (getattr === null) {
    // No __getattr__ hook: use the simpler dispatcher from now on.
    tp.getattro = slotTpGetattro;
    return slotTpGetattro(self, name);
  }
  incref(getattr);
  try {
    const getattribute = typeLookupBorrowed(tp, N("__getattribute__"));
    let res: PyObject | null;
    if (getattribute === null || (getattribute instanceof PyWrapperDescr && getattribute.wrapped === genericGetAttr)) {
      res = genericGetAttrOrNull(self, name);
    } else {
      incref(getattribute);
      try {
        res = callAttribute(self, getattribute, name);
      } catch (e) {
        if (!(e instanceof PyRaise) || !exceptionMatches(e.exception, AttributeErrorType)) throw e;
        decref(e.exception);
        res = null;
      } finally {
        decref(getattribute);
      }
    }
    if (res !== null) return res;
    return callAttribute(self, getattr, name);
  } finally {
    decref(getattr);
  }
}

export function slotTpSetattro(self: PyObject, name: PyStr, value: PyObject | null): void {
  const res = value === null ? callMethod(self, N("__delattr__"), [name]) : callMethod(self, N("__setattr__"), [name, value]);
  decref(res);
}

export function slotTpCall(callable: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const meth = lookupMethod(callable, N("__call__"));
  const unbound = lastUnbound;
  try {
    if (!unbound) return callObject(meth, args, start, nargs, kwnames);
    const total = nargs + (kwnames === null ? 0 : kwnames.items.length);
    const full = new Array<PyObject>(total + 1);
    full[0] = callable;
    for (let i = 0; i < total; i++) full[i + 1] = args[start + i]!;
    return callObject(meth, full, 0, nargs + 1, kwnames);
  } finally {
    decref(meth);
  }
}

export function slotTpIter(self: PyObject): PyObject {
  const func = lookupMaybeMethod(self, N("__iter__"));
  if (func === None) {
    decref(func);
    raise(TypeErrorType, `'${self.type.name}' object is not iterable`);
  }
  if (func !== null) {
    const unbound = lastUnbound;
    try {
      return callUnbound(unbound, func, self, NO_ARGS);
    } finally {
      decref(func);
    }
  }
  const getitem = lookupMaybeMethod(self, N("__getitem__"));
  if (getitem === null) raise(TypeErrorType, `'${self.type.name}' object is not iterable`);
  decref(getitem);
  return newSeqIter(self);
}

/** slot_tp_iternext: __next__; StopIteration becomes the protocol's null. */
export function slotTpIternext(self: PyObject): PyObject | null {
  try {
    return callMethod(self, N("__next__"), NO_ARGS);
  } catch (e) {
    if (e instanceof PyRaise && exceptionMatches(e.exception, StopIterationType)) {
      decref(e.exception);
      return null;
    }
    throw e;
  }
}

export function slotTpDescrGet(self: PyObject, obj: PyObject | null, type: PyObject | null): PyObject {
  const tp = self.type;
  const get = typeLookupBorrowed(tp, N("__get__"));
  if (get === null) {
    if (tp.descrGet === slotTpDescrGet) tp.descrGet = null;
    return newRef(self);
  }
  incref(get);
  try {
    return callObject(get, [self, obj ?? None, type ?? None], 0, 3, null);
  } finally {
    decref(get);
  }
}

export function slotTpDescrSet(self: PyObject, target: PyObject, value: PyObject | null): void {
  const res = value === null ? callMethod(self, N("__delete__"), [target]) : callMethod(self, N("__set__"), [target, value]);
  decref(res);
}

export function slotTpInit(self: PyObject, args: PyTuple, kwargs: PyDict | null): void {
  const meth = lookupMethod(self, N("__init__"));
  const unbound = lastUnbound;
  let res: PyObject;
  try {
    res = callWithTupleDict(meth, unbound ? self : null, args, kwargs);
  } finally {
    decref(meth);
  }
  if (res !== None) {
    const name = res.type.name;
    decref(res);
    raise(TypeErrorType, `__init__() should return None, not '${name}'`);
  }
  decref(res);
}

/** _PyObject_Call_Prepend / _PyObject_Call with a tuple and dict. */
function callWithTupleDict(func: PyObject, prepend: PyObject | null, args: PyTuple, kwargs: PyDict | null): PyObject {
  const values: PyObject[] = [];
  if (prepend !== null) values.push(prepend);
  for (const a of args.items) values.push(a);
  const nargs = values.length;
  let kwnames: PyTuple | null = null;
  if (kwargs !== null) {
    const names: PyObject[] = [];
    for (let pos = dictNext(kwargs, 0); pos >= 0; pos = dictNext(kwargs, pos)) {
      names.push(dictEntry.key!);
      values.push(dictEntry.value!);
    }
    if (names.length !== 0) kwnames = tupleFromBorrowed(names);
  }
  try {
    return callObject(func, values, 0, nargs, kwnames);
  } finally {
    if (kwnames !== null) decref(kwnames);
  }
}

/** slot_tp_new: type.__new__(type, *args, **kwargs) through the class's __new__. */
export function slotTpNew(type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  const func = getAttr(type, N("__new__"));
  try {
    return callWithTupleDict(func, type, args, kwargs);
  } finally {
    decref(func);
  }
}

/** slot_tp_finalize: __del__, errors to the unraisable hook naming the __del__ function. */
export function slotTpFinalize(self: PyObject): void {
  const del = lookupMaybeMethod(self, N("__del__"));
  if (del === null) return;
  const unbound = lastUnbound;
  try {
    const res = callUnbound(unbound, del, self, NO_ARGS);
    decref(res);
  } catch (e) {
    writeUnraisable(e, del);
  } finally {
    decref(del);
  }
}

// ---------------------------------------------------------------------------
// Number slots.

/** method_is_overloaded: does type(right) define `name` differently from type(left)? */
function methodIsOverloaded(left: PyObject, right: PyObject, name: PyStr): boolean {
  const b = lookupAttr(right.type, name);
  if (b === null) return false;
  try {
    const a = lookupAttr(left.type, name);
    if (a === null) return true;
    try {
      return richCompareBool(a, b, CMP_NE);
    } finally {
      decref(a);
    }
  } finally {
    decref(b);
  }
}

/** SLOT1BINFULL: `opName`/`ropName` with the subclass-first rule, for the slot `field`. */
function binaryFull(field: BinaryField, opName: string, ropName: string): BinarySlot {
  // The name objects are made on first use: str.ts may not be loaded when this runs.
  let op: PyStr | null = null;
  let rop: PyStr | null = null;
  const fn = (self: PyObject, other: PyObject): PyObject => {
    if (op === null || rop === null) {
      op = N(opName);
      rop = N(ropName);
    }
    const st = self.type;
    const ot = other.type;
    let doOther = st !== ot && ot[field] === fn;
    if (st[field] === fn) {
      if (doOther && ot.isSubtypeOf(st) && methodIsOverloaded(self, other, rop)) {
        const r = callMaybe(other, rop, [self]);
        if (r !== NotImplemented) return r;
        decref(r);
        doOther = false;
      }
      const r = callMaybe(self, op, [other]);
      if (r !== NotImplemented || ot === st) return r;
      decref(r);
    }
    if (doOther) return callMaybe(other, rop, [self]);
    return newRef(NotImplemented);
  };
  return fn;
}

type BinaryField =
  | "nbAdd" | "nbSubtract" | "nbMultiply" | "nbRemainder" | "nbDivmod" | "nbLshift" | "nbRshift"
  | "nbAnd" | "nbXor" | "nbOr" | "nbFloorDivide" | "nbTrueDivide" | "nbMatrixMultiply";

/** slot_nb_power: three-argument pow never uses __rpow__. */
export function slotNbPower(self: PyObject, other: PyObject, modulus: PyObject): PyObject {
  if (modulus === None) return powerBinary(self, other);
  if (self.type.nbPower === slotNbPower) return callMethod(self, N("__pow__"), [other, modulus]);
  return newRef(NotImplemented);
}

function powerBinary(self: PyObject, other: PyObject): PyObject {
  // SLOT1BINFULL keyed on nb_power (the TESTFUNC is slotNbPower itself).
  const st = self.type;
  const ot = other.type;
  let doOther = st !== ot && ot.nbPower === slotNbPower;
  if (st.nbPower === slotNbPower) {
    if (doOther && ot.isSubtypeOf(st) && methodIsOverloaded(self, other, N("__rpow__"))) {
      const r = callMaybe(other, N("__rpow__"), [self]);
      if (r !== NotImplemented) return r;
      decref(r);
      doOther = false;
    }
    const r = callMaybe(self, N("__pow__"), [other]);
    if (r !== NotImplemented || ot === st) return r;
    decref(r);
  }
  if (doOther) return callMaybe(other, N("__rpow__"), [self]);
  return newRef(NotImplemented);
}

function unarySlot(name: string): (self: PyObject) => PyObject {
  return (self) => callMethod(self, N(name), NO_ARGS);
}

function inplaceSlot(name: string): BinarySlot {
  return (self, other) => callMethod(self, N(name), [other]);
}

export function slotNbInplacePower(self: PyObject, other: PyObject): PyObject {
  return callMethod(self, N("__ipow__"), [other]);
}

export function slotNbBool(self: PyObject): boolean {
  let usingLen = false;
  let func = lookupMaybeMethod(self, N("__bool__"));
  if (func === null) {
    func = lookupMaybeMethod(self, N("__len__"));
    if (func === null) return true;
    usingLen = true;
  }
  const unbound = lastUnbound;
  let value: PyObject;
  try {
    value = callUnbound(unbound, func, self, NO_ARGS);
  } finally {
    decref(func);
  }
  try {
    if (usingLen) return isTrue(value);
    if (isBool(value)) return value === True;
    raise(TypeErrorType, `__bool__ should return bool, returned ${value.type.name}`);
  } finally {
    decref(value);
  }
}

// ---------------------------------------------------------------------------
// Sequence and mapping slots.

export function slotSqLength(self: PyObject): number {
  const res = callMethod(self, N("__len__"), NO_ARGS);
  let index: PyInt;
  try {
    index = numberIndex(res);
  } finally {
    decref(res);
  }
  try {
    if (intToBigInt(index) < 0n) raise(ValueErrorType, "__len__() should return >= 0");
    return numberAsSsize(index, OverflowErrorType);
  } finally {
    decref(index);
  }
}

export function slotMpSubscript(self: PyObject, key: PyObject): PyObject {
  return callMethod(self, N("__getitem__"), [key]);
}

export function slotSqItem(self: PyObject, i: number): PyObject {
  const ival = newInt(i);
  try {
    return callMethod(self, N("__getitem__"), [ival]);
  } finally {
    decref(ival);
  }
}

export function slotMpAssSubscript(self: PyObject, key: PyObject, value: PyObject | null): void {
  const res = value === null ? callMethod(self, N("__delitem__"), [key]) : callMethod(self, N("__setitem__"), [key, value]);
  decref(res);
}

export function slotSqContains(self: PyObject, value: PyObject): boolean {
  const func = lookupMaybeMethod(self, N("__contains__"));
  if (func === None) {
    decref(func);
    raise(TypeErrorType, `'${self.type.name}' object is not a container`);
  }
  if (func !== null) {
    const unbound = lastUnbound;
    let res: PyObject;
    try {
      res = callUnbound(unbound, func, self, [value]);
    } finally {
      decref(func);
    }
    try {
      return isTrue(res);
    } finally {
      decref(res);
    }
  }
  // _PySequence_IterSearch(PY_ITERSEARCH_CONTAINS)
  const it = getIter(self);
  try {
    for (let x = iterNext(it); x !== null; x = iterNext(it)) {
      const eq = richCompareBool(x, value, CMP_EQ);
      decref(x);
      if (eq) return true;
    }
    return false;
  } finally {
    decref(it);
  }
}

// ---------------------------------------------------------------------------
// The generic function of each slot (slotdefs' FUNCTION column).

const GENERIC: Partial<Record<SlotField, unknown>> = {
  repr: slotTpRepr,
  hash: slotTpHash,
  call: slotTpCall,
  str: slotTpStr,
  getattro: slotTpGetattrHook,
  setattro: slotTpSetattro,
  richcompare: slotTpRichcompare,
  iter: slotTpIter,
  iternext: slotTpIternext,
  descrGet: slotTpDescrGet,
  descrSet: slotTpDescrSet,
  init: slotTpInit,
  new_: slotTpNew,
  finalize: slotTpFinalize,
  nbAdd: binaryFull("nbAdd", "__add__", "__radd__"),
  nbSubtract: binaryFull("nbSubtract", "__sub__", "__rsub__"),
  nbMultiply: binaryFull("nbMultiply", "__mul__", "__rmul__"),
  nbRemainder: binaryFull("nbRemainder", "__mod__", "__rmod__"),
  nbDivmod: binaryFull("nbDivmod", "__divmod__", "__rdivmod__"),
  nbPower: slotNbPower,
  nbNegative: unarySlot("__neg__"),
  nbPositive: unarySlot("__pos__"),
  nbAbsolute: unarySlot("__abs__"),
  nbBool: slotNbBool,
  nbInvert: unarySlot("__invert__"),
  nbLshift: binaryFull("nbLshift", "__lshift__", "__rlshift__"),
  nbRshift: binaryFull("nbRshift", "__rshift__", "__rrshift__"),
  nbAnd: binaryFull("nbAnd", "__and__", "__rand__"),
  nbXor: binaryFull("nbXor", "__xor__", "__rxor__"),
  nbOr: binaryFull("nbOr", "__or__", "__ror__"),
  nbInt: unarySlot("__int__"),
  nbFloat: unarySlot("__float__"),
  nbInplaceAdd: inplaceSlot("__iadd__"),
  nbInplaceSubtract: inplaceSlot("__isub__"),
  nbInplaceMultiply: inplaceSlot("__imul__"),
  nbInplaceRemainder: inplaceSlot("__imod__"),
  nbInplacePower: slotNbInplacePower,
  nbInplaceLshift: inplaceSlot("__ilshift__"),
  nbInplaceRshift: inplaceSlot("__irshift__"),
  nbInplaceAnd: inplaceSlot("__iand__"),
  nbInplaceXor: inplaceSlot("__ixor__"),
  nbInplaceOr: inplaceSlot("__ior__"),
  nbFloorDivide: binaryFull("nbFloorDivide", "__floordiv__", "__rfloordiv__"),
  nbTrueDivide: binaryFull("nbTrueDivide", "__truediv__", "__rtruediv__"),
  nbInplaceFloorDivide: inplaceSlot("__ifloordiv__"),
  nbInplaceTrueDivide: inplaceSlot("__itruediv__"),
  nbIndex: unarySlot("__index__"),
  nbMatrixMultiply: binaryFull("nbMatrixMultiply", "__matmul__", "__rmatmul__"),
  nbInplaceMatrixMultiply: inplaceSlot("__imatmul__"),
  mpLength: slotSqLength,
  mpSubscript: slotMpSubscript,
  mpAssSubscript: slotMpAssSubscript,
  sqLength: slotSqLength,
  sqItem: slotSqItem,
  sqContains: slotSqContains,
};

/** The generic slot function for `field` (null for the sq_concat-style rows). */
export function genericSlotFunction(sd: SlotDef): unknown {
  if (!sd.heapDispatch) return null;
  return GENERIC[sd.slot] ?? null;
}

/** is_dunder_name */
export function isDunderName(name: string): boolean {
  const n = name.length;
  return n > 4 && name.charCodeAt(0) === 95 && name.charCodeAt(1) === 95 && name.charCodeAt(n - 1) === 95 && name.charCodeAt(n - 2) === 95;
}

/** find_name_in_mro without the cache (type setup must not fill it with half-made entries). */
function findNameInMroUncached(type: PyType, name: PyStr): PyObject | null {
  for (const b of type.mroList) {
    const v = dictGetItemStr(typeDictBorrowed(b), name);
    if (v !== null) return v;
  }
  return null;
}

/** resolve_slotdups: the one slot among a name's rows that the type has set, or null. */
function resolveSlotdups(type: PyType, name: string): SlotField | null {
  const rows = SLOTDEFS_BY_NAME.get(name) ?? [];
  let res: SlotField | null = null;
  const rec = type as unknown as Record<string, unknown>;
  for (const sd of rows) {
    if (rec[sd.slot] === null) continue;
    if (res !== null) return null;
    res = sd.slot;
  }
  return res;
}

/**
 * update_one_slot: sets the slot of the group starting at SLOTDEFS[start] and returns the
 * index after the group.
 */
function updateOneSlot(type: PyType, start: number): number {
  const field = SLOTDEFS[start]!.slot;
  const rec = type as unknown as Record<string, unknown>;
  let specific: unknown = null;
  let generic: unknown = null;
  let useGeneric = false;
  let i = start;
  for (; i < SLOTDEFS.length && SLOTDEFS[i]!.slot === field; i++) {
    const p = SLOTDEFS[i]!;
    const name = N(p.name);
    const descr = findNameInMroUncached(type, name);
    if (descr === null) continue;
    if (descr instanceof PyWrapperDescr && descr.slotdef.name === p.name) {
      const tptr = resolveSlotdups(type, p.name);
      if (tptr === null || tptr === field) generic = genericSlotFunction(p);
      if ((specific === null || specific === descr.wrapped) && descr.slotdef.wrapper === p.wrapper && type.isSubtypeOf(descr.owner)) {
        specific = descr.wrapped;
      } else {
        useGeneric = true;
      }
    } else if (isCFunction(descr) && (descr as PyCFunction).def.name === "__new__" && field === "new_" && isTpNewWrapper(descr as PyCFunction)) {
      specific = type.new_;
    } else if (descr === None && field === "hash") {
      specific = hashNotImplemented;
    } else {
      useGeneric = true;
      generic = genericSlotFunction(p);
      if (field === "call") type.flags &= ~TPFLAGS_HAVE_VECTORCALL;
    }
  }
  rec[field] = specific !== null && !useGeneric ? specific : generic;
  return i;
}

function isTpNewWrapper(f: PyCFunction): boolean {
  return isTpNewWrapperDef(f.def);
}

/** fixup_slot_dispatchers: every slot of a new heap type from its (and its bases') dunders. */
export function fixupSlotDispatchers(type: PyType): void {
  for (let i = 0; i < SLOTDEFS.length; ) i = updateOneSlot(type, i);
}

/** update_slot: `type.name` changed; update the slots of `type` and of subclasses not overriding it. */
export function updateSlot(type: PyType, name: string): void {
  const rows = SLOTDEFS_BY_NAME.get(name);
  if (rows === undefined) return;
  const starts: number[] = [];
  for (const sd of rows) {
    let i = SLOTDEFS.indexOf(sd);
    while (i > 0 && SLOTDEFS[i - 1]!.slot === sd.slot) i--;
    if (starts.indexOf(i) < 0) starts.push(i);
  }
  updateSubclasses(type, N(name), starts);
}

function updateSubclasses(type: PyType, name: PyStr, starts: number[]): void {
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) for (const s of starts) updateOneSlot(type, s);
  for (const sub of type.subclasses) {
    const d = sub.dict;
    if (d !== null && dictGetItemStr(d, name) !== null) continue;
    updateSubclasses(sub, name, starts);
  }
}
