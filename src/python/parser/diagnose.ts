// Grammar/python.gram (the invalid_* rules) and Parser/pegen_errors.c
// (CPython 3.11): choosing the SyntaxError for input lezer cannot parse.
//
// CPython parses twice: a fast pass, and on failure a second pass with extra
// "invalid_*" alternatives that produce specific messages; if none applies the
// error is a plain "invalid syntax" at the furthest token the first pass saw.
// We know that token (where lezer's strict parse stops) and reproduce the
// common second-pass messages by looking at the tokens around it.

import { Tok, type Token, type TokenList } from "./tokenizer.js";
import { Fail, genericFail, type ParseUnit } from "./unit.js";
import { KEYWORDS, canStartExpr, findTopLevel } from "./shadow.js";
import type { Converter } from "./convert.js";
import { LezerError } from "./convert.js";
import type * as A from "../ast.js";
import { exprName } from "./convert.js";

const SOFT_KEYWORDS = new Set(["match", "case", "_"]);
const COMPOUND = new Set(["if", "elif", "else", "while", "for", "try", "except", "finally", "with", "def", "class"]);

function isOp(t: Token | undefined, op: string): boolean {
  return !!t && t.type === Tok.OP && t.text === op;
}
function isName(t: Token | undefined, name?: string): boolean {
  return !!t && t.type === Tok.NAME && (name === undefined || t.text === name);
}
function isOpenTok(t: Token): boolean {
  return t.type === Tok.OP && (t.text === "(" || t.text === "[" || t.text === "{");
}
function isCloseTok(t: Token): boolean {
  return t.type === Tok.OP && (t.text === ")" || t.text === "]" || t.text === "}");
}

/** Can `t` end an expression (so that a following expression is juxtaposed)? */
function endsExpr(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.type === Tok.NAME) return !KEYWORDS.has(t.text) || ["None", "True", "False"].includes(t.text);
  if (t.type === Tok.NUMBER || t.type === Tok.STRING) return true;
  return t.type === Tok.OP && (t.text === ")" || t.text === "]" || t.text === "}" || t.text === "...");
}

export class Diagnoser {
  private readonly toks: TokenList;

  constructor(
    private readonly unit: ParseUnit,
    private readonly conv: Converter,
  ) {
    this.toks = unit.tokens;
  }

  /** Start of the logical line containing token `i`. */
  private lineStart(i: number): number {
    let k = i;
    while (k > 0) {
      const p = this.toks.get(k - 1);
      if (p.type === Tok.NEWLINE || p.type === Tok.INDENT || p.type === Tok.DEDENT) break;
      k--;
    }
    return k;
  }

  /** Index of the innermost unclosed bracket before token `i` on its logical line, or -1. */
  private openBracket(i: number, lineStart: number): number {
    let depth = 0;
    for (let k = i - 1; k >= lineStart; k--) {
      const t = this.toks.get(k);
      if (isCloseTok(t)) depth++;
      else if (isOpenTok(t)) {
        if (depth === 0) return k;
        depth--;
      }
    }
    return -1;
  }

  private generic(p: number): Fail {
    return genericFail(this.toks, p);
  }

  private tryParse<T>(f: () => T): T | null {
    try {
      return f();
    } catch (e) {
      if (e instanceof LezerError || e instanceof Fail) return null;
      throw e;
    }
  }

  /** Longest prefix of tokens [from, to) that parses as an expression; returns [expr, endTok]. */
  private longestExpr(from: number, to: number): [A.Expr, number] | null {
    let end = to;
    for (let guard = 0; guard < 8 && end > from; guard++) {
      try {
        return [this.conv.expressionRange(from, end), end];
      } catch (e) {
        if (e instanceof LezerError) {
          const k = this.unit.tokenAtOrAfter(e.pos);
          if (k <= from || k >= end) return null;
          end = k;
          continue;
        }
        if (e instanceof Fail) return null;
        throw e;
      }
    }
    return null;
  }

