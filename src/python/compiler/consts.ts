// Objects/codeobject.c (_PyCode_ConstantKey) and Python/compile.c (merge_consts_recursive),
// 3.11: the compiler's constants.
//
// The compiler works on plain JS values ("CVal") rather than runtime objects: folding, de-duplication
// and the optimiser only need values, and keeping them pure lets the compiler run (and be tested)
// without touching the heap. `materialize.ts` turns them into runtime objects once per compilation,
// merging equal constants into one object as CPython's c_const_cache does.

import { doubleToString, floatRepr } from "../../runtime/values/floatrepr.js";
import { bytesRepr, strRepr } from "../../runtime/values/strmethods.js";
import type { ConstantValue } from "../ast.js";
import type { CodeUnit } from "./unit.js";

export type CVal =
  | { readonly kind: "None" }
  | { readonly kind: "Ellipsis" }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "int"; readonly value: bigint }
  | { readonly kind: "float"; readonly value: number }
  | { readonly kind: "complex"; readonly real: number; readonly imag: number }
  | { readonly kind: "str"; readonly value: string }
  | { readonly kind: "bytes"; readonly value: Uint8Array }
  | { readonly kind: "tuple"; readonly items: readonly CVal[] }
  | { readonly kind: "frozenset"; readonly items: readonly CVal[] }
  | { readonly kind: "code"; readonly unit: CodeUnit };

export const C_NONE: CVal = { kind: "None" };
export const C_ELLIPSIS: CVal = { kind: "Ellipsis" };
export const C_TRUE: CVal = { kind: "bool", value: true };
export const C_FALSE: CVal = { kind: "bool", value: false };
export const C_ZERO: CVal = { kind: "int", value: 0n };
export const C_EMPTY_STR: CVal = { kind: "str", value: "" };

export function cInt(value: bigint | number): CVal {
  return { kind: "int", value: typeof value === "bigint" ? value : BigInt(value) };
}
export function cFloat(value: number): CVal {
  return { kind: "float", value };
}
export function cStr(value: string): CVal {
  return value === "" ? C_EMPTY_STR : { kind: "str", value };
}
export function cBool(value: boolean): CVal {
  return value ? C_TRUE : C_FALSE;
}
export function cTuple(items: readonly CVal[]): CVal {
  return { kind: "tuple", items };
}

/** The value of an AST `Constant` node. */
export function fromAstConstant(v: ConstantValue): CVal {
  switch (v.type) {
    case "None":
      return C_NONE;
    case "Ellipsis":
      return C_ELLIPSIS;
    case "bool":
      return cBool(v.value);
    case "int":
      return { kind: "int", value: v.value };
    case "float":
      return { kind: "float", value: v.value };
    case "complex":
      return { kind: "complex", real: 0, imag: v.imag };
    case "str":
      return cStr(v.value);
    case "bytes":
      return { kind: "bytes", value: v.value };
  }
}

// --- keys ------------------------------------------------------------------------------------

let nextUniqueKey = 0;
const codeKeys = new WeakMap<CodeUnit, string>();

function floatKey(x: number): string {
  if (Number.isNaN(x)) return `nan#${nextUniqueKey++}`; // NaN != NaN: never merged
  if (x === 0 && Object.is(x, -0)) return "-0";
  return String(x);
}

function lengthPrefixed(keys: string[]): string {
  let out = "";
  for (const k of keys) out += `${k.length}:${k}`;
  return out;
}

/**
 * A string that is equal for two constants exactly when _PyCode_ConstantKey makes them equal:
 * the type is part of the key (1, 1.0 and True differ), float zeros keep their sign, tuples
 * compare item keys, frozensets compare item-key sets, code objects compare by identity.
 */
