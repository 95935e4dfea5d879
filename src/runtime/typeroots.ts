// Objects/typeobject.c: the static PyType_Type / PyBaseObject_Type structs, PyType_Ready's
// dict-free part (type_ready_set_bases, type_ready_mro for single inheritance,
// inherit_special, inherit_slots, type_ready_set_new).
//
// Why a separate module: every file that defines a builtin type calls newStaticType /
// readyType / addMethods while it is being evaluated. Those files import one another in
// cycles (dict needs hashing from abstract, abstract needs list, ...), so the functions they
// call at load time must live in a module with no imports beyond the core files. This is that
// module; typeobject.ts re-exports it first. Anything that needs dicts or strings (the type's
// __dict__ of descriptors) is recorded here and built later: at interpreter start-up for every
// type readied by then (typeobject.ts `buildStaticTypeDicts`), on first use for the others
// (`typeDictBorrowed`).

import { PyObject } from "./object.js";
import { freeObject, staticAddress } from "./heap.js";
import { markStatic, PyType, TPFLAGS_BASETYPE, TPFLAGS_HEAPTYPE, TPFLAGS_HAVE_GC, TPFLAGS_INHERITED_SUBCLASS_BITS, TPFLAGS_MANAGED_DICT, TPFLAGS_READY, TPFLAGS_TYPE_SUBCLASS } from "./type.js";
import type { GetSetDef, MethodDef } from "./methoddef.js";

/** sizeof(PyHeapTypeObject) is 904 in 3.11; sizeof(PyTypeObject) is 408. */
export const TYPE_BASICSIZE = 904;
export const STATIC_TYPE_SIZE = 408;

/** Py_TPFLAGS_DISALLOW_INSTANTIATION (1 << 7) */
export const TPFLAGS_DISALLOW_INSTANTIATION = 1 << 7;
/** Py_TPFLAGS_IMMUTABLETYPE (1 << 8): static types and heap types created immutable. */
export const TPFLAGS_IMMUTABLETYPE = 1 << 8;
/** Py_TPFLAGS_METHOD_DESCRIPTOR (1 << 17) */
export const TPFLAGS_METHOD_DESCRIPTOR = 1 << 17;
/** Py_TPFLAGS_VALID_VERSION_TAG (1 << 19) */
export const TPFLAGS_VALID_VERSION_TAG = 1 << 19;
/** Py_TPFLAGS_IS_ABSTRACT (1 << 20) */
export const TPFLAGS_IS_ABSTRACT = 1 << 20;
/** Py_TPFLAGS_HAVE_VECTORCALL (1 << 11) */
export const TPFLAGS_HAVE_VECTORCALL = 1 << 11;
/** _Py_TPFLAGS_MATCH_SELF (1 << 22), Py_TPFLAGS_SEQUENCE (1 << 5), Py_TPFLAGS_MAPPING (1 << 6) */
export const TPFLAGS_MATCH_SELF = 1 << 22;
export const TPFLAGS_SEQUENCE = 1 << 5;
export const TPFLAGS_MAPPING = 1 << 6;

/** PyMemberDef for the kinds heapscope needs: an object field read through a getter. */
export interface MemberDef {
  name: string;
  /** T_OBJECT_EX style: returns a new reference, or null when unset (AttributeError). */
  get: (self: PyObject) => PyObject | null;
  /** Absent for READONLY members. value null means delete. */
  set?: (self: PyObject, value: PyObject | null) => void;
  doc?: string;
}

/**
 * What a static type declared before its __dict__ exists: the slots it defined itself (they
 * get slot wrappers, as add_operators does before inheritance) and its method, getset and
 * member tables, in declaration order.
 */
export interface StaticTypeSpec {
  ownSlots: string[] | null;
  methods: MethodDef[];
  getsets: GetSetDef[];
  members: MemberDef[];
}

const specs = new Map<PyType, StaticTypeSpec>();

export function staticTypeSpec(t: PyType): StaticTypeSpec {
  let spec = specs.get(t);
  if (spec === undefined) {
    spec = { ownSlots: null, methods: [], getsets: [], members: [] };
    specs.set(t, spec);
  }
  return spec;
}

export function hasStaticTypeSpec(t: PyType): boolean {
  return specs.has(t);
}

export const TypeType = new PyType(null, "type", TYPE_BASICSIZE, 40, TPFLAGS_BASETYPE | TPFLAGS_TYPE_SUBCLASS | TPFLAGS_HAVE_GC);
TypeType.type = TypeType;

export const ObjectType = new PyType(TypeType, "object", 16, 0, TPFLAGS_BASETYPE);
ObjectType.dealloc = freeObject;
ObjectType.doc = "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n";

/**
 * A static type, as the C sources declare them with PyTypeObject literals: a static address,
 * a static refcount, `object` as the default base. Call readyType() once its slots are set.
 */
export function newStaticType(name: string, basicsize: number, itemsize: number, flags: number, base: PyType | null = ObjectType): PyType {
  const t = new PyType(TypeType, name, basicsize, itemsize, flags | TPFLAGS_IMMUTABLETYPE);
  t.base = base;
  return t;
}

