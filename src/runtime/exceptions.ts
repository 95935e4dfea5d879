// Objects/exceptions.c: PyBaseExceptionObject and the builtin exception hierarchy:
// BaseException_new / init / str / repr, the args / __traceback__ / __context__ / __cause__
// / __suppress_context__ attributes, with_traceback, add_note, and the families with extra
// fields (StopIteration, SystemExit, ImportError, OSError with its errno subclass mapping,
// NameError, AttributeError, SyntaxError, UnicodeError, KeyError's str, MemoryError's free
// list). Python/errors.c: PyErr_GivenExceptionMatches.
//
// Errors thrown through TypeScript frames are PyRaise values owning one reference to the
// exception object (see docs/RUNTIME.md).

import { PyObject, type VisitProc } from "./object.js";
import { allocGCObject, freeGCObject, parkOnFreeList, reviveFromFreeList, allocator } from "./heap.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, incref, newRef, xdecref } from "./refcount.js";
import { PyType, TPFLAGS_BYTES_SUBCLASS, TPFLAGS_BASE_EXC_SUBCLASS, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_TUPLE_SUBCLASS, TPFLAGS_UNICODE_SUBCLASS } from "./type.js";
import { newStaticType, readyType, TypeType } from "./typeroots.js";
import { newStr, PyStr, staticStr, StrType } from "./str.js";
import { EMPTY_TUPLE, PyTuple, TupleType, tupleFromBorrowed, tupleFromOwned } from "./tuple.js";
import { trashBegin, trashEnd } from "./trashcan.js";
import { dictGetItemStr, dictLength, dictEntry, dictNext, dictSetItem, newDict, type PyDict } from "./dict.js";
import { addGetSets, addMembers, addMethods, makeObjectStatic } from "./descrobject.js";
import { None } from "./singletons.js";
import { IntType, newInt, isInt, intToBigInt, type PyInt } from "./int.js";
import { isBool, newBool, True } from "./bool.js";
import { isList, listAppend, listFromBorrowed, newList } from "./list.js";
import { callMethod, callObject, callOneArg, isTrue, lookupAttr, objectRepr, objectStr, getAttr, hasAttr, setAttr, getIter, iterNext } from "./abstract.js";
import { typeNew } from "./typecreate.js";
import { isFunctionLike } from "./funcdescr.js";
import { genericGetAttr, genericSetAttr, objectDictGetSet } from "./typeobject.js";

/** sizeof(PyBaseExceptionObject) in 3.11. */
export const BASE_EXCEPTION_BASICSIZE = 72;

export class PyBaseException extends PyObject {
  args: PyTuple;
  /** __dict__, made on first attribute store (add_note stores __notes__ there). */
  dict: PyDict | null;
  traceback: PyObject | null;
  context: PyObject | null;
  cause: PyObject | null;
  suppressContext: boolean;
  /** The struct's notes pointer; 3.11 keeps __notes__ in the dict, so it stays null. */
  notes: PyObject | null;

  constructor(type: PyType, args: PyTuple) {
    super(type);
    this.args = args;
    this.dict = null;
    this.traceback = null;
    this.context = null;
    this.cause = null;
    this.suppressContext = false;
    this.notes = null;
  }
}

/** Exceptions with extra object fields (StopIteration.value, OSError.errno, ...), by index. */
export class PyExceptionWithFields extends PyBaseException {
  fields: (PyObject | null)[];
  /** Py_ssize_t fields: UnicodeError start/end, OSError characters_written (-1 = unset). */
  start: number;
  end: number;
  constructor(type: PyType, args: PyTuple, nfields: number) {
    super(type, args);
    this.fields = new Array<PyObject | null>(nfields).fill(null);
    this.start = 0;
    this.end = 0;
  }
}

/**
 * A Python exception in flight through TypeScript frames. It owns one reference to the
 * exception object. Deliberately not a JS Error: throwing it captures no JS stack.
 */
export class PyRaise {
  /** Interpreter bookkeeping: a bare `raise` re-raising the handled exception. */
  reraise: boolean;
  /** Interpreter bookkeeping: __context__ has already been chained for this raise. */
  contextChained: boolean;
  constructor(readonly exception: PyBaseException) {
    this.reraise = false;
    this.contextChained = false;
  }
}

// ---------------------------------------------------------------------------
// Families: how many extra fields each one's struct has and their basicsize.

interface Family {
  nfields: number;
  basicsize: number;
  /** Fills the fields from (args, kwargs) as the family's tp_init does. */
  init: ((e: PyExceptionWithFields, args: PyTuple, kwargs: PyDict | null) => void) | null;
}

const families = new Map<PyType, Family>();

