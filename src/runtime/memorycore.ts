// Objects/memoryobject.c (3.11), the object half: _PyManagedBuffer_Type (mbuf_alloc,
// _PyManagedBuffer_FromObject, mbuf_release, mbuf_dealloc/traverse/clear), PyMemoryView_Type's
// struct (memory_alloc with 3*ndim trailing words), mbuf_add_view / mbuf_add_incomplete_view,
// init_shape_strides, init_flags, init_len, PyMemoryView_FromObject, _memory_release /
// memory_release, memory_dealloc/traverse/clear, memory_repr, memory_length, the attribute
// getters (CHECK_RELEASED first), memory_getbuf / memory_releasebuf (a memoryview is itself an
// exporter) and PyBuffer_IsContiguous / PyBuffer_ToContiguous.
//
// One managed buffer holds the exporter's buffer (one export on the exporter) for every view
// derived from the same memoryview(obj) call; the export ends when the last of those views is
// released, garbage or cleared by the collector. Indexing, casts and comparisons are in
// memoryops.ts.

import { PyObject, type VisitProc } from "./object.js";
import { allocGCObject, freeGCObject, allocator } from "./heap.js";
import { DOMAIN_MEM } from "../memory/index.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, incref } from "./refcount.js";
import { TPFLAGS_HAVE_GC, type PyType } from "./type.js";
import { newStaticType, readyType, TPFLAGS_SEQUENCE } from "./typeroots.js";
import { BufferErrorType, TypeErrorType, ValueErrorType, raise } from "./exceptions.js";
import { registerBufferExporter, getBuffer, releaseBuffer, checkBuffer, type BufferView } from "./bufferproto.js";
import { clearWeakrefs } from "./weakref.js";
import { varSizeOf } from "./typeobject.js";
import { newStr } from "./str.js";

// ---------------------------------------------------------------------------
// Formats of exporters.

export interface BufferFormat {
  format: string;
  itemsize: number;
}

const BYTE_FORMAT: BufferFormat = { format: "B", itemsize: 1 };

// Exporters whose items are not unsigned bytes (array.array) say so here; created on first
// use because exporter modules may register while this module is still loading.
// eslint-disable-next-line no-var
var formatProviders: Map<PyType, (o: PyObject) => BufferFormat> | undefined;

/** Declares the struct format and item size of `type`'s exported buffers (default "B", 1). */
export function registerBufferFormat(type: PyType, provider: (o: PyObject) => BufferFormat): void {
  if (formatProviders === undefined) formatProviders = new Map();
  formatProviders.set(type, provider);
}

function bufferFormatOf(o: PyObject): BufferFormat {
  if (formatProviders === undefined) return BYTE_FORMAT;
  for (let t: PyType | null = o.type; t !== null; t = t.base) {
    const p = formatProviders.get(t);
    if (p !== undefined) return p(o);
  }
  return BYTE_FORMAT;
}

// ---------------------------------------------------------------------------
// The managed buffer.

/** _Py_MANAGED_BUFFER_RELEASED */
const MBUF_RELEASED = 1;

/** sizeof(_PyManagedBufferObject): head, flags, exports, the master Py_buffer (80). */
export const MANAGED_BUFFER_BASICSIZE = 112;

export class PyManagedBuffer extends PyObject {
  flags: number;
  /** Views registered on this buffer (mbuf->exports). */
  exports: number;
  /** The master Py_buffer from the exporter (null once released). */
  master: BufferView | null;
  /** master.obj, kept after release for the views' `obj` (borrowed from the master). */
  exporter: PyObject | null;
  bytes: Uint8Array;
  dv: DataView;
  format: string;
  itemsize: number;
  readonly: boolean;

  constructor() {
    super(ManagedBufferType);
    this.flags = 0;
    this.exports = 0;
    this.master = null;
    this.exporter = null;
    this.bytes = EMPTY_BYTES;
    this.dv = EMPTY_DV;
    this.format = "B";
    this.itemsize = 1;
    this.readonly = true;
  }
}

const EMPTY_BYTES = new Uint8Array(0);
const EMPTY_DV = new DataView(EMPTY_BYTES.buffer);

