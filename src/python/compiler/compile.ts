// Python/compile.c (3.11), the code-generation half: AST -> control-flow graph of basic blocks,
// one compiler unit per code object. Function names follow compile.c's (compiler_if, ...) so the
// two can be read side by side; `assemble.ts` and `flowgraph.ts` hold the other half.

import type {
  Alias,
  Arguments,
  Arg,
  CmpOp,
  Comprehension,
  Constant,
  Expr,
  ExprContext,
  Keyword,
  Located,
  Operator,
  Stmt,
} from "../ast.js";
import * as op from "../opcodes.js";
import { CMP_EQ, CMP_GE, CMP_GT, CMP_LE, CMP_LT, CMP_NE } from "./codeflags.js";
import { constValue } from "./astopt.js";
import { Block, Instr, isEndOfBasicBlock, JUMP_NO_INTERRUPT, POP_BLOCK, PRECALL, SETUP_CLEANUP, SETUP_FINALLY, SETUP_WITH } from "./cfg.js";
import { C_NONE, C_ZERO, cInt, compareCodePoints, cStr, cTuple, type CVal } from "./consts.js";
import { docstringOf } from "./docstring.js";
import { syntaxError, type DiagnosticSink } from "./errors.js";
import { codePointLength, makeFrozenset } from "./fold.js";
import { CO_FUTURE_ANNOTATIONS, PYCF_ALLOW_TOP_LEVEL_AWAIT, type FutureFeatures } from "./future.js";
import { mangle } from "./mangle.js";
import {
  CELL,
  DEF_FREE_CLASS,
  DEF_IMPORT,
  FREE,
  GLOBAL_EXPLICIT,
  GLOBAL_IMPLICIT,
  LOCAL,
  SCOPE_MASK,
  SCOPE_OFFSET,
  type Mod,
  type Symtable,
} from "./symtable.js";
import type { CodeUnit } from "./unit.js";
import { CompilerUnit, ScopeType, type FBlock, type FBlockType, IndexMap } from "./unitstate.js";
import { assemble } from "./assemble.js";
import { PatternCompiler } from "./patterns.js";
import { unparseExpr } from "./unparse.js";

/** A soft limit on values pushed at once; bigger displays and calls are built incrementally. */
const STACK_USE_GUIDELINE = 30;
/** Include/cpython/code.h CO_MAXBLOCKS */
const CO_MAXBLOCKS = 20;

const enum CompType {
  GenExp,
  ListComp,
  SetComp,
  DictComp,
}

type ExprOf<K extends Expr["kind"]> = Extract<Expr, { kind: K }>;
type StmtOf<K extends Stmt["kind"]> = Extract<Stmt, { kind: K }>;

/** dictbytype: the names of `scope` (or carrying `flag`), sorted, numbered from `offset`. */
function dictByType(symbols: Map<string, number>, scopeType: number, flag: number, offset: number): IndexMap {
  const out = new IndexMap();
  const keys = [...symbols.keys()].sort(compareCodePoints);
  let i = offset;
  for (const k of keys) {
    const vi = symbols.get(k)!;
    const scope = (vi >> SCOPE_OFFSET) & SCOPE_MASK;
    if (scope === scopeType || (vi & flag) !== 0) {
      out.map.set(k, i++);
    }
  }
  return out;
}

function findAnn(stmts: readonly Stmt[]): boolean {
  for (const st of stmts) {
    let res = false;
    switch (st.kind) {
      case "AnnAssign":
        return true;
      case "For":
      case "AsyncFor":
      case "While":
      case "If":
        res = findAnn(st.body) || findAnn(st.orelse);
        break;
      case "With":
      case "AsyncWith":
        res = findAnn(st.body);
        break;
      case "Try":
      case "TryStar":
        for (const h of st.handlers) if (findAnn(h.body)) return true;
        res = findAnn(st.body) || findAnn(st.finalbody) || findAnn(st.orelse);
        break;
      case "Match":
        for (const m of st.cases) if (findAnn(m.body)) return true;
        break;
      default:
        res = false;
    }
    if (res) return true;
  }
  return false;
}

const BINARY_OPARG: Record<Operator, number> = {
  Add: op.NB_ADD,
  Sub: op.NB_SUBTRACT,
  Mult: op.NB_MULTIPLY,
  MatMult: op.NB_MATRIX_MULTIPLY,
  Div: op.NB_TRUE_DIVIDE,
  Mod: op.NB_REMAINDER,
  Pow: op.NB_POWER,
  LShift: op.NB_LSHIFT,
  RShift: op.NB_RSHIFT,
  BitOr: op.NB_OR,
  BitXor: op.NB_XOR,
  BitAnd: op.NB_AND,
  FloorDiv: op.NB_FLOOR_DIVIDE,
};

const UNARY_OPCODE = { Invert: op.UNARY_INVERT, Not: op.UNARY_NOT, UAdd: op.UNARY_POSITIVE, USub: op.UNARY_NEGATIVE } as const;

export interface CompilerConfig {
  filename: string;
  /** -O level: 1 drops asserts, 2 also docstrings. */
  optimize: number;
  /** Compiler flags, already merged with the future features (PyCF_*, CO_FUTURE_*). */
  flags: number;
  interactive: boolean;
}

export class Compiler {
  readonly sink: DiagnosticSink;
  readonly filename: string;
  readonly st: Symtable;
  readonly future: FutureFeatures;
  readonly flags: number;
  readonly optimize: number;
  interactive: boolean;
  private nestlevel = 0;
  private readonly stack: CompilerUnit[] = [];
  u!: CompilerUnit;

  constructor(sink: DiagnosticSink, st: Symtable, future: FutureFeatures, config: CompilerConfig) {
    this.sink = sink;
    this.filename = config.filename;
    this.st = st;
    this.future = future;
    this.flags = config.flags;
    this.optimize = config.optimize;
    this.interactive = config.interactive;
  }

  // --- errors -----------------------------------------------------------------------------------

  /** compiler_error: a SyntaxError at the current location. */
  error(msg: string): never {
    const u = this.u;
    throw syntaxError(this.sink, msg, u.lineno, u.colOffset, u.endLineno, u.endColOffset);
  }

  /** compiler_warn: a SyntaxWarning (an error when the warning filter says so). */
  warn(msg: string): void {
    const w = this.sink.warn;
    if (w !== null && w(msg, this.filename, this.u.lineno)) this.error(msg);
  }

  // --- units and blocks ------------------------------------------------------------------------

  private enterScope(name: string, scopeType: ScopeType, key: object, lineno: number): void {
    const ste = this.st.lookup(key);
    const u = new CompilerUnit(ste, name, scopeType, lineno);
    ste.varnames.forEach((n) => u.varnames.add(n));
    const cells = dictByType(ste.symbols, CELL, 0, 0);
    for (const [k, v] of cells.map) u.cellvars.map.set(k, v);
    if (ste.needsClassClosure) u.cellvars.map.set("__class__", 0); // the implicit __class__ cell
    const frees = dictByType(ste.symbols, FREE, DEF_FREE_CLASS, u.cellvars.size);
    for (const [k, v] of frees.map) u.freevars.map.set(k, v);
    if (this.u !== undefined) {
      this.stack.push(this.u);
      u.privateName = this.u.privateName;
    }
    this.u = u;
    this.nestlevel++;
    u.curblock = this.newBlock();
    if (scopeType === ScopeType.Module) u.lineno = 0;
    else this.setQualname();
    this.addopI(op.RESUME, 0);
    if (scopeType === ScopeType.Module) u.lineno = -1;
  }

  private exitScope(): void {
    this.nestlevel--;
    const parent = this.stack.pop();
    if (parent !== undefined) this.u = parent;
  }

  private setQualname(): void {
    const u = this.u;
    let base: string | null = null;
    if (this.stack.length > 1) {
      const parent = this.stack[this.stack.length - 1]!;
      let forceGlobal = false;
      if (u.scopeType === ScopeType.Function || u.scopeType === ScopeType.AsyncFunction || u.scopeType === ScopeType.Class) {
        const mangled = mangle(parent.privateName, u.name);
        if (parent.ste.scope(mangled) === GLOBAL_EXPLICIT) forceGlobal = true;
      }
      if (!forceGlobal) {
        const p = parent.scopeType;
        if (p === ScopeType.Function || p === ScopeType.AsyncFunction || p === ScopeType.Lambda) {
          base = parent.qualname + ".<locals>";
        } else {
          base = parent.qualname;
        }
      }
    }
    u.qualname = base !== null ? base + "." + u.name : u.name;
  }

  newBlock(): Block {
    const b = new Block();
    this.u.blocks.push(b);
    return b;
  }

  useNextBlock(block: Block): Block {
    this.u.curblock.next = block;
    this.u.curblock = block;
    this.u.needNewImplicitBlock = false;
    return block;
  }

  /** compiler_copy_block */
  copyBlock(block: Block): Block {
    const result = this.newBlock();
    for (const i of block.instrs) result.instrs.push(i.copy());
    result.exit = block.exit;
    result.nofallthrough = true;
    return result;
  }

  private useNewImplicitBlockIfNeeded(): void {
    if (this.u.needNewImplicitBlock) this.useNextBlock(this.newBlock());
  }

  private addInstr(opcode: number, oparg: number, target: Block | null, lineno: number, endLineno: number, col: number, endCol: number): void {
    this.useNewImplicitBlockIfNeeded();
    const b = this.u.curblock;
    const i = new Instr(opcode, oparg, target, lineno, endLineno, col, endCol);
    b.instrs.push(i);
    if (opcode === op.RETURN_VALUE) b.return = true;
    if (isEndOfBasicBlock(i)) this.u.needNewImplicitBlock = true;
  }

  addop(opcode: number): void {
    const u = this.u;
    this.addInstr(opcode, 0, null, u.lineno, u.endLineno, u.colOffset, u.endColOffset);
  }

  addopNoline(opcode: number): void {
    this.addInstr(opcode, 0, null, -1, 0, 0, 0);
  }

  addopI(opcode: number, oparg: number): void {
    const u = this.u;
    this.addInstr(opcode, oparg, null, u.lineno, u.endLineno, u.colOffset, u.endColOffset);
  }

  addopINoline(opcode: number, oparg: number): void {
    this.addInstr(opcode, oparg, null, -1, 0, 0, 0);
  }

  addopJ(opcode: number, target: Block): void {
    const u = this.u;
    this.addInstr(opcode, 0, target, u.lineno, u.endLineno, u.colOffset, u.endColOffset);
  }

  addopJNoline(opcode: number, target: Block): void {
    this.addInstr(opcode, 0, target, -1, 0, 0, 0);
  }

  addLoadConst(v: CVal): void {
    this.addopI(op.LOAD_CONST, this.u.addConst(v));
  }

  private addopName(opcode: number, dict: IndexMap, name: string): void {
    this.addopI(opcode, dict.add(mangle(this.u.privateName, name)));
  }

  setLoc(x: Located): void {
    const u = this.u;
    u.lineno = x.lineno;
    u.colOffset = x.col_offset;
    u.endLineno = x.end_lineno;
    u.endColOffset = x.end_col_offset;
  }

  unsetLoc(): void {
    const u = this.u;
    u.lineno = -1;
    u.colOffset = -1;
    u.endLineno = -1;
    u.endColOffset = -1;
  }

  private saveLoc(): [number, number, number, number] {
    const u = this.u;
    return [u.lineno, u.endLineno, u.colOffset, u.endColOffset];
  }

  private restoreLoc(loc: [number, number, number, number]): void {
    const u = this.u;
    [u.lineno, u.endLineno, u.colOffset, u.endColOffset] = loc;
  }

