// Modules/_io/textio.c (3.11), the parts sys.stdin / stdout / stderr need: a text stream
// whose stdin side is always at end of file (Python code has no access to the host's input)
// and whose write() buffers like textiowrapper_write: an ASCII text is kept as the str object
// itself in `pending` (so it stays alive until the flush), a second write turns `pending`
// into a list (a GC allocation, visible in gc.get_count()), and a flush — when 8192 bytes are
// pending, on a newline for the line-buffered stderr, or on flush() — joins them into one
// bytes object handed to the host. Those objects are what CPython's print() allocates.
//
// The type is named like CPython's (`_io.TextIOWrapper`, 192 bytes) so reprs and sizes
// match; the io module may adopt it as its TextIOWrapper for the standard streams.

import { PyObject } from "../runtime/object.js";
import { allocGCObject, freeGCObject } from "../runtime/heap.js";
import { gcTrack, gcUntrack } from "../runtime/gcstate.js";
import { decref, newRef } from "../runtime/refcount.js";
import { PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC } from "../runtime/type.js";
import { newStaticType, readyType } from "../runtime/typeroots.js";
import { addGetSets, addMethods } from "../runtime/descrobject.js";
import { raise, TypeErrorType, ValueErrorType, OSErrorType } from "../runtime/exceptions.js";
import { newBool } from "../runtime/bool.js";
import { newInt, newIntSsize } from "../runtime/int.js";
import { EMPTY_STR, isStr, newStr } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import { listAppend, listFromOwned, ListType, type PyList } from "../runtime/list.js";
import { BytesType, newBytes, type PyBytes } from "../runtime/bytes.js";
import type { PyTuple } from "../runtime/tuple.js";

/** sizeof(textio) in 3.11. */
export const TEXTIO_BASICSIZE = 192;

export type StreamWriter = (stream: 1 | 2, text: string) => void;

export class PyTextStream extends PyObject {
  /** 0 = stdin, 1 = stdout, 2 = stderr. */
  fd: 0 | 1 | 2;
  name: string;
  closed: boolean;
  writer: StreamWriter;
  /** pending_bytes: null, one str/bytes, or a list of them (owned). */
  pending: PyObject | null;
  pendingCount: number;
  /** stderr is line-buffered in 3.9+ even when not a terminal. */
  lineBuffering: boolean;
  constructor(type: PyType, fd: 0 | 1 | 2, writer: StreamWriter) {
    super(type);
    this.fd = fd;
    this.name = fd === 0 ? "<stdin>" : fd === 1 ? "<stdout>" : "<stderr>";
    this.closed = false;
    this.writer = writer;
    this.pending = null;
    this.pendingCount = 0;
    this.lineBuffering = fd === 2;
  }
}

/** TextIOWrapper's _CHUNK_SIZE. */
const CHUNK_SIZE = 8192;

export const TextStreamType = newStaticType("_io.TextIOWrapper", TEXTIO_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE);
TextStreamType.dealloc = (self) => {
  gcUntrack(self);
  freeGCObject(self);
};
TextStreamType.repr = (self) => {
  const s = self as PyTextStream;
  return newStr(`<_io.TextIOWrapper name='${s.name}' mode='${s.fd === 0 ? "r" : "w"}' encoding='utf-8'>`);
};
TextStreamType.iter = (self) => {
  checkOpen(self as PyTextStream);
  return newRef(self);
};
TextStreamType.iternext = (self) => {
  checkOpen(self as PyTextStream);
  // Standard input is always at end of file.
  return null;
};
readyType(TextStreamType);

function checkOpen(s: PyTextStream): void {
  if (s.closed) raise(ValueErrorType, "I/O operation on closed file.");
}

function unsupported(what: string): never {
  raise(OSErrorType, what);
}

function streamWrite(self: PyObject, text: PyObject): PyObject {
  const s = self as PyTextStream;
  if (!isStr(text)) raise(TypeErrorType, `write() argument must be str, not ${text.type.name}`);
  checkOpen(s);
  if (s.fd === 0) unsupported("not writable");
  const length = text.length;
  const needFlush = s.lineBuffering && (text.value.includes("\n") || text.value.includes("\r"));
  // An ASCII text is buffered as the str itself; anything else is encoded to bytes first.
  let b: PyObject;
  let bytesLength: number;
  if (text.ascii && length <= CHUNK_SIZE) {
    b = newRef(text);
    bytesLength = length;
  } else {
    const encoded = new TextEncoder().encode(text.value);
    b = newBytes(encoded);
    bytesLength = encoded.length;
  }
  if (s.pending === null) {
    s.pendingCount = 0;
    s.pending = b;
  } else if (s.pendingCount + bytesLength > CHUNK_SIZE) {
    flushPending(s);
    s.pending = b;
  } else if (s.pending.type !== ListType) {
    s.pending = listFromOwned([s.pending, b]);
  } else {
    listAppend(s.pending as PyList, b);
    decref(b);
  }
  s.pendingCount += bytesLength;
  if (s.pendingCount >= CHUNK_SIZE || needFlush) flushPending(s);
  return newIntSsize(length);
}

