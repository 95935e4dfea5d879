// An extension type as C code declares one: a static PyTypeObject with tp_new / tp_init,
// tp_dealloc, tp_traverse / tp_clear for the object references its struct holds, tp_finalize
// (PEP 442, what `__del__` is for a C type), tp_weaklistoffset, tp_methods and tp_getset
// (Objects/typeobject.c: PyType_Ready; Include/cpython/object.h: PyTypeObject; the dealloc
// order of subtype_dealloc).
//
// An instance keeps two kinds of data apart, because the collector must see one and not the
// other: `fields`, the object references the struct holds (traversed, cleared, released at
// dealloc), and `state`, any JS data (numbers, native buffers: never Python objects; they
// would be invisible to the collector). Its memory is one allocator block of basicsize =
// 16 (header) + 8 per field + 8 for the weakref list + `stateSize`, plus the 16-byte GC head
// when it has fields.

import { PyObject, type VisitProc } from "../runtime/object.js";
import type { PyTuple } from "../runtime/tuple.js";
import type { PyDict } from "../runtime/dict.js";
import type { GetSetDef } from "../runtime/methoddef.js";
import type { MemberDef } from "../runtime/typeroots.js";
import { PyType, TPFLAGS_HAVE_GC } from "../runtime/type.js";
import { newStaticType, readyType } from "../runtime/typeroots.js";
import { addGetSets, addMembers, addMethods } from "../runtime/descrobject.js";
import { allocGCObject, allocObject, freeGCObject, freeObject } from "../runtime/heap.js";
import { gcTrack, gcUntrack } from "../runtime/gcstate.js";
import { decref as rtDecref, incref as rtIncref, newRef } from "../runtime/refcount.js";
import { trashBegin, trashEnd } from "../runtime/trashcan.js";
import { callFinalizerFromDealloc, writeUnraisable } from "../runtime/finalize.js";
import { clearRef, clearWeakrefs } from "../runtime/weakref.js";
import { raise, TypeErrorType } from "../runtime/exceptions.js";
import { isStr } from "../runtime/str.js";
import { dictEntry, dictNext } from "../runtime/dict.js";
import { tupleFromBorrowed } from "../runtime/tuple.js";
import { registerBufferExporter } from "../runtime/bufferproto.js";
import { argLayout, parseCall, type ArgLayout, type ArgSpec, type ArgSpecs, type ArgValues } from "./args.js";
import { makeMethodDef, resultToObject, type NativeResult } from "./functions.js";
import { call, type Keywords } from "./calls.js";
import { requireGil } from "./gil.js";
import { Borrowed, Owned, type Ref } from "./refs.js";

/** sizeof(PyObject) */
const HEADER_SIZE = 16;
const POINTER_SIZE = 8;

/** What every instance of one native class shares (kept by the JS side, not a Python object). */
interface ClassInfo {
  readonly displayName: string;
  readonly fieldNames: readonly string[];
  readonly fieldIndex: ReadonlyMap<string, number>;
  readonly isGC: boolean;
  readonly makeState: () => unknown;
  init: ((self: NativeInstance, args: Record<string, unknown>) => void) | null;
  initLayout: ArgLayout | null;
  onFree: ((self: NativeInstance) => void) | null;
}

/**
 * An instance of a native class: a real PyObject. `S` is the JS state, `F` the names of its
 * reference fields.
 */
export class NativeInstance<S = unknown, F extends string = string> extends PyObject {
  /** JS data of the instance (never Python objects: the collector does not look here). */
  state: S;
  /** Strong references, by field index (null = empty), seen by traverse and clear. */
  fields: (PyObject | null)[];
  info: ClassInfo;
  /** Buffer views of this object not yet released (classes with `.buffer()`). */
  exports: number;

  constructor(type: PyType, info: ClassInfo, state: S) {
    super(type);
    this.state = state;
    this.fields = new Array<PyObject | null>(info.fieldNames.length).fill(null);
    this.info = info;
    this.exports = 0;
  }

  /** The instance itself as a borrowed handle, to pass to API functions. */
  get ref(): Borrowed<NativeInstance<S, F>> {
    return new Borrowed(this);
  }

  private indexOf(name: F): number {
    const i = this.info.fieldIndex.get(name);
    if (i === undefined) throw new TypeError(`${this.info.displayName} has no reference field '${name}'`);
    return i;
  }

  /** The object in a field, borrowed (valid while the field keeps it), or null. */
  field(name: F): Borrowed<PyObject> | null {
    const o = this.fields[this.indexOf(name)]!;
    return o === null ? null : new Borrowed(o);
  }

