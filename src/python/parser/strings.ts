// Parser/string_parser.c (CPython 3.11): string literals, escapes, implicit
// concatenation and f-strings.
//
// 3.11 still treats an f-string as one STRING token whose `{...}` parts are
// found by scanning the raw text and then parsed as separate little programs
// "(expr)"; the quirks that follow from that (no backslashes or `#` inside the
// braces, a quote ends the literal even inside braces, and every Constant and
// FormattedValue taking the position of the whole concatenated literal) are
// reproduced because the compiler and tracebacks see them.

import type { Constant, Expr, FormattedValue, JoinedStr, Located } from "../ast.js";
import type { Token } from "./tokenizer.js";
import { lookupUnicodeName } from "./unicode_names.js";

export interface StringPrefix {
  bytes: boolean;
  raw: boolean;
  fmode: boolean;
  /** Offsets of the body (between the quotes) within the token text. */
  bodyStart: number;
  bodyEnd: number;
}

export function analyzeStringToken(text: string): StringPrefix {
  let i = 0;
  let bytes = false;
  let raw = false;
  let fmode = false;
  for (;;) {
    const c = text.charCodeAt(i) | 0x20;
    if (c === 98) bytes = true;
    else if (c === 114) raw = true;
    else if (c === 102) fmode = true;
    else if (c !== 117) break;
    i++;
  }
  const quote = text[i];
  const triple = text.length - i >= 6 && text[i + 1] === quote && text[i + 2] === quote;
  const q = triple ? 3 : 1;
  return { bytes, raw, fmode, bodyStart: i + q, bodyEnd: text.length - q };
}

/** A failure while decoding; `message` is the full SyntaxError text. */
export class StringDecodeError extends Error {
  constructor(readonly pyMessage: string) {
    super(pyMessage);
  }
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function unicodeEscapeError(start: number, end: number, message: string): StringDecodeError {
  return new StringDecodeError(
    `(unicode error) 'unicodeescape' codec can't decode bytes in position ${start}-${end - 1}: ${message}`,
  );
}

/**
 * Decode backslash escapes in a str literal body. Error positions are byte
 * positions in the buffer CPython actually decodes, where every non-ASCII
 * character has been rewritten as a 10-byte `\UXXXXXXXX` escape (and a
 * backslash before one as `\u005c`), so they are tracked the same way.
 */
export function decodeUnicodeEscapes(s: string): string {
  if (s.indexOf("\\") < 0) return s;
  let out = "";
  let bufPos = 0; // position in CPython's rewritten buffer
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c !== 92) {
      // Copy a run of plain characters.
      let j = i;
      while (j < n && s.charCodeAt(j) !== 92) {
        const cc = s.codePointAt(j)!;
        bufPos += cc < 0x80 ? 1 : 10;
        j += cc > 0xffff ? 2 : 1;
      }
      out += s.slice(i, j);
      i = j;
      continue;
    }
    const startPos = bufPos;
    i++;
    bufPos++;
    if (i >= n) {
      // A trailing backslash; CPython turns it into a literal backslash.
      out += "\\";
      bufPos += 5;
      break;
    }
    const e = s.charCodeAt(i);
    if (e >= 0x80) {
      // Backslash before a non-ASCII character stays a backslash.
      out += "\\";
      bufPos += 5;
      continue;
    }
    i++;
    bufPos++;
    switch (e) {
      case 10:
        break;
      case 92:
        out += "\\";
        break;
      case 39:
        out += "'";
        break;
      case 34:
        out += '"';
        break;
      case 98:
        out += "\b";
        break;
      case 102:
        out += "\f";
        break;
      case 116:
        out += "\t";
        break;
      case 110:
        out += "\n";
        break;
      case 114:
        out += "\r";
        break;
      case 118:
        out += "\v";
        break;
      case 97:
        out += "\x07";
        break;
      case 48: case 49: case 50: case 51: case 52: case 53: case 54: case 55: {
        let v = e - 48;
        for (let k = 0; k < 2 && i < n; k++) {
          const d = s.charCodeAt(i);
          if (d < 48 || d > 55) break;
          v = v * 8 + (d - 48);
          i++;
          bufPos++;
        }
        out += String.fromCharCode(v);
        break;
      }
      case 120:
      case 117:
      case 85: {
        const count = e === 120 ? 2 : e === 117 ? 4 : 8;
        const message = e === 120 ? "truncated \\xXX escape" : e === 117 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
        let v = 0;
        for (let k = 0; k < count; k++) {
          const h = i < n ? hexValue(s.charCodeAt(i)) : -1;
          if (h < 0) throw unicodeEscapeError(startPos, bufPos, message);
          v = v * 16 + h;
          i++;
          bufPos++;
        }
        if (v > 0x10ffff) throw unicodeEscapeError(startPos, bufPos, "illegal Unicode character");
        out += String.fromCodePoint(v);
        break;
      }
      case 78: {
        let message = "malformed \\N character escape";
        if (i < n && s.charCodeAt(i) === 123) {
          i++;
          bufPos++;
          const nameStart = i;
          let bufName = bufPos;
          while (i < n && s.charCodeAt(i) !== 125) {
            const cc = s.codePointAt(i)!;
            bufName += cc < 0x80 ? 1 : 10;
            i += cc > 0xffff ? 2 : 1;
          }
          if (i < n && i > nameStart) {
            const name = s.slice(nameStart, i);
            i++;
            bufPos = bufName + 1;
            const cp = lookupUnicodeName(name);
            if (cp !== null) {
              out += String.fromCodePoint(cp);
              break;
            }
            message = "unknown Unicode character name";
          } else {
            bufPos = bufName;
          }
        }
        throw unicodeEscapeError(startPos, bufPos, message);
      }
      default:
        // Unknown escapes are kept as they are (CPython only warns).
        out += "\\" + String.fromCharCode(e);
        break;
    }
  }
  return out;
}

