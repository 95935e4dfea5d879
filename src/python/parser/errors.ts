// Parser/pegen_errors.c (CPython 3.11): the SyntaxError the parser raises.
//
// The fields mirror the attributes of CPython's SyntaxError instances so the
// runtime can build a real Python exception object from this JS error:
// `lineno`/`end_lineno` are 1-based, `offset`/`end_offset` are 1-based
// *character* (code point) columns, and the odd values CPython produces for some
// errors (an `end_offset` of 0 or -1) are reproduced as-is because tracebacks
// depend on them.

export type SyntaxErrorKind = "SyntaxError" | "IndentationError" | "TabError";

export interface SyntaxErrorInfo {
  kind: SyntaxErrorKind;
  msg: string;
  filename: string;
  lineno: number | null;
  offset: number | null;
  end_lineno: number | null;
  end_offset: number | null;
  /** The offending source line as CPython reports it (may end with "\n"). */
  text: string | null;
}

export class PythonSyntaxError extends Error implements SyntaxErrorInfo {
  readonly kind: SyntaxErrorKind;
  readonly msg: string;
  readonly filename: string;
  readonly lineno: number | null;
  readonly offset: number | null;
  readonly end_lineno: number | null;
  readonly end_offset: number | null;
  readonly text: string | null;

  constructor(info: SyntaxErrorInfo) {
    super(`${info.kind}: ${info.msg} (${info.filename}, line ${info.lineno ?? "?"})`);
    this.name = "PythonSyntaxError";
    this.kind = info.kind;
    this.msg = info.msg;
    this.filename = info.filename;
    this.lineno = info.lineno;
    this.offset = info.offset;
    this.end_lineno = info.end_lineno;
    this.end_offset = info.end_offset;
    this.text = info.text;
  }

  /** The plain data, e.g. for comparing with CPython in tests. */
  toInfo(): SyntaxErrorInfo {
    return {
      kind: this.kind,
      msg: this.msg,
      filename: this.filename,
      lineno: this.lineno,
      offset: this.offset,
      end_lineno: this.end_lineno,
      end_offset: this.end_offset,
      text: this.text,
    };
  }
}
