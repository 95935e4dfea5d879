// The builtin modules written on heapscope/native, registered in the inittab when this file
// is loaded: `_heapscope` (introspection) and `_weakref` (replacing the hand-written one).
// Everything that runs programs as `heapscope run` does imports it: the CLI's worker (through
// index.ts) and the recorder behind `heapscope trace` and the playground (src/trace/record.ts),
// so a program sees the same modules everywhere. Browser-safe: no Node imports.

export { heapscopeModule } from "./heapscopemodule.js";
export { weakrefNativeModule } from "./weakrefmodule.js";
