// Include/internal/pycore_frame.h: _PyInterpreterFrame (3.11).
//
// An executing (or suspended) activation of a code object. Like CPython 3.11's
// interpreter frames this is *not* a Python object: it is a plain record that the eval loop
// works on, and it becomes visible to Python only through a frame object (frameobject.ts)
// created when something asks for it (sys._getframe, a traceback, gi_frame).
//
// `localsplus` holds the fast locals, cells and free variables, then the value stack, in one
// array, as 3.11 lays them out. Every non-null slot owns a reference.

import type { PyObject } from "../runtime/object.js";
import type { PyDict } from "../runtime/dict.js";
import type { PyTuple } from "../runtime/tuple.js";
import type { PyCode } from "./code.js";
import type { PyFrameObject } from "./frameobject.js";

/** Who owns the frame's memory (3.11's FRAME_OWNED_BY_*). */
export const OWNED_BY_THREAD = 0;
export const OWNED_BY_GENERATOR = 1;
export const OWNED_BY_FRAME_OBJECT = 2;

export class Frame {
  code: PyCode;
  /** The function being run (strong). Module code runs in a function too, as in 3.11. */
  func: PyObject | null;
  /** Borrowed from the function, as in 3.11 (the frame owns `func` and `code`). */
  globals: PyDict;
  builtins: PyDict;
  /** The namespace of module and class bodies (strong), or null for optimized code. */
  locals: PyObject | null;
  localsplus: (PyObject | null)[];
  /** Index of the first free stack slot (the stack starts at code.nlocalsplus). */
  sp: number;
  /** Index of the next instruction to execute. */
  ip: number;
  /** Index of the instruction being (or last) executed: f_lasti. */
  lasti: number;
  previous: Frame | null;
  frameObject: PyFrameObject | null;
  owner: number;
  /** Keyword names set by KW_NAMES for the next CALL (borrowed from the code's consts). */
  kwnames: PyTuple | null;
  /**
   * True for the frame an evalFrame() invocation started with: returning from it returns
   * out of that JS call instead of continuing in the caller's frame.
   */
  isEntry: boolean;
  /** The generator or coroutine object running this frame, if any (borrowed). */
  generator: PyObject | null;

  constructor(code: PyCode, func: PyObject | null, globals: PyDict, builtins: PyDict, locals: PyObject | null) {
    this.code = code;
    this.func = func;
    this.globals = globals;
    this.builtins = builtins;
    this.locals = locals;
    const size = code.nlocalsplus + code.stacksize;
    // Filled by push so that V8 keeps the array packed (no hole checks on access).
    const slots: (PyObject | null)[] = [];
    for (let i = 0; i < size; i++) slots.push(null);
    this.localsplus = slots;
    this.sp = code.nlocalsplus;
    this.ip = 0;
    this.lasti = -1;
    this.previous = null;
    this.frameObject = null;
    this.owner = OWNED_BY_THREAD;
    this.kwnames = null;
    this.isEntry = false;
    this.generator = null;
  }

  /** The line being executed (PyFrame_GetLineNumber). */
  currentLine(): number {
    const index = this.lasti < 0 ? 0 : this.lasti;
    return this.code.lineOf(index);
  }
}

/** Finished frames kept per code object for reuse (3.11 reuses its frame stack the same way). */
const MAX_POOLED_FRAMES = 16;

/**
 * A frame for `code` (the caller sets up references: this only fills the fields). Takes a
 * finished frame of the same code when one is pooled, so that calls allocate nothing here.
 */
export function acquireFrame(code: PyCode, func: PyObject | null, globals: PyDict, builtins: PyDict, locals: PyObject | null): Frame {
  const pool = code.framePool;
  if (pool.length !== 0) {
    const f = pool.pop()!;
    f.func = func;
    f.globals = globals;
    f.builtins = builtins;
    f.locals = locals;
    return f;
  }
  return new Frame(code, func, globals, builtins, locals);
}

/**
 * Returns a finished, fully released frame (every slot null, no frame object, not a
 * generator's) to its code's pool.
 */
export function recycleFrame(frame: Frame): void {
  const pool = frame.code.framePool;
  if (pool.length >= MAX_POOLED_FRAMES) return;
  frame.func = null;
  frame.locals = null;
  frame.sp = frame.code.nlocalsplus;
  frame.ip = 0;
  frame.lasti = -1;
  frame.previous = null;
  frame.kwnames = null;
  frame.isEntry = false;
  frame.generator = null;
  pool.push(frame);
}
