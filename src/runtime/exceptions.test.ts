// Builtin exceptions: sizes, str/repr, family fields, attribute setters. Expected values
// measured on CPython 3.11.7.
import { describe, expect, test } from "vitest";
import {
  BaseExceptionType,
  BlockingIOErrorType,
  ExceptionType,
  FileNotFoundErrorType,
  ImportErrorType,
  KeyErrorType,
  NameErrorType,
  OSErrorType,
  StopIterationType,
  SyntaxErrorType,
  SystemExitType,
  UnicodeDecodeErrorType,
  UnicodeEncodeErrorType,
  ValueErrorType,
  AttributeErrorType,
  MemoryErrorType,
  PyBaseException,
  exceptionMatches,
  BaseExceptionGroupType,
  KeyboardInterruptType,
  TypeErrorType,
  exceptionGroupType,
  exceptionSetContext,
  prepReraiseStar,
} from "./exceptions.js";
import { listFromBorrowed } from "./list.js";
import { fn } from "./testing/pyfunc.js";
import { False, True } from "./bool.js";
import { newRef } from "./refcount.js";
import { callObject, getAttr, objectStr, setAttr } from "./abstract.js";
import { newStr, staticStr, type PyStr } from "./str.js";
import { newInt, intAsNumber, type PyInt } from "./int.js";
import { None } from "./singletons.js";
import { decref } from "./refcount.js";
import { tupleFromBorrowed, type PyTuple } from "./tuple.js";
import { attr, getsizeof, makeClass, pyError, reprOf } from "./testing/pyfunc.js";
import { gcIsTracked } from "./gcstate.js";
import type { PyObject } from "./object.js";
import type { PyType } from "./type.js";

function make(t: PyType, ...args: PyObject[]): PyBaseException {
  return callObject(t, args, 0, args.length, null) as PyBaseException;
}

function makeKw(t: PyType, args: PyObject[], kw: Record<string, PyObject>): PyBaseException {
  const names = Object.keys(kw).map((k) => newStr(k));
  const values = [...args, ...Object.values(kw)];
  const kwnames = tupleFromBorrowed(names);
  try {
    return callObject(t, values, 0, args.length, kwnames) as PyBaseException;
  } finally {
    decref(kwnames);
  }
}

function str(o: PyObject): string {
  const s = objectStr(o);
  const v = s.value;
  decref(s);
  return v;
}

function field(o: PyObject, name: string): PyObject {
  const v = getAttr(o, staticStr(name));
  decref(v);
  return v;
}

describe("BaseException", () => {
  test("sizes and tracking", () => {
    const e = make(ExceptionType);
    expect(getsizeof(e)).toBe(88);
    expect(gcIsTracked(e)).toBe(true);
    const v = make(ValueErrorType, newStr("x"));
    expect(getsizeof(v)).toBe(88);
    const E = makeClass("E", [ExceptionType]);
    const sub = make(E, newStr("a"));
    expect(getsizeof(sub)).toBe(96);
    for (const o of [e, v, sub, E]) decref(o);
  });

  test("str of zero, one and several arguments", () => {
    const a = make(ValueErrorType);
    const b = make(ValueErrorType, newStr("x"));
    const c = make(ValueErrorType, newInt(1), newInt(2));
    expect(str(a)).toBe("");
    expect(str(b)).toBe("x");
    expect(str(c)).toBe("(1, 2)");
    expect(reprOf(a)).toBe("ValueError()");
    expect(reprOf(c)).toBe("ValueError(1, 2)");
    for (const o of [a, b, c]) decref(o);
  });

  test("KeyError's str is the key's repr", () => {
    const k = make(KeyErrorType, newInt(5));
    expect(str(k)).toBe("5");
    const empty = make(KeyErrorType);
    expect(str(empty)).toBe("");
    decref(k);
    decref(empty);
  });

  test("keyword arguments are refused", () => {
    expect(pyError(() => makeKw(ValueErrorType, [], { x: newInt(1) }))).toBe("TypeError: ValueError() takes no keyword arguments");
  });

  test("chaining attributes and their setters", () => {
    const e = make(ValueErrorType, newStr("x"));
    expect(field(e, "__cause__")).toBe(None);
    expect(field(e, "__context__")).toBe(None);
    expect(field(e, "__traceback__")).toBe(None);
    const one = newInt(1);
    expect(pyError(() => setAttr(e, staticStr("__cause__"), one))).toBe("TypeError: exception cause must be None or derive from BaseException");
    expect(pyError(() => setAttr(e, staticStr("__context__"), one))).toBe(
      "TypeError: exception context must be None or derive from BaseException",
    );
    expect(pyError(() => setAttr(e, staticStr("__traceback__"), one))).toBe("TypeError: __traceback__ must be a traceback or None");
    expect(pyError(() => setAttr(e, staticStr("args"), null))).toBe("TypeError: args may not be deleted");
    const k = make(KeyErrorType);
    setAttr(e, staticStr("__cause__"), k);
    expect(e.suppressContext).toBe(true);
    expect(e.cause).toBe(k);
    decref(k);
    decref(e);
  });

  test("add_note stores __notes__ in the instance dict", () => {
    const e = make(ValueErrorType, newStr("x"));
    const addNote = getAttr(e, staticStr("add_note"));
    decref(callObject(addNote, [newStr("n1")], 0, 1, null));
    expect(pyError(() => callObject(addNote, [newInt(1)], 0, 1, null))).toBe("TypeError: note must be a str, not 'int'");
    decref(addNote);
    const notes = field(e, "__notes__");
    expect(reprOf(notes)).toBe("['n1']");
    decref(e);
  });

  test("descriptors in the dicts", () => {
    expect(reprOf(attr(BaseExceptionType, "args"))).toBe("<attribute 'args' of 'BaseException' objects>");
    expect(reprOf(attr(ValueErrorType, "__init__"))).toBe("<slot wrapper '__init__' of 'ValueError' objects>");
    expect(reprOf(attr(BaseExceptionType, "__new__"))).toMatch(/^<built-in method __new__ of type object at 0x/);
  });
});