  /** End (exclusive) of the element that starts at `from` inside brackets/line: next top-level delimiter. */
  private elementEnd(from: number, limit: number): number {
    let depth = 0;
    for (let k = from; k < limit; k++) {
      const t = this.toks.get(k);
      if (t.type === Tok.NEWLINE || t.type === Tok.ENDMARKER) return k;
      if (isOpenTok(t)) depth++;
      else if (isCloseTok(t)) {
        if (depth === 0) return k;
        depth--;
      } else if (depth === 0 && t.type === Tok.OP && [",", ":", "=", ";", ":="].includes(t.text)) return k;
      else if (depth === 0 && t.type === Tok.NAME && (t.text === "for" || t.text === "async")) return k;
    }
    return limit;
  }

  /** Decide the error for a parse that fails at token `p`. */
  diagnose(p: number): Fail {
    const toks = this.toks;
    const t = toks.get(p);
    if (!t) return this.generic(toks.length - 1);
    if (t.type === Tok.INDENT) return this.generic(p);
    const ls = this.lineStart(p);

    // expected an indented block (invalid_block and the per-statement forms);
    // the parser sees the first DEDENT after the NEWLINE, if there is one.
    let q = p;
    while (q > 0 && toks.type(q - 1) === Tok.DEDENT) q--;
    const prev = toks.get(p - 1);
    if (q >= 2 && toks.type(q - 1) === Tok.NEWLINE && toks.is(q - 2, ":")) {
      const f = this.indentedBlockError(q, q - 2);
      if (f) return f;
    }

    const first = toks.get(ls);
    const expectedColon = this.expectedColon(p, ls);
    if (expectedColon) return expectedColon;

    // A keyword after a dot (`a.not`, `from .yield import`): lezer reads it as a name.
    const [sStart] = this.statementBounds(p, ls);
    for (let k = sStart; k < p; k++) {
      if (
        toks.is(k, ".") && toks.type(k + 1) === Tok.NAME && KEYWORDS.has(toks.text(k + 1)) &&
        !(toks.is(k + 1, "import") && toks.is(sStart, "from"))
      ) {
        return this.generic(k + 1);
      }
    }

    const afterKw = this.argAfterKeyword(p, ls);
    if (afterKw >= 0) return this.generic(afterKw);

    const del = this.invalidDelete(p, ls);
    if (del) return del;
    const ann = this.invalidAnnotation(p, ls);
    if (ann) return ann;
    const annColon = this.annotationColon(p, ls);
    if (annColon >= 0) return this.generic(annColon);

    // Missing parentheses in call to 'print' / 'exec' (invalid_legacy_expression)
    const legacy = this.legacyPrint(p, ls);
    if (legacy) return legacy;

    if (isOp(t, ":=")) {
      const f = this.invalidWalrus(p, ls);
      if (f) return f;
    }

    // `=` where an expression was expected.
    if (isOp(t, "=")) {
      const f = this.misplacedAssign(p, ls);
      if (f) return f;
    }

    const dict = this.invalidDictValue(p, ls);
    if (dict) return dict;

    // invalid_expression: "Perhaps you forgot a comma?" and "expected 'else'".
    const ifElse = this.expectedElse(p, ls);
    if (ifElse) return ifElse;
    if (canStartExpr(t) && endsExpr(prev) && t.level > 0) {
      const f = this.forgotComma(p, ls);
      if (f) return f;
    }
    void first;
    return this.generic(p);
  }

