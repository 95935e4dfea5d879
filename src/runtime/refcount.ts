// Include/object.h: Py_INCREF, Py_DECREF, Py_XDECREF, Py_NewRef; Objects/object.c: _Py_Dealloc.
//
// The hottest functions of the engine: one field update and, on the last decref, one
// call through the type's dealloc slot. Misuse (an incref or decref of a freed object,
// a decref below zero) is always detected, because a freed object carries FREED_REFCNT,
// and reported as a RuntimeMisuseError naming the object and the operation, before any
// state is changed.

import { FREED_REFCNT, PyObject } from "./object.js";

/** A bug in native code: a reference-count operation on an object that cannot take it. */
export class RuntimeMisuseError extends Error {
  constructor(operation: string, o: PyObject, detail: string) {
    super(`${operation} on ${describeObject(o)}: ${detail}`);
    this.name = "RuntimeMisuseError";
  }
}

export function describeObject(o: PyObject): string {
  const typeName = o.type === undefined || o.type === null ? "?" : o.type.name;
  return `<${typeName} object at 0x${o.address.toString(16)}>`;
}

export function incref(o: PyObject): void {
  if (o.refcnt <= 0) increfInvalid(o);
  o.refcnt++;
}

export function xincref(o: PyObject | null): void {
  if (o !== null) incref(o);
}

/** Py_NewRef: incref and return the same object, for "return a new reference" call sites. */
export function newRef<T extends PyObject>(o: T): T {
  if (o.refcnt <= 0) increfInvalid(o);
  o.refcnt++;
  return o;
}

export function decref(o: PyObject): void {
  const n = o.refcnt - 1;
  if (n > 0) {
    o.refcnt = n;
  } else if (n === 0) {
    o.refcnt = 0;
    o.type.dealloc(o);
  } else {
    decrefInvalid(o);
  }
}

export function xdecref(o: PyObject | null): void {
  if (o !== null) decref(o);
}

function increfInvalid(o: PyObject): void {
  if (o.refcnt === 0) {
    // A finalizer resurrecting its object increfs from 0 while dealloc runs: that is legal
    // (PEP 442), and CPython's slot_tp_finalize path does exactly this.
    return;
  }
  throw new RuntimeMisuseError("incref", o, o.refcnt <= FREED_REFCNT ? "use of a freed object" : `refcount is ${o.refcnt}`);
}

function decrefInvalid(o: PyObject): never {
  throw new RuntimeMisuseError(
    "decref",
    o,
    o.refcnt <= FREED_REFCNT ? "use of a freed object (double decref or double free?)" : "refcount would drop below zero",
  );
}
