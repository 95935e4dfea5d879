// Python/bltinmodule.c (3.11): builtin_id, builtin_hash, builtin_repr, builtin_ascii,
// builtin_callable, builtin_len, builtin_isinstance, builtin_issubclass, builtin_getattr,
// builtin_setattr, builtin_delattr, builtin_hasattr, builtin_format, builtin_dir,
// builtin_vars, builtin_globals, builtin_locals; Objects/object.c: _dir_locals.
//
// The builtins that ask an object about itself. Each one is the generic protocol call of
// abstract.ts behind CPython's argument checks and messages.

import type { PyObject } from "../runtime/object.js";
import { decref, newRef } from "../runtime/refcount.js";
import { raise, TypeErrorType, SystemErrorType } from "../runtime/exceptions.js";
import {
  objectRepr, objectAscii, objectHash, length, isInstance, isSubclass, getAttrChecked,
  setAttr, objectFormat, objectDir, callMethod, lookupAttr,
} from "../runtime/abstract.js";
import { newBool } from "../runtime/bool.js";
import { None } from "../runtime/singletons.js";
import { newInt, newIntSsize } from "../runtime/int.js";
import { isStr, type PyStr } from "../runtime/str.js";
import { DictType, dictNext, dictEntry, type PyDict } from "../runtime/dict.js";
import { isList, listFromBorrowed, listSort, sequenceList, type PyList } from "../runtime/list.js";
import { tupleFromBorrowed, type PyTuple } from "../runtime/tuple.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { checkPositional } from "../runtime/getargs.js";
import { noKwnames, hashResultToInt, callerFrame, id } from "./bltin_util.js";
import { localsOfFrame, frameLocals } from "./bltin_locals.js";

function builtinId(_self: PyObject, v: PyObject): PyObject {
  return newInt(v.address);
}

function builtinHash(_self: PyObject, v: PyObject): PyObject {
  objectHash(v);
  return hashResultToInt();
}

function builtinRepr(_self: PyObject, v: PyObject): PyObject {
  return objectRepr(v);
}

function builtinAscii(_self: PyObject, v: PyObject): PyObject {
  return objectAscii(v);
}

function builtinCallable(_self: PyObject, v: PyObject): PyObject {
  return newBool(v.type.call !== null);
}

function builtinLen(_self: PyObject, v: PyObject): PyObject {
  return newIntSsize(length(v));
}

function builtinIsinstance(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKwnames("isinstance", kwnames);
  checkPositional("isinstance", nargs, 2, 2);
  return newBool(isInstance(args[start]!, args[start + 1]!));
}

function builtinIssubclass(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKwnames("issubclass", kwnames);
  checkPositional("issubclass", nargs, 2, 2);
  return newBool(isSubclass(args[start]!, args[start + 1]!));
}

function builtinGetattr(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKwnames("getattr", kwnames);
  checkPositional("getattr", nargs, 2, 3);
  const v = args[start]!;
  const name = args[start + 1]!;
  if (nargs === 2) return getAttrChecked(v, name);
  // _PyObject_LookupAttr: a missing attribute gives the default without an AttributeError
  // being made when the type's lookup is the generic one.
  if (!isStr(name)) raise(TypeErrorType, `attribute name must be string, not '${name.type.name}'`);
  const result = lookupAttr(v, name);
  return result !== null ? result : newRef(args[start + 2]!);
}

function builtinSetattr(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKwnames("setattr", kwnames);
  checkPositional("setattr", nargs, 3, 3);
  setAttr(args[start]!, args[start + 1]! as PyStr, args[start + 2]!);
  return newRef(noneObject());
}

function builtinDelattr(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKwnames("delattr", kwnames);
  checkPositional("delattr", nargs, 2, 2);
  setAttr(args[start]!, args[start + 1]! as PyStr, null);
  return newRef(noneObject());
}

function builtinHasattr(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKwnames("hasattr", kwnames);
  checkPositional("hasattr", nargs, 2, 2);
  const name = args[start + 1]!;
  if (!isStr(name)) raise(TypeErrorType, `attribute name must be string, not '${name.type.name}'`);
  const v = lookupAttr(args[start]!, name);
  if (v === null) return newBool(false);
  decref(v);
  return newBool(true);
}

function builtinFormat(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKwnames("format", kwnames);
  checkPositional("format", nargs, 1, 2);
  let spec: PyStr | null = null;
  if (nargs === 2) {
    const s = args[start + 1]!;
    if (!isStr(s)) raise(TypeErrorType, `format() argument 2 must be str, not ${s.type.name}`);
    spec = s;
  }
  return objectFormat(args[start]!, spec);
}

