// Python/pythonrun.c (3.11): print_exception_recursive, print_exception, print_error_text;
// Python/traceback.c: tb_printinternal, tb_displayline and the caret anchors.
//
// Formats an exception the way the default sys.excepthook prints it: the chain of causes
// and contexts, each traceback with its source lines and 3.11's `~~~^^^` position markers,
// and the final `Type: message` line.

import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/refcount.js";
import { None } from "../runtime/singletons.js";
import { PyStr, newStr } from "../runtime/str.js";
import { PyRaise, PyBaseException, SyntaxErrorType } from "../runtime/exceptions.js";
import { objectStr, lookupAttr } from "../runtime/abstract.js";
import { typeModuleName } from "../runtime/typeobject.js";
import { TPFLAGS_BASE_EXC_SUBCLASS } from "../runtime/type.js";
import { POSITION_SIZE, type PyCode } from "./code.js";
import type { PyTraceBack } from "./traceback.js";
import { parse } from "./parser/index.js";
import { offerSuggestion } from "./suggestions.js";

/** Source lines for tracebacks (linecache): the text of line `lineno` of `filename`, or null. */
export type SourceLines = (filename: string, lineno: number) => string | null;

const TB_RECURSIVE_CUTOFF = 3;

export function formatException(exc: PyBaseException, lines: SourceLines): string {
  const out: string[] = [];
  printRecursive(exc, lines, out, new Set());
  return out.join("");
}

function printRecursive(exc: PyBaseException, lines: SourceLines, out: string[], seen: Set<PyObject>): void {
  seen.add(exc);
  const cause = exc.cause;
  const context = exc.context;
  if (cause !== null && cause !== None && !seen.has(cause) && isException(cause)) {
    printRecursive(cause as PyBaseException, lines, out, seen);
    out.push("\nThe above exception was the direct cause of the following exception:\n\n");
  } else if (context !== null && context !== None && !exc.suppressContext && !seen.has(context) && isException(context)) {
    printRecursive(context as PyBaseException, lines, out, seen);
    out.push("\nDuring handling of the above exception, another exception occurred:\n\n");
  }
  printOne(exc, lines, out);
}

function isException(o: PyObject): boolean {
  return (o.type.flags & TPFLAGS_BASE_EXC_SUBCLASS) !== 0;
}

function printOne(exc: PyBaseException, lines: SourceLines, out: string[]): void {
  const tb = exc.traceback;
  if (tb !== null && tb !== None) {
    out.push("Traceback (most recent call last):\n");
    formatTraceback(tb as PyTraceBack, lines, out);
  }
  if (exc.type.isSubtypeOf(SyntaxErrorType)) {
    formatSyntaxErrorLocation(exc, out);
  }
  const line = exceptionLine(exc);
  const suggestion = offerSuggestion(exc);
  out.push(suggestion === null ? line : `${line.slice(0, -1)}. Did you mean: '${suggestion}'?\n`);
  formatNotes(exc, out);
}

/** `Type: message`, with the module prefix for types outside builtins and __main__. */
export function exceptionLine(exc: PyObject): string {
  const t = exc.type;
  const module = typeModuleName(t);
  const name = module === null || module === "builtins" || module === "__main__" ? t.qualname : `${module}.${t.qualname}`;
  let message: string;
  try {
    if (exc.type.isSubtypeOf(SyntaxErrorType)) {
      message = attrText(exc, "msg") ?? "";
      if (message === "None") message = "<no detail available>";
      const lineno = attrText(exc, "lineno");
      if (lineno === null || lineno === "None") {
        const filename = attrText(exc, "filename");
        if (filename !== null && filename !== "None") message += ` (${filename})`;
      }
    } else {
      const s = objectStr(exc);
      message = s.value;
      decref(s);
    }
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

function formatNotes(exc: PyObject, out: string[]): void {
  const notes = lookupAttr(exc, newStrTemp("__notes__"));
  if (notes === null) return;
  try {
    const items = (notes as unknown as { items?: PyObject[] }).items;
    if (items === undefined) return;
    for (const note of items) {
      const s = objectStr(note);
      out.push(s.value + "\n");
      decref(s);
    }
  } finally {
    decref(notes);
  }
}

/** tb_printinternal: entries oldest first, with runs of the same line collapsed. */
export function formatTraceback(tb: PyTraceBack | null, lines: SourceLines, out: string[]): void {
  let lastFile: string | null = null;
  let lastLine = -1;
  let lastName: string | null = null;
  let count = 0;
  for (let entry = tb; entry !== null; entry = entry.next) {
    const code = entry.frame.frame.code;
    const file = code.filename.value;
    const name = code.name.value;
    if (lastFile === null || file !== lastFile || lastLine === -1 || entry.lineno !== lastLine || lastName === null || name !== lastName) {
      if (count > TB_RECURSIVE_CUTOFF) out.push(repeatedLine(count));
      lastFile = file;
      lastLine = entry.lineno;
      lastName = name;
      count = 0;
    }
    count++;
    if (count <= TB_RECURSIVE_CUTOFF) displayLine(code, entry.lasti, entry.lineno, lines, out);
  }
  if (count > TB_RECURSIVE_CUTOFF) out.push(repeatedLine(count));
}

function repeatedLine(count: number): string {
  const n = count - TB_RECURSIVE_CUTOFF;
  return `  [Previous line repeated ${n} more time${n > 1 ? "s" : ""}]\n`;
}

/** One `File "...", line N, in name` entry with its source line and carets. */
export function displayLine(code: PyCode, lasti: number, lineno: number, lines: SourceLines, out: string[]): void {
  out.push(`  File "${code.filename.value}", line ${lineno}, in ${code.name.value}\n`);
  const source = lines(code.filename.value, lineno);
  if (source === null) return;
  const line = source.replace(/\n$/, "");
  const stripped = line.replace(/^[ \t\f]+/, "");
  if (stripped === "") return;
  out.push(`    ${stripped.replace(/\s+$/, "")}\n`);
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
  let caret = "    ";
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

/** print_error_text: the `File ..., line N` header, the line and its caret for SyntaxErrors. */
function formatSyntaxErrorLocation(exc: PyBaseException, out: string[]): void {
  const lineno = attrNumber(exc, "lineno");
  const filename = attrText(exc, "filename");
  if (lineno !== null) out.push(`  File "${filename === null || filename === "None" ? "<string>" : filename}", line ${lineno}\n`);
  const textObj = lookupAttr(exc, newStrTemp("text"));
  if (textObj === null) return;
  if (textObj === None || !(textObj instanceof PyStr)) {
    decref(textObj);
    return;
  }
  const text = textObj.value;
  decref(textObj);
  const rtext = text.replace(/\n+$/, "");
  const ltext = rtext.replace(/^[ \n\f]+/, "");
  const spaces = rtext.length - ltext.length;
  out.push(`    ${ltext}\n`);
  const offset = attrNumber(exc, "offset");
  if (offset === null) return;
  const rawEnd = attrNumber(exc, "end_offset");
  let endOffset = rawEnd === null || rawEnd === 0 ? offset : rawEnd;
  if (offset === endOffset || endOffset === -1) endOffset = offset + 1;
  const col = offset - 1 - spaces;
  const endCol = endOffset - 1 - spaces;
  if (col < 0) return;
  let caretSpace = "";
  for (let i = 0; i < col && i < ltext.length; i++) caretSpace += /\s/.test(ltext[i]!) ? ltext[i]! : " ";
  for (let i = ltext.length; i < col; i++) caretSpace += " ";
  out.push(`    ${caretSpace}${"^".repeat(Math.max(0, endCol - col))}\n`);
}
