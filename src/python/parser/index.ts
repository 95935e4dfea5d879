// Parser/peg_api.c (CPython 3.11): the parser's public surface.

export { parse } from "./parse.js";
export { dumpAst, type DumpOptions } from "./dump.js";
export { PythonSyntaxError, type SyntaxErrorInfo, type SyntaxErrorKind } from "./errors.js";
