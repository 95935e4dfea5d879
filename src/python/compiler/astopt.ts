// Python/ast_opt.c (3.11): constant folding on the AST before symbol analysis.
//
// Folded nodes become `Constant` nodes carrying their value as a CVal in `cval` (tuples, frozensets
// and complex numbers with a real part have no ConstantValue form, so `value` is only a best-effort
// mirror there; the compiler always reads constants through constValue()). The tree is rewritten
// in place: a parent field receives the replacement node, as CPython's make_const overwrites the
// node itself.

import type {
  Arguments,
  Comprehension,
  Constant,
  ConstantValue,
  Expr,
  ExceptHandler,
  JoinedStr,
  Keyword,
  MatchCase,
  Pattern,
  Stmt,
  WithItem,
} from "../ast.js";
import { C_TRUE, cTuple, fromAstConstant, type CVal } from "./consts.js";
import { docstringOf } from "./docstring.js";
import { foldBinary, foldSubscript, foldUnary, makeFrozenset } from "./fold.js";
import { CO_FUTURE_ANNOTATIONS } from "./future.js";
import { DepthGuard } from "./errors.js";
import type { Mod } from "./symtable.js";

export interface FoldedConstant extends Constant {
  cval: CVal;
}

/** The value of a Constant node, folded or literal. */
export function constValue(node: Constant): CVal {
  const folded = (node as Partial<FoldedConstant>).cval;
  return folded !== undefined ? folded : fromAstConstant(node.value);
}

function astMirror(v: CVal): ConstantValue {
  switch (v.kind) {
    case "None":
    case "Ellipsis":
      return { type: v.kind };
    case "bool":
    case "int":
    case "float":
    case "str":
    case "bytes":
      return { type: v.kind, value: v.value } as ConstantValue;
    case "complex":
      if (v.real === 0 && !Object.is(v.real, -0)) return { type: "complex", imag: v.imag };
      return { type: "Ellipsis" };
    default:
      return { type: "Ellipsis" };
  }
}

function makeConst(node: Expr, v: CVal | null): Expr {
  if (v === null) return node;
  const c: FoldedConstant = {
    kind: "Constant",
    value: astMirror(v),
    const_kind: null,
    cval: v,
    lineno: node.lineno,
    col_offset: node.col_offset,
    end_lineno: node.end_lineno,
    end_col_offset: node.end_col_offset,
  };
  return c;
}

function hasStarred(elts: readonly Expr[]): boolean {
  return elts.some((e) => e.kind === "Starred");
}

function makeConstTuple(elts: readonly Expr[]): CVal | null {
  const items: CVal[] = [];
  for (const e of elts) {
    if (e.kind !== "Constant") return null;
    items.push(constValue(e));
  }
  return cTuple(items);
}

// --- '%s' % (a, b)  ->  f'{a!s}{b!s}' (optimize_format) ---------------------------------------

const MAXDIGITS = 3;
const NO_LOCATION = { lineno: -1, col_offset: -1, end_lineno: -1, end_col_offset: -1 };

function locatedConst(value: string): Expr {
  return { kind: "Constant", value: { type: "str", value }, const_kind: null, ...NO_LOCATION };
}

/** parse_literal: the text up to the next lone '%' ('%%' becomes '%'), or null if empty. */
function parseLiteral(fmt: string[], pos: { i: number }): Expr | null {
  const start = pos.i;
  let i = start;
  let hasPercents = false;
  while (i < fmt.length) {
    if (fmt[i] !== "%") i++;
    else if (i + 1 < fmt.length && fmt[i + 1] === "%") {
      hasPercents = true;
      i += 2;
    } else break;
  }
  pos.i = i;
  if (i === start) return null;
  let text = fmt.slice(start, i).join("");
  if (hasPercents) text = text.split("%%").join("%");
  return locatedConst(text);
}

