// Parser/tokenizer.c and Grammar/python.gram (CPython 3.11): what lezer gets to see.
//
// lezer's Python grammar is close to CPython 3.11's but not equal: it rejects
// some valid code (bare `yield`, `1.`, PEP 614 decorators, parenthesized or
// non-name `with` targets, `*` in subscripts, `/` in lambdas, most of `match`)
// and accepts some 3.12 syntax. Rather than fight that inside lezer, we hand it
// a "shadow" of the source built from our own CPython-exact token stream: the
// same length, so every offset lezer reports is an offset in the real source,
// but with literals replaced by neutral ones, comments and continuation lines
// blanked, indentation normalised, and the constructs lezer cannot parse
// replaced by a one-character placeholder name `_` ("regions") that the
// converter parses separately from the tokens.

import { Tok, type Token, type TokenList } from "./tokenizer.js";

export type RegionKind =
  /** `with` items, from after `with` to before the header colon. */
  | "withItems"
  /** Subject of a `match` statement. */
  | "matchSubject"
  /** Pattern and guard of a `case` clause. */
  | "casePattern"
  /** Subscript contents containing a `*` element. */
  | "slices"
  /** `for ... in <here>:` when it contains a top-level `*`. */
  | "forIter"
  /** Right-hand side of an augmented assignment containing a top-level `*`. */
  | "augValue"
  /** `*args: <here>` annotation starting with `*`. */
  | "starAnnotation";

export interface Region {
  kind: RegionKind;
  /** Token index range [from, to) covered by the placeholder. */
  from: number;
  to: number;
}

export interface Shadow {
  text: string;
  /** Placeholder regions keyed by the source offset of the `_`. */
  regions: Map<number, Region>;
  /** Decorator expressions (token ranges after `@`) keyed by the index of the decorated statement's first token. */
  decorators: Map<number, { at: number; from: number; to: number }[]>;
  /** First INDENT that does not follow a block-opening colon (CPython: "unexpected indent"), or -1. */
  badIndent: number;
}

const EXPR_START_KEYWORDS = new Set(["None", "True", "False", "not", "lambda", "await", "yield"]);
export const KEYWORDS = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
  "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
  "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]);
/** Names lezer treats specially although CPython 3.11 does not (or only contextually). */
const LEZER_SPECIAL_NAMES = new Set(["print", "type", "match", "case"]);

/** Whether token `t` can begin an expression (atom or prefix operator). */
export function canStartExpr(t: Token | undefined): boolean {
  if (!t) return false;
  switch (t.type) {
    case Tok.NAME:
      return !KEYWORDS.has(t.text) || EXPR_START_KEYWORDS.has(t.text);
    case Tok.NUMBER:
    case Tok.STRING:
      return true;
    case Tok.OP:
      return ["(", "[", "{", "-", "+", "~", "..."].includes(t.text);
    default:
      return false;
  }
}

/** Tokens after which a `[` opens a subscript rather than a list display. */
function endsPrimary(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.type === Tok.NAME) return !KEYWORDS.has(t.text) || t.text === "None" || t.text === "True" || t.text === "False";
  if (t.type === Tok.NUMBER || t.type === Tok.STRING) return true;
  return t.type === Tok.OP && (t.text === ")" || t.text === "]" || t.text === "}");
}

/**
 * Index of the first token in [from, to) that is `op` at bracket depth 0
 * (relative to `from`), skipping colons that belong to a `lambda`; -1 if none.
 */
export function findTopLevel(tokens: TokenList, from: number, to: number, op: string): number {
  let depth = 0;
  let lambdas = 0;
  for (let i = from; i < to; i++) {
    const type = tokens.type(i);
    if (type === Tok.OP) {
      const b = tokens.bracket(i);
      if (b > 0) depth++;
      else if (b < 0) {
        if (depth === 0) return -1;
        depth--;
      } else if (depth === 0) {
        if (op === ":" && lambdas > 0 && tokens.is(i, ":")) {
          lambdas--;
          continue;
        }
        if (tokens.is(i, op)) return i;
      }
    } else if (type === Tok.NAME && depth === 0) {
      if (tokens.is(i, "lambda")) lambdas++;
      if (tokens.is(i, op)) return i;
    } else if (type === Tok.NEWLINE) return -1;
  }
  return -1;
}

