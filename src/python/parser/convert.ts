// Grammar/python.gram and Parser/action_helpers.c (CPython 3.11): building the
// AST from lezer's concrete syntax tree.
//
// The lezer tree comes from the shadow text (see shadow.ts), so every node's
// offsets are source offsets and leaves line up with our own tokens; names,
// numbers and strings are always read from those tokens, never from the
// shadow. lezer's grammar is looser than CPython's in places, so this module
// also performs the checks CPython's grammar makes structurally (assignment
// targets, parameter and argument order, ...), raising the messages CPython's
// `invalid_*` rules would.

import { parser as lezerParser } from "@lezer/python";
import type { SyntaxNode, Tree } from "@lezer/common";
import type * as A from "../ast.js";
import { Fail, ParseUnit, genericFail } from "./unit.js";
import { Tok, type Token, type TokenList, tokenize, type TokenizerError } from "./tokenizer.js";
import { SourceText } from "./source.js";
import {
  KEYWORDS, buildRangeShadow, canStartExpr, findTopLevel, splitTopLevel, type Region, type Shadow,
} from "./shadow.js";
import { concatenateStrings, type StringContext } from "./strings.js";
import { parseNumber } from "./numbers.js";
import { PatternParser } from "./patterns.js";

/** Thrown when conversion reaches a lezer error node at `pos` (unit offset). */
export class LezerError {
  constructor(readonly pos: number) {}
}

const strictParser = lezerParser.configure({ strict: true });

/** Parse `text` with lezer, recovering from errors (the tree may contain error nodes). */
export function lezerParse(text: string): Tree {
  return lezerParser.parse(text);
}

/** Offset where a strict parse of `text` fails, or -1. */
export function lezerFailure(text: string): number {
  try {
    strictParser.parse(text);
    return -1;
  } catch (e) {
    const m = /No parse at (\d+)/.exec(String((e as Error).message));
    return m ? Number(m[1]) : 0;
  }
}

/** First error node in `tree` (document order), or -1. */
export function firstErrorPos(tree: Tree): number {
  let pos = -1;
  tree.iterate({
    enter(n) {
      if (pos >= 0) return false;
      if (n.type.isError) {
        pos = n.from;
        return false;
      }
      return undefined;
    },
  });
  return pos;
}

const AUG_OPS: Record<string, A.Operator> = {
  "+=": "Add", "-=": "Sub", "*=": "Mult", "@=": "MatMult", "/=": "Div", "%=": "Mod", "&=": "BitAnd",
  "|=": "BitOr", "^=": "BitXor", "<<=": "LShift", ">>=": "RShift", "**=": "Pow", "//=": "FloorDiv",
};
const BIN_OPS: Record<string, A.Operator> = {
  "+": "Add", "-": "Sub", "*": "Mult", "@": "MatMult", "/": "Div", "%": "Mod", "&": "BitAnd",
  "|": "BitOr", "^": "BitXor", "<<": "LShift", ">>": "RShift", "**": "Pow", "//": "FloorDiv",
};
const CMP_OPS: Record<string, A.CmpOp> = {
  "==": "Eq", "!=": "NotEq", "<": "Lt", "<=": "LtE", ">": "Gt", ">=": "GtE", in: "In", is: "Is",
};

/** Name CPython's errors use for an expression kind (_PyPegen_get_expr_name). */
export function exprName(e: A.Expr): string {
  switch (e.kind) {
    case "Attribute": return "attribute";
    case "Subscript": return "subscript";
    case "Starred": return "starred";
    case "Name": return "name";
    case "List": return "list";
    case "Tuple": return "tuple";
    case "Lambda": return "lambda";
    case "Call": return "function call";
    case "BoolOp": case "BinOp": case "UnaryOp": return "expression";
    case "GeneratorExp": return "generator expression";
    case "Yield": case "YieldFrom": return "yield expression";
    case "Await": return "await expression";
    case "ListComp": return "list comprehension";
    case "SetComp": return "set comprehension";
    case "DictComp": return "dict comprehension";
    case "Dict": return "dict literal";
    case "Set": return "set display";
    case "JoinedStr": case "FormattedValue": return "f-string expression";
    case "Constant": {
      const v = e.value;
      if (v.type === "None") return "None";
      if (v.type === "bool") return v.value ? "True" : "False";
      if (v.type === "Ellipsis") return "ellipsis";
      return "literal";
    }
    case "Compare": return "comparison";
    case "IfExp": return "conditional expression";
    case "NamedExpr": return "named expression";
    default: return "expression";
  }
}

export type TargetsType = "star" | "del" | "for";

interface ParamItem {
  kind: "name" | "star" | "dstar" | "slash";
  tok: number;
  arg?: A.Arg;
  /** Token index of the `=` of a default. */
  eqTok?: number;
  def?: A.Expr;
}

/** Items of a not/and/or/comparison chain, flattened for re-parsing. */
type ChainItem = { op: null; node: SyntaxNode } | { op: string; tok: number; prefix?: boolean };

export class Converter {
  /** Expressions written in parentheses (a "group"), which some checks must know. */
  private parenthesized = new WeakSet<A.Expr>();
  /** The token index right after the last token of each expression (for CPython's "last token"). */
  private readonly unit: ParseUnit;
  private readonly shadow: Shadow;
  /** lezer offset + lzBase = unit offset. */
  private readonly lzBase: number;

  /** Unit offset of the first error node in the tree being converted, or -1. */
  private errorPos = -1;
  /** Number of placeholder regions, to skip the map lookup for every name when there are none. */
  private readonly regionCount: number;

  constructor(unit: ParseUnit, shadow: Shadow, lzBase: number, tree?: Tree) {
    this.unit = unit;
    this.shadow = shadow;
    this.lzBase = lzBase;
    this.regionCount = shadow.regions.size;
    if (tree) {
      const p = firstErrorPos(tree);
      if (p >= 0) this.errorPos = p + lzBase;
    }
  }

  // ------------------------------------------------------------ utilities

  private off(pos: number): number {
    return pos + this.lzBase;
  }

  private tokIndex(n: SyntaxNode): number {
    const i = this.unit.tokenAt(this.off(n.from));
    if (i < 0) throw new LezerError(this.off(n.from));
    return i;
  }

  private tok(n: SyntaxNode): Token {
    return this.unit.tokens.get(this.tokIndex(n));
  }

