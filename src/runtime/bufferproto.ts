// Include/cpython/object.h: Py_buffer, PyBufferProcs (bf_getbuffer / bf_releasebuffer);
// Objects/abstract.c: PyObject_GetBuffer, PyBuffer_Release, PyObject_CheckBuffer.
//
// The byte-level part of the buffer protocol. An exporter type registers a getter and a
// releaser; every successful getBuffer must be paired with one releaseBuffer. bytes exports
// read-only views; bytearray exports writable views and counts its exports, refusing to
// resize while any is alive (memoryview, built by another module, sits on top of this).

import type { PyObject } from "./object.js";
import type { PyType } from "./type.js";
import { TypeErrorType, BufferErrorType, raise } from "./exceptions.js";
import { newRef, decref } from "./refcount.js";

/** A Py_buffer over one-dimensional unsigned bytes. */
export interface BufferView {
  /** The exporter (the view holds a reference to it until released). */
  obj: PyObject;
  /** The exported bytes; valid until releaseBuffer (exporters do not move them meanwhile). */
  data: Uint8Array;
  readonly: boolean;
}

export interface BufferExporter {
  /** bf_getbuffer: the current bytes of `o`; `writable` asks for PyBUF_WRITABLE. */
  get(o: PyObject, writable: boolean): { data: Uint8Array; readonly: boolean };
  /** bf_releasebuffer (may be absent: bytes keeps no export count). */
  release: ((o: PyObject) => void) | null;
}

// A `var`, created on first use: exporter modules register while they load, possibly before
// this module's body has run (inside an import cycle).
// eslint-disable-next-line no-var
var exportersMap: Map<PyType, BufferExporter> | undefined;

function registry(): Map<PyType, BufferExporter> {
  if (exportersMap === undefined) exportersMap = new Map();
  return exportersMap;
}

/** Declares `type` (and its subclasses) a buffer exporter. */
export function registerBufferExporter(type: PyType, exporter: BufferExporter): void {
  registry().set(type, exporter);
}

function exporterOf(o: PyObject): BufferExporter | null {
  const exporters = registry();
  const direct = exporters.get(o.type);
  if (direct !== undefined) return direct;
  const mro = o.type.mroList;
  for (let i = 1; i < mro.length; i++) {
    const e = exporters.get(mro[i]!);
    if (e !== undefined) return e;
  }
  for (let t = o.type.base; t !== null; t = t.base) {
    const e = exporters.get(t);
    if (e !== undefined) return e;
  }
  return null;
}

/** PyObject_CheckBuffer */
export function checkBuffer(o: PyObject): boolean {
  return exporterOf(o) !== null;
}

/**
 * PyObject_GetBuffer: a view of o's bytes (the view owns a reference to o). Errors:
 * "a bytes-like object is required, not 'str'" (the default `notExporterMessage`), and
 * BufferError "Object is not writable." when a writable view of a read-only exporter is asked.
 */
export function getBuffer(o: PyObject, writable = false, notExporterMessage: string | null = null): BufferView {
  const e = exporterOf(o);
  if (e === null) raise(TypeErrorType, notExporterMessage ?? `a bytes-like object is required, not '${o.type.name}'`);
  const v = e.get(o, writable);
  if (writable && v.readonly) raise(BufferErrorType, "Object is not writable.");
  return { obj: newRef(o), data: v.data, readonly: v.readonly };
}

/** PyBuffer_Release */
export function releaseBuffer(view: BufferView): void {
  const e = exporterOf(view.obj);
  if (e !== null && e.release !== null) e.release(view.obj);
  decref(view.obj);
}

/** The bytes of a bytes-like object, copied (for callers that keep no view). */
export function bufferBytesCopy(o: PyObject, notExporterMessage: string | null = null): Uint8Array {
  const v = getBuffer(o, false, notExporterMessage);
  try {
    return v.data.slice();
  } finally {
    releaseBuffer(v);
  }
}

/** The bytes of a bytes-like object if it is one (copied), else null. */
export function bufferBytesOrNull(o: PyObject): Uint8Array | null {
  if (exporterOf(o) === null) return null;
  return bufferBytesCopy(o);
}
