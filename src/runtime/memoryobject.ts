// Objects/memoryobject.c (3.11): PyMemoryView_Type and _PyManagedBuffer_Type.
//
// The public face of heapscope's memoryview: the object and its managed buffer live in
// memorycore.ts, indexing / casts / comparisons / iteration in memoryops.ts, the struct
// formats in memoryformat.ts. Importing this module installs all of it.

import "./memoryops.js";

export {
  PyMemoryView, PyManagedBuffer, MemoryViewType, ManagedBufferType, memoryViewFromObject,
  memoryRelease, registerBufferFormat, isMemoryView, checkReleased, viewToBytes,
  MEMORYVIEW_BASICSIZE, MANAGED_BUFFER_BASICSIZE, type BufferFormat,
} from "./memorycore.js";
export { MemoryIterType, tupleDictToVector } from "./memoryops.js";