export const ManagedBufferType = newStaticType("managedbuffer", MANAGED_BUFFER_BASICSIZE, 0, TPFLAGS_HAVE_GC);
ManagedBufferType.dealloc = (self) => {
  const m = self as PyManagedBuffer;
  mbufRelease(m);
  freeGCObject(m);
};
ManagedBufferType.traverse = (self, visit: VisitProc, arg) => {
  const m = self as PyManagedBuffer;
  if (m.master !== null) visit(m.master.obj, arg);
};
ManagedBufferType.clear = (self) => mbufRelease(self as PyManagedBuffer);
readyType(ManagedBufferType);

/** mbuf_release: gives the exporter its buffer back (untracks: nothing is held any more). */
function mbufRelease(m: PyManagedBuffer): void {
  if ((m.flags & MBUF_RELEASED) !== 0) return;
  m.flags |= MBUF_RELEASED;
  if (m.gcNext !== null) gcUntrack(m);
  const master = m.master;
  m.master = null;
  if (master !== null) releaseBuffer(master);
}

/** _PyManagedBuffer_FromObject: one export on `base` (new reference to the managed buffer). */
function managedBufferFromObject(base: PyObject): PyManagedBuffer {
  const m = new PyManagedBuffer();
  allocGCObject(m, MANAGED_BUFFER_BASICSIZE);
  gcTrack(m);
  let view: BufferView;
  try {
    view = getBuffer(base, false);
  } catch (e) {
    // The buffer was never acquired: the managed buffer dies with nothing to release.
    m.flags |= MBUF_RELEASED;
    gcUntrack(m);
    decref(m);
    throw e;
  }
  const fmt = bufferFormatOf(base);
  m.master = view;
  m.exporter = view.obj;
  m.bytes = view.data;
  m.dv = new DataView(view.data.buffer, view.data.byteOffset, view.data.byteLength);
  m.format = fmt.format;
  m.itemsize = fmt.itemsize;
  m.readonly = view.readonly;
  return m;
}

// ---------------------------------------------------------------------------
// The memoryview object.

/** _Py_MEMORYVIEW_* flags. */
export const MV_RELEASED = 0x001;
export const MV_C = 0x002;
export const MV_FORTRAN = 0x004;
export const MV_SCALAR = 0x008;

/** offsetof(PyMemoryViewObject, ob_array): var head, mbuf, hash, flags, exports, view, weakreflist. */
export const MEMORYVIEW_BASICSIZE = 144;
/** Each trailing word of ob_array (shape, strides and suboffsets: 3 per dimension). */
export const MEMORYVIEW_ITEMSIZE = 8;

export class PyMemoryView extends PyObject {
  mbuf: PyManagedBuffer | null;
  flags: number;
  /** Buffers this view has exported (memory_getbuf); release() refuses while > 0. */
  exports: number;
  hashCached: boolean;
  hashHi: number;
  hashLo: number;
  /** ob_size: words allocated after the struct (3 * ndim at allocation, ndim at least 1 for casts). */
  arrayWords: number;
  // The view's Py_buffer.
  /** view.obj (borrowed: the managed buffer's master holds the reference). */
  obj: PyObject | null;
  bytes: Uint8Array;
  dv: DataView;
  /** view.buf as a byte offset into `bytes`. */
  buf: number;
  len: number;
  itemsize: number;
  readonly: boolean;
  ndim: number;
  format: string;
  shape: number[];
  strides: number[];

  constructor(arrayWords: number) {
    super(MemoryViewType);
    this.mbuf = null;
    this.flags = 0;
    this.exports = 0;
    this.hashCached = false;
    this.hashHi = 0;
    this.hashLo = 0;
    this.arrayWords = arrayWords;
    this.obj = null;
    this.bytes = EMPTY_BYTES;
    this.dv = EMPTY_DV;
    this.buf = 0;
    this.len = 0;
    this.itemsize = 1;
    this.readonly = true;
    this.ndim = 1;
    this.format = "B";
    this.shape = [];
    this.strides = [];
  }
}

