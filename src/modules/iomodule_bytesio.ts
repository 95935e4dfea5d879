// Modules/_io/bytesio.c (3.11): the bytesio struct (64 bytes: head, buf, pos, string_size,
// dict, weakreflist, exports), CHECK_CLOSED / CHECK_EXPORTS, SHARED_BUF, unshare_buffer,
// resize_buffer (its growth policy), write_bytes, read_bytes, scan_eol, every method
// (getbuffer, getvalue, read/read1, readline, readlines, readinto, write, writelines, seek,
// tell, truncate, close, ...), bytesio_iternext, bytesio_sizeof, bytesio_new / __init__
// (sharing an exact bytes initializer), and _io._BytesIOBuffer (bytesiobuf_getbuffer /
// bytesiobuf_releasebuffer: the export lock of getbuffer()).
//
// The content is a real bytes object, as in CPython: getvalue() may return it (so `is` and
// reference counts match), and it is copied ("unshared") before any write while someone else
// holds it. Its size changes with _PyBytes_Resize, i.e. a realloc of the object itself.

import { PyObject, type VisitProc } from "../runtime/object.js";
import { allocGCObject, allocObject, freeGCObject, allocator } from "../runtime/heap.js";
import { DOMAIN_OBJ } from "../memory/index.js";
import { gcTrack, gcUntrack } from "../runtime/gcstate.js";
import { decref, newRef } from "../runtime/refcount.js";
import { PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE } from "../runtime/type.js";
import { newStaticType, readyType } from "../runtime/typeroots.js";
import { addGetSets, addMethods } from "../runtime/descrobject.js";
import type { MethodDef } from "../runtime/methoddef.js";
import {
  BufferErrorType, OverflowErrorType, PyRaise, TypeErrorType, ValueErrorType, raise,
} from "../runtime/exceptions.js";
import { newIntSsize, newBool, isInt } from "../runtime/int.js";
import { None } from "../runtime/singletons.js";
import { PyBytes, BytesType, EMPTY_BYTES, BYTES_HEADER_SIZE, newBytes } from "../runtime/bytes.js";
import { listAppendOwned, newList } from "../runtime/list.js";
import { getIter, iterNext, numberAsSsize } from "../runtime/abstract.js";
import { parseArgs } from "../runtime/getargs.js";
import { getBuffer, releaseBuffer, registerBufferExporter, type BufferView } from "../runtime/bufferproto.js";
import { memoryViewFromObject, tupleDictToVector } from "../runtime/memoryobject.js";
import { clearWeakrefs } from "../runtime/weakref.js";
import type { PyTuple } from "../runtime/tuple.js";
import type { PyDict } from "../runtime/dict.js";
import { BufferedIOBaseType, optionalSsize, raiseUnsupported } from "./iomodule_base.js";

/** sizeof(bytesio) */
export const BYTESIO_BASICSIZE = 64;
/** sizeof(bytesiobuf): head and source. */
export const BYTESIOBUF_BASICSIZE = 24;

const PY_SSIZE_T_MAX = Number.MAX_SAFE_INTEGER;

export class PyBytesIO extends PyObject {
  /** The content object (null once closed). */
  buf: PyBytes | null;
  pos: number;
  stringSize: number;
  exports: number;
  constructor(type: PyType) {
    super(type);
    this.buf = null;
    this.pos = 0;
    this.stringSize = 0;
    this.exports = 0;
  }
}

export const BytesIOType = newStaticType("_io.BytesIO", BYTESIO_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE, BufferedIOBaseType);
BytesIOType.weaklistoffset = 48;
BytesIOType.doc = "Buffered I/O implementation using an in-memory bytes buffer.";

export function isBytesIO(o: PyObject): o is PyBytesIO {
  return o.type === BytesIOType || o.type.isSubtypeOf(BytesIOType);
}

// ---------------------------------------------------------------------------
// The content bytes object.

/** PyBytes_FromStringAndSize(NULL, size): a fresh object (the empty singleton for 0). */
function freshBytes(size: number): PyBytes {
  if (size === 0) return newRef(EMPTY_BYTES);
  const b = new PyBytes(BytesType, new Uint8Array(size));
  allocObject(b, BYTES_HEADER_SIZE + size + 1);
  return b;
}

