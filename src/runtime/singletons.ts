// Objects/object.c: _Py_NoneStruct / _PyNone_Type (none_repr, none_bool, none_new),
// _Py_NotImplementedStruct / _PyNotImplemented_Type (notimplemented_repr, notimplemented_bool,
// notimplemented_new, __reduce__); Objects/sliceobject.c: _Py_EllipsisObject / PyEllipsis_Type.
//
// The three statically allocated singletons. Unlike small ints, CPython 3.11 counts their
// references from 1 at start-up, so getrefcount(None) is a real (large) count. Their types
// take no arguments and return the singleton; None hashes by address (object's hash).

import { PyObject } from "./object.js";
import { staticAddress } from "./heap.js";
import { newStaticType, readyType } from "./typeroots.js";
import { addMethods } from "./descrobject.js";
import { newRef } from "./refcount.js";
import type { PyType } from "./type.js";
import type { PyTuple } from "./tuple.js";
import { dictLength, type PyDict } from "./dict.js";
import { newStr } from "./str.js";
import { DeprecationWarningType, raise, TypeErrorType, warn } from "./exceptions.js";

function deallocSingleton(o: PyObject): void {
  // Py_None's dealloc is a fatal error in CPython: it is never supposed to reach zero.
  throw new Error(`heapscope internal error: deallocating ${o.type.name}`);
}

function takesNoArguments(label: string, args: PyTuple, kwargs: PyDict | null): void {
  if (args.items.length !== 0 || (kwargs !== null && dictLength(kwargs) !== 0)) raise(TypeErrorType, `${label} takes no arguments`);
}

export const NoneType = newStaticType("NoneType", 16, 0, 0);
NoneType.dealloc = deallocSingleton;
NoneType.repr = () => newStr("None");
NoneType.nbBool = () => false;
NoneType.new_ = (_t: PyType, args: PyTuple, kwargs: PyDict | null) => {
  takesNoArguments("NoneType", args, kwargs);
  return newRef(None);
};
NoneType.doc = null;

export const NotImplementedType = newStaticType("NotImplementedType", 16, 0, 0);
NotImplementedType.dealloc = deallocSingleton;
NotImplementedType.repr = () => newStr("NotImplemented");
NotImplementedType.nbBool = () => {
  warn(DeprecationWarningType, "NotImplemented should not be used in a boolean context", 1);
  return true;
};
NotImplementedType.new_ = (_t: PyType, args: PyTuple, kwargs: PyDict | null) => {
  takesNoArguments("NotImplementedType", args, kwargs);
  return newRef(NotImplemented);
};

export const EllipsisType = newStaticType("ellipsis", 16, 0, 0);
EllipsisType.dealloc = deallocSingleton;
EllipsisType.repr = () => newStr("Ellipsis");
EllipsisType.new_ = (_t: PyType, args: PyTuple, kwargs: PyDict | null) => {
  takesNoArguments("EllipsisType", args, kwargs);
  return newRef(Ellipsis);
};
readyType(NoneType);
readyType(NotImplementedType);
readyType(EllipsisType);
addMethods(NotImplementedType, [{ name: "__reduce__", kind: "noargs", fn: () => newStr("NotImplemented") }]);
addMethods(EllipsisType, [{ name: "__reduce__", kind: "noargs", fn: () => newStr("Ellipsis") }]);

function makeSingleton(type: PyType, refcnt: number): PyObject {
  const o = new PyObject(type);
  o.address = staticAddress(16);
  o.refcnt = refcnt;
  return o;
}

// Start-up counts are large in CPython (≈5,000 for None); conformance programs print
// differences, not absolutes, so a round start value is enough.
export const None = makeSingleton(NoneType, 4096);
export const NotImplemented = makeSingleton(NotImplementedType, 64);
export const Ellipsis = makeSingleton(EllipsisType, 64);
