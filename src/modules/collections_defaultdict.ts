// Modules/_collectionsmodule.c (3.11), defaultdict: defdictobject (a dict plus
// default_factory: 56 bytes), defdict_missing, defdict_copy, defdict_reduce, defdict_repr,
// defdict_or, defdict_traverse (the factory, then the dict), defdict_tp_clear,
// defdict_dealloc, defdict_init and the default_factory member.

import { CLASS_GETITEM_DEF } from "../runtime/genericaliasobject.js";
import type { PyObject } from "../runtime/object.js";
import { decref, newRef, xdecref } from "../runtime/refcount.js";
import { TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, type PyType } from "../runtime/type.js";
import { newStaticType, readyType } from "../runtime/typeroots.js";
import { addGetSets, addMethods } from "../runtime/descrobject.js";
import type { GetSetDef, MethodDef } from "../runtime/methoddef.js";
import { KeyErrorType, TypeErrorType, raise, raiseWithValue } from "../runtime/exceptions.js";
import { newStr } from "../runtime/str.js";
import { None, NotImplemented } from "../runtime/singletons.js";
import { tupleFromBorrowed, tupleFromOwned, type PyTuple } from "../runtime/tuple.js";
import {
  allocDictOfType, dictDealloc, dictRepr, dictTpClear, dictTraverse, dictUpdateArg, DictType, isDict, PyDict,
} from "../runtime/dict.js";
import { callMethod, callNoArgs, callObject, getIter, objectRepr, reprEnter, reprLeave, setItem } from "../runtime/abstract.js";
import { staticStr } from "../runtime/str.js";

/** sizeof(defdictobject) */
const DEFDICT_BASICSIZE = 56;

export class PyDefaultDict extends PyDict {
  /** NULL shows as None. */
  defaultFactory: PyObject | null;

  constructor(type: PyType) {
    super(type);
    this.defaultFactory = null;
  }
}

export const DefaultDictType = newStaticType("collections.defaultdict", DEFDICT_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE, DictType);

function isCallable(o: PyObject): boolean {
  return o.type.call !== null;
}

function defdictNew(type: PyType, _args: PyTuple, _kwargs: PyDict | null): PyObject {
  return allocDictOfType(type, new PyDefaultDict(type));
}

/** defdict_init: the first positional argument is the factory; the rest go to dict.__init__. */
function defdictInit(self: PyObject, args: PyTuple, kwargs: PyDict | null): void {
  const dd = self as PyDefaultDict;
  const olddefault = dd.defaultFactory;
  let newdefault: PyObject | null = null;
  const n = args.items.length;
  if (n > 0) {
    newdefault = args.items[0]!;
    if (!isCallable(newdefault) && newdefault !== None) raise(TypeErrorType, "first argument must be callable or None");
  }
  const newargs = tupleFromBorrowed(args.items, n > 0 ? 1 : 0, n);
  if (newdefault !== null) newdefault.refcnt++;
  dd.defaultFactory = newdefault;
  try {
    DictType.init!(dd, newargs, kwargs);
  } finally {
    decref(newargs);
    xdecref(olddefault);
  }
}

/** __missing__(key): factory() stored under key and returned; KeyError((key,)) without one. */
function defdictMissing(self: PyObject, key: PyObject): PyObject {
  const dd = self as PyDefaultDict;
  const factory = dd.defaultFactory;
  // PyErr_SetObject with the 1-tuple (key,) as the argument tuple: KeyError(key).
  if (factory === null || factory === None) raiseWithValue(KeyErrorType, key);
  const value = callNoArgs(factory);
  try {
    setItem(dd, key, value);
  } catch (e) {
    decref(value);
    throw e;
  }
  return value;
}

/** type(dd)(factory or None, dd) */
function newDefdict(dd: PyDefaultDict, arg: PyObject): PyObject {
  const factory = dd.defaultFactory ?? None;
  return callObject(dd.type, [factory, arg], 0, 2, null);
}

function defdictCopy(self: PyObject): PyObject {
  return newDefdict(self as PyDefaultDict, self);
}

