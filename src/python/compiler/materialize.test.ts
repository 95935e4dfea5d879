// Code objects built from compiled units: constant merging, interning and ownership
// (facts §6.2: equal constants of one compilation are one object).

import { describe, expect, it } from "vitest";
import { parse } from "../parser/index.js";
import * as code from "../code.js";
import type { PyCode } from "../code.js";
import type { PyStr } from "../../runtime/str.js";
import { internStr, newStr } from "../../runtime/str.js";
import { decref } from "../../runtime/refcount.js";
import { FREED_REFCNT, type PyObject } from "../../runtime/object.js";
import * as flags from "./codeflags.js";
import { compileAst } from "./index.js";
import { materialize } from "./materialize.js";
import { dis } from "./dis.js";

function compile(source: string): PyCode {
  return materialize(compileAst(parse(source, "m.py"), { filename: "m.py" }));
}

function nested(c: PyCode, name: string): PyCode {
  const found = c.consts.find((o) => o.type.name === "code" && (o as PyCode).name.value === name);
  if (found === undefined) throw new Error(`no code object ${name}`);
  return found as PyCode;
}

/** The constant of `c` whose str value (or int value) is `value`. */
function constOf(c: PyCode, value: string | number): PyObject {
  const found = c.consts.find((o) => {
    const v = (o as unknown as { value?: unknown }).value;
    return o.type.name !== "code" && v === value;
  });
  if (found === undefined) throw new Error(`no constant ${value}`);
  return found;
}

function same(a: unknown, b: unknown): boolean {
  return a === b;
}

describe("materialize", () => {
  it("uses code.ts's flag values", () => {
    for (const k of ["CO_OPTIMIZED", "CO_NEWLOCALS", "CO_VARARGS", "CO_VARKEYWORDS", "CO_NESTED", "CO_GENERATOR", "CO_COROUTINE", "CO_ASYNC_GENERATOR", "CO_FAST_LOCAL", "CO_FAST_CELL", "CO_FAST_FREE", "EXCEPTION_ENTRY_SIZE", "POSITION_SIZE"] as const) {
      expect(flags[k], k).toBe(code[k]);
    }
  });

  it("merges equal constants across the whole compilation", () => {
    const m = compile("def f():\n    return 1000\ndef g():\n    return 1000\nx = 'hello world'\ndef h():\n    return ('hello world', 1000)\n");
    const f = nested(m, "f");
    const g = nested(m, "g");
    const h = nested(m, "h");
    const k1 = constOf(f, 1000);
    expect(same(constOf(g, 1000), k1)).toBe(true);
    const t = h.consts.find((o) => o.type.name === "tuple") as PyObject & { items: PyObject[] };
    expect(same(t.items[1], k1)).toBe(true);
    expect(same(t.items[0], constOf(m, "hello world"))).toBe(true);
    // f and g share one co_consts tuple (None, 1000), which holds one reference; h's constant
    // tuple the other (CPython's makecode merges equal co_consts tuples).
    expect(same(f.constsTuple, g.constsTuple)).toBe(true);
    expect(k1.refcnt).toBe(2);
    decref(m);
  });

  it("interns identifier-like strings and names, not other strings", () => {
    const m = compile("a = 'hello_world'\nb = 'hello world'\nhello_world = 1\n");
    const ident = constOf(m, "hello_world") as PyStr;
    const interned = internStr("hello_world");
    expect(same(ident, interned)).toBe(true);
    decref(interned);
    expect(same(m.names.find((n) => n.value === "hello_world"), ident)).toBe(true);
    const other = constOf(m, "hello world") as PyStr;
    expect(other.interned).toBe(0);
    decref(m);
  });

  it("shares the filename and names nested code objects", () => {
    const m = compile("def outer():\n    def inner():\n        pass\n    return inner\n");
    const outer = nested(m, "outer");
    const inner = nested(outer, "inner");
    expect(same(outer.filename, m.filename) && same(inner.filename, m.filename)).toBe(true);
    expect(inner.qualname.value).toBe("outer.<locals>.inner");
    expect(same(outer.qualname, outer.name)).toBe(true);
    decref(m);
  });

  it("releases every constant with the code object", () => {
    const m = compile("def f():\n    return (12345, 'x y', 2.5, 3j, b'zz', 10**20)\ndef g(x):\n    return x in {7, 8}\n");
    const tuple = nested(m, "f").consts.find((o) => o.type.name === "tuple")!;
    const frozen = nested(m, "g").consts.find((o) => o.type.name === "frozenset")!;
    expect([tuple.refcnt, frozen.refcnt]).toEqual([1, 1]);
    decref(m);
    expect([tuple.refcnt, frozen.refcnt]).toEqual([FREED_REFCNT, FREED_REFCNT]);
  });

  it("disassembles runtime code objects", () => {
    const m = compile("x = (1, 'a b')\n");
    expect(dis(m)).toContain("LOAD_CONST               0 ((1, 'a b'))");
    decref(m);
    void newStr;
  });
});
