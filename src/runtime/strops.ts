// Objects/unicodeobject.c: the str methods: join (PyUnicode_Join), split / rsplit /
// splitlines, strip family, replace, find / rfind / index / rindex / count (code-point
// positions), startswith / endswith (with tuples), the case methods, the is*() predicates,
// center / ljust / rjust / zfill, partition / rpartition, expandtabs, encode, maketrans /
// translate, removeprefix / removesuffix, __sizeof__, __getnewargs__; format / format_map /
// __format__ come from strformat.ts.
//
// Identity rules follow CPython: methods that change nothing return the exact str itself
// (unicode_result_unchanged), one-character results from slicing-like methods are the
// Latin-1 singletons, and the case methods always build a fresh string.

import type { PyObject } from "./object.js";
import { decref, newRef } from "./refcount.js";
import type { StaticTypeSpec } from "./typeroots.js";
import type { MethodDef } from "./methoddef.js";
import { isTuple, tupleFromOwned, type PyTuple } from "./tuple.js";
import { isList, newList, listAppend } from "./list.js";
import { isDict, dictEntry, dictNext, newDict, dictSetItem, dictGetItem } from "./dict.js";
import {
  PyStr,
  StrType,
  EMPTY_STR,
  isStr,
  newStr,
  newStrKnown,
  strSizeof,
  strSubstring,
  cpOffset,
} from "./str.js";
import { newInt, newIntSsize, newBool, isInt, intToBigInt, type PyInt } from "./int.js";
import { None } from "./singletons.js";
import { LookupErrorType, TypeErrorType, ValueErrorType, raise } from "./exceptions.js";
import { parseArgs, noKeywords, checkPositional, checkTupleArity } from "./getargs.js";
import { overTuple } from "./varargs.js";
import { getIter, iterNext, numberAsSsize, getItem } from "./abstract.js";
import { sliceIndex } from "./sliceobject.js";
import { rethrowValueError } from "./valueraise.js";
import * as sm from "./values/strmethods.js";
import { encodeStr } from "./unicodecodecs.js";
import { newBytes } from "./bytes.js";
import { strFormatMethod, strFormatMapMethod, strFormatSpecMethod } from "./strformat.js";
import { PyRaise, exceptionMatches } from "./exceptions.js";

function sv(o: PyObject): PyStr {
  return o as PyStr;
}

/** unicode_result_unchanged: exact str -> itself; subclass -> exact copy. */
function unchanged(s: PyStr): PyObject {
  if (s.type === StrType) return newRef(s);
  return newStr(s.value);
}

/** A fresh str (PyUnicode_New), except for the empty singleton. */
function fresh(text: string): PyStr {
  if (text.length === 0) return newRef(EMPTY_STR);
  return newStrFresh(text);
}

function newStrFresh(text: string): PyStr {
  let max = 0;
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > max) max = c;
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        pairs++;
        i++;
      }
    }
  }
  const kind = pairs > 0 ? 4 : max < 256 ? 1 : 2;
  return newStrKnown(text, kind, max < 128, text.length - pairs);
}

/** Result of a method that may return self unchanged, else a (singleton-normalised) str. */
function resultOrSelf(s: PyStr, text: string): PyObject {
  if (text === s.value) return unchanged(s);
  return newStr(text);
}

function strArgValue(o: PyObject, what: string): string {
  if (!isStr(o)) raise(TypeErrorType, what.replace("%T", o.type.name));
  return o.value;
}

function withValueErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    rethrowValueError(e);
  }
}

function listOfStrings(parts: readonly string[], self: PyStr): PyObject {
  const l = newList(0);
  for (const p of parts) {
    const item = parts.length === 1 && p === self.value && self.type === StrType ? newRef(self) : newStr(p);
    listAppend(l, item);
    decref(item);
  }
  return l;
}

// ---------------------------------------------------------------------------
// join

function strJoin(self: PyObject, iterable: PyObject): PyObject {
  const sep = sv(self);
  let items: PyObject[];
  let owned = false;
  if (isList(iterable) || isTuple(iterable)) {
    items = (iterable as PyObject & { items: PyObject[] }).items;
  } else {
    items = [];
    owned = true;
    const it = getIter(iterable);
    try {
      for (let x = iterNext(it); x !== null; x = iterNext(it)) items.push(x);
    } finally {
      decref(it);
    }
  }
  try {
    const n = items.length;
    if (n === 0) return newRef(EMPTY_STR);
    if (n === 1 && items[0]!.type === StrType) return newRef(items[0]!);
    let text = "";
    for (let i = 0; i < n; i++) {
      const item = items[i]!;
      if (!isStr(item)) raise(TypeErrorType, `sequence item ${i}: expected str instance, ${item.type.name} found`);
      if (i > 0) text += sep.value;
      text += item.value;
    }
    return fresh(text);
  } finally {
    if (owned) for (const x of items) decref(x);
  }
}