  // --- frame blocks ----------------------------------------------------------------------------

  private pushFblock(type: FBlockType, block: Block | null, exit: Block | null, extra: Partial<FBlock> = {}): void {
    if (this.u.fblocks.length >= CO_MAXBLOCKS) this.error("too many statically nested blocks");
    this.u.fblocks.push({ type, block, exit, finalBody: extra.finalBody ?? null, withStmt: extra.withStmt ?? null, handlerName: extra.handlerName ?? null });
  }

  private popFblock(): void {
    this.u.fblocks.pop();
  }

  private callExitWithNones(): void {
    this.addLoadConst(C_NONE);
    this.addLoadConst(C_NONE);
    this.addLoadConst(C_NONE);
    this.addopI(PRECALL, 2);
    this.addopI(op.CALL, 2);
  }

  /** compiler_add_yield_from: the SEND / YIELD_VALUE loop behind `yield from` and `await`. */
  private addYieldFrom(isAwait: boolean): void {
    const start = this.newBlock();
    const resume = this.newBlock();
    const exit = this.newBlock();
    this.useNextBlock(start);
    this.addopJ(op.SEND, exit);
    this.useNextBlock(resume);
    this.addop(op.YIELD_VALUE);
    this.addopI(op.RESUME, isAwait ? 3 : 2);
    this.addopJ(JUMP_NO_INTERRUPT, start);
    this.useNextBlock(exit);
  }

  private popExceptAndReraise(): void {
    // [exc_info, lasti, exc] COPY 3 -> POP_EXCEPT restores exc_info -> RERAISE 1 restores lasti
    this.addopI(op.COPY, 3);
    this.addop(op.POP_EXCEPT);
    this.addopI(op.RERAISE, 1);
  }

  /** compiler_unwind_fblock: the code a return/break/continue runs to leave one frame block. */
  private unwindFblock(info: FBlock, preserveTos: boolean): void {
    switch (info.type) {
      case "WHILE_LOOP":
      case "EXCEPTION_HANDLER":
      case "EXCEPTION_GROUP_HANDLER":
      case "ASYNC_COMPREHENSION_GENERATOR":
        return;
      case "FOR_LOOP":
        if (preserveTos) this.addopI(op.SWAP, 2);
        this.addop(op.POP_TOP); // the iterator
        return;
      case "TRY_EXCEPT":
        this.addop(POP_BLOCK);
        return;
      case "FINALLY_TRY":
        // This POP_BLOCK gets the line number of the unwinding statement.
        this.addop(POP_BLOCK);
        if (preserveTos) this.pushFblock("POP_VALUE", null, null);
        this.visitStmts(info.finalBody!);
        if (preserveTos) this.popFblock();
        // The finally body should appear to run after the statement that left the block.
        this.unsetLoc();
        return;
      case "FINALLY_END":
        if (preserveTos) this.addopI(op.SWAP, 2);
        this.addop(op.POP_TOP); // exc_value
        if (preserveTos) this.addopI(op.SWAP, 2);
        this.addop(POP_BLOCK);
        this.addop(op.POP_EXCEPT);
        return;
      case "WITH":
      case "ASYNC_WITH":
        this.setLoc(info.withStmt!);
        this.addop(POP_BLOCK);
        if (preserveTos) this.addopI(op.SWAP, 2);
        this.callExitWithNones();
        if (info.type === "ASYNC_WITH") {
          this.addopI(op.GET_AWAITABLE, 2);
          this.addLoadConst(C_NONE);
          this.addYieldFrom(true);
        }
        this.addop(op.POP_TOP);
        this.unsetLoc();
        return;
      case "HANDLER_CLEANUP":
        if (info.handlerName !== null) this.addop(POP_BLOCK);
        if (preserveTos) this.addopI(op.SWAP, 2);
        this.addop(POP_BLOCK);
        this.addop(op.POP_EXCEPT);
        if (info.handlerName !== null) {
          this.addLoadConst(C_NONE);
          this.nameop(info.handlerName, "Store");
          this.nameop(info.handlerName, "Del");
        }
        return;
      case "POP_VALUE":
        if (preserveTos) this.addopI(op.SWAP, 2);
        this.addop(op.POP_TOP);
        return;
    }
  }

  /** Unwinds the frame-block stack; with `loop`, stops at (and returns) the innermost loop. */
  private unwindFblockStack(preserveTos: boolean, stopAtLoop: boolean): FBlock | null {
    const fblocks = this.u.fblocks;
    if (fblocks.length === 0) return null;
    const top = fblocks[fblocks.length - 1]!;
    if (top.type === "EXCEPTION_GROUP_HANDLER") {
      this.error("'break', 'continue' and 'return' cannot appear in an except* block");
    }
    if (stopAtLoop && (top.type === "WHILE_LOOP" || top.type === "FOR_LOOP")) return top;
    fblocks.pop();
    this.unwindFblock(top, preserveTos);
    const loop = this.unwindFblockStack(preserveTos, stopAtLoop);
    fblocks.push(top);
    return loop;
  }

  /** IS_TOP_LEVEL_AWAIT: compile(..., flags=PyCF_ALLOW_TOP_LEVEL_AWAIT) at module level. */
  private isTopLevelAwait(): boolean {
    return (this.flags & PYCF_ALLOW_TOP_LEVEL_AWAIT) !== 0 && this.u.ste.type === "module";
  }

  // --- module and bodies -----------------------------------------------------------------------

  /** compiler_body: docstring, annotations set-up and the statements of a module or class. */
  private body(stmts: readonly Stmt[]): void {
    // SETUP_ANNOTATIONS takes the line of the first real statement of a module.
    if (this.u.scopeType === ScopeType.Module && stmts.length > 0) this.setLoc(stmts[0]!);
    if (findAnn(stmts)) this.addop(op.SETUP_ANNOTATIONS);
    if (stmts.length === 0) return;
    let i = 0;
    if (this.optimize < 2) {
      const doc = docstringOf(stmts);
      if (doc !== null) {
        i = 1;
        const st = stmts[0] as StmtOf<"Expr">;
        this.visitExpr(st.value);
        this.unsetLoc();
        this.nameop("__doc__", "Store");
      }
    }
    for (; i < stmts.length; i++) this.visitStmt(stmts[i]!);
  }

  /** compiler_mod */
  compileMod(mod: Mod): CodeUnit {
    this.enterScope("<module>", ScopeType.Module, mod, 1);
    this.u.lineno = 1;
    let addNone = true;
    if (mod.kind === "Module") {
      this.body(mod.body);
    } else if (mod.kind === "Interactive") {
      if (findAnn(mod.body)) this.addop(op.SETUP_ANNOTATIONS);
      this.interactive = true;
      this.visitStmts(mod.body);
    } else {
      this.visitExpr(mod.body);
      addNone = false;
    }
    const co = this.assembleUnit(addNone);
    this.exitScope();
    return co;
  }

  /** The first half of assemble(): make every path that falls off the end return. */
  private assembleUnit(addNone: boolean): CodeUnit {
    if (!this.u.curblock.return) {
      this.unsetLoc();
      if (addNone) this.addLoadConst(C_NONE);
      this.addop(op.RETURN_VALUE);
    }
    return assemble(this, this.u);
  }

  // --- names -----------------------------------------------------------------------------------

  /** get_ref_type */
  private getRefType(name: string): number {
    if (this.u.scopeType === ScopeType.Class && name === "__class__") return CELL;
    const scope = this.u.ste.scope(name);
    if (scope === 0) throw new Error(`heapscope internal error: unknown scope for ${name} in ${this.u.name}`);
    return scope;
  }

  private forbiddenName(name: string, ctx: ExprContext): void {
    if (name !== "__debug__") return;
    if (ctx === "Store") this.error("cannot assign to __debug__");
    if (ctx === "Del") this.error("cannot delete __debug__");
  }

  /** compiler_nameop */
  nameop(name: string, ctx: ExprContext): void {
    this.forbiddenName(name, ctx);
    const u = this.u;
    const mangled = mangle(u.privateName, name);
    const scope = u.ste.scope(mangled);
    const isFunction = u.ste.type === "function";
    let dict = u.names;
    let optype: "fast" | "global" | "deref" | "name" = "name";
    switch (scope) {
      case FREE:
        dict = u.freevars;
        optype = "deref";
        break;
      case CELL:
        dict = u.cellvars;
        optype = "deref";
        break;
      case LOCAL:
        if (isFunction) optype = "fast";
        break;
      case GLOBAL_IMPLICIT:
        if (isFunction) optype = "global";
        break;
      case GLOBAL_EXPLICIT:
        optype = "global";
        break;
    }
    let opcode: number;
    switch (optype) {
      case "deref":
        opcode = ctx === "Load" ? (u.ste.type === "class" ? op.LOAD_CLASSDEREF : op.LOAD_DEREF) : ctx === "Store" ? op.STORE_DEREF : op.DELETE_DEREF;
        break;
      case "fast":
        opcode = ctx === "Load" ? op.LOAD_FAST : ctx === "Store" ? op.STORE_FAST : op.DELETE_FAST;
        this.addopI(opcode, u.varnames.add(mangled));
        return;
      case "global":
        opcode = ctx === "Load" ? op.LOAD_GLOBAL : ctx === "Store" ? op.STORE_GLOBAL : op.DELETE_GLOBAL;
        break;
      case "name":
        opcode = ctx === "Load" ? op.LOAD_NAME : ctx === "Store" ? op.STORE_NAME : op.DELETE_NAME;
        break;
    }
    let arg = dict.add(mangled);
    if (opcode === op.LOAD_GLOBAL) arg <<= 1;
    this.addopI(opcode, arg);
  }

  // --- functions, lambdas, classes -------------------------------------------------------------

  /** compiler_make_closure (3.11's MAKE_FUNCTION takes the qualname from the code object). */
  private makeClosure(co: CodeUnit, flags: number): void {
    const nfree = co.localspluskinds.reduce((n, k) => n + ((k & 0x80) !== 0 ? 1 : 0), 0);
    if (nfree > 0) {
      const names = co.localsplusnames;
      for (let i = names.length - nfree; i < names.length; i++) {
        const name = names[i]!;
        // A class may bind a name that is also free in one of its methods: the closure wants
        // the free variable, not the class attribute.
        const reftype = this.getRefType(name);
        const arg = reftype === CELL ? this.u.cellvars.get(name) : this.u.freevars.get(name);
        if (arg === undefined) throw new Error(`heapscope internal error: no closure slot for ${name} in ${this.u.name}`);
        this.addopI(op.LOAD_CLOSURE, arg);
      }
      flags |= op.MAKE_FUNCTION_CLOSURE;
      this.addopI(op.BUILD_TUPLE, nfree);
    }
    this.addLoadConst({ kind: "code", unit: co });
    this.addopI(op.MAKE_FUNCTION, flags);
  }

  private decorators(decos: readonly Expr[]): void {
    for (const d of decos) this.visitExpr(d);
  }

  private applyDecorators(decos: readonly Expr[]): void {
    const saved = this.saveLoc();
    for (let i = decos.length - 1; i >= 0; i--) {
      this.setLoc(decos[i]!);
      this.addopI(PRECALL, 0);
      this.addopI(op.CALL, 0);
    }
    this.restoreLoc(saved);
  }

