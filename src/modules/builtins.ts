// Python/bltinmodule.c (3.11): builtin_methods, _PyBuiltin_Init; Python/pylifecycle.c's
// add of the site builtins; Objects/exceptions.c: _PyBuiltins_AddExceptions.
//
// Assembles the builtins module: its functions (builtin function objects bound to the
// module, as `<built-in function len>`), the constants, the builtin types and the exception
// classes, in the order CPython's builtins dict has them.

import type { PyObject } from "../runtime/object.js";
import "../runtime/genericaliasobject.js";
import { decref } from "../runtime/refcount.js";
import { dictSetItem, DictType } from "../runtime/dict.js";
import { newModule, type PyModule } from "../runtime/moduleobject.js";
import { newCFunction } from "../runtime/methodobject.js";
import { newStr, staticStr } from "../runtime/str.js";
import { None, NotImplemented, Ellipsis } from "../runtime/singletons.js";
import { True, False, BoolType, IntType } from "../runtime/int.js";
import { FloatType } from "../runtime/float.js";
import { ComplexType } from "../runtime/complex.js";
import { StrType } from "../runtime/str.js";
import { BytesType } from "../runtime/bytes.js";
import { ByteArrayType } from "../runtime/bytearray.js";
import { MemoryViewType } from "../runtime/memoryobject.js";
import { TupleType } from "../runtime/tuple.js";
import { ListType, listSort, sequenceList, type PyList } from "../runtime/list.js";
import { SetType, FrozenSetType } from "../runtime/set.js";
import { RangeType } from "../runtime/rangeobject.js";
import { SliceType } from "../runtime/sliceobject.js";
import { EnumType, ReversedType } from "../runtime/enumobject.js";
import { PropertyType, StaticMethodType, ClassMethodType } from "../runtime/funcdescr.js";
import { ObjectType, TypeType } from "../runtime/typeroots.js";
import { setSortedListFactory } from "../runtime/abstract.js";
import * as E from "../runtime/exceptions.js";
import type { PyType } from "../runtime/type.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { OBJECT_BUILTINS } from "./bltin_object.js";
import { NUMERIC_BUILTINS } from "./bltin_numeric.js";
import { ITER_BUILTINS } from "./bltin_iter.js";
import { IO_BUILTINS, OPEN_BUILTIN } from "./bltin_io.js";
import { COMPILE_BUILTINS } from "./bltin_compile.js";
import { BUILD_CLASS_BUILTIN } from "./bltin_class.js";
import { SITE_BUILTIN_FUNCTIONS, siteBuiltins } from "./bltin_site.js";
import { IMPORT_BUILTIN, originalImport } from "./importer.js";
import { ZipType, MapType, FilterType } from "./bltin_iterators.js";
import { SuperType } from "./super.js";

const BUILTINS_DOC =
  "Built-in functions, types, exceptions, and other objects.\n\nThis module provides direct access to all 'built-in'\nidentifiers of Python; for example, builtins.len is\nthe full name for the built-in function len().\n\nThis module is not normally accessed explicitly by most\napplications, but can be useful in modules that provide\nobjects with the same name as a built-in value, but in\nwhich the built-in of that name is also needed.";

/** builtin_methods, in bltinmodule.c's order (which is the builtins dict's order). */
const METHOD_ORDER = [
  "__build_class__", "__import__", "abs", "all", "any", "ascii", "bin", "breakpoint", "callable",
  "chr", "compile", "delattr", "dir", "divmod", "eval", "exec", "format", "getattr", "globals",
  "hasattr", "hash", "hex", "id", "input", "isinstance", "issubclass", "iter", "aiter", "len",
  "locals", "max", "min", "next", "anext", "oct", "ord", "pow", "print", "repr", "round",
  "setattr", "sorted", "sum", "vars",
];

const ALL_DEFS: readonly MethodDef[] = [
  BUILD_CLASS_BUILTIN, IMPORT_BUILTIN, ...OBJECT_BUILTINS, ...NUMERIC_BUILTINS, ...ITER_BUILTINS,
  ...IO_BUILTINS, ...COMPILE_BUILTINS, ...SITE_BUILTIN_FUNCTIONS,
];

function orderedDefs(): MethodDef[] {
  const byName = new Map(ALL_DEFS.map((d) => [d.name, d] as const));
  return METHOD_ORDER.map((name) => {
    const def = byName.get(name);
    if (def === undefined) throw new Error(`heapscope internal error: builtin ${name} is missing`);
    return def;
  });
}

