// Modules/_operator.c (3.11): itemgetter_type_spec, attrgetter_type_spec,
// methodcaller_type_spec — itemgetter_new (one item kept as itself, several as the
// argument tuple), itemgetter_vectorcall, attrgetter_new (names interned, dotted names split
// into tuples of interned parts), dotted_getattr, attrgetter_vectorcall, methodcaller_new
// (name interned, arguments sliced from the argument tuple, the kwargs dict kept as is),
// methodcaller_call (tp_call), their reprs and __reduce__.
//
// All three are heap types in 3.11; heapscope keeps them static and visits the type in
// traverse where CPython's heap types do, so gc.get_referents agrees.

import { PyObject, type VisitProc } from "../runtime/object.js";
import { decref, newRef, xdecref } from "../runtime/refcount.js";
import { PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC } from "../runtime/type.js";
import { newStaticType, readyType, TPFLAGS_HAVE_VECTORCALL } from "../runtime/typeroots.js";
import { addMethods } from "../runtime/descrobject.js";
import { raise, TypeErrorType } from "../runtime/exceptions.js";
import { callWithTuple, getAttr, getItem, reprEnter, reprLeave, reprText } from "../runtime/abstract.js";
import { dictEntry, dictLength, dictNext, type PyDict } from "../runtime/dict.js";
import { isStr, internStr, internStrObject, newStr, type PyStr } from "../runtime/str.js";
import { isTuple, tupleFromBorrowed, tupleFromOwned, type PyTuple } from "../runtime/tuple.js";
import { checkPositional } from "../runtime/getargs.js";
import { vectorcallToTupleDict } from "../runtime/slotdefs.js";
import { allocTracked, freeTracked, noKwnames, noKwargsFor, untrackAndClearWeakrefs } from "./nativetype_util.js";

const FLAGS = TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE;

// ---------------------------------------------------------------------------
// itemgetter

export class PyItemGetter extends PyObject {
  nitems: number;
  item: PyObject | null;
  constructor(type: PyType) {
    super(type);
    this.nitems = 0;
    this.item = null;
  }
}

export const ItemGetterType = newStaticType("operator.itemgetter", 48, 0, FLAGS | TPFLAGS_HAVE_VECTORCALL);
ItemGetterType.doc =
  "itemgetter(item, ...) --> itemgetter object\n\nReturn a callable object that fetches the given item(s) from its operand.\nAfter f = itemgetter(2), the call f(r) returns r[2].\nAfter g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])";

ItemGetterType.new_ = (type, args, kwargs) => {
  noKwargsFor(type, ItemGetterType, "itemgetter", kwargs);
  const n = args.items.length;
  if (n <= 1) checkPositional("itemgetter", n, 1, 1);
  const ig = allocTracked(new PyItemGetter(type), type);
  ig.nitems = n;
  ig.item = newRef(n === 1 ? args.items[0]! : args);
  return ig;
};

ItemGetterType.call = (self, args, start, nargs, kwnames) => {
  noKwnames("itemgetter", kwnames);
  checkPositional("itemgetter", nargs, 1, 1);
  const ig = self as PyItemGetter;
  const obj = args[start]!;
  if (ig.nitems === 1) return getItem(obj, ig.item!);
  const keys = (ig.item as PyTuple).items;
  const out: PyObject[] = [];
  try {
    for (let i = 0; i < keys.length; i++) out.push(getItem(obj, keys[i]!));
  } catch (e) {
    for (const o of out) decref(o);
    throw e;
  }
  return tupleFromOwned(out);
};

ItemGetterType.repr = (self) => {
  const ig = self as PyItemGetter;
  if (reprEnter(self)) return newStr(`${self.type.name}(...)`);
  try {
    const inner = ig.nitems === 1 ? `(${reprText(ig.item!)})` : reprText(ig.item!);
    return newStr(`${self.type.name}${inner}`);
  } finally {
    reprLeave(self);
  }
};

