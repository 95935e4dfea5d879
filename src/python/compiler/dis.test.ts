// The disassembler's layout (dis.dis's columns, instruction indexes as offsets).

import { describe, expect, it } from "vitest";
import { astFromJson, loadFixtures } from "../../../tests/fixtures/compiler/load.js";
import { disUnit } from "./dis.js";
import { compileAst } from "./index.js";

const fixtures = loadFixtures();

function compileSnippet(name: string) {
  const f = fixtures.snippets.find((s) => s.name === name)!;
  return compileAst(astFromJson(f.ast), { filename: "<snippet>" });
}

describe("dis", () => {
  it("lists instructions, nested code objects and exception tables", () => {
    const text = disUnit(compileSnippet("try_in_func_return"));
    expect(text).toBe(
      [
        "  0           0 RESUME                   0",
        "",
        "  1           1 LOAD_CONST               0 (<code object f, file \"<snippet>\", line 1>)",
        "              2 MAKE_FUNCTION            0",
        "              3 STORE_NAME               0 (f)",
        "              4 LOAD_CONST               1 (None)",
        "              5 RETURN_VALUE",
        "",
        "Disassembly of <code object f, file \"<snippet>\", line 1>:",
        "  1           0 RESUME                   0",
        "",
        "  2           1 NOP",
        "",
        "  3           2 LOAD_GLOBAL              1 (NULL + g)",
        "              3 CALL                     0",
        "",
        "  5           4 LOAD_GLOBAL              3 (NULL + h)",
        "              5 CALL                     0",
        "              6 POP_TOP",
        "              7 RETURN_VALUE",
        "        >>    8 PUSH_EXC_INFO",
        "              9 LOAD_GLOBAL              3 (NULL + h)",
        "             10 CALL                     0",
        "             11 POP_TOP",
        "             12 RERAISE                  0",
        "        >>   13 COPY                     3",
        "             14 POP_EXCEPT",
        "             15 RERAISE                  1",
        "ExceptionTable:",
        "  2 to 3 -> 8 [0]",
        "  8 to 12 -> 13 [1] lasti",
        "",
      ].join("\n"),
    );
  });
});
