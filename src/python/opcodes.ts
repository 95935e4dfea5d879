// Include/opcode.h, Lib/opcode.py, Python/ceval.c (3.11): the instruction set.
//
// heapscope's bytecode is CPython 3.11's instruction set without the parts that exist only
// for speed in C (CACHE entries, specialised/adaptive forms, EXTENDED_ARG, separate PRECALL).
// Keeping 3.11's instructions and stack discipline keeps the value stack's *references*
// identical to CPython's, which is what makes sys.getrefcount and object lifetimes agree.
//
// Encoding: a code object's `code` is an Int32Array of (opcode, oparg) pairs; instruction i
// is at code[2*i], its argument at code[2*i+1]. Jump arguments are absolute instruction
// indexes (not byte offsets, not relative). Stack effects below: "a b -- c" lists the top of
// the stack on the right.

/**
 * The opcodes as a const enum: `Op.X` compiles to the number itself, so the eval loop's
 * `switch` has literal case labels (a jump table) rather than loads of module bindings.
 * The named exports below are the same values, for code that imports them one by one.
 */
export const enum Op {
  NOP = 0,
  POP_TOP = 1,
  PUSH_NULL = 2,
  COPY = 3,
  SWAP = 4,
  RESUME = 5,
  UNARY_POSITIVE = 10,
  UNARY_NEGATIVE = 11,
  UNARY_NOT = 12,
  UNARY_INVERT = 13,
  BINARY_OP = 14,
  BINARY_SUBSCR = 15,
  STORE_SUBSCR = 16,
  DELETE_SUBSCR = 17,
  BUILD_SLICE = 18,
  COMPARE_OP = 19,
  IS_OP = 20,
  CONTAINS_OP = 21,
  GET_ITER = 30,
  FOR_ITER = 31,
  GET_YIELD_FROM_ITER = 32,
  RETURN_VALUE = 33,
  YIELD_VALUE = 34,
  SEND = 35,
  RETURN_GENERATOR = 36,
  GET_LEN = 37,
  LOAD_CONST = 40,
  LOAD_NAME = 41,
  STORE_NAME = 42,
  DELETE_NAME = 43,
  LOAD_GLOBAL = 44,
  STORE_GLOBAL = 45,
  DELETE_GLOBAL = 46,
  LOAD_FAST = 47,
  STORE_FAST = 48,
  DELETE_FAST = 49,
  MAKE_CELL = 50,
  LOAD_CLOSURE = 51,
  LOAD_DEREF = 52,
  STORE_DEREF = 53,
  DELETE_DEREF = 54,
  LOAD_CLASSDEREF = 55,
  COPY_FREE_VARS = 56,
  LOAD_ATTR = 60,
  STORE_ATTR = 61,
  DELETE_ATTR = 62,
  LOAD_METHOD = 63,
  KW_NAMES = 64,
  CALL = 65,
  CALL_FUNCTION_EX = 66,
  MAKE_FUNCTION = 67,
  LOAD_BUILD_CLASS = 68,
  LOAD_ASSERTION_ERROR = 69,
  SETUP_ANNOTATIONS = 70,
  BUILD_TUPLE = 80,
  BUILD_LIST = 81,
  BUILD_SET = 82,
  BUILD_MAP = 83,
  BUILD_CONST_KEY_MAP = 84,
  BUILD_STRING = 85,
  LIST_APPEND = 86,
  SET_ADD = 87,
  MAP_ADD = 88,
  LIST_EXTEND = 89,
  SET_UPDATE = 90,
  DICT_UPDATE = 91,
  DICT_MERGE = 92,
  LIST_TO_TUPLE = 93,
  FORMAT_VALUE = 94,
  UNPACK_SEQUENCE = 95,
  UNPACK_EX = 96,
  JUMP = 100,
  POP_JUMP_IF_FALSE = 101,
  POP_JUMP_IF_TRUE = 102,
  POP_JUMP_IF_NONE = 103,
  POP_JUMP_IF_NOT_NONE = 104,
  JUMP_IF_FALSE_OR_POP = 105,
  JUMP_IF_TRUE_OR_POP = 106,
  IMPORT_NAME = 110,
  IMPORT_FROM = 111,
  IMPORT_STAR = 112,
  RAISE_VARARGS = 120,
  RERAISE = 121,
  PUSH_EXC_INFO = 122,
  POP_EXCEPT = 123,
  CHECK_EXC_MATCH = 124,
  BEFORE_WITH = 125,
  WITH_EXCEPT_START = 126,
  PUSH_LASTI = 127,
  GET_AWAITABLE = 130,
  GET_AITER = 131,
  GET_ANEXT = 132,
  END_ASYNC_FOR = 133,
  BEFORE_ASYNC_WITH = 134,
  ASYNC_GEN_WRAP = 135,
  MATCH_CLASS = 136,
  MATCH_MAPPING = 137,
  MATCH_SEQUENCE = 138,
  MATCH_KEYS = 139,
  CHECK_EG_MATCH = 140,
  PREP_RERAISE_STAR = 141,
  PRINT_EXPR = 142,
}

