// Test-only object types for the collector's tests (not part of the runtime). They model
// what the collector sees of real types without depending on them: GC containers with N
// reference fields (traverse, clear and a trashcan-guarded dealloc like subtype_dealloc's),
// optionally with a finalizer (tp_finalize, recorded in a JS array), a legacy finalizer
// (tp_del), weakref support, and a call slot running a JS function.

import { PyObject, type VisitProc } from "../object.js";
import { allocGCObject, freeGCObject } from "../heap.js";
import { gcstate, gcTrack, gcUntrack } from "../gcstate.js";
import { collect } from "../gc.js";
import type { PyList } from "../list.js";
import { decref, incref, newRef } from "../refcount.js";
import { PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC } from "../type.js";
import { newStaticType, readyType } from "../typeroots.js";
import { trashBegin, trashEnd } from "../trashcan.js";
import type { PyTuple } from "../tuple.js";
import { None } from "../singletons.js";
import { callFinalizerFromDealloc } from "../finalize.js";
import { clearRef, clearWeakrefs } from "../weakref.js";

export class TestNode extends PyObject {
  /** Owned references (null = empty slot). */
  fields: (PyObject | null)[];
  /** A number the tests use to recognise the node in logs. */
  label: number;
  /** Run by the finalizer (to resurrect, record, ...). */
  onFinalize: ((self: TestNode) => void) | null;
  /** Run by the call slot; the result is a new reference. */
  onCall: ((self: TestNode, args: PyObject[]) => PyObject) | null;

  constructor(type: PyType, nfields: number, label: number) {
    super(type);
    this.fields = new Array<PyObject | null>(nfields).fill(null);
    this.label = label;
    this.onFinalize = null;
    this.onCall = null;
  }
}

/** Every finalizer / legacy-finalizer call, in order: the node's label. */
export const finalizerLog: number[] = [];
/** Labels of nodes whose memory was freed, in order. */
export const freeLog: number[] = [];
let recordFrees = false;

export function recordFreesOn(on: boolean): void {
  recordFrees = on;
  freeLog.length = 0;
}

function nodeTraverse(self: PyObject, visit: VisitProc, arg: unknown): void {
  const fields = (self as TestNode).fields;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f !== null) visit(f, arg);
  }
}

/** Traversed and released from the last field to the first, as list and tuple do. */
function nodeTraverseReversed(self: PyObject, visit: VisitProc, arg: unknown): void {
  const fields = (self as TestNode).fields;
  for (let i = fields.length - 1; i >= 0; i--) {
    const f = fields[i]!;
    if (f !== null) visit(f, arg);
  }
}

function nodeClear(self: PyObject): void {
  const fields = (self as TestNode).fields;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f !== null) {
      fields[i] = null;
      decref(f);
    }
  }
}

function releaseFields(node: TestNode, reversed: boolean): void {
  const fields = node.fields;
  if (reversed) {
    for (let i = fields.length - 1; i >= 0; i--) {
      const f = fields[i]!;
      fields[i] = null;
      if (f !== null) decref(f);
    }
  } else {
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      fields[i] = null;
      if (f !== null) decref(f);
    }
  }
}

/** subtype_dealloc's order: untrack, trashcan, finalizer, weakrefs, tp_del, fields, free. */
function nodeDealloc(self: PyObject): void {
  const node = self as TestNode;
  const type = node.type;
  gcUntrack(node);
  if (!trashBegin(node)) return;
  if (type.finalize !== null && callFinalizerFromDealloc(node)) {
    trashEnd();
    return;
  }
  if (type.weaklistoffset > 0 && node.weakrefList !== null) clearWeakrefs(node);
  if (type.legacyDel !== null) {
    gcTrack(node);
    node.refcnt = 1;
    type.legacyDel(node);
    node.refcnt--;
    if (node.refcnt > 0) {
      trashEnd();
      return;
    }
    gcUntrack(node);
  }
  if (type.finalize !== null) {
    // Weakrefs made by the finalizer die silently.
    while (node.weakrefList !== null) clearRef(node.weakrefList);
  }
  releaseFields(node, type.traverse === nodeTraverseReversed);
  if (recordFrees) freeLog.push(node.label);
  freeGCObject(node);
  trashEnd();
}

function nodeFinalize(self: PyObject): void {
  const node = self as TestNode;
  finalizerLog.push(node.label);
  if (node.onFinalize !== null) node.onFinalize(node);
}

function nodeCall(callable: PyObject, args: PyObject[], start: number, nargs: number, _kwnames: PyTuple | null): PyObject {
  const node = callable as TestNode;
  if (node.onCall === null) return newRef(None);
  return node.onCall(node, args.slice(start, start + nargs));
}

export interface NodeTypeOptions {
  finalizer?: boolean;
  legacyFinalizer?: boolean;
  weakrefable?: boolean;
  callable?: boolean;
  /** Traverse and release fields from last to first (list/tuple order). */
  reversed?: boolean;
}

/** A GC type whose instances hold `fields` references. */
export function makeNodeType(name: string, options: NodeTypeOptions = {}): PyType {
  const t = newStaticType(name, 16, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE);
  t.dealloc = nodeDealloc;
  t.traverse = options.reversed === true ? nodeTraverseReversed : nodeTraverse;
  t.clear = nodeClear;
  if (options.finalizer === true) t.finalize = nodeFinalize;
  if (options.legacyFinalizer === true) t.legacyDel = nodeFinalize;
  if (options.weakrefable !== false) t.weaklistoffset = 16;
  if (options.callable === true) t.call = nodeCall;
  readyType(t);
  return t;
}

export const NodeType = makeNodeType("Node");
export const ListNodeType = makeNodeType("ListNode", { reversed: true, weakrefable: false });
export const FinalizerNodeType = makeNodeType("FinNode", { finalizer: true });
export const LegacyNodeType = makeNodeType("LegacyNode", { legacyFinalizer: true });
export const CallableNodeType = makeNodeType("CallableNode", { callable: true });

/** A new tracked node (new reference) with `nfields` empty fields. */
export function newNode(type: PyType = NodeType, nfields = 1, label = 0): TestNode {
  const node = new TestNode(type, nfields, label);
  // Like a __slots__ instance: header + weaklist + one word per field.
  allocGCObject(node, 24 + 8 * nfields);
  gcTrack(node);
  return node;
}

/** Stores a new reference to `value` in field `i`, releasing the old one. */
export function setField(node: TestNode, i: number, value: PyObject | null): void {
  const old = node.fields[i]!;
  if (value !== null) incref(value);
  node.fields[i] = value;
  if (old !== null) decref(old);
}

/** A callable GC node whose call runs `fn(args)` and returns None. */
export function newCallable(fn: (args: PyObject[]) => void, label = 0): TestNode {
  const node = newNode(CallableNodeType, 1, label);
  node.onCall = (_self, args) => {
    fn(args);
    return newRef(None);
  };
  return node;
}

/**
 * A quiet collector for a test: automatic collection off, no debug flags, everything
 * collectable collected, gc.garbage and the logs emptied.
 */
export function settleCollector(): void {
  gcstate.enabled = false;
  gcstate.debug = 0;
  gcstate.callbacks = null;
  collect(2);
  const garbage = gcstate.garbage as PyList | null;
  if (garbage !== null) {
    gcstate.garbage = null;
    decref(garbage);
  }
  finalizerLog.length = 0;
}
