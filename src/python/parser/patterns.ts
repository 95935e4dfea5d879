// Grammar/python.gram, "Match statement" section (CPython 3.11): patterns.
//
// lezer's pattern grammar is too narrow for 3.11 (no `case C():`, no `case {}:`),
// so the shadow replaces a case clause's pattern and guard with a placeholder
// and this recursive-descent parser reads them from our tokens instead.

import type * as A from "../ast.js";
import type { Converter } from "./convert.js";
import { parseNumber } from "./numbers.js";
import { KEYWORDS } from "./shadow.js";
import { Tok, type Token, type TokenList } from "./tokenizer.js";
import type { ParseUnit } from "./unit.js";


export class PatternParser {
  pos: number;
  private readonly toks: TokenList;

  constructor(
    private readonly conv: Converter,
    private readonly unit: ParseUnit,
    from: number,
    private readonly end: number,
  ) {
    this.pos = from;
    this.toks = unit.tokens;
  }

  private peek(k = 0): Token | undefined {
    const i = this.pos + k;
    return i < this.end ? this.toks.get(i) : undefined;
  }

  private isOp(t: Token | undefined, op: string): boolean {
    return !!t && t.type === Tok.OP && t.text === op;
  }

  private expectOp(op: string): number {
    if (!this.isOp(this.peek(), op)) this.conv.failGenericAt(this.pos);
    return this.pos++;
  }

  private loc(startTok: number, endTok: number): A.Located {
    return this.unit.loc(this.toks.get(startTok).start, this.toks.get(endTok).end);
  }

  private mk<T extends A.Pattern>(p: T, startTok: number, endTok: number): T {
    return p;
  }

  /** patterns: open_sequence_pattern | pattern */
  patterns(): A.Pattern {
    const start = this.pos;
    const first = this.maybeStarPattern();
    if (this.isOp(this.peek(), ",")) {
      const items = [first];
      let lastTok = this.pos;
      while (this.isOp(this.peek(), ",")) {
        lastTok = this.pos;
        this.pos++;
        if (!this.startsPattern()) break;
        items.push(this.maybeStarPattern());
        lastTok = this.pos - 1;
      }
      return this.mk({ kind: "MatchSequence", patterns: items, ...this.loc(start, lastTok) }, start, lastTok);
    }
    if (first.kind === "MatchStar") this.conv.failGenericAt(this.pos);
    return first;
  }

  private startsPattern(): boolean {
    const t = this.peek();
    if (!t) return false;
    if (t.type === Tok.NAME) return t.text !== "if" && (!KEYWORDS.has(t.text) || ["None", "True", "False"].includes(t.text));
    if (t.type === Tok.NUMBER || t.type === Tok.STRING) return true;
    return t.type === Tok.OP && ["(", "[", "{", "-", "*"].includes(t.text);
  }

  private maybeStarPattern(): A.Pattern {
    if (this.isOp(this.peek(), "*")) {
      const start = this.pos++;
      const t = this.peek();
      if (!t || t.type !== Tok.NAME || KEYWORDS.has(t.text)) this.conv.failGenericAt(this.pos);
      this.pos++;
      const name = t!.text === "_" ? null : (t!.ident ?? t!.text);
      return this.mk({ kind: "MatchStar", name, ...this.loc(start, this.pos - 1) }, start, this.pos - 1);
    }
    return this.pattern();
  }

  /** pattern: or_pattern ['as' NAME] */
  private pattern(): A.Pattern {
    const start = this.pos;
    const p = this.orPattern();
    const t = this.peek();
    if (t && t.type === Tok.NAME && t.text === "as") {
      this.pos++;
      const n = this.peek();
      if (!n || n.type !== Tok.NAME || KEYWORDS.has(n.text)) {
        this.conv.failGenericAt(this.pos);
      }
      if (n!.text === "_") {
        this.conv.failRange("cannot use '_' as a target", n!.start, n!.end, this.pos);
      }
      this.pos++;
      return this.mk({ kind: "MatchAs", pattern: p, name: n!.ident ?? n!.text, ...this.loc(start, this.pos - 1) }, start, this.pos - 1);
    }
    return p;
  }

  private orPattern(): A.Pattern {
    const start = this.pos;
    const first = this.closedPattern();
    if (!this.isOp(this.peek(), "|")) return first;
    const items = [first];
    while (this.isOp(this.peek(), "|")) {
      this.pos++;
      items.push(this.closedPattern());
    }
    return this.mk({ kind: "MatchOr", patterns: items, ...this.loc(start, this.pos - 1) }, start, this.pos - 1);
  }

