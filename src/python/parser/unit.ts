// Parser/pegen.c and Parser/pegen_errors.c (CPython 3.11): one parse run over
// one text (the module, or the "(expr)" text of an f-string replacement field)
// and the SyntaxError locations it reports.

import type { Located } from "../ast.js";
import { PythonSyntaxError, type SyntaxErrorKind } from "./errors.js";
import { SourceText, byteOffsetToCharOffset } from "./source.js";
import { Tok, type Token, type TokenList } from "./tokenizer.js";

/**
 * Where an error points, in the unit's own offsets. `kind` picks CPython's
 * rule for turning it into (offset, end_offset):
 * - "range": RAISE_SYNTAX_ERROR_KNOWN_LOCATION/RANGE on nodes or tokens;
 * - "last": RAISE_SYNTAX_ERROR with no location, i.e. at the last token the
 *   parser fetched (`tok`), where tokens without a column use the tokenizer's
 *   cursor instead.
 */
export type FailLoc =
  | { kind: "range"; start: number; end: number }
  | { kind: "last"; tok: number }
  /** KNOWN_LOCATION on a token without a column (ENDMARKER): CPython's arithmetic gives offset 0. */
  | { kind: "colless"; tok: number }
  /** Lines only, columns deliberately left out (huge integer literals). */
  | { kind: "lines"; start: number; end: number };

/** The plain "invalid syntax" error at token `i`, as _PyPegen_set_syntax_error reports it. */
export function genericFail(tokens: TokenList, i: number): Fail {
  if (i >= tokens.length) i = tokens.length - 1;
  const type = tokens.type(i);
  if (type === Tok.INDENT) return new Fail("IndentationError", "unexpected indent", { kind: "last", tok: i }, i);
  if (type === Tok.DEDENT) return new Fail("IndentationError", "unexpected unindent", { kind: "last", tok: i }, i);
  if (type === Tok.ENDMARKER) return new Fail("SyntaxError", "invalid syntax", { kind: "colless", tok: i }, i);
  const start = tokens.start(i);
  // NEWLINE ends where its "\n" is (it starts at a preceding comment).
  const end = type === Tok.NEWLINE ? tokens.end(i) - 1 : tokens.end(i);
  return new Fail("SyntaxError", "invalid syntax", { kind: "range", start, end }, i);
}

/** An error found while converting; turned into a PythonSyntaxError by its unit. */
export class Fail {
  constructor(
    readonly errKind: SyntaxErrorKind,
    readonly msg: string,
    readonly loc: FailLoc,
    /** Index of the token where CPython's parser would have stopped. */
    readonly failTok: number,
  ) {}
}

export class ParseUnit {
  readonly text: string;
  readonly source: SourceText;
  readonly tokens: TokenList;
  /** Last index found by tokenAt, as lookups mostly move forward. */
  private hint = 0;
  /** This unit's offset + posBase = offset in `orig`. */
  readonly posBase: number;
  /** Source whose line/column positions the AST uses. */
  readonly orig: SourceText;
  readonly filename: string;
  /** Set for f-string replacement fields: errors get the "f-string: " prefix and local columns. */
  readonly fstringLine: number;

  constructor(opts: {
    text: string;
    source: SourceText;
    tokens: TokenList;
    orig: SourceText;
    posBase: number;
    filename: string;
    fstringLine?: number;
  }) {
    this.text = opts.text;
    this.source = opts.source;
    this.tokens = opts.tokens;
    this.orig = opts.orig;
    this.posBase = opts.posBase;
    this.filename = opts.filename;
    this.fstringLine = opts.fstringLine ?? 0;
  }

  get isFString(): boolean {
    return this.fstringLine > 0;
  }

  /** Index of the token starting at `offset`, or -1. */
  tokenAt(offset: number): number {
    const toks = this.tokens;
    let i = this.hint;
    if (!(i < toks.length && toks.start(i) === offset && toks.end(i) > offset)) {
      if (i + 1 < toks.length && toks.start(i + 1) === offset && toks.end(i + 1) > offset) i++;
      else {
        i = this.tokenAtOrAfter(offset);
        // Skip zero-width INDENT/DEDENT sharing the offset.
        while (i < toks.length && toks.start(i) === offset && toks.end(i) === offset) i++;
        if (i >= toks.length || toks.start(i) !== offset) return -1;
      }
    }
    if (toks.type(i) === Tok.NEWLINE) return -1;
    this.hint = i;
    return i;
  }

