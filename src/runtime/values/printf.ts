// The str % args operator of CPython 3.11: Objects/unicodeobject.c
// PyUnicode_Format with unicode_format_arg_parse / _format / _output,
// mainformatlong, _PyUnicode_FormatLong, formatfloat and formatchar.
//
// The object layer supplies the arguments and a few callbacks (PrintfHooks),
// so this module needs no object model. Errors are thrown as
// ValueAlgorithmError with CPython's exception type and message; exceptions
// thrown by the hooks (e.g. a KeyError from getItem, a ValueError from int()
// of a NaN) pass through untouched.

import { overflowError, typeError, valueError } from "./errors.js";
import { doubleToString } from "./floatrepr.js";
import { intToString } from "./intformat.js";
import { cpLength } from "./unicode.js";

/** The right operand of %: a tuple's items, or one other object. */
export type PrintfArgs<T> =
  | { kind: "tuple"; items: readonly T[] }
  /** isMapping: PyMapping_Check(v) (has __getitem__) and v is not a str; enables %(key)s. */
  | { kind: "single"; value: T; isMapping: boolean };

export interface PrintfHooks<T> {
  /** str(v), repr(v), ascii(v) */
  str(v: T): string;
  repr(v: T): string;
  ascii(v: T): string;
  /** type(v).__name__ as tp_name spells it, for error messages. */
  typeName(v: T): string;
  /** The value if v is a str (or subclass), else null. */
  strValue(v: T): string | null;
  /** The value if v is an int (PyLong_Check: int, bool and subclasses), else null. */
  intValue(v: T): bigint | null;
  /**
   * int(v) for %d %i %u on a non-int: null when v is not a number
   * (PyNumber_Check) or the conversion raises TypeError; other errors are thrown.
   */
  toInt(v: T): bigint | null;
  /** operator.index(v) for %o %x %X %c on a non-int: null on TypeError. */
  toIndex(v: T): bigint | null;
  /** float(v) as PyFloat_AsDouble does (ints convert, with OverflowError): null on TypeError. */
  toFloat(v: T): number | null;
  /** mapping[key] for %(key)s; throws the lookup's exception (KeyError). */
  getItem(mapping: T, key: string): T;
}

// flags
const F_LJUST = 1;
const F_SIGN = 2;
const F_BLANK = 4;
const F_ALT = 8;
const F_ZERO = 16;

const SSIZE_MAX = 9223372036854775807n;
const INT_MAX = 2147483647;

interface Conversion {
  ch: number;
  flags: number;
  width: number;
  prec: number;
  /** numeric conversion: sign handling and zero fill apply */
  sign: boolean;
}

/**
 * format % args. Code points of the format are processed as Python does; the
 * index in "unsupported format character ... at index N" counts code points.
 */
