// Objects/dictobject.c (3.11), the dict type's protocol and methods: dict_update_arg,
// dict_merge's generic mapping path, PyDict_MergeFromSeq2, _PyDict_FromKeys, dict_repr,
// dict_equal / dict_richcompare, dict_subscript (with __missing__), dict_or / dict_ior,
// dict_new / dict_init, and the method table (get, setdefault, pop, popitem, keys, items,
// values, update, fromkeys, clear, copy, __reversed__, __sizeof__, __contains__,
// __getitem__), plus the interpreter's DICT_UPDATE / DICT_MERGE helpers.

import type { PyObject } from "./object.js";
import { packKwargs, packVarargs } from "./varargs.js";
import { decref, incref, newRef } from "./refcount.js";
import { callMethodNoArgs } from "./getmethod.js";
import { CMP_EQ, CMP_NE, type PyType } from "./type.js";
import { readyType, staticTypeSpec } from "./typeroots.js";
import { lookupSpecial } from "./typeobject.js";
import { newStr, staticStr } from "./str.js";
import { isTuple, tuplePack2, type PyTuple } from "./tuple.js";
import { AttributeErrorType, KeyErrorType, PyRaise, raise, TypeErrorType, ValueErrorType } from "./exceptions.js";
import {
  callNoArgs, callOneArg, functionStrGeneric, getAttr, getItem, getIter, iterNext, lookupAttr, objectRepr, objectStr,
  reprEnter, reprLeave, richCompareBool, setItem,
} from "./abstract.js";
import { newIntSsize } from "./int.js";
import { newBool } from "./bool.js";
import { None, NotImplemented } from "./singletons.js";
import { checkPositional, noKeywords } from "./getargs.js";
import { isList, listAppend, newList, sequenceList, type PyList } from "./list.js";
import { FrozenSetType, SetType, setEntry, setNext, type PySet } from "./set.js";
import { DictItemsType, DictKeysType, DictRevIterKeyType, DictValuesType, dictIter, dictIterNew, dictViewNew } from "./dictviews.js";
import {
  allocDictOfType, dictClear, dictContains, dictContainsKnownHash, dictCopy, dictDelItem, dictEntry, dictGetItem,
  dictGetItemKnownHash, dictInsertKnownHash, dictMergeDict, dictNext, dictPop, dictPopLastEntry, dictResizeTo, dictSetDefault,
  dictSetItem, dictSizeOf, DictType, estimateLog2Keysize, hasDictIter, isDict, KEYS_GENERAL, raiseKeyError, type PyDict,
} from "./dict.js";

// ---------------------------------------------------------------------------------------
// Update / merge from arbitrary objects (dict_update_arg, dict_merge's generic path,
// PyDict_MergeFromSeq2)

const KEYS_NAME = "keys";

/**
 * PyMapping_Keys for the generic merge path: list(b.keys()) with CPython's message when
 * keys() returns something that is not iterable.
 */
function mappingKeysList(b: PyObject): PyObject {
  if (b.type === DictType) return dictKeysList(b as PyDict);
  const out = callMethodNoArgs(b, staticStr(KEYS_NAME));
  try {
    let it: PyObject;
    try {
      it = getIter(out);
    } catch (e) {
      if (e instanceof PyRaise && e.exception.type.isSubtypeOf(TypeErrorType)) {
        decref(e.exception);
        raise(TypeErrorType, `${b.type.name}.keys() returned a non-iterable (type ${out.type.name})`);
      }
      throw e;
    }
    try {
      return sequenceList(it);
    } finally {
      decref(it);
    }
  } finally {
    decref(out);
  }
}

/** PyDict_Keys: a new list of the keys. */
export function dictKeysList(mp: PyDict): PyObject {
  const l = newList(0);
  for (let pos = dictNext(mp, 0); pos >= 0; pos = dictNext(mp, pos)) listAppend(l, dictEntry.key!);
  return l;
}

/**
 * dict_merge: `b` an exact-iteration dict takes the fast path; any other mapping is read
 * through keys() and __getitem__. override: 1 replace, 0 keep, 2 duplicate is an error
 * (reported through onDuplicate, default KeyError(key)).
 */
