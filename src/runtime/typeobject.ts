// Objects/typeobject.c: PyType_Type and PyBaseObject_Type (their slots, methods and
// attributes), _PyType_Lookup with its method cache, PyType_Modified, type_ready_fill_dict
// (add_operators, add_tp_new_wrapper, __doc__, __hash__ = None), type_call, type_getattro,
// type_setattro, type_repr, object_repr / object_richcompare / object_init / object_new,
// tp_new_wrapper, _PyObject_LookupSpecial; Objects/object.c: PyObject_GenericGetAttr /
// PyObject_GenericSetAttr, PyObject_GenericGetDict.
//
// The roots (`type`, `object`, newStaticType, readyType) live in typeroots.ts, which must be
// the first import here: builtin type files call them while the module graph is still being
// evaluated (see typeroots.ts).

export {
  TypeType,
  ObjectType,
  TYPE_BASICSIZE,
  STATIC_TYPE_SIZE,
  TPFLAGS_DISALLOW_INSTANTIATION,
  TPFLAGS_IMMUTABLETYPE,
  TPFLAGS_IS_ABSTRACT,
  newStaticType,
  readyType,
  inheritSlots,
  inheritSpecial,
  isTypeObject,
  staticTypeSpec,
  type MemberDef,
} from "./typeroots.js";
import {
  installRootSlots,
  ObjectType,
  readyType,
  staticTypeSpec,
  STATIC_TYPE_SIZE,
  TPFLAGS_DISALLOW_INSTANTIATION,
  TPFLAGS_IMMUTABLETYPE,
  TPFLAGS_IS_ABSTRACT,
  TYPE_BASICSIZE,
  TypeType,
  isTypeObject,
  hasStaticTypeSpec,
  readiedStaticTypes,
} from "./typeroots.js";
import { PyObject } from "./object.js";
import { allocator, allocObject } from "./heap.js";
import { decref, incref, newRef, xdecref } from "./refcount.js";
import {
  CMP_EQ,
  CMP_NE,
  PyType,
  TPFLAGS_HEAPTYPE,
  TPFLAGS_MANAGED_DICT,
  TPFLAGS_TUPLE_SUBCLASS,
  TPFLAGS_TYPE_SUBCLASS,
  TPFLAGS_UNICODE_SUBCLASS,
} from "./type.js";
import type { MethodDef } from "./methoddef.js";
import {
  dictCopy,
  dictDelItem,
  dictEntry,
  dictGetItem,
  dictGetItemStr,
  dictLength,
  dictMergeDict,
  dictNext,
  dictSetItem,
  isDict,
  keysByteSize,
  newDict,
  type PyDict,
} from "./dict.js";
import { EMPTY_TUPLE, tupleFromBorrowed, PyTuple } from "./tuple.js";
import { listAppend, listFromBorrowed, newList, type PyList } from "./list.js";
import { newStr, PyStr, staticStr, StrType } from "./str.js";
import { newInt } from "./int.js";
import { False, True } from "./bool.js";
import { None, NotImplemented } from "./singletons.js";
import { AttributeErrorType, exceptionMatches, PyRaise, raise, raiseAttributeError, TypeErrorType, ValueErrorType } from "./exceptions.js";
import {
  addGetSets,
  addMembers,
  addMethods,
  installGetSet,
  installMember,
  installMethod,
  makeObjectStatic,
  newWrapperDescr,
} from "./descrobject.js";
import { newCFunction } from "./methodobject.js";
import { hashPointer } from "./values/pyhash.js";
import { SLOTDEFS, vectorcallToTupleDict } from "./slotdefs.js";
import { getIter, hashNotImplemented, isTrue, lookupAttr, objectRepr, objectStr, realIsInstance, realIsSubclass } from "./abstract.js";
import { dictOwnerOf, instanceDictBorrowed, instanceDictReplace, instanceAttrGet, instanceAttrSet, newInstance } from "./instance.js";
import { mappingProxyTarget, newMappingProxy } from "./mappingproxy.js";
import { isDunderName, slotTpNew, updateSlot } from "./typeslots.js";
import { ModuleType } from "./moduleobject.js";
import { setMappingProxyFactory } from "./dictviews.js";
import { mroOf, typeNew, typeDealloc, typeTraverse, typeClear, typeIsGC, checkTypeAssignment } from "./typecreate.js";

// ---------------------------------------------------------------------------
// Static type dicts, built on first use (type_ready_fill_dict + type_ready_set_new).

const TP_NEW_WRAPPER: MethodDef = { name: "__new__", kind: "fastcall", fn: tpNewWrapper };

/** tp_dict of `t` (borrowed), building a static type's dict of descriptors on first use. */
export function typeDictBorrowed(t: PyType): PyDict {
  const d = t.dict;
  if (d !== null) return d;
  return buildStaticTypeDict(t);
}

/**
 * _PyTypes_InitTypes' type_ready_fill_dict for every static type readied so far: run at
 * start-up so that a program (and tracemalloc) never sees these dicts being made.
 */
export function buildStaticTypeDicts(): void {
  const types = readiedStaticTypes;
  for (let i = 0; i < types.length; i++) {
    const t = types[i]!;
    if (t.dict === null) buildStaticTypeDict(t);
  }
}

let firstDictBuilt = false;