ItemGetterType.traverse = (self, visit: VisitProc, arg) => {
  const ig = self as PyItemGetter;
  if (self.type === ItemGetterType) visit(ItemGetterType, arg);
  if (ig.item !== null) visit(ig.item, arg);
};
ItemGetterType.clear = (self) => {
  const ig = self as PyItemGetter;
  const item = ig.item;
  ig.item = null;
  xdecref(item);
};
ItemGetterType.dealloc = (self) => {
  untrackAndClearWeakrefs(self);
  ItemGetterType.clear!(self);
  freeTracked(self);
};
readyType(ItemGetterType);
addMethods(ItemGetterType, [
  {
    name: "__reduce__",
    kind: "noargs",
    fn: (self) => {
      const ig = self as PyItemGetter;
      const args = ig.nitems === 1 ? tupleFromBorrowed([ig.item!]) : newRef(ig.item!);
      return tupleFromOwned([newRef(self.type), args]);
    },
    doc: "Return state information for pickling",
  },
]);

// ---------------------------------------------------------------------------
// attrgetter

export class PyAttrGetter extends PyObject {
  nattrs: number;
  /** Tuple of interned names, or of tuples of interned parts for dotted names. */
  attr: PyTuple | null;
  constructor(type: PyType) {
    super(type);
    this.nattrs = 0;
    this.attr = null;
  }
}

export const AttrGetterType = newStaticType("operator.attrgetter", 40, 0, FLAGS | TPFLAGS_HAVE_VECTORCALL);
AttrGetterType.doc =
  "attrgetter(attr, ...) --> attrgetter object\n\nReturn a callable object that fetches the given attribute(s) from its operand.\nAfter f = attrgetter('name'), the call f(r) returns r.name.\nAfter g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\nAfter h = attrgetter('name.first', 'name.last'), the call h(r) returns\n(r.name.first, r.name.last).";

AttrGetterType.new_ = (type, args, kwargs) => {
  noKwargsFor(type, AttrGetterType, "attrgetter", kwargs);
  const n = args.items.length;
  if (n <= 1) checkPositional("attrgetter", n, 1, 1);
  const attrs: PyObject[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const item = args.items[i]!;
      if (!isStr(item)) raise(TypeErrorType, "attribute name must be a string");
      const text = item.value;
      if (text.indexOf(".") < 0) {
        attrs.push(internStrObject(item));
      } else {
        const parts = text.split(".").map((p) => internStr(p) as PyObject);
        attrs.push(tupleFromOwned(parts));
      }
    }
  } catch (e) {
    for (const o of attrs) decref(o);
    throw e;
  }
  const ag = allocTracked(new PyAttrGetter(type), type);
  ag.nattrs = n;
  ag.attr = tupleFromOwned(attrs);
  return ag;
};

function dottedGetAttr(obj: PyObject, attr: PyObject): PyObject {
  if (!isTuple(attr)) return getAttr(obj, attr as PyStr);
  let cur = newRef(obj);
  for (const part of attr.items) {
    const next = getAttr(cur, part as PyStr);
    decref(cur);
    cur = next;
  }
  return cur;
}

AttrGetterType.call = (self, args, start, nargs, kwnames) => {
  noKwnames("attrgetter", kwnames);
  checkPositional("attrgetter", nargs, 1, 1);
  const ag = self as PyAttrGetter;
  const obj = args[start]!;
  const names = ag.attr!.items;
  if (ag.nattrs === 1) return dottedGetAttr(obj, names[0]!);
  const out: PyObject[] = [];
  try {
    for (let i = 0; i < names.length; i++) out.push(dottedGetAttr(obj, names[i]!));
  } catch (e) {
    for (const o of out) decref(o);
    throw e;
  }
  return tupleFromOwned(out);
};

/** The dotted form of one stored name. */
function attrName(attr: PyObject): string {
  if (!isTuple(attr)) return (attr as PyStr).value;
  return attr.items.map((p) => (p as PyStr).value).join(".");
}

function attrNamesTuple(ag: PyAttrGetter): PyTuple {
  return tupleFromOwned(ag.attr!.items.map((a) => (isTuple(a) ? newStr(attrName(a)) : newRef(a))));
}

AttrGetterType.repr = (self) => {
  const ag = self as PyAttrGetter;
  if (reprEnter(self)) return newStr(`${self.type.name}(...)`);
  try {
    const names = attrNamesTuple(ag);
    try {
      const inner = ag.nattrs === 1 ? `(${reprText(names.items[0]!)})` : reprText(names);
      return newStr(`${self.type.name}${inner}`);
    } finally {
      decref(names);
    }
  } finally {
    reprLeave(self);
  }
};

