// Include/methodobject.h: PyMethodDef and the METH_* calling conventions;
// Include/descrobject.h: PyGetSetDef, PyMemberDef.
//
// How TypeScript code declares the methods and attributes a builtin type or module shows to
// Python. descrobject.ts turns these into descriptors in a type's dict; methodobject.ts turns
// module-level ones into builtin function objects.

import type { PyObject } from "./object.js";
import type { PyTuple } from "./tuple.js";

/** METH_NOARGS: `fn(self)`. */
export interface NoArgsMethodDef {
  name: string;
  kind: "noargs";
  fn: (self: PyObject) => PyObject;
  doc?: string;
  /** METH_CLASS / METH_STATIC */
  binding?: "class" | "static";
}

/** METH_O: exactly one positional argument, borrowed. */
export interface OneArgMethodDef {
  name: string;
  kind: "o";
  fn: (self: PyObject, arg: PyObject) => PyObject;
  doc?: string;
  binding?: "class" | "static";
}

/**
 * METH_FASTCALL | METH_KEYWORDS: positional args are args[start .. start+nargs), keyword values
 * follow, their names in kwnames (or null). A METH_FASTCALL function without keywords should
 * reject kwnames with getargs.ts's noKeywords().
 */
export interface FastCallMethodDef {
  name: string;
  kind: "fastcall";
  fn: (self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null) => PyObject;
  doc?: string;
  binding?: "class" | "static";
}

/**
 * METH_VARARGS (without METH_KEYWORDS): the positional arguments arrive packed in a tuple
 * (borrowed), which the caller builds for the call and releases after it, as CPython's
 * method_vectorcall_VARARGS does; keyword arguments are refused before the tuple is built.
 */
export interface VarArgsMethodDef {
  name: string;
  kind: "varargs";
  fn: (self: PyObject, args: PyTuple) => PyObject;
  doc?: string;
  binding?: "class" | "static";
}

export type MethodDef = NoArgsMethodDef | OneArgMethodDef | FastCallMethodDef | VarArgsMethodDef;

/** PyGetSetDef: a computed attribute. `set` receives null for deletion. */
export interface GetSetDef {
  name: string;
  get: (self: PyObject) => PyObject;
  set?: (self: PyObject, value: PyObject | null) => void;
  doc?: string;
}
