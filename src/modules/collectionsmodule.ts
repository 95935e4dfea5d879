// Modules/_collectionsmodule.c (3.11): the _collections module (collections_exec: deque,
// defaultdict, OrderedDict, _deque_iterator, _deque_reverse_iterator, _tuplegetter;
// _count_elements) plus _tuplegetter (tuplegetterobject: index + doc, 32 bytes, GC) and
// _collections__count_elements_impl (the dict fast path sharing one hash for get and set).
// Also registers the Python-source modules of this family: abc, _collections_abc,
// collections (a package), collections.abc and contextlib.

import { PyObject } from "../runtime/object.js";
import { allocGCObject, freeGCObject } from "../runtime/heap.js";
import { gcTrack, gcUntrack } from "../runtime/gcstate.js";
import { decref, newRef, xdecref } from "../runtime/refcount.js";
import { TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, type PyType } from "../runtime/type.js";
import { newStaticType, readyType } from "../runtime/typeroots.js";
import { addGetSets, addMethods } from "../runtime/descrobject.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { AttributeErrorType, IndexErrorType, TypeErrorType, raise } from "../runtime/exceptions.js";
import { newIntSsize, smallIntBorrowed } from "../runtime/int.js";
import { newStr, staticStr } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import { isTuple, tupleFromOwned, type PyTuple } from "../runtime/tuple.js";
import {
  dictGetItemKnownHash, dictSetItemKnownHash, DictType, isDict, keyHash, type PyDict, dictSetItem,
} from "../runtime/dict.js";
import { hashResult } from "../runtime/values/pyhash.js";
import { callTwoArgs, getAttr, getIter, iterNext, numberAdd, numberAsSsize, setItem } from "../runtime/abstract.js";
import { typeLookupBorrowed } from "../runtime/typeobject.js";
import { newCFunction } from "../runtime/methodobject.js";
import { newModule } from "../runtime/moduleobject.js";
import { checkPositional, noKeywords } from "../runtime/getargs.js";
import { registerBuiltinModule, registerPythonModule } from "./interp_state.js";
import { DequeIterType, DequeRevIterType, DequeType } from "./collections_deque.js";
import { DefaultDictType } from "./collections_defaultdict.js";
import { ODictType } from "./collections_odict.js";
import { ABC_SOURCE } from "./pylib/abc.py.js";
import { COLLECTIONS_ABC_SOURCE } from "./pylib/_collections_abc.py.js";
import { COLLECTIONS_SOURCE } from "./pylib/collections.py.js";
import { CONTEXTLIB_SOURCE } from "./pylib/contextlib.py.js";

export { DequeType, DefaultDictType, ODictType };

// ---------------------------------------------------------------------------
// _tuplegetter: the field descriptors of namedtuple classes.

/** sizeof(_tuplegetterobject) */
const TUPLEGETTER_BASICSIZE = 32;

export class PyTupleGetter extends PyObject {
  index: number;
  doc: PyObject | null;

  constructor(type: PyType, index: number, doc: PyObject) {
    super(type);
    this.index = index;
    this.doc = doc;
  }
}

export const TupleGetterType = newStaticType("_collections._tuplegetter", TUPLEGETTER_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE);