  /** Stores a reference of its own to `value` in the field (your handle stays yours); null empties it. */
  setField(name: F, value: Ref<PyObject> | null): void {
    requireGil("setField()");
    const i = this.indexOf(name);
    const v = value === null ? null : value.obj;
    if (v !== null) rtIncref(v);
    this.replaceField(i, v);
  }

  /** Stores `value` in the field, STEALING the reference (its handle is dead afterwards). */
  setFieldOwned(name: F, value: Owned<PyObject>): void {
    requireGil("setFieldOwned()");
    const i = this.indexOf(name);
    this.replaceField(i, value.take());
  }

  /** Empties the field and gives its reference to the caller (null when it was empty). */
  takeField(name: F): Owned<PyObject> | null {
    const i = this.indexOf(name);
    const o = this.fields[i]!;
    this.fields[i] = null;
    return o === null ? null : new Owned(o);
  }

  private replaceField(i: number, v: PyObject | null): void {
    const old = this.fields[i]!;
    this.fields[i] = v;
    // Released after the store: the old object's dealloc may run arbitrary code.
    if (old !== null) rtDecref(old);
  }
}

// ------------------------------------------------------------------------------- slots

function infoOf(o: PyObject): ClassInfo {
  return (o as NativeInstance).info;
}

function nativeTraverse(self: PyObject, visit: VisitProc, arg: unknown): void {
  const fields = (self as NativeInstance).fields;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f !== null) visit(f, arg);
  }
}

/** tp_clear: break cycles by dropping every field (Py_CLEAR: null first, then decref). */
function nativeClear(self: PyObject): void {
  const fields = (self as NativeInstance).fields;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (f !== null) {
      fields[i] = null;
      rtDecref(f);
    }
  }
}

/** subtype_dealloc's order: untrack, trashcan, finalizer (may resurrect), weakrefs, fields, free. */
function nativeDealloc(self: PyObject): void {
  const inst = self as NativeInstance;
  const info = inst.info;
  const type = inst.type;
  if (info.isGC) gcUntrack(inst);
  if (!trashBegin(inst)) return;
  try {
    if (type.finalize !== null && callFinalizerFromDealloc(inst)) return;
    if (inst.weakrefList !== null) clearWeakrefs(inst);
    // Weak references made by the finalizer die without their callbacks.
    while (inst.weakrefList !== null) clearRef(inst.weakrefList);
    nativeClear(inst);
    if (info.onFree !== null) {
      try {
        info.onFree(inst);
      } catch (e) {
        writeUnraisable(e, null, `Exception ignored in the free hook of ${info.displayName}`);
      }
    }
    if (info.isGC) freeGCObject(inst);
    else freeObject(inst);
  } finally {
    trashEnd();
  }
}

function nativeNew(type: PyType, _args: PyTuple, _kwargs: PyDict | null): PyObject {
  requireGil(`${type.name}()`);
  const info = classInfos.get(type)!;
  const inst = new NativeInstance(type, info, info.makeState());
  if (info.isGC) {
    allocGCObject(inst, type.basicsize);
    gcTrack(inst);
  } else {
    allocObject(inst, type.basicsize);
  }
  return inst;
}

function nativeInit(self: PyObject, args: PyTuple, kwargs: PyDict | null): void {
  const info = infoOf(self);
  const nkw = kwargs === null ? 0 : kwargs.used;
  if (info.init === null || info.initLayout === null) {
    if (args.items.length !== 0 || nkw !== 0) raise(TypeErrorType, `${info.displayName}() takes no arguments`);
    return;
  }
  const flat = args.items.slice();
  const names: PyObject[] = [];
  if (kwargs !== null) {
    for (let pos = dictNext(kwargs, 0); pos >= 0; pos = dictNext(kwargs, pos)) {
      names.push(dictEntry.key!);
      flat.push(dictEntry.value!);
    }
  }
  const kwnames = names.length === 0 ? null : tupleFromBorrowed(names);
  const lent: Borrowed<PyObject>[] = [];
  try {
    const values = parseCall(info.displayName, info.initLayout, flat, 0, args.items.length, kwnames, lent);
    info.init(self as NativeInstance, values);
  } finally {
    if (kwnames !== null) rtDecref(kwnames);
    for (const b of lent) b.expire();
  }
}

const classInfos = new Map<PyType, ClassInfo>();

// ------------------------------------------------------------------------------ builder

/** The declaration of a native class. */
export interface ClassSpec<S, F extends readonly string[]> {
  /** The class name ("Counter"); the module's name is put in front when it is added to one. */
  name: string;
  /** The module name, when the class is used before (or without) being added to a module. */
  module?: string;
  doc?: string;
  /** Makes each instance's JS state (called by tp_new). */
  state?: () => S;
  /** Names of the reference fields. A class with fields is a GC type. */
  fields?: F;
  /** Instances accept weak references (default true). */
  weakrefs?: boolean;
  /** Bytes of native data the C struct would have beyond its fields (default 0). */
  stateSize?: number;
  /** Make it a GC type even without fields (when its state leads to Python objects some other way). */
  gc?: boolean;
}