  /** Pushes a dict of keyword-only defaults; false when there are none. */
  private visitKwonlyDefaults(kwonlyargs: readonly Arg[], kwDefaults: readonly (Expr | null)[]): boolean {
    const keys: CVal[] = [];
    for (let i = 0; i < kwonlyargs.length; i++) {
      const def = kwDefaults[i] ?? null;
      if (def !== null) {
        keys.push(cStr(mangle(this.u.privateName, kwonlyargs[i]!.arg)));
        this.visitExpr(def);
      }
    }
    if (keys.length === 0) return false;
    this.addLoadConst(cTuple(keys));
    this.addopI(op.BUILD_CONST_KEY_MAP, keys.length);
    return true;
  }

  private visitArgAnnotation(id: string, annotation: Expr | null, len: { n: number }): void {
    if (annotation === null) return;
    this.addLoadConst(cStr(mangle(this.u.privateName, id)));
    if ((this.future.features & CO_FUTURE_ANNOTATIONS) !== 0) {
      this.addLoadConst(cStr(unparseExpr(annotation)));
    } else if (annotation.kind === "Starred") {
      // *args: *Ts
      this.visitExpr(annotation.value);
      this.addopI(op.UNPACK_SEQUENCE, 1);
    } else {
      this.visitExpr(annotation);
    }
    len.n += 2;
  }

  /** Pushes the annotations tuple (names and values); false when there are none. */
  private visitAnnotations(args: Arguments, returns: Expr | null): boolean {
    const len = { n: 0 };
    for (const a of args.args) this.visitArgAnnotation(a.arg, a.annotation, len);
    for (const a of args.posonlyargs) this.visitArgAnnotation(a.arg, a.annotation, len);
    if (args.vararg !== null && args.vararg.annotation !== null) this.visitArgAnnotation(args.vararg.arg, args.vararg.annotation, len);
    for (const a of args.kwonlyargs) this.visitArgAnnotation(a.arg, a.annotation, len);
    if (args.kwarg !== null && args.kwarg.annotation !== null) this.visitArgAnnotation(args.kwarg.arg, args.kwarg.annotation, len);
    this.visitArgAnnotation("return", returns, len);
    if (len.n > 0) {
      this.addopI(op.BUILD_TUPLE, len.n);
      return true;
    }
    return false;
  }

  /** compiler_default_arguments: pushes defaults / kw-defaults and returns MAKE_FUNCTION flags. */
  private defaultArguments(args: Arguments): number {
    let flags = 0;
    if (args.defaults.length > 0) {
      for (const d of args.defaults) this.visitExpr(d);
      this.addopI(op.BUILD_TUPLE, args.defaults.length);
      flags |= op.MAKE_FUNCTION_DEFAULTS;
    }
    if (args.kwonlyargs.length > 0 && this.visitKwonlyDefaults(args.kwonlyargs, args.kw_defaults)) {
      flags |= op.MAKE_FUNCTION_KWDEFAULTS;
    }
    return flags;
  }

  private checkDebugArgs(args: Arguments): void {
    const all = [...args.posonlyargs, ...args.args];
    if (args.vararg !== null) all.push(args.vararg);
    all.push(...args.kwonlyargs);
    if (args.kwarg !== null) all.push(args.kwarg);
    for (const a of all) {
      if (a.arg === "__debug__") {
        this.error("cannot assign to __debug__");
      }
    }
  }

  private compilerFunction(s: StmtOf<"FunctionDef" | "AsyncFunctionDef">): void {
    const isAsync = s.kind === "AsyncFunctionDef";
    const { args, returns, decorator_list: decos, name, body } = s;
    this.checkDebugArgs(args);
    this.decorators(decos);
    const firstlineno = decos.length > 0 ? decos[0]!.lineno : s.lineno;
    let funcflags = this.defaultArguments(args);
    if (this.visitAnnotations(args, returns)) funcflags |= op.MAKE_FUNCTION_ANNOTATIONS;
    this.enterScope(name, isAsync ? ScopeType.AsyncFunction : ScopeType.Function, s, firstlineno);
    const docstring = this.optimize < 2 ? docstringOf(body) : null;
    this.u.addConst(docstring !== null ? cStr(docstring) : C_NONE);
    this.u.argcount = args.args.length;
    this.u.posonlyargcount = args.posonlyargs.length;
    this.u.kwonlyargcount = args.kwonlyargs.length;
    for (let i = docstring !== null ? 1 : 0; i < body.length; i++) this.visitStmt(body[i]!);
    const co = this.assembleUnit(true);
    this.exitScope();
    this.makeClosure(co, funcflags);
    this.applyDecorators(decos);
    this.nameop(name, "Store");
  }

  private compilerClass(s: StmtOf<"ClassDef">): void {
    const decos = s.decorator_list;
    this.decorators(decos);
    const firstlineno = decos.length > 0 ? decos[0]!.lineno : s.lineno;
    // 1. the class body becomes a function that fills the namespace
    this.enterScope(s.name, ScopeType.Class, s, firstlineno);
    this.u.privateName = s.name;
    this.nameop("__name__", "Load");
    this.nameop("__module__", "Store");
    this.addLoadConst(cStr(this.u.qualname!));
    this.nameop("__qualname__", "Store");
    this.body(s.body);
    this.unsetLoc();
    if (this.u.ste.needsClassClosure) {
      // Store the __class__ cell as __classcell__ and return it, for type.__new__ to fill.
      const i = this.u.cellvars.get("__class__")!;
      this.addopI(op.LOAD_CLOSURE, i);
      this.addopI(op.COPY, 1);
      this.nameop("__classcell__", "Store");
    } else {
      this.addLoadConst(C_NONE);
    }
    this.addop(op.RETURN_VALUE);
    const co = this.assembleUnit(true);
    this.exitScope();
    // 2. __build_class__(func, name, *bases, **keywords)
    this.addop(op.PUSH_NULL);
    this.addop(op.LOAD_BUILD_CLASS);
    this.makeClosure(co, 0);
    this.addLoadConst(cStr(s.name));
    this.callHelper(2, s.bases, s.keywords);
    this.applyDecorators(decos);
    this.nameop(s.name, "Store");
  }

  private compilerLambda(e: ExprOf<"Lambda">): void {
    const args = e.args;
    this.checkDebugArgs(args);
    const funcflags = this.defaultArguments(args);
    this.enterScope("<lambda>", ScopeType.Lambda, e, e.lineno);
    // None is the first constant so that a lambda never has a docstring.
    this.u.addConst(C_NONE);
    this.u.argcount = args.args.length;
    this.u.posonlyargcount = args.posonlyargs.length;
    this.u.kwonlyargcount = args.kwonlyargs.length;
    this.visitExpr(e.body);
    let co: CodeUnit;
    if (this.u.ste.generator) {
      co = this.assembleUnit(false);
    } else {
      this.addop(op.RETURN_VALUE);
      co = this.assembleUnit(true);
    }
    this.exitScope();
    this.makeClosure(co, funcflags);
  }

  // --- comparisons and conditions --------------------------------------------------------------

  private checkIsArg(e: Expr): boolean {
    if (e.kind !== "Constant") return true;
    const v = constValue(e);
    return v.kind === "None" || v.kind === "bool" || v.kind === "Ellipsis";
  }

  /** check_compare: warn about `is` with a literal. */
  private checkCompare(e: ExprOf<"Compare">): void {
    let left = this.checkIsArg(e.left);
    for (let i = 0; i < e.ops.length; i++) {
      const o = e.ops[i]!;
      const right = this.checkIsArg(e.comparators[i]!);
      if (o === "Is" || o === "IsNot") {
        if (!right || !left) {
          this.warn(o === "Is" ? '"is" with a literal. Did you mean "=="?' : '"is not" with a literal. Did you mean "!="?');
        }
      }
      left = right;
    }
  }

  private addCompare(cmp: CmpOp): void {
    switch (cmp) {
      case "Eq":
        return this.addopI(op.COMPARE_OP, CMP_EQ);
      case "NotEq":
        return this.addopI(op.COMPARE_OP, CMP_NE);
      case "Lt":
        return this.addopI(op.COMPARE_OP, CMP_LT);
      case "LtE":
        return this.addopI(op.COMPARE_OP, CMP_LE);
      case "Gt":
        return this.addopI(op.COMPARE_OP, CMP_GT);
      case "GtE":
        return this.addopI(op.COMPARE_OP, CMP_GE);
      case "Is":
        return this.addopI(op.IS_OP, 0);
      case "IsNot":
        return this.addopI(op.IS_OP, 1);
      case "In":
        return this.addopI(op.CONTAINS_OP, 0);
      case "NotIn":
        return this.addopI(op.CONTAINS_OP, 1);
    }
  }

  /** compiler_jump_if: jump to `next` when `e` is `cond`, compiling and/or/not/if-else/chains as jumps. */
  jumpIf(e: Expr, next: Block, cond: boolean): void {
    switch (e.kind) {
      case "UnaryOp":
        if (e.op === "Not") return this.jumpIf(e.operand, next, !cond);
        break;
      case "BoolOp": {
        const s = e.values;
        const n = s.length - 1;
        const cond2 = e.op === "Or";
        let next2 = next;
        if (cond2 !== cond) next2 = this.newBlock();
        for (let i = 0; i < n; i++) this.jumpIf(s[i]!, next2, cond2);
        this.jumpIf(s[n]!, next, cond);
        if (next2 !== next) this.useNextBlock(next2);
        return;
      }
      case "IfExp": {
        const end = this.newBlock();
        const next2 = this.newBlock();
        this.jumpIf(e.test, next2, false);
        this.jumpIf(e.body, next, cond);
        this.addopJNoline(op.JUMP, end);
        this.useNextBlock(next2);
        this.jumpIf(e.orelse, next, cond);
        this.useNextBlock(end);
        return;
      }
      case "Compare": {
        this.setLoc(e);
        const n = e.ops.length - 1;
        if (n > 0) {
          this.checkCompare(e);
          const cleanup = this.newBlock();
          this.visitExpr(e.left);
          for (let i = 0; i < n; i++) {
            this.visitExpr(e.comparators[i]!);
            this.addopI(op.SWAP, 2);
            this.addopI(op.COPY, 2);
            this.addCompare(e.ops[i]!);
            this.addopJ(op.POP_JUMP_IF_FALSE, cleanup);
          }
          this.visitExpr(e.comparators[n]!);
          this.addCompare(e.ops[n]!);
          this.addopJ(cond ? op.POP_JUMP_IF_TRUE : op.POP_JUMP_IF_FALSE, next);
          const end = this.newBlock();
          this.addopJNoline(op.JUMP, end);
          this.useNextBlock(cleanup);
          this.addop(op.POP_TOP);
          if (!cond) this.addopJNoline(op.JUMP, next);
          this.useNextBlock(end);
          return;
        }
        break;
      }
      default:
        break;
    }
    this.visitExpr(e);
    this.addopJ(cond ? op.POP_JUMP_IF_TRUE : op.POP_JUMP_IF_FALSE, next);
  }

  private compilerIfexp(e: ExprOf<"IfExp">): void {
    const end = this.newBlock();
    const next = this.newBlock();
    this.jumpIf(e.test, next, false);
    this.visitExpr(e.body);
    this.addopJNoline(op.JUMP, end);
    this.useNextBlock(next);
    this.visitExpr(e.orelse);
    this.useNextBlock(end);
  }

  // --- statements ------------------------------------------------------------------------------

  visitStmts(stmts: readonly Stmt[]): void {
    for (const s of stmts) this.visitStmt(s);
  }

  private compilerIf(s: StmtOf<"If">): void {
    const end = this.newBlock();
    const next = s.orelse.length > 0 ? this.newBlock() : end;
    this.jumpIf(s.test, next, false);
    this.visitStmts(s.body);
    if (s.orelse.length > 0) {
      this.addopJNoline(op.JUMP, end);
      this.useNextBlock(next);
      this.visitStmts(s.orelse);
    }
    this.useNextBlock(end);
  }

