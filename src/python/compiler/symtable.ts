// Python/symtable.c (3.11): the symbol table.
//
// Pass 1 walks the AST and records, per block (module, class, function, lambda, comprehension),
// the raw facts about each name: bound here, used here, parameter, declared global/nonlocal.
// Pass 2 (analyzeBlock) decides each name's scope: local, cell, free, global explicit or implicit.
// Comprehensions are separate function blocks in 3.11 whose first iterator is evaluated in the
// enclosing block and passed in as the implicit parameter ".0".

import type {
  Alias,
  Arguments,
  Arg,
  Comprehension,
  ExceptHandler,
  Expr,
  Keyword,
  Located,
  MatchCase,
  Module,
  Pattern,
  Stmt,
  WithItem,
} from "../ast.js";
import { DepthGuard, syntaxError, type DiagnosticSink } from "./errors.js";
import { CO_FUTURE_ANNOTATIONS, type FutureFeatures } from "./future.js";
import { mangle } from "./mangle.js";

// Symbol flags (Include/internal/pycore_symtable.h)
export const DEF_GLOBAL = 1;
export const DEF_LOCAL = 2;
export const DEF_PARAM = 4;
export const DEF_NONLOCAL = 8;
export const USE = 16;
export const DEF_FREE = 32;
export const DEF_FREE_CLASS = 64;
export const DEF_IMPORT = 128;
export const DEF_ANNOT = 256;
export const DEF_COMP_ITER = 512;
export const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

export const SCOPE_OFFSET = 11;
export const SCOPE_MASK = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;

// Scopes
export const LOCAL = 1;
export const GLOBAL_EXPLICIT = 2;
export const GLOBAL_IMPLICIT = 3;
export const FREE = 4;
export const CELL = 5;

export type BlockType = "function" | "class" | "module" | "annotation";
export type ComprehensionType = "" | "list" | "set" | "dict" | "genexpr";

/** An expression module (compile(..., "eval")). */
export interface ExpressionModule {
  kind: "Expression";
  body: Expr;
}
/** An interactive statement (compile(..., "single")): expression statements print their value. */
export interface InteractiveModule {
  kind: "Interactive";
  body: Stmt[];
}
export type Mod = Module | ExpressionModule | InteractiveModule;

export class SymtableEntry {
  readonly name: string;
  readonly type: BlockType;
  /** name -> flags, with the scope in the bits from SCOPE_OFFSET after analysis. Insertion-ordered. */
  readonly symbols = new Map<string, number>();
  /** Parameters, in order. */
  readonly varnames: string[] = [];
  readonly children: SymtableEntry[] = [];
  /** global/nonlocal statements: [name, lineno, col, end_lineno, end_col]. */
  readonly directives: [string, number, number, number, number][] = [];
  nested = false;
  free = false;
  childFree = false;
  generator = false;
  coroutine = false;
  comprehension: ComprehensionType = "";
  varargs = false;
  varkeywords = false;
  returnsValue = false;
  needsClassClosure = false;
  compIterTarget = false;
  compIterExpr = 0;
  readonly lineno: number;
  readonly colOffset: number;
  readonly endLineno: number;
  readonly endColOffset: number;

  constructor(name: string, type: BlockType, lineno: number, col: number, endLineno: number, endCol: number) {
    this.name = name;
    this.type = type;
    this.lineno = lineno;
    this.colOffset = col;
    this.endLineno = endLineno;
    this.endColOffset = endCol;
  }

  /** _PyST_GetSymbol */
  symbol(name: string): number {
    return this.symbols.get(name) ?? 0;
  }

  /** _PyST_GetScope */
  scope(name: string): number {
    return (this.symbol(name) >> SCOPE_OFFSET) & SCOPE_MASK;
  }
}

export class Symtable {
  readonly top: SymtableEntry;
  private readonly blocks: Map<object, SymtableEntry>;

