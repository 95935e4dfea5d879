// Include/cpython/object.h: PyTypeObject; Objects/typeobject.c: PyType_Ready, inherit_slots.
//
// A type is an object whose slots are the behaviour of its instances. Static types
// (int, list, ...) are built once at start-up with TypeScript slot functions; heap types
// (class statements) get slot functions that look up and call their dunder methods, set
// by the python layer. Slots are nullable: null means "not supported", exactly as a NULL
// slot in CPython, and PyType_Ready-style inheritance fills them from the base.

import { PyObject, STATIC_REFCNT, type VisitProc } from "./object.js";
import type { DictKeys, PyDict } from "./dict.js";
import type { PyTuple } from "./tuple.js";
import type { PyStr } from "./str.js";

// tp_flags (Include/object.h), the subset heapscope uses, same bit values as CPython.
export const TPFLAGS_MANAGED_DICT = 1 << 4;
export const TPFLAGS_HEAPTYPE = 1 << 9;
export const TPFLAGS_BASETYPE = 1 << 10;
export const TPFLAGS_READY = 1 << 12;
export const TPFLAGS_READYING = 1 << 13;
export const TPFLAGS_HAVE_GC = 1 << 14;
export const TPFLAGS_LONG_SUBCLASS = 1 << 24;
export const TPFLAGS_LIST_SUBCLASS = 1 << 25;
export const TPFLAGS_TUPLE_SUBCLASS = 1 << 26;
export const TPFLAGS_BYTES_SUBCLASS = 1 << 27;
export const TPFLAGS_UNICODE_SUBCLASS = 1 << 28;
export const TPFLAGS_DICT_SUBCLASS = 1 << 29;
export const TPFLAGS_BASE_EXC_SUBCLASS = 1 << 30;
export const TPFLAGS_TYPE_SUBCLASS = 1 << 31;
/** Flags a subtype inherits from its base (the *_SUBCLASS family). */
export const TPFLAGS_INHERITED_SUBCLASS_BITS =
  TPFLAGS_LONG_SUBCLASS |
  TPFLAGS_LIST_SUBCLASS |
  TPFLAGS_TUPLE_SUBCLASS |
  TPFLAGS_BYTES_SUBCLASS |
  TPFLAGS_UNICODE_SUBCLASS |
  TPFLAGS_DICT_SUBCLASS |
  TPFLAGS_BASE_EXC_SUBCLASS |
  TPFLAGS_TYPE_SUBCLASS;

// Rich comparison opcodes (Include/object.h Py_LT ... Py_GE).
export const CMP_LT = 0;
export const CMP_LE = 1;
export const CMP_EQ = 2;
export const CMP_NE = 3;
export const CMP_GT = 4;
export const CMP_GE = 5;

export type DeallocSlot = (self: PyObject) => void;
export type TraverseSlot = (self: PyObject, visit: VisitProc, arg: unknown) => void;
export type InquirySlot = (self: PyObject) => void;
/** Returns a new reference. */
export type UnarySlot = (self: PyObject) => PyObject;
/** Returns a new reference, or the NotImplemented singleton (new reference) for binary operators. */
export type BinarySlot = (a: PyObject, b: PyObject) => PyObject;
export type TernarySlot = (a: PyObject, b: PyObject, c: PyObject) => PyObject;
/** Writes the 64-bit hash into values/pyhash's hashResult (hi, lo); throws TypeError if unhashable. */
export type HashSlot = (self: PyObject) => void;
export type RichCompareSlot = (a: PyObject, b: PyObject, op: number) => PyObject;
export type GetAttrSlot = (self: PyObject, name: PyStr) => PyObject;
/** value null means delete. */
export type SetAttrSlot = (self: PyObject, name: PyStr, value: PyObject | null) => void;
/**
 * Vectorcall convention: positional args are args[start .. start+nargs), keyword values follow
 * them in the same array, their names in kwnames (a tuple of str) or null. All borrowed.
 */
export type CallSlot = (
  callable: PyObject,
  args: PyObject[],
  start: number,
  nargs: number,
  kwnames: PyTuple | null,
) => PyObject;
/** Returns the next item (new reference) or null when exhausted (no StopIteration is raised). */
export type IterNextSlot = (self: PyObject) => PyObject | null;
export type DescrGetSlot = (descr: PyObject, obj: PyObject | null, type: PyObject | null) => PyObject;
export type DescrSetSlot = (descr: PyObject, obj: PyObject, value: PyObject | null) => void;
export type LengthSlot = (self: PyObject) => number;
export type ContainsSlot = (self: PyObject, item: PyObject) => boolean;
export type BoolSlot = (self: PyObject) => boolean;
export type SeqItemSlot = (self: PyObject, index: number) => PyObject;
/** value null means delete. */
export type AssSubscriptSlot = (self: PyObject, key: PyObject, value: PyObject | null) => void;
/** tp_new: args is a tuple, kwargs a dict or null; returns a new reference. */
export type NewSlot = (type: PyType, args: PyTuple, kwargs: PyDict | null) => PyObject;
export type InitSlot = (self: PyObject, args: PyTuple, kwargs: PyDict | null) => void;

