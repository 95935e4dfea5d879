// Objects/enumobject.c (3.11): PyEnum_Type (enumerate, with its recycled result tuple and
// the switch to int objects past PY_SSIZE_T_MAX) and PyReversed_Type (reversed() over
// __reversed__ or the sequence protocol).

import { PyObject, type VisitProc } from "./object.js";
import { allocGCObject, freeGCObject } from "./heap.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, incref, newRef } from "./refcount.js";
import { PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE } from "./type.js";
import { newStaticType, readyType, staticTypeSpec } from "./typeroots.js";
import { callNoArgs, getIter, isSequence, length, numberIndex, sequenceGetItem } from "./abstract.js";
import { lookupSpecial } from "./typeobject.js";
import { IndexErrorType, PyRaise, raise, StopIterationType, TypeErrorType } from "./exceptions.js";
import { intToBigInt, newIntFromBigInt, newIntSsize, type PyInt } from "./int.js";
import { None } from "./singletons.js";
import { staticStr, type PyStr } from "./str.js";
import { tupleFromOwned, tuplePack2, type PyTuple } from "./tuple.js";
import type { PyDict } from "./dict.js";

/** sizeof(enumobject) */
const ENUM_SIZE = 56;
/** sizeof(reversedobject) */
const REVERSED_SIZE = 32;

const SSIZE_MAX_BIG = 9223372036854775807n;
const SSIZE_MIN_BIG = -9223372036854775808n;

export class PyEnum extends PyObject {
  /** en_index while it fits in ssize_t. */
  index: number;
  /** en_sit */
  sit: PyObject | null;
  /** en_result: the (index, item) tuple handed out again when nobody else holds it. */
  result: PyTuple | null;
  /** en_longindex: the index as an int object once it passed PY_SSIZE_T_MAX. */
  longIndex: PyInt | null;
  constructor(type: PyType) {
    super(type);
    this.index = 0;
    this.sit = null;
    this.result = null;
    this.longIndex = null;
  }
}

export const EnumType = newStaticType("enumerate", ENUM_SIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE);

/** PyType_GenericAlloc: fresh GC memory, tracked at once. */
function genericAlloc<T extends PyObject>(o: T, type: PyType, size: number): T {
  allocGCObject(o, size);
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) incref(type);
  gcTrack(o);
  return o;
}

/** enum_new_impl: enumerate(iterable, start=0). */
export function newEnumerate(type: PyType, iterable: PyObject, start: PyObject | null): PyObject {
  const en = genericAlloc(new PyEnum(type), type, type.basicsize);
  try {
    if (start !== null) {
      const s = numberIndex(start);
      const b = intToBigInt(s);
      if (b > SSIZE_MAX_BIG || b < SSIZE_MIN_BIG) {
        en.index = Number.MAX_SAFE_INTEGER;
        en.longIndex = s;
      } else {
        en.index = Number(b);
        decref(s);
      }
    }
    en.sit = getIter(iterable);
    en.result = tuplePack2(None, None);
  } catch (e) {
    decref(en);
    throw e;
  }
  return en;
}

function recycle(en: PyEnum, index: PyObject, item: PyObject): PyObject {
  const result = en.result!;
  if (result.refcnt === 1) {
    incref(result);
    const oldIndex = result.items[0]!;
    const oldItem = result.items[1]!;
    result.items[0] = index;
    result.items[1] = item;
    decref(oldIndex);
    decref(oldItem);
    // The collector may have untracked the recycled tuple.
    if (result.gcNext === null) gcTrack(result);
    return result;
  }
  return tupleFromOwned([index, item]);
}

