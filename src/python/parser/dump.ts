// Lib/ast.py (`dump`) and Objects/unicodeobject.c, Objects/bytesobject.c,
// Objects/floatobject.c, Objects/complexobject.c (`repr`) in CPython 3.11:
// the text of `ast.dump(node)`, so our tree can be compared with CPython's.

import type * as A from "../ast.js";
import { isPrintable } from "./tokenizer.js";

/** Fields of each node kind in ASDL order; "?" marks optional fields (omitted when null). */
const FIELDS: Record<string, string[]> = {
  Module: ["body", "type_ignores"],
  TypeIgnore: ["lineno", "tag"],
  FunctionDef: ["name", "args", "body", "decorator_list", "returns?", "type_comment?"],
  AsyncFunctionDef: ["name", "args", "body", "decorator_list", "returns?", "type_comment?"],
  ClassDef: ["name", "bases", "keywords", "body", "decorator_list"],
  Return: ["value?"],
  Delete: ["targets"],
  Assign: ["targets", "value", "type_comment?"],
  AugAssign: ["target", "op", "value"],
  AnnAssign: ["target", "annotation", "value?", "simple"],
  For: ["target", "iter", "body", "orelse", "type_comment?"],
  AsyncFor: ["target", "iter", "body", "orelse", "type_comment?"],
  While: ["test", "body", "orelse"],
  If: ["test", "body", "orelse"],
  With: ["items", "body", "type_comment?"],
  AsyncWith: ["items", "body", "type_comment?"],
  Match: ["subject", "cases"],
  Raise: ["exc?", "cause?"],
  Try: ["body", "handlers", "orelse", "finalbody"],
  TryStar: ["body", "handlers", "orelse", "finalbody"],
  Assert: ["test", "msg?"],
  Import: ["names"],
  ImportFrom: ["module?", "names", "level?"],
  Global: ["names"],
  Nonlocal: ["names"],
  Expr: ["value"],
  Pass: [],
  Break: [],
  Continue: [],
  BoolOp: ["op", "values"],
  NamedExpr: ["target", "value"],
  BinOp: ["left", "op", "right"],
  UnaryOp: ["op", "operand"],
  Lambda: ["args", "body"],
  IfExp: ["test", "body", "orelse"],
  Dict: ["keys", "values"],
  Set: ["elts"],
  ListComp: ["elt", "generators"],
  SetComp: ["elt", "generators"],
  DictComp: ["key", "value", "generators"],
  GeneratorExp: ["elt", "generators"],
  Await: ["value"],
  Yield: ["value?"],
  YieldFrom: ["value"],
  Compare: ["left", "ops", "comparators"],
  Call: ["func", "args", "keywords"],
  FormattedValue: ["value", "conversion", "format_spec?"],
  JoinedStr: ["values"],
  Constant: ["value", "kind?"],
  Attribute: ["value", "attr", "ctx"],
  Subscript: ["value", "slice", "ctx"],
  Starred: ["value", "ctx"],
  Name: ["id", "ctx"],
  List: ["elts", "ctx"],
  Tuple: ["elts", "ctx"],
  Slice: ["lower?", "upper?", "step?"],
  comprehension: ["target", "iter", "ifs", "is_async"],
  ExceptHandler: ["type?", "name?", "body"],
  arguments: ["posonlyargs", "args", "vararg?", "kwonlyargs", "kw_defaults", "kwarg?", "defaults"],
  arg: ["arg", "annotation?", "type_comment?"],
  keyword: ["arg?", "value"],
  alias: ["name", "asname?"],
  withitem: ["context_expr", "optional_vars?"],
  match_case: ["pattern", "guard?", "body"],
  MatchValue: ["value"],
  MatchSingleton: ["value"],
  MatchSequence: ["patterns"],
  MatchMapping: ["keys", "patterns", "rest?"],
  MatchClass: ["cls", "patterns", "kwd_attrs", "kwd_patterns"],
  MatchStar: ["name?"],
  MatchAs: ["pattern?", "name?"],
  MatchOr: ["patterns"],
};

/** Node kinds without position attributes. */
const NO_ATTRIBUTES = new Set(["Module", "TypeIgnore", "comprehension", "arguments", "withitem", "match_case"]);

/** Fields whose values are operator/context singletons printed as `Name()`. */
const SINGLETON_FIELDS = new Set(["op", "ctx"]);

export interface DumpOptions {
  includeAttributes?: boolean;
}

