// Include/object.h: PyObject; Include/internal/pycore_gc.h: PyGC_Head.
//
// Every Python object is a JS object whose first fields are this header, always
// initialised in the same order so that the hot paths (incref/decref, the collector)
// see one hidden-class layout for the shared part.
//
// Ownership convention used throughout heapscope's TypeScript code, as in CPython's C API:
// a function's PyObject arguments are *borrowed*; a PyObject it returns is a *new*
// reference the caller owns and must decref. Functions that take ownership of an
// argument say so in their name (`...Owned`, CPython's "steals a reference").

import type { PyType } from "./type.js";
import type { PyWeakReference } from "./weakref.js";

/** gcFlags bit: tp_finalize (__del__) has run for this object (PEP 442, gc.is_finalized). */
export const GC_FINALIZED = 1;
/** gcFlags bit: the object is in the generation being collected (PREV_MASK_COLLECTING). */
export const GC_COLLECTING = 2;
/** gcFlags bit: the object is on the collector's unreachable list (NEXT_MASK_UNREACHABLE). */
export const GC_UNREACHABLE = 4;

/** Refcount written into a freed object so that any later incref/decref is caught. */
export const FREED_REFCNT = -0x40000000;

/** Refcount that CPython 3.11 gives statically allocated objects (small ints, `()`, ...). */
export const STATIC_REFCNT = 999_999_999;

export class PyObject {
  // Definite-assignment marks: a hot subclass may write these itself (see the constructor).
  /** ob_refcnt */
  refcnt!: number;
  /** ob_type; a heap type is kept alive by each of its instances. */
  type!: PyType;
  /** The address of the object struct: what id() returns (after any pre-header). */
  address!: number;
  /** PyGC_Head._gc_next: next object in the generation list; null when untracked. */
  gcNext!: PyObject | null;
  /** PyGC_Head._gc_prev: previous object in the generation list. */
  gcPrev!: PyObject | null;
  /** During a collection: the copied refcount (gc_refs). Otherwise unused. */
  gcRefs!: number;
  /** GC_FINALIZED | GC_COLLECTING | GC_UNREACHABLE. */
  gcFlags!: number;
  /** tp_weaklist: head of the list of weak references to this object. */
  weakrefList!: PyWeakReference | null;

  /**
   * `type` null: the subclass constructor writes the eight header fields itself, in this
   * order, right after super(null). The stores below are shared by ~100 subclasses, each with
   * its own hidden class, so V8 runs them megamorphic (about 3x the cost of the allocation
   * itself); a store in the subclass's own constructor sees one hidden class. The allocation-
   * heavy classes (int, str, tuple, list, dict, float, instances, iterators, cells, bound
   * methods, functions) do this; see docs/PERFORMANCE.md.
   */
  constructor(type: PyType | null) {
    if (type === null) return;
    this.refcnt = 1;
    this.type = type;
    this.address = 0;
    this.gcNext = null;
    this.gcPrev = null;
    this.gcRefs = 0;
    this.gcFlags = 0;
    this.weakrefList = null;
  }
}

/** A traverse slot calls `visit(referent, arg)` for each strong reference it holds. */
export type VisitProc = (referent: PyObject, arg: unknown) => void;