/** parse_format + simple_format_arg_parse: one `%[flags][width][.prec](s|r|a)` unit. */
function parseFormat(fmt: string[], pos: { i: number }, arg: Expr): Expr | null {
  let i = pos.i;
  let ch = "";
  const next = (): boolean => {
    if (i >= fmt.length) return false;
    ch = fmt[i++]!;
    return true;
  };
  let ljust = false;
  for (;;) {
    if (!next()) return null;
    if (ch === "-") {
      ljust = true;
      continue;
    }
    if (ch === "+" || ch === " " || ch === "#" || ch === "0") continue;
    break;
  }
  let width = -1;
  let prec = -1;
  const isDigit = (c: string) => c >= "0" && c <= "9";
  if (isDigit(ch)) {
    width = 0;
    let digits = 0;
    while (isDigit(ch)) {
      width = width * 10 + (ch.charCodeAt(0) - 48);
      if (!next()) return null;
      if (++digits >= MAXDIGITS) return null;
    }
  }
  if (ch === ".") {
    if (!next()) return null;
    prec = 0;
    let digits = 0;
    while (isDigit(ch)) {
      prec = prec * 10 + (ch.charCodeAt(0) - 48);
      if (!next()) return null;
      if (++digits >= MAXDIGITS) return null;
    }
  }
  const spec = ch;
  pos.i = i;
  if (spec !== "s" && spec !== "r" && spec !== "a") return null;
  let buf = "";
  if (!ljust && width > 0) buf += ">";
  if (width >= 0) buf += String(width);
  if (prec >= 0) buf += "." + String(prec);
  const formatSpec = buf !== "" ? (locatedConst(buf) as unknown as JoinedStr) : null;
  return {
    kind: "FormattedValue",
    value: arg,
    conversion: spec.codePointAt(0)!,
    format_spec: formatSpec,
    lineno: arg.lineno,
    col_offset: arg.col_offset,
    end_lineno: arg.end_lineno,
    end_col_offset: arg.end_col_offset,
  };
}

/**
 * optimize_format: `'...' % (a, b)` whose units are all %s/%r/%a (with simple width/precision)
 * becomes an f-string; anything else (or a count mismatch) is left as a % operation.
 */
function optimizeFormat(node: Expr & { kind: "BinOp" }, format: string, elts: readonly Expr[]): Expr {
  const fmt = Array.from(format);
  const pos = { i: 0 };
  let cnt = 0;
  const values: Expr[] = [];
  for (;;) {
    const lit = parseLiteral(fmt, pos);
    if (lit !== null) values.push(lit);
    if (pos.i >= fmt.length) break;
    if (cnt >= elts.length) return node; // more format units than items
    pos.i++; // the '%'
    const expr = parseFormat(fmt, pos, elts[cnt]!);
    cnt++;
    if (expr === null) return node;
    values.push(expr);
  }
  if (cnt < elts.length) return node; // more items than format units
  const joined: JoinedStr = {
    kind: "JoinedStr",
    values,
    lineno: node.lineno,
    col_offset: node.col_offset,
    end_lineno: node.end_lineno,
    end_col_offset: node.end_col_offset,
  };
  return joined;
}

class AstOptimizer {
  private readonly optimize: number;
  private readonly features: number;
  private readonly guard: DepthGuard;

  constructor(optimize: number, features: number, guard: DepthGuard) {
    this.optimize = optimize;
    this.features = features;
    this.guard = guard;
  }

  private get futureAnnotations(): boolean {
    return (this.features & CO_FUTURE_ANNOTATIONS) !== 0;
  }

  // --- folding rules ---------------------------------------------------------------------------

  private foldUnaryOp(node: Expr & { kind: "UnaryOp" }): Expr {
    const arg = node.operand;
    if (arg.kind !== "Constant") {
      // `not a in b` becomes `a not in b` (and likewise for is / is not).
      if (node.op === "Not" && arg.kind === "Compare" && arg.ops.length === 1) {
        const inverse = { Is: "IsNot", IsNot: "Is", In: "NotIn", NotIn: "In" } as const;
        const op = arg.ops[0]!;
        if (op === "Is" || op === "IsNot" || op === "In" || op === "NotIn") {
          // COPY_NODE: the UnaryOp node takes the Compare node's contents (and location).
          return { ...arg, ops: [inverse[op]] };
        }
      }
      return node;
    }
    return makeConst(node, foldUnary(node.op, constValue(arg)));
  }

