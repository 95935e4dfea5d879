// Objects/stringlib/unicode_format.h: str.format and str.format_map (MarkupIterator,
// parse_field, FieldNameIterator, get_field_object, render_field, the nested format spec
// with its recursion limit of 2); Objects/unicodeobject.c: unicode___format__ and
// PyUnicode_Format (str % args) through values/printf.

import type { PyObject } from "./object.js";
import { decref, newRef } from "./refcount.js";
import type { PyTuple } from "./tuple.js";
import { isTuple } from "./tuple.js";
import type { PyDict } from "./dict.js";
import { packKwargs, packVarargs } from "./varargs.js";
import { PyStr, StrType, isStr, newStr, internStr } from "./str.js";
import { newIntSsize, isInt, intToBigInt, type PyInt } from "./int.js";
import { IndexErrorType, KeyErrorType, TypeErrorType, ValueErrorType, raise, raiseOwned, newExceptionFromOwnedArgs } from "./exceptions.js";
import { tupleFromOwned } from "./tuple.js";
import { objectFormat, objectRepr, objectStr, getAttr, getItem, isMapping, numberIndex } from "./abstract.js";
import { rethrowValueError } from "./valueraise.js";
import { formatStr } from "./values/formatspec.js";
import { printfFormat, type PrintfArgs, type PrintfHooks } from "./values/printf.js";
import { numberLong } from "./intmethods.js";
import { numberFloat } from "./floatops.js";

// ---------------------------------------------------------------------------
// str.format

interface FormatArgs {
  positional: readonly PyObject[];
  /** Keyword lookup: returns a new reference or throws KeyError. Null: none allowed. */
  keyword: ((name: string) => PyObject) | null;
  /** format_map: positional fields are an error. */
  isMap: boolean;
}

/** Auto-numbering state (the AutoNumber struct): 0 unknown, 1 auto, 2 manual. */
interface AutoNumber {
  state: number;
  next: number;
}

function raiseKey(key: string): never {
  raiseOwned(newExceptionFromOwnedArgs(KeyErrorType, tupleFromOwned([newStr(key)])));
}

