// Objects/genericaliasobject.c: types.GenericAlias (Py_GenericAlias, ga_new, ga_repr,
// ga_repr_item, ga_hash, ga_richcompare, ga_call, ga_getattro with attr_exceptions,
// ga_getitem, _Py_make_parameters, _Py_subs_parameters (simplified), ga_mro_entries,
// ga_instancecheck/ga_subclasscheck, ga_reduce, ga_dir, ga_traverse, ga_dealloc).
//
// `list[int]`: the origin plus its arguments. Made by `__class_getitem__` of builtin generic
// types and by `type[...]`. 64 bytes + GC head, tracked at creation, as in CPython.

import { PyObject, type VisitProc } from "./object.js";
import { allocGCObject, freeGCObject } from "./heap.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, incref, newRef } from "./refcount.js";
import { CMP_EQ, CMP_NE, TPFLAGS_HAVE_GC, type PyType } from "./type.js";
import { isTypeObject, newStaticType, readyType, TPFLAGS_HAVE_VECTORCALL } from "./typeroots.js";
import { EMPTY_TUPLE, PyTuple, tupleFromOwned, TupleType } from "./tuple.js";
import { addGetSets, addMembers, addMethods } from "./descrobject.js";
import { internStr, newStr, PyStr } from "./str.js";
import { newBool } from "./bool.js";
import { Ellipsis, None, NotImplemented } from "./singletons.js";
import {
  callObject, callOneArg, getAttr, getItem, lookupAttr, objectDir, objectHash, objectRepr, objectStr,
  richCompareBool, setAttr, setGenericAliasFactory,
} from "./abstract.js";
import { hashResult } from "./values/pyhash.js";
import { genericGetAttr } from "./typeobject.js";
import { clearWeakrefs } from "./weakref.js";
import { checkPositional } from "./getargs.js";
import { dictLength, DictType, type PyDict } from "./dict.js";
import { AttributeErrorType, BaseExceptionGroupType, exceptionMatches, PyRaise, raise, TypeErrorType } from "./exceptions.js";
import { trashBegin, trashEnd } from "./trashcan.js";
import { listAppend, ListType, PyList } from "./list.js";
import { FrozenSetType, SetType } from "./set.js";
import { EnumType } from "./enumobject.js";
import { MappingProxyType } from "./mappingproxy.js";
import { RefType } from "./weakref.js";
import type { MethodDef } from "./methoddef.js";
import { unionTypeOr } from "./unionobject.js";

/** sizeof(gaobject): head, origin, args, parameters, weakreflist, starred, vectorcall. */
export const GENERIC_ALIAS_BASICSIZE = 64;

export class PyGenericAlias extends PyObject {
  origin: PyObject;
  args: PyTuple;
  /** Computed on first use of `__parameters__` or subscription. */
  parameters: PyTuple | null;
  starred: boolean;
  constructor(origin: PyObject, args: PyTuple, starred: boolean) {
    super(null);
    this.refcnt = 1;
    this.type = GenericAliasType;
    this.address = 0;
    this.gcNext = null;
    this.gcPrev = null;
    this.gcRefs = 0;
    this.gcFlags = 0;
    this.weakrefList = null;
    this.origin = origin;
    this.args = args;
    this.parameters = null;
    this.starred = starred;
  }
}

