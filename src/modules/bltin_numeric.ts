// Python/bltinmodule.c (3.11): builtin_abs, builtin_divmod, builtin_pow_impl,
// builtin_round_impl, builtin_sum_impl, min_max, builtin_chr_impl, builtin_ord, builtin_hex,
// builtin_oct, builtin_bin (PyNumber_ToBase).
//
// sum() keeps 3.11's fast paths: exact ints are added as C longs until one overflows, exact
// floats as C doubles with plain (not compensated) addition, so `sum([0.1] * 10)` is
// 0.9999999999999999 as in CPython 3.11.

import type { PyObject } from "../runtime/object.js";
import { decref, newRef } from "../runtime/refcount.js";
import { raise, TypeErrorType, ValueErrorType } from "../runtime/exceptions.js";
import {
  numberAbsolute, numberDivmod, numberPower, numberAdd, numberIndex, getIter, iterNext,
  richCompareBool, callOneArg, callNoArgs, length, sequenceGetItem,
} from "../runtime/abstract.js";
import { lookupSpecial } from "../runtime/typeobject.js";
import { BoolType, IntType, intToBigInt, newInt, newIntFromBigInt, type PyInt } from "../runtime/int.js";
import { FloatType, newFloat, type PyFloat } from "../runtime/float.js";
import { ByteArrayType } from "../runtime/bytearray.js";
import { isStr, newStr, strFromCodePoint, cpAt, type PyStr } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import { CMP_GT, CMP_LT, TPFLAGS_BYTES_SUBCLASS, TPFLAGS_LONG_SUBCLASS, TPFLAGS_UNICODE_SUBCLASS } from "../runtime/type.js";
import { checkPositional, parseArgs } from "../runtime/getargs.js";
import { tupleFromBorrowed, type PyTuple } from "../runtime/tuple.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { intToBin, intToHex, intToOct } from "../runtime/values/intformat.js";
import { asCInt, noKwnames, id } from "./bltin_util.js";

function builtinAbs(_self: PyObject, x: PyObject): PyObject {
  return numberAbsolute(x);
}

function builtinDivmod(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKwnames("divmod", kwnames);
  checkPositional("divmod", nargs, 2, 2);
  return numberDivmod(args[start]!, args[start + 1]!);
}

function builtinPow(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const p = parseArgs("pow", args, start, nargs, kwnames, ["base", "exp", "mod"], 2);
  return numberPower(p[0]!, p[1]!, p[2] ?? None);
}

function builtinRound(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const p = parseArgs("round", args, start, nargs, kwnames, ["number", "ndigits"], 1);
  const number = p[0]!;
  const ndigits = p[1];
  const round = lookupSpecial(number, id("__round__"));
  if (round === null) raise(TypeErrorType, `type ${number.type.name} doesn't define __round__ method`);
  try {
    if (ndigits === null || ndigits === undefined || ndigits === None) return callNoArgs(round);
    return callOneArg(round, ndigits);
  } finally {
    decref(round);
  }
}

// ---------------------------------------------------------------------------
// sum()

const LONG_MAX = 9223372036854775807n;
const LONG_MIN = -9223372036854775808n;
const SAFE = 9007199254740991;

function isByteArray(o: PyObject): boolean {
  return o.type.isSubtypeOf(ByteArrayType);
}

/** PyLong_AsLongAndOverflow: the value, or null when it does not fit a C long. */
function asLong(o: PyInt): bigint | null {
  const b = intToBigInt(o);
  return b > LONG_MAX || b < LONG_MIN ? null : b;
}