/** enum_next */
EnumType.iternext = (self) => {
  const en = self as PyEnum;
  const it = en.sit!;
  const nextItem = it.type.iternext!(it);
  if (nextItem === null) return null;
  if (en.longIndex !== null || en.index >= Number.MAX_SAFE_INTEGER) {
    // enum_next_long: the index lives in an int object from here on.
    if (en.longIndex === null) en.longIndex = newIntFromBigInt(BigInt(en.index)) as PyInt;
    const nextIndex = en.longIndex;
    en.longIndex = newIntFromBigInt(intToBigInt(nextIndex) + 1n);
    return recycle(en, nextIndex, nextItem);
  }
  const nextIndex = newIntSsize(en.index);
  en.index++;
  return recycle(en, nextIndex, nextItem);
};
EnumType.iter = (self) => newRef(self);
EnumType.dealloc = (self) => {
  const en = self as PyEnum;
  gcUntrack(en);
  const sit = en.sit;
  const result = en.result;
  const longIndex = en.longIndex;
  en.sit = null;
  en.result = null;
  en.longIndex = null;
  if (sit !== null) decref(sit);
  if (result !== null) decref(result);
  if (longIndex !== null) decref(longIndex);
  freeGCObject(en);
};
EnumType.traverse = (self, visit: VisitProc, arg) => {
  const en = self as PyEnum;
  if (en.sit !== null) visit(en.sit, arg);
  if (en.result !== null) visit(en.result, arg);
  if (en.longIndex !== null) visit(en.longIndex, arg);
};

/** enum_new (tp_new): the vectorcall argument rules and messages. */
function enumNew(type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  const positional = args.items;
  let iterable: PyObject | null = positional.length > 0 ? positional[0]! : null;
  let start: PyObject | null = positional.length > 1 ? positional[1]! : null;
  let nkw = 0;
  if (kwargs !== null && kwargs.used > 0) {
    const keys = kwargs.keys;
    for (let i = 0; i < keys.nentries; i++) {
      const k = keys.entryKeys[i] ?? null;
      const v = kwargs.values !== null ? kwargs.values.values[i] ?? null : keys.entryValues[i] ?? null;
      if (k === null || v === null) continue;
      nkw++;
      const name = (k as PyStr).value;
      if (name === "iterable" && iterable === null) iterable = v;
      else if (name === "start" && start === null) start = v;
      else if (name !== "iterable" && name !== "start") raise(TypeErrorType, `'${name}' is an invalid keyword argument for enumerate()`);
      else raise(TypeErrorType, `argument for enumerate() given by name ('${name}') and position (${name === "iterable" ? 1 : 2})`);
    }
  }
  const total = positional.length + nkw;
  if (total > 2) raise(TypeErrorType, `enumerate() takes at most 2 arguments (${total} given)`);
  if (iterable === null) raise(TypeErrorType, "enumerate() missing required argument 'iterable'");
  return newEnumerate(type, iterable, start);
}

/** enum_vectorcall's check_keyword: the keyword at `i` must be `expected`. */
function checkEnumKeyword(kwnames: PyTuple, i: number, expected: string): void {
  const kw = kwnames.items[i] as PyStr;
  if (kw.value !== expected) raise(TypeErrorType, `'${kw.value}' is an invalid keyword argument for enumerate()`);
}

/** enum_vectorcall: enumerate(iterable, start=...) read straight from the caller's arguments. */
function enumVectorcall(type: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const tp = type as PyType;
  const nkwargs = kwnames === null ? 0 : kwnames.items.length;
  if (nargs + nkwargs === 2) {
    if (nkwargs === 1) {
      checkEnumKeyword(kwnames!, 0, "start");
    } else if (nkwargs === 2) {
      if ((kwnames!.items[0] as PyStr).value === "start") {
        checkEnumKeyword(kwnames!, 1, "iterable");
        return newEnumerate(tp, args[start + 1]!, args[start]!);
      }
      checkEnumKeyword(kwnames!, 0, "iterable");
      checkEnumKeyword(kwnames!, 1, "start");
    }
    return newEnumerate(tp, args[start]!, args[start + 1]!);
  }
  if (nargs + nkwargs === 1) {
    if (nkwargs === 1) checkEnumKeyword(kwnames!, 0, "iterable");
    return newEnumerate(tp, args[start]!, null);
  }
  if (nargs === 0) raise(TypeErrorType, "enumerate() missing required argument 'iterable'");
  raise(TypeErrorType, `enumerate() takes at most 2 arguments (${nargs + nkwargs} given)`);
}