export const GenericAliasType = newStaticType("types.GenericAlias", GENERIC_ALIAS_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_HAVE_VECTORCALL);
GenericAliasType.weaklistoffset = 40;
GenericAliasType.dealloc = gaDealloc;
GenericAliasType.traverse = gaTraverse;
GenericAliasType.repr = gaRepr;
GenericAliasType.hash = gaHash;
GenericAliasType.richcompare = gaRichCompare;
GenericAliasType.call = gaCall;
GenericAliasType.getattro = gaGetAttr;
GenericAliasType.mpSubscript = gaGetItem;
GenericAliasType.nbOr = unionTypeOr;
GenericAliasType.new_ = gaNew;
readyType(GenericAliasType);
addMembers(GenericAliasType, [
  { name: "__origin__", get: (g) => newRef((g as PyGenericAlias).origin) },
  { name: "__args__", get: (g) => newRef((g as PyGenericAlias).args) },
]);
addGetSets(GenericAliasType, [
  { name: "__parameters__", get: (g) => newRef(parametersOf(g as PyGenericAlias)) },
  { name: "__unpacked__", get: (g) => newBool((g as PyGenericAlias).starred) },
  {
    name: "__typing_unpacked_tuple_args__",
    get: (g) => {
      const ga = g as PyGenericAlias;
      // Only `*tuple[...]` has them: the origin must be tuple itself.
      if (ga.starred && ga.origin === TupleType) return newRef(ga.args);
      return newRef(None);
    },
  },
]);
addMethods(GenericAliasType, [
  { name: "__mro_entries__", kind: "o", fn: (g) => tupleFromOwned([newRef((g as PyGenericAlias).origin)]) },
  { name: "__instancecheck__", kind: "o", fn: () => raise(TypeErrorType, "isinstance() argument 2 cannot be a parameterized generic") },
  { name: "__subclasscheck__", kind: "o", fn: () => raise(TypeErrorType, "issubclass() argument 2 cannot be a parameterized generic") },
  { name: "__reduce__", kind: "noargs", fn: gaReduce },
  { name: "__dir__", kind: "noargs", fn: gaDir },
]);


/** Py_GenericAlias: `args` that is not a tuple becomes a 1-tuple (both borrowed). */
export function newGenericAlias(origin: PyObject, args: PyObject, starred = false): PyGenericAlias {
  let argsTuple: PyTuple;
  if (args instanceof PyTuple) argsTuple = newRef(args);
  else argsTuple = tupleFromOwned([newRef(args)]);
  incref(origin);
  const g = new PyGenericAlias(origin, argsTuple, starred);
  allocGCObject(g, GENERIC_ALIAS_BASICSIZE);
  gcTrack(g);
  return g;
}

export function isGenericAlias(o: PyObject): o is PyGenericAlias {
  return o.type === GenericAliasType;
}

setGenericAliasFactory((origin, args) => newGenericAlias(origin, args));

/** Body of a builtin type's `__class_getitem__` classmethod (METH_O | METH_CLASS). */
export function classGetItem(cls: PyObject, item: PyObject): PyObject {
  return newGenericAlias(cls, item);
}

function gaDealloc(o: PyObject): void {
  const g = o as PyGenericAlias;
  gcUntrack(g);
  if (!trashBegin(g)) return;
  if (g.weakrefList !== null) clearWeakrefs(g);
  decref(g.origin);
  decref(g.args);
  if (g.parameters !== null) decref(g.parameters);
  freeGCObject(g);
  trashEnd();
}

function gaTraverse(o: PyObject, visit: VisitProc, arg: unknown): void {
  const g = o as PyGenericAlias;
  visit(g.origin, arg);
  visit(g.args, arg);
  if (g.parameters !== null) visit(g.parameters, arg);
}

const ORIGIN = internStr("__origin__");
const ARGS = internStr("__args__");
const QUALNAME = internStr("__qualname__");
const MODULE = internStr("__module__");
const ORIG_CLASS = internStr("__orig_class__");
const TYPING_SUBST = internStr("__typing_subst__");
const PARAMETERS = internStr("__parameters__");

function textOf(o: PyObject, repr: boolean): string {
  const s = repr ? objectRepr(o) : objectStr(o);
  const t = s.value;
  decref(s);
  return t;
}

