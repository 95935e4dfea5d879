// Objects/object.c: PyObject_CallFinalizer, PyObject_CallFinalizerFromDealloc (PEP 442);
// Python/errors.c: PyErr_WriteUnraisable, _PyErr_WriteUnraisableMsg and the text of the
// default sys.unraisablehook (write_unraisable_exc_file), used here only as a fallback.
//
// A finalizer (tp_finalize, a Python __del__) runs at most once per GC object: the
// GC_FINALIZED bit in the GC header remembers it. From a dealloc, the object is temporarily
// given one reference again; if the finalizer stored it somewhere the count stays above zero
// afterwards and the object is resurrected, so the dealloc must stop.
//
// Exceptions that cannot propagate (in finalizers, weakref callbacks, gc callbacks) go to the
// unraisable handler that the modules layer installs (sys.unraisablehook). Without one, a
// plain text version of the default hook's output goes to the fallback stderr writer.

import { GC_FINALIZED, PyObject } from "./object.js";
import { PyBaseException, PyRaise } from "./exceptions.js";
import { decref } from "./refcount.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { objectIsGC, TPFLAGS_HAVE_GC } from "./type.js";
import { RuntimeMisuseError } from "./refcount.js";
import { isStr } from "./str.js";

/**
 * Receives an exception that could not propagate. `exc` is the thrown value (a PyRaise for a
 * Python exception; anything else is an internal failure the hook should show as
 * SystemError); the handler takes it over and must release a PyRaise's exception. `obj` is
 * the object the error is about (or null, borrowed); `errMsg` replaces the "Exception ignored
 * in" prefix when not null (e.g. "Exception ignored in tp_clear of").
 */
export type UnraisableHandler = (exc: unknown, obj: PyObject | null, errMsg: string | null) => void;

let unraisableHandler: UnraisableHandler | null = null;

export function setUnraisableHandler(handler: UnraisableHandler | null): void {
  unraisableHandler = handler;
}

function defaultStderr(text: string): void {
  if (typeof process !== "undefined" && process.stderr !== undefined) process.stderr.write(text);
  else console.error(text.endsWith("\n") ? text.slice(0, -1) : text);
}

let fallbackWriter: (text: string) => void = defaultStderr;

/** Where the fallback format goes when no unraisable handler is installed. */
export function setUnraisableFallbackWriter(writer: ((text: string) => void) | null): void {
  fallbackWriter = writer ?? defaultStderr;
}

function release(exc: unknown): void {
  if (exc instanceof PyRaise) decref(exc.exception);
}

/**
 * PyErr_WriteUnraisable(obj) / _PyErr_WriteUnraisableMsg: report `exc` and swallow it. Takes
 * over `exc` (hands it to the installed handler, or releases it after the fallback text).
 */
export function writeUnraisable(exc: unknown, obj: PyObject | null, errMsg: string | null = null): void {
  const handler = unraisableHandler;
  if (handler !== null) {
    try {
      handler(exc, obj, errMsg);
    } catch (hookError) {
      // The default hook's text is used when sys.unraisablehook itself fails, as in CPython.
      try {
        writeFallback(hookError, null, "Exception ignored in sys.unraisablehook");
      } finally {
        release(hookError);
      }
    }
    return;
  }
  try {
    writeFallback(exc, obj, errMsg);
  } finally {
    release(exc);
  }
}

function writeFallback(exc: unknown, obj: PyObject | null, errMsg: string | null): void {
  let text = "";
  if (obj !== null) {
    text += (errMsg ?? "Exception ignored in") + ": " + reprForReport(obj) + "\n";
  } else if (errMsg !== null) {
    text += errMsg + ":\n";
  }
  text += exceptionLine(exc) + "\n";
  fallbackWriter(text);
}

/** The last line of a traceback: "TypeName: message", or "TypeName" when str(exc) is empty. */
export function exceptionLine(exc: unknown): string {
  if (!(exc instanceof PyRaise)) {
    const message = exc instanceof Error ? exc.message : String(exc);
    return `SystemError: heapscope internal error: ${message}`;
  }
  const e = exc.exception;
  const message = exceptionMessage(e);
  return message === "" ? e.type.name : `${e.type.name}: ${message}`;
}

function exceptionMessage(e: PyBaseException): string {
  const strSlot = e.type.str;
  if (strSlot !== null) {
    const text = textOfSlotResult(() => strSlot(e));
    if (text !== null) return text;
  }
  // BaseException.__str__: '' for no args, str(arg) for one, repr(args) otherwise.
  const items = e.args.items;
  if (items.length === 0) return "";
  if (items.length === 1) return strForReport(items[0]!);
  return reprForReport(e.args);
}

/** repr() without abstract.ts: the type's repr slot, else object.__repr__'s format. */
export function reprForReport(o: PyObject): string {
  const reprSlot = o.type.repr;
  if (reprSlot !== null) {
    const text = textOfSlotResult(() => reprSlot(o));
    return text ?? "<object repr() failed>";
  }
  return `<${o.type.name} object at 0x${o.address.toString(16)}>`;
}

function strForReport(o: PyObject): string {
  if (isStr(o)) return o.value;
  const strSlot = o.type.str;
  if (strSlot !== null) {
    const text = textOfSlotResult(() => strSlot(o));
    if (text !== null) return text;
  }
  return reprForReport(o);
}

function textOfSlotResult(call: () => PyObject): string | null {
  let result: PyObject;
  try {
    result = call();
  } catch (e) {
    if (e instanceof PyRaise) decref(e.exception);
    return null;
  }
  const text = isStr(result) ? result.value : null;
  decref(result);
  return text;
}

/**
 * PyObject_CallFinalizer: run tp_finalize unless it already ran (GC types remember that in
 * GC_FINALIZED; non-GC types have nowhere to remember it and run it each time).
 */
export function callFinalizer(o: PyObject): void {
  const type = o.type;
  const finalize = type.finalize;
  if (finalize === null) return;
  const typeIsGC = (type.flags & TPFLAGS_HAVE_GC) !== 0;
  if (typeIsGC && (o.gcFlags & GC_FINALIZED) !== 0) return;
  try {
    finalize(o);
  } catch (e) {
    // tp_finalize must not raise (slot_tp_finalize reports its own errors); stay safe anyway.
    writeUnraisable(e, o);
  }
  if (typeIsGC) o.gcFlags |= GC_FINALIZED;
}

/**
 * PyObject_CallFinalizerFromDealloc, with subtype_dealloc's re-tracking around it: called
 * from a dealloc slot when the refcount has reached 0. Returns true when the finalizer
 * resurrected the object: the caller must stop deallocating (the object stays tracked, with
 * the references the finalizer created). Returns false on the normal path, with the refcount
 * back at 0 and the object untracked again if this function tracked it.
 */
export function callFinalizerFromDealloc(o: PyObject): boolean {
  if (o.refcnt !== 0) {
    throw new RuntimeMisuseError("callFinalizerFromDealloc", o, `refcount is ${o.refcnt}, expected 0`);
  }
  // A GC object is tracked while its finalizer runs, so that a collection started from the
  // finalizer sees it and a resurrected object lives on in generation 0.
  const trackedHere = o.gcNext === null && objectIsGC(o);
  if (trackedHere) gcTrack(o);
  o.refcnt = 1;
  callFinalizer(o);
  const remaining = o.refcnt - 1;
  if (remaining < 0) {
    throw new RuntimeMisuseError("callFinalizerFromDealloc", o, "the finalizer released a reference it did not own");
  }
  o.refcnt = remaining;
  if (remaining === 0) {
    if (trackedHere) gcUntrack(o);
    return false;
  }
  return true;
}
