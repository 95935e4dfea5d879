// Generates ../unicodeData.ts: the Unicode 14.0 facts CPython 3.11's
// Objects/unicodectype.c answers from, in the form unicode.ts needs them.
// Absolute data comes from python3 (must be 3.11, Unicode 14.0.0). The small
// "fixup" sets are differences between Python and the running Node's own
// Unicode data (regex properties, toUpperCase/toLowerCase) for assigned code
// points; rerun this script when Node's ICU changes.
//
//   node src/runtime/values/gen/genUnicodeData.mjs
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const py = String.raw`
import json, sys, unicodedata as u
if u.unidata_version != "14.0.0":
    sys.exit("need Python 3.11 (Unicode 14.0.0), got " + u.unidata_version)
flags = []
upper = {}
lower = {}
title = {}
fold = {}
zeros = []
for c in range(0x110000):
    ch = chr(c)
    cat = u.category(ch)
    f = 0
    if cat == "Cn": f |= 1
    if ch.isdigit() and not ch.isdecimal(): f |= 2
    if ch.isnumeric() and cat[0] != "N": f |= 4
    if ch.islower(): f |= 8
    if ch.isupper(): f |= 16
    if ch.isidentifier(): f |= 32
    if ("a" + ch).isidentifier(): f |= 64
    if ch.isprintable(): f |= 128
    if ch.isalpha(): f |= 256
    if ch.isdecimal(): f |= 512
    if cat == "Lt": f |= 1024
    flags.append(f)
    if 0xD800 <= c < 0xE000:
        continue
    if ch.upper() != ch: upper[c] = ch.upper()
    if ch.lower() != ch: lower[c] = ch.lower()
    if ch.title() != ch.upper(): title[c] = ch.title()
    if ch.casefold() != ch.lower(): fold[c] = ch.casefold()
    if u.decimal(ch, -1) == 0: zeros.append(c)
json.dump({"flags": flags, "upper": upper, "lower": lower, "title": title, "fold": fold, "zeros": zeros}, sys.stdout)
`;

const facts = JSON.parse(execFileSync("python3", ["-c", py], { maxBuffer: 1 << 28 }).toString());
const flags = facts.flags;

