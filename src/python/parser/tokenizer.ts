// Parser/tokenizer.c (CPython 3.11): splitting source into tokens.
//
// lezer tokenizes Python a little differently from CPython (string prefixes,
// f-string nesting, `1.` floats, error cases), and CPython's error messages are
// mostly decided at this level, so we run our own tokenizer first. It follows
// tok_get() closely enough to report the same errors at the same places; the
// token list then drives the lezer input (see shadow.ts) and the error
// heuristics.

import type { SyntaxErrorKind } from "./errors.js";
import { SourceText, byteOffsetToCharOffset } from "./source.js";

export const enum Tok {
  NAME = 1,
  NUMBER,
  STRING,
  OP,
  NEWLINE,
  INDENT,
  DEDENT,
  ENDMARKER,
}

export const TOK_NAMES: Record<number, string> = {
  [Tok.NAME]: "NAME",
  [Tok.NUMBER]: "NUMBER",
  [Tok.STRING]: "STRING",
  [Tok.OP]: "OP",
  [Tok.NEWLINE]: "NEWLINE",
  [Tok.INDENT]: "INDENT",
  [Tok.DEDENT]: "DEDENT",
  [Tok.ENDMARKER]: "ENDMARKER",
};

/** A token as an object; made on demand by TokenList.get, so it is short-lived. */
export interface Token {
  type: Tok;
  /** Offsets into the (newline-normalised) source. INDENT/DEDENT/ENDMARKER are empty. */
  start: number;
  end: number;
  /** Source text (operator, name, literal); "" for INDENT/DEDENT/ENDMARKER. */
  text: string;
  /** Bracket depth after this token, like CPython's token->level. */
  level: number;
  /** CPython gives INDENT, DEDENT and ENDMARKER no column (col_offset == -1). */
  noCol: boolean;
  /** For NAME tokens with non-ASCII characters: the NFKC-normalised identifier. */
  ident?: string;
}

/**
 * The token stream, stored column-wise in typed arrays: a large file has tens
 * of thousands of tokens that live for the whole parse, and as individual
 * objects they dominated garbage-collection time.
 */
export class TokenList {
  private types = new Uint8Array(1024);
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private levels = new Int32Array(1024);
  private idents = new Map<number, string>();
  length = 0;

  constructor(readonly src: string) {}

  add(type: Tok, start: number, end: number, level: number): number {
    if (this.length === this.types.length) this.grow();
    const i = this.length++;
    this.types[i] = type;
    this.starts[i] = start;
    this.ends[i] = end;
    this.levels[i] = level;
    return i;
  }

  private grow(): void {
    const n = this.types.length * 2;
    const t = new Uint8Array(n);
    t.set(this.types);
    this.types = t;
    const s = new Int32Array(n);
    s.set(this.starts);
    this.starts = s;
    const e = new Int32Array(n);
    e.set(this.ends);
    this.ends = e;
    const l = new Int32Array(n);
    l.set(this.levels);
    this.levels = l;
  }

  pop(): void {
    this.length--;
  }

  setIdent(i: number, ident: string): void {
    this.idents.set(i, ident);
  }

  ident(i: number): string | undefined {
    return this.idents.get(i);
  }

  type(i: number): Tok {
    return this.types[i] as Tok;
  }

  start(i: number): number {
    return this.starts[i];
  }

  end(i: number): number {
    return this.ends[i];
  }

  level(i: number): number {
    return this.levels[i];
  }

  text(i: number): string {
    const t = this.types[i];
    if (t === Tok.INDENT || t === Tok.DEDENT || t === Tok.ENDMARKER) return "";
    return this.src.slice(this.starts[i], this.ends[i]);
  }

  /** +1 for an opening bracket, -1 for a closing one, 0 otherwise. */
  bracket(i: number): number {
    if (this.types[i] !== Tok.OP || this.ends[i] - this.starts[i] !== 1) return 0;
    const c = this.src.charCodeAt(this.starts[i]);
    return c === 40 || c === 91 || c === 123 ? 1 : c === 41 || c === 93 || c === 125 ? -1 : 0;
  }