function buildStaticTypeDict(t: PyType): PyDict {
  // A type readied after start-up still gets its dict as if made at start-up: the allocation
  // hook (tracemalloc) does not see it.
  const hook = allocator.getHook();
  if (hook === null) return fillStaticTypeDict(t);
  allocator.setHook(null);
  try {
    return fillStaticTypeDict(t);
  } finally {
    allocator.setHook(hook);
  }
}

function fillStaticTypeDict(t: PyType): PyDict {
  if (!firstDictBuilt) {
    // Every attribute lookup passes here first, so this runs before any view's `.mapping`.
    firstDictBuilt = true;
    setMappingProxyFactory(newMappingProxy);
  }
  const d = newDict();
  makeObjectStatic(d);
  t.dict = d;
  const spec = staticTypeSpec(t);
  const slots = t as unknown as Record<string, unknown>;
  // The slots the type defined itself: those set before readyType ran, plus any installed
  // later that differ from the base's (files that fill their slots after readyType).
  const own = (spec.ownSlots ?? []).slice();
  const baseSlots = t.base === null ? null : (t.base as unknown as Record<string, unknown>);
  for (const sd of SLOTDEFS) {
    const v = slots[sd.slot];
    if (v !== null && v !== undefined && own.indexOf(sd.slot) < 0 && (baseSlots === null || baseSlots[sd.slot] !== v)) own.push(sd.slot);
  }
  if ((t.flags & TPFLAGS_DISALLOW_INSTANTIATION) === 0 && own.indexOf("new_") >= 0 && t.new_ !== null) {
    const f = newCFunction(TP_NEW_WRAPPER, t);
    makeObjectStatic(f);
    dictSetItem(d, staticStr("__new__"), f);
  }
  for (const sd of SLOTDEFS) {
    if (sd.wrapper === null || own.indexOf(sd.slot) < 0) continue;
    const fn = slots[sd.slot];
    if (fn === null || fn === undefined) continue;
    const name = staticStr(sd.name);
    if (dictGetItemStr(d, name) !== null) continue;
    if (fn === hashNotImplemented) {
      dictSetItem(d, name, None);
      continue;
    }
    const w = newWrapperDescr(t, sd, fn, true);
    dictSetItem(d, name, w);
  }
  for (const def of spec.methods) installMethod(t, d, def, true);
  for (const def of spec.members) installMember(t, d, def, true);
  for (const def of spec.getsets) installGetSet(t, d, def, true);
  const docName = staticStr("__doc__");
  if (dictGetItemStr(d, docName) === null) dictSetItem(d, docName, t.doc === null ? None : staticStr(t.doc));
  const hashName = staticStr("__hash__");
  if (t.hash === null && dictGetItemStr(d, hashName) === null) dictSetItem(d, hashName, None);
  return d;
}

/** type_new as type's tp_new (typecreate.ts does the work). */
export function typeNewSlot(metatype: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  return typeNew(metatype, args, kwargs);
}

/** Whether a builtin function is a static type's `__new__` (tp_new_wrapper). */
export function isTpNewWrapperDef(def: MethodDef): boolean {
  return def === TP_NEW_WRAPPER;
}

/** tp_new_wrapper: `T.__new__(S, *args)` with CPython's safety checks. */
function tpNewWrapper(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (!isTypeObject(self)) raise(TypeErrorType, `__new__() called with non-type 'self'`);
  const type = self;
  if (nargs < 1) raise(TypeErrorType, `${type.name}.__new__(): not enough arguments`);
  const arg0 = args[start]!;
  if (!isTypeObject(arg0)) raise(TypeErrorType, `${type.name}.__new__(X): X is not a type object (${arg0.type.name})`);
  const subtype = arg0;
  if (!subtype.isSubtypeOf(type)) {
    raise(TypeErrorType, `${type.name}.__new__(${subtype.name}): ${subtype.name} is not a subtype of ${type.name}`);
  }
  let staticbase: PyType | null = subtype;
  while (staticbase !== null && staticbase.new_ === slotTpNew) staticbase = staticbase.base;
  if (staticbase !== null && staticbase.new_ !== type.new_) {
    raise(TypeErrorType, `${type.name}.__new__(${subtype.name}) is not safe, use ${staticbase.name}.__new__()`);
  }
  const [tuple, kwargs] = vectorcallToTupleDict(args, start + 1, nargs - 1, kwnames);
  try {
    return (type.new_ as NonNullable<PyType["new_"]>)(subtype, tuple, kwargs);
  } finally {
    decref(tuple);
    if (kwargs !== null) decref(kwargs);
  }
}

// ---------------------------------------------------------------------------
// _PyType_Lookup and its cache (keyed by the type's version tag and the name object).

const CACHE_SIZE = 4096;
const cacheVersion = new Int32Array(CACHE_SIZE);
const cacheName: (PyStr | null)[] = new Array<PyStr | null>(CACHE_SIZE).fill(null);
const cacheValue: (PyObject | null)[] = new Array<PyObject | null>(CACHE_SIZE).fill(null);
let nextVersionTag = 1;

function cacheIndex(tag: number, name: PyStr): number {
  return (tag ^ (name.address >>> 4)) & (CACHE_SIZE - 1);
}

/**
 * _PyType_Lookup: the attribute `name` found along `t`'s MRO, without calling descriptors
 * (borrowed), or null.
 */