/** ga_repr_item / union_repr_item: generic aliases by repr, classes by [module.]qualname. */
export function reprItem(p: PyObject): string {
  const origin = lookupAttr(p, ORIGIN);
  if (origin !== null) {
    decref(origin);
    const args = lookupAttr(p, ARGS);
    if (args !== null) {
      decref(args);
      return textOf(p, true);
    }
  }
  const qualname = lookupAttr(p, QUALNAME);
  if (qualname === null) return textOf(p, true);
  try {
    const module = lookupAttr(p, MODULE);
    if (module === null) return textOf(p, true);
    try {
      if (module === None) return textOf(p, true);
      if (module instanceof PyStr && module.value === "builtins") return textOf(qualname, false);
      return `${textOf(module, false)}.${textOf(qualname, false)}`;
    } finally {
      decref(module);
    }
  } finally {
    decref(qualname);
  }
}

function gaRepr(o: PyObject): PyObject {
  const g = o as PyGenericAlias;
  const parts: string[] = [];
  for (const a of g.args.items) parts.push(a === Ellipsis ? "..." : reprItem(a));
  const inner = parts.length === 0 ? "()" : parts.join(", ");
  return newStr(`${g.starred ? "*" : ""}${reprItem(g.origin)}[${inner}]`);
}

function gaHash(o: PyObject): void {
  const g = o as PyGenericAlias;
  objectHash(g.origin);
  const hHi = hashResult.hi, hLo = hashResult.lo;
  objectHash(g.args);
  const hi = hashResult.hi ^ hHi;
  let lo = hashResult.lo ^ hLo;
  if (hi === -1 && lo === -1) lo = -2;
  hashResult.hi = hi;
  hashResult.lo = lo;
}

function gaRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (!(a instanceof PyGenericAlias) || !(b instanceof PyGenericAlias) || (op !== CMP_EQ && op !== CMP_NE)) {
    return newRef(NotImplemented);
  }
  let eq = a.starred === b.starred;
  if (eq) eq = richCompareBool(a.origin, b.origin, CMP_EQ);
  if (eq) eq = richCompareBool(a.args, b.args, CMP_EQ);
  return newBool(op === CMP_EQ ? eq : !eq);
}

function gaCall(callable: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const g = callable as PyGenericAlias;
  const obj = callObject(g.origin, args, start, nargs, kwnames);
  try {
    setAttr(obj, ORIG_CLASS, g);
  } catch (e) {
    // Instances that refuse attributes (builtins, __slots__) are returned as they are.
    if (e instanceof PyRaise && (exceptionMatches(e.exception, AttributeErrorType) || exceptionMatches(e.exception, TypeErrorType))) {
      decref(e.exception);
    } else {
      decref(obj);
      throw e;
    }
  }
  return obj;
}

/** attr_exceptions: what the alias answers itself; every other name is the origin's. */
const ATTR_EXCEPTIONS = new Set([
  "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__",
  "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__",
]);

function gaGetAttr(o: PyObject, name: PyStr): PyObject {
  if (ATTR_EXCEPTIONS.has(name.value)) return genericGetAttr(o, name);
  return getAttr((o as PyGenericAlias).origin, name);
}

function gaNew(_type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  if (kwargs !== null && dictLength(kwargs) !== 0) raise(TypeErrorType, "GenericAlias() takes no keyword arguments");
  checkPositional("GenericAlias", args.items.length, 2, 2);
  return newGenericAlias(args.items[0]!, args.items[1]!);
}

function gaReduce(o: PyObject): PyObject {
  const g = o as PyGenericAlias;
  const inner = tupleFromOwned([newRef(g.origin), newRef(g.args)]);
  return tupleFromOwned([newRef(GenericAliasType), inner]);
}

/** ga_dir: the origin's names plus the alias's own exceptions. */
function gaDir(o: PyObject): PyObject {
  const d = objectDir((o as PyGenericAlias).origin) as PyList;
  const have = new Set<string>();
  for (const it of d.items) if (it instanceof PyStr) have.add(it.value);
  for (const n of ATTR_EXCEPTIONS) {
    if (have.has(n)) continue;
    const s = newStr(n);
    listAppend(d, s);
    decref(s);
  }
  return d;
}