  private indentedBlockError(p: number, colon: number): Fail | null {
    const ls = this.lineStart(colon);
    let kw = ls;
    const toks = this.toks;
    if (isName(toks.get(kw), "async")) kw++;
    const k = toks.get(kw);
    if (k.type !== Tok.NAME) return null;
    const line = (i: number): number => this.unit.source.lineOf(toks.get(i).start);
    let what: string;
    switch (k.text) {
      case "if": case "elif": case "while":
        what = `'${k.text}' statement on line ${line(kw + 1)}`;
        break;
      case "else": case "for": case "with": case "try": case "finally":
        what = `'${k.text}' statement on line ${line(kw)}`;
        break;
      case "except":
        what = isOp(toks.get(kw + 1), "*") ? `'except*' statement on line ${line(kw)}` : `'except' statement on line ${line(kw)}`;
        break;
      case "def":
        what = `function definition on line ${line(kw)}`;
        break;
      case "class":
        what = `class definition on line ${line(kw)}`;
        break;
      case "match": case "case":
        what = `'${k.text}' statement on line ${line(kw)}`;
        break;
      default:
        return new Fail("IndentationError", "expected an indented block", { kind: "last", tok: p }, p);
    }
    return new Fail("IndentationError", `expected an indented block after ${what}`, { kind: "last", tok: p }, p);
  }

  /** Compound statement header without its colon. */
  private expectedColon(p: number, ls: number): Fail | null {
    const toks = this.toks;
    let kw = ls;
    if (isName(toks.get(kw), "async")) kw++;
    const k = toks.get(kw);
    if (!k || k.type !== Tok.NAME) return null;
    const t = toks.get(p);
    const atNewline = t.type === Tok.NEWLINE;
    const colonLast = new Fail("SyntaxError", "expected ':'", { kind: "last", tok: p }, p);
    const forced = (): Fail => {
      const end = t.type === Tok.NEWLINE ? t.end - 1 : t.end;
      return new Fail("SyntaxError", "expected ':'", { kind: "range", start: t.start, end }, p);
    };
    const parses = (from: number, to: number, f: (a: number, b: number) => unknown): boolean =>
      from < to && this.tryParse(() => f(from, to)) !== null;
    switch (k.text) {
      case "if": case "elif": case "while":
        if (atNewline && parses(kw + 1, p, (a, b) => this.conv.namedExpressionRange(a, b))) return colonLast;
        return null;
      case "for": {
        if (!atNewline) return null;
        const inAt = findTopLevel(toks, kw + 1, p, "in");
        if (inAt > kw + 1 && parses(inAt + 1, p, (a, b) => this.conv.starExpressionsRange(a, b))) return colonLast;
        return null;
      }
      case "with":
        if (atNewline && p > kw + 1) return colonLast;
        return null;
      case "class":
        if (atNewline && (p === kw + 2 || isOp(toks.get(p - 1), ")"))) return colonLast;
        return null;
      case "except":
        if (atNewline) return colonLast;
        return null;
      case "def": {
        // 'def' NAME &&'(' ... ')' ['->' expression] &&':'
        if (p === kw + 2) {
          const end = t.type === Tok.NEWLINE ? t.end - 1 : t.end;
          return new Fail("SyntaxError", "expected '('", { kind: "range", start: t.start, end }, p);
        }
        const close = this.closeOfParams(kw + 2);
        if (close < 0 || p <= close) return null;
        if (p === close + 1) return forced();
        if (isOp(toks.get(close + 1), "->")) {
          if (p > close + 2 && this.tryParse(() => this.conv.expressionRange(close + 2, p)) !== null) return forced();
          // No annotation after "->": the optional part fails and ':' is forced at the arrow.
          if (p === close + 2) {
            const a = toks.get(close + 1);
            return new Fail("SyntaxError", "expected ':'", { kind: "range", start: a.start, end: a.end }, close + 1);
          }
        }
        return null;
      }
      case "else": case "try": case "finally":
        if (p === kw + 1) return forced();
        return null;
      case "match":
        if (atNewline && p > kw + 1 && parses(kw + 1, p, (a, b) => this.conv.starExpressionsRange(a, b))) return colonLast;
        return null;
      default:
        return null;
    }
  }