describe("families with fields", () => {
  test("StopIteration.value and SystemExit.code", () => {
    const s = make(StopIterationType, newInt(5));
    expect(intAsNumber(field(s, "value") as PyInt)).toBe(5);
    const s0 = make(StopIterationType);
    expect(field(s0, "value")).toBe(None);
    const x = make(SystemExitType);
    expect(field(x, "code")).toBe(None);
    const x2 = make(SystemExitType, newInt(1), newInt(2));
    expect(reprOf(field(x2, "code"))).toBe("(1, 2)");
    for (const o of [s, s0, x, x2]) decref(o);
  });

  test("OSError maps errno to subclasses and formats filenames", () => {
    const e = make(OSErrorType, newInt(2), newStr("No such file"));
    expect(e.type).toBe(FileNotFoundErrorType);
    expect(str(e)).toBe("[Errno 2] No such file");
    const f = make(OSErrorType, newInt(2), newStr("No such file"), newStr("f.txt"));
    expect(str(f)).toBe("[Errno 2] No such file: 'f.txt'");
    expect(reprOf(f.args)).toBe("(2, 'No such file')");
    const g = make(OSErrorType, newInt(1), newInt(2), newInt(3), newInt(4), newInt(5));
    expect(str(g)).toBe("[Errno 1] 2: 3 -> 5");
    const h = make(OSErrorType, newStr("x"));
    expect(h.type).toBe(OSErrorType);
    expect(field(h, "errno")).toBe(None);
    const b = make(BlockingIOErrorType, newInt(11), newStr("x"), newInt(5));
    expect(intAsNumber(field(b, "characters_written") as PyInt)).toBe(5);
    expect(pyError(() => field(h, "characters_written"))).toBe("AttributeError: characters_written");
    for (const o of [e, f, g, h, b]) decref(o);
  });

  test("SyntaxError fields and str", () => {
    const info = tupleFromBorrowed([newStr("f.py"), newInt(1), newInt(2), newStr("x y"), newInt(1), newInt(3)]);
    const e = make(SyntaxErrorType, newStr("invalid syntax"), info);
    expect(str(e)).toBe("invalid syntax (f.py, line 1)");
    expect(intAsNumber(field(e, "end_offset") as PyInt)).toBe(3);
    expect(field(e, "print_file_and_line")).toBe(None);
    const m = make(SyntaxErrorType, newStr("m"));
    expect(str(m)).toBe("m");
    const p = make(SyntaxErrorType, newStr("m"), tupleFromBorrowed([newStr("/a/b/f.py"), None, newInt(1), newStr("x")]));
    expect(str(p)).toBe("m (f.py)");
    expect(pyError(() => make(SyntaxErrorType, newStr("m"), tupleFromBorrowed([newInt(1), newInt(2)])))).toBe(
      "TypeError: function takes at least 4 arguments (2 given)",
    );
    for (const o of [e, m, p]) decref(o);
  });

  test("ImportError, NameError, AttributeError keyword fields", () => {
    const e = makeKw(ImportErrorType, [newStr("m")], { name: newStr("n"), path: newStr("p") });
    expect((field(e, "name") as PyStr).value).toBe("n");
    expect((field(e, "msg") as PyStr).value).toBe("m");
    expect(str(e)).toBe("m");
    expect(pyError(() => makeKw(ImportErrorType, [newStr("m")], { foo: newInt(1) }))).toBe(
      "TypeError: 'foo' is an invalid keyword argument for ImportError()",
    );
    const n = makeKw(NameErrorType, [newStr("x")], { name: newStr("n") });
    expect((field(n, "name") as PyStr).value).toBe("n");
    const a = makeKw(AttributeErrorType, [newStr("x")], { name: newStr("n"), obj: newInt(1) });
    expect(intAsNumber(field(a, "obj") as PyInt)).toBe(1);
    for (const o of [e, n, a]) decref(o);
  });

  test("UnicodeEncodeError / UnicodeDecodeError messages", () => {
    const enc = make(UnicodeEncodeErrorType, newStr("ascii"), newStr("\xe9a"), newInt(0), newInt(1), newStr("ordinal not in range(128)"));
    expect(str(enc)).toBe("'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)");
    const euro = make(UnicodeEncodeErrorType, newStr("ascii"), newStr("\u20ac"), newInt(0), newInt(1), newStr("r"));
    expect(str(euro)).toBe("'ascii' codec can't encode character '\\u20ac' in position 0: r");
    expect(pyError(() => make(UnicodeDecodeErrorType, newStr("utf-8")))).toBe("TypeError: function takes exactly 5 arguments (1 given)");
    decref(enc);
    decref(euro);
  });

  test("MemoryError() and matching", () => {
    const m = make(MemoryErrorType);
    expect(m.args.items.length).toBe(0);
    expect(exceptionMatches(m, ExceptionType)).toBe(true);
    expect(exceptionMatches(m, tupleFromBorrowed([ValueErrorType, MemoryErrorType]) as PyTuple)).toBe(true);
    expect(exceptionMatches(m, ValueErrorType)).toBe(false);
    decref(m);
  });
});


