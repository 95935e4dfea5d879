// Objects/object.c: _PyTrash_begin, _PyTrash_end, _PyTrash_thread_deposit_object,
// _PyTrash_thread_destroy_chain; Include/cpython/object.h: Py_TRASHCAN_BEGIN / END.
//
// Deallocating a deeply nested structure recurses once per level. Past a nesting of 50,
// container deallocators stop and park the object on a "delete later" stack, which is
// emptied when the nesting unwinds to zero. That keeps the JS stack shallow for any depth
// and, because the parked order is LIFO, reproduces CPython's observable order of
// finalizers in deep structures.
//
// Usage in a dealloc slot (the object must already be untracked):
//   if (!trashBegin(o)) return;   // deposited; will be deallocated later
//   ... release references, free memory ...
//   trashEnd();

import type { PyObject } from "./object.js";

/** _PyTrash_UNWIND_LEVEL */
export const TRASH_UNWIND_LEVEL = 50;

let nesting = 0;
/** The delete-later stack; CPython threads it through the GC head, an array is enough here. */
const deleteLater: PyObject[] = [];

export function trashBegin(o: PyObject): boolean {
  if (nesting >= TRASH_UNWIND_LEVEL) {
    deleteLater.push(o);
    return false;
  }
  nesting++;
  return true;
}

export function trashEnd(): void {
  nesting--;
  if (deleteLater.length !== 0 && nesting <= 0) destroyChain();
}

function destroyChain(): void {
  // Raised so that the deallocs below deposit instead of re-entering destroyChain.
  nesting++;
  while (deleteLater.length !== 0) {
    const o = deleteLater.pop() as PyObject;
    o.type.dealloc(o);
  }
  nesting--;
}

/** For tests and heap resets: the trashcan must be idle between runs. */
export function trashcanIsIdle(): boolean {
  return nesting === 0 && deleteLater.length === 0;
}

export function resetTrashcan(): void {
  nesting = 0;
  deleteLater.length = 0;
}
