// Objects/structseq.c (3.11): PyStructSequence_InitType2, PyStructSequence_New,
// structseq_new, structseq_repr, structseq_reduce.
//
// Named-tuple-like types of C modules (sys.version_info, sys.float_info, time.struct_time):
// tuple subclasses whose items are also readable as attributes. Fields past
// `nSequenceFields` are attributes only (not part of the tuple); heapscope keeps them beside
// the tuple. Instances are tuples of CPython's size: 24 + 8 per field, plus the GC head.

import { PyObject } from "../runtime/object.js";
import { allocGCObject } from "../runtime/heap.js";
import { gcTrack } from "../runtime/gcstate.js";
import { decref, newRef } from "../runtime/refcount.js";
import { PyType, TPFLAGS_HAVE_GC, TPFLAGS_TUPLE_SUBCLASS } from "../runtime/type.js";
import { newStaticType, readyType, TPFLAGS_DISALLOW_INSTANTIATION } from "../runtime/typeroots.js";
import { addMembers, addMethods } from "../runtime/descrobject.js";
import { typeDictBorrowed } from "../runtime/typeobject.js";
import { PyTuple, TupleType, tupleDealloc, tupleFromOwned, tupleFromBorrowed, tuplePack2 } from "../runtime/tuple.js";
import { dictSetItem, dictGetItemStr, isDict, newDict, type PyDict } from "../runtime/dict.js";
import { newInt } from "../runtime/int.js";
import { newStr, staticStr } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import { raise, TypeErrorType } from "../runtime/exceptions.js";
import { reprText, length, sequenceGetItem } from "../runtime/abstract.js";
import { sequenceTuple } from "../runtime/tuplemethods.js";
import { parseArgs } from "../runtime/getargs.js";

export interface StructSeqSpec {
  /** tp_name, e.g. "sys.version_info" or "time.struct_time". */
  name: string;
  fields: readonly string[];
  /** How many leading fields are tuple items (n_sequence_fields); all by default. */
  nSequenceFields?: number;
  /** Whether Python code may call the type (sys's types may not). */
  instantiable?: boolean;
  doc?: string;
}

/** Per-type layout, looked up by the shared slots. */
interface StructSeqLayout {
  fields: readonly string[];
  nSequence: number;
}
const layouts = new Map<PyType, StructSeqLayout>();
/** Attribute-only fields of instances (owned references). */
const hiddenFields = new WeakMap<PyObject, PyObject[]>();

const TUPLE_HEADER = 24;

function layoutOf(t: PyType): StructSeqLayout {
  for (let b: PyType | null = t; b !== null; b = b.base) {
    const l = layouts.get(b);
    if (l !== undefined) return l;
  }
  throw new Error(`heapscope internal error: ${t.name} is not a struct sequence type`);
}

/** PyStructSequence_InitType2 for a static type. */
export function newStructSeqType(spec: StructSeqSpec): PyType {
  const nSequence = spec.nSequenceFields ?? spec.fields.length;
  const flags = TPFLAGS_HAVE_GC | TPFLAGS_TUPLE_SUBCLASS | (spec.instantiable === true ? 0 : TPFLAGS_DISALLOW_INSTANTIATION);
  const t = newStaticType(spec.name, TUPLE_HEADER, 8, flags, TupleType);
  if (spec.doc !== undefined) t.doc = spec.doc;
  layouts.set(t, { fields: spec.fields, nSequence });
  t.repr = structSeqRepr;
  t.dealloc = structSeqDealloc;
  if (spec.instantiable === true) t.new_ = structSeqNew;
  readyType(t);
  addMembers(
    t,
    spec.fields.map((name, index) => ({
      name,
      get: (self: PyObject) => newRef(fieldOf(self, index)),
    })),
  );
  addMethods(t, [{ name: "__reduce__", kind: "noargs", fn: structSeqReduce }]);
  const d = typeDictBorrowed(t);
  setIntAttr(d, "n_sequence_fields", nSequence);
  setIntAttr(d, "n_fields", spec.fields.length);
  setIntAttr(d, "n_unnamed_fields", 0);
  const matchArgs = tupleFromOwned(spec.fields.slice(0, nSequence).map((f) => newStr(f)));
  dictSetItem(d, staticStr("__match_args__"), matchArgs);
  decref(matchArgs);
  return t;
}

function setIntAttr(d: PyDict, name: string, value: number): void {
  const v = newInt(value);
  dictSetItem(d, staticStr(name), v);
  decref(v);
}