  private foldBinOp(node: Expr & { kind: "BinOp" }): Expr {
    const lhs = node.left;
    const rhs = node.right;
    if (lhs.kind !== "Constant") return node;
    if (node.op === "Mod" && rhs.kind === "Tuple" && !hasStarred(rhs.elts)) {
      const lv = constValue(lhs);
      if (lv.kind === "str") return optimizeFormat(node, lv.value, rhs.elts);
    }
    if (rhs.kind !== "Constant") return node;
    return makeConst(node, foldBinary(node.op, constValue(lhs), constValue(rhs)));
  }

  private foldTuple(node: Expr & { kind: "Tuple" }): Expr {
    if (node.ctx !== "Load") return node;
    return makeConst(node, makeConstTuple(node.elts));
  }

  private foldSubscr(node: Expr & { kind: "Subscript" }): Expr {
    if (node.ctx !== "Load" || node.value.kind !== "Constant" || node.slice.kind !== "Constant") return node;
    return makeConst(node, foldSubscript(constValue(node.value), constValue(node.slice)));
  }

  /**
   * fold_iter: a list display iterated over (or tested with `in`) becomes a tuple, a constant one
   * when every item is constant; a set display of constants becomes a frozenset.
   */
  private foldIter(arg: Expr): Expr {
    if (arg.kind === "List") {
      if (hasStarred(arg.elts)) return arg;
      const tuple: Expr = {
        kind: "Tuple",
        elts: arg.elts,
        ctx: arg.ctx,
        lineno: arg.lineno,
        col_offset: arg.col_offset,
        end_lineno: arg.end_lineno,
        end_col_offset: arg.end_col_offset,
      };
      return makeConst(tuple, makeConstTuple(arg.elts));
    }
    if (arg.kind === "Set") {
      const t = makeConstTuple(arg.elts);
      return makeConst(arg, t === null ? null : makeFrozenset((t as CVal & { kind: "tuple" }).items));
    }
    return arg;
  }

  private foldCompare(node: Expr & { kind: "Compare" }): Expr {
    const i = node.ops.length - 1;
    const op = node.ops[i]!;
    if (op === "In" || op === "NotIn") node.comparators[i] = this.foldIter(node.comparators[i]!);
    return node;
  }

  // --- traversal -------------------------------------------------------------------------------

  body(stmts: Stmt[]): void {
    const hadDocstring = docstringOf(stmts) !== null;
    this.stmts(stmts);
    // A first statement that only became a str constant by folding is not a docstring.
    if (!hadDocstring && docstringOf(stmts) !== null) {
      const st = stmts[0] as Stmt & { kind: "Expr" };
      const joined: JoinedStr = {
        kind: "JoinedStr",
        values: [st.value],
        lineno: st.lineno,
        col_offset: st.col_offset,
        end_lineno: st.end_lineno,
        end_col_offset: st.end_col_offset,
      };
      st.value = joined;
    }
  }

  private stmts(stmts: Stmt[]): void {
    for (const s of stmts) this.stmt(s);
  }

  private exprs(exprs: Expr[]): void {
    for (let i = 0; i < exprs.length; i++) exprs[i] = this.expr(exprs[i]!);
  }

  private optExpr(e: Expr | null): Expr | null {
    return e === null ? null : this.expr(e);
  }

  private arguments(a: Arguments): void {
    for (const arg of [...a.posonlyargs, ...a.args]) if (!this.futureAnnotations) arg.annotation = this.optExpr(arg.annotation);
    if (a.vararg !== null && !this.futureAnnotations) a.vararg.annotation = this.optExpr(a.vararg.annotation);
    for (const arg of a.kwonlyargs) if (!this.futureAnnotations) arg.annotation = this.optExpr(arg.annotation);
    for (let i = 0; i < a.kw_defaults.length; i++) a.kw_defaults[i] = this.optExpr(a.kw_defaults[i]!);
    if (a.kwarg !== null && !this.futureAnnotations) a.kwarg.annotation = this.optExpr(a.kwarg.annotation);
    this.exprs(a.defaults);
  }