export class PyType extends PyObject {
  /** tp_name as CPython shows it in messages ("int", "collections.OrderedDict", "K"). */
  name: string;
  /** __qualname__ of heap types; the short name otherwise. */
  qualname: string;
  /** ht_name / ht_qualname of heap types (owned str objects, null for static types): __name__ returns them. */
  htName: PyStr | null;
  htQualname: PyStr | null;
  flags: number;
  /** tp_basicsize / tp_itemsize: the struct size without pre-headers (sizeof(PyObject) == 16). */
  basicsize: number;
  itemsize: number;
  /** tp_weaklistoffset: non-zero when instances accept weak references. */
  weaklistoffset: number;
  /** tp_dictoffset: non-zero when instances have a __dict__ (-1 style for managed dicts). */
  dictoffset: number;
  base: PyType | null;
  /** tp_bases (tuple of types) and tp_mro (tuple of types), null until ready. */
  bases: PyTuple | null;
  mro: PyTuple | null;
  /** The MRO as a JS array, kept in step with `mro`, for fast lookups. */
  mroList: PyType[];
  /** tp_dict */
  dict: PyDict | null;
  /** Heap types: the names declared in __slots__, in order (null when no __slots__). */
  slotNames: string[] | null;
  /** Heap types with a managed dict: the split keys their instances share (ht_cached_keys). */
  cachedKeys: DictKeys | null;
  /** Direct subclasses, held weakly in CPython; a plain list of JS references here. */
  subclasses: PyType[];
  /** Bumped whenever the type's or a base's dict changes (tp_version_tag), for lookup caches. */
  versionTag: number;
  /** __doc__ of static types. */
  doc: string | null;

  // Lifecycle.
  dealloc: DeallocSlot;
  traverse: TraverseSlot | null;
  clear: InquirySlot | null;
  /** tp_finalize (PEP 442; a Python __del__). Must not throw: errors go to sys.unraisablehook. */
  finalize: InquirySlot | null;
  /** tp_del: a legacy finalizer; objects with it in a cycle are uncollectable. */
  legacyDel: InquirySlot | null;
  /** tp_is_gc: a per-object override of HAVE_GC (type objects: static types are not GC). */
  isGC: ((self: PyObject) => boolean) | null;

  // Object protocol.
  repr: UnarySlot | null;
  str: UnarySlot | null;
  hash: HashSlot | null;
  richcompare: RichCompareSlot | null;
  getattro: GetAttrSlot | null;
  setattro: SetAttrSlot | null;
  call: CallSlot | null;
  /**
   * tp_vectorcall: how calling this type object itself runs when CPython gives the type a
   * vectorcall entry (range, tuple, list, dict, ...: no argument tuple is built). Never
   * inherited; null means type_call (tp_new + tp_init with an argument tuple).
   */
  vectorcall: CallSlot | null;
  iter: UnarySlot | null;
  iternext: IterNextSlot | null;
  descrGet: DescrGetSlot | null;
  descrSet: DescrSetSlot | null;
  new_: NewSlot | null;
  init: InitSlot | null;

  // Number protocol (nb_*).
  nbAdd: BinarySlot | null;
  nbSubtract: BinarySlot | null;
  nbMultiply: BinarySlot | null;
  nbRemainder: BinarySlot | null;
  nbDivmod: BinarySlot | null;
  nbPower: TernarySlot | null;
  nbNegative: UnarySlot | null;
  nbPositive: UnarySlot | null;
  nbAbsolute: UnarySlot | null;
  nbBool: BoolSlot | null;
  nbInvert: UnarySlot | null;
  nbLshift: BinarySlot | null;
  nbRshift: BinarySlot | null;
  nbAnd: BinarySlot | null;
  nbXor: BinarySlot | null;
  nbOr: BinarySlot | null;
  nbInt: UnarySlot | null;
  nbFloat: UnarySlot | null;
  nbIndex: UnarySlot | null;
  nbFloorDivide: BinarySlot | null;
  nbTrueDivide: BinarySlot | null;
  nbMatrixMultiply: BinarySlot | null;
  nbInplaceAdd: BinarySlot | null;
  nbInplaceSubtract: BinarySlot | null;
  nbInplaceMultiply: BinarySlot | null;
  nbInplaceRemainder: BinarySlot | null;
  nbInplacePower: TernarySlot | null;
  nbInplaceLshift: BinarySlot | null;
  nbInplaceRshift: BinarySlot | null;
  nbInplaceAnd: BinarySlot | null;
  nbInplaceXor: BinarySlot | null;
  nbInplaceOr: BinarySlot | null;
  nbInplaceFloorDivide: BinarySlot | null;
  nbInplaceTrueDivide: BinarySlot | null;
  nbInplaceMatrixMultiply: BinarySlot | null;