/** _PyBytes_Resize of an unshared bytes object (the object is reallocated and may move). */
function bytesResize(b: PyBytes, size: number): PyBytes {
  if (b.data.length === size) return b;
  if (size === 0) {
    decref(b);
    return newRef(EMPTY_BYTES);
  }
  b.address = allocator.realloc(DOMAIN_OBJ, b.address, BYTES_HEADER_SIZE + size + 1);
  const data = new Uint8Array(size);
  data.set(b.data.subarray(0, Math.min(size, b.data.length)));
  b.data = data;
  b.hashCached = false;
  return b;
}

function checkClosed(self: PyBytesIO): PyBytes {
  if (self.buf === null) raise(ValueErrorType, "I/O operation on closed file.");
  return self.buf;
}

function checkExports(self: PyBytesIO): void {
  if (self.exports > 0) raise(BufferErrorType, "Existing exports of data: object cannot be re-sized");
}

function sharedBuf(self: PyBytesIO): boolean {
  return self.buf!.refcnt > 1;
}

/** unshare_buffer: a private copy of the first string_size bytes in a block of `size`. */
function unshareBuffer(self: PyBytesIO, size: number): void {
  const fresh = freshBytes(size);
  fresh.data.set(self.buf!.data.subarray(0, self.stringSize));
  decref(self.buf!);
  self.buf = fresh;
}

/** resize_buffer */
function resizeBuffer(self: PyBytesIO, size: number): void {
  let alloc = self.buf!.data.length;
  if (size > PY_SSIZE_T_MAX) raise(OverflowErrorType, "new buffer size too large");
  if (size < alloc / 2) alloc = size + 1;
  else if (size < alloc) return;
  else if (size <= alloc * 1.125) alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
  else alloc = size + 1;
  if (sharedBuf(self)) unshareBuffer(self, alloc);
  else self.buf = bytesResize(self.buf!, alloc);
}

/** write_bytes: returns the number of bytes written. */
function writeBytes(self: PyBytesIO, b: PyObject): number {
  checkExports(self);
  const view = getBuffer(b, false);
  try {
    const len = view.data.length;
    if (len === 0) return 0;
    const endpos = self.pos + len;
    if (endpos > self.buf!.data.length) resizeBuffer(self, endpos);
    else if (sharedBuf(self)) unshareBuffer(self, Math.max(endpos, self.stringSize));
    const data = self.buf!.data;
    // Past the end: the gap is filled with NUL bytes.
    if (self.pos > self.stringSize) data.fill(0, self.stringSize, self.pos);
    data.set(view.data, self.pos);
    self.pos = endpos;
    if (self.stringSize < endpos) self.stringSize = endpos;
    return len;
  } finally {
    releaseBuffer(view);
  }
}

/** read_bytes: the whole buffer object itself when that is exactly what is asked for. */
function readBytes(self: PyBytesIO, size: number): PyObject {
  const buf = self.buf!;
  if (size > 1 && self.pos === 0 && size === buf.data.length && self.exports === 0) {
    self.pos += size;
    return newRef(buf);
  }
  const out = buf.data.slice(self.pos, self.pos + size);
  self.pos += size;
  return newBytes(out);
}

/** scan_eol: length of the next line (up to `len` bytes, negative = no limit). */
function scanEol(self: PyBytesIO, len: number): number {
  if (self.pos >= self.stringSize) return 0;
  const maxlen = self.stringSize - self.pos;
  if (len < 0 || len > maxlen) len = maxlen;
  if (len > 0) {
    const data = self.buf!.data;
    const nl = data.indexOf(10, self.pos);
    if (nl >= 0 && nl < self.pos + len) len = nl - self.pos + 1;
  }
  return len;
}

// ---------------------------------------------------------------------------
// Construction and lifetime.

