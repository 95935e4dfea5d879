// Objects/methodobject.c: PyCFunction_Type ("builtin_function_or_method"), PyCFunction_NewEx,
// cfunction_vectorcall_NOARGS / _O / _FASTCALL_KEYWORDS, cfunction_call (METH_VARARGS), meth_repr, meth_hash,
// meth_richcompare, meth_get__qualname__, meth_get__self__.
//
// A builtin function (`len`) or a builtin method bound to its object (`[].append`): a
// MethodDef plus the `self` it was bound to (a module or null for functions).

import { PyObject, type VisitProc } from "./object.js";
import { allocGCObject, freeGCObject, staticAddress } from "./heap.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, incref, newRef, xdecref } from "./refcount.js";
import { CMP_EQ, CMP_NE, PyType, TPFLAGS_HAVE_GC } from "./type.js";
import { newStaticType, readyType, TPFLAGS_HAVE_VECTORCALL, isTypeObject } from "./typeroots.js";
import type { MethodDef } from "./methoddef.js";
import type { PyTuple } from "./tuple.js";
import { trashBegin, trashEnd } from "./trashcan.js";
import { packKwargs, packVarargs } from "./varargs.js";

export { packKwargs, packVarargs };
import { hashPointer, hashResult } from "./values/pyhash.js";
import { raise, TypeErrorType } from "./exceptions.js";
import { newStr, PyStr } from "./str.js";
import { newBool } from "./bool.js";
import { None, NotImplemented } from "./singletons.js";
import { clearWeakrefs } from "./weakref.js";
import { ModuleType } from "./moduleobject.js";
import { functionStrGeneric } from "./abstract.js";
import { methodDescrFunctionStr, PyMethodDescr, addGetSets, addMembers } from "./descrobject.js";

/** sizeof(PyCFunctionObject): head, m_ml, m_self, m_module, m_weakreflist, vectorcall. */
export const CFUNCTION_BASICSIZE = 56;

export class PyCFunction extends PyObject {
  def: MethodDef;
  /** m_self: the bound object, a module for module functions, or null. */
  self: PyObject | null;
  /** m_module: the module name (a str) for module functions, else null. */
  module: PyObject | null;

  constructor(type: PyType, def: MethodDef, self: PyObject | null, module: PyObject | null) {
    super(type);
    this.def = def;
    this.self = self;
    this.module = module;
  }
}

export const CFunctionType = newStaticType("builtin_function_or_method", CFUNCTION_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_HAVE_VECTORCALL);
CFunctionType.weaklistoffset = 40;
CFunctionType.dealloc = cfunctionDealloc;
CFunctionType.traverse = cfunctionTraverse;
CFunctionType.call = cfunctionCall;
CFunctionType.repr = cfunctionRepr;
CFunctionType.hash = cfunctionHash;
CFunctionType.richcompare = cfunctionRichCompare;
readyType(CFunctionType);
addMembers(CFunctionType, [{ name: "__module__", get: (o) => newRef((o as PyCFunction).module ?? None), set: setModule }]);
addGetSets(CFunctionType, [
  { name: "__doc__", get: (o) => ((o as PyCFunction).def.doc === undefined ? newRef(None) : newStr((o as PyCFunction).def.doc as string)) },
  { name: "__name__", get: (o) => newStr((o as PyCFunction).def.name) },
  { name: "__qualname__", get: (o) => newStr(cfunctionQualname(o as PyCFunction)) },
  { name: "__self__", get: (o) => newRef((o as PyCFunction).self ?? None) },
  { name: "__text_signature__", get: () => newRef(None) },
]);

function setModule(o: PyObject, v: PyObject | null): void {
  const f = o as PyCFunction;
  const old = f.module;
  f.module = v === null ? null : newRef(v);
  xdecref(old);
}

/**
 * PyCFunction_NewEx: a builtin function or bound builtin method (new reference). `self` and
 * `module` are borrowed (the new object takes its own references).
 */
export function newCFunction(def: MethodDef, self: PyObject | null, module: PyObject | null = null): PyCFunction {
  const f = new PyCFunction(CFunctionType, def, self, module);
  if (self !== null) incref(self);
  if (module !== null) incref(module);
  allocGCObject(f, CFUNCTION_BASICSIZE);
  gcTrack(f);
  return f;
}

function cfunctionDealloc(o: PyObject): void {
  const f = o as PyCFunction;
  gcUntrack(f);
  if (!trashBegin(f)) return;
  if (f.weakrefList !== null) clearWeakrefs(f);
  const self = f.self, module = f.module;
  f.self = null;
  f.module = null;
  xdecref(self);
  xdecref(module);
  freeGCObject(f);
  trashEnd();
}

function cfunctionTraverse(o: PyObject, visit: VisitProc, arg: unknown): void {
  const f = o as PyCFunction;
  if (f.self !== null) visit(f.self, arg);
  if (f.module !== null) visit(f.module, arg);
}

function cfunctionCall(callable: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const f = callable as PyCFunction;
  // m_self is what CPython passes as the C function's first argument: the bound object, the
  // module for module functions, or NULL (only for functions made without a module).
  return callMethodDef(f.def, f.self as PyObject, args, start, nargs, kwnames, f);
}

/**
 * Calls a MethodDef the way its calling convention requires, with CPython's argument-count
 * messages. `func` names the callable in messages (_PyObject_FunctionStr).
 */
