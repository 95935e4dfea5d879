// Python/compile.c (3.11), the optimiser of the control-flow graph: optimize_cfg and its helpers
// (optimize_basic_block, fold_tuple_on_constants, swaptimize, apply_static_swaps, jump_thread,
// extend_block, clean_basic_block, normalize_basic_block, mark_reachable,
// eliminate_empty_basic_blocks, propagate_line_numbers, duplicate_exits_without_lineno,
// trim_unused_consts). The passes run in CPython's order on the same graph so that the final
// instruction sequence is CPython's.

import * as op from "../opcodes.js";
import { Block, Instr, isBlockPush, isJump, JUMP_NO_INTERRUPT, type Block as BlockT } from "./cfg.js";
import { constIsTrue, constKey, cTuple, type CVal } from "./consts.js";

/** Blocks with more instructions than this are never copied. */
const MAX_COPY_SIZE = 4;

/** The constants list of a unit while it is being optimised (new constants are appended). */
export class ConstList {
  readonly values: CVal[];
  private readonly index = new Map<string, number>();

  constructor(values: CVal[]) {
    this.values = values;
    values.forEach((v, i) => {
      const k = constKey(v);
      if (!this.index.has(k)) this.index.set(k, i);
    });
  }

  /** The index of an equal constant, appending it when there is none. */
  indexOf(v: CVal): number {
    const k = constKey(v);
    let i = this.index.get(k);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(v);
      this.index.set(k, i);
    }
    return i;
  }

  truncate(length: number): void {
    for (let i = length; i < this.values.length; i++) {
      const k = constKey(this.values[i]!);
      if (this.index.get(k) === i) this.index.delete(k);
    }
    this.values.length = length;
  }
}

/** fold_tuple_on_constants: LOAD_CONST c1 ... LOAD_CONST cn BUILD_TUPLE n -> LOAD_CONST (c1, ..., cn). */
function foldTupleOnConstants(instrs: Instr[], start: number, n: number, consts: ConstList): void {
  for (let i = 0; i < n; i++) if (instrs[start + i]!.opcode !== op.LOAD_CONST) return;
  const items: CVal[] = [];
  for (let i = 0; i < n; i++) items.push(consts.values[instrs[start + i]!.oparg]!);
  const index = consts.indexOf(cTuple(items));
  for (let i = 0; i < n; i++) instrs[start + i]!.opcode = op.NOP;
  const build = instrs[start + n]!;
  build.opcode = op.LOAD_CONST;
  build.oparg = index;
}

const VISITED = -1;

/** swaptimize: replaces a run of SWAPs and NOPs by an optimal sequence with the same effect. */
function swaptimize(block: BlockT, ix: number): number {
  const instructions = block.instrs;
  let depth = instructions[ix]!.oparg;
  let len = 0;
  let more = false;
  const limit = instructions.length - ix;
  while (++len < limit) {
    const opcode = instructions[ix + len]!.opcode;
    if (opcode === op.SWAP) {
      depth = Math.max(depth, instructions[ix + len]!.oparg);
      more = true;
    } else if (opcode !== op.NOP) {
      break;
    }
  }
  if (!more) return ix;
  const stack: number[] = [];
  for (let i = 0; i < depth; i++) stack.push(i);
  for (let i = 0; i < len; i++) {
    const ins = instructions[ix + i]!;
    if (ins.opcode === op.SWAP) {
      const top = stack[0]!;
      stack[0] = stack[ins.oparg - 1]!;
      stack[ins.oparg - 1] = top;
    }
  }
  // Walk each permutation cycle, emitting swaps from the end of the run backwards.
  let current = len - 1;
  for (let i = 0; i < depth; i++) {
    if (stack[i] === VISITED || stack[i] === i) continue;
    let j = i;
    for (;;) {
      if (j !== 0) {
        const ins = instructions[ix + current--]!;
        ins.opcode = op.SWAP;
        ins.oparg = j + 1;
      }
      if (stack[j] === VISITED) break;
      const nextJ = stack[j]!;
      stack[j] = VISITED;
      j = nextJ;
    }
  }
  while (current >= 0) instructions[ix + current--]!.opcode = op.NOP;
  return ix + len - 1;
}

function swappable(opcode: number): boolean {
  return opcode === op.STORE_FAST || opcode === op.POP_TOP;
}

