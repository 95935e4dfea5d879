// Objects/codeobject.c, Include/cpython/code.h (3.11): PyCodeObject.
//
// A compiled unit: instructions (see opcodes.ts for the encoding), constants, names, the
// "localsplus" layout (locals, then cells, then free variables, each named with its kind),
// the exception table and per-instruction source positions.

import { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/refcount.js";
import { allocObject, freeObject } from "../runtime/heap.js";
import { newStaticType, readyType } from "../runtime/typeobject.js";
import type { PyStr } from "../runtime/str.js";
import type { PyTuple } from "../runtime/tuple.js";
import type { Frame } from "./frame.js";

// co_flags (Include/cpython/code.h)
export const CO_OPTIMIZED = 0x0001;
export const CO_NEWLOCALS = 0x0002;
export const CO_VARARGS = 0x0004;
export const CO_VARKEYWORDS = 0x0008;
export const CO_NESTED = 0x0010;
export const CO_GENERATOR = 0x0020;
export const CO_COROUTINE = 0x0080;
export const CO_ITERABLE_COROUTINE = 0x0100;
export const CO_ASYNC_GENERATOR = 0x0200;

// co_localspluskinds (Include/internal/pycore_code.h)
export const CO_FAST_LOCAL = 0x20;
export const CO_FAST_CELL = 0x40;
export const CO_FAST_FREE = 0x80;

/** Fields per exception-table entry: start, end (exclusive), target, depth, lasti (0/1). */
export const EXCEPTION_ENTRY_SIZE = 5;
/** Fields per instruction in `positions`: lineno, end_lineno, col_offset, end_col_offset (-1: none). */
export const POSITION_SIZE = 4;

export interface CodeInit {
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  flags: number;
  /** Owned references: the code object takes them over. */
  name: PyStr;
  qualname: PyStr;
  filename: PyStr;
  firstlineno: number;
  instructions: Int32Array;
  /** Owned: co_consts (merged with equal tuples of the compilation, as CPython's makecode does). */
  consts: PyTuple;
  /** Owned: co_names, a tuple of interned strs (merged likewise). */
  names: PyTuple;
  /** Owned: co_localsplusnames, interned strs: locals, then cells, then free variables. */
  localsplusnames: PyTuple;
  localspluskinds: Uint8Array;
  stacksize: number;
  exceptionTable: Int32Array;
  positions: Int32Array;
}

export class PyCode extends PyObject {
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  flags: number;
  name: PyStr;
  qualname: PyStr;
  filename: PyStr;
  firstlineno: number;
  instructions: Int32Array;
  /** constsTuple's items: LOAD_CONST reads them directly. */
  consts: PyObject[];
  /** namesTuple's items. */
  names: PyStr[];
  /** localsplusnamesTuple's items. */
  localsplusnames: PyStr[];
  localspluskinds: Uint8Array;
  nlocalsplus: number;
  /** Number of plain locals (kind LOCAL without CELL), i.e. co_nlocals. */
  nlocals: number;
  ncellvars: number;
  nfreevars: number;
  stacksize: number;
  exceptionTable: Int32Array;
  positions: Int32Array;
  /** co_consts, co_names, co_localsplusnames: owned tuples, shared with equal ones of the same compilation. */
  constsTuple: PyTuple;
  namesTuple: PyTuple;
  localsplusnamesTuple: PyTuple;
  /** Finished frames of this code, ready for the next call (frame.ts acquireFrame). */
  framePool: Frame[];
  /**
   * LOAD_GLOBAL's inline caches (3.11's LOAD_GLOBAL_MODULE/BUILTIN), made on the first
   * LOAD_GLOBAL run: per instruction, the globals and builtins version tags a lookup was made
   * under, and its result (borrowed: while both tags match, both dicts are unchanged and
   * still hold it).
   */
  globalCacheTags: Float64Array | null;
  globalCacheValues: (PyObject | null)[] | null;

  constructor(init: CodeInit) {
    super(CodeType);
    this.argcount = init.argcount;
    this.posonlyargcount = init.posonlyargcount;
    this.kwonlyargcount = init.kwonlyargcount;
    this.flags = init.flags;
    this.name = init.name;
    this.qualname = init.qualname;
    this.filename = init.filename;
    this.firstlineno = init.firstlineno;
    this.instructions = init.instructions;
    this.consts = init.consts.items;
    this.names = init.names.items as PyStr[];
    this.localsplusnames = init.localsplusnames.items as PyStr[];
    this.localspluskinds = init.localspluskinds;
    this.nlocalsplus = this.localsplusnames.length;
    let nlocals = 0;
    let ncell = 0;
    let nfree = 0;
    for (const kind of init.localspluskinds) {
      if ((kind & CO_FAST_LOCAL) !== 0) nlocals++;
      if ((kind & CO_FAST_CELL) !== 0) ncell++;
      if ((kind & CO_FAST_FREE) !== 0) nfree++;
    }
    this.nlocals = nlocals;
    this.ncellvars = ncell;
    this.nfreevars = nfree;
    this.stacksize = init.stacksize;
    this.exceptionTable = init.exceptionTable;
    this.positions = init.positions;
    this.constsTuple = init.consts;
    this.namesTuple = init.names;
    this.localsplusnamesTuple = init.localsplusnames;
    this.framePool = [];
    this.globalCacheTags = null;
    this.globalCacheValues = null;
  }

  /** The line of instruction `index` (PyCode_Addr2Line), or -1 when it has none. */
  lineOf(index: number): number {
    return this.positions[index * POSITION_SIZE]!;
  }

  instructionCount(): number {
    return this.instructions.length >> 1;
  }
}

/** sizeof(PyCodeObject) without the bytecode (3.11); the code bytes follow it (itemsize 2). */
export const CODE_BASICSIZE = 184;

export const CodeType = newStaticType("code", CODE_BASICSIZE, 2, 0);
CodeType.dealloc = (self) => {
  const code = self as PyCode;
  // code_dealloc's order.
  decref(code.constsTuple);
  decref(code.namesTuple);
  decref(code.localsplusnamesTuple);
  decref(code.filename);
  decref(code.name);
  decref(code.qualname);
  freeObject(code);
};
readyType(CodeType);

/** A new code object (new reference) that takes over every reference in `init`. */
export function newCode(init: CodeInit): PyCode {
  const code = new PyCode(init);
  // 3.11 stores 2 bytes per code unit, and each of our instructions stands for one unit
  // plus its inline cache entries in CPython; the exact size is refined with the sizes work.
  allocObject(code, CODE_BASICSIZE + 2 * code.instructionCount());
  return code;
}

/** Index of the exception-table entry covering instruction `index`, or -1. */
export function findExceptionHandler(code: PyCode, index: number): number {
  const table = code.exceptionTable;
  for (let e = 0; e < table.length; e += EXCEPTION_ENTRY_SIZE) {
    if (table[e]! <= index && index < table[e + 1]!) return e;
  }
  return -1;
}
