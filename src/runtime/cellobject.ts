// Objects/cellobject.c: PyCell_Type ("cell"), PyCell_New, PyCell_Get / Set, cell_repr,
// cell_richcompare, cell_contents, cell_new.
//
// The box a closure variable lives in: one (possibly empty) reference, 24 bytes plus the GC
// head, always tracked.

import { PyObject, type VisitProc } from "./object.js";
import { allocGCObject, freeGCObject } from "./heap.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { newRef, xdecref } from "./refcount.js";
import { CMP_EQ, CMP_GE, CMP_GT, CMP_LE, CMP_LT, CMP_NE, TPFLAGS_HAVE_GC, type PyType } from "./type.js";
import { newStaticType, readyType } from "./typeroots.js";
import { addGetSets } from "./descrobject.js";
import { newStr } from "./str.js";
import { NotImplemented } from "./singletons.js";
import { raise, TypeErrorType, ValueErrorType } from "./exceptions.js";
import { newBool } from "./bool.js";
import { richCompare } from "./abstract.js";
import { checkPositional } from "./getargs.js";
import { dictLength, type PyDict } from "./dict.js";
import type { PyTuple } from "./tuple.js";

/** sizeof(PyCellObject): head + ob_ref. */
export const CELL_BASICSIZE = 24;

export class PyCell extends PyObject {
  /** The contents, or null when the cell is empty. */
  ref: PyObject | null;
  constructor(ref: PyObject | null) {
    super(null);
    // The header, written here so that the stores are monomorphic (see PyObject).
    this.refcnt = 1;
    this.type = CellType;
    this.address = 0;
    this.gcNext = null;
    this.gcPrev = null;
    this.gcRefs = 0;
    this.gcFlags = 0;
    this.weakrefList = null;
    this.ref = ref;
  }
}

export const CellType = newStaticType("cell", CELL_BASICSIZE, 0, TPFLAGS_HAVE_GC);
CellType.dealloc = cellDealloc;
CellType.traverse = cellTraverse;
CellType.clear = cellClear;
CellType.repr = cellRepr;
CellType.richcompare = cellRichCompare;
CellType.new_ = cellNew;
CellType.doc = "Create a new cell object.\n\n  contents\n    the contents of the cell. If not specified, the cell will be empty,\n    and \n further attempts to access its cell_contents attribute will\n    raise a ValueError.";
readyType(CellType);
addGetSets(CellType, [
  {
    name: "cell_contents",
    get: (o) => {
      const c = o as PyCell;
      if (c.ref === null) raise(ValueErrorType, "Cell is empty");
      return newRef(c.ref);
    },
    set: (o, v) => cellSet(o as PyCell, v),
  },
]);

/** PyCell_New: `contents` borrowed (null for an empty cell); a new reference. */
export function newCell(contents: PyObject | null): PyCell {
  const c = new PyCell(contents === null ? null : newRef(contents));
  allocGCObject(c, CELL_BASICSIZE);
  gcTrack(c);
  return c;
}

export function isCell(o: PyObject): o is PyCell {
  return o.type === CellType;
}

/** PyCell_GET: the contents (borrowed) or null. */
export function cellGetBorrowed(c: PyCell): PyObject | null {
  return c.ref;
}

/** PyCell_Set: stores `value` (borrowed, null empties the cell). */
export function cellSet(c: PyObject, value: PyObject | null): void {
  const cell = c as PyCell;
  const old = cell.ref;
  cell.ref = value === null ? null : newRef(value);
  xdecref(old);
}

function cellDealloc(o: PyObject): void {
  const c = o as PyCell;
  gcUntrack(c);
  const ref = c.ref;
  c.ref = null;
  xdecref(ref);
  freeGCObject(c);
}

function cellTraverse(o: PyObject, visit: VisitProc, arg: unknown): void {
  const ref = (o as PyCell).ref;
  if (ref !== null) visit(ref, arg);
}

function cellClear(o: PyObject): void {
  const c = o as PyCell;
  const ref = c.ref;
  c.ref = null;
  xdecref(ref);
}

function cellRepr(o: PyObject): PyObject {
  const c = o as PyCell;
  const at = `0x${c.address.toString(16)}`;
  if (c.ref === null) return newStr(`<cell at ${at}: empty>`);
  return newStr(`<cell at ${at}: ${c.ref.type.name} object at 0x${c.ref.address.toString(16)}>`);
}

function cellRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (!isCell(a) || !isCell(b)) return newRef(NotImplemented);
  const x = a.ref;
  const y = b.ref;
  if (x !== null && y !== null) return richCompare(x, y, op);
  // An empty cell sorts before a full one (Py_RETURN_RICHCOMPARE on the emptiness).
  const l = x === null ? 0 : 1;
  const r = y === null ? 0 : 1;
  let res: boolean;
  switch (op) {
    case CMP_LT: res = l < r; break;
    case CMP_LE: res = l <= r; break;
    case CMP_EQ: res = l === r; break;
    case CMP_NE: res = l !== r; break;
    case CMP_GT: res = l > r; break;
    case CMP_GE: res = l >= r; break;
    default: res = false;
  }
  return newBool(res);
}

function cellNew(_type: PyType, args: PyTuple, kwargs: PyDict | null): PyObject {
  if (kwargs !== null && dictLength(kwargs) !== 0) raise(TypeErrorType, "cell() takes no keyword arguments");
  checkPositional("cell", args.items.length, 0, 1);
  return newCell(args.items.length === 1 ? args.items[0]! : null);
}
