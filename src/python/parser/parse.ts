// Parser/pegen.c (_PyPegen_run_parser) and Parser/pegen_errors.c
// (_PyPegen_set_syntax_error) in CPython 3.11: the entry point, and the
// precedence between tokenizer and parser errors.
//
// CPython's rules, which we follow:
// - an error raised inside the tokenizer (unterminated string, bad number,
//   unmatched bracket, invalid character) wins over any parser error, because
//   after a parser error CPython tokenizes the rest of the file and lets such an
//   error replace it;
// - other tokenizer conditions (bad dedent, tabs/spaces, EOF inside brackets)
//   only matter if the parser gets that far, except that an unclosed bracket
//   opened on an earlier line than the parser error replaces that error.

import type { Module } from "../ast.js";
import { PythonSyntaxError } from "./errors.js";
import { SourceText, normalizeNewlines } from "./source.js";
import { Tok, tokenize, type TokenizerError } from "./tokenizer.js";
import { KEYWORDS, buildModuleShadow, buildRangeShadow, canStartExpr } from "./shadow.js";
import {
  Converter, FStringFailure, LezerError, FStringTokenizerError, lezerFailure, lezerParse,
} from "./convert.js";
import { Fail, ParseUnit, genericFail } from "./unit.js";
import { Diagnoser } from "./diagnose.js";

function tokenizerError(e: TokenizerError, filename: string): PythonSyntaxError {
  return new PythonSyntaxError({
    kind: e.kind,
    msg: e.msg,
    filename,
    lineno: e.lineno,
    offset: e.offset,
    end_lineno: e.end_lineno,
    end_offset: e.end_offset,
    text: e.text,
  });
}

/** Parse a whole module (CPython's `exec` mode). Throws PythonSyntaxError. */
export function parse(source: string, filename = "<unknown>"): Module {
  if (source.indexOf("\0") >= 0) {
    throw new PythonSyntaxError({
      kind: "SyntaxError",
      msg: "source code string cannot contain null bytes",
      filename,
      lineno: null,
      offset: null,
      end_lineno: null,
      end_offset: null,
      text: null,
    });
  }
  // A BOM in a str source is an invalid character for CPython too (only the
  // bytes decoder strips it).
  let text = normalizeNewlines(source);
  // CPython appends a newline to exec input that lacks one.
  if (!text.endsWith("\n")) text += "\n";
  const src = new SourceText(text);
  const { tokens, error } = tokenize(text, src);

  const unit = new ParseUnit({ text, source: src, tokens, orig: src, posBase: 0, filename });
  const shadow = buildModuleShadow(text, tokens, tokens.length);
  const tree = lezerParse(shadow.text);
  const conv = new Converter(unit, shadow, 0, tree);
  let failure: unknown;
  try {
    const mod = conv.module(tree.topNode);
    if (shadow.badIndent >= 0) throw genericFail(tokens, shadow.badIndent);
    if (error) throw tokenizerError(error, filename);
    return mod;
  } catch (e) {
    failure = e;
  }
  if (failure instanceof PythonSyntaxError) throw failure;
  let fail: Fail;
  let failUnit = unit;
  let failConv = conv;
  if (failure instanceof FStringFailure) {
    failUnit = failure.unit;
    failConv = new Converter(failUnit, { text: "", regions: new Map(), decorators: new Map(), badIndent: -1 }, 0);
    const inner = failure.inner;
    fail = inner instanceof Fail ? inner : diagnoseAt(failUnit, failConv, failingToken(failUnit, inner.pos));
  } else if (failure instanceof FStringTokenizerError) {
    const e = failure.error;
    throw new PythonSyntaxError({
      kind: e.kind,
      msg: e.msg,
      filename,
      lineno: e.lineno + failure.unit.fstringLine - 1,
      offset: e.offset,
      end_lineno: e.end_lineno + failure.unit.fstringLine - 1,
      end_offset: e.end_offset,
      text: e.text,
    });
  } else if (failure instanceof LezerError) {
    // The furthest point lezer's parser reaches (its strict mode stops there).
    const p = lezerFailure(shadow.text);
    const pos = p >= 0 ? Math.min(p, failure.pos) : failure.pos;
    const idx = failingToken(unit, pos);
    if (error && idx >= error.tokenIndex) throw tokenizerError(error, filename);
    fail = diagnoseAt(unit, conv, idx);
  } else if (failure instanceof Fail) {
    fail = failure;
  } else {
    throw failure;
  }
  if (failUnit === unit && shadow.badIndent >= 0 && shadow.badIndent < fail.failTok) {
    // CPython stops at the stray INDENT before reaching the later error.
    fail = genericFail(tokens, shadow.badIndent);
  }
  if (failUnit === unit && error) {
    if (fail.failTok >= error.tokenIndex) throw tokenizerError(error, filename);
    // A plain "unexpected indent/unindent" is reported without looking at the
    // rest of the file; any other parser error is replaced by a tokenizer
    // error found further on.
    const indentError = fail.errKind === "IndentationError" && fail.msg.startsWith("unexpected ");
    if (!indentError) {
      if (error.raised) throw tokenizerError(error, filename);
      if (error.bracketLine !== undefined) {
        const at = Math.min(tokens.start(Math.min(fail.failTok, tokens.length - 1)), text.length - 1);
        if (src.lineOf(at) > error.bracketLine) throw tokenizerError(error, filename);
        // CPython's second pass tries to read an expression starting at the
        // failing token; if that runs into the unclosed bracket it reaches the
        // end of the input and reports the bracket instead.
        if (fail.msg === "invalid syntax" && runsIntoEof(unit, fail.failTok)) throw tokenizerError(error, filename);
      }
    }
  } else if (error && error.raised) {
    // Errors inside f-string replacement fields are parser errors of the outer parse too.
    throw tokenizerError(error, filename);
  }
  throw failUnit.toError(fail);
}