  private compilerFor(s: StmtOf<"For">): void {
    const start = this.newBlock();
    const body = this.newBlock();
    const cleanup = this.newBlock();
    const end = this.newBlock();
    this.pushFblock("FOR_LOOP", start, end);
    this.visitExpr(s.iter);
    this.addop(op.GET_ITER);
    this.useNextBlock(start);
    this.addopJ(op.FOR_ITER, cleanup);
    this.useNextBlock(body);
    this.visitExpr(s.target);
    this.visitStmts(s.body);
    // The jump back is artificial.
    this.unsetLoc();
    this.addopJ(op.JUMP, start);
    this.useNextBlock(cleanup);
    this.popFblock();
    this.visitStmts(s.orelse);
    this.useNextBlock(end);
  }

  private compilerWhile(s: StmtOf<"While">): void {
    const loop = this.newBlock();
    const body = this.newBlock();
    const anchor = this.newBlock();
    const end = this.newBlock();
    this.useNextBlock(loop);
    this.pushFblock("WHILE_LOOP", loop, end);
    this.jumpIf(s.test, anchor, false);
    this.useNextBlock(body);
    this.visitStmts(s.body);
    this.setLoc(s);
    this.jumpIf(s.test, body, true);
    this.popFblock();
    this.useNextBlock(anchor);
    this.visitStmts(s.orelse);
    this.useNextBlock(end);
  }

  private compilerReturn(s: StmtOf<"Return">): void {
    const value = s.value;
    const preserveTos = value !== null && value.kind !== "Constant";
    if (this.u.ste.type !== "function") this.error("'return' outside function");
    if (value !== null && this.u.ste.coroutine && this.u.ste.generator) this.error("'return' with value in async generator");
    if (preserveTos) {
      this.visitExpr(value);
    } else if (value !== null) {
      // An instruction carrying the return value's line.
      this.setLoc(value);
      this.addop(op.NOP);
    }
    if (value === null || value.lineno !== s.lineno) {
      this.setLoc(s);
      this.addop(op.NOP);
    }
    this.unwindFblockStack(preserveTos, false);
    if (value === null) this.addLoadConst(C_NONE);
    else if (!preserveTos) this.addLoadConst(constValue(value as Constant));
    this.addop(op.RETURN_VALUE);
  }

  private compilerBreak(): void {
    const saved = this.saveLoc();
    this.addop(op.NOP); // carries the statement's line
    const loop = this.unwindFblockStack(false, true);
    if (loop === null) {
      this.restoreLoc(saved);
      this.error("'break' outside loop");
    }
    this.unwindFblock(loop, false);
    this.addopJ(op.JUMP, loop.exit!);
  }

  private compilerContinue(): void {
    const saved = this.saveLoc();
    this.addop(op.NOP);
    const loop = this.unwindFblockStack(false, true);
    if (loop === null) {
      this.restoreLoc(saved);
      this.error("'continue' not properly in loop");
    }
    this.addopJ(op.JUMP, loop.block!);
  }

  /**
   * try/finally:
   *     SETUP_FINALLY L; <body>; POP_BLOCK; <finalbody>; JUMP E
   *  L: SETUP_CLEANUP C; PUSH_EXC_INFO; <finalbody>; RERAISE 0
   *  C: COPY 3; POP_EXCEPT; RERAISE 1
   *  E:
   */
  private compilerTryFinally(s: StmtOf<"Try">): void {
    const body = this.newBlock();
    const end = this.newBlock();
    const exit = this.newBlock();
    const cleanup = this.newBlock();
    this.addopJ(SETUP_FINALLY, end);
    this.useNextBlock(body);
    this.pushFblock("FINALLY_TRY", body, end, { finalBody: s.finalbody });
    if (s.handlers.length > 0) this.compilerTryExcept(s);
    else this.visitStmts(s.body);
    this.addopNoline(POP_BLOCK);
    this.popFblock();
    this.visitStmts(s.finalbody);
    this.addopJNoline(op.JUMP, exit);
    // the exceptional path
    this.useNextBlock(end);
    this.unsetLoc();
    this.addopJ(SETUP_CLEANUP, cleanup);
    this.addop(op.PUSH_EXC_INFO);
    this.pushFblock("FINALLY_END", end, null);
    this.visitStmts(s.finalbody);
    this.popFblock();
    this.addopI(op.RERAISE, 0);
    this.useNextBlock(cleanup);
    this.popExceptAndReraise();
    this.useNextBlock(exit);
  }

  /**
   * try/except. The handler sees [exc] (the depth of the try plus the exception); PUSH_EXC_INFO
   * makes it [prev_exc, exc]. `except E as name` binds name and clears it (name = None; del name)
   * on every way out of the handler body.
   */
  private compilerTryExcept(s: StmtOf<"Try">): void {
    const body = this.newBlock();
    let except = this.newBlock();
    const end = this.newBlock();
    const cleanup = this.newBlock();
    this.addopJ(SETUP_FINALLY, except);
    this.useNextBlock(body);
    this.pushFblock("TRY_EXCEPT", body, null);
    this.visitStmts(s.body);
    this.popFblock();
    this.addopNoline(POP_BLOCK);
    if (s.orelse.length > 0) this.visitStmts(s.orelse);
    this.addopJNoline(op.JUMP, end);
    const n = s.handlers.length;
    this.useNextBlock(except);
    this.unsetLoc();
    this.addopJ(SETUP_CLEANUP, cleanup);
    this.addop(op.PUSH_EXC_INFO);
    // The runtime pushes a block here, so account for it.
    this.pushFblock("EXCEPTION_HANDLER", null, null);
    for (let i = 0; i < n; i++) {
      const handler = s.handlers[i]!;
      this.setLoc(handler);
      if (handler.type === null && i < n - 1) this.error("default 'except:' must be last");
      except = this.newBlock();
      if (handler.type !== null) {
        this.visitExpr(handler.type);
        this.addop(op.CHECK_EXC_MATCH);
        this.addopJ(op.POP_JUMP_IF_FALSE, except);
      }
      if (handler.name !== null) {
        const cleanupEnd = this.newBlock();
        const cleanupBody = this.newBlock();
        this.nameop(handler.name, "Store");
        // try: <body> finally: name = None; del name
        this.addopJ(SETUP_CLEANUP, cleanupEnd);
        this.useNextBlock(cleanupBody);
        this.pushFblock("HANDLER_CLEANUP", cleanupBody, null, { handlerName: handler.name });
        this.visitStmts(handler.body);
        this.popFblock();
        this.unsetLoc();
        this.addop(POP_BLOCK);
        this.addop(POP_BLOCK);
        this.addop(op.POP_EXCEPT);
        this.addLoadConst(C_NONE);
        this.nameop(handler.name, "Store");
        this.nameop(handler.name, "Del");
        this.addopJ(op.JUMP, end);
        // an exception inside the handler body
        this.useNextBlock(cleanupEnd);
        this.unsetLoc();
        this.addLoadConst(C_NONE);
        this.nameop(handler.name, "Store");
        this.nameop(handler.name, "Del");
        this.addopI(op.RERAISE, 1);
      } else {
        const cleanupBody = this.newBlock();
        this.addop(op.POP_TOP); // exc_value
        this.useNextBlock(cleanupBody);
        this.pushFblock("HANDLER_CLEANUP", cleanupBody, null);
        this.visitStmts(handler.body);
        this.popFblock();
        this.unsetLoc();
        this.addop(POP_BLOCK);
        this.addop(op.POP_EXCEPT);
        this.addopJ(op.JUMP, end);
      }
      this.useNextBlock(except);
    }
    this.unsetLoc();
    this.popFblock();
    this.addopI(op.RERAISE, 0);
    this.useNextBlock(cleanup);
    this.popExceptAndReraise();
    this.useNextBlock(end);
  }

  private compilerTry(s: StmtOf<"Try">): void {
    if (s.finalbody.length > 0) this.compilerTryFinally(s);
    else this.compilerTryExcept(s);
  }

  private compilerTryStarFinally(s: StmtOf<"TryStar">): void {
    const body = this.newBlock();
    const end = this.newBlock();
    const exit = this.newBlock();
    const cleanup = this.newBlock();
    this.addopJ(SETUP_FINALLY, end);
    this.useNextBlock(body);
    this.pushFblock("FINALLY_TRY", body, end, { finalBody: s.finalbody });
    if (s.handlers.length > 0) this.compilerTryStarExcept(s);
    else this.visitStmts(s.body);
    this.addopNoline(POP_BLOCK);
    this.popFblock();
    this.visitStmts(s.finalbody);
    this.addopJNoline(op.JUMP, exit);
    this.useNextBlock(end);
    this.unsetLoc();
    this.addopJ(SETUP_CLEANUP, cleanup);
    this.addop(op.PUSH_EXC_INFO);
    this.pushFblock("FINALLY_END", end, null);
    this.visitStmts(s.finalbody);
    this.popFblock();
    this.addopI(op.RERAISE, 0);
    this.useNextBlock(cleanup);
    this.popExceptAndReraise();
    this.useNextBlock(exit);
  }

  /**
   * try/except*: the handler keeps [orig, raised_list, rest] and each clause splits `rest` with
   * CHECK_EG_MATCH; what the clauses raise or leave unhandled is re-raised together by
   * PREP_RERAISE_STAR.
   */
  private compilerTryStarExcept(s: StmtOf<"TryStar">): void {
    const body = this.newBlock();
    let except = this.newBlock();
    const orelse = this.newBlock();
    const end = this.newBlock();
    const cleanup = this.newBlock();
    const reraiseStar = this.newBlock();
    this.addopJ(SETUP_FINALLY, except);
    this.useNextBlock(body);
    this.pushFblock("TRY_EXCEPT", body, null);
    this.visitStmts(s.body);
    this.popFblock();
    this.addopNoline(POP_BLOCK);
    this.addopJNoline(op.JUMP, orelse);
    const n = s.handlers.length;
    this.useNextBlock(except);
    this.unsetLoc();
    this.addopJ(SETUP_CLEANUP, cleanup);
    this.addop(op.PUSH_EXC_INFO);
    this.pushFblock("EXCEPTION_GROUP_HANDLER", null, null);
    for (let i = 0; i < n; i++) {
      const handler = s.handlers[i]!;
      this.setLoc(handler);
      except = this.newBlock();
      const exceptWithError = this.newBlock();
      const noMatch = this.newBlock();
      if (i === 0) {
        // [exc] -> [orig, [], exc]
        this.addopI(op.COPY, 1);
        this.addopI(op.BUILD_LIST, 0);
        this.addopI(op.SWAP, 2);
      }
      if (handler.type !== null) {
        this.visitExpr(handler.type);
        this.addop(op.CHECK_EG_MATCH);
        this.addopI(op.COPY, 1);
        this.addopJ(op.POP_JUMP_IF_NONE, noMatch);
      }
      const cleanupEnd = this.newBlock();
      const cleanupBody = this.newBlock();
      if (handler.name !== null) this.nameop(handler.name, "Store");
      else this.addop(op.POP_TOP); // match
      this.addopJ(SETUP_CLEANUP, cleanupEnd);
      this.useNextBlock(cleanupBody);
      this.pushFblock("HANDLER_CLEANUP", cleanupBody, null, { handlerName: handler.name });
      this.visitStmts(handler.body);
      this.popFblock();
      this.unsetLoc();
      this.addop(POP_BLOCK);
      if (handler.name !== null) {
        this.addLoadConst(C_NONE);
        this.nameop(handler.name, "Store");
        this.nameop(handler.name, "Del");
      }
      this.addopJ(op.JUMP, except);
      // an exception raised in the clause goes to the list
      this.useNextBlock(cleanupEnd);
      this.unsetLoc();
      if (handler.name !== null) {
        this.addLoadConst(C_NONE);
        this.nameop(handler.name, "Store");
        this.nameop(handler.name, "Del");
      }
      this.addopI(op.LIST_APPEND, 3); // exc
      this.addop(op.POP_TOP); // lasti
      this.addopJ(op.JUMP, exceptWithError);
      this.useNextBlock(except);
      this.addop(op.NOP); // holds a propagated location
      this.addopJ(op.JUMP, exceptWithError);
      this.useNextBlock(noMatch);
      this.addop(op.POP_TOP); // match (None)
      this.useNextBlock(exceptWithError);
      if (i === n - 1) {
        // the unhandled rest (maybe None) goes to the list too
        this.addopI(op.LIST_APPEND, 1);
        this.addopJ(op.JUMP, reraiseStar);
      }
    }
    this.unsetLoc();
    this.popFblock();
    const reraise = this.newBlock();
    this.useNextBlock(reraiseStar);
    this.addop(op.PREP_RERAISE_STAR);
    this.addopI(op.COPY, 1);
    this.addopJ(op.POP_JUMP_IF_NOT_NONE, reraise);
    // nothing to re-raise
    this.addop(op.POP_TOP);
    this.addop(POP_BLOCK);
    this.addop(op.POP_EXCEPT);
    this.addopJ(op.JUMP, end);
    this.useNextBlock(reraise);
    this.addop(POP_BLOCK);
    this.addopI(op.SWAP, 2);
    this.addop(op.POP_EXCEPT);
    this.addopI(op.RERAISE, 0);
    this.useNextBlock(cleanup);
    this.popExceptAndReraise();
    this.useNextBlock(orelse);
    this.visitStmts(s.orelse);
    this.useNextBlock(end);
  }