BytesIOType.new_ = (type: PyType, _args: PyTuple, _kwargs: PyDict | null) => {
  const self = new PyBytesIO(type);
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) type.refcnt++;
  allocGCObject(self, type.basicsize);
  // The empty bytes singleton: PyBytes_FromStringAndSize(NULL, 0).
  self.buf = newRef(EMPTY_BYTES);
  gcTrack(self);
  return self;
};

BytesIOType.init = (o: PyObject, args: PyTuple, kwargs: PyDict | null) => {
  const self = o as PyBytesIO;
  const { vec, nargs, kwnames } = tupleDictToVector(args, kwargs);
  let initvalue: PyObject | null;
  try {
    initvalue = parseArgs("BytesIO", vec, 0, nargs, kwnames, ["initial_bytes"], 0)[0] ?? null;
  } finally {
    if (kwnames !== null) decref(kwnames);
  }
  self.stringSize = 0;
  self.pos = 0;
  checkExports(self);
  if (initvalue !== null && initvalue !== None) {
    if (initvalue.type === BytesType) {
      const old = self.buf;
      self.buf = newRef(initvalue as PyBytes);
      if (old !== null) decref(old);
      self.stringSize = (initvalue as PyBytes).data.length;
    } else {
      if (self.buf === null) self.buf = newRef(EMPTY_BYTES);
      writeBytes(self, initvalue);
      self.pos = 0;
    }
  }
};

BytesIOType.dealloc = (o) => {
  const self = o as PyBytesIO;
  gcUntrack(self);
  const buf = self.buf;
  self.buf = null;
  if (buf !== null) decref(buf);
  if (self.weakrefList !== null) clearWeakrefs(self);
  freeGCObject(self);
};
BytesIOType.traverse = (_o, _visit: VisitProc, _arg) => {};
BytesIOType.iter = (o) => {
  checkClosed(o as PyBytesIO);
  return newRef(o);
};
BytesIOType.iternext = (o) => {
  const self = o as PyBytesIO;
  checkClosed(self);
  const n = scanEol(self, -1);
  if (n === 0) return null;
  return readBytes(self, n);
};

// ---------------------------------------------------------------------------
// Methods.

function sizeArg(o: PyObject | null | undefined): number {
  const v = optionalSsize(o ?? null);
  return v === null ? -1 : v;
}

function bytesioRead(o: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null, name = "read"): PyObject {
  const self = o as PyBytesIO;
  const p = parseArgs(name, args, start, nargs, kwnames, ["size"], 0, 1);
  let size = sizeArg(p[0]);
  checkClosed(self);
  const n = self.stringSize - self.pos;
  if (size < 0 || size > n) {
    size = n;
    if (size < 0) size = 0;
  }
  return readBytes(self, size);
}

function bytesioReadinto(o: PyObject, target: PyObject, name: string): PyObject {
  const self = o as PyBytesIO;
  let view: BufferView;
  try {
    view = getBuffer(target, true);
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    decref(e.exception);
    raise(TypeErrorType, `${name}() argument must be read-write bytes-like object, not ${target.type.name}`);
  }
  try {
    checkClosed(self);
    let len = view.data.length;
    const n = self.stringSize - self.pos;
    if (len > n) {
      len = n;
      if (len < 0) len = 0;
    }
    view.data.set(self.buf!.data.subarray(self.pos, self.pos + len));
    self.pos += len;
    return newIntSsize(len);
  } finally {
    releaseBuffer(view);
  }
}

