// Python/ast_unparse.c (3.11): expressions back to source text. With
// `from __future__ import annotations` the compiler stores every annotation as this text.
//
// Each node is written at a precedence level; a node whose own precedence is lower than the
// level it is written at gets parentheses.

import type { Arg, Arguments, Comprehension, Expr, JoinedStr, Keyword } from "../ast.js";
import { constValue } from "./astopt.js";
import { constRepr, type CVal } from "./consts.js";

const PR_TUPLE = 0;
const PR_TEST = 1; // if-else, lambda
const PR_OR = 2;
const PR_AND = 3;
const PR_NOT = 4;
const PR_CMP = 5;
const PR_EXPR = 6;
const PR_BOR = PR_EXPR;
const PR_BXOR = 7;
const PR_BAND = 8;
const PR_SHIFT = 9;
const PR_ARITH = 10;
const PR_TERM = 11;
const PR_FACTOR = 12;
const PR_POWER = 13;
const PR_AWAIT = 14;
const PR_ATOM = 15;

const BINOP: Record<string, [string, number]> = {
  Add: [" + ", PR_ARITH],
  Sub: [" - ", PR_ARITH],
  Mult: [" * ", PR_TERM],
  MatMult: [" @ ", PR_TERM],
  Div: [" / ", PR_TERM],
  Mod: [" % ", PR_TERM],
  LShift: [" << ", PR_SHIFT],
  RShift: [" >> ", PR_SHIFT],
  BitOr: [" | ", PR_BOR],
  BitXor: [" ^ ", PR_BXOR],
  BitAnd: [" & ", PR_BAND],
  FloorDiv: [" // ", PR_TERM],
  Pow: [" ** ", PR_POWER],
};

const CMPOP: Record<string, string> = {
  Eq: " == ",
  NotEq: " != ",
  Lt: " < ",
  LtE: " <= ",
  Gt: " > ",
  GtE: " >= ",
  Is: " is ",
  IsNot: " is not ",
  In: " in ",
  NotIn: " not in ",
};

/** repr() with infinities spelled so that they parse back (1e309). */
function constantText(v: CVal): string {
  if (v.kind === "Ellipsis") return "...";
  const text = constRepr(v);
  if ((v.kind === "float" && !Number.isFinite(v.value) && !Number.isNaN(v.value)) || v.kind === "complex") {
    return text.split("inf").join("1e309");
  }
  return text;
}

class Unparser {
  out = "";

  private w(s: string): void {
    this.out += s;
  }

  private open(cond: boolean): void {
    if (cond) this.out += "(";
  }

  private close(cond: boolean): void {
    if (cond) this.out += ")";
  }

  private seq(items: readonly Expr[], level: number): void {
    items.forEach((e, i) => {
      if (i > 0) this.w(", ");
      this.expr(e, level);
    });
  }

  private comprehension(gen: Comprehension): void {
    this.w(gen.is_async ? " async for " : " for ");
    this.expr(gen.target, PR_TUPLE);
    this.w(" in ");
    this.expr(gen.iter, PR_TEST + 1);
    for (const cond of gen.ifs) {
      this.w(" if ");
      this.expr(cond, PR_TEST + 1);
    }
  }

  private comprehensions(gens: readonly Comprehension[]): void {
    for (const g of gens) this.comprehension(g);
  }

  private arg(a: Arg): void {
    this.w(a.arg);
    if (a.annotation !== null) {
      this.w(": ");
      this.expr(a.annotation, PR_TEST);
    }
  }

  private args(args: Arguments): void {
    let first = true;
    const sep = (): void => {
      if (first) first = false;
      else this.w(", ");
    };
    const positional = [...args.posonlyargs, ...args.args];
    const defaultCount = args.defaults.length;
    positional.forEach((a, i) => {
      sep();
      this.arg(a);
      const di = i - (positional.length - defaultCount);
      if (di >= 0) {
        this.w("=");
        this.expr(args.defaults[di]!, PR_TEST);
      }
      if (i + 1 === args.posonlyargs.length) this.w(", /");
    });
    if (args.vararg !== null || args.kwonlyargs.length > 0) {
      sep();
      this.w("*");
      if (args.vararg !== null) this.arg(args.vararg);
    }
    args.kwonlyargs.forEach((a, i) => {
      sep();
      this.arg(a);
      const d = args.kw_defaults[i] ?? null;
      if (d !== null) {
        this.w("=");
        this.expr(d, PR_TEST);
      }
    });
    if (args.kwarg !== null) {
      sep();
      this.w("**");
      this.arg(args.kwarg);
    }
  }