export function typeLookupBorrowed(t: PyType, name: PyStr): PyObject | null {
  let tag = t.versionTag;
  if (tag !== 0) {
    const h = cacheIndex(tag, name);
    if (cacheVersion[h] === tag && cacheName[h] === name) return cacheValue[h]!;
  }
  const res = findNameInMro(t, name);
  if (tag === 0) {
    tag = nextVersionTag++;
    if (nextVersionTag > 0x7fffffff) nextVersionTag = 1;
    t.versionTag = tag;
  }
  const h = cacheIndex(tag, name);
  cacheVersion[h] = tag;
  cacheName[h] = name;
  cacheValue[h] = res;
  return res;
}

function findNameInMro(t: PyType, name: PyStr): PyObject | null {
  const mro = t.mroList;
  const exact = name.type === StrType;
  if (mro.length === 0) {
    const d = typeDictBorrowed(t);
    return exact ? dictGetItemStr(d, name) : dictGetItem(d, name);
  }
  for (let i = 0; i < mro.length; i++) {
    const d = typeDictBorrowed(mro[i]!);
    const v = exact ? dictGetItemStr(d, name) : dictGetItem(d, name);
    if (v !== null) return v;
  }
  return null;
}

/** PyType_Modified: drop the cached lookups of `t` and all its subclasses. */
export function typeModified(t: PyType): void {
  if (t.versionTag === 0) {
    // Subclasses may still hold tags even if this type has none yet.
    for (const sub of t.subclasses) typeModified(sub);
    return;
  }
  t.versionTag = 0;
  for (const sub of t.subclasses) typeModified(sub);
}

/** Convenience for code that looks up a name given as a JS string. */
export function lookupMro(t: PyType, name: string): PyObject | null {
  return typeLookupBorrowed(t, staticStr(name));
}

/**
 * _PyObject_LookupSpecial: `name` looked up on type(o) and bound through its __get__ (new
 * reference), or null when the type does not have it.
 */
export function lookupSpecial(o: PyObject, name: PyStr): PyObject | null {
  const res = typeLookupBorrowed(o.type, name);
  if (res === null) return null;
  const f = res.type.descrGet;
  if (f === null) return newRef(res);
  return f(res, o, o.type);
}

// ---------------------------------------------------------------------------
// Generic attribute access.

/** PyObject_GenericGetAttr */
export function genericGetAttr(obj: PyObject, name: PyStr): PyObject {
  const res = genericGetAttrImpl(obj, name, false);
  return res as PyObject;
}

/**
 * _PyObject_GenericGetAttrWithDict(obj, name, NULL, suppress=1): null instead of an
 * AttributeError when the attribute is simply missing (other errors propagate).
 */
export function genericGetAttrOrNull(obj: PyObject, name: PyStr): PyObject | null {
  return genericGetAttrImpl(obj, name, true);
}

function isDataDescriptor(descr: PyObject): boolean {
  return descr.type.descrSet !== null;
}

function genericGetAttrImpl(obj: PyObject, name: PyStr, suppress: boolean): PyObject | null {
  if (!(name.type.flags & TPFLAGS_UNICODE_SUBCLASS)) {
    raise(TypeErrorType, `attribute name must be string, not '${name.type.name}'`);
  }
  const tp = obj.type;
  const descr = typeLookupBorrowed(tp, name);
  let f: PyType["descrGet"] = null;
  if (descr !== null) {
    f = descr.type.descrGet;
    if (f !== null && isDataDescriptor(descr)) {
      if (!suppress) return f(descr, obj, tp);
      return callGetSuppressing(f, descr, obj, tp);
    }
  }
  const value = instanceAttrGet(obj, name);
  if (value !== null) return newRef(value);
  if (f !== null && descr !== null) {
    if (!suppress) return f(descr, obj, tp);
    return callGetSuppressing(f, descr, obj, tp);
  }
  if (descr !== null) return newRef(descr);
  if (suppress) return null;
  raiseAttributeError(obj, name, `'${tp.name}' object has no attribute '${name.value}'`);
}

function callGetSuppressing(f: NonNullable<PyType["descrGet"]>, descr: PyObject, obj: PyObject, tp: PyType): PyObject | null {
  try {
    incref(descr);
    return f(descr, obj, tp);
  } catch (e) {
    if (isAttributeErrorRaise(e)) return null;
    throw e;
  } finally {
    decref(descr);
  }
}

function isAttributeErrorRaise(e: unknown): boolean {
  if (e instanceof PyRaise && exceptionMatches(e.exception, AttributeErrorType)) {
    decref(e.exception);
    return true;
  }
  return false;
}

/** PyObject_GenericSetAttr (value null deletes). */
export function genericSetAttr(obj: PyObject, name: PyStr, value: PyObject | null): void {
  if (!(name.type.flags & TPFLAGS_UNICODE_SUBCLASS)) {
    raise(TypeErrorType, `attribute name must be string, not '${name.type.name}'`);
  }
  const tp = obj.type;
  const descr = typeLookupBorrowed(tp, name);
  if (descr !== null) {
    const f = descr.type.descrSet;
    if (f !== null) {
      incref(descr);
      try {
        f(descr, obj, value);
      } finally {
        decref(descr);
      }
      return;
    }
  }
  if (dictOwnerOf(obj) === null) {
    if (descr === null) raiseAttributeError(obj, name, `'${tp.name}' object has no attribute '${name.value}'`);
    raise(AttributeErrorType, `'${tp.name}' object attribute '${name.value}' is read-only`);
  }
  if (tp.flags & TPFLAGS_TYPE_SUBCLASS && value === null) {
    // Deleting a missing class attribute names it as a type object.
    if (dictGetItem(typeDictBorrowed(obj as PyType), name) === null) {
      raiseAttributeError(obj, name, `type object '${(obj as PyType).name}' has no attribute '${name.value}'`);
    }
  }
  instanceAttrSet(obj, name, value);
}