function builtinSum(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (nargs < 1) raise(TypeErrorType, `sum() takes at least 1 positional argument (${nargs} given)`);
  const p = parseArgs("sum", args, start, nargs, kwnames, ["iterable", "start"], 1, 1);
  const iterable = p[0]!;
  let result: PyObject;
  const startArg = p[1];
  if (startArg === null || startArg === undefined) {
    result = newInt(0);
  } else {
    const f = startArg.type.flags;
    if ((f & TPFLAGS_UNICODE_SUBCLASS) !== 0) raise(TypeErrorType, "sum() can't sum strings [use ''.join(seq) instead]");
    if ((f & TPFLAGS_BYTES_SUBCLASS) !== 0) raise(TypeErrorType, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (isByteArray(startArg)) raise(TypeErrorType, "sum() can't sum bytearray [use b''.join(seq) instead]");
    result = newRef(startArg);
  }
  let iter: PyObject;
  try {
    iter = getIter(iterable);
  } catch (e) {
    decref(result);
    throw e;
  }
  try {
    // sumInts and sumFloats release the running result themselves when they fail.
    if (result.type === IntType) result = sumInts(iter, result as PyInt);
    if (result.type === FloatType) result = sumFloats(iter, result as PyFloat);
    for (;;) {
      let item: PyObject | null;
      try {
        item = iterNext(iter);
      } catch (e) {
        decref(result);
        throw e;
      }
      if (item === null) return result;
      let temp: PyObject;
      try {
        temp = numberAdd(result, item);
      } finally {
        decref(item);
        decref(result);
      }
      result = temp;
    }
  } finally {
    decref(iter);
  }
}

/**
 * The C-long loop: returns the running result as an object once an item is not an exact
 * int (or bool), or would overflow; the iterator is then positioned after that item, which
 * has been added with PyNumber_Add.
 */
function sumInts(iter: PyObject, start: PyInt): PyObject {
  const first = asLong(start);
  if (first === null) return start;
  decref(start);
  // A double holds the sum exactly while it stays a safe integer; beyond, a bigint does.
  let small = first >= -9007199254740991n && first <= 9007199254740991n ? Number(first) : NaN;
  let big: bigint = first;
  let useBig = small !== small;
  for (;;) {
    const item = iterNext(iter);
    if (item === null) return useBig ? newIntFromBigInt(big) : newInt(small);
    if (item.type === IntType || item.type === BoolType) {
      const v = item as PyInt;
      if (!useBig && v.big === null) {
        const s = small + v.value;
        if (s >= -SAFE && s <= SAFE) {
          small = s;
          decref(item);
          continue;
        }
        useBig = true;
        big = BigInt(small);
      } else if (!useBig) {
        useBig = true;
        big = BigInt(small);
      }
      const b = asLong(v);
      if (b !== null && (big >= 0n ? b <= LONG_MAX - big : b >= LONG_MIN - big)) {
        big += b;
        decref(item);
        continue;
      }
    }
    const soFar = useBig ? newIntFromBigInt(big) : newInt(small);
    let temp: PyObject;
    try {
      temp = numberAdd(soFar, item);
    } finally {
      decref(soFar);
      decref(item);
    }
    return temp;
  }
}

/** The C-double loop; same contract as sumInts. */
function sumFloats(iter: PyObject, start: PyFloat): PyObject {
  let f = start.value;
  decref(start);
  for (;;) {
    const item = iterNext(iter);
    if (item === null) return newFloat(f);
    if (item.type === FloatType) {
      f += (item as PyFloat).value;
      decref(item);
      continue;
    }
    if ((item.type.flags & TPFLAGS_LONG_SUBCLASS) !== 0) {
      const b = asLong(item as PyInt);
      if (b !== null) {
        f += Number(b);
        decref(item);
        continue;
      }
    }
    const soFar = newFloat(f);
    let temp: PyObject;
    try {
      temp = numberAdd(soFar, item);
    } finally {
      decref(soFar);
      decref(item);
    }
    return temp;
  }
}

// ---------------------------------------------------------------------------
// min() / max()

function minMax(args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null, op: number): PyObject {
  const name = op === CMP_LT ? "min" : "max";
  // METH_VARARGS: the positional arguments arrive as a tuple.
  const packed = tupleFromBorrowed(args, start, start + nargs);
  try {
    const positional = nargs > 1;
    if (nargs === 0) raise(TypeErrorType, `${name} expected at least 1 argument, got 0`);
    let keyfunc: PyObject | null = null;
    let defaultval: PyObject | null = null;
    if (kwnames !== null) {
      const names = kwnames.items;
      for (let k = 0; k < names.length; k++) {
        const kw = (names[k] as PyStr).value;
        const value = args[start + nargs + k]!;
        if (kw === "key") keyfunc = value;
        else if (kw === "default") defaultval = value;
        else raise(TypeErrorType, `'${kw}' is an invalid keyword argument for ${name}()`);
      }
    }
    if (positional && defaultval !== null) {
      raise(TypeErrorType, `Cannot specify a default for ${name}() with multiple positional arguments`);
    }
    const it = getIter(positional ? packed : args[start]!);
    if (keyfunc === None) keyfunc = null;
    let maxitem: PyObject | null = null;
    let maxval: PyObject | null = null;
    try {
      for (let item = iterNext(it); item !== null; item = iterNext(it)) {
        let val: PyObject;
        if (keyfunc !== null) {
          try {
            val = callOneArg(keyfunc, item);
          } catch (e) {
            decref(item);
            throw e;
          }
        } else {
          val = newRef(item);
        }
        if (maxval === null) {
          maxitem = item;
          maxval = val;
          continue;
        }
        let cmp: boolean;
        try {
          cmp = richCompareBool(val, maxval, op);
        } catch (e) {
          decref(item);
          decref(val);
          throw e;
        }
        if (cmp) {
          decref(maxval);
          decref(maxitem!);
          maxval = val;
          maxitem = item;
        } else {
          decref(item);
          decref(val);
        }
      }
    } catch (e) {
      if (maxval !== null) decref(maxval);
      if (maxitem !== null) decref(maxitem);
      throw e;
    } finally {
      decref(it);
    }
    if (maxval === null) {
      if (defaultval !== null) return newRef(defaultval);
      raise(ValueErrorType, `${name}() arg is an empty sequence`);
    }
    decref(maxval);
    return maxitem!;
  } finally {
    decref(packed);
  }
}

function builtinMin(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  return minMax(args, start, nargs, kwnames, CMP_LT);
}

function builtinMax(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  return minMax(args, start, nargs, kwnames, CMP_GT);
}

// ---------------------------------------------------------------------------
// chr() / ord() / hex() / oct() / bin()

function builtinChr(_self: PyObject, i: PyObject): PyObject {
  const cp = asCInt(i);
  if (cp < 0 || cp > 0x10ffff) raise(ValueErrorType, "chr() arg not in range(0x110000)");
  return strFromCodePoint(cp);
}

function builtinOrd(_self: PyObject, c: PyObject): PyObject {
  const flags = c.type.flags;
  let size: number;
  if ((flags & TPFLAGS_BYTES_SUBCLASS) !== 0 || isByteArray(c)) {
    size = length(c);
    if (size === 1) return sequenceGetItem(c, 0);
  } else if (isStr(c)) {
    size = c.length;
    if (size === 1) return newInt(cpAt(c, 0));
  } else {
    raise(TypeErrorType, `ord() expected string of length 1, but ${c.type.name} found`);
  }
  raise(TypeErrorType, `ord() expected a character, but string of length ${size} found`);
}

function toBase(v: PyObject, format: (b: bigint) => string): PyObject {
  const index = numberIndex(v);
  const b = intToBigInt(index);
  decref(index);
  return newStr(format(b));
}

function builtinHex(_self: PyObject, v: PyObject): PyObject {
  return toBase(v, intToHex);
}

function builtinOct(_self: PyObject, v: PyObject): PyObject {
  return toBase(v, intToOct);
}

function builtinBin(_self: PyObject, v: PyObject): PyObject {
  return toBase(v, intToBin);
}

export const NUMERIC_BUILTINS: readonly MethodDef[] = [
  { name: "abs", kind: "o", fn: builtinAbs, doc: "Return the absolute value of the argument." },
  { name: "bin", kind: "o", fn: builtinBin, doc: "Return the binary representation of an integer." },
  { name: "chr", kind: "o", fn: builtinChr, doc: "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff." },
  { name: "divmod", kind: "fastcall", fn: builtinDivmod, doc: "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x." },
  { name: "hex", kind: "o", fn: builtinHex, doc: "Return the hexadecimal representation of an integer." },
  { name: "max", kind: "fastcall", fn: builtinMax, doc: "max(iterable, *[, default=obj, key=func]) -> value\nmax(arg1, arg2, *args, *[, key=func]) -> value" },
  { name: "min", kind: "fastcall", fn: builtinMin, doc: "min(iterable, *[, default=obj, key=func]) -> value\nmin(arg1, arg2, *args, *[, key=func]) -> value" },
  { name: "oct", kind: "o", fn: builtinOct, doc: "Return the octal representation of an integer." },
  { name: "ord", kind: "o", fn: builtinOrd, doc: "Return the Unicode code point for a one-character string." },
  { name: "pow", kind: "fastcall", fn: builtinPow, doc: "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments" },
  { name: "round", kind: "fastcall", fn: builtinRound, doc: "Round a number to a given precision in decimal digits." },
  { name: "sum", kind: "fastcall", fn: builtinSum, doc: "Return the sum of a 'start' value (default: 0) plus an iterable of numbers" },
];
