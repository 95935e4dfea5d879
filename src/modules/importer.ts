// Python/import.c (3.11): PyImport_ImportModuleLevelObject, resolve_name, import_get_module,
// PyImport_GetModule; Lib/importlib/_bootstrap.py: _find_and_load_unlocked, _handle_fromlist
// (the builtin and frozen finders only); Python/ceval.c: import_from, import_all_from.
//
// Modules come from two registries and nowhere else (Python code never reads host files):
// modules written in TypeScript (created by their init function) and modules written in
// Python that ship with heapscope (compiled and run in a fresh module). Everything else is
// `ModuleNotFoundError: No module named 'x'`.

import type { PyObject } from "../runtime/object.js";
import { decref, newRef } from "../runtime/refcount.js";
import {
  raise, raiseOwned, TypeErrorType, ValueErrorType, KeyErrorType,
  ImportErrorType, ModuleNotFoundErrorType, AttributeErrorType, SystemErrorType, IndexErrorType,
  PyRaise, type PyBaseException,
} from "../runtime/exceptions.js";
import { getAttr, isTrue, lookupAttr, setAttr, getIter, iterNext, sequenceGetItem, setItem, callObject } from "../runtime/abstract.js";
import { isStr, newStr, type PyStr } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import { dictDelItemIfPresent, dictGetItem, dictGetItemStr, dictSetItem, isDict, DictType, type PyDict } from "../runtime/dict.js";
import { listFromOwned } from "../runtime/list.js";
import { newModule, type PyModule } from "../runtime/moduleobject.js";
import type { PyTuple } from "../runtime/tuple.js";
import { intToBigInt, isInt } from "../runtime/int.js";
import { parseArgs } from "../runtime/getargs.js";
import type { MethodDef } from "../runtime/methoddef.js";
import type { Frame } from "../python/frame.js";
import { interp, builtinModuleRegistry, pythonModuleRegistry, type Interpreter } from "./interp_state.js";
import { asCInt, id, isPyError, clearError } from "./bltin_util.js";
import { compileFileSource, evalCode } from "./bltin_compile.js";
import { frameLocals, mappingKeys } from "./bltin_object.js";

/** An ImportError (or subclass) with its `name` attribute, as PyErr_SetImportError makes. */
function importError(type: typeof ImportErrorType, message: string, name: string | null, suppressContext = false): never {
  const msg = newStr(message);
  const exc = callObject(type, [msg], 0, 1, null);
  // `raise ... from None` in importlib.
  if (suppressContext) (exc as PyBaseException).suppressContext = true;
  decref(msg);
  if (name !== null) {
    const n = newStr(name);
    try {
      setAttr(exc, id("name"), n);
    } finally {
      decref(n);
    }
  }
  raiseOwned(exc as never);
}

/** import_get_module: sys.modules[name] (new reference) or null. */
export function getModule(name: PyStr): PyObject | null {
  const modules = interp().modules;
  const m = dictGetItem(modules, name);
  return m === null ? null : newRef(m);
}

/** The file name a Python module's code is compiled under (shown in tracebacks). */
export function pythonModuleFilename(name: string): string {
  return `<frozen ${name}>`;
}

function isPackageName(name: string): boolean {
  const entry = pythonModuleRegistry.get(name);
  if (entry !== undefined && entry.isPackage) return true;
  const prefix = name + ".";
  for (const n of builtinModuleRegistry.keys()) if (n.startsWith(prefix)) return true;
  for (const n of pythonModuleRegistry.keys()) if (n.startsWith(prefix)) return true;
  return false;
}

/** Runs a registered Python module's source in a new module already in sys.modules. */
function loadPythonModule(it: Interpreter, name: string, source: string, nameObj: PyStr): PyObject {
  const m = newModule(name, "frozen");
  const d = m.dict!;
  const parent = name.lastIndexOf(".") >= 0 ? name.slice(0, name.lastIndexOf(".")) : "";
  const isPackage = isPackageName(name);
  const pkg = newStr(isPackage ? name : parent);
  dictSetItem(d, id("__package__"), pkg);
  decref(pkg);
  if (isPackage) {
    const path = listFromOwned([]);
    dictSetItem(d, id("__path__"), path);
    decref(path);
  }
  dictSetItem(d, id("__builtins__"), it.builtins);
  const filename = pythonModuleFilename(name);
  it.sources.set(filename, source);
  dictSetItem(it.modules, nameObj, m);
  try {
    const code = compileFileSource(source, filename);
    try {
      decref(evalCode(code, d, d));
    } finally {
      decref(code);
    }
  } catch (e) {
    // _bootstrap._load_unlocked: a module that failed to run is not left in sys.modules.
    dictDelItemIfPresent(it.modules, nameObj);
    decref(m);
    throw e;
  }
  // The module object sys.modules holds at the end is the result (a module may replace itself).
  decref(m);
  const final = dictGetItem(it.modules, nameObj);
  if (final === null) importError(ImportErrorType, `Loaded module ${name} not found in sys.modules`, name);
  return newRef(final);
}

