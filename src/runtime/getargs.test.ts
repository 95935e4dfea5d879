// Argument parsing messages (Python/getargs.c, measured on CPython 3.11.7 builtins).
import { describe, expect, test } from "vitest";
import { checkNoArgs, checkOneArg, checkPositional, noKeywords, parseArgs } from "./getargs.js";
import { newInt } from "./int.js";
import { newStr } from "./str.js";
import { tupleFromBorrowed } from "./tuple.js";
import { pyError } from "./testing/pyfunc.js";

const one = newInt(1);
const kwX = tupleFromBorrowed([newStr("x")]);

describe("getargs", () => {
  test("positional counts", () => {
    expect(pyError(() => checkPositional("slice", 0, 1, 3))).toBe("TypeError: slice expected at least 1 argument, got 0");
    expect(pyError(() => checkPositional("slice", 4, 1, 3))).toBe("TypeError: slice expected at most 3 arguments, got 4");
    expect(pyError(() => checkPositional("cell", 2, 0, 1))).toBe("TypeError: cell expected at most 1 argument, got 2");
    expect(pyError(() => checkPositional("len", 0, 1, 1))).toBe("TypeError: len expected 1 argument, got 0");
    expect(pyError(() => checkNoArgs("list.clear", 1, null))).toBe("TypeError: list.clear() takes no arguments (1 given)");
    expect(pyError(() => checkOneArg("list.append", 2, null))).toBe("TypeError: list.append() takes exactly one argument (2 given)");
    expect(pyError(() => noKeywords("slice", kwX))).toBe("TypeError: slice() takes no keyword arguments");
  });

  test("clinic-style keywords", () => {
    const names = ["fget", "fset", "fdel", "doc"];
    expect(pyError(() => parseArgs("property", [one, one, one, one, one], 0, 5, null, names, 0))).toBe(
      "TypeError: property() takes at most 4 arguments (5 given)",
    );
    expect(pyError(() => parseArgs("property", [one], 0, 0, kwX, names, 0))).toBe("TypeError: 'x' is an invalid keyword argument for property()");
    expect(pyError(() => parseArgs("module", [], 0, 0, null, ["name", "doc"], 1))).toBe("TypeError: module() missing required argument 'name' (pos 1)");
    const kwName = tupleFromBorrowed([newStr("name")]);
    expect(pyError(() => parseArgs("module", [one, one], 0, 1, kwName, ["name", "doc"], 1))).toBe(
      "TypeError: argument for module() given by name ('name') and position (1)",
    );
    const r = parseArgs("module", [one, one], 0, 1, tupleFromBorrowed([newStr("doc")]), ["name", "doc"], 1);
    expect(r).toEqual([one, one]);
  });
});