function defdictReduce(self: PyObject): PyObject {
  const dd = self as PyDefaultDict;
  const args = dd.defaultFactory === null || dd.defaultFactory === None
    ? tupleFromOwned([])
    : tupleFromBorrowed([dd.defaultFactory]);
  let items: PyObject;
  try {
    items = callMethod(dd, staticStr("items"), []);
  } catch (e) {
    decref(args);
    throw e;
  }
  let iter: PyObject;
  try {
    iter = getIter(items);
  } catch (e) {
    decref(args);
    throw e;
  } finally {
    decref(items);
  }
  return tupleFromOwned([newRef(dd.type), args, newRef(None), newRef(None), iter]);
}

function typeShortName(t: PyType): string {
  const dot = t.name.lastIndexOf(".");
  return dot < 0 ? t.name : t.name.slice(dot + 1);
}

function defdictRepr(self: PyObject): PyObject {
  const dd = self as PyDefaultDict;
  const baserepr = dictRepr(dd);
  try {
    let defrepr: string;
    const factory = dd.defaultFactory;
    if (factory === null) defrepr = "None";
    else if (reprEnter(factory)) {
      defrepr = "...";
      reprLeave(factory);
    } else {
      try {
        const r = objectRepr(factory);
        defrepr = r.value;
        decref(r);
      } finally {
        reprLeave(factory);
      }
    }
    return newStr(`${typeShortName(dd.type)}(${defrepr}, ${(baserepr as PyObject & { value: string }).value})`);
  } finally {
    decref(baserepr);
  }
}

function isDefaultDict(o: PyObject): o is PyDefaultDict {
  return o.type === DefaultDictType || o.type.isSubtypeOf(DefaultDictType);
}

/** defdict_or: a copy of the defaultdict operand (left first), updated from the right. */
function defdictOr(left: PyObject, right: PyObject): PyObject {
  let self: PyObject;
  let other: PyObject;
  if (isDefaultDict(left)) {
    self = left;
    other = right;
  } else {
    self = right;
    other = left;
  }
  if (!isDict(other)) return newRef(NotImplemented);
  const result = newDefdict(self as PyDefaultDict, left);
  try {
    dictUpdateArg(result as PyDict, right);
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

const DEFDICT_METHODS: MethodDef[] = [
  {
    name: "__missing__",
    kind: "o",
    fn: defdictMissing,
    doc: "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n  if self.default_factory is None: raise KeyError((key,))\n  self[key] = value = self.default_factory()\n  return value\n",
  },
  { name: "copy", kind: "noargs", fn: defdictCopy, doc: "D.copy() -> a shallow copy of D." },
  { name: "__copy__", kind: "noargs", fn: defdictCopy, doc: "D.copy() -> a shallow copy of D." },
  { name: "__reduce__", kind: "noargs", fn: defdictReduce, doc: "Return state information for pickling." },
];

const DEFDICT_GETSETS: GetSetDef[] = [
  {
    name: "default_factory",
    get: (self) => newRef((self as PyDefaultDict).defaultFactory ?? None),
    set: (self, value) => {
      const dd = self as PyDefaultDict;
      const old = dd.defaultFactory;
      if (value !== null) value.refcnt++;
      dd.defaultFactory = value;
      xdecref(old);
    },
    doc: "Factory for default value called by __missing__().",
  },
];

DefaultDictType.dealloc = (self) => {
  const dd = self as PyDefaultDict;
  const f = dd.defaultFactory;
  dd.defaultFactory = null;
  if (f !== null) decref(f);
  dictDealloc(dd);
};
DefaultDictType.traverse = (self, visit, arg) => {
  const f = (self as PyDefaultDict).defaultFactory;
  if (f !== null) visit(f, arg);
  dictTraverse(self, visit, arg);
};
DefaultDictType.clear = (self) => {
  const dd = self as PyDefaultDict;
  const f = dd.defaultFactory;
  dd.defaultFactory = null;
  if (f !== null) decref(f);
  dictTpClear(dd);
};
DefaultDictType.repr = defdictRepr;
DefaultDictType.nbOr = defdictOr;
DefaultDictType.new_ = defdictNew;
DefaultDictType.init = defdictInit;
DefaultDictType.doc =
  "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\nThe default factory is called without arguments to produce\na new value when a key is not present, in __getitem__ only.\nA defaultdict compares equal to a dict with the same items.\nAll remaining arguments are treated the same as if they were\npassed to the dict constructor, including keyword arguments.\n";
readyType(DefaultDictType);
addMethods(DefaultDictType, DEFDICT_METHODS);
addMethods(DefaultDictType, [CLASS_GETITEM_DEF]);
addGetSets(DefaultDictType, DEFDICT_GETSETS);