  /** First character code of token `i` (-1 for tokens without text). */
  firstChar(i: number): number {
    return this.ends[i] > this.starts[i] ? this.src.charCodeAt(this.starts[i]) : -1;
  }

  /** Whether token `i` is the operator or name `s` (without making a string). */
  is(i: number, s: string): boolean {
    if (i < 0 || i >= this.length) return false;
    const a = this.starts[i];
    if (this.ends[i] - a !== s.length) return false;
    const t = this.types[i];
    if (t !== Tok.OP && t !== Tok.NAME) return false;
    for (let k = 0; k < s.length; k++) if (this.src.charCodeAt(a + k) !== s.charCodeAt(k)) return false;
    return true;
  }

  /**
   * The token as an object. Like an array index, past the end it gives
   * undefined at run time even though the type says Token.
   */
  get(i: number): Token {
    if (i < 0 || i >= this.length) return undefined as unknown as Token;
    const type = this.types[i] as Tok;
    const noCol = type === Tok.INDENT || type === Tok.DEDENT || type === Tok.ENDMARKER;
    const tok: Token = {
      type,
      start: this.starts[i],
      end: this.ends[i],
      text: noCol ? "" : this.src.slice(this.starts[i], this.ends[i]),
      level: this.levels[i],
      noCol,
    };
    const ident = this.idents.get(i);
    if (ident !== undefined) tok.ident = ident;
    return tok;
  }

  /** Tokens [from, to) as objects. */
  slice(from: number, to: number): Token[] {
    const out: Token[] = [];
    for (let i = from; i < to && i < this.length; i++) out.push(this.get(i)!);
    return out;
  }
}

/**
 * A tokenizer failure, with the location already computed as CPython reports
 * it. `raised` distinguishes errors CPython raises inside the tokenizer (these
 * replace an earlier parser error other than "unexpected indent", because
 * CPython tokenizes the rest of the file after a parser error) from ERRORTOKEN
 * conditions that only surface when the parser asks for that token.
 */
export interface TokenizerError {
  kind: SyntaxErrorKind;
  msg: string;
  lineno: number;
  offset: number;
  end_lineno: number;
  end_offset: number;
  text: string;
  raised: boolean;
  /** Number of tokens produced before the error. */
  tokenIndex: number;
  /** For "was never closed": where the bracket is, so callers can compare lines. */
  bracketLine?: number;
}

export interface TokenizeResult {
  tokens: TokenList;
  error: TokenizerError | null;
  source: SourceText;
  /** Open brackets at the point tokenization stopped (only when it stopped at EOF). */
  openBrackets: BracketInfo[];
}

export interface BracketInfo {
  char: string;
  line: number;
  /** Byte column of the bracket. */
  col: number;
  pos: number;
}

const MAXINDENT = 100;
const MAXLEVEL = 200;
const TABSIZE = 8;


function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
function isPotentialIdentifierStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}
function isPotentialIdentifierChar(c: number): boolean {
  return isPotentialIdentifierStart(c) || isDigit(c);
}

const XID_START = /^[\p{XID_Start}_]$/u;
const XID_CONTINUE = /^\p{XID_Continue}$/u;
const NON_PRINTABLE = /^[\p{C}\p{Z}]$/u;

/** Python's str.isprintable() for one code point (space is printable). */
export function isPrintable(cp: number): boolean {
  if (cp === 0x20) return true;
  return !NON_PRINTABLE.test(String.fromCodePoint(cp));
}

function hex4(cp: number): string {
  const h = cp.toString(16).toUpperCase();
  return h.length < 4 ? "0".repeat(4 - h.length) + h : h;
}

class TokenizerFailure {
  constructor(readonly error: TokenizerError) {}
}

/**
 * Tokenize `text` (already newline-normalised and ending in "\n", as CPython's
 * string input is after translate_newlines).
 */