export const MemoryViewType = newStaticType("memoryview", MEMORYVIEW_BASICSIZE, MEMORYVIEW_ITEMSIZE, TPFLAGS_HAVE_GC | TPFLAGS_SEQUENCE);
MemoryViewType.doc = "Create a new memoryview object which references the given object.";
MemoryViewType.weaklistoffset = 136;
MemoryViewType.dealloc = memoryDealloc;
MemoryViewType.traverse = (self, visit: VisitProc, arg) => {
  const mv = self as PyMemoryView;
  if (mv.mbuf !== null) visit(mv.mbuf, arg);
};
MemoryViewType.clear = (self) => {
  const mv = self as PyMemoryView;
  memoryReleaseQuiet(mv);
  const m = mv.mbuf;
  mv.mbuf = null;
  if (m !== null) decref(m);
};
MemoryViewType.repr = (self) => {
  const mv = self as PyMemoryView;
  const released = (mv.flags & MV_RELEASED) !== 0;
  return newStr(`<${released ? "released " : ""}memory at 0x${mv.address.toString(16)}>`);
};
MemoryViewType.sqLength = memoryLength;
MemoryViewType.mpLength = memoryLength;

// object.__sizeof__ of a memoryview counts its trailing words (Py_SIZE).
{
  const previous = varSizeOf.fn;
  varSizeOf.fn = (o) => (o instanceof PyMemoryView ? o.arrayWords : previous(o));
}

export function isMemoryView(o: PyObject): o is PyMemoryView {
  return o.type === MemoryViewType;
}

/** BASE_INACCESSIBLE */
export function baseInaccessible(mv: PyMemoryView): boolean {
  return (mv.flags & MV_RELEASED) !== 0 || mv.mbuf === null || (mv.mbuf.flags & MBUF_RELEASED) !== 0;
}

/** CHECK_RELEASED */
export function checkReleased(mv: PyMemoryView): void {
  if (baseInaccessible(mv)) raise(ValueErrorType, "operation forbidden on released memoryview object");
}

/** memory_alloc(ndim): a view struct with 3*ndim trailing words, tracked. */
function memoryAlloc(ndim: number): PyMemoryView {
  const mv = new PyMemoryView(3 * ndim);
  allocGCObject(mv, MEMORYVIEW_BASICSIZE + MEMORYVIEW_ITEMSIZE * 3 * ndim);
  gcTrack(mv);
  return mv;
}

/** The Py_buffer fields a new view copies from its source (init_shared_values). */
interface ViewSource {
  obj: PyObject | null;
  bytes: Uint8Array;
  dv: DataView;
  buf: number;
  len: number;
  itemsize: number;
  readonly: boolean;
  format: string;
  ndim: number;
  shape: number[];
  strides: number[];
}

function masterSource(m: PyManagedBuffer): ViewSource {
  const n = m.bytes.length;
  const items = m.itemsize > 0 ? Math.floor(n / m.itemsize) : 0;
  return {
    obj: m.exporter,
    bytes: m.bytes,
    dv: m.dv,
    buf: 0,
    len: n,
    itemsize: m.itemsize,
    readonly: m.readonly,
    format: m.format,
    ndim: 1,
    shape: [items],
    strides: [m.itemsize],
  };
}

function initSharedValues(dest: PyMemoryView, src: ViewSource): void {
  dest.obj = src.obj;
  dest.bytes = src.bytes;
  dest.dv = src.dv;
  dest.buf = src.buf;
  dest.len = src.len;
  dest.itemsize = src.itemsize;
  dest.readonly = src.readonly;
  dest.format = src.format;
}

function register(mv: PyMemoryView, m: PyManagedBuffer): void {
  incref(m);
  mv.mbuf = m;
  m.exports++;
}

/** mbuf_add_view: a new view on `m` with src's shape (new reference). */
export function mbufAddView(m: PyManagedBuffer, src: ViewSource | null): PyMemoryView {
  const source = src ?? masterSource(m);
  const mv = memoryAlloc(source.ndim);
  initSharedValues(mv, source);
  mv.ndim = source.ndim;
  mv.shape = source.shape.slice();
  mv.strides = source.strides.slice();
  initFlags(mv);
  register(mv, m);
  return mv;
}

