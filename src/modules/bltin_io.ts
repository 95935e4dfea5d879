// Python/bltinmodule.c (3.11): builtin_print, builtin_input_impl, and io.open's argument
// handling; Objects/fileobject.c: PyFile_WriteObject, PyFile_WriteString.
//
// print() writes through whatever object sys.stdout (or file=) is, calling its write()
// method for every piece as CPython does, so programs may redirect sys.stdout. Python code
// has no access to the host: input() always meets end of file and open() refuses.

import type { PyObject } from "../runtime/object.js";
import { decref, newRef } from "../runtime/refcount.js";
import {
  raise, RuntimeErrorType, TypeErrorType, EOFErrorType, PermissionErrorType,
  newExceptionFromOwnedArgs, raiseOwned,
} from "../runtime/exceptions.js";
import { getAttr, objectStr, objectRepr, callOneArg, callMethod, isTrue } from "../runtime/abstract.js";
import { isStr, newStr, staticStr, strSubstring, type PyStr } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import { newInt } from "../runtime/int.js";
import { tupleFromBorrowed, tupleFromOwned, type PyTuple } from "../runtime/tuple.js";
import { checkPositional, parseArgs } from "../runtime/getargs.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { noKwnames, sysGetAttrBorrowed, id } from "./bltin_util.js";

/** PyFile_WriteObject: file.write(str(v)) (or repr(v) when not raw). */
export function writeObjectToFile(v: PyObject, file: PyObject, raw: boolean): void {
  const writer = getAttr(file, id("write"));
  try {
    const value = raw ? objectStr(v) : objectRepr(v);
    try {
      decref(callOneArg(writer, value));
    } finally {
      decref(value);
    }
  } finally {
    decref(writer);
  }
}

/** PyFile_WriteString */
export function writeStringToFile(text: string, file: PyObject): void {
  const s = newStr(text);
  try {
    writeObjectToFile(s, file, true);
  } finally {
    decref(s);
  }
}

/**
 * 3.11's Argument Clinic wrapper of print builds two objects CPython programs can observe
 * through gc.get_count(): a keyword-name tuple created once, on the first call (its
 * _PyArg_Parser's kwtuple), and a tuple of the positional arguments on every call (from the
 * tuple free list when one of that size is parked there).
 */
let printKeywordTuple: PyTuple | null = null;

function builtinPrint(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (printKeywordTuple === null) {
    printKeywordTuple = tupleFromOwned(["sep", "end", "file", "flush"].map((name) => newRef(staticStr(name)) as PyObject));
  }
  const argsTuple = tupleFromBorrowed(args.slice(start, start + nargs));
  try {
    return printWithArgs(argsTuple, args, start, nargs, kwnames);
  } finally {
    decref(argsTuple);
  }
}

function printWithArgs(argsTuple: PyTuple, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  let sep: PyObject | null = null;
  let end: PyObject | null = null;
  let file: PyObject | null = null;
  let flush = false;
  if (kwnames !== null) {
    const names = kwnames.items;
    for (let k = 0; k < names.length; k++) {
      const name = (names[k] as PyStr).value;
      const value = args[start + nargs + k]!;
      if (name === "sep") sep = value;
      else if (name === "end") end = value;
      else if (name === "file") file = value;
      else if (name === "flush") flush = isTrue(value);
      else raise(TypeErrorType, `'${name}' is an invalid keyword argument for print()`);
    }
  }
  if (file === null || file === None) {
    file = sysGetAttrBorrowed("stdout");
    if (file === null) raise(RuntimeErrorType, "lost sys.stdout");
    // sys.stdout may be None when there is no standard output.
    if (file === None) return newRef(None);
  }
  if (sep === None) sep = null;
  else if (sep !== null && !isStr(sep)) raise(TypeErrorType, `sep must be None or a string, not ${sep.type.name}`);
  if (end === None) end = null;
  else if (end !== null && !isStr(end)) raise(TypeErrorType, `end must be None or a string, not ${end.type.name}`);
  // Keep the file alive while its write() runs (it may rebind sys.stdout).
  file.refcnt++;
  try {
    for (let i = 0; i < nargs; i++) {
      if (i > 0) {
        if (sep === null) writeObjectToFile(staticStr(" "), file, true);
        else writeObjectToFile(sep, file, true);
      }
      writeObjectToFile(argsTuple.items[i]!, file, true);
    }
    if (end === null) writeObjectToFile(staticStr("\n"), file, true);
    else writeObjectToFile(end, file, true);
    if (flush) decref(callMethod(file, id("flush"), []));
  } finally {
    decref(file);
  }
  return newRef(None);
}

function lostStream(name: string, fn: string): PyObject {
  const f = sysGetAttrBorrowed(name);
  if (f === null || f === None) raise(RuntimeErrorType, `${fn}(): lost sys.${name}`);
  return f;
}

/** input(prompt=None): prompt to sys.stdout, then one line from sys.stdin. */
function builtinInput(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKwnames("input", kwnames);
  checkPositional("input", nargs, 0, 1);
  const fin = lostStream("stdin", "input");
  const fout = lostStream("stdout", "input");
  const ferr = lostStream("stderr", "input");
  decref(callMethod(ferr, id("flush"), []));
  if (nargs === 1 && args[start] !== None) {
    writeObjectToFile(args[start]!, fout, true);
  }
  decref(callMethod(fout, id("flush"), []));
  const line = callMethod(fin, id("readline"), []);
  if (!isStr(line)) {
    decref(line);
    raise(TypeErrorType, "object.readline() returned non-string");
  }
  if (line.length === 0) {
    decref(line);
    raise(EOFErrorType, "EOF when reading a line");
  }
  if (line.value.endsWith("\n")) {
    const stripped = strSubstring(line, 0, line.length - 1);
    decref(line);
    return stripped;
  }
  return line;
}

const OPEN_PARAMETERS = ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"];

/** open(): no host files are reachable from Python code. */
function builtinOpen(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const p = parseArgs("open", args, start, nargs, kwnames, OPEN_PARAMETERS, 1);
  const file = p[0]!;
  // OSError(errno, strerror, filename): "[Errno 1] ...: 'name'".
  const exc = newExceptionFromOwnedArgs(
    PermissionErrorType,
    tupleFromOwned([newInt(1), newStr("heapscope gives Python programs no access to the host's files"), newRef(file)]),
  );
  raiseOwned(exc);
}

export const IO_BUILTINS: readonly MethodDef[] = [
  { name: "input", kind: "fastcall", fn: builtinInput, doc: "Read a string from standard input.  The trailing newline is stripped." },
  { name: "print", kind: "fastcall", fn: builtinPrint, doc: "Prints the values to a stream, or to sys.stdout by default." },
];

export const OPEN_BUILTIN: MethodDef = {
  name: "open",
  kind: "fastcall",
  fn: builtinOpen,
  doc: "Open file and return a stream.  Raise OSError upon failure.",
};
