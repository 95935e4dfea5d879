// Objects/abstract.c: PyNumber_* (binary_op1, ternary_op, binary_iop, sequence_repeat),
// PyObject_GetItem / SetItem / DelItem, PyObject_Size, PyObject_LengthHint, PyObject_GetIter,
// PyIter_Next, PyNumber_Index / AsSsize_t, PyObject_Format, PyObject_IsInstance /
// IsSubclass; Objects/object.c: PyObject_Repr / Str, PyObject_RichCompare(Bool),
// PyObject_Hash, PyObject_IsTrue, PyObject_GetAttr / SetAttr, Py_ReprEnter / Leave,
// Py_EnterRecursiveCall; Objects/call.c: PyObject_Vectorcall and friends.
//
// The generic protocols every other file goes through. Dispatch rules and messages are
// CPython's; the fast path of each function is one slot call.

import { PyObject } from "./object.js";
import { decref, incref, newRef } from "./refcount.js";
import {
  CMP_EQ,
  CMP_GE,
  CMP_GT,
  CMP_LE,
  CMP_LT,
  CMP_NE,
  PyType,
  TPFLAGS_LONG_SUBCLASS,
  TPFLAGS_TUPLE_SUBCLASS,
  TPFLAGS_UNICODE_SUBCLASS,
  type BinarySlot,
  type TernarySlot,
} from "./type.js";
import { hashNotImplemented, installHashNotImplemented, isTypeObject, TPFLAGS_HAVE_VECTORCALL, TypeType } from "./typeroots.js";
import {
  AttributeErrorType,
  IndexErrorType,
  OverflowErrorType,
  PyRaise,
  raise,
  RecursionErrorType,
  SystemErrorType,
  TypeErrorType,
  ValueErrorType,
  exceptionMatches,
} from "./exceptions.js";
import { internStrObject, newStr, NOT_INTERNED, PyStr, staticStr as staticName, StrType } from "./str.js";
import { False, True } from "./bool.js";
import { None, NotImplemented } from "./singletons.js";
import { IntType, intToBigInt, isInt, PyInt } from "./int.js";
import { EMPTY_TUPLE, PyTuple, tupleFromOwned } from "./tuple.js";
import { hashResult } from "./values/pyhash.js";
import { isCFunction } from "./methodobject.js";
import { genericGetAttr, genericGetAttrOrNull, lookupSpecial, typeGetAttr, typeGetAttrOrNull, typeLookupBorrowed } from "./typeobject.js";
import { newSeqIter } from "./iterobject.js";
import { dictEntry, dictNext, type PyDict } from "./dict.js";

// ---------------------------------------------------------------------------
// Recursion guard (Py_EnterRecursiveCall). In 3.11 C recursion and Python frames share one
// counter; the interpreter can make these functions use its own (setRecursionGuard).

export const recursionState = {
  depth: 0,
  /** sys.getrecursionlimit() */
  limit: 1000,
};

function defaultEnter(where: string): void {
  if (++recursionState.depth > recursionState.limit) {
    recursionState.depth--;
    raise(RecursionErrorType, `maximum recursion depth exceeded${where}`);
  }
}

function defaultLeave(): void {
  recursionState.depth--;
}

let enterImpl: (where: string) => void = defaultEnter;
let leaveImpl: () => void = defaultLeave;

/** The interpreter installs guards that charge its thread state's recursion budget. */
export function setRecursionGuard(enter: (where: string) => void, leave: () => void): void {
  enterImpl = enter;
  leaveImpl = leave;
}

/** Py_EnterRecursiveCall(where): RecursionError "maximum recursion depth exceeded<where>". */
export function enterRecursiveCall(where: string): void {
  enterImpl(where);
}

export function leaveRecursiveCall(): void {
  leaveImpl();
}

// ---------------------------------------------------------------------------
// Names used in messages.

export function typeName(o: PyObject): string {
  return o.type.name;
}

// ---------------------------------------------------------------------------
// repr / str / Py_ReprEnter.

/** PyObject_Repr: a new str reference. */
export function objectRepr(o: PyObject): PyStr {
  const slot = o.type.repr;
  if (slot === null) return newStr(`<${o.type.name} object at 0x${o.address.toString(16)}>`);
  enterRecursiveCall(" while getting the repr of an object");
  let res: PyObject;
  try {
    res = slot(o);
  } finally {
    leaveRecursiveCall();
  }
  if (!(res.type.flags & TPFLAGS_UNICODE_SUBCLASS)) {
    const name = res.type.name;
    decref(res);
    raise(TypeErrorType, `__repr__ returned non-string (type ${name})`);
  }
  return res as PyStr;
}

/** PyObject_Str: a new str reference. */
export function objectStr(o: PyObject): PyStr {
  if (o.type === StrType) return newRef(o as PyStr);
  const slot = o.type.str;
  if (slot === null) return objectRepr(o);
  enterRecursiveCall(" while getting the str of an object");
  let res: PyObject;
  try {
    res = slot(o);
  } finally {
    leaveRecursiveCall();
  }
  if (!(res.type.flags & TPFLAGS_UNICODE_SUBCLASS)) {
    const name = res.type.name;
    decref(res);
    raise(TypeErrorType, `__str__ returned non-string (type ${name})`);
  }
  return res as PyStr;
}

/** PyObject_ASCII: repr() with non-ASCII characters escaped (\xNN, \uNNNN, \UNNNNNNNN). */
export function objectAscii(o: PyObject): PyStr {
  const r = objectRepr(o);
  const text = r.value;
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return r;
  decref(r);
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 128) out += ch;
    else if (c <= 0xff) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c <= 0xffff) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += "\\U" + c.toString(16).padStart(8, "0");
  }
  return newStr(out);
}

