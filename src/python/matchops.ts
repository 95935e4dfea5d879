// Python/ceval.c (3.11): match_keys, match_class, match_class_attr (the MATCH_KEYS and
// MATCH_CLASS instructions of `match` statements), and check_except_star_type_valid,
// exception_group_match (CHECK_EG_MATCH of `except*`).

import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/refcount.js";
import { None } from "../runtime/singletons.js";
import {
  raise, PyRaise, TypeErrorType, ValueErrorType, AttributeErrorType, BaseExceptionGroupType,
  exceptionMatches, isExceptionGroup,
} from "../runtime/exceptions.js";
import { PyTuple, TupleType, tupleFromOwned, EMPTY_TUPLE } from "../runtime/tuple.js";
import { newSet, setAdd, setContains } from "../runtime/set.js";
import { newStr, StrType, type PyStr } from "../runtime/str.js";
import { ObjectType, TPFLAGS_MATCH_SELF } from "../runtime/typeroots.js";
import { isTypeObject } from "../runtime/typeobject.js";
import { TPFLAGS_BASE_EXC_SUBCLASS, type PyType } from "../runtime/type.js";
import { callObject, callMethod, getAttr, isInstance, isSubclass, reprText } from "../runtime/abstract.js";
import { getMethod, methodIsUnbound } from "./getmethod.js";

let getName: PyStr | null = null;
let matchArgsName: PyStr | null = null;
let splitName: PyStr | null = null;

/** match_keys: a tuple of the values for `keys` in `map`, or None when one is missing (new reference). */
export function matchKeys(map: PyObject, keys: PyTuple): PyObject {
  const nkeys = keys.items.length;
  if (nkeys === 0) {
    EMPTY_TUPLE.refcnt++;
    return EMPTY_TUPLE;
  }
  if (getName === null) getName = newStr("get");
  // map.get(key, dummy): atomic, and no __missing__ side effects.
  const get = getMethod(map, getName);
  const unbound = methodIsUnbound;
  const seen = newSet();
  let dummy: PyObject | null = null;
  const values: PyObject[] = [];
  try {
    dummy = callObject(ObjectType, [], 0, 0, null);
    for (let i = 0; i < nkeys; i++) {
      const key = keys.items[i]!;
      if (setContains(seen, key)) raise(ValueErrorType, `mapping pattern checks duplicate key (${reprText(key)})`);
      setAdd(seen, key);
      const value: PyObject = unbound ? callObject(get, [map, key, dummy], 0, 3, null) : callObject(get, [key, dummy], 0, 2, null);
      if (value === dummy) {
        decref(value);
        for (const v of values) decref(v);
        None.refcnt++;
        return None;
      }
      values.push(value);
    }
    return tupleFromOwned(values.splice(0));
  } finally {
    for (const v of values) decref(v);
    decref(get);
    decref(seen);
    if (dummy !== null) decref(dummy);
  }
}

/** match_class_attr: getattr(subject, name), null when missing; a name seen twice is an error. */
function matchClassAttr(subject: PyObject, type: PyType, name: PyObject, seen: PyObject): PyObject | null {
  if (setContains(seen, name)) raise(TypeErrorType, `${type.name}() got multiple sub-patterns for attribute ${reprText(name)}`);
  setAdd(seen, name);
  try {
    return getAttr(subject, name as PyStr);
  } catch (e) {
    if (e instanceof PyRaise && exceptionMatches(e.exception, AttributeErrorType)) {
      decref(e.exception);
      return null;
    }
    throw e;
  }
}