export function dictMerge(a: PyDict, b: PyObject, override: number, onDuplicate: ((key: PyObject) => never) | null = null): void {
  if (isDict(b) && hasDictIter(b)) {
    if (override === 2 && onDuplicate !== null) {
      // Checked here so that the caller's message replaces KeyError(key).
      for (let pos = dictNext(b, 0); pos >= 0; pos = dictNext(b, pos)) {
        if (a.used !== 0 && dictContainsKnownHash(a, dictEntry.key!, dictEntry.hashHi, dictEntry.hashLo)) onDuplicate(dictEntry.key!);
      }
    }
    dictMergeDict(a, b, override);
    return;
  }
  const keys = mappingKeysList(b);
  const it = getIter(keys);
  decref(keys);
  try {
    for (;;) {
      const key = iterNext(it);
      if (key === null) break;
      try {
        if (override !== 1 && dictContains(a, key)) {
          if (override === 0) continue;
          if (onDuplicate !== null) onDuplicate(key);
          raiseKeyError(key);
        }
        const value = getItem(b, key);
        try {
          dictSetItem(a, key, value);
        } finally {
          decref(value);
        }
      } finally {
        decref(key);
      }
    }
  } finally {
    decref(it);
  }
}

/** PySequence_Fast(item, ""): a list or tuple's items, else list(item). */
function pairItems(item: PyObject, index: number): { items: PyObject[]; owner: PyObject } {
  if (isList(item) || isTuple(item)) {
    incref(item);
    return { items: item.items, owner: item };
  }
  try {
    const l = sequenceList(item) as PyObject as PyList;
    return { items: l.items, owner: l };
  } catch (e) {
    if (e instanceof PyRaise && e.exception.type.isSubtypeOf(TypeErrorType)) {
      decref(e.exception);
      raise(TypeErrorType, `cannot convert dictionary update sequence element #${index} to a sequence`);
    }
    throw e;
  }
}

/** PyDict_MergeFromSeq2: an iterable of key/value pairs. */
export function dictMergeFromSeq2(d: PyDict, seq2: PyObject, override: boolean): void {
  const it = getIter(seq2);
  try {
    for (let i = 0; ; i++) {
      const item = iterNext(it);
      if (item === null) break;
      try {
        const fast = pairItems(item, i);
        try {
          const n = fast.items.length;
          if (n !== 2) raise(ValueErrorType, `dictionary update sequence element #${i} has length ${n}; 2 is required`);
          const key = fast.items[0]!;
          const value = fast.items[1]!;
          incref(key);
          incref(value);
          try {
            if (override) dictSetItem(d, key, value);
            else dictSetDefault(d, key, value);
          } finally {
            decref(key);
            decref(value);
          }
        } finally {
          decref(fast.owner);
        }
      } finally {
        decref(item);
      }
    }
  } finally {
    decref(it);
  }
}

/** dict_update_arg: a dict merges, anything with keys() merges as a mapping, else pairs. */
export function dictUpdateArg(self: PyDict, arg: PyObject): void {
  if (arg.type === DictType) {
    dictMerge(self, arg, 1);
    return;
  }
  const func = lookupAttr(arg, staticStr(KEYS_NAME));
  if (func !== null) {
    decref(func);
    dictMerge(self, arg, 1);
    return;
  }
  dictMergeFromSeq2(self, arg, true);
}

/** DICT_UPDATE ({**a, **b} and dict displays): PyDict_Update with the "not a mapping" message. */
export function dictUpdateFromObject(d: PyDict, update: PyObject): void {
  try {
    dictMerge(d, update, 1);
  } catch (e) {
    if (e instanceof PyRaise && e.exception.type.isSubtypeOf(AttributeErrorType)) {
      decref(e.exception);
      raise(TypeErrorType, `'${update.type.name}' object is not a mapping`);
    }
    throw e;
  }
}

/**
 * DICT_MERGE (f(**a, **b)): _PyDict_MergeEx(d, update, 2) with format_kwargs_error's
 * messages naming the called function.
 */
export function dictMergeFromObject(d: PyDict, update: PyObject, func: PyObject): void {
  try {
    dictMerge(d, update, 2, (key) => {
      const r = objectStr(key);
      const text = r.value;
      decref(r);
      raise(TypeErrorType, `${functionStrGeneric(func)} got multiple values for keyword argument '${text}'`);
    });
  } catch (e) {
    if (e instanceof PyRaise && e.exception.type.isSubtypeOf(AttributeErrorType)) {
      decref(e.exception);
      raise(TypeErrorType, `${functionStrGeneric(func)} argument after ** must be a mapping, not ${update.type.name}`);
    }
    throw e;
  }
}