/** Indices of the tokens in [from, to) that are `sep` at depth 0 (lambda-aware for ":"). */
export function splitTopLevel(tokens: TokenList, from: number, to: number, sep: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let lambdas = 0;
  for (let i = from; i < to; i++) {
    const type = tokens.type(i);
    if (type === Tok.OP) {
      const b = tokens.bracket(i);
      if (b > 0) depth++;
      else if (b < 0) depth--;
      else if (depth === 0 && tokens.is(i, sep)) {
        if (sep === ":" && lambdas > 0) lambdas--;
        else out.push(i);
      }
    } else if (type === Tok.NAME && depth === 0 && tokens.is(i, "lambda")) lambdas++;
  }
  return out;
}

/** Index of the bracket closing the one at `open`, or -1. */
export function matchingClose(tokens: TokenList, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const b = tokens.bracket(i);
    if (b > 0) depth++;
    else if (b < 0) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

interface Writer {
  buf: Uint16Array;
  base: number;
}

function put(w: Writer, offset: number, s: string): void {
  const at = offset - w.base;
  for (let i = 0; i < s.length; i++) w.buf[at + i] = s.charCodeAt(i);
}

function blank(w: Writer, tokens: TokenList, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    for (let k = tokens.start(i) - w.base; k < tokens.end(i) - w.base; k++) w.buf[k] = 32;
  }
}

/** Copy token `i`'s own text into the shadow. */
function copy(w: Writer, tokens: TokenList, i: number): void {
  const src = tokens.src;
  for (let k = tokens.start(i); k < tokens.end(i); k++) w.buf[k - w.base] = src.charCodeAt(k);
}

function fill(w: Writer, from: number, to: number, c: number): void {
  for (let k = from; k < to; k++) w.buf[k - w.base] = c;
}

/** Put the placeholder for tokens [from, to) and remember the region. */
function placeholder(w: Writer, tokens: TokenList, from: number, to: number, kind: RegionKind, regions: Map<number, Region>): void {
  if (from >= to) return;
  blank(w, tokens, from, to);
  put(w, tokens.start(from), "_");
  regions.set(tokens.start(from), { kind, from, to });
}

/** A number becomes 1s (keeping a leading dot so `x..5` stays `x . .5`); a string a plain "xxx". */
function writeLiteral(w: Writer, tokens: TokenList, i: number): void {
  const start = tokens.start(i);
  const end = tokens.end(i);
  if (tokens.type(i) === Tok.NUMBER) {
    fill(w, start, end, 49);
    if (tokens.firstChar(i) === 46) w.buf[start - w.base] = 46;
    return;
  }
  // Alternate the quote when directly after another string so that `''""`
  // cannot turn into a triple quote.
  let q = 34;
  if (i > 0 && tokens.type(i - 1) === Tok.STRING && tokens.end(i - 1) === start && tokens.src.charCodeAt(start - 1) === 34) q = 39;
  fill(w, start, end, 120);
  w.buf[start - w.base] = q;
  w.buf[end - 1 - w.base] = q;
}

const NOT_YIELD_VALUE = new Set(["from", "*"]);

/**
 * Write the shadow of tokens [from, to) of one logical line, applying the
 * substitutions lezer needs.
 */