const BYTESIO_METHODS: MethodDef[] = [
  { name: "readable", kind: "noargs", fn: (o) => (checkClosed(o as PyBytesIO), newBool(true)), doc: "Returns True if the IO object can be read." },
  { name: "seekable", kind: "noargs", fn: (o) => (checkClosed(o as PyBytesIO), newBool(true)), doc: "Returns True if the IO object can be seeked." },
  { name: "writable", kind: "noargs", fn: (o) => (checkClosed(o as PyBytesIO), newBool(true)), doc: "Returns True if the IO object can be written." },
  {
    name: "close",
    kind: "noargs",
    fn: (o) => {
      const self = o as PyBytesIO;
      checkExports(self);
      const buf = self.buf;
      self.buf = null;
      if (buf !== null) decref(buf);
      return newRef(None);
    },
    doc: "Disable all I/O operations.",
  },
  { name: "flush", kind: "noargs", fn: (o) => (checkClosed(o as PyBytesIO), newRef(None)), doc: "Does nothing." },
  { name: "isatty", kind: "noargs", fn: (o) => (checkClosed(o as PyBytesIO), newBool(false)), doc: "Always returns False." },
  { name: "tell", kind: "noargs", fn: (o) => (checkClosed(o as PyBytesIO), newIntSsize((o as PyBytesIO).pos)), doc: "Current file position, an integer." },
  { name: "write", kind: "o", fn: (o, b) => (checkClosed(o as PyBytesIO), newIntSsize(writeBytes(o as PyBytesIO, b))), doc: "Write bytes to file." },
  {
    name: "writelines",
    kind: "o",
    fn: (o, lines) => {
      const self = o as PyBytesIO;
      checkClosed(self);
      const it = getIter(lines);
      try {
        for (let item = iterNext(it); item !== null; item = iterNext(it)) {
          try {
            writeBytes(self, item);
          } finally {
            decref(item);
          }
        }
      } finally {
        decref(it);
      }
      return newRef(None);
    },
    doc: "Write lines to the file.",
  },
  { name: "read1", kind: "fastcall", fn: (o, a, s, n, k) => bytesioRead(o, a, s, n, k, "read1"), doc: "Read at most size bytes, returned as a bytes object." },
  { name: "readinto", kind: "o", fn: (o, b) => bytesioReadinto(o, b, "readinto"), doc: "Read bytes into buffer." },
  { name: "readinto1", kind: "o", fn: (o, b) => bytesioReadinto(o, b, "readinto1"), doc: "Read bytes into buffer." },
  {
    name: "readline",
    kind: "fastcall",
    fn: (o, args, start, nargs, kwnames) => {
      const self = o as PyBytesIO;
      const p = parseArgs("readline", args, start, nargs, kwnames, ["size"], 0, 1);
      const size = sizeArg(p[0]);
      checkClosed(self);
      return readBytes(self, scanEol(self, size));
    },
    doc: "Next line from the file, as a bytes object.",
  },
  {
    name: "readlines",
    kind: "fastcall",
    fn: (o, args, start, nargs, kwnames) => {
      const self = o as PyBytesIO;
      const p = parseArgs("readlines", args, start, nargs, kwnames, ["size"], 0, 1);
      const arg = p[0] ?? None;
      let maxsize: number;
      if (isInt(arg)) maxsize = numberAsSsize(arg, OverflowErrorType);
      else if (arg === None) maxsize = 0;
      else raise(TypeErrorType, `integer argument expected, got '${arg.type.name}'`);
      checkClosed(self);
      const result = newList(0);
      let total = 0;
      try {
        for (let n = scanEol(self, -1); n !== 0; n = scanEol(self, -1)) {
          listAppendOwned(result, newBytes(self.buf!.data.slice(self.pos, self.pos + n)));
          total += n;
          self.pos += n;
          if (maxsize > 0 && total >= maxsize) break;
        }
      } catch (e) {
        decref(result);
        throw e;
      }
      return result;
    },
    doc: "List of bytes objects, each a line from the file.",
  },
  { name: "read", kind: "fastcall", fn: (o, a, s, n, k) => bytesioRead(o, a, s, n, k, "read"), doc: "Read at most size bytes, returned as a bytes object." },
  {
    name: "getbuffer",
    kind: "noargs",
    fn: (o) => {
      const self = o as PyBytesIO;
      checkClosed(self);
      const holder = new PyBytesIOBuffer(newRef(self));
      allocGCObject(holder, BYTESIOBUF_BASICSIZE);
      gcTrack(holder);
      try {
        return memoryViewFromObject(holder);
      } finally {
        decref(holder);
      }
    },
    doc: "Get a read-write view over the contents of the BytesIO object.",
  },
  {
    name: "getvalue",
    kind: "noargs",
    fn: (o) => {
      const self = o as PyBytesIO;
      const buf = checkClosed(self);
      if (self.stringSize <= 1 || self.exports > 0) return newBytes(buf.data.slice(0, self.stringSize));
      if (self.stringSize !== buf.data.length) {
        if (sharedBuf(self)) unshareBuffer(self, self.stringSize);
        else self.buf = bytesResize(buf, self.stringSize);
      }
      return newRef(self.buf!);
    },
    doc: "Retrieve the entire contents of the BytesIO object.",
  },
  {
    name: "seek",
    kind: "fastcall",
    fn: (o, args, start, nargs, kwnames) => {
      const self = o as PyBytesIO;
      const p = parseArgs("seek", args, start, nargs, kwnames, ["pos", "whence"], 1, 2);
      let pos = numberAsSsize(p[0]!, OverflowErrorType);
      const whence = p[1] === null || p[1] === undefined ? 0 : numberAsSsize(p[1], OverflowErrorType);
      checkClosed(self);
      if (pos < 0 && whence === 0) raise(ValueErrorType, `negative seek value ${pos}`);
      if (whence === 1) pos += self.pos;
      else if (whence === 2) pos += self.stringSize;
      else if (whence !== 0) raise(ValueErrorType, `invalid whence (${whence}, should be 0, 1 or 2)`);
      if (pos < 0) pos = 0;
      self.pos = pos;
      return newIntSsize(pos);
    },
    doc: "Change stream position.",
  },
  {
    name: "truncate",
    kind: "fastcall",
    fn: (o, args, start, nargs, kwnames) => {
      const self = o as PyBytesIO;
      const p = parseArgs("truncate", args, start, nargs, kwnames, ["size"], 0, 1);
      const given = optionalSsize(p[0] ?? null);
      checkClosed(self);
      checkExports(self);
      const size = given === null ? self.pos : given;
      if (size < 0) raise(ValueErrorType, `negative size value ${size}`);
      if (size < self.stringSize) {
        self.stringSize = size;
        resizeBuffer(self, size);
      }
      return newIntSsize(size);
    },
    doc: "Truncate size to size.",
  },
  {
    name: "__sizeof__",
    kind: "noargs",
    fn: (o) => {
      const self = o as PyBytesIO;
      let size = self.type.basicsize;
      if (self.buf !== null && !sharedBuf(self)) size += BYTES_HEADER_SIZE + self.buf.data.length + 1;
      return newIntSsize(size);
    },
  },
  { name: "fileno", kind: "noargs", fn: () => raiseUnsupported("fileno") },
];