function storesTo(i: Instr): number {
  return i.opcode === op.STORE_FAST ? i.oparg : -1;
}

function nextSwappableInstruction(block: BlockT, i: number, lineno: number): number {
  const instrs = block.instrs;
  while (++i < instrs.length) {
    const ins = instrs[i]!;
    // Reordering across a line change would change the names bound between line events.
    if (lineno >= 0 && ins.lineno !== lineno) return -1;
    if (ins.opcode === op.NOP) continue;
    if (swappable(ins.opcode)) return i;
    return -1;
  }
  return -1;
}

/** apply_static_swaps: SWAP(2) POP_TOP STORE_FAST(x) -> NOP STORE_FAST(x) POP_TOP, and the like. */
function applyStaticSwaps(block: BlockT, i: number): void {
  const instrs = block.instrs;
  for (; i >= 0; i--) {
    const swap = instrs[i]!;
    if (swap.opcode !== op.SWAP) {
      if (swap.opcode === op.NOP || swappable(swap.opcode)) continue;
      return;
    }
    const j = nextSwappableInstruction(block, i, -1);
    if (j < 0) return;
    let k = j;
    const lineno = instrs[j]!.lineno;
    for (let count = swap.oparg - 1; count > 0; count--) {
      k = nextSwappableInstruction(block, k, lineno);
      if (k < 0) return;
    }
    const storeJ = storesTo(instrs[j]!);
    const storeK = storesTo(instrs[k]!);
    if (storeJ >= 0 || storeK >= 0) {
      if (storeJ === storeK) return;
      for (let idx = j + 1; idx < k; idx++) {
        const s = storesTo(instrs[idx]!);
        if (s >= 0 && (s === storeJ || s === storeK)) return;
      }
    }
    swap.opcode = op.NOP;
    const tmp = instrs[j]!;
    instrs[j] = instrs[k]!;
    instrs[k] = tmp;
  }
}

/** jump_thread: make `inst` jump straight to `target`'s target with `opcode`; true if done. */
function jumpThread(inst: Instr, target: Instr, opcode: number): boolean {
  // bpo-45773: equal targets would loop forever.
  if (inst.lineno === target.lineno && inst.target !== target.target) {
    inst.target = target.target;
    inst.opcode = opcode;
    return true;
  }
  return false;
}

const NOP_INSTR = new Instr(op.NOP, 0, null, -1, -1, -1, -1);