/** mbuf_add_incomplete_view: shape and strides are left for the caller (casts). */
export function mbufAddIncompleteView(m: PyManagedBuffer, src: ViewSource, ndim: number): PyMemoryView {
  const mv = memoryAlloc(ndim);
  initSharedValues(mv, src);
  register(mv, m);
  return mv;
}

/** PyBuffer_IsContiguous for 'C' or 'F' order. */
export function isContiguous(view: { len: number; itemsize: number; ndim: number; shape: number[]; strides: number[] }, order: "C" | "F"): boolean {
  if (view.len === 0) return true;
  let sd = view.itemsize;
  if (order === "C") {
    for (let i = view.ndim - 1; i >= 0; i--) {
      const dim = view.shape[i]!;
      if (dim > 1 && view.strides[i] !== sd) return false;
      sd *= dim;
    }
  } else {
    for (let i = 0; i < view.ndim; i++) {
      const dim = view.shape[i]!;
      if (dim > 1 && view.strides[i] !== sd) return false;
      sd *= dim;
    }
  }
  return true;
}

/** init_flags */
export function initFlags(mv: PyMemoryView): void {
  let flags = mv.flags & MV_RELEASED;
  if (mv.ndim === 0) flags |= MV_SCALAR | MV_C | MV_FORTRAN;
  else if (mv.ndim === 1) {
    if (mv.shape[0] === 1 || mv.strides[0] === mv.itemsize) flags |= MV_C | MV_FORTRAN;
  } else {
    if (isContiguous(mv, "C")) flags |= MV_C;
    if (isContiguous(mv, "F")) flags |= MV_FORTRAN;
  }
  mv.flags = flags;
}

/** init_len */
export function initLen(mv: PyMemoryView): void {
  let len = 1;
  for (let i = 0; i < mv.ndim; i++) len *= mv.shape[i]!;
  mv.len = len * mv.itemsize;
}

/** PyMemoryView_FromObject (new reference). */
export function memoryViewFromObject(v: PyObject): PyMemoryView {
  if (isMemoryView(v)) {
    checkReleased(v);
    return mbufAddView(v.mbuf!, v);
  }
  if (checkBuffer(v)) {
    const m = managedBufferFromObject(v);
    try {
      return mbufAddView(m, null);
    } finally {
      decref(m);
    }
  }
  raise(TypeErrorType, `memoryview: a bytes-like object is required, not '${v.type.name}'`);
}

/** _memory_release: true when released (or already), false when exports forbid it. */
function memoryReleaseQuiet(mv: PyMemoryView): boolean {
  if ((mv.flags & MV_RELEASED) !== 0) return true;
  if (mv.exports !== 0) return false;
  mv.flags |= MV_RELEASED;
  const m = mv.mbuf;
  if (m !== null && --m.exports === 0) mbufRelease(m);
  return true;
}

/** memoryview.release() */
export function memoryRelease(mv: PyMemoryView): void {
  if (memoryReleaseQuiet(mv)) return;
  const n = mv.exports;
  raise(BufferErrorType, `memoryview has ${n} exported buffer${n === 1 ? "" : "s"}`);
}

function memoryDealloc(self: PyObject): void {
  const mv = self as PyMemoryView;
  gcUntrack(mv);
  memoryReleaseQuiet(mv);
  const m = mv.mbuf;
  mv.mbuf = null;
  if (m !== null) decref(m);
  if (mv.weakrefList !== null) clearWeakrefs(mv);
  freeGCObject(mv);
}

/** memory_length */
export function memoryLength(self: PyObject): number {
  const mv = self as PyMemoryView;
  checkReleased(mv);
  return mv.ndim === 0 ? 1 : mv.shape[0]!;
}

// ---------------------------------------------------------------------------
// Copies in logical order.

/**
 * PyBuffer_ToContiguous: the view's items in C (row-major) or Fortran order as fresh bytes.
 * Strided views gather item by item.
 */