export function constKey(v: CVal): string {
  switch (v.kind) {
    case "None":
      return "N";
    case "Ellipsis":
      return "E";
    case "bool":
      return v.value ? "T" : "F";
    case "int":
      return "i" + v.value.toString();
    case "float":
      return "f" + floatKey(v.value);
    case "complex":
      return "c" + floatKey(v.real) + "," + floatKey(v.imag);
    case "str":
      return "s" + v.value;
    case "bytes": {
      let hex = "";
      for (const b of v.value) hex += (b < 16 ? "0" : "") + b.toString(16);
      return "y" + hex;
    }
    case "tuple":
      return "t" + lengthPrefixed(v.items.map(constKey));
    case "frozenset":
      return "z" + lengthPrefixed(v.items.map(constKey).sort());
    case "code": {
      let k = codeKeys.get(v.unit);
      if (k === undefined) {
        k = codeKey(v.unit);
        codeKeys.set(v.unit, k);
      }
      return k;
    }
  }
}

/**
 * Code objects compare by value (code_richcompare): name, argument counts, flags, first line,
 * instructions, constants, names, variable names, locations and exception table (not the
 * qualname or filename). Two identical comprehensions on one line become one constant.
 */
function codeKey(u: CodeUnit): string {
  return "C" + lengthPrefixed([
    u.name,
    `${u.argcount},${u.posonlyargcount},${u.kwonlyargcount},${u.flags},${u.firstlineno}`,
    u.instructions.join(","),
    constKey({ kind: "tuple", items: u.consts }),
    lengthPrefixed(u.names),
    lengthPrefixed(u.localsplusnames),
    u.positions.join(","),
    u.exceptionTable.join(","),
  ]);
}

// --- repr ------------------------------------------------------------------------------------

function complexPartRepr(x: number): string {
  return doubleToString(x, "r", 0);
}

/** complex_repr: `2j`, `(1+2j)`, `(-0-1j)`. */
export function complexRepr(real: number, imag: number): string {
  const imagText = complexPartRepr(imag);
  if (real === 0 && !Object.is(real, -0)) return imagText + "j";
  const sign = imagText.startsWith("-") ? "" : "+";
  return `(${complexPartRepr(real)}${sign}${imagText}j)`;
}

/**
 * repr() of a constant as the compiler fixtures print it: CPython's repr, except that a code
 * object is `<code NAME>` and a frozenset lists its items sorted (its real order follows hashes).
 */
export function constRepr(v: CVal): string {
  switch (v.kind) {
    case "None":
      return "None";
    case "Ellipsis":
      return "Ellipsis";
    case "bool":
      return v.value ? "True" : "False";
    case "int":
      return v.value.toString();
    case "float":
      return floatRepr(v.value);
    case "complex":
      return complexRepr(v.real, v.imag);
    case "str":
      return strRepr(v.value);
    case "bytes":
      return bytesRepr(v.value);
    case "tuple": {
      const inner = v.items.map(constRepr).join(", ");
      return "(" + inner + (v.items.length === 1 ? ",)" : ")");
    }
    case "frozenset":
      if (v.items.length === 0) return "frozenset()";
      return "frozenset({" + v.items.map(constRepr).sort(compareCodePoints).join(", ") + "})";
    case "code":
      return `<code ${v.unit.name}>`;
  }
}

/** Python's str ordering (code points), which differs from JS's UTF-16 order only past U+FFFF. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Python truth value of a constant (PyObject_IsTrue). */
export function constIsTrue(v: CVal): boolean {
  switch (v.kind) {
    case "None":
      return false;
    case "Ellipsis":
    case "code":
      return true;
    case "bool":
      return v.value;
    case "int":
      return v.value !== 0n;
    case "float":
      return v.value !== 0; // NaN is true
    case "complex":
      return v.real !== 0 || v.imag !== 0;
    case "str":
      return v.value.length > 0;
    case "bytes":
      return v.value.length > 0;
    case "tuple":
    case "frozenset":
      return v.items.length > 0;
  }
}

/** True for str constants CPython interns (all_name_chars: ASCII letters, digits, '_'). */
export function isIdentifierLike(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok =
      (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!ok) return false;
  }
  return true;
}
