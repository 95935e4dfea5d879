// Modules/_io/iobase.c (3.11): _io._IOBase (iobase_enter / iobase_exit, iobase_iter /
// iobase_iternext, the unsupported-operation defaults, readline / readlines / writelines in
// terms of the subclass's read and write), _io._RawIOBase; Modules/_io/bufferedio.c:
// _io._BufferedIOBase's defaults; Modules/_io/textio.c: _io._TextIOBase's; Modules/_io/
// _iomodule.c: io.UnsupportedOperation (OSError and ValueError) and the argument converter
// _Py_convert_optional_to_ssize_t.
//
// These are the abstract bases BytesIO and StringIO inherit from; nothing here touches the
// host's files.

import type { PyObject } from "../runtime/object.js";
import { decref, newRef } from "../runtime/refcount.js";
import { TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, type PyType } from "../runtime/type.js";
import { newStaticType, readyType, TypeType } from "../runtime/typeroots.js";
import { addGetSets, addMethods } from "../runtime/descrobject.js";
import type { MethodDef } from "../runtime/methoddef.js";
import {
  OSErrorType, OverflowErrorType, TypeErrorType, ValueErrorType, raise,
} from "../runtime/exceptions.js";
import { newBool, newInt } from "../runtime/int.js";
import { newStr, staticStr } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import { tupleFromOwned } from "../runtime/tuple.js";
import { dictSetItem, newDict } from "../runtime/dict.js";
import { callMethod, callObject, isTrue, lookupAttr, numberAsSsize } from "../runtime/abstract.js";
import { freeGCObject } from "../runtime/heap.js";
import { gcUntrack } from "../runtime/gcstate.js";

/** sizeof(iobase): head, dict, weakreflist. */
const IOBASE_BASICSIZE = 32;

function baseDealloc(o: PyObject): void {
  gcUntrack(o);
  freeGCObject(o);
}

export const IOBaseType = newStaticType("_io._IOBase", IOBASE_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE);
IOBaseType.dealloc = baseDealloc;
IOBaseType.traverse = () => {};
export const RawIOBaseType = newStaticType("_io._RawIOBase", IOBASE_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE, IOBaseType);
export const BufferedIOBaseType = newStaticType("_io._BufferedIOBase", IOBASE_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE, IOBaseType);
export const TextIOBaseType = newStaticType("_io._TextIOBase", IOBASE_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE, IOBaseType);

// ---------------------------------------------------------------------------
// io.UnsupportedOperation

let unsupportedOperation: PyType | null = null;

/** io.UnsupportedOperation, made on first use as `class UnsupportedOperation(OSError, ValueError)`. */
export function unsupportedOperationType(): PyType {
  if (unsupportedOperation === null) {
    const ns = newDict();
    const module = newStr("io");
    dictSetItem(ns, staticStr("__module__"), module);
    decref(module);
    const name = newStr("UnsupportedOperation");
    const bases = tupleFromOwned([newRef(OSErrorType), newRef(ValueErrorType)]);
    try {
      unsupportedOperation = callObject(TypeType, [name, bases, ns], 0, 3, null) as PyType;
    } finally {
      decref(name);
      decref(bases);
      decref(ns);
    }
  }
  return unsupportedOperation;
}

export function raiseUnsupported(message: string): never {
  raise(unsupportedOperationType(), message);
}

/** _Py_convert_optional_to_ssize_t: an index or None (null = None or absent). */
export function optionalSsize(o: PyObject | null): number | null {
  if (o === null || o === None) return null;
  if (o.type.nbIndex === null) raise(TypeErrorType, `argument should be integer or None, not '${o.type.name}'`);
  return numberAsSsize(o, OverflowErrorType);
}

/** _PyIOBase_check_closed: ValueError when `self.closed` is true. */
function checkClosedAttr(self: PyObject): void {
  const closed = lookupAttr(self, staticStr("closed"));
  if (closed === null) return;
  try {
    if (isTrue(closed)) raise(ValueErrorType, "I/O operation on closed file.");
  } finally {
    decref(closed);
  }
}

// ---------------------------------------------------------------------------
// _IOBase

const IOBASE_METHODS: MethodDef[] = [
  { name: "seek", kind: "fastcall", fn: () => raiseUnsupported("seek") },
  { name: "tell", kind: "noargs", fn: (self) => callMethod(self, staticStr("seek"), [newIntZero(), newIntOne()]) },
  { name: "truncate", kind: "fastcall", fn: () => raiseUnsupported("truncate") },
  { name: "flush", kind: "noargs", fn: (self) => (checkClosedAttr(self), newRef(None)) },
  { name: "close", kind: "noargs", fn: () => newRef(None) },
  { name: "seekable", kind: "noargs", fn: () => newBool(false) },
  { name: "readable", kind: "noargs", fn: () => newBool(false) },
  { name: "writable", kind: "noargs", fn: () => newBool(false) },
  { name: "fileno", kind: "noargs", fn: () => raiseUnsupported("fileno") },
  { name: "isatty", kind: "noargs", fn: (self) => (checkClosedAttr(self), newBool(false)) },
  { name: "__enter__", kind: "noargs", fn: (self) => (checkClosedAttr(self), newRef(self)) },
  { name: "__exit__", kind: "fastcall", fn: (self) => callMethod(self, staticStr("close"), []) },
  {
    name: "_checkClosed",
    kind: "fastcall",
    fn: (self) => (checkClosedAttr(self), newRef(None)),
  },
];

function newIntZero(): PyObject {
  return newInt(0);
}
function newIntOne(): PyObject {
  return newInt(1);
}

IOBaseType.iter = (self) => {
  checkClosedAttr(self);
  return newRef(self);
};
IOBaseType.iternext = (self) => {
  const line = callMethod(self, staticStr("readline"), []);
  const empty = lookupLength(line) === 0;
  if (empty) {
    decref(line);
    return null;
  }
  return line;
};

function lookupLength(o: PyObject): number {
  const len = o.type.sqLength ?? o.type.mpLength;
  return len === null ? -1 : len(o);
}

readyType(IOBaseType);
addMethods(IOBaseType, IOBASE_METHODS);
addGetSets(IOBaseType, [{ name: "closed", get: () => newBool(false) }]);

// ---------------------------------------------------------------------------
// _RawIOBase, _BufferedIOBase, _TextIOBase

readyType(RawIOBaseType);
addMethods(RawIOBaseType, [
  { name: "read", kind: "fastcall", fn: () => raiseUnsupported("read") },
  { name: "readall", kind: "noargs", fn: () => raiseUnsupported("readall") },
]);

readyType(BufferedIOBaseType);
addMethods(BufferedIOBaseType, [
  { name: "detach", kind: "noargs", fn: () => raiseUnsupported("detach") },
  { name: "read", kind: "fastcall", fn: () => raiseUnsupported("read") },
  { name: "read1", kind: "fastcall", fn: () => raiseUnsupported("read1") },
  { name: "write", kind: "o", fn: () => raiseUnsupported("write") },
]);

readyType(TextIOBaseType);
addMethods(TextIOBaseType, [
  { name: "detach", kind: "noargs", fn: () => raiseUnsupported("detach") },
  { name: "read", kind: "fastcall", fn: () => raiseUnsupported("read") },
  { name: "readline", kind: "fastcall", fn: () => raiseUnsupported("readline") },
  { name: "write", kind: "o", fn: () => raiseUnsupported("write") },
]);
addGetSets(TextIOBaseType, [
  { name: "encoding", get: () => newRef(None) },
  { name: "newlines", get: () => newRef(None) },
  { name: "errors", get: () => newRef(None) },
]);
