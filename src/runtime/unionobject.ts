// Objects/unionobject.c: types.UnionType (_Py_union_type_or, make_union, flatten_args,
// dedup_and_flatten_args, is_unionable, union_repr/union_repr_item, union_hash,
// union_richcompare, union_getattro, union_getitem, union_parameters), and type_or
// (Objects/typeobject.c) which gives `type` its `|`.
//
// `int | str`: a flat, duplicate-free tuple of arguments. 32 bytes + GC head, tracked at
// creation. isinstance/issubclass look through it (abstract.ts, via setUnionArgsGetter).

import { PyObject, type VisitProc } from "./object.js";
import { allocGCObject, freeGCObject } from "./heap.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, newRef } from "./refcount.js";
import { CMP_EQ, CMP_NE, TPFLAGS_HAVE_GC } from "./type.js";
import { isTypeObject, newStaticType, readyType, TPFLAGS_DISALLOW_INSTANTIATION, TypeType } from "./typeroots.js";
import { PyTuple, tupleFromOwned } from "./tuple.js";
import { addGetSets, addMembers } from "./descrobject.js";
import { internStr, newStr, PyStr } from "./str.js";
import { None, NoneType, NotImplemented } from "./singletons.js";
import { binaryOp, getAttr, lookupAttr, NB_OR, objectHash, objectRepr, richCompare, richCompareBool, setUnionArgsGetter } from "./abstract.js";
import { genericGetAttr } from "./typeobject.js";
import { makeParameters, PyGenericAlias, reprItem, substParameters } from "./genericaliasobject.js";
import { newFrozenSet, newSetFromIterable } from "./set.js";
import { raise, TypeErrorType } from "./exceptions.js";

/** sizeof(unionobject): head, args, parameters. */
export const UNION_BASICSIZE = 32;

export class PyUnion extends PyObject {
  args: PyTuple;
  parameters: PyTuple | null;
  constructor(args: PyTuple) {
    super(null);
    this.refcnt = 1;
    this.type = UnionType;
    this.address = 0;
    this.gcNext = null;
    this.gcPrev = null;
    this.gcRefs = 0;
    this.gcFlags = 0;
    this.weakrefList = null;
    this.args = args;
    this.parameters = null;
  }
}

export const UnionType = newStaticType("types.UnionType", UNION_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_DISALLOW_INSTANTIATION);
UnionType.dealloc = unionDealloc;
UnionType.traverse = unionTraverse;
UnionType.repr = unionRepr;
UnionType.hash = unionHash;
UnionType.richcompare = unionRichCompare;
UnionType.getattro = unionGetAttr;
UnionType.mpSubscript = unionGetItem;
UnionType.nbOr = unionTypeOr;
readyType(UnionType);
addMembers(UnionType, [{ name: "__args__", get: (u) => newRef((u as PyUnion).args) }]);
addGetSets(UnionType, [{ name: "__parameters__", get: (u) => newRef(parametersOf(u as PyUnion)) }]);

// type_or: `int | str`, `None | int` (the right operand's slot runs with None on the left).
TypeType.nbOr = unionTypeOr;

setUnionArgsGetter((o) => (o instanceof PyUnion ? o.args : null));

export function isUnion(o: PyObject): o is PyUnion {
  return o.type === UnionType;
}

const MODULE = internStr("__module__");

/** is_unionable, without the typing-module cases (TypeVar, NewType, _SpecialForm). */
function isUnionable(o: PyObject): boolean {
  return o === None || isTypeObject(o) || o instanceof PyGenericAlias || o instanceof PyUnion || isTypingUnionable(o);
}

/** typing.TypeVar / _SpecialForm instances and NewType functions count as types. */
function isTypingUnionable(o: PyObject): boolean {
  const n = o.type.name;
  if (n !== "TypeVar" && n !== "_SpecialForm" && n !== "function") return false;
  const target = n === "function" ? o : o.type;
  const m = lookupAttr(target, MODULE);
  if (m === null) return false;
  const ok = m instanceof PyStr && m.value === "typing";
  decref(m);
  return ok;
}