  private compilerImportAs(name: string, asname: string): void {
    // IMPORT_NAME left the top-level package: walk to the submodule with IMPORT_FROM.
    let dot = name.indexOf(".");
    if (dot >= 0) {
      for (;;) {
        const pos = dot + 1;
        dot = name.indexOf(".", pos);
        const attr = name.slice(pos, dot >= 0 ? dot : name.length);
        this.addopI(op.IMPORT_FROM, this.u.names.add(attr));
        if (dot < 0) break;
        this.addopI(op.SWAP, 2);
        this.addop(op.POP_TOP);
      }
      this.nameop(asname, "Store");
      this.addop(op.POP_TOP);
      return;
    }
    this.nameop(asname, "Store");
  }

  private compilerImport(s: StmtOf<"Import">): void {
    for (const alias of s.names) {
      this.addLoadConst(C_ZERO);
      this.addLoadConst(C_NONE);
      this.addopName(op.IMPORT_NAME, this.u.names, alias.name);
      if (alias.asname !== null) {
        this.compilerImportAs(alias.name, alias.asname);
      } else {
        const dot = alias.name.indexOf(".");
        this.nameop(dot >= 0 ? alias.name.slice(0, dot) : alias.name, "Store");
      }
    }
  }

  private compilerFromImport(s: StmtOf<"ImportFrom">): void {
    this.addLoadConst(cInt(s.level));
    const names = cTuple(s.names.map((a: Alias) => cStr(a.name)));
    if (s.lineno > this.future.lineno && s.module === "__future__") {
      this.error("from __future__ imports must occur at the beginning of the file");
    }
    this.addLoadConst(names);
    this.addopName(op.IMPORT_NAME, this.u.names, s.module ?? "");
    for (let i = 0; i < s.names.length; i++) {
      const alias = s.names[i]!;
      if (i === 0 && alias.name[0] === "*") {
        this.addop(op.IMPORT_STAR);
        return;
      }
      this.addopName(op.IMPORT_FROM, this.u.names, alias.name);
      this.nameop(alias.asname ?? alias.name, "Store");
    }
    this.addop(op.POP_TOP); // the module
  }

  private compilerAssert(s: StmtOf<"Assert">): void {
    const test = s.test;
    if ((test.kind === "Tuple" && test.elts.length > 0) || (test.kind === "Constant" && isNonEmptyTuple(constValue(test)))) {
      this.warn("assertion is always true, perhaps remove parentheses?");
    }
    if (this.optimize > 0) return;
    const end = this.newBlock();
    this.jumpIf(test, end, true);
    this.addop(op.LOAD_ASSERTION_ERROR);
    if (s.msg !== null) {
      this.visitExpr(s.msg);
      this.addopI(PRECALL, 0);
      this.addopI(op.CALL, 0);
    }
    this.addopI(op.RAISE_VARARGS, 1);
    this.useNextBlock(end);
  }

  private visitStmtExpr(value: Expr): void {
    if (this.interactive && this.nestlevel <= 1) {
      this.visitExpr(value);
      this.addop(op.PRINT_EXPR);
      return;
    }
    if (value.kind === "Constant") {
      this.addop(op.NOP); // a constant statement does nothing
      return;
    }
    this.visitExpr(value);
    this.unsetLoc(); // the POP_TOP is artificial
    this.addop(op.POP_TOP);
  }

  visitStmt(s: Stmt): void {
    this.setLoc(s);
    switch (s.kind) {
      case "FunctionDef":
      case "AsyncFunctionDef":
        return this.compilerFunction(s);
      case "ClassDef":
        return this.compilerClass(s);
      case "Return":
        return this.compilerReturn(s);
      case "Delete":
        for (const t of s.targets) this.visitExpr(t);
        return;
      case "Assign": {
        const n = s.targets.length;
        this.visitExpr(s.value);
        for (let i = 0; i < n; i++) {
          if (i < n - 1) this.addopI(op.COPY, 1);
          this.visitExpr(s.targets[i]!);
        }
        return;
      }
      case "AugAssign":
        return this.compilerAugassign(s);
      case "AnnAssign":
        return this.compilerAnnassign(s);
      case "For":
        return this.compilerFor(s);
      case "While":
        return this.compilerWhile(s);
      case "If":
        return this.compilerIf(s);
      case "Match":
        return new PatternCompiler(this).match(s);
      case "Raise": {
        let n = 0;
        if (s.exc !== null) {
          this.visitExpr(s.exc);
          n++;
          if (s.cause !== null) {
            this.visitExpr(s.cause);
            n++;
          }
        }
        this.addopI(op.RAISE_VARARGS, n);
        return;
      }
      case "Try":
        return this.compilerTry(s);
      case "TryStar":
        return s.finalbody.length > 0 ? this.compilerTryStarFinally(s) : this.compilerTryStarExcept(s);
      case "Assert":
        return this.compilerAssert(s);
      case "Import":
        return this.compilerImport(s);
      case "ImportFrom":
        return this.compilerFromImport(s);
      case "Global":
      case "Nonlocal":
        return;
      case "Expr":
        return this.visitStmtExpr(s.value);
      case "Pass":
        this.addop(op.NOP);
        return;
      case "Break":
        return this.compilerBreak();
      case "Continue":
        return this.compilerContinue();
      case "With":
        return this.compilerWith(s, 0);
      case "AsyncWith":
        return this.compilerAsyncWith(s, 0);
      case "AsyncFor":
        return this.compilerAsyncFor(s);
    }
  }

  // --- expressions: operators, displays --------------------------------------------------------

  private compilerBoolop(e: ExprOf<"BoolOp">): void {
    const jumpi = e.op === "And" ? op.JUMP_IF_FALSE_OR_POP : op.JUMP_IF_TRUE_OR_POP;
    const end = this.newBlock();
    const s = e.values;
    const n = s.length - 1;
    for (let i = 0; i < n; i++) {
      this.visitExpr(s[i]!);
      this.addopJ(jumpi, end);
      this.useNextBlock(this.newBlock());
    }
    this.visitExpr(s[n]!);
    this.useNextBlock(end);
  }

  /**
   * starunpack_helper: builds a list/tuple/set display (or call arguments) with `build`,
   * switching to an incremental build (add/extend) for starred items or big displays; three or
   * more constants become one constant tuple (frozenset for sets) extended into an empty one.
   */
  private starunpackHelper(elts: readonly Expr[], pushed: number, build: number, add: number, extend: number, tuple: boolean): void {
    const n = elts.length;
    if (n > 2 && areAllItemsConst(elts, 0, n)) {
      let folded: CVal = cTuple(elts.map((e) => constValue(e as Constant)));
      if (tuple && pushed === 0) {
        this.addLoadConst(folded);
      } else {
        if (add === op.SET_ADD) folded = makeFrozensetFromTuple(folded);
        this.addopI(build, pushed);
        this.addLoadConst(folded);
        this.addopI(extend, 1);
        if (tuple) this.addop(op.LIST_TO_TUPLE);
      }
      return;
    }
    const big = n + pushed > STACK_USE_GUIDELINE;
    const seenStar = elts.some((e) => e.kind === "Starred");
    if (!seenStar && !big) {
      for (const e of elts) this.visitExpr(e);
      this.addopI(tuple ? op.BUILD_TUPLE : build, n + pushed);
      return;
    }
    let sequenceBuilt = false;
    if (big) {
      this.addopI(build, pushed);
      sequenceBuilt = true;
    }
    for (let i = 0; i < n; i++) {
      const elt = elts[i]!;
      if (elt.kind === "Starred") {
        if (!sequenceBuilt) {
          this.addopI(build, i + pushed);
          sequenceBuilt = true;
        }
        this.visitExpr(elt.value);
        this.addopI(extend, 1);
      } else {
        this.visitExpr(elt);
        if (sequenceBuilt) this.addopI(add, 1);
      }
    }
    if (tuple) this.addop(op.LIST_TO_TUPLE);
  }