/** _Py_make_parameters: type variables (anything with __typing_subst__) in order, once each. */
export function makeParameters(args: PyTuple): PyTuple {
  const out: PyObject[] = [];
  const add = (p: PyObject): void => {
    if (!out.includes(p)) out.push(newRef(p));
  };
  for (const t of args.items) {
    if (isTypeObject(t)) continue;
    const subst = lookupAttr(t, TYPING_SUBST);
    if (subst !== null) {
      decref(subst);
      add(t);
      continue;
    }
    const sub = lookupAttr(t, PARAMETERS);
    if (sub !== null) {
      if (sub instanceof PyTuple) for (const p of sub.items) add(p);
      decref(sub);
    }
  }
  return out.length === 0 ? newRef(EMPTY_TUPLE) : tupleFromOwned(out);
}

function parametersOf(g: PyGenericAlias): PyTuple {
  if (g.parameters === null) g.parameters = makeParameters(g.args);
  return g.parameters;
}

/**
 * _Py_subs_parameters without the TypeVarTuple/ParamSpec preparation step: each parameter's
 * `__typing_subst__` converts its argument, nested generics are subscripted with theirs.
 */
export function substParameters(self: PyObject, args: PyTuple, params: PyTuple, item: PyObject): PyTuple {
  const n = params.items.length;
  if (n === 0) raise(TypeErrorType, `${textOf(self, true)} is not a generic class`);
  const items = item instanceof PyTuple ? item.items : [item];
  if (items.length !== n) {
    raise(TypeErrorType, `Too ${items.length > n ? "many" : "few"} arguments for ${textOf(self, true)}; actual ${items.length}, expected ${n}`);
  }
  const values: PyObject[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const subst = getAttr(params.items[i]!, TYPING_SUBST);
      try {
        values.push(callOneArg(subst, items[i]!));
      } finally {
        decref(subst);
      }
    }
    const out: PyObject[] = [];
    for (const a of args.items) {
      const k = params.items.indexOf(a);
      if (k >= 0) {
        out.push(newRef(values[k]!));
        continue;
      }
      const sub = isTypeObject(a) ? null : lookupAttr(a, PARAMETERS);
      if (sub instanceof PyTuple && sub.items.length > 0) {
        const subArgs = sub.items.map((p) => newRef(values[params.items.indexOf(p)] ?? p));
        decref(sub);
        const key = subArgs.length === 1 ? subArgs[0]! : tupleFromOwned(subArgs);
        try {
          out.push(getItem(a, key));
        } finally {
          decref(key);
        }
        continue;
      }
      if (sub !== null) decref(sub);
      out.push(newRef(a));
    }
    return tupleFromOwned(out);
  } finally {
    for (const v of values) decref(v);
  }
}

function gaGetItem(o: PyObject, item: PyObject): PyObject {
  const g = o as PyGenericAlias;
  const newargs = substParameters(g, g.args, parametersOf(g), item);
  try {
    return newGenericAlias(g.origin, newargs, g.starred);
  } finally {
    decref(newargs);
  }
}

/** The METH_O | METH_CLASS `__class_getitem__` builtin generic types carry. */
export const CLASS_GETITEM_DEF: MethodDef = {
  name: "__class_getitem__",
  kind: "o",
  binding: "class",
  fn: classGetItem,
  doc: "See PEP 585",
};

/** Builtin generic types of the runtime layer (the modules add their own types' methods). */
export function installClassGetItem(types: readonly PyType[]): void {
  for (const t of types) addMethods(t, [CLASS_GETITEM_DEF]);
}

installClassGetItem([ListType, DictType, TupleType, SetType, FrozenSetType, EnumType, MappingProxyType, RefType, BaseExceptionGroupType]);
