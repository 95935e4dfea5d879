// Parser/pegen.c and Parser/pegen_errors.c (CPython 3.11): source positions.
//
// The parser works on a JS string (UTF-16 code units) but CPython reports AST
// columns in UTF-8 bytes and SyntaxError columns in code points. This class
// converts string offsets to both, without rescanning lines from the start
// for every lookup (line starts are precomputed; byte columns are cached per
// non-ASCII line).

/** Turn "\r\n" and lone "\r" into "\n", as CPython's tokenizer does on input. */
export function normalizeNewlines(text: string): string {
  return text.indexOf("\r") < 0 ? text : text.replace(/\r\n?/g, "\n");
}

function utf8Length(code: number): number {
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** Number of UTF-8 bytes needed for `s` (lone surrogates count 3, like CPython's surrogatepass). */
export function utf8ByteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * How many code points the first `byteOffset` bytes of `line` decode to, as
 * `_PyPegen_byte_offset_to_character_offset` computes it: the offset is clamped
 * to one past the end (where the C string's terminating NUL is counted as a
 * character), and a cut multi-byte sequence counts as one replacement character.
 */
export function byteOffsetToCharOffset(line: string, byteOffset: number): number {
  const total = utf8ByteLength(line);
  if (byteOffset > total + 1) byteOffset = total + 1;
  let bytes = 0;
  let chars = 0;
  for (let i = 0; i < line.length && bytes < byteOffset; i++) {
    const c = line.codePointAt(i)!;
    if (c > 0xffff) i++;
    bytes += utf8Length(c);
    chars++;
  }
  if (bytes < byteOffset) chars += 1; // the NUL terminator
  return chars;
}

export class SourceText {
  readonly text: string;
  readonly lineStarts: number[];
  private byteCols = new Map<number, Int32Array>();
  /** Per line: 0 = not yet known, 1 = ASCII only, 2 = has a byte table in byteCols. */
  private lineKind: Uint8Array;
  private lastLine = 0;

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    let i = text.indexOf("\n");
    while (i >= 0) {
      starts.push(i + 1);
      i = text.indexOf("\n", i + 1);
    }
    this.lineStarts = starts;
    this.lineKind = new Uint8Array(starts.length + 1);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 1-based line containing string offset `pos`. */
  lineOf(pos: number): number {
    const starts = this.lineStarts;
    // Lookups are mostly near the previous one, so try that line first.
    let l = this.lastLine;
    if (starts[l] <= pos && (l + 1 >= starts.length || starts[l + 1] > pos)) return l + 1;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    l = lo;
    this.lastLine = l;
    return l + 1;
  }

  lineStart(line: number): number {
    return this.lineStarts[line - 1];
  }

  /** End of line `line`, excluding its "\n". */
  lineEnd(line: number): number {
    return line < this.lineStarts.length ? this.lineStarts[line] - 1 : this.text.length;
  }

  /** Text of line `line` without its newline. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** Text of line `line` with a trailing newline (added if the source lacks one). */
  lineTextNl(line: number): string {
    return this.lineText(line) + "\n";
  }

  /** 0-based UTF-8 byte column of string offset `pos`. */
  byteCol(pos: number): number {
    return this.byteColOnLine(pos, this.lineOf(pos));
  }

  /** byteCol when the caller already knows `pos` is on 1-based line `line`. */
  byteColOnLine(pos: number, line: number): number {
    const start = this.lineStarts[line - 1];
    const rel = pos - start;
    const kind = this.lineKind[line];
    if (kind === 1) return rel;
    let table = kind === 2 ? this.byteCols.get(line) : undefined;
    if (table === undefined) {
      const end = this.lineEnd(line);
      let ascii = true;
      for (let i = start; i < end; i++) {
        if (this.text.charCodeAt(i) >= 0x80) {
          ascii = false;
          break;
        }
      }
      if (ascii) {
        this.lineKind[line] = 1;
        return rel;
      }
      this.lineKind[line] = 2;
      table = new Int32Array(end - start + 2);
      let b = 0;
      for (let i = start; i <= end; i++) {
        table[i - start] = b;
        if (i < end) {
          const c = this.text.charCodeAt(i);
          if (c < 0x80) b += 1;
          else if (c < 0x800) b += 2;
          else if (c >= 0xd800 && c <= 0xdbff) b += 2; // half of a 4-byte pair
          else if (c >= 0xdc00 && c <= 0xdfff) b += 2;
          else b += 3;
        }
      }
      table[end - start + 1] = b + 1;
      this.byteCols.set(line, table);
    }
    return table[Math.min(rel, table.length - 1)];
  }

  /** String offset of (1-based line, UTF-8 byte column): the inverse of lineOf/byteCol. */
  offsetOf(line: number, byteCol: number): number {
    const start = this.lineStarts[line - 1];
    const end = this.lineEnd(line);
    if (this.byteCol(end) === end - start) return start + byteCol;
    const table = this.byteCols.get(line)!;
    let lo = 0;
    let hi = end - start + 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (table[mid] < byteCol) lo = mid + 1;
      else hi = mid;
    }
    return start + lo;
  }

  /** 0-based code point column of string offset `pos`. */
  charCol(pos: number): number {
    const start = this.lineStarts[this.lineOf(pos) - 1];
    let n = 0;
    for (let i = start; i < pos; i++) {
      const c = this.text.charCodeAt(i);
      if (!(c >= 0xdc00 && c <= 0xdfff && i > start && isHighSurrogate(this.text.charCodeAt(i - 1)))) n++;
    }
    return n;
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
