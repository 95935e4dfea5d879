// SyntaxErrors raised by the symbol table and the compiler: messages and locations as CPython
// 3.11 reports them (offsets are 1-based UTF-8 byte columns; see errors.ts).

import { describe, expect, it } from "vitest";
import { astFromJson, loadFixtures } from "../../../tests/fixtures/compiler/load.js";
import { PythonSyntaxError } from "../parser/errors.js";
import { compileAst, CompileRecursionError } from "./index.js";
import type { Expr, Module } from "../ast.js";

const fixtures = loadFixtures();

describe("compile-time SyntaxErrors match CPython 3.11", () => {
  for (const f of fixtures.errors) {
    it(f.name, () => {
      let caught: unknown = null;
      try {
        compileAst(astFromJson(f.ast), { filename: "<snippet>" });
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(PythonSyntaxError);
      const e = caught as PythonSyntaxError;
      expect({ msg: e.msg, lineno: e.lineno, offset: e.offset, end_lineno: e.end_lineno, end_offset: e.end_offset }).toEqual(f.error);
      expect(e.filename).toBe("<snippet>");
      expect(e.text).toBeNull();
    });
  }
});

describe("SyntaxError.text", () => {
  it("is the source line when the source is the file named", () => {
    const f = fixtures.errors.find((x) => x.name === "err_break_in_func")!;
    const lines = f.source.split("\n");
    try {
      compileAst(astFromJson(f.ast), { filename: "m.py", programText: (n) => lines[n - 1] + "\n" });
      expect.unreachable();
    } catch (e) {
      expect((e as PythonSyntaxError).text).toBe("    break\n");
    }
  });
});

describe("SyntaxWarnings match CPython 3.11", () => {
  for (const f of fixtures.warnings) {
    it(f.name, () => {
      const seen: { message: string; lineno: number }[] = [];
      compileAst(astFromJson(f.ast), {
        filename: "<snippet>",
        warn: (message, filename, lineno) => {
          expect(filename).toBe("<snippet>");
          seen.push({ message, lineno });
          return false;
        },
      });
      expect(seen).toEqual(f.warnings);
      // With the "error" filter the warning becomes a SyntaxError at the offending node.
      try {
        compileAst(astFromJson(f.ast), { filename: "<snippet>", warn: () => true });
        expect.unreachable();
      } catch (e) {
        const x = e as PythonSyntaxError;
        expect({ msg: x.msg, lineno: x.lineno, offset: x.offset, end_lineno: x.end_lineno, end_offset: x.end_offset }).toEqual(f.error);
      }
    });
  }
});

describe("deeply nested trees", () => {
  // compile("x = 1" + "+1" * n): CPython 3.11 compiles n = 2990 and raises RecursionError at 3000.
  function chain(n: number): Module {
    const loc = { lineno: 1, col_offset: 0, end_lineno: 1, end_col_offset: 1 };
    let e: Expr = { kind: "Name", id: "a", ctx: "Load", ...loc };
    for (let i = 0; i < n; i++) e = { kind: "BinOp", left: e, op: "Add", right: { kind: "Name", id: "b", ctx: "Load", ...loc }, ...loc };
    const target: Expr = { kind: "Name", id: "x", ctx: "Store", ...loc };
    return { kind: "Module", body: [{ kind: "Assign", targets: [target], value: e, type_comment: null, ...loc }], type_ignores: [] };
  }

  it("compiles a 2990-deep expression", () => {
    expect(() => compileAst(chain(2990), { filename: "<s>" })).not.toThrow();
  });

  it("raises RecursionError past the limit", () => {
    expect(() => compileAst(chain(3000), { filename: "<s>" })).toThrow(CompileRecursionError);
    expect(() => compileAst(chain(100000), { filename: "<s>" })).toThrow("maximum recursion depth exceeded during compilation");
  });
});
