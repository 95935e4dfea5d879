// Python/compile.c (3.11): the control-flow graph the code generator emits into (struct instr,
// basicblock), the pseudo-instructions that only exist before assembly, and stack_effect().
//
// Opcodes are opcodes.ts's numbers; the pseudo-instructions get negative numbers. PRECALL is
// kept in the graph (as CPython has it) so that every optimisation sees the same instruction
// sequence as CPython's, and dropped when the code is emitted.

import * as op from "../opcodes.js";

// Pseudo-instructions (turned into NOPs, exception-table entries or real jumps by the assembler).
export const SETUP_FINALLY = -1;
export const SETUP_CLEANUP = -2;
export const SETUP_WITH = -3;
export const POP_BLOCK = -4;
export const JUMP_NO_INTERRUPT = -6;
export const PRECALL = -11;

export const PSEUDO_NAMES: Record<number, string> = {
  [SETUP_FINALLY]: "SETUP_FINALLY",
  [SETUP_CLEANUP]: "SETUP_CLEANUP",
  [SETUP_WITH]: "SETUP_WITH",
  [POP_BLOCK]: "POP_BLOCK",
  [JUMP_NO_INTERRUPT]: "JUMP_NO_INTERRUPT",
  [PRECALL]: "PRECALL",
};

export function opName(opcode: number): string {
  return PSEUDO_NAMES[opcode] ?? op.OPCODE_NAMES[opcode] ?? `<${opcode}>`;
}

export class Instr {
  opcode: number;
  oparg: number;
  /** Jump target, or handler for SETUP_* pseudo-instructions. */
  target: Block | null;
  /** Innermost exception handler covering this instruction (set by labelExceptionTargets). */
  except: Block | null;
  lineno: number;
  endLineno: number;
  colOffset: number;
  endColOffset: number;

  constructor(opcode: number, oparg: number, target: Block | null, lineno: number, endLineno: number, col: number, endCol: number) {
    this.opcode = opcode;
    this.oparg = oparg;
    this.target = target;
    this.except = null;
    this.lineno = lineno;
    this.endLineno = endLineno;
    this.colOffset = col;
    this.endColOffset = endCol;
  }

  copy(): Instr {
    const i = new Instr(this.opcode, this.oparg, this.target, this.lineno, this.endLineno, this.colOffset, this.endColOffset);
    i.except = this.except;
    return i;
  }

  /** COPY_INSTR_LOC(this, to) */
  copyLocTo(to: Instr): void {
    to.lineno = this.lineno;
    to.endLineno = this.endLineno;
    to.colOffset = this.colOffset;
    to.endColOffset = this.endColOffset;
  }
}

export class Block {
  instrs: Instr[] = [];
  /** The block reached by falling through (b_next). */
  next: Block | null = null;
  /** Handlers in force at the start of the block (label_exception_targets). */
  exceptStack: Block[] | null = null;
  predecessors = 0;
  startDepth = -1;
  /** Instruction index of the block's first instruction in the final code. */
  offset = 0;
  nofallthrough = false;
  preserveLasti = false;
  visited = false;
  exit = false;
  return = false;

  get last(): Instr | null {
    return this.instrs.length > 0 ? this.instrs[this.instrs.length - 1]! : null;
  }
}

export function isVirtualJump(opcode: number): boolean {
  return (
    opcode === op.JUMP ||
    opcode === JUMP_NO_INTERRUPT ||
    opcode === op.POP_JUMP_IF_NONE ||
    opcode === op.POP_JUMP_IF_NOT_NONE ||
    opcode === op.POP_JUMP_IF_FALSE ||
    opcode === op.POP_JUMP_IF_TRUE
  );
}

/** is_jump: every instruction whose target is a block (not the SETUP_* pseudo-instructions). */
export function isJump(i: Instr): boolean {
  const o = i.opcode;
  return (
    isVirtualJump(o) || o === op.FOR_ITER || o === op.SEND || o === op.JUMP_IF_FALSE_OR_POP || o === op.JUMP_IF_TRUE_OR_POP
  );
}

export function isBlockPush(i: Instr): boolean {
  return i.opcode === SETUP_FINALLY || i.opcode === SETUP_WITH || i.opcode === SETUP_CLEANUP;
}

/** is_end_of_basic_block */
export function isEndOfBasicBlock(i: Instr): boolean {
  const o = i.opcode;
  return isJump(i) || o === op.RETURN_VALUE || o === op.RAISE_VARARGS || o === op.RERAISE;
}

/** Opcodes whose argument is a constant index (HAS_CONST). */
export function hasConst(opcode: number): boolean {
  return opcode === op.LOAD_CONST;
}

/**
 * stack_effect(opcode, oparg, jump): jump is 0 (fall through), 1 (jump taken) or -1 (maximum).
 * Throws on an opcode the compiler never emits.
 */