/** dict_update_common: one optional positional argument, then keyword arguments. */
function dictUpdateCommon(self: PyDict, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null, methname: string): void {
  if (nargs > 1) raise(TypeErrorType, `${methname} expected at most 1 argument, got ${nargs}`);
  if (nargs === 1) dictUpdateArg(self, args[start]!);
  if (kwnames !== null) {
    const names = kwnames.items;
    for (let i = 0; i < names.length; i++) dictSetItem(self, names[i]!, args[start + nargs + i]!);
  }
}

/** _PyDict_FromKeys: dict.fromkeys(iterable, value=None), with the dict and set fast paths. */
export function dictFromKeys(cls: PyObject, iterable: PyObject, value: PyObject): PyObject {
  const d = cls === DictType ? allocDictOfType(DictType) : callNoArgs(cls);
  try {
    if (d.type === DictType && (d as PyDict).used === 0) {
      const mp = d as PyDict;
      if (iterable.type === DictType) {
        const src = iterable as PyDict;
        dictResizeTo(mp, estimateLog2Keysize(src.used), src.keys.kind !== KEYS_GENERAL);
        for (let pos = dictNext(src, 0); pos >= 0; pos = dictNext(src, pos)) {
          dictInsertKnownHash(mp, dictEntry.key!, dictEntry.hashHi, dictEntry.hashLo, value);
        }
        return d;
      }
      if (iterable.type === SetType || iterable.type === FrozenSetType) {
        const src = iterable as PySet;
        dictResizeTo(mp, estimateLog2Keysize(src.used), false);
        for (let pos = setNext(src, 0); pos >= 0; pos = setNext(src, pos)) {
          dictInsertKnownHash(mp, setEntry.key!, setEntry.hashHi, setEntry.hashLo, value);
        }
        return d;
      }
    }
    const it = getIter(iterable);
    try {
      const exact = d.type === DictType;
      for (;;) {
        const key = iterNext(it);
        if (key === null) break;
        try {
          if (exact) dictSetItem(d as PyDict, key, value);
          else setItem(d, key, value);
        } finally {
          decref(key);
        }
      }
    } finally {
      decref(it);
    }
  } catch (e) {
    decref(d);
    throw e;
  }
  return d;
}

// ---------------------------------------------------------------------------------------
// Object protocol of dict

/** dict_repr: "{1: 2, 'a': [3]}"; "{...}" for a dict reached again inside its own repr. */
export function dictRepr(self: PyObject): PyObject {
  const mp = self as PyDict;
  if (reprEnter(mp)) return newStr("{...}");
  try {
    if (mp.used === 0) return newStr("{}");
    let out = "{";
    let first = true;
    for (let pos = dictNext(mp, 0); pos >= 0; pos = dictNext(mp, pos)) {
      const key = dictEntry.key!;
      const value = dictEntry.value!;
      incref(key);
      incref(value);
      try {
        if (!first) out += ", ";
        first = false;
        const ks = objectRepr(key);
        out += ks.value;
        decref(ks);
        out += ": ";
        const vs = objectRepr(value);
        out += vs.value;
        decref(vs);
      } finally {
        decref(key);
        decref(value);
      }
    }
    return newStr(out + "}");
  } finally {
    reprLeave(mp);
  }
}

/** dict_equal */
function dictEqual(a: PyDict, b: PyDict): boolean {
  if (a.used !== b.used) return false;
  for (let i = 0; i < a.keys.nentries; i++) {
    const ak = a.keys;
    const key = ak.entryKeys[i] ?? null;
    if (key === null) continue;
    const aval = a.values !== null ? a.values.values[i] ?? null : ak.entryValues[i] ?? null;
    if (aval === null) continue;
    const hi = ak.entryHashHi[i]!;
    const lo = ak.entryHashLo[i]!;
    incref(aval);
    incref(key);
    try {
      const bval = dictGetItemKnownHash(b, key, hi, lo);
      if (bval === null) return false;
      incref(bval);
      try {
        if (!richCompareBool(aval, bval, CMP_EQ)) return false;
      } finally {
        decref(bval);
      }
    } finally {
      decref(key);
      decref(aval);
    }
  }
  return true;
}

/** dict_richcompare: only == and != are defined. */
export function dictRichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!isDict(v) || !isDict(w) || (op !== CMP_EQ && op !== CMP_NE)) return newRef(NotImplemented);
  const eq = dictEqual(v, w);
  return newBool(eq === (op === CMP_EQ));
}