/** _textiowrapper_writeflush: one bytes object of the pending text, handed to the host. */
export function flushPending(s: PyTextStream): void {
  const pending = s.pending;
  if (pending === null) return;
  let text = "";
  if (pending.type === ListType) {
    for (const part of (pending as PyList).items) text += partText(part);
  } else {
    text += partText(pending);
  }
  const b = pending.type === BytesType ? newRef(pending) : newBytes(new TextEncoder().encode(text));
  s.pendingCount = 0;
  s.pending = null;
  decref(pending);
  if (text.length > 0) s.writer(s.fd as 1 | 2, text);
  decref(b);
}

function partText(part: PyObject): string {
  if (isStr(part)) return part.value;
  return new TextDecoder().decode((part as PyBytes).data);
}

function streamFlush(self: PyObject): PyObject {
  const s = self as PyTextStream;
  checkOpen(s);
  flushPending(s);
  return newRef(None);
}

function streamClose(self: PyObject): PyObject {
  const s = self as PyTextStream;
  if (!s.closed) flushPending(s);
  s.closed = true;
  return newRef(None);
}

function streamFileno(self: PyObject): PyObject {
  return newInt((self as PyTextStream).fd);
}

function streamIsatty(self: PyObject): PyObject {
  checkOpen(self as PyTextStream);
  return newBool(false);
}

function streamReadable(self: PyObject): PyObject {
  checkOpen(self as PyTextStream);
  return newBool((self as PyTextStream).fd === 0);
}

function streamWritable(self: PyObject): PyObject {
  checkOpen(self as PyTextStream);
  return newBool((self as PyTextStream).fd !== 0);
}

function streamSeekable(self: PyObject): PyObject {
  checkOpen(self as PyTextStream);
  return newBool(false);
}

/** read() / readline(): standard input is always at end of file. */
function streamRead(self: PyObject, _args: PyObject[], _start: number, _nargs: number, _kwnames: PyTuple | null): PyObject {
  const s = self as PyTextStream;
  checkOpen(s);
  if (s.fd !== 0) unsupported("not readable");
  return newRef(EMPTY_STR);
}

function streamReadlines(self: PyObject, _args: PyObject[], _start: number, _nargs: number, _kwnames: PyTuple | null): PyObject {
  const s = self as PyTextStream;
  checkOpen(s);
  if (s.fd !== 0) unsupported("not readable");
  return listFromOwned([]);
}

function streamEnter(self: PyObject): PyObject {
  checkOpen(self as PyTextStream);
  return newRef(self);
}

function streamExit(self: PyObject, _args: PyObject[], _start: number, _nargs: number, _kwnames: PyTuple | null): PyObject {
  return streamClose(self);
}

addMethods(TextStreamType, [
  { name: "write", kind: "o", fn: streamWrite },
  { name: "flush", kind: "noargs", fn: streamFlush },
  { name: "close", kind: "noargs", fn: streamClose },
  { name: "fileno", kind: "noargs", fn: streamFileno },
  { name: "isatty", kind: "noargs", fn: streamIsatty },
  { name: "readable", kind: "noargs", fn: streamReadable },
  { name: "writable", kind: "noargs", fn: streamWritable },
  { name: "seekable", kind: "noargs", fn: streamSeekable },
  { name: "read", kind: "fastcall", fn: streamRead },
  { name: "readline", kind: "fastcall", fn: streamRead },
  { name: "readlines", kind: "fastcall", fn: streamReadlines },
  { name: "__enter__", kind: "noargs", fn: streamEnter },
  { name: "__exit__", kind: "fastcall", fn: streamExit },
]);

addGetSets(TextStreamType, [
  { name: "encoding", get: () => newStr("utf-8") },
  { name: "errors", get: (self) => newStr((self as PyTextStream).fd === 2 ? "backslashreplace" : "strict") },
  { name: "name", get: (self) => newStr((self as PyTextStream).name) },
  { name: "mode", get: (self) => newStr((self as PyTextStream).fd === 0 ? "r" : "w") },
  { name: "closed", get: (self) => newBool((self as PyTextStream).closed) },
  { name: "line_buffering", get: () => newBool(false) },
  { name: "newlines", get: () => newRef(None) },
]);

/** A new standard stream (new reference). */
export function newTextStream(fd: 0 | 1 | 2, writer: StreamWriter): PyTextStream {
  const s = new PyTextStream(TextStreamType, fd, writer);
  allocGCObject(s, TEXTIO_BASICSIZE);
  gcTrack(s);
  return s;
}
