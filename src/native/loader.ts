// Python/importdl.c: _PyImport_LoadDynamicModuleWithSpec, which dlopens an extension and
// calls its PyInit_<name>; here the "shared library" is an ES module file.
//
// `heapscope run --module ./mymod.js FILE.py` loads each file before the program runs. A file
// provides native modules in either of two ways:
//   - it exports NativeModule objects (made with defineModule; the default export or named
//     ones), importing the API from "heapscope/native";
//   - its default export is a function that receives the API and returns a NativeModule (or
//     an array of them), for files that cannot resolve "heapscope/native" themselves (a file
//     outside the heapscope package would otherwise load a second copy of the runtime).
// Every module found is registered, so `import name` works in the program.

import { pathToFileURL } from "node:url";
import { NativeModule } from "./module.js";

/** Raised when a file given to loadNativeModules provides no native module. */
export class NativeModuleLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NativeModuleLoadError";
  }
}

function collect(value: unknown, found: NativeModule[]): void {
  if (value instanceof NativeModule) {
    if (!found.includes(value)) found.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collect(v, found);
  }
}

/**
 * Imports each file (absolute paths, or file URLs) and registers the native modules it
 * provides; returns them in order. `api` is what factory-style default exports receive.
 */
export async function loadNativeModules(paths: readonly string[], api: unknown): Promise<NativeModule[]> {
  const loaded: NativeModule[] = [];
  for (const path of paths) {
    const url = path.startsWith("file:") ? path : pathToFileURL(path).href;
    let exports: Record<string, unknown>;
    try {
      exports = (await import(url)) as Record<string, unknown>;
    } catch (e) {
      throw new NativeModuleLoadError(`cannot load native module file ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const found: NativeModule[] = [];
    for (const value of Object.values(exports)) collect(value, found);
    const factory = exports["default"];
    if (found.length === 0 && typeof factory === "function") {
      collect(await (factory as (api: unknown) => unknown)(api), found);
    }
    if (found.length === 0) {
      throw new NativeModuleLoadError(
        `${path} provides no native module: export one made with defineModule(), or a default function (api) => defineModule(...)`,
      );
    }
    for (const m of found) {
      if (m.file === null && !path.startsWith("file:")) m.file = path;
      m.register();
      loaded.push(m);
    }
  }
  return loaded;
}
