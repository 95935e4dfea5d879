// Objects/typeobject.c: type_new and its helpers (_PyType_CalculateMetaclass, best_base,
// solid_base, extra_ivars, type_new_get_slots / visit_slots / copy_slots, the __dict__ and
// __weakref__ getsets, type_new_descriptors, type_new_set_attrs, __set_name__ and
// __init_subclass__), mro_implementation with C3 merge (pmerge, set_mro_error),
// type_dealloc / type_traverse / type_clear / type_is_gc, compatible_for_assignment.
//
// `class K(B): ...` ends in type(name, bases, ns): a heap type whose layout (basicsize,
// __slots__ members, managed dict, weakref slot) follows CPython 3.11 exactly.

import { PyObject, type VisitProc } from "./object.js";
import { allocGCObject, freeGCObject } from "./heap.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, incref, newRef, xdecref } from "./refcount.js";
import { PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE, TPFLAGS_MANAGED_DICT, TPFLAGS_READY, TPFLAGS_TUPLE_SUBCLASS, TPFLAGS_UNICODE_SUBCLASS } from "./type.js";
import { inheritSlots, inheritSpecial, ObjectType, TypeType, isTypeObject } from "./typeroots.js";
import { dictCopy, dictDelItem, dictEntry, dictGetItemStr, dictKeysDecref, dictLength, dictNext, dictSetItem, dictClear, isDict, newKeysForClass, type PyDict } from "./dict.js";
import { EMPTY_TUPLE, tupleFromBorrowed, type PyTuple } from "./tuple.js";
import { newStr, PyStr, staticStr } from "./str.js";
import { None } from "./singletons.js";
import { AttributeErrorType, raise, RuntimeErrorType, TypeErrorType, ValueErrorType, PyRaise, exceptionSetCause, exceptionSetContext, raiseOwned, newExceptionFromOwnedArgs } from "./exceptions.js";
import { callObject, getIter, hashNotImplemented, iterNext, lookupAttr, objectRepr } from "./abstract.js";
import { newGetSetDescr, installMember } from "./descrobject.js";
import { isFunctionLike, newClassMethodFor, newStaticMethodFor } from "./funcdescr.js";
import { genericGetAttr, genericSetAttr, lookupSpecial, objectDictGetSet, typeDictBorrowed, typeLookupBorrowed, typeModified } from "./typeobject.js";
import { slotsOf, subtypeClear, subtypeDealloc, subtypeTraverse } from "./instance.js";
import { fixupSlotDispatchers } from "./typeslots.js";
import { clearWeakrefs } from "./weakref.js";
import { addSubclass, releaseSubclassDict, removeAllSubclasses } from "./typesubclasses.js";
import { tupleFromOwned } from "./tuple.js";
import { cellSet, isCell } from "./cellobject.js";
import type { MemberDef } from "./typeroots.js";

/** PyMemberDef entries are 40 bytes: a heap type is allocated with one per slot, plus one. */
const MEMBER_DEF_SIZE = 40;

/** The frame's globals' __name__, for `__module__` of classes made by type(); set by the VM. */
let currentModuleName: () => PyObject | null = () => null;

export function setCurrentModuleNameProvider(fn: () => PyObject | null): void {
  currentModuleName = fn;
}

// ---------------------------------------------------------------------------
// MRO.

function className(t: PyObject): string {
  const n = lookupAttr(t, staticStr("__name__"));
  if (n === null) return "?";
  const s = n instanceof PyStr ? n.value : "?";
  decref(n);
  return s;
}

/** mro_implementation: C3 linearisation of `type` and its bases (borrowed types). */
export function mroImplementation(type: PyType): PyType[] {
  const bases = (type.bases ?? EMPTY_TUPLE).items as PyType[];
  if (bases.length === 1) {
    const base = bases[0]!;
    return [type, ...(base.mroList.length === 0 ? [base] : base.mroList)];
  }
  for (let i = 0; i < bases.length; i++) {
    for (let j = i + 1; j < bases.length; j++) {
      if (bases[i] === bases[j]) raise(TypeErrorType, `duplicate base class ${className(bases[i]!)}`);
    }
  }
  const toMerge: PyType[][] = bases.map((b) => (b.mroList.length === 0 ? [b] : b.mroList));
  toMerge.push(bases);
  const result: PyType[] = [type];
  pmerge(result, toMerge);
  return result;
}

