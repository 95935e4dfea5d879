// Reading an object from outside the heap, for the trace recorder. Models no CPython
// function; it plays the part of a debugger that reads structs (gdb's python extensions,
// for instance) instead of calling into the interpreter.
//
// Nothing here runs Python code, creates a Python object, touches a reference count or
// asks the allocator model for memory: reprs of builtin scalars are formatted from their
// fields, and references are read from the containers' fields or, for other types, through
// the type's traverse slot (which only visits).

import type { PyObject } from "../runtime/object.js";
import { PyType, TPFLAGS_HEAPTYPE, objectIsGC } from "../runtime/type.js";
import { PyList } from "../runtime/list.js";
import { PyTuple } from "../runtime/tuple.js";
import { PyDict, dictNext, dictEntry } from "../runtime/dict.js";
import { PySet, setNext, setEntry } from "../runtime/set.js";
import { PyInstance } from "../runtime/instance.js";
import { PyCell } from "../runtime/cellobject.js";
import { PyMethod } from "../runtime/classobject.js";
import { PyWeakReference } from "../runtime/weakref.js";
import { PyModule } from "../runtime/moduleobject.js";
import { PyInt } from "../runtime/int.js";
import { True, False } from "../runtime/bool.js";
import { PyFloat } from "../runtime/float.js";
import { PyComplex } from "../runtime/complex.js";
import { PyStr } from "../runtime/str.js";
import { PyBytes } from "../runtime/bytes.js";
import { PyByteArray } from "../runtime/bytearray.js";
import { None, NotImplemented, Ellipsis } from "../runtime/singletons.js";
import { PyCFunction } from "../runtime/methodobject.js";
import { floatRepr, complexRepr } from "../runtime/values/floatrepr.js";
import { PyFunction } from "../python/function.js";
import { PyCode } from "../python/code.js";
import {
  KIND_ATOM, KIND_CELL, KIND_DICT, KIND_FUNCTION, KIND_INSTANCE, KIND_LIST, KIND_METHOD, KIND_MODULE,
  KIND_OTHER, KIND_SET, KIND_TUPLE, KIND_TYPE, KIND_WEAKREF, LABEL_CLASS, LABEL_DICT_KEY,
} from "./log.js";

/** Longest short repr kept (longer ones are cut with an ellipsis). */
const REPR_LIMIT = 48;

export function kindOf(o: PyObject): number {
  if (o instanceof PyList) return KIND_LIST;
  if (o instanceof PyTuple) return KIND_TUPLE;
  if (o instanceof PyDict) return KIND_DICT;
  if (o instanceof PySet) return KIND_SET;
  if (o instanceof PyInstance) return KIND_INSTANCE;
  if (o instanceof PyCell) return KIND_CELL;
  if (o instanceof PyWeakReference) return KIND_WEAKREF;
  if (o instanceof PyMethod) return KIND_METHOD;
  if (o instanceof PyFunction || o instanceof PyCFunction) return KIND_FUNCTION;
  if (o instanceof PyType) return KIND_TYPE;
  if (o instanceof PyModule) return KIND_MODULE;
  if (isAtom(o)) return KIND_ATOM;
  return KIND_OTHER;
}

/** Scalars and strings: immutable values the viewer draws inline by default. */
export function isAtom(o: PyObject): boolean {
  return (
    o instanceof PyInt || o instanceof PyFloat || o instanceof PyStr || o instanceof PyBytes ||
    o instanceof PyComplex || o === None || o === NotImplemented || o === Ellipsis
  );
}

/** Namespaces and code: drawn as one labelled box, their insides hidden by default. */
export function isOpaque(o: PyObject): boolean {
  return o instanceof PyFunction || o instanceof PyCFunction || o instanceof PyType || o instanceof PyModule || o instanceof PyCode;
}

/** Objects whose references never change once built (they are read again only while incomplete). */
export function isImmutable(o: PyObject): boolean {
  return o instanceof PyTuple || isAtom(o) || o instanceof PyCode || o instanceof PyCFunction || (o instanceof PySet && o.type.name === "frozenset");
}

export function typeNameOf(o: PyObject): string {
  const t = o.type as PyType | null | undefined;
  if (t === null || t === undefined) return "?";
  return t.name;
}

function cut(text: string): string {
  return text.length <= REPR_LIMIT ? text : text.slice(0, REPR_LIMIT - 1) + "…";
}

