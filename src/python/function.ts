// Objects/funcobject.c (3.11): PyFunction_Type.
//
// A Python function: code plus the environment it runs in. Calling one from TypeScript
// (callObject) runs a nested eval loop; calling one from Python bytecode pushes a frame in
// the running loop instead (ceval.ts, CALL).

import { PyObject, type VisitProc } from "../runtime/object.js";
import { allocGCObject, freeGCObject } from "../runtime/heap.js";
import { gcTrack, gcUntrack } from "../runtime/gcstate.js";
import { decref, xdecref } from "../runtime/refcount.js";
import { TPFLAGS_HAVE_GC } from "../runtime/type.js";
import { newStaticType } from "../runtime/typeobject.js";
import { clearWeakrefs } from "../runtime/weakref.js";
import type { PyDict } from "../runtime/dict.js";
import type { PyStr } from "../runtime/str.js";
import type { PyTuple } from "../runtime/tuple.js";
import type { PyCode } from "./code.js";

export class PyFunction extends PyObject {
  code: PyCode;
  /** Null only after the collector cleared the function (func_clear). */
  globals: PyDict | null;
  builtins: PyDict | null;
  name: PyStr;
  qualname: PyStr;
  /** __defaults__ tuple or null. */
  defaults: PyTuple | null;
  /** __kwdefaults__ dict or null. */
  kwdefaults: PyDict | null;
  /** __closure__: tuple of cells or null. */
  closure: PyTuple | null;
  doc: PyObject | null;
  /** __dict__, created on first attribute store or access. */
  dict: PyDict | null;
  module: PyObject | null;
  annotations: PyObject | null;

  constructor(code: PyCode, globals: PyDict, builtins: PyDict, name: PyStr, qualname: PyStr, doc: PyObject, module: PyObject | null) {
    super(null);
    // The header, written here so that the stores are monomorphic (see PyObject).
    this.refcnt = 1;
    this.type = FunctionType;
    this.address = 0;
    this.gcNext = null;
    this.gcPrev = null;
    this.gcRefs = 0;
    this.gcFlags = 0;
    this.weakrefList = null;
    this.code = code;
    this.globals = globals;
    this.builtins = builtins;
    this.name = name;
    this.qualname = qualname;
    this.defaults = null;
    this.kwdefaults = null;
    this.closure = null;
    this.doc = doc;
    this.dict = null;
    this.module = module;
    this.annotations = null;
  }
}

/** sizeof(PyFunctionObject) in 3.11: getsizeof(f) == 152 with the GC head. */
export const FUNCTION_BASICSIZE = 136;

export const FunctionType = newStaticType("function", FUNCTION_BASICSIZE, 0, TPFLAGS_HAVE_GC);
FunctionType.weaklistoffset = 1;
FunctionType.dictoffset = 1;

function functionTraverse(self: PyObject, visit: VisitProc, arg: unknown): void {
  // func_traverse's order.
  const f = self as PyFunction;
  visit(f.code, arg);
  if (f.globals !== null) visit(f.globals, arg);
  if (f.module !== null) visit(f.module, arg);
  if (f.defaults !== null) visit(f.defaults, arg);
  if (f.kwdefaults !== null) visit(f.kwdefaults, arg);
  if (f.doc !== null) visit(f.doc, arg);
  visit(f.name, arg);
  if (f.dict !== null) visit(f.dict, arg);
  if (f.closure !== null) visit(f.closure, arg);
  if (f.annotations !== null) visit(f.annotations, arg);
  visit(f.qualname, arg);
}
FunctionType.traverse = functionTraverse;

/** func_clear: everything but code, name and qualname (3.11 swaps those for ''). */
function functionClear(self: PyObject): void {
  const f = self as PyFunction;
  const globals = f.globals, builtins = f.builtins, module = f.module, defaults = f.defaults;
  const kwdefaults = f.kwdefaults, doc = f.doc, dict = f.dict, closure = f.closure, annotations = f.annotations;
  f.globals = null;
  f.builtins = null;
  f.module = null;
  f.defaults = null;
  f.kwdefaults = null;
  f.doc = null;
  f.dict = null;
  f.closure = null;
  f.annotations = null;
  xdecref(globals);
  xdecref(builtins);
  xdecref(module);
  xdecref(defaults);
  xdecref(kwdefaults);
  xdecref(doc);
  xdecref(dict);
  xdecref(closure);
  xdecref(annotations);
}
FunctionType.clear = functionClear;

FunctionType.dealloc = (self) => {
  const f = self as PyFunction;
  gcUntrack(f);
  if (f.weakrefList !== null) clearWeakrefs(f);
  functionClear(f);
  decref(f.code);
  decref(f.name);
  decref(f.qualname);
  freeGCObject(f);
};

/** A new function (new reference); borrows everything and increfs what it keeps. */
export function newFunction(code: PyCode, globals: PyDict, builtins: PyDict, qualname: PyStr, doc: PyObject, module: PyObject | null): PyFunction {
  code.refcnt++;
  globals.refcnt++;
  builtins.refcnt++;
  code.name.refcnt++;
  qualname.refcnt++;
  doc.refcnt++;
  if (module !== null) module.refcnt++;
  const f = new PyFunction(code, globals, builtins, code.name, qualname, doc, module);
  allocGCObject(f, FUNCTION_BASICSIZE);
  gcTrack(f);
  return f;
}

