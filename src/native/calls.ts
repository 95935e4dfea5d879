// Objects/abstract.c and Objects/call.c as the C API offers them: PyImport_ImportModule,
// PyObject_GetAttrString, PyObject_SetAttrString, PyObject_Call / PyObject_Vectorcall,
// PyObject_CallMethod, PyObject_Repr / PyObject_Str, PyObject_IsTrue, PyObject_IsInstance,
// PyObject_Length, PyObject_GetItem / PyObject_SetItem, Py_TYPE.
//
// The generic object protocol for native code. Arguments are borrowed; results are new
// references (Owned); Python exceptions propagate as thrown PyRaise values.

import type { PyObject } from "../runtime/object.js";
import type { PyType } from "../runtime/type.js";
import { decref as rtDecref } from "../runtime/refcount.js";
import {
  callObject, getAttr as rtGetAttr, getItem as rtGetItem, isInstance as rtIsInstance, isTrue as rtIsTrue,
  length as rtLength, reprText, setAttr as rtSetAttr, setItem as rtSetItem, strText,
} from "../runtime/abstract.js";
import { newStr, type PyStr } from "../runtime/str.js";
import { tupleFromOwned } from "../runtime/tuple.js";
import { importModule as rtImportModule } from "../modules/importer.js";
import { requireGil } from "./gil.js";
import { Borrowed, Owned, type Ref } from "./refs.js";

function withName<R>(name: string, body: (n: PyStr) => R): R {
  const n = newStr(name);
  try {
    return body(n);
  } finally {
    rtDecref(n);
  }
}

/** PyImport_ImportModule: the module (a new reference), imported if needed. */
export function importModule(name: string): Owned<PyObject> {
  requireGil("importModule()");
  return new Owned(rtImportModule(name));
}

/** PyObject_GetAttrString: a new reference; AttributeError when missing. */
export function getAttr(obj: Ref<PyObject>, name: string): Owned<PyObject> {
  requireGil("getAttr()");
  const o = obj.obj;
  return new Owned(withName(name, (n) => rtGetAttr(o, n)));
}

/** PyObject_SetAttrString (the object takes its own reference to `value`); null deletes. */
export function setAttr(obj: Ref<PyObject>, name: string, value: Ref<PyObject> | null): void {
  requireGil("setAttr()");
  const o = obj.obj;
  const v = value === null ? null : value.obj;
  withName(name, (n) => rtSetAttr(o, n, v));
}

/** Keyword arguments of call(): names to borrowed values. */
export type Keywords = Record<string, Ref<PyObject>>;

/**
 * PyObject_Vectorcall (pyz3's `py.call(f, .{args}, .{kwargs})`): calls with borrowed
 * positional and keyword arguments; the result is a new reference.
 */
export function call(callable: Ref<PyObject>, args: readonly Ref<PyObject>[] = [], kwargs: Keywords = {}): Owned<PyObject> {
  requireGil("call()");
  const f = callable.obj;
  const names = Object.keys(kwargs);
  const flat = new Array<PyObject>(args.length + names.length);
  for (let i = 0; i < args.length; i++) flat[i] = args[i]!.obj;
  for (let k = 0; k < names.length; k++) flat[args.length + k] = kwargs[names[k]!]!.obj;
  const kwnames = names.length === 0 ? null : tupleFromOwned(names.map((n) => newStr(n)));
  try {
    return new Owned(callObject(f, flat, 0, args.length, kwnames));
  } finally {
    if (kwnames !== null) rtDecref(kwnames);
  }
}

/** PyObject_CallMethod: `obj.name(*args)`, a new reference. */
export function callMethod(obj: Ref<PyObject>, name: string, args: readonly Ref<PyObject>[] = [], kwargs: Keywords = {}): Owned<PyObject> {
  using method = getAttr(obj, name);
  return call(method, args, kwargs);
}

/** repr(obj) as a JS string. */
export function repr(obj: Ref<PyObject>): string {
  requireGil("repr()");
  return reprText(obj.obj);
}

/** str(obj) as a JS string. */
export function str(obj: Ref<PyObject>): string {
  requireGil("str()");
  return strText(obj.obj);
}

/** PyObject_IsTrue */
export function isTrue(obj: Ref<PyObject>): boolean {
  requireGil("isTrue()");
  return rtIsTrue(obj.obj);
}

/** PyObject_IsInstance (`cls` may be a tuple of classes). */
export function isInstance(obj: Ref<PyObject>, cls: Ref<PyObject> | PyType): boolean {
  requireGil("isInstance()");
  return rtIsInstance(obj.obj, "obj" in cls ? cls.obj : cls);
}

/** PyObject_Length: len(obj). */
export function length(obj: Ref<PyObject>): number {
  requireGil("length()");
  return rtLength(obj.obj);
}

/** PyObject_GetItem: obj[key], a new reference. */
export function getItem(obj: Ref<PyObject>, key: Ref<PyObject>): Owned<PyObject> {
  requireGil("getItem()");
  return new Owned(rtGetItem(obj.obj, key.obj));
}

/** PyObject_SetItem: obj[key] = value (borrowed; the container takes its own references). */
export function setItem(obj: Ref<PyObject>, key: Ref<PyObject>, value: Ref<PyObject>): void {
  requireGil("setItem()");
  rtSetItem(obj.obj, key.obj, value.obj);
}

/** Py_TYPE: the object's type, borrowed. */
export function typeOf(obj: Ref<PyObject>): Borrowed<PyType> {
  return new Borrowed(obj.obj.type);
}