function tailContains(list: PyType[], whence: number, o: PyType): boolean {
  for (let j = whence + 1; j < list.length; j++) if (list[j] === o) return true;
  return false;
}

function pmerge(acc: PyType[], toMerge: PyType[][]): void {
  const n = toMerge.length;
  const remain = new Array<number>(n).fill(0);
  for (;;) {
    let emptyCount = 0;
    let progressed = false;
    for (let i = 0; i < n; i++) {
      const cur = toMerge[i]!;
      if (remain[i]! >= cur.length) {
        emptyCount++;
        continue;
      }
      const candidate = cur[remain[i]!]!;
      let inTail = false;
      for (let j = 0; j < n; j++) {
        if (tailContains(toMerge[j]!, remain[j]!, candidate)) {
          inTail = true;
          break;
        }
      }
      if (inTail) continue;
      acc.push(candidate);
      for (let j = 0; j < n; j++) {
        const l = toMerge[j]!;
        if (remain[j]! < l.length && l[remain[j]!] === candidate) remain[j]!++;
      }
      progressed = true;
      break;
    }
    if (progressed) continue;
    if (emptyCount === n) return;
    // set_mro_error: the remaining heads, once each, in the order they are met.
    const heads: PyType[] = [];
    for (let i = 0; i < n; i++) {
      const l = toMerge[i]!;
      if (remain[i]! < l.length) {
        const c = l[remain[i]!]!;
        if (heads.indexOf(c) < 0) heads.push(c);
      }
    }
    raise(TypeErrorType, `Cannot create a consistent method resolution\norder (MRO) for bases ${heads.map(className).join(", ")}`);
  }
}

/** type.mro(): the MRO a type would get (borrowed types). */
export function mroOf(type: PyType): PyType[] {
  if ((type.flags & TPFLAGS_HEAPTYPE) === 0) return type.mroList.length === 0 ? [type] : type.mroList.slice();
  return mroImplementation(type);
}

/** mro_internal: the MRO from a custom metaclass mro() when there is one, else C3. */
function mroInternal(type: PyType): PyType[] {
  const metatype = type.type;
  if (metatype !== TypeType) {
    const mroMeth = typeLookupBorrowed(metatype, staticStr("mro"));
    const builtinMro = typeLookupBorrowed(TypeType, staticStr("mro"));
    if (mroMeth !== null && mroMeth !== builtinMro) {
      const res = callObject(mroMeth, [type], 0, 1, null);
      try {
        const out: PyType[] = [];
        const it = getIter(res);
        try {
          for (let x = iterNext(it); x !== null; x = iterNext(it)) {
            if (!isTypeObject(x)) {
              const r = objectRepr(x);
              const text = r.value;
              decref(r);
              decref(x);
              raise(TypeErrorType, `mro() returned a non-class ('${text}')`);
            }
            out.push(x);
            decref(x);
          }
        } finally {
          decref(it);
        }
        return out;
      } finally {
        decref(res);
      }
    }
  }
  return mroImplementation(type);
}

// ---------------------------------------------------------------------------
// Layout: best_base, solid_base, extra_ivars.

function extraIvars(type: PyType, base: PyType): boolean {
  let tSize = type.basicsize;
  const bSize = base.basicsize;
  if (type.itemsize !== 0 || base.itemsize !== 0) return tSize !== bSize || type.itemsize !== base.itemsize;
  const heap = (type.flags & TPFLAGS_HEAPTYPE) !== 0;
  if (type.weaklistoffset !== 0 && base.weaklistoffset === 0 && type.weaklistoffset + 8 === tSize && heap) tSize -= 8;
  if (type.dictoffset !== 0 && base.dictoffset === 0 && type.dictoffset + 8 === tSize && heap) tSize -= 8;
  return tSize !== bSize;
}