/** Text of repr(o). */
export function reprText(o: PyObject): string {
  const r = objectRepr(o);
  const text = r.value;
  decref(r);
  return text;
}

export function strText(o: PyObject): string {
  const s = objectStr(o);
  const text = s.value;
  decref(s);
  return text;
}

// Py_ReprEnter / Py_ReprLeave live in reprenter.ts (a list in the thread state dict).
export { reprEnter, reprLeave } from "./reprenter.js";

// ---------------------------------------------------------------------------
// Hashing and truth.

/** PyObject_Hash: writes hashResult {hi, lo}; TypeError "unhashable type: 'list'". */
export function objectHash(o: PyObject): void {
  const slot = o.type.hash;
  if (slot === null) raise(TypeErrorType, `unhashable type: '${o.type.name}'`);
  slot(o);
}

function hashNotImplementedImpl(o: PyObject): void {
  raise(TypeErrorType, `unhashable type: '${o.type.name}'`);
}
installHashNotImplemented(hashNotImplementedImpl);

/** PyObject_HashNotImplemented, for types that set __hash__ = None (tp_hash). */
export { hashNotImplemented };

/** PyObject_IsTrue */
export function isTrue(o: PyObject): boolean {
  if (o === True) return true;
  if (o === False || o === None) return false;
  const t = o.type;
  if (t.nbBool !== null) return t.nbBool(o);
  if (t.mpLength !== null) return t.mpLength(o) !== 0;
  if (t.sqLength !== null) return t.sqLength(o) !== 0;
  return true;
}

/** PyObject_Not */
export function isFalse(o: PyObject): boolean {
  return !isTrue(o);
}

// ---------------------------------------------------------------------------
// Rich comparison.

const SWAPPED_OP = [CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE];
export const COMPARE_OP_SYMBOLS = ["<", "<=", "==", "!=", ">", ">="];

/** do_richcompare: reflected operand first when it is a strict subclass with its own slot. */
function doRichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  const vt = v.type;
  const wt = w.type;
  let checkedReverse = false;
  if (vt !== wt && wt.richcompare !== null && wt.isSubtypeOf(vt)) {
    checkedReverse = true;
    const res = wt.richcompare(w, v, SWAPPED_OP[op]!);
    if (res !== NotImplemented) return res;
    decref(res);
  }
  if (vt.richcompare !== null) {
    const res = vt.richcompare(v, w, op);
    if (res !== NotImplemented) return res;
    decref(res);
  }
  if (!checkedReverse && wt.richcompare !== null) {
    const res = wt.richcompare(w, v, SWAPPED_OP[op]!);
    if (res !== NotImplemented) return res;
    decref(res);
  }
  switch (op) {
    case CMP_EQ:
      return newRef(v === w ? True : False);
    case CMP_NE:
      return newRef(v !== w ? True : False);
    default:
      raise(TypeErrorType, `'${COMPARE_OP_SYMBOLS[op]}' not supported between instances of '${vt.name}' and '${wt.name}'`);
  }
}

/** PyObject_RichCompare: a new reference (any object, usually a bool). */
export function richCompare(v: PyObject, w: PyObject, op: number): PyObject {
  enterRecursiveCall(" in comparison");
  try {
    return doRichCompare(v, w, op);
  } finally {
    leaveRecursiveCall();
  }
}

/** PyObject_RichCompareBool: identity implies equality for == and !=. */
export function richCompareBool(v: PyObject, w: PyObject, op: number): boolean {
  if (v === w) {
    if (op === CMP_EQ) return true;
    if (op === CMP_NE) return false;
  }
  const res = richCompare(v, w, op);
  if (res === True) {
    decref(res);
    return true;
  }
  if (res === False) {
    decref(res);
    return false;
  }
  try {
    return isTrue(res);
  } finally {
    decref(res);
  }
}

// ---------------------------------------------------------------------------
// Attributes.

function checkAttrName(name: PyObject): void {
  if (!(name.type.flags & TPFLAGS_UNICODE_SUBCLASS)) {
    raise(TypeErrorType, `attribute name must be string, not '${name.type.name}'`);
  }
}

/** PyObject_GetAttr: a new reference; AttributeError when missing. */
export function getAttr(o: PyObject, name: PyStr): PyObject {
  const slot = o.type.getattro;
  if (slot !== null) return slot(o, name);
  checkAttrName(name);
  raise(AttributeErrorType, `'${o.type.name}' object has no attribute '${name.value}'`);
}

/** getattr() with any object as the name (checks it is a str first). */
export function getAttrChecked(o: PyObject, name: PyObject): PyObject {
  checkAttrName(name);
  return getAttr(o, name as PyStr);
}

/** _PyObject_LookupAttr: the attribute (new reference) or null when it raises AttributeError. */
export function lookupAttr(o: PyObject, name: PyStr): PyObject | null {
  // No exception object is allocated for a missing name: the generic lookup is asked not to
  // make one (as 3.11 does), and type_getattro's PyErr_Format is cleared before anything
  // normalizes it, so CPython never builds that AttributeError either.
  // A descriptor found on the way (a property, type.__abstractmethods__) may still raise
  // AttributeError itself; that one is cleared as well.
  const slot = o.type.getattro;
  try {
    if (slot === genericGetAttr) return genericGetAttrOrNull(o, name);
    if (slot === typeGetAttr) return typeGetAttrOrNull(o as PyType, name);
    return getAttr(o, name);
  } catch (e) {
    if (e instanceof PyRaise && exceptionMatches(e.exception, AttributeErrorType)) {
      decref(e.exception);
      return null;
    }
    throw e;
  }
}

