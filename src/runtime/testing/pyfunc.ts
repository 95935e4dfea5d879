// Test-only stand-in for the interpreter's function objects (Objects/funcobject.c), for the
// type-system tests: a callable that runs a JS closure, binds like a Python function
// (METHOD_DESCRIPTOR, __get__ makes a bound method), has __name__ / __qualname__, and
// can be registered as PyFunction_Type so that type() wraps __new__ in a staticmethod.

import { PyObject } from "../object.js";
import { allocGCObject, freeGCObject } from "../heap.js";
import { gcTrack, gcUntrack } from "../gcstate.js";
import { newRef } from "../refcount.js";
import { TPFLAGS_HAVE_GC } from "../type.js";
import { newStaticType, readyType, TPFLAGS_METHOD_DESCRIPTOR } from "../typeroots.js";
import { addGetSets } from "../descrobject.js";
import { newStr } from "../str.js";
import { newMethod } from "../classobject.js";
import { None } from "../singletons.js";
import type { PyTuple } from "../tuple.js";
import { setFunctionType } from "../funcdescr.js";

export type JsBody = (args: PyObject[], kw: Map<string, PyObject>) => PyObject;

export class TestFunction extends PyObject {
  body: JsBody;
  name: string;
  qualname: string;
  constructor(body: JsBody, name: string, qualname: string) {
    super(TestFunctionType);
    this.body = body;
    this.name = name;
    this.qualname = qualname;
  }
}

export const TestFunctionType = newStaticType("function", 136, 0, TPFLAGS_HAVE_GC | TPFLAGS_METHOD_DESCRIPTOR);
TestFunctionType.dealloc = (o) => {
  gcUntrack(o);
  freeGCObject(o);
};
TestFunctionType.call = (callable, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null) => {
  const f = callable as TestFunction;
  const pos = args.slice(start, start + nargs);
  const kw = new Map<string, PyObject>();
  if (kwnames !== null) kwnames.items.forEach((k, i) => kw.set((k as PyObject & { value: string }).value, args[start + nargs + i]!));
  return f.body(pos, kw);
};
TestFunctionType.descrGet = (descr, obj) => (obj === null || obj === None ? newRef(descr) : newMethod(descr, obj));
TestFunctionType.repr = (o) => newStr(`<function ${(o as TestFunction).qualname} at 0x${o.address.toString(16)}>`);
readyType(TestFunctionType);
addGetSets(TestFunctionType, [
  { name: "__name__", get: (o) => newStr((o as TestFunction).name) },
  { name: "__qualname__", get: (o) => newStr((o as TestFunction).qualname) },
  { name: "__module__", get: () => newStr("__main__") },
  { name: "__doc__", get: () => newRef(None) },
]);
setFunctionType(TestFunctionType);

/** A Python-function-like object running `body` (new reference). */
export function fn(name: string, body: JsBody, qualname = name): TestFunction {
  const f = new TestFunction(body, name, qualname);
  allocGCObject(f, 136);
  gcTrack(f);
  return f;
}

import { callObject, getAttr, objectRepr } from "../abstract.js";
import { lookupSpecial } from "../typeobject.js";
import { newDict, dictSetItem } from "../dict.js";
import { tupleFromBorrowed } from "../tuple.js";
import { staticStr } from "../str.js";
import { TypeType } from "../typeroots.js";
import { decref } from "../refcount.js";
import { preHeaderSize } from "../heap.js";
import { intAsNumber, type PyInt } from "../int.js";
import type { PyType } from "../type.js";
import { PyRaise } from "../exceptions.js";

/** type(name, bases, ns) with a JS record as the namespace (values borrowed). */
export function makeClass(name: string, bases: PyObject[], ns: Record<string, PyObject> = {}, metatype: PyObject = TypeType): PyType {
  const d = newDict();
  const module = newStr("__main__");
  dictSetItem(d, staticStr("__module__"), module);
  decref(module);
  for (const [k, v] of Object.entries(ns)) dictSetItem(d, staticStr(k), v);
  const b = tupleFromBorrowed(bases);
  const n = newStr(name);
  try {
    return callObject(metatype, [n, b, d], 0, 3, null) as PyType;
  } finally {
    decref(n);
    decref(b);
    decref(d);
  }
}

/** sys.getsizeof: type(o).__sizeof__(o) plus the pre-header. */
export function getsizeof(o: PyObject): number {
  const m = lookupSpecial(o, staticStr("__sizeof__"));
  if (m === null) throw new Error("no __sizeof__");
  const r = callObject(m, [], 0, 0, null);
  decref(m);
  const n = intAsNumber(r as PyInt);
  decref(r);
  return n + preHeaderSize(o.type);
}

/** repr(o) as a JS string. */
export function reprOf(o: PyObject): string {
  const r = objectRepr(o);
  const s = r.value;
  decref(r);
  return s;
}

/** The "Type: message" text of a Python exception thrown by `body`, or "OK". */
export function pyError(body: () => unknown): string {
  try {
    const r = body();
    if (r instanceof PyObject) decref(r);
    return "OK";
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    const exc = e.exception;
    const args = exc.args.items;
    const first = args[0] as (PyObject & { value?: unknown }) | undefined;
    const msg = args.length === 1 && first !== undefined && typeof first.value === "string" ? first.value : reprOf(exc.args);
    const text = `${exc.type.name}: ${args.length === 0 ? "" : msg}`;
    decref(exc);
    return text;
  }
}

/** getattr(o, name) */
export function attr(o: PyObject, name: string): PyObject {
  return getAttr(o, staticStr(name));
}
