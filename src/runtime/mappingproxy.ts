// Objects/descrobject.c: PyDictProxy_Type ("mappingproxy"), PyDictProxy_New, mappingproxy_new,
// mappingproxy_repr / str / getitem / contains / len / iter, and its methods.
//
// A read-only view of a mapping: what `K.__dict__` returns for classes.

import { PyObject, type VisitProc } from "./object.js";
import { allocGCObject, freeGCObject } from "./heap.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, newRef } from "./refcount.js";
import { TPFLAGS_HAVE_GC, TPFLAGS_LIST_SUBCLASS, TPFLAGS_TUPLE_SUBCLASS, type PyType } from "./type.js";
import { newStaticType, readyType, TPFLAGS_MAPPING } from "./typeroots.js";
import { addMethods } from "./descrobject.js";
import { newStr } from "./str.js";
import { raise, TypeErrorType } from "./exceptions.js";
import { callMethod, getItem, getIter, length, objectRepr, objectStr, richCompare, sequenceContains } from "./abstract.js";
import { isDict, dictContains, dictGetItem, dictLength, type PyDict } from "./dict.js";
import { staticStr } from "./str.js";
import { None } from "./singletons.js";
import type { PyTuple } from "./tuple.js";
import { parseArgs } from "./getargs.js";

/** sizeof(mappingproxyobject): head + mapping. */
export const MAPPINGPROXY_BASICSIZE = 24;

export class PyMappingProxy extends PyObject {
  mapping: PyObject;
  constructor(mapping: PyObject) {
    super(MappingProxyType);
    this.mapping = mapping;
  }
}

export const MappingProxyType = newStaticType("mappingproxy", MAPPINGPROXY_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_MAPPING);
MappingProxyType.dealloc = (o) => {
  const p = o as PyMappingProxy;
  gcUntrack(p);
  decref(p.mapping);
  freeGCObject(p);
};
MappingProxyType.traverse = (o: PyObject, visit: VisitProc, arg: unknown) => visit((o as PyMappingProxy).mapping, arg);
MappingProxyType.repr = (o) => {
  const r = objectRepr((o as PyMappingProxy).mapping);
  const text = `mappingproxy(${r.value})`;
  decref(r);
  return newStr(text);
};
MappingProxyType.str = (o) => objectStr((o as PyMappingProxy).mapping);
MappingProxyType.mpSubscript = (o, key) => getItem((o as PyMappingProxy).mapping, key);
MappingProxyType.mpLength = (o) => length((o as PyMappingProxy).mapping);
MappingProxyType.sqContains = (o, key) => {
  const m = (o as PyMappingProxy).mapping;
  if (isDict(m)) return dictContains(m, key);
  return sequenceContains(m, key);
};
MappingProxyType.iter = (o) => getIter((o as PyMappingProxy).mapping);
MappingProxyType.richcompare = (a, b, op) => richCompare((a as PyMappingProxy).mapping, b, op);
MappingProxyType.new_ = mappingProxyNew;
readyType(MappingProxyType);
addMethods(MappingProxyType, [
  { name: "get", kind: "fastcall", fn: mappingProxyGet },
  { name: "keys", kind: "noargs", fn: (o) => callMethod((o as PyMappingProxy).mapping, staticStr("keys"), []) },
  { name: "values", kind: "noargs", fn: (o) => callMethod((o as PyMappingProxy).mapping, staticStr("values"), []) },
  { name: "items", kind: "noargs", fn: (o) => callMethod((o as PyMappingProxy).mapping, staticStr("items"), []) },
  { name: "copy", kind: "noargs", fn: (o) => callMethod((o as PyMappingProxy).mapping, staticStr("copy"), []) },
  { name: "__reversed__", kind: "noargs", fn: (o) => callMethod((o as PyMappingProxy).mapping, staticStr("__reversed__"), []) },
]);

/** PyDictProxy_New: a read-only view of `mapping` (borrowed); a new reference. */
export function newMappingProxy(mapping: PyObject): PyMappingProxy {
  const p = new PyMappingProxy(newRef(mapping));
  allocGCObject(p, MAPPINGPROXY_BASICSIZE);
  gcTrack(p);
  return p;
}

/** The mapping behind a mappingproxy (borrowed), or null for other objects. */
export function mappingProxyTarget(o: PyObject): PyObject | null {
  return o instanceof PyMappingProxy ? o.mapping : null;
}

function mappingProxyGet(self: PyObject, args: PyObject[], start: number, nargs: number): PyObject {
  if (nargs < 1 || nargs > 2) raise(TypeErrorType, `get expected ${nargs < 1 ? "at least 1" : "at most 2"} argument${nargs < 1 ? "" : "s"}, got ${nargs}`);
  const m = (self as PyMappingProxy).mapping;
  const key = args[start]!;
  const dflt = nargs === 2 ? args[start + 1]! : None;
  if (isDict(m)) {
    const v = dictGetItem(m, key);
    return newRef(v ?? dflt);
  }
  return callMethod(m, staticStr("get"), [key, dflt]);
}

function mappingProxyNew(_type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  const flat = args.items.slice();
  const names: PyObject[] = [];
  if (kwargs !== null && dictLength(kwargs) !== 0) raise(TypeErrorType, "mappingproxy() takes no keyword arguments");
  const [mapping] = parseArgs("mappingproxy", flat, 0, flat.length, null, ["mapping"], 1) as [PyObject];
  void names;
  if (mapping.type.mpSubscript === null || (mapping.type.flags & (TPFLAGS_LIST_SUBCLASS | TPFLAGS_TUPLE_SUBCLASS)) !== 0) {
    raise(TypeErrorType, `mappingproxy() argument must be a mapping, not ${mapping.type.name}`);
  }
  return newMappingProxy(mapping);
}