/** The `__dict__` getset of objects that keep one (PyObject_GenericGetDict / SetDict). */
export const objectDictGetSet = {
  name: "__dict__",
  get: (o: PyObject): PyObject => {
    const d = instanceDictBorrowed(o);
    if (d === null) raise(AttributeErrorType, "This object has no __dict__");
    return newRef(d);
  },
  set: (o: PyObject, value: PyObject | null): void => {
    if (value === null) raise(TypeErrorType, "cannot delete __dict__");
    if (!isDict(value)) raise(TypeErrorType, `__dict__ must be set to a dictionary, not a '${value.type.name}'`);
    instanceDictReplace(o, value);
  },
};

// ---------------------------------------------------------------------------
// object: the slots.

function objectReprSlot(self: PyObject): PyObject {
  const type = self.type;
  const mod = typeModuleName(type);
  const address = `0x${self.address.toString(16)}`;
  if (mod !== null && mod !== "builtins") return newStr(`<${mod}.${type.qualname} object at ${address}>`);
  return newStr(`<${type.name} object at ${address}>`);
}

function objectStrSlot(self: PyObject): PyObject {
  const f = self.type.repr;
  if (f === null) return objectReprSlot(self);
  return f(self);
}

function objectHashSlot(self: PyObject): void {
  hashPointer(self.address);
}

function objectRichCompareSlot(self: PyObject, other: PyObject, op: number): PyObject {
  if (op === CMP_EQ) return newRef(self === other ? True : NotImplemented);
  if (op === CMP_NE) {
    const f = self.type.richcompare;
    if (f === null) return newRef(NotImplemented);
    const res = f(self, other, CMP_EQ);
    if (res === NotImplemented) return res;
    const ok = isTrue(res);
    decref(res);
    return newRef(ok ? False : True);
  }
  return newRef(NotImplemented);
}

function excessArgs(args: PyTuple, kwargs: PyDict | null): boolean {
  return args.items.length !== 0 || (kwargs !== null && dictLength(kwargs) !== 0);
}

function objectInitSlot(self: PyObject, args: PyTuple, kwargs: PyDict | null): void {
  const type = self.type;
  if (excessArgs(args, kwargs)) {
    if (type.init !== objectInitSlot) {
      raise(TypeErrorType, "object.__init__() takes exactly one argument (the instance to initialize)");
    }
    if (type.new_ === objectNewSlot) {
      raise(TypeErrorType, `${type.name}.__init__() takes exactly one argument (the instance to initialize)`);
    }
  }
}

function objectNewSlot(type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  if (excessArgs(args, kwargs)) {
    if (type.new_ !== objectNewSlot) {
      raise(TypeErrorType, "object.__new__() takes exactly one argument (the type to instantiate)");
    }
    if (type.init === objectInitSlot) raise(TypeErrorType, `${type.name}() takes no arguments`);
  }
  if ((type.flags & TPFLAGS_IS_ABSTRACT) !== 0) raiseAbstractInstantiation(type);
  return genericAlloc(type);
}

/** PyType_GenericAlloc (+ _PyObject_InitializeDict) for types whose new is object's. */
export function genericAlloc(type: PyType): PyObject {
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) return newInstance(type);
  const o = new PyObject(type);
  allocObject(o, type.basicsize);
  return o;
}

function raiseAbstractInstantiation(type: PyType): never {
  const am = type.dict === null ? null : dictGetItemStr(type.dict, staticStr("__abstractmethods__"));
  const names: string[] = [];
  if (am !== null) {
    const list = sequenceToStrings(am);
    for (const s of list) names.push(s);
  }
  names.sort();
  raise(
    TypeErrorType,
    `Can't instantiate abstract class ${type.name} with abstract method${names.length > 1 ? "s" : ""} ${names.join(", ")}`,
  );
}

function sequenceToStrings(o: PyObject): string[] {
  const out: string[] = [];
  const it = getIter(o);
  try {
    for (let x = it.type.iternext!(it); x !== null; x = it.type.iternext!(it)) {
      out.push(x instanceof PyStr ? x.value : "?");
      decref(x);
    }
  } finally {
    decref(it);
  }
  return out;
}

// ---------------------------------------------------------------------------
// object: methods and attributes.

function objectReduceEx(self: PyObject): PyObject {
  raise(TypeErrorType, `cannot pickle '${self.type.name}' object`);
}

function objectSubclassHook(): PyObject {
  return newRef(NotImplemented);
}

function objectInitSubclass(_cls: PyObject, _args: PyObject[], _start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (kwnames !== null && kwnames.items.length !== 0) {
    const cls = _cls as PyType;
    raise(TypeErrorType, `${cls.name}.__init_subclass__() takes no keyword arguments`);
  }
  if (nargs !== 0) raise(TypeErrorType, `${(_cls as PyType).name}.__init_subclass__() takes no arguments (${nargs} given)`);
  return newRef(None);
}