  private closedPattern(): A.Pattern {
    const t = this.peek();
    const start = this.pos;
    if (!t) this.conv.failGenericAt(this.pos);
    if (t!.type === Tok.NUMBER || this.isOp(t, "-")) {
      const value = this.signedNumberOrComplex();
      return this.mk({ kind: "MatchValue", value, ...this.loc(start, this.pos - 1) }, start, this.pos - 1);
    }
    if (t!.type === Tok.STRING) {
      let e = this.pos;
      while (e < this.end && this.toks.get(e).type === Tok.STRING) e++;
      const value = this.conv.stringsFromTokens(this.pos, e);
      if (value.kind === "JoinedStr") this.conv.failGenericAt(this.pos);
      this.pos = e;
      return this.mk({ kind: "MatchValue", value, ...this.loc(start, e - 1) }, start, e - 1);
    }
    if (t!.type === Tok.NAME) {
      if (t!.text === "None" || t!.text === "True" || t!.text === "False") {
        this.pos++;
        const value: A.ConstantValue = t!.text === "None" ? { type: "None" } : { type: "bool", value: t!.text === "True" };
        return this.mk({ kind: "MatchSingleton", value, ...this.loc(start, start) }, start, start);
      }
      if (KEYWORDS.has(t!.text)) this.conv.failGenericAt(this.pos);
      // name_or_attr, then class pattern / value pattern / capture.
      const nameExpr = this.nameOrAttr();
      if (this.isOp(this.peek(), "(")) return this.classPattern(start, nameExpr);
      if (nameExpr.kind === "Attribute") {
        return this.mk({ kind: "MatchValue", value: nameExpr, ...this.loc(start, this.pos - 1) }, start, this.pos - 1);
      }
      const id = (nameExpr as A.Name).id;
      if (id === "_") return this.mk({ kind: "MatchAs", pattern: null, name: null, ...this.loc(start, start) }, start, start);
      return this.mk({ kind: "MatchAs", pattern: null, name: id, ...this.loc(start, start) }, start, start);
    }
    if (this.isOp(t, "(")) {
      this.pos++;
      if (this.isOp(this.peek(), ")")) {
        this.pos++;
        return this.mk({ kind: "MatchSequence", patterns: [], ...this.loc(start, this.pos - 1) }, start, this.pos - 1);
      }
      const first = this.maybeStarPattern();
      if (this.isOp(this.peek(), ",")) {
        const items = [first];
        while (this.isOp(this.peek(), ",")) {
          this.pos++;
          if (this.isOp(this.peek(), ")")) break;
          items.push(this.maybeStarPattern());
        }
        this.expectOp(")");
        return this.mk({ kind: "MatchSequence", patterns: items, ...this.loc(start, this.pos - 1) }, start, this.pos - 1);
      }
      this.expectOp(")");
      if (first.kind === "MatchStar") this.conv.failGenericAt(this.pos - 1);
      // A group pattern keeps the inner pattern's own position.
      return first;
    }
    if (this.isOp(t, "[")) {
      this.pos++;
      const items: A.Pattern[] = [];
      while (!this.isOp(this.peek(), "]")) {
        items.push(this.maybeStarPattern());
        if (this.isOp(this.peek(), ",")) this.pos++;
        else break;
      }
      this.expectOp("]");
      return this.mk({ kind: "MatchSequence", patterns: items, ...this.loc(start, this.pos - 1) }, start, this.pos - 1);
    }
    if (this.isOp(t, "{")) return this.mappingPattern();
    this.conv.failGenericAt(this.pos);
  }

  private nameOrAttr(): A.Expr {
    const t = this.toks.get(this.pos);
    let e: A.Expr = { kind: "Name", id: t.ident ?? t.text, ctx: "Load", ...this.loc(this.pos, this.pos) };
    const start = this.pos;
    e;
    this.pos++;
    while (this.isOp(this.peek(), ".")) {
      this.pos++;
      const n = this.peek();
      if (!n || n.type !== Tok.NAME) this.conv.failGenericAt(this.pos);
      this.pos++;
      e = { kind: "Attribute", value: e, attr: n!.ident ?? n!.text, ctx: "Load", ...this.loc(start, this.pos - 1) };
      e;
    }
    return e;
  }

  private number(): A.Expr {
    const t = this.toks.get(this.pos);
    if (!t || t.type !== Tok.NUMBER || this.pos >= this.end) this.conv.failGenericAt(this.pos);
    this.pos++;
    return { kind: "Constant", value: parseNumber(t.text), const_kind: null, ...this.loc(this.pos - 1, this.pos - 1) } as A.Constant;
  }