  constructor(top: SymtableEntry, blocks: Map<object, SymtableEntry>) {
    this.top = top;
    this.blocks = blocks;
  }

  /** The entry of the block created for an AST node (module, def, class, lambda, comprehension). */
  lookup(node: object): SymtableEntry {
    const ste = this.blocks.get(node);
    if (ste === undefined) throw new Error("heapscope internal error: unknown symbol table entry");
    return ste;
  }
}

const GLOBAL_PARAM = "name '%' is parameter and global";
const NONLOCAL_PARAM = "name '%' is parameter and nonlocal";
const GLOBAL_AFTER_ASSIGN = "name '%' is assigned to before global declaration";
const NONLOCAL_AFTER_ASSIGN = "name '%' is assigned to before nonlocal declaration";
const GLOBAL_AFTER_USE = "name '%' is used prior to global declaration";
const NONLOCAL_AFTER_USE = "name '%' is used prior to nonlocal declaration";
const GLOBAL_ANNOT = "annotated name '%' can't be global";
const NONLOCAL_ANNOT = "annotated name '%' can't be nonlocal";
const IMPORT_STAR_WARNING = "import * only allowed at module level";
const NAMED_EXPR_COMP_IN_CLASS = "assignment expression within a comprehension cannot be used in a class body";
const NAMED_EXPR_COMP_CONFLICT = "assignment expression cannot rebind comprehension iteration variable '%'";
const NAMED_EXPR_COMP_INNER_LOOP_CONFLICT = "comprehension inner loop cannot rebind assignment expression target '%'";
const NAMED_EXPR_COMP_ITER_EXPR = "assignment expression cannot be used in a comprehension iterable expression";
const ANNOTATION_NOT_ALLOWED = "% cannot be used within an annotation";
const DUPLICATE_ARGUMENT = "duplicate argument '%' in function definition";

function fmt(template: string, name: string): string {
  return template.replace("%", name);
}

class SymtableBuilder {
  private readonly sink: DiagnosticSink;
  private readonly future: FutureFeatures;
  private readonly blocks = new Map<object, SymtableEntry>();
  private readonly stack: SymtableEntry[] = [];
  private cur!: SymtableEntry;
  top!: SymtableEntry;
  private global!: Map<string, number>;
  private privateName: string | null = null;
  private readonly guard: DepthGuard;

  constructor(sink: DiagnosticSink, future: FutureFeatures, guard: DepthGuard) {
    this.sink = sink;
    this.future = future;
    this.guard = guard;
  }

  private error(msg: string, loc: Located): never {
    throw syntaxError(this.sink, msg, loc.lineno, loc.col_offset, loc.end_lineno, loc.end_col_offset);
  }

  build(mod: Mod): Symtable {
    this.enterBlock("top", "module", mod, 0, 0, 0, 0);
    this.top = this.cur;
    if (mod.kind === "Module" || mod.kind === "Interactive") {
      for (const s of mod.body) this.visitStmt(s);
    } else {
      this.visitExpr(mod.body);
    }
    this.exitBlock();
    analyzeBlock(this.top, null, new Set(), new Set(), this.sink);
    return new Symtable(this.top, this.blocks);
  }

  // --- blocks ----------------------------------------------------------------------------------

  private enterBlock(name: string, type: BlockType, key: object, lineno: number, col: number, endLineno: number, endCol: number): void {
    const ste = new SymtableEntry(name, type, lineno, col, endLineno, endCol);
    const prev = this.stack.length > 0 ? this.stack[this.stack.length - 1]! : null;
    if (prev !== null && (prev.nested || prev.type === "function")) ste.nested = true;
    this.blocks.set(key, ste);
    this.stack.push(ste);
    // bpo-37757: no assignment expressions anywhere inside a comprehension's outermost iterable.
    if (prev !== null) ste.compIterExpr = prev.compIterExpr;
    this.cur = ste;
    // Annotation blocks (future annotations) leave no trace: the annotations become strings.
    if (type === "annotation") return;
    if (type === "module") this.global = ste.symbols;
    if (prev !== null) prev.children.push(ste);
  }

