// Include/internal/pycore_interp.h (3.11): PyInterpreterState, the parts heapscope has.
//
// The running interpreter and the registries of modules that can be imported. Kept apart
// from interp.ts (start-up) so that the builtins, sys and the importer can reach the
// interpreter without importing the code that creates them.

import type { PyObject } from "../runtime/object.js";
import type { PyDict } from "../runtime/dict.js";
import type { PyModule } from "../runtime/moduleobject.js";
import { dictGetItemStr } from "../runtime/dict.js";
import { staticStr } from "../runtime/str.js";

export interface InterpreterOptions {
  /** sys.argv */
  argv: string[];
  /** Where sys.stdout (1) and sys.stderr (2) text goes. */
  write(stream: 1 | 2, text: string): void;
}

export class Interpreter {
  /** The builtins module's dict (interp->builtins). */
  builtins: PyDict;
  builtinsModule: PyModule;
  sysModule: PyModule;
  /** sys.modules (interp->modules). */
  modules: PyDict;
  mainModule: PyModule;
  write: (stream: 1 | 2, text: string) => void;
  /** Source text by filename, for tracebacks (linecache). */
  sources: Map<string, string>;
  argv: string[];

  constructor(
    builtinsModule: PyModule,
    builtins: PyDict,
    sysModule: PyModule,
    modules: PyDict,
    mainModule: PyModule,
    options: InterpreterOptions,
  ) {
    this.builtins = builtins;
    this.builtinsModule = builtinsModule;
    this.sysModule = sysModule;
    this.modules = modules;
    this.mainModule = mainModule;
    this.write = options.write;
    this.sources = new Map();
    this.argv = options.argv;
  }

  /** sys.<name> (borrowed), or null when the program deleted it. */
  sysAttr(name: string): PyObject | null {
    const d = this.sysModule.dict;
    return d === null ? null : dictGetItemStr(d, staticStr(name));
  }

  /** sys.excepthook (borrowed), or null when it was deleted. */
  excepthook(): PyObject | null {
    return this.sysAttr("excepthook");
  }

  /** linecache.getline without the file system: line `lineno` of a registered source, or null. */
  sourceLine(filename: string, lineno: number): string | null {
    const text = this.sources.get(filename);
    if (text === undefined) return null;
    const lines = text.split(/\r\n|\r|\n/);
    return lineno >= 1 && lineno <= lines.length ? lines[lineno - 1]! : null;
  }
}

/** The interpreter whose code is running (one at a time in a process). */
export let currentInterpreter: Interpreter | null = null;

export function setCurrentInterpreter(interp: Interpreter | null): void {
  currentInterpreter = interp;
}

/** The running interpreter; an internal error when none was created. */
export function interp(): Interpreter {
  const i = currentInterpreter;
  if (i === null) throw new Error("heapscope internal error: no interpreter has been created");
  return i;
}

/** Creates a builtin module (a new reference), as a PyInit_<name> function does. */
export type BuiltinModuleInit = (interp: Interpreter) => PyObject;

/** name -> init, for `import name` of modules written in TypeScript (the inittab). */
export const builtinModuleRegistry = new Map<string, BuiltinModuleInit>();

/** name -> Python source, for modules written in Python that ship with heapscope. */
export interface PythonModuleEntry {
  source: string;
  /** A package gets `__path__` (an empty list), so `import name.sub` looks for children. */
  isPackage: boolean;
}
export const pythonModuleRegistry = new Map<string, PythonModuleEntry>();

/**
 * Registers a module written in TypeScript: `init` runs on its first import in each
 * interpreter and returns the module (a new reference), usually made with
 * `newModule(name, "built-in")` so that its repr is `<module 'name' (built-in)>`.
 */
export function registerBuiltinModule(name: string, init: BuiltinModuleInit): void {
  builtinModuleRegistry.set(name, init);
}

/**
 * Registers a module written in Python (as CPython ships Lib/weakref.py): compiled and run in
 * a fresh module on its first import. Dotted names are submodules of their parent, which
 * becomes a package.
 */
export function registerPythonModule(name: string, source: string, options: { isPackage?: boolean } = {}): void {
  pythonModuleRegistry.set(name, { source, isPackage: options.isPackage ?? false });
}