/** optimize_basic_block */
function optimizeBasicBlock(bb: BlockT, consts: ConstList): void {
  const instrs = bb.instrs;
  for (let i = 0; i < instrs.length; i++) {
    const inst = instrs[i]!;
    const oparg = inst.oparg;
    const nextop = i + 1 < instrs.length ? instrs[i + 1]!.opcode : 0;
    let target: Instr;
    if (isJump(inst) || isBlockPush(inst)) {
      // Skip over empty basic blocks.
      while (inst.target!.instrs.length === 0) inst.target = inst.target!.next!;
      target = inst.target!.instrs[0]!;
    } else {
      target = NOP_INSTR;
    }
    switch (inst.opcode) {
      // LOAD_CONST c; conditional jump -> the jump decided at compile time
      case op.LOAD_CONST: {
        switch (nextop) {
          case op.POP_JUMP_IF_FALSE:
          case op.POP_JUMP_IF_TRUE: {
            const isTrue = constIsTrue(consts.values[oparg]!);
            inst.opcode = op.NOP;
            const jumpIfTrue = nextop === op.POP_JUMP_IF_TRUE;
            if (isTrue === jumpIfTrue) {
              instrs[i + 1]!.opcode = op.JUMP;
              bb.nofallthrough = true;
            } else {
              instrs[i + 1]!.opcode = op.NOP;
            }
            break;
          }
          case op.JUMP_IF_FALSE_OR_POP:
          case op.JUMP_IF_TRUE_OR_POP: {
            const isTrue = constIsTrue(consts.values[oparg]!);
            const jumpIfTrue = nextop === op.JUMP_IF_TRUE_OR_POP;
            if (isTrue === jumpIfTrue) {
              instrs[i + 1]!.opcode = op.JUMP;
              bb.nofallthrough = true;
            } else {
              inst.opcode = op.NOP;
              instrs[i + 1]!.opcode = op.NOP;
            }
            break;
          }
          case op.IS_OP: {
            const cnt = consts.values[oparg]!;
            const jumpOp = i + 2 < instrs.length ? instrs[i + 2]!.opcode : 0;
            if (cnt.kind === "None" && (jumpOp === op.POP_JUMP_IF_FALSE || jumpOp === op.POP_JUMP_IF_TRUE)) {
              const nextarg = instrs[i + 1]!.oparg;
              inst.opcode = op.NOP;
              instrs[i + 1]!.opcode = op.NOP;
              instrs[i + 2]!.opcode = (nextarg ^ (jumpOp === op.POP_JUMP_IF_FALSE ? 1 : 0)) !== 0 ? op.POP_JUMP_IF_NOT_NONE : op.POP_JUMP_IF_NONE;
            }
            break;
          }
        }
        break;
      }
      // Fold tuples of constants; BUILD_TUPLE n + UNPACK_SEQUENCE n becomes nothing or a SWAP.
      case op.BUILD_TUPLE:
        if (nextop === op.UNPACK_SEQUENCE && oparg === instrs[i + 1]!.oparg) {
          if (oparg === 1) {
            inst.opcode = op.NOP;
            instrs[i + 1]!.opcode = op.NOP;
            continue;
          }
          if (oparg === 2 || oparg === 3) {
            inst.opcode = op.NOP;
            instrs[i + 1]!.opcode = op.SWAP;
            continue;
          }
        }
        if (i >= oparg) foldTupleOnConstants(instrs, i - oparg, oparg, consts);
        break;
      // Conditional jumps to conditional jumps whose outcome the first one decides.
      case op.JUMP_IF_FALSE_OR_POP:
        switch (target.opcode) {
          case op.POP_JUMP_IF_FALSE:
            i -= jumpThread(inst, target, op.POP_JUMP_IF_FALSE) ? 1 : 0;
            break;
          case op.JUMP:
          case op.JUMP_IF_FALSE_OR_POP:
            i -= jumpThread(inst, target, op.JUMP_IF_FALSE_OR_POP) ? 1 : 0;
            break;
          case op.JUMP_IF_TRUE_OR_POP:
          case op.POP_JUMP_IF_TRUE:
            if (inst.lineno === target.lineno) {
              inst.opcode = op.POP_JUMP_IF_FALSE;
              inst.target = inst.target!.next;
              --i;
            }
            break;
        }
        break;
      case op.JUMP_IF_TRUE_OR_POP:
        switch (target.opcode) {
          case op.POP_JUMP_IF_TRUE:
            i -= jumpThread(inst, target, op.POP_JUMP_IF_TRUE) ? 1 : 0;
            break;
          case op.JUMP:
          case op.JUMP_IF_TRUE_OR_POP:
            i -= jumpThread(inst, target, op.JUMP_IF_TRUE_OR_POP) ? 1 : 0;
            break;
          case op.JUMP_IF_FALSE_OR_POP:
          case op.POP_JUMP_IF_FALSE:
            if (inst.lineno === target.lineno) {
              inst.opcode = op.POP_JUMP_IF_TRUE;
              inst.target = inst.target!.next;
              --i;
            }
            break;
        }
        break;
      case op.POP_JUMP_IF_NOT_NONE:
      case op.POP_JUMP_IF_NONE:
        if (target.opcode === op.JUMP) i -= jumpThread(inst, target, inst.opcode) ? 1 : 0;
        break;
      case op.POP_JUMP_IF_FALSE:
        if (target.opcode === op.JUMP) i -= jumpThread(inst, target, op.POP_JUMP_IF_FALSE) ? 1 : 0;
        break;
      case op.POP_JUMP_IF_TRUE:
        if (target.opcode === op.JUMP) i -= jumpThread(inst, target, op.POP_JUMP_IF_TRUE) ? 1 : 0;
        break;
      case op.JUMP:
        if (target.opcode === op.JUMP) i -= jumpThread(inst, target, op.JUMP) ? 1 : 0;
        break;
      case op.SWAP:
        if (oparg === 1) {
          inst.opcode = op.NOP;
          break;
        }
        i = swaptimize(bb, i);
        applyStaticSwaps(bb, i);
        break;
      case op.PUSH_NULL:
        // PUSH_NULL LOAD_GLOBAL -> LOAD_GLOBAL with its push-null bit. (CPython tests the low bit
        // of the next *opcode*, which is always clear for LOAD_GLOBAL, so this always applies.)
        if (nextop === op.LOAD_GLOBAL) {
          inst.opcode = op.NOP;
          inst.oparg = 0;
          instrs[i + 1]!.oparg |= 1;
        }
        break;
    }
  }
}