  private exitBlock(): void {
    this.stack.pop();
    if (this.stack.length > 0) this.cur = this.stack[this.stack.length - 1]!;
  }

  private lookup(name: string): number {
    return this.cur.symbol(mangle(this.privateName, name));
  }

  private addDef(name: string, flag: number, loc: Located): void {
    this.addDefTo(this.cur, name, flag, loc);
  }

  /** symtable_add_def_helper */
  private addDefTo(ste: SymtableEntry, name: string, flag: number, loc: Located): void {
    const mangled = mangle(this.privateName, name);
    const dict = ste.symbols;
    const existing = dict.get(mangled);
    let val: number;
    if (existing !== undefined) {
      if ((flag & DEF_PARAM) !== 0 && (existing & DEF_PARAM) !== 0) this.error(fmt(DUPLICATE_ARGUMENT, name), loc);
      val = existing | flag;
    } else {
      val = flag;
    }
    if (ste.compIterTarget) {
      if ((val & (DEF_GLOBAL | DEF_NONLOCAL)) !== 0) this.error(fmt(NAMED_EXPR_COMP_INNER_LOOP_CONFLICT, name), loc);
      val |= DEF_COMP_ITER;
    }
    dict.set(mangled, val);
    if ((flag & DEF_PARAM) !== 0) {
      ste.varnames.push(mangled);
    } else if ((flag & DEF_GLOBAL) !== 0) {
      this.global.set(mangled, flag | (this.global.get(mangled) ?? 0));
    }
  }

  private recordDirective(name: string, loc: Located): void {
    this.cur.directives.push([mangle(this.privateName, name), loc.lineno, loc.col_offset, loc.end_lineno, loc.end_col_offset]);
  }

  // --- statements ------------------------------------------------------------------------------

  private visitStmts(body: readonly Stmt[]): void {
    for (const s of body) this.visitStmt(s);
  }

  private visitExprs(exprs: readonly (Expr | null)[]): void {
    for (const e of exprs) if (e !== null) this.visitExpr(e);
  }

  private visitStmt(s: Stmt): void {
    this.guard.enter();
    this.visitStmtInner(s);
    this.guard.leave();
  }

