// Modules/_functoolsmodule.c (3.11): functools_reduce (its recycled two-item argument
// tuple), functools_cmp_to_key and keyobject_type_spec (functools.KeyWrapper: 32 bytes,
// keyobject_call, keyobject_richcompare, unhashable), _functools_exec; and the registration
// of Lib/functools.py, which heapscope ships as its own Python source (pylib/functools.py.ts).
// partial is in functools_partial.ts, the lru_cache wrapper in functools_lru.ts.

import { PyObject, type VisitProc } from "../runtime/object.js";
import { decref, incref, newRef, xdecref } from "../runtime/refcount.js";
import { PyType, TPFLAGS_HAVE_GC } from "../runtime/type.js";
import { newStaticType, readyType, TPFLAGS_DISALLOW_INSTANTIATION } from "../runtime/typeroots.js";
import { addMembers } from "../runtime/descrobject.js";
import { raise, AttributeErrorType, TypeErrorType } from "../runtime/exceptions.js";
import { callObject, getIter, richCompare, hashNotImplemented } from "../runtime/abstract.js";
import { smallIntBorrowed } from "../runtime/int.js";
import { None } from "../runtime/singletons.js";
import { gcTrack } from "../runtime/gcstate.js";
import { tupleFromOwned, type PyTuple } from "../runtime/tuple.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { checkPositional, parseArgs } from "../runtime/getargs.js";
import { registerBuiltinModule, registerPythonModule } from "./interp_state.js";
import { allocTracked, freeTracked, moduleAdd, newBuiltinModule, noKwnames, untrackAndClearWeakrefs } from "./nativetype_util.js";
import { isPyError } from "./bltin_util.js";
import { PartialType } from "./functools_partial.js";
import { functoolsKwdMark, LruCacheType } from "./functools_lru.js";
import { FUNCTOOLS_SOURCE } from "./pylib/functools.py.js";

// ---------------------------------------------------------------------------
// reduce

function functoolsReduce(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKwnames("reduce", kwnames);
  checkPositional("reduce", nargs, 2, 3);
  const func = args[start]!;
  const seq = args[start + 1]!;
  let result: PyObject | null = nargs === 3 ? newRef(args[start + 2]!) : null;
  let it: PyObject;
  try {
    it = getIter(seq);
  } catch (e) {
    if (isPyError(e, TypeErrorType)) {
      decref(e.exception);
      xdecref(result);
      raise(TypeErrorType, "reduce() arg 2 must support iteration");
    }
    xdecref(result);
    throw e;
  }
  // The argument tuple is reused for every call its callee did not keep.
  let argsTuple: PyTuple | null = tupleFromOwned([newRef(None), newRef(None)]);
  try {
    for (;;) {
      if (argsTuple.refcnt > 1) {
        decref(argsTuple);
        argsTuple = null;
        argsTuple = tupleFromOwned([newRef(None), newRef(None)]);
      }
      const op2 = it.type.iternext!(it);
      if (op2 === null) break;
      if (result === null) {
        result = op2;
        continue;
      }
      const old0 = argsTuple.items[0]!, old1 = argsTuple.items[1]!;
      argsTuple.items[0] = result;
      argsTuple.items[1] = op2;
      decref(old0);
      decref(old1);
      result = null;
      result = callObject(func, argsTuple.items, 0, 2, null);
      // bpo-42536: the collector may have untracked the recycled tuple.
      if (argsTuple.gcNext === null) gcTrack(argsTuple);
    }
  } catch (e) {
    xdecref(result);
    throw e;
  } finally {
    xdecref(argsTuple);
    decref(it);
  }
  if (result === null) raise(TypeErrorType, "reduce() of empty iterable with no initial value");
  return result;
}

// ---------------------------------------------------------------------------
// cmp_to_key

/** sizeof(keyobject): head, cmp, object. */
export const KEYOBJECT_BASICSIZE = 32;

export class PyKeyObject extends PyObject {
  cmp: PyObject | null;
  object: PyObject | null;
  constructor(type: PyType) {
    super(type);
    this.cmp = null;
    this.object = null;
  }
}

