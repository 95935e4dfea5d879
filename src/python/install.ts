// PyType_Ready for the python layer's types (function, code, frame, generator, traceback):
// their slots, attributes and methods, installed once when the interpreter starts. Kept out
// of the files that define the types so that those files need not import the eval loop.

import type { PyObject } from "../runtime/object.js";
import { decref, xdecref } from "../runtime/refcount.js";
import { None } from "../runtime/singletons.js";
import { newStr, PyStr, StrType } from "../runtime/str.js";
import { newInt } from "../runtime/int.js";
import { newBool } from "../runtime/bool.js";
import { PyTuple, TupleType, tupleFromOwned } from "../runtime/tuple.js";
import { DictType, newDict, dictSetItem, PyDict } from "../runtime/dict.js";
import { raise, PyRaise, TypeErrorType, RuntimeErrorType, StopIterationType, PyBaseException, newExceptionFromOwnedArgs } from "../runtime/exceptions.js";
import { addGetSets, addMethods } from "../runtime/descrobject.js";
import { readyType, genericGetAttr, genericSetAttr } from "../runtime/typeobject.js";
import { TPFLAGS_METHOD_DESCRIPTOR, TPFLAGS_HAVE_VECTORCALL, TPFLAGS_MATCH_SELF, TPFLAGS_SEQUENCE, TPFLAGS_MAPPING } from "../runtime/typeroots.js";
import { IntType, BoolType } from "../runtime/int.js";
import { FloatType } from "../runtime/float.js";
import { BytesType } from "../runtime/bytes.js";
import { ByteArrayType } from "../runtime/bytearray.js";
import { ListType } from "../runtime/list.js";
import { SetType, FrozenSetType } from "../runtime/set.js";
import { RangeType } from "../runtime/rangeobject.js";
import { TPFLAGS_BASE_EXC_SUBCLASS, TPFLAGS_TYPE_SUBCLASS, type PyType } from "../runtime/type.js";
import { newMethod } from "../runtime/classobject.js";
import { callObject, callMethod, setRecursionGuard } from "../runtime/abstract.js";
import { hexAddress } from "./repr.js";
import { FunctionType, PyFunction } from "./function.js";
import { codeReplace } from "./codereplace.js";
import { CodeType, PyCode, CO_FAST_LOCAL, CO_FAST_CELL, CO_FAST_FREE } from "./code.js";
import { FrameType, PyFrameObject, getFrameObject } from "./frameobject.js";
import { OWNED_BY_FRAME_OBJECT } from "./frame.js";
import { TraceBackType, PyTraceBack } from "./traceback.js";
import { isGeneratorLike } from "./genobject.js";
import { installGeneratorTypes, iterSend } from "./genmethods.js";
import { callPythonFunction, enterRecursiveCallTstate, leaveRecursiveCallTstate } from "./ceval.js";
import { interpreterHooks } from "./hooks.js";
import { PyCell } from "../runtime/cellobject.js";

let installed = false;

export function installPythonTypes(): void {
  if (installed) return;
  installed = true;
  installFunctionType();
  installCodeType();
  installFrameType();
  installGeneratorTypes();
  installTracebackType();
  setPatternMatchingFlags();
  interpreterHooks.send = iterSend;
  interpreterHooks.isGeneratorLike = isGeneratorLike;
  // Py_EnterRecursiveCall and Python frames share the thread state's one budget (3.11).
  setRecursionGuard(enterRecursiveCallTstate, leaveRecursiveCallTstate);
}

function str(value: string): PyStr {
  return newStr(value);
}

function ref<T extends PyObject>(o: T): T {
  o.refcnt++;
  return o;
}

function orNone(o: PyObject | null): PyObject {
  return ref(o === null ? None : o);
}

/**
 * The tp_flags that `match` reads (MATCH_MAPPING, MATCH_SEQUENCE, MATCH_CLASS), as CPython
 * 3.11's builtin types carry them: mappings, sequences (str, bytes and bytearray are *not*
 * sequences for pattern matching), and the types whose class pattern matches the subject
 * itself (`case int(n)`). Idempotent; subclasses made later inherit them.
 */