EnumType.new_ = enumNew;
EnumType.vectorcall = enumVectorcall;
EnumType.doc =
  "Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\nThe enumerate object yields pairs containing a count (from start, which\ndefaults to zero) and a value yielded by the iterable argument.\n\nenumerate is useful for obtaining an indexed list:\n    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...";

// ---------------------------------------------------------------------------------------
// reversed

export class PyReversed extends PyObject {
  index: number;
  seq: PyObject | null;
  constructor(type: PyType, seq: PyObject, index: number) {
    super(type);
    this.index = index;
    this.seq = seq;
  }
}

export const ReversedType = newStaticType("reversed", REVERSED_SIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE);

/** reversed_new_impl: __reversed__ when defined (None = not reversible), else the sequence protocol. */
export function newReversed(type: PyType, seq: PyObject): PyObject {
  const meth = lookupSpecial(seq, staticStr("__reversed__"));
  if (meth === None) {
    decref(meth);
    raise(TypeErrorType, `'${seq.type.name}' object is not reversible`);
  }
  if (meth !== null) {
    try {
      return callNoArgs(meth);
    } finally {
      decref(meth);
    }
  }
  if (!isSequence(seq)) raise(TypeErrorType, `'${seq.type.name}' object is not reversible`);
  const n = length(seq);
  incref(seq);
  return genericAlloc(new PyReversed(type, seq, n - 1), type, type.basicsize);
}

ReversedType.iternext = (self) => {
  const ro = self as PyReversed;
  const index = ro.index;
  if (index >= 0 && ro.seq !== null) {
    try {
      const item = sequenceGetItem(ro.seq, index);
      ro.index--;
      return item;
    } catch (e) {
      const ends =
        e instanceof PyRaise && (e.exception.type.isSubtypeOf(IndexErrorType) || e.exception.type.isSubtypeOf(StopIterationType));
      ro.index = -1;
      const seq = ro.seq;
      ro.seq = null;
      if (seq !== null) decref(seq);
      if (!ends) throw e;
      decref((e as PyRaise).exception);
      return null;
    }
  }
  ro.index = -1;
  const seq = ro.seq;
  ro.seq = null;
  if (seq !== null) decref(seq);
  return null;
};
ReversedType.iter = (self) => newRef(self);
ReversedType.dealloc = (self) => {
  const ro = self as PyReversed;
  gcUntrack(ro);
  const seq = ro.seq;
  ro.seq = null;
  if (seq !== null) decref(seq);
  freeGCObject(ro);
};
ReversedType.traverse = (self, visit: VisitProc, arg) => {
  const seq = (self as PyReversed).seq;
  if (seq !== null) visit(seq, arg);
};
ReversedType.new_ = (type, args, kwargs) => {
  if (type === ReversedType && kwargs !== null && kwargs.used !== 0) raise(TypeErrorType, "reversed() takes no keyword arguments");
  const n = args.items.length;
  if (n !== 1) raise(TypeErrorType, `reversed expected 1 argument, got ${n}`);
  return newReversed(type, args.items[0]!);
};
/** reversed_vectorcall */
ReversedType.vectorcall = (type, args, start, nargs, kwnames) => {
  if (kwnames !== null && kwnames.items.length !== 0) raise(TypeErrorType, "reversed() takes no keyword arguments");
  if (nargs !== 1) raise(TypeErrorType, `reversed expected 1 argument, got ${nargs}`);
  return newReversed(type as PyType, args[start]!);
};
ReversedType.doc = "Return a reverse iterator over the values of the given sequence.";
staticTypeSpec(ReversedType).methods.push({
  name: "__length_hint__",
  kind: "noargs",
  fn: (self) => {
    const ro = self as PyReversed;
    if (ro.seq === null) return newIntSsize(0);
    const seqsize = length(ro.seq);
    const position = ro.index + 1;
    return newIntSsize(seqsize < position ? 0 : position);
  },
  doc: "Private method returning an estimate of len(list(it)).",
});

readyType(EnumType);
readyType(ReversedType);
