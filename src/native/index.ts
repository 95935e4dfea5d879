// heapscope/native: the C API's role for extension modules written in TypeScript, in the
// style of pyz3 and Pydust (borrowed arguments, new references returned, the rare stealing
// functions named `...Owned`, `using` for `defer obj.decref()`, a native allocator, a GIL).
// docs/NATIVE.md teaches it with the examples in examples/native/.

import "../runtime/load.js";
import * as nativeApi from "./index.js";
import { loadNativeModules as loadFiles } from "./loader.js";
import type { NativeModule } from "./module.js";

export type { PyObject } from "../runtime/object.js";
export type { PyType } from "../runtime/type.js";
export type { PyModule } from "../runtime/moduleobject.js";
export { Ref, Owned, Borrowed, HandleError, incref, decref, xdecref, refcnt } from "./refs.js";
export { gil, nogil, gilHeld, requireGil, resetGil, GilError, GilGuard, NoGilGuard } from "./gil.js";
export { PyString, PyLong, PyFloat, PyBool, PyBytes, PyNone } from "./objects.js";
export { PyList, PyTuple, PyDict } from "./containers.js";
export {
  importModule, getAttr, setAttr, call, callMethod, repr, str, isTrue, isInstance, length, getItem, setItem, typeOf,
  type Keywords,
} from "./calls.js";
export { PyExc, raiseError, isPythonError, clearError, takeErrorText, PyRaise, type ExceptionClass } from "./errors.js";
export { arg, type ArgSpec, type ArgSpecs, type ArgValues, type ArgOptions, type TypeLike } from "./args.js";
export { defineFunction, type FunctionSpec, type NativeFunction, type NativeResult } from "./functions.js";
export { defineClass, NativeClass, NativeInstance, type ClassSpec, type MethodSpec } from "./classes.js";
export { defineModule, NativeModule, type ConstantValue, type ModuleClass } from "./module.js";
export { NativeAllocator, NativeBuffer, NativeBufferError, MALLOC_ALIGNMENT, MAX_ALIGNMENT } from "./allocator.js";
export { NativeAllocator as allocator } from "./allocator.js";
export { NativeModuleLoadError } from "./loader.js";
export { heapscopeModule, weakrefNativeModule } from "./builtins.js";

/**
 * Loads native extension files (what `heapscope run --module FILE` does, before the program
 * runs): each file's NativeModule exports, or its default `(api) => module` factory, are
 * registered so that `import name` finds them.
 */
export function loadNativeModules(paths: readonly string[]): Promise<NativeModule[]> {
  return loadFiles(paths, nativeApi);
}
