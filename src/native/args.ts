// Python/getargs.c (Argument Clinic's converters): "O" (object), "O!" (object of a type),
// "n" (Py_ssize_t through __index__), "d" (double through PyFloat_AsDouble), "p" (predicate
// through PyObject_IsTrue), "U"/"s" (str), "y*" (bytes), with clinic's messages
// ("f() argument 'name' must be str, not int").
//
// A native function declares its parameters as a record of converters; the call's arguments
// arrive as a struct with the same keys, like pyz3's `args: struct { ... }`. Objects arrive as
// Borrowed handles; scalars arrive converted to JS values. Declaration order is parameter
// order; required parameters come before optional ones.

import type { PyObject } from "../runtime/object.js";
import { PyType as PyTypeClass, type PyType } from "../runtime/type.js";
import type { PyTuple } from "../runtime/tuple.js";
import { raise, TypeErrorType, OverflowErrorType } from "../runtime/exceptions.js";
import { isStr } from "../runtime/str.js";
import { isBytes } from "../runtime/bytes.js";
import { intToBigInt } from "../runtime/int.js";
import { isTrue, numberAsSsize, numberIndex } from "../runtime/abstract.js";
import { decref as rtDecref } from "../runtime/refcount.js";
import { checkPositional, noKeywords, parseArgs } from "../runtime/getargs.js";
import { asDouble } from "./objects.js";
import { Borrowed } from "./refs.js";

/** How one parameter is converted. `T` is what the function body receives. */
export interface ArgSpec<T> {
  readonly kind: string;
  /** Absent arguments are allowed (the body receives the default, or undefined). */
  readonly optional: boolean;
  readonly defaultValue: T | undefined;
  /**
   * Converts a borrowed argument; `fname` and `name` are for messages (`name` is the
   * parameter's name, or its position "1", "2"... for positional-only parameters).
   */
  convert(o: PyObject, fname: string, name: string): T;
}

/** A record of parameter specs, in parameter order. */
export type ArgSpecs = Record<string, ArgSpec<unknown>>;

/** The struct a function body receives for the specs `A`. */
export type ArgValues<A extends ArgSpecs> = { [K in keyof A]: A[K] extends ArgSpec<infer T> ? T : never };

function spec<T>(kind: string, convert: (o: PyObject, fname: string, name: string) => T, options?: ArgOptions<T>): ArgSpec<T> {
  const hasDefault = options !== undefined && "default" in options;
  return {
    kind,
    optional: hasDefault || options?.optional === true,
    defaultValue: hasDefault ? options!.default : undefined,
    convert,
  };
}

/** `{ default: v }` makes a parameter optional with a value; `{ optional: true }` gives undefined. */
export type ArgOptions<T> = { default: T; optional?: never } | { optional: true; default?: never };

function mustBe(fname: string, name: string, what: string, o: PyObject): never {
  // clinic's _PyArg_BadArgument: keyword parameters by name, positional-only ones by number.
  const which = /^[0-9]+$/.test(name) ? name : `'${name}'`;
  raise(TypeErrorType, `${fname}() argument ${which} must be ${what}, not ${o.type.name}`);
}

function convertObject(o: PyObject): Borrowed<PyObject> {
  return new Borrowed(o);
}

function convertInt(o: PyObject): number {
  return numberAsSsize(o, OverflowErrorType);
}

function convertBigInt(o: PyObject): bigint {
  const i = numberIndex(o);
  try {
    return intToBigInt(i);
  } finally {
    rtDecref(i);
  }
}

function convertStr(o: PyObject, fname: string, name: string): string {
  if (!isStr(o)) mustBe(fname, name, "str", o);
  return o.value;
}

function convertBytes(o: PyObject, fname: string, name: string): Uint8Array {
  if (!isBytes(o)) mustBe(fname, name, "bytes", o);
  return o.data;
}

/** Any object, borrowed for the duration of the call ("O"). */
function objectArg(): ArgSpec<Borrowed<PyObject>>;
function objectArg(options: { optional: true }): ArgSpec<Borrowed<PyObject> | undefined>;
function objectArg(options?: { optional: true }): ArgSpec<Borrowed<PyObject> | undefined> {
  return spec<Borrowed<PyObject> | undefined>("object", convertObject, options);
}

/** An integer through __index__, as a JS number ("n": OverflowError beyond 64 bits). */
function intArg(): ArgSpec<number>;
function intArg(options: { default: number }): ArgSpec<number>;
function intArg(options: { optional: true }): ArgSpec<number | undefined>;
function intArg(options?: ArgOptions<number>): ArgSpec<number | undefined> {
  return spec<number | undefined>("int", convertInt, options);
}

/** An integer of any size through __index__, as a bigint. */
function bigintArg(): ArgSpec<bigint>;
function bigintArg(options: { default: bigint }): ArgSpec<bigint>;
function bigintArg(options: { optional: true }): ArgSpec<bigint | undefined>;
function bigintArg(options?: ArgOptions<bigint>): ArgSpec<bigint | undefined> {
  return spec<bigint | undefined>("bigint", convertBigInt, options);
}

/** A real number through PyFloat_AsDouble ("d"). */
function floatArg(): ArgSpec<number>;
function floatArg(options: { default: number }): ArgSpec<number>;
function floatArg(options: { optional: true }): ArgSpec<number | undefined>;
function floatArg(options?: ArgOptions<number>): ArgSpec<number | undefined> {
  return spec<number | undefined>("float", asDouble, options);
}

/** The truth value of any object ("p"). */
function boolArg(): ArgSpec<boolean>;
function boolArg(options: { default: boolean }): ArgSpec<boolean>;
function boolArg(options: { optional: true }): ArgSpec<boolean | undefined>;
function boolArg(options?: ArgOptions<boolean>): ArgSpec<boolean | undefined> {
  return spec<boolean | undefined>("bool", isTrue, options);
}