export const NOP = Op.NOP;
/** a -- */
export const POP_TOP = Op.POP_TOP;
/** -- NULL */
export const PUSH_NULL = Op.PUSH_NULL;
/** COPY(i): a_i ... a_1 -- a_i ... a_1 a_i   (a_1 is TOS) */
export const COPY = Op.COPY;
/** SWAP(i): swaps TOS with the i-th item (i >= 2). */
export const SWAP = Op.SWAP;
/** First instruction of every code object; marks entry for tracing. */
export const RESUME = Op.RESUME;

export const UNARY_POSITIVE = Op.UNARY_POSITIVE;
export const UNARY_NEGATIVE = Op.UNARY_NEGATIVE;
export const UNARY_NOT = Op.UNARY_NOT;
export const UNARY_INVERT = Op.UNARY_INVERT;
/** BINARY_OP(NB_*): a b -- result */
export const BINARY_OP = Op.BINARY_OP;
/** container key -- value */
export const BINARY_SUBSCR = Op.BINARY_SUBSCR;
/** value container key -- */
export const STORE_SUBSCR = Op.STORE_SUBSCR;
/** container key -- */
export const DELETE_SUBSCR = Op.DELETE_SUBSCR;
/** BUILD_SLICE(2|3): start stop [step] -- slice */
export const BUILD_SLICE = Op.BUILD_SLICE;
/** COMPARE_OP(CMP_* from runtime/type.ts): a b -- result */
export const COMPARE_OP = Op.COMPARE_OP;
/** IS_OP(invert): a b -- bool */
export const IS_OP = Op.IS_OP;
/** CONTAINS_OP(invert): item container -- bool */
export const CONTAINS_OP = Op.CONTAINS_OP;

/** iterable -- iterator */
export const GET_ITER = Op.GET_ITER;
/** FOR_ITER(target): iterator -- iterator next   | on exhaustion: pops the iterator and jumps to target */
export const FOR_ITER = Op.FOR_ITER;
/** iterable -- iterator (generators/coroutines pass through) */
export const GET_YIELD_FROM_ITER = Op.GET_YIELD_FROM_ITER;
/** value -- (returns from the frame) */
export const RETURN_VALUE = Op.RETURN_VALUE;
/** value -- sent (suspends a generator frame; the sent value is pushed on resume) */
export const YIELD_VALUE = Op.YIELD_VALUE;
/** SEND(target): receiver value -- receiver result | on StopIteration: receiver value -- value, jump to target */
export const SEND = Op.SEND;
/** Generator code starts with it: creates the generator and returns it to the caller. */
export const RETURN_GENERATOR = Op.RETURN_GENERATOR;
/** obj -- obj len(obj)   (match statements' length checks) */
export const GET_LEN = Op.GET_LEN;

/** LOAD_CONST(i): -- consts[i] */
export const LOAD_CONST = Op.LOAD_CONST;
/** LOAD_NAME(i): -- value of names[i] (locals, globals, builtins) */
export const LOAD_NAME = Op.LOAD_NAME;
export const STORE_NAME = Op.STORE_NAME;
export const DELETE_NAME = Op.DELETE_NAME;
/** LOAD_GLOBAL(i << 1 | pushNull): -- [NULL] value of names[i] (globals, builtins); NULL pushed first when the low bit is set */
export const LOAD_GLOBAL = Op.LOAD_GLOBAL;
export const STORE_GLOBAL = Op.STORE_GLOBAL;
export const DELETE_GLOBAL = Op.DELETE_GLOBAL;
/** LOAD_FAST(i): -- localsplus[i]; UnboundLocalError if unset */
export const LOAD_FAST = Op.LOAD_FAST;
export const STORE_FAST = Op.STORE_FAST;
export const DELETE_FAST = Op.DELETE_FAST;
/** MAKE_CELL(i): replaces localsplus[i] with a new cell holding its old value (or empty). */
export const MAKE_CELL = Op.MAKE_CELL;
/** LOAD_CLOSURE(i): -- the cell object in localsplus[i] */
export const LOAD_CLOSURE = Op.LOAD_CLOSURE;
/** LOAD_DEREF(i): -- contents of the cell in localsplus[i] */
export const LOAD_DEREF = Op.LOAD_DEREF;
export const STORE_DEREF = Op.STORE_DEREF;
export const DELETE_DEREF = Op.DELETE_DEREF;
/** LOAD_CLASSDEREF(i): class bodies: the class namespace first, then the cell. */
export const LOAD_CLASSDEREF = Op.LOAD_CLASSDEREF;
/** COPY_FREE_VARS(n): copies the function's closure cells into the last n localsplus slots. */
export const COPY_FREE_VARS = Op.COPY_FREE_VARS;