function objectFormatMethod(self: PyObject, spec: PyObject): PyObject {
  if (!(spec.type.flags & TPFLAGS_UNICODE_SUBCLASS)) {
    raise(TypeErrorType, `__format__() argument must be str, not ${spec.type.name}`);
  }
  if ((spec as PyStr).value.length > 0) raise(TypeErrorType, `unsupported format string passed to ${self.type.name}.__format__`);
  return objectStr(self);
}

/** Py_SIZE for object.__sizeof__: types with items give their count through this hook. */
/** ob_size of var-sized objects for object.__sizeof__ (a tuple's is its length). */
export const varSizeOf: { fn: (o: PyObject) => number } = { fn: (o) => (o instanceof PyTuple ? o.items.length : 0) };

function objectSizeof(self: PyObject): PyObject {
  const t = self.type;
  let size = t.basicsize;
  if (t.itemsize !== 0) size += t.itemsize * Math.abs(varSizeOf.fn(self));
  return newInt(size);
}

/** merge_class_dict: the class's __dict__ and, recursively, its bases'. */
function mergeClassDict(dict: PyDict, aclass: PyObject): void {
  const classdict = lookupAttr(aclass, staticStr("__dict__"));
  if (classdict !== null) {
    try {
      mergeMappingInto(dict, classdict);
    } finally {
      decref(classdict);
    }
  }
  const bases = lookupAttr(aclass, staticStr("__bases__"));
  if (bases !== null) {
    try {
      if (bases.type.flags & TPFLAGS_TUPLE_SUBCLASS) for (const b of (bases as PyTuple).items) mergeClassDict(dict, b);
    } finally {
      decref(bases);
    }
  }
}

function mergeMappingInto(dict: PyDict, mapping: PyObject): void {
  if (isDict(mapping)) {
    dictMergeDict(dict, mapping, 1);
    return;
  }
  const inner = mappingProxyTarget(mapping);
  if (inner !== null) {
    mergeMappingInto(dict, inner);
    return;
  }
}

function dictKeysList(d: PyDict): PyList {
  const keys: PyObject[] = [];
  for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) keys.push(dictEntry.key!);
  return listFromBorrowed(keys);
}

function objectDir(self: PyObject): PyObject {
  let dict: PyDict;
  const d = lookupAttr(self, staticStr("__dict__"));
  if (d === null) dict = newDict();
  else if (!isDict(d)) {
    decref(d);
    dict = newDict();
  } else {
    dict = dictCopy(d);
    decref(d);
  }
  try {
    const itsclass = lookupAttr(self, staticStr("__class__"));
    if (itsclass !== null) {
      try {
        mergeClassDict(dict, itsclass);
      } finally {
        decref(itsclass);
      }
    }
    return dictKeysList(dict);
  } finally {
    decref(dict);
  }
}

function objectGetClass(self: PyObject): PyObject {
  return newRef(self.type);
}

function objectSetClass(self: PyObject, value: PyObject | null): void {
  if (value === null) raise(TypeErrorType, "can't delete __class__ attribute");
  if (!isTypeObject(value)) raise(TypeErrorType, `__class__ must be set to a class, not '${value.type.name}' object`);
  const oldto = self.type;
  const newto = value;
  const moduleCase = newto.isSubtypeOf(ModuleType) && oldto.isSubtypeOf(ModuleType);
  if (!moduleCase && ((newto.flags & TPFLAGS_IMMUTABLETYPE) !== 0 || (oldto.flags & TPFLAGS_IMMUTABLETYPE) !== 0)) {
    raise(TypeErrorType, "__class__ assignment only supported for mutable types or ModuleType subclasses");
  }
  checkTypeAssignment(oldto, newto, "__class__");
  // Changing the class changes the shared keys: materialise the dict first.
  if ((oldto.flags & TPFLAGS_MANAGED_DICT) !== 0) instanceDictBorrowed(self);
  if ((newto.flags & TPFLAGS_HEAPTYPE) !== 0) incref(newto);
  self.type = newto;
  if ((oldto.flags & TPFLAGS_HEAPTYPE) !== 0) decref(oldto);
}

// ---------------------------------------------------------------------------
// type: the slots.

/** type_module as text: "builtins" or the dotted prefix for static types, __module__ for heap types. */
export function typeModuleName(t: PyType): string | null {
  if ((t.flags & TPFLAGS_HEAPTYPE) !== 0) {
    const m = t.dict === null ? null : dictGetItemStr(t.dict, staticStr("__module__"));
    return m instanceof PyStr ? m.value : null;
  }
  const dot = t.name.lastIndexOf(".");
  return dot >= 0 ? t.name.slice(0, dot) : "builtins";
}

function typeReprSlot(self: PyObject): PyObject {
  const t = self as PyType;
  const mod = typeModuleName(t);
  if (mod !== null && mod !== "builtins") return newStr(`<class '${mod}.${t.qualname}'>`);
  return newStr(`<class '${t.name}'>`);
}