/** PyObject_HasAttr */
export function hasAttr(o: PyObject, name: PyStr): boolean {
  const v = lookupAttr(o, name);
  if (v === null) return false;
  decref(v);
  return true;
}

/** PyObject_SetAttr; value null deletes. */
export function setAttr(o: PyObject, name: PyStr, value: PyObject | null): void {
  checkAttrName(name);
  const t = o.type;
  if (t.setattro !== null) {
    // PyObject_SetAttr interns an exact str name in place (names from code already are).
    if (name.interned !== NOT_INTERNED || name.type !== StrType) {
      t.setattro(o, name, value);
      return;
    }
    const interned = internStrObject(name);
    try {
      t.setattro(o, interned, value);
    } finally {
      decref(interned);
    }
    return;
  }
  const action = value === null ? "del" : "assign to";
  if (t.getattro === null) raise(TypeErrorType, `'${t.name}' object has no attributes (${action} .${name.value})`);
  raise(TypeErrorType, `'${t.name}' object has only read-only attributes (${action} .${name.value})`);
}

export function delAttr(o: PyObject, name: PyStr): void {
  setAttr(o, name, null);
}

// ---------------------------------------------------------------------------
// Calls.

/** PyObject_Vectorcall: positional args[start..start+nargs), keyword values after them. */
export function callObject(callable: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const t = callable.type;
  const slot = t.call;
  if (slot === null) raise(TypeErrorType, `'${t.name}' object is not callable`);
  // Vectorcall types are called directly, as CPython does; only the tp_call path (classes,
  // instances with __call__) is charged to the recursion budget (_PyObject_MakeTpCall).
  if ((t.flags & TPFLAGS_HAVE_VECTORCALL) !== 0) return slot(callable, args, start, nargs, kwnames);
  // type's own vectorcall offset: a static type with tp_vectorcall is called through it.
  if (t === TypeType) {
    const vc = (callable as PyType).vectorcall;
    if (vc !== null) return vc(callable, args, start, nargs, kwnames);
  }
  enterRecursiveCall(" while calling a Python object");
  try {
    return slot(callable, args, start, nargs, kwnames);
  } finally {
    leaveRecursiveCall();
  }
}

const NO_ARGS: PyObject[] = [];

export function callNoArgs(callable: PyObject): PyObject {
  return callObject(callable, NO_ARGS, 0, 0, null);
}

export function callOneArg(callable: PyObject, arg: PyObject): PyObject {
  return callObject(callable, [arg], 0, 1, null);
}

export function callTwoArgs(callable: PyObject, a: PyObject, b: PyObject): PyObject {
  return callObject(callable, [a, b], 0, 2, null);
}

/** PyObject_Call with a tuple and an optional dict of keyword arguments. */
export function callWithTuple(callable: PyObject, args: PyTuple, kwargs: PyObject | null): PyObject {
  if (kwargs === null) return callObject(callable, args.items, 0, args.items.length, null);
  const names: PyObject[] = [];
  const values: PyObject[] = args.items.slice();
  const d = kwargs as PyDict;
  for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) {
    const k = dictEntry.key as PyObject;
    incref(k);
    names.push(k);
    values.push(dictEntry.value as PyObject);
  }
  const kwnames = names.length === 0 ? null : tupleFromOwned(names);
  try {
    return callObject(callable, values, 0, args.items.length, kwnames);
  } finally {
    if (kwnames !== null) decref(kwnames);
  }
}

/** _PyObject_CallMethod with positional args: getattr(o, name)(*args). */
export function callMethod(o: PyObject, name: PyStr, args: PyObject[]): PyObject {
  const m = getAttr(o, name);
  try {
    return callObject(m, args, 0, args.length, null);
  } finally {
    decref(m);
  }
}

/**
 * _PyObject_FunctionStr for any callable: "qualname()" or "module.qualname()" when the module
 * is not builtins; used in argument-count messages.
 */
export function functionStrGeneric(func: PyObject): string {
  const qualname = lookupAttr(func, internName("__qualname__"));
  if (qualname === null) return `${reprText(func)}`;
  try {
    const q = qualname instanceof PyStr ? qualname.value : strText(qualname);
    const module = lookupAttr(func, internName("__module__"));
    if (module !== null) {
      try {
        if (module !== None && module instanceof PyStr && module.value !== "builtins") return `${module.value}.${q}()`;
      } finally {
        decref(module);
      }
    }
    return `${q}()`;
  } finally {
    decref(qualname);
  }
}

const internedNames = new Map<string, PyStr>();

/** Static identifier strings for the dunder names this file looks up. */
function internName(s: string): PyStr {
  let n = internedNames.get(s);
  if (n === undefined) {
    n = staticName(s);
    internedNames.set(s, n);
  }
  return n;
}

// ---------------------------------------------------------------------------
// Iteration.

/** PyObject_GetIter */
export function getIter(o: PyObject): PyObject {
  const t = o.type;
  const f = t.iter;
  if (f === null) {
    if (isSequence(o)) return newSeqIter(o);
    raise(TypeErrorType, `'${t.name}' object is not iterable`);
  }
  const res = f(o);
  if (res.type.iternext === null) {
    const name = res.type.name;
    decref(res);
    raise(TypeErrorType, `iter() returned non-iterator of type '${name}'`);
  }
  return res;
}