function hasLineno(bb: BlockT): boolean {
  return bb.instrs.some((i) => i.lineno > 0);
}

/** extend_block: a jump to a small exit block without line numbers becomes a copy of it. */
export function extendBlock(bb: BlockT): void {
  const last = bb.last;
  if (last === null || last.opcode !== op.JUMP) return;
  const target = last.target!;
  if (target.exit && target.instrs.length <= MAX_COPY_SIZE) {
    if (hasLineno(target)) return; // only copy blocks without line numbers (implicit returns)
    last.opcode = op.NOP;
    for (const i of target.instrs) bb.instrs.push(i.copy());
    bb.exit = true;
  }
}

/** clean_basic_block: drops NOPs that carry no line number of their own. */
export function cleanBasicBlock(bb: BlockT): void {
  const instrs = bb.instrs;
  let dest = 0;
  let prevLineno = -1;
  for (let src = 0; src < instrs.length; src++) {
    const ins = instrs[src]!;
    const lineno = ins.lineno;
    if (ins.opcode === op.NOP) {
      if (lineno < 0) continue;
      if (prevLineno === lineno) continue;
      if (src < instrs.length - 1) {
        const nextLineno = instrs[src + 1]!.lineno;
        if (nextLineno === lineno) continue;
        if (nextLineno < 0) {
          ins.copyLocTo(instrs[src + 1]!);
          continue;
        }
      } else {
        let next = bb.next;
        while (next !== null && next.instrs.length === 0) next = next.next;
        if (next !== null && lineno === next.instrs[0]!.lineno) continue;
      }
    }
    instrs[dest++] = ins;
    prevLineno = lineno;
  }
  instrs.length = dest;
}

/** normalize_basic_block: marks exits and no-fall-through blocks, skips empty jump targets. */
export function normalizeBasicBlock(bb: BlockT): void {
  const instrs = bb.instrs;
  for (let i = 0; i < instrs.length; i++) {
    const ins = instrs[i]!;
    switch (ins.opcode) {
      case op.RETURN_VALUE:
      case op.RAISE_VARARGS:
      case op.RERAISE:
        bb.exit = true;
        bb.nofallthrough = true;
        break;
      case op.JUMP:
      case JUMP_NO_INTERRUPT:
      case op.POP_JUMP_IF_NOT_NONE:
      case op.POP_JUMP_IF_NONE:
      case op.POP_JUMP_IF_FALSE:
      case op.POP_JUMP_IF_TRUE:
      case op.JUMP_IF_FALSE_OR_POP:
      case op.JUMP_IF_TRUE_OR_POP:
      case op.FOR_ITER:
        if (ins.opcode === op.JUMP || ins.opcode === JUMP_NO_INTERRUPT) bb.nofallthrough = true;
        if (i !== instrs.length - 1) throw new Error("heapscope internal error: malformed control flow graph");
        while (ins.target!.instrs.length === 0) ins.target = ins.target!.next;
        break;
    }
  }
}

function markReachable(entry: BlockT): void {
  const stack: BlockT[] = [entry];
  entry.predecessors = 1;
  while (stack.length > 0) {
    const b = stack.pop()!;
    if (b.next !== null && !b.nofallthrough) {
      if (b.next.predecessors === 0) stack.push(b.next);
      b.next.predecessors++;
    }
    for (const ins of b.instrs) {
      if (isJump(ins) || isBlockPush(ins)) {
        const target = ins.target!;
        if (target.predecessors === 0) stack.push(target);
        target.predecessors++;
      }
    }
  }
}

function eliminateEmptyBasicBlocks(entry: BlockT): void {
  for (let b: BlockT | null = entry; b !== null; b = b.next) {
    let next: BlockT | null = b.next;
    if (next !== null) {
      while (next.instrs.length === 0 && next.next !== null) next = next.next;
      b.next = next;
    }
  }
  for (let b: BlockT | null = entry; b !== null; b = b.next) {
    const last = b.last;
    if (last === null) continue;
    if (isJump(last)) {
      let target = last.target!;
      while (target.instrs.length === 0) target = target.next!;
      last.target = target;
    }
  }
}

