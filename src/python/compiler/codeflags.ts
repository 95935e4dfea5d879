// Include/cpython/code.h and Include/internal/pycore_code.h (3.11): code-object flag values.
//
// The same numbers as ../code.ts exports; repeated here so that the compiler proper does not load
// the runtime (code.ts creates the code type at import time). materialize.test.ts checks that
// both agree.

export const CO_OPTIMIZED = 0x0001;
export const CO_NEWLOCALS = 0x0002;
export const CO_VARARGS = 0x0004;
export const CO_VARKEYWORDS = 0x0008;
export const CO_NESTED = 0x0010;
export const CO_GENERATOR = 0x0020;
export const CO_COROUTINE = 0x0080;
export const CO_ITERABLE_COROUTINE = 0x0100;
export const CO_ASYNC_GENERATOR = 0x0200;

export const CO_FAST_LOCAL = 0x20;
export const CO_FAST_CELL = 0x40;
export const CO_FAST_FREE = 0x80;

/** Fields per exception-table entry and per instruction position (as in code.ts). */
export const EXCEPTION_ENTRY_SIZE = 5;
export const POSITION_SIZE = 4;

/** Rich-comparison opargs of COMPARE_OP (Py_LT ... Py_GE, as runtime/type.ts's CMP_*). */
export const CMP_LT = 0;
export const CMP_LE = 1;
export const CMP_EQ = 2;
export const CMP_NE = 3;
export const CMP_GT = 4;
export const CMP_GE = 5;