function solidBase(type: PyType): PyType {
  const base = type.base !== null ? solidBase(type.base) : ObjectType;
  return extraIvars(type, base) ? type : base;
}

/** best_base: the base whose layout the new type extends; layout conflicts are errors. */
export function bestBase(bases: PyObject[]): PyType {
  let base: PyType | null = null;
  let winner: PyType | null = null;
  for (const b of bases) {
    if (!isTypeObject(b)) raise(TypeErrorType, "bases must be types");
    if ((b.flags & TPFLAGS_BASETYPE) === 0) raise(TypeErrorType, `type '${b.name}' is not an acceptable base type`);
    const candidate = solidBase(b);
    if (winner === null) {
      winner = candidate;
      base = b;
    } else if (winner.isSubtypeOf(candidate)) {
      // keep the current winner
    } else if (candidate.isSubtypeOf(winner)) {
      winner = candidate;
      base = b;
    } else {
      raise(TypeErrorType, "multiple bases have instance lay-out conflict");
    }
  }
  return base as PyType;
}

/** _PyType_CalculateMetaclass */
export function calculateMetaclass(metatype: PyType, bases: PyObject[]): PyType {
  let winner = metatype;
  for (const b of bases) {
    const tmptype = b.type;
    if (winner.isSubtypeOf(tmptype)) continue;
    if (tmptype.isSubtypeOf(winner)) {
      winner = tmptype;
      continue;
    }
    raise(
      TypeErrorType,
      "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
    );
  }
  return winner;
}

// ---------------------------------------------------------------------------
// __dict__ and __weakref__ of heap-type instances (subtype_getsets_*).

const SUBTYPE_DICT_GETSET = {
  name: "__dict__",
  get: (o: PyObject) => objectDictGetSet.get(o),
  set: (o: PyObject, v: PyObject | null) => objectDictGetSet.set(o, v),
  doc: "dictionary for instance variables (if defined)",
};

const SUBTYPE_WEAKREF_GETSET = {
  name: "__weakref__",
  get: (o: PyObject): PyObject => newRef(o.weakrefList ?? None),
  doc: "list of weak references to the object (if defined)",
};


// ---------------------------------------------------------------------------
// type_new.

/** type.__new__(metatype, name, bases, dict, **kwds) */
export function typeNew(metatype: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  const items = args.items;
  if (metatype === TypeType && items.length === 1 && (kwargs === null || dictLength(kwargs) === 0)) {
    return newRef(items[0]!.type);
  }
  if (items.length !== 3) {
    if (metatype === TypeType && items.length !== 1) raise(TypeErrorType, "type() takes 1 or 3 arguments");
    raise(TypeErrorType, `type.__new__() takes exactly 3 arguments (${items.length} given)`);
  }
  const [nameObj, basesObj, origDict] = items as [PyObject, PyObject, PyObject];
  if (!(nameObj.type.flags & TPFLAGS_UNICODE_SUBCLASS)) raise(TypeErrorType, `type.__new__() argument 1 must be str, not ${nameObj.type.name}`);
  if (!(basesObj.type.flags & TPFLAGS_TUPLE_SUBCLASS)) raise(TypeErrorType, `type.__new__() argument 2 must be tuple, not ${basesObj.type.name}`);
  if (!isDict(origDict)) raise(TypeErrorType, `type.__new__() argument 3 must be dict, not ${origDict.type.name}`);
  let bases = (basesObj as PyTuple).items;
  for (const b of bases) {
    if (!isTypeObject(b)) {
      const entries = lookupAttr(b, staticStr("__mro_entries__"));
      if (entries !== null) {
        decref(entries);
        raise(TypeErrorType, "type() doesn't support MRO entry resolution; use types.new_class()");
      }
    }
  }
  const winner = calculateMetaclass(metatype, bases);
  if (winner !== metatype && winner.new_ !== TypeType.new_ && winner.new_ !== null) return winner.new_(winner, args, kwargs);
  metatype = winner;
  let basesTuple: PyTuple;
  if (bases.length === 0) {
    basesTuple = tupleFromBorrowed([ObjectType]);
    bases = basesTuple.items;
  } else {
    basesTuple = newRef(basesObj as PyTuple);
  }
  try {
    const base = bestBase(bases);
    return typeNewImpl(metatype, nameObj as PyStr, basesTuple, base, origDict, kwargs);
  } finally {
    decref(basesTuple);
  }
}

