// Parser/pegen.c (parsenumber, CPython 3.11): the value of a NUMBER token.
//
// The tokenizer has already checked the literal's form, so this only strips
// underscores and picks the type; integers are exact (bigint), floats use the
// correctly rounded JS conversion, which agrees with CPython's.

import type * as A from "../ast.js";

/** Value of a NUMBER token. */
export function parseNumber(text: string): A.ConstantValue {
  const s = text.indexOf("_") >= 0 ? text.replace(/_/g, "") : text;
  const last = s.charCodeAt(s.length - 1) | 0x20;
  if (last === 106) return { type: "complex", imag: Number(s.slice(0, -1)) };
  const c1 = s.length > 1 ? s.charCodeAt(1) | 0x20 : 0;
  if (s.charCodeAt(0) === 48 && (c1 === 120 || c1 === 111 || c1 === 98)) {
    return { type: "int", value: BigInt(s.slice(0, 2).toLowerCase() + s.slice(2)) };
  }
  if (/[.eE]/.test(s)) return { type: "float", value: Number(s) };
  return { type: "int", value: BigInt(s) };
}