/** _Py_union_type_or: the nb_or slot of type, GenericAlias and UnionType. */
export function unionTypeOr(self: PyObject, other: PyObject): PyObject {
  if (!isUnionable(self) || !isUnionable(other)) return newRef(NotImplemented);
  return makeUnion([self, other]);
}

/** make_union over borrowed items: flatten, None → NoneType, dedup; one survivor is returned as is. */
export function makeUnion(items: readonly PyObject[]): PyObject {
  const flat: PyObject[] = [];
  for (const a of items) {
    if (a instanceof PyUnion) for (const x of a.args.items) flat.push(x);
    else flat.push(a === None ? NoneType : a);
  }
  const out: PyObject[] = [];
  for (const x of flat) {
    let dup = false;
    for (const y of out) {
      // Generic aliases are compared by value, everything else by identity.
      dup = x instanceof PyGenericAlias && y instanceof PyGenericAlias ? richCompareBool(x, y, CMP_EQ) : x === y;
      if (dup) break;
    }
    if (!dup) out.push(x);
  }
  if (out.length === 1) return newRef(out[0]!);
  const u = new PyUnion(tupleFromOwned(out.map((x) => newRef(x))));
  allocGCObject(u, UNION_BASICSIZE);
  gcTrack(u);
  return u;
}


function unionDealloc(o: PyObject): void {
  const u = o as PyUnion;
  gcUntrack(u);
  decref(u.args);
  if (u.parameters !== null) decref(u.parameters);
  freeGCObject(u);
}

function unionTraverse(o: PyObject, visit: VisitProc, arg: unknown): void {
  const u = o as PyUnion;
  visit(u.args, arg);
  if (u.parameters !== null) visit(u.parameters, arg);
}

function unionRepr(o: PyObject): PyObject {
  const parts: string[] = [];
  for (const p of (o as PyUnion).args.items) parts.push(p === NoneType ? "None" : reprItem(p));
  return newStr(parts.join(" | "));
}

function unionHash(o: PyObject): void {
  const s = newFrozenSet((o as PyUnion).args);
  try {
    objectHash(s);
  } finally {
    decref(s);
  }
}

function unionRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (!(b instanceof PyUnion) || (op !== CMP_EQ && op !== CMP_NE)) return newRef(NotImplemented);
  const sa = newSetFromIterable((a as PyUnion).args);
  try {
    const sb = newSetFromIterable(b.args);
    try {
      return richCompare(sa, sb, op);
    } finally {
      decref(sb);
    }
  } finally {
    decref(sa);
  }
}

/** union_getattro: `__module__` is the type's ('types'); the rest is generic. */
function unionGetAttr(o: PyObject, name: PyStr): PyObject {
  if (name.value === "__module__") return getAttr(o.type, name);
  return genericGetAttr(o, name);
}

function parametersOf(u: PyUnion): PyTuple {
  if (u.parameters === null) u.parameters = makeParameters(u.args);
  return u.parameters;
}

/** union_getitem: substitute, then rebuild with `|` so typing's objects combine their way. */
function unionGetItem(o: PyObject, item: PyObject): PyObject {
  const u = o as PyUnion;
  const newargs = substParameters(u, u.args, parametersOf(u), item);
  try {
    for (const a of newargs.items) {
      if (!isUnionable(a)) {
        const r = objectRepr(a);
        const text = r.value;
        decref(r);
        raise(TypeErrorType, `Each union argument must be a type, got ${text}`);
      }
    }
    let res = newRef(newargs.items[0]!);
    for (let i = 1; i < newargs.items.length; i++) {
      const next = binaryOp(res, newargs.items[i]!, NB_OR);
      decref(res);
      res = next;
    }
    return res;
  } finally {
    decref(newargs);
  }
}