  private keyword(k: Keyword): void {
    if (k.arg === null) this.w("**");
    else this.w(k.arg + "=");
    this.expr(k.value, PR_TEST);
  }

  /** The text between the quotes of an f-string (or of a format spec). */
  private fstringBody(values: readonly Expr[], isFormatSpec: boolean): string {
    let body = "";
    for (const v of values) {
      if (v.kind === "Constant") {
        const c = constValue(v);
        const text = c.kind === "str" ? c.value : constantText(c);
        body += text.replace(/\{/g, "{{").replace(/\}/g, "}}");
      } else if (v.kind === "FormattedValue") {
        body += this.formattedValue(v);
      } else if (v.kind === "JoinedStr") {
        body += this.fstringBody(v.values, isFormatSpec);
      }
    }
    return body;
  }

  private formattedValue(e: Expr & { kind: "FormattedValue" }): string {
    const inner = new Unparser();
    inner.expr(e.value, PR_TEST + 1);
    let text = inner.out;
    // A value starting with '{' would read as an escaped brace.
    let out = text.startsWith("{") ? "{ " : "{";
    out += text;
    if (e.conversion !== -1) out += "!" + String.fromCodePoint(e.conversion);
    if (e.format_spec !== null) {
      const spec = e.format_spec as Expr;
      out += ":" + (spec.kind === "JoinedStr" ? this.fstringBody(spec.values, true) : this.fstringBody([spec], true));
    }
    text = out + "}";
    return text;
  }

  private joinedStr(e: JoinedStr): void {
    this.w("f" + constRepr({ kind: "str", value: this.fstringBody(e.values, false) }));
  }