/** PyIter_Next: the next item (new reference) or null when exhausted. */
export function iterNext(it: PyObject): PyObject | null {
  const f = it.type.iternext;
  if (f === null) raise(TypeErrorType, `'${it.type.name}' object is not an iterator`);
  return f(it);
}

/** PyIter_Check */
export function isIterator(o: PyObject): boolean {
  return o.type.iternext !== null;
}

/** PySequence_Check: has __getitem__ through sq_item and is not a dict. */
export function isSequence(o: PyObject): boolean {
  const t = o.type;
  if (t.flags & (1 << 29)) return false;
  return t.sqItem !== null;
}

/** PyMapping_Check */
export function isMapping(o: PyObject): boolean {
  return o.type.mpSubscript !== null;
}

/** PyObject_LengthHint */
export function lengthHint(o: PyObject, defaultValue: number): number {
  const t = o.type;
  if (t.sqLength !== null || t.mpLength !== null) {
    try {
      return length(o);
    } catch (e) {
      if (!(e instanceof PyRaise) || !exceptionMatches(e.exception, TypeErrorType)) throw e;
      decref(e.exception);
    }
  }
  const hint = lookupSpecial(o, internName("__length_hint__"));
  if (hint === null) return defaultValue;
  let result: PyObject;
  try {
    result = callNoArgs(hint);
  } catch (e) {
    if (e instanceof PyRaise && exceptionMatches(e.exception, TypeErrorType)) {
      decref(e.exception);
      return defaultValue;
    }
    throw e;
  } finally {
    decref(hint);
  }
  if (result === NotImplemented) {
    decref(result);
    return defaultValue;
  }
  if (!isInt(result)) {
    const name = result.type.name;
    decref(result);
    raise(TypeErrorType, `__length_hint__ must be an integer, not ${name}`);
  }
  const big = intToBigInt(result as PyInt);
  decref(result);
  if (big > SSIZE_MAX_BIG || big < SSIZE_MIN_BIG) raise(OverflowErrorType, "Python int too large to convert to C ssize_t");
  if (big < 0n) raise(ValueErrorType, "__length_hint__() should return >= 0");
  return Number(big);
}

// ---------------------------------------------------------------------------
// Sizes and items.

/** PyObject_Size */
export function length(o: PyObject): number {
  const t = o.type;
  if (t.sqLength !== null) return t.sqLength(o);
  if (t.mpLength !== null) return t.mpLength(o);
  raise(TypeErrorType, `object of type '${t.name}' has no len()`);
}

/** PyObject_GetItem */
export function getItem(o: PyObject, key: PyObject): PyObject {
  const t = o.type;
  if (t.mpSubscript !== null) return t.mpSubscript(o, key);
  if (t.sqItem !== null) {
    if (hasIndex(key)) {
      let i = numberAsSsize(key, IndexErrorType);
      return sequenceGetItem(o, i);
    }
    raise(TypeErrorType, `sequence index must be integer, not '${key.type.name}'`);
  }
  if (isTypeObject(o)) {
    if (o === TypeType) return genericAliasHook(o, key);
    const meth = lookupAttr(o, internName("__class_getitem__"));
    if (meth !== null) {
      try {
        if (meth !== None) return callOneArg(meth, key);
      } finally {
        decref(meth);
      }
    }
    raise(TypeErrorType, `type '${o.name}' is not subscriptable`);
  }
  raise(TypeErrorType, `'${t.name}' object is not subscriptable`);
}

let genericAliasHook: (origin: PyObject, args: PyObject) => PyObject = (origin) => {
  raise(TypeErrorType, `type '${(origin as PyType).name}' is not subscriptable`);
};

let unionArgsGetter: (cls: PyObject) => PyTuple | null = () => null;

/** Installed by unionobject.ts: isinstance/issubclass treat `int | str` as the tuple of its args. */
export function setUnionArgsGetter(fn: (cls: PyObject) => PyTuple | null): void {
  unionArgsGetter = fn;
}

/** Installed by whoever implements types.GenericAlias (type[int]). */
export function setGenericAliasFactory(fn: (origin: PyObject, args: PyObject) => PyObject): void {
  genericAliasHook = fn;
}

/** PySequence_GetItem: negative indexes are adjusted by the length first. */
export function sequenceGetItem(o: PyObject, i: number): PyObject {
  const t = o.type;
  if (t.sqItem === null) {
    if (t.mpSubscript !== null) raise(TypeErrorType, `${t.name} is not a sequence`);
    raise(TypeErrorType, `'${t.name}' object does not support indexing`);
  }
  if (i < 0 && t.sqLength !== null) i += t.sqLength(o);
  return t.sqItem(o, i);
}

/** PyObject_SetItem */
export function setItem(o: PyObject, key: PyObject, value: PyObject): void {
  const t = o.type;
  if (t.mpAssSubscript !== null) {
    t.mpAssSubscript(o, key, value);
    return;
  }
  if (t.sqItem !== null && !hasIndex(key)) raise(TypeErrorType, `sequence index must be integer, not '${key.type.name}'`);
  raise(TypeErrorType, `'${t.name}' object does not support item assignment`);
}

/** PyObject_DelItem */
export function delItem(o: PyObject, key: PyObject): void {
  const t = o.type;
  if (t.mpAssSubscript !== null) {
    t.mpAssSubscript(o, key, null);
    return;
  }
  if (t.sqItem !== null && !hasIndex(key)) raise(TypeErrorType, `sequence index must be integer, not '${key.type.name}'`);
  raise(TypeErrorType, `'${t.name}' object doesn't support item deletion`);
}

