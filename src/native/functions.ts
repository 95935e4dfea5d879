// Include/methodobject.h: PyMethodDef with METH_NOARGS, METH_O and METH_FASTCALL |
// METH_KEYWORDS; what pyz3/Pydust generate at comptime around a Zig function: argument
// struct in, result converted to a new reference out.
//
// A native function body receives its arguments as a struct (borrowed handles for objects,
// JS values for scalars) and returns a new reference (an Owned handle, which is consumed) or
// a JS value converted as Pydust does: undefined/null → None, boolean → bool, bigint → int,
// integral number → int, other number → float, string → str. The wrapper is a real
// MethodDef, so the function Python sees is a builtin_function_or_method (or a
// method_descriptor on a class), with CPython's argument-count messages. Borrowed argument
// handles expire when the body returns.

import type { PyObject } from "../runtime/object.js";
import type { PyTuple } from "../runtime/tuple.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { newRef } from "../runtime/refcount.js";
import { raise, SystemErrorType } from "../runtime/exceptions.js";
import { None } from "../runtime/singletons.js";
import { newBool } from "../runtime/bool.js";
import { newInt, newIntFromBigInt } from "../runtime/int.js";
import { newFloat } from "../runtime/float.js";
import { newStr } from "../runtime/str.js";
import { argLayout, parseCall, parsePositionalOnly, type ArgLayout, type ArgSpecs, type ArgValues } from "./args.js";
import { requireGil } from "./gil.js";
import { Borrowed, Owned } from "./refs.js";

/** What a native function body may return. */
export type NativeResult = Owned<PyObject> | undefined | void | null | boolean | number | bigint | string;

/** The declaration of a module-level function. */
export interface FunctionSpec<A extends ArgSpecs> {
  /** Parameters in order (omit for a function without parameters). */
  args?: A;
  doc?: string;
  /**
   * Take the arguments positionally only. With exactly one required parameter the function
   * is METH_O (`m.f() takes exactly one argument (2 given)`); otherwise it is parsed as
   * PyArg_UnpackTuple / clinic's `/` do (`f expected at least 1 argument, got 0`,
   * `m.f() takes no keyword arguments`, `f() argument 1 must be dict, not int`).
   * Default false (clinic-style positional-or-keyword parsing).
   */
  positionalOnly?: boolean;
  fn: (args: ArgValues<A>) => NativeResult;
}

/** A defined function, ready to be added to modules (the same def each time, as a static PyMethodDef). */
export interface NativeFunction {
  readonly kind: "function";
  /**
   * Builds the MethodDef under the name Python will see; `qualifiedName` (`module.name`) is
   * the name CPython's messages about keywords use.
   */
  methodDef(name: string, qualifiedName?: string): MethodDef;
}

const EMPTY_ARGS: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

/** Converts a body's result into the new reference the caller of the MethodDef receives. */
export function resultToObject(result: unknown, where: string): PyObject {
  if (result instanceof Owned) return result.take();
  if (result === undefined || result === null) return newRef(None);
  switch (typeof result) {
    case "boolean":
      return newBool(result);
    case "number":
      if (Number.isInteger(result) && !Object.is(result, -0)) {
        return Number.isSafeInteger(result) ? newInt(result) : newIntFromBigInt(BigInt(result));
      }
      return newFloat(result);
    case "bigint":
      return newIntFromBigInt(result);
    case "string":
      return newStr(result);
  }
  if (result instanceof Borrowed) {
    raise(SystemErrorType, `${where} returned a borrowed reference; return ref.incref() to give the caller its own reference`);
  }
  raise(SystemErrorType, `${where} returned a value that is not an object handle: ${String(result)}`);
}

function expireAll(lent: Borrowed<PyObject>[]): void {
  for (let i = 0; i < lent.length; i++) lent[i]!.expire();
}

/**
 * Makes the MethodDef for a body taking `(self, args)`. `self` is handed to the body as the
 * caller chooses (`wrapSelf`), the arguments as a struct.
 */
export function makeMethodDef<S>(
  name: string,
  displayName: string,
  layout: ArgLayout,
  positionalOnly: boolean,
  doc: string | undefined,
  wrapSelf: (self: PyObject) => S,
  body: (self: S, args: Record<string, unknown>) => unknown,
  qualifiedName: string = displayName,
): MethodDef {
  const where = `${displayName}()`;
  if (layout.names.length === 0) {
    return {
      name,
      kind: "noargs",
      doc,
      fn: (self) => {
        requireGil(where);
        return resultToObject(body(wrapSelf(self), EMPTY_ARGS), where);
      },
    };
  }
  if (positionalOnly && layout.names.length === 1 && layout.required === 1) {
    const spec = layout.specs[0]!;
    const argName = layout.names[0]!;
    return {
      name,
      kind: "o",
      doc,
      fn: (self, a) => {
        requireGil(where);
        const value = spec.convert(a, name, argName);
        try {
          return resultToObject(body(wrapSelf(self), { [argName]: value }), where);
        } finally {
          if (value instanceof Borrowed) value.expire();
        }
      },
    };
  }
  if (positionalOnly) {
    return {
      name,
      kind: "fastcall",
      doc,
      fn: (self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null) => {
        requireGil(where);
        const lent: Borrowed<PyObject>[] = [];
        try {
          const values = parsePositionalOnly(name, qualifiedName, layout, args, start, nargs, kwnames, lent);
          return resultToObject(body(wrapSelf(self), values), where);
        } finally {
          expireAll(lent);
        }
      },
    };
  }
  return {
    name,
    kind: "fastcall",
    doc,
    fn: (self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null) => {
      requireGil(where);
      const lent: Borrowed<PyObject>[] = [];
      try {
        const values = parseCall(name, layout, args, start, nargs, kwnames, lent);
        return resultToObject(body(wrapSelf(self), values), where);
      } finally {
        expireAll(lent);
      }
    },
  };
}

/**
 * Declares a module-level function: `defineFunction({ args: { n: arg.int() }, fn: ({ n }) =>
 * PyLong.create(n * 2) })`. The name comes from where it is added (`.function(name, ...)`).
 */
export function defineFunction<A extends ArgSpecs = Record<never, never>>(spec: FunctionSpec<A>): NativeFunction {
  const body = spec.fn as (args: Record<string, unknown>) => unknown;
  return {
    kind: "function",
    methodDef(name: string, qualifiedName?: string): MethodDef {
      const layout = argLayout(`function ${name}`, spec.args);
      return makeMethodDef(name, name, layout, spec.positionalOnly === true, spec.doc, identity, (_module, values) => body(values), qualifiedName);
    },
  };
}

function identity(o: PyObject): PyObject {
  return o;
}