/** The declaration of a method: like a function, with `self` first. */
export interface MethodSpec<A extends ArgSpecs, Self> {
  args?: A;
  doc?: string;
  positionalOnly?: boolean;
  fn: (self: Self, args: ArgValues<A>) => NativeResult;
}

export class NativeClass<S, F extends string> {
  readonly type: PyType;
  private readonly info: ClassInfo;
  private readonly hasOwnModule: boolean;

  constructor(spec: ClassSpec<S, readonly F[]>) {
    const fieldNames = [...(spec.fields ?? [])];
    const weakrefs = spec.weakrefs !== false;
    const isGC = fieldNames.length > 0 || spec.gc === true;
    const basicsize = HEADER_SIZE + POINTER_SIZE * fieldNames.length + (weakrefs ? POINTER_SIZE : 0) + (spec.stateSize ?? 0);
    const name = spec.module === undefined ? spec.name : `${spec.module}.${spec.name}`;
    const type = newStaticType(name, basicsize, 0, isGC ? TPFLAGS_HAVE_GC : 0);
    type.doc = spec.doc ?? null;
    type.dealloc = nativeDealloc;
    if (isGC) {
      type.traverse = nativeTraverse;
      type.clear = nativeClear;
    }
    if (weakrefs) type.weaklistoffset = HEADER_SIZE + POINTER_SIZE * fieldNames.length;
    type.new_ = nativeNew;
    type.init = nativeInit;
    readyType(type);
    const fieldIndex = new Map<string, number>();
    fieldNames.forEach((f, i) => fieldIndex.set(f, i));
    const makeState = spec.state ?? ((): S => ({}) as S);
    this.info = { displayName: spec.name, fieldNames, fieldIndex, isGC, makeState, init: null, initLayout: null, onFree: null };
    this.type = type;
    this.hasOwnModule = spec.module !== undefined;
    classInfos.set(type, this.info);
  }

  /** Called by a module the class is added to: the type's name becomes "module.Name". */
  attachToModule(moduleName: string): void {
    if (this.hasOwnModule || this.type.name.includes(".")) return;
    this.type.name = `${moduleName}.${this.type.name}`;
  }

  /** `__init__`: parses the constructor's arguments into a struct for `fn`. */
  init<A extends ArgSpecs = Record<never, never>>(spec: { args?: A; fn: (self: NativeInstance<S, F>, args: ArgValues<A>) => void }): this {
    this.info.initLayout = argLayout(`${this.info.displayName}.__init__`, spec.args);
    this.info.init = spec.fn as unknown as (self: NativeInstance, args: Record<string, unknown>) => void;
    return this;
  }

  /** A method (a method_descriptor in the class dict). */
  method<A extends ArgSpecs = Record<never, never>>(name: string, spec: MethodSpec<A, NativeInstance<S, F>>): this {
    const layout = argLayout(`${this.info.displayName}.${name}`, spec.args);
    const body = spec.fn as unknown as (self: NativeInstance<S, F>, args: Record<string, unknown>) => unknown;
    const def = makeMethodDef(name, `${this.info.displayName}.${name}`, layout, spec.positionalOnly === true, spec.doc, asInstance<S, F>, body);
    addMethods(this.type, [def]);
    return this;
  }

  /** A computed attribute (getset descriptor); `set` receives null for `del obj.name`. */
  getter(
    name: string,
    get: (self: NativeInstance<S, F>) => NativeResult,
    set?: (self: NativeInstance<S, F>, value: Borrowed<PyObject> | null) => void,
    doc?: string,
  ): this {
    const where = `${this.info.displayName}.${name}`;
    const def: GetSetDef = {
      name,
      get: (o) => {
        requireGil(where);
        return resultToObject(get(o as NativeInstance<S, F>), where);
      },
      doc,
    };
    if (set !== undefined) {
      def.set = (o, v) => {
        requireGil(where);
        const handle = v === null ? null : new Borrowed(v);
        try {
          set(o as NativeInstance<S, F>, handle);
        } finally {
          handle?.expire();
        }
      };
    }
    addGetSets(this.type, [def]);
    return this;
  }