  private keywords(ks: Keyword[]): void {
    for (const k of ks) k.value = this.expr(k.value);
  }

  private comprehensions(gens: Comprehension[]): void {
    for (const g of gens) {
      g.target = this.expr(g.target);
      g.iter = this.expr(g.iter);
      this.exprs(g.ifs);
      g.iter = this.foldIter(g.iter);
    }
  }

  expr(node: Expr): Expr {
    this.guard.enter();
    const result = this.exprInner(node);
    this.guard.leave();
    return result;
  }

  private exprInner(node: Expr): Expr {
    switch (node.kind) {
      case "BoolOp":
        this.exprs(node.values);
        return node;
      case "BinOp":
        node.left = this.expr(node.left);
        node.right = this.expr(node.right);
        return this.foldBinOp(node);
      case "UnaryOp":
        node.operand = this.expr(node.operand);
        return this.foldUnaryOp(node);
      case "Lambda":
        this.arguments(node.args);
        node.body = this.expr(node.body);
        return node;
      case "IfExp":
        node.test = this.expr(node.test);
        node.body = this.expr(node.body);
        node.orelse = this.expr(node.orelse);
        return node;
      case "Dict":
        for (let i = 0; i < node.keys.length; i++) node.keys[i] = this.optExpr(node.keys[i]!);
        this.exprs(node.values);
        return node;
      case "Set":
        this.exprs(node.elts);
        return node;
      case "ListComp":
      case "SetComp":
      case "GeneratorExp":
        node.elt = this.expr(node.elt);
        this.comprehensions(node.generators);
        return node;
      case "DictComp":
        node.key = this.expr(node.key);
        node.value = this.expr(node.value);
        this.comprehensions(node.generators);
        return node;
      case "Await":
      case "YieldFrom":
        node.value = this.expr(node.value);
        return node;
      case "Yield":
        node.value = this.optExpr(node.value);
        return node;
      case "Compare":
        node.left = this.expr(node.left);
        this.exprs(node.comparators);
        return this.foldCompare(node);
      case "Call":
        node.func = this.expr(node.func);
        this.exprs(node.args);
        this.keywords(node.keywords);
        return node;
      case "FormattedValue":
        node.value = this.expr(node.value);
        if (node.format_spec !== null) node.format_spec = this.expr(node.format_spec) as JoinedStr;
        return node;
      case "JoinedStr":
        this.exprs(node.values);
        return node;
      case "Attribute":
        node.value = this.expr(node.value);
        return node;
      case "Subscript":
        node.value = this.expr(node.value);
        node.slice = this.expr(node.slice);
        return this.foldSubscr(node);
      case "Starred":
        node.value = this.expr(node.value);
        return node;
      case "Slice":
        node.lower = this.optExpr(node.lower);
        node.upper = this.optExpr(node.upper);
        node.step = this.optExpr(node.step);
        return node;
      case "List":
        this.exprs(node.elts);
        return node;
      case "Tuple":
        this.exprs(node.elts);
        return this.foldTuple(node);
      case "Name":
        if (node.ctx === "Load" && node.id === "__debug__") return makeConst(node, this.optimize === 0 ? C_TRUE : { kind: "bool", value: false });
        return node;
      case "NamedExpr":
        node.value = this.expr(node.value);
        return node;
      case "Constant":
        return node;
    }
  }

  private withItems(items: WithItem[]): void {
    for (const item of items) {
      item.context_expr = this.expr(item.context_expr);
      item.optional_vars = this.optExpr(item.optional_vars);
    }
  }

  private handlers(hs: ExceptHandler[]): void {
    for (const h of hs) {
      h.type = this.optExpr(h.type);
      this.stmts(h.body);
    }
  }

