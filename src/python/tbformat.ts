// Python/pythonrun.c (3.11): print_exception_recursive, print_exception, print_error_text;
// Python/traceback.c: tb_printinternal, tb_displayline and the caret anchors.
//
// Formats an exception the way the default sys.excepthook prints it: the chain of causes
// and contexts, each traceback with its source lines and 3.11's `~~~^^^` position markers,
// and the final `Type: message` line.

import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/refcount.js";
import { None } from "../runtime/singletons.js";
import { PyStr, newStr, StrType } from "../runtime/str.js";
import {
  PyRaise, PyBaseException, SyntaxErrorType, isExceptionGroup, groupExceptions, type PyExceptionWithFields,
} from "../runtime/exceptions.js";
import { objectStr, lookupAttr, getAttr, reprText, strText, sequenceGetItem, length as objectLength } from "../runtime/abstract.js";
import { typeModuleName } from "../runtime/typeobject.js";
import { isInt, intToBigInt } from "../runtime/int.js";
import {
  TPFLAGS_BASE_EXC_SUBCLASS, TPFLAGS_UNICODE_SUBCLASS, TPFLAGS_BYTES_SUBCLASS, TPFLAGS_DICT_SUBCLASS,
} from "../runtime/type.js";
import { POSITION_SIZE, type PyCode } from "./code.js";
import type { PyTraceBack } from "./traceback.js";
import { parse } from "./parser/index.js";
import { offerSuggestion } from "./suggestions.js";

/** Source lines for tracebacks (linecache): the text of line `lineno` of `filename`, or null. */
export type SourceLines = (filename: string, lineno: number) => string | null;

const TB_RECURSIVE_CUTOFF = 3;
const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;

/** exception_print_context: where the text goes and how deep in exception groups we are. */
interface PrintContext {
  out: string[];
  lines: SourceLines;
  seen: Set<PyObject>;
  groupDepth: number;
  needClose: boolean;
}

function margin(ctx: PrintContext): string {
  return ctx.groupDepth > 0 ? "| " : "";
}

function indentedMargin(ctx: PrintContext): string {
  return " ".repeat(2 * ctx.groupDepth) + margin(ctx);
}

/** print_exception_recursive: the chain of causes / contexts, oldest first, then `exc`. */
export function formatException(exc: PyBaseException, lines: SourceLines): string {
  const ctx: PrintContext = { out: [], lines, seen: new Set(), groupDepth: 0, needClose: false };
  printRecursive(ctx, exc);
  return ctx.out.join("");
}

function printRecursive(ctx: PrintContext, exc: PyObject): void {
  printCauseAndContext(ctx, exc);
  if (isException(exc) && isExceptionGroup(exc)) printGroup(ctx, exc as PyBaseException);
  else printOne(ctx, exc);
}

/** print_exception_cause_and_context */
function printCauseAndContext(ctx: PrintContext, value: PyObject): void {
  ctx.seen.add(value);
  if (!isException(value)) return;
  const exc = value as PyBaseException;
  const cause = exc.cause;
  if (cause !== null && cause !== None) {
    if (!ctx.seen.has(cause)) printChained(ctx, cause, "The above exception was the direct cause of the following exception:\n");
    return;
  }
  if (exc.suppressContext) return;
  const context = exc.context;
  if (context !== null && context !== None && !ctx.seen.has(context)) {
    printChained(ctx, context, "During handling of the above exception, another exception occurred:\n");
  }
}

function printChained(ctx: PrintContext, value: PyObject, message: string): void {
  const needClose = ctx.needClose;
  printRecursive(ctx, value);
  ctx.needClose = needClose;
  const m = indentedMargin(ctx);
  ctx.out.push(`${m}\n${m}${message}${m}\n`);
}

function isException(o: PyObject): boolean {
  return (o.type.flags & TPFLAGS_BASE_EXC_SUBCLASS) !== 0;
}

/** print_exception_group */
function printGroup(ctx: PrintContext, group: PyBaseException): void {
  const out = ctx.out;
  if (ctx.groupDepth > MAX_GROUP_DEPTH) {
    out.push(`${indentedMargin(ctx)}... (max_group_depth is ${MAX_GROUP_DEPTH})\n`);
    return;
  }
  if (ctx.groupDepth === 0) ctx.groupDepth++;
  printOne(ctx, group);
  const excs = groupExceptions(group as PyExceptionWithFields).items;
  const n = excs.length <= MAX_GROUP_WIDTH ? excs.length : MAX_GROUP_WIDTH + 1;
  ctx.needClose = false;
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    if (last) ctx.needClose = true;
    const indent = " ".repeat(2 * ctx.groupDepth);
    const truncated = i >= MAX_GROUP_WIDTH;
    out.push(`${indent}${i === 0 ? "+-" : "  "}+---------------- ${truncated ? "..." : String(i + 1)} ----------------\n`);
    ctx.groupDepth++;
    if (!truncated) {
      printRecursive(ctx, excs[i]!);
    } else {
      const remaining = excs.length - MAX_GROUP_WIDTH;
      out.push(`${indentedMargin(ctx)}and ${remaining} more exception${remaining > 1 ? "s" : ""}\n`);
    }
    if (last && ctx.needClose) {
      out.push(`${" ".repeat(2 * ctx.groupDepth)}+------------------------------------\n`);
      ctx.needClose = false;
    }
    ctx.groupDepth--;
  }
  if (ctx.groupDepth === 1) ctx.groupDepth--;
}

