// Python/suggestions.c (3.11): _Py_Offer_Suggestions, the "Did you mean: 'x'?" that the
// default exception display adds to an AttributeError or NameError (exact types only).
//
// Candidates are dir(obj) for an AttributeError, and for a NameError the code's local
// variable names, then the frame's globals, then its builtins (each list tried in turn). The
// closest candidate by a Levenshtein distance over UTF-8 bytes (a move costs 2, a case flip 1)
// wins if no more than about a third of the characters differ.

import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/refcount.js";
import { PyRaise, AttributeErrorType, NameErrorType, attributeErrorContext, nameErrorName, type PyBaseException } from "../runtime/exceptions.js";
import { objectDir } from "../runtime/abstract.js";
import { StrType, type PyStr } from "../runtime/str.js";
import { TPFLAGS_UNICODE_SUBCLASS } from "../runtime/type.js";
import { dictNext, dictEntry, type PyDict } from "../runtime/dict.js";
import type { PyList } from "../runtime/list.js";
import { CO_FAST_LOCAL } from "./code.js";
import type { PyTraceBack } from "./traceback.js";

const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
const CASE_COST = 1;

const encoder = new TextEncoder();

function substitutionCost(a: number, b: number): number {
  if ((a & 31) !== (b & 31)) return MOVE_COST;
  if (a === b) return 0;
  if (a >= 65 && a <= 90) a += 32;
  if (b >= 65 && b <= 90) b += 32;
  return a === b ? CASE_COST : MOVE_COST;
}

/** levenshtein_distance, with CPython's early exits (returns maxCost + 1 when too far). */
export function levenshteinDistance(a: Uint8Array, b: Uint8Array, maxCost: number): number {
  let aStart = 0;
  let bStart = 0;
  let aEnd = a.length;
  let bEnd = b.length;
  while (aStart < aEnd && bStart < bEnd && a[aStart] === b[bStart]) {
    aStart++;
    bStart++;
  }
  while (aStart < aEnd && bStart < bEnd && a[aEnd - 1] === b[bEnd - 1]) {
    aEnd--;
    bEnd--;
  }
  let aSize = aEnd - aStart;
  let bSize = bEnd - bStart;
  if (aSize === 0 || bSize === 0) return (aSize + bSize) * MOVE_COST;
  if (aSize > MAX_STRING_SIZE || bSize > MAX_STRING_SIZE) return maxCost + 1;
  let x = a.subarray(aStart, aEnd);
  let y = b.subarray(bStart, bEnd);
  if (bSize < aSize) {
    [x, y] = [y, x];
    [aSize, bSize] = [bSize, aSize];
  }
  if ((bSize - aSize) * MOVE_COST > maxCost) return maxCost + 1;
  const buffer = new Array<number>(aSize);
  let tmp = MOVE_COST;
  for (let i = 0; i < aSize; i++) {
    buffer[i] = tmp;
    tmp += MOVE_COST;
  }
  let result = 0;
  for (let bIndex = 0; bIndex < bSize; bIndex++) {
    const code = y[bIndex]!;
    let distance = (result = bIndex * MOVE_COST);
    let minimum = Infinity;
    for (let index = 0; index < aSize; index++) {
      const substitute = distance + substitutionCost(code, x[index]!);
      distance = buffer[index]!;
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      buffer[index] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

/** calculate_suggestions: the closest name in `candidates` (str objects), or null. */
export function closestName(candidates: readonly PyObject[], name: string): string | null {
  if (candidates.length >= MAX_CANDIDATE_ITEMS) return null;
  const nameBytes = encoder.encode(name);
  let best: string | null = null;
  let bestDistance = Number.MAX_SAFE_INTEGER;
  for (const item of candidates) {
    if ((item.type.flags & TPFLAGS_UNICODE_SUBCLASS) === 0) return null;
    const text = (item as PyStr).value;
    if (text === name) continue;
    const itemBytes = encoder.encode(text);
    let maxDistance = Math.floor(((nameBytes.length + itemBytes.length + 3) * MOVE_COST) / 6);
    maxDistance = Math.min(maxDistance, bestDistance - 1);
    const d = levenshteinDistance(nameBytes, itemBytes, maxDistance);
    if (d > maxDistance) continue;
    if (best === null || d < bestDistance) {
      best = text;
      bestDistance = d;
    }
  }
  return best;
}

function dictKeys(d: PyDict): PyObject[] {
  const keys: PyObject[] = [];
  for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) keys.push(dictEntry.key as PyObject);
  return keys;
}

/** _Py_Offer_Suggestions: the suggested name for this exception, or null. Never raises. */
export function offerSuggestion(exc: PyBaseException): string | null {
  try {
    if (exc.type === AttributeErrorType) {
      const { name, obj } = attributeErrorContext(exc);
      if (name === null || obj === null || name.type !== StrType) return null;
      const dir = objectDir(obj) as PyList;
      try {
        return closestName(dir.items, (name as PyStr).value);
      } finally {
        decref(dir);
      }
    }
    if (exc.type === NameErrorType) {
      const name = nameErrorName(exc);
      let tb = exc.traceback as PyTraceBack | null;
      if (name === null || name.type !== StrType || tb === null || (tb as PyObject).type.name !== "traceback") return null;
      while (tb.next !== null) tb = tb.next;
      const frame = tb.frame.frame;
      const code = frame.code;
      const varnames: PyObject[] = [];
      for (let i = 0; i < code.nlocalsplus; i++) if ((code.localspluskinds[i]! & CO_FAST_LOCAL) !== 0) varnames.push(code.localsplusnames[i]!);
      const text = (name as PyStr).value;
      return closestName(varnames, text) ?? closestName(dictKeys(frame.globals), text) ?? closestName(dictKeys(frame.builtins), text);
    }
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    decref(e.exception);
  }
  return null;
}