  /**
   * Exposes a reference field as an attribute (a member descriptor, T_OBJECT_EX):
   * AttributeError while it is empty; writable unless `readonly`.
   */
  member(field: F, options: { readonly?: boolean; doc?: string } = {}): this {
    const index = this.info.fieldIndex.get(field);
    if (index === undefined) throw new TypeError(`${this.info.displayName} has no reference field '${field}'`);
    const def: MemberDef = {
      name: field,
      get: (o) => {
        const v = (o as NativeInstance).fields[index]!;
        return v === null ? null : newRef(v);
      },
      doc: options.doc,
    };
    if (options.readonly !== true) {
      def.set = (o, v) => {
        const fields = (o as NativeInstance).fields;
        const old = fields[index]!;
        if (v !== null) rtIncref(v);
        fields[index] = v;
        if (old !== null) rtDecref(old);
      };
    }
    addMembers(this.type, [def]);
    return this;
  }

  /**
   * tp_finalize, what `__del__` is for a C type (PEP 442): runs once, before the object is
   * freed or when the collector finds it in a cycle, with its fields still set. It may
   * resurrect the object by storing a reference to it. Python exceptions it raises are
   * reported through sys.unraisablehook.
   */
  finalizer(fn: (self: NativeInstance<S, F>) => void): this {
    this.type.finalize = (o) => {
      fn(o as NativeInstance<S, F>);
    };
    return this;
  }

  /**
   * Runs in tp_dealloc after the fields are released, just before the memory is freed: the
   * place to free native buffers and other non-Python resources held in `state`. Must not
   * touch Python objects it does not own.
   */
  onFree(fn: (self: NativeInstance<S, F>) => void): this {
    this.info.onFree = fn as (self: NativeInstance) => void;
    return this;
  }

  /** tp_repr: a JS string or a str handle. */
  repr(fn: (self: NativeInstance<S, F>) => string | Owned<PyObject>): this {
    const where = `${this.info.displayName}.__repr__`;
    this.type.repr = (o) => {
      const r = resultToObject(fn(o as NativeInstance<S, F>), where);
      if (!isStr(r)) {
        rtDecref(r);
        raise(TypeErrorType, `__repr__ returned non-string (type ${r.type.name})`);
      }
      return r;
    };
    return this;
  }

  /**
   * bf_getbuffer / bf_releasebuffer: instances export the bytes `get` returns (typically a
   * native buffer's `bytes`) without copying, to memoryview(), bytes(), and every consumer
   * of the buffer protocol. `self.exports` counts the views alive: do not resize or free the
   * memory while it is non-zero.
   */
  buffer(get: (self: NativeInstance<S, F>) => Uint8Array, options: { readonly?: boolean } = {}): this {
    const readonly = options.readonly === true;
    registerBufferExporter(this.type, {
      get: (o) => {
        const data = get(o as NativeInstance<S, F>);
        (o as NativeInstance).exports++;
        return { data, readonly };
      },
      release: (o) => {
        (o as NativeInstance).exports--;
      },
    });
    return this;
  }

  /** Instantiates the class as Python would (`Counter(5)`): a new reference. */
  create(args: readonly Ref<PyObject>[] = [], kwargs: Keywords = {}): Owned<NativeInstance<S, F>> {
    const typeHandle = new Borrowed(this.type);
    return call(typeHandle, args, kwargs) as unknown as Owned<NativeInstance<S, F>>;
  }

  /** Is the object an instance of this class (or a subclass)? */
  check(ref: Ref<PyObject>): boolean {
    return ref.obj.type.isSubtypeOf(this.type);
  }

  /** The instance behind a handle, or TypeError naming the expected class. */
  cast(ref: Ref<PyObject>): NativeInstance<S, F> {
    const o = ref.obj;
    if (!o.type.isSubtypeOf(this.type)) raise(TypeErrorType, `expected ${this.type.name}, got ${o.type.name}`);
    return o as NativeInstance<S, F>;
  }

  /** A parameter converter accepting instances of this class: `args: { c: Counter.arg() }`. */
  arg(): ArgSpec<NativeInstance<S, F>> {
    return {
      kind: "instance",
      optional: false,
      defaultValue: undefined,
      convert: (o, fname, name) => {
        if (!o.type.isSubtypeOf(this.type)) {
          raise(TypeErrorType, `${fname}() argument '${name}' must be ${this.type.name}, not ${o.type.name}`);
        }
        return o as NativeInstance<S, F>;
      },
    };
  }
}

function asInstance<S, F extends string>(o: PyObject): NativeInstance<S, F> {
  return o as NativeInstance<S, F>;
}

/**
 * Declares a native class. Chain `.init`, `.method`, `.getter`, `.member`, `.finalizer`,
 * `.onFree`, `.repr` on the result, then add it to a module with `.class(Counter)`.
 */
export function defineClass<S = Record<string, never>, const F extends readonly string[] = []>(
  spec: ClassSpec<S, F>,
): NativeClass<S, F[number]> {
  return new NativeClass<S, F[number]>(spec as unknown as ClassSpec<S, readonly F[number][]>);
}