  private unpackHelper(elts: readonly Expr[]): void {
    const n = elts.length;
    let seenStar = false;
    for (let i = 0; i < n; i++) {
      const elt = elts[i]!;
      if (elt.kind === "Starred" && !seenStar) {
        if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8) this.error("too many expressions in star-unpacking assignment");
        this.addopI(op.UNPACK_EX, i + ((n - i - 1) << 8));
        seenStar = true;
      } else if (elt.kind === "Starred") {
        this.error("multiple starred expressions in assignment");
      }
    }
    if (!seenStar) this.addopI(op.UNPACK_SEQUENCE, n);
  }

  private assignmentHelper(elts: readonly Expr[]): void {
    this.unpackHelper(elts);
    for (const elt of elts) this.visitExpr(elt.kind !== "Starred" ? elt : elt.value);
  }

  private compilerList(e: ExprOf<"List">): void {
    if (e.ctx === "Store") return this.assignmentHelper(e.elts);
    if (e.ctx === "Load") return this.starunpackHelper(e.elts, 0, op.BUILD_LIST, op.LIST_APPEND, op.LIST_EXTEND, false);
    for (const x of e.elts) this.visitExpr(x);
  }

  private compilerTuple(e: ExprOf<"Tuple">): void {
    if (e.ctx === "Store") return this.assignmentHelper(e.elts);
    if (e.ctx === "Load") return this.starunpackHelper(e.elts, 0, op.BUILD_LIST, op.LIST_APPEND, op.LIST_EXTEND, true);
    for (const x of e.elts) this.visitExpr(x);
  }

  private compilerSubdict(e: ExprOf<"Dict">, begin: number, end: number): void {
    const n = end - begin;
    const big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big && areAllItemsConst(e.keys, begin, end)) {
      for (let i = begin; i < end; i++) this.visitExpr(e.values[i]!);
      const keys: CVal[] = [];
      for (let i = begin; i < end; i++) keys.push(constValue(e.keys[i] as Constant));
      this.addLoadConst(cTuple(keys));
      this.addopI(op.BUILD_CONST_KEY_MAP, n);
      return;
    }
    if (big) this.addopI(op.BUILD_MAP, 0);
    for (let i = begin; i < end; i++) {
      this.visitExpr(e.keys[i]!);
      this.visitExpr(e.values[i]!);
      if (big) this.addopI(op.MAP_ADD, 1);
    }
    if (!big) this.addopI(op.BUILD_MAP, n);
  }

  private compilerDict(e: ExprOf<"Dict">): void {
    const n = e.values.length;
    let haveDict = false;
    let elements = 0;
    for (let i = 0; i < n; i++) {
      const isUnpacking = e.keys[i] === null;
      if (isUnpacking) {
        if (elements > 0) {
          this.compilerSubdict(e, i - elements, i);
          if (haveDict) this.addopI(op.DICT_UPDATE, 1);
          haveDict = true;
          elements = 0;
        }
        if (!haveDict) {
          this.addopI(op.BUILD_MAP, 0);
          haveDict = true;
        }
        this.visitExpr(e.values[i]!);
        this.addopI(op.DICT_UPDATE, 1);
      } else if (elements * 2 > STACK_USE_GUIDELINE) {
        this.compilerSubdict(e, i - elements, i + 1);
        if (haveDict) this.addopI(op.DICT_UPDATE, 1);
        haveDict = true;
        elements = 0;
      } else {
        elements++;
      }
    }
    if (elements > 0) {
      this.compilerSubdict(e, n - elements, n);
      if (haveDict) this.addopI(op.DICT_UPDATE, 1);
      haveDict = true;
    }
    if (!haveDict) this.addopI(op.BUILD_MAP, 0);
  }

  private compilerCompare(e: ExprOf<"Compare">): void {
    this.checkCompare(e);
    this.visitExpr(e.left);
    const n = e.ops.length - 1;
    if (n === 0) {
      this.visitExpr(e.comparators[0]!);
      this.addCompare(e.ops[0]!);
      return;
    }
    const cleanup = this.newBlock();
    for (let i = 0; i < n; i++) {
      this.visitExpr(e.comparators[i]!);
      this.addopI(op.SWAP, 2);
      this.addopI(op.COPY, 2);
      this.addCompare(e.ops[i]!);
      this.addopJ(op.JUMP_IF_FALSE_OR_POP, cleanup);
    }
    this.visitExpr(e.comparators[n]!);
    this.addCompare(e.ops[n]!);
    const end = this.newBlock();
    this.addopJNoline(op.JUMP, end);
    this.useNextBlock(cleanup);
    this.addopI(op.SWAP, 2);
    this.addop(op.POP_TOP);
    this.useNextBlock(end);
  }

  // --- calls -----------------------------------------------------------------------------------

  private checkCaller(e: Expr): void {
    switch (e.kind) {
      case "Constant":
      case "Tuple":
      case "List":
      case "ListComp":
      case "Dict":
      case "DictComp":
      case "Set":
      case "SetComp":
      case "GeneratorExp":
      case "JoinedStr":
      case "FormattedValue":
        this.warn(`'${inferTypeName(e)}' object is not callable; perhaps you missed a comma?`);
    }
  }

  private checkSubscripter(e: Expr): void {
    switch (e.kind) {
      case "Constant": {
        const k = constValue(e).kind;
        if (!(k === "None" || k === "Ellipsis" || k === "int" || k === "bool" || k === "float" || k === "complex" || k === "frozenset")) return;
        break;
      }
      case "Set":
      case "SetComp":
      case "GeneratorExp":
      case "Lambda":
        break;
      default:
        return;
    }
    this.warn(`'${inferTypeName(e)}' object is not subscriptable; perhaps you missed a comma?`);
  }

  private checkIndex(e: Expr, s: Expr): void {
    const indexType = inferTypeName(s);
    if (indexType === null || indexType === "int" || indexType === "bool") return;
    switch (e.kind) {
      case "Constant": {
        const k = constValue(e).kind;
        if (!(k === "str" || k === "bytes" || k === "tuple")) return;
        break;
      }
      case "Tuple":
      case "List":
      case "ListComp":
      case "JoinedStr":
      case "FormattedValue":
        break;
      default:
        return;
    }
    this.warn(`${inferTypeName(e)} indices must be integers or slices, not ${indexType}; perhaps you missed a comma?`);
  }

  private isImportOriginated(e: Expr): boolean {
    // Only the module's own imports are considered (not those of enclosing functions).
    if (e.kind !== "Name") return false;
    return (this.st.top.symbol(e.id) & DEF_IMPORT) !== 0;
  }

  /** If an attribute access spans lines, start its location at the attribute name. */
  private updateStartLocationToMatchAttr(attr: ExprOf<"Attribute">): void {
    const u = this.u;
    if (u.lineno !== attr.end_lineno) {
      u.lineno = attr.end_lineno;
      const len = codePointLength(attr.attr);
      if (len <= attr.end_col_offset) {
        u.colOffset = attr.end_col_offset - len;
      } else {
        u.colOffset = -1;
        u.endColOffset = -1;
      }
      u.endLineno = Math.max(u.lineno, u.endLineno);
      if (u.lineno === u.endLineno) u.endColOffset = Math.max(u.colOffset, u.endColOffset);
    }
  }

  /** `obj.meth(args)` as LOAD_METHOD + CALL when there are no star-args; false otherwise. */
  private maybeOptimizeMethodCall(e: ExprOf<"Call">): boolean {
    const meth = e.func;
    const args = e.args;
    const kwds = e.keywords;
    if (meth.kind !== "Attribute" || meth.ctx !== "Load") return false;
    if (this.isImportOriginated(meth.value)) return false;
    const argsl = args.length;
    const kwdsl = kwds.length;
    if (argsl + kwdsl + (kwdsl !== 0 ? 1 : 0) >= STACK_USE_GUIDELINE) return false;
    if (args.some((a) => a.kind === "Starred")) return false;
    if (kwds.some((k) => k.arg === null)) return false;
    this.visitExpr(meth.value);
    this.setLoc(meth);
    this.updateStartLocationToMatchAttr(meth);
    this.addopName(op.LOAD_METHOD, this.u.names, meth.attr);
    for (const a of args) this.visitExpr(a);
    if (kwdsl > 0) {
      for (const k of kwds) this.visitExpr(k.value);
      this.callSimpleKwHelper(kwds);
    }
    this.setLoc(e);
    this.updateStartLocationToMatchAttr(meth);
    this.addopI(PRECALL, argsl + kwdsl);
    this.addopI(op.CALL, argsl + kwdsl);
    return true;
  }

  private validateKeywords(keywords: readonly Keyword[]): void {
    for (let i = 0; i < keywords.length; i++) {
      const key = keywords[i]!;
      if (key.arg === null) continue;
      this.forbiddenName(key.arg, "Store");
      for (let j = i + 1; j < keywords.length; j++) {
        const other = keywords[j]!;
        if (other.arg !== null && other.arg === key.arg) {
          this.setLoc(other);
          this.error(`keyword argument repeated: ${key.arg}`);
        }
      }
    }
  }

  private compilerCall(e: ExprOf<"Call">): void {
    this.validateKeywords(e.keywords);
    if (this.maybeOptimizeMethodCall(e)) return;
    this.checkCaller(e.func);
    this.setLoc(e.func);
    this.addop(op.PUSH_NULL);
    this.setLoc(e);
    this.visitExpr(e.func);
    this.callHelper(0, e.args, e.keywords);
  }

  private compilerJoinedStr(e: ExprOf<"JoinedStr">): void {
    const n = e.values.length;
    if (n > STACK_USE_GUIDELINE) {
      this.addLoadConst(cStr(""));
      this.addopName(op.LOAD_METHOD, this.u.names, "join");
      this.addopI(op.BUILD_LIST, 0);
      for (const v of e.values) {
        this.visitExpr(v);
        this.addopI(op.LIST_APPEND, 1);
      }
      this.addopI(PRECALL, 1);
      this.addopI(op.CALL, 1);
    } else {
      for (const v of e.values) this.visitExpr(v);
      if (n !== 1) this.addopI(op.BUILD_STRING, n);
    }
  }

  /** FORMAT_VALUE's argument: conversion in the low two bits, 0x04 when a spec is on the stack. */
  private compilerFormattedValue(e: ExprOf<"FormattedValue">): void {
    this.visitExpr(e.value);
    let oparg: number;
    switch (e.conversion) {
      case 115: // 's'
        oparg = 1;
        break;
      case 114: // 'r'
        oparg = 2;
        break;
      case 97: // 'a'
        oparg = 3;
        break;
      case -1:
        oparg = 0;
        break;
      default:
        throw new Error(`heapscope internal error: unrecognized conversion character ${e.conversion}`);
    }
    if (e.format_spec !== null) {
      this.visitExpr(e.format_spec);
      oparg |= 0x04;
    }
    this.addopI(op.FORMAT_VALUE, oparg);
  }

  private compilerSubkwargs(keywords: readonly Keyword[], begin: number, end: number): void {
    const n = end - begin;
    const big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
      for (let i = begin; i < end; i++) this.visitExpr(keywords[i]!.value);
      const keys: CVal[] = [];
      for (let i = begin; i < end; i++) keys.push(cStr(keywords[i]!.arg!));
      this.addLoadConst(cTuple(keys));
      this.addopI(op.BUILD_CONST_KEY_MAP, n);
      return;
    }
    if (big) this.addopINoline(op.BUILD_MAP, 0);
    for (let i = begin; i < end; i++) {
      const kw = keywords[i]!;
      this.addLoadConst(cStr(kw.arg!));
      this.visitExpr(kw.value);
      if (big) this.addopINoline(op.MAP_ADD, 1);
    }
    if (!big) this.addopI(op.BUILD_MAP, n);
  }

  private callSimpleKwHelper(keywords: readonly Keyword[]): void {
    const names = cTuple(keywords.map((k) => cStr(k.arg!)));
    this.addopI(op.KW_NAMES, this.u.addConst(names));
  }

  /** compiler_call_helper: the arguments and the CALL (or CALL_FUNCTION_EX), `n` already pushed. */
  private callHelper(n: number, args: readonly Expr[], keywords: readonly Keyword[]): void {
    this.validateKeywords(keywords);
    const nelts = args.length;
    const nkwelts = keywords.length;
    const simple =
      nelts + nkwelts * 2 <= STACK_USE_GUIDELINE && !args.some((a) => a.kind === "Starred") && !keywords.some((k) => k.arg === null);
    if (simple) {
      for (const a of args) this.visitExpr(a);
      if (nkwelts > 0) {
        for (const k of keywords) this.visitExpr(k.value);
        this.callSimpleKwHelper(keywords);
      }
      this.addopI(PRECALL, n + nelts + nkwelts);
      this.addopI(op.CALL, n + nelts + nkwelts);
      return;
    }
    // positional arguments as one tuple
    if (n === 0 && nelts === 1 && args[0]!.kind === "Starred") {
      this.visitExpr(args[0].value);
    } else {
      this.starunpackHelper(args, n, op.BUILD_LIST, op.LIST_APPEND, op.LIST_EXTEND, true);
    }
    // keyword arguments as one dict
    if (nkwelts > 0) {
      let haveDict = false;
      let nseen = 0;
      for (let i = 0; i < nkwelts; i++) {
        const kw = keywords[i]!;
        if (kw.arg === null) {
          if (nseen > 0) {
            this.compilerSubkwargs(keywords, i - nseen, i);
            if (haveDict) this.addopI(op.DICT_MERGE, 1);
            haveDict = true;
            nseen = 0;
          }
          if (!haveDict) {
            this.addopI(op.BUILD_MAP, 0);
            haveDict = true;
          }
          this.visitExpr(kw.value);
          this.addopI(op.DICT_MERGE, 1);
        } else {
          nseen++;
        }
      }
      if (nseen > 0) {
        this.compilerSubkwargs(keywords, nkwelts - nseen, nkwelts);
        if (haveDict) this.addopI(op.DICT_MERGE, 1);
      }
    }
    this.addopI(op.CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0);
  }

  // --- comprehensions --------------------------------------------------------------------------

  private comprehensionGenerator(generators: readonly Comprehension[], genIndex: number, depth: number, elt: Expr, val: Expr | null, type: CompType): void {
    const gen = generators[genIndex]!;
    if (gen.is_async) return this.asyncComprehensionGenerator(generators, genIndex, depth, elt, val, type);
    let start: Block | null = this.newBlock();
    const ifCleanup = this.newBlock();
    const anchor = this.newBlock();
    if (genIndex === 0) {
      // The outermost iterator arrives as the argument .0.
      this.u.argcount = 1;
      this.addopI(op.LOAD_FAST, 0);
    } else {
      // `for y in [f(x)]` binds without iterating.
      const iter = gen.iter;
      const elts = iter.kind === "List" || iter.kind === "Tuple" ? iter.elts : null;
      if (elts !== null && elts.length === 1) {
        const one = elts[0]!;
        if (one.kind !== "Starred") {
          this.visitExpr(one);
          start = null;
        }
      }
      if (start !== null) {
        this.visitExpr(gen.iter);
        this.addop(op.GET_ITER);
      }
    }
    if (start !== null) {
      depth++;
      this.useNextBlock(start);
      this.addopJ(op.FOR_ITER, anchor);
    }
    this.visitExpr(gen.target);
    for (const cond of gen.ifs) this.jumpIf(cond, ifCleanup, false);
    if (++genIndex < generators.length) this.comprehensionGenerator(generators, genIndex, depth, elt, val, type);
    if (genIndex >= generators.length) this.comprehensionElement(elt, val, type, depth);
    this.useNextBlock(ifCleanup);
    if (start !== null) {
      this.addopJ(op.JUMP, start);
      this.useNextBlock(anchor);
    }
  }

  /** The code that adds one element (only after the last `for`). */
  private comprehensionElement(elt: Expr, val: Expr | null, type: CompType, depth: number): void {
    switch (type) {
      case CompType.GenExp:
        this.visitExpr(elt);
        this.addopYield();
        this.addop(op.POP_TOP);
        break;
      case CompType.ListComp:
        this.visitExpr(elt);
        this.addopI(op.LIST_APPEND, depth + 1);
        break;
      case CompType.SetComp:
        this.visitExpr(elt);
        this.addopI(op.SET_ADD, depth + 1);
        break;
      case CompType.DictComp:
        // With {k: v}, k is evaluated before v.
        this.visitExpr(elt);
        this.visitExpr(val!);
        this.addopI(op.MAP_ADD, depth + 1);
        break;
    }
  }

  /**
   * A comprehension is a nested function called with the iterator of its first `for`:
   * MAKE_FUNCTION, <outermost iterable>, GET_ITER, CALL 0 (the function and the iterator form
   * a method-style call with one argument).
   */
  private compilerComprehension(e: Expr, type: CompType, name: string, generators: readonly Comprehension[], elt: Expr, val: Expr | null): void {
    const outermost = generators[0]!;
    const scopeType = this.u.scopeType;
    const isTopLevelAwait = this.isTopLevelAwait();
    this.enterScope(name, ScopeType.Comprehension, e, e.lineno);
    this.setLoc(e);
    const isAsyncGenerator = this.u.ste.coroutine;
    if (isAsyncGenerator && type !== CompType.GenExp && scopeType !== ScopeType.AsyncFunction && scopeType !== ScopeType.Comprehension && !isTopLevelAwait) {
      this.error("asynchronous comprehension outside of an asynchronous function");
    }
    if (type !== CompType.GenExp) {
      this.addopI(type === CompType.ListComp ? op.BUILD_LIST : type === CompType.SetComp ? op.BUILD_SET : op.BUILD_MAP, 0);
    }
    this.comprehensionGenerator(generators, 0, 0, elt, val, type);
    if (type !== CompType.GenExp) this.addop(op.RETURN_VALUE);
    const co = this.assembleUnit(true);
    this.exitScope();
    if (isTopLevelAwait && isAsyncGenerator) this.u.ste.coroutine = true;
    this.makeClosure(co, 0);
    this.visitExpr(outermost.iter);
    this.addop(outermost.is_async ? op.GET_AITER : op.GET_ITER);
    this.addopI(PRECALL, 0);
    this.addopI(op.CALL, 0);
    if (isAsyncGenerator && type !== CompType.GenExp) {
      this.addopI(op.GET_AWAITABLE, 0);
      this.addLoadConst(C_NONE);
      this.addYieldFrom(true);
    }
  }

  private asyncComprehensionGenerator(generators: readonly Comprehension[], genIndex: number, depth: number, elt: Expr, val: Expr | null, type: CompType): void {
    const start = this.newBlock();
    const except = this.newBlock();
    const ifCleanup = this.newBlock();
    const gen = generators[genIndex]!;
    if (genIndex === 0) {
      this.u.argcount = 1;
      this.addopI(op.LOAD_FAST, 0);
    } else {
      this.visitExpr(gen.iter);
      this.addop(op.GET_AITER);
    }
    this.useNextBlock(start);
    // The runtime pushes a block here, so account for it.
    this.pushFblock("ASYNC_COMPREHENSION_GENERATOR", start, null);
    this.addopJ(SETUP_FINALLY, except);
    this.addop(op.GET_ANEXT);
    this.addLoadConst(C_NONE);
    this.addYieldFrom(true);
    this.addop(POP_BLOCK);
    this.visitExpr(gen.target);
    for (const cond of gen.ifs) this.jumpIf(cond, ifCleanup, false);
    depth++;
    if (++genIndex < generators.length) this.comprehensionGenerator(generators, genIndex, depth, elt, val, type);
    if (genIndex >= generators.length) this.comprehensionElement(elt, val, type, depth);
    this.useNextBlock(ifCleanup);
    this.addopJ(op.JUMP, start);
    this.popFblock();
    this.useNextBlock(except);
    this.addop(op.END_ASYNC_FOR);
  }

  private addopYield(): void {
    if (this.u.ste.generator && this.u.ste.coroutine) this.addop(op.ASYNC_GEN_WRAP);
    this.addop(op.YIELD_VALUE);
    this.addopI(op.RESUME, 1);
  }

  // --- with ------------------------------------------------------------------------------------

  private withExceptFinish(cleanup: Block): void {
    this.unsetLoc();
    const exit = this.newBlock();
    this.addopJ(op.POP_JUMP_IF_TRUE, exit);
    this.addopI(op.RERAISE, 2);
    this.useNextBlock(cleanup);
    this.popExceptAndReraise();
    this.useNextBlock(exit);
    this.addop(op.POP_TOP); // exc_value
    this.addop(POP_BLOCK);
    this.addop(op.POP_EXCEPT);
    this.addop(op.POP_TOP);
    this.addop(op.POP_TOP);
  }

  /** async with: BEFORE_ASYNC_WITH and awaits around __aenter__ and __aexit__. */
  private compilerAsyncWith(s: StmtOf<"AsyncWith">, pos: number): void {
    const item = s.items[pos]!;
    if (this.isTopLevelAwait()) this.u.ste.coroutine = true;
    else if (this.u.scopeType !== ScopeType.AsyncFunction) this.error("'async with' outside async function");
    const block = this.newBlock();
    const final = this.newBlock();
    const exit = this.newBlock();
    const cleanup = this.newBlock();
    this.visitExpr(item.context_expr);
    this.addop(op.BEFORE_ASYNC_WITH);
    this.addopI(op.GET_AWAITABLE, 1);
    this.addLoadConst(C_NONE);
    this.addYieldFrom(true);
    this.addopJ(SETUP_WITH, final);
    this.useNextBlock(block);
    this.pushFblock("ASYNC_WITH", block, final, { withStmt: s });
    if (item.optional_vars !== null) this.visitExpr(item.optional_vars);
    else this.addop(op.POP_TOP);
    pos++;
    if (pos === s.items.length) this.visitStmts(s.body);
    else this.compilerAsyncWith(s, pos);
    this.popFblock();
    this.addop(POP_BLOCK);
    this.setLoc(s);
    this.callExitWithNones();
    this.addopI(op.GET_AWAITABLE, 2);
    this.addLoadConst(C_NONE);
    this.addYieldFrom(true);
    this.addop(op.POP_TOP);
    this.addopJ(op.JUMP, exit);
    this.useNextBlock(final);
    this.addopJ(SETUP_CLEANUP, cleanup);
    this.addop(op.PUSH_EXC_INFO);
    this.addop(op.WITH_EXCEPT_START);
    this.addopI(op.GET_AWAITABLE, 2);
    this.addLoadConst(C_NONE);
    this.addYieldFrom(true);
    this.withExceptFinish(cleanup);
    this.useNextBlock(exit);
  }

  /** async for: __anext__ awaited under a handler whose END_ASYNC_FOR ends the loop. */
  private compilerAsyncFor(s: StmtOf<"AsyncFor">): void {
    if (this.isTopLevelAwait()) this.u.ste.coroutine = true;
    else if (this.u.scopeType !== ScopeType.AsyncFunction) this.error("'async for' outside async function");
    const start = this.newBlock();
    const except = this.newBlock();
    const end = this.newBlock();
    this.visitExpr(s.iter);
    this.addop(op.GET_AITER);
    this.useNextBlock(start);
    this.pushFblock("FOR_LOOP", start, end);
    this.addopJ(SETUP_FINALLY, except);
    this.addop(op.GET_ANEXT);
    this.addLoadConst(C_NONE);
    this.addYieldFrom(true);
    this.addop(POP_BLOCK);
    this.visitExpr(s.target);
    this.visitStmts(s.body);
    this.unsetLoc();
    this.addopJ(op.JUMP, start);
    this.popFblock();
    this.useNextBlock(except);
    // END_ASYNC_FOR takes the iterator's line: it ends the `for`, not the body.
    this.setLoc(s.iter);
    this.addop(op.END_ASYNC_FOR);
    this.visitStmts(s.orelse);
    this.useNextBlock(end);
  }

  /**
   * with EXPR as VAR: BLOCK
   *     <EXPR>; BEFORE_WITH; SETUP_WITH E; <store VAR or POP_TOP>; <BLOCK>; POP_BLOCK
   *     LOAD_CONST None x3; CALL 2; POP_TOP; JUMP EXIT
   *  E: SETUP_CLEANUP C; PUSH_EXC_INFO; WITH_EXCEPT_START; POP_JUMP_IF_TRUE T; RERAISE 2
   *  C: COPY 3; POP_EXCEPT; RERAISE 1
   *  T: POP_TOP; POP_BLOCK; POP_EXCEPT; POP_TOP; POP_TOP
   *  EXIT:
   */
  private compilerWith(s: StmtOf<"With">, pos: number): void {
    const item = s.items[pos]!;
    const block = this.newBlock();
    const final = this.newBlock();
    const exit = this.newBlock();
    const cleanup = this.newBlock();
    this.visitExpr(item.context_expr);
    this.addop(op.BEFORE_WITH); // pushes the bound __exit__, then __enter__'s result
    this.addopJ(SETUP_WITH, final);
    this.useNextBlock(block);
    this.pushFblock("WITH", block, final, { withStmt: s });
    if (item.optional_vars !== null) this.visitExpr(item.optional_vars);
    else this.addop(op.POP_TOP);
    pos++;
    if (pos === s.items.length) this.visitStmts(s.body);
    else this.compilerWith(s, pos);
    this.unsetLoc();
    this.addop(POP_BLOCK);
    this.popFblock();
    // normal exit: __exit__(None, None, None)
    this.setLoc(s);
    this.callExitWithNones();
    this.addop(op.POP_TOP);
    this.addopJ(op.JUMP, exit);
    // exceptional exit
    this.useNextBlock(final);
    this.addopJ(SETUP_CLEANUP, cleanup);
    this.addop(op.PUSH_EXC_INFO);
    this.addop(op.WITH_EXCEPT_START);
    this.withExceptFinish(cleanup);
    this.useNextBlock(exit);
  }

  // --- expressions -----------------------------------------------------------------------------

  private visitExpr1(e: Expr): void {
    switch (e.kind) {
      case "NamedExpr":
        this.visitExpr(e.value);
        this.addopI(op.COPY, 1);
        this.visitExpr(e.target);
        return;
      case "BoolOp":
        return this.compilerBoolop(e);
      case "BinOp":
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        this.addopI(op.BINARY_OP, BINARY_OPARG[e.op]);
        return;
      case "UnaryOp":
        this.visitExpr(e.operand);
        this.addop(UNARY_OPCODE[e.op]);
        return;
      case "Lambda":
        return this.compilerLambda(e);
      case "IfExp":
        return this.compilerIfexp(e);
      case "Dict":
        return this.compilerDict(e);
      case "Set":
        return this.starunpackHelper(e.elts, 0, op.BUILD_SET, op.SET_ADD, op.SET_UPDATE, false);
      case "GeneratorExp":
        return this.compilerComprehension(e, CompType.GenExp, "<genexpr>", e.generators, e.elt, null);
      case "ListComp":
        return this.compilerComprehension(e, CompType.ListComp, "<listcomp>", e.generators, e.elt, null);
      case "SetComp":
        return this.compilerComprehension(e, CompType.SetComp, "<setcomp>", e.generators, e.elt, null);
      case "DictComp":
        return this.compilerComprehension(e, CompType.DictComp, "<dictcomp>", e.generators, e.key, e.value);
      case "Yield":
        if (this.u.ste.type !== "function") this.error("'yield' outside function");
        if (e.value !== null) this.visitExpr(e.value);
        else this.addLoadConst(C_NONE);
        this.addopYield();
        return;
      case "YieldFrom":
        if (this.u.ste.type !== "function") this.error("'yield' outside function");
        if (this.u.scopeType === ScopeType.AsyncFunction) this.error("'yield from' inside async function");
        this.visitExpr(e.value);
        this.addop(op.GET_YIELD_FROM_ITER);
        this.addLoadConst(C_NONE);
        this.addYieldFrom(false);
        return;
      case "Await":
        if (!this.isTopLevelAwait()) {
          if (this.u.ste.type !== "function") this.error("'await' outside function");
          if (this.u.scopeType !== ScopeType.AsyncFunction && this.u.scopeType !== ScopeType.Comprehension) {
            this.error("'await' outside async function");
          }
        }
        this.visitExpr(e.value);
        this.addopI(op.GET_AWAITABLE, 0);
        this.addLoadConst(C_NONE);
        this.addYieldFrom(true);
        return;
      case "Compare":
        return this.compilerCompare(e);
      case "Call":
        return this.compilerCall(e);
      case "Constant":
        this.addLoadConst(constValue(e));
        return;
      case "JoinedStr":
        return this.compilerJoinedStr(e);
      case "FormattedValue":
        return this.compilerFormattedValue(e);
      case "Attribute":
        this.visitExpr(e.value);
        this.updateStartLocationToMatchAttr(e);
        switch (e.ctx) {
          case "Load":
            this.addopName(op.LOAD_ATTR, this.u.names, e.attr);
            return;
          case "Store":
            this.forbiddenName(e.attr, e.ctx);
            this.addopName(op.STORE_ATTR, this.u.names, e.attr);
            return;
          case "Del":
            this.addopName(op.DELETE_ATTR, this.u.names, e.attr);
            return;
        }
        return;
      case "Subscript":
        return this.compilerSubscript(e);
      case "Starred":
        if (e.ctx === "Store") this.error("starred assignment target must be in a list or tuple");
        this.error("can't use starred expression here");
        return;
      case "Slice":
        return this.compilerSlice(e);
      case "Name":
        return this.nameop(e.id, e.ctx);
      case "List":
        return this.compilerList(e);
      case "Tuple":
        return this.compilerTuple(e);
    }
  }

  visitExpr(e: Expr): void {
    const saved = this.saveLoc();
    this.setLoc(e);
    this.visitExpr1(e);
    this.restoreLoc(saved);
  }

  private compilerAugassign(s: StmtOf<"AugAssign">): void {
    const e = s.target;
    const saved = this.saveLoc();
    this.setLoc(e);
    switch (e.kind) {
      case "Attribute":
        this.visitExpr(e.value);
        this.addopI(op.COPY, 1);
        this.updateStartLocationToMatchAttr(e);
        this.addopName(op.LOAD_ATTR, this.u.names, e.attr);
        break;
      case "Subscript":
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        this.addopI(op.COPY, 2);
        this.addopI(op.COPY, 2);
        this.addop(op.BINARY_SUBSCR);
        break;
      case "Name":
        this.nameop(e.id, "Load");
        break;
      default:
        throw new Error(`heapscope internal error: invalid node type ${e.kind} for augmented assignment`);
    }
    this.restoreLoc(saved);
    this.visitExpr(s.value);
    this.addopI(op.BINARY_OP, BINARY_OPARG[s.op] + op.NB_INPLACE_OFFSET);
    this.setLoc(e);
    switch (e.kind) {
      case "Attribute":
        this.updateStartLocationToMatchAttr(e);
        this.addopI(op.SWAP, 2);
        this.addopName(op.STORE_ATTR, this.u.names, e.attr);
        return;
      case "Subscript":
        this.addopI(op.SWAP, 3);
        this.addopI(op.SWAP, 2);
        this.addop(op.STORE_SUBSCR);
        return;
      case "Name":
        this.nameop(e.id, "Store");
        return;
    }
  }

  private checkAnnExpr(e: Expr): void {
    this.visitExpr(e);
    this.addop(op.POP_TOP);
  }

  private checkAnnotation(s: StmtOf<"AnnAssign">): void {
    // Annotations of complex targets produce nothing under the annotations future.
    if ((this.future.features & CO_FUTURE_ANNOTATIONS) !== 0) return;
    // They are only evaluated in a module or class.
    if (this.u.scopeType === ScopeType.Module || this.u.scopeType === ScopeType.Class) this.checkAnnExpr(s.annotation);
  }

  private checkAnnSubscr(e: Expr): void {
    switch (e.kind) {
      case "Slice":
        if (e.lower !== null) this.checkAnnExpr(e.lower);
        if (e.upper !== null) this.checkAnnExpr(e.upper);
        if (e.step !== null) this.checkAnnExpr(e.step);
        return;
      case "Tuple":
        for (const x of e.elts) this.checkAnnSubscr(x);
        return;
      default:
        this.checkAnnExpr(e);
    }
  }

  private compilerAnnassign(s: StmtOf<"AnnAssign">): void {
    const targ = s.target;
    // The assignment happens first.
    if (s.value !== null) {
      this.visitExpr(s.value);
      this.visitExpr(targ);
    }
    switch (targ.kind) {
      case "Name":
        this.forbiddenName(targ.id, "Store");
        // A simple name in a module or class records its annotation.
        if (s.simple && (this.u.scopeType === ScopeType.Module || this.u.scopeType === ScopeType.Class)) {
          if ((this.future.features & CO_FUTURE_ANNOTATIONS) !== 0) this.addLoadConst(cStr(unparseExpr(s.annotation)));
          else this.visitExpr(s.annotation);
          this.addopName(op.LOAD_NAME, this.u.names, "__annotations__");
          this.addLoadConst(cStr(mangle(this.u.privateName, targ.id)));
          this.addop(op.STORE_SUBSCR);
        }
        break;
      case "Attribute":
        this.forbiddenName(targ.attr, "Store");
        if (s.value === null) this.checkAnnExpr(targ.value);
        break;
      case "Subscript":
        if (s.value === null) {
          this.checkAnnExpr(targ.value);
          this.checkAnnSubscr(targ.slice);
        }
        break;
      default:
        throw new Error(`heapscope internal error: invalid node type ${targ.kind} for annotated assignment`);
    }
    // The annotation is evaluated last.
    if (!s.simple) this.checkAnnotation(s);
  }

  private compilerSubscript(e: ExprOf<"Subscript">): void {
    const ctx = e.ctx;
    if (ctx === "Load") {
      this.checkSubscripter(e.value);
      this.checkIndex(e.value, e.slice);
    }
    this.visitExpr(e.value);
    this.visitExpr(e.slice);
    this.addop(ctx === "Load" ? op.BINARY_SUBSCR : ctx === "Store" ? op.STORE_SUBSCR : op.DELETE_SUBSCR);
  }

  private compilerSlice(s: ExprOf<"Slice">): void {
    let n = 2;
    if (s.lower !== null) this.visitExpr(s.lower);
    else this.addLoadConst(C_NONE);
    if (s.upper !== null) this.visitExpr(s.upper);
    else this.addLoadConst(C_NONE);
    if (s.step !== null) {
      n++;
      this.visitExpr(s.step);
    }
    this.addopI(op.BUILD_SLICE, n);
  }
}

