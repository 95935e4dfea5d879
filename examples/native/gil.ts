// pyz3's "GIL and Memory": taking the GIL by hand, releasing it around blocking work, and the
// allocator that needs no GIL (heapscope's native buffers live in the RAW domain, which
// CPython allows without the GIL).

import { NativeAllocator, PyString, gil, nogil } from "heapscope/native";

/** Blocks the thread for `ms` milliseconds, as a blocking system call would. */
function blockingSleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** manual_gil: acquire, use the C API, release at the end of the scope. */
export function manualGil(): string {
  using _gil = gil();
  // Safe to call the runtime here.
  using obj = PyString.create("test");
  return PyString.asString(obj);
}

/** io_operation: the GIL is released for blocking I/O and taken back at the end of the inner scope. */
export function ioOperation(ms = 5): string {
  using dataObj = PyString.create("data");
  {
    using _nogil = nogil();
    // Perform I/O without holding the GIL: no Python objects here.
    blockingSleep(ms);
  }
  // GIL reacquired automatically
  return PyString.asString(dataObj);
}

/** The bug nogil() exists to catch: touching Python objects while the GIL is released. */
export function ioOperationBug(): void {
  using _nogil = nogil();
  using obj = PyString.create("too early");
  void obj;
}

/** gil_managed_alloc: native buffers need no GIL, inside or outside nogil(). */
export function gilManagedAlloc(): number {
  using _nogil = nogil();
  using buf = NativeAllocator.alloc(1024);
  return buf.size;
}

/** The async form: the GIL is released while awaiting, then reacquired. */
export async function ioOperationAsync(ms = 5): Promise<string> {
  using dataObj = PyString.create("data");
  {
    using _nogil = nogil();
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
  return PyString.asString(dataObj);
}