/** repr() of a str, as Python writes it (quotes chosen the same way), from its value. */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += "\\x" + code.toString(16).padStart(2, "0");
    else out += ch;
    if (out.length > REPR_LIMIT + 2) break;
  }
  return out + quote;
}

function bytesRepr(data: Uint8Array, start: number, length: number): string {
  let out = "b'";
  for (let i = 0; i < length && out.length <= REPR_LIMIT; i++) {
    const c = data[start + i]!;
    if (c === 0x27 || c === 0x5c) out += "\\" + String.fromCharCode(c);
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c === 0x09) out += "\\t";
    else if (c < 0x20 || c >= 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += String.fromCharCode(c);
  }
  return out + "'";
}

/**
 * A short repr computed from the object's fields: the real repr for builtin scalars, a
 * description for containers (their contents are shown as references), `<K object>` for
 * instances.
 */
export function shortRepr(o: PyObject): string {
  if (o === None) return "None";
  if (o === True) return "True";
  if (o === False) return "False";
  if (o === NotImplemented) return "NotImplemented";
  if (o === Ellipsis) return "Ellipsis";
  if (o instanceof PyInt) return cut(o.big !== null ? o.big.toString() : String(o.value));
  if (o instanceof PyFloat) return cut(floatRepr(o.value));
  if (o instanceof PyComplex) return cut(complexRepr(o.real, o.imag));
  if (o instanceof PyStr) return cut(strRepr(o.value));
  if (o instanceof PyBytes) return cut(bytesRepr(o.data, 0, o.data.length));
  if (o instanceof PyByteArray) return cut(`bytearray(${bytesRepr(o.data, o.start, o.size)})`);
  if (o instanceof PyList) return `list, ${o.items.length} item${o.items.length === 1 ? "" : "s"}`;
  if (o instanceof PyTuple) return `tuple, ${o.items.length} item${o.items.length === 1 ? "" : "s"}`;
  if (o instanceof PyDict) return `dict, ${o.used} item${o.used === 1 ? "" : "s"}`;
  if (o instanceof PySet) return `${typeNameOf(o)}, ${o.used} item${o.used === 1 ? "" : "s"}`;
  if (o instanceof PyFunction) return cut(`<function ${o.qualname.value}>`);
  if (o instanceof PyCFunction) return cut(`<built-in function ${o.def.name}>`);
  if (o instanceof PyType) return cut(`<class '${o.qualname}'>`);
  if (o instanceof PyModule) {
    const name = o.name instanceof PyStr ? o.name.value : "?";
    return cut(`<module '${name}'>`);
  }
  if (o instanceof PyCode) return cut(`<code ${o.qualname.value}>`);
  if (o instanceof PyCell) return "cell";
  if (o instanceof PyMethod) {
    const f = o.func;
    const name = f instanceof PyFunction ? f.qualname.value : typeNameOf(f);
    return cut(`<bound method ${name}>`);
  }
  if (o instanceof PyWeakReference) return o.referent === null ? "<weakref; dead>" : `<weakref to '${typeNameOf(o.referent)}'>`;
  return cut(`<${typeNameOf(o)} object>`);
}

/** Does the repr depend on mutable state (so the recorder must look at it again each step)? */
export function hasMutableRepr(o: PyObject): boolean {
  return o instanceof PyByteArray || o instanceof PyWeakReference;
}

export { objectIsGC };

// ------------------------------------------------------------------------- references

/**
 * Where a read of an object's references goes: parallel arrays of referents and labels,
 * reused from call to call. `total` is the number of references the object holds when that
 * is more than were recorded (a container cut at the item limit).
 */
export class EdgeSink {
  /** The first `count` entries are this read's; entries past it are stale. */
  targets: PyObject[] = [];
  labels: string[] = [];
  count = 0;
  total = 0;
  limit = 64;

  reset(limit: number): void {
    this.count = 0;
    this.total = 0;
    this.limit = limit;
  }

  add(target: PyObject | null | undefined, label: string): void {
    if (target === null || target === undefined) return;
    this.total++;
    const n = this.count;
    if (n >= this.limit) return;
    this.targets[n] = target;
    this.labels[n] = label;
    this.count = n + 1;
  }
}

const indexLabels: string[] = [];
function indexLabel(i: number): string {
  let s = indexLabels[i];
  if (s === undefined) {
    s = `[${i}]`;
    indexLabels[i] = s;
  }
  return s;
}