export function printfFormat<T>(format: string, args: PrintfArgs<T>, hooks: PrintfHooks<T>): string {
  const fmt = Array.from(format, (c) => c.codePointAt(0)!);
  let pos = 0;
  let cnt = fmt.length; // characters not yet consumed, as fmtcnt
  let current: T | readonly T[] = args.kind === "tuple" ? args.items : args.value;
  let tupleMode = args.kind === "tuple";
  let arglen = args.kind === "tuple" ? args.items.length : -1;
  let argidx = args.kind === "tuple" ? 0 : -2;
  const dict: T | null = args.kind === "single" && args.isMapping ? args.value : null;
  let out = "";

  const nextArg = (): T => {
    if (argidx < arglen) {
      const i = argidx++;
      if (!tupleMode) return current as T;
      return (current as readonly T[])[i]!;
    }
    throw typeError("not enough arguments for format string");
  };

  while (--cnt >= 0) {
    if (fmt[pos] !== 37) {
      let end = pos + 1;
      while (end < fmt.length && fmt[end] !== 37) end++;
      out += String.fromCodePoint(...fmt.slice(pos, end));
      cnt -= end - pos - 1;
      pos = end;
      continue;
    }
    pos++;
    // one conversion; ch is the character after '%' (not consumed yet)
    const arg: Conversion = { ch: fmt[pos] ?? 0, flags: 0, width: -1, prec: -1, sign: false };
    if (cnt > 0 && arg.ch === 37) {
      pos++;
      cnt--;
      out += "%";
      continue;
    }
    // --- parse
    if (cnt > 0 && arg.ch === 40) {
      if (dict === null) throw typeError("format requires a mapping");
      pos++;
      cnt--;
      const keyStart = pos;
      let depth = 1;
      while (depth > 0 && --cnt >= 0) {
        arg.ch = fmt[pos]!;
        if (arg.ch === 41) depth--;
        else if (arg.ch === 40) depth++;
        pos++;
      }
      if (cnt < 0 || depth > 0) throw valueError("incomplete format key");
      const key = String.fromCodePoint(...fmt.slice(keyStart, pos - 1));
      current = hooks.getItem(dict, key);
      tupleMode = false;
      arglen = -1;
      argidx = -2;
    }
    while (--cnt >= 0) {
      arg.ch = fmt[pos++]!;
      if (arg.ch === 45) arg.flags |= F_LJUST;
      else if (arg.ch === 43) arg.flags |= F_SIGN;
      else if (arg.ch === 32) arg.flags |= F_BLANK;
      else if (arg.ch === 35) arg.flags |= F_ALT;
      else if (arg.ch === 48) arg.flags |= F_ZERO;
      else break;
    }
    if (arg.ch === 42) {
      const v = nextArg();
      const w = hooks.intValue(v);
      if (w === null) throw typeError("* wants int");
      if (w > SSIZE_MAX || w < -SSIZE_MAX - 1n) throw overflowError("Python int too large to convert to C ssize_t");
      arg.width = Number(w);
      if (arg.width < 0) {
        arg.flags |= F_LJUST;
        arg.width = -arg.width;
      }
      if (--cnt >= 0) arg.ch = fmt[pos++]!;
    } else if (arg.ch >= 48 && arg.ch <= 57) {
      let width = BigInt(arg.ch - 48);
      while (--cnt >= 0) {
        arg.ch = fmt[pos++]!;
        if (arg.ch < 48 || arg.ch > 57) break;
        const d = BigInt(arg.ch - 48);
        if (width > (SSIZE_MAX - d) / 10n) throw valueError("width too big");
        width = width * 10n + d;
      }
      arg.width = Number(width);
    }
    if (arg.ch === 46) {
      arg.prec = 0;
      if (--cnt >= 0) arg.ch = fmt[pos++]!;
      if (arg.ch === 42) {
        const v = nextArg();
        const p = hooks.intValue(v);
        if (p === null) throw typeError("* wants int");
        if (p > BigInt(INT_MAX) || p < -BigInt(INT_MAX) - 1n) {
          throw overflowError("Python int too large to convert to C int");
        }
        arg.prec = Math.max(0, Number(p));
        if (--cnt >= 0) arg.ch = fmt[pos++]!;
      } else if (arg.ch >= 48 && arg.ch <= 57) {
        arg.prec = arg.ch - 48;
        while (--cnt >= 0) {
          arg.ch = fmt[pos++]!;
          if (arg.ch < 48 || arg.ch > 57) break;
          const d = arg.ch - 48;
          if (arg.prec > Math.floor((INT_MAX - d) / 10)) throw valueError("precision too big");
          arg.prec = arg.prec * 10 + d;
        }
      }
    }
    // C length modifiers are accepted and ignored
    if (cnt >= 0 && (arg.ch === 104 || arg.ch === 108 || arg.ch === 76)) {
      if (--cnt >= 0) arg.ch = fmt[pos++]!;
    }
    if (cnt < 0) throw valueError("incomplete format");

    // --- convert
    const v = nextArg();
    const text = convert(arg, v, hooks, pos - 1);
    out += pad(arg, text);
    if (dict !== null && argidx < arglen) {
      throw typeError("not all arguments converted during string formatting");
    }
  }
  if (argidx < arglen && dict === null) {
    throw typeError("not all arguments converted during string formatting");
  }
  return out;
}