  private closeOfParams(open: number): number {
    let depth = 0;
    for (let k = open; k < this.toks.length; k++) {
      const t = this.toks.get(k);
      if (t.type === Tok.NEWLINE) return -1;
      if (isOpenTok(t)) depth++;
      else if (isCloseTok(t)) {
        depth--;
        if (depth === 0) return k;
      }
    }
    return -1;
  }

  /** Statement containing token `p` on the logical line starting at `ls`: [start, end). */
  private statementBounds(p: number, ls: number): [number, number] {
    const toks = this.toks;
    let start = ls;
    // After the header of a one-line compound statement, the body is its own statement.
    let kw = ls;
    if (toks.is(kw, "async")) kw++;
    if (toks.type(kw) === Tok.NAME && COMPOUND.has(toks.text(kw))) {
      const c = findTopLevel(toks, kw, p, ":");
      if (c >= 0 && c < p) start = c + 1;
    }
    let depth = 0;
    for (let k = start; k < p; k++) {
      const b = toks.bracket(k);
      if (b !== 0) depth += b;
      else if (depth === 0 && toks.is(k, ";")) start = k + 1;
    }
    let end = p;
    for (; end < toks.length; end++) {
      const t = toks.type(end);
      if (t === Tok.NEWLINE || t === Tok.ENDMARKER) break;
      const b = toks.bracket(end);
      if (b !== 0) depth += b;
      else if (depth <= 0 && toks.is(end, ";")) break;
    }
    return [start, end];
  }

  /**
   * invalid_assignment's annotation forms: a statement `target: annotation`
   * whose target cannot be annotated, reported whatever follows.
   */
  private invalidAnnotation(p: number, ls: number): Fail | null {
    const [start, end] = this.statementBounds(p, ls);
    const t0 = this.toks.get(start);
    if (t0.type === Tok.NAME && KEYWORDS.has(t0.text) && !["None", "True", "False", "not", "lambda", "await"].includes(t0.text)) return null;
    const colon = findTopLevel(this.toks, start, end, ":");
    if (colon <= start || colon + 1 >= end) return null;
    if (!canStartExpr(this.toks.get(colon + 1))) return null;
    const ann = this.longestExpr(colon + 1, end);
    if (!ann) return null;
    const target = this.tryParse(() => this.conv.starExpressionsRange(start, colon));
    if (!target) return null;
    return this.conv.annotationTargetError(target);
  }

  /**
   * CPython only reads past the colon of `target: annotation` when the target
   * is a name, attribute or subscript; otherwise the first pass stops at the colon.
   */
  private annotationColon(p: number, ls: number): number {
    const [start, end] = this.statementBounds(p, ls);
    const t0 = this.toks.get(start);
    if (t0.type === Tok.NAME && KEYWORDS.has(t0.text) && !["None", "True", "False", "not", "lambda", "await"].includes(t0.text)) return -1;
    const colon = findTopLevel(this.toks, start, end, ":");
    if (colon <= start || colon >= p) return -1;
    const target = this.tryParse(() => this.conv.starExpressionsRange(start, colon));
    if (!target || !this.conv.annotationTargetError(target)) return -1;
    return colon;
  }

  /**
   * In a call, once a keyword argument has been seen CPython's first pass
   * only accepts `name=`, `*` or `**` arguments, so it stops at the first token
   * of any other argument (lezer reads on).
   */
  private argAfterKeyword(p: number, ls: number): number {
    const toks = this.toks;
    const open = this.openBracket(p, ls);
    if (open < 0 || !toks.is(open, "(") || !endsExpr(toks.get(open - 1)) || toks.is(open - 2, "def")) return -1;
    let sawKeyword = false;
    let argStart = open + 1;
    let depth = 0;
    for (let k = open + 1; k <= p; k++) {
      if (k === argStart) {
        const named = toks.type(k) === Tok.NAME && toks.is(k + 1, "=");
        if (sawKeyword && !named && !toks.is(k, "*") && !toks.is(k, "**") && k < p) return k;
        if (named) sawKeyword = true;
      }
      const b = toks.bracket(k);
      if (b !== 0) depth += b;
      else if (depth === 0 && toks.is(k, ",")) argStart = k + 1;
    }
    return -1;
  }