/** optimize_cfg */
export function optimizeCfg(entry: BlockT, allBlocksNewestFirst: readonly BlockT[], consts: ConstList): void {
  for (let b: BlockT | null = entry; b !== null; b = b.next) {
    optimizeBasicBlock(b, consts);
    cleanBasicBlock(b);
  }
  for (const b of allBlocksNewestFirst) extendBlock(b);
  markReachable(entry);
  // Delete unreachable instructions.
  for (let b: BlockT | null = entry; b !== null; b = b.next) {
    if (b.predecessors === 0) {
      b.instrs.length = 0;
      b.nofallthrough = false;
    }
  }
  eliminateEmptyBasicBlocks(entry);
  for (let b: BlockT | null = entry; b !== null; b = b.next) cleanBasicBlock(b);
  // Jumps to the next block are redundant.
  let maybeEmptyBlocks = false;
  for (let b: BlockT | null = entry; b !== null; b = b.next) {
    const last: Instr | null = b.last;
    if (last !== null && (last.opcode === op.JUMP || last.opcode === JUMP_NO_INTERRUPT) && last.target === b.next) {
      b.nofallthrough = false;
      last.opcode = op.NOP;
      maybeEmptyBlocks = true;
    }
  }
  if (maybeEmptyBlocks) eliminateEmptyBasicBlocks(entry);
}

/** trim_unused_consts: drops trailing constants nothing loads (the first, maybe a docstring, stays). */
export function trimUnusedConsts(entry: BlockT, consts: ConstList): void {
  let maxConstIndex = 0;
  for (let b: BlockT | null = entry; b !== null; b = b.next) {
    for (const ins of b.instrs) {
      if ((ins.opcode === op.LOAD_CONST || ins.opcode === op.KW_NAMES) && ins.oparg > maxConstIndex) maxConstIndex = ins.oparg;
    }
  }
  if (maxConstIndex + 1 < consts.values.length) consts.truncate(maxConstIndex + 1);
}

function isExitWithoutLineno(b: BlockT): boolean {
  if (!b.exit) return false;
  return b.instrs.every((i) => i.lineno < 0);
}

/**
 * duplicate_exits_without_lineno: every exit block without a line number gets one copy per jump
 * to it, so that each copy can take its predecessor's line (PEP 626).
 */
export function duplicateExitsWithoutLineno(blocksNewestFirst: () => BlockT[], copyBlock: (b: BlockT) => BlockT): void {
  // Copies are allocated while walking, and (as on CPython's list) not visited by this walk.
  for (const b of blocksNewestFirst()) {
    const last = b.last;
    if (last !== null && isJump(last)) {
      const target = last.target!;
      if (isExitWithoutLineno(target) && target.predecessors > 1) {
        const newTarget = copyBlock(target);
        last.copyLocTo(newTarget.instrs[0]!);
        last.target = newTarget;
        target.predecessors--;
        newTarget.predecessors = 1;
        newTarget.next = target.next;
        target.next = newTarget;
      }
    }
  }
  for (const b of blocksNewestFirst()) {
    while (b.next !== null && b.next.instrs.length === 0) b.next = b.next.next;
  }
  // The remaining exits without a line can only be reached by falling through.
  for (const b of blocksNewestFirst()) {
    if (!b.nofallthrough && b.next !== null && b.instrs.length > 0 && isExitWithoutLineno(b.next)) {
      b.last!.copyLocTo(b.next.instrs[0]!);
    }
  }
}

/**
 * propagate_line_numbers: an instruction without a line takes its predecessor's in the block; a
 * block without one takes its only predecessor's.
 */
export function propagateLineNumbers(entry: BlockT): void {
  for (let b: BlockT | null = entry; b !== null; b = b.next) {
    if (b.instrs.length === 0) continue;
    const prev = new Instr(op.NOP, 0, null, -1, -1, -1, -1);
    for (const ins of b.instrs) {
      if (ins.lineno < 0) prev.copyLocTo(ins);
      else ins.copyLocTo(prev);
    }
    if (!b.nofallthrough && b.next!.predecessors === 1) {
      if (b.next!.instrs[0]!.lineno < 0) prev.copyLocTo(b.next!.instrs[0]!);
    }
    const last = b.last!;
    if (isJump(last)) {
      const target = last.target!;
      if (target.predecessors === 1 && target.instrs[0]!.lineno < 0) prev.copyLocTo(target.instrs[0]!);
    }
  }
}

export type { Block };