// object's slots are implemented in typeobject.ts, which loads after the builtin type files
// that inherit them. Until then they are these trampolines; installRootSlots puts the real
// functions in place, in `object` and in every type that already inherited a trampoline.
const rootImpl: Record<string, (...args: never[]) => unknown> = {};

function trampoline(slot: string): (...args: never[]) => unknown {
  return (...args: never[]) => {
    const impl = rootImpl[slot];
    if (impl === undefined) throw new Error(`heapscope internal error: object.${slot} used before typeobject.ts loaded`);
    return impl(...args);
  };
}

const ROOT_SLOTS = ["repr", "str", "hash", "richcompare", "getattro", "setattro", "init", "new_"] as const;
const trampolines = new Map<string, unknown>();
for (const slot of ROOT_SLOTS) {
  const fn = trampoline(slot);
  trampolines.set(slot, fn);
  (ObjectType as unknown as Record<string, unknown>)[slot] = fn;
}

/**
 * PyObject_HashNotImplemented: the tp_hash of unhashable types ("unhashable type: 'list'").
 * Defined here so that readyType can give it to static types left without a hash
 * (type_ready_set_hash); the raising implementation is installed by abstract.ts.
 */
export function hashNotImplemented(o: PyObject): void {
  const impl = rootImpl["hashNotImplemented"];
  if (impl === undefined) throw new Error(`heapscope internal error: unhashable type: '${o.type.name}'`);
  impl(o as never);
}

/** Installs the raising implementation of hashNotImplemented (abstract.ts, at first use). */
export function installHashNotImplemented(fn: (o: PyObject) => void): void {
  rootImpl["hashNotImplemented"] = fn as (...args: never[]) => unknown;
}

/** Called once by typeobject.ts with object's real slot functions. */
export function installRootSlots(impl: { [K in (typeof ROOT_SLOTS)[number]]: PyType[K] }): void {
  const record = impl as unknown as Record<string, (...args: never[]) => unknown>;
  for (const slot of ROOT_SLOTS) rootImpl[slot] = record[slot]!;
  const types = [ObjectType, ...specs.keys()];
  for (const t of types) {
    const r = t as unknown as Record<string, unknown>;
    for (const slot of ROOT_SLOTS) if (r[slot] === trampolines.get(slot)) r[slot] = record[slot];
  }
}

for (const t of [TypeType, ObjectType]) {
  t.address = staticAddress(STATIC_TYPE_SIZE);
  markStatic(t);
  t.flags |= TPFLAGS_IMMUTABLETYPE;
}
TypeType.base = ObjectType;

/** Every slot that add_operators may wrap, in slot-table order (names of PyType fields). */
export const WRAPPABLE_SLOTS: readonly string[] = [
  "getattro", "setattro", "repr", "hash", "call", "str", "richcompare", "iter", "iternext",
  "descrGet", "descrSet", "init", "new_", "finalize",
  "nbAdd", "nbSubtract", "nbMultiply", "nbRemainder", "nbDivmod", "nbPower", "nbNegative",
  "nbPositive", "nbAbsolute", "nbBool", "nbInvert", "nbLshift", "nbRshift", "nbAnd", "nbXor",
  "nbOr", "nbInt", "nbFloat", "nbInplaceAdd", "nbInplaceSubtract", "nbInplaceMultiply",
  "nbInplaceRemainder", "nbInplacePower", "nbInplaceLshift", "nbInplaceRshift", "nbInplaceAnd",
  "nbInplaceXor", "nbInplaceOr", "nbFloorDivide", "nbTrueDivide", "nbInplaceFloorDivide",
  "nbInplaceTrueDivide", "nbIndex", "nbMatrixMultiply", "nbInplaceMatrixMultiply",
  "mpLength", "mpSubscript", "mpAssSubscript",
  "sqLength", "sqConcat", "sqRepeat", "sqItem", "sqContains", "sqInplaceConcat", "sqInplaceRepeat",
];

/**
 * Slots a subtype takes from its base when it does not define them (inherit_slots). tp_new is
 * handled by type_ready_set_new; hash and richcompare are inherited as a pair.
 */
const INHERITED_SLOTS: readonly string[] = [
  "repr", "str", "getattro", "setattro", "call", "iter", "iternext",
  "descrGet", "descrSet", "init",
  "nbAdd", "nbSubtract", "nbMultiply", "nbRemainder", "nbDivmod", "nbPower", "nbNegative",
  "nbPositive", "nbAbsolute", "nbBool", "nbInvert", "nbLshift", "nbRshift", "nbAnd", "nbXor",
  "nbOr", "nbInt", "nbFloat", "nbIndex", "nbFloorDivide", "nbTrueDivide", "nbMatrixMultiply",
  "nbInplaceAdd", "nbInplaceSubtract", "nbInplaceMultiply", "nbInplaceRemainder",
  "nbInplacePower", "nbInplaceLshift", "nbInplaceRshift", "nbInplaceAnd", "nbInplaceXor",
  "nbInplaceOr", "nbInplaceFloorDivide", "nbInplaceTrueDivide", "nbInplaceMatrixMultiply",
  "sqLength", "sqConcat", "sqRepeat", "sqItem", "sqContains", "sqInplaceConcat",
  "sqInplaceRepeat", "mpLength", "mpSubscript", "mpAssSubscript",
  "finalize", "isGC", "legacyDel",
];