/** print_exception: traceback, `Type: message` (with a suggestion), notes. */
function printOne(ctx: PrintContext, value: PyObject): void {
  const out = ctx.out;
  if (!isException(value)) {
    out.push(`TypeError: print_exception(): Exception expected for value, ${value.type.name} found\n`);
    return;
  }
  const exc = value as PyBaseException;
  const tb = exc.traceback;
  const m = margin(ctx);
  const indent = " ".repeat(2 * ctx.groupDepth);
  if (tb !== null && tb !== None) {
    const isGroup = isExceptionGroup(exc);
    const headerMargin = isGroup && ctx.groupDepth === 1 ? "+ " : m;
    out.push(`${indent}${headerMargin}${isGroup ? "Exception Group Traceback" : "Traceback"} (most recent call last):\n`);
    formatTraceback(tb as PyTraceBack, ctx.lines, out, indent, m);
  }
  let messageValue: PyObject = exc;
  const syntax = syntaxErrorDetails(exc);
  if (syntax !== null) {
    out.push(`${indent}${m}  File "${syntax.filename}", line ${syntax.lineno}\n`);
    if (syntax.text !== null) printErrorText(out, syntax.offset, syntax.endOffset, syntax.text);
    messageValue = syntax.message;
  }
  let line: string;
  try {
    line = exceptionLine(exc, messageValue);
  } finally {
    if (syntax !== null) decref(syntax.message);
  }
  const suggestion = offerSuggestion(exc);
  out.push(indent + m + (suggestion === null ? line : `${line.slice(0, -1)}. Did you mean: '${suggestion}'?\n`));
  formatNotes(exc, out, indent + m);
}

/**
 * print_exception_message: `Type: str(value)`, the type prefixed with its module unless that is
 * builtins or __main__, the colon left out when the text is empty.
 */
export function exceptionLine(exc: PyObject, value: PyObject = exc): string {
  const t = exc.type;
  let module: string | null;
  try {
    module = typeModuleName(t);
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    decref(e.exception);
    module = null;
  }
  const prefix = module === null ? "<unknown>." : module === "builtins" || module === "__main__" ? "" : `${module}.`;
  const name = prefix + t.qualname;
  let message: string;
  try {
    const s = objectStr(value);
    message = s.value;
    decref(s);
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    decref(e.exception);
    return `${name}: <exception str() failed>\n`;
  }
  return message === "" ? `${name}\n` : `${name}: ${message}\n`;
}

function attrText(o: PyObject, name: string): string | null {
  const v = lookupAttr(o, newStrTemp(name));
  if (v === null) return null;
  try {
    if (v === None) return "None";
    const s = objectStr(v);
    const text = s.value;
    decref(s);
    return text;
  } finally {
    decref(v);
  }
}