/** Label of a dict value: the key's short repr in brackets. */
function keyLabel(key: PyObject): string {
  if (key instanceof PyStr) return `[${strRepr(key.value)}]`;
  return `[${shortRepr(key)}]`;
}

/**
 * The strong references `o` holds, with labels (`[0]`, `['k']`, `next`, `__class__`...), at most
 * `limit` of them. Lists, tuples, dicts, sets, instances, cells and bound methods are read
 * from their fields; any other type through its traverse slot, labelled with the name of the
 * field that holds each referent when one does.
 */
export function readEdges(o: PyObject, sink: EdgeSink, limit: number): void {
  sink.reset(limit);
  if (o instanceof PyList || o instanceof PyTuple) {
    const items = o.items;
    const n = items.length < limit ? items.length : limit;
    for (let i = 0; i < n; i++) sink.add(items[i], indexLabel(i));
    // The rest are counted, not read.
    if (items.length > n) sink.total += items.length - n;
    addHeapTypeEdge(o, sink);
    return;
  }
  if (o instanceof PyDict) {
    // A split table's keys belong to the class's shared keys object, not to this dict.
    const split = o.values !== null;
    for (let pos = dictNext(o, 0); pos >= 0; pos = dictNext(o, pos)) {
      const key = dictEntry.key as PyObject;
      const value = dictEntry.value as PyObject;
      if (!split) sink.add(key, LABEL_DICT_KEY);
      sink.add(value, keyLabel(key));
      if (sink.count >= limit) {
        sink.total += 2 * (o.used - 1);
        break;
      }
    }
    addHeapTypeEdge(o, sink);
    return;
  }
  if (o instanceof PySet) {
    for (let pos = setNext(o, 0); pos >= 0; pos = setNext(o, pos)) {
      sink.add(setEntry.key, "");
      if (sink.count >= limit) {
        sink.total = o.used;
        break;
      }
    }
    addHeapTypeEdge(o, sink);
    return;
  }
  if (o instanceof PyInstance) {
    readInstanceEdges(o, sink);
    return;
  }
  if (o instanceof PyCell) {
    sink.add(o.ref, "cell_contents");
    return;
  }
  if (o instanceof PyMethod) {
    sink.add(o.func, "__func__");
    sink.add(o.self, "__self__");
    return;
  }
  readTraverseEdges(o, sink);
}

/** Instances of heap subclasses of builtins hold their class; builtin instances do not. */
function addHeapTypeEdge(o: PyObject, sink: EdgeSink): void {
  if ((o.type.flags & TPFLAGS_HEAPTYPE) === 0) return;
  // Attributes and __slots__ of a builtin subclass live beside the object: ask traverse.
  readTraverseEdgesInto(o, sink, true);
}

function readInstanceEdges(o: PyInstance, sink: EdgeSink): void {
  const t = o.type;
  const slots = o.slots;
  if (slots.length > 0) {
    const names = slotNamesOf(t);
    for (let i = 0; i < slots.length; i++) sink.add(slots[i], names[i] ?? "");
  }
  const values = o.values;
  const keys = t.cachedKeys;
  if (values !== null && keys !== null) {
    // Insertion order, as vars(obj) lists them.
    const seen = values.order;
    for (let k = 0; k < seen.length; k++) {
      const index = seen[k]!;
      const name = keys.entryKeys[index];
      sink.add(values.values[index], name instanceof PyStr ? name.value : "");
    }
    // Any value not in the order list (there should be none) still holds a reference.
    if (seen.length !== countNonNull(values.values, keys.nentries)) {
      for (let i = 0; i < keys.nentries; i++) {
        if (!seen.includes(i)) sink.add(values.values[i], "");
      }
    }
  } else if (o.dict !== null) {
    sink.add(o.dict, "__dict__");
  }
  sink.add(t, LABEL_CLASS);
}

function countNonNull(values: (PyObject | null)[], n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (values[i] !== null && values[i] !== undefined) count++;
  return count;
}

const slotNamesCache = new WeakMap<PyType, string[]>();

/** __slots__ names in the instance's slot order (oldest class first). */
function slotNamesOf(t: PyType): string[] {
  let names = slotNamesCache.get(t);
  if (names !== undefined) return names;
  const chain: PyType[] = [];
  for (let b: PyType | null = t; b !== null && (b.flags & TPFLAGS_HEAPTYPE) !== 0; b = b.base) chain.push(b);
  names = [];
  for (let i = chain.length - 1; i >= 0; i--) {
    const own = chain[i]!.slotNames;
    if (own !== null) for (const n of own) names.push(n);
  }
  slotNamesCache.set(t, names);
  return names;
}