type SlotRecord = Record<string, unknown>;

/**
 * PyType_Ready for static types: base, MRO along the base chain, inherited flags and slots.
 * The __dict__ of descriptors is built on first use from what was recorded here.
 */
export function readyType(t: PyType): void {
  if ((t.flags & TPFLAGS_READY) !== 0) return;
  if ((t.flags & TPFLAGS_HEAPTYPE) === 0) readiedStaticTypes.push(t);
  if (t.address === 0) {
    t.address = staticAddress(STATIC_TYPE_SIZE);
    markStatic(t);
  }
  if (t !== ObjectType && t.base === null) t.base = ObjectType;
  const spec = staticTypeSpec(t);
  const record = t as unknown as SlotRecord;
  const own: string[] = [];
  for (const slot of WRAPPABLE_SLOTS) if (record[slot] !== null) own.push(slot);
  spec.ownSlots = own;
  const base = t.base;
  if (base !== null) {
    readyType(base);
    inheritSpecial(t, base);
    inheritSlots(t, base);
    readyNew(t, base);
  }
  // type_ready_set_hash: a type left without tp_hash is unhashable (__hash__ = None).
  if (t.hash === null) t.hash = hashNotImplemented;
  if (t.mroList.length === 0) {
    const mro: PyType[] = [t];
    for (let b = t.base; b !== null; b = b.base) mro.push(b);
    t.mroList = mro;
  }
  if (base !== null && base.subclasses.indexOf(t) < 0) base.subclasses.push(t);
  t.flags |= TPFLAGS_READY;
}

/**
 * Every static type readied so far, in order: start-up builds their dicts (typeobject.ts
 * `buildStaticTypeDicts`), as _PyTypes_InitTypes does before any program runs.
 */
export const readiedStaticTypes: PyType[] = [];

/** inherit_special: GC flag with traverse/clear, sizes, dict/weaklist offsets, subclass bits. */
export function inheritSpecial(t: PyType, base: PyType): void {
  if ((t.flags & TPFLAGS_HAVE_GC) === 0 && (base.flags & TPFLAGS_HAVE_GC) !== 0 && t.traverse === null && t.clear === null) {
    t.flags |= TPFLAGS_HAVE_GC;
    t.traverse = base.traverse;
    t.clear = base.clear;
  }
  if (t.basicsize === 0) t.basicsize = base.basicsize;
  if (t.itemsize === 0) t.itemsize = base.itemsize;
  if (t.weaklistoffset === 0) t.weaklistoffset = base.weaklistoffset;
  if (t.dictoffset === 0) t.dictoffset = base.dictoffset;
  t.flags |= base.flags & (TPFLAGS_INHERITED_SUBCLASS_BITS | TPFLAGS_MATCH_SELF | TPFLAGS_MANAGED_DICT);
  if ((t.flags & (TPFLAGS_SEQUENCE | TPFLAGS_MAPPING)) === 0) t.flags |= base.flags & (TPFLAGS_SEQUENCE | TPFLAGS_MAPPING);
}

/**
 * inherit_slots from one base (called for every base in MRO order for heap types).
 * `overridesHash`: the type's own dict defines __eq__ or __hash__, so the pair is not taken.
 */
export function inheritSlots(t: PyType, base: PyType, overridesHash = false): void {
  const target = t as unknown as SlotRecord;
  const source = base as unknown as SlotRecord;
  for (const slot of INHERITED_SLOTS) {
    if (target[slot] === null && source[slot] !== null) target[slot] = source[slot];
  }
  // tp_richcompare and tp_hash are inherited together, and only when the subtype sets neither:
  // a type that defines __eq__ must not keep its base's identity hash.
  if (t.richcompare === null && t.hash === null && !overridesHash) {
    t.richcompare = base.richcompare;
    t.hash = base.hash;
  }
}

/** type_ready_set_new: static types directly under `object` without tp_new cannot be instantiated. */
function readyNew(t: PyType, base: PyType): void {
  if (t.new_ === null && base === ObjectType && (t.flags & TPFLAGS_HEAPTYPE) === 0) {
    t.flags |= TPFLAGS_DISALLOW_INSTANTIATION;
  }
  if ((t.flags & TPFLAGS_DISALLOW_INSTANTIATION) !== 0) t.new_ = null;
  else if (t.new_ === null) t.new_ = base.new_;
}

export function isTypeObject(o: PyObject): o is PyType {
  return (o.type.flags & TPFLAGS_TYPE_SUBCLASS) !== 0;
}