  expr(e: Expr, level: number): void {
    switch (e.kind) {
      case "BoolOp": {
        const pr = e.op === "And" ? PR_AND : PR_OR;
        this.open(level > pr);
        e.values.forEach((v, i) => {
          if (i > 0) this.w(e.op === "And" ? " and " : " or ");
          this.expr(v, pr + 1);
        });
        this.close(level > pr);
        return;
      }
      case "BinOp": {
        const [text, pr] = BINOP[e.op]!;
        const rassoc = e.op === "Pow" ? 1 : 0;
        this.open(level > pr);
        this.expr(e.left, pr + rassoc);
        this.w(text);
        this.expr(e.right, pr + 1 - rassoc);
        this.close(level > pr);
        return;
      }
      case "UnaryOp": {
        const [text, pr] = e.op === "Not" ? ["not ", PR_NOT] : e.op === "Invert" ? ["~", PR_FACTOR] : e.op === "UAdd" ? ["+", PR_FACTOR] : ["-", PR_FACTOR];
        this.open(level > pr);
        this.w(text as string);
        this.expr(e.operand, pr as number);
        this.close(level > pr);
        return;
      }
      case "Lambda": {
        this.open(level > PR_TEST);
        const a = e.args;
        const n = a.posonlyargs.length + a.args.length + a.kwonlyargs.length + (a.vararg !== null ? 1 : 0) + (a.kwarg !== null ? 1 : 0);
        this.w(n > 0 ? "lambda " : "lambda");
        this.args(a);
        this.w(": ");
        this.expr(e.body, PR_TEST);
        this.close(level > PR_TEST);
        return;
      }
      case "IfExp":
        this.open(level > PR_TEST);
        this.expr(e.body, PR_TEST + 1);
        this.w(" if ");
        this.expr(e.test, PR_TEST + 1);
        this.w(" else ");
        this.expr(e.orelse, PR_TEST);
        this.close(level > PR_TEST);
        return;
      case "Dict":
        this.w("{");
        e.values.forEach((v, i) => {
          if (i > 0) this.w(", ");
          const k = e.keys[i] ?? null;
          if (k !== null) {
            this.expr(k, PR_TEST);
            this.w(": ");
            this.expr(v, PR_TEST);
          } else {
            this.w("**");
            this.expr(v, PR_EXPR);
          }
        });
        this.w("}");
        return;
      case "Set":
        this.w("{");
        this.seq(e.elts, PR_TEST);
        this.w("}");
        return;
      case "GeneratorExp":
        this.w("(");
        this.expr(e.elt, PR_TEST);
        this.comprehensions(e.generators);
        this.w(")");
        return;
      case "ListComp":
        this.w("[");
        this.expr(e.elt, PR_TEST);
        this.comprehensions(e.generators);
        this.w("]");
        return;
      case "SetComp":
        this.w("{");
        this.expr(e.elt, PR_TEST);
        this.comprehensions(e.generators);
        this.w("}");
        return;
      case "DictComp":
        this.w("{");
        this.expr(e.key, PR_TEST);
        this.w(": ");
        this.expr(e.value, PR_TEST);
        this.comprehensions(e.generators);
        this.w("}");
        return;
      case "Await":
        this.open(level > PR_AWAIT);
        this.w("await ");
        this.expr(e.value, PR_ATOM);
        this.close(level > PR_AWAIT);
        return;
      case "Yield":
        if (e.value === null) {
          this.w("(yield)");
          return;
        }
        this.w("(yield ");
        this.expr(e.value, PR_TEST);
        this.w(")");
        return;
      case "YieldFrom":
        this.w("(yield from ");
        this.expr(e.value, PR_TEST);
        this.w(")");
        return;
      case "Compare":
        this.open(level > PR_CMP);
        this.expr(e.left, PR_CMP + 1);
        e.ops.forEach((o, i) => {
          this.w(CMPOP[o]!);
          this.expr(e.comparators[i]!, PR_CMP + 1);
        });
        this.close(level > PR_CMP);
        return;
      case "Call": {
        this.expr(e.func, PR_ATOM);
        if (e.args.length === 1 && e.keywords.length === 0 && e.args[0]!.kind === "GeneratorExp") {
          this.expr(e.args[0]!, PR_TEST); // the genexp's own parentheses are the call's
          return;
        }
        this.w("(");
        let first = true;
        for (const a of e.args) {
          if (!first) this.w(", ");
          first = false;
          this.expr(a, PR_TEST);
        }
        for (const k of e.keywords) {
          if (!first) this.w(", ");
          first = false;
          this.keyword(k);
        }
        this.w(")");
        return;
      }
      case "FormattedValue":
        this.w("f" + constRepr({ kind: "str", value: this.formattedValue(e) }));
        return;
      case "JoinedStr":
        this.joinedStr(e);
        return;
      case "Constant":
        if (e.const_kind === "u") this.w("u");
        this.w(constantText(constValue(e)));
        return;
      case "Attribute": {
        const v = e.value;
        this.expr(v, PR_ATOM);
        // `1 .real`: an int literal needs a space before the dot.
        this.w(v.kind === "Constant" && constValue(v).kind === "int" ? " ." : ".");
        this.w(e.attr);
        return;
      }
      case "Subscript":
        this.expr(e.value, PR_ATOM);
        this.w("[");
        this.expr(e.slice, PR_TUPLE);
        this.w("]");
        return;
      case "Starred":
        this.w("*");
        this.expr(e.value, PR_EXPR);
        return;
      case "Slice":
        if (e.lower !== null) this.expr(e.lower, PR_TEST);
        this.w(":");
        if (e.upper !== null) this.expr(e.upper, PR_TEST);
        if (e.step !== null) {
          this.w(":");
          this.expr(e.step, PR_TEST);
        }
        return;
      case "Name":
        this.w(e.id);
        return;
      case "List":
        this.w("[");
        this.seq(e.elts, PR_TEST);
        this.w("]");
        return;
      case "Tuple":
        if (e.elts.length === 0) {
          this.w("()");
          return;
        }
        this.open(level > PR_TUPLE);
        this.seq(e.elts, PR_TEST);
        if (e.elts.length === 1) this.w(",");
        this.close(level > PR_TUPLE);
        return;
      case "NamedExpr":
        this.open(level > PR_TUPLE);
        this.expr(e.target, PR_ATOM);
        this.w(" := ");
        this.expr(e.value, PR_ATOM);
        this.close(level > PR_TUPLE);
        return;
    }
  }
}

/** _PyAST_ExprAsUnicode: the text of an annotation. */
export function unparseExpr(e: Expr): string {
  const u = new Unparser();
  u.expr(e, PR_TEST);
  return u.out;
}