  // Sequence and mapping protocols (sq_*, mp_*).
  sqLength: LengthSlot | null;
  sqConcat: BinarySlot | null;
  sqRepeat: ((self: PyObject, count: number) => PyObject) | null;
  sqItem: SeqItemSlot | null;
  sqContains: ContainsSlot | null;
  sqInplaceConcat: BinarySlot | null;
  sqInplaceRepeat: ((self: PyObject, count: number) => PyObject) | null;
  mpLength: LengthSlot | null;
  mpSubscript: BinarySlot | null;
  mpAssSubscript: AssSubscriptSlot | null;

  constructor(metatype: PyType | null, name: string, basicsize: number, itemsize: number, flags: number) {
    // The metatype of `type` itself is `type`: patched right after construction.
    super(metatype as PyType);
    this.name = name;
    const dot = name.lastIndexOf(".");
    this.qualname = dot >= 0 ? name.slice(dot + 1) : name;
    this.htName = null;
    this.htQualname = null;
    this.flags = flags;
    this.basicsize = basicsize;
    this.itemsize = itemsize;
    this.weaklistoffset = 0;
    this.dictoffset = 0;
    this.base = null;
    this.bases = null;
    this.mro = null;
    this.mroList = [];
    this.dict = null;
    this.slotNames = null;
    this.cachedKeys = null;
    this.subclasses = [];
    this.versionTag = 0;
    this.doc = null;
    this.dealloc = deallocNotSet;
    this.traverse = null;
    this.clear = null;
    this.finalize = null;
    this.legacyDel = null;
    this.isGC = null;
    this.repr = null;
    this.str = null;
    this.hash = null;
    this.richcompare = null;
    this.getattro = null;
    this.setattro = null;
    this.call = null;
    this.vectorcall = null;
    this.iter = null;
    this.iternext = null;
    this.descrGet = null;
    this.descrSet = null;
    this.new_ = null;
    this.init = null;
    this.nbAdd = null;
    this.nbSubtract = null;
    this.nbMultiply = null;
    this.nbRemainder = null;
    this.nbDivmod = null;
    this.nbPower = null;
    this.nbNegative = null;
    this.nbPositive = null;
    this.nbAbsolute = null;
    this.nbBool = null;
    this.nbInvert = null;
    this.nbLshift = null;
    this.nbRshift = null;
    this.nbAnd = null;
    this.nbXor = null;
    this.nbOr = null;
    this.nbInt = null;
    this.nbFloat = null;
    this.nbIndex = null;
    this.nbFloorDivide = null;
    this.nbTrueDivide = null;
    this.nbMatrixMultiply = null;
    this.nbInplaceAdd = null;
    this.nbInplaceSubtract = null;
    this.nbInplaceMultiply = null;
    this.nbInplaceRemainder = null;
    this.nbInplacePower = null;
    this.nbInplaceLshift = null;
    this.nbInplaceRshift = null;
    this.nbInplaceAnd = null;
    this.nbInplaceXor = null;
    this.nbInplaceOr = null;
    this.nbInplaceFloorDivide = null;
    this.nbInplaceTrueDivide = null;
    this.nbInplaceMatrixMultiply = null;
    this.sqLength = null;
    this.sqConcat = null;
    this.sqRepeat = null;
    this.sqItem = null;
    this.sqContains = null;
    this.sqInplaceConcat = null;
    this.sqInplaceRepeat = null;
    this.mpLength = null;
    this.mpSubscript = null;
    this.mpAssSubscript = null;
  }

  /** PyType_HasFeature */
  hasFlag(flag: number): boolean {
    return (this.flags & flag) !== 0;
  }

  /** PyType_IsSubtype: walks the MRO once the type is ready, the base chain before. */
  isSubtypeOf(other: PyType): boolean {
    if (this === other) return true;
    const mro = this.mroList;
    if (mro.length > 0) {
      for (let i = 0; i < mro.length; i++) if (mro[i] === other) return true;
      return false;
    }
    for (let t = this.base; t !== null; t = t.base) if (t === other) return true;
    return false;
  }
}

function deallocNotSet(self: PyObject): void {
  throw new Error(`heapscope internal error: type '${self.type.name}' has no dealloc slot`);
}

/** _PyObject_IS_GC: does this object carry a GC pre-header and take part in collection? */
export function objectIsGC(o: PyObject): boolean {
  const t = o.type;
  if ((t.flags & TPFLAGS_HAVE_GC) === 0) return false;
  return t.isGC === null || t.isGC(o);
}

/** Static types and objects are never freed; their refcount starts where CPython's do. */
export function markStatic(o: PyObject): void {
  o.refcnt = STATIC_REFCNT;
}