export function tokenize(text: string, source: SourceText = new SourceText(text)): TokenizeResult {
  const t = new Tokenizer(text, source);
  let error: TokenizerError | null = null;
  try {
    t.run();
  } catch (e) {
    if (e instanceof TokenizerFailure) error = e.error;
    else throw e;
  }
  return { tokens: t.tokens, error, source, openBrackets: error ? t.brackets.slice() : [] };
}

class Tokenizer {
  readonly tokens: TokenList;
  readonly brackets: BracketInfo[] = [];
  private pos = 0;
  private atBol = true;
  private indstack = [0];
  private altindstack = [0];
  private pendin = 0;
  private lineStartPos = 0;

  constructor(
    private readonly text: string,
    private readonly source: SourceText,
  ) {
    this.tokens = new TokenList(text);
  }

  private get level(): number {
    return this.brackets.length;
  }

  private push(type: Tok, start: number, end: number): number {
    return this.tokens.add(type, start, end, this.brackets.length);
  }

  private code(i: number): number {
    return i < this.text.length ? this.text.charCodeAt(i) : -1;
  }

  run(): void {
    const text = this.text;
    const n = text.length;
    for (;;) {
      // --- Start of a line: measure indentation.
      let blankline = false;
      if (this.atBol) {
        this.atBol = false;
        this.lineStartPos = this.pos;
        let col = 0;
        let altcol = 0;
        for (;;) {
          const c = this.code(this.pos);
          if (c === 32) {
            col++;
            altcol++;
          } else if (c === 9) {
            col = (Math.floor(col / TABSIZE) + 1) * TABSIZE;
            altcol = altcol + 1;
          } else if (c === 12) {
            col = altcol = 0;
          } else break;
          this.pos++;
        }
        const c = this.code(this.pos);
        if (c === 35 || c === 10) blankline = true;
        if (!blankline && this.level === 0) {
          const top = this.indstack.length - 1;
          if (col === this.indstack[top]) {
            if (altcol !== this.altindstack[top]) this.indentError("tab");
          } else if (col > this.indstack[top]) {
            if (top + 1 >= MAXINDENT) this.indentError("deep");
            if (altcol <= this.altindstack[top]) this.indentError("tab");
            this.pendin++;
            this.indstack.push(col);
            this.altindstack.push(altcol);
          } else {
            while (this.indstack.length > 1 && col < this.indstack[this.indstack.length - 1]) {
              this.pendin--;
              this.indstack.pop();
              this.altindstack.pop();
            }
            const t2 = this.indstack.length - 1;
            if (col !== this.indstack[t2]) this.dedentError();
            if (altcol !== this.altindstack[t2]) this.indentError("tab");
          }
        }
      }

      // --- Pending INDENT/DEDENT tokens.
      while (this.pendin !== 0) {
        if (this.pendin < 0) {
          this.pendin++;
          this.push(Tok.DEDENT, this.pos, this.pos);
        } else {
          this.pendin--;
          this.push(Tok.INDENT, this.pos, this.pos);
        }
      }

      // --- Tokens on this line.
      for (;;) {
        let c = this.code(this.pos);
        while (c === 32 || c === 9 || c === 12) c = this.code(++this.pos);
        const start = this.pos;
        if (c === 35) {
          while (this.pos < n && text.charCodeAt(this.pos) !== 10) this.pos++;
          c = this.code(this.pos);
        }
        if (c < 0) {
          if (this.level > 0) this.eofInBrackets();
          // The DEDENTs for a file ending inside a block.
          if (this.indstack.length > 1 && !blankline) {
            // (Only reachable when the source does not end with a newline.)
          }
          while (this.indstack.length > 1) {
            this.indstack.pop();
            this.altindstack.pop();
            this.push(Tok.DEDENT, n, n);
          }
          this.push(Tok.ENDMARKER, n, n);
          return;
        }
        if (c === 10) {
          this.pos++;
          this.atBol = true;
          if (blankline || this.level > 0) {
            if (this.pos >= n) {
              // EOF: handled on the next round.
            }
            break;
          }
          this.push(Tok.NEWLINE, start, this.pos);
          break;
        }
        if (c === 92) {
          // Line continuation.
          const next = this.code(this.pos + 1);
          if (next !== 10) this.lineContError(this.pos + 1);
          this.pos += 2;
          if (this.pos >= n) this.eofAfterBackslash();
          continue;
        }
        if (isPotentialIdentifierStart(c)) {
          this.nameOrString(start);
          continue;
        }
        if (isDigit(c) || (c === 46 && isDigit(this.code(this.pos + 1)))) {
          this.number(start);
          continue;
        }
        if (c === 39 || c === 34) {
          this.string(start, start);
          continue;
        }
        this.operator(start, c);
      }
      if (this.pos >= n) {
        // Reached EOF at a line start: emit trailing DEDENTs and ENDMARKER.
        if (this.level > 0) this.eofInBrackets();
        while (this.indstack.length > 1) {
          this.indstack.pop();
          this.altindstack.pop();
          this.push(Tok.DEDENT, n, n);
        }
        this.push(Tok.ENDMARKER, n, n);
        return;
      }
    }
  }

