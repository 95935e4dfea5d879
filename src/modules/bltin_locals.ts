// Objects/frameobject.c (3.11): _PyFrame_FastToLocalsWithError, _PyFrame_OpAlreadyRan;
// Python/ceval.c: PyEval_GetLocals.
//
// locals() of a function: 3.11 copies the fast locals, cells and free variables into a dict
// kept in the frame's f_locals slot, so every locals() call in one frame returns (and
// refreshes) the same dict. Module and class bodies already run with a namespace dict.

import type { PyObject } from "../runtime/object.js";
import { newRef } from "../runtime/refcount.js";
import { raise, SystemErrorType, KeyErrorType } from "../runtime/exceptions.js";
import { delItem, setItem } from "../runtime/abstract.js";
import { newDict, dictSetItem, dictDelItemIfPresent, DictType, type PyDict } from "../runtime/dict.js";
import { isCell, type PyCell } from "../runtime/cellobject.js";
import { CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL, CO_OPTIMIZED } from "../python/code.js";
import type { Frame } from "../python/frame.js";
import * as op from "../python/opcodes.js";
import { isPyError, clearError } from "./bltin_util.js";

/** _PyFrame_OpAlreadyRan: has `opcode` with `oparg` executed before the current instruction? */
function opAlreadyRan(frame: Frame, opcode: number, oparg: number): boolean {
  const instructions = frame.code.instructions;
  const last = frame.lasti;
  for (let i = 0; i < last; i++) {
    if (instructions[2 * i] === opcode && instructions[2 * i + 1] === oparg) return true;
  }
  return false;
}

/**
 * _PyFrame_FastToLocalsWithError + PyEval_GetLocals: the frame's locals mapping (borrowed),
 * refreshed from the fast locals for optimized code.
 */
export function frameLocals(frame: Frame): PyObject {
  const code = frame.code;
  let locals = frame.locals;
  if (locals === null) {
    locals = newDict();
    frame.locals = locals;
  }
  if ((code.flags & CO_OPTIMIZED) === 0 && code.nlocalsplus === 0) return locals;
  const optimized = (code.flags & CO_OPTIMIZED) !== 0;
  const fast = frame.localsplus;
  const running = frame.sp > 0;
  for (let i = 0; i < code.nlocalsplus; i++) {
    const kind = code.localspluskinds[i]!;
    // Class and module namespaces never receive free variables.
    if ((kind & CO_FAST_FREE) !== 0 && !optimized) continue;
    const name = code.localsplusnames[i]!;
    let value: PyObject | null = running ? fast[i] ?? null : null;
    if (value !== null) {
      if ((kind & CO_FAST_FREE) !== 0) {
        value = (value as PyCell).ref;
      } else if ((kind & CO_FAST_CELL) !== 0) {
        const madeCell = (kind & CO_FAST_LOCAL) === 0 || opAlreadyRan(frame, op.MAKE_CELL, i);
        if (isCell(value) && madeCell) value = value.ref;
      }
    }
    storeLocal(locals, name, value);
  }
  return locals;
}

function storeLocal(locals: PyObject, name: PyObject, value: PyObject | null): void {
  if (locals.type === DictType) {
    if (value === null) dictDelItemIfPresent(locals as PyDict, name);
    else dictSetItem(locals as PyDict, name, value);
    return;
  }
  if (value !== null) {
    setItem(locals, name, value);
    return;
  }
  try {
    delItem(locals, name);
  } catch (e) {
    if (!isPyError(e, KeyErrorType)) throw e;
    clearError(e);
  }
}

/** locals() from a builtin: the caller frame's locals (new reference). */
export function localsOfFrame(frame: Frame | null): PyObject {
  if (frame === null) raise(SystemErrorType, "frame does not exist");
  return newRef(frameLocals(frame));
}