function writeLine(w: Writer, tokens: TokenList, from: number, to: number, regions: Map<number, Region>): void {
  let i = from;
  // Parameters of a `def` (to find `*args: *Ts`).
  let defParamsOpen = -1;
  let defParamsClose = -1;
  if (tokens.is(from, "def") || (tokens.is(from, "async") && tokens.is(from + 1, "def"))) {
    let lp = from + 1;
    while (lp < to && !tokens.is(lp, "(")) lp++;
    if (lp < to) {
      defParamsOpen = lp;
      defParamsClose = matchingClose(tokens, lp, to);
    }
  }
  for (; i < to; i++) {
    switch (tokens.type(i)) {
      case Tok.NUMBER:
      case Tok.STRING:
        writeLiteral(w, tokens, i);
        break;
      case Tok.NAME: {
        const start = tokens.start(i);
        const len = tokens.end(i) - start;
        const first = tokens.firstChar(i);
        if (tokens.ident(i) !== undefined) {
          fill(w, start, start + len, 120);
        } else if (
          (first === 112 && tokens.is(i, "print")) || (first === 116 && tokens.is(i, "type")) ||
          (first === 109 && tokens.is(i, "match")) || (first === 99 && tokens.is(i, "case"))
        ) {
          // Names lezer treats as (soft) keywords but CPython 3.11 does not here.
          copy(w, tokens, i);
          w.buf[start + len - 1 - w.base] -= 32;
        } else if (
          first === 121 && tokens.is(i, "yield") && !canStartExpr(tokens.get(i + 1)) &&
          !NOT_YIELD_VALUE.has(tokens.text(i + 1))
        ) {
          // A bare `yield` would be a syntax error for lezer; it becomes a name.
          put(w, start, "yielD");
        } else copy(w, tokens, i);
        break;
      }
      case Tok.OP: {
        const start = tokens.start(i);
        const c = tokens.firstChar(i);
        if (c === 60 && tokens.is(i, "<>")) {
          put(w, start, "$$");
          break;
        }
        if (c === 44 && tokens.is(i + 1, ":") && isLambdaSlash(tokens, i, from, true)) {
          // A trailing comma in lambda parameters, which lezer rejects.
          break;
        }
        if (c === 47 && tokens.is(i, "/") && isLambdaSlash(tokens, i, from)) {
          put(w, start, "*");
          break;
        }
        if (c === 91 && i > from && endsPrimary(tokens.get(i - 1))) {
          const close = matchingClose(tokens, i, to);
          if (close > 0 && hasTopLevelStar(tokens, i + 1, close)) {
            put(w, start, "[");
            placeholder(w, tokens, i + 1, close, "slices", regions);
            put(w, tokens.start(close), "]");
            i = close;
            break;
          }
        } else if (
          c === 42 && defParamsOpen >= 0 && i > defParamsOpen && i < defParamsClose && tokens.is(i, "*") &&
          tokens.is(i - 1, ":") && tokens.type(i - 2) === Tok.NAME && tokens.is(i - 3, "*")
        ) {
          // `*args: *Ts`: the annotation runs to the next top-level comma or the ")".
          const commas = splitTopLevel(tokens, i, defParamsClose, ",");
          const end = commas.length ? commas[0] : defParamsClose;
          placeholder(w, tokens, i, end, "starAnnotation", regions);
          i = end - 1;
          break;
        }
        copy(w, tokens, i);
        break;
      }
      case Tok.NEWLINE:
        w.buf[tokens.end(i) - 1 - w.base] = 10;
        break;
      default:
        break;
    }
  }
}

/**
 * Whether token `i` is a `/` parameter of a lambda (or, with `anyToken`,
 * any token inside a lambda's parameter list).
 */
function isLambdaSlash(tokens: TokenList, i: number, lineStart: number, anyToken = false): boolean {
  if (i <= 0 || i + 1 >= tokens.length) return false;
  if (!anyToken) {
    if (!(tokens.is(i - 1, ",") || tokens.is(i - 1, "lambda"))) return false;
    if (!(tokens.is(i + 1, ",") || tokens.is(i + 1, ":"))) return false;
  }
  // Walk back at this depth: a `lambda` before any `:` means we are in its parameters.
  let depth = 0;
  for (let k = i - 1; k >= lineStart; k--) {
    const b = tokens.bracket(k);
    if (b < 0) depth++;
    else if (b > 0) {
      if (depth === 0) return false;
      depth--;
    } else if (depth === 0) {
      if (tokens.is(k, "lambda")) return true;
      if (tokens.is(k, ":")) return false;
    }
  }
  return false;
}

const AUG_ASSIGN = new Set(["+=", "-=", "*=", "/=", "//=", "%=", "@=", "&=", "|=", "^=", ">>=", "<<=", "**="]);

function isAugAssign(tokens: TokenList, i: number): boolean {
  return tokens.type(i) === Tok.OP && tokens.end(i) - tokens.start(i) >= 2 && AUG_ASSIGN.has(tokens.text(i));
}

function hasTopLevelStar(tokens: TokenList, from: number, to: number): boolean {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const b = tokens.bracket(i);
    if (b > 0) depth++;
    else if (b < 0) depth--;
    else if (depth === 0 && tokens.is(i, "*") && (i === from || tokens.is(i - 1, ","))) return true;
  }
  return false;
}

/**
 * Build the shadow of a whole module. `tokens` may stop early (at a tokenizer
 * error); only the first `count` tokens are used and the rest stays blank.
 */
