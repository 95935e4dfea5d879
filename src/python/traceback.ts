// Python/traceback.c (3.11): PyTraceBack_Type, PyTraceBack_Here.
//
// One traceback entry per frame an exception passes through, newest first through tb_next
// of the *older* entry (the chain starts at the outermost frame that saw the exception).
// Each entry holds the frame object strongly, which is what keeps locals alive after an
// exception.

import { PyObject } from "../runtime/object.js";
import { allocGCObject, freeGCObject } from "../runtime/heap.js";
import { gcTrack, gcUntrack } from "../runtime/gcstate.js";
import { decref, xdecref } from "../runtime/refcount.js";
import { TPFLAGS_HAVE_GC } from "../runtime/type.js";
import { newStaticType, readyType } from "../runtime/typeobject.js";
import { trashBegin, trashEnd } from "../runtime/trashcan.js";
import type { Frame } from "./frame.js";
import { getFrameObject, type PyFrameObject } from "./frameobject.js";

export class PyTraceBack extends PyObject {
  next: PyTraceBack | null;
  frame: PyFrameObject;
  lasti: number;
  lineno: number;

  constructor(next: PyTraceBack | null, frame: PyFrameObject, lasti: number, lineno: number) {
    super(TraceBackType);
    this.next = next;
    this.frame = frame;
    this.lasti = lasti;
    this.lineno = lineno;
  }
}

/** sizeof(PyTracebackObject) */
export const TRACEBACK_BASICSIZE = 40;

export const TraceBackType = newStaticType("traceback", TRACEBACK_BASICSIZE, 0, TPFLAGS_HAVE_GC);
TraceBackType.traverse = (self, visit, arg) => {
  const tb = self as PyTraceBack;
  if (tb.next !== null) visit(tb.next, arg);
  visit(tb.frame, arg);
};
TraceBackType.clear = (self) => {
  const tb = self as PyTraceBack;
  const next = tb.next;
  tb.next = null;
  xdecref(next);
};
TraceBackType.dealloc = (self) => {
  const tb = self as PyTraceBack;
  gcUntrack(tb);
  if (!trashBegin(tb)) return;
  xdecref(tb.next);
  decref(tb.frame);
  freeGCObject(tb);
  trashEnd();
};
readyType(TraceBackType);

/**
 * PyTraceBack_Here: a new entry for `frame` in front of `current` (whose reference it takes
 * over). Returns the new head (new reference).
 */
export function tracebackHere(current: PyTraceBack | null, frame: Frame): PyTraceBack {
  const f = getFrameObject(frame);
  f.refcnt++;
  const tb = new PyTraceBack(current, f, frame.lasti, frame.currentLine());
  allocGCObject(tb, TRACEBACK_BASICSIZE);
  gcTrack(tb);
  return tb;
}
