// Objects/iterobject.c (3.11): PySeqIter_Type ("iterator", iteration through __getitem__ until
// IndexError or StopIteration) and PyCallIter_Type ("callable_iterator", iter(f, sentinel)).

import { PyObject, type VisitProc } from "./object.js";
import { allocGCObject, freeGCObject } from "./heap.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, incref, newRef } from "./refcount.js";
import { CMP_EQ, TPFLAGS_HAVE_GC } from "./type.js";
import { newStaticType, readyType, staticTypeSpec } from "./typeroots.js";
import { callNoArgs, length, richCompareBool, sequenceGetItem } from "./abstract.js";
import { IndexErrorType, OverflowErrorType, PyRaise, raise, StopIterationType } from "./exceptions.js";
import { newIntSsize } from "./int.js";
import { NotImplemented } from "./singletons.js";
import { SSIZE_MAX } from "./sequtil.js";

/** sizeof(seqiterobject) and sizeof(calliterobject) */
const ITER_SIZE = 32;

export class PySeqIter extends PyObject {
  index: number;
  /** it_seq; null once exhausted. */
  seq: PyObject | null;
  constructor(seq: PyObject) {
    super(SeqIterType);
    this.index = 0;
    this.seq = seq;
  }
}

export const SeqIterType = newStaticType("iterator", ITER_SIZE, 0, TPFLAGS_HAVE_GC);

/** PySeqIter_New (the caller checked PySequence_Check). */
export function newSeqIter(seq: PyObject): PyObject {
  const it = new PySeqIter(seq);
  allocGCObject(it, ITER_SIZE);
  incref(seq);
  gcTrack(it);
  return it;
}

/** An IndexError or StopIteration ends iteration (the error is dropped). */
function endsIteration(e: unknown): e is PyRaise {
  if (!(e instanceof PyRaise)) return false;
  const t = e.exception.type;
  return t.isSubtypeOf(IndexErrorType) || t.isSubtypeOf(StopIterationType);
}

SeqIterType.iternext = (self) => {
  const it = self as PySeqIter;
  const seq = it.seq;
  if (seq === null) return null;
  if (it.index >= SSIZE_MAX) raise(OverflowErrorType, "iter index too large");
  try {
    const result = sequenceGetItem(seq, it.index);
    it.index++;
    return result;
  } catch (e) {
    if (!endsIteration(e)) throw e;
    decref(e.exception);
    it.seq = null;
    decref(seq);
    return null;
  }
};
SeqIterType.iter = (self) => newRef(self);
SeqIterType.dealloc = (self) => {
  const it = self as PySeqIter;
  gcUntrack(it);
  const seq = it.seq;
  it.seq = null;
  if (seq !== null) decref(seq);
  freeGCObject(it);
};
SeqIterType.traverse = (self, visit: VisitProc, arg) => {
  const seq = (self as PySeqIter).seq;
  if (seq !== null) visit(seq, arg);
};
staticTypeSpec(SeqIterType).methods.push({
  name: "__length_hint__",
  kind: "noargs",
  fn: (self) => {
    const it = self as PySeqIter;
    if (it.seq !== null) {
      const t = it.seq.type;
      if (t.sqLength === null && t.mpLength === null) return newRef(NotImplemented);
      const len = length(it.seq) - it.index;
      if (len >= 0) return newIntSsize(len);
    }
    return newIntSsize(0);
  },
  doc: "Private method returning an estimate of len(list(it)).",
});

export class PyCallIter extends PyObject {
  callable: PyObject | null;
  sentinel: PyObject | null;
  constructor(callable: PyObject, sentinel: PyObject) {
    super(CallIterType);
    this.callable = callable;
    this.sentinel = sentinel;
  }
}

export const CallIterType = newStaticType("callable_iterator", ITER_SIZE, 0, TPFLAGS_HAVE_GC);

/** PyCallIter_New: iter(callable, sentinel). */
export function newCallIter(callable: PyObject, sentinel: PyObject): PyObject {
  const it = new PyCallIter(callable, sentinel);
  allocGCObject(it, ITER_SIZE);
  incref(callable);
  incref(sentinel);
  gcTrack(it);
  return it;
}

function callIterClear(it: PyCallIter): void {
  const c = it.callable;
  const s = it.sentinel;
  it.callable = null;
  it.sentinel = null;
  if (c !== null) decref(c);
  if (s !== null) decref(s);
}

CallIterType.iternext = (self) => {
  const it = self as PyCallIter;
  if (it.callable === null) return null;
  let result: PyObject;
  try {
    result = callNoArgs(it.callable);
  } catch (e) {
    if (e instanceof PyRaise && e.exception.type.isSubtypeOf(StopIterationType)) {
      decref(e.exception);
      callIterClear(it);
      return null;
    }
    throw e;
  }
  let ok: boolean;
  try {
    ok = richCompareBool(it.sentinel!, result, CMP_EQ);
  } catch (e) {
    decref(result);
    throw e;
  }
  if (!ok) return result;
  decref(result);
  callIterClear(it);
  return null;
};
CallIterType.iter = (self) => newRef(self);
CallIterType.dealloc = (self) => {
  const it = self as PyCallIter;
  gcUntrack(it);
  callIterClear(it);
  freeGCObject(it);
};
CallIterType.traverse = (self, visit: VisitProc, arg) => {
  const it = self as PyCallIter;
  if (it.callable !== null) visit(it.callable, arg);
  if (it.sentinel !== null) visit(it.sentinel, arg);
};

readyType(SeqIterType);
readyType(CallIterType);