/** type_call as a vectorcall slot: tp_new then tp_init. */
function typeCallSlot(callable: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const type = callable as PyType;
  const nkw = kwnames === null ? 0 : kwnames.items.length;
  if (type === TypeType) {
    if (nargs === 1 && nkw === 0) return newRef(args[start]!.type);
    if (nargs !== 3) raise(TypeErrorType, "type() takes 1 or 3 arguments");
  }
  const newFn = type.new_;
  if (newFn === null) raise(TypeErrorType, `cannot create '${type.name}' instances`);
  const [tuple, kwargs] = vectorcallToTupleDict(args, start, nargs, kwnames);
  try {
    const obj = newFn(type, tuple, kwargs);
    if (!obj.type.isSubtypeOf(type)) return obj;
    const init = obj.type.init;
    if (init !== null) {
      try {
        init(obj, tuple, kwargs);
      } catch (e) {
        decref(obj);
        throw e;
      }
    }
    return obj;
  } finally {
    decref(tuple);
    if (kwargs !== null) decref(kwargs);
  }
}

/** type_getattro: data descriptors of the metatype, then the MRO of the type itself. */
export function typeGetAttr(self: PyObject, name: PyStr): PyObject {
  const res = typeGetAttrImpl(self as PyType, name, false);
  return res as PyObject;
}

/** type_getattro that returns null instead of raising AttributeError for a missing name. */
export function typeGetAttrOrNull(self: PyType, name: PyStr): PyObject | null {
  return typeGetAttrImpl(self, name, true);
}

function typeGetAttrImpl(type: PyType, name: PyStr, suppress: boolean): PyObject | null {
  if (!(name.type.flags & TPFLAGS_UNICODE_SUBCLASS)) {
    raise(TypeErrorType, `attribute name must be string, not '${name.type.name}'`);
  }
  const metatype = type.type;
  const metaAttribute = typeLookupBorrowed(metatype, name);
  let metaGet: PyType["descrGet"] = null;
  if (metaAttribute !== null) {
    metaGet = metaAttribute.type.descrGet;
    if (metaGet !== null && isDataDescriptor(metaAttribute)) return metaGet(metaAttribute, type, metatype);
  }
  const attribute = typeLookupBorrowed(type, name);
  if (attribute !== null) {
    const localGet = attribute.type.descrGet;
    if (localGet !== null) {
      incref(attribute);
      try {
        return localGet(attribute, null, type);
      } finally {
        decref(attribute);
      }
    }
    return newRef(attribute);
  }
  if (metaGet !== null && metaAttribute !== null) return metaGet(metaAttribute, type, metatype);
  if (metaAttribute !== null) return newRef(metaAttribute);
  if (suppress) return null;
  raiseAttributeError(type, name, `type object '${type.name}' has no attribute '${name.value}'`);
}

/** type_setattro: refused for immutable types; updates slots when a dunder changes. */
export function typeSetAttr(self: PyObject, name: PyStr, value: PyObject | null): void {
  const type = self as PyType;
  if ((type.flags & TPFLAGS_IMMUTABLETYPE) !== 0) {
    const r = objectRepr(name);
    const text = r.value;
    decref(r);
    raise(TypeErrorType, `cannot set ${text} attribute of immutable type '${type.name}'`);
  }
  typeDictBorrowed(type);
  genericSetAttr(type, name, value);
  typeModified(type);
  if (name.type === StrType && isDunderName(name.value)) updateSlot(type, name.value);
}

function typeInitSlot(_self: PyObject, args: PyTuple, kwargs: PyDict | null): void {
  const n = args.items.length;
  if (kwargs !== null && n === 1 && dictLength(kwargs) !== 0) raise(TypeErrorType, "type.__init__() takes no keyword arguments");
  if (n !== 1 && n !== 3) raise(TypeErrorType, "type.__init__() takes 1 or 3 arguments");
}

// ---------------------------------------------------------------------------
// type: methods and attributes.

function typeMroMethod(self: PyObject): PyObject {
  return listFromBorrowed(mroOf(self as PyType));
}

function typeSubclassesMethod(self: PyObject): PyObject {
  const t = self as PyType;
  const l = newList(0);
  for (const sub of t.subclasses) listAppend(l, sub);
  return l;
}

function typePrepare(): PyObject {
  return newDict();
}

function typeInstanceCheck(self: PyObject, inst: PyObject): PyObject {
  return newRef(realIsInstance(inst, self) ? True : False);
}

function typeSubclassCheck(self: PyObject, sub: PyObject): PyObject {
  return newRef(realIsSubclass(sub, self) ? True : False);
}

function typeDirMethod(self: PyObject): PyObject {
  const dict = newDict();
  try {
    mergeClassDict(dict, self);
    return dictKeysList(dict);
  } finally {
    decref(dict);
  }
}

function typeSizeofMethod(self: PyObject): PyObject {
  const t = self as PyType;
  if ((t.flags & TPFLAGS_HEAPTYPE) !== 0) {
    let size = TYPE_BASICSIZE;
    if (t.cachedKeys !== null) size += keysByteSize(t.cachedKeys);
    return newInt(size);
  }
  return newInt(STATIC_TYPE_SIZE);
}

/** tp_mro as a tuple (new reference); static types build theirs once, as a static object. */
export function typeMroTuple(t: PyType): PyTuple {
  if (t.mro === null) {
    const tuple = tupleFromBorrowed(t.mroList.length === 0 ? [t] : t.mroList);
    makeObjectStatic(tuple);
    t.mro = tuple;
  }
  return newRef(t.mro);
}

/** tp_bases (new reference); for static types (base,) or () for object. */
export function typeBasesTuple(t: PyType): PyTuple {
  if (t.bases === null) {
    const tuple = t.base === null ? EMPTY_TUPLE : tupleFromBorrowed([t.base]);
    if (tuple !== EMPTY_TUPLE) makeObjectStatic(tuple);
    t.bases = tuple;
  }
  return newRef(t.bases);
}

