// Modules/_io/stringio.c (3.11): the stringio struct (120 bytes), resize_buffer (a PyMem
// block of Py_UCS4 code points and its growth), write_str (newline translation on the way in:
// universal decoding for newline=None, "\n" -> writenl for "\r" and "\r\n"), _stringio_readline
// with _PyIO_find_line_ending, read / readline / write / seek / tell / truncate / getvalue /
// close and the attributes; Modules/_io/textio.c's IncrementalNewlineDecoder as far as
// StringIO uses it (translation and the `newlines` record).
//
// CPython starts an empty StringIO in an "accumulating" state (a _PyUnicodeWriter) and
// switches to the code-point buffer on the first seek or overwrite; heapscope always uses the
// code-point buffer, so only the contents and positions match, not every intermediate block.

import { PyObject } from "../runtime/object.js";
import { allocGCObject, freeGCObject, allocator } from "../runtime/heap.js";
import { DOMAIN_MEM } from "../memory/index.js";
import { gcTrack, gcUntrack } from "../runtime/gcstate.js";
import { decref, newRef } from "../runtime/refcount.js";
import { PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE } from "../runtime/type.js";
import { newStaticType, readyType } from "../runtime/typeroots.js";
import { addGetSets, addMethods } from "../runtime/descrobject.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { OSErrorType, OverflowErrorType, TypeErrorType, ValueErrorType, raise } from "../runtime/exceptions.js";
import { newIntSsize, newBool } from "../runtime/int.js";
import { isStr, newStr, strCodePoints, type PyStr } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import { tupleFromOwned, type PyTuple } from "../runtime/tuple.js";
import { listAppendOwned, newList } from "../runtime/list.js";
import { getIter, iterNext, numberAsSsize, objectRepr } from "../runtime/abstract.js";
import { parseArgs } from "../runtime/getargs.js";
import { tupleDictToVector } from "../runtime/memoryobject.js";
import { clearWeakrefs } from "../runtime/weakref.js";
import type { PyDict } from "../runtime/dict.js";
import { TextIOBaseType, optionalSsize } from "./iomodule_base.js";

/** sizeof(stringio) */
export const STRINGIO_BASICSIZE = 120;

const SEEN_CR = 1;
const SEEN_LF = 2;
const SEEN_CRLF = 4;

export class PyStringIO extends PyObject {
  /** The code points; its length is the block's capacity (buf_size). */
  buf: number[];
  bufAddress: number;
  pos: number;
  stringSize: number;
  ok: boolean;
  closed: boolean;
  /** newline=None or '': lines end at any of \r, \n, \r\n. */
  readUniversal: boolean;
  /** newline=None: \r and \r\n become \n on write. */
  readTranslate: boolean;
  /** The newline argument ("\n", "\r", "\r\n", "") or null for None. */
  readnl: string | null;
  /** What "\n" becomes on write ("\r" or "\r\n"), or null. */
  writenl: string | null;
  /** Whether an IncrementalNewlineDecoder exists (newline None or ''), and what it saw. */
  hasDecoder: boolean;
  seenNewlines: number;

  constructor(type: PyType) {
    super(type);
    this.buf = [];
    this.bufAddress = 0;
    this.pos = 0;
    this.stringSize = 0;
    this.ok = false;
    this.closed = false;
    this.readUniversal = false;
    this.readTranslate = false;
    this.readnl = null;
    this.writenl = null;
    this.hasDecoder = false;
    this.seenNewlines = 0;
  }
}

export const StringIOType = newStaticType("_io.StringIO", STRINGIO_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE, TextIOBaseType);
StringIOType.weaklistoffset = 112;
StringIOType.doc = "Text I/O implementation using an in-memory buffer.\n\nThe initial_value argument sets the value of object.  The newline\nargument is like the one of TextIOWrapper's constructor.";

function checkInitialized(self: PyStringIO): void {
  if (!self.ok) raise(ValueErrorType, "I/O operation on uninitialized object");
}

function checkClosed(self: PyStringIO): void {
  if (self.closed) raise(ValueErrorType, "I/O operation on closed file");
}

/** resize_buffer: capacity for size + 1 code points, CPython's growth. */
function resizeBuffer(self: PyStringIO, size: number): void {
  let alloc = self.buf.length;
  size = size + 1;
  if (size < alloc / 2) alloc = size + 1;
  else if (size < alloc) return;
  else if (size <= alloc * 1.125) alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
  else alloc = size + 1;
  self.bufAddress = allocator.realloc(DOMAIN_MEM, self.bufAddress, alloc * 4);
  const buf = self.buf.slice(0, Math.min(alloc, self.buf.length));
  while (buf.length < alloc) buf.push(0);
  self.buf = buf;
}