TupleGetterType.new_ = (type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject => {
  if (type === TupleGetterType && kwargs !== null && kwargs.used !== 0) raise(TypeErrorType, "_tuplegetter() takes no keyword arguments");
  checkPositional("_tuplegetter", args.items.length, 2, 2);
  const index = numberAsSsize(args.items[0]!, null);
  const doc = newRef(args.items[1]!);
  const o = new PyTupleGetter(type, index, doc);
  if (type !== TupleGetterType) type.refcnt++;
  allocGCObject(o, type.basicsize);
  gcTrack(o);
  return o;
};
TupleGetterType.descrGet = (self, obj) => {
  const tg = self as PyTupleGetter;
  if (obj === null || obj === None) return newRef(tg);
  if (!isTuple(obj)) {
    raise(TypeErrorType, `descriptor for index '${tg.index}' for tuple subclasses doesn't apply to '${obj.type.name}' object`);
  }
  const items = (obj as PyTuple).items;
  if (tg.index < 0 || tg.index >= items.length) raise(IndexErrorType, "tuple index out of range");
  return newRef(items[tg.index]!);
};
TupleGetterType.descrSet = (_self, _obj, value) => {
  raise(AttributeErrorType, value === null ? "can't delete attribute" : "can't set attribute");
};
TupleGetterType.dealloc = (self) => {
  const tg = self as PyTupleGetter;
  gcUntrack(tg);
  const doc = tg.doc;
  tg.doc = null;
  xdecref(doc);
  freeGCObject(tg);
};
TupleGetterType.traverse = (self, visit, arg) => {
  const doc = (self as PyTupleGetter).doc;
  if (doc !== null) visit(doc, arg);
};
TupleGetterType.clear = (self) => {
  const tg = self as PyTupleGetter;
  const doc = tg.doc;
  tg.doc = null;
  xdecref(doc);
};
readyType(TupleGetterType);
addMethods(TupleGetterType, [
  {
    name: "__reduce__",
    kind: "noargs",
    fn: (self) => {
      const tg = self as PyTupleGetter;
      return tupleFromOwned([newRef(tg.type), tupleFromOwned([newIntSsize(tg.index), newRef(tg.doc ?? None)])]);
    },
  },
]);
addGetSets(TupleGetterType, [
  {
    name: "__doc__",
    get: (self) => newRef((self as PyTupleGetter).doc ?? None),
    set: (self, value) => {
      const tg = self as PyTupleGetter;
      const old = tg.doc;
      if (value !== null) value.refcnt++;
      tg.doc = value;
      xdecref(old);
    },
  },
]);

// ---------------------------------------------------------------------------
// _count_elements(mapping, iterable)

function countElements(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("_count_elements", kwnames);
  checkPositional("_count_elements", nargs, 2, 2);
  const mapping = args[start]!;
  const iterable = args[start + 1]!;
  const it = getIter(iterable);
  try {
    const one = smallIntBorrowed(1);
    const getName = staticStr("get");
    const setName = staticStr("__setitem__");
    const fast = isDict(mapping)
      && typeLookupBorrowed(mapping.type, getName) === typeLookupBorrowed(DictType, getName)
      && typeLookupBorrowed(mapping.type, setName) === typeLookupBorrowed(DictType, setName);
    if (fast) {
      const d = mapping as PyDict;
      for (let key = iterNext(it); key !== null; key = iterNext(it)) {
        try {
          keyHash(key);
          const hi = hashResult.hi;
          const lo = hashResult.lo;
          const oldval = dictGetItemKnownHash(d, key, hi, lo);
          if (oldval === null) dictSetItemKnownHash(d, key, one, hi, lo);
          else {
            const newval = numberAdd(oldval, one);
            try {
              dictSetItemKnownHash(d, key, newval, hi, lo);
            } finally {
              decref(newval);
            }
          }
        } finally {
          decref(key);
        }
      }
    } else {
      const zero = smallIntBorrowed(0);
      const boundGet = getAttr(mapping, getName);
      try {
        for (let key = iterNext(it); key !== null; key = iterNext(it)) {
          try {
            const oldval = callTwoArgs(boundGet, key, zero);
            try {
              const newval = numberAdd(oldval, one);
              try {
                setItem(mapping, key, newval);
              } finally {
                decref(newval);
              }
            } finally {
              decref(oldval);
            }
          } finally {
            decref(key);
          }
        }
      } finally {
        decref(boundGet);
      }
    }
  } finally {
    decref(it);
  }
  return newRef(None);
}

const COLLECTIONS_METHODS: MethodDef[] = [
  { name: "_count_elements", kind: "fastcall", fn: countElements, doc: "Count elements in the iterable, updating the mapping" },
];

const COLLECTIONS_DOC =
  "High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n";

/** PyInit__collections + collections_exec. */
export function initCollectionsModule(): PyObject {
  const m = newModule("_collections", "built-in");
  const d = m.dict!;
  const doc = newStr(COLLECTIONS_DOC);
  dictSetItem(d, staticStr("__doc__"), doc);
  decref(doc);
  const moduleName = newStr("_collections");
  for (const def of COLLECTIONS_METHODS) {
    const f = newCFunction(def, m, moduleName);
    dictSetItem(d, staticStr(def.name), f);
    decref(f);
  }
  decref(moduleName);
  dictSetItem(d, staticStr("deque"), DequeType);
  dictSetItem(d, staticStr("defaultdict"), DefaultDictType);
  dictSetItem(d, staticStr("_deque_iterator"), DequeIterType);
  dictSetItem(d, staticStr("_deque_reverse_iterator"), DequeRevIterType);
  dictSetItem(d, staticStr("_tuplegetter"), TupleGetterType);
  dictSetItem(d, staticStr("OrderedDict"), ODictType);
  return m;
}



registerBuiltinModule("_collections", initCollectionsModule);
registerPythonModule("abc", ABC_SOURCE);
registerPythonModule("_collections_abc", COLLECTIONS_ABC_SOURCE);
registerPythonModule("collections", COLLECTIONS_SOURCE, { isPackage: true });
registerPythonModule(
  "collections.abc",
  "from _collections_abc import *\nfrom _collections_abc import __all__\n",
);
registerPythonModule("contextlib", CONTEXTLIB_SOURCE);