function areAllItemsConst(seq: readonly (Expr | null)[], begin: number, end: number): boolean {
  for (let i = begin; i < end; i++) {
    const key = seq[i];
    if (key === null || key === undefined || key.kind !== "Constant") return false;
  }
  return true;
}

function isNonEmptyTuple(v: CVal): boolean {
  return v.kind === "tuple" && v.items.length > 0;
}

function makeFrozensetFromTuple(t: CVal): CVal {
  return makeFrozenset((t as CVal & { kind: "tuple" }).items);
}

const CONST_TYPE_NAMES: Record<CVal["kind"], string> = {
  None: "NoneType",
  Ellipsis: "ellipsis",
  bool: "bool",
  int: "int",
  float: "float",
  complex: "complex",
  str: "str",
  bytes: "bytes",
  tuple: "tuple",
  frozenset: "frozenset",
  code: "code",
};

/** infer_type: the type name of an expression whose type is known at compile time, else null. */
function inferTypeName(e: Expr): string | null {
  switch (e.kind) {
    case "Tuple":
      return "tuple";
    case "List":
    case "ListComp":
      return "list";
    case "Dict":
    case "DictComp":
      return "dict";
    case "Set":
    case "SetComp":
      return "set";
    case "GeneratorExp":
      return "generator";
    case "Lambda":
      return "function";
    case "JoinedStr":
    case "FormattedValue":
      return "str";
    case "Constant":
      return CONST_TYPE_NAMES[constValue(e).kind];
    default:
      return null;
  }
}