/** PySequence_Contains: sq_contains, else iteration with == (identity first). */
export function sequenceContains(seq: PyObject, item: PyObject): boolean {
  const f = seq.type.sqContains;
  if (f !== null) return f(seq, item);
  const it = getIter(seq);
  try {
    for (let x = iterNext(it); x !== null; x = iterNext(it)) {
      const eq = richCompareBool(x, item, CMP_EQ);
      decref(x);
      if (eq) return true;
    }
    return false;
  } finally {
    decref(it);
  }
}

// ---------------------------------------------------------------------------
// Indexes.

export const SSIZE_MAX_BIG = 9223372036854775807n;
export const SSIZE_MIN_BIG = -9223372036854775808n;

/** _PyIndex_Check: has nb_index. */
export function hasIndex(o: PyObject): boolean {
  return o.type.nbIndex !== null;
}

/** PyNumber_Index: an int (new reference). */
export function numberIndex(o: PyObject): PyInt {
  if (o.type === IntType) return newRef(o as PyInt);
  const f = o.type.nbIndex;
  if (f === null) raise(TypeErrorType, `'${o.type.name}' object cannot be interpreted as an integer`);
  const res = f(o);
  if (res.type === IntType) return res as PyInt;
  if (!(res.type.flags & TPFLAGS_LONG_SUBCLASS)) {
    const name = res.type.name;
    decref(res);
    raise(TypeErrorType, `__index__ returned non-int (type ${name})`);
  }
  return res as PyInt;
}

/**
 * PyNumber_AsSsize_t: the index as a JS number. Out of the ssize_t range it raises `overflow`
 * ("cannot fit 'int' into an index-sized integer"), or clamps when `overflow` is null.
 */
export function numberAsSsize(o: PyObject, overflow: PyType | null): number {
  const v = numberIndex(o);
  const big = intToBigInt(v);
  decref(v);
  if (big > SSIZE_MAX_BIG || big < SSIZE_MIN_BIG) {
    if (overflow === null) return big < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
    raise(overflow, `cannot fit '${o.type.name}' into an index-sized integer`);
  }
  return Number(big);
}

/** The contract's name for PyNumber_AsSsize_t (exception type for overflow, or null to clamp). */
export const numberIndexAsNumber = numberAsSsize;

// ---------------------------------------------------------------------------
// Number protocol.

// BINARY_OP's oparg values (Include/opcode.h NB_*), also the `which` of binaryOp.
export const NB_ADD = 0;
export const NB_AND = 1;
export const NB_FLOOR_DIVIDE = 2;
export const NB_LSHIFT = 3;
export const NB_MATRIX_MULTIPLY = 4;
export const NB_MULTIPLY = 5;
export const NB_REMAINDER = 6;
export const NB_OR = 7;
export const NB_POWER = 8;
export const NB_RSHIFT = 9;
export const NB_SUBTRACT = 10;
export const NB_TRUE_DIVIDE = 11;
export const NB_XOR = 12;
export const NB_INPLACE_ADD = 13;
export const NB_INPLACE_AND = 14;
export const NB_INPLACE_FLOOR_DIVIDE = 15;
export const NB_INPLACE_LSHIFT = 16;
export const NB_INPLACE_MATRIX_MULTIPLY = 17;
export const NB_INPLACE_MULTIPLY = 18;
export const NB_INPLACE_REMAINDER = 19;
export const NB_INPLACE_OR = 20;
export const NB_INPLACE_POWER = 21;
export const NB_INPLACE_RSHIFT = 22;
export const NB_INPLACE_SUBTRACT = 23;
export const NB_INPLACE_TRUE_DIVIDE = 24;
export const NB_INPLACE_XOR = 25;

type BinarySlotName =
  | "nbAdd" | "nbAnd" | "nbFloorDivide" | "nbLshift" | "nbMatrixMultiply" | "nbMultiply"
  | "nbRemainder" | "nbOr" | "nbRshift" | "nbSubtract" | "nbTrueDivide" | "nbXor" | "nbDivmod";
type InplaceSlotName =
  | "nbInplaceAdd" | "nbInplaceAnd" | "nbInplaceFloorDivide" | "nbInplaceLshift"
  | "nbInplaceMatrixMultiply" | "nbInplaceMultiply" | "nbInplaceRemainder" | "nbInplaceOr"
  | "nbInplaceRshift" | "nbInplaceSubtract" | "nbInplaceTrueDivide" | "nbInplaceXor";

const BINARY_SLOTS: readonly BinarySlotName[] = [
  "nbAdd", "nbAnd", "nbFloorDivide", "nbLshift", "nbMatrixMultiply", "nbMultiply",
  "nbRemainder", "nbOr", "nbAdd" /* power: unused */, "nbRshift", "nbSubtract", "nbTrueDivide", "nbXor",
];
const INPLACE_SLOTS: readonly InplaceSlotName[] = [
  "nbInplaceAdd", "nbInplaceAnd", "nbInplaceFloorDivide", "nbInplaceLshift",
  "nbInplaceMatrixMultiply", "nbInplaceMultiply", "nbInplaceRemainder", "nbInplaceOr",
  "nbInplaceAdd" /* power: unused */, "nbInplaceRshift", "nbInplaceSubtract", "nbInplaceTrueDivide",
  "nbInplaceXor",
];
/** Operator text used in "unsupported operand type(s) for +: ..." */
export const BINARY_OP_SYMBOLS = ["+", "&", "//", "<<", "@", "*", "%", "|", "** or pow()", ">>", "-", "/", "^"];
const INPLACE_OP_SYMBOLS = ["+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="];