/** LOAD_ATTR(i): obj -- getattr(obj, names[i]) */
export const LOAD_ATTR = Op.LOAD_ATTR;
/** STORE_ATTR(i): value obj -- */
export const STORE_ATTR = Op.STORE_ATTR;
/** DELETE_ATTR(i): obj -- */
export const DELETE_ATTR = Op.DELETE_ATTR;
/** LOAD_METHOD(i): obj -- meth self   (an unbound method found on the type)  |  obj -- NULL attr */
export const LOAD_METHOD = Op.LOAD_METHOD;
/** KW_NAMES(i): consts[i] is the tuple of keyword names for the next CALL. */
export const KW_NAMES = Op.KW_NAMES;
/**
 * CALL(argc): NULL|meth callable|self arg1 ... argN -- result
 * With a method: the callable is `meth` and `self` is the first argument (argc+1 args).
 * The last len(kwnames) arguments are keyword values (KW_NAMES).
 */
export const CALL = Op.CALL;
/** CALL_FUNCTION_EX(hasKwargs): NULL callable args_tuple [kwargs_dict] -- result */
export const CALL_FUNCTION_EX = Op.CALL_FUNCTION_EX;
/**
 * MAKE_FUNCTION(flags): [defaults tuple if 0x01] [kwdefaults dict if 0x02] [annotations if 0x04]
 * [closure tuple if 0x08] code -- function
 */
export const MAKE_FUNCTION = Op.MAKE_FUNCTION;
export const MAKE_FUNCTION_DEFAULTS = 0x01;
export const MAKE_FUNCTION_KWDEFAULTS = 0x02;
export const MAKE_FUNCTION_ANNOTATIONS = 0x04;
export const MAKE_FUNCTION_CLOSURE = 0x08;
/** -- builtins.__build_class__ */
export const LOAD_BUILD_CLASS = Op.LOAD_BUILD_CLASS;
/** -- AssertionError */
export const LOAD_ASSERTION_ERROR = Op.LOAD_ASSERTION_ERROR;
/** Creates __annotations__ in the local namespace if missing. */
export const SETUP_ANNOTATIONS = Op.SETUP_ANNOTATIONS;

/** BUILD_TUPLE(n): a1 ... an -- tuple */
export const BUILD_TUPLE = Op.BUILD_TUPLE;
export const BUILD_LIST = Op.BUILD_LIST;
export const BUILD_SET = Op.BUILD_SET;
/** BUILD_MAP(n): k1 v1 ... kn vn -- dict */
export const BUILD_MAP = Op.BUILD_MAP;
/** BUILD_CONST_KEY_MAP(n): v1 ... vn keys_tuple -- dict */
export const BUILD_CONST_KEY_MAP = Op.BUILD_CONST_KEY_MAP;
/** BUILD_STRING(n): s1 ... sn -- concatenation */
export const BUILD_STRING = Op.BUILD_STRING;
/** LIST_APPEND(i): list ... (i-1 items) value -- list ... */
export const LIST_APPEND = Op.LIST_APPEND;
export const SET_ADD = Op.SET_ADD;
/** MAP_ADD(i): dict ... key value -- dict ... */
export const MAP_ADD = Op.MAP_ADD;
/** LIST_EXTEND(i): list ... iterable -- list ... */
export const LIST_EXTEND = Op.LIST_EXTEND;
export const SET_UPDATE = Op.SET_UPDATE;
export const DICT_UPDATE = Op.DICT_UPDATE;
/** DICT_MERGE(i): like DICT_UPDATE but duplicate keys are an error (call **kwargs). */
export const DICT_MERGE = Op.DICT_MERGE;
/** list -- tuple */
export const LIST_TO_TUPLE = Op.LIST_TO_TUPLE;
/** FORMAT_VALUE(flags): value [spec if flags & 0x04] -- str; flags & 3: 0 none, 1 str, 2 repr, 3 ascii */
export const FORMAT_VALUE = Op.FORMAT_VALUE;
/** UNPACK_SEQUENCE(n): seq -- an ... a1 (a1 on top) */
export const UNPACK_SEQUENCE = Op.UNPACK_SEQUENCE;
/** UNPACK_EX(before | after << 8): seq -- (after items) list (before items), first item on top */
export const UNPACK_EX = Op.UNPACK_EX;