function attrNumber(o: PyObject, name: string): number | null {
  const text = attrText(o, name);
  if (text === null || text === "None") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

const tempNames = new Map<string, PyStr>();
function newStrTemp(name: string): PyStr {
  let s = tempNames.get(name);
  if (s === undefined) {
    s = newStr(name);
    tempNames.set(name, s);
  }
  return s;
}

/** print_exception_notes: each note's lines behind the margin; a non-sequence __notes__ by repr. */
function formatNotes(exc: PyObject, out: string[], prefix: string): void {
  let notes: PyObject | null;
  try {
    notes = lookupAttr(exc, newStrTemp("__notes__"));
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    decref(e.exception);
    return;
  }
  if (notes === null) return;
  try {
    const t = notes.type;
    if (t.sqItem === null || (t.flags & (TPFLAGS_UNICODE_SUBCLASS | TPFLAGS_BYTES_SUBCLASS)) !== 0 || (t.flags & TPFLAGS_DICT_SUBCLASS) !== 0) {
      let text: string;
      try {
        text = reprText(notes);
      } catch (e) {
        if (!(e instanceof PyRaise)) throw e;
        decref(e.exception);
        text = "<__notes__ repr() failed>";
      }
      out.push(`${prefix}${text}\n`);
      return;
    }
    const n = objectLength(notes);
    for (let i = 0; i < n; i++) {
      const note = sequenceGetItem(notes, i);
      let text: string | null;
      try {
        text = strText(note);
      } catch (e) {
        if (!(e instanceof PyRaise)) throw e;
        decref(e.exception);
        text = null;
      } finally {
        decref(note);
      }
      if (text === null) out.push("<note str() failed>");
      else for (const piece of splitLinesKeepEnds(text)) out.push(prefix + piece);
      out.push("\n");
    }
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    decref(e.exception);
  } finally {
    decref(notes);
  }
}

/** str.splitlines(keepends=True) */
function splitLinesKeepEnds(text: string): string[] {
  const parts: string[] = [];
  const re = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    parts.push(text.slice(last, m.index + m[0].length));
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** tb_printinternal: entries oldest first, with runs of the same line collapsed. */
export function formatTraceback(tb: PyTraceBack | null, lines: SourceLines, out: string[], indent = "", margin = ""): void {
  let lastFile: PyObject | null = null;
  let lastLine = -1;
  let lastName: PyObject | null = null;
  let count = 0;
  for (let entry = tb; entry !== null; entry = entry.next) {
    const code = entry.frame.frame.code;
    // tb_printinternal compares the filename and name objects by identity.
    const file = code.filename;
    const name = code.name;
    if (lastFile === null || file !== lastFile || lastLine === -1 || entry.lineno !== lastLine || lastName === null || name !== lastName) {
      if (count > TB_RECURSIVE_CUTOFF) out.push(repeatedLine(count));
      lastFile = file;
      lastLine = entry.lineno;
      lastName = name;
      count = 0;
    }
    count++;
    if (count <= TB_RECURSIVE_CUTOFF) displayLine(code, entry.lasti, entry.lineno, lines, out, indent + margin);
  }
  if (count > TB_RECURSIVE_CUTOFF) out.push(repeatedLine(count));
}

function repeatedLine(count: number): string {
  const n = count - TB_RECURSIVE_CUTOFF;
  return `  [Previous line repeated ${n} more time${n > 1 ? "s" : ""}]\n`;
}

/** One `File "...", line N, in name` entry with its source line and carets. */
export function displayLine(code: PyCode, lasti: number, lineno: number, lines: SourceLines, out: string[], prefix = ""): void {
  out.push(`${prefix}  File "${code.filename.value}", line ${lineno}, in ${code.name.value}\n`);
  const source = lines(code.filename.value, lineno);
  if (source === null) return;
  const line = source.replace(/\n$/, "");
  const stripped = line.replace(/^[ \t\f]+/, "");
  if (stripped === "") return;
  out.push(`${prefix}    ${stripped.replace(/\s+$/, "")}\n`);
  const leading = line.length - stripped.length;
  const p = lasti * POSITION_SIZE;
  const startLine = code.positions[p]!;
  const endLine = code.positions[p + 1]!;
  const startCol = code.positions[p + 2]!;
  const endCol = code.positions[p + 3]!;
  if (startLine < 0 || endLine < 0 || startCol < 0 || endCol < 0) return;
  if (startLine !== lineno) return;
  const start = byteToCharOffset(line, startCol);
  let end = byteToCharOffset(line, endCol);
  let anchors: { left: number; right: number } | null = null;
  if (startLine === endLine) {
    anchors = caretAnchors(line.slice(start, end));
  } else {
    end = line.replace(/\s+$/, "").length;
  }
  const strippedLength = line.replace(/\s+$/, "").length - leading;
  if (end - start === strippedLength && anchors === null) return;
  if (end <= start) return;
  let caret = prefix + "    ";
  for (let i = leading; i < start; i++) caret += " ";
  for (let i = start; i < end; i++) {
    const rel = i - start;
    caret += anchors !== null && rel >= anchors.left && rel < anchors.right ? "^" : anchors !== null ? "~" : "^";
  }
  out.push(caret + "\n");
}

/** _PyPegen_byte_offset_to_character_offset */
function byteToCharOffset(line: string, byteOffset: number): number {
  let bytes = 0;
  let chars = 0;
  for (const ch of line) {
    if (bytes >= byteOffset) break;
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    chars += ch.length;
  }
  return chars;
}

/**
 * extract_anchors_from_line: for a binary operation the operator gets `^` and the operands
 * `~`; for a subscript the brackets and index get `^`. Returns offsets within the segment.
 */
function caretAnchors(segment: string): { left: number; right: number } | null {
  let module;
  try {
    module = parse(segment, "<anchors>");
  } catch {
    return null;
  }
  if (module.body.length !== 1) return null;
  const stmt = module.body[0]!;
  if (stmt.kind !== "Expr") return null;
  const expr = stmt.value;
  if (expr.kind === "BinOp") {
    const leftEnd = byteToCharOffset(segment, expr.left.end_col_offset ?? 0);
    const rightStart = byteToCharOffset(segment, expr.right.col_offset);
    const between = segment.slice(leftEnd, rightStart);
    const opOffset = between.length - between.replace(/^\s+/, "").length;
    let left = leftEnd + opOffset;
    let right = left + 1;
    if (opOffset + 1 < between.length && !/\s/.test(between[opOffset + 1]!)) right++;
    while (left < segment.length && (/\s/.test(segment[left]!) || segment[left] === ")" || segment[left] === "#")) {
      left++;
      right++;
    }
    return { left, right };
  }
  if (expr.kind === "Subscript") {
    let left = byteToCharOffset(segment, expr.value.end_col_offset ?? 0);
    let right = byteToCharOffset(segment, (expr.slice.end_col_offset ?? 0) + 1);
    while (left < segment.length && segment[left] !== "[") left++;
    while (right < segment.length && segment[right] !== "]") right++;
    if (right < segment.length) right++;
    return { left, right };
  }
  return null;
}

interface SyntaxErrorDetails {
  message: PyObject;
  filename: string;
  lineno: number;
  offset: number;
  endOffset: number;
  text: string | null;
}

/**
 * print_exception_file_and_line + parse_syntax_error: for an exception with a
 * `print_file_and_line` attribute (SyntaxError and subclasses), its msg, filename, line,
 * offsets and text; null when they cannot be read (then it prints like any exception).
 */
function syntaxErrorDetails(exc: PyBaseException): SyntaxErrorDetails | null {
  let message: PyObject | null = null;
  try {
    const marker = lookupAttr(exc, newStrTemp("print_file_and_line"));
    if (marker === null) return null;
    decref(marker);
    message = getAttr(exc, newStrTemp("msg"));
    const filenameObj = getAttr(exc, newStrTemp("filename"));
    const filename = filenameObj === None ? "<string>" : strTextOf(filenameObj);
    const lineno = intAttr(exc, "lineno", null);
    if (lineno === null) throw new NotAnInt();
    const offset = intAttr(exc, "offset", -1)!;
    let endLineno = lineno;
    let endOffset = -1;
    if (exc.type === SyntaxErrorType) {
      endLineno = intAttr(exc, "end_lineno", lineno)!;
      endOffset = intAttr(exc, "end_offset", -1)!;
    }
    const textObj = getAttr(exc, newStrTemp("text"));
    let text: string | null = null;
    if (textObj !== None) text = textObj.type === StrType ? (textObj as PyStr).value : null;
    decref(textObj);
    if (text !== null) {
      const size = utf8Length(text);
      if (endLineno > lineno) endOffset = size;
      if (endOffset > size + 1) endOffset = size + 1;
    }
    const details = { message, filename, lineno, offset, endOffset, text };
    message = null;
    return details;
  } catch (e) {
    if (e instanceof PyRaise) decref(e.exception);
    else if (!(e instanceof NotAnInt)) throw e;
    if (message !== null) decref(message);
    return null;
  }
}

class NotAnInt {}

function strTextOf(o: PyObject): string {
  try {
    const s = objectStr(o);
    const t = s.value;
    decref(s);
    return t;
  } finally {
    decref(o);
  }
}

/** An int attribute as a number; `ifNone` for None (null: None is an error). */
function intAttr(o: PyObject, name: string, ifNone: number | null): number | null {
  const v = getAttr(o, newStrTemp(name));
  try {
    if (v === None) return ifNone;
    if (!isInt(v)) throw new NotAnInt();
    return Number(intToBigInt(v));
  } finally {
    decref(v);
  }
}

function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** print_error_text: the offending line (leading blanks stripped) and its caret line. */
function printErrorText(out: string[], offsetIn: number, endOffset: number, textIn: string): void {
  const caretRepetitions = endOffset > 0 && endOffset > offsetIn ? endOffset - offsetIn : 1;
  let offset = offsetIn - 1;
  let text = textIn;
  let i = 0;
  while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\f")) {
    i++;
    offset--;
  }
  text = text.slice(i);
  let len = text.length;
  if (len > 0 && text[len - 1] === "\n") len--;
  if (offset > len) offset = len;
  for (;;) {
    const nl = text.indexOf("\n");
    if (nl < 0 || nl >= offset) break;
    const skip = nl + 1;
    text = text.slice(skip);
    len -= skip;
    offset -= skip;
  }
  out.push("    " + text + (text[len] !== "\n" ? "\n" : ""));
  if (offset < 0) return;
  out.push("    " + " ".repeat(offset) + "^".repeat(caretRepetitions) + "\n");
}