function loadBuiltinModule(it: Interpreter, name: string, nameObj: PyStr): PyObject {
  const init = builtinModuleRegistry.get(name)!;
  const m = init(it);
  if (isPackageName(name)) {
    const d = (m as PyModule).dict;
    if (d !== null && dictGetItemStr(d, id("__path__")) === null) {
      const path = listFromOwned([]);
      dictSetItem(d, id("__path__"), path);
      decref(path);
    }
  }
  dictSetItem(it.modules, nameObj, m);
  return m;
}

/** _find_and_load_unlocked: `name` is absolute and not (usefully) in sys.modules. */
function findAndLoad(name: string, nameObj: PyStr): PyObject {
  const it = interp();
  // name.rpartition('.')[0]: ".a" has no parent either.
  const lastDot = name.lastIndexOf(".");
  const dot = lastDot > 0 ? lastDot : -1;
  let parentModule: PyObject | null = null;
  const child = name.slice(dot + 1);
  if (dot >= 0) {
    const parent = name.slice(0, dot);
    const parentObj = newStr(parent);
    try {
      if (dictGetItem(it.modules, parentObj) === null) decref(importModuleLevel(parentObj, null, null, 0));
      // Importing the parent may have imported the child.
      const already = dictGetItem(it.modules, nameObj);
      if (already !== null) return newRef(already);
      parentModule = dictGetItem(it.modules, parentObj);
      if (parentModule === null) importError(ModuleNotFoundErrorType, `No module named '${name}'`, name);
      const path = lookupAttr(parentModule, id("__path__"));
      if (path === null) importError(ModuleNotFoundErrorType, `No module named '${name}'; '${parent}' is not a package`, name, true);
      decref(path);
    } finally {
      decref(parentObj);
    }
  }
  let module: PyObject;
  const pySource = pythonModuleRegistry.get(name);
  if (builtinModuleRegistry.has(name)) module = loadBuiltinModule(it, name, nameObj);
  else if (pySource !== undefined) module = loadPythonModule(it, name, pySource.source, nameObj);
  else importError(ModuleNotFoundErrorType, `No module named '${name}'`, name);
  if (dot >= 0) {
    const parentName = newStr(name.slice(0, dot));
    const parent = dictGetItem(it.modules, parentName);
    decref(parentName);
    if (parent !== null) {
      const childObj = newStr(child);
      try {
        setAttr(parent, childObj, module);
      } catch (e) {
        // _bootstrap only warns (ImportWarning) when the parent refuses the attribute.
        if (!isPyError(e, AttributeErrorType)) throw e;
        clearError(e);
      } finally {
        decref(childObj);
      }
    }
  }
  return module;
}

/** resolve_name: the absolute name of a relative import. */
function resolveName(name: PyStr, globals: PyObject | null, level: number): string {
  if (globals === null) raise(KeyErrorType, "'__name__' not in globals");
  if (!isDict(globals)) raise(TypeErrorType, "globals must be a dict");
  let pkg = dictGetItemStr(globals, id("__package__"));
  if (pkg === None) pkg = null;
  const spec = dictGetItemStr(globals, id("__spec__"));
  let packageName: string;
  if (pkg !== null) {
    if (!isStr(pkg)) raise(TypeErrorType, "package must be a string");
    packageName = pkg.value;
  } else if (spec !== null && spec !== None) {
    const parent = getAttr(spec, id("parent"));
    try {
      if (!isStr(parent)) raise(TypeErrorType, "__spec__.parent must be a string");
      packageName = parent.value;
    } finally {
      decref(parent);
    }
  } else {
    const modName = dictGetItemStr(globals, id("__name__"));
    if (modName === null) raise(KeyErrorType, "'__name__' not in globals");
    if (!isStr(modName)) raise(TypeErrorType, "__name__ must be a string");
    packageName = modName.value;
    if (dictGetItemStr(globals, id("__path__")) === null) {
      const dot = packageName.lastIndexOf(".");
      if (dot < 0) raise(ImportErrorType, "attempted relative import with no known parent package");
      packageName = packageName.slice(0, dot);
    }
  }
  let lastDot = packageName.length;
  if (lastDot === 0) raise(ImportErrorType, "attempted relative import with no known parent package");
  for (let up = 1; up < level; up++) {
    lastDot = packageName.lastIndexOf(".", lastDot - 1);
    if (lastDot < 0) raise(ImportErrorType, "attempted relative import beyond top-level package");
  }
  const base = packageName.slice(0, lastDot);
  return name.value.length === 0 ? base : `${base}.${name.value}`;
}