function typeNameGet(self: PyObject): PyObject {
  const t = self as PyType;
  if ((t.flags & TPFLAGS_HEAPTYPE) !== 0) return t.htName !== null ? newRef(t.htName) : newStr(t.name);
  const dot = t.name.lastIndexOf(".");
  return newStr(dot >= 0 ? t.name.slice(dot + 1) : t.name);
}

function checkSettable(t: PyType, what: string, value: PyObject | null): void {
  if ((t.flags & TPFLAGS_IMMUTABLETYPE) !== 0) raise(TypeErrorType, `cannot set '${what}' attribute of immutable type '${t.name}'`);
  if (value === null) raise(TypeErrorType, `cannot delete '${what}' attribute of immutable type '${t.name}'`);
}

function typeNameSet(self: PyObject, value: PyObject | null): void {
  const t = self as PyType;
  checkSettable(t, "__name__", value);
  if (!(value!.type.flags & TPFLAGS_UNICODE_SUBCLASS)) {
    raise(TypeErrorType, `can only assign string to ${t.name}.__name__, not '${value!.type.name}'`);
  }
  const s = (value as PyStr).value;
  if (s.indexOf("\0") >= 0) raise(ValueErrorType, "type name must not contain null characters");
  t.name = s;
  const old = t.htName;
  t.htName = newRef(value as PyStr);
  xdecref(old);
}

function typeQualnameGet(self: PyObject): PyObject {
  const t = self as PyType;
  if ((t.flags & TPFLAGS_HEAPTYPE) !== 0) return t.htQualname !== null ? newRef(t.htQualname) : newStr(t.qualname);
  return typeNameGet(t);
}

function typeQualnameSet(self: PyObject, value: PyObject | null): void {
  const t = self as PyType;
  checkSettable(t, "__qualname__", value);
  if (!(value!.type.flags & TPFLAGS_UNICODE_SUBCLASS)) {
    raise(TypeErrorType, `can only assign string to ${t.name}.__qualname__, not '${value!.type.name}'`);
  }
  t.qualname = (value as PyStr).value;
  const old = t.htQualname;
  t.htQualname = newRef(value as PyStr);
  xdecref(old);
}

function typeModuleGet(self: PyObject): PyObject {
  const t = self as PyType;
  if ((t.flags & TPFLAGS_HEAPTYPE) !== 0) {
    const m = dictGetItemStr(typeDictBorrowed(t), staticStr("__module__"));
    if (m === null) raise(AttributeErrorType, "__module__");
    return newRef(m);
  }
  return newStr(typeModuleName(t) ?? "builtins");
}

function typeModuleSet(self: PyObject, value: PyObject | null): void {
  const t = self as PyType;
  checkSettable(t, "__module__", value);
  typeModified(t);
  dictSetItem(typeDictBorrowed(t), staticStr("__module__"), value!);
}

function typeDocGet(self: PyObject): PyObject {
  const t = self as PyType;
  if ((t.flags & TPFLAGS_HEAPTYPE) === 0 && t.doc !== null) return newStr(t.doc);
  const result = dictGetItemStr(typeDictBorrowed(t), staticStr("__doc__"));
  if (result === null) return newRef(None);
  const f = result.type.descrGet;
  if (f !== null) return f(result, null, t);
  return newRef(result);
}

function typeDocSet(self: PyObject, value: PyObject | null): void {
  const t = self as PyType;
  checkSettable(t, "__doc__", value);
  typeModified(t);
  dictSetItem(typeDictBorrowed(t), staticStr("__doc__"), value!);
}

function typeDictGet(self: PyObject): PyObject {
  return newMappingProxy(typeDictBorrowed(self as PyType));
}

function typeAbstractMethodsGet(self: PyObject): PyObject {
  const t = self as PyType;
  const m = t === TypeType ? null : dictGetItemStr(typeDictBorrowed(t), staticStr("__abstractmethods__"));
  if (m === null) raise(AttributeErrorType, "__abstractmethods__");
  return newRef(m);
}

function typeAbstractMethodsSet(self: PyObject, value: PyObject | null): void {
  const t = self as PyType;
  const d = typeDictBorrowed(t);
  const key = staticStr("__abstractmethods__");
  if (value !== null) {
    const abstract = isTrue(value);
    dictSetItem(d, key, value);
    typeModified(t);
    if (abstract) t.flags |= TPFLAGS_IS_ABSTRACT;
    else t.flags &= ~TPFLAGS_IS_ABSTRACT;
  } else {
    if (dictGetItemStr(d, key) === null) raise(AttributeErrorType, "__abstractmethods__");
    dictDelItem(d, key);
    typeModified(t);
    t.flags &= ~TPFLAGS_IS_ABSTRACT;
  }
}

function typeBasesSet(self: PyObject, value: PyObject | null): void {
  const t = self as PyType;
  checkSettable(t, "__bases__", value);
  raise(TypeErrorType, `can't set ${t.name}.__bases__`);
}

