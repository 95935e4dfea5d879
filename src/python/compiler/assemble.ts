// Python/compile.c (3.11), the assembler: assemble(), insert_prefix_instructions,
// build_cellfixedoffsets, fix_cell_offsets, guarantee_lineno_for_exits, stackdepth,
// label_exception_targets, convert_exception_handlers_to_nops, assemble_exception_table,
// the location table, compute_code_flags, compute_localsplus_info and makecode.
//
// heapscope's encoding differs from CPython's bytes only in layout: one (opcode, oparg) pair per
// instruction (no CACHE entries, EXTENDED_ARG or PRECALL), jump targets and exception-table
// ranges as instruction indexes, and per-instruction positions instead of the compressed table.

import * as op from "../opcodes.js";
import { CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL, CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_NESTED, CO_NEWLOCALS, CO_OPTIMIZED, CO_VARARGS, CO_VARKEYWORDS, POSITION_SIZE } from "./codeflags.js";
import { Block, Instr, isBlockPush, isJump, JUMP_NO_INTERRUPT, POP_BLOCK, PRECALL, SETUP_FINALLY, stackEffect } from "./cfg.js";
import type { Compiler } from "./compile.js";
import {
  cleanBasicBlock,
  ConstList,
  duplicateExitsWithoutLineno,
  extendBlock,
  normalizeBasicBlock,
  optimizeCfg,
  propagateLineNumbers,
  trimUnusedConsts,
} from "./flowgraph.js";
import { PYCF_MASK } from "./future.js";
import type { CodeUnit } from "./unit.js";
import type { CompilerUnit } from "./unitstate.js";

const UNSET_DEPTH = Number.MIN_SAFE_INTEGER;

/** compute_code_flags */
export function computeCodeFlags(c: Compiler, u: CompilerUnit): number {
  const ste = u.ste;
  let flags = 0;
  if (ste.type === "function") {
    flags |= CO_NEWLOCALS | CO_OPTIMIZED;
    if (ste.nested) flags |= CO_NESTED;
    if (ste.generator && !ste.coroutine) flags |= CO_GENERATOR;
    if (!ste.generator && ste.coroutine) flags |= CO_COROUTINE;
    if (ste.generator && ste.coroutine) flags |= CO_ASYNC_GENERATOR;
    if (ste.varargs) flags |= CO_VARARGS;
    if (ste.varkeywords) flags |= CO_VARKEYWORDS;
  }
  flags |= c.flags & PYCF_MASK;
  return flags;
}

/** build_cellfixedoffsets: where each cell/free slot lands (cells of parameters share the parameter's). */
function buildCellFixedOffsets(u: CompilerUnit): number[] {
  const nlocals = u.varnames.size;
  const noffsets = u.cellvars.size + u.freevars.size;
  const fixed: number[] = [];
  for (let i = 0; i < noffsets; i++) fixed.push(nlocals + i);
  for (const [varname, cellindex] of u.cellvars.map) {
    const varindex = u.varnames.get(varname);
    if (varindex !== undefined) fixed[cellindex] = varindex;
  }
  return fixed;
}

/** insert_prefix_instructions: [COPY_FREE_VARS] [MAKE_CELL ...] [RETURN_GENERATOR POP_TOP]. */
function insertPrefixInstructions(c: Compiler, u: CompilerUnit, entry: Block, fixed: number[], nfreevars: number): void {
  const flags = computeCodeFlags(c, u);
  const prefix: Instr[] = [];
  if ((flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) !== 0) {
    entry.instrs.splice(0, 0,
      new Instr(op.RETURN_GENERATOR, 0, null, u.firstlineno, u.firstlineno, -1, -1),
      new Instr(op.POP_TOP, 0, null, -1, -1, -1, -1));
  }
  const ncellvars = u.cellvars.size;
  if (ncellvars > 0) {
    // MAKE_CELLs in localsplus order (cells of parameters come first).
    const nvars = ncellvars + u.varnames.size;
    const sorted = new Array<number>(nvars).fill(0);
    for (let i = 0; i < ncellvars; i++) sorted[fixed[i]!] = i + 1;
    for (let i = 0, used = 0; used < ncellvars; i++) {
      const oldindex = sorted[i]! - 1;
      if (oldindex === -1) continue;
      prefix.push(new Instr(op.MAKE_CELL, oldindex, null, -1, -1, -1, -1));
      used++;
    }
    entry.instrs.splice(0, 0, ...prefix);
  }
  if (nfreevars > 0) entry.instrs.splice(0, 0, new Instr(op.COPY_FREE_VARS, nfreevars, null, -1, -1, -1, -1));
}