/** The text `ast.dump(node)` (or `ast.dump(node, include_attributes=True)`) gives in CPython 3.11. */
export function dumpAst(node: A.Node, options: DumpOptions = {}): string {
  const attrs = options.includeAttributes === true;
  const out: string[] = [];
  const fmtNode = (n: A.Node): void => {
    const kind = n.kind;
    const fields = FIELDS[kind];
    out.push(kind, "(");
    let first = true;
    const rec = n as unknown as Record<string, unknown>;
    for (const f of fields) {
      const optional = f.endsWith("?");
      const name = optional ? f.slice(0, -1) : f;
      const value = name === "kind" && kind === "Constant" ? rec.const_kind : rec[name];
      if (optional && (value === null || value === undefined)) continue;
      if (!first) out.push(", ");
      first = false;
      out.push(name, "=");
      if (SINGLETON_FIELDS.has(name) && typeof value === "string") out.push(value, "()");
      else if (kind === "Compare" && name === "ops") out.push("[", (value as string[]).map((o) => o + "()").join(", "), "]");
      else if ((kind === "Constant" || kind === "MatchSingleton") && name === "value") out.push(constantRepr(value as A.ConstantValue));
      else fmtValue(value);
    }
    if (attrs && !NO_ATTRIBUTES.has(kind)) {
      for (const a of ["lineno", "col_offset", "end_lineno", "end_col_offset"]) {
        const v = rec[a];
        if (v === null || v === undefined) continue;
        if (!first) out.push(", ");
        first = false;
        out.push(a, "=", String(v));
      }
    }
    out.push(")");
  };
  const fmtValue = (v: unknown): void => {
    if (v === null || v === undefined) out.push("None");
    else if (Array.isArray(v)) {
      out.push("[");
      for (let i = 0; i < v.length; i++) {
        if (i) out.push(", ");
        fmtValue(v[i]);
      }
      out.push("]");
    } else if (typeof v === "string") out.push(strRepr(v));
    else if (typeof v === "number") out.push(String(v));
    else if (typeof v === "object" && "kind" in (v as object)) fmtNode(v as A.Node);
    else out.push(String(v));
  };
  fmtNode(node);
  return out.join("");
}

/** Python `repr` of a constant value. */
export function constantRepr(v: A.ConstantValue): string {
  switch (v.type) {
    case "None": return "None";
    case "Ellipsis": return "Ellipsis";
    case "bool": return v.value ? "True" : "False";
    case "int": return v.value.toString();
    case "float": return floatRepr(v.value);
    case "complex": return complexImagRepr(v.imag) + "j";
    case "str": return strRepr(v.value);
    case "bytes": return bytesRepr(v.value);
  }
}

/** Shortest round-trip digits and the decimal exponent, as float_repr_style 'short' uses. */
function shortDigits(x: number): { digits: string; decpt: number } {
  const e = x.toExponential(); // shortest digits that round-trip
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(e)!;
  const digits = m[1] + (m[2] ?? "");
  return { digits, decpt: Number(m[3]) + 1 };
}

function formatShort(x: number, addDot0: boolean): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  if (ax === 0) return (neg ? "-" : "") + (addDot0 ? "0.0" : "0");
  const { digits, decpt } = shortDigits(ax);
  let s: string;
  if (decpt <= -4 || decpt > 16) {
    const exp = decpt - 1;
    const mant = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
    const es = Math.abs(exp) < 10 ? "0" + Math.abs(exp) : String(Math.abs(exp));
    s = mant + "e" + (exp < 0 ? "-" : "+") + es;
  } else if (decpt <= 0) {
    s = "0." + "0".repeat(-decpt) + digits;
  } else if (decpt >= digits.length) {
    s = digits + "0".repeat(decpt - digits.length) + (addDot0 ? ".0" : "");
  } else {
    s = digits.slice(0, decpt) + "." + digits.slice(decpt);
  }
  return (neg ? "-" : "") + s;
}

export function floatRepr(x: number): string {
  return formatShort(x, true);
}

function complexImagRepr(x: number): string {
  return formatShort(x, false);
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}

/** Python `repr(str)`. */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (cp === 92) out += "\\\\";
    else if (cp === quote.charCodeAt(0)) out += "\\" + quote;
    else if (cp === 9) out += "\\t";
    else if (cp === 10) out += "\\n";
    else if (cp === 13) out += "\\r";
    else if (cp < 32 || cp === 0x7f) out += "\\x" + hex(cp, 2);
    else if (cp < 0x7f) out += String.fromCharCode(cp);
    else if (isPrintable(cp) && !(cp >= 0xd800 && cp <= 0xdfff)) out += String.fromCodePoint(cp);
    else if (cp <= 0xff) out += "\\x" + hex(cp, 2);
    else if (cp <= 0xffff) out += "\\u" + hex(cp, 4);
    else out += "\\U" + hex(cp, 8);
  }
  return out + quote;
}

/** Python `repr(bytes)`. */
export function bytesRepr(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const c of b) {
    if (c === 39) hasSingle = true;
    else if (c === 34) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? 34 : 39;
  let out = "b" + String.fromCharCode(quote);
  for (const c of b) {
    if (c === quote || c === 92) out += "\\" + String.fromCharCode(c);
    else if (c === 9) out += "\\t";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c < 32 || c >= 0x7f) out += "\\x" + hex(c, 2);
    else out += String.fromCharCode(c);
  }
  return out + String.fromCharCode(quote);
}