// The traverse slot's visit function cannot be a closure made per read (no allocation per
// object), so the current sink travels in a module variable.
let traverseSink: EdgeSink = new EdgeSink();
let traverseOwner: PyObject | null = null;

function visitIntoSink(referent: PyObject, _arg: unknown): void {
  // Labels of traversed references are found later, and only when the references changed.
  traverseSink.add(referent, traverseOwner !== null && referent === traverseOwner.type ? LABEL_CLASS : UNLABELLED);
}

/** Placeholder label of a reference read through traverse (see labelTraversed). */
export const UNLABELLED = "\u0000";

/** Replaces placeholder labels with the names of the fields holding each referent. */
export function labelTraversed(owner: PyObject, sink: EdgeSink): void {
  for (let i = 0; i < sink.count; i++) {
    if (sink.labels[i] === UNLABELLED) sink.labels[i] = fieldNameHolding(owner, sink.targets[i]!);
  }
}

function readTraverseEdges(o: PyObject, sink: EdgeSink): void {
  readTraverseEdgesInto(o, sink, false);
}

function readTraverseEdgesInto(o: PyObject, sink: EdgeSink, skipBuiltinPart: boolean): void {
  const traverse = o.type.traverse;
  if (traverse === null) return;
  if (skipBuiltinPart) {
    // Only the class edge and extras: the builtin part was read field by field.
    const before = sink.count;
    const beforeTotal = sink.total;
    const scratch = scratchSink;
    scratch.reset(1 << 30);
    traverseSink = scratch;
    traverseOwner = o;
    try {
      traverse(o, visitIntoSink, null);
    } finally {
      traverseOwner = null;
    }
    // Remove from the full list the referents already read (one occurrence each).
    const remaining = scratch.targets.slice(0, scratch.count);
    const remainingLabels = scratch.labels.slice(0, scratch.count);
    for (let i = 0; i < before; i++) {
      const at = remaining.indexOf(sink.targets[i]!);
      if (at >= 0) {
        remaining.splice(at, 1);
        remainingLabels.splice(at, 1);
      }
    }
    sink.total = beforeTotal;
    for (let i = 0; i < remaining.length; i++) {
      const target = remaining[i]!;
      sink.add(target, target === o.type ? LABEL_CLASS : fieldNameHolding(o, target));
    }
    return;
  }
  traverseSink = sink;
  traverseOwner = o;
  try {
    traverse(o, visitIntoSink, null);
  } finally {
    traverseOwner = null;
  }
}

const scratchSink = new EdgeSink();

/** The name of a field of `owner` holding `referent` (its JS property name), for labels. */
function fieldNameHolding(owner: PyObject, referent: PyObject): string {
  if (referent === owner.type) return LABEL_CLASS;
  const record = owner as unknown as Record<string, unknown>;
  for (const key in record) {
    if (key === "type" || key === "gcNext" || key === "gcPrev" || key === "weakrefList") continue;
    const value = record[key];
    if (value === referent) return key;
    if (Array.isArray(value)) {
      const at = value.indexOf(referent);
      if (at >= 0 && value.length <= 64) return `${key}[${at}]`;
    }
  }
  return "";
}

/** The referent of a weak reference (borrowed), or null when it is dead. */
export function weakReferent(o: PyObject): PyObject | null {
  return o instanceof PyWeakReference ? o.referent : null;
}

/** The number of items a container holds (for containers cut at the item limit). */
export function containerLength(o: PyObject): number {
  if (o instanceof PyList || o instanceof PyTuple) return o.items.length;
  if (o instanceof PyDict) return o.used;
  if (o instanceof PySet) return o.used;
  return -1;
}

/** A dict's cheap change marker: its version tag changes on every mutation. */
export function dictVersion(o: PyObject): number {
  return o instanceof PyDict ? o.versionTag : -1;
}

export function isDict(o: PyObject): o is PyDict {
  return o instanceof PyDict;
}

export function isWeakref(o: PyObject): boolean {
  return o instanceof PyWeakReference;
}

export function isGCObject(o: PyObject): boolean {
  return objectIsGC(o);
}