/** fix_cell_offsets: cell/free opargs become localsplus indexes. Returns how many cells were parameters. */
function fixCellOffsets(u: CompilerUnit, entry: Block, fixedmap: number[]): number {
  const nlocals = u.varnames.size;
  const noffsets = u.cellvars.size + u.freevars.size;
  let numdropped = 0;
  for (let i = 0; i < noffsets; i++) {
    if (fixedmap[i] === i + nlocals) fixedmap[i]! -= numdropped;
    else numdropped++; // a cell that is also a parameter
  }
  for (let b: Block | null = entry; b !== null; b = b.next) {
    for (const inst of b.instrs) {
      switch (inst.opcode) {
        case op.MAKE_CELL:
        case op.LOAD_CLOSURE:
        case op.LOAD_DEREF:
        case op.STORE_DEREF:
        case op.DELETE_DEREF:
        case op.LOAD_CLASSDEREF:
          inst.oparg = fixedmap[inst.oparg]!;
      }
    }
  }
  return numdropped;
}

/** guarantee_lineno_for_exits: every return carries a line number (PEP 626). */
function guaranteeLinenoForExits(entry: Block, firstlineno: number): void {
  let lineno = firstlineno;
  for (let b: Block | null = entry; b !== null; b = b.next) {
    const last = b.last;
    if (last === null) continue;
    if (last.lineno < 0) {
      if (last.opcode === op.RETURN_VALUE) for (const i of b.instrs) i.lineno = lineno;
    } else {
      lineno = last.lineno;
    }
  }
}

/** stackdepth: the deepest stack on any path (cycles are assumed to be balanced). */
function stackDepth(u: CompilerUnit, entry: Block): number {
  for (const b of u.blocks) b.startDepth = UNSET_DEPTH;
  const stack: Block[] = [];
  const push = (b: Block, depth: number): void => {
    if (b.startDepth < depth && b.startDepth < 100) {
      b.startDepth = depth;
      stack.push(b);
    }
  };
  push(entry, u.ste.generator || u.ste.coroutine ? 1 : 0);
  let maxdepth = 0;
  while (stack.length > 0) {
    const b = stack.pop()!;
    let depth = b.startDepth;
    let next = b.next;
    for (const instr of b.instrs) {
      const newDepth = depth + stackEffect(instr.opcode, instr.oparg, 0);
      if (newDepth > maxdepth) maxdepth = newDepth;
      if (isJump(instr) || isBlockPush(instr)) {
        const targetDepth = depth + stackEffect(instr.opcode, instr.oparg, 1);
        if (targetDepth > maxdepth) maxdepth = targetDepth;
        push(instr.target!, targetDepth);
      }
      depth = newDepth;
      const o = instr.opcode;
      if (o === JUMP_NO_INTERRUPT || o === op.JUMP || o === op.RETURN_VALUE || o === op.RAISE_VARARGS || o === op.RERAISE) {
        next = null; // the rest of the block is dead
        break;
      }
    }
    if (next !== null) push(next, depth);
  }
  return maxdepth;
}

/**
 * label_exception_targets: walks the graph with the stack of active handlers (SETUP_* push,
 * POP_BLOCK pops) and records in each instruction the handler covering it.
 */
function labelExceptionTargets(entry: Block): void {
  for (let b: Block | null = entry; b !== null; b = b.next) b.visited = false;
  const todo: Block[] = [entry];
  entry.visited = true;
  entry.exceptStack = [];
  while (todo.length > 0) {
    const b = todo.pop()!;
    let exceptStack: Block[] | null = b.exceptStack!;
    b.exceptStack = null;
    let handler: Block | null = exceptStack.length > 0 ? exceptStack[exceptStack.length - 1]! : null;
    for (const instr of b.instrs) {
      if (isBlockPush(instr)) {
        const target = instr.target!;
        if (!target.visited) {
          target.exceptStack = exceptStack!.slice();
          todo.push(target);
          target.visited = true;
        }
        // Handlers of SETUP_WITH and SETUP_CLEANUP restore f_lasti.
        if (instr.opcode !== SETUP_FINALLY) target.preserveLasti = true;
        exceptStack!.push(target);
        handler = target;
      } else if (instr.opcode === POP_BLOCK) {
        exceptStack!.pop();
        handler = exceptStack!.length > 0 ? exceptStack![exceptStack!.length - 1]! : null;
      } else if (isJump(instr)) {
        instr.except = handler;
        const target = instr.target!;
        if (!target.visited) {
          if (!b.nofallthrough) {
            target.exceptStack = exceptStack!.slice();
          } else {
            target.exceptStack = exceptStack;
            exceptStack = null;
          }
          todo.push(target);
          target.visited = true;
        }
      } else {
        instr.except = handler;
      }
    }
    if (!b.nofallthrough && !b.next!.visited) {
      b.next!.exceptStack = exceptStack;
      todo.push(b.next!);
      b.next!.visited = true;
    }
  }
}

function convertExceptionHandlersToNops(entry: Block): void {
  for (let b: Block | null = entry; b !== null; b = b.next) {
    for (const instr of b.instrs) if (isBlockPush(instr) || instr.opcode === POP_BLOCK) instr.opcode = op.NOP;
  }
}

function emittedOpcode(opcode: number): number {
  return opcode === JUMP_NO_INTERRUPT ? op.JUMP : opcode;
}

/**
 * Positions as co_positions() reports them after the location table round trip: no line -> all
 * none; no columns on a one-line (or unknown-end) location -> the line twice and no columns.
 */