/** IncrementalNewlineDecoder.decode(text, final=True): records and maybe translates. */
function decodeNewlines(self: PyStringIO, text: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === 13) {
      if (text[i + 1] === 10) {
        self.seenNewlines |= SEEN_CRLF;
        if (self.readTranslate) out.push(10);
        else out.push(13, 10);
        i++;
      } else {
        self.seenNewlines |= SEEN_CR;
        out.push(self.readTranslate ? 10 : 13);
      }
    } else {
      if (c === 10) self.seenNewlines |= SEEN_LF;
      out.push(c);
    }
  }
  return out;
}

/** write_str */
function writeStr(self: PyStringIO, s: PyStr): void {
  let decoded = strCodePoints(s);
  if (self.hasDecoder) decoded = decodeNewlines(self, decoded);
  if (self.writenl !== null) {
    const nl = Array.from(self.writenl, (ch) => ch.codePointAt(0)!);
    const translated: number[] = [];
    for (const c of decoded) {
      if (c === 10) translated.push(...nl);
      else translated.push(c);
    }
    decoded = translated;
  }
  const len = decoded.length;
  if (self.pos > Number.MAX_SAFE_INTEGER - len) raise(OverflowErrorType, "new position too large");
  if (self.pos + len > self.stringSize) resizeBuffer(self, self.pos + len);
  if (self.pos > self.stringSize) for (let i = self.stringSize; i < self.pos; i++) self.buf[i] = 0;
  for (let i = 0; i < len; i++) self.buf[self.pos + i] = decoded[i]!;
  self.pos += len;
  if (self.stringSize < self.pos) self.stringSize = self.pos;
}

function textOf(cps: number[], start: number, end: number): string {
  let s = "";
  for (let i = start; i < end; i++) s += String.fromCodePoint(cps[i]!);
  return s;
}

/** _PyIO_find_line_ending on buf[start, end): the line length, or -1. */
function findLineEnding(self: PyStringIO, start: number, end: number): number {
  const buf = self.buf;
  if (self.readTranslate) {
    for (let i = start; i < end; i++) if (buf[i] === 10) return i - start + 1;
    return -1;
  }
  if (self.readUniversal) {
    for (let i = start; i < end; i++) {
      const c = buf[i];
      if (c === 10) return i - start + 1;
      if (c === 13) return i + 1 < end && buf[i + 1] === 10 ? i - start + 2 : i - start + 1;
    }
    return -1;
  }
  const nl = Array.from(self.readnl ?? "\n", (ch) => ch.codePointAt(0)!);
  for (let i = start; i + nl.length <= end; i++) {
    let match = true;
    for (let k = 0; k < nl.length; k++) if (buf[i + k] !== nl[k]) match = false;
    if (match) return i - start + nl.length;
  }
  return -1;
}

/** _stringio_readline */
function readline(self: PyStringIO, limit: number): PyObject {
  if (self.pos >= self.stringSize) return newStr("");
  if (limit < 0 || limit > self.stringSize - self.pos) limit = self.stringSize - self.pos;
  const start = self.pos;
  let len = findLineEnding(self, start, start + limit);
  if (len < 0) len = limit;
  self.pos += len;
  return newStr(textOf(self.buf, start, start + len));
}

// ---------------------------------------------------------------------------
// Construction and lifetime.

StringIOType.new_ = (type: PyType, _args: PyTuple, _kwargs: PyDict | null) => {
  const self = new PyStringIO(type);
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) type.refcnt++;
  allocGCObject(self, type.basicsize);
  self.bufAddress = allocator.malloc(DOMAIN_MEM, 0);
  gcTrack(self);
  return self;
};