export const KeyWrapperType = newStaticType(
  "functools.KeyWrapper", KEYOBJECT_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_DISALLOW_INSTANTIATION,
);

function newKeyObject(cmp: PyObject, object: PyObject | null): PyKeyObject {
  const k = allocTracked(new PyKeyObject(KeyWrapperType), KeyWrapperType);
  k.cmp = newRef(cmp);
  k.object = object === null ? null : newRef(object);
  return k;
}

function keyobjectCall(callable: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const [obj] = parseArgs("K", args, start, nargs, kwnames, ["obj"], 1);
  return newKeyObject((callable as PyKeyObject).cmp!, obj!);
}

function keyobjectRichCompare(ko: PyObject, other: PyObject, op: number): PyObject {
  if (other.type !== ko.type) raise(TypeErrorType, "other argument must be K instance");
  const a = ko as PyKeyObject, b = other as PyKeyObject;
  if (a.object === null || b.object === null) raise(AttributeErrorType, "object");
  const res = callObject(a.cmp!, [a.object, b.object], 0, 2, null);
  try {
    return richCompare(res, smallIntBorrowed(0), op);
  } finally {
    decref(res);
  }
}

function keyobjectClear(self: PyObject): void {
  const k = self as PyKeyObject;
  const cmp = k.cmp, object = k.object;
  k.cmp = null;
  xdecref(cmp);
  k.object = null;
  xdecref(object);
}

KeyWrapperType.call = keyobjectCall;
KeyWrapperType.richcompare = keyobjectRichCompare;
KeyWrapperType.hash = hashNotImplemented;
KeyWrapperType.traverse = (self, visit: VisitProc, arg) => {
  const k = self as PyKeyObject;
  visit(KeyWrapperType, arg);
  if (k.cmp !== null) visit(k.cmp, arg);
  if (k.object !== null) visit(k.object, arg);
};
KeyWrapperType.clear = keyobjectClear;
KeyWrapperType.dealloc = (self) => {
  untrackAndClearWeakrefs(self);
  keyobjectClear(self);
  freeTracked(self);
};
readyType(KeyWrapperType);
addMembers(KeyWrapperType, [
  {
    name: "obj",
    get: (o) => newRef((o as PyKeyObject).object ?? None),
    set: (o, v) => {
      const k = o as PyKeyObject;
      const old = k.object;
      if (v !== null) incref(v);
      k.object = v;
      xdecref(old);
    },
    doc: "Value wrapped by a key function.",
  },
]);

function functoolsCmpToKey(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const [mycmp] = parseArgs("cmp_to_key", args, start, nargs, kwnames, ["mycmp"], 1);
  return newKeyObject(mycmp!, null);
}

// ---------------------------------------------------------------------------
// the module

export const FUNCTOOLS_METHODS: readonly MethodDef[] = [
  {
    name: "reduce",
    kind: "fastcall",
    fn: functoolsReduce,
    doc: "reduce(function, iterable[, initial]) -> value\n\nApply a function of two arguments cumulatively to the items of a sequence\nor iterable, from left to right, so as to reduce the iterable to a single\nvalue.  For example, reduce(lambda x, y: x+y, [1, 2, 3, 4, 5]) calculates\n((((1+2)+3)+4)+5).  If initial is present, it is placed before the items\nof the iterable in the calculation, and serves as a default when the\niterable is empty.",
  },
  { name: "cmp_to_key", kind: "fastcall", fn: functoolsCmpToKey, doc: "Convert a cmp= function into a key= function." },
];

export function initFunctoolsModule(): PyObject {
  const m = newBuiltinModule("_functools", "Tools that operate on functions.", FUNCTOOLS_METHODS);
  moduleAdd(m, "partial", PartialType);
  moduleAdd(m, "_lru_cache_wrapper", LruCacheType);
  functoolsKwdMark();
  return m;
}

registerBuiltinModule("_functools", initFunctoolsModule);
registerPythonModule("functools", FUNCTOOLS_SOURCE);