function familyOf(type: PyType): Family | null {
  for (let t: PyType | null = type; t !== null; t = t.base) {
    const f = families.get(t);
    if (f !== undefined) return f;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Slots shared by every exception type.

function exceptionTraverse(self: PyObject, visit: VisitProc, arg: unknown): void {
  const e = self as PyBaseException;
  if (e.dict !== null) visit(e.dict, arg);
  visit(e.args, arg);
  if (e.notes !== null) visit(e.notes, arg);
  if (e.traceback !== null) visit(e.traceback, arg);
  if (e.cause !== null) visit(e.cause, arg);
  if (e.context !== null) visit(e.context, arg);
  if (e instanceof PyExceptionWithFields) {
    const fs = e.fields;
    for (let i = 0; i < fs.length; i++) {
      const v = fs[i]!;
      if (v !== null) visit(v, arg);
    }
  }
}

function exceptionClear(self: PyObject): void {
  const e = self as PyBaseException;
  const dict = e.dict, notes = e.notes, tb = e.traceback, cause = e.cause, context = e.context;
  e.dict = null;
  e.notes = null;
  e.traceback = null;
  e.cause = null;
  e.context = null;
  xdecref(dict);
  xdecref(notes);
  xdecref(tb);
  xdecref(cause);
  xdecref(context);
  if (e instanceof PyExceptionWithFields) {
    const fs = e.fields;
    for (let i = 0; i < fs.length; i++) {
      const v = fs[i]!;
      if (v !== null) {
        fs[i] = null;
        decref(v);
      }
    }
  }
}

function exceptionDealloc(self: PyObject): void {
  const e = self as PyBaseException;
  gcUntrack(e);
  if (!trashBegin(e)) return;
  exceptionClear(e);
  const args = e.args;
  e.args = EMPTY_TUPLE;
  decref(args);
  if (e.type === MemoryErrorType && memoryErrorFreeList.length < MEMERRORS_SAVE && memoryErrorAllocator === allocator) {
    memoryErrorFreeList.push(e);
    parkOnFreeList(e);
  } else {
    freeGCObject(e);
  }
  trashEnd();
}

/** Allocates an exception of `type` (tp_alloc), taking over `args`. */
function allocException(type: PyType, args: PyTuple): PyBaseException {
  if (type === MemoryErrorType && memoryErrorFreeList.length !== 0 && memoryErrorAllocator === allocator) {
    const e = memoryErrorFreeList.pop()!;
    reviveFromFreeList(e);
    e.args = args;
    gcTrack(e);
    return e;
  }
  const family = familyOf(type);
  const e = family === null ? new PyBaseException(type, args) : new PyExceptionWithFields(type, args, family.nfields);
  allocGCObject(e, type.basicsize);
  if ((type.flags & (1 << 9)) !== 0) type.refcnt++;
  gcTrack(e);
  return e;
}

// MemoryError keeps up to 16 freed instances for reuse (memerrors_freelist).
const MEMERRORS_SAVE = 16;
const memoryErrorFreeList: PyBaseException[] = [];
let memoryErrorAllocator: unknown = allocator;

/** BaseException_new: any arguments are accepted and kept as args. */
function exceptionNew(type: PyType, args: PyTuple | null): PyObject {
  if (memoryErrorAllocator !== allocator) {
    memoryErrorFreeList.length = 0;
    memoryErrorAllocator = allocator;
  }
  const a = args === null ? newRef(EMPTY_TUPLE) : newRef(args);
  return allocException(type, a);
}

function noKeywordsFor(self: PyObject, kwargs: PyDict | null): void {
  if (kwargs !== null && dictLength(kwargs) !== 0) raise(TypeErrorType, `${self.type.name}() takes no keyword arguments`);
}

/** BaseException_init: keeps the new args. */
function exceptionInit(self: PyObject, args: PyTuple, kwargs: PyDict | null): void {
  noKeywordsFor(self, kwargs);
  setArgs(self as PyBaseException, args);
}

function setArgs(e: PyBaseException, args: PyTuple): void {
  const old = e.args;
  incref(args);
  e.args = args;
  decref(old);
}

function familyInit(self: PyObject, args: PyTuple, kwargs: PyDict | null): void {
  const family = familyOf(self.type);
  if (family === null || family.init === null || !(self instanceof PyExceptionWithFields)) {
    exceptionInit(self, args, kwargs);
    return;
  }
  family.init(self, args, kwargs);
}

/** BaseException_str */
function exceptionStr(self: PyObject): PyObject {
  const args = (self as PyBaseException).args.items;
  if (args.length === 0) return newStr("");
  if (args.length === 1) return objectStr(args[0]!);
  return objectStr((self as PyBaseException).args);
}

/** _PyType_Name: the part of tp_name after the last dot. */
function shortTypeName(t: PyType): string {
  const dot = t.name.lastIndexOf(".");
  return dot >= 0 ? t.name.slice(dot + 1) : t.name;
}

/** BaseException_repr: `ValueError('x')`, `ValueError()`, `ValueError(1, 2)`. */
function exceptionRepr(self: PyObject): PyObject {
  const e = self as PyBaseException;
  const name = shortTypeName(e.type);
  if (e.args.items.length === 1) {
    const r = objectRepr(e.args.items[0]!);
    const text = `${name}(${r.value})`;
    decref(r);
    return newStr(text);
  }
  const r = objectRepr(e.args);
  const text = `${name}${r.value}`;
  decref(r);
  return newStr(text);
}

// ---------------------------------------------------------------------------
// Building the hierarchy.

const EXC_FLAGS = TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE | TPFLAGS_BASE_EXC_SUBCLASS;

interface ExceptionTypeOptions {
  basicsize: number;
  nfields: number;
  init: Family["init"];
  str: ((o: PyObject) => PyObject) | null;
}

function exceptionType(
  name: string,
  base: PyType | null,
  doc: string,
  options: ExceptionTypeOptions | null = null,
  newSlot: PyType["new_"] = null,
  initSlot: PyType["init"] = null,
): PyType {
  const size = options !== null ? options.basicsize : base === null ? BASE_EXCEPTION_BASICSIZE : base.basicsize;
  const t = newStaticType(name, size, 0, EXC_FLAGS, base ?? undefined);
  t.doc = doc;
  t.dealloc = exceptionDealloc;
  t.traverse = exceptionTraverse;
  t.clear = exceptionClear;
  if (base === null) {
    t.dictoffset = 16;
    t.new_ = exceptionNew;
    t.init = exceptionInit;
    t.repr = exceptionRepr;
    t.str = exceptionStr;
    t.getattro = genericGetAttrLate;
    t.setattro = genericSetAttrLate;
  }
  if (options !== null) {
    families.set(t, { nfields: options.nfields, basicsize: options.basicsize, init: options.init });
    if (options.init !== null) t.init = familyInit;
    if (options.str !== null) t.str = options.str;
  }
  // Every builtin exception type has its own tp_new/tp_init (SimpleExtendsException and
  // friends), so each gets its own __new__ and __init__ in its dict.
  if (base !== null) {
    if (t.new_ === null) t.new_ = base.new_;
    if (t.init === null) t.init = base.init;
  }
  if (newSlot !== null) t.new_ = newSlot;
  if (initSlot !== null) t.init = initSlot;
  readyType(t);
  return t;
}

// typeobject.ts may not be evaluated yet when this file runs: bind late.
function genericGetAttrLate(o: PyObject, name: PyStr): PyObject {
  return genericGetAttr(o, name);
}
function genericSetAttrLate(o: PyObject, name: PyStr, v: PyObject | null): void {
  genericSetAttr(o, name, v);
}

function fieldMember(name: string, index: number, writable = true): { name: string; get: (o: PyObject) => PyObject; set?: (o: PyObject, v: PyObject | null) => void } {
  const get = (o: PyObject): PyObject => newRef((o as PyExceptionWithFields).fields[index] ?? None);
  if (!writable) return { name, get };
  return {
    name,
    get,
    set: (o: PyObject, v: PyObject | null): void => {
      const e = o as PyExceptionWithFields;
      const old = e.fields[index]!;
      e.fields[index] = v === null ? null : newRef(v);
      xdecref(old);
    },
  };
}

function setField(e: PyExceptionWithFields, index: number, v: PyObject | null): void {
  const old = e.fields[index]!;
  e.fields[index] = v === null ? null : newRef(v);
  xdecref(old);
}

export const BaseExceptionType = exceptionType("BaseException", null, "Common base class for all exceptions");
export const BaseExceptionGroupType = exceptionType(
  "BaseExceptionGroup",
  BaseExceptionType,
  "A combination of multiple unrelated exceptions.",
  { basicsize: 88, nfields: 2, init: groupInit, str: groupStr },
  groupNew,
);
export const SystemExitType = exceptionType("SystemExit", BaseExceptionType, "Request to exit from the interpreter.", { basicsize: 80, nfields: 1, init: systemExitInit, str: null });
export const KeyboardInterruptType = exceptionType("KeyboardInterrupt", BaseExceptionType, "Program interrupted by user.");
export const GeneratorExitType = exceptionType("GeneratorExit", BaseExceptionType, "Request that a generator exit.");
export const ExceptionType = exceptionType("Exception", BaseExceptionType, "Common base class for all non-exit exceptions.");
export const StopIterationType = exceptionType("StopIteration", ExceptionType, "Signal the end from iterator.__next__().", { basicsize: 80, nfields: 1, init: stopIterationInit, str: null });
export const StopAsyncIterationType = exceptionType("StopAsyncIteration", ExceptionType, "Signal the end from iterator.__anext__().");
export const ArithmeticErrorType = exceptionType("ArithmeticError", ExceptionType, "Base class for arithmetic errors.");
export const FloatingPointErrorType = exceptionType("FloatingPointError", ArithmeticErrorType, "Floating point operation failed.");
export const OverflowErrorType = exceptionType("OverflowError", ArithmeticErrorType, "Result too large to be represented.");
export const ZeroDivisionErrorType = exceptionType("ZeroDivisionError", ArithmeticErrorType, "Second argument to a division or modulo operation was zero.");
export const AssertionErrorType = exceptionType("AssertionError", ExceptionType, "Assertion failed.");
export const AttributeErrorType = exceptionType("AttributeError", ExceptionType, "Attribute not found.", { basicsize: 88, nfields: 2, init: attributeErrorInit, str: null });
export const BufferErrorType = exceptionType("BufferError", ExceptionType, "Buffer error.");
export const EOFErrorType = exceptionType("EOFError", ExceptionType, "Read beyond end of file.");
export const ImportErrorType = exceptionType("ImportError", ExceptionType, "Import can't find module, or can't find name in module.", { basicsize: 96, nfields: 3, init: importErrorInit, str: importErrorStr });
export const ModuleNotFoundErrorType = exceptionType("ModuleNotFoundError", ImportErrorType, "Module not found.");
export const LookupErrorType = exceptionType("LookupError", ExceptionType, "Base class for lookup errors.");
export const IndexErrorType = exceptionType("IndexError", LookupErrorType, "Sequence index out of range.");
export const KeyErrorType = exceptionType("KeyError", LookupErrorType, "Mapping key not found.", { basicsize: 72, nfields: 0, init: null, str: keyErrorStr });
export const MemoryErrorType = exceptionType("MemoryError", ExceptionType, "Out of memory.");
export const NameErrorType = exceptionType("NameError", ExceptionType, "Name not found globally.", { basicsize: 80, nfields: 1, init: nameErrorInit, str: null });
export const UnboundLocalErrorType = exceptionType("UnboundLocalError", NameErrorType, "Local name referenced but not bound to a value.");
export const OSErrorType = exceptionType("OSError", ExceptionType, "Base class for I/O related errors.", { basicsize: 112, nfields: 4, init: null, str: osErrorStr }, osErrorNew, osErrorInit);
export const BlockingIOErrorType = exceptionType("BlockingIOError", OSErrorType, "I/O operation would block.");
export const ChildProcessErrorType = exceptionType("ChildProcessError", OSErrorType, "Child process error.");
export const ConnectionErrorType = exceptionType("ConnectionError", OSErrorType, "Connection error.");
export const BrokenPipeErrorType = exceptionType("BrokenPipeError", ConnectionErrorType, "Broken pipe.");
export const ConnectionAbortedErrorType = exceptionType("ConnectionAbortedError", ConnectionErrorType, "Connection aborted.");
export const ConnectionRefusedErrorType = exceptionType("ConnectionRefusedError", ConnectionErrorType, "Connection refused.");
export const ConnectionResetErrorType = exceptionType("ConnectionResetError", ConnectionErrorType, "Connection reset.");
export const FileExistsErrorType = exceptionType("FileExistsError", OSErrorType, "File already exists.");
export const FileNotFoundErrorType = exceptionType("FileNotFoundError", OSErrorType, "File not found.");
export const InterruptedErrorType = exceptionType("InterruptedError", OSErrorType, "Interrupted by signal.");
export const IsADirectoryErrorType = exceptionType("IsADirectoryError", OSErrorType, "Operation doesn't work on directories.");
export const NotADirectoryErrorType = exceptionType("NotADirectoryError", OSErrorType, "Operation only works on directories.");
export const PermissionErrorType = exceptionType("PermissionError", OSErrorType, "Not enough permissions.");
export const ProcessLookupErrorType = exceptionType("ProcessLookupError", OSErrorType, "Process not found.");
export const TimeoutErrorType = exceptionType("TimeoutError", OSErrorType, "Timeout expired.");
export const ReferenceErrorType = exceptionType("ReferenceError", ExceptionType, "Weak ref proxy used after referent went away.");
export const RuntimeErrorType = exceptionType("RuntimeError", ExceptionType, "Unspecified run-time error.");
export const NotImplementedErrorType = exceptionType("NotImplementedError", RuntimeErrorType, "Method or function hasn't been implemented yet.");
export const RecursionErrorType = exceptionType("RecursionError", RuntimeErrorType, "Recursion limit exceeded.");
export const SyntaxErrorType = exceptionType("SyntaxError", ExceptionType, "Invalid syntax.", { basicsize: 136, nfields: 8, init: syntaxErrorInit, str: syntaxErrorStr });
export const IndentationErrorType = exceptionType("IndentationError", SyntaxErrorType, "Improper indentation.");
export const TabErrorType = exceptionType("TabError", IndentationErrorType, "Improper mixture of spaces and tabs.");
export const SystemErrorType = exceptionType(
  "SystemError",
  ExceptionType,
  "Internal error in the Python interpreter.\n\nPlease report this to the Python maintainer, along with the traceback,\nthe Python version, and the hardware/OS platform and version.",
);
export const TypeErrorType = exceptionType("TypeError", ExceptionType, "Inappropriate argument type.");
export const ValueErrorType = exceptionType("ValueError", ExceptionType, "Inappropriate argument value (of correct type).");
export const UnicodeErrorType = exceptionType("UnicodeError", ValueErrorType, "Unicode related error.");
export const UnicodeDecodeErrorType = exceptionType("UnicodeDecodeError", UnicodeErrorType, "Unicode decoding error.", { basicsize: 112, nfields: 3, init: unicodeDecodeErrorInit, str: unicodeDecodeErrorStr });
export const UnicodeEncodeErrorType = exceptionType("UnicodeEncodeError", UnicodeErrorType, "Unicode encoding error.", { basicsize: 112, nfields: 3, init: unicodeEncodeErrorInit, str: unicodeEncodeErrorStr });
export const UnicodeTranslateErrorType = exceptionType("UnicodeTranslateError", UnicodeErrorType, "Unicode translation error.", { basicsize: 112, nfields: 3, init: unicodeTranslateErrorInit, str: unicodeTranslateErrorStr });
export const WarningType = exceptionType("Warning", ExceptionType, "Base class for warning categories.");
export const BytesWarningType = exceptionType("BytesWarning", WarningType, "Base class for warnings about bytes and buffer related problems, mostly\nrelated to conversion from str or comparing to str.");
export const DeprecationWarningType = exceptionType("DeprecationWarning", WarningType, "Base class for warnings about deprecated features.");
export const EncodingWarningType = exceptionType("EncodingWarning", WarningType, "Base class for warnings about encodings.");
export const FutureWarningType = exceptionType("FutureWarning", WarningType, "Base class for warnings about constructs that will change semantically\nin the future.");
export const ImportWarningType = exceptionType("ImportWarning", WarningType, "Base class for warnings about probable mistakes in module imports");
export const PendingDeprecationWarningType = exceptionType("PendingDeprecationWarning", WarningType, "Base class for warnings about features which will be deprecated\nin the future.");
export const ResourceWarningType = exceptionType("ResourceWarning", WarningType, "Base class for warnings about resource usage.");
export const RuntimeWarningType = exceptionType("RuntimeWarning", WarningType, "Base class for warnings about dubious runtime behavior.");
export const SyntaxWarningType = exceptionType("SyntaxWarning", WarningType, "Base class for warnings about dubious syntax.");
export const UnicodeWarningType = exceptionType("UnicodeWarning", WarningType, "Base class for warnings about Unicode related problems, mostly\nrelated to conversion problems.");
export const UserWarningType = exceptionType("UserWarning", WarningType, "Base class for warnings generated by user code.");

/** Every builtin exception type by name, in the order builtins lists them. */
export const BUILTIN_EXCEPTION_TYPES: readonly PyType[] = [
  BaseExceptionType, BaseExceptionGroupType, SystemExitType, KeyboardInterruptType, GeneratorExitType,
  ExceptionType, StopIterationType, StopAsyncIterationType, ArithmeticErrorType, FloatingPointErrorType,
  OverflowErrorType, ZeroDivisionErrorType, AssertionErrorType, AttributeErrorType, BufferErrorType,
  EOFErrorType, ImportErrorType, ModuleNotFoundErrorType, LookupErrorType, IndexErrorType, KeyErrorType,
  MemoryErrorType, NameErrorType, UnboundLocalErrorType, OSErrorType, BlockingIOErrorType,
  ChildProcessErrorType, ConnectionErrorType, BrokenPipeErrorType, ConnectionAbortedErrorType,
  ConnectionRefusedErrorType, ConnectionResetErrorType, FileExistsErrorType, FileNotFoundErrorType,
  InterruptedErrorType, IsADirectoryErrorType, NotADirectoryErrorType, PermissionErrorType,
  ProcessLookupErrorType, TimeoutErrorType, ReferenceErrorType, RuntimeErrorType,
  NotImplementedErrorType, RecursionErrorType, SyntaxErrorType, IndentationErrorType, TabErrorType,
  SystemErrorType, TypeErrorType, ValueErrorType, UnicodeErrorType, UnicodeDecodeErrorType,
  UnicodeEncodeErrorType, UnicodeTranslateErrorType, WarningType, BytesWarningType,
  DeprecationWarningType, EncodingWarningType, FutureWarningType, ImportWarningType,
  PendingDeprecationWarningType, ResourceWarningType, RuntimeWarningType, SyntaxWarningType,
  UnicodeWarningType, UserWarningType,
];

// ---------------------------------------------------------------------------
// BaseException's attributes.

let tracebackCheck: (o: PyObject) => boolean = () => false;

/** The interpreter installs PyTraceBack_Check (tracebacks are its objects). */
export function setTracebackChecker(fn: (o: PyObject) => boolean): void {
  tracebackCheck = fn;
}

function isExceptionInstance(o: PyObject): o is PyBaseException {
  return (o.type.flags & TPFLAGS_BASE_EXC_SUBCLASS) !== 0;
}

addMethods(BaseExceptionType, [
  { name: "__reduce__", kind: "noargs", fn: exceptionReduce },
  { name: "__setstate__", kind: "o", fn: exceptionSetState },
  { name: "with_traceback", kind: "o", fn: withTraceback },
  { name: "add_note", kind: "o", fn: addNote },
]);
addMembers(BaseExceptionType, [
  {
    name: "__suppress_context__",
    get: (o) => newBool((o as PyBaseException).suppressContext),
    set: (o, v) => {
      if (v === null) raise(TypeErrorType, "can't delete numeric/char attribute");
      if (!isBool(v)) raise(TypeErrorType, "attribute value type must be bool");
      (o as PyBaseException).suppressContext = v === True;
    },
  },
]);
addGetSets(BaseExceptionType, [
  { name: "__dict__", get: (o) => objectDictGetSet.get(o), set: (o, v) => objectDictGetSet.set(o, v) },
  {
    name: "args",
    get: (o) => newRef((o as PyBaseException).args),
    set: (o, v) => {
      if (v === null) raise(TypeErrorType, "args may not be deleted");
      const seq = sequenceTuple(v);
      const e = o as PyBaseException;
      const old = e.args;
      e.args = seq;
      decref(old);
    },
  },
  {
    name: "__traceback__",
    get: (o) => newRef((o as PyBaseException).traceback ?? None),
    set: (o, v) => {
      if (v === null) raise(TypeErrorType, "__traceback__ may not be deleted");
      if (v !== None && !tracebackCheck(v)) raise(TypeErrorType, "__traceback__ must be a traceback or None");
      exceptionSetTraceback(o as PyBaseException, v === None ? null : v);
    },
  },
  {
    name: "__context__",
    get: (o) => newRef((o as PyBaseException).context ?? None),
    set: (o, v) => {
      if (v === null) raise(TypeErrorType, "__context__ may not be deleted");
      if (v !== None && !isExceptionInstance(v)) raise(TypeErrorType, "exception context must be None or derive from BaseException");
      exceptionSetContext(o as PyBaseException, v === None ? null : v);
    },
  },
  {
    name: "__cause__",
    get: (o) => newRef((o as PyBaseException).cause ?? None),
    set: (o, v) => {
      if (v === null) raise(TypeErrorType, "__cause__ may not be deleted");
      if (v !== None && !isExceptionInstance(v)) raise(TypeErrorType, "exception cause must be None or derive from BaseException");
      exceptionSetCause(o as PyBaseException, v === None ? null : v);
    },
  },
]);


/** PySequence_Tuple for the args setter. */
function sequenceTuple(v: PyObject): PyTuple {
  if (v.type.flags & TPFLAGS_TUPLE_SUBCLASS) return newRef(v as PyTuple);
  const items: PyObject[] = [];
  const it = getIter(v);
  try {
    for (let x = iterNext(it); x !== null; x = iterNext(it)) items.push(x);
  } catch (e) {
    for (const x of items) decref(x);
    throw e;
  } finally {
    decref(it);
  }
  return tupleFromOwned(items);
}

/** PyException_SetTraceback (borrowed tb, or null). */
export function exceptionSetTraceback(e: PyBaseException, tb: PyObject | null): void {
  const old = e.traceback;
  e.traceback = tb === null ? null : newRef(tb);
  xdecref(old);
}

/** PyException_SetContext (borrowed context, or null). */
export function exceptionSetContext(e: PyBaseException, context: PyObject | null): void {
  const old = e.context;
  e.context = context === null ? null : newRef(context);
  xdecref(old);
}

/** PyException_SetCause (borrowed cause, or null); also sets __suppress_context__. */
export function exceptionSetCause(e: PyBaseException, cause: PyObject | null): void {
  e.suppressContext = true;
  const old = e.cause;
  e.cause = cause === null ? null : newRef(cause);
  xdecref(old);
}

function withTraceback(self: PyObject, tb: PyObject): PyObject {
  if (tb !== None && !tracebackCheck(tb)) raise(TypeErrorType, "__traceback__ must be a traceback or None");
  exceptionSetTraceback(self as PyBaseException, tb === None ? null : tb);
  return newRef(self);
}

function addNote(self: PyObject, note: PyObject): PyObject {
  if (!(note.type.flags & TPFLAGS_UNICODE_SUBCLASS)) raise(TypeErrorType, `note must be a str, not '${note.type.name}'`);
  const key = staticStr("__notes__");
  if (!hasAttr(self, key)) {
    const notes = newList(0);
    try {
      setAttr(self, key, notes);
    } finally {
      decref(notes);
    }
  }
  const notes = getAttr(self, key);
  try {
    if (!isList(notes)) raise(TypeErrorType, "Cannot add note: __notes__ is not a list");
    listAppend(notes, note);
  } finally {
    decref(notes);
  }
  return newRef(None);
}

function exceptionReduce(self: PyObject): PyObject {
  const e = self as PyBaseException;
  incref(e.type);
  incref(e.args);
  if (e.dict !== null && dictLength(e.dict) !== 0) return tupleFromOwned([e.type, e.args, newRef(e.dict)]);
  return tupleFromOwned([e.type, e.args]);
}

function exceptionSetState(self: PyObject, state: PyObject): PyObject {
  if (state !== None) {
    if (!(state.type.flags & (1 << 29))) raise(TypeErrorType, "state is not a dictionary");
    const d = state as PyDict;
    for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) setAttr(self, dictEntry.key as PyStr, dictEntry.value!);
  }
  return newRef(None);
}

// ---------------------------------------------------------------------------
// Families.

/** Parses keyword-only arguments (`names`) of an exception __init__, `|$O...` style. */
function kwOnly(typeLabel: string, kwargs: PyDict | null, names: readonly string[]): (PyObject | null)[] {
  const out: (PyObject | null)[] = names.map(() => null);
  if (kwargs === null) return out;
  for (let pos = dictNext(kwargs, 0); pos >= 0; pos = dictNext(kwargs, pos)) {
    const k = dictEntry.key as PyStr;
    const i = names.indexOf(k.value);
    if (i < 0) raise(TypeErrorType, `'${k.value}' is an invalid keyword argument for ${typeLabel}()`);
    out[i] = dictEntry.value;
  }
  return out;
}

// StopIteration: value
function stopIterationInit(e: PyExceptionWithFields, args: PyTuple, kwargs: PyDict | null): void {
  exceptionInit(e, args, kwargs);
  setField(e, 0, args.items.length > 0 ? args.items[0]! : None);
}
addMembers(StopIterationType, [fieldMember("value", 0)]);

// SystemExit: code
function systemExitInit(e: PyExceptionWithFields, args: PyTuple, kwargs: PyDict | null): void {
  exceptionInit(e, args, kwargs);
  const n = args.items.length;
  if (n === 0) return;
  setField(e, 0, n === 1 ? args.items[0]! : args);
}
addMembers(SystemExitType, [fieldMember("code", 0)]);

// ImportError: msg, name, path
function importErrorInit(e: PyExceptionWithFields, args: PyTuple, kwargs: PyDict | null): void {
  setArgs(e, args);
  const [name, path] = kwOnly("ImportError", kwargs, ["name", "path"]);
  setField(e, 1, name ?? null);
  setField(e, 2, path ?? null);
  setField(e, 0, args.items.length === 1 ? args.items[0]! : null);
}

function importErrorStr(self: PyObject): PyObject {
  const e = self as PyExceptionWithFields;
  const msg = e.fields[0]!;
  if (msg !== null && msg.type === StrType) return newRef(msg);
  return exceptionStr(self);
}
addMembers(ImportErrorType, [fieldMember("msg", 0), fieldMember("name", 1), fieldMember("path", 2)]);

// NameError: name (keyword-only)
function nameErrorInit(e: PyExceptionWithFields, args: PyTuple, kwargs: PyDict | null): void {
  setArgs(e, args);
  const [name] = kwOnly("NameError", kwargs, ["name"]);
  setField(e, 0, name ?? null);
}
addMembers(NameErrorType, [fieldMember("name", 0)]);

// AttributeError: name, obj (keyword-only)
function attributeErrorInit(e: PyExceptionWithFields, args: PyTuple, kwargs: PyDict | null): void {
  setArgs(e, args);
  const [name, obj] = kwOnly("AttributeError", kwargs, ["name", "obj"]);
  setField(e, 0, name ?? null);
  setField(e, 1, obj ?? null);
}
addMembers(AttributeErrorType, [fieldMember("name", 0), fieldMember("obj", 1)]);

// KeyError: str is the repr of a single key.
function keyErrorStr(self: PyObject): PyObject {
  const args = (self as PyBaseException).args.items;
  if (args.length === 1) return objectRepr(args[0]!);
  return exceptionStr(self);
}

// OSError: errno, strerror, filename, filename2 (+ characters_written for BlockingIOError).
const OS_ERRNO = 0, OS_STRERROR = 1, OS_FILENAME = 2, OS_FILENAME2 = 3;
addMembers(OSErrorType, [
  fieldMember("errno", OS_ERRNO),
  fieldMember("strerror", OS_STRERROR),
  fieldMember("filename", OS_FILENAME),
  fieldMember("filename2", OS_FILENAME2),
]);
addGetSets(OSErrorType, [
  {
    name: "characters_written",
    get: (o) => {
      const e = o as PyExceptionWithFields;
      if (e.end < 0 || !charactersWrittenSet.has(e)) raise(AttributeErrorType, "characters_written");
      return newInt(e.end);
    },
    set: (o, v) => {
      const e = o as PyExceptionWithFields;
      if (v === null) {
        if (!charactersWrittenSet.has(e)) raise(AttributeErrorType, "characters_written");
        charactersWrittenSet.delete(e);
        return;
      }
      if (!isInt(v)) raise(TypeErrorType, `'${v.type.name}' object cannot be interpreted as an integer`);
      e.end = Number(intToBigInt(v as PyInt));
      charactersWrittenSet.add(e);
    },
  },
]);
const charactersWrittenSet = new WeakSet<PyObject>();

/** errno → OSError subclass (Objects/exceptions.c errnomap, Linux values). */
const ERRNO_MAP = new Map<number, PyType>([
  [11, BlockingIOErrorType], [114, BlockingIOErrorType], [115, BlockingIOErrorType],
  [32, BrokenPipeErrorType], [108, BrokenPipeErrorType],
  [10, ChildProcessErrorType],
  [103, ConnectionAbortedErrorType],
  [111, ConnectionRefusedErrorType],
  [104, ConnectionResetErrorType],
  [17, FileExistsErrorType],
  [2, FileNotFoundErrorType],
  [21, IsADirectoryErrorType],
  [20, NotADirectoryErrorType],
  [4, InterruptedErrorType],
  [13, PermissionErrorType], [1, PermissionErrorType],
  [3, ProcessLookupErrorType],
  [110, TimeoutErrorType],
]);

function osErrorUseInit(type: PyType): boolean {
  // oserror_use_init: a subclass that overrides __init__ but not __new__ parses in init.
  return type.init !== osErrorInit && type.new_ === osErrorNew;
}

function osErrorParse(e: PyExceptionWithFields, args: PyTuple): void {
  const n = args.items.length;
  if (n >= 2 && n <= 5) {
    setField(e, OS_ERRNO, args.items[0]!);
    setField(e, OS_STRERROR, args.items[1]!);
    if (n >= 3) {
      const filename = args.items[2]!;
      if (filename !== None) {
        if (e.type.isSubtypeOf(BlockingIOErrorType) && isInt(filename)) {
          e.end = Number(intToBigInt(filename as PyInt));
          charactersWrittenSet.add(e);
        } else {
          setField(e, OS_FILENAME, filename);
          if (n >= 5 && args.items[4] !== None) setField(e, OS_FILENAME2, args.items[4]!);
          // Only errno and strerror remain in args when a filename is given.
          const sub = tupleFromBorrowed(args.items.slice(0, 2));
          setArgs(e, sub);
          decref(sub);
          return;
        }
      }
    }
  }
  setArgs(e, args);
}

function osErrorNew(type: PyType, args: PyTuple | null, kwargs: PyDict | null): PyObject {
  let actual = type;
  const a = args ?? EMPTY_TUPLE;
  if (!osErrorUseInit(type)) {
    if (kwargs !== null && dictLength(kwargs) !== 0) raise(TypeErrorType, `${type.name}() takes no keyword arguments`);
    if (type === OSErrorType && a.items.length >= 2 && isInt(a.items[0]!)) {
      const errno = Number(intToBigInt(a.items[0] as PyInt));
      const mapped = ERRNO_MAP.get(errno);
      if (mapped !== undefined) actual = mapped;
    }
  }
  const e = exceptionNew(actual, a) as PyExceptionWithFields;
  if (!osErrorUseInit(type)) osErrorParse(e, a);
  return e;
}

function osErrorInit(self: PyObject, args: PyTuple, kwargs: PyDict | null): void {
  if (!osErrorUseInit(self.type)) return;
  noKeywordsFor(self, kwargs);
  osErrorParse(self as PyExceptionWithFields, args);
}

function osErrorStr(self: PyObject): PyObject {
  const e = self as PyExceptionWithFields;
  const errno = e.fields[OS_ERRNO] ?? None;
  const strerror = e.fields[OS_STRERROR] ?? None;
  const filename = e.fields[OS_FILENAME]!;
  const filename2 = e.fields[OS_FILENAME2]!;
  if (filename !== null) {
    const f1 = objectRepr(filename);
    try {
      if (filename2 !== null) {
        const f2 = objectRepr(filename2);
        try {
          return newStr(`[Errno ${strOf(errno)}] ${strOf(strerror)}: ${f1.value} -> ${f2.value}`);
        } finally {
          decref(f2);
        }
      }
      return newStr(`[Errno ${strOf(errno)}] ${strOf(strerror)}: ${f1.value}`);
    } finally {
      decref(f1);
    }
  }
  if (e.fields[OS_ERRNO] !== null && e.fields[OS_STRERROR] !== null) return newStr(`[Errno ${strOf(errno)}] ${strOf(strerror)}`);
  return exceptionStr(self);
}

function strOf(o: PyObject): string {
  const s = objectStr(o);
  const text = s.value;
  decref(s);
  return text;
}

// SyntaxError: msg, filename, lineno, offset, text, end_lineno, end_offset, print_file_and_line
const SE_MSG = 0, SE_FILENAME = 1, SE_LINENO = 2, SE_OFFSET = 3, SE_TEXT = 4, SE_END_LINENO = 5, SE_END_OFFSET = 6, SE_PFAL = 7;
function syntaxErrorInit(e: PyExceptionWithFields, args: PyTuple, kwargs: PyDict | null): void {
  exceptionInit(e, args, kwargs);
  const n = args.items.length;
  if (n >= 1) setField(e, SE_MSG, args.items[0]!);
  if (n === 2) {
    const info = args.items[1]!;
    const t = sequenceTuple(info);
    try {
      const m = t.items.length;
      if (m < 4) raise(TypeErrorType, `function takes at least 4 arguments (${m} given)`);
      if (m > 6) raise(TypeErrorType, `function takes at most 6 arguments (${m} given)`);
      setField(e, SE_FILENAME, t.items[0]!);
      setField(e, SE_LINENO, t.items[1]!);
      setField(e, SE_OFFSET, t.items[2]!);
      setField(e, SE_TEXT, t.items[3]!);
      setField(e, SE_END_LINENO, m >= 5 ? t.items[4]! : null);
      setField(e, SE_END_OFFSET, m >= 6 ? t.items[5]! : null);
    } finally {
      decref(t);
    }
  }
}
addMembers(SyntaxErrorType, [
  fieldMember("msg", SE_MSG),
  fieldMember("filename", SE_FILENAME),
  fieldMember("lineno", SE_LINENO),
  fieldMember("offset", SE_OFFSET),
  fieldMember("text", SE_TEXT),
  fieldMember("end_lineno", SE_END_LINENO),
  fieldMember("end_offset", SE_END_OFFSET),
  fieldMember("print_file_and_line", SE_PFAL),
]);

function syntaxErrorStr(self: PyObject): PyObject {
  const e = self as PyExceptionWithFields;
  const fn = e.fields[SE_FILENAME]!;
  let filename: string | null = null;
  if (fn !== null && fn.type.flags & TPFLAGS_UNICODE_SUBCLASS) {
    const full = (fn as PyStr).value;
    const slash = full.lastIndexOf("/");
    filename = slash >= 0 ? full.slice(slash + 1) : full;
  }
  const ln = e.fields[SE_LINENO]!;
  const haveLineno = ln !== null && ln.type === IntType;
  const msgText = strOf(e.fields[SE_MSG] ?? None);
  if (filename === null && !haveLineno) return newStr(msgText);
  const lineno = haveLineno ? intToBigInt(ln as PyInt).toString() : "";
  if (filename !== null && haveLineno) return newStr(`${msgText} (${filename}, line ${lineno})`);
  if (filename !== null) return newStr(`${msgText} (${filename})`);
  return newStr(`${msgText} (line ${lineno})`);
}


// UnicodeError family: encoding, object, reason (+ start, end as numbers).
const UE_ENCODING = 0, UE_OBJECT = 1, UE_REASON = 2;
function unicodeErrorMembers(t: PyType): void {
  addMembers(t, [
    fieldMember("encoding", UE_ENCODING),
    fieldMember("object", UE_OBJECT),
    fieldMember("reason", UE_REASON),
  ]);
  addGetSets(t, [
    { name: "start", get: (o) => newInt((o as PyExceptionWithFields).start), set: (o, v) => setIndexField(o, v, true) },
    { name: "end", get: (o) => newInt((o as PyExceptionWithFields).end), set: (o, v) => setIndexField(o, v, false) },
  ]);
}

function setIndexField(o: PyObject, v: PyObject | null, isStart: boolean): void {
  if (v === null) raise(TypeErrorType, "can't delete numeric/char attribute");
  if (!isInt(v)) raise(TypeErrorType, `'${v.type.name}' object cannot be interpreted as an integer`);
  const n = Number(intToBigInt(v as PyInt));
  if (isStart) (o as PyExceptionWithFields).start = n;
  else (o as PyExceptionWithFields).end = n;
}

function parseUnicodeErrorArgs(e: PyExceptionWithFields, args: PyTuple, objectIsBytes: boolean, withEncoding: boolean): void {
  const items = args.items;
  const want = withEncoding ? 5 : 4;
  if (items.length !== want) {
    raise(TypeErrorType, `function takes exactly ${want} arguments (${items.length} given)`);
  }
  let i = 0;
  let encoding: PyObject | null = null;
  if (withEncoding) {
    encoding = items[i++]!;
    if (!(encoding.type.flags & TPFLAGS_UNICODE_SUBCLASS)) raise(TypeErrorType, `argument 1 must be str, not ${encoding.type.name}`);
  }
  const object = items[i++]!;
  if (!objectIsBytes && !(object.type.flags & TPFLAGS_UNICODE_SUBCLASS)) {
    raise(TypeErrorType, `argument ${withEncoding ? 2 : 1} must be str, not ${object.type.name}`);
  }
  if (objectIsBytes && !(object.type.flags & TPFLAGS_BYTES_SUBCLASS)) raise(TypeErrorType, `a bytes-like object is required, not '${object.type.name}'`);
  const start = items[i++]!;
  const end = items[i++]!;
  const reason = items[i++]!;
  if (!isInt(start) || !isInt(end)) raise(TypeErrorType, "'str' object cannot be interpreted as an integer");
  if (!(reason.type.flags & TPFLAGS_UNICODE_SUBCLASS)) raise(TypeErrorType, `argument ${want} must be str, not ${reason.type.name}`);
  setField(e, UE_ENCODING, encoding);
  setField(e, UE_OBJECT, object);
  setField(e, UE_REASON, reason);
  e.start = Number(intToBigInt(start as PyInt));
  e.end = Number(intToBigInt(end as PyInt));
}

function unicodeDecodeErrorInit(e: PyExceptionWithFields, args: PyTuple, kwargs: PyDict | null): void {
  exceptionInit(e, args, kwargs);
  parseUnicodeErrorArgs(e, args, true, true);
}

function unicodeDecodeErrorStr(self: PyObject): PyObject {
  const e = self as PyExceptionWithFields;
  const obj = e.fields[UE_OBJECT]!;
  if (obj === null) return newStr("");
  const reason = strOf(e.fields[UE_REASON] ?? None);
  const encoding = strOf(e.fields[UE_ENCODING] ?? None);
  // bytes.ts's PyBytes keeps its content in `data`.
  const data = (obj as PyObject & { data: Uint8Array }).data;
  if (e.start < data.length && e.end === e.start + 1) {
    const byte = data[e.start]!;
    return newStr(`'${encoding}' codec can't decode byte 0x${byte.toString(16).padStart(2, "0")} in position ${e.start}: ${reason}`);
  }
  return newStr(`'${encoding}' codec can't decode bytes in position ${e.start}-${e.end - 1}: ${reason}`);
}

function unicodeEncodeErrorInit(e: PyExceptionWithFields, args: PyTuple, kwargs: PyDict | null): void {
  exceptionInit(e, args, kwargs);
  parseUnicodeErrorArgs(e, args, false, true);
}

function unicodeEncodeErrorStr(self: PyObject): PyObject {
  return unicodeCharErrorStr(self as PyExceptionWithFields, true);
}

function unicodeTranslateErrorInit(e: PyExceptionWithFields, args: PyTuple, kwargs: PyDict | null): void {
  exceptionInit(e, args, kwargs);
  parseUnicodeErrorArgs(e, args, false, false);
}

function unicodeTranslateErrorStr(self: PyObject): PyObject {
  return unicodeCharErrorStr(self as PyExceptionWithFields, false);
}
unicodeErrorMembers(UnicodeDecodeErrorType);
unicodeErrorMembers(UnicodeEncodeErrorType);
unicodeErrorMembers(UnicodeTranslateErrorType);

function codePointsOf(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

function unicodeCharErrorStr(e: PyExceptionWithFields, encode: boolean): PyObject {
  const obj = e.fields[UE_OBJECT]!;
  if (obj === null) return newStr("");
  const reason = strOf(e.fields[UE_REASON] ?? None);
  const prefix = encode ? `'${strOf(e.fields[UE_ENCODING] ?? None)}' codec can't encode` : "can't translate";
  const cps = codePointsOf((obj as PyStr).value);
  if (e.start < cps.length && e.end === e.start + 1) {
    const c = cps[e.start]!;
    const esc = c <= 0xff ? `\\x${c.toString(16).padStart(2, "0")}` : c <= 0xffff ? `\\u${c.toString(16).padStart(4, "0")}` : `\\U${c.toString(16).padStart(8, "0")}`;
    return newStr(`${prefix} character '${esc}' in position ${e.start}: ${reason}`);
  }
  return newStr(`${prefix} characters in position ${e.start}-${e.end - 1}: ${reason}`);
}

// BaseExceptionGroup: message, exceptions (the full group semantics are the interpreter's).
/** BaseExceptionGroup_init: the fields were set by __new__; only args are (re)kept. */
function groupInit(e: PyExceptionWithFields, args: PyTuple, kwargs: PyDict | null): void {
  exceptionInit(e, args, kwargs);
}

function groupStr(self: PyObject): PyObject {
  const e = self as PyExceptionWithFields;
  const msg = strOf(e.fields[0] ?? None);
  const excs = e.fields[1]!;
  const n = excs !== null && excs.type.flags & TPFLAGS_TUPLE_SUBCLASS ? (excs as PyTuple).items.length : 0;
  return newStr(`${msg} (${n} sub-exception${n === 1 ? "" : "s"})`);
}

/** BaseExceptionGroup_new: (message, exceptions); a group of Exceptions becomes an ExceptionGroup. */
function groupNew(type: PyType, args: PyTuple | null, kwargs: PyDict | null): PyObject {
  const a = args ?? EMPTY_TUPLE;
  const items = a.items;
  if (items.length !== 2) {
    raise(TypeErrorType, `BaseExceptionGroup.__new__() takes exactly 2 arguments (${items.length} given)`);
  }
  const message = items[0]!;
  if (!(message.type.flags & TPFLAGS_UNICODE_SUBCLASS)) {
    raise(TypeErrorType, `BaseExceptionGroup.__new__() argument 1 must be str, not ${message.type.name}`);
  }
  const given = items[1]!;
  if (given.type.sqItem === null || given.type.flags & (1 << 29)) raise(TypeErrorType, "second argument (exceptions) must be a sequence");
  const excs = sequenceTuple(given);
  try {
    if (excs.items.length === 0) raise(ValueErrorType, "second argument (exceptions) must be a non-empty sequence");
    let nestedBase = false;
    excs.items.forEach((x, i) => {
      if (!isExceptionInstance(x)) raise(ValueErrorType, `Item ${i} of second argument (exceptions) is not an exception`);
      if (!x.type.isSubtypeOf(ExceptionType)) nestedBase = true;
    });
    let cls = type;
    const group = exceptionGroupType();
    if (cls === group) {
      if (nestedBase) raise(TypeErrorType, "Cannot nest BaseExceptions in an ExceptionGroup");
    } else if (cls === BaseExceptionGroupType && !nestedBase) {
      cls = group;
    }
    const e = exceptionNew(cls, a) as PyExceptionWithFields;
    setField(e, 0, message);
    setField(e, 1, excs);
    void kwargs;
    return e;
  } finally {
    decref(excs);
  }
}

let exceptionGroup: PyType | null = null;

/**
 * ExceptionGroup(BaseExceptionGroup, Exception): a heap type in CPython too (made with
 * PyErr_NewException), built on first use and kept for good like a static type.
 */
export function exceptionGroupType(): PyType {
  if (exceptionGroup !== null) return exceptionGroup;
  const d = newDict();
  const module = newStr("builtins");
  dictSetItem(d, staticStr("__module__"), module);
  decref(module);
  const bases = tupleFromBorrowed([BaseExceptionGroupType, ExceptionType]);
  const name = newStr("ExceptionGroup");
  const args = tupleFromBorrowed([name, bases, d]);
  decref(name);
  decref(bases);
  decref(d);
  try {
    exceptionGroup = typeNew(TypeType, args, null) as PyType;
  } finally {
    decref(args);
  }
  const t = exceptionGroup;
  for (const o of [t, t.dict, t.mro, t.bases, t.htName, t.htQualname]) if (o !== null) makeObjectStatic(o);
  const dict = t.dict as PyDict;
  for (let pos = dictNext(dict, 0); pos >= 0; pos = dictNext(dict, pos)) {
    const v = dictEntry.value!;
    if (v.type.flags & TPFLAGS_HAVE_GC) makeObjectStatic(v);
  }
  return t;
}

export function isExceptionGroup(o: PyObject): o is PyExceptionWithFields {
  return o.type.isSubtypeOf(BaseExceptionGroupType) && o instanceof PyExceptionWithFields;
}

/** The nested exceptions tuple of a group (borrowed). */
export function groupExceptions(eg: PyExceptionWithFields): PyTuple {
  return eg.fields[1] as PyTuple;
}

const MATCH_BY_TYPE = 0, MATCH_BY_PREDICATE = 1, MATCH_INSTANCES = 2;

function matcherType(value: PyObject): number {
  if (isFunctionLike(value)) return MATCH_BY_PREDICATE;
  if (isExceptionClass(value)) return MATCH_BY_TYPE;
  if (value.type === TupleType && (value as PyTuple).items.every(isExceptionClass)) return MATCH_BY_TYPE;
  raise(TypeErrorType, "expected a function, exception type or tuple of exception types");
}

function isExceptionClass(o: PyObject): boolean {
  return o instanceof PyType && o.isSubtypeOf(BaseExceptionType);
}

function checkMatch(exc: PyObject, kind: number, value: PyObject | Set<PyObject>): boolean {
  if (kind === MATCH_BY_TYPE) return exceptionMatches(exc, value as PyObject);
  if (kind === MATCH_BY_PREDICATE) {
    const r = callOneArg(value as PyObject, exc);
    try {
      return isTrue(r);
    } finally {
      decref(r);
    }
  }
  return !isExceptionGroup(exc) && (value as Set<PyObject>).has(exc);
}

/** exceptiongroup_subset: `excs` re-wrapped by derive(), with orig's metadata and notes copied. */
function groupSubset(orig: PyExceptionWithFields, excs: PyObject[]): PyObject | null {
  if (excs.length === 0) return null;
  const list = listFromBorrowed(excs);
  let eg: PyObject;
  try {
    eg = callMethod(orig, staticStr("derive"), [list]);
  } finally {
    decref(list);
  }
  if (!isExceptionGroup(eg)) {
    decref(eg);
    raise(TypeErrorType, "derive must return an instance of BaseExceptionGroup");
  }
  if (orig.traceback !== null) exceptionSetTraceback(eg, orig.traceback);
  exceptionSetContext(eg, orig.context);
  exceptionSetCause(eg, orig.cause);
  eg.suppressContext = orig.suppressContext;
  const notesName = staticStr("__notes__");
  const notes = lookupAttr(orig, notesName);
  if (notes !== null) {
    try {
      if (notes.type.sqItem !== null) {
        const copy = listFromIterable(notes);
        setAttr(eg, notesName, copy);
        decref(copy);
      }
    } finally {
      decref(notes);
    }
  }
  return eg;
}

function listFromIterable(o: PyObject): PyObject {
  const t = sequenceTuple(o);
  const l = listFromBorrowed(t.items);
  decref(t);
  return l;
}

/** exceptiongroup_split_recursive: [match, rest] (new references or null). */
function splitRecursive(exc: PyObject, kind: number, value: PyObject | Set<PyObject>, constructRest: boolean): [PyObject | null, PyObject | null] {
  if (checkMatch(exc, kind, value)) return [newRef(exc), null];
  if (!isExceptionGroup(exc)) return [null, constructRest ? newRef(exc) : null];
  const matches: PyObject[] = [];
  const rests: PyObject[] = [];
  try {
    for (const e of groupExceptions(exc).items) {
      const [m, r] = splitRecursive(e, kind, value, constructRest);
      if (m !== null) matches.push(m);
      if (r !== null) rests.push(r);
    }
    const match = groupSubset(exc, matches);
    let rest: PyObject | null = null;
    try {
      if (constructRest) rest = groupSubset(exc, rests);
    } catch (e) {
      if (match !== null) decref(match);
      throw e;
    }
    return [match, rest];
  } finally {
    for (const o of matches) decref(o);
    for (const o of rests) decref(o);
  }
}

function groupDerive(self: PyObject, excs: PyObject): PyObject {
  const e = self as PyExceptionWithFields;
  return callObject(BaseExceptionGroupType, [e.fields[0] ?? None, excs], 0, 2, null);
}

function groupSplit(self: PyObject, condition: PyObject): PyObject {
  const [m, r] = splitRecursive(self, matcherType(condition), condition, true);
  return tupleFromOwned([m ?? newRef(None), r ?? newRef(None)]);
}

function groupSubgroup(self: PyObject, condition: PyObject): PyObject {
  const [m] = splitRecursive(self, matcherType(condition), condition, false);
  return m ?? newRef(None);
}

function collectLeaves(e: PyObject, leaves: Set<PyObject>): void {
  if (e === None) return;
  if (!isExceptionGroup(e)) {
    leaves.add(e);
    return;
  }
  for (const x of groupExceptions(e).items) collectLeaves(x, leaves);
}

function sameMetadata(a: PyBaseException, b: PyBaseException): boolean {
  return a.notes === b.notes && a.traceback === b.traceback && a.cause === b.cause && a.context === b.context;
}

/**
 * _PyExc_PrepReraiseStar: what a try/except* raises at its end. `orig` is the caught
 * exception, `excs` what the except* clauses raised or re-raised (None entries skipped).
 * Returns a new reference (None when nothing is left to raise).
 */
export function prepReraiseStar(orig: PyBaseException, excs: readonly PyObject[]): PyObject {
  if (excs.length === 0) return newRef(None);
  if (!isExceptionGroup(orig)) return newRef(excs[0]!);
  const raised: PyObject[] = [];
  const reraised: PyObject[] = [];
  for (const e of excs) {
    if (e === None) continue;
    (sameMetadata(e as PyBaseException, orig) ? reraised : raised).push(e);
  }
  const leaves = new Set<PyObject>();
  for (const e of reraised) collectLeaves(e, leaves);
  const [projected] = splitRecursive(orig, MATCH_INSTANCES, leaves, false);
  const reraisedEg = projected ?? newRef(None);
  if (raised.length === 0) return reraisedEg;
  if (reraisedEg !== None) raised.push(reraisedEg);
  const list = listFromBorrowed(raised);
  decref(reraisedEg);
  const message = newStr("");
  try {
    return callObject(BaseExceptionGroupType, [message, list], 0, 2, null);
  } finally {
    decref(message);
    decref(list);
  }
}

addMethods(BaseExceptionGroupType, [
  { name: "derive", kind: "o", fn: groupDerive },
  { name: "split", kind: "o", fn: groupSplit },
  { name: "subgroup", kind: "o", fn: groupSubgroup },
]);
addMembers(BaseExceptionGroupType, [fieldMember("message", 0, false), fieldMember("exceptions", 1, false)]);

// ---------------------------------------------------------------------------
// Raising.

/**
 * A new exception instance of `type` with `args` (new reference; takes over `args`), with
 * the family's fields filled as its __init__ would from these args.
 */
export function newExceptionFromOwnedArgs(type: PyType, args: PyTuple): PyBaseException {
  if (type === OSErrorType || type.isSubtypeOf(OSErrorType)) {
    try {
      const e = osErrorNew(type, args, null) as PyBaseException;
      return e;
    } finally {
      decref(args);
    }
  }
  const e = allocException(type, args);
  const fam = familyOf(type);
  if (fam !== null && fam.init !== null && e instanceof PyExceptionWithFields) {
    try {
      fam.init(e, args, null);
    } catch (err) {
      decref(e);
      throw err;
    }
  }
  return e;
}

/** PyErr_SetString + return NULL, as one throw: `raise(TypeErrorType, "message")`. */
export function raise(type: PyType, message: string): never {
  throw new PyRaise(newExceptionFromOwnedArgs(type, tupleFromOwned([newStr(message)])));
}

/** PyErr_SetObject(type, value): an exception whose single argument is `value` (borrowed). */
export function raiseWithValue(type: PyType, value: PyObject): never {
  incref(value);
  throw new PyRaise(newExceptionFromOwnedArgs(type, tupleFromOwned([value])));
}

/** Raises an exception object, taking over the caller's reference to it. */
export function raiseOwned(exception: PyBaseException): never {
  throw new PyRaise(exception);
}

/**
 * AttributeError with the name and obj attributes set (set_attribute_error_context), which
 * the traceback printer uses for its "Did you mean" suggestion.
 */
export function raiseAttributeError(obj: PyObject, name: PyStr, message: string): never {
  const e = newExceptionFromOwnedArgs(AttributeErrorType, tupleFromOwned([newStr(message)])) as PyExceptionWithFields;
  setField(e, 0, name);
  setField(e, 1, obj);
  throw new PyRaise(e);
}

/** PyErr_GivenExceptionMatches: `type` may be a tuple of types. */
export function exceptionMatches(exc: PyObject, type: PyObject): boolean {
  if (type.type.flags & TPFLAGS_TUPLE_SUBCLASS) {
    for (const t of (type as PyTuple).items) if (exceptionMatches(exc, t)) return true;
    return false;
  }
  const et = isExceptionInstance(exc) ? exc.type : exc;
  if (!(type instanceof PyType) || !(et instanceof PyType)) return exc === type;
  return et.isSubtypeOf(type);
}

/** The name/obj of an AttributeError (for "Did you mean"), or null. */
export function attributeErrorContext(e: PyBaseException): { name: PyObject | null; obj: PyObject | null } {
  if (!(e instanceof PyExceptionWithFields) || !e.type.isSubtypeOf(AttributeErrorType)) return { name: null, obj: null };
  return { name: e.fields[0] ?? null, obj: e.fields[1] ?? null };
}

/** NameError.name (for "Did you mean"), or null. */
export function nameErrorName(e: PyBaseException): PyObject | null {
  if (!(e instanceof PyExceptionWithFields) || !e.type.isSubtypeOf(NameErrorType)) return null;
  return e.fields[0] ?? null;
}

/** Sets NameError.name on an exception the interpreter raised. */
export function setNameErrorName(e: PyBaseException, name: PyObject): void {
  if (e instanceof PyExceptionWithFields && e.type.isSubtypeOf(NameErrorType)) setField(e, 0, name);
}

/** StopIteration.value of an exception (borrowed; None when unset). */
export function stopIterationValue(e: PyBaseException): PyObject {
  if (e instanceof PyExceptionWithFields && e.type.isSubtypeOf(StopIterationType)) return e.fields[0] ?? None;
  return None;
}

/** SystemExit.code (borrowed; None when unset). */
export function systemExitCode(e: PyBaseException): PyObject {
  if (e instanceof PyExceptionWithFields && e.type.isSubtypeOf(SystemExitType)) return e.fields[0] ?? None;
  return None;
}

/** The dict entry of __notes__, if any (borrowed), for the traceback printer. */
export function exceptionNotes(e: PyBaseException): PyObject | null {
  return e.dict === null ? null : dictGetItemStr(e.dict, staticStr("__notes__"));
}

// ---------------------------------------------------------------------------
// Warnings (Python/_warnings.c PyErr_WarnEx): the modules layer installs the real machinery.

/** (category, message, stacklevel); may throw a PyRaise when warnings are errors. */
export type WarningHandler = (category: PyType, message: string, stacklevel: number) => void;

let warningHandler: WarningHandler | null = null;

export function setWarningHandler(fn: WarningHandler | null): void {
  warningHandler = fn;
}

/** PyErr_WarnEx: ignored until the warnings module installs its handler. */
export function warn(category: PyType, message: string, stacklevel = 1): void {
  if (warningHandler !== null) warningHandler(category, message, stacklevel);
}