export function buildModuleShadow(text: string, tokens: TokenList, count: number): Shadow {
  const w: Writer = { buf: new Uint16Array(text.length).fill(32), base: 0 };
  const regions = new Map<number, Region>();
  const decorators = new Map<number, { at: number; from: number; to: number }[]>();
  let pendingDecorators: { at: number; from: number; to: number }[] = [];
  // Keep every newline outside logical lines (blank and comment lines become
  // empty lines); newlines inside brackets or after a backslash are dropped
  // because for lezer each logical line must be one physical line.
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) w.buf[k] = 10;
  for (let k = 0; k + 1 < count; k++) {
    const type = tokens.type(k);
    const next = tokens.type(k + 1);
    if (type === Tok.NEWLINE || type === Tok.INDENT || type === Tok.DEDENT) continue;
    if (next === Tok.ENDMARKER || next === Tok.DEDENT) continue;
    fill(w, tokens.end(k), tokens.start(k + 1), 32);
  }
  // Block bookkeeping to recognise `case` lines directly inside a `match`.
  let depth = 0;
  const matchBodyDepths: number[] = [];
  let lastWasMatchHeader = false;
  let badIndent = -1;
  let i = 0;
  while (i < count) {
    const type = tokens.type(i);
    if ((type === Tok.INDENT || type === Tok.DEDENT) && pendingDecorators.length) {
      // Decorators must be followed by a definition at the same level.
      decorators.set(i, pendingDecorators);
      pendingDecorators = [];
    }
    if (type === Tok.INDENT) {
      if (badIndent < 0 && !(i >= 2 && tokens.type(i - 1) === Tok.NEWLINE && tokens.is(i - 2, ":"))) badIndent = i;
      depth++;
      if (lastWasMatchHeader) matchBodyDepths.push(depth);
      lastWasMatchHeader = false;
      i++;
      continue;
    }
    if (type === Tok.DEDENT) {
      if (matchBodyDepths.length && matchBodyDepths[matchBodyDepths.length - 1] === depth) matchBodyDepths.pop();
      depth--;
      lastWasMatchHeader = false;
      i++;
      continue;
    }
    if (type === Tok.ENDMARKER) break;
    lastWasMatchHeader = false;
    // A logical line: tokens [i, end) plus its NEWLINE at `end` (if present).
    let end = i;
    while (end < count && tokens.type(end) !== Tok.NEWLINE && tokens.type(end) !== Tok.ENDMARKER) end++;
    const hasNewline = end < count && tokens.type(end) === Tok.NEWLINE;
    const lineEnd = hasNewline ? end + 1 : end;
    if (tokens.is(i, "@")) {
      // Decorator line: left blank; the expression is parsed on its own.
      pendingDecorators.push({ at: i, from: i + 1, to: end });
      i = lineEnd;
      continue;
    }
    if (pendingDecorators.length) {
      decorators.set(i, pendingDecorators);
      pendingDecorators = [];
    }
    const start = tokens.start(i);
    writeIndent(w, text, start, depth);
    const first = tokens.firstChar(i);
    const colon = first === 109 || first === 99 ? findTopLevel(tokens, i, end, ":") : -1;
    if (first === 109 && tokens.is(i, "match") && colon === end - 1 && colon > i + 1) {
      // `if` + spaces rather than another keyword, so that `match(x):` does
      // not run the keyword into the placeholder.
      put(w, start, "if   ");
      placeholder(w, tokens, i + 1, colon, "matchSubject", regions);
      put(w, tokens.start(colon), ":");
      if (hasNewline) w.buf[tokens.end(end) - 1] = 10;
      lastWasMatchHeader = true;
      i = lineEnd;
      continue;
    }
    if (
      first === 99 && tokens.is(i, "case") && colon > i + 1 &&
      matchBodyDepths.length > 0 && matchBodyDepths[matchBodyDepths.length - 1] === depth
    ) {
      put(w, start, "if  ");
      placeholder(w, tokens, i + 1, colon, "casePattern", regions);
      put(w, tokens.start(colon), ":");
      writeStatements(w, tokens, colon + 1, end, regions);
    } else {
      writeStatements(w, tokens, i, end, regions);
    }
    if (hasNewline) w.buf[tokens.end(end) - 1] = 10;
    i = lineEnd;
  }
  // Decorators with no statement after them are kept for error reporting.
  if (pendingDecorators.length) decorators.set(i, pendingDecorators);
  return { text: bufferToString(w.buf), regions, decorators, badIndent };
}