/** A str, as a JS string. */
function strArg(): ArgSpec<string>;
function strArg(options: { default: string }): ArgSpec<string>;
function strArg(options: { optional: true }): ArgSpec<string | undefined>;
function strArg(options?: ArgOptions<string>): ArgSpec<string | undefined> {
  return spec<string | undefined>("str", convertStr, options);
}

/** A bytes object's contents (a read-only view, valid for the call). */
function bytesArg(): ArgSpec<Uint8Array>;
function bytesArg(options: { optional: true }): ArgSpec<Uint8Array | undefined>;
function bytesArg(options?: { optional: true }): ArgSpec<Uint8Array | undefined> {
  return spec<Uint8Array | undefined>("bytes", convertBytes, options);
}

/** Anything that names a type: a type object, or a native class (its `type`). */
export type TypeLike = PyType | { readonly type: PyType };

/** An instance of `type` or of a subclass ("O!"), borrowed; TypeError otherwise. */
function instanceArg<T extends PyObject = PyObject>(type: TypeLike): ArgSpec<Borrowed<T>>;
function instanceArg<T extends PyObject = PyObject>(type: TypeLike, options: { optional: true }): ArgSpec<Borrowed<T> | undefined>;
function instanceArg<T extends PyObject = PyObject>(type: TypeLike, options?: { optional: true }): ArgSpec<Borrowed<T> | undefined> {
  return spec<Borrowed<T> | undefined>("instance", (o, fname, name) => {
    const t = type instanceof PyTypeClass ? type : type.type;
    if (!o.type.isSubtypeOf(t)) mustBe(fname, name, t.name, o);
    return new Borrowed(o as T);
  }, options);
}

/**
 * A parameter converted by your own function (a Borrowed handle in, any value out; raise
 * with raiseError for values it refuses), for conversions the others do not cover.
 */
function customArg<T>(convert: (value: Borrowed<PyObject>) => T): ArgSpec<T>;
function customArg<T>(convert: (value: Borrowed<PyObject>) => T, options: { default: T }): ArgSpec<T>;
function customArg<T>(convert: (value: Borrowed<PyObject>) => T, options: { optional: true }): ArgSpec<T | undefined>;
function customArg<T>(convert: (value: Borrowed<PyObject>) => T, options?: ArgOptions<T>): ArgSpec<T | undefined> {
  return spec<T | undefined>("custom", (o) => {
    const handle = new Borrowed(o);
    try {
      return convert(handle);
    } finally {
      handle.expire();
    }
  }, options as ArgOptions<T | undefined> | undefined);
}

/** The parameter converters: `args: { n: arg.int(), name: arg.str({ default: "x" }) }`. */
export const arg = {
  custom: customArg,
  object: objectArg,
  instance: instanceArg,
  int: intArg,
  bigint: bigintArg,
  float: floatArg,
  bool: boolArg,
  str: strArg,
  bytes: bytesArg,
};

/** A compiled parameter list: names and how many lead as required. */
export interface ArgLayout {
  readonly names: string[];
  readonly specs: ArgSpec<unknown>[];
  readonly required: number;
}

export function argLayout(owner: string, specs: ArgSpecs | undefined): ArgLayout {
  const names = specs === undefined ? [] : Object.keys(specs);
  const list = names.map((n) => specs![n]!);
  let required = 0;
  while (required < list.length && !list[required]!.optional) required++;
  for (let i = required; i < list.length; i++) {
    if (!list[i]!.optional) {
      throw new TypeError(`${owner}: required parameter '${names[i]}' follows an optional one; declare required parameters first`);
    }
  }
  return { names, specs: list, required };
}

/**
 * Parses a vectorcall into the argument struct. Borrowed handles made here are pushed on
 * `lent` so the caller can expire them when the call returns.
 */
export function parseCall(
  fname: string,
  layout: ArgLayout,
  args: PyObject[],
  start: number,
  nargs: number,
  kwnames: PyTuple | null,
  lent: Borrowed<PyObject>[],
): Record<string, unknown> {
  const values = parseArgs(fname, args, start, nargs, kwnames, layout.names, layout.required);
  const out: Record<string, unknown> = {};
  for (let i = 0; i < values.length; i++) {
    const s = layout.specs[i]!;
    const o = values[i]!;
    const value = o === null ? s.defaultValue : s.convert(o, fname, layout.names[i]!);
    if (value instanceof Borrowed) lent.push(value);
    out[layout.names[i]!] = value;
  }
  return out;
}

/**
 * Parses a call of a positional-only function (PyArg_UnpackTuple, or clinic's `/`): no
 * keywords (`m.f() takes no keyword arguments`), between `required` and all parameters
 * positionally (`f expected at least 1 argument, got 0`), each converted with its position
 * in messages. Borrowed handles are pushed on `lent`, as parseCall does.
 */
export function parsePositionalOnly(
  fname: string,
  qualifiedName: string,
  layout: ArgLayout,
  args: PyObject[],
  start: number,
  nargs: number,
  kwnames: PyTuple | null,
  lent: Borrowed<PyObject>[],
): Record<string, unknown> {
  noKeywords(qualifiedName, kwnames);
  checkPositional(fname, nargs, layout.required, layout.names.length);
  const out: Record<string, unknown> = {};
  for (let i = 0; i < layout.names.length; i++) {
    const s = layout.specs[i]!;
    const value = i < nargs ? s.convert(args[start + i]!, fname, String(i + 1)) : s.defaultValue;
    if (value instanceof Borrowed) lent.push(value);
    out[layout.names[i]!] = value;
  }
  return out;
}