export function callMethodDef(
  def: MethodDef,
  self: PyObject,
  args: PyObject[],
  start: number,
  nargs: number,
  kwnames: PyTuple | null,
  func: PyObject,
): PyObject {
  switch (def.kind) {
    case "noargs":
      if (kwnames !== null && kwnames.items.length !== 0) throwNoKeywords(func);
      if (nargs !== 0) throwTakesNoArguments(func, nargs);
      return def.fn(self);
    case "o":
      if (kwnames !== null && kwnames.items.length !== 0) throwNoKeywords(func);
      if (nargs !== 1) throwTakesOneArgument(func, nargs);
      return def.fn(self, args[start]!);
    case "fastcall":
      return def.fn(self, args, start, nargs, kwnames);
    case "varargs": {
      if (kwnames !== null && kwnames.items.length !== 0) refuseVarargsKeywords(def, args, start, nargs, kwnames, func);
      // The tuple is a real allocation (free list, gc count, tracemalloc) that lives only
      // for the call.
      const packed = packVarargs(args, start, nargs);
      try {
        return def.fn(self, packed);
      } finally {
        decref(packed);
      }
    }
  }
}

/**
 * Keywords given to a METH_VARARGS method. A method descriptor (method_vectorcall_VARARGS)
 * refuses them before packing; a bound builtin method has no vectorcall, so
 * _PyObject_MakeTpCall packs the tuple and the keyword dict first and cfunction_call then
 * refuses them naming only the method.
 */
function refuseVarargsKeywords(def: MethodDef, args: PyObject[], start: number, nargs: number, kwnames: PyTuple, func: PyObject): never {
  if (!(func instanceof PyCFunction)) throwNoKeywords(func);
  const packed = packVarargs(args, start, nargs);
  const kwargs = packKwargs(args, start, nargs, kwnames);
  try {
    raise(TypeErrorType, `${def.name}() takes no keyword arguments`);
  } finally {
    xdecref(kwargs);
    decref(packed);
  }
}

function throwNoKeywords(func: PyObject): never {
  raise(TypeErrorType, `${functionStr(func)} takes no keyword arguments`);
}

function throwTakesNoArguments(func: PyObject, nargs: number): never {
  raise(TypeErrorType, `${functionStr(func)} takes no arguments (${nargs} given)`);
}

function throwTakesOneArgument(func: PyObject, nargs: number): never {
  raise(TypeErrorType, `${functionStr(func)} takes exactly one argument (${nargs} given)`);
}

/**
 * _PyObject_FunctionStr for builtin functions: "len()", "list.append()", "math.sqrt()".
 */
export function functionStr(func: PyObject): string {
  if (func instanceof PyCFunction) {
    const qualname = cfunctionQualname(func);
    const module = func.module;
    if (module !== null) {
      if (module instanceof PyStr && module.value !== "builtins") return `${module.value}.${qualname}()`;
    }
    return `${qualname}()`;
  }
  if (func instanceof PyMethodDescr) return methodDescrFunctionStr(func);
  return functionStrGeneric(func);
}

/** meth_get__qualname__ */
export function cfunctionQualname(f: PyCFunction): string {
  const self = f.self;
  if (self === null || isModuleObject(self)) return f.def.name;
  const type = isTypeObject(self) ? self : self.type;
  return `${type.qualname}.${f.def.name}`;
}

function isModuleObject(o: PyObject): boolean {
  return o.type.isSubtypeOf(ModuleType);
}

/** Text of meth_repr. */
export function cfunctionReprText(f: PyCFunction): string {
  const self = f.self;
  if (self === null || isModuleObject(self)) return `<built-in function ${f.def.name}>`;
  return `<built-in method ${f.def.name} of ${self.type.name} object at 0x${self.address.toString(16)}>`;
}

function cfunctionRepr(o: PyObject): PyObject {
  return newStr(cfunctionReprText(o as PyCFunction));
}

// A stable pseudo address per C function, for meth_hash's _Py_HashPointer(ml_meth).
const functionAddresses = new Map<MethodDef, number>();

/** The "address" of a def's C function: stable for the life of the process. */
export function methodDefAddress(def: MethodDef): number {
  let a = functionAddresses.get(def);
  if (a === undefined) {
    a = staticAddress(16);
    functionAddresses.set(def, a);
  }
  return a;
}

function cfunctionHash(o: PyObject): void {
  const f = o as PyCFunction;
  hashPointer(f.self === null ? 0 : f.self.address);
  const xHi = hashResult.hi, xLo = hashResult.lo;
  hashPointer(methodDefAddress(f.def));
  let hi = xHi ^ hashResult.hi;
  let lo = xLo ^ hashResult.lo;
  if (hi === -1 && lo === -1) lo = -2;
  hashResult.hi = hi;
  hashResult.lo = lo;
}

function cfunctionRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  if ((op !== CMP_EQ && op !== CMP_NE) || !(a instanceof PyCFunction) || !(b instanceof PyCFunction)) {
    return newRef(NotImplemented);
  }
  const eq = a.self === b.self && a.def.fn === b.def.fn;
  return newBool(op === CMP_EQ ? eq : !eq);
}

export function isCFunction(o: PyObject): o is PyCFunction {
  return o instanceof PyCFunction;
}