function fieldOf(self: PyObject, index: number): PyObject {
  const t = self as PyTuple;
  const n = t.items.length;
  if (index < n) return t.items[index]!;
  return hiddenFields.get(self)?.[index - n] ?? None;
}

/** PyStructSequence_New + filling: takes over `values` (one per field, in order). */
export function newStructSeq(type: PyType, values: PyObject[]): PyTuple {
  const layout = layoutOf(type);
  if (values.length !== layout.fields.length) {
    throw new Error(`heapscope internal error: ${type.name} needs ${layout.fields.length} values`);
  }
  const visible = values.slice(0, layout.nSequence);
  const t = new PyTuple(type, visible);
  allocGCObject(t, TUPLE_HEADER + 8 * layout.fields.length);
  if (values.length > layout.nSequence) hiddenFields.set(t, values.slice(layout.nSequence));
  gcTrack(t);
  return t;
}

function structSeqDealloc(self: PyObject): void {
  const hidden = hiddenFields.get(self);
  if (hidden !== undefined) {
    hiddenFields.delete(self);
    for (const v of hidden) decref(v);
  }
  tupleDealloc(self);
}

/** structseq_repr: "sys.version_info(major=3, minor=11, ...)". */
function structSeqRepr(self: PyObject): PyObject {
  const t = self as PyTuple;
  const fields = layoutOf(self.type).fields;
  const parts: string[] = [];
  for (let i = 0; i < t.items.length; i++) parts.push(`${fields[i]}=${reprText(t.items[i]!)}`);
  return newStr(`${self.type.name}(${parts.join(", ")})`);
}

/** structseq_reduce: (type, (visible items), {hidden fields}). */
function structSeqReduce(self: PyObject): PyObject {
  const t = self as PyTuple;
  const layout = layoutOf(self.type);
  const tup = tupleFromBorrowed(t.items);
  const d = newDict();
  for (let i = layout.nSequence; i < layout.fields.length; i++) {
    const name = newStr(layout.fields[i]!);
    dictSetItem(d, name, fieldOf(self, i));
    decref(name);
  }
  const args = tuplePack2(tup, d);
  decref(tup);
  decref(d);
  const res = tuplePack2(self.type, args);
  decref(args);
  return res;
}

/** structseq_new: type(sequence, dict=None). */
function structSeqNew(type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  const flat = args.items.slice();
  const kwnames: PyObject[] = [];
  if (kwargs !== null) {
    const seq = dictGetItemStr(kwargs, staticStr("sequence"));
    const dict = dictGetItemStr(kwargs, staticStr("dict"));
    if (seq !== null) {
      kwnames.push(staticStr("sequence"));
      flat.push(seq);
    }
    if (dict !== null) {
      kwnames.push(staticStr("dict"));
      flat.push(dict);
    }
  }
  const names = kwnames.length === 0 ? null : tupleFromBorrowed(kwnames);
  let parsed: (PyObject | null)[];
  try {
    parsed = parseArgs(type.name, flat, 0, args.items.length, names, ["sequence", "dict"], 1);
  } finally {
    if (names !== null) decref(names);
  }
  const layout = layoutOf(type);
  const dict = parsed[1] === null || parsed[1] === None ? null : parsed[1]!;
  if (dict !== null && !isDict(dict)) raise(TypeErrorType, `${type.name}() takes a dict as second arg, if any`);
  const seq = sequenceTuple(parsed[0]!);
  try {
    const len = length(seq);
    const min = layout.nSequence;
    const max = layout.fields.length;
    if (len < min) {
      raise(TypeErrorType, min === max
        ? `${type.name}() takes a ${min}-sequence (${len}-sequence given)`
        : `${type.name}() takes an at least ${min}-sequence (${len}-sequence given)`);
    }
    if (len > max) {
      raise(TypeErrorType, min === max
        ? `${type.name}() takes a ${max}-sequence (${len}-sequence given)`
        : `${type.name}() takes an at most ${max}-sequence (${len}-sequence given)`);
    }
    const values: PyObject[] = [];
    for (let i = 0; i < len; i++) values.push(sequenceGetItem(seq, i));
    for (let i = len; i < max; i++) {
      const v = dict === null ? null : dictGetItemStr(dict as PyDict, staticStr(layout.fields[i]!));
      values.push(newRef(v ?? None));
    }
    return newStructSeq(type, values);
  } finally {
    decref(seq);
  }
}
