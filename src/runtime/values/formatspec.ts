// The format-spec mini-language of CPython 3.11's Python/formatter_unicode.c
// (parse_internal_render_format_spec, calc_number_widths, fill_number,
// format_string_internal, format_long_internal, format_float_internal) with
// the digit grouping of Objects/stringlib/localeutil.h
// (_PyUnicode_InsertThousandsGrouping). The 'n' type uses the "C" locale that
// CPython keeps for LC_NUMERIC: no grouping, '.' as the decimal point.
//
// Errors are thrown as ValueAlgorithmError with CPython's type and message.

import { ValueAlgorithmError, overflowError, valueError } from "./errors.js";
import { doubleToString } from "./floatrepr.js";
import { intToString } from "./intformat.js";
import { codePoints, cpLength, decimalValue } from "./unicode.js";

export interface FormatSpec {
  /** One code point (may be a surrogate pair in the JS string). */
  fill: string;
  align: "<" | ">" | "^" | "=";
  /** "" when absent (meaning '-'). */
  sign: "" | "+" | "-" | " ";
  /** The 'z' option. */
  noNeg0: boolean;
  /** The '#' option. */
  alternate: boolean;
  /** -1 when absent. */
  width: number;
  /** "" for none; ',' or '_'. */
  grouping: "" | "," | "_";
  /** Digits per group: 3, or 4 for '_' with b/o/x/X. */
  groupSize: number;
  /** -1 when absent. */
  precision: number;
  /** "" when absent, else the single type code point. */
  type: string;
}

function isAlign(cp: number): boolean {
  return cp === 60 || cp === 62 || cp === 61 || cp === 94; // < > = ^
}

// Py_ssize_t overflow bound used by get_integer
const SSIZE_MAX = 9223372036854775807n;

function presentationText(type: string): string {
  const cp = type.codePointAt(0)!;
  return cp > 32 && cp < 128 ? type : "\\x" + cp.toString(16);
}

/** "Unknown format code 'x' for object of type 'str'" */
export function unknownFormatCode(type: string, typeName: string): ValueAlgorithmError {
  return valueError(`Unknown format code '${presentationText(type)}' for object of type '${typeName.slice(0, 200)}'`);
}

/**
 * parse_internal_render_format_spec. defaultType is "" for float/complex, "s"
 * for str, "d" for int; defaultAlign '<' for str, '>' for numbers. typeName
 * only appears in the "Invalid format specifier" message.
 */
export function parseFormatSpec(
  spec: string,
  defaultType: string,
  defaultAlign: "<" | ">",
  typeName: string,
): Readonly<FormatSpec> {
  // the same few specs are formatted over and over (f"{x:.2f}" in a loop)
  const key = spec + "\u0000" + defaultType + defaultAlign;
  const hit = specCache.get(key);
  if (hit !== undefined) return hit;
  const f = Object.freeze(parseUncached(spec, defaultType, defaultAlign, typeName));
  if (specCache.size >= 512) specCache.clear();
  specCache.set(key, f);
  return f;
}

const specCache = new Map<string, Readonly<FormatSpec>>();