  private kids(n: SyntaxNode): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.type.isError) throw new LezerError(this.off(c.from));
      out.push(c);
    }
    return out;
  }

  private loc(start: number, end: number): A.Located {
    return this.unit.loc(start, end);
  }

  private nodeLoc(n: SyntaxNode): A.Located {
    return this.unit.loc(this.off(n.from), this.off(n.to));
  }

  private tokLoc(first: number, last: number): A.Located {
    const t = this.unit.tokens;
    return this.unit.loc(t.start(first), t.end(last));
  }

  /** Unit offsets of a node's own span, recovered from its position (only needed on error paths). */
  private span(node: object): { start: number; end: number } {
    const n = node as A.Located;
    const o = this.unit.orig;
    return {
      start: o.offsetOf(n.lineno, n.col_offset) - this.unit.posBase,
      end: o.offsetOf(n.end_lineno, n.end_col_offset) - this.unit.posBase,
    };
  }

  /** Span including enclosing parentheses, which is what an enclosing node extends to. */
  private outerOf = new WeakMap<object, { start: number; end: number }>();

  private ospan(node: object): { start: number; end: number } {
    return this.outerOf.get(node) ?? this.span(node);
  }

  private failGeneric(tok: number): never {
    throw genericFail(this.unit.tokens, tok);
  }

  /** First token at or after unit offset `off` that is not NEWLINE/INDENT/DEDENT (what a lookahead sees). */
  private nextRealToken(off: number): number {
    const toks = this.unit.tokens;
    let i = this.unit.tokenAtOrAfter(off);
    while (i < toks.length - 1 && (toks.type(i) === Tok.NEWLINE || toks.type(i) === Tok.INDENT || toks.type(i) === Tok.DEDENT)) i++;
    return i;
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_LOCATION / _RANGE on AST nodes. */
  private failAt(msg: string, a: object, b: object = a): never {
    const s = this.span(a).start;
    const e = this.span(b).end;
    throw new Fail("SyntaxError", msg, { kind: "range", start: s, end: e }, this.unit.tokenAtOrAfter(s));
  }

  private failTokRange(msg: string, first: number, last: number = first): never {
    const t = this.unit.tokens;
    const end = t.type(last) === Tok.NEWLINE ? t.end(last) - 1 : t.end(last);
    throw new Fail("SyntaxError", msg, { kind: "range", start: t.start(first), end }, last);
  }

  /** RAISE_SYNTAX_ERROR: located at the last token the parser fetched. */
  private failLast(msg: string, tok: number): never {
    throw new Fail("SyntaxError", msg, { kind: "last", tok }, tok);
  }

  // ------------------------------------------------------------ module

  module(top: SyntaxNode): A.Module {
    const body: A.Stmt[] = [];
    for (const c of this.kids(top)) this.statementInto(c, body);
    const orphan = this.orphanDecorators();
    if (orphan !== null) {
      // The decorator expressions are parsed before the parser finds nothing to decorate.
      for (const d of this.shadow.decorators.get(orphan) ?? []) this.decorator(d.at, d.from, d.to);
      this.failGeneric(orphan);
    }
    return { kind: "Module", body, type_ignores: [] };
  }

  private usedDecorators = new Set<number>();

  /** Decorators not followed by a statement at their level: the token after them. */
  private orphanDecorators(): number | null {
    let min: number | null = null;
    for (const [idx] of this.shadow.decorators) {
      if (!this.usedDecorators.has(idx) && (min === null || idx < min)) min = idx;
    }
    return min === null ? null : Math.min(min, this.unit.tokens.length - 1);
  }

  private statementInto(n: SyntaxNode, out: A.Stmt[]): void {
    if (n.type.isError) throw new LezerError(this.off(n.from));
    if (n.name === "StatementGroup") {
      for (const c of this.kids(n)) if (c.name !== ";") this.statementInto(c, out);
      return;
    }
    if (n.name === ";" || n.name === ":") return;
    const first = this.tokIndex(n);
    if (first > 0 && this.unit.tokens.type(first - 1) === Tok.INDENT && !this.unit.tokens.is(first - 3, ":")) {
      throw genericFail(this.unit.tokens, first - 1);
    }
    const decos = this.shadow.decorators.get(this.tokIndex(n));
    if (decos) {
      this.usedDecorators.add(first);
      const toks = this.unit.tokens;
      if (!(toks.is(first, "def") || toks.is(first, "class") || (toks.is(first, "async") && toks.is(first + 1, "def")))) {
        this.failGeneric(first);
      }
    }
    const s = this.statement(n);
    // An error node lezer tucked inside a token node is not seen while
    // converting; it still makes the statement invalid.
    if (this.errorPos >= 0 && this.errorPos < this.off(n.to)) throw new LezerError(this.errorPos);
    if (decos) {
      if (s.kind !== "FunctionDef" && s.kind !== "AsyncFunctionDef" && s.kind !== "ClassDef") {
        this.failGeneric(this.tokIndex(n));
      }
      s.decorator_list = decos.map((d) => this.decorator(d.at, d.from, d.to));
    }
    out.push(s);
  }

  private decorator(at: number, from: number, to: number): A.Expr {
    if (from >= to) this.failGeneric(from);
    return this.namedExpressionRange(from, to);
  }

  private body(n: SyntaxNode): A.Stmt[] {
    const out: A.Stmt[] = [];
    for (const c of this.kids(n)) {
      if (c.name === ":") continue;
      this.statementInto(c, out);
    }
    return out;
  }

  /**
   * Position of a compound statement from `startNode` to the end of the block
   * `lastBody`: CPython ends it at the block's last token that is not
   * NEWLINE/INDENT/DEDENT, which may be a trailing semicolon.
   */
  private blockLoc(startNode: SyntaxNode, lastBody: SyntaxNode): A.Located {
    const toks = this.unit.tokens;
    let i = this.unit.tokenAtOrAfter(this.off(lastBody.to)) - 1;
    while (i > 0 && (toks.get(i).type === Tok.NEWLINE || toks.get(i).noCol)) i--;
    return this.loc(this.off(startNode.from), toks.get(i).end);
  }

  // ------------------------------------------------------------ statements

  private statement(n: SyntaxNode): A.Stmt {
    switch (n.name) {
      case "ExpressionStatement": return this.exprStatement(n);
      case "AssignStatement": return this.assignStatement(n);
      case "UpdateStatement": return this.augAssign(n);
      case "PassStatement": return { kind: "Pass", ...this.nodeLoc(n) };
      case "BreakStatement": return { kind: "Break", ...this.nodeLoc(n) };
      case "ContinueStatement": return { kind: "Continue", ...this.nodeLoc(n) };
      case "ReturnStatement": return this.returnStatement(n);
      case "YieldStatement": {
        const kids = this.kids(n);
        const value = this.yieldExpr(n, kids);
        return { kind: "Expr", value, ...this.nodeLoc(n) };
      }
      case "DeleteStatement": return this.deleteStatement(n);
      case "RaiseStatement": return this.raiseStatement(n);
      case "ImportStatement": return this.importStatement(n);
      case "ScopeStatement": return this.scopeStatement(n);
      case "AssertStatement": return this.assertStatement(n);
      case "IfStatement": return this.ifStatement(n);
      case "WhileStatement": return this.whileStatement(n);
      case "ForStatement": return this.forStatement(n);
      case "TryStatement": return this.tryStatement(n);
      case "WithStatement": return this.withStatement(n);
      case "FunctionDefinition": return this.functionDef(n);
      case "ClassDefinition": return this.classDef(n);
      default:
        this.failGeneric(this.unit.tokenAtOrAfter(this.off(n.from)));
    }
  }

  /** Split a comma-separated child list; returns groups of nodes and the comma nodes. */
  private splitCommas(nodes: SyntaxNode[]): { groups: SyntaxNode[][]; trailingComma: SyntaxNode | null } {
    const groups: SyntaxNode[][] = [];
    let cur: SyntaxNode[] = [];
    let trailing: SyntaxNode | null = null;
    for (const c of nodes) {
      if (c.name === ",") {
        groups.push(cur);
        cur = [];
        trailing = c;
      } else {
        cur.push(c);
        trailing = null;
      }
    }
    if (cur.length) groups.push(cur);
    return { groups, trailingComma: trailing };
  }

  /**
   * Convert an `expressions`-style list (`a, *b, c,`) of lezer nodes into one
   * expression: the single element, or a Tuple spanning all elements
   * (including a trailing comma, as CPython's EXTRA does).
   */
  private exprList(nodes: SyntaxNode[], allowStar: boolean): A.Expr {
    const { groups, trailingComma } = this.splitCommas(nodes);
    const elts = groups.map((g) => this.starOrExpr(g, allowStar));
    if (elts.length === 1 && !trailingComma) return elts[0];
    const start = this.off(nodes[0].from);
    const end = this.off(nodes[nodes.length - 1].to);
    const t: A.Tuple = { kind: "Tuple", elts, ctx: "Load", ...this.loc(start, end) };
    this.bareTuples.add(t);
    return t;
  }

  /** One element: `expr` or `* expr`. */
  private starOrExpr(g: SyntaxNode[], allowStar: boolean): A.Expr {
    if (g.length === 2 && g[0].name === "*") {
      const value = this.expr(g[1]);
      if (!allowStar) this.failGeneric(this.tokIndex(g[0]));
      const start = this.off(g[0].from);
      const end = this.off(g[1].to);
      return { kind: "Starred", value, ctx: "Load", ...this.loc(start, end) } as A.Starred;
    }
    if (g.length !== 1) this.failGeneric(this.unit.tokenAtOrAfter(this.off(g[g.length > 1 ? 1 : 0].from)));
    return this.expr(g[0]);
  }

  private exprStatement(n: SyntaxNode): A.Stmt {
    const kids = this.kids(n);
    const value = this.exprList(kids, true);
    this.checkBareYield(value, true);
    return { kind: "Expr", value, ...this.nodeLoc(n) };
  }

  /** Bare `yield` reaches us as a name; it is only valid where a yield_expr is. */
  private bareYields = new WeakSet<A.Expr>();

  private checkBareYield(e: A.Expr, allowedHere: boolean): void {
    if (!allowedHere && this.bareYields.has(e) && !this.parenthesized.has(e)) this.failGeneric(this.unit.tokenAt(this.span(e).start));
    if (e.kind === "Tuple" && !this.parenthesized.has(e)) for (const x of e.elts) this.checkBareYield(x, false);
  }

  private assignStatement(n: SyntaxNode): A.Stmt {
    const kids = this.kids(n);
    // Groups separated by "=" (AssignOp) nodes; an annotation is a TypeDef.
    const parts: SyntaxNode[][] = [[]];
    const eqs: SyntaxNode[] = [];
    let annotation: SyntaxNode | null = null;
    for (const c of kids) {
      if (c.name === "AssignOp") {
        parts.push([]);
        eqs.push(c);
      } else if (c.name === "TypeDef") {
        annotation = c;
      } else parts[parts.length - 1].push(c);
    }
    if (annotation) return this.annAssign(n, parts, eqs, annotation);
    const valueNodes = parts[parts.length - 1];
    const targetLists = parts.slice(0, -1);
    const targets: A.Expr[] = [];
    for (let i = 0; i < targetLists.length; i++) {
      const t = this.exprList(targetLists[i], true);
      targets.push(t);
    }
    const value =
      valueNodes.length === 1 && valueNodes[0].name === "YieldExpression"
        ? this.expr(valueNodes[0])
        : this.exprList(valueNodes, true);
    this.checkAssignTargets(targets, eqs, value);
    this.checkBareYield(value, true);
    for (const t of targets) this.setContext(t, "Store");
    return { kind: "Assign", targets, value, type_comment: null, ...this.nodeLoc(n) };
  }

  /**
   * Emulates CPython's second-pass rules for a failed assignment, in their
   * order: invalid_named_expression (reached through the first target), then
   * invalid_assignment's "cannot assign to %s" / yield forms.
   */
  /**
   * Emulates CPython's second-pass rules for an assignment with an invalid
   * target, in their order: invalid_named_expression (reached through the
   * first target, or the last element of a bare tuple target), then
   * invalid_assignment's "cannot assign to %s" and yield forms.
   */
  private checkAssignTargets(targets: A.Expr[], eqs: SyntaxNode[], value: A.Expr): void {
    let bad = -1;
    for (let i = 0; i < targets.length; i++) {
      if (!this.validTarget(targets[i], "star")) {
        bad = i;
        break;
      }
    }
    if (bad < 0) return;
    const t0 = targets[0];
    const e = this.bareTuples.has(t0) ? (t0 as A.Tuple).elts[(t0 as A.Tuple).elts.length - 1] : t0;
    const rhs = targets.length > 1 ? targets[1] : value;
    const b = this.leadingBitwiseOr(rhs);
    const rhsOk = b !== null && !(b === rhs && targets.length > 1);
    if (rhsOk && e.kind !== "Starred") {
      if (e.kind === "Name" && !this.parenthesized.has(e) && !this.bareYields.has(e)) {
        const s = this.span(e).start;
        throw new Fail(
          "SyntaxError",
          "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
          { kind: "range", start: s, end: this.ospan(b!).end },
          this.unit.tokenAtOrAfter(s),
        );
      }
      if (this.leadingBitwiseOr(e) === e && !this.startsWithDisplay(e)) {
        this.failAt(`cannot assign to ${exprName(e)} here. Maybe you meant '==' instead of '='?`, e);
      }
    }
    const target = targets[bad];
    if ((target.kind === "Yield" || target.kind === "YieldFrom") && !this.parenthesized.has(target)) {
      this.failAt("assignment to yield expression not possible", target);
    }
    const invalid = this.invalidTarget(target, "star");
    if (invalid) this.failAt(`cannot assign to ${exprName(invalid)}`, invalid);
    this.failGeneric(this.tokIndex(eqs[bad]));
  }

  /** Tuples written without parentheses (`a, b`), as opposed to `(a, b)`. */
  private bareTuples = new WeakSet<A.Expr>();

  /** The bitwise_or CPython's parser would read at the start of `e`, or null if it cannot read one. */
  private leadingBitwiseOr(e: A.Expr): A.Expr | null {
    if (this.parenthesized.has(e)) return e;
    switch (e.kind) {
      case "Tuple":
        return this.bareTuples.has(e) ? this.leadingBitwiseOr(e.elts[0]) : e;
      case "Compare":
        return this.leadingBitwiseOr(e.left);
      case "BoolOp":
        return this.leadingBitwiseOr(e.values[0]);
      case "IfExp":
        return this.leadingBitwiseOr(e.body);
      case "UnaryOp":
        return e.op === "Not" ? null : e;
      case "Lambda": case "Starred": case "Yield": case "YieldFrom": case "NamedExpr":
        return null;
      default:
        return e;
    }
  }

  private startsWithDisplay(e: A.Expr): boolean {
    // !(list|tuple|genexp|'True'|'None'|'False') at the start of the target.
    let x: A.Expr = e;
    for (;;) {
      const start = this.span(x).start;
      if ((x.kind === "List" || x.kind === "Tuple" || x.kind === "GeneratorExp") && this.tokText(start) !== "") {
        const t = this.tokText(start);
        if (t === "(" || t === "[") return true;
      }
      if (x.kind === "Constant" && (x.value.type === "None" || x.value.type === "bool")) return true;
      let inner: A.Expr | null = null;
      if (x.kind === "Attribute" || x.kind === "Subscript") inner = x.value;
      else if (x.kind === "Call") inner = x.func;
      else if (x.kind === "BinOp") inner = x.left;
      if (!inner || this.span(inner).start !== start || this.parenthesized.has(x)) return false;
      x = inner;
    }
  }

  private tokText(offset: number): string {
    const i = this.unit.tokenAt(offset);
    return i >= 0 ? this.unit.tokens.get(i).text : "";
  }

  /** Whether `e` can be assigned to (star_targets) or deleted (del_targets). */
  private validTarget(e: A.Expr | A.Expr[], type: TargetsType): boolean {
    if (Array.isArray(e)) return e.every((x) => this.validTarget(x, type));
    switch (e.kind) {
      case "Name":
        return !this.bareYields.has(e);
      case "Attribute":
      case "Subscript":
        return true;
      case "Starred":
        if (type === "del") return false;
        if (this.parenthesized.has(e)) return false;
        return e.value.kind !== "Starred" && this.validTarget(e.value, type);
      case "Tuple":
      case "List":
        return e.elts.every((x) => this.validTarget(x, type));
      default:
        return false;
    }
  }

  /** _PyPegen_get_invalid_target. */
  invalidTarget(e: A.Expr, type: TargetsType): A.Expr | null {
    switch (e.kind) {
      case "List":
      case "Tuple":
        for (const x of e.elts) {
          const r = this.invalidTarget(x, type);
          if (r) return r;
        }
        return null;
      case "Starred":
        if (type === "del") return e;
        return this.invalidTarget(e.value, type);
      case "Compare":
        if (type === "for") {
          if (e.ops[0] === "In") return this.invalidTarget(e.left, type);
          return null;
        }
        return e;
      case "Name":
        return this.bareYields.has(e) ? e : null;
      case "Subscript":
      case "Attribute":
        return null;
      default:
        return e;
    }
  }

  private setContext(e: A.Expr, ctx: A.ExprContext): void {
    switch (e.kind) {
      case "Name":
      case "Attribute":
      case "Subscript":
        e.ctx = ctx;
        break;
      case "Starred":
        e.ctx = ctx;
        this.setContext(e.value, ctx);
        break;
      case "List":
      case "Tuple":
        e.ctx = ctx;
        for (const x of e.elts) this.setContext(x, ctx);
        break;
      default:
        break;
    }
  }

  private annAssign(n: SyntaxNode, parts: SyntaxNode[][], eqs: SyntaxNode[], annNode: SyntaxNode): A.Stmt {
    const targetNodes = parts[0];
    const target = this.exprList(targetNodes, true);
    const annKids = this.kids(annNode);
    // Errors about the target come first (invalid_assignment's annotation forms).
    const bad = this.annotationTargetError(target);
    if (bad) throw bad;
    const annotation = this.expr(annKids[1]);
    let value: A.Expr | null = null;
    if (eqs.length > 1) this.failGeneric(this.tokIndex(eqs[1]));
    if (eqs.length === 1) {
      const v = parts[1];
      value = v.length === 1 && v[0].name === "YieldExpression" ? this.expr(v[0]) : this.exprList(v, true);
      this.checkBareYield(value, true);
    }
    this.setContext(target, "Store");
    const simple = target.kind === "Name" && !this.parenthesized.has(target) ? 1 : 0;
    return { kind: "AnnAssign", target, annotation, value, simple, ...this.nodeLoc(n) };
  }

  private augAssign(n: SyntaxNode): A.Stmt {
    const kids = this.kids(n);
    const opIdx = kids.findIndex((k) => k.name === "UpdateOp");
    const targetNodes = kids.slice(0, opIdx);
    const target = this.exprList(targetNodes, true);
    const opTok = this.tok(kids[opIdx]);
    if (!(target.kind === "Name" || target.kind === "Attribute" || target.kind === "Subscript") || this.bareYields.has(target)) {
      this.failAt(`'${exprName(target)}' is an illegal expression for augmented assignment`, target);
    }
    const valueNodes = kids.slice(opIdx + 1);
    const value =
      valueNodes.length === 1 && valueNodes[0].name === "YieldExpression" ? this.expr(valueNodes[0]) : this.exprList(valueNodes, true);
    this.checkBareYield(value, true);
    this.setContext(target, "Store");
    return { kind: "AugAssign", target, op: AUG_OPS[opTok.text], value, ...this.nodeLoc(n) };
  }

  private returnStatement(n: SyntaxNode): A.Stmt {
    const kids = this.kids(n).slice(1);
    const value = kids.length ? this.exprList(kids, true) : null;
    if (value) this.checkBareYield(value, false);
    return { kind: "Return", value, ...this.nodeLoc(n) };
  }

  private deleteStatement(n: SyntaxNode): A.Stmt {
    const kids = this.kids(n).slice(1);
    const { groups } = this.splitCommas(kids);
    const targets = groups.map((g) => this.starOrExpr(g, true));
    for (const t of targets) {
      if (!this.validTarget(t, "del")) {
        // invalid_del_stmt parses the whole thing as star_expressions.
        const all = this.exprList(kids, true);
        const bad = this.invalidTarget(all, "del");
        if (bad) this.failAt(`cannot delete ${exprName(bad)}`, bad);
        this.failGeneric(this.unit.tokenAtOrAfter(this.off(n.to)));
      }
    }
    for (const t of targets) this.setContext(t, "Del");
    return { kind: "Delete", targets, ...this.nodeLoc(n) };
  }

  private raiseStatement(n: SyntaxNode): A.Stmt {
    const kids = this.kids(n);
    let exc: A.Expr | null = null;
    let cause: A.Expr | null = null;
    if (kids.length > 1) {
      exc = this.expr(kids[1]);
      if (kids.length > 2) {
        if (kids[2].name !== "from") this.failGeneric(this.tokIndex(kids[2]));
        cause = this.expr(kids[3]);
      }
    }
    return { kind: "Raise", exc, cause, ...this.nodeLoc(n) };
  }

  private assertStatement(n: SyntaxNode): A.Stmt {
    const kids = this.kids(n).slice(1);
    const { groups, trailingComma } = this.splitCommas(kids);
    if (trailingComma) this.failGeneric(this.unit.tokenAtOrAfter(this.off(trailingComma.to)));
    if (groups.length > 2) {
      const commas = kids.filter((k) => k.name === ",");
      this.failGeneric(this.tokIndex(commas[1]));
    }
    const test = this.expr(groups[0][0]);
    const msg = groups.length > 1 ? this.expr(groups[1][0]) : null;
    return { kind: "Assert", test, msg, ...this.nodeLoc(n) };
  }

  private identifier(n: SyntaxNode): string {
    const t = this.tok(n);
    // lezer accepts keywords in some name positions (`a.not`, `from .yield import`).
    if (t.type !== Tok.NAME || KEYWORDS.has(t.text)) this.failGeneric(this.tokIndex(n));
    return t.ident ?? t.text;
  }

  private importStatement(n: SyntaxNode): A.Stmt {
    const kids = this.kids(n);
    const loc = this.nodeLoc(n);
    if (kids[0].name === "import") {
      const rest = kids.slice(1);
      if (rest[0] && rest[0].name === "(") this.failGeneric(this.tokIndex(rest[0]));
      const names = this.aliasList(rest, true);
      return { kind: "Import", names, ...loc };
    }
    // from (dots) [dotted name] import targets
    let i = 1;
    let level = 0;
    while (i < kids.length && (kids[i].name === "." || kids[i].name === "Ellipsis")) {
      level += kids[i].name === "." ? 1 : 3;
      i++;
    }
    let module: string | null = null;
    const modStart = i;
    while (i < kids.length && kids[i].name !== "import") i++;
    if (i > modStart) module = kids.slice(modStart, i).map((k) => (k.name === "." ? "." : this.identifier(k))).join("");
    const targets = kids.slice(i + 1);
    let names: A.Alias[];
    if (targets.length === 1 && targets[0].name === "*") {
      names = [{ kind: "alias", name: "*", asname: null, ...this.nodeLoc(targets[0]) }];
    } else if (targets[0] && targets[0].name === "(") {
      names = this.aliasList(targets.slice(1, -1), false);
    } else {
      const last = targets[targets.length - 1];
      if (last && last.name === ",") {
        // invalid_import_from_targets
        this.failLast("trailing comma not allowed without surrounding parentheses", this.unit.tokenAtOrAfter(this.off(last.to)));
      }
      names = this.aliasList(targets, false);
    }
    return { kind: "ImportFrom", module, names, level, ...loc };
  }

  private aliasList(nodes: SyntaxNode[], dotted: boolean): A.Alias[] {
    const { groups } = this.splitCommas(nodes);
    return groups.map((g) => {
      const asIdx = g.findIndex((k) => k.name === "as");
      const nameNodes = asIdx >= 0 ? g.slice(0, asIdx) : g;
      if (!dotted && nameNodes.length > 1) this.failGeneric(this.tokIndex(nameNodes[1]));
      const name = nameNodes.map((k) => (k.name === "." ? "." : this.identifier(k))).join("");
      const asname = asIdx >= 0 ? this.identifier(g[asIdx + 1]) : null;
      const start = this.off(g[0].from);
      const end = this.off(g[g.length - 1].to);
      return { kind: "alias", name, asname, ...this.loc(start, end) } as A.Alias;
    });
  }

  private scopeStatement(n: SyntaxNode): A.Stmt {
    const kids = this.kids(n);
    const names = kids.slice(1).filter((k) => k.name === "VariableName").map((k) => this.identifier(k));
    const last = kids[kids.length - 1];
    if (last.name === ",") this.failGeneric(this.unit.tokenAtOrAfter(this.off(last.to)));
    return { kind: kids[0].name === "global" ? "Global" : "Nonlocal", names, ...this.nodeLoc(n) };
  }

  private ifStatement(n: SyntaxNode): A.Stmt {
    const kids = this.kids(n);
    const kw = this.tok(kids[0]).text;
    if (kw === "match") return this.matchStatement(n, kids);
    if (kw === "case") this.failGeneric(this.tokIndex(kids[0]));
    // Clauses: [keyword, test?, Body]
    const clauses: { kw: SyntaxNode; test: SyntaxNode | null; body: SyntaxNode }[] = [];
    for (let i = 0; i < kids.length; ) {
      const kw = kids[i];
      if (kids[i + 1]?.name === "Body") {
        clauses.push({ kw, test: null, body: kids[i + 1] });
        i += 2;
      } else {
        clauses.push({ kw, test: kids[i + 1], body: kids[i + 2] });
        i += 3;
      }
    }
    const build = (k: number): A.If => {
      const c = clauses[k];
      if (!c.test) this.failGeneric(this.tokIndex(c.body));
      const test = this.namedExpr(c.test!);
      const body = this.body(c.body);
      let orelse: A.Stmt[] = [];
      if (k + 1 < clauses.length) {
        const next = clauses[k + 1];
        if (next.kw.name === "else") orelse = this.body(next.body);
        else orelse = [build(k + 1)];
      }
      const loc = this.blockLoc(c.kw, clauses[clauses.length - 1].body);
      return { kind: "If", test, body, orelse, ...loc };
    };
    return build(0);
  }

  private whileStatement(n: SyntaxNode): A.Stmt {
    const kids = this.kids(n);
    const test = this.namedExpr(kids[1]);
    const body = this.body(kids[2]);
    const orelse = kids.length > 3 ? this.body(kids[4]) : [];
    return { kind: "While", test, body, orelse, ...this.blockLoc(n, kids[kids.length - 1]) };
  }

  private forStatement(n: SyntaxNode): A.Stmt {
    const kids = this.kids(n);
    let i = 0;
    const isAsync = kids[0].name === "async";
    if (isAsync) i++;
    i++; // for
    const inIdx = kids.findIndex((k, j) => j > i && k.name === "in");
    const targetNodes = kids.slice(i, inIdx);
    const target = this.forTarget(targetNodes, this.tokIndex(kids[i - 1]));
    const bodyIdx = kids.findIndex((k, j) => j > inIdx && k.name === "Body");
    const iterNodes = kids.slice(inIdx + 1, bodyIdx);
    const iter = this.iterList(iterNodes);
    const body = this.body(kids[bodyIdx]);
    const orelse = bodyIdx + 1 < kids.length ? this.body(kids[bodyIdx + 2]) : [];
    const loc = this.blockLoc(n, kids[kids.length - 1]);
    return { kind: isAsync ? "AsyncFor" : "For", target, iter, body, orelse, type_comment: null, ...loc } as A.For | A.AsyncFor;
  }

  private iterList(nodes: SyntaxNode[]): A.Expr {
    if (nodes.length === 1 && nodes[0].name === "VariableName") {
      const region = this.shadow.regions.get(this.off(nodes[0].from));
      if (region && region.kind === "forIter") return this.starExpressionsRange(region.from, region.to);
    }
    return this.exprList(nodes, false);
  }

  private forTarget(nodes: SyntaxNode[], forTok: number): A.Expr {
    const target = this.exprList(nodes, true);
    if (!this.validTarget(target, "for")) {
      const bad = this.invalidTarget(target, "for");
      if (bad) this.failAt(`cannot assign to ${exprName(bad)}`, bad);
      this.failGeneric(forTok + 1);
    }
    this.setContext(target, "Store");
    return target;
  }

  private tryStatement(n: SyntaxNode): A.Stmt {
    const kids = this.kids(n);
    const body = this.body(kids[1]);
    const handlers: A.ExceptHandler[] = [];
    let orelse: A.Stmt[] = [];
    let finalbody: A.Stmt[] = [];
    let star: boolean | null = null;
    let i = 2;
    while (i < kids.length && kids[i].name === "except") {
      const kw = kids[i];
      let j = i + 1;
      let isStar = false;
      if (kids[j].name === "*") {
        isStar = true;
        j++;
      }
      let type: A.Expr | null = null;
      let name: string | null = null;
      if (kids[j].name !== "Body") {
        type = this.expr(kids[j]);
        j++;
        if (kids[j].name === ",") {
          throw new Fail(
            "SyntaxError",
            "multiple exception types must be parenthesized",
            { kind: "range", start: this.span(type).start, end: this.off(kids[j + 1].to) },
            this.tokIndex(kids[j]),
          );
        }
        if (kids[j].name === "as") {
          name = this.identifier(kids[j + 1]);
          j += 2;
        }
      } else if (isStar) {
        this.failLast("expected one or more exception types", this.tokIndex(kids[j]));
      }
      if (star !== null && star !== isStar) {
        if (isStar) this.failTokRange("cannot have both 'except' and 'except*' on the same 'try'", this.tokIndex(kw), this.tokIndex(kw) + 1);
        this.failTokRange("cannot have both 'except' and 'except*' on the same 'try'", this.tokIndex(kw));
      }
      star = isStar;
      const hbody = this.body(kids[j]);
      handlers.push({ kind: "ExceptHandler", type, name, body: hbody, ...this.blockLoc(kw, kids[j]) });
      i = j + 1;
    }
    if (i < kids.length && kids[i].name === "else") {
      orelse = this.body(kids[i + 1]);
      i += 2;
    }
    if (i < kids.length && kids[i].name === "finally") {
      finalbody = this.body(kids[i + 1]);
      i += 2;
    }
    if (!handlers.length && !finalbody.length) {
      this.failLast("expected 'except' or 'finally' block", this.nextRealToken(this.off(n.to)));
    }
    if (orelse.length && !handlers.length) this.failGeneric(this.tokIndex(kids[2]));
    const loc = this.blockLoc(n, kids[kids.length - 1]);
    return { kind: star ? "TryStar" : "Try", body, handlers, orelse, finalbody, ...loc } as A.Try | A.TryStar;
  }

  private withStatement(n: SyntaxNode): A.Stmt {
    const kids = this.kids(n);
    const isAsync = kids[0].name === "async";
    const itemsNode = kids[isAsync ? 2 : 1];
    const region = this.shadow.regions.get(this.off(itemsNode.from));
    let items: A.WithItem[];
    if (region && region.kind === "withItems") items = this.withItems(region);
    else {
      // lezer parsed `with a, b as c:` itself.
      const nodes = kids.slice(isAsync ? 2 : 1, -1);
      const { groups } = this.splitCommas(nodes);
      items = groups.map((g) => {
        const context_expr = this.expr(g[0]);
        let optional_vars: A.Expr | null = null;
        if (g.length > 1) {
          optional_vars = this.expr(g[2]);
          this.setContext(optional_vars, "Store");
        }
        return { kind: "withitem", context_expr, optional_vars } as A.WithItem;
      });
    }
    const body = this.body(kids[kids.length - 1]);
    return { kind: isAsync ? "AsyncWith" : "With", items, body, type_comment: null, ...this.blockLoc(n, kids[kids.length - 1]) } as A.With | A.AsyncWith;
  }

  private withItems(region: Region): A.WithItem[] {
    const toks = this.unit.tokens;
    let from = region.from;
    let to = region.to;
    // The parenthesized form `with (a as b, c):` is tried first.
    if (toks.get(from).text === "(") {
      const close = this.matching(from, to);
      if (close === to - 1) {
        const inner = this.tryWithItems(from + 1, close, true);
        if (inner) return inner;
      }
    }
    const items = this.tryWithItems(from, to, false);
    if (!items) this.failGeneric(from);
    return items;
  }

  private matching(open: number, limit: number): number {
    let depth = 0;
    const toks = this.unit.tokens;
    for (let i = open; i < limit; i++) {
      const t = toks.get(i).text;
      if (toks.get(i).type !== Tok.OP) continue;
      if (t === "(" || t === "[" || t === "{") depth++;
      else if (t === ")" || t === "]" || t === "}") {
        depth--;
        if (depth === 0) return i;
      }
    }
    return -1;
  }

  /**
   * with_item list in tokens [from, to). In the parenthesized form a failure
   * just means "not this form" (returns null) unless it is a target error.
   */
  private tryWithItems(from: number, to: number, parenForm: boolean): A.WithItem[] | null {
    const toks = this.unit.tokens;
    if (from >= to) return parenForm ? null : null;
    const commas = splitTopLevel(toks, from, to, ",");
    const bounds: [number, number][] = [];
    let s = from;
    for (const c of commas) {
      bounds.push([s, c]);
      s = c + 1;
    }
    if (s < to) bounds.push([s, to]);
    else if (!parenForm) this.failGeneric(to);
    const items: A.WithItem[] = [];
    for (const [a, b] of bounds) {
      if (a >= b) {
        if (parenForm) return null;
        this.failGeneric(a);
      }
      const asAt = findTopLevel(toks, a, b, "as");
      try {
        if (asAt >= 0) {
          const context_expr = this.expressionRange(a, asAt);
          if (asAt + 1 >= b) this.failGeneric(b);
          const target = this.expressionRange(asAt + 1, b, true);
          if (!this.validTarget(target, "star") || target.kind === "Starred") {
            const bad = this.invalidTarget(target, "star") ?? target;
            this.failAt(`cannot assign to ${exprName(bad)}`, bad);
          }
          this.setContext(target, "Store");
          items.push({ kind: "withitem", context_expr, optional_vars: target });
        } else {
          items.push({ kind: "withitem", context_expr: this.expressionRange(a, b), optional_vars: null });
        }
      } catch (e) {
        if (parenForm && (e instanceof LezerError || (e instanceof Fail && e.msg === "invalid syntax"))) return null;
        throw e;
      }
    }
    return items;
  }

  private functionDef(n: SyntaxNode): A.Stmt {
    const kids = this.kids(n);
    let i = 0;
    const isAsync = kids[0].name === "async";
    if (isAsync) i++;
    i++; // def
    const name = this.identifier(kids[i++]);
    if (kids[i].name === "TypeParamList") this.failTokRange("expected '('", this.tokIndex(kids[i]));
    const args = this.parameters(kids[i++], false);
    let returns: A.Expr | null = null;
    if (kids[i].name === "TypeDef") {
      const tk = this.kids(kids[i]);
      returns = this.expr(tk[tk.length - 1]);
      i++;
    }
    const body = this.body(kids[i]);
    const loc = this.blockLoc(kids[0], kids[i]);
    return { kind: isAsync ? "AsyncFunctionDef" : "FunctionDef", name, args, body, decorator_list: [], returns, type_comment: null, ...loc } as A.FunctionDef;
  }

  private classDef(n: SyntaxNode): A.Stmt {
    const kids = this.kids(n);
    const name = this.identifier(kids[1]);
    let i = 2;
    if (kids[i].name === "TypeParamList") this.failGeneric(this.tokIndex(kids[i]));
    let bases: A.Expr[] = [];
    let keywords: A.Keyword[] = [];
    if (kids[i].name === "ArgList") {
      const r = this.argList(kids[i]);
      bases = r.args;
      keywords = r.keywords;
      i++;
    }
    const body = this.body(kids[i]);
    return { kind: "ClassDef", name, bases, keywords, body, decorator_list: [], ...this.blockLoc(n, kids[i]) };
  }

  // ------------------------------------------------------------ match

  private matchStatement(n: SyntaxNode, kids: SyntaxNode[]): A.Stmt {
    const region = this.shadow.regions.get(this.off(kids[1].from));
    if (!region) this.failGeneric(this.tokIndex(kids[1]));
    const subject = this.subjectRange(region!.from, region!.to);
    const bodyKids = this.kids(kids[2]).filter((k) => k.name !== ":");
    const cases: A.MatchCase[] = [];
    for (const c of bodyKids) {
      if (c.name !== "IfStatement" || this.tok(c).text !== "case") this.failGeneric(this.tokIndex(c));
      const ck = this.kids(c);
      const r = this.shadow.regions.get(this.off(ck[1].from));
      if (!r || r.kind !== "casePattern") this.failGeneric(this.tokIndex(ck[1]));
      const { pattern, guard } = this.casePatternRange(r!.from, r!.to);
      const body = this.body(ck[ck.length - 1]);
      cases.push({ kind: "match_case", pattern, guard, body });
    }
    if (!cases.length) this.failGeneric(this.tokIndex(kids[2]));
    return { kind: "Match", subject, cases, ...this.blockLoc(n, kids[2]) };
  }

  private subjectRange(from: number, to: number): A.Expr {
    return this.starNamedExpressionsRange(from, to);
  }

  private casePatternRange(from: number, to: number): { pattern: A.Pattern; guard: A.Expr | null } {
    const p = new PatternParser(this, this.unit, from, to);
    const pattern = p.patterns();
    let guard: A.Expr | null = null;
    if (p.pos < to) {
      const t = this.unit.tokens.get(p.pos);
      if (t.type === Tok.NAME && t.text === "if" && p.pos + 1 < to) {
        guard = this.namedExpressionRange(p.pos + 1, to);
      } else this.failGeneric(p.pos);
    }
    return { pattern, guard };
  }

  // ------------------------------------------------------------ sub-parses

  /** Parse tokens [from, to) on their own and return lezer's statement node(s). */
  private subParse(from: number, to: number): { conv: Converter; stmt: SyntaxNode } {
    const toks = this.unit.tokens;
    if (from >= to) throw new LezerError(toks.start(Math.min(from, toks.length - 1)));
    const shadow = buildRangeShadow(toks, from, to);
    const tree = lezerParse(shadow.text);
    const base = toks.get(from).start;
    const conv = new Converter(this.unit, shadow, base);
    conv.parenthesized = this.parenthesized;
    conv.bareYields = this.bareYields;
    conv.bareTuples = this.bareTuples;
    conv.outerOf = this.outerOf;
    const errPos = firstErrorPos(tree);
    if (errPos >= 0) {
      const p = lezerFailure(shadow.text);
      throw new LezerError(base + (p >= 0 ? p : errPos));
    }
    const top = tree.topNode;
    const stmts = conv.kids(top);
    if (stmts.length !== 1) throw new LezerError(base + (stmts[1]?.from ?? 0));
    return { conv, stmt: stmts[0] };
  }

  /** An `expression` (no star, no walrus at top level) from tokens [from, to). */
  expressionRange(from: number, to: number, asTarget = false): A.Expr {
    const { conv, stmt } = this.subParse(from, to);
    if (stmt.name !== "ExpressionStatement") throw new LezerError(conv.off(stmt.from) + (stmt.firstChild ? conv.off(stmt.firstChild.to) - conv.off(stmt.from) : 0));
    const kids = conv.kids(stmt);
    if (asTarget) return conv.exprList(kids, true);
    if (kids.length !== 1) {
      const comma = kids.find((k) => k.name === ",");
      throw new LezerError(conv.off((comma ?? kids[1]).from));
    }
    return conv.expr(kids[0]);
  }

  /** A named_expression (walrus allowed) from tokens [from, to). */
  namedExpressionRange(from: number, to: number): A.Expr {
    const toks = this.unit.tokens;
    if (to - from > 2 && toks.get(from).type === Tok.NAME && toks.get(from + 1).text === ":=") {
      return this.walrusRange(from, to);
    }
    const { conv, stmt } = this.subParse(from, to);
    if (stmt.name === "ExpressionStatement") {
      const kids = conv.kids(stmt);
      if (kids.length === 1) return conv.expr(kids[0]);
      const comma = kids.find((k) => k.name === ",");
      throw new LezerError(conv.off((comma ?? kids[1]).from));
    }
    throw new LezerError(conv.off(stmt.from));
  }

  private walrusRange(from: number, to: number): A.Expr {
    const toks = this.unit.tokens;
    const value = this.expressionRange(from + 2, to);
    const t = toks.get(from);
    if (KEYWORDS.has(t.text)) this.failGeneric(from);
    const target: A.Name = { kind: "Name", id: t.ident ?? t.text, ctx: "Store", ...this.tokLoc(from, from) };
    const start = t.start;
    const end = this.ospan(value).end;
    return { kind: "NamedExpr", target, value, ...this.loc(start, end) } as A.NamedExpr;
  }

  /** star_named_expressions (`a := 1, *b`) from tokens [from, to), as a Tuple when there are commas. */
  private starNamedExpressionsRange(from: number, to: number): A.Expr {
    const toks = this.unit.tokens;
    const commas = splitTopLevel(toks, from, to, ",");
    if (!commas.length) return this.namedExpressionRange(from, to);
    const elts: A.Expr[] = [];
    let s = from;
    for (const c of [...commas, to]) {
      if (s >= c) {
        if (c === to) break;
        this.failGeneric(c);
      }
      elts.push(toks.get(s).text === "*" ? this.starExpressionsRange(s, c) : this.namedExpressionRange(s, c));
      s = c + 1;
    }
    const start = toks.get(from).start;
    const end = toks.get(to - 1).end;
    return { kind: "Tuple", elts, ctx: "Load", ...this.loc(start, end) } as A.Tuple;
  }

  /** star_expressions from tokens [from, to). */
  starExpressionsRange(from: number, to: number): A.Expr {
    const { conv, stmt } = this.subParse(from, to);
    if (stmt.name !== "ExpressionStatement") throw new LezerError(conv.off(stmt.from));
    return conv.exprList(conv.kids(stmt), true);
  }

  /** Subscript contents with a `*` element, tokens [from, to). */
  private slicesRange(from: number, to: number): A.Expr {
    const toks = this.unit.tokens;
    const commas = splitTopLevel(toks, from, to, ",");
    const bounds: [number, number][] = [];
    let s = from;
    for (const c of commas) {
      bounds.push([s, c]);
      s = c + 1;
    }
    if (s < to) bounds.push([s, to]);
    const elts = bounds.map(([a, b]) => {
      if (a >= b) this.failGeneric(a);
      if (toks.get(a).text === "*") return this.starExpressionsRange(a, b);
      const colons = splitTopLevel(toks, a, b, ":");
      if (!colons.length) return this.namedExpressionRange(a, b);
      if (colons.length > 2) this.failGeneric(colons[2]);
      const part = (x: number, y: number): A.Expr | null => (x < y ? this.expressionRange(x, y) : null);
      const lower = part(a, colons[0]);
      const upper = part(colons[0] + 1, colons.length > 1 ? colons[1] : b);
      const step = colons.length > 1 ? part(colons[1] + 1, b) : null;
      const start = toks.get(a).start;
      const end = toks.get(b - 1).end;
      return { kind: "Slice", lower, upper, step, ...this.loc(start, end) } as A.Slice;
    });
    // A lone starred item is still a tuple (slices: slice !',' | ...).
    if (elts.length === 1 && !commas.length && elts[0].kind !== "Starred") return elts[0];
    const start = toks.get(from).start;
    const end = toks.get(to - 1).end;
    return { kind: "Tuple", elts, ctx: "Load", ...this.loc(start, end) } as A.Tuple;
  }

  // ------------------------------------------------------------ expressions

  namedExpr(n: SyntaxNode): A.Expr {
    return this.expr(n);
  }

  expr(n: SyntaxNode): A.Expr {
    const start = this.off(n.from);
    const end = this.off(n.to);
    const e = this.exprInner(n);
    if (n.name === "ParenthesizedExpression") this.outerOf.set(e, { start, end });
    return e;
  }

  private exprInner(n: SyntaxNode): A.Expr {
    switch (n.name) {
      case "VariableName": return this.variableName(n);
      case "Number": return this.number(n);
      case "String":
      case "ContinuedString": return this.strings(n);
      case "Ellipsis": return { kind: "Constant", value: { type: "Ellipsis" }, const_kind: null, ...this.nodeLoc(n) };
      case "None": return { kind: "Constant", value: { type: "None" }, const_kind: null, ...this.nodeLoc(n) };
      case "Boolean":
        return { kind: "Constant", value: { type: "bool", value: this.tok(n).text === "True" }, const_kind: null, ...this.nodeLoc(n) };
      case "ParenthesizedExpression": return this.parenthesizedExpr(n);
      case "TupleExpression": return this.tupleExpr(n);
      case "ArrayExpression": return this.listExpr(n);
      case "SetExpression": return this.setExpr(n);
      case "DictionaryExpression": return this.dictExpr(n);
      case "ComprehensionExpression":
      case "ArrayComprehensionExpression":
      case "SetComprehensionExpression":
      case "DictionaryComprehensionExpression":
        return this.comprehension(n);
      case "CallExpression": return this.call(n);
      case "MemberExpression": return this.member(n);
      case "UnaryExpression":
        if (n.firstChild?.name === "not") return this.testChain(n);
        return this.arithChain(n);
      case "BinaryExpression": {
        const op = n.firstChild!.nextSibling!;
        if (op.name === "ArithOp" || op.name === "BitOp") return this.arithChain(n);
        return this.testChain(n);
      }
      case "AwaitExpression": return this.arithChain(n);
      case "ConditionalExpression": return this.conditional(n);
      case "LambdaExpression": return this.lambda(n);
      case "NamedExpression": return this.walrus(n);
      case "YieldExpression": return this.yieldExpr(n, this.kids(n));
      default:
        throw new LezerError(this.off(n.from));
    }
  }

  private variableName(n: SyntaxNode): A.Expr {
    const start = this.off(n.from);
    const region = this.regionCount > 0 ? this.shadow.regions.get(start) : undefined;
    if (region) return this.regionExpr(region);
    const i = this.tokIndex(n);
    const toks = this.unit.tokens;
    const text = toks.text(i);
    if (text === "yield") {
      const y: A.Yield = { kind: "Yield", value: null, ...this.nodeLoc(n) };
      this.bareYields.add(y);
      return y;
    }
    if (toks.type(i) !== Tok.NAME || KEYWORDS.has(text)) this.failGeneric(i);
    return { kind: "Name", id: toks.ident(i) ?? text, ctx: "Load", ...this.nodeLoc(n) };
  }

  private regionExpr(region: Region): A.Expr {
    switch (region.kind) {
      case "slices": return this.slicesRange(region.from, region.to);
      case "forIter":
      case "augValue":
        return this.starExpressionsRange(region.from, region.to);
      case "starAnnotation": return this.starExpressionsRange(region.from, region.to);
      default: this.failGeneric(region.from);
    }
  }

  private number(n: SyntaxNode): A.Expr {
    const t = this.tok(n);
    if (this.off(n.to) !== t.end) this.failGeneric(this.tokIndex(n) + 1);
    const value = parseNumber(t.text);
    if (value.type === "int") {
      // int(str) refuses more than 4300 decimal digits (sys.int_info.default_max_str_digits).
      const digits = t.text.length - (t.text.split("_").length - 1);
      const c1 = t.text.charCodeAt(1) | 0x20;
      if (digits > 4300 && !(t.text.length > 1 && (c1 === 120 || c1 === 111 || c1 === 98))) {
        throw new Fail(
          "SyntaxError",
          `Exceeds the limit (4300 digits) for integer string conversion: value has ${digits} digits; ` +
            "use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
          { kind: "lines", start: t.start, end: t.end },
          this.tokIndex(n),
        );
      }
    }
    return { kind: "Constant", value, const_kind: null, ...this.nodeLoc(n) };
  }

  private strings(n: SyntaxNode): A.Expr {
    const first = this.tokIndex(n);
    const toks = this.unit.tokens;
    let last = first;
    while (last + 1 < toks.length && toks.get(last + 1).type === Tok.STRING && toks.get(last + 1).end <= this.off(n.to)) last++;
    const group = toks.slice(first, last + 1);
    const unit = this.unit;
    const self = this;
    const ctx: StringContext = {
      parseExpr(start, end) {
        return self.fstringExpr(start, end);
      },
      span(a, b) {
        return unit.loc(a.start, b.end);
      },
      fail(msg): never {
        return self.failLast(msg, Math.min(last + 1, toks.length - 1));
      },
      failAtToken(msg, t) {
        throw new Fail("SyntaxError", msg, { kind: "range", start: t.start, end: t.end }, last + 1);
      },
    };
    return concatenateStrings(group, ctx);
  }

  /** Parse an f-string replacement field's expression as CPython does: "(" + text + ")". */
  private fstringExpr(start: number, end: number): A.Expr {
    const simple = this.simpleFStringExpr(start, end);
    if (simple) return simple;
    const exprText = "(" + this.unit.text.slice(start, end) + ")";
    return parseFStringExpression(exprText, this.unit, start - 1);
  }

  /**
   * Most replacement fields are a name or a dotted name; build those directly
   * instead of running a whole tokenizer and lezer parse on them.
   */
  private simpleFStringExpr(start: number, end: number): A.Expr | null {
    const text = this.unit.text;
    let a = start;
    let b = end;
    while (a < b && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++;
    while (b > a && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 9)) b--;
    if (!SIMPLE_DOTTED.test(text.slice(a, b))) return null;
    let e: A.Expr | null = null;
    let p = a;
    while (p < b) {
      let q = p;
      while (q < b && text.charCodeAt(q) !== 46) q++;
      const id = text.slice(p, q);
      if (KEYWORDS.has(id)) return null;
      e = e === null
        ? { kind: "Name", id, ctx: "Load", ...this.loc(p, q) }
        : { kind: "Attribute", value: e, attr: id, ctx: "Load", ...this.loc(a, q) };
      p = q + 1;
    }
    return e;
  }

  private parenthesizedExpr(n: SyntaxNode): A.Expr {
    const kids = this.kids(n);
    if (kids[1].name === "*") {
      const value = this.expr(kids[2]);
      const s = this.off(kids[1].from);
      const e = this.off(kids[2].to);
      const star = { kind: "Starred", value, ctx: "Load", ...this.loc(s, e) } as A.Starred;
      this.failAt("cannot use starred expression here", star);
    }
    const inner = this.expr(kids[1]);
    this.parenthesized.add(inner);
    return inner;
  }

  private elements(kids: SyntaxNode[], allowStar: boolean): A.Expr[] {
    const { groups } = this.splitCommas(kids);
    return groups.map((g) => {
      const e = this.starOrExpr(g, allowStar);
      this.checkBareYield(e, false);
      return e;
    });
  }

  private tupleExpr(n: SyntaxNode): A.Expr {
    const kids = this.kids(n);
    const elts = this.elements(kids.slice(1, -1), true);
    return { kind: "Tuple", elts, ctx: "Load", ...this.nodeLoc(n) };
  }

  private listExpr(n: SyntaxNode): A.Expr {
    const kids = this.kids(n);
    return { kind: "List", elts: this.elements(kids.slice(1, -1), true), ctx: "Load", ...this.nodeLoc(n) };
  }

  private setExpr(n: SyntaxNode): A.Expr {
    const kids = this.kids(n);
    return { kind: "Set", elts: this.elements(kids.slice(1, -1), true), ...this.nodeLoc(n) };
  }

  private dictExpr(n: SyntaxNode): A.Expr {
    const kids = this.kids(n).slice(1, -1);
    const { groups } = this.splitCommas(kids);
    const keys: (A.Expr | null)[] = [];
    const values: A.Expr[] = [];
    for (const g of groups) {
      if (g[0].name === "**") {
        keys.push(null);
        values.push(this.expr(g[1]));
      } else {
        keys.push(this.expr(g[0]));
        values.push(this.expr(g[2]));
      }
    }
    return { kind: "Dict", keys, values, ...this.nodeLoc(n) };
  }

  /** All four comprehension forms: [open, elt..., for-clauses..., close]. */
  private comprehension(n: SyntaxNode): A.Expr {
    const kids = this.kids(n);
    const inner = kids.slice(1, -1);
    const forIdx = inner.findIndex((k) => k.name === "for" || k.name === "async");
    const head = inner.slice(0, forIdx);
    const generators = this.compClauses(inner.slice(forIdx));
    const loc = this.nodeLoc(n);
    if (n.name === "DictionaryComprehensionExpression") {
      if (head[0].name === "**") {
        this.failTokRange("dict unpacking cannot be used in dict comprehension", this.tokIndex(head[0]));
      }
      return { kind: "DictComp", key: this.expr(head[0]), value: this.expr(head[2]), generators, ...loc };
    }
    if (head[0].name === "*") {
      const value = this.expr(head[1]);
      const s = this.off(head[0].from);
      const e = this.off(head[1].to);
      const star = { kind: "Starred", value, ctx: "Load", ...this.loc(s, e) } as A.Starred;
      this.failAt("iterable unpacking cannot be used in comprehension", star);
    }
    const elt = this.expr(head[0]);
    this.checkBareYield(elt, false);
    if (n.name === "ComprehensionExpression") return { kind: "GeneratorExp", elt, generators, ...loc };
    if (n.name === "ArrayComprehensionExpression") return { kind: "ListComp", elt, generators, ...loc };
    return { kind: "SetComp", elt, generators, ...loc };
  }

  private compClauses(nodes: SyntaxNode[]): A.Comprehension[] {
    const gens: A.Comprehension[] = [];
    let i = 0;
    while (i < nodes.length) {
      let isAsync = 0;
      if (nodes[i].name === "async") {
        isAsync = 1;
        i++;
      }
      const forTok = this.tokIndex(nodes[i]);
      i++; // for
      const inIdx = nodes.findIndex((k, j) => j >= i && k.name === "in");
      const target = this.forTarget(nodes.slice(i, inIdx), forTok);
      const iter = this.expr(nodes[inIdx + 1]);
      i = inIdx + 2;
      const ifs: A.Expr[] = [];
      while (i < nodes.length && nodes[i].name === "if") {
        const cond = nodes[i + 1];
        if (cond.name === "LambdaExpression") this.failGeneric(this.tokIndex(cond));
        ifs.push(this.expr(cond));
        i += 2;
      }
      if (iter.kind === "Lambda" && !this.parenthesized.has(iter)) this.failGeneric(this.unit.tokenAt(this.span(iter).start));
      gens.push({ kind: "comprehension", target, iter, ifs, is_async: isAsync });
    }
    return gens;
  }

  private call(n: SyntaxNode): A.Expr {
    const kids = this.kids(n);
    const func = this.expr(kids[0]);
    const { args, keywords } = this.argList(kids[1]);
    return { kind: "Call", func, args, keywords, ...this.nodeLoc(n) };
  }

  private argList(n: SyntaxNode): { args: A.Expr[]; keywords: A.Keyword[] } {
    const kids = this.kids(n);
    const inner = kids.slice(1, -1);
    const closeTok = this.tokIndex(kids[kids.length - 1]);
    const { groups, trailingComma } = this.splitArgs(inner);
    const args: A.Expr[] = [];
    const keywords: A.Keyword[] = [];
    let sawKeyword = false;
    let sawDoubleStar = false;
    for (const g of groups) {
      const first = g[0];
      const forIdx = g.findIndex((k) => k.name === "for" || k.name === "async");
      if (first.name === "**") {
        const value = this.expr(g[1]);
        const s = this.off(first.from);
        const e = this.off(g[1].to);
        keywords.push({ kind: "keyword", arg: null, value, ...this.loc(s, e) } as A.Keyword);
        sawDoubleStar = true;
        continue;
      }
      if (first.name === "*") {
        const value = this.expr(g[1]);
        const s = this.off(first.from);
        const e = this.off(g[1].to);
        const star = { kind: "Starred", value, ctx: "Load", ...this.loc(s, e) } as A.Starred;
        if (sawDoubleStar) {
          this.failTokRange("iterable argument unpacking follows keyword argument unpacking", this.tokIndex(first));
        }
        args.push(star);
        continue;
      }
      if (g.length >= 3 && g[1].name === "AssignOp") {
        const opText = this.tok(g[1]).text;
        if (opText === ":=") {
          const target = this.expr(g[0]);
          const value = this.expr(g[2]);
          const s = this.off(g[0].from);
          const e = this.off(g[2].to);
          const ne = { kind: "NamedExpr", target, value, ...this.loc(s, e) } as A.NamedExpr;
          (target as A.Name).ctx = "Store";
          if (forIdx >= 0) {
            args.push(this.genexpArg(ne, g.slice(forIdx), kids, groups.length, trailingComma !== null));
          } else {
            if (sawKeyword || sawDoubleStar) this.positionalAfterKeyword(sawDoubleStar, closeTok);
            args.push(ne);
          }
          continue;
        }
        const nameTok = this.tok(g[0]);
        const value = this.expr(g[2]);
        if (forIdx >= 0) {
          this.failTokRange("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", this.tokIndex(g[0]), this.tokIndex(g[1]));
        }
        const s = nameTok.start;
        const e = this.off(g[2].to);
        keywords.push({ kind: "keyword", arg: nameTok.ident ?? nameTok.text, value, ...this.loc(s, e) } as A.Keyword);
        sawKeyword = true;
        continue;
      }
      // Positional argument, possibly a bare generator expression.
      const value = this.expr(first);
      this.checkBareYield(value, false);
      if (forIdx >= 0) {
        args.push(this.genexpArg(value, g.slice(forIdx), kids, groups.length, trailingComma !== null));
        continue;
      }
      if (sawKeyword || sawDoubleStar) this.positionalAfterKeyword(sawDoubleStar, closeTok);
      args.push(value);
    }
    return { args, keywords };
  }

  /** Like splitCommas, but commas between `for` and `in` of a bare generator argument stay inside it. */
  private splitArgs(nodes: SyntaxNode[]): { groups: SyntaxNode[][]; trailingComma: SyntaxNode | null } {
    const groups: SyntaxNode[][] = [];
    let cur: SyntaxNode[] = [];
    let trailing: SyntaxNode | null = null;
    let inFor = false;
    for (const c of nodes) {
      if (c.name === "for") inFor = true;
      else if (c.name === "in") inFor = false;
      if (c.name === "," && !inFor) {
        groups.push(cur);
        cur = [];
        trailing = c;
      } else {
        cur.push(c);
        trailing = null;
      }
    }
    if (cur.length) groups.push(cur);
    return { groups, trailingComma: trailing };
  }

  private positionalAfterKeyword(unpacking: boolean, closeTok: number): never {
    this.failLast(
      unpacking ? "positional argument follows keyword argument unpacking" : "positional argument follows keyword argument",
      closeTok,
    );
  }

  /** `f(x for x in y)`: valid only as the sole argument; takes the call's parentheses. */
  private genexpArg(elt: A.Expr, clauses: SyntaxNode[], argKids: SyntaxNode[], nGroups: number, trailing: boolean): A.Expr {
    const generators = this.compClauses(clauses);
    if (nGroups > 1 || trailing) {
      const lastGen = generators[generators.length - 1];
      const lastItem = lastGen.ifs.length ? lastGen.ifs[lastGen.ifs.length - 1] : lastGen.iter;
      this.failAt("Generator expression must be parenthesized", elt, lastItem);
    }
    const s = this.off(argKids[0].from);
    const e = this.off(argKids[argKids.length - 1].to);
    return { kind: "GeneratorExp", elt, generators, ...this.loc(s, e) } as A.GeneratorExp;
  }

  private member(n: SyntaxNode): A.Expr {
    const kids = this.kids(n);
    const value = this.expr(kids[0]);
    if (kids[1].name === ".") {
      return { kind: "Attribute", value, attr: this.identifier(kids[2]), ctx: "Load", ...this.nodeLoc(n) };
    }
    // Subscript: "[" slices "]"
    const inner = kids.slice(2, -1);
    let slice: A.Expr;
    if (inner.length === 1 && inner[0].name === "VariableName" && this.shadow.regions.get(this.off(inner[0].from))?.kind === "slices") {
      slice = this.expr(inner[0]);
    } else slice = this.slices(inner);
    return { kind: "Subscript", value, slice, ctx: "Load", ...this.nodeLoc(n) };
  }

  private slices(nodes: SyntaxNode[]): A.Expr {
    const { groups, trailingComma } = this.splitCommas(nodes);
    const elts = groups.map((g) => this.sliceItem(g));
    if (elts.length === 1 && !trailingComma) return elts[0];
    const start = this.off(nodes[0].from);
    const end = this.off(nodes[nodes.length - 1].to);
    return { kind: "Tuple", elts, ctx: "Load", ...this.loc(start, end) } as A.Tuple;
  }

  private sliceItem(g: SyntaxNode[]): A.Expr {
    if (!g.some((k) => k.name === ":")) {
      if (g.length !== 1) throw new LezerError(this.off(g[1].from));
      const e = this.expr(g[0]);
      this.checkBareYield(e, false);
      return e;
    }
    const parts: (SyntaxNode | null)[] = [null];
    let colons = 0;
    for (const k of g) {
      if (k.name === ":") {
        colons++;
        parts.push(null);
      } else parts[parts.length - 1] = k;
    }
    const conv = (k: SyntaxNode | null): A.Expr | null => (k ? this.expr(k) : null);
    const lower = conv(parts[0]);
    const upper = conv(parts[1]);
    const step = colons > 1 ? conv(parts[2]) : null;
    const start = this.off(g[0].from);
    const end = this.off(g[g.length - 1].to);
    return { kind: "Slice", lower, upper, step, ...this.loc(start, end) } as A.Slice;
  }

  /**
   * lezer gets `not` wrong (`not a and b` parses as `not (a and b)`), so
   * not/and/or/comparison chains are flattened and re-parsed with CPython's
   * precedence: disjunction > conjunction > inversion > comparison.
   */
  private testChain(n: SyntaxNode): A.Expr {
    const items: ChainItem[] = [];
    this.flattenChain(n, items);
    let pos = 0;
    const itemStart = (it: ChainItem): number =>
      it.op === null ? this.off(it.node.from) : this.unit.tokens.get(it.tok).start;
    const expectOperandError = (): never => {
      const it = items[pos];
      if (!it) this.failGeneric(this.unit.tokenAtOrAfter(this.off(n.to)));
      this.failGeneric(it.op === null ? this.unit.tokenAtOrAfter(this.off(it.node.from)) : it.tok);
    };
    const operand = (): A.Expr => {
      const it = items[pos];
      if (!it || it.op !== null) return expectOperandError();
      pos++;
      return this.expr(it.node);
    };
    const comparison = (): A.Expr => {
      const startPos = pos;
      const left = operand();
      const ops: A.CmpOp[] = [];
      const comparators: A.Expr[] = [];
      while (pos < items.length) {
        const it = items[pos];
        if (it.op === null || it.op === "or" || it.op === "and" || it.op === "not") break;
        pos++;
        ops.push(cmpOp(it.op));
        comparators.push(operand());
      }
      if (!ops.length) return left;
      const s = itemStart(items[startPos]);
      const e = this.ospan(comparators[comparators.length - 1]).end;
      return { kind: "Compare", left, ops, comparators, ...this.loc(s, e) } as A.Compare;
    };
    const inversion = (): A.Expr => {
      const it = items[pos];
      if (it && it.op === "not") {
        pos++;
        const operandExpr = inversion();
        const s = this.unit.tokens.get(it.tok).start;
        const e = this.ospan(operandExpr).end;
        return { kind: "UnaryOp", op: "Not", operand: operandExpr, ...this.loc(s, e) } as A.UnaryOp;
      }
      return comparison();
    };
    const boolChain = (op: "and" | "or", sub: () => A.Expr): A.Expr => {
      const first = sub();
      const values = [first];
      while (pos < items.length) {
        const it = items[pos];
        if (it.op !== op) break;
        pos++;
        values.push(sub());
      }
      if (values.length === 1) return first;
      const s = this.ospan(first).start;
      const e = this.ospan(values[values.length - 1]).end;
      return { kind: "BoolOp", op: op === "and" ? "And" : "Or", values, ...this.loc(s, e) } as A.BoolOp;
    };
    const conjunction = (): A.Expr => boolChain("and", inversion);
    const result = boolChain("or", conjunction);
    if (pos < items.length) {
      const it = items[pos];
      this.failGeneric(it.op === null ? this.unit.tokenAtOrAfter(this.off(it.node.from)) : it.tok);
    }
    return result;
  }

  private flattenChain(n: SyntaxNode, items: ChainItem[]): void {
    if (n.name === "UnaryExpression" && n.firstChild?.name === "not") {
      const kids = this.kids(n);
      items.push({ op: "not", tok: this.tokIndex(kids[0]) });
      this.flattenChain(kids[1], items);
      return;
    }
    if (n.name === "BinaryExpression") {
      const kids = this.kids(n);
      const op = kids[1];
      if (op.name !== "ArithOp" && op.name !== "BitOp") {
        this.flattenChain(kids[0], items);
        const opTok = this.tokIndex(op);
        let text = this.unit.tokens.get(opTok).text;
        let rest = 2;
        if (text === "not" && kids[2]?.name === "in") {
          text = "not in";
          rest = 3;
        } else if (text === "is" && kids[2]?.name === "not") {
          text = "is not";
          rest = 3;
        }
        if (text === "<>") this.failGeneric(opTok);
        items.push({ op: text, tok: opTok });
        this.flattenChain(kids[rest], items);
        return;
      }
    }
    items.push({ op: null, node: n });
  }

  /**
   * Arithmetic, bitwise, unary and `await` chains are also flattened and
   * re-parsed: lezer lets `await` take a whole binary expression as operand
   * (`await x ** 2` as `await (x ** 2)`), while in CPython it binds tighter than
   * every operator and only accepts a primary.
   */
  private arithChain(n: SyntaxNode): A.Expr {
    const items: ChainItem[] = [];
    this.flattenArith(n, items);
    let pos = 0;
    const fail = (): never => {
      const it = items[pos];
      if (!it) return this.failGeneric(this.unit.tokenAtOrAfter(this.off(n.to)));
      return this.failGeneric(it.op === null ? this.unit.tokenAtOrAfter(this.off(it.node.from)) : it.tok);
    };
    const binop = (left: A.Expr, op: A.Operator, right: A.Expr): A.Expr => {
      const s = this.ospan(left).start;
      const e = this.ospan(right).end;
      return { kind: "BinOp", left, op, right, ...this.loc(s, e) } as A.BinOp;
    };
    const primary = (): A.Expr => {
      const it = items[pos];
      if (!it || it.op !== null) return fail();
      pos++;
      return this.expr(it.node);
    };
    const awaitPrimary = (): A.Expr => {
      const it = items[pos];
      if (it && it.op === "await") {
        pos++;
        const value = primary();
        const s = this.unit.tokens.get(it.tok).start;
        const e = this.ospan(value).end;
        return { kind: "Await", value, ...this.loc(s, e) } as A.Await;
      }
      return primary();
    };
    const factor = (): A.Expr => {
      const it = items[pos];
      if (it && it.op !== null && it.prefix) {
        if (it.op === "await") return power();
        pos++;
        const operand = factor();
        const s = this.unit.tokens.get(it.tok).start;
        const e = this.ospan(operand).end;
        const op: A.UnaryOpKind = it.op === "-" ? "USub" : it.op === "+" ? "UAdd" : "Invert";
        return { kind: "UnaryOp", op, operand, ...this.loc(s, e) } as A.UnaryOp;
      }
      return power();
    };
    const power = (): A.Expr => {
      const base = awaitPrimary();
      const it = items[pos];
      if (it && it.op === "**" && !it.prefix) {
        pos++;
        return binop(base, "Pow", factor());
      }
      return base;
    };
    const LEVELS = [["|"], ["^"], ["&"], ["<<", ">>"], ["+", "-"], ["*", "/", "//", "%", "@"]];
    const level = (k: number): A.Expr => {
      if (k === LEVELS.length) return factor();
      let left = level(k + 1);
      for (;;) {
        const it = items[pos];
        if (!it || it.op === null || it.prefix || !LEVELS[k].includes(it.op)) return left;
        pos++;
        left = binop(left, BIN_OPS[it.op], level(k + 1));
      }
    };
    const result = level(0);
    if (pos < items.length) fail();
    return result;
  }

  private flattenArith(n: SyntaxNode, items: ChainItem[]): void {
    if (n.name === "BinaryExpression") {
      const kids = this.kids(n);
      if (kids[1].name === "ArithOp" || kids[1].name === "BitOp") {
        this.flattenArith(kids[0], items);
        const tok = this.tokIndex(kids[1]);
        items.push({ op: this.unit.tokens.get(tok).text, tok, prefix: false });
        this.flattenArith(kids[2], items);
        return;
      }
    } else if (n.name === "UnaryExpression" && n.firstChild?.name !== "not") {
      const kids = this.kids(n);
      const tok = this.tokIndex(kids[0]);
      items.push({ op: this.unit.tokens.get(tok).text, tok, prefix: true });
      this.flattenArith(kids[1], items);
      return;
    } else if (n.name === "AwaitExpression") {
      const kids = this.kids(n);
      items.push({ op: "await", tok: this.tokIndex(kids[0]), prefix: true });
      this.flattenArith(kids[1], items);
      return;
    }
    items.push({ op: null, node: n });
  }

  private conditional(n: SyntaxNode): A.Expr {
    const kids = this.kids(n);
    const body = this.expr(kids[0]);
    const test = this.expr(kids[2]);
    const orelse = this.expr(kids[4]);
    return { kind: "IfExp", test, body, orelse, ...this.nodeLoc(n) };
  }

  private lambda(n: SyntaxNode): A.Expr {
    const kids = this.kids(n);
    let args: A.Arguments;
    let bodyNode: SyntaxNode;
    if (kids[1].name === "ParamList") {
      args = this.parameters(kids[1], true);
      bodyNode = kids[3];
    } else {
      args = emptyArguments();
      bodyNode = kids[2];
    }
    const body = this.expr(bodyNode);
    this.checkBareYield(body, false);
    return { kind: "Lambda", args, body, ...this.nodeLoc(n) };
  }

  private walrus(n: SyntaxNode): A.Expr {
    const kids = this.kids(n);
    const target = this.expr(kids[0]);
    if (target.kind !== "Name" || this.parenthesized.has(target)) {
      this.failAt(`cannot use assignment expressions with ${exprName(target)}`, target);
    }
    const value = this.expr(kids[2]);
    (target as A.Name).ctx = "Store";
    return { kind: "NamedExpr", target, value, ...this.nodeLoc(n) };
  }

  private yieldExpr(n: SyntaxNode, kids: SyntaxNode[]): A.Expr {
    if (kids[1]?.name === "from") {
      return { kind: "YieldFrom", value: this.expr(kids[2]), ...this.nodeLoc(n) };
    }
    const rest = kids.slice(1);
    const value = rest.length ? this.exprList(rest, true) : null;
    return { kind: "Yield", value, ...this.nodeLoc(n) };
  }

  // ------------------------------------------------------------ parameters

  private parameters(n: SyntaxNode, isLambda: boolean): A.Arguments {
    const kids = this.kids(n);
    const inner = (isLambda ? kids : kids.slice(1, -1)).filter((k) => k.name !== ",");
    const toks = this.unit.tokens;
    // lezer hides "/" (an anonymous token), so split the parameters by tokens.
    const from = isLambda ? this.unit.tokenAtOrAfter(this.off(n.from)) : this.tokIndex(kids[0]) + 1;
    const to = isLambda ? this.unit.tokenAtOrAfter(this.off(n.to)) : this.tokIndex(kids[kids.length - 1]);
    const commas = splitTopLevel(toks, from, to, ",");
    const ranges: [number, number][] = [];
    let s = from;
    for (const c of commas) {
      ranges.push([s, c]);
      s = c + 1;
    }
    if (s < to) ranges.push([s, to]);
    const items: ParamItem[] = [];
    let k = 0;
    for (const [a, b] of ranges) {
      if (a >= b) this.failGeneric(a);
      const endOff = toks.get(b - 1).end;
      const g: SyntaxNode[] = [];
      while (k < inner.length && this.off(inner[k].from) < endOff) g.push(inner[k++]);
      if (b - a === 1 && toks.get(a).text === "/") {
        items.push({ kind: "slash", tok: a });
        continue;
      }
      if (!g.length) this.failGeneric(a);
      const first = g[0];
      if (first.name === "*" || first.name === "**") {
        const item: ParamItem = { kind: first.name === "*" ? "star" : "dstar", tok: a };
        if (g.length > 1) {
          const td = g[2]?.name === "TypeDef" ? g[2] : undefined;
          item.arg = this.param(g[1], td);
          const eq = g.find((x) => x.name === "AssignOp");
          if (eq) item.eqTok = this.tokIndex(eq);
        }
        items.push(item);
        continue;
      }
      const arg = this.param(g[0], g[1]?.name === "TypeDef" ? g[1] : undefined);
      const eqNode = g.find((x) => x.name === "AssignOp");
      const item: ParamItem = { kind: "name", tok: a, arg };
      if (eqNode) {
        item.eqTok = this.tokIndex(eqNode);
        item.def = this.expr(g[g.indexOf(eqNode) + 1]);
      }
      items.push(item);
    }
    return this.buildArguments(items, isLambda);
  }

  private param(nameNode: SyntaxNode, typeDef: SyntaxNode | undefined): A.Arg {
    const t = this.tok(nameNode);
    let annotation: A.Expr | null = null;
    let end = t.end;
    if (typeDef && typeDef.name === "TypeDef") {
      const tk = this.kids(typeDef);
      annotation = this.expr(tk[1]);
      end = this.ospan(annotation).end;
    }
    const arg: A.Arg = { kind: "arg", arg: t.ident ?? t.text, annotation, type_comment: null, ...this.loc(t.start, end) };
    return arg;
  }

  /** Check the order of parameters like CPython's invalid_parameters rules, then build `arguments`. */
  private buildArguments(items: ParamItem[], isLambda: boolean): A.Arguments {
    const fail = (msg: string, tok: number): never => this.failTokRange(msg, tok);
    // Positional section: names (with/without default) and at most one "/".
    let i = 0;
    let sawDefault = false;
    let slashIdx = -1;
    for (; i < items.length; i++) {
      const it = items[i];
      if (it.kind === "slash") {
        if (i === 0) {
          if (this.unit.tokens.is(it.tok + 1, ",")) fail("at least one argument must precede /", it.tok);
          this.failGeneric(it.tok);
        }
        if (slashIdx >= 0) fail("/ may appear only once", it.tok);
        slashIdx = i;
        continue;
      }
      if (it.kind !== "name") break;
      if (it.def) sawDefault = true;
      else if (sawDefault) this.failAt("non-default argument follows default argument", it.arg!);
    }
    // Star section.
    let vararg: A.Arg | null = null;
    const kwonly: A.Arg[] = [];
    const kwDefaults: (A.Expr | null)[] = [];
    let kwarg: A.Arg | null = null;
    if (i < items.length && items[i].kind === "star") {
      const star = items[i];
      const next = items[i + 1];
      if (!star.arg && (!next || next.kind === "dstar")) {
        if (isLambda) this.failLast("named arguments must follow bare *", star.tok + 1);
        fail("named arguments must follow bare *", star.tok);
      }
      if (star.eqTok !== undefined) fail("var-positional argument cannot have default value", star.eqTok);
      if (star.arg && isLambda && star.arg.annotation) this.failGeneric(star.tok + 2);
      vararg = star.arg ?? null;
      i++;
      for (; i < items.length; i++) {
        const it = items[i];
        if (it.kind === "star") fail("* argument may appear only once", it.tok);
        if (it.kind === "slash") fail("/ must be ahead of *", it.tok);
        if (it.kind !== "name") break;
        kwonly.push(it.arg!);
        kwDefaults.push(it.def ?? null);
      }
    }
    if (i < items.length && items[i].kind === "dstar") {
      const ds = items[i];
      if (ds.eqTok !== undefined) fail("var-keyword argument cannot have default value", ds.eqTok);
      kwarg = ds.arg ?? null;
      if (!kwarg) this.failGeneric(ds.tok + 1);
      i++;
      if (i < items.length) {
        const it = items[i];
        if (it.kind === "name") this.failAt("arguments cannot follow var-keyword argument", it.arg!);
        fail("arguments cannot follow var-keyword argument", it.tok);
      }
    }
    if (i < items.length) {
      const it = items[i];
      if (it.kind === "slash") fail("/ must be ahead of *", it.tok);
      this.failGeneric(it.tok);
    }
    // Build.
    const posonly: A.Arg[] = [];
    const args: A.Arg[] = [];
    const defaults: A.Expr[] = [];
    for (const it of items) {
      if (it.kind === "slash") {
        posonly.push(...args);
        args.length = 0;
        continue;
      }
      if (it.kind !== "name") break;
      args.push(it.arg!);
      if (it.def) defaults.push(it.def);
    }
    return { kind: "arguments", posonlyargs: posonly, args, vararg, kwonlyargs: kwonly, kw_defaults: kwDefaults, kwarg, defaults };
  }

  /** The error for an annotated target that cannot be annotated, or null. */
  annotationTargetError(target: A.Expr): Fail | null {
    if (target.kind === "Tuple" && this.bareTuples.has(target)) {
      return this.failAtNode("only single target (not tuple) can be annotated", target.elts[0]);
    }
    if (target.kind === "List" || target.kind === "Tuple") {
      return this.failAtNode(`only single target (not ${target.kind === "List" ? "list" : "tuple"}) can be annotated`, target);
    }
    if (!(target.kind === "Name" || target.kind === "Attribute" || target.kind === "Subscript") || this.bareYields.has(target)) {
      return this.failAtNode("illegal target for annotation", target);
    }
    return null;
  }

  /** A Fail located on node `a` (for the diagnoser). */
  failAtNode(msg: string, a: object): Fail {
    try {
      this.failAt(msg, a);
    } catch (e) {
      if (e instanceof Fail) return e;
      throw e;
    }
  }

  // Hooks used by PatternParser and the diagnoser.
  failGenericAt(tok: number): never {
    this.failGeneric(tok);
  }

  failRange(msg: string, start: number, end: number, tok: number): never {
    throw new Fail("SyntaxError", msg, { kind: "range", start, end }, tok);
  }

  spanOf(node: object): { start: number; end: number } {
    return this.span(node);
  }

  stringsFromTokens(from: number, to: number): A.Expr {
    const toks = this.unit.tokens;
    const group = toks.slice(from, to);
    const self = this;
    const unit = this.unit;
    return concatenateStrings(group, {
      parseExpr(start, end) {
        return self.fstringExpr(start, end);
      },
      span(a, b) {
        return unit.loc(a.start, b.end);
      },
      fail(msg): never {
        return self.failLast(msg, Math.min(to, toks.length - 1));
      },
      failAtToken(msg, t) {
        throw new Fail("SyntaxError", msg, { kind: "range", start: t.start, end: t.end }, to);
      },
    });
  }
}