/** The object a field name designates (new reference). */
function getFieldObject(fieldName: string, args: FormatArgs, auto: AutoNumber): PyObject {
  // The first part: digits, an identifier-ish name, or empty.
  let i = 0;
  while (i < fieldName.length && fieldName[i] !== "." && fieldName[i] !== "[") i++;
  const first = fieldName.slice(0, i);
  let obj: PyObject;
  const isIndex = first.length > 0 && /^[0-9]+$/.test(first);
  if (first.length === 0 || isIndex) {
    let index: number;
    if (first.length === 0) {
      if (auto.state === 2) raise(ValueErrorType, "cannot switch from manual field specification to automatic field numbering");
      auto.state = 1;
      index = auto.next++;
    } else {
      if (auto.state === 1) raise(ValueErrorType, "cannot switch from automatic field numbering to manual field specification");
      auto.state = 2;
      index = Number(first);
    }
    if (args.isMap) raise(ValueErrorType, "Format string contains positional fields");
    if (index >= args.positional.length) raise(IndexErrorType, `Replacement index ${index} out of range for positional args tuple`);
    obj = newRef(args.positional[index]!);
  } else {
    if (args.keyword === null) raiseKey(first);
    obj = args.keyword(first);
  }
  // The rest: .attr and [key] accessors.
  while (i < fieldName.length) {
    const c = fieldName[i]!;
    if (c === ".") {
      let j = i + 1;
      while (j < fieldName.length && fieldName[j] !== "." && fieldName[j] !== "[") j++;
      const attr = fieldName.slice(i + 1, j);
      if (attr.length === 0) {
        decref(obj);
        raise(ValueErrorType, "Empty attribute in format string");
      }
      const name = internStr(attr);
      try {
        const next = getAttr(obj, name);
        decref(obj);
        obj = next;
      } catch (e) {
        decref(obj);
        throw e;
      } finally {
        decref(name);
      }
      i = j;
    } else if (c === "[") {
      const close = fieldName.indexOf("]", i + 1);
      if (close < 0) {
        decref(obj);
        raise(ValueErrorType, "Missing ']' in format string");
      }
      const keyText = fieldName.slice(i + 1, close);
      if (keyText.length === 0) {
        decref(obj);
        raise(ValueErrorType, "Empty attribute in format string");
      }
      const key = /^[0-9]+$/.test(keyText) ? newIntSsize(Number(keyText)) : newStr(keyText);
      try {
        const next = getItem(obj, key);
        decref(obj);
        obj = next;
      } catch (e) {
        decref(obj);
        throw e;
      } finally {
        decref(key);
      }
      i = close + 1;
      if (i < fieldName.length && fieldName[i] !== "." && fieldName[i] !== "[") {
        decref(obj);
        raise(ValueErrorType, "Only '.' or '[' may follow ']' in format field specifier");
      }
    } else {
      decref(obj);
      raise(ValueErrorType, "Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return obj;
}

/** Renders `format` with `args`; `depth` guards nested specs (max 2 levels). */
function buildString(format: string, args: FormatArgs, depth: number, auto: AutoNumber): string {
  if (depth <= 0) raise(ValueErrorType, "Max string recursion exceeded");
  let out = "";
  let i = 0;
  const n = format.length;
  while (i < n) {
    const c = format[i]!;
    if (c === "{") {
      if (format[i + 1] === "{") {
        out += "{";
        i += 2;
        continue;
      }
      // Find the matching '}' (braces nest inside the spec).
      let level = 1;
      let j = i + 1;
      while (j < n && level > 0) {
        if (format[j] === "{") level++;
        else if (format[j] === "}") level--;
        if (level > 0) j++;
      }
      if (level > 0) {
        if (j >= n && i + 1 >= n) raise(ValueErrorType, "Single '{' encountered in format string");
        raise(ValueErrorType, "expected '}' before end of string");
      }
      const field = format.slice(i + 1, j);
      out += renderField(field, args, depth, auto);
      i = j + 1;
      continue;
    }
    if (c === "}") {
      if (format[i + 1] === "}") {
        out += "}";
        i += 2;
        continue;
      }
      raise(ValueErrorType, "Single '}' encountered in format string");
    }
    out += c;
    i++;
  }
  return out;
}

function renderField(field: string, args: FormatArgs, depth: number, auto: AutoNumber): string {
  // Split "name!conv:spec": the name ends at the first '!' or ':' outside brackets.
  let k = 0;
  let bracket = false;
  while (k < field.length) {
    const ch = field[k]!;
    if (ch === "[") bracket = true;
    else if (ch === "]") bracket = false;
    else if (!bracket && (ch === "!" || ch === ":")) break;
    k++;
  }
  const fieldName = field.slice(0, k);
  let conversion = "";
  let spec = "";
  if (k < field.length && field[k] === "!") {
    if (k + 1 >= field.length) raise(ValueErrorType, "end of string while looking for conversion specifier");
    conversion = field[k + 1]!;
    k += 2;
    if (k < field.length) {
      if (field[k] !== ":") raise(ValueErrorType, "expected ':' after conversion specifier");
    }
  }
  if (k < field.length && field[k] === ":") spec = field.slice(k + 1);
  const obj = getFieldObject(fieldName, args, auto);
  let converted: PyObject;
  try {
    switch (conversion) {
      case "":
        converted = newRef(obj);
        break;
      case "r":
        converted = objectRepr(obj);
        break;
      case "s":
        converted = objectStr(obj);
        break;
      case "a": {
        const r = objectRepr(obj);
        try {
          converted = newStr(asciiOfRepr(r.value));
        } finally {
          decref(r);
        }
        break;
      }
      default:
        raise(ValueErrorType, `Unknown conversion specifier ${conversion}`);
    }
  } finally {
    decref(obj);
  }
  try {
    const renderedSpec = spec.indexOf("{") >= 0 ? buildString(spec, args, depth - 1, auto) : spec;
    const specObj = newStr(renderedSpec);
    try {
      const r = objectFormat(converted, specObj);
      try {
        return r.value;
      } finally {
        decref(r);
      }
    } finally {
      decref(specObj);
    }
  } finally {
    decref(converted);
  }
}

/** ascii(): the repr with non-ASCII code points escaped. */
function asciiOfRepr(repr: string): string {
  let s = "";
  for (const ch of repr) {
    const c = ch.codePointAt(0)!;
    if (c < 128) s += ch;
    else if (c < 0x100) s += "\\x" + c.toString(16).padStart(2, "0");
    else if (c < 0x10000) s += "\\u" + c.toString(16).padStart(4, "0");
    else s += "\\U" + c.toString(16).padStart(8, "0");
  }
  return s;
}

/** str.format(*args, **kwargs) (METH_FASTCALL | METH_KEYWORDS). */
export function strFormatMethod(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  // METH_VARARGS | METH_KEYWORDS: the call packs a tuple and a keyword dict first.
  const packed = packVarargs(args, start, nargs);
  let kwargs: PyDict | null = null;
  try {
    kwargs = packKwargs(args, start, nargs, kwnames);
    return formatFromVector(self, args, start, nargs, kwnames);
  } finally {
    decref(packed);
    if (kwargs !== null) decref(kwargs);
  }
}

function formatFromVector(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const positional = args.slice(start, start + nargs);
  const kwCount = kwnames === null ? 0 : kwnames.items.length;
  const keyword = (name: string): PyObject => {
    for (let k = 0; k < kwCount; k++) {
      if ((kwnames!.items[k] as PyStr).value === name) return newRef(args[start + nargs + k]!);
    }
    raiseKey(name);
  };
  const text = buildString((self as PyStr).value, { positional, keyword, isMap: false }, 2, { state: 0, next: 0 });
  return newStr(text);
}

/** str.format_map(mapping) */
export function strFormatMapMethod(self: PyObject, mapping: PyObject): PyObject {
  const keyword = (name: string): PyObject => {
    const key = newStr(name);
    try {
      return getItem(mapping, key);
    } finally {
      decref(key);
    }
  };
  const text = buildString((self as PyStr).value, { positional: [], keyword, isMap: true }, 2, { state: 0, next: 0 });
  return newStr(text);
}

/** str.__format__(spec) */
export function strFormatSpecMethod(self: PyObject, spec: PyObject): PyObject {
  if (!isStr(spec)) raise(TypeErrorType, `__format__() argument must be str, not ${spec.type.name}`);
  const s = self as PyStr;
  if (spec.value.length === 0) return s.type === StrType ? newRef(s) : newStr(s.value);
  let text: string;
  try {
    text = formatStr(s.value, spec.value, s.type.name);
  } catch (e) {
    rethrowValueError(e);
  }
  return newStr(text);
}

// ---------------------------------------------------------------------------
// str % args

function textOf(o: PyObject, conv: (o: PyObject) => PyStr): string {
  const r = conv(o);
  try {
    return r.value;
  } finally {
    decref(r);
  }
}

const printfHooks: PrintfHooks<PyObject> = {
  str: (v) => textOf(v, objectStr),
  repr: (v) => textOf(v, objectRepr),
  ascii: (v) => asciiOfRepr(textOf(v, objectRepr)),
  typeName: (v) => v.type.name,
  strValue: (v) => (isStr(v) ? v.value : null),
  intValue: (v) => (isInt(v) ? intToBigInt(v as PyInt) : null),
  toInt: (v) => {
    if (v.type.nbInt === null && v.type.nbIndex === null && v.type.nbFloat === null) return null;
    const i = numberLong(v);
    try {
      return intToBigInt(i);
    } finally {
      decref(i);
    }
  },
  toIndex: (v) => {
    if (v.type.nbIndex === null) return null;
    const i = numberIndex(v);
    try {
      return intToBigInt(i);
    } finally {
      decref(i);
    }
  },
  toFloat: (v) => {
    if (v.type.nbFloat === null && v.type.nbIndex === null) return null;
    const f = numberFloat(v);
    try {
      return f.value;
    } finally {
      decref(f);
    }
  },
  getItem: (m, key) => {
    const k = newStr(key);
    try {
      return getItem(m, k);
    } finally {
      decref(k);
    }
  },
};

/** PyUnicode_Format: format % args (new reference). */
export function strPrintf(format: PyStr, args: PyObject): PyObject {
  const pyArgs: PrintfArgs<PyObject> = isTuple(args)
    ? { kind: "tuple", items: args.items }
    : { kind: "single", value: args, isMapping: isMapping(args) && !isStr(args) };
  let text: string;
  try {
    text = printfFormat(format.value, pyArgs, printfHooks);
  } catch (e) {
    rethrowValueError(e);
  }
  return newStr(text);
}