/** Decode a bytes literal body (ASCII only, checked by the caller). */
export function decodeBytesEscapes(s: string, raw: boolean): Uint8Array {
  const out: number[] = [];
  const n = s.length;
  for (let i = 0; i < n; ) {
    const c = s.charCodeAt(i);
    if (raw || c !== 92) {
      out.push(c);
      i++;
      continue;
    }
    const start = i;
    i++;
    if (i >= n) {
      out.push(92);
      break;
    }
    const e = s.charCodeAt(i++);
    switch (e) {
      case 10:
        break;
      case 92: out.push(92); break;
      case 39: out.push(39); break;
      case 34: out.push(34); break;
      case 98: out.push(8); break;
      case 102: out.push(12); break;
      case 116: out.push(9); break;
      case 110: out.push(10); break;
      case 114: out.push(13); break;
      case 118: out.push(11); break;
      case 97: out.push(7); break;
      case 48: case 49: case 50: case 51: case 52: case 53: case 54: case 55: {
        let v = e - 48;
        for (let k = 0; k < 2 && i < n; k++) {
          const d = s.charCodeAt(i);
          if (d < 48 || d > 55) break;
          v = v * 8 + (d - 48);
          i++;
        }
        out.push(v & 0xff);
        break;
      }
      case 120: {
        const h1 = i < n ? hexValue(s.charCodeAt(i)) : -1;
        const h2 = i + 1 < n ? hexValue(s.charCodeAt(i + 1)) : -1;
        if (h1 < 0 || h2 < 0) throw new StringDecodeError(`(value error) invalid \\x escape at position ${start}`);
        out.push(h1 * 16 + h2);
        i += 2;
        break;
      }
      default:
        out.push(92, e);
        break;
    }
  }
  return Uint8Array.from(out);
}

// ---------------------------------------------------------------------------
// Concatenation and f-strings

/** What the string builder needs from the parser. */
export interface StringContext {
  /** Parse the f-string expression source[start, end) the way CPython parses "(expr)". */
  parseExpr(start: number, end: number): Expr;
  /** Position of the span from token `first` to token `last`. */
  span(first: Token, last: Token): Located;
  /** Raise a SyntaxError at the parser's current error location (the token after the literal). */
  fail(msg: string): never;
  /** Raise a SyntaxError covering token `t`. */
  failAtToken(msg: string, t: Token): never;
}

/** Accumulates literal text and values, like CPython's FstringParser. */
class FStringState {
  lastStr: string | null = null;
  readonly values: Expr[] = [];
  fmode = false;

  addLiteral(s: string): void {
    if (s.length === 0) return;
    this.lastStr = this.lastStr === null ? s : this.lastStr + s;
  }

  flushLiteral(loc: Located, uKind: boolean): void {
    if (this.lastStr !== null) {
      this.values.push(makeStr(this.lastStr, loc, uKind));
      this.lastStr = null;
    }
  }
}

function makeStr(value: string, loc: Located, uKind: boolean): Constant {
  return {
    kind: "Constant",
    value: { type: "str", value },
    const_kind: uKind ? "u" : null,
    lineno: loc.lineno,
    col_offset: loc.col_offset,
    end_lineno: loc.end_lineno,
    end_col_offset: loc.end_col_offset,
  };
}