function setPatternMatchingFlags(): void {
  const self = [IntType, BoolType, FloatType, StrType, BytesType, ByteArrayType, DictType, ListType, TupleType, SetType, FrozenSetType];
  for (const t of self) t.flags |= TPFLAGS_MATCH_SELF;
  for (const t of [StrType, BytesType, ByteArrayType, DictType, IntType, BoolType, FloatType, SetType, FrozenSetType]) t.flags &= ~TPFLAGS_SEQUENCE;
  DictType.flags |= TPFLAGS_MAPPING;
  for (const t of [ListType, TupleType, RangeType]) t.flags |= TPFLAGS_SEQUENCE;
}

// --- function (Objects/funcobject.c) ---

function installFunctionType(): void {
  const t = FunctionType;
  t.flags |= TPFLAGS_METHOD_DESCRIPTOR | TPFLAGS_HAVE_VECTORCALL;
  t.call = (callable, args, start, nargs, kwnames) => callPythonFunction(callable as PyFunction, args, start, nargs, kwnames);
  t.descrGet = (func, obj) => (obj === null || obj === None ? ref(func) : newMethod(func, obj));
  t.repr = (self) => str(`<function ${(self as PyFunction).qualname.value} at ${hexAddress(self)}>`);
  t.getattro = genericGetAttr;
  t.setattro = genericSetAttr;
  addGetSets(t, [
    {
      name: "__code__",
      get: (self) => ref((self as PyFunction).code),
      set: (self, value) => {
        if (value === null || value.type !== CodeType) raise(TypeErrorType, "__code__ must be set to a code object");
        const f = self as PyFunction;
        const old = f.code;
        f.code = ref(value as PyCode);
        decref(old);
      },
    },
    {
      name: "__defaults__",
      get: (self) => orNone((self as PyFunction).defaults),
      set: (self, value) => {
        if (value !== null && value !== None && value.type !== TupleType) raise(TypeErrorType, "__defaults__ must be set to a tuple object");
        const f = self as PyFunction;
        const old = f.defaults;
        f.defaults = value === null || value === None ? null : ref(value as PyTuple);
        xdecref(old);
      },
    },
    {
      name: "__kwdefaults__",
      get: (self) => orNone((self as PyFunction).kwdefaults),
      set: (self, value) => {
        if (value !== null && value !== None && value.type !== DictType) raise(TypeErrorType, "__kwdefaults__ must be set to a dict object");
        const f = self as PyFunction;
        const old = f.kwdefaults;
        f.kwdefaults = value === null || value === None ? null : ref(value as PyDict);
        xdecref(old);
      },
    },
    {
      name: "__annotations__",
      get: (self) => {
        const f = self as PyFunction;
        if (f.annotations === null) f.annotations = newDict();
        else if (f.annotations.type === TupleType) f.annotations = annotationsFromTuple(f.annotations as PyTuple);
        return ref(f.annotations);
      },
      set: (self, value) => {
        const f = self as PyFunction;
        const old = f.annotations;
        f.annotations = value === null || value === None ? null : ref(value);
        xdecref(old);
      },
    },
    {
      name: "__dict__",
      get: (self) => ref(functionDict(self as PyFunction)),
      set: (self, value) => {
        if (value === null) raise(TypeErrorType, "cannot delete __dict__");
        if (value.type !== DictType) raise(TypeErrorType, "__dict__ must be set to a dictionary, not a '" + value.type.name + "'");
        const f = self as PyFunction;
        const old = f.dict;
        f.dict = ref(value as PyDict);
        xdecref(old);
      },
    },
    {
      name: "__name__",
      get: (self) => ref((self as PyFunction).name),
      set: (self, value) => {
        if (value === null || value.type !== StrType) raise(TypeErrorType, "__name__ must be set to a string object");
        const f = self as PyFunction;
        const old = f.name;
        f.name = ref(value as PyStr);
        decref(old);
      },
    },
    {
      name: "__qualname__",
      get: (self) => ref((self as PyFunction).qualname),
      set: (self, value) => {
        if (value === null || value.type !== StrType) raise(TypeErrorType, "__qualname__ must be set to a string object");
        const f = self as PyFunction;
        const old = f.qualname;
        f.qualname = ref(value as PyStr);
        decref(old);
      },
    },
    { name: "__closure__", get: (self) => orNone((self as PyFunction).closure) },
    { name: "__globals__", get: (self) => orNone((self as PyFunction).globals) },
    { name: "__builtins__", get: (self) => orNone((self as PyFunction).builtins) },
    {
      name: "__doc__",
      get: (self) => orNone((self as PyFunction).doc),
      set: (self, value) => {
        const f = self as PyFunction;
        const old = f.doc;
        f.doc = ref(value === null ? None : value);
        xdecref(old);
      },
    },
    {
      name: "__module__",
      get: (self) => orNone((self as PyFunction).module),
      set: (self, value) => {
        const f = self as PyFunction;
        const old = f.module;
        f.module = ref(value === null ? None : value);
        xdecref(old);
      },
    },
  ]);
  readyType(t);
}