  // ------------------------------------------------------------------ names

  private nameOrString(start: number): void {
    let sawB = false;
    let sawR = false;
    let sawU = false;
    let sawF = false;
    let p = start;
    for (;;) {
      const c = this.code(p) | 0x20; // lower-case ASCII letters
      if (!(sawB || sawU || sawF) && c === 98) sawB = true;
      else if (!(sawB || sawU || sawR || sawF) && c === 117) sawU = true;
      else if (!(sawR || sawU) && c === 114) sawR = true;
      else if (!(sawF || sawB || sawU) && c === 102) sawF = true;
      else break;
      p++;
      const q = this.code(p);
      if (q === 39 || q === 34) {
        this.string(start, p);
        return;
      }
    }
    p = start;
    let ascii = true;
    while (p < this.text.length) {
      const c = this.text.charCodeAt(p);
      if (!isPotentialIdentifierChar(c)) break;
      if (c >= 128) ascii = false;
      p++;
    }
    this.pos = p;
    const idx = this.push(Tok.NAME, start, p);
    if (!ascii) {
      this.verifyIdentifier(start, p);
      this.tokens.setIdent(idx, this.text.slice(start, p).normalize("NFKC"));
    }
  }

  private verifyIdentifier(start: number, end: number): void {
    const s = this.text.slice(start, end);
    let first = true;
    for (let i = 0; i < s.length; ) {
      const cp = s.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      const ok = first ? XID_START.test(ch) : XID_CONTINUE.test(ch);
      if (!ok) {
        // CPython points just past the offending character.
        const after = start + i + ch.length;
        this.tokens.pop();
        const msg = isPrintable(cp)
          ? `invalid character '${ch}' (U+${hex4(cp)})`
          : `invalid non-printable character U+${hex4(cp)}`;
        this.raiseAt(msg, after);
      }
      first = false;
      i += ch.length;
    }
  }

  // ---------------------------------------------------------------- numbers