  private signedNumberOrComplex(): A.Expr {
    const start = this.pos;
    let value: A.Expr;
    if (this.isOp(this.peek(), "-")) {
      this.pos++;
      const operand = this.number();
      value = { kind: "UnaryOp", op: "USub", operand, ...this.loc(start, this.pos - 1) };
      value;
    } else value = this.number();
    const t = this.peek();
    if (this.isOp(t, "+") || this.isOp(t, "-")) {
      this.pos++;
      const imag = this.number();
      if (imag.kind !== "Constant" || imag.value.type !== "complex") {
        this.conv.failRange("imaginary number required in complex literal", this.conv.spanOf(imag).start, this.conv.spanOf(imag).end, this.pos - 1);
      }
      const real = value.kind === "UnaryOp" ? value.operand : value;
      if (real.kind === "Constant" && real.value.type === "complex") {
        this.conv.failRange("real number required in complex literal", this.conv.spanOf(real).start, this.conv.spanOf(real).end, this.pos - 1);
      }
      value = { kind: "BinOp", left: value, op: t!.text === "+" ? "Add" : "Sub", right: imag, ...this.loc(start, this.pos - 1) };
      value;
    }
    return value;
  }

  private classPattern(start: number, cls: A.Expr): A.Pattern {
    this.expectOp("(");
    const patterns: A.Pattern[] = [];
    const kwdAttrs: string[] = [];
    const kwdPatterns: A.Pattern[] = [];
    while (!this.isOp(this.peek(), ")")) {
      const t = this.peek();
      if (t && t.type === Tok.NAME && this.isOp(this.peek(1), "=")) {
        this.pos += 2;
        kwdAttrs.push(t.ident ?? t.text);
        kwdPatterns.push(this.pattern());
      } else {
        const p = this.pattern();
        if (kwdAttrs.length) {
          this.conv.failRange(
            "positional patterns follow keyword patterns",
            this.conv.spanOf(p).start, this.conv.spanOf(p).end, this.pos,
          );
        }
        patterns.push(p);
      }
      if (this.isOp(this.peek(), ",")) this.pos++;
      else break;
    }
    this.expectOp(")");
    return this.mk(
      { kind: "MatchClass", cls, patterns, kwd_attrs: kwdAttrs, kwd_patterns: kwdPatterns, ...this.loc(start, this.pos - 1) },
      start, this.pos - 1,
    );
  }

  private mappingPattern(): A.Pattern {
    const start = this.pos;
    this.expectOp("{");
    const keys: A.Expr[] = [];
    const patterns: A.Pattern[] = [];
    let rest: string | null = null;
    while (!this.isOp(this.peek(), "}")) {
      if (this.isOp(this.peek(), "**")) {
        this.pos++;
        const n = this.peek();
        if (!n || n.type !== Tok.NAME || KEYWORDS.has(n.text) || n.text === "_") this.conv.failGenericAt(this.pos);
        rest = n!.ident ?? n!.text;
        this.pos++;
        if (this.isOp(this.peek(), ",")) this.pos++;
        break;
      }
      keys.push(this.mappingKey());
      this.expectOp(":");
      patterns.push(this.pattern());
      if (this.isOp(this.peek(), ",")) this.pos++;
      else break;
    }
    this.expectOp("}");
    return this.mk({ kind: "MatchMapping", keys, patterns, rest, ...this.loc(start, this.pos - 1) }, start, this.pos - 1);
  }

  private mappingKey(): A.Expr {
    const t = this.peek();
    const start = this.pos;
    if (!t) this.conv.failGenericAt(this.pos);
    if (t!.type === Tok.NUMBER || this.isOp(t, "-")) return this.signedNumberOrComplex();
    if (t!.type === Tok.STRING) {
      let e = this.pos;
      while (e < this.end && this.toks.get(e).type === Tok.STRING) e++;
      const v = this.conv.stringsFromTokens(this.pos, e);
      this.pos = e;
      return v;
    }
    if (t!.type === Tok.NAME) {
      if (t!.text === "None" || t!.text === "True" || t!.text === "False") {
        this.pos++;
        const value: A.ConstantValue = t!.text === "None" ? { type: "None" } : { type: "bool", value: t!.text === "True" };
        return { kind: "Constant", value, const_kind: null, ...this.loc(start, start) } as A.Constant;
      }
      const e = this.nameOrAttr();
      if (e.kind !== "Attribute") this.conv.failGenericAt(this.pos);
      return e;
    }
    this.conv.failGenericAt(this.pos);
  }
}