export function viewToBytes(mv: ViewSource, order: "C" | "F" | "A" = "C"): Uint8Array {
  const out = new Uint8Array(mv.len);
  if (mv.len === 0) return out;
  if (mv.ndim === 0) {
    out.set(mv.bytes.subarray(mv.buf, mv.buf + mv.itemsize));
    return out;
  }
  const fortran = order === "F" || (order === "A" && !isContiguous(mv, "C") && isContiguous(mv, "F"));
  if (!fortran && isContiguous(mv, "C")) {
    out.set(mv.bytes.subarray(mv.buf, mv.buf + mv.len));
    return out;
  }
  const ndim = mv.ndim;
  const index = new Array<number>(ndim).fill(0);
  const itemsize = mv.itemsize;
  let pos = 0;
  const total = mv.len / itemsize;
  for (let k = 0; k < total; k++) {
    let offset = mv.buf;
    for (let d = 0; d < ndim; d++) offset += index[d]! * mv.strides[d]!;
    out.set(mv.bytes.subarray(offset, offset + itemsize), pos);
    pos += itemsize;
    // Advance the multi-index: the last dimension fastest in C order, the first in Fortran.
    if (fortran) {
      for (let d = 0; d < ndim; d++) {
        if (++index[d]! < mv.shape[d]!) break;
        index[d] = 0;
      }
    } else {
      for (let d = ndim - 1; d >= 0; d--) {
        if (++index[d]! < mv.shape[d]!) break;
        index[d] = 0;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// A memoryview as an exporter (memory_getbuf / memory_releasebuf).

registerBufferExporter(MemoryViewType, {
  get: (o, writable) => {
    const mv = o as PyMemoryView;
    checkReleased(mv);
    if (writable && mv.readonly) raise(BufferErrorType, "memoryview: underlying buffer is not writable");
    let data: Uint8Array;
    if ((mv.flags & MV_C) !== 0) {
      data = mv.bytes.subarray(mv.buf, mv.buf + mv.len);
    } else {
      // A consumer asking for plain bytes of a strided view gets them in logical order; one
      // that wants to write through needs contiguous memory.
      if (writable) raise(BufferErrorType, "memoryview: underlying buffer is not C-contiguous");
      data = viewToBytes(mv);
    }
    mv.exports++;
    return { data, readonly: mv.readonly };
  },
  release: (o) => {
    (o as PyMemoryView).exports--;
  },
});

/** A memoryview's items are in its own format for other memoryviews built on it. */
registerBufferFormat(MemoryViewType, (o) => {
  const mv = o as PyMemoryView;
  return { format: mv.format, itemsize: mv.itemsize };
});

/** A structured view of any exporter for comparisons and slice assignment (PyBUF_FULL_RO). */
export interface HeldBuffer extends ViewSource {
  release(): void;
}

/**
 * PyObject_GetBuffer(o, PyBUF_FULL_RO) with shape and format: a memoryview gives its own
 * structure; other exporters give one dimension of their items. Call release() when done.
 */
export function holdStructuredBuffer(o: PyObject): HeldBuffer {
  if (isMemoryView(o)) {
    checkReleased(o);
    o.exports++;
    return {
      obj: o.obj, bytes: o.bytes, dv: o.dv, buf: o.buf, len: o.len, itemsize: o.itemsize,
      readonly: o.readonly, format: o.format, ndim: o.ndim, shape: o.shape, strides: o.strides,
      release: () => {
        o.exports--;
      },
    };
  }
  const view = getBuffer(o, false);
  const fmt = bufferFormatOf(o);
  const n = view.data.length;
  return {
    obj: view.obj, bytes: view.data, dv: new DataView(view.data.buffer, view.data.byteOffset, n), buf: 0, len: n,
    itemsize: fmt.itemsize, readonly: view.readonly, format: fmt.format, ndim: 1,
    shape: [fmt.itemsize > 0 ? Math.floor(n / fmt.itemsize) : 0], strides: [fmt.itemsize],
    release: () => releaseBuffer(view),
  };
}

/** PyMem_Malloc / PyMem_Free of a scratch buffer (what tracemalloc sees of copy_base's temp). */
export function withScratch<T>(size: number, body: () => T): T {
  const address = allocator.malloc(DOMAIN_MEM, size);
  try {
    return body();
  } finally {
    allocator.free(DOMAIN_MEM, address);
  }
}
