// Objects/namespaceobject.c (3.11): _PyNamespace_Type (types.SimpleNamespace), namespace_new,
// namespace_init, namespace_repr, namespace_richcompare, _PyNamespace_New.
//
// A plain attribute bag; sys.implementation is one. 24 bytes (head and the __dict__
// pointer), a GC type: getsizeof 40.

import { PyObject, type VisitProc } from "../runtime/object.js";
import { allocGCObject, freeGCObject } from "../runtime/heap.js";
import { gcTrack, gcUntrack } from "../runtime/gcstate.js";
import { decref, incref, newRef, xdecref } from "../runtime/refcount.js";
import { CMP_EQ, CMP_NE, PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE } from "../runtime/type.js";
import { newStaticType, readyType } from "../runtime/typeroots.js";
import { raise, TypeErrorType } from "../runtime/exceptions.js";
import { richCompare, reprText, reprEnter, reprLeave } from "../runtime/abstract.js";
import { dictEntry, dictNext, dictSetItem, newDict, type PyDict } from "../runtime/dict.js";
import { isStr, newStr } from "../runtime/str.js";
import { NotImplemented } from "../runtime/singletons.js";
import type { PyTuple } from "../runtime/tuple.js";

export const NAMESPACE_BASICSIZE = 24;

export class PyNamespace extends PyObject {
  dict: PyDict | null;
  constructor(type: PyType) {
    super(type);
    this.dict = null;
  }
}

export const NamespaceType = newStaticType("types.SimpleNamespace", NAMESPACE_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE);
NamespaceType.dictoffset = 16;
NamespaceType.doc = "A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)";

function allocNamespace(type: PyType): PyNamespace {
  const ns = new PyNamespace(type);
  allocGCObject(ns, type.basicsize);
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) incref(type);
  ns.dict = newDict();
  gcTrack(ns);
  return ns;
}

NamespaceType.new_ = (type) => allocNamespace(type);

NamespaceType.init = (self: PyObject, args: PyTuple, kwargs: PyDict | null) => {
  if (args.items.length !== 0) {
    raise(TypeErrorType, `no positional arguments expected`);
  }
  if (kwargs === null) return;
  const ns = self as PyNamespace;
  for (let pos = dictNext(kwargs, 0); pos >= 0; pos = dictNext(kwargs, pos)) {
    const key = dictEntry.key!;
    if (!isStr(key)) raise(TypeErrorType, "keywords must be strings");
    dictSetItem(ns.dict!, key, dictEntry.value!);
  }
};

NamespaceType.repr = (self) => {
  const ns = self as PyNamespace;
  const name = self.type === NamespaceType ? "namespace" : self.type.name;
  if (reprEnter(self)) return newStr(`${name}(...)`);
  try {
    const parts: string[] = [];
    const d = ns.dict;
    if (d !== null) {
      for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) {
        const key = dictEntry.key!;
        const value = dictEntry.value!;
        if (isStr(key) && key.length > 0) parts.push(`${key.value}=${reprText(value)}`);
      }
    }
    return newStr(`${name}(${parts.join(", ")})`);
  } finally {
    reprLeave(self);
  }
};

NamespaceType.richcompare = (a, b, op) => {
  if (a instanceof PyNamespace && b instanceof PyNamespace && (op === CMP_EQ || op === CMP_NE)) {
    return richCompare(a.dict!, b.dict!, op);
  }
  return newRef(NotImplemented);
};

NamespaceType.traverse = (self, visit: VisitProc, arg) => {
  const ns = self as PyNamespace;
  if (ns.dict !== null) visit(ns.dict, arg);
};

NamespaceType.clear = (self) => {
  const ns = self as PyNamespace;
  const d = ns.dict;
  ns.dict = null;
  xdecref(d);
};

NamespaceType.dealloc = (self) => {
  const ns = self as PyNamespace;
  gcUntrack(ns);
  const d = ns.dict;
  ns.dict = null;
  xdecref(d);
  freeGCObject(ns);
};
readyType(NamespaceType);

/** _PyNamespace_New: a namespace holding the given attributes (values borrowed). */
export function newNamespace(attributes: ReadonlyArray<[string, PyObject]>): PyNamespace {
  const ns = allocNamespace(NamespaceType);
  for (const [name, value] of attributes) {
    const key = newStr(name);
    dictSetItem(ns.dict!, key, value);
    decref(key);
  }
  return ns;
}