/** The function's __dict__ (borrowed), created on first use as func_get_dict does. */
export function functionDict(f: PyFunction): PyDict {
  if (f.dict === null) f.dict = newDict();
  return f.dict;
}

function annotationsFromTuple(t: PyTuple): PyDict {
  const d = newDict();
  for (let i = 0; i + 1 < t.items.length; i += 2) dictSetItem(d, t.items[i]!, t.items[i + 1]!);
  decref(t);
  return d;
}

// --- code (Objects/codeobject.c) ---

function namesOfKind(code: PyCode, kind: number, exclude = 0): PyTuple {
  const names: PyObject[] = [];
  for (let i = 0; i < code.nlocalsplus; i++) {
    const k = code.localspluskinds[i]!;
    if ((k & kind) !== 0 && (k & exclude) === 0) names.push(ref(code.localsplusnames[i]!));
  }
  return tupleFromOwned(names);
}

function installCodeType(): void {
  const t = CodeType;
  t.repr = (self) => {
    const c = self as PyCode;
    return str(`<code object ${c.name.value} at ${hexAddress(self)}, file "${c.filename.value}", line ${c.firstlineno}>`);
  };
  t.getattro = genericGetAttr;
  const intAttr = (name: string, get: (c: PyCode) => number) => ({ name, get: (self: PyObject) => newInt(get(self as PyCode)) });
  addGetSets(t, [
    { name: "co_name", get: (self) => ref((self as PyCode).name) },
    { name: "co_qualname", get: (self) => ref((self as PyCode).qualname) },
    { name: "co_filename", get: (self) => ref((self as PyCode).filename) },
    intAttr("co_firstlineno", (c) => c.firstlineno),
    intAttr("co_argcount", (c) => c.argcount),
    intAttr("co_posonlyargcount", (c) => c.posonlyargcount),
    intAttr("co_kwonlyargcount", (c) => c.kwonlyargcount),
    intAttr("co_nlocals", (c) => c.nlocals),
    intAttr("co_flags", (c) => c.flags),
    intAttr("co_stacksize", (c) => c.stacksize),
    { name: "co_varnames", get: (self) => namesOfKind(self as PyCode, CO_FAST_LOCAL) },
    { name: "co_cellvars", get: (self) => namesOfKind(self as PyCode, CO_FAST_CELL) },
    { name: "co_freevars", get: (self) => namesOfKind(self as PyCode, CO_FAST_FREE) },
    {
      name: "co_consts",
      get: (self) => ref((self as PyCode).constsTuple),
    },
    {
      name: "co_names",
      get: (self) => ref((self as PyCode).namesTuple),
    },
  ]);
  addMethods(t, [{ name: "replace", kind: "fastcall", fn: codeReplace, doc: "Return a copy of the code object with new values for the specified fields." }]);
  readyType(t);
}