/** dict_subscript: KeyError(key), or __missing__ for subclasses. */
export function dictSubscript(self: PyObject, key: PyObject): PyObject {
  const mp = self as PyDict;
  const value = dictGetItem(mp, key);
  if (value !== null) return newRef(value);
  if (mp.type !== DictType) {
    const missing = lookupSpecial(mp, staticStr("__missing__"));
    if (missing !== null) {
      try {
        return callOneArg(missing, key);
      } finally {
        decref(missing);
      }
    }
  }
  raiseKeyError(key);
}

/** dict_ass_sub */
export function dictAssSubscript(self: PyObject, key: PyObject, value: PyObject | null): void {
  if (value === null) dictDelItem(self as PyDict, key);
  else dictSetItem(self as PyDict, key, value);
}

/** dict_or: a copy updated from the other dict. */
function dictOr(self: PyObject, other: PyObject): PyObject {
  if (!isDict(self) || !isDict(other)) return newRef(NotImplemented);
  const result = dictCopy(self);
  try {
    dictUpdateArg(result, other);
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

/** dict_ior: update in place from any mapping or iterable of pairs. */
function dictIor(self: PyObject, other: PyObject): PyObject {
  dictUpdateArg(self as PyDict, other);
  return newRef(self);
}

/** dict_new: dict and subclasses (never from the free list). */
function dictNew(type: PyType, _args: PyTuple, _kwargs: PyDict | null): PyObject {
  return allocDictOfType(type);
}

/** dict_vectorcall: keyword values go straight into the new dict (no kwargs dict, no tuple). */
function dictVectorcall(type: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (nargs > 1) raise(TypeErrorType, `dict expected at most 1 argument, got ${nargs}`);
  const self = allocDictOfType(type as PyType);
  try {
    if (nargs === 1) dictUpdateArg(self, args[start]!);
    if (kwnames !== null) {
      const names = kwnames.items;
      for (let i = 0; i < names.length; i++) dictSetItem(self, names[i]!, args[start + nargs + i]!);
    }
  } catch (e) {
    decref(self);
    throw e;
  }
  return self;
}

/** dict_init: dict(mapping_or_pairs, **kwargs) */
function dictInit(self: PyObject, args: PyTuple, kwargs: PyDict | null): void {
  const nargs = args.items.length;
  if (nargs > 1) raise(TypeErrorType, `dict expected at most 1 argument, got ${nargs}`);
  if (nargs === 1) dictUpdateArg(self as PyDict, args.items[0]!);
  if (kwargs !== null && kwargs.used !== 0) dictMerge(self as PyDict, kwargs, 1);
}

function noneRef(): PyObject {
  return newRef(None);
}

/** dict.popitem() */
function dictPopItem(self: PyObject): PyObject {
  const mp = self as PyDict;
  // CPython allocates the result tuple before checking emptiness.
  const res = tuplePack2(None, None);
  if (mp.used === 0) {
    decref(res);
    raise(KeyErrorType, "popitem(): dictionary is empty");
  }
  const [key, value] = dictPopLastEntry(mp);
  const oldA = res.items[0]!;
  const oldB = res.items[1]!;
  res.items[0] = key;
  res.items[1] = value;
  decref(oldA);
  decref(oldB);
  return res;
}

let installed = false;

/**
 * Sets dict's protocol slots and method table, then readies the type. Called once by dict.ts
 * at load time (after its own slots), so that this module's imports stay out of dict.ts's.
 */
export function installDictMethods(): void {
  if (installed) return;
  installed = true;
  DictType.repr = dictRepr;
  DictType.richcompare = dictRichCompare;
  DictType.iter = (self) => dictIter(self);
  DictType.sqContains = (self, key) => dictContains(self as PyDict, key);
  DictType.mpLength = (self) => (self as PyDict).used;
  DictType.mpSubscript = dictSubscript;
  DictType.mpAssSubscript = dictAssSubscript;
  DictType.nbOr = dictOr;
  DictType.nbInplaceOr = dictIor;
  DictType.new_ = dictNew;
  DictType.vectorcall = dictVectorcall;
  DictType.init = dictInit;
  DictType.doc =
    "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping object's\n    (key, value) pairs\ndict(iterable) -> new dictionary initialized as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = v\ndict(**kwargs) -> new dictionary initialized with the name=value pairs\n    in the keyword argument list.  For example:  dict(one=1, two=2)";

  staticTypeSpec(DictType).methods.push(
    { name: "__contains__", kind: "o", fn: (self, key) => newBool(dictContains(self as PyDict, key)), doc: "True if the dictionary has the specified key, else False." },
    { name: "__getitem__", kind: "o", fn: dictSubscript, doc: "x.__getitem__(y) <==> x[y]" },
    { name: "__sizeof__", kind: "noargs", fn: (self) => newIntSsize(dictSizeOf(self as PyDict)), doc: "D.__sizeof__() -> size of D in memory, in bytes" },
    {
      name: "get",
      kind: "fastcall",
      fn: (self, args, start, nargs, kwnames) => {
        noKeywords("get", kwnames);
        checkPositional("get", nargs, 1, 2);
        const v = dictGetItem(self as PyDict, args[start]!);
        return newRef(v !== null ? v : nargs > 1 ? args[start + 1]! : None);
      },
      doc: "Return the value for key if key is in the dictionary, else default.",
    },
    {
      name: "setdefault",
      kind: "fastcall",
      fn: (self, args, start, nargs, kwnames) => {
        noKeywords("setdefault", kwnames);
        checkPositional("setdefault", nargs, 1, 2);
        return newRef(dictSetDefault(self as PyDict, args[start]!, nargs > 1 ? args[start + 1]! : None));
      },
      doc: "Insert key with a value of default if key is not in the dictionary.\n\nReturn the value for key if key is in the dictionary, else default.",
    },
    {
      name: "pop",
      kind: "fastcall",
      fn: (self, args, start, nargs, kwnames) => {
        noKeywords("pop", kwnames);
        checkPositional("pop", nargs, 1, 2);
        return dictPop(self as PyDict, args[start]!, nargs > 1 ? args[start + 1]! : null);
      },
      doc: "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\nIf the key is not found, return the default if given; otherwise,\nraise a KeyError.",
    },
    { name: "popitem", kind: "noargs", fn: dictPopItem, doc: "Remove and return a (key, value) pair as a 2-tuple.\n\nPairs are returned in LIFO (last-in, first-out) order.\nRaises KeyError if the dict is empty." },
    { name: "keys", kind: "noargs", fn: (self) => dictViewNew(self, DictKeysType), doc: "D.keys() -> a set-like object providing a view on D's keys" },
    { name: "items", kind: "noargs", fn: (self) => dictViewNew(self, DictItemsType), doc: "D.items() -> a set-like object providing a view on D's items" },
    { name: "values", kind: "noargs", fn: (self) => dictViewNew(self, DictValuesType), doc: "D.values() -> an object providing a view on D's values" },
    {
      name: "update",
      kind: "fastcall",
      fn: (self, args, start, nargs, kwnames) => {
        // METH_VARARGS | METH_KEYWORDS: the call packs a tuple and a keyword dict first.
        const packed = packVarargs(args, start, nargs);
        let kwargs: PyDict | null = null;
        try {
          kwargs = packKwargs(args, start, nargs, kwnames);
          dictUpdateCommon(self as PyDict, args, start, nargs, kwnames, "update");
        } finally {
          decref(packed);
          if (kwargs !== null) decref(kwargs);
        }
        return noneRef();
      },
      doc: "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.\nIf E is present and has a .keys() method, then does:  for k in E: D[k] = E[k]\nIf E is present and lacks a .keys() method, then does:  for k, v in E: D[k] = v\nIn either case, this is followed by: for k in F:  D[k] = F[k]",
    },
    {
      name: "fromkeys",
      kind: "fastcall",
      binding: "class",
      fn: (cls, args, start, nargs, kwnames) => {
        noKeywords("fromkeys", kwnames);
        checkPositional("fromkeys", nargs, 1, 2);
        return dictFromKeys(cls, args[start]!, nargs > 1 ? args[start + 1]! : None);
      },
      doc: "Create a new dictionary with keys from iterable and values set to value.",
    },
    { name: "clear", kind: "noargs", fn: (self) => (dictClear(self as PyDict), noneRef()), doc: "D.clear() -> None.  Remove all items from D." },
    { name: "copy", kind: "noargs", fn: (self) => dictCopy(self as PyDict), doc: "D.copy() -> a shallow copy of D" },
    { name: "__reversed__", kind: "noargs", fn: (self) => dictIterNew(self as PyDict, DictRevIterKeyType), doc: "Return a reverse iterator over the dict keys." },
  );
  readyType(DictType);
}