function parseUncached(spec: string, defaultType: string, defaultAlign: "<" | ">", typeName: string): FormatSpec {
  const cps = codePoints(spec);
  const end = cps.length;
  let pos = 0;
  const f: FormatSpec = {
    fill: " ",
    align: defaultAlign,
    sign: "",
    noNeg0: false,
    alternate: false,
    width: -1,
    grouping: "",
    groupSize: 3,
    precision: -1,
    type: defaultType,
  };
  let fillSpecified = false;
  let alignSpecified = false;
  if (end - pos >= 2 && isAlign(cps[pos + 1]!)) {
    f.align = String.fromCharCode(cps[pos + 1]!) as FormatSpec["align"];
    f.fill = String.fromCodePoint(cps[pos]!);
    fillSpecified = true;
    alignSpecified = true;
    pos += 2;
  } else if (end - pos >= 1 && isAlign(cps[pos]!)) {
    f.align = String.fromCharCode(cps[pos]!) as FormatSpec["align"];
    alignSpecified = true;
    pos++;
  }
  if (end - pos >= 1) {
    const c = cps[pos]!;
    if (c === 43 || c === 45 || c === 32) {
      f.sign = String.fromCharCode(c) as FormatSpec["sign"];
      pos++;
    }
  }
  if (end - pos >= 1 && cps[pos] === 122) {
    f.noNeg0 = true;
    pos++;
  }
  if (end - pos >= 1 && cps[pos] === 35) {
    f.alternate = true;
    pos++;
  }
  if (!fillSpecified && end - pos >= 1 && cps[pos] === 48) {
    f.fill = "0";
    if (!alignSpecified && defaultAlign === ">") f.align = "=";
    pos++;
  }
  let r = getInteger(cps, pos);
  if (r.consumed > 0) f.width = r.value;
  pos += r.consumed;
  if (pos < end && cps[pos] === 44) {
    f.grouping = ",";
    pos++;
  }
  if (pos < end && cps[pos] === 95) {
    if (f.grouping !== "") throw valueError("Cannot specify both ',' and '_'.");
    f.grouping = "_";
    pos++;
  }
  if (pos < end && cps[pos] === 44 && f.grouping === "_") {
    throw valueError("Cannot specify both ',' and '_'.");
  }
  if (pos < end && cps[pos] === 46) {
    pos++;
    r = getInteger(cps, pos);
    if (r.consumed === 0) throw valueError("Format specifier missing precision");
    f.precision = r.value;
    pos += r.consumed;
  }
  if (end - pos > 1) {
    throw valueError(`Invalid format specifier '${spec}' for object of type '${typeName.slice(0, 200)}'`);
  }
  if (end - pos === 1) f.type = String.fromCodePoint(cps[pos]!);
  if (f.grouping !== "") {
    switch (f.type) {
      case "d":
      case "e":
      case "f":
      case "g":
      case "E":
      case "G":
      case "%":
      case "F":
      case "":
        break;
      case "b":
      case "o":
      case "x":
      case "X":
        // '_' groups bin/oct/hex digits by four; ',' is not allowed with them
        if (f.grouping === "_") {
          f.groupSize = 4;
          break;
        }
        throw invalidGrouping(f.grouping, f.type);
      default:
        throw invalidGrouping(f.grouping, f.type);
    }
  }
  return f;
}

function invalidGrouping(grouping: string, type: string): ValueAlgorithmError {
  return valueError(`Cannot specify '${grouping}' with '${presentationText(type)}'.`);
}

function getInteger(cps: number[], pos: number): { value: number; consumed: number } {
  let acc = 0;
  let big: bigint | null = null;
  let i = pos;
  for (; i < cps.length; i++) {
    const d = decimalValue(cps[i]!);
    if (d < 0) break;
    if (big === null && acc < 1e14) {
      acc = acc * 10 + d;
    } else {
      big ??= BigInt(acc);
      if (big > (SSIZE_MAX - BigInt(d)) / 10n) throw valueError("Too many decimal digits in format string");
      big = big * 10n + BigInt(d);
    }
  }
  return { value: big === null ? acc : Number(big), consumed: i - pos };
}

// ---------------------------------------------------------------------------
// Digit grouping and padding

/**
 * _PyUnicode_InsertThousandsGrouping: groups `digits` from the right with
 * `sep` every `size` digits (size 0: no grouping), adding leading zeros (also
 * grouped) until the result is at least minWidth long.
 */