StringIOType.init = (o: PyObject, args: PyTuple, kwargs: PyDict | null) => {
  const self = o as PyStringIO;
  const { vec, nargs, kwnames } = tupleDictToVector(args, kwargs);
  let p: (PyObject | null)[];
  try {
    p = parseArgs("StringIO", vec, 0, nargs, kwnames, ["initial_value", "newline"], 0);
  } finally {
    if (kwnames !== null) decref(kwnames);
  }
  const value = p[0] ?? null;
  const newlineObj = p[1] ?? null;
  let newline: string | null = "\n";
  if (newlineObj === None) newline = null;
  else if (newlineObj !== null) {
    if (!isStr(newlineObj)) raise(TypeErrorType, `newline must be str or None, not ${newlineObj.type.name}`);
    newline = (newlineObj as PyStr).value;
  }
  if (newline !== null && newline !== "" && newline !== "\n" && newline !== "\r" && newline !== "\r\n") {
    const r = objectRepr(newlineObj!);
    const text = r.value;
    decref(r);
    raise(ValueErrorType, `illegal newline value: ${text}`);
  }
  if (value !== null && value !== None && !isStr(value)) {
    raise(TypeErrorType, `initial_value must be str or None, not ${value.type.name}`);
  }
  self.ok = false;
  self.readnl = newline;
  self.readUniversal = newline === null || newline === "";
  self.readTranslate = newline === null;
  self.writenl = newline !== null && newline.startsWith("\r") ? newline : null;
  self.hasDecoder = self.readUniversal;
  self.seenNewlines = 0;
  self.stringSize = 0;
  const initial = value !== null && value !== None ? (value as PyStr) : null;
  resizeBuffer(self, 0);
  self.pos = 0;
  if (initial !== null && initial.length > 0) writeStr(self, initial);
  self.pos = 0;
  self.closed = false;
  self.ok = true;
};

StringIOType.dealloc = (o) => {
  const self = o as PyStringIO;
  gcUntrack(self);
  self.ok = false;
  if (self.bufAddress !== 0) {
    allocator.free(DOMAIN_MEM, self.bufAddress);
    self.bufAddress = 0;
  }
  self.buf = [];
  if (self.weakrefList !== null) clearWeakrefs(self);
  freeGCObject(self);
};
StringIOType.traverse = () => {};
StringIOType.iter = (o) => {
  const self = o as PyStringIO;
  checkInitialized(self);
  checkClosed(self);
  return newRef(o);
};
StringIOType.iternext = (o) => {
  const self = o as PyStringIO;
  checkInitialized(self);
  checkClosed(self);
  const line = readline(self, -1) as PyStr;
  if (line.length === 0) {
    decref(line);
    return null;
  }
  return line;
};

// ---------------------------------------------------------------------------
// Methods.

function ready(o: PyObject): PyStringIO {
  const self = o as PyStringIO;
  checkInitialized(self);
  checkClosed(self);
  return self;
}