/**
 * binary_op1: v's slot, with w's slot first when w's type is a proper subtype of v's and its
 * slot differs; NotImplemented (new reference) when neither handles the pair.
 */
export function binaryOp1(v: PyObject, w: PyObject, slotName: BinarySlotName): PyObject {
  const vt = v.type;
  const wt = w.type;
  const slotv: BinarySlot | null = vt[slotName];
  let slotw: BinarySlot | null = null;
  if (wt !== vt) {
    slotw = wt[slotName];
    if (slotw === slotv) slotw = null;
  }
  if (slotv !== null) {
    if (slotw !== null && wt.isSubtypeOf(vt)) {
      const x = slotw(v, w);
      if (x !== NotImplemented) return x;
      decref(x);
      slotw = null;
    }
    const x = slotv(v, w);
    if (x !== NotImplemented) return x;
    decref(x);
  }
  if (slotw !== null) {
    const x = slotw(v, w);
    if (x !== NotImplemented) return x;
    decref(x);
  }
  return newRef(NotImplemented);
}

function binopTypeError(v: PyObject, w: PyObject, opName: string): never {
  raise(TypeErrorType, `unsupported operand type(s) for ${opName}: '${v.type.name}' and '${w.type.name}'`);
}

function binaryOpChecked(v: PyObject, w: PyObject, slotName: BinarySlotName, opName: string): PyObject {
  const result = binaryOp1(v, w, slotName);
  if (result !== NotImplemented) return result;
  decref(result);
  if (slotName === "nbRshift" && isCFunction(v) && v.def.name === "print" && v.type.name === "builtin_function_or_method") {
    raise(
      TypeErrorType,
      `unsupported operand type(s) for ${opName}: '${v.type.name}' and '${w.type.name}'. Did you mean "print(<message>, file=<output_stream>)"?`,
    );
  }
  binopTypeError(v, w, opName);
}

/** sequence_repeat: `seq * n` once the number slots declined. */
function sequenceRepeat(repeat: (self: PyObject, count: number) => PyObject, seq: PyObject, n: PyObject): PyObject {
  if (!hasIndex(n)) raise(TypeErrorType, `can't multiply sequence by non-int of type '${n.type.name}'`);
  const count = numberAsSsize(n, OverflowErrorType);
  return repeat(seq, count);
}

export function numberAdd(v: PyObject, w: PyObject): PyObject {
  const result = binaryOp1(v, w, "nbAdd");
  if (result !== NotImplemented) return result;
  decref(result);
  const concat = v.type.sqConcat;
  if (concat !== null) return concat(v, w);
  binopTypeError(v, w, "+");
}

export function numberMultiply(v: PyObject, w: PyObject): PyObject {
  const result = binaryOp1(v, w, "nbMultiply");
  if (result !== NotImplemented) return result;
  decref(result);
  const mv = v.type.sqRepeat;
  const mw = w.type.sqRepeat;
  if (mv !== null) return sequenceRepeat(mv, v, w);
  if (mw !== null) return sequenceRepeat(mw, w, v);
  binopTypeError(v, w, "*");
}

export function numberSubtract(v: PyObject, w: PyObject): PyObject {
  return binaryOpChecked(v, w, "nbSubtract", "-");
}
export function numberTrueDivide(v: PyObject, w: PyObject): PyObject {
  return binaryOpChecked(v, w, "nbTrueDivide", "/");
}
export function numberFloorDivide(v: PyObject, w: PyObject): PyObject {
  return binaryOpChecked(v, w, "nbFloorDivide", "//");
}
export function numberRemainder(v: PyObject, w: PyObject): PyObject {
  return binaryOpChecked(v, w, "nbRemainder", "%");
}
export function numberDivmod(v: PyObject, w: PyObject): PyObject {
  return binaryOpChecked(v, w, "nbDivmod", "divmod()");
}
export function numberLshift(v: PyObject, w: PyObject): PyObject {
  return binaryOpChecked(v, w, "nbLshift", "<<");
}
export function numberRshift(v: PyObject, w: PyObject): PyObject {
  return binaryOpChecked(v, w, "nbRshift", ">>");
}
export function numberAnd(v: PyObject, w: PyObject): PyObject {
  return binaryOpChecked(v, w, "nbAnd", "&");
}
export function numberOr(v: PyObject, w: PyObject): PyObject {
  return binaryOpChecked(v, w, "nbOr", "|");
}
export function numberXor(v: PyObject, w: PyObject): PyObject {
  return binaryOpChecked(v, w, "nbXor", "^");
}
export function numberMatrixMultiply(v: PyObject, w: PyObject): PyObject {
  return binaryOpChecked(v, w, "nbMatrixMultiply", "@");
}

/** ternary_op for nb_power; `z` is None for two-argument pow. */
function ternaryOp(v: PyObject, w: PyObject, z: PyObject, opName: string): PyObject {
  const vt = v.type;
  const wt = w.type;
  const slotv: TernarySlot | null = vt.nbPower;
  let slotw: TernarySlot | null = null;
  if (wt !== vt) {
    slotw = wt.nbPower;
    if (slotw === slotv) slotw = null;
  }
  if (slotv !== null) {
    if (slotw !== null && wt.isSubtypeOf(vt)) {
      const x = slotw(v, w, z);
      if (x !== NotImplemented) return x;
      decref(x);
      slotw = null;
    }
    const x = slotv(v, w, z);
    if (x !== NotImplemented) return x;
    decref(x);
  }
  if (slotw !== null) {
    const x = slotw(v, w, z);
    if (x !== NotImplemented) return x;
    decref(x);
  }
  const slotz = z.type.nbPower;
  if (slotz !== null && slotz !== slotv && slotz !== slotw) {
    const x = slotz(v, w, z);
    if (x !== NotImplemented) return x;
    decref(x);
  }
  if (z === None) {
    raise(TypeErrorType, `unsupported operand type(s) for ${opName}: '${vt.name}' and '${wt.name}'`);
  }
  raise(TypeErrorType, `unsupported operand type(s) for ${opName}: '${vt.name}', '${wt.name}', '${z.type.name}'`);
}