/** The exception classes in _PyBuiltins_AddExceptions' order. */
const EXCEPTION_ORDER: readonly PyType[] = [
  E.BaseExceptionType, E.BaseExceptionGroupType, E.ExceptionType, E.GeneratorExitType,
  E.KeyboardInterruptType, E.SystemExitType, E.ArithmeticErrorType, E.AssertionErrorType,
  E.AttributeErrorType, E.BufferErrorType, E.EOFErrorType, E.ImportErrorType, E.LookupErrorType,
  E.MemoryErrorType, E.NameErrorType, E.OSErrorType, E.ReferenceErrorType, E.RuntimeErrorType,
  E.StopAsyncIterationType, E.StopIterationType, E.SyntaxErrorType, E.SystemErrorType,
  E.TypeErrorType, E.ValueErrorType, E.WarningType, E.FloatingPointErrorType, E.OverflowErrorType,
  E.ZeroDivisionErrorType, E.BytesWarningType, E.DeprecationWarningType, E.EncodingWarningType,
  E.FutureWarningType, E.ImportWarningType, E.PendingDeprecationWarningType,
  E.ResourceWarningType, E.RuntimeWarningType, E.SyntaxWarningType, E.UnicodeWarningType,
  E.UserWarningType, E.BlockingIOErrorType, E.ChildProcessErrorType, E.ConnectionErrorType,
  E.FileExistsErrorType, E.FileNotFoundErrorType, E.InterruptedErrorType,
  E.IsADirectoryErrorType, E.NotADirectoryErrorType, E.PermissionErrorType,
  E.ProcessLookupErrorType, E.TimeoutErrorType, E.IndentationErrorType, E.IndexErrorType,
  E.KeyErrorType, E.ModuleNotFoundErrorType, E.NotImplementedErrorType, E.RecursionErrorType,
  E.UnboundLocalErrorType, E.UnicodeErrorType, E.BrokenPipeErrorType,
  E.ConnectionAbortedErrorType, E.ConnectionRefusedErrorType, E.ConnectionResetErrorType,
  E.TabErrorType, E.UnicodeDecodeErrorType, E.UnicodeEncodeErrorType, E.UnicodeTranslateErrorType,
];

/**
 * Builtin types that other engineers provide later (memoryview, ExceptionGroup): they call
 * this before the interpreter is created and the name is added after its neighbours.
 */
const lateBuiltins = new Map<string, PyObject>();

export function registerBuiltinObject(name: string, value: PyObject): void {
  lateBuiltins.set(name, value);
}

/** PySequence_List + list.sort(), for dir() (installed into abstract.ts). */
function sortedList(iterable: PyObject): PyObject {
  const l = sequenceList(iterable);
  try {
    listSort(l as PyList, null, false);
  } catch (e) {
    decref(l);
    throw e;
  }
  return l;
}

/** _PyBuiltin_Init + the site additions: the builtins module (new reference). */
export function createBuiltinsModule(): PyModule {
  setSortedListFactory(sortedList);
  const m = newModule("builtins", "built-in");
  const d = m.dict!;
  const set = (name: string, value: PyObject): void => {
    dictSetItem(d, staticStr(name), value);
  };
  const doc = newStr(BUILTINS_DOC);
  set("__doc__", doc);
  decref(doc);
  const pkg = newStr("");
  set("__package__", pkg);
  decref(pkg);
  const moduleName = newStr("builtins");
  for (const def of orderedDefs()) {
    const f = newCFunction(def, m, moduleName);
    set(def.name, f);
    if (def === IMPORT_BUILTIN) originalImport.fn = f;
    decref(f);
  }
  decref(moduleName);
  set("None", None);
  set("Ellipsis", Ellipsis);
  set("NotImplemented", NotImplemented);
  set("False", False);
  set("True", True);
  set("bool", BoolType);
  set("memoryview", lateBuiltins.get("memoryview") ?? MemoryViewType);
  set("bytearray", ByteArrayType);
  set("bytes", BytesType);
  set("classmethod", ClassMethodType);
  set("complex", ComplexType);
  set("dict", DictType);
  set("enumerate", EnumType);
  set("filter", FilterType);
  set("float", FloatType);
  set("frozenset", FrozenSetType);
  set("property", PropertyType);
  set("int", IntType);
  set("list", ListType);
  set("map", MapType);
  set("object", ObjectType);
  set("range", RangeType);
  set("reversed", ReversedType);
  set("set", SetType);
  set("slice", SliceType);
  set("staticmethod", StaticMethodType);
  set("str", StrType);
  set("super", SuperType);
  set("tuple", TupleType);
  set("type", TypeType);
  set("zip", ZipType);
  set("__debug__", True);
  for (const t of EXCEPTION_ORDER) set(t.name, t);
  set("ExceptionGroup", lateBuiltins.get("ExceptionGroup") ?? E.exceptionGroupType());
  set("EnvironmentError", E.OSErrorType);
  set("IOError", E.OSErrorType);
  for (const [name, value] of lateBuiltins) {
    if (name !== "memoryview" && name !== "ExceptionGroup") set(name, value);
  }
  // io.open: a function of the io module, not bound to builtins.
  const ioName = newStr("io");
  const open = newCFunction(OPEN_BUILTIN, null, ioName);
  decref(ioName);
  set("open", open);
  decref(open);
  for (const [name, value] of siteBuiltins()) {
    set(name, value);
    decref(value);
  }
  return m;
}