  private number(start: number): void {
    let p = start;
    let c = this.code(p);
    const fail = (msg: string, at: number): never => this.raiseAt(msg, at);
    // Reads digits and single underscores between digits; p is after a digit.
    const decimalTail = (): void => {
      for (;;) {
        while (isDigit(this.code(p))) p++;
        if (this.code(p) !== 95) break;
        p++;
        if (!isDigit(this.code(p))) fail("invalid decimal literal", p);
      }
    };
    const endOfNumber = (kind: string): void => {
      this.verifyEndOfNumber(p, kind);
    };
    if (c === 46) {
      // ".5": fraction without integer part.
      p++;
      decimalTail();
      this.exponentAndImag(start, p, true);
      return;
    }
    if (c === 48) {
      p++;
      c = this.code(p);
      const lc = c | 0x20;
      if (lc === 120 || lc === 111 || lc === 98) {
        const kind = lc === 120 ? "hexadecimal" : lc === 111 ? "octal" : "binary";
        const isKindDigit = lc === 120 ? isHexDigit : lc === 111 ? (d: number) => d >= 48 && d <= 55 : (d: number) => d === 48 || d === 49;
        p++;
        c = this.code(p);
        do {
          if (c === 95) c = this.code(++p);
          if (!isKindDigit(c)) {
            if (lc !== 120 && isDigit(c)) fail(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`, p + 1);
            fail(`invalid ${kind} literal`, p);
          }
          do c = this.code(++p);
          while (isKindDigit(c));
        } while (c === 95);
        if (lc !== 120 && isDigit(c)) fail(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`, p + 1);
        endOfNumber(kind);
        this.pos = p;
        this.push(Tok.NUMBER, start, p);
        return;
      }
      // Decimal starting with 0: only zeros allowed, unless it is a float.
      let nonzero = false;
      for (;;) {
        if (c === 95) {
          c = this.code(++p);
          if (!isDigit(c)) fail("invalid decimal literal", p);
        }
        if (c !== 48) break;
        c = this.code(++p);
      }
      const zerosEnd = p;
      if (isDigit(c)) {
        nonzero = true;
        decimalTail();
        c = this.code(p);
      }
      if (c === 46 || (c | 0x20) === 101 || (c | 0x20) === 106) {
        this.exponentAndImag(start, p, false);
        return;
      }
      if (nonzero) {
        // CPython passes byte columns here without converting them to characters.
        const line = this.source.lineOf(start);
        const col = this.source.byteCol(start) + 1;
        const endCol = this.source.byteCol(zerosEnd) + 1;
        this.fail({
          kind: "SyntaxError",
          msg: "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
          lineno: line,
          offset: col,
          end_lineno: line,
          end_offset: endCol,
          text: this.source.lineText(line),
          raised: true,
          tokenIndex: this.tokens.length,
        });
      }
      endOfNumber("decimal");
      this.pos = p;
      this.push(Tok.NUMBER, start, p);
      return;
    }
    p++;
    decimalTail();
    this.exponentAndImag(start, p, false);
  }

  /** Continue a decimal number at `p`: optional fraction, exponent, `j`. */
  private exponentAndImag(start: number, p: number, inFraction: boolean): void {
    const fail = (msg: string, at: number): never => this.raiseAt(msg, at);
    const decimalTail = (): void => {
      for (;;) {
        while (isDigit(this.code(p))) p++;
        if (this.code(p) !== 95) break;
        p++;
        if (!isDigit(this.code(p))) fail("invalid decimal literal", p);
      }
    };
    let c = this.code(p);
    if (!inFraction && c === 46) {
      p++;
      c = this.code(p);
      if (isDigit(c)) decimalTail();
      c = this.code(p);
    }
    if ((c | 0x20) === 101) {
      const e = p;
      p++;
      c = this.code(p);
      if (c === 43 || c === 45) {
        p++;
        if (!isDigit(this.code(p))) fail("invalid decimal literal", p);
      } else if (!isDigit(c)) {
        // "1e" followed by a keyword-ish letter: the number ends before the e.
        this.verifyEndOfNumber(e, "decimal");
        this.pos = e;
        this.push(Tok.NUMBER, start, e);
        return;
      }
      decimalTail();
      c = this.code(p);
    }
    if ((c | 0x20) === 106) {
      p++;
      this.verifyEndOfNumber(p, "imaginary");
    } else {
      this.verifyEndOfNumber(p, "decimal");
    }
    this.pos = p;
    this.push(Tok.NUMBER, start, p);
  }

  /**
   * A number directly followed by a letter is an error, except for the few
   * keywords that may legally follow (`1if x else y`), which CPython only warns
   * about. `at` is the character after the number.
   */
  private verifyEndOfNumber(at: number, kind: string): void {
    const c = this.code(at);
    const rest = (s: string): boolean => this.text.startsWith(s, at + 1);
    let r = false;
    if (c === 97) r = rest("nd");
    else if (c === 101) r = rest("lse");
    else if (c === 102) r = rest("or");
    else if (c === 105) {
      const c2 = this.code(at + 1);
      r = c2 === 102 || c2 === 110 || c2 === 115;
    } else if (c === 111) r = rest("r");
    else if (c === 110) r = rest("ot");
    if (r) return;
    if (c >= 0 && isPotentialIdentifierChar(c)) this.raiseAt(`invalid ${kind} literal`, at);
  }

  // ---------------------------------------------------------------- strings

  /** `start` is the token start (prefix included); `q` the opening quote. */
  private string(start: number, q: number): void {
    const text = this.text;
    const quote = text.charCodeAt(q);
    let p = q + 1;
    let quoteSize = 1;
    let endQuoteSize = 0;
    if (this.code(p) === quote) {
      p++;
      if (this.code(p) === quote) {
        quoteSize = 3;
        p++;
      } else endQuoteSize = 1; // empty string
    }
    while (endQuoteSize !== quoteSize) {
      const c = this.code(p);
      if (c < 0 || (quoteSize === 1 && c === 10)) {
        // CPython reports the error at the start of the literal.
        const detected = c < 0 ? this.source.lineOf(Math.max(0, p - 1)) : this.source.lineOf(p);
        const line = this.source.lineOf(start);
        const off = this.source.charCol(start) + 1;
        const msg =
          quoteSize === 3
            ? `unterminated triple-quoted string literal (detected at line ${detected})`
            : `unterminated string literal (detected at line ${detected})`;
        this.fail({
          kind: "SyntaxError",
          msg,
          lineno: line,
          offset: off,
          end_lineno: line,
          end_offset: off,
          text: this.source.lineText(line),
          raised: true,
          tokenIndex: this.tokens.length,
        });
      }
      p++;
      if (c === quote) endQuoteSize++;
      else {
        endQuoteSize = 0;
        if (c === 92) p++;
      }
    }
    this.pos = p;
    this.push(Tok.STRING, start, p);
  }

  // -------------------------------------------------------------- operators

  private operator(start: number, c: number): void {
    const c2 = this.code(start + 1);
    const c3 = this.code(start + 2);
    let len = 1;
    switch (c) {
      case 42: // *
      case 47: // /
        if (c2 === c) len = c3 === 61 ? 3 : 2;
        else if (c2 === 61) len = 2;
        break;
      case 60: // <
        if (c2 === 60) len = c3 === 61 ? 3 : 2;
        else if (c2 === 61 || c2 === 62) len = 2;
        break;
      case 62: // >
        if (c2 === 62) len = c3 === 61 ? 3 : 2;
        else if (c2 === 61) len = 2;
        break;
      case 46: // .
        if (c2 === 46 && c3 === 46) len = 3;
        break;
      case 45: // -
        if (c2 === 61 || c2 === 62) len = 2;
        break;
      case 33: case 37: case 38: case 43: case 61: case 64: case 94: case 124: case 58:
        if (c2 === 61) len = 2;
        break;
    }
    if (len === 1) {
      if (c === 40 || c === 91 || c === 123) {
        if (this.level >= MAXLEVEL) this.raiseAt("too many nested parentheses", start + 1);
        this.brackets.push({
          char: String.fromCharCode(c),
          line: this.source.lineOf(start),
          col: this.source.byteCol(start),
          pos: start,
        });
      } else if (c === 41 || c === 93 || c === 125) {
        const ch = String.fromCharCode(c);
        if (this.level === 0) this.raiseAt(`unmatched '${ch}'`, start + 1);
        const open = this.brackets.pop()!;
        const expected = open.char === "(" ? ")" : open.char === "[" ? "]" : "}";
        if (expected !== ch) {
          const line = this.source.lineOf(start);
          this.raiseAt(
            open.line !== line
              ? `closing parenthesis '${ch}' does not match opening parenthesis '${open.char}' on line ${open.line}`
              : `closing parenthesis '${ch}' does not match opening parenthesis '${open.char}'`,
            start + 1,
          );
        }
      } else if (c < 128 && !isPrintable(c)) {
        this.raiseAt(`invalid non-printable character U+${hex4(c)}`, start + 1);
      }
    }
    this.pos = start + len;
    this.push(Tok.OP, start, start + len);
  }

  // ----------------------------------------------------------------- errors

  private fail(error: TokenizerError): never {
    throw new TokenizerFailure(error);
  }

  /** CPython's syntaxerror(): the column is the number of characters before the cursor `cur`. */
  private raiseAt(msg: string, cur: number): never {
    const line = this.source.lineOf(Math.max(0, Math.min(cur, this.text.length) - 1));
    const end = Math.min(cur, this.source.lineEnd(line));
    const col = this.source.charCol(end) + (cur - end);
    this.fail({
      kind: "SyntaxError",
      msg,
      lineno: line,
      offset: col,
      end_lineno: line,
      end_offset: col,
      text: this.source.lineText(line),
      raised: true,
      tokenIndex: this.tokens.length,
    });
  }

  /** TabError / "too many levels of indentation": reported at column 0 of the line. */
  private indentError(which: "tab" | "deep"): never {
    const line = this.source.lineOf(this.lineStartPos);
    this.fail({
      kind: which === "tab" ? "TabError" : "IndentationError",
      msg: which === "tab" ? "inconsistent use of tabs and spaces in indentation" : "too many levels of indentation",
      lineno: line,
      offset: 1,
      end_lineno: line,
      end_offset: 0,
      text: this.source.lineTextNl(line),
      raised: false,
      tokenIndex: this.tokens.length,
    });
  }

  /** The dedent lands between two outer levels: reported at the end of the line. */
  private dedentError(): never {
    const line = this.source.lineOf(this.lineStartPos);
    const lineText = this.source.lineTextNl(line);
    this.fail({
      kind: "IndentationError",
      msg: "unindent does not match any outer indentation level",
      lineno: line,
      offset: byteOffsetToCharOffset(lineText, this.source.byteCol(this.source.lineEnd(line)) + 1),
      end_lineno: line,
      end_offset: -1,
      text: lineText,
      raised: false,
      tokenIndex: this.tokens.length,
    });
  }

  /** A backslash not followed by a newline; `after` is the character after it. */
  private lineContError(after: number): never {
    const line = this.source.lineOf(after - 1);
    const lineText = this.source.lineTextNl(line);
    const byteCol = this.source.byteCol(Math.min(after, this.source.lineEnd(line)));
    this.fail({
      kind: "SyntaxError",
      msg: "unexpected character after line continuation character",
      lineno: line,
      offset: byteOffsetToCharOffset(lineText, byteCol + 1),
      end_lineno: line,
      end_offset: 0,
      text: lineText,
      raised: false,
      tokenIndex: this.tokens.length,
    });
  }

  private eofAfterBackslash(): never {
    const line = this.source.lineOf(this.text.length - 1);
    const lineText = this.source.lineTextNl(line);
    this.fail({
      kind: "SyntaxError",
      msg: "unexpected EOF while parsing",
      lineno: line,
      offset: byteOffsetToCharOffset(lineText, this.source.byteCol(this.source.lineEnd(line)) + 1),
      end_lineno: line,
      end_offset: -1,
      text: lineText,
      raised: false,
      tokenIndex: this.tokens.length,
    });
  }

  /** End of input inside brackets: the innermost open bracket "was never closed". */
  private eofInBrackets(): never {
    const open = this.brackets[this.brackets.length - 1];
    const lastLine = this.source.lineOf(Math.max(0, this.text.length - 1));
    // CPython shows the line with a newline only if it is the tokenizer's current line.
    const lineText = open.line === lastLine ? this.source.lineTextNl(open.line) : this.source.lineText(open.line);
    this.fail({
      kind: "SyntaxError",
      msg: `'${open.char}' was never closed`,
      lineno: open.line,
      offset: byteOffsetToCharOffset(lineText, open.col + 1),
      end_lineno: open.line,
      end_offset: 0,
      text: lineText,
      raised: false,
      tokenIndex: this.tokens.length,
      bracketLine: open.line,
    });
  }
}