const STRINGIO_METHODS: MethodDef[] = [
  {
    name: "close",
    kind: "noargs",
    fn: (o) => {
      const self = o as PyStringIO;
      self.closed = true;
      resizeBuffer(self, 0);
      self.hasDecoder = false;
      return newRef(None);
    },
    doc: "Close the IO object.",
  },
  { name: "getvalue", kind: "noargs", fn: (o) => { const self = ready(o); return newStr(textOf(self.buf, 0, self.stringSize)); }, doc: "Retrieve the entire contents of the object." },
  {
    name: "read",
    kind: "fastcall",
    fn: (o, args, start, nargs, kwnames) => {
      const p = parseArgs("read", args, start, nargs, kwnames, ["size"], 0, 1);
      const given = optionalSsize(p[0] ?? null);
      const self = ready(o);
      const n = Math.max(0, self.stringSize - self.pos);
      let size = given === null ? -1 : given;
      if (size < 0 || size > n) size = n;
      const from = self.pos;
      self.pos += size;
      return newStr(size <= 0 ? "" : textOf(self.buf, from, from + size));
    },
    doc: "Read at most size characters, returned as a string.",
  },
  {
    name: "readline",
    kind: "fastcall",
    fn: (o, args, start, nargs, kwnames) => {
      const p = parseArgs("readline", args, start, nargs, kwnames, ["size"], 0, 1);
      const given = optionalSsize(p[0] ?? null);
      return readline(ready(o), given === null ? -1 : given);
    },
    doc: "Read until newline or EOF.",
  },
  {
    name: "readlines",
    kind: "fastcall",
    fn: (o, args, start, nargs, kwnames) => {
      const p = parseArgs("readlines", args, start, nargs, kwnames, ["hint"], 0, 1);
      const hint = optionalSsize(p[0] ?? null) ?? -1;
      const self = ready(o);
      const result = newList(0);
      let total = 0;
      for (;;) {
        const line = readline(self, -1) as PyStr;
        if (line.length === 0) {
          decref(line);
          break;
        }
        total += line.length;
        listAppendOwned(result, line);
        if (hint > 0 && total >= hint) break;
      }
      return result;
    },
    doc: "Return a list of lines from the stream.",
  },
  {
    name: "tell",
    kind: "noargs",
    fn: (o) => newIntSsize(ready(o).pos),
    doc: "Tell the current file position.",
  },
  {
    name: "truncate",
    kind: "fastcall",
    fn: (o, args, start, nargs, kwnames) => {
      const p = parseArgs("truncate", args, start, nargs, kwnames, ["pos"], 0, 1);
      const given = optionalSsize(p[0] ?? null);
      const self = ready(o);
      const size = given === null ? self.pos : given;
      if (size < 0) raise(ValueErrorType, `Negative size value ${size}`);
      if (size < self.stringSize) {
        resizeBuffer(self, size);
        self.stringSize = size;
      }
      return newIntSsize(size);
    },
    doc: "Truncate size to pos.",
  },
  {
    name: "seek",
    kind: "fastcall",
    fn: (o, args, start, nargs, kwnames) => {
      const p = parseArgs("seek", args, start, nargs, kwnames, ["pos", "whence"], 1, 2);
      let pos = numberAsSsize(p[0]!, OverflowErrorType);
      const whence = p[1] === null || p[1] === undefined ? 0 : numberAsSsize(p[1], OverflowErrorType);
      const self = ready(o);
      if (whence !== 0 && whence !== 1 && whence !== 2) raise(ValueErrorType, `Invalid whence (${whence}, should be 0, 1 or 2)`);
      if (pos < 0 && whence === 0) raise(ValueErrorType, `Negative seek position ${pos}`);
      if (whence !== 0 && pos !== 0) raise(OSErrorType, "Can't do nonzero cur-relative seeks");
      if (whence === 1) pos = self.pos;
      else if (whence === 2) pos = self.stringSize;
      self.pos = pos;
      return newIntSsize(pos);
    },
    doc: "Change stream position.",
  },
  {
    name: "write",
    kind: "o",
    fn: (o, s) => {
      const self = o as PyStringIO;
      checkInitialized(self);
      if (!isStr(s)) raise(TypeErrorType, `string argument expected, got '${s.type.name}'`);
      checkClosed(self);
      const size = (s as PyStr).length;
      if (size > 0) writeStr(self, s as PyStr);
      return newIntSsize(size);
    },
    doc: "Write string to file.",
  },
  {
    name: "writelines",
    kind: "o",
    fn: (o, lines) => {
      ready(o);
      const it = getIter(lines);
      try {
        for (let item = iterNext(it); item !== null; item = iterNext(it)) {
          try {
            const self = o as PyStringIO;
            if (!isStr(item)) raise(TypeErrorType, `string argument expected, got '${item.type.name}'`);
            checkClosed(self);
            if ((item as PyStr).length > 0) writeStr(self, item as PyStr);
          } finally {
            decref(item);
          }
        }
      } finally {
        decref(it);
      }
      return newRef(None);
    },
  },
  { name: "seekable", kind: "noargs", fn: (o) => (ready(o), newBool(true)), doc: "Returns True if the IO object can be seeked." },
  { name: "readable", kind: "noargs", fn: (o) => (ready(o), newBool(true)), doc: "Returns True if the IO object can be read." },
  { name: "writable", kind: "noargs", fn: (o) => (ready(o), newBool(true)), doc: "Returns True if the IO object can be written." },
];

function newlinesValue(self: PyStringIO): PyObject {
  if (!self.hasDecoder) return newRef(None);
  const kinds: string[] = [];
  if (self.seenNewlines & SEEN_CR) kinds.push("\r");
  if (self.seenNewlines & SEEN_LF) kinds.push("\n");
  if (self.seenNewlines & SEEN_CRLF) kinds.push("\r\n");
  if (kinds.length === 0) return newRef(None);
  if (kinds.length === 1) return newStr(kinds[0]!);
  return tupleFromOwned(kinds.map((k) => newStr(k)));
}

addMethods(StringIOType, STRINGIO_METHODS);
addGetSets(StringIOType, [
  { name: "closed", get: (o) => (checkInitialized(o as PyStringIO), newBool((o as PyStringIO).closed)) },
  { name: "line_buffering", get: (o) => (ready(o), newBool(false)) },
  { name: "newlines", get: (o) => newlinesValue(ready(o)) },
]);
readyType(StringIOType);
