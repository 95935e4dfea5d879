// Python/compile.c (3.11, makecode): a compiled code object before it becomes a runtime object.
//
// Everything a PyCode holds, with constants as CVals and names as JS strings; `materialize.ts`
// builds the PyCode. The encodings are code.ts's: `instructions` are (opcode, oparg) pairs with
// absolute jump targets, `exceptionTable` has EXCEPTION_ENTRY_SIZE fields per entry, and
// `positions` has POSITION_SIZE fields per instruction with -1 for "none".

import type { CVal } from "./consts.js";

export interface CodeUnit {
  name: string;
  qualname: string;
  filename: string;
  firstlineno: number;
  flags: number;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  instructions: Int32Array;
  consts: CVal[];
  names: string[];
  /** Locals (parameters first), then cells that are not parameters, then free variables. */
  localsplusnames: string[];
  localspluskinds: Uint8Array;
  stacksize: number;
  exceptionTable: Int32Array;
  positions: Int32Array;
}