function ranges(pred) {
  const r = [];
  for (let c = 0; c < 0x110000; c++) {
    if (!pred(c)) continue;
    const last = r[r.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else r.push([c, c]);
  }
  return r;
}
function encodeRanges(r) {
  let prev = 0;
  return r.map(([a, b]) => {
    const s = (a - prev).toString(36) + (b > a ? "+" + (b - a).toString(36) : "");
    prev = b;
    return s;
  }).join(",");
}
function encodeMap(m) {
  return Object.keys(m).map(Number).sort((a, b) => a - b)
    .map((c) => c.toString(36) + "=" + [...m[c]].map((ch) => ch.codePointAt(0).toString(36)).join("."))
    .join(",");
}

const cn = (c) => (flags[c] & 1) !== 0;
const str = (c) => String.fromCodePoint(c);
const re = (p) => new RegExp(`^\\p{${p}}$`, "u");
const reLower = re("Lowercase"), reUpper = re("Uppercase"), reXS = re("XID_Start"), reXC = re("XID_Continue");
const reL = re("L"), reNd = re("Nd"), reN = re("N"), reLt = re("Lt"), reNonPrint = /^[\p{C}\p{Z}]$/u;
const reCased = re("Cased");

// Fixups: assigned in Unicode 14 and JS disagrees with Python.
const fix = {
  notLower: [], notUpper: [], notXidStart: [], notXidContinue: [], notCased: [],
  extraLower: [], extraUpper: [], extraXidStart: [], extraXidContinue: [], extraCased: [],
  other: [],
};
for (let c = 0; c < 0x110000; c++) {
  if (cn(c)) continue;
  const f = flags[c];
  const s = str(c);
  const pyLower = (f & 8) !== 0, pyUpper = (f & 16) !== 0;
  const pyXS = (f & 32) !== 0 && c !== 0x5f, pyXC = (f & 64) !== 0;
  const pyCased = pyLower || pyUpper || (f & 1024) !== 0;
  const cmp = (js, p, notK, extraK) => { if (js && !p) fix[notK].push(c); if (!js && p) fix[extraK].push(c); };
  cmp(reLower.test(s), pyLower, "notLower", "extraLower");
  cmp(reUpper.test(s), pyUpper, "notUpper", "extraUpper");
  cmp(reXS.test(s), pyXS, "notXidStart", "extraXidStart");
  cmp(reXC.test(s), pyXC, "notXidContinue", "extraXidContinue");
  cmp(reCased.test(s), pyCased, "notCased", "extraCased");
  if (reL.test(s) !== ((f & 256) !== 0)) fix.other.push(["alpha", c]);
  if (reNd.test(s) !== ((f & 512) !== 0)) fix.other.push(["decimal", c]);
  if ((c === 0x20 || !reNonPrint.test(s)) !== ((f & 128) !== 0)) fix.other.push(["printable", c]);
  if ((reN.test(s) || (f & 4) !== 0) !== ((f & 2) !== 0 || (f & 512) !== 0 || reN.test(s) || (f & 4) !== 0)) fix.other.push(["numeric", c]);
  if (reLt.test(s) !== ((f & 1024) !== 0)) fix.other.push(["title", c]);
}
if (fix.other.length) {
  console.error("unexpected disagreements needing new fixup kinds:", fix.other.slice(0, 20));
  process.exit(1);
}
for (const k of Object.keys(fix)) if (k !== "other" && fix[k].length) console.error(k, fix[k].map((c) => c.toString(16)).join(" "));

// Case mappings where JS maps an assigned code point but Python leaves it alone,
// or maps it differently (the latter would need a table; checked to be absent).
const noUpper = [], noLower = [];
for (let c = 0; c < 0x110000; c++) {
  if (cn(c) || (c >= 0xd800 && c < 0xe000)) continue;
  const s = str(c);
  const pu = facts.upper[c] ?? s, pl = facts.lower[c] ?? s;
  if (s.toUpperCase() !== pu) { if (pu !== s) { console.error("upper mapping differs", c.toString(16)); process.exit(1); } noUpper.push(c); }
  if (s.toLowerCase() !== pl) { if (pl !== s) { console.error("lower mapping differs", c.toString(16)); process.exit(1); } noLower.push(c); }
}

const setOf = (a) => encodeRanges(ranges((c) => a.includes(c)));
const out = `// GENERATED by gen/genUnicodeData.mjs from CPython 3.11's unicodedata (Unicode
// 14.0.0, the tables behind Objects/unicodectype.c) and Node ${process.version}
// (ICU ${process.versions.icu}, Unicode ${process.versions.unicode}). Do not edit.
//
// Ranges: comma-separated entries "<gap>[+<extra>]" in base 36, where gap is
// the distance from the previous range's end (from 0 for the first) and extra
// the range's length minus one. Maps: "<cp>=<cp>.<cp>..." in base 36.

/** Code points unassigned (Cn) in Unicode 14.0. */
export const UNASSIGNED_14 = "${encodeRanges(ranges(cn))}";

/** str.isdigit() but not str.isdecimal() (Numeric_Type=Digit). */
export const DIGIT_NOT_DECIMAL = "${encodeRanges(ranges((c) => (flags[c] & 2) !== 0))}";

/** str.isnumeric() outside general category N (CJK numerals etc.). */
export const NUMERIC_NOT_N = "${encodeRanges(ranges((c) => (flags[c] & 4) !== 0))}";

/** Code points whose decimal value is 0; digits 1-9 follow each of them. */
export const DECIMAL_ZEROS = "${facts.zeros.map((c) => c.toString(36)).join(",")}";

/** title() of one code point where it differs from upper(). */
export const TITLE_EXCEPTIONS = "${encodeMap(facts.title)}";

/** casefold() of one code point where it differs from lower(). */
export const CASEFOLD_EXCEPTIONS = "${encodeMap(facts.fold)}";

// Assigned code points where the JS engine's Unicode data disagrees with 14.0.
export const FIX_NOT_LOWERCASE = "${setOf(fix.notLower)}";
export const FIX_EXTRA_LOWERCASE = "${setOf(fix.extraLower)}";
export const FIX_NOT_UPPERCASE = "${setOf(fix.notUpper)}";
export const FIX_EXTRA_UPPERCASE = "${setOf(fix.extraUpper)}";
export const FIX_NOT_CASED = "${setOf(fix.notCased)}";
export const FIX_EXTRA_CASED = "${setOf(fix.extraCased)}";
export const FIX_NOT_XID_START = "${setOf(fix.notXidStart)}";
export const FIX_EXTRA_XID_START = "${setOf(fix.extraXidStart)}";
export const FIX_NOT_XID_CONTINUE = "${setOf(fix.notXidContinue)}";
export const FIX_EXTRA_XID_CONTINUE = "${setOf(fix.extraXidContinue)}";
/** JS upper-cases these but Python 3.11 leaves them unchanged. */
export const FIX_NO_UPPER_MAPPING = "${setOf(noUpper)}";
/** JS lower-cases these but Python 3.11 leaves them unchanged. */
export const FIX_NO_LOWER_MAPPING = "${setOf(noLower)}";
`;
const here = path.dirname(fileURLToPath(import.meta.url));
writeFileSync(path.join(here, "..", "unicodeData.ts"), out);
console.error("wrote unicodeData.ts", out.length, "bytes");