/** Build the node for a run of adjacent STRING tokens. */
export function concatenateStrings(tokens: Token[], ctx: StringContext): Expr {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  const whole = ctx.span(first, last);
  // Only a lower-case u on the first literal marks the constant (CPython checks one byte).
  const uKind = first.text.charCodeAt(0) === 117;
  let bytesMode = false;
  const state = new FStringState();
  const byteParts: Uint8Array[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const info = analyzeStringToken(t.text);
    if (i !== 0 && info.bytes !== bytesMode) ctx.fail("cannot mix bytes and nonbytes literals");
    bytesMode = info.bytes;
    const body = t.text.slice(info.bodyStart, info.bodyEnd);
    if (info.fmode) {
      concatFString(t, info, info.bodyStart, info.bodyEnd, 0, state, ctx, first, last, uKind);
      continue;
    }
    try {
      if (info.bytes) {
        for (let k = 0; k < body.length; k++) {
          if (body.charCodeAt(k) >= 0x80) ctx.failAtToken("bytes can only contain ASCII literal characters", t);
        }
        byteParts.push(decodeBytesEscapes(body, info.raw));
      } else {
        state.addLiteral(info.raw ? body : decodeUnicodeEscapes(body));
      }
    } catch (e) {
      if (e instanceof StringDecodeError) ctx.fail(e.pyMessage);
      throw e;
    }
  }
  if (bytesMode) {
    let len = 0;
    for (const p of byteParts) len += p.length;
    const all = new Uint8Array(len);
    let o = 0;
    for (const p of byteParts) {
      all.set(p, o);
      o += p.length;
    }
    return { kind: "Constant", value: { type: "bytes", value: all }, const_kind: null, ...whole };
  }
  if (!state.fmode) return makeStr(state.lastStr ?? "", whole, uKind);
  state.flushLiteral(whole, uKind);
  return { kind: "JoinedStr", values: state.values, ...whole };
}

/**
 * Scan the f-string body of token `t` (text offsets [pos, end)) at nesting
 * `level` (0 = top, 1 = inside a format spec), appending to `state`.
 * Returns the text offset where scanning stopped.
 */
