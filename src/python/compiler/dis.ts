// Lib/dis.py (3.11): a disassembler for heapscope's code objects, in dis's layout, for debugging
// and tests. Offsets are instruction indexes (heapscope has no byte offsets) and jump arguments
// are shown as "to N" with N an instruction index.

import * as op from "../opcodes.js";
import { EXCEPTION_ENTRY_SIZE, POSITION_SIZE } from "./codeflags.js";
import { constRepr } from "./consts.js";
import type { CodeUnit } from "./unit.js";
import type { PyCode } from "../code.js";
import type { PyObject } from "../../runtime/object.js";
import type { PyStr } from "../../runtime/str.js";
import { decref } from "../../runtime/refcount.js";

/** What the disassembler needs to know about a code object. */
export interface DisView {
  name: string;
  filename: string;
  firstlineno: number;
  instructions: Int32Array;
  positions: Int32Array;
  exceptionTable: Int32Array;
  names: readonly string[];
  localsplusnames: readonly string[];
  constCount: number;
  constRepr(i: number): string;
  /** Nested code objects among the constants, in order. */
  nested(): DisView[];
}

const CMP_OPS = ["<", "<=", "==", "!=", ">", ">="];
const NB_OPS = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"];
const NAME_OPS = new Set([
  op.LOAD_NAME, op.STORE_NAME, op.DELETE_NAME, op.STORE_GLOBAL, op.DELETE_GLOBAL, op.LOAD_ATTR, op.STORE_ATTR,
  op.DELETE_ATTR, op.LOAD_METHOD, op.IMPORT_NAME, op.IMPORT_FROM,
]);
const LOCAL_OPS = new Set([
  op.LOAD_FAST, op.STORE_FAST, op.DELETE_FAST, op.MAKE_CELL, op.LOAD_CLOSURE, op.LOAD_DEREF, op.STORE_DEREF,
  op.DELETE_DEREF, op.LOAD_CLASSDEREF,
]);
/** Opcodes without an argument in CPython (below HAVE_ARGUMENT). */
const NO_ARG = new Set([
  op.NOP, op.POP_TOP, op.PUSH_NULL, op.UNARY_POSITIVE, op.UNARY_NEGATIVE, op.UNARY_NOT, op.UNARY_INVERT,
  op.BINARY_SUBSCR, op.STORE_SUBSCR, op.DELETE_SUBSCR, op.GET_ITER, op.GET_YIELD_FROM_ITER, op.RETURN_VALUE,
  op.YIELD_VALUE, op.RETURN_GENERATOR, op.GET_LEN, op.LOAD_BUILD_CLASS, op.LOAD_ASSERTION_ERROR,
  op.SETUP_ANNOTATIONS, op.LIST_TO_TUPLE, op.IMPORT_STAR, op.PUSH_EXC_INFO, op.POP_EXCEPT, op.CHECK_EXC_MATCH,
  op.BEFORE_WITH, op.WITH_EXCEPT_START, op.GET_AITER, op.GET_ANEXT, op.BEFORE_ASYNC_WITH, op.END_ASYNC_FOR,
  op.ASYNC_GEN_WRAP, op.MATCH_MAPPING, op.MATCH_SEQUENCE, op.MATCH_KEYS, op.CHECK_EG_MATCH, op.PREP_RERAISE_STAR,
  op.PRINT_EXPR, op.PUSH_LASTI,
]);
const MAKE_FUNCTION_FLAGS = ["defaults", "kwdefaults", "annotations", "closure"];
const FORMAT_CONVERSIONS = ["", "str", "repr", "ascii"];

function argRepr(v: DisView, opcode: number, arg: number): string {
  if (op.JUMP_OPCODES.has(opcode)) return `to ${arg}`;
  if (opcode === op.LOAD_CONST || opcode === op.KW_NAMES) return arg < v.constCount ? v.constRepr(arg) : "<bad const>";
  if (NAME_OPS.has(opcode)) return v.names[arg] ?? "<bad name>";
  if (opcode === op.LOAD_GLOBAL) return ((arg & 1) !== 0 ? "NULL + " : "") + (v.names[arg >> 1] ?? "<bad name>");
  if (LOCAL_OPS.has(opcode)) return v.localsplusnames[arg] ?? "<bad local>";
  if (opcode === op.COMPARE_OP) return CMP_OPS[arg] ?? "";
  if (opcode === op.BINARY_OP) return arg >= op.NB_INPLACE_OFFSET ? NB_OPS[arg - op.NB_INPLACE_OFFSET] + "=" : NB_OPS[arg] ?? "";
  if (opcode === op.MAKE_FUNCTION) return MAKE_FUNCTION_FLAGS.filter((_, i) => (arg & (1 << i)) !== 0).join(", ");
  if (opcode === op.FORMAT_VALUE) {
    const parts: string[] = [];
    if (FORMAT_CONVERSIONS[arg & 3] !== "") parts.push(FORMAT_CONVERSIONS[arg & 3]!);
    if ((arg & 4) !== 0) parts.push("with format");
    return parts.join(", ");
  }
  return "";
}