  private visitStmtInner(s: Stmt): void {
    switch (s.kind) {
      case "FunctionDef":
      case "AsyncFunctionDef":
        this.addDef(s.name, DEF_LOCAL, s);
        this.visitExprs(s.args.defaults);
        this.visitExprs(s.args.kw_defaults);
        this.visitAnnotations(s, s.args, s.returns);
        this.visitExprs(s.decorator_list);
        this.enterBlock(s.name, "function", s, s.lineno, s.col_offset, s.end_lineno, s.end_col_offset);
        if (s.kind === "AsyncFunctionDef") this.cur.coroutine = true;
        this.visitArguments(s.args);
        this.visitStmts(s.body);
        this.exitBlock();
        break;
      case "ClassDef": {
        this.addDef(s.name, DEF_LOCAL, s);
        this.visitExprs(s.bases);
        for (const k of s.keywords) this.visitExpr(k.value);
        this.visitExprs(s.decorator_list);
        this.enterBlock(s.name, "class", s, s.lineno, s.col_offset, s.end_lineno, s.end_col_offset);
        const saved = this.privateName;
        this.privateName = s.name;
        this.visitStmts(s.body);
        this.privateName = saved;
        this.exitBlock();
        break;
      }
      case "Return":
        if (s.value !== null) {
          this.visitExpr(s.value);
          this.cur.returnsValue = true;
        }
        break;
      case "Delete":
        this.visitExprs(s.targets);
        break;
      case "Assign":
        this.visitExprs(s.targets);
        this.visitExpr(s.value);
        break;
      case "AnnAssign":
        if (s.target.kind === "Name") {
          const target = s.target;
          const cur = this.lookup(target.id);
          if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) !== 0 && this.cur.symbols !== this.global && s.simple) {
            this.error(fmt((cur & DEF_GLOBAL) !== 0 ? GLOBAL_ANNOT : NONLOCAL_ANNOT, target.id), s);
          }
          if (s.simple) this.addDef(target.id, DEF_ANNOT | DEF_LOCAL, target);
          if (s.value !== null) this.addDef(target.id, DEF_LOCAL, target);
        } else {
          this.visitExpr(s.target);
        }
        this.visitAnnotation(s.annotation);
        if (s.value !== null) this.visitExpr(s.value);
        break;
      case "AugAssign":
        this.visitExpr(s.target);
        this.visitExpr(s.value);
        break;
      case "For":
      case "AsyncFor":
        this.visitExpr(s.target);
        this.visitExpr(s.iter);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case "While":
      case "If":
        this.visitExpr(s.test);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case "Match":
        this.visitExpr(s.subject);
        for (const m of s.cases) this.visitMatchCase(m);
        break;
      case "Raise":
        if (s.exc !== null) {
          this.visitExpr(s.exc);
          if (s.cause !== null) this.visitExpr(s.cause);
        }
        break;
      case "Try":
      case "TryStar":
        this.visitStmts(s.body);
        for (const h of s.handlers) this.visitExceptHandler(h);
        this.visitStmts(s.orelse);
        this.visitStmts(s.finalbody);
        break;
      case "Assert":
        this.visitExpr(s.test);
        if (s.msg !== null) this.visitExpr(s.msg);
        break;
      case "Import":
      case "ImportFrom":
        for (const a of s.names) this.visitAlias(a);
        break;
      case "Global":
      case "Nonlocal": {
        const isGlobal = s.kind === "Global";
        for (const name of s.names) {
          const cur = this.lookup(name);
          if ((cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) !== 0) {
            let msg: string;
            if ((cur & DEF_PARAM) !== 0) msg = isGlobal ? GLOBAL_PARAM : NONLOCAL_PARAM;
            else if ((cur & USE) !== 0) msg = isGlobal ? GLOBAL_AFTER_USE : NONLOCAL_AFTER_USE;
            else if ((cur & DEF_ANNOT) !== 0) msg = isGlobal ? GLOBAL_ANNOT : NONLOCAL_ANNOT;
            else msg = isGlobal ? GLOBAL_AFTER_ASSIGN : NONLOCAL_AFTER_ASSIGN;
            this.error(fmt(msg, name), s);
          }
          this.addDef(name, isGlobal ? DEF_GLOBAL : DEF_NONLOCAL, s);
          this.recordDirective(name, s);
        }
        break;
      }
      case "Expr":
        this.visitExpr(s.value);
        break;
      case "Pass":
      case "Break":
      case "Continue":
        break;
      case "With":
      case "AsyncWith":
        for (const item of s.items) this.visitWithItem(item);
        this.visitStmts(s.body);
        break;
    }
  }

  private visitExceptHandler(h: ExceptHandler): void {
    if (h.type !== null) this.visitExpr(h.type);
    if (h.name !== null) this.addDef(h.name, DEF_LOCAL, h);
    this.visitStmts(h.body);
  }

  private visitWithItem(item: WithItem): void {
    this.visitExpr(item.context_expr);
    if (item.optional_vars !== null) this.visitExpr(item.optional_vars);
  }

  private visitMatchCase(m: MatchCase): void {
    this.visitPattern(m.pattern);
    if (m.guard !== null) this.visitExpr(m.guard);
    this.visitStmts(m.body);
  }

  private visitPattern(p: Pattern): void {
    this.guard.enter();
    this.visitPatternInner(p);
    this.guard.leave();
  }

  private visitPatternInner(p: Pattern): void {
    switch (p.kind) {
      case "MatchValue":
        this.visitExpr(p.value);
        break;
      case "MatchSingleton":
        break;
      case "MatchSequence":
        for (const q of p.patterns) this.visitPattern(q);
        break;
      case "MatchStar":
        if (p.name !== null) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case "MatchMapping":
        this.visitExprs(p.keys);
        for (const q of p.patterns) this.visitPattern(q);
        if (p.rest !== null) this.addDef(p.rest, DEF_LOCAL, p);
        break;
      case "MatchClass":
        this.visitExpr(p.cls);
        for (const q of p.patterns) this.visitPattern(q);
        for (const q of p.kwd_patterns) this.visitPattern(q);
        break;
      case "MatchAs":
        if (p.pattern !== null) this.visitPattern(p.pattern);
        if (p.name !== null) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case "MatchOr":
        for (const q of p.patterns) this.visitPattern(q);
        break;
    }
  }

  private visitAlias(a: Alias): void {
    // The name an import binds: the first component of a dotted module name.
    const name = a.asname ?? a.name;
    const dot = name.indexOf(".");
    const storeName = dot >= 0 ? name.slice(0, dot) : name;
    if (name !== "*") {
      this.addDef(storeName, DEF_IMPORT, a);
    } else if (this.cur.type !== "module") {
      this.error(IMPORT_STAR_WARNING, a);
    }
  }

  // --- arguments and annotations ---------------------------------------------------------------

  private visitParams(args: readonly Arg[]): void {
    for (const a of args) this.addDef(a.arg, DEF_PARAM, a);
  }

  private visitArguments(a: Arguments): void {
    this.visitParams(a.posonlyargs);
    this.visitParams(a.args);
    this.visitParams(a.kwonlyargs);
    if (a.vararg !== null) {
      this.addDef(a.vararg.arg, DEF_PARAM, a.vararg);
      this.cur.varargs = true;
    }
    if (a.kwarg !== null) {
      this.addDef(a.kwarg.arg, DEF_PARAM, a.kwarg);
      this.cur.varkeywords = true;
    }
  }

  private get futureAnnotations(): boolean {
    return (this.future.features & CO_FUTURE_ANNOTATIONS) !== 0;
  }

  private visitAnnotation(annotation: Expr): void {
    const future = this.futureAnnotations;
    if (future) {
      this.enterBlock("_annotation", "annotation", annotation, annotation.lineno, annotation.col_offset,
        annotation.end_lineno, annotation.end_col_offset);
    }
    this.visitExpr(annotation);
    if (future) this.exitBlock();
  }

  private visitArgAnnotations(args: readonly Arg[]): void {
    for (const a of args) if (a.annotation !== null) this.visitExpr(a.annotation);
  }

  private visitAnnotations(s: Stmt, a: Arguments, returns: Expr | null): void {
    const future = this.futureAnnotations;
    if (future) this.enterBlock("_annotation", "annotation", a, s.lineno, s.col_offset, s.end_lineno, s.end_col_offset);
    this.visitArgAnnotations(a.posonlyargs);
    this.visitArgAnnotations(a.args);
    if (a.vararg !== null && a.vararg.annotation !== null) this.visitExpr(a.vararg.annotation);
    if (a.kwarg !== null && a.kwarg.annotation !== null) this.visitExpr(a.kwarg.annotation);
    this.visitArgAnnotations(a.kwonlyargs);
    if (future) this.exitBlock();
    if (returns !== null) this.visitAnnotation(returns);
  }

  // --- expressions -----------------------------------------------------------------------------

  private raiseIfAnnotationBlock(what: string, e: Expr): void {
    if (this.cur.type === "annotation") this.error(fmt(ANNOTATION_NOT_ALLOWED, what), e);
  }

  private visitExpr(e: Expr): void {
    this.guard.enter();
    this.visitExprInner(e);
    this.guard.leave();
  }

  private visitExprInner(e: Expr): void {
    switch (e.kind) {
      case "NamedExpr":
        this.raiseIfAnnotationBlock("named expression", e);
        this.handleNamedExpr(e);
        break;
      case "BoolOp":
        this.visitExprs(e.values);
        break;
      case "BinOp":
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        break;
      case "UnaryOp":
        this.visitExpr(e.operand);
        break;
      case "Lambda":
        this.visitExprs(e.args.defaults);
        this.visitExprs(e.args.kw_defaults);
        this.enterBlock("lambda", "function", e, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
        this.visitArguments(e.args);
        this.visitExpr(e.body);
        this.exitBlock();
        break;
      case "IfExp":
        this.visitExpr(e.test);
        this.visitExpr(e.body);
        this.visitExpr(e.orelse);
        break;
      case "Dict":
        this.visitExprs(e.keys);
        this.visitExprs(e.values);
        break;
      case "Set":
        this.visitExprs(e.elts);
        break;
      case "GeneratorExp":
        this.handleComprehension(e, "genexpr", e.generators, e.elt, null);
        break;
      case "ListComp":
        this.handleComprehension(e, "listcomp", e.generators, e.elt, null);
        break;
      case "SetComp":
        this.handleComprehension(e, "setcomp", e.generators, e.elt, null);
        break;
      case "DictComp":
        this.handleComprehension(e, "dictcomp", e.generators, e.key, e.value);
        break;
      case "Yield":
      case "YieldFrom":
        this.raiseIfAnnotationBlock("yield expression", e);
        if (e.value !== null) this.visitExpr(e.value);
        this.cur.generator = true;
        if (this.cur.comprehension !== "") {
          const c = this.cur.comprehension;
          const what =
            c === "list" ? "list comprehension" : c === "set" ? "set comprehension" : c === "dict" ? "dict comprehension" : "generator expression";
          this.error(`'yield' inside ${what}`, e);
        }
        break;
      case "Await":
        this.raiseIfAnnotationBlock("await expression", e);
        this.visitExpr(e.value);
        this.cur.coroutine = true;
        break;
      case "Compare":
        this.visitExpr(e.left);
        this.visitExprs(e.comparators);
        break;
      case "Call":
        this.visitExpr(e.func);
        this.visitExprs(e.args);
        for (const k of e.keywords) this.visitKeyword(k);
        break;
      case "FormattedValue":
        this.visitExpr(e.value);
        if (e.format_spec !== null) this.visitExpr(e.format_spec);
        break;
      case "JoinedStr":
        this.visitExprs(e.values);
        break;
      case "Constant":
        break;
      case "Attribute":
        this.visitExpr(e.value);
        break;
      case "Subscript":
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        break;
      case "Starred":
        this.visitExpr(e.value);
        break;
      case "Slice":
        if (e.lower !== null) this.visitExpr(e.lower);
        if (e.upper !== null) this.visitExpr(e.upper);
        if (e.step !== null) this.visitExpr(e.step);
        break;
      case "Name":
        this.addDef(e.id, e.ctx === "Load" ? USE : DEF_LOCAL, e);
        // super() needs the implicit __class__ cell.
        if (e.ctx === "Load" && this.cur.type === "function" && e.id === "super") this.addDef("__class__", USE, e);
        break;
      case "List":
      case "Tuple":
        this.visitExprs(e.elts);
        break;
    }
  }

  private visitKeyword(k: Keyword): void {
    this.visitExpr(k.value);
  }

  private handleNamedExpr(e: Expr & { kind: "NamedExpr" }): void {
    if (this.cur.compIterExpr > 0) this.error(NAMED_EXPR_COMP_ITER_EXPR, e);
    if (this.cur.comprehension !== "") this.extendNamedExprScope(e.target);
    this.visitExpr(e.value);
    this.visitExpr(e.target);
  }

  /** An assignment expression in a comprehension binds in the nearest enclosing function or module. */
  private extendNamedExprScope(target: Expr): void {
    if (target.kind !== "Name") return;
    const name = target.id;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const ste = this.stack[i]!;
      if (ste.comprehension !== "") {
        if ((ste.symbol(name) & DEF_COMP_ITER) !== 0) this.error(fmt(NAMED_EXPR_COMP_CONFLICT, name), target);
        continue;
      }
      if (ste.type === "function") {
        const flag = (ste.symbol(name) & DEF_GLOBAL) !== 0 ? DEF_GLOBAL : DEF_NONLOCAL;
        this.addDef(name, flag, target);
        this.recordDirective(name, target);
        this.addDefTo(ste, name, DEF_LOCAL, target);
        return;
      }
      if (ste.type === "module") {
        this.addDef(name, DEF_GLOBAL, target);
        this.recordDirective(name, target);
        this.addDefTo(ste, name, DEF_GLOBAL, target);
        return;
      }
      if (ste.type === "class") this.error(NAMED_EXPR_COMP_IN_CLASS, target);
    }
  }

  private visitComprehension(lc: Comprehension): void {
    this.cur.compIterTarget = true;
    this.visitExpr(lc.target);
    this.cur.compIterTarget = false;
    this.cur.compIterExpr++;
    this.visitExpr(lc.iter);
    this.cur.compIterExpr--;
    this.visitExprs(lc.ifs);
    if (lc.is_async) this.cur.coroutine = true;
  }

  private handleComprehension(e: Expr, scopeName: string, generators: readonly Comprehension[], elt: Expr, value: Expr | null): void {
    const isGenerator = e.kind === "GeneratorExp";
    const outermost = generators[0]!;
    // The outermost iterable is evaluated in the enclosing scope.
    this.cur.compIterExpr++;
    this.visitExpr(outermost.iter);
    this.cur.compIterExpr--;
    this.enterBlock(scopeName, "function", e, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
    const cur = this.cur;
    cur.comprehension =
      e.kind === "ListComp" ? "list" : e.kind === "SetComp" ? "set" : e.kind === "DictComp" ? "dict" : "genexpr";
    if (outermost.is_async) cur.coroutine = true;
    // The outermost iterator arrives as the implicit parameter ".0".
    this.addDef(".0", DEF_PARAM, { lineno: cur.lineno, col_offset: cur.colOffset, end_lineno: cur.endLineno, end_col_offset: cur.endColOffset });
    cur.compIterTarget = true;
    this.visitExpr(outermost.target);
    cur.compIterTarget = false;
    this.visitExprs(outermost.ifs);
    for (let i = 1; i < generators.length; i++) this.visitComprehension(generators[i]!);
    if (value !== null) this.visitExpr(value);
    this.visitExpr(elt);
    cur.generator = isGenerator;
    const isAsync = cur.coroutine && !isGenerator;
    this.exitBlock();
    if (isAsync) this.cur.coroutine = true;
  }
}