export function groupDigits(digits: string, size: number, sep: string, minWidth: number): string {
  const sepLen = sep.length;
  let remaining = digits.length;
  let pos = digits.length;
  const parts: string[] = [];
  let useSep = false;
  let broken = false;
  const emit = (nChars: number, nZeros: number) => {
    let chunk = digits.slice(pos - nChars, pos);
    pos -= nChars;
    if (nZeros > 0) chunk = "0".repeat(nZeros) + chunk;
    parts.push(useSep ? chunk + sep : chunk);
  };
  if (size > 0) {
    for (;;) {
      const len = Math.min(size, Math.max(remaining, minWidth, 1));
      const nZeros = Math.max(0, len - remaining);
      const nChars = Math.max(0, Math.min(remaining, len));
      emit(nChars, nZeros);
      useSep = true;
      remaining -= nChars;
      minWidth -= len;
      if (remaining <= 0 && minWidth <= 0) {
        broken = true;
        break;
      }
      minWidth -= sepLen;
    }
  }
  if (!broken) {
    const len = Math.max(remaining, minWidth, 1);
    const nZeros = Math.max(0, len - remaining);
    const nChars = Math.max(0, Math.min(remaining, len));
    emit(nChars, nZeros);
  }
  return parts.reverse().join("");
}

/**
 * calc_number_widths + fill_number. `digits` are the integer digits (ASCII),
 * `rest` is what follows them (decimal point, fraction, exponent, '%', or the
 * character of a 'c' conversion).
 */
function renderNumber(
  f: Readonly<FormatSpec>,
  negative: boolean,
  prefix: string,
  digits: string,
  rest: string,
  grouping: boolean,
): string {
  let sign = "";
  if (f.sign === "+") sign = negative ? "-" : "+";
  else if (f.sign === " ") sign = negative ? "-" : " ";
  else if (negative) sign = "-";
  const restLen = cpLength(rest);
  const nonDigits = sign.length + prefix.length + restLen;
  const minWidth = f.fill === "0" && f.align === "=" ? f.width - nonDigits : 0;
  const group = grouping && f.grouping !== "";
  let grouped = digits;
  if (digits.length > 0 && (group || minWidth > digits.length)) {
    grouped = groupDigits(digits, group ? f.groupSize : 0, group ? f.grouping : "", minWidth);
  }
  const padding = f.width - (nonDigits + grouped.length);
  let lpad = "";
  let spad = "";
  let rpad = "";
  if (padding > 0) {
    switch (f.align) {
      case "<":
        rpad = f.fill.repeat(padding);
        break;
      case "^": {
        const l = Math.floor(padding / 2);
        lpad = f.fill.repeat(l);
        rpad = f.fill.repeat(padding - l);
        break;
      }
      case "=":
        spad = f.fill.repeat(padding);
        break;
      case ">":
        lpad = f.fill.repeat(padding);
        break;
    }
  }
  return lpad + sign + prefix + spad + grouped + rest + rpad;
}

// ---------------------------------------------------------------------------
// str

/** format(s, spec) for str (typeName for subclasses in error messages). */
export function formatStr(s: string, spec: string, typeName = "str"): string {
  if (spec === "") return s;
  const f = parseFormatSpec(spec, "s", "<", typeName);
  if (f.type !== "s") throw unknownFormatCode(f.type, typeName);
  return applyStrSpec(s, f);
}

/** format_string_internal on an already parsed spec. */
export function applyStrSpec(s: string, f: Readonly<FormatSpec>): string {
  if (f.sign !== "") {
    throw valueError(
      f.sign === " " ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier",
    );
  }
  if (f.noNeg0) throw valueError("Negative zero coercion (z) not allowed in string format specifier");
  if (f.alternate) throw valueError("Alternate form (#) not allowed in string format specifier");
  if (f.align === "=") throw valueError("'=' alignment not allowed in string format specifier");
  let len = cpLength(s);
  if (f.precision >= 0 && len > f.precision) {
    s = len === s.length ? s.slice(0, f.precision) : String.fromCodePoint(...codePoints(s).slice(0, f.precision));
    len = f.precision;
  }
  if (f.width <= len) return s;
  const pad = f.width - len;
  const left = f.align === ">" ? pad : f.align === "^" ? Math.floor(pad / 2) : 0;
  return f.fill.repeat(left) + s + f.fill.repeat(pad - left);
}

// ---------------------------------------------------------------------------
// int

/**
 * format(b, spec) for int. typeName is 'bool' for True/False (the caller
 * handles the empty spec of bool, which is str(b)). Float presentation types
 * convert the int to float first, raising OverflowError when it is too big.
 */