function typeAnnotationsGet(self: PyObject): PyObject {
  const t = self as PyType;
  if ((t.flags & TPFLAGS_HEAPTYPE) === 0) raise(AttributeErrorType, `type object '${t.name}' has no attribute '__annotations__'`);
  const d = typeDictBorrowed(t);
  const key = staticStr("__annotations__");
  const existing = dictGetItemStr(d, key);
  if (existing !== null) {
    const f = existing.type.descrGet;
    if (f !== null) return f(existing, null, t);
    return newRef(existing);
  }
  const ann = newDict();
  dictSetItem(d, key, ann);
  typeModified(t);
  return ann;
}

function typeAnnotationsSet(self: PyObject, value: PyObject | null): void {
  const t = self as PyType;
  if ((t.flags & TPFLAGS_IMMUTABLETYPE) !== 0) raise(TypeErrorType, `cannot set '__annotations__' attribute of immutable type '${t.name}'`);
  const d = typeDictBorrowed(t);
  const key = staticStr("__annotations__");
  if (value === null) {
    if (dictGetItemStr(d, key) === null) raise(AttributeErrorType, "__annotations__");
    dictDelItem(d, key);
  } else {
    dictSetItem(d, key, value);
  }
  typeModified(t);
}

// ---------------------------------------------------------------------------
// Wiring: object's and type's slots, then their dict entries.

installRootSlots({
  repr: objectReprSlot,
  str: objectStrSlot,
  hash: objectHashSlot,
  richcompare: objectRichCompareSlot,
  getattro: genericGetAttr,
  setattro: genericSetAttr,
  init: objectInitSlot,
  new_: objectNewSlot,
});

addMethods(ObjectType, [
  { name: "__reduce_ex__", kind: "o", fn: objectReduceEx },
  { name: "__reduce__", kind: "noargs", fn: objectReduceEx },
  { name: "__getstate__", kind: "noargs", fn: objectGetState },
  { name: "__subclasshook__", kind: "fastcall", fn: objectSubclassHook, binding: "class" },
  { name: "__init_subclass__", kind: "fastcall", fn: objectInitSubclass, binding: "class" },
  { name: "__format__", kind: "o", fn: objectFormatMethod },
  { name: "__sizeof__", kind: "noargs", fn: objectSizeof },
  { name: "__dir__", kind: "noargs", fn: objectDir },
]);
addGetSets(ObjectType, [{ name: "__class__", get: objectGetClass, set: objectSetClass }]);

function objectGetState(self: PyObject): PyObject {
  const d = instanceDictBorrowed(self);
  if (d === null || dictLength(d) === 0) return newRef(None);
  return newRef(d);
}

// typecreate.ts may not be evaluated yet: its functions are reached through these wrappers.
TypeType.dealloc = (o) => typeDealloc(o);
TypeType.traverse = (o, visit, arg) => typeTraverse(o, visit, arg);
TypeType.clear = (o) => typeClear(o);
TypeType.isGC = (o) => typeIsGC(o);
TypeType.repr = typeReprSlot;
TypeType.call = typeCallSlot;
TypeType.getattro = typeGetAttr;
TypeType.setattro = typeSetAttr;
TypeType.init = typeInitSlot;
TypeType.new_ = typeNewSlot;
TypeType.weaklistoffset = 368;
TypeType.dictoffset = 264;
TypeType.doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type";
readyType(TypeType);
addMethods(TypeType, [
  { name: "mro", kind: "noargs", fn: typeMroMethod },
  { name: "__subclasses__", kind: "noargs", fn: typeSubclassesMethod },
  { name: "__prepare__", kind: "fastcall", fn: typePrepare, binding: "class" },
  { name: "__instancecheck__", kind: "o", fn: typeInstanceCheck },
  { name: "__subclasscheck__", kind: "o", fn: typeSubclassCheck },
  { name: "__dir__", kind: "noargs", fn: typeDirMethod },
  { name: "__sizeof__", kind: "noargs", fn: typeSizeofMethod },
]);
addMembers(TypeType, [
  { name: "__basicsize__", get: (t) => newInt((t as PyType).basicsize) },
  { name: "__itemsize__", get: (t) => newInt((t as PyType).itemsize) },
  { name: "__flags__", get: (t) => newInt((t as PyType).flags >>> 0) },
  { name: "__weakrefoffset__", get: (t) => newInt((t as PyType).weaklistoffset) },
  { name: "__base__", get: (t) => newRef((t as PyType).base ?? None) },
  { name: "__dictoffset__", get: (t) => newInt((t as PyType).dictoffset) },
  { name: "__mro__", get: (t) => typeMroTuple(t as PyType) },
]);
addGetSets(TypeType, [
  { name: "__name__", get: typeNameGet, set: typeNameSet },
  { name: "__qualname__", get: typeQualnameGet, set: typeQualnameSet },
  { name: "__bases__", get: (t) => typeBasesTuple(t as PyType), set: typeBasesSet },
  { name: "__module__", get: typeModuleGet, set: typeModuleSet },
  { name: "__abstractmethods__", get: typeAbstractMethodsGet, set: typeAbstractMethodsSet },
  { name: "__dict__", get: typeDictGet },
  { name: "__doc__", get: typeDocGet, set: typeDocSet },
  { name: "__text_signature__", get: () => newRef(None) },
  { name: "__annotations__", get: typeAnnotationsGet, set: typeAnnotationsSet },
]);

/** Whether `t` has a static-type spec (for tests and the leak checker). */
export function isStaticTypeWithSpec(t: PyType): boolean {
  return hasStaticTypeSpec(t);
}