function isIdentifier(s: string): boolean {
  return /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]*$/u.test(s);
}

/** _Py_Mangle: `__x` inside class `Cls` is `_Cls__x` (not for dunders or dotted names). */
export function mangleName(className: string, name: string): string {
  if (!name.startsWith("__") || name.endsWith("__") || name.indexOf(".") >= 0) return name;
  const stripped = className.replace(/^_+/, "");
  if (stripped.length === 0) return name;
  return `_${stripped}${name}`;
}

interface SlotsInfo {
  names: string[];
  addDict: boolean;
  addWeak: boolean;
  slotsTuple: PyTuple | null;
}

function sequenceTupleOf(o: PyObject): PyTuple {
  if (o.type.flags & TPFLAGS_TUPLE_SUBCLASS) return newRef(o as PyTuple);
  const items: PyObject[] = [];
  const it = getIter(o);
  try {
    for (let x = iterNext(it); x !== null; x = iterNext(it)) items.push(x);
  } catch (e) {
    for (const x of items) decref(x);
    throw e;
  } finally {
    decref(it);
  }
  return tupleFromOwned(items);
}

function processSlots(name: string, dict: PyDict, base: PyType, bases: PyObject[]): SlotsInfo {
  const mayAddDict = base.dictoffset === 0 && (base.flags & TPFLAGS_MANAGED_DICT) === 0;
  const mayAddWeak = base.weaklistoffset === 0 && base.itemsize === 0;
  const slotsObj = dictGetItemStr(dict, staticStr("__slots__"));
  if (slotsObj === null) return { names: [], addDict: mayAddDict, addWeak: mayAddWeak, slotsTuple: null };
  const slots = slotsObj.type.flags & TPFLAGS_UNICODE_SUBCLASS ? tupleFromBorrowed([slotsObj]) : sequenceTupleOf(slotsObj);
  try {
    const items = slots.items;
    if (items.length > 0 && base.itemsize !== 0) raise(TypeErrorType, `nonempty __slots__ not supported for subtype of '${base.name}'`);
    let addDict = false;
    let addWeak = false;
    for (const s of items) {
      if (!(s.type.flags & TPFLAGS_UNICODE_SUBCLASS)) raise(TypeErrorType, `__slots__ items must be strings, not '${s.type.name}'`);
      const v = (s as PyStr).value;
      if (!isIdentifier(v)) raise(TypeErrorType, "__slots__ must be identifiers");
      if (v === "__dict__") {
        if (!mayAddDict || addDict) raise(TypeErrorType, "__dict__ slot disallowed: we already got one");
        addDict = true;
      }
      if (v === "__weakref__") {
        if (!mayAddWeak || addWeak) raise(TypeErrorType, "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
        addWeak = true;
      }
    }
    const names: string[] = [];
    for (const s of items) {
      const v = (s as PyStr).value;
      if ((addDict && v === "__dict__") || (addWeak && v === "__weakref__")) continue;
      const mangled = mangleName(name, v);
      if (dictGetItemStr(dict, staticStr(mangled)) !== null && mangled !== "__qualname__" && mangled !== "__classcell__") {
        raise(ValueErrorType, `'${mangled}' in __slots__ conflicts with class variable`);
      }
      names.push(mangled);
    }
    names.sort(codePointCompare);
    // Secondary bases may provide a dict or weakrefs.
    if (bases.length > 1 && ((mayAddDict && !addDict) || (mayAddWeak && !addWeak))) {
      for (const b of bases) {
        if (b === base || !isTypeObject(b)) continue;
        if (mayAddDict && !addDict && b.dictoffset !== 0) addDict = true;
        if (mayAddWeak && !addWeak && b.weaklistoffset !== 0) addWeak = true;
        if ((!mayAddDict || addDict) && (!mayAddWeak || addWeak)) break;
      }
    }
    incref(slots);
    return { names, addDict, addWeak, slotsTuple: slots };
  } finally {
    decref(slots);
  }
}

function codePointCompare(a: string, b: string): number {
  const x = Array.from(a).map((c) => c.codePointAt(0)!);
  const y = Array.from(b).map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** The member descriptor of one __slots__ entry, reading slot `index` of an instance. */
function slotMember(name: string, index: number): MemberDef {
  return {
    name,
    get: (o: PyObject): PyObject | null => {
      const v = slotsOf(o)[index] ?? null;
      return v === null ? null : newRef(v);
    },
    set: (o: PyObject, v: PyObject | null): void => {
      const slots = slotsOf(o);
      const old = slots[index] ?? null;
      if (v === null && old === null) raise(AttributeErrorType, name);
      slots[index] = v === null ? null : newRef(v);
      xdecref(old);
    },
  };
}

function typeNewImpl(metatype: PyType, nameObj: PyStr, bases: PyTuple, base: PyType, origDict: PyDict, kwargs: PyDict | null): PyObject {
  const name = nameObj.value;
  const slotsInfo = processSlots(name, origDict, base, bases.items);
  const dict = dictCopy(origDict);
  const nslot = slotsInfo.names.length;
  let flags = TPFLAGS_HEAPTYPE | TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC;
  const t = new PyType(metatype, name, 0, 0, flags);
  t.dict = dict;
  // type_new_alloc: ht_name and ht_qualname are the name object itself.
  t.htName = newRef(nameObj);
  t.htQualname = newRef(nameObj);
  allocGCObject(t, metatype.basicsize + (metatype.itemsize !== 0 ? metatype.itemsize : MEMBER_DEF_SIZE) * (nslot + 1));
  if ((metatype.flags & TPFLAGS_HEAPTYPE) !== 0) incref(metatype);
  try {
    incref(bases);
    t.bases = bases;
    incref(base);
    t.base = base;
    // __qualname__ and __module__.
    const qualKey = staticStr("__qualname__");
    const qual = dictGetItemStr(dict, qualKey);
    if (qual !== null) {
      if (!(qual.type.flags & TPFLAGS_UNICODE_SUBCLASS)) raise(TypeErrorType, `type __qualname__ must be a str, not ${qual.type.name}`);
      t.qualname = (qual as PyStr).value;
      const old = t.htQualname;
      t.htQualname = newRef(qual as PyStr);
      xdecref(old);
      dictDelItem(dict, qualKey);
    } else {
      t.qualname = name;
    }
    const moduleKey = staticStr("__module__");
    if (dictGetItemStr(dict, moduleKey) === null) {
      const m = currentModuleName();
      if (m !== null) dictSetItem(dict, moduleKey, m);
    }
    // __doc__ (tp_doc for the type's own use).
    const doc = dictGetItemStr(dict, staticStr("__doc__"));
    if (doc !== null && doc.type.flags & TPFLAGS_UNICODE_SUBCLASS) t.doc = (doc as PyStr).value;
    // __new__ → staticmethod; __init_subclass__, __class_getitem__ → classmethod.
    wrapSpecial(dict, "__new__", newStaticMethodFor);
    wrapSpecial(dict, "__init_subclass__", newClassMethodFor);
    wrapSpecial(dict, "__class_getitem__", newClassMethodFor);
    // Layout (type_new_descriptors).
    let slotoffset = base.basicsize;
    t.slotNames = nslot === 0 ? null : slotsInfo.names;
    const members: MemberDef[] = [];
    const firstIndex = countBaseSlots(base);
    for (let i = 0; i < nslot; i++) {
      members.push(slotMember(slotsInfo.names[i]!, firstIndex + i));
      slotoffset += 8;
    }
    if (slotsInfo.addDict && base.itemsize !== 0) {
      t.dictoffset = -8;
      slotoffset += 8;
    }
    if (slotsInfo.addWeak) {
      t.weaklistoffset = slotoffset;
      slotoffset += 8;
    }
    if (slotsInfo.addDict && base.itemsize === 0) {
      t.flags |= TPFLAGS_MANAGED_DICT;
      t.dictoffset = -slotoffset - 24;
    }
    t.basicsize = slotoffset;
    t.itemsize = base.itemsize;
    // type_new_set_slots: generic attribute access when instances have a dict or slots.
    if (t.dictoffset !== 0 || nslot > 0) {
      if (base.getattro === null) t.getattro = genericGetAttr;
      if (base.setattro === null) t.setattro = genericSetAttr;
    }
    t.dealloc = subtypeDealloc;
    t.traverse = subtypeTraverse;
    t.clear = subtypeClear;
    // __classcell__
    const cellKey = staticStr("__classcell__");
    const cell = dictGetItemStr(dict, cellKey);
    if (cell !== null) {
      if (!isCell(cell)) {
        const r = objectRepr(cell.type);
        const text = r.value;
        decref(r);
        raise(TypeErrorType, `__classcell__ must be a nonlocal cell, not ${text}`);
      }
      cellSet(cell, t);
      dictDelItem(dict, cellKey);
    }
    readyHeapType(t, members);
    if (slotsInfo.slotsTuple !== null) decref(slotsInfo.slotsTuple);
    if ((t.flags & TPFLAGS_MANAGED_DICT) !== 0) t.cachedKeys = newKeysForClass();
    gcTrack(t);
  } catch (e) {
    if (slotsInfo.slotsTuple !== null) decref(slotsInfo.slotsTuple);
    decref(t);
    throw e;
  }
  try {
    setNames(t);
    initSubclass(t, kwargs);
  } catch (e) {
    decref(t);
    throw e;
  }
  return t;
}

/** Number of slot entries the instances of `base` already carry. */
function countBaseSlots(base: PyType): number {
  let n = 0;
  for (let b: PyType | null = base; b !== null && (b.flags & TPFLAGS_HEAPTYPE) !== 0; b = b.base) {
    if (b.slotNames !== null) n += b.slotNames.length;
  }
  return n;
}

function wrapSpecial(dict: PyDict, key: string, wrap: (f: PyObject) => PyObject): void {
  const k = staticStr(key);
  const v = dictGetItemStr(dict, k);
  if (v === null || !isFunctionLike(v)) return;
  const w = wrap(v);
  dictSetItem(dict, k, w);
  decref(w);
}

/** PyType_Ready for a heap type: MRO, inheritance, descriptors, __doc__, __hash__, slots. */
function readyHeapType(t: PyType, members: MemberDef[]): void {
  const dict = t.dict as PyDict;
  const mro = mroInternal(t);
  t.mroList = mro;
  for (const m of mro) incref(m);
  t.mro = tupleFromOwned(mro.slice());
  const base = t.base as PyType;
  // type_ready_fill_dict for heap types: members, then the __dict__ / __weakref__ getsets.
  for (const def of members) installMember(t, dict, def, false);
  const ownDict = (t.flags & TPFLAGS_MANAGED_DICT) !== 0 || t.dictoffset !== 0;
  if (ownDict && dictGetItemStr(dict, staticStr("__dict__")) === null) {
    const d = newGetSetDescr(t, SUBTYPE_DICT_GETSET, false);
    dictSetItem(dict, staticStr("__dict__"), d);
    decref(d);
  }
  if (t.weaklistoffset !== 0 && dictGetItemStr(dict, staticStr("__weakref__")) === null) {
    const d = newGetSetDescr(t, SUBTYPE_WEAKREF_GETSET, false);
    dictSetItem(dict, staticStr("__weakref__"), d);
    decref(d);
  }
  const docKey = staticStr("__doc__");
  if (dictGetItemStr(dict, docKey) === null) dictSetItem(dict, docKey, None);
  // Inheritance: inherit_special from tp_base, inherit_slots from every base in MRO order.
  inheritSpecial(t, base);
  const overridesHash = dictGetItemStr(dict, staticStr("__eq__")) !== null || dictGetItemStr(dict, staticStr("__hash__")) !== null;
  for (let i = 1; i < mro.length; i++) inheritSlots(t, mro[i]!, overridesHash);
  if (t.new_ === null) t.new_ = base.new_;
  t.flags |= TPFLAGS_READY;
  // type_ready_set_hash
  const hashKey = staticStr("__hash__");
  if (t.hash === null) {
    if (dictGetItemStr(dict, hashKey) === null) dictSetItem(dict, hashKey, None);
    t.hash = hashNotImplemented;
  }
  // The builtin layout functions stay the subtype ones whatever the bases provided.
  t.dealloc = subtypeDealloc;
  t.traverse = subtypeTraverse;
  t.clear = subtypeClear;
  // type_ready_add_subclasses
  for (const b of (t.bases as PyTuple).items) addSubclass(b as PyType, t);
  fixupSlotDispatchers(t);
}

/** type_new_set_names: __set_name__(owner, name) on every attribute that has it. */
function setNames(t: PyType): void {
  const names = dictCopy(t.dict as PyDict);
  try {
    for (let pos = dictNext(names, 0); pos >= 0; pos = dictNext(names, pos)) {
      const key = dictEntry.key!;
      const value = dictEntry.value!;
      const setName = lookupSpecial(value, staticStr("__set_name__"));
      if (setName === null) continue;
      try {
        const res = callObject(setName, [t, key], 0, 2, null);
        decref(res);
      } catch (e) {
        if (!(e instanceof PyRaise)) throw e;
        const r = objectRepr(key);
        const text = `Error calling __set_name__ on '${value.type.name}' instance ${r.value} in '${t.name}'`;
        decref(r);
        const wrapped = newExceptionFromOwnedArgs(RuntimeErrorType, tupleFromOwned([newStr(text)]));
        exceptionSetCause(wrapped, e.exception);
        exceptionSetContext(wrapped, e.exception);
        decref(e.exception);
        raiseOwned(wrapped);
      } finally {
        decref(setName);
      }
    }
  } finally {
    decref(names);
  }
}

/** type_new_init_subclass: super(type, type).__init_subclass__(**kwds). */
function initSubclass(t: PyType, kwargs: PyDict | null): void {
  const key = staticStr("__init_subclass__");
  const mro = t.mroList;
  let found: PyObject | null = null;
  for (let i = 1; i < mro.length && found === null; i++) found = dictGetItemStr(typeDictBorrowed(mro[i]!), key);
  if (found === null) return;
  incref(found);
  let func: PyObject;
  try {
    const get = found.type.descrGet;
    func = get !== null ? get(found, t, t) : newRef(found);
  } finally {
    decref(found);
  }
  try {
    const values: PyObject[] = [];
    const names: PyObject[] = [];
    if (kwargs !== null) {
      for (let pos = dictNext(kwargs, 0); pos >= 0; pos = dictNext(kwargs, pos)) {
        names.push(dictEntry.key!);
        values.push(dictEntry.value!);
      }
    }
    const kwnames = names.length === 0 ? null : tupleFromBorrowed(names);
    try {
      decref(callObject(func, values, 0, 0, kwnames));
    } finally {
      if (kwnames !== null) decref(kwnames);
    }
  } finally {
    decref(func);
  }
}

// ---------------------------------------------------------------------------
// Heap type lifetime.

/** type_is_gc: only heap types take part in collection. */
export function typeIsGC(o: PyObject): boolean {
  return ((o as PyType).flags & TPFLAGS_HEAPTYPE) !== 0;
}

export function typeTraverse(o: PyObject, visit: VisitProc, arg: unknown): void {
  const t = o as PyType;
  if ((t.flags & TPFLAGS_HEAPTYPE) === 0) return;
  if (t.dict !== null) visit(t.dict, arg);
  if (t.mro !== null) visit(t.mro, arg);
  if (t.bases !== null) visit(t.bases, arg);
  if (t.base !== null) visit(t.base, arg);
}

export function typeClear(o: PyObject): void {
  const t = o as PyType;
  typeModified(t);
  if (t.dict !== null) dictClear(t.dict);
  const mro = t.mro;
  if (mro !== null) {
    t.mro = null;
    t.mroList = [t];
    decref(mro);
  }
}

export function typeDealloc(o: PyObject): void {
  const t = o as PyType;
  gcUntrack(t);
  typeModified(t);
  removeAllSubclasses(t);
  if (t.weakrefList !== null) clearWeakrefs(t);
  const base = t.base, dict = t.dict, bases = t.bases, mro = t.mro, keys = t.cachedKeys;
  t.base = null;
  t.dict = null;
  t.bases = null;
  t.mro = null;
  t.mroList = [];
  t.cachedKeys = null;
  const htName = t.htName, htQualname = t.htQualname;
  t.htName = null;
  t.htQualname = null;
  xdecref(base);
  xdecref(dict);
  xdecref(bases);
  xdecref(mro);
  releaseSubclassDict(t);
  xdecref(htName);
  xdecref(htQualname);
  if (keys !== null) dictKeysDecref(keys);
  freeGCObject(t);
}

// ---------------------------------------------------------------------------
// __class__ assignment.

function compatibleWithTpBase(child: PyType): boolean {
  const parent = child.base;
  return (
    parent !== null &&
    child.basicsize === parent.basicsize &&
    child.itemsize === parent.itemsize &&
    child.dictoffset === parent.dictoffset &&
    child.weaklistoffset === parent.weaklistoffset &&
    (child.flags & TPFLAGS_HAVE_GC) === (parent.flags & TPFLAGS_HAVE_GC) &&
    (child.dealloc === subtypeDealloc || child.dealloc === parent.dealloc)
  );
}

function sameSlotsAdded(a: PyType, b: PyType): boolean {
  const base = a.base as PyType;
  let size = base.basicsize;
  if (a.dictoffset === size && b.dictoffset === size) size += 8;
  if (a.weaklistoffset === size && b.weaklistoffset === size) size += 8;
  if ((a.flags & TPFLAGS_HEAPTYPE) === 0 || (b.flags & TPFLAGS_HEAPTYPE) === 0) return false;
  const sa = a.slotNames ?? [];
  const sb = b.slotNames ?? [];
  if (sa.length !== sb.length || sa.some((n, i) => n !== sb[i])) return false;
  size += 8 * sa.length;
  return size === a.basicsize && size === b.basicsize;
}

/** compatible_for_assignment: raises TypeError when the layouts differ. */
export function checkTypeAssignment(oldto: PyType, newto: PyType, attr: string): void {
  const gcOld = (oldto.flags & TPFLAGS_HAVE_GC) !== 0;
  const gcNew = (newto.flags & TPFLAGS_HAVE_GC) !== 0;
  if (gcOld !== gcNew) raise(TypeErrorType, `${attr} assignment: '${newto.name}' deallocator differs from '${oldto.name}'`);
  let newbase = newto;
  let oldbase = oldto;
  while (compatibleWithTpBase(newbase)) newbase = newbase.base as PyType;
  while (compatibleWithTpBase(oldbase)) oldbase = oldbase.base as PyType;
  const differs = newbase !== oldbase && (newbase.base !== oldbase.base || !sameSlotsAdded(newbase, oldbase));
  if (!differs && (oldto.flags & TPFLAGS_MANAGED_DICT) === (newto.flags & TPFLAGS_MANAGED_DICT)) return;
  raise(TypeErrorType, `${attr} assignment: '${newto.name}' object layout differs from '${oldto.name}'`);
}
