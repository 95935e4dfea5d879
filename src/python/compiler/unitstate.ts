// Python/compile.c (3.11): struct compiler_unit and struct fblockinfo, the state the code
// generator keeps for each code object being compiled.

import type { Stmt } from "../ast.js";
import { constKey, type CVal } from "./consts.js";
import { Block } from "./cfg.js";
import type { SymtableEntry } from "./symtable.js";

export const enum ScopeType {
  Module,
  Class,
  Function,
  AsyncFunction,
  Lambda,
  Comprehension,
}

export type FBlockType =
  | "WHILE_LOOP"
  | "FOR_LOOP"
  | "TRY_EXCEPT"
  | "FINALLY_TRY"
  | "FINALLY_END"
  | "WITH"
  | "ASYNC_WITH"
  | "HANDLER_CLEANUP"
  | "POP_VALUE"
  | "EXCEPTION_HANDLER"
  | "EXCEPTION_GROUP_HANDLER"
  | "ASYNC_COMPREHENSION_GENERATOR";

/** A frame block: a loop, try, with or handler the unwinding code of return/break/continue visits. */
export interface FBlock {
  type: FBlockType;
  block: Block | null;
  exit: Block | null;
  /** FINALLY_TRY: the finally body; WITH: the with statement; HANDLER_CLEANUP: the bound name. */
  finalBody: readonly Stmt[] | null;
  withStmt: Stmt | null;
  handlerName: string | null;
}

/** A dict from keys to insertion indexes (compiler_add_o). */
export class IndexMap {
  readonly map = new Map<string, number>();
  add(key: string): number {
    let i = this.map.get(key);
    if (i === undefined) {
      i = this.map.size;
      this.map.set(key, i);
    }
    return i;
  }
  get(key: string): number | undefined {
    return this.map.get(key);
  }
  get size(): number {
    return this.map.size;
  }
  /** Keys ordered by index. */
  keys(offset = 0): string[] {
    const out = new Array<string>(this.map.size);
    for (const [k, i] of this.map) out[i - offset] = k;
    return out;
  }
}

export class CompilerUnit {
  readonly ste: SymtableEntry;
  readonly name: string;
  qualname: string | null = null;
  readonly scopeType: ScopeType;
  /** Constants by key, and the values in index order. */
  readonly constIndex = new Map<string, number>();
  readonly consts: CVal[] = [];
  readonly names = new IndexMap();
  readonly varnames = new IndexMap();
  readonly cellvars = new IndexMap();
  readonly freevars = new IndexMap();
  privateName: string | null = null;
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;
  /** Every block, in allocation order (CPython's u_blocks list is the reverse). */
  readonly blocks: Block[] = [];
  curblock!: Block;
  readonly fblocks: FBlock[] = [];
  firstlineno: number;
  lineno: number;
  colOffset = 0;
  endLineno: number;
  endColOffset = 0;
  needNewImplicitBlock = false;

  constructor(ste: SymtableEntry, name: string, scopeType: ScopeType, firstlineno: number) {
    this.ste = ste;
    this.name = name;
    this.scopeType = scopeType;
    this.firstlineno = firstlineno;
    this.lineno = firstlineno;
    this.endLineno = firstlineno;
  }

  /** compiler_add_const (after merge_consts_recursive): the index of an equal constant. */
  addConst(v: CVal): number {
    const key = constKey(v);
    let i = this.constIndex.get(key);
    if (i === undefined) {
      i = this.consts.length;
      this.constIndex.set(key, i);
      this.consts.push(v);
    }
    return i;
  }
}