  /** invalid_del_stmt: `del` followed by star_expressions with something that cannot be deleted. */
  private invalidDelete(p: number, ls: number): Fail | null {
    const [start, end] = this.statementBounds(p, ls);
    if (!this.toks.is(start, "del") || start + 1 >= end) return null;
    const e = this.tryParse(() => this.conv.starExpressionsRange(start + 1, end));
    if (!e) return null;
    const bad = this.conv.invalidTarget(e, "del");
    if (!bad) return null;
    return this.conv.failAtNode(`cannot delete ${exprName(bad)}`, bad);
  }

  private legacyPrint(p: number, ls: number): Fail | null {
    const toks = this.toks;
    const prev = toks.get(p - 1);
    if (!isName(prev, "print") && !isName(prev, "exec")) return null;
    const t = toks.get(p);
    if (isOp(t, "(") || !canStartExpr(t)) return null;
    // The name must start an expression (statement start, or after a bracket/comma).
    const before = toks.get(p - 2);
    if (p - 1 !== ls && !(before && (isOpenTok(before) || isOp(before, ",") || isOp(before, "=")))) return null;
    let end = p;
    let depth = 0;
    for (; end < toks.length; end++) {
      const k = toks.get(end);
      if (k.type === Tok.NEWLINE || k.type === Tok.ENDMARKER) break;
      if (isOpenTok(k)) depth++;
      else if (isCloseTok(k)) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (isOp(k, ";") || isOp(k, "="))) break;
    }
    const r = this.tryParse(() => this.conv.starExpressionsRange(p, end));
    if (!r) return null;
    const name = prev.text;
    return new Fail(
      "SyntaxError",
      `Missing parentheses in call to '${name}'. Did you mean ${name}(...)?`,
      { kind: "range", start: prev.start, end: toks.get(end - 1).end },
      end,
    );
  }

  /** `if x = 1:` and friends (invalid_named_expression / invalid_kwarg). */
  private misplacedAssign(p: number, ls: number): Fail | null {
    const toks = this.toks;
    const open = this.openBracket(p, ls);
    // Find the start of the element that ends at `p`.
    let start = open >= 0 ? open + 1 : ls;
    if (open < 0) {
      let kw = ls;
      if (isName(toks.get(kw), "async")) kw++;
      const k = toks.get(kw);
      if (isName(k, "if") || isName(k, "elif") || isName(k, "while")) start = kw + 1;
      else return null;
    } else {
      let depth = 0;
      for (let k = p - 1; k > open; k--) {
        const tk = toks.get(k);
        if (isCloseTok(tk)) depth++;
        else if (isOpenTok(tk)) depth--;
        else if (depth === 0 && isOp(tk, ",")) {
          start = k + 1;
          break;
        }
      }
    }
    if (start >= p) return null;
    const isCall = open >= 0 && isOp(toks.get(open), "(") && endsExpr(toks.get(open - 1));
    if (isCall) {
      if (p === start + 1 && toks.get(start).type === Tok.NAME && ["True", "False", "None"].includes(toks.get(start).text)) {
        return new Fail("SyntaxError", `cannot assign to ${toks.get(start).text}`, { kind: "range", start: toks.get(start).start, end: toks.get(p).end }, p);
      }
      if (p === start + 1 && toks.get(start).type === Tok.NAME) return null;
      if (this.tryParse(() => this.conv.expressionRange(start, p)) === null) return null;
      return new Fail(
        "SyntaxError",
        'expression cannot contain assignment, perhaps you meant "=="?',
        { kind: "range", start: toks.get(start).start, end: toks.get(p).end },
        p,
      );
    }
    // After the "=": a bitwise_or not followed by "=" or ":=".
    const rhsEnd = this.elementEnd(p + 1, toks.length);
    const rhs = rhsEnd > p + 1 ? this.longestExpr(p + 1, rhsEnd) : null;
    if (!rhs) return null;
    const [rhsExpr, rhsStop] = rhs;
    const after = toks.get(rhsStop);
    if (isOp(after, "=") || isOp(after, ":=")) return null;
    if (p === start + 1 && toks.get(start).type === Tok.NAME && !KEYWORDS.has(toks.get(start).text)) {
      void rhsExpr;
      return new Fail(
        "SyntaxError",
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        { kind: "range", start: toks.get(start).start, end: toks.get(rhsStop - 1).end },
        rhsStop,
      );
    }
    const lhs = this.tryParse(() => this.conv.expressionRange(start, p));
    if (!lhs) return null;
    const first = toks.get(start);
    if (isOpenTok(first) && first.text !== "{") return null;
    if (first.type === Tok.NAME && ["True", "False", "None"].includes(first.text)) return null;
    return new Fail(
      "SyntaxError",
      `cannot assign to ${exprName(lhs)} here. Maybe you meant '==' instead of '='?`,
      { kind: "range", start: first.start, end: toks.get(p - 1).end },
      p,
    );
  }

  /**
   * invalid_named_expression's first alternative: `target := value` where the
   * target is not a name, in the places a named expression is parsed.
   */
  private invalidWalrus(p: number, ls: number): Fail | null {
    const toks = this.toks;
    const open = this.openBracket(p, ls);
    let start: number;
    if (open >= 0) {
      if (toks.is(open, "(") && endsExpr(toks.get(open - 1))) return null; // call arguments
      start = open + 1;
      let depth = 0;
      for (let k = p - 1; k > open; k--) {
        const b = toks.bracket(k);
        if (b < 0) depth++;
        else if (b > 0) depth--;
        else if (depth === 0 && toks.is(k, ",")) {
          start = k + 1;
          break;
        }
      }
    } else {
      const [sStart] = this.statementBounds(p, ls);
      start = sStart;
      if (toks.is(start, "if") || toks.is(start, "elif") || toks.is(start, "while")) start++;
      else if (toks.type(start) === Tok.NAME && KEYWORDS.has(toks.text(start)) && !canStartExpr(toks.get(start))) return null;
    }
    if (start >= p) return null;
    const e = this.tryParse(() => this.conv.expressionRange(start, p));
    if (!e || e.kind === "Name") return null;
    return this.conv.failAtNode(`cannot use assignment expressions with ${exprName(e)}`, e);
  }

  /** invalid_double_starred_kvpairs: `{k: }`, `{k: *v}`. */
  private invalidDictValue(p: number, ls: number): Fail | null {
    const toks = this.toks;
    const open = this.openBracket(p, ls);
    if (open < 0 || !toks.is(open, "{")) return null;
    const t = toks.get(p);
    if (isOp(toks.get(p - 1), ":") && (isOp(t, "}") || isOp(t, ","))) {
      const c = toks.get(p - 1);
      return new Fail("SyntaxError", "expression expected after dictionary key and ':'", { kind: "range", start: c.start, end: c.end }, p);
    }
    if (isOp(t, "*") && isOp(toks.get(p - 1), ":")) {
      let end = p + 1;
      while (end < toks.length && toks.type(end) !== Tok.NEWLINE && !isOp(toks.get(end), ",") && !isOp(toks.get(end), "}")) end++;
      return new Fail(
        "SyntaxError",
        "cannot use a starred expression in a dictionary value",
        { kind: "range", start: t.start, end: toks.end(end - 1) },
        end,
      );
    }
    return null;
  }

  /** `a if b` with no `else` (invalid_expression, second alternative). */
  private expectedElse(p: number, ls: number): Fail | null {
    const toks = this.toks;
    const t = toks.get(p);
    if (isName(t, "else") || isOp(t, ":")) return null;
    // Find an `if` at the same depth before p, preceded by an expression.
    let depth = 0;
    for (let k = p - 1; k > ls; k--) {
      const tk = toks.get(k);
      if (isCloseTok(tk)) depth++;
      else if (isOpenTok(tk)) {
        if (depth === 0) return null;
        depth--;
      } else if (depth === 0) {
        if (isName(tk, "if")) {
          if (!endsExpr(toks.get(k - 1))) return null;
          const b = this.tryParse(() => this.conv.expressionRange(k + 1, p));
          if (!b) return null;
          // a: the disjunction before `if`, from the start of the element.
          let s = k - 1;
          let d = 0;
          for (; s > ls; s--) {
            const x = toks.get(s - 1);
            if (isCloseTok(x)) d++;
            else if (isOpenTok(x)) {
              if (d === 0) break;
              d--;
            } else if (d === 0 && (x.type === Tok.OP && [",", "=", ":", ":=", "(", "[", "{"].includes(x.text))) break;
            else if (d === 0 && x.type === Tok.NAME && ["return", "yield", "in", "else", "lambda", "assert", "del", "raise", "await", "print"].includes(x.text)) break;
          }
          if (toks.get(s) && isName(toks.get(s), "if")) return null;
          return new Fail(
            "SyntaxError",
            "expected 'else' after 'if' expression",
            { kind: "range", start: toks.get(s).start, end: toks.get(p - 1).end },
            p,
          );
        }
        if (tk.type === Tok.OP && [",", "=", ";"].includes(tk.text)) return null;
        if (tk.type === Tok.NAME && ["for", "else", "lambda", "return", "in"].includes(tk.text)) return null;
      }
    }
    return null;
  }

  /** invalid_expression: two expressions side by side inside brackets. */
  private forgotComma(p: number, ls: number): Fail | null {
    const toks = this.toks;
    const open = this.openBracket(p, ls);
    if (open < 0) return null;
    // Parameter lists and import lists are not parsed as expressions.
    if (toks.is(open, "(") && (toks.is(open - 1, "import") || toks.is(open - 2, "def"))) return null;
    // Start of `a`: after the bracket, a comma, `=`, `:` or `*` at this depth.
    let start = open + 1;
    let depth = 0;
    for (let k = p - 1; k > open; k--) {
      const tk = toks.get(k);
      if (isCloseTok(tk)) depth++;
      else if (isOpenTok(tk)) depth--;
      else if (depth === 0 && tk.type === Tok.OP && [",", "=", ":", ":=", "*", "**"].includes(tk.text)) {
        start = k + 1;
        break;
      } else if (depth === 0 && tk.type === Tok.NAME && ["if", "else", "in", "for", "lambda", "yield", "await", "return"].includes(tk.text)) {
        if (tk.text === "if" || tk.text === "else") {
          start = k + 1;
          break;
        }
        return null;
      }
    }
    if (start >= p) return null;
    const a0 = toks.get(start);
    if ((a0.type === Tok.NAME && toks.get(start + 1)?.type === Tok.STRING) || (a0.type === Tok.NAME && SOFT_KEYWORDS.has(a0.text))) return null;
    if (a0.type === Tok.NAME && (a0.text === "print" || a0.text === "exec") && p === start + 1) return null;
    const a = this.tryParse(() => this.conv.expressionRange(start, p));
    if (!a) return null;
    if (a.kind === "IfExp" || a.kind === "Lambda") return null;
    const end = this.elementEnd(p, toks.length);
    const b = this.longestExpr(p, end);
    if (!b) return null;
    const last = b[1] - 1;
    if (toks.get(last).level === 0) return null;
    return new Fail(
      "SyntaxError",
      "invalid syntax. Perhaps you forgot a comma?",
      { kind: "range", start: a0.start, end: toks.get(last).end },
      p,
    );
  }
}
