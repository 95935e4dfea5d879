// Modules/_operator.c (3.11): the function forms (_operator.add ... _operator.call, with
// Argument Clinic's messages: "add expected 2 arguments, got 1", "_operator.truth() takes
// exactly one argument (0 given)"), _operator_exec; and the registration of Lib/operator.py,
// which heapscope ships as its own Python (pylib/operator.py.ts): it re-exports _operator
// and adds the dunder aliases, as 3.11's operator.py ends up doing.
// itemgetter / attrgetter / methodcaller are in operator_getters.ts.

import type { PyObject } from "../runtime/object.js";
import { decref, newRef } from "../runtime/refcount.js";
import { CMP_EQ, CMP_GE, CMP_GT, CMP_LE, CMP_LT, CMP_NE } from "../runtime/type.js";
import { raise, TypeErrorType, ValueErrorType } from "../runtime/exceptions.js";
import {
  binaryOp, callObject, delItem, getItem, getIter, isTrue, lengthHint, numberAbsolute, numberIndex,
  numberInplace, numberInvert, numberNegative, numberPositive, numberPower, richCompare, richCompareBool,
  sequenceContains, setItem, numberAsSsize,
  NB_ADD, NB_AND, NB_FLOOR_DIVIDE, NB_LSHIFT, NB_MATRIX_MULTIPLY, NB_MULTIPLY, NB_OR, NB_REMAINDER,
  NB_RSHIFT, NB_SUBTRACT, NB_TRUE_DIVIDE, NB_XOR, NB_INPLACE_ADD, NB_INPLACE_AND,
  NB_INPLACE_FLOOR_DIVIDE, NB_INPLACE_LSHIFT, NB_INPLACE_MATRIX_MULTIPLY, NB_INPLACE_MULTIPLY,
  NB_INPLACE_OR, NB_INPLACE_POWER, NB_INPLACE_REMAINDER, NB_INPLACE_RSHIFT, NB_INPLACE_SUBTRACT,
  NB_INPLACE_TRUE_DIVIDE, NB_INPLACE_XOR,
} from "../runtime/abstract.js";
import { newBool, newIntSsize } from "../runtime/int.js";
import { None } from "../runtime/singletons.js";
import { isStr, type PyStr } from "../runtime/str.js";
import { bytesDataFromObject } from "../runtime/bytes.js";
import type { PyTuple } from "../runtime/tuple.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { checkPositional } from "../runtime/getargs.js";
import { registerBuiltinModule, registerPythonModule } from "./interp_state.js";
import { moduleAdd, newBuiltinModule } from "./nativetype_util.js";
import { AttrGetterType, ItemGetterType, MethodCallerType } from "./operator_getters.js";
import { OPERATOR_SOURCE } from "./pylib/operator.py.js";

type Binary = (a: PyObject, b: PyObject) => PyObject;

function noKw(kwnames: PyTuple | null, name: string): void {
  if (kwnames !== null && kwnames.items.length !== 0) raise(TypeErrorType, `_operator.${name}() takes no keyword arguments`);
}

/** A two-argument clinic function (METH_FASTCALL, positional only). */
function binary(name: string, fn: Binary, doc: string): MethodDef {
  return {
    name,
    kind: "fastcall",
    fn: (_m, args, start, nargs, kwnames) => {
      noKw(kwnames, name);
      checkPositional(name, nargs, 2, 2);
      return fn(args[start]!, args[start + 1]!);
    },
    doc,
  };
}

function unary(name: string, fn: (a: PyObject) => PyObject, doc: string): MethodDef {
  return { name, kind: "o", fn: (_m, a) => fn(a), doc };
}

const op = (which: number): Binary => (a, b) => binaryOp(a, b, which);
const iop = (which: number): Binary => (a, b) => numberInplace(a, b, which);
const cmp = (which: number): Binary => (a, b) => richCompare(a, b, which);

function hasConcat(o: PyObject): boolean {
  return o.type.sqConcat !== null;
}