/** PyNumber_Power: pow(v, w, z) with z None for `**`. */
export function numberPower(v: PyObject, w: PyObject, z: PyObject = None): PyObject {
  return ternaryOp(v, w, z, "** or pow()");
}

/** PyNumber_InPlacePower */
export function numberInplacePower(v: PyObject, w: PyObject, z: PyObject = None): PyObject {
  const f = v.type.nbInplacePower;
  if (f !== null) {
    const x = f(v, w, z);
    if (x !== NotImplemented) return x;
    decref(x);
  }
  return ternaryOp(v, w, z, "**=");
}

/** binary_iop1: the in-place slot of v, then the ordinary binary dispatch. */
function binaryIop1(v: PyObject, w: PyObject, islot: InplaceSlotName, slot: BinarySlotName): PyObject {
  const f = v.type[islot];
  if (f !== null) {
    const x = f(v, w);
    if (x !== NotImplemented) return x;
    decref(x);
  }
  return binaryOp1(v, w, slot);
}

/** PyNumber_InPlace*: `which` is NB_INPLACE_ADD ... NB_INPLACE_XOR (or the plain NB_* code). */
export function numberInplace(v: PyObject, w: PyObject, which: number): PyObject {
  const k = which >= NB_INPLACE_ADD ? which - NB_INPLACE_ADD : which;
  if (k === NB_POWER) return numberInplacePower(v, w);
  const result = binaryIop1(v, w, INPLACE_SLOTS[k]!, BINARY_SLOTS[k]!);
  if (result !== NotImplemented) return result;
  decref(result);
  if (k === NB_ADD) {
    const t = v.type;
    if (t.sqInplaceConcat !== null) return t.sqInplaceConcat(v, w);
    if (t.sqConcat !== null) return t.sqConcat(v, w);
  } else if (k === NB_MULTIPLY) {
    const mv = v.type.sqInplaceRepeat ?? v.type.sqRepeat;
    if (mv !== null) return sequenceRepeat(mv, v, w);
    const mw = w.type.sqRepeat;
    if (mw !== null) return sequenceRepeat(mw, w, v);
  }
  binopTypeError(v, w, INPLACE_OP_SYMBOLS[k]!);
}

/** BINARY_OP dispatch: `which` is the opcode's NB_* argument. */
export function binaryOp(v: PyObject, w: PyObject, which: number): PyObject {
  switch (which) {
    case NB_ADD:
      return numberAdd(v, w);
    case NB_MULTIPLY:
      return numberMultiply(v, w);
    case NB_POWER:
      return numberPower(v, w, None);
    default:
      if (which >= NB_INPLACE_ADD) return numberInplace(v, w, which);
      return binaryOpChecked(v, w, BINARY_SLOTS[which]!, BINARY_OP_SYMBOLS[which]!);
  }
}

function unaryOp(o: PyObject, slot: "nbNegative" | "nbPositive" | "nbInvert" | "nbAbsolute", what: string): PyObject {
  const f = o.type[slot];
  if (f === null) raise(TypeErrorType, `bad operand type for ${what}: '${o.type.name}'`);
  return f(o);
}

export function numberNegative(o: PyObject): PyObject {
  return unaryOp(o, "nbNegative", "unary -");
}
export function numberPositive(o: PyObject): PyObject {
  return unaryOp(o, "nbPositive", "unary +");
}
export function numberInvert(o: PyObject): PyObject {
  return unaryOp(o, "nbInvert", "unary ~");
}
export function numberAbsolute(o: PyObject): PyObject {
  return unaryOp(o, "nbAbsolute", "abs()");
}

// ---------------------------------------------------------------------------
// isinstance / issubclass.

function abstractGetBases(cls: PyObject): PyTuple | null {
  const bases = lookupAttr(cls, internName("__bases__"));
  if (bases === null) return null;
  if (!(bases.type.flags & TPFLAGS_TUPLE_SUBCLASS)) {
    decref(bases);
    return null;
  }
  return bases as PyTuple;
}

function abstractIsSubclass(derived: PyObject, cls: PyObject): boolean {
  let bases: PyTuple | null = null;
  for (;;) {
    if (derived === cls) {
      if (bases !== null) decref(bases);
      return true;
    }
    const next = abstractGetBases(derived);
    if (bases !== null) decref(bases);
    bases = next;
    if (bases === null) return false;
    const n = bases.items.length;
    if (n === 0) {
      decref(bases);
      return false;
    }
    if (n === 1) {
      derived = bases.items[0]!;
      continue;
    }
    break;
  }
  enterRecursiveCall(" in __issubclass__");
  try {
    for (const b of bases.items) if (abstractIsSubclass(b, cls)) return true;
    return false;
  } finally {
    leaveRecursiveCall();
    decref(bases);
  }
}

function checkClass(cls: PyObject, error: string): void {
  const bases = abstractGetBases(cls);
  if (bases === null) raise(TypeErrorType, error);
  decref(bases);
}