function writePosition(out: Int32Array, at: number, i: Instr): void {
  if (i.lineno < 0) {
    out[at] = out[at + 1] = out[at + 2] = out[at + 3] = -1;
    return;
  }
  if ((i.colOffset < 0 || i.endColOffset < 0) && (i.endLineno === i.lineno || i.endLineno === -1)) {
    out[at] = i.lineno;
    out[at + 1] = i.lineno;
    out[at + 2] = -1;
    out[at + 3] = -1;
    return;
  }
  out[at] = i.lineno;
  out[at + 1] = i.endLineno;
  out[at + 2] = i.colOffset < 0 ? -1 : i.colOffset;
  out[at + 3] = i.endColOffset < 0 ? -1 : i.endColOffset;
}

/** The CodeUnit for the unit `u` (the current unit of `c`). */
export function assemble(c: Compiler, u: CompilerUnit): CodeUnit {
  const newestFirst = (): Block[] => u.blocks.slice().reverse();
  for (const b of newestFirst()) normalizeBasicBlock(b);
  for (const b of newestFirst()) extendBlock(b);
  const entry = u.blocks[0]!;

  const nlocals = u.varnames.size;
  const nfreevars = u.freevars.size;
  let nlocalsplus = nlocals + u.cellvars.size + nfreevars;
  const fixed = buildCellFixedOffsets(u);

  if (u.firstlineno === 0) {
    const first = entry.instrs[0];
    u.firstlineno = first !== undefined && first.lineno !== 0 ? first.lineno : 1;
  }

  insertPrefixInstructions(c, u, entry, fixed, nfreevars);
  nlocalsplus -= fixCellOffsets(u, entry, fixed);

  const consts = new ConstList(u.consts.slice());
  optimizeCfg(entry, newestFirst(), consts);
  duplicateExitsWithoutLineno(newestFirst, (b) => c.copyBlock(b));
  trimUnusedConsts(entry, consts);
  propagateLineNumbers(entry);
  guaranteeLinenoForExits(entry, u.firstlineno);
  const maxdepth = stackDepth(u, entry);

  labelExceptionTargets(entry);
  convertExceptionHandlersToNops(entry);
  for (let b: Block | null = entry; b !== null; b = b.next) cleanBasicBlock(b);

  // Layout: instruction indexes (PRECALL takes no slot).
  let count = 0;
  for (let b: Block | null = entry; b !== null; b = b.next) {
    b.offset = count;
    for (const i of b.instrs) if (i.opcode !== PRECALL) count++;
  }
  const instructions = new Int32Array(count * 2);
  const positions = new Int32Array(count * POSITION_SIZE);
  const table: number[] = [];
  let n = 0;
  let handler: Block | null = null;
  let start = -1;
  const emitEntry = (end: number): void => {
    if (handler === null) return;
    let depth = handler.startDepth - 1;
    if (handler.preserveLasti) depth -= 1;
    table.push(start, end, handler.offset, depth, handler.preserveLasti ? 1 : 0);
  };
  for (let b: Block | null = entry; b !== null; b = b.next) {
    for (const i of b.instrs) {
      if (i.opcode === PRECALL) continue;
      if (i.except !== handler) {
        emitEntry(n);
        start = n;
        handler = i.except;
      }
      instructions[2 * n] = emittedOpcode(i.opcode);
      instructions[2 * n + 1] = isJump(i) ? i.target!.offset : i.oparg;
      writePosition(positions, n * POSITION_SIZE, i);
      n++;
    }
  }
  emitEntry(n);

  // compute_localsplus_info
  const localsplusnames = new Array<string>(nlocalsplus);
  const localspluskinds = new Uint8Array(nlocalsplus);
  for (const [k, v] of u.varnames.map) {
    localsplusnames[v] = k;
    localspluskinds[v] = CO_FAST_LOCAL | (u.cellvars.get(k) !== undefined ? CO_FAST_CELL : 0);
  }
  let numdropped = 0;
  for (const [k, v] of u.cellvars.map) {
    if (u.varnames.get(k) !== undefined) {
      numdropped++;
      continue;
    }
    const offset = v + nlocals - numdropped;
    localsplusnames[offset] = k;
    localspluskinds[offset] = CO_FAST_CELL;
  }
  for (const [k, v] of u.freevars.map) {
    const offset = v + nlocals - numdropped;
    localsplusnames[offset] = k;
    localspluskinds[offset] = CO_FAST_FREE;
  }

  return {
    name: u.name,
    qualname: u.qualname ?? u.name,
    filename: c.filename,
    firstlineno: u.firstlineno,
    flags: computeCodeFlags(c, u),
    argcount: u.posonlyargcount + u.argcount,
    posonlyargcount: u.posonlyargcount,
    kwonlyargcount: u.kwonlyargcount,
    instructions,
    consts: consts.values,
    names: u.names.keys(),
    localsplusnames,
    localspluskinds,
    stacksize: maxdepth,
    exceptionTable: Int32Array.from(table),
    positions,
  };
}