// --- analysis (pass 2) -------------------------------------------------------------------------

function errorAtDirective(ste: SymtableEntry, name: string, msg: string, sink: DiagnosticSink): never {
  for (const [n, lineno, col, endLineno, endCol] of ste.directives) {
    if (n === name) throw syntaxError(sink, msg, lineno, col, endLineno, endCol);
  }
  throw new Error("heapscope internal error: directive bookkeeping broken");
}

function analyzeName(
  ste: SymtableEntry,
  scopes: Map<string, number>,
  name: string,
  flags: number,
  bound: Set<string> | null,
  local: Set<string>,
  free: Set<string>,
  global: Set<string>,
  sink: DiagnosticSink,
): void {
  if ((flags & DEF_GLOBAL) !== 0) {
    if ((flags & DEF_NONLOCAL) !== 0) errorAtDirective(ste, name, `name '${name}' is nonlocal and global`, sink);
    scopes.set(name, GLOBAL_EXPLICIT);
    global.add(name);
    if (bound !== null) bound.delete(name);
    return;
  }
  if ((flags & DEF_NONLOCAL) !== 0) {
    if (bound === null) errorAtDirective(ste, name, "nonlocal declaration not allowed at module level", sink);
    if (!bound.has(name)) errorAtDirective(ste, name, `no binding for nonlocal '${name}' found`, sink);
    scopes.set(name, FREE);
    ste.free = true;
    free.add(name);
    return;
  }
  if ((flags & DEF_BOUND) !== 0) {
    scopes.set(name, LOCAL);
    local.add(name);
    global.delete(name);
    return;
  }
  // A binding in an enclosing function makes the name free here.
  if (bound !== null && bound.has(name)) {
    scopes.set(name, FREE);
    ste.free = true;
    free.add(name);
    return;
  }
  if (global.has(name)) {
    scopes.set(name, GLOBAL_IMPLICIT);
    return;
  }
  if (ste.nested) ste.free = true;
  scopes.set(name, GLOBAL_IMPLICIT);
}

