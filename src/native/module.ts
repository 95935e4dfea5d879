// Objects/moduleobject.c: PyModule_Create / PyModuleDef (name, doc, methods) and
// PyModule_AddObjectRef / PyModule_AddType; Python/import.c: the inittab
// (PyImport_AppendInittab), which registerBuiltinModule models.
//
// A native module is a real module object (repr `<module 'name' (built-in)>`, or
// `<module 'name' from '/path/mod.js'>` when loaded from a file), its functions real
// builtin functions bound to it, its classes static types. It is created afresh by each
// interpreter's first `import name`.

import type { PyObject } from "../runtime/object.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { decref as rtDecref, newRef } from "../runtime/refcount.js";
import { dictSetItem } from "../runtime/dict.js";
import { newModule, type PyModule } from "../runtime/moduleobject.js";
import { newCFunction } from "../runtime/methodobject.js";
import { newStr, staticStr } from "../runtime/str.js";
import { registerBuiltinModule } from "../modules/interp.js";
import { defineFunction, resultToObject, type FunctionSpec, type NativeFunction, type NativeResult } from "./functions.js";
import type { ArgSpecs } from "./args.js";
import type { PyType } from "../runtime/type.js";
import { requireGil } from "./gil.js";
import { Borrowed, Owned } from "./refs.js";

/** A constant's value: converted like a function result each time a module is created. */
export type ConstantValue = NativeResult | (() => NativeResult);

/** What a module needs of a native class (any state and field names). */
export interface ModuleClass {
  readonly type: PyType;
  attachToModule(moduleName: string): void;
}

interface Entry {
  readonly name: string;
  readonly make: (module: PyModule, moduleName: PyObject) => PyObject;
}

export class NativeModule {
  readonly name: string;
  readonly doc: string | null;
  /** Where the module was loaded from (set by loadNativeModules): becomes `__file__`. */
  file: string | null;
  private readonly entries: Entry[];
  private readonly defs = new Map<string, MethodDef>();
  private readonly initHooks: ((module: Borrowed<PyModule>) => void)[];
  private registered: boolean;

  constructor(name: string, options: { doc?: string } = {}) {
    this.name = name;
    this.doc = options.doc ?? null;
    this.file = null;
    this.entries = [];
    this.initHooks = [];
    this.registered = false;
  }

  /**
   * Adds a function: either a spec (`{ args, fn }`) or a function made by defineFunction.
   * The MethodDef is made once, so every module instance shares it, as C modules share their
   * static PyMethodDef table.
   */
  function<A extends ArgSpecs = Record<never, never>>(name: string, spec: FunctionSpec<A> | NativeFunction): this {
    const fn = "kind" in spec && spec.kind === "function" ? spec : defineFunction(spec as FunctionSpec<A>);
    const def = fn.methodDef(name, `${this.name}.${name}`);
    this.defs.set(name, def);
    this.entries.push({ name, make: (m, moduleName) => newCFunction(def, m, moduleName) });
    return this;
  }

  /** Adds a class (PyModule_AddType): the type gets this module's name in front of its own. */
  class(cls: ModuleClass): this {
    cls.attachToModule(this.name);
    const type = cls.type;
    this.entries.push({ name: type.qualname, make: () => newRef(type) });
    return this;
  }

  /** Adds a constant (PyModule_AddIntConstant and friends); a function is called per module. */
  constant(name: string, value: ConstantValue): this {
    const where = `${this.name}.${name}`;
    this.entries.push({ name, make: () => resultToObject(typeof value === "function" ? value() : value, where) });
    return this;
  }

  /** Runs after the module's attributes are set, on each creation (the Py_mod_exec slot). */
  onInit(fn: (module: Borrowed<PyModule>) => void): this {
    this.initHooks.push(fn);
    return this;
  }

  /** The MethodDef behind a function (for tests comparing with other builtins). */
  methodDef(name: string): MethodDef | undefined {
    return this.defs.get(name);
  }

  /** Creates a module object (a new reference): what `import name` runs once per interpreter. */
  create(): Owned<PyModule> {
    requireGil(`creating module ${this.name}`);
    const m = newModule(this.name, "built-in");
    try {
      const d = m.dict!;
      if (this.doc !== null) {
        const doc = newStr(this.doc);
        dictSetItem(d, staticStr("__doc__"), doc);
        rtDecref(doc);
      }
      if (this.file !== null) {
        const file = newStr(this.file);
        dictSetItem(d, staticStr("__file__"), file);
        rtDecref(file);
      }
      const moduleName = newStr(this.name);
      try {
        for (const entry of this.entries) {
          const value = entry.make(m, moduleName);
          const key = newStr(entry.name);
          try {
            dictSetItem(d, key, value);
          } finally {
            rtDecref(key);
            rtDecref(value);
          }
        }
      } finally {
        rtDecref(moduleName);
      }
      for (const hook of this.initHooks) {
        const handle = new Borrowed(m);
        try {
          hook(handle);
        } finally {
          handle.expire();
        }
      }
    } catch (e) {
      rtDecref(m);
      throw e;
    }
    return new Owned(m);
  }

  /** Makes `import name` work in interpreters (the inittab entry). Idempotent. */
  register(): this {
    if (!this.registered) {
      registerBuiltinModule(this.name, () => this.create().take());
      this.registered = true;
    }
    return this;
  }

  get isRegistered(): boolean {
    return this.registered;
  }
}

/**
 * Declares a native module: `defineModule("mymod", { doc }).function("greet", {...})
 * .class(Counter).register()`.
 */
export function defineModule(name: string, options: { doc?: string } = {}): NativeModule {
  return new NativeModule(name, options);
}
