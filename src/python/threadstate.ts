// Include/cpython/pystate.h (3.11): PyThreadState, _PyErr_StackItem.
//
// The per-thread interpreter state the eval loop needs: the current frame, the recursion
// budget, the stack of exceptions being handled (sys.exc_info()), and the run's limits.

import type { PyObject } from "../runtime/object.js";
import { None } from "../runtime/singletons.js";
import type { Frame } from "./frame.js";
import { setFramesReusable } from "./frameobject.js";

/**
 * An observer called before each instruction while it is set (the trace recorder): the
 * frame, the index of the instruction about to run, and the current top of the value stack.
 * It must not run Python code or change any object.
 */
export type LineHook = (frame: Frame, index: number, sp: number) => void;

let initialLineHook: LineHook | null = null;

/** The line hook thread states start with: set by an observer before the interpreter starts. */
export function setInitialLineHook(hook: LineHook | null): void {
  initialLineHook = hook;
  // An observer tells frames apart by identity: finished frames must not be reused for new calls.
  if (hook !== null) setFramesReusable(false);
}

/** Instructions between wall-clock checks when a --timeout is set. */
export const STEP_CHUNK_TIMED = 20000;
/** Chunk size without a deadline: a small integer (a V8 Smi), only to keep the budget's count. */
export const STEP_CHUNK_UNTIMED = 1 << 29;

/** _PyErr_StackItem: the exception being handled by one running frame chain (or generator). */
export class ExceptionStackItem {
  /** The handled exception (strong), or null. */
  value: PyObject | null;
  previous: ExceptionStackItem | null;
  constructor(previous: ExceptionStackItem | null) {
    this.value = null;
    this.previous = previous;
  }
}

export class ThreadState {
  /** The innermost executing frame. */
  frame: Frame | null;
  recursionLimit: number;
  /** Decremented per Python frame and per guarded native call; RecursionError below zero. */
  recursionRemaining: number;
  /** Raised while a RecursionError is being reported, so the report itself can run. */
  recursionHeadroom: boolean;
  excInfo: ExceptionStackItem;
  /** Set by YIELD_VALUE for the caller of evalFrame: the returned value was yielded. */
  yielded: boolean;
  /** Set by the SEND helper: the receiver finished (returned) instead of yielding. */
  sendReturned: boolean;
  /**
   * Instructions left in the current chunk; when it goes below zero the eval loop checks the
   * limits (stepBudget, deadline) and starts the next chunk. Always a small integer, so that
   * the per-instruction decrement stays cheap.
   */
  stepsRemaining: number;
  /** Size of the current chunk, and the instructions left in the whole --max-steps budget. */
  stepChunk: number;
  stepBudget: number;
  /** Wall-clock deadline in ms (Date.now()), checked every few thousand instructions. */
  deadline: number;
  /** The instruction observer (see LineHook); null when nobody observes: one check per instruction. */
  lineHook: LineHook | null;

  /** Sets the run limits: at most `maxSteps` instructions, and a wall-clock deadline. */
  setLimits(maxSteps: number | null, deadline: number | null): void {
    this.stepBudget = maxSteps === null ? Infinity : maxSteps;
    this.deadline = deadline === null ? Infinity : deadline;
    this.stepChunk = this.nextStepChunk();
    this.stepsRemaining = this.stepChunk;
  }

  /** The next chunk: short when the wall clock must be looked at, never past the step budget. */
  nextStepChunk(): number {
    return Math.min(this.stepBudget, this.deadline === Infinity ? STEP_CHUNK_UNTIMED : STEP_CHUNK_TIMED);
  }

  constructor() {
    this.frame = null;
    this.recursionLimit = 1000;
    this.recursionRemaining = 1000;
    this.recursionHeadroom = false;
    this.excInfo = new ExceptionStackItem(null);
    this.yielded = false;
    this.sendReturned = false;
    this.stepsRemaining = STEP_CHUNK_UNTIMED;
    this.stepChunk = STEP_CHUNK_UNTIMED;
    this.stepBudget = Infinity;
    this.deadline = Infinity;
    this.lineHook = initialLineHook;
  }

  /** _PyErr_GetTopmostException: the innermost handled exception, skipping empty items. */
  topmostException(): PyObject | null {
    for (let item: ExceptionStackItem | null = this.excInfo; item !== null; item = item.previous) {
      if (item.value !== null && item.value !== None) return item.value;
    }
    return null;
  }
}