function concat(a: PyObject, b: PyObject): PyObject {
  if (!hasConcat(a)) raise(TypeErrorType, `'${a.type.name}' object can't be concatenated`);
  return binaryOp(a, b, NB_ADD);
}

function iconcat(a: PyObject, b: PyObject): PyObject {
  if (!hasConcat(a)) raise(TypeErrorType, `'${a.type.name}' object can't be concatenated`);
  return numberInplace(a, b, NB_INPLACE_ADD);
}

/** indexOf / countOf: _PySequence_IterSearch, identity first then ==. */
function iterSearch(seq: PyObject, obj: PyObject, countAll: boolean): PyObject {
  const it = getIter(seq);
  let n = 0;
  try {
    for (;;) {
      const item = it.type.iternext!(it);
      if (item === null) break;
      let eq: boolean;
      try {
        eq = item === obj || richCompareBool(item, obj, CMP_EQ);
      } finally {
        decref(item);
      }
      if (eq) {
        if (!countAll) return newIntSsize(n);
        n++;
      } else if (!countAll) {
        n++;
      }
    }
  } finally {
    decref(it);
  }
  if (!countAll) raise(ValueErrorType, "sequence.index(x): x not in sequence");
  return newIntSsize(n);
}

function compareDigest(a: PyObject, b: PyObject): PyObject {
  if (isStr(a) && isStr(b)) {
    for (const s of [a, b] as PyStr[]) {
      for (const ch of s.value) {
        if (ch.codePointAt(0)! > 127) raise(TypeErrorType, "comparing strings with non-ASCII characters is not supported");
      }
    }
    return newBool(a.value === b.value);
  }
  if (isStr(a) || isStr(b)) {
    raise(TypeErrorType, `unsupported operand types(s) or combination of types: '${a.type.name}' and '${b.type.name}'`);
  }
  const x = bytesDataFromObject(a, "bytes");
  const y = bytesDataFromObject(b, "bytes");
  if (x.length !== y.length) return newBool(false);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return newBool(false);
  return newBool(true);
}