/** PyImport_ImportModuleLevelObject (new reference). */
export function importModuleLevel(name: PyObject, globals: PyObject | null, fromlist: PyObject | null, level: number): PyObject {
  if (!isStr(name)) raise(TypeErrorType, "module name must be a string");
  if (level < 0) raise(ValueErrorType, "level must be >= 0");
  let absName: string;
  if (level > 0) {
    absName = resolveName(name, globals, level);
  } else {
    if (name.length === 0) raise(ValueErrorType, "Empty module name");
    absName = name.value;
  }
  const absObj = absName === name.value ? newRef(name) : newStr(absName);
  let mod: PyObject;
  try {
    const existing = getModule(absObj);
    if (existing !== null && existing !== None) {
      mod = existing;
    } else {
      if (existing === None) {
        decref(existing);
        importError(ModuleNotFoundErrorType, `import of ${absName} halted; None in sys.modules`, absName);
      }
      mod = findAndLoad(absName, absObj);
    }
  } finally {
    decref(absObj);
  }
  try {
    const hasFrom = fromlist !== null && fromlist !== None && isTrue(fromlist);
    if (!hasFrom) {
      const len = name.value.length;
      if (level === 0 || len > 0) {
        const dot = name.value.indexOf(".");
        if (dot < 0) return newRef(mod);
        if (level === 0) {
          const front = newStr(name.value.slice(0, dot));
          try {
            return importModuleLevel(front, null, null, 0);
          } finally {
            decref(front);
          }
        }
        const cutOff = len - dot;
        const toReturn = newStr(absName.slice(0, absName.length - cutOff));
        try {
          const final = getModule(toReturn);
          if (final === null) raise(KeyErrorType, `'${toReturn.value}' not in sys.modules as expected`);
          return final;
        } finally {
          decref(toReturn);
        }
      }
      return newRef(mod);
    }
    const path = lookupAttr(mod, id("__path__"));
    if (path === null) return newRef(mod);
    decref(path);
    handleFromlist(mod, fromlist!, false);
    return newRef(mod);
  } finally {
    decref(mod);
  }
}

/** _handle_fromlist: imports the submodules a `from package import a, b` names. */
function handleFromlist(module: PyObject, fromlist: PyObject, recursive: boolean): void {
  const it = getIter(fromlist);
  try {
    for (let x = iterNext(it); x !== null; x = iterNext(it)) {
      try {
        if (!isStr(x)) {
          let where: string;
          if (recursive) {
            const n = getAttr(module, id("__name__"));
            where = `${isStr(n) ? n.value : "?"}.__all__`;
            decref(n);
          } else {
            where = "``from list''";
          }
          raise(TypeErrorType, `Item in ${where} must be str, not ${x.type.name}`);
        }
        if (x.value === "*") {
          if (!recursive) {
            const all = lookupAttr(module, id("__all__"));
            if (all !== null) {
              try {
                handleFromlist(module, all, true);
              } finally {
                decref(all);
              }
            }
          }
          continue;
        }
        const existing = lookupAttr(module, x);
        if (existing !== null) {
          decref(existing);
          continue;
        }
        const modName = getAttr(module, id("__name__"));
        const fromName = `${isStr(modName) ? modName.value : "?"}.${x.value}`;
        decref(modName);
        const fromObj = newStr(fromName);
        try {
          decref(importModuleLevel(fromObj, null, null, 0));
        } catch (e) {
          // A missing submodule named in a fromlist is not an error here.
          if (e instanceof PyRaise && e.exception.type.isSubtypeOf(ModuleNotFoundErrorType) && errorName(e) === fromName) {
            const entry = dictGetItem(interp().modules, fromObj);
            if (entry !== None) {
              clearError(e);
              continue;
            }
          }
          throw e;
        } finally {
          decref(fromObj);
        }
      } finally {
        decref(x);
      }
    }
  } finally {
    decref(it);
  }
}

function errorName(e: PyRaise): string | null {
  const n = lookupAttr(e.exception, id("name"));
  if (n === null) return null;
  const s = isStr(n) ? n.value : null;
  decref(n);
  return s;
}

// ---------------------------------------------------------------------------
// The eval loop's import opcodes (installed as interpreterHooks by createInterpreter).