/** object_isinstance: type check, then __class__ as CPython does for proxies. */
export function realIsInstance(inst: PyObject, cls: PyObject): boolean {
  if (isTypeObject(cls)) {
    if (inst.type.isSubtypeOf(cls)) return true;
    const icls = lookupAttr(inst, internName("__class__"));
    if (icls === null) return false;
    try {
      return icls !== inst.type && isTypeObject(icls) && icls.isSubtypeOf(cls);
    } finally {
      decref(icls);
    }
  }
  checkClass(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union");
  const icls = lookupAttr(inst, internName("__class__"));
  if (icls === null) return false;
  try {
    return abstractIsSubclass(icls, cls);
  } finally {
    decref(icls);
  }
}

/** recursive_issubclass */
export function realIsSubclass(derived: PyObject, cls: PyObject): boolean {
  if (isTypeObject(cls) && isTypeObject(derived)) return derived.isSubtypeOf(cls);
  checkClass(derived, "issubclass() arg 1 must be a class");
  checkClass(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
  return abstractIsSubclass(derived, cls);
}

/** PyObject_IsInstance, with tuples and __instancecheck__. */
export function isInstance(inst: PyObject, cls: PyObject): boolean {
  if (inst.type === cls) return true;
  if (cls.type === TypeType) return realIsInstance(inst, cls);
  const unionArgs = unionArgsGetter(cls);
  if (unionArgs !== null) cls = unionArgs;
  if (cls.type.flags & TPFLAGS_TUPLE_SUBCLASS) {
    enterRecursiveCall(" in __instancecheck__");
    try {
      for (const item of (cls as PyTuple).items) if (isInstance(inst, item)) return true;
      return false;
    } finally {
      leaveRecursiveCall();
    }
  }
  const checker = lookupSpecial(cls, internName("__instancecheck__"));
  if (checker !== null) {
    enterRecursiveCall(" in __instancecheck__");
    let res: PyObject;
    try {
      res = callOneArg(checker, inst);
    } finally {
      leaveRecursiveCall();
      decref(checker);
    }
    try {
      return isTrue(res);
    } finally {
      decref(res);
    }
  }
  return realIsInstance(inst, cls);
}

/** PyObject_IsSubclass, with tuples and __subclasscheck__. */
export function isSubclass(derived: PyObject, cls: PyObject): boolean {
  if (cls.type === TypeType) {
    if (derived === cls) return true;
    return realIsSubclass(derived, cls);
  }
  const unionArgs = unionArgsGetter(cls);
  if (unionArgs !== null) cls = unionArgs;
  if (cls.type.flags & TPFLAGS_TUPLE_SUBCLASS) {
    enterRecursiveCall(" in __subclasscheck__");
    try {
      for (const item of (cls as PyTuple).items) if (isSubclass(derived, item)) return true;
      return false;
    } finally {
      leaveRecursiveCall();
    }
  }
  const checker = lookupSpecial(cls, internName("__subclasscheck__"));
  if (checker !== null) {
    enterRecursiveCall(" in __subclasscheck__");
    let res: PyObject;
    try {
      res = callOneArg(checker, derived);
    } finally {
      leaveRecursiveCall();
      decref(checker);
    }
    try {
      return isTrue(res);
    } finally {
      decref(res);
    }
  }
  return realIsSubclass(derived, cls);
}

// ---------------------------------------------------------------------------
// format() and dir().

/** PyObject_Format: type(obj).__format__(obj, spec); the result must be a str. */
export function objectFormat(obj: PyObject, spec: PyStr | null): PyStr {
  const specObj = spec ?? staticName("");
  if (specObj.value.length === 0) {
    if (obj.type === StrType) return newRef(obj as PyStr);
    if (obj.type === IntType) return objectStr(obj);
  }
  const meth = lookupSpecial(obj, internName("__format__"));
  if (meth === null) {
    raise(TypeErrorType, `Type ${obj.type.name} doesn't define __format__`);
  }
  let res: PyObject;
  try {
    res = callOneArg(meth, specObj);
  } finally {
    decref(meth);
  }
  if (!(res.type.flags & TPFLAGS_UNICODE_SUBCLASS)) {
    const name = res.type.name;
    decref(res);
    raise(TypeErrorType, `__format__ must return a str, not ${name}`);
  }
  return res as PyStr;
}

/** PyObject_Dir(obj): sorted list from type(obj).__dir__(obj). */
export function objectDir(obj: PyObject): PyObject {
  const dirfunc = lookupSpecial(obj, internName("__dir__"));
  if (dirfunc === null) raise(TypeErrorType, "object does not provide __dir__");
  let result: PyObject;
  try {
    result = callNoArgs(dirfunc);
  } finally {
    decref(dirfunc);
  }
  try {
    return sortedListHook(result);
  } finally {
    decref(result);
  }
}

let sortedListHook: (iterable: PyObject) => PyObject = () => {
  raise(SystemErrorType, "sorted() is not available");
};

/** Installed by the builtins layer: PySequence_List + list.sort, for dir(). */
export function setSortedListFactory(fn: (iterable: PyObject) => PyObject): void {
  sortedListHook = fn;
}

/** Class attribute lookup without descriptors (borrowed), re-exported for convenience. */
export { typeLookupBorrowed };

/** The empty tuple as a new reference. */
export function emptyTuple(): PyTuple {
  return newRef(EMPTY_TUPLE);
}

/** hashResult is where objectHash writes; re-exported so callers need one import. */
export { hashResult };