function convert<T>(arg: Conversion, v: T, hooks: PrintfHooks<T>, index: number): string {
  const ch = arg.ch;
  switch (ch) {
    case 115: // s
      return hooks.str(v);
    case 114: // r
      return hooks.repr(v);
    case 97: // a
      return hooks.ascii(v);
    case 105: // i
    case 100: // d
    case 117: // u
    case 111: // o
    case 120: // x
    case 88: {
      // X
      const type = String.fromCharCode(ch);
      let iv = hooks.intValue(v);
      if (iv === null) {
        iv = ch === 111 || ch === 120 || ch === 88 ? hooks.toIndex(v) : hooks.toInt(v);
        if (iv === null) {
          throw typeError(
            ch === 111 || ch === 120 || ch === 88
              ? `%${type} format: an integer is required, not ${hooks.typeName(v).slice(0, 200)}`
              : `%${type} format: a real number is required, not ${hooks.typeName(v).slice(0, 200)}`,
          );
        }
      }
      arg.sign = true;
      return formatLong(iv, (arg.flags & F_ALT) !== 0, arg.prec, type);
    }
    case 101:
    case 69:
    case 102:
    case 70:
    case 103:
    case 71: {
      // e E f F g G
      const x = hooks.toFloat(v);
      if (x === null) throw typeError(`must be real number, not ${hooks.typeName(v).slice(0, 200)}`);
      arg.sign = true;
      return doubleToString(x, String.fromCharCode(ch), arg.prec < 0 ? 6 : arg.prec, {
        alt: (arg.flags & F_ALT) !== 0,
      });
    }
    case 99: {
      // c
      const s = hooks.strValue(v);
      if (s !== null) {
        if (cpLength(s) !== 1) throw typeError("%c requires int or char");
        return s;
      }
      let n = hooks.intValue(v);
      if (n === null) n = hooks.toIndex(v);
      if (n === null) throw typeError("%c requires int or char");
      if (n < 0n || n > 0x10ffffn) throw overflowError("%c arg not in range(0x110000)");
      return String.fromCodePoint(Number(n));
    }
    default: {
      const shown = ch >= 31 && ch <= 126 ? String.fromCharCode(ch) : "?";
      throw valueError(`unsupported format character '${shown}' (0x${ch.toString(16)}) at index ${index}`);
    }
  }
}

/**
 * _PyUnicode_FormatLong: digits in base 10/8/16, zero-extended to `prec`
 * digits, '0o'/'0x'/'0X' kept only in the alternate form.
 */
export function formatLong(v: bigint, alt: boolean, prec: number, type: string): string {
  const neg = v < 0n;
  const abs = neg ? -v : v;
  let digits: string;
  let prefix = "";
  switch (type) {
    case "o":
      digits = abs.toString(8);
      prefix = "0o";
      break;
    case "x":
      digits = abs.toString(16);
      prefix = "0x";
      break;
    case "X":
      digits = abs.toString(16).toUpperCase();
      prefix = "0X";
      break;
    default:
      digits = intToString(abs, 10);
      break;
  }
  if (prec > INT_MAX - 3) throw overflowError("precision too large");
  if (digits.length < prec) digits = "0".repeat(prec - digits.length) + digits;
  return (neg ? "-" : "") + (alt ? prefix : "") + digits;
}

/** unicode_format_arg_output: sign, zero/space fill, alternate prefix, precision cut. */
function pad(arg: Conversion, str: string): string {
  const fill = arg.sign && (arg.flags & F_ZERO) !== 0 ? "0" : " ";
  let len = cpLength(str);
  if ((arg.width === -1 || arg.width <= len) && (arg.prec === -1 || arg.prec >= len) && !(arg.flags & (F_SIGN | F_BLANK))) {
    return str;
  }
  let body = str;
  if ((arg.ch === 115 || arg.ch === 114 || arg.ch === 97) && arg.prec >= 0 && len > arg.prec) {
    body = len === str.length ? str.slice(0, arg.prec) : Array.from(str).slice(0, arg.prec).join("");
    len = arg.prec;
  }
  let sign = arg.sign;
  let signChar = "";
  if (sign) {
    const c = body.charCodeAt(0);
    if (c === 45 || c === 43) {
      signChar = body[0]!;
      body = body.slice(1);
      len--;
    } else if (arg.flags & F_SIGN) signChar = "+";
    else if (arg.flags & F_BLANK) signChar = " ";
    else sign = false;
  }
  let width = Math.max(arg.width, len);
  let out = "";
  if (sign) {
    if (fill !== " ") out += signChar;
    if (width > len) width--;
  }
  const hasPrefix = (arg.flags & F_ALT) !== 0 && (arg.ch === 120 || arg.ch === 88 || arg.ch === 111);
  let prefix = "";
  if (hasPrefix) {
    prefix = body.slice(0, 2);
    body = body.slice(2);
    if (fill !== " ") out += prefix;
    width = Math.max(0, width - 2);
    len -= 2;
  }
  if (width > len && !(arg.flags & F_LJUST)) {
    out += fill.repeat(width - len);
    width = len;
  }
  if (fill === " ") {
    if (sign) out += signChar;
    if (hasPrefix) out += prefix;
  }
  out += body;
  if (width > len) out += " ".repeat(width - len);
  return out;
}