/** IMPORT_NAME: builtins.__import__(name, globals, locals, fromlist, level). */
export function importNameHook(frame: Frame, name: PyStr, fromlist: PyObject, level: PyObject): PyObject {
  const importFunc = dictGetItemStr(frame.builtins, id("__import__"));
  if (importFunc === null) raise(ImportErrorType, "__import__ not found");
  const levelValue = isInt(level) ? Number(intToBigInt(level)) : asCInt(level);
  // The original __import__ is called directly, without building an argument list.
  if (importFunc === originalImport.fn) return importModuleLevel(name, frame.globals, fromlist, levelValue);
  const locals = frame.locals ?? None;
  importFunc.refcnt++;
  try {
    return callObject(importFunc, [name, frame.globals, locals, fromlist, level], 0, 5, null);
  } finally {
    decref(importFunc);
  }
}

/** The builtins module's own __import__ (set when the builtins module is made). */
export const originalImport: { fn: PyObject | null } = { fn: null };

/** IMPORT_FROM (import_from): the attribute, else the submodule, else ImportError. */
export function importFromHook(module: PyObject, name: PyStr): PyObject {
  const x = lookupAttr(module, name);
  if (x !== null) return x;
  let pkgname: PyObject | null = null;
  try {
    pkgname = getAttr(module, id("__name__"));
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    clearError(e);
  }
  if (pkgname !== null && isStr(pkgname)) {
    const full = newStr(`${pkgname.value}.${name.value}`);
    const sub = getModule(full);
    decref(full);
    if (sub !== null) {
      decref(pkgname);
      return sub;
    }
  }
  const pkgText = pkgname !== null && isStr(pkgname) ? pkgname.value : "<unknown module name>";
  if (pkgname !== null) decref(pkgname);
  const file = lookupAttr(module, id("__file__"));
  let location = "unknown location";
  if (file !== null) {
    if (isStr(file)) location = file.value;
    decref(file);
  }
  importError(ImportErrorType, `cannot import name '${name.value}' from '${pkgText}' (${location})`, pkgText === "<unknown module name>" ? null : pkgText);
}

/** IMPORT_STAR (import_all_from into the frame's locals). */
export function importStarHook(frame: Frame, module: PyObject): void {
  const locals = frameLocals(frame);
  if (locals === null) raise(SystemErrorType, "no locals found during 'import *'");
  let all = lookupAttr(module, id("__all__"));
  let skipUnderscore = false;
  if (all === null) {
    const dict = lookupAttr(module, id("__dict__"));
    if (dict === null) raise(ImportErrorType, "from-import-* object has no __dict__ and no __all__");
    try {
      all = mappingKeys(dict);
    } finally {
      decref(dict);
    }
    skipUnderscore = true;
  }
  try {
    for (let pos = 0; ; pos++) {
      let name: PyObject;
      try {
        name = sequenceGetItem(all, pos);
      } catch (e) {
        if (!isPyError(e, IndexErrorType)) throw e;
        clearError(e);
        break;
      }
      try {
        if (!isStr(name)) {
          const modname = getAttr(module, id("__name__"));
          try {
            if (!isStr(modname)) raise(TypeErrorType, `module __name__ must be a string, not ${modname.type.name}`);
            raise(TypeErrorType, `${skipUnderscore ? "Key" : "Item"} in ${modname.value}.${skipUnderscore ? "__dict__" : "__all__"} must be str, not ${name.type.name}`);
          } finally {
            decref(modname);
          }
        }
        if (skipUnderscore && name.value.startsWith("_")) continue;
        const value = getAttr(module, name);
        try {
          if (locals.type === DictType) dictSetItem(locals as PyDict, name, value);
          else setItem(locals, name, value);
        } finally {
          decref(value);
        }
      } finally {
        decref(name);
      }
    }
  } finally {
    decref(all);
  }
}

// ---------------------------------------------------------------------------
// builtins.__import__

function builtinImport(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const p = parseArgs("__import__", args, start, nargs, kwnames, ["name", "globals", "locals", "fromlist", "level"], 1);
  const level = p[4] === null ? 0 : asCInt(p[4]!);
  const globals = p[1] === null || p[1] === None ? null : p[1]!;
  return importModuleLevel(p[0]!, globals, p[3], level);
}

export const IMPORT_BUILTIN: MethodDef = {
  name: "__import__",
  kind: "fastcall",
  fn: builtinImport,
  doc: "Import a module.",
};

/** PyImport_ImportModule: the module `name` (new reference), imported if needed. */
export function importModule(name: string): PyObject {
  const n = newStr(name);
  try {
    decref(importModuleLevel(n, null, null, 0));
    const m = getModule(n);
    if (m === null) raise(KeyErrorType, `'${name}' not in sys.modules as expected`);
    return m;
  } finally {
    decref(n);
  }
}