export function formatInt(b: bigint, spec: string, typeName = "int"): string {
  if (spec === "") return intToString(b, 10);
  const f = parseFormatSpec(spec, "d", ">", typeName);
  switch (f.type) {
    case "b":
    case "c":
    case "d":
    case "o":
    case "x":
    case "X":
    case "n":
      return applyIntSpec(b, f);
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G":
    case "%":
      return applyFloatSpec(bigIntToFloat(b), f);
    default:
      throw unknownFormatCode(f.type, typeName);
  }
}

/** float(int): correctly rounded, OverflowError when out of range. */
export function bigIntToFloat(b: bigint): number {
  const x = Number(b);
  if (x === Infinity || x === -Infinity) throw overflowError("int too large to convert to float");
  return x;
}

/** format_long_internal on an already parsed spec with an integer type. */
export function applyIntSpec(b: bigint, f: Readonly<FormatSpec>): string {
  if (f.precision !== -1) throw valueError("Precision not allowed in integer format specifier");
  if (f.noNeg0) throw valueError("Negative zero coercion (z) not allowed in integer format specifier");
  if (f.type === "c") {
    if (f.sign !== "") throw valueError("Sign not allowed with integer format specifier 'c'");
    if (f.alternate) throw valueError("Alternate form (#) not allowed with integer format specifier 'c'");
    if (b < -(2n ** 63n) || b >= 2n ** 63n) throw overflowError("Python int too large to convert to C long");
    if (b < 0n || b > 0x10ffffn) throw overflowError("%c arg not in range(0x110000)");
    return renderNumber(f, false, "", "", String.fromCodePoint(Number(b)), false);
  }
  const negative = b < 0n;
  const abs = negative ? -b : b;
  let digits: string;
  let prefix = "";
  switch (f.type) {
    case "b":
      digits = abs.toString(2);
      prefix = "0b";
      break;
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
    default: // 'd', 'n', ''
      digits = intToString(abs, 10);
      break;
  }
  if (!f.alternate) prefix = "";
  return renderNumber(f, negative, prefix, digits, "", f.type !== "n");
}

// ---------------------------------------------------------------------------
// float

/** Alias of formatFloatSpec under the name the design brief used. */
export function formatFloat(x: number, spec: string): string {
  return formatFloatSpec(x, spec);
}

/** format(x, spec) for float; the empty spec is str(x). */
export function formatFloatSpec(x: number, spec: string, typeName = "float"): string {
  if (spec === "") return doubleToString(x, "r", 0, { addDot0: true });
  const f = parseFormatSpec(spec, "", ">", typeName);
  switch (f.type) {
    case "":
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G":
    case "n":
    case "%":
      return applyFloatSpec(x, f);
    default:
      throw unknownFormatCode(f.type, typeName);
  }
}

// precision is an int in format_float_internal
const INT_MAX = 2147483647;

/** format_float_internal on an already parsed spec with a float type. */
export function applyFloatSpec(x: number, f: Readonly<FormatSpec>): string {
  if (f.precision > INT_MAX) throw valueError("precision too big");
  let type = f.type;
  let precision = f.precision;
  let defaultPrecision = 6;
  let addDot0 = false;
  if (type === "") {
    // like 'g' with at least one fractional digit, or repr without precision
    addDot0 = true;
    type = "r";
    defaultPrecision = 0;
  }
  if (type === "n") type = "g";
  let pct = false;
  if (type === "%") {
    type = "f";
    x *= 100;
    pct = true;
  }
  if (precision < 0) precision = defaultPrecision;
  else if (type === "r") type = "g";
  let text = doubleToString(x, type, precision, { alt: f.alternate, addDot0, noNeg0: f.noNeg0 });
  if (pct) text += "%";
  if (f.width === -1 && f.sign !== "+" && f.sign !== " " && f.grouping === "") return text;
  const negative = text.charCodeAt(0) === 45;
  if (negative) text = text.slice(1);
  let i = 0;
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  return renderNumber(f, negative, "", text.slice(0, i), text.slice(i), f.type !== "n");
}
