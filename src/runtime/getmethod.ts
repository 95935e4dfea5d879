// Objects/object.c (3.11): _PyObject_GetMethod, behind LOAD_METHOD; Objects/call.c:
// PyObject_VectorcallMethod / PyObject_CallMethodNoArgs, which use it too.
//
// For `obj.name(...)`, finds a plain function or method descriptor on the type without
// creating a bound method: the call then passes `obj` as the first argument. That is why
// `obj.f()` creates no bound-method object in 3.11 while `m = obj.f` does, which is visible
// in reference counts and in the GC's allocation count.

import type { PyObject } from "./object.js";
import type { PyStr } from "./str.js";
import { StrType } from "./str.js";
import { callObject, getAttr } from "./abstract.js";
import { decref } from "./refcount.js";
import { genericGetAttr, typeLookupBorrowed } from "./typeobject.js";
import { TPFLAGS_METHOD_DESCRIPTOR } from "./typeroots.js";
import { instanceAttrGet, dictOwnerOf } from "./instance.js";

/** Set by getMethod: true when the returned object is an unbound method to call with obj. */
export let methodIsUnbound = false;

/** Returns a new reference: the unbound method (methodIsUnbound) or the attribute value. */
export function getMethod(obj: PyObject, name: PyStr): PyObject {
  const tp = obj.type;
  methodIsUnbound = false;
  if (tp.getattro !== genericGetAttr || name.type !== StrType) return getAttr(obj, name);
  const descr = typeLookupBorrowed(tp, name);
  let isMethod = false;
  if (descr !== null) {
    const dtype = descr.type;
    if ((dtype.flags & TPFLAGS_METHOD_DESCRIPTOR) !== 0) {
      isMethod = true;
    } else if (dtype.descrGet !== null && dtype.descrSet !== null) {
      // A data descriptor wins over the instance dict.
      return dtype.descrGet(descr, obj, tp);
    }
  }
  if (dictOwnerOf(obj) !== null) {
    const attr = instanceAttrGet(obj, name);
    if (attr !== null) {
      attr.refcnt++;
      return attr;
    }
  }
  if (isMethod) {
    descr!.refcnt++;
    methodIsUnbound = true;
    return descr!;
  }
  if (descr !== null) {
    const get = descr.type.descrGet;
    if (get !== null) return get(descr, obj, tp);
    descr.refcnt++;
    return descr;
  }
  // Nothing found: the generic path raises CPython's AttributeError (and runs __getattr__).
  return getAttr(obj, name);
}

/**
 * PyObject_CallMethodNoArgs: `obj.name()` through _PyObject_GetMethod, so a plain method is
 * called with `obj` as its argument and no bound-method object is made.
 */
export function callMethodNoArgs(obj: PyObject, name: PyStr): PyObject {
  const m = getMethod(obj, name);
  const unbound = methodIsUnbound;
  try {
    return unbound ? callObject(m, [obj], 0, 1, null) : callObject(m, [], 0, 0, null);
  } finally {
    decref(m);
  }
}
