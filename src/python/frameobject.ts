// Objects/frameobject.c (3.11): PyFrameObject, _PyFrame_GetFrameObject, take_ownership.
//
// The Python-visible face of an interpreter frame, created only on demand. While the frame
// runs, the thread owns its data and this object just points at it. If the frame object is
// still referenced when the frame finishes (a traceback holds it, say), it takes ownership
// of the frame's locals: that is how `e.__traceback__` keeps a finished function's locals
// alive, and why it forms reference cycles with `e`.

import { PyObject, type VisitProc } from "../runtime/object.js";
import { allocGCObject, freeGCObject } from "../runtime/heap.js";
import { gcIsTracked, gcTrack, gcUntrack } from "../runtime/gcstate.js";
import { decref, xdecref } from "../runtime/refcount.js";
import { TPFLAGS_HAVE_GC } from "../runtime/type.js";
import { newStaticType, readyType } from "../runtime/typeobject.js";
import { trashBegin, trashEnd } from "../runtime/trashcan.js";
import { Frame, OWNED_BY_FRAME_OBJECT, OWNED_BY_THREAD, recycleFrame } from "./frame.js";

/** offsetof(PyFrameObject, _f_frame_data) + offsetof(_PyInterpreterFrame, localsplus) in 3.11. */
export const FRAME_OBJECT_BASICSIZE = 120;

export class PyFrameObject extends PyObject {
  frame: Frame;
  /** f_back once the frame has finished (strong); while running it is computed from the thread. */
  back: PyFrameObject | null;
  /** f_trace (unused until tracing exists) and the f_locals dict of optimized frames (strong). */
  localsDict: PyObject | null;

  constructor(frame: Frame) {
    super(FrameType);
    this.frame = frame;
    this.back = null;
    this.localsDict = null;
  }
}

export const FrameType = newStaticType("frame", FRAME_OBJECT_BASICSIZE, 8, TPFLAGS_HAVE_GC);

/** _PyFrame_Traverse: what a frame's data references. */
export function traverseFrameData(frame: Frame, visit: VisitProc, arg: unknown): void {
  if (frame.locals !== null) visit(frame.locals, arg);
  if (frame.func !== null) visit(frame.func, arg);
  visit(frame.code, arg);
  const slots = frame.localsplus;
  for (let i = 0; i < frame.sp; i++) {
    const v = slots[i];
    if (v !== null && v !== undefined) visit(v, arg);
  }
}

/** _PyFrame_Clear's reference releases, for a frame whose data nobody else owns. */
export function releaseFrameData(frame: Frame): void {
  const slots = frame.localsplus;
  const top = frame.sp;
  for (let i = 0; i < top; i++) {
    const v = slots[i];
    if (v !== null && v !== undefined) {
      slots[i] = null;
      decref(v);
    }
  }
  frame.sp = 0;
  const locals = frame.locals;
  frame.locals = null;
  xdecref(locals);
  // 3.11 frames borrow globals and builtins from their function; they own func and code.
  const func = frame.func;
  frame.func = null;
  xdecref(func);
  decref(frame.code);
}

FrameType.traverse = (self, visit, arg) => {
  const f = self as PyFrameObject;
  if (f.back !== null) visit(f.back, arg);
  if (f.localsDict !== null) visit(f.localsDict, arg);
  if (f.frame.owner !== OWNED_BY_FRAME_OBJECT) return;
  traverseFrameData(f.frame, visit, arg);
};

FrameType.clear = (self) => {
  const f = self as PyFrameObject;
  // frame_tp_clear: only a finished frame's locals and stack can be dropped.
  if (f.frame.owner !== OWNED_BY_FRAME_OBJECT) return;
  const slots = f.frame.localsplus;
  for (let i = 0; i < f.frame.sp; i++) {
    const v = slots[i];
    if (v !== null && v !== undefined) {
      slots[i] = null;
      decref(v);
    }
  }
  f.frame.sp = f.frame.code.nlocalsplus;
  const locals = f.localsDict;
  f.localsDict = null;
  xdecref(locals);
};

FrameType.dealloc = (self) => {
  const f = self as PyFrameObject;
  gcUntrack(f);
  if (!trashBegin(f)) return;
  if (f.frame.owner === OWNED_BY_FRAME_OBJECT) {
    releaseFrameData(f.frame);
  } else {
    // The thread still runs the frame: just forget the link back to this object.
    f.frame.frameObject = null;
  }
  const back = f.back;
  f.back = null;
  xdecref(back);
  const locals = f.localsDict;
  f.localsDict = null;
  xdecref(locals);
  freeGCObject(f);
  trashEnd();
};
readyType(FrameType);

/** _PyFrame_GetFrameObject: the frame object of `frame` (borrowed), created on first use. */
export function getFrameObject(frame: Frame): PyFrameObject {
  let f = frame.frameObject;
  if (f === null) {
    f = new PyFrameObject(frame);
    allocGCObject(f, FRAME_OBJECT_BASICSIZE + 8 * (frame.code.nlocalsplus + frame.code.stacksize));
    // 3.11 leaves frame objects of running frames untracked (facts §4.1: sys._getframe()).
    frame.frameObject = f;
  }
  return f;
}

/**
 * Called when a thread-owned frame finishes. If its frame object outlives it, the object
 * takes the frame's data (take_ownership) and gets its f_back; otherwise the data is released.
 */
export function clearFinishedFrame(frame: Frame): void {
  const f = frame.frameObject;
  if (f !== null) {
    frame.frameObject = null;
    if (f.refcnt > 1) {
      frame.owner = OWNED_BY_FRAME_OBJECT;
      const prev = frame.previous;
      if (prev !== null && prev.lasti >= 0) {
        const back = getFrameObject(prev);
        back.refcnt++;
        f.back = back;
      }
      frame.previous = null;
      if (!gcIsTracked(f)) gcTrack(f);
      decref(f);
      return;
    }
    decref(f);
  }
  frame.owner = OWNED_BY_THREAD;
  releaseFrameData(frame);
  // A generator's frame stays with its (finished) generator; with an instruction observer
  // (the trace recorder tells frames apart by identity) frames are never reused.
  if (frame.generator === null && framesReusable) recycleFrame(frame);
}

/** Off while something keys data on Frame identity (an instruction observer is installed). */
let framesReusable = true;

export function setFramesReusable(on: boolean): void {
  framesReusable = on;
}
