// Helpers the container types share: Python/ceval.c's _PyEval_SliceIndexNotNone (the
// `slice_index(accept={int})` converter of index() / count() arguments) and the ssize_t
// bounds as JS numbers.

import type { PyObject } from "./object.js";
import { numberIndexAsNumber } from "./abstract.js";
import { raise, TypeErrorType } from "./exceptions.js";

/** PY_SSIZE_T_MAX as a double (2**63); only ever compared or clamped against lengths. */
export const SSIZE_MAX = 9223372036854775807;

/** _PyEval_SliceIndexNotNone: an __index__ value clamped to ssize_t. */
export function sliceIndexNotNone(v: PyObject): number {
  if (v.type.nbIndex === null) raise(TypeErrorType, "slice indices must be integers or have an __index__ method");
  return numberIndexAsNumber(v, null);
}