/** JUMP(target): unconditional (JUMP_FORWARD / JUMP_BACKWARD; backward jumps count as steps). */
export const JUMP = Op.JUMP;
/** value -- */
export const POP_JUMP_IF_FALSE = Op.POP_JUMP_IF_FALSE;
export const POP_JUMP_IF_TRUE = Op.POP_JUMP_IF_TRUE;
export const POP_JUMP_IF_NONE = Op.POP_JUMP_IF_NONE;
export const POP_JUMP_IF_NOT_NONE = Op.POP_JUMP_IF_NOT_NONE;
/** value -- value (jumps) | value -- (falls through) */
export const JUMP_IF_FALSE_OR_POP = Op.JUMP_IF_FALSE_OR_POP;
export const JUMP_IF_TRUE_OR_POP = Op.JUMP_IF_TRUE_OR_POP;

/** IMPORT_NAME(i): level fromlist -- module */
export const IMPORT_NAME = Op.IMPORT_NAME;
/** IMPORT_FROM(i): module -- module attr */
export const IMPORT_FROM = Op.IMPORT_FROM;
/** IMPORT_STAR: module -- */
export const IMPORT_STAR = Op.IMPORT_STAR;

/** RAISE_VARARGS(0|1|2): [exc [cause]] -- */
export const RAISE_VARARGS = Op.RAISE_VARARGS;
/** RERAISE(oparg): exc -- (re-raises; if oparg, f_lasti is restored from the value below) */
export const RERAISE = Op.RERAISE;
/** exc -- prev_exc exc  (pushes the previously handled exception, sets exc as handled) */
export const PUSH_EXC_INFO = Op.PUSH_EXC_INFO;
/** prev_exc -- (restores the previously handled exception) */
export const POP_EXCEPT = Op.POP_EXCEPT;
/** exc type -- exc bool */
export const CHECK_EXC_MATCH = Op.CHECK_EXC_MATCH;
/** mgr -- exit_func result_of_enter */
export const BEFORE_WITH = Op.BEFORE_WITH;
/** exit_func lasti prev_exc exc -- exit_func lasti prev_exc exc result */
export const WITH_EXCEPT_START = Op.WITH_EXCEPT_START;
/** For exception-table handlers that must keep f_lasti: pushes the instruction index. */
export const PUSH_LASTI = Op.PUSH_LASTI;

// Added by the compiler (additive): the instructions of async code, match statements, except*
// and interactive mode. Their semantics are CPython 3.11's (Python/ceval.c).

/** GET_AWAITABLE(where): iterable -- awaitable  (where: 0 await, 1 __aenter__, 2 __aexit__; for error messages) */
export const GET_AWAITABLE = Op.GET_AWAITABLE;
/** GET_AITER: obj -- obj.__aiter__() */
export const GET_AITER = Op.GET_AITER;
/** GET_ANEXT: aiter -- aiter awaitable_of_aiter.__anext__() */
export const GET_ANEXT = Op.GET_ANEXT;
/** END_ASYNC_FOR: aiter exc -- (StopAsyncIteration ends the loop; anything else is re-raised) */
export const END_ASYNC_FOR = Op.END_ASYNC_FOR;
/** BEFORE_ASYNC_WITH: mgr -- bound __aexit__ awaitable_of___aenter__ */
export const BEFORE_ASYNC_WITH = Op.BEFORE_ASYNC_WITH;
/** ASYNC_GEN_WRAP: value -- wrapped value (marks a value yielded by an async generator) */
export const ASYNC_GEN_WRAP = Op.ASYNC_GEN_WRAP;
/** MATCH_CLASS(count): subject type names -- attributes_tuple | None */
export const MATCH_CLASS = Op.MATCH_CLASS;
/** MATCH_MAPPING: subject -- subject bool */
export const MATCH_MAPPING = Op.MATCH_MAPPING;
/** MATCH_SEQUENCE: subject -- subject bool */
export const MATCH_SEQUENCE = Op.MATCH_SEQUENCE;
/** MATCH_KEYS: subject keys -- subject keys values_tuple | None */
export const MATCH_KEYS = Op.MATCH_KEYS;
/** CHECK_EG_MATCH: exc_group type -- rest match   (match None when nothing matched) */
export const CHECK_EG_MATCH = Op.CHECK_EG_MATCH;
/** PREP_RERAISE_STAR: orig_group list_of_raised -- exc_to_reraise | None */
export const PREP_RERAISE_STAR = Op.PREP_RERAISE_STAR;
/** PRINT_EXPR: value -- (sys.displayhook(value), interactive mode) */
export const PRINT_EXPR = Op.PRINT_EXPR;