// ---------------------------------------------------------------------------
// split family

function splitImpl(name: string, reverse: boolean) {
  return (self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject => {
    const [sepObj, maxObj] = parseArgs(name, args, start, nargs, kwnames, ["sep", "maxsplit"], 0);
    const s = sv(self);
    let sep: string | null = null;
    if (sepObj !== null && sepObj !== None) sep = strArgValue(sepObj, "must be str or None, not %T");
    const maxsplit = maxObj === null ? -1 : numberAsSsize(maxObj, null);
    const parts = withValueErrors(() => (reverse ? sm.rsplit(s.value, sep, maxsplit) : sm.split(s.value, sep, maxsplit)));
    return listOfStrings(parts, s);
  };
}

function strSplitlines(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const [keepObj] = parseArgs("splitlines", args, start, nargs, kwnames, ["keepends"], 0);
  const keep = keepObj !== null && isInt(keepObj) ? intToBigInt(keepObj as PyInt) !== 0n : keepObj !== null;
  const s = sv(self);
  return listOfStrings(sm.splitlines(s.value, keep), s);
}

function stripImpl(name: string, f: (s: string, chars: string | null) => string) {
  return (self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject => {
    noKeywords(name, kwnames);
    checkPositional(name, nargs, 0, 1);
    const s = sv(self);
    let chars: string | null = null;
    if (nargs > 0 && args[start] !== None) chars = strArgValue(args[start]!, `${name} arg must be None or str`);
    return resultOrSelf(s, f(s.value, chars));
  };
}

function strReplace(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("replace", kwnames);
  checkPositional("replace", nargs, 2, 3);
  const s = sv(self);
  const old = strArgValue(args[start]!, "replace() argument 1 must be str, not %T");
  const repl = strArgValue(args[start + 1]!, "replace() argument 2 must be str, not %T");
  const count = nargs > 2 ? numberAsSsize(args[start + 2]!, null) : -1;
  const text = sm.replace(s.value, old, repl, count);
  if (text === s.value) return unchanged(s);
  return fresh(text);
}

// ---------------------------------------------------------------------------
// Searching (positions in code points).

let rangeStart = 0;
let rangeEnd = 0;

/** ADJUST_INDICES on code-point positions, then converted to JS code-unit offsets. */
function searchRange(s: PyStr, args: PyObject[], start: number, nargs: number): boolean {
  const n = s.length;
  let a = nargs > 1 ? sliceIndex(args[start + 1]!, 0) : 0;
  let b = nargs > 2 ? sliceIndex(args[start + 2]!, n) : n;
  if (b > n) b = n;
  else if (b < 0) {
    b += n;
    if (b < 0) b = 0;
  }
  if (a < 0) {
    a += n;
    if (a < 0) a = 0;
  }
  if (a > n) {
    rangeStart = a;
    rangeEnd = b;
    return false;
  }
  rangeStart = cpOffset(s, a);
  rangeEnd = b < a ? rangeStart - 1 : cpOffset(s, b);
  return true;
}

/** Code-point index of a code-unit offset. */
function cpIndexOf(s: PyStr, unit: number): number {
  if (s.kind !== 4) return unit;
  let count = 0;
  const v = s.value;
  for (let i = 0; i < unit; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < v.length) {
      const d = v.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) i++;
    }
    count++;
  }
  return count;
}