// --- frame (Objects/frameobject.c) ---

/** PyFrame_FastToLocalsWithError: the f_locals mapping of a frame (borrowed). */
export function frameLocals(f: PyFrameObject): PyObject {
  const frame = f.frame;
  if (frame.locals !== null) return frame.locals;
  let d = f.localsDict as PyDict | null;
  if (d === null) {
    d = newDict();
    f.localsDict = d;
  }
  const code = frame.code;
  for (let i = 0; i < code.nlocalsplus; i++) {
    const kind = code.localspluskinds[i]!;
    let value = frame.localsplus[i] ?? null;
    if (value !== null && (kind & (CO_FAST_CELL | CO_FAST_FREE)) !== 0 && value.type.name === "cell") {
      value = (value as PyCell).ref;
    }
    const name = code.localsplusnames[i]!;
    if (value !== null) dictSetItem(d, name, value);
  }
  return d;
}

function installFrameType(): void {
  const t = FrameType;
  t.repr = (self) => {
    const f = self as PyFrameObject;
    const code = f.frame.code;
    return str(`<frame at ${hexAddress(self)}, file '${code.filename.value}', line ${f.frame.currentLine()}, code ${code.name.value}>`);
  };
  t.getattro = genericGetAttr;
  addGetSets(t, [
    { name: "f_code", get: (self) => ref((self as PyFrameObject).frame.code) },
    { name: "f_globals", get: (self) => ref((self as PyFrameObject).frame.globals) },
    { name: "f_builtins", get: (self) => ref((self as PyFrameObject).frame.builtins) },
    { name: "f_locals", get: (self) => ref(frameLocals(self as PyFrameObject)) },
    { name: "f_lineno", get: (self) => newInt((self as PyFrameObject).frame.currentLine()) },
    { name: "f_lasti", get: (self) => newInt(2 * Math.max(0, (self as PyFrameObject).frame.lasti)) },
    {
      name: "f_back",
      get: (self) => {
        const f = self as PyFrameObject;
        if (f.frame.owner === OWNED_BY_FRAME_OBJECT) return orNone(f.back);
        const prev = f.frame.previous;
        return prev === null ? ref(None) : ref(getFrameObject(prev));
      },
    },
    { name: "f_trace", get: () => ref(None), set: () => {} },
  ]);
  addMethods(t, [
    {
      name: "clear",
      kind: "noargs",
      fn: (self) => {
        const f = self as PyFrameObject;
        if (f.frame.owner !== OWNED_BY_FRAME_OBJECT) raise(RuntimeErrorType, "cannot clear an executing frame");
        FrameType.clear!(f);
        return ref(None);
      },
    },
  ]);
  readyType(t);
}

// --- traceback (Python/traceback.c) ---

function installTracebackType(): void {
  const t = TraceBackType;
  t.getattro = genericGetAttr;
  t.repr = (self) => str(`<traceback object at ${hexAddress(self)}>`);
  addGetSets(t, [
    {
      name: "tb_next",
      get: (self) => orNone((self as PyTraceBack).next),
      set: (self, value) => {
        const tb = self as PyTraceBack;
        if (value !== null && value !== None && value.type !== TraceBackType) raise(TypeErrorType, `expected traceback object or None, got '${value.type.name}'`);
        const old = tb.next;
        tb.next = value === null || value === None ? null : ref(value as PyTraceBack);
        xdecref(old);
      },
    },
    { name: "tb_frame", get: (self) => ref((self as PyTraceBack).frame) },
    { name: "tb_lineno", get: (self) => newInt((self as PyTraceBack).lineno) },
    { name: "tb_lasti", get: (self) => newInt(2 * (self as PyTraceBack).lasti) },
  ]);
  readyType(t);
}