// BINARY_OP arguments (Include/opcode.h NB_*), same numbering as CPython 3.11.
export const NB_ADD = 0;
export const NB_AND = 1;
export const NB_FLOOR_DIVIDE = 2;
export const NB_LSHIFT = 3;
export const NB_MATRIX_MULTIPLY = 4;
export const NB_MULTIPLY = 5;
export const NB_REMAINDER = 6;
export const NB_OR = 7;
export const NB_POWER = 8;
export const NB_RSHIFT = 9;
export const NB_SUBTRACT = 10;
export const NB_TRUE_DIVIDE = 11;
export const NB_XOR = 12;
/** In-place forms are NB_INPLACE_ADD = 13 ... NB_INPLACE_XOR = 25 (the plain value + 13). */
export const NB_INPLACE_OFFSET = 13;

export const OPCODE_NAMES: Record<number, string> = {};
const ALL: Record<string, number> = {
  NOP, POP_TOP, PUSH_NULL, COPY, SWAP, RESUME, UNARY_POSITIVE, UNARY_NEGATIVE, UNARY_NOT,
  UNARY_INVERT, BINARY_OP, BINARY_SUBSCR, STORE_SUBSCR, DELETE_SUBSCR, BUILD_SLICE, COMPARE_OP,
  IS_OP, CONTAINS_OP, GET_ITER, FOR_ITER, GET_YIELD_FROM_ITER, RETURN_VALUE, YIELD_VALUE, SEND,
  RETURN_GENERATOR, GET_LEN, LOAD_CONST, LOAD_NAME, STORE_NAME, DELETE_NAME, LOAD_GLOBAL,
  STORE_GLOBAL, DELETE_GLOBAL, LOAD_FAST, STORE_FAST, DELETE_FAST, MAKE_CELL, LOAD_CLOSURE,
  LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_CLASSDEREF, COPY_FREE_VARS, LOAD_ATTR, STORE_ATTR,
  DELETE_ATTR, LOAD_METHOD, KW_NAMES, CALL, CALL_FUNCTION_EX, MAKE_FUNCTION, LOAD_BUILD_CLASS,
  LOAD_ASSERTION_ERROR, SETUP_ANNOTATIONS, BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_MAP,
  BUILD_CONST_KEY_MAP, BUILD_STRING, LIST_APPEND, SET_ADD, MAP_ADD, LIST_EXTEND, SET_UPDATE,
  DICT_UPDATE, DICT_MERGE, LIST_TO_TUPLE, FORMAT_VALUE, UNPACK_SEQUENCE, UNPACK_EX, JUMP,
  POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE,
  JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, IMPORT_NAME, IMPORT_FROM, IMPORT_STAR,
  RAISE_VARARGS, RERAISE, PUSH_EXC_INFO, POP_EXCEPT, CHECK_EXC_MATCH, BEFORE_WITH,
  WITH_EXCEPT_START, PUSH_LASTI, GET_AWAITABLE, GET_AITER, GET_ANEXT, END_ASYNC_FOR, BEFORE_ASYNC_WITH,
  ASYNC_GEN_WRAP, MATCH_CLASS, MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS, CHECK_EG_MATCH, PREP_RERAISE_STAR,
  PRINT_EXPR,
};
for (const [name, value] of Object.entries(ALL)) OPCODE_NAMES[value] = name;

/** Opcodes whose argument is an absolute jump target. */
export const JUMP_OPCODES = new Set([
  FOR_ITER, SEND, JUMP, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE,
  POP_JUMP_IF_NOT_NONE, JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP,
]);