AttrGetterType.traverse = (self, visit: VisitProc, arg) => {
  const ag = self as PyAttrGetter;
  if (ag.attr !== null) visit(ag.attr, arg);
  if (self.type === AttrGetterType) visit(AttrGetterType, arg);
};
AttrGetterType.clear = (self) => {
  const ag = self as PyAttrGetter;
  const attr = ag.attr;
  ag.attr = null;
  xdecref(attr);
};
AttrGetterType.dealloc = (self) => {
  untrackAndClearWeakrefs(self);
  AttrGetterType.clear!(self);
  freeTracked(self);
};
readyType(AttrGetterType);
addMethods(AttrGetterType, [
  {
    name: "__reduce__",
    kind: "noargs",
    fn: (self) => tupleFromOwned([newRef(self.type), attrNamesTuple(self as PyAttrGetter)]),
    doc: "Return state information for pickling",
  },
]);

// ---------------------------------------------------------------------------
// methodcaller

export class PyMethodCaller extends PyObject {
  name: PyStr | null;
  args: PyTuple | null;
  kwds: PyDict | null;
  constructor(type: PyType) {
    super(type);
    this.name = null;
    this.args = null;
    this.kwds = null;
  }
}

export const MethodCallerType = newStaticType("operator.methodcaller", 40, 0, FLAGS);
MethodCallerType.doc =
  "methodcaller(name, ...) --> methodcaller object\n\nReturn a callable object that calls the given method on its operand.\nAfter f = methodcaller('name'), the call f(r) returns r.name().\nAfter g = methodcaller('name', 'date', foo=1), the call g(r) returns\nr.name('date', foo=1).";

MethodCallerType.new_ = (type, args, kwargs) => {
  const n = args.items.length;
  if (n < 1) raise(TypeErrorType, "methodcaller needs at least one argument, the method name");
  const name = args.items[0]!;
  if (!isStr(name)) raise(TypeErrorType, "method name must be a string");
  const mc = allocTracked(new PyMethodCaller(type), type);
  mc.name = internStrObject(name) as PyStr;
  mc.kwds = kwargs === null ? null : newRef(kwargs);
  mc.args = tupleFromBorrowed(args.items, 1, n);
  return mc;
};

MethodCallerType.call = (self, args, start, nargs, kwnames) => {
  // tp_call: CPython receives an argument tuple here.
  const [tuple, kwargs] = vectorcallToTupleDict(args, start, nargs, kwnames);
  try {
    if (kwargs !== null && dictLength(kwargs) !== 0) raise(TypeErrorType, "methodcaller() takes no keyword arguments");
    checkPositional("methodcaller", nargs, 1, 1);
    const mc = self as MethodCallerLike;
    const method = getAttr(tuple.items[0]!, mc.name!);
    try {
      return callWithTuple(method, mc.args!, mc.kwds);
    } finally {
      decref(method);
    }
  } finally {
    decref(tuple);
    xdecref(kwargs);
  }
};
type MethodCallerLike = PyMethodCaller;

MethodCallerType.repr = (self) => {
  const mc = self as PyMethodCaller;
  if (reprEnter(self)) return newStr("...");
  try {
    const parts: string[] = [reprText(mc.name!)];
    for (const a of mc.args!.items) parts.push(reprText(a));
    const kw = mc.kwds;
    if (kw !== null) {
      for (let pos = dictNext(kw, 0); pos >= 0; pos = dictNext(kw, pos)) {
        parts.push(`${(dictEntry.key as PyStr).value}=${reprText(dictEntry.value!)}`);
      }
    }
    return newStr(`${self.type.name}(${parts.join(", ")})`);
  } finally {
    reprLeave(self);
  }
};

MethodCallerType.traverse = (self, visit: VisitProc, arg) => {
  const mc = self as PyMethodCaller;
  if (mc.name !== null) visit(mc.name, arg);
  if (mc.args !== null) visit(mc.args, arg);
  if (mc.kwds !== null) visit(mc.kwds, arg);
  if (self.type === MethodCallerType) visit(MethodCallerType, arg);
};
MethodCallerType.clear = (self) => {
  const mc = self as PyMethodCaller;
  const name = mc.name, args = mc.args, kwds = mc.kwds;
  mc.name = null;
  mc.args = null;
  mc.kwds = null;
  xdecref(name);
  xdecref(args);
  xdecref(kwds);
};
MethodCallerType.dealloc = (self) => {
  untrackAndClearWeakrefs(self);
  MethodCallerType.clear!(self);
  freeTracked(self);
};
readyType(MethodCallerType);