export function stackEffect(opcode: number, oparg: number, jump: number): number {
  switch (opcode) {
    case op.NOP:
    case op.RESUME:
      return 0;
    case op.POP_TOP:
      return -1;
    case op.SWAP:
      return 0;
    case op.UNARY_POSITIVE:
    case op.UNARY_NEGATIVE:
    case op.UNARY_NOT:
    case op.UNARY_INVERT:
      return 0;
    case op.SET_ADD:
    case op.LIST_APPEND:
      return -1;
    case op.MAP_ADD:
      return -2;
    case op.BINARY_SUBSCR:
      return -1;
    case op.STORE_SUBSCR:
      return -3;
    case op.DELETE_SUBSCR:
      return -2;
    case op.GET_ITER:
      return 0;
    case op.LOAD_BUILD_CLASS:
      return 1;
    case op.RETURN_VALUE:
      return -1;
    case op.IMPORT_STAR:
      return -1;
    case op.SETUP_ANNOTATIONS:
      return 0;
    case op.YIELD_VALUE:
      return 0;
    case POP_BLOCK:
      return 0;
    case op.POP_EXCEPT:
      return -1;
    case op.STORE_NAME:
      return -1;
    case op.DELETE_NAME:
      return 0;
    case op.UNPACK_SEQUENCE:
      return oparg - 1;
    case op.UNPACK_EX:
      return (oparg & 0xff) + (oparg >> 8);
    case op.FOR_ITER:
      return jump > 0 ? -1 : 1;
    case op.SEND:
      return jump > 0 ? -1 : 0;
    case op.STORE_ATTR:
      return -2;
    case op.DELETE_ATTR:
      return -1;
    case op.STORE_GLOBAL:
      return -1;
    case op.DELETE_GLOBAL:
      return 0;
    case op.LOAD_CONST:
    case op.LOAD_NAME:
      return 1;
    case op.BUILD_TUPLE:
    case op.BUILD_LIST:
    case op.BUILD_SET:
    case op.BUILD_STRING:
      return 1 - oparg;
    case op.BUILD_MAP:
      return 1 - 2 * oparg;
    case op.BUILD_CONST_KEY_MAP:
      return -oparg;
    case op.LOAD_ATTR:
      return 0;
    case op.COMPARE_OP:
    case op.IS_OP:
    case op.CONTAINS_OP:
      return -1;
    case op.CHECK_EXC_MATCH:
      return 0;
    case op.IMPORT_NAME:
      return -1;
    case op.IMPORT_FROM:
      return 1;
    case op.JUMP:
    case JUMP_NO_INTERRUPT:
      return 0;
    case op.JUMP_IF_TRUE_OR_POP:
    case op.JUMP_IF_FALSE_OR_POP:
      return jump ? 0 : -1;
    case op.POP_JUMP_IF_NONE:
    case op.POP_JUMP_IF_NOT_NONE:
    case op.POP_JUMP_IF_FALSE:
    case op.POP_JUMP_IF_TRUE:
      return -1;
    case op.LOAD_GLOBAL:
      return (oparg & 1) + 1;
    case SETUP_FINALLY:
      // On an exception: back to the entry depth, plus the exception.
      return jump ? 1 : 0;
    case SETUP_CLEANUP:
      // As SETUP_FINALLY, plus lasti.
      return jump ? 2 : 0;
    case SETUP_WITH:
      // Back to the depth before __enter__'s result, plus the exception (lasti below it).
      return jump ? 1 : 0;
    case op.RERAISE:
      return -1;
    case op.PUSH_EXC_INFO:
      return 1;
    case op.WITH_EXCEPT_START:
      return 1;
    case op.LOAD_FAST:
      return 1;
    case op.STORE_FAST:
      return -1;
    case op.DELETE_FAST:
      return 0;
    case op.RETURN_GENERATOR:
      return 0;
    case op.RAISE_VARARGS:
      return -oparg;
    case PRECALL:
      return -oparg;
    case op.KW_NAMES:
      return 0;
    case op.CALL:
      return -1;
    case op.CALL_FUNCTION_EX:
      return -2 - ((oparg & 0x01) !== 0 ? 1 : 0);
    case op.MAKE_FUNCTION:
      return -((oparg & 1) !== 0 ? 1 : 0) - ((oparg & 2) !== 0 ? 1 : 0) - ((oparg & 4) !== 0 ? 1 : 0) - ((oparg & 8) !== 0 ? 1 : 0);
    case op.BUILD_SLICE:
      return oparg === 3 ? -2 : -1;
    case op.MAKE_CELL:
    case op.COPY_FREE_VARS:
      return 0;
    case op.LOAD_CLOSURE:
      return 1;
    case op.LOAD_DEREF:
    case op.LOAD_CLASSDEREF:
      return 1;
    case op.STORE_DEREF:
      return -1;
    case op.DELETE_DEREF:
      return 0;
    case op.BEFORE_WITH:
      return 1;
    case op.GET_YIELD_FROM_ITER:
      return 0;
    case op.FORMAT_VALUE:
      return (oparg & 0x04) === 0x04 ? -1 : 0;
    case op.LOAD_METHOD:
      return 1;
    case op.LOAD_ASSERTION_ERROR:
      return 1;
    case op.LIST_TO_TUPLE:
      return 0;
    case op.LIST_EXTEND:
    case op.SET_UPDATE:
    case op.DICT_MERGE:
    case op.DICT_UPDATE:
      return -1;
    case op.GET_LEN:
      return 1;
    case op.COPY:
    case op.PUSH_NULL:
      return 1;
    case op.BINARY_OP:
      return -1;
    case op.GET_AWAITABLE:
    case op.GET_AITER:
    case op.ASYNC_GEN_WRAP:
      return 0;
    case op.GET_ANEXT:
    case op.BEFORE_ASYNC_WITH:
      return 1;
    case op.END_ASYNC_FOR:
      return -2;
    case op.MATCH_CLASS:
      return -2;
    case op.MATCH_MAPPING:
    case op.MATCH_SEQUENCE:
    case op.MATCH_KEYS:
      return 1;
    case op.CHECK_EG_MATCH:
      return 0;
    case op.PREP_RERAISE_STAR:
      return -1;
    case op.PRINT_EXPR:
      return -1;
    default:
      throw new Error(`heapscope internal error: no stack effect for ${opName(opcode)}`);
  }
}
