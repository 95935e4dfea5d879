// Objects/floatobject.c: PyFloat_Type, PyFloat_FromDouble, float_dealloc and the float free
// list (struct _Py_float_state: up to PyFloat_MAXFREELIST = 100 parked objects),
// _PyFloat_ClearFreeList, _PyFloat_DebugMallocStats, float_subtype_new's allocation.
//
// The free list is why `id(1.5 + x) == id(2.5 + x)`: a dying exact float keeps its 24-byte
// block and the next float pops it (LIFO). A full collection empties the list back into
// pymalloc (heap.ts's registerFreeList).

import { PyObject } from "./object.js";
import {
  allocObject,
  allocGCObject,
  freeObject,
  freeGCObject,
  parkOnFreeList,
  reviveFromFreeList,
  registerFreeList,
} from "./heap.js";
import { gcTrack } from "./gcstate.js";
import { PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE } from "./type.js";
import { newStaticType, readyType, staticTypeSpec } from "./typeroots.js";
import { hashFloat } from "./values/pyhash.js";
import { installFloatSlots } from "./floatops.js";

/** sizeof(PyFloatObject) */
export const FLOAT_SIZE = 24;
/** PyFloat_MAXFREELIST */
export const FLOAT_MAX_FREE_LIST = 100;

export class PyFloat extends PyObject {
  value: number;
  constructor(type: PyType, value: number) {
    super(null);
    // The header, written here so that the stores are monomorphic (see PyObject).
    this.refcnt = 1;
    this.type = type;
    this.address = 0;
    this.gcNext = null;
    this.gcPrev = null;
    this.gcRefs = 0;
    this.gcFlags = 0;
    this.weakrefList = null;
    this.value = value;
  }
}

export const FloatType = newStaticType("float", FLOAT_SIZE, 0, TPFLAGS_BASETYPE);
FloatType.doc = "Convert a string or number to a floating point number, if possible.";

// The free list, most recently parked last (a JS array used as a stack).
const freeList: PyFloat[] = [];

function floatDealloc(self: PyObject): void {
  if (self.type === FloatType) {
    if (freeList.length < FLOAT_MAX_FREE_LIST) {
      parkOnFreeList(self);
      freeList.push(self as PyFloat);
      return;
    }
    freeObject(self);
    return;
  }
  // A heap subclass instance, reached from subtype_dealloc: its tp_free.
  if ((self.type.flags & TPFLAGS_HAVE_GC) !== 0) freeGCObject(self);
  else freeObject(self);
}
FloatType.dealloc = floatDealloc;

registerFreeList({
  clearRank: 1,
  statsRank: 1,
  clear(): void {
    while (freeList.length > 0) {
      const o = freeList.pop()!;
      freeObject(o);
    }
  },
  statsLines(): string[] {
    return [debugAllocatorStatsLine("free PyFloatObject", freeList.length, FLOAT_SIZE)];
  },
});

/** Number of floats parked on the free list (for tests and _debugmallocstats). */
export function floatFreeListLength(): number {
  return freeList.length;
}

/** _PyDebugAllocatorStats's line: "%d %ss * %zd bytes each" right-aligned in 48, then "=" and the total. */
export function debugAllocatorStatsLine(blockName: string, count: number, size: number): string {
  const left = `${count} ${blockName}s * ${size} bytes each`;
  const total = (count * size).toLocaleString("en-US");
  return `${left.padStart(48)} =${total.padStart(21)}`;
}

/** PyFloat_FromDouble: a new reference, reusing a parked float when there is one. */
export function newFloat(x: number): PyFloat {
  const o = freeList.pop();
  if (o !== undefined) {
    reviveFromFreeList(o);
    o.value = x;
    return o;
  }
  const f = new PyFloat(FloatType, x);
  allocObject(f, FLOAT_SIZE);
  return f;
}

export function isFloat(o: PyObject): o is PyFloat {
  return o.type === FloatType || o.type.isSubtypeOf(FloatType);
}

export function isExactFloat(o: PyObject): o is PyFloat {
  return o.type === FloatType;
}

/** float_subtype_new: an instance of a heap subclass of float (PyType_GenericAlloc). */
export function newFloatSubtypeInstance(type: PyType, x: number): PyFloat {
  const o = new PyFloat(type, x);
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) type.refcnt++;
  if ((type.flags & TPFLAGS_HAVE_GC) !== 0) {
    allocGCObject(o, type.basicsize);
    gcTrack(o);
  } else {
    allocObject(o, type.basicsize);
  }
  return o;
}

FloatType.hash = (self) => {
  const o = self as PyFloat;
  hashFloat(o.value, o.address);
};

FloatType.nbBool = (self) => (self as PyFloat).value !== 0;

installFloatSlots(FloatType, staticTypeSpec(FloatType));
readyType(FloatType);
