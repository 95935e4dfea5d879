// Modules/unicodedata.c (CPython 3.11): character names for "\N{...}" escapes.
//
// The table (unicode_names_data.ts) covers the commonly named blocks; CJK
// ideographs and Hangul syllables have algorithmic names and are computed
// here. Names outside the table are reported as unknown, which is the one way
// a valid program can be rejected (see the parser notes).

import { ENTRIES, WORDS } from "./unicode_names_data.js";

const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

let table: Map<string, number> | null = null;

/** Decode the generated table (done once, on the first "\N{...}"). */
function buildTable(): Map<string, number> {
  const words = WORDS.split(" ");
  const digit = new Int8Array(128).fill(-1);
  for (let i = 0; i < DIGITS.length; i++) digit[DIGITS.charCodeAt(i)] = i;
  const read = (at: number, n: number): number => {
    let v = 0;
    for (let k = 0; k < n; k++) v = v * 64 + digit[ENTRIES.charCodeAt(at + k)];
    return v;
  };
  const map = new Map<string, number>();
  let cp = 0;
  let i = 0;
  while (i < ENTRIES.length) {
    const c = ENTRIES[i];
    if (c === "~") {
      cp -= read(i + 1, 4);
      i += 5;
    } else if (c === "!") {
      cp += read(i + 1, 4);
      i += 5;
    } else {
      cp += read(i, 1);
      i += 1;
    }
    const parts: string[] = [];
    while (ENTRIES[i] !== ".") {
      parts.push(words[read(i, 2)]);
      i += 2;
    }
    i++;
    map.set(parts.join(" "), cp);
  }
  return map;
}

const CJK_UNIFIED: [number, number][] = [
  [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0x20000, 0x2a6df], [0x2a700, 0x2b739], [0x2b740, 0x2b81d],
  [0x2b820, 0x2cea1], [0x2ceb0, 0x2ebe0], [0x30000, 0x3134a],
];
const CJK_COMPAT: [number, number][] = [[0xf900, 0xfa6d], [0xfa70, 0xfad9], [0x2f800, 0x2fa1d]];

const JAMO_L = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const JAMO_V = [
  "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU",
  "YI", "I",
];
const JAMO_T = [
  "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S",
  "SS", "NG", "J", "C", "K", "T", "P", "H",
];

function inRanges(cp: number, ranges: [number, number][]): boolean {
  return ranges.some(([a, b]) => cp >= a && cp <= b);
}

function hangul(rest: string): number | null {
  // Longest-match decomposition, as the syllable names are unambiguous that way.
  for (let l = 0; l < JAMO_L.length; l++) {
    if (!rest.startsWith(JAMO_L[l])) continue;
    const r1 = rest.slice(JAMO_L[l].length);
    for (let v = 0; v < JAMO_V.length; v++) {
      if (!r1.startsWith(JAMO_V[v])) continue;
      const r2 = r1.slice(JAMO_V[v].length);
      const t = JAMO_T.indexOf(r2);
      if (t >= 0) return 0xac00 + (l * 21 + v) * 28 + t;
    }
  }
  return null;
}

/** Code point of a Unicode character name or alias (case-insensitive), or null. */
export function lookupUnicodeName(name: string): number | null {
  const upper = name.toUpperCase();
  const m = /^CJK (UNIFIED|COMPATIBILITY) IDEOGRAPH-([0-9A-F]{4,5})$/.exec(upper);
  if (m) {
    const cp = parseInt(m[2], 16);
    return inRanges(cp, m[1] === "UNIFIED" ? CJK_UNIFIED : CJK_COMPAT) ? cp : null;
  }
  if (upper.startsWith("HANGUL SYLLABLE ")) return hangul(upper.slice(16));
  if (table === null) table = buildTable();
  return table.get(upper) ?? null;
}
