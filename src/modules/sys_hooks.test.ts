// Expected output measured on CPython 3.11.7 (addresses masked).
import { describe, expect, test } from "vitest";
import { runPython } from "./bltin_testing.js";

function masked(text: string): string {
  return text.replace(/0x[0-9a-f]+/g, "0x?");
}

describe("sys.unraisablehook", () => {
  test("the default hook, a replaced hook, a failing hook", () => {
    const source = [
      "import sys",
      "class D:",
      "    def __del__(self): raise ValueError('in del')",
      "d = D(); del d",
      "def hook(u):",
      "    print('hook', u.exc_type.__name__, u.exc_value, u.err_msg, u.object.__qualname__, type(u).__name__)",
      "sys.unraisablehook = hook",
      "d = D(); del d",
      "def badhook(u): raise KeyError('hook failed')",
      "sys.unraisablehook = badhook",
      "d = D(); del d",
      "sys.unraisablehook = sys.__unraisablehook__",
      "print(type(sys.flags).__name__)",
    ].join("\n");
    const r = runPython(source, "u.py");
    expect(r.stdout).toBe("hook ValueError in del None D.__del__ UnraisableHookArgs\nflags\n");
    expect(masked(r.stderr)).toBe(
      [
        "Exception ignored in: <function D.__del__ at 0x?>",
        "Traceback (most recent call last):",
        '  File "u.py", line 3, in __del__',
        "    def __del__(self): raise ValueError('in del')",
        "                       ^^^^^^^^^^^^^^^^^^^^^^^^^^",
        "ValueError: in del",
        "Exception ignored in sys.unraisablehook: <function badhook at 0x?>",
        "Traceback (most recent call last):",
        '  File "u.py", line 9, in badhook',
        "    def badhook(u): raise KeyError('hook failed')",
        "                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
        "KeyError: 'hook failed'",
        "",
      ].join("\n"),
    );
  });

  test("sys.excepthook replaced by the program", () => {
    const source = [
      "import sys",
      "def hook(t, v, tb): print('custom', t.__name__, v)",
      "sys.excepthook = hook",
      "sys.excepthook(ValueError, ValueError('v'), None)",
      "print(sys.__excepthook__ is not hook)",
    ].join("\n");
    expect(runPython(source).stdout).toBe("custom ValueError v\nTrue\n");
  });
});