function findImpl(name: string, reverse: boolean, raising: boolean) {
  return (self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject => {
    noKeywords(name, kwnames);
    checkTupleArity(name, nargs, 1, 3);
    const s = sv(self);
    const sub = strArgValue(args[start]!, `must be str, not %T`);
    let r = -1;
    if (searchRange(s, args, start, nargs) && rangeEnd - rangeStart >= sub.length) {
      const v = s.value;
      if (!reverse) {
        const j = v.indexOf(sub, rangeStart);
        if (j >= 0 && j + sub.length <= rangeEnd) r = j;
      } else {
        const j = v.lastIndexOf(sub, rangeEnd - sub.length);
        if (j >= rangeStart) r = j;
      }
    }
    if (r < 0) {
      if (raising) raise(ValueErrorType, "substring not found");
      return newInt(-1);
    }
    return newIntSsize(cpIndexOf(s, r));
  };
}

function strCount(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("count", kwnames);
  checkTupleArity("count", nargs, 1, 3);
  const s = sv(self);
  const sub = strArgValue(args[start]!, `must be str, not %T`);
  if (!searchRange(s, args, start, nargs) || rangeEnd - rangeStart < sub.length) return newInt(0);
  if (sub.length === 0) return newIntSsize(cpIndexOf(s, rangeEnd) - cpIndexOf(s, rangeStart) + 1);
  let count = 0;
  let i = rangeStart;
  const v = s.value;
  for (;;) {
    const j = v.indexOf(sub, i);
    if (j < 0 || j + sub.length > rangeEnd) break;
    count++;
    i = j + sub.length;
  }
  return newIntSsize(count);
}

function affixImpl(name: string, suffix: boolean) {
  return (self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject => {
    noKeywords(name, kwnames);
    checkTupleArity(name, nargs, 1, 3);
    const s = sv(self);
    const inRange = searchRange(s, args, start, nargs);
    const v = s.value;
    const test = (o: PyObject): boolean => {
      if (!isStr(o)) raise(TypeErrorType, `tuple for ${name} must only contain str, not ${o.type.name}`);
      if (!inRange) return false;
      const p = o.value;
      if (rangeEnd - rangeStart < p.length) return false;
      return suffix ? v.slice(rangeEnd - p.length, rangeEnd) === p : v.slice(rangeStart, rangeStart + p.length) === p;
    };
    const arg = args[start]!;
    if (isTuple(arg)) {
      for (const item of arg.items) if (test(item)) return newBool(true);
      return newBool(false);
    }
    if (!isStr(arg)) raise(TypeErrorType, `${name} first arg must be str or a tuple of str, not ${arg.type.name}`);
    return newBool(test(arg));
  };
}

// ---------------------------------------------------------------------------
// Padding, partition, tabs, prefix/suffix.

function fillChar(o: PyObject, name: string): string {
  if (!isStr(o)) raise(TypeErrorType, `${name}() argument 2 must be str, not ${o.type.name}`);
  if (o.length !== 1) raise(TypeErrorType, "The fill character must be exactly one character long");
  return o.value;
}

function padImpl(name: string, f: (s: string, width: number, fill: string) => string) {
  return (self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject => {
    noKeywords(name, kwnames);
    checkPositional(name, nargs, 1, 2);
    const s = sv(self);
    const width = numberAsSsize(args[start]!, null);
    const fill = nargs > 1 ? fillChar(args[start + 1]!, name) : " ";
    if (width <= s.length) return unchanged(s);
    return fresh(f(s.value, width, fill));
  };
}

function strZfill(self: PyObject, widthObj: PyObject): PyObject {
  const s = sv(self);
  const width = numberAsSsize(widthObj, null);
  if (width <= s.length) return unchanged(s);
  return fresh(sm.zfill(s.value, width));
}

function partitionImpl(reverse: boolean) {
  return (self: PyObject, sepObj: PyObject): PyObject => {
    const s = sv(self);
    const sep = strArgValue(sepObj, "must be str, not %T");
    if (sep.length === 0) raise(ValueErrorType, "empty separator");
    const i = reverse ? s.value.lastIndexOf(sep) : s.value.indexOf(sep);
    if (i < 0) {
      const whole = unchanged(s);
      return tupleFromOwned(reverse ? [newRef(EMPTY_STR), newRef(EMPTY_STR), whole] : [whole, newRef(EMPTY_STR), newRef(EMPTY_STR)]);
    }
    const sepResult = sepObj.type === StrType ? newRef(sepObj) : newStr(sep);
    return tupleFromOwned([newStr(s.value.slice(0, i)), sepResult, newStr(s.value.slice(i + sep.length))]);
  };
}

function strExpandtabs(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const [tabObj] = parseArgs("expandtabs", args, start, nargs, kwnames, ["tabsize"], 0);
  const s = sv(self);
  const tab = tabObj === null ? 8 : numberAsSsize(tabObj, null);
  if (s.value.indexOf("\t") < 0) return unchanged(s);
  return fresh(sm.expandtabs(s.value, tab));
}

function strRemovePrefix(self: PyObject, p: PyObject): PyObject {
  const s = sv(self);
  const prefix = strArgValue(p, "removeprefix() argument must be str, not %T");
  if (prefix.length > 0 && s.value.startsWith(prefix)) return strSubstring(s, (p as PyStr).length, s.length);
  return unchanged(s);
}

function strRemoveSuffix(self: PyObject, p: PyObject): PyObject {
  const s = sv(self);
  const suffix = strArgValue(p, "removesuffix() argument must be str, not %T");
  if (suffix.length > 0 && s.value.endsWith(suffix)) return strSubstring(s, 0, s.length - (p as PyStr).length);
  return unchanged(s);
}

// ---------------------------------------------------------------------------
// encode, maketrans, translate

function strEncode(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const [encObj, errObj] = parseArgs("encode", args, start, nargs, kwnames, ["encoding", "errors"], 0);
  if (encObj !== null && !isStr(encObj)) raise(TypeErrorType, `encode() argument 'encoding' must be str, not ${encObj.type.name}`);
  if (errObj !== null && !isStr(errObj)) raise(TypeErrorType, `encode() argument 'errors' must be str, not ${errObj.type.name}`);
  const encoding = encObj === null ? "utf-8" : (encObj as PyStr).value;
  const errors = errObj === null ? "strict" : (errObj as PyStr).value;
  return newBytes(encodeStr(sv(self).value, encoding, errors, self));
}

function strMaketrans(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("maketrans", kwnames);
  checkPositional("maketrans", nargs, 1, 3);
  const x = args[start]!;
  const d = newDict();
  try {
    if (nargs === 1) {
      if (!isDict(x)) raise(TypeErrorType, "if you give only one argument to maketrans it must be a dict");
      for (let pos = dictNext(x, 0); pos >= 0; pos = dictNext(x, pos)) {
        const key = dictEntry.key!;
        const value = dictEntry.value!;
        if (isStr(key)) {
          if (key.length !== 1) raise(ValueErrorType, "string keys in translate table must be of length 1");
          const k = newInt(key.value.codePointAt(0)!);
          dictSetItem(d, k, value);
          decref(k);
        } else if (isInt(key)) {
          dictSetItem(d, key, value);
        } else {
          raise(TypeErrorType, "keys in translate table must be strings or integers");
        }
      }
      return newRef(d);
    }
    if (!isStr(x)) raise(TypeErrorType, `maketrans() argument 1 must be str, not ${x.type.name}`);
    const y = args[start + 1]!;
    if (!isStr(y)) raise(TypeErrorType, `maketrans() argument 2 must be str, not ${y.type.name}`);
    if (x.length !== y.length) raise(ValueErrorType, "the first two maketrans arguments must have equal length");
    const xs = Array.from(x.value);
    const ys = Array.from(y.value);
    for (let i = 0; i < xs.length; i++) {
      const k = newInt(xs[i]!.codePointAt(0)!);
      const v = newInt(ys[i]!.codePointAt(0)!);
      dictSetItem(d, k, v);
      decref(k);
      decref(v);
    }
    if (nargs > 2) {
      const z = args[start + 2]!;
      if (!isStr(z)) raise(TypeErrorType, `maketrans() argument 3 must be str, not ${z.type.name}`);
      for (const ch of z.value) {
        const k = newInt(ch.codePointAt(0)!);
        dictSetItem(d, k, None);
        decref(k);
      }
    }
    return newRef(d);
  } finally {
    decref(d);
  }
}

function strTranslate(self: PyObject, table: PyObject): PyObject {
  const s = sv(self);
  let out = "";
  let changed = false;
  for (const ch of s.value) {
    const cp = ch.codePointAt(0)!;
    const key = newInt(cp);
    let mapped: PyObject | null;
    try {
      mapped = isDict(table) ? dictGetItem(table, key) : lookupOrNull(table, key);
      if (mapped !== null && !isDict(table)) {
        // lookupOrNull returned a new reference.
      } else if (mapped !== null) {
        mapped = newRef(mapped);
      }
    } finally {
      decref(key);
    }
    if (mapped === null) {
      out += ch;
      continue;
    }
    changed = true;
    try {
      if (mapped === None) continue;
      if (isInt(mapped)) {
        const v = intToBigInt(mapped as PyInt);
        if (v < 0n || v > 0x10ffffn) raise(ValueErrorType, "character mapping must be in range(0x110000)");
        out += String.fromCodePoint(Number(v));
      } else if (isStr(mapped)) {
        out += mapped.value;
      } else {
        raise(TypeErrorType, "character mapping must return integer, None or str");
      }
    } finally {
      decref(mapped);
    }
  }
  if (!changed) return unchanged(s);
  return fresh(out);
}

/** table[key] as a new reference, or null on LookupError (the "no mapping" signal). */
function lookupOrNull(table: PyObject, key: PyObject): PyObject | null {
  try {
    return getItem(table, key);
  } catch (e) {
    if (e instanceof PyRaise && exceptionMatches(e.exception, LookupErrorType)) {
      decref(e.exception);
      return null;
    }
    throw e;
  }
}

// ---------------------------------------------------------------------------
// Case methods and predicates.

function caseImpl(f: (s: string) => string) {
  return (self: PyObject): PyObject => fresh(f(sv(self).value));
}

function predicateImpl(f: (s: string) => boolean) {
  return (self: PyObject): PyObject => newBool(f(sv(self).value));
}

function strGetNewArgs(self: PyObject): PyObject {
  return tupleFromOwned([newStr(sv(self).value)]);
}

function strSizeofMethod(self: PyObject): PyObject {
  return newIntSsize(strSizeof(sv(self)));
}

/** Records the str methods in str's type spec (int.ts calls this while it loads). */
export function installStrMethods(spec: StaticTypeSpec): void {
  const methods: MethodDef[] = [
    { name: "encode", kind: "fastcall", fn: strEncode, doc: "Encode the string using the codec registered for encoding." },
    { name: "replace", kind: "fastcall", fn: strReplace, doc: "Return a copy with all occurrences of substring old replaced by new." },
    { name: "split", kind: "fastcall", fn: splitImpl("split", false), doc: "Return a list of the substrings in the string, using sep as the separator string." },
    { name: "rsplit", kind: "fastcall", fn: splitImpl("rsplit", true), doc: "Return a list of the substrings in the string, using sep as the separator string." },
    { name: "join", kind: "o", fn: strJoin, doc: "Concatenate any number of strings." },
    { name: "capitalize", kind: "noargs", fn: caseImpl(sm.capitalize), doc: "Return a capitalized version of the string." },
    { name: "casefold", kind: "noargs", fn: caseImpl(sm.casefold), doc: "Return a version of the string suitable for caseless comparisons." },
    { name: "title", kind: "noargs", fn: caseImpl(sm.title), doc: "Return a version of the string where each word is titlecased." },
    { name: "center", kind: "fastcall", fn: padImpl("center", sm.center), doc: "Return a centered string of length width." },
    { name: "count", kind: "varargs", fn: overTuple(strCount), doc: "S.count(sub[, start[, end]]) -> int" },
    { name: "expandtabs", kind: "fastcall", fn: strExpandtabs, doc: "Return a copy where all tab characters are expanded using spaces." },
    { name: "find", kind: "varargs", fn: overTuple(findImpl("find", false, false)), doc: "S.find(sub[, start[, end]]) -> int" },
    { name: "partition", kind: "o", fn: partitionImpl(false), doc: "Partition the string into three parts using the given separator." },
    { name: "index", kind: "varargs", fn: overTuple(findImpl("index", false, true)), doc: "S.index(sub[, start[, end]]) -> int" },
    { name: "ljust", kind: "fastcall", fn: padImpl("ljust", sm.ljust), doc: "Return a left-justified string of length width." },
    { name: "lower", kind: "noargs", fn: caseImpl(sm.lower), doc: "Return a copy of the string converted to lowercase." },
    { name: "lstrip", kind: "fastcall", fn: stripImpl("lstrip", sm.lstrip), doc: "Return a copy of the string with leading whitespace removed." },
    { name: "rfind", kind: "varargs", fn: overTuple(findImpl("rfind", true, false)), doc: "S.rfind(sub[, start[, end]]) -> int" },
    { name: "rindex", kind: "varargs", fn: overTuple(findImpl("rindex", true, true)), doc: "S.rindex(sub[, start[, end]]) -> int" },
    { name: "rjust", kind: "fastcall", fn: padImpl("rjust", sm.rjust), doc: "Return a right-justified string of length width." },
    { name: "rstrip", kind: "fastcall", fn: stripImpl("rstrip", sm.rstrip), doc: "Return a copy of the string with trailing whitespace removed." },
    { name: "rpartition", kind: "o", fn: partitionImpl(true), doc: "Partition the string into three parts using the given separator." },
    { name: "splitlines", kind: "fastcall", fn: strSplitlines, doc: "Return a list of the lines in the string, breaking at line boundaries." },
    { name: "strip", kind: "fastcall", fn: stripImpl("strip", sm.strip), doc: "Return a copy of the string with leading and trailing whitespace removed." },
    { name: "swapcase", kind: "noargs", fn: caseImpl(sm.swapcase), doc: "Convert uppercase characters to lowercase and lowercase characters to uppercase." },
    { name: "translate", kind: "o", fn: strTranslate, doc: "Replace each character in the string using the given translation table." },
    { name: "upper", kind: "noargs", fn: caseImpl(sm.upper), doc: "Return a copy of the string converted to uppercase." },
    { name: "startswith", kind: "varargs", fn: overTuple(affixImpl("startswith", false)), doc: "S.startswith(prefix[, start[, end]]) -> bool" },
    { name: "endswith", kind: "varargs", fn: overTuple(affixImpl("endswith", true)), doc: "S.endswith(suffix[, start[, end]]) -> bool" },
    { name: "removeprefix", kind: "o", fn: strRemovePrefix, doc: "Return a str with the given prefix string removed if present." },
    { name: "removesuffix", kind: "o", fn: strRemoveSuffix, doc: "Return a str with the given suffix string removed if present." },
    { name: "isascii", kind: "noargs", fn: predicateImpl(sm.isascii), doc: "Return True if all characters in the string are ASCII, False otherwise." },
    { name: "islower", kind: "noargs", fn: predicateImpl(sm.islower), doc: "Return True if the string is a lowercase string, False otherwise." },
    { name: "isupper", kind: "noargs", fn: predicateImpl(sm.isupper), doc: "Return True if the string is an uppercase string, False otherwise." },
    { name: "istitle", kind: "noargs", fn: predicateImpl(sm.istitle), doc: "Return True if the string is a title-cased string, False otherwise." },
    { name: "isspace", kind: "noargs", fn: predicateImpl(sm.isspace), doc: "Return True if the string is a whitespace string, False otherwise." },
    { name: "isdecimal", kind: "noargs", fn: predicateImpl(sm.isdecimal), doc: "Return True if the string is a decimal string, False otherwise." },
    { name: "isdigit", kind: "noargs", fn: predicateImpl(sm.isdigit), doc: "Return True if the string is a digit string, False otherwise." },
    { name: "isnumeric", kind: "noargs", fn: predicateImpl(sm.isnumeric), doc: "Return True if the string is a numeric string, False otherwise." },
    { name: "isalpha", kind: "noargs", fn: predicateImpl(sm.isalpha), doc: "Return True if the string is an alphabetic string, False otherwise." },
    { name: "isalnum", kind: "noargs", fn: predicateImpl(sm.isalnum), doc: "Return True if the string is an alpha-numeric string, False otherwise." },
    { name: "isidentifier", kind: "noargs", fn: predicateImpl(sm.isidentifier), doc: "Return True if the string is a valid Python identifier, False otherwise." },
    { name: "isprintable", kind: "noargs", fn: predicateImpl(sm.isprintable), doc: "Return True if the string is printable, False otherwise." },
    { name: "zfill", kind: "o", fn: strZfill, doc: "Pad a numeric string with zeros on the left, to fill a field of the given width." },
    { name: "format", kind: "fastcall", fn: strFormatMethod, doc: "S.format(*args, **kwargs) -> str" },
    { name: "format_map", kind: "o", fn: strFormatMapMethod, doc: "S.format_map(mapping) -> str" },
    { name: "__format__", kind: "o", fn: strFormatSpecMethod, doc: "Return a formatted version of the string as described by format_spec." },
    { name: "maketrans", kind: "fastcall", fn: strMaketrans, binding: "static", doc: "Return a translation table usable for str.translate()." },
    { name: "__sizeof__", kind: "noargs", fn: strSizeofMethod, doc: "Return the size of the string in memory, in bytes." },
    { name: "__getnewargs__", kind: "noargs", fn: strGetNewArgs },
  ];
  for (const m of methods) spec.methods.push(m);
}