addMethods(BytesIOType, BYTESIO_METHODS);
addGetSets(BytesIOType, [
  { name: "closed", get: (o) => newBool((o as PyBytesIO).buf === null), doc: "True if the file is closed." },
]);
readyType(BytesIOType);

// ---------------------------------------------------------------------------
// _io._BytesIOBuffer: what getbuffer()'s memoryview has as its `obj`.

export class PyBytesIOBuffer extends PyObject {
  source: PyBytesIO | null;
  constructor(source: PyBytesIO) {
    super(BytesIOBufferType);
    this.source = source;
  }
}

export const BytesIOBufferType = newStaticType("_io._BytesIOBuffer", BYTESIOBUF_BASICSIZE, 0, TPFLAGS_HAVE_GC);
BytesIOBufferType.dealloc = (o) => {
  const b = o as PyBytesIOBuffer;
  gcUntrack(b);
  const source = b.source;
  b.source = null;
  if (source !== null) decref(source);
  freeGCObject(b);
};
BytesIOBufferType.traverse = (o, visit: VisitProc, arg) => {
  const source = (o as PyBytesIOBuffer).source;
  if (source !== null) visit(source, arg);
};
readyType(BytesIOBufferType);

registerBufferExporter(BytesIOBufferType, {
  get: (o) => {
    const b = (o as PyBytesIOBuffer).source!;
    if (sharedBuf(b)) unshareBuffer(b, b.stringSize);
    b.exports++;
    return { data: b.buf!.data.subarray(0, b.stringSize), readonly: false };
  },
  release: (o) => {
    (o as PyBytesIOBuffer).source!.exports--;
  },
});