/** match_class: the tuple of matched attributes (new reference), or null when the pattern fails. */
export function matchClass(subject: PyObject, type: PyObject, nargs: number, kwargs: PyTuple): PyObject | null {
  if (!isTypeObject(type)) raise(TypeErrorType, "called match pattern must be a type");
  if (!isInstance(subject, type)) return null;
  const cls = type as PyType;
  const seen = newSet();
  const attrs: PyObject[] = [];
  let matchArgs: PyObject | null = null;
  try {
    if (nargs > 0) {
      let matchSelf = false;
      if (matchArgsName === null) matchArgsName = newStr("__match_args__");
      try {
        matchArgs = getAttr(type, matchArgsName);
      } catch (e) {
        if (!(e instanceof PyRaise) || !exceptionMatches(e.exception, AttributeErrorType)) throw e;
        decref(e.exception);
        EMPTY_TUPLE.refcnt++;
        matchArgs = EMPTY_TUPLE;
        matchSelf = (cls.flags & TPFLAGS_MATCH_SELF) !== 0;
      }
      if (matchArgs.type !== TupleType) {
        raise(TypeErrorType, `${cls.name}.__match_args__ must be a tuple (got ${matchArgs.type.name})`);
      }
      const names = (matchArgs as PyTuple).items;
      const allowed = matchSelf ? 1 : names.length;
      if (allowed < nargs) {
        raise(TypeErrorType, `${cls.name}() accepts ${allowed} positional sub-pattern${allowed === 1 ? "" : "s"} (${nargs} given)`);
      }
      if (matchSelf) {
        subject.refcnt++;
        attrs.push(subject);
      } else {
        for (let i = 0; i < nargs; i++) {
          const name = names[i]!;
          if (name.type !== StrType) raise(TypeErrorType, `__match_args__ elements must be strings (got ${name.type.name})`);
          const attr = matchClassAttr(subject, cls, name, seen);
          if (attr === null) return null;
          attrs.push(attr);
        }
      }
    }
    for (const name of kwargs.items) {
      const attr = matchClassAttr(subject, cls, name, seen);
      if (attr === null) return null;
      attrs.push(attr);
    }
    return tupleFromOwned(attrs.splice(0));
  } finally {
    for (const a of attrs) decref(a);
    if (matchArgs !== null) decref(matchArgs);
    decref(seen);
  }
}

const CANNOT_CATCH = "catching classes that do not inherit from BaseException is not allowed";

function isExceptionClass(o: PyObject): boolean {
  return isTypeObject(o) && ((o as PyType).flags & TPFLAGS_BASE_EXC_SUBCLASS) !== 0;
}

/** check_except_star_type_valid */
export function checkExceptStarTypeValid(right: PyObject): void {
  const items = right.type === TupleType ? (right as PyTuple).items : [right];
  for (const item of items) if (!isExceptionClass(item)) raise(TypeErrorType, CANNOT_CATCH);
  for (const item of items) {
    if (isSubclass(item, BaseExceptionGroupType)) {
      raise(TypeErrorType, "catching ExceptionGroup with except* is not allowed. Use except instead.");
    }
  }
}

/**
 * exception_group_match: [match, rest] (new references). A bare exception that matches is
 * wrapped in an ExceptionGroup("", (exc,)); a group is split.
 */
export function exceptionGroupMatch(excValue: PyObject, matchType: PyObject): [PyObject, PyObject] {
  if (excValue === None) {
    None.refcnt += 2;
    return [None, None];
  }
  if (exceptionMatches(excValue, matchType)) {
    let match: PyObject;
    if (isExceptionGroup(excValue)) {
      excValue.refcnt++;
      match = excValue;
    } else {
      const message = newStr("");
      excValue.refcnt++;
      const excs = tupleFromOwned([excValue]);
      try {
        match = callObject(BaseExceptionGroupType, [message, excs], 0, 2, null);
      } finally {
        decref(message);
        decref(excs);
      }
    }
    None.refcnt++;
    return [match, None];
  }
  if (isExceptionGroup(excValue)) {
    if (splitName === null) splitName = newStr("split");
    const pair = callMethod(excValue, splitName, [matchType]) as PyTuple;
    const [match, rest] = pair.items as [PyObject, PyObject];
    match.refcnt++;
    rest.refcnt++;
    decref(pair);
    return [match, rest];
  }
  None.refcnt += 2;
  return [None, None];
}