function disassembleOne(v: DisView, out: string[]): void {
  const n = v.instructions.length >> 1;
  const targets = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (op.JUMP_OPCODES.has(v.instructions[2 * i]!)) targets.add(v.instructions[2 * i + 1]!);
  }
  for (let e = 0; e < v.exceptionTable.length; e += EXCEPTION_ENTRY_SIZE) targets.add(v.exceptionTable[e + 2]!);
  let maxLine = 0;
  for (let i = 0; i < n; i++) maxLine = Math.max(maxLine, v.positions[i * POSITION_SIZE]!);
  const linenoWidth = Math.max(3, String(maxLine).length);
  const offsetWidth = Math.max(4, String(n).length);
  let lastLine = -2;
  for (let i = 0; i < n; i++) {
    const opcode = v.instructions[2 * i]!;
    const arg = v.instructions[2 * i + 1]!;
    const line = v.positions[i * POSITION_SIZE]!;
    const fields: string[] = [];
    if (line !== -1 && line !== lastLine) {
      if (i > 0) out.push("");
      fields.push(String(line).padStart(linenoWidth));
      lastLine = line;
    } else {
      fields.push(" ".repeat(linenoWidth));
    }
    fields.push("   ");
    fields.push(targets.has(i) ? ">>" : "  ");
    fields.push(String(i).padStart(offsetWidth));
    fields.push((op.OPCODE_NAMES[opcode] ?? `<${opcode}>`).padEnd(20));
    if (!NO_ARG.has(opcode)) {
      fields.push(String(arg).padStart(5));
      const detail = argRepr(v, opcode, arg);
      if (detail !== "") fields.push(`(${detail})`);
    }
    out.push(fields.join(" ").trimEnd());
  }
  if (v.exceptionTable.length > 0) {
    out.push("ExceptionTable:");
    for (let e = 0; e < v.exceptionTable.length; e += EXCEPTION_ENTRY_SIZE) {
      const t = v.exceptionTable;
      out.push(`  ${t[e]} to ${t[e + 1]! - 1} -> ${t[e + 2]} [${t[e + 3]}]${t[e + 4] !== 0 ? " lasti" : ""}`);
    }
  }
}

/** dis.dis: the listing of `v` followed by those of its nested code objects. */
export function disassemble(v: DisView): string {
  const out: string[] = [];
  const walk = (code: DisView, first: boolean): void => {
    if (!first) {
      out.push("");
      out.push(`Disassembly of <code object ${code.name}, file "${code.filename}", line ${code.firstlineno}>:`);
    }
    disassembleOne(code, out);
    for (const child of code.nested()) walk(child, false);
  };
  walk(v, true);
  return out.join("\n") + "\n";
}

export function unitView(u: CodeUnit): DisView {
  return {
    name: u.name,
    filename: u.filename,
    firstlineno: u.firstlineno,
    instructions: u.instructions,
    positions: u.positions,
    exceptionTable: u.exceptionTable,
    names: u.names,
    localsplusnames: u.localsplusnames,
    constCount: u.consts.length,
    constRepr: (i) => {
      const c = u.consts[i]!;
      return c.kind === "code" ? `<code object ${c.unit.name}, file "${u.filename}", line ${c.unit.firstlineno}>` : constRepr(c);
    },
    nested: () => u.consts.filter((c) => c.kind === "code").map((c) => unitView((c as { unit: CodeUnit }).unit)),
  };
}

/** Disassembles a compiled (not yet materialised) code unit. */
export function disUnit(u: CodeUnit): string {
  return disassemble(unitView(u));
}

// --- runtime code objects ------------------------------------------------------------------

function objectReprText(o: PyObject): string {
  if (o.type.name === "code") {
    const c = o as PyCode;
    return `<code object ${c.name.value} at 0x${o.address.toString(16)}, file "${c.filename.value}", line ${c.firstlineno}>`;
  }
  const slot = o.type.repr;
  if (slot === null) return `<${o.type.name} object at 0x${o.address.toString(16)}>`;
  const s = slot(o) as PyStr;
  const text = s.value;
  decref(s);
  return text;
}

export function codeView(c: PyCode): DisView {
  return {
    name: c.name.value,
    filename: c.filename.value,
    firstlineno: c.firstlineno,
    instructions: c.instructions,
    positions: c.positions,
    exceptionTable: c.exceptionTable,
    names: c.names.map((s) => s.value),
    localsplusnames: c.localsplusnames.map((s) => s.value),
    constCount: c.consts.length,
    constRepr: (i) => objectReprText(c.consts[i]!),
    nested: () => c.consts.filter((o) => o.type.name === "code").map((o) => codeView(o as PyCode)),
  };
}

/** dis.dis(code): the listing of a code object and of the code objects among its constants. */
export function dis(code: PyCode | CodeUnit): string {
  return disassemble(code instanceof Object && "refcnt" in code ? codeView(code as PyCode) : unitView(code as CodeUnit));
}