/**
 * The token where lezer's parse stopped: the one containing offset `pos`, or
 * the next one; zero-width INDENT/DEDENT tokens there are skipped because
 * lezer has already consumed them (stray indents are found separately).
 */
function failingToken(unit: ParseUnit, pos: number): number {
  const toks = unit.tokens;
  let i = unit.tokenAtOrAfter(pos);
  if (i > 0 && toks.start(i - 1) < pos && toks.end(i - 1) > pos) return i - 1;
  while (i < toks.length - 1 && (toks.type(i) === Tok.INDENT || toks.type(i) === Tok.DEDENT) && toks.start(i) === toks.start(i + 1)) i++;
  return i;
}

/**
 * Whether CPython's second pass, trying to read an expression at the failing
 * token (after an expression: "perhaps you forgot a comma?"), would read to
 * the end of the input: true when the rest of the tokens is a valid start of
 * an expression.
 */
function runsIntoEof(unit: ParseUnit, i: number): boolean {
  const toks = unit.tokens;
  if (i <= 0 || i >= toks.length || !canStartExpr(toks.get(i)) || !endsExprToken(unit, i - 1)) return false;
  // Only where expressions are parsed: not in import, global/nonlocal or def parameter lists.
  let ls = i;
  while (ls > 0 && toks.type(ls - 1) !== Tok.NEWLINE && toks.type(ls - 1) !== Tok.INDENT && toks.type(ls - 1) !== Tok.DEDENT) ls--;
  if (toks.is(ls, "import") || toks.is(ls, "from") || toks.is(ls, "global") || toks.is(ls, "nonlocal")) return false;
  let depth = 0;
  for (let k = i - 1; k >= ls; k--) {
    const b = toks.bracket(k);
    if (b < 0) depth++;
    else if (b > 0) {
      if (depth === 0 && toks.is(k - 2, "def")) return false;
      if (depth > 0) depth--;
    }
  }
  let end = toks.length;
  while (end > i && toks.type(end - 1) !== Tok.NAME && toks.type(end - 1) !== Tok.OP &&
         toks.type(end - 1) !== Tok.NUMBER && toks.type(end - 1) !== Tok.STRING) end--;
  for (let k = i; k < end; k++) if (toks.type(k) === Tok.NEWLINE) return false;
  if (toks.bracket(i) > 0) {
    // An opening bracket that is never closed: the display or call it starts
    // is read to the end of the input by one rule or another.
    let depth = 0;
    let k = i;
    for (; k < end; k++) {
      depth += toks.bracket(k);
      if (depth === 0) break;
    }
    if (k >= end) return true;
  }
  const shadow = buildRangeShadow(toks, i, end);
  const p = lezerFailure(shadow.text);
  return p < 0 || p >= shadow.text.length;
}

function endsExprToken(unit: ParseUnit, i: number): boolean {
  const t = unit.tokens.get(i);
  if (t.type === Tok.NAME) return !KEYWORDS.has(t.text) || ["None", "True", "False"].includes(t.text);
  if (t.type === Tok.NUMBER || t.type === Tok.STRING) return true;
  return t.type === Tok.OP && (t.text === ")" || t.text === "]" || t.text === "}");
}

function diagnoseAt(unit: ParseUnit, conv: Converter, idx: number): Fail {
  try {
    return new Diagnoser(unit, conv).diagnose(idx);
  } catch (e) {
    if (e instanceof Fail) return e;
    throw e;
  }
}