export const OPERATOR_METHODS: readonly MethodDef[] = [
  unary("truth", (a) => newBool(isTrue(a)), "Return True if a is true, False otherwise."),
  binary("contains", (a, b) => newBool(sequenceContains(a, b)), "Same as b in a (note reversed operands)."),
  binary("indexOf", (a, b) => iterSearch(a, b, false), "Return the first index of b in a."),
  binary("countOf", (a, b) => iterSearch(a, b, true), "Return the number of items in a which are, or which equal, b."),
  binary("is_", (a, b) => newBool(a === b), "Same as a is b."),
  binary("is_not", (a, b) => newBool(a !== b), "Same as a is not b."),
  unary("index", (a) => numberIndex(a), "Same as a.__index__()"),
  binary("add", op(NB_ADD), "Same as a + b."),
  binary("sub", op(NB_SUBTRACT), "Same as a - b."),
  binary("mul", op(NB_MULTIPLY), "Same as a * b."),
  binary("matmul", op(NB_MATRIX_MULTIPLY), "Same as a @ b."),
  binary("floordiv", op(NB_FLOOR_DIVIDE), "Same as a // b."),
  binary("truediv", op(NB_TRUE_DIVIDE), "Same as a / b."),
  binary("mod", op(NB_REMAINDER), "Same as a % b."),
  unary("neg", numberNegative, "Same as -a."),
  unary("pos", numberPositive, "Same as +a."),
  unary("abs", numberAbsolute, "Same as abs(a)."),
  unary("inv", numberInvert, "Same as ~a."),
  unary("invert", numberInvert, "Same as ~a."),
  binary("lshift", op(NB_LSHIFT), "Same as a << b."),
  binary("rshift", op(NB_RSHIFT), "Same as a >> b."),
  unary("not_", (a) => newBool(!isTrue(a)), "Same as not a."),
  binary("and_", op(NB_AND), "Same as a & b."),
  binary("xor", op(NB_XOR), "Same as a ^ b."),
  binary("or_", op(NB_OR), "Same as a | b."),
  binary("iadd", iop(NB_INPLACE_ADD), "Same as a += b."),
  binary("isub", iop(NB_INPLACE_SUBTRACT), "Same as a -= b."),
  binary("imul", iop(NB_INPLACE_MULTIPLY), "Same as a *= b."),
  binary("imatmul", iop(NB_INPLACE_MATRIX_MULTIPLY), "Same as a @= b."),
  binary("ifloordiv", iop(NB_INPLACE_FLOOR_DIVIDE), "Same as a //= b."),
  binary("itruediv", iop(NB_INPLACE_TRUE_DIVIDE), "Same as a /= b."),
  binary("imod", iop(NB_INPLACE_REMAINDER), "Same as a %= b."),
  binary("ilshift", iop(NB_INPLACE_LSHIFT), "Same as a <<= b."),
  binary("irshift", iop(NB_INPLACE_RSHIFT), "Same as a >>= b."),
  binary("iand", iop(NB_INPLACE_AND), "Same as a &= b."),
  binary("ixor", iop(NB_INPLACE_XOR), "Same as a ^= b."),
  binary("ior", iop(NB_INPLACE_OR), "Same as a |= b."),
  binary("concat", concat, "Same as a + b, for a and b sequences."),
  binary("iconcat", iconcat, "Same as a += b, for a and b sequences."),
  binary("getitem", getItem, "Same as a[b]."),
  {
    name: "setitem",
    kind: "fastcall",
    fn: (_m, args, start, nargs, kwnames) => {
      noKw(kwnames, "setitem");
      checkPositional("setitem", nargs, 3, 3);
      setItem(args[start]!, args[start + 1]!, args[start + 2]!);
      return newRef(None);
    },
    doc: "Same as a[b] = c.",
  },
  binary("delitem", (a, b) => {
    delItem(a, b);
    return newRef(None);
  }, "Same as del a[b]."),
  binary("pow", (a, b) => numberPower(a, b), "Same as a ** b."),
  binary("ipow", iop(NB_INPLACE_POWER), "Same as a **= b."),
  binary("eq", cmp(CMP_EQ), "Same as a == b."),
  binary("ne", cmp(CMP_NE), "Same as a != b."),
  binary("lt", cmp(CMP_LT), "Same as a < b."),
  binary("le", cmp(CMP_LE), "Same as a <= b."),
  binary("gt", cmp(CMP_GT), "Same as a > b."),
  binary("ge", cmp(CMP_GE), "Same as a >= b."),
  binary("_compare_digest", compareDigest, "Return 'a == b'."),
  {
    name: "length_hint",
    kind: "fastcall",
    fn: (_m, args, start, nargs, kwnames) => {
      noKw(kwnames, "length_hint");
      checkPositional("length_hint", nargs, 1, 2);
      const deflt = nargs === 2 ? numberAsSsize(args[start + 1]!, null) : 0;
      return newIntSsize(lengthHint(args[start]!, deflt));
    },
    doc: "Return an estimate of the number of items in obj.",
  },
  {
    name: "call",
    kind: "fastcall",
    fn: (_m, args, start, nargs, kwnames) => {
      checkPositional("call", nargs, 1, Infinity);
      return callObject(args[start]!, args, start + 1, nargs - 1, kwnames);
    },
    doc: "Same as obj(*args, **kwargs).",
  },
];

export function initOperatorModule(): PyObject {
  const m = newBuiltinModule("_operator", "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience.", OPERATOR_METHODS);
  moduleAdd(m, "itemgetter", ItemGetterType);
  moduleAdd(m, "attrgetter", AttrGetterType);
  moduleAdd(m, "methodcaller", MethodCallerType);
  return m;
}

registerBuiltinModule("_operator", initOperatorModule);
registerPythonModule("operator", OPERATOR_SOURCE);
