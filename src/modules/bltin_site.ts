// Lib/_sitebuiltins.py (Quitter, _Printer, _Helper) and Python/bltinmodule.c's
// builtin_breakpoint: the names the site module adds to builtins (exit, quit, copyright,
// credits, license, help), done as small builtin types since heapscope runs no site.py.

import { PyObject } from "../runtime/object.js";
import { allocObject, freeObject } from "../runtime/heap.js";
import { decref, newRef } from "../runtime/refcount.js";
import { PyType } from "../runtime/type.js";
import { newStaticType, readyType } from "../runtime/typeroots.js";
import { raise, raiseOwned, RuntimeErrorType, SystemExitType, type PyBaseException } from "../runtime/exceptions.js";
import { callMethod, callObject, lookupAttr, reprText, strText } from "../runtime/abstract.js";
import { newStr } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import { parseArgs, checkPositional } from "../runtime/getargs.js";
import type { MethodDef } from "../runtime/methoddef.js";
import type { PyTuple } from "../runtime/tuple.js";
import { sysGetAttrBorrowed, id, noKwnames } from "./bltin_util.js";
import { writeStringToFile } from "./bltin_io.js";

/** An instance carrying JS-side text: the _sitebuiltins objects need no Python fields. */
class PySiteObject extends PyObject {
  name: string;
  text: string;
  constructor(type: PyType, name: string, text: string) {
    super(type);
    this.name = name;
    this.text = text;
  }
}

/** A plain Python instance is 48 bytes with its managed dict pre-header; these are close. */
const SITE_OBJECT_SIZE = 32;

function siteType(name: string): PyType {
  const t = newStaticType(`_sitebuiltins.${name}`, SITE_OBJECT_SIZE, 0, 0);
  t.dealloc = (self) => freeObject(self);
  t.repr = (self) => newStr((self as PySiteObject).text);
  return t;
}

function newSiteObject(type: PyType, name: string, text: string): PyObject {
  const o = new PySiteObject(type, name, text);
  allocObject(o, SITE_OBJECT_SIZE);
  return o;
}

function writeStdout(text: string): void {
  const out = sysGetAttrBorrowed("stdout");
  if (out === null || out === None) return;
  writeStringToFile(text, out);
}

// Quitter: exit() / quit() raise SystemExit(code) after closing sys.stdin.
export const QuitterType = siteType("Quitter");
QuitterType.call = (_self, args, start, nargs, kwnames) => {
  const p = parseArgs("__call__", args, start, nargs, kwnames, ["code"], 0);
  const stdin = sysGetAttrBorrowed("stdin");
  if (stdin !== null && stdin !== None) {
    try {
      decref(callMethod(stdin, id("close"), []));
    } catch {
      // Quitter.__call__ ignores any failure to close stdin.
    }
  }
  const code = p[0] ?? None;
  const exc = callObject(SystemExitType, [code], 0, 1, null);
  raiseOwned(exc as PyBaseException);
};
readyType(QuitterType);

// _Printer: copyright / credits / license show their text when called.
export const PrinterType = siteType("_Printer");
PrinterType.call = (self, _args, _start, nargs, kwnames) => {
  noKwnames("__call__", kwnames);
  checkPositional("__call__", nargs, 0, 0);
  const o = self as PySiteObject;
  writeStdout(`${o.name === "license" ? LICENSE_TEXT : o.text}\n`);
  return newRef(None);
};
readyType(PrinterType);

// _Helper: help() has no pydoc; it shows an object's docstring.
export const HelperType = siteType("_Helper");
HelperType.call = (_self, args, start, nargs, kwnames) => {
  noKwnames("__call__", kwnames);
  checkPositional("help", nargs, 0, 1);
  if (nargs === 0) {
    writeStdout("heapscope has no interactive help; help(object) shows the object's docstring.\n");
    return newRef(None);
  }
  const obj = args[start]!;
  const doc = lookupAttr(obj, id("__doc__"));
  let text = "";
  if (doc !== null) {
    if (doc !== None) text = strText(doc);
    decref(doc);
  }
  writeStdout(`Help on ${reprText(obj)}:\n\n${text.length > 0 ? text : "(no documentation)"}\n\n`);
  return newRef(None);
};
readyType(HelperType);

const COPYRIGHT_TEXT =
  "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\nCopyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\nCopyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\nCopyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.";
const CREDITS_TEXT =
  "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n    for supporting Python development.  See www.python.org for more information.";
const LICENSE_TEXT =
  "See https://www.python.org/psf/license/ for the license of Python, whose behaviour heapscope reproduces.";

/** The site-added builtins in the order site.py adds them: (name, object) new references. */
export function siteBuiltins(): [string, PyObject][] {
  return [
    ["quit", newSiteObject(QuitterType, "quit", "Use quit() or Ctrl-D (i.e. EOF) to exit")],
    ["exit", newSiteObject(QuitterType, "exit", "Use exit() or Ctrl-D (i.e. EOF) to exit")],
    ["copyright", newSiteObject(PrinterType, "copyright", COPYRIGHT_TEXT)],
    ["credits", newSiteObject(PrinterType, "credits", CREDITS_TEXT)],
    ["license", newSiteObject(PrinterType, "license", "Type license() to see the full license text")],
    ["help", newSiteObject(HelperType, "help", "Type help() for interactive help, or help(object) for help about object.")],
  ];
}

/** breakpoint(*args, **kws): sys.breakpointhook(*args, **kws). */
function builtinBreakpoint(_self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const hook = sysGetAttrBorrowed("breakpointhook");
  if (hook === null) raise(RuntimeErrorType, "lost sys.breakpointhook");
  hook.refcnt++;
  try {
    return callObject(hook, args, start, nargs, kwnames);
  } finally {
    decref(hook);
  }
}

export const SITE_BUILTIN_FUNCTIONS: readonly MethodDef[] = [
  { name: "breakpoint", kind: "fastcall", fn: builtinBreakpoint, doc: "Call sys.breakpointhook(*args, **kws)." },
];