describe("exception groups", () => {
  function group(msg: string, ...excs: PyObject[]): PyBaseException {
    const list = listFromBorrowed(excs);
    const m = newStr(msg);
    try {
      return make(BaseExceptionGroupType, m, list);
    } finally {
      decref(list);
      decref(m);
    }
  }

  test("a group of Exceptions is an ExceptionGroup (a heap type, as in CPython)", () => {
    const eg = group("msg", make(ValueErrorType, newInt(1)), make(TypeErrorType, newInt(2)));
    const EG = exceptionGroupType();
    expect(eg.type).toBe(EG);
    expect([EG.basicsize, EG.weaklistoffset, EG.dictoffset]).toEqual([96, 88, 16]);
    expect(str(eg)).toBe("msg (2 sub-exceptions)");
    expect(reprOf(eg)).toBe("ExceptionGroup('msg', [ValueError(1), TypeError(2)])");
    const b = group("b", make(KeyboardInterruptType));
    expect(b.type).toBe(BaseExceptionGroupType);
    expect(pyError(() => group("m"))).toBe("ValueError: second argument (exceptions) must be a non-empty sequence");
    expect(pyError(() => callObject(EG, [newStr("m"), listFromBorrowed([make(KeyboardInterruptType)])], 0, 2, null))).toBe(
      "TypeError: Cannot nest BaseExceptions in an ExceptionGroup",
    );
    decref(eg);
    decref(b);
  });

  test("split, subgroup and derive keep the nesting", () => {
    const inner = group("inner", make(KeyErrorType, newInt(3)), make(ValueErrorType, newInt(4)));
    const eg = group("msg", make(ValueErrorType, newInt(1)), make(TypeErrorType, newInt(2)), inner);
    const split = getAttr(eg, staticStr("split"));
    const parts = callObject(split, [ValueErrorType], 0, 1, null) as PyTuple;
    expect(reprOf(parts.items[0]!)).toBe("ExceptionGroup('msg', [ValueError(1), ExceptionGroup('inner', [ValueError(4)])])");
    expect(reprOf(parts.items[1]!)).toBe("ExceptionGroup('msg', [TypeError(2), ExceptionGroup('inner', [KeyError(3)])])");
    const subgroup = getAttr(eg, staticStr("subgroup"));
    const onlyType = callObject(subgroup, [fn("pred", (a) => newRef(a[0]!.type === TypeErrorType ? True : False))], 0, 1, null);
    expect(reprOf(onlyType)).toBe("ExceptionGroup('msg', [TypeError(2)])");
    expect(callObject(subgroup, [OSErrorType], 0, 1, null)).toBe(None);
    expect(pyError(() => callObject(split, [newInt(1)], 0, 1, null))).toBe(
      "TypeError: expected a function, exception type or tuple of exception types",
    );
    for (const o of [split, parts, subgroup, onlyType, eg, inner]) decref(o);
  });

  test("prepReraiseStar: re-raised leaves keep their place, new ones become siblings", () => {
    const v = make(ValueErrorType, newInt(1));
    const t = make(TypeErrorType, newInt(2));
    const eg = group("msg", v, t);
    const split = getAttr(eg, staticStr("split"));
    const parts = callObject(split, [ValueErrorType], 0, 1, null) as PyTuple;
    const reraised = prepReraiseStar(eg, [parts.items[0]!]);
    expect(reprOf(reraised)).toBe("ExceptionGroup('msg', [ValueError(1)])");
    const fresh = make(KeyErrorType, newInt(9));
    // Raised inside the except* clause: its context is the matched part.
    exceptionSetContext(fresh, parts.items[0]!);
    const mixed = prepReraiseStar(eg, [fresh, parts.items[1]!]);
    expect(reprOf(mixed)).toBe("ExceptionGroup('', [KeyError(9), ExceptionGroup('msg', [TypeError(2)])])");
    expect(prepReraiseStar(eg, [])).toBe(None);
    for (const o of [split, parts, reraised, fresh, mixed, eg]) decref(o);
  });
});