  /** Index of the first token starting at or after `offset` (binary search). */
  tokenAtOrAfter(offset: number): number {
    const toks = this.tokens;
    let lo = 0;
    let hi = toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks.start(mid) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** AST position of unit offsets [start, end). */
  loc(start: number, end: number): Located {
    const o = this.orig;
    const s = start + this.posBase;
    const e = end + this.posBase;
    const line = o.lineOf(s);
    const endLine = e === s ? line : o.lineOf(e);
    return {
      lineno: line,
      col_offset: o.byteColOnLine(s, line),
      end_lineno: endLine,
      end_col_offset: o.byteColOnLine(e, endLine),
    };
  }

  // ---------------------------------------------------------------- errors

  /**
   * Build the PythonSyntaxError for `f`. `furthest` is the index of the last
   * token the parser looked at; it decides whether CPython's `text` ends with a
   * newline (it does when the error is on the tokenizer's current line).
   */
  toError(f: Fail, furthest = f.failTok): PythonSyntaxError {
    const src = this.source;
    const toks = this.tokens;
    const textLen = this.text.length;
    let startOff: number;
    let endOff: number | null;
    let colless = false;
    let colOverride: number | null = null;
    if (f.loc.kind === "colless") {
      const at = Math.min(toks.start(f.loc.tok), textLen - 1);
      const line = src.lineOf(Math.max(0, at));
      return this.build(f, line, 0, line, 0, src.lineText(line) + "\n");
    }
    if (f.loc.kind === "lines") {
      const line = src.lineOf(f.loc.start);
      return this.build(f, line, 0, src.lineOf(f.loc.end), 0, src.lineText(line) + "\n");
    }
    if (f.loc.kind === "last") {
      const t = toks.get(Math.min(f.loc.tok, toks.length - 1));
      startOff = t.start;
      endOff = t.type === Tok.NEWLINE ? t.end - 1 : t.end;
      if (t.noCol) {
        colless = true;
        endOff = null;
      }
    } else {
      startOff = f.loc.start;
      endOff = f.loc.end;
    }
    let lineno: number;
    if (colless) {
      // INDENT/DEDENT/ENDMARKER: CPython uses the tokenizer cursor, which is
      // at the next token, or at the end of the last line for end of input.
      if (startOff >= textLen) {
        lineno = src.lineOf(Math.max(0, textLen - 1));
        colOverride = src.byteCol(Math.max(0, textLen - 1)) + 1;
      } else {
        lineno = src.lineOf(startOff);
        colOverride = src.byteCol(startOff);
      }
    } else {
      lineno = src.lineOf(Math.min(startOff, Math.max(0, textLen - 1)));
    }
    const furthestTok = toks.get(Math.min(Math.max(furthest, 0), toks.length - 1));
    // The tokenizer's current line is where the furthest token ends.
    const curLine = furthestTok
      ? src.lineOf(Math.min(Math.max(furthestTok.start, furthestTok.end - 1), Math.max(0, textLen - 1)))
      : lineno;
    const withNl = lineno >= curLine;
    const lineText = src.lineText(lineno);
    const errLine = withNl ? lineText + "\n" : lineText;
    let offset: number;
    let endLineno: number;
    let endOffset: number;
    if (colOverride !== null) {
      offset = byteOffsetToCharOffset(errLine, colOverride);
      endLineno = lineno;
      endOffset = -1;
    } else {
      offset = byteOffsetToCharOffset(errLine, src.byteCol(startOff) + 1);
      if (endOff === null) {
        endLineno = lineno;
        endOffset = offset;
      } else {
        endLineno = src.lineOf(Math.min(endOff, Math.max(0, textLen - 1)));
        if (endOff >= textLen) endLineno = src.lineOf(Math.max(0, textLen - 1));
        endOffset = byteOffsetToCharOffset(errLine, src.byteCol(Math.min(endOff, textLen)) + 1);
      }
    }
    return this.build(f, lineno, offset, endLineno, endOffset, errLine);
  }

  private build(f: Fail, lineno: number, offset: number, endLineno: number, endOffset: number, text: string): PythonSyntaxError {
    if (this.isFString) {
      const lineShift = this.fstringLine - 1;
      return new PythonSyntaxError({
        kind: f.errKind,
        msg: "f-string: " + f.msg,
        filename: this.filename,
        lineno: lineno + lineShift,
        offset,
        end_lineno: endLineno + lineShift,
        end_offset: endOffset,
        text: this.source.lineText(lineno) + "\n",
      });
    }
    return new PythonSyntaxError({
      kind: f.errKind,
      msg: f.msg,
      filename: this.filename,
      lineno,
      offset,
      end_lineno: endLineno,
      end_offset: endOffset,
      text,
    });
  }
}