const COMPOUND_KEYWORDS = new Set(["if", "elif", "else", "while", "for", "try", "except", "finally", "with", "def", "class", "async"]);

/**
 * Shadow the simple/compound statements in tokens [from, to) of one logical
 * line (no NEWLINE), splitting at semicolons and after one-line compound
 * headers so that `with` and `for` headers are found wherever they start.
 */
function writeStatements(w: Writer, tokens: TokenList, from: number, to: number, regions: Map<number, Region>): void {
  let s = from;
  while (s < to) {
    let kwAt = s;
    if (tokens.is(s, "async") && s + 1 < to) kwAt = s + 1;
    const kwType = tokens.type(kwAt);
    const kwText = kwType === Tok.NAME ? tokens.text(kwAt) : "";
    if (kwText === "with") {
      const c = findTopLevel(tokens, kwAt + 1, to, ":");
      if (c > kwAt + 1) {
        writeLine(w, tokens, s, kwAt + 1, regions);
        placeholder(w, tokens, kwAt + 1, c, "withItems", regions);
        put(w, tokens.start(c), ":");
        s = c + 1;
        continue;
      }
    }
    if (kwText === "for") {
      const inAt = findTopLevel(tokens, kwAt + 1, to, "in");
      const c = inAt > 0 ? findTopLevel(tokens, inAt + 1, to, ":") : -1;
      if (c > inAt + 1 && hasTopLevelStar(tokens, inAt + 1, c)) {
        writeLine(w, tokens, s, inAt + 1, regions);
        placeholder(w, tokens, inAt + 1, c, "forIter", regions);
        put(w, tokens.start(c), ":");
        s = c + 1;
        continue;
      }
    }
    if (COMPOUND_KEYWORDS.has(kwText) && kwText !== "async") {
      // A one-line compound statement: the body after the header colon starts a new statement.
      const c = findTopLevel(tokens, kwAt, to, ":");
      if (c >= 0) {
        writeLine(w, tokens, s, c + 1, regions);
        s = c + 1;
        continue;
      }
    }
    // Up to and including the next top-level semicolon.
    let e = s;
    let d = 0;
    let aug = -1;
    while (e < to) {
      const b = tokens.bracket(e);
      if (b !== 0) d += b;
      else if (d === 0 && tokens.is(e, ";")) break;
      else if (d === 0 && aug < 0 && isAugAssign(tokens, e)) aug = e;
      e++;
    }
    if (aug >= 0 && hasTopLevelStar(tokens, aug + 1, e)) {
      // lezer only allows plain tests after `+=`; CPython allows `x += *a, b`.
      writeLine(w, tokens, s, aug + 1, regions);
      placeholder(w, tokens, aug + 1, e, "augValue", regions);
      if (e < to) writeLine(w, tokens, e, e + 1, regions);
      s = e < to ? e + 1 : e;
      continue;
    }
    if (e < to) e++;
    writeLine(w, tokens, s, e, regions);
    s = e;
  }
}

/**
 * Rewrite the indentation before `start` so that lezer sees the nesting depth
 * CPython computed: `depth` spaces, then form feeds, which lezer skips as
 * whitespace without counting them as indentation.
 */
function writeIndent(w: Writer, text: string, start: number, depth: number): void {
  let ls = start;
  while (ls > 0 && text.charCodeAt(ls - 1) !== 10) ls--;
  if (ls < w.base) return;
  for (let k = ls; k < start; k++) w.buf[k - w.base] = k - ls < depth ? 32 : 12;
}

/** Shadow for tokens [from, to) parsed on their own as one line. */
export function buildRangeShadow(tokens: TokenList, from: number, to: number): Shadow {
  const base = tokens.get(from).start;
  const end = tokens.get(to - 1).end;
  const w: Writer = { buf: new Uint16Array(end - base).fill(32), base };
  const regions = new Map<number, Region>();
  writeLine(w, tokens, from, to, regions);
  return { text: bufferToString(w.buf), regions, decorators: new Map(), badIndent: -1 };
}

const utf16 = new TextDecoder("utf-16le");

function bufferToString(buf: Uint16Array): string {
  return utf16.decode(buf);
}