/** METH_VARARGS: CPython packs the positional arguments into a tuple first. */
function varargsTuple(args: PyObject[], start: number, nargs: number): PyTuple {
  return tupleFromBorrowed(args, start, start + nargs);
}

function builtinDir(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKwnames("dir", kwnames);
  const packed = varargsTuple(args, start, nargs);
  try {
    checkPositional("dir", nargs, 0, 1);
    if (nargs === 1) return objectDir(args[start]!);
    return dirLocals();
  } finally {
    decref(packed);
  }
}

/** _dir_locals: sorted names of the caller's locals. */
function dirLocals(): PyObject {
  const locals = localsOfFrame(callerFrame());
  let names: PyObject;
  try {
    names = mappingKeys(locals);
  } finally {
    decref(locals);
  }
  if (!isList(names)) {
    const t = names.type.name;
    decref(names);
    raise(TypeErrorType, `dir(): expected keys() of locals to be a list, not ${t}`);
  }
  try {
    listSort(names as PyList, null, false);
  } catch (e) {
    decref(names);
    throw e;
  }
  return names;
}

/** PyMapping_Keys: a list for dicts, else list(o.keys()). */
export function mappingKeys(o: PyObject): PyObject {
  if (o.type === DictType) {
    const keys: PyObject[] = [];
    const d = o as PyDict;
    for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) keys.push(dictEntry.key!);
    return listFromBorrowed(keys);
  }
  const k = callMethod(o, id("keys"), []);
  if (isList(k)) return k;
  try {
    return sequenceList(k);
  } finally {
    decref(k);
  }
}

function builtinVars(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKwnames("vars", kwnames);
  const packed = varargsTuple(args, start, nargs);
  try {
    checkPositional("vars", nargs, 0, 1);
    if (nargs === 0) return localsOfFrame(callerFrame());
    const d = lookupAttr(args[start]!, id("__dict__"));
    if (d === null) raise(TypeErrorType, "vars() argument must have __dict__ attribute");
    return d;
  } finally {
    decref(packed);
  }
}

function builtinGlobals(_self: PyObject): PyObject {
  const f = callerFrame();
  if (f === null) raise(SystemErrorType, "globals(): no running frame");
  return newRef(f.globals);
}

function builtinLocals(_self: PyObject): PyObject {
  return localsOfFrame(callerFrame());
}

function noneObject(): PyObject {
  return None;
}

export const OBJECT_BUILTINS: readonly MethodDef[] = [
  { name: "ascii", kind: "o", fn: builtinAscii, doc: "Return an ASCII-only representation of an object." },
  { name: "callable", kind: "o", fn: builtinCallable, doc: "Return whether the object is callable (i.e., some kind of function)." },
  { name: "delattr", kind: "fastcall", fn: builtinDelattr, doc: "Deletes the named attribute from the given object." },
  { name: "dir", kind: "fastcall", fn: builtinDir, doc: "Show attributes of an object." },
  { name: "format", kind: "fastcall", fn: builtinFormat, doc: "Return type(value).__format__(value, format_spec)" },
  { name: "getattr", kind: "fastcall", fn: builtinGetattr, doc: "Get a named attribute from an object." },
  { name: "globals", kind: "noargs", fn: builtinGlobals, doc: "Return the dictionary containing the current scope's global variables." },
  { name: "hasattr", kind: "fastcall", fn: builtinHasattr, doc: "Return whether the object has an attribute with the given name." },
  { name: "hash", kind: "o", fn: builtinHash, doc: "Return the hash value for the given object." },
  { name: "id", kind: "o", fn: builtinId, doc: "Return the identity of an object." },
  { name: "isinstance", kind: "fastcall", fn: builtinIsinstance, doc: "Return whether an object is an instance of a class or of a subclass thereof." },
  { name: "issubclass", kind: "fastcall", fn: builtinIssubclass, doc: "Return whether 'cls' is derived from another class or is the same class." },
  { name: "len", kind: "o", fn: builtinLen, doc: "Return the number of items in a container." },
  { name: "locals", kind: "noargs", fn: builtinLocals, doc: "Return a dictionary containing the current scope's local variables." },
  { name: "repr", kind: "o", fn: builtinRepr, doc: "Return the canonical string representation of the object." },
  { name: "setattr", kind: "fastcall", fn: builtinSetattr, doc: "Sets the named attribute on the given object to the specified value." },
  { name: "vars", kind: "fastcall", fn: builtinVars, doc: "Show vars." },
];

export { frameLocals };