const SIMPLE_DOTTED = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function cmpOp(text: string): A.CmpOp {
  if (text === "not in") return "NotIn";
  if (text === "is not") return "IsNot";
  return CMP_OPS[text];
}

export function emptyArguments(): A.Arguments {
  return { kind: "arguments", posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kw_defaults: [], kwarg: null, defaults: [] };
}

// ---------------------------------------------------------------------------
// f-string replacement fields

/**
 * Parse the "(expr)" text of an f-string replacement field. `posBase` maps
 * offsets in `text` to offsets in the enclosing unit's text; errors are
 * reported CPython's way, relative to this little program.
 */
export function parseFStringExpression(text: string, outer: ParseUnit, posBase: number): A.Expr {
  const source = new SourceText(text + "\n");
  const full = text + "\n";
  const { tokens, error } = tokenize(full, source);
  const origOffset = outer.posBase + posBase;
  const unit = new ParseUnit({
    text: full,
    source,
    tokens,
    orig: outer.orig,
    posBase: origOffset,
    filename: outer.filename,
    fstringLine: outer.orig.lineOf(origOffset),
  });
  if (error) {
    throw new FStringTokenizerError(error.msg, error, unit);
  }
  // The whole text is one parenthesized expression on one logical line.
  let end = tokens.length;
  while (end > 0 && (tokens.get(end - 1).type === Tok.ENDMARKER || tokens.get(end - 1).type === Tok.NEWLINE || tokens.get(end - 1).type === Tok.DEDENT)) end--;
  const shadow = buildRangeShadow(tokens, 0, end);
  const conv = new Converter(unit, shadow, 0);
  try {
    const tree = lezerParse(shadow.text);
    const errPos = firstErrorPos(tree);
    if (errPos >= 0) throw new LezerError(lezerFailure(shadow.text));
    const stmts = tree.topNode.firstChild;
    if (!stmts || stmts.nextSibling || stmts.name !== "ExpressionStatement") throw new LezerError(stmts?.nextSibling?.from ?? 0);
    const kids: SyntaxNode[] = [];
    for (let c = stmts.firstChild; c; c = c.nextSibling) kids.push(c);
    if (kids.length !== 1) throw new LezerError(kids[1].from);
    const e = conv.expr(kids[0]);
    return e;
  } catch (e) {
    if (e instanceof Fail || e instanceof LezerError) throw new FStringFailure(e, unit);
    throw e;
  }
}

/** A failure inside an f-string replacement field, to be reported by its own unit. */
export class FStringFailure {
  constructor(
    readonly inner: Fail | LezerError,
    readonly unit: ParseUnit,
  ) {}
}

/** A tokenizer error inside an f-string replacement field. */
export class FStringTokenizerError {
  constructor(
    readonly msg: string,
    readonly error: TokenizerError,
    readonly unit: ParseUnit,
  ) {}
}