  private pattern(p: Pattern): void {
    switch (p.kind) {
      case "MatchValue":
        p.value = this.expr(p.value);
        break;
      case "MatchSingleton":
      case "MatchStar":
        break;
      case "MatchSequence":
      case "MatchOr":
        for (const q of p.patterns) this.pattern(q);
        break;
      case "MatchMapping":
        this.exprs(p.keys);
        for (const q of p.patterns) this.pattern(q);
        break;
      case "MatchClass":
        p.cls = this.expr(p.cls);
        for (const q of p.patterns) this.pattern(q);
        for (const q of p.kwd_patterns) this.pattern(q);
        break;
      case "MatchAs":
        if (p.pattern !== null) this.pattern(p.pattern);
        break;
    }
  }

  private matchCases(cases: MatchCase[]): void {
    for (const m of cases) {
      this.pattern(m.pattern);
      m.guard = this.optExpr(m.guard);
      this.stmts(m.body);
    }
  }

  stmt(node: Stmt): void {
    this.guard.enter();
    this.stmtInner(node);
    this.guard.leave();
  }

  private stmtInner(node: Stmt): void {
    switch (node.kind) {
      case "FunctionDef":
      case "AsyncFunctionDef":
        this.arguments(node.args);
        this.body(node.body);
        this.exprs(node.decorator_list);
        if (!this.futureAnnotations) node.returns = this.optExpr(node.returns);
        break;
      case "ClassDef":
        this.exprs(node.bases);
        this.keywords(node.keywords);
        this.body(node.body);
        this.exprs(node.decorator_list);
        break;
      case "Return":
        node.value = this.optExpr(node.value);
        break;
      case "Delete":
        this.exprs(node.targets);
        break;
      case "Assign":
        this.exprs(node.targets);
        node.value = this.expr(node.value);
        break;
      case "AugAssign":
        node.target = this.expr(node.target);
        node.value = this.expr(node.value);
        break;
      case "AnnAssign":
        node.target = this.expr(node.target);
        if (!this.futureAnnotations) node.annotation = this.expr(node.annotation);
        node.value = this.optExpr(node.value);
        break;
      case "For":
        node.target = this.expr(node.target);
        node.iter = this.expr(node.iter);
        this.stmts(node.body);
        this.stmts(node.orelse);
        node.iter = this.foldIter(node.iter);
        break;
      case "AsyncFor":
        node.target = this.expr(node.target);
        node.iter = this.expr(node.iter);
        this.stmts(node.body);
        this.stmts(node.orelse);
        break;
      case "While":
      case "If":
        node.test = this.expr(node.test);
        this.stmts(node.body);
        this.stmts(node.orelse);
        break;
      case "With":
      case "AsyncWith":
        this.withItems(node.items);
        this.stmts(node.body);
        break;
      case "Raise":
        node.exc = this.optExpr(node.exc);
        node.cause = this.optExpr(node.cause);
        break;
      case "Try":
      case "TryStar":
        this.stmts(node.body);
        this.handlers(node.handlers);
        this.stmts(node.orelse);
        this.stmts(node.finalbody);
        break;
      case "Assert":
        node.test = this.expr(node.test);
        node.msg = this.optExpr(node.msg);
        break;
      case "Expr":
        node.value = this.expr(node.value);
        break;
      case "Match":
        node.subject = this.expr(node.subject);
        this.matchCases(node.cases);
        break;
      case "Import":
      case "ImportFrom":
      case "Global":
      case "Nonlocal":
      case "Pass":
      case "Break":
      case "Continue":
        break;
    }
  }
}

/** _PyAST_Optimize: folds `mod` in place. `optimize` is the -O level (0 here: __debug__ is True). */
export function optimizeAst(mod: Mod, optimize: number, features: number, guard = new DepthGuard(0, 1000)): void {
  const opt = new AstOptimizer(optimize, features, guard);
  if (mod.kind === "Module") opt.body(mod.body);
  else if (mod.kind === "Interactive") for (const s of mod.body) opt.stmt(s);
  else mod.body = opt.expr(mod.body);
}