/** Locals that a child uses freely become cells here. */
function analyzeCells(scopes: Map<string, number>, free: Set<string>): void {
  for (const [name, scope] of scopes) {
    if (scope !== LOCAL || !free.has(name)) continue;
    scopes.set(name, CELL);
    free.delete(name);
  }
}

function updateSymbols(
  symbols: Map<string, number>,
  scopes: Map<string, number>,
  bound: Set<string> | null,
  free: Set<string>,
  classflag: boolean,
): void {
  for (const [name, flags] of symbols) symbols.set(name, flags | (scopes.get(name)! << SCOPE_OFFSET));
  for (const name of free) {
    const v = symbols.get(name);
    if (v !== undefined) {
      // A method's free variable that the class body also binds or declares global.
      if (classflag && (v & (DEF_BOUND | DEF_GLOBAL)) !== 0) symbols.set(name, v | DEF_FREE_CLASS);
      continue;
    }
    if (bound !== null && !bound.has(name)) continue; // a global
    symbols.set(name, FREE << SCOPE_OFFSET);
  }
}

function analyzeBlock(ste: SymtableEntry, bound: Set<string> | null, free: Set<string>, global: Set<string>, sink: DiagnosticSink): void {
  const local = new Set<string>();
  const scopes = new Map<string, number>();
  const newglobal = new Set<string>();
  const newfree = new Set<string>();
  const newbound = new Set<string>();

  // Class bindings are invisible to nested functions, so what they see is fixed up front.
  if (ste.type === "class") {
    for (const n of global) newglobal.add(n);
    if (bound !== null) for (const n of bound) newbound.add(n);
  }
  for (const [name, flags] of ste.symbols) analyzeName(ste, scopes, name, flags, bound, local, free, global, sink);

  if (ste.type !== "class") {
    if (ste.type === "function") for (const n of local) newbound.add(n);
    if (bound !== null) for (const n of bound) newbound.add(n);
    for (const n of global) newglobal.add(n);
  } else {
    newbound.add("__class__");
  }

  const allfree = new Set<string>();
  for (const child of ste.children) {
    const childBound = new Set(newbound);
    const childFree = new Set(newfree);
    const childGlobal = new Set(newglobal);
    analyzeBlock(child, childBound, childFree, childGlobal, sink);
    for (const n of childFree) allfree.add(n);
    if (child.free || child.childFree) ste.childFree = true;
  }
  for (const n of allfree) newfree.add(n);

  if (ste.type === "function") {
    analyzeCells(scopes, newfree);
  } else if (ste.type === "class") {
    if (newfree.delete("__class__")) ste.needsClassClosure = true;
  }
  updateSymbols(ste.symbols, scopes, bound, newfree, ste.type === "class");
  for (const n of newfree) free.add(n);
}

/** _PySymtable_Build */
export function buildSymtable(mod: Mod, future: FutureFeatures, sink: DiagnosticSink, guard = new DepthGuard(0, 1000)): Symtable {
  return new SymtableBuilder(sink, future, guard).build(mod);
}