function concatFString(
  t: Token,
  info: StringPrefix,
  pos: number,
  end: number,
  level: number,
  state: FStringState,
  ctx: StringContext,
  first: Token,
  last: Token,
  uKind: boolean,
): number {
  const s = t.text;
  state.fmode = true;
  const raw = info.raw;
  for (;;) {
    // --- Literal part (fstring_find_literal).
    const litStart = pos;
    let doubled = false;
    let stop = pos;
    while (pos < end) {
      let ch = s.charCodeAt(pos++);
      if (!raw && ch === 92 && pos < end) {
        ch = s.charCodeAt(pos++);
        if (ch === 78) {
          if (pos < end && s.charCodeAt(pos++) === 123) {
            while (pos < end && s.charCodeAt(pos++) !== 125) {
              // skip the character name
            }
            continue;
          }
          break;
        }
      }
      if (ch === 123 || ch === 125) {
        if (level === 0) {
          if (pos < end && s.charCodeAt(pos) === ch) {
            doubled = true;
            break;
          }
          if (ch === 125) ctx.fail("f-string: single '}' is not allowed");
        }
        pos--;
        break;
      }
    }
    stop = pos;
    if (stop > litStart) {
      const lit = s.slice(litStart, stop);
      try {
        state.addLiteral(raw ? lit : decodeUnicodeEscapes(lit));
      } catch (e) {
        if (e instanceof StringDecodeError) ctx.fail(e.pyMessage);
        throw e;
      }
    }
    if (doubled) {
      pos = stop + 1;
      continue;
    }
    if (pos >= end || s.charCodeAt(pos) === 125) break;

    // --- Expression part (fstring_find_expr); s[pos] is "{".
    if (level >= 2) ctx.fail("f-string: expressions nested too deeply");
    pos++;
    const exprStart = pos;
    let quote = 0;
    let stringType = 0;
    const parens: number[] = [];
    for (; pos < end; pos++) {
      const ch = s.charCodeAt(pos);
      if (ch === 92) ctx.fail("f-string expression part cannot include a backslash");
      if (quote) {
        if (ch === quote) {
          if (stringType === 3) {
            if (pos + 2 < end && s.charCodeAt(pos + 1) === ch && s.charCodeAt(pos + 2) === ch) {
              pos += 2;
              stringType = 0;
              quote = 0;
            }
          } else {
            stringType = 0;
            quote = 0;
          }
        }
        continue;
      }
      if (ch === 39 || ch === 34) {
        if (pos + 2 < end && s.charCodeAt(pos + 1) === ch && s.charCodeAt(pos + 2) === ch) {
          stringType = 3;
          pos += 2;
        } else stringType = 1;
        quote = ch;
      } else if (ch === 91 || ch === 123 || ch === 40) {
        if (parens.length >= 200) ctx.fail("f-string: too many nested parenthesis");
        parens.push(ch);
      } else if (ch === 35) {
        ctx.fail("f-string expression part cannot include '#'");
      } else if (parens.length === 0 && (ch === 33 || ch === 58 || ch === 125 || ch === 61 || ch === 62 || ch === 60)) {
        if (pos + 1 < end) {
          const next = s.charCodeAt(pos + 1);
          if ((ch === 33 || ch === 61 || ch === 60 || ch === 62) && next === 61) {
            pos++;
            continue;
          }
        }
        if (ch === 62 || ch === 60) continue;
        break;
      } else if (ch === 93 || ch === 125 || ch === 41) {
        if (parens.length === 0) ctx.fail(`f-string: unmatched '${String.fromCharCode(ch)}'`);
        const open = parens.pop()!;
        if (!((open === 40 && ch === 41) || (open === 91 && ch === 93) || (open === 123 && ch === 125))) {
          ctx.fail(
            `f-string: closing parenthesis '${String.fromCharCode(ch)}' does not match opening parenthesis '${String.fromCharCode(open)}'`,
          );
        }
      }
    }
    const exprEnd = pos;
    if (quote) ctx.fail("f-string: unterminated string");
    if (parens.length) ctx.fail(`f-string: unmatched '${String.fromCharCode(parens[parens.length - 1])}'`);
    if (pos >= end) ctx.fail("f-string: expecting '}'");

    let allSpace = true;
    for (let k = exprStart; k < exprEnd; k++) {
      const c = s.charCodeAt(k);
      if (!(c === 32 || c === 9 || c === 10 || c === 12)) {
        allSpace = false;
        break;
      }
    }
    if (allSpace) ctx.fail("f-string: empty expression not allowed");
    const value = ctx.parseExpr(t.start + exprStart, t.start + exprEnd);

    let debugText: string | null = null;
    if (s.charCodeAt(pos) === 61) {
      pos++;
      while (pos < end && isAsciiSpace(s.charCodeAt(pos))) pos++;
      if (pos >= end) ctx.fail("f-string: expecting '}'");
      debugText = s.slice(exprStart, pos);
    }
    let conversion = -1;
    if (s.charCodeAt(pos) === 33) {
      pos++;
      if (pos >= end) ctx.fail("f-string: expecting '}'");
      conversion = s.charCodeAt(pos);
      pos++;
      if (!(conversion === 115 || conversion === 114 || conversion === 97)) {
        ctx.fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
    }
    let formatSpec: JoinedStr | null = null;
    if (pos < end && s.charCodeAt(pos) === 58) {
      pos++;
      if (pos >= end) ctx.fail("f-string: expecting '}'");
      const spec = new FStringState();
      pos = concatFString(t, info, pos, end, level + 1, spec, ctx, first, last, uKind);
      if (pos >= end || s.charCodeAt(pos) !== 125) ctx.fail("f-string: expecting '}'");
      // The spec's own trailing text and the spec node take the position of
      // the current token only (CPython finishes it with (t, t)).
      const tOnly = ctx.span(t, t);
      spec.flushLiteral(tOnly, uKind);
      formatSpec = { kind: "JoinedStr", values: spec.values, ...tOnly };
    }
    if (pos >= end || s.charCodeAt(pos) !== 125) ctx.fail("f-string: expecting '}'");
    pos++;
    if (debugText !== null && formatSpec === null && conversion === -1) conversion = 114;

    if (debugText !== null) state.addLiteral(debugText);
    const whole = ctx.span(first, last);
    state.flushLiteral(whole, uKind);
    const fv: FormattedValue = { kind: "FormattedValue", value, conversion, format_spec: formatSpec, ...whole };
    state.values.push(fv);
  }
  if (level === 0 && pos < end - 1) ctx.fail("f-string: unexpected end of string");
  if (level !== 0 && (pos >= end || s.charCodeAt(pos) !== 125)) ctx.fail("f-string: expecting '}'");
  return pos;
}

function isAsciiSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}
